"""From slots to the contract's filters object: new searches and refinements of the last one."""

from __future__ import annotations

import copy
import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from lexi import geo
from lexi.prospects.taxonomy import FUNDING_STAGES

from . import prefilter, shorthand
from .industries import INDUSTRY_ALIASES
from .places import other_readings, prefer_nearby
from .scanner import extract
from .signals import restaged
from .slots import Slots, render_roles, swap_departments, swap_rung
from .text import norm_key

DEFAULT_LIMIT = 25  # the contract's default `limit`
MAX_LIMIT = 10_000  # the most an approved task may select

_LIST_FIELDS = ("industries", "locations", "company_locations", "keywords", "technologies")

# "supply chain directors, same companies", "CFOs, same states and size": the rest of the
# last search kept.
_SAME_WHAT = (
    r"(?:compan(?:y|ies)|firms?|orgs?|organi[sz]ations?|accounts?|industr(?:y|ies)|sectors?|"
    r"places?|locations?|states?|cities|regions?|countries|areas?|geos?|size|settings|"
    r"parameters|params|conditions|everything(?:\s+else)?)"
)
# Words that make a clause about the previous search even when it names a role.
STRONG_REFINE = re.compile(
    rf"\b(?:instead|what\s+about|how\s+about|what\s+if|same\s+(?:but|search|thing|query|filters?|"
    rf"criteria|as\s+before|again|for|people|ones|list|{_SAME_WHAT})|also|too|as\s+well|those|these|them|the\s+ones|"
    r"of\s+them|the\s+results?|re-?run|again|switch\s+(?:to|it)|(?:change|switch)\s+(?:(?:it|that|this|the\s+\w+|\w+(?:\s+\w+){0,2})\s+)?(?:to|into|for|by)|go\s+with|"
    r"swap|replace|narrow|refine|filter|restrict|limit\s+(?:it|them|that|this|those|these|results?|to)|"
    r"(?<!\bright\s)(?<!\bhiring\s)(?<!\bjust\s)now|rather|but\s+in|and\s+in|keep|remove|drop|exclude|add|include|plus|actually|make\s+(?:it|that|them)|"
    r"change\s+(?:it|that)|let'?s\s+try|try|(?:go\s+)?back\s+to|"
    r"(?:more|less)\s+(?:senior|junior)|(?:higher|lower)\s+up|(?:one\s+)?(?:level|rung)\s+(?:up|down)|"
    r"(?:trade|exchange|switch)\s+(?:out\s+)?(?:\S+\s+){1,4}?(?:out\s+)?for)\b|"
    r"^\W*(?:and|&)\s|^\W*or\s|^\s*\+\s*\w|\bthen\W*$|"
    # "Both please, CFO and finance director together": the roles asked about, in the same search
    r"^\W*(?:(?:ok(?:ay)?|yes|yeah|yep|hm+|no|nah|oh)\W+)*(?:(?:i\s+want|give\s+me|show)\s+)?"
    r"both(?=\s*(?:[,.;:!-]|please\b|pls\b|of\s+them\b|$))|\btogether\W*$",
    re.IGNORECASE,
)
# A clause that only makes sense after a search ("same but in Germany", "just the ones in Boston").
REFERS_BACK = prefilter.compile(
    r"\b(?:instead|what\s+about|how\s+about|same\s+(?:but|search|thing|query|filters?|criteria|"
    r"as\s+before|again|for)|the\s+ones|those|these|them|of\s+them|the\s+results?|filter|narrow|"
    r"refine|re-?run|again|only|just)\b",
    re.IGNORECASE,
)
# The subset of REFERS_BACK that needs an earlier search even when a role is named.
REFERS_BACK_STRONG = re.compile(
    r"\b(?:instead|what\s+about|how\s+about|same\s+(?:but|search|thing|query|filters?|criteria|"
    r"as\s+before|again|for)|the\s+ones|those|these|them|of\s+them|the\s+results?|re-?run|again)\b",
    re.IGNORECASE,
)
WEAK_REFINE = prefilter.compile(r"\b(?:only|just|but|exclusively|solely)\b", re.IGNORECASE)
LEADING_WEAK_REFINE = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|and|now|so|but|please)\W+)*(?:only|just|but|exclusively|solely)\b",
    re.IGNORECASE,
)
ADD_MODE = re.compile(
    r"\b(?:also|too|as\s+well|plus|add|include|including|in\s+addition|"
    r"along\s+with|and\s+also|on\s+top|back\s+in|back\s+on|added)\b|^\W*(?:and|&)\s|^\s*\+\s*\w|"
    # "or executive directors": one more value the search may match ("or rather ..." replaces)
    r"^\W*or\s+(?!rather\b|actually\b|instead\b)|"
    # "- nyc": a list item added under the search, as "+ nyc"
    r"^\s*-\s+(?=\w)",
    re.IGNORECASE,
)


def new_filters(slots: Slots, context: Sequence[str] = ()) -> dict[str, Any]:
    """The filters of a fresh search; only the fields the request set, plus ``limit``.

    ``context``: the places of the conversation's last search, which say which of two places of
    one name is meant when the request's own places do not ("WA" after searches in Queensland).
    """
    slots = _kind_of_industry_left_out(_which_reading(_nearby(slots, context)))
    f: dict[str, Any] = dict(render_roles(slots.positive_roles))
    for key in _LIST_FIELDS:
        if getattr(slots, key):
            f[key] = list(getattr(slots, key))
    _set_excludes(f, slots)
    _set_ranges(f, slots)
    f["limit"] = _limit(slots.count, DEFAULT_LIMIT)
    return f


def _set_signals(f: dict[str, Any], slots: Slots, add: bool = False) -> None:
    """Buying-signal filters of the clause replace the same ones of ``f`` (technologies add;
    funding stages add with "and"/"also", in the taxonomy's order)."""
    for key, value in slots.signals.items():
        if key == "technologies":
            f["technologies"] = _union(f.get("technologies", []), value)
        elif key == "funding_stages" and add and f.get("funding_stages"):
            both = {*f["funding_stages"], *value}
            f["funding_stages"] = [s for s in FUNDING_STAGES if s in both]
        else:
            f[key] = copy.deepcopy(value)


def unsupported_exclusions(slots: Slots) -> list[str]:
    """ "CFOs but not CEOs", "using Salesforce but not HubSpot": exclusions no filter expresses."""
    out = []
    if any(h.negated and not h.role.generic for h in slots.roles):
        out.append("exclude_titles")
    if slots.exclude_technologies:
        out.append("exclude_technologies")
    if slots.excluded_keywords:
        out.append("exclude_keywords")
    return out


def refine(base: dict[str, Any], slots: Slots, clause: str) -> dict[str, Any]:
    """The previous filters with this clause's changes applied (complete, not a diff).

    A new value replaces the old one ("what about CFOs instead?", "filter to only New York");
    "also"/"too"/"as well" add to it; exclusions always add.
    """
    f = copy.deepcopy(base)
    if not slots.industries and base.get("industries"):
        shorthand.meant_in_industry(clause, slots, base["industries"])
    for key in slots.cleared:
        f.pop(key, None)
    if slots.exclude_technologies and f.get("technologies"):
        # "only companies that aren't already using Ironclad": no longer a tool they must use
        kept = [t for t in f["technologies"] if t not in slots.exclude_technologies]
        if kept:
            f["technologies"] = kept
        else:
            f.pop("technologies")
            f.pop("technologies_added_within_days", None)
    _moved_to_companies(f, slots, clause)
    slots = _drop_removed(
        f, slots, bool(_TAKES_BACK.search(clause)), bool(ONLY_THESE.search(clause))
    )
    slots = _nearby(slots, [*base.get("locations", []), *base.get("exclude_locations", [])])
    slots = _which_reading(slots)
    slots = _exclusions_lifted(f, slots)
    add = _adds(clause) or _and_a_place_asked(clause, slots, base)
    slots = _hq_places(slots, base, clause)
    slots = _kind_restated(slots, base, clause, add)
    slots = _role_word_kept(slots, base, clause)
    replaces = bool(_REPLACES.search(clause))
    slots = _refine_roles(f, base, slots, add, replaces)
    slots = _without_replaced(slots, base, add, replaces)
    for key in _LIST_FIELDS:
        values = getattr(slots, key)
        if values:
            f[key] = _union(f.get(key, []), values) if add else list(values)
    _set_excludes(f, slots, base=f)
    if slots.locations:
        _not_the_old_place(f, base)
        if _WIDENS.search(clause):
            _widened(f, base, slots.locations)
    if _HQ_ANYWHERE.search(clause) and not slots.company_locations:
        f.pop("company_locations", None)  # "people who live in Chicago - the HQ can be anywhere"
    if slots.company_locations and slots.exclude_locations and _NOT_THE_PEOPLES.search(clause):
        # "companies based in Texas rather than people in Texas": the place is not the people's,
        # nobody is left out of it
        said = set(slots.company_locations) - set(base.get("exclude_locations") or [])
        f["exclude_locations"] = [v for v in f.get("exclude_locations", []) if v not in said]
        slots = copy.copy(slots)
        slots.exclude_locations = [v for v in slots.exclude_locations if v not in said]
    if not slots.locations and (
        _PEOPLE_ANYWHERE.search(clause)
        or (slots.company_locations and _NOT_THE_PEOPLES.search(clause))
    ):
        f.pop("locations", None)  # "companies HQ'd in the UK, the founder can live wherever"
    if slots.locations and not slots.company_locations and _NOT_THE_COMPANIES.search(clause):
        f.pop("company_locations", None)  # "people who live in Ohio, not companies based there"
    _set_ranges(f, slots, add)
    if _WHOLE_STATE.search(clause):
        f["locations"] = _whole_states([*base.get("locations", []), *f.get("locations", [])])
    if (stages := restaged(clause, base.get("funding_stages") or [])) is not None:
        f["funding_stages"] = stages
    previous = int(base.get("limit") or DEFAULT_LIMIT)
    f["limit"] = _limit(previous * 2 if slots.double else slots.count, previous)
    return {k: v for k, v in f.items() if v not in ([], None, {})}


# "whole UK, not only London", "widen to whole UAE plus KSA", "not only Chicago, whole Midwest":
# the wider place takes in the old one.
_WIDENS = re.compile(
    r"\b(?:whole|entire|all\s+of|widen|expand|extend|broaden|not\s+only|not\s+just|anywhere\s+in|"
    r"across|rest\s+of)\b",
    re.IGNORECASE,
)


def _widened(f: dict[str, Any], base: dict[str, Any], said: list[str]) -> None:
    """The old places of the search that lie inside a country or state just said leave it."""
    areas = [p for v in said if (p := geo.place_named(v)) is not None and p.kind != "city"]
    if not areas:
        return
    old = set(base.get("locations") or [])
    f["locations"] = [v for v in f.get("locations", []) if v not in old or not _within(v, areas)]


def _within(value: str, areas: list[Any]) -> bool:
    place = geo.place_named(value)
    if place is None:
        return False
    for area in areas:
        if area.kind == "country" and place.country == area.country and place.kind != "country":
            return True
        if (
            area.kind == "region"
            and place.kind == "city"
            and (place.country, place.region)
            == (
                area.country,
                area.region,
            )
        ):
            return True
    return False


_HQ_ANYWHERE = re.compile(
    r"\b(?:the\s+)?(?:hq|headquarters?|company|companies|employer)\s+(?:can|could|may|might)\s+be\s+"
    r"(?:anywhere|wherever)\b|\bwherever\s+the\s+(?:hq|company)\s+is\b|"
    # "don't care where the company is", "doesn't matter where they're headquartered"
    r"\b(?:don'?t|do\s+not|doesn'?t|does\s+not|dont|doesnt)\s+(?:care|matter|mind)\s+(?:about\s+)?"
    r"where\s+(?:the\s+|their\s+)?(?:(?:hq|headquarters|compan(?:y|ies)|employers?)\b|"
    r"(?:they|it)(?:'re|\s+are|'s|\s+is)\s+(?:headquartered|hq'?d|based)\b)",
    re.IGNORECASE,
)
_PEOPLE_ANYWHERE = re.compile(
    r"\b(?:they|the\s+(?:person|people|founders?|contacts?|(?!(?:compan(?:y|ies)|hq|headquarters|"
    r"employers?|firms?|business(?:es)?)\b)\w+s?))\s+(?:can|could|may|might)\s+"
    r"(?:live|be\s+based|be|sit|work)\s+(?:anywhere|wherever)\b",
    re.IGNORECASE,
)
_NOT_THE_PEOPLES = re.compile(
    # "HQ in Texas not the people", "people anywhere", "don't care where the people are", "HQ in
    # Ohio rather than person location": said with a place of the companies (see ``refine``)
    r"\bnot\s+(?:where\s+)?(?:the\s+)?(?:person|people|contacts?|prospects?)(?:'s)?\b|"
    r"\bnot\s+where\s+(?:they|the\s+\w+s?)\s+(?:live|are|sit|work)\b|"
    r"\b(?:rather\s+than|instead\s+of)\s+(?:where\s+)?(?:the\s+)?(?:person|people|contacts?|they)"
    r"(?:'s)?\b|"
    r"\b(?:people|contacts|persons?|they)\s+(?:(?:can\s+be|are\s+fine|located|based|living)\s+)?"
    r"(?:anywhere|wherever)\b|"
    r"\b(?:don'?t|do\s+not|doesn'?t)\s+(?:care|matter|mind)\s+(?:about\s+)?where\s+(?:the\s+)?"
    r"(?:person|people|they|contacts?|prospects?)\b",
    re.IGNORECASE,
)
_NOT_THE_COMPANIES = prefilter.compile(
    # "people who live in Germany, not companies based there", "people in Ohio, not the HQ":
    # said with a place of the people (see ``refine``)
    r"\b(?:not|rather\s+than|instead\s+of)\s+(?:where\s+)?(?:the\s+|their\s+)?(?:compan(?:y|ies)|hq|"
    r"headquarters|employers?|firms?|business(?:es)?)(?:'s?)?(?:\s+(?:location|place|hq))?"
    r"(?:\s+(?:is|are|based|located|headquartered|hq'?d|sits?))*(?:\s+there)?\s*(?:[,.;!?]|$)",
    re.IGNORECASE,
)
ONLY_THESE = re.compile(r"\b(?:only|just)\b", re.IGNORECASE)
_EXPLICIT_ADD = re.compile(r"\b(?:too|also|as\s+well|add|plus|include)\b", re.IGNORECASE)
# "and in New York instead", "and the CTO?": the new value replaces the old one even after "and".
_INSTEAD = re.compile(r"\b(?:instead|rather\s+than|in\s+place\s+of)\b", re.IGNORECASE)
# "and change for VP of engineering", "and switch to CTOs", "and make it CFOs": a change to the
# value, even after "and".
_CHANGED_TO = prefilter.compile(
    r"\b(?:change|switch|swap|turn)\s+(?:(?:it|that|this|them|those|these|the\s+\w+(?:\s+\w+)?)\s+)?"
    r"(?:to|for|into|by|over\s+to)\b|\bmake\s+(?:it|that|them|this|those|these)\s+(?!(?:too|also)\b)\w|"
    r"\bgo\s+with\b",
    re.IGNORECASE,
)
_AND_QUESTION = re.compile(r"^\W*(?:and|&|or)\s+[^,;]*\?\W*$", re.IGNORECASE)
_REPLACES = prefilter.compile(
    r"\b(?:replace|swap|instead\s+of|rather\s+than|in\s+place\s+of)\b|"
    # "trade risk managers for compliance managers", "switch the CFOs out for controllers"
    r"\b(?:trade|exchange|switch)\s+(?:out\s+)?(?!to\b)(?:\S+\s+){1,4}?(?:out\s+)?(?:for|with)\b|"
    # "change safety directors to EHS managers": one value for another
    r"\b(?:change|switch|swap|turn)\s+(?!(?:it|that|this|them|those|these|to)\b)(?:the\s+)?\S+"
    r"(?:\s+\S+){0,2}?\s+(?:to|into)\b",
    re.IGNORECASE,
)
# "drop austin, whole state": the places of the search widen to their states.
_WHOLE_STATE = prefilter.compile(
    r"\b(?:(?:the\s+)?(?:whole|entire|full)\s+state|all\s+of\s+the\s+state|state[\s-]?wide)\b",
    re.IGNORECASE,
)


def _adds(clause: str) -> bool:
    """Whether the clause's values join the old ones ("also", "too", "and ...") or replace them."""
    if not ADD_MODE.search(clause) or _INSTEAD.search(clause):
        return False
    if _CHANGED_TO.search(clause) and not _EXPLICIT_ADD.search(clause):
        return False  # "and change for VP of engineering please": the new value, not both
    if ONLY_THESE.search(clause) and not _EXPLICIT_ADD.search(clause):
        return False  # "and only London and Manchester please": those, not the UK as well
    if _AND_QUESTION.match(clause):
        # "and the CTO?" asks about the CTO instead; "and CFOs too?" still adds.
        return bool(ADD_MODE.search(re.sub(r"^\W*(?:and|&|or)\s+", "", clause)))
    return True


def _and_a_place_asked(clause: str, slots: Slots, base: dict[str, Any]) -> bool:
    """ "and Henderson?" after a search in Las Vegas: one more place of the same state or
    country asked about, joining the old ones ("and in Brazil?" after Mexico City asks about
    Brazil instead, as "and the CTO?" asks about the CTO)."""

    def around(place: str) -> str:
        return place.split(", ", 1)[1] if ", " in place else place

    if not (_AND_QUESTION.match(clause) and slots.locations) or (
        slots.roles or slots.generic or slots.industries
    ):
        return False
    near = {around(str(p)) for p in base.get("locations") or []}
    return all(around(p) in near for p in slots.locations)


@lru_cache(maxsize=1)
def _alias_heads() -> dict[str, frozenset[str]]:
    """Industry -> the last words of its multi-word aliases ("Veterinary": clinic, hospital)."""
    heads: dict[str, set[str]] = {}
    for key, industries in INDUSTRY_ALIASES.items():
        if " " in key:
            for industry in industries:
                heads.setdefault(industry, set()).add(key.rsplit(" ", 1)[1])
    return {k: frozenset(v) for k, v in heads.items()}


_BEFORE_BARE_KIND = frozenset(
    "only just the those these at for to and with of bigger smaller small big larger large "
    "local independent any all".split()
)


def _kind_restated(slots: Slots, base: dict[str, Any], clause: str, add: bool) -> Slots:
    """ "only clinics with 11-50 employees" after "owners of vet clinics": a word that only
    names the kind of company the search's industry already is ("vet clinic" -> "clinic")
    restates it; it does not replace the industry with another (Medical Practice)."""
    old = base.get("industries") or []
    if add or not old or not slots.industries or set(slots.industries) <= set(old):
        return slots
    words = norm_key(clause).split()
    # the head word alone ("only clinics"), not with a word that makes it another kind
    # ("dental clinics")
    bare = {w for i, w in enumerate(words) if i == 0 or words[i - 1] in _BEFORE_BARE_KIND}
    heads = _alias_heads()
    restated = {
        v
        for v in slots.industries
        if v not in old
        and any(
            key in bare and v in INDUSTRY_ALIASES.get(key, ())
            for b in old
            for key in heads.get(b, ())
        )
    }
    if not restated:
        return slots
    out = copy.copy(slots)
    out.industries = [v for v in slots.industries if v not in restated]
    return out


# "vp of ops too, not just facilities": what the search already asks for, kept.
_NOT_JUST = prefilter.compile(
    r"\bnot\s+(?:just|only)\s+(?:the\s+)?(?P<what>[a-z][\w&/-]*(?:\s+(?!(?:people|ones|folks|"
    r"roles|titles|guys|team|side|leaders|heads)\b)[a-z][\w&/-]*)?)"
    r"(?:\s+(?:people|ones|folks|roles|titles|guys|team|side|leaders|heads))?\s*(?:[,;.!?]|$)",
    re.IGNORECASE,
)


def _role_word_kept(slots: Slots, base: dict[str, Any], clause: str) -> Slots:
    """ "vp of ops too, not just facilities" after facilities directors: the word names the
    search's own role ("Facilities Director"), not an industry (Facilities Services)."""
    m = _NOT_JUST.search(clause)
    if not m or not slots.industries or not base.get("titles"):
        return slots
    title_words = {w for t in base["titles"] for w in norm_key(str(t)).split()}
    said = norm_key(m["what"]).split()
    if not said or not set(said) <= title_words:
        return slots
    named = set(extract(m["what"]).industries) - set(base.get("industries") or [])
    out = copy.copy(slots)
    out.industries = [v for v in slots.industries if v not in named]
    return out


# Words that put a place on the people rather than on their companies.
_PEOPLE_PLACE = prefilter.compile(
    r"\b(?:people|ppl|folks|persons?|person|they|them|who|lives?|living|located|sit|sits|sitting|reside|"
    r"residing|work(?:s|ing)?\s+(?:from|in|out\s+of)|contacts|prospects|leads)\b",
    re.IGNORECASE,
)


def _hq_places(slots: Slots, base: dict[str, Any], clause: str) -> Slots:
    """ "add Fort Worth" after "CFOs at companies headquartered in Dallas": a place that
    refines a search placed only by its companies' headquarters is another headquarters."""
    if not (
        slots.locations
        and base.get("company_locations")
        and not base.get("locations")
        and not slots.company_locations
        and not _PEOPLE_PLACE.search(clause)
    ):
        return slots
    out = copy.copy(slots)
    out.company_locations = list(slots.locations)
    out.locations = []
    out.exclude_company_locations = [
        *slots.exclude_company_locations,
        *(v for v in slots.exclude_locations if v not in slots.exclude_company_locations),
    ]
    out.exclude_locations = []
    return out


# "I mean companies based in NJ, not where the person lives", "actually HQ in Texas": a place
# said again of the companies is theirs instead of the people's.
_PLACE_MOVED = prefilter.compile(
    r"\bnot\s+(?:where|the\s+place)\s+(?:the\s+)?(?:person|people|they|contacts?|prospects?)\b|"
    r"\b(?:rather\s+than|instead\s+of)\s+where\s+(?:the\s+)?(?:person|people|they)\b|"
    r"\bnot\s+the\s+(?:person|people|contacts?)(?:'s)?\b|^\W*actually\b|"
    # "the company HQ should be in Ohio" (Ohio searched): the place is said to be the HQ's
    r"\b(?:should|must|needs?\s+to)\s+be\b",
    re.IGNORECASE,
)


def _moved_to_companies(f: dict[str, Any], slots: Slots, clause: str) -> None:
    """The people's places the clause moves to their companies (see ``_PLACE_MOVED``)."""
    moved = [v for v in slots.company_locations if v in f.get("locations", [])]
    if moved and _PLACE_MOVED.search(clause):
        f["locations"] = [v for v in f["locations"] if v not in moved]


def _not_the_old_place(f: dict[str, Any], base: dict[str, Any]) -> None:
    """ "sorry, Portland Oregon not Maine!": the "not" names the place being replaced (Portland,
    ME), so nothing is excluded; the new place replaces the old one."""
    gone = [v for v in base.get("locations", []) if v not in f.get("locations", [])]
    if not gone or not f.get("exclude_locations"):
        return
    kept = base.get("exclude_locations", [])
    f["exclude_locations"] = [
        x
        for x in f["exclude_locations"]
        if x in kept or not any(v.endswith(f", {x}") for v in gone)
    ]


def _which_reading(slots: Slots) -> Slots:
    """ "Portland Oregon not Maine": a place excluded only to say which city is meant is no
    exclusion (see ``places.other_readings``)."""
    if not (slots.locations and slots.exclude_locations):
        return slots
    said = other_readings(slots.locations, slots.exclude_locations)
    if not said:
        return slots
    out = copy.copy(slots)
    out.exclude_locations = [v for v in slots.exclude_locations if v not in said]
    return out


def widened_to_states(clause: str, base: dict[str, Any]) -> dict[str, Any] | None:
    """ "actually people in the whole state", "statewide please": the search with each of its
    cities widened to its state, nothing else changed; None when the clause says no such thing
    or the search has no city."""
    places = base.get("locations") or []
    if not _WHOLE_STATE.search(clause) or not any(p.count(", ") == 2 for p in places):
        return None
    return {**copy.deepcopy(base), "locations": _whole_states(places)}


def _whole_states(locations: list[str]) -> list[str]:
    """ "Austin, TX, US" -> "TX, US": each city's state (places without one stay as they are)."""
    out: list[str] = []
    for loc in locations:
        parts = loc.split(", ")
        wide = ", ".join(parts[-2:]) if len(parts) == 3 else loc
        if wide not in out:
            out.append(wide)
    return out


# "actually not Denver after all", "on second thought, no Denver": the user takes back a value
# they gave, so it is dropped rather than excluded.
_TAKES_BACK = prefilter.compile(
    r"\bafter\s+all\b|\bon\s+second\s+thoughts?\b|\bscratch\b|\bnever\s*mind\b|"
    r"\bchanged\s+my\s+mind\b",
    re.IGNORECASE,
)


_LIFTABLE = (
    ("locations", "exclude_locations"),
    ("industries", "exclude_industries"),
    ("company_locations", "exclude_company_locations"),
)


def _exclusions_lifted(f: dict[str, Any], slots: Slots) -> Slots:
    """ "actually banks are fine", "ok include nyc too" after a search that left them out: the
    exclusion is lifted; the value is not added, since the search's own values hold it
    ("financial services but not banks", "New York State but not the city")."""
    out = slots
    for positive, excluded in _LIFTABLE:
        lifted = [v for v in getattr(slots, positive) if v in (f.get(excluded) or [])]
        if not lifted:
            continue
        f[excluded] = [v for v in f[excluded] if v not in lifted]
        if out is slots:
            out = copy.copy(slots)
        setattr(out, positive, [v for v in getattr(slots, positive) if v not in lifted])
    return out


def _drop_removed(
    f: dict[str, Any], slots: Slots, takes_back: bool = False, narrows: bool = False
) -> Slots:
    """ "remove Texas", "remove the ecommerce filter": a value the search had is dropped from
    ``f``, not excluded (the returned slots no longer exclude it); so is any value the clause
    negates when it takes one back ("not Denver after all") or says which of its kind are
    wanted instead ("not retail but only logistics")."""
    for positive, excluded in (
        ("locations", "exclude_locations"),
        ("industries", "exclude_industries"),
    ):
        instead = narrows and bool(getattr(slots, positive))
        gone = [
            v
            for v in getattr(slots, excluded)
            if (takes_back or instead or v in slots.removals) and v in f.get(positive, [])
        ]
        if gone:
            f[positive] = [v for v in f[positive] if v not in gone]
            setattr(slots, excluded, [v for v in getattr(slots, excluded) if v not in gone])
    return slots


def _refine_roles(
    f: dict[str, Any], base: dict[str, Any], slots: Slots, add: bool, replaces: bool = False
) -> Slots:
    """The clause's roles and departments applied to ``f``; the slots, with department words
    no longer read as industries when they changed a department."""
    roles = render_roles(slots.positive_roles)
    if not roles and slots.dept_mentions and base.get("titles") and not base.get("departments"):
        gone_depts = {d for d, _, neg in slots.dept_mentions if neg}
        new = [d for d, _, neg in slots.dept_mentions if not neg]
        taken = {ind for _, inds, _ in slots.dept_mentions for ind in inds}
        # "only logistics and transport" after HR directors: sectors listed, no department
        sectors = any(ind not in taken for ind in slots.industries)
        swapped = None if sectors else swap_departments(base["titles"], gone_depts, new, add)
        # "marketing instead" after CFOs is about the department; "only in manufacturing" after
        # CFOs changes no title, and is the sector, as is "make it logistics" after COOs at
        # fintechs (a search by sector has its sector changed)
        if swapped or (
            not sectors
            and all(len(inds) <= 1 for _, inds, _ in slots.dept_mentions)
            and not (base.get("industries") and slots.industries)
        ):
            slots = _departments_not_industries(slots)
        if swapped:
            f["titles"] = swapped
    if (
        set(roles) == {"seniorities"}
        and not add
        and base.get("titles")
        and all(not h.departments for h in slots.positive_roles)
        and (swapped := swap_rung(base["titles"], roles["seniorities"]))
    ):
        roles = {"titles": swapped}
    if not roles and slots.dept_mentions and base.get("departments"):
        slots = _departments_not_industries(slots)
        gone_depts = {d for d, _, neg in slots.dept_mentions if neg}
        new = [d for d, _, neg in slots.dept_mentions if not neg]
        depts = [d for d in base["departments"] if d not in gone_depts]
        f["departments"] = _union(depts, new) if add else (new or depts)
    negated = render_roles([h for h in slots.roles if h.negated and not h.role.generic])
    if replaces and not add and (swapped := _swapped(base, roles, negated)):
        roles = {"titles": swapped}
    _apply_roles(f, roles, add)
    for key, values in negated.items():
        if key in f:
            f[key] = [v for v in f[key] if v not in values]
    return slots


def _swapped(
    base: dict[str, Any], roles: dict[str, list[str]], gone: dict[str, list[str]]
) -> list[str] | None:
    """ "swap risk manager for safety director" after CFOs and risk managers: the titles of
    the search with the one named replaced, in its place, and the others kept (None when the
    search has no such title)."""
    old = [str(t) for t in base.get("titles") or []]
    new, out = roles.get("titles") or [], []
    named = {norm_key(t) for t in gone.get("titles") or []}
    if not new or not named or not any(norm_key(t) in named for t in old):
        return None
    for title in old:
        if norm_key(title) not in named:
            out.append(title)
        elif not set(new) & set(out):
            out.extend(t for t in new if t not in out)
    return out


def _apply_roles(f: dict[str, Any], roles: dict[str, list[str]], add: bool) -> None:
    """New roles replace the old ones (titles replace seniorities and departments), or add."""
    if not roles:
        return
    if add:
        for key, values in roles.items():
            f[key] = _union(f.get(key, []), values)
    elif "titles" in roles:
        f["titles"] = roles["titles"]
        f.pop("seniorities", None)
        f.pop("departments", None)
    else:
        f.pop("titles", None)
        for key in ("seniorities", "departments"):
            if key in roles:
                f[key] = roles[key]


def _without_replaced(
    slots: Slots, base: dict[str, Any], add: bool, replaces: bool = False
) -> Slots:
    """ "pharma instead of biotech", "replace New York with New Jersey": what a replacement
    replaces is dropped, not excluded (with "replace", also a place read inside an old one:
    "New York" the city, when the search had New York the state)."""
    replaced = copy.copy(slots)
    for key, positive in (("exclude_industries", "industries"), ("exclude_locations", "locations")):
        if getattr(slots, positive) and not add:
            old = base.get(positive, [])
            named = getattr(slots, key)
            setattr(
                replaced,
                key,
                [v for v in named if v not in old and not (replaces and _inside(v, old))],
            )
            if replaces:
                # "tennessee instead of the carolinas" after Georgia and the Carolinas: only the
                # values named as replaced go; Georgia stays.
                gone = [o for o in old if o in named or any(v.endswith(", " + o) for v in named)]
                kept = [o for o in old if o not in gone]
                if gone and kept:
                    setattr(replaced, positive, _union(kept, getattr(slots, positive)))
    return replaced


def _inside(place: str, places: list[str]) -> bool:
    return any(place.endswith(", " + p) for p in places)


def _narrowed(old: dict[str, Any] | None, new: dict[str, Any]) -> dict[str, Any]:
    """ "and under 5000 employees" after "1k+ employees": a bound on the side the old range
    left open narrows it (1,000-4,999); any other bound replaces it."""
    if old and (new.get("min") is None) != (new.get("max") is None):
        low = new["min"] if new.get("min") is not None else old.get("min")
        high = new["max"] if new.get("max") is not None else old.get("max")
        one_sided_old = (old.get("min") is None) != (old.get("max") is None)
        if one_sided_old and low is not None and high is not None and low <= high:
            return {"min": low, "max": high}
    return dict(new)


def _set_ranges(f: dict[str, Any], slots: Slots, add: bool = False) -> None:
    """Size, revenue, email status and signals of the clause replace those of ``f``; email
    statuses added with "too"/"also" ("include guessed emails too") join the old ones."""
    if slots.employees:
        f["employees"] = _narrowed(f.get("employees"), slots.employees)
    if slots.revenue:
        f["revenue_usd"] = _narrowed(f.get("revenue_usd"), slots.revenue)
    if slots.email_status:
        # "guessed emails are fine too" on a search that asked for none: the verified ones and
        # those
        old = (f.get("email_status") or ["verified"]) if add else []
        f["email_status"] = _union(old, slots.email_status)
    _set_signals(f, slots, add)


def _nearby(slots: Slots, context: Sequence[str] = ()) -> Slots:
    if not slots.place_options:
        return slots
    out = copy.copy(slots)
    own = [*slots.locations, *slots.exclude_locations]
    if len(own) > 1 and len({loc.rsplit(", ", 1)[-1] for loc in own}) == 1:
        # "same in Sydney and Melbourne": places read in one country settle each other before
        # the places of the search they refine.
        context = ()
    # Codes such as "CA" were settled by the cities around them; they do not settle cities back.
    everything = [
        loc
        for loc in [*context, *slots.locations, *slots.exclude_locations]
        if loc not in slots.code_places
    ]
    out.locations = prefer_nearby(slots.locations, slots.place_options, everything)
    out.exclude_locations = prefer_nearby(slots.exclude_locations, slots.place_options, everything)
    return out


def _departments_not_industries(slots: Slots) -> Slots:
    """The same slots with department words no longer read as industries."""
    out = copy.copy(slots)
    taken = {ind for _, inds, _ in slots.dept_mentions for ind in inds}
    out.industries = [v for v in slots.industries if v not in taken]
    out.exclude_industries = [v for v in slots.exclude_industries if v not in taken]
    return out


def _kind_of_industry_left_out(slots: Slots) -> Slots:
    """ "CFOs at banks in Ohio, skip credit unions": an industry asked for and left out in one
    request leaves out a kind of it, which no industry filter expresses; the industry stays and
    the reply says what was not left out (never every bank left out)."""
    first_wanted: dict[str, int] = {}
    for at, values, negated in slots.industry_hits:
        for value in values:
            if not negated:
                first_wanted.setdefault(value, at)
    both = [
        value
        for at, values, negated in slots.industry_hits
        if negated
        for value in values
        if value in slots.exclude_industries and first_wanted.get(value, at) < at
    ]
    if not both:
        return slots
    if "exclude_keywords" not in slots.unsupported:
        slots.unsupported.append("exclude_keywords")  # said in the reply (see ``_note_unread``)
    out = copy.copy(slots)
    out.exclude_industries = [i for i in slots.exclude_industries if i not in both]
    return out


def _set_excludes(f: dict[str, Any], slots: Slots, base: dict[str, Any] | None = None) -> None:
    for key, positive, values in (
        ("exclude_locations", "locations", slots.exclude_locations),
        ("exclude_industries", "industries", slots.exclude_industries),
        ("exclude_company_locations", "company_locations", slots.exclude_company_locations),
    ):
        if not values:
            continue
        f[key] = _union((base or {}).get(key, []), values)
        if positive in f:
            f[positive] = [v for v in f[positive] if v not in values]


def _union(a: list, b: list) -> list:
    return [*a, *[v for v in b if v not in a]]


def _limit(count: int | None, default: int) -> int:
    if count is None:
        return default
    return max(1, min(count, MAX_LIMIT))


def changes_anything(slots: Slots) -> bool:
    return bool(
        slots.has_role
        or slots.has_filters
        or slots.count is not None
        or bool(slots.unsupported)
        or bool(slots.excluded_keywords)
        or bool(slots.exclude_technologies)
        or bool(slots.cleared)
        or slots.double
        or any(h.negated for h in slots.roles)
    )
