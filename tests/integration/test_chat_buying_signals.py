"""Buying signals in chat: the requests people write for other prospecting tools map to the
signal filters, the people found really carry the signal, and the reply says what each signal
means in numbers. Intent data is not something Lexi has: the reply says so and searches
without it."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from sqlalchemy import text as sql_text

from lexi.kit.clock import utc_now
from lexi.prospects.ids import person_key
from tests.helpers.chat import chat, ok

UNSUPPORTED = "I can't filter on"


def say(client, auth, text):  # type: ignore[no-untyped-def]
    return ok(chat(client, auth, text))


def _company_rows(universe, data, query: str, **params):  # type: ignore[no-untyped-def]
    (action,) = data["actions"]
    people = [person_key(uuid.UUID(p["id"])) for p in action.get("prospects") or []]
    assert people, data
    with universe.engine.connect() as conn:
        return [conn.execute(sql_text(query), {"id": pid, **params}).one() for pid in people]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("founders at Series A startups", {"funding_stages": ["series_a"]}),
        ("CEOs at seed-stage companies", {"funding_stages": ["seed"]}),
        (
            "CFOs at companies that raised in 2024",
            {"last_funding": {"after": "2024-01-01", "before": "2024-12-31"}},
        ),
        ("sales leaders at companies hiring SDRs", {"hiring_for": {"titles": ["SDR"]}}),
        (
            "founders of fast-growing companies",
            {"headcount_growth_pct": {"min": 20, "max": None, "months": 12}},
        ),
        ("VPs new in role", {"job_change_within_days": 90}),
        (
            "CEOs at companies that just adopted Salesforce",
            {"technologies": ["Salesforce"], "technologies_added_within_days": 90},
        ),
    ],
)
def test_signal_words_become_filters(client, auth, universe, text, expected):  # type: ignore[no-untyped-def]
    data = say(client, auth, text)
    (action,) = data["actions"]
    for key, value in expected.items():
        assert action["filters"][key] == value
    assert "keywords" not in action["filters"]
    assert UNSUPPORTED not in data["response"]


def test_growing_fast_is_said_in_numbers_and_every_company_grew(client, auth, universe):  # type: ignore[no-untyped-def]
    data = say(client, auth, "founders of fast-growing companies")
    assert "growing fast means headcount up 20% or more in 12 months" in data["response"]
    rows = _company_rows(
        universe,
        data,
        "SELECT c.growth_12m_pct FROM prospect_people p JOIN prospect_companies c ON c.id = p.company_id WHERE p.id = :id",
    )
    assert all(r[0] >= 20 for r in rows)


def test_series_a_founders_are_at_series_a_companies(client, auth, universe):  # type: ignore[no-untyped-def]
    data = say(client, auth, "founders at Series A startups")
    rows = _company_rows(
        universe,
        data,
        "SELECT c.funding_stage FROM prospect_people p JOIN prospect_companies c ON c.id = p.company_id WHERE p.id = :id",
    )
    assert {r[0] for r in rows} == {"series_a"}


def test_new_in_role_is_said_in_numbers_and_true(client, auth, universe):  # type: ignore[no-untyped-def]
    data = say(client, auth, "VPs new in role")
    assert "new in role means started in the current role in the last 90 days" in data["response"]
    since = (utc_now().date() - timedelta(days=90)).isoformat()
    rows = _company_rows(
        universe, data, "SELECT p.role_started_on FROM prospect_people p WHERE p.id = :id"
    )
    assert all(str(r[0]) >= since for r in rows)


def test_intent_data_is_named_and_the_search_runs_without_it(client, auth, universe):  # type: ignore[no-untyped-def]
    data = say(
        client, auth, "marketing directors at companies researching marketing automation tools"
    )
    (action,) = data["actions"]
    assert "keywords" not in action["filters"]
    assert data["response"].startswith("I can't filter on buying intent")
