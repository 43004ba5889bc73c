"""lexi serve | db upgrade/current/downgrade."""

from __future__ import annotations

from typing import Any

import typer

from lexi.cli.common import DB_OPTION, fail, require_existing, settings_for

db_app = typer.Typer(help="Database migrations.", no_args_is_help=True)


@db_app.command("upgrade")
def db_upgrade(
    revision: str = typer.Argument("head", help="Target revision."),
    database_url: str | None = DB_OPTION,
) -> None:
    """Apply migrations up to REVISION (default: head)."""
    from lexi.db import migrate

    url = settings_for(database_url).database_url
    try:
        migrate.upgrade(url, revision)
    except Exception as exc:  # noqa: BLE001  (alembic raises many kinds; the user needs one line)
        fail(f"migration failed: {exc}")
    typer.echo(f"database at {migrate.current(url)}")


@db_app.command("downgrade")
def db_downgrade(
    revision: str = typer.Argument(..., help="Target revision, e.g. -1 or base."),
    database_url: str | None = DB_OPTION,
) -> None:
    """Revert migrations down to REVISION."""
    from lexi.db import migrate

    url = settings_for(database_url).database_url
    require_existing(url)
    try:
        migrate.downgrade(url, revision)
    except Exception as exc:  # noqa: BLE001  (as for upgrade)
        fail(f"downgrade failed: {exc}")
    typer.echo(f"database at {migrate.current(url)}")


@db_app.command("current")
def db_current(database_url: str | None = DB_OPTION) -> None:
    """Print the database's current revision."""
    from lexi.cli import reads
    from lexi.paths import database_url as resolve

    with reads.connect(resolve(database_url), schema=False) as conn:
        revision = reads.migration_revision(conn)
    typer.echo(revision or "(empty)")


def serve(
    host: str = typer.Option("127.0.0.1", help="Interface to bind."),
    port: int = typer.Option(8000, help="Port to listen on."),
    workers: int = typer.Option(1, help="Number of server processes."),
    database_url: str | None = DB_OPTION,
    migrate_on_start: bool = typer.Option(
        True, "--migrate/--no-migrate", help="Apply migrations before starting."
    ),
) -> None:
    """Run the API server (applies migrations first)."""
    import uvicorn

    from lexi.db import migrate

    settings = settings_for(database_url)
    if migrate_on_start:
        try:
            migrate.upgrade(settings.database_url)
        except Exception as exc:  # noqa: BLE001  (as for upgrade)
            fail(f"migration failed: {exc}")
    uvicorn.run(**uvicorn_options(host, port, workers, database_url))


def uvicorn_options(host: str, port: int, workers: int, database_url: str | None) -> dict[str, Any]:
    """How `lexi serve` runs uvicorn (the app is built by lexi.app:_factory from settings)."""
    import os

    if database_url:
        os.environ["LEXI_DATABASE_URL"] = database_url
    return {
        "app": "lexi.app:_factory",
        "factory": True,
        "host": host,
        "port": port,
        "workers": workers,
        "log_level": "warning",
        # The app factory routes uvicorn's loggers into Lexi's JSON lines (lexi.kit.logs).
        "log_config": None,
        "access_log": False,
    }


def register(app: typer.Typer) -> None:
    app.add_typer(db_app, name="db")
    app.command("serve")(serve)
