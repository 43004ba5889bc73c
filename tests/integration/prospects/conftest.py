"""Prospect test helpers. The session-wide `universe` fixture lives in tests/conftest.py."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from lexi.db.session import Database


@pytest.fixture
def sql(universe: Database):  # type: ignore[no-untyped-def]
    """Run a hand-written SQL query against the universe (the reference the search must agree with)."""

    def run(query: str, **params):  # type: ignore[no-untyped-def]
        with universe.engine.connect() as conn:
            return conn.execute(text(query), params).all()

    return run
