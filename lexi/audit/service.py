"""Audit events: who (an API key, a signed-in user or the operator CLI) changed what.

An event is added to the unit of work of the change it records, so the two commit or roll back
together. ``record`` only adds the row to the session: it is inserted with the next flush,
together with any other pending rows, so recording costs no round trip of its own.
"""

from __future__ import annotations

import getpass
import uuid
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy.orm import Session

from lexi.audit.repository import AuditRepository
from lexi.errors import ValidationFailed
from lexi.kit.pagination import PageParams
from lexi.models import AuditEvent

ActorKind = Literal["api_key", "user", "cli"]
ACTOR_KINDS: tuple[str, ...] = ("api_key", "user", "cli")

# Every event type, and what its target is.
EVENT_TYPES: dict[str, str] = {
    "api_key.created": "api_key",
    "api_key.revoked": "api_key",
    "task.approved": "task",
    "task.dismissed": "task",
    "credits.granted": "credit_entry",
    "credits.charged": "credit_entry",
    "credits.refunded": "credit_entry",
    "list.deleted": "list",
    "campaign.start_requested": "campaign",
    "campaign.started": "campaign",
    "campaign.paused": "campaign",
    "user.created": "user",
    "user.invited": "invite",
    "user.joined": "user",
    "user.role_changed": "user",
    "user.password_reset": "user",
}


@dataclass(frozen=True)
class Actor:
    """Who acts: an API key (``id`` = key id), a signed-in user (``id`` = user id) or the
    operator CLI (``id`` None, ``name`` the operating-system user)."""

    kind: ActorKind
    id: str | None
    name: str

    @classmethod
    def api_key(cls, key_id: uuid.UUID, name: str) -> Actor:
        return cls("api_key", str(key_id), name)

    @classmethod
    def user(cls, user_id: uuid.UUID, email: str) -> Actor:
        return cls("user", str(user_id), email)

    @classmethod
    def cli(cls, name: str | None = None) -> Actor:
        if name is None:
            try:
                name = getpass.getuser()
            except (KeyError, OSError):
                name = "operator"
        return cls("cli", None, name)

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "id": self.id, "name": self.name}

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Actor | None:
        if not data or data.get("kind") not in ACTOR_KINDS:
            return None
        raw_id = data.get("id")
        kind: ActorKind = data["kind"]
        return cls(kind, str(raw_id) if raw_id else None, str(data.get("name") or ""))


def record(
    session: Session,
    workspace_id: uuid.UUID,
    type: str,
    actor: Actor,
    target_id: uuid.UUID | str | None,
    details: dict[str, Any] | None = None,
) -> AuditEvent:
    """Add one event to the session (inserted with the change it records)."""
    event = AuditEvent(
        workspace_id=workspace_id,
        type=type,
        actor_kind=actor.kind,
        actor_id=actor.id,
        actor_name=actor.name[:320],
        target_type=EVENT_TYPES[type],
        target_id=str(target_id) if target_id is not None else None,
        details=details or {},
    )
    AuditRepository(session).stage(event)
    return event


def _is_family(prefix: str) -> bool:
    return prefix.endswith(".") and any(t.startswith(prefix) for t in EVENT_TYPES)


def list_events(
    session: Session,
    workspace_id: uuid.UUID,
    params: PageParams,
    *,
    type: str | None = None,
    actor: str | None = None,
) -> tuple[list[AuditEvent], int]:
    """The workspace's events, newest first. ``type`` is an event type or a prefix ending in a
    dot (``credits.``); ``actor`` is a kind (api_key, user, cli) or an actor's id."""
    if type and type not in EVENT_TYPES and not _is_family(type):
        raise ValidationFailed(
            f"Unknown event type {type!r}.",
            details={"fields": {"type": "Unknown event type"}, "valid": sorted(EVENT_TYPES)},
        )
    if actor:
        actor = actor.strip().lower()
    repo = AuditRepository(session)
    stmt = repo.list_stmt(
        workspace_id,
        type=type,
        actor_kind=actor if actor in ACTOR_KINDS else None,
        actor_id=actor if actor and actor not in ACTOR_KINDS else None,
    )
    return repo.paginate(stmt, params)
