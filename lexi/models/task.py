"""Approval tasks: actions Lexi proposed that run in the background once approved."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from lexi.db.base import Base, IdMixin, JSONType, TimestampMixin, UTCDateTime

STATUSES = ("pending", "approved", "running", "dismissed", "completed", "failed")


class Task(IdMixin, TimestampMixin, Base):
    __tablename__ = "tasks"
    __table_args__ = (
        Index("ix_tasks_workspace_status_created", "workspace_id", "status", "created_at"),
        Index("ix_tasks_status_lease", "status", "lease_expires_at"),
    )

    workspace_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("workspaces.id", ondelete="CASCADE"), nullable=False
    )
    conversation_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("conversations.id", ondelete="SET NULL")
    )
    # The key that proposed it: the task runs with that key's scopes, never more.
    api_key_id: Mapped[uuid.UUID | None] = mapped_column()
    scopes: Mapped[list[str]] = mapped_column(JSONType, nullable=False, default=list)
    # Who approved it ({kind, id, name}): what the task does when it runs is done on their behalf.
    approved_by: Mapped[dict[str, Any] | None] = mapped_column(JSONType)
    type: Mapped[str] = mapped_column(String(40), nullable=False)
    status: Mapped[str] = mapped_column(String(20), nullable=False, default="pending")
    description: Mapped[str] = mapped_column(Text, nullable=False, default="")
    meta: Mapped[dict[str, Any]] = mapped_column("metadata", JSONType, nullable=False, default=dict)
    result: Mapped[dict[str, Any] | None] = mapped_column(JSONType)
    error: Mapped[str | None] = mapped_column(Text)
    dismiss_reason: Mapped[str | None] = mapped_column(Text)
    attempts: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    claimed_by: Mapped[str | None] = mapped_column(String(100))
    lease_expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    approved_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
