"""Failure class 11 through POST /v1/lexi/chat: a criterion Lexi cannot filter on (funding stage,
buying intent) is named in the reply and never searched as a keyword that empties the result, a
year is not read as a number of people, and a request without roles keeps what it asked for while
Lexi asks which roles."""

from __future__ import annotations

import pytest

from tests.helpers.chat import chat, cohorts, ok  # noqa: F401  (cohorts is a fixture)

pytestmark = pytest.mark.usefixtures("cohorts")

FUNDING = "I can't filter on funding stage yet, so I left that out."
INTENT = "I can't filter on buying intent yet, so I left that out."
ROLES = "Which roles should I look for?"


def say(client, auth, text, conv=None):  # type: ignore[no-untyped-def]
    body = {"conversation_id": conv} if conv else {}
    return ok(chat(client, auth, text, **body))


@pytest.mark.parametrize(
    ("text", "note"),
    [
        ("Series A fintech startups in NYC", FUNDING),
        ("companies that raised a series B in 2024", FUNDING),
        ("researching marketing automation tools", INTENT),
    ],
)
def test_without_roles_the_criterion_is_named_and_the_roles_asked(client, auth, text, note):
    data = say(client, auth, text)
    assert data["response"].startswith(f"{note} {ROLES}")
    assert data["credits_used"] == 1


def test_the_answer_keeps_what_the_question_kept(client, auth):
    first = say(client, auth, "Series A fintech startups in NYC")
    data = say(client, auth, "founders", first["conversation_id"])
    (action,) = data["actions"]
    assert action["filters"] == {
        "seniorities": ["founder"],
        "industries": ["Financial Services"],
        "locations": ["New York, NY, US"],
        "employees": {"min": None, "max": 50},
        "limit": 25,
    }


@pytest.mark.parametrize(
    ("text", "note", "filters"),
    [
        ("CEOs at companies that raised a series B in 2024", FUNDING, {"titles": ["CEO"]}),
        (
            "Series A fintech founders in NYC",
            FUNDING,
            {
                "seniorities": ["founder"],
                "industries": ["Financial Services"],
                "locations": ["New York, NY, US"],
            },
        ),
        ("CMOs researching marketing automation tools", INTENT, {"titles": ["CMO"]}),
    ],
)
def test_with_roles_the_search_runs_without_the_criterion(client, auth, text, note, filters):
    data = say(client, auth, text)
    (action,) = data["actions"]
    assert action["filters"] == {**filters, "limit": 25}  # no keyword, and 2024 is not a limit
    assert data["response"].startswith(note)


def test_a_known_cohort_is_found_not_emptied_by_the_criterion(client, auth):
    data = say(client, auth, "CEOs at Series B law firms in New York")
    (action,) = data["actions"]
    assert "keywords" not in action["filters"]
    assert action["total_matches"] >= 30  # the New York law-firm CEOs of the chat cohort
    assert data["response"].startswith(FUNDING)
