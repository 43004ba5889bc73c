"""Running model calls from synchronous code: one event loop in a daemon thread, so HTTP
connections to the model are reused across chat turns and campaign drafts."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Coroutine
from typing import Any

from pydantic_ai.usage import RunUsage


class _Loop:
    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        threading.Thread(target=self.loop.run_forever, name="lexi-model", daemon=True).start()

    def run(self, coro: Coroutine[Any, Any, Any], timeout: float) -> Any:
        future = asyncio.run_coroutine_threadsafe(coro, self.loop)
        try:
            return future.result(timeout)
        except TimeoutError:
            future.cancel()
            raise


_LOOP: _Loop | None = None
_LOOP_LOCK = threading.Lock()


def run(coro: Coroutine[Any, Any, Any], timeout: float) -> Any:
    """Run ``coro`` on the model loop; ``TimeoutError`` after ``timeout`` seconds."""
    global _LOOP
    with _LOOP_LOCK:
        if _LOOP is None:
            _LOOP = _Loop()
        loop = _LOOP
    return loop.run(coro, timeout)


def usage_of(usage: RunUsage) -> dict[str, int]:
    return {
        "requests": int(usage.requests),
        "input_tokens": int(usage.input_tokens or 0),
        "output_tokens": int(usage.output_tokens or 0),
    }
