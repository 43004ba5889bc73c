"""Buying signals for the generator: funding, headcount growth, technologies first seen, open job
postings and the day each person started in their role.

Signals draw from their own random stream (seeded from the universe's seed), so adding or
changing them never changes the companies and people the main stream writes. Every date is a
number of days before ``as_of`` (the day of generation), so a universe generated today has
rounds raised last month and postings from last week.

- **Funding**: only families that raise venture money do (software, fintech, life sciences, ...),
  and fewer of them as they grow older; the last round's stage follows headcount (a 5-person
  startup is pre-seed or seed, a 300-person one Series B or C, a 5,000-person one late-stage or
  private equity), its date falls after the founding and mostly within the last two years, its
  amount is typical of the stage, and the total adds the typical earlier rounds.
- **Investors**: the last round's investors (one to five, the lead first) fit its stage and the
  company's industry group: angels and seed funds early, venture firms for Series A and B, growth
  and crossover funds later, buyout firms for private equity (``data/investors.tsv``).
- **Headcount growth**: a yearly rate around a few percent for most companies, much higher for
  young and recently funded ones; a quarterly headcount history over the last 24 months follows
  from it (with a little noise, never before the founding), and the headcount 6 and 12 months
  ago, and the growth since, are read from that history.
- **Technologies**: each of the company's technologies was first seen some time after the
  founding; a few percent were adopted in the last quarter.
- **Job postings**: growing companies post openings for roles of their own org chart (more when
  they grow faster), plus replacements; posted within the last ~4 months, mostly recently.
- **Job posting locations**: most openings are at the head office, some at the company's other
  offices, one in ten remote (country only).
- **Role start**: tenures are exponential with a mean of about five years (about one person in five
  started their role in the last 12 months), never before the company was founded.
- **Previous company**: most people came from another company of the universe in the same
  industry group (some from another group), one founded before their current role started; for
  the rest no previous employer is known.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from pathlib import Path

from lexi.prospects.taxonomy import FUNDING_STAGES

# Share of companies of a family that have raised outside funding (at founding age 0-5 years;
# older companies less often).
_FUNDED = {
    "software": 0.55,
    "financial_services": 0.3,
    "life_sciences": 0.5,
    "hardware": 0.3,
    "it_services": 0.12,
    "media": 0.15,
    "consumer_goods": 0.15,
    "retail": 0.08,
    "logistics": 0.1,
    "energy": 0.12,
    "agency": 0.04,
    "staffing": 0.04,
    "clinic": 0.05,
    "hospitality": 0.03,
    "real_estate": 0.05,
    "manufacturing": 0.06,
    "agriculture": 0.05,
    "insurance": 0.08,
    "construction": 0.02,
    "consulting": 0.03,
}
# Typical round size per stage in USD (low, high), drawn log-uniformly.
_ROUND = {
    "pre_seed": (250_000, 1_500_000),
    "seed": (1_000_000, 5_000_000),
    "series_a": (5_000_000, 25_000_000),
    "series_b": (15_000_000, 60_000_000),
    "series_c": (30_000_000, 120_000_000),
    "series_d_plus": (50_000_000, 400_000_000),
    "private_equity": (50_000_000, 1_000_000_000),
}
assert set(_ROUND) <= set(FUNDING_STAGES)
_LADDER = ("pre_seed", "seed", "series_a", "series_b", "series_c", "series_d_plus")
TECH_RECENT_MEAN_DAYS = (
    365 * 6
)  # mean age of a technology at a company (when the company is old enough)
TENURE_MEAN_DAYS = 365 * 5
POSTING_MEAN_DAYS = 30
POSTING_MAX_DAYS = 120
MAX_POSTINGS = 60


# Headcount history: a point every quarter over the last 24 months (days before as_of, newest
# first); the 6- and 12-month figures are the points at 182 and 365 days.
HISTORY_DAYS = (0, 91, 182, 274, 365, 456, 547, 639, 730)
_HISTORY_YEARS = tuple(d / 365 for d in HISTORY_DAYS)
_HISTORY_PAST = tuple(zip(_HISTORY_YEARS[1:], HISTORY_DAYS[1:], strict=True))
HISTORY_NOISE = 0.04  # each past point is off the smooth curve by up to +-2 %
# Which kinds of investor take part in a round of each stage, and how many investors it has.
_ROUND_KINDS = {
    "pre_seed": ("angel", "seed"),
    "seed": ("seed", "angel", "venture"),
    "series_a": ("venture", "seed", "corporate"),
    "series_b": ("venture", "growth", "corporate"),
    "series_c": ("growth", "venture", "corporate"),
    "series_d_plus": ("growth",),
    "private_equity": ("private_equity",),
}
_LEAD_KINDS = {"pre_seed": ("seed", "angel"), "seed": ("seed", "venture")}
_ROUND_SIZE = {
    "pre_seed": (1, 3),
    "seed": (2, 4),
    "series_a": (2, 4),
    "series_b": (2, 5),
    "series_c": (3, 5),
    "series_d_plus": (2, 5),
    "private_equity": (1, 2),
}
DATA = Path(__file__).resolve().parent / "data" / "investors.tsv"


@dataclass
class Funding:
    stage: str
    days_ago: int
    amount_usd: int
    total_usd: int


@dataclass
class Growth:
    headcount_12m_ago: int | None
    headcount_6m_ago: int | None
    growth_12m_pct: int | None
    growth_6m_pct: int | None
    yearly_rate: float
    history: str | None = None  # JSON: [["YYYY-MM-DD", headcount], ...], oldest first


class Days:
    """ISO dates ``n`` days before ``as_of``, computed once each."""

    def __init__(self, as_of: date) -> None:
        self.as_of = as_of
        self.cache: dict[int, str] = {}
        # The start of each point of a headcount history, '["YYYY-MM-DD",', by HISTORY_DAYS.
        self.history_heads = [f'["{self(d)}",' for d in HISTORY_DAYS]

    def __call__(self, n: int) -> str:
        s = self.cache.get(n)
        if s is None:
            s = self.cache[n] = (self.as_of - timedelta(days=n)).isoformat()
        return s


def _stage(rng: random.Random, employees: int) -> str:
    """The last round's stage for a company of this size."""
    if employees >= 3000:
        return "private_equity" if rng.random() < 0.5 else "series_d_plus"
    size = math.log10(max(employees, 1))  # 1: 0, 10: 1, 100: 2, 1000: 3
    center = 0.4 + 1.55 * size  # 3 people: ~1.1 (seed), 50: ~3.0 (series A/B), 500: ~4.6
    step = round(rng.gauss(center, 0.6))
    return _LADDER[max(0, min(len(_LADDER) - 1, step))]


def _amount(rng: random.Random, stage: str) -> int:
    low, high = _ROUND[stage]
    value = math.exp(rng.uniform(math.log(low), math.log(high)))
    return int(float(f"{value:.2g}"))


def funding(rng: random.Random, family: str, employees: int, age_days: int) -> Funding | None:
    p = _FUNDED.get(family, 0.0)
    if not p:
        return None
    years = age_days / 365
    if years > 5:
        p *= max(0.15, 1.0 - (years - 5) / 25)
    if rng.random() >= p:
        return None
    stage = _stage(rng, employees)
    # Rounds come every 1-2 years; the last one is mostly recent and never before the founding.
    days_ago = min(int(rng.expovariate(1 / 420)), max(age_days - 30, 0))
    amount = _amount(rng, stage)
    total = amount
    if stage in _LADDER:
        for earlier in _LADDER[: _LADDER.index(stage)]:
            if rng.random() < 0.8:
                low, high = _ROUND[earlier]
                total += int(float(f"{math.sqrt(low * high):.2g}"))
    else:
        total += int(float(f"{rng.uniform(0.2, 1.0) * amount:.2g}"))
    return Funding(stage, days_ago, amount, total)


def growth(
    rng: random.Random,
    employees: int,
    age_days: int,
    funded: Funding | None,
    day: Days | None = None,
) -> Growth:
    """The headcount history of a company of ``employees`` today (quarterly points over the
    last 24 months after its founding, dated by ``day``) and the headcount 6 and 12 months ago
    read from it."""
    if funded is not None and funded.days_ago < 540 and funded.stage != "private_equity":
        rate = rng.gauss(0.3, 0.25)
    elif age_days < 365 * 4:
        rate = rng.gauss(0.15, 0.25)
    else:
        rate = rng.gauss(0.03, 0.12)
    rate = max(-0.4, min(rate, 2.5))
    # Headcount t years ago on the smooth curve: employees / (1 + rate) ** t, times a little noise
    # (one draw per point; none for today's, which is the company's headcount).
    slope = math.log(1 + rate)
    points = [employees]
    for years, days in _HISTORY_PAST:
        if days >= age_days:
            break  # not founded yet
        noise = 1.0 + (rng.random() - 0.5) * HISTORY_NOISE
        points.append(max(1, round(employees * math.exp(-slope * years) * noise)))
    before_6 = points[2] if len(points) > 2 else None
    before_12 = points[4] if len(points) > 4 else None
    history = None
    if day is not None:
        heads = day.history_heads
        history = (
            "["
            + ",".join([heads[i] + str(points[i]) + "]" for i in range(len(points) - 1, -1, -1)])
            + "]"
        )
    return Growth(
        before_12,
        before_6,
        pct(employees, before_12) if before_12 else None,
        pct(employees, before_6) if before_6 else None,
        rate,
        history,
    )


@dataclass(frozen=True)
class Investor:
    name: str
    kind: str
    focus: frozenset[str]  # industry groups; empty for any


@cache
def investors() -> tuple[Investor, ...]:
    """The investors of ``data/investors.tsv``."""
    out = []
    for line in DATA.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith(("#", "name\t")):
            continue
        name, kind, focus = line.split("\t")
        out.append(
            Investor(name, kind, frozenset() if focus == "*" else frozenset(focus.split(",")))
        )
    return tuple(out)


@cache
def _investor_pool(kinds: tuple[str, ...], family: str) -> tuple[str, ...]:
    """Names of investors of these kinds that invest in ``family`` (specialists and generalists)."""
    return tuple(
        i.name for i in investors() if i.kind in kinds and (not i.focus or family in i.focus)
    )


def round_investors(rng: random.Random, stage: str, family: str) -> list[str]:
    """The investors of a round of ``stage`` at a company of ``family``, the lead first."""
    low, high = _ROUND_SIZE[stage]
    n = low + int(rng.random() * (high - low + 1))
    lead_pool = _investor_pool(_LEAD_KINDS.get(stage, _ROUND_KINDS[stage][:1]), family)
    lead = lead_pool[int(rng.random() * len(lead_pool))]
    pool = [name for name in _investor_pool(_ROUND_KINDS[stage], family) if name != lead]
    return [lead, *rng.sample(pool, min(n - 1, len(pool)))]


def pct(now: int, before: int) -> int:
    return round((now - before) * 100 / before)


def tech_days(rng: random.Random, age_days: int) -> int:
    return min(int(rng.expovariate(1 / TECH_RECENT_MEAN_DAYS)), age_days)


def postings(rng: random.Random, employees: int, growth_rate: float) -> int:
    """How many open postings a company has."""
    openings = employees * (max(growth_rate, 0.0) * 0.35 + 0.03)
    n = int(openings * rng.uniform(0.3, 1.2) + rng.random())
    return min(n, MAX_POSTINGS)


def posting_days(rng: random.Random) -> int:
    return min(int(rng.expovariate(1 / POSTING_MEAN_DAYS)), POSTING_MAX_DAYS)


def tenure_days(rng: random.Random, age_days: int, founder: bool) -> int:
    """Days since the person started in their role (the generator inlines this per person)."""
    if founder:
        return age_days
    return min(int(rng.expovariate(1 / TENURE_MEAN_DAYS)), age_days)
