from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Response
from sqlalchemy.orm import Session

from lexi.auth.dependencies import ContactsRead, ContactsWrite
from lexi.deps import DatabaseDep, SessionDep, json_response, read_off_loop
from lexi.kit.pagination import Page, PageParams, page_params
from lexi.kit.schemas import DataEnvelope
from lexi.lists import service
from lexi.lists.schemas import ListCreate, ListOut, ListUpdate, MembersAdd, MembersAdded
from lexi.models import ContactList

router = APIRouter(prefix="/lists", tags=["Lists"])
ListPage = Annotated[PageParams, Depends(page_params(default=50, maximum=100))]
ListsPage = Page[ListOut]


def _out(lst: ContactList, count: int) -> ListOut:
    return ListOut(
        id=lst.id,
        name=lst.name,
        description=lst.description,
        contact_count=count,
        created_at=lst.created_at,
        updated_at=lst.updated_at,
    )


@router.post("", status_code=201, response_model=DataEnvelope[ListOut])
def create_list(body: ListCreate, caller: ContactsWrite, session: SessionDep) -> dict:
    """Create a list. A name already used in the workspace (case-insensitive) is 409 `conflict`."""
    lst = service.create_list(session, caller.workspace_id, body.name, body.description)
    return {"data": _out(lst, 0)}


@router.get("", response_model=ListsPage)
async def list_lists(caller: ContactsRead, db: DatabaseDep, params: ListPage) -> Response:
    """The workspace's lists, newest first, each with `contact_count`."""

    def read(session: Session) -> str:
        rows, total = service.list_lists(session, caller.workspace_id, params)
        return ListsPage.build([_out(lst, n) for lst, n in rows], total, params).model_dump_json()

    return json_response(await read_off_loop(db, read))


@router.get("/{list_id}", response_model=DataEnvelope[ListOut])
def get_list(list_id: uuid.UUID, caller: ContactsRead, session: SessionDep) -> dict:
    """One list with its `contact_count`; members are read with `GET /v1/contacts?list_id=`."""
    lst = service.get_list(session, caller.workspace_id, list_id)
    return {"data": _out(lst, service.contact_count(session, caller.workspace_id, list_id))}


@router.patch("/{list_id}", response_model=DataEnvelope[ListOut])
def update_list(
    list_id: uuid.UUID, body: ListUpdate, caller: ContactsWrite, session: SessionDep
) -> dict:
    """Change `name` and/or `description`."""
    lst = service.update_list(
        session, caller.workspace_id, list_id, body.model_dump(exclude_unset=True)
    )
    return {"data": _out(lst, service.contact_count(session, caller.workspace_id, list_id))}


@router.delete("/{list_id}", status_code=204, response_class=Response)
def delete_list(list_id: uuid.UUID, caller: ContactsWrite, session: SessionDep) -> Response:
    """Delete the list and its memberships. The contacts themselves stay."""
    service.delete_list(session, caller.workspace_id, list_id, actor=caller.actor)
    return Response(status_code=204)


@router.post("/{list_id}/contacts", response_model=DataEnvelope[MembersAdded])
def add_contacts(
    list_id: uuid.UUID, body: MembersAdd, caller: ContactsWrite, session: SessionDep
) -> dict:
    """Add up to 500 contacts. Any id not in this workspace is 404 `contact_not_found` and nothing
    is added; re-adding a member is not counted in `added`."""
    result = service.add_contacts(session, caller.workspace_id, list_id, body.contact_ids)
    return {
        "data": MembersAdded(
            added=result.added, list_id=list_id, contact_count=result.contact_count
        )
    }


@router.delete("/{list_id}/contacts/{contact_id}", status_code=204, response_class=Response)
def remove_contact(
    list_id: uuid.UUID, contact_id: uuid.UUID, caller: ContactsWrite, session: SessionDep
) -> Response:
    """Remove one contact from the list (404 `contact_not_found` when it is not a member)."""
    service.remove_contact(session, caller.workspace_id, list_id, contact_id)
    return Response(status_code=204)
