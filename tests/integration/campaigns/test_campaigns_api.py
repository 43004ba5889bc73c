"""/v1/campaigns: drafts, steps and revisions, enrolment, start on approval, pause, stats."""

from __future__ import annotations

import threading
import uuid

import pytest

from lexi.worker import Worker
from tests.integration.campaigns.helpers import (
    STEP,
    campaign,
    contacts,
    error,
    new_list,
    ok,
)


@pytest.fixture
def other_auth(factory):
    return factory.headers(factory.workspace().id)


class TestCreate:
    def test_contract_fields(self, client, auth):
        c = campaign(client, auth, name="Q1 push", track_opens=True)
        assert c["status"] == "draft" and c["revision"] == 1
        for key in (
            "id", "name", "description", "list_id", "status", "daily_send_limit",
            "delay_between_emails", "sending_timezone", "send_on_weekends", "track_opens",
            "track_clicks", "show_unsubscribe", "revision", "steps", "created_at",
        ):  # fmt: skip
            assert key in c
        assert c["steps"][0] == {
            "id": c["steps"][0]["id"], "index": 0, "subject": STEP["subject"],
            "body": STEP["body"], "delay_days": 0, "delay_hours": 0, "send_condition": "always",
        }  # fmt: skip

    def test_topic_drafts_a_three_step_sequence_for_the_lists_audience(self, client, auth):
        lst = new_list(client, auth, contacts(client, auth, 3))
        c = campaign(client, auth, list_id=lst["id"], topic="legal automation", tone="casual")
        assert len(c["steps"]) == 3 and c["revision"] == 1
        assert [s["send_condition"] for s in c["steps"]] == ["always", "if_no_reply", "if_no_reply"]
        assert "legal automation" in c["steps"][0]["body"].lower()
        assert "{{first_name|there}}" in c["steps"][0]["body"]

    @pytest.mark.parametrize(
        "body,field",
        [
            ({"daily_send_limit": 0}, "daily_send_limit"),
            ({"daily_send_limit": 501}, "daily_send_limit"),
            ({"delay_between_emails": 29}, "delay_between_emails"),
            ({"sending_timezone": "Mars/Olympus"}, "sending_timezone"),
            (
                {"sending_window_start": "25:00", "sending_window_end": "17:00"},
                "sending_window_start",
            ),
            ({"sending_window_start": "09:00"}, "sending_window_end"),
            ({"name": "  "}, "name"),
        ],
    )
    def test_bad_settings_are_400(self, client, auth, body, field):
        r = client.post("/v1/campaigns", headers=auth, json={"name": "x", **body})
        assert field in error(r, 400, "validation_error")["details"]["fields"]

    def test_unknown_list_is_404(self, client, auth):
        r = client.post(
            "/v1/campaigns", headers=auth, json={"name": "x", "list_id": str(uuid.uuid4())}
        )
        error(r, 404, "list_not_found")

    def test_other_workspace_is_404(self, client, auth, other_auth):
        c = campaign(client, auth)
        error(client.get(f"/v1/campaigns/{c['id']}", headers=other_auth), 404, "campaign_not_found")
        error(
            client.post(f"/v1/campaigns/{c['id']}/start", headers=other_auth),
            404,
            "campaign_not_found",
        )

    def test_scopes(self, client, factory, workspace):
        read = factory.headers(workspace.id, scopes=["campaigns:read"])
        error(
            client.post("/v1/campaigns", headers=read, json={"name": "x"}),
            403,
            "insufficient_permissions",
        )
        ok(client.get("/v1/campaigns", headers=read))


class TestSteps:
    def test_unknown_merge_variables_are_400_listing_them(self, client, auth):
        c = campaign(client, auth)
        r = client.post(
            f"/v1/campaigns/{c['id']}/steps", headers=auth,
            json={"subject": "Hi {{frist_name}}", "body": "About {{company}} and {{first_name|x}}"},
        )  # fmt: skip
        err = error(r, 400, "validation_error")
        assert err["details"]["unknown_variables"] == ["frist_name", "company"]
        assert ok(client.get(f"/v1/campaigns/{c['id']}", headers=auth))["revision"] == 1

    def test_empty_subject_is_400(self, client, auth):
        c = campaign(client, auth)
        r = client.post(
            f"/v1/campaigns/{c['id']}/steps", headers=auth, json={"subject": "  ", "body": "x"}
        )
        assert "subject" in error(r, 400, "validation_error")["details"]["fields"]

    def test_html_with_scripts_is_sanitised(self, client, auth):
        c = campaign(client, auth)
        body = (
            '<p onclick="steal()">Hi {{first_name|there}}</p><script>alert(1)</script>'
            '<a href="javascript:alert(2)">x</a><a href="https://example.com">site</a>'
        )
        step = ok(
            client.post(
                f"/v1/campaigns/{c['id']}/steps", headers=auth, json={"subject": "s", "body": body}
            ),
            201,
        )
        assert "script" not in step["body"] and "onclick" not in step["body"]
        assert "javascript:" not in step["body"]
        assert (
            'href="https://example.com"' in step["body"] and "{{first_name|there}}" in step["body"]
        )

    def test_each_change_is_a_new_revision_and_old_ones_stay(self, client, auth):
        c = campaign(client, auth)
        cid, sid = c["id"], c["steps"][0]["id"]
        ok(client.patch(f"/v1/campaigns/{cid}/steps/{sid}", headers=auth, json={"subject": "New"}))
        s2 = ok(
            client.post(
                f"/v1/campaigns/{cid}/steps",
                headers=auth,
                json={**STEP, "delay_days": 3, "send_condition": "if_no_reply"},
            ),
            201,
        )
        assert s2["index"] == 1
        r = client.delete(f"/v1/campaigns/{cid}/steps/{s2['id']}", headers=auth)
        assert r.status_code == 204
        revs = ok(client.get(f"/v1/campaigns/{cid}/revisions", headers=auth))
        assert [r["number"] for r in revs] == [1, 2, 3, 4]
        assert revs[0]["steps"][0]["subject"] == STEP["subject"]
        assert revs[1]["steps"][0]["subject"] == "New" and len(revs[2]["steps"]) == 2
        assert ok(client.get(f"/v1/campaigns/{cid}", headers=auth))["revision"] == 4


class TestRewritesAndUndo:
    def test_rewrite_undo_and_restore(self, client, auth):
        c = campaign(client, auth, topic="legal automation", tone="professional")
        cid = c["id"]
        original = c["steps"]
        casual = ok(
            client.post(
                f"/v1/campaigns/{cid}/rewrite",
                headers=auth,
                json={"instruction": "make it more casual"},
            )
        )
        assert casual["number"] == 2 and casual["change"] == "more casual"
        assert casual["steps"][0]["body"].startswith("Hey ")
        sub = ok(
            client.post(
                f"/v1/campaigns/{cid}/rewrite",
                headers=auth,
                json={"instruction": 'change the subject line to "Quick idea"'},
            )
        )
        assert sub["number"] == 3 and sub["steps"][0]["subject"] == "Quick idea"
        back = ok(client.post(f"/v1/campaigns/{cid}/undo", headers=auth))
        assert back["number"] == 4 and back["steps"][0]["subject"] == original[0]["subject"]
        assert back["steps"][0]["body"] == casual["steps"][0]["body"]
        first = ok(client.post(f"/v1/campaigns/{cid}/revisions/1/restore", headers=auth))
        assert first["number"] == 5 and [s["body"] for s in first["steps"]] == [
            s["body"] for s in original
        ]
        # Step ids survive restores, and the history is all there.
        assert [s["id"] for s in first["steps"]] == [s["id"] for s in original]
        revs = ok(client.get(f"/v1/campaigns/{cid}/revisions", headers=auth))
        assert [r["change"] for r in revs] == [
            "drafted",
            "more casual",
            "subject: Quick idea",
            "restored revision 2",
            "restored revision 1",
        ]

    def test_undo_with_nothing_before_is_409(self, client, auth):
        c = campaign(client, auth)
        error(client.post(f"/v1/campaigns/{c['id']}/undo", headers=auth), 409, "conflict")

    def test_unsupported_rewrite_is_400(self, client, auth):
        c = campaign(client, auth)
        r = client.post(
            f"/v1/campaigns/{c['id']}/rewrite", headers=auth, json={"instruction": "in Latin"}
        )
        assert "supported" in error(r, 400, "validation_error")["details"]


class TestEnrolment:
    def test_skips_no_email_suppressed_and_already_enrolled(self, client, auth):
        ids = contacts(client, auth, 3)
        no_email = ok(
            client.post("/v1/contacts", headers=auth, json={"full_name": "No Mail"}), 201
        )["id"]
        email = ok(client.get(f"/v1/contacts/{ids[2]}", headers=auth))["email"]
        ok(client.post("/v1/suppressions", headers=auth, json={"email": email.upper()}), 201)
        c = campaign(client, auth)
        url = f"/v1/campaigns/{c['id']}/contacts"
        first = ok(client.post(url, headers=auth, json={"contact_ids": ids[:1]}))
        assert first["added"] == 1
        r = ok(
            client.post(url, headers=auth, json={"contact_ids": [*ids, no_email], "source": "api"})
        )
        assert r["added"] == 1 and r["contact_ids"] == [ids[1]] and r["skipped"] == 3
        assert r["skipped_reasons"] == {
            "already_enrolled": [ids[0]], "no_email": [no_email], "suppressed": [ids[2]],
        }  # fmt: skip
        page = client.get(url, headers=auth).json()
        assert page["meta"]["total"] == 2
        assert {e["status"] for e in page["data"]} == {"pending"}
        assert client.delete(f"{url}/{ids[0]}", headers=auth).status_code == 204
        error(client.delete(f"{url}/{ids[0]}", headers=auth), 404, "contact_not_found")

    def test_unknown_contact_adds_nothing(self, client, auth):
        ids = contacts(client, auth, 1)
        c = campaign(client, auth)
        r = client.post(
            f"/v1/campaigns/{c['id']}/contacts",
            headers=auth,
            json={"contact_ids": [ids[0], str(uuid.uuid4())]},
        )
        error(r, 404, "contact_not_found")
        assert (
            client.get(f"/v1/campaigns/{c['id']}/contacts", headers=auth).json()["meta"]["total"]
            == 0
        )


class TestStart:
    def test_start_creates_an_approval_task_naming_revision_recipients_and_schedule(
        self, client, auth, db
    ):
        ids = contacts(client, auth, 4)
        no_email = ok(
            client.post("/v1/contacts", headers=auth, json={"full_name": "No Mail"}), 201
        )["id"]
        lst = new_list(client, auth, [*ids, no_email])
        c = campaign(
            client, auth, list_id=lst["id"], topic="legal automation",
            sending_timezone="America/New_York", sending_window_start="09:00",
            sending_window_end="17:00", daily_send_limit=2,
        )  # fmt: skip
        started = ok(client.post(f"/v1/campaigns/{c['id']}/start", headers=auth))
        assert started["status"] == "pending_approval" and started["task_id"]
        task = ok(client.get(f"/v1/lexi/tasks/{started['task_id']}", headers=auth))
        assert task["type"] == "campaign_start" and task["status"] == "pending"
        meta = task["metadata"]
        assert meta["revision"] == 1 and meta["recipients"] == 4
        assert meta["skipped"] == {"no_email": 1, "suppressed": 0}
        assert meta["schedule"]["window"] == "09:00-17:00"
        assert meta["schedule"]["timezone"] == "America/New_York"
        assert meta["schedule"]["first_step_days"] == 2
        assert "revision 1" in task["description"] and "4 recipients" in task["description"]
        # Nothing is sent or scheduled before approval; a second start is a conflict.
        assert (
            ok(client.get(f"/v1/campaigns/{c['id']}/stats", headers=auth))["scheduled_count"] == 0
        )
        error(client.post(f"/v1/campaigns/{c['id']}/start", headers=auth), 409, "conflict")
        # Approval activates the named revision and schedules step 1 for each recipient.
        ok(client.post(f"/v1/lexi/tasks/{started['task_id']}/approve", headers=auth))
        Worker(db).run_until_idle()
        task = ok(client.get(f"/v1/lexi/tasks/{started['task_id']}", headers=auth))
        assert task["status"] == "completed", task
        got = ok(client.get(f"/v1/campaigns/{c['id']}", headers=auth))
        assert got["status"] == "active" and got["sending_revision"] == 1
        assert (
            ok(client.get(f"/v1/campaigns/{c['id']}/stats", headers=auth))["scheduled_count"] == 4
        )
        error(client.post(f"/v1/campaigns/{c['id']}/start", headers=auth), 409, "conflict")
        # Active campaigns cannot be edited; pausing stops them, and delete is for drafts only.
        error(
            client.post(
                f"/v1/campaigns/{c['id']}/rewrite", headers=auth, json={"instruction": "shorter"}
            ),
            409,
            "conflict",
        )
        assert ok(client.post(f"/v1/campaigns/{c['id']}/pause", headers=auth))["status"] == "paused"
        error(client.delete(f"/v1/campaigns/{c['id']}", headers=auth), 409, "conflict")

    def test_edits_after_proposing_fail_the_task(self, client, auth, db):
        lst = new_list(client, auth, contacts(client, auth, 1))
        c = campaign(client, auth, list_id=lst["id"])
        task_id = ok(client.post(f"/v1/campaigns/{c['id']}/start", headers=auth))["task_id"]
        ok(client.post(f"/v1/campaigns/{c['id']}/pause", headers=auth))
        assert ok(client.get(f"/v1/lexi/tasks/{task_id}", headers=auth))["status"] == "dismissed"
        ok(
            client.post(
                f"/v1/campaigns/{c['id']}/rewrite",
                headers=auth,
                json={"instruction": "more formal"},
            )
        )
        task_id = ok(client.post(f"/v1/campaigns/{c['id']}/start", headers=auth))["task_id"]
        assert (
            ok(client.get(f"/v1/lexi/tasks/{task_id}", headers=auth))["metadata"]["revision"] == 2
        )

    def test_no_list_and_empty_list_are_400(self, client, auth):
        c = campaign(client, auth)
        err = error(
            client.post(f"/v1/campaigns/{c['id']}/start", headers=auth), 400, "validation_error"
        )
        assert "list_id" in err["details"]["fields"]
        lst = new_list(client, auth, [])
        c = campaign(client, auth, list_id=lst["id"])
        error(client.post(f"/v1/campaigns/{c['id']}/start", headers=auth), 400, "validation_error")
        assert ok(client.get(f"/v1/campaigns/{c['id']}", headers=auth))["status"] == "draft"

    def test_no_steps_is_400(self, client, auth):
        lst = new_list(client, auth, contacts(client, auth, 1))
        c = ok(
            client.post(
                "/v1/campaigns", headers=auth, json={"name": "empty", "list_id": lst["id"]}
            ),
            201,
        )
        error(client.post(f"/v1/campaigns/{c['id']}/start", headers=auth), 400, "validation_error")

    def test_parallel_starts_make_one_task(self, app, auth, client):
        import httpx
        from fastapi.testclient import TestClient

        lst = new_list(client, auth, contacts(client, auth, 2))
        c = campaign(client, auth, list_id=lst["id"])
        results: list[int] = []

        def go() -> None:
            with TestClient(app, raise_server_exceptions=False) as tc:
                results.append(tc.post(f"/v1/campaigns/{c['id']}/start", headers=auth).status_code)

        threads = [threading.Thread(target=go) for _ in range(6)]
        [t.start() for t in threads]
        [t.join() for t in threads]
        assert sorted(results).count(200) == 1 and set(results) <= {200, 409}, results
        tasks = ok(client.get("/v1/lexi/tasks", headers=auth))["tasks"]
        assert len([t for t in tasks if t["metadata"].get("campaign_id") == c["id"]]) == 1
        assert httpx  # imported for the type of the client

    def test_delete_draft(self, client, auth):
        c = campaign(client, auth)
        assert client.delete(f"/v1/campaigns/{c['id']}", headers=auth).status_code == 204
        error(client.get(f"/v1/campaigns/{c['id']}", headers=auth), 404, "campaign_not_found")


class TestStats:
    def test_empty_stats(self, client, auth):
        c = campaign(client, auth)
        s = ok(client.get(f"/v1/campaigns/{c['id']}/stats", headers=auth))
        assert s["sent_count"] == 0 and s["open_rate"] == 0.0
        assert set(s) >= {
            "sent_count", "opened_count", "clicked_count", "replied_count", "bounced_count",
            "unsubscribed_count", "open_rate", "click_rate", "reply_rate",
        }  # fmt: skip
