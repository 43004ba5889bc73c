"""Taking back part of the last search: a value it had ("never mind xero", "drop the SAP part")
or the last change made to it ("hmm remove that again", "undo the last filter").

Filters named by their kind ("drop the revenue filter") are cleared by ``patterns.cleared``;
places and industries named by value ("remove Texas") by the search's own refinement. What is
left here are the values of the other list filters (technologies, companies, keywords, titles)
and taking back the last change as a whole.
"""

from __future__ import annotations

import copy
import re
from typing import Any

from lexi import geo

from . import prefilter
from .lexicon import TECHNOLOGY_SPELLING
from .scanner import extract
from .text import norm_key

_LEAD = r"^\W*(?:(?:hm+|eh|meh|welp|ok(?:ay)?|oh|ah|wait|actually|and|also|no|nah|please|pls)\W+)*"
_VERB = (
    r"(?:drop|remove|delete|lose|ditch|scrap|scratch|skip|undo|revert|reverse|bin|axe|nix|"
    r"forget(?:\s+about)?|never\s*mind(?:\s+about)?|take\s+(?:out|off|away)|get\s+rid\s+of|"
    r"no\s+more|without)"
)
_TAIL = r"(?:\s+(?:again|back\s+(?:out|off)|please|pls|then|now|after\s+all|for\s+now))*\W*$"
# "never mind xero", "drop the SAP part", "remove Flexport please": one value of the search.
_DROP_VALUE = prefilter.compile(
    _LEAD + _VERB + r"\s+(?:the\s+|that\s+)?(?P<what>[^,;.!?]+?)"
    r"(?:\s+(?:part|filter|bit|one|requirement|criteri(?:a|on)|condition|constraint|thing|stuff|piece))?"
    + _TAIL,
    re.IGNORECASE,
)
# "hmm remove that again", "undo the last filter", "take that back out": the last change.
_UNDO_LAST = prefilter.compile(
    _LEAD
    + r"(?:"
    + _VERB
    + r"\s+(?:(?:that|it|this)(?:\s+(?:restriction|filter|criterion|criteria|"
    r"condition|requirement|constraint|limit|part|bit|one|change))?|the\s+last\s+(?:one|filter|change|thing|bit|"
    r"step|restriction)|what\s+(?:i|we)\s+(?:just\s+)?added)|take\s+(?:that|it)\s+(?:back\s+)?(?:out|off)|"
    r"go\s+back\s+to\s+(?:how\s+it\s+was|before(?:\s+that)?))" + _TAIL,
    re.IGNORECASE,
)
# "take Houston out", "leave Chicago out", "cut the banks out", "knock Texas off": a verb whose
# particle comes after what it takes out, at the end of the clause, says "remove" that (a
# pronoun is the last change, read by ``_UNDO_LAST``; "take Globex off the Q1 list" is a list's).
_SPLIT_PARTICLE = prefilter.compile(
    r"\b(?:take|leave|cut|knock|cross|strike|rule|count|keep|filter)\s+"
    r"(?P<what>(?!(?:it|that|this|them|those|these|me|us|him|her|back)\b)(?:the\s+)?"
    r"(?:[^\W\d][\w&.'/-]*\s+){0,3}?[^\W\d][\w&.'/-]*)\s+(?:out|off)"
    r"(?=(?:\s+(?:please|pls|again|too|as\s+well|then|now|for\s+now|completely|entirely|"
    r"altogether|instead))*\s*(?:[,;.!?]|$))",
    re.IGNORECASE,
)
# "nvm sf", "never mind Boston", "forget about fintech", "scratch Texas": at the start of a
# clause, a value of the search taken back (not "never mind" alone, nor "never mind, CFOs").
_TAKE_BACK_LEAD = prefilter.compile(
    r"(?:^|(?<=[,;.!?])\s)(?P<lead>\W*(?:(?:ok(?:ay)?|oh|ah|hm+|actually|and|also|wait)\W+)*)"
    r"(?:never\s*mind|nvm|forget(?:\s+about)?|scratch)\s+"
    r"(?=(?!(?:it|that|this|them|those|these|me|then|thanks?|please|pls|ok|okay|i|we|you|the\s+"
    r"last|about\s+it|what)\b)\w)",
    re.IGNORECASE,
)
# "Furthermore, Switzerland is not so interesting for us, because of the currency. Could you
# remove it, please?": the value a sentence is about, then "remove it": that value is removed.
_SUBJECT_THEN_REMOVE_IT = prefilter.compile(
    r"(?:^|(?<=[.!?])\s)\W*(?:(?:furthermore|also|and|but|oh|hm+|actually|however|btw|"
    r"ok(?:ay)?|sorry|plus|then)\W+)*(?:the\s+)?"
    r"(?P<what>(?!(?:it|they|we|i|this|that|these|those|there|you|he|she)\b)"
    r"[^\W\d][\w&.'-]*(?:\s+[^\W\d][\w&.'-]*){0,3}?)\s+"
    r"(?:is|are|isn'?t|aren'?t|was|were|seems?|looks?)\b[^.!?]*?[.!?,;]\s*"
    r"(?:(?:so|then|and|could|can|would|will|you|please|pls|just|kindly|maybe|perhaps)\W+)*"
    r"(?:remove|drop|exclude|skip|lose|ditch|take\s+out|leave\s+out)\s+(?:it|them)\b"
    r"|(?:^|(?<=[.!?])\s)\W*(?:(?:furthermore|also|and|but|oh|hm+|actually|however|btw|"
    r"ok(?:ay)?|sorry|plus|then)\W+)*(?:the\s+)?"
    r"(?P<what2>(?!(?:it|they|we|i|this|that|these|those|there|you|he|she)\b)"
    r"[^\W\d][\w&.'-]*(?:\s+[^\W\d][\w&.'-]*){0,3}?)\s+"
    r"(?:is|are|isn'?t|aren'?t|was|were|seems?|looks?)\b[^.!?]*?[.!?,;]\s*"
    r"(?:(?:so|then|and|could|can|would|will|you|please|pls|just|kindly|maybe|perhaps)\W+)*"
    r"(?:take|leave|cut|knock)\s+(?:it|them)\s+(?:out|off)\b",
    re.IGNORECASE,
)


def spelled_out(text: str) -> str:
    """The message with the ways of taking a value out said plainly: "remove X"."""
    if _SUBJECT_THEN_REMOVE_IT.search(text):
        text = _SUBJECT_THEN_REMOVE_IT.sub(lambda m: f"remove {m['what'] or m['what2']}", text)
    if _SPLIT_PARTICLE.search(text):
        text = _SPLIT_PARTICLE.sub(r"remove \g<what>", text)
    if _TAKE_BACK_LEAD.search(text):
        text = _TAKE_BACK_LEAD.sub(r"\g<lead>remove ", text)
    return text


# List filters whose values may be taken back one by one, and what goes with the last one.
_BY_VALUE = ("technologies", "companies", "keywords", "titles")
_GOES_WITH = {"technologies": ("technologies_added_within_days",)}


def taken_back(
    text: str, base: dict[str, Any] | None, earlier: dict[str, Any] | None
) -> dict[str, Any] | None:
    """The search ``base`` with what the clause takes back removed; ``earlier`` is the search
    before it (what "remove that again" returns to). None when the clause takes nothing back."""
    if base is None:
        return None
    if _UNDO_LAST.match(text):
        return copy.deepcopy(earlier) if earlier is not None else None
    m = _DROP_VALUE.match(text)
    if not m:
        return None
    return _without_value(base, norm_key(m["what"]))


# "remove verified email", "drop the verified only", "remove the condition of verified email"
_EMAIL_STATUS_WORDS = re.compile(
    r"^(?:the\s+)?(?:(?:verified|valid|guessed)\s*(?:e-?mails?|only|e-?mail\s+status)?|e-?mail\s+"
    r"(?:status|verification|filter)|verification)$"
)


def _without_value(base: dict[str, Any], what: str) -> dict[str, Any] | None:
    if base.get("email_status") and _EMAIL_STATUS_WORDS.match(what):
        out = copy.deepcopy(base)
        out.pop("email_status", None)
        return out
    spelled = TECHNOLOGY_SPELLING.get(what)  # "drop the intune thing": Microsoft Intune
    stage = what.replace(" ", "_").replace("-", "_")
    if stage in (base.get("funding_stages") or []):  # "take the private equity part back off"
        out = copy.deepcopy(base)
        out["funding_stages"] = [v for v in out["funding_stages"] if v != stage]
        if not out["funding_stages"]:
            out.pop("funding_stages")
        return out
    for key in _BY_VALUE:
        values = list(base.get(key) or [])
        kept = [v for v in values if norm_key(str(v)) != what and v != spelled]
        if len(kept) == len(values):
            continue
        if key == "titles" and not (kept or base.get("seniorities") or base.get("departments")):
            return None  # the search's only role: a new role is asked for, not none
        out = copy.deepcopy(base)
        if kept:
            out[key] = kept
        else:
            for gone in (key, *_GOES_WITH.get(key, ())):
                out.pop(gone, None)
        return out
    return None


# "sorry i meant companies headquartered in those states, not where the person lives": the
# search's own places, moved from the people to their companies.
_SAME_PLACES_TO_COMPANIES = prefilter.compile(
    r"\b(?:compan(?:y|ies)|firms?|businesses|hq|headquarter\w*|based)\b[^,;]*?\b(?:those|these|"
    r"the\s+same|that|this)\s+(?:states?|places?|cities|city|countries|country|regions?|"
    r"locations?|areas?)\b[^;]*?\bnot\s+(?:where\s+)?(?:the\s+)?(?:person|people|they|contacts?)\b",
    re.IGNORECASE,
)


# "the ohio part is the company hq", "i meant the location is where the company is", "that
# location is for the companies, not the people": the same, said of the search's place.
_PLACE_IS_THE_COMPANIES = prefilter.compile(
    r"^\W*(?:(?:actually|sorry|no|nope|wait|oh|oops|hm+|ok(?:ay)?|i\s+meant?)\W+)*"
    r"(?:(?:the|that|this|those|these|my)\s+)?(?:[\w.'-]+\s+){0,3}?"
    r"(?:part|bit|one|ones|locations?|places?|states?|cit(?:y|ies)|countr(?:y|ies)|regions?|areas?|"
    r"geo(?:graphy)?)\s+(?:is|are|was|were|should\s+be|means?|meant)\s+(?:(?:for|about|of)\s+)?"
    r"(?:where\s+)?(?:the\s+|their\s+)?(?:compan(?:y|ies)|hq|headquarters|employers?|firms?|"
    r"business(?:es)?|organi[sz]ations?)(?:'s?)?\b",
    re.IGNORECASE,
)


# "no, ohio is the company location", "Ohio should be where the company is HQ'd": the search's
# place named and said to be the companies'.
_NAMED_PLACE_IS_THE_COMPANIES = prefilter.compile(
    r"^\W*(?:(?:actually|sorry|no|nope|wait|oh|oops|hm+|ok(?:ay)?|i\s+meant?)\W+)*"
    r"(?P<place>[\w.'-]+(?:\s+[\w.'-]+){0,2}?)\s+(?:is|are|was|were|should\s+be|means?|meant)\s+"
    r"(?:(?:for|about|of)\s+)?(?:where\s+)?(?:the\s+|their\s+)?(?:compan(?:y|ies)|hq|headquarters|"
    r"employers?|firms?|business(?:es)?|organi[sz]ations?)(?:'s?)?\b",
    re.IGNORECASE,
)


def _names_a_place_of(text: str, base: dict[str, Any]) -> bool:
    m = _NAMED_PLACE_IS_THE_COMPANIES.search(text)
    if not m:
        return False
    try:
        place = geo.parse_location(m["place"]).filter_string()
    except (geo.UnknownPlace, ValueError, KeyError):
        return False
    return place in base["locations"]


_COMPANY = (
    r"(?:the\s+|their\s+)?(?:compan(?:y|ies)|hq|headquarters|employers?|firms?|business(?:es)?)"
)
_PERSON = (
    r"(?:the\s+|their\s+)?(?:person|people|persons|contacts?|prospects?|they|folks|individuals?)"
)
# "I care where the company is headquartered, not where the person sits", "not where the
# people live but where their employer is": which place the search means, no place named.
_WHERE_THE_COMPANY_IS = prefilter.compile(
    rf"\bwhere\s+{_COMPANY}\b[^.;!?]*?\bnot\s+(?:where\s+)?{_PERSON}\b|"
    rf"\bnot\s+where\s+{_PERSON}\b[^.;!?]*?\bwhere\s+{_COMPANY}\b",
    re.IGNORECASE,
)
# "I care where the people live, not where the company is": the other way round.
_WHERE_THE_PEOPLE_ARE = prefilter.compile(
    rf"\bwhere\s+{_PERSON}\b[^.;!?]*?\bnot\s+(?:where\s+)?{_COMPANY}\b|"
    rf"\bnot\s+where\s+{_COMPANY}\b[^.;!?]*?\bwhere\s+{_PERSON}\b",
    re.IGNORECASE,
)


# "the company must have its headquarters there", "the companies with HQ in these countries":
# the companies' seat, in the search's own places (pointed at, not named).
_SEAT_THERE = prefilter.compile(
    rf"\b{_COMPANY}\b[^.;!?]*?\b(?:hq|headquarter\w*|seat|registered|incorporated)\b"
    r"(?:\s+(?:is|are|be|should\s+be|must\s+be|needs?\s+to\s+be))?\s+(?:there|in\s+(?:those|these|"
    r"the\s+same|that|this)\s+(?:states?|places?|cities|city|countries|country|regions?|"
    r"locations?|areas?))\b",
    re.IGNORECASE,
)
# "the person can be located wherever", "not where the CFO is living": the people's place
# does not count.
_PEOPLE_WHEREVER = prefilter.compile(
    rf"\b{_PERSON}\s+(?:can|could|may|might)\s+(?:live|be|sit|work)(?:\s+(?:located|based))?\s+"
    r"(?:anywhere|wherever)\b|"
    r"\bnot\s+where\s+(?:the\s+|their\s+)?[\w-]+(?:\s+[\w-]+)?\s+(?:is\s+|are\s+)?"
    r"(?:living|lives?|located|based|sits?|sitting|resides?|residing)\b",
    re.IGNORECASE,
)


_A_COMPANY = prefilter.compile(rf"\b{_COMPANY}\b", re.IGNORECASE)


def places_moved(text: str, base: dict[str, Any] | None) -> dict[str, Any] | None:
    """The search ``base`` with its people's places made its companies' (see above), or the
    other way round; None when the clause moves none."""
    if base is None:
        return None
    if base.get("locations") and (
        _SAME_PLACES_TO_COMPANIES.search(text)
        or _PLACE_IS_THE_COMPANIES.search(text)
        or _names_a_place_of(text, base)
        or (_WHERE_THE_COMPANY_IS.search(text) and _names_no_place(text))
        or (
            (
                _SEAT_THERE.search(text)
                or (_PEOPLE_WHEREVER.search(text) and _A_COMPANY.search(text))
            )
            and _names_no_place(text)
        )
    ):
        return _moved(base, "locations", "company_locations")
    if (
        base.get("company_locations")
        and _WHERE_THE_PEOPLE_ARE.search(text)
        and _names_no_place(text)
    ):
        return _moved(base, "company_locations", "locations")
    return None


def _names_no_place(text: str) -> bool:
    slots = extract(text)
    return not (slots.locations or slots.company_locations)


def _moved(base: dict[str, Any], source: str, target: str) -> dict[str, Any]:
    out = copy.deepcopy(base)
    moved = out.pop(source)
    kept = out.get(target) or []
    out[target] = [*kept, *(v for v in moved if v not in kept)]
    return out
