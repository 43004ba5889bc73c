from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from lexi.auth.dependencies import LexiCaller
from lexi.credits import service
from lexi.credits.schemas import CreditsOut, LedgerEntry
from lexi.deps import SessionDep
from lexi.kit.schemas import DataEnvelope

router = APIRouter(prefix="/credits", tags=["Credits"])


@router.get("", response_model=DataEnvelope[CreditsOut])
def get_credits(
    caller: LexiCaller,
    session: SessionDep,
    limit: Annotated[int, Query(ge=1, le=100, description="Ledger entries to include.")] = 20,
) -> dict:
    """(ext) The workspace's credit balance and its most recent ledger entries."""
    entries = service.recent_ledger(session, caller.workspace_id, limit)
    return {
        "data": CreditsOut(
            balance=service.balance(session, caller.workspace_id),
            entries=[LedgerEntry.model_validate(e) for e in entries],
        )
    }
