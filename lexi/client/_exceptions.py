"""Exceptions raised by the client. One class per server error code.

::

    LexiError
    ├── APIConnectionError          the server could not be reached
    │   └── APITimeoutError
    └── APIStatusError              the server answered with an error envelope
        ├── ValidationError             400 validation_error (.fields)
        ├── InvalidKeyError             401 invalid_key
        ├── InsufficientCreditsError    402 insufficient_credits (.balance, .required)
        ├── PermissionDeniedError       403 insufficient_permissions
        ├── NotFoundError               404 not_found, list_not_found, ...
        ├── MethodNotAllowedError       405 method_not_allowed
        ├── ConflictError               409 conflict
        │   └── IdempotencyConflictError 409 idempotency_conflict
        ├── PayloadTooLargeError        413 payload_too_large
        ├── HeadersTooLargeError        431 headers_too_large
        ├── UnsupportedMediaTypeError   415 unsupported_media_type
        ├── RateLimitError              429 rate_limited (.retry_after)
        │   └── ConcurrencyLimitError   429 concurrency_limited (.retry_after)
        └── InternalServerError         5xx
            └── ServiceUnavailableError 503 service_unavailable (.retry_after)
"""

from __future__ import annotations

from typing import Any


class LexiError(Exception):
    """Base of every error this client raises."""


class APIConnectionError(LexiError):
    def __init__(self, message: str = "Could not connect to the Lexi server.") -> None:
        super().__init__(message)
        self.message = message


class APITimeoutError(APIConnectionError):
    def __init__(self, message: str = "The request to the Lexi server timed out.") -> None:
        super().__init__(message)


class APIStatusError(LexiError):
    code: str = "error"

    def __init__(
        self,
        message: str,
        *,
        status_code: int,
        code: str | None = None,
        details: dict[str, Any] | None = None,
        request_id: str | None = None,
        body: Any = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.status_code = status_code
        if code:
            self.code = code
        self.details = details or {}
        self.request_id = request_id
        self.body = body

    def __str__(self) -> str:
        rid = f" (request {self.request_id})" if self.request_id else ""
        return f"{self.status_code} {self.code}: {self.message}{rid}"


class ValidationError(APIStatusError):
    code = "validation_error"

    @property
    def fields(self) -> dict[str, str]:
        return dict(self.details.get("fields", {}))


class InvalidKeyError(APIStatusError):
    code = "invalid_key"


class InsufficientCreditsError(APIStatusError):
    code = "insufficient_credits"

    @property
    def balance(self) -> int | None:
        return self.details.get("balance")

    @property
    def required(self) -> int | None:
        return self.details.get("required")


class PermissionDeniedError(APIStatusError):
    code = "insufficient_permissions"


class NotFoundError(APIStatusError):
    code = "not_found"


class MethodNotAllowedError(APIStatusError):
    code = "method_not_allowed"


class ConflictError(APIStatusError):
    code = "conflict"


class IdempotencyConflictError(ConflictError):
    code = "idempotency_conflict"


class PayloadTooLargeError(APIStatusError):
    code = "payload_too_large"


class HeadersTooLargeError(APIStatusError):
    code = "headers_too_large"


class UnsupportedMediaTypeError(APIStatusError):
    code = "unsupported_media_type"


class RateLimitError(APIStatusError):
    code = "rate_limited"

    def __init__(self, message: str, *, retry_after: float | None = None, **kw: Any) -> None:
        super().__init__(message, **kw)
        self.retry_after = retry_after


class ConcurrencyLimitError(RateLimitError):
    code = "concurrency_limited"


class InternalServerError(APIStatusError):
    code = "internal_error"


class ServiceUnavailableError(InternalServerError):
    code = "service_unavailable"

    def __init__(self, message: str, *, retry_after: float | None = None, **kw: Any) -> None:
        super().__init__(message, **kw)
        self.retry_after = retry_after


BY_CODE: dict[str, type[APIStatusError]] = {
    cls.code: cls
    for cls in (
        ValidationError,
        InvalidKeyError,
        InsufficientCreditsError,
        PermissionDeniedError,
        NotFoundError,
        MethodNotAllowedError,
        ConflictError,
        IdempotencyConflictError,
        PayloadTooLargeError,
        HeadersTooLargeError,
        UnsupportedMediaTypeError,
        RateLimitError,
        ConcurrencyLimitError,
        InternalServerError,
        ServiceUnavailableError,
    )
}
BY_STATUS: dict[int, type[APIStatusError]] = {
    400: ValidationError,
    401: InvalidKeyError,
    402: InsufficientCreditsError,
    403: PermissionDeniedError,
    404: NotFoundError,
    405: MethodNotAllowedError,
    409: ConflictError,
    413: PayloadTooLargeError,
    431: HeadersTooLargeError,
    415: UnsupportedMediaTypeError,
    429: RateLimitError,
}


def error_class(status_code: int, code: str | None) -> type[APIStatusError]:
    if code in BY_CODE:
        return BY_CODE[code]
    if code and code.endswith("_not_found"):
        return NotFoundError
    if status_code >= 500:
        return InternalServerError
    return BY_STATUS.get(status_code, APIStatusError)
