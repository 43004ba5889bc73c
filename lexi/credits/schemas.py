from __future__ import annotations

from datetime import datetime

from lexi.kit.schemas import Schema


class LedgerEntry(Schema):
    kind: str
    amount: int
    balance_after: int
    reason: str
    reference: str | None
    created_at: datetime


class CreditsOut(Schema):
    balance: int
    entries: list[LedgerEntry]
