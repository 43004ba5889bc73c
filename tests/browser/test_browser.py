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

from lexi.kit.clock import utc_now
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
        for path in ("/lists", "/settings"):
            page.goto(path)
            assert page.evaluate("document.documentElement.scrollWidth") <= 360, path
    finally:
        context.close()
