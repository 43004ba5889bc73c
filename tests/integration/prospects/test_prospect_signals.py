"""The prospect object shows, per person, the signals that matched with their facts: through the
REST API, the SDK, the OpenAPI document, the chat page and the terminal chat, over the generated
universe. Every fact shown is the one stored for that company or person."""

from __future__ import annotations

import asyncio
import uuid
from datetime import date
from typing import Any

import httpx
import pytest

from lexi.client import AsyncLexi
from lexi.kit.text import plural_title
from lexi.prospects.ids import person_key


def search(client, auth, filters: dict[str, Any]) -> list[dict[str, Any]]:  # type: ignore[no-untyped-def]
    r = client.post("/v1/prospector/search", json={**filters, "limit": 25}, headers=auth)
    assert r.status_code == 200, r.text
    prospects = r.json()["data"]["prospects"]
    assert prospects, filters
    return prospects


def row(sql, prospect: dict[str, Any]):  # type: ignore[no-untyped-def]
    (found,) = sql(
        "SELECT c.funding_stage, c.last_funding_on, c.last_funding_usd, c.funding_total_usd, "
        "c.last_funding_investors, c.growth_12m_pct, p.role_started_on, p.prev_company_name, "
        "p.company_id FROM prospect_people p JOIN prospect_companies c ON c.id = p.company_id "
        "WHERE p.id = :id",
        id=person_key(uuid.UUID(prospect["id"])),
    )
    return found


def day(value: Any) -> str:
    return value.isoformat() if isinstance(value, date) else str(value)


def first(prospect: dict[str, Any], kind: str) -> dict[str, Any]:
    details = prospect["signal_details"]
    assert [d["text"] for d in details] == prospect["signals"]
    assert details[0]["kind"] == kind and details[0]["matched"], details
    return details[0]


@pytest.mark.usefixtures("universe")
class TestRest:
    def test_a_funding_search_shows_the_round_its_date_amount_and_lead_investor(
        self, client, auth, sql
    ) -> None:
        led = 0
        for p in search(client, auth, {"funding_stages": ["series_a"]}):
            detail = first(p, "funding")
            stored = row(sql, p)
            facts = detail["facts"]
            assert facts["stage"] == stored.funding_stage == "series_a"
            assert facts["date"] == day(stored.last_funding_on)
            assert facts["amount_usd"] == stored.last_funding_usd
            assert facts["total_usd"] == stored.funding_total_usd
            investors = [i.strip() for i in (stored.last_funding_investors or "").split(",")]
            if stored.last_funding_investors:
                led += 1
                assert facts["lead_investor"] == investors[0]
                assert f"led by {investors[0]}" in detail["text"]
            month = date.fromisoformat(facts["date"]).strftime("%B %Y")
            assert detail["text"].startswith(f"Series A, {month}")
            assert p["company"]["funding_stage"] == "series_a"
        assert led, "the generated Series A rounds have investors"
        # Other signals the search did not ask for come after, unmatched.
        for p in search(client, auth, {"funding_stages": ["series_a"]}):
            assert all(not d["matched"] for d in p["signal_details"][1:])

    def test_a_job_change_search_shows_the_start_and_the_previous_company(
        self, client, auth, sql
    ) -> None:
        previous = 0
        for p in search(client, auth, {"seniorities": ["vp"], "job_change_within_days": 90}):
            detail = first(p, "new_in_role")
            stored = row(sql, p)
            assert detail["facts"]["started_on"] == day(stored.role_started_on)
            kinds = [d["kind"] for d in p["signal_details"]]
            if stored.prev_company_name:
                previous += 1
                prev = p["signal_details"][kinds.index("previous_company")]
                assert (
                    prev["matched"] and prev["text"] == f"previously at {stored.prev_company_name}"
                )
                assert prev["facts"] == {"company": stored.prev_company_name}
            else:
                assert "previous_company" not in kinds
        assert previous

    def test_a_hiring_search_counts_the_matching_postings(self, client, auth, sql) -> None:
        for p in search(client, auth, {"hiring_for": {"departments": ["sales"]}}):
            detail = first(p, "hiring")
            stored = row(sql, p)
            (n,) = sql(
                "SELECT count(*), max(posted_on) FROM prospect_job_postings WHERE company_id = :c "
                "AND department = 'sales'",
                c=stored.company_id,
            )
            assert detail["facts"]["open_postings"] == n[0] > 0
            assert detail["facts"]["latest_posted_on"] == str(n[1])
            assert sum(t["postings"] for t in detail["facts"]["titles"]) == n[0]
            assert detail["text"].startswith("hiring ")
            top = detail["facts"]["titles"][0]
            said = plural_title(top["title"]) if top["postings"] > 1 else top["title"]
            assert f"{top['postings']} {said}" in detail["text"]

    def test_an_adoption_search_shows_the_day_first_seen(self, client, auth, sql) -> None:
        for p in search(
            client,
            auth,
            {"technologies": ["HubSpot"], "technologies_added_within_days": 180},
        ):
            detail = first(p, "technology")
            stored = row(sql, p)
            (seen,) = sql(
                "SELECT first_seen_on FROM prospect_company_technologies "
                "WHERE company_id = :c AND tech_key = 'hubspot'",
                c=stored.company_id,
            )
            assert detail["facts"] == {"technology": "HubSpot", "first_seen_on": day(seen[0])}
            month = date.fromisoformat(day(seen[0])).strftime("%B %Y")
            assert detail["text"] == f"adopted HubSpot in {month}"

    def test_every_company_shows_its_postings_per_title_and_its_latest_technologies(
        self, client, auth, sql
    ) -> None:
        """Counted in the page's statement, the postings and technologies shown per person are
        the ones hand-written SQL finds for their company, ranked the same way."""
        today = date.today()
        hiring = adopted = 0
        for filters in ({"employees": {"min": 200}}, {"seniorities": ["c_suite"]}):
            for p in search(client, auth, filters):
                stored = row(sql, p)
                kinds = {d["kind"]: d for d in p["signal_details"]}
                counted: dict[str, int] = {}
                for label, n in sql(
                    "SELECT coalesce(nullif(t.title, ''), j.department), count(*) "
                    "FROM prospect_job_postings j LEFT JOIN prospect_titles t ON t.id = j.title_id "
                    "WHERE j.company_id = :c GROUP BY 1",
                    c=stored.company_id,
                ):
                    counted[label] = int(n)
                ranked = sorted(counted.items(), key=lambda kv: (-kv[1], kv[0]))
                if ranked:
                    hiring += 1
                    facts = kinds["hiring"]["facts"]
                    assert [(t["title"], t["postings"]) for t in facts["titles"]] == ranked
                    assert facts["open_postings"] == sum(counted.values())
                else:
                    assert "hiring" not in kinds
                recent = sorted(
                    (
                        (day(seen), key, name)
                        for key, name, seen in sql(
                            "SELECT tech_key, technology, first_seen_on "
                            "FROM prospect_company_technologies WHERE company_id = :c",
                            c=stored.company_id,
                        )
                        if seen is not None and (today - date.fromisoformat(day(seen))).days <= 90
                    ),
                    key=lambda r: (-date.fromisoformat(r[0]).toordinal(), r[1]),
                )[:2]
                shown = [d["facts"] for d in p["signal_details"] if d["kind"] == "technology"]
                assert shown == [{"technology": n, "first_seen_on": s} for s, _, n in recent]
                adopted += bool(recent)
        assert hiring and adopted, "the universe's companies have postings and new technologies"

    def test_a_search_without_signals_marks_none_matched(self, client, auth) -> None:
        prospects = search(client, auth, {"seniorities": ["founder"]})
        details = [d for p in prospects for d in p["signal_details"]]
        assert details and not any(d["matched"] for d in details)

    def test_the_openapi_document_describes_signal_details(self, client) -> None:
        spec = client.get("/openapi.json").json()
        schemas = spec["components"]["schemas"]
        prospect = schemas["Prospect"]["properties"]
        assert "signal_details" in prospect and "signals" in prospect
        detail = schemas["SignalDetail"]["properties"]
        assert set(detail) == {"kind", "text", "matched", "facts"}


@pytest.mark.usefixtures("universe")
def test_the_sdk_returns_the_signals_with_their_facts(app, api_key, sql) -> None:  # type: ignore[no-untyped-def]
    async def story() -> dict[str, Any]:
        async with AsyncLexi(
            api_key=api_key,
            base_url="http://testserver",
            transport=httpx.ASGITransport(app=app),
            max_retries=0,
        ) as lexi:
            page = await lexi.prospects.search(funding_stages=["seed"], limit=5)
            return next(iter(page))

    prospect = asyncio.run(story())
    detail = first(prospect, "funding")
    assert detail["facts"]["stage"] == row(sql, prospect).funding_stage == "seed"


@pytest.mark.usefixtures("universe")
def test_the_terminal_chat_table_shows_the_signals(client, auth) -> None:  # type: ignore[no-untyped-def]
    from rich.console import Console

    from lexi.cli.chat import render_actions

    prospects = search(client, auth, {"funding_stages": ["series_b"]})
    console = Console(record=True, width=400, color_system=None)
    render_actions(
        console, [{"type": "prospect_search", "total_matches": 1, "prospects": prospects}]
    )
    out = console.export_text()
    assert "Signals" in out
    for p in prospects:
        assert p["signals"][0] in out
