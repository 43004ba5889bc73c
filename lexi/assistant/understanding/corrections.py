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
from collections.abc import Callable

from .slots import SEARCH_VERBS
from .text import words_to_digits

SameKind = Callable[[str, str], bool]
Reading = Callable[[str], dict[str, tuple[str, ...]]]

# Words before a correction said as a sentence of its own: "sorry", "oops", "no wait", "and".
_LEAD = (
    r"(?P<lead>\W*(?:(?:(?:i\s+am|i'?m)\s+(?:very\s+|so\s+|really\s+)?sorry|sorry|oops|whoops|no|nope|nah|wait|ugh|actually|hm+|ah|oh|ok(?:ay)?|"
    r"and|also|my\s+bad|my\s+mistake)\W+)*)"
)
# "sorry not biotech, medical devices", "not Ohio, Iowa", "no, not CTOs but CFOs": the second
# value in place of the first (when both are the same kind of value; "not Germany, add Austria"
# and "not Miami itself, the rest of Florida" add nothing in place).
_NOT_THEN_NEW = re.compile(
    rf"^{_LEAD}(?:(?:it'?s|it\s+is|make\s+(?:it|that))\s+)?not\s+(?P<old>[^,;.!?]+?)"
    r"(?:\s*[,;]\s*(?:but\s+|it'?s\s+|i\s+meant?\s+|i\s+(?:wanted|meant)\s+to\s+say\s+|i\s+should\s+have\s+said\s+)?"
    r"|\s+but\s+(?:i\s+meant?\s+)?)"
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
    r"\s*(?P<stop>[,.;?!])[.?!]*\s*(?:(?:no|nope|oops|whoops|ugh|wait)\W+(?=sorry|i\s+mean|my\s+bad))?"
    r"(?:sorry|i\s+mean|i\s+meant|or\s+rather|scratch\s+that|(?:oh\s+)?no\s+wait|(?:oh\s+)?wait\s+no|my\s+bad|"
    # "hiring managers?? no \u2014 talent acquisition leads": "no" and a dash
    r"(?:no|nope|well|wait)(?=\s*(?:,|[\u2014\u2013]|-\s)))\s*[,\u2014\u2013-]?\s+"
    # "oh wait no, I better make a new one": what the user decides, said before the new value
    r"(?:i(?:'d)?\s+(?:better|should|will|'ll)\s+(?=make|create|start|do|use|go|put|save))?(?=\S)",
    re.IGNORECASE,
)
# "100+ employees, no wait, 50+ I mean": the marker said again after the new value.
_MEANT_AFTER = re.compile(
    r"^([^,;.!?]*?\S)\s*,?\s+(?:i\s+meant?|sorry|rather|instead)(?=\s*(?:[,;.!?]|$))", re.IGNORECASE
)
# "add the Carolinas, I mean just North Carolina": the part of the first value that was meant.
_JUST = re.compile(r"(?:just|only)\s+(?=\S)", re.IGNORECASE)
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
_WORD = re.compile(r"[\w'&/-]+")
_VALUE_END = re.compile(r"\s*[,;.!?]")
# A name: capitalised words ("Geotab", "Dynamics 365"), and the one said last before a marker.
_NAME = re.compile(r"[A-Z][\w&.'-]*(?:\s+[A-Z0-9][\w&.'-]*){0,3}")
_NAME_SAID_LAST = re.compile(r"(?<![\w'&/-])[A-Z][\w&.'-]*(?:\s+[A-Z0-9][\w&.'-]*){0,3}$")


def corrected(text: str, reading: Reading | None = None) -> str:
    """The text with each correction applied (at most three per message).

    ``reading(text)`` (the values a text names, by kind) picks the words replaced: the fewest
    before the marker that still name what they name, when the new words name the same kinds
    of value ("only ones that use Samsara, no wait, Geotab" replaces the tool alone). A
    correction after a full stop ("in the Midwest. no wait, Florida and Georgia") or narrowed
    with "just" is one only when it names the same kind of value.
    """
    pos = 0
    for _ in range(3):
        m = _MARKER.search(text, pos)
        if not m:
            return text
        pos = m.end()
        before, after = text[: m.start()], _MEANT_AFTER.sub(r"\1", text[m.end() :], count=1)
        just = _JUST.match(after) if reading is not None else None
        if just:
            after = after[just.end() :]
            if kept := _one_of_those_said(before, after):
                text = kept
                pos = len(kept) - len(after)
                continue
        if (count := _count_replaced(before, after)) is not None:
            text, pos = count, len(count)  # "20 owners in Salt Lake City, no, make it 30"
            continue
        start = _command_replaced(before, after)
        if start is None:
            start = _replaced_start(before, after, reading, strict=bool(just) or m["stop"] != ",")
        if start is None:
            continue
        after = _REALLY.sub(r"\1", after, count=1)
        text = text[:start] + after + _kept_unit(text[start : m.start()], after)
        pos = start
    return text


_MAKE_IT_N = re.compile(r"^(?:make\s+(?:it|that)\s+)?(\d[\d,]*)\W*$", re.IGNORECASE)
_ONE_NUMBER = re.compile(r"(?<![\w$.,-])\d[\d,]*(?![\w%.,-]|\s*[-\u2013]\s*\d)")


def _count_replaced(before: str, after: str) -> str | None:
    """ "find me 20 owners in Salt Lake City, no, make it 30": a number said again replaces the
    one number said before it, wherever it stands (None when there is not exactly one)."""
    said = _MAKE_IT_N.match(words_to_digits(after))
    if not said:
        return None
    before = words_to_digits(before)  # "twenty owners ..., no, make it thirty"
    numbers = list(_ONE_NUMBER.finditer(before))
    if len(numbers) != 1 or re.search(
        r"\d", before[: numbers[0].start()] + before[numbers[0].end() :]
    ):
        return None
    n = numbers[0]
    return before[: n.start()] + said[1] + before[n.end() :]


_VALUE_SAID = re.compile(r"^([^,.;!?]{1,60}?)\s*[,.;!?]*\s*$")


def _one_of_those_said(before: str, after: str) -> str | None:
    """ "save those to Nurse Leaders and DevOps Contractors... no wait, just Nurse Leaders": one of
    the values just joined by "and" is kept, the others go (None when the value was not said)."""
    said = _VALUE_SAID.match(after)
    if not said:
        return None
    value = re.escape(said[1].strip())
    joined = re.search(
        rf"(?:\b{value}(?:\s*,\s*|\s+(?:and|&|or|plus)\s+)[^,.;!?]{{1,60}}?"
        rf"|[^,.;!?]{{1,60}}?(?:\s*,\s*|\s+(?:and|&|or|plus)\s+){value})\W*$",
        before,
        re.IGNORECASE,
    )
    if not joined:
        return None
    start = joined.start()
    if not re.match(rf"{value}\b", before[start:], re.IGNORECASE):
        # the value said second: the words before it back to the verb's object stay out
        words = re.search(
            rf"\b(?:to|into|in|onto|for|from|at)\s+(?=[^,.;!?]*{value}\W*$)", before, re.I
        )
        if not words:
            return None
        start = words.end()
    return before[:start] + after


def said_instead(text: str, same_kind: SameKind) -> str:
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


def _replaced_start(
    before: str, after: str, reading: Reading | None, *, strict: bool
) -> int | None:
    """Where the words that the correction replaces begin, or None when there are none;
    ``strict``: only words naming the same kind of value as the new ones (a correction after a
    full stop, or of a value said to be narrowed with "just")."""
    if _NOT_A_CORRECTION.match(after):
        return None
    start = _plain_start(before, after)
    if start is None or reading is None:
        return None if strict else start
    if _PREPOSITION.match(after) or _NUMBER.match(after):
        return start
    new = _VALUE_END.split(after, maxsplit=1)[0]
    said, meant = reading(before[start:]), reading(new)
    if said and said.keys() < meant.keys():
        return start  # "hiring managers? no - talent acquisition leads at staffing firms"
    if said and said.keys() == meant.keys():
        # the fewest words that still say what the words replaced say ("Samsara" of "ones that
        # use Samsara"; "sales managers", not "managers")
        for word in reversed(list(_WORD.finditer(before, start))):
            if reading(before[word.start() :]) == said:
                return word.start()
    # the new value a name (capitalised words): the name said last
    if _NAME.fullmatch(new) and (name := _NAME_SAID_LAST.search(before, start)):
        return name.start()
    return None if strict else start


# A command in its own words: "save to Triangle HR... wait no, make a new list Triangle Nursing
# Execs" takes the whole first command back.
_COMMAND = re.compile(
    r"\W*(?:(?:i(?:'d)?\s+(?:better|should|will|'ll)\s+)|please\s+|just\s+)?(?:make\s+(?:a|an|new)|create|start|save|"
    r"add\s+(?:them|these|those|it|all|everyone)|put|move|copy|export|rename|delete|merge|launch|pause|send|draft|"
    r"write)\b",
    re.IGNORECASE,
)
_CLAUSE_START = re.compile(r"(?:^|[.;!?]\s+|,\s+(?:and\s+|then\s+)?)(?=\w)")


def _command_replaced(before: str, after: str) -> int | None:
    """Where the command taken back begins, when the words after the marker are a command of
    their own and the words before it are one too; None otherwise."""
    if not _COMMAND.match(after):
        return None
    starts = [m.end() for m in _CLAUSE_START.finditer(before)]
    start = starts[-1] if starts else 0
    return start if _COMMAND.match(before[start:]) else None


def _plain_start(before: str, after: str) -> int | None:
    prep = _PREPOSITION.match(after)
    if prep:
        found = list(re.finditer(rf"\b{prep[1]}\s", before, re.IGNORECASE))
        return found[-1].start() if found else None
    if _NUMBER.match(after):
        found = list(_RANGE.finditer(before))
        if not found or not _UNIT.fullmatch(before[found[-1].end() :]):
            return None
        return found[-1].start()
    words = list(_WORD.finditer(before))
    start = None
    for w in reversed(words):
        gap = before[w.end() : start if start is not None else len(before)]
        if "," in gap or ";" in gap or w[0].lower() in _BOUNDARY or _NUMBER.fullmatch(w[0]):
            break
        start = w.start()
    return start
