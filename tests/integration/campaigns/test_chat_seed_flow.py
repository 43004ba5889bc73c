"""The campaign seed flow end to end through POST /v1/lexi/chat and a real `lexi worker`.

Create a campaign for a list about a topic, make it more casual in the same conversation, launch
it, approve the task (in the chat, or with POST /v1/lexi/tasks/{id}/approve), run the worker
process, and a real SMTP server on loopback receives exactly one correct email per eligible
contact for step 1: the approved revision's words with the merge fields filled, a plain-text part,
the unsubscribe headers and a working one-click unsubscribe link.
"""

from __future__ import annotations

import re
import uuid
from types import SimpleNamespace
from urllib.parse import urlsplit

import pytest

from lexi.campaigns import content
from tests.helpers.worker import WorkerProcess
from tests.integration.campaigns.helpers import ok


def talk(client, headers, message, **context):
    body = {"message": message, "context": {k: v for k, v in context.items() if v}}
    return ok(client.post("/v1/lexi/chat", headers=headers, json=body))


def people(client, headers) -> tuple[list[dict], list[str]]:
    """Three contacts that can be emailed (one without a first name), one without an email and
    one on the suppression list; returns (eligible contacts, every id)."""
    tag = uuid.uuid4().hex[:8]
    rows = [
        {"first_name": "Dana", "last_name": "Reyes", "email": f"dana-{tag}@firm-a.example",
         "job_title": "Managing Partner", "company_name": "Reyes & Cole LLP"},
        {"first_name": "Omar", "last_name": "Haddad", "email": f"omar-{tag}@firm-b.example",
         "job_title": "CEO", "company_name": "Haddad Legal"},
        {"last_name": "Kim", "email": f"kim-{tag}@firm-c.example", "job_title": "General Counsel",
         "company_name": "Kim Partners"},
        {"first_name": "Noel", "last_name": "Nomail", "job_title": "CEO",
         "company_name": "No Mail PC"},
        {"first_name": "Sue", "last_name": "Pressed", "email": f"sue-{tag}@firm-d.example",
         "job_title": "CEO", "company_name": "Pressed LLP"},
    ]  # fmt: skip
    created = ok(client.post("/v1/contacts/bulk", headers=headers, json={"contacts": rows}))
    ids = [c["id"] for c in created["contacts"]]
    ok(
        client.post("/v1/suppressions", headers=headers, json={"email": rows[4]["email"]}),
        201,
    )
    eligible = [ok(client.get(f"/v1/contacts/{i}", headers=headers)) for i in ids[:3]]
    return eligible, ids


@pytest.mark.parametrize("approve_by", ["chat", "api"])
def test_seed_flow_sends_one_correct_email_per_eligible_contact(
    client, factory, migrated, sink, approve_by
):
    workspace = factory.workspace(credits=100, plan="organization")
    headers = factory.headers(workspace.id)
    eligible, ids = people(client, headers)
    q1 = ok(client.post("/v1/lists", headers=headers, json={"name": "Q1 Leads"}), 201)
    ok(client.post(f"/v1/lists/{q1['id']}/contacts", headers=headers, json={"contact_ids": ids}))

    created = talk(
        client,
        headers,
        "Create an outreach campaign for my 'Q1 Leads' list about legal automation",
        list_id=q1["id"],
    )
    conv = created["conversation_id"]
    [draft] = created["actions"]
    assert draft["type"] == "campaign_create" and draft["list_id"] == q1["id"]
    campaign_id = draft["campaign_id"]

    casual = talk(client, headers, "Can you make the email more casual?", conversation_id=conv)
    [rewrite] = casual["actions"]
    assert rewrite["type"] == "email_rewrite" and rewrite["revision"] == 2
    step1 = rewrite["steps"][0]
    assert step1["body"] != draft["steps"][0]["body"]

    launch = talk(client, headers, "start the campaign", conversation_id=conv)
    assert launch["requires_approval"] is True
    [proposal] = launch["actions"]
    assert proposal["revision"] == 2 and proposal["recipients"] == 3
    assert proposal["skipped"] == {"no_email": 1, "suppressed": 1}
    task_id = launch["task_id"]
    assert ok(client.get(f"/v1/lexi/tasks/{task_id}", headers=headers))["status"] == "pending"
    assert sink.messages == []  # nothing is sent before the approval

    if approve_by == "chat":
        approved = talk(client, headers, "approve it", conversation_id=conv)
        assert approved["actions"][0]["type"] == "task_approve"
        assert approved["actions"][0]["status"] == "completed"
    else:
        done = ok(client.post(f"/v1/lexi/tasks/{task_id}/approve", headers=headers))
        assert done["status"] == "approved" and done["execution_started"] is True

    env = {
        "LEXI_SMTP_URL": sink.url,
        "LEXI_PUBLIC_URL": "http://testserver",
        "LEXI_SENDER_POSTAL_ADDRESS": "1 Main St, Springfield, 12345",
        "LEXI_CAMPAIGN_LIMITS_ENABLED": "false",
        "LEXI_CAMPAIGN_SENDING": "true",
    }
    worker = WorkerProcess(migrated, once=True, env=env).start()
    try:
        assert worker.wait() == 0, worker.log()
    finally:
        worker.stop()
    assert ok(client.get(f"/v1/lexi/tasks/{task_id}", headers=headers))["status"] == "completed"
    assert ok(client.get(f"/v1/campaigns/{campaign_id}", headers=headers))["status"] == "active"

    addresses = {c["email"].lower() for c in eligible}
    mine = [m for address in addresses for m in sink.to(address)]
    assert len(mine) == 3  # not the contact without an email, not the suppressed one
    for person in eligible:
        [msg] = sink.to(person["email"])
        values = content.contact_fields(SimpleNamespace(**person))
        expected = content.render(step1["subject"], step1["body"], values)
        assert msg["Subject"] == expected.subject and "{{" not in msg["Subject"]
        assert msg["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        assert re.fullmatch(r"<http://testserver/email/unsubscribe/[^>]+>", msg["List-Unsubscribe"])
        assert msg["Message-ID"]
        text = msg.get_body(("plain",)).get_content()
        assert expected.text in text.replace("\r\n", "\n")
        greeting = f"Hey {values['first_name'] or 'there'},"
        assert text.startswith(greeting), text
        assert "{{" not in text and "1 Main St, Springfield, 12345" in text
        assert "Unsubscribe: http://testserver/email/unsubscribe/" in text
        html = msg.get_body(("html",)).get_content()
        assert greeting in html
    # Step 2 and 3 wait for their delay; the stats say so.
    stats = ok(client.get(f"/v1/campaigns/{campaign_id}/stats", headers=headers))
    assert stats["sent_count"] == 3 and stats["scheduled_count"] == 3

    # The unsubscribe link works when followed (one-click, RFC 8058) and stops the sequence.
    first = sink.to(eligible[0]["email"])[0]
    url = urlsplit(first["List-Unsubscribe"].strip("<>")).path
    r = client.post(
        url,
        content=b"List-Unsubscribe=One-Click",
        headers={"content-type": "application/x-www-form-urlencoded"},
    )
    assert r.status_code == 200
    suppressed = {
        s["email"] for s in client.get("/v1/suppressions", headers=headers).json()["data"]
    }
    assert eligible[0]["email"].lower() in suppressed
    followed = talk(client, headers, "how is the campaign doing?", conversation_id=conv)
    assert followed["actions"][0]["stats"]["unsubscribed_count"] == 1
    assert "3 emails sent" in followed["response"]
