"""Campaigns: email sequences, their immutable revisions, enrolments, sends, suppressions, events.

A campaign's current steps live in ``campaign_steps`` (stable ids, editable); every change to them
also writes a ``campaign_revisions`` row holding a snapshot of all steps, so earlier versions stay
readable and restorable. Sending always uses the revision that was approved.

``campaign_sends`` holds one row per contact and step; its state machine is what makes sending
exactly once (see ``lexi.campaigns.sending``).
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from lexi.db.base import Base, IdMixin, JSONType, TimestampMixin, UTCDateTime
from lexi.kit.clock import utc_now

CAMPAIGN_STATUSES = ("draft", "pending_approval", "active", "paused", "completed")
SEND_CONDITIONS = ("always", "if_no_reply", "if_no_open", "if_opened", "if_clicked")
ENROLMENT_STATUSES = (
    "pending",
    "active",
    "paused",
    "completed",
    "bounced",
    "unsubscribed",
    "replied",
)
# scheduled -> sending -> sent | failed ; scheduled -> skipped | cancelled
SEND_STATES = ("scheduled", "sending", "sent", "skipped", "cancelled", "failed")
SUPPRESSION_REASONS = ("unsubscribed", "bounced", "do_not_contact", "manual")
EVENT_TYPES = ("open", "click", "reply", "bounce", "unsubscribe")


class Campaign(IdMixin, TimestampMixin, Base):
    __tablename__ = "campaigns"
    __table_args__ = (
        Index("ix_campaigns_workspace_created", "workspace_id", "created_at"),
        Index("ix_campaigns_status", "status"),
    )

    workspace_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("workspaces.id", ondelete="CASCADE"), nullable=False
    )
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    description: Mapped[str | None] = mapped_column(Text)
    list_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("contact_lists.id", ondelete="SET NULL")
    )
    status: Mapped[str] = mapped_column(String(20), nullable=False, default="draft")
    daily_send_limit: Mapped[int] = mapped_column(Integer, nullable=False, default=50)
    delay_between_emails: Mapped[int] = mapped_column(Integer, nullable=False, default=60)
    sending_timezone: Mapped[str] = mapped_column(String(64), nullable=False, default="UTC")
    sending_window_start: Mapped[str | None] = mapped_column(String(5))
    sending_window_end: Mapped[str | None] = mapped_column(String(5))
    send_on_weekends: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    track_opens: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    track_clicks: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    show_unsubscribe: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    from_name: Mapped[str | None] = mapped_column(String(200))
    from_email: Mapped[str | None] = mapped_column(String(254))
    topic: Mapped[str | None] = mapped_column(String(300))
    tone: Mapped[str | None] = mapped_column(String(20))
    # The current revision number of the steps, and the one approved for sending.
    revision: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    sending_revision: Mapped[int | None] = mapped_column(Integer)
    start_task_id: Mapped[uuid.UUID | None] = mapped_column()
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # Throttle state, changed only by conditional updates when a send is claimed.
    next_send_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    day_key: Mapped[str | None] = mapped_column(String(10))
    day_count: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    # Signs this campaign's unsubscribe and tracking links (HMAC-SHA256); never leaves the server.
    signing_key: Mapped[str] = mapped_column(String(64), nullable=False)


class CampaignStep(IdMixin, TimestampMixin, Base):
    __tablename__ = "campaign_steps"
    __table_args__ = (Index("ix_campaign_steps_campaign_position", "campaign_id", "position"),)

    campaign_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("campaigns.id", ondelete="CASCADE"), nullable=False
    )
    position: Mapped[int] = mapped_column(Integer, nullable=False)
    subject: Mapped[str] = mapped_column(String(300), nullable=False)
    body: Mapped[str] = mapped_column(Text, nullable=False)
    delay_days: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    delay_hours: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    send_condition: Mapped[str] = mapped_column(String(20), nullable=False, default="always")


class CampaignRevision(IdMixin, Base):
    """An immutable snapshot of a campaign's steps; never updated once written."""

    __tablename__ = "campaign_revisions"
    __table_args__ = (
        Index("uq_campaign_revisions_campaign_number", "campaign_id", "number", unique=True),
    )

    campaign_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("campaigns.id", ondelete="CASCADE"), nullable=False
    )
    number: Mapped[int] = mapped_column(Integer, nullable=False)
    steps: Mapped[list[dict[str, Any]]] = mapped_column(JSONType, nullable=False)
    change: Mapped[str] = mapped_column(String(200), nullable=False)
    # The revision this one was derived from ("undo" goes back to it).
    parent: Mapped[int | None] = mapped_column(Integer)
    # Drafts and rewrites: which writer wrote the emails (template | model), the model, why a
    # model's emails were not used, tokens. None for edits made by hand and restores.
    written_by: Mapped[dict[str, Any] | None] = mapped_column(JSONType)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utc_now, nullable=False)


class CampaignEnrolment(IdMixin, TimestampMixin, Base):
    __tablename__ = "campaign_enrolments"
    __table_args__ = (
        Index("uq_campaign_enrolments_campaign_contact", "campaign_id", "contact_id", unique=True),
        Index("ix_campaign_enrolments_contact", "contact_id"),
    )

    workspace_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("workspaces.id", ondelete="CASCADE"), nullable=False
    )
    campaign_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("campaigns.id", ondelete="CASCADE"), nullable=False
    )
    contact_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), nullable=False
    )
    status: Mapped[str] = mapped_column(String(20), nullable=False, default="pending")
    source: Mapped[str | None] = mapped_column(String(100))
    current_step: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    last_sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    skip_reason: Mapped[str | None] = mapped_column(String(40))


class CampaignSend(IdMixin, TimestampMixin, Base):
    """One contact x one step. Unique, so a step can never be scheduled twice for a person."""

    __tablename__ = "campaign_sends"
    __table_args__ = (
        Index("uq_campaign_sends_enrolment_step", "enrolment_id", "step_index", unique=True),
        Index("ix_campaign_sends_state_due", "state", "due_at"),
        Index("ix_campaign_sends_campaign_state", "campaign_id", "state"),
        Index("uq_campaign_sends_message_id", "message_id", unique=True),
    )

    workspace_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("workspaces.id", ondelete="CASCADE"), nullable=False
    )
    campaign_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("campaigns.id", ondelete="CASCADE"), nullable=False
    )
    enrolment_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("campaign_enrolments.id", ondelete="CASCADE"), nullable=False
    )
    contact_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), nullable=False
    )
    step_index: Mapped[int] = mapped_column(Integer, nullable=False)
    revision: Mapped[int] = mapped_column(Integer, nullable=False)
    state: Mapped[str] = mapped_column(String(20), nullable=False, default="scheduled")
    due_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False)
    # Fixed when the send is claimed, so a retry after a crash reuses the same Message-ID.
    message_id: Mapped[str | None] = mapped_column(String(300))
    to_email: Mapped[str | None] = mapped_column(String(254))
    claimed_by: Mapped[str | None] = mapped_column(String(100))
    lease_expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # The fencing token: one more with every claim. Renewing, recording and handing a send back
    # all require the claimer's generation, so a sender whose lease ran out and was taken over
    # can no longer change the row.
    lease_generation: Mapped[int] = mapped_column(
        Integer, nullable=False, default=0, server_default=text("0")
    )
    attempts: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    opened_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    clicked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    outcome: Mapped[str | None] = mapped_column(String(200))


class Suppression(IdMixin, Base):
    """Addresses the workspace never emails again, whatever the campaign."""

    __tablename__ = "email_suppressions"
    __table_args__ = (
        Index("uq_email_suppressions_workspace_email", "workspace_id", "email", unique=True),
    )

    workspace_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("workspaces.id", ondelete="CASCADE"), nullable=False
    )
    email: Mapped[str] = mapped_column(String(254), nullable=False)
    reason: Mapped[str] = mapped_column(String(20), nullable=False)
    campaign_id: Mapped[uuid.UUID | None] = mapped_column()
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utc_now, nullable=False)


class CampaignEvent(IdMixin, Base):
    __tablename__ = "campaign_events"
    __table_args__ = (Index("ix_campaign_events_campaign_type", "campaign_id", "type"),)

    workspace_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("workspaces.id", ondelete="CASCADE"), nullable=False
    )
    campaign_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("campaigns.id", ondelete="CASCADE"), nullable=False
    )
    send_id: Mapped[uuid.UUID | None] = mapped_column()
    contact_id: Mapped[uuid.UUID | None] = mapped_column()
    type: Mapped[str] = mapped_column(String(20), nullable=False)
    details: Mapped[dict[str, Any]] = mapped_column(JSONType, nullable=False, default=dict)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utc_now, nullable=False)
