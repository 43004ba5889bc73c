"""Chat request and response shapes (contract: POST /v1/lexi/chat)."""

from __future__ import annotations

import uuid
from typing import Any, Literal

from pydantic import BaseModel, Field, StrictBool, StrictInt, StrictStr

from lexi.campaigns.schemas import WrittenByOut
from lexi.kit.schemas import InputSchema

MAX_MESSAGE = 12_000


class ChatContext(InputSchema):
    list_id: uuid.UUID | None = Field(
        None, description="The list the chat is about (default list)."
    )
    campaign_id: uuid.UUID | None = Field(None, description="The campaign the chat is about.")
    conversation_id: uuid.UUID | None = Field(None, description="Continue this conversation.")


class ChatRequest(InputSchema):
    message: StrictStr = Field(min_length=1, max_length=MAX_MESSAGE)
    context: ChatContext | None = None
    conversation_id: uuid.UUID | None = Field(
        None, description="Same as context.conversation_id (either may be used)."
    )
    allow_tools: StrictBool = Field(True, description="False: answer without running any tool.")


class ChatOut(BaseModel):
    response: str
    task_id: uuid.UUID | None
    requires_approval: bool
    conversation_id: uuid.UUID
    message_id: uuid.UUID
    credits_used: int
    credits_remaining: int
    actions: list[dict[str, Any]]


class LexiSettings(BaseModel):
    approval_mode: str = Field(
        description="threshold (default): searches above the limit wait for approval; "
        "always: every costly action waits; never: nothing waits."
    )
    auto_approve_max_prospects: int = Field(
        description="Largest prospect selection that runs without approval in threshold mode."
    )


class LexiSettingsUpdate(InputSchema):
    approval_mode: StrictStr | None = None
    auto_approve_max_prospects: StrictInt | None = None


class ModelSettingsOut(BaseModel):
    model: str | None = Field(
        description="The language model the server is configured with (LEXI_MODEL), or null: "
        "the built-in rules only."
    )
    data: str = Field(
        description="What this workspace lets Lexi send to the model: none (nothing; the rules "
        "answer), message (the message and the conversation's filters and list names), "
        "message_and_contacts (also the people shown by the last search)."
    )
    timeout_seconds: float = Field(description="How long a turn waits for the model.")


class ModelSettingsUpdate(InputSchema):
    data: StrictStr = Field(description="none | message | message_and_contacts")


class PersonalizeRequest(InputSchema):
    contact_id: uuid.UUID = Field(description="The contact the email is for.")
    intent: StrictStr = Field(
        min_length=1, max_length=500, description='What the email is about ("legal automation").'
    )
    template: StrictStr | None = Field(
        None,
        max_length=20_000,
        description="A body of your own with merge variables ({{first_name|there}}); the subject "
        "is still written for the intent.",
    )
    tone: Literal["professional", "warm", "formal", "casual"] = "professional"
    length: Literal["short", "medium", "long"] = "medium"
    language: StrictStr | None = Field(None, max_length=20, description="en (the only one yet).")


class PersonalizeOut(BaseModel):
    subject: str
    body_text: str
    body_html: str
    personalization_notes: list[str] = Field(
        description="What was personalised and from which of the contact's fields."
    )
    reading_time_seconds: int
    credits_remaining: int
    written_by: WrittenByOut | None = Field(
        None,
        description="Who wrote the email: the built-in writer or the configured model (with why "
        "a model's email was not used). See docs/models.md.",
    )
