"""Campaigns: the campaigns page, a campaign's emails, revision history with a diff between any
two revisions and restore, enrolled people, start (an approval task), pause and stats. Every
action calls the same campaigns service function as the REST API, under the same scope."""

from __future__ import annotations

import uuid
from typing import Any

from fastapi import APIRouter, Request, Response
from fastapi.responses import RedirectResponse
from sqlalchemy.orm import Session

from lexi.auth.scopes import Scope
from lexi.campaigns import service as campaigns
from lexi.credits import service as credits
from lexi.deps import SessionDep
from lexi.errors import NotFound, ValidationFailed
from lexi.kit.pagination import PageParams
from lexi.lists import service as lists
from lexi.models import Campaign, Task
from lexi.tasks import service as tasks
from lexi.users.service import SignedIn
from lexi.web.core import Actor, FormDep, Viewer, WebRoute, form_text, need, render
from lexi.web.revision_diff import diff_steps

router = APIRouter(route_class=WebRoute, include_in_schema=False)
PER_PAGE = 25
STATUS_WORDS = {
    "draft": "Draft",
    "pending_approval": "Waiting for approval",
    "active": "Active",
    "paused": "Paused",
    "completed": "Completed",
}
FLASHES = {
    "created": "Campaign created as a draft. Read its emails, then start it when they are right.",
    "restored": "Restored: the emails below are a new revision with that version's text.",
    "started": "Waiting for approval: approve the task below to start sending.",
    "paused": "Paused: nothing more is sent until you start it again (a new approval).",
    "approved": "Approved: the campaign starts as soon as the worker picks it up.",
    "dismissed": "Dismissed: nothing will be sent. Start it again when you are ready.",
}


def _base(user: SignedIn, session: Session) -> dict[str, Any]:
    return {
        "section": "campaigns",
        "credits": credits.balance(session, user.workspace_id),
        "can_write": user.caller.has(Scope.campaigns_write.value),
    }


def _page_number(raw: str | None) -> int:
    return int(raw) if raw and raw.isdigit() and 0 < int(raw) < 1_000_000 else 1


def _uuid(value: Any, name: str) -> uuid.UUID | None:
    if value in (None, ""):
        return None
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise ValidationFailed.field(
            name, "Not a valid id", "Choose a list from the menu."
        ) from None


def _list_names(session: Session, user: SignedIn) -> dict[uuid.UUID, str]:
    if not user.caller.has(Scope.contacts_read.value):
        return {}
    rows, _ = lists.list_lists(session, user.workspace_id, PageParams(1, 100))
    return {lst.id: lst.name for lst, _ in rows}


@router.get("/campaigns")
def campaigns_page(request: Request, user: Viewer, session: SessionDep) -> Response:
    need(user, Scope.campaigns_read)
    page = _page_number(request.query_params.get("page"))
    rows, total = campaigns.list_campaigns(session, user.workspace_id, PageParams(page, PER_PAGE))
    counts = campaigns.overview(session, user.workspace_id, [c.id for c in rows])
    names = _list_names(session, user)
    return render(
        request,
        "campaigns.html",
        {
            **_base(user, session),
            "rows": [(c, counts.get(c.id, {})) for c in rows],
            "total": total,
            "page": page,
            "pages": max(1, -(-total // PER_PAGE)),
            "list_names": names,
            "lists": sorted(names.items(), key=lambda item: item[1].lower()),
            "status_words": STATUS_WORDS,
            "list_id": request.query_params.get("list_id", ""),
        },
    )


@router.post("/campaigns")
def create_campaign(user: Actor, session: SessionDep, form: FormDep) -> Response:
    need(user, Scope.campaigns_write)
    campaign = campaigns.create_campaign(
        session,
        user.workspace_id,
        {
            "name": form_text(form, "name", label="A name"),
            "list_id": _uuid(form.get("list_id"), "list_id"),
            "topic": form_text(form, "topic", required=False)[:300] or None,
        },
    )
    return RedirectResponse(f"/campaigns/{campaign.id}?done=created", status_code=303)


def _start_task(session: Session, user: SignedIn, campaign: Campaign) -> Task | None:
    if campaign.start_task_id is None:
        return None
    try:
        return tasks.get(session, user.workspace_id, campaign.start_task_id)
    except NotFound:
        return None


def _revision_number(raw: str | None, numbers: list[int], name: str) -> int | None:
    if not raw:
        return None
    if not raw.isdigit() or int(raw) not in numbers:
        raise ValidationFailed.field(
            name, "Unknown revision", f"There is no revision {raw} of this campaign."
        )
    return int(raw)


@router.get("/campaigns/{campaign_id}")
def campaign_page(
    campaign_id: uuid.UUID, request: Request, user: Viewer, session: SessionDep
) -> Response:
    need(user, Scope.campaigns_read)
    campaign = campaigns.get_campaign(session, user.workspace_id, campaign_id)
    steps = campaigns.steps_of(session, campaign.id)
    revisions = campaigns.list_revisions(session, user.workspace_id, campaign.id)
    numbers = [r.number for r in revisions]
    page = _page_number(request.query_params.get("page"))
    people, enrolled = campaigns.list_enrolments(
        session, user.workspace_id, campaign.id, PageParams(page, PER_PAGE)
    )
    older = _revision_number(request.query_params.get("from"), numbers, "from")
    newer = _revision_number(request.query_params.get("to"), numbers, "to")
    diff = None
    if older is not None and newer is not None:
        by_number = {r.number: r for r in revisions}
        diff = diff_steps(by_number[older].steps, by_number[newer].steps)
    list_name = None
    if campaign.list_id is not None:
        list_name = _list_names(session, user).get(campaign.list_id)
    task = _start_task(session, user, campaign)
    return render(
        request,
        "campaign.html",
        {
            **_base(user, session),
            "c": campaign,
            "steps": steps,
            "revisions": list(reversed(revisions)),
            "people": people,
            "enrolled": enrolled,
            "page": page,
            "pages": max(1, -(-enrolled // PER_PAGE)),
            "stats": campaigns.stats(session, user.workspace_id, campaign.id),
            "status_words": STATUS_WORDS,
            "list_name": list_name,
            "task": task,
            "running": task is not None and task.status in ("approved", "running"),
            "diff": diff,
            "older": older if older is not None else (numbers[-2] if len(numbers) > 1 else None),
            "newer": newer if newer is not None else (numbers[-1] if numbers else None),
            "compared": diff is not None,
            "flash": FLASHES.get(request.query_params.get("done", "")),
        },
    )


@router.post("/campaigns/{campaign_id}/revisions/{number}/restore")
def restore_revision(
    campaign_id: uuid.UUID, number: int, user: Actor, session: SessionDep
) -> Response:
    need(user, Scope.campaigns_write)
    campaigns.restore_revision(session, user.workspace_id, campaign_id, number)
    return RedirectResponse(f"/campaigns/{campaign_id}?done=restored#emails", status_code=303)


@router.post("/campaigns/{campaign_id}/start")
def start(campaign_id: uuid.UUID, user: Actor, session: SessionDep) -> Response:
    need(user, Scope.campaigns_write)
    result = campaigns.start(
        session,
        user.workspace_id,
        campaign_id,
        actor=user.caller.actor,
        api_key_id=user.caller.key_id,
        scopes=sorted(user.caller.scopes),
    )
    return RedirectResponse(
        f"/campaigns/{campaign_id}?done=started#task-{result.task.id}", status_code=303
    )


@router.post("/campaigns/{campaign_id}/pause")
def pause(campaign_id: uuid.UUID, user: Actor, session: SessionDep) -> Response:
    need(user, Scope.campaigns_write)
    campaigns.pause(session, user.workspace_id, campaign_id, actor=user.caller.actor)
    return RedirectResponse(f"/campaigns/{campaign_id}?done=paused", status_code=303)
