"""Health endpoints: ``/health/live`` (the process answers) and ``/health/ready`` (it can serve:
the database answers, and Redis too when configured). ``/health`` is the readiness answer.

Not under ``/v1``: no key, no rate limit, not in the OpenAPI document.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from sqlalchemy import text

from lexi.errors import DB_DOWN_RETRY_AFTER

PROBE_TIMEOUT_SECONDS = 1.0


def _database(request: Request) -> str:
    try:
        with request.app.state.db.engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception:  # noqa: BLE001 - any failure means "not ready"
        return "unavailable"
    return "ok"


def _redis(request: Request) -> str:
    url = request.app.state.settings.redis_url
    if not url:
        return "not_configured"
    import redis

    try:
        client = redis.Redis.from_url(
            url, socket_timeout=PROBE_TIMEOUT_SECONDS, socket_connect_timeout=PROBE_TIMEOUT_SECONDS
        )
        try:
            client.ping()
        finally:
            client.close()
    except Exception:  # noqa: BLE001
        return "unavailable"
    return "ok"


def readiness(request: Request) -> JSONResponse:
    checks: dict[str, Any] = {"database": _database(request), "redis": _redis(request)}
    # Redis is optional: without it the limits count per process, so the API still serves.
    ready = checks["database"] == "ok"
    body: dict[str, Any] = {"status": "ok" if ready else "unavailable", "checks": checks}
    if checks["redis"] == "unavailable":
        body["degraded"] = ["redis"]
    if ready:
        return JSONResponse(body)
    return JSONResponse(body, status_code=503, headers={"Retry-After": str(DB_DOWN_RETRY_AFTER)})


def install_health(app: FastAPI) -> None:
    @app.get("/health/live", include_in_schema=False)
    async def live() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/health/ready", include_in_schema=False)
    def ready(request: Request) -> JSONResponse:
        return readiness(request)

    @app.get("/health", include_in_schema=False)
    def health(request: Request) -> JSONResponse:
        return readiness(request)
