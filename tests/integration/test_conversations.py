"""Conversations: persisted turns, titles, listing with search/archived, PATCH and DELETE."""

from __future__ import annotations

import uuid

import pytest

from tests.helpers.chat import chat, cohorts, ok  # noqa: F401  (cohorts is a fixture)

pytestmark = pytest.mark.usefixtures("cohorts")


def start(client, auth, message="Find 5 CTOs at SaaS companies in California") -> str:  # type: ignore[no-untyped-def]
    return ok(chat(client, auth, message))["conversation_id"]


class TestHistory:
    def test_a_turn_stores_user_tool_and_assistant_messages(self, client, auth):
        conv_id = start(client, auth)
        conv = ok(
            client.get(f"/v1/lexi/conversations/{conv_id}?include_tool_steps=true", headers=auth)
        )
        assert [m["role"] for m in conv["messages"]] == ["user", "tool", "assistant"]
        tool = conv["messages"][1]
        assert tool["tool_name"] == "search_prospects"
        assert tool["tool_calls"][0]["args"]["filters"]["titles"] == ["CTO"]
        assert tool["tool_output"]["total_matches"] >= 5
        assert conv["messages"][2]["tool_calls"][0]["tool"] == "search_prospects"
        assert conv["message_count"] == 2

    def test_tool_steps_are_hidden_unless_asked_and_limit_keeps_the_latest(self, client, auth):
        conv_id = start(client, auth)
        ok(chat(client, auth, "how many credits do I have?", conversation_id=conv_id))
        conv = ok(client.get(f"/v1/lexi/conversations/{conv_id}", headers=auth))
        assert [m["role"] for m in conv["messages"]] == ["user", "assistant", "user", "assistant"]
        last = ok(client.get(f"/v1/lexi/conversations/{conv_id}?limit=2", headers=auth))["messages"]
        assert next(m["content"][:8] for m in last) == "how many"

    def test_the_message_id_is_the_stored_reply(self, client, auth):
        data = ok(chat(client, auth, "what can you do?"))
        conv = ok(client.get(f"/v1/lexi/conversations/{data['conversation_id']}", headers=auth))
        assert conv["messages"][-1]["id"] == data["message_id"]
        assert conv["messages"][-1]["content"] == data["response"]

    def test_context_conversation_id_continues_the_conversation(self, client, auth):
        conv_id = start(client, auth)
        data = ok(chat(client, auth, "what can you do?", context={"conversation_id": conv_id}))
        assert data["conversation_id"] == conv_id

    def test_differing_top_level_and_context_ids_are_400(self, client, auth):
        conv_id = start(client, auth)
        r = chat(
            client,
            auth,
            "hi",
            conversation_id=conv_id,
            context={"conversation_id": str(uuid.uuid4())},
        )
        assert r.status_code == 400


class TestTitles:
    def test_the_title_comes_from_the_first_request(self, client, auth):
        conv_id = start(client, auth, "  Find   CEOs at law firms  ")
        ok(chat(client, auth, "Filter to only New York", conversation_id=conv_id))
        assert (
            ok(client.get(f"/v1/lexi/conversations/{conv_id}", headers=auth))["title"]
            == "Find CEOs at law firms"
        )

    def test_long_requests_are_cut_on_a_word(self, client, auth):
        conv_id = start(client, auth, "Find " + "very " * 40 + "senior CTOs")
        title = ok(client.get(f"/v1/lexi/conversations/{conv_id}", headers=auth))["title"]
        assert len(title) <= 80 and title.endswith("…") and "  " not in title


class TestListing:
    def test_newest_first_with_search_and_archived_filters(self, client, factory):
        headers = factory.headers(factory.workspace().id)
        a = start(client, headers, "Find CEOs at law firms")
        b = start(client, headers, "how many credits do I have?")
        page = client.get("/v1/lexi/conversations", headers=headers).json()
        assert page["meta"] == {"page": 1, "per_page": 25, "total": 2}
        assert [c["id"] for c in page["data"]] == [b, a]
        assert set(page["data"][0]) == {
            "id",
            "title",
            "message_count",
            "last_message_at",
            "archived",
            "created_at",
        }
        found = client.get("/v1/lexi/conversations?search=LAW", headers=headers).json()["data"]
        assert [c["id"] for c in found] == [a]
        ok(client.patch(f"/v1/lexi/conversations/{a}", json={"archived": True}, headers=headers))
        live = client.get("/v1/lexi/conversations?archived=false", headers=headers).json()["data"]
        assert [c["id"] for c in live] == [b]
        archived = client.get("/v1/lexi/conversations?archived=true", headers=headers).json()[
            "data"
        ]
        assert [c["id"] for c in archived] == [a]

    def test_pagination_limits(self, client, auth):
        assert client.get("/v1/lexi/conversations?per_page=101", headers=auth).status_code == 400
        assert client.get("/v1/lexi/conversations?page=0", headers=auth).status_code == 400


class TestUpdateAndDelete:
    def test_rename(self, client, auth):
        conv_id = start(client, auth)
        data = ok(
            client.patch(
                f"/v1/lexi/conversations/{conv_id}", json={"title": "Germany CTOs"}, headers=auth
            )
        )
        assert data["title"] == "Germany CTOs"

    @pytest.mark.parametrize(
        "body", [{"title": ""}, {"title": "x" * 201}, {"archived": "maybe"}, {"other": 1}]
    )
    def test_invalid_updates_are_400(self, client, auth, body):
        conv_id = start(client, auth)
        r = client.patch(f"/v1/lexi/conversations/{conv_id}", json=body, headers=auth)
        assert r.status_code == 400 and r.json()["error"]["code"] == "validation_error"

    def test_delete_is_204_and_irreversible(self, client, auth):
        data = ok(chat(client, auth, "Find 50 CEOs at law firms in California"))
        conv_id = data["conversation_id"]
        r = client.delete(f"/v1/lexi/conversations/{conv_id}", headers=auth)
        assert r.status_code == 204
        r = client.get(f"/v1/lexi/conversations/{conv_id}", headers=auth)
        assert r.status_code == 404 and r.json()["error"]["code"] == "conversation_not_found"
        assert client.delete(f"/v1/lexi/conversations/{conv_id}", headers=auth).status_code == 404
        # the task it proposed outlives it
        assert (
            ok(client.get(f"/v1/lexi/tasks/{data['task_id']}", headers=auth))["status"] == "pending"
        )

    def test_another_workspaces_conversation_is_404_everywhere(self, client, auth, factory):
        other = factory.headers(factory.workspace().id)
        conv_id = start(client, other)
        for method in ("get", "patch", "delete"):
            kw = {"json": {"title": "x"}} if method == "patch" else {}
            r = client.request(method, f"/v1/lexi/conversations/{conv_id}", headers=auth, **kw)
            assert r.status_code == 404 and r.json()["error"]["code"] == "conversation_not_found"
