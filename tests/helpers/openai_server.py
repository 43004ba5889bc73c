"""A small server speaking the OpenAI chat-completions protocol on loopback, for end-to-end tests.

    with OpenAIProtocolServer(brain) as server:      # brain(request_json) -> Reply
        LEXI_MODEL_BASE_URL = server.url + "/v1"

``brain`` answers each request with ``Reply.tool(name, args)`` (a tool call), ``Reply.text(...)``
(plain content) or ``Reply(delay=...)`` (answer late); token usage is the reply's, or estimated
at ~4 characters a token. Every request body is kept in
``requests``, and the Authorization header each one carried in ``keys``.
"""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Self

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from tests.helpers.server import free_port


@dataclass
class Reply:
    tool_name: str | None = None
    arguments: dict[str, Any] | str | None = None
    content: str | None = None
    delay: float = 0.0
    # None: estimated from the request and the answer at ~4 characters a token.
    usage: dict[str, int] | None = None

    @classmethod
    def tool(cls, name: str, arguments: dict[str, Any] | str) -> Reply:
        return cls(tool_name=name, arguments=arguments)

    @classmethod
    def text(cls, content: str) -> Reply:
        return cls(content=content)


Brain = Callable[[dict[str, Any]], Reply]


def completion(body: dict[str, Any], reply: Reply, n: int) -> dict[str, Any]:
    message: dict[str, Any] = {"role": "assistant", "content": reply.content}
    finish = "stop"
    if reply.tool_name is not None:
        args = reply.arguments
        message["tool_calls"] = [
            {
                "id": f"call_{n}",
                "type": "function",
                "function": {
                    "name": reply.tool_name,
                    "arguments": args if isinstance(args, str) else json.dumps(args),
                },
            }
        ]
        finish = "tool_calls"
    answer = json.dumps(message)
    usage = dict(reply.usage or {})
    usage.setdefault("prompt_tokens", len(json.dumps(body)) // 4)
    usage.setdefault("completion_tokens", len(answer) // 4)
    usage["total_tokens"] = usage["prompt_tokens"] + usage["completion_tokens"]
    return {
        "id": f"chatcmpl-{n}",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": body.get("model", "stub"),
        "choices": [{"index": 0, "message": message, "finish_reason": finish}],
        "usage": usage,
    }


class OpenAIProtocolServer:
    def __init__(self, brain: Brain) -> None:
        self.brain = brain
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.requests: list[dict[str, Any]] = []
        self.keys: list[str | None] = []
        app = Starlette(routes=[Route("/v1/chat/completions", self._complete, methods=["POST"])])
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning")
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, daemon=True)

    async def _complete(self, request: Request) -> JSONResponse:
        body = await request.json()
        self.requests.append(body)
        self.keys.append(request.headers.get("authorization"))
        reply = self.brain(body)
        if reply.delay:
            await asyncio.sleep(reply.delay)
        return JSONResponse(completion(body, reply, len(self.requests)))

    def __enter__(self) -> Self:
        self._thread.start()
        deadline = time.monotonic() + 30
        while not self._server.started:
            if time.monotonic() > deadline or not self._thread.is_alive():
                raise RuntimeError("the OpenAI-protocol test server did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=10)


def user_message(body: dict[str, Any]) -> str:
    """The user's chat message inside Lexi's prompt (the JSON string in <message>...</message>)."""
    for message in reversed(body.get("messages", [])):
        if message.get("role") == "user":
            content = message.get("content")
            if isinstance(content, list):
                content = "".join(p.get("text", "") for p in content if isinstance(p, dict))
            text = str(content)
            if "<message>" in text:
                return str(json.loads(text.split("<message>", 1)[1].rsplit("</message>", 1)[0]))
    return ""
