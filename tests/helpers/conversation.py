"""Conversation states for understanding tests: the state the planner leaves after labelled turns."""

from __future__ import annotations

from lexi.assistant.understanding import interpret
from lexi.assistant.understanding.evaluation import advance, labelled, next_turn
from lexi.assistant.understanding.types import ConversationState, Intent


def state_after(*turns: list[dict], known: list[str] | None = None) -> ConversationState:
    """The state after each turn's labelled intents, ready for the next message."""
    state = ConversationState(known_list_names=list(known or []))
    for intents in turns:
        next_turn(state)
        advance(state, labelled(intents))
    next_turn(state)
    return state


def searched(filters: dict) -> list[dict]:
    """The labelled intents of a turn that searched with ``filters``."""
    return [{"kind": "prospect_search", "filters": filters}]


def one_intent(text: str, state: ConversationState) -> Intent:
    intents = interpret(text, state).intents
    assert len(intents) == 1, intents
    return intents[0]
