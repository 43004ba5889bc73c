"""Write the endpoint table of docs/api.md from the app's OpenAPI document (a test checks it).

python scripts/gen_api_docs.py          # rewrite the table between the markers
python scripts/gen_api_docs.py --check  # exit 1 if the table is stale
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "docs" / "api.md"
START, END = "<!-- endpoints:start -->", "<!-- endpoints:end -->"


def _first_sentence(text: str) -> str:
    paragraph = " ".join(text.split("\n\n")[0].split())
    end = paragraph.find(". ")
    sentence = paragraph if end < 0 else paragraph[: end + 1]
    return sentence.replace("|", "\\|")


def table() -> str:
    from lexi.app import create_app
    from lexi.config import Settings

    spec = create_app(Settings(database_url="sqlite://", run_worker_in_process=False)).openapi()
    rows = ["| method | path | scope | summary |", "|---|---|---|---|"]
    for path, ops in sorted(spec["paths"].items()):
        for method, op in sorted(ops.items()):
            scopes = ", ".join(f"`{s}`" for s in op.get("x-required-scopes", [])) or "none"
            summary = _first_sentence(op.get("description") or op.get("summary") or "")
            rows.append(f"| {method.upper()} | `{path}` | {scopes} | {summary} |")
    return "\n".join(rows)


def render(current: str) -> str:
    block = f"{START}\n{table()}\n{END}"
    if START in current and END in current:
        head, rest = current.split(START, 1)
        _, tail = rest.split(END, 1)
        return head + block + tail
    return (
        current.rstrip("\n")
        + "\n\n## Endpoints\n\nGenerated from the OpenAPI document by `scripts/gen_api_docs.py`.\n\n"
        + block
        + "\n"
    )


def is_current() -> bool:
    current = TARGET.read_text()
    return render(current) == current


def main() -> None:
    if "--check" in sys.argv:
        if not is_current():
            print("docs/api.md is stale: run python scripts/gen_api_docs.py", file=sys.stderr)
            sys.exit(1)
        return
    TARGET.write_text(render(TARGET.read_text()))
    print(f"wrote {TARGET}")


if __name__ == "__main__":
    main()
