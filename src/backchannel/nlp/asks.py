"""Requests that no trigger word names alone.

- A bidding: "Seoul told Beijing not to meddle", "Tokyo asked Hanoi to free the
  crew", "pressed Vietnam to release them": a verb of telling or asking with
  an addressee and an infinitive is a request to the addressee (REQUEST), of
  a state as well as of a person. "Told reporters that …" and "pressed Hanoi
  on human rights" are no bidding (``bidding``).
- A suggestion that another do something: "Dollar suggested the US resolve the
  frictions through dialogue", the bare verb of a mandative clause, is a request
  of that clause's subject; "data suggest that China is slowing" is none
  (``suggestion``).
- A written appeal addressed to someone: "made an appeal to the White House",
  "said in a letter to the USTR" is a request of the addressee from its writers
  (``addressed_appeal``, ``appeal_writers``); not "a letter of thanks to",
  "an appeal against the ruling", "filed an appeal to the Supreme Court".
- Calling for something: "called for more trade with Chile", "called
  for aid from Japan" is a request of the one the thing is to come with, from or by; what
  is called for is no event of its own (``call_for``, ``asked_of``).
- A demand as a noun names whom it asks with what it asks for: "its demands
  for Chinese concessions", "a demand for an apology from Tokyo"
  (``demanded_of``; what may be asked is ``asked_things``).
- Consensus at a meeting: "met with Kim and came to some consensus" is an
  agreement with the one met (``met_and_agreed``).
- A hope that another will act: "Japan hopes China will refrain from
  provocations", "Beijing expects Washington to honour its commitments" is a
  request of the one hoped to act, from the one who hopes; not "hopes to
  conclude talks", "hopes the talks will succeed", nor a forecast ("expects
  China to cut rates") (``hoped_act``, ``hoped_of``).

Reactions to another party (anger, pushback, refusing to yield, displeasure) are
in ``nlp/reactions.py``. The word lists are in ``data/events.yaml``
(``bidding_verbs``, ``hoping_verbs``, ``expected_acts``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from spacy.tokens import Token

from backchannel.nlp.easing import country_word
from backchannel.nlp.lexicon import Lexicon, Trigger
from backchannel.nlp.mentions import Linked, LinkResult
from backchannel.nlp.repairs import lemma, unique

if TYPE_CHECKING:
    from backchannel.nlp.participants import ParticipantFinder

_DONE = frozenset({"has", "have", "had", "'s", "'ve"})


def bidding(verb: Token, lex: Lexicon) -> Trigger | None:
    """ "told Beijing not to meddle", "asked China to release the crew": a request."""
    if verb.pos_ not in {"VERB", "AUX"} or verb.lemma_.lower() not in lex.bidding_verbs:
        return None
    if not any(c.dep_ in {"dobj", "nsubjpass"} for c in verb.children):
        return None
    if not any(infinitive(c) for c in verb.children):
        return None
    return Trigger(verb.lemma_.lower(), "verb", "REQUEST", "")


def addressed_appeal(noun: Token, lex: Lexicon) -> Trigger | None:
    """ "an appeal to the White House", "a letter to the USTR": a request of the one
    it is addressed to; what it is ("of thanks", "against a ruling") or a court's
    appeal ("filed an appeal to") is none."""
    if noun.pos_ != "NOUN" or noun.lower_ not in lex.appeal_nouns:
        return None
    preps = {c.lower_ for c in noun.children if c.dep_ == "prep"}
    if "to" not in preps or preps & {"of", "against"}:
        return None
    if noun.dep_ in {"dobj", "nsubjpass"} and noun.head.lemma_.lower() in lex.lodging_verbs:
        return None
    return Trigger(noun.lower_, "noun", "REQUEST", "")


def appeal_writers(find: ParticipantFinder, noun: Token, link: LinkResult) -> list[Linked]:
    """Who wrote an appeal said "in" it: "the firms said in a letter to the USTR"."""
    head = noun.head
    if noun.dep_ != "pobj" or head.lower_ != "in" or head.head.pos_ not in {"VERB", "AUX"}:
        return []
    return find.subjects(head.head, link)


def appeal_addressees(find: ParticipantFinder, noun: Token, link: LinkResult) -> list[Linked]:
    """The person named beside the addressee, hung on the letter by the parser: "their
    letter to the USTR, Katherine Tai"."""
    return [
        m
        for c in noun.children
        if c.dep_ == "appos" and (m := link.token_to_mention.get(c.i)) is not None
        if find.is_person(m.actor_id)
    ]


_SUGGESTING = frozenset({"suggest", "recommend"})


def suggestion(verb: Token) -> Trigger | None:
    """ "suggesting the US resolve the frictions": a request of the one to act."""
    if verb.pos_ not in {"VERB", "AUX"} or verb.lemma_.lower() not in _SUGGESTING:
        return None
    for clause in (c for c in verb.children if c.dep_ == "ccomp"):
        has_subject = any(c.dep_ == "nsubj" for c in clause.children)
        modal = any(c.dep_ == "aux" for c in clause.children)
        if clause.tag_ == "VB" and has_subject and not modal:
            return Trigger(verb.lemma_.lower(), "verb", "REQUEST", "")
    return None


def hoped_act(verb: Token, lex: Lexicon) -> Token | None:
    """ "hopes China will refrain …", "expects Washington to honour …": the clause of
    another's act a hope or an expectation names, if any.

    The act is to come (not "hopes China has learned"), done by its subject (not
    "hopes China will be spared"), and one owed when expected ("expects Washington
    to honour its commitments", not "expects China to cut rates").
    """
    word = lemma(verb)
    if verb.pos_ not in {"VERB", "AUX"} or word not in lex.hoping_verbs:
        return None
    if verb.dep_ in {"amod", "acl"} or any(c.dep_ == "auxpass" for c in verb.children):
        return None  # "China is expected to …": no one hopes
    for clause in (c for c in verb.children if c.dep_ == "ccomp" and c.pos_ in {"VERB", "AUX"}):
        if not any(c.dep_ == "nsubj" and c.pos_ in {"PROPN", "NOUN"} for c in clause.children):
            continue
        if clause.tag_ in {"VBD", "VBN"} or any(
            c.dep_ == "auxpass" or (c.dep_ == "aux" and c.lower_ in _DONE) for c in clause.children
        ):
            continue
        if word != "hope" and clause.lemma_.lower() not in lex.expected_acts:
            continue
        return clause
    return None


def hoping(verb: Token, lex: Lexicon) -> Trigger | None:
    """ "Japan hopes China will refrain from provocations": a request of China."""
    if hoped_act(verb, lex) is None:
        return None
    return Trigger(lemma(verb), "verb", "REQUEST", "")


def hoped_of(verb: Token, link: LinkResult, lex: Lexicon) -> list[Linked]:
    """Whom a hope asks: the actor that is the hoped act's subject itself ("China",
    "Beijing and Moscow"), not one named inside it ("the talks with Japan")."""
    clause = hoped_act(verb, lex)
    if clause is None:
        return []
    found: list[Linked] = []
    for subj in (c for c in clause.children if c.dep_ == "nsubj"):
        for tok in (subj, *(c for c in subj.children if c.dep_ == "conj")):
            m = link.token_to_mention.get(tok.i)
            if m is None:
                return []  # "China and the talks …": not all of it is a party
            found.append(m)
    return unique(found)


def infinitive(clause: Token) -> bool:
    """ "(not) to meddle": an infinitive complement, or one the parser hung as an
    adverbial clause after a date ("told Oslo on Monday not to interfere")."""
    return clause.dep_ in {"xcomp", "advcl"} and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in clause.children
    )


def met_and_agreed(
    find: ParticipantFinder, verb: Token, trig: Trigger, link: LinkResult
) -> list[Linked]:
    """ "met with Kim and came to some consensus", "met Xi and reached an agreement":
    an agreement coordinated with a meeting is made with the one met.

    Not "met Xi and agreed to resume talks", where the talks are the event, nor an
    agreement with a subject of its own ("met He, and the two sides agreed").
    """
    if trig.type != "AGREE" or verb.dep_ != "conj" or verb.head.i == verb.i:
        return []
    if any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
        return []  # "Bessent met He, and the two sides agreed …": its own parties
    meeting = verb.head
    met = find.trigger_for(meeting)
    if met is None or met.type != "CONSULT" or met.pos != "verb":
        return []
    if any(c.dep_ == "xcomp" and find.names_event(c) for c in verb.children):
        return []
    found = find.verb_participants(meeting, met, link)
    return found[1] if found is not None else []


def call_for(verb: Token) -> Trigger | None:
    """ "called for more trade with Chile": a request; "called on
    X for help" is read as "call on" is."""
    if verb.pos_ not in {"VERB", "AUX"} or verb.lemma_.lower() not in {"call", "appeal"}:
        return None
    preps = {c.lower_ for c in verb.children if c.dep_ == "prep" and not _dated(c)}
    if "for" not in preps or preps & {"on", "upon", "to"}:
        return None
    if any(c.dep_ in {"dobj", "dative"} for c in verb.children):
        return None  # "called Xi for talks": a telephone call
    return Trigger(f"{verb.lemma_.lower()} for", "verb", "REQUEST", "")


def _dated(prep: Token) -> bool:
    """ "on Monday": a date, not the one called on."""
    return any(o.ent_type_ in {"DATE", "TIME"} for o in prep.children if o.dep_ == "pobj")


def asked_for(verb: Token) -> list[Token]:
    """What a call for something asks: the nouns under its "for"."""
    return [
        thing
        for prep in verb.children
        if prep.dep_ == "prep" and prep.lower_ == "for"
        for thing in prep.children
        if thing.dep_ == "pobj"
    ]


def asked_of(find: ParticipantFinder, verb: Token, link: LinkResult) -> list[Linked]:
    """Whom a call for something asks: the one the thing is to come with, from or by
    ("more trade with Chile", "help from Japan", "an inquiry by
    the UN"), or the one named there ("called for Japan to withdraw"); none for
    "sanctions against Iran" or "calm"."""
    found: list[Linked] = []
    for thing in asked_for(verb):
        if thing.i in link.token_to_mention:
            found.append(link.token_to_mention[thing.i])
            continue
        for prep in thing.children:
            if prep.dep_ in {"prep", "agent"} and prep.lower_ in {"with", "from", "by"}:
                # "help from Japan": the state under "from" is the one asked, not a place
                found += find.collect(prep, link, places=prep.lower_ == "from")
    # "restraint from both sides": which two sides a caller means, the run cannot tell
    return unique(m for m in found if m.how != "leaders")


def demanded_of(
    noun: Token, link: LinkResult, adjectives: Mapping[str, str], things: frozenset[str]
) -> list[Linked]:
    """Whom a demand asks, named with what it asks for: "its demands for Chinese
    concessions", "a demand for an apology from Tokyo" (``things`` lists what is asked)."""
    found: list[Linked] = []
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "for"):
        for thing in (g for g in prep.children if g.dep_ == "pobj"):
            if thing.lemma_.lower() not in things and thing.lower_ not in things:
                continue
            for word in thing.children:
                m = country_word(word, adjectives)
                if m is not None:
                    found.append(m)  # "Chinese concessions"
            froms = [p for h in (noun, thing) for p in h.children if p.lower_ == "from"]
            for src in (g for p in froms for g in p.children if g.dep_ == "pobj"):
                m = link.token_to_mention.get(src.i)
                if m is not None:
                    found.append(m)  # "an apology from Tokyo"
    return unique(found)


def meddled_in(noun: Token, lex: Lexicon) -> Token | None:
    """The verb of interference whose "in" phrase ``noun`` heads: "not to meddle in its
    talks". One meddles in what others do, which goes on whatever the meddler does."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in {"in", "into", "with"} or prep.head.i == prep.i:
        return None
    verb = prep.head
    return verb if verb.lemma_.lower() in lex.interfering_verbs else None


def owner_told(find: ParticipantFinder, noun: Token, link: LinkResult) -> list[Linked]:
    """ "Seoul told Beijing not to meddle in its talks": "its" is the one who told (one
    is not told to keep out of one's own affairs)."""
    if not any(c.dep_ == "poss" and c.lower_ in {"its", "their"} for c in noun.children):
        return []
    verb = meddled_in(noun, find.lex)
    if verb is None or verb.dep_ not in {"xcomp", "advcl"} or verb.head.i == verb.i:
        return []
    asked = find.trigger_for(verb.head)
    if asked is None or asked.type != "REQUEST":
        return []
    return find.subjects(verb.head, link)
