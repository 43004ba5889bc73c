"""The built-in writer against a language model on the drafting grid (30 topics x 5 audiences).

    python benchmarks/bench_writer.py                  # the built-in writer, and LEXI_MODEL if set
    python benchmarks/bench_writer.py --model openai:gpt-4o-mini [--base-url URL]
    python benchmarks/bench_writer.py --stub           # no model at hand (see below)
    python benchmarks/bench_writer.py --limit 30 --json

For each writer: how many sequences were drafted, how many the model's emails were kept for, how
often they were not and why (``invented_fact``, ``too_long``, ``timeout``, ...), the problems the
checks found, the tokens used, and wall-clock time per sequence. For the built-in writer it also
runs the model writer's checks on its own drafts: any failure there is a false alarm of the checks.

``--stub`` starts a local server speaking the OpenAI chat-completions protocol and runs the model
path against it over HTTP twice: once answering with the built-in writer's own draft (every
sequence must be kept: what the model path costs on top of a model that answers at once), and
once answering with that draft spoiled in one of several ways (an invented company, person, place,
figure or link, an unknown merge variable, a placeholder, a spam phrase, an over-long body), each
of which must be caught (the checks' catch rate), except a claim in ordinary lower-case words, the
checks' known blind spot, shown for honesty. It says nothing about any real model's quality.
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

from lexi.campaigns.checks import check_emails
from lexi.campaigns.drafting import Audience, TemplateWriter, Written, draft_sequence
from tests.unit.campaigns.test_drafting import AUDIENCES, TONES, TOPICS

# Ways a model's draft can be wrong, each applied to the opening email's body (kind, change).
SPOILERS: list[tuple[str, str]] = [
    ("invented company", "We already work with Baker McKenzie on this."),
    ("invented person", "Sarah on your team said this was a priority."),
    ("invented place", "Firms across Boston are moving fast on this."),
    ("invented figure", "Teams cut the work by 37% in the first month."),
    ("invented link", "See lexi-demo.io for a short tour."),
    ("unknown variable", "I saw {{company_size}} people work with you."),
    ("placeholder", "I am [Your Name] from [Company]."),
    ("spam phrase", "Act now: this is a limited time offer."),
    ("too long", "This matters because the work adds up over time. " * 14),
    # A known blind spot (docs/models.md): a claim in ordinary lower-case words.
    ("lower-case claim (not checked)", "We have helped hundreds of firms like yours."),
]


def grid(limit: int) -> list[tuple[str, Audience, str]]:
    cells = [
        (topic, audience, TONES[i % len(TONES)])
        for i, (topic, audience) in enumerate((t, a) for t in TOPICS for a in AUDIENCES)
    ]
    return cells[:limit] if limit else cells


def spoil(emails: list[dict[str, str]], n: int) -> tuple[str, list[dict[str, str]]]:
    kind, line = SPOILERS[n % len(SPOILERS)]
    out = [dict(e) for e in emails]
    paragraphs = out[0]["body"].split("\n\n")
    paragraphs.insert(max(1, len(paragraphs) - 2), line)
    out[0]["body"] = "\n\n".join(paragraphs)
    return kind, out


def run(name: str, writer: Any, cells: list[tuple[str, Audience, str]], data: str) -> dict:
    times: list[float] = []
    kept, fallbacks, tokens, problems = 0, Counter[str](), Counter[str](), Counter[str]()
    false_alarms: list[str] = []
    check_ms: list[float] = []
    for topic, audience, tone in cells:
        start = time.perf_counter()
        written: Written = draft_sequence(writer, topic, audience, tone, data=data)
        times.append((time.perf_counter() - start) * 1000)
        kept += written.writer == "model"
        if written.fallback:
            fallbacks[written.fallback] += 1
        tokens.update(written.usage)
        for p in written.problems:
            problems[p.split(": ")[1]] += 1
        if name == "built-in":
            start = time.perf_counter()
            found = check_emails(
                written.steps, [topic, tone, *audience.titles, *audience.industries]
            )
            check_ms.append((time.perf_counter() - start) * 1000)
            false_alarms += [f"{topic} / {audience.industries[:1]}: {p}" for p in found]
    times.sort()
    return {
        "writer": name,
        "sequences": len(cells),
        "model_kept": kept,
        "fallbacks": dict(fallbacks),
        "problems": dict(problems),
        "tokens": dict(tokens),
        "false_alarms": false_alarms,
        "check_ms_p50": statistics.median(check_ms) if check_ms else None,
        "ms_per_sequence": {
            "p50": statistics.median(times),
            "p99": times[max(0, int(len(times) * 0.99) - 1)],
        },
    }


def model_writer(spec: str, base_url: str | None, timeout: float) -> Any:
    from lexi.assistant.model.writer import build_writer
    from lexi.config import Settings

    settings = Settings(model=spec, model_base_url=base_url, model_writer_timeout_seconds=timeout)
    return build_writer(settings)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", default=os.environ.get("LEXI_MODEL"))
    parser.add_argument("--base-url", default=os.environ.get("LEXI_MODEL_BASE_URL"))
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("--stub", action="store_true", help="A local echo / spoiler server.")
    parser.add_argument(
        "--data", default="message", help="The data policy: message | message_and_contacts."
    )
    parser.add_argument("--limit", type=int, default=0, help="Only the first N grid cells.")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    cells = grid(args.limit)
    results = [run("built-in", TemplateWriter(), cells, args.data)]

    if args.stub:
        from tests.helpers.openai_server import OpenAIProtocolServer, Reply

        built_in = TemplateWriter()
        mode = {"spoil": False, "n": 0}
        spoiled: Counter[str] = Counter()

        def brain(body: dict[str, Any]) -> Reply:
            user = next(m["content"] for m in body["messages"] if m.get("role") == "user")
            request = json.loads(user.split("<request>", 1)[1].split("</request>", 1)[0])
            audience = Audience()
            if "<audience>" in user:
                shown = json.loads(user.split("<audience>", 1)[1].split("</audience>", 1)[0])
                audience = Audience(tuple(shown["job_titles"]), tuple(shown["industries"]))
            steps = built_in.draft(request["topic"], audience, request["tone"])
            emails = [{"subject": s.subject, "body": s.body} for s in steps]
            if mode["spoil"]:
                kind, emails = spoil(emails, mode["n"])
                if len(body["messages"]) <= 2:  # first attempt (a retry repeats the same fault)
                    spoiled[kind] += 1
            return Reply.tool(body["tools"][0]["function"]["name"], {"emails": emails})

        os.environ.setdefault("OPENAI_API_KEY", "not-needed")
        with OpenAIProtocolServer(brain) as stub:
            writer = model_writer("openai:writer-stub", stub.url + "/v1", args.timeout)
            results.append(run("model path, echo stub", writer, cells, args.data))
            mode["spoil"] = True
            caught: Counter[str] = Counter()
            times = []
            for n, (topic, audience, tone) in enumerate(cells):
                mode["n"] = n
                start = time.perf_counter()
                written = draft_sequence(writer, topic, audience, tone, data=args.data)
                times.append((time.perf_counter() - start) * 1000)
                kind = SPOILERS[n % len(SPOILERS)][0]
                caught[kind] += written.writer == "template"
            results.append(
                {
                    "writer": "model path, spoiler stub",
                    "sequences": len(cells),
                    "caught": {k: f"{caught[k]}/{spoiled[k]}" for k in spoiled},
                    "ms_per_sequence": {"p50": statistics.median(sorted(times))},
                }
            )
    elif args.model:
        writer = model_writer(args.model, args.base_url, args.timeout)
        results.append(run(args.model, writer, cells, args.data))

    meta = {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "load": os.getloadavg()[0],
    }
    if args.json:
        print(json.dumps({**meta, "results": results}, indent=2))
        return
    print(f"{meta['date']}  {meta['machine']}  load {meta['load']:.1f}")
    for r in results:
        print(f"\n{r['writer']}: {r['sequences']} sequences")
        ms = r["ms_per_sequence"]
        print(
            f"  ms per sequence: p50 {ms['p50']:.1f}"
            + (f", p99 {ms['p99']:.1f}" if "p99" in ms else "")
        )
        if "caught" in r:
            print(f"  spoiled drafts caught: {r['caught']}")
            continue
        if r["writer"] == "built-in":
            print(
                f"  false alarms of the checks on its drafts: {len(r['false_alarms'])} "
                f"(checks: p50 {r['check_ms_p50']:.1f} ms a sequence)"
            )
            for alarm in r["false_alarms"][:20]:
                print(f"    {alarm}")
        else:
            print(f"  model's emails kept {r['model_kept']}, fallbacks {r['fallbacks'] or 'none'}")
            print(f"  problems {r['problems'] or 'none'}; tokens {r['tokens']}")


if __name__ == "__main__":
    main()
