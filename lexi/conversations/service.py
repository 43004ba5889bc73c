"""Conversations: the persisted history of chat turns and the state the next turn reads.

The state is ``ConversationState`` stored as JSON; turns append messages (user, tool, assistant)
and replace the state in the caller's unit of work.
"""

from __future__ import annotations

import dataclasses
import uuid
from typing import Any

from sqlalchemy.orm import Session

from lexi.assistant.understanding.types import ConversationState
from lexi.conversations.repository import ConversationRepository, MessageRepository
from lexi.errors import NotFound, ValidationFailed
from lexi.kit.clock import utc_now
from lexi.kit.pagination import PageParams
from lexi.models import Conversation, Message

TITLE_MAX = 80
DEFAULT_TITLE = "New conversation"
_STATE_FIELDS = {f.name for f in dataclasses.fields(ConversationState)}


def not_found() -> NotFound:
    return NotFound("Conversation not found.", code="conversation_not_found")


def get(session: Session, workspace_id: uuid.UUID, conversation_id: uuid.UUID) -> Conversation:
    """A conversation of the workspace; unknown or another workspace's is 404."""
    conv = ConversationRepository(session).get_in_workspace(workspace_id, conversation_id)
    if conv is None:
        raise not_found()
    return conv


def get_for_turn(
    session: Session, workspace_id: uuid.UUID, conversation_id: uuid.UUID
) -> Conversation:
    """The conversation a new turn continues, locked until the turn commits."""
    conv = ConversationRepository(session).get_locked(workspace_id, conversation_id)
    if conv is None:
        raise not_found()
    return conv


def title_from(text: str) -> str:
    """A short title from the first request: its first line, whitespace collapsed, cut on a word."""
    words = " ".join(text.split())
    if not words:
        return DEFAULT_TITLE
    if len(words) <= TITLE_MAX:
        return words
    cut = words[: TITLE_MAX - 1].rsplit(" ", 1)[0] or words[: TITLE_MAX - 1]
    return cut.rstrip(" ,.;:") + "…"


def start(session: Session, workspace_id: uuid.UUID, first_message: str) -> Conversation:
    """A new conversation titled after its first request."""
    return ConversationRepository(session).add(
        Conversation(workspace_id=workspace_id, title=title_from(first_message), state={})
    )


def load_state(conv: Conversation) -> ConversationState:
    data = {k: v for k, v in (conv.state or {}).items() if k in _STATE_FIELDS}
    return ConversationState(**data)


def save_state(session: Session, conv: Conversation, state: ConversationState) -> None:
    # Context ids belong to one request; the next turn brings its own.
    data = dataclasses.asdict(state)
    for key in (
        "context_list_id",
        "context_list_name",
        "context_campaign_id",
        "known_list_names",
        "pending_task_ids",
    ):
        data.pop(key, None)
    conv.state = data
    session.flush()


def append(
    session: Session,
    conv: Conversation,
    role: str,
    content: str,
    *,
    tool_calls: list[dict[str, Any]] | None = None,
    tool_name: str | None = None,
    tool_output: dict[str, Any] | None = None,
) -> Message:
    """Append one message and keep the conversation's count and last-message time current."""
    repo = MessageRepository(session)
    now = utc_now()
    position = repo.next_position(conv.id)
    if role != "tool":
        conv.message_count = (conv.message_count or 0) + 1
    conv.last_message_at = now
    # One flush writes the message and the conversation's counters together.
    return repo.add(
        Message(
            conversation_id=conv.id,
            workspace_id=conv.workspace_id,
            position=position,
            role=role,
            content=content,
            tool_calls=tool_calls,
            tool_name=tool_name,
            tool_output=tool_output,
            created_at=now,
        )
    )


def list_conversations(
    session: Session,
    workspace_id: uuid.UUID,
    params: PageParams,
    *,
    search: str | None = None,
    archived: bool | None = None,
) -> tuple[list[Conversation], int]:
    """A page of the workspace's conversations, most recently active first."""
    repo = ConversationRepository(session)
    term = " ".join(search.split()) if search else None
    return repo.paginate(repo.list_stmt(workspace_id, search=term, archived=archived), params)


def messages(
    session: Session, conv: Conversation, *, limit: int, include_tool_steps: bool
) -> list[Message]:
    """The last ``limit`` messages, oldest first."""
    return MessageRepository(session).recent(
        conv.id, limit=limit, include_tool_steps=include_tool_steps
    )


def update(
    session: Session, workspace_id: uuid.UUID, conversation_id: uuid.UUID, changes: dict[str, Any]
) -> Conversation:
    """Rename or (un)archive a conversation."""
    conv = get(session, workspace_id, conversation_id)
    if "title" in changes:
        title = " ".join((changes["title"] or "").split())
        if not title or len(title) > 200:
            raise ValidationFailed.field("title", "Must be 1 to 200 characters")
        conv.title = title
    if "archived" in changes:
        if changes["archived"] is None:
            raise ValidationFailed.field("archived", "Must be true or false")
        conv.archived = bool(changes["archived"])
    session.flush()
    return conv


def delete(session: Session, workspace_id: uuid.UUID, conversation_id: uuid.UUID) -> None:
    """Delete a conversation and its messages, irreversibly."""
    ConversationRepository(session).delete(get(session, workspace_id, conversation_id))
