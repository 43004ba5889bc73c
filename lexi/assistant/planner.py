"""The planner: intents become tool calls, quoted before anything runs.

It knows no tool by name. Each intent is served by the tools that declare it (``intents=`` on
``@tool``) among those the caller's key may use; an intent no tool serves gets a clear reply
instead (campaign intents, until a campaigns feature registers its tools). Any ``Interpreter``
(the rule interpreter by default, an LLM if configured) feeds it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from lexi.assistant.context import TurnContext
from lexi.assistant.tools.registry import ToolRegistry, ToolSpec
from lexi.assistant.understanding.types import Intent, IntentKind, Interpretation
from lexi.credits import prices

# Saving the results of a search in the same message ("find ... and add them to Q1 Leads")
# folds into the search itself, so large selections are saved by the approved task.
_SAVE_KINDS = (IntentKind.list_add, IntentKind.list_create)
# Questions about the account and Lexi itself cost nothing, so they work at a zero balance.
FREE_KINDS = frozenset({IntentKind.credits, IntentKind.capabilities})


@dataclass
class Step:
    intent: Intent
    tool: ToolSpec | None = None
    args: BaseModel | None = None
    needs_approval: bool = False
    cost: int = 0
    # Set when no tool runs: "clarify", "unavailable" (no tool serves it) or "forbidden".
    outcome: str | None = None
    detail: dict[str, Any] = field(default_factory=dict)

    def call(self) -> dict[str, Any] | None:
        if self.tool is None or self.args is None:
            return None
        return {"tool": self.tool.name, "args": self.args.model_dump(mode="json")}


@dataclass
class Plan:
    steps: list[Step]

    @property
    def message_cost(self) -> int:
        """The message credit: none when the turn only asks about the balance or Lexi itself."""
        if self.steps and all(s.intent.kind in FREE_KINDS for s in self.steps):
            return prices.FREE
        return prices.CHAT_MESSAGE

    @property
    def cost(self) -> int:
        """The whole turn's quote: the message plus the most every call may spend now (a search
        that finds nobody is charged nothing, but it is quoted at its price)."""
        return self.message_cost + sum(s.cost for s in self.steps)


def _fold_saves(intents: list[Intent]) -> list[Intent]:
    out: list[Intent] = []
    for intent in intents:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.kind == IntentKind.prospect_search
            and intent.kind in _SAVE_KINDS
            and intent.selector.get("prospects", "last_results") == "last_results"
        ):
            prev.params["save_target"] = (
                "new" if intent.kind == IntentKind.list_create else (intent.list_target or "last")
            )
            prev.params["save_list_name"] = intent.list_name
            continue
        out.append(intent)
    return out


def _apply_save_target(intent: Intent, args: BaseModel) -> BaseModel:
    target = intent.params.get("save_target")
    if target and hasattr(args, "list_target"):
        return args.model_copy(
            update={"list_target": target, "list_name": intent.params.get("save_list_name")}
        )
    return args


def plan(
    interpretation: Interpretation,
    ctx: TurnContext,
    tools: ToolRegistry,
    *,
    all_tools: ToolRegistry | None = None,
) -> Plan:
    """Turn intents into steps using only ``tools`` (already filtered by the key's scopes)."""
    steps: list[Step] = []
    for intent in _fold_saves(list(interpretation.intents)):
        if intent.kind == IntentKind.clarify:
            steps.append(Step(intent, outcome="clarify"))
            continue
        candidates = tools.for_intent(intent.kind)
        if not candidates:
            known = (all_tools or tools).for_intent(intent.kind)
            if known:
                steps.append(
                    Step(intent, outcome="forbidden", detail={"scope": known[0].scope.value})
                )
            else:
                steps.append(Step(intent, outcome="unavailable"))
            continue
        spec = candidates[0]
        args = spec.from_intent(intent, ctx) if spec.from_intent else None
        if args is None:
            steps.append(Step(intent, outcome="clarify"))
            continue
        args = _apply_save_target(intent, args)
        needs = spec.needs_approval(ctx, args)
        steps.append(Step(intent, spec, args, needs_approval=needs, cost=spec.step_cost(ctx, args)))
    return Plan(steps)
