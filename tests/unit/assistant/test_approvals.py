"""Approving by chat needs exactly what the tasks API needs, and says where else to approve."""

from __future__ import annotations

from lexi.app import create_app
from lexi.assistant import writer
from lexi.assistant.tools import REGISTRY
from lexi.assistant.understanding import ConversationState, interpret
from lexi.config import Settings
from lexi.openapi import api_routes, route_scopes
from lexi.tasks import service as tasks_service


def _rest_scopes(suffix: str) -> set[str]:
    app = create_app(Settings(database_url="sqlite://", redis_url=None))
    found = [
        set(route_scopes(route))
        for path, methods, route in api_routes(app)
        if path.endswith(f"/lexi/tasks/{{task_id}}/{suffix}") and "POST" in methods
    ]
    assert len(found) == 1
    return found[0]


def test_chat_approval_and_dismissal_need_the_scope_of_the_rest_calls():
    assert _rest_scopes("approve") == {tasks_service.APPROVAL_SCOPE.value}
    assert _rest_scopes("dismiss") == {tasks_service.APPROVAL_SCOPE.value}
    for name in ("approve_task", "dismiss_task"):
        assert REGISTRY.get(name).scope == tasks_service.APPROVAL_SCOPE


def test_a_key_without_the_scope_is_told_how_to_approve_elsewhere():
    reply = writer.sentence(
        {
            "type": "task_approve",
            "status": "failed",
            "error": "insufficient_permissions",
            "required_scope": "lexi",
            "task_id": "1234",
        }
    )
    assert reply == (
        "This API key can't approve or cancel tasks (it needs the 'lexi' scope). Approve it in "
        "the Lexi web app, with `lexi tasks approve 1234`, or with "
        "POST /v1/lexi/tasks/1234/approve using a key that has that scope."
    )


def test_yes_approves_only_when_something_waits():
    waiting = ConversationState(pending_task_ids=["t1"])
    assert [i.kind.value for i in interpret("yes", waiting).intents] == ["task_approve"]
    assert [i.kind.value for i in interpret("yes", ConversationState()).intents] != ["task_approve"]
    for text in ("approve all tasks", "auto-approve everything", "approve all my tasks now"):
        assert interpret(text, waiting).intents[0].missing == ["permission"]
