"""Failure class 11 through POST /v1/lexi/chat: a criterion Lexi cannot filter on (buying intent)
is named in the reply and never searched as a keyword that empties the result; buying signals
(funding stage, the year of a round) are filters, never a keyword or a number of people; a request
without roles keeps what it asked for while Lexi asks which roles."""

from __future__ import annotations

import pytest

from tests.helpers.chat import chat, cohorts, ok  # noqa: F401  (cohorts is a fixture)

pytestmark = pytest.mark.usefixtures("cohorts")

UNSUPPORTED = "I can't filter on"
INTENT = "I can't filter on buying intent yet, so I left that out."
ROLES = "Which roles should I look for?"


def say(client, auth, text, conv=None):  # type: ignore[no-untyped-def]
    body = {"conversation_id": conv} if conv else {}
    return ok(chat(client, auth, text, **body))


def test_without_roles_the_criterion_is_named_and_the_roles_asked(client, auth):
    data = say(client, auth, "researching marketing automation tools")
    assert data["response"].startswith(f"{INTENT} {ROLES}")
    assert data["credits_used"] == 1


@pytest.mark.parametrize(
    "text", ["Series A fintech startups in NYC", "companies that raised a series B in 2024"]
)
def test_without_roles_a_funding_signal_is_kept_and_the_roles_asked(client, auth, text):
    data = say(client, auth, text)
    assert data["response"].startswith(ROLES)
    assert UNSUPPORTED not in data["response"]


def test_the_answer_keeps_what_the_question_kept(client, auth):
    first = say(client, auth, "Series A fintech startups in NYC")
    data = say(client, auth, "founders", first["conversation_id"])
    (action,) = data["actions"]
    assert action["filters"] == {
        "seniorities": ["founder"],
        "industries": ["Financial Services"],
        "locations": ["New York, NY, US"],
        "employees": {"min": None, "max": 50},
        "funding_stages": ["series_a"],
        "limit": 25,
    }


def test_with_roles_the_search_runs_without_the_criterion(client, auth):
    data = say(client, auth, "CMOs researching marketing automation tools")
    (action,) = data["actions"]
    assert action["filters"] == {"titles": ["CMO"], "limit": 25}  # no keyword
    assert data["response"].startswith(INTENT)


@pytest.mark.parametrize(
    ("text", "filters"),
    [
        (
            "CEOs at companies that raised a series B in 2024",
            {
                "titles": ["CEO"],
                "funding_stages": ["series_b"],
                "last_funding": {"after": "2024-01-01", "before": "2024-12-31"},
            },
        ),
        (
            "Series A fintech founders in NYC",
            {
                "seniorities": ["founder"],
                "industries": ["Financial Services"],
                "locations": ["New York, NY, US"],
                "funding_stages": ["series_a"],
            },
        ),
    ],
)
def test_with_roles_a_funding_signal_is_a_filter(client, auth, text, filters):
    data = say(client, auth, text)
    (action,) = data["actions"]
    assert action["filters"] == {**filters, "limit": 25}  # no keyword, and 2024 is not a limit
    assert UNSUPPORTED not in data["response"]


def test_a_funding_stage_is_never_a_keyword(client, auth):
    data = say(client, auth, "CEOs at Series B law firms in New York")
    (action,) = data["actions"]
    assert "keywords" not in action["filters"]
    assert action["filters"]["funding_stages"] == ["series_b"]
    assert UNSUPPORTED not in data["response"]


def test_a_region_longer_than_fifty_places_is_searched(client, auth):
    # The Bay Area expands to 54 places; a list of places may hold up to 100.
    data = say(client, auth, "Find 5 CFOs in the Bay Area")
    actions = data["actions"]
    assert actions and len(actions[0]["filters"]["locations"]) > 50
    assert "San Francisco, CA, US" in actions[0]["filters"]["locations"]
