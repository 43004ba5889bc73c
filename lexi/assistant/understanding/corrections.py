"""Corrections made while typing: "CFOs, sorry, controllers at hospitals in Ohio".

The words before the marker ("sorry", "I mean", "or rather", "scratch that", "no wait", a "no"
or "well" between commas) are replaced by the words after it, and only those words: "give me
40, no, 60 compliance officers" keeps the compliance officers, "marketing people at agencies,
no wait, at software companies" keeps the marketing people. A number said again alone keeps the
words that named the first ("200-1000 employees, no sorry, 200-2000").

A correction said as a sentence of its own ("sorry not biotech, medical devices", "oops, I wrote
fintech but I meant insurance") is read as "<new> instead of <old>" (``said_instead``).
"""

from __future__ import annotations

import re

from .slots import SEARCH_VERBS

# Words before a correction said as a sentence of its own: "sorry", "oops", "no wait", "and".
_LEAD = (
    r"(?P<lead>\W*(?:(?:sorry|oops|whoops|no|nope|nah|wait|ugh|actually|hmm+|ah|oh|ok(?:ay)?|"
    r"and|also|my\s+bad|my\s+mistake)\W+)*)"
)
# "sorry not biotech, medical devices", "not Ohio, Iowa", "no, not CTOs but CFOs": the second
# value in place of the first (when both are the same kind of value; "not Germany, add Austria"
# and "not Miami itself, the rest of Florida" add nothing in place).
_NOT_THEN_NEW = re.compile(
    rf"^{_LEAD}(?:(?:it'?s|it\s+is|make\s+(?:it|that))\s+)?not\s+(?P<old>[^,;.!?]+?)"
    r"(?:\s*[,;]\s*(?:but\s+|it'?s\s+|i\s+meant?\s+)?|\s+but\s+(?:i\s+meant?\s+)?)"
    r"(?!\s*(?:(?:the\s+)?rest|anywhere|everywhere|elsewhere|other|outside|add|include|keep|just|"
    r"only|but|and|also|not|no|plus|except|excluding|too|either|neither|nor|please|thanks|i|we|"
    r"they|it|that|this)\b)"
    r"\s*(?P<new>\w[^,;.!?]*?)\W*$",
    re.IGNORECASE,
)
# "oops, I wrote fintech but I meant insurance companies", "no wait, I typed Providence but I
# meant Portsmouth NH", "fintech was a typo, insurance": what was written, then what was meant.
_WROTE_THEN_MEANT = re.compile(
    rf"^{_LEAD}(?:"
    r"(?:where\s+)?i\s+(?:typed|wrote|said|put(?:\s+in)?|entered|picked|chose|asked\s+for|"
    r"gave\s+you)\s+(?P<old>[^,;.!?]+?)\s*[,;]?\s*(?:but\s+|and\s+|when\s+)?(?:what\s+)?"
    r"(?:i\s+)?(?:meant|mean|wanted|intended)(?:\s+(?:was|is|to\s+(?:say|type|write|put)))?"
    r"|(?P<old2>[^,;.!?]+?)\s+(?:was|is)\s+(?:a\s+|my\s+)?(?:typo|mistake|wrong)\s*[,;.:!\u2014-]+\s*"
    r"(?:i\s+meant?|(?:it\s+)?should\s+(?:be|have\s+been|say)|it'?s|make\s+it)?"
    r")\s*(?P<new>[^,;.!?]+?)\W*$",
    re.IGNORECASE,
)

_MARKER = re.compile(
    r"\s*,\s*(?:(?:no|nope|oops|whoops|ugh|wait)\W+(?=sorry|i\s+mean|my\s+bad))?"
    r"(?:sorry|i\s+mean|i\s+meant|or\s+rather|scratch\s+that|no\s+wait|wait\s+no|my\s+bad|"
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
# "200-1000 employees, no sorry, 200-2000": a number or a range said again on its own replaces
# the last one said, and the words naming it ("employees") stay.
_RANGE = re.compile(r"\d[\d,.]*[km]?(?:\s*(?:-|\u2013|to)\s*\d[\d,.]*[km]?)?\+?", re.IGNORECASE)
_ONLY_RANGE = re.compile(rf"(?P<n>{_RANGE.pattern})\W*$", re.IGNORECASE)
_UNIT = re.compile(
    r"\s*(?:(?:employees?|staff|people|ppl|headcount|emps?|workers|heads|of\s+them|results|leads|"
    r"contacts|prospects)\b)?\W*$",
    re.IGNORECASE,
)
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
        text = text[:start] + after + _kept_unit(text[start : m.start()], after)
    return text


def said_instead(text: str, same_kind) -> str:
    """A correction said as its own sentence, as "<new> instead of <old>".

    ``same_kind(old, new)`` says whether two texts name the same kind of value (two places,
    two industries, two roles).
    """
    if m := _WROTE_THEN_MEANT.match(text):
        old = m["old"] or m["old2"]
    elif (m := _NOT_THEN_NEW.match(text)) and same_kind(m["old"], m["new"]):
        old = m["old"]
    else:
        return text
    lead = "actually " if m["lead"].strip(" ,.;:!?-") else ""  # "no wait, " is no "no"
    return f"{lead}{m['new']} instead of {old}"


def _kept_unit(replaced: str, after: str) -> str:
    """The words naming a number that was replaced by a number alone ("employees")."""
    again = _ONLY_RANGE.match(after)
    old = _RANGE.match(replaced)
    if not again or not old or not (unit := _UNIT.fullmatch(replaced[old.end() :])):
        return ""
    return unit[0].rstrip(" ,;.!?")


def _replaced_start(before: str, after: str) -> int | None:
    """Where the words that the correction replaces begin, or None when there are none."""
    if _NOT_A_CORRECTION.match(after):
        return None
    prep = _PREPOSITION.match(after)
    if prep:
        found = list(re.finditer(rf"\b{prep[1]}\s", before, re.IGNORECASE))
        return found[-1].start() if found else None
    if _NUMBER.match(after):
        found = list(_RANGE.finditer(before))
        if not found or not _UNIT.fullmatch(before[found[-1].end() :]):
            return None
        return found[-1].start()
    words = list(re.finditer(r"[\w'&/-]+", before))
    start = None
    for w in reversed(words):
        gap = before[w.end() : start if start is not None else len(before)]
        if "," in gap or ";" in gap or w[0].lower() in _BOUNDARY or _NUMBER.fullmatch(w[0]):
            break
        start = w.start()
    return start
