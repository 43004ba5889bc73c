"""A real SMTP server on loopback (aiosmtpd) that keeps what it receives.

with SmtpSink(refuse={"bounce@example.com"}) as sink:
    sink.url              # smtp://127.0.0.1:<port>
    sink.messages         # parsed email.message.EmailMessage objects, in arrival order

``on_rcpt(n, address)`` is called with the running count of accepted recipients before each
is answered (a test can stop the sending process right there, before the message is sent).
"""

from __future__ import annotations

import email
import email.policy
import threading
from collections.abc import Callable
from email.message import EmailMessage
from typing import Any, Self

from aiosmtpd.controller import Controller

from tests.helpers.server import free_port


class _Handler:
    def __init__(self, sink: SmtpSink) -> None:
        self.sink = sink

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, options: Any
    ) -> str:
        if address.lower() in self.sink.refuse:
            return "550 5.1.1 No such user here"
        envelope.rcpt_tos.append(address)
        with self.sink.lock:
            self.sink.rcpts += 1
            count = self.sink.rcpts
        if self.sink.on_rcpt is not None:
            self.sink.on_rcpt(count, address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        msg = email.message_from_bytes(
            envelope.original_content or envelope.content, policy=email.policy.default
        )
        with self.sink.lock:
            self.sink.messages.append(msg)  # type: ignore[arg-type]
            self.sink.envelopes.append((envelope.mail_from, list(envelope.rcpt_tos)))
        return "250 Message accepted"


class SmtpSink:
    def __init__(
        self,
        refuse: set[str] | None = None,
        on_rcpt: Callable[[int, str], None] | None = None,
    ) -> None:
        self.refuse = {a.lower() for a in (refuse or set())}
        self.on_rcpt = on_rcpt
        self.rcpts = 0
        self.messages: list[EmailMessage] = []
        self.envelopes: list[tuple[str, list[str]]] = []
        self.lock = threading.Lock()
        self.port = free_port()
        self.controller = Controller(_Handler(self), hostname="127.0.0.1", port=self.port)

    @property
    def url(self) -> str:
        return f"smtp://127.0.0.1:{self.port}"

    def to(self, address: str) -> list[EmailMessage]:
        with self.lock:
            return [m for m in self.messages if address.lower() in str(m["To"]).lower()]

    def __enter__(self) -> Self:
        self.controller.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.controller.stop()
