"""Browser tests: Playwright for Python driving the system's Chromium (never a downloaded one)
against a real ``lexi serve`` process. They skip when Chromium or Playwright is not installed.

Screenshots go to a temporary folder; with ``LEXI_UPDATE_SCREENSHOTS=1`` they are also copied
into docs/images/ (how the README's pictures are made).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from lexi.db.session import Database
from lexi.workspaces import service as workspaces
from tests.helpers.chat import cohorts  # noqa: F401  (a fixture)
from tests.helpers.server import LexiServer
from tests.helpers.web import make_user

CHROMIUM = os.environ.get("LEXI_TEST_CHROMIUM", "/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[2]
AXE = Path(__file__).resolve().parent / "vendor" / "axe.min.js"
DOCS_IMAGES = ROOT / "docs" / "images"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

try:  # pragma: no cover - depends on the machine
    from playwright.sync_api import Browser, Page, sync_playwright
except ImportError:  # pragma: no cover
    sync_playwright = None  # type: ignore[assignment]


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    reason = None
    if sync_playwright is None:
        reason = "playwright is not installed (pip install -e '.[test]')"
    elif not Path(CHROMIUM).exists():
        reason = f"no Chromium at {CHROMIUM} (apt-get install chromium)"
    if reason and os.environ.get("LEXI_REQUIRE_BROWSER") == "1":
        raise pytest.UsageError(f"LEXI_REQUIRE_BROWSER=1 but {reason}")
    if reason:
        for item in items:
            if "tests/browser" in str(item.fspath):
                item.add_marker(pytest.mark.skip(reason=reason))


# Module scope, not session: Playwright's sync API keeps an event loop running in this thread
# while it is open, which would break other tests' asyncio.run() in the same worker process.
@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture(scope="module")
def site(cohorts: Database, migrated: str) -> Iterator[dict[str, Any]]:  # noqa: F811
    """A real server and a workspace with an admin user. Approved tasks are run by the test
    (``drain``), as a separate ``lexi worker`` would, so no background worker shares the database
    with the other tests."""
    with cohorts.unit_of_work() as session:
        ws = workspaces.create(session, "Acme Sales", plan="organization", credits=1000)
        ws_id = ws.id
    email = make_user(cohorts, ws_id)
    # Every test signs the same user in, a dozen sign-ins within a minute: more than the default
    # per-minute sign-in limit (tests/web/test_web_auth.py tests that limit on its own).
    with LexiServer(migrated, env={"LEXI_WEB_LOGIN_PER_MINUTE": "1000"}) as server:
        yield {"url": server.url, "email": email, "workspace_id": ws_id, "db": cohorts}


@pytest.fixture
def shots(tmp_path: Path):  # type: ignore[no-untyped-def]
    """shots(page, name): a full-page PNG, copied to docs/images when asked to."""

    def take(page: Page, name: str, full_page: bool = True) -> Path:
        path = tmp_path / f"{name}.png"
        page.screenshot(path=str(path), full_page=full_page)
        if os.environ.get("LEXI_UPDATE_SCREENSHOTS") == "1":
            DOCS_IMAGES.mkdir(parents=True, exist_ok=True)
            shutil.copy(path, DOCS_IMAGES / path.name)
        return path

    return take


def axe_violations(page: Page) -> list[dict[str, Any]]:
    """Serious and critical axe-core findings on the current page."""
    page.add_script_tag(content=AXE.read_text())
    result = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
    )
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result
        if v["impact"] in ("serious", "critical")
    ]
