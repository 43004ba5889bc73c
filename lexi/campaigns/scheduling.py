"""When each email of a sequence is due.

Step 1 is due as soon as a recipient becomes active; each later step is scheduled when the one
before it is sent (or skipped), ``delay_days``/``delay_hours`` after it. The sending window,
weekends and limits are applied when a due send is claimed (``lexi.campaigns.sending``).
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from lexi.campaigns.repository import CampaignRepository
from lexi.kit.clock import utc_now
from lexi.models import Campaign


def schedule_first_steps(
    session: Session, campaign: Campaign, contact_ids: list[uuid.UUID], now: datetime | None = None
) -> int:
    """Schedule step 1 for these enrolled contacts (idempotent per person and step)."""
    if not contact_ids:
        return 0
    repo = CampaignRepository(session)
    wanted = set(contact_ids)
    enrolments = [
        e
        for e, _ in repo.enrolments_with_contacts(campaign.id, ("pending", "active", "paused"))
        if e.contact_id in wanted
    ]
    now = now or utc_now()
    return repo.insert_sends(
        [
            {
                "id": uuid.uuid4(),
                "workspace_id": campaign.workspace_id,
                "campaign_id": campaign.id,
                "enrolment_id": e.id,
                "contact_id": e.contact_id,
                "step_index": 0,
                "revision": campaign.sending_revision or campaign.revision,
                "state": "scheduled",
                "due_at": now,
                "attempts": 0,
                "created_at": now,
                "updated_at": now,
            }
            for e in enrolments
        ]
    )


def step_delay(delay_days: int, delay_hours: int) -> timedelta:
    return timedelta(days=delay_days, hours=delay_hours)
