"""POST /v1/lexi/chat/stream: the same turn as server-sent events; errors as JSON first."""

from __future__ import annotations

import json

import pytest

from tests.helpers.chat import cohorts, ok  # noqa: F401  (cohorts is a fixture)

pytestmark = pytest.mark.usefixtures("cohorts")


def events(text: str) -> list[tuple[str | None, str]]:
    out = []
    for block in text.replace("\r\n", "\n").split("\n\n"):
        name, data = None, []
        for line in block.splitlines():
            if line.startswith("event:"):
                name = line[6:].strip()
            elif line.startswith("data:"):
                data.append(line[5:].strip())
        if data:
            out.append((name, "\n".join(data)))
    return out


class TestStream:
    def test_events_arrive_in_order_and_end_with_done(self, client, auth):
        r = client.post(
            "/v1/lexi/chat/stream",
            json={"message": "Find 5 CTOs at SaaS companies in California"},
            headers=auth,
        )
        assert r.status_code == 200
        assert r.headers["content-type"].startswith("text/event-stream")
        evs = events(r.text)
        names = [n for n, _ in evs]
        assert names[0] == "thinking"
        assert names[1:3] == ["tool_step", "tool_step"]
        assert names[-2:] == ["done", None] and evs[-1][1] == "[DONE]"
        steps = [json.loads(d) for n, d in evs if n == "tool_step"]
        assert [s["status"] for s in steps] == ["started", "completed"]
        assert steps[0]["tool"] == "search_prospects" and steps[0]["summary"]
        text = "".join(json.loads(d)["delta"] for n, d in evs if n == "text")
        done = json.loads(evs[-2][1])
        conv = ok(client.get(f"/v1/lexi/conversations/{done['conversation_id']}", headers=auth))
        assert conv["messages"][-1]["content"] == text
        assert done["message_id"] == conv["messages"][-1]["id"]
        assert done["credits_remaining"] == 994 and done["requires_approval"] is False
        assert "CTOs at software companies in California" in json.loads(evs[0][1])["text"]

    def test_a_task_turn_reports_it_in_done(self, client, auth):
        r = client.post(
            "/v1/lexi/chat/stream",
            json={"message": "Find 50 CEOs at law firms in California"},
            headers=auth,
        )
        done = json.loads(next(d for n, d in events(r.text) if n == "done"))
        assert done["requires_approval"] is True and done["task_id"]

    @pytest.mark.parametrize(
        ("body", "status"),
        [
            ({"message": ""}, 400),
            ({"message": 5}, 400),
            ({"message": "hi", "allow_tools": "yes"}, 400),
        ],
    )
    def test_errors_are_plain_json_before_any_event(self, client, auth, body, status):
        r = client.post("/v1/lexi/chat/stream", json=body, headers=auth)
        assert r.status_code == status
        assert r.headers["content-type"].startswith("application/json")
        assert r.json()["error"]["code"] == "validation_error"

    def test_402_and_401_are_json_too(self, client, factory):
        ws = factory.workspace(credits=0)
        r = client.post(
            "/v1/lexi/chat/stream",
            json={"message": "tell me a joke"},
            headers=factory.headers(ws.id),
        )
        assert r.status_code == 402 and r.json()["error"]["details"] == {
            "balance": 0,
            "required": 1,
        }
        r = client.post("/v1/lexi/chat/stream", json={"message": "hi"})
        assert r.status_code == 401

    def test_allow_tools_false_runs_nothing(self, client, auth):
        r = client.post(
            "/v1/lexi/chat/stream",
            json={"message": "Find 5 CTOs at SaaS companies in California", "allow_tools": False},
            headers=auth,
        )
        evs = events(r.text)
        assert "tool_step" not in [n for n, _ in evs]
        done = json.loads(next(d for n, d in evs if n == "done"))
        assert done["credits_remaining"] == 999
