"""Request plumbing shared by the sync and async clients: URLs, headers, retries, errors."""

from __future__ import annotations

import json
import os
import random
import uuid
from dataclasses import dataclass
from typing import Any

import httpx

from lexi.client._exceptions import RateLimitError, ServiceUnavailableError, error_class

DEFAULT_BASE_URL = "http://127.0.0.1:8000"
DEFAULT_TIMEOUT = 60.0
DEFAULT_MAX_RETRIES = 2
WRITE_METHODS = frozenset({"POST", "PATCH", "PUT", "DELETE"})
RETRY_STATUSES = frozenset({429, 502, 503, 504})
MAX_BACKOFF = 60.0


def resolve_config(api_key: str | None, base_url: str | None) -> tuple[str, str]:
    key = api_key if api_key is not None else os.environ.get("LEXI_API_KEY")
    if not key:
        raise ValueError(
            "No API key: pass api_key=... or set the LEXI_API_KEY environment variable."
        )
    url = base_url or os.environ.get("LEXI_BASE_URL") or DEFAULT_BASE_URL
    # httpx joins relative paths onto the base path, so a LeadLex-style base with a path prefix
    # (https://host/functions/v1/api-gateway) keeps its prefix.
    return key, url.rstrip("/") + "/"


def headers(api_key: str) -> dict[str, str]:
    from lexi.client import __version__

    return {
        "Authorization": f"Bearer {api_key}",
        "User-Agent": f"lexi-python/{__version__}",
        "Accept": "application/json",
    }


@dataclass
class Prepared:
    method: str
    path: str
    params: dict[str, Any] | None
    json_body: Any
    headers: dict[str, str]


def prepare(
    method: str,
    path: str,
    *,
    params: dict[str, Any] | None = None,
    json_body: Any = None,
    idempotency_key: str | None = None,
) -> Prepared:
    method = method.upper()
    hdrs: dict[str, str] = {}
    if method in WRITE_METHODS:
        # One key per logical call, reused by every retry, so a retry never repeats the work.
        hdrs["Idempotency-Key"] = idempotency_key or str(uuid.uuid4())
    clean = {k: v for k, v in (params or {}).items() if v is not None}
    return Prepared(method, path.lstrip("/"), clean or None, json_body, hdrs)


def _retry_after(response: httpx.Response | None) -> float | None:
    raw = response.headers.get("retry-after") if response is not None else None
    try:
        return max(0.0, float(raw)) if raw else None
    except ValueError:
        return None


def retry_delay(attempt: int, response: httpx.Response | None) -> float:
    wait = _retry_after(response)
    if wait is not None:
        return wait
    return min(MAX_BACKOFF, 0.5 * (2**attempt)) * (0.75 + random.random() * 0.5)


def should_retry(response: httpx.Response) -> bool:
    if response.status_code not in RETRY_STATUSES:
        return False
    # A window that resets in minutes or hours (a daily quota) is the caller's decision, not a
    # retry: sleeping through it would look like a hang.
    wait = _retry_after(response)
    return wait is None or wait <= MAX_BACKOFF


def raise_for_error(response: httpx.Response) -> None:
    if response.status_code < 400:
        return
    try:
        body = response.json()
    except (ValueError, json.JSONDecodeError):
        body = None
    err = body.get("error", {}) if isinstance(body, dict) else {}
    code = err.get("code") if isinstance(err, dict) else None
    message = (err.get("message") if isinstance(err, dict) else None) or response.reason_phrase
    details = err.get("details") if isinstance(err, dict) else None
    cls = error_class(response.status_code, code)
    kwargs: dict[str, Any] = {
        "status_code": response.status_code,
        "code": code,
        "details": details,
        "request_id": response.headers.get("x-request-id"),
        "body": body,
    }
    if issubclass(cls, (RateLimitError, ServiceUnavailableError)):
        kwargs["retry_after"] = _retry_after(response)
    raise cls(message or f"HTTP {response.status_code}", **kwargs)


def unwrap(response: httpx.Response) -> Any:
    raise_for_error(response)
    if response.status_code == 204 or not response.content:
        return None
    ctype = response.headers.get("content-type", "")
    if not ctype.startswith("application/json"):
        return response.text
    return response.json()


def parse_sse(lines: list[str]) -> dict[str, Any] | None:
    """One SSE event block (lines without the blank separator) → {"event", "data"}."""
    event = "message"
    data_lines: list[str] = []
    for line in lines:
        if line.startswith(":"):
            continue
        field, _, value = line.partition(":")
        value = value.removeprefix(" ")
        if field == "event":
            event = value
        elif field == "data":
            data_lines.append(value)
    if not data_lines:
        return None
    raw = "\n".join(data_lines)
    if raw == "[DONE]":
        return {"event": "end", "data": None}
    try:
        data: Any = json.loads(raw)
    except ValueError:
        data = raw
    return {"event": event, "data": data}
