"""The buying-signal distributions of ``lexi prospects stats`` over the generated universe: each
one equals the same count made in Python from the raw rows (on SQLite, and on PostgreSQL when
LEXI_TEST_DATABASE_URL is set, where the year and bucket expressions compile differently)."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from typing import Any

import pytest

from lexi.kit.clock import utc_now
from lexi.prospects import service
from lexi.prospects.taxonomy import SECTOR_OF


def _day(value: Any) -> date | None:
    if value is None:
        return None
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _band(value: int | None, edges: list[tuple[str, int, int | None]], unknown: str) -> str:
    if value is None:
        return unknown
    for label, low, high in edges:
        if (high is None and value >= low) or (high is not None and value <= high):
            return label
    return unknown


GROWTH = [
    ("shrinking", -100, -1),
    ("0-9%", 0, 9),
    ("10-19%", 10, 19),
    ("20-49%", 20, 49),
    ("50%+", 50, None),
]
RAISED = [
    ("under $1M", 0, 999_999),
    ("$1M-10M", 1_000_000, 9_999_999),
    ("$10M-50M", 10_000_000, 49_999_999),
    ("$50M-100M", 50_000_000, 99_999_999),
    ("$100M-1B", 100_000_000, 999_999_999),
    ("$1B+", 1_000_000_000, None),
]
AGES = [
    ("0-2 years", 0, 2),
    ("3-5 years", 3, 5),
    ("6-10 years", 6, 10),
    ("11-20 years", 11, 20),
    ("21+ years", 21, None),
]


@pytest.fixture(scope="module")
def stats(universe) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    with universe.unit_of_work(write=False) as session:
        return service.stats(session)


def _nonzero(counts: dict[str, int]) -> dict[str, int]:
    return {k: v for k, v in counts.items() if v}


def _stages(rows: list[dict[str, Any]], key: str) -> dict[str, dict[str, int]]:
    return {r[key]: r["stages"] for r in rows if r["stages"]}


def _by(rows: list[Any], group: Any) -> dict[str, dict[str, int]]:
    out: dict[str, Counter[str]] = {}
    for r in rows:
        out.setdefault(group(r), Counter())[r.funding_stage or "none"] += 1
    return {k: dict(v) for k, v in out.items()}


COMPANIES = (
    "SELECT id, founded_year, industry, funding_stage, last_funding_on, funding_total_usd, "
    "growth_12m_pct, growth_6m_pct FROM prospect_companies"
)


def test_funding_stages_by_age_and_industry_group(stats, sql) -> None:  # type: ignore[no-untyped-def]
    companies = sql(COMPANIES)
    signals = stats["signals"]
    this_year = utc_now().date().year
    age = _by(
        companies,
        lambda r: _band(
            this_year - r.founded_year if r.founded_year is not None else None, AGES, "unknown"
        ),
    )
    assert _stages(signals["funding_by_age"], "age") == age
    sector = _by(companies, lambda r: SECTOR_OF.get(r.industry or "", "Other"))
    assert _stages(signals["funding_by_sector"], "sector") == sector
    # Realistic: the youngest companies raise early rounds, never private equity.
    assert "private_equity" not in age.get("0-2 years", {})
    assert sum(signals["funding_stages"].values()) == len(companies)


def test_last_round_years_and_total_raised(stats, sql) -> None:  # type: ignore[no-untyped-def]
    companies = sql(COMPANIES)
    signals = stats["signals"]
    years = Counter(str(_day(r.last_funding_on).year) for r in companies if r.last_funding_on)
    assert signals["last_funding_years"] == dict(years)
    assert list(signals["last_funding_years"]) == sorted(years, reverse=True)
    raised = Counter(_band(r.funding_total_usd, RAISED, "none") for r in companies)
    assert _nonzero(signals["total_funding"]) == dict(raised)
    assert list(signals["total_funding"])[: len(RAISED)] == [b[0] for b in RAISED]


def test_growth_buckets_over_12_and_6_months(stats, sql) -> None:  # type: ignore[no-untyped-def]
    companies = sql(COMPANIES)
    signals = stats["signals"]
    for key, column in (("growth_12m", "growth_12m_pct"), ("growth_6m", "growth_6m_pct")):
        expected = Counter(_band(getattr(r, column), GROWTH, "unknown") for r in companies)
        assert _nonzero(signals[key]) == dict(expected), key
    assert signals["growth_12m"]["20-49%"] + signals["growth_12m"]["50%+"] > 0


def test_open_postings_by_department_and_seniority(stats, sql) -> None:  # type: ignore[no-untyped-def]
    postings = sql("SELECT company_id, department, seniority FROM prospect_job_postings")
    signals = stats["signals"]
    assert signals["open_postings"] == len(postings)
    assert signals["companies_hiring"] == len({p.company_id for p in postings})
    assert signals["postings_by_department"] == dict(Counter(p.department for p in postings))
    assert signals["postings_by_seniority"] == dict(Counter(p.seniority for p in postings))
    counts = list(signals["postings_by_seniority"].values())
    assert counts == sorted(counts, reverse=True)


def test_job_changes_per_year(stats, sql) -> None:  # type: ignore[no-untyped-def]
    today = utc_now().date()
    starts = [_day(r[0]) for r in sql("SELECT role_started_on FROM prospect_people")]
    signals = stats["signals"]
    per_year = Counter(str(d.year) for d in starts if d is not None and d <= today)
    assert signals["role_starts_by_year"] == dict(per_year)
    since_90 = today - timedelta(days=90)
    assert signals["people_new_in_role_90d"] == sum(
        1 for d in starts if d is not None and d >= since_90
    )


def test_technologies_adopted_recently(stats, sql) -> None:  # type: ignore[no-untyped-def]
    since = utc_now().date() - timedelta(days=90)
    rows = sql(
        "SELECT company_id, tech_key, technology, first_seen_on FROM prospect_company_technologies"
    )
    # Imported technologies have no first-seen day: never recent.
    recent = [r for r in rows if r.first_seen_on is not None and _day(r.first_seen_on) >= since]
    signals = stats["signals"]
    assert signals["companies_adopting_tech_90d"] == len({r.company_id for r in recent})
    by_key = Counter(r.tech_key for r in recent)
    shown = signals["technologies_adopted_90d"]
    assert shown and len(shown) <= 15
    names = {r.tech_key: r.technology for r in recent}
    for name, n in shown.items():
        assert by_key[name.lower()] == n, name
        assert names[name.lower()].lower() == name.lower()
    # The commonest are shown: nothing left out was adopted by more companies.
    left_out = [v for k, v in by_key.items() if k not in {n.lower() for n in shown}]
    assert max(left_out, default=0) <= min(shown.values())
