"""The operator CLI's plain-driver reads (lexi.cli.reads) answer exactly what the services answer,
on SQLite and on PostgreSQL, and the commands built on them never import the ORM or the server
(benchmarks/bench_cli_startup.py measures what that saves)."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from lexi.audit.service import Actor
from lexi.auth import service as keys_service
from lexi.cli import reads
from lexi.credits import service as credits_service
from lexi.db.session import Database
from lexi.kit.pagination import PageParams
from lexi.workspaces import service as workspaces_service
from tests.conftest import unique

CLI = Actor.cli("tests")


@pytest.fixture
def populated(db: Database) -> uuid.UUID:
    with db.unit_of_work() as session:
        ws = workspaces_service.create(session, unique("reads"), plan="pro", credits=40)
        credits_service.grant(session, ws.id, 7, reason="top up", actor=CLI)
        credits_service.grant(session, ws.id, 3, reason="another", actor=CLI)
        keys_service.create_key(session, ws.id, name="admin", scopes=["all"], actor=CLI)
        key, _ = keys_service.create_key(
            session, ws.id, name="reader", scopes=["contacts:read"], actor=CLI
        )
        keys_service.create_key(
            session, ws.id, name="lexi", scopes=["lexi"], tier="high", actor=CLI
        )
        keys_service.revoke(session, ws.id, key.id, actor=CLI)
        return ws.id


def test_workspaces_match_the_service(db: Database, migrated: str, populated: uuid.UUID) -> None:
    with db.unit_of_work(write=False) as session:
        expected = [
            (ws.id, ws.name, ws.plan, ws.credit_balance)
            for ws in workspaces_service.list_all(session)
        ]
    with reads.connect(migrated) as conn:
        got = [(ws.id, ws.name, ws.plan, ws.credit_balance) for ws in reads.workspaces(conn)]
        one = reads.workspace(conn, populated)
    assert got == expected
    assert (one.plan, one.credit_balance) == ("pro", 50)


@pytest.mark.parametrize("include_revoked", [False, True])
def test_keys_match_the_service(
    db: Database, migrated: str, populated: uuid.UUID, include_revoked: bool
) -> None:
    with db.unit_of_work(write=False) as session:
        keys, _ = keys_service.list_keys(
            session, populated, PageParams(1, 1000), include_revoked=include_revoked
        )
        expected = [
            (k.id, k.name, k.prefix, list(k.scopes), k.rate_limit_tier, k.revoked_at) for k in keys
        ]
    with reads.connect(migrated) as conn:
        got = [
            (k.id, k.name, k.prefix, k.scopes, k.rate_limit_tier, k.revoked_at)
            for k in reads.keys(conn, populated, include_revoked=include_revoked)
        ]
    assert got == expected
    assert len(got) == (3 if include_revoked else 2)


def test_ledger_matches_the_service(db: Database, migrated: str, populated: uuid.UUID) -> None:
    with db.unit_of_work(write=False) as session:
        expected = [
            (e.created_at, e.kind, e.amount, e.reason)
            for e in credits_service.recent_entries(session, populated, 20)
        ]
    with reads.connect(migrated) as conn:
        got = [
            (e.created_at, e.kind, e.amount, e.reason)
            for e in reads.recent_entries(conn, populated, 20)
        ]
    assert got == expected and len(got) == 3


def test_migration_revision_matches_alembic(migrated: str) -> None:
    from lexi.db import migrate

    with reads.connect(migrated, schema=False) as conn:
        assert reads.migration_revision(conn) == migrate.current(migrated)


def test_postgresql_passwords_are_not_shown() -> None:
    where = reads.target("postgresql+psycopg://lexi:s3cret@db.example:5432/lexi?sslmode=require")
    assert "s3cret" not in where.shown and "s3cret" in where.conninfo
    assert where.conninfo.startswith("postgresql://")


@pytest.mark.parametrize(
    "url", ["sqlite://", "sqlite:///:memory:", "mysql://x@y/z", "postgresql://x@y/z", "not a url"]
)
def test_other_urls_are_left_to_sqlalchemy(url: str) -> None:
    with pytest.raises(reads.Unsupported):
        reads.target(url)


@pytest.mark.parametrize(
    "command",
    [
        ["workspaces", "list"],
        ["credits", "show", "--workspace", "{ws}"],
        ["keys", "list", "--workspace", "{ws}"],
        ["db", "current"],
    ],
    ids=" ".join,
)
def test_read_commands_import_neither_the_orm_nor_the_server(
    migrated: str, populated: uuid.UUID, command: list[str], tmp_path: Path
) -> None:
    code = (
        "import sys, runpy\n"
        "sys.argv = ['lexi', *sys.argv[1:]]\n"
        "try:\n"
        "    runpy.run_module('lexi', run_name='__main__')\n"
        "except SystemExit as exc:\n"
        "    assert not exc.code, exc.code\n"
        # (pydantic is not in the list: recent typer releases import it to parse options.)
        "heavy = {'sqlalchemy', 'fastapi', 'alembic', 'uvicorn', 'starlette', 'lexi.models'}\n"
        "print('IMPORTED', ' '.join(sorted({m for m in sys.modules} & heavy)))\n"
    )
    args = [part.replace("{ws}", str(populated)) for part in command]
    env = {k: v for k, v in os.environ.items() if not k.startswith("LEXI_")}
    env["LEXI_DATA_DIR"] = str(tmp_path)
    out = subprocess.run(
        [sys.executable, "-c", code, *args, "--database-url", migrated],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=True,
    ).stdout
    assert out.splitlines()[-1].strip() == "IMPORTED", out
