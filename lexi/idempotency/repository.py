from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select

from lexi.db.results import rowcount
from lexi.kit.repository import Repository
from lexi.models import IdempotencyRecord


class IdempotencyRepository(Repository[IdempotencyRecord]):
    model = IdempotencyRecord

    def find(self, scope: str, key: str) -> IdempotencyRecord | None:
        stmt = select(IdempotencyRecord).where(
            IdempotencyRecord.scope == scope, IdempotencyRecord.key == key
        )
        return self.session.scalars(stmt).first()

    def remove(self, scope: str, key: str) -> None:
        self.session.execute(
            delete(IdempotencyRecord).where(
                IdempotencyRecord.scope == scope, IdempotencyRecord.key == key
            )
        )

    def purge_before(self, cutoff: datetime) -> int:
        result = self.session.execute(
            delete(IdempotencyRecord).where(IdempotencyRecord.created_at < cutoff)
        )
        return rowcount(result)
