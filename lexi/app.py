"""The application factory."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi_offline import FastAPIOffline
from starlette.routing import Route

import lexi
from lexi.api import api_router
from lexi.assistant.assistant import Assistant
from lexi.assistant.understanding.interpreters import configured_interpreter
from lexi.campaigns.public_endpoints import router as email_links_router
from lexi.config import Settings, get_settings
from lexi.db.engine import make_engine
from lexi.db.session import Database
from lexi.errors import install_error_handlers
from lexi.gateway import Gateway
from lexi.geo.gazetteer import gazetteer
from lexi.health import install_health
from lexi.kit.logs import configure_logging
from lexi.mcp.http import PATH as MCP_PATH
from lexi.mcp.http import McpEndpoint
from lexi.openapi import install_openapi
from lexi.ratelimit.breaker import Breaker
from lexi.ratelimit.concurrency import ConcurrencyLimiter
from lexi.ratelimit.limiter import RateLimiter
from lexi.web.app import install_web

DESCRIPTION = """Lexi: a self-hostable AI prospecting assistant.

Authenticate with `Authorization: Bearer wbk_...`. Every response carries `X-Request-ID` and
`X-RateLimit-*` headers; every POST/PATCH/DELETE accepts `Idempotency-Key`. Errors use one envelope:
`{"error": {"code", "message", "details"}}`."""


def create_app(settings: Settings | None = None, *, db: Database | None = None) -> FastAPI:
    settings = settings or get_settings()
    configure_logging(settings.log_level, settings.log_json)
    db = db or Database(
        make_engine(
            settings.database_url,
            pool_size=settings.db_pool_size,
            busy_timeout_ms=settings.sqlite_busy_timeout_ms,
            pool_timeout=settings.db_pool_timeout_seconds,
        )
    )
    # One view of Redis for both: an outage is logged once, and so is the recovery.
    redis_breaker = Breaker("redis")
    limiter = RateLimiter(settings.redis_url or "memory://", breaker=redis_breaker)
    concurrency = ConcurrencyLimiter(settings.redis_url, breaker=redis_breaker)
    mcp = McpEndpoint(db)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # The gazetteer loads before the first request rather than during it (0.2-0.5 s), and
        # the heap it leaves is kept out of the garbage collector's walks (see its docstring).
        gazetteer()
        # The in-process worker runs approved tasks when no separate `lexi worker` does.
        worker = None
        if settings.run_worker_in_process:
            from lexi.campaigns.sending import CampaignSender
            from lexi.worker import Worker

            sender = CampaignSender(db, settings) if settings.campaign_sending else None
            worker = Worker(
                db,
                lease_seconds=settings.worker_lease_seconds,
                poll_seconds=settings.worker_poll_seconds,
                jobs=[lambda: sender.run_once().handled > 0] if sender else [],
            ).start()
        try:
            async with mcp.running():
                yield
        finally:
            if worker is not None:
                worker.stop()

    app = FastAPIOffline(
        title="Lexi API", version=lexi.__version__, description=DESCRIPTION, lifespan=lifespan
    )
    app.state.settings = settings
    app.state.db = db
    app.state.limiter = limiter
    app.state.assistant = Assistant(
        configured_interpreter(settings.interpreter, fallback=settings.interpreter_fallback)
    )
    app.state.concurrency = concurrency
    if settings.model:
        # A configured model is loaded with the app; without one no model library is imported.
        from lexi.chat.service import build_assistant

        app.state.assistant = build_assistant(settings)  # LEXI_MODEL wins over LEXI_INTERPRETER
        from lexi.campaigns.drafting import configured_writer, set_writer

        set_writer(configured_writer(settings))  # campaign emails: the model, checked
    install_error_handlers(app)
    app.include_router(api_router)
    app.include_router(email_links_router)

    install_health(app)
    install_web(app)

    # MCP's streamable HTTP (authenticated by the gateway like /v1; the SDK loads on first use).
    app.router.routes.append(Route(MCP_PATH, endpoint=mcp, methods=["GET", "POST", "DELETE"]))
    install_openapi(app)
    app.add_middleware(Gateway, settings=settings, db=db, limiter=limiter, concurrency=concurrency)
    return app


def _factory() -> FastAPI:
    return create_app()


__all__ = ["FastAPI", "create_app"]
