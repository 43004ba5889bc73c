"""Generator throughput and peak memory: writes a fresh universe and reports people/s.

    python benchmarks/bench_generate.py --people 1000000 --database-url sqlite:////tmp/u1m.db
    python benchmarks/bench_generate.py --people 1000000 \
        --database-url postgresql+psycopg://postgres@127.0.0.1:5432/lexi_bench

The database is migrated first and its universe replaced. Peak memory is the writing process's
maximum resident set size (it includes the interpreter and the gazetteer, about 100 MB), and that
of the process making the rows; CPU seconds (user + system) are given for each, since they are
the fairer comparison on a loaded machine.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from lexi.db.engine import make_engine
from lexi.db.migrate import upgrade
from lexi.db.session import Database
from lexi.prospects.generator import generate


def reindex(url: str) -> None:
    from lexi.prospects import bulk

    db = Database(make_engine(url, pool_size=2))
    started = time.perf_counter()
    with db.engine.begin() as conn:
        bulk.drop_people_indexes(conn)
        bulk.create_people_indexes(conn)
        bulk.finish_load(conn)
    if not db.is_sqlite:
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            bulk.vacuum(conn)
    db.dispose()
    print(json.dumps({"benchmark": "reindex", "seconds": round(time.perf_counter() - started, 1)}))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--people", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--fresh", action="store_true", help="SQLite: delete the file first.")
    parser.add_argument(
        "--reindex-only",
        action="store_true",
        help="Rebuild the people indexes of an existing universe (after an index change) and exit.",
    )
    args = parser.parse_args()
    url = args.database_url
    if args.reindex_only:
        reindex(url)
        return
    if args.fresh and url.startswith("sqlite:///"):
        path = url.removeprefix("sqlite:///")
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(path + suffix):
                os.remove(path + suffix)
    upgrade(url)
    db = Database(make_engine(url, pool_size=2))
    stats = generate(db, args.people, args.seed, replace=True)
    db.dispose()
    writer = resource.getrusage(resource.RUSAGE_SELF)
    rows = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(
        json.dumps(
            {
                "benchmark": "generate",
                "date": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                "machine": f"{platform.machine()} {os.cpu_count()} cpu, Python {platform.python_version()}",
                "database": url.split(":")[0],
                "people": stats.people,
                "companies": stats.companies,
                "titles": stats.titles,
                "seconds": round(stats.seconds, 1),
                "people_per_second": round(stats.people / stats.seconds),
                "peak_rss_mb": round(writer.ru_maxrss / 1024),
                "rows_process_peak_rss_mb": round(rows.ru_maxrss / 1024),
                "cpu_seconds": {
                    "writer": round(writer.ru_utime + writer.ru_stime, 1),
                    "rows_process": round(rows.ru_utime + rows.ru_stime, 1),
                },
            }
        )
    )


if __name__ == "__main__":
    main()
