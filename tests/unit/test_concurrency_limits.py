"""Concurrent-request slots: per key and per workspace, in process or shared through Redis, and a
Redis outage that falls back to in-process counting with one log line per outage and recovery."""

from __future__ import annotations

import asyncio
import logging
import uuid

import pytest

from lexi.ratelimit.breaker import Breaker
from lexi.ratelimit.concurrency import ConcurrencyLimiter, Denied, Slot
from lexi.ratelimit.limiter import RateLimiter
from lexi.ratelimit.tiers import PLAN_CONCURRENCY, concurrency_for
from tests.conftest import REDIS_URL
from tests.helpers.server import free_port

DEAD_REDIS = f"redis://127.0.0.1:{free_port()}/0"  # nothing listens there


def run(coro):  # type: ignore[no-untyped-def]
    return asyncio.run(coro)


class TestTiers:
    def test_plans_and_tiers(self) -> None:
        assert concurrency_for("standard", "starter") == PLAN_CONCURRENCY["starter"]
        assert concurrency_for("standard", "pro") == PLAN_CONCURRENCY["pro"]
        assert concurrency_for("high", "starter") == PLAN_CONCURRENCY["organization"]
        assert concurrency_for("pro", "organization") == PLAN_CONCURRENCY["pro"]
        assert concurrency_for("unmetered", "starter") is None


class TestInProcess:
    def test_key_slots_fill_then_shed_then_free(self) -> None:
        async def scenario() -> None:
            lim = ConcurrencyLimiter()
            slots = [await lim.acquire("k", "w", 3, 10) for _ in range(3)]
            assert all(isinstance(s, Slot) for s in slots)
            denied = await lim.acquire("k", "w", 3, 10)
            assert denied == Denied("key", 3)
            await lim.release(slots[0])  # type: ignore[arg-type]
            assert isinstance(await lim.acquire("k", "w", 3, 10), Slot)

        run(scenario())

    def test_workspace_slots_are_shared_by_its_keys(self) -> None:
        async def scenario() -> None:
            lim = ConcurrencyLimiter()
            a = [await lim.acquire("a", "w", 5, 4) for _ in range(3)]
            assert all(isinstance(s, Slot) for s in a)
            assert isinstance(await lim.acquire("b", "w", 5, 4), Slot)
            assert await lim.acquire("b", "w", 5, 4) == Denied("workspace", 4)
            # a denied request holds nothing: the key's own count did not grow
            assert lim.in_flight("lexi:inflight:key:b") == 1
            assert isinstance(await lim.acquire("c", "other", 5, 4), Slot)

        run(scenario())


class TestRedisDown:
    def test_concurrency_falls_back_to_in_process_and_logs_once(self, caplog) -> None:
        caplog.set_level(logging.INFO, logger="lexi.ratelimit")

        async def scenario() -> None:
            lim = ConcurrencyLimiter(DEAD_REDIS)
            slots = [await lim.acquire("k", "w", 2, 10) for _ in range(2)]
            assert all(isinstance(s, Slot) and not s.shared for s in slots)
            assert await lim.acquire("k", "w", 2, 10) == Denied("key", 2)
            for s in slots:
                await lim.release(s)  # type: ignore[arg-type]

        run(scenario())
        lines = [r for r in caplog.records if r.name == "lexi.ratelimit"]
        assert len(lines) == 1, [r.getMessage() for r in lines]
        assert lines[0].levelno == logging.WARNING
        assert lines[0].exc_info is None

    def test_rate_limits_still_hold_and_headers_tell_the_truth(self, caplog) -> None:
        caplog.set_level(logging.INFO, logger="lexi.ratelimit")
        limiter = RateLimiter(DEAD_REDIS)
        decisions = [limiter.hit("key:x", 3, 100, now=1_800_000_010.0) for _ in range(4)]
        assert [d.allowed for d in decisions] == [True, True, True, False]
        assert [d.remaining for d in decisions] == [2, 1, 0, 0]
        assert limiter.degraded
        lines = [r for r in caplog.records if r.name == "lexi.ratelimit"]
        assert len(lines) == 1, [r.getMessage() for r in lines]
        assert lines[0].exc_info is None


class TestBreaker:
    def test_one_line_per_outage_and_one_per_recovery(self, caplog) -> None:
        caplog.set_level(logging.INFO, logger="lexi.ratelimit")
        b = Breaker("store", retry_seconds=0)
        assert b.should_try() and not b.down
        for _ in range(5):
            b.failed(ConnectionError("refused"))
        assert b.down and b.should_try()
        b.succeeded()
        b.succeeded()
        assert not b.down
        msgs = [r.getMessage() for r in caplog.records]
        assert len(msgs) == 2
        assert "unavailable" in msgs[0] and "available again" in msgs[1]

    def test_while_down_it_waits_before_trying_again(self) -> None:
        b = Breaker("store", retry_seconds=60)
        b.failed(ConnectionError("refused"))
        assert not b.should_try()


@pytest.mark.redis
class TestSharedThroughRedis:
    def test_two_processes_share_the_slots(self) -> None:
        key, ws = uuid.uuid4().hex, uuid.uuid4().hex

        async def scenario() -> None:
            one, two = ConcurrencyLimiter(REDIS_URL), ConcurrencyLimiter(REDIS_URL)
            first = await one.acquire(key, ws, 2, 10)
            second = await two.acquire(key, ws, 2, 10)
            assert isinstance(first, Slot) and first.shared
            assert isinstance(second, Slot) and second.shared
            assert await one.acquire(key, ws, 2, 10) == Denied("key", 2)
            await two.release(second)
            assert isinstance(await one.acquire(key, ws, 2, 10), Slot)

        run(scenario())
