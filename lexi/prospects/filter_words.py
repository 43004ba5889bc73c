"""The English of each filter: the clause a reply, a task description or a filter chip uses.

Each function takes the filter's canonical value and the whole filters object (as stored, a
dict) and returns a clause such as "at law firms" or "with 50-200 employees", or None when it
has nothing to say. The descriptors in ``lexi.prospects.filters`` point at these; the assistant's
``phrases.describe_filters`` puts the role in front ("CEOs") and joins the clauses.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from lexi import geo
from lexi.prospects.taxonomy import SECTOR_OF

Filters = Mapping[str, Any]

# Lists longer than this are summarised ("in 19 manufacturing industries"); the full list is
# in the action's filters.
MAX_NAMED = 3

CITY_NAMES = {
    "New York, NY, US": "New York City",
    "Washington, DC, US": "Washington, DC",
}

INDUSTRY_NAMES = {
    "Law Practice": "law firms",
    "Legal Services": "legal services firms",
    "Computer Software": "software companies",
    "Hospital & Health Care": "hospitals and health care companies",
    "Accounting": "accounting firms",
    "Financial Services": "financial services companies",
    "Banking": "banks",
    "Insurance": "insurance companies",
    "Real Estate": "real estate companies",
    "Biotechnology": "biotech companies",
    "Pharmaceuticals": "pharmaceutical companies",
    "Marketing and Advertising": "marketing and advertising agencies",
    "Management Consulting": "consulting firms",
    "Information Technology and Services": "IT services companies",
    "Computer & Network Security": "cybersecurity companies",
    "Internet": "internet companies",
    "Telecommunications": "telecom companies",
    "Construction": "construction companies",
    "Restaurants": "restaurants",
    "Retail": "retailers",
    "Higher Education": "universities and colleges",
    "Venture Capital & Private Equity": "VC and private equity firms",
    "Logistics and Supply Chain": "logistics companies",
    "Automotive": "automotive companies",
    "Oil & Energy": "oil and energy companies",
    "Staffing and Recruiting": "staffing and recruiting firms",
    "Investment Banking": "investment banks",
    "Investment Management": "investment management firms",
    "Architecture & Planning": "architecture firms",
    "Hospitality": "hotels and hospitality companies",
    "Medical Devices": "medical device companies",
    "Non-Profit Organization Management": "non-profits",
    "Government Administration": "government agencies",
    "E-Learning": "e-learning companies",
    "Computer Games": "game studios",
    "Semiconductors": "semiconductor companies",
}

STAGE_NAMES = {
    "pre_seed": "pre-seed",
    "seed": "seed",
    "series_a": "Series A",
    "series_b": "Series B",
    "series_c": "Series C",
    "series_d_plus": "Series D+",
    "private_equity": "private equity",
}


def join(items: list[str], word: str = "or") -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {word} " + items[-1]


def place_name(place: str) -> str:
    """ "New York, NY, US" -> "New York City"; "Boston, MA, US" -> "Boston, MA";
    "CA, US" -> "California"; "DE" -> "Germany"."""
    if place in CITY_NAMES:
        return CITY_NAMES[place]
    parts = [p.strip() for p in place.split(",")]
    if len(parts) == 1:
        return geo.country_name(parts[0]) or parts[0]
    country = parts[-1]
    if len(parts) == 2 and len(parts[0]) <= 3 and parts[0].isupper():
        region = geo.region_name(country, parts[0])
        if region:
            return (
                region if country == "US" else f"{region}, {geo.country_name(country) or country}"
            )
    if country == "US":
        return ", ".join(parts[:-1])
    return ", ".join(parts[:-1] + [geo.country_name(country) or country])


def the(name: str) -> str:
    """ "the United States", "the Netherlands"; other places as they are."""
    return f"the {name}" if name.startswith(("United ", "Netherlands", "Philippines")) else name


def range_words(bounds: dict[str, Any] | None, unit: str, money: bool = False) -> str | None:
    if not bounds:
        return None
    lo, hi = bounds.get("min"), bounds.get("max")
    fmt = (lambda v: f"${v:,}") if money else (lambda v: f"{v:,}")
    if lo is not None and hi is not None:
        return f"{fmt(lo)}-{fmt(hi)} {unit}"
    if lo is not None:
        return f"{fmt(lo)}+ {unit}"
    if hi is not None:
        return f"up to {fmt(hi)} {unit}"
    return None


def industry_phrase(industries: list[str]) -> str:
    """ "at law firms", "at banks or insurance companies", "in 19 manufacturing industries"."""
    if len(industries) > MAX_NAMED:
        sectors = {SECTOR_OF.get(i) for i in industries}
        if len(sectors) == 1 and None not in sectors:
            sector = str(sectors.pop()).split(" & ")[0].lower()
            return f"in {len(industries)} {sector} industries"
        return f"in {len(industries)} industries"
    return "at " + join([INDUSTRY_NAMES.get(i, f"{i.lower()} companies") for i in industries])


def companies(value: list[str], filters: Filters) -> str:
    return "at " + (join(value) if len(value) <= MAX_NAMED else f"{len(value)} companies")


def industries(value: list[str], filters: Filters) -> str:
    return industry_phrase(list(value))


def exclude_industries(value: list[str], filters: Filters) -> str:
    if len(value) > MAX_NAMED:
        return f"outside {len(value)} excluded industries"
    return "outside " + join([INDUSTRY_NAMES.get(i, i.lower()) for i in value], "and")


def employees(value: dict[str, Any], filters: Filters) -> str | None:
    size = range_words(value, "employees")
    return f"with {size}" if size else None


def revenue(value: dict[str, Any], filters: Filters) -> str | None:
    size = range_words(value, "in revenue", money=True)
    return f"with {size}" if size else None


def locations(value: list[str], filters: Filters) -> str:
    names = [the(place_name(p)) for p in value]
    return "in " + (join(names) if len(names) <= MAX_NAMED else f"{len(names)} places")


def exclude_locations(value: list[str], filters: Filters) -> str:
    return "outside " + join([the(place_name(p)) for p in value], "and")


def company_locations(value: list[str], filters: Filters) -> str:
    return "at companies based in " + join([place_name(p) for p in value])


def exclude_company_locations(value: list[str], filters: Filters) -> str:
    return "at companies not based in " + join([place_name(p) for p in value], "or")


def keywords(value: list[str], filters: Filters) -> str:
    return "matching " + join([f'"{k}"' for k in value])


def technologies(value: list[str], filters: Filters) -> str:
    return "using " + join(list(value))


def email_status(value: list[str], filters: Filters) -> str:
    return f"with {join(list(value))} emails"


def funding_stages(value: list[str], filters: Filters) -> str:
    return "at " + join([STAGE_NAMES.get(s, s) for s in value], "or") + " companies"


def last_funding(value: dict[str, Any], filters: Filters) -> str | None:
    after, before = value.get("after"), value.get("before")
    if (
        after
        and before
        and after[:4] == before[:4]
        and after[5:] == "01-01"
        and before[5:] == "12-31"
    ):
        return f"that raised in {after[:4]}"
    if not (after or before):
        return None
    span = [f"since {after}" if after else "", f"until {before}" if before else ""]
    return "last funded " + " ".join(x for x in span if x)


def total_funding(value: dict[str, Any], filters: Filters) -> str | None:
    total = range_words(value, "raised", money=True)
    return f"with {total}" if total else None


def headcount_growth(value: dict[str, Any], filters: Filters) -> str | None:
    months = value.get("months") or 12
    if value.get("min") is not None:
        return f"with headcount up {value['min']}%+ in {months} months"
    if value.get("max") is not None:
        return f"with headcount change of {value['max']}% or less in {months} months"
    return None


def hiring_for(value: dict[str, Any], filters: Filters) -> str:
    wanted = [
        *value.get("titles", []),
        *value.get("departments", []),
        *value.get("seniorities", []),
    ]
    return "hiring " + (join([w.replace("_", " ") for w in wanted], "or") if wanted else "now")


def job_change(value: int, filters: Filters) -> str:
    return f"new in role (last {value} days)"


def technologies_added(value: int, filters: Filters) -> str:
    return f"that adopted a technology in the last {value} days"


def exclude_saved(value: bool, filters: Filters) -> str | None:
    return "you haven't saved yet" if value else None


def exclude_list_ids(value: list[str], filters: Filters) -> str | None:
    if filters.get("exclude_saved"):
        return None  # "you haven't saved yet" already leaves out every list's members
    n = len(value)
    return "who aren't in " + ("that list" if n == 1 else f"those {n} lists")
