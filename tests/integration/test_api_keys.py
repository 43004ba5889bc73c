"""POST/GET/DELETE /v1/api-keys, authentication with keys, and key lifecycle."""

from datetime import datetime, timedelta, timezone

from lexi.audit.service import Actor
from lexi.auth.scopes import ALL_SCOPES
from lexi.kit import clock
from lexi.models import ApiKey

CLI = Actor.cli("tests")

ADMIN = ["admin:api_keys"]


def create(client, auth, **body):  # type: ignore[no-untyped-def]
    body.setdefault("name", "a key")
    body.setdefault("permissions", ["read"])
    return client.post("/v1/api-keys", headers=auth, json=body)


def count_keys(db, workspace_id) -> int:  # type: ignore[no-untyped-def]
    from sqlalchemy import func, select

    with db.unit_of_work(write=False) as s:
        return s.scalar(
            select(func.count()).select_from(ApiKey).where(ApiKey.workspace_id == workspace_id)
        )


class TestCreateKey:
    def test_returns_the_key_object_and_the_plaintext_once(self, client, auth) -> None:
        r = create(client, auth, name="crm sync", description="nightly", rate_limit_tier="high")
        assert r.status_code == 201, r.text
        data = r.json()["data"]
        assert data["key"].startswith("wbk_")
        assert data["prefix"] == data["key"][:8]
        assert data["name"] == "crm sync" and data["description"] == "nightly"
        assert data["rate_limit_tier"] == "high"
        assert data["revoked_at"] is None and data["last_used_at"] is None
        assert set(data) >= {"id", "permissions", "expires_at", "created_at"}

    def test_the_new_key_authenticates(self, client, auth) -> None:
        key = create(client, auth, permissions=["contacts:read"]).json()["data"]["key"]
        r = client.get("/v1/contacts", headers={"Authorization": f"Bearer {key}"})
        assert r.status_code == 200, r.text

    def test_only_a_hash_is_stored(self, client, auth, db) -> None:
        data = create(client, auth).json()["data"]
        with db.unit_of_work(write=False) as s:
            row = s.get(ApiKey, __import__("uuid").UUID(data["id"]))
            assert row.token_hash != data["key"] and data["key"][4:] not in row.token_hash

    def test_read_alias_expands_to_every_read_scope(self, client, auth) -> None:
        perms = create(client, auth, permissions=["read"]).json()["data"]["permissions"]
        assert set(perms) == {s for s in ALL_SCOPES if s.endswith(":read")}

    def test_write_alias_expands_to_every_write_scope(self, client, auth) -> None:
        perms = create(client, auth, permissions=["write"]).json()["data"]["permissions"]
        assert set(perms) == {s for s in ALL_SCOPES if s.endswith(":write")}

    def test_reversed_word_order_is_stored_canonically(self, client, auth) -> None:
        perms = create(client, auth, permissions=["read:contacts"]).json()["data"]["permissions"]
        assert perms == ["contacts:read"]

    def test_expires_at_is_kept(self, client, auth) -> None:
        when = (datetime.now(timezone.utc) + timedelta(days=3)).replace(microsecond=0)
        data = create(client, auth, expires_at=when.isoformat()).json()["data"]
        assert datetime.fromisoformat(data["expires_at"]) == when

    def test_name_of_120_characters_is_accepted(self, client, auth) -> None:
        assert create(client, auth, name="n" * 120).status_code == 201


class TestCreateKeyRejects:
    def _assert_400(self, r, field=None):  # type: ignore[no-untyped-def]
        assert r.status_code == 400, r.text
        err = r.json()["error"]
        assert err["code"] == "validation_error"
        if field:
            assert field in err["details"]["fields"]

    def test_empty_name(self, client, auth) -> None:
        self._assert_400(create(client, auth, name=""), "name")

    def test_name_over_120_characters(self, client, auth) -> None:
        self._assert_400(create(client, auth, name="n" * 121), "name")

    def test_empty_permissions(self, client, auth) -> None:
        self._assert_400(create(client, auth, permissions=[]), "permissions")

    def test_unknown_permission(self, client, auth, db, workspace) -> None:
        before = count_keys(db, workspace.id)
        self._assert_400(create(client, auth, permissions=["contacts:read", "contacts:delete"]))
        assert count_keys(db, workspace.id) == before

    def test_unknown_tier(self, client, auth) -> None:
        self._assert_400(create(client, auth, rate_limit_tier="gold"), "rate_limit_tier")

    def test_expiry_in_the_past(self, client, auth) -> None:
        self._assert_400(create(client, auth, expires_at="2001-01-01T00:00:00Z"), "expires_at")

    def test_unknown_field(self, client, auth) -> None:
        self._assert_400(create(client, auth, scopes=["read"]), "scopes")

    def test_without_admin_scope(self, client, factory, workspace) -> None:
        headers = factory.headers(workspace.id, scopes=["read", "write", "lexi"])
        r = create(client, headers)
        assert r.status_code == 403
        assert r.json()["error"]["code"] == "insufficient_permissions"


class TestListKeys:
    def test_lists_metadata_and_never_a_secret(self, client, auth, api_key) -> None:
        create(client, auth, name="second")
        r = client.get("/v1/api-keys", headers=auth)
        assert r.status_code == 200
        body = r.json()
        assert body["meta"] == {"page": 1, "per_page": 25, "total": 2}
        assert {k["name"] for k in body["data"]} == {"test key", "second"}
        assert api_key not in r.text and api_key[8:20] not in r.text
        assert all("key" not in k and "token_hash" not in k for k in body["data"])

    def test_revoked_keys_are_hidden_unless_asked_for(self, client, auth) -> None:
        key_id = create(client, auth, name="old").json()["data"]["id"]
        assert client.delete(f"/v1/api-keys/{key_id}", headers=auth).status_code == 204
        names = {k["name"] for k in client.get("/v1/api-keys", headers=auth).json()["data"]}
        assert "old" not in names
        listed = client.get("/v1/api-keys", headers=auth, params={"include_revoked": "true"}).json()
        revoked = [k for k in listed["data"] if k["name"] == "old"]
        assert len(revoked) == 1 and revoked[0]["revoked_at"] is not None

    def test_search_matches_name_and_description(self, client, auth) -> None:
        create(client, auth, name="Zapier bridge")
        create(client, auth, name="other", description="used by zapier too")
        create(client, auth, name="unrelated")
        found = client.get("/v1/api-keys", headers=auth, params={"search": "zapier"}).json()
        assert {k["name"] for k in found["data"]} == {"Zapier bridge", "other"}
        assert found["meta"]["total"] == 2

    def test_pagination(self, client, auth) -> None:
        for i in range(3):
            create(client, auth, name=f"k{i}")
        page = client.get("/v1/api-keys", headers=auth, params={"per_page": 2, "page": 2}).json()
        assert page["meta"] == {"page": 2, "per_page": 2, "total": 4}
        assert len(page["data"]) == 2

    def test_only_the_callers_workspace(self, client, auth, factory) -> None:
        other = factory.workspace()
        factory.key(other.id, name="foreign")
        names = {k["name"] for k in client.get("/v1/api-keys", headers=auth).json()["data"]}
        assert "foreign" not in names


class TestRevokeKey:
    def test_revoke_is_soft_and_the_key_stops_working(self, client, auth, db) -> None:
        data = create(client, auth, permissions=["contacts:read"]).json()["data"]
        headers = {"Authorization": f"Bearer {data['key']}"}
        assert client.get("/v1/contacts", headers=headers).status_code == 200
        r = client.delete(f"/v1/api-keys/{data['id']}", headers=auth)
        assert r.status_code == 204 and r.content == b""
        r = client.get("/v1/contacts", headers=headers)
        assert r.status_code == 401 and r.json()["error"]["code"] == "invalid_key"
        with db.unit_of_work(write=False) as s:
            assert s.get(ApiKey, __import__("uuid").UUID(data["id"])).revoked_at is not None

    def test_the_last_admin_key_cannot_be_revoked(self, client, factory) -> None:
        ws = factory.workspace()
        admin = factory.key(ws.id, scopes=ADMIN)
        headers = {"Authorization": f"Bearer {admin}"}
        own_id = client.get("/v1/api-keys", headers=headers).json()["data"][0]["id"]
        r = client.delete(f"/v1/api-keys/{own_id}", headers=headers)
        assert r.status_code == 403
        assert r.json()["error"]["code"] == "insufficient_permissions"
        assert client.get("/v1/api-keys", headers=headers).status_code == 200

    def test_an_admin_key_can_be_revoked_while_another_remains(self, client, factory) -> None:
        ws = factory.workspace()
        headers = {"Authorization": f"Bearer {factory.key(ws.id, scopes=ADMIN, name='first')}"}
        second = create(client, headers, name="second", permissions=ADMIN).json()["data"]
        assert client.delete(f"/v1/api-keys/{second['id']}", headers=headers).status_code == 204
        first_id = next(
            k["id"]
            for k in client.get("/v1/api-keys", headers=headers).json()["data"]
            if k["name"] == "first"
        )
        assert client.delete(f"/v1/api-keys/{first_id}", headers=headers).status_code == 403

    def test_another_workspaces_key_is_not_found(self, client, auth, factory, db) -> None:
        other = factory.workspace()
        factory.key(other.id, name="theirs")
        with db.unit_of_work(write=False) as s:
            from sqlalchemy import select

            their_id = s.scalar(select(ApiKey.id).where(ApiKey.workspace_id == other.id))
        r = client.delete(f"/v1/api-keys/{their_id}", headers=auth)
        assert r.status_code == 404
        assert r.json()["error"]["code"] in {"not_found", "api_key_not_found"}
        with db.unit_of_work(write=False) as s:
            assert s.get(ApiKey, their_id).revoked_at is None

    def test_unknown_id_is_not_found(self, client, auth) -> None:
        r = client.delete("/v1/api-keys/00000000-0000-0000-0000-000000000000", headers=auth)
        assert r.status_code == 404


class TestKeyAuthentication:
    def test_expired_key_is_invalid(self, client, factory, workspace) -> None:
        soon = datetime.now(timezone.utc) + timedelta(hours=1)
        headers = factory.headers(workspace.id, expires_at=soon)
        assert client.get("/v1/credits", headers=headers).status_code == 200
        clock.set_now(soon + timedelta(seconds=1))
        try:
            r = client.get("/v1/credits", headers=headers)
        finally:
            clock.set_now(None)
        assert r.status_code == 401 and r.json()["error"]["code"] == "invalid_key"

    def test_unknown_well_formed_key_is_invalid(self, client) -> None:
        from lexi.kit.tokens import generate_token

        r = client.get("/v1/credits", headers={"Authorization": f"Bearer {generate_token()}"})
        assert r.status_code == 401 and r.json()["error"]["code"] == "invalid_key"

    def test_last_used_at_is_set_on_use(self, client, auth, api_key) -> None:
        before = client.get("/v1/api-keys", headers=auth).json()["data"]
        # The listing request itself was the key's first use.
        assert before[0]["last_used_at"] is not None
        fresh = create(client, auth, name="unused").json()["data"]
        listed = {k["id"]: k for k in client.get("/v1/api-keys", headers=auth).json()["data"]}
        assert listed[fresh["id"]]["last_used_at"] is None
        client.get("/v1/credits", headers={"Authorization": f"Bearer {fresh['key']}"})
        listed = {k["id"]: k for k in client.get("/v1/api-keys", headers=auth).json()["data"]}
        assert listed[fresh["id"]]["last_used_at"] is not None


class TestSearchIsLiteral:
    def test_wildcard_characters_match_only_themselves(self, client, auth) -> None:
        create(client, auth, name="100% sync")
        create(client, auth, name="plain")
        found = client.get("/v1/api-keys", headers=auth, params={"search": "%"}).json()["data"]
        assert [k["name"] for k in found] == ["100% sync"]
        create(client, auth, name="axb")
        create(client, auth, name="a_b")
        found = client.get("/v1/api-keys", headers=auth, params={"search": "a_b"}).json()["data"]
        assert [k["name"] for k in found] == ["a_b"]


class TestConcurrentRevocation:
    def test_two_admin_keys_revoked_at_once_leave_one(self, db, factory) -> None:
        import threading
        import uuid as uuid_mod

        from sqlalchemy import select

        from lexi.auth import service
        from lexi.errors import InsufficientPermissions

        ws = factory.workspace()
        for name in ("a", "b"):
            factory.key(ws.id, scopes=ADMIN, name=name)
        with db.unit_of_work(write=False) as s:
            ids: list[uuid_mod.UUID] = list(
                s.scalars(select(ApiKey.id).where(ApiKey.workspace_id == ws.id))
            )
        outcomes: list[str] = []
        start = threading.Barrier(2)

        def revoke(key_id: uuid_mod.UUID) -> None:
            start.wait()
            try:
                with db.unit_of_work() as s:
                    service.revoke(s, ws.id, key_id, actor=CLI)
                outcomes.append("revoked")
            except InsufficientPermissions:
                outcomes.append("refused")

        threads = [threading.Thread(target=revoke, args=(i,)) for i in ids]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert sorted(outcomes) == ["refused", "revoked"]
        with db.unit_of_work(write=False) as s:
            active = s.scalars(
                select(ApiKey).where(ApiKey.workspace_id == ws.id, ApiKey.revoked_at.is_(None))
            )
            assert len(list(active)) == 1
