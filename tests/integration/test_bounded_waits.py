"""Every wait is bounded: a request that cannot get the SQLite write lock or a pooled connection in
time is answered `503 service_unavailable` with `Retry-After`, in the error envelope, never a 500.

And the unit of work ends before the response is built: by the time FastAPI serialises the
answer, the request's session has committed and given its connection back.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from pydantic import BaseModel, model_validator
from sqlalchemy import text
from sqlalchemy.engine import make_url

from lexi.app import create_app
from lexi.config import Settings
from lexi.db.engine import make_engine
from lexi.db.session import Database
from lexi.deps import SessionDep, UnitOfWorkRoute
from lexi.models import Workspace
from tests.conftest import PG_URL


def _client(settings: Settings, db: Database) -> Iterator[TestClient]:
    app = create_app(settings, db=db)
    with TestClient(app, base_url="http://testserver", raise_server_exceptions=False) as c:
        yield c


@pytest.mark.skipif(bool(PG_URL), reason="the SQLite write lock")
class TestSqliteWriteLock:
    def test_a_writer_that_cannot_get_the_lock_gets_503_with_retry_after(
        self, migrated, settings, factory
    ):
        ws = factory.workspace()
        headers = factory.headers(ws.id, scopes=["all"])
        db = Database(make_engine(migrated, busy_timeout_ms=200))
        holder = sqlite3.connect(make_url(migrated).database, isolation_level=None)
        try:
            for client in _client(settings, db):
                holder.execute("BEGIN IMMEDIATE")  # another writer holds the lock
                r = client.post("/v1/lists", json={"name": "blocked"}, headers=headers)
                holder.execute("ROLLBACK")
                assert r.status_code == 503, r.text
                assert r.json()["error"]["code"] == "service_unavailable"
                assert r.headers["retry-after"] == "1"
                assert r.json()["error"]["details"]["retry_after"] == 1
                again = client.post("/v1/lists", json={"name": "blocked"}, headers=headers)
                assert again.status_code == 201, again.text
        finally:
            holder.close()
            db.dispose()


class TestPoolCheckout:
    def test_a_request_that_cannot_get_a_connection_gets_503(self, migrated, settings, factory):
        ws = factory.workspace()
        headers = factory.headers(ws.id, scopes=["all"])
        db = Database(make_engine(migrated, pool_size=1, pool_timeout=0.2))
        held = [db.engine.connect() for _ in range(3)]  # pool_size 1 + 2 overflow: all taken
        try:
            for client in _client(settings, db):
                r = client.get("/v1/credits", headers=headers)
                assert r.status_code == 503, r.text
                assert r.json()["error"]["code"] == "service_unavailable"
                assert r.headers["retry-after"] == "1"
                assert "x-request-id" in r.headers
                for conn in held:
                    conn.close()
                held = []
                assert client.get("/v1/credits", headers=headers).status_code == 200
        finally:
            for conn in held:
                conn.close()
            db.dispose()


class TestUnitOfWorkEndsBeforeSerialisation:
    def test_the_session_is_committed_and_closed_before_the_response_is_validated(self, migrated):
        """FastAPI validates the response model after the endpoint returns; by then the write
        is committed (another connection sees it) and the session holds no connection."""
        db = Database(make_engine(migrated, pool_size=1, pool_timeout=5))
        seen: dict[str, object] = {}

        class Out(BaseModel):
            name: str

            @model_validator(mode="after")
            def observe(self) -> Out:
                session = seen["session"]
                seen["in_transaction"] = session.in_transaction()  # type: ignore[attr-defined]
                seen["checked_out"] = db.engine.pool.checkedout()  # type: ignore[attr-defined]
                with db.engine.connect() as conn:
                    seen["visible"] = conn.execute(
                        text("SELECT count(*) FROM workspaces WHERE name = :n"), {"n": self.name}
                    ).scalar_one()
                return self

        app = FastAPI()
        app.state.db = db
        app.router.route_class = UnitOfWorkRoute

        @app.post("/probe", response_model=Out)
        def probe(session: SessionDep) -> dict[str, str]:
            seen["session"] = session
            name = f"uow-probe-{uuid.uuid4().hex[:8]}"
            session.add(Workspace(name=name, plan="starter", credit_balance=0, settings={}))
            session.flush()
            return {"name": name}

        try:
            with TestClient(app) as client:
                assert client.post("/probe").status_code == 200
        finally:
            db.dispose()
        assert seen["in_transaction"] is False
        assert seen["checked_out"] == 0
        assert seen["visible"] == 1
