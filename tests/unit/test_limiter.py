"""The rate limiter: fixed per-minute and per-day windows aligned to the clock."""

import uuid
from datetime import datetime, timezone

import pytest

from lexi.ratelimit.limiter import RateLimiter
from lexi.ratelimit.tiers import PLAN_LIMITS, limits_for


def ts(*args: int) -> float:
    return datetime(*args, tzinfo=timezone.utc).timestamp()


class TestMinuteWindow:
    def test_allows_exactly_the_limit_then_denies(self) -> None:
        limiter = RateLimiter()
        now = ts(2026, 3, 1, 12, 0, 10)
        results = [limiter.hit("k", 10, 100, now=now) for _ in range(11)]
        assert [r.allowed for r in results] == [True] * 10 + [False]
        assert [r.remaining for r in results[:10]] == list(range(9, -1, -1))

    def test_denial_says_when_the_minute_ends(self) -> None:
        limiter = RateLimiter()
        now = ts(2026, 3, 1, 12, 0, 45)
        for _ in range(3):
            limiter.hit("k", 3, 100, now=now)
        denied = limiter.hit("k", 3, 100, now=now)
        assert not denied.allowed
        assert denied.reset == int(ts(2026, 3, 1, 12, 1, 0))
        assert denied.retry_after == 15
        assert denied.headers()["Retry-After"] == "15"

    def test_next_minute_starts_a_fresh_budget(self) -> None:
        limiter = RateLimiter()
        for _ in range(3):
            limiter.hit("k", 3, 100, now=ts(2026, 3, 1, 12, 0, 59))
        assert limiter.hit("k", 3, 100, now=ts(2026, 3, 1, 12, 1, 0)).allowed

    def test_identities_do_not_share_budgets(self) -> None:
        limiter = RateLimiter()
        now = ts(2026, 3, 1, 12, 0, 0)
        for _ in range(2):
            limiter.hit("a", 2, 100, now=now)
        assert not limiter.hit("a", 2, 100, now=now).allowed
        assert limiter.hit("b", 2, 100, now=now).allowed


class TestDayWindow:
    def test_day_limit_applies_across_minutes(self) -> None:
        limiter = RateLimiter()
        for minute in range(5):
            assert limiter.hit("k", 10, 5, now=ts(2026, 3, 1, 9, minute, 0)).allowed
        denied = limiter.hit("k", 10, 5, now=ts(2026, 3, 1, 9, 30, 0))
        assert not denied.allowed
        assert denied.limit == 5
        assert denied.reset == int(ts(2026, 3, 2, 0, 0, 0))

    def test_day_resets_at_midnight_utc(self) -> None:
        limiter = RateLimiter()
        for minute in range(5):
            limiter.hit("k", 10, 5, now=ts(2026, 3, 1, 23, 50 + minute, 0))
        assert not limiter.hit("k", 10, 5, now=ts(2026, 3, 1, 23, 59, 59)).allowed
        after = limiter.hit("k", 10, 5, now=ts(2026, 3, 2, 0, 0, 0))
        assert after.allowed
        assert after.remaining == 4

    def test_headers_report_the_tighter_window(self) -> None:
        limiter = RateLimiter()
        decision = limiter.hit("k", 10, 3, now=ts(2026, 3, 1, 9, 0, 0))
        assert decision.headers() == {
            "X-RateLimit-Limit": "3",
            "X-RateLimit-Remaining": "2",
            "X-RateLimit-Reset": str(int(ts(2026, 3, 2))),
        }


class TestTiers:
    def test_plans_have_the_contract_limits(self) -> None:
        assert PLAN_LIMITS == {
            "starter": (10, 100),
            "pro": (50, 1000),
            "organization": (200, 10000),
        }

    def test_standard_follows_the_workspace_plan(self) -> None:
        assert limits_for("standard", "pro") == (50, 1000)

    def test_unmetered_skips_limits(self) -> None:
        assert limits_for("unmetered", "starter") is None

    def test_high_gets_organization_limits(self) -> None:
        assert limits_for("high", "starter") == (200, 10000)


class TestStores:
    def test_an_unreachable_shared_store_lets_requests_through(self) -> None:
        limiter = RateLimiter("redis://127.0.0.1:1/0")
        decision = limiter.hit("k", 1, 1, now=ts(2026, 3, 1, 12, 0, 0))
        assert decision.allowed

    @pytest.mark.redis
    def test_redis_store_counts_exactly(self) -> None:
        from tests.conftest import REDIS_URL

        # A key of its own: the Redis database is shared with other tests (and test processes).
        identity = f"redis-k-{uuid.uuid4().hex}"
        limiter = RateLimiter(REDIS_URL)
        assert limiter.shared
        now = ts(2026, 3, 1, 12, 0, 10)
        results = [limiter.hit(identity, 3, 100, now=now).allowed for _ in range(4)]
        assert results == [True, True, True, False]
        other_process = RateLimiter(REDIS_URL)
        assert not other_process.hit(identity, 3, 100, now=now).allowed


def test_an_asyncio_storage_url_is_refused_at_start() -> None:
    # Its counters would be coroutines the synchronous limiter never awaits.
    with pytest.raises(ValueError, match="asyncio"):
        RateLimiter("async+memory://")
