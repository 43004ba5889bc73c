"""prospect universe: investors, headcount history, job posting locations, previous company

Companies gain the investors of their last funding round (lead first) and a headcount history
(JSON list of dated headcounts); job postings gain their location (city, state, country, or
remote); people gain their previous company (name, and its key when it is in the universe).
Existing rows carry none of these until the universe is regenerated or re-imported.

Revision ID: 0012
Revises: 0011
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

JSON = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")


def upgrade() -> None:
    op.add_column("prospect_companies", sa.Column("last_funding_investors", sa.Text()))
    op.add_column("prospect_companies", sa.Column("headcount_history", JSON))
    op.add_column("prospect_job_postings", sa.Column("city", sa.String(length=100)))
    op.add_column("prospect_job_postings", sa.Column("state", sa.String(length=100)))
    op.add_column("prospect_job_postings", sa.Column("country", sa.String(length=2)))
    op.add_column(
        "prospect_job_postings",
        sa.Column("remote", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.add_column("prospect_people", sa.Column("prev_company_id", sa.Integer()))
    op.add_column("prospect_people", sa.Column("prev_company_name", sa.String(length=200)))


def downgrade() -> None:
    with op.batch_alter_table("prospect_people") as batch_op:
        batch_op.drop_column("prev_company_name")
        batch_op.drop_column("prev_company_id")
    with op.batch_alter_table("prospect_job_postings") as batch_op:
        for name in ("remote", "country", "state", "city"):
            batch_op.drop_column(name)
    with op.batch_alter_table("prospect_companies") as batch_op:
        batch_op.drop_column("headcount_history")
        batch_op.drop_column("last_funding_investors")
