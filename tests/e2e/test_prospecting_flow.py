"""A sales user prospects with Lexi through the SDK.

Dana opens Lexi from her "Q1 Leads" list and asks for 20 CEOs at New York law firms: Lexi finds
them and adds them to the list at once, because 20 is within the auto-approve limit. She then asks
for 50 CEOs at California law firms: that is above the limit, so Lexi quotes the cost and waits.
She approves; the background worker runs the task once; her contacts hold the 50 people. In the
same conversation she narrows an earlier search to New York, checks her credits, and asks for a
campaign for her list, which Lexi drafts.
"""

from __future__ import annotations

import pytest

from lexi.client import Lexi
from tests.helpers.chat import cohorts, drain  # noqa: F401  (cohorts is a fixture)

pytestmark = pytest.mark.usefixtures("cohorts")


def test_prospecting_story(client, api_key, db):  # type: ignore[no-untyped-def]
    lexi = Lexi(api_key=api_key, base_url="http://testserver", http_client=client, max_retries=0)

    q1 = lexi.lists.create("Q1 Leads")
    first = lexi.chat_with_lexi("Find me 20 CEOs at law firms in New York", {"list_id": q1["id"]})
    assert first["requires_approval"] is False
    assert "20" in first["response"] and "Q1 Leads" in first["response"]
    assert lexi.lists.get(q1["id"])["contact_count"] == 20

    big = lexi.chat_with_lexi(
        "Find 50 CEOs at law firms in California", conversation_id=first["conversation_id"]
    )
    assert big["requires_approval"] is True and "5 credits" in big["response"]
    pending = lexi.tasks.list()
    assert [t["id"] for t in pending["tasks"]] == [big["task_id"]]

    assert lexi.tasks.approve(big["task_id"])["execution_started"] is True
    assert drain(db) >= 1  # tasks other tests left approved may run too
    done = lexi.tasks.get(big["task_id"])
    assert done["status"] == "completed" and len(done["result"]["prospects"]) == 50
    assert (
        client.get("/v1/contacts", headers={"Authorization": f"Bearer {api_key}"}).json()["meta"][
            "total"
        ]
        == 70
    )

    broad = lexi.chat_with_lexi("Find CEOs at law firms")
    narrow = lexi.chat_with_lexi(
        "Filter to only New York", conversation_id=broad["conversation_id"]
    )
    assert narrow["actions"][0]["filters"]["locations"] == ["New York, NY, US"]
    assert narrow["actions"][0]["total_matches"] < broad["actions"][0]["total_matches"]

    credits = lexi.chat_with_lexi("how many credits do I have?")
    assert f"{credits['credits_remaining']:,} credits" in credits["response"]
    # 3 searches run in turns x 5, the approved task 5, 4 messages x 1 (the balance question
    # is free)
    assert credits["credits_used"] == 0
    assert credits["credits_remaining"] == 1000 - 15 - 5 - 4

    campaign = lexi.chat_with_lexi(
        "Create an outreach campaign for my 'Q1 Leads' list about legal automation",
        {"list_id": q1["id"]},
    )
    assert campaign["actions"][0]["type"] == "campaign_create"
    assert (
        campaign["actions"][0]["list_id"] == q1["id"] and "legal automation" in campaign["response"]
    )

    history = lexi.conversations.get(first["conversation_id"])
    assert history["title"] == "Find me 20 CEOs at law firms in New York"
    assert [m["role"] for m in history["messages"]] == ["user", "assistant"] * 2
