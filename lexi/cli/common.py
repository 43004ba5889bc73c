"""Helpers shared by command groups: the database from settings, and one-line errors.

Command modules import only typer at module level; everything else (SQLAlchemy, the models, the
services, rich) is imported inside the command that needs it, so ``lexi workspaces list`` does
not pay for the server stack (see benchmarks/bench_cli_startup.py).
"""

from __future__ import annotations

import re
import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, NoReturn

import typer

if TYPE_CHECKING:
    from rich.console import Console

    from lexi.audit.service import Actor
    from lexi.config import Settings
    from lexi.db.session import Database

DB_OPTION = typer.Option(
    None,
    "--database-url",
    envvar="LEXI_DATABASE_URL",
    help="Database URL (default: lexi.db in the data directory, LEXI_DATA_DIR).",
)


def operator() -> Actor:
    """The audit log's actor for what a CLI command changes (kind ``cli``, the OS user's name)."""
    from lexi.audit.service import Actor

    return Actor.cli()


def one_line(text: str) -> str:
    """Driver errors span several lines and end in a link; a CLI error is one plain line."""
    text = re.sub(r"\(Background on this error at: [^)]*\)", "", str(text))
    text = re.sub(r"\[SQL: .*", "", text, flags=re.S)
    return " ".join(text.split())


def fail(message: str, code: int = 1) -> NoReturn:
    typer.echo(f"error: {one_line(message)}", err=True)
    sys.exit(code)


def warn(message: str) -> None:
    typer.echo(f"warning: {one_line(message)}", err=True)


def settings_for(database_url: str | None) -> Settings:
    from lexi.config import get_settings

    settings = get_settings()
    if database_url:
        settings = settings.model_copy(update={"database_url": database_url})
    return settings


def shown_url(url: str) -> str:
    """A database URL as it may be printed: the file of a SQLite URL, no password otherwise."""
    from sqlalchemy.engine import make_url

    from lexi.paths import sqlite_file

    path = sqlite_file(url)
    if path is not None:
        return str(path)
    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001  (an unparsable URL is reported by the caller)
        return url


def missing_database(url: str) -> NoReturn:
    fail(f"no Lexi database at {shown_url(url)}; run `lexi db upgrade` or `lexi demo`")


def require_existing(url: str) -> None:
    """Commands that read or change data need a database that exists; never create an empty one
    (connecting to a SQLite path that does not exist would)."""
    from lexi.paths import sqlite_file

    path = sqlite_file(url)
    if path is not None and not path.is_file():
        missing_database(url)


@contextmanager
def database(database_url: str | None) -> Iterator[Database]:
    """An open ``Database`` for an operator command. The database must exist and be migrated."""
    from sqlalchemy import inspect
    from sqlalchemy.exc import SQLAlchemyError

    from lexi.db.engine import make_engine
    from lexi.db.session import Database
    from lexi.errors import LexiError
    from lexi.paths import database_url as resolve

    url = resolve(database_url)
    try:
        engine = make_engine(url, pool_size=2)
    except (SQLAlchemyError, ValueError) as exc:
        fail(f"bad database URL {url!r}: {exc}")
    require_existing(url)
    db = Database(engine)
    try:
        try:
            with engine.connect() as conn:
                migrated = inspect(conn).has_table("workspaces")
        except SQLAlchemyError as exc:
            cause = getattr(exc, "orig", None) or exc
            fail(f"cannot reach the database at {shown_url(url)}: {cause}")
        if not migrated:
            missing_database(url)
        yield db
    except LexiError as exc:
        fail(exc.message)
    except SQLAlchemyError as exc:
        cause = getattr(exc, "orig", None) or exc
        fail(
            f"database error: {cause}. Is the database reachable and migrated "
            "(run `lexi db upgrade`)?"
        )
    finally:
        db.dispose()


def parse_uuid(value: str, what: str) -> uuid.UUID:
    try:
        return uuid.UUID(value)
    except ValueError:
        fail(f"{what} must be a UUID, got {value!r}", code=2)


def console() -> Console:
    """Rich output to stdout. Piped (not a terminal), lines may be at least 200 wide, so a script
    reading the output gets whole rows rather than folded cells."""
    from rich.console import Console

    out = Console(highlight=False)
    if not out.is_terminal and out.width < 200:
        out = Console(highlight=False, width=200)
    return out


def print_table(
    title: str | None, columns: list[str], rows: list[list[str]], wrap: tuple[str, ...] = ()
) -> None:
    """A table with a header row (rich), or one line saying there is nothing to show. Only the
    columns named in ``wrap`` may fold; ids and numbers always stay whole on one line."""
    from rich.table import Table

    out = console()
    if not rows:
        out.print(f"No {title.lower() if title else 'rows'}.")
        return
    table = Table(title=title, show_lines=False, title_justify="left")
    for col in columns:
        if col in wrap:
            table.add_column(col, overflow="fold")
        else:
            table.add_column(col, no_wrap=True)
    for row in rows:
        table.add_row(*row)
    out.print(table)
