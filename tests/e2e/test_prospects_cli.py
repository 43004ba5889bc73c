"""The `lexi prospects` commands: generate a universe, import a file, search it.

Each story runs the real commands (typer's CliRunner, in process) against a fresh SQLite file.
"""

from __future__ import annotations

import json

import pytest
from sqlalchemy import create_engine, text
from typer.testing import CliRunner

from lexi.cli import app
from lexi.db.migrate import upgrade

runner = CliRunner()


def run(*args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args))


@pytest.fixture
def url(tmp_path) -> str:  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path / 'universe.db'}"
    upgrade(url)
    return url


def rows(url: str, query: str) -> list:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return conn.execute(text(query)).all()
    finally:
        engine.dispose()


class TestGenerate:
    def test_writes_the_universe_and_reports_throughput(self, url) -> None:  # type: ignore[no-untyped-def]
        result = run(
            "prospects",
            "generate",
            "--people",
            "1500",
            "--seed",
            "3",
            "--quiet",
            "--database-url",
            url,
        )
        assert result.exit_code == 0, result.output
        assert result.stdout.startswith("1,500 people, ")
        assert rows(url, "SELECT count(*) FROM prospect_people")[0][0] == 1500

    def test_refuses_to_overwrite_unless_asked(self, url) -> None:  # type: ignore[no-untyped-def]
        assert (
            run(
                "prospects", "generate", "--people", "200", "--quiet", "--database-url", url
            ).exit_code
            == 0
        )
        first = rows(url, "SELECT id, email FROM prospect_people ORDER BY id")
        again = run("prospects", "generate", "--people", "200", "--quiet", "--database-url", url)
        assert again.exit_code == 1 and again.stderr.startswith(
            "error: The prospect universe already holds"
        )
        replaced = run(
            "prospects",
            "generate",
            "--people",
            "200",
            "--quiet",
            "--replace",
            "--database-url",
            url,
        )
        assert replaced.exit_code == 0
        assert rows(url, "SELECT id, email FROM prospect_people ORDER BY id") == first

    def test_search_prints_matches(self, url) -> None:  # type: ignore[no-untyped-def]
        run("prospects", "generate", "--people", "800", "--quiet", "--database-url", url)
        result = run(
            "prospects",
            "search",
            json.dumps({"titles": ["CEO"], "limit": 3}),
            "--database-url",
            url,
        )
        assert result.exit_code == 0, result.output
        assert "matching people; the first 3:" in result.stdout and " at " in result.stdout

    def test_search_words_instead_of_json_are_answered_with_an_example(self, url) -> None:  # type: ignore[no-untyped-def]
        result = run("prospects", "search", "CEOs at law firms", "--database-url", url)
        assert result.exit_code == 2
        assert "filters are JSON, e.g." in result.stderr and '{"titles": ["CEO"]' in result.stderr
        assert "lexi chat" in result.stderr


class TestImport:
    def test_imports_a_csv_with_a_mapping_and_reports_bad_rows(self, url, tmp_path) -> None:  # type: ignore[no-untyped-def]
        path = tmp_path / "people.csv"
        path.write_text(
            "Who,Mail,Job\nAda Lovelace,ada@engines.io,CTO\nBad Row,nope,CEO\n", encoding="utf-8"
        )
        result = run(
            "prospects",
            "import",
            str(path),
            "--map",
            "full_name=Who",
            "--map",
            "email=Mail",
            "--map",
            "job_title=Job",
            "--database-url",
            url,
        )
        assert result.exit_code == 0, result.output
        assert "imported 1, duplicates 0, errors 1" in result.stdout
        assert "row 2: email: Not an email address" in result.stdout
        assert rows(url, "SELECT email, seniority FROM prospect_people") == [
            ("ada@engines.io", "c_suite")
        ]

    def test_non_utf8_file_is_an_error_unless_the_encoding_is_given(self, url, tmp_path) -> None:  # type: ignore[no-untyped-def]
        path = tmp_path / "latin.csv"
        path.write_bytes("name,email\nJosé Núñez,jose@acme.es\n".encode("latin-1"))
        refused = run("prospects", "import", str(path), "--database-url", url)
        assert refused.exit_code == 1 and "not valid utf-8" in refused.stderr
        accepted = run(
            "prospects", "import", str(path), "--encoding", "latin-1", "--database-url", url
        )
        assert accepted.exit_code == 0, accepted.output
        assert rows(url, "SELECT first_name, last_name FROM prospect_people") == [("José", "Núñez")]

    def test_jsonl_report_as_json(self, url, tmp_path) -> None:  # type: ignore[no-untyped-def]
        path = tmp_path / "people.jsonl"
        path.write_text('{"name": "J L", "email": "jl@x-corp.com"}\n{oops\n', encoding="utf-8")
        result = run("prospects", "import", str(path), "--json", "--database-url", url)
        report = json.loads(result.stdout)
        assert report["imported"] == 1 and report["errors"][0]["row"] == 2


class TestStats:
    def test_prints_the_distributions(self, url) -> None:  # type: ignore[no-untyped-def]
        assert (
            run(
                "prospects",
                "generate",
                "--people",
                "3000",
                "--seed",
                "5",
                "--quiet",
                "--database-url",
                url,
            ).exit_code
            == 0
        )
        result = run("prospects", "stats", "--database-url", url)
        assert result.exit_code == 0, result.output
        out = result.stdout
        assert out.startswith("3,000 people, ")
        for section in (
            "Company size",
            "Seniority",
            "Department",
            "Email status",
            "Countries",
            "Places",
            "Away from their company's HQ city",
            "Commonest titles",
            "Last funding round by company size",
            "Last funding round by company age",
            "Last funding round by industry group",
            "Year of the last funding round",
            "Total raised",
            "Headcount growth over 12 months",
            "Headcount growth over 6 months",
            "Open job postings",
            "by seniority:",
            "New in role",
            "Role starts per year",
            "by technology (companies):",
        ):
            assert section in out, section

    def test_json_totals_match_the_tables(self, url) -> None:  # type: ignore[no-untyped-def]
        assert (
            run(
                "prospects",
                "generate",
                "--people",
                "3000",
                "--seed",
                "5",
                "--quiet",
                "--database-url",
                url,
            ).exit_code
            == 0
        )
        result = run("prospects", "stats", "--json", "--database-url", url)
        assert result.exit_code == 0, result.output
        data = json.loads(result.stdout)
        people = rows(url, "SELECT count(*) FROM prospect_people")[0][0]
        companies = rows(url, "SELECT count(*) FROM prospect_companies")[0][0]
        assert (data["people"], data["companies"]) == (people, companies)
        assert sum(r["companies"] for r in data["sizes"]) == companies
        assert sum(r["people"] for r in data["sizes"]) == people
        assert sum(data["email_statuses"].values()) == people
        assert sum(data["seniorities"].values()) == people
        by_size = data["signals"]["funding_by_size"]
        assert sum(sum(r["stages"].values()) for r in by_size) == companies
        for key in ("funding_by_age", "funding_by_sector"):
            assert sum(sum(r["stages"].values()) for r in data["signals"][key]) == companies, key
        for key in ("total_funding", "growth_12m", "growth_6m"):
            assert sum(data["signals"][key].values()) == companies, key
        away = rows(url, "SELECT count(*) FROM prospect_people WHERE loc <> company_loc")[0][0]
        assert data["away_from_hq"]["other_city"] == away
        assert data["titles_by_industry"] and all(
            block["titles"] for block in data["titles_by_industry"]
        )
