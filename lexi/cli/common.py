"""Helpers shared by command groups: the database from settings, and one-line errors."""

from __future__ import annotations

import re
import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import NoReturn

import typer
from sqlalchemy.exc import SQLAlchemyError

from lexi.config import Settings, get_settings
from lexi.db.engine import make_engine
from lexi.db.session import Database
from lexi.errors import LexiError

DB_OPTION = typer.Option(
    None, "--database-url", envvar="LEXI_DATABASE_URL", help="Database URL (default: settings)."
)


def one_line(text: str) -> str:
    """Driver errors span several lines and end in a link; a CLI error is one plain line."""
    text = re.sub(r"\(Background on this error at: [^)]*\)", "", str(text))
    text = re.sub(r"\[SQL: .*", "", text, flags=re.S)
    return " ".join(text.split())


def fail(message: str, code: int = 1) -> NoReturn:
    typer.echo(f"error: {one_line(message)}", err=True)
    sys.exit(code)


def settings_for(database_url: str | None) -> Settings:
    settings = get_settings()
    if database_url:
        settings = settings.model_copy(update={"database_url": database_url})
    return settings


@contextmanager
def database(database_url: str | None) -> Iterator[Database]:
    settings = settings_for(database_url)
    try:
        db = Database(make_engine(settings.database_url, pool_size=2))
    except SQLAlchemyError as exc:
        fail(f"bad database URL {settings.database_url!r}: {exc}")
    try:
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
