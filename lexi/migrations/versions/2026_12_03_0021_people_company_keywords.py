"""prospect universe: keyword matches copied onto people (PostgreSQL)

"VPs in the US at cybersecurity companies" at 10M people found the 34,044 companies whose text
holds the word (a bitmap scan of the text index reading 31,165 company pages), then checked the
353,000 US VPs against them: 270-295 ms in the best hand-written SQL. The keyword filter's
answer for a phrase many companies carry as a tag is now copied onto people:
``prospect_keyword_phrases`` lists those phrases (the keyword tags at least one company in a
thousand carries, in the words the filter searches for), and
``prospect_people_company_keywords`` holds, for each phrase, every person whose company's text
the filter's own text search matches, with their seniority and place. A keyword with seniorities
(and people's places) is then one range of the primary key in the order of the people's keys,
the place checked inside the key's index (``loc`` is carried by it). Existing universes are
copied here; the writers (generator, importer, company refresh) keep the rows in step.

Only on PostgreSQL: SQLite's full-text index answers the same searches at 1M people in 12-17 ms,
and its tables stay empty (no phrase is listed, so every keyword search reads the text index).

As in 0019, the rows go in phrase by phrase, read from the indexes (the companies' text index,
then their people's index, which holds seniority, place and key), before the primary key is
built in one sorted pass; then the table is vacuumed so that counts read the index alone.

Revision ID: 0021
Revises: 0020
"""

from __future__ import annotations

import math
import re
from collections import Counter

import sqlalchemy as sa
from alembic import op

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None

_PHRASES = "prospect_keyword_phrases"
_TABLE = "prospect_people_company_keywords"
# A tag carried by at least one company in this many is copied onto people.
_SHARE = 1000


def _phrase(tag: str) -> str:
    """A tag in the words the keyword filter searches for (``repository._words``)."""
    return " ".join(re.findall(r"\w+", tag.lower()))


def upgrade() -> None:
    bind = op.get_bind()
    postgresql = bind.dialect.name == "postgresql"
    op.create_table(
        _PHRASES,
        sa.Column("phrase", sa.String(length=100), nullable=False),
        sa.PrimaryKeyConstraint("phrase", name=f"pk_{_PHRASES}"),
    )
    loc = sa.String(length=160).with_variant(sa.String(length=160, collation="C"), "postgresql")
    columns: list[sa.schema.SchemaItem] = [
        sa.Column("phrase", sa.String(length=100), nullable=False),
        sa.Column("seniority", sa.String(length=20), nullable=False),
        sa.Column("person_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("loc", loc, nullable=True),
    ]
    if not postgresql:
        op.create_table(
            _TABLE,
            *columns,
            sa.PrimaryKeyConstraint("phrase", "seniority", "person_id", name=f"pk_{_TABLE}"),
            sqlite_with_rowid=False,
        )
        return
    op.create_table(_TABLE, *columns)
    companies = bind.execute(sa.text("SELECT count(*) FROM prospect_companies")).scalar_one()
    carried: Counter[str] = Counter()
    for tag, n in bind.execute(
        sa.text(
            "SELECT btrim(t), count(*) FROM prospect_companies, "
            "unnest(string_to_array(keywords, ',')) AS t GROUP BY 1"
        )
    ):
        phrase = _phrase(tag)
        if phrase and len(phrase) <= 100:
            carried[phrase] += int(n)
    least = max(1, math.ceil(companies / _SHARE))
    phrases = sorted(p for p, n in carried.items() if n >= least)
    if phrases:
        bind.execute(
            sa.text(f"INSERT INTO {_PHRASES} (phrase) VALUES (:p)"), [{"p": p} for p in phrases]
        )
        op.execute(f"ANALYZE {_PHRASES}")
        # Phrase by phrase: each phrase's companies from the text index, their people from the
        # people-by-company index (no sort of the whole copy).
        op.execute("SET LOCAL enable_hashjoin = off")
        op.execute("SET LOCAL enable_mergejoin = off")
        op.execute("SET LOCAL enable_sort = off")
        op.execute(
            f"INSERT INTO {_TABLE} (phrase, seniority, person_id, loc) "
            f"SELECT v.phrase, p.seniority, p.id, p.loc FROM {_PHRASES} v "
            "JOIN prospect_companies c ON c.text_tsv @@ phraseto_tsquery('simple', v.phrase) "
            "JOIN prospect_people p ON p.company_id = c.id ORDER BY v.phrase"
        )
        op.execute("RESET enable_sort")
        op.execute("RESET enable_mergejoin")
        op.execute("RESET enable_hashjoin")
    op.execute("SET LOCAL maintenance_work_mem = '512MB'")
    op.execute(
        f"ALTER TABLE {_TABLE} ADD CONSTRAINT pk_{_TABLE} "
        "PRIMARY KEY (phrase, seniority, person_id) INCLUDE (loc)"
    )
    with op.get_context().autocommit_block():
        op.execute(f"VACUUM ANALYZE {_TABLE}")


def downgrade() -> None:
    op.drop_table(_TABLE)
    op.drop_table(_PHRASES)
