"""Story: one tenant bursts 100 concurrent chat messages at a real server while another reads.

Every request is answered within the client's patience (10 s): served, or shed at once with
`429 concurrency_limited` and `Retry-After`; none is a 5xx. The other tenant's reads are all
served, and the bursting tenant's credits match exactly the turns that were served. The same story
runs on PostgreSQL when `LEXI_TEST_DATABASE_URL` is set.
"""

from __future__ import annotations

import asyncio

import httpx
import pytest

from lexi.credits import service as credits_service
from lexi.ratelimit.tiers import PLAN_CONCURRENCY
from tests.helpers.server import LexiServer

PATIENCE_S = 10.0  # how long a client waits for an answer before it gives up
BURST = 100
MESSAGE = {"message": "What lists do I have?"}


@pytest.fixture
def server(migrated):  # type: ignore[no-untyped-def]
    with LexiServer(migrated, env={"LEXI_LOG_LEVEL": "WARNING"}) as srv:
        yield srv


async def _burst_and_read(
    url: str, burst_headers: dict[str, str], reader_headers: dict[str, str]
) -> tuple[list[httpx.Response], list[httpx.Response]]:
    limits = httpx.Limits(max_connections=BURST + 10, max_keepalive_connections=BURST + 10)
    async with httpx.AsyncClient(base_url=url, timeout=PATIENCE_S, limits=limits) as client:
        started = asyncio.Event()

        async def chat() -> httpx.Response:
            await started.wait()
            return await client.post("/v1/lexi/chat", json=MESSAGE, headers=burst_headers)

        async def reads() -> list[httpx.Response]:
            await started.wait()
            out = []
            for _ in range(10):
                out.append(await client.get("/v1/lexi/settings", headers=reader_headers))
            return out

        tasks = [asyncio.create_task(chat()) for _ in range(BURST)]
        reader = asyncio.create_task(reads())
        started.set()
        # A request the server does not answer within PATIENCE_S raises ReadTimeout here.
        return list(await asyncio.gather(*tasks)), await reader


class TestBurstFromOneTenant:
    def test_burst_is_served_or_shed_and_the_other_tenant_is_served(self, server, factory, db):
        bursting = factory.workspace(credits=1000, plan="organization")
        other = factory.workspace(credits=10, plan="organization")
        burst_headers = factory.headers(bursting.id, scopes=["lexi"], tier="standard")
        reader_headers = factory.headers(other.id, scopes=["lexi"], tier="standard")

        burst, reads = asyncio.run(_burst_and_read(server.url, burst_headers, reader_headers))

        statuses = [r.status_code for r in burst]
        assert all(s < 500 for s in statuses), sorted(statuses)
        assert set(statuses) <= {200, 429}, sorted(statuses)
        served = statuses.count(200)
        assert served >= 1
        for r in burst:
            if r.status_code == 429:
                assert r.json()["error"]["code"] == "concurrency_limited"
                assert int(r.headers["retry-after"]) >= 1
                assert r.json()["error"]["details"]["limit"] == PLAN_CONCURRENCY["organization"][0]
        assert [r.status_code for r in reads] == [200] * len(reads)

        assert any(r.json()["data"]["credits_used"] > 0 for r in burst if r.status_code == 200)
        spent = sum(r.json()["data"]["credits_used"] for r in burst if r.status_code == 200)
        with db.unit_of_work(write=False) as s:
            assert credits_service.balance(s, bursting.id) == 1000 - spent
            assert credits_service.ledger_balance(s, bursting.id) == 1000 - spent
            assert credits_service.balance(s, other.id) == 10
