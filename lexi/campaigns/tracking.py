"""What recipients' actions do: one-click unsubscribe, opens, clicks, replies and bounces.

Links carry HMAC-signed tokens (``lexi.campaigns.links``). An invalid, altered or unknown token
does nothing and reveals nothing: the answer is the same "not valid" whether the email exists or
not. Inbound messages (``POST /v1/email/inbound``) are matched to the email they answer through
``In-Reply-To``/``References`` (the Message-ID Lexi gave it), only within the caller's workspace.
"""

from __future__ import annotations

import email
import email.policy
import re
import uuid
from dataclasses import dataclass
from email.message import EmailMessage, Message
from email.utils import parseaddr
from typing import Literal

from sqlalchemy.orm import Session

from lexi.campaigns import links, service
from lexi.campaigns.repository import CampaignRepository
from lexi.campaigns.sending import send_id_from_message_id
from lexi.errors import ValidationFailed
from lexi.kit.clock import utc_now
from lexi.models import Campaign, CampaignSend

MAX_INBOUND_BYTES = 2 * 1024 * 1024


def _verified(
    session: Session, token: str, kind: str
) -> tuple[CampaignSend, Campaign, links.Token] | None:
    parsed = links.parse(token, kind)
    if parsed is None:
        return None
    send = session.get(CampaignSend, parsed.send_id)
    if send is None:
        return None
    campaign = session.get(Campaign, send.campaign_id)
    if campaign is None or not parsed.valid_for(campaign.signing_key):
        return None
    return send, campaign, parsed


def check_unsubscribe(session: Session, token: str) -> bool:
    """Whether the unsubscribe link is genuine (for the confirmation page)."""
    return _verified(session, token, "u") is not None


def unsubscribe(session: Session, token: str) -> bool:
    """One-click unsubscribe (RFC 8058): the address is suppressed in every campaign of the
    workspace and its sequences stop. False (and no effect) for a token that is not genuine."""
    found = _verified(session, token, "u")
    if found is None:
        return False
    send, campaign, _ = found
    address = send.to_email or _contact_email(session, send)
    if address:
        new = service.suppress(session, campaign.workspace_id, address, "unsubscribed", campaign.id)
        if new:
            service.record_event(
                session, campaign, "unsubscribe", send_id=send.id, contact_id=send.contact_id
            )
    return True


def _contact_email(session: Session, send: CampaignSend) -> str | None:
    contacts = CampaignRepository(session).contacts(send.workspace_id, [send.contact_id])
    return contacts[0].email if contacts else None


def record_open(session: Session, token: str) -> None:
    found = _verified(session, token, "o")
    if found is None:
        return
    send, campaign, _ = found
    if CampaignRepository(session).mark_engaged(send.id, "opened_at", utc_now()):
        service.record_event(session, campaign, "open", send_id=send.id, contact_id=send.contact_id)


def click_target(session: Session, token: str) -> str | None:
    """The URL a genuine click link was signed with (recording the click), else None."""
    found = _verified(session, token, "c")
    if found is None or not re.match(r"https?://", found[2].url):
        return None
    send, campaign, parsed = found
    repo = CampaignRepository(session)
    now = utc_now()
    repo.mark_engaged(send.id, "opened_at", now)  # a click implies the email was opened
    repo.mark_engaged(send.id, "clicked_at", now)
    service.record_event(
        session, campaign, "click", send_id=send.id, contact_id=send.contact_id,
        details={"url": parsed.url[:2000]},
    )  # fmt: skip
    return parsed.url


# ------------------------------------------------------------------ inbound mail


@dataclass(frozen=True)
class InboundResult:
    kind: Literal["reply", "bounce", "unmatched"]
    campaign_id: uuid.UUID | None = None
    contact_id: uuid.UUID | None = None
    email: str | None = None


def parse_message(raw: bytes) -> EmailMessage:
    if not raw or not raw.strip():
        raise ValidationFailed.field("raw", "The message is empty")
    if len(raw) > MAX_INBOUND_BYTES:
        raise ValidationFailed.field("raw", "The message is larger than 2 MB")
    try:
        msg = email.message_from_bytes(raw, policy=email.policy.default)
    except Exception:  # noqa: BLE001  (the parser's failures are the sender's problem)
        raise ValidationFailed.field("raw", "Not an RFC 822 message") from None
    if not isinstance(msg, EmailMessage) or not (msg["From"] or msg["Message-ID"]):
        raise ValidationFailed.field("raw", "Not an RFC 822 message (no From or Message-ID header)")
    return msg


def _header(msg: Message, name: str) -> str:
    try:
        return str(msg.get(name) or "")
    except Exception:  # noqa: BLE001  (a malformed header reads as empty)
        return ""


def _delivery_status(msg: EmailMessage) -> tuple[list[dict[str, str]], Message | None]:
    """The per-recipient fields of a DSN (RFC 3464) and the returned original's headers."""
    if msg.get_content_type() != "multipart/report":
        return [], None
    recipients: list[dict[str, str]] = []
    original: Message | None = None
    for part in msg.iter_parts():
        ctype = part.get_content_type()
        if ctype == "message/delivery-status":
            # Each payload item is one block of fields (the message's, then one per recipient).
            blocks = part.get_payload()
            if isinstance(blocks, list):
                for block in blocks[1:] if len(blocks) > 1 else blocks:
                    if not isinstance(block, Message):
                        continue
                    fields = {k.lower(): str(v) for k, v in block.items()}
                    if "final-recipient" in fields or "original-recipient" in fields:
                        recipients.append(fields)
            else:
                text = str(blocks)
                for chunk in re.split(r"\n\s*\n", text):
                    fields = {
                        k.strip().lower(): v.strip()
                        for k, _, v in (line.partition(":") for line in chunk.splitlines())
                        if v
                    }
                    if "final-recipient" in fields or "original-recipient" in fields:
                        recipients.append(fields)
        elif ctype in ("message/rfc822", "text/rfc822-headers"):
            payload = part.get_payload()
            if isinstance(payload, list) and payload and isinstance(payload[0], Message):
                original = payload[0]
            elif isinstance(payload, str):
                original = email.message_from_string(payload, policy=email.policy.default)
    return recipients, original


def _address_of(field: str) -> str | None:
    value = field.split(";", 1)[-1].strip()
    addr = parseaddr(value)[1]
    return addr.lower() if "@" in addr else None


def handle_inbound(session: Session, workspace_id: uuid.UUID, raw: bytes) -> InboundResult:
    """Mark a reply (that person's sequence stops) or a bounce (DSN; hard bounces are
    suppressed). Messages that match nothing of this workspace change nothing."""
    msg = parse_message(raw)
    repo = CampaignRepository(session)
    recipients, original = _delivery_status(msg)
    if recipients:
        return _bounce(session, workspace_id, recipients, original)
    ids = " ".join(_header(msg, h) for h in ("In-Reply-To", "References"))
    send = _send_in(session, workspace_id, re.findall(r"<[^>]+>", ids))
    sender = (parseaddr(_header(msg, "From"))[1] or "").lower()
    if send is None and sender:
        send = repo.latest_send_to(workspace_id, sender)
    if send is None:
        return InboundResult("unmatched", email=sender or None)
    campaign = session.get(Campaign, send.campaign_id)
    assert campaign is not None
    enrolment = repo.enrolment(send.campaign_id, send.contact_id)
    if enrolment is not None:
        repo.cancel_scheduled([enrolment.id], "replied")
        repo.set_enrolment_status(
            [enrolment.id], "replied", only_from=("pending", "active", "paused", "completed")
        )
    if not repo.has_event(campaign.id, send.contact_id, "reply"):
        service.record_event(
            session, campaign, "reply", send_id=send.id, contact_id=send.contact_id,
            details={"subject": _header(msg, "Subject")[:300]},
        )  # fmt: skip
    return InboundResult("reply", campaign.id, send.contact_id, sender or send.to_email)


def _send_in(
    session: Session, workspace_id: uuid.UUID, message_ids: list[str]
) -> CampaignSend | None:
    for mid in message_ids:
        send_id = send_id_from_message_id(mid)
        if send_id is None:
            continue
        send = session.get(CampaignSend, send_id)
        if send is not None and send.workspace_id == workspace_id:
            return send
    return None


def _bounce(
    session: Session,
    workspace_id: uuid.UUID,
    recipients: list[dict[str, str]],
    original: Message | None,
) -> InboundResult:
    repo = CampaignRepository(session)
    send = None
    if original is not None:
        send = _send_in(
            session, workspace_id, re.findall(r"<[^>]+>", _header(original, "Message-ID"))
        )
    result = InboundResult("unmatched")
    for fields in recipients:
        address = _address_of(
            fields.get("final-recipient") or fields.get("original-recipient") or ""
        )
        if address is None:
            continue
        hard = fields.get("action", "").lower() == "failed" and fields.get("status", "").startswith(
            "5"
        )
        target = send if send is not None and (send.to_email or "").lower() == address else None
        if target is None:
            target = repo.latest_send_to(workspace_id, address)
        if target is None:
            continue
        campaign = session.get(Campaign, target.campaign_id)
        assert campaign is not None
        if hard:
            service.suppress(session, workspace_id, address, "bounced", campaign.id)
        service.record_event(
            session, campaign, "bounce", send_id=target.id, contact_id=target.contact_id,
            details={"status": fields.get("status", ""), "action": fields.get("action", ""),
                     "hard": hard},
        )  # fmt: skip
        result = InboundResult("bounce", campaign.id, target.contact_id, address)
    return result
