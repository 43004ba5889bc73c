"""Exclusions against the user's own data: "excluding people I've already saved", "new people
only", "not already in Q1 Leads". They become the ``exclude_saved`` / ``exclude_list_ids``
filters (list names here; the search tool resolves them to ids).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import prefilter
from .lists import known_name
from .types import ConversationState

I = re.IGNORECASE

_LEAD = r"(?:,?\s*(?:and\s+|but\s+)?)"
# Words for the people found: "ppl", "folks", "guys", "okes" (South Africa), "peeps".
_FOLK = r"(?:people|ppl|peeps|folks?|guys|okes|ones)"
_SAVED = prefilter.compile(
    _LEAD
    + r"\b(?:excluding|exclude|except(?:\s+for)?|without|but\s+not|not|skip(?:ping)?|leave\s+out|"
    # "drop anyone already in my contacts", "remove the people which I have already saved"
    r"leaving\s+out|leave\s+off|omit|omitting|minus|other\s+than|no|drop|remove|filter\s+out|take\s+out|"
    r"hide|hiding|nobody|no\s*one|none\s+of\s+(?:the\s+)?(?:ones|people)|"
    r"get\s+rid\s+of|(?:don'?t|do\s+not)\s+(?:include|show(?:\s+me)?|want))\s+"
    rf"(?:the\s+)?(?:{_FOLK}|those|contacts|leads|"
    r"prospects|anyone|everyone|everybody|whoever|whomever|any(?:body|one)?)?\s*(?:that\s+|who\s+|whom\s+|which\s+|"
    r"who['’]s\s+|who['’]re\s+)?(?:already\s+)?(?:i'?ve|i\s+have|we'?ve|we\s+have|i|we|i'?d|are|"
    r"is)?\s*(?:already\s+)?"
    r"(?:saved|have|got|own|added|stored|contacted|in\s+(?:my|our|me)\s+(?:contacts|crm))"
    r"(?:\s+already)?(?:\s+(?:saved|as\s+contacts|in\s+(?:my\s+|our\s+|me\s+)?contacts))?\b"
    # "remove the ones I added from Q1 Leads": taken off a list
    r"(?!\s+(?:from|off|out\s+of)\b)",
    I,
)
_NEW_ONLY = prefilter.compile(
    _LEAD + rf"\b(?:(?:only\s+)?new\s+(?:{_FOLK}|prospects|leads|contacts|names)(?:\s+only)?"
    # ("NEW ones, started in the last 90 days": new in the job)
    r"(?![\s,]+(?:(?:who|that)(?:'ve|\s+have)?\s+)?(?:just\s+)?(?:started|joined|hired|promoted|"
    r"appointed|in\s+(?:the|their)\s+(?:role|job|seat|position)s?)\b)"
    # "only new folk i havent saved yet"
    r"(?:\s+(?:(?:that|who)\s+)?(?:i|we)\s+(?:haven'?t|havent|have\s+not|didn'?t)\s+(?:already\s+)?"
    r"(?:saved|added|got)(?:\s+yet)?)?|"
    rf"only\s+{_FOLK}\s+(?:i|we)\s+(?:don'?t|do\s+not)\s+(?:already\s+)?have(?:\s+yet)?|"
    rf"{_FOLK}\s+(?:i|we)\s+(?:don'?t|do\s+not|haven'?t)\s+(?:already\s+)?(?:have|saved)(?:\s+yet)?|"
    # "that i haven't already saved", "I haven't saved yet"
    r"(?:(?:that|who)\s+)?(?:i|we)\s+(?:haven'?t|havent|have\s+not)\s+(?:already\s+|yet\s+)?(?:saved|added)"
    r"(?:\s+(?:yet|already))?|not\s+(?:already\s+)?saved|"
    r"unsaved)\b",
    I,
)
_NOT_IN_LIST = prefilter.compile(
    _LEAD + r"\b(?:(?:who|that)\s+(?:are|is)\s*n[o']?t\s+(?:already\s+)?|not\s+(?:already\s+)?|"
    r"excluding\s+(?:anyone|people|those|the\s+ones|everyone)?\s*(?:already\s+)?|"
    r"except\s+(?:for\s+)?(?:those|people|the\s+ones|anyone)\s+(?:already\s+)?|"
    r"(?:who|that)\s+(?:aren'?t|isn'?t)\s+(?:already\s+)?)(?:in|on)\s+"
    r"(?:my\s+|the\s+|our\s+)?(.+?)\s*$",
    I,
)


@dataclass
class Exclusions:
    clause: str  # what is left to read as a search
    exclude_saved: bool = False
    list_names: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return self.exclude_saved or bool(self.list_names)


def _list_name(raw: str, quotes: list[str], state: ConversationState) -> str | None:
    text = re.sub(r"\bqtok(\d+)\b", lambda m: quotes[int(m[1])], raw).strip(" .,!?;:'\"")
    quoted = bool(re.search(r"\bqtok\d+\b", raw))
    has_word = bool(re.search(r"\s+lists?$", text, I))
    bare = re.sub(r"\s+lists?$", "", text, flags=I)
    known = known_name(text, state.known_list_names) or known_name(bare, state.known_list_names)
    if known:
        return known
    if quoted or has_word:
        return bare or None
    return None


def extract(clause: str, quotes: list[str], state: ConversationState) -> Exclusions:
    """Take the exclusions out of a clause; the rest is read as a search as usual."""
    out = Exclusions(clause)
    m = _NOT_IN_LIST.search(out.clause)
    if m and (name := _list_name(m[1], quotes, state)):
        out.list_names.append(name)
        out.clause = (out.clause[: m.start()] + " ").strip()
    for pattern in (_SAVED, _NEW_ONLY):
        m = pattern.search(out.clause)
        if m:
            out.exclude_saved = True
            out.clause = (out.clause[: m.start()] + " " + out.clause[m.end() :]).strip(" ,")
    return out
