"""Start-up pays only for what is used: no MCP SDK and no model library until asked for (serving,
a chat turn, drafting and rewriting a campaign)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OPTIONAL = ("mcp", "mcp_types", "pydantic_ai", "openai", "anthropic")

SERVE_AND_CHAT = """
import sys
from fastapi.testclient import TestClient
from lexi.app import create_app
from lexi.config import Settings
from lexi.db.migrate import upgrade
import lexi.cli

url = "sqlite:///" + sys.argv[1]
upgrade(url)
app = create_app(Settings(database_url=url, run_worker_in_process=False))
with TestClient(app) as client:
    assert client.get("/health").status_code == 200
    assert client.post("/v1/lexi/chat", json={"message": "hi"}).status_code == 401
    # Drafting and rewriting a campaign's emails: the built-in writer, no model library.
    from tests.factories import Factory

    factory = Factory(app.state.db)
    auth = factory.headers(factory.workspace().id)
    body = {"name": "Q1", "topic": "legal automation"}
    made = client.post("/v1/campaigns", json=body, headers=auth)
    assert made.status_code == 201, made.text
    cid = made.json()["data"]["id"]
    rewrite = {"instruction": "more casual"}
    done = client.post(f"/v1/campaigns/{cid}/rewrite", json=rewrite, headers=auth)
    assert done.status_code == 200, done.text
    assert done.json()["data"]["written_by"]["writer"] == "template"
print(" ".join(sorted(m for m in sys.modules if m.split(".")[0] in {names})))
"""


def test_serving_chatting_and_drafting_without_mcp_or_a_model_imports_neither(
    tmp_path: Path,
) -> None:
    code = SERVE_AND_CHAT.replace("{names}", repr(set(OPTIONAL)))
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    out = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "lexi.db")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        check=True,
    )
    assert out.stdout.strip() == "", f"imported at start-up: {out.stdout}"
