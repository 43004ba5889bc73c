"""Going back to an earlier search of the conversation: "back to the vp eng search, only
100-500 employees", "Going back to the hospital CFOs, ...", "and for the fleet managers, what
about alabama too", "Regarding the HSE search, ...".

The words after "back to the" (or "for the", "regarding the") name a search by what it looked
for; the conversation's result sets (``ConversationState.result_sets``, newest last) are scored
by how many of those roles, industries, places and keywords they searched, and the newest of
the best becomes the search the rest of the message refines. Nothing is recalled when no set
matches, so "for the event, find CFOs" stays a new search.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .scanner import extract
from .search import new_filters
from .types import ConversationState

_THING = r"(?:search(?:es)?|query|results?|lookup|list|ones|people|folks|leads|one|request|batch)"
_THE = r"(?:the|my|our|those|these|that)"
# "(ok now) (going|go|get) back to the X (search)", the rest of the message follows a comma,
# "and", or a word that starts a change ("only", "make", "exclude", ...).
_BACK = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|now|so|and|alright|right|perfect|great|thanks|thank\s+you|cool|"
    r"let'?s|lets|please|can\s+we|could\s+we)\W+)*"
    r"(?:(?:(?:go(?:ing)?|get(?:ting)?|com(?:e|ing)|switch(?:ing)?|jump(?:ing)?|head(?:ing)?)\s+)?"
    r"back\s+to|return(?:ing)?\s+to|revisit(?:ing)?)\s+"
    + _THE
    + r"\s+(?P<what>[^,;:.!?]+?)(?:\s+"
    + _THING
    + r")?(?=\s*(?:[,;:.!?]|$)|\s+(?:and|but|only|just|make|now|exclude|add|remove|drop|with|"
    r"without|please|pls)\b)",
    re.IGNORECASE,
)
# "the CFOs again but in Michigan", "re-run the hospital search", "show me the CFO ones again".
_AGAIN = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|now|so|and|alright|please|can\s+you|could\s+you)\W+)*"
    r"(?:(?:show\s+(?:me\s+|us\s+)?|pull\s+up\s+|bring\s+up\s+|give\s+me\s+)?"
    + _THE
    + r"\s+(?P<what>[^,;:.!?]+?)(?:\s+"
    + _THING
    + r")?\s+again\b|(?:re-?run|redo|repeat)\s+"
    + _THE
    + r"\s+(?P<what2>[^,;:.!?]+?)(?:\s+"
    + _THING
    + r")?(?=\s*(?:[,;:.!?]|$)|\s+(?:and|but|with|without|please|pls)\b))",
    re.IGNORECASE,
)
# "and for the fleet managers, ...", "Regarding the HSE search, ...": the comma ends the name.
_FOR_THE = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|now|so|and|alright|right|perfect|great|thanks|thank\s+you|good\s+to\s+"
    r"know|cool)\W+)*(?:for|regarding|re|about|on|with|(?:what|how)\s+about)\s+"
    + _THE
    + r"\s+(?P<what>[^,;:.!?]+?)(?:\s+"
    + _THING
    + r")?\s*[,;:]",
    re.IGNORECASE,
)
_COMPARED = ("titles", "seniorities", "departments", "industries", "locations", "keywords")
_STOP = frozenset({"the", "of", "at", "in", "and", "for", "a", "an", "with", "to", "on", "s"})


@dataclass
class Recalled:
    """The earlier search a message went back to, and the message without the words naming it."""

    filters: dict[str, Any]
    offset: int
    rest: str


def recall(text: str, state: ConversationState) -> Recalled | None:
    """The earlier search ``text`` goes back to, if it names one the conversation made."""
    if not (state.result_sets or state.last_filters):
        return None
    m = _BACK.match(text) or _FOR_THE.match(text) or _AGAIN.match(text)
    if not m:
        return None
    picked = _pick(m["what"] or m.groupdict().get("what2") or "", state)
    if picked is None:
        return None
    rest = text[m.end() :].lstrip(" ,;:.-")
    return Recalled(dict(picked["filters"]), _offset(picked), rest)


def _offset(result_set: dict[str, Any]) -> int:
    return int(result_set.get("offset") or 0) + int(result_set.get("count") or 0)


def _candidates(state: ConversationState) -> list[dict[str, Any]]:
    sets = [s for s in state.result_sets if s.get("source") == "search" and s.get("filters")]
    if sets:
        return sets
    if state.last_filters:
        # A conversation from before result sets were kept: its last search is all there is.
        limit = int(state.last_filters.get("limit") or 25)
        return [
            {"filters": state.last_filters, "offset": state.last_offset - limit, "count": limit}
        ]
    return []


# "back to the first search", "the previous one": which search by its place in the conversation.
_FIRST = frozenset({"first", "original", "initial", "very first", "1st"})
_BEFORE = frozenset({"previous", "earlier", "other", "old", "older", "last", "prior", "before"})


def _pick(what: str, state: ConversationState) -> dict[str, Any] | None:
    sets = _candidates(state)
    place = what.strip().lower()
    if place in _FIRST and sets:
        return sets[0]
    if place in _BEFORE:
        return sets[-2] if len(sets) > 1 else None
    named = _values(new_filters(extract(what)))
    words = _words(what)
    best, best_score = None, 0
    for result_set in sets:  # oldest first: the newest of equals wins
        have = _values(result_set["filters"])
        score = 2 * len(named & have) + len(words & _words(" ".join(sorted(have))))
        if score and score >= best_score:
            best, best_score = result_set, score
    return best


def _values(filters: dict[str, Any]) -> set[str]:
    out: set[str] = set()
    for key in _COMPARED:
        for value in filters.get(key) or []:
            out.add(_title(value) if key == "titles" else str(value).lower())
    return out


@lru_cache(maxsize=512)
def _title(title: str) -> str:
    from lexi.prospects.titles import query_variants

    variants = sorted({" ".join(v) for v in query_variants(title)})
    return variants[0] if variants else title.lower()


def _words(text: str) -> set[str]:
    return {
        w.rstrip("s")
        for w in re.findall(r"[a-z0-9]+", text.lower())
        if w not in _STOP and len(w) > 1
    }
