"""Requests in other languages: what the rules read of them, and when to ask instead.

Common job titles in Spanish, French, German and Portuguese are in ``data/roles.toml`` and places
are the gazetteer's, so "directores de ventas en Madrid" or "DRH à Paris" are searched. A request
in those languages with other words left unread ("Geschäftsführer von Softwarefirmen in Berlin")
would be searched without them, a wider search than asked: it is answered with a question
(``clarify("language")``) instead. The short words that tell the languages apart are in
``data/languages.toml``.
"""

from __future__ import annotations

import re

from .lexicon import data_file
from .slots import Slots

_WORDS = frozenset(
    word for words in data_file("languages.toml")["words"].values() for word in words
)
# "CFOs at de Beers", "people from van Oord": a name's particle, not a language.
_NAME_PARTICLE = re.compile(
    r"\b(?:at|from|with|of|for)\s+(?:de|von|van|la|le|du|der|den|da|dos|del)\s+[A-Z]"
)


def other_language(text: str, slots: Slots) -> bool:
    """Whether a request reads as written in another language, with words left unread."""
    if not slots.unknown:
        return False
    words = [w.lower() for w in slots.unknown]
    foreign = sum(w in _WORDS for w in words)
    return 0 < foreign < len(words) and not _NAME_PARTICLE.search(text)


_WORD = re.compile(r"[^\W\d_]+")


def looks_foreign(text: str) -> bool:
    """Whether a message nothing was understood of has two or more of those short words."""
    return sum(w.lower() in _WORDS for w in _WORD.findall(text)) >= 2
