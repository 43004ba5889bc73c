from __future__ import annotations

from typing import Any

from alembic import context
from sqlalchemy import Connection

import lexi.models  # noqa: F401  (registers every table)
from lexi.db.base import Base
from lexi.db.engine import make_engine
from lexi.db.migrate import include_object_for

config = context.config
target_metadata = Base.metadata


def run_migrations_offline() -> None:
    context.configure(
        url=config.get_main_option("sqlalchemy.url"),
        target_metadata=target_metadata,
        literal_binds=True,
        render_as_batch=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    url = config.get_main_option("sqlalchemy.url")
    if not url:
        raise RuntimeError("No database URL: set sqlalchemy.url or pass a connection")
    engine = make_engine(url, null_pool=True)
    with engine.connect() as conn:
        _run(conn)
    engine.dispose()


def _include_name(name: str | None, type_: str, parent_names: Any) -> bool:
    # Full-text tables (SQLite FTS5 and its shadow tables) are created by hand in migrations.
    return not (type_ == "table" and name is not None and "_fts" in name)


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        include_name=_include_name,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        include_object=include_object_for(connection),
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
