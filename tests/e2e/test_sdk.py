"""The SDK against a real ``lexi serve`` process on the test database.

A developer pastes the README's Python example: a first message, then a follow-up in the same
conversation that narrows the search to New York. They stream a turn, approve a large search and
wait for the server's worker to finish it, use a LeadLex-style base URL, and lose a connection
right after the server charged them: the SDK retries with the same Idempotency-Key and the server
replays the answer instead of charging twice.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from lexi.client import InsufficientCreditsError, Lexi
from tests.helpers.chat import cohorts  # noqa: F401  (cohorts is a fixture)
from tests.helpers.server import LexiServer

ROOT = Path(__file__).resolve().parents[2]
BIG_SEARCH = "Find 50 CEOs at law firms in California"


@pytest.fixture(scope="module")
def server(migrated: str, cohorts) -> Iterator[LexiServer]:  # type: ignore[no-untyped-def]  # noqa: F811
    env = {"LEXI_RUN_WORKER_IN_PROCESS": "true", "LEXI_WORKER_POLL_SECONDS": "0.1"}
    with LexiServer(migrated, env=env) as running:
        yield running


@pytest.fixture
def lexi(server: LexiServer, api_key: str) -> Iterator[Lexi]:
    with Lexi(api_key=api_key, base_url=server.url) as client:
        yield client


def readme_python_example() -> str:
    blocks = re.findall(r"```python\n(.*?)```", (ROOT / "README.md").read_text(), re.DOTALL)
    [example] = [b for b in blocks if "Filter to only New York" in b]
    return example


class TestTheReadmeSnippetRunsUnchanged:
    def test_the_follow_up_narrows_the_first_search_to_new_york(  # type: ignore[no-untyped-def]
        self, server, api_key, monkeypatch, capsys
    ) -> None:
        monkeypatch.setenv("LEXI_API_KEY", api_key)
        monkeypatch.setenv("LEXI_BASE_URL", server.url)
        namespace: dict[str, Any] = {}
        # The README example runs exactly as a reader would paste it.
        exec(compile(readme_python_example(), "README.md", "exec"), namespace)

        first, follow_up = namespace["response"], namespace["follow_up"]
        assert follow_up["conversation_id"] == first["conversation_id"]
        broad, narrow = first["actions"][0], follow_up["actions"][0]
        assert broad["type"] == narrow["type"] == "prospect_search"
        assert "locations" not in broad["filters"] or not broad["filters"]["locations"]
        assert narrow["filters"]["locations"] == ["New York, NY, US"]
        assert narrow["filters"]["titles"] == broad["filters"]["titles"]
        assert 0 < narrow["total_matches"] < broad["total_matches"]
        assert capsys.readouterr().out.strip() == follow_up["response"]


class TestStreaming:
    def test_a_turn_streams_thinking_steps_text_and_done(self, lexi) -> None:  # type: ignore[no-untyped-def]
        events = list(lexi.chat_with_lexi_stream("Find 10 CTOs at SaaS companies in California"))
        names = [e["event"] for e in events]
        assert names[0] == "thinking" and names[-1] == "done"
        assert "tool_step" in names and "text" in names
        assert names.index("tool_step") < names.index("text")
        done = events[-1]["data"]
        text = "".join(e["data"]["delta"] for e in events if e["event"] == "text")
        history = lexi.conversations.get(done["conversation_id"])
        assert history["messages"][-1]["role"] == "assistant"
        assert history["messages"][-1]["content"] == text
        assert done["requires_approval"] is False and done["credits_remaining"] >= 0

    def test_an_error_arrives_before_any_event_as_its_exception(  # type: ignore[no-untyped-def]
        self, server, factory
    ) -> None:
        broke = factory.workspace(credits=0)
        client = Lexi(api_key=factory.key(broke.id), base_url=server.url)
        with pytest.raises(InsufficientCreditsError) as info:
            list(client.chat_with_lexi_stream("Find CEOs at law firms"))
        assert info.value.balance == 0 and info.value.request_id


class TestWaitingForAnApprovalTask:
    def test_wait_returns_the_task_the_servers_worker_completed(self, lexi) -> None:  # type: ignore[no-untyped-def]
        turn = lexi.chat_with_lexi(BIG_SEARCH)
        assert turn["requires_approval"] is True
        assert lexi.tasks.approve(turn["task_id"])["execution_started"] is True
        task = lexi.tasks.wait(turn["task_id"], timeout=120, interval=0.2)
        assert task["status"] == "completed"
        assert task["result"]["total_matches"] >= 50
        assert len(task["result"]["prospects"]) == 50


class TestPathPrefixedBaseUrl:
    def test_a_leadlex_style_base_url_reaches_the_same_api(self, server, api_key) -> None:  # type: ignore[no-untyped-def]
        prefixed = Lexi(api_key=api_key, base_url=server.url + "/functions/v1/api-gateway")
        plain = Lexi(api_key=api_key, base_url=server.url)
        assert prefixed.credits.get()["balance"] == plain.credits.get()["balance"]


class DropFirstAnswer(httpx.BaseTransport):
    """Lets the server process the first POST, then loses its answer as a dropped connection."""

    def __init__(self) -> None:
        self.inner = httpx.HTTPTransport()
        self.attempts: list[httpx.Request] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self.inner.handle_request(request)
        if request.method != "POST":
            return response
        self.attempts.append(request)
        if len(self.attempts) == 1:
            response.read()
            response.close()
            raise httpx.ConnectError("connection reset after the server answered", request=request)
        return response

    def close(self) -> None:
        self.inner.close()


class TestRetriesNeverChargeTwice:
    def test_a_chat_retried_after_a_lost_answer_is_charged_once(  # type: ignore[no-untyped-def]
        self, server, factory
    ) -> None:
        ws = factory.workspace(credits=100)
        key = factory.key(ws.id)
        transport = DropFirstAnswer()
        client = Lexi(api_key=key, base_url=server.url, transport=transport, max_retries=2)
        before = client.credits.get()["balance"]

        reply = client.chat_with_lexi("Find 10 CEOs at law firms in New York")

        assert len(transport.attempts) == 2
        first, retry = (r.headers["Idempotency-Key"] for r in transport.attempts)
        assert first == retry and uuid.UUID(first)
        assert reply["credits_used"] == 6  # one message and one search
        assert client.credits.get()["balance"] == before - reply["credits_used"]
        history = client.conversations.get(reply["conversation_id"])
        assert [m["role"] for m in history["messages"]] == ["user", "assistant"]
        assert client.conversations.list().total == 1
