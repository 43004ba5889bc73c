"""Helpers the built-in tools share: charging within the turn and resolving which list is meant."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from lexi.assistant.context import TurnContext
from lexi.errors import Conflict, NotFound
from lexi.lists import service as lists_service
from lexi.models import ContactList
from lexi.prospects import service as prospects_service


def charge(ctx: TurnContext, amount: int, reason: str) -> None:
    """Spend credits in the request's unit of work (the turn was quoted before anything ran).

    The charge is recorded on the turn and taken with the turn's other charges in one
    conditional statement at its end (``credits.service.charge_many``).
    """
    if amount > 0:
        ctx.charges.append((amount, reason))
        ctx.credits_used += amount


@dataclass
class ResolvedList:
    lst: ContactList | None
    created: bool = False
    existed: bool = False
    missing_name: str | None = None  # a named list that does not exist (and was not created)


def _by_id(ctx: TurnContext, raw: str | None) -> ContactList | None:
    if not raw:
        return None
    try:
        return lists_service.get_list(ctx.session, ctx.workspace_id, uuid.UUID(str(raw)))
    except (NotFound, ValueError):
        return None


def resolve_list(
    ctx: TurnContext, target: str | None, name: str | None, *, create_missing: bool = False
) -> ResolvedList:
    """The list a request means: "named", "new", "context" (the request's list) or "last" used."""
    if target in ("named", "new") and name:
        found = lists_service.find_list_by_name(ctx.session, ctx.workspace_id, name)
        if found is not None:
            return ResolvedList(found, existed=True)
        if target == "new" or create_missing:
            try:
                lst = lists_service.create_list(ctx.session, ctx.workspace_id, name)
            except Conflict:
                taken = lists_service.find_list_by_name(ctx.session, ctx.workspace_id, name)
                return ResolvedList(taken, existed=True)
            return ResolvedList(lst, created=True)
        return ResolvedList(None, missing_name=name)
    if target in (None, "context", "last"):
        # No target: only the request's own list; a list used earlier in the conversation is
        # never filled unless the message refers to it ("add them to that list").
        if target is None:
            order: tuple[str | None, ...] = (ctx.state.context_list_id,)
        elif target == "context":
            order = (ctx.state.context_list_id, ctx.state.last_list_id)
        else:
            order = (ctx.state.last_list_id, ctx.state.context_list_id)
        for raw in order:
            by_id = _by_id(ctx, raw)
            if by_id is not None:
                return ResolvedList(by_id)
    return ResolvedList(None)


@dataclass
class Saved:
    created: int
    added: int
    contact_count: int
    prospect_ids: set[str]


def save_to(
    ctx: TurnContext,
    lst: ContactList,
    prospect_ids: list[str],
    known: list[dict[str, Any]] | None = None,
) -> Saved:
    """Save prospects as contacts (idempotent per person) and add them to ``lst``.

    ``known``: the Prospect objects when the caller has just read them (a search in this turn).
    """
    saved = prospects_service.save(
        ctx.session, ctx.workspace_id, [uuid.UUID(i) for i in prospect_ids], known=known
    )
    result = lists_service.add_contacts(
        ctx.session, ctx.workspace_id, lst.id, [c.id for c in saved.contacts]
    )
    return Saved(
        created=saved.created,
        added=result.added,
        contact_count=result.contact_count,
        prospect_ids={str(c.prospect_id) for c in saved.contacts if c.prospect_id},
    )


def remember_list(ctx: TurnContext, lst: ContactList) -> None:
    ctx.state.last_list_id = str(lst.id)
    ctx.state.last_list_name = lst.name
    ctx.state.used_list(lst.name)
