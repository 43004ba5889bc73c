"""contacts and lists

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import lexi.db.base
from sqlalchemy.dialects import postgresql

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "contact_lists",
        sa.Column("workspace_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("name_normalized", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", lexi.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", lexi.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["workspace_id"],
            ["workspaces.id"],
            name=op.f("fk_contact_lists_workspace_id_workspaces"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact_lists")),
    )
    with op.batch_alter_table("contact_lists", schema=None) as batch_op:
        batch_op.create_index(
            "ix_contact_lists_workspace_created", ["workspace_id", "created_at"], unique=False
        )
        batch_op.create_index(
            "uq_contact_lists_workspace_name", ["workspace_id", "name_normalized"], unique=True
        )

    op.create_table(
        "contacts",
        sa.Column("workspace_id", sa.Uuid(), nullable=False),
        sa.Column("first_name", sa.String(length=100), nullable=True),
        sa.Column("last_name", sa.String(length=100), nullable=True),
        sa.Column("full_name", sa.String(length=200), nullable=True),
        sa.Column("email", sa.String(length=254), nullable=True),
        sa.Column("email_normalized", sa.String(length=254), nullable=True),
        sa.Column("phone", sa.String(length=50), nullable=True),
        sa.Column("job_title", sa.String(length=200), nullable=True),
        sa.Column("company_name", sa.String(length=200), nullable=True),
        sa.Column("company_domain", sa.String(length=255), nullable=True),
        sa.Column("company_industry", sa.String(length=100), nullable=True),
        sa.Column("company_employee_count", sa.Integer(), nullable=True),
        sa.Column("company_city", sa.String(length=100), nullable=True),
        sa.Column("company_state", sa.String(length=100), nullable=True),
        sa.Column("company_country", sa.String(length=100), nullable=True),
        sa.Column("linkedin_url", sa.String(length=500), nullable=True),
        sa.Column("city", sa.String(length=100), nullable=True),
        sa.Column("state", sa.String(length=100), nullable=True),
        sa.Column("country", sa.String(length=100), nullable=True),
        sa.Column(
            "tags",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column(
            "custom_fields",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("priority", sa.String(length=10), nullable=False),
        sa.Column("prospect_id", sa.Uuid(), nullable=True),
        sa.Column("do_not_contact", sa.Boolean(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", lexi.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", lexi.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["workspace_id"],
            ["workspaces.id"],
            name=op.f("fk_contacts_workspace_id_workspaces"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contacts")),
    )
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.create_index(
            "ix_contacts_workspace_company", ["workspace_id", "company_name"], unique=False
        )
        batch_op.create_index(
            "ix_contacts_workspace_created", ["workspace_id", "created_at"], unique=False
        )
        batch_op.create_index(
            "ix_contacts_workspace_full_name", ["workspace_id", "full_name"], unique=False
        )
        batch_op.create_index(
            "ix_contacts_workspace_updated", ["workspace_id", "updated_at"], unique=False
        )
        batch_op.create_index(
            "uq_contacts_workspace_email", ["workspace_id", "email_normalized"], unique=True
        )
        batch_op.create_index(
            "uq_contacts_workspace_prospect", ["workspace_id", "prospect_id"], unique=True
        )

    op.create_table(
        "list_memberships",
        sa.Column("list_id", sa.Uuid(), nullable=False),
        sa.Column("contact_id", sa.Uuid(), nullable=False),
        sa.Column("created_at", lexi.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contacts.id"],
            name=op.f("fk_list_memberships_contact_id_contacts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["list_id"],
            ["contact_lists.id"],
            name=op.f("fk_list_memberships_list_id_contact_lists"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_list_memberships")),
    )
    with op.batch_alter_table("list_memberships", schema=None) as batch_op:
        batch_op.create_index("ix_list_memberships_contact", ["contact_id"], unique=False)
        batch_op.create_index(
            "uq_list_memberships_list_contact", ["list_id", "contact_id"], unique=True
        )


def downgrade() -> None:
    with op.batch_alter_table("list_memberships", schema=None) as batch_op:
        batch_op.drop_index("uq_list_memberships_list_contact")
        batch_op.drop_index("ix_list_memberships_contact")

    op.drop_table("list_memberships")
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.drop_index("uq_contacts_workspace_prospect")
        batch_op.drop_index("uq_contacts_workspace_email")
        batch_op.drop_index("ix_contacts_workspace_updated")
        batch_op.drop_index("ix_contacts_workspace_full_name")
        batch_op.drop_index("ix_contacts_workspace_created")
        batch_op.drop_index("ix_contacts_workspace_company")

    op.drop_table("contacts")
    with op.batch_alter_table("contact_lists", schema=None) as batch_op:
        batch_op.drop_index("uq_contact_lists_workspace_name")
        batch_op.drop_index("ix_contact_lists_workspace_created")

    op.drop_table("contact_lists")
