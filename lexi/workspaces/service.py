"""Workspaces: the tenant. Created by operators (CLI), never through the public API."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy.orm import Session

from lexi.audit.service import Actor
from lexi.credits import service as credits_service
from lexi.errors import NotFound, ValidationFailed
from lexi.models import Workspace
from lexi.workspaces.repository import WorkspaceRepository

PLANS = ("starter", "pro", "organization")


def create(
    session: Session,
    name: str,
    *,
    plan: str = "starter",
    credits: int = 0,
    actor: Actor | None = None,
) -> Workspace:
    """A new workspace (operators only: ``actor`` defaults to the CLI) with an initial grant."""
    name = name.strip()
    if not name or len(name) > 200:
        raise ValidationFailed.field("name", "Must be 1 to 200 characters")
    if plan not in PLANS:
        raise ValidationFailed(
            f"Unknown plan {plan!r}.", details={"fields": {"plan": f"One of {', '.join(PLANS)}"}}
        )
    if credits < 0:
        raise ValidationFailed.field("credits", "Must not be negative")
    ws = WorkspaceRepository(session).add(
        Workspace(name=name, plan=plan, credit_balance=0, settings={})
    )
    if credits:
        credits_service.grant(
            session, ws.id, credits, reason="initial grant", actor=actor or Actor.cli()
        )
    return ws


def get(session: Session, workspace_id: uuid.UUID) -> Workspace:
    ws = WorkspaceRepository(session).get(workspace_id)
    if ws is None:
        raise NotFound(f"Workspace {workspace_id} not found.", code="workspace_not_found")
    return ws


def list_all(session: Session) -> list[Workspace]:
    return WorkspaceRepository(session).list_all()


def find_by_name(session: Session, name: str) -> Workspace | None:
    return WorkspaceRepository(session).find_by_name(name)


def get_setting(workspace: Workspace, key: str, default: Any) -> Any:
    return (workspace.settings or {}).get(key, default)


def update_settings(session: Session, workspace: Workspace, changes: dict[str, Any]) -> Workspace:
    workspace.settings = {**(workspace.settings or {}), **changes}
    session.flush()
    return workspace
