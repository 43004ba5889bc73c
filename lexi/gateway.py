"""The API gateway: one ASGI middleware for what every request shares.

In order: request id → prefix rewrite → body size limit → key resolution → rate limit →
Idempotency-Key → the app. Endpoints then only check the scope they declare.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
import time
import uuid
from datetime import timedelta
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from lexi.auth import service as auth_service
from lexi.config import Settings
from lexi.db.session import Database
from lexi.errors import (
    IdempotencyConflict,
    InvalidKey,
    LexiError,
    PayloadTooLarge,
    RateLimited,
    ValidationFailed,
)
from lexi.idempotency import service as idem
from lexi.kit.logs import request_id_var
from lexi.ratelimit.limiter import Decision, RateLimiter
from lexi.ratelimit.tiers import limits_for

log = logging.getLogger("lexi.http")
_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:\-]{1,128}$")
WRITE_METHODS = frozenset({"POST", "PATCH", "PUT", "DELETE"})


def _header(scope: Scope, name: bytes) -> str | None:
    for k, v in scope.get("headers", []):
        if k == name:
            return v.decode("latin-1")
    return None


def _error_message(exc: LexiError) -> tuple[int, bytes]:
    return exc.status_code, json.dumps(exc.body()).encode()


class Gateway:
    def __init__(self, app: ASGIApp, *, settings: Settings, db: Database, limiter: RateLimiter):
        self.app = app
        self.settings = settings
        self.db = db
        self.limiter = limiter
        self.prefix = settings.api_prefix.rstrip("/")
        self.ttl = timedelta(hours=settings.idempotency_ttl_hours)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        raw_rid = _header(scope, b"x-request-id")
        rid = raw_rid if raw_rid and _REQUEST_ID.match(raw_rid) else uuid.uuid4().hex
        token = request_id_var.set(rid)
        state = scope.setdefault("state", {})
        state["request_id"] = rid
        if self.prefix and scope["path"].startswith(self.prefix + "/"):
            scope = dict(scope)
            scope["path"] = scope["path"][len(self.prefix) :]
            scope["raw_path"] = scope["path"].encode()
        extra_headers: dict[str, str] = {"X-Request-ID": rid}
        started = time.perf_counter()
        status_holder = {"status": 500}

        async def send_wrapper(message: Message) -> None:
            if message["type"] == "http.response.start":
                status_holder["status"] = message["status"]
                headers = [
                    (k, v)
                    for k, v in message.get("headers", [])
                    if k.decode("latin-1").lower() not in {h.lower() for h in extra_headers}
                ]
                headers += [(k.encode(), v.encode()) for k, v in extra_headers.items()]
                message = {**message, "headers": headers}
            await send(message)

        try:
            await self._handle(scope, receive, send_wrapper, extra_headers)
        finally:
            caller = state.get("caller")
            log.info(
                "request",
                extra={
                    "method": scope["method"],
                    "path": scope["path"],
                    "status": status_holder["status"],
                    "duration_ms": round((time.perf_counter() - started) * 1000, 2),
                    "key_prefix": caller.key_prefix if caller else None,
                    "request_id": rid,
                },
            )
            request_id_var.reset(token)

    async def _reply_error(self, send: Send, exc: LexiError, headers: dict[str, str]) -> None:
        status, body = _error_message(exc)
        hdrs = {**headers, **(exc.headers or {})}
        await send(
            {
                "type": "http.response.start",
                "status": status,
                "headers": [(b"content-type", b"application/json")]
                + [(k.encode(), v.encode()) for k, v in hdrs.items()],
            }
        )
        await send({"type": "http.response.body", "body": body})

    async def _handle(
        self, scope: Scope, receive: Receive, send: Send, extra: dict[str, str]
    ) -> None:
        path: str = scope["path"]
        is_api = path.startswith("/v1/") or path == "/v1"
        method: str = scope["method"]
        body = b""
        if method in WRITE_METHODS:
            try:
                body = await self._read_body(scope, receive)
            except PayloadTooLarge as exc:
                await self._reply_error(send, exc, {})
                return

            receive = _once(body)
        if not is_api:
            await self.app(scope, receive, send)
            return

        caller = await self._authenticate(scope)
        scope["state"]["caller"] = caller

        if self.settings.ratelimit_enabled:
            decision = await self._rate_limit(scope, caller)
            if decision is not None:
                extra.update(decision.headers())
                if not decision.allowed:
                    await self._reply_error(
                        send,
                        RateLimited(details={"retry_after": decision.retry_after}),
                        {"Retry-After": str(decision.retry_after)},
                    )
                    return

        idem_key = _header(scope, b"idempotency-key")
        if method in WRITE_METHODS and idem_key is not None and caller is not None:
            await self._idempotent(scope, receive, send, caller, idem_key, body)
            return
        await self.app(scope, receive, send)

    async def _read_body(self, scope: Scope, receive: Receive) -> bytes:
        limit = self.settings.max_body_bytes
        declared = _header(scope, b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            raise PayloadTooLarge(details={"max_bytes": limit})
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                break
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > limit:
                raise PayloadTooLarge(details={"max_bytes": limit})
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        return b"".join(chunks)

    async def _authenticate(self, scope: Scope) -> auth_service.Caller | None:
        header = _header(scope, b"authorization")
        if not header:
            return None
        parts = header.split(None, 1)
        if len(parts) != 2 or parts[0].lower() != "bearer":
            return None
        token = parts[1].strip()

        def lookup() -> auth_service.Caller | None:
            with self.db.unit_of_work(write=False) as session:
                caller = auth_service.authenticate(session, token)
                touch = caller is not None and auth_service.needs_touch(session, caller.key_id)
            if touch:
                with self.db.unit_of_work() as session:
                    auth_service.record_usage(session, caller.key_id)  # type: ignore[union-attr]
            return caller

        return await run_in_threadpool(lookup)

    async def _rate_limit(self, scope: Scope, caller: auth_service.Caller | None) -> Decision | None:
        if caller is not None:
            limits = limits_for(caller.tier, caller.plan)
            if limits is None:
                return None
            identity = f"key:{caller.key_id}"
        else:
            client = scope.get("client") or ("unknown", 0)
            per_minute = self.settings.anonymous_per_minute
            limits = (per_minute, per_minute * 60)
            identity = f"ip:{client[0]}"
        if self.limiter.shared:
            return await run_in_threadpool(self.limiter.hit, identity, *limits)
        return self.limiter.hit(identity, *limits)

    async def _idempotent(
        self,
        scope: Scope,
        receive: Receive,
        send: Send,
        caller: auth_service.Caller,
        key: str,
        body: bytes,
    ) -> None:
        if not key or len(key) > idem.MAX_KEY_LENGTH:
            await self._reply_error(
                send, ValidationFailed.field("Idempotency-Key", "Must be 1 to 255 characters"), {}
            )
            return
        fp = idem.fingerprint(
            scope["method"], scope["path"], scope.get("query_string", b"").decode("latin-1"), body
        )
        id_scope = str(caller.key_id)
        deadline = time.monotonic() + self.settings.idempotency_wait_seconds
        while True:
            outcome = await run_in_threadpool(idem.begin, self.db, id_scope, key, fp, self.ttl)
            if outcome.action != "wait":
                break
            if time.monotonic() > deadline:
                await self._reply_error(
                    send,
                    IdempotencyConflict(
                        "A request with this Idempotency-Key is still being processed."
                    ),
                    {},
                )
                return
            await asyncio.sleep(0.05)
        if outcome.action == "conflict":
            await self._reply_error(send, IdempotencyConflict(), {})
            return
        if outcome.action == "replay":
            await send(
                {
                    "type": "http.response.start",
                    "status": outcome.status_code or 200,
                    "headers": [
                        (b"content-type", (outcome.content_type or "application/json").encode()),
                        (b"idempotent-replayed", b"true"),
                    ],
                }
            )
            await send({"type": "http.response.body", "body": outcome.body or b""})
            return

        captured: dict[str, Any] = {"status": 500, "ct": None, "chunks": []}

        async def capture(message: Message) -> None:
            if message["type"] == "http.response.start":
                captured["status"] = message["status"]
                for k, v in message.get("headers", []):
                    if k.lower() == b"content-type":
                        captured["ct"] = v.decode("latin-1")
            elif message["type"] == "http.response.body":
                captured["chunks"].append(message.get("body", b""))
            await send(message)

        try:
            await self.app(scope, receive, capture)
        except BaseException:
            await run_in_threadpool(idem.abandon, self.db, id_scope, key)
            raise
        await run_in_threadpool(
            idem.complete,
            self.db,
            id_scope,
            key,
            captured["status"],
            captured["ct"],
            b"".join(captured["chunks"]),
        )


def _once(body: bytes) -> Receive:
    sent = False

    async def receive() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        # Afterwards behave like a client that is still connected until the response is done.
        await asyncio.Event().wait()
        return {"type": "http.disconnect"}

    return receive


__all__ = ["Gateway", "InvalidKey"]
