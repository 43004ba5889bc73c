"""Org charts for the generator: who of a company's staff the universe holds.

A company of 10+ people is led by its family's leader (a managing partner at a law firm, a
superintendent at a school district; a founder at a young company), a company of 1-10 by an
owner or founder. Then come the C-suite roles its family has from its size (all of them, or
nearly, at 1,000+ people), VPs and directors of its functions and its family's senior roles
(partners, plant managers, deans) as it grows, and the rest of the staff drawn from the
family's own roles and from the generic functions' ladders. How many people of a company the
universe holds grows with the log of its headcount (``staff_size``).
"""

from __future__ import annotations

import bisect
import math
import random
from collections.abc import Iterator, Mapping
from itertools import accumulate

from lexi.prospects.gen_families import FAMILIES, Family
from lexi.prospects.gen_functions import (
    DIRECTOR_PATTERNS,
    FUNCTIONS,
    HEAD_PATTERNS,
    INTERN_PATTERNS,
    SENIOR_PREFIXES,
    VP_PATTERNS,
    Function,
)

_COFOUNDERS = (
    "Co-Founder",
    "Co-Founder & CTO",
    "Co-Founder & COO",
    "Co-Founder & Chief Product Officer",
    "Co-Founder & President",
)
_YOUNG_TOP = {
    "CEO & Co-Founder": 25,
    "Co-Founder & CEO": 25,
    "Founder & CEO": 30,
    "Founder": 10,
    "CEO": 10,
}
_LEVELS = ("vp", "head", "director", "manager", "senior", "ic", "junior", "intern")
_LEVEL_WEIGHTS_SMALL = (2.0, 1.5, 3, 14, 24, 41, 12, 2.5)
_LEVEL_WEIGHTS_LARGE = (1.2, 1.5, 6, 17, 25, 36, 11, 2.3)
# Cumulative, as ``choices`` would compute them on every call.
_LEVEL_CUM_SMALL = list(accumulate(_LEVEL_WEIGHTS_SMALL))
_LEVEL_CUM_LARGE = list(accumulate(_LEVEL_WEIGHTS_LARGE))


class _Pick:
    """Weighted choice by cumulative weights with ``bisect``."""

    __slots__ = ("cum", "items", "total")

    def __init__(self, weights: Mapping[str, float] | tuple[tuple[str, float], ...]) -> None:
        pairs = list(weights.items()) if isinstance(weights, Mapping) else list(weights)
        self.items = [k for k, _ in pairs]
        self.cum = list(accumulate(w for _, w in pairs))
        self.total = self.cum[-1] if self.cum else 0.0

    def __call__(self, rng: random.Random) -> str:
        return self.items[bisect.bisect_right(self.cum, rng.random() * self.total)]


class _FamilyChart:
    def __init__(self, family: Family) -> None:
        self.family = family
        self.top = _Pick(family.top)
        self.small_top = _Pick(family.small_top or family.top)
        self.core = _Pick(family.core) if family.core else None
        self.functions = _Pick(family.functions)
        # Largest functions first: they get their VPs and directors first.
        self.ranked = sorted(family.functions, key=lambda f: -family.functions[f])


_VP = _Pick(VP_PATTERNS)
_HEAD = _Pick(HEAD_PATTERNS)
_DIRECTOR = _Pick(DIRECTOR_PATTERNS)
_SENIOR = _Pick(SENIOR_PREFIXES)
_INTERN = _Pick(INTERN_PATTERNS)
_YOUNG = _Pick(_YOUNG_TOP)
_CHARTS = {name: _FamilyChart(f) for name, f in FAMILIES.items()}


def staff_size(employees: int) -> int:
    """How many people of a company the universe holds: grows with the log of its headcount
    (10 people: all but one; 200: ~40; 10,000: ~110; 100,000: ~170)."""
    return max(1, min(employees, round(1 + 1.6 * math.log(employees) ** 1.9)))


def _clamp(x: float) -> float:
    return 0.0 if x < 0 else 0.95 if x > 0.95 else x


def _name(rng: random.Random, fn: Function) -> str:
    names = fn.names
    return names[0] if len(names) == 1 or rng.random() < 0.6 else rng.choice(names)


def _vp(rng: random.Random, fn: Function) -> str:
    return _VP(rng).format(F=_name(rng, fn))


def _director(rng: random.Random, fn: Function) -> str:
    if fn.directors and rng.random() < 0.45:
        return rng.choice(fn.directors)
    return _DIRECTOR(rng).format(F=_name(rng, fn))


def _level_title(rng: random.Random, fn: Function, level: str) -> str:
    if level == "vp":
        return _vp(rng, fn) if fn.vp else _director(rng, fn)
    if level == "head":
        if fn.extra_heads and rng.random() < 0.4:
            return rng.choice(fn.extra_heads)
        return _HEAD(rng).format(F=_name(rng, fn))
    if level == "director":
        return _director(rng, fn)
    if level == "manager":
        return rng.choice(fn.managers)
    if level == "senior":
        if rng.random() < 0.55:
            return rng.choice(fn.seniors)
        return _SENIOR(rng).format(T=rng.choice(fn.ics))
    if level == "junior" and fn.juniors:
        return rng.choice(fn.juniors)
    if level == "intern":
        return _INTERN(rng).format(F=fn.names[0])
    return rng.choice(fn.ics)


def org_chart(rng: random.Random, family: str, employees: int, age: int, count: int) -> list[str]:
    """``count`` job titles for a company, its leader first."""
    chart = _CHARTS[family]
    fam = chart.family
    young = age <= 10 and employees < 500 and fam.founders
    if employees < 10:
        top = chart.small_top(rng)
    elif young and rng.random() < 0.75:
        top = _YOUNG(rng)
    else:
        top = chart.top(rng)
    titles = [top]
    if count == 1:
        return titles
    if young and count > 2 and rng.random() < 0.5:
        titles.append(rng.choice(_COFOUNDERS))
    full = employees >= 1000
    for min_size, p, variants in fam.csuite:
        if employees >= min_size and rng.random() < (max(p, 0.85) if full else p):
            titles.append(rng.choice(variants))
    leadership_cap = max(2, int(count * 0.45))
    size = math.log10(max(employees, 1))
    p_vp = _clamp((size - 1.4) / 1.3)  # 25: 0, 100: ~0.45, 500: ~0.95
    p_dir = _clamp((size - 1.3) / 1.3)  # 20: 0, 50: ~0.3, 200: ~0.8
    if p_dir > 0:
        for leader in fam.core_leaders:
            if rng.random() < p_dir:
                titles.append(leader)
        for fname in chart.ranked:
            fn = FUNCTIONS[fname]
            if fn.vp and rng.random() < p_vp:
                titles.append(_vp(rng, fn))
            directors = 1 + (employees >= 5000) + (employees >= 20000)
            for _ in range(directors):
                if rng.random() < p_dir:
                    titles.append(_director(rng, fn))
            if len(titles) >= leadership_cap:
                break
    if len(titles) >= count:
        return titles[:count]
    cum = _LEVEL_CUM_SMALL if employees < 200 else _LEVEL_CUM_LARGE
    core = chart.core
    share = fam.core_share
    for level in rng.choices(_LEVELS, cum_weights=cum, k=count - len(titles)):
        if core is not None and rng.random() < share:
            titles.append(core(rng))
        else:
            titles.append(_level_title(rng, FUNCTIONS[chart.functions(rng)], level))
    return titles


def possible_titles() -> Iterator[str]:
    """Every title ``org_chart`` can produce (for the title vocabulary)."""
    yield from _COFOUNDERS
    yield from _YOUNG_TOP
    for fam in FAMILIES.values():
        yield from fam.top
        yield from fam.small_top
        yield from fam.core
        yield from fam.core_leaders
        for _, _, variants in fam.csuite:
            yield from variants
    for fn in FUNCTIONS.values():
        for name in fn.names:
            for pattern, _ in VP_PATTERNS + HEAD_PATTERNS + DIRECTOR_PATTERNS:
                yield pattern.format(F=name)
        for pattern, _ in INTERN_PATTERNS:
            yield pattern.format(F=fn.names[0])
        yield from fn.directors
        yield from fn.extra_heads
        yield from fn.managers
        yield from fn.seniors
        yield from fn.ics
        yield from fn.juniors
        for ic in fn.ics:
            for pattern, _ in SENIOR_PREFIXES:
                yield pattern.format(T=ic)
