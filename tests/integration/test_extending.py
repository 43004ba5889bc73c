"""docs/extending.md, kept honest: its code runs as printed (a filter, an intent recogniser, an
interpreter), and each piece is seen where the guide says it derives to."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from lexi.assistant import phrases
from lexi.assistant.tools import REGISTRY as TOOLS
from lexi.assistant.understanding import ConversationState, IntentKind, interpret
from lexi.assistant.understanding.registry import REGISTRY
from lexi.mcp.tools import _search_schema
from lexi.prospects.filters import FILTERS, unregister_filter
from lexi.web.views import chips_for
from tests.helpers.chat import chat, ok

pytestmark = pytest.mark.usefixtures("universe")

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "extending.md"
FENCE = re.compile(r"^```python\n(.*?)^```", re.MULTILINE | re.DOTALL)
SAID = "CFOs at law firms with a phone number"


def _blocks() -> list[str]:
    blocks = FENCE.findall(GUIDE.read_text())
    assert len(blocks) == 3, "the guide shows a filter, a recogniser and an interpreter"
    return blocks


def _run_guide(upto: int = 3) -> dict[str, Any]:
    """The guide's code, run as printed in one namespace (a reader pasting it in order)."""
    namespace: dict[str, Any] = {"__name__": "guide"}
    for block in _blocks()[:upto]:
        exec(compile(block, str(GUIDE), "exec"), namespace)
    return namespace


@pytest.fixture
def guide() -> Iterator[dict[str, Any]]:
    """The guide's filter, recogniser and interpreter; the filter is unregistered after."""
    try:
        yield _run_guide()
    finally:
        unregister_filter("with_phone")


def _tool_filters_schema() -> dict[str, Any]:
    """The filters object of the chat search tool's JSON schema, as a model reads it."""
    tool = TOOLS.get("search_prospects")
    assert tool is not None
    params = tool.json_schema()["parameters"]
    ref = params["properties"]["filters"]["$ref"].rsplit("/", 1)[-1]
    return params["$defs"][ref]


def _count(db, where: str) -> int:  # type: ignore[no-untyped-def]
    with db.engine.connect() as conn:
        return int(
            conn.execute(text(f"SELECT count(*) FROM prospect_people WHERE {where}")).scalar()
        )


class TestAFilter:
    def test_it_is_in_the_tool_and_mcp_schemas_while_registered_and_gone_after(self) -> None:
        assert "with_phone" not in _tool_filters_schema()["properties"]
        try:
            _run_guide(upto=1)
            prop = _tool_filters_schema()["properties"]["with_phone"]
            assert prop == {"type": "boolean", "description": FILTERS["with_phone"].description}
            assert _search_schema()["properties"]["with_phone"]["type"] == "boolean"
        finally:
            unregister_filter("with_phone")
        assert "with_phone" not in FILTERS
        assert "with_phone" not in _tool_filters_schema()["properties"]
        assert "with_phone" not in _search_schema()["properties"]

    def test_the_rest_api_parses_it_and_the_search_applies_it(  # type: ignore[no-untyped-def]
        self, guide, client, auth, db
    ) -> None:
        body = {"seniorities": ["vp"], "limit": 100}
        everyone = client.post("/v1/prospector/search", json=body, headers=auth).json()
        r = client.post("/v1/prospector/search", json={**body, "with_phone": True}, headers=auth)
        assert r.status_code == 200, r.text
        found = r.json()
        # What the filter's SQL must select, counted by hand: VPs with a phone number.
        assert found["meta"]["total"] == _count(db, "seniority = 'vp' AND phone IS NOT NULL")
        assert 0 < found["meta"]["total"] < everyone["meta"]["total"]
        assert all(p["phone"] for p in found["data"]["prospects"])
        assert found["data"]["filters"]["with_phone"] is True
        bad = client.post("/v1/prospector/search", json={"with_phone": "yes"}, headers=auth)
        assert bad.status_code == 400 and bad.json()["error"]["code"] == "validation_error"

    def test_the_rest_description_lists_it(self, guide, client) -> None:  # type: ignore[no-untyped-def]
        doc = client.get("/openapi.json").json()
        body = doc["paths"]["/v1/prospector/search"]["post"]["requestBody"]
        description = body["content"]["application/json"]["schema"]["description"]
        assert f"`with_phone`: {FILTERS['with_phone'].description}" in description

    def test_the_writer_and_the_chips_say_it(self, guide) -> None:  # type: ignore[no-untyped-def]
        filters = {"titles": ["CFO"], "industries": ["Law Practice"], "with_phone": True}
        assert phrases.describe_filters(filters) == "CFOs at law firms with a phone number"
        assert [(c.label, c.value) for c in chips_for({"with_phone": True})] == [("Phone", "yes")]


class TestAnIntentRecogniser:
    def test_the_recogniser_is_asked_in_its_priority_order(self, guide) -> None:  # type: ignore[no-untyped-def]
        names = [r.name for r in guide["registry"].clause_recognisers()]
        assert names.index("unsupported_request") < names.index("phone_search")
        assert names.index("phone_search") < names.index("search")
        got = guide["interpreter"].interpret(SAID, ConversationState()).intents
        assert [i.kind for i in got] == [IntentKind.prospect_search]
        assert got[0].filters == {
            "titles": ["CFO"],
            "industries": ["Law Practice"],
            "with_phone": True,
            "limit": 25,
        }

    def test_the_priority_is_the_order(self, guide) -> None:  # type: ignore[no-untyped-def]
        from lexi.assistant.understanding import RuleInterpreter
        from lexi.assistant.understanding.registry import recogniser

        late = REGISTRY.copy()  # asked after the built-in search, it never sees the clause
        recogniser(priority=95, registry=late)(guide["phone_search"])
        first = RuleInterpreter(late).interpret(SAID, ConversationState()).intents[0]
        assert first.filters is not None and "with_phone" not in first.filters

    def test_the_built_in_registry_is_untouched(self, guide) -> None:  # type: ignore[no-untyped-def]
        assert REGISTRY.get("phone_search") is None
        filters = interpret(SAID).intents[0].filters
        assert filters is not None and "with_phone" not in filters


class TestAnInterpreter:
    def test_a_function_interpreter_plugs_in_by_the_setting(  # type: ignore[no-untyped-def]
        self, guide, settings, db, factory, monkeypatch
    ) -> None:
        from fastapi.testclient import TestClient

        from lexi.app import create_app

        module = sys.modules[__name__]
        monkeypatch.setattr(module, "guide_interpreter", guide["phone_interpreter"], raising=False)
        app = create_app(
            settings.model_copy(update={"interpreter": f"{__name__}:guide_interpreter"}), db=db
        )
        workspace = factory.workspace(credits=1000, plan="organization")
        key = factory.key(workspace.id, scopes=["all"], tier="unmetered")
        auth = {"Authorization": f"Bearer {key}"}
        with TestClient(app, raise_server_exceptions=False) as client:
            data = ok(chat(client, auth, "VPs who have a phone"))
            [action] = data["actions"]
            assert action["filters"] == {"seniorities": ["vp"], "with_phone": True, "limit": 5}
            assert len(action["prospects"]) == 5
            assert all(p["phone"] for p in action["prospects"])
            assert "VPs with a phone number" in data["response"]
            # Nothing understood by the function: the rules (the fallback) answer.
            data = ok(chat(client, auth, "Find 3 CEOs at law firms"))
            assert data["actions"][0]["filters"]["titles"] == ["CEO"]
