"""Queries over the prospect universe. Every structured filter is a condition on one table."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import namedtuple
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import (
    ARRAY,
    ColumnElement,
    Integer,
    Select,
    and_,
    any_,
    bindparam,
    case,
    delete,
    extract,
    func,
    insert,
    not_,
    or_,
    select,
    text,
    true,
    union_all,
    update,
)
from sqlalchemy.orm import Session

from lexi.models.prospect import (
    Company,
    CompanyTechnology,
    JobPosting,
    JobTitle,
    KeywordPhrase,
    PeopleFacet,
    PeopleFacetMark,
    Person,
    PersonCompanyFact,
    PersonCompanyKeyword,
)
from lexi.prospects.statements import STATEMENTS, Shaped, keep

P = Person.__table__.c
C = Company.__table__.c
T = JobTitle.__table__.c
J = JobPosting.__table__.c
K = CompanyTechnology.__table__.c
F = PeopleFacet.__table__.c
M = PeopleFacetMark.__table__.c
X = PersonCompanyFact.__table__.c
W = PersonCompanyKeyword.__table__.c
V = KeywordPhrase.__table__.c

# What the PostgreSQL GIN indexes are built on (see the migrations): the stored vector of a
# company's name, description and keywords, and an expression over its technologies (which must
# match the index's exactly).
_PG_TEXT = "text_tsv"
_PG_TECH = "to_tsvector('simple', coalesce(technologies, ''))"
# Memory for each sort or hash of a search transaction on PostgreSQL: the people a technology
# and seniority match at 10M (107,060 VPs at companies using Salesforce) are counted once each in
# a hash of about 11 MB, which the default 4 MB spilled to disk in five batches (450 ms).
_PG_WORK_MEM = "32MB"


@dataclass
class PersonQuery:
    """Structured conditions, already translated to column values by the service."""

    title_ids: list[int] | None = None
    seniorities: list[str] = field(default_factory=list)
    departments: list[str] = field(default_factory=list)
    industries: list[str] = field(default_factory=list)
    exclude_industries: list[str] = field(default_factory=list)
    email_status: list[str] = field(default_factory=list)
    employees: tuple[int | None, int | None] | None = None
    revenue: tuple[int | None, int | None] | None = None
    places: list[tuple[str, str | None]] = field(default_factory=list)
    exclude_places: list[tuple[str, str | None]] = field(default_factory=list)
    company_places: list[tuple[str, str | None]] = field(default_factory=list)
    exclude_company_places: list[tuple[str, str | None]] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    technologies: list[str] = field(default_factory=list)
    company_ids: list[int] | None = None  # None: any company; []: no company matched
    exclude_ids: list[int] = field(default_factory=list)  # people left out (saved, in lists)
    signals: SignalQuery | None = None
    # Conditions of the filters extensions registered (``FilterSpec.where``), on the people
    # table's columns.
    conditions: list[ColumnElement[bool]] = field(default_factory=list)


@dataclass
class SignalQuery:
    """Buying-signal conditions with dates already resolved against today."""

    funding_stages: list[str] = field(default_factory=list)
    funded_after: date | None = None
    funded_before: date | None = None
    total_funding: tuple[int | None, int | None] | None = None
    growth_months: int = 12
    growth: tuple[int | None, int | None] | None = None
    hiring: bool = False
    hiring_title_ids: list[int] | None = None  # None: any title; []: no title matched
    hiring_departments: list[str] = field(default_factory=list)
    hiring_seniorities: list[str] = field(default_factory=list)
    posted_since: date | None = None
    role_started_since: date | None = None
    tech_keys: list[str] = field(default_factory=list)
    tech_since: date | None = None


@dataclass
class FactQuery:
    """People whose company has one of ``values`` of a fact ``kind`` ("t" a technology key, "f"
    a funding stage) and whose seniority is one of ``seniorities``: ranges of the primary key of
    ``prospect_people_company_facts``, each in the order of the people's keys.

    Kind "k": people whose company's text holds one of the keyword phrases ``values`` (ranges
    of ``prospect_people_company_keywords``), with any seniority when ``seniorities`` is empty,
    and whose own place is in one of ``places`` (when given) and in none of
    ``exclude_places``."""

    kind: str
    values: list[str]
    seniorities: list[str]
    exclude_ids: list[int] = field(default_factory=list)
    places: list[tuple[str, str | None]] = field(default_factory=list)
    exclude_places: list[tuple[str, str | None]] = field(default_factory=list)


Buckets = Sequence[tuple[str, int, int | None]]


def _posting_conditions(q: SignalQuery) -> list[ColumnElement[bool]]:
    """The job postings a hiring signal asks for (titles, departments, seniorities, how recent)."""
    where: list[ColumnElement[bool]] = []
    if q.hiring_title_ids is not None:
        where.append(J.title_id.in_(q.hiring_title_ids))
    if q.hiring_departments:
        where.append(J.department.in_(q.hiring_departments))
    if q.hiring_seniorities:
        where.append(J.seniority.in_(q.hiring_seniorities))
    if q.posted_since is not None:
        where.append(J.posted_on >= q.posted_since)
    return where


def _adoption_implies_use(q: PersonQuery) -> bool:
    """Whether the technologies-adopted signal already holds ``q.technologies``: a company that
    first used one of those technologies within the window uses it, so the text match over every
    company's technologies (a fifth of all companies use Salesforce) adds nothing."""
    s = q.signals
    if s is None or s.tech_since is None or not s.tech_keys:
        return False
    return set(s.tech_keys) <= {t.lower() for t in q.technologies}


def _size_bucket(column: Any, buckets: Buckets, unknown: str = "unknown") -> Any:
    """The label of the bucket ``column`` falls in (``unknown`` when it falls in none, as NULL
    does). ``buckets`` are (label, min, max) in ascending order, the last one open-ended."""
    return case(
        *[
            (column <= high, name) if high is not None else (column >= low, name)
            for name, low, high in buckets
        ],
        else_=unknown,
    )


def _bucket_names(buckets: Buckets, seen: Any, unknown: str = "unknown") -> list[str]:
    """The buckets' labels in order, then ``unknown`` when some row fell in none."""
    return [b[0] for b in buckets] + ([unknown] if unknown in seen else [])


# Headcount change in percent (12 or 6 months); NULL (no earlier headcount) is "unknown".
GROWTH_BUCKETS: list[tuple[str, int, int | None]] = [
    ("shrinking", -100, -1),
    ("0-9%", 0, 9),
    ("10-19%", 10, 19),
    ("20-49%", 20, 49),
    ("50%+", 50, None),
]
# Total raised in USD; NULL (nothing raised) is "none".
FUNDING_TOTAL_BUCKETS: list[tuple[str, int, int | None]] = [
    ("under $1M", 0, 999_999),
    ("$1M-10M", 1_000_000, 9_999_999),
    ("$10M-50M", 10_000_000, 49_999_999),
    ("$50M-100M", 50_000_000, 99_999_999),
    ("$100M-1B", 100_000_000, 999_999_999),
    ("$1B+", 1_000_000_000, None),
]
# Company age in years (this year minus the year founded).
AGE_BUCKETS: list[tuple[str, int, int | None]] = [
    ("0-2 years", 0, 2),
    ("3-5 years", 3, 5),
    ("6-10 years", 6, 10),
    ("11-20 years", 11, 20),
    ("21+ years", 21, None),
]


class _Binds:
    """How ``ProspectRepository.branches`` writes a query's values into its conditions: as
    they are (SQLAlchemy binds each one for the statement at hand), or ``named`` after their
    place in the query (see ``query_shape``), so that the conditions serve every query of the
    same shape and the values come with each statement that runs them."""

    def __init__(self, named: bool) -> None:
        self.named = named

    def one(self, name: str, value: Any, column: Any) -> Any:
        return bindparam(name, type_=column.type) if self.named else value

    def each(self, name: str, values: Sequence[Any], column: Any) -> list[Any]:
        if not self.named:
            return list(values)
        return [bindparam(f"{name}_{i}", type_=column.type) for i in range(len(values))]

    def among(self, column: Any, name: str, values: Sequence[Any]) -> ColumnElement[bool]:
        """``column`` is one of ``values`` (an equality for one value)."""
        bound = self.each(name, values, column)
        return column.in_(bound) if len(bound) > 1 else column == bound[0]


_LITERAL = _Binds(named=False)
_NAMED = _Binds(named=True)


def _in_place(
    column: Any, place: tuple[str, str | None], binds: _Binds = _LITERAL, name: str = "place"
) -> ColumnElement[bool]:
    low, high = place
    if high is None:
        return column == binds.one(name, low, column)
    return and_(
        column >= binds.one(name, low, column), column < binds.one(f"{name}_end", high, column)
    )


def _between(
    column: Any,
    bounds: tuple[int | None, int | None],
    binds: _Binds = _LITERAL,
    name: str = "bound",
) -> list[ColumnElement[bool]]:
    low, high = bounds
    out = []
    if low is not None:
        out.append(column >= binds.one(f"{name}_min", low, column))
    if high is not None:
        out.append(column <= binds.one(f"{name}_max", high, column))
    return out


# The fields of a query whose values ``query_shape`` names, by kind.
_SHAPE_LISTS = ("seniorities", "departments", "industries", "email_status", "exclude_industries")
_SHAPE_RANGES = ("employees", "revenue")
_SHAPE_PLACES = ("places", "exclude_places", "company_places", "exclude_company_places")


def query_shape(q: PersonQuery) -> tuple[tuple[Any, ...], dict[str, Any]] | None:
    """The shape of ``q`` and its values by parameter name, when ``branches`` can build its
    conditions from the shape alone: which filters it names, how many values each has, which
    bounds of a range are given and which places are key ranges (a region or country) rather
    than one key (a city). None when ``q`` checks a set of companies (keywords, technologies,
    named companies, signals: how it does depends on the values), leaves people out (their
    keys are written into the statement) or holds an extension's conditions."""
    if (
        q.company_ids is not None
        or q.signals is not None
        or q.exclude_ids
        or q.keywords
        or q.technologies
        or q.conditions
    ):
        return None
    titles = q.title_ids
    key: list[Any] = [None if titles is None else len(titles)]
    params: dict[str, Any] = {f"title_ids_{i}": t for i, t in enumerate(titles or [])}
    for name in _SHAPE_LISTS:
        values = getattr(q, name)
        key.append(len(values))
        params.update((f"{name}_{i}", v) for i, v in enumerate(values))
    for name in _SHAPE_RANGES:
        bounds = getattr(q, name)
        key.append(None if bounds is None else tuple(b is not None for b in bounds))
        if bounds is not None:
            params[f"{name}_min"], params[f"{name}_max"] = bounds
    for name in _SHAPE_PLACES:
        places = getattr(q, name)
        key.append(tuple(high is None for _, high in places))
        for i, (low, high) in enumerate(places):
            params[f"{name}_{i}"], params[f"{name}_{i}_end"] = low, high
    return tuple(key), params


def _words(phrase: str) -> list[str]:
    return re.findall(r"\w+", phrase.lower())


@functools.lru_cache(maxsize=4096)
def _tokens(text: str) -> list[str]:
    """Words as SQLite's full-text index splits and folds them: runs of letters and digits,
    lower case, accents dropped."""
    folded = "".join(
        ch for ch in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(ch)
    )
    return re.findall(r"[^\W_]+", folded)


def _holds(words: list[str], phrase: list[str]) -> bool:
    """Whether ``phrase`` occurs in ``words`` as a run of consecutive words."""
    n = len(phrase)
    return any(words[i : i + n] == phrase for i in range(len(words) - n + 1))


def _fact_filters(q: PersonQuery) -> tuple[str, list[str]] | None:
    """The one company fact ``q`` filters on besides seniorities (and people left out), as
    ("t", technology phrases) or ("f", funding stages); None when ``q`` filters on anything else,
    on more than one fact, or on no seniority."""
    if not q.seniorities or (
        q.title_ids is not None
        or q.company_ids is not None
        or q.departments
        or q.industries
        or q.exclude_industries
        or q.email_status
        or q.employees
        or q.revenue
        or q.places
        or q.exclude_places
        or q.company_places
        or q.exclude_company_places
        or q.keywords
        or q.conditions
    ):
        return None
    s = q.signals
    stages = s.funding_stages if s is not None else []
    if s is not None and (
        not stages
        or s.funded_after
        or s.funded_before
        or s.total_funding
        or s.growth
        or s.hiring
        or s.role_started_since
        or s.tech_since
    ):
        return None
    if q.technologies and not stages:
        return "t", list(q.technologies)
    if stages and not q.technologies:
        return "f", list(stages)
    return None


def _keyword_filters(q: PersonQuery) -> bool:
    """Whether ``q`` filters on keywords and otherwise only on what the keyword matches copied
    onto people hold: seniorities, the people's own places and place exclusions, and people
    left out."""
    return bool(q.keywords) and not (
        q.title_ids is not None
        or q.company_ids is not None
        or q.signals is not None
        or q.departments
        or q.industries
        or q.exclude_industries
        or q.email_status
        or q.employees
        or q.revenue
        or q.company_places
        or q.exclude_company_places
        or q.technologies
        or q.conditions
    )


def _fts_query(phrases: Sequence[str], columns: str) -> str | None:
    parts = ['"' + " ".join(words) + '"' for words in map(_words, phrases) if words]
    if not parts:
        return None
    return f"{{{columns}}} : ({' OR '.join(parts)})"


def _narrow(place: tuple[str, str | None]) -> bool:
    """Whether a place key range is a region or a city (not a whole country)."""
    rest = place[0].partition("|")[2]
    return bool(rest.strip("|"))


def _industry_and_place(q: PersonQuery) -> bool:
    """Whether ``q`` names industries and people's places and nothing else the
    (industry, loc, id) index does not hold (place exclusions and left-out people it does)."""
    return bool(
        q.industries
        and q.places
        and q.title_ids is None
        and not (
            q.seniorities
            or q.departments
            or q.email_status
            or q.exclude_industries
            or q.employees
            or q.revenue
            or q.company_places
            or q.exclude_company_places
            or q.keywords
            or q.technologies
            or q.conditions
        )
        and q.company_ids is None
        and q.signals is None
    )


def _prepare_statement(postgresql: bool, titles: bool, company_text: bool) -> Select[Any]:
    """The statement of ``ProspectRepository.prepare_search``: on PostgreSQL the three settings
    first, then the universe's size and the facet counts' mark, with ``titles`` the titles'
    count and largest key, with ``company_text`` the companies' largest key."""
    columns: list[Any] = []
    if postgresql:
        columns += [
            func.set_config("jit", "off", True),
            func.set_config("plan_cache_mode", "force_custom_plan", True),
            func.set_config("work_mem", _PG_WORK_MEM, True),
        ]
    columns += [
        select(func.max(P.id)).scalar_subquery(),
        select(M.max_person_id).where(M.id == 1).scalar_subquery(),
    ]
    if titles:
        columns += [
            select(func.count()).select_from(JobTitle.__table__).scalar_subquery(),
            select(func.coalesce(func.max(T.id), 0)).scalar_subquery(),
        ]
    if company_text:
        columns.append(select(func.max(C.id)).scalar_subquery())
    return select(*columns)


def title_condition(title_ids: Sequence[int], binds: _Binds = _LITERAL) -> ColumnElement[bool]:
    """People whose title is one of ``title_ids`` (the first condition of ``branches``)."""
    return binds.among(P.title_id, "title_ids", title_ids)


# The conditions of each shape of query ``branches`` has built (see ``query_shape``).
_SHAPED_BRANCHES: dict[tuple[Any, ...], list[list[ColumnElement[bool]]]] = {}


class ProspectRepository:
    def __init__(self, session: Session) -> None:
        self.session = session
        self.dialect = session.get_bind().dialect.name
        self._arrays = self.dialect == "postgresql"  # key lists bound as one array
        self._universe: int | None = None
        self._company_count: int | None = None
        self._tech_keys: dict[tuple[str, tuple[tuple[str, str], ...]], list[str]] = {}
        self._titles_version: tuple[int, int] | None = None
        self._facet_mark: int | None = None
        self._facet_mark_read = False
        self._listed: dict[tuple[str, ...], bool] = {}

    def prepare_search(
        self, *, titles: bool = False, company_text: bool = False, keywords: Sequence[str] = ()
    ) -> None:
        """What a search needs to know before it plans, in one statement: the universe's size,
        whether the facet counts cover it, with ``titles`` the titles' version (the in-memory
        title index is checked against it), with ``company_text`` the number of companies
        (SQLite weighs a keyword's share of them) and with ``keywords`` whether their matches
        are copied onto people (see ``fact_query``).

        PostgreSQL: the same statement sets this transaction's search settings. No JIT
        compiling: it costs more than the statements it would speed up (~290 ms per plan at
        10M people). Always a plan for the values given: the driver prepares a statement it has
        run five times on a connection, and the server would then switch to one generic plan
        for every value (a country range and a city alike; 5x the work for a keyword, seniority
        and country at 1M people). A sort or hash may use ``_PG_WORK_MEM``."""
        postgresql = self.dialect == "postgresql"
        company_text = company_text and not postgresql
        # Built once per kind (building it costs more than running it on SQLite) and kept with
        # the other statements (see ``statements``).
        key = ("prepare", postgresql, titles, company_text)
        stmt = STATEMENTS.statement(
            key, lambda: _prepare_statement(postgresql, titles, company_text)
        )
        phrases = _phrases(keywords)
        if phrases:
            stmt = stmt.add_columns(self._listed_statement(phrases).scalar_subquery())
            first: Sequence[Any] = self.session.execute(stmt).one()
        else:
            first = self._run(key, lambda: stmt, {})[0]
        row = tuple(first)[3 if postgresql else 0 :]
        if phrases:
            self._listed[tuple(phrases)] = int(row[-1]) == len(phrases)
            row = row[:-1]
        self._universe = int(row[0] or 0)
        self._facet_mark = None if row[1] is None else int(row[1])
        self._facet_mark_read = True
        if titles:
            self._titles_version = (int(row[2]), int(row[3]))
        if company_text:
            self._company_count = int(row[-1] or 1)

    @staticmethod
    def _listed_statement(phrases: list[str]) -> Select[Any]:
        """How many of ``phrases`` are listed keyword phrases."""
        return (
            select(func.count())
            .select_from(KeywordPhrase.__table__)
            .where(V.phrase.in_(phrases) if len(phrases) > 1 else V.phrase == phrases[0])
        )

    def _phrases_listed(self, phrases: list[str]) -> bool:
        """Whether every one of ``phrases`` (distinct, in the keyword filter's words) has its
        matches copied onto people."""
        key = tuple(phrases)
        if key not in self._listed:
            n = self.session.execute(self._listed_statement(phrases)).scalar_one()
            self._listed[key] = int(n) == len(phrases)
        return self._listed[key]

    # --- titles -----------------------------------------------------------------------------

    def titles_version(self) -> tuple[int, int]:
        if self._titles_version is None:
            row = self.session.execute(select(func.count(), func.coalesce(func.max(T.id), 0))).one()
            self._titles_version = (int(row[0]), int(row[1]))
        return self._titles_version

    def all_titles(self) -> list[tuple[int, str]]:
        return [(int(r[0]), r[1]) for r in self.session.execute(select(T.id, T.title))]

    def title_ids_for(self, titles: Sequence[str]) -> dict[str, int]:
        if not titles:
            return {}
        rows = self.session.execute(select(T.title, T.id).where(T.title.in_(list(titles))))
        return {r[0]: int(r[1]) for r in rows}

    # --- search -----------------------------------------------------------------------------

    def _company_text(
        self, phrases: Sequence[str], *, tech: bool, alone: bool, q: PersonQuery | None = None
    ) -> ColumnElement[bool] | None:
        if self.dialect == "sqlite":
            columns = "technologies" if tech else "name description keywords"
            query = _fts_query(phrases, columns)
            if query is None:
                return None
            sub = "SELECT rowid FROM prospect_companies_fts WHERE prospect_companies_fts MATCH :q"
            # When the text matches many companies and other filters exist, let those filters
            # drive the plan ("+" keeps SQLite from probing the company index per match), unless
            # the people-by-company index holds those filters too and the companies are few
            # against the people the other index would walk: each person walked there costs a
            # probe of the company set, and building the set about as much again per company,
            # while reading one company's people from the company index costs about three
            # probes (instruction counts at 1M people).
            broad = False
            if not alone:
                companies = self._fts_share(phrases) * self._companies()
                if companies > 0.002 * self._companies():
                    walk = self._walked_by_role(q) if q is not None else None
                    broad = walk is None or companies * 2 >= walk
            column = "+prospect_people.company_id" if broad else "prospect_people.company_id"
            return text(f"{column} IN ({sub})").bindparams(q=query)  # type: ignore[return-value]
        clean = [" ".join(_words(p)) for p in phrases if _words(p)]
        if not clean:
            return None
        params = {f"kw{i}": p for i, p in enumerate(clean)}
        tsq = " || ".join(f"phraseto_tsquery('simple', :kw{i})" for i in range(len(clean)))
        if tech:
            # The technologies whose name holds a phrase, then their companies from the
            # technologies' index alone (the text index would read every matching company's
            # row: a fifth of all companies use Salesforce).
            keys = self._technology_keys(tsq, params)
            return P.company_id.in_(select(K.company_id).where(K.tech_key.in_(keys)))
        ids = text(f"SELECT id FROM prospect_companies WHERE {_PG_TEXT} @@ ({tsq})").bindparams(
            **params
        )
        return P.company_id.in_(ids)

    def _technology_keys(self, tsq: str, params: dict[str, str]) -> list[str]:
        """PostgreSQL: the technology keys (lower-case names) the text query ``tsq`` matches,
        word for word as the text index matches a phrase; the distinct keys are found by one
        index descent each."""
        cache_key = (tsq, tuple(sorted(params.items())))
        if cache_key not in self._tech_keys:
            rows = self.session.execute(
                text(
                    "WITH RECURSIVE k(key) AS ("
                    "SELECT min(tech_key) FROM prospect_company_technologies "
                    "UNION ALL SELECT (SELECT min(t.tech_key) FROM prospect_company_technologies t "
                    "WHERE t.tech_key > k.key) FROM k WHERE k.key IS NOT NULL) "
                    f"SELECT key FROM k WHERE key IS NOT NULL AND to_tsvector('simple', key) @@ ({tsq}) "
                    "ORDER BY key"
                ).bindparams(**params)
            )
            self._tech_keys[cache_key] = [r[0] for r in rows]
        return self._tech_keys[cache_key]

    def _sqlite_technology_keys(self, phrases: Sequence[str]) -> list[str]:
        """SQLite: the technology keys whose words hold one of ``phrases`` word for word (the
        words the full-text index matches); the distinct keys are found by one index descent
        each."""
        wanted = [w for w in map(_tokens, phrases) if w]
        rows = self.session.execute(
            text(
                "WITH RECURSIVE k(key) AS ("
                "SELECT min(tech_key) FROM prospect_company_technologies "
                "UNION ALL SELECT (SELECT min(t.tech_key) FROM prospect_company_technologies t "
                "WHERE t.tech_key > k.key) FROM k WHERE k.key IS NOT NULL) "
                "SELECT key FROM k WHERE key IS NOT NULL ORDER BY key"
            )
        )
        return [r[0] for r in rows if any(_holds(_tokens(r[0]), w) for w in wanted)]

    def fact_query(self, q: PersonQuery) -> FactQuery | None:
        """``q`` as ranges of the company facts copied onto people, when it filters on
        seniorities and one technology or funding-stage filter only (and people left out), and
        the copies cover every person (the facet counts' mark); else None.

        A technology matches as the technology filter does on each engine: the technologies
        whose name holds the phrase (on SQLite within one technology's name, where the text
        index would also match a phrase running from one technology into the next).

        Keywords, with seniorities or none, the people's places and people left out, read the
        keyword matches copied onto people when every phrase is listed (``KeywordPhrase``;
        PostgreSQL only): the rows were written from the keyword filter's own text search."""
        if _keyword_filters(q):
            phrases = _phrases(q.keywords)
            if not phrases or not self._covered() or not self._phrases_listed(phrases):
                return None
            return FactQuery(
                "k",
                phrases,
                sorted(set(q.seniorities)),
                q.exclude_ids,
                places=list(q.places),
                exclude_places=list(q.exclude_places),
            )
        wanted = _fact_filters(q)
        if wanted is None or not self._covered():
            return None
        kind, values = wanted
        if kind == "t":
            if self.dialect == "sqlite":
                if not any(_tokens(p) for p in values):
                    return None
                values = self._sqlite_technology_keys(values)
            else:
                clean = [" ".join(_words(p)) for p in values if _words(p)]
                if not clean:
                    return None
                params = {f"kw{i}": p for i, p in enumerate(clean)}
                tsq = " || ".join(f"phraseto_tsquery('simple', :kw{i})" for i in range(len(clean)))
                values = self._technology_keys(tsq, params)
        return FactQuery(kind, sorted(set(values)), sorted(set(q.seniorities)), q.exclude_ids)

    def _fact_where(
        self, f: FactQuery, values: Sequence[str], seniorities: Sequence[str]
    ) -> list[Any]:
        if f.kind == "k":
            value, seniority, person = W.phrase, W.seniority, W.person_id
            where: list[Any] = []
        else:
            value, seniority, person = X.value, X.seniority, X.person_id
            where = [X.kind == f.kind]
        where.append(value.in_(list(values)) if len(values) > 1 else value == values[0])
        if seniorities:
            where.append(
                seniority.in_(list(seniorities))
                if len(seniorities) > 1
                else seniority == seniorities[0]
            )
        if f.places:
            where.append(or_(*[_in_place(W.loc, p) for p in f.places]))
        for place in f.exclude_places:
            where.append(or_(W.loc.is_(None), not_(_in_place(W.loc, place))))
        if f.exclude_ids:
            where.append(
                person.not_in(
                    bindparam("exclude_ids", f.exclude_ids, expanding=True, literal_execute=True)
                )
            )
        return where

    def fact_ids(self, f: FactQuery) -> list[int]:
        """SQLite: the keys of all the people ``f`` matches, ascending, each once; they come back
        as one comma-separated text (see ``match_ids``), which also gives the count sooner than
        counting distinct keys in SQL."""
        if not f.values:
            return []
        stmt = select(func.group_concat(_fact_person(f))).where(
            *self._fact_where(f, f.values, f.seniorities)
        )
        joined = self.session.execute(stmt).scalar()
        ids = list(map(int, joined.split(","))) if joined else []
        if len(f.values) == 1 and len(f.seniorities) == 1:
            return ids  # one range of the key, in the people's order, no one twice
        return sorted(set(ids))

    def count_facts(self, f: FactQuery) -> int:
        """How many people ``f`` matches (a person whose company has several of its values
        counts once)."""
        if not f.values:
            return 0
        stmt = select(func.count()).select_from(self._fact_count_from(f))
        return int(self.session.execute(stmt).scalar_one())

    def _fact_count_from(self, f: FactQuery) -> Any:
        """The rows to count for ``f``: its entries, or with several values (a person may hold
        more than one) its distinct people."""
        where = self._fact_where(f, f.values, f.seniorities)
        person = _fact_person(f)
        if len(f.values) == 1:
            return select(person).where(*where).subquery("matches")
        return select(person).where(*where).group_by(person).subquery("matches")

    def _fact_heads(self, f: FactQuery, n: int) -> Any:
        """The first ``n`` keys of each (value, seniority) range of ``f``, each read in key
        order: their union holds the first ``n`` people ``f`` matches. With no seniority named,
        the ranges are those of the seniorities the facet counts hold (every person's, while
        their mark covers everyone), so that no range is sorted whole."""
        person = _fact_person(f)
        if f.seniorities:
            parts = [
                select(person)
                .where(*self._fact_where(f, [v], [s]))
                .order_by(person)
                .limit(n)
                .subquery()
                for v in f.values
                for s in f.seniorities
            ]
        else:
            seniority = W.seniority if f.kind == "k" else X.seniority
            held = select(F.seniority).distinct().subquery("seniorities")
            parts = []
            for v in f.values:
                run = (
                    select(person)
                    .where(*self._fact_where(f, [v], []), seniority == held.c.seniority)
                    .order_by(person)
                    .limit(n)
                    .lateral("run")
                )
                parts.append(select(run.c.person_id).select_from(held).join(run, true()).subquery())
        if len(parts) == 1:
            return parts[0]
        return union_all(*[select(part.c.person_id) for part in parts]).subquery("heads")

    def fact_count_and_page(self, f: FactQuery, rows: int) -> tuple[int, list[int]]:
        """PostgreSQL: how many people ``f`` matches (``count_facts``) and the first ``rows``
        of their keys in ascending order, in one statement."""
        if not f.values:
            return 0, []
        heads = self._fact_heads(f, rows)
        keys = select(func.array_agg(heads.c.person_id)).scalar_subquery()
        count = select(func.count()).select_from(self._fact_count_from(f)).scalar_subquery()
        n, ids = self.session.execute(select(count, keys)).one()
        return int(n), sorted(set(ids or []))[:rows]

    def _fts_share(self, phrases: Sequence[str]) -> float:
        """Estimated share of companies matching any phrase (a phrase is as rare as its rarest word)."""
        words = {w for p in phrases for w in _words(p)}
        if not words:
            return 0.0
        rows = self.session.execute(
            text(
                "SELECT term, doc FROM prospect_companies_fts_vocab WHERE term IN :terms"
            ).bindparams(bindparam("terms", expanding=True)),
            {"terms": sorted(words)},
        )
        docs = {r[0]: int(r[1]) for r in rows}
        hits = sum(min(docs.get(w, 0) for w in _words(p)) for p in phrases if _words(p))
        return hits / float(self._companies())

    def _companies(self) -> int:
        if self._company_count is None:
            self._company_count = int(
                self.session.execute(select(func.max(C.id))).scalar_one() or 1
            )
        return self._company_count

    def _walked_by_role(self, q: PersonQuery) -> int | None:
        """How many people the seniority index walks for ``q`` (from the facet counts), when
        the people-by-company index holds every condition of ``q`` but its company set
        (seniority, department, email status, places, people left out); else None."""
        if not (q.seniorities or q.departments or q.email_status):
            return None
        if (
            q.title_ids is not None
            or q.company_ids is not None
            or q.signals is not None
            or q.industries
            or q.exclude_industries
            or q.employees
            or q.revenue
            or q.company_places
            or q.exclude_company_places
            or q.conditions
        ):
            return None
        role = PersonQuery(
            seniorities=q.seniorities, departments=q.departments, email_status=q.email_status
        )
        return self.facet_count(role)

    def _signal_conditions(
        self, q: SignalQuery, *, anchored: bool = False, per_person: bool = False
    ) -> list[ColumnElement[bool]] | None:
        """Conditions on people for the signals; None when nothing can match.

        ``anchored``: the query also names titles, industries, or seniorities with departments
        (a seniority alone, such as founders, is too broad to walk). On SQLite a
        company set (funded, hiring, growing, adopting) is then checked inside the wide index
        that starts with those (it ends with ``company_id``), instead of driving the plan: the
        planner would take the company index and look up every person of every company in
        the set (hundreds of thousands at 1M people for "hiring in sales").

        ``per_person``: few people reach these conditions (the caller puts them last), so each
        person's company is looked up by its key instead of building the whole set of
        companies first (a third of all companies grew 20 %+ in a year).
        """
        company_id: Any = P.company_id
        if anchored and self.dialect == "sqlite":
            company_id = P.company_id + 0  # an expression: SQLite uses no index for it

        def has(column: Any, key: Any, where: list[ColumnElement[bool]]) -> ColumnElement[bool]:
            if per_person:
                return select(key).where(key == P.company_id, *where).exists()
            return company_id.in_(select(column).where(*where))

        out: list[ColumnElement[bool]] = []
        company: list[ColumnElement[bool]] = []
        if q.funding_stages:
            company.append(C.funding_stage.in_(q.funding_stages))
        if q.funded_after is not None:
            company.append(C.last_funding_on >= q.funded_after)
        if q.funded_before is not None:
            company.append(C.last_funding_on <= q.funded_before)
        if q.total_funding:
            company.extend(_between(C.funding_total_usd, q.total_funding))
        if q.growth:
            column = C.growth_6m_pct if q.growth_months == 6 else C.growth_12m_pct
            company.extend(_between(column, q.growth))
        if company:
            out.append(has(C.id, C.id, company))
        if q.hiring:
            if q.hiring_title_ids is not None and not q.hiring_title_ids:
                return None
            out.append(has(J.company_id, J.company_id, _posting_conditions(q)))
        if q.tech_since is not None:
            tech = [K.first_seen_on >= q.tech_since]
            if q.tech_keys:
                tech.append(K.tech_key.in_(q.tech_keys))
            out.append(has(K.company_id, K.company_id, tech))
        if q.role_started_since is not None:
            out.append(P.role_started_on >= q.role_started_since)
        return out

    def universe_size(self) -> int:
        if self._universe is None:
            self._universe = int(self.session.execute(select(func.max(P.id))).scalar_one() or 0)
        return self._universe

    def _covered(self) -> bool:
        """Whether the facet counts and the company facts copied onto people cover every
        person (their mark is the largest person key)."""
        if not self._facet_mark_read:
            mark = self.session.execute(select(M.max_person_id).where(M.id == 1)).scalar()
            self._facet_mark = None if mark is None else int(mark)
            self._facet_mark_read = True
        return self._facet_mark is not None and self._facet_mark == self.universe_size()

    def facet_count(self, q: PersonQuery) -> int | None:
        """The exact number of people matching ``q`` from the facet counts, when ``q`` filters on
        nothing but seniority, department, email status and industry and the counts cover every
        person; otherwise None (count the people)."""
        if (
            q.title_ids is not None
            or q.company_ids is not None
            or q.signals is not None
            or q.exclude_ids
            or q.employees
            or q.revenue
            or q.places
            or q.exclude_places
            or q.company_places
            or q.exclude_company_places
            or q.keywords
            or q.technologies
            or q.conditions
        ):
            return None
        if not self._covered():
            return None
        where: list[ColumnElement[bool]] = []
        for column, values in (
            (F.seniority, q.seniorities),
            (F.department, q.departments),
            (F.industry, q.industries),
            (F.email_status, q.email_status),
        ):
            if values:
                where.append(column.in_(values))
        if q.exclude_industries:
            where.append(or_(F.industry.is_(None), F.industry.not_in(q.exclude_industries)))
        stmt = select(func.coalesce(func.sum(F.people), 0)).where(*where)
        return int(self.session.execute(stmt).scalar_one())

    def branches(self, q: PersonQuery) -> list[list[ColumnElement[bool]]]:
        """Disjoint condition sets whose union is ``q`` (one set); empty when nothing can match.

        Places are key ranges: ``places`` on the person's own ``loc``, ``company_places`` on
        their company's HQ (``company_loc``).

        When ``q`` has a shape (``query_shape``), the set is ``Shaped``: built once for every
        query of that shape, with the values as named parameters, and the statements that run
        it are kept by shape too (``statements``).
        """
        shape = query_shape(q)
        if shape is None:
            return self._branches(q, _LITERAL)
        key = ("branches", self.dialect, shape[0])
        built = _SHAPED_BRANCHES.get(key)
        if built is None:
            built = keep(_SHAPED_BRANCHES, key, self._branches(q, _NAMED))
        return [Shaped(conditions, key, shape[1]) for conditions in built]

    def _branches(self, q: PersonQuery, binds: _Binds) -> list[list[ColumnElement[bool]]]:
        base = _one_of_conditions(q, binds)
        if base is None:
            return []
        # A title and a region or city leave few people to check each one's company.
        per_person = self.dialect == "sqlite" and bool(
            q.title_ids and q.places and all(_narrow(p) for p in q.places)
        )
        last: list[ColumnElement[bool]] = []
        if q.signals is not None:
            signal_conditions = self._signal_conditions(
                q.signals,
                anchored=bool(q.title_ids or q.industries or (q.seniorities and q.departments)),
                per_person=per_person,
            )
            if signal_conditions is None:
                return []
            (last if per_person else base).extend(signal_conditions)
        base.extend(_exclusions_and_bounds(q, binds))
        alone = not base and not q.places and not q.company_places
        for phrases, tech in ((q.keywords, False), (q.technologies, True)):
            if phrases and not (tech and _adoption_implies_use(q)):
                cond = self._company_text(phrases, tech=tech, alone=alone, q=q)
                if cond is not None:
                    base.append(cond)
        base.extend(self._place_conditions(q, binds))
        return [base + last]

    def _place_conditions(self, q: PersonQuery, binds: _Binds) -> list[ColumnElement[bool]]:
        """People in one of ``q.places`` (their own) and at a company in one of
        ``q.company_places`` (its HQ)."""
        out: list[ColumnElement[bool]] = []
        anchored = bool(q.title_ids or q.seniorities or q.industries)
        for name, column, places in (
            ("places", P.loc, q.places),
            ("company_places", P.company_loc, q.company_places),
        ):
            if not places:
                continue
            where = or_(*[_in_place(column, p, binds, f"{name}_{i}") for i, p in enumerate(places)])
            ranged = any(high is not None for _, high in places)
            if (
                self.dialect == "sqlite"
                and (q.title_ids or (anchored and ranged))
                and not _industry_and_place(q)
            ):
                # SQLite's planner (no per-value statistics) takes a place for selective and
                # walks it with a row lookup per person there (London, New York: tens of
                # thousands); with a title given, or a seniority or industry and a region or
                # country, the wide index that starts with those answers faster, checking the
                # place inside it. A CASE expression cannot use an index, which keeps the place
                # a filter. An industry and people's places alone are key ranges of the
                # (industry, loc) index: no wrapping there.
                where = case((where, 1), else_=0) == 1
            out.append(where)
        return out

    def count_with_ids(
        self,
        q: PersonQuery,
        first: Sequence[int] | None,
        cap: int,
        branches: list[list[ColumnElement[bool]]] | None = None,
    ) -> tuple[list[int], list[list[int]] | None] | None:
        """The number of matches of ``q`` in one statement and (PostgreSQL), when there are at
        most ``cap``, their keys in ascending order (the page needs no second pass, nor a
        second set of companies). With ``first`` (title ids), the matches are split in two:
        those whose title is one of ``first``, then the others. None when ``q`` is not one
        branch of conditions. ``branches``: those of ``q``, when the caller has them."""
        if branches is None:
            branches = self.branches(q)
        if len(branches) != 1:
            return None if branches else ([0, 0] if first is not None else [0], None)
        branch = branches[0]
        parts = 1 if first is None else 2
        if isinstance(branch, Shaped):
            params = {**branch.params, "cap": cap}
            params.update((f"first_{i}", t) for i, t in enumerate(first or []))
            key = ("counts", branch.key, None if first is None else len(first), cap > 0)
            row = self._run(key, lambda: _counts_statement(branch, first, cap, _NAMED), params)[0]
        else:
            row = self.session.execute(_counts_statement(branch, first, cap, _LITERAL)).one()
        counts = [int(n) for n in row[:parts]]
        if cap <= 0 or sum(counts) > cap:
            return counts, None
        return counts, [sorted(ids or []) for ids in row[parts:]]

    def _run(
        self, key: tuple[Any, ...], build: Callable[[], Select[Any]], params: dict[str, Any]
    ) -> list[Any]:
        """The rows of the statement kept under ``key`` (see ``statements``)."""
        return STATEMENTS.run(self.session, key, build, params)[1]

    def count(self, conditions: list[ColumnElement[bool]]) -> int:
        if isinstance(conditions, Shaped):
            key = ("count", conditions.key)
            rows = self._run(key, lambda: _count_statement(conditions), conditions.params)
            return int(rows[0][0])
        return int(self.session.execute(_count_statement(conditions)).scalar_one())

    def match_ids(self, conditions: list[ColumnElement[bool]], limit: int) -> list[int]:
        """Ids of up to ``limit`` people matching ``conditions``, in no particular order.

        On SQLite they come back as one comma-separated text: a row per id through the result
        machinery costs about four times what finding it does (10,000 ids: ~10 ms)."""
        params = conditions.params if isinstance(conditions, Shaped) else {}
        stmt = select(P.id).where(*conditions).limit(limit)
        if self.dialect != "sqlite":
            return list(self.session.execute(stmt, params).scalars().all())
        joined = self.session.execute(
            select(func.group_concat(stmt.subquery().c.id)), params
        ).scalar()
        return [int(i) for i in joined.split(",")] if joined else []

    def page_ids(
        self, conditions: list[ColumnElement[bool]], offset: int, limit: int, *, scan: bool = False
    ) -> list[int]:
        """Ids in key order. ``scan``: the matches are dense, so walking the table in key order
        finds a page sooner than sorting every match from an index (SQLite only)."""
        if isinstance(conditions, Shaped):
            params = {**conditions.params, "page_offset": offset, "page_limit": limit}
            key = ("page", conditions.key, scan)
            build = functools.partial(self._page_statement, conditions, scan, _NAMED, 0, 0)
            return [int(r[0]) for r in self._run(key, build, params)]
        stmt = self._page_statement(conditions, scan, _LITERAL, offset, limit)
        return [int(r[0]) for r in self.session.execute(stmt)]

    def _page_statement(
        self,
        conditions: list[ColumnElement[bool]],
        scan: bool,
        binds: _Binds,
        offset: int,
        limit: int,
    ) -> Select[Any]:
        # Sparse matches on PostgreSQL: order by an expression, so the planner does not walk the
        # primary key hoping to meet the first matches soon (and then scan millions of rows).
        order = P.id + 0 if not scan and self.dialect == "postgresql" else P.id
        stmt = (
            select(P.id)
            .order_by(order)
            .offset(binds.one("page_offset", offset, P.id))
            .limit(binds.one("page_limit", limit, P.id))
        )
        if conditions and scan and self.dialect == "sqlite":
            # SQLite uses no index for a CASE expression, so it walks the table in key order.
            return stmt.where(case((and_(*conditions), 1), else_=0) == 1)
        if conditions:
            return stmt.where(*conditions)
        return stmt

    def rows_by_ids(
        self, ids: Sequence[int], since: date, hiring: SignalQuery | None = None
    ) -> list[Any]:
        """People with their title and company, in the order of ``ids``, each with what the
        signals shown per person need of their company (see ``_rows_with_signals``): its open
        postings (with ``hiring``, a search for companies hiring, only those it matches) and its
        technologies first seen on or after ``since``."""
        if not ids:
            return []
        if hiring is not None and hiring.hiring:
            stmt = _rows_with_signals(_posting_conditions(hiring), self._arrays)
        elif self._arrays or len(ids) > MAX_SHAPED_PAGE:
            stmt = _ROWS_WITH_SIGNALS[self._arrays]
        else:
            # One statement per number of keys (a page's size), kept with its compiled text.
            params: dict[str, Any] = {f"ids_{i}": k for i, k in enumerate(ids)}
            params["since"] = since
            build = functools.partial(_rows_with_signals, [], False, len(ids))
            names, rows = STATEMENTS.run(self.session, ("rows", len(ids)), build, params)
            return _in_order(ids, names, rows)
        result = self.session.execute(stmt, {"ids": list(ids), "since": since})
        return _in_order(ids, list(result.keys()), result.all())

    # --- company lookups --------------------------------------------------------------------

    def company_ids_by_domain(self, domains: Sequence[str]) -> list[int]:
        if not domains:
            return []
        stmt = select(C.id).where(C.domain.in_(list(domains))).order_by(C.id)
        return [int(r[0]) for r in self.session.execute(stmt)]

    def company_name_candidates(self, words: Sequence[str], limit: int) -> list[tuple[int, str]]:
        """Companies whose name has a word starting like one of ``words`` (at most ``limit``)."""
        clean = [w for w in (re.sub(r"\W", "", x.lower()) for x in words) if len(w) >= 2]
        if not clean:
            return []
        if self.dialect == "sqlite":
            query = "{name} : (" + " OR ".join(f'"{w[:5]}"*' for w in clean) + ")"
            sub = text(
                "SELECT rowid FROM prospect_companies_fts WHERE prospect_companies_fts MATCH :q"
            ).bindparams(q=query)
            stmt = select(C.id, C.name).where(C.id.in_(sub)).limit(limit)
        else:
            tsq = " | ".join(f"{w[:5]}:*" for w in clean)
            stmt = (
                select(C.id, C.name)
                .where(text(f"{_PG_TEXT} @@ to_tsquery('simple', :tsq)").bindparams(tsq=tsq))
                .limit(limit)
            )
        return [(int(r[0]), r[1]) for r in self.session.execute(stmt)]

    # --- distributions (``lexi prospects stats``) ---------------------------------------------

    def totals(self) -> dict[str, int]:
        row = self.session.execute(
            select(
                select(func.count()).select_from(Person.__table__).scalar_subquery(),
                select(func.count()).select_from(Company.__table__).scalar_subquery(),
                select(func.count()).select_from(JobTitle.__table__).scalar_subquery(),
            )
        ).one()
        return {"people": int(row[0]), "companies": int(row[1]), "titles": int(row[2])}

    def people_by(self, column: str) -> list[tuple[Any, int]]:
        col = P[column]
        rows = self.session.execute(
            select(col, func.count()).group_by(col).order_by(func.count().desc())
        )
        return [(r[0], int(r[1])) for r in rows]

    def companies_by_size(self, buckets: Buckets) -> list[tuple[str, int, int]]:
        """(bucket label, companies, people) per headcount bucket."""
        label = _size_bucket(C.employee_count, buckets)
        companies = {
            r[0]: int(r[1])
            for r in self.session.execute(select(label, func.count()).group_by(label))
        }
        plabel = _size_bucket(P.employees, buckets)
        people = {
            r[0]: int(r[1])
            for r in self.session.execute(select(plabel, func.count()).group_by(plabel))
        }
        names = _bucket_names(buckets, {**companies, **people})
        return [(n, companies.get(n, 0), people.get(n, 0)) for n in names]

    def top_places(self, limit: int) -> list[tuple[str | None, int]]:
        rows = self.session.execute(
            select(P.loc, func.count()).group_by(P.loc).order_by(func.count().desc()).limit(limit)
        )
        return [(r[0], int(r[1])) for r in rows]

    def away_from_hq(self) -> tuple[int, int]:
        """(people in another city than their company's HQ, of those in another country)."""
        other_city = self.session.execute(
            select(func.count()).where(P.company_loc.is_not(None), P.loc != P.company_loc)
        ).scalar_one()
        other_country = self.session.execute(
            select(func.count()).where(
                P.company_loc.is_not(None),
                P.loc.is_not(None),
                func.substr(P.loc, 1, 2) != func.substr(P.company_loc, 1, 2),
            )
        ).scalar_one()
        return int(other_city), int(other_country)

    def top_titles_by_industry(
        self, industries: int, titles: int
    ) -> list[tuple[str, list[tuple[str, int]]]]:
        top = [
            r[0]
            for r in self.session.execute(
                select(P.industry, func.count())
                .where(P.industry.is_not(None))
                .group_by(P.industry)
                .order_by(func.count().desc())
                .limit(industries)
            )
        ]
        out: list[tuple[str, list[tuple[str, int]]]] = []
        for industry in top:
            rows = self.session.execute(
                select(T.title, func.count())
                .select_from(Person.__table__)
                .join(JobTitle.__table__, T.id == P.title_id)
                .where(P.industry == industry)
                .group_by(T.title)
                .order_by(func.count().desc(), T.title)
                .limit(titles)
            )
            out.append((industry, [(r[0], int(r[1])) for r in rows]))
        return out

    def funding_by_size(self, buckets: Buckets) -> list[tuple[str, dict[str, int]]]:
        """(headcount bucket, {last funding stage or "none": companies}) per bucket."""
        return self._funding_by_bucket(_size_bucket(C.employee_count, buckets), buckets)

    def funding_by_age(self, this_year: int) -> list[tuple[str, dict[str, int]]]:
        """(company age bucket, {last funding stage or "none": companies}) per bucket."""
        age = _size_bucket(this_year - C.founded_year, AGE_BUCKETS)
        return self._funding_by_bucket(age, AGE_BUCKETS)

    def _funding_by_bucket(self, label: Any, buckets: Buckets) -> list[tuple[str, dict[str, int]]]:
        out: dict[str, dict[str, int]] = {}
        for r in self.session.execute(
            select(label, C.funding_stage, func.count()).group_by(label, C.funding_stage)
        ):
            out.setdefault(r[0], {})[r[1] or "none"] = int(r[2])
        return [(n, out.get(n, {})) for n in _bucket_names(buckets, out)]

    def funding_by_industry(self) -> list[tuple[str | None, str | None, int]]:
        """(industry, last funding stage, companies) for every pair that occurs."""
        rows = self.session.execute(
            select(C.industry, C.funding_stage, func.count()).group_by(C.industry, C.funding_stage)
        )
        return [(r[0], r[1], int(r[2])) for r in rows]

    def signal_stats(self, today: date, since_90: date, since_365: date) -> dict[str, Any]:
        """Counts behind the buying signals: funding stages, the year of the last round, total
        raised, growth bands over 12 and 6 months, open postings by department and seniority,
        role starts (per year, and in the last 90 and 365 days), and the technologies first seen
        in the last 90 days."""
        stages = self.session.execute(
            select(C.funding_stage, func.count()).group_by(C.funding_stage)
        ).all()
        funded_year = extract("year", C.last_funding_on)
        funding_years = self.session.execute(
            select(funded_year, func.count())
            .where(C.last_funding_on.is_not(None))
            .group_by(funded_year)
            .order_by(funded_year.desc())
        ).all()
        total = _size_bucket(C.funding_total_usd, FUNDING_TOTAL_BUCKETS, "none")
        totals: dict[str, int] = {
            r[0]: int(r[1])
            for r in self.session.execute(select(total, func.count()).group_by(total))
        }
        growth: dict[str, dict[str, int]] = {}
        for months, column in ((12, C.growth_12m_pct), (6, C.growth_6m_pct)):
            band = _size_bucket(column, GROWTH_BUCKETS)
            counts: dict[str, int] = {
                r[0]: int(r[1])
                for r in self.session.execute(select(band, func.count()).group_by(band))
            }
            growth[f"growth_{months}m"] = {
                n: int(counts.get(n, 0)) for n in _bucket_names(GROWTH_BUCKETS, counts)
            }
        postings, hiring = self.session.execute(
            select(func.count(), func.count(func.distinct(J.company_id)))
        ).one()
        by_posting: dict[str, dict[str, int]] = {}
        for name, column in (("department", J.department), ("seniority", J.seniority)):
            rows = self.session.execute(
                select(column, func.count()).group_by(column).order_by(func.count().desc())
            ).all()
            by_posting[f"postings_by_{name}"] = {r[0]: int(r[1]) for r in rows}
        new_90, new_365 = self.session.execute(
            select(
                func.count().filter(P.role_started_on >= since_90),
                func.count().filter(P.role_started_on >= since_365),
            )
        ).one()
        started_year = extract("year", P.role_started_on)
        role_years = self.session.execute(
            select(started_year, func.count())
            .where(P.role_started_on.is_not(None), P.role_started_on <= today)
            .group_by(started_year)
            .order_by(started_year.desc())
        ).all()
        adopted = self.session.execute(
            select(func.count(func.distinct(K.company_id))).where(K.first_seen_on >= since_90)
        ).scalar_one()
        companies = func.count(func.distinct(K.company_id))
        adopted_by_tech = self.session.execute(
            select(func.max(K.technology), companies)
            .where(K.first_seen_on >= since_90)
            .group_by(K.tech_key)
            .order_by(companies.desc(), K.tech_key)
            .limit(15)
        ).all()
        return {
            "funding_stages": {(r[0] or "none"): int(r[1]) for r in stages},
            "last_funding_years": {str(int(r[0])): int(r[1]) for r in funding_years},
            "total_funding": {
                n: int(totals.get(n, 0))
                for n in _bucket_names(FUNDING_TOTAL_BUCKETS, totals, "none")
            },
            **growth,
            "open_postings": int(postings),
            "companies_hiring": int(hiring),
            **by_posting,
            "people_new_in_role_90d": int(new_90 or 0),
            "people_new_in_role_365d": int(new_365 or 0),
            "role_starts_by_year": {str(int(r[0])): int(r[1]) for r in role_years},
            "companies_adopting_tech_90d": int(adopted or 0),
            "technologies_adopted_90d": {r[0]: int(r[1]) for r in adopted_by_tech},
        }

    # --- import lookups ---------------------------------------------------------------------

    def companies_by_domain(self, domains: Sequence[str]) -> dict[str, Any]:
        """The company of each domain (the oldest, should two share one)."""
        if not domains:
            return {}
        rows = self.session.execute(
            select(Company.__table__).where(C.domain.in_(list(domains))).order_by(C.id)
        )
        out: dict[str, Any] = {}
        for row in rows:
            out.setdefault(row.domain, row)
        return out

    def companies_named(self, word_groups: Sequence[Sequence[str]]) -> list[Any]:
        """Companies with every word of one of ``word_groups`` in their name: candidates for a
        match by name, which the caller compares names with. Words are letters and digits."""
        groups = [g for g in word_groups if g]
        if not groups:
            return []
        if self.dialect == "sqlite":
            query = (
                "{name} : ("
                + " OR ".join("(" + " ".join(f'"{w}"' for w in g) + ")" for g in groups)
                + ")"
            )
            sub = text(
                "SELECT rowid FROM prospect_companies_fts WHERE prospect_companies_fts MATCH :q"
            ).bindparams(q=query)
            stmt = select(Company.__table__).where(C.id.in_(sub))
        else:
            tsq = " | ".join("(" + " & ".join(g) + ")" for g in groups)
            # The text vector (indexed) holds the description and keywords too; the name's own
            # vector is computed for those candidates only.
            stmt = select(Company.__table__).where(
                text(
                    f"{_PG_TEXT} @@ to_tsquery('simple', :tsq) "
                    "AND to_tsvector('simple', name) @@ to_tsquery('simple', :tsq)"
                ).bindparams(tsq=tsq)
            )
        return list(self.session.execute(stmt.order_by(C.id)))

    def refresh_company(self, company: Any, changes: dict[str, Any]) -> None:
        """Write ``changes`` to the company row ``company`` (as read by ``companies_by_domain``),
        keep its people's copies of the headcount, revenue, technologies, funding stage and
        keyword matches in step, and re-index its text on SQLite (PostgreSQL's text vector is a
        generated column)."""
        self.session.execute(update(Company).where(Company.id == company.id).values(changes))
        copies = {
            person: changes[name]
            for name, person in (("employee_count", "employees"), ("revenue_usd", "revenue_usd"))
            if name in changes
        }
        if copies:
            self.session.execute(
                update(Person).where(Person.company_id == company.id).values(copies)
            )
        if "technologies" in changes:
            self._refresh_technologies(company.id, changes["technologies"])
        if "technologies" in changes or "funding_stage" in changes:
            from lexi.prospects.bulk import refresh_company_facts

            refresh_company_facts(self.session.connection(), company.id)
        if {"name", "description", "keywords"} & changes.keys():
            from lexi.prospects.bulk import refresh_keyword_facts

            refresh_keyword_facts(self.session.connection(), company.id)
        if "technologies" in changes and self.session.get_bind().dialect.name == "sqlite":
            fts = "prospect_companies_fts"
            old = {
                "id": company.id,
                "name": company.name,
                "description": company.description,
                "keywords": company.keywords,
            }
            self.session.execute(
                text(
                    f"INSERT INTO {fts} ({fts}, rowid, name, description, keywords, technologies) "
                    "VALUES ('delete', :id, :name, :description, :keywords, :technologies)"
                ),
                {**old, "technologies": company.technologies},
            )
            self.session.execute(
                text(
                    f"INSERT INTO {fts} (rowid, name, description, keywords, technologies) "
                    "VALUES (:id, :name, :description, :keywords, :technologies)"
                ),
                {**old, "technologies": changes["technologies"]},
            )

    def people_names_at(
        self, company_ids: Sequence[int]
    ) -> list[tuple[int, str | None, str | None]]:
        """(company id, first name, last name) of everyone at ``company_ids``."""
        if not company_ids:
            return []
        stmt = select(P.company_id, P.first_name, P.last_name).where(
            P.company_id.in_(list(company_ids))
        )
        return [(int(r[0]), r[1], r[2]) for r in self.session.execute(stmt)]

    def _refresh_technologies(self, company_id: int, technologies: str | None) -> None:
        """Keep a company's technology rows in step with its new ``technologies`` text: rows of
        technologies it no longer names go, new ones come in (first seen on an unknown day),
        the others keep their day."""
        from lexi.prospects.bulk import technology_rows

        wanted = technology_rows(company_id, technologies)
        keys = [r[1] for r in wanted]
        gone = delete(CompanyTechnology).where(K.company_id == company_id)
        if keys:
            gone = gone.where(K.tech_key.not_in(keys))
        self.session.execute(gone)
        have = {
            r[0] for r in self.session.execute(select(K.tech_key).where(K.company_id == company_id))
        }
        new = [
            dict(zip(("company_id", "tech_key", "technology", "first_seen_on"), r, strict=True))
            for r in wanted
            if r[1] not in have
        ]
        if new:
            self.session.execute(insert(CompanyTechnology), new)

    def existing_emails(self, emails: Sequence[str]) -> set[str]:
        if not emails:
            return set()
        return {
            r[0] for r in self.session.execute(select(P.email).where(P.email.in_(list(emails))))
        }

    def existing_linkedin(self, urls: Sequence[str]) -> set[str]:
        if not urls:
            return set()
        rows = self.session.execute(select(P.linkedin_url).where(P.linkedin_url.in_(list(urls))))
        return {r[0] for r in rows}


def _one_of_conditions(q: PersonQuery, binds: _Binds) -> list[ColumnElement[bool]] | None:
    """The conditions of ``q``'s titles, seniorities, departments, industries, email statuses
    and named companies (the first of ``branches``); None when an empty list of titles or
    companies leaves nothing to match."""
    out: list[ColumnElement[bool]] = []
    if q.title_ids is not None:
        if not q.title_ids:
            return None
        out.append(title_condition(q.title_ids, binds))
    for name, column, values in (
        ("seniorities", P.seniority, q.seniorities),
        ("departments", P.department, q.departments),
        ("industries", P.industry, q.industries),
        ("email_status", P.email_status, q.email_status),
    ):
        if values:
            out.append(binds.among(column, name, values))
    if q.company_ids is not None:
        if not q.company_ids:
            return None
        out.append(P.company_id.in_(q.company_ids))
    return out


def _exclusions_and_bounds(q: PersonQuery, binds: _Binds) -> list[ColumnElement[bool]]:
    """The conditions of the people, industries and places ``q`` leaves out, an extension's
    conditions, and the headcount and revenue bounds."""
    out: list[ColumnElement[bool]] = []
    if q.exclude_ids:
        # Rendered inline (integers only), so a workspace with many contacts never runs into
        # the database's limit on bound parameters.
        out.append(
            P.id.not_in(
                bindparam("exclude_ids", q.exclude_ids, expanding=True, literal_execute=True)
            )
        )
    if q.exclude_industries:
        excluded = binds.each("exclude_industries", q.exclude_industries, P.industry)
        out.append(or_(P.industry.is_(None), P.industry.not_in(excluded)))
    out.extend(q.conditions)
    if q.employees:
        out.extend(_between(P.employees, q.employees, binds, "employees"))
    if q.revenue:
        out.extend(_between(P.revenue_usd, q.revenue, binds, "revenue"))
    for name, column, excluded_places in (
        ("exclude_places", P.loc, q.exclude_places),
        ("exclude_company_places", P.company_loc, q.exclude_company_places),
    ):
        for i, place in enumerate(excluded_places):
            inside = _in_place(column, place, binds, f"{name}_{i}")
            out.append(or_(column.is_(None), not_(inside)))
    return out


def _count_statement(conditions: list[ColumnElement[bool]]) -> Select[Any]:
    stmt: Select[Any] = select(func.count()).select_from(Person.__table__)
    return stmt.where(*conditions) if conditions else stmt


def _counts_statement(
    conditions: list[ColumnElement[bool]], first: Sequence[int] | None, cap: int, binds: _Binds
) -> Select[Any]:
    """The statement of ``ProspectRepository.count_with_ids``: the count of the matches of
    ``conditions`` (with ``first``, of those whose title is one of ``first``, then of the others)
    and, with a ``cap``, their keys when there are at most ``cap`` (PostgreSQL)."""
    parts: list[ColumnElement[bool] | None] = [None]
    if first is not None:
        mine = P.title_id.in_(binds.each("first", first, P.title_id))
        parts = [mine, not_(mine)]
    columns: list[Any] = [func.count().filter(p) if p is not None else func.count() for p in parts]
    if cap > 0:
        small = func.count() <= binds.one("cap", cap, P.id)
        columns += [
            case((small, func.array_agg(P.id).filter(p) if p is not None else func.array_agg(P.id)))
            for p in parts
        ]
    return select(*columns).where(*conditions)


def _phrases(keywords: Sequence[str]) -> list[str]:
    """The distinct keyword phrases in the words the text search looks for, sorted."""
    return sorted({" ".join(words) for words in map(_words, keywords) if words})


def _fact_person(f: FactQuery) -> Any:
    """The person key column of the table ``f`` reads."""
    return W.person_id if f.kind == "k" else X.person_id


@functools.lru_cache(maxsize=16)
def _page_row(names: tuple[str, ...]) -> Any:
    """A named tuple of ``names``: a page's rows are read field by field while Prospect objects
    are built from them, and a field of a named tuple is read in a sixth of the time a
    SQLAlchemy row's is (~45 against ~320 ns; forty fields for each of 25 people)."""
    return namedtuple("PageRow", names)


def _among_ids(column: Any, array: bool, n: int = 0) -> ColumnElement[bool]:
    """``column`` is one of the bound ``ids``: on PostgreSQL one array parameter (``= ANY``), so
    the statement's text is the same for any number of keys and is rendered and parsed once per
    connection; elsewhere an IN list expanded for the keys given, or with ``n`` one of ``n``
    parameters ``ids_0`` ... (a statement kept for that number of keys)."""
    if array:
        return column == any_(bindparam("ids", type_=ARRAY(Integer)))
    if n:
        return column.in_([bindparam(f"ids_{i}", type_=Integer) for i in range(n)])
    return column.in_(bindparam("ids", expanding=True))


# Pages of at most this many people are read by a statement kept for their number (SQLite).
MAX_SHAPED_PAGE = 100


def _in_order(ids: Sequence[int], names: list[str], rows: Sequence[Any]) -> list[Any]:
    """The rows of ``rows_by_ids`` as named tuples, in the order of ``ids``."""
    make = _page_row(tuple(names))._make
    by_id = {row.id: row for row in map(make, rows)}
    return [by_id[i] for i in ids if i in by_id]


# The statements a search runs for every page, built once (their SQL is compiled once per
# dialect and reused; only the bound ids change), keyed by whether they take an array.
_ROWS_BY_IDS_SELECT = (
    select(
        P.id,
        P.first_name,
        P.last_name,
        T.title.label("job_title"),
        P.seniority,
        P.department,
        P.email,
        P.email_status,
        P.phone,
        P.city,
        P.state,
        P.country,
        P.linkedin_url,
        P.company_id,
        C.name.label("company_name"),
        C.domain.label("company_domain"),
        C.industry.label("company_industry"),
        C.employee_count.label("company_employees"),
        C.revenue_usd.label("company_revenue"),
        C.city.label("company_city"),
        C.state.label("company_state"),
        C.country.label("company_country"),
        C.funding_stage,
        C.last_funding_on,
        C.last_funding_usd,
        C.funding_total_usd,
        C.growth_12m_pct,
        C.growth_6m_pct,
        C.last_funding_investors,
        P.role_started_on,
        P.prev_company_name,
    )
    .select_from(Person.__table__)
    .outerjoin(JobTitle.__table__, T.id == P.title_id)
    .outerjoin(Company.__table__, C.id == P.company_id)
)


def _json_rows(array: bool, *values: Any) -> Any:
    """One JSON array of arrays per group: ``values`` of each row of the group (PostgreSQL's
    ``json_agg``, SQLite's ``json_group_array``), in no particular order."""
    if array:
        return func.json_agg(func.json_build_array(*values))
    return func.json_group_array(func.json_array(*values))


def _rows_with_signals(
    posting_where: list[ColumnElement[bool]], array: bool, n: int = 0
) -> Select[Any]:
    """The people of the bound ``ids`` with their title and company (``_ROWS_BY_IDS_SELECT``)
    and, per company, what the signals shown per person need, in one statement:

    - ``postings``: the company's open postings counted per title and department, as a JSON
      array of [title or null, department, postings]; ``latest_posted_on`` the day of the
      latest. With ``posting_where`` (a search for
      companies hiring), only the postings it matches.
    - ``technologies``: the technologies first seen on or after the bound ``since``, as a JSON
      array of [tech key, technology, first seen on].

    Both are read only for the companies of the people asked for, and aggregated in the
    database, so a page of people at large companies (hundreds of posting titles) comes back
    as one row per person."""
    page = Person.__table__.alias("page_people")
    companies = select(page.c.company_id).where(_among_ids(page.c.id, array, n))
    # Grouped by the title's key first, so that only the groups are joined to their titles.
    groups = (
        select(
            J.company_id,
            J.title_id,
            J.department,
            func.count().label("postings"),
            func.max(J.posted_on).label("latest_posted_on"),
        )
        .where(J.company_id.in_(companies), *posting_where)
        .group_by(J.company_id, J.title_id, J.department)
        .subquery("posting_groups")
    )
    g = groups.c
    hiring = (
        select(
            g.company_id,
            _json_rows(array, func.nullif(T.title, ""), g.department, g.postings).label("postings"),
            func.max(g.latest_posted_on).label("latest_posted_on"),
        )
        .select_from(groups)
        .outerjoin(JobTitle.__table__, T.id == g.title_id)
        .group_by(g.company_id)
        .subquery("hiring")
    )
    adopted = (
        select(
            K.company_id,
            _json_rows(array, K.tech_key, K.technology, K.first_seen_on).label("technologies"),
        )
        .where(K.company_id.in_(companies), K.first_seen_on >= bindparam("since"))
        .group_by(K.company_id)
        .subquery("adopted")
    )
    return (
        _ROWS_BY_IDS_SELECT.add_columns(
            hiring.c.postings, hiring.c.latest_posted_on, adopted.c.technologies
        )
        .outerjoin(hiring, hiring.c.company_id == P.company_id)
        .outerjoin(adopted, adopted.c.company_id == P.company_id)
        .where(_among_ids(P.id, array, n))
    )


_ROWS_WITH_SIGNALS = {a: _rows_with_signals([], a) for a in (False, True)}
