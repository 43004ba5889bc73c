"""Migration 0007: people written with ``alt_loc`` (HQ only where it differed) get ``company_loc``
(always the HQ), and going back restores ``alt_loc``; on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, text

from lexi.db.migrate import downgrade, upgrade

COMPANIES = [(1, "Acme", "US|NY|New York"), (2, "Beta", "GB||London")]
# (id, company, own loc, alt_loc as the old writers stored it)
PEOPLE = [
    (1, 1, "US|NY|New York", None),  # lives where the company is based
    (2, 1, "US|CA|Rosemead", "US|NY|New York"),  # lives elsewhere
    (3, 2, None, "GB||London"),  # no own place
    (4, None, "DE||Berlin", None),  # no company
]


def _check(url: str) -> None:
    upgrade(url, "0006")
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            for cid, name, loc in COMPANIES:
                conn.execute(
                    text("INSERT INTO prospect_companies (id, name, loc) VALUES (:i, :n, :l)"),
                    {"i": cid, "n": name, "l": loc},
                )
            for pid, cid, loc, alt in PEOPLE:
                conn.execute(
                    text(
                        "INSERT INTO prospect_people (id, company_id, seniority, department, "
                        "email_status, loc, alt_loc) VALUES (:i, :c, 'entry', 'other', 'guessed', :l, :a)"
                    ),
                    {"i": pid, "c": cid, "l": loc, "a": alt},
                )
        upgrade(url, "0007")
        with engine.connect() as conn:
            rows = conn.execute(
                text("SELECT id, loc, company_loc FROM prospect_people ORDER BY id")
            ).all()
        assert [tuple(r) for r in rows] == [
            (1, "US|NY|New York", "US|NY|New York"),
            (2, "US|CA|Rosemead", "US|NY|New York"),
            (3, None, "GB||London"),
            (4, "DE||Berlin", None),
        ]
        downgrade(url, "0006")
        with engine.connect() as conn:
            rows = conn.execute(
                text("SELECT id, company_id, loc, alt_loc FROM prospect_people ORDER BY id")
            ).all()
        assert [tuple(r) for r in rows] == PEOPLE
    finally:
        engine.dispose()


def test_sqlite(tmp_path) -> None:  # type: ignore[no-untyped-def]
    _check(f"sqlite:///{tmp_path / 'm.db'}")


@pytest.mark.postgres
def test_postgres(postgres_url: str) -> None:
    _check(postgres_url)
