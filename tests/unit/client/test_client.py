"""The SDK against scripted transports: error mapping, retries, idempotency, URLs, pagination."""

from __future__ import annotations

import json
from typing import ClassVar

import httpx
import pytest

import lexi.client as client_pkg
from lexi.client import (
    APIConnectionError,
    AsyncLexi,
    ConcurrencyLimitError,
    ConflictError,
    HeadersTooLargeError,
    IdempotencyConflictError,
    InsufficientCreditsError,
    InternalServerError,
    InvalidKeyError,
    Lexi,
    MethodNotAllowedError,
    NotFoundError,
    Page,
    PayloadTooLargeError,
    PermissionDeniedError,
    RateLimitError,
    ServiceUnavailableError,
    UnsupportedMediaTypeError,
    ValidationError,
)
from lexi.errors import ERROR_CODES

KEY = "wbk_test"


def envelope(
    status: int, code: str, details: dict | None = None, headers: dict | None = None
) -> httpx.Response:
    body = {"error": {"code": code, "message": f"{code} happened"}}
    if details is not None:
        body["error"]["details"] = details
    return httpx.Response(status, json=body, headers={"X-Request-ID": "req-1", **(headers or {})})


def make(handler, **kw) -> Lexi:  # type: ignore[no-untyped-def]
    return Lexi(
        api_key=KEY, base_url="http://lexi.test", transport=httpx.MockTransport(handler), **kw
    )


class TestErrorMapping:
    CASES: ClassVar[list[tuple[int, str, type[Exception]]]] = [
        (400, "validation_error", ValidationError),
        (401, "invalid_key", InvalidKeyError),
        (402, "insufficient_credits", InsufficientCreditsError),
        (403, "insufficient_permissions", PermissionDeniedError),
        (404, "not_found", NotFoundError),
        (404, "list_not_found", NotFoundError),
        (405, "method_not_allowed", MethodNotAllowedError),
        (409, "conflict", ConflictError),
        (409, "idempotency_conflict", IdempotencyConflictError),
        (413, "payload_too_large", PayloadTooLargeError),
        (415, "unsupported_media_type", UnsupportedMediaTypeError),
        (431, "headers_too_large", HeadersTooLargeError),
        (429, "rate_limited", RateLimitError),
        (429, "concurrency_limited", ConcurrencyLimitError),
        (500, "internal_error", InternalServerError),
        (503, "service_unavailable", ServiceUnavailableError),
    ]

    @pytest.mark.parametrize("status,code,exc", CASES)
    def test_each_code_raises_its_exception_with_status_code_and_request_id(
        self, status, code, exc
    ):
        c = make(lambda req: envelope(status, code), max_retries=0)
        with pytest.raises(exc) as info:
            c.credits.get()
        assert info.value.status_code == status
        assert info.value.code == code
        assert info.value.request_id == "req-1"

    def test_every_server_error_code_has_a_client_exception(self):
        covered = {code for _, code, _ in self.CASES}
        assert set(ERROR_CODES) <= covered

    def test_insufficient_credits_carries_balance_and_required(self):
        c = make(lambda req: envelope(402, "insufficient_credits", {"balance": 3, "required": 5}))
        with pytest.raises(InsufficientCreditsError) as info:
            c.chat_with_lexi("hi")
        assert (info.value.balance, info.value.required) == (3, 5)

    def test_validation_error_carries_field_details(self):
        c = make(
            lambda req: envelope(400, "validation_error", {"fields": {"name": "Must be unique"}})
        )
        with pytest.raises(ValidationError) as info:
            c.lists.create("Q1 Leads")
        assert info.value.fields == {"name": "Must be unique"}

    def test_rate_limit_error_carries_retry_after(self):
        c = make(
            lambda req: envelope(429, "rate_limited", headers={"Retry-After": "7"}), max_retries=0
        )
        with pytest.raises(RateLimitError) as info:
            c.credits.get()
        assert info.value.retry_after == 7.0


class TestRetries:
    def test_429_is_retried_honouring_retry_after_with_the_same_idempotency_key(self, monkeypatch):
        sleeps: list[float] = []
        monkeypatch.setattr("lexi.client._client.time.sleep", sleeps.append)
        seen_keys: list[str] = []

        def handler(req: httpx.Request) -> httpx.Response:
            seen_keys.append(req.headers["Idempotency-Key"])
            if len(seen_keys) < 3:
                return envelope(429, "rate_limited", headers={"Retry-After": "2"})
            return httpx.Response(201, json={"data": {"id": "l1", "name": "Q1"}})

        c = make(handler, max_retries=3)
        assert c.lists.create("Q1") == {"id": "l1", "name": "Q1"}
        assert sleeps == [2.0, 2.0]
        assert len(set(seen_keys)) == 1 and len(seen_keys) == 3

    def test_a_wait_longer_than_a_minute_is_raised_at_once_not_slept_through(self, monkeypatch):
        sleeps: list[float] = []
        monkeypatch.setattr("lexi.client._client.time.sleep", sleeps.append)
        calls = []

        def handler(req: httpx.Request) -> httpx.Response:
            calls.append(1)
            return envelope(429, "rate_limited", headers={"Retry-After": "3600"})

        with pytest.raises(RateLimitError) as info:
            make(handler, max_retries=3).credits.get()
        assert info.value.retry_after == 3600.0
        assert len(calls) == 1 and sleeps == []

    def test_async_client_retries_with_the_same_idempotency_key(self, monkeypatch):
        import asyncio

        async def no_sleep(_: float) -> None:
            return None

        monkeypatch.setattr("lexi.client._client.asyncio.sleep", no_sleep)
        keys: list[str] = []

        def handler(req: httpx.Request) -> httpx.Response:
            keys.append(req.headers["Idempotency-Key"])
            if len(keys) == 1:
                raise httpx.ConnectError("reset", request=req)
            return httpx.Response(200, json={"data": {"response": "ok"}})

        async def go():
            async with AsyncLexi(
                api_key=KEY, base_url="http://lexi.test", transport=httpx.MockTransport(handler)
            ) as c:
                return await c.chat_with_lexi("hi")

        assert asyncio.run(go()) == {"response": "ok"}
        assert len(keys) == 2 and keys[0] == keys[1]

    def test_network_errors_are_retried_then_raised(self, monkeypatch):
        monkeypatch.setattr("lexi.client._client.time.sleep", lambda s: None)
        calls = []

        def handler(req: httpx.Request) -> httpx.Response:
            calls.append(1)
            raise httpx.ConnectError("refused", request=req)

        c = make(handler, max_retries=2)
        with pytest.raises(APIConnectionError):
            c.credits.get()
        assert len(calls) == 3

    def test_client_errors_are_not_retried(self):
        calls = []

        def handler(req: httpx.Request) -> httpx.Response:
            calls.append(1)
            return envelope(400, "validation_error")

        with pytest.raises(ValidationError):
            make(handler, max_retries=3).lists.create("x")
        assert len(calls) == 1

    def test_reads_carry_no_idempotency_key_and_each_write_call_gets_a_fresh_one(self):
        keys = []

        def handler(req: httpx.Request) -> httpx.Response:
            keys.append(req.headers.get("Idempotency-Key"))
            return httpx.Response(200, json={"data": {}})

        c = make(handler)
        c.credits.get()
        c.lists.create("a")
        c.lists.create("a")
        assert keys[0] is None and keys[1] and keys[2] and keys[1] != keys[2]


class TestConfiguration:
    def test_reads_key_and_base_url_from_the_environment(self, monkeypatch):
        monkeypatch.setenv("LEXI_API_KEY", "wbk_env")
        monkeypatch.setenv("LEXI_BASE_URL", "http://env.test")
        seen = {}

        def handler(req: httpx.Request) -> httpx.Response:
            seen["url"] = str(req.url)
            seen["auth"] = req.headers["Authorization"]
            return httpx.Response(200, json={"data": {"balance": 1}})

        Lexi(transport=httpx.MockTransport(handler)).credits.get()
        assert seen == {"url": "http://env.test/v1/credits", "auth": "Bearer wbk_env"}

    def test_missing_key_is_a_clear_error(self, monkeypatch):
        monkeypatch.delenv("LEXI_API_KEY", raising=False)
        with pytest.raises(ValueError, match="LEXI_API_KEY"):
            Lexi()

    def test_a_base_url_with_a_path_prefix_keeps_the_prefix(self):
        seen = []

        def handler(req: httpx.Request) -> httpx.Response:
            seen.append(req.url.path)
            return httpx.Response(200, json={"data": {}})

        c = Lexi(
            api_key=KEY,
            base_url="https://lexi.test/functions/v1/api-gateway",
            transport=httpx.MockTransport(handler),
        )
        c.chat_with_lexi("hi")
        assert seen == ["/functions/v1/api-gateway/v1/lexi/chat"]


class TestShapes:
    def test_chat_sends_message_and_context_and_returns_data(self):
        sent = {}

        def handler(req: httpx.Request) -> httpx.Response:
            sent.update(json.loads(req.content))
            return httpx.Response(200, json={"data": {"response": "ok", "conversation_id": "c1"}})

        out = make(handler).chat_with_lexi(
            "Filter to only New York", context={"conversation_id": "c1"}
        )
        assert out == {"response": "ok", "conversation_id": "c1"}
        assert sent == {"message": "Filter to only New York", "context": {"conversation_id": "c1"}}

    def test_list_endpoints_return_pages(self):
        def handler(req: httpx.Request) -> httpx.Response:
            return httpx.Response(
                200, json={"data": [{"id": "a"}], "meta": {"page": 2, "per_page": 1, "total": 5}}
            )

        page = make(handler).lists.list(page=2, per_page=1)
        assert isinstance(page, Page) and page.total == 5 and [x["id"] for x in page] == ["a"]

    def test_delete_returns_none_on_204(self):
        assert make(lambda req: httpx.Response(204)).api_keys.revoke("k1") is None

    def test_tasks_wait_polls_until_final(self, monkeypatch):
        monkeypatch.setattr("lexi.client._client.time.sleep", lambda s: None)
        states = iter(["approved", "running", "completed"])

        def handler(req: httpx.Request) -> httpx.Response:
            return httpx.Response(200, json={"data": {"id": "t1", "status": next(states)}})

        assert make(handler).tasks.wait("t1")["status"] == "completed"

    def test_a_prospect_search_is_a_page_of_people(self):
        def handler(req: httpx.Request) -> httpx.Response:
            return httpx.Response(
                200,
                json={
                    "data": {"prospects": [{"id": "p1"}, {"id": "p2"}]},
                    "meta": {"page": 1, "per_page": 2, "total": 40},
                },
            )

        page = make(handler).prospects.search(titles=["CEO"], limit=2)
        assert isinstance(page, Page) and page.total == 40
        assert [p["id"] for p in page] == ["p1", "p2"]

    def test_wait_gives_up_after_its_timeout(self, monkeypatch):
        from lexi.client import APITimeoutError

        monkeypatch.setattr("lexi.client._client.time.sleep", lambda s: None)

        def handler(req: httpx.Request) -> httpx.Response:
            return httpx.Response(200, json={"data": {"id": "t1", "status": "running"}})

        with pytest.raises(APITimeoutError, match="still running"):
            make(handler).tasks.wait("t1", timeout=0)

    def test_stream_yields_events_until_done(self):
        body = (
            'event: thinking\ndata: {"text": "Looking"}\n\n'
            'event: text\ndata: {"delta": "Hi", "conversation_id": "c"}\n\n'
            'event: done\ndata: {"credits_remaining": 9}\n\n'
            "data: [DONE]\n\n"
        )

        def handler(req: httpx.Request) -> httpx.Response:
            return httpx.Response(200, text=body, headers={"content-type": "text/event-stream"})

        events = list(make(handler).chat_with_lexi_stream("hi"))
        assert [e["event"] for e in events] == ["thinking", "text", "done"]
        assert events[2]["data"] == {"credits_remaining": 9}


class TestAsync:
    async def _run(self):
        def handler(req: httpx.Request) -> httpx.Response:
            return httpx.Response(200, json={"data": {"balance": 42, "entries": []}})

        async with AsyncLexi(
            api_key=KEY, base_url="http://lexi.test", transport=httpx.MockTransport(handler)
        ) as c:
            return await c.credits.get()

    def test_async_client_has_the_same_surface(self):
        import asyncio

        assert asyncio.run(self._run())["balance"] == 42


def test_public_names_are_pinned():
    assert sorted(client_pkg.__all__) == sorted(
        [
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
    )
