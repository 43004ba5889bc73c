from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response

from lexi.auth.dependencies import LexiCaller
from lexi.conversations import service
from lexi.conversations.schemas import (
    ConversationDetail,
    ConversationOut,
    ConversationUpdate,
    MessageOut,
)
from lexi.deps import SessionDep
from lexi.kit.pagination import Page, PageParams, page_params
from lexi.kit.schemas import DataEnvelope
from lexi.models import Conversation, Message

router = APIRouter(prefix="/lexi/conversations", tags=["Lexi"])
ConversationPage = Annotated[PageParams, Depends(page_params(default=25, maximum=100))]


def _out(conv: Conversation) -> ConversationOut:
    return ConversationOut(
        id=conv.id,
        title=conv.title,
        message_count=conv.message_count,
        last_message_at=conv.last_message_at,
        archived=conv.archived,
        created_at=conv.created_at,
    )


def _message(msg: Message) -> MessageOut:
    return MessageOut(
        id=msg.id,
        role=msg.role,
        content=msg.content,
        tool_calls=msg.tool_calls,
        tool_name=msg.tool_name,
        tool_output=msg.tool_output,
        created_at=msg.created_at,
    )


@router.get("", response_model=Page[ConversationOut])
def list_conversations(
    caller: LexiCaller,
    session: SessionDep,
    params: ConversationPage,
    search: Annotated[str | None, Query(max_length=200)] = None,
    archived: bool | None = None,
) -> Page[ConversationOut]:
    """The workspace's conversations, most recently active first. `search` matches titles and
    message text; `archived` filters by the archived flag."""
    rows, total = service.list_conversations(
        session, caller.workspace_id, params, search=search, archived=archived
    )
    return Page[ConversationOut].build([_out(c) for c in rows], total, params)


@router.get("/{conversation_id}", response_model=DataEnvelope[ConversationDetail])
def get_conversation(
    conversation_id: uuid.UUID,
    caller: LexiCaller,
    session: SessionDep,
    include_tool_steps: bool = False,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> dict:
    """One conversation with its last `limit` messages, oldest first; tool steps on request."""
    conv = service.get(session, caller.workspace_id, conversation_id)
    msgs = service.messages(session, conv, limit=limit, include_tool_steps=include_tool_steps)
    detail = ConversationDetail(**_out(conv).model_dump(), messages=[_message(m) for m in msgs])
    return {"data": detail}


@router.patch("/{conversation_id}", response_model=DataEnvelope[ConversationOut])
def update_conversation(
    conversation_id: uuid.UUID, body: ConversationUpdate, caller: LexiCaller, session: SessionDep
) -> dict:
    """Rename (`title`) or archive/unarchive (`archived`) a conversation."""
    conv = service.update(
        session, caller.workspace_id, conversation_id, body.model_dump(exclude_unset=True)
    )
    return {"data": _out(conv)}


@router.delete("/{conversation_id}", status_code=204, response_class=Response)
def delete_conversation(
    conversation_id: uuid.UUID, caller: LexiCaller, session: SessionDep
) -> Response:
    """Delete a conversation and all its messages. Irreversible."""
    service.delete(session, caller.workspace_id, conversation_id)
    return Response(status_code=204)
