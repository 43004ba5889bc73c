from __future__ import annotations

from sqlalchemy import select

from lexi.kit.repository import Repository
from lexi.models import Workspace


class WorkspaceRepository(Repository[Workspace]):
    model = Workspace

    def list_all(self) -> list[Workspace]:
        return list(self.session.scalars(select(Workspace).order_by(Workspace.created_at)))

    def find_by_name(self, name: str) -> Workspace | None:
        return self.session.scalars(select(Workspace).where(Workspace.name == name)).first()
