"""Start real ``lexi worker`` processes against a test database.

    with WorkerProcess(database_url, lease_seconds=1) as w: ...   # stopped (SIGTERM) on exit
    w.kill()                                                       # SIGKILL, as a crash

``stall_after_work=path`` loads this module into the worker (``--import``): the prospect search
handler then does all of its work inside its transaction, creates ``path``, and hangs before
committing, so a test can SIGKILL it at exactly that point.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Self

ROOT = Path(__file__).resolve().parents[2]
STALL_ENV = "LEXI_TEST_STALL_MARKER"


class WorkerProcess:
    def __init__(
        self,
        database_url: str,
        *,
        lease_seconds: float = 30.0,
        once: bool = False,
        stall_after_work: Path | None = None,
        concurrency: int = 1,
        env: dict[str, str] | None = None,
    ) -> None:
        self.database_url = database_url
        self.lease_seconds = lease_seconds
        self.once = once
        self.stall = stall_after_work
        self.concurrency = concurrency
        self.extra_env = dict(env or {})
        self.proc: subprocess.Popen[bytes] | None = None
        fd, name = tempfile.mkstemp(prefix="lexi-worker-", suffix=".log")
        os.close(fd)
        self.log_path = Path(name)

    def start(self) -> WorkerProcess:
        env = {k: v for k, v in os.environ.items() if not k.startswith("LEXI_")}
        env.update(
            {
                "LEXI_DATABASE_URL": self.database_url,
                "LEXI_WORKER_LEASE_SECONDS": str(self.lease_seconds),
                "LEXI_WORKER_POLL_SECONDS": "0.1",
                "LEXI_LOG_JSON": "true",
                "LEXI_LOG_LEVEL": "INFO",
                "PYTHONPATH": str(ROOT),
                # The test database is shared: only tests that ask for it send campaign emails.
                "LEXI_CAMPAIGN_SENDING": "false",
                **self.extra_env,
            }
        )
        args = [sys.executable, "-m", "lexi", "worker", "--concurrency", str(self.concurrency)]
        if self.once:
            args.append("--once")
        if self.stall is not None:
            env[STALL_ENV] = str(self.stall)
            args += ["--import", "tests.helpers.worker"]
        with open(self.log_path, "wb") as log:
            self.proc = subprocess.Popen(args, env=env, cwd=ROOT, stdout=log, stderr=log)
        return self

    def wait(self, timeout: float = 120.0) -> int:
        assert self.proc is not None
        return self.proc.wait(timeout=timeout)

    def kill(self) -> None:
        assert self.proc is not None
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=10)

    def pause(self, timeout: float = 30.0) -> None:
        """SIGSTOP, returning once every thread of the process has stopped. The signal alone
        does not stop the process at once: on a busy machine its threads may run on for tens of
        milliseconds, so a test that stops it at a precise point waits here before going on."""
        assert self.proc is not None
        os.kill(self.proc.pid, signal.SIGSTOP)
        deadline = time.monotonic() + timeout
        while not _all_threads_stopped(self.proc.pid):
            if time.monotonic() > deadline:
                raise TimeoutError(f"worker {self.proc.pid} did not stop")
            time.sleep(0.001)

    def resume(self) -> None:
        assert self.proc is not None
        os.kill(self.proc.pid, signal.SIGCONT)

    def stop(self) -> None:
        """Stop the process (if still running) and remove its log file."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=5)
        self.log_path.unlink(missing_ok=True)

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def _all_threads_stopped(pid: int) -> bool:
    """Whether every thread of ``pid`` is stopped ("T" in its /proc stat)."""
    states = []
    for stat in Path(f"/proc/{pid}/task").glob("*/stat"):
        try:
            # "tid (comm) S ...": the state follows the command name, which may hold spaces
            states.append(stat.read_text().rpartition(")")[2].split()[0])
        except (OSError, IndexError):
            continue
    return bool(states) and all(state in ("T", "t") for state in states)


def wait_for(path: Path, proc: WorkerProcess, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not path.exists():
        if proc.proc is not None and proc.proc.poll() is not None:
            raise RuntimeError(f"worker exited early:\n{proc.log()}")
        if time.monotonic() > deadline:
            raise TimeoutError(f"{path} never appeared:\n{proc.log()}")
        time.sleep(0.05)


def _install_stall(marker: str) -> None:
    from lexi.tasks import handlers

    real = handlers.HANDLERS["prospect_search"]

    def stalling(session, claim):  # type: ignore[no-untyped-def]
        result = real(session, claim)
        session.flush()
        Path(marker).write_text(str(claim.id))
        time.sleep(3600)  # hangs inside the open transaction until the test kills the process
        return result

    handlers.HANDLERS["prospect_search"] = stalling


if os.environ.get(STALL_ENV):
    _install_stall(os.environ[STALL_ENV])
