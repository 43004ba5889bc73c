"""lexi demo: one command from nothing to a running server with data, a key and examples."""

from __future__ import annotations

import json
import os
import shlex
import sys
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from lexi.cli.common import DB_OPTION, database, fail, operator, settings_for

if TYPE_CHECKING:
    from lexi.db.session import Database

DEMO_WORKSPACE = "Lexi demo"
DEMO_CREDITS = 1_000
READY_TIMEOUT_S = 120.0  # how long the banner waits for the server to answer /health


def _write_secret(path: Path, text: str) -> None:
    """Write a file only its owner can read, with no moment at which it is readable by others."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.fchmod(fd, 0o600)  # an older file keeps its mode through O_CREAT
        os.write(fd, text.encode())
    finally:
        os.close(fd)


def _ensure_universe(db: Database, people: int, seed: int) -> int:
    from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

    from lexi.prospects import bulk, generator

    with db.engine.connect() as conn:
        existing, _ = bulk.counts(conn)
    if existing:
        typer.echo(f"Prospect universe: {existing:,} people (reused).")
        return existing
    typer.echo(
        f"Generating a prospect universe of {people:,} people (seed {seed}); this runs once."
    )
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.completed:,}/{task.total:,}"),
        TimeRemainingColumn(),
        transient=True,
    ) as bar:
        task = bar.add_task("people", total=people)
        stats = generator.generate(db, people, seed, progress=lambda n: bar.advance(task, n))
    typer.echo(
        f"Generated {stats.people:,} people at {stats.companies:,} companies in {stats.seconds:.1f} s."
    )
    return stats.people


def _ensure_key(db: Database, key_file: Path) -> tuple[str, str]:
    from lexi.auth import service as auth_service
    from lexi.workspaces import service as workspaces

    with db.unit_of_work() as session:
        ws = workspaces.find_by_name(session, DEMO_WORKSPACE)
        if ws is None:
            ws = workspaces.create(
                session, DEMO_WORKSPACE, plan="organization", credits=DEMO_CREDITS, actor=operator()
            )
        ws_id = ws.id
        if key_file.exists():
            saved = key_file.read_text().strip()
            caller = auth_service.authenticate(session, saved)
            if caller is not None and caller.workspace_id == ws_id:
                return str(ws_id), saved
        _, plaintext = auth_service.create_key(
            session,
            ws_id,
            name="demo",
            scopes=["all"],
            tier="standard",
            description="Created by `lexi demo`",
            actor=operator(),
        )
    _write_secret(key_file, plaintext + "\n")
    return str(ws_id), plaintext


DEMO_EMAIL = "demo@example.com"
DEMO_LOGIN_FILE = "demo-login"


def _ensure_user(db: Database, ws_id: str, login_file: Path) -> tuple[str, str]:
    """The demo's web sign-in (an admin of the demo workspace); its password is kept in the data
    directory so reruns print the same one."""
    import secrets
    import uuid

    from lexi.users import service as users

    with db.unit_of_work() as session:
        if login_file.exists():
            email, _, password = login_file.read_text().strip().partition("\n")
            if users.sign_in_works(session, email, password):
                return email, password
        password = secrets.token_urlsafe(12)
        if not users.user_exists(session, DEMO_EMAIL):
            users.create_user(
                session, uuid.UUID(ws_id), DEMO_EMAIL, password, "admin", actor=operator()
            )
        else:
            users.set_password(session, DEMO_EMAIL, password, actor=operator())
    _write_secret(login_file, f"{DEMO_EMAIL}\n{password}\n")
    return DEMO_EMAIL, password


EXAMPLE_MESSAGE = "Find me 20 CEOs at law firms in New York"


def _tool(name: str) -> str:
    """The interpreter or script of this installation, so the examples work in any terminal,
    whether or not the virtual environment is active there."""
    path = Path(sys.executable).with_name(name)
    return shlex.quote(str(path)) if path.exists() else name


def example_commands(base: str, key: str) -> list[tuple[str, str]]:
    """The three commands the demo prints, each one line and ready to paste."""
    body = json.dumps({"message": EXAMPLE_MESSAGE})
    curl = (
        f"curl -s {base}/v1/lexi/chat -H 'Authorization: Bearer {key}' "
        f"-H 'Content-Type: application/json' -d '{body}'"
    )
    code = (
        "from lexi.client import Lexi; "
        f"lexi = Lexi(api_key='{key}', base_url='{base}'); "
        f"print(lexi.chat_with_lexi('{EXAMPLE_MESSAGE}')['response'])"
    )
    python = f'{_tool("python")} -c "{code}"'
    chat = f"LEXI_API_KEY={key} LEXI_BASE_URL={base} {_tool('lexi')} chat"
    return [("curl", curl), ("Python", python), ("Terminal chat", chat)]


def _ready_text(
    base: str,
    ws_id: str,
    key: str,
    key_file: str,
    serving: bool,
    login: tuple[str, str] | None = None,
) -> str:
    port = base.rsplit(":", 1)[1]
    where = f"serving on {base}" if serving else f"start it with `lexi serve --port {port}`"
    lines = [
        "",
        f"Lexi is ready: {where} (API docs: {base}/docs).",
    ]
    if login is not None:
        lines.append(
            f"Open {base}/ in a browser and sign in as {login[0]} with the password {login[1]}"
        )
    lines += [
        f"Workspace {DEMO_WORKSPACE!r} ({ws_id}); API key (saved in {key_file}):",
        "",
        f"    {key}",
        "",
        "Paste one of these into another terminal:",
    ]
    for i, (label, command) in enumerate(example_commands(base, key), 1):
        lines += ["", f"  {i}. {label}", f"     {command}"]
    return "\n".join([*lines, ""])


def demo(
    host: str = typer.Option("127.0.0.1", help="Interface to bind."),
    port: int = typer.Option(8000, help="Port to listen on."),
    people: int = typer.Option(
        500_000, min=1_000, help="Size of the generated universe (first run)."
    ),
    seed: int = typer.Option(42, help="Seed of the generated universe."),
    database_url: str | None = DB_OPTION,
    serve: bool = typer.Option(
        True, "--serve/--no-serve", help="Start the server after setting up."
    ),
) -> None:
    """Set up demo data once, start the server, and print a key and three examples to paste.

    The first run migrates the database (by default lexi.db in the data directory, LEXI_DATA_DIR),
    generates a prospect universe and creates the workspace "Lexi demo" with credits and an API
    key, kept in the data directory's demo-key file; later runs reuse all of it. The key and the
    examples are printed once the server answers, so they work as soon as they appear."""
    from lexi.db import migrate
    from lexi.paths import DEMO_KEY_FILE

    settings = settings_for(database_url)
    try:
        migrate.upgrade(settings.database_url)
    except Exception as exc:  # noqa: BLE001  (alembic raises many kinds; the user needs one line)
        fail(f"migration failed: {exc}")
    key_file = settings.data_dir / DEMO_KEY_FILE
    with database(settings.database_url) as db:
        _ensure_universe(db, people, seed)
        ws_id, key = _ensure_key(db, key_file)
        login = _ensure_user(db, ws_id, settings.data_dir / DEMO_LOGIN_FILE)
    base = f"http://{'127.0.0.1' if host in ('0.0.0.0', '::') else host}:{port}"
    banner = _ready_text(base, ws_id, key, str(key_file), serve, login)
    if not serve:
        typer.echo(banner)
        return
    typer.echo(f"Starting the server on {base} …")
    _serve_then_announce(host, port, database_url, base, banner)


def _serve_then_announce(
    host: str, port: int, database_url: str | None, base: str, banner: str
) -> None:
    """Run uvicorn in this (main) thread and print the banner from another thread once this
    server has started and answered GET /health, never before."""
    import uvicorn

    from lexi.cli.server import uvicorn_options

    server = uvicorn.Server(uvicorn.Config(**uvicorn_options(host, port, 1, database_url)))
    stopped = threading.Event()

    def announce() -> None:
        if _wait_until_answering(server, base, stopped):
            typer.echo(banner)
        elif not stopped.is_set():
            typer.echo(f"warning: the server did not answer {base}/health yet", err=True)

    threading.Thread(target=announce, name="lexi-demo-ready", daemon=True).start()
    try:
        server.run()
    except KeyboardInterrupt:
        pass
    finally:
        stopped.set()
    if not server.started:
        sys.exit(1)  # uvicorn logged why (the port in use, most often)


def _wait_until_answering(server: Any, base: str, stopped: threading.Event) -> bool:
    """True once *this* server is listening (uvicorn's started flag: another process on the
    port does not count) and a request to /health got 200."""
    import httpx

    deadline = time.monotonic() + READY_TIMEOUT_S
    while time.monotonic() < deadline and not stopped.is_set():
        if server.started:
            try:
                if httpx.get(base + "/health", timeout=2.0).status_code == 200:
                    return True
            except httpx.HTTPError:
                pass
        time.sleep(0.05)
    return False
