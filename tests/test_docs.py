"""The documentation cannot drift from the code it describes.

(Every ``LEXI_`` setting in docs/configuration.md and every error code in docs/api.md are checked
in tests/test_conventions.py. The README's Python example runs against a real server in
tests/e2e/test_sdk.py.)
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType

from lexi.client._resources import RESOURCES

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text()


def _gen_cli_docs() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gen_cli_docs", ROOT / "scripts/gen_cli_docs.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _fenced_blocks(text: str) -> list[tuple[int, str, str]]:
    """(line number, language, body) of each fenced code block."""
    return [
        (text[: m.start()].count("\n") + 1, m.group(1), m.group(2))
        for m in re.finditer(r"^```(\w*)\n(.*?)^```", text, re.MULTILINE | re.DOTALL)
    ]


def _setup_commands() -> list[str]:
    _, _, body = _fenced_blocks(README)[0]
    return [line for line in body.splitlines() if line.strip() and not line.startswith("#")]


class TestCliReference:
    def test_docs_cli_md_is_what_the_generator_writes_now(self) -> None:
        gen = _gen_cli_docs()
        assert gen.is_current(), "docs/cli.md is stale: run python scripts/gen_cli_docs.py"

    def test_it_covers_every_command(self) -> None:
        text = (ROOT / "docs/cli.md").read_text()
        for command in ("lexi chat", "lexi demo", "lexi tasks approve", "lexi serve"):
            assert f"## `{command}`" in text


class TestReadmeStartsWithTheTwoSetUpCommands:
    def test_the_first_code_block_comes_first_and_holds_exactly_two_commands(self) -> None:
        line, language, _ = _fenced_blocks(README)[0]
        assert line <= 12 and language == "bash"
        demo, tests = _setup_commands()
        assert demo.startswith("python3 -m venv .venv") and demo.endswith("lexi demo")
        assert tests.startswith("python3 -m venv .venv") and tests.endswith("python -m pytest")

    def test_ci_runs_the_readme_test_command_verbatim(self) -> None:
        _, tests = _setup_commands()
        ci = (ROOT / ".ci/run").read_text().splitlines()
        assert tests in ci

    def test_the_quickstart_uses_the_same_demo_command(self) -> None:
        demo, _ = _setup_commands()
        assert demo in (ROOT / "docs/quickstart.md").read_text()


class TestTheDemoUniverseIsDescribedAsGenerated:
    """README and quickstart say how many companies the demo's 500,000 people work at; the
    figure is the one docs/universe.md prints from `lexi prospects stats` (to within 5%)."""

    def test_the_company_count_matches_the_universe_page(self) -> None:
        stats = (ROOT / "docs/universe.md").read_text()
        generated = int(re.search(r"500,000 people, ([\d,]+) companies", stats)[1].replace(",", ""))
        for text in (README, (ROOT / "docs/quickstart.md").read_text()):
            said = re.search(
                r"500,000 people at (?:about )?([\d,]+) (?:realistic )?companies", text
            )
            assert said, "the company count is gone"
            assert abs(int(said[1].replace(",", "")) - generated) <= generated * 0.05, said[0]


class TestSdkReference:
    def test_every_namespace_and_method_is_in_the_sdk_page(self) -> None:
        text = (ROOT / "docs/sdk.md").read_text()
        rows = {
            m.group(1): m.group(2)
            for m in re.finditer(r"^\|\s*`client\.(\w+)`\s*\|(.*)\|\s*$", text, re.MULTILINE)
        }
        assert set(rows) == set(RESOURCES)
        for name, cls in RESOURCES.items():
            methods = [m for m in vars(cls) if not m.startswith("_") and callable(vars(cls)[m])]
            missing = [m for m in methods if f"`{m}" not in rows[name]]
            assert missing == [], f"document client.{name}: {missing}"


def test_the_endpoint_table_in_api_docs_is_current():
    """docs/api.md's endpoint table is generated from the OpenAPI document; regenerate it with
    `python scripts/gen_api_docs.py` after adding or changing an endpoint."""
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "scripts" / "gen_api_docs.py"
    spec = importlib.util.spec_from_file_location("gen_api_docs", path)
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    assert module.is_current(), "docs/api.md is stale: run python scripts/gen_api_docs.py"


class TestDevelopmentGuide:
    def test_it_documents_the_gates_ci_runs_before_the_tests(self) -> None:
        gates = (ROOT / ".ci/gates").read_text()
        guide = (ROOT / "docs/development.md").read_text()
        for command in (
            "ruff check lexi tests benchmarks scripts",
            "ruff format --check lexi tests benchmarks scripts",
            "mypy",
            "python scripts/conformance.py",
        ):
            assert command in gates, command
            assert f"`{command}`" in guide, command
        run = (ROOT / ".ci/run").read_text()
        assert run.index(".ci/gates") < run.index("python -m pytest")
