"""Names people give things (lists, API keys, contacts): one normal form, no hidden characters.

``clean_name`` NFKC-normalises (so full-width and compatibility look-alikes become the plain
letters they look like) and rejects invisible and direction-changing characters (bidi controls,
zero-width spaces and joiners, other format and control characters), which would let two names
look the same or make one display as something else.
"""

from __future__ import annotations

import functools
import re
import unicodedata

_HIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Co", "Cs", "Zl", "Zp"})


def hidden_characters(value: str) -> list[str]:
    """The code points (``U+202E``) of invisible or control characters in ``value``."""
    return [
        f"U+{ord(c):04X}"
        for c in value
        if unicodedata.category(c) in _HIDDEN_CATEGORIES and c not in "\t"
    ]


def clean_name(value: str) -> str:
    """``value`` in NFKC; ValueError if it hides characters."""
    hidden = hidden_characters(value)
    if hidden:
        raise ValueError(
            "Must not contain invisible or direction-changing characters "
            f"({', '.join(dict.fromkeys(hidden))})"
        )
    return unicodedata.normalize("NFKC", value)


def clean_optional_name(value: str | None) -> str | None:
    return None if value is None else clean_name(value)


_OF_HEADS = {"vp", "svp", "evp", "head", "director", "chief", "vice president", "manager"}


def _plural_word(title: str) -> str:
    if title.endswith(("s", "x")) and not title.isupper():
        return title
    if title.endswith("y") and not title.isupper() and title[-2:-1] not in "aeiou":
        return title[:-1] + "ies"
    return title + "s"


@functools.lru_cache(maxsize=4096)
def plural_title(title: str) -> str:
    """A job title in the plural: "VP of Sales" -> "VPs of Sales", "SDR" -> "SDRs",
    "Head of Marketing" -> "Heads of Marketing", "Account Executive" -> "Account Executives"."""
    m = re.match(r"^(.+?)(\s+(?:of|for|in)\s+.+)$", title)
    if (m and not re.search(r"\s", m[1])) or (m and m[1].lower() in _OF_HEADS):
        return _plural_word(m[1]) + m[2]
    return _plural_word(title)
