"""Campaigns through POST /v1/lexi/chat: drafting for a list, showing, rewriting as revisions,
undo and restore, launching only through an approval task, pausing, stats, scopes and credits."""

from __future__ import annotations

import uuid

import pytest

from lexi.credits import service as credits_service
from tests.integration.campaigns.helpers import contacts, error, new_list, ok


def chat(client, auth, message, **context):
    body = {"message": message}
    if context:
        body["context"] = {k: v for k, v in context.items() if v is not None}
    return client.post("/v1/lexi/chat", headers=auth, json=body)


def talk(client, auth, message, **context):
    return ok(chat(client, auth, message, **context))


@pytest.fixture
def q1(client, auth):
    ids = contacts(client, auth, 3)
    return new_list(client, auth, ids, name=f"Q1 Leads {uuid.uuid4().hex[:4]}")


def create(client, auth, lst, **context):
    data = talk(
        client,
        auth,
        f"Create an outreach campaign for my '{lst['name']}' list about legal automation",
        **context,
    )
    [action] = data["actions"]
    assert action["type"] == "campaign_create" and action["status"] == "completed", data
    return data, action


class TestCreate:
    def test_seed_request_drafts_a_sequence_for_the_quoted_list(self, client, auth, q1):
        data, action = create(client, auth, q1, list_id=q1["id"])
        assert action["list_id"] == q1["id"] and action["revision"] == 1
        assert len(action["steps"]) == 3
        assert [s["index"] for s in action["steps"]] == [0, 1, 2]
        assert {"subject", "body", "delay_days", "send_condition"} <= set(action["steps"][0])
        assert "legal automation" in data["response"] and q1["name"] in data["response"]
        assert action["steps"][0]["subject"] in data["response"]
        assert data["requires_approval"] is False and data["credits_used"] == 1
        campaign = ok(client.get(f"/v1/campaigns/{action['campaign_id']}", headers=auth))
        assert campaign["status"] == "draft" and campaign["list_id"] == q1["id"]
        assert [s["subject"] for s in campaign["steps"]] == [s["subject"] for s in action["steps"]]

    def test_the_list_comes_from_context_an_unquoted_name_or_the_conversation(
        self, client, auth, q1
    ):
        by_context = talk(client, auth, "write a campaign for this list about e-billing",
                          list_id=q1["id"])["actions"][0]  # fmt: skip
        assert by_context["list_id"] == q1["id"] and by_context["topic"] == "e-billing"
        named = new_list(client, auth, contacts(client, auth, 1), name="Dental Owners TX")
        by_name = talk(
            client, auth, "can u draft an email sequence for Dental Owners TX about online booking"
        )["actions"][0]
        assert by_name["list_id"] == named["id"] and by_name["topic"] == "online booking"
        later = talk(client, auth, "create a sequence about cyber insurance")
        assert later["actions"][0]["status"] == "needs_input"
        conv = talk(client, auth, "what's in Dental Owners TX?")["conversation_id"]
        again = talk(client, auth, "now a campaign about cyber insurance for that list",
                     conversation_id=conv)["actions"][0]  # fmt: skip
        assert again["status"] == "completed" and again["list_id"] == named["id"]

    def test_an_unknown_list_or_no_topic_asks_and_creates_nothing(self, client, auth, q1):
        before = client.get("/v1/campaigns", headers=auth).json()["meta"]["total"]
        data = talk(client, auth, "create a campaign for my 'Nope List' list about AI")
        assert data["actions"][0]["status"] == "needs_input"
        assert "Nope List" in data["response"]
        data = talk(client, auth, "create a campaign for this list", list_id=q1["id"])
        assert data["actions"][0]["status"] == "needs_input"
        assert "about" in data["response"]
        assert client.get("/v1/campaigns", headers=auth).json()["meta"]["total"] == before


class TestShowRewriteUndo:
    def test_rewrites_are_new_revisions_and_undo_restores(self, client, auth, q1):
        data, created = create(client, auth, q1, list_id=q1["id"])
        conv = data["conversation_id"]
        cid = created["campaign_id"]
        shown = talk(client, auth, "show me the email", conversation_id=conv)
        [a] = shown["actions"]
        assert a["type"] == "campaign_show" and a["campaign_id"] == cid
        assert created["steps"][0]["body"] in shown["response"]

        casual = talk(client, auth, "Can you make the email more casual?", conversation_id=conv)
        [a] = casual["actions"]
        assert a["type"] == "email_rewrite" and a["status"] == "completed"
        assert a["campaign_id"] == cid and a["revision"] == 2
        assert a["steps"] != created["steps"]
        for text, rev in [("more formal", 3), ("shorter", 4), ("add a question at the end", 5),
                          ("mention our free trial", 6)]:  # fmt: skip
            got = talk(client, auth, text, conversation_id=conv)["actions"][0]
            assert got["type"] == "email_rewrite" and got["revision"] == rev, got
        assert "free trial" in got["steps"][0]["body"].lower()
        subject = talk(client, auth, "change the subject line to 'Quick question about intake'",
                       conversation_id=conv)["actions"][0]  # fmt: skip
        assert subject["steps"][0]["subject"] == "Quick question about intake"

        undone = talk(client, auth, "undo that", conversation_id=conv)["actions"][0]
        assert undone["type"] == "campaign_undo" and undone["revision"] == 8
        assert undone["steps"][0]["subject"] == got["steps"][0]["subject"]
        first = talk(client, auth, "go back to the first version", conversation_id=conv)
        a = first["actions"][0]
        assert a["revision"] == 9 and a["restored_revision"] == 1
        assert [s["body"] for s in a["steps"]] == [s["body"] for s in created["steps"]]
        revisions = ok(client.get(f"/v1/campaigns/{cid}/revisions", headers=auth))
        assert len(revisions) == 9  # every earlier revision kept, unchanged

    def test_the_campaign_comes_from_context_campaign_id(self, client, auth, q1):
        _, created = create(client, auth, q1)
        data = talk(client, auth, "make it shorter", campaign_id=created["campaign_id"])
        assert data["actions"][0]["campaign_id"] == created["campaign_id"]
        assert data["actions"][0]["revision"] == 2

    def test_without_a_campaign_lexi_asks_which(self, client, auth):
        data = talk(client, auth, "make the email more casual")
        assert data["actions"][0]["status"] == "needs_input"
        assert "campaign" in data["response"].lower()

    def test_a_rewrite_it_cannot_do_says_what_it_can(self, client, auth, q1):
        _, created = create(client, auth, q1)
        data = talk(client, auth, "make the email funnier", campaign_id=created["campaign_id"])
        assert data["actions"][0]["status"] == "needs_input"
        assert "more casual" in data["response"]


class TestLaunch:
    def test_start_is_always_an_approval_task_naming_revision_recipients_schedule(
        self, client, auth, q1
    ):
        data, created = create(client, auth, q1, list_id=q1["id"])
        conv = data["conversation_id"]
        talk(client, auth, "make it more casual", conversation_id=conv)
        start = talk(client, auth, "start the campaign", conversation_id=conv)
        assert start["requires_approval"] is True and start["task_id"]
        [a] = start["actions"]
        assert a["type"] == "campaign_start" and a["status"] == "pending_approval"
        assert a["revision"] == 2 and a["recipients"] == 3
        assert "revision 2" in start["response"] and "3 recipients" in start["response"]
        assert "a day" in start["response"]
        task = ok(client.get(f"/v1/lexi/tasks/{start['task_id']}", headers=auth))
        assert task["type"] == "campaign_start" and task["status"] == "pending"
        assert task["metadata"]["revision"] == 2 and task["metadata"]["recipients"] == 3
        assert task["metadata"]["schedule"]["daily_send_limit"] == 50
        c = ok(client.get(f"/v1/campaigns/{created['campaign_id']}", headers=auth))
        assert c["status"] == "pending_approval"
        # Asking again while it waits changes nothing.
        again = talk(client, auth, "send it", conversation_id=conv)
        assert again["actions"][0]["status"] == "failed" and again["task_id"] is None
        # Pausing a launch that waits cancels it.
        paused = talk(client, auth, "pause the campaign", conversation_id=conv)
        assert paused["actions"][0]["type"] == "campaign_pause"
        assert ok(client.get(f"/v1/lexi/tasks/{start['task_id']}", headers=auth))["status"] == (
            "dismissed"
        )

    def test_approving_in_chat_activates_and_stats_report(self, client, auth, q1, db):
        from lexi.worker import Worker

        data, created = create(client, auth, q1, list_id=q1["id"])
        conv = data["conversation_id"]
        talk(client, auth, "launch it", conversation_id=conv)
        approved = talk(client, auth, "approve it", conversation_id=conv)
        assert approved["actions"][0]["type"] == "task_approve"
        assert approved["actions"][0]["status"] == "completed"
        Worker(db).run_until_idle()
        c = ok(client.get(f"/v1/campaigns/{created['campaign_id']}", headers=auth))
        assert c["status"] == "active"
        stats = talk(client, auth, "how is the campaign doing?", conversation_id=conv)
        [a] = stats["actions"]
        assert a["type"] == "campaign_stats" and a["stats"]["scheduled_count"] == 3
        paused = talk(client, auth, "pause the campaign", conversation_id=conv)
        assert paused["actions"][0]["campaign_status"] == "paused"
        assert "Paused" in paused["response"]

    def test_policy_never_still_waits_for_approval(self, client, auth, q1):
        ok(client.patch("/v1/lexi/settings", headers=auth, json={"approval_mode": "never"}))
        _, created = create(client, auth, q1, list_id=q1["id"])
        start = talk(client, auth, "start the campaign", campaign_id=created["campaign_id"])
        assert start["requires_approval"] is True


class TestScopesAndCredits:
    def test_a_key_without_campaign_scopes_is_told_and_nothing_changes(
        self, client, factory, workspace, q1
    ):
        headers = factory.headers(workspace.id, scopes=["lexi", "contacts:read"])
        data = talk(client, headers, f"Create a campaign for my '{q1['name']}' list about AI")
        [a] = data["actions"]
        assert a["status"] == "failed" and a["error"] == "insufficient_permissions"
        assert "campaigns:write" in data["response"]
        read_only = factory.headers(workspace.id, scopes=["lexi", "campaigns:read"])
        assert talk(client, read_only, "start the campaign")["actions"][0]["error"] == (
            "insufficient_permissions"
        )

    def test_campaign_turns_cost_only_the_message(self, client, auth, q1, db, workspace):
        with db.unit_of_work() as s:
            before = credits_service.balance(s, workspace.id)
        data, _ = create(client, auth, q1, list_id=q1["id"])
        talk(client, auth, "more formal", conversation_id=data["conversation_id"])
        with db.unit_of_work() as s:
            assert credits_service.balance(s, workspace.id) == before - 2

    def test_unknown_campaign_id_in_context_is_404(self, client, auth):
        error(chat(client, auth, "show me the email", campaign_id=str(uuid.uuid4())), 404,
              "campaign_not_found")  # fmt: skip
