"""Campaign drafts and rewrites through the model writer (a function standing in for the model),
over the REST API: the revision says which writer wrote it, bad output falls back to the built-in
writer, the workspace's data policy is obeyed, and scopes and approvals are those of the API."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import pytest

pytest.importorskip("pydantic_ai")

from pydantic_ai import models as pai_models

from lexi.assistant.model.writer import ModelWriter
from lexi.campaigns.drafting import Audience, TemplateWriter, set_writer
from lexi.worker import Worker
from tests.helpers.models import ScriptedModel
from tests.integration.campaigns.helpers import campaign, contacts, error, new_list, ok
from tests.unit.assistant.test_model_writer import BAD, EXPECTED, GOOD, emails_of

TOPIC = "legal automation"


class Model:
    """Answers drafts with ``drafts`` and rewrites with ``rewrite``; keeps every prompt."""

    def __init__(self) -> None:
        self.drafts: Any = {"emails": GOOD}
        self.scripted = ScriptedModel(self._answer)

    def _answer(self, _message: str, prompt: str) -> Any:
        if "<emails>" not in prompt:
            return self.drafts
        out = []
        for email in emails_of(prompt):
            body = email["body"].replace("Hi ", "Hey ").replace("Best,", "Cheers,")
            out.append({"subject": email["subject"], "body": body})
        return {"emails": out}

    @property
    def prompts(self) -> list[str]:
        return self.scripted.prompts


@pytest.fixture
def model() -> Iterator[Model]:
    stand_in = Model()
    set_writer(ModelWriter(stand_in.scripted.model(), name="test:scripted"))
    try:
        with pai_models.override_allow_model_requests(False):
            yield stand_in
    finally:
        set_writer(None)


def revision(client, auth, cid: str, number: int) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    return ok(client.get(f"/v1/campaigns/{cid}/revisions/{number}", headers=auth))


def set_data(client, auth, data: str) -> None:  # type: ignore[no-untyped-def]
    assert ok(client.patch("/v1/lexi/model", headers=auth, json={"data": data}))["data"] == data


class TestDraftsAndRewritesThroughTheModel:
    def test_a_topic_is_drafted_by_the_model_and_the_revision_says_so(
        self, client, auth, model
    ) -> None:
        lst = new_list(client, auth, contacts(client, auth, 3))
        c = campaign(client, auth, list_id=lst["id"], topic=TOPIC, tone="casual")
        assert [s["subject"] for s in c["steps"]] == [e["subject"] for e in GOOD]
        assert [s["send_condition"] for s in c["steps"]] == ["always", "if_no_reply", "if_no_reply"]
        written = revision(client, auth, c["id"], 1)["written_by"]
        assert written["writer"] == "model" and written["model"] == "test:scripted"
        assert written["fallback"] is None and written["usage"]["requests"] == 1
        # The default policy ("message") sends no contact data: not the list's titles either.
        [prompt] = model.prompts
        assert TOPIC in prompt and "CEO" not in prompt and "Ann0" not in prompt

    def test_rewrite_goes_through_the_model(self, client, auth, model) -> None:
        c = campaign(client, auth, topic=TOPIC)
        rev = ok(
            client.post(
                f"/v1/campaigns/{c['id']}/rewrite",
                headers=auth,
                json={"instruction": "make it more casual"},
            )
        )
        assert rev["number"] == 2 and rev["change"] == "more casual"
        assert rev["written_by"]["writer"] == "model"
        assert all(s["body"].startswith("Hey ") for s in rev["steps"])
        assert all(s["body"].endswith("Cheers,") for s in rev["steps"])
        # Undo and restore keep working on model-written revisions.
        back = ok(client.post(f"/v1/campaigns/{c['id']}/undo", headers=auth))
        assert [s["body"] for s in back["steps"]] == [e["body"] for e in GOOD]
        assert back["written_by"] is None

    def test_with_contact_fields_allowed_the_audience_is_sent(self, client, auth, model) -> None:
        set_data(client, auth, "message_and_contacts")
        lst = new_list(client, auth, contacts(client, auth, 3, title="Managing Partner"))
        campaign(client, auth, list_id=lst["id"], topic=TOPIC)
        [prompt] = model.prompts
        audience = json.loads(re.search(r"<audience>(.*?)</audience>", prompt).group(1))  # type: ignore[union-attr]
        assert audience == {"job_titles": ["Managing Partner"], "industries": []}
        assert "Ann0" not in prompt and "@example.com" not in prompt and "Firm 0" not in prompt

    def test_the_model_is_asked_while_other_requests_can_write(
        self, client, auth, model, factory
    ) -> None:
        # The stand-in writes to the database while the request waits for it: were the request
        # holding the write lock (SQLite) during the model call, this write could not happen.
        made = []

        def answer(message: str, prompt: str) -> Any:
            made.append(factory.workspace())
            return model._answer(message, prompt)

        model.scripted.brain = answer
        lst = new_list(client, auth, contacts(client, auth, 2))
        c = campaign(client, auth, list_id=lst["id"], topic=TOPIC)
        assert revision(client, auth, c["id"], 1)["written_by"]["writer"] == "model"
        r = client.post(
            f"/v1/campaigns/{c['id']}/rewrite", headers=auth, json={"instruction": "more casual"}
        )
        assert ok(r)["written_by"]["writer"] == "model" and len(made) == 2


class TestFallback:
    @pytest.mark.parametrize("case", sorted(BAD))
    def test_bad_output_keeps_the_built_in_writers_draft(
        self, client, auth, model, case: str
    ) -> None:
        model.drafts = {"emails": BAD[case]}
        c = campaign(client, auth, topic=TOPIC)
        expected = TemplateWriter().draft(TOPIC, Audience())
        assert [(s["subject"], s["body"]) for s in c["steps"]] == [
            (s.subject, s.body) for s in expected
        ]
        written = revision(client, auth, c["id"], 1)["written_by"]
        assert written["writer"] == "template" and written["model"] == "test:scripted"
        assert written["fallback"] == EXPECTED[case] and written["problems"]

    def test_invalid_json_falls_back(self, client, auth, model) -> None:
        model.drafts = "Sure! Here is a great email sequence for you."
        c = campaign(client, auth, topic=TOPIC)
        assert revision(client, auth, c["id"], 1)["written_by"]["fallback"] == "invalid_output"

    def test_a_workspace_that_sends_nothing_never_reaches_the_model(
        self, client, auth, model
    ) -> None:
        set_data(client, auth, "none")
        c = campaign(client, auth, topic=TOPIC)
        r = client.post(
            f"/v1/campaigns/{c['id']}/rewrite", headers=auth, json={"instruction": "shorter"}
        )
        assert ok(r)["written_by"] == {
            "writer": "template", "model": None, "fallback": "data_policy", "problems": [],
            "usage": {},
        }  # fmt: skip
        assert revision(client, auth, c["id"], 1)["written_by"]["fallback"] == "data_policy"
        assert model.prompts == []


class TestPersonalizeEmail:
    def dana(self, client, auth) -> str:  # type: ignore[no-untyped-def]
        body = {"first_name": "Dana", "last_name": "Reyes", "email": "dana@reyes-law.example.com",
                "job_title": "Managing Partner", "company_name": "Reyes Law"}  # fmt: skip
        return str(ok(client.post("/v1/contacts", headers=auth, json=body), 201)["id"])

    def test_one_email_through_the_model_merged_from_the_contact(self, client, auth, model) -> None:
        body = {"contact_id": self.dana(client, auth), "intent": TOPIC}
        out = ok(client.post("/v1/lexi/personalize-email", headers=auth, json=body))
        assert out["written_by"]["writer"] == "model"
        assert out["subject"] == GOOD[0]["subject"]
        assert out["body_text"].startswith("Hi Dana,") and "Reyes Law" in out["body_text"]
        [prompt] = model.prompts
        assert "Dana" not in prompt and "Reyes" not in prompt  # merged by Lexi, never sent

    def test_bad_output_privacy_off_and_402_keep_the_rules(
        self, client, auth, model, factory
    ) -> None:
        model.drafts = {"emails": BAD["invented_company"]}
        body = {"contact_id": self.dana(client, auth), "intent": TOPIC}
        out = ok(client.post("/v1/lexi/personalize-email", headers=auth, json=body))
        assert out["written_by"]["fallback"] == "invented_fact" and "Acme" not in out["body_text"]
        set_data(client, auth, "none")
        asked = len(model.prompts)
        out = ok(client.post("/v1/lexi/personalize-email", headers=auth, json=body))
        assert out["written_by"]["fallback"] == "data_policy" and len(model.prompts) == asked
        poor = factory.workspace(credits=1)
        headers = factory.headers(poor.id)
        body = {"contact_id": self.dana(client, headers), "intent": TOPIC}
        error(client.post("/v1/lexi/personalize-email", headers=headers, json=body), 402,
              "insufficient_credits")  # fmt: skip
        assert len(model.prompts) == asked  # refused before any model is asked


class TestTheRulesStillHold:
    def test_a_key_without_the_scope_reaches_no_model(
        self, client, factory, workspace, model
    ) -> None:
        reader = factory.headers(workspace.id, scopes=["campaigns:read"])
        r = client.post("/v1/campaigns", headers=reader, json={"name": "X", "topic": TOPIC})
        error(r, 403, "insufficient_permissions")
        assert model.prompts == []

    def test_a_model_draft_is_launched_only_on_approval_and_then_frozen(
        self, client, auth, db, model
    ) -> None:
        lst = new_list(client, auth, contacts(client, auth, 2))
        c = campaign(client, auth, list_id=lst["id"], topic=TOPIC)
        started = ok(client.post(f"/v1/campaigns/{c['id']}/start", headers=auth))
        task = ok(client.get(f"/v1/lexi/tasks/{started['task_id']}", headers=auth))
        assert task["status"] == "pending" and task["metadata"]["revision"] == 1
        assert (
            ok(client.get(f"/v1/campaigns/{c['id']}/stats", headers=auth))["scheduled_count"] == 0
        )
        ok(client.post(f"/v1/lexi/tasks/{started['task_id']}/approve", headers=auth))
        Worker(db).run_until_idle()
        assert ok(client.get(f"/v1/campaigns/{c['id']}", headers=auth))["status"] == "active"
        # An active campaign is not rewritten, and the model is not even asked.
        asked = len(model.prompts)
        r = client.post(
            f"/v1/campaigns/{c['id']}/rewrite", headers=auth, json={"instruction": "shorter"}
        )
        error(r, 409, "conflict")
        assert len(model.prompts) == asked
