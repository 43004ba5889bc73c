"""Schema conformance: a bounded schemathesis run against a real ``lexi serve`` process.

    python scripts/conformance.py                      # what .ci/run runs
    python scripts/conformance.py --max-examples 50    # a longer local run
    python scripts/conformance.py --include-path-regex '^/v1/lists'

A fresh SQLite database in a temporary directory is migrated and given a small generated
universe, a workspace on the organization plan with plenty of credits and an unmetered
all-scopes key. A server is started on a free loopback port and schemathesis generates requests
from its OpenAPI document (``/openapi.json``), checking that none answers 5xx and that every
response conforms to the document: documented status code, content type, headers and body.
The run is bounded (examples per operation, a fixed seed) so it fits in CI. Extra arguments are
passed to ``schemathesis run``. The exit status is schemathesis's.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

CHECKS = ",".join(
    [
        "not_a_server_error",
        "status_code_conformance",
        "content_type_conformance",
        "response_headers_conformance",
        "response_schema_conformance",
        "allow_header_conformance",
    ]
)
START_TIMEOUT_S = 180.0  # a loaded 2-core machine can take a minute to start a server


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _prepare(database_url: str, people: int) -> str:
    """Migrate, generate a small universe, create the workspace and its key; returns the key."""
    from lexi.audit.service import Actor
    from lexi.auth import service as auth_service
    from lexi.db.engine import make_engine
    from lexi.db.migrate import upgrade
    from lexi.db.session import Database
    from lexi.prospects.generator import generate
    from lexi.workspaces import service as workspaces_service

    upgrade(database_url)
    db = Database(make_engine(database_url))
    try:
        generate(db, people, 7)
        with db.unit_of_work() as session:
            ws = workspaces_service.create(
                session,
                "Conformance",
                plan="organization",
                credits=10_000_000,
                actor=Actor.cli("conformance"),
            )
            _, key = auth_service.create_key(
                session,
                ws.id,
                name="conformance",
                scopes=["all"],
                tier="unmetered",
                actor=Actor.cli("conformance"),
            )
    finally:
        db.dispose()
    return key


def _start_server(database_url: str, port: int, log_path: Path) -> subprocess.Popen[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LEXI_")}
    env.update(
        {
            "LEXI_DATABASE_URL": database_url,
            "LEXI_DATA_DIR": str(log_path.parent / "data"),
            "LEXI_LOG_JSON": "true",
            "LEXI_LOG_LEVEL": "WARNING",
            "LEXI_RUN_WORKER_IN_PROCESS": "false",
            "LEXI_CAMPAIGN_SENDING": "false",
        }
    )
    cmd = [sys.executable, "-m", "lexi", "serve", "--host", "127.0.0.1", "--port", str(port)]
    with log_path.open("wb") as log:
        proc = subprocess.Popen(cmd, env=env, stdout=log, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"the server exited ({proc.returncode}):\n{log_path.read_text()}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    proc.kill()
    raise SystemExit(f"the server did not answer /health within {START_TIMEOUT_S:.0f} s")


def _level(line: str) -> str | None:
    try:
        record = json.loads(line)
    except ValueError:
        return None
    return record.get("level") if isinstance(record, dict) else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--max-examples", type=int, default=8, help="examples per operation")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--phases", default="examples,coverage,fuzzing")
    parser.add_argument("--people", type=int, default=500, help="size of the generated universe")
    args, extra = parser.parse_known_args(argv)

    tmp = Path(tempfile.mkdtemp(prefix="lexi-conformance-"))
    proc = None
    try:
        database_url = f"sqlite:///{tmp / 'lexi.db'}"
        key = _prepare(database_url, args.people)
        port = _free_port()
        proc = _start_server(database_url, port, tmp / "server.log")
        cmd = [
            sys.executable, "-m", "schemathesis.cli", "run",
            f"http://127.0.0.1:{port}/openapi.json",
            "--header", f"Authorization: Bearer {key}",
            "--checks", CHECKS,
            "--phases", args.phases,
            "--max-examples", str(args.max_examples),
            "--seed", str(args.seed),
            "--workers", "1",
            "--suppress-health-check", "all",
            "--request-timeout", "30",
            *extra,
        ]  # fmt: skip
        code = subprocess.call(cmd, cwd=tmp, env={**os.environ, "SCHEMATHESIS_HOOKS": ""})
        errors = [
            line
            for line in (tmp / "server.log").read_text(errors="replace").splitlines()
            if _level(line) in ("error", "critical")
        ]
        if errors:
            print(f"\nThe server logged {len(errors)} error line(s); the first ones:")
            for line in errors[:5]:
                print("  " + line[:500])
        return code
    finally:
        if proc is not None:
            proc.terminate()
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
