"""Place keys: how the universe stores a location so that every place filter is one B-tree range.

A key is ``"<country>|<region>|<city>"`` ("US|NY|New York", "GB||London"). A city filter is an
equality on the key; a region ("US|NY|") or a country ("US|") is a prefix, i.e. a key range.
The columns use binary ("C") collation so the ranges mean the same on SQLite and PostgreSQL.
"""

from __future__ import annotations

from typing import Any

SEP = "|"
_AFTER_SEP = chr(ord(SEP) + 1)


def loc_key(country: str | None, region: str | None, city: str | None) -> str | None:
    if not country:
        return None
    return f"{country}{SEP}{region or ''}{SEP}{city or ''}"


def place_range(place: Any) -> tuple[str, str | None]:
    """(low, high) for a ``lexi.geo.Place``: high is None for an exact city key."""
    if place.kind == "city":
        return f"{place.country}{SEP}{place.region or ''}{SEP}{place.city}", None
    prefix = (
        f"{place.country}{SEP}"
        if place.kind == "country"
        else f"{place.country}{SEP}{place.region}{SEP}"
    )
    return prefix, prefix[:-1] + _AFTER_SEP


def parse_filter(value: str) -> tuple[str, str | None]:
    """The key range of a canonical location filter string ("CA, US")."""
    from lexi.geo import parse_location

    return place_range(parse_location(value))
