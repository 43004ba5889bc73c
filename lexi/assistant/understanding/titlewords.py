"""The words of the title vocabulary (``lexi.prospects.vocabulary``) and the pairs they make.

A word titles use ("instructional", "admission", "police") may go on a spelled-out function
("directors of instructional technology"); a pair titles use ("public works", "call center",
"building engineer") holds together where the words alone would be read apart (a stop word, a
verb of outreach, a gerund before a keyword, a company noun).
"""

from __future__ import annotations

from itertools import pairwise

from lexi.prospects.vocabulary import vocabulary

from .text import norm_key

_KEYS = [norm_key(title).split() for title in vocabulary()]
VOCABULARY_WORDS = frozenset(word for words in _KEYS for word in words)
VOCABULARY_PAIRS = frozenset(pair for words in _KEYS for pair in pairwise(words))
