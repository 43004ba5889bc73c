"""The model-backed interpreter: a language model proposes intents; Lexi checks and acts.

``ModelInterpreter.interpret_turn(text, state, grant)`` sends what the workspace allows (see
``ModelGrant``) to the configured model, which answers by calling one tool whose arguments are
``schema.Understanding``. The answer is validated and grounded (``schema.to_interpretation``);
an invalid answer, an error or a timeout falls back to the rule interpreter, so the user gets the
same reply as without a model. The model only proposes intents: the planner, scopes, quotes,
approvals and credits are exactly those of the rules.

pydantic-ai is imported when this module is, which happens only when a model is configured.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass, field
from typing import Any

from pydantic_ai import Agent, ToolOutput
from pydantic_ai.models import Model
from pydantic_ai.settings import ModelSettings
from pydantic_ai.usage import RunUsage

from lexi.assistant.model.config import DATA_NONE, DATA_WITH_CONTACTS, ModelGrant
from lexi.assistant.model.prompt import INSTRUCTIONS, render_prompt
from lexi.assistant.model.running import run as _run
from lexi.assistant.model.running import usage_of as _usage
from lexi.assistant.model.schema import (
    MODEL_KINDS,
    NotUnderstood,
    Understanding,
    to_interpretation,
)
from lexi.assistant.understanding import RuleInterpreter
from lexi.assistant.understanding.commands import is_injection
from lexi.assistant.understanding.types import ConversationState, Interpretation, Interpreter

log = logging.getLogger("lexi.assistant.model")
_SPACE = re.compile(r"\s+")
OUTPUT_TOOL = "understood"


@dataclass
class ModelReport:
    """What the model did for one turn: shown in the turn's actions and kept with its messages."""

    model: str
    used: bool  # the model's answer became the interpretation
    fallback: str | None = None  # why the rules answered: timeout | invalid_output | model_error
    usage: dict[str, int] = field(default_factory=dict)

    def action(self) -> dict[str, Any]:
        return {
            "type": "understanding",
            "status": "completed",
            "interpreter": "model" if self.used else "rules",
            "model": self.model,
            "fallback": self.fallback,
            "usage": self.usage,
        }


@dataclass
class ModelInterpretation(Interpretation):
    report: ModelReport | None = None


def _expressible(selector: dict[str, Any]) -> bool:
    """Selections the model's answer can state: the last results, a company or a person (not yet
    "the first 5" or "the ones at Acme" of a result set: those the rules answer)."""
    return selector in ({}, {"prospects": "last_results"}) or (
        len(selector) == 1 and next(iter(selector)) in ("company", "person")
    )


class ModelInterpreter:
    """Understands with ``model``; falls back to ``fallback`` (the rules) on anything doubtful."""

    uses_model = True

    def __init__(
        self,
        model: Model | str,
        *,
        name: str | None = None,
        timeout_seconds: float = 15.0,
        fallback: Interpreter | None = None,
        retries: int = 1,
    ) -> None:
        self.name = name or (model if isinstance(model, str) else model.model_name)
        self.timeout = float(timeout_seconds)
        self.fallback: Interpreter = fallback or RuleInterpreter()
        self.agent: Agent[None, Understanding] = Agent(
            model,
            output_type=ToolOutput(
                Understanding, name=OUTPUT_TOOL, description="Report what the message asks for."
            ),
            instructions=INSTRUCTIONS,
            retries=retries,
            model_settings=ModelSettings(timeout=self.timeout, temperature=0.0),
        )

    def interpret(self, text: str, state: ConversationState) -> Interpretation:
        """The ``Interpreter`` protocol: the message only, no contact data."""
        return self.interpret_turn(text, state, None)

    def interpret_turn(
        self, text: str, state: ConversationState, grant: ModelGrant | None
    ) -> Interpretation:
        grant = grant or ModelGrant()
        cleaned = _SPACE.sub(" ", text if isinstance(text, str) else "").strip()
        # Requests to change rules, credits or approvals, empty messages, and workspaces that
        # send nothing to a model are answered by the rules without asking the model.
        if grant.data == DATA_NONE or not cleaned or is_injection(cleaned):
            return self.fallback.interpret(text, state)
        # So are messages the rules read as approving, sending or anything the model's answer
        # cannot express: a model never originates an action that spends credits or sends mail.
        rules = self.fallback.interpret(text, state)
        if any(
            i.kind not in MODEL_KINDS
            or not _expressible(i.selector)
            or i.params.get("exclude")
            or (i.kind.value == "prospect_search" and i.params)
            for i in rules.intents
        ):
            return rules
        people = grant.people if grant.data == DATA_WITH_CONTACTS else []
        prompt = render_prompt(cleaned, state, people)
        usage = RunUsage()
        try:
            run = _run(self.agent.run(prompt, usage=usage), self.timeout)
            interpretation = to_interpretation(run.output, cleaned, state)
        except TimeoutError:
            return self._fall_back(text, state, "timeout", usage)
        except NotUnderstood as exc:
            log.info("model answer not used: %s", exc)
            return self._fall_back(text, state, "invalid_output", usage)
        except Exception as exc:  # noqa: BLE001  any model failure means: the rules answer
            kind = type(exc).__name__
            log.warning("model call failed: %s", kind)
            if "Timeout" in kind or "TimedOut" in kind:
                why = "timeout"
            elif kind == "UnexpectedModelBehavior":
                why = "invalid_output"
            else:
                why = "model_error"
            return self._fall_back(text, state, why, usage)
        return ModelInterpretation(
            interpretation.intents,
            text=text,
            report=ModelReport(self.name, used=True, usage=_usage(usage)),
        )

    def _fall_back(
        self, text: str, state: ConversationState, why: str, usage: RunUsage
    ) -> Interpretation:
        rules = self.fallback.interpret(text, state)  # state as it was: the model changes nothing
        return ModelInterpretation(
            rules.intents,
            text=rules.text,
            report=ModelReport(self.name, used=False, fallback=why, usage=_usage(usage)),
        )


def describe(interpretation: Interpretation) -> str:
    """A compact JSON form of an interpretation (benchmarks, logs at DEBUG)."""
    return json.dumps(
        [
            {
                "kind": i.kind.value,
                "filters": i.filters.to_dict() if i.filters is not None else None,
                "list": i.list_name,
            }
            for i in interpretation.intents
        ],
        default=str,
    )
