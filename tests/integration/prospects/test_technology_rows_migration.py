"""Migration 0018: companies whose technologies had no rows (those imports created) get a row
per technology, first seen on an unknown day, and a technology search then finds their people
as it finds the generated companies'; going back removes those rows. On SQLite and PostgreSQL
(where the people and signal indexes also carry the key)."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import create_engine, text

from lexi.db.engine import make_engine
from lexi.db.migrate import downgrade, upgrade
from lexi.db.session import Database
from lexi.prospects import service
from lexi.prospects.filters import ProspectFilters

# (id, technologies text, rows the generator wrote: (key, name, first seen))
# One day for the rows written and the rows expected: a run that crosses midnight compares the
# same day.
TODAY = date.today()
COMPANIES = [
    (1, "Salesforce, Slack", [("salesforce", "Salesforce", date(2020, 5, 1)), ("slack", "Slack", TODAY)]),
    (2, "Salesforce Nonprofit Cloud;  Google  Workspace , slack", []),
    (3, "HubSpot", []),
    (4, None, []),
]  # fmt: skip


def _search(url: str, filters: dict) -> set[int]:  # type: ignore[type-arg]
    db = Database(make_engine(url, null_pool=True))
    try:
        with db.unit_of_work(write=False) as session:
            found = service.search(session, ProspectFilters.parse({**filters, "limit": 100}))
        return {p["company"]["name"] for p in found.prospects}  # type: ignore[misc]
    finally:
        db.dispose()


def _check(url: str) -> None:
    upgrade(url, "0017")
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            for cid, techs, rows in COMPANIES:
                conn.execute(
                    text(
                        "INSERT INTO prospect_companies (id, name, technologies) VALUES (:i, :n, :t)"
                    ),
                    {"i": cid, "n": f"Company {cid}", "t": techs},
                )
                conn.execute(
                    text(
                        "INSERT INTO prospect_people (id, company_id, seniority, department, "
                        "email_status) VALUES (:i, :i, 'vp', 'sales', 'verified')"
                    ),
                    {"i": cid},
                )
                for key, name, seen in rows:
                    conn.execute(
                        text(
                            "INSERT INTO prospect_company_technologies (company_id, tech_key, "
                            "technology, first_seen_on) VALUES (:c, :k, :n, :s)"
                        ),
                        {"c": cid, "k": key, "n": name, "s": seen},
                    )
            if url.startswith("sqlite"):  # the full-text index the generator rebuilds
                fts = "prospect_companies_fts"
                conn.execute(text(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')"))
        upgrade(url, "0018")
        with engine.connect() as conn:
            rows = conn.execute(
                text(
                    "SELECT company_id, tech_key, technology, first_seen_on "
                    "FROM prospect_company_technologies ORDER BY company_id, tech_key"
                )
            ).all()
        assert [(r[0], r[1], r[2], str(r[3]) if r[3] else None) for r in rows] == [
            (1, "salesforce", "Salesforce", "2020-05-01"),
            (1, "slack", "Slack", TODAY.isoformat()),
            (2, "google workspace", "Google Workspace", None),
            (2, "salesforce nonprofit cloud", "Salesforce Nonprofit Cloud", None),
            (2, "slack", "slack", None),
            (3, "hubspot", "HubSpot", None),
        ]
        # A technology is a phrase in one technology's name, whichever company wrote it.
        assert _search(url, {"technologies": ["Salesforce"]}) == {"Company 1", "Company 2"}
        assert _search(url, {"technologies": ["slack", "hubspot"]}) == {
            "Company 1",
            "Company 2",
            "Company 3",
        }
        assert _search(url, {"technologies": ["nonprofit cloud"]}) == {"Company 2"}
        assert _search(url, {"technologies": ["Asana"]}) == set()
        # No first-seen day: never "just adopted".
        assert _search(
            url, {"technologies": ["Slack"], "technologies_added_within_days": 3650}
        ) == {"Company 1"}
        if url.startswith("postgresql"):
            with engine.connect() as conn:
                defs = conn.execute(
                    text(
                        "SELECT indexname, indexdef FROM pg_indexes WHERE indexname IN "
                        "('ix_prospect_people_title', 'ix_prospect_companies_last_funding')"
                    )
                ).all()
            assert len(defs) == 2 and all(d[1].endswith("INCLUDE (id)") for d in defs), defs
        downgrade(url, "0017")
        with engine.connect() as conn:
            left = conn.execute(
                text("SELECT company_id, tech_key FROM prospect_company_technologies ORDER BY 1, 2")
            ).all()
        assert [tuple(r) for r in left] == [(1, "salesforce"), (1, "slack")]
    finally:
        engine.dispose()


def test_sqlite(tmp_path) -> None:  # type: ignore[no-untyped-def]
    _check(f"sqlite:///{tmp_path / 'm.db'}")


@pytest.mark.postgres
def test_postgres(postgres_url: str) -> None:
    _check(postgres_url)
