"""Start-up time of the operator CLI: wall time of whole ``lexi ...`` processes, and what they import.

    python benchmarks/bench_cli_startup.py [--runs 15] [--json] [--compare /path/to/other/checkout]

Each command runs as a fresh process (``python -m lexi ...``) against a migrated SQLite file in a
temporary directory, the way an operator types it; the first run of each command is a warm-up and
is not counted. It reports the median and the spread of the wall times, and from one extra run with
``python -X importtime`` the cumulative import time of ``lexi.cli`` and whether the server stack
(fastapi, uvicorn, alembic) was imported at all.

Besides wall time it reports each process's CPU time (user + system, from the children's resource
usage). On a machine shared with other work the wall time mostly measures waiting for a core; the
CPU time is close to what the command takes on an idle machine.

``--compare DIR`` also times the same commands with the ``lexi`` package of another checkout (put
first on ``PYTHONPATH``), alternating the two run by run so both see the same machine load, and
reports the ratio of the medians. The database is migrated by this checkout's code, so compare
checkouts whose migrations agree.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

COMMANDS: list[list[str]] = [
    ["--help"],
    ["workspaces", "list"],
    ["credits", "show", "--workspace", "{ws}"],
    ["keys", "list", "--workspace", "{ws}"],
    ["db", "current"],
    # Commands that change data go through the services (the ORM and the models):
    ["credits", "grant", "--workspace", "{ws}", "--amount", "1"],
    ["workspaces", "create", "bench-{n}"],
]
SERVER_STACK = ("fastapi", "uvicorn", "alembic", "starlette")


def with_source(env: dict[str, str], source: str | None) -> dict[str, str]:
    return {**env, "PYTHONPATH": source} if source else env


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one whole ``lexi`` process."""
    cpu, started = _children_cpu(), time.perf_counter()
    lexi(command, env)
    return time.perf_counter() - started, _children_cpu() - cpu


def lexi(args: list[str], env: dict[str, str], *flags: str) -> subprocess.CompletedProcess[str]:
    # Run outside any checkout: `python -m` puts the working directory first on sys.path, which
    # would shadow the checkout named on PYTHONPATH by --compare.
    return subprocess.run(
        [sys.executable, *flags, "-m", "lexi", *args],
        env=env,
        cwd=tempfile.gettempdir(),
        capture_output=True,
        text=True,
        check=False,
    )


def imports(args: list[str], env: dict[str, str]) -> dict[str, object]:
    """Cumulative import time of lexi.cli and the top-level packages it pulled in."""
    err = lexi(args, env, "-X", "importtime").stderr
    cumulative: dict[str, int] = {}
    for line in err.splitlines():
        m = re.match(r"import time:\s+\d+ \|\s+(\d+) \| (\s*)(\S+)", line)
        if m:
            cumulative[m.group(3)] = int(m.group(1))
    top = sorted(
        ((name, us) for name, us in cumulative.items() if "." not in name),
        key=lambda item: -item[1],
    )[:6]
    return {
        "lexi_cli_ms": round(cumulative.get("lexi.cli", 0) / 1000, 1),
        "server_stack": sorted(n for n in SERVER_STACK if n in cumulative),
        "largest": [f"{name} {us / 1000:.0f} ms" for name, us in top],
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--compare", metavar="DIR", help="Another checkout to time alongside.")
    args = parser.parse_args()
    other = str(Path(args.compare).resolve()) if args.compare else None

    tmp = Path(tempfile.mkdtemp(prefix="lexi-bench-cli-"))
    env = {k: v for k, v in os.environ.items() if not k.startswith("LEXI_")}
    env.update(LEXI_DATABASE_URL=f"sqlite:///{tmp}/bench.db", LEXI_DATA_DIR=str(tmp / "data"))
    subprocess.run(
        [sys.executable, "-m", "lexi", "db", "upgrade"], env=env, check=True, capture_output=True
    )
    ws = lexi(["workspaces", "create", "bench", "--credits", "10"], env).stdout.strip()

    rows = []
    for template in COMMANDS:
        command = [part.replace("{ws}", ws).replace("{n}", "x") for part in template]
        assert lexi(command, env).returncode == 0, command  # warm-up (and a sanity check)
        if other:
            lexi(command, with_source(env, other))
        times, other_times = [], []
        for _ in range(args.runs):
            times.append(timed(command, env))
            if other:
                other_times.append(timed(command, with_source(env, other)))
        wall = [w for w, _ in times]
        cpu = [c for _, c in times]
        row: dict[str, object] = {
            "command": "lexi " + " ".join(template),
            "median_s": round(statistics.median(wall), 3),
            "min_s": round(min(wall), 3),
            "max_s": round(max(wall), 3),
            "cpu_median_s": round(statistics.median(cpu), 3),
            **imports(command, env),
        }
        if other:
            other_wall = [w for w, _ in other_times]
            other_cpu = [c for _, c in other_times]
            row["other_median_s"] = round(statistics.median(other_wall), 3)
            row["other_cpu_median_s"] = round(statistics.median(other_cpu), 3)
            row["other_over_this"] = round(
                statistics.median(other_wall) / statistics.median(wall), 2
            )
            row["other_over_this_cpu"] = round(
                statistics.median(other_cpu) / statistics.median(cpu), 2
            )
            row["other_imports"] = imports(command, with_source(env, other))
        rows.append(row)
    baseline, baseline_cpu = [], []
    for _ in range(args.runs):
        cpu, started = _children_cpu(), time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        baseline.append(time.perf_counter() - started)
        baseline_cpu.append(_children_cpu() - cpu)
    report = {
        "benchmark": "cli_startup",
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, "
        f"load average {os.getloadavg()[0]:.1f}",
        "python": platform.python_version(),
        "runs": args.runs,
        "compared_with": other,
        "python_c_pass_median_s": round(statistics.median(baseline), 3),
        "python_c_pass_cpu_median_s": round(statistics.median(baseline_cpu), 3),
        "commands": rows,
    }
    if args.json:
        print(json.dumps(report, indent=2))
        return
    print(
        f"{report['date']} · {report['machine']} · Python {report['python']} · "
        f"{args.runs} runs each; `python -c pass`: {report['python_c_pass_median_s']} s"
    )
    for row in rows:
        print(
            f"{row['command']:<42} median {row['median_s']:.3f} s "
            f"(min {row['min_s']:.3f}, max {row['max_s']:.3f}; CPU {row['cpu_median_s']:.3f} s); "
            "lexi.cli imports "
            f"{row['lexi_cli_ms']} ms; server stack: {', '.join(row['server_stack']) or 'none'}"
            + (
                f"; {other}: median {row['other_median_s']:.3f} s ({row['other_over_this']}x), "
                f"CPU {row['other_cpu_median_s']:.3f} s ({row['other_over_this_cpu']}x)"
                if other
                else ""
            )
        )


if __name__ == "__main__":
    main()
