"""The chat page through the real app: streamed turns, results tables, filter chips, approvals."""

from __future__ import annotations

import json
import re
import uuid

import pytest
from fastapi.testclient import TestClient

from lexi.credits import service as credits_service
from lexi.lists import service as lists_service
from tests.helpers.chat import cohorts, drain  # noqa: F401  (cohorts is a fixture)
from tests.helpers.web import make_user, sign_in

pytestmark = pytest.mark.usefixtures("cohorts")


@pytest.fixture
def web(app, db, workspace):  # type: ignore[no-untyped-def]
    with TestClient(app, raise_server_exceptions=False) as c:
        c.csrf = sign_in(c, make_user(db, workspace.id))  # type: ignore[attr-defined]
        yield c


def events(text: str) -> list[tuple[str, dict]]:
    out = []
    for block in text.replace("\r\n", "\n").split("\n\n"):
        name = re.search(r"^event: (.+)$", block, re.MULTILINE)
        data = re.search(r"^data: (.+)$", block, re.MULTILINE)
        if name and data:
            out.append((name.group(1), json.loads(data.group(1))))
    return out


def stream(web, message: str, **extra):  # type: ignore[no-untyped-def]
    return web.post(
        "/chat/stream",
        json={"message": message, **extra},
        headers={"Accept": "text/event-stream", "X-CSRF-Token": web.csrf},
    )


def rows(html: str) -> int:
    return (
        len(re.findall(r"<tr><td>", html.split('class="results"', 1)[-1]))
        if "results" in html
        else 0
    )


def make_list(web, name: str) -> str:  # type: ignore[no-untyped-def]
    r = web.post("/lists", data={"csrf_token": web.csrf, "name": name}, follow_redirects=False)
    assert r.status_code == 303, r.text
    return r.headers["location"].rsplit("/", 1)[1]


class TestStreamedTurn:
    def test_the_seed_request_streams_steps_then_words_and_fills_the_list(
        self, web, db, workspace
    ) -> None:
        list_id = make_list(web, "NY law firms")
        r = stream(web, "Find me 20 CEOs at law firms in New York", list_id=list_id)
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/event-stream")
        evs = events(r.text)
        names = [n for n, _ in evs]
        assert names[0] == "start" and names[-1] == "done"
        assert (
            "tool_step",
            {"tool": "search_prospects", "status": "started", "summary": "Searching prospects"},
        ) in evs
        words = [d["delta"] for n, d in evs if n == "text"]
        assert len(words) > 5 and all(w.count(" ") <= 1 for w in words)
        done = evs[-1][1]
        with db.unit_of_work(write=False) as session:
            assert done["credits_remaining"] == credits_service.balance(session, workspace.id)
        page = web.get(f"/chat/{done['conversation_id']}").text
        assert "".join(words).split(".")[0] in page.replace("&#34;", '"')
        assert rows(page) == 20
        assert "Title:</span> CEO" in page and "Industry:</span> Law Practice" in page
        assert 'saved to <a href="/lists/' + list_id in page
        detail = web.get(f"/lists/{list_id}").text
        assert "20 contacts" in detail

    def test_a_follow_up_refines_the_same_conversation(self, web) -> None:
        first = events(stream(web, "Find me 20 CEOs at law firms in California").text)
        conv = first[-1][1]["conversation_id"]
        second = events(stream(web, "Filter to only New York", conversation_id=conv).text)
        assert second[-1][1]["conversation_id"] == conv
        page = web.get(f"/chat/{conv}").text
        assert page.count('class="search"') == 2
        last = page.rsplit('class="search"', 1)[1]
        assert "Location:</span> New York, NY, US" in last and "Los Angeles" not in last


class TestSignals:
    def test_each_row_shows_the_signal_the_search_asked_for_first(self, web) -> None:
        conv = events(stream(web, "founders at Series A startups").text)[-1][1]["conversation_id"]
        page = web.get(f"/chat/{conv}").text
        results = page.split('class="results"', 1)[1]
        assert '<th scope="col">Signals</th>' in results
        cells = re.findall(r'<td class="signals">([^<]*)</td>', results)
        assert cells and len(cells) == rows(page)
        assert all(c.startswith("Series A, ") for c in cells), cells


class TestChips:
    def _search(self, web):  # type: ignore[no-untyped-def]
        conv = events(stream(web, "Find me 20 CEOs at law firms in New York").text)[-1][1][
            "conversation_id"
        ]
        page = web.get(f"/chat/{conv}").text
        message_id = re.search(r'name="message_id" value="([^"]+)"', page).group(1)
        return conv, message_id

    def test_removing_a_chip_runs_the_search_again_without_it(self, web) -> None:
        conv, message_id = self._search(web)
        r = web.post(
            f"/chat/{conv}/search",
            data={"csrf_token": web.csrf, "message_id": message_id, "remove": "industries:0"},
        )
        assert r.status_code == 200
        last = r.text.rsplit('class="msg user"', 1)[1]
        assert "Search again: CEOs in New York" in last
        assert "Industry:</span>" not in last and "Location:</span> New York, NY, US" in last
        assert rows(last) == 20

    def test_editing_chips_runs_the_edited_search(self, web) -> None:
        conv, message_id = self._search(web)
        r = web.post(
            f"/chat/{conv}/search",
            data={
                "csrf_token": web.csrf,
                "message_id": message_id,
                "f_titles": "CEO",
                "f_industries": "Law Practice",
                "f_locations": "Los Angeles, CA",
                "f_limit": "5",
            },
        )
        last = r.text.rsplit('class="msg user"', 1)[1]
        assert "Location:</span> Los Angeles, CA, US" in last and rows(last) == 5

    def test_an_edit_in_the_wrong_shape_is_refused_in_words(self, web) -> None:
        conv, message_id = self._search(web)
        r = web.post(
            f"/chat/{conv}/search",
            data={"csrf_token": web.csrf, "message_id": message_id, "f_limit": "lots"},
        )
        assert r.status_code == 400 and "write numbers like" in r.text
        r = web.post(
            f"/chat/{conv}/search",
            data={"csrf_token": web.csrf, "message_id": message_id, "f_industries": "Nonsense"},
        )
        # Refused in words before anything runs.
        assert r.status_code == 400 and "Unknown industry" in r.text
        assert "Traceback" not in r.text


class TestApproval:
    def test_a_search_over_the_limit_waits_and_is_approved_from_the_page(
        self, web, db, workspace
    ) -> None:
        done = events(stream(web, "Find 60 CEOs at law firms in California").text)[-1][1]
        assert done["requires_approval"] is True
        page = web.get(f"/chat/{done['conversation_id']}").text
        assert "Waiting for your approval" in page and "Quote: 5 credits" in page
        task_id = re.search(r"/tasks/([0-9a-f-]+)/approve", page).group(1)
        with db.unit_of_work(write=False) as session:
            before = credits_service.balance(session, workspace.id)
        r = web.post(f"/tasks/{task_id}/approve", data={"csrf_token": web.csrf})
        assert r.status_code == 200 and "Running…" in r.text and "data-running" in r.text
        drain(db)
        page = web.get(f"/chat/{done['conversation_id']}").text
        assert "Done</strong>" in page and "60 people selected and saved" in page
        # Every row of the approved search says saved, as the line above does.
        saved = re.findall(r"<td>(Yes|No)</td></tr>", page)
        assert len(saved) == 60 and set(saved) == {"Yes"}
        with db.unit_of_work(write=False) as session:
            assert credits_service.balance(session, workspace.id) == before - 5
        # The ledger says what the charge was for in words.
        ledger = web.get("/settings").text
        assert "approved prospect search" in ledger and "prospect_search" not in ledger
        again = web.post(f"/tasks/{task_id}/approve", data={"csrf_token": web.csrf})
        assert again.status_code == 400 and "Traceback" not in again.text

    def test_dismiss(self, web) -> None:
        done = events(stream(web, "Find 60 CEOs at law firms in California").text)[-1][1]
        page = web.get(f"/chat/{done['conversation_id']}").text
        task_id = re.search(r"/tasks/([0-9a-f-]+)/dismiss", page).group(1)
        r = web.post(f"/tasks/{task_id}/dismiss", data={"csrf_token": web.csrf})
        assert "Dismissed</strong>" in r.text and f"/tasks/{task_id}/approve" not in r.text

    def test_other_proposals_show_their_task_too(self, web, db, workspace) -> None:
        with db.unit_of_work() as session:
            lists_service.create_list(session, workspace.id, "Doomed")
        done = events(stream(web, "delete the Doomed list").text)[-1][1]
        assert done["requires_approval"] is True
        page = web.get(f"/chat/{done['conversation_id']}").text
        assert "Waiting for your approval</strong>" in page and "Doomed" in page
        task_id = re.search(r"/tasks/([0-9a-f-]+)/approve", page).group(1)
        r = web.post(f"/tasks/{task_id}/approve", data={"csrf_token": web.csrf})
        assert r.status_code == 200 and "Running…" in r.text
        drain(db)
        page = web.get(f"/chat/{done['conversation_id']}").text
        assert "Done</strong>" in page and "people selected" not in page


class TestBadInput:
    def test_empty_and_malformed_messages_are_words_not_traces(self, web) -> None:
        r = stream(web, "   ")
        assert (
            r.status_code == 400
            and r.json()["error"]["message"] == "Type a message for Lexi first."
        )
        r = web.post(
            "/chat/stream",
            content=b"{not json",
            headers={"Accept": "text/event-stream", "X-CSRF-Token": web.csrf},
        )
        assert r.status_code == 400
        r = web.post("/chat/send", data={"csrf_token": web.csrf, "message": ""})
        assert r.status_code == 400 and "Type a message" in r.text and "<html" in r.text

    def test_another_workspaces_conversation_is_not_found(self, app, db, web, factory) -> None:
        conv = events(stream(web, "What can you do?").text)[-1][1]["conversation_id"]
        other = factory.workspace()
        with TestClient(app) as stranger:
            sign_in(stranger, make_user(db, other.id))
            assert stranger.get(f"/chat/{conv}").status_code == 404
            assert stranger.get(f"/chat/{uuid.uuid4()}").status_code == 404

    def test_a_turn_that_does_not_fit_the_balance_says_so(self, app, db, factory) -> None:
        poor = factory.workspace(credits=0)
        with TestClient(app) as c:
            csrf = sign_in(c, make_user(db, poor.id))
            r = c.post(
                "/chat/stream",
                json={"message": "Find me 20 CEOs at law firms in New York"},
                headers={"Accept": "text/event-stream", "X-CSRF-Token": csrf},
            )
        assert r.status_code == 402 and "credits" in r.json()["error"]["message"]


class TestNoTransactionWhileUnderstanding:
    def test_an_interpreter_that_waits_on_something_is_asked_with_no_transaction_open(  # type: ignore[no-untyped-def]
        self, app, web, factory
    ) -> None:
        # A plug-in interpreter that writes through another unit of work while it is asked, as a
        # stand-in for a slow model during which other requests write. Were the signed-in page's
        # request holding a transaction (on SQLite, the write lock), that write could not happen.
        from lexi.assistant.assistant import Assistant
        from lexi.assistant.understanding import RuleInterpreter

        made = []

        class WritesMeanwhile:
            def interpret(self, text, state):  # type: ignore[no-untyped-def]
                made.append(factory.workspace())
                return RuleInterpreter().interpret(text, state)

        app.state.assistant = Assistant(WritesMeanwhile())
        r = stream(web, "what tasks are waiting for my approval")
        assert r.status_code == 200, r.text
        assert [name for name, _ in events(r.text)][-1] == "done"
        assert len(made) == 1
