"""Inbound replies and bounces, and sending exactly once across worker crashes."""

from __future__ import annotations

import re

import pytest

from lexi.campaigns.sending import CampaignSender
from tests.integration.campaigns.helpers import campaign, contacts, error, new_list, ok
from tests.integration.campaigns.test_sending import BODY, launch


def dsn(
    original_message_id: str, recipient: str, status: str = "5.1.1", action: str = "failed"
) -> str:
    return (
        "From: MAILER-DAEMON@mx.example.net\r\nTo: sam@sender.example\r\n"
        "Subject: Undelivered Mail Returned to Sender\r\nMessage-ID: <dsn-1@mx.example.net>\r\n"
        "MIME-Version: 1.0\r\n"
        'Content-Type: multipart/report; report-type=delivery-status; boundary="BOUND"\r\n\r\n'
        "--BOUND\r\nContent-Type: text/plain\r\n\r\nYour message could not be delivered.\r\n"
        "--BOUND\r\nContent-Type: message/delivery-status\r\n\r\n"
        "Reporting-MTA: dns; mx.example.net\r\n\r\n"
        f"Final-Recipient: rfc822; {recipient}\r\nAction: {action}\r\nStatus: {status}\r\n"
        "Diagnostic-Code: smtp; 550 5.1.1 User unknown\r\n\r\n"
        "--BOUND\r\nContent-Type: text/rfc822-headers\r\n\r\n"
        f"Message-ID: {original_message_id}\r\nSubject: s\r\nTo: {recipient}\r\n\r\n"
        "--BOUND--\r\n"
    )


class TestInbound:
    def sent(self, client, auth, db, sink, mail_settings, workspace, n=2):
        ids = contacts(client, auth, n)
        c = campaign(client, auth, list_id=new_list(client, auth, ids)["id"],
                     steps=[{"subject": "s", "body": BODY},
                            {"subject": "t", "body": BODY, "delay_days": 2, "send_condition": "if_no_reply"}])  # fmt: skip
        launch(client, auth, db, c["id"])
        CampaignSender(db, mail_settings, workspace_id=workspace.id).run_until_idle()
        return c, ids, {ok(client.get(f"/v1/contacts/{i}", headers=auth))["email"]: i for i in ids}

    def test_hard_bounce_dsn_suppresses_and_stops_the_sequence(
        self, client, auth, db, sink, mail_settings, workspace
    ):
        c, _ids, by_email = self.sent(client, auth, db, sink, mail_settings, workspace)
        msg = sink.messages[0]
        to = re.search(r"[\w.+-]+@[\w.-]+", str(msg["To"])).group(0).lower()
        got = ok(
            client.post("/v1/email/inbound", headers=auth, json={"raw": dsn(msg["Message-ID"], to)})
        )
        assert got["kind"] == "bounce" and got["email"] == to
        assert got["contact_id"] == by_email[to]
        sup = {
            s["email"]: s["reason"]
            for s in client.get("/v1/suppressions", headers=auth).json()["data"]
        }
        assert sup == {to: "bounced"}
        stats = ok(client.get(f"/v1/campaigns/{c['id']}/stats", headers=auth))
        assert (
            stats["bounced_count"] == 1 and stats["scheduled_count"] == 1
        )  # only the other person

    def test_soft_bounce_is_recorded_but_not_suppressed(
        self, client, auth, db, sink, mail_settings, workspace
    ):
        _c, _ids, _by_email = self.sent(client, auth, db, sink, mail_settings, workspace)
        msg = sink.messages[0]
        to = re.search(r"[\w.+-]+@[\w.-]+", str(msg["To"])).group(0).lower()
        raw = dsn(msg["Message-ID"], to, status="4.2.2", action="delayed")
        assert (
            ok(client.post("/v1/email/inbound", headers=auth, json={"raw": raw}))["kind"]
            == "bounce"
        )
        assert client.get("/v1/suppressions", headers=auth).json()["meta"]["total"] == 0

    def test_raw_rfc822_body_reply(self, client, auth, db, sink, mail_settings, workspace):
        c, _ids, by_email = self.sent(client, auth, db, sink, mail_settings, workspace)
        msg = sink.messages[1]
        to = re.search(r"[\w.+-]+@[\w.-]+", str(msg["To"])).group(0)
        raw = (f"From: Someone <{to}>\r\nSubject: Re: s\r\nReferences: <x@y> {msg['Message-ID']}\r\n"
               "Message-ID: <reply-2@example.com>\r\n\r\nYes please.\r\n> quoted\r\n").encode()  # fmt: skip
        r = client.post(
            "/v1/email/inbound", headers={**auth, "content-type": "message/rfc822"}, content=raw
        )
        got = ok(r)
        assert got["kind"] == "reply" and got["contact_id"] == by_email[to.lower()]
        stats = ok(client.get(f"/v1/campaigns/{c['id']}/stats", headers=auth))
        assert stats["replied_count"] == 1 and stats["reply_rate"] == 0.5

    def test_another_workspaces_reply_matches_nothing(
        self, client, auth, db, sink, mail_settings, workspace, factory
    ):
        c, _ids, _by_email = self.sent(client, auth, db, sink, mail_settings, workspace)
        msg = sink.messages[0]
        other = factory.headers(factory.workspace().id)
        raw = (
            f"From: a@b.example\r\nIn-Reply-To: {msg['Message-ID']}\r\nSubject: hi\r\n\r\nhello\r\n"
        )
        assert (
            ok(client.post("/v1/email/inbound", headers=other, json={"raw": raw}))["kind"]
            == "unmatched"
        )
        assert ok(client.get(f"/v1/campaigns/{c['id']}/stats", headers=auth))["replied_count"] == 0

    @pytest.mark.parametrize(
        "body",
        [{"raw": ""}, {"raw": "   "}, {"raw": "just some words with no headers"}, {"raw": 5}, {}],
    )
    def test_malformed_inbound_is_400(self, client, auth, body):
        error(client.post("/v1/email/inbound", headers=auth, json=body), 400, "validation_error")
