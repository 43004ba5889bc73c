"""Approval tasks: the state machine.

    pending ──approve──▶ approved ──claim──▶ running ──▶ completed
       │                                  ▲    │
       └──dismiss──▶ dismissed            │    └──▶ failed (credits refunded)
                                lease expired: reclaimed

Every transition is one conditional UPDATE, so concurrent approvals, dismissals and workers can
never both win. The quoted credits are charged on approval (reference = task id) in the approving
request's unit of work; a failed task gets them back exactly once.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import Session

from lexi.audit import service as audit
from lexi.audit.service import Actor
from lexi.auth.scopes import Scope
from lexi.credits import service as credits_service
from lexi.credits.repository import CreditRepository
from lexi.errors import Conflict, InsufficientPermissions, NotFound, ValidationFailed
from lexi.kit.clock import utc_now
from lexi.models import Task
from lexi.tasks.repository import TaskRepository

LIST_LIMIT = 100
# The scope POST /v1/lexi/tasks/{id}/approve and /dismiss require; approving in chat needs the same.
APPROVAL_SCOPE = Scope.lexi
# What each task type's effects need. Approving or dismissing a task needs these scopes as well
# as APPROVAL_SCOPE (whoever approves, by API, chat, MCP or the web app), and the task runs only
# if the key that proposed it held them too.
EFFECT_SCOPES: dict[str, tuple[Scope, ...]] = {
    "prospect_search": (Scope.prospects_read, Scope.contacts_write),
    "list_operation": (Scope.contacts_write,),
    "contact_update": (Scope.contacts_write,),
    "campaign_start": (Scope.campaigns_write,),
}
_wake_listeners: list[Callable[[], None]] = []


def on_approved(listener: Callable[[], None]) -> None:
    """Call ``listener`` after a transaction that approved a task commits (wakes workers)."""
    _wake_listeners.append(listener)


def remove_listener(listener: Callable[[], None]) -> None:
    if listener in _wake_listeners:
        _wake_listeners.remove(listener)


def _wake_after_commit(session: Session) -> None:
    def _notify(_: Session) -> None:
        for listener in _wake_listeners:
            listener()

    event.listen(session, "after_commit", _notify, once=True)


def charge_reference(task_id: uuid.UUID) -> str:
    return f"task:{task_id}"


def refund_reference(task_id: uuid.UUID) -> str:
    return f"task:{task_id}:refund"


def not_found() -> NotFound:
    return NotFound("Task not found.", code="task_not_found")


def propose(
    session: Session,
    *,
    workspace_id: uuid.UUID,
    type: str,
    description: str,
    metadata: dict[str, Any],
    conversation_id: uuid.UUID | None = None,
    api_key_id: uuid.UUID | None = None,
    scopes: list[str] | None = None,
) -> Task:
    """A new pending task; nothing runs and nothing is charged until it is approved."""
    return TaskRepository(session).add(
        Task(
            workspace_id=workspace_id,
            conversation_id=conversation_id,
            api_key_id=api_key_id,
            scopes=sorted(scopes or []),
            type=type,
            status="pending",
            description=description,
            meta=metadata,
            attempts=0,
        )
    )


def get(session: Session, workspace_id: uuid.UUID, task_id: uuid.UUID) -> Task:
    task = TaskRepository(session).get_in_workspace(workspace_id, task_id)
    if task is None:
        raise not_found()
    return task


def list_tasks(session: Session, workspace_id: uuid.UUID, status: str = "pending") -> list[Task]:
    """The workspace's tasks in one status, newest first (at most 100)."""
    return TaskRepository(session).list_for(workspace_id, status, LIST_LIMIT)


def finished_searches(
    session: Session,
    workspace_id: uuid.UUID,
    conversation_id: uuid.UUID,
    seen: list[uuid.UUID] | None = None,
) -> list[Task]:
    """The conversation's prospect searches that finished (completed or failed) and are not in
    ``seen``, oldest first."""
    rows = TaskRepository(session).for_conversation(
        workspace_id, conversation_id, ["completed", "failed"], 100, exclude=seen
    )
    rows = [t for t in rows if t.type == "prospect_search"]
    return sorted(rows, key=lambda t: (t.completed_at or t.created_at, str(t.id)))


def pending_for_conversation(
    session: Session, workspace_id: uuid.UUID, conversation_id: uuid.UUID
) -> list[Task]:
    """The conversation's tasks still waiting for approval, oldest first."""
    return TaskRepository(session).for_conversation(
        workspace_id, conversation_id, ["pending"], LIST_LIMIT
    )


def quoted_credits(task: Task) -> int:
    return int(((task.meta or {}).get("quote") or {}).get("credits") or 0)


def required_scopes(task_type: str) -> list[str]:
    """Every scope approving or dismissing a task of this type needs."""
    return [APPROVAL_SCOPE.value, *(s.value for s in EFFECT_SCOPES.get(task_type, ()))]


def missing_scopes(task: Task, scopes: Collection[str]) -> list[str]:
    return [s for s in required_scopes(task.type) if s not in scopes]


def _check_scopes(task: Task, scopes: Collection[str] | None, action: str) -> None:
    """403 unless ``scopes`` cover the task's effects. ``None``: the calling service already
    holds the authority (pausing a campaign dismisses its own launch task)."""
    if scopes is None:
        return
    missing = missing_scopes(task, scopes)
    if missing:
        raise InsufficientPermissions(
            f"{action.capitalize()} this {task.type} task needs the "
            f"{', '.join(repr(s) for s in missing)} scope{'s' if len(missing) > 1 else ''} "
            "as well, because of what it does; this caller lacks "
            f"{'them' if len(missing) > 1 else 'it'}.",
            details={
                "required_scope": missing[0],
                "required_scopes": required_scopes(task.type),
                "missing_scopes": missing,
            },
        )


def proposer_problem(
    session: Session, workspace_id: uuid.UUID, proposer_id: uuid.UUID | None
) -> str | None:
    """Why the key or user that proposed a task can no longer stand behind it, or None.

    A task's ``api_key_id`` holds the proposing key's id, or the user's id for a task proposed in
    the web app: a revoked or expired key, or a user who is no longer a member, invalidates it."""
    if proposer_id is None:
        return None
    return TaskRepository(session).proposer_state(workspace_id, proposer_id, utc_now())


PROPOSER_PROBLEMS = {
    "revoked": "the API key that proposed it was revoked",
    "expired": "the API key that proposed it has expired",
    "not_member": "the person who proposed it is no longer a member of this workspace",
}


def _check_proposer(
    session: Session, workspace_id: uuid.UUID, task_id: uuid.UUID, proposer_id: uuid.UUID | None
) -> None:
    problem = proposer_problem(session, workspace_id, proposer_id)
    if problem is not None:
        raise Conflict(
            f"This task cannot run: {PROPOSER_PROBLEMS[problem]}. Dismiss it, and ask for it "
            "again with a valid key.",
            details={"reason": f"proposer_{problem}", "task_id": str(task_id)},
        )


def check_runnable(session: Session, claim: Claim) -> None:
    """Before a worker runs an approved task: its proposer must still be valid (a key revoked
    after the approval stops it too; the task then fails and its charge is refunded)."""
    _check_proposer(session, claim.workspace_id, claim.id, claim.proposer_id)


def _not_pending(task: Task, action: str) -> ValidationFailed:
    return ValidationFailed(
        f"Only a pending task can be {action}; this one is {task.status}.",
        details={"fields": {"status": f"Is {task.status}, must be pending"}},
    )


def approve(
    session: Session,
    workspace_id: uuid.UUID,
    task_id: uuid.UUID,
    *,
    actor: Actor,
    scopes: Collection[str] | None,
) -> Task:
    """Approve a pending task and charge its quote; it then runs in the background exactly once,
    on behalf of ``actor`` (recorded as ``approved_by`` and in the audit log).

    ``scopes`` (the approver's) must cover what the task does (``403 insufficient_permissions``);
    anything but a pending task is ``400 validation_error``; a task whose proposer was revoked,
    expired or left is ``409 conflict``; an unaffordable quote is ``402``. Each leaves the task
    pending.
    """
    task = get(session, workspace_id, task_id)
    _check_scopes(task, scopes, "approving")
    if task.status != "pending":
        raise _not_pending(task, "approved")
    _check_proposer(session, workspace_id, task.id, task.api_key_id)
    cost = quoted_credits(task)
    if cost:
        credits_service.ensure_affordable(session, workspace_id, cost)
    repo = TaskRepository(session)
    if not repo.transition(
        task_id,
        workspace_id,
        "pending",
        "approved",
        approved_at=utc_now(),
        approved_by=actor.to_dict(),
    ):
        session.refresh(task)
        raise _not_pending(task, "approved")
    if cost:
        credits_service.charge(
            session,
            workspace_id,
            cost,
            reason=charge_reason(task.type),
            reference=charge_reference(task_id),
            actor=actor,
        )
    audit.record(
        session,
        workspace_id,
        "task.approved",
        actor,
        task_id,
        {"task_type": task.type, "credits": cost, "description": task.description[:500]},
    )
    session.refresh(task)
    _wake_after_commit(session)
    return task


def start_approved(session: Session, task: Task, *, actor: Actor, scopes: Collection[str]) -> Task:
    """Approve a task the policy lets run without asking (same charge, same worker path)."""
    return approve(session, task.workspace_id, task.id, actor=actor, scopes=scopes)


def dismiss(
    session: Session,
    workspace_id: uuid.UUID,
    task_id: uuid.UUID,
    reason: str | None = None,
    *,
    actor: Actor,
    scopes: Collection[str] | None,
) -> Task:
    """Dismiss a pending task; a dismissed task can never be approved."""
    task = get(session, workspace_id, task_id)
    _check_scopes(task, scopes, "dismissing")
    if task.status != "pending":
        raise _not_pending(task, "dismissed")
    repo = TaskRepository(session)
    if not repo.transition(
        task_id, workspace_id, "pending", "dismissed", dismiss_reason=reason, completed_at=utc_now()
    ):
        session.refresh(task)
        raise _not_pending(task, "dismissed")
    audit.record(
        session,
        workspace_id,
        "task.dismissed",
        actor,
        task_id,
        {"task_type": task.type, "reason": reason, "description": task.description[:500]},
    )
    session.refresh(task)
    return task


@dataclass(frozen=True)
class Claim:
    """What a worker needs of a claimed task, detached from the claiming session."""

    id: uuid.UUID
    workspace_id: uuid.UUID
    type: str
    metadata: dict[str, Any]
    scopes: list[str]
    attempts: int
    # Who approved it: what the task changes is recorded on their behalf.
    approved_by: Actor
    # The key (or web user) that proposed it.
    proposer_id: uuid.UUID | None = None


# Tasks approved before approvals were recorded run on behalf of the worker.
WORKER = Actor("cli", None, "worker")


def claim_next(session: Session, worker: str, lease_seconds: float) -> Claim | None:
    """Claim the oldest runnable task (approved, or running with an expired lease), or None."""
    repo = TaskRepository(session)
    now = utc_now()
    skip_locked = session.get_bind().dialect.name == "postgresql"
    for task_id in repo.claimable_ids(now, 10, skip_locked=skip_locked):
        if repo.claim(task_id, worker, now, now + timedelta(seconds=lease_seconds)):
            task = repo.get(task_id)
            assert task is not None
            session.refresh(task)
            return Claim(
                id=task.id,
                workspace_id=task.workspace_id,
                type=task.type,
                metadata=dict(task.meta or {}),
                scopes=list(task.scopes or []),
                attempts=task.attempts,
                approved_by=Actor.from_dict(task.approved_by) or WORKER,
                proposer_id=task.api_key_id,
            )
    return None


def renew_lease(session: Session, task_id: uuid.UUID, worker: str, lease_seconds: float) -> bool:
    return TaskRepository(session).renew(
        task_id, worker, utc_now() + timedelta(seconds=lease_seconds)
    )


class LeaseLost(Exception):
    """Another worker took the task over; this worker's work must be rolled back."""


def complete(session: Session, claim: Claim, worker: str, result: dict[str, Any]) -> None:
    if not TaskRepository(session).finish(
        claim.id, worker, "completed", result=result, error=None, completed_at=utc_now()
    ):
        raise LeaseLost(str(claim.id))


def fail(session: Session, claim: Claim, worker: str, error: str) -> bool:
    """Mark the task failed and refund its charge (once); False if this worker lost the task."""
    if not TaskRepository(session).finish(
        claim.id, worker, "failed", error=error[:2000], completed_at=utc_now()
    ):
        return False
    refund_charge(session, claim.workspace_id, claim.id, actor=claim.approved_by)
    return True


def refund_charge(
    session: Session, workspace_id: uuid.UUID, task_id: uuid.UUID, *, actor: Actor
) -> int:
    repo = CreditRepository(session)
    if repo.find_charge(workspace_id, refund_reference(task_id)):
        return 0
    charged = -sum(e.amount for e in repo.find_charge(workspace_id, charge_reference(task_id)))
    if charged > 0:
        credits_service.refund(
            session,
            workspace_id,
            charged,
            reason="failed task refund",
            reference=refund_reference(task_id),
            actor=actor,
        )
    return max(charged, 0)


def charge_reason(task_type: str) -> str:
    """The ledger's words for an approved task's charge ("approved prospect search"), as the
    settings page and `lexi credits show` print it."""
    return f"approved {task_type.replace('_', ' ')}"


def ensure_charged(session: Session, claim: Claim, cost: int) -> None:
    """Charge the task's cost unless it already was (a handler may run again after a crash)."""
    reference = charge_reference(claim.id)
    if cost and not CreditRepository(session).find_charge(claim.workspace_id, reference):
        credits_service.charge(
            session,
            claim.workspace_id,
            cost,
            reason=charge_reason(claim.type),
            reference=reference,
            actor=claim.approved_by,
        )
