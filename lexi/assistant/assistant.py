"""The assistant: interpret -> plan -> act or propose -> write. Pure Python, no HTTP, no SQL.

It reaches data only through the ``TurnContext`` and the tools; the chat service quotes the plan
(402 before any effect), charges the message, and persists what the turn did.
"""

from __future__ import annotations

import copy
import logging
from dataclasses import dataclass, field
from typing import Any

from lexi.assistant import writer
from lexi.assistant.context import TurnContext
from lexi.assistant.planner import Plan, Step, plan
from lexi.assistant.tools import REGISTRY, ToolRegistry
from lexi.assistant.understanding import RuleInterpreter
from lexi.assistant.understanding.types import Interpretation, Interpreter
from lexi.errors import InsufficientPermissions, LexiError

log = logging.getLogger("lexi.assistant")


@dataclass
class StepRecord:
    """One executed step, as persisted (a ``tool`` message) and streamed (a ``tool_step``)."""

    tool: str | None
    call: dict[str, Any] | None
    action: dict[str, Any]


@dataclass
class TurnResult:
    reply: str
    actions: list[dict[str, Any]]
    steps: list[StepRecord] = field(default_factory=list)
    thinking: str = ""

    @property
    def requires_approval(self) -> bool:
        return any(a.get("status") == "pending_approval" for a in self.actions)

    @property
    def task_id(self) -> str | None:
        pending = [a["task_id"] for a in self.actions if a.get("status") == "pending_approval"]
        return pending[0] if pending else None


class Assistant:
    """Understands with ``interpreter`` and acts with ``tools`` (the built-in registry by default)."""

    def __init__(
        self, interpreter: Interpreter | None = None, tools: ToolRegistry | None = None
    ) -> None:
        self.interpreter: Interpreter = interpreter or RuleInterpreter()
        self.tools = tools or REGISTRY

    @property
    def uses_model(self) -> bool:
        """Whether understanding may call a language model (it then needs the turn's grant)."""
        return bool(getattr(self.interpreter, "uses_model", False))

    @property
    def understands_apart(self) -> bool:
        """Whether understanding may wait on something outside the process (a language model, a
        plug-in interpreter): a chat turn then understands before its transaction begins. The
        built-in rules are pure computation and run inside it."""
        return self.uses_model or not isinstance(self.interpreter, RuleInterpreter)

    def understand(self, ctx: TurnContext, text: str) -> Interpretation:
        turn = getattr(self.interpreter, "interpret_turn", None)
        if turn is not None:
            # A model-backed interpreter sees only what the workspace allows (ctx.extras).
            return turn(text, ctx.state, ctx.extras.get("model_grant"))
        return self.interpreter.interpret(text, ctx.state)

    def understand_by_rules(self, ctx: TurnContext, text: str) -> Interpretation:
        """The built-in rules' reading (the interpreter's own fallback when it has one)."""
        rules = getattr(self.interpreter, "fallback", None)
        if not isinstance(rules, RuleInterpreter):
            rules = RuleInterpreter()
        return rules.interpret(text, ctx.state)

    def plan(
        self, ctx: TurnContext, interpretation: Interpretation, *, allow_tools: bool = True
    ) -> Plan:
        usable = self.tools.for_scopes(ctx.caller.scopes) if allow_tools else ToolRegistry()
        return plan(interpretation, ctx, usable, all_tools=self.tools if allow_tools else None)

    def act(self, ctx: TurnContext, the_plan: Plan, *, allow_tools: bool = True) -> TurnResult:
        """Run (or propose) every step; a failing tool becomes a polite action, never an error."""
        records = [self._run(ctx, step, allow_tools) for step in the_plan.steps]
        actions = [r.action for r in records]
        return TurnResult(reply=writer.write(actions), actions=actions, steps=records)

    def _run(self, ctx: TurnContext, step: Step, allow_tools: bool) -> StepRecord:
        kind = step.intent.kind.value
        if step.outcome == "clarify":
            action = {
                "type": "clarify" if kind == "clarify" else kind,
                "status": "needs_input",
                "missing": list(step.intent.missing),
                "question": step.intent.question,
            }
            if step.intent.unsupported:
                action["unsupported"] = list(step.intent.unsupported)
            if step.intent.missing == ["roles"] and step.intent.filters is not None:
                ctx.state.asked_filters = step.intent.filters.to_dict()
                ctx.state.asked_turn = ctx.state.turn
            elif step.intent.missing in (["list"], ["list_name"]) and step.intent.params.get(
                "asked"
            ):
                ctx.state.asked_list = dict(step.intent.params["asked"])
                ctx.state.asked_turn = ctx.state.turn
            return StepRecord(None, None, action)
        if step.outcome == "unavailable":
            error = "not_available" if allow_tools else "tools_disabled"
            action = {"type": kind, "status": "failed", "error": error}
            for key in ("what", "reason"):
                if step.intent.params.get(key):
                    action[key] = step.intent.params[key]
            return StepRecord(None, None, action)
        if step.outcome == "forbidden":
            return StepRecord(None, None, self._forbidden(kind, step.detail.get("scope", "")))
        assert step.tool is not None and step.args is not None
        spec, call = step.tool, step.call()
        saved_state, saved_used, saved_tasks, saved_charges = (
            copy.deepcopy(ctx.state),
            ctx.credits_used,
            list(ctx.task_ids),
            len(ctx.charges),
        )
        try:
            with ctx.session.begin_nested():
                if step.needs_approval:
                    if spec.propose is None:
                        raise LexiError("This tool needs approval but cannot propose a task.")
                    action = spec.propose(ctx, step.args)
                else:
                    action = spec.fn(ctx, step.args)
        # A tool failure is a reply, never a 500 inside the chat.
        except Exception as exc:  # noqa: BLE001
            ctx.state, ctx.credits_used, ctx.task_ids = saved_state, saved_used, saved_tasks
            del ctx.charges[saved_charges:]
            action = self._failure(kind, spec.name, exc)
        action.setdefault("tool", spec.name)
        return StepRecord(spec.name, call, action)

    @staticmethod
    def _forbidden(kind: str, scope: str) -> dict[str, Any]:
        return {
            "type": kind,
            "status": "failed",
            "error": "insufficient_permissions",
            "required_scope": scope,
        }

    def _failure(self, kind: str, tool: str, exc: Exception) -> dict[str, Any]:
        if isinstance(exc, InsufficientPermissions):
            scope = (exc.details or {}).get("required_scope", "")
            return {**self._forbidden(kind, scope), "tool": tool}
        if isinstance(exc, LexiError) and exc.status_code < 500:
            log.info("tool %s refused: %s", tool, exc.message)
            return {
                "type": kind,
                "status": "failed",
                "error": exc.code,
                "message": exc.message,
                "tool": tool,
            }
        log.error("tool %s failed", tool, exc_info=exc)
        return {"type": kind, "status": "failed", "error": "tool_failed", "tool": tool}
