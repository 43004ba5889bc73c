"""Campaigns state facts from the data, never invented ones: a sequence drafted for a list that
holds prospects with buying signals opens with ``{{signal_opener}}`` (the recipient's strongest
fact) and follows up with ``{{signal_followup}}`` (a different fact); the emails sent over real
SMTP carry the facts stored for each recipient's company and role, and a recipient with no
signal gets the plain opening."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from typing import Any

import pytest
from sqlalchemy import text

from lexi.campaigns import content, facts
from lexi.campaigns.drafting import Audience, TemplateWriter
from lexi.campaigns.sending import CampaignSender
from lexi.kit.clock import utc_now
from lexi.prospects.ids import person_key
from lexi.prospects.taxonomy import FUNDING_STAGE_LABELS
from tests.integration.campaigns.helpers import campaign, contacts, new_list, ok
from tests.integration.campaigns.test_sending import Clock, launch

pytestmark = pytest.mark.usefixtures("universe")


def stored(db, prospect_id: str) -> Any:
    with db.engine.connect() as conn:
        return conn.execute(
            text(
                "SELECT c.name, c.funding_stage, c.last_funding_on, c.last_funding_investors, "
                "p.role_started_on, p.email FROM prospect_people p "
                "JOIN prospect_companies c ON c.id = p.company_id WHERE p.id = :id"
            ),
            {"id": person_key(uuid.UUID(prospect_id))},
        ).one()


def day(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def funded_and_hiring(client, auth, n: int) -> list[dict[str, Any]]:  # type: ignore[no-untyped-def]
    since = (utc_now().date() - timedelta(days=300)).isoformat()
    r = client.post(
        "/v1/prospector/search",
        headers=auth,
        json={
            "last_funding": {"after": since},
            "hiring_for": {"posted_within_days": 3650},
            "email_status": ["verified"],
            "limit": n,
        },
    )
    prospects = ok(r)["prospects"]
    assert len(prospects) == n
    return prospects


def expected_opener(row: Any) -> str:
    stage = FUNDING_STAGE_LABELS[row.funding_stage]
    stage = stage if stage.startswith("Series") else stage.lower()
    article = "an" if stage[0].lower() in "aeiou" else "a"
    out = f"I saw that {row.name} raised {article} {stage} round in "
    out += day(row.last_funding_on).strftime("%B %Y")
    if row.last_funding_investors:
        out += f", led by {row.last_funding_investors.split(',')[0].strip()}"
    return out + "."


class TestTheFacts:
    def test_the_strongest_fact_opens_and_a_different_one_follows(self, client, auth, db):
        for p in funded_and_hiring(client, auth, 3):
            row = stored(db, p["id"])
            found = facts.facts_of(p, utc_now().date())
            values = facts.values_of(found)
            assert values["signal_opener"] == expected_opener(row) + " "
            assert found[0].kind == "funding" and found[1].kind != "funding"
            recent_role = (
                row.role_started_on is not None
                and (utc_now().date() - day(row.role_started_on)).days <= 365
            )
            assert found[1].kind == ("new_in_role" if recent_role else "hiring")
            assert values["signal_followup"].startswith("I also noticed that ")
            assert found[1].clause in values["signal_followup"]

    def test_no_signal_means_empty_values_and_the_plain_opening(self):
        assert facts.values_of([]) == {"signal_opener": "", "signal_followup": ""}
        writer = TemplateWriter()
        audience = Audience(titles=("CEO",), industries=("Law Practice",))
        plain = writer.draft("legal automation", audience)
        with_facts = writer.draft("legal automation", replace(audience, with_facts=1))
        assert "{{signal_opener}}" in with_facts[0].body
        assert "{{signal_followup}}" in with_facts[1].body
        assert "{{signal" not in plain[0].body + plain[1].body
        empty = {"first_name": "Ann", "signal_opener": "", "signal_followup": ""}
        for a, b in zip(plain, with_facts, strict=True):
            assert content.render(a.subject, a.body, empty) == content.render(
                b.subject, b.body, empty
            )

    def test_the_fact_variables_are_allowed_in_steps(self):
        assert not content.unknown_variables("{{signal_opener}}Hi\n{{signal_followup|}}")


def test_a_sequence_sends_each_recipient_their_own_facts(  # type: ignore[no-untyped-def]
    client, auth, db, sink, mail_settings, workspace
):
    prospects = funded_and_hiring(client, auth, 2)
    lst = new_list(client, auth, [])
    saved = ok(
        client.post(
            "/v1/prospects/save",
            headers=auth,
            json={"prospects": [{"id": p["id"]} for p in prospects], "list_id": lst["id"]},
        )
    )
    assert saved["created"] == 2
    (plain_id,) = contacts(client, auth, 1, prefix="plain")
    ok(
        client.post(
            f"/v1/lists/{lst['id']}/contacts", headers=auth, json={"contact_ids": [plain_id]}
        )
    )
    c = campaign(client, auth, list_id=lst["id"], topic="revenue operations tooling")
    steps = c["steps"]
    assert steps[0]["body"].count("{{signal_opener}}") == 1
    assert steps[1]["body"].count("{{signal_followup}}") == 1
    launch(client, auth, db, c["id"])
    start = datetime.now(timezone.utc)
    clock = Clock(start)
    CampaignSender(db, mail_settings, workspace_id=workspace.id, clock=clock).run_until_idle()
    clock.now = start + timedelta(days=8)
    CampaignSender(db, mail_settings, workspace_id=workspace.id, clock=clock).run_until_idle()
    for p in prospects:
        row = stored(db, p["id"])
        first, second, *_ = sink.to(row.email)
        body = first.get_body(("plain",)).get_content()
        assert expected_opener(row) in body
        follow = second.get_body(("plain",)).get_content()
        found = facts.facts_of(p, utc_now().date())
        assert f"I also noticed that {found[1].clause}." in follow
        assert found[1].kind != "funding" and "raised" not in follow
    plain = ok(client.get(f"/v1/contacts/{plain_id}", headers=auth))
    first, second, *_ = sink.to(plain["email"])
    for msg in (first, second):
        body = msg.get_body(("plain",)).get_content()
        assert "I saw that" not in body and "I also noticed" not in body
        assert "{{" not in body
