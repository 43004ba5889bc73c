"""Writing a generated universe of several batches (made by a separate process while the
previous one is written): the database holds exactly the rows ``generate_rows`` makes, with
every index of the universe, the text index and the facet counts. On a SQLite file of its own."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy import inspect, text

from lexi.db.engine import make_engine
from lexi.db.migrate import upgrade
from lexi.db.session import Database
from lexi.models.prospect import CompanyTechnology, JobPosting, Person
from lexi.prospects import bulk
from lexi.prospects.gen_universe import generate_rows
from lexi.prospects.generator import generate

DAY = date(2026, 12, 1)
TABLES = (
    ("prospect_titles", bulk.TITLE_COLUMNS),
    ("prospect_companies", bulk.COMPANY_COLUMNS),
    ("prospect_people", bulk.PERSON_COLUMNS),
    ("prospect_company_technologies", bulk.TECHNOLOGY_COLUMNS),
    ("prospect_job_postings", bulk.POSTING_COLUMNS),
)


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    url = f"sqlite:///{tmp_path_factory.mktemp('generate') / 'universe.db'}"
    upgrade(url)
    db = Database(make_engine(url))
    stats = generate(db, 3500, 11, batch_size=1000, as_of=DAY)
    with db.engine.connect() as conn:
        assert (stats.people, stats.companies) == bulk.counts(conn) == (3500, stats.companies)
    yield db
    db.dispose()


def test_every_row_is_the_generated_one(written: Database) -> None:
    expected: list[list[tuple]] = [[] for _ in TABLES]
    for batch in generate_rows(11, 3500, 1000, DAY):
        for rows, part in zip(expected, batch, strict=True):
            rows.extend(part)
    # headcount_history is a JSON column: compare the stored text, not the decoded value.
    with written.engine.connect() as conn:
        for (table, columns), rows in zip(TABLES, expected, strict=True):
            order = "company_id, tech_key" if table == "prospect_company_technologies" else "id"
            stored = conn.execute(
                text(f"SELECT {', '.join(columns)} FROM {table} ORDER BY {order}")
            ).all()
            if table == "prospect_company_technologies":
                rows = sorted(rows, key=lambda r: (r[0], r[1]))
            assert [tuple(r) for r in stored] == rows, table


def test_the_people_indexes_are_all_there(written: Database) -> None:
    with written.engine.connect() as conn:
        found = inspect(conn)
        for table in (Person, JobPosting, CompanyTechnology):
            names = {i["name"] for i in found.get_indexes(table.__tablename__)}
            assert {i.name for i in table.__table__.indexes} <= names


def test_the_text_index_and_the_facets_cover_everyone(written: Database) -> None:
    with written.engine.connect() as conn:
        companies = conn.execute(text("SELECT id, name FROM prospect_companies ORDER BY id")).all()
        for company_id, name in (companies[0], companies[len(companies) // 2], companies[-1]):
            word = "".join(ch for ch in name.split()[0] if ch.isalnum())
            found = conn.execute(
                text(
                    "SELECT rowid FROM prospect_companies_fts WHERE prospect_companies_fts "
                    "MATCH :word"
                ),
                {"word": f'"{word}"'},
            ).scalars()
            assert company_id in set(found), name
        facets = conn.execute(text("SELECT sum(people) FROM prospect_people_facets")).scalar_one()
        assert facets == 3500
