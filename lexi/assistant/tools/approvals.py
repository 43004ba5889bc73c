"""Approving or cancelling, by chat, the task this conversation proposed ("approve it", "yes, go
ahead", "cancel that task"). The same service call as ``POST /v1/lexi/tasks/{id}/approve``, with
the same scope; a key without it is told how to approve elsewhere.
"""

from __future__ import annotations

import uuid

from pydantic import BaseModel, Field

from lexi.assistant.context import TurnContext
from lexi.assistant.tools.registry import Action, tool
from lexi.assistant.understanding.types import Intent, IntentKind
from lexi.errors import InsufficientCredits, InsufficientPermissions, LexiError
from lexi.tasks import service as tasks_service


class TaskRef(BaseModel):
    task_id: str | None = Field(
        None, description="The task; the conversation's pending one if unset."
    )


def _pending(ctx: TurnContext, args: TaskRef) -> Action | uuid.UUID:
    raw = args.task_id or (ctx.state.pending_task_ids[-1] if ctx.state.pending_task_ids else None)
    if raw is None:
        return {"status": "failed", "error": "no_pending_task"}
    return uuid.UUID(raw)


def _ref(intent: Intent, ctx: TurnContext) -> TaskRef:
    return TaskRef()


def _forbidden(ctx: TurnContext, kind: str, task_id: str | None) -> Action | None:
    scope = tasks_service.APPROVAL_SCOPE.value
    if ctx.has(scope):
        return None
    return {
        "type": kind,
        "status": "failed",
        "error": "insufficient_permissions",
        "required_scope": scope,
        "task_id": task_id,
    }


def _lacks(exc: InsufficientPermissions, kind: str, task_id: uuid.UUID) -> Action:
    """The key may approve tasks, but not this one: what the task does needs more scopes."""
    details = exc.details or {}
    return {
        "type": kind,
        "status": "failed",
        "error": "insufficient_permissions",
        "required_scope": details.get("required_scope", ""),
        "missing_scopes": details.get("missing_scopes", []),
        "task_id": str(task_id),
    }


@tool(scope=tasks_service.APPROVAL_SCOPE, intents=[IntentKind.task_approve], from_intent=_ref)
def approve_task(ctx: TurnContext, args: TaskRef) -> Action:
    """Approve the task this conversation proposed (charging its quote), as the tasks API does."""
    found = _pending(ctx, args)
    if isinstance(found, dict):
        return {"type": "task_approve", **found}
    if (refused := _forbidden(ctx, "task_approve", str(found))) is not None:
        return refused
    try:
        task = tasks_service.approve(
            ctx.session, ctx.workspace_id, found, actor=ctx.caller.actor, scopes=ctx.caller.scopes
        )
    except InsufficientPermissions as exc:
        return _lacks(exc, "task_approve", found)
    except InsufficientCredits as exc:
        return {
            "type": "task_approve",
            "status": "failed",
            "error": "insufficient_credits",
            "task_id": str(found),
            "required": (exc.details or {}).get("required"),
            "balance": (exc.details or {}).get("balance"),
        }
    except LexiError as exc:
        return {
            "type": "task_approve",
            "status": "failed",
            "error": exc.code,
            "message": exc.message,
            "task_id": str(found),
        }
    credits = tasks_service.quoted_credits(task)
    ctx.credits_used += credits
    ctx.state.pending_task_ids = [t for t in ctx.state.pending_task_ids if t != str(task.id)]
    return {
        "type": "task_approve",
        "status": "completed",
        "task_id": str(task.id),
        "task_type": task.type,
        "description": task.description,
        "credits": credits,
    }


@tool(scope=tasks_service.APPROVAL_SCOPE, intents=[IntentKind.task_dismiss], from_intent=_ref)
def dismiss_task(ctx: TurnContext, args: TaskRef) -> Action:
    """Dismiss the task this conversation proposed; nothing it would have done happens."""
    found = _pending(ctx, args)
    if isinstance(found, dict):
        return {"type": "task_dismiss", **found}
    if (refused := _forbidden(ctx, "task_dismiss", str(found))) is not None:
        return refused
    try:
        task = tasks_service.dismiss(
            ctx.session,
            ctx.workspace_id,
            found,
            "dismissed in chat",
            actor=ctx.caller.actor,
            scopes=ctx.caller.scopes,
        )
    except InsufficientPermissions as exc:
        return _lacks(exc, "task_dismiss", found)
    except LexiError as exc:
        return {
            "type": "task_dismiss",
            "status": "failed",
            "error": exc.code,
            "message": exc.message,
        }
    ctx.state.pending_task_ids = [t for t in ctx.state.pending_task_ids if t != str(task.id)]
    return {
        "type": "task_dismiss",
        "status": "completed",
        "task_id": str(task.id),
        "description": task.description,
    }
