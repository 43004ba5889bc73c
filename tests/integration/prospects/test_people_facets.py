"""The facet counts (people per seniority, department, email status and industry) stay exact.

The generator writes them, the importer adds its people to them, and a search filtering on those
columns only takes its total from them; every total is checked against hand-written SQL. The same
tests run on PostgreSQL with ``LEXI_TEST_DATABASE_URL``.
"""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import text

from lexi.prospects import importer, service
from lexi.prospects.filters import ProspectFilters
from lexi.prospects.repository import PersonQuery, ProspectRepository

GROUPED = (
    "SELECT seniority, department, email_status, coalesce(industry, ''), count(*) "
    "FROM prospect_people GROUP BY seniority, department, email_status, industry"
)
FACETS = (
    "SELECT seniority, department, email_status, coalesce(industry, ''), sum(people) "
    "FROM prospect_people_facets GROUP BY seniority, department, email_status, industry"
)
SHAPES = [
    ({}, "1 = 1"),
    ({"seniorities": ["manager"]}, "seniority = 'manager'"),
    ({"seniorities": ["entry", "senior"]}, "seniority IN ('entry', 'senior')"),
    (
        {"seniorities": ["c_suite"], "email_status": ["verified"]},
        "seniority = 'c_suite' AND email_status = 'verified'",
    ),
    (
        {"departments": ["sales"], "industries": ["Computer Software"]},
        "department = 'sales' AND industry = 'Computer Software'",
    ),
    (
        {"seniorities": ["vp"], "exclude_industries": ["Computer Software"]},
        "seniority = 'vp' AND (industry IS NULL OR industry <> 'Computer Software')",
    ),
]


def _facets_match(sql) -> None:  # type: ignore[no-untyped-def]
    people = {tuple(r[:4]): r[4] for r in sql(GROUPED)}
    facets = {tuple(r[:4]): r[4] for r in sql(FACETS)}
    assert facets == people
    top, total = sql("SELECT max_person_id, people FROM prospect_people_facets_mark")[0]
    assert (top, total) == tuple(sql("SELECT max(id), count(*) FROM prospect_people")[0])


def _totals(universe, sql) -> None:  # type: ignore[no-untyped-def]
    for filters, where in SHAPES:
        expected = sql(f"SELECT count(*) FROM prospect_people WHERE {where}")[0][0]
        with universe.unit_of_work(write=False) as session:
            repo = ProspectRepository(session)
            query = service._query(ProspectFilters.parse(filters))
            assert repo.facet_count(query) == expected, filters
            assert service.search(session, ProspectFilters.parse(filters)).total == expected
            assert service.count(session, ProspectFilters.parse(filters)) == expected


def test_the_generated_counts_equal_the_people(universe, sql) -> None:  # type: ignore[no-untyped-def]
    _facets_match(sql)
    _totals(universe, sql)


def test_counts_stay_exact_after_an_import_adds_people(universe, sql) -> None:  # type: ignore[no-untyped-def]
    t = uuid.uuid4().hex[:8]
    rows = "\n".join(
        [
            "first_name,last_name,email,job_title,company_name,company_domain,industry,country",
            f"Ada,One,ada@{t}.com,Chief Executive Officer,Facet {t},{t}.com,Computer Software,US",
            f"Bo,Two,bo@{t}.com,Sales Manager,Facet {t},{t}.com,Computer Software,US",
            f"Cy,Three,cy@{t}.com,Paralegal,Other {t},other{t}.com,,GB",
            "Di,Four,,Underwater Basket Weaver,,,,",
        ]
    )
    with universe.unit_of_work() as session:
        out = importer.import_rows(session, importer.read_csv(rows))
    assert out.imported == 4, out.errors
    _facets_match(sql)
    _totals(universe, sql)


def test_a_dry_run_changes_no_count(universe, sql) -> None:  # type: ignore[no-untyped-def]
    before = sql(FACETS)
    t = uuid.uuid4().hex[:8]
    rows = f"first_name,email,job_title\nEd,ed@{t}.com,CEO\n"
    with universe.unit_of_work() as session:
        assert importer.import_rows(session, importer.read_csv(rows), dry_run=True).imported == 1
    assert sql(FACETS) == before


def test_people_written_another_way_are_counted_not_looked_up(universe, sql) -> None:  # type: ignore[no-untyped-def]
    with universe.unit_of_work() as session:
        top = session.execute(text("SELECT max(id) FROM prospect_people")).scalar_one()
        session.execute(
            text(
                "INSERT INTO prospect_people (id, seniority, department, email_status) "
                "VALUES (:id, 'manager', 'sales', 'verified')"
            ),
            {"id": top + 1},
        )
        expected = session.execute(
            text("SELECT count(*) FROM prospect_people WHERE seniority = 'manager'")
        ).scalar_one()
        assert ProspectRepository(session).facet_count(PersonQuery(seniorities=["manager"])) is None
        filters = ProspectFilters.parse({"seniorities": ["manager"]})
        assert service.search(session, filters).total == expected
        session.rollback()
    _facets_match(sql)


@pytest.mark.parametrize(
    "query",
    [
        PersonQuery(title_ids=[1]),
        PersonQuery(places=[("US|", "US}")]),
        PersonQuery(employees=(1, 10)),
        PersonQuery(keywords=["software"]),
    ],
)
def test_other_filters_are_counted_on_the_people(universe, query: PersonQuery) -> None:  # type: ignore[no-untyped-def]
    with universe.unit_of_work(write=False) as session:
        assert ProspectRepository(session).facet_count(query) is None
