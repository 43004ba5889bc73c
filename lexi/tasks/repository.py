from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import or_, select, update

from lexi.db.results import rowcount
from lexi.kit.repository import Repository
from lexi.models import ApiKey, Membership, Task


class TaskRepository(Repository[Task]):
    model = Task

    def list_for(self, workspace_id: uuid.UUID, status: str, limit: int) -> list[Task]:
        stmt = (
            select(Task)
            .where(Task.workspace_id == workspace_id, Task.status == status)
            .order_by(Task.created_at.desc(), Task.id)
            .limit(limit)
        )
        return list(self.session.scalars(stmt))

    def for_conversation(
        self,
        workspace_id: uuid.UUID,
        conversation_id: uuid.UUID,
        statuses: list[str],
        limit: int,
        *,
        exclude: list[uuid.UUID] | None = None,
    ) -> list[Task]:
        """A conversation's tasks in these statuses, oldest first (minus ``exclude``)."""
        stmt = (
            select(Task)
            .where(
                Task.workspace_id == workspace_id,
                Task.conversation_id == conversation_id,
                Task.status.in_(statuses),
            )
            .order_by(Task.created_at, Task.id)
            .limit(limit)
        )
        if exclude:
            stmt = stmt.where(Task.id.not_in(exclude))
        return list(self.session.scalars(stmt))

    def proposer_state(
        self, workspace_id: uuid.UUID, proposer_id: uuid.UUID, now: datetime
    ) -> str | None:
        """None while the proposing key is live (or the proposing user still a member), else
        revoked | expired | not_member."""
        key = self.session.execute(
            select(ApiKey.revoked_at, ApiKey.expires_at).where(
                ApiKey.id == proposer_id, ApiKey.workspace_id == workspace_id
            )
        ).first()
        if key is not None:
            if key.revoked_at is not None:
                return "revoked"
            if key.expires_at is not None and key.expires_at <= now:
                return "expired"
            return None
        member = self.session.scalar(
            select(Membership.id).where(
                Membership.workspace_id == workspace_id, Membership.user_id == proposer_id
            )
        )
        return None if member is not None else "not_member"

    def transition(
        self, task_id: uuid.UUID, workspace_id: uuid.UUID, src: str, dst: str, **values: Any
    ) -> bool:
        """Move one task from ``src`` to ``dst``; False when it was not in ``src`` (someone won)."""
        stmt = (
            update(Task)
            .where(Task.id == task_id, Task.workspace_id == workspace_id, Task.status == src)
            .values(status=dst, **values)
            .execution_options(synchronize_session=False)
        )
        return rowcount(self.session.execute(stmt)) == 1

    def claimable_ids(self, now: datetime, limit: int, *, skip_locked: bool) -> list[uuid.UUID]:
        """Approved tasks, and running ones whose worker stopped renewing its lease."""
        stmt = (
            select(Task.id)
            .where(
                or_(
                    Task.status == "approved",
                    (Task.status == "running") & (Task.lease_expires_at < now),
                )
            )
            .order_by(Task.approved_at, Task.id)
            .limit(limit)
        )
        if skip_locked:
            stmt = stmt.with_for_update(skip_locked=True)
        return list(self.session.scalars(stmt))

    def claim(self, task_id: uuid.UUID, worker: str, now: datetime, lease_until: datetime) -> bool:
        """The one conditional UPDATE that makes a claim exclusive."""
        stmt = (
            update(Task)
            .where(
                Task.id == task_id,
                or_(
                    Task.status == "approved",
                    (Task.status == "running") & (Task.lease_expires_at < now),
                ),
            )
            .values(
                status="running",
                claimed_by=worker,
                lease_expires_at=lease_until,
                attempts=Task.attempts + 1,
            )
            .execution_options(synchronize_session=False)
        )
        return rowcount(self.session.execute(stmt)) == 1

    def renew(self, task_id: uuid.UUID, worker: str, lease_until: datetime) -> bool:
        stmt = (
            update(Task)
            .where(Task.id == task_id, Task.status == "running", Task.claimed_by == worker)
            .values(lease_expires_at=lease_until)
            .execution_options(synchronize_session=False)
        )
        return rowcount(self.session.execute(stmt)) == 1

    def finish(self, task_id: uuid.UUID, worker: str, status: str, **values: Any) -> bool:
        """End a running task, only if this worker still holds it."""
        stmt = (
            update(Task)
            .where(Task.id == task_id, Task.status == "running", Task.claimed_by == worker)
            .values(status=status, lease_expires_at=None, **values)
            .execution_options(synchronize_session=False)
        )
        return rowcount(self.session.execute(stmt)) == 1
