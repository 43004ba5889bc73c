"""Shared benchmark plumbing: start a real `lexi serve` process, make a key, drive load, summarise.

Plain Python and public packages only (httpx), so anyone can run the benchmarks:

    python benchmarks/bench_api.py --requests 2000 --concurrency 8
"""

from __future__ import annotations

import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import httpx


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run_cli(args: list[str], database_url: str) -> str:
    env = {**os.environ, "LEXI_DATABASE_URL": database_url}
    out = subprocess.run(
        [sys.executable, "-m", "lexi", *args], env=env, check=True, capture_output=True, text=True
    )
    return out.stdout.strip()


@dataclass
class Server:
    url: str
    key: str
    database_url: str
    workspace_id: str


@contextmanager
def lexi_server(
    database_url: str | None = None, *, workers: int = 1, extra_env: dict[str, str] | None = None
) -> Iterator[Server]:
    """A migrated database, a workspace with credits, an unmetered key, and a running server."""
    tmp = tempfile.mkdtemp(prefix="lexi-bench-")
    database_url = database_url or f"sqlite:///{tmp}/bench.db"
    run_cli(["db", "upgrade"], database_url)
    ws = run_cli(
        ["workspaces", "create", "bench", "--credits", "10000000", "--plan", "organization"],
        database_url,
    )
    key = run_cli(
        [
            "keys",
            "create",
            "--workspace",
            ws,
            "--name",
            "bench",
            "--scopes",
            "all",
            "--tier",
            "unmetered",
        ],
        database_url,
    )
    port = free_port()
    env = {
        **os.environ,
        "LEXI_DATABASE_URL": database_url,
        "LEXI_LOG_LEVEL": "WARNING",
        **(extra_env or {}),
    }
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "lexi",
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--workers",
            str(workers),
            "--no-migrate",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{url}/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        else:
            raise RuntimeError("server did not start")
        yield Server(url=url, key=key, database_url=database_url, workspace_id=ws)
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()


@dataclass
class Result:
    name: str
    requests: int
    errors: int
    seconds: float
    latencies_ms: list[float]

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def pct(self, p: float) -> float:
        data = sorted(self.latencies_ms)
        if not data:
            return 0.0
        k = min(len(data) - 1, max(0, round(p / 100 * (len(data) - 1))))
        return data[k]

    def row(self) -> dict[str, float | int | str]:
        return {
            "name": self.name,
            "requests": self.requests,
            "errors": self.errors,
            "rps": round(self.rps, 1),
            "p50_ms": round(self.pct(50), 2),
            "p99_ms": round(self.pct(99), 2),
            "mean_ms": round(statistics.fmean(self.latencies_ms), 2) if self.latencies_ms else 0,
        }


def drive(
    name: str,
    server: Server,
    make_request: Callable[[httpx.Client, int], httpx.Response],
    *,
    requests: int,
    concurrency: int,
    warmup: int = 20,
    ok: Callable[[httpx.Response], bool] = lambda r: r.status_code < 400,
) -> Result:
    """Send `requests` requests from `concurrency` threads (one keep-alive client each)."""
    headers = {"Authorization": f"Bearer {server.key}"}
    with httpx.Client(base_url=server.url, headers=headers, timeout=60) as c:
        for i in range(warmup):
            make_request(c, i)
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    counter = iter(range(requests))

    def worker() -> None:
        nonlocal errors
        with httpx.Client(base_url=server.url, headers=headers, timeout=60) as c:
            while True:
                with lock:
                    i = next(counter, None)
                if i is None:
                    return
                t0 = time.perf_counter()
                r = make_request(c, i)
                dt = (time.perf_counter() - t0) * 1000
                with lock:
                    latencies.append(dt)
                    if not ok(r):
                        errors += 1

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return Result(name, requests, errors, time.perf_counter() - start, latencies)


def machine() -> str:
    return f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}"


def print_table(results: list[Result], baseline: str | None = None) -> None:
    base = next((r for r in results if r.name == baseline), None)
    print(f"# {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC — {machine()}")
    print(
        "| scenario | requests | errors | req/s | p50 ms | p99 ms |"
        + (" p50 vs baseline |" if base else "")
    )
    print("|---|---:|---:|---:|---:|---:|" + ("---:|" if base else ""))
    for r in results:
        row = r.row()
        line = f"| {row['name']} | {row['requests']} | {row['errors']} | {row['rps']} | {row['p50_ms']} | {row['p99_ms']} |"
        if base:
            line += f" {r.pct(50) / base.pct(50):.2f}x |" if base.pct(50) else " - |"
        print(line)


def save_json(path: Path, results: list[Result]) -> None:
    path.write_text(
        json.dumps({"machine": machine(), "results": [r.row() for r in results]}, indent=2)
    )
