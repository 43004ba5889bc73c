"""Sending campaign emails: claim due sends, build each message, hand it to SMTP, record it.

A send moves ``scheduled → sending → sent`` (or ``skipped``/``failed``; ``cancelled`` when a
reply, bounce or unsubscribe stops the sequence). Exactly once:

* **Claim**: one conditional UPDATE moves due rows to ``sending`` with this worker's name and a
  lease (``FOR UPDATE SKIP LOCKED`` picks candidates on PostgreSQL, so workers share the work).
  Before half of the lease has run out the worker renews it on what is left of its batch (one
  conditional UPDATE, only while the campaign is active), so a worker busy with a batch keeps it.
  The (enrolment, step) row is unique, so a step can never be scheduled twice for a person.
* **Fence**: every claim raises the row's ``lease_generation``. Renewing, recording, skipping
  and handing a send back each name the generation this worker's claim gave it, in the same
  conditional statement, so once another worker has claimed the send (its lease having run out),
  nothing the first worker still does can change the row.
* **Handover**: a message is handed to the mail server only while the lease still covers it with
  a margin (a quarter of the lease): the check runs at the last moment, between the message and
  the final "." of SMTP's DATA (before the outbox file takes its name). A worker paused or
  slowed past that point (a stopped process, a slow server) drops the connection without the
  final ".", so the server keeps nothing, and hands the send back, if still its own, to be sent
  once by whoever claims it next. Another worker can claim it only after the lease has run out,
  which is after any handover this check allowed.
* **Record**: right after the mail server accepts the message, the row becomes ``sent`` (only
  if this worker's claim is still the row's last) and the next step is scheduled, in one
  transaction.
* **Recover**: a worker that dies stops renewing nothing — its lease simply runs out and another
  worker takes the row again. Nothing is skipped. The message is rebuilt with the **same
  Message-ID**, so the one case that cannot be told apart after a crash (the server accepted the
  message but the worker died, or stopped for longer than its lease, before recording it)
  produces a copy with an identical Message-ID, which mail stores and clients treat as one
  message. The outbox transport writes files named after the Message-ID, so there the retry
  replaces the file: exactly one copy.

Pausing is immediate: the campaign's status is read again before every message (in the
transaction that recorded the one before it, so it costs no transaction of its own), and a paused
campaign's claimed sends are handed back unsent. Limits (daily limit, delay between emails,
sending window, weekends) are checked when a slot is taken, by a conditional UPDATE on the
campaign row, so several workers together still respect them.
"""

from __future__ import annotations

import contextvars
import html
import logging
import os
import re
import smtplib
import ssl
import tempfile
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from email import charset as email_charset
from email import policy as email_policy
from email.headerregistry import Address
from email.message import EmailMessage, Message
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.utils import format_datetime, formataddr, parseaddr
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import parse_qs, unquote, urlsplit
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from lexi.campaigns import content, facts, links
from lexi.campaigns.repository import CampaignRepository, SendRepository
from lexi.config import Settings
from lexi.db.session import Database
from lexi.kit.clock import utc_now
from lexi.models import Campaign, CampaignEnrolment, CampaignSend, Contact

log = logging.getLogger("lexi.campaigns.sending")

RETRY_DELAY = timedelta(minutes=5)
MAX_ATTEMPTS = 5
_HREF = re.compile(r'href="(https?://[^"]+)"', re.I)


# ------------------------------------------------------------------ transports


class TransportError(Exception):
    def __init__(self, message: str, *, permanent: bool) -> None:
        super().__init__(message)
        self.permanent = permanent


class LeaseLost(Exception):
    """The sender's lease on the send ran out before the message was handed over."""


# The check a transport runs at the last moment before the message is handed over (SMTP: before
# the final "." of DATA; the outbox: before the file takes its name). It raises ``LeaseLost``
# when the sender's lease no longer covers the handover, so a paused or slow sender whose send
# may have been taken over never delivers it. Set by the sender around each ``send``.
HANDOVER_CHECK: contextvars.ContextVar[Callable[[], None] | None] = contextvars.ContextVar(
    "lexi_handover_check", default=None
)


def check_handover() -> None:
    check = HANDOVER_CHECK.get()
    if check is not None:
        check()


_LINE_END = re.compile(rb"\r\n|\n|\r(?!\n)")
_LEADING_DOT = re.compile(rb"(?m)^\.")


class _FencedData:
    """``smtplib.SMTP.data`` with ``check_handover()`` between the message and its final ".":
    until that line the server keeps nothing, so a send stopped there is not delivered."""

    def data(self, msg: Any) -> tuple[int, bytes]:
        smtp: Any = self
        smtp.putcmd("data")
        code, reply = smtp.getreply()
        if code != 354:
            raise smtplib.SMTPDataError(code, reply)
        raw = msg.encode("ascii") if isinstance(msg, str) else msg
        body = _LEADING_DOT.sub(b"..", _LINE_END.sub(b"\r\n", raw))
        if not body.endswith(b"\r\n"):
            body += b"\r\n"
        smtp.send(body)
        check_handover()
        smtp.send(b".\r\n")
        code, reply = smtp.getreply()
        return code, reply


class _SMTP(_FencedData, smtplib.SMTP):
    pass


class _SMTPS(_FencedData, smtplib.SMTP_SSL):
    pass


class Transport(Protocol):
    def send(self, message: Message, recipient: str) -> None: ...

    def close(self) -> None: ...


class SmtpTransport:
    """A real SMTP client (stdlib ``smtplib``), one connection reused across messages.

    ``smtp://user:pass@host:587?starttls=true``, ``smtp://host:25``, ``smtps://host:465``.
    """

    def __init__(self, url: str, *, timeout: float = 30.0) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("smtp", "smtps") or not parts.hostname:
            raise ValueError("LEXI_SMTP_URL must look like smtp://host:port or smtps://host:port")
        self.tls = parts.scheme == "smtps"
        self.host = parts.hostname
        self.port = parts.port or (465 if self.tls else 25)
        query = {k: v[-1].lower() for k, v in parse_qs(parts.query).items()}
        self.starttls = query.get("starttls") in ("1", "true", "yes")
        self.user = unquote(parts.username) if parts.username else None
        self.password = unquote(parts.password) if parts.password else None
        self.timeout = timeout
        self._conn: smtplib.SMTP | None = None

    def _connect(self) -> smtplib.SMTP:
        context = ssl.create_default_context()
        conn: smtplib.SMTP
        if self.tls:
            conn = _SMTPS(self.host, self.port, timeout=self.timeout, context=context)
        else:
            conn = _SMTP(self.host, self.port, timeout=self.timeout)
            if self.starttls:
                conn.starttls(context=context)
        if self.user:
            conn.login(self.user, self.password or "")
        return conn

    def send(self, message: Message, recipient: str) -> None:
        for attempt in (1, 2):
            try:
                if self._conn is None:
                    self._conn = self._connect()
                refused = self._conn.send_message(message, to_addrs=[recipient])
                if refused:
                    code, reply = next(iter(refused.values()))
                    raise TransportError(f"{code} {reply!r}", permanent=code >= 500)
                return
            except LeaseLost:
                self.drop()  # mid-DATA: without its final "." the server discards the message
                raise
            except smtplib.SMTPRecipientsRefused as exc:
                code, reply = next(iter(exc.recipients.values()))
                raise TransportError(f"{code} {reply!r}", permanent=code >= 500) from None
            except smtplib.SMTPResponseException as exc:
                self.close()
                if exc.smtp_code >= 500:
                    raise TransportError(
                        f"{exc.smtp_code} {exc.smtp_error!r}", permanent=True
                    ) from None
                if attempt == 2:
                    raise TransportError(
                        f"{exc.smtp_code} {exc.smtp_error!r}", permanent=False
                    ) from None
            except (smtplib.SMTPException, OSError) as exc:
                # A dropped connection: reconnect once, then report a temporary failure.
                self.close()
                if attempt == 2:
                    raise TransportError(type(exc).__name__, permanent=False) from None

    def close(self) -> None:
        if self._conn is not None:
            try:
                self._conn.quit()
            except (smtplib.SMTPException, OSError):
                pass
            self._conn = None

    def drop(self) -> None:
        """Close the connection without a word to the server (no QUIT)."""
        if self._conn is not None:
            try:
                self._conn.close()
            except OSError:
                pass
            self._conn = None


class OutboxTransport:
    """Writes each message to ``<folder>/<message-id>.eml`` (atomically; a retry replaces it)."""

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)

    def send(self, message: Message, recipient: str) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        name = re.sub(r"[^A-Za-z0-9._-]", "_", (message["Message-ID"] or "").strip("<>"))
        fd, tmp = tempfile.mkstemp(dir=self.folder, suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            f.write(message.as_bytes())
        try:
            check_handover()
        except LeaseLost:
            os.unlink(tmp)
            raise
        os.replace(tmp, self.folder / f"{name}.eml")

    def close(self) -> None:
        pass


def outbox_folder(settings: Settings) -> Path:
    if settings.outbox_dir:
        return Path(settings.outbox_dir).expanduser()
    return Path(settings.data_dir) / "outbox"


def transport_for(settings: Settings) -> Transport:
    if settings.smtp_url:
        return SmtpTransport(settings.smtp_url)
    return OutboxTransport(outbox_folder(settings))


# ------------------------------------------------------------------ windows and limits


def _hhmm(value: str) -> time:
    h, m = value.split(":")
    return time(int(h), int(m))


def sending_allowed(campaign: Campaign, now: datetime) -> bool:
    """Inside the campaign's window (local time in its zone) and on an allowed day."""
    local = now.astimezone(ZoneInfo(campaign.sending_timezone))
    if not campaign.send_on_weekends and local.weekday() >= 5:
        return False
    if campaign.sending_window_start and campaign.sending_window_end:
        start, end = _hhmm(campaign.sending_window_start), _hhmm(campaign.sending_window_end)
        t = local.time()
        return start <= t < end if start < end else (t >= start or t < end)
    return True


def local_day(campaign: Campaign, now: datetime) -> str:
    return now.astimezone(ZoneInfo(campaign.sending_timezone)).date().isoformat()


# ------------------------------------------------------------------ the message


def message_id_for(send_id: uuid.UUID, sender: str) -> str:
    domain = parseaddr(sender)[1].rpartition("@")[2] or "lexi.localhost"
    return f"<{send_id}@{domain}>"


def send_id_from_message_id(value: str) -> uuid.UUID | None:
    m = re.search(r"<([0-9a-f-]{36})@", value or "", re.I)
    if not m:
        return None
    try:
        return uuid.UUID(m.group(1))
    except ValueError:
        return None


def sender_of(campaign: Campaign, settings: Settings) -> str:
    default_name, default_addr = parseaddr(settings.mail_from)
    address = campaign.from_email or default_addr or "lexi@localhost"
    return formataddr((campaign.from_name or default_name or "", address))


def build_message(
    campaign: Campaign,
    step: dict[str, Any],
    contact: Contact,
    send_id: uuid.UUID,
    to: str,
    settings: Settings,
    now: datetime,
    fact_values: dict[str, str] | None = None,
) -> Message:
    """The email for one contact and step: merged subject and body (``fact_values`` fill the
    ``lexi.campaigns.facts`` variables; without them those read as empty), a plain-text and an HTML
    part, List-Unsubscribe headers (RFC 8058), the footer, and tracking when asked for."""
    base = settings.public_url.rstrip("/")
    key = campaign.signing_key
    unsubscribe = f"{base}/email/unsubscribe/{links.sign(key, 'u', send_id)}"
    values = {**content.contact_fields(contact), **(fact_values or {})}
    rendered = content.render(step["subject"], step["body"], values)
    sender = sender_of(campaign, settings)
    text, body_html = rendered.text, rendered.html
    # The sign-off ("Best,") is followed by the sender's name: the campaign's, else the display
    # name of the default sender (LEXI_MAIL_FROM), as the From header shows it.
    signature = parseaddr(sender)[0]
    if signature:
        text += f"\n{signature}"
        body_html += f"<p>{html.escape(signature)}</p>"
    if campaign.track_clicks:
        body_html = _HREF.sub(
            lambda m: (
                f'href="{base}/email/click/{links.sign(key, "c", send_id, html.unescape(m.group(1)))}"'
            ),
            body_html,
        )
    footer_text: list[str] = []
    footer_html: list[str] = []
    if settings.sender_postal_address:
        footer_text.append(settings.sender_postal_address)
        footer_html.append(html.escape(settings.sender_postal_address))
    if campaign.show_unsubscribe:
        footer_text.append(f"Unsubscribe: {unsubscribe}")
        footer_html.append(f'<a href="{html.escape(unsubscribe)}">Unsubscribe</a>')
    if footer_text:
        text += "\n\n--\n" + "\n".join(footer_text)
        body_html += '<hr><p style="font-size:12px;color:#666">' + "<br>".join(footer_html) + "</p>"
    if campaign.track_opens:
        pixel = f"{base}/email/open/{links.sign(key, 'o', send_id)}.gif"
        body_html += f'<img src="{html.escape(pixel)}" width="1" height="1" alt="">'
    name = " ".join(filter(None, [contact.first_name, contact.last_name])) or (
        contact.full_name or ""
    )
    html_doc = f"<!doctype html><html><body>{body_html}</body></html>"
    headers = {
        "Date": format_datetime(now),
        "Message-ID": message_id_for(send_id, sender),
        "List-Unsubscribe": f"<{unsubscribe}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "X-Lexi-Campaign": str(campaign.id),
    }
    if all(v.isascii() for v in (sender, to, name, rendered.subject)):
        return _fast_message(sender, name, to, rendered.subject, headers, text, html_doc)
    # Non-ASCII names, subjects or addresses: the modern email API encodes them (slower).
    msg = EmailMessage()
    msg["From"] = sender
    local, _, domain = to.partition("@")
    msg["To"] = Address(display_name=name, username=local, domain=domain)
    msg["Subject"] = rendered.subject
    for key, value in headers.items():
        msg[key] = value
    msg.set_content(text + "\n")
    msg.add_alternative(html_doc, subtype="html")
    return msg


# Bodies that are not plain short-lined ASCII go out as UTF-8 quoted-printable.
_UTF8_QP = email_charset.Charset("utf-8")
_UTF8_QP.header_encoding = email_charset.QP
_UTF8_QP.body_encoding = email_charset.QP
_MAX_7BIT_LINE = 900


def _part(body: str, subtype: str) -> MIMEText:
    if body.isascii() and max(map(len, body.splitlines() or [""])) <= _MAX_7BIT_LINE:
        return MIMEText(body, subtype, "us-ascii")
    return MIMEText(body, subtype, _UTF8_QP)  # type: ignore[arg-type]  # a Charset works too


class _Unfolded(email_policy.Compat32):
    """Compat32 that writes short single-line ASCII headers as they are (no folding: a folded
    List-Unsubscribe confuses some readers, and folding each header is the slowest part of
    serialising a message); anything else is folded as usual."""

    def _fold(self, name: str, value: Any, sanitize: bool) -> str:
        if (
            isinstance(value, str)
            and value.isascii()
            and len(name) + len(value) < 990
            and "\n" not in value
            and "\r" not in value
        ):
            return f"{name}: {value}{self.linesep}"
        return super()._fold(name, value, sanitize)  # type: ignore[misc]


_UNFOLDED = _Unfolded(max_line_length=998)


def _fast_message(
    sender: str,
    name: str,
    to: str,
    subject: str,
    headers: dict[str, str],
    text: str,
    html_doc: str,
) -> Message:
    """The message built with the classic MIME classes from ASCII headers: the same headers
    and parts as the modern API produces, several times faster (one per recipient)."""
    # A boundary of our own: the generator's default one scans both parts for collisions.
    boundary = f"=_lexi_{uuid.uuid4().hex}"
    msg = MIMEMultipart("alternative", boundary=boundary, policy=_UNFOLDED)
    msg["From"] = sender
    msg["To"] = formataddr((name, to))
    msg["Subject"] = subject
    for key, value in headers.items():
        msg[key] = value
    msg.attach(_part(text + "\n", "plain"))
    msg.attach(_part(html_doc, "html"))
    return msg


# ------------------------------------------------------------------ the sender


def condition_met(
    condition: str, enrolment: CampaignEnrolment, previous: CampaignSend | None
) -> bool:
    """Whether a later step goes out, judged on the recipient's state and the last email sent."""
    if condition in ("always", "if_no_reply"):
        return enrolment.status == "active"
    if previous is None:
        return condition == "if_no_open"
    if condition == "if_no_open":
        return previous.opened_at is None
    if condition == "if_opened":
        return previous.opened_at is not None
    if condition == "if_clicked":
        return previous.clicked_at is not None
    return False


@dataclass
class BatchResult:
    sent: int = 0
    skipped: int = 0
    failed: int = 0
    released: int = 0

    @property
    def handled(self) -> int:
        return self.sent + self.skipped + self.failed


class CampaignSender:
    """Sends due campaign emails from ``db``; run by every worker (threads or processes)."""

    def __init__(
        self,
        db: Database,
        settings: Settings,
        *,
        name: str | None = None,
        transport: Transport | None = None,
        clock: Callable[[], datetime] = utc_now,
        lease_seconds: float | None = None,
        workspace_id: uuid.UUID | None = None,
    ) -> None:
        self.db = db
        self.settings = settings
        self.name = name or f"sender-{os.getpid()}-{uuid.uuid4().hex[:6]}"
        self.transport = transport or transport_for(settings)
        self.clock = clock
        self.lease_seconds = lease_seconds or max(settings.worker_lease_seconds, 1.0)
        # Only this workspace's campaigns (a dedicated sender); every workspace when None.
        self.workspace_id = workspace_id
        self._steps: dict[tuple[uuid.UUID, int], list[dict[str, Any]]] = {}
        # Each campaign's status as last read (before every message; see _note_status).
        self._status: dict[uuid.UUID, str] = {}
        self._addresses: dict[str | None, str | None] = {}

    def close(self) -> None:
        self.transport.close()

    def run_once(self) -> BatchResult:
        """Claim and send one batch per campaign with due work."""
        total = BatchResult()
        now = self.clock()
        with self.db.unit_of_work(write=False) as session:
            campaigns = SendRepository(session).due_campaigns(now, 20, self.workspace_id)
            for c in campaigns:
                session.expunge(c)
        for campaign in campaigns:
            if self.settings.campaign_limits_enabled and not sending_allowed(campaign, now):
                continue
            result = self._run_campaign(campaign, now)
            total.sent += result.sent
            total.skipped += result.skipped
            total.failed += result.failed
            total.released += result.released
        if campaigns:
            with self.db.unit_of_work() as session:
                SendRepository(session).complete_finished_campaigns([c.id for c in campaigns])
        return total

    def run_until_idle(self, max_rounds: int = 100_000) -> BatchResult:
        total = BatchResult()
        for _ in range(max_rounds):
            r = self.run_once()
            if not r.handled:
                break
            total.sent += r.sent
            total.skipped += r.skipped
            total.failed += r.failed
        return total

    def _run_campaign(self, campaign: Campaign, now: datetime) -> BatchResult:
        limited = self.settings.campaign_limits_enabled
        day = local_day(campaign, now)
        with self.db.unit_of_work() as session:
            repo = SendRepository(session)
            if limited:
                next_at = now + timedelta(seconds=campaign.delay_between_emails)
                if not repo.take_slot(campaign.id, now, next_at, day, campaign.daily_send_limit):
                    return BatchResult()
                size = 1
            else:
                size = max(1, self.settings.send_batch_size)
            claims = repo.claim(
                campaign.id,
                now,
                size,
                self.name,
                now + timedelta(seconds=self.lease_seconds),
                skip_locked=session.get_bind().dialect.name == "postgresql",
            )
            if limited and not claims:
                repo.give_back_slot(campaign.id, day)
        if not claims:
            return BatchResult()
        with self.db.unit_of_work(write=False) as session:
            rows = SendRepository(session).claimed(list(claims))
            blocked = CampaignRepository(session).suppressed(
                campaign.workspace_id,
                sorted({a for a in (self._address(c.email) for _, _, c in rows) if a}),
            )
            previous = {
                s.id: SendRepository(session).last_sent(e.id, s.step_index)
                for s, e, _ in rows
                if s.step_index > 0
            }
            steps = self._revision_steps(session, campaign)
            # Facts from the data for {{signal_opener}} / {{signal_followup}}, read once per batch.
            known = facts.merge_values(session, [c for _, _, c in rows], self.clock().date())
            session.expunge_all()
        result = BatchResult()
        lease = timedelta(seconds=self.lease_seconds)
        # The handover of a message must end this long before the lease does, so that it is
        # over before any other sender may take the send (clocks of several hosts differ a bit).
        guard = lease / 4
        renew_at: datetime | None = None
        handover_by = now
        held: set[uuid.UUID] = set()
        self._status[campaign.id] = "active"
        for i, (send, enrolment, contact) in enumerate(rows):
            now = self.clock()
            if renew_at is None or now >= renew_at:
                # Renew the lease on what is left of the batch before half of it has run out,
                # so no other worker can take these sends over while this one transmits them.
                rest = {s.id: claims[s.id] for s, _, _ in rows[i:]}
                with self.db.unit_of_work() as session:
                    repo = SendRepository(session)
                    held = repo.hold_many(rest, self.name, now + lease)
                    self._status[campaign.id] = (
                        "active" if held else (repo.campaign_status(campaign.id) or "deleted")
                    )
                renew_at = now + lease / 2
                handover_by = now + lease - guard
            status = self._status[campaign.id]
            if send.id not in held and status == "active":
                continue  # another worker took this send over after our lease ran out
            if status != "active":
                # Paused (or otherwise stopped) since the claim: nothing more goes out.
                with self.db.unit_of_work() as session:
                    result.released += SendRepository(session).release(
                        {s.id: claims[s.id] for s, _, _ in rows[i:]}, self.name
                    )
                break
            outcome = self._one(
                campaign,
                steps,
                send,
                claims[send.id],
                enrolment,
                contact,
                blocked,
                previous.get(send.id),
                handover_by,
                known.get(contact.id, {}),
            )
            if outcome == "lease_lost":
                renew_at = None  # the next send renews first (or finds it was taken over)
                outcome = "released"
            setattr(result, outcome, getattr(result, outcome) + 1)
        return result

    def _address(self, email: str | None) -> str | None:
        """The deliverable address of ``email``, validated once per batch."""
        if email not in self._addresses:
            if len(self._addresses) > 10_000:
                self._addresses.clear()
            self._addresses[email] = _address(email)
        return self._addresses[email]

    def _note_status(self, session: Session, campaign: Campaign) -> None:
        """Read the campaign's status in the transaction that records a send, so a pause stops
        the very next message without a transaction of its own."""
        self._status[campaign.id] = SendRepository(session).status_of(campaign.id) or "deleted"

    def _revision_steps(self, session: Session, campaign: Campaign) -> list[dict[str, Any]]:
        number = campaign.sending_revision or campaign.revision
        key = (campaign.id, number)
        if key not in self._steps:
            self._steps[key] = SendRepository(session).revision_steps(campaign.id, number)
        return self._steps[key]

    def _one(
        self,
        campaign: Campaign,
        steps: list[dict[str, Any]],
        send: CampaignSend,
        generation: int,
        enrolment: CampaignEnrolment,
        contact: Contact,
        blocked: set[str],
        previous: CampaignSend | None,
        handover_by: datetime,
        fact_values: dict[str, str],
    ) -> str:
        now = self.clock()
        claim = (send, generation)
        address = self._address(contact.email)
        if send.step_index >= len(steps):
            return self._skip(campaign, claim, enrolment, steps, "no such step", now, last=True)
        step = steps[send.step_index]
        if enrolment.status != "active":
            return self._skip(campaign, claim, enrolment, steps, enrolment.status, now, last=True)
        if address is None:
            return self._skip(campaign, claim, enrolment, steps, "no_email", now, last=True)
        if contact.do_not_contact or address in blocked:
            return self._skip(campaign, claim, enrolment, steps, "suppressed", now, last=True)
        if send.step_index > 0 and not condition_met(step["send_condition"], enrolment, previous):
            return self._skip(
                campaign,
                claim,
                enrolment,
                steps,
                f"condition {step['send_condition']} not met",
                now,
            )
        message = build_message(
            campaign, step, contact, send.id, address, self.settings, now, fact_values
        )

        def within_lease() -> None:
            if self.clock() >= handover_by:
                raise LeaseLost(str(send.id))

        token = HANDOVER_CHECK.set(within_lease)
        try:
            self.transport.send(message, address)
        except TransportError as exc:
            return self._failed(campaign, claim, enrolment, address, exc, now)
        except LeaseLost:
            # Paused or slowed down past the lease before the handover: the message was not
            # delivered, and another worker may have the send by now. Hand it back (only if
            # still ours) to be sent again, once, by whoever claims it next.
            log.warning(
                "lease ran out before the handover; not sent", extra={"send_id": str(send.id)}
            )
            with self.db.unit_of_work() as session:
                SendRepository(session).release({send.id: generation}, self.name, due_at=now)
            return "lease_lost"
        finally:
            HANDOVER_CHECK.reset(token)
        with self.db.unit_of_work() as session:
            repo = SendRepository(session)
            if not repo.record_sent(
                send.id,
                self.name,
                generation,
                sent_at=now,
                to_email=address,
                message_id=message["Message-ID"],
                revision=campaign.sending_revision or campaign.revision,
            ):
                log.warning(
                    "send taken over before it was recorded", extra={"send_id": str(send.id)}
                )
                return "released"
            self._schedule_next(session, campaign, send, enrolment, steps, now, sent=True)
            self._note_status(session, campaign)
        return "sent"

    def _skip(
        self,
        campaign: Campaign,
        claim: tuple[CampaignSend, int],
        enrolment: CampaignEnrolment,
        steps: list[dict[str, Any]],
        reason: str,
        now: datetime,
        *,
        last: bool = False,
    ) -> str:
        send, generation = claim
        with self.db.unit_of_work() as session:
            repo = SendRepository(session)
            self._note_status(session, campaign)
            if not repo.finish(send.id, self.name, generation, "skipped", outcome=reason[:200]):
                return "released"
            if last:
                status = {"no_email": "completed", "suppressed": "unsubscribed"}.get(reason)
                if status and enrolment.status == "active":
                    repo.advance(enrolment.id, send.step_index, None, status)
                    enrolment.status = status
                    if reason == "no_email":
                        log.info("recipient without a deliverable email skipped",
                                 extra={"send_id": str(send.id)})  # fmt: skip
            else:
                self._schedule_next(session, campaign, send, enrolment, steps, now, sent=False)
        return "skipped"

    def _failed(
        self,
        campaign: Campaign,
        claim: tuple[CampaignSend, int],
        enrolment: CampaignEnrolment,
        address: str,
        exc: TransportError,
        now: datetime,
    ) -> str:
        send, generation = claim
        failed = {"outcome": str(exc)[:200], "to_email": address}
        with self.db.unit_of_work() as session:
            repo = SendRepository(session)
            self._note_status(session, campaign)
            if exc.permanent:
                if not repo.finish(send.id, self.name, generation, "failed", **failed):
                    return "released"
                from lexi.campaigns import service

                service.suppress(session, campaign.workspace_id, address, "bounced", campaign.id)
                return "failed"
            if send.attempts >= MAX_ATTEMPTS:
                repo.finish(send.id, self.name, generation, "failed", **failed)
                return "failed"
            repo.release({send.id: generation}, self.name, due_at=now + RETRY_DELAY)
        log.warning("temporary send failure; retrying later", extra={"send_id": str(send.id)})
        return "released"

    def _schedule_next(
        self,
        session: Session,
        campaign: Campaign,
        send: CampaignSend,
        enrolment: CampaignEnrolment,
        steps: list[dict[str, Any]],
        now: datetime,
        *,
        sent: bool,
    ) -> None:
        repo = SendRepository(session)
        nxt = send.step_index + 1
        if sent:
            repo.advance_after_sent(enrolment.id, send.step_index, now, last=nxt >= len(steps))
        else:
            repo.advance(
                enrolment.id, send.step_index, None, "completed" if nxt >= len(steps) else "active"
            )
        if nxt >= len(steps):
            return
        step = steps[nxt]
        CampaignRepository(session).schedule_send(
            {
                "id": uuid.uuid4(),
                "workspace_id": campaign.workspace_id,
                "campaign_id": campaign.id,
                "enrolment_id": enrolment.id,
                "contact_id": send.contact_id,
                "step_index": nxt,
                "revision": campaign.sending_revision or campaign.revision,
                "state": "scheduled",
                "due_at": now
                + timedelta(days=int(step["delay_days"]), hours=int(step["delay_hours"])),
                "attempts": 0,
                "created_at": now,
                "updated_at": now,
            }
        )


def _address(email: str | None) -> str | None:
    from lexi.campaigns.service import deliverable

    return deliverable(email)
