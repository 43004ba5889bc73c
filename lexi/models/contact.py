"""The workspace's own people (contacts) and the named lists that group them."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from lexi.db.base import Base, IdMixin, JSONType, TimestampMixin
from lexi.kit.clock import utc_now

PRIORITIES = ("low", "medium", "high")


class Contact(IdMixin, TimestampMixin, Base):
    __tablename__ = "contacts"
    __table_args__ = (
        # Email is unique per workspace, case-insensitively; NULL emails never collide.
        Index("uq_contacts_workspace_email", "workspace_id", "email_normalized", unique=True),
        # Saving the same prospect twice finds the first contact instead of duplicating it.
        Index("uq_contacts_workspace_prospect", "workspace_id", "prospect_id", unique=True),
        Index("ix_contacts_workspace_created", "workspace_id", "created_at"),
        Index("ix_contacts_workspace_updated", "workspace_id", "updated_at"),
        Index("ix_contacts_workspace_full_name", "workspace_id", "full_name"),
        Index("ix_contacts_workspace_company", "workspace_id", "company_name"),
    )

    workspace_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("workspaces.id", ondelete="CASCADE"), nullable=False
    )
    first_name: Mapped[str | None] = mapped_column(String(100))
    last_name: Mapped[str | None] = mapped_column(String(100))
    full_name: Mapped[str | None] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(254))
    email_normalized: Mapped[str | None] = mapped_column(String(254))
    phone: Mapped[str | None] = mapped_column(String(50))
    job_title: Mapped[str | None] = mapped_column(String(200))
    company_name: Mapped[str | None] = mapped_column(String(200))
    company_domain: Mapped[str | None] = mapped_column(String(255))
    company_industry: Mapped[str | None] = mapped_column(String(100))
    company_employee_count: Mapped[int | None] = mapped_column(Integer)
    company_city: Mapped[str | None] = mapped_column(String(100))
    company_state: Mapped[str | None] = mapped_column(String(100))
    company_country: Mapped[str | None] = mapped_column(String(100))
    linkedin_url: Mapped[str | None] = mapped_column(String(500))
    city: Mapped[str | None] = mapped_column(String(100))
    state: Mapped[str | None] = mapped_column(String(100))
    country: Mapped[str | None] = mapped_column(String(100))
    tags: Mapped[list[str]] = mapped_column(JSONType, nullable=False, default=list)
    custom_fields: Mapped[dict[str, Any]] = mapped_column(JSONType, nullable=False, default=dict)
    priority: Mapped[str] = mapped_column(String(10), nullable=False, default="medium")
    prospect_id: Mapped[uuid.UUID | None] = mapped_column()
    do_not_contact: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)


class ContactList(IdMixin, TimestampMixin, Base):
    __tablename__ = "contact_lists"
    __table_args__ = (
        Index("uq_contact_lists_workspace_name", "workspace_id", "name_normalized", unique=True),
        Index("ix_contact_lists_workspace_created", "workspace_id", "created_at"),
    )

    workspace_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("workspaces.id", ondelete="CASCADE"), nullable=False
    )
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    name_normalized: Mapped[str] = mapped_column(String(200), nullable=False)
    description: Mapped[str | None] = mapped_column(Text)


class ListMembership(IdMixin, Base):
    __tablename__ = "list_memberships"
    __table_args__ = (
        Index("uq_list_memberships_list_contact", "list_id", "contact_id", unique=True),
        Index("ix_list_memberships_contact", "contact_id"),
    )

    list_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("contact_lists.id", ondelete="CASCADE"), nullable=False
    )
    contact_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), nullable=False
    )
    created_at: Mapped[datetime] = mapped_column(default=utc_now, nullable=False)
