"""Campaign request and response shapes (contract: Campaigns)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

from lexi.kit.schemas import InputSchema

MAX_BATCH = 500
SendCondition = Literal["always", "if_no_reply", "if_no_open", "if_opened", "if_clicked"]
Tone = Literal["professional", "warm", "formal", "casual"]
HHMM = r"^([01]\d|2[0-3]):[0-5]\d$"


class StepIn(InputSchema):
    subject: str = Field(max_length=300)
    body: str = Field(max_length=50_000)
    delay_days: int = Field(0, ge=0, le=365)
    delay_hours: int = Field(0, ge=0, le=23)
    send_condition: SendCondition = "always"


class StepCreate(StepIn):
    index: int | None = Field(
        None, ge=0, description="Where to insert (0-based); appended when omitted."
    )


class StepUpdate(InputSchema):
    subject: str | None = Field(None, max_length=300)
    body: str | None = Field(None, max_length=50_000)
    delay_days: int | None = Field(None, ge=0, le=365)
    delay_hours: int | None = Field(None, ge=0, le=23)
    send_condition: SendCondition | None = None


class StepOut(BaseModel):
    id: uuid.UUID
    index: int
    subject: str
    body: str
    delay_days: int
    delay_hours: int
    send_condition: str


class _CampaignFields(InputSchema):
    description: str | None = Field(None, max_length=2000)
    list_id: uuid.UUID | None = None
    daily_send_limit: int = Field(50, ge=1, le=500)
    delay_between_emails: int = Field(60, ge=30, le=86_400, description="Seconds (min 30).")
    sending_timezone: str = Field("UTC", max_length=64, description="IANA time zone.")
    send_on_weekends: bool = False
    track_opens: bool = False
    track_clicks: bool = False
    show_unsubscribe: bool = True
    sending_window_start: str | None = Field(
        None, pattern=HHMM, description="(ext) Local HH:MM in the campaign time zone."
    )
    sending_window_end: str | None = Field(None, pattern=HHMM, description="(ext) Local HH:MM.")
    from_name: str | None = Field(None, max_length=200, description="(ext) Sender name.")
    from_email: str | None = Field(None, max_length=254, description="(ext) Sender address.")


class CampaignCreate(_CampaignFields):
    name: str = Field(min_length=1, max_length=200)
    steps: list[StepIn] | None = Field(None, max_length=20, description="(ext) Initial steps.")
    topic: str | None = Field(
        None,
        max_length=300,
        description="(ext) Draft a 3-step sequence on this topic when no steps are given.",
    )
    tone: Tone | None = Field(None, description="(ext) Tone of the drafted sequence.")


class CampaignUpdate(InputSchema):
    name: str | None = Field(None, min_length=1, max_length=200)
    description: str | None = Field(None, max_length=2000)
    list_id: uuid.UUID | None = None
    daily_send_limit: int | None = Field(None, ge=1, le=500)
    delay_between_emails: int | None = Field(None, ge=30, le=86_400)
    sending_timezone: str | None = Field(None, max_length=64)
    send_on_weekends: bool | None = None
    track_opens: bool | None = None
    track_clicks: bool | None = None
    show_unsubscribe: bool | None = None
    sending_window_start: str | None = Field(None, pattern=HHMM)
    sending_window_end: str | None = Field(None, pattern=HHMM)
    from_name: str | None = Field(None, max_length=200)
    from_email: str | None = Field(None, max_length=254)


class CampaignOut(BaseModel):
    id: uuid.UUID
    name: str
    description: str | None
    list_id: uuid.UUID | None
    status: str
    daily_send_limit: int
    delay_between_emails: int
    sending_timezone: str
    send_on_weekends: bool
    track_opens: bool
    track_clicks: bool
    show_unsubscribe: bool
    revision: int
    steps: list[StepOut]
    created_at: datetime
    sending_window_start: str | None = Field(None, description="(ext)")
    sending_window_end: str | None = Field(None, description="(ext)")
    from_name: str | None = Field(None, description="(ext)")
    from_email: str | None = Field(None, description="(ext)")
    topic: str | None = Field(None, description="(ext)")
    tone: str | None = Field(None, description="(ext)")
    sending_revision: int | None = Field(None, description="(ext) The revision approved to send.")
    updated_at: datetime


class WrittenByOut(BaseModel):
    writer: Literal["template", "model"] = Field(
        description="Who wrote the emails: the built-in writer or the configured model."
    )
    model: str | None = Field(None, description="The model asked (LEXI_MODEL), if any.")
    fallback: str | None = Field(
        None,
        description="Why the built-in writer's emails were used although a model is configured: "
        "data_policy, timeout, model_error, invalid_output, unknown_variable, too_long, "
        "spam_phrase, invented_fact, instruction_not_followed.",
    )
    problems: list[str] = Field(default_factory=list, description="What the checks found.")
    usage: dict[str, int] = Field(default_factory=dict, description="Model requests and tokens.")


class RevisionOut(BaseModel):
    number: int
    change: str
    parent: int | None
    steps: list[StepOut]
    created_at: datetime
    written_by: WrittenByOut | None = Field(
        None,
        description="(ext) Drafts and rewrites: which writer wrote the emails; null for edits by "
        "hand and restores. See docs/models.md.",
    )


class RewriteIn(InputSchema):
    instruction: str = Field(
        min_length=1,
        max_length=500,
        description="more casual | more formal | shorter | add a question at the end | "
        'mention our free trial | change the subject line to "..."',
    )
    step: int | None = Field(None, ge=0, description="Only this step (0-based); all when omitted.")


class EnrolIn(InputSchema):
    contact_ids: list[uuid.UUID] = Field(min_length=1, max_length=MAX_BATCH)
    source: str | None = Field(None, max_length=100)


class EnrolOut(BaseModel):
    added: int
    skipped: int
    contact_ids: list[uuid.UUID] = Field(description="The contacts newly enrolled.")
    skipped_reasons: dict[str, list[uuid.UUID]] = Field(
        default_factory=dict,
        description="(ext) Why each skipped contact was left out: already_enrolled, no_email, "
        "suppressed.",
    )


class EnrolmentOut(BaseModel):
    contact_id: uuid.UUID
    email: str | None
    full_name: str | None
    status: str
    current_step: int
    last_sent_at: datetime | None
    source: str | None


class StartOut(BaseModel):
    campaign_id: uuid.UUID
    status: str
    task_id: uuid.UUID | None


class PauseOut(BaseModel):
    campaign_id: uuid.UUID
    status: str


class StatsOut(BaseModel):
    sent_count: int
    opened_count: int
    clicked_count: int
    replied_count: int
    bounced_count: int
    unsubscribed_count: int
    open_rate: float
    click_rate: float
    reply_rate: float
    scheduled_count: int = Field(0, description="(ext) Sends waiting for their time.")
    skipped_count: int = Field(0, description="(ext) Sends skipped (condition, suppression).")
    failed_count: int = Field(0, description="(ext) Sends the mail server refused.")


class SuppressionIn(InputSchema):
    email: str = Field(min_length=3, max_length=254)
    reason: Literal["unsubscribed", "bounced", "do_not_contact", "manual"] = "manual"


class SuppressionOut(BaseModel):
    id: uuid.UUID
    email: str
    reason: str
    campaign_id: uuid.UUID | None
    created_at: datetime


class InboundOut(BaseModel):
    kind: Literal["reply", "bounce", "unmatched"]
    campaign_id: uuid.UUID | None = None
    contact_id: uuid.UUID | None = None
    email: str | None = None
