"""X-Request-ID on every response, and JSON request logs that carry it and no secrets."""

import json
import logging
import uuid

import httpx
import pytest

from lexi.kit.logs import JsonFormatter


class TestRequestIdHeader:
    @pytest.mark.parametrize(
        "method,path",
        [
            ("GET", "/v1/credits"),
            ("GET", "/v1/nope"),
            ("GET", "/health"),
            ("GET", "/openapi.json"),
            ("POST", "/v1/credits"),
        ],
    )
    def test_every_response_has_one(self, client, auth, method, path) -> None:
        r = client.request(method, path, headers=auth)
        assert len(r.headers["x-request-id"]) >= 16

    def test_unauthenticated_and_error_responses_have_one(self, client) -> None:
        r = client.get("/v1/credits")
        assert r.status_code == 401 and r.headers["x-request-id"]

    def test_ids_differ_between_requests(self, client, auth) -> None:
        ids = {client.get("/v1/credits", headers=auth).headers["x-request-id"] for _ in range(5)}
        assert len(ids) == 5

    def test_the_clients_own_id_is_echoed(self, client, auth) -> None:
        rid = "req-" + uuid.uuid4().hex
        r = client.get("/v1/credits", headers={**auth, "X-Request-ID": rid})
        assert r.headers["x-request-id"] == rid

    @pytest.mark.parametrize("bad", ["has spaces", "x" * 200, "semi;colon", "<script>"])
    def test_a_malformed_id_is_replaced(self, client, auth, bad) -> None:
        r = client.get("/v1/credits", headers={**auth, "X-Request-ID": bad})
        assert r.status_code == 200
        assert r.headers["x-request-id"] != bad
        assert len(r.headers["x-request-id"]) == 32


class _Capture(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []
        self.setFormatter(JsonFormatter())

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))


@pytest.fixture
def captured():  # type: ignore[no-untyped-def]
    handler = _Capture()
    logger = logging.getLogger("lexi")
    logger.addHandler(handler)
    old = logger.level
    logger.setLevel(logging.INFO)
    yield handler
    logger.removeHandler(handler)
    logger.setLevel(old)


class TestInProcessLogs:
    def test_the_request_line_carries_the_id_and_the_key_prefix_only(
        self, client, auth, api_key, captured
    ) -> None:
        rid = "trace-" + uuid.uuid4().hex
        client.get("/v1/credits", headers={**auth, "X-Request-ID": rid})
        records = [json.loads(line) for line in captured.lines]
        mine = [r for r in records if r.get("request_id") == rid and r["msg"] == "request"]
        assert len(mine) == 1
        assert mine[0]["status"] == 200 and mine[0]["path"] == "/v1/credits"
        assert mine[0]["key_prefix"] == api_key[:8]
        assert api_key not in "\n".join(captured.lines)
        assert api_key[8:] not in "\n".join(captured.lines)

    def test_unhandled_errors_are_logged_with_the_id_and_not_shown_to_the_client(
        self, app, auth, captured
    ) -> None:
        from fastapi.testclient import TestClient

        from lexi.auth.dependencies import LexiCaller

        @app.get("/v1/test-explodes")
        def explodes(caller: LexiCaller) -> dict:
            raise RuntimeError("internal detail 8d1f")

        with TestClient(app, raise_server_exceptions=False) as c:
            r = c.get("/v1/test-explodes", headers={**auth, "X-Request-ID": "boom-1"})
        assert r.status_code == 500
        assert r.headers["x-request-id"] == "boom-1"
        assert r.json() == {
            "error": {"code": "internal_error", "message": r.json()["error"]["message"]}
        }
        assert "8d1f" not in r.text and "Traceback" not in r.text
        errors = [json.loads(x) for x in captured.lines if '"unhandled error"' in x]
        assert errors and errors[0]["request_id"] == "boom-1"


@pytest.mark.slow
class TestServerProcessLogs:
    def test_log_lines_carry_the_id_and_never_the_secret_or_the_body(
        self, migrated, factory
    ) -> None:
        from tests.helpers.server import LexiServer

        ws = factory.workspace()
        key = factory.key(ws.id, scopes=["all"])
        marker = "body-marker-" + uuid.uuid4().hex
        rid = "srv-" + uuid.uuid4().hex
        with LexiServer(migrated) as server:
            headers = {"Authorization": f"Bearer {key}", "X-Request-ID": rid}
            r = httpx.post(
                server.url + "/v1/api-keys",
                headers=headers,
                json={"name": marker, "permissions": ["read"]},
            )
            assert r.status_code == 201
            new_key = r.json()["data"]["key"]
            httpx.post(server.url + "/v1/api-keys", headers=headers, content=b"{" + marker.encode())
            httpx.get(server.url + "/v1/credits", headers={"Authorization": f"Bearer {new_key}"})
            httpx.get(server.url + "/v1/credits?limit=abc", headers=headers)
            httpx.get(server.url + "/v1/nowhere", headers=headers)
            import socket

            with socket.create_connection(("127.0.0.1", server.port)) as raw:
                raw.sendall(b"GARBAGE \x00 HTTP/9\r\n\r\n")  # the server itself logs this one
                raw.recv(100)
            server.stop()
            text = server.stderr()
            lines = server.log_lines()
        assert any(line.get("request_id") == rid and line.get("status") == 201 for line in lines)
        assert key not in text and key[8:] not in text
        assert new_key not in text and new_key[8:] not in text
        assert marker not in text
        assert all(line.startswith("{") for line in text.splitlines() if line.strip()), text
        assert any(line.get("logger", "").startswith("uvicorn") for line in lines)
