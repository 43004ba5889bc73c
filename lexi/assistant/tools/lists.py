"""List tools: save the last results to a list, create, remove from and count lists."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from lexi.assistant.context import TurnContext
from lexi.assistant.tools import results
from lexi.assistant.tools.common import ResolvedList, remember_list, resolve_list, save_to
from lexi.assistant.tools.registry import Action, check_scope, tool
from lexi.assistant.understanding.types import Intent, IntentKind
from lexi.auth.scopes import Scope
from lexi.lists import service as lists_service
from lexi.prospects.titles import canonical_tokens, match_kind, query_variants

SHOWN_MEMBERS = 5
_PICKS = ("first", "last", "company", "title")


class ListTarget(BaseModel):
    list_target: str | None = Field(None, description="named | new | context | last")
    list_name: str | None = Field(None, max_length=200)


class SaveArgs(ListTarget):
    """Which list receives which people of the conversation's current result set."""

    prospect_ids: list[str] = Field(default_factory=list, max_length=10_000)
    selector: dict[str, Any] = Field(
        default_factory=dict,
        description='Which of the current results: {} for all, {"first": 5}, {"last": 3}, '
        '{"company": "Acme"}, {"title": "CTO"}.',
    )


class RemoveArgs(ListTarget):
    company: str | None = Field(
        None, max_length=200, description="Remove everyone at this company."
    )
    title: str | None = Field(None, max_length=200, description="Remove everyone with this title.")
    last: int | None = Field(None, ge=1, le=10_000, description="Remove the last N added.")


class StatsArgs(ListTarget):
    show: bool = Field(False, description="Also show the first few contacts.")


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
        selector={k: v for k, v in intent.selector.items() if k in _PICKS},
    )


def _save(
    ctx: TurnContext,
    kind: str,
    target: ResolvedList,
    ids: list[str],
    picked: results.Selection | None = None,
) -> Action:
    assert target.lst is not None
    if ids:
        saved = save_to(ctx, target.lst, ids)
        added, count = saved.added, saved.contact_count
    else:
        added = 0
        count = lists_service.contact_count(ctx.session, ctx.workspace_id, target.lst.id)
    remember_list(ctx, target.lst)
    action: Action = {
        "type": kind,
        "status": "completed",
        "list_id": str(target.lst.id),
        "list_name": target.lst.name,
        "added": added,
        "selected": len(ids),
        "already_in_list": len(ids) - added,
        "created_list": target.created,
        "existed": target.existed,
        "contact_count": count,
    }
    if picked is not None and picked.result_set is not None:
        action["result_set"] = {
            "id": picked.result_set.get("id"),
            "source": picked.result_set.get("source"),
            "task_id": picked.result_set.get("task_id"),
            "filters": picked.result_set.get("filters") or {},
            "named": picked.named,
            "selection": picked.describe,
        }
    return action


def _picked(ctx: TurnContext, args: SaveArgs) -> tuple[list[str], results.Selection | None]:
    if args.prospect_ids:
        return list(args.prospect_ids), None
    picked = results.select(ctx, args.selector)
    return picked.ids, picked


@tool(
    scope=Scope.contacts_write,
    intents=[IntentKind.list_add],
    from_intent=_save_args,
)
def save_to_list(ctx: TurnContext, args: SaveArgs) -> Action:
    """Save the people selected by the last search as contacts and add them to a list
    (a named list, the list the chat was opened from, or the last list used)."""
    check_scope(ctx, Scope.contacts_write)
    ids, picked = _picked(ctx, args)
    if not ids:
        if picked is not None and picked.result_set is not None:
            return {
                "type": "list_add",
                "status": "needs_input",
                "missing": ["selection"],
                "selection": picked.describe,
            }
        return {"type": "list_add", "status": "needs_input", "missing": ["prospects"]}
    target = resolve_list(ctx, args.list_target, args.list_name, create_missing=True)
    if target.lst is None:
        return _missing(ctx, "list_add", target)
    return _save(ctx, "list_add", target, ids, picked)


@tool(
    scope=Scope.contacts_write,
    intents=[IntentKind.list_create],
    from_intent=lambda intent, ctx: SaveArgs(
        list_target="new",
        list_name=intent.list_name,
        selector={k: v for k, v in intent.selector.items() if k in _PICKS}
        if intent.selector.get("prospects") == "last_results"
        else {"none": True},
    ),
)
def create_list(ctx: TurnContext, args: SaveArgs) -> Action:
    """Create a new list, optionally filled with the people selected by the last search."""
    check_scope(ctx, Scope.contacts_write)
    if not args.list_name:
        return {"type": "list_create", "status": "needs_input", "missing": ["list_name"]}
    ids, picked = ([], None) if args.selector.get("none") else _picked(ctx, args)
    target = resolve_list(ctx, "new", args.list_name)
    return _save(ctx, "list_create", target, ids, picked)


def _remove_args(intent: Intent, ctx: TurnContext) -> RemoveArgs | None:
    sel = intent.selector
    company = str(sel.get("company") or "").strip() or None
    title = str(sel.get("title") or "").strip() or None
    last = int(sel["last"]) if sel.get("last") else None
    if not (company or title or last):
        return None
    return RemoveArgs(
        list_target=intent.list_target,
        list_name=intent.list_name,
        company=company,
        title=title,
        last=last,
    )


def _title_matches(job_title: str | None, title: str) -> bool:
    variants = query_variants(title)
    return bool(job_title) and match_kind(canonical_tokens(job_title or ""), variants) is not None


@tool(scope=Scope.contacts_write, intents=[IntentKind.list_remove], from_intent=_remove_args)
def remove_from_list(ctx: TurnContext, args: RemoveArgs) -> Action:
    """Remove members of a list: everyone at a company, everyone with a title, or the last N
    added. The contacts themselves stay."""
    check_scope(ctx, Scope.contacts_write)
    target = resolve_list(ctx, args.list_target, args.list_name)
    if target.lst is None:
        return _missing(ctx, "list_remove", target)
    lst = target.lst
    if args.company:
        removed = lists_service.remove_by_company(
            ctx.session, ctx.workspace_id, lst.id, args.company
        )
    else:
        if args.last:
            people = lists_service.members(
                ctx.session, ctx.workspace_id, lst.id, newest_first=True, limit=args.last
            )
        else:
            people = [
                c
                for c in lists_service.members(ctx.session, ctx.workspace_id, lst.id)
                if _title_matches(c.job_title, args.title or "")
            ]
        removed = lists_service.remove_contacts(
            ctx.session, ctx.workspace_id, lst.id, [c.id for c in people]
        )
    remember_list(ctx, lst)
    return {
        "type": "list_remove",
        "status": "completed",
        "list_id": str(lst.id),
        "list_name": lst.name,
        "company": args.company,
        "title": args.title,
        "last": args.last,
        "removed": removed,
        "contact_count": lists_service.contact_count(ctx.session, ctx.workspace_id, lst.id),
    }


@tool(
    scope=Scope.contacts_read,
    intents=[IntentKind.list_stats, IntentKind.list_contents],
    from_intent=lambda intent, ctx: StatsArgs(
        list_target=intent.list_target,
        list_name=intent.list_name,
        show=bool(intent.params.get("show")) or intent.kind is IntentKind.list_contents,
    ),
)
def list_stats(ctx: TurnContext, args: StatsArgs) -> Action:
    """How many contacts a list holds, and the first few of them."""
    check_scope(ctx, Scope.contacts_read)
    target = resolve_list(ctx, args.list_target, args.list_name)
    if target.lst is None:
        return _missing(ctx, "list_stats", target)
    first = (
        lists_service.members(ctx.session, ctx.workspace_id, target.lst.id, limit=SHOWN_MEMBERS)
        if args.show
        else []
    )
    remember_list(ctx, target.lst)
    return {
        "type": "list_stats",
        "status": "completed",
        "list_id": str(target.lst.id),
        "list_name": target.lst.name,
        "contact_count": lists_service.contact_count(ctx.session, ctx.workspace_id, target.lst.id),
        "first_contacts": [
            {
                "id": str(c.id),
                "full_name": c.full_name,
                "job_title": c.job_title,
                "company_name": c.company_name,
            }
            for c in first
        ],
    }
