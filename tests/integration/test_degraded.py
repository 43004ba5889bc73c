"""Degraded dependencies, against real server processes.

- Redis unreachable: rate limits still hold (counted in process), the headers report what was
  counted, the per-IP limit on bad keys still applies, and the log says so once, without a trace.
- Database unreachable: `/health/live` is 200, `/health/ready` and `/health` are 503 naming the
  database, and API requests are `503 service_unavailable` with `Retry-After`, never a 500.
- The worker backs off while the database is down and logs one line when the outage starts and
  one when it ends.
"""

from __future__ import annotations

import threading

import pytest
from sqlalchemy.exc import OperationalError

from lexi.tasks import service as tasks_service
from lexi.worker import Worker
from tests.helpers.server import LexiServer, free_port
from tests.helpers.timing import start_of_a_minute


class TestRedisDown:
    def test_limits_hold_headers_count_and_one_log_line(self, migrated, factory):
        dead = f"redis://127.0.0.1:{free_port()}/0"
        ws = factory.workspace(plan="starter")
        headers = factory.headers(ws.id, scopes=["lexi"], tier="standard")
        env = {"LEXI_REDIS_URL": dead, "LEXI_ANONYMOUS_PER_MINUTE": "3"}
        with LexiServer(migrated, env=env) as server, server.client() as c:
            start_of_a_minute()
            answers = [c.get("/v1/credits", headers=headers) for _ in range(11)]
            bad = [
                c.get("/v1/credits", headers={"Authorization": "Bearer wbk_nope"}) for _ in range(4)
            ]
            logs = server.log_lines()
        statuses = [r.status_code for r in answers]
        assert statuses == [200] * 10 + [429], statuses
        remaining = [int(r.headers["x-ratelimit-remaining"]) for r in answers[:10]]
        assert remaining == list(range(9, -1, -1))
        assert [r.status_code for r in bad] == [401, 401, 401, 429]
        redis_lines = [line for line in logs if line.get("logger") == "lexi.ratelimit"]
        assert len(redis_lines) == 1, redis_lines
        assert "exc" not in redis_lines[0]
        assert not [line for line in logs if "exc" in line]


class TestDatabaseDown:
    def test_health_and_api_answer_503(self, factory):
        # A well-formed key (made in the test database), so the server must look it up.
        headers = factory.headers(factory.workspace().id, scopes=["lexi"])
        dead = f"postgresql+psycopg://postgres@127.0.0.1:{free_port()}/lexi"
        with LexiServer(dead, migrate=False) as server, server.client() as c:
            live = c.get("/health/live")
            ready = c.get("/health/ready")
            health = c.get("/health")
            api = c.get("/v1/credits", headers=headers)
            logs = server.log_lines()
        assert live.status_code == 200
        assert ready.status_code == 503 and health.status_code == 503
        assert ready.json()["checks"] == {"database": "unavailable", "redis": "not_configured"}
        assert ready.headers["retry-after"]
        assert api.status_code == 503, api.text
        assert api.json()["error"]["code"] == "service_unavailable"
        assert int(api.headers["retry-after"]) >= 1
        assert "x-request-id" in api.headers
        assert not [line for line in logs if "exc" in line]

    def test_ready_reports_each_dependency_when_up(self, migrated):
        with LexiServer(migrated) as server, server.client() as c:
            ready = c.get("/health/ready")
        assert ready.status_code == 200
        assert ready.json() == {
            "status": "ok",
            "checks": {"database": "ok", "redis": "not_configured"},
        }


class TestWorkerBackoff:
    def test_one_line_per_state_change_and_growing_waits(self, db, caplog, monkeypatch):
        import logging

        caplog.set_level(logging.INFO, logger="lexi.worker")
        failures = {"left": 6}
        done = threading.Event()

        def claim_next(*a, **kw):  # type: ignore[no-untyped-def]
            if failures["left"] > 0:
                failures["left"] -= 1
                raise OperationalError("SELECT", {}, Exception("connection refused"))
            done.set()
            return None

        monkeypatch.setattr(tasks_service, "claim_next", claim_next)
        worker = Worker(db, poll_seconds=0.001)
        waits: list[float] = []
        real_wait = worker._wait

        def wait(seconds: float) -> None:
            waits.append(seconds)
            real_wait(min(seconds, 0.01))

        monkeypatch.setattr(worker, "_wait", wait)
        thread = threading.Thread(target=worker.run_forever, daemon=True)
        thread.start()
        assert done.wait(30)
        worker.stop()
        thread.join(10)
        messages = [r.getMessage() for r in caplog.records if r.name == "lexi.worker"]
        outage = [m for m in messages if "unavailable" in m or "resumed" in m]
        assert len(outage) == 2, messages
        assert "database unavailable" in outage[0] and "resumed" in outage[1]
        assert not [r for r in caplog.records if r.exc_info]
        backoff = waits[:6]
        assert backoff == sorted(backoff) and backoff[-1] > backoff[1]


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.delenv("HTTP_PROXY", raising=False)
    yield
