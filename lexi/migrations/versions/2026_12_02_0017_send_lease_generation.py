"""campaign sends: a lease generation, the fencing token of each claim

``campaign_sends.lease_generation`` goes up by one with every claim. The sender that claimed a
send renews, records and hands it back only while the row still carries its generation, in the
same statement, so a sender whose lease ran out (a paused or slow process) can no longer touch a
send that another sender has claimed since.

Revision ID: 0017
Revises: 0016
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("campaign_sends", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("lease_generation", sa.Integer(), nullable=False, server_default="0")
        )


def downgrade() -> None:
    with op.batch_alter_table("campaign_sends", schema=None) as batch_op:
        batch_op.drop_column("lease_generation")
