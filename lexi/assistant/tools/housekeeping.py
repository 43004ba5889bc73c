"""List housekeeping by chat: show lists, rename, delete (an approval task), export, merge."""

from __future__ import annotations

from pydantic import BaseModel, Field

from lexi.assistant import phrases
from lexi.assistant.context import TurnContext
from lexi.assistant.tools.common import remember_list, resolve_list
from lexi.assistant.tools.registry import Action, check_scope, tool
from lexi.assistant.understanding.types import Intent, IntentKind
from lexi.auth.scopes import Scope
from lexi.lists import service as lists_service
from lexi.tasks import service as tasks_service

SHOWN_LISTS = 20
EXPORT_PATH = "/v1/contacts/export?list_id={id}"


class NoArgs(BaseModel):
    pass


class NamedList(BaseModel):
    list_target: str | None = Field(None, description="named | context | last")
    list_name: str | None = Field(None, max_length=200)


class RenameArgs(NamedList):
    new_name: str = Field(min_length=1, max_length=200)


class MergeArgs(NamedList):
    source_name: str = Field(min_length=1, max_length=200, description="The list merged in.")


def _named(intent: Intent, ctx: TurnContext) -> NamedList:
    return NamedList(list_target=intent.list_target, list_name=intent.list_name)


def _missing(ctx: TurnContext, kind: str, name: str | None) -> Action:
    return {
        "type": kind,
        "status": "needs_input",
        "missing": ["list"],
        "list_name": name,
        "known_lists": list(ctx.state.known_list_names),
    }


@tool(scope=Scope.contacts_read, intents=[IntentKind.list_show], from_intent=lambda i, c: NoArgs())
def show_lists(ctx: TurnContext, args: NoArgs) -> Action:
    """The workspace's lists with how many contacts each holds (newest first)."""
    check_scope(ctx, Scope.contacts_read)
    rows = lists_service.list_overview(ctx.session, ctx.workspace_id, SHOWN_LISTS + 1)
    return {
        "type": "list_show",
        "status": "completed",
        "lists": [
            {"id": str(lst.id), "name": lst.name, "contact_count": n}
            for lst, n in rows[:SHOWN_LISTS]
        ],
        "more": len(rows) > SHOWN_LISTS,
    }


@tool(
    scope=Scope.contacts_write,
    intents=[IntentKind.list_rename],
    from_intent=lambda i, c: RenameArgs(
        list_target=i.list_target, list_name=i.list_name, new_name=i.params.get("new_name") or "?"
    ),
)
def rename_list(ctx: TurnContext, args: RenameArgs) -> Action:
    """Rename a list (another list's name is refused)."""
    check_scope(ctx, Scope.contacts_write)
    target = resolve_list(ctx, args.list_target, args.list_name)
    if target.lst is None:
        return _missing(ctx, "list_rename", args.list_name)
    old = target.lst.name
    lists_service.update_list(ctx.session, ctx.workspace_id, target.lst.id, {"name": args.new_name})
    remember_list(ctx, target.lst)
    return {
        "type": "list_rename",
        "status": "completed",
        "list_id": str(target.lst.id),
        "old_name": old,
        "list_name": target.lst.name,
    }


def _propose_delete(ctx: TurnContext, args: NamedList) -> Action:
    """Deleting a list is destructive, so it always waits for approval (a list_operation task)."""
    check_scope(ctx, Scope.contacts_write)
    target = resolve_list(ctx, args.list_target, args.list_name)
    if target.lst is None:
        return _missing(ctx, "list_delete", args.list_name)
    count = lists_service.contact_count(ctx.session, ctx.workspace_id, target.lst.id)
    task = tasks_service.propose(
        ctx.session,
        workspace_id=ctx.workspace_id,
        type="list_operation",
        description=phrases.delete_task_description(target.lst.name, count),
        metadata={
            "operation": "delete",
            "list_id": str(target.lst.id),
            "list_name": target.lst.name,
            "contact_count": count,
            "quote": {"credits": 0},
        },
        conversation_id=ctx.conversation_id,
        api_key_id=ctx.caller.key_id,
        scopes=sorted(ctx.caller.scopes),
    )
    ctx.task_ids.append(task.id)
    ctx.state.pending_task_ids.append(str(task.id))
    return {
        "type": "list_delete",
        "status": "pending_approval",
        "task_id": str(task.id),
        "list_id": str(target.lst.id),
        "list_name": target.lst.name,
        "contact_count": count,
    }


@tool(
    scope=Scope.contacts_write,
    intents=[IntentKind.list_delete],
    requires_approval=True,
    from_intent=_named,
    propose=_propose_delete,
)
def delete_list(ctx: TurnContext, args: NamedList) -> Action:
    """Delete a list (its contacts stay). Always proposed as a task that waits for approval."""
    return _propose_delete(ctx, args)


@tool(scope=Scope.contacts_read, intents=[IntentKind.list_export], from_intent=_named)
def export_list(ctx: TurnContext, args: NamedList) -> Action:
    """A link that downloads a list's contacts as CSV."""
    check_scope(ctx, Scope.contacts_read)
    target = resolve_list(ctx, args.list_target, args.list_name)
    if target.lst is None:
        return _missing(ctx, "list_export", args.list_name)
    remember_list(ctx, target.lst)
    return {
        "type": "list_export",
        "status": "completed",
        "list_id": str(target.lst.id),
        "list_name": target.lst.name,
        "contact_count": lists_service.contact_count(ctx.session, ctx.workspace_id, target.lst.id),
        "download_url": EXPORT_PATH.format(id=target.lst.id),
    }


@tool(
    scope=Scope.contacts_write,
    intents=[IntentKind.list_merge],
    from_intent=lambda i, c: MergeArgs(
        list_target=i.list_target,
        list_name=i.list_name,
        source_name=i.params.get("source") or "?",
    ),
)
def merge_lists(ctx: TurnContext, args: MergeArgs) -> Action:
    """Add every contact of one list to another (the first list stays as it is)."""
    check_scope(ctx, Scope.contacts_write)
    source = resolve_list(ctx, "named", args.source_name)
    if source.lst is None:
        return _missing(ctx, "list_merge", args.source_name)
    target = resolve_list(ctx, args.list_target, args.list_name)
    if target.lst is None:
        return _missing(ctx, "list_merge", args.list_name)
    result = lists_service.merge_into(ctx.session, ctx.workspace_id, source.lst.id, target.lst.id)
    remember_list(ctx, target.lst)
    return {
        "type": "list_merge",
        "status": "completed",
        "list_id": str(target.lst.id),
        "list_name": target.lst.name,
        "source_list_id": str(source.lst.id),
        "source_list_name": source.lst.name,
        "added": result.added,
        "contact_count": result.contact_count,
    }
