"""The tools Lexi offers to MCP clients: each one calls the same service functions as its REST
endpoint, under the same scope, in one unit of work.

A tool is a plain function ``(session, caller, args) -> dict`` whose arguments are a pydantic
model; the model's JSON schema is what MCP clients see. Nothing here imports the MCP SDK, so the
catalogue can be listed and tested without it.
"""

from __future__ import annotations

import inspect
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy.orm import Session

from lexi.auth.scopes import Scope
from lexi.auth.service import Caller, check_scope
from lexi.campaigns import service as campaigns_service
from lexi.campaigns.schemas import CampaignCreate
from lexi.chat import service as chat_service
from lexi.chat.schemas import MAX_MESSAGE
from lexi.contacts import service as contacts_service
from lexi.contacts.repository import ContactFilters
from lexi.contacts.schemas import ContactCreate
from lexi.credits import service as credits_service
from lexi.credits.schemas import LedgerEntry
from lexi.errors import ValidationFailed
from lexi.kit.pagination import MAX_PAGE, PageParams
from lexi.lists import service as lists_service
from lexi.lists.schemas import ListOut
from lexi.models import Campaign, ContactList, Task
from lexi.prospects import service as prospects_service
from lexi.prospects.filters import ProspectFilters
from lexi.tasks import service as tasks_service
from lexi.tasks.schemas import TaskOut

Result = dict[str, Any]
TaskStatus = Literal["pending", "approved", "running", "dismissed", "completed", "failed"]


class Args(BaseModel):
    model_config = ConfigDict(extra="forbid")


@dataclass(frozen=True)
class McpTool:
    name: str
    description: str
    scope: Scope
    args_model: type[BaseModel]
    fn: Callable[[Session, Caller, Any], Result]
    writes: bool
    # Overrides the args model's schema when the arguments are validated elsewhere (filters).
    schema: Callable[[], dict[str, Any]] | None = None

    def input_schema(self) -> dict[str, Any]:
        return self.schema() if self.schema else self.args_model.model_json_schema()

    def run(self, session: Session, caller: Caller, args: BaseModel) -> Result:
        """Check the scope exactly as the REST endpoint does, then call the service."""
        check_scope(caller, self.scope.value)
        return self.fn(session, caller, args)


TOOLS: dict[str, McpTool] = {}


def mcp_tool(
    *, scope: Scope, writes: bool = False, schema: Callable[[], dict[str, Any]] | None = None
) -> Callable[[Callable[[Session, Caller, Any], Result]], Callable[[Session, Caller, Any], Result]]:
    """Register a tool; its name is the function name and its description the docstring."""

    def wrap(
        fn: Callable[[Session, Caller, Any], Result],
    ) -> Callable[[Session, Caller, Any], Result]:
        params = list(inspect.signature(fn, eval_str=True).parameters.values())
        args_model = params[2].annotation
        TOOLS[fn.__name__] = McpTool(
            name=fn.__name__,
            description=f"{inspect.cleandoc(fn.__doc__ or fn.__name__)}\n\nScope: {scope.value}.",
            scope=scope,
            args_model=args_model,
            fn=fn,
            writes=writes,
            schema=schema,
        )
        return fn

    return wrap


def _page(params: PageParams, total: int) -> dict[str, int]:
    return {"page": params.page, "per_page": params.per_page, "total": total}


def _list_out(session: Session, caller: Caller, lst: ContactList) -> Result:
    count = lists_service.contact_count(session, caller.workspace_id, lst.id)
    return ListOut(
        id=lst.id,
        name=lst.name,
        description=lst.description,
        contact_count=count,
        created_at=lst.created_at,
        updated_at=lst.updated_at,
    ).model_dump(mode="json")


def _task_out(task: Task) -> Result:
    return TaskOut(
        id=task.id,
        type=task.type,
        status=task.status,
        description=task.description,
        created_at=task.created_at,
        metadata=task.meta or {},
        result=task.result,
        error=task.error,
        completed_at=task.completed_at,
    ).model_dump(mode="json")


# --- the conversation ------------------------------------------------------------------------


class ChatArgs(Args):
    message: str = Field(min_length=1, max_length=MAX_MESSAGE, description="What to ask Lexi.")
    conversation_id: uuid.UUID | None = Field(None, description="Continue this conversation.")
    list_id: uuid.UUID | None = Field(None, description="The list the chat is about.")
    allow_tools: bool = Field(True, description="False: answer without running any tool.")


@mcp_tool(scope=Scope.lexi, writes=True)
def chat(session: Session, caller: Caller, args: ChatArgs) -> Result:
    """Talk to Lexi in plain language ("find 20 CEOs of law firms in New York and save them to
    Q1 Leads"). Costs 1 credit plus 5 per prospect search it runs; the whole turn is quoted first.
    A large selection is not run: it comes back as a pending task with its quote
    (`requires_approval`, `task_id`, `pending_tasks`) to approve with `approve_task`."""
    turn = chat_service.run_turn(
        session,
        caller,
        args.message,
        list_id=args.list_id,
        conversation_id=args.conversation_id,
        allow_tools=args.allow_tools,
    )
    result = turn.result
    pending = [
        {"task_id": a["task_id"], "quote": a.get("quote"), "filters": a.get("filters")}
        for a in result.actions
        if a.get("status") == "pending_approval"
    ]
    return {
        "response": result.reply,
        "conversation_id": str(turn.conversation.id),
        "message_id": str(turn.message.id),
        "requires_approval": result.requires_approval,
        "task_id": result.task_id,
        "pending_tasks": pending,
        "credits_used": turn.credits_used,
        "credits_remaining": turn.credits_remaining,
        "actions": result.actions,
    }


# --- prospects -------------------------------------------------------------------------------


def _search_schema() -> dict[str, Any]:
    schema = ProspectFilters.model_json_schema()
    schema.setdefault("properties", {})["page"] = {
        "type": "integer",
        "minimum": 1,
        "default": 1,
        "description": "Page of results, from 1; `limit` is the page size.",
    }
    return schema


class SearchProspectsArgs(BaseModel):
    """The filters object plus ``page``; validated by ``ProspectFilters.parse`` as over REST."""

    model_config = ConfigDict(extra="allow")


@mcp_tool(scope=Scope.prospects_read, schema=_search_schema)
def search_prospects(session: Session, caller: Caller, args: SearchProspectsArgs) -> Result:
    """Search the prospect database with structured filters (titles, seniorities, departments,
    industries, locations, company size, revenue, keywords, technologies, email status). Returns
    one page of people and the exact total; reading results is free, saving them is
    `save_prospects`."""
    body = dict(args.model_extra or {})
    page = body.pop("page", 1)
    if page is None:
        page = 1
    if isinstance(page, bool) or not isinstance(page, int) or not 1 <= page <= MAX_PAGE:
        raise ValidationFailed.field("page", f"Must be an integer between 1 and {MAX_PAGE}")
    filters = ProspectFilters.parse(body)
    found = prospects_service.search(
        session, filters, workspace_id=caller.workspace_id, offset=(page - 1) * filters.limit
    )
    return {
        "prospects": found.prospects,
        "filters": filters.to_dict(),
        "meta": {"page": page, "per_page": filters.limit, "total": found.total},
    }


class SaveProspectsArgs(Args):
    prospect_ids: list[uuid.UUID] = Field(min_length=1, max_length=1000)
    list_id: uuid.UUID | None = Field(None, description="Also add them to this list.")


@mcp_tool(scope=Scope.contacts_write, writes=True)
def save_prospects(session: Session, caller: Caller, args: SaveProspectsArgs) -> Result:
    """Save prospects (ids from `search_prospects`) as contacts, and into a list when `list_id`
    is given. Saving the same person twice returns the existing contact."""
    saved = prospects_service.save(
        session, caller.workspace_id, list(args.prospect_ids), list_id=args.list_id
    )
    return {
        "created": saved.created,
        "contacts": [
            {"id": str(c.id), "full_name": c.full_name, "email": c.email} for c in saved.contacts
        ],
        "added_to_list": saved.added_to_list if args.list_id else None,
    }


# --- lists -----------------------------------------------------------------------------------


class PageArgs(Args):
    page: int = Field(1, ge=1, le=MAX_PAGE)
    per_page: int = Field(50, ge=1, le=100)


@mcp_tool(scope=Scope.contacts_read)
def list_lists(session: Session, caller: Caller, args: PageArgs) -> Result:
    """The workspace's contact lists, newest first, each with its contact count."""
    params = PageParams(args.page, args.per_page)
    rows, total = lists_service.list_lists(session, caller.workspace_id, params)
    data = [
        ListOut(
            id=lst.id,
            name=lst.name,
            description=lst.description,
            contact_count=n,
            created_at=lst.created_at,
            updated_at=lst.updated_at,
        ).model_dump(mode="json")
        for lst, n in rows
    ]
    return {"lists": data, "meta": _page(params, total)}


class ListIdArgs(Args):
    list_id: uuid.UUID


@mcp_tool(scope=Scope.contacts_read)
def get_list(session: Session, caller: Caller, args: ListIdArgs) -> Result:
    """One list with its contact count (members: `list_contacts` with `list_id`)."""
    return _list_out(
        session, caller, lists_service.get_list(session, caller.workspace_id, args.list_id)
    )


class CreateListArgs(Args):
    name: str = Field(min_length=1, max_length=200)
    description: str | None = Field(None, max_length=2000)


@mcp_tool(scope=Scope.contacts_write, writes=True)
def create_list(session: Session, caller: Caller, args: CreateListArgs) -> Result:
    """Create a contact list (a name already used in the workspace is a `conflict` error)."""
    lst = lists_service.create_list(session, caller.workspace_id, args.name, args.description)
    return _list_out(session, caller, lst)


class AddToListArgs(Args):
    list_id: uuid.UUID
    contact_ids: list[uuid.UUID] = Field(min_length=1, max_length=1000)


@mcp_tool(scope=Scope.contacts_write, writes=True)
def add_to_list(session: Session, caller: Caller, args: AddToListArgs) -> Result:
    """Add existing contacts to a list (contacts already in it are skipped)."""
    added = lists_service.add_contacts(
        session, caller.workspace_id, args.list_id, list(args.contact_ids)
    )
    return {"added": added.added, "contact_count": added.contact_count}


# --- contacts --------------------------------------------------------------------------------


class ListContactsArgs(PageArgs):
    search: str | None = Field(None, max_length=200, description="Name, email or company.")
    list_id: uuid.UUID | None = Field(None, description="Only members of this list.")


@mcp_tool(scope=Scope.contacts_read)
def list_contacts(session: Session, caller: Caller, args: ListContactsArgs) -> Result:
    """The workspace's contacts, newest first; optionally one list's members or a text search."""
    params = PageParams(args.page, args.per_page)
    filters = ContactFilters(
        search=(args.search or "").strip() or None, list_id=args.list_id, created_after=None
    )
    rows, total = contacts_service.list_contacts(session, caller.workspace_id, filters, params)
    return {
        "contacts": [contacts_service.to_out(c).model_dump(mode="json") for c in rows],
        "meta": _page(params, total),
    }


class ContactIdArgs(Args):
    contact_id: uuid.UUID


@mcp_tool(scope=Scope.contacts_read)
def get_contact(session: Session, caller: Caller, args: ContactIdArgs) -> Result:
    """One contact."""
    contact = contacts_service.get_contact(session, caller.workspace_id, args.contact_id)
    return contacts_service.to_out(contact).model_dump(mode="json")


@mcp_tool(scope=Scope.contacts_write, writes=True)
def create_contact(session: Session, caller: Caller, args: ContactCreate) -> Result:
    """Create a contact (or return the one that already has this email): any of `full_name`,
    `first_name`/`last_name` or `email` is enough."""
    contact, created = contacts_service.create_contact(
        session, caller.workspace_id, args.model_dump(exclude_unset=True)
    )
    return {"created": created, "contact": contacts_service.to_out(contact).model_dump(mode="json")}


# --- tasks and credits -----------------------------------------------------------------------


class ListTasksArgs(Args):
    status: TaskStatus = "pending"


@mcp_tool(scope=Scope.lexi)
def list_tasks(session: Session, caller: Caller, args: ListTasksArgs) -> Result:
    """Tasks in one status (default `pending`: waiting for approval, each with its quote)."""
    rows = tasks_service.list_tasks(session, caller.workspace_id, args.status)
    return {"tasks": [_task_out(t) for t in rows]}


class TaskIdArgs(Args):
    task_id: uuid.UUID


@mcp_tool(scope=Scope.lexi)
def get_task(session: Session, caller: Caller, args: TaskIdArgs) -> Result:
    """One task, with its `result` or `error` once it finished."""
    return _task_out(tasks_service.get(session, caller.workspace_id, args.task_id))


@mcp_tool(scope=Scope.lexi, writes=True)
def approve_task(session: Session, caller: Caller, args: TaskIdArgs) -> Result:
    """Approve a pending task and charge its quote (an `insufficient_credits` error when it does
    not fit); it then runs in the background exactly once."""
    task = tasks_service.approve(
        session, caller.workspace_id, args.task_id, actor=caller.actor, scopes=caller.scopes
    )
    return {"task_id": str(task.id), "status": "approved", "execution_started": True}


class DismissArgs(TaskIdArgs):
    reason: str | None = Field(None, max_length=500)


@mcp_tool(scope=Scope.lexi, writes=True)
def dismiss_task(session: Session, caller: Caller, args: DismissArgs) -> Result:
    """Dismiss a pending task; it can never be approved after."""
    task = tasks_service.dismiss(
        session,
        caller.workspace_id,
        args.task_id,
        args.reason,
        actor=caller.actor,
        scopes=caller.scopes,
    )
    return {"task_id": str(task.id), "status": task.status}


class CreditsArgs(Args):
    limit: int = Field(20, ge=1, le=100, description="Ledger entries to include.")


@mcp_tool(scope=Scope.lexi)
def get_credits(session: Session, caller: Caller, args: CreditsArgs) -> Result:
    """The workspace's credit balance and its most recent ledger entries."""
    entries = credits_service.recent_entries(session, caller.workspace_id, args.limit)
    return {
        "balance": credits_service.balance(session, caller.workspace_id),
        "entries": [LedgerEntry.model_validate(e).model_dump(mode="json") for e in entries],
    }


# --- campaigns -------------------------------------------------------------------------------


def _campaign_out(session: Session, caller: Caller, campaign: Campaign) -> Result:
    steps = campaigns_service.steps_of(session, campaign.id)
    written_by = None
    if campaign.revision:
        written_by = campaigns_service.get_revision(
            session, caller.workspace_id, campaign.id, campaign.revision
        ).written_by
    return {
        "id": str(campaign.id),
        "name": campaign.name,
        "status": campaign.status,
        "list_id": str(campaign.list_id) if campaign.list_id else None,
        "topic": campaign.topic,
        "tone": campaign.tone,
        "revision": campaign.revision,
        "sending_revision": campaign.sending_revision,
        "steps": [
            {
                "index": i,
                "subject": s.subject,
                "body": s.body,
                "delay_days": s.delay_days,
                "delay_hours": s.delay_hours,
                "send_condition": s.send_condition,
            }
            for i, s in enumerate(steps)
        ],
        "written_by": written_by,
    }


class ListCampaignsArgs(PageArgs):
    status: Literal["draft", "pending_approval", "active", "paused", "completed"] | None = None


@mcp_tool(scope=Scope.campaigns_read)
def list_campaigns(session: Session, caller: Caller, args: ListCampaignsArgs) -> Result:
    """The workspace's campaigns, newest first (optionally in one status)."""
    params = PageParams(args.page, args.per_page)
    rows, total = campaigns_service.list_campaigns(
        session, caller.workspace_id, params, args.status
    )
    return {
        "campaigns": [
            {
                "id": str(c.id),
                "name": c.name,
                "status": c.status,
                "list_id": str(c.list_id) if c.list_id else None,
                "revision": c.revision,
            }
            for c in rows
        ],
        "meta": _page(params, total),
    }


class CampaignIdArgs(Args):
    campaign_id: uuid.UUID


@mcp_tool(scope=Scope.campaigns_read)
def get_campaign(session: Session, caller: Caller, args: CampaignIdArgs) -> Result:
    """One campaign with its current emails (subject, body, timing of each step) and who wrote
    them (`written_by`: the built-in writer or the configured model)."""
    campaign = campaigns_service.get_campaign(session, caller.workspace_id, args.campaign_id)
    return _campaign_out(session, caller, campaign)


@mcp_tool(scope=Scope.campaigns_write, writes=True)
def create_campaign(session: Session, caller: Caller, args: CampaignCreate) -> Result:
    """Create a draft campaign for a list. With `topic` (and optionally `tone`) and no `steps`,
    Lexi drafts a 3-step sequence (opening email, follow-up, last note) for the list's audience;
    emails may use {{first_name}}, {{last_name}}, {{company_name}}, {{job_title}}, and
    {{signal_opener}} / {{signal_followup}} (facts from the data, empty without). Nothing is
    sent until `start_campaign`'s task is approved."""
    data = args.model_dump(exclude_unset=True)
    if args.steps is not None:
        data["steps"] = [s.model_dump() for s in args.steps]
    campaign = campaigns_service.create_campaign(session, caller.workspace_id, data)
    return _campaign_out(session, caller, campaign)


class RewriteCampaignArgs(CampaignIdArgs):
    instruction: str = Field(
        min_length=1,
        max_length=500,
        description="more casual | more formal | shorter | add a question at the end | mention "
        'our free trial | change the subject line to "..."',
    )
    step: int | None = Field(None, ge=0, description="Only this step (0-based); default all.")


@mcp_tool(scope=Scope.campaigns_write, writes=True)
def rewrite_campaign(session: Session, caller: Caller, args: RewriteCampaignArgs) -> Result:
    """Rewrite a draft or paused campaign's emails as a new revision (earlier ones are kept);
    returns the revision's number, change, emails and `written_by`."""
    rev = campaigns_service.rewrite(
        session, caller.workspace_id, args.campaign_id, args.instruction, args.step
    )
    return {
        "campaign_id": str(args.campaign_id),
        "revision": rev.number,
        "change": rev.change,
        "parent": rev.parent,
        "steps": [
            {k: s[k] for k in ("index", "subject", "body", "delay_days", "send_condition")}
            for s in rev.steps
        ],
        "written_by": rev.written_by,
    }


@mcp_tool(scope=Scope.campaigns_write, writes=True)
def start_campaign(session: Session, caller: Caller, args: CampaignIdArgs) -> Result:
    """Propose starting a campaign: never sends by itself. Returns a pending `campaign_start`
    task naming the revision, the recipients and the schedule; approve it with `approve_task`
    and the worker starts sending."""
    started = campaigns_service.start(
        session,
        caller.workspace_id,
        args.campaign_id,
        actor=caller.actor,
        api_key_id=caller.key_id,
        scopes=sorted(caller.scopes),
    )
    return {
        "campaign_id": str(started.campaign.id),
        "status": started.campaign.status,
        "requires_approval": True,
        "task": _task_out(started.task),
    }


@mcp_tool(scope=Scope.campaigns_write, writes=True)
def pause_campaign(session: Session, caller: Caller, args: CampaignIdArgs) -> Result:
    """Stop sending at once (a launch waiting for approval is dismissed); start again to resume."""
    campaign = campaigns_service.pause(
        session, caller.workspace_id, args.campaign_id, actor=caller.actor
    )
    return {"campaign_id": str(campaign.id), "status": campaign.status}


@mcp_tool(scope=Scope.campaigns_read)
def campaign_stats(session: Session, caller: Caller, args: CampaignIdArgs) -> Result:
    """Sent, opened, clicked, replied, bounced, unsubscribed and scheduled counts, and rates."""
    return dict(campaigns_service.stats(session, caller.workspace_id, args.campaign_id))
