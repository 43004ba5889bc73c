"""The planner: intents from any Interpreter become scoped, quoted tool calls."""

from __future__ import annotations

import uuid

import pytest

from lexi.assistant.assistant import Assistant
from lexi.assistant.context import TurnContext
from lexi.assistant.policy import ApprovalPolicy
from lexi.assistant.tools import REGISTRY
from lexi.assistant.understanding.types import (
    ConversationState,
    Intent,
    IntentKind,
    Interpretation,
)
from lexi.auth.service import Caller
from tests.helpers.chat import cohorts  # noqa: F401  (a fixture)

ALL = frozenset({"lexi", "prospects:read", "contacts:read", "contacts:write"})


_SESSION: list = []


@pytest.fixture(autouse=True)
def _read_session(cohorts):  # type: ignore[no-untyped-def]  # noqa: F811
    """Planning reads the search it quotes, so it needs the universe (a read-only session)."""
    session = cohorts.session(write=False)
    _SESSION.append(session)
    yield
    _SESSION.clear()
    session.close()


class ScriptedInterpreter:
    """A fake interpreter that answers with the intents it was given, in order."""

    def __init__(self, *scripts: list[Intent]) -> None:
        self.scripts = list(scripts)
        self.seen: list[str] = []

    def interpret(self, text: str, state: ConversationState) -> Interpretation:
        self.seen.append(text)
        return Interpretation(intents=self.scripts.pop(0), text=text)


def ctx(scopes=ALL, policy=None, **state) -> TurnContext:  # type: ignore[no-untyped-def]
    caller = Caller(
        workspace_id=uuid.uuid4(),
        key_id=uuid.uuid4(),
        key_prefix="wbk_test",
        scopes=frozenset(scopes),
        tier="unmetered",
        plan="pro",
    )
    return TurnContext(
        session=_SESSION[0],
        caller=caller,
        state=ConversationState(**state),  # type: ignore[arg-type]
        policy=policy or ApprovalPolicy(),
    )


def search(limit: int, **filters) -> Intent:  # type: ignore[no-untyped-def]
    return Intent(
        IntentKind.prospect_search, filters={"titles": ["CEO"], "limit": limit, **filters}
    )


def plan_for(*intents: Intent, context: TurnContext | None = None, allow_tools: bool = True):  # type: ignore[no-untyped-def]
    assistant = Assistant(ScriptedInterpreter(list(intents)))
    c = context or ctx()
    return assistant.plan(c, assistant.understand(c, "anything"), allow_tools=allow_tools)


class TestSearchSteps:
    def test_a_small_search_runs_now_and_is_quoted_at_six_credits(self):
        plan = plan_for(search(20))
        [step] = plan.steps
        assert step.tool.name == "search_prospects" and not step.needs_approval
        assert plan.cost == 6

    def test_above_the_auto_approve_limit_it_waits_and_costs_only_the_message_now(self):
        plan = plan_for(search(26))
        assert plan.steps[0].needs_approval and plan.cost == 1

    @pytest.mark.parametrize(
        ("mode", "limit", "needs"),
        [
            ("always", 1, True),
            ("never", 500, False),
            ("threshold", 25, False),
            ("threshold", 100, True),
        ],
    )
    def test_the_policy_decides(self, mode, limit, needs):
        policy = ApprovalPolicy(approval_mode=mode)
        plan = plan_for(search(limit), context=ctx(policy=policy))
        assert plan.steps[0].needs_approval is needs

    def test_the_context_list_is_the_default_save_target(self):
        plan = plan_for(search(5), context=ctx(context_list_id=str(uuid.uuid4())))
        assert plan.steps[0].args.list_target == "context"

    def test_search_then_add_in_one_message_folds_into_one_saving_search(self):
        add = Intent(
            IntentKind.list_add,
            list_name="Q1 Leads",
            list_target="named",
            selector={"prospects": "last_results"},
        )
        plan = plan_for(search(10), add)
        [step] = plan.steps
        assert step.args.list_target == "named" and step.args.list_name == "Q1 Leads"

    def test_two_searches_are_quoted_together(self):
        assert plan_for(search(5), search(5, locations=["CA, US"])).cost == 11

    def test_a_search_that_finds_nobody_is_quoted_at_the_message_only(self):
        assert plan_for(search(5, companies=["nobody-works-here.example.org"])).cost == 1

    def test_approval_counts_what_would_be_saved_not_what_was_asked(self):
        # 100 asked, but the company has one CEO: nothing to approve.
        few = search(100, companies=["nylawceos000.example.com"])
        plan = plan_for(few)
        assert not plan.steps[0].needs_approval and plan.cost == 6


class TestScopes:
    def test_tools_the_key_may_not_use_are_never_planned(self):
        plan = plan_for(search(5), context=ctx(scopes={"lexi"}))
        [step] = plan.steps
        assert step.tool is None and step.outcome == "forbidden"
        assert step.detail["scope"] == "prospects:read"
        assert plan.cost == 1

    def test_allow_tools_false_plans_nothing(self):
        plan = plan_for(search(5), Intent(IntentKind.credits), allow_tools=False)
        assert all(s.tool is None for s in plan.steps) and plan.cost == 1


class TestNoToolNoGuess:
    @pytest.mark.parametrize(
        "kind", [IntentKind.campaign_create, IntentKind.email_rewrite, IntentKind.campaign_start]
    )
    def test_campaign_intents_need_the_campaign_scopes(self, kind):
        [step] = plan_for(Intent(kind)).steps
        assert step.outcome == "forbidden" and step.detail["scope"] == "campaigns:write"

    def test_starting_a_campaign_always_waits_for_approval(self):
        scopes = ALL | {"campaigns:read", "campaigns:write"}
        never = ApprovalPolicy(approval_mode="never")
        [step] = plan_for(
            Intent(IntentKind.campaign_start), context=ctx(scopes=scopes, policy=never)
        ).steps
        assert step.tool.name == "start_campaign" and step.needs_approval and step.cost == 0

    def test_clarify_spends_nothing_beyond_the_message(self):
        plan = plan_for(Intent(IntentKind.clarify, missing=["roles"], question="Which roles?"))
        assert plan.steps[0].outcome == "clarify" and plan.cost == 1

    def test_removing_without_a_company_asks(self):
        [step] = plan_for(Intent(IntentKind.list_remove, list_target="context")).steps
        assert step.outcome == "clarify"


class TestTheInterpreterIsPluggable:
    def test_the_assistant_uses_whatever_interpreter_it_is_given(self):
        fake = ScriptedInterpreter([Intent(IntentKind.credits)])
        assistant = Assistant(fake)
        c = ctx()
        plan = assistant.plan(c, assistant.understand(c, "balance please"))
        assert fake.seen == ["balance please"]
        assert plan.steps[0].tool is REGISTRY.get("credits")
