"""Engines: SQLite gets WAL, foreign keys, a busy timeout and explicit BEGIN; PostgreSQL a pool."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, create_engine, event
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
        if make_url(url).database in (None, "", ":memory:"):
            # An in-memory database lives in its connection: every thread must share that one.
            pooling = {"poolclass": StaticPool}
        engine = create_engine(
            url,
            connect_args={"check_same_thread": False, "timeout": busy_timeout_ms / 1000},
            **pooling,
        )
        _configure_sqlite(engine, busy_timeout_ms)
        return engine
    return create_engine(url, pool_pre_ping=True, **pooling)


def _configure_sqlite(engine: Engine, busy_timeout_ms: int) -> None:
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
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            conn.exec_driver_sql("BEGIN")
