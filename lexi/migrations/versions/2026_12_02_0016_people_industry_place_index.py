"""prospect universe: people indexed by industry and place; the company index carries the role

``ix_prospect_people_industry_loc`` answers an industry with a region or country as one key
range; ``ix_prospect_people_company`` gains email status and place, so a
set of companies (keywords, technologies, signals) combined with those is checked inside the
index instead of reading each person.

Revision ID: 0016
Revises: 0015
"""

from __future__ import annotations

from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_prospect_people_industry_loc",
        "prospect_people",
        ["industry", "loc", "id"],
        unique=False,
    )
    op.drop_index("ix_prospect_people_company", table_name="prospect_people")
    op.create_index(
        "ix_prospect_people_company",
        "prospect_people",
        ["company_id", "seniority", "department", "email_status", "loc"],
        unique=False,
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ANALYZE prospect_people")


def downgrade() -> None:
    op.drop_index("ix_prospect_people_company", table_name="prospect_people")
    op.create_index(
        "ix_prospect_people_company",
        "prospect_people",
        ["company_id", "seniority", "department"],
        unique=False,
    )
    op.drop_index("ix_prospect_people_industry_loc", table_name="prospect_people")
