"""Shared fixtures.

The database is a real SQLite file by default. Set ``LEXI_TEST_DATABASE_URL`` to a PostgreSQL URL
to run the same suite there, and ``LEXI_TEST_REDIS_URL`` for the Redis-backed tests. Each test gets
its own workspace(s), so tests share one migrated database without seeing each other's data.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import httpx
import pytest

# Hermetic: nothing a test runs (in process or as a child process) may read or write the real
# per-user data directory. Both the Lexi setting and the XDG variable platformdirs reads point
# into a temporary directory; child processes inherit them (tests that strip LEXI_* variables
# from a child's environment still keep XDG_DATA_HOME).
_HOME = Path(tempfile.mkdtemp(prefix="lexi-tests-"))
atexit.register(shutil.rmtree, _HOME, ignore_errors=True)
os.environ["LEXI_DATA_DIR"] = str(_HOME / "lexi-data")
os.environ["XDG_DATA_HOME"] = str(_HOME / "xdg-data")
os.environ.pop("LEXI_DATABASE_URL", None)

from lexi.app import create_app
from lexi.config import Settings
from lexi.db.engine import make_engine
from lexi.db.migrate import upgrade
from lexi.db.session import Database
from tests.factories import Factory

# Under pytest-xdist (``-n``) each worker process is one test session: it gets its own
# PostgreSQL database, named after the given one with the worker id appended, created when the
# worker starts and dropped when it ends (SQLite files and temporary directories are per worker
# already). Redis is shared: every key a test writes names its own key, workspace or uuid, and no
# test flushes the database.
WORKER = os.environ.get("PYTEST_XDIST_WORKER")  # "gw0", "gw1", ... ; None without -n
BASE_PG_URL = os.environ.get("LEXI_TEST_DATABASE_URL")
REDIS_URL = os.environ.get("LEXI_TEST_REDIS_URL")


def _worker_database_url(url: str | None) -> str | None:
    if not url or not WORKER:
        return url
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    return parsed.set(database=f"{parsed.database}_{WORKER}").render_as_string(hide_password=False)


PG_URL = _worker_database_url(BASE_PG_URL)


def _admin_execute(statement: str) -> None:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    assert BASE_PG_URL
    admin = create_engine(
        make_url(BASE_PG_URL).set(database="postgres"), isolation_level="AUTOCOMMIT"
    )
    try:
        with admin.connect() as conn:
            conn.execute(text(statement))
    finally:
        admin.dispose()


@pytest.hookimpl(tryfirst=True)
def pytest_cmdline_main(config: pytest.Config) -> None:
    """The whole suite (``python -m pytest`` with no paths, as the README and CI run it) runs on
    one pytest-xdist worker per CPU, each test file on one worker (``-n auto --dist loadfile``).
    Named files or folders run in this process, as does any run that says otherwise (``-n 0``,
    ``-n 4``, ``--dist ...``, ``-p no:xdist``) or debugs (``--pdb``)."""
    if (
        config.args_source is pytest.Config.ArgsSource.TESTPATHS
        and config.pluginmanager.hasplugin("xdist")
        and not hasattr(config, "workerinput")
        and config.option.numprocesses is None
        and config.option.dist == "no"
        and not config.option.usepdb
        and not config.option.collectonly
    ):
        config.option.numprocesses = "auto"
        config.option.dist = "loadfile"


def pytest_configure(config: pytest.Config) -> None:
    if PG_URL and PG_URL != BASE_PG_URL:
        from sqlalchemy.engine import make_url

        name = make_url(PG_URL).database
        _admin_execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        _admin_execute(f'CREATE DATABASE "{name}"')


def pytest_unconfigure(config: pytest.Config) -> None:
    if PG_URL and PG_URL != BASE_PG_URL:
        from sqlalchemy.engine import make_url

        _admin_execute(f'DROP DATABASE IF EXISTS "{make_url(PG_URL).database}" WITH (FORCE)')


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A scratch PostgreSQL database, created and dropped around the test (migration tests)."""
    from sqlalchemy.engine import make_url

    assert PG_URL
    name = f"lexi_mig_{uuid.uuid4().hex[:10]}"
    _admin_execute(f'CREATE DATABASE "{name}"')
    try:
        yield make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        _admin_execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def database_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    if PG_URL:
        return PG_URL
    path: Path = tmp_path_factory.mktemp("db") / "lexi-test.db"
    return f"sqlite:///{path}"


@pytest.fixture(scope="session")
def migrated(database_url: str) -> str:
    upgrade(database_url)
    return database_url


@pytest.fixture(scope="session")
def db(migrated: str) -> Iterator[Database]:
    database = Database(make_engine(migrated, pool_size=20))
    yield database
    database.dispose()


@pytest.fixture
def settings(migrated: str) -> Settings:
    return Settings(
        database_url=migrated,
        redis_url=None,
        log_json=True,
        log_level="WARNING",
        run_worker_in_process=False,
        campaign_sending=False,
    )


@pytest.fixture
def app(settings: Settings, db: Database):  # type: ignore[no-untyped-def]
    return create_app(settings, db=db)


@pytest.fixture
def client(app) -> Iterator[httpx.Client]:  # type: ignore[no-untyped-def]
    from fastapi.testclient import TestClient

    with TestClient(app, base_url="http://testserver", raise_server_exceptions=False) as c:
        yield c


@pytest.fixture
def factory(db: Database) -> Factory:
    return Factory(db)


@pytest.fixture
def workspace(factory: Factory):  # type: ignore[no-untyped-def]
    """A workspace on the organization plan with 1,000 credits and an all-scopes key."""
    return factory.workspace(credits=1000, plan="organization")


@pytest.fixture
def api_key(factory: Factory, workspace) -> str:  # type: ignore[no-untyped-def]
    return factory.key(workspace.id, scopes=["all"], tier="unmetered")


@pytest.fixture
def auth(api_key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {api_key}"}


UNIVERSE_PEOPLE = 4000
UNIVERSE_SEED = 7


@pytest.fixture(scope="session")
def universe(db: Database) -> Database:
    """The test database holding a small generated universe, written once per test session.

    Every test that needs prospects depends on this fixture (directly or through another session
    fixture), so the generated people are always there first and other fixtures (such as the chat
    tests' imported cohorts) only ever add to them.
    """
    from sqlalchemy import text

    from lexi.prospects.generator import generate

    with db.engine.connect() as conn:
        people = conn.execute(text("SELECT count(*) FROM prospect_people")).scalar_one()
    if people == 0:
        generate(db, UNIVERSE_PEOPLE, UNIVERSE_SEED)
    return db


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if "postgres" in item.keywords and not PG_URL:
            item.add_marker(
                pytest.mark.skip(reason="set LEXI_TEST_DATABASE_URL to a PostgreSQL URL")
            )
        if "redis" in item.keywords and not REDIS_URL:
            item.add_marker(pytest.mark.skip(reason="set LEXI_TEST_REDIS_URL"))


def unique(prefix: str = "x") -> str:
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


@pytest.fixture
def frozen_minute() -> Iterator[datetime]:
    """Pin the app's clock to the start of a minute so an in-process burst of requests falls in
    one rate-limit window (the windows are aligned to the clock minute)."""
    from lexi.kit import clock

    now = datetime.now(timezone.utc).replace(second=5, microsecond=0) + timedelta(minutes=1)
    clock.set_now(now)
    yield now
    clock.set_now(None)
