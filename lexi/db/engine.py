"""Engines: SQLite gets WAL, foreign keys, a busy timeout and explicit BEGIN; PostgreSQL a pool.

On a SQLite file, the writers of one engine also queue on an in-process lock (``WriterGate``)
before ``BEGIN IMMEDIATE``: a writer waiting there starts the moment the previous one commits,
where SQLite's busy handler would poll in growing sleeps (1, 2, 5, 10 ... 100 ms) and leave the
lock idle in between. The wait is bounded by the same busy timeout and ends in the same
"database is locked" error (a 503). Other processes on the file still meet the busy timeout.
"""

from __future__ import annotations

import sqlite3
import threading
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool, StaticPool

# Sessions opened for writing on SQLite take the write lock up front (BEGIN IMMEDIATE), so two
# writers queue on the busy timeout instead of failing with SQLITE_BUSY when a read snapshot is
# upgraded to a write.
WRITE_OPTIONS = {"lexi_write": True}


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def make_engine(
    url: str,
    *,
    pool_size: int = 10,
    busy_timeout_ms: int = 30_000,
    null_pool: bool = False,
    pool_timeout: float = 30.0,
) -> Engine:
    pooling: dict[str, Any] = (
        {"poolclass": NullPool}
        if null_pool
        else {"pool_size": pool_size, "max_overflow": pool_size * 2, "pool_timeout": pool_timeout}
    )
    if is_sqlite(url):
        connect_args: dict[str, Any] = {
            "check_same_thread": False,
            "timeout": busy_timeout_ms / 1000,
        }
        gate: WriterGate | None = None
        if make_url(url).database in (None, "", ":memory:"):
            # An in-memory database lives in its connection: every thread must share that one.
            pooling = {"poolclass": StaticPool}
        else:
            gate = WriterGate(busy_timeout_ms / 1000)
            connect_args["factory"] = gate.connection_class()
        engine = create_engine(url, connect_args=connect_args, **pooling)
        _configure_sqlite(engine, busy_timeout_ms, gate)
        return engine
    return create_engine(url, pool_pre_ping=True, **pooling)


class WriterGate:
    """One write transaction at a time per engine, handed over as soon as the holder ends it.

    Taken just before ``BEGIN IMMEDIATE`` and given back by the DBAPI connection's own
    ``commit()``/``rollback()``/``close()`` (after SQLite has ended the transaction), so a
    connection returned to the pool, rolled back or invalidated never keeps it.
    """

    def __init__(self, timeout_seconds: float) -> None:
        self.timeout = timeout_seconds
        self._lock = threading.Lock()

    def acquire(self, dbapi_conn: Any) -> None:
        if getattr(dbapi_conn, "lexi_holds_gate", False):
            return
        if not self._lock.acquire(timeout=self.timeout):
            raise sa_exc.OperationalError(
                "BEGIN IMMEDIATE", None, sqlite3.OperationalError("database is locked")
            )
        dbapi_conn.lexi_holds_gate = True

    def release(self, dbapi_conn: Any) -> None:
        if getattr(dbapi_conn, "lexi_holds_gate", False):
            dbapi_conn.lexi_holds_gate = False
            self._lock.release()

    def connection_class(self) -> type[sqlite3.Connection]:
        gate = self

        class GatedConnection(sqlite3.Connection):
            lexi_holds_gate = False

            def commit(self) -> None:
                try:
                    super().commit()
                finally:
                    gate.release(self)

            def rollback(self) -> None:
                try:
                    super().rollback()
                finally:
                    gate.release(self)

            def close(self) -> None:
                try:
                    super().close()
                finally:
                    gate.release(self)

        return GatedConnection


def _configure_sqlite(engine: Engine, busy_timeout_ms: int, gate: WriterGate | None) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _: Any) -> None:
        # Let SQLAlchemy's "begin" event below issue BEGIN, not the sqlite3 module.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        memory = engine.url.database in (None, "", ":memory:")
        if not memory:
            cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        if conn.get_execution_options().get("lexi_write"):
            if gate is None:
                conn.exec_driver_sql("BEGIN IMMEDIATE")
                return
            dbapi_conn = conn.connection.dbapi_connection
            gate.acquire(dbapi_conn)
            try:
                conn.exec_driver_sql("BEGIN IMMEDIATE")
            except BaseException:
                gate.release(dbapi_conn)
                raise
        else:
            conn.exec_driver_sql("BEGIN")
