"""The one clock. Tests freeze or move it with ``set_now``."""

from __future__ import annotations

from datetime import datetime, timezone

_frozen: datetime | None = None


def utc_now() -> datetime:
    return _frozen if _frozen is not None else datetime.now(timezone.utc)


def set_now(value: datetime | None) -> None:
    global _frozen
    _frozen = value
