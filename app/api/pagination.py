"""Paging parameters shared by every list endpoint.

Lists are small enough (thousands of facts) that the API selects and sorts matching keys
in full, then fetches details for one page only: the total is exact and a page costs the
same whatever its offset.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Annotated, TypeVar

from fastapi import Depends, Query

T = TypeVar("T")

MAX_LIMIT = 500


@dataclass(frozen=True)
class Page:
    limit: int
    offset: int

    def of(self, items: Sequence[T]) -> list[T]:
        return list(items[self.offset : self.offset + self.limit])

    def meta(self, total: int) -> dict[str, int]:
        return {"total": total, "limit": self.limit, "offset": self.offset}


async def _page(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page (1..500)")] = 50,
    offset: Annotated[int, Query(ge=0, le=1_000_000, description="Items to skip")] = 0,
) -> Page:
    return Page(limit, offset)


Paging = Annotated[Page, Depends(_page)]

WithSources = Annotated[
    bool,
    Query(description="Include each fact's sources: article metadata and the evidence sentence"),
]
