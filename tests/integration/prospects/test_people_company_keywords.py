"""Keyword matches copied onto people (PostgreSQL): for each listed phrase, the people whose
company's name, description or keywords hold it, as the keyword filter's text search finds them.

A search for keywords with seniorities (or none), the people's own places and people left out
reads them, and finds the same people as the plain definition over the companies' text, page by
page, on both engines (SQLite lists no phrase and reads its full-text index, as before). The
generator lists the phrases and writes the copies, an import adds its people's, a company whose
text changes has its people's written again, and migration 0021 copies an existing universe's.
The same tests run on PostgreSQL with ``LEXI_TEST_DATABASE_URL``.
"""

from __future__ import annotations

import math
import re
import uuid
from collections import Counter
from typing import Any

import pytest
from sqlalchemy import create_engine, inspect, text

from lexi.db.migrate import downgrade, upgrade
from lexi.db.session import Database
from lexi.prospects import service
from lexi.prospects.filters import ProspectFilters
from lexi.prospects.repository import ProspectRepository
from tests.helpers.prospect_search import keys, load, read_from_copies, run

COPIES = "SELECT phrase, seniority, person_id, loc FROM prospect_people_company_keywords"
# The plain definition of the copies on PostgreSQL: each listed phrase's people, found by the
# text search the keyword filter runs.
DEFINITION = (
    "SELECT v.phrase, p.seniority, p.id, p.loc FROM prospect_keyword_phrases v "
    "JOIN prospect_companies c ON to_tsvector('simple', coalesce(c.name, '') || ' ' || "
    "coalesce(c.description, '') || ' ' || coalesce(c.keywords, '')) "
    "@@ phraseto_tsquery('simple', v.phrase) "
    "JOIN prospect_people p ON p.company_id = c.id"
)


def _copies_match(db: Database, sql) -> None:  # type: ignore[no-untyped-def]
    copies = [tuple(r) for r in sql(COPIES)]
    if db.is_sqlite:
        assert copies == []
        return
    expected = [tuple(r) for r in sql(DEFINITION)]
    assert copies
    assert len(copies) == len(expected)
    assert set(copies) == set(expected)


def _text(db: Database, phrase: str) -> str:
    """Companies whose name, description or keywords hold ``phrase``, as the engine's text index
    finds them (the keyword filter's plain definition)."""
    if db.is_sqlite:
        return (
            "p.company_id IN (SELECT rowid FROM prospect_companies_fts WHERE "
            f"prospect_companies_fts MATCH '{{name description keywords}} : \"{phrase}\"')"
        )
    return (
        "p.company_id IN (SELECT id FROM prospect_companies WHERE to_tsvector('simple', "
        "coalesce(name, '') || ' ' || coalesce(description, '') || ' ' || coalesce(keywords, '')) "
        f"@@ phraseto_tsquery('simple', '{phrase}'))"
    )


US = "(p.loc >= 'US|' AND p.loc < 'US}')"
# (filters, phrases, hand-written condition on people p besides the phrases)
SHAPES = [
    ({"keywords": ["cybersecurity"], "seniorities": ["vp"], "locations": ["US"]}, ["cybersecurity"], f"p.seniority = 'vp' AND {US}"),
    ({"keywords": ["Legal Automation"]}, ["legal automation"], "1 = 1"),
    (
        {"keywords": ["litigation", "tax law"], "seniorities": ["partner", "c_suite"]},
        ["litigation", "tax law"],
        "p.seniority IN ('partner', 'c_suite')",
    ),
    (
        {
            "keywords": ["saas"],
            "seniorities": ["entry", "senior", "manager"],
            "locations": ["CA, US", "GB"],
        },
        ["saas"],
        "p.seniority IN ('entry', 'senior', 'manager') AND ((p.loc >= 'US|CA|' AND "
        "p.loc < 'US|CA}') OR (p.loc >= 'GB|' AND p.loc < 'GB}'))",
    ),
    ({"keywords": ["machine learning"], "exclude_locations": ["US"]}, ["machine learning"], f"(p.loc IS NULL OR NOT {US})"),
    ({"keywords": ["devops", "Cybersecurity"]}, ["devops", "cybersecurity"], "1 = 1"),
]  # fmt: skip


def _expected(db: Database, sql, phrases: list[str], where: str) -> list[int]:  # type: ignore[no-untyped-def]
    where += " AND (" + " OR ".join(_text(db, p) for p in phrases) + ")"
    return [r[0] for r in sql(f"SELECT p.id FROM prospect_people p WHERE {where} ORDER BY p.id")]


class TestTheGeneratedUniverse:
    def test_the_listed_phrases_are_the_tags_one_company_in_a_thousand_carries(  # type: ignore[no-untyped-def]
        self, universe, sql
    ) -> None:
        listed = [r[0] for r in sql("SELECT phrase FROM prospect_keyword_phrases ORDER BY 1")]
        if universe.is_sqlite:
            assert listed == []
            return
        carried: Counter[str] = Counter()
        for (keywords,) in sql("SELECT keywords FROM prospect_companies"):
            for tag in (keywords or "").split(","):
                phrase = " ".join(re.findall(r"\w+", tag.lower()))
                if phrase:
                    carried[phrase] += 1
        companies = sql("SELECT count(*) FROM prospect_companies")[0][0]
        least = max(1, math.ceil(companies / 1000))
        assert listed == sorted(p for p, n in carried.items() if n >= least)
        assert {"cybersecurity", "legal automation", "saas", "tax law"} <= set(listed)

    def test_the_copies_are_the_text_searchs_matches(self, universe, sql) -> None:  # type: ignore[no-untyped-def]
        _copies_match(universe, sql)

    @pytest.mark.parametrize(("filters", "phrases", "where"), SHAPES)
    def test_a_keyword_search_finds_the_plain_definitions_people(  # type: ignore[no-untyped-def]
        self, universe, sql, filters: dict[str, Any], phrases: list[str], where: str
    ) -> None:
        assert read_from_copies(universe, filters) == (not universe.is_sqlite)
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

    def test_other_filters_and_unlisted_phrases_read_the_companies_as_before(  # type: ignore[no-untyped-def]
        self, universe, sql
    ) -> None:
        for filters in (
            {"keywords": ["cybersecurity"], "departments": ["sales"]},
            {"keywords": ["cybersecurity"], "titles": ["CEO"]},
            {"keywords": ["cybersecurity"], "company_locations": ["US"]},
            {"keywords": ["cybersecurity"], "technologies": ["Salesforce"]},
            {"keywords": ["cybersecurity", "boutique"], "seniorities": ["vp"]},
        ):  # fmt: skip
            assert not read_from_copies(universe, filters), filters
        # A word of the descriptions that is no tag: the text index, same people.
        filters = {"keywords": ["boutique"], "seniorities": ["vp"], "limit": 10_000}
        expected = _expected(universe, sql, ["boutique"], "p.seniority = 'vp'")
        assert keys(run(universe, filters)) == expected


def apollo(domain: str, company: str, people: list[tuple[str, str]]) -> list[dict[str, Any]]:
    return [
        {
            "First Name": first,
            "Last Name": "Keywords",
            "Title": title,
            "Company": company,
            "Email": f"{first.lower()}@{domain}",
            "Email Status": "Verified",
            "Website": f"https://www.{domain}",
            "Industry": "Computer Software",
            "Country": "United States",
            "City": "Austin",
            "State": "Texas",
        }
        for first, title in people
    ]


class TestWritersKeepTheCopies:
    def test_new_people_and_a_company_whose_text_changes(self, universe, sql) -> None:  # type: ignore[no-untyped-def]
        domain = f"kw{uuid.uuid4().hex[:8]}.example.com"
        vps = {"keywords": ["cybersecurity"], "seniorities": ["vp"], "locations": ["TX, US"]}
        before = {p["full_name"] for p in run(universe, {**vps, "limit": 10_000}).prospects}
        assert "Ada Keywords" not in before
        load(universe, apollo(domain, "Bastion Cybersecurity", [("Ada", "VP of Sales")]))
        _copies_match(universe, sql)
        assert read_from_copies(universe, vps) == (not universe.is_sqlite)
        found = {p["full_name"] for p in run(universe, {**vps, "limit": 10_000}).prospects}
        assert found == before | {"Ada Keywords"}
        # A second file adds a person to the company: their copies come with them.
        load(universe, apollo(domain, "Bastion Cybersecurity", [("Bo", "VP Engineering")]))
        _copies_match(universe, sql)
        found = {p["full_name"] for p in run(universe, {**vps, "limit": 10_000}).prospects}
        assert found == before | {"Ada Keywords", "Bo Keywords"}
        if universe.is_sqlite:
            return  # SQLite re-indexes a company's text for its technologies only
        # The company's description changes: its people's copies follow.
        with universe.unit_of_work() as session:
            repo = ProspectRepository(session)
            company = repo.companies_by_domain([domain])[domain]
            repo.refresh_company(
                company,
                {"name": "Bastion", "description": "Bastion builds legal automation tools."},
            )
        _copies_match(universe, sql)
        found = {p["full_name"] for p in run(universe, {**vps, "limit": 10_000}).prospects}
        assert found == before
        legal = {"keywords": ["legal automation"], "seniorities": ["vp"], "limit": 10_000}
        assert {"Ada Keywords", "Bo Keywords"} <= {
            p["full_name"] for p in run(universe, legal).prospects
        }


# Migration 0021 on a universe written before it.
COMPANIES = [
    (1, "Aegis", "Aegis is a software company building cybersecurity.", "cybersecurity, saas"),
    (2, "Ledger Cybersecurity", None, None),
    (3, "Quill", "Quill builds legal automation.", "legal automation, e-commerce platform"),
    (4, "Plain", "Nothing to see.", "saas"),
]
PEOPLE = [
    (1, 1, "vp", "US|TX|Austin"),
    (2, 2, "vp", None),
    (3, 3, "founder", "GB||London"),
    (4, 4, "vp", "US|CA|San Francisco"),
    (5, None, "vp", "US|NY|New York"),
]


def _migrate(url: str) -> None:
    upgrade(url, "0020")
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            for cid, name, description, keywords in COMPANIES:
                conn.execute(
                    text(
                        "INSERT INTO prospect_companies (id, name, description, keywords) "
                        "VALUES (:i, :n, :d, :k)"
                    ),
                    {"i": cid, "n": name, "d": description, "k": keywords},
                )
            for pid, cid, seniority, loc in PEOPLE:
                conn.execute(
                    text(
                        "INSERT INTO prospect_people (id, company_id, seniority, department, "
                        "email_status, loc) VALUES (:i, :c, :s, 'sales', 'verified', :l)"
                    ),
                    {"i": pid, "c": cid, "s": seniority, "l": loc},
                )
        upgrade(url, "0021")
        with engine.connect() as conn:
            phrases = [
                r[0] for r in conn.execute(text("SELECT phrase FROM prospect_keyword_phrases"))
            ]
            rows = [tuple(r) for r in conn.execute(text(COPIES + " ORDER BY 1, 2, 3"))]
        if url.startswith("sqlite"):
            assert (phrases, rows) == ([], [])
        else:
            assert sorted(phrases) == [
                "cybersecurity",
                "e commerce platform",
                "legal automation",
                "saas",
            ]
            assert rows == [
                ("cybersecurity", "vp", 1, "US|TX|Austin"),
                ("cybersecurity", "vp", 2, None),
                ("e commerce platform", "founder", 3, "GB||London"),
                ("legal automation", "founder", 3, "GB||London"),
                ("saas", "vp", 1, "US|TX|Austin"),
                ("saas", "vp", 4, "US|CA|San Francisco"),
            ]
        downgrade(url, "0020")
        tables = inspect(engine).get_table_names()
        assert "prospect_people_company_keywords" not in tables
        assert "prospect_keyword_phrases" not in tables
    finally:
        engine.dispose()


def test_the_migration_copies_an_existing_universe_sqlite(tmp_path) -> None:  # type: ignore[no-untyped-def]
    _migrate(f"sqlite:///{tmp_path / 'm.db'}")


@pytest.mark.postgres
def test_the_migration_copies_an_existing_universe_postgres(postgres_url: str) -> None:
    _migrate(postgres_url)
