"""Campaign pages through the real app: the list with counts, a campaign's emails, revision diff
and restore, people, start (an approval task), approve, pause; CSRF and workspaces."""

from __future__ import annotations

import re
import uuid

import pytest
from fastapi.testclient import TestClient

from lexi.audit.service import Actor
from lexi.campaigns import service as campaigns
from lexi.contacts import service as contacts
from lexi.kit.pagination import PageParams
from lexi.lists import service as lists
from lexi.models import Task
from lexi.web.revision_diff import diff_lines, diff_steps
from tests.helpers.chat import drain
from tests.helpers.web import make_user, sign_in


@pytest.fixture
def web(app, db, workspace):  # type: ignore[no-untyped-def]
    with TestClient(app, raise_server_exceptions=False) as c:
        c.csrf = sign_in(c, make_user(db, workspace.id))  # type: ignore[attr-defined]
        yield c


def filled_list(db, workspace_id, name: str, n: int) -> uuid.UUID:  # type: ignore[no-untyped-def]
    with db.unit_of_work() as session:
        lst = lists.create_list(session, workspace_id, name)
        ids = []
        for i in range(n):
            c, _ = contacts.create_contact(
                session,
                workspace_id,
                {
                    "first_name": f"Ann{i:02d}",
                    "last_name": "Lee",
                    "email": f"ann{i:02d}-{uuid.uuid4().hex[:6]}@example.com",
                    "job_title": "Managing Partner",
                    "company_name": f"Firm {i}",
                },
            )
            ids.append(c.id)
        lists.add_contacts(session, workspace_id, lst.id, ids)
        return lst.id


def drafted(db, workspace_id, list_id, name: str = "Q1 legal automation") -> uuid.UUID:  # type: ignore[no-untyped-def]
    """A campaign Lexi drafted, then made more casual (revision 2)."""
    with db.unit_of_work() as session:
        c = campaigns.create_campaign(
            session, workspace_id, {"name": name, "list_id": list_id, "topic": "legal automation"}
        )
        campaigns.rewrite(session, workspace_id, c.id, "more casual", None)
        return c.id


def create_form(web, **fields):  # type: ignore[no-untyped-def]
    return web.post("/campaigns", data={"csrf_token": web.csrf, **fields})


class TestCampaignsPage:
    def test_empty_state_says_what_to_do(self, web) -> None:
        page = web.get("/campaigns").text
        assert "No campaigns yet" in page and "create one below from a list and a topic" in page
        assert "Create an outreach campaign for my 'Q1 Leads' list" in page
        assert '<a href="/campaigns" aria-current="page">Campaigns</a>' in page
        assert 'for="campaign-name"' in page and 'for="campaign-list"' in page

    def test_create_from_a_list_and_a_topic(self, web, db, workspace) -> None:
        list_id = filled_list(db, workspace.id, "Q1 Leads", 3)
        assert "Q1 Leads" in web.get("/campaigns").text  # offered in the form
        r = create_form(
            web, name="Legal automation", list_id=str(list_id), topic="legal automation"
        )
        assert r.status_code == 200 and "Campaign created as a draft" in r.text
        assert re.search(r"/campaigns/[0-9a-f-]{36}\?done=created", str(r.url))
        assert r.text.count('class="card step"') == 3 and "revision 1" in r.text
        page = web.get("/campaigns").text
        row = re.search(r"<tr>\s*<td><a href=\"/campaigns/.*?</tr>", page, re.S)
        assert row and "Legal automation" in row.group(0) and "Q1 Leads" in row.group(0)
        assert "Draft" in row.group(0)

    def test_create_errors_are_words(self, web) -> None:
        r = create_form(web, name="  ", topic="x")
        assert r.status_code == 400 and "A name is required." in r.text
        r = create_form(web, name="X", list_id="not-an-id")
        assert r.status_code == 400 and "Choose a list from the menu." in r.text
        r = create_form(web, name="X", list_id=str(uuid.uuid4()))
        assert r.status_code == 404 and "Traceback" not in r.text

    def test_counts_per_campaign(self, web, db, workspace) -> None:
        list_id = filled_list(db, workspace.id, "Counted", 4)
        cid = drafted(db, workspace.id, list_id)
        with db.unit_of_work() as session:
            campaigns.start(session, workspace.id, cid, actor=Actor.cli("tests"))
        page = web.get("/campaigns").text
        row = re.search(rf'<tr>\s*<td><a href="/campaigns/{cid}">.*?</tr>', page, re.S)
        assert row is not None
        cells = re.findall(r'<td class="num">([^<]*)</td>', row.group(0))
        assert cells == ["4", "0", "0", "0"]  # recipients, sent, opened, replied
        assert "Waiting for approval" in row.group(0)


class TestCampaignPage:
    def test_emails_history_people_and_stats(self, web, db, workspace) -> None:
        list_id = filled_list(db, workspace.id, "Shown", 3)
        cid = drafted(db, workspace.id, list_id)
        page = web.get(f"/campaigns/{cid}").text
        assert "<h1>Q1 legal automation" in page and "Draft" in page
        assert page.count('class="card step"') == 3
        assert "Email 1" in page and "Subject" in page
        assert "Revision history" in page and "drafted" in page
        assert "Lexi (built-in writer)" in page
        assert re.search(r"2 <span class=\"badge\">current</span>", page)
        assert "Restore revision 1" in page and "Restore revision 2" not in page
        assert "Nobody is enrolled yet" in page and "Starting the campaign enrols" in page
        assert "Rates are per person reached." in page

    def test_diff_between_two_revisions(self, web, db, workspace) -> None:
        cid = drafted(db, workspace.id, filled_list(db, workspace.id, "Diffed", 1))
        page = web.get(f"/campaigns/{cid}?from=1&to=2").text
        assert "Differences from revision 1 to revision 2" in page
        assert '<li class="removed"><del>' in page and '<li class="added"><ins>' in page
        assert "Removed: " in page and "Added: " in page  # said, not only coloured
        r = web.get(f"/campaigns/{cid}?from=1&to=9")
        assert r.status_code == 400 and "There is no revision 9 of this campaign." in r.text

    def test_restore_creates_a_revision(self, web, db, workspace) -> None:
        cid = drafted(db, workspace.id, filled_list(db, workspace.id, "Restored", 1))
        with db.unit_of_work() as session:
            first = campaigns.get_revision(session, workspace.id, cid, 1).steps
        r = web.post(f"/campaigns/{cid}/revisions/1/restore", data={"csrf_token": web.csrf})
        assert r.status_code == 200 and "Restored:" in r.text
        with db.unit_of_work() as session:
            c = campaigns.get_campaign(session, workspace.id, cid)
            revs = campaigns.list_revisions(session, workspace.id, cid)
            steps = campaigns.steps_of(session, cid)
        assert c.revision == 3 and [r.number for r in revs] == [1, 2, 3]
        assert revs[-1].change == "restored revision 1" and revs[-1].parent == 1
        assert [s.body for s in steps] == [s["body"] for s in first]
        assert "restored revision 1" in r.text and "you (or a restore)" in r.text

    def test_start_creates_a_task_approved_from_the_page(self, web, db, workspace) -> None:
        cid = drafted(db, workspace.id, filled_list(db, workspace.id, "Started", 3))
        r = web.post(f"/campaigns/{cid}/start", data={"csrf_token": web.csrf})
        assert r.status_code == 200 and "Waiting for approval" in r.text
        with db.unit_of_work() as session:
            c = campaigns.get_campaign(session, workspace.id, cid)
            task = session.get(Task, c.start_task_id)
            assert task is not None and task.type == "campaign_start" and task.status == "pending"
            task_id = task.id
        assert f'id="task-{task_id}"' in r.text
        assert "Quote: 0 credits · 3 people · 9 emails" in r.text
        assert f'action="/tasks/{task_id}/approve"' in r.text
        assert f'value="/campaigns/{cid}?done=approved"' in r.text
        assert "3 enrolled" in r.text and "pending" in r.text
        # Starting twice is refused in words.
        again = web.post(f"/campaigns/{cid}/start", data={"csrf_token": web.csrf})
        assert again.status_code == 409 and "already waiting for approval" in again.text
        # Approve from the page (the same conditional change as the tasks API), then it runs.
        r = web.post(
            f"/tasks/{task_id}/approve",
            data={"csrf_token": web.csrf, "next": f"/campaigns/{cid}?done=approved"},
        )
        assert r.status_code == 200 and "Approved:" in r.text and "data-running" in r.text
        drain(db)
        page = web.get(f"/campaigns/{cid}").text
        assert "Active" in page and "The campaign is active: 3 recipients" in page
        assert "Restore revision" not in page  # only a draft or paused campaign is editable
        r = web.post(f"/campaigns/{cid}/pause", data={"csrf_token": web.csrf})
        assert r.status_code == 200 and "Paused:" in r.text and "Start again…" in r.text

    def test_start_without_recipients_is_refused_in_words(self, web, db, workspace) -> None:
        cid = drafted(db, workspace.id, filled_list(db, workspace.id, "Empty", 0))
        r = web.post(f"/campaigns/{cid}/start", data={"csrf_token": web.csrf})
        assert r.status_code == 400 and "no contacts that can be emailed" in r.text

    def test_people_are_paged(self, web, db, workspace) -> None:
        cid = drafted(db, workspace.id, filled_list(db, workspace.id, "Paged", 30))
        with db.unit_of_work() as session:
            campaigns.start(session, workspace.id, cid, actor=Actor.cli("tests"))
        first = web.get(f"/campaigns/{cid}").text
        assert "30 enrolled" in first and "Page 1 of 2" in first
        assert first.count('class="badge enrol-pending"') == 25
        second = web.get(f"/campaigns/{cid}?page=2").text
        assert second.count('class="badge enrol-pending"') == 5


class TestSafety:
    def test_forms_without_the_csrf_token_are_refused(self, web, db, workspace) -> None:
        cid = drafted(db, workspace.id, filled_list(db, workspace.id, "Forged", 2))
        for path in (
            "/campaigns",
            f"/campaigns/{cid}/revisions/1/restore",
            f"/campaigns/{cid}/start",
            f"/campaigns/{cid}/pause",
        ):
            r = web.post(path, data={"csrf_token": "forged", "name": "X"})
            assert r.status_code == 403 and "did not come from this site" in r.text, path
        with db.unit_of_work() as session:
            c = campaigns.get_campaign(session, workspace.id, cid)
            assert c.revision == 2 and c.status == "draft"
            total = campaigns.list_campaigns(session, workspace.id, PageParams(1, 10))[1]
        assert total == 1

    def test_another_workspaces_campaign_is_not_found(self, web, db, factory) -> None:
        other = factory.workspace()
        cid = drafted(db, other.id, filled_list(db, other.id, "Theirs", 2), name="Secret plan")
        assert "Secret plan" not in web.get("/campaigns").text
        r = web.get(f"/campaigns/{cid}")
        assert r.status_code == 404 and "Campaign not found." in r.text
        for path in (f"/campaigns/{cid}/revisions/1/restore", f"/campaigns/{cid}/start"):
            assert web.post(path, data={"csrf_token": web.csrf}).status_code == 404, path
        with db.unit_of_work() as session:
            c = campaigns.get_campaign(session, other.id, cid)
            assert c.revision == 2 and c.status == "draft" and c.start_task_id is None

    def test_a_member_has_the_campaign_scopes_an_api_member_key_has(self, app, db, workspace):  # type: ignore[no-untyped-def]
        cid = drafted(db, workspace.id, filled_list(db, workspace.id, "Member", 1))
        with TestClient(app, raise_server_exceptions=False) as c:
            csrf = sign_in(c, make_user(db, workspace.id, role="member"))
            assert c.get(f"/campaigns/{cid}").status_code == 200
            r = c.post(f"/campaigns/{cid}/revisions/1/restore", data={"csrf_token": csrf})
            assert r.status_code == 200 and "Restored:" in r.text

    def test_signed_out_goes_to_sign_in(self, client) -> None:
        r = client.get("/campaigns", follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"] == "/login?next=%2Fcampaigns"


class TestDiff:
    def test_lines_removed_before_added(self) -> None:
        lines = diff_lines("Hi Ann,\nA note.\nBest", "Hey Ann,\nA note.\nCheers")
        assert [(d.kind, d.text) for d in lines] == [
            ("removed", "Hi Ann,"),
            ("added", "Hey Ann,"),
            ("same", "A note."),
            ("removed", "Best"),
            ("added", "Cheers"),
        ]

    def test_steps_only_in_one_revision(self) -> None:
        one = {"index": 0, "subject": "S", "body": "B"}
        two = {"index": 1, "subject": "T", "body": "C"}
        out = diff_steps([one], [one, two])
        assert [(d.number, d.changed, d.only_in) for d in out] == [
            (1, False, None),
            (2, True, "new"),
        ]
        assert diff_steps([one, two], [one])[1].only_in == "old"
