"""Prospect search latency over a generated universe, against the same queries in plain SQL.

    python benchmarks/bench_generate.py --people 1000000 --database-url sqlite:////tmp/u1m.db --fresh
    python benchmarks/bench_search.py --database-url sqlite:////tmp/u1m.db --repeat 30

For each query of the set, ``service.search`` runs ``--repeat`` times (after one warm-up) in its
own read transaction, as a request would: the exact total plus one page of 25 Prospect objects.
The same question is then asked in hand-written SQL on the same connection pool, and the report
gives p50/p99 of both and the ratio of the p50s. Results are printed as one JSON object per
line, then a summary table.

The hand-written SQL answers the whole question the search answers, in two statements: the count,
and the page with every field a Prospect shows (``FULL_PAGE_SQL``): the page in the search's
order (people whose title equals a searched title first, then the other title matches, each by
key), each person with their title and company, the company's funding and growth, the person's
role start and previous company, and per company its open postings counted per title and
department (for a hiring search only the postings it asked for) and its technologies first seen
in the last 90 days (for a technology-adoption search only those). The report checks that the
totals and the pages' people are the same. ``core_sql`` is the narrower SQL of earlier runs (a
page of keys in key order joined to title and company only), kept for comparison with them.

On PostgreSQL after migration 0021 the keyword queries' SQL reads the keyword matches copied onto
people (``KEYWORD_COPIES``); their total over the companies' text is then counted once as well
(``text_sql_total``) and must be the same.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import time
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import text

from lexi.db.engine import make_engine
from lexi.db.session import Database
from lexi.prospects import service
from lexi.prospects.filters import ProspectFilters
from lexi.prospects.ids import person_key

# The titles each searched title matches, spelled out for the hand-written SQL; filled from the
# universe's titles table at start-up (``spell_titles``), as someone writing the SQL would list them.
CEO = CTO = CFO = VP_SALES = FOUNDER = PARTNER = GC = ""
# The titles that equal each searched title (after synonyms): the search shows these people
# first. Filled by ``spell_titles`` too, under the same names.
EXACT: dict[str, str] = {}
_SPELLED = {
    "CEO": "CEO",
    "CTO": "CTO",
    "CFO": "CFO",
    "VP_SALES": "VP Sales",
    "FOUNDER": "Founder",
    "PARTNER": "Partner",
    "GC": "General Counsel",
}


def spell_titles(conn) -> None:  # type: ignore[no-untyped-def]
    from lexi.prospects.title_index import TitleIndex

    rows = [(int(r[0]), r[1]) for r in conn.execute(text("SELECT id, title FROM prospect_titles"))]
    index = TitleIndex(rows)
    names = dict(rows)
    for var, query in _SPELLED.items():
        exact, partial = index.match([query])
        quoted = ", ".join("'" + names[i].replace("'", "''") + "'" for i in exact + partial)
        globals()[var] = quoted or "''"
        if exact and partial:
            EXACT[quoted or "''"] = ", ".join(
                "'" + names[i].replace("'", "''") + "'" for i in exact
            )


def titles(names: str) -> str:
    return f"p.title_id IN (SELECT id FROM prospect_titles WHERE title IN ({names}))"


def city(key: str, column: str = "loc") -> str:
    return f"p.{column} = '{key}'"


def prefix(p: str, column: str = "loc") -> str:
    hi = p[:-1] + "}"
    return f"(p.{column} >= '{p}' AND p.{column} < '{hi}')"


def company_text(phrase: str, dialect: str, tech: bool = False) -> str:
    if dialect == "sqlite":
        cols = "technologies" if tech else "name description keywords"
        return (
            f"p.company_id IN (SELECT rowid FROM prospect_companies_fts WHERE "
            f"prospect_companies_fts MATCH '{{{cols}}} : \"{phrase}\"')"
        )
    # The GIN-indexed expression over technologies; the stored vector of name, description and
    # keywords (migration 0015).
    expr = "to_tsvector('simple', coalesce(technologies, ''))" if tech else "text_tsv"
    return f"p.company_id IN (SELECT id FROM prospect_companies WHERE {expr} @@ phraseto_tsquery('simple', '{phrase}'))"


def company(where: str) -> str:
    return f"p.company_id IN (SELECT id FROM prospect_companies WHERE {where})"


def ago(days: int) -> str:
    return (datetime.now(timezone.utc).date() - timedelta(days=days)).isoformat()


# (name, kind, filters, hand-written WHERE over prospect_people p)
QUERIES = [
    (
        "ceo_law_nyc",
        "title+industry+place",
        {"titles": ["CEO"], "industries": ["Law Practice"], "locations": ["New York, NY, US"]},
        lambda d: f"{titles(CEO)} AND p.industry = 'Law Practice' AND {city('US|NY|New York')}",
    ),
    (
        "ceo_law_california",
        "title+industry+place",
        {"titles": ["CEO"], "industries": ["Law Practice"], "locations": ["CA, US"]},
        lambda d: f"{titles(CEO)} AND p.industry = 'Law Practice' AND {prefix('US|CA|')}",
    ),
    (
        "partner_law_london",
        "title+industry+place",
        {"titles": ["Partner"], "industries": ["Law Practice"], "locations": ["London, GB"]},
        lambda d: f"{titles(PARTNER)} AND p.industry = 'Law Practice' AND {city('GB||London')}",
    ),
    (
        "cfo_banking_texas",
        "title+industry+place",
        {"titles": ["CFO"], "industries": ["Banking"], "locations": ["TX, US"]},
        lambda d: f"{titles(CFO)} AND p.industry = 'Banking' AND {prefix('US|TX|')}",
    ),
    (
        "cto_saas_51_200_california",
        "title+size+place",
        {
            "titles": ["CTO"],
            "industries": ["Computer Software"],
            "employees": "51-200",
            "locations": ["CA, US"],
        },
        lambda d: (
            f"{titles(CTO)} AND p.industry = 'Computer Software' AND p.employees BETWEEN 51 AND 200 AND {prefix('US|CA|')}"
        ),
    ),
    (
        "vp_sales_201_1000_us",
        "title+size+place",
        {"titles": ["VP Sales"], "employees": {"min": 201, "max": 1000}, "locations": ["US"]},
        lambda d: f"{titles(VP_SALES)} AND p.employees BETWEEN 201 AND 1000 AND {prefix('US|')}",
    ),
    (
        "ceo_1_10_london",
        "title+size+place",
        {"titles": ["CEO"], "employees": "1-10", "locations": ["London, GB"]},
        lambda d: f"{titles(CEO)} AND p.employees BETWEEN 1 AND 10 AND {city('GB||London')}",
    ),
    (
        "gc_1001_plus",
        "title+size",
        {"titles": ["General Counsel"], "employees": {"min": 1001}},
        lambda d: f"{titles(GC)} AND p.employees >= 1001",
    ),
    (
        "founder_germany",
        "title+place",
        {"titles": ["Founder"], "locations": ["DE"]},
        lambda d: f"{titles(FOUNDER)} AND {prefix('DE|')}",
    ),
    (
        "ceo_revenue_10m_100m",
        "title+revenue",
        {"titles": ["CEO"], "revenue_usd": {"min": 10_000_000, "max": 100_000_000}},
        lambda d: f"{titles(CEO)} AND p.revenue_usd BETWEEN 10000000 AND 100000000",
    ),
    (
        "director_engineering_london",
        "seniority+department+place",
        {"seniorities": ["director"], "departments": ["engineering"], "locations": ["London, GB"]},
        lambda d: (
            f"p.seniority = 'director' AND p.department = 'engineering' AND {city('GB||London')}"
        ),
    ),
    (
        "sales_new_york_state",
        "department+place",
        {"departments": ["sales"], "locations": ["NY, US"]},
        lambda d: f"p.department = 'sales' AND {prefix('US|NY|')}",
    ),
    (
        "hospitals_texas",
        "industry+place",
        {"industries": ["Hospital & Health Care"], "locations": ["TX, US"]},
        lambda d: f"p.industry = 'Hospital & Health Care' AND {prefix('US|TX|')}",
    ),
    (
        "keyword_legal_automation",
        "keyword-only",
        {"keywords": ["legal automation"]},
        lambda d: company_text("legal automation", d),
    ),
    (
        "keyword_cybersecurity_us_vp",
        "keyword+seniority+place",
        {"keywords": ["cybersecurity"], "seniorities": ["vp"], "locations": ["US"]},
        lambda d: f"{company_text('cybersecurity', d)} AND p.seniority = 'vp' AND {prefix('US|')}",
    ),
    (
        "tech_salesforce_vp",
        "technology+seniority",
        {"technologies": ["Salesforce"], "seniorities": ["vp"]},
        lambda d: f"{company_text('salesforce', d, tech=True)} AND p.seniority = 'vp'",
    ),
    (
        "seniority_manager",
        "broad seniority-only",
        {"seniorities": ["manager"]},
        lambda d: "p.seniority = 'manager'",
    ),
    (
        "seniority_entry",
        "broad seniority-only",
        {"seniorities": ["entry"]},
        lambda d: "p.seniority = 'entry'",
    ),
    (
        "c_suite_verified",
        "broad seniority+email",
        {"seniorities": ["c_suite"], "email_status": ["verified"]},
        lambda d: "p.seniority = 'c_suite' AND p.email_status = 'verified'",
    ),
    (
        "partners_law_outside_us",
        "exclusion",
        {"titles": ["Partner"], "industries": ["Law Practice"], "exclude_locations": ["US"]},
        lambda d: (
            f"{titles(PARTNER)} AND p.industry = 'Law Practice' "
            "AND (p.loc IS NULL OR NOT (p.loc >= 'US|' AND p.loc < 'US}'))"
        ),
    ),
    (
        "cfo_verified_london",
        "title+email+city",
        {"titles": ["CFO"], "email_status": ["verified"], "locations": ["London, GB"], "limit": 10},
        lambda d: f"{titles(CFO)} AND p.email_status = 'verified' AND {city('GB||London')}",
    ),
    (
        "vp_sales_verified_texas",
        "title+email+region",
        {
            "titles": ["VP Sales"],
            "email_status": ["verified"],
            "locations": ["TX, US"],
            "limit": 10,
        },
        lambda d: f"{titles(VP_SALES)} AND p.email_status = 'verified' AND {prefix('US|TX|')}",
    ),
    (
        "ceo_company_in_nyc",
        "title+company place",
        {"titles": ["CEO"], "company_locations": ["New York, NY, US"]},
        lambda d: f"{titles(CEO)} AND {city('US|NY|New York', 'company_loc')}",
    ),
    (
        "zero_unknown_title",
        "zero-result",
        {"titles": ["Chief Galactic Officer"]},
        lambda d: (
            "p.title_id IN (SELECT id FROM prospect_titles WHERE title IN ('Chief Galactic Officer'))"
        ),
    ),
    (
        "zero_impossible_size",
        "zero-result",
        {"titles": ["CEO"], "employees": {"min": 10_000_000}},
        lambda d: f"{titles(CEO)} AND p.employees >= 10000000",
    ),
    ("everyone", "empty filters", {}, lambda d: "1 = 1"),
    # Buying signals (issue: every combination p99 under 50 ms at 1M). Day counts resolve
    # against today, as the search does.
    (
        "founders_series_a",
        "seniority+funding stage",
        {"seniorities": ["founder"], "funding_stages": ["series_a"]},
        lambda d: "p.seniority = 'founder' AND " + company("funding_stage = 'series_a'"),
    ),
    (
        "ceo_raised_2025",
        "title+funding date",
        {"titles": ["CEO"], "last_funding": {"after": "2025-01-01", "before": "2025-12-31"}},
        lambda d: (
            f"{titles(CEO)} AND " + company("last_funding_on BETWEEN '2025-01-01' AND '2025-12-31'")
        ),
    ),
    (
        "cto_growing_fast_ca",
        "title+growth+region",
        {"titles": ["CTO"], "headcount_growth_pct": {"min": 20}, "locations": ["CA, US"]},
        lambda d: f"{titles(CTO)} AND {prefix('US|CA|')} AND " + company("growth_12m_pct >= 20"),
    ),
    (
        "sales_vps_hiring_sales_30d",
        "seniority+department+hiring",
        {
            "seniorities": ["vp"],
            "departments": ["sales"],
            "hiring_for": {"departments": ["sales"], "posted_within_days": 30},
        },
        lambda d: (
            "p.seniority = 'vp' AND p.department = 'sales' AND p.company_id IN (SELECT company_id FROM "
            f"prospect_job_postings WHERE department = 'sales' AND posted_on >= '{ago(30)}')"
        ),
    ),
    (
        "vp_new_in_role_90d",
        "seniority+job change",
        {"seniorities": ["vp"], "job_change_within_days": 90},
        lambda d: f"p.seniority = 'vp' AND p.role_started_on >= '{ago(90)}'",
    ),
    (
        "ceo_adopted_salesforce_90d",
        "title+technology adopted",
        {"titles": ["CEO"], "technologies": ["Salesforce"], "technologies_added_within_days": 90},
        lambda d: (
            f"{titles(CEO)} AND p.company_id IN (SELECT company_id FROM prospect_company_technologies "
            f"WHERE tech_key = 'salesforce' AND first_seen_on >= '{ago(90)}')"
        ),
    ),
]

# The postings a hiring search asks for and the technologies an adoption search asks for, per
# query (the search shows only those in its signals).
POSTINGS = {
    "sales_vps_hiring_sales_30d": lambda: f"department = 'sales' AND posted_on >= '{ago(30)}'",
}
TECHNOLOGIES = {"ceo_adopted_salesforce_90d": "tech_key = 'salesforce'"}
RECENT_TECH_DAYS = 90

# PostgreSQL from migration 0021: the people a listed keyword phrase matches are copied onto
# them with their seniority and place (``prospect_people_company_keywords``), so the best
# hand-written SQL counts, and reads the page's keys from, one range of that table's key (the
# place checked inside its index) instead of the companies' text index. Used when the phrase is
# listed (``prospect_keyword_phrases``); otherwise the SQL above. With no seniority the page is
# the first keys of each seniority's range (the seniorities the facet counts hold), merged,
# rather than every match sorted.
KEYWORD_COPIES = {
    "keyword_legal_automation": ("legal automation", None),
    "keyword_cybersecurity_us_vp": (
        "cybersecurity",
        "seniority = 'vp' AND loc >= 'US|' AND loc < 'US}'",
    ),
}


def keyword_copies(conn, name: str) -> str | None:  # type: ignore[no-untyped-def]
    """The condition on ``prospect_people_company_keywords`` that answers query ``name``, when
    this universe lists its phrase; else None."""
    if conn.dialect.name != "postgresql" or name not in KEYWORD_COPIES:
        return None
    phrase, rest = KEYWORD_COPIES[name]
    if not conn.execute(text("SELECT to_regclass('prospect_keyword_phrases')")).scalar():
        return None  # a universe from before migration 0021
    listed = conn.execute(
        text("SELECT count(*) FROM prospect_keyword_phrases WHERE phrase = :p"), {"p": phrase}
    ).scalar_one()
    if not listed:
        return None
    return f"phrase = '{phrase}'" + (f" AND {rest}" if rest else "")


def first_titles(where: str) -> str | None:
    """The condition "the title equals a searched title" of a query whose titles also match
    others (those come after: the search's order), or None."""
    for spelled, exact in EXACT.items():
        if titles(spelled) in where:
            return titles(exact)
    return None


def full_page_sql(
    name: str, where: str, dialect: str, limit: int = 25, copies: str | None = None
) -> str:
    """The page with everything a Prospect shows, in the search's order (see the docstring);
    with ``copies`` (see ``keyword_copies``) the page's keys come from the keyword matches."""
    first = first_titles(where)
    if copies is not None and "seniority" not in copies:
        page = (
            "SELECT run.person_id AS id, 0 AS grp FROM (SELECT DISTINCT seniority FROM "
            "prospect_people_facets) s CROSS JOIN LATERAL (SELECT person_id FROM "
            f"prospect_people_company_keywords k WHERE {copies} AND k.seniority = s.seniority "
            f"ORDER BY person_id LIMIT {limit}) run ORDER BY 1 LIMIT {limit}"
        )
    elif copies is not None:
        page = (
            "SELECT person_id AS id, 0 AS grp FROM prospect_people_company_keywords "
            f"WHERE {copies} ORDER BY person_id LIMIT {limit}"
        )
    elif first is None:
        page = (
            f"SELECT p.id, 0 AS grp FROM prospect_people p WHERE {where} ORDER BY p.id "
            f"LIMIT {limit}"
        )
    else:
        # Each group's first 25 from its own index walk, then the first 25 of both.
        page = (
            f"SELECT id, grp FROM (SELECT * FROM (SELECT p.id, 0 AS grp FROM prospect_people p "
            f"WHERE {where} AND {first} ORDER BY p.id LIMIT {limit}) a UNION ALL SELECT * FROM "
            f"(SELECT p.id, 1 AS grp FROM prospect_people p WHERE {where} AND NOT {first} "
            f"ORDER BY p.id LIMIT {limit}) b) ab ORDER BY grp, id LIMIT {limit}"
        )
    if dialect == "sqlite":
        agg, arr = "json_group_array", "json_array"
    else:
        agg, arr = "json_agg", "json_build_array"
    companies = "SELECT pp.company_id FROM page JOIN prospect_people pp ON pp.id = page.id"
    postings = f" AND {POSTINGS[name]()}" if name in POSTINGS else ""
    technologies = f" AND {TECHNOLOGIES[name]}" if name in TECHNOLOGIES else ""
    return (
        f"WITH page AS ({page}) "
        "SELECT p.id, p.first_name, p.last_name, t.title, p.seniority, p.department, p.email, "
        "p.email_status, p.phone, p.city, p.state, p.country, p.linkedin_url, c.id, c.name, "
        "c.domain, c.industry, c.employee_count, c.revenue_usd, c.city, c.state, c.country, "
        "c.funding_stage, c.last_funding_on, c.last_funding_usd, c.funding_total_usd, "
        "c.growth_12m_pct, c.growth_6m_pct, c.last_funding_investors, p.role_started_on, "
        "p.prev_company_name, h.postings, h.latest_posted_on, k.technologies "
        "FROM page JOIN prospect_people p ON p.id = page.id "
        "LEFT JOIN prospect_titles t ON t.id = p.title_id "
        "LEFT JOIN prospect_companies c ON c.id = p.company_id "
        f"LEFT JOIN (SELECT g.company_id, {agg}({arr}(nullif(gt.title, ''), g.department, g.n)) "
        "AS postings, max(g.latest) AS latest_posted_on FROM (SELECT company_id, title_id, "
        "department, count(*) AS n, max(posted_on) AS latest FROM prospect_job_postings "
        f"WHERE company_id IN ({companies}){postings} GROUP BY company_id, title_id, department) g "
        "LEFT JOIN prospect_titles gt ON gt.id = g.title_id GROUP BY g.company_id) h "
        "ON h.company_id = p.company_id "
        f"LEFT JOIN (SELECT company_id, {agg}({arr}(tech_key, technology, first_seen_on)) "
        f"AS technologies FROM prospect_company_technologies WHERE company_id IN ({companies}) "
        f"AND first_seen_on >= '{ago(RECENT_TECH_DAYS)}'{technologies} GROUP BY company_id) k "
        "ON k.company_id = p.company_id "
        "ORDER BY page.grp, p.id"
    )


# The narrower SQL of earlier runs: a page of keys in key order, with title and company only.
PAGE_SQL = (
    "SELECT p.id, p.first_name, p.last_name, t.title, p.seniority, p.department, p.email, "
    "p.email_status, p.phone, p.city, p.state, p.country, p.linkedin_url, c.id, c.name, c.domain, "
    "c.industry, c.employee_count, c.revenue_usd, c.city, c.state, c.country "
    "FROM prospect_people p LEFT JOIN prospect_titles t ON t.id = p.title_id "
    "LEFT JOIN prospect_companies c ON c.id = p.company_id "
    "WHERE p.id IN (SELECT p.id FROM prospect_people p WHERE {where} ORDER BY p.id LIMIT 25) "
    "ORDER BY p.id"
)


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--only", help="Run only queries whose name contains this text.")
    args = parser.parse_args()
    db = Database(make_engine(args.database_url, pool_size=2))
    dialect = db.engine.dialect.name
    with db.engine.connect() as conn:
        people = conn.execute(text("SELECT count(*) FROM prospect_people")).scalar_one()
        spell_titles(conn)
    header = {
        "benchmark": "search",
        "date": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "machine": f"{platform.machine()} {os.cpu_count()} cpu, Python {platform.python_version()}",
        "database": dialect,
        "people": people,
        "repeat": args.repeat,
    }
    print(json.dumps(header), flush=True)
    rows = []
    for name, kind, data, where_of in QUERIES:
        if args.only and args.only not in name:
            continue
        filters = ProspectFilters.parse(data)
        where = where_of(dialect)
        with db.engine.connect() as conn:
            copies = keyword_copies(conn, name)
        full_sql = text(full_page_sql(name, where, dialect, filters.limit, copies))
        count_sql = text(f"SELECT count(*) FROM prospect_people p WHERE {where}")
        text_total = None
        if copies is not None:
            with db.engine.connect() as conn:  # the companies' text, once: the copies agree
                text_total = conn.execute(count_sql).scalar_one()
            count_sql = text(
                f"SELECT count(*) FROM prospect_people_company_keywords WHERE {copies}"
            )
            where = (
                f"p.id IN (SELECT person_id FROM prospect_people_company_keywords WHERE {copies})"
            )
        lexi_ms: list[float] = []
        sql_ms: list[float] = []
        core_ms: list[float] = []
        total = sql_total = 0
        page: list[int | None] = []
        sql_page: list[int] = []
        for i in range(args.repeat + 1):
            t0 = time.perf_counter()
            with db.unit_of_work(write=False) as session:
                result = service.search(session, filters)
            t1 = time.perf_counter()
            with db.engine.connect() as conn:
                sql_total = conn.execute(count_sql).scalar_one()
                sql_page = [r[0] for r in conn.execute(full_sql).all()]
            t2 = time.perf_counter()
            with db.engine.connect() as conn:
                conn.execute(count_sql)
                conn.execute(text(PAGE_SQL.format(where=where))).all()
            t3 = time.perf_counter()
            total = result.total
            page = [person_key(uuid.UUID(p["id"])) for p in result.prospects]
            if i:  # the first run warms caches
                lexi_ms.append((t1 - t0) * 1000)
                sql_ms.append((t2 - t1) * 1000)
                core_ms.append((t3 - t2) * 1000)
        row = {
            "query": name,
            "kind": kind,
            "total": total,
            "sql_total": sql_total,
            **({"text_sql_total": text_total} if text_total is not None else {}),
            "same_page": page == sql_page,
            "p50_ms": round(statistics.median(lexi_ms), 2),
            "p99_ms": round(pct(lexi_ms, 0.99), 2),
            "sql_p50_ms": round(statistics.median(sql_ms), 2),
            "sql_p99_ms": round(pct(sql_ms, 0.99), 2),
            "core_sql_p50_ms": round(statistics.median(core_ms), 2),
        }
        row["ratio_p50"] = round(row["p50_ms"] / max(row["sql_p50_ms"], 0.01), 2)
        row["core_ratio_p50"] = round(row["p50_ms"] / max(row["core_sql_p50_ms"], 0.01), 2)
        rows.append(row)
        print(json.dumps(row), flush=True)
    worst = max(rows, key=lambda r: r["p99_ms"])
    print(
        f"\n{'query':32} {'total':>9} {'p50':>7} {'p99':>7} {'sql p50':>8} {'ratio':>6} "
        f"{'core p50':>8} {'ratio':>6}"
    )
    for r in rows:
        flag = "" if r["total"] == r["sql_total"] else "  (totals differ)"
        flag += "" if r.get("text_sql_total", r["total"]) == r["total"] else "  (text differs)"
        flag += "" if r["same_page"] else "  (pages differ)"
        print(
            f"{r['query']:32} {r['total']:>9} {r['p50_ms']:>7} {r['p99_ms']:>7} "
            f"{r['sql_p50_ms']:>8} {r['ratio_p50']:>6} {r['core_sql_p50_ms']:>8} "
            f"{r['core_ratio_p50']:>6}{flag}"
        )
    print(f"worst p99: {worst['p99_ms']} ms ({worst['query']})")
    db.dispose()


if __name__ == "__main__":
    main()
