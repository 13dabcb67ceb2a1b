"""What a speaker says of another with no trigger word: a demand, or a wrong done.

"Russia said Sudan must return the helicopter" is the speaker's REQUEST of
Sudan: a clause with an obligation modal ("must", and "should" for an act
when someone is addressed) under a saying verb or a statement issued ("a
stern reminder to Iraq that it must …"). "Mao Ning said the United States
was bullying Chinese companies" is the speaker's ACCUSE of the one said to
do wrong, or whose act is said to do it ("said Washington's tariffs violate
the consensus"; which clause tells a wrong is ``nlp/verbal.py``'s to say).
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from backchannel.model import Event
from backchannel.nlp.eventdates import SentenceContext
from backchannel.nlp.lexicon import Lexicon, Trigger
from backchannel.nlp.mentions import Linked, LinkResult
from backchannel.nlp.modality import modality_of
from backchannel.nlp.participants import SUBJ, unique
from backchannel.nlp.reactions import act_noun
from backchannel.nlp.records import EventRecords, own_state
from backchannel.nlp.verbal import disparaged, implicated, speaking


def statement_of(verb: Token, lex: Lexicon) -> Token | None:
    """ "issued a stern reminder to Iraq that it must …": the statement a verb issues."""
    return next(
        (c for c in verb.children if c.dep_ == "dobj" and c.lower_ in lex.statement_nouns),
        None,
    )


def obligation_events(
    records: EventRecords, ctx: SentenceContext, verb: Token, link: LinkResult, doc_id: str
) -> Iterator[Event]:
    """ "Russia said Sudan must return the helicopter": a demand on Sudan."""
    addressed: list[Linked] = []
    for addressee in verb.children:
        if addressee.dep_ in {"dobj", "dative"}:
            addressed += records.find.collect(addressee, link)
    statement = statement_of(verb, records.lex)
    clauses = list(verb.children) + (list(statement.children) if statement else [])
    for clause in clauses:
        # "should" asks only for an act ("should remove"), not a state ("should be partners")
        addressed_act = bool(addressed) and clause.lemma_.lower() != "be"
        modals = records.lex.obligation_modals | (
            records.lex.addressed_modals if addressed_act else frozenset()
        )
        if clause.dep_ not in {"ccomp", "acl"} or not any(
            c.dep_ == "aux" and c.lower_ in modals for c in clause.children
        ):
            continue
        # "Xi told Trump that the United States should …": the demand is made to
        # the one addressed; else to the one who must act
        targets: list[Linked] = list(addressed)
        for subj in clause.children if not targets else ():
            if subj.dep_ in SUBJ:
                targets += records.find.collect(subj, link)
        trig = Trigger(verb.lemma_.lower(), "verb", "REQUEST", "")
        yield from speaker_events(records, ctx, verb, trig, targets, link, doc_id, "obligation")


def wrong_events(
    records: EventRecords, ctx: SentenceContext, clause: Token, link: LinkResult, doc_id: str
) -> Iterator[Event]:
    """ "Mao Ning said the United States was bullying Chinese companies": the speaker
    accuses the one said to do wrong."""
    verb = speaking(clause)
    accused: list[Linked] = []
    charged = False
    for subj in clause.children:
        if subj.dep_ in SUBJ:
            accused += records.find.collect(subj, link) or acted_by(records, subj, link)
            charged = charged or subj.lower_ in records.lex.charge_nouns
    if not accused:
        # "'This is naked economic bullying,' Lin Jian said of Washington's tariff
        # increase": the wrong is of what it is said of
        for of in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "of"):
            accused += records.find.collect(of, link) or records.find.owners_under(of, link)
    for named in implicated(clause):
        # "evidence of Russian involvement in …": the share's owner; "allegations
        # linking agents of the Indian government to …": those tied to it
        accused += records.find.collect(named, link) or records.find.owners(
            named, link, by_adjective=True
        )
    # a wrong told is an allegation; a disparaging judgement, criticism; and one of
    # another's charges ("said the American accusations were groundless"), a rejection
    judged = disparaged(clause, records.lex)
    if judged and charged:
        trig = Trigger(verb.lemma_.lower(), "verb", "REJECT", "")
    else:
        trig = Trigger(verb.lemma_.lower(), "verb", "ACCUSE", "criticize" if judged else "allege")
    speakers = None
    if verb.pos_ in {"NOUN", "PROPN"}:
        # "Geithner's assertion that …": whose assertion it is
        poss = (c for c in verb.children if c.dep_ == "poss")
        speakers = [m for c in poss for m in records.find.collect(c, link, allow_modifier=True)]
    for event in speaker_events(
        records, ctx, verb, trig, accused, link, doc_id, "reported-wrong", speakers
    ):
        if not own_state(event):
            yield event


def acted_by(records: EventRecords, subj: Token, link: LinkResult) -> list[Linked]:
    """ "said the US move violates WTO rules": the wrong is done by whose act it is;
    "said Washington's claims were lies": by whose claims."""
    if subj.i in link.token_to_mention or not (
        act_noun(subj, records.lex) or subj.lower_ in records.lex.charge_nouns
    ):
        return []
    return records.find.owners(subj, link, by_adjective=True)  # "the American sanctions"


def speaker_events(
    records: EventRecords,
    ctx: SentenceContext,
    verb: Token,
    trig: Trigger,
    targets: list[Linked],
    link: LinkResult,
    doc_id: str,
    rule: str,
    speakers: list[Linked] | None = None,
) -> Iterator[Event]:
    """The speaker of ``verb`` (its subject unless ``speakers`` are given) towards each
    of ``targets``, as the verb's modality has it."""
    if speakers is None:
        speakers = records.find.subjects(verb, link)
    for src, tgt in records.find.pairs(speakers, unique(targets), trig):
        yield records.event(
            ctx,
            verb,
            trig,
            src,
            tgt,
            link,
            doc_id,
            modality=modality_of(verb, records.lex),
            rule=f"{records.lex.version}:{rule}",
        )
