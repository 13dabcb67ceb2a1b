"""Who takes part in an event a noun names: "talks with He", "Bessent's visit".

The noun's possessive, modifiers and "by" phrase name who acts ("Bessent's
meeting", "a Trump visit", "a visit by a US adviser"); its "with", "to" and
"from" phrases whom ("talks with He"); a "between" phrase names both sides.
When the noun names no one acting, the doer comes from the verb it hangs on
("held talks with Liu", "flew to Moscow for talks", "Xi warned Trump in a
phone call"), from "their", or, for talks and agreements with a person, from
the one who speaks of them ("Bessent said the talks with He had been
productive"). Each phrase is read by the rules of ``ParticipantFinder``
(``nlp/participants.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from spacy.tokens import Token

from backchannel.nlp.asks import owner_told
from backchannel.nlp.bodies import countries_of
from backchannel.nlp.easing import exempting_verb
from backchannel.nlp.jointly import taken_part_in
from backchannel.nlp.lexicon import Lexicon, Trigger
from backchannel.nlp.mentions import Linked, LinkResult
from backchannel.nlp.preps import SAID_TO, topic_prep
from backchannel.nlp.reactions import in_protest_at
from backchannel.nlp.repairs import (
    OBJ,
    SUBJ,
    THING_RELATIVES,
    among,
    and_after,
    named_under,
    span_root,
    split_apposition,
    unique,
)
from backchannel.nlp.sides import contact_within, talks_beside

if TYPE_CHECKING:
    from backchannel.nlp.participants import ParticipantFinder


# nouns that judge an act, aimed at whose act it is: "criticism of Beijing's treatment"
_JUDGED_BY_OWNER = frozenset({"ACCUSE", "SUPPORT", "REJECT"})


def noun_participants(
    find: ParticipantFinder, noun: Token, trig: Trigger, link: LinkResult
) -> tuple[list[Linked], list[Linked]]:
    protested = in_protest_at(noun)
    if protested is not None:
        # "recalled its envoy in protest over Vilnius's decision": the one who acts
        # criticises whose the act protested is (or the one named there)
        acted = next(a for a in noun.ancestors if a.pos_ in {"VERB", "AUX"})
        return find.subjects(acted, link), named_under(protested, link) or find.owners_under(
            protested, link
        )
    sources: list[Linked] = []
    targets: list[Linked] = []
    agents: list[Linked] = []
    doers: list[Linked] = []  # the subjects of the verb the noun is the object of
    for child in noun.children:
        if child.dep_ in {"prep", "agent"} and child.lower_ == "by":
            # "the first visit to China by a US national security adviser"
            agents += find.collect(child, link)
        elif child.dep_ == "poss" or child.dep_ in {"compound", "nmod", "amod"}:
            found = find.collect(child, link, allow_modifier=True)
            if child.dep_ != "poss":
                # "the ASEAN summit", "the IMF and World Bank meetings": the forum
                found = [m for m in found if not find.is_transnational(m.actor_id)]
            sources += found
        elif child.dep_ == "prep" and child.lower_ == "from" and trig.type == "REQUEST":
            sources += find.collect(child, link, places=True)  # "a plea from Japan"
        elif child.dep_ == "prep" and child.lower_ == "for" and trig.type == "REQUEST":
            # "a request for China's support": the one whose support is asked
            for thing in (g for g in child.children if g.dep_ == "pobj"):
                targets += [
                    m
                    for o in thing.children
                    if o.dep_ == "poss"
                    for m in find.collect(o, link, allow_modifier=True)
                ]
            targets += find.not_topics(find.collect(child, link), child, trig)
        elif child.dep_ == "prep" and child.lower_ in {"between", "among"}:
            joined = and_after(find.collect(child, link), link, noun.doc)
            if trig.between_targets:
                targets += joined  # "mediation between X and Y"
            else:
                sources += joined
        elif child.dep_ == "prep" and child.lower_ == "from" and trig.mode == "host":
            targets += named_under(child, link)  # "a warm welcome from Yang"
        elif child.dep_ == "prep" and child.lower_ in trig.place_preps:
            targets += find.collect(child, link, places=True)  # "withdrawal from Panama"
        elif child.dep_ == "prep" and child.lower_ == "of" and trig.place_preps:
            # "the withdrawal of its forces from Panama"
            for obj in child.children:
                for prep in obj.children:
                    if prep.dep_ == "prep" and prep.lower_ in trig.place_preps:
                        targets += find.collect(prep, link, places=True)
        elif child.dep_ == "prep" and (
            not topic_prep(child, trig) or (child.lower_ == "from" and trig.type == "CONSULT")
        ):
            # "talks with X", "a call from X"; "a meeting with his counterpart, Vladimir
            # Putin", with the name parsed apart
            found = find.collect(child, link) or [
                m
                for g in child.children
                if g.dep_ == "pobj"
                for m in [split_apposition(g, link)]
                if m is not None
            ]
            if not found and child.lower_ == "on" and trig.type in {"SANCTION", "RETREAT"}:
                found = _goods_from(find, child, link)  # "tariffs on goods from China"
            if child.lower_ == "on" and trig.type == "CONSULT" and trig.mode != "visit":
                # "talks on Ukraine": what they are about (but "a dialogue on disputes
                # with China" is with China; "a courtesy call on Wang Yi" is a visit)
                found = [m for m in found if span_root(noun.doc, m).head.i != child.i]
            if child.lower_ == "of" and trig.type in _JUDGED_BY_OWNER:
                # "criticism of Beijing's treatment of Uyghurs", "a rebuke of China's
                # conduct around Taiwan": whose act is judged, not what it is about
                found = find.owners_under(child, link) or found
            targets += find.not_topics(found, child, trig)
        elif child.dep_ in {"acl", "relcl"}:
            # "the rapport developed between X and Y"
            for grand in child.children:
                if grand.dep_ == "prep" and grand.lower_ in {"between", "among"}:
                    sources += find.collect(grand, link)
                elif grand.dep_ in {"prep", "agent"} and grand.lower_ in {"with", "by"}:
                    targets += find.collect(grand, link)
            made = _made_by(find, child, trig, link)
            if made is not None:
                # "the appeal that Obama made to Hu", "the praise Trump lavished on Xi"
                agents += made[0]
                targets += made[1]
    slot = noun  # where the phrase sits: "two days of talks" sits where "days" does
    if (
        noun.dep_ == "pobj"
        and noun.head.lower_ == "of"
        and noun.head.head.lemma_.lower() in find.lex.measure_nouns
    ):
        slot = noun.head.head
    elif (
        noun.dep_ == "appos"
        and noun.head.dep_ in OBJ
        and noun.head.pos_ == "NOUN"
        and find.trigger_for(noun.head) is None
    ):
        # "announced a phase one deal", "deal" read as apposed to "phase" (but "held a
        # meeting with Liu, her first talks with a Chinese official" is the meeting's)
        slot = noun.head
    head = slot.head
    # "a Trump visit", "Bessent's meeting", "the release of the crew by China": the
    # noun names its party ("welcomed a visit by Putin": the welcomer is the host)
    own = bool(sources) or (bool(agents) and trig.type != "CONSULT")
    exempting = exempting_verb(head, find.lex.exempting_verbs) if trig.type == "RETREAT" else None
    blamed = _blamed_for_its(slot, noun, find, link) if not own else []
    if blamed:
        # "criticised Beijing for its drills around Taiwan": the drills are Beijing's
        sources = blamed
    elif exempting is not None and slot.dep_ == "pobj" and not own:
        # "exempted smartphones from the tariffs": the one who exempts eases them
        sources = find.subjects(exempting, link)
    elif (
        slot.dep_ == "pobj"
        and head.dep_ == "prep"
        and (
            head.lower_ in {"for", "to", "into"}
            or (head.lower_ == "with" and trig.type != "CONSULT")
            # "In a concession to Washington, China ended the peg"; "in a rebuke to Seoul"
            # (its own "to": not "in an investigation of arms sales to Croatia")
            or (
                head.lower_ == "in"
                and trig.type in SAID_TO | {"CONCEDE"}
                # (or "of" for criticism: "in a rebuke of Washington", not "in an
                # investigation of arms sales to Croatia")
                and any(
                    c.dep_ == "prep"
                    and (c.lower_ == "to" or (c.lower_ == "of" and trig.mode == "criticize"))
                    for c in noun.children
                )
            )
            or taken_part_in(slot)  # "U.S. and Chinese troops took part in joint drills"
        )
        and head.head.pos_ in {"VERB", "AUX"}
        and not own
    ):
        # "led a delegation to Beijing for talks with Liu": the verb's subject talks;
        # "retaliated with a 34 percent tariff": the one who retaliated imposes it
        sources = find.subjects(head.head, link) + sources
        if not targets and head.lower_ == "for" and trig.type == "CONSULT":
            targets = _sought_for(find, head.head, link)
        if head.head.lemma_.lower() in find.lex.joining_verbs:
            # "Greer joined Bessent for talks with He": Bessent talks too
            for obj in head.head.children:
                if obj.dep_ in OBJ:
                    sources += find.collect(obj, link)
    if (
        slot.dep_ == "pobj"
        and head.dep_ == "prep"
        and head.lower_ == "with"
        and trig.type == "SANCTION"
        and not targets
        and head.head.pos_ == "VERB"
        and not _threatened_with(find, head.head)
    ):
        # "hit Beijing with tariffs", "China was hit with a tariff by the Trump
        # administration": the one hit
        targets = [
            m
            for c in head.head.children
            if c.dep_ in {"dobj", "nsubjpass"}
            for m in find.collect(c, link)
        ]
    attending = _attending(find, slot)
    if own and targets and attending is not None:
        # "Pottinger will be on hand for Trump's meeting with Xi": Pottinger meets Xi too
        sources += find.subjects(attending, link)
    within = contact_within(noun, slot, trig, bool(targets), own)
    if within is not None:
        # "Xi warned Trump in a phone call": the call is the verb's subject's with its object
        sources = find.subjects(within, link)
        targets = [
            m
            for c in within.children
            if c.dep_ in {"dobj", "dative"} or (c.dep_ == "prep" and c.lower_ == "with")
            for m in find.collect(c, link)
            if find.is_person(m.actor_id)
        ]
    if (
        any(find.is_person(t.actor_id) for t in targets)
        and not own
        and trig.type == "CONSULT"
        and trig.mode != "visit"  # "during a visit to Japan": a journey, its doer's own
        and slot.dep_ == "pobj"
        and head.dep_ == "prep"
        and head.lower_ in {"in", "during"}
        and head.head.pos_ in {"VERB", "AUX"}
    ):
        # "Modi warned in a phone call with Biden", "By backing down in a call with Xi,
        # Trump averted …": the one who acts in the call holds it (with a person named:
        # "a call with China's president" waits for the linker to name him)
        sources = find.subjects(head.head, link) + sources
        targets = [t for t in targets if find.is_person(t.actor_id)]
    if not own and targets and trig.type == "CONSULT":
        sources = _delegate(find, slot, link) + sources  # "Japan's envoy to the talks with X"
    beside = talks_beside(slot, trig, bool(targets), own)
    if beside is not None:
        # "Liu was received by Trump after talks with X": the grammatical subject
        said = [m for c in beside.children if c.dep_ in SUBJ for m in find.collect(c, link)]
        sources = (said or find.subjects(beside, link)) + sources
    if (
        slot.dep_ == "pobj"
        and head.dep_ == "prep"
        and head.lower_ in {"on", "for"}
        and trig.type == "CONSULT"
        and head.head.lemma_.lower() in find.lex.arrival_verbs
        and not own
    ):
        # "arrived in Amman on a visit", "flew to Moscow for talks"; but where two
        # sides came for talks with each other the place is only where they meet ("U.S.
        # and Chinese negotiators arrived in London for talks")
        sources = find.subjects(head.head, link) + sources
        came = countries_of(sources, find.kb)
        for child in head.head.children:
            if child.dep_ == "prep" and child.lower_ in {"in", "at", "to"}:
                places = find.collect(child, link, places=True)
                if len(came) < 2 or countries_of(places, find.kb) & came:
                    targets += places
    if (
        slot.dep_ == "nsubjpass"
        and head.pos_ in {"VERB", "AUX"}
        and not own
        and not sources
        and (among(head, find.lex.reversing_verbs) or find.trigger_for(head) is None)
    ):
        # "tariffs on British cars were cut by Washington": the passive's agent acts
        # (a verb that tells an act itself, "was signed by", is its own event)
        sources = [m for c in head.children if c.dep_ == "agent" for m in find.collect(c, link)]
    if (
        slot.dep_ in OBJ
        and head.pos_ in {"VERB", "AUX"}
        and (not trig.own_parties or head.lemma_.lower() in find.lex.announcing_verbs)
    ):
        answered = trig.type == "REQUEST" and head.lemma_.lower() in find.lex.answering_verbs
        if answered and not own:
            # "weighing a plea from Italy", with "from Italy" hung on the verb
            sources = [
                m
                for c in head.children
                if c.dep_ == "prep" and c.lower_ == "from"
                for m in find.collect(c, link, places=True)
            ]
            own = bool(sources)
        if not own and not _judged(head, find.lex):
            doers = find.subjects(head, link)
            sources = doers + sources
        elif answered:
            # "pondering a plea from Japan": the one who ponders it is the one asked
            targets += find.subjects(head, link)
        # "held talks with X"; "raised tariffs on Chinese goods", where the parser
        # hangs the noun's "on" phrase on the verb (but "talks on Taiwan" is a topic)
        preps = {"with", "between"} | (
            {"on", "against"} if trig.type in {"SANCTION", "RETREAT"} else set()
        )
        if trig.type == "ACCUSE":
            # "opened investigations against 28 officials", "an investigation into
            # Nvidia" with "into" hung on the verb
            preps |= {"against", "into"}
        if trig.mode in {"phone", "visit"} or trig.type in SAID_TO:
            # "made a call to Wang Yi", "issued a rebuke to Spain", "paid a visit to
            # Japan": the parser hangs the noun's "to" on the verb
            preps |= {"to"}
        if trig.type in SAID_TO and slot.dep_ == "dobj":
            # "gave Beijing a blunt warning", "gave Kyiv its backing": the one given it
            targets += [
                m
                for c in head.children
                if c.dep_ == "dative" and c.i < slot.i
                for m in find.collect(c, link)
            ]
        if trig.type in {"SUPPORT", "ACCUSE"} and head.lemma_.lower() in _HEAPING:
            preps |= {"on", "upon"}  # "heaped praise on Jakarta", "poured scorn on"
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ == "to" and trig.type in _JUDGED_BY_OWNER:
                # "gave its backing to Finland's bid to join NATO": whose bid it is
                targets += find.owners_under(child, link) or find.collect(child, link)
            elif child.dep_ == "prep" and child.lower_ in preps:
                found = find.collect(child, link)
                if not found and child.lower_ == "on" and trig.type in {"SANCTION", "RETREAT"}:
                    # "raised tariffs on goods from China", with "from" hung on the verb
                    found = _goods_from(find, child, link, head)
                targets += found
            elif child.dep_ == "prep" and child.lower_ in trig.place_preps:
                targets += find.collect(child, link, places=True)  # "held drills around X"
            elif child.dep_ == "prep" and child.lower_ == "from" and trig.mode == "host":
                targets += named_under(child, link)  # "received a warm welcome from Yang"
    if (
        own
        and trig.type == "SUPPORT"
        and slot.dep_ in OBJ | {"ccomp"}
        and head.lemma_.lower() in find.lex.declaring_verbs
    ):
        # "Merkel pledged Germany's solidarity with Paris": she gives it too
        sources += [m for m in find.subjects(head, link) if find.is_person(m.actor_id)]
    if not targets and trig.type in {"REQUEST", "ACCUSE"}:
        # "reiterated its demand that Israel ease restrictions": the one asked;
        # "warnings that Russia is massing troops": the one charged
        holders = [noun] + ([head] if slot.dep_ in OBJ else [])
        for clause in (c for h in holders for c in h.children):
            if clause.dep_ in {"ccomp", "acl"} and any(
                m.dep_ == "mark" and m.lower_ == "that" for m in clause.children
            ):
                for subj in clause.children:
                    if subj.dep_ in SUBJ:
                        targets += find.collect(subj, link)
    sources += agents
    if trig.type in {"ACCUSE", "SUPPORT"}:
        # "Xi faced criticism from Biden": the critic blames the one who faced it;
        # "won praise from Tokyo": the one who praises
        receiver = _receiver(find, slot)
        critics = [
            m
            # "won praise from Washington", with "from" hung on the verb
            for c in [*noun.children, *(receiver.children if receiver is not None else [])]
            if c.dep_ == "prep" and c.lower_ == "from"
            for g in c.children
            if g.dep_ == "pobj"
            # the one it comes from ("from his host, Joe Biden"), not a place it was made in
            for h in [g, *(x for x in g.children if x.dep_ in {"appos", "conj"})]
            for m in [link.token_to_mention.get(h.i) or split_apposition(h, link)]
            if m is not None
        ]
        if receiver is not None and critics:
            sources = critics
            # "Tokyo's decision drew a sharp rebuke from Seoul": whose decision it is
            targets = find.subjects(receiver, link, raised=True) or [
                m
                for c in receiver.children
                if c.dep_ in SUBJ
                for m in find.owners(c, link, by_adjective=True)
            ]
        elif receiver is not None and not own:
            # "Netanyahu and Erdogan have both faced criticism at home": those who face
            # it are not its critics, and no critic is named
            sources = []
        elif receiver is not None and not targets:
            targets = find.subjects(receiver, link, raised=True)  # "faced Erdogan's criticism"
    if not sources:
        sources = owner_told(find, noun, link)  # "told Beijing not to meddle in its talks"
    owner = next((c.lower_ for c in noun.children if c.dep_ == "poss"), "")
    if not sources and owner == "their":
        sources = _their(find, noun, link)
    elif not sources and owner in {"his", "her"}:
        # "During his trip to Peru, Biden met …": one person, the clause's subject
        sources = [m for m in _their(find, noun, link) if find.is_person(m.actor_id)][:1]
    if (
        not sources
        and trig.type in {"CONSULT", "AGREE"}
        and any(find.is_person(t.actor_id) for t in targets)
    ):
        sources = _speaker(find, noun, link)
    if trig.persons_only:
        sources = [m for m in sources if find.is_person(m.actor_id)]
        targets = [m for m in targets if find.is_person(m.actor_id)]
    if trig.mode == "host" and not own:
        # "received a welcome from Yang": the one named by the noun's phrase is the host
        sources, targets = targets, sources
    if len(doers) >= 2 and not targets and not (trig.symmetric or trig.mutual):
        # "Seoul and Tokyo both blamed weaker exports on slowing demand": the verb's
        # subjects do it side by side, not to each other
        return [], []
    return unique(sources), unique(targets)


# verbs that pile an act on its target: "heaped praise on", "poured scorn on"
_HEAPING = frozenset({"heap", "lavish", "shower", "pile", "pour", "bestow", "level"})
# verbs that carry an act named by their object: "made an appeal", "issued a warning"
_LIGHT_VERBS = _HEAPING | frozenset(
    {"make", "issue", "extend", "deliver", "send", "offer", "give", "lodge", "voice"}
    | {"express", "direct", "address", "pay", "submit", "present", "convey", "file"}
)


def _made_by(
    find: ParticipantFinder, clause: Token, trig: Trigger, link: LinkResult
) -> tuple[list[Linked], list[Linked]] | None:
    """ "the appeal that Obama made to Hu Jintao", "the warning Trump issued to North
    Korea", "the praise that Trump lavished on Xi": a relative clause whose object is
    the noun itself (a relative word or none) names its doer as the clause's subject and
    its addressee in the clause's "to" (or, after a verb that heaps, "on") phrase."""
    if clause.pos_ != "VERB" or trig.type not in SAID_TO:
        return None
    if clause.dep_ != "relcl" and not (
        # "the appeal that Obama made to Hu", parsed as a clause "that" opens
        clause.dep_ == "acl"
        and clause.lemma_.lower() in _LIGHT_VERBS
        and any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)
    ):
        return None
    objects = [c for c in clause.children if c.dep_ in {"dobj", "nsubjpass"}]
    if any(o.lower_ not in THING_RELATIVES for o in objects):
        return None  # "the appeal, which urged Beijing to …": the noun does it
    if not any(c.dep_ == "nsubj" for c in clause.children):
        return None
    doers = [m for c in clause.children if c.dep_ == "nsubj" for m in find.collect(c, link)]
    preps = {"to"} | ({"on", "upon"} if clause.lemma_.lower() in _HEAPING else set())
    if trig.type == "ACCUSE":
        preps |= {"against", "at"}
    addressed = [
        m
        for c in clause.children
        if c.dep_ in {"prep", "dative"} and c.lower_ in preps
        for m in find.collect(c, link)
    ]
    return (doers, addressed) if doers and addressed else None


def _threatened_with(find: ParticipantFinder, verb: Token) -> bool:
    """ "threatened China with tariffs", "urged Japan with …": the threat is the act."""
    trig = find.trigger_for(verb)
    return trig is not None and trig.type in {"THREATEN", "REQUEST"}


def _goods_from(
    find: ParticipantFinder, prep: Token, link: LinkResult, verb: Token | None = None
) -> list[Linked]:
    """ "tariffs on goods from China", "duties on imports from Canada": the state the
    goods come from, as "Chinese goods" is China; else, given the ``verb`` the goods'
    ``prep`` hangs on, its own "from" after them ("raised tariffs on goods from China")."""
    found = _from_phrases(
        find, [p for goods in prep.children if goods.dep_ == "pobj" for p in goods.children], link
    )
    if found or verb is None:
        return found
    return _from_phrases(find, [p for p in verb.children if p.i > prep.i], link)


def _from_phrases(find: ParticipantFinder, tokens: list[Token], link: LinkResult) -> list[Linked]:
    return [
        m
        for p in tokens
        if p.dep_ == "prep" and p.lower_ == "from"
        for m in find.collect(p, link, places=True)
    ]


def _receiver(find: ParticipantFinder, slot: Token) -> Token | None:
    """The verb that receives the criticism ``slot`` stands for: "faced criticism",
    "was met with criticism", "came under criticism"."""
    head = slot.head
    if slot.dep_ == "dobj" and head.lemma_.lower() in find.lex.receiving_verbs:
        return head
    if slot.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ in {"VERB", "AUX"}:
        verb = head.head
        if f"{verb.lemma_.lower()} {head.lower_}" in find.lex.receiving_verbs:
            return verb
    return None


def _delegate(find: ParticipantFinder, slot: Token, link: LinkResult) -> list[Linked]:
    """ "Japan's envoy to the talks with North Korea", "the chief United States
    representative to discussions with China": the one the delegate is sent by."""
    head = slot.head
    if slot.dep_ != "pobj" or head.lower_ not in {"to", "at", "in"} or head.dep_ != "prep":
        return []
    delegate = head.head
    if delegate.lower_ not in find.lex.delegate_nouns:
        return []
    if delegate.i in link.token_to_mention:
        return [link.token_to_mention[delegate.i]]
    return [
        m
        for c in delegate.children
        if c.dep_ in {"poss", "compound", "amod", "nmod"}
        for m in find.collect(c, link, allow_modifier=True)
    ]


def _attending(find: ParticipantFinder, slot: Token) -> Token | None:
    """The verb by which one attends the meeting at ``slot``: "attended Trump's dinner
    with Xi", "will be on hand for Trump's meeting with Xi", "took part in …"."""
    verb = slot.head
    if slot.dep_ == "pobj" and verb.dep_ == "prep" and verb.lower_ in {"for", "at", "in", "on"}:
        verb = verb.head
    elif slot.dep_ not in OBJ:
        return None
    if verb.pos_ not in {"VERB", "AUX"}:
        return None
    lemma = verb.lemma_.lower()
    phrases = {lemma} | {f"{lemma} {c.lower_}" for c in verb.children}
    phrases |= {
        f"{lemma} {p.lower_} {o.lower_}"
        for p in verb.children
        if p.dep_ == "prep"
        for o in p.children
        if o.dep_ == "pobj"
    }
    return verb if phrases & find.lex.attending_verbs else None


def _their(find: ParticipantFinder, noun: Token, link: LinkResult) -> list[Linked]:
    """ "After their meeting in Busan, Trump and Xi sealed a truce": "their" (or "his",
    "her") is the clause's subject, when the noun hangs on its verb through a
    preposition.
    """
    tok = noun
    while tok.dep_ in {"pobj", "prep"} and tok.head.i != tok.i:
        tok = tok.head
    if tok.i != noun.i and tok.pos_ == "NOUN" and tok.dep_ in OBJ:
        tok = tok.head  # "agreed to resume visits during their summit", hung on "visits"
    if tok.i == noun.i or tok.pos_ not in {"VERB", "AUX"}:
        return []
    found = find.subjects(tok, link)
    if not found:
        # "Kim Jong Un's armoured train pulled into Beijing for his first meeting with
        # Xi": the subject's owner
        found = [
            m
            for c in tok.children
            if c.dep_ == "nsubj"
            for p in c.children
            if p.dep_ == "poss"
            for m in find.collect(p, link, allow_modifier=True)
        ]
    return found


def counted(num: Token, trigger_for: Callable[[Token], Trigger | None]) -> Trigger | None:
    """ "held 60 rounds of negotiations, including as many as 20 between Russia and the
    United States": the number stands for the talks it counts, between those it names."""
    if num.pos_ != "NUM" or num.dep_ != "pobj" or num.head.lower_ != "including":
        return None
    if not any(c.dep_ == "prep" and c.lower_ == "between" for c in num.children):
        return None
    nouns = [num.head.head]
    if nouns[0].pos_ in {"VERB", "AUX"}:
        # "undertook 77 negotiations, including 25 between …", hung on the verb
        nouns = [c for c in nouns[0].children if c.dep_ == "dobj"]
    nouns += [g for n in nouns for p in n.children if p.lower_ == "of" for g in p.children]
    for noun in nouns:
        trig = trigger_for(noun)
        if trig is not None and trig.pos == "noun" and trig.type == "CONSULT":
            return trig
    return None


def _blamed_for_its(
    slot: Token, noun: Token, find: ParticipantFinder, link: LinkResult
) -> list[Linked]:
    """ "criticised Beijing for its drills": the one blamed, whose act "its" names."""
    head = slot.head
    if not (
        slot.dep_ == "pobj"
        and head.dep_ == "prep"
        and head.lower_ == "for"
        and head.head.pos_ in {"VERB", "AUX"}
        and any(c.dep_ == "poss" and c.lower_ in {"its", "their"} for c in noun.children)
    ):
        return []
    return [m for o in head.head.children if o.dep_ == "dobj" for m in find.collect(o, link)]


def _sought_for(find: ParticipantFinder, verb: Token, link: LinkResult) -> list[Linked]:
    """ "approached Moscow for talks", "turned to Moscow for negotiation": the one sought
    out is the one talked with; a verb that is an act of its own ("summoned the
    ambassador for talks", "invited Xi for talks") keeps its own reading."""
    if find.trigger_for(verb) is not None:
        return []
    return [
        m
        for c in verb.children
        if c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ == "to" and verb.lemma_ == "turn")
        for m in find.collect(c, link)
    ]


def _speaker(find: ParticipantFinder, noun: Token, link: LinkResult) -> list[Linked]:
    """ "Bessent said the talks with He had been productive": the speaker took part.

    For talks, meetings and agreements only ("the consensus reached with He"):
    one who speaks of a threat or a tariff need not have made it.

    Only for the subject of a clause reported by a verb of saying, and only
    between people: "the ministry said the talks with X …" or "Trump said
    talks with China were going well" names no participant.
    """
    if noun.dep_ not in SUBJ or noun.head.dep_ != "ccomp":
        return []
    verb = noun.head.head
    if verb.lemma_.lower() not in find.lex.speech_verbs:
        return []
    return [m for m in find.subjects(verb, link) if find.is_person(m.actor_id)]


def unsealed(find: ParticipantFinder, talks: Token) -> list[Token]:
    """ "ended two days of talks with no deal", "talks ended without (reaching) an agreement":
    the agreement the talks did not reach (its parties are the talks' parties); "with no
    date set for further talks": the talks not arranged.
    """
    slot = talks
    if talks.dep_ == "pobj" and talks.head.lower_ == "of":
        slot = talks.head.head  # "two days of talks"
    holders = [talks] + ([slot.head] if slot.dep_ in OBJ | SUBJ else [])
    found: list[Token] = []
    for prep in (c for h in holders for c in h.children if c.dep_ == "prep"):
        # "without an agreement", or "without reaching an agreement"
        reached = (
            o
            for g in prep.children
            if g.dep_ == "pcomp" and _agreeing(find.trigger_for(g))
            for o in g.children
        )
        deals = [g for g in prep.children if g.dep_ == "pobj"]
        deals += [c for g in deals if g.dep_ == "pobj" for c in g.conjuncts]
        if prep.lower_ == "without":
            deals += [o for o in reached if o.dep_ == "dobj"]
        for deal in deals:
            no = prep.lower_ == "without" or any(d.lower_ == "no" for d in deal.children)
            if not no or prep.lower_ not in {"with", "without"}:
                continue
            named = find.trigger_for(deal)
            if named is not None and named.type == "AGREE" and named.needs_between:
                found.append(deal)
            elif deal.lower_ == "date":
                found += _dated(find, deal)
    return found


def _dated(find: ParticipantFinder, date: Token) -> list[Token]:
    """ "no date set for further talks (a new round of talks)": the talks the date
    would be for."""
    holders = [date] + ([date.head] if date.dep_ == "conj" else [])  # "no deal and no date"
    objects = [
        o
        for clause in (c for h in holders for c in h.children)
        if clause.dep_ in {"acl", "relcl"}
        for prep in clause.children
        if prep.dep_ == "prep" and prep.lower_ == "for"
        for o in prep.children
        if o.dep_ == "pobj"
    ]
    objects += [
        g
        for o in objects
        if o.lemma_.lower() in find.lex.measure_nouns
        for p in o.children
        if p.lower_ == "of"
        for g in p.children
    ]
    return [o for o in objects if (t := find.trigger_for(o)) is not None and t.type == "CONSULT"]


def _agreeing(trig: Trigger | None) -> bool:
    return trig is not None and trig.type == "AGREE"


def _judged(verb: Token, lex: Lexicon) -> bool:
    """The verb condemns or opposes what its object names ("denounced the arrest of Meng",
    "opposed the expulsion"): the act is another's, not the subject's."""
    word = verb.lemma_.lower()
    found = lex.verbs.get(word)
    return (found is not None and found.type == "ACCUSE") or word in lex.opposing_verbs
