"""`lexi prospects import FILE --format apollo|sales-navigator|hubspot`: real exports' columns in.

The sample files in tests/data/imports are shaped like the tools' own CSV exports (every column
they write, in their order, with their quirks: Apollo's quoted phones and email statuses, Sales
Navigator's one-cell locations, HubSpot's "State/Region"); each holds a duplicate and a bad row.
"""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from typer.testing import CliRunner

from lexi.cli import app
from lexi.db.migrate import upgrade
from lexi.kit.clock import utc_now

DATA = Path(__file__).resolve().parents[1] / "data" / "imports"
runner = CliRunner()


@pytest.fixture
def url(tmp_path) -> str:  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path / 'imports.db'}"
    upgrade(url)
    return url


def run_import(url: str, name: str, fmt: str, *extra: str) -> dict:
    result = runner.invoke(
        app,
        [
            "prospects",
            "import",
            str(DATA / name),  # a sample's name, or any path
            "--format",
            fmt,
            "--json",
            "--database-url",
            url,
            *extra,
        ],
    )
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout[result.stdout.index("{") :])


def rows(url: str, query: str) -> list:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return conn.execute(text(query)).all()
    finally:
        engine.dispose()


def people(url: str) -> dict[str, dict]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            rows = (
                conn.execute(
                    text(
                        "SELECT p.first_name, p.last_name, t.title, p.seniority, p.department, p.email, "
                        "p.email_status, p.phone, p.city, p.state, p.country, p.loc, p.company_loc, "
                        "p.linkedin_url, p.industry, p.employees, c.name AS company, c.domain "
                        "FROM prospect_people p LEFT JOIN prospect_titles t ON t.id = p.title_id "
                        "LEFT JOIN prospect_companies c ON c.id = p.company_id"
                    )
                )
                .mappings()
                .all()
            )
    finally:
        engine.dispose()
    return {f"{r['first_name']} {r['last_name']}": dict(r) for r in rows}


class TestApollo:
    def test_people_export(self, url) -> None:  # type: ignore[no-untyped-def]
        report = run_import(url, "apollo_people.csv", "apollo")
        assert report["imported"] == 5 and report["duplicates"] == 1
        assert report["duplicate_rows"] == [6]
        assert report["errors"] == [{"row": 7, "errors": {"email": "Not an email address"}}]
        got = people(url)
        dana = got["Dana Whitlock"]
        assert (dana["title"], dana["seniority"], dana["department"]) == (
            "Chief Financial Officer",
            "c_suite",
            "finance",
        )
        assert dana["email_status"] == "verified" and dana["phone"] == "+1 415-555-0134"
        assert (dana["loc"], dana["company_loc"]) == ("US|CA|San Francisco", "US|CA|San Francisco")
        assert dana["industry"] == "Computer Software" and dana["employees"] == 240
        assert dana["domain"] == "quarryridge-analytics.com"
        engine = create_engine(url)
        with engine.connect() as conn:
            funding = conn.execute(
                text(
                    "SELECT funding_stage, last_funding_on, last_funding_usd, funding_total_usd, technologies "
                    "FROM prospect_companies WHERE domain = 'quarryridge-analytics.com'"
                )
            ).one()
        engine.dispose()
        assert funding[0] == "series_a" and str(funding[1]) == "2024-03-01"
        assert tuple(funding[2:]) == (12_000_000, 12_000_000, "Salesforce, AWS, Slack")
        assert dana["linkedin_url"] == "https://www.linkedin.com/in/dana-whitlock-4b21a9"
        marcus = got["Marcus Oyelaran"]
        assert marcus["email_status"] == "guessed"  # Apollo's "Extrapolated"
        assert (marcus["loc"], marcus["company_loc"]) == ("US|CA|Oakland", "US|CA|San Francisco")
        helena = got["Helena Brandt"]
        assert (helena["seniority"], helena["department"]) == ("partner", "legal")
        assert helena["loc"] == "DE||Munich"  # "Bavaria" is not a region the gazetteer keys
        priya = got["Priya Raman"]
        assert (priya["title"], priya["seniority"], priya["department"]) == (
            "Controller",
            "director",
            "finance",
        )
        tom = got["Tom Ellery"]
        assert (
            tom["industry"] is None
        )  # "software development" is not a taxonomy industry: left out
        assert tom["loc"] == "GB||London"


class TestSalesNavigator:
    def test_lead_export(self, url) -> None:  # type: ignore[no-untyped-def]
        report = run_import(url, "sales_navigator_leads.csv", "sales-navigator")
        assert report["imported"] == 4 and report["duplicates"] == 1  # the same profile URL
        assert report["errors"] == [
            {"row": 6, "errors": {"linkedin_url": "Not a LinkedIn profile URL"}}
        ]
        got = people(url)
        aisha = got["Aisha Nwosu"]
        assert (aisha["seniority"], aisha["department"]) == ("c_suite", "engineering")
        assert (aisha["city"], aisha["state"], aisha["country"]) == ("New York", "NY", "US")
        assert aisha["email"] is None and aisha["email_status"] == "unavailable"
        assert aisha["employees"] == 51
        assert got["Lukas Brenner"]["loc"] == "CH||Zürich"
        grace = got["Grace Whitfield"]
        assert (grace["loc"], grace["company_loc"]) == ("GB||London", "GB||Manchester")
        assert got["Diego Salazar"]["loc"] == "US|MI|Detroit"  # "Greater Detroit Area"
        # "Time in Position" is when the role began: "2 years 3 months" before the import.
        started = rows(url, "SELECT role_started_on FROM prospect_people WHERE last_name = 'Nwosu'")
        expected = utc_now().date() - timedelta(days=2 * 365 + 3 * 30)
        assert str(started[0][0])[:10] == expected.isoformat()


class TestCompaniesWithoutWebsites:
    """A Sales Navigator export names companies but gives no website: people at one company,
    however its name is written, share it; same-named companies in two countries do not."""

    COMPANIES = (
        "SELECT c.name, c.domain, c.country, count(p.id) FROM prospect_companies c "
        "LEFT JOIN prospect_people p ON p.company_id = c.id GROUP BY c.id, c.name, c.domain, "
        "c.country ORDER BY c.id"
    )

    def test_one_company_per_real_company(self, url) -> None:  # type: ignore[no-untyped-def]
        report = run_import(url, "sales_navigator_accounts.csv", "sales-navigator")
        assert (report["imported"], report["duplicates"], report["duplicate_rows"]) == (10, 1, [11])
        assert report["errors"] == [
            {"row": 12, "errors": {"linkedin_url": "Not a LinkedIn profile URL"}}
        ]
        assert (report["companies_created"], report["companies_matched"]) == (4, 0)
        assert rows(url, self.COMPANIES) == [
            # "Acme Corp", "ACME Corporation", "Acme Corp.", "acme corp"; a work email gave the domain
            ("Acme Corp", "acmecorp.com", "US", 5),
            ("The Harbor & Pine Company", None, "GB", 2),  # and "Harbor and Pine"
            ("Northwind Trading GmbH", None, "DE", 2),  # and Felix in Munich, whose row has no HQ
            ("Northwind Trading, Inc.", None, "US", 1),
        ]
        got = people(url)
        assert got["Jonas Weber"]["company_loc"] == "US|CA|San Francisco"  # his company's HQ
        assert got["Felix Braun"]["company"] == "Northwind Trading GmbH"

    def test_importing_it_again_adds_nothing(self, url) -> None:  # type: ignore[no-untyped-def]
        first = run_import(url, "sales_navigator_accounts.csv", "sales-navigator")
        before = rows(url, self.COMPANIES)
        again = run_import(url, "sales_navigator_accounts.csv", "sales-navigator")
        assert (again["imported"], again["duplicates"], again["companies_created"]) == (0, 11, 0)
        assert (again["companies_matched"], again["companies_refreshed"]) == (4, 0)
        assert again["errors"] == first["errors"]
        assert rows(url, self.COMPANIES) == before
        assert rows(url, "SELECT count(*) FROM prospect_people") == [(10,)]

    def test_a_later_export_with_websites_fills_the_domain_in(self, url, tmp_path) -> None:  # type: ignore[no-untyped-def]
        run_import(url, "sales_navigator_accounts.csv", "sales-navigator")
        later = tmp_path / "apollo.csv"
        later.write_text(
            "First Name,Last Name,Title,Company,Email,Website,Company Country,# Employees\n"
            "Ivy,Shaw,Head of Design,Harbor & Pine Ltd,ivy@harborandpine.co.uk,"
            "https://www.harborandpine.co.uk,United Kingdom,14\n",
            encoding="utf-8",
        )
        report = run_import(url, str(later), "apollo")
        assert (report["imported"], report["companies_created"]) == (1, 0)
        assert (report["companies_matched"], report["companies_refreshed"]) == (1, 1)
        assert rows(url, self.COMPANIES)[1] == (
            "The Harbor & Pine Company",
            "harborandpine.co.uk",
            "GB",
            3,
        )
        assert rows(
            url,
            "SELECT DISTINCT employees FROM prospect_people p JOIN prospect_companies c "
            "ON c.id = p.company_id WHERE c.domain = 'harborandpine.co.uk'",
        ) == [(14,)]

    def test_the_progress_bar_counts_every_row_read(self, url) -> None:  # type: ignore[no-untyped-def]
        result = runner.invoke(
            app,
            [
                "prospects",
                "import",
                str(DATA / "sales_navigator_accounts.csv"),
                "--format",
                "sales-navigator",
                "--database-url",
                url,
            ],
        )
        assert result.exit_code == 0, result.output
        assert "12/12" in result.stderr  # the bad row too
        assert "imported 10, duplicates 1, errors 1, companies created 4" in result.stdout
        assert "row 12: linkedin_url: Not a LinkedIn profile URL" in result.stdout


class TestHubSpot:
    def test_contacts_export(self, url) -> None:  # type: ignore[no-untyped-def]
        report = run_import(url, "hubspot_contacts.csv", "hubspot")
        assert report["imported"] == 4 and report["duplicates"] == 1  # same email, other case
        assert report["errors"] == [
            {
                "row": 5,
                "errors": {"full_name": "A name is required (full_name, or first_name/last_name)"},
            }
        ]
        got = people(url)
        beatrice = got["Beatrice Okafor"]
        assert (beatrice["seniority"], beatrice["department"]) == ("c_suite", "operations")
        assert beatrice["loc"] == "US|IL|Chicago" and beatrice["phone"] == "+1 (312) 555-0199"
        kenji = got["Kenji Morimoto"]
        assert kenji["domain"] == "tidewaterfreight.com"  # from "Website URL"
        assert kenji["phone"] == "+1 713 555 0101"  # the mobile when there is no phone
        assert got["Owen Price"]["industry"] is None  # "Dentists" is not a taxonomy industry


class TestAcrossPresets:
    def test_the_same_person_from_two_tools_is_imported_once(self, url) -> None:  # type: ignore[no-untyped-def]
        run_import(url, "hubspot_contacts.csv", "hubspot")
        again = run_import(url, "hubspot_contacts.csv", "hubspot")
        assert again["imported"] == 0 and again["duplicates"] == 5

    def test_map_does_not_apply_to_a_preset(self, url) -> None:  # type: ignore[no-untyped-def]
        result = runner.invoke(
            app,
            [
                "prospects",
                "import",
                str(DATA / "hubspot_contacts.csv"),
                "--format",
                "hubspot",
                "--map",
                "job_title=Title",
                "--database-url",
                url,
            ],
        )
        assert result.exit_code == 2 and "--map does not apply" in result.output

    def test_unknown_format_is_refused(self, url) -> None:  # type: ignore[no-untyped-def]
        result = runner.invoke(
            app,
            [
                "prospects",
                "import",
                str(DATA / "hubspot_contacts.csv"),
                "--format",
                "salesforce",
                "--database-url",
                url,
            ],
        )
        assert result.exit_code == 2 and "apollo|sales-navigator|hubspot|csv|jsonl" in result.output

    def test_dry_run_writes_nothing(self, url) -> None:  # type: ignore[no-untyped-def]
        report = run_import(url, "apollo_people.csv", "apollo", "--dry-run")
        assert report["dry_run"] is True and report["imported"] == 5
        assert people(url) == {}


def test_every_preset_column_is_documented() -> None:
    from lexi.prospects.presets import PRESETS

    doc = (Path(__file__).resolve().parents[2] / "docs" / "imports.md").read_text(encoding="utf-8")
    for name, preset in PRESETS.items():
        assert f"--format {name}" in doc
        for column in preset.columns:
            assert f"| {column} |" in doc, (name, column)
