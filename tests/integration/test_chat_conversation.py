"""A trustworthy conversation, through POST /v1/lexi/chat: the exact sequences a sales rep tried.

Result sets as state (an approved task's people are "them"), lists and approvals by chat,
exclusions against the workspace's own data, company lookups, and fair charging.
"""

from __future__ import annotations

import pytest

from lexi.db.session import Database
from lexi.prospects import importer
from tests.helpers.chat import chat, cohorts, drain, ok  # noqa: F401  (cohorts is a fixture)

FIRMS = [
    # (company, domain, [(first, last, title)])
    (
        "Holmes & Andrews PC",
        "holmesandrews.example.com",
        [("Ada", "Holmes", "CEO"), ("Ben", "Andrews", "CFO"), ("Cy", "Marsh", "Paralegal")],
    ),
    (
        "Acme Corp",
        "acme-corp.example.com",
        [("Dee", "Stone", "CEO"), ("Eli", "Park", "CTO"), ("Fay", "Lund", "VP of Sales")],
    ),
    ("Acme Robotics Inc", "acmerobotics.example.com", [("Gus", "Hale", "CEO")]),
]


@pytest.fixture(scope="session")
def firms(cohorts: Database) -> Database:  # noqa: F811
    rows = [
        {
            "first_name": first,
            "last_name": last,
            "email": f"{first.lower()}@{domain}",
            "email_status": "verified",
            "job_title": title,
            "company_name": company,
            "company_domain": domain,
            "industry": "Law Practice" if "Holmes" in company else "Computer Software",
            "employee_count": 30,
            "city": "Denver",
            "state": "CO",
            "country": "US",
            "company_city": "Denver",
            "company_state": "CO",
            "company_country": "US",
        }
        for company, domain, people in FIRMS
        for first, last, title in people
    ]
    with cohorts.unit_of_work() as session:
        outcome = importer.import_rows(session, importer.from_objects(rows))
    assert not outcome.errors, outcome.errors
    return cohorts


pytestmark = pytest.mark.usefixtures("firms")


def say(client, auth, text, conv=None, **body):  # type: ignore[no-untyped-def]
    if conv:
        body["conversation_id"] = conv
    return ok(chat(client, auth, text, **body))


def lists_by_name(client, auth) -> dict[str, dict]:  # type: ignore[no-untyped-def]
    data = ok(client.get("/v1/lists?per_page=100", headers=auth))
    return {x["name"]: x for x in data}


def members(client, auth, list_id) -> list[dict]:  # type: ignore[no-untyped-def]
    return ok(client.get(f"/v1/contacts?list_id={list_id}&per_page=100", headers=auth))


class TestApprovedResultsAreThem:
    def test_after_approving_a_task_them_means_its_fifty_not_the_earlier_six(
        self, client, auth, db
    ):
        first = say(client, auth, "Find 6 CTOs at SaaS companies in California")
        conv = first["conversation_id"]
        assert len(first["actions"][0]["prospects"]) == 6
        big = say(client, auth, "Find 50 CEOs at law firms in California", conv)
        assert big["requires_approval"] is True
        ok(client.post(f"/v1/lexi/tasks/{big['task_id']}/approve", headers=auth))
        drain(db)
        task = ok(client.get(f"/v1/lexi/tasks/{big['task_id']}", headers=auth))
        added = say(client, auth, "add them to Repro List", conv)
        [action] = added["actions"]
        assert action["list_name"] == "Repro List" and action["added"] == 50
        assert action["result_set"]["source"] == "task" and action["result_set"]["named"]
        ids = {m["prospect_id"] for m in members(client, auth, action["list_id"])}
        assert ids == set(task["result"]["prospect_ids"])
        assert added["response"] == (
            'I created "Repro List" and added 50 CEOs at law firms in California from the '
            "approved search; it now holds 50 contacts."
        )

    def test_without_an_earlier_inline_search_the_task_results_are_still_there(
        self, client, auth, db
    ):
        big = say(client, auth, "Find 50 CEOs at law firms in California")
        conv = big["conversation_id"]
        approved = say(client, auth, "yes, go ahead", conv)
        assert approved["actions"][0]["type"] == "task_approve"
        assert approved["credits_used"] == 1 + 5
        drain(db)
        added = say(client, auth, "add the first 5 to Repro List", conv)
        assert added["actions"][0]["added"] == 5
        assert "Run a search first" not in added["response"]

    def test_the_first_5_and_the_ones_at_a_company(self, client, auth):
        first = say(client, auth, "Find 10 CEOs at law firms in New York")
        conv = first["conversation_id"]
        shown = [p["id"] for p in first["actions"][0]["prospects"]]
        five = say(client, auth, "add the first 5 to Q1 Leads", conv)
        assert five["actions"][0]["added"] == 5
        saved = {m["prospect_id"] for m in members(client, auth, five["actions"][0]["list_id"])}
        assert saved == set(shown[:5])
        company = first["actions"][0]["prospects"][7]["company"]["name"]
        one = say(client, auth, f"add the ones at {company} to Q2 Leads", conv)
        assert one["actions"][0]["added"] == 1
        assert one["response"].startswith(f'I created "Q2 Leads" and added 1 person at {company}')


class TestNotSearches:
    def test_delete_a_list_is_an_approval_task_and_never_a_search(self, client, auth, db):
        ok(client.post("/v1/lists", json={"name": "CA Law CEOs"}, headers=auth))
        data = say(client, auth, "Delete the CA Law CEOs list")
        [action] = data["actions"]
        assert action["type"] == "list_delete" and action["status"] == "pending_approval"
        assert data["credits_used"] == 1 and data["requires_approval"] is True
        task = ok(client.get(f"/v1/lexi/tasks/{data['task_id']}", headers=auth))
        assert task["type"] == "list_operation"
        assert "CA Law CEOs" in lists_by_name(client, auth)
        say(client, auth, "approve it", data["conversation_id"])
        drain(db)
        assert "CA Law CEOs" not in lists_by_name(client, auth)

    def test_writing_an_email_to_a_ceo_does_not_search(self, client, auth):
        data = say(client, auth, "Write a cold email to the CEO of Holmes & Andrews PC")
        [action] = data["actions"]
        assert action["type"] == "email_draft" and action["status"] == "failed"
        assert data["credits_used"] == 1
        assert "didn't search" in data["response"]

    @pytest.mark.parametrize("text", ["send them an email", "book a meeting with them"])
    def test_sending_and_unsupported_requests_cost_only_the_message(self, client, auth, text):
        data = say(client, auth, text)
        assert data["credits_used"] == 1
        assert all(a["type"] != "prospect_search" for a in data["actions"])


class TestExclusions:
    def test_excluding_people_i_have_already_saved(self, client, auth):
        first = say(client, auth, "Find 10 CEOs at law firms in California")
        say(client, auth, "add them to Saved CEOs", first["conversation_id"])
        before = first["actions"][0]["total_matches"]
        data = say(
            client,
            auth,
            "Find CEOs at law firms in California, excluding people I've already saved",
        )
        [action] = data["actions"]
        assert action["filters"]["exclude_saved"] is True
        assert action["total_matches"] == before - 10
        assert action["prospects"] and not any(p["saved"] for p in action["prospects"])
        again = say(client, auth, "exclude ones I already have", first["conversation_id"])
        assert again["actions"][0]["filters"]["exclude_saved"] is True
        assert again["actions"][0]["total_matches"] == before - 10

    def test_not_already_in_a_list(self, client, auth):
        first = say(client, auth, "Find 4 CEOs at law firms in New York")
        say(client, auth, "add them to Q1 Leads", first["conversation_id"])
        data = say(client, auth, "Find CEOs at law firms in New York not already in Q1 Leads")
        [action] = data["actions"]
        q1 = lists_by_name(client, auth)["Q1 Leads"]
        assert action["filters"]["exclude_list_ids"] == [q1["id"]]
        assert action["total_matches"] == first["actions"][0]["total_matches"] - 4

    def test_rest_search_takes_the_same_filters(self, client, auth):
        rest = client.post(
            "/v1/prospector/search",
            json={"titles": ["CEO"], "industries": ["Law Practice"], "exclude_saved": True},
            headers=auth,
        )
        assert rest.status_code == 200, rest.text
        bad = client.post("/v1/prospector/search", json={"exclude_saved": "yes"}, headers=auth)
        assert bad.status_code == 400
        other = client.post(
            "/v1/prospector/search",
            json={"exclude_list_ids": ["00000000-0000-4000-8000-000000000000"]},
            headers=auth,
        )
        assert other.status_code == 404 and other.json()["error"]["code"] == "list_not_found"


class TestCompanies:
    def test_the_ceo_of_a_named_firm(self, client, auth):
        data = say(client, auth, "find the CEO of Holmes & Andrews PC")
        [action] = data["actions"]
        assert action["filters"]["companies"] == ["Holmes & Andrews PC"]
        assert [p["full_name"] for p in action["prospects"]] == ["Ada Holmes"]
        assert data["response"].startswith("I found 1 CEO at Holmes & Andrews PC.")

    def test_people_at_a_company_by_name_is_fuzzy_but_not_loose(self, client, auth):
        data = say(client, auth, "people at Acme Corp")
        names = {p["company"]["name"] for p in data["actions"][0]["prospects"]}
        assert names == {"Acme Corp"} and data["actions"][0]["total_matches"] == 3

    def test_who_works_at_a_domain(self, client, auth):
        data = say(client, auth, "who works at acme-corp.example.com")
        assert data["actions"][0]["total_matches"] == 3

    def test_rest_and_typos(self, client, auth):
        rest = ok(
            client.post(
                "/v1/prospector/search",
                json={"companies": ["Holms & Andrews"], "titles": ["CFO"]},
                headers=auth,
            )
        )
        assert [p["full_name"] for p in rest["prospects"]] == ["Ben Andrews"]


class TestFairCharging:
    def test_more_past_the_end_costs_no_search_fee_and_proposes_nothing(self, client, auth):
        first = say(client, auth, "who works at acmerobotics.example.com")
        conv = first["conversation_id"]
        assert first["actions"][0]["total_matches"] == 1 and first["credits_used"] == 6
        for _ in range(2):
            more = say(client, auth, "show me more", conv)
            assert more["credits_used"] == 1 and more["task_id"] is None
            assert more["response"] == (
                "There are no more people at acmerobotics.example.com: you've seen all 1, so "
                "there was no search fee."
            )
        big_more = say(client, auth, "show me 500 more", conv)
        assert big_more["task_id"] is None and big_more["credits_used"] == 1
        pending = ok(client.get("/v1/lexi/tasks", headers=auth))["tasks"]
        assert not [t for t in pending if "0 people" in t["description"]]

    def test_a_search_that_finds_nobody_costs_the_message_only(self, client, auth):
        data = say(client, auth, "Find CEOs at law firms in Anchorage, Alaska")
        assert data["actions"][0]["total_matches"] == 0 and data["credits_used"] == 1

    def test_approval_counts_what_would_be_saved(self, client, auth):
        # 100 asked for; the company has 3 people, so there is nothing to approve.
        data = say(client, auth, "Find 100 people at Acme Corp")
        assert data["requires_approval"] is False and data["task_id"] is None
        assert len(data["actions"][0]["prospects"]) == 3 and data["credits_used"] == 6

    def test_zero_balance_questions(self, client, factory):
        ws = factory.workspace(credits=0)
        headers = factory.headers(ws.id)
        data = ok(chat(client, headers, "How many credits do I have?"))
        assert data["response"] == "You have 0 credits left." and data["credits_used"] == 0


class TestListsByChat:
    def test_show_export_and_re_adding(self, client, auth):
        first = say(client, auth, "Find 6 CEOs at law firms in New York")
        conv = first["conversation_id"]
        one = say(client, auth, "add them to Repro List", conv)
        assert one["actions"][0]["list_name"] == "Repro List"
        again = say(client, auth, "add them to Repro List", conv)
        [action] = again["actions"]
        assert action["added"] == 0 and action["existed"] is True
        assert again["response"] == (
            'All 6 were already in "Repro List", so nothing changed; it holds 6 contacts.'
        )
        shown = say(client, auth, "show my lists", conv)
        assert '"Repro List" (6 contacts)' in shown["response"]
        export = say(client, auth, "Export my Repro List list to CSV", conv)
        url = export["actions"][0]["download_url"]
        assert url == f"/v1/contacts/export?list_id={action['list_id']}"
        csv = client.get(url, headers=auth)
        assert csv.status_code == 200 and len(csv.text.strip().splitlines()) == 1 + 6

    def test_rename_merge_remove_and_contents(self, client, auth):
        first = say(client, auth, "Find 5 CEOs at law firms in New York")
        conv = first["conversation_id"]
        say(client, auth, "add them to Q1 Leads", conv)
        say(client, auth, "Find 3 CTOs at SaaS companies in California", conv)
        say(client, auth, "add them to West Coast", conv)
        renamed = say(client, auth, "rename Q1 Leads to East Coast", conv)
        assert renamed["response"] == 'I renamed "Q1 Leads" to "East Coast".'
        merged = say(client, auth, "merge West Coast into East Coast", conv)
        assert merged["actions"][0]["added"] == 3 and merged["actions"][0]["contact_count"] == 8
        gone = say(client, auth, "remove the CTOs from East Coast", conv)
        assert gone["actions"][0]["removed"] == 3
        last = say(client, auth, "remove the last 2 from East Coast", conv)
        assert last["actions"][0]["removed"] == 2 and last["actions"][0]["contact_count"] == 3
        inside = say(client, auth, "what's in East Coast?", conv)
        assert inside["response"].startswith('"East Coast" holds 3 contacts: ')

    def test_a_dismissed_proposal_leaves_no_list_behind(self, client, auth):
        data = say(
            client, auth, "Find 50 CEOs at law firms in California and add them to Big Batch"
        )
        assert data["requires_approval"] is True
        assert "Big Batch" not in lists_by_name(client, auth)
        cancelled = say(client, auth, "cancel that task", data["conversation_id"])
        assert cancelled["actions"][0]["type"] == "task_dismiss"
        task = ok(client.get(f"/v1/lexi/tasks/{data['task_id']}", headers=auth))
        assert task["status"] == "dismissed"
        assert "Big Batch" not in lists_by_name(client, auth)

    def test_an_approved_proposal_creates_its_list_when_it_runs(self, client, auth, db):
        data = say(
            client, auth, "Find 50 CEOs at law firms in California and add them to Big Batch"
        )
        say(client, auth, "approve it", data["conversation_id"])
        assert "Big Batch" not in lists_by_name(client, auth)
        drain(db)
        assert lists_by_name(client, auth)["Big Batch"]["contact_count"] == 50


class TestApprovalsByChat:
    def test_nothing_pending(self, client, auth):
        data = say(client, auth, "approve it")
        assert data["response"].startswith("There is no task waiting for approval")

    def test_approving_charges_once_and_a_second_approve_finds_nothing(self, client, auth):
        big = say(client, auth, "Find 50 CEOs at law firms in California")
        conv = big["conversation_id"]
        first = say(client, auth, "approve it", conv)
        assert first["credits_used"] == 6
        assert first["response"].startswith("Approved for 5 credits: find 50 CEOs at law firms")
        second = say(client, auth, "approve it", conv)
        assert second["credits_used"] == 1 and "no task waiting" in second["response"]

    def test_an_approval_that_does_not_fit_leaves_the_task_pending(self, client, factory):
        ws = factory.workspace(credits=3)
        headers = factory.headers(ws.id)
        big = ok(chat(client, headers, "Find 50 CEOs at law firms in California"))
        data = ok(chat(client, headers, "approve it", conversation_id=big["conversation_id"]))
        assert "still waiting" in data["response"]
        task = ok(client.get(f"/v1/lexi/tasks/{big['task_id']}", headers=headers))
        assert task["status"] == "pending"


class TestContextAcrossTurns:
    def test_back_to_an_earlier_search_after_other_requests(self, client, auth):
        first = say(client, auth, "Find 5 CEOs at law firms in New York")
        conv = first["conversation_id"]
        say(client, auth, "Find 5 CTOs at SaaS companies in California", conv)
        say(client, auth, "how many credits do I have?", conv)
        back = say(client, auth, "ok back to the law firm CEOs, only verified emails", conv)
        [action] = back["actions"]
        assert action["type"] == "prospect_search"
        assert action["filters"]["titles"] == ["CEO"]
        assert action["filters"]["industries"] == ["Law Practice"]
        assert action["filters"]["locations"] == ["New York, NY, US"]
        assert action["filters"]["email_status"] == ["verified"]

    def test_the_answer_to_a_question_completes_the_request(self, client, auth):
        first = say(client, auth, "Find 5 CFOs at hospitals in Boston")
        conv = first["conversation_id"]
        asked = say(client, auth, "save these to a new list", conv)
        assert asked["actions"][0]["status"] == "needs_input"
        named = say(client, auth, "Boston Hospital CFOs", conv)
        [action] = named["actions"]
        assert action["list_name"] == "Boston Hospital CFOs"
        assert action["added"] == 5
