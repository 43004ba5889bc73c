"""The web app in a real browser (Chromium through Playwright) against a real `lexi serve`:
sign in, the seed requests in the chat, approval from the page, managing a list, CSV import,
CSRF and session expiry, accessibility (axe-core), keyboard use and a 360 px wide screen."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import update

from lexi.campaigns import service as campaigns
from lexi.contacts import service as contacts
from lexi.kit.clock import utc_now
from lexi.lists import service as lists
from lexi.models import UserSession
from tests.browser.conftest import axe_violations
from tests.helpers.chat import drain
from tests.helpers.web import PASSWORD

pytestmark = pytest.mark.slow
TIMEOUT = 20_000


@pytest.fixture
def page(browser, site) -> Iterator[Any]:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1280, "height": 860}, base_url=site["url"])
    context.set_default_timeout(TIMEOUT)
    pg = context.new_page()
    yield pg
    context.close()


def sign_in(page: Any, site: dict[str, Any]) -> None:
    page.goto("/chat")
    assert "/login" in page.url
    page.get_by_label("Email").fill(site["email"])
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(re.compile(r"/chat$"))


def credits_shown(page: Any) -> int:
    return int(page.locator("[data-credits]").inner_text().replace(",", ""))


def send(page: Any, text: str) -> None:
    searches = page.locator("section.search").count()
    replies = page.locator(".msg.lexi .reply").count()
    box = page.get_by_label("Message to Lexi")
    box.fill(text)
    box.press("Enter")
    # The streamed reply is replaced by the server-rendered turn when the stream ends.
    page.locator(".msg.lexi .reply").nth(replies).wait_for()
    del searches


def test_sign_in_page(page, site, shots) -> None:  # type: ignore[no-untyped-def]
    page.goto("/login")
    shots(page, "sign-in")
    assert axe_violations(page) == []
    page.get_by_label("Email").fill(site["email"])
    page.get_by_label("Password").fill("not the password")
    page.get_by_role("button", name="Sign in").click()
    assert page.get_by_role("alert").inner_text() == "That email and password do not match."


def test_the_seed_requests_in_the_chat(page, site, shots) -> None:  # type: ignore[no-untyped-def]
    sign_in(page, site)
    page.wait_for_selector(".empty")
    shots(page, "chat-empty")
    assert axe_violations(page) == []
    # A list to fill: made on the lists page, then chosen under the message box.
    page.goto("/lists")
    name = f"NY law firms {uuid.uuid4().hex[:4]}"
    page.get_by_label("New list").fill(name)
    page.get_by_role("button", name="Create list").click()
    page.wait_for_url(re.compile(r"/lists/[0-9a-f-]+$"))
    list_url = page.url
    page.goto("/chat")
    before = credits_shown(page)
    page.get_by_label("Save people Lexi finds to").select_option(label=name)
    send(page, "Find me 20 CEOs at law firms in New York")
    table = page.locator("table.results").last
    assert table.locator("tbody tr").count() == 20
    assert table.locator("thead th").all_inner_texts() == [
        "Name",
        "Title",
        "Company",
        "Industry",
        "Size",
        "Location",
        "Email",
        "Signals",
        "Saved",
    ]
    chips = page.locator("ul.chips").last.inner_text()
    assert "CEO" in chips and "Law Practice" in chips and "New York" in chips
    assert credits_shown(page) < before
    assert re.search(r"/chat/[0-9a-f-]+$", page.url)
    assert name in page.locator("section.search").last.inner_text()

    send(page, "Filter to only New York")
    assert page.locator("section.search").count() == 2
    last_chips = page.locator("ul.chips").last.inner_text()
    assert "New York, NY, US" in last_chips
    shots(page, "chat-results")
    assert axe_violations(page) == []

    # Removing a chip runs the search again without it.
    page.locator("ul.chips").last.get_by_role(
        "button", name=re.compile(r"^Remove Industry Law Practice")
    ).click()
    page.wait_for_load_state()
    assert page.locator("section.search").count() == 3
    assert "Law Practice" not in page.locator("ul.chips").last.inner_text()
    assert "Search again" in page.locator(".msg.user").last.inner_text()

    page.goto(list_url)
    assert "20 contacts" in page.locator("h1").inner_text()


def test_a_search_over_the_limit_is_approved_from_the_page(page, site, shots) -> None:  # type: ignore[no-untyped-def]
    sign_in(page, site)
    send(page, "Find 60 CEOs at law firms in California")
    task = page.locator(".task.pending").last
    assert "Waiting for your approval" in task.inner_text()
    assert "Quote: 5 credits" in task.inner_text()
    shots(page, "chat-approval")
    assert axe_violations(page) == []
    before = credits_shown(page)
    task.get_by_role("button", name="Approve").click()
    page.locator(".task.approved, .task.running").last.wait_for()
    assert drain(site["db"]) >= 1
    # The page refreshes itself while a task runs.
    page.locator(".task.completed").last.wait_for()
    assert "60 people selected and saved" in page.locator(".task.completed").last.inner_text()
    assert credits_shown(page) == before - 5


def test_manage_a_list(page, site, shots) -> None:  # type: ignore[no-untyped-def]
    sign_in(page, site)
    page.goto("/lists")
    name = f"Manage me {uuid.uuid4().hex[:4]}"
    page.get_by_label("New list").fill(name)
    page.get_by_role("button", name="Create list").click()
    assert "This list is empty" in page.inner_text("main")
    page.get_by_role("link", name="Find people for it", exact=True).click()
    send(page, "Find me 20 CEOs at law firms in New York")
    page.goto("/lists")
    row = page.locator("tr", has_text=name)
    assert row.locator("td.num").inner_text() == "20"
    shots(page, "lists")
    assert axe_violations(page) == []
    row.get_by_role("link", name=name, exact=True).click()
    assert "20 contacts" in page.locator("h1").inner_text()
    shots(page, "list-detail")
    assert axe_violations(page) == []
    page.get_by_label("Search this list").fill("Person00")
    page.get_by_role("button", name="Search", exact=True).click()
    found = page.locator("input[name=contact_id]").count()
    assert 1 <= found < 20
    page.goto(page.url.split("?")[0])
    page.locator("input[name=contact_id]").first.check()
    page.get_by_role("button", name="Remove selected from the list").click()
    assert "19 contacts" in page.locator("h1").inner_text()
    page.locator("tbody a").first.click()
    assert page.locator("dl.facts").is_visible()
    page.go_back()
    with page.expect_download() as download:
        page.get_by_role("link", name="Export CSV").first.click()
    assert download.value.suggested_filename.endswith(".csv")
    page.get_by_text("Rename or delete this list").click()
    page.get_by_label("New name").fill(name + " renamed")
    page.get_by_role("button", name="Rename").click()
    assert "renamed" in page.locator("h1").inner_text()
    page.get_by_text("Rename or delete this list").click()
    page.get_by_role("link", name="Delete this list…").click()
    page.get_by_role("button", name="Delete the list").click()
    assert "The list was deleted" in page.inner_text("main")


def test_import_a_csv_with_a_progress_bar(page, site, shots, tmp_path) -> None:  # type: ignore[no-untyped-def]
    sign_in(page, site)
    lines = ["Full Name,Work Email,Company"] + [
        f"Grace Hopper {i},grace{i}-{uuid.uuid4().hex[:6]}@example.com,Navy" for i in range(600)
    ]
    path = tmp_path / "people.csv"
    path.write_text("\n".join(lines) + "\n")
    page.goto("/import")
    page.get_by_label("CSV file").set_input_files(str(path))
    page.get_by_role("button", name="Next: map the columns").click()
    page.get_by_label("Work Email").select_option("email")
    shots(page, "import-mapping")
    assert axe_violations(page) == []
    page.get_by_role("button", name=re.compile("Step 3")).click()
    page.get_by_text("Done: 600 new contacts").wait_for()
    assert page.locator("#import-bar").get_attribute("value") == "600"


def test_settings_page(page, site, shots) -> None:  # type: ignore[no-untyped-def]
    sign_in(page, site)
    page.goto("/settings")
    shots(page, "settings")
    assert axe_violations(page) == []
    page.get_by_label("Name").fill("CRM sync")
    page.get_by_role("button", name="Create key").click()
    secret = page.locator("#new-key").inner_text()
    assert secret.startswith("wbk_")
    assert axe_violations(page) == []
    page.reload()
    assert secret not in page.content()


def test_csrf_and_session_expiry(page, site) -> None:  # type: ignore[no-untyped-def]
    sign_in(page, site)
    page.goto("/settings")
    # A forged form (wrong token) is refused in words.
    page.evaluate(
        "document.querySelectorAll('input[name=csrf_token]').forEach(i => i.value = 'forged')"
    )
    page.get_by_role("button", name="Save policy").click()
    assert "did not come from this site" in page.inner_text("main")
    assert "Traceback" not in page.content()
    # A session that has expired sends the person back to the sign-in page.
    with site["db"].unit_of_work() as session:
        session.execute(update(UserSession).values(expires_at=utc_now() - timedelta(seconds=1)))
    page.goto("/lists")
    assert "/login?next=%2Flists" in page.url
    page.get_by_label("Email").fill(site["email"])
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(re.compile(r"/lists$"))


def test_keyboard_and_a_small_screen(browser, site, shots) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 360, "height": 740}, base_url=site["url"])
    context.set_default_timeout(TIMEOUT)
    page = context.new_page()
    try:
        sign_in(page, site)
        # The first Tab lands on the skip link, which is visible when focused.
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.textContent")
        assert focused == "Skip to content"
        outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
        assert outline != "none"
        page.get_by_label("Message to Lexi").focus()
        page.keyboard.type("Find me 20 CEOs at law firms in New York")
        page.keyboard.press("Enter")
        page.locator("table.results tbody tr").first.wait_for()
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, f"the page scrolls sideways at 360 px ({width} px wide)"
        shots(page, "chat-mobile", full_page=False)
        for path in ("/lists", "/campaigns", "/settings"):
            page.goto(path)
            assert page.evaluate("document.documentElement.scrollWidth") <= 360, path
    finally:
        context.close()


def a_list(site: dict[str, Any], name: str, n: int) -> str:
    with site["db"].unit_of_work() as session:
        lst = lists.create_list(session, site["workspace_id"], name)
        ids = []
        for i in range(n):
            c, _ = contacts.create_contact(
                session,
                site["workspace_id"],
                {
                    "first_name": f"Ann{i}",
                    "last_name": "Lee",
                    "email": f"ann{i}-{uuid.uuid4().hex[:6]}@example.com",
                    "job_title": "Managing Partner",
                    "company_name": f"Lee & Partners {i}",
                },
            )
            ids.append(c.id)
        lists.add_contacts(session, site["workspace_id"], lst.id, ids)
        return str(lst.id)


def test_a_campaign_from_the_campaigns_page(page, site, shots) -> None:  # type: ignore[no-untyped-def]
    name = f"Q1 Leads {uuid.uuid4().hex[:4]}"
    a_list(site, name, 5)
    sign_in(page, site)
    page.get_by_role("link", name="Campaigns", exact=True).click()
    page.wait_for_url(re.compile(r"/campaigns$"))
    # Create one from a list and a topic: Lexi drafts the emails (revision 1).
    title = f"Legal automation {uuid.uuid4().hex[:4]}"
    page.get_by_label("Name", exact=True).fill(title)
    page.get_by_label("List to email").select_option(label=name)
    page.get_by_label("Topic (Lexi drafts the emails)").fill("legal automation")
    page.get_by_role("button", name="Create campaign").click()
    page.wait_for_url(re.compile(r"/campaigns/[0-9a-f-]+\?done=created"))
    assert "Campaign created as a draft" in page.get_by_role("status").inner_text()
    assert page.locator("article.step").count() == 3
    campaign_id = uuid.UUID(page.url.split("/campaigns/")[1].split("?")[0])
    # A second revision, as an edit through the API would make it.
    with site["db"].unit_of_work() as session:
        campaigns.rewrite(session, site["workspace_id"], campaign_id, "more casual", None)

    page.goto("/campaigns")
    row = page.locator("tr", has_text=title)
    assert row.locator("td").nth(1).inner_text() == name
    assert row.locator("td").nth(2).inner_text() == "Draft"
    shots(page, "campaigns")
    assert axe_violations(page) == []

    # View it, and compare the drafted revision with the casual one.
    row.get_by_role("link", name=title).click()
    assert "revision 2" in page.locator("#emails").inner_text()
    page.get_by_label("Compare revision").select_option("1")
    page.get_by_label("with revision").select_option("2")
    page.get_by_role("button", name="Show the differences").click()
    diff = page.locator("section#diff")
    assert "Differences from revision 1 to revision 2" in diff.inner_text()
    assert diff.locator("del").count() >= 1 and diff.locator("ins").count() >= 1
    shots(page, "campaign")
    assert axe_violations(page) == []

    # Restore revision 1: a new revision (3) with its text.
    page.get_by_role("button", name="Restore revision 1").click()
    assert "Restored:" in page.get_by_role("status").inner_text()
    assert "revision 3" in page.locator("#emails").inner_text()
    with site["db"].unit_of_work() as session:
        first = campaigns.get_revision(session, site["workspace_id"], campaign_id, 1).steps
    assert page.locator("dd.subject").first.inner_text() == first[0]["subject"]
    assert page.locator(".email-body").first.inner_text().strip() == first[0]["body"].strip()

    # Start: an approval task with its quote, approved from the page like the chat's.
    page.get_by_role("button", name="Start…").click()
    task = page.locator(".task.pending")
    assert "Waiting for your approval" in task.inner_text()
    assert "Quote: 0 credits · 5 people · 15 emails" in task.inner_text()
    assert "5 enrolled" in page.locator("#people").inner_text()
    shots(page, "campaign-approval")
    assert axe_violations(page) == []
    task.get_by_role("button", name="Approve").click()
    assert "Approved:" in page.get_by_role("status").inner_text()
    page.locator(".task.approved, .task.running").wait_for()
    assert drain(site["db"]) >= 1
    # The page refreshes itself while the start task runs.
    page.locator(".task.completed").wait_for()
    assert "The campaign is active: 5 recipients" in page.locator(".task.completed").inner_text()
    page.reload()
    assert "Active" in page.locator("h1").inner_text()
    page.get_by_role("button", name="Pause").click()
    assert "Paused:" in page.get_by_role("status").inner_text()

    # At 360 px wide the campaign pages (and the diff) fit without scrolling sideways.
    page.set_viewport_size({"width": 360, "height": 740})
    for path in (f"/campaigns/{campaign_id}?from=1&to=3#diff", "/campaigns"):
        page.goto(path)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, f"{path} scrolls sideways at 360 px ({width} px wide)"


def test_a_campaign_from_the_chat(page, site, shots) -> None:  # type: ignore[no-untyped-def]
    name = f"Q1 Leads {uuid.uuid4().hex[:4]}"
    a_list(site, name, 4)
    sign_in(page, site)
    send(page, f"Create an outreach campaign for my '{name}' list about legal automation")
    assert "legal automation" in page.locator(".msg.lexi .reply").last.inner_text()
    send(page, "Can you make the email more casual?")
    send(page, "start the campaign")
    task = page.locator(".task.pending").last
    assert "Waiting for your approval" in task.inner_text()
    assert "revision 2" in task.inner_text() and "4 recipients" in task.inner_text()
    assert "Quote: 0 credits · 4 people · 12 emails" in task.inner_text()
    task.evaluate("el => el.scrollIntoView({block: 'center'})")
    shots(page, "chat-campaign", full_page=False)
    assert axe_violations(page) == []
    task.get_by_role("button", name="Approve").click()
    page.locator(".task.approved, .task.running").last.wait_for()
    assert drain(site["db"]) >= 1
    # The chat refreshes itself while the task runs.
    page.locator(".task.completed").last.wait_for()
    assert (
        "The campaign is active: 4 recipients" in page.locator(".task.completed").last.inner_text()
    )

    # The campaign is on the campaigns page, active, with the casual revision current.
    page.get_by_role("link", name="Campaigns", exact=True).click()
    page.wait_for_url(re.compile(r"/campaigns$"))
    row = page.locator("tr", has_text=name)
    assert row.locator("td").nth(2).inner_text() == "Active"
    assert row.locator("td.num").first.inner_text() == "4"
    row.locator("td").first.get_by_role("link").click()
    page.wait_for_url(re.compile(r"/campaigns/[0-9a-f-]+$"))
    assert "revision 2" in page.locator("#emails").inner_text()
    current = page.locator("section[aria-labelledby=revisions] tbody tr").first
    assert "current" in current.inner_text() and "casual" in current.inner_text()
    assert "4 enrolled" in page.locator("#people").inner_text()
