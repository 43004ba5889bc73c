"""Start a real ``lexi serve`` process on a free loopback port and wait until it answers /health.

    with LexiServer(database_url, env={"LEXI_REDIS_URL": url}) as server:
        httpx.get(server.url + "/v1/credits", headers=...)
        server.log_lines()   # what the process wrote to stderr (JSON log lines)

The process migrates its database on start (``lexi serve`` does), so any URL works, including a
fresh SQLite file. Its stderr goes to a file so tests can read the logs it wrote.
"""

from __future__ import annotations

import fcntl
import itertools
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

# Generous: on a shared 2-core machine under heavy load (load average 20+), starting a server
# process (imports, migrations, app start-up) has taken a full minute. Readiness is polled, so a
# quick start is not slowed down, and a process that exits is reported at once.
START_TIMEOUT_S = 180.0


# Ports come from 20000-31999, below Linux's ephemeral range (32768-60999), so an outgoing
# connection of any process never takes a port between choosing it and a server binding it. A
# port is handed out only while this process holds an exclusive lock on a file named after it
# (kept until the process ends), and only when it is free: test processes of one user running at
# the same time (pytest-xdist workers, or separate runs on one machine) never pick the same
# port, so a server never fails to bind one and a readiness check never reaches another run's
# server.
_PORTS = range(20000, 32000)
_LOCKS = Path(tempfile.gettempdir()) / f"lexi-test-ports-{os.getuid()}"
_held: list[int] = []  # lock file descriptors, open (so locked) until the process exits
_next = itertools.count(os.getpid() * 7919)


def free_port() -> int:
    _LOCKS.mkdir(mode=0o700, exist_ok=True)
    for _ in range(len(_PORTS)):
        port = _PORTS[next(_next) % len(_PORTS)]
        fd = os.open(_LOCKS / str(port), os.O_CREAT | os.O_RDWR, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            continue
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                os.close(fd)
                continue
        _held.append(fd)
        return port
    raise RuntimeError(f"no free loopback port in {_PORTS.start}-{_PORTS.stop - 1}")


class LexiServer:
    """A ``lexi serve`` child process. Use as a context manager; it is stopped on exit."""

    def __init__(
        self,
        database_url: str,
        *,
        env: dict[str, str] | None = None,
        migrate: bool = True,
        extra_args: list[str] | None = None,
    ) -> None:
        self.database_url = database_url
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self._env = env or {}
        self._migrate = migrate
        self._extra_args = extra_args or []
        self._proc: subprocess.Popen[bytes] | None = None
        self._stderr_path: Path | None = None
        # /health/live answers as soon as the process serves; /health also needs the database.
        self.ready_path = "/health/live" if not migrate else "/health"

    def start(self) -> LexiServer:
        env = {k: v for k, v in os.environ.items() if not k.startswith("LEXI_")}
        env.update(
            {
                "LEXI_DATABASE_URL": self.database_url,
                "LEXI_LOG_JSON": "true",
                "LEXI_LOG_LEVEL": "INFO",
                "LEXI_RUN_WORKER_IN_PROCESS": "false",
                # The test database is shared: only tests that ask for it send campaign emails.
                "LEXI_CAMPAIGN_SENDING": "false",
            }
        )
        env.update(self._env)
        fd, name = tempfile.mkstemp(prefix="lexi-server-", suffix=".log")
        os.close(fd)
        self._stderr_path = Path(name)
        args = [
            sys.executable,
            "-m",
            "lexi",
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            str(self.port),
        ]
        if not self._migrate:
            args.append("--no-migrate")
        args += self._extra_args
        with open(self._stderr_path, "wb") as err:
            self._proc = subprocess.Popen(args, env=env, stdout=err, stderr=err)
        self._wait_ready()
        return self

    def _wait_ready(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            assert self._proc is not None
            if self._proc.poll() is not None:
                raise RuntimeError(f"lexi serve exited early:\n{self.stderr()}")
            try:
                if httpx.get(self.url + self.ready_path, timeout=1.0).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(
            f"lexi serve did not answer /health in {START_TIMEOUT_S}s:\n{self.stderr()}"
        )

    def stop(self) -> None:
        if self._proc is not None and self._proc.poll() is None:
            self._proc.terminate()
            try:
                self._proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self._proc.kill()
                self._proc.wait(timeout=5)

    def stderr(self) -> str:
        if self._stderr_path is None or not self._stderr_path.exists():
            return ""
        return self._stderr_path.read_text(errors="replace")

    def log_lines(self) -> list[dict[str, Any]]:
        """The JSON log lines the server wrote so far (other lines are skipped)."""
        out = []
        for line in self.stderr().splitlines():
            line = line.strip()
            if line.startswith("{"):
                try:
                    out.append(json.loads(line))
                except ValueError:
                    continue
        return out

    def client(self, **kw: Any) -> httpx.Client:
        return httpx.Client(base_url=self.url, timeout=kw.pop("timeout", 30.0), **kw)

    def __enter__(self) -> LexiServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
        if self._stderr_path is not None:
            self._stderr_path.unlink(missing_ok=True)
