"""Story: fifty chat messages race for twenty credits through a real server process.

Each chat message costs 1 credit. However the requests interleave, exactly twenty succeed, the
other thirty get `402 insufficient_credits`, and the balance ends at zero with a ledger that agrees.
Replays of one Idempotency-Key charge once, however many arrive at the same moment.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from lexi.credits import service as credits_service
from tests.helpers.server import LexiServer

MESSAGE = {"message": "tell me a joke"}


@pytest.fixture
def server(migrated):  # type: ignore[no-untyped-def]
    # Unmetered keys are not shed, so all 25 writers queue on SQLite's lock: this test is about
    # overdraw, not the wait bound, so it lets them wait as long as the client does.
    env = {"LEXI_LOG_LEVEL": "WARNING", "LEXI_SQLITE_BUSY_TIMEOUT_MS": "60000"}
    with LexiServer(migrated, env=env) as srv:
        yield srv


def _post_many(url: str, headers_list: list[dict[str, str]]) -> list[httpx.Response]:
    def post(headers: dict[str, str]) -> httpx.Response:
        with httpx.Client(base_url=url, timeout=60) as c:
            return c.post("/v1/lexi/chat", json=MESSAGE, headers=headers)

    with ThreadPoolExecutor(max_workers=25) as pool:
        return list(pool.map(post, headers_list))


class TestParallelChargesNeverOverdraw:
    def test_fifty_requests_against_twenty_credits(self, server, factory, db):
        ws = factory.workspace(credits=20, plan="organization")
        headers = factory.headers(ws.id, scopes=["lexi"], tier="unmetered")
        responses = _post_many(server.url, [headers] * 50)
        statuses = sorted(r.status_code for r in responses)
        assert statuses.count(200) == 20, statuses
        assert statuses.count(402) == 30, statuses
        for r in responses:
            if r.status_code == 402:
                assert r.json()["error"]["code"] == "insufficient_credits"
                assert r.json()["error"]["details"]["required"] == 1
        with db.unit_of_work(write=False) as s:
            assert credits_service.balance(s, ws.id) == 0
            assert credits_service.ledger_balance(s, ws.id) == 0

    def test_parallel_replays_of_one_idempotency_key_charge_once(self, server, factory, db):
        ws = factory.workspace(credits=20, plan="organization")
        headers = {
            **factory.headers(ws.id, scopes=["lexi"], tier="unmetered"),
            "Idempotency-Key": "same-turn",
        }
        responses = _post_many(server.url, [headers] * 20)
        assert {r.status_code for r in responses} == {200}
        assert len({r.json()["data"]["message_id"] for r in responses}) == 1
        with db.unit_of_work(write=False) as s:
            assert credits_service.balance(s, ws.id) == 19
            assert credits_service.ledger_balance(s, ws.id) == 19
