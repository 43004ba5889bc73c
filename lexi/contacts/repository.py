from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Select, delete, func, or_, select

from lexi.db.results import rowcount
from lexi.kit.repository import Repository
from lexi.models import Contact, ListMembership

SORTS = {
    "created_at": Contact.created_at,
    "updated_at": Contact.updated_at,
    # lower(): SQLite compares bytes, PostgreSQL by collation; lower-casing makes both agree.
    "full_name": func.lower(Contact.full_name),
}


@dataclass(frozen=True)
class ContactFilters:
    search: str | None = None
    list_id: uuid.UUID | None = None
    created_after: datetime | None = None
    sort: str = "-created_at"


def _like(text: str) -> str:
    escaped = text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


class ContactRepository(Repository[Contact]):
    model = Contact

    def list_stmt(self, workspace_id: uuid.UUID, filters: ContactFilters) -> Select[Contact]:
        stmt = select(Contact).where(Contact.workspace_id == workspace_id)
        if filters.list_id is not None:
            stmt = stmt.join(ListMembership, ListMembership.contact_id == Contact.id).where(
                ListMembership.list_id == filters.list_id
            )
        if filters.search:
            like = _like(filters.search)
            stmt = stmt.where(
                or_(
                    func.lower(Contact.full_name).like(like, escape="\\"),
                    Contact.email_normalized.like(like, escape="\\"),
                    func.lower(Contact.company_name).like(like, escape="\\"),
                )
            )
        if filters.created_after is not None:
            stmt = stmt.where(Contact.created_at > filters.created_after)
        descending = filters.sort.startswith("-")
        column = SORTS[filters.sort.lstrip("-")]
        order = column.desc().nulls_last() if descending else column.asc().nulls_last()
        return stmt.order_by(order, Contact.id.desc() if descending else Contact.id.asc())

    def stream(self, stmt: Select[Contact], batch: int = 500) -> Iterator[Contact]:
        result = self.session.execute(stmt.execution_options(yield_per=batch))
        for row in result:
            yield row[0]

    def by_email(self, workspace_id: uuid.UUID, email_normalized: str) -> Contact | None:
        return self.session.scalars(
            select(Contact).where(
                Contact.workspace_id == workspace_id, Contact.email_normalized == email_normalized
            )
        ).first()

    def by_emails(self, workspace_id: uuid.UUID, emails: Iterable[str]) -> dict[str, Contact]:
        stmt = select(Contact).where(Contact.workspace_id == workspace_id)
        found = self.scalars_in(stmt, Contact.email_normalized, list(set(emails)))
        return {c.email_normalized or "": c for c in found}

    def by_prospect(self, workspace_id: uuid.UUID, prospect_id: uuid.UUID) -> Contact | None:
        return self.session.scalars(
            select(Contact).where(
                Contact.workspace_id == workspace_id, Contact.prospect_id == prospect_id
            )
        ).first()

    def by_prospects(
        self, workspace_id: uuid.UUID, prospect_ids: Iterable[uuid.UUID]
    ) -> dict[uuid.UUID, Contact]:
        stmt = select(Contact).where(Contact.workspace_id == workspace_id)
        found = self.scalars_in(stmt, Contact.prospect_id, list(set(prospect_ids)))
        return {c.prospect_id: c for c in found if c.prospect_id is not None}

    def saved_prospect_ids(
        self, workspace_id: uuid.UUID, *, all_contacts: bool, list_ids: list[uuid.UUID]
    ) -> list[uuid.UUID]:
        """Prospect ids of the workspace's contacts (all of them, or members of these lists)."""
        found: set[uuid.UUID] = set()
        if all_contacts:
            found.update(
                self.session.scalars(
                    select(Contact.prospect_id).where(
                        Contact.workspace_id == workspace_id, Contact.prospect_id.is_not(None)
                    )
                )
            )
        elif list_ids:
            found.update(
                self.session.scalars(
                    select(Contact.prospect_id)
                    .join(ListMembership, ListMembership.contact_id == Contact.id)
                    .where(
                        Contact.workspace_id == workspace_id,
                        Contact.prospect_id.is_not(None),
                        ListMembership.list_id.in_(list_ids),
                    )
                )
            )
        return [p for p in found if p is not None]

    def prospect_ids_in(
        self, workspace_id: uuid.UUID, prospect_ids: list[uuid.UUID]
    ) -> set[uuid.UUID]:
        stmt = select(Contact.prospect_id).where(Contact.workspace_id == workspace_id)
        return set(self.scalars_in(stmt, Contact.prospect_id, prospect_ids))

    def many(self, workspace_id: uuid.UUID, ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, Contact]:
        stmt = select(Contact).where(Contact.workspace_id == workspace_id)
        return {c.id: c for c in self.scalars_in(stmt, Contact.id, list(set(ids)))}

    def existing_ids(self, workspace_id: uuid.UUID, ids: list[uuid.UUID]) -> set[uuid.UUID]:
        return set(
            self.session.scalars(
                select(Contact.id).where(Contact.workspace_id == workspace_id, Contact.id.in_(ids))
            )
        )

    def delete_ids(self, workspace_id: uuid.UUID, ids: list[uuid.UUID]) -> int:
        # Memberships go first explicitly: the result must not depend on SQLite's FK pragma.
        self.session.execute(delete(ListMembership).where(ListMembership.contact_id.in_(ids)))
        result = self.session.execute(
            delete(Contact)
            .where(Contact.workspace_id == workspace_id, Contact.id.in_(ids))
            .execution_options(synchronize_session=False)
        )
        for obj in list(self.session.identity_map.values()):
            if isinstance(obj, Contact) and obj.id in ids:
                self.session.expunge(obj)
        return rowcount(result)

    def list_ids_of(self, contact_ids: list[uuid.UUID]) -> set[uuid.UUID]:
        return set(
            self.session.scalars(
                select(ListMembership.list_id).where(ListMembership.contact_id.in_(contact_ids))
            )
        )

    def move_memberships(self, from_ids: list[uuid.UUID], to_id: uuid.UUID) -> None:
        """Give ``to_id`` every list of ``from_ids``; duplicates of its own lists are dropped."""
        have = self.list_ids_of([to_id])
        moved: set[uuid.UUID] = set()
        for m in self.session.scalars(
            select(ListMembership).where(ListMembership.contact_id.in_(from_ids))
        ):
            if m.list_id in have or m.list_id in moved:
                self.session.delete(m)
            else:
                moved.add(m.list_id)
                m.contact_id = to_id
        self.session.flush()

    def count(self, stmt: Select[Any]) -> int:
        return int(
            self.session.scalar(select(func.count()).select_from(stmt.order_by(None).subquery()))
            or 0
        )
