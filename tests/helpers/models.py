"""A function standing in for a language model (pydantic-ai's FunctionModel), for chat tests.

    brain = ScriptedModel(lambda message, prompt: {"intents": [...]})
    interpreter = ModelInterpreter(brain.model(), name="test")

The function sees the user's message (decoded from the prompt's <message> block) and the whole
prompt, and returns the output tool's arguments (a dict), plain text (a model that does not call
the tool), or raises. Every prompt it was sent is kept in ``prompts``.
"""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import Callable
from typing import Any

from pydantic_ai.messages import ModelMessage, ModelResponse, TextPart, ToolCallPart
from pydantic_ai.models.function import AgentInfo, FunctionModel

Answer = dict[str, Any] | str
Brain = Callable[[str, str], Answer]
_MESSAGE = re.compile(r"<message>(.*)</message>", re.DOTALL)


def message_of(prompt: str) -> str:
    found = _MESSAGE.search(prompt)
    return json.loads(found.group(1)) if found else ""


def last_prompt(messages: list[ModelMessage]) -> str:
    for message in reversed(messages):
        for part in reversed(getattr(message, "parts", [])):
            if getattr(part, "part_kind", "") == "user-prompt":
                return str(part.content)
    return ""


class ScriptedModel:
    def __init__(self, brain: Brain, *, delay: float = 0.0) -> None:
        self.brain = brain
        self.delay = delay
        self.prompts: list[str] = []
        self.instructions: list[str] = []

    async def _respond(self, messages: list[ModelMessage], info: AgentInfo) -> ModelResponse:
        prompt = last_prompt(messages)
        self.prompts.append(prompt)
        self.instructions.append(info.instructions or "")
        if self.delay:
            await asyncio.sleep(self.delay)
        answer = self.brain(message_of(prompt), prompt)
        if isinstance(answer, str):
            return ModelResponse(parts=[TextPart(answer)])
        return ModelResponse(parts=[ToolCallPart(info.output_tools[0].name, answer)])

    def model(self) -> FunctionModel:
        return FunctionModel(self._respond, model_name="scripted")


def search(**filters: Any) -> dict[str, Any]:
    return {"kind": "prospect_search", "filters": filters}


def intents(*items: dict[str, Any]) -> dict[str, Any]:
    return {"intents": list(items)}


def answer_for(interpretation: Any) -> dict[str, Any]:
    """The output-tool arguments a perfect model would give for the rules' interpretation (used to
    check that every intent the rules produce can be expressed, and by the benchmark)."""
    out: list[dict[str, Any]] = []
    for intent in interpretation.intents:
        kind = intent.kind.value
        if kind == "prospect_search":
            filters = intent.filters.to_dict() if intent.filters is not None else {}
            item: dict[str, Any] = {"kind": kind, "filters": filters}
            if intent.refinement:
                item["refines_previous"] = True
            if intent.offset:
                item["next_page"] = True
            if getattr(intent, "unsupported", None):
                item["unsupported"] = list(intent.unsupported)
            out.append(item)
        elif kind in ("list_add", "list_create", "list_remove", "list_stats"):
            item = {"kind": kind}
            if intent.list_target == "named" or kind == "list_create":
                item["list_name"] = intent.list_name
            elif intent.list_target:
                item["which_list"] = intent.list_target
            selector = intent.selector or {}
            if selector.get("prospects") == "last_results":
                item["with_results"] = True
            for key in ("company", "person"):
                if key in selector:
                    item[key] = selector[key]
            out.append(item)
        elif kind in ("campaign_create", "email_rewrite", "campaign_start"):
            params = intent.params or {}
            item = {"kind": kind}
            if intent.list_target == "named":
                item["list_name"] = intent.list_name
            elif intent.list_target:
                item["which_list"] = intent.list_target
            for key in ("topic", "tone", "step"):
                if params.get(key):
                    item[key] = params[key]
            if params.get("part") == "subject":
                item["subject_only"] = True
            out.append(item)
        elif kind in ("credits", "tasks", "capabilities"):
            item = {"kind": kind}
            if intent.params.get("status"):
                item["task_status"] = intent.params["status"]
            out.append(item)
        else:
            item = {"kind": "clarify", "missing": (intent.missing or ["request"])[0]}
            if item["missing"] == "roles" and intent.filters is not None:
                item["filters"] = intent.filters.to_dict()
            asked = intent.params.get("asked") or {}
            if item["missing"] in ("list", "list_name") and asked.get("kind"):
                item["waiting"] = asked["kind"]
            out.append(item)
    return {"intents": out}
