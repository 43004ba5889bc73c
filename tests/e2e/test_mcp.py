"""Lexi's MCP server, driven by the MCP SDK's own client over both transports.

HTTP: a real ``lexi serve`` process, ``/mcp`` with a bearer key. stdio: a ``lexi mcp``
subprocess started the way Claude Desktop starts it. The same rules as over REST hold: scopes
(a missing one is a tool error, not data), the turn's quote and credits, and approval tasks
returned with their quote instead of run.
"""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import Awaitable, Callable, Iterator
from typing import Any

import httpx
import httpx2
import pytest
from mcp import Client, StdioServerParameters
from mcp.client.streamable_http import streamable_http_client

from lexi.credits import service as credits_service
from lexi.models import Conversation
from tests.helpers.chat import cohorts, drain  # noqa: F401  (cohorts is a fixture)
from tests.helpers.server import LexiServer

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("cohorts")]
BIG_SEARCH = "Find 50 CEOs at law firms in California"
EXPECTED_TOOLS = {
    "chat",
    "search_prospects",
    "save_prospects",
    "list_lists",
    "get_list",
    "create_list",
    "add_to_list",
    "list_contacts",
    "get_contact",
    "create_contact",
    "list_tasks",
    "get_task",
    "approve_task",
    "dismiss_task",
    "get_credits",
    "list_campaigns",
    "get_campaign",
    "create_campaign",
    "rewrite_campaign",
    "start_campaign",
    "pause_campaign",
    "campaign_stats",
}


@pytest.fixture(scope="module")
def server(migrated: str, cohorts) -> Iterator[LexiServer]:  # type: ignore[no-untyped-def]  # noqa: F811
    with LexiServer(migrated) as running:
        yield running


Session = Callable[[Client], Awaitable[Any]]


def over_http(server: LexiServer, key: str | None, body: Session) -> Any:
    async def go() -> Any:
        headers = {"Authorization": f"Bearer {key}"} if key else {}
        async with httpx2.AsyncClient(headers=headers, timeout=60) as http:
            transport = streamable_http_client(server.url + "/mcp", http_client=http)
            async with Client(transport) as client:
                return await body(client)

    return asyncio.run(go())


def over_stdio(database_url: str, key: str, body: Session) -> Any:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LEXI_")}
    env.update(
        {
            "LEXI_API_KEY": key,
            "LEXI_DATABASE_URL": database_url,
            "LEXI_LOG_LEVEL": "WARNING",
        }
    )
    params = StdioServerParameters(
        command=sys.executable, args=["-m", "lexi", "mcp", "--no-worker"], env=env
    )

    async def go() -> Any:
        async with Client(params, read_timeout_seconds=60) as client:
            return await body(client)

    return asyncio.run(go())


def data(result: Any) -> dict[str, Any]:
    assert not result.is_error, result.content
    return result.structured_content


def error(result: Any) -> dict[str, Any]:
    assert result.is_error, result.structured_content
    return result.structured_content["error"]


def _conversations(db, workspace_id) -> int:  # type: ignore[no-untyped-def]
    from sqlalchemy import func, select

    with db.unit_of_work(write=False) as s:
        return s.scalar(
            select(func.count())
            .select_from(Conversation)
            .where(Conversation.workspace_id == workspace_id)
        )


class TestOverHttp:
    def test_the_tools_are_listed_with_their_schemas(self, server, api_key) -> None:  # type: ignore[no-untyped-def]
        async def body(client: Client) -> Any:
            return (await client.list_tools()).tools

        tools = {t.name: t for t in over_http(server, api_key, body)}
        assert set(tools) >= EXPECTED_TOOLS
        search = tools["search_prospects"].input_schema["properties"]
        assert {"titles", "industries", "locations", "limit", "page"} <= set(search)
        assert tools["chat"].input_schema["required"] == ["message"]
        assert tools["search_prospects"].annotations.read_only_hint is True
        assert tools["approve_task"].annotations.read_only_hint is False

    def test_a_chat_turn_runs_the_search_and_charges_as_over_rest(  # type: ignore[no-untyped-def]
        self, server, api_key, db, workspace
    ) -> None:
        async def body(client: Client) -> Any:
            return await client.call_tool(
                "chat", {"message": "Find me 5 CEOs at law firms in New York"}
            )

        out = data(over_http(server, api_key, body))
        [action] = out["actions"]
        assert action["type"] == "prospect_search" and action["status"] == "completed"
        assert action["filters"]["locations"] == ["New York, NY, US"]
        assert len(action["prospects"]) == 5
        assert out["credits_used"] == 6 and out["credits_remaining"] == 1000 - 6
        assert out["requires_approval"] is False and out["pending_tasks"] == []
        with db.unit_of_work(write=False) as s:
            assert credits_service.balance(s, workspace.id) == 1000 - 6

    def test_a_large_selection_returns_the_task_and_its_quote_and_approval_charges_it(  # type: ignore[no-untyped-def]
        self, server, api_key, db, workspace
    ) -> None:
        async def ask(client: Client) -> Any:
            return await client.call_tool("chat", {"message": BIG_SEARCH})

        out = data(over_http(server, api_key, ask))
        assert out["requires_approval"] is True
        [pending] = out["pending_tasks"]
        assert pending["task_id"] == out["task_id"]
        assert pending["quote"]["credits"] == 5 and pending["quote"]["contacts"] == 50
        assert out["credits_used"] == 1  # the message; the search waits for approval

        async def approve(client: Client) -> Any:
            listed = data(await client.call_tool("list_tasks", {}))
            approved = data(await client.call_tool("approve_task", {"task_id": out["task_id"]}))
            # Run it at once: an approved task left waiting would be claimed by the worker
            # processes other tests start on the same database.
            drain(db)
            again = await client.call_tool("approve_task", {"task_id": out["task_id"]})
            return listed, approved, again

        listed, approved, again = over_http(server, api_key, approve)
        assert out["task_id"] in [t["id"] for t in listed["tasks"]]
        assert approved == {
            "task_id": out["task_id"],
            "status": "approved",
            "execution_started": True,
        }
        assert error(again)["code"] == "validation_error"  # approved once, charged once
        with db.unit_of_work(write=False) as s:
            assert credits_service.balance(s, workspace.id) == 1000 - 1 - 5

        async def result(client: Client) -> Any:
            return data(await client.call_tool("get_task", {"task_id": out["task_id"]}))

        task = over_http(server, api_key, result)
        assert task["status"] == "completed" and task["result"]["total_matches"] >= 50
        with db.unit_of_work(write=False) as s:
            assert credits_service.balance(s, workspace.id) == 1000 - 1 - 5

    def test_a_key_without_the_scope_gets_a_tool_error_and_no_data(  # type: ignore[no-untyped-def]
        self, server, factory, workspace
    ) -> None:
        key = factory.key(workspace.id, scopes=["lexi", "contacts:read"])

        async def body(client: Client) -> Any:
            return (
                await client.call_tool("search_prospects", {"titles": ["CEO"]}),
                await client.call_tool("create_list", {"name": "Not allowed"}),
                await client.call_tool("list_lists", {}),
            )

        search, create, lists = over_http(server, key, body)
        assert error(search)["code"] == "insufficient_permissions"
        assert error(search)["details"] == {"required_scope": "prospects:read"}
        assert "prospects" not in search.structured_content
        assert error(create)["details"] == {"required_scope": "contacts:write"}
        assert data(lists)["lists"] == []

    def test_an_unaffordable_turn_is_a_tool_error_and_leaves_no_trace(  # type: ignore[no-untyped-def]
        self, server, factory, db
    ) -> None:
        poor = factory.workspace(credits=3)
        key = factory.key(poor.id)

        async def body(client: Client) -> Any:
            return await client.call_tool(
                "chat", {"message": "Find me 5 CEOs at law firms in New York"}
            )

        err = error(over_http(server, key, body))
        assert err["code"] == "insufficient_credits"
        assert _conversations(db, poor.id) == 0
        with db.unit_of_work(write=False) as s:
            assert credits_service.balance(s, poor.id) == 3

    def test_bad_arguments_are_a_validation_error(self, server, api_key) -> None:  # type: ignore[no-untyped-def]
        async def body(client: Client) -> Any:
            return (
                await client.call_tool("search_prospects", {"industries": ["Underwater Basket"]}),
                await client.call_tool("get_task", {"task_id": "not-a-uuid"}),
                await client.call_tool(
                    "get_list", {"list_id": "00000000-0000-0000-0000-000000000000"}
                ),
            )

        industry, task, missing = over_http(server, api_key, body)
        assert error(industry)["code"] == "validation_error"
        assert "Law Practice" in error(industry)["details"]["valid"]
        assert error(task)["code"] == "validation_error"
        assert error(missing)["code"] == "list_not_found"

    def test_a_campaign_is_drafted_rewritten_and_started_only_through_approval(  # type: ignore[no-untyped-def]
        self, server, api_key, db, factory, workspace
    ) -> None:
        async def draft(client: Client) -> Any:
            lst = data(await client.call_tool("create_list", {"name": "MCP campaign leads"}))
            contact = data(
                await client.call_tool(
                    "create_contact",
                    {"full_name": "Ann Lee", "email": "ann@lee-law.example.com",
                     "job_title": "Managing Partner"},
                )
            )  # fmt: skip
            await client.call_tool(
                "add_to_list", {"list_id": lst["id"], "contact_ids": [contact["contact"]["id"]]}
            )
            created = data(
                await client.call_tool(
                    "create_campaign",
                    {"name": "Legal automation", "list_id": lst["id"], "topic": "legal automation"},
                )
            )
            casual = data(
                await client.call_tool(
                    "rewrite_campaign",
                    {"campaign_id": created["id"], "instruction": "make it more casual"},
                )
            )
            started = data(await client.call_tool("start_campaign", {"campaign_id": created["id"]}))
            stats = data(await client.call_tool("campaign_stats", {"campaign_id": created["id"]}))
            return created, casual, started, stats

        created, casual, started, stats = over_http(server, api_key, draft)
        assert len(created["steps"]) == 3 and created["revision"] == 1
        assert created["written_by"]["writer"] == "template"  # no model configured
        assert casual["revision"] == 2 and casual["change"] == "more casual"
        assert started["requires_approval"] is True and started["status"] == "pending_approval"
        task = started["task"]
        assert task["type"] == "campaign_start" and task["status"] == "pending"
        assert task["metadata"]["revision"] == 2 and task["metadata"]["recipients"] == 1
        assert stats["scheduled_count"] == 0  # nothing before approval

        async def approve(client: Client) -> Any:
            data(await client.call_tool("approve_task", {"task_id": task["id"]}))
            drain(db)
            return data(await client.call_tool("get_campaign", {"campaign_id": created["id"]}))

        campaign = over_http(server, api_key, approve)
        assert campaign["status"] == "active" and campaign["sending_revision"] == 2

        reader = factory.key(workspace.id, scopes=["campaigns:read"])

        async def denied(client: Client) -> Any:
            return (
                await client.call_tool("create_campaign", {"name": "No", "topic": "x"}),
                await client.call_tool("list_campaigns", {}),
            )

        create, listed = over_http(server, reader, denied)
        assert error(create)["details"] == {"required_scope": "campaigns:write"}
        assert created["id"] in [c["id"] for c in data(listed)["campaigns"]]

    def test_without_a_valid_key_mcp_answers_401(self, server) -> None:  # type: ignore[no-untyped-def]
        init = {
            "jsonrpc": "2.0",
            "id": 1,
            "method": "initialize",
            "params": {
                "protocolVersion": "2025-06-18",
                "capabilities": {},
                "clientInfo": {"name": "t", "version": "1"},
            },
        }
        headers = {"Accept": "application/json, text/event-stream"}
        for auth in ({}, {"Authorization": "Bearer wbk_not_a_real_key_000000000000000000"}):
            r = httpx.post(server.url + "/mcp", json=init, headers={**headers, **auth})
            assert r.status_code == 401
            assert r.json()["error"]["code"] == "invalid_key"


class TestOverStdio:
    def test_tools_search_and_chat_act_as_the_key(  # type: ignore[no-untyped-def]
        self, migrated, api_key, db, workspace
    ) -> None:
        async def body(client: Client) -> Any:
            tools = {t.name for t in (await client.list_tools()).tools}
            search = await client.call_tool(
                "search_prospects",
                {
                    "titles": ["CEO"],
                    "industries": ["Law Practice"],
                    "locations": ["New York"],
                    "limit": 3,
                },
            )
            created = await client.call_tool("create_list", {"name": "MCP leads"})
            turn = await client.call_tool(
                "chat",
                {"message": "Find me 2 CEOs at law firms in New York and add them to MCP leads"},
            )
            credits = await client.call_tool("get_credits", {"limit": 5})
            return tools, search, created, turn, credits

        tools, search, created, turn, credits = over_stdio(migrated, api_key, body)
        assert tools >= EXPECTED_TOOLS
        found = data(search)
        assert len(found["prospects"]) == 3 and found["meta"]["total"] >= 3
        assert found["filters"]["locations"] == ["New York, NY, US"]
        lst = data(created)
        out = data(turn)
        [action] = out["actions"]
        assert action["list_id"] == lst["id"] and action["added"] == 2
        assert data(credits)["balance"] == 1000 - 6
        with db.unit_of_work(write=False) as s:
            assert credits_service.balance(s, workspace.id) == 1000 - 6

    def test_a_missing_scope_is_a_tool_error(self, migrated, factory, workspace) -> None:  # type: ignore[no-untyped-def]
        key = factory.key(workspace.id, scopes=["contacts:read"])

        async def body(client: Client) -> Any:
            return await client.call_tool("chat", {"message": "how many credits do I have?"})

        assert error(over_stdio(migrated, key, body))["details"] == {"required_scope": "lexi"}

    def test_an_unknown_key_stops_lexi_mcp_with_one_line(self, migrated) -> None:  # type: ignore[no-untyped-def]
        import subprocess

        env = {k: v for k, v in os.environ.items() if not k.startswith("LEXI_")}
        env.update({"LEXI_API_KEY": "wbk_unknown", "LEXI_DATABASE_URL": migrated})
        proc = subprocess.run(
            [sys.executable, "-m", "lexi", "mcp"],
            env=env,
            input=b"",
            capture_output=True,
            timeout=120,
            check=False,
        )
        assert proc.returncode == 1
        assert proc.stderr.decode().strip() == "error: the API key is unknown, revoked or expired"
        assert proc.stdout == b""
