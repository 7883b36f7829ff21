"""Confidence tiers: how sure a rule is, named once instead of scattered constants.

Every fact's `confidence` is one of these tiers, possibly capped by the zone the sentence
sits in. The tiers order the ways a fact can be stated, from a cue and both parties in
one clause of the article body down to a reading that borrows a party from context.
Researchers filter on them (`confidence >= 0.8` keeps the explicit statements), so a
tier's value must mean the same thing in every rule module and in both languages.
"""

from __future__ import annotations

from typing import Final

from app.facts import Zone

EXPLICIT: Final = 0.9
"""A strong cue (sign, cooperate, visit, fund...) with every party in the same clause."""

STRUCTURED: Final = 0.8
"""Stated by a structure rather than one clause: a list of partners under one verb, a
multi-party signing, a title chain naming its province, an amount with its funder."""

CONTEXTUAL: Final = 0.7
"""A party borrowed from the surroundings: an earlier clause or sentence, a list head, the
article's home province for a bare `tỉnh`, the province of the delegation being described."""

WEAK: Final = 0.6
"""Only a weak cue (`với`, joint organisation, annual summit) or an unquantified support."""

HEDGED: Final = 0.5
"""Open to another reading: a planned rather than done act, a related-article headline."""

ZONE_CAP: Final[dict[Zone, float]] = {"body": 1.0, "title": 0.85, "caption": 0.7, "related": 0.5}
"""The most a sentence's zone allows: a headline abridges, a caption repeats, a teaser
belongs to another article."""


def capped(tier: float, zone: Zone) -> float:
    """The tier as the zone allows it."""
    return min(tier, ZONE_CAP[zone])
