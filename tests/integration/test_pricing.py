"""docs/pricing.md is the price list: its table matches lexi/credits/prices.py, and every row is
what a real turn through POST /v1/lexi/chat charges."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from lexi.credits import prices
from tests.helpers.chat import chat, cohorts, drain, ok  # noqa: F401  (cohorts is a fixture)

pytestmark = pytest.mark.usefixtures("cohorts")

DOC = Path(__file__).resolve().parents[2] / "docs" / "pricing.md"


def documented() -> dict[str, int]:
    text = DOC.read_text()
    table = text.split("<!-- prices:start -->")[1].split("<!-- prices:end -->")[0]
    rows = re.findall(r"^\| `(\w+)` \| .+? \| (\d+) \|$", table, re.MULTILINE)
    return {key: int(value) for key, value in rows}


def test_the_table_in_the_docs_is_the_table_in_the_code():
    assert documented() == prices.TABLE


def _used(client, headers, text, **body):  # type: ignore[no-untyped-def]
    return ok(chat(client, headers, text, **body))


MESSAGE = prices.TABLE["message"]


def _row_message(client, headers, db):  # type: ignore[no-untyped-def]
    return [_used(client, headers, t)["credits_used"] for t in ("tell me a joke", "find")]


def _row_balance_question(client, headers, db):  # type: ignore[no-untyped-def]
    return [_used(client, headers, "How many credits do I have?")["credits_used"]]


def _row_capability_question(client, headers, db):  # type: ignore[no-untyped-def]
    return [_used(client, headers, t)["credits_used"] for t in ("What can you do?", "thanks!")]


def _row_search(client, headers, db):  # type: ignore[no-untyped-def]
    data = _used(client, headers, "Find 10 CEOs at law firms in New York")
    assert len(data["actions"][0]["prospects"]) == 10
    return [data["credits_used"] - MESSAGE]


def _row_search_no_results(client, headers, db):  # type: ignore[no-untyped-def]
    data = _used(client, headers, "Find CEOs at law firms in Anchorage, Alaska")
    assert data["actions"][0]["total_matches"] == 0
    return [data["credits_used"] - MESSAGE]


def _row_more_past_the_end(client, headers, db):  # type: ignore[no-untyped-def]
    first = _used(client, headers, "who works at bostoncfos003.example.com")
    assert first["actions"][0]["total_matches"] == 1
    more = _used(client, headers, "show me more", conversation_id=first["conversation_id"])
    assert more["actions"][0]["prospects"] == []
    return [more["credits_used"] - MESSAGE]


def _row_search_proposed(client, headers, db):  # type: ignore[no-untyped-def]
    data = _used(client, headers, "Find 50 CEOs at law firms in California")
    assert data["requires_approval"] is True
    return [data["credits_used"] - MESSAGE]


def _row_task_approved(client, headers, db):  # type: ignore[no-untyped-def]
    task = _used(client, headers, "Find 50 CEOs at law firms in California")["task_id"]
    before = client.get("/v1/credits", headers=headers).json()["data"]["balance"]
    ok(client.post(f"/v1/lexi/tasks/{task}/approve", headers=headers))
    drain(db)
    after = client.get("/v1/credits", headers=headers).json()["data"]["balance"]
    by_chat = _used(client, headers, "Find 50 CEOs at law firms in California")
    approved = _used(client, headers, "approve it", conversation_id=by_chat["conversation_id"])
    return [before - after, approved["credits_used"] - MESSAGE]


def _row_list_housekeeping(client, headers, db):  # type: ignore[no-untyped-def]
    ok(client.post("/v1/lists", json={"name": "Old Leads"}, headers=headers))
    first = _used(client, headers, "Find 3 CEOs at law firms in New York")
    conv = first["conversation_id"]
    used = []
    for text in (
        "add them to Q1 Leads",
        "show my lists",
        "what's in Q1 Leads?",
        "rename Q1 Leads to Q2 Leads",
        "merge Old Leads into Q2 Leads",
        "export my Q2 Leads list to CSV",
        "remove the last 1 from Q2 Leads",
    ):
        data = _used(client, headers, text, conversation_id=conv)
        assert data["actions"][0]["status"] == "completed", (text, data["actions"])
        used.append(data["credits_used"] - MESSAGE)
    return used


def _row_list_delete_proposed(client, headers, db):  # type: ignore[no-untyped-def]
    ok(client.post("/v1/lists", json={"name": "Doomed"}, headers=headers))
    data = _used(client, headers, "delete the Doomed list")
    assert data["requires_approval"] is True
    return [data["credits_used"] - MESSAGE]


def _row_campaign_chat(client, headers, db):  # type: ignore[no-untyped-def]
    contact = ok(client.post("/v1/contacts", json={"email": "dee@firm.example"}, headers=headers))
    lst = ok(client.post("/v1/lists", json={"name": "Pitch"}, headers=headers))
    ok(client.post(f"/v1/lists/{lst['id']}/contacts", json={"contact_ids": [contact["id"]]},
                   headers=headers))  # fmt: skip
    first = _used(client, headers, "create a campaign for my Pitch list about legal automation")
    conv = first["conversation_id"]
    used = [first["credits_used"] - MESSAGE]
    for text in ("show me the email", "make it more casual", "undo that", "start the campaign",
                 "pause the campaign", "how is the campaign doing?"):  # fmt: skip
        data = _used(client, headers, text, conversation_id=conv)
        assert data["actions"][0]["status"] in ("completed", "pending_approval"), data["actions"]
        used.append(data["credits_used"] - MESSAGE)
    return used


def _row_personalize_email(client, headers, db):  # type: ignore[no-untyped-def]
    body = {"first_name": "Dee", "email": "dee@firm.example"}
    contact = ok(client.post("/v1/contacts", json=body, headers=headers))
    before = client.get("/v1/credits", headers=headers).json()["data"]["balance"]
    data = ok(
        client.post(
            "/v1/lexi/personalize-email",
            json={"contact_id": contact["id"], "intent": "legal automation"},
            headers=headers,
        )
    )
    return [before - data["credits_remaining"]]


ROWS = {name[5:]: fn for name, fn in globals().items() if name.startswith("_row_")}


def test_every_documented_row_has_a_test():
    assert set(ROWS) == set(documented())


@pytest.mark.parametrize("row", sorted(prices.TABLE))
def test_each_row_is_what_a_turn_charges(row, client, factory, db):
    ws = factory.workspace(credits=1000)
    headers = factory.headers(ws.id)
    charged = ROWS[row](client, headers, db)
    assert charged and all(c == prices.TABLE[row] for c in charged), (row, charged)
