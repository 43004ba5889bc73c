"""prospect universe: people indexes for the buying-signal searches

"VPs new in role in the last 90 days" walked the role-start index over everyone who started in
the window (tens of thousands at 1M people) to keep the VPs; a new index leading with the
seniority makes it a range of the VPs who started then. The people-by-company index gains the
seniority and department, so that "founders at Series A companies" checks each person of the
funded companies inside the index instead of looking up their rows.

Revision ID: 0013
Revises: 0012
"""

from __future__ import annotations

from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_prospect_people_company", table_name="prospect_people")
    op.create_index(
        "ix_prospect_people_company",
        "prospect_people",
        ["company_id", "seniority", "department"],
        unique=False,
    )
    op.create_index(
        "ix_prospect_people_seniority_role_start",
        "prospect_people",
        ["seniority", "role_started_on", "department"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index("ix_prospect_people_seniority_role_start", table_name="prospect_people")
    op.drop_index("ix_prospect_people_company", table_name="prospect_people")
    op.create_index("ix_prospect_people_company", "prospect_people", ["company_id"], unique=False)
