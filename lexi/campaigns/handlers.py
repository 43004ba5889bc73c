"""The ``campaign_start`` task: what approving a launch does."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from lexi.auth.scopes import Scope
from lexi.campaigns import service
from lexi.errors import Conflict, InsufficientPermissions
from lexi.tasks.handlers import TaskFailed, handler
from lexi.tasks.service import Claim


@handler("campaign_start")
def campaign_start(session: Session, claim: Claim) -> dict[str, Any]:
    """Activate the campaign on the approved revision and schedule step 1 for each recipient."""
    if claim.scopes and Scope.campaigns_write.value not in claim.scopes:
        raise InsufficientPermissions("The proposing key lacks the 'campaigns:write' scope.")
    try:
        return service.activate(
            session, claim.workspace_id, claim.id, claim.metadata, actor=claim.approved_by
        )
    except Conflict as exc:
        raise TaskFailed(exc.message) from None
