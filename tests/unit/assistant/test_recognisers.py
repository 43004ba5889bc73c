"""Recognisers: each intent family is one registered function with a priority; the priority,
not a place in an if-chain, decides which one reads a clause first."""

from __future__ import annotations

import pytest

from lexi.assistant.understanding import ConversationState, Intent, IntentKind, RuleInterpreter
from lexi.assistant.understanding.registry import (
    HANDLED,
    REGISTRY,
    Clause,
    Message,
    Recogniser,
    RecogniserRegistry,
    Running,
    recogniser,
)


def kinds(interpreter: RuleInterpreter, text: str) -> list[IntentKind]:
    return [i.kind for i in interpreter.interpret(text, ConversationState()).intents]


class TestBuiltIns:
    def test_they_are_asked_in_priority_order(self):
        for specs in (REGISTRY.clause_recognisers(), REGISTRY.message_recognisers()):
            priorities = [s.priority for s in specs]
            assert priorities == sorted(priorities)

    def test_every_clause_gets_an_answer_from_the_last_one(self):
        last = REGISTRY.clause_recognisers()[-1]
        assert last.name == "ask"
        assert kinds(RuleInterpreter(), "blorp zing") == [IntentKind.clarify]

    def test_a_name_is_registered_once(self):
        registry = REGISTRY.copy()
        with pytest.raises(ValueError, match="registered already"):
            registry.register(Recogniser("search", 1, lambda c: None))


class TestANewRecogniser:
    def test_a_lower_priority_reads_the_clause_first(self):
        registry = REGISTRY.copy()

        @recogniser(priority=5, registry=registry)
        def credits_word(c: Clause) -> Intent | None:
            if "ledger" in c.text.lower():
                return Intent(kind=IntentKind.credits)
            return None

        interpreter = RuleInterpreter(registry)
        assert kinds(interpreter, "show me the ledger") == [IntentKind.credits]
        # Everything else reads as before, and the shared registry is untouched.
        assert kinds(interpreter, "Find CEOs at law firms in Texas") == [IntentKind.prospect_search]
        assert kinds(RuleInterpreter(), "show me the ledger") != [IntentKind.credits]

    def test_handled_adds_no_intent_and_stops_the_clause(self):
        registry = RecogniserRegistry()

        @recogniser(priority=1, registry=registry)
        def swallow(c: Clause):
            return HANDLED

        @recogniser(priority=2, registry=registry)
        def never(c: Clause) -> Intent:
            raise AssertionError("asked after HANDLED")

        clause = Clause("anything", [], ConversationState(), Running(None, 0), [])
        assert registry.read_clause(clause) is None

    def test_a_whole_message_recogniser_answers_for_the_message(self):
        registry = REGISTRY.copy()

        @recogniser(priority=1, whole_message=True, registry=registry)
        def stop(m: Message) -> Intent | None:
            return Intent(kind=IntentKind.tasks) if m.text.lower() == "status?" else None

        assert kinds(RuleInterpreter(registry), "status?") == [IntentKind.tasks]
