"""A small generic repository: the shared shape of every feature's queries."""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Sequence
from typing import Any, Generic, TypeVar

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from lexi.kit.pagination import PageParams

M = TypeVar("M")
T = TypeVar("T")

# Values per IN list and rows per multi-row INSERT: well under SQLite's bound-parameter limit and
# small enough for PostgreSQL to plan quickly.
CHUNK = 500


def chunks(items: Sequence[T], size: int = CHUNK) -> Iterator[Sequence[T]]:
    """``items`` in consecutive slices of at most ``size``."""
    for start in range(0, len(items), size):
        yield items[start : start + size]


class Repository(Generic[M]):
    model: type[M]

    def __init__(self, session: Session) -> None:
        self.session = session

    def scalars_in(self, stmt: Select[Any], column: Any, values: Sequence[Any]) -> Iterator[Any]:
        """The scalars of ``stmt`` restricted to ``column IN values``, asked in chunks so that a
        long list of values never exceeds the engine's bound-parameter limit."""
        for chunk in chunks(values):
            yield from self.session.scalars(stmt.where(column.in_(chunk)))

    def get(self, id: uuid.UUID) -> M | None:
        return self.session.get(self.model, id)

    def get_in_workspace(self, workspace_id: uuid.UUID, id: uuid.UUID) -> M | None:
        """The row if it belongs to the workspace. By primary key, so a row already loaded in this
        unit of work (a list resolved earlier in a chat turn) is not queried again."""
        obj = self.session.get(self.model, id)
        if obj is None or obj.workspace_id != workspace_id:  # type: ignore[attr-defined]
            return None
        return obj

    def add(self, obj: M) -> M:
        self.session.add(obj)
        self.session.flush()
        return obj

    def paginate(self, stmt: Select[Any], params: PageParams) -> tuple[list[Any], int]:
        total = self.session.scalar(
            select(func.count()).select_from(stmt.order_by(None).subquery())
        )
        rows = list(self.session.scalars(stmt.limit(params.per_page).offset(params.offset)))
        return rows, int(total or 0)
