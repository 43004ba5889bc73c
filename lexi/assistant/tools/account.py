"""Account tools: credits, pending tasks, and what Lexi can do for this key."""

from __future__ import annotations

from pydantic import BaseModel, Field

from lexi.assistant.context import TurnContext
from lexi.assistant.tools.registry import REGISTRY, Action, check_scope, tool
from lexi.assistant.understanding.types import IntentKind
from lexi.auth.scopes import Scope
from lexi.credits import service as credits_service
from lexi.tasks import service as tasks_service

TASK_STATUSES = ("pending", "approved", "running", "dismissed", "completed", "failed")


class NoArgs(BaseModel):
    pass


class TaskArgs(BaseModel):
    status: str = Field(
        "pending", description="pending | approved | dismissed | completed | failed"
    )


@tool(scope=Scope.lexi, intents=[IntentKind.credits], from_intent=lambda i, c: NoArgs())
def credits(ctx: TurnContext, args: NoArgs) -> Action:
    """The workspace's credit balance."""
    check_scope(ctx, Scope.lexi)
    return {
        "type": "credits",
        "status": "completed",
        # Net of what this turn has spent so far (charged when the turn ends).
        "balance": credits_service.balance(ctx.session, ctx.workspace_id)
        - sum(amount for amount, _ in ctx.charges),
    }


@tool(
    scope=Scope.lexi,
    intents=[IntentKind.tasks],
    from_intent=lambda i, c: TaskArgs(
        status=str(i.params["status"]) if i.params.get("status") in TASK_STATUSES else "pending"
    ),
)
def list_tasks(ctx: TurnContext, args: TaskArgs) -> Action:
    """The workspace's tasks in one status (pending ones wait for approval)."""
    check_scope(ctx, Scope.lexi)
    rows = tasks_service.list_tasks(ctx.session, ctx.workspace_id, args.status)
    return {
        "type": "tasks",
        "status": "completed",
        "status_filter": args.status,
        "tasks": [{"id": str(t.id), "type": t.type, "description": t.description} for t in rows],
    }


class CapabilityArgs(BaseModel):
    style: str = Field("list", description="list | hello | thanks | bye")
    topic: str | None = Field(
        None, description="a concept asked about ('email_verified', 'headcount_growth', ...)"
    )


@tool(
    scope=Scope.lexi,
    intents=[IntentKind.capabilities],
    from_intent=lambda i, c: CapabilityArgs(
        style=i.params.get("style") or "list", topic=i.params.get("topic")
    ),
)
def capabilities(ctx: TurnContext, args: CapabilityArgs) -> Action:
    """What Lexi can do with this API key (or a short answer to a greeting or thanks, or what
    a word such as "verified" means)."""
    check_scope(ctx, Scope.lexi)
    allowed = REGISTRY.for_scopes(ctx.caller.scopes)
    action: Action = {
        "type": "capabilities",
        "status": "completed",
        "style": args.style,
        "tools": [s.name for s in allowed.all()],
    }
    if args.topic:
        action["topic"] = args.topic
    return action
