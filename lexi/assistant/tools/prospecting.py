"""The prospect search tool: runs a search now, or proposes it as an approval task.

The search is read once per turn (while planning) and reused: it decides approval by what the
search would actually *save* (the smaller of the number asked for and the number found), prices
the turn exactly (nobody found, no search fee) and fills the reply.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel, Field, field_serializer

from lexi.assistant import phrases
from lexi.assistant.context import TurnContext
from lexi.assistant.tools import results
from lexi.assistant.tools.common import charge, remember_list, resolve_list, save_to
from lexi.assistant.tools.registry import Action, check_scope, tool
from lexi.assistant.understanding import nearby
from lexi.assistant.understanding.types import Intent, IntentKind
from lexi.auth.scopes import Scope
from lexi.credits import prices
from lexi.errors import ValidationFailed
from lexi.lists import service as lists_service
from lexi.prospects import service as prospects_service
from lexi.prospects.filters import APPROVED_MAX_LIMIT, MAX_LIMIT, ProspectFilters
from lexi.tasks import service as tasks_service

PREVIEW = MAX_LIMIT


class SearchArgs(BaseModel):
    """A prospect search and where to save the people it selects."""

    # Its JSON schema is the filter model's, so a model reading the tool sees every filter
    # (extensions' too), each described.
    filters: ProspectFilters = Field(
        description="The contract's filters object: every filter Lexi can apply."
    )
    offset: int = Field(0, ge=0, description='How many matches to skip ("show me 10 more").')
    list_target: str | None = Field(
        None, description="Where to save: named | new | context | last; none to only show."
    )
    list_name: str | None = Field(None, description="The list's name for named/new targets.")
    unsupported: list[str] = Field(
        default_factory=list,
        description="Criteria the user asked for that no filter expresses (e.g. intent_data, "
        "company_list); they are named in the reply, never turned into keywords.",
    )
    not_understood: list[str] = Field(
        default_factory=list,
        description="Words of the request no filter could use (an unknown place); named in the reply.",
    )

    @field_serializer("filters")
    def _compact(self, filters: ProspectFilters) -> dict[str, Any]:
        # The contract's form (filters that are set), as the call is stored and streamed.
        return filters.to_dict()


def _args_from_intent(intent: Intent, ctx: TurnContext) -> SearchArgs | None:
    filters = intent.filters
    if filters is None:
        return None
    names = intent.params.get("exclude_list_names") or []
    if names:
        ids = list(filters.exclude_list_ids)
        for name in names:
            found = lists_service.find_list_by_name(ctx.session, ctx.workspace_id, name)
            if found is not None and str(found.id) not in ids:
                ids.append(str(found.id))
        if ids:
            filters = filters.changed({"exclude_list_ids": ids})
    target = "context" if ctx.state.context_list_id else None
    return SearchArgs(
        filters=filters,
        offset=intent.offset,
        list_target=target,
        unsupported=list(intent.unsupported),
        not_understood=list(intent.not_understood),
    )


def _parse(args: SearchArgs) -> ProspectFilters:
    return args.filters.checked(APPROVED_MAX_LIMIT)


class _Read:
    """One search as read while planning: the first page (at most 100 people) and the total."""

    def __init__(self, filters: ProspectFilters, offset: int, found: Any) -> None:
        self.filters = filters
        self.offset = offset
        self.total: int = found.total
        self.prospects: list[dict[str, Any]] = found.prospects
        # What running it would select (and save): the smaller of asked and found.
        self.selects = max(0, min(filters.limit, found.total - offset))


def _read(ctx: TurnContext, args: SearchArgs) -> _Read:
    key = "search:" + json.dumps([args.filters.to_dict(), args.offset], sort_keys=True, default=str)
    cached = ctx.extras.get(key)
    if cached is None:
        filters = _parse(args)
        found = prospects_service.search(
            ctx.session,
            filters,
            workspace_id=ctx.workspace_id,
            offset=args.offset,
            limit=min(filters.limit, PREVIEW),
        )
        cached = ctx.extras[key] = _Read(filters, args.offset, found)
    return cached


def _needs_approval(ctx: TurnContext, args: SearchArgs) -> bool:
    return ctx.policy.search_needs_approval(_read(ctx, args).selects)


def _price(ctx: TurnContext, args: SearchArgs) -> int:
    """What the turn spends now: the search fee only when it selects somebody."""
    return prices.PROSPECT_SEARCH if _read(ctx, args).selects else prices.FREE


def _quote(read: _Read) -> dict[str, int]:
    """What running the task would do: people selected, emails among them, its price."""
    shown = read.prospects
    with_email = sum(1 for p in shown if p.get("email") and p.get("email_status") != "unavailable")
    contacts = read.selects
    if len(shown) >= contacts:
        emails = sum(
            1 for p in shown[:contacts] if p.get("email") and p.get("email_status") != "unavailable"
        )
    else:
        emails = round(with_email * contacts / max(len(shown), 1))
    return {"credits": prices.PROSPECT_SEARCH, "contacts": contacts, "emails": emails}


def _near_misses(ctx: TurnContext, read: _Read) -> list[dict[str, Any]]:
    """For a search that found nobody: the near searches (at most ``nearby.MAX_PROBES``, one
    COUNT each, never charged) that find somebody, in the order they are offered."""
    offers = []
    for near in nearby.widenings(read.filters.to_dict()):
        try:
            filters = ProspectFilters.parse(near.filters, max_limit=APPROVED_MAX_LIMIT)
        except ValidationFailed:
            continue
        found = prospects_service.count(ctx.session, filters, workspace_id=ctx.workspace_id)
        if found:
            offers.append(
                {
                    "kind": near.kind,
                    "count": found,
                    "filters": filters.to_dict(),
                    "change": near.change,
                    "words": near.words,
                }
            )
    return offers


def propose_search(ctx: TurnContext, args: SearchArgs, *, start: bool = False) -> Action:
    """Create the prospect_search task (pending, or approved at once when ``start``).

    A list the task saves to is only named here; it is created when the task runs, so a
    dismissed proposal leaves nothing behind.
    """
    check_scope(ctx, Scope.prospects_read)
    # The task saves the people it selects, so proposing it needs the right to write contacts.
    check_scope(ctx, Scope.contacts_write)
    read = _read(ctx, args)
    filters, quote = read.filters, _quote(read)
    target = resolve_list(ctx, args.list_target, args.list_name)
    metadata: dict[str, Any] = {"query": filters.to_dict(), "quote": quote, "offset": args.offset}
    list_name = None
    if target.lst is not None:
        list_name = target.lst.name
        metadata.update(list_id=str(target.lst.id), list_name=list_name)
        remember_list(ctx, target.lst)
    elif target.missing_name:
        list_name = target.missing_name
        metadata.update(list_name=list_name, create_list=True)
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
        tasks_service.start_approved(
            ctx.session, task, actor=ctx.caller.actor, scopes=ctx.caller.scopes
        )
        ctx.credits_used += quote["credits"]
    else:
        ctx.state.pending_task_ids.append(str(task.id))
    ctx.state.last_filters = filters.to_dict()
    ctx.state.last_offset = args.offset
    action: Action = {
        "type": "prospect_search",
        "status": "completed" if start else "pending_approval",
        "task_id": str(task.id),
        "filters": filters.to_dict(),
        "total_matches": read.total,
        "prospects": [],
        "quote": quote,
        "background": start,
    }
    if args.unsupported:
        action["unsupported"] = list(args.unsupported)
    if args.not_understood:
        action["not_understood"] = list(args.not_understood)
    if list_name is not None:
        action.update(list_name=list_name)
        if target.lst is not None:
            action.update(list_id=str(target.lst.id))
    return action


@tool(
    scope=Scope.prospects_read,
    cost=prices.PROSPECT_SEARCH,
    requires_approval=_needs_approval,
    price=_price,
    intents=[IntentKind.prospect_search],
    from_intent=_args_from_intent,
    propose=propose_search,
)
def search_prospects(ctx: TurnContext, args: SearchArgs) -> Action:
    """Search the prospect database with structured filters (who the people are, their company,
    places, size, revenue, buying signals, and exclusions of people already saved or in lists;
    the `filters` schema describes each one) and select up to `limit` people, optionally saving
    them to a list."""
    check_scope(ctx, Scope.prospects_read)
    read = _read(ctx, args)
    filters = read.filters
    if read.selects > MAX_LIMIT:
        # Above the per-search maximum the selection always runs as a background task.
        return propose_search(ctx, args, start=True)
    prospects = read.prospects[: read.selects]
    if prospects:
        charge(ctx, prices.PROSPECT_SEARCH, "prospect search")
    action: Action = {
        "type": "prospect_search",
        "status": "completed",
        "filters": filters.to_dict(),
        "total_matches": read.total,
        "prospects": prospects,
        "offset": args.offset,
        "credits": prices.PROSPECT_SEARCH if prospects else prices.FREE,
    }
    if args.unsupported:
        action["unsupported"] = list(args.unsupported)
    if args.not_understood:
        action["not_understood"] = list(args.not_understood)
    ids = [p["id"] for p in prospects]
    state = ctx.state
    state.nearby, state.nearby_turn = [], -1
    if read.total == 0 and args.offset == 0 and (offers := _near_misses(ctx, read)):
        action["nearby"] = offers
        state.nearby, state.nearby_turn = offers, state.turn
    state.last_filters = filters.to_dict()
    state.last_offset = args.offset + len(ids)
    if ids:
        results.remember_search(ctx, filters.to_dict(), read.total, args.offset, ids)
    if args.list_target and ids:
        if not ctx.has(Scope.contacts_write.value):
            action["save_skipped"] = "permission"
            return action
        target = resolve_list(ctx, args.list_target, args.list_name, create_missing=True)
        if target.lst is not None:
            saved = save_to(ctx, target.lst, ids, known=prospects)
            action.update(
                list_id=str(target.lst.id),
                list_name=target.lst.name,
                added=saved.added,
                contacts_created=saved.created,
                contact_count=saved.contact_count,
                created_list=target.created,
            )
            for p in prospects:
                if p["id"] in saved.prospect_ids:
                    p["saved"] = True
            remember_list(ctx, target.lst)
    return action
