"""prospect universe: buying signals (funding, headcount growth, technologies, job postings, role start)

Companies gain their last funding round (stage, date, amount) and total raised, their headcount
6 and 12 months ago with the growth since; each company's technologies move into a table with
the day each was first seen; open job postings get their own table; people gain the day they
started in their current role. Existing rows carry no signal until the universe is regenerated
(``lexi prospects generate --replace``); the ``technologies`` text column stays as it is.

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

COMPANY_COLUMNS: dict[str, sa.types.TypeEngine[Any]] = {
    "funding_stage": sa.String(length=20),
    "last_funding_on": sa.Date(),
    "last_funding_usd": sa.BigInteger(),
    "funding_total_usd": sa.BigInteger(),
    "headcount_6m_ago": sa.Integer(),
    "headcount_12m_ago": sa.Integer(),
    "growth_6m_pct": sa.Integer(),
    "growth_12m_pct": sa.Integer(),
}
COMPANY_INDEXES = {
    "ix_prospect_companies_funding_stage": ["funding_stage", "last_funding_on"],
    "ix_prospect_companies_last_funding": ["last_funding_on"],
    "ix_prospect_companies_funding_total": ["funding_total_usd"],
    "ix_prospect_companies_growth_12m": ["growth_12m_pct"],
    "ix_prospect_companies_growth_6m": ["growth_6m_pct"],
}


def upgrade() -> None:
    for name, type_ in COMPANY_COLUMNS.items():
        op.add_column("prospect_companies", sa.Column(name, type_, nullable=True))
    for name, columns in COMPANY_INDEXES.items():
        op.create_index(name, "prospect_companies", columns, unique=False)
    op.add_column("prospect_people", sa.Column("role_started_on", sa.Date(), nullable=True))
    op.create_index(
        "ix_prospect_people_role_start",
        "prospect_people",
        ["role_started_on", "seniority", "department"],
        unique=False,
    )
    op.create_table(
        "prospect_company_technologies",
        sa.Column("company_id", sa.Integer(), nullable=False),
        sa.Column("tech_key", sa.String(length=100), nullable=False),
        sa.Column("technology", sa.String(length=100), nullable=False),
        sa.Column("first_seen_on", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["prospect_companies.id"],
            name="fk_prospect_company_technologies_company_id_prospect_companies",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("company_id", "tech_key", name="pk_prospect_company_technologies"),
    )
    op.create_index(
        "ix_prospect_company_technologies_key",
        "prospect_company_technologies",
        ["tech_key", "first_seen_on", "company_id"],
        unique=False,
    )
    op.create_index(
        "ix_prospect_company_technologies_first_seen",
        "prospect_company_technologies",
        ["first_seen_on", "company_id"],
        unique=False,
    )
    op.create_table(
        "prospect_job_postings",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("company_id", sa.Integer(), nullable=False),
        sa.Column("title_id", sa.Integer(), nullable=True),
        sa.Column("seniority", sa.String(length=20), nullable=False),
        sa.Column("department", sa.String(length=30), nullable=False),
        sa.Column("posted_on", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["prospect_companies.id"],
            name="fk_prospect_job_postings_company_id_prospect_companies",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["title_id"],
            ["prospect_titles.id"],
            name="fk_prospect_job_postings_title_id_prospect_titles",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_prospect_job_postings"),
    )
    op.create_index(
        "ix_prospect_job_postings_company",
        "prospect_job_postings",
        ["company_id", "posted_on"],
        unique=False,
    )
    op.create_index(
        "ix_prospect_job_postings_title",
        "prospect_job_postings",
        ["title_id", "posted_on", "company_id"],
        unique=False,
    )
    op.create_index(
        "ix_prospect_job_postings_department",
        "prospect_job_postings",
        ["department", "seniority", "posted_on", "company_id"],
        unique=False,
    )
    op.create_index(
        "ix_prospect_job_postings_posted",
        "prospect_job_postings",
        ["posted_on", "company_id"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_table("prospect_job_postings")
    op.drop_table("prospect_company_technologies")
    op.drop_index("ix_prospect_people_role_start", table_name="prospect_people")
    with op.batch_alter_table("prospect_people") as batch_op:
        batch_op.drop_column("role_started_on")
    for name in COMPANY_INDEXES:
        op.drop_index(name, table_name="prospect_companies")
    with op.batch_alter_table("prospect_companies") as batch_op:
        for name in reversed(COMPANY_COLUMNS):
            batch_op.drop_column(name)
