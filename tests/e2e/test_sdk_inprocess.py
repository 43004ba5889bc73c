"""The async SDK against the real app in-process (``httpx.ASGITransport``), on the test database.

A developer scripts their workspace with ``AsyncLexi``: lists, contacts, prospect search and save,
imports, keys, credits, Lexi's settings, conversations and approval tasks. Every namespace method
reaches its real endpoint and gets a success; every error the server can be made to send arrives
as its own exception class with the status, code and request id.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Awaitable, Callable
from typing import Any

import httpx
import pytest

from lexi.client import (
    AsyncLexi,
    ConflictError,
    IdempotencyConflictError,
    InsufficientCreditsError,
    InvalidKeyError,
    MethodNotAllowedError,
    NotFoundError,
    Page,
    PayloadTooLargeError,
    PermissionDeniedError,
    RateLimitError,
    ValidationError,
)
from tests.helpers.chat import cohorts, drain  # noqa: F401  (cohorts is a fixture)
from tests.unit.client.test_routes import CLIENT_ROUTES, NOT_IN_SDK, _match

BIG_SEARCH = "Find 50 CEOs at law firms in California"


class Recorder(httpx.AsyncBaseTransport):
    """Passes requests to the app and remembers which ones succeeded."""

    def __init__(self, inner: httpx.AsyncBaseTransport) -> None:
        self.inner = inner
        self.ok: list[tuple[str, str]] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        response = await self.inner.handle_async_request(request)
        if response.status_code < 400:
            self.ok.append((request.method, request.url.path))
        return response


def run(make: Callable[[], Awaitable[Any]]) -> Any:
    return asyncio.run(make())


def sdk(app, key: str, transport: httpx.AsyncBaseTransport | None = None) -> AsyncLexi:  # type: ignore[no-untyped-def]
    return AsyncLexi(
        api_key=key,
        base_url="http://testserver",
        transport=transport or httpx.ASGITransport(app=app),
        max_retries=0,
    )


@pytest.mark.usefixtures("cohorts")
class TestEveryNamespaceAgainstTheApp:
    def test_every_sdk_route_answers_with_a_success(self, app, api_key) -> None:  # type: ignore[no-untyped-def]
        recorder = Recorder(httpx.ASGITransport(app=app))

        async def story() -> None:
            async with sdk(app, api_key, recorder) as c:
                # Lists and contacts
                q1 = await c.lists.create("Q1 Leads", description="first quarter")
                assert (await c.lists.get(q1["id"]))["name"] == "Q1 Leads"
                await c.lists.update(q1["id"], description="Q1 prospects")
                lists = await c.lists.list(per_page=5)
                assert isinstance(lists, Page) and q1["id"] in [x["id"] for x in lists]
                ada = await c.contacts.create(full_name="Ada Lovelace", email="ada@example.com")
                await c.contacts.update(ada["id"], job_title="CEO")
                assert (await c.contacts.get(ada["id"]))["job_title"] == "CEO"
                await c.contacts.add_tags(ada["id"], ["vip"])
                bulk = await c.contacts.bulk_create(
                    [{"full_name": "Grace Hopper", "email": "grace@example.com"}]
                )
                assert bulk
                dup = await c.contacts.create(full_name="Ada L.", email="ada.l@example.com")
                await c.contacts.merge(ada["id"], [dup["id"]])
                added = await c.lists.add_contacts(q1["id"], [ada["id"]])
                assert added["contact_count"] == 1
                members = await c.contacts.list(list_id=q1["id"])
                assert [m["id"] for m in members] == [ada["id"]]
                csv = await c.contacts.export(list_id=q1["id"])
                assert "ada@example.com" in csv
                await c.lists.remove_contact(q1["id"], ada["id"])
                imported = await c.contacts.import_(
                    rows=[{"full_name": "Alan Turing", "email": "alan@example.com"}]
                )
                assert imported
                preview = await c.contacts.bulk_delete([ada["id"]], dry_run=True)
                assert preview
                await c.contacts.delete(ada["id"])
                # Prospects
                found = await c.prospects.search(titles=["CEO"], locations=["New York, NY, US"])
                assert found.total >= 30 and found.data
                saved = await c.prospects.save([found.data[0]["id"]], list_id=q1["id"])
                assert saved["created"] in (0, 1)
                assert (await c.prospects.taxonomy())["industries"]
                # Credits, keys, settings
                assert (await c.credits.get())["balance"] > 0
                key = await c.api_keys.create("backend", ["lexi"], rate_limit_tier="standard")
                assert key["key"].startswith("wbk_")
                keys = await c.api_keys.list()
                assert key["id"] in [k["id"] for k in keys]
                await c.api_keys.revoke(key["id"])
                events = await c.audit_events.list(type="api_key.")
                assert [e["type"] for e in events.data[:2]] == [
                    "api_key.revoked",
                    "api_key.created",
                ]
                policy = await c.settings.get()
                await c.settings.update(
                    auto_approve_max_prospects=policy["auto_approve_max_prospects"]
                )
                model = await c.model.get()
                assert (await c.model.update(data=model["data"]))["data"] == model["data"]
                # Lexi: a turn, its conversation, and two approval tasks
                first = await c.chat_with_lexi(BIG_SEARCH)
                second = await c.chat_with_lexi(BIG_SEARCH)
                assert first["requires_approval"] and second["requires_approval"]
                pending = await c.tasks.list()
                assert {first["task_id"], second["task_id"]} <= {t["id"] for t in pending["tasks"]}
                await c.tasks.dismiss(second["task_id"], reason="one is enough")
                await c.tasks.approve(first["task_id"])
                assert (await c.tasks.get(first["task_id"]))["status"] in ("approved", "running")
                conversations = await c.conversations.list(search="CEOs")
                assert first["conversation_id"] in [x["id"] for x in conversations]
                history = await c.conversations.get(first["conversation_id"])
                assert [m["role"] for m in history["messages"]] == ["user", "assistant"]
                events = [
                    e
                    async for e in c.chat_with_lexi_stream(
                        "Filter to only Los Angeles",
                        context={"conversation_id": first["conversation_id"]},
                    )
                ]
                assert events[-1]["event"] == "done"
                await c.conversations.update(first["conversation_id"], title="CA law CEOs")
                await c.conversations.delete(second["conversation_id"])
                # Campaigns and the suppression list
                cara = await c.contacts.create(
                    full_name="Cara Smith", email="cara@example.com", job_title="CEO"
                )
                email = await c.personalize_email(
                    cara["id"], "legal automation", tone="casual", length="short"
                )
                assert "Cara" in email["body_text"] and email["credits_remaining"] >= 0
                camp = await c.campaigns.create("Q1 outreach", topic="legal automation")
                assert len(camp["steps"]) == 3
                assert (await c.campaigns.get(camp["id"]))["revision"] == 1
                await c.campaigns.update(camp["id"], daily_send_limit=20)
                assert camp["id"] in [x["id"] for x in await c.campaigns.list(status="draft")]
                step = await c.campaigns.add_step(
                    camp["id"], "One more", "Hi {{first_name|there}}", delay_days=2
                )
                await c.campaigns.update_step(camp["id"], step["id"], subject="Last one")
                await c.campaigns.delete_step(camp["id"], step["id"])
                assert len(await c.campaigns.steps(camp["id"])) == 3
                await c.campaigns.rewrite(camp["id"], "more casual", step=0)
                await c.campaigns.undo(camp["id"])
                await c.campaigns.restore(camp["id"], 1)
                assert (await c.campaigns.revision(camp["id"], 2))["change"] == "added step 3"
                assert len(await c.campaigns.revisions(camp["id"])) == 7
                enrolled = await c.campaigns.enrol(camp["id"], [cara["id"]], source="sdk")
                assert enrolled["added"] == 1
                enrolments = await c.campaigns.contacts(camp["id"])
                assert [e["contact_id"] for e in enrolments] == [cara["id"]]
                started = await c.campaigns.start(camp["id"])
                assert started["status"] == "pending_approval"
                await c.campaigns.pause(camp["id"])
                assert (await c.campaigns.stats(camp["id"]))["sent_count"] == 0
                await c.campaigns.remove_contact(camp["id"], cara["id"])
                await c.campaigns.delete(camp["id"])
                await c.suppressions.add("nobody@example.com", reason="manual")
                assert "nobody@example.com" in [x["email"] for x in await c.suppressions.list()]
                await c.suppressions.remove("nobody@example.com")
                got = await c.email.inbound("From: x@y.example\r\nSubject: hi\r\n\r\nhello\r\n")
                assert got["kind"] == "unmatched"
                await c.lists.delete(q1["id"])

        run(story)
        from tests.unit.client.test_routes import CALLS, _record

        spec = app.openapi()
        reached = {(m, _match(spec, m, path)[0]) for m, path in recorder.ok}
        wanted = {
            (r.method, _match(spec, r.method, r.url.path)[0]) for r in map(_record, CALLS)
        } | set(CLIENT_ROUTES)
        assert wanted - reached == set()
        assert set(NOT_IN_SDK).isdisjoint(wanted)


@pytest.mark.usefixtures("cohorts")
class TestTasksWaitInProcess:
    def test_wait_returns_the_finished_task_once_the_worker_ran_it(self, app, api_key, db) -> None:  # type: ignore[no-untyped-def]
        async def story() -> dict[str, Any]:
            async with sdk(app, api_key) as c:
                turn = await c.chat_with_lexi(BIG_SEARCH)
                await c.tasks.approve(turn["task_id"])
                drain(db)
                return await c.tasks.wait(turn["task_id"], timeout=30, interval=0.05)

        task = run(story)
        assert task["status"] == "completed"
        assert len(task["result"]["prospects"]) == 50


class TestEachErrorArrivesAsItsException:
    def _raises(self, exc_type, call):  # type: ignore[no-untyped-def]
        async def go() -> None:
            await call()

        with pytest.raises(exc_type) as info:
            run(go)
        err = info.value
        assert err.request_id and err.status_code >= 400 and err.code
        return err

    def test_validation_error_names_the_field(self, app, api_key) -> None:  # type: ignore[no-untyped-def]
        c = sdk(app, api_key)
        err = self._raises(ValidationError, lambda: c.chat_with_lexi(""))
        assert (err.status_code, err.code) == (400, "validation_error")
        assert "message" in err.fields

    def test_unknown_key_is_invalid_key(self, app) -> None:  # type: ignore[no-untyped-def]
        c = sdk(app, "wbk_" + uuid.uuid4().hex)
        err = self._raises(InvalidKeyError, lambda: c.credits.get())
        assert (err.status_code, err.code) == (401, "invalid_key")

    def test_empty_balance_is_insufficient_credits_with_balance_and_required(  # type: ignore[no-untyped-def]
        self, app, factory
    ) -> None:
        ws = factory.workspace(credits=0)
        c = sdk(app, factory.key(ws.id))
        err = self._raises(InsufficientCreditsError, lambda: c.chat_with_lexi("tell me a joke"))
        assert err.status_code == 402 and err.balance == 0 and err.required >= 1

    def test_missing_scope_is_permission_denied(self, app, factory, workspace) -> None:  # type: ignore[no-untyped-def]
        c = sdk(app, factory.key(workspace.id, scopes=["contacts:read"]))
        err = self._raises(PermissionDeniedError, lambda: c.lists.create("nope"))
        assert (err.status_code, err.code) == (403, "insufficient_permissions")

    def test_unknown_list_is_not_found(self, app, api_key) -> None:  # type: ignore[no-untyped-def]
        c = sdk(app, api_key)
        err = self._raises(NotFoundError, lambda: c.lists.get(uuid.uuid4()))
        assert err.status_code == 404 and err.code.endswith("not_found")

    def test_wrong_method_is_method_not_allowed(self, app, api_key) -> None:  # type: ignore[no-untyped-def]
        c = sdk(app, api_key)
        err = self._raises(MethodNotAllowedError, lambda: c._call("PUT", "/v1/credits"))
        assert err.status_code == 405

    def test_a_taken_list_name_is_a_conflict(self, app, api_key) -> None:  # type: ignore[no-untyped-def]
        c = sdk(app, api_key)
        run(lambda: c.lists.create("Q1 Leads"))
        err = self._raises(ConflictError, lambda: c.lists.create("Q1 Leads"))
        assert (err.status_code, err.code) == (409, "conflict")
        assert not isinstance(err, IdempotencyConflictError)
        assert err.details["fields"] == {"name": "Must be unique"}

    def test_reused_idempotency_key_with_another_body_is_an_idempotency_conflict(  # type: ignore[no-untyped-def]
        self, app, api_key
    ) -> None:
        c = sdk(app, api_key)
        key = str(uuid.uuid4())
        run(lambda: c.chat_with_lexi("How many credits do I have?", idempotency_key=key))
        err = self._raises(
            IdempotencyConflictError,
            lambda: c.chat_with_lexi("What can you do?", idempotency_key=key),
        )
        assert isinstance(err, ConflictError) and err.status_code == 409

    def test_oversized_body_is_payload_too_large(self, app, api_key) -> None:  # type: ignore[no-untyped-def]
        c = sdk(app, api_key)
        huge = [{"full_name": "x" * 100, "custom_fields": {"blob": "y" * 60_000}}] * 100
        err = self._raises(PayloadTooLargeError, lambda: c.contacts.bulk_create(huge))
        assert (err.status_code, err.code) == (413, "payload_too_large")

    def test_a_starter_key_over_its_minute_is_rate_limited_with_retry_after(  # type: ignore[no-untyped-def]
        self, app, factory, workspace, frozen_minute
    ) -> None:
        c = sdk(app, factory.key(workspace.id, tier="starter"))

        async def hammer() -> None:
            for _ in range(11):
                await c.credits.get()

        err = self._raises(RateLimitError, hammer)
        assert err.status_code == 429 and err.retry_after and err.retry_after > 0
