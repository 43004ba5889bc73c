"""The shipped migrations build exactly the models, and go down and up again, on both databases."""

import json
import uuid

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, inspect, text

import lexi.models  # noqa: F401  (registers every table)
from lexi.db.base import Base
from lexi.db.migrate import current, downgrade, include_object_for, upgrade


def _diff(url: str) -> list:  # type: ignore[type-arg]
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            ctx = MigrationContext.configure(
                conn, opts={"compare_type": True, "include_object": include_object_for(conn)}
            )
            return compare_metadata(ctx, Base.metadata)
    finally:
        engine.dispose()


def _tables(url: str) -> set[str]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            include = include_object_for(conn)
            names = set(inspect(conn).get_table_names()) - {"alembic_version"}
            return {n for n in names if include(None, n, "table", True, None)}
    finally:
        engine.dispose()


def _head() -> str:
    from alembic.script import ScriptDirectory

    from lexi.db.migrate import alembic_config

    head = ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head()
    assert head is not None
    return head


@pytest.fixture
def sqlite_url(tmp_path) -> str:  # type: ignore[no-untyped-def]
    return f"sqlite:///{tmp_path / 'migrations.db'}"


def _round_trip(url: str) -> None:
    upgrade(url)
    assert current(url) == _head()
    assert _tables(url) == set(Base.metadata.tables)
    assert _diff(url) == [], "the migrations and the models disagree; autogenerate a migration"
    downgrade(url, "base")
    assert current(url) is None
    assert _tables(url) == set()
    upgrade(url)
    assert current(url) == _head()
    assert _diff(url) == []


class TestSqlite:
    def test_upgrade_matches_the_models_and_downgrade_round_trips(self, sqlite_url) -> None:
        _round_trip(sqlite_url)

    def test_upgrading_twice_is_a_no_op(self, sqlite_url) -> None:
        upgrade(sqlite_url)
        upgrade(sqlite_url)
        assert current(sqlite_url) == _head()

    def test_each_revision_downgrades_one_step(self, sqlite_url) -> None:
        upgrade(sqlite_url)
        downgrade(sqlite_url, "-1")
        assert current(sqlite_url) != _head()
        upgrade(sqlite_url)
        assert _diff(sqlite_url) == []


@pytest.mark.postgres
class TestPostgres:
    def test_upgrade_matches_the_models_and_downgrade_round_trips(self, postgres_url) -> None:
        _round_trip(postgres_url)


def _retires_prospects_write(url: str) -> None:
    """0009 removes the retired ``prospects:write`` scope from stored keys and keeps the rest."""
    upgrade(url, "0008")
    engine = create_engine(url)
    ws, key = uuid.uuid4(), uuid.uuid4()
    uid = (lambda u: u.hex) if url.startswith("sqlite") else str
    try:
        with engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO workspaces (id, name, plan, credit_balance, settings, created_at,"
                    " updated_at) VALUES (:id, 'w', 'starter', 0, '{}', :now, :now)"
                ),
                {"id": uid(ws), "now": "2026-12-02 00:00:00"},
            )
            conn.execute(
                text(
                    "INSERT INTO api_keys (id, workspace_id, name, prefix, token_hash, scopes,"
                    " rate_limit_tier, created_at, updated_at) VALUES (:id, :ws, 'k', 'wbk_abcd',"
                    " :hash, :scopes, 'standard', :now, :now)"
                ),
                {
                    "id": uid(key),
                    "ws": uid(ws),
                    "hash": key.hex * 2,
                    "now": "2026-12-02 00:00:00",
                    "scopes": '["contacts:read", "prospects:read", "prospects:write"]',
                },
            )
        upgrade(url)
        with engine.connect() as conn:
            stored = conn.execute(text("SELECT scopes FROM api_keys")).scalar_one()
        stored = json.loads(stored) if isinstance(stored, str) else stored
        assert stored == ["contacts:read", "prospects:read"]
    finally:
        engine.dispose()


def test_prospects_write_is_retired_from_stored_keys_sqlite(sqlite_url) -> None:  # type: ignore[no-untyped-def]
    _retires_prospects_write(sqlite_url)


@pytest.mark.postgres
def test_prospects_write_is_retired_from_stored_keys_postgres(postgres_url) -> None:  # type: ignore[no-untyped-def]
    _retires_prospects_write(postgres_url)
