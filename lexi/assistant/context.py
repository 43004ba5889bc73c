"""TurnContext: the only door from the assistant to data.

The workspace and the key come from the authenticated request, never from the message text.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from lexi.assistant.policy import ApprovalPolicy
from lexi.assistant.understanding.types import ConversationState
from lexi.auth.service import Caller


@dataclass
class TurnContext:
    session: Session
    caller: Caller
    state: ConversationState
    policy: ApprovalPolicy = field(default_factory=ApprovalPolicy)
    conversation_id: uuid.UUID | None = None
    # What the turn changed that the caller reports (credits spent by tools, tasks created).
    credits_used: int = 0
    task_ids: list[uuid.UUID] = field(default_factory=list)
    # What the tools spent, as (credits, reason): charged in one conditional statement when the
    # turn ends, so the workspace's credit row is locked only for the end of the transaction.
    charges: list[tuple[int, str]] = field(default_factory=list)
    extras: dict[str, Any] = field(default_factory=dict)

    @property
    def workspace_id(self) -> uuid.UUID:
        return self.caller.workspace_id

    def has(self, scope: str) -> bool:
        return self.caller.has(str(scope))
