"""Import presets: the exports people already have, read with their own column names.

``lexi prospects import FILE --format apollo|sales-navigator|hubspot`` reads a CSV exported from
that tool. Each preset maps the tool's column names (matched ignoring case, spaces and
punctuation) to the importer's fields and turns the tool's values into ours: Apollo's email
statuses and seniorities, Sales Navigator's one-cell "Location" and "Time in Position" (the day the role began), HubSpot's
"State/Region" and semicolon-separated "Web Technologies".
Titles are then normalised to seniority and department, places to the gazetteer, companies
matched by domain or name and people deduplicated, as for any import (``lexi.prospects.importer``).
Columns a preset does not name are ignored. ``docs/imports.md`` lists every preset's columns.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from lexi.kit.clock import utc_now


def _key(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


@dataclass(frozen=True)
class Preset:
    name: str
    columns: dict[str, str]  # the export's column -> importer field
    convert: Callable[[dict[str, Any]], dict[str, Any]] = field(default=lambda row: row)
    # An industry name outside the taxonomy is left out (the row still imports) instead of
    # failing the row: these tools use newer or finer industry lists than LinkedIn's.
    lenient_industry: bool = True

    def column_map(self, header: list[str]) -> dict[str, str]:
        wanted = {_key(column): target for column, target in self.columns.items()}
        return {col: wanted[_key(col)] for col in header if _key(col) in wanted}


# --- Apollo ("Export" of people from a search or a list) --------------------------------------

_APOLLO_STATUS = {
    "verified": "verified",
    "valid": "verified",
    "guessed": "guessed",
    "extrapolated": "guessed",
    "unverified": "guessed",
    "likely to engage": "guessed",
    "accept all": "guessed",
    "catch all": "guessed",
    "catch-all": "guessed",
    "pending": "guessed",
    "unavailable": "unavailable",
    "bounced": "unavailable",
    "invalid": "unavailable",
}
_APOLLO_SENIORITY = {
    "c suite": "c_suite",
    "c-suite": "c_suite",
    "c_suite": "c_suite",
    "csuite": "c_suite",
    "vp": "vp",
    "vice president": "vp",
    "head": "head",
    "director": "director",
    "manager": "manager",
    "senior": "senior",
    "entry": "entry",
    "intern": "intern",
    "owner": "owner",
    "founder": "founder",
    "partner": "partner",
}


def _first(row: dict[str, Any], *names: str) -> Any:
    for name in names:
        value = row.get(name)
        if value not in (None, ""):
            return value
    return None


def _apollo(row: dict[str, Any]) -> dict[str, Any]:
    out = {k: v for k, v in row.items() if not k.startswith("_")}
    status = str(row.get("email_status") or "").strip().lower()
    out["email_status"] = _APOLLO_STATUS.get(status) if status else None
    if out["email_status"] is None and status:
        out["email_status"] = "guessed" if row.get("email") else "unavailable"
    seniority = str(row.get("seniority") or "").strip().lower()
    out["seniority"] = _APOLLO_SENIORITY.get(seniority) if seniority else None
    phone = _first(row, "_phone_direct", "_phone_mobile", "_phone_first", "_phone_corporate")
    # Apollo writes phones as text cells for spreadsheets: "'+1 415-555-0134".
    out["phone"] = str(phone).lstrip("'") if phone else None
    return out


APOLLO = Preset(
    name="apollo",
    columns={
        "First Name": "first_name",
        "Last Name": "last_name",
        "Title": "job_title",
        "Company": "company_name",
        "Company Name for Emails": "_company_for_emails",
        "Email": "email",
        "Email Status": "email_status",
        "Seniority": "seniority",
        "First Phone": "_phone_first",
        "Work Direct Phone": "_phone_direct",
        "Mobile Phone": "_phone_mobile",
        "Corporate Phone": "_phone_corporate",
        "# Employees": "employee_count",
        "Industry": "industry",
        "Person Linkedin Url": "linkedin_url",
        "Website": "company_domain",
        "Company Linkedin Url": "company_linkedin_url",
        "City": "city",
        "State": "state",
        "Country": "country",
        "Company City": "company_city",
        "Company State": "company_state",
        "Company Country": "company_country",
        "Annual Revenue": "revenue_usd",
        "Technologies": "technologies",
        "Total Funding": "funding_total_usd",
        "Latest Funding": "funding_stage",
        "Latest Funding Amount": "last_funding_usd",
        "Last Raised At": "last_funding_on",
    },
    convert=_apollo,
)

# --- LinkedIn Sales Navigator (lead lists exported through the usual CSV tools) ---------------


def split_location(text: str | None) -> tuple[str | None, str | None, str | None]:
    """ "New York, New York, United States" / "London, England, United Kingdom" / "Germany" /
    "Greater Boston" -> (city, state, country) as far as the gazetteer knows them."""
    from lexi.geo import UnknownPlace, parse_location

    if not text:
        return None, None, None
    parts = [p.strip() for p in text.split(",") if p.strip()]
    cleaned = [
        re.sub(
            r"^(greater|metropolitan)\s+|\s+(area|metropolitan area|metro area|bay area)$",
            "",
            p,
            flags=re.I,
        )
        for p in parts
    ]
    for candidate in (
        ", ".join(cleaned),
        ", ".join([cleaned[0], cleaned[-1]]) if len(cleaned) > 1 else None,
        cleaned[0],
        cleaned[-1],
    ):
        if not candidate:
            continue
        try:
            place = parse_location(candidate)
        except UnknownPlace:
            continue
        return place.city, place.region, place.country
    return parts[0], None, None


_DURATION = re.compile(r"(?:(\d+)\s*(?:years?|yrs?))?\s*(?:(\d+)\s*(?:months?|mos?))?", re.I)


def started_on(duration: str | None, today: date | None = None) -> str | None:
    """The day a role began from the time in it as exports write it ("2 years 3 months",
    "6 years", "8 months"); None for anything vaguer ("less than a year")."""
    m = _DURATION.fullmatch((duration or "").strip())
    if not m or not (m.group(1) or m.group(2)):
        return None
    days = int(m.group(1) or 0) * 365 + int(m.group(2) or 0) * 30
    return ((today or utc_now().date()) - timedelta(days=days)).isoformat()


def _sales_navigator(row: dict[str, Any]) -> dict[str, Any]:
    out = {k: v for k, v in row.items() if not k.startswith("_")}
    out["role_started_on"] = started_on(row.get("_time_in_position"))
    if row.get("_location") and not (row.get("city") or row.get("country")):
        out["city"], out["state"], out["country"] = split_location(row["_location"])
    if row.get("_company_location") and not row.get("company_country"):
        out["company_city"], out["company_state"], out["company_country"] = split_location(
            row["_company_location"]
        )
    if not out.get("linkedin_url") and row.get("_profile_url"):
        out["linkedin_url"] = row["_profile_url"]
    if out.get("employee_count"):
        out["employee_count"] = str(out["employee_count"]).replace("employees", "").strip()
    return out


SALES_NAVIGATOR = Preset(
    name="sales-navigator",
    columns={
        "First Name": "first_name",
        "Last Name": "last_name",
        "Full Name": "full_name",
        "Job Title": "job_title",
        "Title": "job_title",
        "Company": "company_name",
        "Company Name": "company_name",
        "Company Domain": "company_domain",
        "Company Website": "company_domain",
        "Email": "email",
        "Location": "_location",
        "Company Location": "_company_location",
        "LinkedIn Profile URL": "linkedin_url",
        "Profile URL": "_profile_url",
        "LinkedIn URL": "linkedin_url",
        "Company LinkedIn URL": "company_linkedin_url",
        "Industry": "industry",
        "Company Headcount": "employee_count",
        "Company Size": "employee_count",
        "Phone": "phone",
        "Time in Position": "_time_in_position",
        "Time in Current Position": "_time_in_position",
    },
    convert=_sales_navigator,
)

# --- HubSpot (Contacts > Export, CSV) ----------------------------------------------------------


def _hubspot(row: dict[str, Any]) -> dict[str, Any]:
    out = {k: v for k, v in row.items() if not k.startswith("_")}
    out["phone"] = _first(row, "_phone", "_mobile")
    if not out.get("company_domain") and row.get("_website"):
        out["company_domain"] = row["_website"]
    if row.get("_web_technologies"):
        # A multiple-checkbox property: values separated by semicolons.
        techs = [t.strip() for t in str(row["_web_technologies"]).split(";") if t.strip()]
        out["technologies"] = ", ".join(techs) or None
    return out


HUBSPOT = Preset(
    name="hubspot",
    columns={
        "First Name": "first_name",
        "Last Name": "last_name",
        "Email": "email",
        "Job Title": "job_title",
        "Phone Number": "_phone",
        "Mobile Phone Number": "_mobile",
        "Company Name": "company_name",
        "Company Domain Name": "company_domain",
        "Website URL": "_website",
        "City": "city",
        "State/Region": "state",
        "Country/Region": "country",
        "Industry": "industry",
        "Number of Employees": "employee_count",
        "Annual Revenue": "revenue_usd",
        "LinkedIn URL": "linkedin_url",
        "LinkedIn Profile": "linkedin_url",
        "Total Money Raised": "funding_total_usd",
        "Web Technologies": "_web_technologies",
    },
    convert=_hubspot,
)

PRESETS: dict[str, Preset] = {p.name: p for p in (APOLLO, SALES_NAVIGATOR, HUBSPOT)}
