"""A chat turn holds no transaction while the model is asked.

A real ``lexi serve`` process understands and writes through a real HTTP model server on loopback
that answers only when the test lets it: once while understanding a message, once while writing
the emails of a campaign the message asks for. While the turn waits there, another workspace's
write and the same workspace's read and write (a rename of the very conversation the turn
continues) complete; then the turn finishes with the model's answer, asks the model nothing more,
charges exactly once and keeps the rename. Run on SQLite (one write lock for the whole file) and,
with ``LEXI_TEST_DATABASE_URL``, on PostgreSQL (where the turn used to hold the conversation's
row lock).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import pytest

pytest.importorskip("pydantic_ai")

from tests.helpers.openai_server import OpenAIProtocolServer, Reply, user_message
from tests.helpers.server import LexiServer
from tests.unit.assistant.test_model_writer import GOOD

pytestmark = pytest.mark.slow
ASK = "what tasks are waiting for my approval"
HELD = "what tasks are pending right now"
CAMPAIGN = "Create an outreach campaign for my 'Held Leads' list about legal automation"
# How long the test waits for something that should happen at once, before calling it stuck.
STUCK = 60.0


class HeldModel:
    """The model: understands the campaign request as one and anything else as a question about
    pending tasks (1 credit), and writes good emails. The request ``held`` names (``understood``:
    understanding ``HELD``; ``write_emails``: writing a draft) is answered only once ``release``
    is set (``asked`` says it has arrived)."""

    def __init__(self, held: str) -> None:
        self.held = held
        self.asked = threading.Event()
        self.release = threading.Event()

    def __call__(self, body: dict[str, Any]) -> Reply:
        [tool] = body["tools"]
        name = tool["function"]["name"]
        message = user_message(body)
        if name == self.held and (name != "understood" or message == HELD):
            self.asked.set()
            self.release.wait(STUCK * 2)
        if name == "write_emails":
            return Reply.tool(name, {"emails": GOOD})
        if message == CAMPAIGN:
            intent = {
                "kind": "campaign_create",
                "list_name": "Held Leads",
                "topic": "legal automation",
            }
            return Reply.tool(name, {"intents": [intent]})
        return Reply.tool(name, {"intents": [{"kind": "tasks"}]})


@pytest.fixture(params=["understood", "write_emails"])
def held(request) -> Iterator[tuple[HeldModel, OpenAIProtocolServer]]:  # type: ignore[no-untyped-def]
    brain = HeldModel(request.param)
    with OpenAIProtocolServer(brain) as server:
        try:
            yield brain, server
        finally:
            brain.release.set()


def bearer(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


def understood_by(data: dict[str, Any]) -> str:
    [found] = [a for a in data["actions"] if a["type"] == "understanding"]
    return str(found["interpreter"])


def test_other_requests_complete_while_a_turn_waits_for_the_model(  # type: ignore[no-untyped-def]
    migrated, factory, held
) -> None:
    brain, model_server = held
    mine = factory.workspace(credits=100)
    theirs = factory.workspace(credits=100)
    key = factory.key(mine.id, scopes=["all"], tier="unmetered")
    other = factory.key(theirs.id, scopes=["all"], tier="unmetered")
    env = {
        "LEXI_MODEL": "openai:stub-model",
        "LEXI_MODEL_BASE_URL": model_server.url + "/v1",
        "LEXI_MODEL_API_KEY": "sk-test",
        "LEXI_MODEL_TIMEOUT_SECONDS": str(STUCK * 3),
        "LEXI_MODEL_WRITER_TIMEOUT_SECONDS": str(STUCK * 3),
        "LEXI_RATELIMIT_ENABLED": "false",
    }
    with (
        LexiServer(migrated, env=env) as server,
        server.client(timeout=STUCK * 3) as http,
        ThreadPoolExecutor(4) as pool,
    ):
        try:
            lst = http.post("/v1/lists", json={"name": "Held Leads"}, headers=bearer(key))
            person = {"full_name": "Ann Lee", "email": "ann@lee.example.com", "job_title": "CEO"}
            made = http.post("/v1/contacts", json=person, headers=bearer(key))
            added = http.post(
                f"/v1/lists/{lst.json()['data']['id']}/contacts",
                json={"contact_ids": [made.json()["data"]["id"]]},
                headers=bearer(key),
            )
            assert added.status_code < 300, added.text
            first = http.post("/v1/lexi/chat", json={"message": ASK}, headers=bearer(key))
            assert first.status_code == 200, first.text
            conversation = first.json()["data"]["conversation_id"]
            assert understood_by(first.json()["data"]) == "model"
            assert first.json()["data"]["credits_remaining"] == 99
            before = len(model_server.requests)

            turn = pool.submit(
                http.post,
                "/v1/lexi/chat",
                json={
                    "message": HELD if brain.held == "understood" else CAMPAIGN,
                    "conversation_id": conversation,
                },
                headers=bearer(key),
            )
            assert brain.asked.wait(STUCK), server.stderr()[-3000:]

            # The turn is now waiting for the model. Each of these must finish meanwhile.
            their_list = pool.submit(
                http.post, "/v1/lists", json={"name": "Written meanwhile"}, headers=bearer(other)
            )
            rename = pool.submit(
                http.patch,
                f"/v1/lexi/conversations/{conversation}",
                json={"title": "Renamed meanwhile"},
                headers=bearer(key),
            )
            credits = pool.submit(http.get, "/v1/credits", headers=bearer(key))
            finished: dict[str, httpx.Response] = {}
            for name, future in (("list", their_list), ("rename", rename), ("credits", credits)):
                try:
                    finished[name] = future.result(timeout=STUCK)
                except TimeoutError:
                    pytest.fail(f"{name} waited for the model's answer: the turn held the database")
            assert not brain.release.is_set() and not turn.done()
            assert finished["list"].status_code == 201, finished["list"].text
            assert finished["rename"].status_code == 200, finished["rename"].text
            assert finished["credits"].status_code == 200, finished["credits"].text
            assert finished["credits"].json()["data"]["balance"] == 99

            brain.release.set()
            answered = turn.result(timeout=STUCK)
            assert answered.status_code == 200, answered.text
            data = answered.json()["data"]
            assert understood_by(data) == "model"
            assert data["conversation_id"] == conversation
            # The model was asked once for each thing, and nothing again inside the transaction.
            asked = [b["tools"][0]["function"]["name"] for b in model_server.requests[before:]]
            if brain.held == "understood":
                assert asked == ["understood"]
                assert data["credits_used"] == 1
            else:
                assert asked == ["understood", "write_emails"]
                [created] = [a for a in data["actions"] if a["type"] == "campaign_create"]
                assert created["status"] == "completed", created
                assert created["written_by"]["writer"] == "model", created["written_by"]
                assert data["credits_used"] >= 1
            assert data["credits_remaining"] == 99 - data["credits_used"]
            after = http.get("/v1/credits", headers=bearer(key)).json()["data"]
            assert after["balance"] == data["credits_remaining"]
            detail = http.get(f"/v1/lexi/conversations/{conversation}", headers=bearer(key))
            assert detail.json()["data"]["title"] == "Renamed meanwhile"
            theirs_now = http.get("/v1/credits", headers=bearer(other)).json()["data"]
            assert theirs_now["balance"] == 100
        finally:
            brain.release.set()  # a failed test must not leave the turn waiting
