from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from lexi.audit import service
from lexi.audit.schemas import AuditEventOut
from lexi.auth.dependencies import AdminApiKeys
from lexi.deps import SessionDep
from lexi.kit.pagination import Page, PageParams, page_params

router = APIRouter(prefix="/audit-events", tags=["Audit"])
AuditPage = Annotated[PageParams, Depends(page_params(default=50, maximum=100))]


@router.get("", response_model=Page[AuditEventOut])
def list_audit_events(
    caller: AdminApiKeys,
    session: SessionDep,
    params: AuditPage,
    type: Annotated[
        str | None,
        Query(
            max_length=40,
            description="An event type (`task.approved`) or a family ending in a dot (`credits.`).",
        ),
    ] = None,
    actor: Annotated[
        str | None,
        Query(
            max_length=64,
            description="An actor kind (`api_key`, `user`, `cli`) or an API key's or user's id.",
        ),
    ] = None,
) -> Page[AuditEventOut]:
    """(ext) Who changed what in the workspace, newest first: key creation and revocation, task
    approval and dismissal, credit grants, charges and refunds, list deletion, campaign start and
    pause, users and invites."""
    events, total = service.list_events(
        session, caller.workspace_id, params, type=type, actor=actor
    )
    return Page[AuditEventOut].build([AuditEventOut.of(e) for e in events], total, params)
