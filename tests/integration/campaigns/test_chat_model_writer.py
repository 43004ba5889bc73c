"""Campaign chat turns through the model writer (a function standing in for the model): drafting
and rewriting in POST /v1/lexi/chat reach the model through the campaigns ``Writer`` interface,
say which writer wrote the emails, fall back to the built-in writer on bad output, and keep the
chat's scopes, credits and approvals. Also with the model interpreter reading the messages."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

pytest.importorskip("pydantic_ai")

from lexi.assistant.assistant import Assistant
from lexi.assistant.model.interpreter import ModelInterpreter
from lexi.campaigns.drafting import Audience, TemplateWriter
from lexi.credits import service as credits_service
from tests.helpers.models import ScriptedModel, intents
from tests.integration.campaigns.helpers import contacts, new_list, ok
from tests.integration.campaigns.test_model_writer_api import model  # noqa: F401  (a fixture)
from tests.unit.assistant.test_model_writer import BAD, GOOD

TOPIC = "legal automation"


def talk(client, auth, message: str, **context: Any) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    body: dict[str, Any] = {"message": message}
    if context:
        body["context"] = context
    return ok(client.post("/v1/lexi/chat", headers=auth, json=body))


@pytest.fixture
def q1(client, auth):  # type: ignore[no-untyped-def]
    return new_list(
        client, auth, contacts(client, auth, 3), name=f"Q1 Leads {uuid.uuid4().hex[:4]}"
    )


def create(client, auth, lst) -> tuple[dict[str, Any], dict[str, Any]]:  # type: ignore[no-untyped-def]
    data = talk(
        client, auth, f"Create an outreach campaign for my '{lst['name']}' list about {TOPIC}"
    )
    [action] = data["actions"]
    assert action["type"] == "campaign_create" and action["status"] == "completed", data
    return data, action


def built_in_draft() -> list[tuple[str, str]]:
    # The list's contacts are CEOs (see helpers.contacts); the tone is the default.
    return [(s.subject, s.body) for s in TemplateWriter().draft(TOPIC, Audience(("CEO",)))]


class TestChatTurnsThroughTheModelWriter:
    def test_create_and_rewrite_go_through_the_model(self, client, auth, q1, model, db, workspace):  # type: ignore[no-untyped-def]  # noqa: F811
        with db.unit_of_work() as s:
            before = credits_service.balance(s, workspace.id)
        data, created = create(client, auth, q1)
        assert created["written_by"]["writer"] == "model"
        assert created["written_by"]["model"] == "test:scripted"
        assert [s["subject"] for s in created["steps"]] == [e["subject"] for e in GOOD]
        assert GOOD[0]["subject"] in data["response"]
        conv = data["conversation_id"]
        casual = talk(client, auth, "make the email more casual", conversation_id=conv)
        [a] = casual["actions"]
        assert a["type"] == "email_rewrite" and a["revision"] == 2
        assert a["written_by"]["writer"] == "model" and a["written_by"]["fallback"] is None
        assert all(s["body"].startswith("Hey ") for s in a["steps"])
        assert len(model.prompts) == 2
        # The record is kept with the conversation's tool steps too.
        kept = ok(
            client.get(f"/v1/lexi/conversations/{conv}?include_tool_steps=true", headers=auth)
        )
        outputs = [m["tool_output"] for m in kept["messages"] if m.get("tool_output")]
        assert [o["written_by"]["writer"] for o in outputs if "written_by" in o] == ["model"] * 2
        # Each turn costs its message only, as with the built-in writer.
        assert casual["credits_used"] == 1 and data["credits_used"] == 1
        with db.unit_of_work() as s:
            assert credits_service.balance(s, workspace.id) == before - 2

    @pytest.mark.parametrize("case", ["invented_company", "unknown_variable", "too_long"])
    def test_bad_output_falls_back_to_the_built_in_writer(  # type: ignore[no-untyped-def]
        self,
        client,
        auth,
        q1,
        model,  # noqa: F811
        case: str,
    ) -> None:
        model.drafts = {"emails": BAD[case]}
        data, created = create(client, auth, q1)
        assert created["written_by"]["writer"] == "template"
        assert created["written_by"]["fallback"] in (
            "invented_fact",
            "unknown_variable",
            "too_long",
        )
        assert [(s["subject"], s["body"]) for s in created["steps"]] == built_in_draft()
        assert data["credits_used"] == 1

    def test_a_rewrite_with_bad_output_falls_back(self, client, auth, q1, model) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
        data, created = create(client, auth, q1)
        model.scripted.brain = lambda _m, p: {"emails": BAD["spam"]} if "<emails>" in p else None
        shorter = talk(client, auth, "make it shorter", conversation_id=data["conversation_id"])
        [a] = shorter["actions"]
        assert a["type"] == "email_rewrite" and a["status"] == "completed"
        assert a["written_by"]["writer"] == "template"
        assert a["written_by"]["fallback"] in ("invalid_output", "spam_phrase", "too_long")
        assert sum(len(s["body"].split()) for s in a["steps"]) < sum(
            len(s["body"].split()) for s in created["steps"]
        )

    def test_privacy_off_uses_the_built_in_writer(self, client, auth, q1, model) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
        ok(client.patch("/v1/lexi/model", headers=auth, json={"data": "none"}))
        _, created = create(client, auth, q1)
        assert created["written_by"]["fallback"] == "data_policy"
        assert [(s["subject"], s["body"]) for s in created["steps"]] == built_in_draft()
        assert model.prompts == []


class TestTheRulesStillHold:
    def test_no_scope_no_model_and_launch_waits_for_approval(  # type: ignore[no-untyped-def]
        self,
        client,
        auth,
        factory,
        workspace,
        q1,
        model,  # noqa: F811
    ) -> None:
        headers = factory.headers(workspace.id, scopes=["lexi", "contacts:read"])
        denied = talk(client, headers, f"Create a campaign for my '{q1['name']}' list about AI")
        assert denied["actions"][0]["error"] == "insufficient_permissions"
        assert model.prompts == []
        data, created = create(client, auth, q1)
        start = talk(client, auth, "start the campaign", conversation_id=data["conversation_id"])
        assert start["requires_approval"] is True and start["task_id"]
        assert start["actions"][0]["revision"] == created["revision"]
        c = ok(client.get(f"/v1/campaigns/{created['campaign_id']}", headers=auth))
        assert c["status"] == "pending_approval"


class TestWithTheModelInterpreterToo:
    def test_one_model_reads_the_message_and_writes_the_emails(  # type: ignore[no-untyped-def]
        self,
        app,
        client,
        auth,
        q1,
        model,  # noqa: F811
    ) -> None:
        message = f"Create an outreach campaign for my '{q1['name']}' list about {TOPIC}"
        reader = ScriptedModel(
            lambda text, _p: (
                intents({"kind": "campaign_create", "list_name": q1["name"], "topic": TOPIC})
                if text == message
                else "?"
            )
        )
        app.state.assistant = Assistant(
            interpreter=ModelInterpreter(reader.model(), name="test:reader")
        )
        data = talk(client, auth, message)
        create_action, understanding = data["actions"]
        assert understanding["interpreter"] == "model", understanding
        assert create_action["type"] == "campaign_create"
        assert create_action["written_by"]["writer"] == "model"
        assert len(reader.prompts) == 1 and len(model.prompts) == 1
