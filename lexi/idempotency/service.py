"""Idempotency-Key: the first request with a key runs; replays get its stored response.

A key is scoped to the API key that sent it. Its record is written before the work starts
(``in_progress``), so a concurrent request with the same key waits for the first to finish
instead of running the work again. A different body under the same key is a conflict.
Responses of 5xx and 429 are not kept: the client may retry those.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from datetime import timedelta
from typing import Literal

from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy.exc import IntegrityError

from lexi.db.session import Database
from lexi.idempotency.repository import IdempotencyRepository
from lexi.kit.clock import utc_now
from lexi.models import IdempotencyRecord

# An in-progress record older than this belongs to a request that died; a new one may take over.
ABANDONED_AFTER = timedelta(minutes=5)
MAX_KEY_LENGTH = 255


@dataclass(frozen=True)
class Outcome:
    action: Literal["proceed", "replay", "conflict", "wait"]
    status_code: int | None = None
    content_type: str | None = None
    body: bytes | None = None


def fingerprint(method: str, path: str, query: str, body: bytes) -> str:
    try:
        canonical = json.dumps(json.loads(body), sort_keys=True, separators=(",", ":")).encode()
    except (ValueError, UnicodeDecodeError):
        canonical = body
    h = hashlib.sha256()
    for part in (method.encode(), path.encode(), query.encode(), canonical):
        h.update(part)
        h.update(b"\x00")
    return h.hexdigest()


def _cipher(secret: str) -> AESGCM:
    # The bearer token carries ~190 random bits, so one hash is a sound key derivation.
    return AESGCM(hashlib.sha256(b"lexi-idempotency\x00" + secret.encode()).digest())


def seal(secret: str, aad: str, body: bytes) -> bytes:
    """Encrypt a stored response with a key only the caller's bearer token can rebuild.

    Stored responses can hold secrets (a new API key's plaintext) and personal data; at rest
    they are ciphertext, readable only by a replay that presents the same token.
    """
    nonce = os.urandom(12)
    return nonce + _cipher(secret).encrypt(nonce, body, aad.encode())


def unseal(secret: str, aad: str, blob: bytes) -> bytes:
    return _cipher(secret).decrypt(blob[:12], blob[12:], aad.encode())


def begin(db: Database, scope: str, key: str, fp: str, ttl: timedelta) -> Outcome:
    for _ in range(3):
        try:
            with db.unit_of_work() as session:
                return _begin(IdempotencyRepository(session), scope, key, fp, ttl)
        except IntegrityError:
            continue  # another request inserted the same key first; read its record
    return Outcome("wait")


def _begin(repo: IdempotencyRepository, scope: str, key: str, fp: str, ttl: timedelta) -> Outcome:
    now = utc_now()
    rec = repo.find(scope, key)
    if rec is not None and rec.created_at < now - ttl:
        repo.remove(scope, key)
        rec = None
    if rec is None:
        repo.add(IdempotencyRecord(scope=scope, key=key, fingerprint=fp, state="in_progress"))
        return Outcome("proceed")
    if rec.fingerprint != fp:
        return Outcome("conflict")
    if rec.state == "completed":
        return Outcome("replay", rec.status_code, rec.content_type, rec.response_body)
    if rec.created_at < now - ABANDONED_AFTER:
        rec.created_at = now
        return Outcome("proceed")
    return Outcome("wait")


def complete(
    db: Database, scope: str, key: str, status_code: int, content_type: str | None, body: bytes
) -> None:
    with db.unit_of_work() as session:
        repo = IdempotencyRepository(session)
        if status_code >= 500 or status_code == 429:
            repo.remove(scope, key)
            return
        rec = repo.find(scope, key)
        if rec is None:
            return
        rec.state = "completed"
        rec.status_code = status_code
        rec.content_type = content_type
        rec.response_body = body
        rec.completed_at = utc_now()


def abandon(db: Database, scope: str, key: str) -> None:
    with db.unit_of_work() as session:
        IdempotencyRepository(session).remove(scope, key)


def purge_expired(db: Database, ttl: timedelta) -> int:
    with db.unit_of_work() as session:
        return IdempotencyRepository(session).purge_before(utc_now() - ttl)
