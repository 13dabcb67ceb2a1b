"""Who stands on one side of a contact in a sentence.

A symmetric trigger that names no counterpart pairs those it names with each
other ("Biden and Xi met"). When the same sentence names a counterpart for
them elsewhere ("Mnuchin and Lighthizer held a call with Liu He to discuss
the deal", "Pompeo and Mattis hosted Yang for the dialogue"), those it names
are one side of that contact, not each other's counterparts: the pairing
among them is dropped. A meeting of three with no counterpart named ("Trump,
Xi and Putin met") keeps every pair.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Token

from backchannel.model import Event
from backchannel.nlp.lexicon import Trigger

Side = frozenset[str]


def one_side(event: Event, sides: Iterable[tuple[Side, Side]]) -> bool:
    """True when both of the event's actors stand on one side of a named contact."""
    pair = {event.source.actor_id, event.target.actor_id}
    return any(pair <= first or pair <= second for first, second in sides)


def one_gathering(noun: Token, trig: Trigger | None) -> bool:
    """A meeting or call in the singular: those it is held with meet each other too.

    "Peru hosts talks with envoys from Chile and Bolivia" is one
    meeting of three; "meetings" or "talks with X and Y" may be one with each.
    """
    return (
        trig is not None
        and trig.pos == "noun"
        and trig.type == "CONSULT"
        and trig.symmetric
        and trig.mode in {"meet", "phone"}
        and noun.tag_ == "NN"
    )


def without_one_side(paired: list[Event], sides: list[tuple[Side, Side]]) -> Iterator[Event]:
    """The events a trigger paired among those it named, less those one side of a contact."""
    for event in paired:
        if not one_side(event, sides):
            yield event


def across_countries(paired: list[Event]) -> list[Event]:
    """Three or more named together from two countries meet across the divide.

    "Bessent, Greer and He Lifeng met" is two meetings with He, not one
    between the two Americans; two named alone ("Bessent and Greer met")
    keep their pairing, and so does a list from one country or from three.
    """
    actors = {e.source.actor_id: e.source for e in paired} | {
        e.target.actor_id: e.target for e in paired
    }
    countries = {a.country for a in actors.values()}
    if len(actors) < 3 or len(countries) != 2 or "" in countries:
        return paired
    return [e for e in paired if e.source.country != e.target.country]


# Prepositions that set a contact beside what a clause tells: "after talks with X".
_BESIDE = frozenset({"after", "before", "during", "following", "ahead"})


def talks_beside(slot: Token, trig: Trigger, named: bool, own: bool) -> Token | None:
    """The verb whose subject holds the talks a time phrase names.

    "Liu was received by Trump after two days of talks with Lighthizer": the
    talks with Lighthizer are Liu's, the subject of the clause the phrase
    dates. Only for a contact that names its counterpart ("talks with X") and
    no party of its own ("after Xi's talks with Biden" is Xi's).
    """
    head = slot.head
    if (
        trig.type != "CONSULT"
        or not named
        or own
        or slot.dep_ != "pobj"
        or head.dep_ != "prep"
        or head.lower_ not in _BESIDE
    ):
        return None
    verb = head.head
    if head.lower_ == "ahead":  # "ahead of talks with X"
        verb = verb.head if verb.dep_ == "prep" else verb
    return verb if verb.pos_ in {"VERB", "AUX"} else None


# Modifiers a contact noun may carry and still name nobody: "a phone call", "a long meeting".
_BARE = frozenset({"det", "amod", "compound", "nummod", "punct"})
# Prepositions by which a contact names its forum, its parties or where it goes.
_NAMING = frozenset({"of", "to", "with", "between", "among", "by", "from"})


def contact_within(noun: Token, slot: Token, trig: Trigger, named: bool, own: bool) -> Token | None:
    """The verb whose parties hold the contact it happens in.

    "Xi warned Trump in a phone call", "Trump and Xi agreed in a call to
    extend the truce": the call is between the verb's subject and its object
    (or among its subjects). Only for a bare contact ("in a call", "during
    the talks"), not one of a forum ("in a meeting of the G20") or a place
    ("during a visit to Japan"); a date, place or topic may follow ("in a
    call on Friday about Taiwan").
    """
    head = slot.head
    if (
        trig.type != "CONSULT"
        or trig.mode == "visit"  # "did not meet Xi during the trip": a journey, not a contact
        or named
        or own
        or slot.dep_ != "pobj"
        or head.dep_ != "prep"
        or head.lower_ not in {"in", "during"}
        or any(
            c.dep_ not in _BARE and not (c.dep_ == "prep" and c.lower_ not in _NAMING)
            for c in noun.children
        )
    ):
        return None
    verb = head.head
    if verb.pos_ == "NOUN" and verb.dep_ == "dobj":
        verb = verb.head  # "to finalise the deal in a phone call", parsed under the deal
    while (
        verb.pos_ == "NOUN"
        and verb.dep_ == "pobj"
        and verb.head.dep_ == "prep"
        and verb.head.lower_ in _TOPIC
    ):
        # "pressed He on China's excess capacity in talks", parsed under the topic
        # (and the topic under the one pressed)
        verb = verb.head.head
        if verb.pos_ == "PROPN" and verb.dep_ == "dobj":
            verb = verb.head
    return verb if verb.pos_ in {"VERB", "AUX"} else None


# Prepositions of a topic a contact phrase may be parsed under.
_TOPIC = frozenset({"on", "over", "about"})
