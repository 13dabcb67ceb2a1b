"""Which prepositions name a party to an event, and which name a place, topic or time.

Shared by the participant rules (``nlp/participants.py``): "sanctioned Pelosi
over her visit to Taiwan" names Pelosi only; "a deal on TikTok" is about
TikTok, while "tariffs on China" are against China.
"""

from __future__ import annotations

from spacy.tokens import Token

LOCATION_PREPS = frozenset({"in", "at", "near", "during", "from", "inside", "outside"})
# Prepositions whose object is the cause, topic or time, never a party: "sanctioned
# Pelosi over her visit to Taiwan", "met Xi after his trip to Japan".
NOT_PARTY_PREPS = LOCATION_PREPS | frozenset(
    {
        "over",
        "about",
        "regarding",
        "concerning",
        "amid",
        "despite",
        "after",
        "before",
        "since",
        "aboard",
        "via",
    }
)
# Under an agreement or a contact, "on" is what it is about ("a deal on TikTok", "talks
# on Taiwan"); under a sanction or its undoing it names the target ("tariffs on China").
ON_TARGET = frozenset({"SANCTION", "RETREAT"})
# Under an agreement, "for" is what it is for as well ("a framework for TikTok").
_TOPIC_PREPS = {"AGREE": frozenset({"on", "for"})}


def not_party_preps(category: str) -> frozenset[str]:
    """Prepositions under the trigger's object that name no party for a category."""
    if category in ON_TARGET:
        return NOT_PARTY_PREPS
    return NOT_PARTY_PREPS | _TOPIC_PREPS.get(category, frozenset({"on"}))


def listed_in(verb: Token, preps: frozenset[str], lists: frozenset[str]) -> bool:
    """ "added Huawei to its entity list": one of ``preps`` leads to one of ``lists``."""
    return any(
        p.dep_ == "prep" and p.lower_ in preps and o.dep_ == "pobj" and o.lemma_.lower() in lists
        for p in verb.children
        for o in p.children
    )
