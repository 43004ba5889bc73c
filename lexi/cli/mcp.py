"""lexi mcp: Lexi's tools for an MCP client (Claude Desktop, IDE agents) over stdio."""

from __future__ import annotations

import typer

from lexi.cli.common import DB_OPTION, database, fail, settings_for

KEY_OPTION = typer.Option(
    None,
    "--api-key",
    envvar="LEXI_API_KEY",
    help="The API key whose workspace and scopes the tools use (wbk_...).",
)


def mcp(
    api_key: str | None = KEY_OPTION,
    database_url: str | None = DB_OPTION,
    run_worker: bool = typer.Option(
        True,
        "--worker/--no-worker",
        help="Run approved tasks in this process (off when a `lexi serve` or `lexi worker` does).",
    ),
) -> None:
    """Serve Lexi's tools over MCP on stdin/stdout (stdio transport). Every call acts as the
    API key given, with its scopes, credits and approvals; logs go to stderr."""
    if not api_key:
        fail("an API key is required: --api-key or LEXI_API_KEY", code=2)
    import anyio

    from lexi.auth import service as auth_service
    from lexi.kit.logs import configure_logging

    settings = settings_for(database_url)
    configure_logging(settings.log_level, settings.log_json)
    token: str = api_key

    with database(database_url) as db:

        def resolve(_request: object) -> auth_service.Caller | None:
            # Checked on every call, so a key revoked meanwhile stops working at once.
            with db.unit_of_work(write=False) as session:
                return auth_service.authenticate(session, token)

        if resolve(None) is None:
            fail("the API key is unknown, revoked or expired")
        from mcp.server.stdio import stdio_server

        from lexi.mcp.server import build_server

        server = build_server(db, resolve)
        worker = None
        if run_worker:
            from lexi.worker import Worker

            worker = Worker(
                db,
                lease_seconds=settings.worker_lease_seconds,
                poll_seconds=settings.worker_poll_seconds,
            ).start()

        async def serve() -> None:
            async with stdio_server() as (read, write):
                await server.run(read, write, server.create_initialization_options())

        try:
            anyio.run(serve)
        finally:
            if worker is not None:
                worker.stop()


def register(app: typer.Typer) -> None:
    app.command("mcp")(mcp)
