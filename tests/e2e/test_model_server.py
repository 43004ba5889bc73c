"""A real ``lexi serve`` configured with ``LEXI_MODEL=openai:...`` and a base URL, talking HTTP to
a small local server that speaks the OpenAI chat-completions protocol with tool calls.

Chat turns (REST and MCP's `chat` tool) go through the model; a bad answer or a late one falls
back to the rules with the same reply; the key is sent to the model server, never logged.
Campaign drafts and rewrites go through the model writer the same way: checked, falling back to
the built-in writer on garbled, invented or late emails.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from typing import Any

import httpx2
import pytest

pytest.importorskip("pydantic_ai")

from mcp import Client
from mcp.client.streamable_http import streamable_http_client

from tests.helpers.chat import cohorts  # noqa: F401  (cohorts is a fixture)
from tests.helpers.openai_server import OpenAIProtocolServer, Reply, user_message
from tests.helpers.server import LexiServer
from tests.unit.assistant.test_model_writer import BAD, GOOD

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("cohorts")]
NYC = "New York, NY, US"
SEED = "Find me 5 CEOs at law firms in New York"
GARBLED = "Find me 6 CEOs at law firms in New York"
SLOW = "Find me 7 CEOs at law firms in New York"
MODEL_KEY = "sk-test-0123456789abcdef"


def request_block(body: dict[str, Any]) -> dict[str, Any]:
    """The writer's <request> block (topic, tone, instruction) in the first user message."""
    for message in body.get("messages", []):
        content = str(message.get("content") or "")
        if message.get("role") == "user" and "<request>" in content:
            return dict(json.loads(content.split("<request>", 1)[1].split("</request>", 1)[0]))
    return {}


def writer_brain(tool: str, body: dict[str, Any]) -> Reply:
    """Emails for the model writer: good ones, unless the topic asks for trouble."""
    request = request_block(body)
    topic = request.get("topic", "")
    if "garbled" in topic:
        return Reply.tool(tool, '{"emails": [{"subject": "Hi", ')
    if "late" in topic:
        return Reply(content="late", delay=25.0)
    if "boastful" in topic:
        return Reply.tool(tool, {"emails": BAD["invented_company"]})
    if "instruction" in request:  # a rewrite: the emails it was sent, more casual
        content = next(m["content"] for m in body["messages"] if m.get("role") == "user")
        emails = json.loads(content.split("<emails>", 1)[1].split("</emails>", 1)[0])
        for email in emails:
            email["body"] = email["body"].replace("Hi ", "Hey ")
        return Reply.tool(tool, {"emails": emails})
    reply = Reply.tool(tool, {"emails": GOOD})
    reply.usage = {"prompt_tokens": 700, "completion_tokens": 300}
    return reply


def brain(body: dict[str, Any]) -> Reply:
    [tool] = body["tools"]
    if tool["function"]["name"] in ("write_emails", "rewritten_emails"):
        return writer_brain(tool["function"]["name"], body)
    message = user_message(body)
    if message.startswith("Create an outreach campaign for my '"):
        name = message.split("'")[1]
        campaign = {"kind": "campaign_create", "list_name": name, "topic": "legal automation"}
        return Reply.tool(tool["function"]["name"], {"intents": [campaign]})
    if message == "make the email more casual":
        rewrite = {"kind": "email_rewrite", "tone": "casual"}
        return Reply.tool(tool["function"]["name"], {"intents": [rewrite]})
    if message == GARBLED:
        return Reply.tool(tool["function"]["name"], '{"intents": [{"kind": "prospect_search", ')
    if message == SLOW:
        return Reply(content="late", delay=25.0)
    # An honest model: CEOs at law firms in New York, as many as asked.
    count = int(message.split()[2])
    filters = {
        "titles": ["CEO"],
        "industries": ["Law Practice"],
        "locations": [NYC],
        "limit": count,
    }
    reply = Reply.tool(
        tool["function"]["name"], {"intents": [{"kind": "prospect_search", "filters": filters}]}
    )
    reply.usage = {"prompt_tokens": 321, "completion_tokens": 45}
    return reply


@pytest.fixture(scope="module")
def model_server() -> Iterator[OpenAIProtocolServer]:
    with OpenAIProtocolServer(brain) as server:
        yield server


@pytest.fixture(scope="module")
def server(migrated: str, cohorts, model_server) -> Iterator[LexiServer]:  # type: ignore[no-untyped-def]  # noqa: F811
    env = {
        "LEXI_MODEL": "openai:stub-model",
        "LEXI_MODEL_BASE_URL": model_server.url + "/v1",
        "LEXI_MODEL_API_KEY": MODEL_KEY,
        "LEXI_MODEL_TIMEOUT_SECONDS": "10",
        "LEXI_MODEL_WRITER_TIMEOUT_SECONDS": "5",
    }
    with LexiServer(migrated, env=env) as running:
        yield running


def post_chat(server: LexiServer, key: str, message: str) -> dict[str, Any]:
    with server.client() as http:
        r = http.post(
            "/v1/lexi/chat", json={"message": message}, headers={"Authorization": f"Bearer {key}"}
        )
    assert r.status_code == 200, r.text
    return r.json()["data"]


def understanding(data: dict[str, Any]) -> dict[str, Any]:
    [found] = [a for a in data["actions"] if a["type"] == "understanding"]
    return found


class TestAModelOverTheOpenAIProtocol:
    def test_a_turn_goes_through_the_model_with_tool_calling(  # type: ignore[no-untyped-def]
        self, server, model_server, api_key
    ) -> None:
        before = len(model_server.requests)
        data = post_chat(server, api_key, SEED)
        request = model_server.requests[before]
        assert request["model"] == "stub-model"
        [tool] = request["tools"]
        params = tool["function"]["parameters"]
        assert "intents" in params["properties"]
        assert model_server.keys[before] == f"Bearer {MODEL_KEY}"
        action = data["actions"][0]
        assert action["status"] == "completed" and action["filters"]["locations"] == [NYC]
        assert len(action["prospects"]) == 5 and data["credits_used"] == 6
        used = understanding(data)
        assert used["interpreter"] == "model", (used, server.stderr()[-3000:])
        assert used["model"] == "openai:stub-model"
        assert used["usage"] == {"requests": 1, "input_tokens": 321, "output_tokens": 45}
        assert MODEL_KEY not in server.stderr()

    def test_garbled_and_late_answers_fall_back_to_the_rules(  # type: ignore[no-untyped-def]
        self, server, api_key
    ) -> None:
        garbled = post_chat(server, api_key, GARBLED)
        assert understanding(garbled)["interpreter"] == "rules"
        assert understanding(garbled)["fallback"] == "invalid_output"
        assert len(garbled["actions"][0]["prospects"]) == 6
        late = post_chat(server, api_key, SLOW)
        assert understanding(late)["fallback"] == "timeout"
        assert len(late["actions"][0]["prospects"]) == 7
        assert late["actions"][0]["filters"]["locations"] == [NYC]

    def test_the_mcp_chat_tool_uses_the_model_too(self, server, api_key) -> None:  # type: ignore[no-untyped-def]
        async def go() -> Any:
            headers = {"Authorization": f"Bearer {api_key}"}
            async with httpx2.AsyncClient(headers=headers, timeout=60) as http:
                transport = streamable_http_client(server.url + "/mcp", http_client=http)
                async with Client(transport) as client:
                    return await client.call_tool("chat", {"message": SEED})

        result = asyncio.run(go())
        assert not result.is_error, result.content
        out = result.structured_content
        assert understanding(out)["interpreter"] == "model"
        assert json.dumps(out["actions"][0]["filters"]).count(NYC) == 1


def post(server: LexiServer, key: str, path: str, body: dict[str, Any], status: int = 200) -> Any:
    with server.client() as http:
        r = http.post(path, json=body, headers={"Authorization": f"Bearer {key}"})
    assert r.status_code == status, r.text
    return r.json()["data"]


def drafted_by(server: LexiServer, key: str, campaign_id: str) -> dict[str, Any]:
    with server.client() as http:
        r = http.get(
            f"/v1/campaigns/{campaign_id}/revisions/1", headers={"Authorization": f"Bearer {key}"}
        )
    assert r.status_code == 200, r.text
    return dict(r.json()["data"]["written_by"])


class TestTheModelWriterOverTheOpenAIProtocol:
    def test_a_campaign_is_drafted_and_rewritten_by_the_model(  # type: ignore[no-untyped-def]
        self, server, model_server, api_key
    ) -> None:
        before = len(model_server.requests)
        c = post(server, api_key, "/v1/campaigns", {"name": "Q1", "topic": "legal automation"}, 201)
        request = model_server.requests[before]
        [tool] = request["tools"]
        assert tool["function"]["name"] == "write_emails"
        assert "emails" in tool["function"]["parameters"]["properties"]
        assert model_server.keys[before] == f"Bearer {MODEL_KEY}"
        assert [s["subject"] for s in c["steps"]] == [e["subject"] for e in GOOD]
        written = drafted_by(server, api_key, c["id"])
        assert written["writer"] == "model", (written, server.stderr()[-3000:])
        assert written["model"] == "openai:stub-model"
        assert written["usage"] == {"requests": 1, "input_tokens": 700, "output_tokens": 300}
        rev = post(
            server, api_key, f"/v1/campaigns/{c['id']}/rewrite", {"instruction": "more casual"}
        )
        assert rev["written_by"]["writer"] == "model"
        assert all(s["body"].startswith("Hey ") for s in rev["steps"])
        assert MODEL_KEY not in server.stderr()

    @pytest.mark.parametrize(
        ("topic", "why", "requests"),
        [
            ("garbled legal automation", "invalid_output", 2),
            ("boastful legal automation", "invented_fact", 2),
            ("late legal automation", "timeout", 1),
        ],
    )
    def test_bad_or_late_emails_fall_back_to_the_built_in_writer(  # type: ignore[no-untyped-def]
        self, server, model_server, api_key, topic: str, why: str, requests: int
    ) -> None:
        from lexi.campaigns.drafting import Audience, TemplateWriter

        before = len(model_server.requests)
        c = post(server, api_key, "/v1/campaigns", {"name": "Q1", "topic": topic}, 201)
        written = drafted_by(server, api_key, c["id"])
        assert written["writer"] == "template" and written["fallback"] == why, written
        assert len(model_server.requests) - before == requests
        expected = TemplateWriter().draft(topic, Audience())
        assert [s["body"] for s in c["steps"]] == [s.body for s in expected]


class TestAChatTurnThroughTheModelInterpreterAndWriter:
    def test_create_and_rewrite_a_campaign_in_chat(  # type: ignore[no-untyped-def]
        self, server, model_server, api_key
    ) -> None:
        headers = {"Authorization": f"Bearer {api_key}"}
        with server.client() as http:
            lst = http.post("/v1/lists", headers=headers, json={"name": "Model Q1 Leads"})
            assert lst.status_code == 201, lst.text
            contact = {"full_name": "Ann Lee", "email": "ann@lee.example.com", "job_title": "CEO"}
            made = http.post("/v1/contacts", headers=headers, json=contact)
            body = {"contact_ids": [made.json()["data"]["id"]]}
            http.post(f"/v1/lists/{lst.json()['data']['id']}/contacts", headers=headers, json=body)
        before = len(model_server.requests)
        turn = post_chat(
            server,
            api_key,
            "Create an outreach campaign for my 'Model Q1 Leads' list about legal automation",
        )
        created, understood = turn["actions"]
        assert understood["interpreter"] == "model", understood
        assert created["type"] == "campaign_create" and created["status"] == "completed"
        assert created["written_by"]["writer"] == "model"
        assert created["written_by"]["model"] == "openai:stub-model"
        tools = [r["tools"][0]["function"]["name"] for r in model_server.requests[before:]]
        assert tools == ["understood", "write_emails"]
        with server.client() as http:
            r = http.post(
                "/v1/lexi/chat",
                headers=headers,
                json={
                    "message": "make the email more casual",
                    "conversation_id": turn["conversation_id"],
                },
            )
        assert r.status_code == 200, r.text
        rewritten = r.json()["data"]["actions"][0]
        assert rewritten["type"] == "email_rewrite" and rewritten["revision"] == 2
        assert rewritten["written_by"]["writer"] == "model"
        assert all(s["body"].startswith("Hey ") for s in rewritten["steps"])


class TestLexiMcpOverStdioWithAModel:
    def test_create_campaign_is_written_by_the_model(  # type: ignore[no-untyped-def]
        self, migrated, model_server, api_key
    ) -> None:
        import os
        import sys

        from mcp import StdioServerParameters

        env = {k: v for k, v in os.environ.items() if not k.startswith("LEXI_")}
        env.update(
            {
                "LEXI_API_KEY": api_key,
                "LEXI_DATABASE_URL": migrated,
                "LEXI_LOG_LEVEL": "WARNING",
                "LEXI_MODEL": "openai:stub-model",
                "LEXI_MODEL_BASE_URL": model_server.url + "/v1",
                "LEXI_MODEL_API_KEY": MODEL_KEY,
            }
        )
        params = StdioServerParameters(
            command=sys.executable, args=["-m", "lexi", "mcp", "--no-worker"], env=env
        )

        async def go() -> Any:
            async with Client(params, read_timeout_seconds=60) as client:
                return await client.call_tool(
                    "create_campaign", {"name": "Over stdio", "topic": "legal automation"}
                )

        result = asyncio.run(go())
        assert not result.is_error, result.content
        out = result.structured_content
        assert out["written_by"]["writer"] == "model", out["written_by"]
        assert out["written_by"]["model"] == "openai:stub-model"
        assert [s["subject"] for s in out["steps"]] == [e["subject"] for e in GOOD]
