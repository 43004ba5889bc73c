from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from typing import Any

from fastapi import APIRouter, Request
from sse_starlette.sse import EventSourceResponse

from lexi.assistant import phrases
from lexi.auth.dependencies import LexiCaller
from lexi.campaigns import service as campaigns_service
from lexi.chat import service
from lexi.chat.schemas import (
    ChatOut,
    ChatRequest,
    LexiSettings,
    LexiSettingsUpdate,
    ModelSettingsOut,
    ModelSettingsUpdate,
    PersonalizeOut,
    PersonalizeRequest,
)
from lexi.deps import SessionDep
from lexi.kit.schemas import DataEnvelope

router = APIRouter(prefix="/lexi", tags=["Lexi"])
STREAM_CHUNK_WORDS = 6


def _turn(request: Request, body: ChatRequest, caller: Any, session: Any) -> service.ChatTurn:
    ctx = body.context
    return service.run_turn(
        session,
        caller,
        body.message,
        list_id=ctx.list_id if ctx else None,
        campaign_id=ctx.campaign_id if ctx else None,
        conversation_id=body.conversation_id,
        context_conversation_id=ctx.conversation_id if ctx else None,
        allow_tools=body.allow_tools,
        assistant=getattr(request.app.state, "assistant", None),
    )


def _out(turn: service.ChatTurn) -> ChatOut:
    result = turn.result
    return ChatOut(
        response=result.reply,
        task_id=uuid.UUID(result.task_id) if result.task_id else None,
        requires_approval=result.requires_approval,
        conversation_id=turn.conversation.id,
        message_id=turn.message.id,
        credits_used=turn.credits_used,
        credits_remaining=turn.credits_remaining,
        actions=result.actions,
    )


@router.post("/chat", response_model=DataEnvelope[ChatOut])
def chat(request: Request, body: ChatRequest, caller: LexiCaller, session: SessionDep) -> dict:
    """Send Lexi a message. Costs 1 credit plus 5 per prospect search it runs; the whole turn is
    quoted first (402 `insufficient_credits` before anything happens). Large selections become
    approval tasks (`requires_approval`, `task_id`)."""
    return {"data": _out(_turn(request, body, caller, session))}


def _events(out: ChatOut, thinking: str, steps: list[Any]) -> Iterator[dict[str, str]]:
    def event(name: str, data: dict[str, Any]) -> dict[str, str]:
        return {"event": name, "data": json.dumps(data, default=str)}

    yield event("thinking", {"text": thinking})
    for record in steps:
        if record.tool is None:
            continue
        summary = phrases.step_summary(record.tool)
        yield event("tool_step", {"tool": record.tool, "status": "started", "summary": summary})
        yield event(
            "tool_step",
            {
                "tool": record.tool,
                "status": "completed" if record.action.get("status") != "failed" else "failed",
                "summary": summary,
            },
        )
    words = out.response.split(" ")
    for i in range(0, len(words), STREAM_CHUNK_WORDS):
        delta = " ".join(words[i : i + STREAM_CHUNK_WORDS])
        if i + STREAM_CHUNK_WORDS < len(words):
            delta += " "
        yield event("text", {"delta": delta, "conversation_id": str(out.conversation_id)})
    yield event(
        "done",
        {
            "credits_remaining": out.credits_remaining,
            "message_id": str(out.message_id),
            "task_id": str(out.task_id) if out.task_id else None,
            "requires_approval": out.requires_approval,
            "conversation_id": str(out.conversation_id),
            "credits_used": out.credits_used,
            "actions": out.model_dump(mode="json")["actions"],
        },
    )
    yield {"data": "[DONE]"}


@router.post(
    "/chat/stream",
    response_class=EventSourceResponse,
    responses={200: {"content": {"text/event-stream": {}}, "description": "Server-sent events."}},
)
def chat_stream(
    request: Request, body: ChatRequest, caller: LexiCaller, session: SessionDep
) -> EventSourceResponse:
    """The same turn as `POST /v1/lexi/chat`, as server-sent events: `thinking`, `tool_step`,
    `text`, `done`, then `data: [DONE]`. Errors are plain JSON responses before any event."""
    turn = _turn(request, body, caller, session)
    out = _out(turn)
    return EventSourceResponse(_events(out, turn.result.thinking, turn.result.steps), ping=600)


@router.get("/settings", response_model=DataEnvelope[LexiSettings])
def get_settings(caller: LexiCaller, session: SessionDep) -> dict:
    """The workspace's approval policy for Lexi."""
    return {"data": service.get_policy(session, caller.workspace_id).to_dict()}


@router.patch("/settings", response_model=DataEnvelope[LexiSettings])
def update_settings(body: LexiSettingsUpdate, caller: LexiCaller, session: SessionDep) -> dict:
    """Change the approval policy: `approval_mode` (threshold | always | never) and
    `auto_approve_max_prospects` (0-100)."""
    policy = service.update_policy(
        session, caller.workspace_id, body.model_dump(exclude_unset=True)
    )
    return {"data": policy.to_dict()}


@router.get("/model", response_model=DataEnvelope[ModelSettingsOut])
def get_model_settings(caller: LexiCaller, session: SessionDep) -> dict:
    """(ext) The language model Lexi may use to understand messages (`null`: the built-in rules
    only) and what this workspace lets it send there."""
    return {"data": service.get_model_settings(session, caller.workspace_id)}


@router.patch("/model", response_model=DataEnvelope[ModelSettingsOut])
def update_model_settings(
    body: ModelSettingsUpdate, caller: LexiCaller, session: SessionDep
) -> dict:
    """(ext) Choose what may be sent to the model: `none`, `message` (default) or
    `message_and_contacts`."""
    return {"data": service.update_model_data(session, caller.workspace_id, body.data)}


@router.post("/personalize-email", response_model=DataEnvelope[PersonalizeOut])
def personalize_email(body: PersonalizeRequest, caller: LexiCaller, session: SessionDep) -> dict:
    """One email for one contact about `intent` (2 credits): merge fields filled from the
    contact's own fields and nothing else stated about them; 402 before anything when short."""
    return {
        "data": campaigns_service.personalize_email(
            session,
            caller.workspace_id,
            body.contact_id,
            intent=body.intent,
            template=body.template,
            tone=body.tone,
            length=body.length,
            language=body.language,
            actor=caller.actor,
        )
    }
