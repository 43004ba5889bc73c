"""Approval tasks over HTTP: listing, reading, approving, dismissing, and races between them
against a real server process (exactly one request wins)."""

from __future__ import annotations

import uuid
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from tests.helpers.chat import chat, cohorts, ok  # noqa: F401  (cohorts is a fixture)
from tests.helpers.server import LexiServer

pytestmark = pytest.mark.usefixtures("cohorts")
SEARCH = "Find 50 CEOs at law firms in California"


def pending(client, headers) -> str:  # type: ignore[no-untyped-def]
    return ok(chat(client, headers, SEARCH))["task_id"]


class TestListing:
    def test_pending_is_the_default_and_status_filters(self, client, auth):
        task_id = pending(client, auth)
        listed = ok(client.get("/v1/lexi/tasks", headers=auth))["tasks"]
        assert [t["id"] for t in listed] == [task_id]
        task = listed[0]
        assert set(task) >= {"id", "type", "status", "description", "created_at", "metadata"}
        quote = task["metadata"]["quote"]
        assert quote["credits"] == 5 and quote["contacts"] == 50
        assert 0 < quote["emails"] <= 50
        ok(client.post(f"/v1/lexi/tasks/{task_id}/dismiss", headers=auth))
        assert ok(client.get("/v1/lexi/tasks", headers=auth))["tasks"] == []
        dismissed = ok(client.get("/v1/lexi/tasks?status=dismissed", headers=auth))["tasks"]
        assert [t["id"] for t in dismissed] == [task_id]

    def test_an_unknown_status_is_400(self, client, auth):
        r = client.get("/v1/lexi/tasks?status=everything", headers=auth)
        assert r.status_code == 400 and r.json()["error"]["code"] == "validation_error"

    def test_another_workspaces_task_is_404(self, client, auth, factory):
        other = factory.headers(factory.workspace().id)
        task_id = pending(client, other)
        for method, path in (("get", ""), ("post", "/approve"), ("post", "/dismiss")):
            r = client.request(method, f"/v1/lexi/tasks/{task_id}{path}", headers=auth)
            assert r.status_code == 404 and r.json()["error"]["code"] == "task_not_found"
        assert ok(client.get(f"/v1/lexi/tasks/{task_id}", headers=other))["status"] == "pending"

    def test_an_unknown_or_malformed_id(self, client, auth):
        assert client.get(f"/v1/lexi/tasks/{uuid.uuid4()}", headers=auth).status_code == 404
        assert client.get("/v1/lexi/tasks/nope", headers=auth).status_code == 400


class TestApproveAndDismiss:
    def test_approve_answers_per_contract_and_charges_the_quote(self, client, auth):
        task_id = pending(client, auth)
        assert ok(client.get("/v1/credits", headers=auth))["balance"] == 999
        data = ok(client.post(f"/v1/lexi/tasks/{task_id}/approve", headers=auth))
        assert data == {"task_id": task_id, "status": "approved", "execution_started": True}
        assert ok(client.get("/v1/credits", headers=auth))["balance"] == 994

    def test_approving_twice_is_400_and_charges_once(self, client, auth):
        task_id = pending(client, auth)
        ok(client.post(f"/v1/lexi/tasks/{task_id}/approve", headers=auth))
        r = client.post(f"/v1/lexi/tasks/{task_id}/approve", headers=auth)
        assert r.status_code == 400 and r.json()["error"]["code"] == "validation_error"
        assert ok(client.get("/v1/credits", headers=auth))["balance"] == 994

    def test_a_dismissed_task_can_never_be_approved(self, client, auth):
        task_id = pending(client, auth)
        data = ok(
            client.post(
                f"/v1/lexi/tasks/{task_id}/dismiss", json={"reason": "not now"}, headers=auth
            )
        )
        assert data == {"task_id": task_id, "status": "dismissed"}
        r = client.post(f"/v1/lexi/tasks/{task_id}/approve", headers=auth)
        assert r.status_code == 400
        assert client.post(f"/v1/lexi/tasks/{task_id}/dismiss", headers=auth).status_code == 400

    def test_approve_without_enough_credits_is_402_and_stays_pending(self, client, factory):
        ws = factory.workspace(credits=3)
        headers = factory.headers(ws.id)
        task_id = pending(client, headers)
        r = client.post(f"/v1/lexi/tasks/{task_id}/approve", headers=headers)
        assert r.status_code == 402
        assert r.json()["error"]["details"] == {"balance": 2, "required": 5}
        assert ok(client.get(f"/v1/lexi/tasks/{task_id}", headers=headers))["status"] == "pending"

    def test_dismiss_rejects_unknown_fields(self, client, auth):
        task_id = pending(client, auth)
        r = client.post(f"/v1/lexi/tasks/{task_id}/dismiss", json={"why": "x"}, headers=auth)
        assert r.status_code == 400


class TestRacesAgainstARealServer:
    def test_parallel_approvals_and_dismissals_have_exactly_one_winner(
        self, client, factory, migrated
    ):
        ws = factory.workspace(credits=100)
        headers = factory.headers(ws.id)
        task_ids = [pending(client, headers) for _ in range(3)]
        with LexiServer(migrated) as server, server.client(headers=headers) as http:
            for task_id in task_ids:
                paths = [f"/v1/lexi/tasks/{task_id}/approve"] * 6 + [
                    f"/v1/lexi/tasks/{task_id}/dismiss"
                ] * 4
                with ThreadPoolExecutor(max_workers=10) as pool:
                    responses: list[httpx.Response] = list(pool.map(http.post, paths))
                codes = sorted(r.status_code for r in responses)
                assert codes.count(200) == 1, [r.text for r in responses]
                assert codes.count(400) == 9
        balance = ok(client.get("/v1/credits", headers=headers))["balance"]
        approved = sum(
            1
            for t in task_ids
            if ok(client.get(f"/v1/lexi/tasks/{t}", headers=headers))["status"] == "approved"
        )
        assert balance == 100 - 3 - 5 * approved
        # The audit log holds exactly the winner's event (and one charge per approval).
        admin = factory.headers(ws.id, scopes=["admin:api_keys"])
        audit = client.get("/v1/audit-events", params={"per_page": 100}, headers=admin).json()
        for task_id in task_ids:
            about = [e["type"] for e in audit["data"] if e["target"]["id"] == task_id]
            assert len(about) == 1 and about[0] in ("task.approved", "task.dismissed")
        charges = [
            e["details"]["reference"] for e in audit["data"] if e["type"] == "credits.charged"
        ]
        assert sorted(c for c in charges if c.startswith("task:")) == sorted(
            f"task:{t}"
            for t in task_ids
            if ok(client.get(f"/v1/lexi/tasks/{t}", headers=headers))["status"] == "approved"
        )
