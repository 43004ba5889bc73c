"""Sending through a real SMTP server on loopback: the messages, links, conditions, limits,
suppression, pause, bounces and replies, and exactly-once across crashes."""

from __future__ import annotations

import os
import re
import signal
import threading
import time
import uuid
from collections import defaultdict
from datetime import datetime, timedelta, timezone
from urllib.parse import urlsplit

import pytest

from lexi.audit.service import Actor
from lexi.campaigns.sending import CampaignSender
from lexi.worker import Worker
from tests.helpers.smtp import SmtpSink
from tests.helpers.worker import WorkerProcess
from tests.integration.campaigns.helpers import campaign, contacts, new_list, ok

CLI = Actor.cli("tests")

BODY = (
    "Hi {{first_name|there}},\n\nA note for {{company_name|your team}} about "
    "<b>nothing</b>.\n\nSee https://example.com/page.\n\nBest,"
)
HTML_BODY = (
    '<p>Hi {{first_name|there}},</p><p>Read <a href="https://example.com/guide?a=1&amp;b=2">'
    "the guide</a> for {{company_name|your team}}.</p><p>Best,</p>"
)


@pytest.fixture
def sink():
    with SmtpSink(refuse={"refused@example.com"}) as s:
        yield s


@pytest.fixture
def mail_settings(settings, sink):
    return settings.model_copy(
        update={
            "smtp_url": sink.url,
            "public_url": "http://testserver",
            "sender_postal_address": "1 Main St, Springfield, 12345",
            "campaign_limits_enabled": False,
        }
    )


def launch(client, auth, db, cid):
    task_id = ok(client.post(f"/v1/campaigns/{cid}/start", headers=auth))["task_id"]
    ok(client.post(f"/v1/lexi/tasks/{task_id}/approve", headers=auth))
    Worker(db).run_until_idle()
    assert ok(client.get(f"/v1/lexi/tasks/{task_id}", headers=auth))["status"] == "completed"


class Clock:
    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now


def link(msg, pattern: str) -> str:
    html = msg.get_body(("html",)).get_content()
    m = re.search(rf'"(http://testserver/email/{pattern}/[^"]+)"', html)
    assert m, html
    return urlsplit(m.group(1).replace("&amp;", "&")).path


class TestTheMessages:
    def test_one_correct_email_per_eligible_contact(
        self, client, auth, db, sink, mail_settings, workspace
    ):
        ids = contacts(client, auth, 3)
        nameless = ok(
            client.post("/v1/contacts", headers=auth, json={"email": f"x{ids[0][:6]}@example.com"}),
            201,
        )["id"]
        no_email = ok(
            client.post("/v1/contacts", headers=auth, json={"full_name": "No Mail"}), 201
        )["id"]
        lst = new_list(client, auth, [*ids, nameless, no_email])
        c = campaign(
            client, auth, list_id=lst["id"], from_name="Sam Sender", from_email="sam@sender.example",
            track_opens=True, track_clicks=True,
            steps=[{"subject": "Hello {{first_name|there}}", "body": HTML_BODY},
                   {"subject": "Again", "body": BODY, "delay_days": 3, "send_condition": "if_no_reply"}],
        )  # fmt: skip
        launch(client, auth, db, c["id"])
        sender = CampaignSender(db, mail_settings, workspace_id=workspace.id)
        assert sender.run_until_idle().sent == 4
        sender.close()
        assert len(sink.messages) == 4  # not the contact without an email; step 2 not yet due
        people = {
            c_["id"]: c_
            for c_ in (ok(client.get(f"/v1/contacts/{i}", headers=auth)) for i in [*ids, nameless])
        }
        for person in people.values():
            [msg] = sink.to(person["email"])
            assert msg["From"] == "Sam Sender <sam@sender.example>"
            assert msg["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
            assert re.fullmatch(
                r"<http://testserver/email/unsubscribe/[^>]+>", msg["List-Unsubscribe"]
            )
            assert re.fullmatch(r"<[0-9a-f-]{36}@sender\.example>", msg["Message-ID"])
            assert msg.get_content_type() == "multipart/alternative"
            text = msg.get_body(("plain",)).get_content()
            html = msg.get_body(("html",)).get_content()
            first = person["first_name"] or "there"
            assert msg["Subject"] == f"Hello {first}"
            assert f"Hi {first}," in text and f"Hi {first}," in html
            assert "{{" not in text + html + msg["Subject"]
            assert (
                "1 Main St, Springfield, 12345" in text
                and "Unsubscribe: http://testserver/" in text
            )
            assert "Sam Sender" in text
            # Links are tracked through signed redirects; the pixel is there.
            assert "https://example.com/guide" not in html and "/email/click/" in html
            assert "/email/open/" in html
        stats = ok(client.get(f"/v1/campaigns/{c['id']}/stats", headers=auth))
        assert stats["sent_count"] == 4 and stats["scheduled_count"] == 4

    def test_without_a_sender_name_the_default_senders_name_signs_the_email(
        self, client, auth, db, sink, mail_settings, workspace
    ):
        ids = contacts(client, auth, 1)
        c = campaign(client, auth, list_id=new_list(client, auth, ids)["id"],
                     steps=[{"subject": "s", "body": "Hi there,\n\nA short note.\n\nBest,"}])  # fmt: skip
        launch(client, auth, db, c["id"])
        named = mail_settings.model_copy(update={"mail_from": "Dana Reyes <dana@firm.example>"})
        CampaignSender(db, named, workspace_id=workspace.id).run_until_idle()
        [msg] = sink.messages
        assert msg["From"] == "Dana Reyes <dana@firm.example>"
        text = msg.get_body(("plain",)).get_content()
        assert "Best,\nDana Reyes" in text.replace("\r\n", "\n")
        assert "<p>Dana Reyes</p>" in msg.get_body(("html",)).get_content()

    def test_unsubscribe_link_works_when_followed_and_applies_everywhere(
        self, client, auth, db, sink, mail_settings, workspace
    ):
        ids = contacts(client, auth, 2)
        lst = new_list(client, auth, ids)
        c = campaign(client, auth, list_id=lst["id"], steps=[{"subject": "s", "body": BODY}])
        other = campaign(client, auth, list_id=lst["id"], steps=[{"subject": "t", "body": BODY}])
        launch(client, auth, db, c["id"])
        CampaignSender(db, mail_settings, workspace_id=workspace.id).run_until_idle()
        msg = sink.messages[0]
        to = re.search(r"[\w.+-]+@[\w.-]+", str(msg["To"])).group(0)
        url = urlsplit(msg["List-Unsubscribe"].strip("<>")).path
        page = client.get(url)
        assert page.status_code == 200 and "<form method='post'" in page.text
        assert (
            client.get("/v1/suppressions", headers=auth).json()["meta"]["total"] == 0
        )  # GET changes nothing
        done = client.post(
            url,
            content=b"List-Unsubscribe=One-Click",
            headers={"content-type": "application/x-www-form-urlencoded"},
        )
        assert done.status_code == 200 and "Unsubscribed" in done.text
        assert client.post(url).status_code == 200  # idempotent
        sup = client.get("/v1/suppressions", headers=auth).json()["data"]
        assert [(s["email"], s["reason"]) for s in sup] == [(to.lower(), "unsubscribed")]
        assert (
            ok(client.get(f"/v1/campaigns/{c['id']}/stats", headers=auth))["unsubscribed_count"]
            == 1
        )
        # The other campaign leaves the unsubscribed address out.
        task = ok(client.post(f"/v1/campaigns/{other['id']}/start", headers=auth))["task_id"]
        assert (
            ok(client.get(f"/v1/lexi/tasks/{task}", headers=auth))["metadata"]["skipped"][
                "suppressed"
            ]
            == 1
        )

    def test_forged_or_foreign_tokens_do_nothing_and_leak_nothing(
        self, client, auth, db, sink, mail_settings, workspace, factory
    ):
        ids = contacts(client, auth, 1)
        c = campaign(client, auth, list_id=new_list(client, auth, ids)["id"], track_clicks=True,
                     steps=[{"subject": "s", "body": HTML_BODY}])  # fmt: skip
        launch(client, auth, db, c["id"])
        CampaignSender(db, mail_settings, workspace_id=workspace.id).run_until_idle()
        url = urlsplit(sink.messages[0]["List-Unsubscribe"].strip("<>")).path
        token = url.rsplit("/", 1)[1]
        body, mac = token.split(".")
        forged = [f"{body}.{'0' * len(mac)}", f"{body[:-2]}AA.{mac}", "garbage", "a.b", "x" * 5000]
        for bad in forged:
            for method in ("get", "post"):
                r = getattr(client, method)(f"/email/unsubscribe/{bad}")
                assert r.status_code == 404 and "not valid" in r.text
        assert client.get("/v1/suppressions", headers=auth).json()["meta"]["total"] == 0
        # Click links redirect only to the URL they were signed with; no open redirect.
        click = link(sink.messages[0], "click")
        r = client.get(click, follow_redirects=False)
        assert r.status_code == 302 and r.headers["location"] == "https://example.com/guide?a=1&b=2"
        cbody, cmac = click.rsplit("/", 1)[1].split(".")
        import base64

        payload = base64.urlsafe_b64decode(cbody + "=" * (-len(cbody) % 4)).decode()
        evil = (
            payload.rsplit(":", 1)[0]
            + ":"
            + base64.urlsafe_b64encode(b"https://evil.example").decode().rstrip("=")
        )
        evil_token = base64.urlsafe_b64encode(evil.encode()).decode().rstrip("=") + "." + cmac
        r = client.get(f"/email/click/{evil_token}", follow_redirects=False)
        assert r.status_code == 404 and "location" not in r.headers
        stats = ok(client.get(f"/v1/campaigns/{c['id']}/stats", headers=auth))
        assert stats["clicked_count"] == 1 and stats["opened_count"] == 1


class TestConditions:
    @pytest.mark.parametrize(
        "condition,expected",
        [("always", {"a", "b"}), ("if_no_reply", {"b"}), ("if_no_open", {"b"}),
         ("if_opened", {"a"}), ("if_clicked", {"a"})],
    )  # fmt: skip
    def test_second_step_goes_to_the_right_people(
        self, client, auth, db, sink, mail_settings, workspace, condition, expected
    ):
        a, b = contacts(client, auth, 2)
        c = campaign(
            client, auth, list_id=new_list(client, auth, [a, b])["id"], track_opens=True, track_clicks=True,
            steps=[{"subject": "one", "body": HTML_BODY},
                   {"subject": "two", "body": BODY, "delay_days": 2, "send_condition": condition}],
        )  # fmt: skip
        launch(client, auth, db, c["id"])
        clock = Clock(datetime.now(timezone.utc))
        CampaignSender(db, mail_settings, workspace_id=workspace.id, clock=clock).run_until_idle()
        email_a = ok(client.get(f"/v1/contacts/{a}", headers=auth))["email"]
        email_b = ok(client.get(f"/v1/contacts/{b}", headers=auth))["email"]
        [first_a] = sink.to(email_a)
        # A opens and clicks; A replies only in the reply case.
        client.get(link(first_a, "open"))
        client.get(link(first_a, "click"), follow_redirects=False)
        if condition in ("if_no_reply", "always"):
            reply = (
                f"From: {email_a}\r\nTo: sam@sender.example\r\nSubject: Re: one\r\n"
                f"In-Reply-To: {first_a['Message-ID']}\r\nMessage-ID: <r1@example.com>\r\n\r\nSounds good.\r\n"
            )
            if condition == "if_no_reply":
                got = ok(client.post("/v1/email/inbound", headers=auth, json={"raw": reply}))
                assert got["kind"] == "reply" and got["contact_id"] == a
        clock.now += timedelta(days=1)
        assert (
            CampaignSender(db, mail_settings, workspace_id=workspace.id, clock=clock)
            .run_until_idle()
            .sent
            == 0
        )  # not due yet
        clock.now += timedelta(days=1, minutes=1)
        CampaignSender(db, mail_settings, workspace_id=workspace.id, clock=clock).run_until_idle()
        got = {
            who
            for who, addr in (("a", email_a), ("b", email_b))
            if any(m["Subject"] == "two" for m in sink.to(addr))
        }
        assert got == expected
        enrolments = {
            e["contact_id"]: e
            for e in client.get(f"/v1/campaigns/{c['id']}/contacts", headers=auth).json()["data"]
        }
        if condition == "if_no_reply":
            assert enrolments[a]["status"] == "replied"
            assert (
                ok(client.get(f"/v1/campaigns/{c['id']}/stats", headers=auth))["replied_count"] == 1
            )
        assert enrolments[b]["status"] == "completed" and enrolments[b]["current_step"] == 2


class TestWindowsAndLimits:
    def test_window_weekends_delay_and_daily_limit(
        self, client, auth, db, sink, mail_settings, workspace
    ):
        ids = contacts(client, auth, 5)
        c = campaign(
            client, auth, list_id=new_list(client, auth, ids)["id"], sending_timezone="America/New_York",
            sending_window_start="09:00", sending_window_end="17:00", daily_send_limit=2,
            delay_between_emails=60, steps=[{"subject": "s", "body": BODY}],
        )  # fmt: skip
        launch(client, auth, db, c["id"])
        limited = mail_settings.model_copy(update={"campaign_limits_enabled": True})
        ny = timezone(timedelta(hours=-5))  # EST, as in January
        clock = Clock(datetime(2031, 1, 4, 12, 0, tzinfo=ny))  # a Saturday, noon
        sender = CampaignSender(db, limited, workspace_id=workspace.id, clock=clock)

        def run() -> int:
            return sender.run_until_idle().sent

        assert run() == 0  # weekend
        clock.now = datetime(2031, 1, 6, 8, 59, tzinfo=ny)  # Monday, before the window
        assert run() == 0
        clock.now = datetime(2031, 1, 6, 9, 0, tzinfo=ny)
        assert run() == 1
        assert run() == 0  # the delay between emails
        clock.now += timedelta(seconds=59)
        assert run() == 0
        clock.now += timedelta(seconds=1)
        assert run() == 1
        clock.now += timedelta(minutes=5)
        assert run() == 0  # the daily limit (2)
        clock.now = datetime(2031, 1, 6, 17, 0, tzinfo=ny) + timedelta(days=1)  # Tuesday 17:00
        assert run() == 0  # after the window
        clock.now = datetime(2031, 1, 7, 16, 59, tzinfo=ny)
        assert run() == 1
        assert len(sink.messages) == 3


class TestSuppressionPauseAndBounces:
    def test_suppressed_and_undeliverable_are_skipped_at_send_time(
        self, client, auth, db, sink, mail_settings, workspace
    ):
        ids = contacts(client, auth, 3)
        c = campaign(
            client,
            auth,
            list_id=new_list(client, auth, ids)["id"],
            steps=[{"subject": "s", "body": BODY}],
        )
        launch(client, auth, db, c["id"])
        emails = [ok(client.get(f"/v1/contacts/{i}", headers=auth))["email"] for i in ids]
        ok(
            client.post(
                "/v1/suppressions",
                headers=auth,
                json={"email": emails[0], "reason": "do_not_contact"},
            ),
            201,
        )
        ok(client.patch(f"/v1/contacts/{ids[1]}", headers=auth, json={"do_not_contact": True}))
        assert (
            CampaignSender(db, mail_settings, workspace_id=workspace.id).run_until_idle().sent == 1
        )
        assert str(sink.messages[0]["To"]).endswith(f"<{emails[2]}>")
        stats = ok(client.get(f"/v1/campaigns/{c['id']}/stats", headers=auth))
        assert (
            stats["sent_count"] == 1 and stats["skipped_count"] + stats["unsubscribed_count"] >= 1
        )

    def test_pause_stops_sending_immediately(
        self, client, auth, db, sink, mail_settings, workspace
    ):
        from lexi.campaigns import service
        from lexi.campaigns.sending import SmtpTransport

        ids = contacts(client, auth, 6)
        c = campaign(
            client,
            auth,
            list_id=new_list(client, auth, ids)["id"],
            steps=[{"subject": "s", "body": BODY}],
        )
        launch(client, auth, db, c["id"])

        class PausingTransport(SmtpTransport):
            """Pauses the campaign (as a user would) right after the second message."""

            count = 0

            def send(self, message, recipient):  # type: ignore[no-untyped-def]
                super().send(message, recipient)
                self.count += 1
                if self.count == 2:
                    with db.unit_of_work() as session:
                        service.pause(session, workspace.id, uuid.UUID(c["id"]), actor=CLI)

        sender = CampaignSender(
            db, mail_settings, workspace_id=workspace.id, transport=PausingTransport(sink.url)
        )
        sender.run_until_idle()
        assert len(sink.messages) == 2
        stats = ok(client.get(f"/v1/campaigns/{c['id']}/stats", headers=auth))
        assert stats["sent_count"] == 2 and stats["scheduled_count"] == 4
        assert (
            CampaignSender(db, mail_settings, workspace_id=workspace.id).run_until_idle().sent == 0
        )

    def test_a_refused_recipient_is_a_bounce_and_is_suppressed(
        self, client, auth, db, sink, mail_settings, workspace
    ):
        ok_id = contacts(client, auth, 1)[0]
        refused = ok(
            client.post(
                "/v1/contacts",
                headers=auth,
                json={"full_name": "R", "email": "refused@example.com"},
            ),
            201,
        )["id"]
        c = campaign(
            client,
            auth,
            list_id=new_list(client, auth, [ok_id, refused])["id"],
            steps=[{"subject": "s", "body": BODY}],
        )
        launch(client, auth, db, c["id"])
        result = CampaignSender(db, mail_settings, workspace_id=workspace.id).run_until_idle()
        assert result.sent == 1 and result.failed == 1
        sup = {
            s["email"]: s["reason"]
            for s in client.get("/v1/suppressions", headers=auth).json()["data"]
        }
        assert sup == {"refused@example.com": "bounced"}
        stats = ok(client.get(f"/v1/campaigns/{c['id']}/stats", headers=auth))
        assert stats["bounced_count"] == 1 and stats["failed_count"] == 1


def started_campaign(client, auth, n: int) -> tuple[dict, str]:
    """A one-step campaign to ``n`` new contacts, started: (campaign, its approval task id)."""
    ids = contacts(client, auth, n)
    c = campaign(
        client,
        auth,
        list_id=new_list(client, auth, ids)["id"],
        steps=[{"subject": "s", "body": BODY}],
    )
    return c, ok(client.post(f"/v1/campaigns/{c['id']}/start", headers=auth))["task_id"]


def worker_env(smtp_url: str) -> dict[str, str]:
    """A sending worker process's environment: this SMTP server, no plan limits, batches of 10."""
    return {
        "LEXI_SMTP_URL": smtp_url,
        "LEXI_CAMPAIGN_LIMITS_ENABLED": "false",
        "LEXI_SEND_BATCH_SIZE": "10",
        "LEXI_CAMPAIGN_SENDING": "true",
    }


@pytest.mark.slow
class TestCrashRestart:
    def test_two_worker_processes_and_a_kill_mid_batch(
        self, client, auth, db, migrated, sink, tmp_path
    ):
        n = 120
        c, task_id = started_campaign(client, auth, n)
        env = worker_env(sink.url)
        victim = WorkerProcess(migrated, lease_seconds=3, env=env).start()
        other = WorkerProcess(migrated, lease_seconds=3, env=env).start()
        try:
            ok(client.post(f"/v1/lexi/tasks/{task_id}/approve", headers=auth))
            deadline = time.monotonic() + 120
            while len(sink.messages) < n // 4 and time.monotonic() < deadline:
                time.sleep(0.01)
            victim.kill()  # SIGKILL mid-batch
            while len(sink.messages) < n and time.monotonic() < deadline:
                time.sleep(0.05)
            time.sleep(3.5)  # the dead worker's leases run out; the survivor takes its rows over
            end = time.monotonic() + 60
            while (
                ok(client.get(f"/v1/campaigns/{c['id']}/stats", headers=auth))["sent_count"] < n
                and time.monotonic() < end
            ):
                time.sleep(0.1)
            logs = other.log()[-3000:]
        finally:
            victim.stop()
            other.stop()
        by_person: dict[str, set[str]] = defaultdict(set)
        copies: dict[str, int] = defaultdict(int)
        for m in [m for m in sink.messages if m["X-Lexi-Campaign"] == c["id"]]:
            to = re.search(r"[\w.+-]+@[\w.-]+", str(m["To"])).group(0).lower()
            by_person[to].add(m["Message-ID"])
            copies[m["Message-ID"]] += 1
        assert len(by_person) == n, logs  # nobody skipped
        assert all(len(v) == 1 for v in by_person.values())  # one message (one Message-ID) each
        # Only a message in flight at the kill can arrive twice, and then with the same Message-ID.
        assert sum(k - 1 for k in copies.values()) <= 1
        stats = ok(client.get(f"/v1/campaigns/{c['id']}/stats", headers=auth))
        assert stats["sent_count"] == n and stats["scheduled_count"] == 0

    def test_a_stopped_worker_hands_nothing_over_once_its_lease_is_taken(
        self, client, auth, migrated
    ):
        # The first worker is stopped (SIGSTOP) in the middle of its second message, after the
        # recipient and before the message itself; its lease runs out and a second worker sends
        # the rest. Woken up, the first worker must not deliver that message: each person gets
        # exactly one email, and nobody is skipped.
        n = 4
        stopped = threading.Event()
        victim: WorkerProcess | None = None

        def stop_at_second_recipient(count: int, address: str) -> None:
            # The recipient is answered only once the worker has stopped, so it cannot go on
            # to the message itself first.
            if count == 2 and victim is not None and victim.proc is not None:
                victim.pause()
                stopped.set()

        with SmtpSink(on_rcpt=stop_at_second_recipient) as sink:
            c, task_id = started_campaign(client, auth, n)
            env = worker_env(sink.url)
            victim = WorkerProcess(migrated, lease_seconds=2, env=env).start()
            other = WorkerProcess(migrated, lease_seconds=2, env=env)
            try:
                ok(client.post(f"/v1/lexi/tasks/{task_id}/approve", headers=auth))
                assert stopped.wait(120), victim.log()[-3000:]
                other.start()  # takes the stopped worker's sends over once its lease runs out
                end = time.monotonic() + 120
                while (
                    ok(client.get(f"/v1/campaigns/{c['id']}/stats", headers=auth))["sent_count"] < n
                    and time.monotonic() < end
                ):
                    time.sleep(0.1)
                sent = [m for m in sink.messages if m["X-Lexi-Campaign"] == c["id"]]
                assert len(sent) == n, other.log()[-3000:]
                victim.resume()
                # Wait until the woken worker has dealt with the message it was stopped in.
                gave_up = "lease ran out before the handover"
                recorded_late = "send taken over before it was recorded"
                while time.monotonic() < end and not any(
                    line in victim.log() for line in (gave_up, recorded_late)
                ):
                    time.sleep(0.1)
                victim_log = victim.log()
            finally:
                if victim.proc is not None and victim.proc.poll() is None:
                    os.kill(victim.proc.pid, signal.SIGCONT)
                victim.stop()
                other.stop()
            mine = [m for m in sink.messages if m["X-Lexi-Campaign"] == c["id"]]
        by_person: dict[str, list[str]] = defaultdict(list)
        for m in mine:
            to = re.search(r"[\w.+-]+@[\w.-]+", str(m["To"])).group(0).lower()
            by_person[to].append(m["Message-ID"])
        assert len(by_person) == n  # nobody skipped
        assert all(len(v) == 1 for v in by_person.values()), by_person  # nobody twice
        stats = ok(client.get(f"/v1/campaigns/{c['id']}/stats", headers=auth))
        assert stats["sent_count"] == n and stats["scheduled_count"] == 0
        assert gave_up in victim_log, victim_log[-3000:]
