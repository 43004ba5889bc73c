"""prospect universe: PostgreSQL stores each company's full-text vector

Keyword searches for a phrase ("legal automation") must check word positions, which the GIN index
cannot: each candidate company was re-read and its text parsed again with ``to_tsvector``
(about 0.2 ms each, a quarter of a second for a phrase a thousand companies share). The vector is
now a stored generated column (``text_tsv``, filled by PostgreSQL on every write) and the GIN index
is built on it. SQLite keeps its FTS5 table.

Revision ID: 0015
Revises: 0014
"""

from __future__ import annotations

from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

TEXT = (
    "to_tsvector('simple', coalesce(name, '') || ' ' || coalesce(description, '') "
    "|| ' ' || coalesce(keywords, ''))"
)


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(
        f"ALTER TABLE prospect_companies ADD COLUMN text_tsv tsvector GENERATED ALWAYS AS ({TEXT}) "
        "STORED"
    )
    op.execute(
        "CREATE INDEX ix_prospect_companies_text_tsv ON prospect_companies USING gin (text_tsv)"
    )
    op.execute("DROP INDEX IF EXISTS ix_prospect_companies_text")
    op.execute("ANALYZE prospect_companies")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(f"CREATE INDEX ix_prospect_companies_text ON prospect_companies USING gin ({TEXT})")
    op.execute("DROP INDEX IF EXISTS ix_prospect_companies_text_tsv")
    op.execute("ALTER TABLE prospect_companies DROP COLUMN text_tsv")
