"""Where Lexi keeps its files: one per-user data directory, cheap to compute (no settings import).

The directory is ``LEXI_DATA_DIR`` when set, otherwise platformdirs' ``user_data_dir("lexi")``
(``~/.local/share/lexi`` on Linux, ``~/Library/Application Support/lexi`` on macOS,
``%LOCALAPPDATA%\\lexi`` on Windows). The default SQLite database and the demo's key file live
there, never in the working directory, so running Lexi inside a checkout leaves it clean.
"""

from __future__ import annotations

import os
from pathlib import Path

DATABASE_FILE = "lexi.db"
DEMO_KEY_FILE = "demo-key"


def data_dir() -> Path:
    explicit = os.environ.get("LEXI_DATA_DIR")
    if explicit:
        return Path(explicit).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("lexi", appauthor=False))


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def default_database_url(directory: Path | None = None) -> str:
    return sqlite_url((directory or data_dir()) / DATABASE_FILE)


def database_url(explicit: str | None = None) -> str:
    """The database a command uses: ``--database-url``, else ``LEXI_DATABASE_URL``, else the
    SQLite file in the data directory (the same rule as ``lexi.config.Settings``)."""
    return explicit or os.environ.get("LEXI_DATABASE_URL") or default_database_url()


def sqlite_file(url: str) -> Path | None:
    """The file of a SQLite URL (None for other databases and for in-memory SQLite)."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    if str(parsed.database).startswith("file:"):
        return None
    return Path(str(parsed.database)).expanduser()


def ensure_parent(url: str) -> None:
    """Create the directory of a SQLite file (the data directory on first use)."""
    path = sqlite_file(url)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)


def demo_key_file() -> Path:
    return data_dir() / DEMO_KEY_FILE
