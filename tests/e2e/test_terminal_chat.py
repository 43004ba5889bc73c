"""``lexi chat`` and ``lexi tasks`` driven the way a person and a script use them.

Sam opens ``lexi chat`` in a terminal against a running server. He asks for 20 CEOs at New York
law firms and sees them in a table. He asks for 50 in California: Lexi quotes the cost and asks
whether to approve; he answers y and sees the completed result. He presses Ctrl-C at the prompt,
and again when asked to approve another search: the session stays open and the task stays
pending. /quit leaves. A script then uses ``lexi chat "..." --json`` and ``lexi tasks``.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pexpect
import pytest

from lexi.client import Lexi
from tests.helpers.chat import cohorts  # noqa: F401  (cohorts is a fixture)
from tests.helpers.server import LexiServer

BIG_SEARCH = "Find 50 CEOs at law firms in California"
PROMPT = "you> "
APPROVE = r"Approve this task now\? \[y/N\] "


@pytest.fixture(scope="module")
def server(migrated: str, cohorts) -> Iterator[LexiServer]:  # type: ignore[no-untyped-def]  # noqa: F811
    env = {"LEXI_RUN_WORKER_IN_PROCESS": "true", "LEXI_WORKER_POLL_SECONDS": "0.1"}
    with LexiServer(migrated, env=env) as running:
        yield running


@pytest.fixture
def cli_env(server: LexiServer, api_key: str, tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LEXI_")}
    env.update(
        LEXI_API_KEY=api_key,
        LEXI_BASE_URL=server.url,
        LEXI_HISTORY_FILE=str(tmp_path / "history"),
        NO_COLOR="1",
        COLUMNS="200",
    )
    return env


def lexi_cli(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "lexi", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )


class TestInteractiveSession:
    def test_search_approve_inline_survive_ctrl_c_and_quit(  # type: ignore[no-untyped-def]
        self, cli_env, server, api_key, tmp_path
    ) -> None:
        chat = pexpect.spawn(
            sys.executable,
            ["-m", "lexi", "chat"],
            env=cli_env,
            encoding="utf-8",
            timeout=120,
            dimensions=(60, 200),
        )
        try:
            chat.expect(PROMPT)

            chat.sendline("Find me 20 CEOs at law firms in New York")
            chat.expect(r"matches — showing 20")
            chat.expect("Name")
            chat.expect("Company")
            chat.expect(r"[│|] (CEO|Chief Executive Officer) ")
            chat.expect(PROMPT)

            chat.sendline(BIG_SEARCH)
            chat.expect("once you approve")
            chat.expect(APPROVE)
            chat.sendline("y")
            chat.expect("Approved. Running")
            chat.expect(r"Done\. Saved 50 of [\d,]+ matches as contacts\.")
            chat.expect("Selected people")
            chat.expect(PROMPT)

            chat.sendintr()  # Ctrl-C at the prompt cancels the line, not the session
            chat.expect(PROMPT)
            assert chat.isalive()

            chat.sendline(BIG_SEARCH)
            chat.expect(APPROVE)
            chat.sendintr()  # Ctrl-C at the approval question leaves the task pending
            chat.expect(r"Left pending\. Approve later with: lexi tasks approve ([0-9a-f-]{36})")
            left_pending = chat.match.group(1)
            chat.expect(PROMPT)
            assert chat.isalive()

            chat.sendline("/tasks")
            chat.expect("Pending tasks")
            chat.expect(PROMPT)

            chat.sendline("/new")
            chat.expect("Started a new conversation.")
            chat.expect(PROMPT)
            chat.sendline("How many credits do I have?")
            chat.expect(r"[\d,]+ credits")
            chat.expect(PROMPT)

            chat.sendline("/quit")
            chat.expect(pexpect.EOF)
        finally:
            chat.close(force=True)
        assert chat.exitstatus == 0

        lexi = Lexi(api_key=api_key, base_url=server.url)
        assert [t["id"] for t in lexi.tasks.list()["tasks"]] == [left_pending]
        [done] = lexi.tasks.list(status="completed")["tasks"]
        assert len(done["result"]["prospects"]) == 50
        titles = sorted(c["title"] for c in lexi.conversations.list())
        assert titles == ["Find me 20 CEOs at law firms in New York", "How many credits do I have?"]
        history = (tmp_path / "history").read_text()
        assert "Find me 20 CEOs at law firms in New York" in history

    def test_end_of_input_leaves_cleanly(self, cli_env) -> None:  # type: ignore[no-untyped-def]
        chat = pexpect.spawn(
            sys.executable, ["-m", "lexi", "chat"], env=cli_env, encoding="utf-8", timeout=60
        )
        chat.expect(PROMPT)
        chat.sendeof()
        chat.expect(pexpect.EOF)
        chat.close()
        assert chat.exitstatus == 0


def _can_trace() -> bool:
    if shutil.which("strace") is None:
        return False
    probe = subprocess.run(["strace", "-o", "/dev/null", "true"], capture_output=True, check=False)
    return probe.returncode == 0


@pytest.mark.skipif(not _can_trace(), reason="needs strace (and permission to trace)")
def ctrl_c_brings_prompts(chat: pexpect.spawn, times: int) -> None:
    """Ctrl-C at the prompt ``times`` times, each bringing a fresh prompt; then /quit exits 0."""
    try:
        chat.expect(PROMPT)
        for _ in range(times):
            chat.sendintr()
            chat.expect(PROMPT, timeout=30)
        chat.sendline("/quit")
        chat.expect(pexpect.EOF)
    finally:
        chat.close(force=True)
    assert chat.exitstatus == 0


class TestCtrlCRightAfterThePrompt:
    """The race behind a once-flaky session test, made to happen every time.

    With readline, ``input()`` writes the prompt, then waits for a key in ``select()``, and acts on
    SIGINT only when that ``select()`` is interrupted. A Ctrl-C that lands between the two (a
    loaded machine deschedules the process right after the prompt is written) used to be
    noticed only at the next key press: the session seemed to ignore it and a script waiting for
    the next prompt waited forever. Here strace holds every ``write()`` for 0.3 s after it has
    completed, so the prompt is on the screen and Ctrl-C is sent while the process has not yet
    reached ``select()``: each Ctrl-C must still bring a fresh prompt.
    """

    def test_each_ctrl_c_brings_a_new_prompt(self, cli_env) -> None:  # type: ignore[no-untyped-def]
        chat = pexpect.spawn(
            "strace",
            [
                "-o",
                "/dev/null",
                "-e",
                "inject=write:delay_exit=300000",
                sys.executable,
                "-m",
                "lexi",
                "chat",
            ],
            env=cli_env,
            encoding="utf-8",
            timeout=60,
        )
        ctrl_c_brings_prompts(chat, 3)


class TestStartedWithCtrlCIgnored:
    """A shell script that starts a job with ``&`` (no job control) hands it SIGINT ignored, and a
    CI runner may start the whole test run that way: every ``lexi chat`` spawned under it then
    inherited the ignored signal and Ctrl-C at its prompt did nothing. This is the other half of
    the once-flaky session test: it failed only in full runs started in the background."""

    def test_ctrl_c_still_brings_a_new_prompt(self, cli_env) -> None:  # type: ignore[no-untyped-def]
        import signal

        chat = pexpect.spawn(
            sys.executable,
            ["-m", "lexi", "chat"],
            env=cli_env,
            encoding="utf-8",
            timeout=60,
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN),
        )
        ctrl_c_brings_prompts(chat, 2)


class TestOneShot:
    def test_json_output_is_the_response_data(self, cli_env) -> None:  # type: ignore[no-untyped-def]
        result = lexi_cli(cli_env, "chat", "How many credits do I have?", "--json")
        assert result.returncode == 0, result.stderr
        data = json.loads(result.stdout)
        assert {"response", "task_id", "requires_approval", "conversation_id"} <= set(data)
        assert f"{data['credits_remaining']:,} credits" in data["response"]

    def test_a_server_error_is_one_line_on_stderr(self, cli_env) -> None:  # type: ignore[no-untyped-def]
        env = {**cli_env, "LEXI_API_KEY": "wbk_not_a_real_key"}
        result = lexi_cli(env, "chat", "hello", "--json")
        assert result.returncode == 1
        assert result.stdout == ""
        assert result.stderr.startswith("error: 401 invalid_key")
        assert len(result.stderr.strip().splitlines()) == 1

    def test_no_key_is_a_usage_error_naming_the_variable(self, cli_env) -> None:  # type: ignore[no-untyped-def]
        env = {k: v for k, v in cli_env.items() if k != "LEXI_API_KEY"}
        result = lexi_cli(env, "chat", "hello")
        assert result.returncode == 2 and "LEXI_API_KEY" in result.stderr


class TestTaskCommands:
    def test_list_dismiss_and_approve(self, cli_env, server, api_key) -> None:  # type: ignore[no-untyped-def]
        lexi = Lexi(api_key=api_key, base_url=server.url)
        keep = lexi.chat_with_lexi(BIG_SEARCH)["task_id"]
        drop = lexi.chat_with_lexi(BIG_SEARCH)["task_id"]

        listed = lexi_cli(cli_env, "tasks", "list")
        assert listed.returncode == 0, listed.stderr
        assert keep in listed.stdout and drop in listed.stdout
        as_json = json.loads(lexi_cli(cli_env, "tasks", "list", "--json").stdout)
        assert {t["id"] for t in as_json["tasks"]} == {keep, drop}

        dismissed = lexi_cli(cli_env, "tasks", "dismiss", drop, "--reason", "duplicate")
        assert dismissed.returncode == 0 and dismissed.stdout.strip() == f"dismissed {drop}"

        approved = lexi_cli(cli_env, "tasks", "approve", keep)
        assert approved.returncode == 0, approved.stderr
        assert approved.stdout.strip() == f"{keep} completed"

        assert "No pending tasks." in lexi_cli(cli_env, "tasks", "list").stdout
        completed = lexi_cli(cli_env, "tasks", "list", "--status", "completed")
        assert keep in completed.stdout
        assert lexi.tasks.get(drop)["status"] == "dismissed"

    def test_approving_a_dismissed_task_fails_with_the_servers_error(  # type: ignore[no-untyped-def]
        self, cli_env, server, api_key
    ) -> None:
        lexi = Lexi(api_key=api_key, base_url=server.url)
        task_id = lexi.chat_with_lexi(BIG_SEARCH)["task_id"]
        lexi.tasks.dismiss(task_id)
        result = lexi_cli(cli_env, "tasks", "approve", task_id)
        assert result.returncode == 1
        assert result.stderr.startswith("error: 400 validation_error")
        assert lexi.tasks.get(task_id)["status"] == "dismissed"


def _person(i: int, signals: list[str]) -> dict[str, object]:
    return {
        "full_name": f"Person {i}",
        "job_title": "Chief Technology Officer",
        "email": f"person{i}@pixelhivetechnologies.com",
        "email_status": "verified",
        "city": "Los Angeles",
        "state": "CA",
        "country": "US",
        "company": {"name": "Pixelhive Technologies"},
        "signals": signals,
    }


class TestWhatATurnPrints:
    """What one turn puts on an 80-to-100-column terminal, without a server."""

    def _printed(self, data: dict[str, object], width: int = 100) -> str:
        from rich.console import Console

        from lexi.cli import chat

        console = Console(width=width, record=True, highlight=False, file=io.StringIO())
        chat.render_actions(console, data.get("actions") or [])  # type: ignore[arg-type]
        return console.export_text()

    def test_a_row_shows_its_first_signal_and_counts_the_rest(self) -> None:
        funding = "Series A, October 2026, led by Cobalt Ventures ($10M; $10.6M raised in total)"
        people = [
            _person(i, [funding, "headcount +50% in 12 months", "new in role"]) for i in range(25)
        ]
        data = {"actions": [{"type": "prospect_search", "total_matches": 126, "prospects": people}]}
        short = [_person(0, ["hiring 1 Paralegal", "headcount +50% in 12 months", "new in role"])]
        wide = self._printed(
            {"actions": [{"type": "prospect_search", "total_matches": 1, "prospects": short}]}, 200
        )
        assert "hiring 1 Paralegal (+2 more signals)" in wide
        text = self._printed(data)
        assert "headcount +50%" not in text
        # Every row fits in a few lines, so 25 people stay readable on a 100-column terminal.
        assert len(text.splitlines()) <= 25 * 6 + 5

    def test_a_list_change_says_how_many_and_the_new_size(self) -> None:
        text = self._printed(
            {
                "actions": [
                    {
                        "type": "list_create",
                        "list_name": "West Coast CTOs",
                        "added": 18,
                        "contact_count": 18,
                    }
                ]
            }
        )
        assert text.strip() == "West Coast CTOs: 18 added · 18 contacts now"

    def test_one_credit_is_singular(self, monkeypatch) -> None:  # type: ignore[no-untyped-def]
        from rich.console import Console

        from lexi.cli import chat

        class Client:
            def chat_with_lexi(self, message: str, context: dict[str, object]) -> dict[str, object]:
                return {
                    "response": "Done.",
                    "actions": [],
                    "credits_used": 1,
                    "credits_remaining": 809,
                }

        console = Console(width=100, record=True, file=io.StringIO())
        chat._turn(console, Client(), "hi", {}, as_json=False)  # type: ignore[arg-type]
        assert "1 credit used · 809 left" in console.export_text()
