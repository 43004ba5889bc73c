"""What a model may answer: typed intents, with the filters derived from the prospect filter model.

The model calls one tool whose arguments are ``Understanding``; pydantic-ai turns this schema into
the tool's JSON schema and validates the arguments. ``to_interpretation`` then checks the answer
against the same rules as any client input (``ProspectFilters.parse``) and against the user's own
words (a list or company the user never named is not acted on), and builds the ``Interpretation``
the rule interpreter would. Anything that does not pass raises ``NotUnderstood``.
"""

from __future__ import annotations

from dataclasses import fields
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, create_model

from lexi.assistant.understanding.questions import clarify
from lexi.assistant.understanding.types import (
    ConversationState,
    Intent,
    IntentKind,
    Interpretation,
)
from lexi.errors import ValidationFailed
from lexi.prospects.filters import APPROVED_MAX_LIMIT, DEFAULT_LIMIT, FILTERS, ProspectFilters

MAX_INTENTS = 12
# Whether intents carry the criteria a search could not express (named in the reply).
_HAS_UNSUPPORTED = "unsupported" in {f.name for f in fields(Intent)}


def _filters_model() -> type[BaseModel]:
    """A validator-free twin of ``ProspectFilters`` (same fields and types) with descriptions."""
    fields: dict[str, Any] = {}
    for name, info in ProspectFilters.model_fields.items():
        default: Any = None if info.default_factory is not None else info.default
        annotation = info.annotation if default is not None else info.annotation | None  # type: ignore[operator]
        fields[name] = (
            annotation,
            Field(default, description=FILTERS[name].description),
        )
    return create_model("Filters", __config__=ConfigDict(extra="forbid"), **fields)


if TYPE_CHECKING:
    Filters = BaseModel  # built at import time; a model class to the type checker
else:
    Filters = _filters_model()


class _Intent(BaseModel):
    model_config = ConfigDict(extra="forbid")


class SearchProspects(_Intent):
    """Find people: a new search, a change to the previous search, or more of its results."""

    kind: Literal["prospect_search"]
    filters: Filters = Field(
        description="The complete filters. For a change to the previous search, start from "
        "previous_search_filters and apply the change."
    )
    refines_previous: bool = Field(False, description="True when changing the previous search.")
    next_page: bool = Field(
        False, description='"show me more": the next people of the previous search.'
    )
    unsupported: list[Annotated[str, Field(pattern=r"^[a-z_]{1,40}$")]] = Field(
        default_factory=list,
        max_length=10,
        description="Criteria the user named that the filters cannot express (e.g. "
        "intent_data, company_list): named in the reply, never guessed into keywords.",
    )


class ListIntent(_Intent):
    """Save the last results to a list, create a list, remove people, or count a list."""

    kind: Literal["list_add", "list_create", "list_remove", "list_stats"]
    list_name: str | None = Field(
        None, max_length=200, description="The list's name exactly as the user wrote it."
    )
    which_list: Literal["named", "context", "last"] | None = Field(
        None,
        description="named: list_name; context: the list the chat was opened from; last: the "
        "list used last in this conversation.",
    )
    company: str | None = Field(
        None, max_length=200, description="list_remove: remove everyone at this company."
    )
    person: str | None = Field(
        None, max_length=200, description="list_remove: remove this person (a full name)."
    )
    with_results: bool = Field(
        False,
        description="list_add/list_create: the people just found; list_remove: remove them.",
    )


class CampaignIntent(_Intent):
    """Create an email campaign for a list, or rewrite its emails (never start sending it)."""

    kind: Literal["campaign_create", "email_rewrite"]
    list_name: str | None = Field(None, max_length=200)
    which_list: Literal["named", "context", "last"] | None = None
    topic: str | None = Field(None, max_length=500, description="What the campaign is about.")
    tone: str | None = Field(None, max_length=50, description="e.g. shorter, warm, formal.")
    step: str | None = Field(None, max_length=20, description="Which email: first, second, last.")
    subject_only: bool = Field(False, description="email_rewrite: only the subject line.")


class AccountIntent(_Intent):
    """A question about the account: credits, pending tasks, or what Lexi can do (greetings)."""

    kind: Literal["credits", "tasks", "capabilities"]
    task_status: (
        Literal["pending", "approved", "running", "completed", "failed", "dismissed"] | None
    ) = None


class Clarify(_Intent):
    """Ask the user instead of guessing: what is missing (language: the request is in a language
    Lexi cannot read, so it asks for it in English)."""

    kind: Literal["clarify"]
    missing: Literal[
        "roles", "search", "list", "list_name", "who", "prospects", "request", "language"
    ]
    filters: Filters | None = Field(
        None,
        description="missing roles: what the request asked for so far (industries, places, "
        "size...), kept so the answer ('founders') completes the search.",
    )
    waiting: Literal["list_add", "list_create", "list_stats", "list_remove"] | None = Field(
        None,
        description="missing list or list_name: the request that waits for the list (or the "
        "new list's name).",
    )


AnyIntent = Annotated[
    SearchProspects | ListIntent | CampaignIntent | AccountIntent | Clarify,
    Field(discriminator="kind"),
]


class Understanding(BaseModel):
    """Every request in the user's message, in the order written."""

    model_config = ConfigDict(extra="forbid")
    intents: list[AnyIntent] = Field(min_length=1, max_length=MAX_INTENTS)


# The intents a model may propose. Approving, sending, starting campaigns and list housekeeping
# are not among them: messages the rules read that way are answered by the rules alone.
MODEL_KINDS = frozenset(
    {
        IntentKind.prospect_search,
        IntentKind.list_add,
        IntentKind.list_create,
        IntentKind.list_remove,
        IntentKind.list_stats,
        IntentKind.credits,
        IntentKind.tasks,
        IntentKind.capabilities,
        IntentKind.campaign_create,
        IntentKind.email_rewrite,
        IntentKind.clarify,
    }
)


class NotUnderstood(Exception):
    """The model's answer is not something Lexi may act on (the rules answer instead)."""


def _said(text: str, words: str) -> bool:
    return " ".join(words.casefold().split()) in " ".join(text.casefold().split())


def _clarify(missing: str) -> Intent:
    return clarify(missing)


def _asking(item: Clarify) -> Intent:
    """A question, with what its answer completes: the search so far (roles), or the request
    waiting for a list."""
    intent = _clarify(item.missing)
    if item.missing == "roles" and item.filters is not None:
        raw = {k: v for k, v in item.filters.model_dump().items() if v not in (None, [], {})}
        try:
            parsed = ProspectFilters.parse(raw, max_limit=APPROVED_MAX_LIMIT)
        except ValidationFailed as exc:
            raise NotUnderstood(f"filters: {exc.message}") from None
        intent.filters = parsed
    elif item.missing in ("list", "list_name") and item.waiting:
        asked: dict[str, Any] = {"kind": item.waiting}
        if item.waiting in ("list_add", "list_create"):
            asked["selector"] = {"prospects": "last_results"}
        intent.params["asked"] = asked
    return intent


def _search(intent: SearchProspects, state: ConversationState, running: dict[str, Any]) -> Intent:
    raw = {k: v for k, v in intent.filters.model_dump().items() if v not in (None, [], {})}
    if intent.next_page:
        base = running.get("filters")
        if base is None:
            return _clarify("search")
        limit = int(raw.get("limit") or base.get("limit") or DEFAULT_LIMIT)
        try:
            more = ProspectFilters.from_dict({**base, "limit": limit})
        except ValidationFailed as exc:
            raise NotUnderstood(f"filters: {exc.message}") from None
        return Intent(
            kind=IntentKind.prospect_search,
            filters=more,
            offset=int(running.get("offset", 0)),
            refinement=True,
        )
    try:
        parsed = ProspectFilters.parse(raw, max_limit=APPROVED_MAX_LIMIT)
    except ValidationFailed as exc:
        raise NotUnderstood(f"filters: {exc.message}") from None
    if intent.refines_previous and running.get("filters") is None:
        return _clarify("search")
    found = Intent(
        kind=IntentKind.prospect_search, filters=parsed, refinement=intent.refines_previous
    )
    if intent.unsupported and _HAS_UNSUPPORTED:
        found.unsupported = list(dict.fromkeys(intent.unsupported))
    return found


def _target(
    name: str | None, which: str | None, text: str, state: ConversationState
) -> tuple[str | None, str | None]:
    """(list_target, list_name) as the rules resolve them; a named list must be in the text."""
    if name:
        if not _said(text, name):
            # A list the user never named (it came from data, not from the user): not acted on.
            raise NotUnderstood("list name not in the message")
        if state.context_list_name and name.casefold() == state.context_list_name.casefold():
            return "context", state.context_list_name
        if state.last_list_name and name.casefold() == state.last_list_name.casefold():
            return "named", state.last_list_name
        return "named", name
    if which == "context":
        return "context", state.context_list_name
    if which == "last":
        return "last", state.last_list_name
    return None, None


def _list(intent: ListIntent, text: str, state: ConversationState) -> Intent:
    name = (intent.list_name or "").strip() or None
    kind = IntentKind(intent.kind)
    results = {"prospects": "last_results"}
    if kind is IntentKind.list_create:
        if name is None:
            return _clarify("list_name")
        if not _said(text, name):
            raise NotUnderstood("list name not in the message")
        return Intent(
            kind=kind,
            list_name=name,
            list_target="new",
            selector=results if intent.with_results else {},
        )
    target, resolved = _target(name, intent.which_list, text, state)
    selector: dict[str, Any] = {}
    if kind is IntentKind.list_add:
        selector = results
    elif kind is IntentKind.list_remove:
        for key in ("company", "person"):
            value = (getattr(intent, key) or "").strip()
            if value:
                if not _said(text, value):
                    raise NotUnderstood(f"{key} not in the message")
                selector = {key: value}
                break
        else:
            selector = results if intent.with_results else {}
    return Intent(kind=kind, list_name=resolved, list_target=target, selector=selector)


def _campaign(intent: CampaignIntent, text: str, state: ConversationState) -> Intent:
    kind = IntentKind(intent.kind)
    params: dict[str, Any] = {}
    which = (
        {"campaign": "context"}
        if state.context_campaign_id
        else ({"campaign": "last"} if state.last_campaign_id else {})
    )
    if kind is IntentKind.campaign_create:
        name = (intent.list_name or "").strip() or None
        target, resolved = _target(name, intent.which_list, text, state)
        if intent.topic:
            params["topic"] = intent.topic.strip()
        if target:
            params["list"] = resolved
        if intent.tone:
            params["tone"] = intent.tone
        return Intent(kind=kind, list_name=resolved, list_target=target, params=params)
    if intent.tone:
        params["tone"] = intent.tone
    if intent.step:
        params["step"] = intent.step.lower()
    if intent.subject_only:
        params["part"] = "subject"
    return Intent(kind=kind, params={**params, **which})


def to_interpretation(answer: Understanding, text: str, state: ConversationState) -> Interpretation:
    """The model's answer as the rule interpreter's ``Interpretation``, or ``NotUnderstood``."""
    intents: list[Intent] = []
    running: dict[str, Any] = {"filters": state.last_filters, "offset": state.last_offset}
    for item in answer.intents:
        if isinstance(item, SearchProspects):
            intent = _search(item, state, running)
            if intent.kind is IntentKind.prospect_search and intent.filters is not None:
                running = {
                    "filters": intent.filters.to_dict(),
                    "offset": intent.offset + intent.filters.limit,
                }
        elif isinstance(item, ListIntent):
            intent = _list(item, text, state)
        elif isinstance(item, CampaignIntent):
            intent = _campaign(item, text, state)
        elif isinstance(item, AccountIntent):
            params = {"status": item.task_status} if item.task_status else {}
            intent = Intent(kind=IntentKind(item.kind), params=params)
        else:
            intent = _asking(item)
        intents.append(intent)
    return Interpretation(intents, text=text)
