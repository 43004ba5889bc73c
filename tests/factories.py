"""Tiny builders that write through the services, the way the CLI does."""

from __future__ import annotations

import uuid

from lexi.audit.service import Actor
from lexi.auth import service as auth_service
from lexi.db.session import Database
from lexi.models import Workspace
from lexi.workspaces import service as workspaces_service

# Fixtures are made the way an operator makes them: with the CLI.
OPERATOR = Actor.cli("tests")


class Factory:
    def __init__(self, db: Database) -> None:
        self.db = db

    def workspace(
        self, *, credits: int = 1000, plan: str = "organization", name: str | None = None
    ) -> Workspace:
        with self.db.unit_of_work() as session:
            return workspaces_service.create(
                session,
                name or f"ws-{uuid.uuid4().hex[:8]}",
                plan=plan,
                credits=credits,
                actor=OPERATOR,
            )

    def key(
        self,
        workspace_id: uuid.UUID,
        *,
        scopes: list[str] | None = None,
        tier: str = "unmetered",
        name: str = "test key",
        expires_at=None,  # type: ignore[no-untyped-def]
    ) -> str:
        with self.db.unit_of_work() as session:
            _, plaintext = auth_service.create_key(
                session,
                workspace_id,
                name=name,
                scopes=scopes or ["all"],
                tier=tier,
                expires_at=expires_at,
                actor=OPERATOR,
            )
        return plaintext

    def headers(self, workspace_id: uuid.UUID, **kw) -> dict[str, str]:  # type: ignore[no-untyped-def]
        return {"Authorization": f"Bearer {self.key(workspace_id, **kw)}"}
