"""Interpreters other than the rules, and how a deployment chooses one.

Anything with ``interpret(text, state) -> Interpretation`` is an interpreter (see ``types``).
``LEXI_INTERPRETER`` names it: ``rules`` (the built-in ``RuleInterpreter``) or
``package.module:name`` for a class, a factory function or an instance. With
``LEXI_INTERPRETER_FALLBACK`` (on by default) a custom interpreter is wrapped in a
``FallbackInterpreter`` that uses the rules whenever it fails or understands nothing, so a model
outage never breaks chat. ``FunctionInterpreter`` turns a plain function into an interpreter, for
tests (as pydantic-ai's ``FunctionModel`` and ``FallbackModel`` do for models).
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable, Sequence
from typing import Any

from .interpreter import RuleInterpreter
from .types import ConversationState, Intent, IntentKind, Interpretation, Interpreter

log = logging.getLogger("lexi.assistant")

InterpretFunction = Callable[[str, ConversationState], "Interpretation | list[Intent]"]


class FunctionInterpreter:
    """An interpreter made of a function ``(text, state) -> Interpretation | list[Intent]``."""

    def __init__(self, function: InterpretFunction) -> None:
        self.function = function

    def interpret(self, text: str, state: ConversationState) -> Interpretation:
        result = self.function(text, state)
        if isinstance(result, Interpretation):
            return result
        return Interpretation(list(result), text=text)


def understood(interpretation: Interpretation | None) -> bool:
    """Whether an interpretation says anything: at least one intent that is not "what?"."""
    if interpretation is None or not interpretation.intents:
        return False
    return not all(
        i.kind is IntentKind.clarify and i.missing == ["request"] for i in interpretation.intents
    )


class FallbackInterpreter:
    """Tries each interpreter in turn; the next one answers when one raises or understands
    nothing. The last one's answer is used whatever it is."""

    def __init__(self, *interpreters: Interpreter) -> None:
        if not interpreters:
            raise ValueError("FallbackInterpreter needs at least one interpreter")
        self.interpreters: Sequence[Interpreter] = interpreters

    def interpret(self, text: str, state: ConversationState) -> Interpretation:
        *first, last = self.interpreters
        for interpreter in first:
            try:
                got = interpreter.interpret(text, state)
            except Exception:  # a remote model may fail in any way; the next one answers
                log.warning(
                    "interpreter failed, falling back",
                    extra={"interpreter": type(interpreter).__name__},
                    exc_info=True,
                )
                continue
            if understood(got):
                return got
        return last.interpret(text, state)


def load_interpreter(spec: str) -> Interpreter:
    """The interpreter a setting names: ``rules`` or ``package.module:name``."""
    spec = (spec or "rules").strip()
    if spec == "rules":
        return RuleInterpreter()
    module_name, _, attr = spec.partition(":")
    if not module_name or not attr:
        raise ValueError(f"interpreter must be 'rules' or 'package.module:name', not {spec!r}")
    target: Any = getattr(importlib.import_module(module_name), attr)
    interpreter = target() if callable(target) and not hasattr(target, "interpret") else target
    if isinstance(interpreter, type):
        interpreter = interpreter()
    if not callable(getattr(interpreter, "interpret", None)):
        raise ValueError(f"{spec} is not an interpreter (it has no interpret(text, state))")
    return interpreter


def configured_interpreter(spec: str, *, fallback: bool = True) -> Interpreter:
    """The interpreter for a deployment: the named one, backed by the rules unless told not to."""
    chosen = load_interpreter(spec)
    if fallback and not isinstance(chosen, RuleInterpreter):
        return FallbackInterpreter(chosen, RuleInterpreter())
    return chosen
