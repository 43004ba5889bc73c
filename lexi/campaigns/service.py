"""Campaigns: drafts, immutable revisions of their steps, enrolment, launch on approval, stats.

    draft ──start──▶ pending_approval ──task approved──▶ active ──pause──▶ paused
      ▲                    │ task dismissed/failed: start again     ▲        │
      └────────────────────┘                                        └─start──┘ (approval again)

Every change to the steps (REST edits, rewrites, restores) writes a new numbered revision holding
a snapshot of all steps; earlier ones are never changed. The ``campaign_start`` approval task
names the exact revision, and sending uses that revision only.
"""

from __future__ import annotations

import math
import secrets
import uuid
from dataclasses import dataclass, field, replace
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from email_validator import EmailNotValidError, validate_email
from sqlalchemy.orm import Session

from lexi.assistant.model import config as model_config
from lexi.audit import service as audit
from lexi.audit.service import Actor
from lexi.auth.scopes import Scope
from lexi.campaigns import content, facts
from lexi.campaigns.drafting import (
    LENGTHS,
    TONES,
    Audience,
    Step,
    draft_sequence,
    get_writer,
    rewrite_sequence,
    single_email,
    words,
)
from lexi.campaigns.repository import CampaignRepository
from lexi.credits import prices
from lexi.credits import service as credits_service
from lexi.db.session import read_apart
from lexi.errors import Conflict, NotFound, ValidationFailed
from lexi.kit.clock import utc_now
from lexi.kit.pagination import PageParams
from lexi.lists import service as lists_service
from lexi.models import (
    Campaign,
    CampaignEnrolment,
    CampaignEvent,
    CampaignRevision,
    CampaignStep,
    Contact,
    Suppression,
    Task,
)
from lexi.tasks import service as tasks_service
from lexi.workspaces import service as workspaces_service

EDITABLE = ("draft", "paused")
SETTINGS_FIELDS = (
    "description",
    "daily_send_limit",
    "delay_between_emails",
    "sending_timezone",
    "send_on_weekends",
    "track_opens",
    "track_clicks",
    "show_unsubscribe",
    "sending_window_start",
    "sending_window_end",
    "from_name",
    "from_email",
)


def not_found() -> NotFound:
    return NotFound("Campaign not found.", code="campaign_not_found")


def get_campaign(
    session: Session, workspace_id: uuid.UUID, campaign_id: uuid.UUID, *, lock: bool = False
) -> Campaign:
    """A campaign of the workspace (else 404). ``lock``: row-locked for a state change."""
    repo = CampaignRepository(session)
    campaign = repo.get_in_workspace(workspace_id, campaign_id)
    if campaign is None:
        raise not_found()
    if lock:
        campaign = repo.lock(campaign_id) or campaign
    return campaign


def resolve(session: Session, workspace_id: uuid.UUID, campaign_id: uuid.UUID) -> uuid.UUID:
    """The chat's campaign lookup: the id when it is the workspace's, else 404."""
    return get_campaign(session, workspace_id, campaign_id).id


def steps_of(session: Session, campaign_id: uuid.UUID) -> list[CampaignStep]:
    return CampaignRepository(session).steps(campaign_id)


def steps_for(
    session: Session, campaign_ids: list[uuid.UUID]
) -> dict[uuid.UUID, list[CampaignStep]]:
    return CampaignRepository(session).steps_for(campaign_ids)


def list_campaigns(
    session: Session, workspace_id: uuid.UUID, params: PageParams, status: str | None = None
) -> tuple[list[Campaign], int]:
    repo = CampaignRepository(session)
    return repo.paginate(repo.list_stmt(workspace_id, status), params)


def latest_for_list(
    session: Session, workspace_id: uuid.UUID, list_id: uuid.UUID
) -> Campaign | None:
    return CampaignRepository(session).latest_for_list(workspace_id, list_id)


# ------------------------------------------------------------------ validation


def _check_timezone(name: str) -> str:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValidationFailed.field(
            "sending_timezone", "Must be an IANA time zone such as America/New_York"
        ) from None
    return name


def _check_from_email(email: str | None) -> str | None:
    if not email:
        return None
    try:
        return validate_email(email, check_deliverability=False).normalized
    except EmailNotValidError:
        raise ValidationFailed.field("from_email", "Must be an email address") from None


def _check_window(start: str | None, end: str | None) -> None:
    if (start is None) != (end is None):
        raise ValidationFailed(
            "Give both sending_window_start and sending_window_end, or neither.",
            details={"fields": {"sending_window_end": "Both ends of the window are needed"}},
        )
    if start is not None and start == end:
        raise ValidationFailed.field("sending_window_end", "Must differ from the start")


def _clean_step(data: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """Validate one step's fields: non-empty subject and body, known merge variables only."""
    out = dict(data)
    if "subject" in out:
        subject = " ".join((out["subject"] or "").split())
        if not subject:
            raise ValidationFailed.field(f"{prefix}subject", "Must not be empty")
        out["subject"] = subject
    if "body" in out:
        body = content.clean_body(out["body"] or "")
        if not content.html_to_text(body).strip() if content.is_html(body) else not body:
            raise ValidationFailed.field(f"{prefix}body", "Must not be empty")
        out["body"] = body
    unknown = content.unknown_variables(out.get("subject") or "", out.get("body") or "")
    if unknown:
        raise ValidationFailed(
            "Unknown merge variables: "
            + ", ".join("{{" + v + "}}" for v in unknown)
            + ". Use "
            + ", ".join("{{" + f + "}}" for f in content.MERGE_FIELDS)
            + ".",
            details={
                "unknown_variables": unknown,
                "allowed_variables": list(content.MERGE_FIELDS),
                "fields": {f"{prefix}body": "Unknown merge variables"},
            },
        )
    return out


def _require_editable(campaign: Campaign) -> None:
    if campaign.status not in EDITABLE:
        raise Conflict(
            f"The campaign is {campaign.status}; pause it before changing its emails.",
            details={"status": campaign.status},
        )


# ------------------------------------------------------------------ revisions


def _snapshot(steps: list[CampaignStep]) -> list[dict[str, Any]]:
    return [
        {
            "id": str(s.id),
            "index": i,
            "subject": s.subject,
            "body": s.body,
            "delay_days": s.delay_days,
            "delay_hours": s.delay_hours,
            "send_condition": s.send_condition,
        }
        for i, s in enumerate(steps)
    ]


def current_steps(session: Session, campaign_id: uuid.UUID) -> list[dict[str, Any]]:
    """The campaign's current emails as a rewrite reads them."""
    return _snapshot(steps_of(session, campaign_id))


def _record_revision(
    session: Session,
    campaign: Campaign,
    change: str,
    parent: int | None = None,
    written_by: dict[str, Any] | None = None,
) -> CampaignRevision:
    repo = CampaignRepository(session)
    steps = repo.steps(campaign.id)
    for i, s in enumerate(steps):
        s.position = i
    session.flush()
    previous = campaign.revision
    number = repo.bump_revision(campaign.id)
    session.refresh(campaign, ["revision"])
    revision = CampaignRevision(
        campaign_id=campaign.id,
        number=number,
        steps=_snapshot(steps),
        change=change[:200],
        parent=parent if parent is not None else (previous or None),
        written_by=written_by,
    )
    session.add(revision)
    session.flush()
    return revision


def _replace_steps(session: Session, campaign: Campaign, steps: list[dict[str, Any]]) -> None:
    repo = CampaignRepository(session)
    repo.delete_steps(campaign.id)
    session.flush()
    for i, s in enumerate(steps):
        session.add(
            CampaignStep(
                id=uuid.UUID(s["id"]) if s.get("id") else uuid.uuid4(),
                campaign_id=campaign.id,
                position=i,
                subject=s["subject"],
                body=s["body"],
                delay_days=int(s.get("delay_days") or 0),
                delay_hours=int(s.get("delay_hours") or 0),
                send_condition=s.get("send_condition") or "always",
            )
        )
    session.flush()
    session.expire_all()


def list_revisions(
    session: Session, workspace_id: uuid.UUID, campaign_id: uuid.UUID
) -> list[CampaignRevision]:
    get_campaign(session, workspace_id, campaign_id)
    return CampaignRepository(session).revisions(campaign_id)


def get_revision(
    session: Session, workspace_id: uuid.UUID, campaign_id: uuid.UUID, number: int
) -> CampaignRevision:
    get_campaign(session, workspace_id, campaign_id)
    rev = CampaignRepository(session).revision(campaign_id, number)
    if rev is None:
        raise NotFound(f"Revision {number} does not exist.", code="not_found")
    return rev


def restore_revision(
    session: Session, workspace_id: uuid.UUID, campaign_id: uuid.UUID, number: int
) -> CampaignRevision:
    """Make revision ``number``'s steps current again, as a new revision (history is kept)."""
    campaign = get_campaign(session, workspace_id, campaign_id, lock=True)
    _require_editable(campaign)
    old = get_revision(session, workspace_id, campaign_id, number)
    _replace_steps(session, campaign, old.steps)
    return _record_revision(session, campaign, f"restored revision {number}", parent=number)


def undo(session: Session, workspace_id: uuid.UUID, campaign_id: uuid.UUID) -> CampaignRevision:
    """Go back to the version the current one was made from (as a new revision)."""
    campaign = get_campaign(session, workspace_id, campaign_id)
    current = CampaignRepository(session).revision(campaign_id, campaign.revision)
    target = current.parent if current is not None else None
    if current is not None and current.change.startswith("restored revision"):
        # Undoing a restore goes back past it: to what the restored revision came from.
        restored = CampaignRepository(session).revision(campaign_id, current.parent or 0)
        target = restored.parent if restored is not None else None
    if not target:
        raise Conflict("There is no earlier version to go back to.", code="conflict")
    return restore_revision(session, workspace_id, campaign_id, target)


# ------------------------------------------------------------------ campaigns


@dataclass
class Draft:
    steps: list[Step] = field(default_factory=list)


def _asks_a_model(session: Session) -> bool:
    """Whether the writer may call a model and the request has not begun its transaction yet: then
    what the model needs is read first in a short read-only session, and the model is called with
    no transaction open, so a slow model never holds SQLite's write lock (or a row lock)."""
    return bool(getattr(get_writer(), "uses_model", False)) and not session.in_transaction()


def model_data(session: Session, workspace_id: uuid.UUID) -> str:
    """What the workspace lets Lexi send to a model (none | message | message_and_contacts);
    the writer consults a configured model only when this allows it."""
    return model_config.data_policy(workspaces_service.get(session, workspace_id).settings)


def audience_of(session: Session, workspace_id: uuid.UUID, list_id: uuid.UUID | None) -> Audience:
    """The titles and industries of a list's members (most common first)."""
    if list_id is None:
        return Audience()
    repo = CampaignRepository(session)
    contacts = repo.contacts(workspace_id, repo.list_member_ids(list_id)[:2000])
    known = facts.for_contacts(session, contacts, utc_now().date())
    return replace(Audience.from_contacts(contacts), with_facts=sum(1 for f in known.values() if f))


def create_campaign(session: Session, workspace_id: uuid.UUID, data: dict[str, Any]) -> Campaign:
    """A draft campaign; with ``topic`` and no ``steps``, the writer drafts a 3-step sequence."""
    name = " ".join((data.get("name") or "").split())
    if not name:
        raise ValidationFailed.field("name", "Must not be empty")
    list_id = data.get("list_id")
    tone = data.get("tone") or "professional"
    drafted = None
    if data.get("topic") and not data.get("steps") and _asks_a_model(session):
        with read_apart(session) as reader:
            if list_id is not None:
                lists_service.get_list(reader, workspace_id, list_id)
            audience = audience_of(reader, workspace_id, list_id)
            policy = model_data(reader, workspace_id)
        drafted = draft_sequence(get_writer(), data["topic"], audience, tone, data=policy)
    if list_id is not None:
        lists_service.get_list(session, workspace_id, list_id)
    _check_window(data.get("sending_window_start"), data.get("sending_window_end"))
    campaign = Campaign(
        workspace_id=workspace_id,
        name=name[:200],
        list_id=list_id,
        status="draft",
        revision=0,
        day_count=0,
        signing_key=secrets.token_hex(32),
        topic=(data.get("topic") or None),
        tone=data.get("tone"),
    )
    for key in SETTINGS_FIELDS:
        if key in data and data[key] is not None:
            setattr(campaign, key, data[key])
    campaign.description = (data.get("description") or "").strip() or None
    campaign.sending_timezone = _check_timezone(data.get("sending_timezone") or "UTC")
    campaign.from_email = _check_from_email(data.get("from_email"))
    for attr, default in (
        ("daily_send_limit", 50),
        ("delay_between_emails", 60),
        ("send_on_weekends", False),
        ("track_opens", False),
        ("track_clicks", False),
        ("show_unsubscribe", True),
    ):
        if getattr(campaign, attr) is None:
            setattr(campaign, attr, default)
    steps = data.get("steps")
    written_by = None
    if steps:
        cleaned = [_clean_step(dict(s), f"steps.{i}.") for i, s in enumerate(steps)]
    elif data.get("topic"):
        if drafted is None:
            audience = audience_of(session, workspace_id, list_id)
            drafted = draft_sequence(
                get_writer(), data["topic"], audience, tone, data=model_data(session, workspace_id)
            )
        cleaned = [_clean_step(s.as_dict()) for s in drafted.steps]
        written_by = drafted.record()
    else:
        cleaned = []
    session.add(campaign)
    session.flush()
    if cleaned:
        _replace_steps(session, campaign, cleaned)
        _record_revision(
            session,
            campaign,
            "drafted" if not steps else "created",
            parent=None,
            written_by=written_by,
        )
    session.refresh(campaign)
    return campaign


def update_campaign(
    session: Session, workspace_id: uuid.UUID, campaign_id: uuid.UUID, changes: dict[str, Any]
) -> Campaign:
    campaign = get_campaign(session, workspace_id, campaign_id, lock=True)
    if campaign.status in ("active", "pending_approval") and set(changes) - {"name", "description"}:
        raise Conflict(
            f"The campaign is {campaign.status}; pause it before changing how it sends.",
            details={"status": campaign.status},
        )
    if "name" in changes:
        name = " ".join((changes["name"] or "").split())
        if not name:
            raise ValidationFailed.field("name", "Must not be empty")
        campaign.name = name
    if "list_id" in changes and changes["list_id"] is not None:
        lists_service.get_list(session, workspace_id, changes["list_id"])
    if "list_id" in changes:
        campaign.list_id = changes["list_id"]
    if "sending_timezone" in changes:
        changes["sending_timezone"] = _check_timezone(changes["sending_timezone"] or "UTC")
    if "from_email" in changes:
        changes["from_email"] = _check_from_email(changes["from_email"])
    for key in SETTINGS_FIELDS:
        if key in changes:
            if changes[key] is None and key not in (
                "description", "sending_window_start", "sending_window_end", "from_name",
                "from_email",
            ):  # fmt: skip
                raise ValidationFailed.field(key, "Must not be null")
            setattr(campaign, key, changes[key])
    _check_window(campaign.sending_window_start, campaign.sending_window_end)
    session.flush()
    return campaign


def delete_campaign(session: Session, workspace_id: uuid.UUID, campaign_id: uuid.UUID) -> None:
    campaign = get_campaign(session, workspace_id, campaign_id)
    if campaign.status != "draft":
        raise Conflict(
            f"Only a draft campaign can be deleted; this one is {campaign.status}.",
            details={"status": campaign.status},
        )
    session.delete(campaign)
    session.flush()


# ------------------------------------------------------------------ steps


def add_step(
    session: Session, workspace_id: uuid.UUID, campaign_id: uuid.UUID, data: dict[str, Any]
) -> CampaignStep:
    campaign = get_campaign(session, workspace_id, campaign_id, lock=True)
    _require_editable(campaign)
    cleaned = _clean_step(data)
    steps = steps_of(session, campaign.id)
    index = data.get("index")
    index = len(steps) if index is None or index > len(steps) else index
    step = CampaignStep(
        campaign_id=campaign.id,
        position=index,
        subject=cleaned["subject"],
        body=cleaned["body"],
        delay_days=cleaned.get("delay_days") or 0,
        delay_hours=cleaned.get("delay_hours") or 0,
        send_condition=cleaned.get("send_condition") or "always",
    )
    for s in steps[index:]:
        s.position += 1
    session.add(step)
    session.flush()
    _record_revision(session, campaign, f"added step {index}")
    return step


def _get_step(session: Session, campaign: Campaign, step_id: uuid.UUID) -> CampaignStep:
    for s in steps_of(session, campaign.id):
        if s.id == step_id:
            return s
    raise NotFound("Step not found.", code="not_found")


def update_step(
    session: Session,
    workspace_id: uuid.UUID,
    campaign_id: uuid.UUID,
    step_id: uuid.UUID,
    changes: dict[str, Any],
) -> CampaignStep:
    campaign = get_campaign(session, workspace_id, campaign_id, lock=True)
    _require_editable(campaign)
    step = _get_step(session, campaign, step_id)
    for key in ("subject", "body", "delay_days", "delay_hours", "send_condition"):
        if key in changes and changes[key] is None:
            raise ValidationFailed.field(key, "Must not be null")
    cleaned = _clean_step({"subject": step.subject, "body": step.body, **changes})
    for key, value in cleaned.items():
        setattr(step, key, value)
    session.flush()
    _record_revision(session, campaign, f"edited step {step.position}")
    return step


def delete_step(
    session: Session, workspace_id: uuid.UUID, campaign_id: uuid.UUID, step_id: uuid.UUID
) -> None:
    campaign = get_campaign(session, workspace_id, campaign_id, lock=True)
    _require_editable(campaign)
    step = _get_step(session, campaign, step_id)
    position = step.position
    session.delete(step)
    session.flush()
    _record_revision(session, campaign, f"deleted step {position}")


def rewrite(
    session: Session,
    workspace_id: uuid.UUID,
    campaign_id: uuid.UUID,
    instruction: str,
    step: int | None = None,
) -> CampaignRevision:
    """Apply a rewrite instruction ("more casual", "shorter", ...) as a new revision."""
    ahead = None
    if _asks_a_model(session):
        # Rewrite from a read snapshot with no transaction open; kept only if the emails are
        # still the same once the campaign is locked (else rewritten again under the lock).
        with read_apart(session) as reader:
            seen = get_campaign(reader, workspace_id, campaign_id)
            _require_editable(seen)
            base = _snapshot(steps_of(reader, seen.id))
            topic, policy = seen.topic or "", model_data(reader, workspace_id)
        if base and (step is None or step < len(base)):
            ahead = (
                base,
                rewrite_sequence(
                    get_writer(), base, instruction, step=step, topic=topic, data=policy
                ),
            )
    campaign = get_campaign(session, workspace_id, campaign_id, lock=True)
    _require_editable(campaign)
    current = _snapshot(steps_of(session, campaign.id))
    if not current:
        raise ValidationFailed("The campaign has no emails to rewrite yet.")
    if step is not None and step >= len(current):
        raise ValidationFailed.field("step", f"The campaign has {len(current)} steps")
    if ahead is not None and ahead[0] == current:
        rewritten, change, written = ahead[1]
    else:
        rewritten, change, written = rewrite_sequence(
            get_writer(),
            current,
            instruction,
            step=step,
            topic=campaign.topic or "",
            data=model_data(session, workspace_id),
        )
    cleaned = [
        {**s, **_clean_step({"subject": s["subject"], "body": s["body"]})} for s in rewritten
    ]
    _replace_steps(session, campaign, cleaned)
    if cleaned != current:
        campaign.tone = {"more casual": "casual", "more formal": "formal"}.get(
            change, campaign.tone
        )
    return _record_revision(session, campaign, change, written_by=written.record())


# ------------------------------------------------------------------ enrolment


@dataclass
class Eligibility:
    eligible: list[Contact] = field(default_factory=list)
    no_email: list[Contact] = field(default_factory=list)
    suppressed: list[Contact] = field(default_factory=list)


def deliverable(email: str | None) -> str | None:
    """The normalised address if it can receive mail (syntax only; no network lookups)."""
    if not email or not email.strip():
        return None
    try:
        return validate_email(email.strip(), check_deliverability=False).normalized.lower()
    except EmailNotValidError:
        return None


def eligibility(session: Session, workspace_id: uuid.UUID, contacts: list[Contact]) -> Eligibility:
    out = Eligibility()
    addresses = {c.id: deliverable(c.email) for c in contacts}
    blocked = CampaignRepository(session).suppressed(
        workspace_id, sorted({a for a in addresses.values() if a})
    )
    for c in contacts:
        address = addresses[c.id]
        if address is None:
            out.no_email.append(c)
        elif c.do_not_contact or address in blocked:
            out.suppressed.append(c)
        else:
            out.eligible.append(c)
    return out


@dataclass
class EnrolResult:
    added: list[uuid.UUID]
    already: list[uuid.UUID]
    no_email: list[uuid.UUID]
    suppressed: list[uuid.UUID]

    @property
    def skipped(self) -> int:
        return len(self.already) + len(self.no_email) + len(self.suppressed)


def _enrol(
    session: Session,
    campaign: Campaign,
    contacts: list[Contact],
    source: str | None,
) -> EnrolResult:
    repo = CampaignRepository(session)
    ids = [c.id for c in contacts]
    already = repo.enrolled_ids(campaign.id, ids)
    fresh = [c for c in contacts if c.id not in already]
    check = eligibility(session, campaign.workspace_id, fresh)
    now = utc_now()
    status = "active" if campaign.status == "active" else "pending"
    added = repo.insert_enrolments(
        [
            {
                "id": uuid.uuid4(),
                "workspace_id": campaign.workspace_id,
                "campaign_id": campaign.id,
                "contact_id": c.id,
                "status": status,
                "source": source,
                "current_step": 0,
                "created_at": now,
                "updated_at": now,
            }
            for c in check.eligible
        ]
    )
    if campaign.status == "active" and added:
        from lexi.campaigns import scheduling

        scheduling.schedule_first_steps(session, campaign, added)
    late = [c.id for c in check.eligible if c.id not in set(added)]
    return EnrolResult(
        added=added,
        already=[c for c in ids if c in already] + late,
        no_email=[c.id for c in check.no_email],
        suppressed=[c.id for c in check.suppressed],
    )


def enrol(
    session: Session,
    workspace_id: uuid.UUID,
    campaign_id: uuid.UUID,
    contact_ids: list[uuid.UUID],
    source: str | None = None,
) -> EnrolResult:
    """Enrol contacts, all-or-nothing on unknown ids; ineligible ones are skipped and reported."""
    campaign = get_campaign(session, workspace_id, campaign_id)
    if campaign.status == "completed":
        raise Conflict("The campaign has completed; create a new one.")
    wanted = list(dict.fromkeys(contact_ids))
    contacts = CampaignRepository(session).contacts(workspace_id, wanted)
    found = {c.id for c in contacts}
    missing = [str(c) for c in wanted if c not in found]
    if missing:
        raise NotFound(
            "Some contacts were not found.",
            code="contact_not_found",
            details={"contact_ids": missing},
        )
    order = {cid: i for i, cid in enumerate(wanted)}
    contacts.sort(key=lambda c: order[c.id])
    return _enrol(session, campaign, contacts, source)


def list_enrolments(
    session: Session, workspace_id: uuid.UUID, campaign_id: uuid.UUID, params: PageParams
) -> tuple[list[tuple[CampaignEnrolment, Contact]], int]:
    get_campaign(session, workspace_id, campaign_id)
    repo = CampaignRepository(session)
    rows, total = repo.paginate_rows(
        repo.enrolments_stmt(campaign_id), params.per_page, params.offset
    )
    return [(e, c) for e, c in rows], total


def remove_enrolment(
    session: Session, workspace_id: uuid.UUID, campaign_id: uuid.UUID, contact_id: uuid.UUID
) -> None:
    get_campaign(session, workspace_id, campaign_id)
    repo = CampaignRepository(session)
    enrolment = repo.enrolment(campaign_id, contact_id)
    if enrolment is None:
        raise NotFound("Contact not enrolled in this campaign.", code="contact_not_found")
    repo.delete_enrolment(enrolment)


# ------------------------------------------------------------------ launch


@dataclass(frozen=True)
class StartResult:
    campaign: Campaign
    task: Task
    recipients: int
    skipped: dict[str, int]


def schedule_summary(
    campaign: Campaign, steps: list[CampaignStep], recipients: int
) -> dict[str, Any]:
    window = (
        f"{campaign.sending_window_start}-{campaign.sending_window_end}"
        if campaign.sending_window_start
        else None
    )
    days = math.ceil(recipients / campaign.daily_send_limit) if recipients else 0
    return {
        "timezone": campaign.sending_timezone,
        "window": window,
        "send_on_weekends": campaign.send_on_weekends,
        "daily_send_limit": campaign.daily_send_limit,
        "delay_between_emails": campaign.delay_between_emails,
        "first_step_days": days,
        "steps": [
            {
                "index": i,
                "delay_days": s.delay_days,
                "delay_hours": s.delay_hours,
                "send_condition": s.send_condition,
            }
            for i, s in enumerate(steps)
        ],
    }


def describe_schedule(schedule: dict[str, Any]) -> str:
    window = (
        f"between {schedule['window'].replace('-', ' and ')}" if schedule["window"] else "any time"
    )
    days = "every day" if schedule["send_on_weekends"] else "on weekdays"
    return (
        f"up to {schedule['daily_send_limit']} a day, {window} {days} "
        f"({schedule['timezone']}), {schedule['delay_between_emails']} s apart"
    )


def start(
    session: Session,
    workspace_id: uuid.UUID,
    campaign_id: uuid.UUID,
    *,
    actor: Actor,
    api_key_id: uuid.UUID | None = None,
    scopes: list[str] | None = None,
    conversation_id: uuid.UUID | None = None,
) -> StartResult:
    """Propose launching the campaign: a ``campaign_start`` approval task naming the exact
    revision, the recipient count and the schedule. Nothing is sent before it is approved."""
    campaign = get_campaign(session, workspace_id, campaign_id, lock=True)
    if campaign.status == "active":
        raise Conflict("The campaign is already active.", details={"status": "active"})
    if campaign.status == "completed":
        raise Conflict("The campaign has completed.", details={"status": "completed"})
    if campaign.status == "pending_approval" and campaign.start_task_id is not None:
        previous = session.get(Task, campaign.start_task_id)
        if previous is not None and previous.status in ("pending", "approved", "running"):
            raise Conflict(
                "The campaign is already waiting for approval.",
                details={"status": "pending_approval", "task_id": str(previous.id)},
            )
    steps = steps_of(session, campaign.id)
    if not steps:
        raise ValidationFailed.field("steps", "The campaign has no emails yet")
    repo = CampaignRepository(session)
    skipped = {"no_email": 0, "suppressed": 0}
    if campaign.list_id is not None:
        member_ids = repo.list_member_ids(campaign.list_id)
        result = _enrol(session, campaign, repo.contacts(workspace_id, member_ids), "list")
        skipped = {"no_email": len(result.no_email), "suppressed": len(result.suppressed)}
    waiting = repo.enrolments_with_contacts(campaign.id, ("pending", "active", "paused"))
    if not waiting:
        if campaign.list_id is None:
            raise ValidationFailed(
                "The campaign has no list and no enrolled contacts.",
                details={"fields": {"list_id": "Choose a list or enrol contacts first"}},
            )
        raise ValidationFailed(
            "The campaign's list has no contacts that can be emailed.",
            details={"fields": {"list_id": "No eligible recipients"}, "skipped": skipped},
        )
    recipients = len(waiting)
    schedule = schedule_summary(campaign, steps, recipients)
    task = tasks_service.propose(
        session,
        workspace_id=workspace_id,
        type="campaign_start",
        description=(
            f"Start campaign '{campaign.name}' (revision {campaign.revision}): "
            f"{len(steps)} emails to {recipients} recipients, {describe_schedule(schedule)}."
        ),
        metadata={
            "campaign_id": str(campaign.id),
            "campaign_name": campaign.name,
            "revision": campaign.revision,
            "recipients": recipients,
            "skipped": skipped,
            "schedule": schedule,
            "quote": {"credits": 0, "contacts": recipients, "emails": recipients * len(steps)},
        },
        conversation_id=conversation_id,
        api_key_id=api_key_id,
        scopes=scopes,
    )
    if not repo.transition(
        campaign.id, ("draft", "paused", "pending_approval"), "pending_approval",
        start_task_id=task.id,
    ):  # fmt: skip
        raise Conflict("The campaign changed while starting it; try again.")
    audit.record(
        session,
        workspace_id,
        "campaign.start_requested",
        actor,
        campaign.id,
        {"task_id": str(task.id), "revision": campaign.revision, "recipients": recipients},
    )
    session.refresh(campaign)
    return StartResult(campaign, task, recipients, skipped)


def activate(
    session: Session,
    workspace_id: uuid.UUID,
    task_id: uuid.UUID,
    meta: dict[str, Any],
    *,
    actor: Actor,
) -> dict[str, Any]:
    """Run an approved ``campaign_start`` task: the campaign goes active on the named revision
    and every waiting recipient gets step 1 scheduled. Safe to run again after a crash.
    ``actor``: who approved the task (the audit log names them for the start)."""
    from lexi.campaigns import scheduling

    campaign = get_campaign(session, workspace_id, uuid.UUID(meta["campaign_id"]), lock=True)
    revision = int(meta["revision"])
    if campaign.status == "active" and campaign.start_task_id == task_id:
        return {"campaign_id": str(campaign.id), "revision": revision, "status": "active"}
    if campaign.start_task_id != task_id or campaign.status != "pending_approval":
        raise Conflict("The campaign was started, paused or changed after this task was proposed.")
    if campaign.revision != revision:
        raise Conflict(
            f"The campaign's emails changed after this task was proposed (revision "
            f"{revision} -> {campaign.revision}); start it again to approve the new version."
        )
    repo = CampaignRepository(session)
    if not repo.transition(
        campaign.id, ("pending_approval",), "active",
        sending_revision=revision, started_at=campaign.started_at or utc_now(),
    ):  # fmt: skip
        raise Conflict("The campaign changed while starting it.")
    session.refresh(campaign)
    waiting = repo.enrolments_with_contacts(campaign.id, ("pending", "paused", "active"))
    check = eligibility(session, workspace_id, [c for _, c in waiting])
    ok = {c.id for c in check.eligible}
    by_contact = {c.id: e for e, c in waiting}
    blocked = [by_contact[c.id].id for c in check.no_email + check.suppressed]
    repo.set_enrolment_status(blocked, "unsubscribed", only_from=("pending", "paused", "active"))
    repo.cancel_scheduled(blocked, "suppressed")
    fresh = [e.contact_id for e, c in waiting if c.id in ok and e.status == "pending"]
    repo.set_enrolment_status(
        [by_contact[c].id for c in ok], "active", only_from=("pending", "paused")
    )
    scheduled = scheduling.schedule_first_steps(session, campaign, fresh)
    audit.record(
        session,
        workspace_id,
        "campaign.started",
        actor,
        campaign.id,
        {
            "task_id": str(task_id),
            "revision": revision,
            "recipients": len(ok),
            "scheduled": scheduled,
        },
    )
    return {
        "campaign_id": str(campaign.id),
        "revision": revision,
        "status": "active",
        "recipients": len(ok),
        "scheduled": scheduled,
        "skipped": len(blocked),
    }


def pause(
    session: Session, workspace_id: uuid.UUID, campaign_id: uuid.UUID, *, actor: Actor
) -> Campaign:
    """Stop new sends at once (the sender checks the status before every message)."""
    campaign = get_campaign(session, workspace_id, campaign_id, lock=True)
    repo = CampaignRepository(session)
    if campaign.status == "paused":
        return campaign
    previous = campaign.status
    if campaign.status == "pending_approval" and campaign.start_task_id is not None:
        task = session.get(Task, campaign.start_task_id)
        if task is not None and task.status == "pending":
            # Pausing (campaigns:write, checked by the caller) is the authority to drop its launch.
            tasks_service.dismiss(
                session, workspace_id, task.id, "campaign paused", actor=actor, scopes=None
            )
        if not repo.transition(
            campaign.id,
            ("pending_approval",),
            "draft" if not campaign.sending_revision else "paused",
        ):
            raise Conflict("The campaign changed while pausing it; try again.")
    elif not repo.transition(campaign.id, ("active",), "paused"):
        raise Conflict(
            f"Only an active campaign can be paused; this one is {campaign.status}.",
            details={"status": campaign.status},
        )
    session.refresh(campaign)
    audit.record(
        session,
        workspace_id,
        "campaign.paused",
        actor,
        campaign.id,
        {"previous_status": previous, "status": campaign.status},
    )
    return campaign


# ------------------------------------------------------------------ stats


def stats(session: Session, workspace_id: uuid.UUID, campaign_id: uuid.UUID) -> dict[str, Any]:
    get_campaign(session, workspace_id, campaign_id)
    repo = CampaignRepository(session)
    sends = repo.send_counts(campaign_id)
    people = repo.enrolment_counts(campaign_id)
    opened, clicked = repo.engagement_counts(campaign_id)
    sent = sends.get("sent", 0)
    reached = repo.contacts_sent(campaign_id)
    replied = people.get("replied", 0)

    def rate(n: int) -> float:
        return round(n / reached, 4) if reached else 0.0

    return {
        "sent_count": sent,
        "opened_count": opened,
        "clicked_count": clicked,
        "replied_count": replied,
        "bounced_count": people.get("bounced", 0),
        "unsubscribed_count": people.get("unsubscribed", 0),
        "open_rate": rate(opened),
        "click_rate": rate(clicked),
        "reply_rate": rate(replied),
        "scheduled_count": sends.get("scheduled", 0) + sends.get("sending", 0),
        "skipped_count": sends.get("skipped", 0),
        "failed_count": sends.get("failed", 0),
    }


def overview(
    session: Session, workspace_id: uuid.UUID, campaign_ids: list[uuid.UUID]
) -> dict[uuid.UUID, dict[str, int]]:
    """Recipients, sent, opened and replied counts for several of the workspace's campaigns at
    once (the counts ``stats`` gives for one); ids of other workspaces are left out."""
    repo = CampaignRepository(session)
    return repo.overview_counts(repo.ids_in_workspace(workspace_id, campaign_ids))


# ------------------------------------------------------------------ suppression list


def suppress(
    session: Session,
    workspace_id: uuid.UUID,
    email: str,
    reason: str,
    campaign_id: uuid.UUID | None = None,
    *,
    status: str | None = None,
) -> bool:
    """Never email this address again from any campaign of the workspace; stops the sequences
    already under way for it (their enrolments take ``status``). True when newly suppressed."""
    address = deliverable(email) or email.strip().lower()
    repo = CampaignRepository(session)
    new = repo.suppress(workspace_id, address, reason, campaign_id)
    contact_ids = repo.contact_ids_by_email(workspace_id, address)
    enrolments = repo.enrolments_for_contacts(workspace_id, contact_ids)
    ids = [e.id for e in enrolments]
    repo.cancel_scheduled(ids, reason)
    repo.set_enrolment_status(
        ids,
        status or ("bounced" if reason == "bounced" else "unsubscribed"),
        only_from=("pending", "active", "paused", "completed"),
    )
    return new


def add_suppression(
    session: Session, workspace_id: uuid.UUID, email: str, reason: str
) -> Suppression:
    address = deliverable(email)
    if address is None:
        raise ValidationFailed.field("email", "Must be an email address")
    suppress(session, workspace_id, address, reason)
    row = CampaignRepository(session).suppression(workspace_id, address)
    assert row is not None
    return row


def list_suppressions(
    session: Session, workspace_id: uuid.UUID, params: PageParams
) -> tuple[list[Suppression], int]:
    repo = CampaignRepository(session)
    return repo.paginate(repo.suppressions_stmt(workspace_id), params)


def remove_suppression(session: Session, workspace_id: uuid.UUID, email: str) -> None:
    address = deliverable(email) or email.strip().lower()
    repo = CampaignRepository(session)
    row = repo.suppression(workspace_id, address)
    if row is None:
        raise NotFound("That address is not on the suppression list.", code="not_found")
    repo.delete_suppression(row)


def record_event(
    session: Session,
    campaign: Campaign,
    type: str,
    *,
    send_id: uuid.UUID | None = None,
    contact_id: uuid.UUID | None = None,
    details: dict[str, Any] | None = None,
) -> None:
    CampaignRepository(session).add_event(
        CampaignEvent(
            workspace_id=campaign.workspace_id,
            campaign_id=campaign.id,
            send_id=send_id,
            contact_id=contact_id,
            type=type,
            details=details or {},
        )
    )
    session.flush()


REQUIRED_TO_START = Scope.campaigns_write


# ------------------------------------------------------------------ one personalised email

READING_WORDS_PER_MINUTE = 230
_MERGE_NOTES = {
    "first_name": "Greeting uses the contact's first name ({value}).",
    "company_name": "Company name from the contact: {value}.",
    "job_title": "Written for the contact's role: {value}.",
    "last_name": "Last name from the contact: {value}.",
}


def _check_language(language: str | None) -> None:
    if language and language.strip().lower().split("-")[0] not in ("en", "english"):
        raise ValidationFailed.field("language", "Only English (en) is supported")


def personalize_email(
    session: Session,
    workspace_id: uuid.UUID,
    contact_id: uuid.UUID,
    *,
    intent: str,
    template: str | None = None,
    tone: str = "professional",
    length: str = "medium",
    language: str | None = None,
    actor: Actor,
) -> dict[str, Any]:
    """One email for one contact about ``intent``, merge fields filled from the contact's own
    fields (nothing else about them is stated). Costs ``prices.PERSONALIZE_EMAIL`` credits,
    charged once in the request's unit of work (402 before anything when short)."""
    if tone not in TONES:
        raise ValidationFailed.field("tone", f"One of {', '.join(TONES)}")
    if length not in LENGTHS:
        raise ValidationFailed.field("length", f"One of {', '.join(LENGTHS)}")
    _check_language(language)
    topic = " ".join((intent or "").split())
    if not topic:
        raise ValidationFailed.field("intent", "Must not be empty")
    ahead = None
    if _asks_a_model(session):
        # The email is written from a read snapshot with no transaction open (see rewrite).
        with read_apart(session) as reader:
            seen = CampaignRepository(reader).contacts(workspace_id, [contact_id])
            affordable = credits_service.balance(reader, workspace_id) >= prices.PERSONALIZE_EMAIL
            audience, policy = Audience.from_contacts(seen), model_data(reader, workspace_id)
        if seen and affordable:
            ahead = single_email(get_writer(), topic, audience, tone, length, data=policy)
    found = CampaignRepository(session).contacts(workspace_id, [contact_id])
    if not found:
        raise NotFound("Contact not found.", code="contact_not_found")
    contact = found[0]
    body_template = None
    if template is not None and template.strip():
        body_template = content.clean_body(template)
        unknown = content.unknown_variables(body_template)
        if unknown:
            raise ValidationFailed(
                f"Unknown merge variables: {', '.join(unknown)}.",
                details={"fields": {"template": f"Unknown merge variables: {', '.join(unknown)}"},
                         "unknown_variables": unknown},
            )  # fmt: skip
    credits_service.charge(
        session,
        workspace_id,
        prices.PERSONALIZE_EMAIL,
        reason="personalize email",
        reference=f"contact:{contact.id}",
        actor=actor,
    )
    known = facts.for_contacts(session, [contact], utc_now().date()).get(contact.id, [])
    written = ahead or single_email(
        get_writer(),
        topic,
        replace(Audience.from_contacts([contact]), with_facts=1 if known else 0),
        tone,
        length,
        data=model_data(session, workspace_id),
    )
    drafted = written.steps[0]
    values = content.contact_fields(contact)
    values.update(facts.values_of(known))
    rendered = content.render(drafted.subject, body_template or drafted.body, values)
    notes = [
        _MERGE_NOTES[key].format(value=values[key])
        for key in ("first_name", "company_name", "job_title")
        if values.get(key) and "{{" + key in (drafted.subject + (body_template or drafted.body))
    ]
    used = [
        (n, v)
        for n, v in (("role", contact.job_title), ("industry", contact.company_industry))
        if v
    ]
    if used and not body_template:
        kinds = " and ".join(n for n, _ in used)
        notes.append(
            f"Opening written for the contact's {kinds} ({', '.join(v for _, v in used)})."
        )
    if not values.get("first_name"):
        notes.append("The contact has no first name: the greeting uses the fallback.")
    if body_template:
        notes.append("Body from your template; merge variables filled from the contact.")
    template_text = drafted.subject + (body_template or drafted.body)
    if values["signal_opener"] and "{{signal_opener" in template_text:
        notes.append(f"Opening fact from the data ({known[0].kind}): {values['signal_opener']}")
    notes.append("No other facts about the contact are stated.")
    count = len(words(rendered.subject + " " + rendered.text))
    return {
        "subject": rendered.subject,
        "body_text": rendered.text,
        "body_html": rendered.html,
        "personalization_notes": notes,
        "reading_time_seconds": max(1, round(count * 60 / READING_WORDS_PER_MINUTE)),
        "credits_remaining": credits_service.balance(session, workspace_id),
        "written_by": written.record(),
    }
