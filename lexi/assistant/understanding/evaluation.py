"""Scoring understanding against a labelled set (used by the unit tests and the benchmark).

A labelled line is ``{"text", "state"?: {...}, "intents": [{"kind", "filters"?, ...}]}``. An
interpretation matches a line when it has the same intent kinds in the same order and every
field the label gives (filters, offset, refinement, list_name, list_target, selector, missing,
and the listed params) is equal. A conversation is ``{"id", "state"?: {...}, "turns": [{"text",
"context"?: {...}, "intents": [...]}]}``; between turns the state moves the way the planner moves
it (see ``advance``).
"""

from __future__ import annotations

import copy
import json
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, fields
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from lexi.errors import ValidationFailed
from lexi.kit import clock
from lexi.prospects.filters import FILTERS, ProspectFilters

from .types import KEEP_SETS, ConversationState, Intent, IntentKind, Interpretation

COMPARED = (
    "filters",
    "offset",
    "refinement",
    "list_name",
    "list_target",
    "selector",
    "missing",
    "unsupported",
)


# The day the labels were written on: relative dates ("raised in the last 6 months", "last
# year") are labelled as dates counted from it, so the sets are read on that day.
LABELS_TODAY = datetime(2026, 12, 2, 12, 0, tzinfo=UTC)


@contextmanager
def labels_day() -> Iterator[None]:
    before = clock._frozen
    clock.set_now(LABELS_TODAY)
    try:
        yield
    finally:
        clock.set_now(before)


def load_jsonl(path: str | Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def state_from(data: dict[str, Any] | None) -> ConversationState:
    """A new state from a labelled line's ``state`` (a copy: turns change their state, and a
    file scored twice must start from the same one)."""
    names = {f.name for f in fields(ConversationState)}
    return ConversationState(**{k: copy.deepcopy(v) for k, v in (data or {}).items() if k in names})


def _title_key(title: str) -> tuple[tuple[str, ...], ...]:
    from lexi.prospects.titles import query_variants

    return tuple(sorted(set(query_variants(title)))) or ((title.lower(),),)


def _place(value: str) -> str:
    from lexi.geo import UnknownPlace, parse_location

    try:
        return parse_location(value).filter_string()
    except (UnknownPlace, ValueError, KeyError):
        return value


def comparable(filters: Any) -> Any:
    """Filters as search sees them, so two labels of the same search compare equal: titles that
    search matches identically ("Sales Manager", "Manager of Sales") in any order, also the
    titles of ``hiring_for``; places in their canonical form ("Frankfurt, DE" is "Frankfurt am
    Main, DE") in any order; a place both included and excluded ("Europe except the UK") counted
    once, as excluded."""
    filters = _plain(filters)
    if not isinstance(filters, dict):
        return filters
    # A range's or window's unset bound is the same search written or left out
    # ({"after": "2026-03-01"} is {"after": "2026-03-01", "before": null}).
    out = {k: _set_parts(v) for k, v in filters.items()}
    for key, value in out.items():
        if key in _ANY_ORDER and isinstance(value, list):
            out[key] = sorted(value, key=str)  # search ORs them: the order is no part of it
    growth = out.get("headcount_growth_pct")
    if isinstance(growth, dict):
        out["headcount_growth_pct"] = {"months": 12, **growth}  # the window search assumes
    if filters.get("titles"):
        out["titles"] = sorted(set(map(_title_key, filters["titles"])))
    hiring = filters.get("hiring_for")
    if isinstance(hiring, dict) and hiring.get("titles"):
        out["hiring_for"] = {
            **out["hiring_for"],
            "titles": sorted(set(map(_title_key, hiring["titles"]))),
        }
    for key in ("locations", "exclude_locations", "company_locations", "exclude_company_locations"):
        if filters.get(key):
            out[key] = sorted({_place(v) for v in filters[key]})
    if out.get("locations") and out.get("exclude_locations"):
        out["locations"] = [v for v in out["locations"] if v not in out["exclude_locations"]]
    return out


# Filters whose values are alternatives or a set: ["owner", "founder"] is ["founder", "owner"].
_ANY_ORDER = frozenset(
    {
        "seniorities",
        "departments",
        "companies",
        "industries",
        "exclude_industries",
        "keywords",
        "technologies",
        "email_status",
        "funding_stages",
        "exclude_list_ids",
    }
)


def _set_parts(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: v for k, v in value.items() if v is not None}
    return value


def _plain(value: Any) -> Any:
    """Typed filters as the labels write them (the contract's filters object)."""
    return value.to_dict() if isinstance(value, ProspectFilters) else value


def _same(key: str, have: Any, want: Any) -> bool:
    if key == "filters":
        return comparable(have) == comparable(want)
    return bool(have == want)


def mismatches(expected: list[dict[str, Any]], got: Interpretation) -> list[str]:
    """What differs between a label and an interpretation; empty when they match."""
    out = []
    kinds = [i.kind.value for i in got.intents]
    want = [e["kind"] for e in expected]
    if kinds != want:
        return [f"kinds {kinds} != {want}"]
    for exp, intent in zip(expected, got.intents, strict=True):
        for key in COMPARED:
            if key in exp and not _same(key, getattr(intent, key), exp[key]):
                have = _plain(getattr(intent, key))
                out.append(f"{exp['kind']}.{key}: {have!r} != {exp[key]!r}")
        for key, value in exp.get("params", {}).items():
            if intent.params.get(key) != value:
                out.append(f"{exp['kind']}.params.{key}: {intent.params.get(key)!r} != {value!r}")
    return out


def _values(filters: dict[str, Any] | None, key: str) -> set[str]:
    if not filters or key not in filters:
        return set()
    value = filters[key]
    if key == "titles":
        return {json.dumps(_title_key(v)) for v in value}
    if isinstance(value, list):
        return {str(v) for v in value}
    return {json.dumps(value, sort_keys=True)}


@dataclass
class Score:
    lines: int = 0
    intents_right: int = 0
    lines_right: int = 0
    filters_total: int = 0
    filters_exact: int = 0
    tp: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    fp: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    fn: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    failures: list[tuple[str, list[str]]] = field(default_factory=list)

    def add(
        self,
        text: str,
        expected: list[dict[str, Any]],
        got: Interpretation,
        error: str | None = None,
    ) -> None:
        self.lines += 1
        kinds_ok = [i.kind.value for i in got.intents] == [e["kind"] for e in expected]
        self.intents_right += kinds_ok
        problems = mismatches(expected, got)
        if error:
            problems.append(f"error: {error}")
        self.lines_right += not problems
        if problems:
            self.failures.append((text, problems))
        for idx, exp in enumerate(expected):
            if "filters" not in exp or exp["kind"] != IntentKind.prospect_search.value:
                continue
            intent: Intent | None = got.intents[idx] if kinds_ok else None
            predicted = _plain(intent.filters) if intent else None
            self.filters_total += 1
            self.filters_exact += comparable(predicted) == comparable(exp["filters"])
            for key in FILTERS:  # every filter on its own (registered ones too)
                want, have = _values(exp["filters"], key), _values(predicted, key)
                self.tp[key] += len(want & have)
                self.fp[key] += len(have - want)
                self.fn[key] += len(want - have)

    @property
    def intent_accuracy(self) -> float:
        return self.intents_right / self.lines if self.lines else 0.0

    @property
    def line_accuracy(self) -> float:
        return self.lines_right / self.lines if self.lines else 0.0

    @property
    def filters_exact_rate(self) -> float:
        return self.filters_exact / self.filters_total if self.filters_total else 0.0

    def slot_table(self) -> list[tuple[str, float, float, int]]:
        rows = []
        for key in FILTERS:
            tp, fp, fn = self.tp[key], self.fp[key], self.fn[key]
            if tp + fp + fn == 0:
                continue
            p = tp / (tp + fp) if tp + fp else 1.0
            r = tp / (tp + fn) if tp + fn else 1.0
            rows.append((key, p, r, tp + fn))
        return rows


def next_turn(state: ConversationState, context: dict[str, Any] | None = None) -> None:
    """What the chat service does before a message is understood: the request's context ids
    replace the earlier ones, and the turn counter moves on (questions and offers of the last
    turn are recognised by it)."""
    ctx = context or {}
    state.context_list_id = ctx.get("list_id", state.context_list_id)
    state.context_list_name = ctx.get("list_name", state.context_list_name)
    state.context_campaign_id = ctx.get("campaign_id", state.context_campaign_id)
    state.turn += 1


_CAMPAIGN_KINDS = frozenset(
    {
        IntentKind.campaign_create,
        IntentKind.campaign_show,
        IntentKind.campaign_start,
        IntentKind.campaign_pause,
        IntentKind.campaign_stats,
        IntentKind.campaign_undo,
        IntentKind.email_rewrite,
    }
)
_LIST_KINDS = frozenset(
    {
        IntentKind.list_add,
        IntentKind.list_create,
        IntentKind.list_stats,
        IntentKind.list_remove,
        IntentKind.list_contents,
        IntentKind.list_export,
        IntentKind.list_rename,
    }
)


def advance(state: ConversationState, got: Interpretation) -> ConversationState:
    """The state the planner and its tools store after a turn (``assistant._run`` and the tools
    of ``lexi.assistant.tools``), assuming every tool found what it looked for: the last search
    and how many were shown, its result set (so "back to the CFO search" finds it again), the
    filters of a question asking for roles (the answer completes them), the campaign a turn
    was about ("make it shorter", "pause it"), the last list and the pending tasks (starting a
    campaign and deleting a list wait for approval)."""
    for intent in got.intents:
        if intent.kind in (IntentKind.campaign_start, IntentKind.list_delete):
            state.pending_task_ids.append(f"task:{state.turn}:{intent.kind.value}")
        elif intent.kind in (IntentKind.task_approve, IntentKind.task_dismiss):
            state.pending_task_ids = state.pending_task_ids[:-1]
        if intent.kind is IntentKind.prospect_search and intent.filters is not None:
            _searched(state, intent.filters.to_dict(), intent.offset)
        elif intent.kind is IntentKind.clarify:
            _asked(state, intent)
        elif intent.kind in _CAMPAIGN_KINDS:
            state.last_campaign_id = (
                state.context_campaign_id or state.last_campaign_id or f"campaign:{state.turn}"
            )
        elif intent.kind in _LIST_KINDS:
            _listed(state, intent)
    return state


def _asked(state: ConversationState, intent: Intent) -> None:
    """What a question keeps for its answer (``Assistant._run``)."""
    if intent.missing == ["roles"] and intent.filters is not None:
        state.asked_filters, state.asked_turn = intent.filters.to_dict(), state.turn
    elif intent.missing in (["list"], ["list_name"]) and intent.params.get("asked"):
        state.asked_list, state.asked_turn = dict(intent.params["asked"]), state.turn


def _searched(state: ConversationState, filters: dict[str, Any], offset: int) -> None:
    """The search's filters are stored as the tools store them: the plain filters object."""
    shown = int(filters.get("limit", 25))
    state.last_filters = filters
    state.last_offset = offset + shown
    ids = [f"p{state.turn}-{i}" for i in range(shown)]
    state.last_prospect_ids = ids
    state.nearby, state.nearby_turn = [], -1
    state.result_sets.append(
        {
            "id": f"r{state.turn}-{len(state.result_sets) + 1}",
            "source": "search",
            "filters": filters,
            "total": offset + shown,
            "offset": offset,
            "count": shown,
            "prospect_ids": ids,
            "turn": state.turn,
        }
    )
    del state.result_sets[:-KEEP_SETS]


def _listed(state: ConversationState, intent: Intent) -> None:
    name = intent.list_name
    if intent.list_target == "context":
        name = state.context_list_name
    if intent.kind is IntentKind.list_rename:
        name = intent.params.get("new_name") or name
    if name:
        state.last_list_name = name
        state.last_list_id = f"list:{name}"
        state.used_list(name)
        if name not in state.known_list_names:
            state.known_list_names.append(name)


def _label_filters(filters: dict[str, Any] | None) -> ProspectFilters | None:
    """A label's filters, typed. A label is the right answer as written: one that is no valid
    search (a place the gazetteer lacks) is kept as written, unchecked, so the next turn sees
    stored filters that are no search, as a conversation stored so would."""
    if filters is None:
        return None
    try:
        return ProspectFilters.from_dict(filters)
    except ValidationFailed:
        return ProspectFilters.model_construct(**filters)


def labelled(intents: list[dict[str, Any]], got: Interpretation | None = None) -> Interpretation:
    """A label as an interpretation (to move conversation state along). Where the label leaves
    the filters out (a question asking for roles is labelled by what it asks) and ``got`` has
    the same intents, the filters are those understanding produced, as the planner keeps them."""
    found = got.intents if got is not None else []
    if [i.kind.value for i in found] != [e["kind"] for e in intents]:
        found = []
    return Interpretation(
        [
            Intent(
                kind=IntentKind(e["kind"]),
                filters=(
                    _label_filters(e["filters"])
                    if "filters" in e
                    else (found[n].filters if found else None)
                ),
                offset=e.get("offset", 0),
                refinement=e.get("refinement", False),
                list_name=e.get("list_name"),
                list_target=e.get("list_target"),
                selector=e.get("selector", {}),
                params=e["params"] if "params" in e else (found[n].params if found else {}),
                missing=e.get("missing", []),
                unsupported=e.get("unsupported", []),
            )
            for n, e in enumerate(intents)
        ]
    )


def _interpret(interpreter, text: str, state: ConversationState) -> tuple[Interpretation, str]:
    """The interpretation, or none and why: filters that are no valid search (a place the
    gazetteer does not know) are a miss of that line, not the end of the run."""
    try:
        return interpreter.interpret(text, state), ""
    except ValidationFailed as exc:
        return Interpretation([], text=text), exc.message


def run_lines(lines: list[dict[str, Any]], interpreter, score: Score | None = None) -> Score:
    score = score or Score()
    with labels_day():
        for line in lines:
            got, error = _interpret(interpreter, line["text"], state_from(line.get("state")))
            score.add(line["text"], line["intents"], got, error)
    return score


def run_conversations(
    conversations: list[dict[str, Any]], interpreter, score: Score | None = None
) -> Score:
    score = score or Score()
    with labels_day():
        _run_conversations(conversations, interpreter, score)
    return score


def _run_conversations(conversations: list[dict[str, Any]], interpreter, score: Score) -> None:
    for conv in conversations:
        state = state_from(conv.get("state"))
        for turn in conv["turns"]:
            next_turn(state, turn.get("context"))
            got, error = _interpret(interpreter, turn["text"], state)
            score.add(f"[{conv['id']}] {turn['text']}", turn["intents"], got, error)
            # The next turn starts from what the right answer would have left behind, so one
            # miss is counted once and not again in every later turn.
            state = advance(state, labelled(turn["intents"], got))


def accuracy_summary(single: Score, conversations: Score) -> dict[str, Any]:
    """The headline numbers of a run over the utterances and the conversations, as the
    benchmarks report them."""
    return {
        "utterances": single.lines,
        "conversation_turns": conversations.lines,
        "intent_accuracy": {
            "utterances": single.intent_accuracy,
            "conversations": conversations.intent_accuracy,
        },
        "filters_exact": {
            "utterances": single.filters_exact_rate,
            "conversations": conversations.filters_exact_rate,
        },
        "lines_fully_right": {
            "utterances": single.line_accuracy,
            "conversations": conversations.line_accuracy,
        },
    }
