"""Rate limits: headers on every /v1 response, 429 with Retry-After, tiers, shared Redis budget."""

from datetime import datetime, timedelta, timezone

import httpx
import pytest

from lexi.kit import clock
from tests.conftest import REDIS_URL
from tests.helpers.timing import start_of_a_minute

RATE_HEADERS = ("x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-reset")


class TestHeaders:
    def test_success_carries_the_limit_headers(
        self, client, factory, workspace, frozen_minute
    ) -> None:
        headers = factory.headers(workspace.id, tier="starter")
        r = client.get("/v1/credits", headers=headers)
        assert r.status_code == 200
        assert r.headers["x-ratelimit-limit"] == "10"
        assert r.headers["x-ratelimit-remaining"] == "9"
        reset = int(r.headers["x-ratelimit-reset"])
        assert reset == int(frozen_minute.timestamp()) - 5 + 60

    @pytest.mark.parametrize(
        "method,path,body",
        [
            ("GET", "/v1/api-keys/00000000-0000-0000-0000-000000000000", None),  # 405
            ("DELETE", "/v1/api-keys/00000000-0000-0000-0000-000000000000", None),  # 404
            ("GET", "/v1/credits?limit=0", None),  # 400
            ("GET", "/v1/no-such-endpoint", None),  # 404
            ("POST", "/v1/api-keys", {"name": ""}),  # 400
        ],
    )
    def test_errors_carry_the_limit_headers(
        self, client, factory, workspace, method, path, body
    ) -> None:
        headers = factory.headers(workspace.id, tier="starter")
        r = client.request(method, path, headers=headers, json=body)
        assert 400 <= r.status_code < 500
        for h in RATE_HEADERS:
            assert h in r.headers, (h, r.status_code)

    def test_requests_without_a_key_are_limited_per_client_and_carry_headers(self, client) -> None:
        r = client.get("/v1/credits")
        assert r.status_code == 401
        assert all(h in r.headers for h in RATE_HEADERS)

    def test_oversize_body_answer_carries_the_limit_headers(
        self, client, factory, workspace
    ) -> None:
        headers = factory.headers(workspace.id, tier="starter")
        r = client.post("/v1/api-keys", headers=headers, content=b"x" * (5 * 1024 * 1024 + 1))
        assert r.status_code == 413
        assert all(h in r.headers for h in RATE_HEADERS)


class TestLimitExceeded:
    def test_the_eleventh_request_of_a_starter_key_is_429(
        self, client, factory, workspace, frozen_minute
    ) -> None:
        headers = factory.headers(workspace.id, tier="starter")
        statuses = [client.get("/v1/credits", headers=headers).status_code for _ in range(10)]
        assert statuses == [200] * 10
        r = client.get("/v1/credits", headers=headers)
        assert r.status_code == 429
        assert r.json()["error"]["code"] == "rate_limited"
        assert r.headers["retry-after"] == "55"
        assert r.headers["x-ratelimit-remaining"] == "0"
        assert r.headers["x-request-id"]

    def test_the_budget_is_per_key(self, client, factory, workspace, frozen_minute) -> None:
        first = factory.headers(workspace.id, tier="starter")
        for _ in range(10):
            client.get("/v1/credits", headers=first)
        assert client.get("/v1/credits", headers=first).status_code == 429
        second = factory.headers(workspace.id, tier="starter")
        assert client.get("/v1/credits", headers=second).status_code == 200

    def test_the_next_minute_allows_again(self, client, factory, workspace, frozen_minute) -> None:
        headers = factory.headers(workspace.id, tier="starter")
        for _ in range(11):
            client.get("/v1/credits", headers=headers)
        clock.set_now(frozen_minute + timedelta(minutes=1))
        assert client.get("/v1/credits", headers=headers).status_code == 200

    def test_the_standard_tier_follows_the_workspace_plan(
        self, client, factory, frozen_minute
    ) -> None:
        ws = factory.workspace(plan="pro")
        r = client.get("/v1/credits", headers=factory.headers(ws.id, tier="standard"))
        assert r.headers["x-ratelimit-limit"] == "50"

    def test_the_day_window_resets_at_midnight_utc(self, client, factory, workspace) -> None:
        headers = factory.headers(workspace.id, tier="starter")
        day = datetime.now(timezone.utc).replace(
            hour=8, minute=0, second=0, microsecond=0
        ) + timedelta(days=1)
        try:
            for minute in range(10):
                clock.set_now(day + timedelta(minutes=minute))
                for _ in range(10):
                    assert client.get("/v1/credits", headers=headers).status_code == 200
            clock.set_now(day + timedelta(hours=15, minutes=59))
            r = client.get("/v1/credits", headers=headers)
            assert r.status_code == 429
            assert r.headers["x-ratelimit-limit"] == "100"
            clock.set_now(day.replace(hour=0) + timedelta(days=1))
            assert client.get("/v1/credits", headers=headers).status_code == 200
        finally:
            clock.set_now(None)


class TestUnmetered:
    def test_unmetered_keys_are_never_limited(
        self, client, factory, workspace, frozen_minute
    ) -> None:
        headers = factory.headers(workspace.id, tier="unmetered")
        statuses = {client.get("/v1/credits", headers=headers).status_code for _ in range(30)}
        assert statuses == {200}


@pytest.mark.redis
@pytest.mark.slow
class TestSharedRedisBudget:
    def test_two_server_processes_share_one_budget(self, migrated, factory) -> None:
        from tests.helpers.server import LexiServer

        # A fresh key: its counters are its own in the shared Redis database.
        ws = factory.workspace()
        key = factory.key(ws.id, tier="starter")
        headers = {"Authorization": f"Bearer {key}"}
        env = {"LEXI_REDIS_URL": REDIS_URL}
        with LexiServer(migrated, env=env) as a, LexiServer(migrated, env=env) as b:
            start_of_a_minute()
            servers = [a, b]
            statuses = [
                httpx.get(servers[i % 2].url + "/v1/credits", headers=headers).status_code
                for i in range(10)
            ]
            assert statuses == [200] * 10
            for server in servers:
                r = httpx.get(server.url + "/v1/credits", headers=headers)
                assert r.status_code == 429
                assert int(r.headers["retry-after"]) >= 1
