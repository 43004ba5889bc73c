"""POST /v1/lexi/personalize-email: one email for one contact, 2 credits charged exactly once,
idempotent with Idempotency-Key, 402 when short, merge fields filled, facts only from the
contact's own fields."""

from __future__ import annotations

import re
import uuid

import pytest

from lexi.credits import prices
from tests.integration.campaigns.helpers import error, ok

PATH = "/v1/lexi/personalize-email"


def balance(client, headers) -> int:
    return ok(client.get("/v1/credits", headers=headers))["balance"]


@pytest.fixture
def dana(client, auth):
    return ok(
        client.post(
            "/v1/contacts",
            headers=auth,
            json={
                "first_name": "Dana",
                "last_name": "Reyes",
                "email": f"dana-{uuid.uuid4().hex[:6]}@firm.example",
                "job_title": "Managing Partner",
                "company_name": "Reyes & Cole LLP",
                "company_industry": "Law Practice",
            },
        ),
        201,
    )


class TestTheEmail:
    def test_merge_fields_are_filled_from_the_contact_and_two_credits_are_charged(
        self, client, auth, dana
    ):
        before = balance(client, auth)
        data = ok(client.post(PATH, headers=auth, json={"contact_id": dana["id"],
                                                         "intent": "legal automation"}))  # fmt: skip
        assert set(data) == {
            "subject", "body_text", "body_html", "personalization_notes",
            "reading_time_seconds", "credits_remaining", "written_by",
        }  # fmt: skip
        assert data["written_by"]["writer"] == "template"  # no model configured
        assert (
            data["credits_remaining"] == before - prices.PERSONALIZE_EMAIL == balance(client, auth)
        )
        assert data["body_text"].startswith("Hi Dana,")
        assert "{{" not in data["subject"] + data["body_text"] + data["body_html"]
        assert "<p>Hi Dana,</p>" in data["body_html"]
        assert data["subject"] and data["reading_time_seconds"] > 0
        notes = " ".join(data["personalization_notes"])
        assert "Dana" in notes and "Managing Partner" in notes

    def test_no_fact_about_the_contact_is_invented(self, client, auth, dana):
        """A twin with other name, company and place but the same role and industry gets the
        same email with only the merge fields changed: nothing else about a contact is used."""
        twin = ok(client.post("/v1/contacts", headers=auth, json={
            "first_name": "Omar", "last_name": "Haddad", "email": "omar@haddad.example",
            "job_title": "Managing Partner", "company_name": "Haddad Legal",
            "company_industry": "Law Practice", "city": "Boston", "company_employee_count": 40,
        }), 201)  # fmt: skip
        body = {"intent": "contract review", "tone": "warm"}
        mine = ok(client.post(PATH, headers=auth, json={**body, "contact_id": dana["id"]}))
        theirs = ok(client.post(PATH, headers=auth, json={**body, "contact_id": twin["id"]}))

        def neutral(text: str, first: str, company: str) -> str:
            return text.replace(first, "<first>").replace(company, "<company>")

        for key in ("subject", "body_text"):
            assert neutral(mine[key], "Dana", "Reyes & Cole LLP") == neutral(
                theirs[key], "Omar", "Haddad Legal"
            )
        assert "Boston" not in theirs["body_text"] and "40" not in theirs["body_text"]

    def test_a_contact_without_fields_gets_the_fallbacks(self, client, auth):
        bare = ok(client.post("/v1/contacts", headers=auth, json={"email": "x@bare.example"}), 201)
        data = ok(client.post(PATH, headers=auth, json={"contact_id": bare["id"],
                                                         "intent": "legal automation"}))  # fmt: skip
        assert re.match(r"(Hi|Hello|Dear|Hey) there,", data["body_text"])
        assert any("fallback" in n for n in data["personalization_notes"])

    @pytest.mark.parametrize("tone", ["professional", "warm", "formal", "casual"])
    def test_tones_and_lengths(self, client, auth, dana, tone):
        short, medium, long = (
            ok(client.post(PATH, headers=auth, json={"contact_id": dana["id"], "intent":
               "legal automation", "tone": tone, "length": n}))["body_text"]
            for n in ("short", "medium", "long")
        )  # fmt: skip
        assert len(short.split()) <= len(medium.split()) <= len(long.split())
        assert len(short.split()) < len(long.split())

    def test_a_template_is_merged_and_unknown_variables_are_refused(self, client, auth, dana):
        data = ok(client.post(PATH, headers=auth, json={
            "contact_id": dana["id"], "intent": "legal automation",
            "template": "Hi {{first_name|there}},\n\nA note for {{company_name|your team}}.",
        }))  # fmt: skip
        assert data["body_text"] == "Hi Dana,\n\nA note for Reyes & Cole LLP."
        before = balance(client, auth)
        err = error(client.post(PATH, headers=auth, json={
            "contact_id": dana["id"], "intent": "x", "template": "Hi {{nickname}}",
        }), 400, "validation_error")  # fmt: skip
        assert "nickname" in err["message"]
        assert balance(client, auth) == before  # refused requests cost nothing


class TestCreditsAndIdempotency:
    def test_a_replay_with_the_same_key_charges_once_and_answers_the_same(self, client, auth, dana):
        before = balance(client, auth)
        body = {"contact_id": dana["id"], "intent": "legal automation"}
        key = {"Idempotency-Key": f"pe-{uuid.uuid4()}"}
        first = client.post(PATH, headers={**auth, **key}, json=body)
        second = client.post(PATH, headers={**auth, **key}, json=body)
        assert first.status_code == second.status_code == 200
        assert first.json() == second.json()
        assert second.headers.get("idempotent-replayed") == "true"
        assert balance(client, auth) == before - prices.PERSONALIZE_EMAIL
        other = client.post(PATH, headers={**auth, **key}, json={**body, "tone": "casual"})
        assert other.status_code == 409
        assert other.json()["error"]["code"] == "idempotency_conflict"

    def test_short_of_credits_is_402_before_anything(self, client, factory):
        ws = factory.workspace(credits=1)
        headers = factory.headers(ws.id)
        contact = ok(client.post("/v1/contacts", headers=headers, json={"email": "a@b.example"}),
                     201)  # fmt: skip
        err = error(client.post(PATH, headers=headers, json={"contact_id": contact["id"],
                                                             "intent": "AI"}),
                    402, "insufficient_credits")  # fmt: skip
        assert err["details"] == {"balance": 1, "required": 2}
        assert balance(client, headers) == 1


class TestBadInput:
    def test_another_workspaces_contact_is_404_and_free(self, client, auth, factory):
        other = factory.workspace(credits=10)
        theirs = ok(client.post("/v1/contacts", headers=factory.headers(other.id),
                                json={"email": "t@their.example"}), 201)  # fmt: skip
        before = balance(client, auth)
        error(client.post(PATH, headers=auth, json={"contact_id": theirs["id"], "intent": "AI"}),
              404, "contact_not_found")  # fmt: skip
        assert balance(client, auth) == before

    @pytest.mark.parametrize(
        "body",
        [
            {"intent": "AI"},
            {"contact_id": "not-a-uuid", "intent": "AI"},
            {"contact_id": str(uuid.uuid4()), "intent": ""},
            {"contact_id": str(uuid.uuid4()), "intent": "AI", "tone": "angry"},
            {"contact_id": str(uuid.uuid4()), "intent": "AI", "length": "epic"},
        ],
    )
    def test_invalid_bodies_are_400(self, client, auth, body):
        error(client.post(PATH, headers=auth, json=body), 400, "validation_error")

    def test_a_language_other_than_english_is_refused(self, client, auth, dana):
        err = error(client.post(PATH, headers=auth, json={"contact_id": dana["id"], "intent": "AI",
                                                          "language": "fr"}),
                    400, "validation_error")  # fmt: skip
        assert "language" in str(err)

    def test_the_lexi_scope_is_required(self, client, factory, workspace, dana):
        headers = factory.headers(workspace.id, scopes=["contacts:read"])
        error(client.post(PATH, headers=headers, json={"contact_id": dana["id"], "intent": "AI"}),
              403, "insufficient_permissions")  # fmt: skip
