"""The writer: what was done (the turn's actions) becomes a short, specific, honest reply.

Every sentence comes from ``phrases``; this module only chooses and fills them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from lexi.assistant import phrases
from lexi.assistant.understanding import signals
from lexi.assistant.understanding.types import IntentKind, Interpretation
from lexi.credits import prices

_QUESTIONS = {
    "prospects": phrases.NOTHING_TO_SAVE,
    "list": phrases.WHICH_LIST,
    "selection": phrases.NOBODY_SELECTED,
}


def _needs_input(action: dict[str, Any]) -> str:
    if action.get("question"):
        return phrases.question(str(action["question"]))
    if (campaign := phrases.campaign_needs_input(action)) is not None:
        return campaign
    if action.get("list_name"):
        return phrases.list_not_found(action["list_name"], action.get("known_lists") or [])
    for missing in action.get("missing") or []:
        if missing in _QUESTIONS:
            return _QUESTIONS[missing]
    return phrases.WHICH_LIST


def _failed(action: dict[str, Any]) -> str:
    error = action.get("error")
    if error == "no_pending_task":
        return phrases.NO_PENDING_TASK
    if action.get("type") in ("task_approve", "task_dismiss"):
        if error == "insufficient_permissions":
            return phrases.cannot_approve(action)
        if error == "insufficient_credits":
            return phrases.cannot_afford_task(action)
    if error == "not_available" and str(action.get("what") or "").startswith(
        ("export", "download", "csv")
    ):
        return phrases.EXPORT_RESULTS
    if error == "not_available" and action.get("reason") in phrases.CANNOT_DO:
        return phrases.CANNOT_DO[action["reason"]] + " " + phrases.NOT_AVAILABLE_HINT
    if error == "not_available":
        return phrases.not_available(action["type"])
    if error == "insufficient_permissions":
        return phrases.no_permission(action.get("required_scope", ""))
    if error == "tools_disabled":
        return phrases.TOOLS_OFF
    if action.get("message"):
        return str(action["message"])
    return phrases.tool_failed(action.get("tool", ""))


def _search(action: dict[str, Any]) -> str:
    if action.get("status") == "pending_approval":
        return phrases.approval_needed(action)
    if action.get("background"):
        return phrases.started_in_background(action)
    return phrases.search_result(action)


def _campaign(say: Callable[[dict[str, Any]], str]) -> Callable[[dict[str, Any]], str]:
    """A campaign action is described once it names its campaign."""

    def sentence(action: dict[str, Any]) -> str:
        return say(action) if action.get("campaign_id") else str(action.get("message") or "")

    return sentence


# The numbers behind the words, as the rules and the price list use them.
_CONCEPT_NUMBERS = {
    "growing_pct": signals.GROWING_FAST_PCT,
    "funding_days": signals.RECENT_FUNDING_DAYS,
    "role_days": signals.NEW_IN_ROLE_DAYS,
    "adopted_days": signals.JUST_ADOPTED_DAYS,
    "message_credits": prices.CHAT_MESSAGE,
    "search_credits": prices.PROSPECT_SEARCH,
}


def _capabilities(action: dict[str, Any]) -> str:
    if action.get("topic") in phrases.CONCEPTS:
        return phrases.concept(action["topic"], _CONCEPT_NUMBERS)
    if action.get("style") in phrases.SMALL_TALK:
        return phrases.SMALL_TALK[action["style"]]
    return phrases.capabilities(action.get("tools") or [])


# The phrasing of each action type that was carried out (or proposed for approval).
SENTENCES: dict[str, Callable[[dict[str, Any]], str]] = {
    "prospect_search": _search,
    "list_add": phrases.list_saved,
    "list_create": phrases.list_saved,
    "list_show": phrases.list_overview,
    "list_rename": phrases.list_renamed,
    "list_delete": phrases.list_delete_proposed,
    "list_export": phrases.list_exported,
    "list_merge": phrases.lists_merged,
    "list_remove": phrases.list_removed,
    "list_stats": phrases.list_stats,
    "task_approve": phrases.task_approved,
    "task_dismiss": phrases.task_dismissed,
    "campaign_create": _campaign(phrases.campaign_drafted),
    "campaign_show": _campaign(phrases.campaign_shown),
    "email_rewrite": _campaign(phrases.emails_rewritten),
    "campaign_undo": _campaign(phrases.campaign_reverted),
    "campaign_start": _campaign(phrases.campaign_start_proposed),
    "campaign_pause": _campaign(phrases.campaign_paused),
    "campaign_stats": _campaign(phrases.campaign_stats),
    "credits": lambda action: phrases.credits(int(action.get("balance", 0))),
    "tasks": phrases.tasks,
    "capabilities": _capabilities,
}


def sentence(action: dict[str, Any]) -> str:
    """One action in words."""
    status, kind = action.get("status"), action.get("type")
    if status == "needs_input":
        note = phrases.unsupported_note(action.get("unsupported") or [])
        return f"{note} {_needs_input(action)}" if note else _needs_input(action)
    if status == "failed":
        return _failed(action)
    say = SENTENCES.get(str(kind))
    if say is not None:
        return say(action)
    return action.get("message") or ""


def write(actions: list[dict[str, Any]]) -> str:
    """The whole reply: one paragraph per action, in the order they happened."""
    parts = [s for s in (sentence(a) for a in actions) if s]
    return "\n\n".join(parts) if parts else phrases.capabilities([])


def thinking(interpretation: Interpretation) -> str:
    """What Lexi understood, for the stream's ``thinking`` event."""
    for intent in interpretation.intents:
        if intent.kind == IntentKind.prospect_search and intent.filters is not None:
            return f"Looking for {phrases.describe_filters(intent.filters)}."
    return phrases.THINKING
