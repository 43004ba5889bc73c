"""Chat test support: a known cohort of prospects, a chat call helper, and drain().

The cohort is imported into the prospect universe through the real importer (idempotent: people
are deduplicated by email), so the seed requests always have enough matches whatever universe the
test database already holds.
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from lexi.db.session import Database
from lexi.prospects import importer
from lexi.worker import Worker

COHORTS = {
    # (title, industry, city, state, country, employees, count)
    "ny_law_ceos": ("CEO", "Law Practice", "New York", "NY", "US", 40, 30),
    "ca_law_ceos": ("CEO", "Law Practice", "Los Angeles", "CA", "US", 60, 60),
    "ca_saas_ctos": ("CTO", "Computer Software", "San Francisco", "CA", "US", 120, 30),
    "boston_cfos": ("CFO", "Hospital & Health Care", "Boston", "MA", "US", 800, 12),
}


def cohort_rows(name: str) -> list[dict[str, Any]]:
    title, industry, city, state, country, employees, count = COHORTS[name]
    rows = []
    for i in range(count):
        company = f"Cohort {name.replace('_', ' ').title()} {i:03d}"
        domain = f"{name.replace('_', '')}{i:03d}.example.com"
        rows.append(
            {
                "first_name": f"Person{i:03d}",
                "last_name": name.split("_")[0].title() + "son",
                "email": f"p{i:03d}@{domain}",
                "email_status": "verified",
                "job_title": title,
                "company_name": company,
                "company_domain": domain,
                "industry": industry,
                "employee_count": employees,
                "city": city,
                "state": state,
                "country": country,
                "company_city": city,
                "company_state": state,
                "company_country": country,
            }
        )
    return rows


def load_cohorts(db: Database) -> None:
    rows = [row for name in COHORTS for row in cohort_rows(name)]
    with db.unit_of_work() as session:
        outcome = importer.import_rows(session, importer.from_objects(rows))
    assert not outcome.errors, outcome.errors


def chat(
    client: httpx.Client, headers: dict[str, str], message: Any, **body: Any
) -> httpx.Response:
    return client.post("/v1/lexi/chat", json={"message": message, **body}, headers=headers)


def ok(response: httpx.Response) -> dict[str, Any]:
    assert response.status_code in (200, 201), response.text
    return response.json()["data"]


def drain(db: Database) -> int:
    """Run every runnable task inline, the way the background worker would."""
    return Worker(db, lease_seconds=30).run_until_idle()


@pytest.fixture(scope="session")
def cohorts(universe: Database) -> Database:
    """The shared generated universe plus the cohorts the seed requests need."""
    load_cohorts(universe)
    return universe
