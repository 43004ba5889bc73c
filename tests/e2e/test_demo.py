"""``lexi demo``: from nothing to a running server and three commands to paste.

A newcomer runs ``lexi demo`` in an empty directory. It migrates a SQLite file in the per-user data
directory (here ``LEXI_DATA_DIR``), generates a small prospect universe, creates the demo workspace
and a key (kept in the data directory, readable by its owner only), and prints exactly three
one-line commands: curl, Python and ``lexi chat``. Nothing is written into the working directory.
Running it again reuses the data and the key. Started as a server, it prints the commands only
once the server answers, so the printed curl works the moment it appears.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pexpect
import pytest

from tests.helpers.server import free_port

PEOPLE = "2000"
COMMAND_LINE = re.compile(r"^  (\d)\. (.+)\n     (.+)$", re.MULTILINE)


def clean_env(data_dir: Path | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LEXI_")}
    env.update(LEXI_LOG_LEVEL="WARNING", NO_COLOR="1", COLUMNS="200")
    if data_dir is not None:
        env["LEXI_DATA_DIR"] = str(data_dir)
    return env


def demo(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``lexi demo`` run in ``cwd/work`` with its data directory at ``cwd/data``."""
    (cwd / "work").mkdir(exist_ok=True)
    return subprocess.run(
        [sys.executable, "-m", "lexi", "demo", "--people", PEOPLE, *args],
        cwd=cwd / "work",
        env=clean_env(cwd / "data"),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def printed_commands(output: str) -> dict[str, str]:
    found = COMMAND_LINE.findall(output)
    assert [n for n, _, _ in found] == ["1", "2", "3"], output
    return {label: command for _, label, command in found}


def printed_key(output: str) -> str:
    [key] = set(re.findall(r"wbk_[A-Za-z0-9]+", output.split("Paste one of")[0]))
    return key


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("demo")


@pytest.fixture(scope="module")
def first_run(demo_dir: Path) -> subprocess.CompletedProcess[str]:
    return demo(demo_dir, "--no-serve")


class TestSetUpOnce:
    def test_first_run_generates_data_and_prints_a_key_and_three_commands(  # type: ignore[no-untyped-def]
        self, demo_dir, first_run
    ) -> None:
        assert first_run.returncode == 0, first_run.stderr
        assert "Generated 2,000 people" in first_run.stdout
        key = printed_key(first_run.stdout)
        assert (demo_dir / "data" / "lexi.db").exists()
        key_file = demo_dir / "data" / "demo-key"
        assert key_file.read_text().strip() == key
        assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
        assert f"saved in {key_file}" in first_run.stdout
        assert list((demo_dir / "work").iterdir()) == []  # nothing in the working directory
        commands = printed_commands(first_run.stdout)
        assert list(commands) == ["curl", "Python", "Terminal chat"]
        assert all(key in command for command in commands.values())
        assert commands["curl"].startswith("curl ")
        assert " -c " in commands["Python"] and commands["Terminal chat"].endswith(" chat")

    def test_second_run_reuses_the_data_and_the_key(self, demo_dir, first_run) -> None:  # type: ignore[no-untyped-def]
        size = (demo_dir / "data" / "lexi.db").stat().st_size
        again = demo(demo_dir, "--no-serve")
        assert again.returncode == 0, again.stderr
        assert "Generating" not in again.stdout
        assert "Prospect universe: 2,000 people (reused)." in again.stdout
        assert printed_key(again.stdout) == printed_key(first_run.stdout)
        assert (demo_dir / "data" / "lexi.db").stat().st_size == size

    def test_a_key_file_others_could_read_is_rewritten_owner_only(  # type: ignore[no-untyped-def]
        self, demo_dir, first_run
    ) -> None:
        key_file = demo_dir / "data" / "demo-key"
        key_file.write_text("wbk_not_a_valid_key\n")
        key_file.chmod(0o644)
        again = demo(demo_dir, "--no-serve")
        assert again.returncode == 0, again.stderr
        assert key_file.read_text().strip() == printed_key(again.stdout) != "wbk_not_a_valid_key"
        assert stat.S_IMODE(key_file.stat().st_mode) == 0o600


@pytest.mark.postgres
class TestOnPostgres:
    def test_the_demo_sets_up_on_postgresql_and_keeps_its_key_in_the_data_directory(  # type: ignore[no-untyped-def]
        self, migrated, universe, tmp_path
    ) -> None:
        # `universe` first: the test database's people come from the session fixture, and the
        # demo must find and reuse them rather than generate its own.
        first = demo(tmp_path, "--no-serve", "--database-url", migrated)
        assert first.returncode == 0, first.stderr
        assert "(reused)" in first.stdout and "Generating" not in first.stdout
        key = printed_key(first.stdout)
        assert (tmp_path / "data" / "demo-key").read_text().strip() == key
        assert list((tmp_path / "work").iterdir()) == []
        again = demo(tmp_path, "--no-serve", "--database-url", migrated)
        assert again.returncode == 0, again.stderr
        assert "(reused)" in again.stdout and printed_key(again.stdout) == key


BANNER_END = re.compile(r"^  3\. Terminal chat\n     .+\n", re.MULTILINE)


@pytest.fixture(scope="module")
def serving(
    demo_dir: Path, first_run
) -> Iterator[tuple[str, str, subprocess.CompletedProcess[str] | httpx.Response]]:  # type: ignore[no-untyped-def]
    """``lexi demo`` started as a process on a free port. The fixture watches its output only, never
    the server: the moment the banner's last command is printed it runs the printed curl (in a
    shell when curl is installed), and yields (base url, the output, that first answer)."""
    port = free_port()
    log = demo_dir / "demo.out"
    with open(log, "w") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "lexi", "demo", "--people", PEOPLE, "--port", str(port)],
            cwd=demo_dir / "work",
            env=clean_env(demo_dir / "data"),
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 180
        while not BANNER_END.search(log.read_text()):
            assert proc.poll() is None, log.read_text()
            if time.monotonic() > deadline:
                pytest.fail(f"lexi demo printed no banner:\n{log.read_text()}")
            time.sleep(0.02)
        output = log.read_text()
        curl = printed_commands(output)["curl"]
        first: subprocess.CompletedProcess[str] | httpx.Response
        if shutil.which("curl"):
            first = subprocess.run(
                ["bash", "-c", curl], capture_output=True, text=True, timeout=60, check=False
            )
        else:
            url, headers, body = curl_request(curl)
            first = httpx.post(url, headers=headers, content=body, timeout=60)
        yield base, output, first
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)


def curl_request(command: str) -> tuple[str, dict[str, str], str]:
    """The URL, headers and body of a printed ``curl -s URL -H ... -d ...`` line."""
    words = shlex.split(command)
    assert words[:2] == ["curl", "-s"]
    url, headers, body = words[2], {}, ""
    rest = iter(words[3:])
    for flag in rest:
        value = next(rest)
        if flag == "-H":
            name, _, val = value.partition(":")
            headers[name.strip()] = val.strip()
        elif flag == "-d":
            body = value
        else:
            raise AssertionError(f"unexpected curl flag {flag}")
    return url, headers, body


class TestTheServedDemo:
    def test_the_printed_curl_works_the_instant_the_banner_appears(self, serving) -> None:  # type: ignore[no-untyped-def]
        _, output, first = serving
        assert output.index("Starting the server") < output.index("Lexi is ready: serving on")
        if isinstance(first, httpx.Response):
            assert first.status_code == 200, first.text
            body = first.text
        else:
            assert first.returncode == 0, first.stderr
            body = first.stdout
        assert '"conversation_id"' in body and '"response"' in body

    def test_the_curl_example_gets_a_200_chat_reply(self, serving) -> None:  # type: ignore[no-untyped-def]
        base, output, _ = serving
        url, headers, body = curl_request(printed_commands(output)["curl"])
        assert url == base + "/v1/lexi/chat"
        response = httpx.post(url, headers=headers, content=body, timeout=60)
        assert response.status_code == 200, response.text
        data = response.json()["data"]
        assert data["response"] and data["conversation_id"]

    @pytest.mark.skipif(shutil.which("curl") is None, reason="curl is not installed")
    def test_the_curl_example_runs_verbatim_in_a_shell(self, serving) -> None:  # type: ignore[no-untyped-def]
        _, output, _ = serving
        result = subprocess.run(
            ["bash", "-c", printed_commands(output)["curl"]],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert result.returncode == 0 and '"conversation_id"' in result.stdout

    def test_the_python_example_prints_lexis_reply(self, serving) -> None:  # type: ignore[no-untyped-def]
        _, output, _ = serving
        result = subprocess.run(
            ["bash", "-c", printed_commands(output)["Python"]],
            env=clean_env(),
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        assert "CEOs" in result.stdout

    def test_the_chat_example_opens_a_session(self, serving, demo_dir) -> None:  # type: ignore[no-untyped-def]
        _, output, _ = serving
        chat = pexpect.spawn(
            "bash",
            ["-c", printed_commands(output)["Terminal chat"]],
            env={**clean_env(), "LEXI_HISTORY_FILE": str(demo_dir / "history")},
            encoding="utf-8",
            timeout=60,
        )
        try:
            chat.expect("you> ")
            chat.sendline("How many credits do I have?")
            chat.expect(r"[\d,]+ credits")
            chat.expect("you> ")
            chat.sendline("/quit")
            chat.expect(pexpect.EOF)
        finally:
            chat.close(force=True)
        assert chat.exitstatus == 0


SIGN_IN_LINE = re.compile(
    r"^Open (http://\S+)/ in a browser and sign in as (\S+) with the password (\S+)$", re.M
)


class TestTheWebApp:
    def test_the_printed_url_and_user_sign_in_and_chat(self, serving, first_run) -> None:  # type: ignore[no-untyped-def]
        base, output, _ = serving
        url, email, password = SIGN_IN_LINE.search(output).groups()  # type: ignore[union-attr]
        assert url == base and email == "demo@example.com"
        # The same user and password on every run.
        assert SIGN_IN_LINE.search(first_run.stdout).groups()[1:] == (email, password)  # type: ignore[union-attr]
        with httpx.Client(base_url=base, timeout=60, follow_redirects=True) as web:
            login = web.get("/login").text
            token = re.search(r'name="csrf_token" value="([^"]+)"', login).group(1)  # type: ignore[union-attr]
            r = web.post("/login", data={"email": email, "password": password, "csrf_token": token})
            assert r.status_code == 200 and "Ask Lexi for prospects" in r.text
            csrf = re.search(r'name="csrf-token" content="([^"]+)"', r.text).group(1)  # type: ignore[union-attr]
            r = web.post(
                "/chat/send",
                data={"csrf_token": csrf, "message": "Find me 20 CEOs at law firms in New York"},
                follow_redirects=True,
            )
            assert (
                r.status_code == 200
                and 'class="search"' in r.text
                and "Title:</span> CEO" in r.text
            )
