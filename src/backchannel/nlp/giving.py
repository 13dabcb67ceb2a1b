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
    | {"hospitals", "clinics"}
)

# what a craft that carries them is named by: "ships carrying relief supplies"
_CARRYING = frozenset({"carrying", "loaded", "laden", "bearing", "packed"})

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
    # "ships carrying relief supplies", "planes loaded with food": the craft stands
    # for what it carries
    valued = [t for t in things if _of_value(t, lex) or _carries_value(t, lex)]
    if not valued:
        return None
    forms = frozenset(w for t in valued for w in (t.lower_, t.lemma_.lower()))
    return Trigger(lemma(verb), "verb", "AID", "", objects=forms, or_actor=True)


def _carries_value(craft: Token, lex: Lexicon) -> bool:
    """ "ships carrying relief supplies", "a plane loaded with food"."""
    return any(
        _of_value(g, lex)
        for c in craft.children
        if c.dep_ == "acl" and c.lower_ in _CARRYING
        for g in (*c.children, *(g for p in c.children if p.dep_ == "prep" for g in p.children))
        if g.dep_ in {"dobj", "pobj"}
    )


def _of_value(noun: Token, lex: Lexicon, depth: int = 3) -> bool:
    """Aid, supplies, arms or money: the word, a word before it, or what it is "of",
    through a few measures ("shipments of fuel", "hundreds of tonnes of food aid")."""
    words = [noun, *(c for c in noun.children if c.dep_ in {"compound", "amod", "nmod"})]
    # "the first of its promised air defense systems"
    owned = [
        w
        for p in noun.children
        if p.dep_ == "prep" and p.lower_ == "of"
        for g in p.children
        if g.dep_ == "pobj"
        for w in (g, *g.conjuncts)
    ]
    if any(
        w.lower_ in lex.given_things or w.lemma_.lower() in lex.given_things or w.text in _MONEY
        for w in words
    ):
        return True
    return depth > 0 and any(_of_value(w, lex, depth - 1) for w in owned)


def aided_places(verb: Token, link: LinkResult) -> list[Linked]:
    """The state aid goes to when no actor takes it: the place of the people it is
    for ("to flood victims in southern Mozambique", "for victims of the earthquake
    in Armenia"), the owner of the body it is paid into ("to Brazil's Amazon Fund",
    "deposited $3 billion in Pakistan's central bank"), or the state a craft carries
    it to ("ships carrying relief supplies to Indonesia"), or what it is worth goes
    to ("protective suits worth $1 million to hospitals in China")."""
    objects = [c for c in verb.children if c.dep_ in {"dobj", "dative"}]
    holders = [verb, *objects]
    holders += [
        c
        for o in objects
        for c in o.children
        if (c.dep_ == "acl" and c.lower_ in _CARRYING) or (c.dep_ == "amod" and c.lower_ == "worth")
    ]
    found: list[Linked] = []
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ not in {"prep", "dative"} or prep.lower_ not in {"to", "for", "in"}:
                continue
            for goal in (g for g in prep.children if g.dep_ == "pobj"):
                owners = [c for c in goal.children if c.dep_ == "poss"]
                if prep.lower_ == "to" and holder is not verb:
                    owners.append(goal)  # "carrying relief supplies to Indonesia"
                if goal.lower_ in _RECIPIENTS and prep.lower_ != "in":
                    owners += [
                        t
                        for t in goal.subtree
                        if t.dep_ == "pobj" and t.head.lower_ in {"in", "of"}
                    ]
                found += [m for m in map(link.token_to_mention.get, (o.i for o in owners)) if m]
    return [m for m in found if m.actor_id.startswith("state:")]
