"""The one error model of the API and the one handler that renders it.

Every failure a client can see is a ``LexiError`` rendered as
``{"error": {"code", "message", "details"}}``::

    LexiError (500 internal_error)
    ├── ValidationFailed        400 validation_error
    ├── InvalidKey              401 invalid_key
    ├── InsufficientCredits     402 insufficient_credits
    ├── InsufficientPermissions 403 insufficient_permissions
    ├── NotFound                404 not_found  (or a resource code: list_not_found, ...)
    ├── MethodNotAllowed        405 method_not_allowed
    ├── Conflict                409 conflict
    │   └── IdempotencyConflict 409 idempotency_conflict
    ├── PayloadTooLarge         413 payload_too_large
    ├── HeadersTooLarge         431 headers_too_large
    ├── UnsupportedMediaType    415 unsupported_media_type
    ├── RateLimited             429 rate_limited
    │   └── ConcurrencyLimited  429 concurrency_limited
    └── ServiceUnavailable      503 service_unavailable

FastAPI's own request validation (422) is mapped to 400 ``validation_error``, as the contract says.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the error classes are used by the CLI, which must not import the web stack
    from fastapi import FastAPI
    from fastapi.responses import JSONResponse

log = logging.getLogger("lexi.errors")


class LexiError(Exception):
    status_code: int = 500
    code: str = "internal_error"
    message: str = "Something went wrong on our side."

    def __init__(
        self,
        message: str | None = None,
        *,
        code: str | None = None,
        details: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        self.message = message or self.message
        if code:
            self.code = code
        self.details = details
        self.headers = headers
        super().__init__(self.message)

    def body(self) -> dict[str, Any]:
        err: dict[str, Any] = {"code": self.code, "message": self.message}
        if self.details is not None:
            err["details"] = self.details
        return {"error": err}


class ValidationFailed(LexiError):
    status_code = 400
    code = "validation_error"
    message = "The request is not valid."

    @classmethod
    def field(cls, name: str, problem: str, message: str | None = None) -> ValidationFailed:
        return cls(message or f"{name}: {problem}", details={"fields": {name: problem}})


class InvalidKey(LexiError):
    status_code = 401
    code = "invalid_key"
    message = "Missing, unknown, revoked or expired API key."


class InsufficientCredits(LexiError):
    status_code = 402
    code = "insufficient_credits"
    message = "Not enough credits."

    def __init__(self, balance: int, required: int) -> None:
        super().__init__(
            f"This needs {required} credits but the balance is {balance}.",
            details={"balance": balance, "required": required},
        )


class InsufficientPermissions(LexiError):
    status_code = 403
    code = "insufficient_permissions"
    message = "This API key does not have the scope this endpoint needs."


class NotFound(LexiError):
    status_code = 404
    code = "not_found"
    message = "Not found."


class MethodNotAllowed(LexiError):
    status_code = 405
    code = "method_not_allowed"
    message = "Method not allowed."


class Conflict(LexiError):
    status_code = 409
    code = "conflict"
    message = "The request conflicts with the current state."


class IdempotencyConflict(Conflict):
    code = "idempotency_conflict"
    message = "This Idempotency-Key was already used with a different request."


class PayloadTooLarge(LexiError):
    status_code = 413
    code = "payload_too_large"
    message = "The request body is too large."


class HeadersTooLarge(LexiError):
    status_code = 431
    code = "headers_too_large"
    message = "The request headers are too large."


class UnsupportedMediaType(LexiError):
    status_code = 415
    code = "unsupported_media_type"
    message = "Send the request body as application/json."


class RateLimited(LexiError):
    status_code = 429
    code = "rate_limited"
    message = "Too many requests. Retry after the time in the Retry-After header."


class ConcurrencyLimited(RateLimited):
    code = "concurrency_limited"
    message = (
        "Too many requests in flight at once for this key or workspace. "
        "Retry after the time in the Retry-After header."
    )


class ServiceUnavailable(LexiError):
    status_code = 503
    code = "service_unavailable"
    message = "The service is briefly unavailable. Retry after the time in the Retry-After header."

    def __init__(self, message: str | None = None, *, retry_after: int = 2) -> None:
        super().__init__(
            message,
            details={"retry_after": retry_after},
            headers={"Retry-After": str(retry_after)},
        )


# A wait that ran out (the SQLite write lock, a pooled connection) or a database that cannot be
# reached is the service being briefly unavailable, not a bug: 503 with Retry-After.
DB_BUSY_RETRY_AFTER = 1
DB_DOWN_RETRY_AFTER = 5


def from_database_error(exc: BaseException) -> ServiceUnavailable | None:
    """The 503 a database failure maps to, or None when ``exc`` is not one."""
    from sqlalchemy import exc as sa_exc

    if isinstance(exc, sa_exc.TimeoutError):
        return ServiceUnavailable(
            "All database connections are busy.", retry_after=DB_BUSY_RETRY_AFTER
        )
    if isinstance(exc, sa_exc.OperationalError):
        text = str(exc.orig if exc.orig is not None else exc).lower()
        if "locked" in text or "busy" in text:
            return ServiceUnavailable("The database is busy.", retry_after=DB_BUSY_RETRY_AFTER)
        return ServiceUnavailable("The database is unavailable.", retry_after=DB_DOWN_RETRY_AFTER)
    if isinstance(exc, (sa_exc.InterfaceError, sa_exc.DisconnectionError)):
        return ServiceUnavailable("The database is unavailable.", retry_after=DB_DOWN_RETRY_AFTER)
    return None


# Every code a client may see, with its status; docs/api.md documents each (a test checks).
ERROR_CODES: dict[str, int] = {
    "validation_error": 400,
    "invalid_key": 401,
    "insufficient_credits": 402,
    "insufficient_permissions": 403,
    "not_found": 404,
    "method_not_allowed": 405,
    "conflict": 409,
    "idempotency_conflict": 409,
    "payload_too_large": 413,
    "headers_too_large": 431,
    "unsupported_media_type": 415,
    "rate_limited": 429,
    "concurrency_limited": 429,
    "internal_error": 500,
    "service_unavailable": 503,
}


# The resource-specific variants of 404 not_found (``NotFound(code=...)``). Clients treat them
# as not_found; docs/api.md documents each, and a test fails when a code is raised that is
# registered in neither table.
NOT_FOUND_CODES: frozenset[str] = frozenset(
    {
        "api_key_not_found",
        "campaign_not_found",
        "contact_not_found",
        "conversation_not_found",
        "list_not_found",
        "task_not_found",
        "workspace_not_found",
    }
)


def error_response(exc: LexiError) -> JSONResponse:
    from fastapi.responses import JSONResponse

    return JSONResponse(exc.body(), status_code=exc.status_code, headers=exc.headers)


def _loc_name(loc: tuple[Any, ...] | list[Any]) -> str:
    parts = [str(p) for p in loc if p not in ("body", "query", "path", "header")]
    return ".".join(parts) or "body"


def validation_details(errors: Sequence[Mapping[str, Any]]) -> tuple[str, dict[str, str]]:
    fields: dict[str, str] = {}
    for err in errors:
        if err.get("type") == "json_invalid":
            return "The request body is not valid JSON.", {"body": "Malformed JSON"}
        name = _loc_name(err.get("loc", ()))
        msg = str(err.get("msg", "Invalid value"))
        fields.setdefault(name, msg)
    first = next(iter(fields.items()), ("body", "Invalid"))
    return f"Invalid request: {first[0]}: {first[1]}", fields


def _allowed_methods(app: FastAPI, path: str) -> str | None:
    """Every method ``path`` answers. A path is often served by several routes (GET and POST
    /v1/lists); the router's own 405 names only the first route's methods. The most specific
    paths win, as in the OpenAPI document: /v1/contacts/bulk is not /v1/contacts/{contact_id}."""
    table = getattr(app.state, "allowed_methods", None)
    if table is None:
        from starlette.routing import compile_path

        from lexi.openapi import api_routes

        table = [(compile_path(p)[0], p.count("{"), ms) for p, ms, _ in api_routes(app)]
        app.state.allowed_methods = table
    matches = [(params, ms) for regex, params, ms in table if regex.match(path)]
    if not matches:
        return None
    fewest = min(params for params, _ in matches)
    methods = set().union(*(ms for params, ms in matches if params == fewest))
    return ", ".join(sorted(methods)) or None


def install_error_handlers(app: FastAPI) -> None:
    from fastapi import Request
    from fastapi.exceptions import RequestValidationError
    from starlette.exceptions import HTTPException as StarletteHTTPException

    @app.exception_handler(LexiError)
    async def _lexi(_: Request, exc: LexiError) -> JSONResponse:
        return error_response(exc)

    @app.exception_handler(RequestValidationError)
    async def _validation(_: Request, exc: RequestValidationError) -> JSONResponse:
        message, fields = validation_details(list(exc.errors()))
        return error_response(ValidationFailed(message, details={"fields": fields}))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        if exc.status_code == 404:
            err: LexiError = NotFound(
                "No such endpoint." if exc.detail == "Not Found" else str(exc.detail)
            )
        elif exc.status_code == 405:
            allow = _allowed_methods(app, request.url.path)
            headers = {"Allow": allow} if allow else dict(exc.headers or {})
            err = MethodNotAllowed(headers=headers or None)
        elif exc.status_code == 413:
            err = PayloadTooLarge()
        elif exc.status_code < 500:
            err = ValidationFailed(str(exc.detail))
            err.status_code = exc.status_code
        else:
            err = LexiError()
        return error_response(err)

    async def _database(request: Request, exc: Exception) -> JSONResponse:
        mapped = from_database_error(exc)
        if mapped is None:
            return await _unhandled(request, exc)
        log.warning(
            "database unavailable: %s",
            type(exc).__name__,
            extra={"request_id": getattr(request.state, "request_id", None)},
        )
        return error_response(mapped)

    from sqlalchemy import exc as sa_exc

    for cls in (
        sa_exc.TimeoutError,
        sa_exc.OperationalError,
        sa_exc.InterfaceError,
        sa_exc.DisconnectionError,
    ):
        app.add_exception_handler(cls, _database)

    @app.exception_handler(Exception)
    async def _unhandled(request: Request, exc: Exception) -> JSONResponse:
        log.error(
            "unhandled error",
            exc_info=exc,
            extra={"request_id": getattr(request.state, "request_id", None)},
        )
        return error_response(LexiError())
