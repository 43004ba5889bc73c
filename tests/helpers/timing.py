"""Rate limits use fixed windows aligned to the clock minute: a burst of requests in real time
must not straddle a minute's edge, or its last requests count in a fresh window."""

from __future__ import annotations

import time


def start_of_a_minute() -> None:
    """Return early in a minute (sleeping past the next edge when fewer than 15 s are left)."""
    second = time.time() % 60
    if second > 45:
        time.sleep(61 - second)
