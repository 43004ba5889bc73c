"""Hand-kept names the geonames data lacks: aliases and named groups of places.

Targets are written in the API's location-filter format, so the tables read like the filters
they stand for. Aliases of one or two letters match only when written in upper case.
"""

COUNTRY_ALIASES: dict[str, str] = {
    "USA": "US",
    "U.S.": "US",
    "U.S.A.": "US",
    "US": "US",
    "America": "US",
    "United States of America": "US",
    "UK": "GB",
    "U.K.": "GB",
    "Great Britain": "GB",
    "Britain": "GB",
    "England": "GB",
    "Scotland": "GB",
    "Wales": "GB",
    "Northern Ireland": "GB",
    "Deutschland": "DE",
    "Österreich": "AT",
    "Schweiz": "CH",
    "Suisse": "CH",
    "Holland": "NL",
    "The Netherlands": "NL",
    "Nederland": "NL",
    "España": "ES",
    "Italia": "IT",
    "Sverige": "SE",
    "Danmark": "DK",
    "Norge": "NO",
    "Suomi": "FI",
    "Belgique": "BE",
    "België": "BE",
    "Polska": "PL",
    "Éire": "IE",
    "Republic of Ireland": "IE",
    "UAE": "AE",
    "Emirates": "AE",
    "Aotearoa": "NZ",
    "Brasil": "BR",
}

REGION_ALIASES: dict[str, str] = {
    "New York State": "NY, US",
    "NY State": "NY, US",
    "Washington State": "WA, US",
    "Cali": "CA, US",
    "SoCal": "CA, US",
    "NorCal": "CA, US",
    "Mass": "MA, US",
    "Jersey": "NJ, US",
    "Québec": "QC, CA",
}

# "New York" is both a city and a state; the bare name means the city (the state is
# "New York State"). "Washington" stays the state; "Washington DC" and "DC" are the city.
CITY_ALIASES: dict[str, str] = {
    "New York": "New York, NY, US",
    "New York City": "New York, NY, US",
    "NYC": "New York, NY, US",
    "NY City": "New York, NY, US",
    "Big Apple": "New York, NY, US",
    "LA": "Los Angeles, CA, US",
    "L.A.": "Los Angeles, CA, US",
    "SF": "San Francisco, CA, US",
    "San Fran": "San Francisco, CA, US",
    "Philly": "Philadelphia, PA, US",
    "DC": "Washington, DC, US",
    "D.C.": "Washington, DC, US",
    "Washington DC": "Washington, DC, US",
    "Washington D.C.": "Washington, DC, US",
    "Washington, D.C.": "Washington, DC, US",
    "Vegas": "Las Vegas, NV, US",
    "Nola": "New Orleans, LA, US",
    "Chi-town": "Chicago, IL, US",
    "Motor City": "Detroit, MI, US",
    "Nashvegas": "Nashville, TN, US",
    "Bengaluru": "Bengaluru, IN",
    "Bangalore": "Bengaluru, IN",
    "Bombay": "Mumbai, IN",
    "Madras": "Chennai, IN",
    "Calcutta": "Kolkata, IN",
    "Gurgaon": "Gurugram, IN",
    "München": "Munich, DE",
    "Muenchen": "Munich, DE",
    "Köln": "Cologne, DE",
    "Koeln": "Cologne, DE",
    "Nürnberg": "Nuremberg, DE",
    "Frankfurt am Main": "Frankfurt am Main, DE",
    "Frankfurt": "Frankfurt am Main, DE",
    "Wien": "Vienna, AT",
    "Zurich": "Zürich, CH",
    "Zuerich": "Zürich, CH",
    "Genf": "Geneva, CH",
    "Genève": "Geneva, CH",
    "Bruxelles": "Brussels, BE",
    "Brussel": "Brussels, BE",
    "Den Haag": "The Hague, NL",
    "Lisboa": "Lisbon, PT",
    "Roma": "Rome, IT",
    "Milano": "Milan, IT",
    "Firenze": "Florence, IT",
    "Napoli": "Naples, IT",
    "Torino": "Turin, IT",
    "København": "Copenhagen, DK",
    "Kobenhavn": "Copenhagen, DK",
    "Warszawa": "Warsaw, PL",
    "Kraków": "Kraków, PL",
    "Krakow": "Kraków, PL",
    "Montreal": "Montréal, QC, CA",
    "Quebec City": "Québec, QC, CA",
    "Sao Paulo": "São Paulo, BR",
}


# Named groups of places ("Bay Area", "DACH", "EMEA"): one documented data file, data/regions.toml.
def _load_regions() -> tuple[dict[str, tuple[str, ...]], dict[str, str]]:
    import tomllib
    from importlib import resources

    data = tomllib.loads(
        resources.files("lexi.geo").joinpath("data/regions.toml").read_text("utf-8")
    )
    groups = {name: tuple(entry["places"]) for name, entry in data["regions"].items()}
    return groups, dict(data["aliases"])


GROUPS, GROUP_ALIASES = _load_regions()
