"""Scopes an API key can hold, and the aliases accepted when a key is created."""

from __future__ import annotations

from enum import StrEnum


class Scope(StrEnum):
    lexi = "lexi"
    contacts_read = "contacts:read"
    contacts_write = "contacts:write"
    campaigns_read = "campaigns:read"
    campaigns_write = "campaigns:write"
    prospects_read = "prospects:read"
    admin_api_keys = "admin:api_keys"


ALL_SCOPES = [s.value for s in Scope]
ALIASES: dict[str, list[str]] = {
    "read": [s for s in ALL_SCOPES if s.endswith(":read")],
    "write": [s for s in ALL_SCOPES if s.endswith(":write")],
    "all": ALL_SCOPES,
}


def normalize_scope(raw: str) -> list[str] | None:
    """One requested scope (or alias) to canonical scopes; ``None`` when unknown.

    Accepts ``contacts:read``, its other word order ``read:contacts``, and the aliases above.
    """
    value = raw.strip().lower().replace("-", "_")
    if value in ALIASES:
        return list(ALIASES[value])
    if value in ALL_SCOPES:
        return [value]
    if ":" in value:
        a, b = value.split(":", 1)
        if f"{b}:{a}" in ALL_SCOPES:
            return [f"{b}:{a}"]
    if value == "admin:keys":
        return [Scope.admin_api_keys.value]
    return None


def normalize_scopes(raw: list[str]) -> tuple[list[str], list[str]]:
    """Returns (canonical scopes in a stable order, unknown inputs)."""
    found: set[str] = set()
    unknown: list[str] = []
    for item in raw:
        scopes = normalize_scope(item)
        if scopes is None:
            unknown.append(item)
        else:
            found.update(scopes)
    return [s for s in ALL_SCOPES if s in found], unknown
