"""A journey to a state told by its verb: "arrived in Hanoi", "came to Ottawa".

One who arrives in, comes, flies or heads to a state (its name or its
capital), or tours it or a place in it, visits it, as one who travels there
does ("travel to" is a trigger of its own); one sent to a state ("will
dispatch Lew to Ottawa") visits it too. Only people visit so: troops that
arrive are deployed. Told in the present ("is headed to Lima", "arrives in
Lima on Sunday"), the journey is planned. Rescuers, a relief team or
peacekeepers that arrive in a state bring it aid. "Arrived here" in a dated dispatch
("HANOI — Kerry arrived here on Sunday") names the dateline's place. Only a
state right under the preposition counts: "came to an agreement", "came to
Taiwan's defence" are no journeys.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from backchannel.nlp.lexicon import Lexicon, Trigger
from backchannel.nlp.mentions import Linked, LinkResult
from backchannel.nlp.preps import in_dateline
from backchannel.nlp.repairs import span_root

_INTO = frozenset({"in", "to", "into"})
# who arrives to help: "rescuers", "a relief team", "medical workers", peacekeepers
_HELPERS = frozenset({"rescuers", "medics", "paramedics", "firefighters", "peacekeepers"})
_HELPING_GROUPS = frozenset(
    {"team", "teams", "workers", "unit", "units", "crews", "brigade", "troops", "force"}
    | {"contingent", "battalion", "soldiers"}
)
_HELPING = frozenset(
    {"rescue", "relief", "medical", "aid", "emergency", "humanitarian", "peacekeeping"}
)


def journey(
    verb: Token, lex: Lexicon, link: LinkResult, is_person: Callable[[str], bool]
) -> Trigger | None:
    """The visit an arrival or journey verb is, when it leads to a state."""
    lemma = verb.lemma_.lower()
    if lemma == "touch" and any(c.dep_ == "prt" and c.lower_ == "down" for c in verb.children):
        lemma = "land"  # "touched down in Algiers"
    if verb.pos_ != "VERB" or (lemma not in lex.journey_verbs and lemma not in lex.sending_verbs):
        return None
    if lemma in lex.sending_verbs and not any(
        c.dep_ == "dobj"
        and c.i in link.token_to_mention
        and is_person(link.token_to_mention[c.i].actor_id)
        for c in verb.children
    ):
        return None  # "sent troops to Mali", "sent a letter to Ottawa": no one visits
    if not _states_under(verb, link) and not arrived_here(verb, link):
        return None
    if any(c.lower_ == "together" for c in verb.children):
        return None  # "came together in St Petersburg": a meeting, no journey
    if lemma in lex.journey_verbs and any(
        c.dep_ == "nsubj" and come_to_help(c) for c in verb.children
    ):
        # "a Chinese rescue team arrived in Nepal": aid to the state, not a visit
        return Trigger(lemma, "verb", "AID", "rescue", place_preps=_INTO, foreign=True)
    return Trigger(lemma, "verb", "CONSULT", "visit", place_preps=_INTO)


def come_to_help(noun: Token) -> bool:
    """Rescuers, medics or a relief team: "Chinese rescuers", "a Japanese medical team"."""
    if noun.lower_ in _HELPERS:
        return True
    return noun.lower_ in _HELPING_GROUPS and any(
        c.dep_ in {"compound", "amod"} and c.lower_ in _HELPING for c in noun.children
    )


def _states_under(verb: Token, link: LinkResult) -> list[Linked]:
    """The states gone to: "to Peru", "in Lima"; toured, "toured Peru", "toured a
    power plant in Lima"."""
    # only a tour takes its place as object: "heads the embassy in Lima" is a post
    toured = [c for c in verb.children if c.dep_ == "dobj" and verb.lemma_.lower() == "tour"]
    places = [
        o
        for p in (c for h in [verb, *toured] for c in h.children)
        if p.dep_ == "prep" and p.lower_ in _INTO
        for o in p.children
        if o.dep_ == "pobj"
    ]
    return [
        link.token_to_mention[o.i]
        for o in places + toured
        if o.i in link.token_to_mention and link.token_to_mention[o.i].actor_id.startswith("state:")
    ]


def journey_parties(
    verb: Token,
    sources: list[Linked],
    targets: list[Linked],
    link: LinkResult,
    is_person: Callable[[str], bool],
    sending: bool = False,
) -> tuple[list[Linked], list[Linked]]:
    """Who journeys where: "is headed to Peru" (parsed as a passive) has its subject
    go; "arrived here" goes to the dateline's state; "will send Lew to Ottawa"
    (``sending``) has the one sent go. Only people visit by a journey verb: troops
    or ships that arrive are deployed, not guests."""
    if sending:
        places = _states_under(verb, link)
        there = {m.actor_id for m in places}
        sources = [t for t in targets if t.actor_id not in there]
        targets = places
    if not sources and verb.lemma_.lower() == "head":
        going = {
            m.actor_id
            for c in verb.children
            if c.dep_ == "nsubjpass"
            for m in link.mentions
            if m.start <= c.i < m.end
        }
        sources = [t for t in targets if t.actor_id in going]
        targets = [t for t in targets if t.actor_id not in going]
    sources = [m for m in sources if is_person(m.actor_id)]
    # the journey's other side is the state gone to: "came to Lima with Kerry" is no
    # visit to Kerry, "flew the delegation to Lima" none to the delegation
    targets = [m for m in targets if m.actor_id.startswith("state:")]
    known = {m.actor_id for m in sources + targets}
    targets += [m for m in _states_under(verb, link) if m.actor_id not in known]
    return sources, targets or arrived_here(verb, link)


def arrived_here(verb: Token, link: LinkResult) -> list[Linked]:
    """ "BEIJING — Kerry arrived here": the state of the dateline's place."""
    if not any(c.dep_ == "advmod" and c.lower_ == "here" for c in verb.children):
        return []
    return [
        m
        for m in link.mentions
        if m.actor_id.startswith("state:")
        and verb.sent.start <= m.start < verb.sent.end
        and in_dateline(span_root(verb.doc, m))
    ][:1]


def on_the_way(verb: Token, lex: Lexicon) -> bool:
    """ "is headed to Peru", "is flying to Lima", "arrives in Lima on Sunday": a
    journey told in the present is still to come (one under way ends in a visit)."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in lex.journey_verbs:
        return False
    if verb.tag_ in {"VBZ", "VBP"}:
        return True
    return verb.tag_ in {"VBG", "VBN"} and any(
        c.dep_ in {"aux", "auxpass"} and c.tag_ in {"VBZ", "VBP"} and c.lemma_ == "be"
        for c in verb.children
    )
