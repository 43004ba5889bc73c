from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Select, delete, func, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from lexi.db.results import rowcount
from lexi.kit.clock import utc_now
from lexi.kit.repository import Repository, chunks
from lexi.models import Contact, ContactList, ListMembership


class ListRepository(Repository[ContactList]):
    model = ContactList

    def by_name(self, workspace_id: uuid.UUID, name_normalized: str) -> ContactList | None:
        return self.session.scalars(
            select(ContactList).where(
                ContactList.workspace_id == workspace_id,
                ContactList.name_normalized == name_normalized,
            )
        ).first()

    def names(self, workspace_id: uuid.UUID) -> list[str]:
        return list(
            self.session.scalars(
                select(ContactList.name)
                .where(ContactList.workspace_id == workspace_id)
                .order_by(ContactList.name_normalized)
            )
        )

    def list_stmt(self, workspace_id: uuid.UUID) -> Select[ContactList]:
        return (
            select(ContactList)
            .where(ContactList.workspace_id == workspace_id)
            .order_by(ContactList.created_at.desc(), ContactList.id.desc())
        )

    def counts(self, list_ids: list[uuid.UUID]) -> dict[uuid.UUID, int]:
        if not list_ids:
            return {}
        rows = self.session.execute(
            select(ListMembership.list_id, func.count())
            .where(ListMembership.list_id.in_(list_ids))
            .group_by(ListMembership.list_id)
        )
        return {row[0]: int(row[1]) for row in rows}

    def count(self, list_id: uuid.UUID) -> int:
        return int(
            self.session.scalar(
                select(func.count())
                .select_from(ListMembership)
                .where(ListMembership.list_id == list_id)
            )
            or 0
        )

    def add_members(self, list_id: uuid.UUID, contact_ids: list[uuid.UUID]) -> int:
        """Insert memberships, skipping ones that exist (also when added concurrently)."""
        if not contact_ids:
            return 0
        now = utc_now()
        rows: list[dict[str, Any]] = [
            {"id": uuid.uuid4(), "list_id": list_id, "contact_id": cid, "created_at": now}
            for cid in contact_ids
        ]
        dialect = self.session.get_bind().dialect.name
        insert = pg_insert if dialect == "postgresql" else sqlite_insert
        added = 0
        for chunk in chunks(rows):
            stmt = (
                insert(ListMembership)
                .values(list(chunk))
                .on_conflict_do_nothing(index_elements=["list_id", "contact_id"])
                .returning(ListMembership.contact_id)
            )
            # Counting returned rows: rowcount is not reliable across drivers for this statement.
            added += len(self.session.execute(stmt).all())
        return added

    def remove_members(self, list_id: uuid.UUID, contact_ids: list[uuid.UUID]) -> int:
        if not contact_ids:
            return 0
        result = self.session.execute(
            delete(ListMembership).where(
                ListMembership.list_id == list_id, ListMembership.contact_id.in_(contact_ids)
            )
        )
        return rowcount(result)

    def member_ids_by_company(
        self, workspace_id: uuid.UUID, list_id: uuid.UUID, company: str
    ) -> list[uuid.UUID]:
        return list(
            self.session.scalars(
                select(ListMembership.contact_id)
                .join(Contact, Contact.id == ListMembership.contact_id)
                .where(
                    ListMembership.list_id == list_id,
                    Contact.workspace_id == workspace_id,
                    func.lower(Contact.company_name) == company.lower(),
                )
            )
        )

    def members(
        self, workspace_id: uuid.UUID, list_id: uuid.UUID, *, newest_first: bool, limit: int | None
    ) -> list[Contact]:
        """A list's contacts in the order they joined it (or newest first)."""
        order = (
            (ListMembership.created_at.desc(), ListMembership.id.desc())
            if newest_first
            else (ListMembership.created_at, ListMembership.id)
        )
        stmt = (
            select(Contact)
            .join(ListMembership, ListMembership.contact_id == Contact.id)
            .where(ListMembership.list_id == list_id, Contact.workspace_id == workspace_id)
            .order_by(*order)
        )
        if limit is not None:
            stmt = stmt.limit(limit)
        return list(self.session.scalars(stmt))

    def delete_list(self, lst: ContactList) -> None:
        self.session.execute(delete(ListMembership).where(ListMembership.list_id == lst.id))
        self.session.delete(lst)
        self.session.flush()
