"""Idempotency-Key on POST/PATCH/DELETE: replays, conflicts, scoping, expiry, concurrency."""

import json
import threading
import uuid
from datetime import timedelta

import httpx
import pytest
from sqlalchemy import func, select

from lexi.idempotency import service as idem
from lexi.kit import clock
from lexi.models import ApiKey, IdempotencyRecord


def count_keys(db, workspace_id) -> int:  # type: ignore[no-untyped-def]
    with db.unit_of_work(write=False) as s:
        return s.scalar(
            select(func.count()).select_from(ApiKey).where(ApiKey.workspace_id == workspace_id)
        )


def post_key(client, auth, idem_key, name="idem key"):  # type: ignore[no-untyped-def]
    return client.post(
        "/v1/api-keys",
        headers={**auth, "Idempotency-Key": idem_key},
        json={"name": name, "permissions": ["read"]},
    )


class TestReplay:
    def test_same_key_and_body_returns_the_stored_answer_without_a_second_resource(
        self, client, auth, db, workspace
    ) -> None:
        key = uuid.uuid4().hex
        first = post_key(client, auth, key)
        assert first.status_code == 201
        assert "idempotent-replayed" not in first.headers
        before = count_keys(db, workspace.id)
        second = post_key(client, auth, key)
        assert second.status_code == 201
        assert second.headers["idempotent-replayed"] == "true"
        assert second.json() == first.json()
        assert second.headers["content-type"].startswith("application/json")
        assert second.headers["x-request-id"]
        assert count_keys(db, workspace.id) == before

    def test_json_key_order_does_not_matter(self, client, auth) -> None:
        key = uuid.uuid4().hex
        a = client.post(
            "/v1/api-keys",
            headers={**auth, "Idempotency-Key": key, "Content-Type": "application/json"},
            content=b'{"name": "x", "permissions": ["read"]}',
        )
        b = client.post(
            "/v1/api-keys",
            headers={**auth, "Idempotency-Key": key, "Content-Type": "application/json"},
            content=b'{"permissions":["read"],"name":"x"}',
        )
        assert a.status_code == b.status_code == 201
        assert b.headers.get("idempotent-replayed") == "true"

    def test_client_errors_are_stored_and_replayed(self, client, auth) -> None:
        key = uuid.uuid4().hex
        body = {"name": "", "permissions": ["read"]}
        first = client.post("/v1/api-keys", headers={**auth, "Idempotency-Key": key}, json=body)
        second = client.post("/v1/api-keys", headers={**auth, "Idempotency-Key": key}, json=body)
        assert first.status_code == second.status_code == 400
        assert second.headers["idempotent-replayed"] == "true"

    def test_delete_replay_answers_204_again(self, client, auth) -> None:
        created = post_key(client, auth, uuid.uuid4().hex).json()["data"]
        key = uuid.uuid4().hex
        headers = {**auth, "Idempotency-Key": key}
        assert client.delete(f"/v1/api-keys/{created['id']}", headers=headers).status_code == 204
        again = client.delete(f"/v1/api-keys/{created['id']}", headers=headers)
        assert again.status_code == 204
        assert again.headers["idempotent-replayed"] == "true"

    def test_without_the_header_each_post_creates(self, client, auth, db, workspace) -> None:
        before = count_keys(db, workspace.id)
        for _ in range(2):
            client.post("/v1/api-keys", headers=auth, json={"name": "n", "permissions": ["read"]})
        assert count_keys(db, workspace.id) == before + 2


class TestConflict:
    def test_same_key_with_another_body_is_409(self, client, auth, db, workspace) -> None:
        key = uuid.uuid4().hex
        assert post_key(client, auth, key, name="one").status_code == 201
        before = count_keys(db, workspace.id)
        r = post_key(client, auth, key, name="two")
        assert r.status_code == 409
        assert r.json()["error"]["code"] == "idempotency_conflict"
        assert count_keys(db, workspace.id) == before

    def test_same_key_on_another_path_is_409(self, client, auth) -> None:
        key = uuid.uuid4().hex
        assert post_key(client, auth, key).status_code == 201
        r = client.post("/v1/lists", headers={**auth, "Idempotency-Key": key}, json={"name": "x"})
        assert r.status_code == 409

    def test_overlong_key_is_a_validation_error(self, client, auth) -> None:
        r = post_key(client, auth, "k" * 256)
        assert r.status_code == 400
        assert r.json()["error"]["code"] == "validation_error"


class TestScoping:
    def test_keys_are_scoped_per_api_key(self, client, factory, db, workspace) -> None:
        a = factory.headers(workspace.id)
        b = factory.headers(workspace.id)
        key = uuid.uuid4().hex
        before = count_keys(db, workspace.id)
        ra, rb = post_key(client, a, key), post_key(client, b, key)
        assert ra.status_code == rb.status_code == 201
        assert "idempotent-replayed" not in rb.headers
        assert ra.json()["data"]["id"] != rb.json()["data"]["id"]
        assert count_keys(db, workspace.id) == before + 2


class TestNotStored:
    def test_server_errors_are_not_kept_so_a_retry_runs_again(self, app, auth) -> None:
        from fastapi.testclient import TestClient

        from lexi.auth.dependencies import LexiCaller

        calls = []

        @app.post("/v1/test-flaky")
        def flaky(caller: LexiCaller) -> dict:
            calls.append(1)
            if len(calls) == 1:
                raise RuntimeError("transient failure")
            return {"data": {"calls": len(calls)}}

        with TestClient(app, raise_server_exceptions=False) as c:
            key = uuid.uuid4().hex
            headers = {**auth, "Idempotency-Key": key}
            first = c.post("/v1/test-flaky", headers=headers, json={})
            assert first.status_code == 500
            assert first.json()["error"]["code"] == "internal_error"
            second = c.post("/v1/test-flaky", headers=headers, json={})
            assert second.status_code == 200 and second.json() == {"data": {"calls": 2}}
            third = c.post("/v1/test-flaky", headers=headers, json={})
            assert third.headers["idempotent-replayed"] == "true"
        assert len(calls) == 2

    def test_rate_limited_answers_are_not_kept(self, db, factory) -> None:
        scope, key = str(uuid.uuid4()), uuid.uuid4().hex
        fp = idem.fingerprint("POST", "/v1/x", "", b"{}")
        assert idem.begin(db, scope, key, fp, timedelta(hours=24)).action == "proceed"
        idem.complete(db, scope, key, 429, "application/json", b"{}")
        assert idem.begin(db, scope, key, fp, timedelta(hours=24)).action == "proceed"


class TestExpiry:
    def test_a_replay_after_24_hours_runs_again(self, client, auth, db, workspace) -> None:
        key = uuid.uuid4().hex
        first = post_key(client, auth, key)
        before = count_keys(db, workspace.id)
        clock.set_now(clock.utc_now() + timedelta(hours=24, minutes=1))
        try:
            again = post_key(client, auth, key)
        finally:
            clock.set_now(None)
        assert again.status_code == 201
        assert "idempotent-replayed" not in again.headers
        assert again.json()["data"]["id"] != first.json()["data"]["id"]
        assert count_keys(db, workspace.id) == before + 1

    def test_purge_removes_only_expired_records(self, db) -> None:
        scope = str(uuid.uuid4())
        fp = idem.fingerprint("POST", "/v1/x", "", b"{}")
        idem.begin(db, scope, "old", fp, timedelta(hours=24))
        clock.set_now(clock.utc_now() + timedelta(hours=25))
        try:
            idem.begin(db, scope, "new", fp, timedelta(hours=24))
            idem.purge_expired(db, timedelta(hours=24))
        finally:
            clock.set_now(None)
        with db.unit_of_work(write=False) as s:
            keys = set(
                s.scalars(select(IdempotencyRecord.key).where(IdempotencyRecord.scope == scope))
            )
        assert keys == {"new"}


@pytest.mark.slow
class TestConcurrentSameKey:
    def test_two_concurrent_requests_run_the_work_once(self, migrated, factory) -> None:
        from tests.helpers.server import LexiServer

        ws = factory.workspace()
        headers = factory.headers(ws.id, scopes=["admin:api_keys"])
        key = uuid.uuid4().hex
        results: list[httpx.Response] = []
        with LexiServer(migrated) as server:
            start = threading.Barrier(4)

            def send() -> None:
                start.wait()
                results.append(
                    httpx.post(
                        server.url + "/v1/api-keys",
                        headers={**headers, "Idempotency-Key": key},
                        json={"name": "concurrent", "permissions": ["read"]},
                        timeout=30,
                    )
                )

            threads = [threading.Thread(target=send) for _ in range(4)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
        assert [r.status_code for r in results] == [201] * 4
        assert len({r.json()["data"]["id"] for r in results}) == 1
        assert sum(r.headers.get("idempotent-replayed") == "true" for r in results) == 3
        assert count_keys(factory.db, ws.id) == 2


class TestStoredResponses:
    def test_are_encrypted_at_rest_so_a_new_keys_secret_is_never_stored(
        self, client, auth, api_key, db
    ) -> None:
        key = uuid.uuid4().hex
        created = post_key(client, auth, key).json()["data"]
        with db.unit_of_work(write=False) as s:
            rec = s.scalars(select(IdempotencyRecord).where(IdempotencyRecord.key == key)).one()
        assert rec.state == "completed" and rec.status_code == 201
        assert created["key"].encode() not in rec.response_body
        assert created["key"][8:].encode() not in rec.response_body
        assert b"idem key" not in rec.response_body
        assert json.loads(idem.unseal(api_key, key, rec.response_body)) == {"data": created}

    def test_cannot_be_read_with_another_token(self, client, auth, api_key, db) -> None:
        from cryptography.exceptions import InvalidTag

        from lexi.kit.tokens import generate_token

        key = uuid.uuid4().hex
        post_key(client, auth, key)
        with db.unit_of_work(write=False) as s:
            rec = s.scalars(select(IdempotencyRecord).where(IdempotencyRecord.key == key)).one()
        with pytest.raises(InvalidTag):
            idem.unseal(generate_token(), key, rec.response_body)
