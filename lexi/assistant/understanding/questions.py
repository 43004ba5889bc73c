"""The clarifying questions understanding asks, keyed by what is missing."""

from __future__ import annotations

from .types import Intent, IntentKind

QUESTIONS: dict[str, str] = {
    "roles": "Which roles should I look for? For example CEOs, heads of marketing or VPs of Sales.",
    "search": "There is no earlier search to build on. Who should I look for? For example "
    '"Find 20 CEOs at law firms in New York".',
    "list": "Which list do you mean? Name it, for example \"add them to my 'Q1 Leads' list\".",
    "list_name": "What should I call the new list?",
    "prospects": "Which people do you mean? Run a search first, for example "
    '"Find 20 CEOs at law firms in New York".',
    "who": 'Who should I remove from the list? For example "remove anyone at Acme from the list".',
    "permission": "I can't change rules, credits, approvals, keys or workspaces from chat. I can find "
    "prospects, manage your lists, and tell you your credits or pending tasks.",
    "request": "I'm not sure what you'd like me to do. I can find prospects (\"Find 20 CEOs at law "
    'firms in New York"), save them to lists, and check your credits or pending tasks.',
}


def question(missing: str) -> str:
    return QUESTIONS.get(missing, QUESTIONS["request"])


def clarify(missing: str) -> Intent:
    """A clarifying question about what is missing."""
    return Intent(kind=IntentKind.clarify, missing=[missing], question=question(missing))
