"""prospect universe: indexes carry the key on PostgreSQL; every company technology has a row

On PostgreSQL the people indexes and the companies' signal indexes gain ``INCLUDE (id)``: a page
of matches is sorted, and a set of funded or growing companies is read, from the index alone
instead of a row lookup per match (SQLite's indexes end with the rowid already).

``prospect_company_technologies`` gets a row for every technology in a company's
``technologies`` text, so that a technology filter can read company keys from its index: the
companies imports created had none. Their first-seen day is unknown, so ``first_seen_on`` may
now be NULL (such rows never match ``technologies_added_within_days``).

Revision ID: 0018
Revises: 0017
"""

from __future__ import annotations

import re

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None

# (index, table, columns) that carry the key on PostgreSQL.
_KEYED = [
    ("ix_prospect_people_title", "prospect_people",
     ["title_id", "industry", "employees", "loc", "company_loc", "email_status", "company_id"]),
    ("ix_prospect_people_title_size", "prospect_people",
     ["title_id", "employees", "revenue_usd", "loc", "company_loc", "company_id"]),
    ("ix_prospect_people_industry", "prospect_people",
     ["industry", "seniority", "department", "employees", "loc", "company_loc", "company_id"]),
    ("ix_prospect_people_seniority", "prospect_people",
     ["seniority", "department", "employees", "loc", "company_loc", "email_status",
      "company_id"]),
    ("ix_prospect_people_loc", "prospect_people", ["loc", "seniority", "department"]),
    ("ix_prospect_people_company_loc", "prospect_people",
     ["company_loc", "seniority", "department", "loc"]),
    ("ix_prospect_people_company", "prospect_people",
     ["company_id", "seniority", "department", "email_status", "loc"]),
    ("ix_prospect_people_role_start", "prospect_people",
     ["role_started_on", "seniority", "department"]),
    ("ix_prospect_people_seniority_role_start", "prospect_people",
     ["seniority", "role_started_on", "department"]),
    ("ix_prospect_companies_funding_stage", "prospect_companies",
     ["funding_stage", "last_funding_on"]),
    ("ix_prospect_companies_last_funding", "prospect_companies", ["last_funding_on"]),
    ("ix_prospect_companies_funding_total", "prospect_companies", ["funding_total_usd"]),
    ("ix_prospect_companies_growth_12m", "prospect_companies", ["growth_12m_pct"]),
    ("ix_prospect_companies_growth_6m", "prospect_companies", ["growth_6m_pct"]),
]  # fmt: skip
_BATCH = 5000


def _names(text: str) -> dict[str, str]:
    """{lower-case key: name} of the technologies in a company's ``technologies`` text (split on
    commas and semicolons, first spelling wins), as the importer writes them."""
    out: dict[str, str] = {}
    for part in re.split(r"[,;]", text):
        name = " ".join(part.split())[:100]
        if name and name.lower() not in out:
            out[name.lower()] = name
    return out


def _backfill(conn: sa.Connection) -> None:
    """Rows for the technologies of companies that have none (those imports created)."""
    last = 0
    while True:
        rows = conn.execute(
            sa.text(
                "SELECT c.id, c.technologies FROM prospect_companies c WHERE c.id > :last "
                "AND c.technologies IS NOT NULL AND c.technologies <> '' AND NOT EXISTS "
                "(SELECT 1 FROM prospect_company_technologies t WHERE t.company_id = c.id) "
                "ORDER BY c.id LIMIT :n"
            ),
            {"last": last, "n": _BATCH},
        ).all()
        if not rows:
            return
        values = [
            {"c": cid, "k": key, "t": name}
            for cid, text in rows
            for key, name in _names(text).items()
        ]
        if values:
            conn.execute(
                sa.text(
                    "INSERT INTO prospect_company_technologies "
                    "(company_id, tech_key, technology, first_seen_on) VALUES (:c, :k, :t, NULL)"
                ),
                values,
            )
        last = rows[-1][0]


def upgrade() -> None:
    with op.batch_alter_table("prospect_company_technologies", schema=None) as batch_op:
        batch_op.alter_column("first_seen_on", existing_type=sa.Date(), nullable=True)
    conn = op.get_bind()
    _backfill(conn)
    if conn.dialect.name != "postgresql":
        return
    for name, table, columns in _KEYED:
        op.drop_index(name, table_name=table)
        op.create_index(name, table, columns, unique=False, postgresql_include=["id"])
    op.execute("ANALYZE prospect_company_technologies")


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name == "postgresql":
        for name, table, columns in _KEYED:
            op.drop_index(name, table_name=table)
            op.create_index(name, table, columns, unique=False)
    op.execute("DELETE FROM prospect_company_technologies WHERE first_seen_on IS NULL")
    with op.batch_alter_table("prospect_company_technologies", schema=None) as batch_op:
        batch_op.alter_column("first_seen_on", existing_type=sa.Date(), nullable=False)
