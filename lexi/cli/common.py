"""Helpers shared by command groups: the database from settings, and one-line errors."""

from __future__ import annotations

import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import NoReturn

import typer
from sqlalchemy.exc import OperationalError

from lexi.config import Settings, get_settings
from lexi.db.engine import make_engine
from lexi.db.session import Database
from lexi.errors import LexiError

DB_OPTION = typer.Option(
    None, "--database-url", envvar="LEXI_DATABASE_URL", help="Database URL (default: settings)."
)


def fail(message: str, code: int = 1) -> NoReturn:
    typer.echo(f"error: {message}", err=True)
    sys.exit(code)


def settings_for(database_url: str | None) -> Settings:
    settings = get_settings()
    if database_url:
        settings = settings.model_copy(update={"database_url": database_url})
    return settings


@contextmanager
def database(database_url: str | None) -> Iterator[Database]:
    settings = settings_for(database_url)
    db = Database(make_engine(settings.database_url, pool_size=2))
    try:
        yield db
    except LexiError as exc:
        fail(exc.message)
    except OperationalError as exc:
        fail(
            f"database error: {exc.orig}. Is the database reachable and migrated "
            "(run `lexi db upgrade`)?"
        )
    finally:
        db.dispose()


def parse_uuid(value: str, what: str) -> uuid.UUID:
    try:
        return uuid.UUID(value)
    except ValueError:
        fail(f"{what} must be a UUID, got {value!r}", code=2)
