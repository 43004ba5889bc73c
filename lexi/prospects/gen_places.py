"""Where the generator puts companies and people: municipalities (``data/places.tsv``).

The file (built by ``scripts/build_universe_places.py``) lists, per country, the gazetteer's
municipalities without neighbourhoods, with population and metro. Headquarters are drawn
weighted by population (a little more than proportionally: business concentrates in big
cities); people mostly live in their company's metro, some anywhere in the country (remote),
and large companies have offices in other metros and abroad.
"""

from __future__ import annotations

import bisect
import random
from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import accumulate


@dataclass(frozen=True, eq=False)
class Town:
    name: str
    region: str | None
    country: str
    population: int
    metro: str  # "<region>|<city>" of the metro's main city


class Sampler:
    __slots__ = ("cum", "items", "total")

    def __init__(self, items: list, weights: list[float]) -> None:
        self.items = items
        self.cum = list(accumulate(weights))
        self.total = self.cum[-1]

    def __call__(self, rng: random.Random):
        return self.items[bisect.bisect_right(self.cum, rng.random() * self.total)]


@dataclass
class CountryPlaces:
    towns: list[Town]
    anywhere: Sampler  # by population: where remote people live
    hq: Sampler  # by population ** 1.15: where companies are based
    metros: dict[str, Sampler]  # metro -> its towns by population
    big_metros: list[Town]  # main cities of the largest metros, for offices


# Where an industry family clusters: its companies are based in these metros several times more
# often than their population alone says (software in San Francisco, finance in New York).
_TECH = {
    "CA|San Francisco": 6,
    "CA|San Jose": 5,
    "CA|Oakland": 3,
    "WA|Seattle": 4,
    "TX|Austin": 4,
    "NY|New York": 3,
    "MA|Boston": 4,
    "CO|Denver": 2.5,
    "CA|Los Angeles": 1.5,
    "|London": 3,
    "|Berlin": 3,
    "ON|Toronto": 3,
    "|Amsterdam": 3,
    "|Dublin": 4,
    "|Paris": 2,
    "|Munich": 2,
    "|Zürich": 2,
    "NSW|Sydney": 2,
    "BC|Vancouver": 2.5,
    "|Singapore": 1,
}
_FINANCE = {
    "NY|New York": 5,
    "|London": 4,
    "IL|Chicago": 2.5,
    "MA|Boston": 3,
    "CA|San Francisco": 3,
    "NC|Charlotte": 3,
    "CT|Stamford": 4,
    "ON|Toronto": 3,
    "|Frankfurt am Main": 5,
    "|Zürich": 4,
    "|Geneva": 3,
    "|Paris": 2,
    "|Dublin": 2.5,
    "NSW|Sydney": 2.5,
    "|Amsterdam": 2,
}
_INDUSTRY = {
    "MI|Detroit": 4,
    "IL|Chicago": 1.5,
    "OH|Cleveland": 3,
    "OH|Columbus": 2,
    "WI|Milwaukee": 3,
    "IN|Indianapolis": 2,
    "MI|Grand Rapids": 3,
    "PA|Pittsburgh": 2,
    "OH|Cincinnati": 2,
    "TX|Houston": 2,
    "|Stuttgart": 4,
    "|Munich": 2,
    "|Birmingham": 2.5,
    "|Manchester": 1.5,
    "ON|Hamilton": 2.5,
    "|Linz": 3,
}
AFFINITY: dict[str, dict[str, float]] = {
    "software": _TECH,
    "it_services": _TECH,
    "hardware": _TECH,
    "financial_services": {**_TECH, **_FINANCE},
    "vc_pe": {**_FINANCE, "CA|San Francisco": 6, "CA|San Jose": 5, "CA|Palo Alto": 8},
    "investment": _FINANCE,
    "bank": {"NY|New York": 2, "NC|Charlotte": 3, "|London": 2},
    "insurance": {"CT|Hartford": 6, "NY|New York": 2, "|London": 2, "IA|Des Moines": 4},
    "law": {
        "NY|New York": 2.5,
        "DC|Washington": 3,
        "|London": 2,
        "IL|Chicago": 1.5,
        "CA|Los Angeles": 1.5,
    },
    "consulting": {"NY|New York": 2, "DC|Washington": 2.5, "|London": 2, "MA|Boston": 2},
    "agency": {"NY|New York": 3, "CA|Los Angeles": 2.5, "|London": 3, "IL|Chicago": 2},
    "media": {"NY|New York": 3, "CA|Los Angeles": 4, "|London": 3, "TN|Nashville": 3},
    "life_sciences": {
        "MA|Boston": 6,
        "CA|San Diego": 4,
        "CA|San Francisco": 4,
        "NJ|Newark": 2,
        "NC|Raleigh": 3,
        "|Basel": 6,
        "|Cambridge": 5,
    },
    "manufacturing": _INDUSTRY,
    "energy": {
        "TX|Houston": 6,
        "OK|Oklahoma City": 3,
        "CO|Denver": 2.5,
        "AB|Calgary": 6,
        "|Aberdeen": 5,
    },
    "government": {
        "DC|Washington": 5,
        "|Berlin": 2,
        "|Paris": 2,
        "ON|Ottawa": 4,
        "ACT|Canberra": 4,
    },
    "nonprofit": {"DC|Washington": 3, "NY|New York": 1.5},
    "logistics": {
        "TN|Memphis": 3,
        "KY|Louisville": 2,
        "IL|Chicago": 2,
        "|Rotterdam": 4,
        "|Hamburg": 3,
    },
}


@cache
def hq_sampler(country: str, family: str) -> Sampler:
    """Where companies of ``family`` in ``country`` are based: population ** 1.15, times the
    family's affinity for the town's metro."""
    towns = places()[country].towns
    boost = AFFINITY.get(family, {})
    return Sampler(towns, [t.population**1.15 * boost.get(t.metro, 1.0) for t in towns])


@cache
def places() -> dict[str, CountryPlaces]:
    text = resources.files("lexi.prospects").joinpath("data/places.tsv").read_text(encoding="utf-8")
    towns: dict[str, list[Town]] = {}
    for line in text.splitlines()[1:]:
        country, region, city, population, metro, metro_region = line.split("\t")
        towns.setdefault(country, []).append(
            Town(city, region or None, country, int(population), f"{metro_region}|{metro}")
        )
    out: dict[str, CountryPlaces] = {}
    for country, items in towns.items():
        by_metro: dict[str, list[Town]] = {}
        for t in items:
            by_metro.setdefault(t.metro, []).append(t)
        metros = {m: Sampler(ts, [t.population for t in ts]) for m, ts in by_metro.items()}
        size = {m: sum(t.population for t in ts) for m, ts in by_metro.items()}
        main = {f"{t.region or ''}|{t.name}": t for t in items}
        big = sorted((m for m in by_metro if m in main), key=lambda m: -size[m])[:8]
        out[country] = CountryPlaces(
            towns=items,
            anywhere=Sampler(items, [t.population for t in items]),
            hq=Sampler(items, [t.population**1.15 for t in items]),
            metros=metros,
            big_metros=[main[m] for m in big],
        )
    return out
