"""The contract's Filters object: validation, canonical values and the canonical JSON form.

Every value is checked against the fixed vocabularies; an unknown one is a ``ValidationFailed``
whose details list the valid values (or, for places, suggestions), so a client or Lexi itself
can correct the query.
"""

from __future__ import annotations

import re
import uuid
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from lexi.errors import ValidationFailed
from lexi.prospects.taxonomy import (
    DEPARTMENTS,
    EMAIL_STATUSES,
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
    limit: int = DEFAULT_LIMIT

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
                raise ValidationFailed.field("exclude_list_ids", "Must be list ids (UUIDs)") from None
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
        "locations", "exclude_locations", "company_locations", "exclude_company_locations", mode="before"
    )
    @classmethod
    def _locations(cls, v: Any, info: Any) -> list[str]:
        return _places(info.field_name, v)

    @field_validator("employees", "revenue_usd", mode="before")
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
