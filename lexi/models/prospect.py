"""The prospect universe: companies, people and their distinct job titles.

Shared by every workspace and read-only for them. Keys are integers (the universe holds millions
of rows); the API sees them as UUIDs through ``lexi.prospects.ids``. People carry denormalised
copies of the company fields the filters use (industry, headcount, revenue, HQ place), so every
structured filter is a B-tree lookup on one table. Places are stored as ``loc`` keys
``"US|NY|New York"``: a city is an equality, a region (``"US|NY|"``) or country (``"US|"``) a
prefix range on the same index.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, ForeignKey, Index, Integer, SmallInteger, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from lexi.db.base import Base

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
    __table_args__ = (
        Index("ix_prospect_companies_domain", "domain"),
        Index("ix_prospect_companies_industry", "industry", "employee_count"),
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


class Person(Base):
    __tablename__ = "prospect_people"
    __table_args__ = (
        # Wide indexes so that counts over common filter combinations are answered from the
        # index alone (no table lookups); each leads with a different selective column.
        # company_id comes last so that keyword and technology filters (a set of company ids)
        # are checked inside the index too.
        Index(
            "ix_prospect_people_title",
            "title_id",
            "industry",
            "employees",
            "loc",
            "company_loc",
            "email_status",
            "company_id",
        ),
        Index(
            "ix_prospect_people_title_size",
            "title_id",
            "employees",
            "revenue_usd",
            "loc",
            "company_loc",
            "company_id",
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
        ),
        Index("ix_prospect_people_loc", "loc", "seniority", "department"),
        Index("ix_prospect_people_company_loc", "company_loc", "seniority", "department", "loc"),
        Index("ix_prospect_people_company", "company_id"),
        Index("ix_prospect_people_email", "email"),
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
