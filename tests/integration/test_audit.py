"""GET /v1/audit-events: every recorded change names its actor (the API key, the signed-in web
user or the operator CLI), filters and pages, and never shows another workspace's events."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from lexi.auth import service as auth_service
from lexi.cli import app as cli_app
from lexi.db.session import Database
from lexi.users.repository import UserRepository
from tests.helpers.chat import chat, cohorts, drain, ok  # noqa: F401  (cohorts is a fixture)
from tests.helpers.web import form_token, make_user, sign_in

pytestmark = pytest.mark.usefixtures("cohorts")
SEARCH = "Find 50 CEOs at law firms in California"


def events(client: httpx.Client, headers: dict[str, str], **params: Any) -> list[dict[str, Any]]:
    r = client.get("/v1/audit-events", headers=headers, params={"per_page": 100, **params})
    assert r.status_code == 200, r.text
    return r.json()["data"]


def key_id(db: Database, plaintext: str) -> str:
    with db.unit_of_work(write=False) as session:
        caller = auth_service.authenticate(session, plaintext)
    assert caller is not None
    return str(caller.key_id)


def user_id(db: Database, email: str) -> str:
    with db.unit_of_work(write=False) as session:
        user = UserRepository(session).by_email(email)
    assert user is not None
    return str(user.id)


def of_type(rows: list[dict[str, Any]], type: str) -> list[dict[str, Any]]:
    return [e for e in rows if e["type"] == type]


@pytest.fixture
def admin(factory, workspace, db):  # type: ignore[no-untyped-def]
    """An admin key named "admin" of the workspace: (headers, key id)."""
    plaintext = factory.key(workspace.id, name="admin")
    return {"Authorization": f"Bearer {plaintext}"}, key_id(db, plaintext)


class TestApiKeyActors:
    def test_key_creation_and_revocation_name_the_calling_key(self, client, admin):
        headers, admin_id = admin
        created = ok(
            client.post(
                "/v1/api-keys", headers=headers, json={"name": "backend", "permissions": ["lexi"]}
            )
        )
        r = client.delete(f"/v1/api-keys/{created['id']}", headers=headers)
        assert r.status_code == 204
        rows = events(client, headers, type="api_key.")
        assert [e["type"] for e in rows[:2]] == ["api_key.revoked", "api_key.created"]
        for event in rows[:2]:
            assert event["actor"] == {"kind": "api_key", "id": admin_id, "name": "admin"}
            assert event["target"] == {"type": "api_key", "id": created["id"]}
            assert event["details"]["name"] == "backend"
            assert set(event) == {"id", "type", "actor", "target", "details", "created_at"}
        assert rows[1]["details"]["permissions"] == ["lexi"]
        # Revoking an already revoked key changes nothing and records nothing.
        client.delete(f"/v1/api-keys/{created['id']}", headers=headers)
        assert len(events(client, headers, type="api_key.revoked")) == 1

    def test_a_refused_change_records_nothing(self, client, factory):
        ws = factory.workspace()
        plaintext = factory.key(ws.id, name="only admin")
        headers = {"Authorization": f"Bearer {plaintext}"}
        only = ok(client.get("/v1/api-keys", headers=headers))
        r = client.delete(f"/v1/api-keys/{only[0]['id']}", headers=headers)
        assert r.status_code == 403
        assert events(client, headers, type="api_key.revoked") == []

    def test_chat_charges_approval_and_the_approved_tasks_charge(self, client, admin):
        headers, admin_id = admin
        actor = {"kind": "api_key", "id": admin_id, "name": "admin"}
        task_id = ok(chat(client, headers, SEARCH))["task_id"]
        charged = events(client, headers, type="credits.charged")
        assert [e["details"]["amount"] for e in charged] == [-1]
        assert charged[0]["actor"] == actor
        assert charged[0]["details"]["reason"] == "chat message"
        assert charged[0]["target"]["type"] == "credit_entry"
        ok(client.post(f"/v1/lexi/tasks/{task_id}/approve", headers=headers))
        approved = events(client, headers, type="task.approved")
        assert len(approved) == 1 and approved[0]["actor"] == actor
        assert approved[0]["target"] == {"type": "task", "id": task_id}
        assert approved[0]["details"]["task_type"] == "prospect_search"
        assert approved[0]["details"]["credits"] == 5
        charged = events(client, headers, type="credits.charged")
        assert charged[0]["details"]["amount"] == -5
        assert charged[0]["details"]["reference"] == f"task:{task_id}"
        assert charged[0]["actor"] == actor
        # The ledger and the audit log agree entry for entry.
        ledger = ok(client.get("/v1/credits", headers=headers))["entries"]
        logged = events(client, headers, type="credits.")
        assert sorted(e["amount"] for e in ledger) == sorted(e["details"]["amount"] for e in logged)

    def test_a_personalized_email_charge(self, client, admin):
        headers, admin_id = admin
        body = {"first_name": "Dee", "email": f"dee-{uuid.uuid4().hex[:6]}@firm.example"}
        contact = ok(client.post("/v1/contacts", json=body, headers=headers))
        ok(
            client.post(
                "/v1/lexi/personalize-email",
                json={"contact_id": contact["id"], "intent": "legal automation"},
                headers=headers,
            )
        )
        [charge] = events(client, headers, type="credits.charged")
        assert charge["actor"]["id"] == admin_id
        assert charge["details"]["amount"] == -2
        assert charge["details"]["reference"] == f"contact:{contact['id']}"

    def test_dismissal(self, client, admin):
        headers, admin_id = admin
        task_id = ok(chat(client, headers, SEARCH))["task_id"]
        ok(
            client.post(
                f"/v1/lexi/tasks/{task_id}/dismiss", headers=headers, json={"reason": "not now"}
            )
        )
        [event] = events(client, headers, type="task.dismissed")
        assert event["actor"]["id"] == admin_id
        assert event["target"]["id"] == task_id and event["details"]["reason"] == "not now"

    def test_approving_in_chat_is_the_keys_approval(self, client, admin):
        headers, admin_id = admin
        first = ok(chat(client, headers, SEARCH))
        reply = ok(chat(client, headers, "yes, go ahead", conversation_id=first["conversation_id"]))
        assert any(
            a["type"] == "task_approve" and a["status"] == "completed" for a in reply["actions"]
        )
        [event] = events(client, headers, type="task.approved")
        assert event["target"]["id"] == first["task_id"] and event["actor"]["id"] == admin_id

    def test_list_deletion(self, client, admin):
        headers, admin_id = admin
        lst = ok(client.post("/v1/lists", headers=headers, json={"name": "Old leads"}))
        assert client.delete(f"/v1/lists/{lst['id']}", headers=headers).status_code == 204
        [event] = events(client, headers, type="list.deleted")
        assert event["actor"]["id"] == admin_id
        assert event["target"] == {"type": "list", "id": lst["id"]}
        assert event["details"] == {"name": "Old leads"}

    def test_an_approved_tasks_effects_are_recorded_for_its_approver(
        self, client, admin, factory, workspace, db
    ):
        """The proposer is one key, the approver another: the task's list deletion is the
        approver's."""
        headers, admin_id = admin
        lst = ok(client.post("/v1/lists", headers=headers, json={"name": "Doomed list"}))
        proposer = factory.headers(workspace.id, name="proposer")
        reply = ok(chat(client, proposer, "Delete the Doomed list list"))
        task_id = reply["task_id"]
        assert task_id, reply
        ok(client.post(f"/v1/lexi/tasks/{task_id}/approve", headers=headers))
        drain(db)
        assert ok(client.get(f"/v1/lexi/tasks/{task_id}", headers=headers))["status"] == "completed"
        [event] = events(client, headers, type="list.deleted")
        assert event["actor"] == {"kind": "api_key", "id": admin_id, "name": "admin"}
        assert event["target"]["id"] == lst["id"] and event["details"]["task_id"] == task_id

    def test_a_failed_tasks_refund_is_recorded_for_its_approver(self, client, admin, db):
        headers, admin_id = admin
        lst = ok(client.post("/v1/lists", headers=headers, json={"name": "Vanishing"}))
        task_id = ok(chat(client, headers, SEARCH, context={"list_id": lst["id"]}))["task_id"]
        client.delete(f"/v1/lists/{lst['id']}", headers=headers)
        ok(client.post(f"/v1/lexi/tasks/{task_id}/approve", headers=headers))
        drain(db)
        assert ok(client.get(f"/v1/lexi/tasks/{task_id}", headers=headers))["status"] == "failed"
        [refund] = events(client, headers, type="credits.refunded")
        assert refund["actor"]["id"] == admin_id and refund["details"]["amount"] == 5

    def test_campaign_start_request_start_and_pause(self, client, admin, db):
        headers, admin_id = admin
        rows = [
            {"full_name": f"Ann Lee{i}", "email": f"ann{i}-{uuid.uuid4().hex[:6]}@example.com"}
            for i in range(2)
        ]
        people = ok(client.post("/v1/contacts/bulk", headers=headers, json={"contacts": rows}))
        lst = ok(client.post("/v1/lists", headers=headers, json={"name": "Campaign list"}))
        ok(
            client.post(
                f"/v1/lists/{lst['id']}/contacts",
                headers=headers,
                json={"contact_ids": [c["id"] for c in people["contacts"]]},
            )
        )
        campaign = ok(
            client.post(
                "/v1/campaigns",
                headers=headers,
                json={
                    "name": "Launch",
                    "list_id": lst["id"],
                    "steps": [{"subject": "Hi {{first_name|there}}", "body": "A note."}],
                },
            )
        )
        task_id = ok(client.post(f"/v1/campaigns/{campaign['id']}/start", headers=headers))[
            "task_id"
        ]
        ok(client.post(f"/v1/lexi/tasks/{task_id}/approve", headers=headers))
        drain(db)
        ok(client.post(f"/v1/campaigns/{campaign['id']}/pause", headers=headers))
        rows = events(client, headers, type="campaign.")
        assert [e["type"] for e in rows] == [
            "campaign.paused",
            "campaign.started",
            "campaign.start_requested",
        ]
        for event in rows:
            assert event["actor"]["id"] == admin_id
            assert event["target"] == {"type": "campaign", "id": campaign["id"]}
        assert rows[2]["details"]["task_id"] == task_id and rows[2]["details"]["recipients"] == 2
        assert rows[1]["details"]["task_id"] == task_id
        assert rows[0]["details"] == {"previous_status": "active", "status": "paused"}


class TestFiltersAndPaging:
    def test_type_actor_and_pages(self, client, admin, factory, workspace, db):
        headers, _ = admin
        other = factory.key(workspace.id, name="other")
        other_headers = {"Authorization": f"Bearer {other}"}
        for i in range(3):
            ok(client.post("/v1/lists", headers=other_headers, json={"name": f"tmp {i}"}))
        for lst in ok(client.get("/v1/lists", headers=other_headers)):
            client.delete(f"/v1/lists/{lst['id']}", headers=other_headers)
        everything = events(client, headers)
        # The workspace's initial grant and the fixture keys were made by the CLI.
        assert {e["actor"]["kind"] for e in everything} == {"api_key", "cli"}
        assert [e["created_at"] for e in everything] == sorted(
            (e["created_at"] for e in everything), reverse=True
        )
        by_other = events(client, headers, actor=key_id(db, other))
        assert [e["type"] for e in by_other] == ["list.deleted"] * 3
        cli = events(client, headers, actor="cli")
        assert {e["type"] for e in cli} == {"credits.granted", "api_key.created"}
        assert all(e["actor"]["id"] is None for e in cli)
        assert events(client, headers, actor="user") == []
        assert events(client, headers, actor=str(uuid.uuid4())) == []
        r = client.get("/v1/audit-events", headers=headers, params={"per_page": 2, "page": 1})
        page1 = r.json()
        assert page1["meta"] == {"page": 1, "per_page": 2, "total": len(everything)}
        page2 = client.get(
            "/v1/audit-events", headers=headers, params={"per_page": 2, "page": 2}
        ).json()
        assert [e["id"] for e in page1["data"] + page2["data"]] == [e["id"] for e in everything[:4]]
        assert ok(client.get("/v1/audit-events", headers=headers)) == everything[:50]

    def test_bad_filters_are_400(self, client, admin):
        headers, _ = admin
        for params in ({"type": "nope"}, {"type": "credits"}, {"per_page": 101}, {"page": 0}):
            r = client.get("/v1/audit-events", headers=headers, params=params)
            assert r.status_code == 400 and r.json()["error"]["code"] == "validation_error"
        r = client.get("/v1/audit-events", headers=headers, params={"type": "nope"})
        assert "task.approved" in r.json()["error"]["details"]["valid"]


class TestAccess:
    def test_needs_the_admin_scope(self, client, factory, workspace):
        r = client.get("/v1/audit-events", headers=factory.headers(workspace.id, scopes=["lexi"]))
        assert r.status_code == 403 and r.json()["error"]["code"] == "insufficient_permissions"
        assert client.get("/v1/audit-events").status_code == 401

    def test_another_workspaces_events_are_never_listed(self, client, admin, factory):
        headers, _ = admin
        ok(client.post("/v1/lists", headers=headers, json={"name": "mine"}))
        other_ws = factory.workspace()
        other = factory.headers(other_ws.id)
        lst = ok(client.post("/v1/lists", headers=other, json={"name": "theirs"}))
        client.delete(f"/v1/lists/{lst['id']}", headers=other)
        mine = events(client, headers)
        assert all(e["type"] != "list.deleted" for e in mine)
        # Not even by naming the other workspace's actor.
        theirs = events(client, other, type="list.deleted")
        assert events(client, headers, actor=theirs[0]["actor"]["id"]) == []


class TestWebUsers:
    @pytest.fixture
    def web(self, app, db, workspace):  # type: ignore[no-untyped-def]
        with TestClient(app, raise_server_exceptions=False) as c:
            c.email = make_user(db, workspace.id)  # type: ignore[attr-defined]
            c.csrf = sign_in(c, c.email)  # type: ignore[attr-defined]
            yield c

    def test_the_signed_in_user_is_the_actor(self, web, client, admin, db):
        headers, _ = admin
        actor = {"kind": "user", "id": user_id(db, web.email), "name": web.email}
        # Key creation and revocation in Settings.
        r = web.post(
            "/settings/keys", data={"csrf_token": web.csrf, "name": "web key", "scopes": "lexi"}
        )
        assert r.status_code == 200, r.text
        [created] = events(client, headers, type="api_key.created", actor="user")
        assert created["actor"] == actor and created["details"]["name"] == "web key"
        r = web.post(
            f"/settings/keys/{created['target']['id']}/revoke", data={"csrf_token": web.csrf}
        )
        assert r.status_code in (200, 303)
        [revoked] = events(client, headers, type="api_key.revoked")
        assert revoked["actor"] == actor
        # Approving and dismissing with the page's buttons.
        approve = ok(chat(client, headers, SEARCH))["task_id"]
        dismiss = ok(chat(client, headers, SEARCH))["task_id"]
        web.post(f"/tasks/{approve}/approve", data={"csrf_token": web.csrf})
        web.post(f"/tasks/{dismiss}/dismiss", data={"csrf_token": web.csrf})
        [approved] = events(client, headers, type="task.approved")
        [dismissed] = events(client, headers, type="task.dismissed")
        assert approved["actor"] == actor and approved["target"]["id"] == approve
        assert dismissed["actor"] == actor and dismissed["target"]["id"] == dismiss
        charge = events(client, headers, type="credits.charged", actor=actor["id"])
        assert [e["details"]["reference"] for e in charge] == [f"task:{approve}"]
        # Deleting a list.
        lst = ok(client.post("/v1/lists", headers=headers, json={"name": "Web doomed"}))
        web.post(f"/lists/{lst['id']}/delete", data={"csrf_token": web.csrf})
        [deleted] = events(client, headers, type="list.deleted")
        assert deleted["actor"] == actor and deleted["target"]["id"] == lst["id"]

    def test_invites_and_joining(self, web, client, admin, app):
        headers, _ = admin
        email = f"new-{uuid.uuid4().hex[:8]}@example.com"
        r = web.post(
            "/settings/invites", data={"csrf_token": web.csrf, "email": email, "role": "member"}
        )
        assert r.status_code == 200, r.text
        [invited] = events(client, headers, type="user.invited")
        assert invited["actor"]["name"] == web.email and invited["actor"]["kind"] == "user"
        assert invited["details"] == {"email": email, "role": "member"}
        link = r.text.split('id="invite-link">', 1)[1].split("<", 1)[0]
        path = link.split("testserver", 1)[1]
        with TestClient(app, raise_server_exceptions=False) as guest:
            page = guest.get(path)
            assert page.status_code == 200, page.text
            r = guest.post(
                path,
                data={"csrf_token": form_token(page.text), "password": "a long new password"},
                follow_redirects=False,
            )
            assert r.status_code == 303, r.text
        [joined] = events(client, headers, type="user.joined")
        assert joined["actor"]["kind"] == "user" and joined["actor"]["name"] == email
        assert joined["target"]["id"] == joined["actor"]["id"]
        assert joined["details"]["role"] == "member"


class TestCli:
    def test_cli_commands_record_the_operator(self, client, admin, workspace, migrated):
        headers, _ = admin
        runner = CliRunner()
        ws = str(workspace.id)
        db_opt = ["--database-url", migrated]
        email = f"cli-{uuid.uuid4().hex[:8]}@example.com"
        for args in (
            ["keys", "create", "--workspace", ws, "--name", "cli key", "--scopes", "lexi"],
            ["credits", "grant", "--workspace", ws, "--amount", "25"],
            ["users", "create", "--workspace", ws, "--email", email, "--password", "x" * 12],
            ["users", "set-role", "--workspace", ws, "--email", email, "--role", "admin"],
            ["users", "set-password", "--email", email, "--password", "y" * 12],
        ):
            result = runner.invoke(cli_app, [*args, *db_opt])
            assert result.exit_code == 0, result.output
        rows = events(client, headers, actor="cli")
        assert [e["type"] for e in rows[:5]] == [
            "user.password_reset",
            "user.role_changed",
            "user.created",
            "credits.granted",
            "api_key.created",
        ]
        for event in rows:
            assert event["actor"]["kind"] == "cli" and event["actor"]["id"] is None
            assert event["actor"]["name"]
        assert rows[1]["details"] == {"email": email, "role": "admin", "previous_role": "member"}
        assert rows[3]["details"]["amount"] == 25
        assert rows[4]["details"]["name"] == "cli key"
