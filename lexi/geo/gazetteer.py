"""Loads the compact place file once and builds the lookup indexes.

Index rules (see `lexi.geo.lookup` for how they are used):
- names are keyed by `normalise()` (case, accents, dots, hyphens and "St."/"Saint" folded);
- codes and aliases of up to three letters written in upper case ("NY", "CA", "LA", "NSW",
  "UK") live in a separate case-sensitive index, so lower-case "me", "in", "or" never match;
- each name keeps its candidates in rank order: hand aliases, groups, countries, regions, then
  cities and folded neighbourhoods ("Brooklyn" -> New York) by their own population; a city of
  a country outside the core set comes after the core countries' cities of its name unless it
  is its country's capital or has two million people ("Santa Clara" is in California, "Athens"
  in Greece), so adding countries never moves a name away from a core country's big city;
- country codes live in the code index for the core countries only: elsewhere two capitals
  are more often a state ("CO", "GA", "MA", "PA") or a business word ("AI", "BI", "QA", "ML")
  than a country code, and people name those countries in words ("Colombia"). Location filters
  still take every country's code ("CO" in a filter is Colombia, see `lexi.geo.parse`);
- some names need a capital letter to match ("proper only"): hand-listed English words
  ("Reading", "Nice"), one- and two-letter names, and small towns and neighbourhoods (under
  100,000 people) whose name is a frequent English word ("Than", "Bank", "Colony").
"""

import gc
import gzip
import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from lexi.geo import tables
from lexi.geo.places import City, Country, Place, Region
from lexi.geo.words import COMMON_WORD_NAMES

DATA_FILE = "places.json.gz"

_PUNCT = re.compile(r"[.'’`,()]")
_SEPARATORS = re.compile(r"[-_/\s]+")
_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort"}

# Rank tiers: lower wins when one name has several candidates.
ALIAS, GROUP, COUNTRY, REGION, CITY = range(5)
SMALL_PLACE = 100_000
# A city outside the core countries this big keeps its own rank among same-named cities.
WORLD_CITY_RANKS = 2_000_000


# Letters written with two ASCII letters (or one) where a keyboard lacks them.
_DOUBLED = str.maketrans(
    {"å": "aa", "Å": "Aa", "æ": "ae", "Æ": "Ae", "ø": "oe", "Ø": "Oe", "ä": "ae", "Ä": "Ae",
     "ö": "oe", "Ö": "Oe", "ü": "ue", "Ü": "Ue"}
)  # fmt: skip
_SINGLE = str.maketrans({"ø": "o", "Ø": "O", "æ": "ae", "Æ": "Ae"})


# Understanding asks for every word of every message (is a place named here?): the same
# few thousand words, each folded once.
@lru_cache(maxsize=16384)
def normalise(text: str) -> str:
    """Fold a place phrase to its index key: "St. Louis" and "saint-louis" -> "saint louis"."""
    plain = text
    if not text.isascii():  # plain ASCII has nothing to decompose (most names, most messages)
        decomposed = unicodedata.normalize("NFKD", text)
        plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    plain = plain.replace("&", " and ").replace("ß", "ss").casefold()
    words = _SEPARATORS.sub(" ", _PUNCT.sub("", plain)).split()
    return " ".join(_ABBREVIATIONS.get(w, w) for w in words)


def is_code_form(text: str) -> bool:
    """Upper-case letters only, at most three: the shape of "NY", "NSW", "UK", "NYC"."""
    compact = text.replace(".", "")
    return 1 < len(compact) <= 3 and compact.isalpha() and compact.isupper()


@dataclass(frozen=True)
class Candidate:
    places: tuple[Place, ...]
    tier: int
    population: int
    proper_only: bool  # an ordinary English word too: needs a capital letter to match
    section: bool = False  # a neighbourhood folded into its city
    secondary: bool = False  # a smaller city outside the core countries: after theirs

    @property
    def rank(self) -> tuple[int, bool, int]:
        return (self.tier, self.secondary, -self.population)


class Gazetteer:
    """All places and their indexes; build once through `gazetteer()`."""

    def __init__(self, data: dict) -> None:
        self.countries = [Country(c, n, p) for c, n, p in data["countries"]]
        self.core_countries = frozenset(data["core_countries"])
        self._capitals = {(c, normalise(name)) for c, name in data["capitals"]}
        self.country_names = {c.code: c.name for c in self.countries}
        self.regions: dict[str, list[Region]] = {c.code: [] for c in self.countries}
        for country, rows in data["regions"].items():
            self.regions[country] = [Region(code, name, country) for code, name in rows]
        self.region_names = {
            (r.country, r.code): r.name for rs in self.regions.values() for r in rs
        }
        self.cities: dict[str, list[City]] = {c.code: [] for c in self.countries}
        city_rows = [City(n, r, c, p) for n, c, r, p in data["cities"]]
        for city in city_rows:
            self.cities[city.country].append(city)

        region_population: dict[tuple[str, str], int] = {}
        for city in city_rows:
            if city.region:
                key = (city.country, city.region)
                region_population[key] = region_population.get(key, 0) + city.population
        self.country_places = {
            c.code: Place("country", c.code, None, None, c.population) for c in self.countries
        }
        self.region_places = {
            key: Place("region", key[0], key[1], None, region_population.get(key, 0))
            for key in self.region_names
        }
        self.city_places = [
            Place("city", c.country, c.region, c.name, c.population) for c in city_rows
        ]
        # (country, region or None, normalised name) -> city place; most populous first wins.
        self.city_index: dict[tuple[str, str | None, str], Place] = {}
        # Exact spellings first, so "St. Charles, MD, US" and "Saint Charles, MD, US" stay apart.
        for place in self.city_places:
            self.city_index.setdefault((place.country, place.region, place.city or ""), place)
            self.city_index.setdefault((place.country, None, place.city or ""), place)
        self._city_keys = [normalise(place.city or "") for place in self.city_places]
        for place, name in zip(self.city_places, self._city_keys, strict=True):
            self.city_index.setdefault((place.country, place.region, name), place)
            self.city_index.setdefault((place.country, None, name), place)

        self.names: dict[str, list[Candidate]] = {}
        self.codes: dict[str, list[Candidate]] = {}
        self._common = {normalise(w) for w in COMMON_WORD_NAMES}
        self.english_words = frozenset(data["english_words"])
        self._index_data(data)
        self._index_tables()
        for entries in (*self.names.values(), *self.codes.values()):
            entries.sort(key=lambda c: c.rank)

    def _add(
        self,
        name: str,
        places: tuple[Place, ...],
        tier: int,
        population: int,
        minor: bool = False,
        section: bool = False,
        secondary: bool = False,
        key: str | None = None,
    ) -> None:
        if is_code_form(name):
            bucket = self.codes.setdefault(name.replace(".", ""), [])
            bucket.append(Candidate(places, tier, population, False, secondary=secondary))
            if len(name.replace(".", "")) <= 2 or tier in (COUNTRY, REGION):
                return
        key = normalise(name) if key is None else key
        if not key:
            return
        proper_only = (
            key in self._common
            or len(key) <= 2
            or (
                (minor or (tier == CITY and population < SMALL_PLACE)) and key in self.english_words
            )
        )
        self.names.setdefault(key, []).append(
            Candidate(places, tier, population, proper_only, section, secondary)
        )

    def _secondary(self, place: Place, key: str) -> bool:
        """A city outside the core countries that ranks after their cities of the same name."""
        return (
            place.country not in self.core_countries
            and place.population < WORLD_CITY_RANKS
            and (place.country, key) not in self._capitals
        )

    def _index_data(self, data: dict) -> None:
        for country in self.countries:
            place = self.country_places[country.code]
            self._add(country.name, (place,), COUNTRY, country.population)
            if country.code in self.core_countries:
                self._add(country.code, (place,), COUNTRY, country.population)
        for (cc, code), place in self.region_places.items():
            self._add(self.region_names[(cc, code)], (place,), REGION, place.population)
            self._add(code, (place,), REGION, place.population)
        secondary = [
            self._secondary(place, key)
            for place, key in zip(self.city_places, self._city_keys, strict=True)
        ]
        for place, key, later in zip(self.city_places, self._city_keys, secondary, strict=True):
            city = place.city or ""
            self._add(city, (place,), CITY, place.population, secondary=later, key=key)
            if not city.isascii():
                # "Aarhus" for Århus, "Tromso" for Tromsø, "Muenchen" for München
                for spelled in {city.translate(_DOUBLED), city.translate(_SINGLE)} - {city}:
                    if normalise(spelled) != key:
                        self._add(spelled, (place,), CITY, place.population, secondary=later)
            if city.startswith("The "):
                self._add(city[4:], (place,), CITY, place.population, True, secondary=later)
        for name, index, population in data["sections"]:
            place = self.city_places[index]
            self._add(name, (place,), CITY, population, section=True, secondary=secondary[index])

    def _index_tables(self) -> None:
        from lexi.geo.parse import parse_contract

        for alias, target in tables.COUNTRY_ALIASES.items():
            place = self.country_places[target]
            self._add(alias, (place,), ALIAS, place.population)
        for alias, target in (*tables.REGION_ALIASES.items(), *tables.CITY_ALIASES.items()):
            place = parse_contract(self, target)
            self._add(alias, (place,), ALIAS, place.population)
        self.groups: dict[str, tuple[Place, ...]] = {}
        for name, members in tables.GROUPS.items():
            places = tuple(parse_contract(self, m) for m in members)
            self.groups[name] = places
            self._add(name, places, GROUP, sum(p.population for p in places))
        for alias, name in tables.GROUP_ALIASES.items():
            places = self.groups[name]
            self._add(alias, places, GROUP, sum(p.population for p in places))

    def find_city(self, country: str, region: str | None, name: str) -> Place | None:
        exact = self.city_index.get((country, region, name))
        return exact or self.city_index.get((country, region, normalise(name)))


@cache
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer, loaded on first use.

    Its few hundred thousand objects live as long as the process. Once loaded, everything alive
    is moved out of the garbage collector's reach (``gc.freeze``): a full collection would
    otherwise walk them every time and pause a request for 40-60 ms (measured at 1M people,
    see benchmarks/README.md "Issue 14's targets in one run").
    """
    raw = resources.files("lexi.geo").joinpath("data", DATA_FILE).read_bytes()
    loaded = Gazetteer(json.loads(gzip.decompress(raw)))
    gc.collect()
    gc.freeze()
    return loaded
