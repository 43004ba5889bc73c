"""The MCP server: Lexi's tools over the official MCP SDK (imported only here).

Each call authenticates its caller (the HTTP request's bearer key, or the key ``lexi mcp`` was
started with), validates the arguments against the tool's model and runs the tool in one unit of
work in a worker thread. Failures come back as tool errors carrying the API's error envelope
(``{"error": {"code", "message", "details"}}``), never as data.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from typing import Any

import anyio
import mcp_types as types
from mcp.server.lowlevel import Server
from pydantic import ValidationError

import lexi
from lexi.auth.service import Caller
from lexi.db.session import Database
from lexi.errors import InvalidKey, LexiError, ValidationFailed, validation_details
from lexi.mcp.tools import TOOLS, McpTool

log = logging.getLogger("lexi.mcp")

INSTRUCTIONS = (
    "Lexi is a prospecting assistant. Use `chat` for requests in plain language, or the "
    "structured tools (search_prospects, lists, contacts, tasks, credits). Costly selections come "
    "back as pending tasks with a quote; approve them with `approve_task`."
)

# Who is calling, for one tool call: the request's key over HTTP, the configured key over stdio.
CallerResolver = Callable[[Any], Caller | None]


def _error(exc: LexiError) -> types.CallToolResult:
    body = exc.body()
    return types.CallToolResult(
        content=[types.TextContent(type="text", text=json.dumps(body))],
        structured_content=body,
        is_error=True,
    )


def _ok(data: dict[str, Any]) -> types.CallToolResult:
    text = json.dumps(data, default=str)
    return types.CallToolResult(
        content=[types.TextContent(type="text", text=text)],
        structured_content=json.loads(text),
    )


def _tool(spec: McpTool) -> types.Tool:
    return types.Tool(
        name=spec.name,
        description=spec.description,
        input_schema=spec.input_schema(),
        annotations=types.ToolAnnotations(
            read_only_hint=not spec.writes, destructive_hint=False, open_world_hint=False
        ),
    )


def run_tool(db: Database, caller: Caller, spec: McpTool, arguments: dict[str, Any]) -> Any:
    """Validate and run one tool in its own unit of work (committed on success only)."""
    try:
        args = spec.args_model.model_validate(arguments)
    except ValidationError as exc:
        message, fields = validation_details(exc.errors())
        raise ValidationFailed(message, details={"fields": fields}) from None
    with db.unit_of_work(write=spec.writes) as session:
        return spec.run(session, caller, args)


def build_server(db: Database, resolve_caller: CallerResolver) -> Server[Any]:
    """The MCP server; ``resolve_caller(request)`` names who calls (None: no valid key)."""

    async def list_tools(ctx: Any, params: Any) -> types.ListToolsResult:
        return types.ListToolsResult(tools=[_tool(spec) for spec in TOOLS.values()])

    async def call_tool(ctx: Any, params: types.CallToolRequestParams) -> types.CallToolResult:
        spec = TOOLS.get(params.name)
        if spec is None:
            return _error(
                ValidationFailed(f"Unknown tool: {params.name}.", details={"valid": sorted(TOOLS)})
            )
        caller = await anyio.to_thread.run_sync(resolve_caller, ctx.request)
        if caller is None:
            return _error(InvalidKey())
        try:
            data = await anyio.to_thread.run_sync(
                run_tool, db, caller, spec, dict(params.arguments or {})
            )
        except LexiError as exc:
            if exc.status_code >= 500:
                log.exception("mcp tool %s failed", spec.name)
            return _error(exc)
        except Exception:
            log.exception("mcp tool %s failed", spec.name)
            return _error(LexiError())
        return _ok(data)

    return Server(
        "lexi",
        version=lexi.__version__,
        instructions=INSTRUCTIONS,
        on_list_tools=list_tools,
        on_call_tool=call_tool,
    )
