"""Parties a threat or a refusal names only in the clause it governs.

- A threat is aimed at the one whose act it is conditioned on: "warned that
  Moscow would deploy missiles in Kaliningrad if Washington pressed ahead",
  "reserved the right to use force should Taiwan declare independence"
  (``conditioned_on``).
- A refusal is aimed at the party of the act refused when that act is no
  event of its own: "refused to accept a Japanese protest" (``refused_parties``);
  "refused to sign a pact with Kabul" is the signing, negated.

Both read only what the trigger's own clause holds and leave a target the verb
already has alone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from backchannel.nlp.mentions import Linked, LinkResult
from backchannel.nlp.preps import is_place
from backchannel.nlp.repairs import span_root, unique

if TYPE_CHECKING:
    from backchannel.nlp.participants import ParticipantFinder

_CONDITIONS = frozenset({"if", "unless"})
# an inverted condition: "should Taiwan take steps", "were Iran to attack"
_INVERTED = frozenset({"should", "were"})
# prepositions under the refused act that name its other party
_PARTY_PREPS = frozenset({"with", "to", "from"})


def conditioned_on(
    find: ParticipantFinder, verb: Token, sources: list[Linked], link: LinkResult
) -> list[Linked]:
    """Whose act a threat or warning is conditioned on, in a clause under ``verb``."""
    doers = {m.actor_id for m in sources}
    for clause in verb.subtree:
        if clause.pos_ not in {"VERB", "AUX"} or clause.i == verb.i:
            continue
        subjects = [c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if not subjects:
            continue
        marked = clause.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in _CONDITIONS for c in clause.children
        )
        # the parser may hang an inverted condition anywhere ("the right to use force
        # should Taiwan take steps", as a clause of "right")
        inverted = any(
            c.dep_ == "aux" and c.lower_ in _INVERTED and c.i < subjects[0].i
            for c in clause.children
        )
        if not (marked or inverted):
            # "warned that any decision by Washington to supply missiles would …": an
            # act of another's, whenever it comes, is the condition
            whenever = [s for s in subjects if any(d.lower_ == "any" for d in s.children)]
            found = [m for s in whenever for m in find.owners(s, link) if m.actor_id not in doers]
            if found:
                return unique(found)
            continue
        found = [m for s in subjects for m in find.collect(s, link) if m.actor_id not in doers]
        if found:
            return unique(found)
    return []


def refused_parties(find: ParticipantFinder, verb: Token, link: LinkResult) -> list[Linked]:
    """The other party of the act a refusal names in its infinitive: whom its object
    belongs to or its "with" or "to" phrase names. An act that is an event of its own
    is coded as refused (negated) and makes no rejection: "declined to meet Austin"."""
    for act in (c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"):
        trig = find.trigger_for(act)
        if trig is not None:
            found = find.verb_participants(act, trig, link)
            if found is not None and found[1]:
                return []
        named: list[Linked] = []
        for c in act.children:
            if c.dep_ == "dobj":
                named += find.collect(c, link) or find.owners(c, link, by_adjective=True)
            elif c.dep_ in {"prep", "dative"} and c.lower_ in _PARTY_PREPS:
                named += find.collect(c, link)
        if named:
            return unique(named)
    return []


def threatened_in(verb: Token, sources: list[Linked], link: LinkResult) -> list[Linked]:
    """Those a threatened act names, when the threat names no one else: "threatened to
    freeze trade with Colombia", "threatened to send troops back into Congo",
    "threatened to take France to the International Court of Justice".

    The act is the threat verb's infinitive clause; a party in it not among the
    doers is the one threatened (the court or body it would be taken to is not).
    """
    doers = {m.actor_id for m in sources}
    acts = [c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in {"VERB", "AUX"}]
    found = [
        m
        for act in acts
        for t in act.subtree
        if (m := link.token_to_mention.get(t.i)) is not None
        and m.actor_id not in doers
        and not _taken_to(span_root(verb.doc, m))
        and not is_place(span_root(verb.doc, m), m)  # "close its embassy in Canberra"
    ]
    return unique(found)


def _taken_to(tok: Token) -> bool:
    """A court or body something is taken to: "take France to the ICJ" names France."""
    return tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.head.lemma_ == "take"
