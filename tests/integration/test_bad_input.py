"""Each class of bad input gets its documented 4xx envelope: never a 500, never a write."""

import http.client
import json
from urllib.parse import urlsplit

import pytest
from sqlalchemy import func, select

from lexi.models import ApiKey

GOOD = {"name": "valid", "permissions": ["read"]}


def count_keys(db, workspace_id) -> int:  # type: ignore[no-untyped-def]
    with db.unit_of_work(write=False) as s:
        return s.scalar(
            select(func.count()).select_from(ApiKey).where(ApiKey.workspace_id == workspace_id)
        )


@pytest.fixture
def nothing_written(db, workspace):  # type: ignore[no-untyped-def]
    before = count_keys(db, workspace.id)
    yield
    assert count_keys(db, workspace.id) == before


def assert_error(r, status: int, code: str) -> dict:  # type: ignore[no-untyped-def]
    assert r.status_code == status, r.text
    body = r.json()
    assert body["error"]["code"] == code
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]
    assert "Traceback" not in r.text
    return body["error"]


def post(client, auth, content: bytes, **headers):  # type: ignore[no-untyped-def]
    return client.post(
        "/v1/api-keys",
        headers={**auth, "Content-Type": "application/json", **headers},
        content=content,
    )


class TestMalformedJson:
    @pytest.mark.parametrize(
        "raw", [b"{", b"{'name': 'x'}", b'{"name": "x",}', b"\xff\xfe", b"nul"]
    )
    def test_is_a_validation_error(self, client, auth, nothing_written, raw) -> None:
        assert_error(post(client, auth, raw), 400, "validation_error")

    def test_a_json_value_that_is_not_an_object(self, client, auth, nothing_written) -> None:
        assert_error(post(client, auth, b'["name"]'), 400, "validation_error")
        assert_error(post(client, auth, b"null"), 400, "validation_error")


class TestWrongTypes:
    @pytest.mark.parametrize(
        "body,field",
        [
            ({"name": 5, "permissions": ["read"]}, "name"),
            ({"name": "x", "permissions": "read"}, "permissions"),
            ({"name": "x", "permissions": [1]}, "permissions.0"),
            ({"name": "x", "permissions": ["read"], "expires_at": "tomorrow"}, "expires_at"),
            ({"name": ["x"], "permissions": ["read"]}, "name"),
        ],
    )
    def test_names_the_field(self, client, auth, nothing_written, body, field) -> None:
        err = assert_error(
            client.post("/v1/api-keys", headers=auth, json=body), 400, "validation_error"
        )
        assert field in err["details"]["fields"]

    def test_missing_required_field(self, client, auth, nothing_written) -> None:
        err = assert_error(
            client.post("/v1/api-keys", headers=auth, json={"name": "x"}), 400, "validation_error"
        )
        assert "permissions" in err["details"]["fields"]

    def test_wrong_type_in_the_query(self, client, auth) -> None:
        err = assert_error(
            client.get("/v1/api-keys", headers=auth, params={"include_revoked": "perhaps"}),
            400,
            "validation_error",
        )
        assert "include_revoked" in err["details"]["fields"]


class TestUnknownFields:
    def test_are_rejected_by_name(self, client, auth, nothing_written) -> None:
        err = assert_error(
            client.post("/v1/api-keys", headers=auth, json={**GOOD, "admin": True}),
            400,
            "validation_error",
        )
        assert "admin" in err["details"]["fields"]


class TestOverlongStrings:
    def test_name_over_the_limit(self, client, auth, nothing_written) -> None:
        err = assert_error(
            client.post("/v1/api-keys", headers=auth, json={**GOOD, "name": "x" * 121}),
            400,
            "validation_error",
        )
        assert "name" in err["details"]["fields"]

    def test_description_over_the_limit(self, client, auth, nothing_written) -> None:
        r = client.post("/v1/api-keys", headers=auth, json={**GOOD, "description": "d" * 1001})
        assert_error(r, 400, "validation_error")

    def test_search_over_the_limit(self, client, auth) -> None:
        assert_error(
            client.get("/v1/api-keys", headers=auth, params={"search": "s" * 201}),
            400,
            "validation_error",
        )


class TestOversizeBody:
    def test_declared_by_content_length(self, client, auth, nothing_written) -> None:
        big = json.dumps({**GOOD, "description": "x" * (5 * 1024 * 1024)}).encode()
        err = assert_error(post(client, auth, big), 413, "payload_too_large")
        assert err["details"]["max_bytes"] == 5 * 1024 * 1024

    def test_streamed_in_chunks_without_a_length(self, client, auth, nothing_written) -> None:
        def chunks():  # type: ignore[no-untyped-def]
            yield b'{"name": "x", "permissions": ["read"], "description": "'
            for _ in range(6):
                yield b"y" * (1024 * 1024)
            yield b'"}'

        r = client.post(
            "/v1/api-keys", headers={**auth, "Content-Type": "application/json"}, content=chunks()
        )
        assert_error(r, 413, "payload_too_large")

    @pytest.mark.slow
    def test_chunked_transfer_encoding_against_a_real_server(self, migrated, factory) -> None:
        from tests.helpers.server import LexiServer

        ws = factory.workspace()
        key = factory.key(ws.id)
        with LexiServer(migrated, env={"LEXI_MAX_BODY_BYTES": "1000"}) as server:
            parts = urlsplit(server.url)
            conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
            conn.putrequest("POST", "/v1/api-keys")
            conn.putheader("Authorization", f"Bearer {key}")
            conn.putheader("Content-Type", "application/json")
            conn.putheader("Transfer-Encoding", "chunked")
            conn.endheaders()
            try:
                for _ in range(20):
                    chunk = b" " * 200
                    conn.send(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                conn.send(b"0\r\n\r\n")
            except (BrokenPipeError, ConnectionResetError):
                pass  # the server may answer and close before the whole body is sent
            response = conn.getresponse()
            body = json.loads(response.read())
            conn.close()
        assert response.status == 413
        assert body["error"]["code"] == "payload_too_large"


class TestWrongMediaType:
    def test_form_encoding_is_415(self, client, auth, nothing_written) -> None:
        r = client.post("/v1/api-keys", headers=auth, data={"name": "x", "permissions": "read"})
        assert_error(r, 415, "unsupported_media_type")

    def test_a_body_without_a_content_type_is_read_as_json(self, client, auth) -> None:
        r = client.post("/v1/api-keys", headers=auth, content=json.dumps(GOOD).encode())
        assert r.status_code == 201, r.text


class TestBadUuidsInPaths:
    @pytest.mark.parametrize("bad", ["not-a-uuid", "123", "00000000-0000-0000-0000-00000000000g"])
    def test_are_validation_errors(self, client, auth, nothing_written, bad) -> None:
        err = assert_error(
            client.delete(f"/v1/api-keys/{bad}", headers=auth), 400, "validation_error"
        )
        assert "key_id" in err["details"]["fields"]


class TestPagination:
    @pytest.mark.parametrize(
        "params",
        [
            {"page": 0},
            {"page": -1},
            {"page": 10**12},
            {"page": "two"},
            {"per_page": 0},
            {"per_page": -5},
            {"per_page": 101},
            {"per_page": 10**30},
            {"page": 1.5},
        ],
    )
    def test_out_of_range_values_are_validation_errors(self, client, auth, params) -> None:
        assert_error(
            client.get("/v1/api-keys", headers=auth, params=params), 400, "validation_error"
        )

    def test_a_page_past_the_end_is_empty_not_an_error(self, client, auth) -> None:
        r = client.get("/v1/api-keys", headers=auth, params={"page": 999})
        assert r.status_code == 200 and r.json()["data"] == []


class TestAuthorizationHeader:
    @pytest.mark.parametrize(
        "value",
        [
            "",
            "Bearer",
            "Bearer ",
            "Basic dXNlcjpwYXNz",
            "Basic x",
            "Bearer wbk_bad",
            "wbk_abc",
            "Bearer wbk_" + "A" * 38,
            "Token abc",
            "Bearer a b c",
        ],
    )
    def test_missing_or_malformed_is_401(self, client, value) -> None:
        headers = {"Authorization": value} if value else {}
        assert_error(client.get("/v1/credits", headers=headers), 401, "invalid_key")

    def test_a_valid_key_with_lowercase_scheme_is_accepted(self, client, api_key) -> None:
        assert (
            client.get("/v1/credits", headers={"Authorization": f"bearer {api_key}"}).status_code
            == 200
        )

    def test_a_key_from_a_different_header_is_ignored(self, client, api_key) -> None:
        assert_error(client.get("/v1/credits", headers={"X-Api-Key": api_key}), 401, "invalid_key")


class TestUnknownRoutesAndMethods:
    def test_unknown_route_is_a_404_envelope(self, client, auth) -> None:
        assert_error(client.get("/v1/definitely-not-here", headers=auth), 404, "not_found")
        assert_error(client.get("/nope"), 404, "not_found")

    def test_wrong_method_is_a_405_envelope(self, client, auth) -> None:
        assert_error(client.put("/v1/api-keys", headers=auth, json=GOOD), 405, "method_not_allowed")
        assert_error(client.patch("/v1/credits", headers=auth, json={}), 405, "method_not_allowed")

    def test_the_leadlex_prefix_serves_the_same_api(self, client, auth) -> None:
        r = client.get("/functions/v1/api-gateway/v1/credits", headers=auth)
        assert r.status_code == 200 and "balance" in r.json()["data"]


class TestNeverA500:
    @pytest.mark.parametrize(
        "method,path,body",
        [
            ("POST", "/v1/api-keys", {"name": "\x00", "permissions": ["read"]}),
            (
                "POST",
                "/v1/api-keys",
                {"name": "x", "permissions": ["read"], "expires_at": "9999-12-31T23:59:59Z"},
            ),
            (
                "POST",
                "/v1/api-keys",
                {"name": "x", "permissions": ["read"], "expires_at": "2030-01-01T00:00:00"},
            ),
            ("POST", "/v1/api-keys", {"name": "x", "permissions": ["read"] * 51}),
            ("POST", "/v1/api-keys", {"name": "   ", "permissions": ["read"]}),
            ("GET", "/v1/api-keys?search=%25_%5C", None),
            ("DELETE", "/v1/api-keys/5b1f3c8e-2a4d-4c6e-9f10-3d2b7a8c9e01", None),
        ],
    )
    def test_edge_values_get_a_client_answer(self, client, auth, method, path, body) -> None:
        r = client.request(method, path, headers=auth, json=body)
        assert r.status_code < 500, r.text


class TestNulCharacters:
    """PostgreSQL text cannot hold NUL, so it is refused on every database alike."""

    def test_in_a_json_string(self, client, auth, nothing_written) -> None:
        r = client.post(
            "/v1/api-keys", headers=auth, json={"name": "a\x00b", "permissions": ["read"]}
        )
        assert_error(r, 400, "validation_error")

    def test_nested_in_a_list(self, client, auth, nothing_written) -> None:
        r = client.post(
            "/v1/api-keys", headers=auth, json={"name": "ok", "permissions": ["read\x00"]}
        )
        assert_error(r, 400, "validation_error")

    def test_in_the_query(self, client, auth) -> None:
        assert_error(client.get("/v1/api-keys?search=a%00b", headers=auth), 400, "validation_error")

    def test_an_escaped_backslash_before_u0000_is_fine(self, client, auth) -> None:
        r = client.post(
            "/v1/api-keys", headers=auth, json={"name": "path\\u0000", "permissions": ["read"]}
        )
        assert r.status_code == 201, r.text
