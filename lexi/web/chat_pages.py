"""The chat page: conversations, the message box, streamed replies, results, chips and tasks."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from typing import Any

from fastapi import APIRouter, Request, Response
from fastapi.responses import RedirectResponse
from sqlalchemy.orm import Session
from sse_starlette.sse import EventSourceResponse

from lexi.assistant import phrases
from lexi.assistant.understanding.types import Intent, IntentKind, Interpretation
from lexi.auth.scopes import Scope
from lexi.chat import service as chat
from lexi.chat.schemas import MAX_MESSAGE
from lexi.conversations import service as conversations
from lexi.credits import service as credits
from lexi.deps import SessionDep
from lexi.errors import NotFound, ValidationFailed
from lexi.kit.pagination import PageParams
from lexi.lists import service as lists_service
from lexi.models import Task
from lexi.prospects.filters import ProspectFilters
from lexi.tasks import service as tasks
from lexi.users.service import SignedIn
from lexi.web import views
from lexi.web.core import Actor, FormDep, JsonDep, Viewer, WebRoute, need, render

router = APIRouter(route_class=WebRoute, include_in_schema=False)
SIDEBAR = 30
HISTORY = 200
EXAMPLES = [
    "Find me 20 CEOs at law firms in New York",
    "Find 10 marketing directors at software companies in Texas",
    "How many credits do I have?",
    "What can you do?",
]


def _uuid(value: Any, name: str) -> uuid.UUID | None:
    if value in (None, ""):
        return None
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise ValidationFailed.field(name, "Not a valid id") from None


def _message(value: Any) -> str:
    text = value.strip() if isinstance(value, str) else ""
    if not text:
        raise ValidationFailed.field("message", "Required", "Type a message for Lexi first.")
    if len(text) > MAX_MESSAGE:
        raise ValidationFailed.field(
            "message", "Too long", f"Messages are limited to {MAX_MESSAGE:,} characters."
        )
    if "\x00" in text:
        raise ValidationFailed.field("message", "Contains a NUL character")
    return text


def _tasks_by_id(session: Session, user: SignedIn, ids: list[str]) -> dict[str, Task]:
    found: dict[str, Task] = {}
    for raw in dict.fromkeys(ids):
        try:
            found[raw] = tasks.get(session, user.workspace_id, uuid.UUID(raw))
        except NotFound:  # a task that is gone is simply not shown
            continue
    return found


def _lists(session: Session, user: SignedIn) -> list[Any]:
    if not user.caller.has(Scope.contacts_read.value):
        return []
    rows, _ = lists_service.list_lists(session, user.workspace_id, PageParams(1, 100))
    return sorted((lst for lst, _ in rows), key=lambda lst: lst.name.lower())


def _page(
    request: Request, session: Session, user: SignedIn, conv_id: uuid.UUID | None
) -> Response:
    need(user, Scope.lexi)
    sidebar, _ = conversations.list_conversations(
        session, user.workspace_id, PageParams(1, SIDEBAR), archived=False
    )
    conv, turns, running = None, [], False
    if conv_id is not None:
        conv = conversations.get(session, user.workspace_id, conv_id)
        messages = conversations.messages(session, conv, limit=HISTORY, include_tool_steps=True)
        by_id = _tasks_by_id(session, user, views.task_ids(messages))
        turns = views.turns(messages, by_id)
        running = any(t.status in ("approved", "running") for t in by_id.values())
    return render(
        request,
        "chat.html",
        {
            "section": "chat",
            "credits": credits.balance(session, user.workspace_id),
            "conversations": sidebar,
            "conversation": conv,
            "turns": turns,
            "running": running,
            "examples": EXAMPLES,
            "lists": _lists(session, user),
            "list_id": request.query_params.get("list_id", ""),
        },
    )


@router.get("/")
def home(user: Viewer) -> Response:
    return RedirectResponse("/chat", status_code=303)


@router.get("/chat")
def new_chat(request: Request, user: Viewer, session: SessionDep) -> Response:
    return _page(request, session, user, None)


@router.get("/chat/{conversation_id}")
def show_chat(
    conversation_id: uuid.UUID, request: Request, user: Viewer, session: SessionDep
) -> Response:
    return _page(request, session, user, conversation_id)


@router.post("/chat/send")
def send(request: Request, user: Actor, session: SessionDep, form: FormDep) -> Response:
    """The form fallback without JavaScript: run the turn, then show the conversation."""
    need(user, Scope.lexi)
    text = _message(form.get("message"))
    conv_id = _uuid(form.get("conversation_id"), "conversation_id")
    turn = chat.run_turn(
        session,
        user.caller,
        text,
        conversation_id=conv_id,
        list_id=_uuid(form.get("list_id"), "list_id"),
        assistant=getattr(request.app.state, "assistant", None),
    )
    return RedirectResponse(f"/chat/{turn.conversation.id}", status_code=303)


def _stream(turn: chat.ChatTurn) -> Iterator[dict[str, str]]:
    """The turn as events: thinking, each tool step, the reply word by word, then done."""

    def event(name: str, data: dict[str, Any]) -> dict[str, str]:
        return {"event": name, "data": json.dumps(data, default=str)}

    conv_id = str(turn.conversation.id)
    yield event("start", {"conversation_id": conv_id})
    if turn.result.thinking:
        yield event("thinking", {"text": turn.result.thinking})
    for record in turn.result.steps:
        if record.tool is None:
            continue
        summary = phrases.step_summary(record.tool)
        failed = record.action.get("status") == "failed"
        yield event("tool_step", {"tool": record.tool, "status": "started", "summary": summary})
        yield event(
            "tool_step",
            {
                "tool": record.tool,
                "status": "failed" if failed else "completed",
                "summary": summary,
            },
        )
    words = turn.result.reply.split(" ")
    for i, word in enumerate(words):
        yield event("text", {"delta": word + (" " if i < len(words) - 1 else "")})
    yield event(
        "done",
        {
            "conversation_id": conv_id,
            "credits_remaining": turn.credits_remaining,
            "credits_used": turn.credits_used,
            "requires_approval": turn.result.requires_approval,
        },
    )


@router.post("/chat/stream")
def stream(request: Request, user: Actor, session: SessionDep, body: JsonDep) -> Response:
    """Run a turn (the chat service, as the API does) and stream it as server-sent events."""
    need(user, Scope.lexi)
    if not isinstance(body, dict):
        raise ValidationFailed.field("body", "Must be an object")
    turn = chat.run_turn(
        session,
        user.caller,
        _message(body.get("message")),
        conversation_id=_uuid(body.get("conversation_id"), "conversation_id"),
        list_id=_uuid(body.get("list_id"), "list_id"),
        assistant=getattr(request.app.state, "assistant", None),
    )
    return EventSourceResponse(_stream(turn), ping=600)


@router.post("/chat/{conversation_id}/search")
def search_again(
    conversation_id: uuid.UUID, request: Request, user: Actor, session: SessionDep, form: FormDep
) -> Response:
    """Re-run a search with a chip removed (``remove=key:index``) or its filters edited."""
    need(user, Scope.lexi)
    conv = conversations.get(session, user.workspace_id, conversation_id)
    message_id = _uuid(form.get("message_id"), "message_id")
    source = next(
        (
            m
            for m in conversations.messages(session, conv, limit=HISTORY, include_tool_steps=True)
            if m.id == message_id and m.role == "tool"
        ),
        None,
    )
    if source is None or not isinstance((source.tool_output or {}).get("filters"), dict):
        raise ValidationFailed.field("message_id", "Not a search of this conversation")
    filters: dict[str, Any] = dict(source.tool_output["filters"])  # type: ignore[index]
    remove = form.get("remove")
    if isinstance(remove, str) and remove:
        key, _, index = remove.rpartition(":")
        filters = views.without_chip(
            filters, key, int(index) if index.lstrip("-").isdigit() else -1
        )
    else:
        values = {k: v for k, v in form.items() if isinstance(v, str) and k.startswith("f_")}
        try:
            filters = views.edited(filters, values)
        except ValueError as exc:
            label = views.filter_labels().get(str(exc), str(exc))
            raise ValidationFailed.field(
                str(exc), "Not a number", f"{label}: write numbers like 10-50."
            ) from None
    intent = Intent(
        kind=IntentKind.prospect_search,
        filters=ProspectFilters.from_dict(filters),
        refinement=True,
    )
    text = phrases.edited_search(filters)
    chat.run_turn(
        session,
        user.caller,
        text,
        conversation_id=conv.id,
        assistant=getattr(request.app.state, "assistant", None),
        interpretation=Interpretation(intents=[intent], text=text),
    )
    return RedirectResponse(f"/chat/{conv.id}#end", status_code=303)


def _back(form: Any, task: Task) -> str:
    conv = task.conversation_id
    target = form.get("next")
    if isinstance(target, str) and target.startswith("/") and not target.startswith("//"):
        return target
    return f"/chat/{conv}#task-{task.id}" if conv else "/chat"


@router.post("/tasks/{task_id}/approve")
def approve(task_id: uuid.UUID, user: Actor, session: SessionDep, form: FormDep) -> Response:
    need(user, Scope.lexi)
    task = tasks.approve(
        session, user.workspace_id, task_id, actor=user.caller.actor, scopes=user.caller.scopes
    )
    return RedirectResponse(_back(form, task), status_code=303)


@router.post("/tasks/{task_id}/dismiss")
def dismiss(task_id: uuid.UUID, user: Actor, session: SessionDep, form: FormDep) -> Response:
    need(user, Scope.lexi)
    task = tasks.dismiss(
        session,
        user.workspace_id,
        task_id,
        "Dismissed in the web app",
        actor=user.caller.actor,
        scopes=user.caller.scopes,
    )
    return RedirectResponse(_back(form, task), status_code=303)
