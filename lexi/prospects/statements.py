"""Search statements built and compiled once per shape, run with each search's values.

A search's statements differ from one search to the next in their values far more often than
in their form: "CEOs at companies of 10,000,000+ people" and "CTOs at companies of 500+" are one
statement with other parameters. Building a SQLAlchemy statement, its cache key and its
parameters costs more than SQLite takes to run a selective one, so the repository keeps each
statement under a key naming its shape (``ProspectRepository.branches`` says which queries have
one) and binds the values by name when it runs. On SQLite the compiled text runs on the
driver's cursor of the session's connection; elsewhere the kept statement runs through the
session (SQLAlchemy then finds its compiled form in its own cache).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Dialect, Select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

# Shapes kept per process: each differs in the filters named and in the number of values of
# each (a title searched matches a fixed list of title ids, so a search repeats its shape).
MAX_SHAPES = 2048


class Shaped(list[ColumnElement[bool]]):
    """One branch of conditions (see ``ProspectRepository.branches``) whose values are
    parameters named after their place in the query: the same conditions, built once, serve
    every query of the shape ``key``; ``params`` are this query's values."""

    def __init__(
        self, conditions: Sequence[ColumnElement[bool]], key: Hashable, params: dict[str, Any]
    ) -> None:
        super().__init__(conditions)
        self.key = key
        self.params = params


_MISSING = object()


@dataclass(frozen=True)
class Compiled:
    """A statement's SQL for one dialect with positional parameters (SQLite's ``?``), and for
    each parameter in order its fixed value (a literal of the statement) or ``_MISSING`` (a
    value named when it runs), with the type's conversion for the driver."""

    sql: str
    slots: tuple[tuple[str, Any, Callable[[Any], Any] | None], ...]

    def values(self, params: dict[str, Any]) -> list[Any]:
        out = []
        for name, fixed, convert in self.slots:
            value = params[name] if fixed is _MISSING else fixed
            out.append(convert(value) if convert is not None and value is not None else value)
        return out


def compile_positional(stmt: Select[Any], dialect: Dialect) -> Compiled:
    """``stmt`` compiled for a dialect with positional parameters; it must hold no list to
    expand when it runs (``IN`` lists are one parameter per value here)."""
    compiled = stmt.compile(dialect=dialect)
    names = compiled.positiontup
    if names is None or "POSTCOMPILE" in compiled.string:
        raise ValueError("a statement kept by shape needs positional parameters of fixed number")
    slots = []
    for name in names:
        bind = compiled.binds[name]
        fixed = _MISSING if bind.required else bind.effective_value
        slots.append((name, fixed, bind.type.dialect_impl(dialect).bind_processor(dialect)))
    return Compiled(compiled.string, tuple(slots))


class StatementCache:
    """Statements kept under the key of their shape, with (SQLite) their compiled text."""

    def __init__(self) -> None:
        self._statements: dict[Hashable, Select[Any]] = {}
        self._compiled: dict[tuple[Hashable, str], Compiled] = {}

    def statement(self, key: Hashable, build: Callable[[], Select[Any]]) -> Select[Any]:
        stmt = self._statements.get(key)
        if stmt is None:
            stmt = keep(self._statements, key, build())
        return stmt

    def compiled(
        self, key: Hashable, build: Callable[[], Select[Any]], dialect: Dialect
    ) -> Compiled:
        found = self._compiled.get((key, dialect.name))
        if found is None:
            found = compile_positional(self.statement(key, build), dialect)
            keep(self._compiled, (key, dialect.name), found)
        return found

    def run(
        self,
        session: Session,
        key: Hashable,
        build: Callable[[], Select[Any]],
        params: dict[str, Any],
    ) -> tuple[list[str], list[Any]]:
        """The column names and rows of the statement of ``key`` (built by ``build`` the first
        time) run with ``params`` in the session's transaction."""
        dialect = session.get_bind().dialect
        if session.autoflush:
            session.flush()  # as session.execute would: the statement sees pending changes
        if dialect.name != "sqlite":
            result = session.execute(self.statement(key, build), params)
            return list(result.keys()), list(result.all())
        compiled = self.compiled(key, build, dialect)
        values = compiled.values(params)
        cursor = session.connection().connection.driver_connection.cursor()  # type: ignore[union-attr]
        try:
            cursor.execute(compiled.sql, values)
            rows = cursor.fetchall()
            return [d[0] for d in cursor.description], rows
        except dialect.loaded_dbapi.Error as e:
            # The error SQLAlchemy would raise (a locked database is an OperationalError).
            error = dialect.loaded_dbapi.Error
            raise DBAPIError.instance(compiled.sql, values, e, error) from e
        finally:
            cursor.close()


_KEEPING = threading.Lock()


def keep(cache: dict[Any, Any], key: Any, value: Any) -> Any:
    """Keep ``value`` under ``key`` in ``cache``, the oldest entry leaving a full one."""
    with _KEEPING:
        if len(cache) >= MAX_SHAPES:
            del cache[next(iter(cache))]
        cache[key] = value
    return value


STATEMENTS = StatementCache()
