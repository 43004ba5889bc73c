"""Read-only operator queries over the plain database driver, for commands that start fast.

``lexi workspaces list``, ``lexi keys list``, ``lexi credits show`` and ``lexi db current`` only
read a few rows. Importing SQLAlchemy's ORM and Lexi's models costs about half a second of CPU on
a small machine, several times what the query does, so these commands talk to the DB-API driver
directly (``sqlite3`` from the standard library, ``psycopg`` for PostgreSQL) with the SQL below.
Commands that change data keep going through the services, where the rules live.

The queries mirror the repositories they stand in for (same columns, same order);
``tests/e2e/test_cli.py`` checks both paths give the same answers on SQLite and PostgreSQL.
Lexi runs on SQLite and on PostgreSQL through psycopg; any other URL is handed to the SQLAlchemy
path, which reports what is wrong with it in one line.
"""

from __future__ import annotations

import json
import re
import sqlite3
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, NoReturn
from urllib.parse import unquote, urlsplit

from lexi.cli.common import fail, missing_database


class Unsupported(Exception):
    """The URL names a driver this module does not speak; use the SQLAlchemy path instead."""


@dataclass(frozen=True)
class Target:
    """Where a database URL points: a SQLite file, or a PostgreSQL conninfo for psycopg."""

    kind: str  # "sqlite" | "postgresql"
    path: Path | None = None
    conninfo: str = ""
    shown: str = ""


_SQLITE = re.compile(r"^sqlite(\+pysqlite)?://(?P<rest>.*)$", re.S)
_POSTGRES = re.compile(r"^postgresql\+psycopg://", re.S)


def target(url: str) -> Target:
    """Parse a Lexi database URL the way SQLAlchemy would for the two engines Lexi runs on."""
    sqlite = _SQLITE.match(url)
    if sqlite:
        rest = sqlite.group("rest")
        if not rest.startswith("/"):
            raise Unsupported(url)
        database = rest[1:].split("?", 1)[0]
        if database in ("", ":memory:") or database.startswith("file:"):
            raise Unsupported(url)
        path = Path(unquote(database)).expanduser()
        return Target("sqlite", path=path, shown=str(path))
    if _POSTGRES.match(url):
        parts = urlsplit(url)
        conninfo = parts._replace(scheme="postgresql").geturl()
        netloc = parts.netloc
        if "@" in netloc:
            user, host = netloc.rsplit("@", 1)
            netloc = f"{user.split(':', 1)[0]}:***@{host}" if ":" in user else netloc
        return Target("postgresql", conninfo=conninfo, shown=parts._replace(netloc=netloc).geturl())
    raise Unsupported(url)


def _unsupported(url: str) -> NoReturn:
    """Let the SQLAlchemy path explain a URL this module does not handle (malformed, another
    driver, in-memory), then refuse it if SQLAlchemy somehow accepted it."""
    from lexi.cli.common import database

    with database(url):
        pass
    fail(f"unsupported database URL {url!r}: Lexi runs on sqlite:/// and postgresql+psycopg://")


@contextmanager
def connect(url: str, *, schema: bool = True) -> Iterator[Connection]:
    """A connection for reading a Lexi database (migrated, unless ``schema`` is false), or a
    one-line error and exit. It never creates a database file."""
    try:
        where = target(url)
    except Unsupported:
        _unsupported(url)
    if where.kind == "sqlite":
        assert where.path is not None
        if not where.path.is_file():
            missing_database(url)
        try:
            # mode=rw: open an existing file only (and still read a WAL database's log).
            raw: Any = sqlite3.connect(f"{where.path.resolve().as_uri()}?mode=rw", uri=True)
        except sqlite3.Error as exc:
            fail(f"cannot open the database at {where.shown}: {exc}")
        conn = Connection(raw, "sqlite")
    else:
        import psycopg

        try:
            raw = psycopg.connect(where.conninfo, connect_timeout=10, autocommit=True)
        except psycopg.Error as exc:
            fail(f"cannot connect to the database at {where.shown}: {exc}")
        except Exception as exc:  # noqa: BLE001  (a conninfo psycopg cannot parse)
            fail(f"bad database URL {where.shown!r}: {exc}")
        conn = Connection(raw, "postgresql")
    try:
        if schema and not conn.has_table("workspaces"):
            missing_database(url)
        yield conn
    except (sqlite3.Error, _psycopg_error()) as exc:
        fail(
            f"database error: {exc}. Is the database reachable and migrated (run `lexi db upgrade`)?"
        )
    finally:
        raw.close()


def _psycopg_error() -> type[Exception]:
    import sys

    module = sys.modules.get("psycopg")
    return module.Error if module is not None else sqlite3.Error


class Connection:
    """A DB-API connection plus the two things that differ between the engines: placeholders and
    how UUIDs, JSON and timestamps come back."""

    def __init__(self, raw: Any, kind: str) -> None:
        self.raw, self.kind = raw, kind

    def rows(self, sql: str, **params: Any) -> list[Sequence[Any]]:
        if self.kind == "postgresql":
            sql = re.sub(r"(?<!:):(\w+)", r"%(\1)s", sql)
        else:
            params = {k: v.hex if isinstance(v, uuid.UUID) else v for k, v in params.items()}
        cursor = self.raw.cursor()
        try:
            cursor.execute(sql, params)
            return list(cursor.fetchall())
        finally:
            cursor.close()

    def has_table(self, name: str) -> bool:
        if self.kind == "sqlite":
            sql = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = :name"
        else:
            sql = (
                "SELECT 1 FROM pg_catalog.pg_tables WHERE tablename = :name "
                "AND schemaname = ANY (current_schemas(false))"
            )
        return bool(self.rows(sql, name=name))


def as_uuid(value: Any) -> uuid.UUID:
    return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))


def as_json(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str | bytes) else value


def as_utc(value: Any) -> datetime | None:
    if value is None:
        return None
    if not isinstance(value, datetime):
        value = datetime.fromisoformat(str(value))
    return (
        value.replace(tzinfo=timezone.utc)
        if value.tzinfo is None
        else value.astimezone(timezone.utc)
    )


@dataclass(frozen=True)
class WorkspaceRow:
    id: uuid.UUID
    name: str
    plan: str
    credit_balance: int


@dataclass(frozen=True)
class KeyRow:
    id: uuid.UUID
    name: str
    prefix: str
    scopes: list[str]
    rate_limit_tier: str
    revoked_at: datetime | None


@dataclass(frozen=True)
class EntryRow:
    created_at: datetime
    kind: str
    amount: int
    reason: str


def workspaces(conn: Connection) -> list[WorkspaceRow]:
    rows = conn.rows("SELECT id, name, plan, credit_balance FROM workspaces ORDER BY created_at")
    return [WorkspaceRow(as_uuid(r[0]), r[1], r[2], int(r[3])) for r in rows]


def workspace(conn: Connection, workspace_id: uuid.UUID) -> WorkspaceRow:
    """The workspace, or the same one-line error as the services' ``NotFound``."""
    rows = conn.rows(
        "SELECT id, name, plan, credit_balance FROM workspaces WHERE id = :id", id=workspace_id
    )
    if not rows:
        fail(f"Workspace {workspace_id} not found.")
    r = rows[0]
    return WorkspaceRow(as_uuid(r[0]), r[1], r[2], int(r[3]))


def keys(conn: Connection, workspace_id: uuid.UUID, *, include_revoked: bool) -> list[KeyRow]:
    sql = (
        "SELECT id, name, prefix, scopes, rate_limit_tier, revoked_at FROM api_keys "
        "WHERE workspace_id = :ws"
        + ("" if include_revoked else " AND revoked_at IS NULL")
        + " ORDER BY created_at DESC, id LIMIT 1000"
    )
    return [
        KeyRow(as_uuid(r[0]), r[1], r[2], list(as_json(r[3]) or []), r[4], as_utc(r[5]))
        for r in conn.rows(sql, ws=workspace_id)
    ]


def recent_entries(conn: Connection, workspace_id: uuid.UUID, limit: int = 20) -> list[EntryRow]:
    rows = conn.rows(
        "SELECT created_at, kind, amount, reason FROM credit_entries WHERE workspace_id = :ws "
        "ORDER BY created_at DESC, balance_after LIMIT :limit",
        ws=workspace_id,
        limit=limit,
    )
    return [EntryRow(as_utc(r[0]) or datetime.min, r[1], int(r[2]), r[3]) for r in rows]


def migration_revision(conn: Connection) -> str | None:
    """What ``alembic current`` reports: the revision in ``alembic_version``, if any."""
    if not conn.has_table("alembic_version"):
        return None
    rows = conn.rows("SELECT version_num FROM alembic_version")
    return rows[0][0] if rows else None
