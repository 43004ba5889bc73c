"""A shared store (Redis) that may go away: remember the outage, log it once, retry later.

While the store is down, callers use their in-process fallback. One warning when the outage starts,
one info line when the store answers again; no stack trace per request.
"""

from __future__ import annotations

import logging
import threading
import time

log = logging.getLogger("lexi.ratelimit")


class Breaker:
    def __init__(self, name: str, *, retry_seconds: float = 5.0) -> None:
        self.name = name
        self.retry_seconds = retry_seconds
        self._down_since: float | None = None
        self._next_try = 0.0
        self._lock = threading.Lock()

    @property
    def down(self) -> bool:
        return self._down_since is not None

    def should_try(self) -> bool:
        """True when the store is up, or down long enough that it is worth one more try."""
        return self._down_since is None or time.monotonic() >= self._next_try

    def failed(self, exc: BaseException) -> None:
        with self._lock:
            now = time.monotonic()
            self._next_try = now + self.retry_seconds
            if self._down_since is None:
                self._down_since = now
                log.warning(
                    "%s unavailable (%s); using in-process limits until it answers again",
                    self.name,
                    type(exc).__name__,
                )

    def succeeded(self) -> None:
        if self._down_since is None:
            return
        with self._lock:
            if self._down_since is None:
                return
            outage = time.monotonic() - self._down_since
            self._down_since = None
            log.info("%s available again after %.1f s; shared limits resumed", self.name, outage)
