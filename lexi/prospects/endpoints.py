from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Body

from lexi.auth.dependencies import ContactsWrite, ProspectsRead
from lexi.deps import ReadSessionDep, SessionDep
from lexi.errors import ValidationFailed
from lexi.kit.pagination import MAX_PAGE
from lexi.kit.schemas import DataEnvelope
from lexi.prospects import service
from lexi.prospects.filters import FILTERS, ProspectFilters
from lexi.prospects.schemas import (
    SaveData,
    SaveRequest,
    SearchResponse,
    Taxonomy,
)

router = APIRouter(tags=["Prospects"])


def _filters_description() -> str:
    """Every filter with its description, from the filter descriptors."""
    lines = [f"- `{name}`: {spec.description}" for name, spec in FILTERS.items()]
    return (
        "The contract's Filters object plus `page` (from 1); `limit` is the page size. "
        "`locations` / `exclude_locations` match the person's own location, `company_locations` "
        "/ `exclude_company_locations` the company's HQ.\n\n" + "\n".join(lines)
    )


def _describe_filters(schema: dict[str, Any]) -> None:
    # When the OpenAPI document is built, not at import: filters registered since are listed.
    schema["description"] = _filters_description()


FILTERS_BODY = Body(
    default_factory=dict,
    description=_filters_description(),
    json_schema_extra=_describe_filters,
    examples=[
        {
            "titles": ["CEO"],
            "industries": ["Law Practice"],
            "locations": ["New York, NY, US"],
            "limit": 20,
        },
        {
            "titles": ["CEO"],
            "companies": ["Holmes & Andrews PC", "acme.com"],
            "exclude_saved": True,
        },
        {
            "titles": ["CTO"],
            "company_locations": ["San Francisco, CA, US"],
            "exclude_locations": ["US"],
        },
        {
            "seniorities": ["founder", "c_suite"],
            "funding_stages": ["series_a"],
            "headcount_growth_pct": {"min": 20, "months": 12},
            "hiring_for": {
                "titles": ["Sales Development Representative"],
                "posted_within_days": 30,
            },
        },
    ],
)


def _page(body: dict[str, Any]) -> int:
    page = body.pop("page", 1)
    if page is None:
        return 1
    if isinstance(page, bool) or not isinstance(page, int) or not 1 <= page <= MAX_PAGE:
        raise ValidationFailed.field("page", f"Must be an integer between 1 and {MAX_PAGE}")
    return page


def _search(session: Any, caller: Any, body: dict[str, Any]) -> dict[str, Any]:
    page = _page(body)
    filters = ProspectFilters.parse(body)
    result = service.search(
        session, filters, workspace_id=caller.workspace_id, offset=(page - 1) * filters.limit
    )
    return {
        "data": {"prospects": result.prospects, "filters": filters.to_dict()},
        "meta": {"page": page, "per_page": filters.limit, "total": result.total},
    }


@router.post("/prospector/search", response_model=SearchResponse)
def search_prospects(
    caller: ProspectsRead, session: ReadSessionDep, body: dict[str, Any] = FILTERS_BODY
) -> dict[str, Any]:
    """Search the prospect universe. `meta.total` is the exact number of matching people; each
    prospect says whether it is already a contact of the workspace (`saved`). Unknown filters or
    values are 400 `validation_error` with the valid values in `details`."""
    return _search(session, caller, dict(body))


@router.post("/prospects/search", response_model=SearchResponse)
def search_prospects_legacy(
    caller: ProspectsRead, session: ReadSessionDep, body: dict[str, Any] = FILTERS_BODY
) -> dict[str, Any]:
    """Legacy alias of `POST /v1/prospector/search`; also accepts `query` (a job title) and
    `jobTitles[]`."""
    body = dict(body)
    titles: list[Any] = []
    for key in ("query", "jobTitles"):
        value = body.pop(key, None)
        if value is None:
            continue
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            raise ValidationFailed.field(key, "Must be a string or a list of strings")
        titles.extend(value)
    if titles:
        existing = body.get("titles") or []
        body["titles"] = (existing if isinstance(existing, list) else [existing]) + titles
    return _search(session, caller, body)


@router.post("/prospects/save", response_model=DataEnvelope[SaveData])
def save_prospects(body: SaveRequest, caller: ContactsWrite, session: SessionDep) -> dict[str, Any]:
    """Save prospects as contacts of the workspace (and into `list_id` when given). Saving the
    same person twice returns the existing contact; `created` counts only new ones."""
    ids = [p.id for p in body.prospects if p.id is not None]
    extra = [
        {
            "full_name": p.name,
            "first_name": p.first_name,
            "last_name": p.last_name,
            "email": p.email,
            "job_title": p.title,
            "company_name": p.company_name,
            "linkedin_url": p.linkedin_url,
        }
        for p in body.prospects
        if p.id is None
    ]
    result = service.save(session, caller.workspace_id, ids, list_id=body.list_id, extra=extra)
    return {
        "data": {
            "created": result.created,
            "contacts": [
                {"id": c.id, "full_name": c.full_name, "email": c.email} for c in result.contacts
            ],
            "added_to_list": result.added_to_list if body.list_id else None,
        }
    }


@router.get("/prospector/taxonomy", response_model=DataEnvelope[Taxonomy])
def get_taxonomy(caller: ProspectsRead) -> dict[str, Any]:
    """Industries (LinkedIn's list, grouped by sector), seniorities, departments, email statuses
    and headcount buckets: every value a search filter accepts."""
    return {"data": service.taxonomy()}
