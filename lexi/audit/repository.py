from __future__ import annotations

import uuid

from sqlalchemy import Select, select

from lexi.kit.repository import Repository
from lexi.models import AuditEvent


class AuditRepository(Repository[AuditEvent]):
    model = AuditEvent

    def stage(self, event: AuditEvent) -> None:
        """Add without flushing: the insert goes out with the unit of work's next flush."""
        self.session.add(event)

    def list_stmt(
        self,
        workspace_id: uuid.UUID,
        *,
        type: str | None,
        actor_kind: str | None,
        actor_id: str | None,
    ) -> Select[AuditEvent]:
        stmt = select(AuditEvent).where(AuditEvent.workspace_id == workspace_id)
        if type:
            if type.endswith("."):
                escaped = type.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                stmt = stmt.where(AuditEvent.type.like(f"{escaped}%", escape="\\"))
            else:
                stmt = stmt.where(AuditEvent.type == type)
        if actor_kind:
            stmt = stmt.where(AuditEvent.actor_kind == actor_kind)
        if actor_id:
            stmt = stmt.where(AuditEvent.actor_id == actor_id)
        return stmt.order_by(AuditEvent.created_at.desc(), AuditEvent.id.desc())
