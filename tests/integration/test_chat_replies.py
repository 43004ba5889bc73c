"""The reply table: common turns through POST /v1/lexi/chat and the whole reply each one gets.

tests/data/replies.jsonl holds one turn per line: `lists` to create first, `before` (earlier turns
of the same conversation), `context_list` (a list the request is opened from), what the user
`say`s and the exact `reply`. Numbers that depend on the size of the test universe are written
`{total}` (the turn's first action's `total_matches`), `{nearby0}`, `{nearby1}`, ... (the counts of
the near searches an empty search offers); `{task_id}`, `{list_id}` and `{balance}`
stand for the turn's task, list and remaining credits. Any other change of wording fails here.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.helpers.chat import chat, cohorts, ok  # noqa: F401  (cohorts is a fixture)
from tests.integration.test_chat_conversation import firms  # noqa: F401  (a fixture)

ROWS = [
    json.loads(line)
    for line in (Path(__file__).resolve().parents[1] / "data" / "replies.jsonl")
    .read_text(encoding="utf-8")
    .splitlines()
    if line.strip()
]

pytestmark = pytest.mark.usefixtures("firms")


def run_row(client: Any, factory: Any, row: dict[str, Any]) -> dict[str, Any]:
    """Play the row in a fresh workspace; the last turn's response data."""
    ws = factory.workspace(credits=1000)
    headers = factory.headers(ws.id)
    lists = {}
    for name in row.get("lists", []):
        lists[name] = ok(client.post("/v1/lists", json={"name": name}, headers=headers))["id"]
    conv = None
    for text in row.get("before", []):
        body = {"conversation_id": conv} if conv else {}
        conv = ok(chat(client, headers, text, **body))["conversation_id"]
    body: dict[str, Any] = {"conversation_id": conv} if conv else {}
    if row.get("context_list"):
        body["context"] = {"list_id": lists[row["context_list"]]}
    return ok(chat(client, headers, row["say"], **body))


def expected(row: dict[str, Any], data: dict[str, Any]) -> str:
    first = (data.get("actions") or [{}])[0]
    values = {
        "total": f"{int(first.get('total_matches') or 0):,}",
        "task_id": data.get("task_id") or first.get("task_id") or "",
        "list_id": first.get("list_id") or "",
        "balance": f"{data['credits_remaining']:,}",
    }
    for i, offer in enumerate(first.get("nearby") or []):
        values[f"nearby{i}"] = f"{int(offer['count']):,}"
    return str(row["reply"]).format(**values)


def test_the_table_covers_at_least_sixty_turns():
    assert len(ROWS) >= 60
    assert len({r["id"] for r in ROWS}) == len(ROWS)


@pytest.mark.parametrize("row", ROWS, ids=[r["id"] for r in ROWS])
def test_the_reply_is_what_a_person_would_write(client, factory, row):
    data = run_row(client, factory, row)
    assert data["response"] == expected(row, data)
