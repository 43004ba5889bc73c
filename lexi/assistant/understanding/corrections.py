"""Corrections made while typing: "CFOs, sorry, controllers at hospitals in Ohio".

The words before the marker ("sorry", "I mean", "or rather", "scratch that", "no wait", a "no"
or "well" between commas) are replaced by the words after it, and only those words: "give me
40, no, 60 compliance officers" keeps the compliance officers, "marketing people at agencies,
no wait, at software companies" keeps the marketing people.
"""

from __future__ import annotations

import re

from .slots import SEARCH_VERBS

_MARKER = re.compile(
    r"\s*,\s*(?:sorry|i\s+mean|i\s+meant|or\s+rather|scratch\s+that|no\s+wait|wait\s+no|"
    r"(?:no|nope|well|wait)(?=\s*,))\s*,?\s+(?=\S)",
    re.IGNORECASE,
)
_PREPOSITION = re.compile(r"(at|in|from|for|with|of)\s", re.IGNORECASE)
_NUMBER = re.compile(r"\d[\d,.]*[km]?\b", re.IGNORECASE)
# Words where the corrected phrase cannot reach back past.
_BOUNDARY = SEARCH_VERBS | {
    "me",
    "us",
    "leave",
    "out",
    "exclude",
    "excluding",
    "without",
    "only",
    "add",
    "drop",
    "remove",
    "for",
    "to",
    "and",
    "please",
    "the",
    "some",
    "in",
    "at",
    "from",
    "near",
}
# "CEOs in Texas, no, not Austin": a refinement after the marker, not a correction.
_NOT_A_CORRECTION = re.compile(r"(?:not|but|only|also|and|just|except|excluding)\b", re.IGNORECASE)
_REALLY = re.compile(r"^([^,;]*?)\s+really\b", re.IGNORECASE)


def corrected(text: str) -> str:
    """The text with each correction applied (at most three per message)."""
    for _ in range(3):
        m = _MARKER.search(text)
        if not m:
            return text
        start = _replaced_start(text[: m.start()], text[m.end() :])
        if start is None:
            return text
        after = _REALLY.sub(r"\1", text[m.end() :], count=1)
        text = text[:start] + after
    return text


def _replaced_start(before: str, after: str) -> int | None:
    """Where the words that the correction replaces begin, or None when there are none."""
    if _NOT_A_CORRECTION.match(after):
        return None
    prep = _PREPOSITION.match(after)
    if prep:
        found = list(re.finditer(rf"\b{prep[1]}\s", before, re.IGNORECASE))
        return found[-1].start() if found else None
    if _NUMBER.match(after):
        found = list(_NUMBER.finditer(before))
        return found[-1].start() if found and found[-1].end() == len(before) else None
    words = list(re.finditer(r"[\w'&/-]+", before))
    start = None
    for w in reversed(words):
        gap = before[w.end() : start if start is not None else len(before)]
        if "," in gap or ";" in gap or w[0].lower() in _BOUNDARY or _NUMBER.fullmatch(w[0]):
            break
        start = w.start()
    return start
