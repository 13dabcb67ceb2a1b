"""Things of value handed to another: aid (AID), whichever verb hands them.

"Washington extended a $2 billion credit line to Kyiv", "India rushed
shipments of fuel and medicine to Sri Lanka", "Ankara furnished Kyiv with
drones", "Seoul granted Ethiopia $20 million": a verb of giving
(``giving_verbs``) whose object, or whose "with" phrase, is a thing of value
(``given_things``, the head word or a word before it: "credit line", "relief
team", or what it is a measure of: "hundreds of tonnes of food aid"), or a
craft carrying one ("ships carrying relief supplies"), or a sum of money is
AID to whom it goes. A verb's own entry in the lexicon keeps its narrower
reading ("sent troops" stays what ``send`` says).

Aid to people of a place is aid to its country: "airlifted food to flood
victims in southern Mozambique", "relief for refugees in eastern Chad"; so is
aid to a region named with its noun ("to the Lombardy region") and money paid
into a country's body ("deposited $3 billion in Egypt's central bank")
(``aided_places``, for aid that names no recipient actor).

Rescuers at work in another's town bring its state aid (``rescue_work``):
"Japanese rescuers pulled survivors from the rubble in Herat".
"""

from __future__ import annotations

from spacy.tokens import Token

from backchannel.nlp.arrivals import come_to_help
from backchannel.nlp.lexicon import Lexicon, Trigger
from backchannel.nlp.mentions import Linked, LinkResult
from backchannel.nlp.preps import PLACE_WORDS
from backchannel.nlp.repairs import THING_RELATIVES, lemma

__all__ = ["aided_places", "given", "rescue_work"]

# people aid goes to, whose place names the country helped
_RECIPIENTS = frozenset(
    {"victims", "refugees", "people", "civilians", "residents", "survivors", "population"}
    | {"families", "children", "displaced", "villagers", "farmers", "needy", "poor"}
    | {"hospitals", "clinics"}
)

# what a craft that carries them is named by: "ships carrying relief supplies"
_CARRYING = frozenset({"carrying", "loaded", "laden", "bearing", "packed"})

# what rescuers do where they help
_RESCUING = frozenset({"pull", "rescue", "search", "dig", "join", "save", "treat", "free"})

_MONEY = frozenset({"$", "€", "£", "¥", "million", "billion", "trillion", "dollars", "euros"})


def rescue_work(verb: Token) -> Trigger | None:
    """ "Greek rescue teams pulled survivors from the rubble in Izmit", "Mexican army
    rescuers joined the search for survivors in southern Turkey": rescuers at work
    in a place bring its state aid."""
    if verb.pos_ != "VERB" or lemma(verb) not in _RESCUING:
        return None
    if not any(c.dep_ == "nsubj" and come_to_help(c) for c in verb.children):
        return None
    # one's own rescuers at home give no aid to another
    return Trigger(lemma(verb), "verb", "AID", "rescue", foreign=True)


def given(verb: Token, lex: Lexicon) -> Trigger | None:
    """The AID trigger ``verb`` is when it hands a thing of value to another, else None."""
    if verb.pos_ not in {"VERB", "AUX"} or lemma(verb) not in lex.giving_verbs:
        return None
    things = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    if verb.dep_ == "relcl" and (not things or any(t.lower_ in THING_RELATIVES for t in things)):
        things.append(verb.head)  # "the HIMARS launchers (that) Washington sent to Ukraine"
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
    if not valued or _in_compensation(verb):
        return None  # "transferred $20 million in compensation to Turkey": a retreat
    forms = frozenset(w for t in valued for w in (t.lower_, t.lemma_.lower()))
    return Trigger(lemma(verb), "verb", "AID", "", objects=forms, or_actor=True)


def _in_compensation(verb: Token) -> bool:
    """A sum given "in compensation" or "in reparations" pays for a wrong: no aid."""
    return any(
        g.lemma_.lower() in {"compensation", "reparation"}
        for p in verb.children
        if p.dep_ == "prep" and p.lower_ == "in"
        for g in p.children
    )


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
    through a few measures ("shipments of fuel", "hundreds of tonnes of food aid").
    A measure against trade in them is none: "the lifting of the US arms embargo"."""
    measure = lex.noun_trigger(noun.lower_, noun.lemma_.lower())
    if measure is not None and measure.type == "SANCTION":
        return False
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


def aided_places(verb: Token, link: LinkResult, anywhere: bool = False) -> list[Linked]:
    """The state aid goes to when no actor takes it: the place of the people it is
    for ("to flood victims in southern Mozambique", "for victims of the earthquake
    in Armenia"), the owner of the body it is paid into ("to Brazil's Amazon Fund",
    "deposited $3 billion in Pakistan's central bank"), or the state a craft carries
    it to ("ships carrying relief supplies to Indonesia"), or what it is worth goes
    to ("protective suits worth $1 million to hospitals in China"). ``anywhere``
    (rescue work): else the state of any place "in" which the verb's phrase is."""
    objects = [c for c in verb.children if c.dep_ in {"dobj", "dative"}]
    objects += [c for o in objects for c in o.conjuncts]  # "suits and equipment worth …"
    holders = [verb, *objects]
    holders += [
        c
        for o in objects
        for c in o.children
        if (c.dep_ == "acl" and c.lower_ in _CARRYING) or (c.dep_ == "amod" and c.lower_ == "worth")
    ]
    # "worth about $1 million to hospitals …", the sum taking the preposition
    holders += [
        c for h in holders if h.lower_ == "worth" for c in h.children if c.dep_ == "npadvmod"
    ]
    found: list[Linked] = []
    bodies: list[Linked] = []  # a state's body named with its state: "Egypt's central bank"
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ not in {"prep", "dative"} or prep.lower_ not in {"to", "for", "in"}:
                continue
            for goal in (g for g in prep.children if g.dep_ == "pobj"):
                owners = [c for c in goal.children if c.dep_ == "poss"]
                body = link.token_to_mention.get(goal.i)
                if body is not None and any(link.token_to_mention.get(o.i) is body for o in owners):
                    bodies.append(body)
                if prep.lower_ == "to" and holder is not verb:
                    owners.append(goal)  # "carrying relief supplies to Indonesia"
                if prep.lower_ == "to" and goal.lower_ in PLACE_WORDS:
                    owners.append(goal)  # "to the Lombardy region", "to New York state"
                if goal.lower_ in _RECIPIENTS and prep.lower_ != "in":
                    owners += [
                        t
                        for t in goal.subtree
                        if t.dep_ == "pobj" and t.head.lower_ in {"in", "of"}
                    ]
                # a place noun stands for the place it names: "in Hubei province"
                owners += [
                    c
                    for o in owners
                    if o.lower_ in PLACE_WORDS
                    for c in o.children
                    if c.dep_ in {"compound", "amod"}
                ]
                found += [m for m in map(link.token_to_mention.get, (o.i for o in owners)) if m]
    if anywhere and not found:
        # rescuers at work: the place "in" which they work, however deep ("pulled
        # survivors from collapsed buildings in Izmit")
        found = [
            m
            for t in verb.subtree
            if t.dep_ == "pobj" and t.head.lower_ == "in"
            for m in map(link.token_to_mention.get, (t.i, *(c.i for c in t.children)))
            if m is not None
        ]
    return [m for m in found if m.actor_id.startswith("state:") or m in bodies]
