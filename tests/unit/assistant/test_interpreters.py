"""The interpreter as an extension point: a setting picks it, a fallback backs it with the rules."""

from __future__ import annotations

import pytest

from lexi.assistant.understanding import (
    ConversationState,
    Intent,
    IntentKind,
    Interpretation,
    RuleInterpreter,
)
from lexi.assistant.understanding.interpreters import (
    FallbackInterpreter,
    FunctionInterpreter,
    configured_interpreter,
    load_interpreter,
)

CFOS = {"titles": ["CFO"], "limit": 5}


def always_cfos(text: str, state: ConversationState) -> list[Intent]:
    return [Intent(kind=IntentKind.prospect_search, filters=dict(CFOS))]


def broken(text: str, state: ConversationState) -> Interpretation:
    raise RuntimeError("the model is down")


def puzzled(text: str, state: ConversationState) -> list[Intent]:
    return [Intent(kind=IntentKind.clarify, missing=["request"])]


class CfoInterpreter:
    """A class an operator could name in LEXI_INTERPRETER."""

    def interpret(self, text: str, state: ConversationState) -> Interpretation:
        return FunctionInterpreter(always_cfos).interpret(text, state)


def cfo_factory() -> FunctionInterpreter:
    return FunctionInterpreter(always_cfos)


class TestFunctionInterpreter:
    def test_a_function_is_an_interpreter(self):
        got = FunctionInterpreter(always_cfos).interpret("anything", ConversationState())
        assert got.first is not None and got.first.filters == CFOS
        assert got.text == "anything"


class TestFallbackInterpreter:
    def test_the_first_answer_that_understands_wins(self):
        chain = FallbackInterpreter(FunctionInterpreter(always_cfos), RuleInterpreter())
        assert chain.interpret("find CEOs", ConversationState()).first.filters == CFOS

    @pytest.mark.parametrize("first", [broken, puzzled])
    def test_the_rules_answer_when_the_first_fails_or_understands_nothing(self, first):
        chain = FallbackInterpreter(FunctionInterpreter(first), RuleInterpreter())
        got = chain.interpret("find 10 CEOs at law firms", ConversationState())
        assert got.first.filters == {"titles": ["CEO"], "industries": ["Law Practice"], "limit": 10}

    def test_it_needs_an_interpreter(self):
        with pytest.raises(ValueError):
            FallbackInterpreter()


class TestTheSetting:
    @pytest.mark.parametrize("name", ["CfoInterpreter", "cfo_factory"])
    def test_a_class_or_a_factory_by_name(self, name):
        chosen = load_interpreter(f"{__name__}:{name}")
        assert chosen.interpret("x", ConversationState()).first.filters == CFOS

    def test_rules_by_default(self):
        assert isinstance(load_interpreter("rules"), RuleInterpreter)
        assert isinstance(configured_interpreter("rules"), RuleInterpreter)

    def test_a_custom_interpreter_is_backed_by_the_rules_unless_told_not_to(self):
        backed = configured_interpreter(f"{__name__}:CfoInterpreter")
        assert isinstance(backed, FallbackInterpreter)
        assert isinstance(backed.interpreters[-1], RuleInterpreter)
        alone = configured_interpreter(f"{__name__}:CfoInterpreter", fallback=False)
        assert isinstance(alone, CfoInterpreter)

    @pytest.mark.parametrize("spec", ["nonsense", f"{__name__}:CFOS"])
    def test_a_wrong_name_is_a_clear_error(self, spec):
        with pytest.raises(ValueError):
            load_interpreter(spec)


def test_create_app_uses_the_configured_interpreter(settings, db):
    from lexi.app import create_app

    app = create_app(
        settings.model_copy(update={"interpreter": f"{__name__}:CfoInterpreter"}), db=db
    )
    got = app.state.assistant.interpreter.interpret("find CEOs", ConversationState())
    assert got.first.filters == CFOS


def test_a_rule_that_fails_asks_to_rephrase_and_logs(monkeypatch, caplog):
    """A rule failing on a message nobody tried is logged (its length, not its text) and the
    turn asks the user to rephrase, instead of the chat answering 500."""
    from lexi.assistant.understanding import registry as reg

    def fails(self, clause):
        raise IndexError("list index out of range")

    monkeypatch.setattr(reg.RecogniserRegistry, "read_clause", fails)
    with caplog.at_level("ERROR", logger="lexi.understanding"):
        got = RuleInterpreter().interpret("CFOs at banks in Ohio", ConversationState())
    assert [(i.kind, i.missing) for i in got.intents] == [(IntentKind.clarify, ["request"])]
    assert "understanding failed on a message of 21 characters" in caplog.text
    assert "banks in Ohio" not in caplog.text.split("Traceback")[0]


def test_a_state_code_that_is_also_a_country_code_listed_with_states():
    """ "PA and NJ": Pennsylvania (not Panama) beside New Jersey; Panama beside Costa Rica."""
    text = 'Director of Nursing OR "Assistant Director of Nursing" — nursing homes — PA and NJ'
    got = RuleInterpreter().interpret(text, ConversationState())
    assert got.intents[0].filters.locations == ["PA, US", "NJ, US"]
    got = RuleInterpreter().interpret("CEOs in Panama and Costa Rica", ConversationState())
    assert got.intents[0].filters.locations == ["PA", "CR"]
