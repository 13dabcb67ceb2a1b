"""Who fills an event's roles: participants from the dependency parse.

Given a trigger word, ``ParticipantFinder`` collects the linked actors that
are its subject, object, "with"/"between"/"by" phrases, possessives and
modifiers, or the subject of the clause a participle hangs from, and leaves
out actors that name a place, a topic, a cause, an office's country or a
clause of their own. ``pairs`` turns sources and targets into the
source–target pairs that become events. A trigger noun's participants are
read in ``nlp/eventnouns.py`` with these rules.

The small English parser often loses a participant; the repairs in
``nlp/repairs.py`` read the words around a found actor instead.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable

from spacy.tokens import Token

from backchannel.kb import TRANSNATIONAL, KnowledgeBase
from backchannel.nlp.asks import (
    addressed_appeal,
    bidding,
    call_for,
    hoping,
    infinitive,
    suggestion,
)
from backchannel.nlp.bodies import countries_of
from backchannel.nlp.exchanges import readout
from backchannel.nlp.lexicon import Lexicon, Trigger
from backchannel.nlp.mentions import Linked, LinkResult
from backchannel.nlp.modality import no_reason_to
from backchannel.nlp.preps import (
    behind_preposition,
    in_dateline,
    is_place,
    listed_in,
    not_party_preps,
    of_modifier,
    topic_prep,
    under_prep,
)
from backchannel.nlp.pronouns import REPORTING_VERBS, recapped
from backchannel.nlp.reactions import (
    RETALIATION_PARTICLES,
    angry_reaction,
    approval,
    charge_in_warning,
    displeasure,
    gave_in,
    hit_back,
    in_protest_at,
    met_demand,
    nation_of,
    protest_note,
    pushback,
    retaliation_said,
    sent_home,
    stood_firm,
)
from backchannel.nlp.repairs import OBJ as OBJ
from backchannel.nlp.repairs import (
    POSS,
    THING_RELATIVES,
    WAYS_AND_MEANS,
    antecedent,
    between_names,
    coordinated,
    dangling,
    moved_objects,
    named_under,
    phrasal,
    possessors,
    shared_object,
    span_root,
)
from backchannel.nlp.repairs import SUBJ as SUBJ
from backchannel.nlp.repairs import lemma as repaired_lemma
from backchannel.nlp.repairs import unique as unique

_PARTICIPANT_DEPS = frozenset(
    {"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "ROOT", "dative", "attr", "npadvmod"}
)
_MAX_PAIRS = 6
# Verbs whose target may sit in the clause they govern ("offered to send aid to X").
_COMMITTING = frozenset({"AGREE", "REQUEST", "THREATEN"})
_TO_WHOM = frozenset({"to", "on", "against", "for"})
# Verbs that judge or answer something owned: "condemned Israel's raid" targets Israel
# (but "met at the prime minister's office" is not a meeting with the prime minister).
_OWNER_TARGET = frozenset(
    {"ACCUSE", "REJECT", "SUPPORT", "SANCTION", "THREATEN", "PROTEST", "CONCEDE"}
)
# Of those, the ones that judge the act: its owner may be named by a country adjective.
_JUDGING = frozenset({"ACCUSE", "REJECT", "SUPPORT", "PROTEST", "CONCEDE"})
# Another's places a demonstration may be held at, besides its missions
_HELD_PLACES = frozenset({"base", "bases", "headquarters"})
# what a stand given up was against: "objections to", "veto on", "holdout over"
_GIVEN_UP_ON = frozenset({"to", "over", "on", "against"})
# Force, whose object's owner is the one it is used against, a country adjective as
# well: "shelled the Ukrainian city of Kharkiv", "seized a British tanker"
_FORCE = frozenset({"ASSAULT", "COERCE"})
# particles the parser hangs as adverbs when the object comes first or right after the
# verb ("pulled its troops back", "set free five Americans")
_ADVERB_PARTICLES = frozenset({"back", "out", "off", "down", "away", "aside", "free"})


# the children that complete a phrasal verb or idiom: "turn down", "take aim", "hold
# responsible"
# (an adverbial noun too: "came face to face")
_PHRASE_PARTS = frozenset({"prt", "prep", "dobj", "oprd", "acomp", "npadvmod"})
_DESCRIBING = frozenset({"describe", "call", "term", "characterize", "characterise", "dub"})


def _described_as(clause: Token) -> Token | None:
    """The noun a "what …" clause object names: "held what officials described as frank
    discussions", "had what Riyadh called a useful exchange"."""
    if clause.dep_ != "ccomp" or clause.lemma_.lower() not in _DESCRIBING:
        return None
    if not any(c.dep_ == "dobj" and c.lower_ == "what" for c in clause.children):
        return None
    for c in clause.children:
        if c.dep_ in {"oprd", "attr"} and c.pos_ == "NOUN":
            return c
        if c.dep_ == "prep" and c.lower_ == "as":
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    return None


def _moved_particle(child: Token) -> bool:
    """A particle the parser reads as an adverb, after the verb's object or with none
    ("pulled its troops back", "began pulling back from"), or right after a verb that
    is no bare infinitive ("began pulling back troops", "brushed aside China's plan";
    "a deal to roll back the tariffs" keeps the parser's reading, the deal's content)."""
    if child.dep_ != "advmod" or child.lower_ not in _ADVERB_PARTICLES:
        return False
    objects = [c for c in child.head.children if c.dep_ == "dobj"]
    return (
        not objects
        or any(c.i < child.i for c in objects)
        or (child.i == child.head.i + 1 and child.head.tag_ != "VB")
    )


# Verbs whose object is the means to the infinitive's end, not its doer
_USING = frozenset({"use", "employ"})
# People named by the craft or unit they serve on
_ABOARD = frozenset({"crew", "captain", "commander", "pilot", "sailor", "member"})
# the objects of idioms whose preposition names the target: "took aim at", "pointed
# the finger at", "heaped praise on", "paid tribute to"
_IDIOM_OBJECTS = frozenset({"aim", "finger", "praise", "tribute", "weight", "blame"})


def _with_particle_preps(verb: Token) -> list[Token]:
    """The verb's children, and the prepositions hung from a particle the parser read
    as an adverb or a preposition ("pulled its troops back from the border", "pulled
    out of the villages")."""
    children = list(verb.children)
    for child in children[:]:
        if child.dep_ == "dobj" and child.lower_ in _IDIOM_OBJECTS:
            # "took aim at Israel", with "at" hung from "aim"
            children += [c for c in child.children if c.dep_ == "prep"]
        if _moved_particle(child) or (child.dep_ == "prep" and child.lower_ == "out"):
            # "pulled out of several villages": "of" hangs from "out"
            children += [c for c in child.children if c.dep_ == "prep"]
        if child.dep_ == "prt":
            # "shot down the balloon", with the object hung from the particle
            children += [c for c in child.children if c.dep_ == "pobj"]
    return children


class ParticipantFinder:
    """Finds an event trigger's participants among the linked mentions."""

    def __init__(self, kb: KnowledgeBase, lex: Lexicon) -> None:
        self.kb = kb
        self.lex = lex
        # "Ambassador to China", "envoy to the US": the state completes a title
        self._offices = frozenset(g.noun.casefold() for g in kb.groups if g.office)
        self.adjectives = kb.adjective_index()  # "the American sanctions": whose they are

    def trigger_for(self, tok: Token) -> Trigger | None:
        lemma = repaired_lemma(tok)
        if tok.pos_ in {"VERB", "AUX"}:
            # "told Beijing not to meddle", "reacted angrily to …", "pushed back at …"
            narrow = (
                sent_home(tok)  # "gave Qatari diplomats 48 hours to leave"
                or bidding(tok, self.lex)
                or angry_reaction(tok, self.lex)
                or displeasure(tok, self.lex)
                or approval(tok, self.lex)  # "expressed support for Argentina"
                or pushback(tok)
                or protest_note(tok)  # "sent a note of protest to Helsinki"
                or hit_back(tok, self.lex)  # "hit back at Washington with tariffs"
                or call_for(tok)
                or suggestion(tok)
                or hoping(tok, self.lex)  # "hopes China will refrain from …"
                or stood_firm(tok, self.lex)  # "will not yield to pressure from …"
                or gave_in(tok, self.lex)  # "bowed to pressure from the IMF"
                or met_demand(tok)  # "meeting Islamabad's key demand"
                or retaliation_said(tok, self.lex)  # "said it would retaliate"
                or readout(tok, self.lex)  # "exchanged views with X", "briefed X on …"
            )
            if narrow is not None:
                return narrow
            for child in tok.children:
                # a phrasal verb ("call on", "turn down") or an idiom with its object
                # ("take aim", "point the finger") wins over the bare verb; a time is
                # no such phrase ("fired Tillerson on Tuesday" is no "fire on"), nor a
                # medium ("called Xi on the phone" is no "call on"); "held Pyongyang
                # responsible" by its predicate
                if (
                    (child.dep_ in _PHRASE_PARTS or _moved_particle(child))
                    and not of_time(child)
                    and not self._by_medium(child)
                ):
                    phrasal = self.lex.verbs.get(f"{lemma} {child.lower_}")
                    if phrasal is not None and (
                        # an idiom read by its preposition's object: "laid on a dinner
                        # for Xi", not "laid the blame on Washington"
                        not phrasal.prep_objects
                        or listed_in(tok, phrasal.preps, phrasal.prep_objects)
                    ):
                        return phrasal
            if lemma in self.lex.verbs:
                return self.lex.verbs[lemma]
        if tok.pos_ in {"NOUN", "PROPN"}:
            charge = charge_in_warning(tok, self.lex)  # "warnings that X is arming"
            if charge is not None:
                return charge
            appeal = addressed_appeal(tok, self.lex)  # "a letter to the USTR"
            if appeal is not None:
                return appeal
            if in_protest_at(tok) is not None:
                # "recalled its envoy in protest at Vilnius's decision"
                return Trigger("protest", "noun", "ACCUSE", "criticize")
            if lemma in self.lex.verbs and any(c.dep_ == "nsubj" for c in tok.children):
                # "If Xi and Trump meet this year", with "meet" tagged a noun: a word
                # with a subject is a verb
                return self.lex.verbs[lemma]
            before = tok.doc[tok.i - 1] if tok.i > 0 else None
            if (
                before is not None
                and before.dep_ in {"compound", "amod"}
                and before.head.i == tok.i
            ):
                # "war games", "a joint statement"
                pair = self.lex.nouns.get(f"{before.lower_} {tok.lower_}")
                if pair is not None:
                    return pair
            return self.lex.noun_trigger(tok.lower_, lemma)
        return None

    def _both_named(self, subject: Token, link: LinkResult) -> list[Linked]:
        """A bare "Both" opening its sentence: the last two people named before it, in
        the sentence before, when they are of two states."""
        if (
            subject.lower_ != "both"
            or not subject.is_sent_start
            or subject.n_lefts + subject.n_rights
        ):
            return []
        doc = subject.doc
        before = doc[subject.i - 1].sent if subject.i else None
        if before is None:
            return []
        people: list[Linked] = []
        for m in reversed(link.mentions):
            if (
                before.start <= m.start < subject.i
                and self.is_person(m.actor_id)
                and all(p.actor_id != m.actor_id for p in people)
            ):
                people.append(m)
        if len(people) != 2:
            return []
        return people[::-1] if len(countries_of(people, self.kb)) == 2 else []

    def _objects_own(self, prep: Token, verb: Token) -> bool:
        """``prep``, hung on the verb right after its object, is the object's own phrase:
        the object is an act whose parties that preposition names ("the arms sales to
        Taiwan", "its withdrawal from Syria")."""
        if prep.dep_ != "prep":
            return False
        for obj in (c for c in verb.children if c.dep_ == "dobj"):
            if prep.i != obj.right_edge.i + 1:
                continue
            named = self.trigger_for(obj) if obj.pos_ == "NOUN" else None
            if named is not None and prep.lower_ in named.place_preps | named.preps:
                return True
        return False

    def _done_to_by_participle(self, verb: Token, link: LinkResult) -> list[Linked]:
        """The one a passive participle with a doer and no object of its own is done to:
        "Netanyahu, hosted by Trump at the White House, said …"; "Netanyahu was the
        first foreign leader hosted by Trump" (the one the leader is)."""
        if (
            verb.dep_ != "acl"
            or verb.tag_ != "VBN"
            or not any(c.dep_ == "agent" for c in verb.children)
            or any(c.dep_ in OBJ for c in verb.children)
        ):
            return []
        noun, doc = verb.head, verb.doc
        # right after the noun's phrase, or after its comma: no participle hung from afar
        phrase = [noun] + [
            t
            for c in noun.children
            if c.i < verb.i and c.dep_ not in {"appos", "conj", "cc", "punct", "relcl", "acl"}
            for t in c.subtree
        ]
        after = max(t.i for t in phrase) + 1
        if verb.i not in (after, after + 1) or (verb.i == after + 1 and doc[after].text != ","):
            return []
        if noun.i in link.token_to_mention:
            return [link.token_to_mention[noun.i]]
        if noun.dep_ == "attr" and noun.head.lemma_ == "be":
            return [
                m for c in noun.head.children if c.dep_ == "nsubj" for m in self.collect(c, link)
            ]
        return []

    def _stand_given_up(self, obj: Token, verb: Token, link: LinkResult) -> list[Linked]:
        """Whom a stand given up was against, not all its phrase names ("objection to
        Sweden's NATO membership" is against Sweden, not NATO): its preposition under
        the object or, as the parser may hang it, under the verb ("ended his holdout
        over Sweden's bid")."""
        for holder in (obj, verb):
            found = [
                m
                for c in holder.children
                if c.dep_ == "prep" and c.lower_ in _GIVEN_UP_ON
                for m in self._given_up_to(c, link)
            ]
            if found:
                return found
        return []

    def _given_up_to(self, prep: Token, link: LinkResult) -> list[Linked]:
        """Whom a stand given up was against: "dropped its objections to Kyiv's
        membership bid", "lifted its veto on North Macedonia's membership" (the owner,
        not the body it would join), "dropped its objection to Finland"."""
        found: list[Linked] = []
        for noun in (g for g in prep.children if g.dep_ == "pobj"):
            found += (
                possessors(noun, link, POSS) or self.collect(prep, link) or self.owners(noun, link)
            )
        return found

    def verb_participants(
        self, verb: Token, trig: Trigger, link: LinkResult
    ) -> tuple[list[Linked], list[Linked], Token | None] | None:
        # "called Trump on Friday": a time is none of the verb's prepositions
        preps = {
            c.lower_ for c in verb.children if c.dep_ in {"prep", "prt", "agent"} and not of_time(c)
        }
        if any(c.dep_ == "dative" and c.pos_ != "ADP" for c in verb.children):
            preps.add("to")  # "handed China control of the island": to China
        if trig.not_preps & preps:
            return None
        if trig.no_complement and any(
            c.dep_ in {"oprd", "attr", "xcomp"} and c.i not in link.token_to_mention
            for c in verb.children
        ):
            return None  # "called Xi a dictator"; but "had called Trump", parsed as a complement
        if trig.prep_objects and not listed_in(verb, trig.preps, trig.prep_objects):
            return None  # "added Huawei to its entity list", not "added that …"
        if trig.no_complement and sum(c.dep_ in {"dobj", "dative"} for c in verb.children) > 1:
            return None
        if (
            trig.preps
            and not (trig.preps & preps)
            and not trig.symmetric
            and (trig.type != "PROTEST" or any(c.dep_ == "dobj" for c in verb.children))
        ):
            return None  # but "marched through Santiago" protests all the same
        obj: Token | None = None
        if trig.objects:
            obj = _relative_object(verb, trig)
            for c in [] if obj is not None else verb.children:
                described = _described_as(c)
                if described is not None:
                    c = described  # "held what officials called frank talks with Wang"
                elif c.dep_ == "prep" and trig.lemma.endswith(f" {c.lower_}"):
                    # "called in the US ambassador", the particle read as a preposition
                    c = next((g for g in c.children if g.dep_ == "pobj"), c)
                elif c.dep_ == "advmod" and c.lower_ == "together":
                    # "spent two hours together", the hours read as the adverb's measure
                    c = next((g for g in c.children if g.dep_ == "npadvmod"), c)
                elif c.dep_ not in OBJ | {"nsubjpass"} and not _noun_read_as_clause(c):
                    continue
                elif verb.dep_ == "relcl" and c.lower_ in THING_RELATIVES:
                    c = verb.head  # "the accord, which Sudan and Chad signed"
                # "signed the deal", or "signed the first stage of a trade deal"
                # (or "signed the phase one trade agreement", where the parser makes
                # "agreement" an apposition of "phase"); "provided $1 billion in loans"
                heads = (
                    [c]
                    + [
                        g
                        for p in c.children
                        if p.dep_ == "prep" and p.lower_ in {"of", "in"}
                        for g in p.children
                    ]
                    + [p for p in c.children if p.dep_ in {"appos", "conj"}]
                    + _sum_paid_in(verb, c)
                )
                hit = next(
                    (
                        h
                        for h in heads
                        if h.lemma_.lower() in trig.objects or h.lower_ in trig.objects
                    ),
                    None,
                )
                if hit is not None:
                    obj = hit
                    break
            if (
                obj is None
                and not _retaliation_clause(verb, trig, self.lex)
                and not (
                    trig.or_clause
                    and any(c.dep_ == "xcomp" for c in verb.children)
                    and not any(c.dep_ == "dobj" for c in verb.children)
                )
                and not (
                    trig.or_actor
                    and any(
                        c.dep_ == "dobj" and c.i in link.token_to_mention for c in verb.children
                    )
                )
                and not (
                    trig.or_place
                    and not any(c.dep_ == "dobj" for c in verb.children)
                    and any(
                        self.place_party(c, link)
                        for c in verb.children
                        if c.dep_ == "prep" and c.lower_ in trig.place_preps
                    )
                )
            ):
                return None  # "offered condolences" is no commitment; "offered to help" is
        # a stand given up, also as the object makes it: "lifted its veto"
        conceding = trig.type == "CONCEDE" or (
            obj is not None and trig.for_object(obj.lemma_.lower(), obj.lower_).type == "CONCEDE"
        )
        bargained = None
        if obj is None and trig.topic_object:
            obj = bargained = self._bargained(verb)  # "renegotiate trade pacts with Canada"
        between = between_names(verb, link)
        if between is not None:
            return [between[0]], [between[1]], obj
        sources = self.subjects(verb, link)
        if bargained is not None and not sources:
            return None  # those the pact is with are one side: the other is not named
        targets: list[Linked] = []
        if (
            verb.dep_ == "conj"
            and any(c.dep_ == "auxpass" for c in verb.children)
            and any(c.dep_ == "agent" for c in verb.children)
            and not any(c.dep_ in SUBJ for c in verb.children)
        ):
            # "Hu landed at Andrews and was welcomed by Obama": the first verb's subject
            targets += [
                m for c in verb.head.children if c.dep_ in SUBJ for m in self.collect(c, link)
            ]
        for child in _with_particle_preps(verb):
            if child.dep_ == "nsubjpass" and (obj is None or child.i != obj.i):
                # "Li was sanctioned by Washington", "Li, who was sanctioned by …"; a
                # thing judged is its owner's: "Yoon's offer was spurned by Pyongyang"
                found = (
                    self.collect(child, link)
                    or antecedent(verb, child, link)
                    or (
                        self.owners(child, link, by_adjective=True)
                        if trig.type in _JUDGING and child.pos_ == "NOUN"
                        else []
                    )
                )
                targets += self._not_owned(child, found, trig, link)
                continue
            if trig.type in _JUDGING and self._objects_own(child, verb):
                continue  # "criticised Washington's arms sales to Taiwan", "to" the sales'
            described = _described_as(child)  # "condemned what it called an unsafe intercept"
            doers: list[Linked] = []
            if described is not None and (obj is None or described.i != obj.i):
                # "… an unsafe intercept of a U.S. plane by a Chinese jet", the parser
                # hanging "by" from "called": the doer of what is condemned
                doers = [
                    m for a in child.children if a.dep_ == "agent" for m in self.collect(a, link)
                ]
                child = described
            is_object = (
                described is child
                or (child.dep_ in OBJ and (obj is None or child.i != obj.i))
                or (child.dep_ == "pobj" and child.head.dep_ == "prt")
                or (
                    # "met Bessent in Geneva", the name read as the verb's adverb
                    child.dep_ == "advmod"
                    and child.pos_ == "PROPN"
                    and child.i in link.token_to_mention
                    and not any(c.dep_ in OBJ for c in verb.children)
                )
                or (
                    # "received Bessent and He", with "He" parsed as a second verb phrase
                    child.dep_ == "conj"
                    and child.pos_ in {"PROPN", "PRON", "NOUN"}
                    and child.i in link.token_to_mention
                    and any(c.dep_ in OBJ for c in verb.children)
                )
            )
            owners: list[Linked] = []
            # "agreed to US mediation", "dropped its objections to Sweden's bid"
            agreed_to = (
                child.dep_ == "prep" and child.lower_ == "to" and trig.type in {"AGREE", "CONCEDE"}
            )
            # "lashed out at X", "hit out at X", "railed against X", "objected to X's
            # move", "threw its weight behind X's bid": after a particle, "at", "behind"
            # or the phrasal verb's own preposition names the target (elsewhere "at" is
            # a place: "warned Trump at the White House")
            aimed_at = child.dep_ == "prep" and (
                (
                    " " in trig.lemma
                    and child.lower_ in {"at", "behind", trig.lemma.rsplit(" ", 1)[1]}
                    and trig.type in _OWNER_TARGET
                )
                # "marched against Trump's plan": a demonstration against another's act
                or (child.lower_ == "against" and trig.type == "PROTEST")
            )
            if (is_object and trig.type in _OWNER_TARGET | _FORCE) or agreed_to or aimed_at:
                # "condemned Israel's raid", "backed Putin's position on Ukraine",
                # "criticized the US arms sale", "agreed to US mediation", "lashed out
                # at Hegseth's remarks": whose it is, not what it is about
                nouns = [child] if is_object else [g for g in child.children if g.dep_ == "pobj"]
                if is_object and verb.dep_ == "relcl" and child.lower_ in THING_RELATIVES:
                    nouns = [verb.head]  # "the US-drafted text, which Beijing rejected"
                for noun in nouns:
                    # under "at", ``owners`` would take a state for the place
                    owners += (aimed_at and possessors(noun, link)) or self.owners(
                        noun, link, by_adjective=trig.type in _JUDGING | _FORCE
                    )
                if described is child:
                    owners = doers or owners
            if child.dep_ in {"prep", "dative"} and child.lower_ in trig.place_preps:
                targets += self.place_party(child, link) or self._force_owners(child, trig, link)
                continue
            if (is_object and not trig.topic_object) or (
                child.dep_ == "prep" and (aimed_at or not topic_prep(child, trig))
            ):
                if aimed_at:
                    # the one aimed at, not a place ("lashed out at Pompeo and Esper"),
                    # nor one named inside the phrase ("at the decision to arm Taiwan")
                    found = unique(
                        link.token_to_mention[g.i]
                        for head in child.children
                        if head.dep_ == "pobj"
                        for g in head.subtree
                        if g.i in link.token_to_mention
                        and g.dep_ in {"pobj", "conj"}
                        and not _inside_phrase(g, head)
                    )
                elif trig.prep_objects and child.lower_ in trig.preps:
                    # "sat across the table from Wang Yi", a person under "from" no place;
                    # but the list one is taken off names no one: "from its blacklist
                    # of companies with ties to the People's Liberation Army"
                    listed = any(
                        g.dep_ == "pobj" and g.lower_.endswith("list") for g in child.children
                    )
                    found = [] if listed else named_under(child, link) or self.collect(child, link)
                else:
                    found = (
                        self.collect(child, link)
                        or dangling(child, link)
                        or shared_object(child, link)
                        # "the three Americans whom Beijing released", "China, which
                        # Washington accuses of …": the one the relative stands for
                        # (not after "call": "the president whom Nixon called a giant")
                        or (
                            antecedent(verb, child, link)
                            if is_object and not trig.no_complement
                            else []
                        )
                    )
                found = self.not_topics(found, child, trig)
                if (
                    is_object
                    and trig.mode in {"host", "phone"}
                    and child.lower_ in self.lex.phone_cues
                ):
                    # "received a call from Xi", "took a call from Xi": the caller
                    found = unique(
                        link.token_to_mention[g.i]
                        for p in child.children
                        if p.dep_ == "prep" and p.lower_ == "from"
                        for g in p.subtree
                        if g.i in link.token_to_mention and g.dep_ in {"pobj", "conj"}
                    )
                elif is_object:
                    found = self._not_owned(child, found, trig, link)
                direct = [m for m in found if not under_prep(span_root(verb.doc, m), child)]
                if trig.type in _FORCE:
                    # "raided the office of Mintz Group"; "the Beijing office" is a place
                    owners = [
                        o
                        for o in owners
                        if not (
                            o.actor_id.startswith("state:")
                            and o.how != "adjective"  # "a Kuwaiti tanker" is Kuwait's
                            and span_root(verb.doc, o).dep_ == "compound"
                        )
                    ]
                    targets += found or owners
                elif owners:
                    # "criticised Washington's arms sales to Taiwan": the owner named
                    # outright, not those the thing's own phrases name
                    targets += direct or owners
                else:
                    targets += found
        if not targets and obj is None:
            targets += self._done_to_by_participle(verb, link)
        if obj is not None:
            # "dropped the Andean pact, a fishing deal with Peru": the
            # apposition's phrases are the object's when it has none of its own ("held a
            # meeting with Liu, her first talks with a Chinese official" names Liu)
            named = [obj]
            if not any(c.dep_ == "prep" for c in obj.children):
                named += [a for a in obj.children if a.dep_ == "appos"]
            if obj.dep_ == "pobj" and obj.head.lower_ == "of" and obj.head.head.dep_ in OBJ:
                named.append(obj.head.head)  # "fired a barrage of rockets at Sderot"
            # force against what is another's: "Serbian positions"
            struck_owners = self.owners(obj, link, by_adjective=True) if trig.type in _FORCE else []
            # a judgement of another's thing is aimed at its owner, not at those its own
            # phrases name: "dismissed Trump's proposal for talks with Russia",
            # "turned down a South Korean proposal"
            judged = (
                self.owners(obj, link, by_adjective=True)
                if trig.type in _JUDGING and not targets and not conceding
                else []
            )  # (a stand given up is one's own: "dropped Ankara's objection to …")
            targets += judged
            given_up = self._stand_given_up(obj, verb, link) if conceding else []
            if given_up:
                targets = given_up
            for owner, child in ((n, c) for n in ([] if judged else named) for c in n.children):
                if child.dep_ == "prep" and child.lower_ in trig.place_preps:
                    if trig.type in _FORCE and (targets or struck_owners):
                        # "bombed Serbian positions in Bosnia": force against their
                        # owner (below), not the place
                        continue
                    # "a missile over Japan"; "an attack on Ethiopian positions";
                    # "withdrew its garrison from Ukraine's Snake Island"
                    targets += (
                        self.place_party(child, link)
                        or self._force_owners(child, trig, link)
                        or _possessor_under(child, link)
                    )
                elif given_up and child.dep_ == "prep" and child.lower_ in _GIVEN_UP_ON:
                    continue  # read above
                elif child.dep_ == "prep" and (
                    child.lower_ not in not_party_preps(trig.type)
                    or (child.lower_ == "on" and owner.lemma_.lower() in _PAID_BACK)
                ):
                    # "vowed revenge on the United States": revenge is taken on someone
                    targets += (
                        self.collect(child, link)
                        or shared_object(child, link)
                        or dangling(child, link)  # "a meeting with Vice Premier Liu He to …"
                        # "eased sanctions on Venezuela's oil sector": whose sector
                        or (
                            _possessor_under(child, link)
                            if child.lower_ in {"on", "against"}
                            else []
                        )
                    )
                    if child.lower_ == "against" and trig.type in _OWNER_TARGET:
                        # "vowed countermeasures against Washington's export curbs"
                        for noun in (g for g in child.children if g.dep_ == "pobj"):
                            targets += self.owners(noun, link)
            if not targets:
                targets += struck_owners
            if not targets and trig.type == "RETREAT" and obj.i in link.token_to_mention:
                # "returned the Ukrainian prisoners", "handed over 90 Ukrainian prisoners
                # of war": the people handed back are the other side's
                targets.append(link.token_to_mention[obj.i])
            if not targets and trig.type in _OWNER_TARGET:
                # "defended the right of Russia troops"; "closed the American consulate",
                # linked as the government it serves
                mission = link.token_to_mention.get(obj.i)
                targets += (
                    [mission]
                    if mission is not None
                    else self.owners(obj, link, by_adjective=trig.type in _JUDGING)
                )
            if not targets and trig.type == "ACCUSE":
                # "lodged a protest over the Chinese ships": whose the thing protested is
                for prep in (c for h in (obj, verb) for c in h.children if c.dep_ == "prep"):
                    if prep.lower_ in {"over", "about"}:
                        for noun in (g for g in prep.children if g.dep_ == "pobj"):
                            protested = link.token_to_mention.get(noun.i)
                            if protested is None:
                                targets += self.owners(noun, link, by_adjective=True)
                            elif protested.how == "adjective":
                                targets.append(protested)  # "the Chinese ships", not "Taiwan"
        if not targets and trig.type == "PROTEST":
            # "rallied outside the Japanese embassy", "staged a sit-in outside the Russian
            # embassy": a demonstration at a country's mission is against that country
            targets += self._at_mission(verb, obj, link)
        if not targets and trig.type in {"REQUEST", "REJECT", "AGREE"}:
            # "demanded an apology from Tokyo": the one asked is where it comes from;
            # "declined a call from Austin": the one turned down; "accepted an offer
            # from Xi" or "accepted Xi's invitation": the one agreed with
            for thing in (c for c in verb.children if c.dep_ == "dobj"):
                # "Xi's invitation"; "a United Nations plan" (a thing one proposes: "the
                # TikTok agreement" is about TikTok)
                proposed = thing.lower_ in self.lex.intent_nouns | self.lex.pressing_nouns
                owners = [
                    link.token_to_mention[p.i]
                    for p in thing.children
                    if (p.dep_ == "poss" or (p.dep_ == "compound" and proposed))
                    and p.i in link.token_to_mention
                ]
                if not owners and thing.lower_ in self.lex.pressing_nouns:
                    owners = nation_of(thing, self.adjectives)  # "accepted Russian demands"
                targets += owners
                # "a call from Austin", "the peace proposals of the OSCE", "an offer of
                # aid from the United States"
                held = [thing, *(g for p in thing.children if p.lower_ == "of" for g in p.children)]
                for prep in (c for h in held for c in h.children):
                    if prep.dep_ == "prep" and prep.lower_ in {"from", "of", "by"}:
                        targets += named_under(prep, link)
        if (
            not targets
            and trig.type in _OWNER_TARGET
            and not any(c.dep_ in OBJ for c in verb.children)
        ):
            for thing in moved_objects(verb):
                targets += self.owners(thing, link, by_adjective=trig.type in _JUDGING)
        if not targets and trig.type in {"REQUEST", "ACCUSE"}:
            # "China demanded that the United States cancel the sale": the one asked;
            # "alleged that China's Ministry of State Security was behind the breach":
            # the one accused
            for clause in verb.children:
                if clause.dep_ == "ccomp":
                    for subj in clause.children:
                        # "called Japan's missile tests reckless", read as a clause whose
                        # verb is "tests" and whose subject (or compound) is "missile":
                        # the owner of the noun before the verb
                        if subj.dep_ in SUBJ or (subj.dep_ == "compound" and subj.i < clause.i):
                            targets += self.collect(subj, link) or self.owners(
                                subj, link, by_adjective=trig.type == "ACCUSE"
                            )
        if (
            not targets
            and trig.type in _COMMITTING
            and (not trig.symmetric or len(sources) == 1)
            and not any(c.dep_ in {"dobj", "dative"} for c in verb.children)
        ):
            # "offered to hand over the suspects to Britain": the one the promise is for;
            # "China agreed to buy American goods": one side agreeing, with the other
            for clause in verb.children:
                if clause.dep_ != "xcomp":
                    continue
                if trig.type == "AGREE" and self.names_event(clause):
                    continue  # "offered to meet X": the meeting is the event, planned
                for child in clause.children:
                    if child.dep_ in OBJ or (
                        child.dep_ in {"prep", "dative"} and child.lower_ in _TO_WHOM
                    ):
                        targets += self.collect(child, link)
                    if child.dep_ == "dobj":
                        # "agreed to resume purchases of American soybeans"
                        for of in (p for p in child.children if p.lower_ == "of"):
                            targets += self.collect(of, link)
        if not targets and trig.type == "THREATEN":
            targets = self._threatened_things(verb, link)
        if trig.persons_only:
            # "Xi told Blinken that …": two people talked; "told reporters", "told CNN" is no event
            sources = [m for m in sources if self.is_person(m.actor_id)]
            targets = [m for m in targets if self.is_person(m.actor_id)]
            if any(c.dep_ == "ccomp" and self.demands(c) for c in verb.children):
                return None  # "told Trump that the United States should …" is the demand
        if trig.person_target:
            asked = _states_asked(verb) if trig.type == "REQUEST" else set()
            targets = [
                t for t in targets if not t.actor_id.startswith("state:") or t.start in asked
            ]
            if not targets and not (trig.symmetric and len(sources) > 1):
                return None
        if trig.symmetric and not sources and not _has_doer(verb, obj):
            # "a deal was struck between X and Y": with no doer named at all, those
            # named are the parties ("I spoke to X and Y" names a doer, unlinked)
            return unique(targets), [], obj
        return sources, unique(targets), obj

    def _bargained(self, verb: Token) -> Token | None:
        """ "negotiate a deal with Mexico": the agreement talked over, whose "with"
        phrase names the one talked with (and which is itself no agreement yet)."""
        for obj in verb.children:
            named = self.trigger_for(obj) if obj.dep_ == "dobj" else None
            if (
                named is not None
                and named.type == "AGREE"
                and named.needs_between
                and any(p.dep_ == "prep" and p.lower_ == "with" for p in obj.children)
            ):
                return obj
        return None

    def _not_owned(
        self, obj: Token, found: list[Linked], trig: Trigger, link: LinkResult
    ) -> list[Linked]:
        """Who a person-aimed act reaches through its object: "received Kerry", not the
        Kerry of "received the nomination of Kerry" (a thing of his is no guest); nor
        the victims of a coercion or assault that is judged ("denounced the arrest of
        Meng": Meng is not the one denounced)."""
        if trig.type in _OWNER_TARGET and self._done_to(obj):
            victims = {
                t.i
                for p in obj.children
                if p.dep_ == "prep" and p.lower_ == "of"
                for t in p.subtree
            }
            found = [m for m in found if span_root(obj.doc, m).i not in victims]
        if (
            not trig.person_target
            or obj.pos_ != "NOUN"
            or obj.i in link.token_to_mention
            or obj.lemma_.lower() in _PEOPLE_NOUNS
        ):
            return found
        return [m for m in found if not under_prep(span_root(obj.doc, m), obj)]

    def _at_mission(self, verb: Token, obj: Token | None, link: LinkResult) -> list[Linked]:
        """The country whose diplomatic mission a demonstration is at or marches on."""
        found: list[Linked] = []
        objects = [obj] if obj is not None else [c for c in verb.children if c.dep_ == "dobj"]
        for holder in (verb, *objects):  # "hurled bottles at the Japanese embassy"
            for prep in (c for c in holder.children if c.dep_ == "prep"):
                for noun in (g for g in prep.children if g.dep_ == "pobj"):
                    if noun.lower_ not in self.lex.mission_nouns | _HELD_PLACES:
                        continue  # "outside the Japanese embassy", "the French military base"
                    mission = link.token_to_mention.get(noun.i)  # linked as its government
                    found += [mission] if mission else self.owners(noun, link, by_adjective=True)
        return unique(found)

    def _force_owners(self, prep: Token, trig: Trigger, link: LinkResult) -> list[Linked]:
        """Force "on" or "at" what is another's is against its owner ("opened fire on an
        Ecuadorean patrol", "an attack on Ethiopian positions")."""
        if trig.type not in _FORCE or prep.lower_ not in {"on", "at", "against"}:
            return []
        return [
            m
            for noun in prep.children
            if noun.dep_ == "pobj"
            for m in self.owners(noun, link, by_adjective=True)
        ]

    def place_party(self, prep: Token, link: LinkResult) -> list[Linked]:
        """The party a place names: "from Lebanon", or a place of a country named by
        its adjective ("from the Somali capital", "from the Ukrainian border") or
        owner ("at Syria's Shayrat air base")."""
        found = self.collect(prep, link, places=True)
        if found:
            return found
        places = self.lex.place_nouns | self.lex.frontier_nouns
        targets = self.lex.struck_places - places
        for noun in prep.children:
            if noun.dep_ == "pobj" and noun.lower_ in targets:
                # a target named by its owner: "at Syria's Shayrat air base", "at the
                # Ain al-Asad air base", "at Hezbollah's depot"
                owners = [
                    link.token_to_mention[c.i]
                    for c in noun.children
                    if c.dep_ in {"poss", "compound"} and c.i in link.token_to_mention
                ]
                # else where it stands: "slammed into power stations in Kyiv"
                found += owners or [
                    m
                    for c in noun.children
                    if c.dep_ == "prep" and c.lower_ in {"in", "inside", "near"}
                    for m in self.collect(c, link, places=True)
                ]
            if noun.dep_ != "pobj" or noun.lower_ not in places:
                continue
            found += nation_of(noun, self.adjectives)
            found += [  # "in Iraq's Kurdistan region"
                link.token_to_mention[c.i]
                for c in noun.children
                if c.dep_ == "poss" and c.i in link.token_to_mention
            ]
            found += [  # "to positions along the Kuwaiti frontier"
                m
                for c in noun.children
                if c.dep_ == "prep" and c.lower_ in self.lex.frontier_preps
                for g in c.children
                if g.dep_ == "pobj" and g.lower_ in self.lex.frontier_nouns
                for m in nation_of(g, self.adjectives)
            ]
            for facing in (
                c
                for c in noun.children
                if c.dep_ == "prep" and c.lower_ in {"with", "in", "inside"}
            ):
                # "the border with Ukraine", "several villages in southern Lebanon",
                # "positions inside Armenian territory"
                found += self.collect(facing, link, places=True) or [
                    m
                    for g in facing.children
                    if g.dep_ == "pobj" and g.lower_ in self.lex.place_nouns
                    for m in nation_of(g, self.adjectives)
                ]
        return found

    def _threatened_things(self, verb: Token, link: LinkResult) -> list[Linked]:
        """ "threatened to sink the Japanese archipelago", "to shut down the pipeline
        carrying South Sudan's oil": a threat to another's thing is aimed at its owner."""
        things = [
            o
            for clause in verb.children
            if infinitive(clause)
            for o in clause.children
            if o.dep_ == "dobj" and o.i not in link.token_to_mention
        ]
        found: list[Linked] = []
        for thing in things:
            found += self.owners(thing, link, by_adjective=True) or [
                link.token_to_mention[t.i]
                for clause in thing.children
                if clause.dep_ == "acl"
                for t in clause.subtree
                if t.i in link.token_to_mention and t.dep_ == "poss"
            ]
        return unique(found)

    def owners_under(self, prep: Token, link: LinkResult) -> list[Linked]:
        """Whose thing a preposition's object is, when it names no one itself: "of China's
        conduct", "to Finland's bid", "said of Washington's tariff increase"."""
        return [
            m
            for g in prep.children
            if g.dep_ == "pobj" and g.i not in link.token_to_mention
            for m in self.owners(g, link, by_adjective=True)
        ]

    def owners(self, noun: Token, link: LinkResult, by_adjective: bool = False) -> list[Linked]:
        """Whose ``noun`` is: "Israel's raid", "the US arms sale", "the right of Russia troops";
        ``by_adjective``, also "the American sanctions" (for a judgement of the act: the
        investment that "restricted American investment in Chinese AI" names is no target)."""
        if noun.i in link.token_to_mention:
            return []
        owners: list[Linked] = []
        if noun.pos_ == "NOUN":
            # an act's doer, before any "of" phrase: "condemned the intercept of a U.S.
            # plane by a Chinese jet", where "by" may hang from the "of" phrase's noun
            of_nouns = [g for p in noun.children if p.lower_ == "of" for g in p.children]
            for by in itertools.chain(noun.children, *(g.children for g in of_nouns)):
                if by.dep_ == "prep" and by.lower_ == "by":
                    # "by Chinese military pilots": the pilots' side
                    owners += self.collect(by, link, allow_modifier=True)
            if owners:
                return owners
        # "the arrest of Meng", "the killing of protesters": the one it is done to
        suffered = self._done_to(noun)
        of = [] if suffered else [g for p in noun.children if p.lower_ == "of" for g in p.children]
        for owner in itertools.chain(noun.children, *(g.children for g in of)):
            if owner.dep_ in {"poss", "compound", "nmod"}:  # "the U.S. diplomatic boycott"
                owners += self.collect(owner, link, allow_modifier=True)
        if not owners:
            # "rejected a speech given by Pompeo", "condemned the raid carried out by Israel"
            for clause in (c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"):
                for agent in (a for a in clause.children if a.dep_ == "agent"):
                    owners += self.collect(agent, link)
        if owners or not by_adjective:
            return owners
        found = nation_of(noun, self.adjectives)
        if found or noun.lemma_.lower() not in _ABOARD:
            return found
        # "the crew of a Chinese warship": those aboard are the craft's country's
        return [
            m
            for p in noun.children
            if p.lower_ == "of"
            for g in p.children
            if g.dep_ == "pobj"
            for m in nation_of(g, self.adjectives)
        ]

    def _done_to(self, noun: Token) -> bool:
        """``noun`` names an act done to someone, whose "of" phrase is its victim."""
        return noun.lower_ in self.lex.victim_nouns or noun.lemma_.lower() in self.lex.victim_nouns

    def _by_medium(self, prep: Token) -> bool:
        """ "on the phone", "over a video link": a preposition naming how one talks."""
        return any(o.dep_ == "pobj" and o.lower_ in self.lex.phone_cues for o in prep.children)

    def subjects(self, verb: Token, link: LinkResult, raised: bool = False) -> list[Linked]:
        """Who does it: the subject, the passive agent, or the subject of the governing verb.

        ``raised`` is set when climbing from an infinitive ("Trump is expected
        to meet"): there the passive subject of the governing verb is the doer.
        """
        found: list[Linked] = []
        for child in verb.children:
            if child.dep_ == "nsubj":
                # "Wang Yi, who met Blinken": the one the relative clause is about;
                # "Bessent and He met. Both agreed …": the two just named
                found += (
                    self.collect(child, link)
                    or antecedent(verb, child, link)
                    or self._both_named(child, link)
                )
            elif (
                child.dep_ in SUBJ and (child.dep_ != "nsubjpass" or raised)
            ) or child.dep_ == "agent":
                found += self.collect(child, link)
        if not found and not any(c.dep_ in SUBJ for c in verb.children):
            # "Turkey massed troops …", the parser reading "Turkey" as an adverbial noun:
            # a name before the verb with no subject of its own; "Yoon, whom critics
            # accused …, held a summit", "Zelensky, unable to hide …, urged": the
            # opening name read as an adverb or an interjection
            found = [
                m
                for c in verb.lefts
                if (c.dep_ == "npadvmod" and c.pos_ == "PROPN") or _opening_name(c, link)
                for m in self.collect(c, link)
            ]
        if not found and all(_opening_participle(c) for c in verb.children if c.dep_ in SUBJ):
            # "Over dinner in Buenos Aires, Washington and Beijing agreed …", the names
            # joined to the place; "Meeting in Osaka, Trump and Xi discussed …", the
            # participle read as the subject
            found = _fronted_subject(verb, link)
        said = self.lex.verbs.get(repaired_lemma(verb))
        if not found and said is not None and said.type in _SAID_IN_WORDS:
            # "Putin's speech in Munich accused the United States": the speaker's words
            # (but "Clinton's remarks received a warm welcome" is no one's hosting)
            found = [
                m
                for c in verb.children
                if c.dep_ == "nsubj" and c.lemma_.lower() in _WORDS_SPOKEN
                for p in c.children
                # "a report from U.S. intelligence agencies accused …"
                for m in (
                    self.collect(p, link, allow_modifier=True)
                    if p.dep_ == "poss"
                    else named_under(p, link)
                    if p.dep_ in {"prep", "agent"} and p.lower_ in {"from", "by"}
                    else []
                )
            ]
        found = coordinated(found, link, verb.doc)
        if not found:
            # "These four tech firms said …": the four organisations just named together
            for child in (c for c in verb.children if c.dep_ == "nsubj"):
                found = recapped(child, link, self._is_body)
        if not found and verb.dep_ == "ccomp" and _they(verb):
            # "China and the United States said they had reached a deal": the speakers
            speakers = self.subjects(verb.head, link)
            found = speakers if len(speakers) >= 2 else []
        if not found and no_reason_to(verb) and verb.head.dep_ in OBJ:
            # "Rubio has no plans to visit"; "Trump said there was no reason to meet Xi"
            holder = verb.head.head
            if holder.dep_ == "ccomp" and any(c.dep_ == "expl" for c in holder.children):
                holder = holder.head
            return self.subjects(holder, link)
        if not found and verb.dep_ == "pcomp" and verb.head.lower_ == "from":
            # "kept China from joining the WTO": the one kept from it would do it
            kept = [c for c in verb.head.head.children if c.dep_ in {"dobj", "nsubjpass"}]
            if kept:
                return [m for k in kept for m in self.collect(k, link)]
        if not found and verb.dep_ == "pcomp" and verb.head.lower_ == "for":
            # "thanked China for hosting the talks", "blamed Kyiv for shelling the
            # plant": the one thanked or blamed did it
            thanked = [c for c in verb.head.head.children if c.dep_ == "dobj"]
            found = [m for t in thanked for m in self.collect(t, link)]
            if found:
                return found
        if not found and verb.dep_ == "pcomp" and verb.head.head.i != verb.head.i:
            # "responded by threatening tariffs": the one who responded threatens
            return self.subjects(verb.head.head, link)
        if (
            not found
            and verb.dep_ in {"xcomp", "advcl", "conj", "acl", "acomp"}
            and verb.head.i != verb.i
            # "declared mourning after Raisi was killed in a crash": a passive clause of
            # its own with no doer named has none
            and not (verb.dep_ == "advcl" and any(c.dep_ == "nsubjpass" for c in verb.children))
        ):
            head = verb.head
            if verb.dep_ == "acl" and head.i in link.token_to_mention:
                named = link.token_to_mention[head.i]
                if verb.tag_ == "VBN" and named.how == "adjective" and named.end > named.start + 1:
                    # "Mexican goods subjected to these duties", "the Chinese firms
                    # sanctioned last year": the goods or firms it was done to, not its doer
                    return []
                return [named]
            if verb.dep_ == "acl" and (
                head.lower_ in self.lex.intent_nouns or head.lemma_.lower() in _DECIDED
            ):
                # "suspended its plan to impose tariffs": whose plan it is; "Washington's
                # order to close the consulate": whose order
                owners = [c for c in head.children if c.dep_ == "poss"]
                found = [m for c in owners for m in self.collect(c, link, allow_modifier=True)]
                if not found and owners and head.dep_ in OBJ and head.head.i != head.i:
                    found = self.subjects(head.head, link)  # "its": the verb's subject
                if found:
                    return found
            if (
                verb.dep_ == "acl"
                and (
                    head.lower_ in self.lex.statement_nouns or head.lemma_.lower() in _WORDS_SPOKEN
                )
                and head.dep_ in OBJ
                and head.head.i != head.i
            ):
                # "issued a declaration demanding that …": the one who issued it
                return self.subjects(head.head, link)
            if verb.dep_ == "xcomp" and head.lemma_.lower() not in _USING:
                # "invited him to visit": the object does it; "tried every means to
                # prevent …", "made every effort to block …": the object is the way
                # ("used his speech to accuse Iran": what is used, the way too)
                objs = [
                    c for c in head.children if c.dep_ in OBJ and c.lower_ not in WAYS_AND_MEANS
                ]
                for o in objs:
                    found += self.collect(o, link)
                if objs and not found:
                    return []  # "invited him to visit": the doer is "him", not the inviter
            if not found and _speaker_aside(verb):
                # "Moscow denied that its forces had shelled the plant, blaming Kyiv":
                # the one who denies blames, not the doer of what is denied
                return self.subjects(head.head, link)
            if not found:
                found = self.subjects(head, link, raised=verb.dep_ == "xcomp")
        return unique(found)

    def names_event(self, verb: Token) -> bool:
        """The verb or its object is an event of its own.

        "agreed to resume talks" names the talks; "agreed to resume purchases of
        American soybeans" names no event but the agreement ("resume" counts
        only with ties or relations).
        """
        trig = self.trigger_for(verb)
        if trig is not None and (
            not trig.objects
            or any(c.dep_ == "dobj" and c.lemma_.lower() in trig.objects for c in verb.children)
        ):
            return True
        return any(c.dep_ == "dobj" and self.trigger_for(c) is not None for c in verb.children)

    def not_topics(self, found: list[Linked], prep: Token, trig: Trigger) -> list[Linked]:
        """Drop what an agreement is on or for, below ``prep`` ("a deal with Trump on TikTok")."""
        if trig.type != "AGREE":
            return found
        topics = not_party_preps(trig.type)
        return [m for m in found if not behind_preposition(span_root(prep.doc, m), prep, topics)]

    def pairs(
        self, sources: list[Linked], targets: list[Linked], trig: Trigger
    ) -> Iterable[tuple[Linked, Linked]]:
        parties = unique(sources + targets) if trig.mutual else []
        cap = _MAX_PAIRS
        if len(parties) >= 2:
            # "Washington and Beijing traded accusations": each accuses the other
            pairs = list(itertools.permutations(parties, 2))
        elif sources and targets:
            pairs = [(s, t) for s in sources for t in targets if s.actor_id != t.actor_id]
            if len(targets) <= 2:
                cap = max(cap, len(pairs))  # "four firms wrote to the USTR and Lighthizer"
        elif (trig.symmetric or trig.pos == "noun") and len(sources) >= 2:
            pairs = list(itertools.combinations(sources, 2))
        elif trig.pos == "noun" and len(targets) >= 2 and trig.symmetric:
            pairs = list(itertools.combinations(targets, 2))
        else:
            pairs = []
        if trig.needs_between and not targets:
            pairs = [p for p in pairs if p[0].how not in {"group", "coordinated"}]
        return [(s, t) for s, t in pairs if s.actor_id != t.actor_id][:cap]

    def collect(
        self, root: Token, link: LinkResult, allow_modifier: bool = False, places: bool = False
    ) -> list[Linked]:
        """Actors heading noun phrases under ``root`` (not mere modifiers like "Nvidia's").

        With ``places``, ``root`` is a preposition whose place is the party ("withdrew
        from Lebanon", "arrived in Amman on a visit"): a state right under it counts,
        or one whose waters or shores are ("into waters near Taiwan").
        """
        found: list[Linked] = []
        for tok in root.subtree:
            m = link.token_to_mention.get(tok.i)
            if m is None or any(f is m for f in found):
                continue
            head = span_root(tok.doc, m)
            if tok.i == root.i and not root.is_ancestor(head):
                # the parse broke the name and hung its last word here: "Trump and Vice
                # Premier Liu He signed", "He" the subject and "Liu" hung on "Trump"
                head = tok
            if m.how == "coordinated":
                head = _sharer(head, link)  # "envoys from Chile and Peru"
            named = link.token_to_mention.get(head.head.i) if head.dep_ == "appos" else None
            if named is None or named.actor_id != m.actor_id:
                named = m  # "… of Angola (UNITA)": the short form goes with the full name
            if root.dep_ == "prep" and named.start < root.i:
                # the preposition is inside a name the parse split ("demands from National
                # Union | for the Total Independence of Angola"): not a relation to it
                continue
            if places and m.actor_id.startswith("state:") and _placed_under(head, root):
                found.append(m)
                continue
            if _spoken_for(head, link):
                found.append(m)  # "a spokeswoman for the Chinese foreign ministry"
                continue
            if is_place(head, m) or in_dateline(head):
                continue  # "in Beijing", "BUSAN, South Korea —": a place, not a participant
            if behind_preposition(head, root):
                continue  # "spoke with reporters about China", "according to the White House"
            if self.is_state_or_body(m.actor_id) and (
                of_modifier(head) or self._title_complement(head)
            ):
                # "President Hu Jintao of China", "Ambassador to China David Perdue",
                # "China's ambassador to the UN"
                continue
            if _in_other_clause(head, root):
                continue  # "He Lifeng, who succeeded Liu He": Liu He is not at the talks
            if (
                m.how in {"leaders", "coordinated"}
                or head.dep_ in _PARTICIPANT_DEPS
                or head.i == root.i
            ):
                found.append(m)
            elif (
                head.dep_ in {"amod", "nmod"}
                and head.pos_ == "PROPN"
                and self.is_person(m.actor_id)
            ):
                found.append(m)  # the small parser's "with both Trump and Chinese officials"
            elif (
                _acts_for_body(head)
                and head.head.dep_ in _PARTICIPANT_DEPS
                and head.head.i not in link.token_to_mention
                and self.is_state_or_body(m.actor_id)
                and not m.actor_id.startswith("state:")
                and not _named_speaker(head.head, link)
            ):
                # "the State Department spokesperson", "Pentagon officials": they speak
                # and act for the body
                found.append(m)
            elif allow_modifier and head.dep_ in {"poss", "compound", "nmod", "amod"}:
                found.append(m)
        return found

    def _title_complement(self, tok: Token) -> bool:
        """A state or body completing an office noun: "Ambassador to China", "envoy to the UN"."""
        if tok.dep_ != "pobj" or tok.head.lower_ not in {"to", "for", "in"}:
            return False
        office = tok.head.head
        return office.pos_ in {"NOUN", "PROPN"} and (
            office.lower_ in self._offices or office.lemma_.lower() in self._offices
        )

    def demands(self, clause: Token) -> bool:
        """The clause says someone must or should act (what ``_obligation_events`` codes)."""
        modals = self.lex.obligation_modals | self.lex.addressed_modals
        return clause.lemma_.lower() != "be" and any(
            c.dep_ == "aux" and c.lower_ in modals for c in clause.children
        )

    def is_transnational(self, actor_id: str) -> bool:
        actor = self.kb.actors.get(actor_id)
        return actor is not None and actor.country in TRANSNATIONAL

    def is_state_or_body(self, actor_id: str) -> bool:
        actor = self.kb.actors.get(actor_id)
        return actor_id.startswith("state:") or (actor is not None and actor.kind == "organization")

    def _is_body(self, actor_id: str) -> bool:
        actor = self.kb.actors.get(actor_id)
        return actor is not None and actor.kind == "organization"

    def is_person(self, actor_id: str) -> bool:
        if actor_id.startswith("new:"):
            return True
        actor = self.kb.actors.get(actor_id)
        return actor is not None and actor.kind == "person"


# Nouns for people, whose "of" phrase says whose they are: "received a delegation
# of Chinese officials" receives them ("the nomination of Kerry" is no person).
_PEOPLE_NOUNS = frozenset(
    {"delegation", "group", "team", "head", "leader", "chief", "member", "members", "envoy"}
)
# Nouns whose unnamed holders speak and act for the body named before them:
# "the State Department spokesperson", "Pentagon officials".
_FOR_THE_BODY = frozenset(
    {"spokesman", "spokeswoman", "spokesperson", "spokesmen", "spokespeople"}
    | {
        "official",
        "officials",
        "diplomat",
        "diplomats",
        "negotiator",
        "negotiators",
        "aide",
        "aides",
    }
    | {"delegation", "representative", "representatives", "envoy", "envoys"}
    # "NATO warplanes", "UN peacekeepers", "IAEA inspectors": a body's forces and missions
    | {"troops", "forces", "soldiers", "peacekeepers", "warplanes", "jets", "helicopters"}
    | {"vessels", "ships", "boats", "cutters"}  # "Chinese coast guard vessels"
    | {"monitors", "observers", "inspectors", "investigators"}
    | {"agent", "agents", "operatives", "officers"}  # "Mossad agents", "FBI agents"
    # a body's people: "Reuters journalists were arrested", "met Huawei executives"
    | {"journalists", "reporters", "correspondents", "employees", "staff", "executives"}
    # "Fidesz lawmakers" (not "members": "WTO members" are states, not the WTO)
    | {"lawmakers", "legislators", "MPs", "senators"}
)
# Nouns whose unnamed holder heads the body named before them and acts for it: "the
# IAEA chief", "NATO's secretary-general", "European Community foreign ministers"
# (a state's are offices, which the linker reads).
_BODY_HEADS = frozenset(
    {"chief", "head", "boss", "chairman", "chairwoman", "chair", "president", "leader"}
    | {"leaders", "ministers", "secretary-general", "director-general", "commissioner"}
    | {"chairperson", "board", "minister", "rapporteur"}
)
# Nouns that speak for the body after "for": "a spokeswoman for the foreign ministry"
_SPEAKERS = frozenset({"spokesman", "spokeswoman", "spokesperson", "spokesmen", "spokespeople"})
# unnamed people who act for the body "at", "of" or "from" which they are
_OFFICIALS = frozenset({"officials", "representatives", "diplomats", "envoys", "delegates"})
_CLAUSES = frozenset({"relcl", "acl", "advcl", "ccomp", "parataxis", "pcomp"})
# What a speaker says, as the subject of a verb of saying: "Putin's speech accused …"
_WORDS_SPOKEN = frozenset(
    {"speech", "statement", "remark", "address", "letter", "editorial", "op-ed", "article"}
    | {"report", "communique", "communiqué", "declaration", "message", "tweet", "post"}
)
_SAID_IN_WORDS = frozenset({"ACCUSE", "REQUEST", "THREATEN", "REJECT"})
# A decision whose infinitive its owner carries out, already taken (no plan): "the
# decision to close", "Washington's order to close the consulate"
_DECIDED = frozenset({"decision", "order", "directive", "move"})
_MEMBERSHIP = frozenset({"include", "comprise", "join", "lead", "head", "accompany"})


def _sharer(tok: Token, link: LinkResult) -> Token:
    """Where a group that shares its noun with the first conjunct stands: "Peru"
    in "envoys from Chile and Peru" stands where "envoys" does."""
    first = tok
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    if first.dep_ == "pobj" and first.head.lower_ in {"from", "for", "of"}:
        first = first.head.head  # "officials from both countries": the officials
    shared = link.token_to_mention.get(first.i)
    if first.i == tok.i or shared is None:
        return tok
    return span_root(tok.doc, shared)


def _retaliation_clause(verb: Token, trig: Trigger, lex: Lexicon) -> bool:
    """ "vowed to retaliate", "vowed to take countermeasures": an infinitive that is one
    of the trigger's ``clause_verbs`` or takes one of its objects stands in for the
    object; so does one that imposes a measure ("vowed to impose tariffs")."""
    if not trig.clause_verbs:
        return False
    for clause in (c for c in verb.children if c.dep_ == "xcomp"):
        lemma = clause.lemma_.lower()
        if phrasal(clause, RETALIATION_PARTICLES) & trig.clause_verbs:
            return True
        if any(c.dep_ == "dobj" and c.lemma_.lower() in trig.objects for c in clause.children):
            return True
        imposed = lex.verbs.get(lemma)
        if (
            imposed is not None
            and imposed.type == "SANCTION"
            and imposed.objects
            and any(
                c.dep_ == "dobj" and c.lemma_.lower() in imposed.objects for c in clause.children
            )
        ):
            return True
    return False


def of_time(prep: Token) -> bool:
    """A preposition whose object is a date or time: "on Tuesday", "at noon"."""
    objects = [o for o in prep.children if o.dep_ == "pobj"]
    return bool(objects) and all(o.ent_type_ in {"DATE", "TIME"} for o in objects)


def _has_doer(verb: Token, obj: Token | None) -> bool:
    """The verb names who does it, linked or not; a passive subject that is the
    trigger's own object ("a deal was struck") is no doer; nor is "He promised to
    negotiate with X and Y" without one: the one who promised negotiates."""
    if verb.dep_ == "xcomp" and verb.head.i != verb.i and _has_doer(verb.head, None):
        return True
    return any(
        c.dep_ in {"nsubj", "csubj", "agent"}
        or (c.dep_ == "nsubjpass" and (obj is None or c.i != obj.i))
        for c in verb.children
    )


def _acts_for_body(modifier: Token) -> bool:
    """The noun ``modifier`` qualifies stands for the body it names: "the State Department
    spokesperson", "Pentagon officials", "ASEAN's special envoy", "the IAEA chief",
    "NATO's secretary-general"."""
    # (a body's name whose first word the parser hangs on the noun: "Chinese coast
    # guard vessels" is rooted at "Chinese", an adjective)
    return modifier.dep_ in {"compound", "nmod", "poss", "amod"} and (
        modifier.head.lower_ in _FOR_THE_BODY or _office_word(modifier.head) in _BODY_HEADS
    )


def _office_word(noun: Token) -> str:
    """The office a noun names, the parts of a hyphened one joined ("secretary - general",
    which the parser heads by "general")."""
    if noun.lower_ == "general":
        first = next((c for c in noun.lefts if c.lower_ in {"secretary", "director"}), None)
        if first is not None and first.dep_ == "compound":
            return f"{first.lower_}-general"
    return noun.lower_


def _spoken_for(tok: Token, link: LinkResult) -> bool:
    """``tok`` names whom an unnamed speaker speaks for: "a spokeswoman for the Chinese
    foreign ministry accused …", "said a spokesman for Iran" (not a named one's), or
    whose unnamed officials act: "held talks with officials at the foreign ministry",
    "received representatives of the junta"."""
    if tok.dep_ != "pobj" or tok.head.lower_ not in {"for", "at", "of", "from"}:
        return False
    speaker = tok.head.head
    nouns = _SPEAKERS if tok.head.lower_ == "for" else _OFFICIALS
    return (
        speaker.lower_ in nouns
        and speaker.dep_ in _PARTICIPANT_DEPS
        and speaker.i not in link.token_to_mention
        and not _named_speaker(speaker, link)
    )


def _named_speaker(noun: Token, link: LinkResult) -> bool:
    """The speaker noun is a named person's ("Jay Carney, the White House spokesman", "the
    Kremlin spokesman, Dmitry Peskov"): the person speaks, not the body."""
    if noun.dep_ == "appos" and noun.head.i in link.token_to_mention:
        return True
    return any(c.dep_ == "appos" and c.i in link.token_to_mention for c in noun.children)


_PHRASE_INSIDE = frozenset({"prep", "dative", "agent", "acl", "relcl", "advcl", "ccomp", "xcomp"})


def _inside_phrase(tok: Token, head: Token) -> bool:
    """``tok`` is named inside a phrase or clause of ``head``'s ("the decision to sell
    arms to Taiwan"), not ``head`` itself or one coordinated with it."""
    while tok.i != head.i and tok.head.i != tok.i:
        if tok.dep_ in _PHRASE_INSIDE:
            return True
        tok = tok.head
    return False


def _they(verb: Token) -> bool:
    """The verb's subject is "they" or "we", reported by a verb of saying."""
    return verb.head.lemma_.lower() in REPORTING_VERBS and any(
        c.dep_ == "nsubj" and c.lower_ in {"they", "we"} for c in verb.children
    )


def _in_other_clause(tok: Token, root: Token) -> bool:
    """True when ``tok`` sits in a clause of its own below ``root`` ("…, who succeeded X")."""
    while tok.i != root.i and tok.head.i != tok.i:
        if (
            tok.dep_ in {"nsubj", "nsubjpass"}
            and tok.head.i != root.i
            and tok.head.dep_ in _CLAUSES
        ):
            return True
        if tok.dep_ in _CLAUSES and tok.lemma_.lower() not in _MEMBERSHIP:
            return True
        tok = tok.head
    return False


_BESIDE = frozenset({"near", "off", "around"})


def _placed_under(head: Token, prep: Token) -> bool:
    """``head`` is the place ``prep`` names: right under it ("from Lebanon"), or beside
    the place right under it ("into waters near Taiwan", "into the sea off Japan")."""
    if head.head.i == prep.i:
        return True
    beside = head.head
    return beside.lower_ in _BESIDE and beside.head.dep_ == "pobj" and beside.head.head.i == prep.i


def _states_asked(verb: Token) -> set[int]:
    """Where the state asked for a thing stands: "asked Germany for permission", "asked
    Japan to extradite him"; a state the asking only speaks of is no one asked."""
    if not any((c.dep_ == "prep" and c.lower_ == "for") or infinitive(c) for c in verb.children):
        return set()
    return {c.i for c in verb.children if c.dep_ == "dobj"}


def _fronted_subject(verb: Token, link: LinkResult) -> list[Linked]:
    """ "Over dinner in Buenos Aires, Washington and Beijing agreed …", the parser
    joining the names to the opening phrase's place: the names between its comma and
    a verb with no subject are the subject."""
    doc = verb.doc
    found: list[Linked] = []
    i = verb.i - 1
    while i >= 0:
        m = link.token_to_mention.get(i)
        if m is not None:
            if not found or found[-1] is not m:
                found.append(m)
            i -= 1
        elif doc[i].lower_ == "and" and found:
            i -= 1
        else:
            break
    opening = doc[i] if i >= 0 else None
    if not found or opening is None or opening.text != ",":
        return []
    if not any(span_root(doc, m).dep_ == "conj" for m in found):
        return []  # a subject the parser read as one: nothing to mend
    fronted = [c for c in verb.lefts if c.dep_ in {"prep", "advcl"} or _opening_participle(c)]
    if not any(c.is_ancestor(opening) for c in fronted):
        return []
    return found[::-1]


# Participles of speech that, set off at the end of a reported clause, are the
# speaker's: "…, blaming Kyiv instead", "…, accusing Washington of meddling".
_ASIDES = frozenset({"blame", "accuse", "urge", "call", "warn", "insist", "say", "add", "charge"})


def _speaker_aside(verb: Token) -> bool:
    """``verb`` is a participle of speech after a comma, hung on a clause that a verb
    of saying or denying reports."""
    clause = verb.head
    return (
        verb.dep_ == "advcl"
        and verb.tag_ == "VBG"
        and verb.lemma_.lower() in _ASIDES
        and verb.i > 0
        and verb.doc[verb.i - 1].text == ","
        and clause.dep_ == "ccomp"
        and clause.head.i != clause.i
        and clause.head.lemma_.lower() in REPORTING_VERBS
    )


# What is taken on someone: "vowed revenge on", "promised retaliation on"
_PAID_BACK = frozenset({"revenge", "retaliation", "reprisal", "reprisals", "vengeance"})


def _possessor_under(prep: Token, link: LinkResult) -> list[Linked]:
    """The actor named as the possessor of a preposition's object: "on Venezuela's oil
    sector", "from Ukraine's Snake Island"."""
    return [m for g in prep.children if g.dep_ == "pobj" for m in possessors(g, link, POSS)]


def _sum_paid_in(verb: Token, obj: Token) -> list[Token]:
    """ "paid $20 million in compensation": what a sum is paid in, where the parser hung
    "in" on the verb."""
    if obj.dep_ != "dobj" or obj.ent_type_ != "MONEY":
        return []
    return [g for p in verb.children if p.dep_ == "prep" and p.lower_ == "in" for g in p.children]


def _relative_object(verb: Token, trig: Trigger) -> Token | None:
    """ "the tariffs Washington imposed on Beijing", "a treaty signed by Putin and Kim":
    the listed noun a relative clause or a passive participle with no object of its
    own (no "that" to stand for it) hangs on."""
    passive = verb.dep_ == "acl" and verb.tag_ == "VBN"
    if not (verb.dep_ == "relcl" or passive) or any(c.dep_ in OBJ for c in verb.children):
        return None
    noun = verb.head
    return noun if noun.lemma_.lower() in trig.objects or noun.lower_ in trig.objects else None


def _opening_name(tok: Token, link: LinkResult) -> bool:
    """A linked name opening the sentence and set off by a comma, that the parser
    hung on the verb as an adverb or interjection."""
    if tok.dep_ not in {"advmod", "intj", "npadvmod"} or tok.i not in link.token_to_mention:
        return False
    m = link.token_to_mention[tok.i]
    doc = tok.doc
    return m.start == tok.sent.start and m.end < len(doc) and doc[m.end].text == ","


def _opening_participle(subject: Token) -> bool:
    """ "Meeting on the sidelines …, Trump and Xi discussed": an opening participle
    the parser made the subject."""
    return subject.dep_ == "nsubj" and subject.tag_ == "VBG" and subject.i == subject.sent.start


def _noun_read_as_clause(clause: Token) -> bool:
    """ "signed a minerals deal", parsed as a clause with "minerals" its subject and
    "deal" its verb: the object noun phrase it was."""
    return (
        clause.dep_ == "ccomp"
        and clause.tag_ in {"VB", "VBP"}
        and any(
            s.dep_ == "nsubj" and s.i == clause.i - 1 and any(d.dep_ == "det" for d in s.children)
            for s in clause.children
        )
    )
