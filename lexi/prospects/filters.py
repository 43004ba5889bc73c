"""The contract's Filters object: validation, canonical values and the canonical JSON form.

Every value is checked against the fixed vocabularies; an unknown one is a ``ValidationFailed``
whose details list the valid values (or, for places, suggestions), so a client or Lexi itself
can correct the query.
"""

from __future__ import annotations

import re
import uuid
from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from lexi.errors import ValidationFailed
from lexi.prospects.taxonomy import (
    DEPARTMENTS,
    EMAIL_STATUSES,
    FUNDING_STAGES,
    HEADCOUNT_BUCKETS,
    INDUSTRIES,
    SENIORITIES,
    canonical_industry,
)

DEFAULT_LIMIT = 25
MAX_LIMIT = 100
APPROVED_MAX_LIMIT = 10_000
MAX_ITEMS = 50
MAX_TEXT = 200


def _unknown(field: str, invalid: list[str], valid: list[str], what: str) -> ValidationFailed:
    shown = ", ".join(repr(v) for v in invalid)
    return ValidationFailed(
        f"Unknown {what}: {shown}.",
        details={"fields": {field: f"Unknown {what}: {shown}"}, "invalid": invalid, "valid": valid},
    )


def _clean_list(field: str, value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        raise ValidationFailed.field(field, "Must be a list of strings")
    if len(value) > MAX_ITEMS:
        raise ValidationFailed.field(field, f"At most {MAX_ITEMS} values")
    out: list[str] = []
    for item in value:
        if not isinstance(item, str):
            raise ValidationFailed.field(field, "Must be a list of strings")
        item = " ".join(item.split())
        if len(item) > MAX_TEXT:
            raise ValidationFailed.field(field, f"Values are at most {MAX_TEXT} characters")
        if item and item not in out:
            out.append(item)
    return out


def _enum_list(field: str, value: Any, valid: list[str], what: str) -> list[str]:
    items = [v.lower().replace("-", "_").replace(" ", "_") for v in _clean_list(field, value)]
    bad = [v for v in items if v not in valid]
    if bad:
        raise _unknown(field, bad, valid, what)
    return items


_RANGE_TEXT = re.compile(r"^\s*(\d[\d,_]*)\s*(?:-|–|to)\s*(\d[\d,_]*)\s*$|^\s*(\d[\d,_]*)\s*\+\s*$")


def _parse_range(field: str, value: Any) -> dict[str, int | None] | None:
    if value is None or value == {} or value == []:
        return None
    if isinstance(value, (str, list)):
        spans = [value] if isinstance(value, str) else value
        lows: list[int] = []
        highs: list[int | None] = []
        for span in spans:
            m = _RANGE_TEXT.match(span) if isinstance(span, str) else None
            if not m:
                raise ValidationFailed(
                    f"{field}: expected {{'min', 'max'}} or a range such as '51-200' or '10001+'.",
                    details={
                        "fields": {field: "Invalid range"},
                        "valid": [str(b["label"]) for b in HEADCOUNT_BUCKETS],
                    },
                )
            if m.group(3):
                lows.append(int(m.group(3).replace(",", "").replace("_", "")))
                highs.append(None)
            else:
                lows.append(int(m.group(1).replace(",", "").replace("_", "")))
                highs.append(int(m.group(2).replace(",", "").replace("_", "")))
        value = {"min": min(lows), "max": None if None in highs else max(h for h in highs if h)}
    if not isinstance(value, dict) or set(value) - {"min", "max"}:
        raise ValidationFailed.field(field, "Expected an object with 'min' and/or 'max'")
    out: dict[str, int | None] = {}
    for k in ("min", "max"):
        v = value.get(k)
        if v is not None and (isinstance(v, bool) or not isinstance(v, int) or v < 0):
            raise ValidationFailed.field(field, f"'{k}' must be a non-negative integer or null")
        out[k] = v
    if out["min"] is not None and out["max"] is not None and out["min"] > out["max"]:
        raise ValidationFailed.field(field, "'min' is greater than 'max'")
    if out["min"] is None and out["max"] is None:
        return None
    return out


MAX_DAYS = 3650
GROWTH_MONTHS = (6, 12)
_STAGE_ALIASES = {
    "preseed": "pre_seed",
    "series_d": "series_d_plus",
    "series_e": "series_d_plus",
    "series_f": "series_d_plus",
    "series_e_plus": "series_d_plus",
    "late_stage": "series_d_plus",
    "pe": "private_equity",
}


def _funding_stages(value: Any) -> list[str]:
    out: list[str] = []
    bad: list[str] = []
    for item in _clean_list("funding_stages", value):
        key = re.sub(r"[\s\-]+", "_", item.lower().strip()).replace("+", "_plus")
        key = _STAGE_ALIASES.get(key, key)
        if key not in FUNDING_STAGES:
            bad.append(item)
        elif key not in out:
            out.append(key)
    if bad:
        raise _unknown("funding_stages", bad, FUNDING_STAGES, "funding stage")
    return out


def _days(field: str, value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_DAYS:
        raise ValidationFailed.field(field, f"Must be a number of days between 1 and {MAX_DAYS}")
    return value


def _date_range(field: str, value: Any) -> dict[str, str | None] | None:
    if value is None or value == {}:
        return None
    if not isinstance(value, dict) or set(value) - {"after", "before"}:
        raise ValidationFailed.field(
            field, "Expected an object with 'after' and/or 'before' (YYYY-MM-DD)"
        )
    out: dict[str, str | None] = {}
    for k in ("after", "before"):
        v = value.get(k)
        if v is None:
            out[k] = None
            continue
        try:
            out[k] = date.fromisoformat(v).isoformat() if isinstance(v, str) else None
        except ValueError:
            out[k] = None
        if out[k] is None:
            raise ValidationFailed.field(field, f"'{k}' must be a date (YYYY-MM-DD)")
    if out["after"] and out["before"] and out["after"] > out["before"]:
        raise ValidationFailed.field(field, "'after' is later than 'before'")
    if out["after"] is None and out["before"] is None:
        return None
    return out


def _growth(value: Any) -> dict[str, int | None] | None:
    field = "headcount_growth_pct"
    if value is None or value == {}:
        return None
    if not isinstance(value, dict) or set(value) - {"min", "max", "months"}:
        raise ValidationFailed.field(
            field, "Expected an object with 'min' and/or 'max' (percent) and 'months'"
        )
    out: dict[str, int | None] = {}
    for k in ("min", "max"):
        v = value.get(k)
        if v is not None and (
            isinstance(v, bool) or not isinstance(v, int) or not -100 <= v <= 10_000
        ):
            raise ValidationFailed.field(
                field, f"'{k}' must be a whole percentage (-100 or more) or null"
            )
        out[k] = v
    months = value.get("months", 12)
    if months is None:
        months = 12
    if months not in GROWTH_MONTHS or isinstance(months, bool):
        raise ValidationFailed.field(field, "'months' must be 6 or 12")
    if out["min"] is not None and out["max"] is not None and out["min"] > out["max"]:
        raise ValidationFailed.field(field, "'min' is greater than 'max'")
    if out["min"] is None and out["max"] is None:
        return None
    out["months"] = months
    return out


def _hiring(value: Any) -> dict[str, Any] | None:
    field = "hiring_for"
    if value is None or value == {}:
        return None
    keys = {"titles", "departments", "seniorities", "posted_within_days"}
    if not isinstance(value, dict) or set(value) - keys:
        raise ValidationFailed.field(
            field,
            "Expected an object with 'titles', 'departments', 'seniorities' and/or 'posted_within_days'",
        )
    out: dict[str, Any] = {}
    titles = _clean_list("hiring_for.titles", value.get("titles"))
    if any(not any(c.isalnum() for c in t) for t in titles):
        raise ValidationFailed.field("hiring_for.titles", "Each value needs a letter or digit")
    if titles:
        out["titles"] = titles
    departments = _enum_list(
        "hiring_for.departments", value.get("departments"), DEPARTMENTS, "department"
    )
    if departments:
        out["departments"] = departments
    seniorities = _enum_list(
        "hiring_for.seniorities", value.get("seniorities"), SENIORITIES, "seniority"
    )
    if seniorities:
        out["seniorities"] = seniorities
    days = _days("hiring_for.posted_within_days", value.get("posted_within_days"))
    if days is not None:
        out["posted_within_days"] = days
    # An object whose lists are all empty means any open posting.
    return out or {"posted_within_days": MAX_DAYS}


def _places(field: str, value: Any) -> list[str]:
    from lexi.geo import UnknownPlace, parse_location

    out: list[str] = []
    for raw in _clean_list(field, value):
        try:
            place = parse_location(raw)
        except UnknownPlace as exc:
            raise ValidationFailed(
                f"Unknown location: {raw!r}.",
                details={
                    "fields": {field: f"Unknown location: {raw!r}"},
                    "invalid": [raw],
                    "suggestions": list(getattr(exc, "suggestions", []) or []),
                    "formats": ["New York, NY, US", "London, GB", "CA, US", "DE"],
                },
            ) from None
        canonical = place.filter_string()
        if canonical not in out:
            out.append(canonical)
    return out


class ProspectFilters(BaseModel):
    """The structured query of a prospect search (contract: Filters object)."""

    model_config = ConfigDict(extra="forbid", validate_assignment=False)

    titles: list[str] = Field(default_factory=list)
    seniorities: list[str] = Field(default_factory=list)
    departments: list[str] = Field(default_factory=list)
    industries: list[str] = Field(default_factory=list)
    exclude_industries: list[str] = Field(default_factory=list)
    locations: list[str] = Field(default_factory=list)
    exclude_locations: list[str] = Field(default_factory=list)
    company_locations: list[str] = Field(default_factory=list)  # (ext) the company's HQ
    exclude_company_locations: list[str] = Field(default_factory=list)  # (ext)
    employees: dict[str, int | None] | None = None
    revenue_usd: dict[str, int | None] | None = None
    keywords: list[str] = Field(default_factory=list)
    technologies: list[str] = Field(default_factory=list)
    email_status: list[str] = Field(default_factory=list)
    # (ext) Company names (matched fuzzily) or domains (matched exactly).
    companies: list[str] = Field(default_factory=list)
    # (ext) Leave out people already saved as the workspace's contacts / members of these lists.
    exclude_saved: bool = False
    exclude_list_ids: list[str] = Field(default_factory=list)
    # (ext) Buying signals: the company's last funding round and total raised, its headcount
    # growth, its open job postings and recently adopted technologies; the person's role start.
    funding_stages: list[str] = Field(default_factory=list)
    last_funding: dict[str, str | None] | None = None
    total_funding_usd: dict[str, int | None] | None = None
    headcount_growth_pct: dict[str, int | None] | None = None
    hiring_for: dict[str, Any] | None = None
    job_change_within_days: int | None = None
    technologies_added_within_days: int | None = None
    limit: int = DEFAULT_LIMIT

    @field_validator("funding_stages", mode="before")
    @classmethod
    def _stages(cls, v: Any) -> list[str]:
        return _funding_stages(v)

    @field_validator("last_funding", mode="before")
    @classmethod
    def _last_funding(cls, v: Any) -> dict[str, str | None] | None:
        return _date_range("last_funding", v)

    @field_validator("headcount_growth_pct", mode="before")
    @classmethod
    def _growth(cls, v: Any) -> dict[str, int | None] | None:
        return _growth(v)

    @field_validator("hiring_for", mode="before")
    @classmethod
    def _hiring(cls, v: Any) -> dict[str, Any] | None:
        return _hiring(v)

    @field_validator("job_change_within_days", "technologies_added_within_days", mode="before")
    @classmethod
    def _within(cls, v: Any, info: Any) -> int | None:
        return _days(info.field_name, v)

    @field_validator("exclude_saved", mode="before")
    @classmethod
    def _flag(cls, v: Any) -> bool:
        if v is None:
            return False
        if not isinstance(v, bool):
            raise ValidationFailed.field("exclude_saved", "Must be true or false")
        return v

    @field_validator("exclude_list_ids", mode="before")
    @classmethod
    def _list_ids(cls, v: Any) -> list[str]:
        out = []
        for item in _clean_list("exclude_list_ids", v):
            try:
                out.append(str(uuid.UUID(item)))
            except ValueError:
                raise ValidationFailed.field(
                    "exclude_list_ids", "Must be list ids (UUIDs)"
                ) from None
        return list(dict.fromkeys(out))

    @field_validator("titles", "keywords", "technologies", "companies", mode="before")
    @classmethod
    def _text(cls, v: Any, info: Any) -> list[str]:
        items = _clean_list(info.field_name, v)
        # A value with no letter or digit ("%", "--") would match everything once the search
        # drops its punctuation: refused rather than silently ignored.
        bad = [i for i in items if not any(c.isalnum() for c in i)]
        if bad:
            raise ValidationFailed.field(
                info.field_name, f"Each value needs a letter or digit (got {bad[0]!r})"
            )
        return items

    @field_validator("seniorities", mode="before")
    @classmethod
    def _seniorities(cls, v: Any) -> list[str]:
        return _enum_list("seniorities", v, SENIORITIES, "seniority")

    @field_validator("departments", mode="before")
    @classmethod
    def _departments(cls, v: Any) -> list[str]:
        return _enum_list("departments", v, DEPARTMENTS, "department")

    @field_validator("email_status", mode="before")
    @classmethod
    def _email_status(cls, v: Any) -> list[str]:
        return _enum_list("email_status", v, EMAIL_STATUSES, "email status")

    @field_validator("industries", "exclude_industries", mode="before")
    @classmethod
    def _industries(cls, v: Any, info: Any) -> list[str]:
        items = _clean_list(info.field_name, v)
        bad = [i for i in items if canonical_industry(i) is None]
        if bad:
            raise _unknown(info.field_name, bad, INDUSTRIES, "industry")
        out: list[str] = []
        for i in items:
            name = canonical_industry(i)
            if name and name not in out:
                out.append(name)
        return out

    @field_validator(
        "locations",
        "exclude_locations",
        "company_locations",
        "exclude_company_locations",
        mode="before",
    )
    @classmethod
    def _locations(cls, v: Any, info: Any) -> list[str]:
        return _places(info.field_name, v)

    @field_validator("employees", "revenue_usd", "total_funding_usd", mode="before")
    @classmethod
    def _ranges(cls, v: Any, info: Any) -> dict[str, int | None] | None:
        return _parse_range(info.field_name, v)

    @field_validator("limit", mode="before")
    @classmethod
    def _limit(cls, v: Any) -> int:
        if v is None:
            return DEFAULT_LIMIT
        if isinstance(v, bool) or not isinstance(v, int):
            raise ValidationFailed.field("limit", "Must be an integer")
        return v

    @classmethod
    def parse(cls, data: dict[str, Any] | None, *, max_limit: int = MAX_LIMIT) -> ProspectFilters:
        """Validate a filters object from a client; ``max_limit`` allows approved large selections."""
        if data is None:
            data = {}
        if not isinstance(data, dict):
            raise ValidationFailed.field("body", "Expected a filters object")
        unknown = sorted(set(data) - set(cls.model_fields))
        if unknown:
            raise ValidationFailed(
                f"Unknown filter: {', '.join(unknown)}.",
                details={
                    "fields": dict.fromkeys(unknown, "Unknown filter"),
                    "valid": list(cls.model_fields),
                },
            )
        try:
            filters = cls.model_validate(data)
        except ValidationError as exc:
            err = exc.errors()[0]
            name = ".".join(str(p) for p in err["loc"]) or "body"
            raise ValidationFailed.field(name, str(err["msg"])) from None
        if not 1 <= filters.limit <= max_limit:
            raise ValidationFailed.field("limit", f"Must be between 1 and {max_limit}")
        if filters.limit > MAX_LIMIT and filters.is_empty():
            # Selecting thousands of arbitrary people is never what anyone meant.
            raise ValidationFailed.field(
                "limit", f"A search without filters selects at most {MAX_LIMIT} people"
            )
        return filters

    def is_empty(self) -> bool:
        return not any(v for k, v in self.to_dict().items() if k != "limit")

    def to_dict(self) -> dict[str, Any]:
        """The canonical JSON form (empty fields omitted), as stored in chat actions and tasks."""
        out: dict[str, Any] = {}
        for name in type(self).model_fields:
            value = getattr(self, name)
            if value is False or value in (None, [], {}):
                continue
            out[name] = (
                dict(value)
                if isinstance(value, dict)
                else (list(value) if isinstance(value, list) else value)
            )
        return out
