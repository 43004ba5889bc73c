from __future__ import annotations

from typing import Any

from sqlalchemy import CheckConstraint, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from lexi.db.base import Base, IdMixin, JSONType, TimestampMixin


class Workspace(IdMixin, TimestampMixin, Base):
    __tablename__ = "workspaces"
    __table_args__ = (CheckConstraint("credit_balance >= 0", name="credit_balance_non_negative"),)

    name: Mapped[str] = mapped_column(String(200), nullable=False)
    plan: Mapped[str] = mapped_column(String(20), nullable=False, default="starter")
    # Cached balance; the ledger in credit_entries is the record. Both change in one transaction.
    credit_balance: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    settings: Mapped[dict[str, Any]] = mapped_column(JSONType, nullable=False, default=dict)
