"""The buying-signal requests people write for other prospecting tools ("founders at Series A
fintech startups in NYC", "companies that raised a series B in 2024", "everyone hiring a Head of
RevOps", "fast-growing SaaS companies", "VPs who changed jobs in the last 90 days", "companies
that recently adopted HubSpot") and their paraphrases, through chat over the generated universe:
every person found works where the signal really is (checked in hand-written SQL), the signal is
the first one shown for that person with its facts, and where the small test universe holds
nobody for the exact request the total is the SQL count (nobody is left out) and the next
request that widens it finds people."""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from typing import Any

import pytest

from lexi.kit.clock import utc_now
from lexi.prospects.ids import person_key
from tests.helpers.chat import chat, ok

pytestmark = pytest.mark.usefixtures("universe")

FACTS = (
    "SELECT p.seniority, p.role_started_on, c.id AS company_id, c.industry, c.employee_count, "
    "c.funding_stage, c.last_funding_on, c.growth_12m_pct FROM prospect_people p "
    "JOIN prospect_companies c ON c.id = p.company_id WHERE p.id = :id"
)


def turns(client, auth, *texts: str) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    """The action of the last of ``texts``, said in one conversation."""
    conversation = None
    for text in texts:
        body = {"conversation_id": conversation} if conversation else {}
        data = ok(chat(client, auth, text, **body))
        conversation = data["conversation_id"]
    (action,) = data["actions"]
    assert action["type"] == "prospect_search", data
    return action


def found(sql, action: dict[str, Any], kind: str) -> list[tuple[dict[str, Any], Any]]:  # type: ignore[no-untyped-def]
    """Each person found with their stored facts; the first signal shown is ``kind``, matched."""
    out = []
    for p in action["prospects"]:
        (stored,) = sql(FACTS, id=person_key(uuid.UUID(p["id"])))
        detail = p["signal_details"][0]
        assert detail["kind"] == kind and detail["matched"], p["signal_details"]
        assert p["signals"][0] == detail["text"]
        out.append((detail, stored))
    return out


def day(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def ago(days: int) -> date:
    return utc_now().date() - timedelta(days=days)


NYC_FINTECH_SERIES_A = {
    "seniorities": ["founder"],
    "industries": ["Financial Services"],
    "locations": ["New York, NY, US"],
    "funding_stages": ["series_a"],
}


class TestSeriesAFintechInNewYork:
    COUNT = (
        "SELECT count(*) FROM prospect_people p JOIN prospect_companies c ON c.id = p.company_id "
        "WHERE p.seniority = 'founder' AND c.industry = 'Financial Services' "
        "AND p.loc = 'US|NY|New York' AND c.funding_stage = 'series_a'"
    )

    @pytest.mark.parametrize(
        "text",
        [
            "founders at Series A fintech startups in NYC",
            "Series A fintech founders in New York City",
            "founders of NYC fintechs that raised a Series A",
            "fintech founders in New York at Series A companies",
        ],
    )
    def test_the_request_and_its_paraphrases_search_the_signal(
        self, client, auth, sql, text
    ) -> None:
        action = turns(client, auth, text)
        filters = {k: v for k, v in action["filters"].items() if k not in ("limit", "employees")}
        assert filters == NYC_FINTECH_SERIES_A
        small = " AND c.employee_count <= 50" if "employees" in action["filters"] else ""
        assert action["total_matches"] == sql(self.COUNT + small)[0][0]
        for detail, stored in found(sql, action, "funding"):
            assert (stored.funding_stage, stored.industry) == ("series_a", "Financial Services")
            assert detail["text"].startswith("Series A, ")

    def test_widened_to_the_country_it_finds_series_a_fintech_founders(
        self, client, auth, sql
    ) -> None:
        action = turns(
            client, auth, "founders at Series A fintech startups in NYC", "anywhere in the US"
        )
        people = found(sql, action, "funding")
        assert people
        for detail, stored in people:
            assert (stored.funding_stage, stored.industry) == ("series_a", "Financial Services")
            assert stored.seniority == "founder"
            assert detail["facts"]["stage"] == "series_a"
            assert detail["facts"]["date"] == day(stored.last_funding_on).isoformat()


class TestSeriesBIn2024:
    @pytest.mark.parametrize(
        "said",
        [
            ("CEOs at companies that raised a series B in 2024",),
            ("companies that raised a series B in 2024", "CEOs and founders"),
        ],
    )
    def test_the_stage_and_the_year_are_both_searched(self, client, auth, sql, said) -> None:
        action = turns(client, auth, *said)
        assert action["filters"]["funding_stages"] == ["series_b"]
        assert action["filters"]["last_funding"] == {"after": "2024-01-01", "before": "2024-12-31"}
        for detail, stored in found(sql, action, "funding"):
            assert stored.funding_stage == "series_b"
            assert day(stored.last_funding_on).year == 2024
            assert detail["text"].startswith("Series B, ") and "2024" in detail["text"]
        (n,) = sql(
            "SELECT count(*) FROM prospect_companies WHERE funding_stage = 'series_b' "
            "AND last_funding_on BETWEEN '2024-01-01' AND '2024-12-31'"
        )
        if n[0] == 0:
            assert action["total_matches"] == 0

    @pytest.mark.parametrize(
        "text",
        [
            "CEOs at Series B companies",
            "founders and CEOs at companies whose last round was a Series B",
        ],
    )
    def test_series_b_leaders_are_at_series_b_companies(self, client, auth, sql, text) -> None:
        people = found(sql, turns(client, auth, text), "funding")
        assert people
        for detail, stored in people:
            assert stored.funding_stage == "series_b" == detail["facts"]["stage"]
            month = day(stored.last_funding_on).strftime("%B %Y")
            assert detail["text"].startswith(f"Series B, {month}")


class TestHiringAHeadOfRevOps:
    POSTINGS = (
        "SELECT t.title FROM prospect_job_postings j JOIN prospect_titles t ON t.id = j.title_id "
        "WHERE j.company_id = :c"
    )

    @pytest.mark.parametrize(
        "said",
        [
            ("everyone hiring a Head of RevOps", "CEOs and founders"),
            ("sales leaders at companies hiring a Head of RevOps",),
            ("founders at companies hiring a head of revenue operations",),
            ("CEOs at companies with an open Head of Revenue Operations role",),
            ("founders at companies looking to hire a head of revops",),
        ],
    )
    def test_every_company_has_an_open_revenue_operations_posting(
        self, client, auth, sql, said
    ) -> None:
        action = turns(client, auth, *said)
        assert action["filters"]["hiring_for"]["titles"]
        people = found(sql, action, "hiring")
        assert people
        for detail, stored in people:
            posted = [r[0] for r in sql(self.POSTINGS, c=stored.company_id)]
            shown = [t["title"] for t in detail["facts"]["titles"]]
            assert shown and set(shown) <= set(posted)
            assert all("revenue operations" in t.lower() or "revops" in t.lower() for t in shown)
            assert detail["text"].startswith("hiring ")


class TestFastGrowingSaaS:
    @pytest.mark.parametrize(
        "said",
        [
            ("fast-growing SaaS companies", "founders"),
            ("CEOs at fast-growing SaaS companies",),
            ("founders at rapidly growing software companies",),
            ("SaaS founders at companies growing fast",),
        ],
    )
    def test_every_company_grew_20_percent_or_more(self, client, auth, sql, said) -> None:
        action = turns(client, auth, *said)
        people = found(sql, action, "growth")
        assert people
        for detail, stored in people:
            assert stored.industry == "Computer Software"
            assert stored.growth_12m_pct >= 20
            assert detail["facts"] == {"pct": stored.growth_12m_pct, "months": 12}
            assert detail["text"] == f"headcount +{stored.growth_12m_pct}% in 12 months"


class TestVPsWhoChangedJobs:
    @pytest.mark.parametrize(
        "text",
        [
            "VPs who changed jobs in the last 90 days",
            "vice presidents who started a new role in the past 3 months",
            "VPs who started a new job in the last 3 months",
            "VPs new in role",
        ],
    )
    def test_every_vp_started_within_90_days(self, client, auth, sql, text) -> None:
        action = turns(client, auth, text)
        assert action["filters"]["job_change_within_days"] == 90
        (n,) = sql(
            "SELECT count(*) FROM prospect_people WHERE seniority = 'vp' "
            "AND role_started_on >= :since",
            since=ago(90).isoformat(),
        )
        assert action["total_matches"] == n[0]
        people = found(sql, action, "new_in_role")
        assert people
        for detail, stored in people:
            assert stored.seniority == "vp"
            started = day(stored.role_started_on)
            assert started >= ago(90)
            assert detail["facts"]["started_on"] == started.isoformat()
            assert detail["text"] == f"new in role since {started.strftime('%B %Y')}"


class TestRecentlyAdoptedHubSpot:
    FIRST_SEEN = (
        "SELECT first_seen_on FROM prospect_company_technologies "
        "WHERE company_id = :c AND tech_key = 'hubspot'"
    )

    @pytest.mark.parametrize(
        "said",
        [
            ("companies that recently adopted HubSpot", "marketing directors"),
            ("marketing leaders at companies that recently adopted HubSpot",),
            ("marketing directors at companies that adopted HubSpot in the last 90 days",),
        ],
    )
    def test_every_company_first_used_hubspot_within_90_days(self, client, auth, sql, said) -> None:
        action = turns(client, auth, *said)
        assert action["filters"]["technologies"] == ["HubSpot"]
        assert action["filters"]["technologies_added_within_days"] == 90
        people = found(sql, action, "technology")
        assert people
        for detail, stored in people:
            (seen,) = sql(self.FIRST_SEEN, c=stored.company_id)
            assert day(seen[0]) >= ago(90)
            assert detail["facts"] == {
                "technology": "HubSpot",
                "first_seen_on": day(seen[0]).isoformat(),
            }
