"""Parsing location filter strings: the contract formats first, then the lenient forms."""

from lexi.geo.gazetteer import CITY, COUNTRY, Gazetteer, gazetteer, normalise
from lexi.geo.lookup import fuzzy_lookup, lookup_in
from lexi.geo.places import Place, UnknownPlace


def parse_contract(g: Gazetteer, value: str) -> Place:
    """Strict contract format ("New York, NY, US", "London, GB", "CA, US", "DE")."""
    parts = [p.strip() for p in value.split(",")]
    country = parts[-1].upper()
    if country not in g.country_places:
        raise UnknownPlace(value)
    if len(parts) == 1:
        return g.country_places[country]
    if len(parts) == 2 and (country, parts[0].upper()) in g.region_places:
        return g.region_places[(country, parts[0].upper())]
    region = parts[1].upper() if len(parts) == 3 else None
    place = g.find_city(country, region, parts[0])
    if place is None or len(parts) > 3:
        raise UnknownPlace(value)
    return place


def _country(g: Gazetteer, text: str) -> Place | None:
    """A country by code (any case: its position says it is a country), name or alias."""
    if text.upper() in g.country_places:
        return g.country_places[text.upper()]
    for candidate in g.names.get(normalise(text), []):
        if candidate.tier <= COUNTRY and len(candidate.places) == 1:
            if candidate.places[0].kind == "country":
                return candidate.places[0]
    code = g.codes.get(text.replace(".", "").upper(), [])
    for candidate in code:
        if len(candidate.places) == 1 and candidate.places[0].kind == "country":
            return candidate.places[0]
    return None


def _regions(g: Gazetteer, text: str, country: str | None) -> list[Place]:
    """Regions named or coded by `text` (any case), optionally within one country."""
    found: list[Place] = []
    code = text.replace(".", "").upper()
    for (c, r), place in g.region_places.items():
        if r == code and (country is None or c == country):
            found.append(place)
    for candidate in g.names.get(normalise(text), []):
        for place in candidate.places:
            if (
                len(candidate.places) == 1
                and place.kind == "region"
                and (country is None or place.country == country)
                and place not in found
            ):
                found.append(place)
    return found


def _city(g: Gazetteer, name: str, country: str, region: str | None) -> Place | None:
    place = g.find_city(country, region, name)
    if place is not None:
        return place
    # Aliases and neighbourhoods ("NYC, NY", "Brooklyn, NY, US") resolve through the name index.
    for candidate in g.names.get(normalise(name), []):
        if len(candidate.places) != 1:
            continue
        place = candidate.places[0]
        if place.kind == "city" and place.country == country and region in (None, place.region):
            return place
    return None


def _parse(g: Gazetteer, value: str) -> list[Place]:
    parts = [p.strip() for p in value.split(",") if p.strip()]
    if not parts or len(parts) > 3:
        return []
    if len(parts) == 1:
        text = parts[0]
        compact = text.replace(".", "")
        if len(compact) == 2 and compact.upper() in g.country_places:
            return [g.country_places[compact.upper()]]
        # The value is known to be a place, so codes and names match in any case here.
        if compact.isalpha() and len(compact) <= 3 and compact.upper() in g.codes:
            return list(g.codes[compact.upper()][0].places)
        return lookup_in(g, text, strict_case=False)
    if len(parts) == 3:
        country = _country(g, parts[2])
        if country is None:
            return []
        for region in _regions(g, parts[1], country.country):
            place = _city(g, parts[0], country.country, region.region)
            if place is not None:
                return [place]
        return []
    first, second = parts
    country = _country(g, second)
    if country is not None:
        found = _in_country(g, first, country.country)
        if found:
            return found
    # "Chicago, IL", "Atlanta, GA", "Portland, ME": a state code that is also a country's code
    # names the state when that country has no such place.
    for region in _regions(g, second, None):
        place = _city(g, first, region.country, region.region)
        if place is not None:
            return [place]
    return []


def _in_country(g: Gazetteer, first: str, country: str) -> list[Place]:
    """ "Paris, France", "NSW, Australia": a region or city of one country, or nothing."""
    code = (country, first.replace(".", "").upper())
    if code in g.region_places:
        return [g.region_places[code]]
    exact = g.find_city(country, None, first)
    ranked = [
        c
        for c in g.names.get(normalise(first), [])
        if len(c.places) == 1 and c.places[0].country == country and c.places[0].kind != "country"
    ]
    # A real city of that name outranks a neighbourhood folded into another city.
    ranked.sort(key=lambda c: (c.tier, c.section, -c.population))
    if exact is not None and (not ranked or ranked[0].tier >= CITY):
        return [exact]
    return [ranked[0].places[0]] if ranked else []


def _suggestions(value: str) -> list[str]:
    head = value.split(",")[0].strip()
    return [p.filter_string() for p in fuzzy_lookup(head, min_score=80)[:5]]


def place_named(value: str) -> Place | None:
    """The one place a location string names, read as `parse_location` reads it; None where that
    raises (no such place, or a group). For callers that only ask whether a string is a place:
    the typo suggestions an error carries (a fuzzy search of the gazetteer) are not looked for."""
    places = _parse(gazetteer(), value or "")
    return places[0] if len(places) == 1 else None


def expand_location(value: str) -> list[Place]:
    """Like `parse_location`, but a group ("DACH", "Bay Area") yields all its places."""
    g = gazetteer()
    places = _parse(g, value or "")
    if not places:
        raise UnknownPlace(value, _suggestions(value or ""))
    return places


def parse_location(value: str) -> Place:
    """Parse one location filter string into a Place.

    Contract forms: "New York, NY, US", "London, GB", "CA, US", "DE". Lenient forms: any case,
    names instead of codes ("new york, ny", "Paris, France"), bare names and aliases ("California",
    "Germany", "NYC", "UK"). A lone two-letter code is a country when it is one, as the contract
    has it ("DE", "ca", "CO" Colombia, "GA" Gabon), otherwise a region code or short alias in any
    case ("NY", "ny", "TX"); a state whose code is also a country's is written with its country
    ("GA, US"). "City, XX" tries the country XX first, then the state ("Atlanta, GA" is Georgia's,
    "Medellín, CO" Colombia's). Groups are not one place: they raise UnknownPlace
    whose suggestions list the members (use `expand_location` for them).
    """
    places = expand_location(value)
    if len(places) > 1:
        raise UnknownPlace(value, [p.filter_string() for p in places])
    return places[0]
