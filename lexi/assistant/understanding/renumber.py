"""A number of the last search corrected: "sorry, 200+ not 2000+", "500 instead of 5000", "not
50m, 20m", "I meant 15" (after "show 50").

The old number names the value it corrects: whichever of the search's numbers it equals (the
size, the revenue, the headcount growth, a time window, the number of results) gets the new one,
in the same shape ("200+" a minimum, "100-500" a range). A unit said with either number
("500+ employees", "$20m", "60 days") settles which kind is meant. Said alone, after the turn
that set it ("I meant 300" after "only 3000+ employees"), a number replaces the one that turn
changed. A correction is never a number of results unless the number it replaces is one.
"""

from __future__ import annotations

import copy
import re
from typing import Any

from . import prefilter
from .text import MULTIPLIERS

_AMOUNT = r"~?\$?\d[\d,]*(?:\.\d+)?(?:\s*(?:k|mm|m|bn|b|thousand|million|billion)\b)?\+?"
_UNIT = (
    r"(?:employees?|emps?|staff|headcount|workers|ftes?|people|ppl|revenue|in\s+revenue|arr|"
    r"turnover|results|leads|contacts|prospects|names|records|days?|weeks?|months?|%|percent|pct)"
)
# "more than 100", "under 500": a bound said with the number.
_BOUND = (
    r"(?:(?:more|greater)\s+than|over|above|at\s+least|min(?:imum)?|under|below|"
    r"(?:less|fewer)\s+than|up\s+to|at\s+most|max(?:imum)?)\s+"
)
_QTY = rf"(?:{_BOUND})?{_AMOUNT}(?:\s*(?:-|\u2013|to)\s*{_AMOUNT})?(?:\s*{_UNIT}\b|%)?"
_LEAD = (
    r"^\W*(?:(?:sorry|oops|whoops|ugh|argh|typo|my\s+bad|my\s+mistake|no|nope|nah|wait|actually|"
    r"hm+|ah|oh|ok(?:ay)?|i\s+meant?|i\s+wanted|it\s+should\s+(?:be|say|have\s+been)|"
    r"should\s+(?:be|say|have\s+been)|make\s+(?:it|that)|change\s+(?:it|that)\s+to)\W+)*"
)
_TAIL = r"(?:\W+(?:please|pls|thanks|thx|sorry|then|instead|my\s+bad))*\W*$"
# "200+ not 2000+", "500 instead of 5000", "15, not 50", "20m rather than 10m".
_NEW_NOT_OLD = prefilter.compile(
    rf"{_LEAD}(?P<new>{_QTY})\s*[,;]?\s*(?:and\s+)?(?:not|instead\s+of|rather\s+than|in\s+place\s+of)"
    rf"\s+(?:the\s+)?(?P<old>{_QTY}){_TAIL}",
    re.IGNORECASE,
)
# "not 5000+, 500+", "not 50m but 20m".
_NOT_OLD_NEW = prefilter.compile(
    rf"{_LEAD}not\s+(?P<old>{_QTY})\s*(?:[,;]\s*(?:but\s+)?|\s+but\s+)(?P<new>{_QTY}){_TAIL}",
    re.IGNORECASE,
)
# "actually 300", "I meant 15" (the interpreter writes "I meant" as "actually").
_MEANT = re.compile(
    r"^\W*(?:(?:sorry|oops|whoops|ugh|my\s+bad|no|nope|wait|hm+|ah|oh)\W+)*actually\W+"
    rf"(?P<new>{_AMOUNT}(?:\s*(?:-|\u2013|to)\s*{_AMOUNT})?){_TAIL}",
    re.IGNORECASE,
)
_NUMBER = re.compile(
    r"(?P<n>\d[\d,]*(?:\.\d+)?)\s*(?P<mult>k|mm|m|bn|b|thousand|million|billion)?\b",
    re.IGNORECASE,
)
_DAYS = {"d": 1, "w": 7, "m": 30}
_RANGES = ("employees", "revenue_usd")
_WINDOWS = ("job_change_within_days", "technologies_added_within_days")


class _Qty:
    """A number as said: its values, whether it is a minimum ("200+"), its kind if a unit or a
    sign names one, and whether it was said with a multiplier or "$" (money)."""

    def __init__(self, said: str) -> None:
        low = said.lower()
        self.values = [_value(m) for m in _NUMBER.finditer(low)]
        self.plus = "+" in low
        self.money = "$" in low or any(m["mult"] for m in _NUMBER.finditer(low))
        self.kind = _kind_of(low, self.money)
        unit = re.search(r"\b(day|week|month)s?\b", low)
        self.days_per = _DAYS[unit[1][0]] if unit else 1
        bound = re.match(_BOUND, low)
        words = bound[0].split() if bound else []
        if words[:1] == ["at"]:
            self.bound: tuple[str, int] | None = ("min", 0) if words[1] == "least" else ("max", 0)
        else:
            self.bound = _BOUND_SIDES.get(words[0]) if words else None


# The side a bound word sets, and whether it leaves the number out ("more than 100": 101+).
_BOUND_SIDES = {
    "more": ("min", 1),
    "greater": ("min", 1),
    "over": ("min", 1),
    "above": ("min", 1),
    "at": None,  # "at least" / "at most": read below
    "min": ("min", 0),
    "minimum": ("min", 0),
    "under": ("max", -1),
    "below": ("max", -1),
    "less": ("max", -1),
    "fewer": ("max", -1),
    "up": ("max", 0),
    "max": ("max", 0),
    "maximum": ("max", 0),
}


def _value(m: re.Match[str]) -> int:
    n = float(m["n"].replace(",", ""))
    return int(n * MULTIPLIERS.get((m["mult"] or "").lower(), 1))


def _kind_of(low: str, money: bool) -> str | None:
    if re.search(r"\b(?:employees?|emps?|staff|headcount|workers|ftes?|people|ppl)\b", low):
        return "employees"
    if money or re.search(r"\b(?:revenue|arr|turnover)\b", low):
        return "revenue_usd"
    if re.search(r"\b(?:results|leads|contacts|prospects|names|records)\b", low):
        return "limit"
    if re.search(r"\b(?:days?|weeks?|months?)\b", low):
        return "days"
    if "%" in low or re.search(r"\b(?:percent|pct)\b", low):
        return "headcount_growth_pct"
    return None


def renumbered(
    text: str, base: dict[str, Any] | None, before: dict[str, Any] | None
) -> dict[str, Any] | None:
    """The search ``base`` with the number the clause corrects replaced; ``before`` is the search
    before the last turn (what a number said alone is compared with). None when the clause
    corrects no number of it."""
    if base is None or not any(ch.isdigit() for ch in text):
        return None
    m = _NEW_NOT_OLD.match(text) or _NOT_OLD_NEW.match(text)
    if m:
        new, old = _Qty(m["new"]), _Qty(m["old"])
        if not new.values or not old.values:
            return None
        kind = new.kind or old.kind
        if old.money and not new.money:
            new.money = True
            new.values = _scaled_like(new.values, old)
        return _replaced(base, old, new, kind)
    m = _MEANT.match(text)
    if m and before is not None:
        new = _Qty(m["new"])
        changed = [k for k in (*_RANGES, "limit") if base.get(k) != before.get(k) and base.get(k)]
        if len(changed) == 1 and new.values:
            return _set(base, changed[0], new, None)
    return None


def _scaled_like(values: list[int], old: _Qty) -> list[int]:
    """ "20 not 10m": the new number in the old one's multiplier."""
    if not old.values or old.values[0] < 1_000_000:
        return values
    scale = (
        1_000_000_000 if old.values[0] % 1_000_000_000 == 0 and old.values[0] >= 10**9 else 10**6
    )
    return [v * scale if v < 10_000 else v for v in values]


def _replaced(
    base: dict[str, Any], old: _Qty, new: _Qty, kind: str | None
) -> dict[str, Any] | None:
    for key in _candidates(kind, old, new):
        if _holds(base, key, old):
            return _set(base, key, new, old)
    if kind in _RANGES or (kind is None and old.plus):
        # "200+ employees not 2000+" with no size yet: the size it names
        return _set(base, kind or "employees", new, old)
    return None


def _candidates(kind: str | None, old: _Qty, new: _Qty) -> tuple[str, ...]:
    if kind == "days":
        return _WINDOWS + ("posted_within_days",)
    if kind is not None:
        return (kind,)
    if old.money or new.money:
        return ("revenue_usd",)
    if old.plus or new.plus or len(old.values) > 1:
        return (*_RANGES, "headcount_growth_pct")
    return (*_RANGES, "headcount_growth_pct", *_WINDOWS, "posted_within_days", "limit")


def _holds(base: dict[str, Any], key: str, old: _Qty) -> bool:
    """Whether the search's value of ``key`` is the number said as the old one."""
    have = _value_of(base, key)
    if have is None:
        return False
    if isinstance(have, dict):
        bounds = [have.get("min"), have.get("max")]
        if len(old.values) >= 2:
            return bounds == old.values[:2]
        n = old.values[0]  # "more than 1000" is kept as 1,001+, "under 500" as up to 499
        return n in bounds or have.get("min") == n + 1 or have.get("max") == n - 1
    return have == old.values[0] * (old.days_per if key != "limit" else 1)


def _value_of(base: dict[str, Any], key: str) -> Any:
    if key == "posted_within_days":
        return (base.get("hiring_for") or {}).get("posted_within_days")
    return base.get(key)


def _set(base: dict[str, Any], key: str, new: _Qty, old: _Qty | None) -> dict[str, Any] | None:
    out = copy.deepcopy(base)
    if key in ("employees", "revenue_usd", "headcount_growth_pct"):
        have = base.get(key) if isinstance(base.get(key), dict) else None
        shape = _bounds(new, old, have, exclusive=key == "employees")
        if shape is None:
            return None
        if have and "months" in have:
            shape["months"] = have["months"]
        out[key] = shape
    elif key == "posted_within_days":
        out["hiring_for"] = {**out["hiring_for"], key: new.values[0] * new.days_per}
    elif key == "limit":
        out[key] = new.values[0]
    else:
        out[key] = new.values[0] * new.days_per
    return out


def _bounds(
    new: _Qty, old: _Qty | None, have: dict[str, Any] | None, *, exclusive: bool = False
) -> dict[str, Any] | None:
    """The range after the correction: a range or a minimum ("200+") as said, a bound as its
    word says ("more than 100": 101+ for a size, as a search reads it), the other bound kept;
    one number, the bound it replaces ("2000 not 5000" of 100-5,000 is 100-2,000)."""
    if len(new.values) >= 2:
        return {"min": new.values[0], "max": new.values[1]}
    low, high = (have or {}).get("min"), (have or {}).get("max")
    if new.bound is not None:
        side, step = new.bound
        return {"min": low, "max": high, side: new.values[0] + (step if exclusive else 0)}
    if new.plus or have is None or (old is not None and old.plus):
        return {"min": new.values[0], "max": None}
    if old is not None and len(old.values) == 1:
        side = "min" if low in (old.values[0], old.values[0] + 1) else "max"
    elif (low is None) != (high is None):
        side = "min" if low is not None else "max"
    else:
        return None  # "I meant 300" of 100-500: which bound is not said
    return {"min": low, "max": high, side: new.values[0]}
