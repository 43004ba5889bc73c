"""Run the Alembic migrations shipped inside the package (no alembic.ini needed)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from alembic import command
from alembic.config import Config


def alembic_config(url: str) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", "lexi:migrations")
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    cfg.set_main_option(
        "file_template", "%%(year)d-%%(month).2d-%%(day).2d-%%(hour).2d%%(minute).2d_%%(slug)s"
    )
    return cfg


def upgrade(url: str, revision: str = "head") -> None:
    from lexi.paths import ensure_parent

    ensure_parent(url)  # a SQLite file in a data directory that does not exist yet
    command.upgrade(alembic_config(url), revision)


def downgrade(url: str, revision: str) -> None:
    command.downgrade(alembic_config(url), revision)


def current(url: str) -> str | None:
    from alembic.runtime.migration import MigrationContext
    from sqlalchemy import create_engine

    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()
    finally:
        engine.dispose()


# Objects a migration creates with raw SQL because the models cannot describe them: SQLite virtual
# tables (full-text search) with their shadow tables, and expression indexes. Autogenerate and the
# drift test must not read them as tables or indexes to drop.
_FTS_SHADOWS = ("_data", "_idx", "_content", "_docsize", "_config")


def _virtual_tables(connection: Any) -> set[str]:
    if connection.dialect.name != "sqlite":
        return set()
    rows = connection.exec_driver_sql(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'"
    )
    names = {r[0] for r in rows}
    return names | {n + s for n in names for s in _FTS_SHADOWS}


# PostgreSQL generated columns a migration adds with raw SQL (the stored full-text vector of a
# company), and the indexes on them.
_RAW_COLUMNS = {"text_tsv"}


def _on_raw_column(index: Any) -> bool:
    return any(getattr(c, "name", None) in _RAW_COLUMNS for c in getattr(index, "columns", ()))


def _is_expression_index(index: Any) -> bool:
    from sqlalchemy import Column

    return any(not isinstance(e, Column) for e in getattr(index, "expressions", ()))


def include_object_for(connection: Any) -> Callable[..., bool]:
    """An Alembic ``include_object`` hook that skips objects only raw SQL can describe."""
    # Looked up on first use: querying here would open a transaction before Alembic's own, and
    # Alembic would then never commit the migration.
    virtual: list[set[str]] = []

    def include_object(
        obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any
    ) -> bool:
        if not reflected or compare_to is not None:
            return True
        if type_ == "table":
            if not virtual:
                virtual.append(_virtual_tables(connection))
            return name not in virtual[0]
        if type_ == "column":
            return name not in _RAW_COLUMNS
        return not (type_ == "index" and (_is_expression_index(obj) or _on_raw_column(obj)))

    return include_object
