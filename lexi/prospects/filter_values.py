"""Filter values: checking one value against the fixed vocabularies and making it canonical.

Every function here takes ``(field, value)`` and returns the canonical value or raises
``ValidationFailed`` whose details list the valid values (or, for places, suggestions), so a
client or Lexi itself can correct the query. The filter descriptors (``lexi.prospects.filters``)
say which one each filter uses.
"""

from __future__ import annotations

import re
import uuid
from datetime import date
from functools import lru_cache
from typing import Any

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
# Places are longer lists: a named region expands to its places (the Bay Area holds 54).
MAX_PLACES = 250  # every country fits: EMEA alone names 125
MAX_TEXT = 200


def _unknown(field: str, invalid: list[str], valid: list[str], what: str) -> ValidationFailed:
    shown = ", ".join(repr(v) for v in invalid)
    return ValidationFailed(
        f"Unknown {what}: {shown}.",
        details={"fields": {field: f"Unknown {what}: {shown}"}, "invalid": invalid, "valid": valid},
    )


def clean_list(field: str, value: Any, most: int = MAX_ITEMS) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        raise ValidationFailed.field(field, "Must be a list of strings")
    if len(value) > most:
        raise ValidationFailed.field(field, f"At most {most} values")
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
    items = [v.lower().replace("-", "_").replace(" ", "_") for v in clean_list(field, value)]
    bad = [v for v in items if v not in valid]
    if bad:
        raise _unknown(field, bad, valid, what)
    return items


_RANGE_TEXT = re.compile(r"^\s*(\d[\d,_]*)\s*(?:-|–|to)\s*(\d[\d,_]*)\s*$|^\s*(\d[\d,_]*)\s*\+\s*$")


def number_range(field: str, value: Any) -> dict[str, int | None] | None:
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


def funding_stages(field: str, value: Any) -> list[str]:
    out: list[str] = []
    bad: list[str] = []
    for item in clean_list("funding_stages", value):
        key = re.sub(r"[\s\-]+", "_", item.lower().strip()).replace("+", "_plus")
        key = _STAGE_ALIASES.get(key, key)
        if key not in FUNDING_STAGES:
            bad.append(item)
        elif key not in out:
            out.append(key)
    if bad:
        raise _unknown("funding_stages", bad, FUNDING_STAGES, "funding stage")
    return out


def days(field: str, value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_DAYS:
        raise ValidationFailed.field(field, f"Must be a number of days between 1 and {MAX_DAYS}")
    return value


def date_range(field: str, value: Any) -> dict[str, str | None] | None:
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


def growth(field: str, value: Any) -> dict[str, int | None] | None:
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


def hiring(field: str, value: Any) -> dict[str, Any] | None:
    if value is None or value == {}:
        return None
    keys = {"titles", "departments", "seniorities", "posted_within_days"}
    if not isinstance(value, dict) or set(value) - keys:
        raise ValidationFailed.field(
            field,
            "Expected an object with 'titles', 'departments', 'seniorities' and/or 'posted_within_days'",
        )
    out: dict[str, Any] = {}
    titles = clean_list("hiring_for.titles", value.get("titles"))
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
    posted = days("hiring_for.posted_within_days", value.get("posted_within_days"))
    if posted is not None:
        out["posted_within_days"] = posted
    # An object whose lists are all empty means any open posting.
    return out or {"posted_within_days": MAX_DAYS}


@lru_cache(maxsize=4096)
def _place(raw: str) -> str:
    """The canonical filter string of one place (the gazetteer never changes in a process, and
    a region's 54 places are read again on every search of it)."""
    from lexi.geo import parse_location

    return parse_location(raw).filter_string()


def places(field: str, value: Any) -> list[str]:
    from lexi.geo import UnknownPlace

    out: list[str] = []
    for raw in clean_list(field, value, MAX_PLACES):
        try:
            canonical = _place(raw)
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
        if canonical not in out:
            out.append(canonical)
    return out


def text_list(field: str, value: Any) -> list[str]:
    items = clean_list(field, value)
    # A value with no letter or digit ("%", "--") would match everything once the search
    # drops its punctuation: refused rather than silently ignored.
    bad = [i for i in items if not any(c.isalnum() for c in i)]
    if bad:
        raise ValidationFailed.field(field, f"Each value needs a letter or digit (got {bad[0]!r})")
    return items


def seniorities(field: str, value: Any) -> list[str]:
    return _enum_list(field, value, SENIORITIES, "seniority")


def departments(field: str, value: Any) -> list[str]:
    return _enum_list(field, value, DEPARTMENTS, "department")


def email_statuses(field: str, value: Any) -> list[str]:
    return _enum_list(field, value, EMAIL_STATUSES, "email status")


def industries(field: str, value: Any) -> list[str]:
    items = clean_list(field, value)
    bad = [i for i in items if canonical_industry(i) is None]
    if bad:
        raise _unknown(field, bad, INDUSTRIES, "industry")
    out: list[str] = []
    for i in items:
        name = canonical_industry(i)
        if name and name not in out:
            out.append(name)
    return out


def flag(field: str, value: Any) -> bool:
    if value is None:
        return False
    if not isinstance(value, bool):
        raise ValidationFailed.field(field, "Must be true or false")
    return value


def list_ids(field: str, value: Any) -> list[str]:
    out = []
    for item in clean_list(field, value):
        try:
            out.append(str(uuid.UUID(item)))
        except ValueError:
            raise ValidationFailed.field(field, "Must be list ids (UUIDs)") from None
    return list(dict.fromkeys(out))


def limit(field: str, value: Any) -> int:
    if value is None:
        return DEFAULT_LIMIT
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationFailed.field(field, "Must be an integer")
    return value
