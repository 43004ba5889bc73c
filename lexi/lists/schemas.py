"""List request and response shapes."""

from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import BaseModel, Field

from lexi.kit.schemas import InputSchema

MAX_BATCH = 500


class ListCreate(InputSchema):
    name: str = Field(
        min_length=1, max_length=200, description="Unique in the workspace (case-insensitive)."
    )
    description: str | None = Field(None, max_length=2000)


class ListUpdate(InputSchema):
    name: str | None = Field(None, min_length=1, max_length=200)
    description: str | None = Field(None, max_length=2000)


class ListOut(BaseModel):
    id: uuid.UUID
    name: str
    description: str | None
    contact_count: int
    created_at: datetime
    updated_at: datetime


class MembersAdd(InputSchema):
    contact_ids: list[uuid.UUID] = Field(min_length=1, max_length=MAX_BATCH)


class MembersAdded(BaseModel):
    added: int = Field(description="Contacts newly added; ones already in the list do not count.")
    list_id: uuid.UUID
    contact_count: int
