"""The writer: what was done (the turn's actions) becomes a short, specific, honest reply.

Every sentence comes from ``phrases``; this module only chooses and fills them.
"""

from __future__ import annotations

from typing import Any

from lexi.assistant import phrases
from lexi.assistant.understanding.types import IntentKind, Interpretation

_QUESTIONS = {
    "prospects": phrases.NOTHING_TO_SAVE,
    "list": phrases.WHICH_LIST,
    "selection": phrases.NOBODY_SELECTED,
}


def _needs_input(action: dict[str, Any]) -> str:
    if action.get("question"):
        return str(action["question"])
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
    if error == "not_available":
        return phrases.not_available(action["type"])
    if error == "insufficient_permissions":
        return phrases.no_permission(action.get("required_scope", ""))
    if error == "tools_disabled":
        return phrases.TOOLS_OFF
    if action.get("message"):
        return str(action["message"])
    return phrases.tool_failed(action.get("tool", ""))


_CAMPAIGN_SENTENCES = {
    "campaign_create": phrases.campaign_drafted,
    "campaign_show": phrases.campaign_shown,
    "email_rewrite": phrases.emails_rewritten,
    "campaign_undo": phrases.campaign_reverted,
    "campaign_start": phrases.campaign_start_proposed,
    "campaign_pause": phrases.campaign_paused,
    "campaign_stats": phrases.campaign_stats,
}


def sentence(action: dict[str, Any]) -> str:
    """One action in words."""
    status, kind = action.get("status"), action.get("type")
    if status == "needs_input":
        note = phrases.unsupported_note(action.get("unsupported") or [])
        return f"{note} {_needs_input(action)}" if note else _needs_input(action)
    if status == "failed":
        return _failed(action)
    if kind == "prospect_search":
        if status == "pending_approval":
            return phrases.approval_needed(action)
        if action.get("background"):
            return phrases.started_in_background(action)
        return phrases.search_result(action)
    if kind in ("list_add", "list_create"):
        return phrases.list_saved(action)
    if kind == "list_show":
        return phrases.list_overview(action)
    if kind == "list_rename":
        return phrases.list_renamed(action)
    if kind == "list_delete":
        return phrases.list_delete_proposed(action)
    if kind == "list_export":
        return phrases.list_exported(action)
    if kind == "list_merge":
        return phrases.lists_merged(action)
    if kind == "task_approve":
        return phrases.task_approved(action)
    if kind == "task_dismiss":
        return phrases.task_dismissed(action)
    if kind in _CAMPAIGN_SENTENCES and action.get("campaign_id"):
        return _CAMPAIGN_SENTENCES[kind](action)
    if kind == "list_remove":
        return phrases.list_removed(action)
    if kind == "list_stats":
        return phrases.list_stats(action)
    if kind == "credits":
        return phrases.credits(int(action.get("balance", 0)))
    if kind == "tasks":
        return phrases.tasks(action)
    if kind == "capabilities":
        if action.get("style") in phrases.SMALL_TALK:
            return phrases.SMALL_TALK[action["style"]]
        return phrases.capabilities(action.get("tools") or [])
    return action.get("message") or ""


def write(actions: list[dict[str, Any]]) -> str:
    """The whole reply: one paragraph per action, in the order they happened."""
    parts = [s for s in (sentence(a) for a in actions) if s]
    return "\n\n".join(parts) if parts else phrases.capabilities([])


def thinking(interpretation: Interpretation) -> str:
    """What Lexi understood, for the stream's ``thinking`` event."""
    for intent in interpretation.intents:
        if intent.kind == IntentKind.prospect_search and intent.filters:
            return f"Looking for {phrases.describe_filters(intent.filters)}."
    return phrases.THINKING
