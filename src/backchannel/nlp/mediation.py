"""A third party settling a dispute between two others: mediation, a contact with each.

"Norway is trying to settle a feud between Chile and Peru" is the
mediator's CONSULT (mode ``mediate``) with Chile and with Peru, as PLOVER
codes mediation. The verb settles (``settling_verbs`` in ``data/events.yaml``)
a dispute (``dispute_nouns``) whose "between" phrase names the two; a
dispute named only by "their" ("a feud over their border") takes
its two from a dispute between two named in the same sentence ("with
the feud between Chile and Peru growing, …"). One of the two easing
its own dispute ("Washington eased tensions with Beijing") is no mediation.
An attempt at mediation is mediation: "is trying to settle" is asserted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from backchannel.nlp.lexicon import Trigger
from backchannel.nlp.mentions import Linked, LinkResult
from backchannel.nlp.repairs import unique

if TYPE_CHECKING:
    from backchannel.nlp.participants import ParticipantFinder

_ATTEMPT = frozenset({"try", "attempt", "seek", "work", "strive", "scramble"})


def settled_dispute(
    verb: Token, disputes: frozenset[str], settling: frozenset[str]
) -> Token | None:
    """The dispute ``verb`` settles: "defuse a row", "ease tensions", "mediate the conflict"."""
    if verb.pos_ not in {"VERB", "AUX"} or verb.lemma_.lower() not in settling:
        return None
    return next(
        (c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in disputes), None
    )


def disputants(
    find: ParticipantFinder, dispute: Token, disputes: frozenset[str], link: LinkResult
) -> list[Linked]:
    """The two a dispute is between: its own "between" phrase, or, for "their" dispute
    ("a row over their claims", the "over" phrase maybe hung on the verb), the
    "between" phrase of another dispute in the sentence."""
    own = _between(find, dispute, link)
    verb = dispute.head
    phrases = [dispute] + [p for p in verb.children if p.dep_ == "prep" and p.lower_ == "over"]
    theirs = any(t.lower_ == "their" and t.dep_ == "poss" for p in phrases for t in p.subtree)
    if own or not theirs:
        return own
    for other in dispute.sent:
        if other.i != dispute.i and other.lemma_.lower() in disputes:
            found = _between(find, other, link)
            if found:
                return found
    return []


def _between(find: ParticipantFinder, noun: Token, link: LinkResult) -> list[Linked]:
    found: list[Linked] = []
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "between":
            found += find.collect(prep, link)
    found = unique(found)
    return found if len(found) >= 2 else []


def attempted(verb: Token) -> Token:
    """Where the mediation's modality is read: "is trying to defuse" is the attempt."""
    infinitive = verb.dep_ == "xcomp" or (
        verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    )
    if infinitive and verb.head.lemma_.lower() in _ATTEMPT:
        return verb.head
    return verb


def mediation_trigger(verb: Token) -> Trigger:
    return Trigger(verb.lemma_.lower(), "verb", "CONSULT", "mediate")
