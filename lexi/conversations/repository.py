from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Select, delete, func, select

from lexi.kit.repository import Repository
from lexi.models import Conversation, Message


class ConversationRepository(Repository[Conversation]):
    model = Conversation

    def list_stmt(
        self, workspace_id: uuid.UUID, *, search: str | None, archived: bool | None
    ) -> Select[Any]:
        stmt = select(Conversation).where(Conversation.workspace_id == workspace_id)
        if archived is not None:
            stmt = stmt.where(Conversation.archived.is_(archived))
        if search:
            pattern = f"%{search.lower()}%"
            in_messages = (
                select(Message.id)
                .where(
                    Message.conversation_id == Conversation.id,
                    Message.role != "tool",
                    func.lower(Message.content).like(pattern),
                )
                .exists()
            )
            stmt = stmt.where(func.lower(Conversation.title).like(pattern) | in_messages)
        return stmt.order_by(
            func.coalesce(Conversation.last_message_at, Conversation.created_at).desc(),
            Conversation.id,
        )

    def get_locked(
        self, workspace_id: uuid.UUID, conversation_id: uuid.UUID
    ) -> Conversation | None:
        """Row-locked on PostgreSQL so two turns of one conversation append in order (SQLite
        already serialises writers)."""
        stmt = (
            select(Conversation)
            .where(Conversation.id == conversation_id, Conversation.workspace_id == workspace_id)
            .with_for_update()
        )
        return self.session.scalars(stmt).first()

    def delete(self, conversation: Conversation) -> None:
        self.session.execute(delete(Message).where(Message.conversation_id == conversation.id))
        self.session.delete(conversation)
        self.session.flush()


class MessageRepository(Repository[Message]):
    model = Message

    def recent(
        self, conversation_id: uuid.UUID, *, limit: int, include_tool_steps: bool
    ) -> list[Message]:
        stmt = select(Message).where(Message.conversation_id == conversation_id)
        if not include_tool_steps:
            stmt = stmt.where(Message.role != "tool")
        rows = list(self.session.scalars(stmt.order_by(Message.position.desc()).limit(limit)))
        rows.reverse()
        return rows

    def next_position(self, conversation_id: uuid.UUID) -> int:
        value = self.session.scalar(
            select(func.max(Message.position)).where(Message.conversation_id == conversation_id)
        )
        return int(value) + 1 if value is not None else 0
