"""Page parameters and the paginated envelope ``{"data": [...], "meta": {page, per_page, total}}``."""

from dataclasses import dataclass
from typing import Annotated, Any, Generic, TypeVar

from pydantic import BaseModel

T = TypeVar("T")

MAX_PAGE = 1_000_000


@dataclass(frozen=True)
class PageParams:
    page: int = 1
    per_page: int = 50

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page


def page_params(default: int = 50, maximum: int = 100) -> Any:
    """A dependency reading ``page`` and ``per_page`` with the given default and maximum."""
    from fastapi import Query  # here, not at the top: services and the CLI import this module

    async def dep(
        page: Annotated[int, Query(ge=1, le=MAX_PAGE, description="Page number, from 1.")] = 1,
        per_page: Annotated[
            int, Query(ge=1, le=maximum, description=f"Items per page (max {maximum}).")
        ] = default,
    ) -> PageParams:
        return PageParams(page=page, per_page=per_page)

    return dep


class Meta(BaseModel):
    page: int
    per_page: int
    total: int


class Page(BaseModel, Generic[T]):
    data: list[T]
    meta: Meta

    @classmethod
    def build(cls, items: list[Any], total: int, params: PageParams) -> "Page[T]":
        return cls(data=items, meta=Meta(page=params.page, per_page=params.per_page, total=total))
