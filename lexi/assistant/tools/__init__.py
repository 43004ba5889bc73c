"""The assistant's tools. Importing this package registers the built-in ones."""

from lexi.assistant.tools import (  # noqa: F401  (registers tools)
    account,
    approvals,
    campaigns,
    housekeeping,
    lists,
    prospecting,
)
from lexi.assistant.tools.registry import REGISTRY, Action, ToolRegistry, ToolSpec, tool

__all__ = ["REGISTRY", "Action", "ToolRegistry", "ToolSpec", "tool"]
