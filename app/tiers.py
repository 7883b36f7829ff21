"""Confidence tiers by name, for answers that group facts by how surely they were read.

The extractor assigns them (`ingest/extract/tiers.py` documents what each means); the API
and the CLI only name them, and must not import extraction code, so the names and floors
are repeated here. A test checks that the two tables agree.
"""

from __future__ import annotations

from typing import Final

#: (name, lowest confidence of the tier), most certain first.
TIERS: Final[tuple[tuple[str, float], ...]] = (
    ("explicit", 0.9),
    ("structured", 0.8),
    ("contextual", 0.7),
    ("weak", 0.6),
    ("hedged", 0.5),
)
BELOW: Final = "below-hedged"
"""Confidence under every tier (a facts file written by another tool may use any value)."""
UNKNOWN: Final = "unknown"


def tier_of(confidence: float | None) -> str:
    """The highest tier whose floor `confidence` reaches. A zone cap (0.85 for a title)
    lowers a fact into the tier below, which is what the cap means."""
    if confidence is None:
        return UNKNOWN
    for name, floor in TIERS:
        if confidence >= floor - 1e-9:
            return name
    return BELOW
