"""Plan tiers → (per minute, per day). A key's tier picks its limits."""

from __future__ import annotations

PLAN_LIMITS: dict[str, tuple[int, int]] = {
    "starter": (10, 100),
    "pro": (50, 1_000),
    "organization": (200, 10_000),
}


def limits_for(key_tier: str, plan: str) -> tuple[int, int] | None:
    """``None`` means unmetered.

    ``standard`` follows the workspace's plan, ``high`` gets the organization limits, and a plan
    name (starter, pro, organization) pins that plan's limits to the key.
    """
    if key_tier == "unmetered":
        return None
    if key_tier == "high":
        return PLAN_LIMITS["organization"]
    if key_tier in PLAN_LIMITS:
        return PLAN_LIMITS[key_tier]
    return PLAN_LIMITS.get(plan, PLAN_LIMITS["starter"])


# Requests in flight at once: (per key, per workspace). Beyond them: 429 concurrency_limited.
PLAN_CONCURRENCY: dict[str, tuple[int, int]] = {
    "starter": (2, 4),
    "pro": (5, 10),
    "organization": (10, 20),
}


def concurrency_for(key_tier: str, plan: str) -> tuple[int, int] | None:
    """``None`` (unmetered keys) means no concurrency limit; otherwise as ``limits_for``."""
    if key_tier == "unmetered":
        return None
    if key_tier == "high":
        return PLAN_CONCURRENCY["organization"]
    if key_tier in PLAN_CONCURRENCY:
        return PLAN_CONCURRENCY[key_tier]
    return PLAN_CONCURRENCY.get(plan, PLAN_CONCURRENCY["starter"])
