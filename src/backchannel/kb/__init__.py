"""Actor knowledge base: bundled data files, their loader, and questions about roles at a date.

    from backchannel.kb import KnowledgeBase
    kb = KnowledgeBase.load()                      # bundled data, cached per process
    kb.holders("usa.treasury_secretary", "2025-11-20")
    kb.side_on("cui-tiankai", "2024-06-01")        # ("CHN", "retired", "former Ambassador …")

The data lives in ``backchannel/data/kb/`` (positions, states, groups,
channels, and ``actors/*.yaml``); user files in the same format extend or
replace it. See ``loader`` for the file format and its validation.
"""

from backchannel.kb.base import KnowledgeBase, side_of
from backchannel.kb.parse import TOP_KEYS
from backchannel.kb.records import (
    ACTOR_KINDS,
    SECTORS,
    TRANSNATIONAL,
    GroupNoun,
    NamedChannel,
    Position,
    State,
)

__all__ = [
    "ACTOR_KINDS",
    "SECTORS",
    "TOP_KEYS",
    "TRANSNATIONAL",
    "GroupNoun",
    "KnowledgeBase",
    "NamedChannel",
    "Position",
    "State",
    "side_of",
]
