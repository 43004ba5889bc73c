"""Every table. Alembic and the app import this module to see the whole schema."""

from lexi.db.base import Base
from lexi.models.api_key import ApiKey
from lexi.models.credit import CreditEntry
from lexi.models.idempotency import IdempotencyRecord
from lexi.models.workspace import Workspace

__all__ = ["ApiKey", "Base", "CreditEntry", "IdempotencyRecord", "Workspace"]
