from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response
from sqlalchemy.orm import Session

from lexi.auth.dependencies import LexiCaller
from lexi.credits import service
from lexi.credits.schemas import CreditsOut, LedgerEntry
from lexi.deps import DatabaseDep, json_response, read_off_loop
from lexi.kit.schemas import DataEnvelope

router = APIRouter(prefix="/credits", tags=["Credits"])
CreditsEnvelope = DataEnvelope[CreditsOut]


@router.get("", response_model=CreditsEnvelope)
async def get_credits(
    caller: LexiCaller,
    db: DatabaseDep,
    limit: Annotated[int, Query(ge=1, le=100, description="Ledger entries to include.")] = 20,
) -> Response:
    """(ext) The workspace's credit balance and its most recent ledger entries."""

    def read(session: Session) -> str:
        entries = service.recent_ledger(session, caller.workspace_id, limit)
        out = CreditsOut(
            balance=service.balance(session, caller.workspace_id),
            entries=[LedgerEntry.model_validate(e) for e in entries],
        )
        return CreditsEnvelope(data=out).model_dump_json()

    return json_response(await read_off_loop(db, read))
