"""Concurrent-request limits (load shedding): how many requests a key, and a workspace, may have
in flight at once.

A request takes a slot for its key and one for its workspace before it does any work and gives
them back when its response is sent. When either is full it is answered at once with
``429 concurrency_limited`` instead of queueing behind the others, so one tenant's burst never
holds the threads, connections and locks another tenant needs.

Slots are counted in this process, or in Redis when configured so every API process shares them
(a sorted set per identity, members expiring after ``SLOT_TTL_SECONDS`` in case a process died
holding them). If Redis cannot be reached, the in-process counters take over until it answers.
"""

from __future__ import annotations

import time
import uuid
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from lexi.ratelimit.breaker import Breaker

SLOT_TTL_SECONDS = 60
REDIS_TIMEOUT_SECONDS = 0.5

_ACQUIRE = """
local now, ttl = tonumber(ARGV[1]), tonumber(ARGV[2])
for i = 1, 2 do
  redis.call('ZREMRANGEBYSCORE', KEYS[i], '-inf', now - ttl)
  if redis.call('ZCARD', KEYS[i]) >= tonumber(ARGV[2 + i]) then
    return i
  end
end
for i = 1, 2 do
  redis.call('ZADD', KEYS[i], now, ARGV[5])
  redis.call('EXPIRE', KEYS[i], ttl)
end
return 0
"""


@dataclass(frozen=True)
class Slot:
    """A held slot; ``release`` it when the response has been sent."""

    keys: tuple[str, str]
    member: str
    shared: bool


@dataclass(frozen=True)
class Denied:
    scope: str  # "key" or "workspace"
    limit: int
    retry_after: int = 1


class ConcurrencyLimiter:
    def __init__(self, redis_url: str | None = None, *, breaker: Breaker | None = None) -> None:
        self.redis_url = redis_url
        self.breaker = breaker or Breaker("redis")
        self._local: dict[str, int] = defaultdict(int)
        self._redis: Any = None
        self._script: Any = None
        self._loop: Any = None

    def _client(self) -> Any:
        import asyncio

        loop = asyncio.get_running_loop()
        if self._redis is None or self._loop is not loop:
            from redis import asyncio as aioredis

            self._redis = aioredis.Redis.from_url(
                self.redis_url,  # type: ignore[arg-type]
                socket_timeout=REDIS_TIMEOUT_SECONDS,
                socket_connect_timeout=REDIS_TIMEOUT_SECONDS,
            )
            self._script = self._redis.register_script(_ACQUIRE)
            self._loop = loop
        return self._redis

    async def acquire(
        self, key_id: str, workspace_id: str, key_limit: int, workspace_limit: int
    ) -> Slot | Denied:
        keys = (f"lexi:inflight:key:{key_id}", f"lexi:inflight:ws:{workspace_id}")
        member = uuid.uuid4().hex
        if self.redis_url and self.breaker.should_try():
            try:
                self._client()
                result = int(
                    await self._script(
                        keys=list(keys),
                        args=[time.time(), SLOT_TTL_SECONDS, key_limit, workspace_limit, member],
                    )
                )
            except Exception as exc:  # noqa: BLE001 - any store failure falls back to local
                self.breaker.failed(exc)
            else:
                self.breaker.succeeded()
                if result == 0:
                    return Slot(keys, member, shared=True)
                if result == 1:
                    return Denied("key", key_limit)
                return Denied("workspace", workspace_limit)
        # In-process: the event loop runs one coroutine at a time, so check-then-add is atomic.
        if self._local[keys[0]] >= key_limit:
            return Denied("key", key_limit)
        if self._local[keys[1]] >= workspace_limit:
            return Denied("workspace", workspace_limit)
        self._local[keys[0]] += 1
        self._local[keys[1]] += 1
        return Slot(keys, member, shared=False)

    async def release(self, slot: Slot) -> None:
        if not slot.shared:
            for k in slot.keys:
                self._local[k] -= 1
                if self._local[k] <= 0:
                    del self._local[k]
            return
        try:
            client = self._client()
            async with client.pipeline(transaction=False) as pipe:
                for k in slot.keys:
                    pipe.zrem(k, slot.member)
                await pipe.execute()
        except Exception as exc:  # noqa: BLE001 - the slot expires by itself
            self.breaker.failed(exc)

    def in_flight(self, identity: str) -> int:
        """In-process count (tests and diagnostics)."""
        return self._local.get(identity, 0)
