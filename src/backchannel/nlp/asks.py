"""Requests and reactions that no trigger word names alone.

- A bidding: "Seoul told Beijing not to meddle", "Tokyo asked Hanoi to free the
  crew", "pressed Vietnam to release them": a verb of telling or asking with
  an addressee and an infinitive is a request to the addressee (REQUEST), of
  a state as well as of a person. "Told reporters that …" and "pressed Hanoi
  on human rights" are no bidding (``bidding``).
- A suggestion that another do something: "Dollar suggested the US resolve the
  frictions through dialogue", the bare verb of a mandative clause, is a request
  of that clause's subject; "data suggest that China is slowing" is none
  (``suggestion``).
- An angry reaction: "reacted angrily to an announcement by Clinton",
  "responded sharply to the State Department report": criticism (ACCUSE) of
  the one the thing reacted to comes from; a reaction without an adverb of
  anger is none ("reacted calmly", "responded to the letter")
  (``angry_reaction``, ``reacted_to``).
- A written appeal addressed to someone: "made an appeal to the White House",
  "said in a letter to the USTR" is a request of the addressee from its writers
  (``addressed_appeal``, ``appeal_writers``); not "a letter of thanks to",
  "an appeal against the ruling", "filed an appeal to the Supreme Court".
- Pushing back: "pushed back at Biden", "pushed back against Washington's
  demands": a rejection (REJECT) (``pushback``).
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
- Refusing to yield: "will not yield to pressure from Washington", "refused to
  give in to Tokyo's demands" rejects (REJECT) the one who presses; a yield
  that happened, "gave in to temptation" or "bonds yield 3%" is none
  (``stood_firm``, ``pressed_by``).
- Opposition and displeasure: "China firmly opposes the US arms sales",
  "Seoul expressed strong dissatisfaction with Tokyo's decision", "voiced grave
  concern over Israel's actions": criticism (ACCUSE) of the one whose act it
  is, or of the one displeasure is voiced at; a thing no one owns is none
  ("opposed the generalisation of security concerns", "concern over the
  situation") (``displeasure``, ``displeased_with``).
- A warning of what another does now: "Polish warnings that Russia is
  massing troops" is a charge (ACCUSE), the speaker's
  state read from its adjective (``charge_in_warning``, ``nation_of``).

The word lists are in ``data/events.yaml`` (``bidding_verbs``,
``reacting_verbs``, ``anger_adverbs``, ``hoping_verbs``, ``expected_acts``,
``yielding_verbs``, ``pressing_nouns``, ``opposing_verbs``, ``displeasure_nouns``,
``concern_nouns``, ``act_nouns``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from spacy.tokens import Token

from backchannel.nlp.easing import country_word
from backchannel.nlp.lexicon import Lexicon, Trigger
from backchannel.nlp.mentions import Linked, LinkResult
from backchannel.nlp.repairs import unique

if TYPE_CHECKING:
    from backchannel.nlp.participants import ParticipantFinder

_AGAINST = frozenset({"at", "against"})
# "hoping" is lemmatized "hop" by the small model.
_MISREAD = {"hoping": "hope", "hopes": "hope", "hoped": "hope"}
_DONE = frozenset({"has", "have", "had", "'s", "'ve"})
_REFUSING = frozenset({"refuse", "decline"})


def bidding(verb: Token, lex: Lexicon) -> Trigger | None:
    """ "told Beijing not to meddle", "asked China to release the crew": a request."""
    if verb.pos_ not in {"VERB", "AUX"} or verb.lemma_.lower() not in lex.bidding_verbs:
        return None
    if not any(c.dep_ in {"dobj", "nsubjpass"} for c in verb.children):
        return None
    if not any(_infinitive(c) for c in verb.children):
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
    letter to the USTR Robert Lighthizer"."""
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
    lemma = _MISREAD.get(verb.lower_, verb.lemma_.lower())
    if verb.pos_ not in {"VERB", "AUX"} or lemma not in lex.hoping_verbs:
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
        if lemma != "hope" and clause.lemma_.lower() not in lex.expected_acts:
            continue
        return clause
    return None


def hoping(verb: Token, lex: Lexicon) -> Trigger | None:
    """ "Japan hopes China will refrain from provocations": a request of China."""
    if hoped_act(verb, lex) is None:
        return None
    return Trigger(_MISREAD.get(verb.lower_, verb.lemma_.lower()), "verb", "REQUEST", "")


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


def stood_firm(verb: Token, lex: Lexicon) -> Trigger | None:
    """ "will not yield to pressure from Washington", "refused to give in to Tokyo's
    demands": a rejection of the one who presses."""
    if verb.pos_ not in {"VERB", "AUX"}:
        return None
    lemma = verb.lemma_.lower()
    particles = [c.lower_ for c in verb.children if c.dep_ == "prt"]
    phrase = next((f"{lemma} {p}" for p in particles if f"{lemma} {p}" in lex.yielding_verbs), "")
    if not phrase and (particles or lemma not in lex.yielding_verbs):
        return None
    negated = any(c.dep_ == "neg" for c in verb.children)
    refused = verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _REFUSING
    if not (negated or refused) or not _yielded_to(verb, lex):
        return None
    return Trigger(phrase or lemma, "verb", "REJECT", "")


def _yielded_to(verb: Token, lex: Lexicon) -> list[Token]:
    """What one yields to, if it presses: the noun under "to" ("to US threats"), or the
    noun the parser made a verb ("yield to pressure from Washington")."""
    things = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children]
    things += [
        c
        for c in verb.children
        if c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
    ]
    return [
        t
        for t in things
        if (t.lower_ in lex.pressing_nouns or t.lemma_.lower() in lex.pressing_nouns)
        or (t.dep_ == "pobj" and t.pos_ == "PROPN")
    ]


def pressed_by(
    find: ParticipantFinder, verb: Token, link: LinkResult, adjectives: Mapping[str, str]
) -> list[Linked]:
    """Who presses the one who will not yield: "to Washington", "to pressure from
    Washington", "to US threats", "to Tokyo's demands", "to American pressure"."""
    found: list[Linked] = []
    for thing in _yielded_to(verb, find.lex):
        found += _authors(find, thing, link, adjectives)
    return unique(found)


def _infinitive(clause: Token) -> bool:
    """ "(not) to meddle": an infinitive complement, or one the parser hung as an
    adverbial clause after a date ("told Oslo on Monday not to interfere")."""
    return clause.dep_ in {"xcomp", "advcl"} and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in clause.children
    )


def angry_reaction(verb: Token, lex: Lexicon) -> Trigger | None:
    """ "reacted angrily to …", "responded furiously to …": criticism of its author."""
    if verb.pos_ not in {"VERB", "AUX"} or verb.lemma_.lower() not in lex.reacting_verbs:
        return None
    if not any(c.dep_ == "advmod" and c.lower_ in lex.anger_adverbs for c in verb.children):
        return None
    if not any(c.dep_ == "prep" and c.lower_ == "to" for c in verb.children):
        return None
    return Trigger(verb.lemma_.lower(), "verb", "ACCUSE", "criticize")


def displeasure(verb: Token, lex: Lexicon) -> Trigger | None:
    """ "opposes Tokyo's decision", "expressed dissatisfaction with …": criticism."""
    if verb.pos_ not in {"VERB", "AUX"} or verb.dep_ == "amod":
        return None  # "the opposing teams"
    if any(c.dep_ == "neg" for c in verb.children):
        return None
    lemma = verb.lemma_.lower()
    if lemma in lex.opposing_verbs or (
        lemma in lex.declaring_verbs and _voiced(verb, lex) is not None
    ):
        return Trigger(lemma, "verb", "ACCUSE", "criticize")
    return None


def displeased_with(
    find: ParticipantFinder,
    verb: Token,
    link: LinkResult,
    adjectives: Mapping[str, str],
    lex: Lexicon,
) -> list[Linked]:
    """Whom opposition or displeasure is aimed at: the owner of the act opposed
    ("the US arms sales", "NATO's expansion", "the plan by Tokyo"), or the one it is
    voiced at ("dissatisfaction with the US side"; for concern only an act: "concern
    over Israel's actions")."""
    voiced = _voiced(verb, lex)
    if voiced is None:
        things = [c for c in verb.children if c.dep_ == "dobj"]
        things += [g for t in things for g in t.children if g.dep_ == "conj"]
        return unique(m for t in things for m in _act_owners(find, t, link, adjectives))
    concern = voiced.lower_ in lex.concern_nouns
    found: list[Linked] = []
    for prep in (c for h in (voiced, verb) for c in h.children if c.dep_ == "prep"):
        if prep.lower_ not in _DISPLEASED_AT:
            continue
        for thing in (g for g in prep.children if g.dep_ == "pobj"):
            if thing.i in link.token_to_mention:
                if not concern:
                    found.append(link.token_to_mention[thing.i])  # "at Washington"
            elif not concern or act_noun(thing, lex):
                found += _act_owners(find, thing, link, adjectives)
    return unique(found)


def _voiced(verb: Token, lex: Lexicon) -> Token | None:
    """The displeasure a declaring verb voices: "expressed strong dissatisfaction"."""
    return next(
        (
            c
            for c in verb.children
            if c.dep_ == "dobj" and c.lower_ in lex.displeasure_nouns | lex.concern_nouns
        ),
        None,
    )


def _act_owners(
    find: ParticipantFinder, thing: Token, link: LinkResult, adjectives: Mapping[str, str]
) -> list[Linked]:
    """Whose act ``thing`` is: "Tokyo's decision", "the US move", "the plan by Tokyo",
    "the Japanese decision"; none for an actor itself or a thing no one owns."""
    if thing.i in link.token_to_mention:
        return []
    # the owner itself, which ``find.owners`` would take for a place under "at"
    found = [
        link.token_to_mention[c.i]
        for c in thing.children
        if c.dep_ in {"poss", "compound"} and c.i in link.token_to_mention
    ] or find.owners(thing, link)
    for prep in (c for c in thing.children if c.dep_ in {"prep", "agent"}):
        if prep.lower_ == "by":
            found += find.collect(prep, link)
    return found or nation_of(thing, adjectives)


def act_noun(noun: Token, lex: Lexicon) -> bool:
    """A noun for what a party does: "move", "tariffs", "actions"."""
    return noun.lower_ in lex.act_nouns or noun.lemma_.lower() in lex.act_nouns


_DISPLEASED_AT = frozenset(
    {"with", "at", "over", "about", "to", "against", "toward", "towards", "regarding"}
)


def pushback(verb: Token) -> Trigger | None:
    """ "pushed back at Biden", "pushed back against the demands": a rejection."""
    if verb.pos_ not in {"VERB", "AUX"} or verb.lemma_.lower() != "push":
        return None
    if not any(c.dep_ in {"advmod", "prt"} and c.lower_ == "back" for c in verb.children):
        return None
    if not any(c.dep_ == "prep" and c.lower_ in _AGAINST for c in verb.children):
        return None
    return Trigger("push back", "verb", "REJECT", "")


def reacted_to(
    find: ParticipantFinder, verb: Token, link: LinkResult, adjectives: Mapping[str, str]
) -> list[Linked]:
    """Who a reaction or a pushback answers: the actor under "to", "at" or "against",
    or the author of the thing there ("an announcement by Clinton", "the State
    Department report", "Washington's demands", "the Russian announcement", "visiting
    Vice President Biden")."""
    found: list[Linked] = []
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in _AGAINST | {"to"}:
            continue
        for thing in prep.children:
            found += _authors(find, thing, link, adjectives, found)
    return unique(found)


def _authors(
    find: ParticipantFinder,
    thing: Token,
    link: LinkResult,
    adjectives: Mapping[str, str],
    before: list[Linked] | None = None,
) -> list[Linked]:
    """The actor ``thing`` is, or whose it is (``before``: those found already, when
    an adjective is read only for want of any)."""
    if thing.i in link.token_to_mention:
        return [link.token_to_mention[thing.i]]
    if thing.dep_ == "pcomp":
        # "at visiting Vice President Biden": the participle's object is the one
        return [
            link.token_to_mention[o.i]
            for o in thing.children
            if o.dep_ == "dobj" and o.i in link.token_to_mention
        ]
    found: list[Linked] = []
    for owner in thing.children:
        if owner.dep_ in {"poss", "compound"}:
            found += find.collect(owner, link, allow_modifier=True)
        elif owner.dep_ in {"prep", "agent"} and owner.lower_ in {"by", "from", "of"}:
            # "pressure from Washington": the state it comes from, not a place
            found += find.collect(owner, link, places=owner.lower_ == "from")
    if not found and not before:
        found += nation_of(thing, adjectives)
    return found


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


def charge_in_warning(noun: Token, lex: Lexicon) -> Trigger | None:
    """ "Polish warnings that Russia is massing troops": a
    warning that tells what another does now is a charge (ACCUSE), not a threat;
    "warnings that Washington would pay a price" stay a threat."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() != "warning":
        return None
    for clause in noun.children:
        if clause.dep_ not in {"acl", "ccomp"} or clause.pos_ not in {"VERB", "AUX"}:
            continue
        if not any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children):
            continue
        if not any(c.dep_ in {"nsubj", "nsubjpass"} for c in clause.children):
            continue
        future = lex.hypothetical_aux | lex.planned_aux
        if any(c.dep_ == "aux" and c.lower_ in future for c in clause.children):
            return None
        return Trigger(noun.lower_, "noun", "ACCUSE", "allege")
    return None


def nation_of(noun: Token, adjectives: Mapping[str, str]) -> list[Linked]:
    """ "Chinese warnings", "American demands": the state whose adjective says whose
    words they are."""
    return [m for c in noun.children if c.dep_ == "amod" and (m := country_word(c, adjectives))]


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
