"""lexi demo: one command from nothing to a running server with data, a key and examples."""

from __future__ import annotations

import os
from pathlib import Path

import typer

from lexi.cli.common import DB_OPTION, database, fail, settings_for

DEMO_WORKSPACE = "Lexi demo"
DEMO_CREDITS = 1_000


def _key_file(database_url: str) -> Path:
    """The demo key is kept next to a SQLite file (or in the working directory) so reruns reuse it."""
    from sqlalchemy.engine import make_url

    url = make_url(database_url)
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        return Path(url.database).resolve().with_suffix(".demo-key")
    return Path.cwd() / "lexi.demo-key"


def _ensure_universe(db, people: int, seed: int) -> int:  # type: ignore[no-untyped-def]
    from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

    from lexi.prospects import bulk, generator

    with db.engine.connect() as conn:
        existing, _ = bulk.counts(conn)
    if existing:
        typer.echo(f"Prospect universe: {existing:,} people (reused).")
        return existing
    typer.echo(f"Generating a prospect universe of {people:,} people (seed {seed}); this runs once.")
    with Progress(
        TextColumn("{task.description}"), BarColumn(), TextColumn("{task.completed:,}/{task.total:,}"),
        TimeRemainingColumn(), transient=True,
    ) as bar:
        task = bar.add_task("people", total=people)
        stats = generator.generate(db, people, seed, progress=lambda n: bar.advance(task, n))
    typer.echo(
        f"Generated {stats.people:,} people at {stats.companies:,} companies in {stats.seconds:.1f} s."
    )
    return stats.people


def _ensure_key(db, key_file: Path) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    from lexi.auth import service as auth_service
    from lexi.workspaces import service as workspaces

    with db.unit_of_work() as session:
        ws = workspaces.find_by_name(session, DEMO_WORKSPACE)
        if ws is None:
            ws = workspaces.create(session, DEMO_WORKSPACE, plan="organization", credits=DEMO_CREDITS)
        ws_id = ws.id
        if key_file.exists():
            saved = key_file.read_text().strip()
            caller = auth_service.authenticate(session, saved)
            if caller is not None and caller.workspace_id == ws_id:
                return str(ws_id), saved
        _, plaintext = auth_service.create_key(
            session, ws_id, name="demo", scopes=["all"], tier="standard",
            description="Created by `lexi demo`",
        )
    key_file.write_text(plaintext + "\n")
    os.chmod(key_file, 0o600)
    return str(ws_id), plaintext


def demo(
    host: str = typer.Option("127.0.0.1", help="Interface to bind."),
    port: int = typer.Option(8000, help="Port to listen on."),
    people: int = typer.Option(200_000, min=1_000, help="Size of the generated universe (first run)."),
    seed: int = typer.Option(42, help="Seed of the generated universe."),
    database_url: str | None = DB_OPTION,
    serve: bool = typer.Option(True, "--serve/--no-serve", help="Start the server after setting up."),
) -> None:
    """Set up demo data (once) and start the server: migrations, a generated prospect universe, a
    demo workspace with credits and an API key, then examples to paste."""
    from lexi.cli.server import serve as serve_command
    from lexi.db import migrate

    settings = settings_for(database_url)
    try:
        migrate.upgrade(settings.database_url)
    except Exception as exc:
        fail(f"migration failed: {exc}")
    with database(settings.database_url) as db:
        _ensure_universe(db, people, seed)
        ws_id, key = _ensure_key(db, _key_file(settings.database_url))
    base = f"http://{'127.0.0.1' if host in ('0.0.0.0', '::') else host}:{port}"
    typer.echo(
        f"""
Lexi is ready. Workspace {ws_id} ({DEMO_WORKSPACE}), API key (also saved in {_key_file(settings.database_url).name}):

    export LEXI_API_KEY={key}
    export LEXI_BASE_URL={base}

Try it (in another terminal, with the two exports above):

  curl:    curl -s {base}/v1/lexi/chat -H "Authorization: Bearer $LEXI_API_KEY" \\
             -H "Content-Type: application/json" \\
             -d '{{"message": "Find me 20 CEOs at law firms in New York"}}'

  Python:  python -c "from lexi.client import Lexi; print(Lexi().chat_with_lexi('Find CTOs at SaaS companies in California')['response'])"

  Chat:    lexi chat

API docs: {base}/docs
"""
    )
    if serve:
        serve_command(host=host, port=port, workers=1, database_url=database_url, migrate_on_start=False)
