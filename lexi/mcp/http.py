"""``/mcp`` on ``lexi serve``: the MCP streamable-HTTP transport, started on first use.

The gateway has already resolved the bearer key (and applied the rate limit) as for ``/v1``; a
request without a valid key is answered ``401 invalid_key`` here. The MCP SDK is imported, and
its session manager started, by the first request to ``/mcp``, so a server nobody asks for MCP
pays nothing for it at start-up.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import anyio
from starlette.types import Receive, Scope, Send

from lexi.db.session import Database
from lexi.errors import InvalidKey, LexiError

PATH = "/mcp"


def _scope_caller(scope: Scope) -> Any:
    return (scope.get("state") or {}).get("caller")


def _caller_of(request: Any) -> Any:
    """The caller the gateway resolved for the HTTP request carrying an MCP message."""
    return _scope_caller(getattr(request, "scope", None) or {})


class McpEndpoint:
    """An ASGI app serving MCP's streamable HTTP; ``running()`` belongs in the app's lifespan."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._tg: Any = None
        self._manager: Any = None
        self._stop: anyio.Event | None = None
        self._lock = anyio.Lock()

    @asynccontextmanager
    async def running(self) -> AsyncIterator[None]:
        async with anyio.create_task_group() as tg:
            self._tg, self._stop = tg, anyio.Event()
            try:
                yield
            finally:
                self._stop.set()
                self._tg = None

    async def _manager_started(self) -> Any:
        async with self._lock:
            if self._manager is None:
                if self._tg is None:
                    raise LexiError("The MCP endpoint is not running.")
                from mcp.server.streamable_http_manager import StreamableHTTPSessionManager

                from lexi.mcp.server import build_server

                manager = StreamableHTTPSessionManager(
                    app=build_server(self.db, _caller_of), json_response=True, stateless=True
                )
                ready, stop = anyio.Event(), self._stop
                assert stop is not None

                async def serve() -> None:
                    async with manager.run():
                        ready.set()
                        await stop.wait()

                self._tg.start_soon(serve)
                await ready.wait()
                self._manager = manager
            return self._manager

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if _scope_caller(scope) is None:
            await _reply(send, InvalidKey())
            return
        try:
            manager = await self._manager_started()
        except LexiError as exc:
            await _reply(send, exc)
            return
        await manager.handle_request(scope, receive, send)


async def _reply(send: Send, exc: LexiError) -> None:
    await send(
        {
            "type": "http.response.start",
            "status": exc.status_code,
            "headers": [(b"content-type", b"application/json")],
        }
    )
    await send({"type": "http.response.body", "body": json.dumps(exc.body()).encode()})
