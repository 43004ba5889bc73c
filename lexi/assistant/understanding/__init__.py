"""Lexi's built-in language understanding: a message plus conversation state -> intents.

``interpret(text, state)`` is deterministic and offline (alias tables, patterns, the gazetteer in
``lexi.geo`` and rapidfuzz for typos); ``RuleInterpreter`` implements the ``Interpreter`` protocol
so another interpreter (e.g. an LLM) can stand in for it.
"""

from .interpreter import RuleInterpreter, interpret
from .types import ConversationState, Intent, IntentKind, Interpretation, Interpreter

__all__ = [
    "ConversationState",
    "Intent",
    "IntentKind",
    "Interpretation",
    "Interpreter",
    "RuleInterpreter",
    "interpret",
]
