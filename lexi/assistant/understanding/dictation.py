"""Requests dictated to a phone: the slips of voice-to-text said as they would be typed.

A salesperson driving between sites says "looking four managing brokers in spokane comma
leasing managers too" or "only ones that started there job in the last ninety days", and the
phone writes down what it heard. The rules read typed English, so before a message is read the
punctuation said aloud ("comma") is written as punctuation, the homophones voice-to-text
confuses are put back where only one reading makes sense ("four" after "looking", "there job",
"mention were certified") and a year said in two numbers ("before twenty fifteen") is written
in digits. Every rewrite needs the words around it, so typed text is left as it is.
"""

from __future__ import annotations

import re

from .text import NUMBER_TENS, NUMBER_UNITS

I = re.IGNORECASE

# A cheap first look: the words every rewrite below needs.
_ANY = re.compile(
    r"\b(?:comma|period|full\s+stop|four|there|were|twenty|nineteen|make\s+(?:it|that)|i\s+mean)\b",
    I,
)

# "property managers comma leasing managers": a comma said aloud (not "the Oxford comma")
_COMMA = re.compile(r"(?<!\boxford)(?<!\bserial)(?<!\ba)(?<!\bthe)\s+comma\s+(?=\S)", I)
# "... in boise period": the end of the sentence said aloud, last in the message
_STOP = re.compile(
    r"(?<!\btrial)(?<!\btime)(?<!\bgrace)(?<!\bthe)(?<!\bthat)(?<!\bthis)(?<!\ba)"
    r"\s+(?:period|full\s+stop)\s*$",
    I,
)

# "looking four managing brokers", "swap the property managers four leasing managers": "for"
_FOUR_AFTER_VERB = re.compile(
    r"\b(look(?:ing)?|search(?:ing)?|hunt(?:ing)?|ask(?:ing)?|aim(?:ing)?|go(?:ing)?)\s+four\b", I
)
_FOUR_IN_A_SWAP = re.compile(
    r"\b(swap|switch|trade|exchange|replace|sub)\b(\s+(?:out\s+)?(?:the\s+)?[a-z][\w-]*(?:\s+[a-z][\w-]*){0,3}?)"
    r"\s+four\s+(?=[a-z])",
    I,
)

# "started there job", "get me there cell numbers": "their", before what people have
_THERE_OWNED = re.compile(
    r"\bthere\s+(?=(?:job|jobs|role|roles|position|positions|title|titles|company|companies|team|"
    r"teams|emails?|e-mails?|numbers?|cell|cells|phones?|mobiles?|office|offices|website|linkedin|"
    r"boss|business|businesses|firm|firms|current|new|own)\b)",
    I,
)
# "mention were FAA part 107 certified": "we're", after a word that introduces what to say
_WERE_SAID = re.compile(
    r"\b(mention|say|saying|note|tell\s+them|explain|stress|highlight|point\s+out)\s+"
    r"(?:that\s+)?were\s+(?=[^\W\d])",
    I,
)

# "twenty owners in salt lake city no make it thirty": a correction said without a pause
_SAID_AGAIN = re.compile(
    r"(?<=[^\W_])\s+(no|nah|wait|actually|sorry)\s+(make\s+(?:it|that)|i\s+mean|i\s+meant)\b", I
)

# the words of a year said in two numbers ("twenty" "fifteen", "nineteen" "ninety eight")
_UNITS = {w: v for w, v in NUMBER_UNITS.items() if 1 <= v <= 9}
_TEENS = {w: v for w, v in NUMBER_UNITS.items() if 10 <= v <= 19}
_TENS = dict(NUMBER_TENS)
# "founded before twenty fifteen", "since nineteen ninety eight": a year in two numbers, after a
# word that dates something (not "twenty five CFOs", a count)
_YEAR = re.compile(
    r"\b(before|after|since|in|from|until|till|til|by|pre|post|circa)\s+(twenty|nineteen)\s+"
    rf"({'|'.join(_TEENS)}|(?:{'|'.join(_TENS)})(?:[\s-](?:{'|'.join(_UNITS)}))?|oh[\s-](?:{'|'.join(_UNITS)}))\b",
    I,
)


def _year(m: re.Match[str]) -> str:
    century = 2000 if m[2].lower() == "twenty" else 1900
    words = re.split(r"[\s-]+", m[3].lower())
    if words[0] == "oh":
        value = _UNITS[words[1]]
    elif words[0] in _TEENS:
        value = _TEENS[words[0]]
    else:
        value = _TENS[words[0]] + (_UNITS[words[1]] if len(words) > 1 else 0)
    return f"{m[1]} {century + value}"


def as_typed(text: str) -> str:
    """The message with the slips of dictation written as typed (unchanged when it has none)."""
    if not _ANY.search(text):
        return text
    text = _COMMA.sub(", ", text)
    text = _STOP.sub(".", text)
    text = _FOUR_AFTER_VERB.sub(r"\1 for", text)
    text = _FOUR_IN_A_SWAP.sub(r"\1\2 for ", text)
    text = _THERE_OWNED.sub("their ", text)
    text = _WERE_SAID.sub(r"\1 we're ", text)
    text = _SAID_AGAIN.sub(r", \1, \2", text)
    return _YEAR.sub(_year, text)
