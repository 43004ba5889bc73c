"""What understanding produces, and what it may read of the conversation.

``interpret(text, state) -> Interpretation`` is the whole interface between the language side
(rule interpreter, or an optional LLM interpreter) and the planner. It is pure data: no database,
no HTTP. Filters are always the typed filters model (``lexi.prospects.filters.ProspectFilters``),
complete, not a diff: a refinement ("filter to only New York") comes back as the previous filters
with the change applied, so the planner never merges anything. What a conversation keeps between
turns (``ConversationState``) is stored as JSON, so its filters are the contract's plain filters
object (``ProspectFilters.to_dict()``), read back with ``ProspectFilters.from_dict``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Protocol

from lexi.prospects.filters import ProspectFilters


class IntentKind(StrEnum):
    prospect_search = "prospect_search"  # new search or refinement of the last one
    list_add = "list_add"  # add the last results to a list (named, context or last used)
    list_create = "list_create"  # create a list, optionally filled with the last results
    list_remove = "list_remove"  # remove people (e.g. everyone at a company) from a list
    list_stats = "list_stats"  # "how many contacts are in Q1 Leads?"
    credits = "credits"  # "how many credits do I have?"
    capabilities = "capabilities"  # "what can you do?", greetings
    tasks = "tasks"  # "show my pending tasks"
    list_show = "list_show"  # "show my lists"
    list_contents = "list_contents"  # "what's in Q1 Leads?": the count and the first people
    list_rename = "list_rename"  # "rename Q1 Leads to Q2 Leads"
    list_delete = "list_delete"  # "delete the CA Law CEOs list": always an approval task
    list_export = "list_export"  # "export Q1 Leads to CSV": a download link
    list_merge = "list_merge"  # "merge Q1 Leads into Q2 Leads"
    task_approve = "task_approve"  # "approve it", "yes, go ahead": the conversation's pending task
    task_dismiss = "task_dismiss"  # "cancel that task"
    email_draft = "email_draft"  # "write a cold email to the CEO of Acme": drafting, not a search
    email_send = "email_send"  # "send them an email": sending, not a search
    unsupported = "unsupported"  # something Lexi cannot do: answered plainly, never a search
    campaign_create = "campaign_create"
    email_rewrite = "email_rewrite"
    campaign_start = "campaign_start"  # "start the campaign", "send it": always an approval task
    campaign_show = "campaign_show"  # "show me the email": the campaign's current emails
    campaign_undo = "campaign_undo"  # "undo that", "go back to the first version"
    campaign_pause = "campaign_pause"  # "pause the campaign"
    campaign_stats = "campaign_stats"  # "how is the campaign doing?"
    clarify = "clarify"  # unclear or missing information: ask, never guess or spend


# How many result sets a conversation keeps (the oldest go first).
KEEP_SETS = 10


RECENT_LISTS = 5  # the lists a conversation remembers using


@dataclass
class ConversationState:
    """What earlier turns left behind, plus the request's context ids."""

    last_filters: dict[str, Any] | None = None
    last_offset: int = 0  # how many people of the last search were already shown
    last_prospect_ids: list[str] = field(default_factory=list)
    last_list_id: str | None = None
    last_list_name: str | None = None
    last_campaign_id: str | None = None
    context_list_id: str | None = None
    context_list_name: str | None = None
    context_campaign_id: str | None = None
    known_list_names: list[str] = field(default_factory=list)  # the workspace's list names
    # The lists the conversation used (saved to, made, exported...), newest last, a few: "export
    # both" after saving to two lists is those two.
    recent_list_names: list[str] = field(default_factory=list)
    # Result sets, oldest first; the last one is the current set "them" and "these" refer to.
    # Each: {"id", "source": "search"|"task", "filters", "total", "offset", "count",
    # "prospect_ids" (inline searches), "task_id" (approved tasks), "turn"}.
    result_sets: list[dict[str, Any]] = field(default_factory=list)
    seen_task_ids: list[str] = field(default_factory=list)  # tasks whose results joined already
    pending_task_ids: list[str] = field(default_factory=list)  # this conversation's, newest last
    turn: int = 0  # how many turns the conversation has had
    # Near searches offered when the last search found nobody ("Nearby: 12 in Idaho"), the
    # first one proposed; each {"kind", "count", "filters", "change", "words"}. Only the next
    # turn may accept one ("yes", "show the Idaho ones"): ``nearby_turn`` is the offering turn.
    nearby: list[dict[str, Any]] = field(default_factory=list)
    nearby_turn: int = -1
    # What a request without roles asked for ("Series A fintech startups in NYC"), kept while
    # Lexi asks which roles: the answer ("founders") searches with it. ``asked_turn`` is the
    # turn that asked; only the next one uses it.
    asked_filters: dict[str, Any] | None = None
    asked_turn: int = -1
    # The request a question about which list waits on ("add them to the list": "Which list?"),
    # as {"kind", "selector"}: the answer ("Q1 Leads") completes it. Asked at ``asked_turn``.
    asked_list: dict[str, Any] | None = None

    def used_list(self, name: str) -> None:
        """Note a list the conversation used (see ``recent_list_names``)."""
        recent = [n for n in self.recent_list_names if n != name]
        self.recent_list_names = [*recent, name][-RECENT_LISTS:]

    def has_results(self) -> bool:
        """Whether an earlier turn left people to refer to ("add them", "the first 5")."""
        return bool(self.result_sets or self.last_prospect_ids or self.last_filters)


@dataclass
class Intent:
    kind: IntentKind
    # prospect_search: the complete filters, and where to start in the results. A clarify that
    # asks for roles carries what the request said so far.
    filters: ProspectFilters | None = None
    offset: int = 0
    refinement: bool = False  # built from the previous search
    # list intents: which list. target is "named" (list_name), "context", "last" or "new".
    list_name: str | None = None
    list_target: str | None = None
    # list_remove: who goes, e.g. {"company": "Acme"}; list_add/list_create: "last_results".
    selector: dict[str, Any] = field(default_factory=dict)
    # campaign intents and anything else a tool needs (topic, tone, ...).
    params: dict[str, Any] = field(default_factory=dict)
    # Criteria the request named that Lexi cannot filter on ("funding_stage", "intent_data"):
    # left out of the filters and named in the reply (see ``understanding.unsupported``).
    unsupported: list[str] = field(default_factory=list)
    # Words of the request that were not understood and not used, as written ("Seoul"): named
    # in the reply so nothing is dropped silently.
    not_understood: list[str] = field(default_factory=list)
    # clarify: what is missing ("roles", "list", ...) and the code of the question to ask
    # (``phrases.QUESTIONS``: the missing thing, or a more specific variant such as
    # "which_list"); only the writer turns it into words.
    missing: list[str] = field(default_factory=list)
    question: str | None = None

    def __post_init__(self) -> None:
        # An interpreter of one's own (or a test) may give the contract's plain filters object:
        # it is read into the model here, checked like any other.
        if self.filters is not None and not isinstance(self.filters, ProspectFilters):
            self.filters = ProspectFilters.from_dict(self.filters)


@dataclass
class Interpretation:
    intents: list[Intent]
    text: str = ""

    @property
    def first(self) -> Intent | None:
        return self.intents[0] if self.intents else None


class Interpreter(Protocol):
    """The rule interpreter implements this; an optional LLM interpreter may too."""

    def interpret(self, text: str, state: ConversationState) -> Interpretation: ...
