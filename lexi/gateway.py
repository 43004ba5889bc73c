"""The API gateway: one ASGI middleware for what every request shares.

In order: request id → prefix rewrite → body size limit → key resolution → rate limit →
Idempotency-Key → the app. Endpoints then only check the scope they declare.
"""

from __future__ import annotations

import asyncio
import contextvars
import json
import logging
import re
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from lexi.auth import service as auth_service
from lexi.config import Settings
from lexi.db.session import Database
from lexi.errors import (
    ConcurrencyLimited,
    HeadersTooLarge,
    IdempotencyConflict,
    InvalidKey,
    LexiError,
    PayloadTooLarge,
    RateLimited,
    UnsupportedMediaType,
    ValidationFailed,
    from_database_error,
)
from lexi.idempotency import service as idem
from lexi.kit.clock import utc_now
from lexi.kit.logs import request_id_var
from lexi.mcp.http import PATH as MCP_PATH
from lexi.ratelimit.concurrency import ConcurrencyLimiter, Denied
from lexi.ratelimit.limiter import Decision, RateLimiter
from lexi.ratelimit.tiers import concurrency_for, limits_for

log = logging.getLogger("lexi.http")
_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:\-]{1,128}$")
WRITE_METHODS = frozenset({"POST", "PATCH", "PUT", "DELETE"})
# Threads that look up bearer keys (one indexed read each), shared by the process's gateways.
_AUTH_POOL = ThreadPoolExecutor(max_workers=8, thread_name_prefix="lexi-auth")


def _header(scope: Scope, name: bytes) -> str | None:
    for k, v in scope.get("headers", []):
        if k == name:
            return v.decode("latin-1")
    return None


def _bearer_token(scope: Scope) -> str | None:
    header = _header(scope, b"authorization")
    if not header:
        return None
    parts = header.split(None, 1)
    if len(parts) != 2 or parts[0].lower() != "bearer":
        return None
    return parts[1].strip()


MAX_JSON_DEPTH = 64
_JSON_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"', re.S)
_NOT_BRACKETS = bytes(set(range(256)) - set(b"[]{}"))


def json_too_deep(body: bytes, limit: int = MAX_JSON_DEPTH) -> bool:
    """True when the JSON text nests arrays/objects deeper than ``limit``.

    A flat scan of the bytes (strings blanked out first), so it runs before anything parses or
    walks the body recursively, and costs nothing for ordinary bodies.
    """
    if body.count(b"[") + body.count(b"{") <= limit:
        return False
    depth = 0
    for byte in _JSON_STRING.sub(b"", body).translate(None, _NOT_BRACKETS):
        if byte in (0x5B, 0x7B):
            depth += 1
            if depth > limit:
                return True
        else:
            depth -= 1
    return False


def _headers_size(scope: Scope) -> int:
    return sum(len(k) + len(v) + 4 for k, v in scope.get("headers", []))


def _strings_have_nul(value: Any) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_strings_have_nul(k) or _strings_have_nul(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_strings_have_nul(v) for v in value)
    return False


def _has_nul(scope: Scope, body: bytes) -> bool:
    query: bytes = scope.get("query_string", b"")
    if b"%00" in query or b"\x00" in query or "\x00" in scope["path"]:
        return True
    if b"\x00" in body:
        return True
    if b"\\u0000" in body.lower():
        try:
            return _strings_have_nul(json.loads(body))
        except ValueError:
            return False
    return False


# Endpoints that also take a raw email (RFC 822) as the body.
RAW_MAIL_PATHS = frozenset({"/v1/email/inbound"})


def _media(content_type: str) -> str:
    return content_type.split(";", 1)[0].strip().lower()


def _is_json(content_type: str) -> bool:
    media = content_type.split(";", 1)[0].strip().lower()
    return media == "application/json" or (
        media.startswith("application/") and media.endswith("+json")
    )


def _error_message(exc: LexiError) -> tuple[int, bytes]:
    return exc.status_code, json.dumps(exc.body()).encode()


class Gateway:
    def __init__(
        self,
        app: ASGIApp,
        *,
        settings: Settings,
        db: Database,
        limiter: RateLimiter,
        concurrency: ConcurrencyLimiter | None = None,
    ):
        self.app = app
        self.settings = settings
        self.db = db
        self.limiter = limiter
        self.concurrency = concurrency or ConcurrencyLimiter()
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
        status_holder: dict[str, Any] = {"status": 500}

        async def send_wrapper(message: Message) -> None:
            if message["type"] == "http.response.start":
                status_holder["status"] = message["status"]
                status_holder["started"] = True
                added = [(k.encode(), v.encode()) for k, v in extra_headers.items()]
                names = {k.lower() for k, _ in added}
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() not in names]
                headers += added
                message = {**message, "headers": headers}
            await send(message)

        try:
            await self._handle(scope, receive, send_wrapper, extra_headers)
        except Exception as exc:
            if status_holder.get("started"):
                raise
            # Answered here rather than by Starlette's outer error middleware, so the 500 still
            # carries X-Request-ID and the rate-limit headers and the server logs one JSON line.
            unavailable = from_database_error(exc)
            if unavailable is not None:
                log.warning("database unavailable: %s", type(exc).__name__)
                await self._reply_error(send_wrapper, unavailable, {})
            else:
                log.exception("unhandled error", extra={"request_id": rid})
                await self._reply_error(send_wrapper, LexiError(), {})
        finally:
            if log.isEnabledFor(logging.INFO):
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
        if _headers_size(scope) > self.settings.max_header_bytes:
            await self._reply_error(
                send, HeadersTooLarge(details={"max_bytes": self.settings.max_header_bytes}), {}
            )
            return
        path: str = scope["path"]
        is_api = path.startswith("/v1/") or path == "/v1" or path == MCP_PATH
        caller = None
        if is_api:
            # Who is calling and their budget come first, so every /v1 answer (a 413 included)
            # carries the rate-limit headers.
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
            if caller is not None and self.settings.ratelimit_enabled:
                allowed = concurrency_for(caller.tier, caller.plan)
                if allowed is not None:
                    slot = await self.concurrency.acquire(
                        str(caller.key_id), str(caller.workspace_id), *allowed
                    )
                    if isinstance(slot, Denied):
                        await self._reply_error(
                            send,
                            ConcurrencyLimited(
                                details={
                                    "retry_after": slot.retry_after,
                                    "limit": slot.limit,
                                    "scope": slot.scope,
                                }
                            ),
                            {"Retry-After": str(slot.retry_after)},
                        )
                        return
                    try:
                        await self._admitted(scope, receive, send, caller, is_api)
                    finally:
                        await self.concurrency.release(slot)
                    return
        await self._admitted(scope, receive, send, caller, is_api)

    async def _admitted(
        self,
        scope: Scope,
        receive: Receive,
        send: Send,
        caller: auth_service.Caller | None,
        is_api: bool,
    ) -> None:
        method: str = scope["method"]
        body = b""
        if method in WRITE_METHODS:
            try:
                body = await self._read_body(scope, receive)
            except PayloadTooLarge as exc:
                await self._reply_error(send, exc, {})
                return
            receive = _once(body, receive)
        if not is_api:
            await self.app(scope, receive, send)
            return
        if body and json_too_deep(body):
            await self._reply_error(
                send,
                ValidationFailed.field(
                    "body", f"JSON must not nest more than {MAX_JSON_DEPTH} levels deep"
                ),
                {},
            )
            return
        if _has_nul(scope, body):
            # PostgreSQL text cannot hold NUL; refusing it here keeps both databases alike.
            await self._reply_error(
                send,
                ValidationFailed.field("body", "Text must not contain NUL (\\u0000) characters"),
                {},
            )
            return
        if body:
            content_type = _header(scope, b"content-type")
            if content_type is None:
                # A body sent without a type is read as JSON rather than rejected.
                scope["headers"] = [*scope["headers"], (b"content-type", b"application/json")]
            elif not _is_json(content_type) and not (
                scope["path"] in RAW_MAIL_PATHS and _media(content_type) == "message/rfc822"
            ):
                await self._reply_error(send, UnsupportedMediaType(), {})
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
        token = _bearer_token(scope)
        if token is None:
            return None

        def lookup() -> auth_service.Caller | None:
            with self.db.unit_of_work(write=False) as session:
                caller, touch = auth_service.resolve(session, token)
            if caller is not None and touch:
                with self.db.unit_of_work() as session:
                    auth_service.record_usage(session, caller.key_id)
            return caller

        # Its own small pool rather than the endpoints' (AnyIO's, shared by every sync endpoint):
        # a lighter hop than AnyIO's worker threads, and a burst whose endpoints hold every
        # AnyIO thread cannot delay another tenant's authentication.
        context = contextvars.copy_context()  # the request id, for anything logged meanwhile
        return await asyncio.get_running_loop().run_in_executor(_AUTH_POOL, context.run, lookup)

    async def _rate_limit(
        self, scope: Scope, caller: auth_service.Caller | None
    ) -> Decision | None:
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
        now = utc_now().timestamp()
        if self.limiter.shared:
            return await run_in_threadpool(self.limiter.hit, identity, *limits, now)
        return self.limiter.hit(identity, *limits, now)

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
        secret = _bearer_token(scope) or ""
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
            headers = [(b"idempotent-replayed", b"true")]
            if outcome.content_type:
                headers.append((b"content-type", outcome.content_type.encode()))
            await send(
                {
                    "type": "http.response.start",
                    "status": outcome.status_code or 200,
                    "headers": headers,
                }
            )
            body_out = idem.unseal(secret, key, outcome.body) if outcome.body else b""
            await send({"type": "http.response.body", "body": body_out})
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
            idem.seal(secret, key, b"".join(captured["chunks"])),
        )


def _once(body: bytes, upstream: Receive) -> Receive:
    """Replay the body already read, then defer to the server, which reports a disconnect."""
    sent = False

    async def receive() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await upstream()

    return receive


__all__ = ["Gateway", "InvalidKey"]
