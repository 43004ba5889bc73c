"""Value types of the gazetteer."""

from dataclasses import dataclass
from typing import Literal

PlaceKind = Literal["city", "region", "country"]

# How a country reads after a regionless city in a human label ("London, UK").
_SHORT_COUNTRY = {"GB": "UK", "US": "US", "AE": "UAE"}


@dataclass(frozen=True)
class Place:
    """A city, region or country, identified the way API location filters spell it.

    `population` is the geonames figure for countries and cities; for a region it is the sum of
    its cities over 15,000 people (good for weighting, below the official count).
    """

    kind: PlaceKind
    country: str
    region: str | None
    city: str | None
    population: int

    def filter_string(self) -> str:
        """The contract format: "New York, NY, US", "London, GB", "CA, US" or "DE"."""
        if self.kind == "city":
            parts = [self.city, self.region, self.country]
            return ", ".join(p for p in parts if p)
        if self.kind == "region":
            return f"{self.region}, {self.country}"
        return self.country

    def label(self) -> str:
        """Human wording: "New York, NY", "London, UK", "California", "Germany"."""
        from lexi.geo.gazetteer import gazetteer

        g = gazetteer()
        if self.kind == "city":
            if self.region:
                return f"{self.city}, {self.region}"
            short = _SHORT_COUNTRY.get(self.country) or g.country_names[self.country]
            return f"{self.city}, {short}"
        if self.kind == "region":
            return g.region_names.get((self.country, self.region or ""), self.region or "")
        return g.country_names[self.country]


@dataclass(frozen=True)
class City:
    name: str
    region: str | None
    country: str
    population: int


@dataclass(frozen=True)
class Country:
    code: str
    name: str
    population: int


@dataclass(frozen=True)
class Region:
    code: str
    name: str
    country: str


class UnknownPlace(ValueError):
    """A location string that names no known place; `suggestions` holds close filter strings."""

    def __init__(self, value: str, suggestions: list[str] | None = None) -> None:
        self.value = value
        self.suggestions = list(suggestions or [])
        message = f"unknown place {value!r}"
        if self.suggestions:
            message += f"; did you mean {', '.join(self.suggestions)}?"
        super().__init__(message)
