"""Approving or dismissing a task needs the scopes its effects need, whoever approves (tasks API,
chat), and the key or user that proposed it must still be valid; refusals change nothing."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import delete, update

from lexi.kit.clock import utc_now
from lexi.models import ApiKey, Membership
from lexi.tasks import service as tasks_service
from tests.helpers.chat import chat, cohorts, drain, ok  # noqa: F401  (cohorts is a fixture)
from tests.helpers.web import make_user

pytestmark = pytest.mark.usefixtures("cohorts")
SEARCH = "Find 50 CEOs at law firms in California"


def bearer(plaintext: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {plaintext}"}


def status(client: httpx.Client, headers: dict[str, str], task_id: str) -> str:
    return ok(client.get(f"/v1/lexi/tasks/{task_id}", headers=headers))["status"]


def balance(client: httpx.Client, headers: dict[str, str]) -> int:
    return int(ok(client.get("/v1/credits", headers=headers))["balance"])


def audit(client: httpx.Client, headers: dict[str, str], type: str) -> list[dict[str, Any]]:
    return ok(client.get("/v1/audit-events", headers=headers, params={"type": type}))  # type: ignore[return-value]


@pytest.fixture
def full(factory, workspace):  # type: ignore[no-untyped-def]
    return factory.headers(workspace.id, name="full")


class TestEffectScopes:
    def test_a_lexi_only_key_cannot_approve_a_search_that_saves_contacts(
        self, client, factory, workspace, full
    ):
        task_id = ok(chat(client, full, SEARCH))["task_id"]
        lexi_only = factory.headers(workspace.id, scopes=["lexi"])
        before = balance(client, full)
        r = client.post(f"/v1/lexi/tasks/{task_id}/approve", headers=lexi_only)
        assert r.status_code == 403, r.text
        error = r.json()["error"]
        assert error["code"] == "insufficient_permissions"
        assert "contacts:write" in error["message"]
        assert error["details"]["missing_scopes"] == ["prospects:read", "contacts:write"]
        assert error["details"]["required_scopes"] == ["lexi", "prospects:read", "contacts:write"]
        r = client.post(f"/v1/lexi/tasks/{task_id}/dismiss", headers=lexi_only)
        assert r.status_code == 403
        # Nothing changed: still pending, nothing charged, nothing recorded.
        assert status(client, full, task_id) == "pending"
        assert balance(client, full) == before
        assert audit(client, full, "task.") == []
        # A key holding what the search does may approve it.
        enough = factory.headers(workspace.id, scopes=["lexi", "prospects:read", "contacts:write"])
        ok(client.post(f"/v1/lexi/tasks/{task_id}/approve", headers=enough))
        assert status(client, full, task_id) == "approved"
        assert balance(client, full) == before - 5

    def test_contacts_write_without_prospects_read_is_not_enough(
        self, client, factory, workspace, full
    ):
        task_id = ok(chat(client, full, SEARCH))["task_id"]
        partial = factory.headers(workspace.id, scopes=["lexi", "contacts:write"])
        r = client.post(f"/v1/lexi/tasks/{task_id}/approve", headers=partial)
        assert r.status_code == 403
        assert r.json()["error"]["details"]["missing_scopes"] == ["prospects:read"]
        assert status(client, full, task_id) == "pending"

    def test_deleting_a_list_needs_contacts_write(self, client, factory, workspace, full):
        ok(client.post("/v1/lists", headers=full, json={"name": "Scoped list"}))
        task_id = ok(chat(client, full, "Delete the Scoped list list"))["task_id"]
        reader = factory.headers(workspace.id, scopes=["lexi", "contacts:read", "prospects:read"])
        r = client.post(f"/v1/lexi/tasks/{task_id}/approve", headers=reader)
        assert r.status_code == 403
        assert r.json()["error"]["details"]["missing_scopes"] == ["contacts:write"]
        writer = factory.headers(workspace.id, scopes=["lexi", "contacts:write"])
        ok(client.post(f"/v1/lexi/tasks/{task_id}/dismiss", headers=writer))
        assert status(client, full, task_id) == "dismissed"

    def test_a_campaign_start_needs_campaigns_write(self, client, factory, workspace, full):
        rows = [{"full_name": "Ann Lee", "email": f"ann-{uuid.uuid4().hex[:6]}@example.com"}]
        people = ok(client.post("/v1/contacts/bulk", headers=full, json={"contacts": rows}))
        lst = ok(client.post("/v1/lists", headers=full, json={"name": "Launch list"}))
        ids = [c["id"] for c in people["contacts"]]
        ok(client.post(f"/v1/lists/{lst['id']}/contacts", headers=full, json={"contact_ids": ids}))
        campaign = ok(
            client.post(
                "/v1/campaigns",
                headers=full,
                json={
                    "name": "Scoped launch",
                    "list_id": lst["id"],
                    "steps": [{"subject": "Hi", "body": "A note."}],
                },
            )
        )
        task_id = ok(client.post(f"/v1/campaigns/{campaign['id']}/start", headers=full))["task_id"]
        no_campaigns = factory.headers(
            workspace.id, scopes=["lexi", "contacts:write", "prospects:read", "campaigns:read"]
        )
        r = client.post(f"/v1/lexi/tasks/{task_id}/approve", headers=no_campaigns)
        assert r.status_code == 403
        assert r.json()["error"]["details"]["missing_scopes"] == ["campaigns:write"]
        assert status(client, full, task_id) == "pending"
        launcher = factory.headers(workspace.id, scopes=["lexi", "campaigns:write"])
        ok(client.post(f"/v1/lexi/tasks/{task_id}/approve", headers=launcher))
        assert status(client, full, task_id) == "approved"

    def test_approving_in_chat_with_a_lexi_only_key_is_refused_in_words(
        self, client, factory, workspace, full
    ):
        first = ok(chat(client, full, SEARCH))
        lexi_only = factory.headers(workspace.id, scopes=["lexi"])
        reply = ok(
            chat(client, lexi_only, "yes, go ahead", conversation_id=first["conversation_id"])
        )
        [action] = [a for a in reply["actions"] if a["type"] == "task_approve"]
        assert action["status"] == "failed" and action["error"] == "insufficient_permissions"
        assert action["task_id"] == first["task_id"]
        assert "contacts:write" in reply["response"]
        assert status(client, full, first["task_id"]) == "pending"
        reply = ok(
            chat(client, lexi_only, "cancel that task", conversation_id=first["conversation_id"])
        )
        [action] = [a for a in reply["actions"] if a["type"] == "task_dismiss"]
        assert action["status"] == "failed" and action["error"] == "insufficient_permissions"
        assert status(client, full, first["task_id"]) == "pending"

    def test_every_task_type_with_a_handler_declares_its_effects(self):
        from lexi.tasks.handlers import HANDLERS

        assert set(HANDLERS) <= set(tasks_service.EFFECT_SCOPES)


class TestProposer:
    def test_a_task_proposed_by_a_revoked_key_cannot_be_approved(
        self, client, factory, workspace, full
    ):
        proposer_key = factory.key(workspace.id, name="proposer")
        proposer = bearer(proposer_key)
        task_id = ok(chat(client, proposer, SEARCH))["task_id"]
        keys = ok(client.get("/v1/api-keys", headers=full, params={"search": "proposer"}))
        assert client.delete(f"/v1/api-keys/{keys[0]['id']}", headers=full).status_code == 204
        before = balance(client, full)
        r = client.post(f"/v1/lexi/tasks/{task_id}/approve", headers=full)
        assert r.status_code == 409, r.text
        error = r.json()["error"]
        assert error["code"] == "conflict"
        assert error["details"]["reason"] == "proposer_revoked"
        assert "revoked" in error["message"]
        assert status(client, full, task_id) == "pending"
        assert balance(client, full) == before
        assert audit(client, full, "task.approved") == []
        # It can still be dismissed.
        ok(client.post(f"/v1/lexi/tasks/{task_id}/dismiss", headers=full))

    def test_a_task_proposed_by_an_expired_key_cannot_be_approved(
        self, client, factory, workspace, full, db
    ):
        plaintext = factory.key(workspace.id, name="short lived")
        task_id = ok(chat(client, bearer(plaintext), SEARCH))["task_id"]
        with db.unit_of_work() as session:
            session.execute(
                update(ApiKey)
                .where(ApiKey.workspace_id == workspace.id, ApiKey.name == "short lived")
                .values(expires_at=utc_now() - timedelta(minutes=1))
            )
        r = client.post(f"/v1/lexi/tasks/{task_id}/approve", headers=full)
        assert r.status_code == 409
        assert r.json()["error"]["details"]["reason"] == "proposer_expired"
        assert status(client, full, task_id) == "pending"

    def test_a_task_proposed_by_a_user_who_left_cannot_be_approved(
        self, client, workspace, full, db
    ):
        from lexi.users.repository import UserRepository

        email = make_user(db, workspace.id, role="member")
        with db.unit_of_work() as session:
            user = UserRepository(session).by_email(email)
            assert user is not None
            task = tasks_service.propose(
                session,
                workspace_id=workspace.id,
                type="list_operation",
                description="Delete a list",
                metadata={"operation": "delete", "list_id": str(uuid.uuid4())},
                api_key_id=user.id,
                scopes=["lexi", "contacts:write"],
            )
            task_id, user_id = str(task.id), user.id
        with db.unit_of_work() as session:
            session.execute(delete(Membership).where(Membership.user_id == user_id))
        r = client.post(f"/v1/lexi/tasks/{task_id}/approve", headers=full)
        assert r.status_code == 409
        assert r.json()["error"]["details"]["reason"] == "proposer_not_member"
        assert status(client, full, task_id) == "pending"

    def test_a_proposer_revoked_after_the_approval_stops_the_run_and_refunds(
        self, client, factory, workspace, full, db
    ):
        proposer_key = factory.key(workspace.id, name="revoked later")
        task_id = ok(chat(client, bearer(proposer_key), SEARCH))["task_id"]
        before = balance(client, full)
        ok(client.post(f"/v1/lexi/tasks/{task_id}/approve", headers=full))
        keys = ok(client.get("/v1/api-keys", headers=full, params={"search": "revoked later"}))
        client.delete(f"/v1/api-keys/{keys[0]['id']}", headers=full)
        drain(db)
        task = ok(client.get(f"/v1/lexi/tasks/{task_id}", headers=full))
        assert task["status"] == "failed" and "revoked" in task["error"]
        assert balance(client, full) == before
        [refund] = audit(client, full, "credits.refunded")
        assert refund["details"]["reference"] == f"task:{task_id}:refund"
