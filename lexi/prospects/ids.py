"""Prospect and company ids on the wire: UUIDs that encode the universe's integer keys.

The universe uses integer keys (it holds millions of rows); the API speaks UUIDs. The mapping
is a fixed bit layout, so the same generated universe always shows the same ids, and decoding
needs no lookup table.
"""

from __future__ import annotations

import uuid

# High 64 bits of every prospect / company UUID (a version-8 UUID with a fixed namespace).
_PERSON = 0x1E41_0000_0000_8000
_COMPANY = 0x1E41_0000_0001_8000
_LOW_TAG = 0x8000_0000_0000_0000  # RFC 4122 variant bits


def person_uuid(key: int) -> uuid.UUID:
    return uuid.UUID(int=(_PERSON << 64) | _LOW_TAG | key)


def company_uuid(key: int) -> uuid.UUID:
    return uuid.UUID(int=(_COMPANY << 64) | _LOW_TAG | key)


def _text(n: int) -> str:
    h = f"{n:032x}"
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def person_id_text(key: int) -> str:
    """``str(person_uuid(key))``, without building the UUID (a page shows 25 of them)."""
    return _text((_PERSON << 64) | _LOW_TAG | key)


def company_id_text(key: int) -> str:
    """``str(company_uuid(key))``, likewise."""
    return _text((_COMPANY << 64) | _LOW_TAG | key)


def _decode(value: uuid.UUID, high: int) -> int | None:
    n = value.int
    if n >> 64 != high or not (n & _LOW_TAG):
        return None
    return n & (_LOW_TAG - 1)


def person_key(value: uuid.UUID) -> int | None:
    """The integer key of a prospect UUID, or None if it is not a prospect id."""
    return _decode(value, _PERSON)


def company_key(value: uuid.UUID) -> int | None:
    return _decode(value, _COMPANY)
