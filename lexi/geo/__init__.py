"""The gazetteer: countries, regions and cities Lexi understands, loaded from a compact file.

Build the file with `scripts/build_gazetteer.py`; at run time only that file is read, once.
"""

from lexi.geo.gazetteer import gazetteer, normalise
from lexi.geo.lookup import fuzzy_lookup, longest_place_at, lookup, lookup_all
from lexi.geo.parse import expand_location, parse_location, place_named
from lexi.geo.places import City, Country, Place, Region, UnknownPlace


def cities(country: str) -> list[City]:
    """Cities of a country, most populous first, for weighted sampling: every city of 15,000+
    people in the core countries, elsewhere those of 100,000+ and the capital and largest towns."""
    g = gazetteer()
    if country.upper() not in g.cities:
        raise UnknownPlace(country)
    return list(g.cities[country.upper()])


def countries() -> list[Country]:
    """Every country and territory, the core countries first."""
    return list(gazetteer().countries)


def regions(country: str) -> list[Region]:
    """States, provinces or territories of a country; empty where the gazetteer has none."""
    g = gazetteer()
    if country.upper() not in g.regions:
        raise UnknownPlace(country)
    return list(g.regions[country.upper()])


def region_name(country: str, code: str) -> str | None:
    """ "California" for ("US", "CA"); None when the region is unknown."""
    return gazetteer().region_names.get((country.upper(), code.upper()))


def country_name(code: str) -> str | None:
    """ "Germany" for "DE"; None when the country is not supported."""
    return gazetteer().country_names.get(code.upper())


__all__ = [
    "City",
    "Country",
    "Place",
    "Region",
    "UnknownPlace",
    "cities",
    "countries",
    "country_name",
    "expand_location",
    "fuzzy_lookup",
    "longest_place_at",
    "lookup",
    "lookup_all",
    "normalise",
    "parse_location",
    "place_named",
    "region_name",
    "regions",
]
