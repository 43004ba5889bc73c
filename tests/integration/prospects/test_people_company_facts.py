"""Company facts copied onto people (each technology of a person's company and its funding
stage, with the person's seniority) stay exactly what the companies say, and a search for a
seniority with a technology or a funding stage, which reads them, finds the same people as the
plain definition over the companies, page by page.

The generator writes the copies, an import adds its people's and rewrites a refreshed company's,
and migration 0019 copies an existing universe's. The same tests run on PostgreSQL with
``LEXI_TEST_DATABASE_URL``.
"""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from sqlalchemy import create_engine, inspect, text

from lexi.db.engine import make_engine
from lexi.db.migrate import downgrade, upgrade
from lexi.db.session import Database
from lexi.prospects import service
from lexi.prospects.filters import ProspectFilters
from tests.helpers.prospect_search import keys, load, read_from_copies, run

# The plain definition of the copies.
DEFINITION = (
    "SELECT 't', t.tech_key, p.seniority, p.id FROM prospect_people p "
    "JOIN prospect_company_technologies t ON t.company_id = p.company_id "
    "UNION ALL "
    "SELECT 'f', c.funding_stage, p.seniority, p.id FROM prospect_people p "
    "JOIN prospect_companies c ON c.id = p.company_id WHERE c.funding_stage IS NOT NULL"
)
COPIES = "SELECT kind, value, seniority, person_id FROM prospect_people_company_facts"


def _copies_match(sql) -> None:  # type: ignore[no-untyped-def]
    expected = [tuple(r) for r in sql(DEFINITION)]
    copies = [tuple(r) for r in sql(COPIES)]
    assert len(copies) == len(expected)
    assert set(copies) == set(expected)


def _uses(db: Database, phrase: str) -> str:
    """Companies whose technologies text holds ``phrase``, as the engine's text index (the
    technology filter's plain definition) finds them."""
    if db.is_sqlite:
        return (
            "p.company_id IN (SELECT rowid FROM prospect_companies_fts WHERE "
            f"prospect_companies_fts MATCH '{{technologies}} : \"{phrase}\"')"
        )
    return (
        "p.company_id IN (SELECT id FROM prospect_companies WHERE to_tsvector('simple', "
        f"coalesce(technologies, '')) @@ phraseto_tsquery('simple', '{phrase}'))"
    )


# (filters, hand-written condition on people p; ``{uses:<phrase>}`` is a technology phrase)
SHAPES = [
    ({"technologies": ["Salesforce"], "seniorities": ["vp"]}, ["salesforce"], "p.seniority = 'vp'"),
    (
        {"technologies": ["Google Workspace", "Slack"], "seniorities": ["vp", "director"]},
        ["google workspace", "slack"],
        "p.seniority IN ('vp', 'director')",
    ),
    ({"technologies": ["cloud"], "seniorities": ["c_suite"]}, ["cloud"], "p.seniority = 'c_suite'"),
    (
        {"funding_stages": ["series_a"], "seniorities": ["founder"]},
        [],
        "p.seniority = 'founder' AND p.company_id IN "
        "(SELECT id FROM prospect_companies WHERE funding_stage = 'series_a')",
    ),
    (
        {"funding_stages": ["seed", "Series A"], "seniorities": ["owner", "founder", "c_suite"]},
        [],
        "p.seniority IN ('owner', 'founder', 'c_suite') AND p.company_id IN "
        "(SELECT id FROM prospect_companies WHERE funding_stage IN ('seed', 'series_a'))",
    ),
]  # fmt: skip


def _expected(db: Database, sql, phrases: list[str], where: str) -> list[int]:  # type: ignore[no-untyped-def]
    if phrases:
        where += " AND (" + " OR ".join(_uses(db, p) for p in phrases) + ")"
    return [r[0] for r in sql(f"SELECT p.id FROM prospect_people p WHERE {where} ORDER BY p.id")]


class TestTheGeneratedUniverse:
    def test_the_copies_are_the_companies_facts(self, universe, sql) -> None:  # type: ignore[no-untyped-def]
        _copies_match(sql)

    @pytest.mark.parametrize(("filters", "phrases", "where"), SHAPES)
    def test_a_search_reading_the_copies_finds_the_plain_definitions_people(  # type: ignore[no-untyped-def]
        self, universe, sql, filters: dict[str, Any], phrases: list[str], where: str
    ) -> None:
        assert read_from_copies(universe, filters)
        expected = _expected(universe, sql, phrases, where)
        assert expected
        whole = run(universe, {**filters, "limit": 10_000})
        assert whole.total == len(expected)
        assert keys(whole) == expected
        with universe.unit_of_work(write=False) as session:
            assert service.count(session, ProspectFilters.parse(filters)) == len(expected)
        for offset in sorted({0, 7, len(expected) // 2, max(len(expected) - 3, 0)}):
            page = run(universe, {**filters, "limit": 7}, offset=offset)
            assert page.total == len(expected)
            assert keys(page) == expected[offset : offset + 7]

    def test_a_technology_no_company_uses_finds_nobody(self, universe) -> None:  # type: ignore[no-untyped-def]
        filters = {"technologies": ["Quantum Abacus"], "seniorities": ["vp"]}
        assert read_from_copies(universe, filters)
        assert run(universe, filters).total == 0

    def test_other_filters_read_the_companies_as_before(self, universe) -> None:  # type: ignore[no-untyped-def]
        for filters in (
            {"technologies": ["Salesforce"]},
            {"technologies": ["Salesforce"], "seniorities": ["vp"], "locations": ["US"]},
            {"technologies": ["Salesforce"], "funding_stages": ["seed"], "seniorities": ["vp"]},
            {"funding_stages": ["seed"], "last_funding": {"after": "2020-01-01"}, "seniorities": ["vp"]},
            {"titles": ["CEO"], "technologies": ["Salesforce"]},
        ):  # fmt: skip
            assert not read_from_copies(universe, filters), filters


def apollo(domain: str, people: list[tuple[str, str]], **company: str) -> list[dict[str, Any]]:
    return [
        {
            "First Name": first,
            "Last Name": "Facts",
            "Title": title,
            "Company": f"Facts {domain}",
            "Email": f"{first.lower()}@{domain}",
            "Email Status": "Verified",
            "Website": f"https://www.{domain}",
            "Industry": "Computer Software",
            "Country": "United States",
            **company,
        }
        for first, title in people
    ]


class TestImportsKeepTheCopies:
    def test_new_people_and_a_refreshed_company(self, universe, sql) -> None:  # type: ignore[no-untyped-def]
        domain = f"facts{uuid.uuid4().hex[:8]}.example.com"
        tech = f"Facttool{uuid.uuid4().hex[:6]}"
        vps = {"technologies": [tech], "seniorities": ["vp"]}
        seed_founders = {"funding_stages": ["seed"], "seniorities": ["founder"], "limit": 10_000}
        load(
            universe,
            apollo(
                domain,
                [("Ada", "VP of Sales"), ("Bo", "Founder")],
                Technologies=f"{tech}, Slack",
                **{"Latest Funding": "Seed"},
            ),
        )
        _copies_match(sql)
        assert read_from_copies(universe, vps)
        assert run(universe, vps).total == 1
        founders = {p["full_name"] for p in run(universe, seed_founders).prospects}
        assert "Bo Facts" in founders
        # The company's stack and funding change with a newer export (and a person joins).
        load(
            universe,
            apollo(
                domain,
                [("Ada", "VP of Sales"), ("Cy", "VP Engineering")],
                Technologies="Slack, HubSpot",
                **{"Latest Funding": "Series A"},
            ),
        )
        _copies_match(sql)
        assert run(universe, vps).total == 0
        again = {p["full_name"] for p in run(universe, seed_founders).prospects}
        assert "Bo Facts" not in again
        series_a = {"funding_stages": ["series_a"], "seniorities": ["founder"], "limit": 10_000}
        assert "Bo Facts" in {p["full_name"] for p in run(universe, series_a).prospects}
        hubspot = {"technologies": ["HubSpot"], "seniorities": ["vp"], "companies": [domain]}
        assert {p["full_name"] for p in run(universe, hubspot).prospects} == {
            "Ada Facts",
            "Cy Facts",
        }


# Migration 0019 on a universe written before it.
COMPANIES = [
    (1, "Salesforce, Slack", "series_a", [("salesforce", "Salesforce"), ("slack", "Slack")]),
    (2, "HubSpot", None, [("hubspot", "HubSpot")]),
    (3, None, "seed", []),
]
PEOPLE = [(1, 1, "vp"), (2, 1, "founder"), (3, 2, "vp"), (4, 3, "founder"), (5, None, "vp")]


def _migrate(url: str) -> None:
    upgrade(url, "0018")
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            for cid, techs, stage, rows in COMPANIES:
                conn.execute(
                    text(
                        "INSERT INTO prospect_companies (id, name, technologies, funding_stage) "
                        "VALUES (:i, :n, :t, :s)"
                    ),
                    {"i": cid, "n": f"Company {cid}", "t": techs, "s": stage},
                )
                for key, name in rows:
                    conn.execute(
                        text(
                            "INSERT INTO prospect_company_technologies (company_id, tech_key, "
                            "technology, first_seen_on) VALUES (:c, :k, :n, NULL)"
                        ),
                        {"c": cid, "k": key, "n": name},
                    )
            for pid, cid, seniority in PEOPLE:
                conn.execute(
                    text(
                        "INSERT INTO prospect_people (id, company_id, seniority, department, "
                        "email_status) VALUES (:i, :c, :s, 'sales', 'verified')"
                    ),
                    {"i": pid, "c": cid, "s": seniority},
                )
            if url.startswith("sqlite"):  # the full-text index the writers keep
                fts = "prospect_companies_fts"
                conn.execute(text(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')"))
        upgrade(url, "0019")
        with engine.connect() as conn:
            rows = conn.execute(text(COPIES + " ORDER BY 1, 2, 3, 4")).all()
        assert [tuple(r) for r in rows] == [
            ("f", "seed", "founder", 4),
            ("f", "series_a", "founder", 2),
            ("f", "series_a", "vp", 1),
            ("t", "hubspot", "vp", 3),
            ("t", "salesforce", "founder", 2),
            ("t", "salesforce", "vp", 1),
            ("t", "slack", "founder", 2),
            ("t", "slack", "vp", 1),
        ]
        downgrade(url, "0018")
        assert "prospect_people_company_facts" not in inspect(engine).get_table_names()
    finally:
        engine.dispose()


def test_the_migration_copies_an_existing_universe_sqlite(tmp_path) -> None:  # type: ignore[no-untyped-def]
    _migrate(f"sqlite:///{tmp_path / 'm.db'}")


@pytest.mark.postgres
def test_the_migration_copies_an_existing_universe_postgres(postgres_url: str) -> None:
    _migrate(postgres_url)


def test_search_without_current_copies_reads_the_companies(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """People written outside the writers (no mark): the copies are not read."""
    url = f"sqlite:///{tmp_path / 'n.db'}"
    _migrate(url)
    upgrade(url, "head")
    db = Database(make_engine(url, null_pool=True))
    try:
        assert not read_from_copies(db, {"technologies": ["Salesforce"], "seniorities": ["vp"]})
        assert run(db, {"technologies": ["Salesforce"], "seniorities": ["vp"]}).total == 1
    finally:
        db.dispose()
