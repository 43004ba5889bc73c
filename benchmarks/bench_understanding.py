"""Language understanding: quality on the labelled sets, and speed per message in-process.

    python benchmarks/bench_understanding.py [--rounds 20] [--json]
    python benchmarks/bench_understanding.py --data FILE [--data FILE ...] [--json]

Quality: intent accuracy (same intent kinds in the same order), exact-match rate of the whole
filters object, per-slot precision/recall over filter values, and the share of lines right in
every labelled field. Speed: p50/p99 of ``interpret()`` over every line of both sets, after one
warm-up pass (the gazetteer loads once per process; that cold start is reported separately).

``--data FILE`` (repeatable) scores each given file on its own instead of the development set,
quality only: a file may mix single requests and conversations (a line with ``"turns"``). Each
file's intent accuracy, filters exact and fully right are reported for its requests, its
conversation turns and both together, with every miss (how fresh batches are scored before any
rule is changed for them).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from lexi.assistant.understanding import RuleInterpreter
from lexi.assistant.understanding.evaluation import (
    Score,
    accuracy_summary,
    advance,
    labelled,
    load_jsonl,
    next_turn,
    run_conversations,
    run_lines,
    state_from,
)

DATA = Path(__file__).resolve().parents[1] / "tests" / "data"


def _messages(lines, conversations):
    """Every (text, state) pair of both sets, with conversation states as the planner moves them."""
    out = [(line["text"], line.get("state")) for line in lines]
    for conv in conversations:
        state = state_from(conv.get("state"))
        for turn in conv["turns"]:
            next_turn(state, turn.get("context"))
            out.append(
                (turn["text"], {**state.__dict__, "known_list_names": list(state.known_list_names)})
            )
            state = advance(state, labelled(turn["intents"]))
    return out


def _rate(right: int, total: int) -> str:
    return f"{right / total:6.1%} ({right}/{total})" if total else "     - (0/0)"


def _score_file(path: Path, interpreter: RuleInterpreter) -> dict[str, Any]:
    rows = load_jsonl(path)
    lines = [r for r in rows if "turns" not in r]
    conversations = [r for r in rows if "turns" in r]
    single = run_lines(lines, interpreter)
    convs = run_conversations(conversations, interpreter)
    both = Score()
    run_lines(lines, interpreter, both)
    run_conversations(conversations, interpreter, both)
    parts = {}
    for name, s in (("requests", single), ("turns", convs), ("all", both)):
        parts[name] = {
            "lines": s.lines,
            "intents_right": s.intents_right,
            "filters_exact": s.filters_exact,
            "filters_total": s.filters_total,
            "fully_right": s.lines_right,
        }
    return {
        "file": str(path),
        "conversations": len(conversations),
        **parts,
        "failures": [{"text": t, "problems": p} for t, p in both.failures],
    }


def score_files(paths: list[Path], as_json: bool) -> None:
    interpreter = RuleInterpreter()
    results = [_score_file(path, interpreter) for path in paths]
    if as_json:
        print(json.dumps(results, indent=2))
        return
    print(f"{datetime.now(UTC).strftime('%Y-%m-%d %H:%M UTC')}  {platform.python_version()}")
    for res in results:
        print(f"{res['file']}: {res['conversations']} conversations")
        for name in ("requests", "turns", "all"):
            part = res[name]
            if not part["lines"]:
                continue
            print(
                f"  {name:<9} {part['lines']:4d}  intent {_rate(part['intents_right'], part['lines'])}"
                f"  filters exact {_rate(part['filters_exact'], part['filters_total'])}"
                f"  fully right {_rate(part['fully_right'], part['lines'])}"
            )
        for failure in res["failures"]:
            print(f"  MISS {failure['text']!r}: {'; '.join(failure['problems'])}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--json", action="store_true")
    parser.add_argument(
        "--data",
        type=Path,
        action="append",
        help="score this labelled file (repeatable) instead of the development set",
    )
    args = parser.parse_args()
    if args.data:
        score_files(args.data, args.json)
        return

    lines = load_jsonl(DATA / "utterances.jsonl")
    conversations = load_jsonl(DATA / "conversations.jsonl")

    t0 = time.perf_counter()
    interpreter = RuleInterpreter()
    interpreter.interpret("Find 20 CEOs at law firms in New York", state_from(None))
    cold_ms = (time.perf_counter() - t0) * 1000

    single = run_lines(lines, interpreter)
    convs = run_conversations(conversations, interpreter)
    both = Score()
    run_lines(lines, interpreter, both)
    run_conversations(conversations, interpreter, both)

    messages = _messages(lines, conversations)
    # Wall clock is what a caller waits; CPU time of this thread leaves out the time the OS gave
    # to other processes (the benchmark machine is shared), i.e. what the code itself costs.
    timings: list[float] = []
    cpu: list[float] = []
    for _ in range(args.rounds):
        for text, state in messages:
            st = state_from(state)
            start, start_cpu = time.perf_counter(), time.thread_time()
            interpreter.interpret(text, st)
            cpu.append((time.thread_time() - start_cpu) * 1000)
            timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    cpu.sort()
    p50 = statistics.median(timings)
    p99 = timings[int(len(timings) * 0.99) - 1]
    cpu_p50 = statistics.median(cpu)
    cpu_p99 = cpu[int(len(cpu) * 0.99) - 1]

    result = {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        **accuracy_summary(single, convs),
        "slots": {
            k: {"precision": p, "recall": r, "support": n} for k, p, r, n in both.slot_table()
        },
        "latency_ms": {
            "p50": p50,
            "p99": p99,
            "max": timings[-1],
            "messages": len(timings),
            "cpu_p50": cpu_p50,
            "cpu_p99": cpu_p99,
        },
        "cold_start_ms": cold_ms,
        "failures": [{"text": t, "problems": p} for t, p in both.failures],
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(f"{result['date']}  {result['machine']}")
    print(f"utterances: {single.lines}, conversation turns: {convs.lines}")
    for name, s in (("utterances", single), ("conversations", convs)):
        print(
            f"  {name:<14} intent accuracy {s.intent_accuracy:6.1%}   filters exact "
            f"{s.filters_exact_rate:6.1%} ({s.filters_exact}/{s.filters_total})   all fields "
            f"{s.line_accuracy:6.1%}"
        )
    print("  slot                precision  recall  support")
    for key, p, r, n in both.slot_table():
        print(f"  {key:<18} {p:9.1%} {r:7.1%} {n:8d}")
    print(
        f"latency per message (wall): p50 {p50:.3f} ms, p99 {p99:.3f} ms, max {timings[-1]:.3f} ms "
        f"({len(timings)} calls)"
    )
    print(
        f"latency per message (thread CPU): p50 {cpu_p50:.3f} ms, p99 {cpu_p99:.3f} ms; "
        f"cold start incl. gazetteer load {cold_ms:.0f} ms"
    )
    for text, problems in both.failures:
        print(f"  MISS {text!r}: {'; '.join(problems)}")


if __name__ == "__main__":
    main()
