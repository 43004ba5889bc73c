"""Per-minute and per-day fixed windows aligned to the clock (the day resets at midnight UTC).

Counting is done by the ``limits`` library, in memory by default or in Redis when several API
processes must share one budget. Windows are aligned by putting the window's start in the
counter's identity, so every process agrees on when a window ends.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from limits import RateLimitItem, RateLimitItemPerDay, RateLimitItemPerMinute, storage

from lexi.ratelimit.breaker import Breaker

log = logging.getLogger("lexi.ratelimit")


@dataclass(frozen=True)
class Decision:
    allowed: bool
    limit: int
    remaining: int
    reset: int  # unix seconds
    retry_after: int

    def headers(self) -> dict[str, str]:
        h = {
            "X-RateLimit-Limit": str(self.limit),
            "X-RateLimit-Remaining": str(self.remaining),
            "X-RateLimit-Reset": str(self.reset),
        }
        if not self.allowed:
            h["Retry-After"] = str(self.retry_after)
        return h


def _sync_storage(url: str, **options: float) -> storage.Storage:
    """The counters' store; an ``async+...`` URL names an asyncio store this limiter cannot use."""
    store = storage.storage_from_string(url, **options)
    if not isinstance(store, storage.Storage):
        raise ValueError(
            f"{url.split('://', 1)[0]}: an asyncio storage; use a plain URL (redis://...)"
        )
    return store


class RateLimiter:
    def __init__(self, storage_url: str = "memory://", *, breaker: Breaker | None = None) -> None:
        # The synchronous Redis storage always uses redis-py; ``implementation=`` exists only on
        # the async storages and would be passed through to the connection (a TypeError).
        self.shared = storage_url != "memory://"
        options = {"socket_timeout": 0.5, "socket_connect_timeout": 0.5} if self.shared else {}
        self.storage = _sync_storage(storage_url, **options)
        # While the shared store is down, this process counts on its own: the limits still hold
        # (per process) and the headers report what was counted, not a full budget.
        self.local = storage.MemoryStorage() if self.shared else self.storage
        self.breaker = breaker or Breaker("redis")

    @property
    def degraded(self) -> bool:
        return self.shared and self.breaker.down

    def hit(
        self, identity: str, per_minute: int, per_day: int, now: float | None = None
    ) -> Decision:
        now = time.time() if now is None else now
        if self.shared and self.breaker.should_try():
            try:
                decision = self._hit(self.storage, identity, per_minute, per_day, now)
            except Exception as exc:  # noqa: BLE001  (a broken shared store must not take the API down)
                self.breaker.failed(exc)
            else:
                self.breaker.succeeded()
                return decision
        return self._hit(self.local, identity, per_minute, per_day, now)

    def _hit(
        self, store: storage.Storage, identity: str, per_minute: int, per_day: int, now: float
    ) -> Decision:
        minute_start = int(now // 60) * 60
        minute_reset = minute_start + 60
        day = datetime.fromtimestamp(now, timezone.utc).date()
        day_reset = int(
            datetime.combine(day + timedelta(days=1), datetime.min.time(), timezone.utc).timestamp()
        )
        m_item, d_item = RateLimitItemPerMinute(per_minute), RateLimitItemPerDay(per_day)
        # One increment per window (a round trip each on Redis); the returned count gives both
        # the decision and the remaining budget, with no separate read.
        used_m = self._incr(store, m_item, identity, "m", str(minute_start))
        if used_m > per_minute:
            return Decision(False, per_minute, 0, minute_reset, max(1, minute_reset - int(now)))
        used_d = self._incr(store, d_item, identity, "d", day.isoformat())
        if used_d > per_day:
            return Decision(False, per_day, 0, day_reset, max(1, day_reset - int(now)))
        m_left, d_left = per_minute - used_m, per_day - used_d
        if d_left < m_left:
            return Decision(True, per_day, d_left, day_reset, 0)
        return Decision(True, per_minute, m_left, minute_reset, 0)

    @staticmethod
    def _incr(store: storage.Storage, item: RateLimitItem, *identifiers: str) -> int:
        return int(store.incr(item.key_for(*identifiers), item.get_expiry()))

    def reset(self) -> None:
        self.storage.reset()
        if self.local is not self.storage:
            self.local.reset()
