"""A real ``lexi serve`` configured with ``LEXI_MODEL=openai:...`` and a base URL, talking HTTP to
a small local server that speaks the OpenAI chat-completions protocol with tool calls.

Chat turns (REST and MCP's `chat` tool) go through the model; a bad answer or a late one falls
back to the rules with the same reply; the key is sent to the model server, never logged.
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

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("cohorts")]
NYC = "New York, NY, US"
SEED = "Find me 5 CEOs at law firms in New York"
GARBLED = "Find me 6 CEOs at law firms in New York"
SLOW = "Find me 7 CEOs at law firms in New York"
MODEL_KEY = "sk-test-0123456789abcdef"


def brain(body: dict[str, Any]) -> Reply:
    [tool] = body["tools"]
    message = user_message(body)
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
