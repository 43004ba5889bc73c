"""OpenAPI: every operation documents its required scope, auth and error responses."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from fastapi.routing import APIRoute

from lexi.auth.dependencies import RequireScope

ERROR_SCHEMA = {
    "type": "object",
    "required": ["error"],
    "properties": {
        "error": {
            "type": "object",
            "required": ["code", "message"],
            "properties": {
                "code": {"type": "string"},
                "message": {"type": "string"},
                "details": {"type": "object"},
            },
        }
    },
}

COMMON_ERRORS = {
    "400": "validation_error: malformed JSON, wrong types, unknown fields, bad values",
    "401": "invalid_key: missing, unknown, revoked or expired API key",
    "403": "insufficient_permissions: the key lacks this endpoint's scope",
    "404": "not_found (or a resource-specific code such as list_not_found)",
    "409": "idempotency_conflict or conflict",
    "413": "payload_too_large",
    "429": "rate_limited; see Retry-After",
}


def api_routes(app: FastAPI) -> list[tuple[str, set[str], APIRoute]]:
    """Every API route as (full path, methods, route), looking inside included routers."""
    try:
        from fastapi.routing import iter_route_contexts
    except ImportError:  # FastAPI before lazy router inclusion: routes are already flat
        return [
            (r.path_format, set(r.methods or ()), r) for r in app.routes if isinstance(r, APIRoute)
        ]
    out = []
    for ctx in iter_route_contexts(app.routes):
        route = ctx.original_route
        if isinstance(route, APIRoute):
            out.append((ctx.path_format or route.path_format, set(ctx.methods or ()), route))
    return out


def route_scopes(route: APIRoute) -> list[str]:
    """The scopes a route declares through ``RequireScope`` dependencies (walked recursively)."""
    found: list[str] = []
    stack = [route.dependant]
    while stack:
        dep = stack.pop()
        if isinstance(dep.call, RequireScope):
            found.append(dep.call.scope.value)
        stack.extend(dep.dependencies)
    return sorted(set(found))


def install_openapi(app: FastAPI) -> None:
    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = get_openapi(
            title=app.title, version=app.version, description=app.description, routes=app.routes
        )
        components = schema.setdefault("components", {})
        components.setdefault("schemas", {})["Error"] = ERROR_SCHEMA
        components.setdefault("securitySchemes", {})["bearer"] = {
            "type": "http",
            "scheme": "bearer",
            "description": "An API key: `Authorization: Bearer wbk_...`",
        }
        for path, methods, route in api_routes(app):
            if not route.include_in_schema:
                continue
            scopes = route_scopes(route)
            for method in methods:
                op = schema["paths"].get(path, {}).get(method.lower())
                if op is None:
                    continue
                op.setdefault("responses", {}).pop("422", None)
                if scopes:
                    op["x-required-scopes"] = scopes
                    op["security"] = [{"bearer": scopes}]
                    note = f"\n\nRequired scope: `{', '.join(scopes)}`."
                    op["description"] = (op.get("description") or "") + note
                for status, text in COMMON_ERRORS.items():
                    if status == "401" and not scopes:
                        continue
                    op["responses"].setdefault(
                        status,
                        {
                            "description": text,
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": "#/components/schemas/Error"}
                                }
                            },
                        },
                    )
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]
