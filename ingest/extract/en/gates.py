"""The gate each English rule opens with, as a trigger (see `triggers.py`).

A sentence in which none of a gate pattern's words occurs cannot pass it, so the rule is
not called there (`extract_english`), and within a sentence the rule tries its pattern
only where those words start; the result is the one the gate would have given. A rule
whose gate changes must change its trigger here.
"""

from __future__ import annotations

from ..triggers import Trigger
from ..vocab import vocabulary

HEADS = Trigger(vocabulary("en", "titles").regex("head"))  # `find_officials`: a title head
KINDS = Trigger(vocabulary("en", "documents").regex("kind"))  # `extract_agreements`: a document noun
STRONG = Trigger(vocabulary("en", "cues").regex("strong"))  # `extract_partnerships`: a cue
# `extract_projects` on a sentence naming provinces: a support verb or a hosting phrase.
AID = Trigger(vocabulary("en", "cues").regex("support"))
HOSTING = Trigger(vocabulary("en", "cues").regex("hosting"))
