"""Wire shapes of the prospect endpoints (contract: Prospect object, save, taxonomy)."""

from __future__ import annotations

import uuid
from typing import Any

from pydantic import BaseModel, Field, model_validator

from lexi.kit.schemas import InputSchema


class ProspectCompany(BaseModel):
    id: uuid.UUID
    name: str | None
    domain: str | None
    industry: str | None
    employee_count: int | None
    revenue_usd: int | None
    city: str | None
    state: str | None
    country: str | None
    funding_stage: str | None = Field(None, description="(ext) Stage of the last funding round.")
    last_funding_on: str | None = Field(None, description="(ext) Date of the last funding round.")
    total_funding_usd: int | None = Field(None, description="(ext) Total raised.")
    headcount_growth_12m_pct: int | None = Field(
        None, description="(ext) Headcount change over the last 12 months, in percent."
    )


class SignalDetail(BaseModel):
    kind: str = Field(
        description=("funding, hiring, growth, technology, new_in_role or previous_company.")
    )
    text: str = Field(description='The fact as shown, e.g. "Series A, March 2025, led by Accel".')
    matched: bool = Field(description="Whether the search asked for this kind of signal.")
    facts: dict[str, Any] = Field(
        description=(
            "The data behind it. funding: stage, date, amount_usd, total_usd, lead_investor, "
            "investors; hiring: open_postings, titles [{title, postings}], latest_posted_on; "
            "growth: pct, months; technology: technology, first_seen_on; new_in_role: "
            "started_on, title; previous_company: company."
        )
    )


class Prospect(BaseModel):
    id: uuid.UUID
    first_name: str | None
    last_name: str | None
    full_name: str | None
    job_title: str | None
    seniority: str
    department: str
    email: str | None
    email_status: str
    phone: str | None = None
    city: str | None
    state: str | None
    country: str | None
    linkedin_url: str | None
    company: ProspectCompany | None
    saved: bool | None = None
    signals: list[str] = Field(
        default_factory=list,
        description=(
            "(ext) Buying signals as short facts: the company's last funding round, open postings, "
            "headcount growth, recently adopted technologies, a role started in the last year and "
            "the company before it; the signals the search asked for first."
        ),
    )
    signal_details: list[SignalDetail] = Field(
        default_factory=list,
        description="(ext) The same signals, in the same order, with their facts.",
    )


class SearchData(BaseModel):
    prospects: list[Prospect]
    filters: dict[str, Any] = Field(
        description="(ext) The filters as understood, in canonical form."
    )


class SearchMeta(BaseModel):
    page: int
    per_page: int
    total: int


class SearchResponse(BaseModel):
    data: SearchData
    meta: SearchMeta


class SaveItem(InputSchema):
    """A prospect by `id`, or a person given by value."""

    id: uuid.UUID | None = None
    name: str | None = Field(None, max_length=200)
    first_name: str | None = Field(None, max_length=100)
    last_name: str | None = Field(None, max_length=100)
    email: str | None = Field(None, max_length=254)
    title: str | None = Field(None, max_length=200)
    company_name: str | None = Field(None, max_length=200)
    linkedin_url: str | None = Field(None, max_length=500)

    @model_validator(mode="after")
    def _something(self) -> SaveItem:
        if self.id is None and not (self.name or self.first_name or self.last_name or self.email):
            raise ValueError("Give a prospect id, or at least a name or an email")
        return self


class SaveRequest(InputSchema):
    prospects: list[SaveItem] = Field(min_length=1, max_length=500)
    list_id: uuid.UUID | None = None


class SavedContact(BaseModel):
    id: uuid.UUID
    full_name: str | None
    email: str | None


class SaveData(BaseModel):
    created: int
    contacts: list[SavedContact]
    added_to_list: int | None = Field(
        None, description="(ext) New list members when list_id was given."
    )


class HeadcountBucket(BaseModel):
    label: str
    min: int
    max: int | None


class Sector(BaseModel):
    name: str
    industries: list[str]


class Taxonomy(BaseModel):
    industries: list[str]
    sectors: list[Sector]
    seniorities: list[str]
    departments: list[str]
    email_statuses: list[str]
    headcount_buckets: list[HeadcountBucket]
    funding_stages: list[str] = Field(
        default_factory=list, description="(ext) Values of `funding_stages`."
    )
