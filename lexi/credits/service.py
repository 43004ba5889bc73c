"""Credits: a per-workspace balance backed by an append-only ledger.

Every change writes a ledger entry and moves the cached balance in the same transaction, so the
two always agree; ``charge`` can never take the balance below zero, however many run at once.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy.orm import Session

from lexi.audit import service as audit
from lexi.audit.service import Actor
from lexi.credits.repository import CreditRepository
from lexi.errors import InsufficientCredits, ValidationFailed
from lexi.models import CreditEntry


def balance(session: Session, workspace_id: uuid.UUID) -> int:
    return CreditRepository(session).balance(workspace_id)


def ensure_affordable(session: Session, workspace_id: uuid.UUID, required: int) -> int:
    """Raise 402 when the whole quoted cost is more than the balance; returns the balance."""
    current = balance(session, workspace_id)
    if required > current:
        raise InsufficientCredits(balance=current, required=required)
    return current


def charge(
    session: Session,
    workspace_id: uuid.UUID,
    amount: int,
    *,
    reason: str,
    reference: str | None = None,
    actor: Actor,
) -> CreditEntry:
    if amount <= 0:
        raise ValueError("charge amount must be positive")
    repo = CreditRepository(session)
    new_balance = repo.try_debit(workspace_id, amount)
    if new_balance is None:
        raise InsufficientCredits(balance=repo.balance(workspace_id), required=amount)
    return _entry(session, workspace_id, "charge", -amount, new_balance, reason, reference, actor)


# Audit event type of each ledger entry kind.
_EVENT = {"charge": "credits.charged", "grant": "credits.granted", "refund": "credits.refunded"}


def _entry(
    session: Session,
    workspace_id: uuid.UUID,
    kind: str,
    amount: int,
    balance_after: int,
    reason: str,
    reference: str | None,
    actor: Actor,
) -> CreditEntry:
    """The ledger entry and its audit event: one insert each, both with the next flush."""
    entry = CreditEntry(
        id=uuid.uuid4(),
        workspace_id=workspace_id,
        kind=kind,
        amount=amount,
        balance_after=balance_after,
        reason=reason,
        reference=reference,
    )
    CreditRepository(session).stage(entry)
    audit.record(
        session,
        workspace_id,
        _EVENT[kind],
        actor,
        entry.id,
        {
            "amount": amount,
            "balance_after": balance_after,
            "reason": reason,
            "reference": reference,
        },
    )
    return entry


def charge_many(
    session: Session,
    workspace_id: uuid.UUID,
    charges: list[tuple[int, str]],
    *,
    reference: str | None = None,
    actor: Actor,
) -> int | None:
    """Take several charges, given as (credits, reason), in one conditional statement.

    Either all of them fit the balance and each gets its ledger entry (``balance_after`` as if
    they had been taken one after another, in order), or none is taken and this raises 402.
    Returns the new balance, or None when there was nothing to charge (no statement runs).
    """
    charges = [(amount, reason) for amount, reason in charges if amount > 0]
    total = sum(amount for amount, _ in charges)
    if not total:
        return None
    repo = CreditRepository(session)
    new_balance = repo.try_debit(workspace_id, total)
    if new_balance is None:
        raise InsufficientCredits(balance=repo.balance(workspace_id), required=total)
    after = new_balance + total
    for amount, reason in charges:
        after -= amount
        _entry(session, workspace_id, "charge", -amount, after, reason, reference, actor)
    return new_balance


def _credit(
    session: Session,
    workspace_id: uuid.UUID,
    amount: int,
    kind: str,
    reason: str,
    ref: str | None,
    actor: Actor,
) -> CreditEntry:
    if amount <= 0:
        raise ValidationFailed.field("amount", "Must be a positive whole number")
    new_balance = CreditRepository(session).credit(workspace_id, amount)
    return _entry(session, workspace_id, kind, amount, new_balance, reason, ref, actor)


def grant(
    session: Session,
    workspace_id: uuid.UUID,
    amount: int,
    *,
    reason: str = "grant",
    reference: str | None = None,
    actor: Actor,
) -> CreditEntry:
    return _credit(session, workspace_id, amount, "grant", reason, reference, actor)


def refund(
    session: Session,
    workspace_id: uuid.UUID,
    amount: int,
    *,
    reason: str,
    reference: str | None = None,
    actor: Actor,
) -> CreditEntry:
    return _credit(session, workspace_id, amount, "refund", reason, reference, actor)


def recent_entries(session: Session, workspace_id: uuid.UUID, limit: int = 20) -> list[CreditEntry]:
    return CreditRepository(session).recent(workspace_id, limit)


def recent_ledger(session: Session, workspace_id: uuid.UUID, limit: int = 20) -> list[Any]:
    """``recent_entries`` as read-only rows (kind, amount, balance_after, reason, reference,
    created_at), for answers that only show them."""
    return CreditRepository(session).recent_rows(workspace_id, limit)


def ledger_balance(session: Session, workspace_id: uuid.UUID) -> int:
    """The balance recomputed from the ledger (for audits and tests)."""
    return CreditRepository(session).ledger_sum(workspace_id)
