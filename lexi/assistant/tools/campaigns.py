"""Campaign tools: draft a campaign for a list, show, rewrite and undo its emails, launch it (always
an approval task), pause it, and report how it is doing.

They call the same service functions as the campaigns API with the same scopes
(``campaigns:write`` to change, ``campaigns:read`` to look). "The email" and "the campaign" are
the request's campaign (``context.campaign_id``), else the one this conversation last worked on,
else the newest campaign of the request's list. Every rewrite and undo is a new immutable
revision; launching proposes a ``campaign_start`` task naming the exact revision, the recipients
and the schedule, and nothing is sent before it is approved. None of them costs credits beyond
the message. Drafts and rewrites name their writer (``written_by``: the built-in writer or the
configured model, see docs/models.md).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel, Field

from lexi.assistant import phrases
from lexi.assistant.context import TurnContext
from lexi.assistant.tools.common import remember_list, resolve_list
from lexi.assistant.tools.registry import Action, check_scope, tool
from lexi.assistant.understanding.types import Intent, IntentKind
from lexi.auth.scopes import Scope
from lexi.campaigns import service as campaigns_service
from lexi.campaigns.drafting import TONES, draft_sequence, get_writer, rewrite_sequence
from lexi.errors import LexiError, NotFound
from lexi.lists import service as lists_service
from lexi.models import Campaign

# Tones the understanding names, as the rewrite instructions the writer knows.
REWRITE_TONES = {
    "casual": "more casual",
    "warm": "more casual",
    "soft": "more casual",
    "formal": "more formal",
    "professional": "more formal",
    "shorter": "shorter",
}
EDITS = {
    "question": "add a question at the end",
    "free_trial": "mention our free trial",
}
# Whether a rewrite without a named step changes every email (else only the first).
REWRITES_EVERY_STEP = {"more casual": True, "more formal": True, "shorter": True}
STEP_WORDS = {"first": 0, "second": 1, "third": 2, "fourth": 3, "fifth": 4}


class CampaignRef(BaseModel):
    campaign_id: str | None = Field(
        None, description="The campaign; the conversation's (or the request's) if unset."
    )


class CreateArgs(BaseModel):
    topic: str | None = Field(None, max_length=500, description="What the campaign is about.")
    list_target: str | None = Field(None, description="named | context | last")
    list_name: str | None = Field(None, max_length=200)
    tone: str | None = Field(None, description="professional | warm | formal | casual")


class ShowArgs(CampaignRef):
    step: str | None = Field(None, description="first | second | third | last; all if unset.")


class RewriteArgs(CampaignRef):
    instruction: str | None = Field(
        None,
        max_length=400,
        description="more casual | more formal | shorter | add a question at the end | mention "
        'our free trial | change the subject line to "..."',
    )
    tone: str | None = Field(None, description="The tone asked for, when no instruction fits.")
    step: str | None = Field(None, description="first | second | third | last; all if unset.")


class UndoArgs(CampaignRef):
    revision: int | None = Field(
        None, ge=1, description="The revision to go back to; the previous one if unset."
    )


# ------------------------------------------------------------------ resolving


def _campaign_id(ctx: TurnContext, args: CampaignRef) -> Campaign | None:
    """The campaign a request means: named by id, the request's, the conversation's, or the
    newest of the request's list."""
    state = ctx.state
    for raw in (args.campaign_id, state.context_campaign_id, state.last_campaign_id):
        if not raw:
            continue
        try:
            return campaigns_service.get_campaign(ctx.session, ctx.workspace_id, uuid.UUID(raw))
        except (NotFound, ValueError):
            continue
    if state.context_list_id:
        return campaigns_service.latest_for_list(
            ctx.session, ctx.workspace_id, uuid.UUID(state.context_list_id)
        )
    return None


def _remember(ctx: TurnContext, campaign: Campaign) -> None:
    ctx.state.last_campaign_id = str(campaign.id)


def _no_campaign(kind: str) -> Action:
    return {"type": kind, "status": "needs_input", "missing": ["campaign"]}


def _steps(ctx: TurnContext, campaign: Campaign) -> list[dict[str, Any]]:
    return [
        {
            "index": i,
            "id": str(s.id),
            "subject": s.subject,
            "body": s.body,
            "delay_days": s.delay_days,
            "delay_hours": s.delay_hours,
            "send_condition": s.send_condition,
        }
        for i, s in enumerate(campaigns_service.steps_of(ctx.session, campaign.id))
    ]


def _describe(ctx: TurnContext, campaign: Campaign, kind: str) -> Action:
    ctx.session.refresh(campaign)
    return {
        "type": kind,
        "status": "completed",
        "campaign_id": str(campaign.id),
        "campaign_name": campaign.name,
        "campaign_status": campaign.status,
        "revision": campaign.revision,
        "steps": _steps(ctx, campaign),
    }


def _step_index(word: str | None, count: int) -> int | None:
    if not word:
        return None
    if word == "last":
        return max(count - 1, 0)
    return STEP_WORDS.get(word)


# ------------------------------------------------------------------ create


def _create_args(intent: Intent, ctx: TurnContext) -> CreateArgs:
    tone = intent.params.get("tone")
    return CreateArgs(
        topic=intent.params.get("topic"),
        list_target=intent.list_target,
        list_name=intent.list_name,
        tone=tone if tone in TONES else None,
    )


@tool(scope=Scope.campaigns_write, intents=[IntentKind.campaign_create], from_intent=_create_args)
def create_campaign(ctx: TurnContext, args: CreateArgs) -> Action:
    """Draft a campaign for a list on a topic: a 3-step email sequence (opening email, follow-up,
    last touch) written for the list's titles and industries, as a draft (revision 1)."""
    check_scope(ctx, Scope.campaigns_write)
    target = resolve_list(ctx, args.list_target or "context", args.list_name)
    if target.lst is None:
        return {
            "type": "campaign_create",
            "status": "needs_input",
            "missing": ["campaign_list"],
            "list_name": target.missing_name,
            "known_lists": list(ctx.state.known_list_names),
            "topic": args.topic,
        }
    if not args.topic:
        return {
            "type": "campaign_create",
            "status": "needs_input",
            "missing": ["topic"],
            "list_id": str(target.lst.id),
            "list_name": target.lst.name,
        }
    campaign = campaigns_service.create_campaign(
        ctx.session,
        ctx.workspace_id,
        {
            "name": phrases.campaign_name(args.topic, target.lst.name),
            "list_id": target.lst.id,
            "topic": args.topic,
            "tone": args.tone,
        },
    )
    remember_list(ctx, target.lst)
    _remember(ctx, campaign)
    action = _describe(ctx, campaign, "campaign_create")
    action.update(
        list_id=str(target.lst.id),
        list_name=target.lst.name,
        topic=args.topic,
        contact_count=lists_service.contact_count(ctx.session, ctx.workspace_id, target.lst.id),
        # Who wrote the emails: the built-in writer or the configured model (docs/models.md).
        written_by=campaigns_service.get_revision(
            ctx.session, ctx.workspace_id, campaign.id, campaign.revision
        ).written_by,
    )
    return action


# ------------------------------------------------------------------ writing ahead


def writes_with_model(intents: list[Intent]) -> bool:
    """Whether these intents may have the configured model write emails (a draft, a rewrite)."""
    return bool(getattr(get_writer(), "uses_model", False)) and any(
        i.kind in (IntentKind.campaign_create, IntentKind.email_rewrite) for i in intents
    )


def writing_ahead(ctx: TurnContext, intents: list[Intent]) -> list[Callable[[], Any]]:
    """The emails these intents will have written, as calls to make with no transaction open
    (inside ``drafting.written_ahead``), from what ``ctx`` (a read-only snapshot) reads now: the
    draft of a campaign for a list that exists, the rewrite of a campaign's current emails. The
    tools then find them there when their own transaction reads the same inputs."""
    calls: list[Callable[[], Any]] = []
    policy = campaigns_service.model_data(ctx.session, ctx.workspace_id)
    writer = get_writer()
    for intent in intents:
        try:
            call = _write_ahead(ctx, intent, writer, policy)
        except LexiError:
            continue  # the tool says so in its own transaction
        if call is not None:
            calls.append(call)
    return calls


def _write_ahead(
    ctx: TurnContext, intent: Intent, writer: Any, policy: str
) -> Callable[[], Any] | None:
    if not ctx.has(Scope.campaigns_write):
        return None
    if intent.kind == IntentKind.campaign_create:
        create = _create_args(intent, ctx)
        target = resolve_list(ctx, create.list_target or "context", create.list_name)
        if target.lst is None or not create.topic:
            return None
        audience = campaigns_service.audience_of(ctx.session, ctx.workspace_id, target.lst.id)
        topic, tone = create.topic, create.tone or "professional"
        return lambda: draft_sequence(writer, topic, audience, tone, data=policy)
    if intent.kind == IntentKind.email_rewrite:
        rewrite = _rewrite_args(intent, ctx)
        campaign = _campaign_id(ctx, rewrite)
        instruction = rewrite.instruction
        if campaign is None or instruction is None:
            return None
        base = campaigns_service.current_steps(ctx.session, campaign.id)
        step = _step_index(rewrite.step, len(base))
        if not base or (step is not None and step >= len(base)):
            return None
        topic = campaign.topic or ""
        return lambda: rewrite_sequence(
            writer, base, instruction, step=step, topic=topic, data=policy
        )
    return None


# ------------------------------------------------------------------ show


@tool(
    scope=Scope.campaigns_read,
    intents=[IntentKind.campaign_show],
    from_intent=lambda i, c: ShowArgs(step=i.params.get("step")),
)
def show_campaign(ctx: TurnContext, args: ShowArgs) -> Action:
    """The campaign's current emails (all steps, or one), with its revision and status."""
    check_scope(ctx, Scope.campaigns_read)
    campaign = _campaign_id(ctx, args)
    if campaign is None:
        return _no_campaign("campaign_show")
    _remember(ctx, campaign)
    action = _describe(ctx, campaign, "campaign_show")
    index = _step_index(args.step, len(action["steps"]))
    if index is not None and index < len(action["steps"]):
        action["shown_step"] = index
    return action


# ------------------------------------------------------------------ rewrite and undo


def _rewrite_args(intent: Intent, ctx: TurnContext) -> RewriteArgs:
    p = intent.params
    instruction = None
    if p.get("edit") == "subject" and p.get("subject"):
        instruction = f'change the subject line to "{p["subject"]}"'
    elif p.get("edit") in EDITS:
        instruction = EDITS[p["edit"]]
    elif p.get("tone") in REWRITE_TONES:
        instruction = REWRITE_TONES[p["tone"]]
    return RewriteArgs(instruction=instruction, tone=p.get("tone"), step=p.get("step"))


@tool(scope=Scope.campaigns_write, intents=[IntentKind.email_rewrite], from_intent=_rewrite_args)
def rewrite_emails(ctx: TurnContext, args: RewriteArgs) -> Action:
    """Rewrite the campaign's emails (all, or one step) as a new revision: more casual, more
    formal, shorter, add a question at the end, mention the free trial, or a new subject line.
    Earlier revisions are kept and can be restored."""
    check_scope(ctx, Scope.campaigns_write)
    campaign = _campaign_id(ctx, args)
    if campaign is None:
        return _no_campaign("email_rewrite")
    _remember(ctx, campaign)
    if args.instruction is None:
        return {
            "type": "email_rewrite",
            "status": "needs_input",
            "missing": ["rewrite"],
            "tone": args.tone,
            "campaign_id": str(campaign.id),
        }
    count = len(campaigns_service.steps_of(ctx.session, campaign.id))
    revision = campaigns_service.rewrite(
        ctx.session,
        ctx.workspace_id,
        campaign.id,
        args.instruction,
        step=_step_index(args.step, count),
    )
    action = _describe(ctx, campaign, "email_rewrite")
    action.update(
        change=revision.change, previous_revision=revision.parent, written_by=revision.written_by
    )
    index = _step_index(args.step, count)
    if index is None and not REWRITES_EVERY_STEP.get(revision.change.split(":")[0], False):
        index = 0  # a question, the free trial and a subject line go in the first email
    if index is not None:
        action["rewritten_step"] = index
    return action


@tool(
    scope=Scope.campaigns_write,
    intents=[IntentKind.campaign_undo],
    from_intent=lambda i, c: UndoArgs(
        revision=i.params["revision"] if isinstance(i.params.get("revision"), int) else None
    ),
)
def undo_rewrite(ctx: TurnContext, args: UndoArgs) -> Action:
    """Go back to the previous version of the campaign's emails, or to a numbered revision, as
    a new revision (history is kept)."""
    check_scope(ctx, Scope.campaigns_write)
    campaign = _campaign_id(ctx, args)
    if campaign is None:
        return _no_campaign("campaign_undo")
    _remember(ctx, campaign)
    if args.revision is None:
        revision = campaigns_service.undo(ctx.session, ctx.workspace_id, campaign.id)
    else:
        revision = campaigns_service.restore_revision(
            ctx.session, ctx.workspace_id, campaign.id, args.revision
        )
    action = _describe(ctx, campaign, "campaign_undo")
    action["restored_revision"] = revision.parent
    return action


# ------------------------------------------------------------------ launch, pause, stats


def _propose_start(ctx: TurnContext, args: CampaignRef) -> Action:
    """Launching always waits for approval: a ``campaign_start`` task naming the exact revision,
    the number of recipients and the schedule."""
    check_scope(ctx, Scope.campaigns_write)
    campaign = _campaign_id(ctx, args)
    if campaign is None:
        return _no_campaign("campaign_start")
    _remember(ctx, campaign)
    started = campaigns_service.start(
        ctx.session,
        ctx.workspace_id,
        campaign.id,
        actor=ctx.caller.actor,
        api_key_id=ctx.caller.key_id,
        scopes=sorted(ctx.caller.scopes),
        conversation_id=ctx.conversation_id,
    )
    task = started.task
    ctx.task_ids.append(task.id)
    ctx.state.pending_task_ids.append(str(task.id))
    meta = task.meta or {}
    return {
        "type": "campaign_start",
        "status": "pending_approval",
        "task_id": str(task.id),
        "campaign_id": str(campaign.id),
        "campaign_name": campaign.name,
        "revision": meta.get("revision"),
        "recipients": started.recipients,
        "skipped": started.skipped,
        "steps_count": len(meta.get("schedule", {}).get("steps", [])),
        "schedule": meta.get("schedule"),
        "schedule_text": campaigns_service.describe_schedule(meta["schedule"]),
        "description": task.description,
    }


@tool(
    scope=Scope.campaigns_write,
    intents=[IntentKind.campaign_start],
    requires_approval=True,
    from_intent=lambda i, c: CampaignRef(),
    propose=_propose_start,
)
def start_campaign(ctx: TurnContext, args: CampaignRef) -> Action:
    """Propose launching the campaign (a `campaign_start` approval task; nothing is sent before
    it is approved)."""
    return _propose_start(ctx, args)


@tool(
    scope=Scope.campaigns_write,
    intents=[IntentKind.campaign_pause],
    from_intent=lambda i, c: CampaignRef(),
)
def pause_campaign(ctx: TurnContext, args: CampaignRef) -> Action:
    """Pause the campaign: no new email is sent from now on (start it again to resume, with a
    new approval)."""
    check_scope(ctx, Scope.campaigns_write)
    campaign = _campaign_id(ctx, args)
    if campaign is None:
        return _no_campaign("campaign_pause")
    _remember(ctx, campaign)
    was, start_task = campaign.status, str(campaign.start_task_id)
    campaign = campaigns_service.pause(
        ctx.session, ctx.workspace_id, campaign.id, actor=ctx.caller.actor
    )
    if was == "pending_approval":
        # Pausing a launch that waits for approval cancels that task.
        ctx.state.pending_task_ids = [t for t in ctx.state.pending_task_ids if t != start_task]
    return {
        "type": "campaign_pause",
        "status": "completed",
        "campaign_id": str(campaign.id),
        "campaign_name": campaign.name,
        "campaign_status": campaign.status,
        "was": was,
    }


@tool(
    scope=Scope.campaigns_read,
    intents=[IntentKind.campaign_stats],
    from_intent=lambda i, c: CampaignRef(),
)
def campaign_stats(ctx: TurnContext, args: CampaignRef) -> Action:
    """How the campaign is doing: sent, opened, clicked, replied, bounced, unsubscribed, rates."""
    check_scope(ctx, Scope.campaigns_read)
    campaign = _campaign_id(ctx, args)
    if campaign is None:
        return _no_campaign("campaign_stats")
    _remember(ctx, campaign)
    return {
        "type": "campaign_stats",
        "status": "completed",
        "campaign_id": str(campaign.id),
        "campaign_name": campaign.name,
        "campaign_status": campaign.status,
        "stats": campaigns_service.stats(ctx.session, ctx.workspace_id, campaign.id),
    }
