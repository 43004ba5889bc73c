from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import delete, select, update

from lexi.db.results import rowcount
from lexi.kit.repository import Repository
from lexi.models import Invite, Membership, User, UserSession, Workspace


class UserRepository(Repository[User]):
    model = User

    def by_email(self, email: str) -> User | None:
        return self.session.scalars(select(User).where(User.email == email)).first()


class MembershipRepository(Repository[Membership]):
    model = Membership

    def find(self, workspace_id: uuid.UUID, user_id: uuid.UUID) -> Membership | None:
        return self.session.scalars(
            select(Membership).where(
                Membership.workspace_id == workspace_id, Membership.user_id == user_id
            )
        ).first()

    def first_for_user(self, user_id: uuid.UUID) -> Membership | None:
        return self.session.scalars(
            select(Membership)
            .where(Membership.user_id == user_id)
            .order_by(Membership.created_at, Membership.id)
        ).first()

    def workspace_ids(self, user_id: uuid.UUID) -> list[uuid.UUID]:
        return list(
            self.session.scalars(
                select(Membership.workspace_id).where(Membership.user_id == user_id)
            )
        )

    def members(self, workspace_id: uuid.UUID) -> list[tuple[Membership, User]]:
        rows = self.session.execute(
            select(Membership, User)
            .join(User, User.id == Membership.user_id)
            .where(Membership.workspace_id == workspace_id)
            .order_by(User.email)
        )
        return [(m, u) for m, u in rows]


class SessionRepository(Repository[UserSession]):
    model = UserSession

    def resolve(
        self, token_hash: str, now: datetime
    ) -> tuple[UserSession, User, Membership] | None:
        row = self.session.execute(
            select(UserSession, User, Membership)
            .join(User, User.id == UserSession.user_id)
            .join(
                Membership,
                (Membership.user_id == UserSession.user_id)
                & (Membership.workspace_id == UserSession.workspace_id),
            )
            .join(Workspace, Workspace.id == UserSession.workspace_id)
            .where(UserSession.token_hash == token_hash, UserSession.expires_at > now)
        ).first()
        return (row[0], row[1], row[2]) if row else None

    def delete_by_hash(self, token_hash: str) -> None:
        self.session.execute(delete(UserSession).where(UserSession.token_hash == token_hash))

    def delete_expired(self, user_id: uuid.UUID, now: datetime) -> None:
        self.session.execute(
            delete(UserSession).where(UserSession.user_id == user_id, UserSession.expires_at <= now)
        )

    def expire_all(self, user_id: uuid.UUID, now: datetime) -> int:
        result = self.session.execute(
            update(UserSession)
            .where(UserSession.user_id == user_id, UserSession.expires_at > now)
            .values(expires_at=now)
        )
        return rowcount(result)


class InviteRepository(Repository[Invite]):
    model = Invite

    def by_hash(self, token_hash: str) -> Invite | None:
        return self.session.scalars(select(Invite).where(Invite.token_hash == token_hash)).first()

    def claim(self, invite_id: uuid.UUID, now: datetime) -> bool:
        """Marks an open invite accepted; False when it was already used or has expired."""
        result = self.session.execute(
            update(Invite)
            .where(Invite.id == invite_id, Invite.accepted_at.is_(None), Invite.expires_at > now)
            .values(accepted_at=now)
        )
        return bool(rowcount(result))

    def open_for(self, workspace_id: uuid.UUID, now: datetime) -> list[Invite]:
        return list(
            self.session.scalars(
                select(Invite)
                .where(
                    Invite.workspace_id == workspace_id,
                    Invite.accepted_at.is_(None),
                    Invite.expires_at > now,
                )
                .order_by(Invite.created_at.desc())
            )
        )
