"""prospect universe

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import lexi.db.base
from sqlalchemy.dialects import postgresql

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "prospect_companies",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("domain", sa.String(length=255), nullable=True),
        sa.Column("industry", sa.String(length=100), nullable=True),
        sa.Column("employee_count", sa.Integer(), nullable=True),
        sa.Column("revenue_usd", sa.BigInteger(), nullable=True),
        sa.Column("founded_year", sa.SmallInteger(), nullable=True),
        sa.Column("city", sa.String(length=100), nullable=True),
        sa.Column("state", sa.String(length=100), nullable=True),
        sa.Column("country", sa.String(length=2), nullable=True),
        sa.Column(
            "loc",
            sa.String(length=160).with_variant(sa.String(length=160, collation="C"), "postgresql"),
            nullable=True,
        ),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("keywords", sa.Text(), nullable=True),
        sa.Column("technologies", sa.Text(), nullable=True),
        sa.Column("linkedin_url", sa.String(length=500), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_prospect_companies")),
    )
    with op.batch_alter_table("prospect_companies", schema=None) as batch_op:
        batch_op.create_index("ix_prospect_companies_domain", ["domain"], unique=False)
        batch_op.create_index(
            "ix_prospect_companies_industry", ["industry", "employee_count"], unique=False
        )

    op.create_table(
        "prospect_titles",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("seniority", sa.String(length=20), nullable=False),
        sa.Column("department", sa.String(length=30), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_prospect_titles")),
    )
    with op.batch_alter_table("prospect_titles", schema=None) as batch_op:
        batch_op.create_index("uq_prospect_titles_title", ["title"], unique=True)

    op.create_table(
        "prospect_people",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("company_id", sa.Integer(), nullable=True),
        sa.Column("title_id", sa.Integer(), nullable=True),
        sa.Column("first_name", sa.String(length=100), nullable=True),
        sa.Column("last_name", sa.String(length=100), nullable=True),
        sa.Column("seniority", sa.String(length=20), nullable=False),
        sa.Column("department", sa.String(length=30), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=True),
        sa.Column("email_status", sa.String(length=12), nullable=False),
        sa.Column("phone", sa.String(length=50), nullable=True),
        sa.Column("city", sa.String(length=100), nullable=True),
        sa.Column("state", sa.String(length=100), nullable=True),
        sa.Column("country", sa.String(length=2), nullable=True),
        sa.Column(
            "loc",
            sa.String(length=160).with_variant(sa.String(length=160, collation="C"), "postgresql"),
            nullable=True,
        ),
        sa.Column("linkedin_url", sa.String(length=500), nullable=True),
        sa.Column("industry", sa.String(length=100), nullable=True),
        sa.Column("employees", sa.Integer(), nullable=True),
        sa.Column("revenue_usd", sa.BigInteger(), nullable=True),
        sa.Column(
            "alt_loc",
            sa.String(length=160).with_variant(sa.String(length=160, collation="C"), "postgresql"),
            nullable=True,
        ),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["prospect_companies.id"],
            name=op.f("fk_prospect_people_company_id_prospect_companies"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["title_id"],
            ["prospect_titles.id"],
            name=op.f("fk_prospect_people_title_id_prospect_titles"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_prospect_people")),
    )
    with op.batch_alter_table("prospect_people", schema=None) as batch_op:
        batch_op.create_index("ix_prospect_people_company", ["company_id"], unique=False)
        batch_op.create_index("ix_prospect_people_email", ["email"], unique=False)
        batch_op.create_index(
            "ix_prospect_people_alt_loc",
            ["alt_loc", "loc", "seniority", "department"],
            unique=False,
        )
        batch_op.create_index(
            "ix_prospect_people_industry",
            ["industry", "seniority", "department", "employees", "loc", "alt_loc", "company_id"],
            unique=False,
        )
        batch_op.create_index("ix_prospect_people_linkedin", ["linkedin_url"], unique=False)
        batch_op.create_index(
            "ix_prospect_people_loc", ["loc", "seniority", "department"], unique=False
        )
        batch_op.create_index(
            "ix_prospect_people_seniority",
            [
                "seniority",
                "department",
                "employees",
                "loc",
                "alt_loc",
                "email_status",
                "company_id",
            ],
            unique=False,
        )
        batch_op.create_index(
            "ix_prospect_people_title",
            ["title_id", "industry", "employees", "loc", "alt_loc", "company_id"],
            unique=False,
        )
        batch_op.create_index(
            "ix_prospect_people_title_size",
            ["title_id", "employees", "revenue_usd", "loc", "alt_loc", "company_id"],
            unique=False,
        )

    # Free text over companies: FTS5 on SQLite, GIN over tsvector expressions on PostgreSQL.
    # (Neither is a SQLAlchemy table or index, so autogenerate leaves them alone.)
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "CREATE VIRTUAL TABLE prospect_companies_fts USING fts5("
            "name, description, keywords, technologies, content='prospect_companies', "
            "content_rowid='id', tokenize='unicode61 remove_diacritics 2')"
        )
        # Per-term document counts, so the planner hint can tell a rare word from a common one.
        op.execute(
            "CREATE VIRTUAL TABLE prospect_companies_fts_vocab USING fts5vocab("
            "'prospect_companies_fts', 'row')"
        )
    else:
        op.execute(
            "CREATE INDEX ix_prospect_companies_text ON prospect_companies USING gin "
            "(to_tsvector('simple', coalesce(name, '') || ' ' || coalesce(description, '') "
            "|| ' ' || coalesce(keywords, '')))"
        )
        op.execute(
            "CREATE INDEX ix_prospect_companies_tech ON prospect_companies USING gin "
            "(to_tsvector('simple', coalesce(technologies, '')))"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS prospect_companies_fts_vocab")
        op.execute("DROP TABLE IF EXISTS prospect_companies_fts")
    else:
        op.execute("DROP INDEX IF EXISTS ix_prospect_companies_text")
        op.execute("DROP INDEX IF EXISTS ix_prospect_companies_tech")
    with op.batch_alter_table("prospect_people", schema=None) as batch_op:
        batch_op.drop_index("ix_prospect_people_title_size")
        batch_op.drop_index("ix_prospect_people_title")
        batch_op.drop_index("ix_prospect_people_seniority")
        batch_op.drop_index("ix_prospect_people_loc")
        batch_op.drop_index("ix_prospect_people_linkedin")
        batch_op.drop_index("ix_prospect_people_industry")
        batch_op.drop_index("ix_prospect_people_alt_loc")
        batch_op.drop_index("ix_prospect_people_email")
        batch_op.drop_index("ix_prospect_people_company")

    op.drop_table("prospect_people")
    with op.batch_alter_table("prospect_titles", schema=None) as batch_op:
        batch_op.drop_index("uq_prospect_titles_title")

    op.drop_table("prospect_titles")
    with op.batch_alter_table("prospect_companies", schema=None) as batch_op:
        batch_op.drop_index("ix_prospect_companies_industry")
        batch_op.drop_index("ix_prospect_companies_domain")

    op.drop_table("prospect_companies")
