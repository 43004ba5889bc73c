"""Near misses: the searches next to one that found nobody, and the user's answer to the offer.

``widenings(filters)`` proposes at most three searches, each changing one thing: the wider place
(a city -> its state or region -> its country), the neighbouring industries
(``data/neighbours.toml``) and the next seniority (VP -> Head/Director, C-level -> VP). The
search tool counts them and offers the ones that find people; ``follow_up`` reads the answer
("yes", "ok widen it", "show the Idaho ones") as the offered search. Pure data, no database.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from lexi.errors import ValidationFailed
from lexi.prospects.filters import ProspectFilters

from .lexicon import COMPOSED_TITLE_BASES
from .types import ConversationState, Intent, IntentKind

# At most this many near searches are counted for one empty search (one per kind).
MAX_PROBES = 3
KINDS = ("place", "industry", "seniority")


@dataclass
class Widening:
    """One near search: its kind, the complete filters, and what changed (for the reply and
    for recognising the user's pick: "the Idaho ones")."""

    kind: str
    filters: dict[str, Any]
    change: dict[str, list[str]]
    words: list[str] = field(default_factory=list)


@lru_cache(maxsize=1)
def _data() -> dict[str, dict[str, list[str]]]:
    text = (
        resources.files("lexi.assistant.understanding")
        .joinpath("data/neighbours.toml")
        .read_text("utf-8")
    )
    return tomllib.loads(text)


def industry_neighbours(industry: str) -> list[str]:
    return list(_data()["industries"].get(industry, []))


def _unique(values: list[str]) -> list[str]:
    return list(dict.fromkeys(values))


def wider_place(value: str) -> str | None:
    """ "Boise, ID, US" -> "ID, US"; "London, GB" -> "GB"; "ID, US" -> "US"; a country -> None."""
    from lexi.geo import place_named

    place = place_named(value)
    if place is None:
        return None
    if place.kind == "city":
        return f"{place.region}, {place.country}" if place.region else place.country
    if place.kind == "region":
        return place.country
    return None


def _place_words(value: str) -> list[str]:
    from lexi import geo

    parts = [p.strip() for p in value.split(",")]
    if len(parts) == 1:
        names = [geo.country_name(parts[0]) or parts[0]]
    elif len(parts) == 2:
        names = [geo.region_name(parts[1], parts[0]) or parts[0]]
    else:
        names = [parts[0]]
    return [w for n in names for w in _words(n)]


_GENERIC = frozenset(
    [
        "and",
        "or",
        "of",
        "the",
        "a",
        "an",
        "in",
        "at",
        "for",
        "to",
        "companies",
        "company",
        "firms",
        "firm",
        "services",
        "service",
        "other",
    ]
)


def _words(text: str) -> list[str]:
    return [w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in _GENERIC and len(w) > 1]


def _wider_places(filters: dict[str, Any]) -> Widening | None:
    places = list(filters.get("locations") or [])
    if not places:
        return None
    wider = [wider_place(p) for p in places]
    if any(w is None for w in wider):
        return None  # a country (or an unknown place) stays as asked
    new = _unique([w for w in wider if w])
    excluded = set(filters.get("exclude_locations") or [])
    new = [w for w in new if w not in excluded]
    if not new:
        return None
    words = _unique([w for p in new for w in _place_words(p)])
    return Widening("place", {**filters, "locations": new}, {"locations": new}, words)


def _neighbour_industries(filters: dict[str, Any]) -> Widening | None:
    industries = list(filters.get("industries") or [])
    if not industries or len(industries) > 3:
        return None  # a whole sector ("manufacturing") is already wide
    excluded = set(filters.get("exclude_industries") or [])
    near = _unique(
        [
            n
            for i in industries
            for n in industry_neighbours(i)
            if n not in industries and n not in excluded
        ]
    )
    if not near:
        return None
    words = _unique([w for n in near for w in _words(n)])
    return Widening(
        "industry", {**filters, "industries": industries + near}, {"industries": near}, words
    )


_VP = re.compile(
    r"^(?:vp|vice\s+president|svp|evp)\s*(?:of\s+|,\s*|-\s*)?(?P<f>.+)$", re.IGNORECASE
)
_HEAD = re.compile(r"^head\s+of\s+(?P<f>.+)$", re.IGNORECASE)
_DIRECTOR = re.compile(r"^(?:director\s+of\s+(?P<a>.+)|(?P<b>.+?)\s+director)$", re.IGNORECASE)


def next_titles(title: str) -> list[str]:
    """The titles one step below ``title``: "VP of Sales" -> Head of Sales, Director of Sales."""
    table = _data()["titles"]
    if title in table:
        return list(table[title])
    if title in COMPOSED_TITLE_BASES:  # "Drinks Buyer" -> Buyer, "Head Nurse" -> Nurse
        return [COMPOSED_TITLE_BASES[title]]
    if m := _VP.match(title):
        return [f"Head of {m['f']}", f"Director of {m['f']}"]
    if m := _HEAD.match(title):
        return [f"Director of {m['f']}"]
    if m := _DIRECTOR.match(title):
        return [f"{m['a'] or m['b']} Manager"]
    return []


def _next_seniority(filters: dict[str, Any]) -> Widening | None:
    titles = list(filters.get("titles") or [])
    if titles:
        new = [n for n in _unique([n for t in titles for n in next_titles(t)]) if n not in titles]
        if not new:
            return None
        levels = [w for t in new for w in _words(t) if w in _TITLE_LEVELS]
        words = _unique([w for lv in levels for w in _LEVEL_WORDS.get(lv, (lv,))])
        return Widening("seniority", {**filters, "titles": new}, {"titles": new}, words)
    levels = list(filters.get("seniorities") or [])
    if not levels:
        return None
    table = _data()["seniorities"]
    new = _unique([n for s in levels for n in table.get(s, []) if n not in levels])
    if not new:
        return None
    words = _unique([w for s in new for w in _LEVEL_WORDS.get(s, (s,))])
    return Widening("seniority", {**filters, "seniorities": new}, {"seniorities": new}, words)


_LEVEL_WORDS: dict[str, tuple[str, ...]] = {
    "vp": ("vp", "vps"),
    "head": ("head", "heads"),
    "director": ("director", "directors"),
    "manager": ("manager", "managers"),
    "president": ("president", "presidents"),
}


_TITLE_LEVELS = frozenset({"vp", "head", "director", "manager", "president"})


def widenings(filters: dict[str, Any]) -> list[Widening]:
    """The near searches worth counting for a search that found nobody, in the order they are
    offered: the wider place, the neighbouring industries, the next seniority (at most 3)."""
    found = [w(filters) for w in (_wider_places, _neighbour_industries, _next_seniority)]
    return [w for w in found if w is not None][:MAX_PROBES]


# "yes", "ok widen it", "sure, go ahead", "show the Idaho ones", "try directors then".
_ASSENT = frozenset(
    [
        "yes",
        "yeah",
        "yep",
        "yup",
        "sure",
        "ok",
        "okay",
        "please",
        "widen",
        "expand",
        "broaden",
        "go",
        "do",
    ]
)
# ... and the words that may come with them ("go ahead", "show me those ones").
_ACCEPT = _ASSENT | frozenset(
    [
        "pls",
        "ahead",
        "it",
        "include",
        "show",
        "me",
        "them",
        "those",
        "these",
        "ones",
        "one",
        "try",
        "use",
        "let's",
        "lets",
        "sounds",
        "good",
        "great",
        "fine",
        "that",
        "then",
        "instead",
        "search",
        "look",
        "for",
        "find",
        "with",
        "people",
        "let",
        "us",
        "run",
        "the",
        "to",
        "all",
        "and",
        "at",
        "in",
        "of",
        "companies",
        "firms",
    ]
)
# Words that pick an offer by its kind ("the whole state", "other industries").
_KIND_WORDS: dict[Any, frozenset[str]] = {
    "place": frozenset(
        ["state", "country", "region", "area", "wider", "whole", "nationwide", "statewide"]
    ),
    "industry": frozenset(
        ["industry", "industries", "neighbouring", "neighboring", "related", "similar"]
    ),
    "seniority": frozenset(["seniority", "level", "junior", "lower"]),
}


def follow_up(text: str, state: ConversationState) -> Intent | None:
    """The offered near search, when the message only accepts or picks one of the offers the
    previous turn made."""
    offers = state.nearby
    if not offers or state.nearby_turn != state.turn - 1:
        return None
    tokens = re.findall(r"[a-z0-9']+", text.lower())
    if not tokens or len(tokens) > 8:
        return None
    picked = None
    rest = []
    for token in tokens:
        owner = next(
            (
                o
                for o in offers
                if token in (o.get("words") or []) or token in _KIND_WORDS.get(o.get("kind"), ())
            ),
            None,
        )
        if owner is not None:
            picked = picked or owner
        elif token not in _ACCEPT:
            rest.append(token)
    if rest:
        return None
    if picked is None:
        if not _ASSENT.intersection(tokens):
            return None
        picked = offers[0]
    try:
        filters = ProspectFilters.from_dict(picked["filters"])
    except ValidationFailed:
        return None  # an offer stored before one of its filters went away
    # ``accepted`` says which offer it was; a search with params is answered by the rules even
    # when a model interprets (the model never saw the offer).
    return Intent(
        kind=IntentKind.prospect_search,
        filters=filters,
        refinement=True,
        params={"accepted": picked.get("kind")},
    )
