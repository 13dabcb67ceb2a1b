"""A call paid, not a call for something: "called on Raimondo at her office",
"paid a courtesy call on Wang Yi".

"Call on" asks something of someone ("called on Beijing to release them",
"called on the UN for help"). With nothing asked — no clause, no "for"
phrase, nothing the caller wants done — it is a courtesy call: the caller
visits the one called on.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from backchannel.nlp.lexicon import Trigger

_ASKING = frozenset({"xcomp", "ccomp", "advcl", "dobj", "oprd"})
_ASKED_FOR = frozenset({"for", "over", "about", "against", "regarding"})


def paid_call(verb: Token, trig: Trigger) -> Trigger:
    """The visit a bare "called on X" is, else the trigger as it was."""
    if trig.lemma not in {"call on", "call upon"} or trig.type != "REQUEST":
        return trig
    for child in verb.children:
        if child.dep_ in _ASKING or (child.dep_ == "prep" and child.lower_ in _ASKED_FOR):
            return trig
        # "called on X to stop", parsed under X
        if (
            child.dep_ == "prep"
            and child.lower_ in {"on", "upon"}
            and any(
                g.dep_ in _ASKING | {"acl", "relcl"} for o in child.children for g in o.children
            )
        ):
            return trig
    if any(t.lower_ == "to" and t.pos_ == "PART" for t in verb.subtree):
        return trig
    return replace(trig, type="CONSULT", mode="visit", symmetric=False)


def paid_visit(noun: Token, trig: Trigger) -> Trigger:
    """ "paid a courtesy call on Wang Yi": the visit the call paid is, not a phone call."""
    if trig.mode != "phone" or noun.lemma_.lower() != "call" or noun.dep_ != "dobj":
        return trig
    if noun.head.lemma_.lower() != "pay":
        return trig
    return replace(trig, type="CONSULT", mode="visit", symmetric=False)
