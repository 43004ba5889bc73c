"""The workspace's approval policy: which costly actions Lexi may run without asking.

Stored in ``Workspace.settings["lexi"]``. Modes:

- ``threshold`` (default): a prospect search selecting at most ``auto_approve_max_prospects``
  people runs at once; a larger one becomes a task waiting for approval.
- ``always``: every action that costs credits waits for approval.
- ``never``: nothing waits; large selections still run as background tasks, started at once.

Tools that declare ``requires_approval=True`` (such as starting a campaign) always wait.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from lexi.errors import ValidationFailed
from lexi.prospects.filters import MAX_LIMIT

SETTINGS_KEY = "lexi"
MODES = ("threshold", "always", "never")
DEFAULT_AUTO_APPROVE_MAX = 25


@dataclass(frozen=True)
class ApprovalPolicy:
    approval_mode: str = "threshold"
    auto_approve_max_prospects: int = DEFAULT_AUTO_APPROVE_MAX

    @classmethod
    def from_settings(cls, settings: dict[str, Any] | None) -> ApprovalPolicy:
        raw = (settings or {}).get(SETTINGS_KEY) or {}
        return cls(
            approval_mode=raw.get("approval_mode", "threshold"),
            auto_approve_max_prospects=int(
                raw.get("auto_approve_max_prospects", DEFAULT_AUTO_APPROVE_MAX)
            ),
        )

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def updated(self, changes: dict[str, Any]) -> ApprovalPolicy:
        merged = {**self.to_dict(), **{k: v for k, v in changes.items() if v is not None}}
        if merged["approval_mode"] not in MODES:
            raise ValidationFailed.field("approval_mode", f"One of {', '.join(MODES)}")
        limit = merged["auto_approve_max_prospects"]
        if isinstance(limit, bool) or not isinstance(limit, int) or not 0 <= limit <= MAX_LIMIT:
            raise ValidationFailed.field(
                "auto_approve_max_prospects", f"Must be a whole number from 0 to {MAX_LIMIT}"
            )
        return ApprovalPolicy(**merged)

    def search_needs_approval(self, limit: int) -> bool:
        """Whether a search that would save ``limit`` people must wait for a human (never when it
        would save nobody: there is nothing to approve)."""
        if limit <= 0:
            return False
        if self.approval_mode == "always":
            return True
        if self.approval_mode == "never":
            return False
        return limit > self.auto_approve_max_prospects

    @staticmethod
    def runs_in_background(limit: int) -> bool:
        """Selections above the per-search maximum always run as tasks."""
        return limit > MAX_LIMIT
