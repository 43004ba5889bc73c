"""Requests/s and p50/p99 latency of API endpoints against a real server process (SQLite).

    python benchmarks/bench_api.py [--requests 2000] [--concurrency 8] [--database-url URL]

Scenarios are a table below; later features add their endpoints to SCENARIOS. The floor is an
authenticated GET /v1/lists (auth + rate limiting + one indexed query + serialisation).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from harness import drive, lexi_server, print_table


def seed(client: httpx.Client) -> dict[str, str]:
    ids = {}
    for i in range(20):
        r = client.post("/v1/lists", json={"name": f"Bench list {i}", "description": "bench"})
        r.raise_for_status()
        ids.setdefault("list_id", r.json()["data"]["id"])
    return ids


SCENARIOS = {
    "GET /v1/lists": lambda c, i, ctx: c.get("/v1/lists"),
    "GET /v1/credits": lambda c, i, ctx: c.get("/v1/credits"),
    "GET /v1/lists/{id}": lambda c, i, ctx: c.get(f"/v1/lists/{ctx['list_id']}"),
}


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--requests", type=int, default=2000)
    ap.add_argument("--concurrency", type=int, default=8)
    ap.add_argument("--database-url", default=None)
    ap.add_argument("--only", action="append", help="Run only these scenarios (repeatable).")
    args = ap.parse_args()
    with lexi_server(args.database_url) as server:
        with httpx.Client(
            base_url=server.url, headers={"Authorization": f"Bearer {server.key}"}
        ) as c:
            ctx = seed(c)
        results = []
        for name, fn in SCENARIOS.items():
            if args.only and name not in args.only:
                continue
            results.append(
                drive(
                    name,
                    server,
                    lambda c, i, fn=fn: fn(c, i, ctx),
                    requests=args.requests,
                    concurrency=args.concurrency,
                )
            )
    print_table(results, baseline="GET /v1/lists")


if __name__ == "__main__":
    main()
