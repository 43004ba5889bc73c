"""Recognisers: one small function per intent (or family of intents), each with a priority.

    @recogniser(priority=40)
    def campaign_request(c: Clause) -> Intent | None: ...

The rule interpreter asks the clause recognisers in priority order, lowest first; the first one
that answers wins. ``None`` means "not mine, ask the next one"; ``HANDLED`` means the clause was
read into an intent made earlier in the message ("Find CEOs at law firms. Only in New York.")
and adds none. Whole-message recognisers (``whole_message=True``) see the message before it is
split into clauses ("yes", "approve it") and answer for all of it.

The priority is the meaning of the order: a recogniser that must see a clause before another
says so with a lower number, instead of sitting higher up an if-chain. The built-in recognisers
(``recognisers.py``) register exactly like a new one would.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, TypeVar

from .scanner import extract
from .slots import Slots
from .types import ConversationState, Intent


class Handled(Enum):
    """The answer of a recogniser that read the clause into an earlier intent."""

    HANDLED = "handled"


HANDLED = Handled.HANDLED

Answer = Intent | Handled | None
_F = TypeVar("_F", bound=Callable[..., Answer])


@dataclass
class Running:
    """The search context as it evolves across the clauses of one message."""

    filters: dict[str, Any] | None
    offset: int
    searched: bool = False  # a search intent was produced earlier in this message
    started: dict[str, Any] | None = None  # the search the message started from

    def __post_init__(self) -> None:
        if self.started is None:
            self.started = self.filters


@dataclass
class Clause:
    """One clause of a message, with what a recogniser may read or amend.

    ``intents`` are the message's intents so far (a recogniser may amend the last one);
    ``running`` the search they left behind.
    """

    text: str
    quotes: list[str]
    state: ConversationState
    running: Running
    intents: list[Intent]
    _slots: Slots | None = field(default=None, repr=False)

    @property
    def last(self) -> Intent | None:
        """The intent read just before this clause in the same message, if any."""
        return self.intents[-1] if self.intents else None

    @property
    def slots(self) -> Slots:
        """The search slots of the clause, read once."""
        if self._slots is None:
            self._slots = extract(self.text, self.quotes)
        return self._slots


@dataclass
class Message:
    """A whole message (cleaned), before it is split into clauses."""

    text: str
    state: ConversationState


@dataclass(frozen=True)
class Recogniser:
    name: str
    priority: int
    fn: Callable[[Any], Answer]
    whole_message: bool = False


class RecogniserRegistry:
    def __init__(self) -> None:
        self._all: dict[str, Recogniser] = {}
        self._clause: list[Recogniser] = []
        self._message: list[Recogniser] = []

    def register(self, spec: Recogniser) -> Recogniser:
        if spec.name in self._all:
            raise ValueError(f"recogniser {spec.name!r} is registered already")
        self._all[spec.name] = spec
        # Sorted once here, not per message; equal priorities keep their registration order.
        ordered = sorted(self._all.values(), key=lambda r: r.priority)
        self._clause = [r for r in ordered if not r.whole_message]
        self._message = [r for r in ordered if r.whole_message]
        return spec

    def copy(self) -> RecogniserRegistry:
        """A registry with the same recognisers, to extend without touching this one."""
        out = RecogniserRegistry()
        for spec in self._all.values():
            out.register(spec)
        return out

    def get(self, name: str) -> Recogniser | None:
        return self._all.get(name)

    def clause_recognisers(self) -> list[Recogniser]:
        return list(self._clause)

    def message_recognisers(self) -> list[Recogniser]:
        return list(self._message)

    def read_clause(self, clause: Clause) -> Intent | None:
        """The first answer of the clause recognisers; None when the clause adds no intent."""
        for spec in self._clause:
            found = spec.fn(clause)
            if found is HANDLED:
                return None
            if found is not None:
                return found
        return None

    def read_message(self, message: Message) -> Intent | None:
        """The answer of the first whole-message recogniser that answers, if any."""
        for spec in self._message:
            found = spec.fn(message)
            if isinstance(found, Intent):
                return found
        return None


REGISTRY = RecogniserRegistry()


def recogniser(
    *,
    priority: int,
    whole_message: bool = False,
    name: str | None = None,
    registry: RecogniserRegistry | None = None,
) -> Callable[[_F], _F]:
    """Register a recogniser; its name is the function's unless given."""

    def wrap(fn: _F) -> _F:
        (registry or REGISTRY).register(
            Recogniser(
                name=name or fn.__name__,
                priority=priority,
                fn=fn,
                whole_message=whole_message,
            )
        )
        return fn

    return wrap
