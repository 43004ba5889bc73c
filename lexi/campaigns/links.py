"""Signed links in campaign emails: unsubscribe, open pixel, click redirect.

A token is ``base64url(kind:send_id[:base64url(url)]) + "." + HMAC-SHA256`` with the campaign's
own signing key (kept in the database, never sent). A token cannot be forged or altered without
the key, a click token only ever redirects to the URL it was signed with (no open redirect), and
a token of one workspace's email only ever affects that email's recipient.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import uuid
from dataclasses import dataclass

KINDS = ("u", "o", "c")  # unsubscribe, open, click
MAX_TOKEN = 4096


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _mac(key: str, payload: str) -> str:
    return hmac.new(key.encode(), payload.encode(), hashlib.sha256).hexdigest()[:40]


def sign(key: str, kind: str, send_id: uuid.UUID, url: str = "") -> str:
    payload = f"{kind}:{send_id.hex}" + (f":{_b64(url.encode())}" if url else "")
    return f"{_b64(payload.encode())}.{_mac(key, payload)}"


@dataclass(frozen=True)
class Token:
    kind: str
    send_id: uuid.UUID
    url: str
    payload: str
    mac: str

    def valid_for(self, key: str) -> bool:
        return hmac.compare_digest(self.mac, _mac(key, self.payload))


def parse(token: str, kind: str) -> Token | None:
    """The token's parts if it is well formed and of this kind (the MAC is checked later,
    with the key of the campaign it names)."""
    if not token or len(token) > MAX_TOKEN or token.count(".") != 1:
        return None
    body, mac = token.split(".")
    try:
        payload = _unb64(body).decode()
        parts = payload.split(":")
        if parts[0] != kind or len(parts) not in (2, 3):
            return None
        send_id = uuid.UUID(hex=parts[1])
        url = _unb64(parts[2]).decode() if len(parts) == 3 else ""
    except (ValueError, binascii.Error, UnicodeDecodeError):
        return None
    return Token(kind, send_id, url, payload, mac)
