"""prospect universe: company facts copied onto people (technologies, funding stage)

"VPs at companies using Salesforce" checked every VP (60,000 at 1M people, 600,000 at 10M)
against the set of companies using it (a fifth of all companies): the new table holds, for every
person, each technology of their company and its last funding stage with the person's seniority,
so that a technology or funding stage with a seniority is one range of its primary key, already
in the order of the people's keys. Existing universes are copied here; the writers (generator,
importer, company refresh) keep it in step from now on.

On PostgreSQL the rows go in before the primary key is built (one sorted build instead of
millions of insertions), each technology's and funding stage's together: a range of the key then
lies in one part of the table, whose visibility an index-only scan checks page by page (written
in join order, the 109,000 entries of "VPs using Salesforce" at 10M people pointed all over a
2.6 GB table: 30,000 buffer visits). The table is vacuumed, so that counts over it read the index
alone.

Revision ID: 0019
Revises: 0018
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None

_TABLE = "prospect_people_company_facts"
_INTO = f"INSERT INTO {_TABLE} (kind, value, seniority, person_id) "
_TECHNOLOGIES = (
    "SELECT 't', t.tech_key, p.seniority, p.id FROM prospect_company_technologies t "
    "JOIN prospect_people p ON p.company_id = t.company_id"
)
_FUNDING = (
    "SELECT 'f', c.funding_stage, p.seniority, p.id FROM prospect_companies c "
    "JOIN prospect_people p ON p.company_id = c.id WHERE c.funding_stage IS NOT NULL"
)
_COLUMNS = ("kind", "value", "seniority", "person_id")


def upgrade() -> None:
    postgresql = op.get_bind().dialect.name == "postgresql"
    columns: list[sa.schema.SchemaItem] = [
        sa.Column("kind", sa.String(length=1), nullable=False),
        sa.Column("value", sa.String(length=100), nullable=False),
        sa.Column("seniority", sa.String(length=20), nullable=False),
        sa.Column("person_id", sa.Integer(), autoincrement=False, nullable=False),
    ]
    if not postgresql:
        # SQLite: the rows are the primary key's B-tree (no rowid table beside it), written in
        # its order.
        op.create_table(
            _TABLE,
            *columns,
            sa.PrimaryKeyConstraint(*_COLUMNS, name=f"pk_{_TABLE}"),
            sqlite_with_rowid=False,
        )
        op.execute(f"{_INTO}{_TECHNOLOGIES} UNION ALL {_FUNDING} ORDER BY 1, 2, 3, 4")
        op.execute(f"ANALYZE {_TABLE}")
        return
    op.create_table(_TABLE, *columns)
    # Each technology's (and funding stage's) rows together, read value by value from the
    # companies' indexes and their people's (no sort of the whole copy: 50M rows at 10M people).
    op.execute("SET LOCAL enable_hashjoin = off")
    op.execute("SET LOCAL enable_mergejoin = off")
    op.execute("SET LOCAL enable_sort = off")
    op.execute(f"{_INTO}{_TECHNOLOGIES} ORDER BY t.tech_key")
    op.execute(f"{_INTO}{_FUNDING} ORDER BY c.funding_stage")
    op.execute("SET LOCAL maintenance_work_mem = '512MB'")
    op.create_primary_key(f"pk_{_TABLE}", _TABLE, list(_COLUMNS))
    with op.get_context().autocommit_block():
        op.execute(f"VACUUM ANALYZE {_TABLE}")


def downgrade() -> None:
    op.drop_table(_TABLE)
