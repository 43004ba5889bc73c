"""Every Python snippet in README.md and docs/*.md runs as printed against a real server.

A reader follows the README: ``lexi demo`` is running and ``LEXI_API_KEY`` / ``LEXI_BASE_URL`` are
exported (the README says so before its first snippet). The snippets of one page run in order as
one program, as a reader pasting them one after another into the same session would (a later
block may use a name an earlier one defined). Each page runs in a fresh interpreter in an empty
directory with that environment, against a ``lexi serve`` process on the test database;
``LEXI_DATABASE_URL`` names the same database, for the snippet that runs the app in-process.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.chat import cohorts  # noqa: F401  (cohorts is a fixture)
from tests.helpers.server import LexiServer

ROOT = Path(__file__).resolve().parents[2]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
FENCE = re.compile(r"^```(\w*)\n(.*?)^```", re.MULTILINE | re.DOTALL)


def python_blocks(page: Path) -> list[str]:
    return [m.group(2) for m in FENCE.finditer(page.read_text()) if m.group(1) in ("python", "py")]


PAGES_WITH_PYTHON = [page for page in PAGES if python_blocks(page)]


def test_the_pages_with_python_are_found() -> None:
    names = {page.relative_to(ROOT).as_posix() for page in PAGES_WITH_PYTHON}
    assert {"README.md", "docs/sdk.md"} <= names


@pytest.fixture(scope="module")
def server(migrated: str, cohorts) -> Iterator[LexiServer]:  # type: ignore[no-untyped-def]  # noqa: F811
    env = {"LEXI_RUN_WORKER_IN_PROCESS": "true", "LEXI_WORKER_POLL_SECONDS": "0.1"}
    with LexiServer(migrated, env=env) as running:
        yield running


@pytest.mark.slow
@pytest.mark.parametrize(
    "page", PAGES_WITH_PYTHON, ids=lambda page: page.relative_to(ROOT).as_posix()
)
def test_the_python_snippets_of_a_page_run_as_printed(  # type: ignore[no-untyped-def]
    page, server, migrated, api_key, tmp_path
) -> None:
    program = "\n\n".join(python_blocks(page))
    script = tmp_path / "snippets.py"
    script.write_text(program)
    env = {k: v for k, v in os.environ.items() if not k.startswith("LEXI_")}
    env.update(
        LEXI_API_KEY=api_key,
        LEXI_BASE_URL=server.url,
        LEXI_DATABASE_URL=migrated,
        LEXI_LOG_LEVEL="WARNING",
    )
    result = subprocess.run(
        [sys.executable, str(script)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, f"{page.name}:\n{program}\n--- stderr:\n{result.stderr}"
    assert result.stdout.strip(), f"{page.name} printed nothing"
    assert "Traceback" not in result.stderr
