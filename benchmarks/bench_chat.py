"""Full chat turns over HTTP against a real server (SQLite), side by side with GET /v1/lists.

    python -m lexi prospects generate --people 1000000 --seed 1 --database-url sqlite:////tmp/lexi-chat-1m.db
    python benchmarks/bench_chat.py --database-url sqlite:////tmp/lexi-chat-1m.db [--requests 300] [--concurrency 4]

Each chat scenario is one seed request from the API contract, sent as a complete turn
(understanding, planning, quoting, charging, the search over the universe, saving, persisting the
conversation). The floor is the authenticated GET /v1/lists from the foundation benchmark, run in
the same process against the same server; the table reports each scenario's p50 as a multiple of it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from harness import drive, lexi_server, print_table

FLOOR = "GET /v1/lists"


def seed(client: httpx.Client) -> dict[str, Any]:
    for i in range(20):
        client.post("/v1/lists", json={"name": f"Bench list {i}"}).raise_for_status()
    q1 = client.post("/v1/lists", json={"name": "Q1 Leads"}).json()["data"]["id"]
    first = client.post("/v1/lexi/chat", json={"message": "Find CEOs at law firms"})
    first.raise_for_status()
    return {"list_id": q1, "conversation_id": first.json()["data"]["conversation_id"]}


def _chat(message: str, **extra: Any):  # type: ignore[no-untyped-def]
    def send(c: httpx.Client, i: int, ctx: dict[str, Any]) -> httpx.Response:
        body: dict[str, Any] = {"message": message}
        if extra.get("list"):
            body["context"] = {"list_id": ctx["list_id"]}
        if extra.get("conversation"):
            body["conversation_id"] = ctx["conversation_id"]
        return c.post("/v1/lexi/chat", json=body)

    return send


SCENARIOS = {
    FLOOR: lambda c, i, ctx: c.get("/v1/lists"),
    "chat: 20 CEOs at NY law firms -> list": _chat(
        "Find me 20 CEOs at law firms in New York", list=True
    ),
    "chat: 50 CEOs at CA law firms (task)": _chat("Find 50 CEOs at law firms in California"),
    "chat: CTOs at SaaS 50-200 in CA": _chat(
        "Find CTOs at SaaS companies with 50-200 employees in California"
    ),
    "chat: refine 'Filter to only New York'": _chat("Filter to only New York", conversation=True),
    "chat: how many credits (no search)": _chat("how many credits do I have?"),
}


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--requests", type=int, default=300)
    ap.add_argument("--floor-requests", type=int, default=2000)
    ap.add_argument("--concurrency", type=int, default=4)
    ap.add_argument("--database-url", default=None, help="A database holding the universe.")
    args = ap.parse_args()
    with lexi_server(
        args.database_url, extra_env={"LEXI_RUN_WORKER_IN_PROCESS": "false"}
    ) as server:
        with httpx.Client(
            base_url=server.url, headers={"Authorization": f"Bearer {server.key}"}, timeout=60
        ) as c:
            ctx = seed(c)
        results = []
        for name, fn in SCENARIOS.items():
            results.append(
                drive(
                    name,
                    server,
                    lambda c, i, fn=fn: fn(c, i, ctx),
                    requests=args.floor_requests if name == FLOOR else args.requests,
                    concurrency=args.concurrency,
                )
            )
    print_table(results, baseline=FLOOR)


if __name__ == "__main__":
    main()
