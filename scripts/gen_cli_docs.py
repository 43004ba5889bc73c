"""Write docs/cli.md from the CLI's own --help output (a test checks it is current).

python scripts/gen_cli_docs.py          # rewrite docs/cli.md
python scripts/gen_cli_docs.py --check  # exit 1 if docs/cli.md is stale
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import typer
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "docs" / "cli.md"


def _commands(cmd: Any, path: list[str]) -> list[list[str]]:
    out = [path]
    # Typer vendors its own click, so groups are recognised by their sub-commands.
    if isinstance(getattr(cmd, "commands", None), dict):
        for name in sorted(cmd.commands):
            out.extend(_commands(cmd.commands[name], [*path, name]))
    return out


def render() -> str:
    from lexi.cli import app

    root = typer.main.get_command(app)
    runner = CliRunner()
    parts = [
        "# CLI reference",
        "",
        "Generated from `lexi --help` by `scripts/gen_cli_docs.py`; `tests/test_docs.py` fails when it",
        "is stale. Run `python scripts/gen_cli_docs.py` after changing a command.",
        "",
    ]
    for path in _commands(root, []):
        result = runner.invoke(
            app,
            [*path, "--help"],
            env={"COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb"},
            color=False,
            prog_name="lexi",
        )
        title = " ".join(["lexi", *path])
        body = "\n".join(line.rstrip() for line in result.output.strip("\n").splitlines())
        parts += [f"## `{title}`", "", "```text", body, "```", ""]
    return "\n".join(parts)


def is_current() -> bool:
    """True when docs/cli.md holds exactly what ``render()`` produces now."""
    return TARGET.exists() and TARGET.read_text() == render()


def main() -> None:
    if "--check" in sys.argv:
        if not is_current():
            print("docs/cli.md is stale: run python scripts/gen_cli_docs.py", file=sys.stderr)
            sys.exit(1)
        return
    text = render()
    TARGET.parent.mkdir(exist_ok=True)
    TARGET.write_text(text)
    print(f"wrote {TARGET}")


if __name__ == "__main__":
    main()
