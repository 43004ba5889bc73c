from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response
from fastapi.responses import StreamingResponse
from sqlalchemy.orm import Session

from lexi.auth.dependencies import ContactsRead, ContactsWrite
from lexi.contacts import batch, csv_io, service
from lexi.contacts.repository import ContactFilters
from lexi.contacts.schemas import (
    BulkCreate,
    BulkCreated,
    BulkDelete,
    BulkDeleted,
    ContactCreate,
    ContactOut,
    ContactUpdate,
    Merge,
    TagsUpdate,
)
from lexi.db.session import Database
from lexi.deps import DatabaseDep, SessionDep, json_response, read_off_loop
from lexi.kit.clock import utc_now
from lexi.kit.pagination import Page, PageParams, page_params
from lexi.kit.schemas import DataEnvelope

router = APIRouter(prefix="/contacts", tags=["Contacts"])
ContactPage = Annotated[PageParams, Depends(page_params(default=50, maximum=100))]
SORT_HELP = (
    "created_at | updated_at | full_name; prefix '-' for descending. Ties are ordered by id."
)


def contact_filters(
    search: Annotated[
        str | None, Query(max_length=200, description="Matches name, email or company.")
    ] = None,
    list_id: Annotated[uuid.UUID | None, Query(description="Only members of this list.")] = None,
    created_after: Annotated[
        datetime | None, Query(description="ISO 8601; naive means UTC.")
    ] = None,
    sort: Annotated[str, Query(max_length=20, description=SORT_HELP)] = "-created_at",
) -> ContactFilters:
    if created_after is not None and created_after.tzinfo is None:
        created_after = created_after.replace(tzinfo=UTC)
    return ContactFilters(
        search=search.strip() or None if search else None,
        list_id=list_id,
        created_after=created_after,
        sort=sort,
    )


Filters = Annotated[ContactFilters, Depends(contact_filters)]
ContactsPage = Page[ContactOut]


@router.get("", response_model=ContactsPage)
async def list_contacts(
    caller: ContactsRead, db: DatabaseDep, params: ContactPage, filters: Filters
) -> Response:
    """Contacts of the workspace, newest first by default. With `list_id`, that list's members
    (404 `list_not_found` if it is not a list of this workspace)."""

    def read(session: Session) -> str:
        rows, total = service.list_contacts(session, caller.workspace_id, filters, params)
        page = ContactsPage.build([service.to_out(c) for c in rows], total, params)
        return page.model_dump_json()

    return json_response(await read_off_loop(db, read))


@router.post(
    "",
    status_code=201,
    response_model=DataEnvelope[ContactOut],
    responses={
        200: {
            "model": DataEnvelope[ContactOut],
            "description": "A contact with this email or prospect_id existed; returned unchanged.",
        }
    },
)
def create_contact(
    body: ContactCreate, caller: ContactsWrite, session: SessionDep, response: Response
) -> dict:
    """Create a contact. Any of `full_name` ("Last, First" accepted), `first_name`/`last_name`,
    or `email` is enough; with only an email the name is guessed from it (john.smith@ → John Smith).

    Email dedupes: if a contact of this workspace already has the email (case-insensitive) or
    the same `prospect_id`, that contact is returned unchanged with **200** instead of 201, so
    retried creates never duplicate.
    `priority` is low, medium (default) or high.
    """
    contact, created = service.create_contact(
        session, caller.workspace_id, body.model_dump(exclude_unset=True)
    )
    if not created:
        response.status_code = 200
    return {"data": service.to_out(contact)}


@router.get(
    "/export", response_class=StreamingResponse, responses={200: {"content": {"text/csv": {}}}}
)
def export_contacts(
    caller: ContactsRead, session: SessionDep, db: DatabaseDep, filters: Filters
) -> StreamingResponse:
    """All matching contacts as CSV (header row first), streamed; same filters as the list."""
    service.check_export_filters(session, caller.workspace_id, filters)
    name = f"contacts-{utc_now():%Y%m%d-%H%M%S}.csv"
    return StreamingResponse(
        _stream(db, caller.workspace_id, filters),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


def _stream(db: Database, workspace_id: uuid.UUID, filters: ContactFilters) -> Iterator[str]:
    # Its own read session: the request's unit of work ends before the body is streamed.
    with db.unit_of_work(write=False) as session:
        yield from csv_io.export_lines(service.iter_contacts(session, workspace_id, filters))


@router.post("/bulk", response_model=DataEnvelope[BulkCreated])
def bulk_create(body: BulkCreate, caller: ContactsWrite, session: SessionDep) -> dict:
    """Create up to 500 contacts, all or nothing: any bad row (or an email repeated in the batch)
    is 400 with `details.rows = [{row (1-based), errors {field: message}}]`. Rows whose email
    already exists return the existing contact and count in `existing`."""
    result = batch.bulk_create(session, caller.workspace_id, body.contacts)
    return {
        "data": BulkCreated(
            created=result.created,
            existing=result.existing,
            contacts=[service.to_out(c) for c in result.contacts],
        )
    }


@router.post("/bulk-delete", response_model=DataEnvelope[BulkDeleted])
def bulk_delete(body: BulkDelete, caller: ContactsWrite, session: SessionDep) -> dict:
    """Delete up to 500 contacts (unknown ids are ignored). With `dry_run`, nothing is deleted and
    `would_delete` says how many would be."""
    ids = batch.bulk_delete(session, caller.workspace_id, body.contact_ids, dry_run=body.dry_run)
    count = {"would_delete": len(ids)} if body.dry_run else {"deleted": len(ids)}
    return {"data": BulkDeleted(dry_run=body.dry_run, ids=ids, **count)}


@router.post("/merge", response_model=DataEnvelope[ContactOut])
def merge_contacts(body: Merge, caller: ContactsWrite, session: SessionDep) -> dict:
    """Merge 1 to 20 duplicates into `primary_id`: blanks filled, tags and custom fields united,
    list memberships moved, duplicates deleted — in one transaction. Returns the merged contact."""
    contact = batch.merge(session, caller.workspace_id, body.primary_id, body.duplicate_ids)
    return {"data": service.to_out(contact)}


@router.get("/{contact_id}", response_model=DataEnvelope[ContactOut])
def get_contact(contact_id: uuid.UUID, caller: ContactsRead, session: SessionDep) -> dict:
    """One contact (404 `contact_not_found` if unknown or another workspace's)."""
    return {"data": service.to_out(service.get_contact(session, caller.workspace_id, contact_id))}


@router.patch("/{contact_id}", response_model=DataEnvelope[ContactOut])
def update_contact(
    contact_id: uuid.UUID, body: ContactUpdate, caller: ContactsWrite, session: SessionDep
) -> dict:
    """Change the fields sent. Changing names re-derives `full_name` (a new `full_name` alone is
    split into first and last); an email another contact has is 409 `conflict`."""
    contact = service.update_contact(
        session, caller.workspace_id, contact_id, body.model_dump(exclude_unset=True)
    )
    return {"data": service.to_out(contact)}


@router.delete("/{contact_id}", status_code=204, response_class=Response)
def delete_contact(contact_id: uuid.UUID, caller: ContactsWrite, session: SessionDep) -> Response:
    """Delete a contact and its list memberships."""
    service.delete_contact(session, caller.workspace_id, contact_id)
    return Response(status_code=204)


@router.post("/{contact_id}/tags", response_model=DataEnvelope[ContactOut])
def update_tags(
    contact_id: uuid.UUID, body: TagsUpdate, caller: ContactsWrite, session: SessionDep
) -> dict:
    """`mode` add (default: keep existing, add these), remove (drop these) or replace (exactly
    these). Tags compare case-insensitively; at most 50 per contact."""
    contact = service.set_tags(session, caller.workspace_id, contact_id, body.tags, body.mode)
    return {"data": service.to_out(contact)}
