"""The Lexi Python client. Depends only on httpx; imports nothing from the server.

from lexi.client import Lexi
client = Lexi(api_key="wbk_...", base_url="http://127.0.0.1:8000")
reply = client.chat_with_lexi("Find me 20 CEOs at law firms in New York")
"""

from lexi.client._client import AsyncLexi, Lexi, Page
from lexi.client._exceptions import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    ConcurrencyLimitError,
    ConflictError,
    HeadersTooLargeError,
    IdempotencyConflictError,
    InsufficientCreditsError,
    InternalServerError,
    InvalidKeyError,
    LexiError,
    MethodNotAllowedError,
    NotFoundError,
    PayloadTooLargeError,
    PermissionDeniedError,
    RateLimitError,
    ServiceUnavailableError,
    UnsupportedMediaTypeError,
    ValidationError,
)

__version__ = "0.1.0"

__all__ = [
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncLexi",
    "ConcurrencyLimitError",
    "ConflictError",
    "HeadersTooLargeError",
    "IdempotencyConflictError",
    "InsufficientCreditsError",
    "InternalServerError",
    "InvalidKeyError",
    "Lexi",
    "LexiError",
    "MethodNotAllowedError",
    "NotFoundError",
    "Page",
    "PayloadTooLargeError",
    "PermissionDeniedError",
    "RateLimitError",
    "ServiceUnavailableError",
    "UnsupportedMediaTypeError",
    "ValidationError",
    "__version__",
]
