"""Bulk writes to the universe for the generator and the importer (SQLite and PostgreSQL).

Millions of rows go in through the driver directly (``executemany`` on SQLite, ``COPY`` on
PostgreSQL); the people indexes are dropped during a full load and rebuilt once at the end,
which is several times faster than maintaining them row by row.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, Table, text

from lexi.models.prospect import (
    Company,
    CompanyTechnology,
    JobPosting,
    JobTitle,
    KeywordPhrase,
    Person,
    PersonCompanyFact,
    PersonCompanyKeyword,
)

TITLE_COLUMNS = ("id", "title", "seniority", "department")
COMPANY_COLUMNS = (
    "id",
    "name",
    "domain",
    "industry",
    "employee_count",
    "revenue_usd",
    "founded_year",
    "city",
    "state",
    "country",
    "loc",
    "description",
    "keywords",
    "technologies",
    "linkedin_url",
    "funding_stage",
    "last_funding_on",
    "last_funding_usd",
    "funding_total_usd",
    "headcount_6m_ago",
    "headcount_12m_ago",
    "growth_6m_pct",
    "growth_12m_pct",
    "last_funding_investors",
    "headcount_history",
)
PERSON_COLUMNS = (
    "id",
    "company_id",
    "title_id",
    "first_name",
    "last_name",
    "seniority",
    "department",
    "email",
    "email_status",
    "phone",
    "city",
    "state",
    "country",
    "loc",
    "linkedin_url",
    "industry",
    "employees",
    "revenue_usd",
    "company_loc",
    "role_started_on",
    "prev_company_id",
    "prev_company_name",
)
TECHNOLOGY_COLUMNS = ("company_id", "tech_key", "technology", "first_seen_on")
POSTING_COLUMNS = (
    "id",
    "company_id",
    "title_id",
    "seniority",
    "department",
    "posted_on",
    "city",
    "state",
    "country",
    "remote",
)
FTS_TABLE = "prospect_companies_fts"
FACTS_TABLE = PersonCompanyFact.__tablename__
KEYWORDS_TABLE = PersonCompanyKeyword.__tablename__
PHRASES_TABLE = KeywordPhrase.__tablename__
# A keyword tag carried by at least one company in this many has its matches copied onto people
# (``PersonCompanyKeyword``); rarer phrases match few companies, which the text index finds fast.
KEYWORD_PHRASE_SHARE = 1000
_TABLES = (
    "prospect_titles",
    "prospect_companies",
    "prospect_people",
    "prospect_company_technologies",
    "prospect_job_postings",
    "prospect_people_facets",
    FACTS_TABLE,
    PHRASES_TABLE,
    KEYWORDS_TABLE,
)
# The person columns counted in ``prospect_people_facets``.
FACET_COLUMNS = ("seniority", "department", "email_status", "industry")
_FACET_AT = tuple(PERSON_COLUMNS.index(c) for c in FACET_COLUMNS)
_facet_key = itemgetter(*_FACET_AT)
# Rows ANALYZE reads per index on SQLite: enough for the planner's estimates on a universe of
# millions, without reading every index in full after a load.
_ANALYSIS_LIMIT = 2000


def _facet_order(item: tuple[tuple[Any, ...], int]) -> tuple[str, ...]:
    return tuple(x or "" for x in item[0])


def count_facets(counts: Counter[tuple[Any, ...]], rows: Iterable[Sequence[Any]]) -> None:
    """Add ``PERSON_COLUMNS`` rows to ``counts``, keyed by ``FACET_COLUMNS``."""
    counts.update(map(_facet_key, rows))


def driver(conn: Connection) -> Any:
    """The driver's own connection under ``conn`` (sqlite3 or psycopg)."""
    raw = conn.connection.driver_connection
    assert raw is not None, "a checked-out connection has a driver connection"
    return raw


def _insert(
    conn: Connection, table: str, columns: Sequence[str], rows: list[tuple[Any, ...]]
) -> None:
    if not rows:
        return
    if conn.dialect.name == "postgresql":
        raw = driver(conn)
        with (
            raw.cursor() as cur,
            cur.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy,
        ):
            for row in rows:
                copy.write_row(row)
        return
    marks = ", ".join("?" for _ in columns)
    driver(conn).executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)


def insert_titles(conn: Connection, rows: list[tuple[Any, ...]]) -> None:
    _insert(conn, JobTitle.__tablename__, TITLE_COLUMNS, rows)


def insert_companies(
    conn: Connection, rows: list[tuple[Any, ...]], *, index_text: bool = False
) -> None:
    _insert(conn, Company.__tablename__, COMPANY_COLUMNS, rows)
    if index_text and conn.dialect.name == "sqlite" and rows:
        driver(conn).executemany(
            f"INSERT INTO {FTS_TABLE} (rowid, name, description, keywords, technologies) "
            "VALUES (?, ?, ?, ?, ?)",
            [(r[0], r[1], r[11], r[12], r[13]) for r in rows],
        )


def insert_people(conn: Connection, rows: list[tuple[Any, ...]]) -> None:
    _insert(conn, Person.__tablename__, PERSON_COLUMNS, rows)


def insert_technologies(conn: Connection, rows: list[tuple[Any, ...]]) -> None:
    _insert(conn, CompanyTechnology.__tablename__, TECHNOLOGY_COLUMNS, rows)


def technology_names(text: str | None) -> dict[str, str]:
    """{key: name} of the technologies in a company's ``technologies`` text: split on commas and
    semicolons, spaces tidied, the key the lower-case name (the first spelling wins)."""
    out: dict[str, str] = {}
    for part in re.split(r"[,;]", text or ""):
        name = " ".join(part.split())[:100]
        if name and name.lower() not in out:
            out[name.lower()] = name
    return out


def technology_rows(company_id: int, text: str | None) -> list[tuple[Any, ...]]:
    """``TECHNOLOGY_COLUMNS`` rows for a company's ``technologies`` text, the day each was first
    seen unknown (what an import knows)."""
    return [(company_id, key, name, None) for key, name in technology_names(text).items()]


def insert_postings(conn: Connection, rows: list[tuple[Any, ...]]) -> None:
    _insert(conn, JobPosting.__tablename__, POSTING_COLUMNS, rows)


# The company facts copied onto people (``PersonCompanyFact``), for the people ``{where}`` (a
# condition on ``p``) picks: each technology of their company ("t") and its last funding stage
# ("f"), in the primary key's order (SQLite appends to the table's B-tree instead of inserting
# all over it).
_FACTS_FROM = (
    f"INSERT INTO {FACTS_TABLE} (kind, value, seniority, person_id) "
    "SELECT 't', t.tech_key, p.seniority, p.id FROM prospect_people p "
    "JOIN prospect_company_technologies t ON t.company_id = p.company_id WHERE {where} "
    "UNION ALL "
    "SELECT 'f', c.funding_stage, p.seniority, p.id FROM prospect_people p "
    "JOIN prospect_companies c ON c.id = p.company_id "
    "WHERE c.funding_stage IS NOT NULL AND {where} "
    "ORDER BY 1, 2, 3, 4"
)


def add_company_facts(conn: Connection, after_person: int = 0) -> None:
    """Copy the company facts onto the people with keys above ``after_person`` (just written,
    with their company's technology rows already there)."""
    conn.execute(text(_FACTS_FROM.format(where="p.id > :after")), {"after": after_person})


def refresh_company_facts(conn: Connection, company_id: int) -> None:
    """Copy a company's facts onto its people again (after its technologies or its funding
    stage changed)."""
    conn.execute(
        text(
            f"DELETE FROM {FACTS_TABLE} WHERE person_id IN "
            "(SELECT id FROM prospect_people WHERE company_id = :company)"
        ),
        {"company": company_id},
    )
    conn.execute(text(_FACTS_FROM.format(where="p.company_id = :company")), {"company": company_id})


def keyword_phrase(text: str) -> str:
    """``text`` in the words the keyword filter searches for: lower case, words joined by one
    space (``repository._words``)."""
    return " ".join(re.findall(r"\w+", text.lower()))


def choose_keyword_phrases(conn: Connection) -> None:
    """PostgreSQL: list again the keyword phrases whose matches are copied onto people: the
    companies' keyword tags (comma-separated) that at least one company in
    ``KEYWORD_PHRASE_SHARE`` carries. SQLite lists none (its full-text index answers)."""
    conn.execute(text(f"DELETE FROM {PHRASES_TABLE}"))
    if conn.dialect.name != "postgresql":
        return
    companies = conn.execute(text("SELECT count(*) FROM prospect_companies")).scalar_one()
    carried: Counter[str] = Counter()
    for tag, n in conn.execute(
        text(
            "SELECT btrim(t), count(*) FROM prospect_companies, "
            "unnest(string_to_array(keywords, ',')) AS t GROUP BY 1"
        )
    ):
        phrase = keyword_phrase(tag)
        if phrase and len(phrase) <= 100:
            carried[phrase] += int(n)
    least = max(1, math.ceil(int(companies) / KEYWORD_PHRASE_SHARE))
    phrases = sorted(p for p, n in carried.items() if n >= least)
    if phrases:
        conn.execute(
            text(f"INSERT INTO {PHRASES_TABLE} (phrase) VALUES (:p)"), [{"p": p} for p in phrases]
        )


# The people ``{where}`` (a condition on ``p``) picks whose company's text holds a listed keyword
# phrase, as the keyword filter's text search finds them, in the primary key's order. Each
# phrase's query is parsed once, and each company's text checked against every phrase: for the
# few people an import or a company refresh writes.
_KEYWORDS_OF = (
    f"WITH v AS MATERIALIZED (SELECT phrase, phraseto_tsquery('simple', phrase) AS q "
    f"FROM {PHRASES_TABLE}) "
    f"INSERT INTO {KEYWORDS_TABLE} (phrase, seniority, person_id, loc) "
    "SELECT v.phrase, p.seniority, p.id, p.loc FROM prospect_people p "
    "JOIN prospect_companies c ON c.id = p.company_id JOIN v ON c.text_tsv @@ v.q "
    "WHERE {where} ORDER BY 1, 2, 3"
)
# Every person, phrase by phrase: each phrase's companies from the text index (the generator).
_ALL_KEYWORDS = (
    f"INSERT INTO {KEYWORDS_TABLE} (phrase, seniority, person_id, loc) "
    f"SELECT v.phrase, p.seniority, p.id, p.loc FROM {PHRASES_TABLE} v "
    "JOIN prospect_companies c ON c.text_tsv @@ phraseto_tsquery('simple', v.phrase) "
    "JOIN prospect_people p ON p.company_id = c.id ORDER BY 1, 2, 3"
)


def add_keyword_facts(conn: Connection, after_person: int | None = None) -> None:
    """PostgreSQL: copy the listed keyword phrases' matches onto the people with keys above
    ``after_person`` (just written, with their companies), or onto everyone (``None``: a full
    load, after ``choose_keyword_phrases``)."""
    if conn.dialect.name != "postgresql":
        return
    if after_person is None:
        conn.execute(text(_ALL_KEYWORDS))
    else:
        conn.execute(text(_KEYWORDS_OF.format(where="p.id > :after")), {"after": after_person})


def refresh_keyword_facts(conn: Connection, company_id: int) -> None:
    """PostgreSQL: copy a company's keyword matches onto its people again (after its name,
    description or keywords changed)."""
    if conn.dialect.name != "postgresql":
        return
    conn.execute(
        text(
            f"DELETE FROM {KEYWORDS_TABLE} WHERE person_id IN "
            "(SELECT id FROM prospect_people WHERE company_id = :company)"
        ),
        {"company": company_id},
    )
    conn.execute(
        text(_KEYWORDS_OF.format(where="p.company_id = :company")), {"company": company_id}
    )


def counts(conn: Connection) -> tuple[int, int]:
    people = conn.execute(text("SELECT count(*) FROM prospect_people")).scalar_one()
    companies = conn.execute(text("SELECT count(*) FROM prospect_companies")).scalar_one()
    return int(people), int(companies)


def max_ids(conn: Connection) -> tuple[int, int, int]:
    row = conn.execute(
        text(
            "SELECT (SELECT coalesce(max(id), 0) FROM prospect_people), "
            "(SELECT coalesce(max(id), 0) FROM prospect_companies), "
            "(SELECT coalesce(max(id), 0) FROM prospect_titles)"
        )
    ).one()
    return int(row[0]), int(row[1]), int(row[2])


def clear(conn: Connection) -> None:
    conn.execute(text("DELETE FROM prospect_people_facets_mark"))
    conn.execute(text("DELETE FROM prospect_people_facets"))
    if conn.dialect.name == "postgresql":
        conn.execute(
            text(
                f"TRUNCATE {FACTS_TABLE}, {KEYWORDS_TABLE}, {PHRASES_TABLE}, prospect_people, "
                "prospect_job_postings, prospect_company_technologies, prospect_companies, "
                "prospect_titles"
            )
        )
        return
    for table in (
        FACTS_TABLE,
        KEYWORDS_TABLE,
        PHRASES_TABLE,
        "prospect_people",
        "prospect_job_postings",
        "prospect_company_technologies",
        "prospect_companies",
        "prospect_titles",
    ):
        conn.execute(text(f"DELETE FROM {table}"))
    conn.execute(text(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('delete-all')"))


def _loaded_tables() -> list[Table]:
    """The tables whose secondary indexes are rebuilt after a full load."""
    names = (Person.__tablename__, JobPosting.__tablename__, CompanyTechnology.__tablename__)
    return [Person.metadata.tables[name] for name in names]


def drop_people_indexes(conn: Connection) -> None:
    for table in _loaded_tables():
        for index in table.indexes:
            index.drop(conn, checkfirst=True)


def create_people_indexes(conn: Connection) -> None:
    for table in _loaded_tables():
        for index in table.indexes:
            index.create(conn, checkfirst=True)


def refresh_facets(conn: Connection, counts: Counter[tuple[Any, ...]] | None = None) -> None:
    """Count the people again per seniority, department, email status and industry; or, when
    the loader already counted the rows it wrote (``count_facets``), store its ``counts``."""
    cols = ", ".join(FACET_COLUMNS)
    conn.execute(text("DELETE FROM prospect_people_facets_mark"))
    conn.execute(text("DELETE FROM prospect_people_facets"))
    if counts is None:
        conn.execute(
            text(
                f"INSERT INTO prospect_people_facets ({cols}, people) "
                f"SELECT {cols}, count(*) FROM prospect_people GROUP BY {cols}"
            )
        )
    elif counts:
        conn.execute(
            text(
                f"INSERT INTO prospect_people_facets ({cols}, people) VALUES (:s, :d, :e, :i, :n)"
            ),
            [
                {"s": s, "d": d, "e": e, "i": i, "n": n}
                for (s, d, e, i), n in sorted(counts.items(), key=_facet_order)
            ],
        )
    conn.execute(
        text(
            "INSERT INTO prospect_people_facets_mark (id, max_person_id, people) "
            "SELECT 1, coalesce(max(id), 0), count(*) FROM prospect_people"
        )
    )


def add_facets(conn: Connection, rows: list[tuple[Any, ...]], previous_max_id: int) -> None:
    """Count people rows just written (``PERSON_COLUMNS`` tuples, keys above
    ``previous_max_id``). Counts that were not current before stay unused until the next
    ``refresh_facets``."""
    if not rows:
        return
    moved = conn.execute(
        text(
            "UPDATE prospect_people_facets_mark SET max_person_id = :top, people = people + :n "
            "WHERE id = 1 AND max_person_id = :previous"
        ),
        {"top": max(r[0] for r in rows), "n": len(rows), "previous": previous_max_id},
    ).rowcount
    if moved != 1:
        return
    counts: Counter[tuple[Any, ...]] = Counter()
    count_facets(counts, rows)
    for (seniority, department, status, industry), n in sorted(counts.items(), key=_facet_order):
        key = {"s": seniority, "d": department, "e": status, "i": industry, "n": n}
        where = "seniority = :s AND department = :d AND email_status = :e AND " + (
            "industry IS NULL" if industry is None else "industry = :i"
        )
        updated = conn.execute(
            text(f"UPDATE prospect_people_facets SET people = people + :n WHERE {where}"), key
        ).rowcount
        if not updated:
            conn.execute(
                text(
                    "INSERT INTO prospect_people_facets "
                    "(seniority, department, email_status, industry, people) "
                    "VALUES (:s, :d, :e, :i, :n)"
                ),
                key,
            )


def finish_load(conn: Connection, facets: Counter[tuple[Any, ...]] | None = None) -> None:
    """Count the facets (or store the loader's ``facets``, see ``refresh_facets``), rebuild
    the company text index (SQLite) and refresh planner statistics."""
    refresh_facets(conn, facets)
    if conn.dialect.name == "sqlite":
        conn.execute(text(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')"))
        conn.execute(text(f"PRAGMA analysis_limit={_ANALYSIS_LIMIT}"))
        conn.execute(text("ANALYZE"))
    else:
        for table in _TABLES:
            conn.execute(text(f"ANALYZE {table}"))
        # Explicit ids were written; move the sequences past them for later imports.
        for table in (
            "prospect_titles",
            "prospect_companies",
            "prospect_people",
            "prospect_job_postings",
        ):
            conn.execute(
                text(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f"coalesce((SELECT max(id) FROM {table}), 0) + 1, false)"
                )
            )


def vacuum(conn: Connection) -> None:
    """PostgreSQL: set the visibility map so counts are index-only scans (needs autocommit)."""
    if conn.dialect.name == "postgresql":
        for table in _TABLES:
            conn.execute(text(f"VACUUM ANALYZE {table}"))
