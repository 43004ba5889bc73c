"""Contact lists: named groups of a workspace's contacts.

Names are unique per workspace, compared trimmed and case-insensitively. Adding a contact that is
already a member changes nothing and is not counted.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from lexi.audit import service as audit
from lexi.audit.service import Actor
from lexi.contacts import names
from lexi.contacts.repository import ContactRepository
from lexi.errors import Conflict, NotFound, ValidationFailed
from lexi.kit.clock import utc_now
from lexi.kit.pagination import PageParams
from lexi.kit.text import clean_optional_name
from lexi.lists.repository import ListRepository
from lexi.models import Contact, ContactList


@dataclass(frozen=True)
class AddResult:
    added: int
    contact_count: int


def _normalize(name: str | None) -> str:
    return (names.clean(name) or "").lower()


def _name_taken() -> Conflict:
    return Conflict(
        "A list with this name already exists.", details={"fields": {"name": "Must be unique"}}
    )


def _clean_name(name: str | None) -> str:
    try:
        cleaned = names.clean(clean_optional_name(name))
    except ValueError as exc:
        raise ValidationFailed.field("name", str(exc)) from None
    if not cleaned or len(cleaned) > 200:
        raise ValidationFailed.field("name", "Must be 1 to 200 characters")
    return cleaned


def _clean_description(text: str | None) -> str | None:
    # Unlike names, descriptions keep their line breaks; only blank ones become null.
    return text.strip() or None if text else None


def _flush_unique(session: Session) -> None:
    try:
        with session.begin_nested():
            session.flush()
    except IntegrityError:
        raise _name_taken() from None


def create_list(
    session: Session, workspace_id: uuid.UUID, name: str, description: str | None = None
) -> ContactList:
    """Create a list; a name already used in the workspace is ``409 conflict``."""
    cleaned = _clean_name(name)
    repo = ListRepository(session)
    if repo.by_name(workspace_id, cleaned.lower()) is not None:
        raise _name_taken()
    lst = ContactList(
        workspace_id=workspace_id,
        name=cleaned,
        name_normalized=cleaned.lower(),
        description=_clean_description(description),
    )
    session.add(lst)
    _flush_unique(session)
    return lst


def get_list(session: Session, workspace_id: uuid.UUID, list_id: uuid.UUID) -> ContactList:
    """A list of the workspace; unknown or another workspace's is ``404 list_not_found``."""
    lst = ListRepository(session).get_in_workspace(workspace_id, list_id)
    if lst is None:
        raise NotFound("List not found.", code="list_not_found")
    return lst


def find_list_by_name(session: Session, workspace_id: uuid.UUID, name: str) -> ContactList | None:
    """The list with this name (trimmed, case-insensitive), if any."""
    normalized = _normalize(name)
    return ListRepository(session).by_name(workspace_id, normalized) if normalized else None


def list_names(session: Session, workspace_id: uuid.UUID) -> list[str]:
    """Every list name of the workspace, alphabetically."""
    return ListRepository(session).names(workspace_id)


def list_lists(
    session: Session, workspace_id: uuid.UUID, params: PageParams
) -> tuple[list[tuple[ContactList, int]], int]:
    """A page of lists, newest first, each with its member count."""
    repo = ListRepository(session)
    rows, total = repo.paginate(repo.list_stmt(workspace_id), params)
    counts = repo.counts([r.id for r in rows])
    return [(r, counts.get(r.id, 0)) for r in rows], total


def update_list(
    session: Session,
    workspace_id: uuid.UUID,
    list_id: uuid.UUID,
    changes: dict[str, str | None],
) -> ContactList:
    """Rename or re-describe a list; renaming onto another list's name is ``409 conflict``."""
    lst = get_list(session, workspace_id, list_id)
    if "name" in changes:
        cleaned = _clean_name(changes["name"])
        other = ListRepository(session).by_name(workspace_id, cleaned.lower())
        if other is not None and other.id != lst.id:
            raise _name_taken()
        lst.name, lst.name_normalized = cleaned, cleaned.lower()
    if "description" in changes:
        lst.description = _clean_description(changes["description"])
    _flush_unique(session)
    return lst


def delete_list(
    session: Session,
    workspace_id: uuid.UUID,
    list_id: uuid.UUID,
    *,
    actor: Actor,
    task_id: uuid.UUID | None = None,
) -> None:
    """Delete a list and its memberships; the contacts stay. ``task_id``: the approved task that
    deletes it, if any (named in the audit event)."""
    lst = get_list(session, workspace_id, list_id)
    details: dict[str, Any] = {"name": lst.name}
    if task_id is not None:
        details["task_id"] = str(task_id)
    ListRepository(session).delete_list(lst)
    audit.record(session, workspace_id, "list.deleted", actor, list_id, details)


def add_contacts(
    session: Session, workspace_id: uuid.UUID, list_id: uuid.UUID, contact_ids: list[uuid.UUID]
) -> AddResult:
    """Add contacts to a list, all or nothing.

    Any id that is not a contact of this workspace is ``404 contact_not_found`` (with
    ``details.contact_ids``) and nothing is added. Existing members are not counted again.
    """
    get_list(session, workspace_id, list_id)
    wanted = list(dict.fromkeys(contact_ids))
    found = ContactRepository(session).existing_ids(workspace_id, wanted) if wanted else set()
    missing = [str(cid) for cid in wanted if cid not in found]
    if missing:
        raise NotFound(
            "Some contacts were not found.",
            code="contact_not_found",
            details={"contact_ids": missing},
        )
    repo = ListRepository(session)
    added = repo.add_members(list_id, wanted)
    touch(session, list_id)
    return AddResult(added=added, contact_count=repo.count(list_id))


def remove_contacts(
    session: Session, workspace_id: uuid.UUID, list_id: uuid.UUID, contact_ids: list[uuid.UUID]
) -> int:
    """Remove these contacts from the list; returns how many were members."""
    get_list(session, workspace_id, list_id)
    removed = ListRepository(session).remove_members(list_id, list(dict.fromkeys(contact_ids)))
    if removed:
        touch(session, list_id)
    return removed


def remove_contact(
    session: Session, workspace_id: uuid.UUID, list_id: uuid.UUID, contact_id: uuid.UUID
) -> None:
    """Remove one member; a contact that is unknown or not a member is ``404 contact_not_found``."""
    get_list(session, workspace_id, list_id)
    if not remove_contacts(session, workspace_id, list_id, [contact_id]):
        raise NotFound("Contact not found in this list.", code="contact_not_found")


def remove_by_company(
    session: Session, workspace_id: uuid.UUID, list_id: uuid.UUID, company: str
) -> int:
    """Remove every member whose company name matches (case-insensitive, trimmed)."""
    get_list(session, workspace_id, list_id)
    target = names.clean(company)
    if not target:
        return 0
    ids = ListRepository(session).member_ids_by_company(workspace_id, list_id, target)
    return remove_contacts(session, workspace_id, list_id, ids)


def members(
    session: Session,
    workspace_id: uuid.UUID,
    list_id: uuid.UUID,
    *,
    newest_first: bool = False,
    limit: int | None = None,
) -> list[Contact]:
    """The list's contacts in the order they were added (``newest_first`` for "the last 3")."""
    get_list(session, workspace_id, list_id)
    return ListRepository(session).members(
        workspace_id, list_id, newest_first=newest_first, limit=limit
    )


def merge_into(
    session: Session, workspace_id: uuid.UUID, source_id: uuid.UUID, target_id: uuid.UUID
) -> AddResult:
    """Add every member of ``source`` to ``target`` (the source list stays as it is)."""
    if source_id == target_id:
        raise ValidationFailed.field("list", "A list cannot be merged into itself")
    ids = [c.id for c in members(session, workspace_id, source_id)]
    if not ids:
        get_list(session, workspace_id, target_id)
        return AddResult(added=0, contact_count=ListRepository(session).count(target_id))
    return add_contacts(session, workspace_id, target_id, ids)


def list_overview(
    session: Session, workspace_id: uuid.UUID, limit: int = 50
) -> list[tuple[ContactList, int]]:
    """The workspace's lists (newest first, at most ``limit``) with their member counts."""
    rows, _ = list_lists(session, workspace_id, PageParams(page=1, per_page=limit))
    return rows


def contact_count(session: Session, workspace_id: uuid.UUID, list_id: uuid.UUID) -> int:
    """How many contacts the list holds."""
    get_list(session, workspace_id, list_id)
    return ListRepository(session).count(list_id)


def touch(session: Session, list_id: uuid.UUID) -> None:
    lst = session.get(ContactList, list_id)
    if lst is not None:
        lst.updated_at = utc_now()
        session.flush()
