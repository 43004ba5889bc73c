"""prospect people: company_loc (the company's HQ) replaces alt_loc

``locations`` now match only the person's own place and the new ``company_locations`` filter
matches the company's HQ, so every person carries the HQ key (``company_loc``) instead of
``alt_loc`` (the HQ key only where it differed from the person's place). Existing rows take
their company's ``loc``; the wide indexes are rebuilt with the new column (and the title index
gains ``email_status``).

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

LOC = sa.String(length=160).with_variant(sa.String(length=160, collation="C"), "postgresql")

OLD_INDEXES = {
    "ix_prospect_people_alt_loc": ["alt_loc", "loc", "seniority", "department"],
    "ix_prospect_people_industry": [
        "industry",
        "seniority",
        "department",
        "employees",
        "loc",
        "alt_loc",
        "company_id",
    ],
    "ix_prospect_people_seniority": [
        "seniority",
        "department",
        "employees",
        "loc",
        "alt_loc",
        "email_status",
        "company_id",
    ],
    "ix_prospect_people_title": [
        "title_id",
        "industry",
        "employees",
        "loc",
        "alt_loc",
        "company_id",
    ],
    "ix_prospect_people_title_size": [
        "title_id",
        "employees",
        "revenue_usd",
        "loc",
        "alt_loc",
        "company_id",
    ],
}
NEW_INDEXES = {
    "ix_prospect_people_company_loc": ["company_loc", "seniority", "department", "loc"],
    "ix_prospect_people_industry": [
        "industry",
        "seniority",
        "department",
        "employees",
        "loc",
        "company_loc",
        "company_id",
    ],
    "ix_prospect_people_seniority": [
        "seniority",
        "department",
        "employees",
        "loc",
        "company_loc",
        "email_status",
        "company_id",
    ],
    "ix_prospect_people_title": [
        "title_id",
        "industry",
        "employees",
        "loc",
        "company_loc",
        "email_status",
        "company_id",
    ],
    "ix_prospect_people_title_size": [
        "title_id",
        "employees",
        "revenue_usd",
        "loc",
        "company_loc",
        "company_id",
    ],
}


def upgrade() -> None:
    for name in OLD_INDEXES:
        op.drop_index(name, table_name="prospect_people")
    op.add_column("prospect_people", sa.Column("company_loc", LOC, nullable=True))
    op.execute(
        "UPDATE prospect_people SET company_loc = "
        "(SELECT c.loc FROM prospect_companies c WHERE c.id = prospect_people.company_id) "
        "WHERE company_id IS NOT NULL"
    )
    op.execute("ALTER TABLE prospect_people DROP COLUMN alt_loc")
    for name, columns in NEW_INDEXES.items():
        op.create_index(name, "prospect_people", columns, unique=False)


def downgrade() -> None:
    for name in NEW_INDEXES:
        op.drop_index(name, table_name="prospect_people")
    op.add_column("prospect_people", sa.Column("alt_loc", LOC, nullable=True))
    op.execute(
        "UPDATE prospect_people SET alt_loc = company_loc "
        "WHERE company_loc IS NOT NULL AND (loc IS NULL OR loc <> company_loc)"
    )
    op.execute("ALTER TABLE prospect_people DROP COLUMN company_loc")
    for name, columns in OLD_INDEXES.items():
        op.create_index(name, "prospect_people", columns, unique=False)
