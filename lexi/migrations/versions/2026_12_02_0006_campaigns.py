"""campaigns

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from sqlalchemy.dialects import postgresql

import lexi.db.base

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "email_suppressions",
        sa.Column("workspace_id", sa.Uuid(), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("reason", sa.String(length=20), nullable=False),
        sa.Column("campaign_id", sa.Uuid(), nullable=True),
        sa.Column("created_at", lexi.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["workspace_id"],
            ["workspaces.id"],
            name=op.f("fk_email_suppressions_workspace_id_workspaces"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_email_suppressions")),
    )
    with op.batch_alter_table("email_suppressions", schema=None) as batch_op:
        batch_op.create_index(
            "uq_email_suppressions_workspace_email", ["workspace_id", "email"], unique=True
        )

    op.create_table(
        "campaigns",
        sa.Column("workspace_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("list_id", sa.Uuid(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("daily_send_limit", sa.Integer(), nullable=False),
        sa.Column("delay_between_emails", sa.Integer(), nullable=False),
        sa.Column("sending_timezone", sa.String(length=64), nullable=False),
        sa.Column("sending_window_start", sa.String(length=5), nullable=True),
        sa.Column("sending_window_end", sa.String(length=5), nullable=True),
        sa.Column("send_on_weekends", sa.Boolean(), nullable=False),
        sa.Column("track_opens", sa.Boolean(), nullable=False),
        sa.Column("track_clicks", sa.Boolean(), nullable=False),
        sa.Column("show_unsubscribe", sa.Boolean(), nullable=False),
        sa.Column("from_name", sa.String(length=200), nullable=True),
        sa.Column("from_email", sa.String(length=254), nullable=True),
        sa.Column("topic", sa.String(length=300), nullable=True),
        sa.Column("tone", sa.String(length=20), nullable=True),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("sending_revision", sa.Integer(), nullable=True),
        sa.Column("start_task_id", sa.Uuid(), nullable=True),
        sa.Column("started_at", lexi.db.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("next_send_at", lexi.db.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("day_key", sa.String(length=10), nullable=True),
        sa.Column("day_count", sa.Integer(), nullable=False),
        sa.Column("signing_key", sa.String(length=64), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", lexi.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", lexi.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["list_id"],
            ["contact_lists.id"],
            name=op.f("fk_campaigns_list_id_contact_lists"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["workspace_id"],
            ["workspaces.id"],
            name=op.f("fk_campaigns_workspace_id_workspaces"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_campaigns")),
    )
    with op.batch_alter_table("campaigns", schema=None) as batch_op:
        batch_op.create_index("ix_campaigns_status", ["status"], unique=False)
        batch_op.create_index(
            "ix_campaigns_workspace_created", ["workspace_id", "created_at"], unique=False
        )

    op.create_table(
        "campaign_enrolments",
        sa.Column("workspace_id", sa.Uuid(), nullable=False),
        sa.Column("campaign_id", sa.Uuid(), nullable=False),
        sa.Column("contact_id", sa.Uuid(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("source", sa.String(length=100), nullable=True),
        sa.Column("current_step", sa.Integer(), nullable=False),
        sa.Column("last_sent_at", lexi.db.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("skip_reason", sa.String(length=40), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", lexi.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", lexi.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["campaign_id"],
            ["campaigns.id"],
            name=op.f("fk_campaign_enrolments_campaign_id_campaigns"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contacts.id"],
            name=op.f("fk_campaign_enrolments_contact_id_contacts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["workspace_id"],
            ["workspaces.id"],
            name=op.f("fk_campaign_enrolments_workspace_id_workspaces"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_campaign_enrolments")),
    )
    with op.batch_alter_table("campaign_enrolments", schema=None) as batch_op:
        batch_op.create_index("ix_campaign_enrolments_contact", ["contact_id"], unique=False)
        batch_op.create_index(
            "uq_campaign_enrolments_campaign_contact", ["campaign_id", "contact_id"], unique=True
        )

    op.create_table(
        "campaign_events",
        sa.Column("workspace_id", sa.Uuid(), nullable=False),
        sa.Column("campaign_id", sa.Uuid(), nullable=False),
        sa.Column("send_id", sa.Uuid(), nullable=True),
        sa.Column("contact_id", sa.Uuid(), nullable=True),
        sa.Column("type", sa.String(length=20), nullable=False),
        sa.Column(
            "details",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("created_at", lexi.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["campaign_id"],
            ["campaigns.id"],
            name=op.f("fk_campaign_events_campaign_id_campaigns"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["workspace_id"],
            ["workspaces.id"],
            name=op.f("fk_campaign_events_workspace_id_workspaces"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_campaign_events")),
    )
    with op.batch_alter_table("campaign_events", schema=None) as batch_op:
        batch_op.create_index(
            "ix_campaign_events_campaign_type", ["campaign_id", "type"], unique=False
        )

    op.create_table(
        "campaign_revisions",
        sa.Column("campaign_id", sa.Uuid(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column(
            "steps",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("change", sa.String(length=200), nullable=False),
        sa.Column("parent", sa.Integer(), nullable=True),
        sa.Column("created_at", lexi.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["campaign_id"],
            ["campaigns.id"],
            name=op.f("fk_campaign_revisions_campaign_id_campaigns"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_campaign_revisions")),
    )
    with op.batch_alter_table("campaign_revisions", schema=None) as batch_op:
        batch_op.create_index(
            "uq_campaign_revisions_campaign_number", ["campaign_id", "number"], unique=True
        )

    op.create_table(
        "campaign_steps",
        sa.Column("campaign_id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("subject", sa.String(length=300), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("delay_days", sa.Integer(), nullable=False),
        sa.Column("delay_hours", sa.Integer(), nullable=False),
        sa.Column("send_condition", sa.String(length=20), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", lexi.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", lexi.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["campaign_id"],
            ["campaigns.id"],
            name=op.f("fk_campaign_steps_campaign_id_campaigns"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_campaign_steps")),
    )
    with op.batch_alter_table("campaign_steps", schema=None) as batch_op:
        batch_op.create_index(
            "ix_campaign_steps_campaign_position", ["campaign_id", "position"], unique=False
        )

    op.create_table(
        "campaign_sends",
        sa.Column("workspace_id", sa.Uuid(), nullable=False),
        sa.Column("campaign_id", sa.Uuid(), nullable=False),
        sa.Column("enrolment_id", sa.Uuid(), nullable=False),
        sa.Column("contact_id", sa.Uuid(), nullable=False),
        sa.Column("step_index", sa.Integer(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("due_at", lexi.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("message_id", sa.String(length=300), nullable=True),
        sa.Column("to_email", sa.String(length=254), nullable=True),
        sa.Column("claimed_by", sa.String(length=100), nullable=True),
        sa.Column("lease_expires_at", lexi.db.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("sent_at", lexi.db.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("opened_at", lexi.db.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("clicked_at", lexi.db.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("outcome", sa.String(length=200), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", lexi.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", lexi.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["campaign_id"],
            ["campaigns.id"],
            name=op.f("fk_campaign_sends_campaign_id_campaigns"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contacts.id"],
            name=op.f("fk_campaign_sends_contact_id_contacts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["enrolment_id"],
            ["campaign_enrolments.id"],
            name=op.f("fk_campaign_sends_enrolment_id_campaign_enrolments"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["workspace_id"],
            ["workspaces.id"],
            name=op.f("fk_campaign_sends_workspace_id_workspaces"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_campaign_sends")),
    )
    with op.batch_alter_table("campaign_sends", schema=None) as batch_op:
        batch_op.create_index(
            "ix_campaign_sends_campaign_state", ["campaign_id", "state"], unique=False
        )
        batch_op.create_index("ix_campaign_sends_state_due", ["state", "due_at"], unique=False)
        batch_op.create_index(
            "uq_campaign_sends_enrolment_step", ["enrolment_id", "step_index"], unique=True
        )
        batch_op.create_index("uq_campaign_sends_message_id", ["message_id"], unique=True)


def downgrade() -> None:
    with op.batch_alter_table("campaign_sends", schema=None) as batch_op:
        batch_op.drop_index("uq_campaign_sends_message_id")
        batch_op.drop_index("uq_campaign_sends_enrolment_step")
        batch_op.drop_index("ix_campaign_sends_state_due")
        batch_op.drop_index("ix_campaign_sends_campaign_state")

    op.drop_table("campaign_sends")
    with op.batch_alter_table("campaign_steps", schema=None) as batch_op:
        batch_op.drop_index("ix_campaign_steps_campaign_position")

    op.drop_table("campaign_steps")
    with op.batch_alter_table("campaign_revisions", schema=None) as batch_op:
        batch_op.drop_index("uq_campaign_revisions_campaign_number")

    op.drop_table("campaign_revisions")
    with op.batch_alter_table("campaign_events", schema=None) as batch_op:
        batch_op.drop_index("ix_campaign_events_campaign_type")

    op.drop_table("campaign_events")
    with op.batch_alter_table("campaign_enrolments", schema=None) as batch_op:
        batch_op.drop_index("uq_campaign_enrolments_campaign_contact")
        batch_op.drop_index("ix_campaign_enrolments_contact")

    op.drop_table("campaign_enrolments")
    with op.batch_alter_table("campaigns", schema=None) as batch_op:
        batch_op.drop_index("ix_campaigns_workspace_created")
        batch_op.drop_index("ix_campaigns_status")

    op.drop_table("campaigns")
    with op.batch_alter_table("email_suppressions", schema=None) as batch_op:
        batch_op.drop_index("uq_email_suppressions_workspace_email")

    op.drop_table("email_suppressions")
