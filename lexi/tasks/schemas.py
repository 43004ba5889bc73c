"""Task response shapes (contract: Approval tasks)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from pydantic import BaseModel, Field

from lexi.kit.schemas import InputSchema


class TaskOut(BaseModel):
    id: uuid.UUID
    type: str = Field(
        description="prospect_search | campaign_start | contact_update | list_operation"
    )
    status: str = Field(description="pending | approved | running | dismissed | completed | failed")
    description: str
    created_at: datetime
    metadata: dict[str, Any]
    result: dict[str, Any] | None = None
    error: str | None = None
    completed_at: datetime | None = None


class TaskList(BaseModel):
    tasks: list[TaskOut]


class TaskApproved(BaseModel):
    task_id: uuid.UUID
    status: str
    execution_started: bool


class TaskDismissed(BaseModel):
    task_id: uuid.UUID
    status: str


class DismissBody(InputSchema):
    reason: str | None = Field(None, max_length=2000)
