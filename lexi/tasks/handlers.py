"""What each task type does when it runs. A handler must be safe to run again after a crash.

Handlers run inside the worker's unit of work, which commits the handler's writes together with
the task's completion; a crash rolls everything back and another worker runs the handler again.
They are also idempotent on their own: charging checks the task's charge reference, and saving
prospects is idempotent per person.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from sqlalchemy.orm import Session

from lexi.auth.scopes import Scope
from lexi.errors import InsufficientPermissions, NotFound
from lexi.lists import service as lists_service
from lexi.prospects import service as prospects_service
from lexi.prospects.filters import APPROVED_MAX_LIMIT, ProspectFilters
from lexi.tasks import service as tasks_service
from lexi.tasks.service import Claim

Handler = Callable[[Session, Claim], dict[str, Any]]
HANDLERS: dict[str, Handler] = {}
RESULT_PROSPECTS = 100


class TaskFailed(Exception):
    """A handler's clean failure: the message becomes the task's ``error``."""


def handler(task_type: str) -> Callable[[Handler], Handler]:
    """Register the handler of a task type (a campaigns feature registers ``campaign_start``)."""

    def wrap(fn: Handler) -> Handler:
        HANDLERS[task_type] = fn
        return fn

    return wrap


def _require(claim: Claim, scope: Scope) -> None:
    if claim.scopes and scope.value not in claim.scopes:
        raise InsufficientPermissions(f"The proposing key lacks the '{scope.value}' scope.")


@handler("prospect_search")
def prospect_search(session: Session, claim: Claim) -> dict[str, Any]:
    """Select the quoted people, save them as contacts (and to the list, if any)."""
    _require(claim, Scope.prospects_read)
    _require(claim, Scope.contacts_write)
    meta = claim.metadata
    filters = ProspectFilters.parse(meta.get("query") or {}, max_limit=APPROVED_MAX_LIMIT)
    tasks_service.ensure_charged(session, claim, int((meta.get("quote") or {}).get("credits") or 0))
    list_id = uuid.UUID(meta["list_id"]) if meta.get("list_id") else None
    if list_id is not None:
        try:
            lists_service.get_list(session, claim.workspace_id, list_id)
        except NotFound:
            raise TaskFailed("The list this task saves to was deleted.") from None
    elif meta.get("create_list") and meta.get("list_name"):
        # The list is created when the task runs, so a dismissed proposal leaves nothing behind.
        lst = lists_service.find_list_by_name(session, claim.workspace_id, meta["list_name"])
        if lst is None:
            lst = lists_service.create_list(session, claim.workspace_id, meta["list_name"])
        list_id = lst.id
    found = prospects_service.search(
        session, filters, workspace_id=claim.workspace_id, offset=int(meta.get("offset") or 0)
    )
    ids = [uuid.UUID(p["id"]) for p in found.prospects]
    saved = prospects_service.save(session, claim.workspace_id, ids, list_id=list_id)
    # The search said whether each person was saved before this task saved them all.
    shown = [{**p, "saved": True} for p in found.prospects[:RESULT_PROSPECTS]]
    result: dict[str, Any] = {
        "total_matches": found.total,
        "prospects": shown,
        "selected": len(ids),
        "contacts_created": saved.created,
        # Every selected person, so the conversation that proposed the task can use them.
        "prospect_ids": [str(i) for i in ids],
    }
    if list_id is not None:
        result.update(list_id=str(list_id), added=saved.added_to_list)
    return result


@handler("list_operation")
def list_operation(session: Session, claim: Claim) -> dict[str, Any]:
    """An approved destructive list change (deleting a list; its contacts stay)."""
    _require(claim, Scope.contacts_write)
    meta = claim.metadata
    if meta.get("operation") != "delete":
        raise TaskFailed(f"Unknown list operation: {meta.get('operation')!r}.")
    try:
        list_id = uuid.UUID(str(meta.get("list_id")))
        lists_service.delete_list(
            session, claim.workspace_id, list_id, actor=claim.approved_by, task_id=claim.id
        )
    except (NotFound, ValueError):
        # Already gone (deleted elsewhere, or by an earlier run of this task): nothing to do.
        return {"operation": "delete", "list_id": meta.get("list_id"), "deleted": False}
    return {"operation": "delete", "list_id": str(list_id), "deleted": True}


# Feature handlers registered with ``@handler`` in their own modules.
import lexi.campaigns.handlers  # noqa: E402, F401
