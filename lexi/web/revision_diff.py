"""The difference between two revisions of a campaign's steps, line by line (pure functions)."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Any


@dataclass
class DiffLine:
    kind: str  # same | added | removed
    text: str


@dataclass
class StepDiff:
    number: int  # 1-based, as the page names the emails
    subject: list[DiffLine] = field(default_factory=list)
    body: list[DiffLine] = field(default_factory=list)
    only_in: str | None = None  # "old" | "new" when the email exists in one revision only

    @property
    def added(self) -> int:
        return sum(1 for line in self.subject + self.body if line.kind == "added")

    @property
    def removed(self) -> int:
        return sum(1 for line in self.subject + self.body if line.kind == "removed")

    @property
    def changed(self) -> bool:
        return bool(self.added or self.removed)


def diff_lines(old: str, new: str) -> list[DiffLine]:
    """``old`` → ``new`` as unchanged, removed and added lines (removed before added)."""
    a, b = (old or "").splitlines(), (new or "").splitlines()
    out: list[DiffLine] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            out.extend(DiffLine("same", line) for line in a[i1:i2])
            continue
        out.extend(DiffLine("removed", line) for line in a[i1:i2])
        out.extend(DiffLine("added", line) for line in b[j1:j2])
    return out


def _by_position(steps: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(steps, key=lambda s: int(s.get("index", 0)))


def diff_steps(old: list[dict[str, Any]], new: list[dict[str, Any]]) -> list[StepDiff]:
    """Each email (by position) of two revisions' step snapshots, compared."""
    a, b = _by_position(old), _by_position(new)
    out: list[StepDiff] = []
    for i in range(max(len(a), len(b))):
        before = a[i] if i < len(a) else {}
        after = b[i] if i < len(b) else {}
        out.append(
            StepDiff(
                number=i + 1,
                subject=diff_lines(before.get("subject", ""), after.get("subject", "")),
                body=diff_lines(before.get("body", ""), after.get("body", "")),
                only_in="new" if not before else "old" if not after else None,
            )
        )
    return out
