"""Third parties between two: an intermediary floated, a mediator settling their dispute.

"X has been floated as a potential intermediary" is a CONSULT (mode
``third-party``) of X with the other of the run's two sides, rarely
asserted: "floated", "potential" make it hypothetical. A third party
settling a dispute between two others meets each of them (the dispute and
its two are read by ``nlp/mediation.py``).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from spacy.tokens import Token

from backchannel.model import Event
from backchannel.nlp.eventdates import SentenceContext
from backchannel.nlp.lexicon import Trigger
from backchannel.nlp.mediation import attempted, disputants, mediation_trigger, settled_dispute
from backchannel.nlp.mentions import Linked, LinkResult
from backchannel.nlp.modality import modality_of
from backchannel.nlp.participants import SUBJ, unique
from backchannel.nlp.records import EventRecords
from backchannel.nlp.rolewords import change_verb


def intermediary_events(
    records: EventRecords, ctx: SentenceContext, noun: Token, link: LinkResult, doc_id: str
) -> Iterator[Event]:
    """ "X has been floated as a potential intermediary": mediation, rarely asserted."""
    head = noun.head
    while head.dep_ in {"prep", "pobj"} and head.head.i != head.i:
        head = head.head
    if change_verb(head, records.lex.change_verbs) is not None:
        return  # "retired as climate envoy", "succeeded him as envoy": a post, not mediation
    if _sent_elsewhere(records, ctx, noun, link):
        return  # "served as envoy to Moscow": a post abroad, not between the two sides
    people: list[Linked] = []
    if head.pos_ in {"VERB", "AUX"}:
        for child in head.children:
            if child.dep_ in SUBJ:
                people += [
                    m
                    for m in records.find.collect(child, link)
                    if records.find.is_person(m.actor_id)
                ]
    trig = Trigger(noun.lower_, "noun", "CONSULT", "third-party")
    modality = modality_of(noun, records.lex)
    if modality == "asserted":
        for tok in itertools.chain([head], head.children, noun.children):
            if tok.lemma_.lower() in records.lex.hypothetical_verbs | {"float"} or (
                tok.lower_ in records.lex.hypothetical_modifiers
            ):
                modality = "hypothetical"
    for person in unique(people):
        side = records.participant(person.actor_id, ctx.date.start, link).country
        other = next((s for s in records.sides if s != side), records.sides[1])
        tgt = Linked(noun.i, noun.i + 1, f"state:{other}", "implied")
        yield records.event(
            ctx, noun, trig, person, tgt, link, doc_id, modality=modality, rule="intermediary"
        )


def _sent_elsewhere(
    records: EventRecords, ctx: SentenceContext, noun: Token, link: LinkResult
) -> bool:
    """The envoy is sent "to" a party of neither side."""
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "to"):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            m = link.token_to_mention.get(obj.i)
            if m is not None:
                country = records.participant(m.actor_id, ctx.date.start, link).country
                if country and country not in records.sides:
                    return True
    return False


def mediation_events(
    records: EventRecords, ctx: SentenceContext, verb: Token, link: LinkResult, doc_id: str
) -> list[Event]:
    """A third party settling a dispute between two others meets each (``nlp/mediation.py``)."""
    lex = records.lex
    disputes = lex.dispute_nouns
    dispute = settled_dispute(verb, disputes, lex.settling_verbs)
    if dispute is None:
        # "brokered a ceasefire between Israel and Hamas": what the broker brings about
        disputes = lex.brokered_nouns
        dispute = settled_dispute(verb, disputes, lex.brokering_verbs)
    if dispute is None:
        return []
    parties = disputants(records.find, dispute, disputes, link)
    mediators = records.find.subjects(verb, link)
    day = ctx.date.start
    sides = {records.participant(p.actor_id, day, link).country for p in parties}
    if not parties or any(
        records.participant(m.actor_id, day, link).country in sides for m in mediators
    ):
        return []  # "Washington and Beijing eased tensions between them": their own
    trig = mediation_trigger(verb)
    modality = modality_of(attempted(verb), records.lex)
    rule = f"{records.lex.version}:mediation"
    return [
        records.event(ctx, verb, trig, m, p, link, doc_id, modality=modality, rule=rule)
        for m in mediators
        for p in parties
    ]
