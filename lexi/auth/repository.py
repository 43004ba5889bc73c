from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import Row, Select, or_, select, update

from lexi.kit.repository import Repository
from lexi.models import ApiKey, Workspace


class ApiKeyRepository(Repository[ApiKey]):
    model = ApiKey

    def credentials_by_hash(self, token_hash: str) -> Row[*tuple[Any, ...]] | None:
        """What authenticating a request needs, as one row of plain columns (no ORM objects):
        the key's id, workspace, prefix, name, scopes, tier, revocation, expiry and last use, and the
        workspace's plan."""
        stmt = (
            select(
                ApiKey.id,
                ApiKey.workspace_id,
                ApiKey.prefix,
                ApiKey.name,
                ApiKey.scopes,
                ApiKey.rate_limit_tier,
                ApiKey.revoked_at,
                ApiKey.expires_at,
                ApiKey.last_used_at,
                Workspace.plan,
            )
            .join(Workspace, Workspace.id == ApiKey.workspace_id)
            .where(ApiKey.token_hash == token_hash)
        )
        return self.session.execute(stmt).first()

    def list_stmt(
        self, workspace_id: uuid.UUID, *, include_revoked: bool, search: str | None
    ) -> Select[ApiKey]:
        stmt = select(ApiKey).where(ApiKey.workspace_id == workspace_id)
        if not include_revoked:
            stmt = stmt.where(ApiKey.revoked_at.is_(None))
        if search:
            # The user's text is matched literally: % and _ are not wildcards here.
            escaped = search.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            like = f"%{escaped}%"
            stmt = stmt.where(
                or_(
                    ApiKey.name.ilike(like, escape="\\"),
                    ApiKey.description.ilike(like, escape="\\"),
                    ApiKey.prefix.ilike(like, escape="\\"),
                )
            )
        return stmt.order_by(ApiKey.created_at.desc(), ApiKey.id)

    def active_admin_keys(self, workspace_id: uuid.UUID, now: datetime) -> list[ApiKey]:
        stmt = select(ApiKey).where(
            ApiKey.workspace_id == workspace_id,
            ApiKey.revoked_at.is_(None),
            or_(ApiKey.expires_at.is_(None), ApiKey.expires_at > now),
        )
        return [k for k in self.session.scalars(stmt) if "admin:api_keys" in (k.scopes or [])]

    def touch(self, key_id: uuid.UUID, now: datetime) -> None:
        self.session.execute(
            update(ApiKey)
            .where(ApiKey.id == key_id)
            .values(last_used_at=now)
            .execution_options(synchronize_session=False)
        )

    def lock_workspace(self, workspace_id: uuid.UUID) -> None:
        """Serialise revocations per workspace (row lock on PostgreSQL; SQLite is serial)."""
        self.session.execute(
            select(Workspace.id).where(Workspace.id == workspace_id).with_for_update()
        )
