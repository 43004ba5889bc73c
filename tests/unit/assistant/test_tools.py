"""The tool registry: metadata derived from typed functions, scope filtering and re-checks."""

from __future__ import annotations

import uuid

import pytest
from pydantic import BaseModel

from lexi.assistant.assistant import Assistant
from lexi.assistant.context import TurnContext
from lexi.assistant.tools import REGISTRY, ToolRegistry, tool
from lexi.assistant.tools.registry import check_scope
from lexi.assistant.understanding.types import ConversationState, Intent, IntentKind, Interpretation
from lexi.auth.scopes import Scope
from lexi.auth.service import Caller
from lexi.errors import InsufficientPermissions

BUILT_IN = {
    "search_prospects",
    "save_to_list",
    "create_list",
    "remove_from_list",
    "list_stats",
    "credits",
    "list_tasks",
    "capabilities",
}


def ctx(scopes) -> TurnContext:  # type: ignore[no-untyped-def]
    caller = Caller(
        workspace_id=uuid.uuid4(),
        key_id=uuid.uuid4(),
        key_prefix="wbk_x",
        scopes=frozenset(scopes),
        tier="unmetered",
        plan="pro",
    )
    return TurnContext(session=None, caller=caller, state=ConversationState())  # type: ignore[arg-type]


class TestDerivedMetadata:
    def test_every_built_in_tool_is_registered(self):
        assert {t.name for t in REGISTRY.all()} >= BUILT_IN

    def test_name_description_and_schema_come_from_the_function(self):
        spec = REGISTRY.get("search_prospects")
        schema = spec.json_schema()
        assert schema["name"] == "search_prospects"
        assert schema["description"].startswith("Search the prospect database")
        assert set(schema["parameters"]["properties"]) >= {"filters", "offset", "list_target"}
        assert spec.scope == Scope.prospects_read and spec.cost == 5

    def test_a_tool_needs_a_pydantic_args_model(self):
        with pytest.raises(TypeError):

            @tool(scope=Scope.lexi, registry=ToolRegistry())
            def bad(ctx: TurnContext, args: dict) -> dict:  # type: ignore[type-arg]
                return {}


class TestScopes:
    def test_tools_are_filtered_by_the_keys_scopes(self):
        names = {t.name for t in REGISTRY.for_scopes({"lexi"}).all()}
        assert names >= {"credits", "list_tasks", "capabilities"}
        assert "search_prospects" not in names and "save_to_list" not in names
        assert "save_to_list" in {t.name for t in REGISTRY.for_scopes({"contacts:write"}).all()}

    def test_a_tool_rechecks_its_scope_when_called_directly(self):
        spec = REGISTRY.get("search_prospects")
        with pytest.raises(InsufficientPermissions):
            spec.fn(ctx({"lexi"}), spec.args_model(filters={"titles": ["CEO"]}))
        with pytest.raises(InsufficientPermissions):
            check_scope(ctx({"lexi"}), Scope.contacts_write)


class CampaignArgs(BaseModel):
    topic: str


class Args(BaseModel):
    pass


class TestExtensions:
    def test_a_new_tool_serves_an_intent_without_touching_the_planner(self):
        registry = ToolRegistry()
        for spec in REGISTRY.all():
            registry.register(spec)

        @tool(
            scope=Scope.lexi,
            intents=[IntentKind.campaign_create],
            registry=registry,
            from_intent=lambda intent, c: CampaignArgs(topic=intent.params.get("topic", "")),
        )
        def draft_campaign(ctx: TurnContext, args: CampaignArgs) -> dict:
            """Draft a campaign."""
            return {
                "type": "campaign_create",
                "status": "completed",
                "message": f"Drafted: {args.topic}",
            }

        class Fake:
            def interpret(self, text, state):  # type: ignore[no-untyped-def]
                return Interpretation(
                    [Intent(IntentKind.campaign_create, params={"topic": "legal automation"})]
                )

        assistant = Assistant(Fake(), tools=registry)
        c = ctx({"lexi"})
        plan = assistant.plan(c, assistant.understand(c, "x"))
        assert plan.steps[0].tool.name == "draft_campaign"

        class NoSession:
            def begin_nested(self):  # type: ignore[no-untyped-def]
                import contextlib

                return contextlib.nullcontext()

        c.session = NoSession()  # type: ignore[assignment]
        result = assistant.act(c, plan)
        assert result.reply == "Drafted: legal automation"

    def test_a_failing_tool_becomes_a_polite_action(self, caplog):
        registry = ToolRegistry()

        @tool(
            scope=Scope.lexi,
            intents=[IntentKind.credits],
            registry=registry,
            from_intent=lambda i, c: Args(),
        )
        def broken(ctx: TurnContext, args: Args) -> dict:
            """Always fails."""
            raise RuntimeError("boom")

        class Fake:
            def interpret(self, text, state):  # type: ignore[no-untyped-def]
                return Interpretation([Intent(IntentKind.credits)])

        class NoSession:
            def begin_nested(self):  # type: ignore[no-untyped-def]
                import contextlib

                return contextlib.nullcontext()

        assistant = Assistant(Fake(), tools=registry)
        c = ctx({"lexi"})
        c.session = NoSession()  # type: ignore[assignment]
        result = assistant.act(c, assistant.plan(c, assistant.understand(c, "x")))
        [action] = result.actions
        assert action["status"] == "failed" and action["error"] == "tool_failed"
        assert "boom" not in result.reply and "nothing was changed" in result.reply


class TestListContents:
    def test_who_is_on_a_list_runs_the_stats_tool_showing_its_people(self):
        """ "who's on Brand Partners?" asks for the people: the list's stats with its first
        members, by the same tool as "how many are in it"."""
        (spec,) = REGISTRY.for_intent(IntentKind.list_contents)
        assert spec.name == "list_stats"
        intent = Intent(IntentKind.list_contents, list_name="Brand Partners", list_target="named")
        args = spec.from_intent(intent, ctx({"contacts:read"}))
        assert (args.list_name, args.show) == ("Brand Partners", True)
        counted = Intent(IntentKind.list_stats, list_name="Brand Partners", list_target="named")
        assert spec.from_intent(counted, ctx({"contacts:read"})).show is False
