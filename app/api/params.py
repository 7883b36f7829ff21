"""Parameters several routes declare alike, declared once so their limits cannot drift apart."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Path, Query

#: Years a year filter accepts: wider than the corpus, narrow enough to reject typos.
FIRST_YEAR, LAST_YEAR = 1900, 2100


def year_query(description: str | None = None) -> Any:
    """A year filter's `Query`; `description` says which facts the year selects."""
    return Query(ge=FIRST_YEAR, le=LAST_YEAR, description=description)


#: The key of an agreement, project or event in its path (`/agreement/{id}` …).
EntityId = Annotated[str, Path(min_length=1, max_length=100)]
#: Whether a province's view takes in the units merged into it.
Inherited = Annotated[bool, Query(description="include units merged into this one")]
