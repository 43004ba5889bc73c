"""Imports bring the buying-signal facts real exports carry (Apollo's funding and technology
columns, Sales Navigator's time in position, HubSpot's company funding and technologies), and a
company already in the universe has its facts refreshed instead of being duplicated or left
stale. Run on the shared test database (PostgreSQL too when LEXI_TEST_DATABASE_URL is set: its
text vector is a generated column, SQLite's full-text index is rewritten by the importer) and on a
small generated universe of its own."""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import text

from lexi.db.engine import make_engine
from lexi.db.migrate import upgrade
from lexi.db.session import Database
from lexi.kit.clock import utc_now
from lexi.prospects import importer, service
from lexi.prospects.filters import ProspectFilters
from lexi.prospects.generator import generate
from lexi.prospects.presets import PRESETS

pytestmark = pytest.mark.usefixtures("universe")


def load(db: Database, rows: list[dict[str, Any]], preset: str, *, dry_run: bool = False):  # type: ignore[no-untyped-def]
    with db.unit_of_work() as session:
        outcome = importer.import_rows(
            session, importer.from_objects(rows), preset=PRESETS[preset], dry_run=dry_run
        )
    assert not outcome.errors, outcome.errors
    return outcome


def search(db: Database, filters: dict[str, Any]) -> list[dict[str, Any]]:
    with db.unit_of_work(write=False) as session:
        return service.search(session, ProspectFilters.parse({**filters, "limit": 50})).prospects


def company(db: Database, domain: str) -> Any:
    with db.engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT id, employee_count, revenue_usd, technologies, funding_stage, "
                "last_funding_on, last_funding_usd, funding_total_usd, headcount_history, "
                "growth_12m_pct, growth_6m_pct, headcount_12m_ago FROM prospect_companies "
                "WHERE domain = :d"
            ),
            {"d": domain},
        ).all()
    assert len(rows) == 1, rows  # never duplicated
    return rows[0]


def employees_of(db: Database, company_id: int) -> set[Any]:
    with db.engine.connect() as conn:
        return {
            r[0]
            for r in conn.execute(
                text("SELECT employees FROM prospect_people WHERE company_id = :c"),
                {"c": company_id},
            )
        }


def apollo(domain: str, n: int, **company: str) -> list[dict[str, Any]]:
    return [
        {
            "First Name": f"Ren{i}",
            "Last Name": "Okoro",
            "Title": "VP of Sales",
            "Company": "Brightwater Labs",
            "Email": f"ren{i}@{domain}",
            "Email Status": "Verified",
            "Website": f"https://www.{domain}",
            "Industry": "Computer Software",
            "City": "Austin",
            "State": "Texas",
            "Country": "United States",
            **company,
        }
        for i in range(n)
    ]


def technology_rows(db: Database, company_id: int) -> list[tuple[Any, ...]]:
    with db.engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT tech_key, technology, first_seen_on FROM prospect_company_technologies "
                "WHERE company_id = :c ORDER BY tech_key"
            ),
            {"c": company_id},
        )
        return [tuple(r) for r in rows]


def _history(value: Any) -> list[Any]:
    import json

    return json.loads(value) if isinstance(value, str) else value


class TestAnExistingCompanyIsRefreshed:
    def test_a_newer_export_refreshes_funding_headcount_and_technologies(self, universe) -> None:
        domain = f"bw{uuid.uuid4().hex[:8]}.example.com"
        first = load(
            universe, apollo(domain, 2, **{"# Employees": "40", "Technologies": "Slack"}), "apollo"
        )
        assert first.companies_created == 1 and first.companies_refreshed == 0
        before = company(universe, domain)
        assert before.funding_stage is None and before.employee_count == 40
        newer = apollo(
            domain,
            3,
            **{
                "# Employees": "55",
                "Technologies": "Slack, HubSpot",
                "Latest Funding": "Series A",
                "Latest Funding Amount": "12000000",
                "Total Funding": "15500000",
                "Last Raised At": "2026-09-14",
                "Annual Revenue": "8000000",
            },
        )
        again = load(universe, newer, "apollo")
        assert (again.imported, again.duplicates) == (1, 2)  # two people were there already
        assert (again.companies_created, again.companies_matched) == (0, 1)
        assert again.companies_refreshed == 1
        after = company(universe, domain)
        assert (after.funding_stage, after.last_funding_usd, after.funding_total_usd) == (
            "series_a",
            12_000_000,
            15_500_000,
        )
        assert str(after.last_funding_on)[:10] == "2026-09-14"
        assert (after.employee_count, after.revenue_usd) == (55, 8_000_000)
        assert after.technologies == "Slack, HubSpot"
        assert _history(after.headcount_history)[-1] == [utc_now().date().isoformat(), 55]
        assert employees_of(universe, after.id) == {55}
        # Searchable at once, with the facts shown: the funding filter and the refreshed
        # technologies (SQLite's full-text index, PostgreSQL's generated text vector).
        found = search(
            universe,
            {"funding_stages": ["series_a"], "technologies": ["HubSpot"], "companies": [domain]},
        )
        assert len(found) == 3
        assert all(p["signals"][0].startswith("Series A, September 2026 ($12M") for p in found)
        assert not search(universe, {"technologies": ["Asana"], "companies": [domain]})
        # One technology row per name, kept in step with the text (the technology filter reads
        # them on PostgreSQL); their first-seen day is unknown, so none was "just adopted".
        assert technology_rows(universe, after.id) == [
            ("hubspot", "HubSpot", None),
            ("slack", "Slack", None),
        ]
        assert not search(
            universe,
            {
                "technologies": ["HubSpot"],
                "technologies_added_within_days": 365,
                "companies": [domain],
            },
        )
        load(universe, apollo(domain, 1, Technologies="HubSpot; Google Analytics"), "apollo")
        assert technology_rows(universe, after.id) == [
            ("google analytics", "Google Analytics", None),
            ("hubspot", "HubSpot", None),
        ]
        assert (
            len(search(universe, {"technologies": ["google analytics"], "companies": [domain]}))
            == 3
        )
        assert not search(universe, {"technologies": ["Slack"], "companies": [domain]})

    def test_an_empty_cell_never_clears_a_fact_and_the_same_facts_refresh_nothing(
        self, universe
    ) -> None:
        domain = f"bw{uuid.uuid4().hex[:8]}.example.com"
        funded = {"# Employees": "30", "Latest Funding": "Seed", "Total Funding": "2000000"}
        load(universe, apollo(domain, 1, **funded), "apollo")
        same = load(universe, apollo(domain, 1, **funded), "apollo")
        assert same.duplicates == 1 and same.companies_refreshed == 0
        blank = load(universe, apollo(domain, 2), "apollo")
        assert blank.companies_refreshed == 0 and blank.imported == 1
        after = company(universe, domain)
        assert (after.funding_stage, after.funding_total_usd, after.employee_count) == (
            "seed",
            2_000_000,
            30,
        )

    def test_a_dry_run_counts_the_refresh_and_writes_nothing(self, universe) -> None:
        domain = f"bw{uuid.uuid4().hex[:8]}.example.com"
        load(universe, apollo(domain, 1, **{"# Employees": "12"}), "apollo")
        dry = load(universe, apollo(domain, 1, **{"# Employees": "18"}), "apollo", dry_run=True)
        assert dry.companies_refreshed == 1
        assert company(universe, domain).employee_count == 12


def test_a_generated_company_gets_a_new_headcount_and_its_growth_recomputed(tmp_path) -> None:
    url = f"sqlite:///{tmp_path / 'small.db'}"
    upgrade(url)
    db = Database(make_engine(url))
    try:
        generate(db, 600, 11)
        with db.engine.connect() as conn:
            picked = conn.execute(
                text(
                    "SELECT id, domain, headcount_12m_ago, headcount_6m_ago, growth_12m_pct, "
                    "headcount_history FROM prospect_companies WHERE headcount_12m_ago >= 5 "
                    "AND headcount_6m_ago >= 5 AND domain IS NOT NULL ORDER BY id LIMIT 1"
                )
            ).one()
        grown = picked.headcount_12m_ago * 2
        row = apollo(picked.domain, 1, **{"# Employees": str(grown)})
        outcome = load(db, row, "apollo")
        assert (outcome.companies_matched, outcome.companies_refreshed) == (1, 1)
        after = company(db, picked.domain)
        assert after.growth_12m_pct == 100
        assert after.growth_6m_pct == round(
            (grown - picked.headcount_6m_ago) * 100 / picked.headcount_6m_ago
        )
        history = _history(after.headcount_history)
        today = utc_now().date().isoformat()
        # The day's point (the generator writes one for today) is replaced, earlier ones kept.
        assert history[:-1] == [p for p in _history(picked.headcount_history) if p[0] != today]
        assert history[-1] == [utc_now().date().isoformat(), grown]
        assert employees_of(db, picked.id) == {grown}
        found = search(db, {"headcount_growth_pct": {"min": 100}, "companies": [picked.domain]})
        assert found and all("headcount +100% in 12 months" in p["signals"] for p in found)
    finally:
        db.dispose()


class TestPresetSignalColumns:
    def test_sales_navigator_time_in_position_is_the_role_start(self, universe) -> None:
        domain = f"sn{uuid.uuid4().hex[:8]}.example.com"
        rows = [
            {
                "First Name": "Ines",
                "Last Name": f"Duarte{i}",
                "Job Title": "VP of Marketing",
                "Company": "Lumen Harbor",
                "Company Domain": domain,
                "Email": f"ines{i}@{domain}",
                "Location": "Boston, Massachusetts, United States",
                "Industry": "Computer Software",
                "Time in Position": when,
            }
            for i, when in enumerate(["2 months", "3 years 1 month", "less than a year"])
        ]
        load(universe, rows, "sales-navigator")
        with universe.engine.connect() as conn:
            starts = dict(
                conn.execute(
                    text(
                        "SELECT p.last_name, p.role_started_on FROM prospect_people p "
                        "JOIN prospect_companies c ON c.id = p.company_id WHERE c.domain = :d"
                    ),
                    {"d": domain},
                ).all()
            )
        today = utc_now().date()
        assert str(starts["Duarte0"])[:10] == (today - timedelta(days=60)).isoformat()
        assert str(starts["Duarte1"])[:10] == (today - timedelta(days=3 * 365 + 30)).isoformat()
        assert starts["Duarte2"] is None
        found = search(universe, {"job_change_within_days": 90, "companies": [domain]})
        assert [p["last_name"] for p in found] == ["Duarte0"]
        started = date.fromisoformat(str(starts["Duarte0"])[:10])
        assert found[0]["signals"][0] == f"new in role since {started.strftime('%B %Y')}"

    def test_hubspot_company_funding_and_web_technologies(self, universe) -> None:
        domain = f"hs{uuid.uuid4().hex[:8]}.example.com"
        rows = [
            {
                "First Name": "Tomas",
                "Last Name": "Lindqvist",
                "Email": f"tomas@{domain}",
                "Job Title": "Head of Revenue Operations",
                "Company Name": "Northvane",
                "Company Domain Name": domain,
                "City": "Denver",
                "State/Region": "CO",
                "Country/Region": "United States",
                "Total Money Raised": "31000000",
                "Web Technologies": "HubSpot; Salesforce;Google Analytics",
            }
        ]
        load(universe, rows, "hubspot")
        after = company(universe, domain)
        assert after.funding_total_usd == 31_000_000
        assert after.technologies == "HubSpot, Salesforce, Google Analytics"
        found = search(universe, {"technologies": ["Salesforce"], "companies": [domain]})
        assert [p["last_name"] for p in found] == ["Lindqvist"]
        found = search(universe, {"total_funding_usd": {"min": 30_000_000}, "companies": [domain]})
        assert [p["last_name"] for p in found] == ["Lindqvist"]
