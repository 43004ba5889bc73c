"""List tools: save the last results to a list, create, remove from and count lists."""

from __future__ import annotations

from pydantic import BaseModel, Field

from lexi.assistant.context import TurnContext
from lexi.assistant.tools.common import ResolvedList, remember_list, resolve_list, save_to
from lexi.assistant.tools.registry import Action, check_scope, tool
from lexi.assistant.understanding.types import Intent, IntentKind
from lexi.auth.scopes import Scope
from lexi.lists import service as lists_service


class ListTarget(BaseModel):
    list_target: str | None = Field(None, description="named | new | context | last")
    list_name: str | None = Field(None, max_length=200)


class SaveArgs(ListTarget):
    """Which list receives the people selected by the last search."""

    prospect_ids: list[str] = Field(default_factory=list, max_length=10_000)


class RemoveArgs(ListTarget):
    company: str = Field(
        min_length=1, max_length=200, description="Remove everyone at this company."
    )


def _missing(ctx: TurnContext, kind: str, target: ResolvedList) -> Action:
    return {
        "type": kind,
        "status": "needs_input",
        "missing": ["list"],
        "list_name": target.missing_name,
        "known_lists": list(ctx.state.known_list_names),
    }


def _save_args(intent: Intent, ctx: TurnContext) -> SaveArgs:
    return SaveArgs(
        list_target=intent.list_target,
        list_name=intent.list_name,
        prospect_ids=list(ctx.state.last_prospect_ids),
    )


def _save(ctx: TurnContext, kind: str, target: ResolvedList, ids: list[str]) -> Action:
    assert target.lst is not None
    if ids:
        saved = save_to(ctx, target.lst, ids)
        added, count = saved.added, saved.contact_count
    else:
        added = 0
        count = lists_service.contact_count(ctx.session, ctx.workspace_id, target.lst.id)
    remember_list(ctx, target.lst)
    return {
        "type": kind,
        "status": "completed",
        "list_id": str(target.lst.id),
        "list_name": target.lst.name,
        "added": added,
        "selected": len(ids),
        "created_list": target.created,
        "existed": target.existed,
        "contact_count": count,
    }


@tool(
    scope=Scope.contacts_write,
    intents=[IntentKind.list_add],
    from_intent=_save_args,
)
def save_to_list(ctx: TurnContext, args: SaveArgs) -> Action:
    """Save the people selected by the last search as contacts and add them to a list
    (a named list, the list the chat was opened from, or the last list used)."""
    check_scope(ctx, Scope.contacts_write)
    if not args.prospect_ids:
        return {"type": "list_add", "status": "needs_input", "missing": ["prospects"]}
    target = resolve_list(ctx, args.list_target, args.list_name, create_missing=True)
    if target.lst is None:
        return _missing(ctx, "list_add", target)
    return _save(ctx, "list_add", target, args.prospect_ids)


@tool(
    scope=Scope.contacts_write,
    intents=[IntentKind.list_create],
    from_intent=lambda intent, ctx: SaveArgs(
        list_target="new",
        list_name=intent.list_name,
        prospect_ids=list(ctx.state.last_prospect_ids)
        if intent.selector.get("prospects") == "last_results"
        else [],
    ),
)
def create_list(ctx: TurnContext, args: SaveArgs) -> Action:
    """Create a new list, optionally filled with the people selected by the last search."""
    check_scope(ctx, Scope.contacts_write)
    if not args.list_name:
        return {"type": "list_create", "status": "needs_input", "missing": ["list_name"]}
    target = resolve_list(ctx, "new", args.list_name)
    return _save(ctx, "list_create", target, args.prospect_ids)


@tool(
    scope=Scope.contacts_write,
    intents=[IntentKind.list_remove],
    from_intent=lambda intent, ctx: (
        RemoveArgs(
            list_target=intent.list_target,
            list_name=intent.list_name,
            company=str(intent.selector["company"]).strip(),
        )
        if str(intent.selector.get("company") or "").strip()
        else None
    ),
)
def remove_from_list(ctx: TurnContext, args: RemoveArgs) -> Action:
    """Remove every member of a list who works at the given company."""
    check_scope(ctx, Scope.contacts_write)
    target = resolve_list(ctx, args.list_target, args.list_name)
    if target.lst is None:
        return _missing(ctx, "list_remove", target)
    removed = lists_service.remove_by_company(
        ctx.session, ctx.workspace_id, target.lst.id, args.company
    )
    remember_list(ctx, target.lst)
    return {
        "type": "list_remove",
        "status": "completed",
        "list_id": str(target.lst.id),
        "list_name": target.lst.name,
        "company": args.company,
        "removed": removed,
        "contact_count": lists_service.contact_count(ctx.session, ctx.workspace_id, target.lst.id),
    }


@tool(
    scope=Scope.contacts_read,
    intents=[IntentKind.list_stats],
    from_intent=lambda intent, ctx: ListTarget(
        list_target=intent.list_target, list_name=intent.list_name
    ),
)
def list_stats(ctx: TurnContext, args: ListTarget) -> Action:
    """How many contacts a list holds."""
    check_scope(ctx, Scope.contacts_read)
    target = resolve_list(ctx, args.list_target, args.list_name)
    if target.lst is None:
        return _missing(ctx, "list_stats", target)
    return {
        "type": "list_stats",
        "status": "completed",
        "list_id": str(target.lst.id),
        "list_name": target.lst.name,
        "contact_count": lists_service.contact_count(ctx.session, ctx.workspace_id, target.lst.id),
    }
