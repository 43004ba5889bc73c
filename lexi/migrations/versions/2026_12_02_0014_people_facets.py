"""prospect universe: people counted per seniority, department, email status and industry

A search that filters on nothing but these columns (or on nothing) takes its exact total from
this small table instead of counting millions of index entries. The writers keep it (the
generator rebuilds it, the importer adds its people); the mark says which people it covers.
Existing universes are counted here.

Revision ID: 0014
Revises: 0013
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "prospect_people_facets",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("seniority", sa.String(length=20), nullable=False),
        sa.Column("department", sa.String(length=30), nullable=False),
        sa.Column("email_status", sa.String(length=12), nullable=False),
        sa.Column("industry", sa.String(length=100), nullable=True),
        sa.Column("people", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_prospect_people_facets"),
    )
    op.create_index(
        "ix_prospect_people_facets_key",
        "prospect_people_facets",
        ["seniority", "department", "email_status"],
        unique=False,
    )
    op.create_table(
        "prospect_people_facets_mark",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("max_person_id", sa.Integer(), nullable=False),
        sa.Column("people", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_prospect_people_facets_mark"),
    )
    op.execute(
        "INSERT INTO prospect_people_facets (seniority, department, email_status, industry, people) "
        "SELECT seniority, department, email_status, industry, count(*) FROM prospect_people "
        "GROUP BY seniority, department, email_status, industry"
    )
    op.execute(
        "INSERT INTO prospect_people_facets_mark (id, max_person_id, people) "
        "SELECT 1, coalesce(max(id), 0), count(*) FROM prospect_people"
    )


def downgrade() -> None:
    op.drop_table("prospect_people_facets_mark")
    op.drop_index("ix_prospect_people_facets_key", table_name="prospect_people_facets")
    op.drop_table("prospect_people_facets")
