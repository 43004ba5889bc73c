"""``Lexi`` and ``AsyncLexi``: the clients."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from typing import Any, Self

import httpx

from lexi.client import _base
from lexi.client._exceptions import APIConnectionError, APITimeoutError
from lexi.client._resources import (
    RESOURCES,
    ApiKeys,
    Contacts,
    Conversations,
    Credits,
    LexiSettings,
    Lists,
    Prospects,
    Tasks,
)

FINAL_TASK_STATES = frozenset({"completed", "failed", "dismissed"})


@dataclass
class Page:
    """One page of a list endpoint: ``data`` items and ``meta`` {page, per_page, total}."""

    data: list[dict[str, Any]]
    meta: dict[str, Any] = field(default_factory=dict)

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return iter(self.data)

    def __len__(self) -> int:
        return len(self.data)

    @property
    def total(self) -> int:
        return int(self.meta.get("total", len(self.data)))


def _shape(payload: Any, paged: bool | str) -> Any:
    """``data`` of the envelope; a ``Page`` for list endpoints. ``paged`` may name the key inside
    ``data`` that holds the items (``data.prospects`` of a prospect search)."""
    if not isinstance(payload, dict) or "data" not in payload:
        return payload
    if paged:
        data = payload["data"]
        if isinstance(paged, str) and isinstance(data, dict):
            data = data.get(paged, [])
        return Page(data=data, meta=payload.get("meta", {}))
    return payload["data"]


def _chat_body(
    message: str, context: dict[str, Any] | None, conversation_id: str | None
) -> dict[str, Any]:
    body: dict[str, Any] = {"message": message}
    ctx = {k: str(v) for k, v in (context or {}).items() if v is not None}
    if conversation_id:
        ctx["conversation_id"] = str(conversation_id)
    if ctx:
        body["context"] = ctx
    return body


def _personalize_body(
    contact_id: str,
    intent: str,
    template: str | None,
    tone: str | None,
    length: str | None,
    language: str | None,
) -> dict[str, Any]:
    body: dict[str, Any] = {"contact_id": str(contact_id), "intent": intent}
    for key, value in (
        ("template", template), ("tone", tone), ("length", length), ("language", language)
    ):  # fmt: skip
        if value is not None:
            body[key] = value
    return body


class _Namespaces:
    # Declared for editors and type checkers; _mount creates every registered resource.
    tasks: Tasks
    conversations: Conversations
    lists: Lists
    contacts: Contacts
    prospects: Prospects
    credits: Credits
    api_keys: ApiKeys
    settings: LexiSettings

    def _mount(self) -> None:
        for name, cls in RESOURCES.items():
            setattr(self, name, cls(self))


class Lexi(_Namespaces):
    """Synchronous client.

    ``Lexi(api_key=..., base_url=...)``; both default to ``LEXI_API_KEY`` / ``LEXI_BASE_URL``.
    ``transport=`` takes any httpx transport (tests pass ``httpx.ASGITransport`` or a
    ``WSGITransport``-style one). 429s and network errors are retried with backoff, reusing the
    same ``Idempotency-Key`` so a retried write never runs twice.
    """

    def __init__(
        self,
        api_key: str | None = None,
        base_url: str | None = None,
        *,
        timeout: float = _base.DEFAULT_TIMEOUT,
        max_retries: int = _base.DEFAULT_MAX_RETRIES,
        transport: httpx.BaseTransport | None = None,
        http_client: httpx.Client | None = None,
    ) -> None:
        self.api_key, self.base_url = _base.resolve_config(api_key, base_url)
        self.max_retries = max_retries
        self._http = http_client or httpx.Client(
            base_url=self.base_url, timeout=timeout, transport=transport
        )
        self._http.headers.update(_base.headers(self.api_key))
        self._mount()

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _send(self, p: _base.Prepared) -> httpx.Response:
        attempt = 0
        while True:
            try:
                response = self._http.request(
                    p.method, p.path, params=p.params, json=p.json_body, headers=p.headers
                )
            except httpx.TimeoutException as exc:
                if attempt >= self.max_retries:
                    raise APITimeoutError() from exc
                time.sleep(_base.retry_delay(attempt, None))
            except httpx.TransportError as exc:
                if attempt >= self.max_retries:
                    raise APIConnectionError(f"Could not reach {self.base_url}: {exc}") from exc
                time.sleep(_base.retry_delay(attempt, None))
            else:
                if attempt >= self.max_retries or not _base.should_retry(response):
                    return response
                time.sleep(_base.retry_delay(attempt, response))
            attempt += 1

    def _call(
        self,
        method: str,
        path: str,
        *,
        params: dict[str, Any] | None = None,
        json_body: Any = None,
        paged: bool | str = False,
        idempotency_key: str | None = None,
    ) -> Any:
        p = _base.prepare(
            method, path, params=params, json_body=json_body, idempotency_key=idempotency_key
        )
        return _shape(_base.unwrap(self._send(p)), paged)

    # Lexi chat -----------------------------------------------------------------------------

    def chat_with_lexi(
        self,
        message: str,
        context: dict[str, Any] | None = None,
        *,
        conversation_id: str | None = None,
        idempotency_key: str | None = None,
    ) -> dict[str, Any]:
        """Send one message to Lexi; returns the response ``data`` (response, task_id,
        requires_approval, conversation_id, message_id, credits_used, credits_remaining, actions)."""
        return self._call(
            "POST",
            "/v1/lexi/chat",
            json_body=_chat_body(message, context, conversation_id),
            idempotency_key=idempotency_key,
        )

    def personalize_email(
        self,
        contact_id: str,
        intent: str,
        *,
        template: str | None = None,
        tone: str | None = None,
        length: str | None = None,
        language: str | None = None,
        idempotency_key: str | None = None,
    ) -> dict[str, Any]:
        """One email for one contact (2 credits): subject, body_text, body_html,
        personalization_notes, reading_time_seconds, credits_remaining. ``tone``: professional,
        warm, formal or casual; ``length``: short, medium or long."""
        return self._call(
            "POST",
            "/v1/lexi/personalize-email",
            json_body=_personalize_body(contact_id, intent, template, tone, length, language),
            idempotency_key=idempotency_key,
        )

    def chat_with_lexi_stream(
        self,
        message: str,
        context: dict[str, Any] | None = None,
        *,
        conversation_id: str | None = None,
    ) -> Iterator[dict[str, Any]]:
        """The same turn as server-sent events: yields {"event", "data"} until ``done``."""
        p = _base.prepare(
            "POST", "/v1/lexi/chat/stream", json_body=_chat_body(message, context, conversation_id)
        )
        try:
            with self._http.stream(
                "POST",
                p.path,
                json=p.json_body,
                headers={**p.headers, "Accept": "text/event-stream"},
            ) as response:
                if response.status_code >= 400:
                    response.read()
                    _base.raise_for_error(response)
                block: list[str] = []
                for line in response.iter_lines():
                    if line:
                        block.append(line)
                        continue
                    event = _base.parse_sse(block)
                    block = []
                    if event is None:
                        continue
                    if event["event"] == "end":
                        return
                    yield event
                if block and (event := _base.parse_sse(block)) and event["event"] != "end":
                    yield event
        except httpx.TransportError as exc:
            raise APIConnectionError(f"Could not reach {self.base_url}: {exc}") from exc

    def _wait_task(
        self, task_id: str, *, timeout: float = 120.0, interval: float = 0.5
    ) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while True:
            task = self.tasks.get(task_id)
            if task.get("status") in FINAL_TASK_STATES:
                return task
            if time.monotonic() >= deadline:
                raise APITimeoutError(
                    f"Task {task_id} was still {task.get('status')} after {timeout:g} s."
                )
            time.sleep(interval)


class AsyncLexi(_Namespaces):
    """Asynchronous client with the same surface as ``Lexi`` (methods are awaitable)."""

    def __init__(
        self,
        api_key: str | None = None,
        base_url: str | None = None,
        *,
        timeout: float = _base.DEFAULT_TIMEOUT,
        max_retries: int = _base.DEFAULT_MAX_RETRIES,
        transport: httpx.AsyncBaseTransport | None = None,
        http_client: httpx.AsyncClient | None = None,
    ) -> None:
        self.api_key, self.base_url = _base.resolve_config(api_key, base_url)
        self.max_retries = max_retries
        self._http = http_client or httpx.AsyncClient(
            base_url=self.base_url, timeout=timeout, transport=transport
        )
        self._http.headers.update(_base.headers(self.api_key))
        self._mount()

    async def close(self) -> None:
        await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    async def _send(self, p: _base.Prepared) -> httpx.Response:
        attempt = 0
        while True:
            try:
                response = await self._http.request(
                    p.method, p.path, params=p.params, json=p.json_body, headers=p.headers
                )
            except httpx.TimeoutException as exc:
                if attempt >= self.max_retries:
                    raise APITimeoutError() from exc
                await asyncio.sleep(_base.retry_delay(attempt, None))
            except httpx.TransportError as exc:
                if attempt >= self.max_retries:
                    raise APIConnectionError(f"Could not reach {self.base_url}: {exc}") from exc
                await asyncio.sleep(_base.retry_delay(attempt, None))
            else:
                if attempt >= self.max_retries or not _base.should_retry(response):
                    return response
                await asyncio.sleep(_base.retry_delay(attempt, response))
            attempt += 1

    async def _call(
        self,
        method: str,
        path: str,
        *,
        params: dict[str, Any] | None = None,
        json_body: Any = None,
        paged: bool | str = False,
        idempotency_key: str | None = None,
    ) -> Any:
        p = _base.prepare(
            method, path, params=params, json_body=json_body, idempotency_key=idempotency_key
        )
        return _shape(_base.unwrap(await self._send(p)), paged)

    async def chat_with_lexi(
        self,
        message: str,
        context: dict[str, Any] | None = None,
        *,
        conversation_id: str | None = None,
        idempotency_key: str | None = None,
    ) -> dict[str, Any]:
        """Send one message to Lexi; returns the response ``data`` (see ``Lexi.chat_with_lexi``)."""
        return await self._call(
            "POST",
            "/v1/lexi/chat",
            json_body=_chat_body(message, context, conversation_id),
            idempotency_key=idempotency_key,
        )

    async def personalize_email(
        self,
        contact_id: str,
        intent: str,
        *,
        template: str | None = None,
        tone: str | None = None,
        length: str | None = None,
        language: str | None = None,
        idempotency_key: str | None = None,
    ) -> dict[str, Any]:
        """One email for one contact (see ``Lexi.personalize_email``)."""
        return await self._call(
            "POST",
            "/v1/lexi/personalize-email",
            json_body=_personalize_body(contact_id, intent, template, tone, length, language),
            idempotency_key=idempotency_key,
        )

    async def chat_with_lexi_stream(
        self,
        message: str,
        context: dict[str, Any] | None = None,
        *,
        conversation_id: str | None = None,
    ) -> AsyncIterator[dict[str, Any]]:
        """The same turn as server-sent events: yields {"event", "data"} until ``done``."""
        p = _base.prepare(
            "POST", "/v1/lexi/chat/stream", json_body=_chat_body(message, context, conversation_id)
        )
        try:
            async with self._http.stream(
                "POST",
                p.path,
                json=p.json_body,
                headers={**p.headers, "Accept": "text/event-stream"},
            ) as response:
                if response.status_code >= 400:
                    await response.aread()
                    _base.raise_for_error(response)
                block: list[str] = []
                async for line in response.aiter_lines():
                    if line:
                        block.append(line)
                        continue
                    event = _base.parse_sse(block)
                    block = []
                    if event is None:
                        continue
                    if event["event"] == "end":
                        return
                    yield event
                if block and (event := _base.parse_sse(block)) and event["event"] != "end":
                    yield event
        except httpx.TransportError as exc:
            raise APIConnectionError(f"Could not reach {self.base_url}: {exc}") from exc

    async def _wait_task(
        self, task_id: str, *, timeout: float = 120.0, interval: float = 0.5
    ) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while True:
            task = await self.tasks.get(task_id)
            if task.get("status") in FINAL_TASK_STATES:
                return task
            if time.monotonic() >= deadline:
                raise APITimeoutError(
                    f"Task {task_id} was still {task.get('status')} after {timeout:g} s."
                )
            await asyncio.sleep(interval)


__all__ = ["AsyncLexi", "Lexi", "Page"]
