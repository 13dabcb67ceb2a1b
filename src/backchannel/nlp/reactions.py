"""Reactions to another party that no trigger word names alone.

- An angry reaction: "reacted angrily to an announcement by Clinton",
  "responded sharply to the State Department report": criticism (ACCUSE) of
  the one the thing reacted to comes from; a reaction without an adverb of
  anger is none ("reacted calmly", "responded to the letter")
  (``angry_reaction``, ``reacted_to``).
- Pushing back: "pushed back at Biden", "pushed back against Washington's
  demands": a rejection (REJECT) (``pushback``).
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

Requests (biddings, appeals, calls for something, hopes) are in ``nlp/asks.py``.
The word lists are in ``data/events.yaml`` (``reacting_verbs``, ``anger_adverbs``,
``yielding_verbs``, ``pressing_nouns``, ``opposing_verbs``, ``displeasure_nouns``,
``concern_nouns``, ``act_nouns``).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import TYPE_CHECKING

from spacy.tokens import Token

from backchannel.nlp.easing import country_word
from backchannel.nlp.lexicon import Lexicon, Trigger
from backchannel.nlp.mentions import Linked, LinkResult
from backchannel.nlp.repairs import moved_out_of, named_under, phrasal, possessors, unique

if TYPE_CHECKING:
    from backchannel.nlp.participants import ParticipantFinder

_AGAINST = frozenset({"at", "against"})
_REFUSING = frozenset({"refuse", "decline"})


def stood_firm(verb: Token, lex: Lexicon) -> Trigger | None:
    """ "will not yield to pressure from Washington", "refused to give in to Tokyo's
    demands": a rejection of the one who presses."""
    word = _yielding(verb, lex)
    if word is None:
        return None
    negated = any(c.dep_ == "neg" for c in verb.children)
    refused = verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _REFUSING
    if not (negated or refused) or not _yielded_to(verb, lex):
        return None
    return Trigger(word, "verb", "REJECT", "")


def gave_in(verb: Token, lex: Lexicon) -> Trigger | None:
    """ "bowed to pressure from the IMF", "gave in to US demands", "acceded to a
    Cambodian request": a concession to the one who presses (CONCEDE); the refusal
    to yield is ``stood_firm``'s."""
    word = _yielding(verb, lex)
    if word is None or stood_firm(verb, lex) is not None:
        return None
    if any(c.dep_ == "neg" for c in verb.children):
        return None
    # to what presses, not to a name ("acceded to NATO" is joining it); but one who
    # caves in or gives way to a name yields to it ("gave way to Beijing")
    if not any(
        _presses(t, lex) or (word in _YIELDING_TO_NAMES and t.pos_ == "PROPN")
        for t in _yielded_to(verb, lex)
    ):
        return None
    return Trigger(word, "verb", "CONCEDE", "")


def met_demand(verb: Token) -> Trigger | None:
    """ "meeting Islamabad's key demand", "met a long-held demand of Beijing": a
    concession to the one whose demand it was (the demand its object, whose owner
    the participant rules take)."""
    if verb.pos_ not in {"VERB", "AUX"} or verb.lemma_.lower() not in _MEETING_DEMANDS:
        return None
    if any(c.dep_ == "neg" for c in verb.children):
        return None
    if not any(c.dep_ == "dobj" and c.lemma_.lower() in _DEMANDS for c in verb.children):
        return None
    return Trigger(verb.lemma_.lower(), "verb", "CONCEDE", "", objects=_DEMANDS)


_MEETING_DEMANDS = frozenset({"meet", "satisfy", "fulfil", "fulfill", "heed", "grant"})
_DEMANDS = frozenset({"demand", "demands"})


def _yielding(verb: Token, lex: Lexicon) -> str | None:
    """The verb of yielding ``verb`` is ("bow", "give in"), else None."""
    if verb.pos_ not in {"VERB", "AUX"}:
        return None
    lemma = verb.lemma_.lower()
    # "caved in to US demands", "refused to back down", the particle parsed as a
    # preposition with no object or as an adverb
    particles = [
        c.lower_
        for c in verb.children
        if c.dep_ == "prt"
        or (c.dep_ == "prep" and c.lower_ == "in" and not list(c.children))
        or (c.dep_ == "advmod" and c.lower_ == "down")
    ]
    if lemma == "give" and any(c.dep_ == "dobj" and c.lower_ == "way" for c in verb.children):
        particles.append("way")  # "gave way to OAS demands"
    phrase = next((f"{lemma} {p}" for p in particles if f"{lemma} {p}" in lex.yielding_verbs), "")
    if not phrase and (particles or lemma not in lex.yielding_verbs):
        return None
    return phrase or lemma


def retaliation_said(verb: Token, lex: Lexicon) -> Trigger | None:
    """ "China said it would retaliate", "Beijing said it will fight back against the
    tariffs": a retaliation promised is a threat by the one who says so, as a vow of
    one is; not "said it would not retaliate", nor "said it could"."""
    if verb.pos_ not in {"VERB", "AUX"} or verb.lemma_.lower() not in lex.speech_verbs:
        return None
    for clause in verb.children:
        if clause.dep_ != "ccomp":
            continue
        objects = {c.lemma_.lower() for c in clause.children if c.dep_ == "dobj"}
        if not (
            phrasal(clause, RETALIATION_PARTICLES) & lex.retaliation_verbs
            or (clause.lemma_.lower() in {"take", "adopt"} and objects & _RETALIATIONS)
        ):
            continue
        auxes = {c.lower_ for c in clause.children if c.dep_ == "aux"}
        if auxes & (lex.planned_aux | {"would", "'d"}) and not any(
            c.dep_ == "neg" for c in clause.children
        ):
            return Trigger(verb.lemma_.lower(), "verb", "THREATEN", "")
    return None


# yielding words that say so also of a name: "gave way to Beijing", "caved in to Trump"
_YIELDING_TO_NAMES = frozenset(
    {"give way", "give in", "cave", "cave in", "kowtow", "capitulate", "back down", "climb down"}
)
_BACKING_DOWN = frozenset({"back down", "climb down"})
_RETALIATIONS = frozenset({"countermeasure", "countermeasures", "retaliation", "reprisal"})
# what follows a retaliation verb to make it phrasal: "fight back", "hit back"
RETALIATION_PARTICLES = frozenset({"prt", "advmod"})


_LENGTHS = frozenset({"day", "week", "month", "year", "decade"})


def _yielded_to(verb: Token, lex: Lexicon) -> list[Token]:
    """What one yields to, if it presses: the noun under "to" ("to US threats"), or the
    noun the parser made a verb ("yield to pressure from Washington")."""
    things = [
        g
        for c in verb.children
        if c.dep_ in {"prep", "dative"} and c.lower_ == "to"  # "gave in on Monday to …"
        for g in c.children
    ]
    things += [
        c
        for c in verb.children
        if c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
    ]
    if phrasal(verb) & _BACKING_DOWN:
        # "backed down in its standoff with Trump": the other side of the dispute, its
        # "with" hung on the dispute or on the verb
        disputes = [
            d
            for prep in verb.children
            if prep.dep_ == "prep" and prep.lower_ in {"in", "over"}
            for d in prep.children
            if d.lemma_.lower() in lex.dispute_nouns
        ]
        things += [
            g
            for holder in ([*disputes, verb] if disputes else [])
            for with_ in holder.children
            if with_.dep_ == "prep" and with_.lower_ == "with"
            for g in with_.children
        ]
    # "yielding to years of pressure from Washington": the pressure, not its years
    things += [
        g
        for t in things
        if t.lemma_.lower() in _LENGTHS
        for of in t.children
        if of.dep_ == "prep" and of.lower_ == "of"
        for g in of.children
        if g.dep_ == "pobj"
    ]
    return [t for t in things if _presses(t, lex) or (t.dep_ == "pobj" and t.pos_ == "PROPN")]


def _presses(thing: Token, lex: Lexicon) -> bool:
    """``thing`` is a word of pressure, by its form or its lemma: "threats", "demands"."""
    return thing.lower_ in lex.pressing_nouns or thing.lemma_.lower() in lex.pressing_nouns


def pressed_by(
    find: ParticipantFinder, verb: Token, link: LinkResult, adjectives: Mapping[str, str]
) -> list[Linked]:
    """Who presses the one who will not yield: "to Washington", "to pressure from
    Washington", "to US threats", "to Tokyo's demands", "to American pressure"."""
    found: list[Linked] = []
    for thing in _yielded_to(verb, find.lex):
        found += _authors(find, thing, link, adjectives)
    return unique(found)


def pressed_despite(
    find: ParticipantFinder, verb: Token, link: LinkResult, adjectives: Mapping[str, str]
) -> list[Linked]:
    """Those a refusal holds out against "despite" their demands or pressure: "refused
    to retract her remarks on Taiwan despite demands from Beijing" rejects Beijing,
    not Taiwan; "despite US pressure"."""
    acts = [c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"]
    found: list[Linked] = []
    for prep in (c for h in [verb, *acts] for c in h.children if c.dep_ == "prep"):
        if prep.lower_ == "despite":
            for noun in prep.children:
                if _presses(noun, find.lex):
                    found += _authors(find, noun, link, adjectives)
    return unique(found)


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
        (lemma in lex.declaring_verbs or lemma in _FEELING or _felt(verb, lex))
        and _voiced(verb, lex) is not None
    ):
        return Trigger(lemma, "verb", "ACCUSE", "criticize")
    return None


def approval(verb: Token, lex: Lexicon) -> Trigger | None:
    """ "expressed support for Argentina", "voiced appreciation for China's role"."""
    if verb.pos_ not in {"VERB", "AUX"} or verb.lemma_.lower() not in lex.declaring_verbs:
        return None
    if any(c.dep_ == "neg" for c in verb.children) or _approved(verb, lex) is None:
        return None
    return Trigger(verb.lemma_.lower(), "verb", "SUPPORT", "")


def approved_of(
    find: ParticipantFinder,
    verb: Token,
    link: LinkResult,
    adjectives: Mapping[str, str],
    lex: Lexicon,
) -> list[Linked]:
    """Whom voiced approval is for: the one named ("support for Argentina") or the
    owner of the act ("for Argentina's claim", "for the Chinese proposal")."""
    voiced = _approved(verb, lex)
    holders = [verb] if voiced is None else [voiced, verb]
    return _voiced_at(find, holders, _APPROVED_OF, link, adjectives)


_APPROVED_OF = frozenset({"for", "with", "to"})


def _voiced_at(
    find: ParticipantFinder,
    holders: list[Token],
    preps: frozenset[str],
    link: LinkResult,
    adjectives: Mapping[str, str],
    acts_of: Lexicon | None = None,
) -> list[Linked]:
    """Whom what is voiced is aimed at, by the phrases under ``preps`` on the voiced
    noun or its verb: the actor named there, or the owner of the act named there
    (``acts_of``: only an act's owner, never an actor named outright)."""
    found: list[Linked] = []
    for prep in (c for h in holders for c in h.children if c.dep_ in {"prep", "agent"}):
        if prep.lower_ not in preps or moved_out_of(prep, holders[0]):
            continue
        for thing in (g for g in prep.children if g.dep_ == "pobj"):
            if thing.i in link.token_to_mention:
                if acts_of is None:
                    found.append(link.token_to_mention[thing.i])  # "at Washington"
            elif acts_of is None or act_noun(thing, acts_of):
                found += _act_owners(find, thing, link, adjectives)
    return unique(found)


def _approved(verb: Token, lex: Lexicon) -> Token | None:
    return next(
        (c for c in verb.children if c.dep_ == "dobj" and c.lower_ in lex.approval_nouns), None
    )


# "was deeply concerned about …", "remains dissatisfied with …"
_FEELING = frozenset({"be", "remain", "feel", "grow", "become"})


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
    return _voiced_at(
        find, [voiced, verb], _DISPLEASED_AT, link, adjectives, lex if concern else None
    )


def _felt(verb: Token, lex: Lexicon) -> bool:
    """ "was worried by …", "was angered by …": the feeling parsed as a passive verb."""
    return (
        verb.tag_ == "VBN"
        and (verb.lower_ in lex.displeasure_nouns or verb.lower_ in lex.concern_nouns)
        and any(c.dep_ == "auxpass" for c in verb.children)
    )


def feeling_subjects(
    find: ParticipantFinder, verb: Token, link: LinkResult, lex: Lexicon
) -> list[Linked]:
    """Who feels what a passive feeling verb says ("Japan was worried by …"): its
    subject, not the "by" phrase a passive's doer is otherwise in."""
    if not _felt(verb, lex):
        return []
    return unique(m for c in verb.children if c.dep_ == "nsubjpass" for m in find.collect(c, link))


def _voiced(verb: Token, lex: Lexicon) -> Token | None:
    """The displeasure a declaring verb voices ("expressed strong dissatisfaction"),
    or a feeling verb states ("was deeply concerned", "was worried by")."""
    if _felt(verb, lex):
        return verb
    held = "acomp" if verb.lemma_.lower() in _FEELING else "dobj"
    return next(
        (
            c
            for c in verb.children
            if c.dep_ == held
            and (c.lower_ in lex.displeasure_nouns or c.lower_ in lex.concern_nouns)
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
    found = possessors(thing, link) or find.owners(thing, link)
    for prep in (c for c in thing.children if c.dep_ in {"prep", "agent"}):
        if prep.lower_ == "by":
            found += find.collect(prep, link)
    return found or nation_of(thing, adjectives)


def act_noun(noun: Token, lex: Lexicon) -> bool:
    """A noun for what a party does: "move", "tariffs", "actions"."""
    return noun.lower_ in lex.act_nouns or noun.lemma_.lower() in lex.act_nouns


_DISPLEASED_AT = frozenset(
    {"with", "at", "over", "about", "to", "against", "toward", "towards", "regarding", "by"}
)


def protest_note(verb: Token) -> Trigger | None:
    """ "sent a note of protest to Helsinki", "handed a protest note to the Russian
    embassy", "issued a demarche to Ottawa": a protest lodged, criticism."""
    if verb.pos_ not in {"VERB", "AUX"} or verb.lemma_.lower() not in _DELIVERING:
        return None
    for thing in (c for c in verb.children if c.dep_ == "dobj"):
        if thing.lower_ in {"demarche", "démarche"}:
            return Trigger(verb.lemma_.lower(), "verb", "ACCUSE", "criticize")
        if thing.lemma_.lower() != "note":
            continue
        said = [c for c in thing.children if c.dep_ == "compound"] + [
            g for p in thing.children if p.lower_ == "of" for g in p.children
        ]
        if any(w.lemma_.lower() == "protest" for w in said):
            return Trigger(verb.lemma_.lower(), "verb", "ACCUSE", "criticize")
    return None


_DELIVERING = frozenset({"send", "issue", "hand", "deliver", "present", "submit", "lodge"})
# What "in protest" is aimed at comes after these: "in protest at / over / against"
PROTESTED_AT = frozenset({"at", "over", "against"})


def in_protest_at(noun: Token) -> Token | None:
    """ "walked out in protest at the American remarks", "recalled its ambassador in
    protest over Lithuania's decision": the act done in protest criticises the
    owner of what it protests. Returns the preposition naming that, if any."""
    doc = noun.doc
    if noun.lemma_.lower() != "protest" or noun.dep_ != "pobj" or noun.head.lower_ != "in":
        return None
    if noun.i + 1 >= len(doc) or doc[noun.i + 1].lower_ not in PROTESTED_AT:
        return None  # the parser hangs the preposition anywhere: read it by its place
    if not any(a.pos_ in {"VERB", "AUX"} for a in noun.ancestors):
        return None
    return doc[noun.i + 1]


def sent_home(verb: Token) -> Trigger | None:
    """ "gave Qatari diplomats 48 hours to leave", "ordered the ambassador to leave the
    country": envoys told to go are expelled (a SANCTION, as "expelled" is)."""
    if verb.pos_ not in {"VERB", "AUX"} or verb.lemma_.lower() not in _SENDING_OFF:
        return None
    envoys = [
        c for c in verb.children if c.dep_ in {"dobj", "dative"} and c.lemma_.lower() in _ENVOYS
    ]
    if not envoys:
        return None
    # "to leave" under the verb, under the time given ("48 hours to leave") or under
    # the envoys' own phrase ("23 diplomats identified as spies to leave")
    holders = [verb, *(c for c in verb.children if c.dep_ in {"dobj", "npadvmod"})]
    holders += [t for e in envoys for t in e.subtree]
    if not any(
        c.lemma_.lower() == "leave" and c.dep_ in {"xcomp", "ccomp", "advcl", "acl", "relcl"}
        for h in holders
        for c in h.children
    ):
        return None
    return Trigger(verb.lemma_.lower(), "verb", "SANCTION", "expel", objects=_ENVOYS)


_SENDING_OFF = frozenset({"give", "order", "tell", "instruct"})
_ENVOYS = frozenset(
    {"diplomat", "ambassador", "envoy", "consul", "attache", "attaché", "chargé", "charge"}
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


@functools.lru_cache(maxsize=4)
def _retaliating(phrases: frozenset[str]) -> frozenset[str]:
    """The verbs of the retaliation phrases ("hit" of "hit back")."""
    return frozenset(phrase.split()[0] for phrase in phrases)


def hit_back(verb: Token, lex: Lexicon) -> Trigger | None:
    """ "hit back at Washington with tariffs", "retaliated against the US with
    sanctions": the measure taken, a sanction; "hit back at the criticism", with no
    measure named, criticism (a bare "retaliated against" tells neither)."""
    if verb.pos_ not in {"VERB", "AUX"} or verb.lemma_.lower() not in _retaliating(
        lex.retaliation_verbs
    ):
        return None
    if any(c.dep_ == "neg" for c in verb.children):
        return None
    said = phrasal(verb, RETALIATION_PARTICLES) & lex.retaliation_verbs
    if not said or not any(c.dep_ == "prep" and c.lower_ in _AGAINST for c in verb.children):
        return None
    word = max(said, key=len)
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"):
        for noun in (g for g in prep.children if g.dep_ == "pobj"):
            measure = lex.noun_trigger(noun.lower_, noun.lemma_.lower())
            if measure is not None and measure.type == "SANCTION":
                return Trigger(word, "verb", "SANCTION", measure.mode)
    return Trigger(word, "verb", "ACCUSE", "criticize") if " " in word else None


def summoned_to(find: ParticipantFinder, verb: Token, link: LinkResult) -> list[Linked]:
    """Who summons one "summoned to the Chinese foreign ministry" (or "to the foreign
    ministry in Beijing"), with no "by" phrase: the body or state one is summoned to."""
    if verb.lemma_.lower() != "summon" or not any(c.dep_ == "auxpass" for c in verb.children):
        return []
    if any(c.dep_ == "agent" for c in verb.children):
        return []
    found: list[Linked] = []
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"):
        found += find.collect(prep, link, places=True)
        for noun in (g for g in prep.children if g.dep_ == "pobj" and not found):
            for where in (p for p in noun.children if p.dep_ == "prep" and p.lower_ == "in"):
                found += find.collect(where, link, places=True)
    return unique(found)


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
            # "pressure from Washington": the state it comes from, not a place; "from
            # the International Monetary Fund": the body
            found += find.collect(owner, link, places=owner.lower_ == "from") or named_under(
                owner, link
            )
    if not found and not before:
        found += nation_of(thing, adjectives)
    return found


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
    # "the Honduran border", which the parser may hang as a compound
    return [
        m
        for c in noun.children
        if c.dep_ in {"amod", "compound"} and (m := country_word(c, adjectives))
    ]
