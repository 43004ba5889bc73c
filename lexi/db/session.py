"""Session factories and the unit of work.

Whoever opens a session owns its transaction: the request dependency or a worker loop commits
or rolls back. Services only ``flush()``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from lexi.db.engine import WRITE_OPTIONS


class Database:
    """An engine plus the two session factories built on it (read and write)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.is_sqlite = engine.dialect.name == "sqlite"
        self._read = sessionmaker(bind=engine, expire_on_commit=False)
        self._write = sessionmaker(
            bind=engine.execution_options(**WRITE_OPTIONS), expire_on_commit=False
        )

    def session(self, *, write: bool = True) -> Session:
        return (self._write if write else self._read)()

    @contextmanager
    def unit_of_work(self, *, write: bool = True) -> Iterator[Session]:
        session = self.session(write=write)
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def dispose(self) -> None:
        self.engine.dispose()


@contextmanager
def read_apart(session: Session) -> Iterator[Session]:
    """A short read-only session on ``session``'s database, apart from its transaction (on
    SQLite a plain deferred BEGIN, never the write lock); rolled back and closed on exit. For
    reading what a slow call needs before the caller's own transaction begins."""
    bind = session.get_bind().execution_options(lexi_write=False)
    reader = Session(bind=bind, expire_on_commit=False)
    try:
        yield reader
    finally:
        reader.rollback()
        reader.close()
