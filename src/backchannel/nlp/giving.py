"""Things of value handed to another: aid (AID), whichever verb hands them.

"Washington extended a $2 billion credit line to Kyiv", "India rushed
shipments of fuel and medicine to Sri Lanka", "Ankara furnished Kyiv with
drones", "Seoul granted Ethiopia $20 million": a verb of giving
(``giving_verbs``) whose object, or whose "with" phrase, is a thing of value
(``given_things``, the head word or a word before it: "credit line", "relief
team") or a sum of money is AID to whom it goes. A verb's own entry in the
lexicon keeps its narrower reading ("sent troops" stays what ``send`` says).

Aid to people of a place is aid to its country: "airlifted food to flood
victims in southern Mozambique", "relief for refugees in eastern Chad"
(``aided_places``, for aid that names no recipient actor).
"""

from __future__ import annotations

from spacy.tokens import Token

from backchannel.nlp.lexicon import Lexicon, Trigger
from backchannel.nlp.mentions import Linked, LinkResult
from backchannel.nlp.repairs import lemma

__all__ = ["aided_places", "given"]

# people aid goes to, whose place names the country helped
_RECIPIENTS = frozenset(
    {"victims", "refugees", "people", "civilians", "residents", "survivors", "population"}
    | {"families", "children", "displaced", "villagers", "farmers", "needy", "poor"}
)

_MONEY = frozenset({"$", "€", "£", "¥", "million", "billion", "trillion", "dollars", "euros"})


def given(verb: Token, lex: Lexicon) -> Trigger | None:
    """The AID trigger ``verb`` is when it hands a thing of value to another, else None."""
    if verb.pos_ not in {"VERB", "AUX"} or lemma(verb) not in lex.giving_verbs:
        return None
    things = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    things += [
        g
        for p in verb.children
        if p.dep_ == "prep" and p.lower_ == "with"
        for g in p.children
        if g.dep_ == "pobj"
    ]
    valued = [t for t in things if _of_value(t, lex)]
    if not valued:
        return None
    forms = frozenset(w for t in valued for w in (t.lower_, t.lemma_.lower()))
    return Trigger(lemma(verb), "verb", "AID", "", objects=forms, or_actor=True)


def _of_value(noun: Token, lex: Lexicon) -> bool:
    """Aid, supplies, arms or money: the word, a word before it, or what it is "of"
    ("shipments of fuel")."""
    words = [noun, *(c for c in noun.children if c.dep_ in {"compound", "amod", "nmod"})]
    words += [
        w
        for p in noun.children
        if p.dep_ == "prep" and p.lower_ == "of"
        for g in p.children
        if g.dep_ == "pobj"
        # "the first of its promised air defense systems"
        for w in (g, *g.conjuncts, *(c for c in g.children if c.dep_ in {"compound", "amod"}))
    ]
    return any(
        w.lower_ in lex.given_things or w.lemma_.lower() in lex.given_things or w.text in _MONEY
        for w in words
    )


def aided_places(verb: Token, link: LinkResult) -> list[Linked]:
    """The country of the place of the people aid goes to ("to flood victims in
    southern Mozambique", "for victims of the earthquake in Armenia")."""
    holders = [verb, *(c for c in verb.children if c.dep_ in {"dobj", "dative"})]
    found: list[Linked] = []
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ not in {"prep", "dative"} or prep.lower_ not in {"to", "for"}:
                continue
            for people in (g for g in prep.children if g.dep_ == "pobj"):
                if people.lower_ not in _RECIPIENTS or people.i in link.token_to_mention:
                    continue
                found += [
                    link.token_to_mention[t.i]
                    for t in people.subtree
                    if t.dep_ == "pobj"
                    and t.head.lower_ in {"in", "of"}
                    and t.i in link.token_to_mention
                    and link.token_to_mention[t.i].actor_id.startswith("state:")
                ]
    return found
