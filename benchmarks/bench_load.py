"""Mixed load from several tenants, bursts, and a bare-FastAPI floor, against real server processes.

    python benchmarks/bench_load.py [--deployment sqlite|pg|both] [--seconds 60] [--clients 8]
        [--tenants 3] [--people 50000] [--runs 1] [--burst] [--bare] [--json out.json]
    # PostgreSQL + Redis: two API processes (--workers 2) and a separate `lexi worker`
    python benchmarks/bench_load.py --deployment pg \
        --database-url postgresql+psycopg://postgres@127.0.0.1:5432/lexi_load \
        --redis-url redis://127.0.0.1:6379/8

The mixed load: each of N client threads (one keep-alive connection each) picks a tenant and a
request kind per request: reads (GET /v1/lists, /v1/credits, /v1/contacts), prospect searches
(POST /v1/prospector/search) and chat turns (POST /v1/lexi/chat), for a fixed time. Reported per
kind and overall: requests, req/s, p50/p99, errors by class (429/503 shed, other 4xx, 5xx,
transport), and the CPU time the server processes spent per request (on a shared machine the most
stable of these numbers; PostgreSQL's own processes are not counted). Tenants are fresh workspaces with unmetered keys, so the numbers are capacity, not
plan limits.

--burst: 100 concurrent chat turns from one tenant on an organization plan (concurrency limits
apply) while another tenant reads GET /v1/credits with one client; reports the reader's p50/p99
during the burst and the burst's served / shed / 5xx counts and slowest answer.

--bare: a minimal FastAPI app (one sync GET endpoint, no middleware) served by uvicorn like
`lexi serve` (one worker, no access log), measured alternately with Lexi's GET /v1/credits at one
client in the same run; reports both p50s and the ratio.

The universe (`lexi prospects generate --people N --seed 7`) is generated once and reused: a
SQLite file under --cache-dir (copied per run), or the PostgreSQL database as it is (each run
makes new workspaces).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from harness import free_port, machine, run_cli

SEED = 7
CHAT_MESSAGES = (
    "Find CTOs at software companies in California",
    "how many credits do I have?",
    "Find 10 VPs of Sales in New York",
    "Find marketing directors at healthcare companies in Texas",
)
SEARCHES = (
    {"titles": ["CEO"], "locations": ["New York"], "limit": 25},
    {"seniorities": ["vp"], "departments": ["engineering"], "limit": 25},
    {"industries": ["Computer Software"], "employees": {"min": 50, "max": 500}, "limit": 25},
    {"titles": ["Marketing Director"], "limit": 25},
)
# (kind, weight, method, path, json body chooser)
KINDS: tuple[tuple[str, int], ...] = (
    ("GET /v1/lists", 20),
    ("GET /v1/credits", 20),
    ("GET /v1/contacts", 20),
    ("POST /v1/prospector/search", 20),
    ("POST /v1/lexi/chat", 20),
)


def loadavg() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "n/a"


def cpu_seconds(root_pids: list[int]) -> float:
    """User + system CPU time of these processes and all their descendants (Linux /proc)."""
    ticks = os.sysconf("SC_CLK_TCK")
    stats: dict[int, tuple[int, float]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        stats[int(entry.name)] = (int(fields[1]), (int(fields[11]) + int(fields[12])) / ticks)
    wanted, total = set(root_pids), 0.0
    changed = True
    while changed:
        changed = False
        for pid, (ppid, _) in stats.items():
            if ppid in wanted and pid not in wanted:
                wanted.add(pid)
                changed = True
    for pid in wanted:
        total += stats.get(pid, (0, 0.0))[1]
    return total


# ---------------------------------------------------------------------------------------------
# Deployments


@dataclass
class Deployment:
    name: str
    url: str
    database_url: str
    procs: list[subprocess.Popen[bytes]] = field(default_factory=list)


def _wait_healthy(url: str, procs: list[subprocess.Popen[bytes]], path: str = "/health") -> None:
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if any(p.poll() is not None for p in procs):
            raise RuntimeError("a server process exited during start-up")
        try:
            if httpx.get(f"{url}{path}", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"{url} did not start")


def _stop(procs: list[subprocess.Popen[bytes]]) -> None:
    for p in procs:
        p.terminate()
    for p in procs:
        try:
            p.wait(15)
        except subprocess.TimeoutExpired:
            p.kill()


def ensure_universe(database_url: str, people: int) -> None:
    """Migrate and generate the universe unless it already holds ``people`` people."""
    run_cli(["db", "upgrade"], database_url)
    from sqlalchemy import create_engine, text

    engine = create_engine(database_url)
    try:
        with engine.connect() as conn:
            have = conn.execute(text("SELECT count(*) FROM prospect_people")).scalar_one()
    finally:
        engine.dispose()
    if have != people:
        print(f"# generating {people:,} people into {database_url} ...", file=sys.stderr)
        run_cli(
            ["prospects", "generate", "--people", str(people), "--seed", str(SEED), "--replace"]
            + ["--quiet"],
            database_url,
        )


@contextmanager
def deployment(
    kind: str, args: argparse.Namespace, extra_env: dict[str, str] | None = None
) -> Iterator[Deployment]:
    env = {**os.environ, "LEXI_LOG_LEVEL": args.log_level, **(extra_env or {})}
    tmp = tempfile.mkdtemp(prefix="lexi-load-")
    procs: list[subprocess.Popen[bytes]] = []
    if kind == "sqlite":
        cache = Path(args.cache_dir) / f"universe-{args.people}.db"
        cache.parent.mkdir(parents=True, exist_ok=True)
        ensure_universe(f"sqlite:///{cache}", args.people)
        db_file = Path(tmp) / "load.db"
        shutil.copyfile(cache, db_file)
        database_url = f"sqlite:///{db_file}"
        workers = 1
    else:
        database_url = args.database_url
        ensure_universe(database_url, args.people)
        workers = args.pg_workers
        env["LEXI_REDIS_URL"] = args.redis_url
        env["LEXI_RUN_WORKER_IN_PROCESS"] = "false"
    env["LEXI_DATABASE_URL"] = database_url
    port = free_port()
    serve = [sys.executable, "-m", "lexi", "serve", "--host", "127.0.0.1", "--port", str(port)]
    procs.append(
        subprocess.Popen(
            [*serve, "--workers", str(workers), "--no-migrate"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=open(Path(tmp) / "server.log", "wb"),  # noqa: SIM115
        )
    )
    if kind == "pg":
        procs.append(
            subprocess.Popen(
                [sys.executable, "-m", "lexi", "worker"],
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=open(Path(tmp) / "worker.log", "wb"),  # noqa: SIM115
            )
        )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url, procs)
        yield Deployment(kind, url, database_url, procs)
    finally:
        _stop(procs)
        if kind == "sqlite":
            shutil.rmtree(tmp, ignore_errors=True)


@dataclass
class Tenant:
    workspace_id: str
    key: str


def make_tenant(
    database_url: str, name: str, *, plan: str = "organization", tier: str = "unmetered"
) -> Tenant:
    ws = run_cli(
        ["workspaces", "create", name, "--credits", "10000000", "--plan", plan], database_url
    )
    return Tenant(ws, make_key(database_url, ws, tier))


def make_key(database_url: str, workspace_id: str, tier: str) -> str:
    return run_cli(
        ["keys", "create", "--workspace", workspace_id, "--name", "load", "--scopes", "all"]
        + ["--tier", tier],
        database_url,
    )


def seed_tenant(url: str, tenant: Tenant) -> None:
    """A few lists and some saved contacts, so the reads return real rows."""
    with httpx.Client(base_url=url, headers=_auth(tenant.key), timeout=60) as c:
        for i in range(5):
            c.post("/v1/lists", json={"name": f"Load list {i}"}).raise_for_status()
        r = c.post(
            "/v1/lexi/chat",
            json={"message": "Find 20 CEOs in New York and add them to Load list 0"},
        )
        r.raise_for_status()


def _auth(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


# ---------------------------------------------------------------------------------------------
# Measuring


@dataclass
class Stats:
    latencies: dict[str, list[float]] = field(default_factory=dict)
    statuses: dict[str, Counter[str]] = field(default_factory=dict)

    def add(self, kind: str, ms: float, outcome: str) -> None:
        self.latencies.setdefault(kind, []).append(ms)
        self.statuses.setdefault(kind, Counter())[outcome] += 1


def pct(data: list[float], p: float) -> float:
    if not data:
        return 0.0
    data = sorted(data)
    k = min(len(data) - 1, max(0, round(p / 100 * (len(data) - 1))))
    return data[k]


def outcome_of(status: int) -> str:
    if status < 400:
        return "ok"
    if status in (429, 503):
        return f"shed_{status}"
    if status >= 500:
        return "5xx"
    return "4xx"


def send(c: httpx.Client, kind: str, rnd: random.Random) -> httpx.Response:
    if kind == "GET /v1/lists":
        return c.get("/v1/lists")
    if kind == "GET /v1/credits":
        return c.get("/v1/credits")
    if kind == "GET /v1/contacts":
        return c.get("/v1/contacts", params={"per_page": 25})
    if kind == "POST /v1/prospector/search":
        return c.post("/v1/prospector/search", json=rnd.choice(SEARCHES))
    return c.post("/v1/lexi/chat", json={"message": rnd.choice(CHAT_MESSAGES)})


def timed(stats: Stats, lock: threading.Lock, kind: str, fn: Callable[[], httpx.Response]) -> None:
    t0 = time.perf_counter()
    try:
        status = outcome_of(fn().status_code)
    except httpx.HTTPError:
        status = "transport"
    ms = (time.perf_counter() - t0) * 1000
    with lock:
        stats.add(kind, ms, status)


def mixed_load(
    url: str, tenants: list[Tenant], *, seconds: float, clients: int, pids: list[int]
) -> dict[str, Any]:
    stats, lock = Stats(), threading.Lock()
    names = [k for k, _ in KINDS]
    weights = [w for _, w in KINDS]
    stop_at = 0.0

    def client(n: int) -> None:
        rnd = random.Random(n)
        pool = {
            t.key: httpx.Client(base_url=url, headers=_auth(t.key), timeout=60) for t in tenants
        }
        try:
            while time.perf_counter() < stop_at:
                tenant = tenants[rnd.randrange(len(tenants))]
                kind = rnd.choices(names, weights)[0]
                c = pool[tenant.key]
                timed(stats, lock, kind, lambda c=c, kind=kind: send(c, kind, rnd))
        finally:
            for c in pool.values():
                c.close()

    # Warm-up: every kind once per tenant.
    rnd = random.Random(0)
    for t in tenants:
        with httpx.Client(base_url=url, headers=_auth(t.key), timeout=60) as c:
            for kind in names:
                send(c, kind, rnd)
    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    cpu_before = cpu_seconds(pids)
    started = time.perf_counter()
    stop_at = started + seconds
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - started
    server_cpu = cpu_seconds(pids) - cpu_before
    rows = []
    everything: list[float] = []
    total: Counter[str] = Counter()
    for kind in names:
        lat = stats.latencies.get(kind, [])
        everything += lat
        total.update(stats.statuses.get(kind, Counter()))
        rows.append(_row(kind, lat, stats.statuses.get(kind, Counter()), elapsed))
    rows.append(_row("all", everything, total, elapsed))
    served = rows[-1]["requests"]
    return {
        "seconds": round(elapsed, 1),
        "clients": clients,
        "rows": rows,
        # CPU the server processes spent per request: capacity, far less sensitive than latency
        # to what else the machine runs.
        "server_cpu_ms_per_request": round(server_cpu * 1000 / served, 2) if served else None,
    }


def _row(kind: str, lat: list[float], statuses: Counter[str], elapsed: float) -> dict[str, Any]:
    return {
        "kind": kind,
        "requests": len(lat),
        "rps": round(len(lat) / elapsed, 1) if elapsed else 0.0,
        "p50_ms": round(pct(lat, 50), 1),
        "p99_ms": round(pct(lat, 99), 1),
        "max_ms": round(max(lat), 1) if lat else 0.0,
        "ok": statuses.get("ok", 0),
        "shed_429": statuses.get("shed_429", 0),
        "shed_503": statuses.get("shed_503", 0),
        "4xx": statuses.get("4xx", 0),
        "5xx": statuses.get("5xx", 0),
        "transport": statuses.get("transport", 0),
    }


def burst(
    url: str, database_url: str, burster: Tenant, reader: Tenant, *, size: int = 100
) -> dict[str, Any]:
    """``size`` concurrent chat turns from one key while another tenant reads with one client."""
    key = make_key(database_url, burster.workspace_id, "standard")  # the plan's limits apply
    stats, lock = Stats(), threading.Lock()
    done = threading.Event()
    gate = threading.Barrier(size + 1)
    reader_lat: list[float] = []
    reader_out: Counter[str] = Counter()

    def read() -> None:
        with httpx.Client(base_url=url, headers=_auth(reader.key), timeout=60) as c:
            c.get("/v1/credits")
            gate.wait()
            while not done.is_set():
                t0 = time.perf_counter()
                try:
                    out = outcome_of(c.get("/v1/credits").status_code)
                except httpx.HTTPError:
                    out = "transport"
                reader_lat.append((time.perf_counter() - t0) * 1000)
                reader_out[out] += 1

    def one(n: int) -> None:
        with httpx.Client(base_url=url, headers=_auth(key), timeout=60) as c:
            gate.wait()
            body = {"message": CHAT_MESSAGES[n % len(CHAT_MESSAGES)]}
            timed(stats, lock, "burst", lambda: c.post("/v1/lexi/chat", json=body))

    threads = [threading.Thread(target=one, args=(n,)) for n in range(size)]
    reader_thread = threading.Thread(target=read)
    reader_thread.start()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    done.set()
    reader_thread.join()
    lat = stats.latencies.get("burst", [])
    out = stats.statuses.get("burst", Counter())
    return {
        "burst_requests": size,
        "served": out.get("ok", 0),
        "shed_429": out.get("shed_429", 0),
        "shed_503": out.get("shed_503", 0),
        "4xx": out.get("4xx", 0),
        "5xx": out.get("5xx", 0),
        "transport": out.get("transport", 0),
        "burst_p50_ms": round(pct(lat, 50), 1),
        "burst_max_ms": round(max(lat), 1) if lat else 0.0,
        "reader_requests": len(reader_lat),
        "reader_p50_ms": round(pct(reader_lat, 50), 1),
        "reader_p99_ms": round(pct(reader_lat, 99), 1),
        "reader_not_ok": sum(v for k, v in reader_out.items() if k != "ok"),
    }


BARE_APP = textwrap.dedent(
    """
    from fastapi import FastAPI

    app = FastAPI()


    @app.get("/v1/bare")
    def bare() -> dict:
        return {"data": {"balance": 1000, "entries": []}}
    """
)


@contextmanager
def bare_server() -> Iterator[str]:
    tmp = tempfile.mkdtemp(prefix="lexi-bare-")
    Path(tmp, "bare_app.py").write_text(BARE_APP)
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "bare_app:app", "--host", "127.0.0.1"]
        + ["--port", str(port), "--log-level", "warning", "--no-access-log", "--workers", "1"],
        cwd=tmp,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url, [proc], "/v1/bare")
        yield url
    finally:
        _stop([proc])
        shutil.rmtree(tmp, ignore_errors=True)


def bare_ratio(
    lexi_url: str, tenant: Tenant, *, rounds: int = 5, per_round: int = 300
) -> dict[str, Any]:
    """Alternate blocks of bare GET and Lexi's GET /v1/credits at one client; compare p50s."""
    bare_lat: list[float] = []
    lexi_lat: list[float] = []
    with (
        bare_server() as bare_url,
        httpx.Client(base_url=bare_url, timeout=30) as b,
        httpx.Client(base_url=lexi_url, headers=_auth(tenant.key), timeout=30) as c,
    ):
        for _ in range(50):
            b.get("/v1/bare")
            c.get("/v1/credits")
        for _ in range(rounds):
            for client, path, sink in ((b, "/v1/bare", bare_lat), (c, "/v1/credits", lexi_lat)):
                for _ in range(per_round):
                    t0 = time.perf_counter()
                    client.get(path).raise_for_status()
                    sink.append((time.perf_counter() - t0) * 1000)
    b50, l50 = pct(bare_lat, 50), pct(lexi_lat, 50)
    return {
        "bare_p50_ms": round(b50, 2),
        "bare_p99_ms": round(pct(bare_lat, 99), 2),
        "credits_p50_ms": round(l50, 2),
        "credits_p99_ms": round(pct(lexi_lat, 99), 2),
        "ratio_p50": round(l50 / b50, 2) if b50 else None,
    }


# ---------------------------------------------------------------------------------------------
# Reporting


def print_mixed(name: str, result: dict[str, Any]) -> None:
    print(
        f"\n## {name}: mixed load, {result['clients']} clients, {result['seconds']} s, "
        f"server CPU {result['server_cpu_ms_per_request']} ms per request"
    )
    print(
        "| kind | requests | req/s | p50 ms | p99 ms | max ms | shed 429 | shed 503 | 4xx | 5xx | transport |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in result["rows"]:
        print(
            f"| {r['kind']} | {r['requests']} | {r['rps']} | {r['p50_ms']} | {r['p99_ms']} | "
            f"{r['max_ms']} | {r['shed_429']} | {r['shed_503']} | {r['4xx']} | {r['5xx']} | "
            f"{r['transport']} |"
        )


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--deployment", choices=["sqlite", "pg", "both"], default="sqlite")
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--tenants", type=int, default=3)
    ap.add_argument("--people", type=int, default=50_000)
    ap.add_argument("--runs", type=int, default=1, help="Mixed-load runs per deployment.")
    ap.add_argument("--burst", action="store_true", help="Also run the burst test.")
    ap.add_argument("--burst-size", type=int, default=100)
    ap.add_argument("--bare", action="store_true", help="Also compare with a bare FastAPI app.")
    ap.add_argument("--no-mixed", action="store_true", help="Skip the mixed load.")
    ap.add_argument("--database-url", default=os.environ.get("LEXI_LOAD_DATABASE_URL", ""))
    ap.add_argument("--redis-url", default=os.environ.get("LEXI_LOAD_REDIS_URL", ""))
    ap.add_argument("--pg-workers", type=int, default=2)
    ap.add_argument("--log-level", default="WARNING", help="LEXI_LOG_LEVEL of the servers.")
    ap.add_argument("--cache-dir", default=str(Path(tempfile.gettempdir()) / "lexi-load"))
    ap.add_argument("--json", type=Path, help="Write every result here as JSON.")
    args = ap.parse_args()
    kinds = ["sqlite", "pg"] if args.deployment == "both" else [args.deployment]
    if "pg" in kinds and not (args.database_url and args.redis_url):
        ap.error("the pg deployment needs --database-url and --redis-url")
    print(f"# {datetime.now(UTC):%Y-%m-%d %H:%M} UTC — {machine()}; load {loadavg()}")
    report: dict[str, Any] = {"machine": machine(), "started": datetime.now(UTC).isoformat()}
    for kind in kinds:
        with deployment(kind, args) as dep:
            stamp = f"{int(time.time())}"
            tenants = [
                make_tenant(dep.database_url, f"load-{stamp}-{i}") for i in range(args.tenants)
            ]
            for t in tenants:
                seed_tenant(dep.url, t)
            out: dict[str, Any] = {"mixed": []}
            if not args.no_mixed:
                for run in range(args.runs):
                    before = loadavg()
                    result = mixed_load(
                        dep.url,
                        tenants,
                        seconds=args.seconds,
                        clients=args.clients,
                        pids=[p.pid for p in dep.procs],
                    )
                    result["loadavg_before"] = before
                    result["loadavg_after"] = loadavg()
                    out["mixed"].append(result)
                    print_mixed(
                        f"{kind} run {run + 1} (load {before} → {result['loadavg_after']})", result
                    )
            if args.bare:
                out["bare"] = bare_ratio(dep.url, tenants[0])
                b = out["bare"]
                print(
                    f"\n## {kind}: bare FastAPI p50 {b['bare_p50_ms']} ms (p99 {b['bare_p99_ms']}), "
                    f"GET /v1/credits p50 {b['credits_p50_ms']} ms (p99 {b['credits_p99_ms']}): "
                    f"{b['ratio_p50']}x (load {loadavg()})"
                )
            if args.burst:
                burster = make_tenant(dep.database_url, f"burst-{stamp}", tier="standard")
                seed_tenant(dep.url, burster)
                out["burst"] = burst(
                    dep.url, dep.database_url, burster, tenants[0], size=args.burst_size
                )
                print(f"\n## {kind}: burst (load {loadavg()})")
                print(json.dumps(out["burst"]))
            report[kind] = out
    if args.json:
        args.json.write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
