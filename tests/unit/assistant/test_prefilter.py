"""Patterns with a needle check answer exactly as the plain patterns do, only faster."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

import lexi.assistant.understanding  # noqa: F401  (loads every rule module)
from lexi.assistant.understanding import prefilter
from lexi.assistant.understanding.prefilter import Prefiltered, needles

DATA = Path(__file__).resolve().parents[2] / "data"


class TestNeedles:
    @pytest.mark.parametrize(
        ("pattern", "flags", "expected"),
        [
            (r"\bcampaigns?\b", re.I, {"campaign"}),
            (r"\b(?:campaign|sequence|drip)\b", re.I, {"campaign", "sequence", "drip"}),
            (r"\b(?:vp|head)\s+of\s+(?:sales|marketing)\b", 0, {"sales", "marketing"}),
            (r"Series\s+[A-E]", 0, {"series"}),
            (r"\bhir(?:e|es|ed|ing)\b", re.I, {"hire", "hiring"}),
            (r"(?:un)?subscribe", 0, {"subscribe"}),
            (r"\b\d+\s+of\s+them\b", 0, {"them"}),
            (r"(?:new\s+)+hires", 0, {"hires"}),
        ],
    )
    def test_every_match_contains_one(self, pattern: str, flags: int, expected: set[str]) -> None:
        assert needles(pattern, flags) == expected

    @pytest.mark.parametrize(
        "pattern",
        [r"\d+", r"x*", r"(?:campaign|\w+)", r"[a-z]{3,}", r".*", r"(?:abc)?"],
    )
    def test_none_when_a_match_needs_no_word(self, pattern: str) -> None:
        assert needles(pattern) is None

    def test_letters_beyond_ascii_are_no_needles(self) -> None:
        # "É" and "é" match each other; only ASCII is compared in lower case.
        assert needles("caf\u00e9s", re.I) == {"caf"}

    def test_short_needles_leave_the_pattern_as_it_is(self) -> None:
        assert isinstance(prefilter.compile(r"\b(?:in|at)\b"), re.Pattern)
        assert isinstance(prefilter.compile(r"\bcampaign\b"), Prefiltered)


class TestAnswers:
    pattern = prefilter.compile(r"\b(?:campaign|sequence)s?\b", re.I)
    plain = re.compile(r"\b(?:campaign|sequence)s?\b", re.I)

    @pytest.mark.parametrize(
        "text",
        [
            "find CEOs in Texas",
            "start the Campaign and the sequences",
            "CAMPAIGN",
            "",
            "ſequence",  # long s matches "s" case-insensitively; never skipped
            "the İstanbul campaign",
        ],
    )
    def test_same_as_the_plain_pattern(self, text: str) -> None:
        p, q = self.pattern, self.plain
        assert _span(p.search(text)) == _span(q.search(text))
        assert _span(p.match(text)) == _span(q.match(text))
        assert _span(p.fullmatch(text)) == _span(q.fullmatch(text))
        assert [m.span() for m in p.finditer(text)] == [m.span() for m in q.finditer(text)]
        assert p.findall(text) == q.findall(text)
        assert p.sub("X", text) == q.sub("X", text)
        assert p.sub(lambda m: m[0].upper(), text, 1) == q.sub(lambda m: m[0].upper(), text, 1)
        assert p.subn("X", text) == q.subn("X", text)
        assert p.split(text) == q.split(text)
        assert p.pattern == q.pattern and p.flags == q.flags

    def test_odd_case_letters_are_never_skipped(self) -> None:
        assert prefilter.compile(r"\bsales\b", re.I).search("ſales") is not None


def _span(m: re.Match[str] | None) -> tuple[int, int] | None:
    return m.span() if m else None


def _rule_patterns() -> list[tuple[str, Prefiltered]]:
    """Every needle-checked pattern of the rule modules (module-level, in lists and dicts)."""
    found: dict[int, tuple[str, Prefiltered]] = {}
    for name, module in list(sys.modules.items()):
        if not name.startswith("lexi.assistant.understanding"):
            continue
        for attr, value in vars(module).items():
            values = (
                value.values()
                if isinstance(value, dict)
                else value
                if isinstance(value, list | tuple)
                else [value]
            )
            for item in values:
                for v in item if isinstance(item, tuple) else (item,):
                    if isinstance(v, Prefiltered):
                        found[id(v)] = (f"{name}.{attr}", v)
    return sorted(found.values(), key=lambda kv: kv[0])


def _dev_texts() -> list[str]:
    texts = []
    for line in (DATA / "utterances.jsonl").read_text().splitlines():
        if line.strip():
            texts.append(json.loads(line)["text"])
    for line in (DATA / "conversations.jsonl").read_text().splitlines():
        if line.strip():
            texts.extend(turn["text"] for turn in json.loads(line)["turns"])
    return texts


def test_the_rules_use_needle_checks() -> None:
    assert len(_rule_patterns()) >= 30


def test_rule_patterns_answer_as_plain_patterns_on_the_development_set() -> None:
    texts = _dev_texts()
    texts += [t.lower() for t in texts[:300]] + [t.upper() for t in texts[:300]]
    for name, pattern in _rule_patterns():
        for text in texts:
            got = [m.span() for m in pattern.finditer(text)]
            want = [m.span() for m in pattern.regex.finditer(text)]
            assert got == want, (name, text)
