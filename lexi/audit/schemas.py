"""Audit event response shape (contract: Conventions, Audit)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, Field

from lexi.models import AuditEvent


class ActorOut(BaseModel):
    kind: Literal["api_key", "user", "cli"]
    id: str | None = Field(description="The API key's or user's id; null for the operator CLI.")
    name: str = Field(description="The key's name, the user's email or the operator's name.")


class TargetOut(BaseModel):
    type: str
    id: str | None


class AuditEventOut(BaseModel):
    id: uuid.UUID
    type: str = Field(description="e.g. api_key.created, task.approved, credits.charged")
    actor: ActorOut
    target: TargetOut
    details: dict[str, Any]
    created_at: datetime

    @classmethod
    def of(cls, event: AuditEvent) -> AuditEventOut:
        return cls(
            id=event.id,
            type=event.type,
            actor=ActorOut(
                kind=event.actor_kind,  # type: ignore[arg-type]
                id=event.actor_id,
                name=event.actor_name,
            ),
            target=TargetOut(type=event.target_type, id=event.target_id),
            details=event.details or {},
            created_at=event.created_at,
        )
