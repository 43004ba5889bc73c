"""Tools: typed functions with docstrings; scope, credit cost and approval rule on the decorator.

    @tool(scope=Scope.prospects_read, cost=5, requires_approval=needs_approval,
          intents=[IntentKind.prospect_search])
    def search_prospects(ctx: TurnContext, args: SearchArgs) -> dict: ...

The registry derives each tool's name, description and JSON schema (for an LLM backend), filters
tools by the caller's scopes before planning, and re-checks the scope when a tool runs. The built-in
tools register exactly like a third party's (a campaigns feature adds its tools the same way).
"""

from __future__ import annotations

import inspect
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from lexi.assistant.context import TurnContext
from lexi.assistant.understanding.types import Intent, IntentKind
from lexi.auth.scopes import Scope
from lexi.errors import InsufficientPermissions

log = logging.getLogger("lexi.assistant.tools")

Action = dict[str, Any]
ApprovalRule = bool | Callable[[TurnContext, Any], bool]
ArgsBuilder = Callable[[Intent, TurnContext], BaseModel | None]


@dataclass
class ToolSpec:
    name: str
    description: str
    scope: Scope
    cost: int
    requires_approval: ApprovalRule
    args_model: type[BaseModel]
    fn: Callable[[TurnContext, Any], Action]
    intents: tuple[IntentKind, ...] = ()
    # Builds the arguments from an intent; None means the intent cannot use this tool.
    from_intent: ArgsBuilder | None = None
    # Creates the approval task when the rule says the call must wait (returns the action).
    propose: Callable[[TurnContext, Any], Action] | None = None
    extra_scopes: tuple[Scope, ...] = field(default_factory=tuple)
    # What a call spends in the turn when it knows better than its list price (a search that
    # finds nobody spends nothing).
    price: Callable[[TurnContext, Any], int] | None = None

    def json_schema(self) -> dict[str, Any]:
        """The OpenAI-style function description of this tool."""
        return {
            "name": self.name,
            "description": self.description,
            "parameters": self.args_model.model_json_schema(),
        }

    def needs_approval(self, ctx: TurnContext, args: Any) -> bool:
        rule = self.requires_approval
        return bool(rule(ctx, args) if callable(rule) else rule)

    def step_cost(self, ctx: TurnContext, args: Any) -> int:
        """Credits this call spends in the turn (a task charges on approval, not now)."""
        if self.needs_approval(ctx, args):
            return 0
        if self.price is not None:
            return int(self.price(ctx, args))
        charge = getattr(args, "turn_cost", None)
        return int(charge(self.cost) if callable(charge) else self.cost)


class ToolRegistry:
    def __init__(self) -> None:
        self._tools: dict[str, ToolSpec] = {}

    def register(self, spec: ToolSpec) -> ToolSpec:
        self._tools[spec.name] = spec
        return spec

    def get(self, name: str) -> ToolSpec | None:
        return self._tools.get(name)

    def all(self) -> list[ToolSpec]:
        return list(self._tools.values())

    def for_scopes(self, scopes: Iterable[str]) -> ToolRegistry:
        """Only the tools a key with these scopes may use."""
        have = set(scopes)
        sub = ToolRegistry()
        for spec in self._tools.values():
            if spec.scope.value in have:
                sub.register(spec)
        return sub

    def for_intent(self, kind: IntentKind) -> list[ToolSpec]:
        return [s for s in self._tools.values() if kind in s.intents]


REGISTRY = ToolRegistry()


def tool(
    *,
    scope: Scope,
    cost: int = 0,
    requires_approval: ApprovalRule = False,
    intents: Iterable[IntentKind] = (),
    from_intent: ArgsBuilder | None = None,
    propose: Callable[[TurnContext, Any], Action] | None = None,
    price: Callable[[TurnContext, Any], int] | None = None,
    registry: ToolRegistry | None = None,
) -> Callable[[Callable[[TurnContext, Any], Action]], Callable[[TurnContext, Any], Action]]:
    """Register a tool; its name is the function name, its description the docstring."""

    def wrap(fn: Callable[[TurnContext, Any], Action]) -> Callable[[TurnContext, Any], Action]:
        params = list(inspect.signature(fn, eval_str=True).parameters.values())
        if len(params) != 2:
            raise TypeError(f"tool {fn.__name__} must take (ctx, args)")
        args_model = params[1].annotation
        if not (isinstance(args_model, type) and issubclass(args_model, BaseModel)):
            raise TypeError(f"tool {fn.__name__}: args must be a pydantic model")
        (registry or REGISTRY).register(
            ToolSpec(
                name=fn.__name__,
                description=inspect.cleandoc(fn.__doc__ or fn.__name__),
                scope=scope,
                cost=cost,
                requires_approval=requires_approval,
                args_model=args_model,
                fn=fn,
                intents=tuple(intents),
                from_intent=from_intent,
                propose=propose,
                price=price,
            )
        )
        return fn

    return wrap


def check_scope(ctx: TurnContext, scope: Scope) -> None:
    """Tools re-check scopes when they run, whatever the planner decided."""
    if not ctx.has(scope.value):
        raise InsufficientPermissions(
            f"This API key lacks the '{scope.value}' scope.",
            details={"required_scope": scope.value},
        )
