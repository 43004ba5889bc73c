"""campaign revisions: written_by (which writer wrote the emails, and why a model's were not used)

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("campaign_revisions", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "written_by",
                sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
                nullable=True,
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("campaign_revisions", schema=None) as batch_op:
        batch_op.drop_column("written_by")
