"""The prospect search tool: runs a search now, or proposes it as an approval task."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from lexi.assistant import phrases
from lexi.assistant.context import TurnContext
from lexi.assistant.tools.common import charge, remember_list, resolve_list, save_to
from lexi.assistant.tools.registry import Action, check_scope, tool
from lexi.assistant.understanding.types import Intent, IntentKind
from lexi.auth.scopes import Scope
from lexi.credits import prices
from lexi.prospects import service as prospects_service
from lexi.prospects.filters import APPROVED_MAX_LIMIT, MAX_LIMIT, ProspectFilters
from lexi.tasks import service as tasks_service

PREVIEW = 100


class SearchArgs(BaseModel):
    """A prospect search and where to save the people it selects."""

    filters: dict[str, Any] = Field(description="The contract's filters object.")
    offset: int = Field(0, ge=0, description='How many matches to skip ("show me 10 more").')
    list_target: str | None = Field(
        None, description="Where to save: named | new | context | last; none to only show."
    )
    list_name: str | None = Field(None, description="The list's name for named/new targets.")


def _args_from_intent(intent: Intent, ctx: TurnContext) -> SearchArgs | None:
    if intent.filters is None:
        return None
    target = None
    if ctx.state.context_list_id:
        target = "context"
    return SearchArgs(filters=intent.filters, offset=intent.offset, list_target=target)


def _needs_approval(ctx: TurnContext, args: SearchArgs) -> bool:
    return ctx.policy.search_needs_approval(int(args.filters.get("limit") or 25))


def _parse(args: SearchArgs) -> ProspectFilters:
    return ProspectFilters.parse(args.filters, max_limit=APPROVED_MAX_LIMIT)


def _quote(ctx: TurnContext, filters: ProspectFilters, offset: int) -> tuple[int, dict[str, int]]:
    """What running the task would do: exact total, people selected, emails among them."""
    sample = prospects_service.search(
        ctx.session, filters, offset=offset, limit=min(filters.limit, PREVIEW)
    )
    contacts = max(0, min(filters.limit, sample.total - offset))
    with_email = sum(
        1 for p in sample.prospects if p.get("email") and p.get("email_status") != "unavailable"
    )
    shown = len(sample.prospects)
    emails = with_email if shown >= contacts else round(with_email * contacts / max(shown, 1))
    return sample.total, {"credits": prices.PROSPECT_SEARCH, "contacts": contacts, "emails": emails}


def propose_search(ctx: TurnContext, args: SearchArgs, *, start: bool = False) -> Action:
    """Create the prospect_search task (pending, or approved at once when ``start``)."""
    check_scope(ctx, Scope.prospects_read)
    # The task saves the people it selects, so proposing it needs the right to write contacts.
    check_scope(ctx, Scope.contacts_write)
    filters = _parse(args)
    total, quote = _quote(ctx, filters, args.offset)
    target = resolve_list(ctx, args.list_target, args.list_name, create_missing=True)
    list_name = target.lst.name if target.lst is not None else None
    metadata: dict[str, Any] = {"query": filters.to_dict(), "quote": quote, "offset": args.offset}
    if target.lst is not None:
        metadata.update(list_id=str(target.lst.id), list_name=list_name)
        remember_list(ctx, target.lst)
    task = tasks_service.propose(
        ctx.session,
        workspace_id=ctx.workspace_id,
        type="prospect_search",
        description=phrases.task_description(filters.to_dict(), quote["contacts"], list_name),
        metadata=metadata,
        conversation_id=ctx.conversation_id,
        api_key_id=ctx.caller.key_id,
        scopes=sorted(ctx.caller.scopes),
    )
    ctx.task_ids.append(task.id)
    if start:
        tasks_service.start_approved(ctx.session, task)
        ctx.credits_used += quote["credits"]
    ctx.state.last_filters = filters.to_dict()
    action: Action = {
        "type": "prospect_search",
        "status": "completed" if start else "pending_approval",
        "task_id": str(task.id),
        "filters": filters.to_dict(),
        "total_matches": total,
        "prospects": [],
        "quote": quote,
        "background": start,
    }
    if target.lst is not None:
        action.update(list_id=str(target.lst.id), list_name=list_name)
    return action


@tool(
    scope=Scope.prospects_read,
    cost=prices.PROSPECT_SEARCH,
    requires_approval=_needs_approval,
    intents=[IntentKind.prospect_search],
    from_intent=_args_from_intent,
    propose=propose_search,
)
def search_prospects(ctx: TurnContext, args: SearchArgs) -> Action:
    """Search the prospect database with structured filters (titles, seniorities, departments,
    industries, locations, company size, revenue, keywords, email status) and select up to
    `limit` people, optionally saving them to a list."""
    check_scope(ctx, Scope.prospects_read)
    filters = _parse(args)
    if filters.limit > MAX_LIMIT:
        # Above the per-search maximum the selection always runs as a background task.
        return propose_search(ctx, args, start=True)
    charge(ctx, prices.PROSPECT_SEARCH, "prospect search")
    result = prospects_service.search(
        ctx.session, filters, workspace_id=ctx.workspace_id, offset=args.offset
    )
    action: Action = {
        "type": "prospect_search",
        "status": "completed",
        "filters": filters.to_dict(),
        "total_matches": result.total,
        "prospects": result.prospects,
        "offset": args.offset,
    }
    ids = [p["id"] for p in result.prospects]
    state = ctx.state
    state.last_filters = filters.to_dict()
    state.last_offset = args.offset + len(ids)
    state.last_prospect_ids = ids
    if args.list_target and ids:
        if not ctx.has(Scope.contacts_write.value):
            action["save_skipped"] = "permission"
            return action
        target = resolve_list(ctx, args.list_target, args.list_name, create_missing=True)
        if target.lst is not None:
            saved = save_to(ctx, target.lst, ids, known=result.prospects)
            action.update(
                list_id=str(target.lst.id),
                list_name=target.lst.name,
                added=saved.added,
                contacts_created=saved.created,
                contact_count=saved.contact_count,
            )
            for p in result.prospects:
                if p["id"] in saved.prospect_ids:
                    p["saved"] = True
            remember_list(ctx, target.lst)
    return action
