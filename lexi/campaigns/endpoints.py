from __future__ import annotations

import json
import uuid
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Request, Response
from starlette.concurrency import run_in_threadpool

from lexi.auth.dependencies import CampaignsRead, CampaignsWrite
from lexi.campaigns import service, tracking
from lexi.campaigns.schemas import (
    CampaignCreate,
    CampaignOut,
    CampaignUpdate,
    EnrolIn,
    EnrolmentOut,
    EnrolOut,
    InboundOut,
    PauseOut,
    RevisionOut,
    RewriteIn,
    StartOut,
    StatsOut,
    StepCreate,
    StepOut,
    StepUpdate,
    SuppressionIn,
    SuppressionOut,
    WrittenByOut,
)
from lexi.deps import DatabaseDep, SessionDep
from lexi.errors import ValidationFailed
from lexi.kit.pagination import Page, PageParams, page_params
from lexi.kit.schemas import DataEnvelope
from lexi.models import Campaign, CampaignRevision, CampaignStep, Suppression

router = APIRouter(prefix="/campaigns", tags=["Campaigns"])
suppressions_router = APIRouter(prefix="/suppressions", tags=["Campaigns"])
inbound_router = APIRouter(prefix="/email", tags=["Campaigns"])
CampaignPage = Annotated[PageParams, Depends(page_params(default=50, maximum=100))]
StatusFilter = Literal["draft", "pending_approval", "active", "paused", "completed"]


def step_out(step: CampaignStep, index: int) -> StepOut:
    return StepOut(
        id=step.id,
        index=index,
        subject=step.subject,
        body=step.body,
        delay_days=step.delay_days,
        delay_hours=step.delay_hours,
        send_condition=step.send_condition,
    )


def campaign_out(c: Campaign, steps: list[CampaignStep]) -> CampaignOut:
    return CampaignOut(
        id=c.id,
        name=c.name,
        description=c.description,
        list_id=c.list_id,
        status=c.status,
        daily_send_limit=c.daily_send_limit,
        delay_between_emails=c.delay_between_emails,
        sending_timezone=c.sending_timezone,
        send_on_weekends=c.send_on_weekends,
        track_opens=c.track_opens,
        track_clicks=c.track_clicks,
        show_unsubscribe=c.show_unsubscribe,
        revision=c.revision,
        steps=[step_out(s, i) for i, s in enumerate(steps)],
        created_at=c.created_at,
        sending_window_start=c.sending_window_start,
        sending_window_end=c.sending_window_end,
        from_name=c.from_name,
        from_email=c.from_email,
        topic=c.topic,
        tone=c.tone,
        sending_revision=c.sending_revision,
        updated_at=c.updated_at,
    )


def revision_out(r: CampaignRevision) -> RevisionOut:
    return RevisionOut(
        number=r.number,
        change=r.change,
        parent=r.parent,
        created_at=r.created_at,
        written_by=WrittenByOut.model_validate(r.written_by) if r.written_by else None,
        steps=[
            StepOut(
                id=uuid.UUID(s["id"]),
                index=s["index"],
                subject=s["subject"],
                body=s["body"],
                delay_days=s["delay_days"],
                delay_hours=s["delay_hours"],
                send_condition=s["send_condition"],
            )
            for s in r.steps
        ],
    )


def _full(session: SessionDep, c: Campaign) -> dict:
    return {"data": campaign_out(c, service.steps_of(session, c.id))}


@router.post("", status_code=201, response_model=DataEnvelope[CampaignOut])
def create_campaign(body: CampaignCreate, caller: CampaignsWrite, session: SessionDep) -> dict:
    """Create a draft campaign. (ext) With `topic` and no `steps`, Lexi drafts a 3-step sequence
    for the list's audience; `steps` creates them as given. Step subjects and bodies may use
    `{{first_name}}`, `{{last_name}}`, `{{company_name}}`, `{{job_title}}` with fallbacks, and
    `{{signal_opener}}` / `{{signal_followup}}` (facts from the data, empty when there are none)."""
    data = body.model_dump(exclude_unset=True)
    if body.steps is not None:
        data["steps"] = [s.model_dump() for s in body.steps]
    campaign = service.create_campaign(session, caller.workspace_id, data)
    return _full(session, campaign)


@router.get("", response_model=Page[CampaignOut])
def list_campaigns(
    caller: CampaignsRead,
    session: SessionDep,
    params: CampaignPage,
    status: StatusFilter | None = None,
) -> Page[CampaignOut]:
    """The workspace's campaigns, newest first, each with its current steps."""
    rows, total = service.list_campaigns(session, caller.workspace_id, params, status)
    steps = service.steps_for(session, [c.id for c in rows])
    return Page[CampaignOut].build([campaign_out(c, steps[c.id]) for c in rows], total, params)


@router.get("/{campaign_id}", response_model=DataEnvelope[CampaignOut])
def get_campaign(campaign_id: uuid.UUID, caller: CampaignsRead, session: SessionDep) -> dict:
    """One campaign with its current steps and revision number."""
    return _full(session, service.get_campaign(session, caller.workspace_id, campaign_id))


@router.patch("/{campaign_id}", response_model=DataEnvelope[CampaignOut])
def update_campaign(
    campaign_id: uuid.UUID, body: CampaignUpdate, caller: CampaignsWrite, session: SessionDep
) -> dict:
    """Change settings. Sending settings of an active or pending campaign are `409 conflict`
    (pause it first)."""
    campaign = service.update_campaign(
        session, caller.workspace_id, campaign_id, body.model_dump(exclude_unset=True)
    )
    return _full(session, campaign)


@router.delete("/{campaign_id}", status_code=204, response_class=Response)
def delete_campaign(
    campaign_id: uuid.UUID, caller: CampaignsWrite, session: SessionDep
) -> Response:
    """Delete a draft campaign (any other status is `409 conflict`)."""
    service.delete_campaign(session, caller.workspace_id, campaign_id)
    return Response(status_code=204)


# ------------------------------------------------------------------ steps


@router.get("/{campaign_id}/steps", response_model=DataEnvelope[list[StepOut]])
def list_steps(campaign_id: uuid.UUID, caller: CampaignsRead, session: SessionDep) -> dict:
    """The campaign's current steps in order."""
    service.get_campaign(session, caller.workspace_id, campaign_id)
    return {"data": [step_out(s, i) for i, s in enumerate(service.steps_of(session, campaign_id))]}


@router.post("/{campaign_id}/steps", status_code=201, response_model=DataEnvelope[StepOut])
def add_step(
    campaign_id: uuid.UUID, body: StepCreate, caller: CampaignsWrite, session: SessionDep
) -> dict:
    """Add a step (a new revision). Unknown merge variables are `400` listing them; HTML bodies
    are sanitised (scripts, event handlers and `javascript:` links are removed)."""
    step = service.add_step(session, caller.workspace_id, campaign_id, body.model_dump())
    return {"data": step_out(step, step.position)}


@router.patch("/{campaign_id}/steps/{step_id}", response_model=DataEnvelope[StepOut])
def update_step(
    campaign_id: uuid.UUID,
    step_id: uuid.UUID,
    body: StepUpdate,
    caller: CampaignsWrite,
    session: SessionDep,
) -> dict:
    """Edit a step (a new revision)."""
    step = service.update_step(
        session, caller.workspace_id, campaign_id, step_id, body.model_dump(exclude_unset=True)
    )
    return {"data": step_out(step, step.position)}


@router.delete("/{campaign_id}/steps/{step_id}", status_code=204, response_class=Response)
def delete_step(
    campaign_id: uuid.UUID, step_id: uuid.UUID, caller: CampaignsWrite, session: SessionDep
) -> Response:
    """Remove a step (a new revision)."""
    service.delete_step(session, caller.workspace_id, campaign_id, step_id)
    return Response(status_code=204)


# ------------------------------------------------------------------ revisions (ext)


@router.get("/{campaign_id}/revisions", response_model=DataEnvelope[list[RevisionOut]])
def list_revisions(campaign_id: uuid.UUID, caller: CampaignsRead, session: SessionDep) -> dict:
    """(ext) Every revision of the steps, oldest first. Revisions never change once written."""
    rows = service.list_revisions(session, caller.workspace_id, campaign_id)
    return {"data": [revision_out(r) for r in rows]}


@router.get("/{campaign_id}/revisions/{number}", response_model=DataEnvelope[RevisionOut])
def get_revision(
    campaign_id: uuid.UUID,
    number: int,
    caller: CampaignsRead,
    session: SessionDep,
) -> dict:
    """(ext) One revision's steps."""
    return {
        "data": revision_out(
            service.get_revision(session, caller.workspace_id, campaign_id, number)
        )
    }


@router.post("/{campaign_id}/revisions/{number}/restore", response_model=DataEnvelope[RevisionOut])
def restore_revision(
    campaign_id: uuid.UUID, number: int, caller: CampaignsWrite, session: SessionDep
) -> dict:
    """(ext) Make an earlier revision's steps current again, as a new revision."""
    rev = service.restore_revision(session, caller.workspace_id, campaign_id, number)
    return {"data": revision_out(rev)}


@router.post("/{campaign_id}/undo", response_model=DataEnvelope[RevisionOut])
def undo(campaign_id: uuid.UUID, caller: CampaignsWrite, session: SessionDep) -> dict:
    """(ext) Go back to the version the current one was made from, as a new revision."""
    return {"data": revision_out(service.undo(session, caller.workspace_id, campaign_id))}


@router.post("/{campaign_id}/rewrite", response_model=DataEnvelope[RevisionOut])
def rewrite(
    campaign_id: uuid.UUID, body: RewriteIn, caller: CampaignsWrite, session: SessionDep
) -> dict:
    """(ext) Rewrite the emails ("more casual", "more formal", "shorter", "add a question at
    the end", "mention our free trial", `change the subject line to "..."`) as a new revision."""
    rev = service.rewrite(session, caller.workspace_id, campaign_id, body.instruction, body.step)
    return {"data": revision_out(rev)}


# ------------------------------------------------------------------ enrolment


@router.post("/{campaign_id}/contacts", response_model=DataEnvelope[EnrolOut])
def enrol(
    campaign_id: uuid.UUID, body: EnrolIn, caller: CampaignsWrite, session: SessionDep
) -> dict:
    """Enrol up to 500 contacts. Unknown ids are `404 contact_not_found` and nothing changes;
    contacts already enrolled, without a deliverable email, or suppressed are skipped."""
    r = service.enrol(session, caller.workspace_id, campaign_id, body.contact_ids, body.source)
    return {
        "data": EnrolOut(
            added=len(r.added),
            skipped=r.skipped,
            contact_ids=r.added,
            skipped_reasons={
                k: v
                for k, v in (
                    ("already_enrolled", r.already),
                    ("no_email", r.no_email),
                    ("suppressed", r.suppressed),
                )
                if v
            },
        )
    }


@router.get("/{campaign_id}/contacts", response_model=Page[EnrolmentOut])
def list_enrolments(
    campaign_id: uuid.UUID, caller: CampaignsRead, session: SessionDep, params: CampaignPage
) -> Page[EnrolmentOut]:
    """Enrolled contacts with their `status`, `current_step` and `last_sent_at`."""
    rows, total = service.list_enrolments(session, caller.workspace_id, campaign_id, params)
    return Page[EnrolmentOut].build(
        [
            EnrolmentOut(
                contact_id=e.contact_id,
                email=c.email,
                full_name=c.full_name,
                status=e.status,
                current_step=e.current_step,
                last_sent_at=e.last_sent_at,
                source=e.source,
            )
            for e, c in rows
        ],
        total,
        params,
    )


@router.delete("/{campaign_id}/contacts/{contact_id}", status_code=204, response_class=Response)
def remove_enrolment(
    campaign_id: uuid.UUID, contact_id: uuid.UUID, caller: CampaignsWrite, session: SessionDep
) -> Response:
    """Take a contact out of the campaign; nothing more is sent to them."""
    service.remove_enrolment(session, caller.workspace_id, campaign_id, contact_id)
    return Response(status_code=204)


# ------------------------------------------------------------------ launch, pause, stats


@router.post("/{campaign_id}/start", response_model=DataEnvelope[StartOut])
def start(campaign_id: uuid.UUID, caller: CampaignsWrite, session: SessionDep) -> dict:
    """Propose starting the campaign: a `campaign_start` approval task naming the revision,
    the recipient count and the schedule (approve it with `POST /v1/lexi/tasks/{id}/approve`).
    An active campaign is `409 conflict`; no list or no eligible recipients is `400`."""
    r = service.start(
        session,
        caller.workspace_id,
        campaign_id,
        actor=caller.actor,
        api_key_id=caller.key_id,
        scopes=sorted(caller.scopes),
    )
    return {
        "data": StartOut(campaign_id=r.campaign.id, status=r.campaign.status, task_id=r.task.id)
    }


@router.post("/{campaign_id}/pause", response_model=DataEnvelope[PauseOut])
def pause(campaign_id: uuid.UUID, caller: CampaignsWrite, session: SessionDep) -> dict:
    """Stop sending at once; `start` again (a new approval) to resume."""
    c = service.pause(session, caller.workspace_id, campaign_id, actor=caller.actor)
    return {"data": PauseOut(campaign_id=c.id, status=c.status)}


@router.get("/{campaign_id}/stats", response_model=DataEnvelope[StatsOut])
def stats(campaign_id: uuid.UUID, caller: CampaignsRead, session: SessionDep) -> dict:
    """Counts of sent, opened, clicked, replied, bounced and unsubscribed, and the rates
    (per contact reached)."""
    return {"data": StatsOut(**service.stats(session, caller.workspace_id, campaign_id))}


# ------------------------------------------------------------------ suppression list (ext)


def _suppression_out(row: Suppression) -> SuppressionOut:
    return SuppressionOut(
        id=row.id, email=row.email, reason=row.reason, campaign_id=row.campaign_id,
        created_at=row.created_at,
    )  # fmt: skip


@suppressions_router.get("", response_model=Page[SuppressionOut])
def list_suppressions(
    caller: CampaignsRead, session: SessionDep, params: CampaignPage
) -> Page[SuppressionOut]:
    """(ext) Addresses no campaign of the workspace will email (unsubscribed, bounced,
    do-not-contact, manual)."""
    rows, total = service.list_suppressions(session, caller.workspace_id, params)
    return Page[SuppressionOut].build([_suppression_out(r) for r in rows], total, params)


@suppressions_router.post("", status_code=201, response_model=DataEnvelope[SuppressionOut])
def add_suppression(body: SuppressionIn, caller: CampaignsWrite, session: SessionDep) -> dict:
    """(ext) Suppress an address in every campaign; sequences under way for it stop."""
    row = service.add_suppression(session, caller.workspace_id, body.email, body.reason)
    return {"data": _suppression_out(row)}


@suppressions_router.delete("/{email}", status_code=204, response_class=Response)
def remove_suppression(email: str, caller: CampaignsWrite, session: SessionDep) -> Response:
    """(ext) Allow an address again."""
    service.remove_suppression(session, caller.workspace_id, email)
    return Response(status_code=204)


# ------------------------------------------------------------------ inbound mail


@inbound_router.post(
    "/inbound",
    response_model=DataEnvelope[InboundOut],
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {
                    "schema": {
                        "type": "object",
                        "properties": {"raw": {"type": "string", "description": "RFC 822 text"}},
                        "required": ["raw"],
                    }
                },
                "message/rfc822": {"schema": {"type": "string", "format": "binary"}},
            },
        }
    },
)
async def inbound(request: Request, caller: CampaignsWrite, db: DatabaseDep) -> dict:
    """A received email, raw RFC 822 (`message/rfc822` body, or JSON `{"raw": "..."}`): a reply
    to a campaign email stops that person's sequence; a bounce (DSN, RFC 3464) suppresses the
    address when it is permanent. Anything else changes nothing (`kind: unmatched`)."""
    raw = await request.body()
    if (request.headers.get("content-type") or "").split(";")[0].strip().endswith("json"):
        try:
            parsed = json.loads(raw or b"null")
        except ValueError:
            raise ValidationFailed.field("body", "Malformed JSON") from None
        if not isinstance(parsed, dict) or not isinstance(parsed.get("raw"), str):
            raise ValidationFailed.field("raw", "Send the message as a string in 'raw'")
        raw = parsed["raw"].encode("utf-8", "surrogateescape")

    def work() -> InboundOut:
        with db.unit_of_work() as session:
            r = tracking.handle_inbound(session, caller.workspace_id, raw)
            return InboundOut(
                kind=r.kind, campaign_id=r.campaign_id, contact_id=r.contact_id, email=r.email
            )

    return {"data": await run_in_threadpool(work)}
