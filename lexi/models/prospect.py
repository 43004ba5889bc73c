"""The prospect universe: companies, people and their distinct job titles.

Shared by every workspace and read-only for them. Keys are integers (the universe holds millions
of rows); the API sees them as UUIDs through ``lexi.prospects.ids``. People carry denormalised
copies of the company fields the filters use (industry, headcount, revenue, HQ place), so every
structured filter is a B-tree lookup on one table. Places are stored as ``loc`` keys
``"US|NY|New York"``: a city is an equality, a region (``"US|NY|"``) or country (``"US|"``) a
prefix range on the same index.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    PrimaryKeyConstraint,
    SmallInteger,
    String,
    Text,
    false,
)
from sqlalchemy.orm import Mapped, mapped_column

from lexi.db.base import Base, JSONType

# Place keys compare byte-wise on both databases (see lexi.prospects.places).
LocKey = String(160).with_variant(String(160, collation="C"), "postgresql")


class JobTitle(Base):
    """One distinct job title with its normalised seniority and department."""

    __tablename__ = "prospect_titles"
    __table_args__ = (Index("uq_prospect_titles_title", "title", unique=True),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    title: Mapped[str] = mapped_column(String(200), nullable=False)
    seniority: Mapped[str] = mapped_column(String(20), nullable=False)
    department: Mapped[str] = mapped_column(String(30), nullable=False)


class Company(Base):
    __tablename__ = "prospect_companies"
    # The signal indexes carry the key on PostgreSQL, so a set of companies (funded, growing) is
    # read from the index alone (SQLite's indexes end with the rowid anyway).
    __table_args__ = (
        Index("ix_prospect_companies_domain", "domain"),
        Index("ix_prospect_companies_industry", "industry", "employee_count"),
        Index(
            "ix_prospect_companies_funding_stage",
            "funding_stage",
            "last_funding_on",
            postgresql_include=["id"],
        ),
        Index("ix_prospect_companies_last_funding", "last_funding_on", postgresql_include=["id"]),
        Index(
            "ix_prospect_companies_funding_total", "funding_total_usd", postgresql_include=["id"]
        ),
        Index("ix_prospect_companies_growth_12m", "growth_12m_pct", postgresql_include=["id"]),
        Index("ix_prospect_companies_growth_6m", "growth_6m_pct", postgresql_include=["id"]),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    domain: Mapped[str | None] = mapped_column(String(255))
    industry: Mapped[str | None] = mapped_column(String(100))
    employee_count: Mapped[int | None] = mapped_column(Integer)
    revenue_usd: Mapped[int | None] = mapped_column(BigInteger)
    founded_year: Mapped[int | None] = mapped_column(SmallInteger)
    city: Mapped[str | None] = mapped_column(String(100))
    state: Mapped[str | None] = mapped_column(String(100))
    country: Mapped[str | None] = mapped_column(String(2))
    loc: Mapped[str | None] = mapped_column(LocKey)
    description: Mapped[str | None] = mapped_column(Text)
    keywords: Mapped[str | None] = mapped_column(Text)
    technologies: Mapped[str | None] = mapped_column(Text)
    linkedin_url: Mapped[str | None] = mapped_column(String(500))
    # Buying signals. Funding: the stage, date and amount of the last round and the total raised.
    funding_stage: Mapped[str | None] = mapped_column(String(20))
    last_funding_on: Mapped[date | None] = mapped_column(Date)
    last_funding_usd: Mapped[int | None] = mapped_column(BigInteger)
    funding_total_usd: Mapped[int | None] = mapped_column(BigInteger)
    # Headcount 6 and 12 months ago, and the growth since then in percent (derived from
    # ``employee_count`` and kept in step by the writers, so that a growth filter is an index range).
    headcount_6m_ago: Mapped[int | None] = mapped_column(Integer)
    headcount_12m_ago: Mapped[int | None] = mapped_column(Integer)
    growth_6m_pct: Mapped[int | None] = mapped_column(Integer)
    growth_12m_pct: Mapped[int | None] = mapped_column(Integer)
    # The last round's investors, comma-separated, the lead investor first.
    last_funding_investors: Mapped[str | None] = mapped_column(Text)
    # Headcount over time, oldest first: [["YYYY-MM-DD", headcount], ...] (quarterly for the
    # generated universe; imports add a point when they bring a new headcount).
    headcount_history: Mapped[list[Any] | None] = mapped_column(JSONType)


class CompanyTechnology(Base):
    """A technology a company uses, with the day it was first seen there.

    One row per technology in the company's ``technologies`` text (written with it by the
    generator and the importer): a ``technologies`` filter on PostgreSQL reads the company keys
    from ``ix_prospect_company_technologies_key`` alone.
    """

    __tablename__ = "prospect_company_technologies"
    __table_args__ = (
        Index("ix_prospect_company_technologies_key", "tech_key", "first_seen_on", "company_id"),
        Index("ix_prospect_company_technologies_first_seen", "first_seen_on", "company_id"),
    )

    company_id: Mapped[int] = mapped_column(
        ForeignKey("prospect_companies.id", ondelete="CASCADE"), primary_key=True
    )
    tech_key: Mapped[str] = mapped_column(String(100), primary_key=True)  # lower-case name
    technology: Mapped[str] = mapped_column(String(100), nullable=False)
    # None when unknown (technologies an import brought with a new company).
    first_seen_on: Mapped[date | None] = mapped_column(Date)


class JobPosting(Base):
    """An open job posting of a company (hiring signals)."""

    __tablename__ = "prospect_job_postings"
    __table_args__ = (
        Index("ix_prospect_job_postings_company", "company_id", "posted_on"),
        # A company's postings counted per title and department (the signals shown per person).
        Index(
            "ix_prospect_job_postings_titles", "company_id", "title_id", "department", "posted_on"
        ),
        Index("ix_prospect_job_postings_title", "title_id", "posted_on", "company_id"),
        Index(
            "ix_prospect_job_postings_department",
            "department",
            "seniority",
            "posted_on",
            "company_id",
        ),
        Index("ix_prospect_job_postings_posted", "posted_on", "company_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    company_id: Mapped[int] = mapped_column(
        ForeignKey("prospect_companies.id", ondelete="CASCADE"), nullable=False
    )
    title_id: Mapped[int | None] = mapped_column(ForeignKey("prospect_titles.id"))
    seniority: Mapped[str] = mapped_column(String(20), nullable=False)
    department: Mapped[str] = mapped_column(String(30), nullable=False)
    posted_on: Mapped[date] = mapped_column(Date, nullable=False)
    # Where the job is: a city of the company (its head office or another office), or remote
    # (no city; the country only).
    city: Mapped[str | None] = mapped_column(String(100))
    state: Mapped[str | None] = mapped_column(String(100))
    country: Mapped[str | None] = mapped_column(String(2))
    remote: Mapped[bool] = mapped_column(Boolean, nullable=False, server_default=false())


class Person(Base):
    __tablename__ = "prospect_people"
    __table_args__ = (
        # Wide indexes so that counts over common filter combinations are answered from the
        # index alone (no table lookups); each leads with a different selective column.
        # company_id comes last so that keyword and technology filters (a set of company ids)
        # are checked inside the index too. On PostgreSQL they also carry ``id`` (SQLite's end
        # with the rowid anyway), so a page of matches is sorted without reading their rows.
        Index(
            "ix_prospect_people_title",
            "title_id",
            "industry",
            "employees",
            "loc",
            "company_loc",
            "email_status",
            "company_id",
            postgresql_include=["id"],
        ),
        Index(
            "ix_prospect_people_title_size",
            "title_id",
            "employees",
            "revenue_usd",
            "loc",
            "company_loc",
            "company_id",
            postgresql_include=["id"],
        ),
        Index(
            "ix_prospect_people_industry",
            "industry",
            "seniority",
            "department",
            "employees",
            "loc",
            "company_loc",
            "company_id",
            postgresql_include=["id"],
        ),
        Index(
            "ix_prospect_people_seniority",
            "seniority",
            "department",
            "employees",
            "loc",
            "company_loc",
            "email_status",
            "company_id",
            postgresql_include=["id"],
        ),
        Index(
            "ix_prospect_people_loc", "loc", "seniority", "department", postgresql_include=["id"]
        ),
        Index(
            "ix_prospect_people_company_loc",
            "company_loc",
            "seniority",
            "department",
            "loc",
            postgresql_include=["id"],
        ),
        # An industry with a region or country: a key range inside one industry; ``id`` is
        # there for the page (PostgreSQL reads no rows to order the matches).
        Index("ix_prospect_people_industry_loc", "industry", "loc", "id"),
        # A set of companies (keywords, technologies, funded, hiring) that drives the plan is
        # checked against the seniority, department, email status and place without a row
        # lookup per person.
        Index(
            "ix_prospect_people_company",
            "company_id",
            "seniority",
            "department",
            "email_status",
            "loc",
            postgresql_include=["id"],
        ),
        Index("ix_prospect_people_email", "email"),
        Index(
            "ix_prospect_people_role_start",
            "role_started_on",
            "seniority",
            "department",
            postgresql_include=["id"],
        ),
        # "VPs new in role": the VPs who started in the window, not everyone who did.
        Index(
            "ix_prospect_people_seniority_role_start",
            "seniority",
            "role_started_on",
            "department",
            postgresql_include=["id"],
        ),
        Index("ix_prospect_people_linkedin", "linkedin_url"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    company_id: Mapped[int | None] = mapped_column(
        ForeignKey("prospect_companies.id", ondelete="CASCADE")
    )
    title_id: Mapped[int | None] = mapped_column(ForeignKey("prospect_titles.id"))
    first_name: Mapped[str | None] = mapped_column(String(100))
    last_name: Mapped[str | None] = mapped_column(String(100))
    seniority: Mapped[str] = mapped_column(String(20), nullable=False)
    department: Mapped[str] = mapped_column(String(30), nullable=False)
    email: Mapped[str | None] = mapped_column(String(254))
    email_status: Mapped[str] = mapped_column(String(12), nullable=False)
    phone: Mapped[str | None] = mapped_column(String(50))
    city: Mapped[str | None] = mapped_column(String(100))
    state: Mapped[str | None] = mapped_column(String(100))
    country: Mapped[str | None] = mapped_column(String(2))
    loc: Mapped[str | None] = mapped_column(LocKey)
    linkedin_url: Mapped[str | None] = mapped_column(String(500))
    # Copies of the company's fields, kept in step by the writers (generator, importer).
    industry: Mapped[str | None] = mapped_column(String(100))
    employees: Mapped[int | None] = mapped_column(Integer)
    revenue_usd: Mapped[int | None] = mapped_column(BigInteger)
    # The company's HQ key (``loc`` of the company): ``locations`` match the person's own ``loc``,
    # ``company_locations`` match this.
    company_loc: Mapped[str | None] = mapped_column(LocKey)
    # The day the person started in their current role (job changes).
    role_started_on: Mapped[date | None] = mapped_column(Date)
    # The company the person worked at before (its name, and its key when it is in the universe;
    # not a foreign key, so that loads never wait on it).
    prev_company_id: Mapped[int | None] = mapped_column(Integer)
    prev_company_name: Mapped[str | None] = mapped_column(String(200))


class PersonCompanyFact(Base):
    """A fact of a person's company that many companies share, copied onto the person with their
    seniority: ``kind`` "t" is a technology the company uses (``value`` its key, as in
    ``prospect_company_technologies``), "f" its last funding stage.

    "VPs at companies using Salesforce" (a fifth of all companies) is then one key range of this
    table's primary key, in the order of the people's keys, instead of every VP checked against
    a set of companies. Kept in step by the universe's writers in the transaction that writes
    the people or changes a company's technologies or funding (the generator, the importer, a
    company refresh); a search uses the rows only while the facet counts' mark covers every
    person (see ``PeopleFacetMark``). No foreign key: people are only ever removed all at once.
    """

    __tablename__ = "prospect_people_company_facts"
    __table_args__ = ({"sqlite_with_rowid": False},)

    kind: Mapped[str] = mapped_column(String(1), primary_key=True)
    value: Mapped[str] = mapped_column(String(100), primary_key=True)
    seniority: Mapped[str] = mapped_column(String(20), primary_key=True)
    person_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)


class KeywordPhrase(Base):
    """A keyword phrase whose matches are copied onto people (``PersonCompanyKeyword``): a
    keyword tag that many companies carry, in the words the keyword filter searches for (lower
    case, words joined by one space: "legal automation"). Chosen when a universe is written on
    PostgreSQL (the tags at least one company in a thousand carries); a search for other
    phrases reads the companies' text index."""

    __tablename__ = "prospect_keyword_phrases"

    phrase: Mapped[str] = mapped_column(String(100), primary_key=True)


class PersonCompanyKeyword(Base):
    """A person whose company's name, description or keywords hold a ``KeywordPhrase``, with the
    person's seniority and place: exactly the people the keyword filter finds for that phrase
    (the rows are written from the same text search). "VPs in the US at cybersecurity
    companies" is then one key range, read in the order of the people's keys, with the place
    checked inside the key (``loc`` is a non-key column of the primary key's index), instead
    of every US VP checked against tens of thousands of companies.

    Kept in step by the universe's writers in the transaction that writes the people or changes
    a company's text, and read only while the facet counts' mark covers every person, like
    ``PersonCompanyFact``. Filled on PostgreSQL only: SQLite's full-text index answers these
    searches at a million people within the targets, and the copies would cost its generator
    about four rows per person.
    """

    __tablename__ = "prospect_people_company_keywords"
    __table_args__ = (
        PrimaryKeyConstraint(
            "phrase",
            "seniority",
            "person_id",
            name="pk_prospect_people_company_keywords",
            postgresql_include=["loc"],
        ),
        {"sqlite_with_rowid": False},
    )

    phrase: Mapped[str] = mapped_column(String(100))
    seniority: Mapped[str] = mapped_column(String(20))
    person_id: Mapped[int] = mapped_column(Integer, autoincrement=False)
    loc: Mapped[str | None] = mapped_column(LocKey)


class PeopleFacet(Base):
    """How many people share one combination of the low-cardinality filter columns.

    Written by the universe's writers (the generator rebuilds it, the importer adds its people)
    in the transaction that writes the people, so that a search filtering on nothing but these
    columns gets its exact total from a few thousand rows instead of millions of index entries.
    """

    __tablename__ = "prospect_people_facets"
    __table_args__ = (
        Index("ix_prospect_people_facets_key", "seniority", "department", "email_status"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    seniority: Mapped[str] = mapped_column(String(20), nullable=False)
    department: Mapped[str] = mapped_column(String(30), nullable=False)
    email_status: Mapped[str] = mapped_column(String(12), nullable=False)
    industry: Mapped[str | None] = mapped_column(String(100))
    people: Mapped[int] = mapped_column(Integer, nullable=False)


class PeopleFacetMark(Base):
    """The people the facet counts and the company facts and keyword matches copied onto people
    (``PersonCompanyFact``, ``PersonCompanyKeyword``) cover: every person up to
    ``max_person_id``. A search uses them only while this equals the largest person key (so rows
    written any other way, or a load that stopped half-way, fall back to counting the people and
    reading their companies)."""

    __tablename__ = "prospect_people_facets_mark"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    max_person_id: Mapped[int] = mapped_column(Integer, nullable=False)
    people: Mapped[int] = mapped_column(Integer, nullable=False)
