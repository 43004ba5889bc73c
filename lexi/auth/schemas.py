from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal

from pydantic import AliasChoices, Field

from lexi.kit.schemas import InputSchema, Schema

Tier = Literal["standard", "high", "unmetered", "starter", "pro", "organization"]


class ApiKeyCreate(InputSchema):
    name: str = Field(min_length=1, max_length=120)
    permissions: list[str] = Field(
        min_length=1,
        max_length=50,
        description="Scopes, e.g. contacts:read. Aliases: read, write; read:contacts word order.",
    )
    description: str | None = Field(None, max_length=1000)
    rate_limit_tier: Tier = "standard"
    expires_at: datetime | None = None


class ApiKeyOut(Schema):
    id: uuid.UUID
    name: str
    description: str | None
    prefix: str
    permissions: list[str] = Field(validation_alias=AliasChoices("scopes", "permissions"))
    rate_limit_tier: str
    expires_at: datetime | None
    revoked_at: datetime | None
    last_used_at: datetime | None
    created_at: datetime


class ApiKeyCreated(ApiKeyOut):
    key: str = Field(description="The plaintext key. Shown only in this response.")
