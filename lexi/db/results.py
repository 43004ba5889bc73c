"""Reading what a statement did."""

from __future__ import annotations

from typing import Any, cast

from sqlalchemy import CursorResult


def rowcount(result: object) -> int:
    """Rows an UPDATE or DELETE matched. ``Session.execute`` is typed as returning a plain
    ``Result``; for these statements it is a ``CursorResult``."""
    return int(cast(CursorResult[Any], result).rowcount or 0)
