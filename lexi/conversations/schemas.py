"""Conversation request and response shapes."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from pydantic import BaseModel, Field

from lexi.kit.schemas import InputSchema


class ConversationOut(BaseModel):
    id: uuid.UUID
    title: str
    message_count: int
    last_message_at: datetime | None
    archived: bool
    created_at: datetime


class MessageOut(BaseModel):
    id: uuid.UUID
    role: str = Field(description="user | assistant | tool")
    content: str
    tool_calls: list[dict[str, Any]] | None = None
    tool_name: str | None = None
    tool_output: dict[str, Any] | None = None
    created_at: datetime


class ConversationDetail(ConversationOut):
    messages: list[MessageOut]


class ConversationUpdate(InputSchema):
    title: str | None = Field(None, min_length=1, max_length=200)
    archived: bool | None = None
