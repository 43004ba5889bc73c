from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Select, Table, bindparam, delete, exists, func, or_, select, tuple_, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from lexi.db.results import rowcount
from lexi.kit.repository import Repository, chunks
from lexi.models import (
    Campaign,
    CampaignEnrolment,
    CampaignEvent,
    CampaignRevision,
    CampaignSend,
    CampaignStep,
    Contact,
    ListMembership,
    Suppression,
)


def _insert(session: Any) -> Any:
    return pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert


class CampaignRepository(Repository[Campaign]):
    model = Campaign

    def list_stmt(self, workspace_id: uuid.UUID, status: str | None) -> Select[Campaign]:
        stmt = select(Campaign).where(Campaign.workspace_id == workspace_id)
        if status:
            stmt = stmt.where(Campaign.status == status)
        return stmt.order_by(Campaign.created_at.desc(), Campaign.id.desc())

    def latest_for_list(self, workspace_id: uuid.UUID, list_id: uuid.UUID) -> Campaign | None:
        return self.session.scalars(
            select(Campaign)
            .where(Campaign.workspace_id == workspace_id, Campaign.list_id == list_id)
            .order_by(Campaign.created_at.desc())
            .limit(1)
        ).first()

    def transition(
        self, campaign_id: uuid.UUID, src: tuple[str, ...], dst: str, **values: Any
    ) -> bool:
        stmt = (
            update(Campaign)
            .where(Campaign.id == campaign_id, Campaign.status.in_(src))
            .values(status=dst, **values)
            .execution_options(synchronize_session=False)
        )
        return rowcount(self.session.execute(stmt)) == 1

    def lock(self, campaign_id: uuid.UUID) -> Campaign | None:
        """The campaign row, locked until the transaction ends (PostgreSQL; SQLite writers are
        serialised already), read fresh so the caller decides on the current state."""
        return self.session.scalars(
            select(Campaign)
            .where(Campaign.id == campaign_id)
            .with_for_update()
            .execution_options(populate_existing=True)
        ).first()

    def status_of(self, campaign_id: uuid.UUID) -> str | None:
        return self.session.scalar(select(Campaign.status).where(Campaign.id == campaign_id))

    # ----------------------------------------------------------------- steps and revisions

    def steps(self, campaign_id: uuid.UUID) -> list[CampaignStep]:
        return list(
            self.session.scalars(
                select(CampaignStep)
                .where(CampaignStep.campaign_id == campaign_id)
                .order_by(CampaignStep.position, CampaignStep.created_at)
            )
        )

    def steps_for(self, campaign_ids: list[uuid.UUID]) -> dict[uuid.UUID, list[CampaignStep]]:
        out: dict[uuid.UUID, list[CampaignStep]] = {cid: [] for cid in campaign_ids}
        if not campaign_ids:
            return out
        for step in self.session.scalars(
            select(CampaignStep)
            .where(CampaignStep.campaign_id.in_(campaign_ids))
            .order_by(CampaignStep.position, CampaignStep.created_at)
        ):
            out[step.campaign_id].append(step)
        return out

    def delete_steps(self, campaign_id: uuid.UUID) -> None:
        self.session.execute(delete(CampaignStep).where(CampaignStep.campaign_id == campaign_id))

    def revision(self, campaign_id: uuid.UUID, number: int) -> CampaignRevision | None:
        return self.session.scalars(
            select(CampaignRevision).where(
                CampaignRevision.campaign_id == campaign_id, CampaignRevision.number == number
            )
        ).first()

    def revisions(self, campaign_id: uuid.UUID) -> list[CampaignRevision]:
        return list(
            self.session.scalars(
                select(CampaignRevision)
                .where(CampaignRevision.campaign_id == campaign_id)
                .order_by(CampaignRevision.number)
            )
        )

    def bump_revision(self, campaign_id: uuid.UUID) -> int:
        """Take the next revision number; the row update serialises concurrent editors."""
        stmt = (
            update(Campaign)
            .where(Campaign.id == campaign_id)
            .values(revision=Campaign.revision + 1)
            .returning(Campaign.revision)
            .execution_options(synchronize_session=False)
        )
        return int(self.session.execute(stmt).scalar_one())

    # ----------------------------------------------------------------- enrolment

    def enrolled_ids(self, campaign_id: uuid.UUID, contact_ids: list[uuid.UUID]) -> set[uuid.UUID]:
        stmt = select(CampaignEnrolment.contact_id).where(
            CampaignEnrolment.campaign_id == campaign_id
        )
        return set(self.scalars_in(stmt, CampaignEnrolment.contact_id, contact_ids))

    def contacts(self, workspace_id: uuid.UUID, contact_ids: list[uuid.UUID]) -> list[Contact]:
        stmt = select(Contact).where(Contact.workspace_id == workspace_id)
        return list(self.scalars_in(stmt, Contact.id, contact_ids))

    def list_member_ids(self, list_id: uuid.UUID) -> list[uuid.UUID]:
        return list(
            self.session.scalars(
                select(ListMembership.contact_id)
                .where(ListMembership.list_id == list_id)
                .order_by(ListMembership.created_at, ListMembership.contact_id)
            )
        )

    def insert_enrolments(self, rows: list[dict[str, Any]]) -> list[uuid.UUID]:
        """Insert enrolments, skipping contacts already enrolled (also concurrently)."""
        added: list[uuid.UUID] = []
        insert = _insert(self.session)
        for chunk in chunks(rows):
            stmt = (
                insert(CampaignEnrolment)
                .values(list(chunk))
                .on_conflict_do_nothing(index_elements=["campaign_id", "contact_id"])
                .returning(CampaignEnrolment.contact_id)
            )
            added += list(self.session.execute(stmt).scalars())
        return added

    def enrolment(self, campaign_id: uuid.UUID, contact_id: uuid.UUID) -> CampaignEnrolment | None:
        return self.session.scalars(
            select(CampaignEnrolment).where(
                CampaignEnrolment.campaign_id == campaign_id,
                CampaignEnrolment.contact_id == contact_id,
            )
        ).first()

    def enrolments_stmt(self, campaign_id: uuid.UUID) -> Select[CampaignEnrolment, Contact]:
        return (
            select(CampaignEnrolment, Contact)
            .join(Contact, Contact.id == CampaignEnrolment.contact_id)
            .where(CampaignEnrolment.campaign_id == campaign_id)
            .order_by(CampaignEnrolment.created_at, CampaignEnrolment.id)
        )

    def paginate_rows(
        self, stmt: Select[*tuple[Any, ...]], limit: int, offset: int
    ) -> tuple[list[Any], int]:
        total = self.session.scalar(
            select(func.count()).select_from(stmt.order_by(None).subquery())
        )
        rows = list(self.session.execute(stmt.limit(limit).offset(offset)).all())
        return rows, int(total or 0)

    def enrolments_with_contacts(
        self, campaign_id: uuid.UUID, statuses: tuple[str, ...]
    ) -> list[tuple[CampaignEnrolment, Contact]]:
        stmt = self.enrolments_stmt(campaign_id).where(CampaignEnrolment.status.in_(statuses))
        return [(e, c) for e, c in self.session.execute(stmt).all()]

    def delete_enrolment(self, enrolment: CampaignEnrolment) -> None:
        self.session.execute(delete(CampaignSend).where(CampaignSend.enrolment_id == enrolment.id))
        self.session.delete(enrolment)
        self.session.flush()

    def set_enrolment_status(
        self, enrolment_ids: list[uuid.UUID], status: str, *, only_from: tuple[str, ...]
    ) -> int:
        if not enrolment_ids:
            return 0
        stmt = (
            update(CampaignEnrolment)
            .where(CampaignEnrolment.id.in_(enrolment_ids), CampaignEnrolment.status.in_(only_from))
            .values(status=status)
            .execution_options(synchronize_session=False)
        )
        return rowcount(self.session.execute(stmt))

    def enrolments_for_contacts(
        self, workspace_id: uuid.UUID, contact_ids: list[uuid.UUID]
    ) -> list[CampaignEnrolment]:
        if not contact_ids:
            return []
        return list(
            self.session.scalars(
                select(CampaignEnrolment).where(
                    CampaignEnrolment.workspace_id == workspace_id,
                    CampaignEnrolment.contact_id.in_(contact_ids),
                )
            )
        )

    # ----------------------------------------------------------------- sends

    def insert_sends(self, rows: list[dict[str, Any]]) -> int:
        """Schedule sends; a (person, step) already scheduled is left alone."""
        if not rows:
            return 0
        insert = _insert(self.session)
        n = 0
        for chunk in chunks(rows):
            stmt = (
                insert(CampaignSend)
                .values(list(chunk))
                .on_conflict_do_nothing(index_elements=["enrolment_id", "step_index"])
                .returning(CampaignSend.id)
            )
            n += len(self.session.execute(stmt).all())
        return n

    def schedule_send(self, row: dict[str, Any]) -> None:
        """Schedule one send (a person's next step); one already scheduled is left alone. One
        statement compiled once, so the sender pays no SQL compilation per email."""
        stmt = _insert(self.session)(CampaignSend.__table__).on_conflict_do_nothing(
            index_elements=["enrolment_id", "step_index"]
        )
        self.session.connection().execute(stmt, row)

    def cancel_scheduled(self, enrolment_ids: list[uuid.UUID], outcome: str) -> int:
        if not enrolment_ids:
            return 0
        stmt = (
            update(CampaignSend)
            .where(CampaignSend.enrolment_id.in_(enrolment_ids), CampaignSend.state == "scheduled")
            .values(state="cancelled", outcome=outcome)
            .execution_options(synchronize_session=False)
        )
        return rowcount(self.session.execute(stmt))

    def send_counts(self, campaign_id: uuid.UUID) -> dict[str, int]:
        rows = self.session.execute(
            select(CampaignSend.state, func.count())
            .where(CampaignSend.campaign_id == campaign_id)
            .group_by(CampaignSend.state)
        )
        return {state: int(n) for state, n in rows}

    def engagement_counts(self, campaign_id: uuid.UUID) -> tuple[int, int]:
        opened = self.session.scalar(
            select(func.count(func.distinct(CampaignSend.contact_id))).where(
                CampaignSend.campaign_id == campaign_id, CampaignSend.opened_at.is_not(None)
            )
        )
        clicked = self.session.scalar(
            select(func.count(func.distinct(CampaignSend.contact_id))).where(
                CampaignSend.campaign_id == campaign_id, CampaignSend.clicked_at.is_not(None)
            )
        )
        return int(opened or 0), int(clicked or 0)

    def contacts_sent(self, campaign_id: uuid.UUID) -> int:
        return int(
            self.session.scalar(
                select(func.count(func.distinct(CampaignSend.contact_id))).where(
                    CampaignSend.campaign_id == campaign_id, CampaignSend.state == "sent"
                )
            )
            or 0
        )

    def enrolment_counts(self, campaign_id: uuid.UUID) -> dict[str, int]:
        rows = self.session.execute(
            select(CampaignEnrolment.status, func.count())
            .where(CampaignEnrolment.campaign_id == campaign_id)
            .group_by(CampaignEnrolment.status)
        )
        return {status: int(n) for status, n in rows}

    def ids_in_workspace(
        self, workspace_id: uuid.UUID, campaign_ids: list[uuid.UUID]
    ) -> list[uuid.UUID]:
        if not campaign_ids:
            return []
        return list(
            self.session.scalars(
                select(Campaign.id).where(
                    Campaign.workspace_id == workspace_id, Campaign.id.in_(campaign_ids)
                )
            )
        )

    def overview_counts(self, campaign_ids: list[uuid.UUID]) -> dict[uuid.UUID, dict[str, int]]:
        """Per campaign: recipients (enrolled), sent, opened (people) and replied, in 3 queries."""
        out: dict[uuid.UUID, dict[str, int]] = {
            cid: {"recipients": 0, "sent": 0, "opened": 0, "replied": 0} for cid in campaign_ids
        }
        if not campaign_ids:
            return out
        people = self.session.execute(
            select(
                CampaignEnrolment.campaign_id,
                func.count(),
                func.count().filter(CampaignEnrolment.status == "replied"),
            )
            .where(CampaignEnrolment.campaign_id.in_(campaign_ids))
            .group_by(CampaignEnrolment.campaign_id)
        )
        for cid, n, replied in people:
            out[cid].update(recipients=int(n), replied=int(replied or 0))
        sends = self.session.execute(
            select(
                CampaignSend.campaign_id,
                func.count().filter(CampaignSend.state == "sent"),
                func.count(func.distinct(CampaignSend.contact_id)).filter(
                    CampaignSend.opened_at.is_not(None)
                ),
            )
            .where(CampaignSend.campaign_id.in_(campaign_ids))
            .group_by(CampaignSend.campaign_id)
        )
        for cid, sent, opened in sends:
            out[cid].update(sent=int(sent or 0), opened=int(opened or 0))
        return out

    def send_by_message_id(self, message_ids: list[str]) -> CampaignSend | None:
        if not message_ids:
            return None
        return self.session.scalars(
            select(CampaignSend).where(CampaignSend.message_id.in_(message_ids)).limit(1)
        ).first()

    def latest_send_to(self, workspace_id: uuid.UUID, email: str) -> CampaignSend | None:
        return self.session.scalars(
            select(CampaignSend)
            .where(
                CampaignSend.workspace_id == workspace_id,
                func.lower(CampaignSend.to_email) == email.lower(),
                CampaignSend.state == "sent",
            )
            .order_by(CampaignSend.sent_at.desc())
            .limit(1)
        ).first()

    def latest_sent_any_workspace(self, email: str) -> CampaignSend | None:
        return self.session.scalars(
            select(CampaignSend)
            .where(func.lower(CampaignSend.to_email) == email.lower(), CampaignSend.state == "sent")
            .order_by(CampaignSend.sent_at.desc())
            .limit(1)
        ).first()

    def mark_engaged(self, send_id: uuid.UUID, column: str, when: datetime) -> bool:
        col = getattr(CampaignSend, column)
        stmt = (
            update(CampaignSend)
            .where(CampaignSend.id == send_id, col.is_(None))
            .values({column: when})
            .execution_options(synchronize_session=False)
        )
        return rowcount(self.session.execute(stmt)) == 1

    # ----------------------------------------------------------------- suppressions, events

    def suppressed(self, workspace_id: uuid.UUID, emails: list[str]) -> set[str]:
        stmt = select(Suppression.email).where(Suppression.workspace_id == workspace_id)
        return set(self.scalars_in(stmt, Suppression.email, emails))

    def suppress(
        self, workspace_id: uuid.UUID, email: str, reason: str, campaign_id: uuid.UUID | None
    ) -> bool:
        insert = _insert(self.session)
        stmt = (
            insert(Suppression)
            .values(
                id=uuid.uuid4(),
                workspace_id=workspace_id,
                email=email,
                reason=reason,
                campaign_id=campaign_id,
                created_at=func.now(),
            )
            .on_conflict_do_nothing(index_elements=["workspace_id", "email"])
            .returning(Suppression.id)
        )
        return self.session.execute(stmt).first() is not None

    def suppressions_stmt(self, workspace_id: uuid.UUID) -> Select[Suppression]:
        return (
            select(Suppression)
            .where(Suppression.workspace_id == workspace_id)
            .order_by(Suppression.created_at.desc(), Suppression.id)
        )

    def suppression(self, workspace_id: uuid.UUID, email: str) -> Suppression | None:
        return self.session.scalars(
            select(Suppression).where(
                Suppression.workspace_id == workspace_id, Suppression.email == email
            )
        ).first()

    def delete_suppression(self, row: Suppression) -> None:
        self.session.delete(row)
        self.session.flush()

    def add_event(self, event: CampaignEvent) -> None:
        self.session.add(event)

    def has_event(self, campaign_id: uuid.UUID, contact_id: uuid.UUID, type: str) -> bool:
        return bool(
            self.session.scalar(
                select(
                    exists().where(
                        CampaignEvent.campaign_id == campaign_id,
                        CampaignEvent.contact_id == contact_id,
                        CampaignEvent.type == type,
                    )
                )
            )
        )

    def contact_ids_by_email(self, workspace_id: uuid.UUID, email: str) -> list[uuid.UUID]:
        return list(
            self.session.scalars(
                select(Contact.id).where(
                    Contact.workspace_id == workspace_id,
                    or_(Contact.email_normalized == email, func.lower(Contact.email) == email),
                )
            )
        )


_SENDS = cast(Table, CampaignSend.__table__)
_ENROLMENTS = cast(Table, CampaignEnrolment.__table__)
# The statements the sender runs once per email, built once (no construction or compilation
# per email; their parameters are bound at execution).
_RECORD_SENT = (
    update(_SENDS)
    .where(
        _SENDS.c.id == bindparam("b_id"),
        _SENDS.c.state == "sending",
        _SENDS.c.claimed_by == bindparam("b_worker"),
        _SENDS.c.lease_generation == bindparam("b_generation"),
    )
    .values(
        state="sent",
        lease_expires_at=None,
        sent_at=bindparam("b_sent_at"),
        to_email=bindparam("b_to"),
        message_id=bindparam("b_message_id"),
        revision=bindparam("b_revision"),
    )
)
_ADVANCE_ACTIVE = (
    update(_ENROLMENTS)
    .where(_ENROLMENTS.c.id == bindparam("b_id"), _ENROLMENTS.c.status == "active")
    .values(
        current_step=bindparam("b_step"),
        last_sent_at=bindparam("b_sent_at"),
    )
)
_ADVANCE_DONE = _ADVANCE_ACTIVE.values(status="completed")
_STATUS = select(Campaign.__table__.c.status).where(Campaign.__table__.c.id == bindparam("b_id"))


class SendRepository(Repository[CampaignSend]):
    """The sender's queries: due work, exclusive claims, and recording outcomes."""

    model = CampaignSend

    def record_sent(
        self,
        send_id: uuid.UUID,
        worker: str,
        generation: int,
        *,
        sent_at: datetime,
        to_email: str,
        message_id: str,
        revision: int,
    ) -> bool:
        """``finish(..., "sent", ...)`` for the one outcome of almost every email: the send is
        sent, only if this worker's claim (its lease generation) is still the send's last."""
        result = self.session.connection().execute(
            _RECORD_SENT,
            {"b_id": send_id, "b_worker": worker, "b_generation": generation,
             "b_sent_at": sent_at, "b_to": to_email, "b_message_id": message_id,
             "b_revision": revision},
        )  # fmt: skip
        return rowcount(result) == 1

    def advance_after_sent(
        self, enrolment_id: uuid.UUID, step_index: int, sent_at: datetime, *, last: bool
    ) -> None:
        """``advance`` after a sent email: the next step (or completed after the last one)."""
        self.session.connection().execute(
            _ADVANCE_DONE if last else _ADVANCE_ACTIVE,
            {"b_id": enrolment_id, "b_step": step_index + 1, "b_sent_at": sent_at},
        )

    def status_of(self, campaign_id: uuid.UUID) -> str | None:
        """``campaign_status`` through the prebuilt statement."""
        return self.session.connection().execute(_STATUS, {"b_id": campaign_id}).scalar()

    def _due(self, now: datetime) -> Any:
        return or_(
            (CampaignSend.state == "scheduled") & (CampaignSend.due_at <= now),
            (CampaignSend.state == "sending") & (CampaignSend.lease_expires_at < now),
        )

    def due_campaigns(
        self, now: datetime, limit: int, workspace_id: uuid.UUID | None = None
    ) -> list[Campaign]:
        ids = select(CampaignSend.campaign_id).where(self._due(now))
        if workspace_id is not None:
            ids = ids.where(CampaignSend.workspace_id == workspace_id)
        stmt = select(Campaign).where(
            Campaign.id.in_(ids.distinct().limit(limit * 4)), Campaign.status == "active"
        )
        return list(self.session.scalars(stmt.limit(limit)))

    def take_slot(
        self, campaign_id: uuid.UUID, now: datetime, next_at: datetime, day: str, limit: int
    ) -> bool:
        """Take the campaign's next sending slot: only when its delay has passed and today's
        count is under the daily limit. One conditional UPDATE, so workers cannot both win."""
        from sqlalchemy import case

        stmt = (
            update(Campaign)
            .where(
                Campaign.id == campaign_id,
                Campaign.status == "active",
                or_(Campaign.next_send_at.is_(None), Campaign.next_send_at <= now),
                or_(
                    Campaign.day_key.is_(None),
                    Campaign.day_key != day,
                    Campaign.day_count < limit,
                ),
            )
            .values(
                next_send_at=next_at,
                day_count=case((Campaign.day_key == day, Campaign.day_count + 1), else_=1),
                day_key=day,
            )
            .execution_options(synchronize_session=False)
        )
        return rowcount(self.session.execute(stmt)) == 1

    def give_back_slot(self, campaign_id: uuid.UUID, day: str) -> None:
        stmt = (
            update(Campaign)
            .where(Campaign.id == campaign_id, Campaign.day_key == day, Campaign.day_count > 0)
            .values(day_count=Campaign.day_count - 1, next_send_at=None)
            .execution_options(synchronize_session=False)
        )
        self.session.execute(stmt)

    def claim(
        self,
        campaign_id: uuid.UUID,
        now: datetime,
        limit: int,
        worker: str,
        lease_until: datetime,
        *,
        skip_locked: bool,
    ) -> dict[uuid.UUID, int]:
        """Claim up to ``limit`` due sends of a campaign for this worker (scheduled ones, and
        ones whose sender stopped renewing its lease): each claimed id with its new lease
        generation, the fencing token every later statement on the send must present."""
        pick = (
            select(CampaignSend.id)
            .where(CampaignSend.campaign_id == campaign_id, self._due(now))
            .order_by(CampaignSend.due_at, CampaignSend.id)
            .limit(limit)
        )
        if skip_locked:
            pick = pick.with_for_update(skip_locked=True)
        ids = list(self.session.scalars(pick))
        if not ids:
            return {}
        stmt = (
            update(CampaignSend)
            .where(CampaignSend.id.in_(ids), self._due(now))
            .values(
                state="sending",
                claimed_by=worker,
                lease_expires_at=lease_until,
                lease_generation=CampaignSend.lease_generation + 1,
                attempts=CampaignSend.attempts + 1,
            )
            .returning(CampaignSend.id, CampaignSend.lease_generation)
            .execution_options(synchronize_session=False)
        )
        return {row[0]: int(row[1]) for row in self.session.execute(stmt)}

    def hold_many(
        self, claims: dict[uuid.UUID, int], worker: str, lease_until: datetime
    ) -> set[uuid.UUID]:
        """Renew this worker's lease on the sends of ``claims`` (id: lease generation) it still
        holds, only while the campaign is active; the ids still held (a pause, or a takeover
        after the lease ran out, leaves them out)."""
        if not claims:
            return set()
        active = exists().where(
            Campaign.id == CampaignSend.campaign_id, Campaign.status == "active"
        )
        stmt = (
            update(CampaignSend)
            .where(
                tuple_(CampaignSend.id, CampaignSend.lease_generation).in_(list(claims.items())),
                CampaignSend.state == "sending",
                CampaignSend.claimed_by == worker,
                active,
            )
            .values(lease_expires_at=lease_until)
            .returning(CampaignSend.id)
            .execution_options(synchronize_session=False)
        )
        return set(self.session.execute(stmt).scalars())

    def claimed(
        self, ids: list[uuid.UUID]
    ) -> list[tuple[CampaignSend, CampaignEnrolment, Contact]]:
        if not ids:
            return []
        rows = self.session.execute(
            select(CampaignSend, CampaignEnrolment, Contact)
            .join(CampaignEnrolment, CampaignEnrolment.id == CampaignSend.enrolment_id)
            .join(Contact, Contact.id == CampaignSend.contact_id)
            .where(CampaignSend.id.in_(ids))
            .order_by(CampaignSend.due_at, CampaignSend.id)
        ).all()
        return [(s, e, c) for s, e, c in rows]

    def last_sent(self, enrolment_id: uuid.UUID, before_step: int) -> CampaignSend | None:
        return self.session.scalars(
            select(CampaignSend)
            .where(
                CampaignSend.enrolment_id == enrolment_id,
                CampaignSend.step_index < before_step,
                CampaignSend.state == "sent",
            )
            .order_by(CampaignSend.step_index.desc())
            .limit(1)
        ).first()

    def finish(
        self, send_id: uuid.UUID, worker: str, generation: int, state: str, **values: Any
    ) -> bool:
        """End a claimed send, only if this worker's claim (generation) is still its last."""
        stmt = (
            update(CampaignSend)
            .where(
                CampaignSend.id == send_id,
                CampaignSend.state == "sending",
                CampaignSend.claimed_by == worker,
                CampaignSend.lease_generation == generation,
            )
            .values(state=state, lease_expires_at=None, **values)
            .execution_options(synchronize_session=False)
        )
        return rowcount(self.session.execute(stmt)) == 1

    def release(
        self, claims: dict[uuid.UUID, int], worker: str, due_at: datetime | None = None
    ) -> int:
        """Hand claimed sends (id: lease generation) back (paused campaign, temporary failure),
        only those this worker's claim still holds."""
        if not claims:
            return 0
        values: dict[str, Any] = {
            "state": "scheduled",
            "claimed_by": None,
            "lease_expires_at": None,
        }
        if due_at is not None:
            values["due_at"] = due_at
        stmt = (
            update(CampaignSend)
            .where(
                tuple_(CampaignSend.id, CampaignSend.lease_generation).in_(list(claims.items())),
                CampaignSend.state == "sending",
                CampaignSend.claimed_by == worker,
            )
            .values(**values)
            .execution_options(synchronize_session=False)
        )
        return rowcount(self.session.execute(stmt))

    def advance(
        self, enrolment_id: uuid.UUID, step_index: int, sent_at: datetime | None, status: str
    ) -> None:
        values: dict[str, Any] = {"current_step": step_index + 1}
        if sent_at is not None:
            values["last_sent_at"] = sent_at
        if status != "active":
            values["status"] = status
        stmt = (
            update(CampaignEnrolment)
            .where(CampaignEnrolment.id == enrolment_id, CampaignEnrolment.status == "active")
            .values(**values)
            .execution_options(synchronize_session=False)
        )
        self.session.execute(stmt)

    def revision_steps(self, campaign_id: uuid.UUID, number: int) -> list[dict[str, Any]]:
        rev = self.session.scalars(
            select(CampaignRevision).where(
                CampaignRevision.campaign_id == campaign_id, CampaignRevision.number == number
            )
        ).first()
        return list(rev.steps) if rev is not None else []

    def campaign_status(self, campaign_id: uuid.UUID) -> str | None:
        return self.session.scalar(select(Campaign.status).where(Campaign.id == campaign_id))

    def complete_finished_campaigns(self, campaign_ids: list[uuid.UUID]) -> None:
        """An active campaign with no enrolment still under way is completed."""
        for cid in campaign_ids:
            busy = self.session.scalar(
                select(
                    exists().where(
                        CampaignEnrolment.campaign_id == cid,
                        CampaignEnrolment.status.in_(("pending", "active", "paused")),
                    )
                )
            )
            if not busy:
                self.session.execute(
                    update(Campaign)
                    .where(Campaign.id == cid, Campaign.status == "active")
                    .values(status="completed")
                    .execution_options(synchronize_session=False)
                )
