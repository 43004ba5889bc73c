from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Row, select, update

from lexi.kit.repository import Repository
from lexi.models import CreditEntry, Workspace


class CreditRepository(Repository[CreditEntry]):
    model = CreditEntry

    def stage(self, entry: CreditEntry) -> None:
        """Add without flushing: inserted with the unit of work's next flush (with its audit
        event), so a charge costs the conditional UPDATE and no round trip of its own."""
        self.session.add(entry)

    def try_debit(self, workspace_id: uuid.UUID, amount: int) -> int | None:
        """Atomically take ``amount`` if the balance covers it; the new balance, else None.

        A single conditional UPDATE: PostgreSQL row-locks it, SQLite serialises writers, so two
        concurrent charges can never both pass the check.
        """
        stmt = (
            update(Workspace)
            .where(Workspace.id == workspace_id, Workspace.credit_balance >= amount)
            .values(credit_balance=Workspace.credit_balance - amount)
            .returning(Workspace.credit_balance)
            .execution_options(synchronize_session=False)
        )
        return self.session.execute(stmt).scalar_one_or_none()

    def credit(self, workspace_id: uuid.UUID, amount: int) -> int:
        stmt = (
            update(Workspace)
            .where(Workspace.id == workspace_id)
            .values(credit_balance=Workspace.credit_balance + amount)
            .returning(Workspace.credit_balance)
            .execution_options(synchronize_session=False)
        )
        return self.session.execute(stmt).scalar_one()

    def balance(self, workspace_id: uuid.UUID) -> int:
        value = self.session.scalar(
            select(Workspace.credit_balance).where(Workspace.id == workspace_id)
        )
        return int(value or 0)

    def recent(self, workspace_id: uuid.UUID, limit: int) -> list[CreditEntry]:
        stmt = (
            select(CreditEntry)
            .where(CreditEntry.workspace_id == workspace_id)
            .order_by(CreditEntry.created_at.desc(), CreditEntry.balance_after)
            .limit(limit)
        )
        return list(self.session.scalars(stmt))

    def recent_rows(self, workspace_id: uuid.UUID, limit: int) -> list[Row[Any]]:
        """``recent`` as plain rows of the columns the API shows (no ORM objects)."""
        stmt = (
            select(
                CreditEntry.kind,
                CreditEntry.amount,
                CreditEntry.balance_after,
                CreditEntry.reason,
                CreditEntry.reference,
                CreditEntry.created_at,
            )
            .where(CreditEntry.workspace_id == workspace_id)
            .order_by(CreditEntry.created_at.desc(), CreditEntry.balance_after)
            .limit(limit)
        )
        return list(self.session.execute(stmt))

    def ledger_sum(self, workspace_id: uuid.UUID) -> int:
        from sqlalchemy import func

        value = self.session.scalar(
            select(func.coalesce(func.sum(CreditEntry.amount), 0)).where(
                CreditEntry.workspace_id == workspace_id
            )
        )
        return int(value or 0)

    def find_charge(self, workspace_id: uuid.UUID, reference: str) -> list[CreditEntry]:
        stmt = select(CreditEntry).where(
            CreditEntry.workspace_id == workspace_id, CreditEntry.reference == reference
        )
        return list(self.session.scalars(stmt))
