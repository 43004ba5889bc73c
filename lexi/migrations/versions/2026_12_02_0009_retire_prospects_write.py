"""api keys: retire the prospects:write scope

The prospect universe is operator data, written only by ``lexi prospects import``; no key can be
given ``prospects:write`` any more. Keys that were given it keep their other scopes.

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

RETIRED = "prospects:write"


def upgrade() -> None:
    keys = sa.table("api_keys", sa.column("id", sa.Uuid()), sa.column("scopes", sa.JSON()))
    conn = op.get_bind()
    for key_id, scopes in conn.execute(sa.select(keys.c.id, keys.c.scopes)).all():
        values = json.loads(scopes) if isinstance(scopes, str) else scopes
        if values and RETIRED in values:
            kept = [s for s in values if s != RETIRED]
            conn.execute(keys.update().where(keys.c.id == key_id).values(scopes=kept))


def downgrade() -> None:
    # A retired scope is not given back: it would grant nothing.
    pass
