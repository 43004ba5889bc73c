from __future__ import annotations

import uuid
from typing import Literal

from fastapi import APIRouter

from lexi.auth.dependencies import LexiCaller
from lexi.deps import SessionDep
from lexi.kit.schemas import DataEnvelope
from lexi.models import Task
from lexi.tasks import service
from lexi.tasks.schemas import DismissBody, TaskApproved, TaskDismissed, TaskList, TaskOut

router = APIRouter(prefix="/lexi/tasks", tags=["Lexi"])
StatusFilter = Literal["pending", "approved", "running", "dismissed", "completed", "failed"]


def task_out(task: Task) -> TaskOut:
    return TaskOut(
        id=task.id,
        type=task.type,
        status=task.status,
        description=task.description,
        created_at=task.created_at,
        metadata=task.meta or {},
        result=task.result,
        error=task.error,
        completed_at=task.completed_at,
    )


@router.get("", response_model=DataEnvelope[TaskList])
def list_tasks(caller: LexiCaller, session: SessionDep, status: StatusFilter = "pending") -> dict:
    """Tasks in one status (default `pending`), newest first."""
    rows = service.list_tasks(session, caller.workspace_id, status)
    return {"data": TaskList(tasks=[task_out(t) for t in rows])}


@router.get("/{task_id}", response_model=DataEnvelope[TaskOut])
def get_task(task_id: uuid.UUID, caller: LexiCaller, session: SessionDep) -> dict:
    """One task, with `result` or `error` once it finished."""
    return {"data": task_out(service.get(session, caller.workspace_id, task_id))}


@router.post("/{task_id}/approve", response_model=DataEnvelope[TaskApproved])
def approve_task(task_id: uuid.UUID, caller: LexiCaller, session: SessionDep) -> dict:
    """Approve a pending task (else 400 `validation_error`) and charge its quote (402 when it
    does not fit); it then runs in the background exactly once. The key also needs the scopes
    the task's effects need (403 `insufficient_permissions`), and the key or user that proposed
    it must still be valid (409 `conflict`)."""
    task = service.approve(
        session, caller.workspace_id, task_id, actor=caller.actor, scopes=caller.scopes
    )
    return {"data": TaskApproved(task_id=task.id, status="approved", execution_started=True)}


@router.post("/{task_id}/dismiss", response_model=DataEnvelope[TaskDismissed])
def dismiss_task(
    task_id: uuid.UUID, caller: LexiCaller, session: SessionDep, body: DismissBody | None = None
) -> dict:
    """Dismiss a pending task (else 400 `validation_error`); it can never be approved after.
    Needs the scopes the task's effects need, like approving (403 `insufficient_permissions`)."""
    task = service.dismiss(
        session,
        caller.workspace_id,
        task_id,
        body.reason if body else None,
        actor=caller.actor,
        scopes=caller.scopes,
    )
    return {"data": TaskDismissed(task_id=task.id, status=task.status)}
