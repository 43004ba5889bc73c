"""Every SDK method calls a route the server declares, and every route has an SDK method.

Each method is called once against a recording transport; the request it sends (method, path,
query parameters, JSON body keys) is matched against the app's own OpenAPI document. So a
namespace method cannot exist for an endpoint that does not, and a new endpoint without an SDK
method fails here until it gets one (or is listed as deliberately left out).
"""

from __future__ import annotations

import inspect
import json
import re
import uuid
from typing import Any

import httpx
import pytest

from lexi.client import Lexi
from lexi.client._resources import RESOURCES

ID = str(uuid.uuid4())
ID2 = str(uuid.uuid4())

# One example call per public namespace method: (namespace, method, args, kwargs).
CALLS: list[tuple[str, str, tuple[Any, ...], dict[str, Any]]] = [
    ("tasks", "list", (), {"status": "completed"}),
    ("tasks", "get", (ID,), {}),
    ("tasks", "approve", (ID,), {}),
    ("tasks", "dismiss", (ID,), {"reason": "not now"}),
    (
        "conversations",
        "list",
        (),
        {"page": 1, "per_page": 5, "search": "law", "archived": False},
    ),
    ("conversations", "get", (ID,), {"include_tool_steps": True, "limit": 10}),
    ("conversations", "update", (ID,), {"title": "t", "archived": True}),
    ("conversations", "delete", (ID,), {}),
    ("lists", "create", ("Q1 Leads",), {"description": "d"}),
    ("lists", "list", (), {"page": 1, "per_page": 5}),
    ("lists", "get", (ID,), {}),
    ("lists", "update", (ID,), {"name": "n", "description": "d"}),
    ("lists", "delete", (ID,), {}),
    ("lists", "add_contacts", (ID, [ID2]), {}),
    ("lists", "remove_contact", (ID, ID2), {}),
    ("contacts", "create", (), {"full_name": "Ada Lovelace", "email": "ada@example.com"}),
    (
        "contacts",
        "list",
        (),
        {
            "page": 1,
            "per_page": 5,
            "search": "ada",
            "list_id": ID,
            "created_after": "2026-01-01T00:00:00Z",
            "sort": "-created_at",
        },
    ),
    ("contacts", "get", (ID,), {}),
    ("contacts", "update", (ID,), {"job_title": "CEO"}),
    ("contacts", "delete", (ID,), {}),
    ("contacts", "bulk_create", ([{"full_name": "Ada Lovelace"}],), {}),
    ("contacts", "add_tags", (ID, ["vip"]), {}),
    ("contacts", "bulk_delete", ([ID],), {"dry_run": True}),
    ("contacts", "merge", (ID, [ID2]), {}),
    (
        "contacts",
        "export",
        (),
        {
            "search": "a",
            "list_id": ID,
            "created_after": "2026-01-01T00:00:00Z",
            "sort": "full_name",
        },
    ),
    ("contacts", "import_", (), {"rows": [{"full_name": "Ada"}], "tags": ["x"]}),
    ("prospects", "search", (), {"titles": ["CEO"], "locations": ["NY, US"], "page": 2}),
    ("prospects", "save", ([ID],), {"list_id": ID2}),
    ("prospects", "taxonomy", (), {}),
    ("credits", "get", (), {"limit": 5}),
    (
        "api_keys",
        "create",
        ("backend", ["lexi"]),
        {"description": "d", "rate_limit_tier": "standard", "expires_at": "2030-01-01T00:00:00Z"},
    ),
    ("api_keys", "list", (), {"include_revoked": True, "search": "b", "page": 1, "per_page": 5}),
    ("api_keys", "revoke", (ID,), {}),
    ("audit_events", "list", (), {"type": "credits.", "actor": ID, "page": 1, "per_page": 5}),
    ("settings", "get", (), {}),
    ("model", "get", (), {}),
    ("model", "update", (), {"data": "none"}),
    ("campaigns", "create", ("Q1",), {"topic": "legal automation", "list_id": ID}),
    ("campaigns", "list", (), {"page": 1, "per_page": 5, "status": "draft"}),
    ("campaigns", "get", (ID,), {}),
    ("campaigns", "update", (ID,), {"daily_send_limit": 20}),
    ("campaigns", "delete", (ID,), {}),
    ("campaigns", "steps", (ID,), {}),
    ("campaigns", "add_step", (ID, "s", "b"), {"delay_days": 2}),
    ("campaigns", "update_step", (ID, ID2), {"subject": "s"}),
    ("campaigns", "delete_step", (ID, ID2), {}),
    ("campaigns", "revisions", (ID,), {}),
    ("campaigns", "revision", (ID, 2), {}),
    ("campaigns", "restore", (ID, 1), {}),
    ("campaigns", "undo", (ID,), {}),
    ("campaigns", "rewrite", (ID, "more casual"), {"step": 0}),
    ("campaigns", "enrol", (ID, [ID2]), {"source": "api"}),
    ("campaigns", "contacts", (ID,), {"page": 1, "per_page": 5}),
    ("campaigns", "remove_contact", (ID, ID2), {}),
    ("campaigns", "start", (ID,), {}),
    ("campaigns", "pause", (ID,), {}),
    ("campaigns", "stats", (ID,), {}),
    ("email", "inbound", ("From: a@b.example\r\n\r\nhi",), {}),
    ("suppressions", "list", (), {"page": 1, "per_page": 5}),
    ("suppressions", "add", ("a@example.com",), {"reason": "manual"}),
    ("suppressions", "remove", ("a@example.com",), {}),
    ("settings", "update", (), {"approval_mode": "always", "auto_approve_max_prospects": 10}),
]
# Methods that poll through other methods instead of calling a route of their own.
COMPOSITE = {("tasks", "wait")}
# Routes deliberately without a namespace method, and why.
NOT_IN_SDK = {
    ("POST", "/v1/prospects/search"): "legacy alias of POST /v1/prospector/search",
}
CLIENT_ROUTES = {
    ("POST", "/v1/lexi/chat"): "Lexi.chat_with_lexi",
    ("POST", "/v1/lexi/chat/stream"): "Lexi.chat_with_lexi_stream",
    ("POST", "/v1/lexi/personalize-email"): "Lexi.personalize_email",
}


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    from lexi.app import create_app
    from lexi.config import Settings

    return create_app(Settings(database_url="sqlite:///:memory:")).openapi()


def _operations(spec: dict[str, Any]) -> list[tuple[str, str, re.Pattern[str], dict[str, Any]]]:
    out = []
    for path, ops in spec["paths"].items():
        if not path.startswith("/v1/"):
            continue
        pattern = re.compile("^" + re.sub(r"\{[^}]+\}", "[^/]+", path) + "$")
        for method, op in ops.items():
            out.append((method.upper(), path, pattern, op))
    return out


def _match(spec: dict[str, Any], method: str, path: str) -> tuple[str, dict[str, Any]] | None:
    # Literal paths win over templated ones (/v1/contacts/export before /v1/contacts/{id}).
    candidates = [
        (tpl, op)
        for m, tpl, pattern, op in _operations(spec)
        if m == method and pattern.match(path)
    ]
    candidates.sort(key=lambda c: c[0].count("{"))
    return candidates[0] if candidates else None


def _body_properties(spec: dict[str, Any], op: dict[str, Any]) -> set[str] | None:
    schema = op.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema")
    if schema is None:
        return set()
    schema = next((s for s in schema.get("anyOf", []) if "$ref" in s), schema)
    if "$ref" in schema:
        schema = spec["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
    if "properties" not in schema:
        return None  # a free-form object (the prospect filters): nothing to check by name
    return set(schema["properties"])


def _record(call: tuple[str, str, tuple[Any, ...], dict[str, Any]]) -> httpx.Request:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"data": {}})

    client = Lexi(
        api_key="wbk_test",
        base_url="http://lexi.test",
        transport=httpx.MockTransport(handler),
        max_retries=0,
    )
    namespace, method, args, kwargs = call
    getattr(getattr(client, namespace), method)(*args, **kwargs)
    assert len(seen) == 1
    return seen[0]


def _public_methods() -> set[tuple[str, str]]:
    return {
        (name, attr)
        for name, cls in RESOURCES.items()
        for attr, value in vars(cls).items()
        if inspect.isfunction(value) and not attr.startswith("_")
    }


class TestEveryNamespaceMethodCallsADeclaredRoute:
    def test_every_public_method_has_an_example_call(self) -> None:
        covered = {(ns, m) for ns, m, _, _ in CALLS} | COMPOSITE
        assert _public_methods() - covered == set(), "add an example call to CALLS"
        assert covered - _public_methods() == set()

    @pytest.mark.parametrize("call", CALLS, ids=[f"{c[0]}.{c[1]}" for c in CALLS])
    def test_method_path_query_and_body_are_declared(self, spec, call) -> None:  # type: ignore[no-untyped-def]
        request = _record(call)
        found = _match(spec, request.method, request.url.path)
        assert found is not None, f"{request.method} {request.url.path} is not a route"
        _, op = found
        declared_query = {p["name"] for p in op.get("parameters", []) if p["in"] == "query"}
        assert set(request.url.params) <= declared_query
        if request.content:
            properties = _body_properties(spec, op)
            if properties is not None:
                assert set(json.loads(request.content)) <= properties


class TestEveryRouteHasAnSdkMethod:
    def test_every_v1_operation_is_reachable_from_the_sdk(self, spec) -> None:  # type: ignore[no-untyped-def]
        reached = set()
        for call in CALLS:
            request = _record(call)
            found = _match(spec, request.method, request.url.path)
            assert found is not None
            reached.add((request.method, found[0]))
        declared = {(m, tpl) for m, tpl, _, _ in _operations(spec)}
        missing = declared - reached - set(NOT_IN_SDK) - set(CLIENT_ROUTES)
        assert missing == set(), "give these routes a namespace method in lexi/client"

    def test_the_left_out_routes_still_exist(self, spec) -> None:  # type: ignore[no-untyped-def]
        declared = {(m, tpl) for m, tpl, _, _ in _operations(spec)}
        assert set(NOT_IN_SDK) | set(CLIENT_ROUTES) <= declared
