"""Near misses through POST /v1/lexi/chat: a search that finds nobody says what a near one finds
(the wider place, the neighbouring industries, the next seniority), with the counts, offers the
first, and the user's "yes" / "show the Idaho ones" runs it. The counts are free."""

from __future__ import annotations

import pytest

from lexi.db.session import Database
from lexi.prospects import importer
from lexi.prospects import service as prospects_service
from lexi.prospects.filters import ProspectFilters
from tests.helpers.chat import chat, cohorts, ok  # noqa: F401  (cohorts is a fixture)

# (title, industry, city, count): CFOs at software companies in Idaho but none in Boise, CFOs at
# internet companies in Boise, and VPs of Finance at software companies in Boise.
NEAR = [
    ("CFO", "Computer Software", "Meridian", 4),
    ("CFO", "Computer Software", "Nampa", 3),
    ("CFO", "Internet", "Boise", 2),
    ("VP of Finance", "Computer Software", "Boise", 1),
]
EXACT = {"titles": ["CFO"], "industries": ["Computer Software"], "locations": ["Boise, ID, US"]}


@pytest.fixture(scope="module")
def near(cohorts: Database) -> Database:  # noqa: F811
    rows = [
        {
            "first_name": f"Near{i}",
            "last_name": city,
            "email": f"near{i}@{industry.split()[0].lower()}-{city.lower()}-{title.split()[0].lower()}.example.com",
            "email_status": "verified",
            "job_title": title,
            "company_name": f"Near {industry} {city} {title} {i}",
            "company_domain": f"{industry.split()[0].lower()}-{city.lower()}-{title.split()[0].lower()}.example.com",
            "industry": industry,
            "employee_count": 80,
            "city": city,
            "state": "ID",
            "country": "US",
            "company_city": city,
            "company_state": "ID",
            "company_country": "US",
        }
        for title, industry, city, n in NEAR
        for i in range(n)
    ]
    with cohorts.unit_of_work() as session:
        outcome = importer.import_rows(session, importer.from_objects(rows))
    assert not outcome.errors, outcome.errors
    return cohorts


def count(db: Database, **filters) -> int:  # type: ignore[no-untyped-def]
    with db.unit_of_work() as session:
        return prospects_service.count(session, ProspectFilters.parse(filters))


def say(client, auth, text, conv=None):  # type: ignore[no-untyped-def]
    body = {"conversation_id": conv} if conv else {}
    return ok(chat(client, auth, text, **body))


def balance(client, auth) -> int:  # type: ignore[no-untyped-def]
    return int(ok(client.get("/v1/credits", headers=auth))["balance"])


@pytest.fixture
def expected(near: Database) -> dict[str, int]:
    assert count(near, **EXACT) == 0
    return {
        "idaho": count(near, **{**EXACT, "locations": ["ID, US"]}),
        "internet": count(
            near,
            **{
                **EXACT,
                "industries": [
                    "Computer Software",
                    "Internet",
                    "Information Technology and Services",
                ],
            },
        ),
        "vp": count(near, **{**EXACT, "titles": ["VP of Finance", "Head of Finance"]}),
    }


class TestNearMisses:
    def test_an_empty_search_names_the_near_ones_with_counts_and_costs_no_search_fee(
        self, client, auth, expected
    ):
        before = balance(client, auth)
        data = say(client, auth, "CFOs at SaaS companies in Boise")
        action = data["actions"][0]
        assert action["total_matches"] == 0 and data["credits_used"] == 1
        assert balance(client, auth) == before - 1
        assert [o["kind"] for o in action["nearby"]] == ["place", "industry", "seniority"]
        assert [o["count"] for o in action["nearby"]] == [
            expected["idaho"],
            expected["internet"],
            expected["vp"],
        ]
        reply = data["response"]
        assert "I found no CFOs at software companies in Boise, ID" in reply
        assert f"Nearby: {expected['idaho']} in Idaho, {expected['internet']} at internet " in reply
        assert reply.endswith("want me to widen to Idaho?")

    @pytest.mark.parametrize(
        "answer", ["yes", "ok widen it", "show the Idaho ones", "sure, go ahead"]
    )
    def test_the_answer_runs_the_offered_search(self, client, auth, expected, answer):
        first = say(client, auth, "CFOs at SaaS companies in Boise")
        data = say(client, auth, answer, first["conversation_id"])
        action = data["actions"][0]
        assert action["type"] == "prospect_search"
        assert action["filters"]["locations"] == ["ID, US"]
        assert action["filters"]["titles"] == ["CFO"]
        assert action["total_matches"] == expected["idaho"]
        assert data["credits_used"] == 1 + 5

    def test_naming_another_offer_runs_that_one(self, client, auth, expected):
        first = say(client, auth, "CFOs at SaaS companies in Boise")
        data = say(client, auth, "show me the internet ones", first["conversation_id"])
        action = data["actions"][0]
        assert "Internet" in action["filters"]["industries"]
        assert action["filters"]["locations"] == ["Boise, ID, US"]
        assert action["total_matches"] == expected["internet"]
        data = say(client, auth, "CFOs at SaaS companies in Boise", first["conversation_id"])
        data = say(client, auth, "try VPs then", first["conversation_id"])
        action = data["actions"][0]
        assert action["filters"]["titles"] == ["VP of Finance", "Head of Finance"]
        assert action["total_matches"] == expected["vp"]

    def test_the_offer_lasts_one_turn(self, client, auth, expected):
        first = say(client, auth, "CFOs at SaaS companies in Boise")
        conv = first["conversation_id"]
        say(client, auth, "how many credits do I have?", conv)
        data = say(client, auth, "yes", conv)
        assert not data["actions"] or data["actions"][0].get("type") != "prospect_search"

    def test_a_search_that_finds_people_offers_nothing(self, client, auth, near):
        data = say(client, auth, "CFOs at internet companies in Boise")
        action = data["actions"][0]
        assert action["total_matches"] > 0 and "nearby" not in action
        assert "Nearby" not in data["response"]
