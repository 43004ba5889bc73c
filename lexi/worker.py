"""The background worker: claims approved tasks from the database and runs their handlers.

The database is the queue. A claim is one conditional UPDATE (``approved`` -> ``running`` with a
lease); on PostgreSQL candidates are picked with ``SELECT ... FOR UPDATE SKIP LOCKED`` so workers
do not queue behind each other. A running worker renews its lease; a worker that dies stops
renewing, and once the lease expires another worker claims the task again. The handler's writes
and the task's completion commit together, so a crash never leaves half a result behind.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import uuid
from collections.abc import Callable, Iterable
from typing import Self

from lexi.db.session import Database
from lexi.errors import LexiError, from_database_error
from lexi.tasks import service as tasks_service
from lexi.tasks.handlers import HANDLERS, TaskFailed
from lexi.tasks.service import Claim, LeaseLost

log = logging.getLogger("lexi.worker")

MAX_ATTEMPTS = 3
MAX_BACKOFF_SECONDS = 30.0


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"


class _Heartbeat:
    def __init__(self, worker: Worker, claim: Claim) -> None:
        self.worker, self.claim = worker, claim
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, name="lexi-heartbeat", daemon=True)

    def _run(self) -> None:
        interval = max(self.worker.lease_seconds / 3, 0.05)
        while not self.stop.wait(interval):
            try:
                with self.worker.db.unit_of_work() as session:
                    tasks_service.renew_lease(
                        session, self.claim.id, self.worker.name, self.worker.lease_seconds
                    )
            except Exception:  # noqa: BLE001  (a missed beat only shortens the lease)
                log.warning("lease renewal failed", extra={"task_id": str(self.claim.id)})

    def __enter__(self) -> Self:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self.thread.join(timeout=5)


class Worker:
    """Runs tasks from ``db``. ``run_once`` for one task, ``run_forever`` as a loop."""

    def __init__(
        self,
        db: Database,
        *,
        name: str | None = None,
        lease_seconds: float = 60.0,
        poll_seconds: float = 1.0,
        max_attempts: int = MAX_ATTEMPTS,
        jobs: list[Callable[[], bool]] | None = None,
    ) -> None:
        self.db = db
        self.name = name or worker_name()
        self.lease_seconds = lease_seconds
        self.poll_seconds = poll_seconds
        self.max_attempts = max_attempts
        # Periodic work run on every loop turn (the campaign sender); each returns "was busy".
        self.jobs = list(jobs or [])
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def wake(self) -> None:
        self._wake.set()

    def run_once(self) -> bool:
        """Claim and run one task; False when there was nothing to do."""
        with self.db.unit_of_work() as session:
            claim = tasks_service.claim_next(session, self.name, self.lease_seconds)
        if claim is None:
            return False
        log.info(
            "task claimed",
            extra={"task_id": str(claim.id), "task_type": claim.type, "attempt": claim.attempts},
        )
        if claim.attempts > self.max_attempts:
            self._fail(claim, f"Gave up after {self.max_attempts} attempts.")
            return True
        handler = HANDLERS.get(claim.type)
        if handler is None:
            self._fail(claim, f"No handler for tasks of type {claim.type!r}.")
            return True
        try:
            with _Heartbeat(self, claim), self.db.unit_of_work() as session:
                tasks_service.check_runnable(session, claim)
                result = handler(session, claim)
                tasks_service.complete(session, claim, self.name, result)
            log.info("task completed", extra={"task_id": str(claim.id)})
        except LeaseLost:
            log.warning("task taken over by another worker", extra={"task_id": str(claim.id)})
        except (TaskFailed, LexiError) as exc:
            self._fail(claim, exc.message if isinstance(exc, LexiError) else str(exc))
        except Exception:
            log.exception("task failed", extra={"task_id": str(claim.id)})
            self._fail(claim, "The task failed because of an internal error.")
        return True

    def _fail(self, claim: Claim, error: str) -> None:
        with self.db.unit_of_work() as session:
            if tasks_service.fail(session, claim, self.name, error):
                log.info("task failed", extra={"task_id": str(claim.id), "error": error})

    def run_until_idle(self, max_tasks: int | None = None) -> int:
        """Run tasks until none is runnable (tests and ``lexi worker --once``); returns the count."""
        done = 0
        while (max_tasks is None or done < max_tasks) and self.run_once():
            done += 1
        return done

    def run_forever(self) -> None:
        log.info("worker started", extra={"worker": self.name})
        outage: str | None = None  # what is failing, while it fails
        delay = self.poll_seconds
        while not self._stop.is_set():
            try:
                busy = self.run_once()
            except Exception as exc:
                # The database may be briefly unavailable: back off (doubling, up to
                # MAX_BACKOFF_SECONDS) and say so once when it starts and once when it ends.
                state = "database unavailable" if from_database_error(exc) else "worker loop error"
                if outage != state:
                    if state == "worker loop error":
                        log.exception(state)
                    else:
                        log.warning(
                            "%s (%s); backing off",
                            state,
                            type(exc).__name__,
                            extra={"worker": self.name},
                        )
                    outage = state
                    delay = self.poll_seconds
                else:
                    delay = min(max(delay, 0.05) * 2, MAX_BACKOFF_SECONDS)
                self._wait(delay)
                continue
            if outage is not None:
                log.info("worker resumed after %s", outage, extra={"worker": self.name})
                outage = None
                delay = self.poll_seconds
            for job in self.jobs:
                try:
                    busy = job() or busy
                except Exception:
                    log.exception("worker job error")
            if not busy:
                self._wait(self.poll_seconds)
        log.info("worker stopped", extra={"worker": self.name})

    def _wait(self, seconds: float) -> None:
        self._wake.wait(seconds)
        self._wake.clear()

    def start(self) -> Worker:
        """Run in a daemon thread (the in-process worker of ``lexi serve``)."""
        tasks_service.on_approved(self.wake)
        self._thread = threading.Thread(target=self.run_forever, name="lexi-worker", daemon=True)
        self._thread.start()
        return self

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        self._wake.set()
        tasks_service.remove_listener(self.wake)
        if self._thread is not None:
            self._thread.join(timeout=timeout)


def load_extensions(modules: Iterable[str]) -> None:
    """Import modules that register tools or task handlers (the extension API)."""
    import importlib

    for module in modules:
        importlib.import_module(module)
