"""The credits ledger, GET /v1/credits, and charging under concurrency."""

import threading
import uuid

import pytest

from lexi.audit.service import Actor
from lexi.credits import service
from lexi.errors import InsufficientCredits, ValidationFailed

CLI = Actor.cli("tests")


class TestLedger:
    def test_grant_charge_refund_write_entries_with_running_balance(self, db, factory) -> None:
        ws = factory.workspace(credits=0)
        with db.unit_of_work() as s:
            g = service.grant(s, ws.id, 10, reason="welcome", actor=CLI)
            c = service.charge(s, ws.id, 4, reason="chat message", reference="msg-1", actor=CLI)
            r = service.refund(s, ws.id, 1, reason="failed search", reference="msg-1", actor=CLI)
            assert (g.kind, g.amount, g.balance_after) == ("grant", 10, 10)
            assert (c.kind, c.amount, c.balance_after) == ("charge", -4, 6)
            assert (r.kind, r.amount, r.balance_after) == ("refund", 1, 7)
        with db.unit_of_work(write=False) as s:
            assert service.balance(s, ws.id) == 7
            assert service.ledger_balance(s, ws.id) == 7

    def test_a_charge_over_the_balance_is_refused_and_writes_nothing(self, db, factory) -> None:
        ws = factory.workspace(credits=3)
        with db.unit_of_work() as s, pytest.raises(InsufficientCredits) as err:
            service.charge(s, ws.id, 5, reason="search", actor=CLI)
        assert err.value.details == {"balance": 3, "required": 5}
        with db.unit_of_work(write=False) as s:
            assert service.balance(s, ws.id) == 3
            assert len(service.recent_entries(s, ws.id)) == 1

    def test_a_charge_rolled_back_with_its_request_leaves_no_trace(self, db, factory) -> None:
        ws = factory.workspace(credits=5)
        with pytest.raises(RuntimeError), db.unit_of_work() as s:
            service.charge(s, ws.id, 2, reason="chat", actor=CLI)
            raise RuntimeError("the request failed after charging")
        with db.unit_of_work(write=False) as s:
            assert service.balance(s, ws.id) == 5
            assert service.ledger_balance(s, ws.id) == 5

    def test_ensure_affordable_quotes_before_anything_happens(self, db, factory) -> None:
        ws = factory.workspace(credits=4)
        with db.unit_of_work() as s:
            assert service.ensure_affordable(s, ws.id, 4) == 4
            with pytest.raises(InsufficientCredits):
                service.ensure_affordable(s, ws.id, 5)

    def test_non_positive_amounts_are_rejected(self, db, factory) -> None:
        ws = factory.workspace(credits=4)
        with db.unit_of_work() as s:
            with pytest.raises(ValidationFailed):
                service.grant(s, ws.id, 0, actor=CLI)
            with pytest.raises(ValidationFailed):
                service.refund(s, ws.id, -1, reason="x", actor=CLI)
            with pytest.raises(ValueError):
                service.charge(s, ws.id, 0, reason="x", actor=CLI)


class TestGetCredits:
    def test_reports_balance_and_recent_entries_newest_first(
        self, client, auth, db, workspace
    ) -> None:
        with db.unit_of_work() as s:
            service.charge(s, workspace.id, 3, reason="chat message", reference="m1", actor=CLI)
        r = client.get("/v1/credits", headers=auth)
        assert r.status_code == 200, r.text
        data = r.json()["data"]
        assert data["balance"] == 997
        assert [(e["kind"], e["amount"], e["balance_after"]) for e in data["entries"]] == [
            ("charge", -3, 997),
            ("grant", 1000, 1000),
        ]
        assert data["entries"][0]["reference"] == "m1"

    def test_limit_bounds_the_entries(self, client, auth, db, workspace) -> None:
        with db.unit_of_work() as s:
            for _ in range(5):
                service.charge(s, workspace.id, 1, reason="chat", actor=CLI)
        data = client.get("/v1/credits", headers=auth, params={"limit": 2}).json()["data"]
        assert len(data["entries"]) == 2
        assert client.get("/v1/credits", headers=auth, params={"limit": 0}).status_code == 400
        assert client.get("/v1/credits", headers=auth, params={"limit": 101}).status_code == 400

    def test_needs_the_lexi_scope(self, client, factory, workspace) -> None:
        r = client.get(
            "/v1/credits", headers=factory.headers(workspace.id, scopes=["contacts:read"])
        )
        assert r.status_code == 403

    def test_shows_only_the_callers_workspace(self, client, factory) -> None:
        a, b = factory.workspace(credits=7), factory.workspace(credits=9)
        assert (
            client.get("/v1/credits", headers=factory.headers(a.id)).json()["data"]["balance"] == 7
        )
        assert (
            client.get("/v1/credits", headers=factory.headers(b.id)).json()["data"]["balance"] == 9
        )


def _charge_in_parallel(
    db, workspace_id: uuid.UUID, attempts: int
) -> tuple[int, int, list[BaseException]]:  # type: ignore[no-untyped-def]
    ok, refused, other = [], [], []
    start = threading.Barrier(attempts)

    def worker(i: int) -> None:
        start.wait()
        try:
            with db.unit_of_work() as s:
                service.charge(
                    s, workspace_id, 1, reason="chat message", reference=f"t{i}", actor=CLI
                )
            ok.append(i)
        except InsufficientCredits:
            refused.append(i)
        except BaseException as exc:  # noqa: BLE001 (reported by the test)
            other.append(exc)

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(attempts)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return len(ok), len(refused), other


class TestConcurrentCharges:
    """50 threads, each charging 1 credit in its own unit of work, against a balance of 20."""

    def test_exactly_the_balance_is_spent_and_never_more(self, db, factory) -> None:
        ws = factory.workspace(credits=20)
        ok, refused, other = _charge_in_parallel(db, ws.id, 50)
        assert other == []
        assert (ok, refused) == (20, 30)
        with db.unit_of_work(write=False) as s:
            assert service.balance(s, ws.id) == 0
            assert service.ledger_balance(s, ws.id) == 0
            charges = [e for e in service.recent_entries(s, ws.id, 100) if e.kind == "charge"]
            assert len(charges) == 20
            assert sorted(e.balance_after for e in charges) == list(range(20))
