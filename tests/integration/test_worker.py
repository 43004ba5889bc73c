"""The background worker: exclusive claims, lease expiry, failures with refunds, real worker
processes racing for tasks, and a worker killed mid-task (SIGKILL) recovered without duplicates."""

from __future__ import annotations

import time
import uuid
from datetime import timedelta

import pytest
from sqlalchemy import select, update

from lexi.audit.service import Actor
from lexi.credits.repository import CreditRepository
from lexi.models import Contact, Task
from lexi.tasks import service as tasks_service
from lexi.worker import Worker
from tests.helpers.chat import chat, cohorts, drain, ok  # noqa: F401  (cohorts is a fixture)
from tests.helpers.worker import WorkerProcess, wait_for

CLI = Actor.cli("tests")

pytestmark = pytest.mark.usefixtures("cohorts", "empty_queue")
SEARCH = "Find 50 CEOs at law firms in California"


@pytest.fixture
def empty_queue(db):  # type: ignore[no-untyped-def]
    """Tasks other tests approved and left behind run first, so each test sees only its own."""
    drain(db)


def approved_task(
    client, factory, *, list_name: str | None = None
) -> tuple[uuid.UUID, uuid.UUID, dict]:  # type: ignore[no-untyped-def]
    ws = factory.workspace(credits=100)
    headers = factory.headers(ws.id)
    context = {}
    if list_name:
        lst = ok(client.post("/v1/lists", json={"name": list_name}, headers=headers))
        context = {"context": {"list_id": lst["id"]}}
    data = ok(chat(client, headers, SEARCH, **context))
    ok(client.post(f"/v1/lexi/tasks/{data['task_id']}/approve", headers=headers))
    return ws.id, uuid.UUID(data["task_id"]), headers


def task_row(db, task_id) -> Task:  # type: ignore[no-untyped-def]
    with db.unit_of_work(write=False) as s:
        return s.get(Task, task_id)


def contacts_of(db, workspace_id) -> int:  # type: ignore[no-untyped-def]
    with db.unit_of_work(write=False) as s:
        return len(list(s.scalars(select(Contact.id).where(Contact.workspace_id == workspace_id))))


def entries(db, workspace_id, reference) -> list:  # type: ignore[no-untyped-def]
    with db.unit_of_work(write=False) as s:
        return CreditRepository(s).find_charge(workspace_id, reference)


class TestClaims:
    def test_only_one_worker_claims_a_task(self, client, factory, db):
        _, task_id, _ = approved_task(client, factory)
        claims = []
        for name in ("a", "b"):
            with db.unit_of_work() as s:
                claims.append(tasks_service.claim_next(s, name, 60))
        mine = [c for c in claims if c is not None and c.id == task_id]
        assert len(mine) == 1
        row = task_row(db, task_id)
        assert row.status == "running" and row.attempts == 1

    def test_an_expired_lease_is_claimed_again(self, client, factory, db):
        ws_id, task_id, _ = approved_task(client, factory)
        with db.unit_of_work() as s:
            first = tasks_service.claim_next(s, "crashed", 60)
        assert first is not None and first.id == task_id
        with db.unit_of_work() as s:
            s.execute(
                update(Task)
                .where(Task.id == task_id)
                .values(lease_expires_at=tasks_service.utc_now() - timedelta(seconds=1))
            )
        assert drain(db) >= 1
        row = task_row(db, task_id)
        assert row.status == "completed" and row.attempts == 2
        assert contacts_of(db, ws_id) == 50

    def test_a_worker_that_lost_its_lease_cannot_complete(self, client, factory, db):
        _ws_id, task_id, _ = approved_task(client, factory)
        slow = Worker(db, name="slow", lease_seconds=60)
        with db.unit_of_work() as s:
            claim = tasks_service.claim_next(s, slow.name, 60)
        assert claim is not None and claim.id == task_id
        with db.unit_of_work() as s:
            s.execute(update(Task).where(Task.id == task_id).values(claimed_by="someone-else"))
        with pytest.raises(tasks_service.LeaseLost), db.unit_of_work() as s:
            tasks_service.complete(s, claim, slow.name, {"total_matches": 0})
        assert task_row(db, task_id).status == "running"


class TestFailures:
    def test_a_failed_task_records_the_error_and_refunds_once(self, client, factory, db):
        ws_id, task_id, headers = approved_task(client, factory, list_name="Gone")
        list_id = ok(client.get(f"/v1/lexi/tasks/{task_id}", headers=headers))["metadata"][
            "list_id"
        ]
        assert client.delete(f"/v1/lists/{list_id}", headers=headers).status_code == 204
        assert ok(client.get("/v1/credits", headers=headers))["balance"] == 100 - 1 - 5
        assert drain(db) == 1
        task = ok(client.get(f"/v1/lexi/tasks/{task_id}", headers=headers))
        assert task["status"] == "failed" and "deleted" in task["error"]
        assert ok(client.get("/v1/credits", headers=headers))["balance"] == 100 - 1
        assert len(entries(db, ws_id, tasks_service.refund_reference(task_id))) == 1
        with db.unit_of_work() as s:
            assert tasks_service.refund_charge(s, ws_id, task_id, actor=CLI) == 0
        assert contacts_of(db, ws_id) == 0

    def test_a_task_that_keeps_crashing_is_given_up(self, client, factory, db):
        _ws_id, task_id, headers = approved_task(client, factory)
        with db.unit_of_work() as s:
            s.execute(update(Task).where(Task.id == task_id).values(attempts=3))
        assert drain(db) == 1
        task = ok(client.get(f"/v1/lexi/tasks/{task_id}", headers=headers))
        assert task["status"] == "failed" and "attempts" in task["error"]
        assert ok(client.get("/v1/credits", headers=headers))["balance"] == 99


class TestWorkerProcesses:
    def test_several_workers_run_each_task_exactly_once(self, client, factory, db, migrated):
        tasks = [approved_task(client, factory) for _ in range(6)]
        workers = [WorkerProcess(migrated, once=True).start() for _ in range(3)]
        try:
            for w in workers:
                assert w.wait() == 0, w.log()
        finally:
            for w in workers:
                w.stop()
        for ws_id, task_id, _ in tasks:
            row = task_row(db, task_id)
            assert row.status == "completed", row.error
            assert row.attempts == 1
            assert contacts_of(db, ws_id) == 50
            assert len(entries(db, ws_id, tasks_service.charge_reference(task_id))) == 1

    def test_a_worker_killed_mid_task_is_recovered_without_duplicates(
        self, client, factory, db, migrated, tmp_path
    ):
        # The test database is shared: run whatever other tests left approved first, so the
        # worker process that is about to be killed claims this test's task and no other.
        Worker(db, name="drain", lease_seconds=5).run_until_idle()
        ws_id, task_id, headers = approved_task(client, factory, list_name="Recovered")
        marker = tmp_path / "stalled"
        crashing = WorkerProcess(migrated, lease_seconds=1, stall_after_work=marker).start()
        try:
            wait_for(marker, crashing)
            crashing.kill()
        finally:
            crashing.stop()
        assert task_row(db, task_id).status == "running"
        assert contacts_of(db, ws_id) == 0  # the killed transaction left nothing behind
        time.sleep(1.2)  # let the dead worker's lease run out
        with WorkerProcess(migrated, lease_seconds=1, once=True) as rescuer:
            assert rescuer.wait() == 0, rescuer.log()
        task = ok(client.get(f"/v1/lexi/tasks/{task_id}", headers=headers))
        assert task["status"] == "completed"
        assert task_row(db, task_id).attempts == 2
        assert contacts_of(db, ws_id) == 50
        lst = ok(client.get(f"/v1/lists/{task['metadata']['list_id']}", headers=headers))
        assert lst["contact_count"] == 50
        assert len(entries(db, ws_id, tasks_service.charge_reference(task_id))) == 1
        assert ok(client.get("/v1/credits", headers=headers))["balance"] == 100 - 1 - 5


class TestInProcessWorker:
    def test_the_server_runs_approved_tasks_itself_by_default(self, settings, db, factory):
        from fastapi.testclient import TestClient

        from lexi.app import create_app

        app = create_app(
            settings.model_copy(update={"run_worker_in_process": True, "worker_poll_seconds": 0.1}),
            db=db,
        )
        with TestClient(app) as c:
            ws_id, task_id, _headers = approved_task(c, factory)
            deadline = time.monotonic() + 60
            while task_row(db, task_id).status != "completed" and time.monotonic() < deadline:
                time.sleep(0.05)
        assert task_row(db, task_id).status == "completed"
        assert contacts_of(db, ws_id) == 50


class TestServeRunsTheWorker:
    def test_lexi_serve_runs_approved_tasks_in_process(self, client, factory, db, migrated):
        from tests.helpers.server import LexiServer

        ws = factory.workspace(credits=100)
        headers = factory.headers(ws.id)
        env = {"LEXI_RUN_WORKER_IN_PROCESS": "true", "LEXI_WORKER_POLL_SECONDS": "0.1"}
        with LexiServer(migrated, env=env) as server, server.client(headers=headers) as http:
            task_id = http.post("/v1/lexi/chat", json={"message": SEARCH}).json()["data"]["task_id"]
            assert http.post(f"/v1/lexi/tasks/{task_id}/approve").status_code == 200
            deadline = time.monotonic() + 60
            status = None
            while time.monotonic() < deadline:
                status = http.get(f"/v1/lexi/tasks/{task_id}").json()["data"]["status"]
                if status == "completed":
                    break
                time.sleep(0.1)
        assert status == "completed"
        assert contacts_of(db, ws.id) == 50
