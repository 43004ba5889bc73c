"""Clarifying questions: understanding names what is missing; ``phrases.QUESTIONS`` words it."""

from __future__ import annotations

from .types import Intent, IntentKind


def clarify(missing: str) -> Intent:
    """A clarifying question about what is missing (its code is the missing thing)."""
    return Intent(kind=IntentKind.clarify, missing=[missing], question=missing)
