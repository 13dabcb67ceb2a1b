"""Force aimed at another's places: its frontier, or targets in its territory.

"Moscow massed troops near the Ukrainian border", "Ankara sent tanks to the
Syrian frontier", "Warsaw stationed soldiers along its frontier with Belarus":
a verb of moving (``moving_verbs``) with forces as its object (``force_nouns``)
and a frontier (``frontier_nouns``) under one of ``frontier_preps`` is
MOBILIZE, its target the country the frontier faces (``place_party``). Troops
sent to a country, not to its frontier, keep the verb's own reading ("sent
troops to Mali" is aid).

"Israeli jets struck targets near Damascus", "bombed hideouts inside
Afghanistan": a verb of striking (``striking_verbs``) whose object is a place
or target (``struck_places``) in a country (``struck_preps``) is ASSAULT on
that country. "Struck a deal" and "hit back" are no such strike.

"Iraqi warplanes struck Iran's oil terminal", "Iranian speedboats attacked a
Kuwaiti tanker": forces that strike or attack something hit its owner (ASSAULT),
where a government that "attacked" a policy only speaks.

"The last U.S. troops left Afghanistan", "Cuban troops began leaving Angola":
forces that leave a country withdraw from it (RETREAT), where a leader who
"left Washington" only travels.

"Two Russian bombers flew close to British airspace", "Iranian patrol boats
entered Iraqi waters": craft or forces that pass close to, over or into
another's airspace, waters, coast or islands, or enter or violate them, show
force to their owner (MOBILIZE, ``forces_passed``).
"""

from __future__ import annotations

from collections.abc import Callable, Collection

from spacy.tokens import Token

from backchannel.nlp.lexicon import Lexicon, Trigger
from backchannel.nlp.mentions import Linked, LinkResult
from backchannel.nlp.repairs import lemma

__all__ = [
    "faced_frontier",
    "forces_left",
    "forces_passed",
    "forces_struck",
    "on_alert",
    "passed_places",
    "struck_places",
    "to_frontier",
]

_PREP = frozenset({"prep", "dative"})


def to_frontier(verb: Token, lex: Lexicon) -> Trigger | None:
    """The MOBILIZE trigger ``verb`` is when it moves forces to a frontier, else None."""
    if verb.pos_ not in {"VERB", "AUX"} or lemma(verb) not in lex.moving_verbs:
        return None
    moved = _objects(verb, lex.force_nouns)
    if not moved:
        return None
    preps = _preps_to(verb, moved, lex.frontier_preps, lambda n: _frontier(n, lex))
    if not preps:
        return None
    return Trigger(lemma(verb), "verb", "MOBILIZE", "", objects=lex.force_nouns, place_preps=preps)


def _frontier(noun: Token, lex: Lexicon) -> bool:
    """A frontier, or positions on one ("to positions along the Kuwaiti frontier")."""
    if noun.lower_ in lex.frontier_nouns:
        return True
    return any(
        g.dep_ == "pobj" and g.lower_ in lex.frontier_nouns
        for p in noun.children
        if p.dep_ == "prep" and p.lower_ in lex.frontier_preps
        for g in p.children
    )


def faced_frontier(
    verb: Token, lex: Lexicon, place_party: Callable[[Token], list[Linked]]
) -> list[Linked]:
    """The country a show of force faces, where the parser hangs its frontier below the
    verb's own phrases: "put its air force on high alert along the Indian border"."""
    for prep in verb.subtree:
        if (
            prep.dep_ == "prep"
            and prep.lower_ in lex.frontier_preps
            and prep.head.i != verb.i
            and any(g.dep_ == "pobj" and _frontier(g, lex) for g in prep.children)
        ):
            found = place_party(prep)
            if found:
                return found
    return []


def on_alert(verb: Token, lex: Lexicon) -> Trigger | None:
    """ "placed its armed forces on a state of combat readiness against South Korea",
    "put its troops on high alert along the border with Pakistan": MOBILIZE."""
    if verb.pos_ not in {"VERB", "AUX"} or lemma(verb) not in {"put", "place"}:
        return None
    forces = _objects(verb, lex.force_nouns)
    if not forces:
        return None
    alert = [
        n
        for p in (c for h in (verb, *forces) for c in h.children)  # "units on combat readiness"
        if p.dep_ == "prep" and p.lower_ == "on"
        for n in p.children
        if n.dep_ == "pobj"
        and (
            n.lower_ in lex.alert_nouns
            or any(w.lower_ in lex.alert_nouns for w in n.subtree if w.dep_ == "pobj")
        )
    ]
    if not alert:
        return None
    preps = {"against"} | set(lex.frontier_preps)
    return Trigger(lemma(verb), "verb", "MOBILIZE", "", place_preps=frozenset(preps))


def struck_places(verb: Token, lex: Lexicon, link: LinkResult) -> Trigger | None:
    """The ASSAULT trigger ``verb`` is when it strikes places in a country, else None."""
    if verb.pos_ not in {"VERB", "AUX"} or lemma(verb) not in lex.striking_verbs:
        return None
    struck = _objects(verb, lex.struck_places)
    if not struck:
        return None

    def a_place(noun: Token) -> bool:
        return (
            any(
                t.i in link.token_to_mention and t.dep_ in {"pobj", "poss", "compound", "conj"}
                for t in noun.subtree
            )
            or noun.lower_ in lex.place_nouns
        )

    preps = _preps_to(verb, struck, lex.struck_preps, a_place)
    if not preps:
        return None
    return Trigger(lemma(verb), "verb", "ASSAULT", "", objects=lex.struck_places, place_preps=preps)


_ATTACKING = frozenset({"attack", "strike", "hit", "raid", "ram"})
# what a strike may be that is no blow: "struck a deal", "hit a record"
_NO_BLOW = frozenset(
    {"deal", "agreement", "accord", "pact", "truce", "compromise", "balance", "note", "tone"}
    | {"record", "high", "low", "snag", "wall", "target", "targets", "chord", "bargain"}
)


def forces_struck(verb: Token, lex: Lexicon) -> Trigger | None:
    """Forces or armed men (``force_nouns``, ``armed_nouns``) as the subject of striking
    a thing, or a strike at forces, people or a thing only a blow hits
    (``assailed_nouns``: "attacked a police checkpoint", "attacked Israeli soldiers"):
    an assault on its owner, whom the participants read from the object ("Iran's
    terminal", "a Kuwaiti tanker")."""
    if verb.pos_ != "VERB" or lemma(verb) not in _ATTACKING:
        return None
    objects = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    if not objects or any(o.lemma_.lower() in _NO_BLOW for o in objects):
        return None
    armed = lex.force_nouns | lex.armed_nouns
    if _forces_do(verb, armed) or any(_nouns_in(o, lex.assailed_nouns) for o in objects):
        return Trigger(lemma(verb), "verb", "ASSAULT", "")
    return None


def _nouns_in(noun: Token, nouns: Collection[str]) -> bool:
    """``noun`` (or the one a count stands for, "dozens of soldiers") is among ``nouns``."""
    for tok in (noun, *(g for p in noun.children if p.lower_ == "of" for g in p.children)):
        if tok.lower_ in nouns or tok.lemma_.lower() in nouns:
            return True
    return False


# Craft and forces passing close to another's places: "Two Russian bombers flew close
# to British airspace", "Chinese navy ships sailed near Alaska's Aleutian Islands"
_PASSING = frozenset(
    {"fly", "sail", "enter", "approach", "intrude", "stray", "transit", "cruise", "penetrate"}
    | {"violate", "breach"}
)
# those whose object is the place passed into: "entered Japanese waters"
_ENTERING = frozenset({"enter", "approach", "penetrate", "violate", "breach"})
_CRAFT = frozenset(
    {"ship", "ships", "vessel", "vessels", "warship", "destroyer", "carrier", "carriers"}
    | {"bomber", "plane", "planes", "aircraft", "jet", "drone", "drones", "submarine"}
    | {"frigate", "cutter", "cutters", "flotilla", "fleet", "group", "boat", "boats"}
    | {"helicopter", "helicopters", "fighter", "fighters"}
)
_PASSAGE_PREPS = frozenset(
    {"into", "over", "near", "through", "within", "toward", "towards", "off"}
)
# the places of another a passing craft comes close to
_OWNED_PLACES = frozenset(
    {"airspace", "waters", "coast", "coastline", "territory", "zone", "islands", "island"}
    | {"reef", "reefs", "shores", "shore", "border", "base", "bases", "archipelago"}
)


def forces_passed(verb: Token, lex: Lexicon, link: LinkResult) -> Trigger | None:
    """The show of force ``verb`` is when forces or craft pass close to another's
    airspace, waters or islands (MOBILIZE), else None; the target is their owner
    (``passed_places``)."""
    if verb.pos_ != "VERB" or lemma(verb) not in _PASSING:
        return None
    if not any(
        c.dep_ == "nsubj"
        and (c.lower_ in _CRAFT or c.lower_ in lex.force_nouns or c.lemma_.lower() in _CRAFT)
        for c in verb.children
    ):
        return None
    if not passed_places(verb, link):
        return None
    return Trigger(lemma(verb), "verb", "MOBILIZE", "", foreign=True)


def passed_places(verb: Token, link: LinkResult) -> list[Linked]:
    """The owners of the places ``verb`` passes close to: "close to British airspace",
    "into the Alaska air defence identification zone", "near Chinese-held reefs"."""
    found: list[Linked] = []
    if lemma(verb) in _ENTERING:
        found += [
            m
            for o in verb.children
            if o.dep_ == "dobj" and o.lower_ in _OWNED_PLACES
            for m in map(link.token_to_mention.get, (w.i for w in (o, *o.children)))
            if m
        ]
    for prep in verb.subtree:
        if prep.dep_ != "prep":
            continue
        close = prep.lower_ == "to" and prep.head.lower_ in {"close", "closer", "near"}
        if prep.lower_ not in _PASSAGE_PREPS and not close:
            continue
        for place in (g for g in prep.children if g.dep_ == "pobj"):
            if place.lower_ in _OWNED_PLACES or place.lemma_.lower() in _OWNED_PLACES:
                owners = [place, *place.children]
            else:
                # "within 12 miles of China's coast": the place under the measure
                owners = [
                    w
                    for p in place.children
                    if p.lower_ == "of"
                    for g in p.children
                    if g.lower_ in _OWNED_PLACES
                    for w in (g, *g.children)
                ]
            found += [m for m in map(link.token_to_mention.get, (w.i for w in owners)) if m]
    return [m for m in found if m.actor_id.startswith("state:")]


_LEAVING = frozenset({"leave", "quit", "exit"})


def forces_left(verb: Token, lex: Lexicon) -> Trigger | None:
    """Forces (``force_nouns``) as the subject of leaving a place: a withdrawal from it."""
    if verb.pos_ != "VERB" or lemma(verb) not in _LEAVING:
        return None
    if not any(c.dep_ == "dobj" for c in verb.children):
        return None
    doer = verb.head if verb.dep_ == "xcomp" else verb  # "began leaving Angola"
    if _forces_do(doer, lex.force_nouns):
        return Trigger(lemma(verb), "verb", "RETREAT", "withdraw")
    return None


def _forces_do(verb: Token, forces: Collection[str]) -> bool:
    """The verb's subject is among ``forces``: "Iraqi warplanes struck …"."""
    return any(
        c.dep_ == "nsubj" and (c.lower_ in forces or c.lemma_.lower() in forces)
        for c in verb.children
    )


def _objects(verb: Token, nouns: Collection[str]) -> list[Token]:
    """The verb's objects (coordinated ones too) that are among ``nouns``."""
    objects = level = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    for _ in range(2):  # "tens of thousands of troops": the noun under the amounts
        level = [g for o in level for p in o.children if p.lower_ == "of" for g in p.children]
        objects = objects + level
    return [
        n
        for o in objects
        for n in (o, *o.conjuncts)
        if n.lower_ in nouns or n.lemma_.lower() in nouns
    ]


def _preps_to(
    verb: Token, objects: list[Token], preps: Collection[str], fits: Callable[[Token], bool]
) -> frozenset[str]:
    """The prepositions among ``preps``, on the verb, its objects or a particle, whose
    object ``fits``."""
    holders = [verb, *objects, *(c for c in verb.children if c.dep_ in {"advmod", "prt"})]
    return frozenset(
        prep.lower_
        for holder in holders
        for prep in holder.children
        if prep.dep_ in _PREP
        and prep.lower_ in preps
        and any(n.dep_ == "pobj" and fits(n) for n in prep.children)
    )
