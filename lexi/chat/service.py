"""One chat turn: resolve the request's context, quote, let the assistant act, persist, charge.

Everything the turn changes happens in the request's unit of work: a 402 (the quote exceeds the
balance) or any other error leaves no trace, and the message credit and tool charges commit with
the reply. They are taken together in one conditional statement as the turn's last write, so the
workspace's credit row is locked only from there to the commit. What may wait on a language model
(understanding the message, writing a draft or rewrite it asks for) happens before that unit of
work begins, from read-only snapshots, and is used only if the transaction finds the same inputs.
"""

from __future__ import annotations

import copy
import dataclasses
import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from lexi.assistant import phrases, writer
from lexi.assistant.assistant import Assistant, TurnResult
from lexi.assistant.context import TurnContext
from lexi.assistant.model import config as model_config
from lexi.assistant.model import prompt as model_prompt
from lexi.assistant.model.config import ModelGrant
from lexi.assistant.policy import SETTINGS_KEY, ApprovalPolicy
from lexi.assistant.tools import campaigns as campaign_tools
from lexi.assistant.tools import results
from lexi.assistant.understanding.types import ConversationState, Interpretation
from lexi.auth.service import Caller
from lexi.campaigns import drafting
from lexi.config import Settings, get_settings
from lexi.conversations import service as conversations
from lexi.credits import service as credits_service
from lexi.db.session import read_apart
from lexi.errors import NotFound, ValidationFailed
from lexi.lists import service as lists_service
from lexi.models import Conversation, Message, Workspace
from lexi.prospects import service as prospects_service
from lexi.tasks import service as tasks_service
from lexi.workspaces import service as workspaces_service

log = logging.getLogger("lexi.chat")

# A campaigns feature replaces this with a lookup that returns the campaign's id (or raises 404).
CampaignResolver = Callable[[Session, uuid.UUID, uuid.UUID], Any]


def _no_campaigns(session: Session, workspace_id: uuid.UUID, campaign_id: uuid.UUID) -> Any:
    raise NotFound("Campaign not found.", code="campaign_not_found")


campaign_resolver: CampaignResolver = _no_campaigns
# How many times a turn understands a message with no transaction open before, the conversation
# having changed under it each time, the rules understand it inside the transaction.
UNDERSTAND_ATTEMPTS = 3
_default_assistant: Assistant | None = None


def build_assistant(settings: Settings) -> Assistant:
    """The configured interpreter (``LEXI_INTERPRETER``, the rules by default) or, with
    ``LEXI_MODEL`` set, a model interpreter falling back to the rules.

    The model library is imported here and only when a model is configured.
    """
    if not settings.model:
        from lexi.assistant.understanding.interpreters import configured_interpreter

        return Assistant(
            configured_interpreter(settings.interpreter, fallback=settings.interpreter_fallback)
        )
    from lexi.assistant.model.config import build_model
    from lexi.assistant.model.interpreter import ModelInterpreter

    return Assistant(
        interpreter=ModelInterpreter(
            build_model(settings),
            name=settings.model,
            timeout_seconds=settings.model_timeout_seconds,
        )
    )


def default_assistant() -> Assistant:
    global _default_assistant
    if _default_assistant is None:
        _default_assistant = build_assistant(get_settings())
    return _default_assistant


def _model_grant(session: Session, workspace: Workspace, state: ConversationState) -> ModelGrant:
    """What this turn may send to a model: the workspace's policy, and the people last shown
    only when the policy includes contact fields."""
    policy = model_config.data_policy(workspace.settings)
    people: list[dict[str, Any]] = []
    if policy == model_config.DATA_WITH_CONTACTS and state.last_prospect_ids:
        ids = [uuid.UUID(i) for i in state.last_prospect_ids[: model_prompt.MAX_PEOPLE]]
        people = [
            model_config.person_fields(p) for p in prospects_service.get_prospects(session, ids)
        ]
    return ModelGrant(data=policy, people=people)


@dataclass
class ChatTurn:
    conversation: Conversation
    message: Message
    result: TurnResult
    interpretation: Interpretation
    credits_used: int
    credits_remaining: int


def _conversation_id(top: uuid.UUID | None, in_context: uuid.UUID | None) -> uuid.UUID | None:
    if top and in_context and top != in_context:
        raise ValidationFailed.field(
            "conversation_id", "Differs from context.conversation_id; send one of them"
        )
    return top or in_context


def _state(
    session: Session,
    caller: Caller,
    conv: Conversation | None,
    list_id: uuid.UUID | None,
    campaign_id: uuid.UUID | None,
) -> ConversationState:
    state = conversations.load_state(conv) if conv is not None else ConversationState()
    if list_id is not None:
        lst = lists_service.get_list(session, caller.workspace_id, list_id)
        state.context_list_id, state.context_list_name = str(lst.id), lst.name
    if campaign_id is not None:
        campaign_resolver(session, caller.workspace_id, campaign_id)
        state.context_campaign_id = str(campaign_id)
    state.known_list_names = lists_service.list_names(session, caller.workspace_id)
    return state


def _prepare(
    session: Session,
    caller: Caller,
    assistant: Assistant,
    conv: Conversation | None,
    list_id: uuid.UUID | None,
    campaign_id: uuid.UUID | None,
) -> TurnContext:
    """The turn's context as the database has it now: the conversation's state (with its context
    list and campaign, the workspace's list names, finished and pending tasks) and the policy."""
    state = _state(session, caller, conv, list_id, campaign_id)
    workspace = workspaces_service.get(session, caller.workspace_id)
    ctx = TurnContext(
        session=session,
        caller=caller,
        state=state,
        policy=ApprovalPolicy.from_settings(workspace.settings),
        conversation_id=conv.id if conv else None,
    )
    state.turn += 1
    if conv is not None:
        # Approved searches of this conversation that finished since the last turn join it.
        results.join_task_results(ctx)
        state.pending_task_ids = [
            str(t.id)
            for t in tasks_service.pending_for_conversation(session, caller.workspace_id, conv.id)
        ]
    if assistant.uses_model:
        ctx.extras["model_grant"] = _model_grant(session, workspace, state)
    return ctx


@dataclass
class _Understood:
    """An interpretation made with no transaction open, what it was made from, and the emails
    the model wrote ahead for it (see ``drafting.written_ahead``)."""

    seen: tuple[dict[str, Any], ModelGrant | None]
    interpretation: Interpretation
    written: dict[str, Any]


def _seen(ctx: TurnContext) -> tuple[dict[str, Any], ModelGrant | None]:
    return dataclasses.asdict(ctx.state), ctx.extras.get("model_grant")


def _understand_apart(
    session: Session,
    caller: Caller,
    assistant: Assistant,
    message: str,
    conv_id: uuid.UUID | None,
    list_id: uuid.UUID | None,
    campaign_id: uuid.UUID | None,
    given: Interpretation | None,
) -> _Understood:
    """Read what understanding needs in a short read-only snapshot, then understand (a model
    call, perhaps seconds long) with no transaction open: no write lock (SQLite), row lock or
    pooled connection is held meanwhile. Unknown ids are 404 here already. Drafts and rewrites
    the message asks for are then written by the model the same way, from a second snapshot."""
    with read_apart(session) as reader:
        conv = conversations.get(reader, caller.workspace_id, conv_id) if conv_id else None
        ctx = _prepare(reader, caller, assistant, conv, list_id, campaign_id)
        seen = copy.deepcopy(_seen(ctx))
    interpretation = given if given is not None else assistant.understand(ctx, message)
    written: dict[str, Any] = {}
    if campaign_tools.writes_with_model(interpretation.intents):
        with read_apart(session) as reader:
            ctx.session = reader
            calls = campaign_tools.writing_ahead(ctx, interpretation.intents)
        with drafting.written_ahead(written):
            for call in calls:
                try:
                    call()
                # Written again inside the transaction, where a failure is the tool's reply.
                except Exception:
                    log.warning("writing ahead failed", exc_info=True)
    return _Understood(seen, interpretation, written)


def _writer_uses_model() -> bool:
    return bool(getattr(drafting.get_writer(), "uses_model", False))


def run_turn(
    session: Session,
    caller: Caller,
    message: str,
    *,
    list_id: uuid.UUID | None = None,
    campaign_id: uuid.UUID | None = None,
    conversation_id: uuid.UUID | None = None,
    context_conversation_id: uuid.UUID | None = None,
    allow_tools: bool = True,
    assistant: Assistant | None = None,
    interpretation: Interpretation | None = None,
) -> ChatTurn:
    """Run one turn. Unknown context ids are 404 of their kind; an unaffordable quote is 402.

    ``interpretation`` replaces understanding ``message`` (the web app's edited filter chips send
    the search itself); everything after it (plan, quote, tools, approval, charging) is the same.

    When understanding may wait on a model (or a plug-in interpreter) and ``session`` has not
    begun its transaction, the message is understood first, from a read-only snapshot and with
    no transaction open; the turn's own transaction then reads everything again and uses that
    interpretation only if what it was made from is unchanged (another turn of the conversation,
    a finished task or a new list may have changed it meanwhile: then it is understood again,
    and after ``UNDERSTAND_ATTEMPTS`` such changes by the rules inside the transaction).
    Drafts and rewrites the message asks for are written by a model writer the same way, before
    the transaction, and used by the tools only for the very inputs they were written from.
    Everything that spends or records (the quote, the tools, the messages, the charge) happens
    only in that transaction, so exactly-once and the credit checks are those of a single turn.
    """
    assistant = assistant or default_assistant()
    conv_id = _conversation_id(conversation_id, context_conversation_id)
    given = interpretation
    apart = (given is None and assistant.understands_apart) or _writer_uses_model()
    understood: _Understood | None = None
    written: dict[str, Any] = {}
    changed = False
    for attempt in range(1, UNDERSTAND_ATTEMPTS + 1):
        if apart and not session.in_transaction():
            understood = _understand_apart(
                session, caller, assistant, message, conv_id, list_id, campaign_id, given
            )
            # Kept under every input they were written from: used only if those are unchanged.
            written.update(understood.written)
        conv = (
            conversations.get_for_turn(session, caller.workspace_id, conv_id) if conv_id else None
        )
        ctx = _prepare(session, caller, assistant, conv, list_id, campaign_id)
        changed = given is None and understood is not None and understood.seen != _seen(ctx)
        if not changed:
            break
        understood = None
        if attempt < UNDERSTAND_ATTEMPTS:
            session.rollback()  # nothing written yet: let go of the locks and understand again
    if interpretation is None:
        if understood is not None:
            interpretation = understood.interpretation
        elif changed:
            interpretation = assistant.understand_by_rules(ctx, message)
        else:
            interpretation = assistant.understand(ctx, message)
    report = getattr(interpretation, "report", None)
    the_plan = assistant.plan(ctx, interpretation, allow_tools=allow_tools)
    credits_service.ensure_affordable(session, caller.workspace_id, the_plan.cost)

    if conv is None:
        conv = conversations.start(session, caller.workspace_id, message)
        ctx.conversation_id = conv.id
    conversations.append(session, conv, "user", message)
    if the_plan.message_cost:
        ctx.charges.append((the_plan.message_cost, "chat message"))
    with drafting.written_ahead(written):
        result = assistant.act(ctx, the_plan, allow_tools=allow_tools)
    result.thinking = writer.thinking(interpretation)
    calls = []
    for record in result.steps:
        if record.call is None:
            continue
        calls.append(record.call)
        conversations.append(
            session,
            conv,
            "tool",
            phrases.step_summary(record.tool or ""),
            tool_calls=[record.call],
            tool_name=record.tool,
            tool_output=record.action,
        )
    if report is not None:
        # Which interpreter answered and the tokens it used: shown in actions, kept with the turn.
        usage = report.action()
        result.actions.append(usage)
        conversations.append(
            session,
            conv,
            "tool",
            phrases.step_summary("understanding"),
            tool_name="understanding",
            tool_output=usage,
        )
    reply = conversations.append(session, conv, "assistant", result.reply, tool_calls=calls or None)
    conversations.save_state(session, conv, ctx.state)
    # The message and what the tools spent, in one conditional statement as the turn's last
    # write: the credit row is locked (PostgreSQL) only until the commit that follows, and a
    # balance drained meanwhile by another request makes the whole turn a 402 with no trace.
    remaining = credits_service.charge_many(
        session, caller.workspace_id, ctx.charges, reference=str(conv.id), actor=caller.actor
    )
    return ChatTurn(
        conversation=conv,
        message=reply,
        result=result,
        interpretation=interpretation,
        credits_used=the_plan.message_cost + ctx.credits_used,
        credits_remaining=(
            remaining
            if remaining is not None
            else credits_service.balance(session, caller.workspace_id)
        ),
    )


def get_policy(session: Session, workspace_id: uuid.UUID) -> ApprovalPolicy:
    """The workspace's approval policy (defaults when never set)."""
    return ApprovalPolicy.from_settings(workspaces_service.get(session, workspace_id).settings)


def update_policy(
    session: Session, workspace_id: uuid.UUID, changes: dict[str, Any]
) -> ApprovalPolicy:
    """Change the approval policy; invalid values are ``400 validation_error``."""
    workspace = workspaces_service.get(session, workspace_id)
    policy = ApprovalPolicy.from_settings(workspace.settings).updated(changes)
    workspaces_service.update_settings(session, workspace, {SETTINGS_KEY: policy.to_dict()})
    return policy


def get_model_settings(session: Session, workspace_id: uuid.UUID) -> dict[str, Any]:
    """The configured model (or None) and what this workspace lets Lexi send to it."""
    workspace = workspaces_service.get(session, workspace_id)
    settings = get_settings()
    return {
        "model": settings.model,
        "data": model_config.data_policy(workspace.settings),
        "timeout_seconds": settings.model_timeout_seconds,
    }


def update_model_data(session: Session, workspace_id: uuid.UUID, data: Any) -> dict[str, Any]:
    """Set what may be sent to a model: none | message | message_and_contacts."""
    policy = model_config.check_policy(data)
    workspace = workspaces_service.get(session, workspace_id)
    workspaces_service.update_settings(
        session, workspace, {model_config.SETTINGS_KEY: {"data": policy}}
    )
    return get_model_settings(session, workspace_id)
