"""The rules against a language model on the labelled development set: the same figures for both.

    python benchmarks/bench_interpreters.py                     # the rules, and LEXI_MODEL if set
    python benchmarks/bench_interpreters.py --model openai:gpt-4o-mini [--base-url URL]
    python benchmarks/bench_interpreters.py --stub              # no model at hand (see below)
    python benchmarks/bench_interpreters.py --limit 100 --json

For each interpreter: intent accuracy, the exact-match rate of the filters object and the share of
lines right in every labelled field (as ``bench_understanding.py`` reports them), how often the
model's answer was not used and why (``invalid_output``, ``timeout``, ``model_error``), the tokens
it used, and wall-clock latency per message. Point it at your own data with ``--data DIR``
(``utterances.jsonl`` and ``conversations.jsonl`` in the format of ``tests/data``).

``--stub`` starts a local server speaking the OpenAI chat-completions protocol that answers each
request with the rules' own interpretation, and runs the model path against it over HTTP: its
accuracy must equal the rules' (anything else is a bug in the model path), and its latency is
what the model path costs on top of a model that answers instantly. It says nothing about any
real model's quality.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from lexi.assistant.understanding import ConversationState, RuleInterpreter
from lexi.assistant.understanding.evaluation import (
    Score,
    accuracy_summary,
    load_jsonl,
    run_conversations,
    run_lines,
)

DATA = Path(__file__).resolve().parents[1] / "tests" / "data"


class Measured:
    """Wraps an interpreter: times each message and collects the model's reports."""

    def __init__(self, inner: Any, on_call: Any = None) -> None:
        self.inner = inner
        self.on_call = on_call
        self.latency_ms: list[float] = []
        self.fallbacks: Counter[str] = Counter()
        self.tokens: Counter[str] = Counter()
        self.model_calls = 0

    def interpret(self, text: str, state: ConversationState) -> Any:
        if self.on_call:
            self.on_call(state)
        start = time.perf_counter()
        result = self.inner.interpret(text, state)
        self.latency_ms.append((time.perf_counter() - start) * 1000)
        report = getattr(result, "report", None)
        if report is not None:
            self.model_calls += report.usage.get("requests", 0) > 0
            if report.fallback:
                self.fallbacks[report.fallback] += 1
            self.tokens.update(report.usage)
        return result


def evaluate(name: str, interpreter: Measured, lines: list, conversations: list) -> dict[str, Any]:
    single = run_lines(lines, interpreter)
    convs = run_conversations(conversations, interpreter)
    both = Score()
    for text, problems in single.failures + convs.failures:
        both.failures.append((text, problems))
    times = sorted(interpreter.latency_ms)
    return {
        "interpreter": name,
        **accuracy_summary(single, convs),
        "model_calls": interpreter.model_calls,
        "fallbacks": dict(interpreter.fallbacks),
        "tokens": dict(interpreter.tokens),
        "latency_ms": {
            "p50": statistics.median(times),
            "p99": times[max(0, int(len(times) * 0.99) - 1)],
            "messages": len(times),
        },
        "failures": [{"text": t, "problems": p} for t, p in both.failures],
    }


def model_interpreter(spec: str, base_url: str | None, timeout: float) -> Any:
    from lexi.assistant.model.config import build_model
    from lexi.assistant.model.interpreter import ModelInterpreter
    from lexi.config import Settings

    settings = Settings(model=spec, model_base_url=base_url, model_timeout_seconds=timeout)
    return ModelInterpreter(build_model(settings), name=spec, timeout_seconds=timeout)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", default=os.environ.get("LEXI_MODEL"))
    parser.add_argument("--base-url", default=os.environ.get("LEXI_MODEL_BASE_URL"))
    parser.add_argument("--timeout", type=float, default=30.0)
    parser.add_argument("--stub", action="store_true", help="A local rules-echo model server.")
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--limit", type=int, default=0, help="Only the first N lines of each set.")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    lines = load_jsonl(args.data / "utterances.jsonl")
    conversations = load_jsonl(args.data / "conversations.jsonl")
    if args.limit:
        lines, conversations = lines[: args.limit], conversations[: max(1, args.limit // 10)]

    rules = RuleInterpreter()
    rules.interpret("Find 20 CEOs at law firms in New York", ConversationState())  # warm up
    results = [evaluate("rules", Measured(rules), lines, conversations)]

    stub = None
    on_call = None
    if args.stub:
        from tests.helpers.models import answer_for
        from tests.helpers.openai_server import OpenAIProtocolServer, Reply, user_message

        current: dict[str, ConversationState] = {}

        def brain(body: dict[str, Any]) -> Reply:
            answer = answer_for(rules.interpret(user_message(body), current["state"]))
            return Reply.tool(body["tools"][0]["function"]["name"], answer)

        stub = OpenAIProtocolServer(brain).__enter__()
        args.model, args.base_url = "openai:rules-echo", stub.url + "/v1"
        os.environ.setdefault("OPENAI_API_KEY", "not-needed")

        def on_call(state: Any) -> None:
            current["state"] = state

    try:
        if args.model:
            model = model_interpreter(args.model, args.base_url, args.timeout)
            label = f"{args.model} (local rules-echo stub)" if args.stub else args.model
            results.append(evaluate(label, Measured(model, on_call), lines, conversations))
    finally:
        if stub is not None:
            stub.__exit__(None, None, None)

    meta = {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
    }
    if args.json:
        print(json.dumps({**meta, "results": results}, indent=2))
        return
    print(f"{meta['date']}  {meta['machine']}")
    for r in results:
        print(
            f"\n{r['interpreter']}: {r['utterances']} utterances, {r['conversation_turns']} turns"
        )
        for part in ("utterances", "conversations"):
            print(
                f"  {part:<14} intent accuracy {r['intent_accuracy'][part]:6.1%}   filters exact "
                f"{r['filters_exact'][part]:6.1%}   all fields {r['lines_fully_right'][part]:6.1%}"
            )
        lat = r["latency_ms"]
        print(f"  latency per message: p50 {lat['p50']:.2f} ms, p99 {lat['p99']:.2f} ms")
        if r["interpreter"] != "rules":
            print(f"  model calls {r['model_calls']}, fallbacks {r['fallbacks'] or 'none'}")
            print(f"  tokens {r['tokens']}")
        for failure in r["failures"][:20]:
            print(f"  MISS {failure['text']!r}: {'; '.join(failure['problems'])}")


if __name__ == "__main__":
    main()
