"""API key minting: ``wbk_`` + 32 random base62 characters + a 6-character checksum.

Only the SHA-256 of the whole key is stored. Keys carry ~190 bits of randomness, so a plain hash is
as safe as a slow one and lets authentication be a single indexed lookup. The checksum lets us
reject typos and random strings without touching the database.
"""

from __future__ import annotations

import hashlib
import secrets
import zlib

PREFIX = "wbk_"
_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_BODY_LEN = 32
_CHECK_LEN = 6


def _base62(n: int, width: int) -> str:
    out = []
    for _ in range(width):
        n, r = divmod(n, 62)
        out.append(_ALPHABET[r])
    return "".join(reversed(out))


def _checksum(body: str) -> str:
    return _base62(zlib.crc32(body.encode()), _CHECK_LEN)


def generate_token() -> str:
    body = "".join(secrets.choice(_ALPHABET) for _ in range(_BODY_LEN))
    return f"{PREFIX}{body}{_checksum(body)}"


def is_well_formed(token: str) -> bool:
    if not token.startswith(PREFIX) or len(token) != len(PREFIX) + _BODY_LEN + _CHECK_LEN:
        return False
    rest = token[len(PREFIX) :]
    if any(c not in _ALPHABET for c in rest):
        return False
    return _checksum(rest[:_BODY_LEN]) == rest[_BODY_LEN:]


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def display_prefix(token: str) -> str:
    return token[:8]
