"""Events and role changes from a parsed, linked article.

For each sentence: find trigger words (``data/events.yaml``), collect the
actors that fill the trigger's roles from the dependency parse (subject,
object, "with"/"between"/"by" phrases, possessives, and the subject of the
clause a participle hangs from), pair them, decide the modality, date the
event from the sentence or its paragraph (``nlp/eventdates.py``), and keep the
sentence as evidence. Role changes (``data/rolechanges.yaml``) and named
channels work the same way. Who fills a role is found by
``nlp/participants.py`` (``nlp/eventnouns.py`` for a trigger noun).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from backchannel.kb import KnowledgeBase
from backchannel.model import (
    Actor,
    ChangeKind,
    DateInterval,
    Event,
    Participant,
    RoleChange,
    stable_id,
)
from backchannel.nlp.arrivals import journey, journey_parties, on_the_way
from backchannel.nlp.asks import (
    addressed_appeal,
    appeal_addressees,
    appeal_writers,
    asked_for,
    asked_of,
    demanded_of,
    met_and_agreed,
    nation_of,
    reacted_to,
)
from backchannel.nlp.calls import paid_call
from backchannel.nlp.easing import (
    coercive,
    eased_outright,
    extra_trigger,
    measure_of,
    measure_targets,
    named_firms,
    on_each_other,
    stray_agent,
)
from backchannel.nlp.eventdates import SentenceContext, context_for, sentences, tenure_date
from backchannel.nlp.eventnouns import counted, noun_participants, unsealed
from backchannel.nlp.groups import group_actor, state_actor
from backchannel.nlp.lexicon import Lexicon, Trigger
from backchannel.nlp.mediation import attempted, disputants, mediation_trigger, settled_dispute
from backchannel.nlp.mentions import Linked, LinkResult
from backchannel.nlp.modality import dropped_plan, modality_of, one_plan
from backchannel.nlp.participants import OBJ, SUBJ, ParticipantFinder, unique
from backchannel.nlp.rolewords import as_time_only, change_verb, holder_slots, names_post
from backchannel.nlp.sides import Side, across_countries, one_gathering, without_one_side
from backchannel.nlp.verbal import judgement, rejects_a_charge, reported_wrong

# Verbal acts whose noun, rejected, is what the rejection answers ("rejected the
# accusation", "declined a US request"), not a further event.
_SAID = frozenset({"ACCUSE", "REQUEST", "THREATEN"})
# Categories whose unnamed target, between the run's two sides, is the other side.
_AIMED_AT_THE_OTHER_SIDE = frozenset({"SANCTION", "THREATEN"})
# A call for something: what it asks for is its content, not an event ("called for talks").
_CALLS_FOR = frozenset({"call for", "appeal for"})


class EventExtractor:
    """Turns a linked Doc into Event and RoleChange records."""

    def __init__(self, kb: KnowledgeBase, lex: Lexicon, sides: tuple[str, str]) -> None:
        self.kb = kb
        self.lex = lex
        self.sides = sides
        self.find = ParticipantFinder(kb, lex)
        # country adjectives ("Chinese"), for the one a measure hits
        self.adjectives = kb.adjective_index()

    def extract(
        self, doc: Doc, link: LinkResult, doc_id: str, published: str | None
    ) -> tuple[list[Event], list[RoleChange]]:
        events: list[Event] = []
        changes: list[RoleChange] = []
        reference = published or link.doc_date.start
        reported: set[tuple[str, str, str]] = set()
        # "Wang said Pompeo was lying. He accused him of …": the article's one event
        told: set[tuple[str | None, ...]] = set()
        for ctx in sentences(doc, reference, link.doc_date):
            seen: set[tuple[str, str, str, str]] = set()
            for ev in one_plan(list(self._sentence_events(ctx, link, doc_id)), ctx.span):
                # "have not spoken since their meeting": a pair's negated or denied
                # contact beside the one that happened is another event
                undone = ev.modality if ev.modality in {"negated", "denied"} else ""
                key = (ev.source.actor_id, ev.target.actor_id, ev.type, undone)
                again = (*key, ev.mode, ev.modality, ev.date.start, ev.date.end)
                if key not in seen and again not in told:
                    seen.add(key)
                    told.add(again)
                    events.append(ev)
            for change in self._sentence_changes(ctx, link, doc_id):
                # "removed Qin Gang … Wang Yi was named to replace him": one removal
                known = (change.actor.actor_id, change.change, change.modality)
                if known not in reported:
                    reported.add(known)
                    changes.append(change)
        for span, a, b, label in link.named_channels:
            ctx = context_for(doc, span, reference, link.doc_date)
            events.append(self._channel_event(ctx, span, a, b, label, link, doc_id))
        return events, changes

    # -- events -----------------------------------------------------------

    def _sentence_events(
        self, ctx: SentenceContext, link: LinkResult, doc_id: str
    ) -> Iterator[Event]:
        fired_objects: set[int] = set()
        sides: list[tuple[Side, Side]] = []  # the two sides of each contact named outright
        paired_among: list[Event] = []  # events between those one trigger named together
        for tok in ctx.span:
            if tok.pos_ in {"VERB", "AUX"} and (
                tok.lemma_.lower() in self.lex.obligation_verbs or self._statement_of(tok)
            ):
                yield from self._obligation_events(ctx, tok, link, doc_id)
            if reported_wrong(tok, self.lex):
                yield from self._wrong_events(ctx, tok, link, doc_id)
            mediated = self._mediation_events(ctx, tok, link, doc_id)
            if mediated:
                yield from mediated  # "trying to defuse a row between China and Japan"
                continue
            # the narrower readings first: "called the tariffs irresponsible" is a
            # judgement, "resumed purchases" no resumption of ties
            trig = (
                judgement(tok, self.lex)
                or extra_trigger(tok, self._governing)
                or journey(tok, self.lex, link, self.find.is_person)
                or self.find.trigger_for(tok)
                or counted(tok, self.find.trigger_for)
            )
            if trig is None or tok.i in fired_objects:
                if tok.lower_ in self.lex.intermediary_nouns and tok.i not in link.token_to_mention:
                    # an envoy named by title ("America's top envoy to Beijing") is a post
                    yield from self._intermediary_events(ctx, tok, link, doc_id)
                continue
            if self._is_content(tok):
                continue  # "urged Beijing to lift the ban": the request is the event
            if trig.pos == "noun" and trig.type == "SANCTION" and self._reversed(tok):
                trig = replace(trig, type="RETREAT", mode="ease")
            if trig.pos == "verb":
                trig = paid_call(tok, trig)  # "called on Raimondo at her office"
            if trig.pos == "verb" and trig.thing_type:
                trig = self._thing_reading(tok, trig, link)
            if trig.pos == "verb" and trig.aid_objects and _gives(tok, trig.aid_objects):
                trig = replace(trig, type="AID", mode="")  # "handed over medicine to …"
            trig = coercive(tok, trig)  # an exit ban, expelled journalists
            if trig.pos == "verb":
                found = self.find.verb_participants(tok, trig, link)
                if found is None:
                    continue
                sources, targets, obj = found
                if trig.lemma == "push back" or (
                    trig.type == "ACCUSE" and trig.lemma in self.lex.reacting_verbs
                ):
                    # "reacted angrily to an announcement by Clinton": its author
                    targets = reacted_to(self.find, tok, link, self.adjectives)
                elif trig.lemma in _CALLS_FOR:
                    targets = asked_of(self.find, tok, link)  # "called for talks with X"
                if not targets:
                    targets = met_and_agreed(self.find, tok, trig, link)
                sending = trig.lemma in self.lex.sending_verbs
                if trig.mode == "visit" and (sending or trig.lemma in self.lex.journey_verbs):
                    # "is headed to Peru"; "BEIJING — Kerry arrived here"; "sent Lew to Ottawa"
                    sources, targets = journey_parties(
                        tok, sources, targets, link, self.find.is_person, sending
                    )
                if not sources:
                    sources = stray_agent(tok, trig, link)
                    doers = _ids(sources)
                    targets = [t for t in targets if t.actor_id not in doers]
                if not targets and sources:
                    targets = measure_targets(
                        tok, trig, link, self.adjectives
                    )  # "duties on steel from China"
                if not targets and sources:
                    targets = named_firms(tok, trig, link)  # "added PVH to its list"
                aimed = trig.type in _AIMED_AT_THE_OTHER_SIDE or eased_outright(
                    tok, trig, self._governing
                )
                # the measure eased is no one eased: "suspended the countermeasures"
                eased = trig.type == "RETREAT" and obj is not None
                if not targets and (
                    (aimed and (eased or self._untargeted(tok)))
                    or (trig.type == "REJECT" and rejects_a_charge(tok, self.lex))
                ):
                    # "vowed countermeasures", "rejected the hacking allegations"
                    targets = self._other_sides(ctx, tok, sources, link)
                if obj is not None:
                    fired_objects.add(obj.i)
                    named = self.find.trigger_for(obj)
                    if named is not None and named.type == trig.type == "SANCTION" and named.mode:
                        # "imposed sanctions", "imposed export controls": the object says
                        # which ("signed an agreement" stays a signing)
                        trig = replace(trig, mode=named.mode)
            else:
                if trig.not_preps & {c.lower_ for c in tok.children if c.dep_ == "prep"}:
                    continue  # "his call for dialogue" is an appeal, not a phone call
                obj = None
                sources, targets = noun_participants(self.find, tok, trig, link)
                both = [Linked(tok.i, tok.i + 1, f"state:{s}", "implied") for s in self.sides]
                if (
                    trig.type == "SANCTION"
                    and _ids(sources) <= _ids(both)
                    and not targets
                    and on_each_other(tok)
                ):
                    # "both parties raised tariffs on each other's goods": each side hits
                    # the other (the run's two sides)
                    sources, targets = both, list(both)
                if not sources and trig.type in _SAID:
                    sources = nation_of(tok, self.adjectives)  # "Chinese warnings"
                if addressed_appeal(tok, self.lex) is not None:
                    sources = sources or appeal_writers(self.find, tok, link)  # "said in a letter"
                    targets = unique([*targets, *appeal_addressees(self.find, tok, link)])
                if trig.type == "REQUEST":
                    # "demand for Argentine wheat": goods named by their country are a
                    # market, not the one asked; what a demand asks for may name that one
                    targets = [
                        m for m in targets if not (m.how == "adjective" and m.end > m.start + 1)
                    ]
                    if not targets and sources:
                        targets = demanded_of(tok, link, self.adjectives, self.lex.asked_things)
                elif not targets and sources:
                    targets = measure_targets(tok, trig, link, self.adjectives) or named_firms(
                        tok, trig, link
                    )
                undone = measure_of(tok) if trig.type == "RETREAT" else None
                if undone is not None:
                    fired_objects.add(undone.i)  # "the lifting of tariffs": one easing
            if trig.body_target:
                # "China joined the WTO" is a membership; "Greer joined Bessent" is not
                targets = [t for t in targets if self.find.is_transnational(t.actor_id)]
            if sources and targets and trig.mode != "mediate":
                # a mediator's two are no one side: "mediating talks between X and Y"
                sides.append((_ids(sources), _ids(targets)))
            pairs = list(self.find.pairs(sources, targets, trig))
            # "held a meeting with X and Y", "hosts a summit with X and Y": one of three,
            # where the guests of two countries meet each other too (two of one
            # country are one side: "a call with Bessent and Greer")
            meeting = obj if trig.pos == "verb" else tok
            guests: list[tuple[Linked, Linked]] = []
            if (
                sources
                and meeting is not None
                and one_gathering(meeting, self.find.trigger_for(meeting))
            ):
                guests = list(self.find.pairs(targets, [], trig))
            among: list[Event] = []
            beside = self._beside(tok, trig)
            for src, tgt in pairs + guests:
                event = self._event(ctx, tok, trig, src, tgt, link, doc_id)
                foreign_only = trig.foreign or (src, tgt) in guests
                if _own_state(event) or (foreign_only and not _foreign(event)):
                    continue
                made = [event] + [
                    self._event(ctx, t, also, src, tgt, link, doc_id, modality=modality)
                    for t, also, modality in beside
                ]
                if sources and targets:
                    yield from made
                else:
                    among += made
            paired_among += across_countries(among)
        yield from without_one_side(paired_among, sides)

    def _beside(self, tok: Token, trig: Trigger) -> list[tuple[Token, Trigger, str | None]]:
        """Events the trigger's own sentence tells beside it, between the same parties:
        "ended the talks with no deal" (the agreement not reached), "with no date set for
        further talks" (the talks not arranged), "suspended its plan to impose tariffs"
        (the easing done; the measure itself is negated)."""
        if trig.type == "CONSULT":
            missed = [(t, self.find.trigger_for(t)) for t in unsealed(self.find, tok)]
            return [(t, named, "negated") for t, named in missed if named is not None]
        dropper = dropped_plan(tok, self.lex) if trig.type == "SANCTION" else None
        if dropper is not None:
            easing = replace(trig, lemma=dropper.lemma_.lower(), type="RETREAT", mode="ease")
            return [(dropper, easing, None)]
        return []

    def _governing(self, tok: Token) -> Trigger | None:
        """The trigger of the word ``tok`` hangs on, if any."""
        return None if tok.head.i == tok.i else self.find.trigger_for(tok.head)

    def _thing_reading(self, verb: Token, trig: Trigger, link: LinkResult) -> Trigger:
        """ "welcomed Reagan's statement": approval of a thing, not a host's welcome."""
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if (
            obj is None
            or obj.pos_ != "NOUN"
            or obj.i in link.token_to_mention
            or self.find.trigger_for(obj) is not None
        ):
            return trig
        return replace(trig, type=trig.thing_type, mode="", person_target=False)

    def _statement_of(self, verb: Token) -> Token | None:
        """ "issued a stern reminder to Iraq that it must …": the statement a verb issues."""
        return next(
            (c for c in verb.children if c.dep_ == "dobj" and c.lower_ in self.lex.statement_nouns),
            None,
        )

    def _is_content(self, tok: Token) -> bool:
        """The trigger is (or is the object of) what another trigger asks or threatens."""
        if tok.dep_ in OBJ and tok.head.pos_ in {"VERB", "AUX"}:
            direct = self.find.trigger_for(tok.head)
            if direct is not None and direct.type in self.lex.content_of:
                return True  # "threatening a 100 percent tariff": the threat is the event
            own = self.find.trigger_for(tok) if tok.pos_ == "NOUN" else None
            if direct is not None and direct.type == "REJECT" and own and own.type in _SAID:
                return True  # "rejected Blinken's criticism of …": the rejection is the event
        if tok.dep_ == "pobj" and tok.head.lower_ == "for":
            caller = self.find.trigger_for(tok.head.head)
            if caller is not None and caller.lemma in _CALLS_FOR:
                return any(tok.i == t.i for t in asked_for(tok.head.head))  # "called for talks"
        verb = tok.head if tok.dep_ in OBJ and tok.head.pos_ in {"VERB", "AUX"} else tok
        governor = verb.head
        if verb.dep_ == "pcomp" and governor.dep_ == "prep":
            governor = governor.head  # "warned Washington against supporting …"
        elif verb.dep_ not in {"xcomp", "ccomp"} and not _infinitive_clause(verb):
            return False
        if governor.i == verb.i:
            return False
        governing = self.find.trigger_for(governor)
        if governing is None and verb.dep_ == "ccomp":
            # "reiterated its demand that Israel ease …": what the demand asks
            asked = (self.find.trigger_for(o) for o in governor.children if o.dep_ in OBJ)
            governing = next((t for t in asked if t is not None and t.pos == "noun"), None)
        return governing is not None and governing.type in self.lex.content_of

    def _reversed(self, noun: Token) -> bool:
        """ "cut its tariffs on US goods": the object of a verb that undoes it."""
        return (
            noun.dep_ in OBJ | {"nsubjpass"}
            and noun.head.pos_ in {"VERB", "AUX"}
            and noun.head.lemma_.lower() in self.lex.reversing_verbs
        )

    def _event(
        self,
        ctx: SentenceContext,
        trig_tok: Token,
        trig: Trigger,
        src: Linked,
        tgt: Linked,
        link: LinkResult,
        doc_id: str,
        *,
        mode: str | None = None,
        modality: str | None = None,
        channel_name: str = "",
        rule: str = "",
    ) -> Event:
        event_mode = trig.mode if mode is None else mode
        if trig.type == "CONSULT" and event_mode in {"meet", "negotiate"}:
            low = ctx.span.text.lower()
            if any(cue in low for cue in self.lex.phone_cues) and trig.lemma in {
                "talk",
                "speak",
                "call",
                "conversation",
                "hold",
                "have",
            }:
                event_mode = "phone"
        modality = modality or modality_of(trig_tok, self.lex)
        if modality == "asserted" and trig.mode == "visit" and on_the_way(trig_tok, self.lex):
            modality = "planned"  # "is headed to Japan this weekend"
        date = ctx.date_for(trig_tok, modality)
        if ctx.inherited:
            date = tenure_date(self.kb, src.actor_id, tgt.actor_id, date)
        day = date.start
        source = self.participant(src.actor_id, day, link)
        target = self.participant(tgt.actor_id, day, link)
        rule = rule or f"{self.lex.version}:{trig.pos}:{trig.lemma}"
        confidence = 0.8 if trig.pos == "verb" else 0.7
        if "pronoun" in (src.how, tgt.how):
            confidence -= 0.2
        if date.precision in {"inferred", "unknown"}:
            confidence -= 0.05
        return Event(
            event_id=stable_id(doc_id, ctx.index, trig_tok.i, src.actor_id, tgt.actor_id, rule),
            doc_id=doc_id,
            sentence=ctx.span.text.strip(),
            sentence_index=ctx.index,
            type=trig.type,
            mode=event_mode,
            source=source,
            target=target,
            date=date,
            modality=modality,  # type: ignore[arg-type]
            trigger=trig_tok.text,
            location=self._location(ctx.span, link),
            intensity=self.lex.intensity(trig.type, event_mode),
            confidence=round(confidence, 2),
            rule=rule,
            channel_name=channel_name,
        )

    def _location(self, sent: Span, link: LinkResult) -> str:
        for ent in sent.ents:
            if ent.label_ not in {"GPE", "LOC", "FAC"}:
                continue
            first = sent.doc[ent.start]
            prev = sent.doc[ent.start - 1] if ent.start > 0 else None
            if prev is not None and prev.lower_ in {"the"} and ent.start > 1:
                prev = sent.doc[ent.start - 2]
            if prev is not None and prev.lower_ in {"in", "at"}:
                return ent.text
            if first.dep_ == "pobj" and first.head.lower_ in {"in", "at"}:
                return ent.text
        return ""

    def _intermediary_events(
        self, ctx: SentenceContext, noun: Token, link: LinkResult, doc_id: str
    ) -> Iterator[Event]:
        """ "X has been floated as a potential intermediary": mediation, rarely asserted."""
        head = noun.head
        while head.dep_ in {"prep", "pobj"} and head.head.i != head.i:
            head = head.head
        if change_verb(head, self.lex.change_verbs) is not None:
            return  # "retired as climate envoy", "succeeded him as envoy": a post, not mediation
        people: list[Linked] = []
        if head.pos_ in {"VERB", "AUX"}:
            for child in head.children:
                if child.dep_ in SUBJ:
                    people += [
                        m for m in self.find.collect(child, link) if self.find.is_person(m.actor_id)
                    ]
        trig = Trigger(noun.lower_, "noun", "CONSULT", "third-party")
        modality = modality_of(noun, self.lex)
        if modality == "asserted":
            for tok in itertools.chain([head], head.children, noun.children):
                if tok.lemma_.lower() in self.lex.hypothetical_verbs | {"float"} or (
                    tok.lower_ in self.lex.hypothetical_modifiers
                ):
                    modality = "hypothetical"
        for person in unique(people):
            side = self.participant(person.actor_id, ctx.date.start, link).country
            other = next((s for s in self.sides if s != side), self.sides[1])
            tgt = Linked(noun.i, noun.i + 1, f"state:{other}", "implied")
            yield self._event(
                ctx, noun, trig, person, tgt, link, doc_id, modality=modality, rule="intermediary"
            )

    def _mediation_events(
        self, ctx: SentenceContext, verb: Token, link: LinkResult, doc_id: str
    ) -> list[Event]:
        """A third party settling a dispute between two others meets each (``nlp/mediation.py``)."""
        dispute = settled_dispute(verb, self.lex.dispute_nouns, self.lex.settling_verbs)
        if dispute is None:
            return []
        parties = disputants(self.find, dispute, self.lex.dispute_nouns, link)
        mediators = self.find.subjects(verb, link)
        day = ctx.date.start
        sides = {self.participant(p.actor_id, day, link).country for p in parties}
        if not parties or any(
            self.participant(m.actor_id, day, link).country in sides for m in mediators
        ):
            return []  # "Washington and Beijing eased tensions between them": their own
        trig = mediation_trigger(verb)
        modality = modality_of(attempted(verb), self.lex)
        rule = f"{self.lex.version}:mediation"
        return [
            self._event(ctx, verb, trig, m, p, link, doc_id, modality=modality, rule=rule)
            for m in mediators
            for p in parties
        ]

    def _other_side(self, actor_id: str, day: str | None, link: LinkResult) -> str | None:
        """The run's other side for an actor of one side; None for a third party."""
        side = self.participant(actor_id, day, link).country
        if side not in self.sides:
            return None
        return next((s for s in self.sides if s != side), None)

    def _untargeted(self, verb: Token) -> bool:
        """No one is named as the target, linked or not: no passive subject ("Li, who was
        sanctioned"), no object but the measure itself ("announced export controls")."""
        return not any(
            c.dep_ == "nsubjpass"
            or (c.dep_ in {"dobj", "dative"} and self.find.trigger_for(c) is None)
            for c in verb.children
        )

    def _other_sides(
        self, ctx: SentenceContext, trig_tok: Token, sources: list[Linked], link: LinkResult
    ) -> list[Linked]:
        """ "China announced export controls on rare earths", "Trump threatened new tariffs":
        a sanction or threat by one side that names no target is aimed at the other side."""
        found = []
        for src in sources:
            other = self._other_side(src.actor_id, ctx.date.start, link)
            if other is not None:
                found.append(Linked(trig_tok.i, trig_tok.i + 1, f"state:{other}", "implied"))
        return unique(found)

    def _obligation_events(
        self, ctx: SentenceContext, verb: Token, link: LinkResult, doc_id: str
    ) -> Iterator[Event]:
        """ "Russia said Sudan must return the helicopter": a demand on Sudan."""
        addressed: list[Linked] = []
        for addressee in verb.children:
            if addressee.dep_ in {"dobj", "dative"}:
                addressed += self.find.collect(addressee, link)
        statement = self._statement_of(verb)
        clauses = list(verb.children) + (list(statement.children) if statement else [])
        for clause in clauses:
            # "should" asks only for an act ("should remove"), not a state ("should be partners")
            addressed_act = bool(addressed) and clause.lemma_.lower() != "be"
            modals = self.lex.obligation_modals | (
                self.lex.addressed_modals if addressed_act else frozenset()
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
                    targets += self.find.collect(subj, link)
            trig = Trigger(verb.lemma_.lower(), "verb", "REQUEST", "")
            yield from self._speaker_events(ctx, verb, trig, targets, link, doc_id, "obligation")

    def _wrong_events(
        self, ctx: SentenceContext, clause: Token, link: LinkResult, doc_id: str
    ) -> Iterator[Event]:
        """ "Mao Ning said the United States was bullying Chinese companies": the speaker
        accuses the one said to do wrong."""
        verb = clause.head
        accused: list[Linked] = []
        for subj in clause.children:
            if subj.dep_ in SUBJ:
                accused += self.find.collect(subj, link)
        trig = Trigger(verb.lemma_.lower(), "verb", "ACCUSE", "allege")
        speakers = None
        if verb.pos_ in {"NOUN", "PROPN"}:
            # "Geithner's assertion that …": whose assertion it is
            poss = (c for c in verb.children if c.dep_ == "poss")
            speakers = [m for c in poss for m in self.find.collect(c, link, allow_modifier=True)]
        for event in self._speaker_events(
            ctx, verb, trig, accused, link, doc_id, "reported-wrong", speakers
        ):
            if not _own_state(event):
                yield event

    def _speaker_events(
        self,
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
            speakers = self.find.subjects(verb, link)
        for src, tgt in self.find.pairs(speakers, unique(targets), trig):
            yield self._event(
                ctx,
                verb,
                trig,
                src,
                tgt,
                link,
                doc_id,
                modality=modality_of(verb, self.lex),
                rule=f"{self.lex.version}:{rule}",
            )

    def _channel_event(
        self,
        ctx: SentenceContext,
        span: Span,
        a: str,
        b: str,
        label: str,
        link: LinkResult,
        doc_id: str,
    ) -> Event:
        noun = span[-1]
        trig = Trigger(noun.lower_, "noun", "CONSULT", "channel", symmetric=True)
        src = Linked(span.start, span.start + 1, a, "channel-name")
        tgt = Linked(span.start, span.start + 1, b, "channel-name")
        return self._event(
            ctx,
            noun,
            trig,
            src,
            tgt,
            link,
            doc_id,
            channel_name=label,
            rule=f"{self.lex.version}:named-channel",
        )

    # -- role changes -------------------------------------------------------

    def _sentence_changes(
        self, ctx: SentenceContext, link: LinkResult, doc_id: str
    ) -> Iterator[RoleChange]:
        for tok in ctx.span:
            found: list[tuple[Linked, str]] = []
            if tok.pos_ == "NOUN" and (tok.lower_ in self.lex.change_nouns):
                change = self.lex.change_nouns[tok.lower_]
                for child in tok.children:
                    if child.dep_ == "poss" or (child.dep_ == "prep" and child.lower_ == "of"):
                        found += [
                            (p, change) for p in self.find.collect(child, link, allow_modifier=True)
                        ]
            elif tok.pos_ in {"VERB", "AUX"} and (entry := change_verb(tok, self.lex.change_verbs)):
                spec = entry[1]
                if spec.needs_role and not names_post(tok, self.lex.role_nouns):
                    continue  # "was named in the report", "became angry"
                if as_time_only(tok):
                    continue
                incoming: set[str] = set()
                for child, change in holder_slots(tok, spec):
                    people = self.find.collect(child, link)
                    if child.dep_ == "prep" and change == "appointed":
                        incoming |= {p.actor_id for p in people}
                    found += [(p, change) for p in people]
                found = [(p, c) for p, c in found if c == "appointed" or p.actor_id not in incoming]
            seen: set[tuple[str, str]] = set()
            for person, change in found:
                if (person.actor_id, change) in seen or not self.find.is_person(person.actor_id):
                    continue
                seen.add((person.actor_id, change))
                yield self._change(ctx, tok, change, person, link, doc_id)  # type: ignore[arg-type]

    def _change(
        self,
        ctx: SentenceContext,
        tok: Token,
        change: ChangeKind,
        person: Linked,
        link: LinkResult,
        doc_id: str,
    ) -> RoleChange:
        date = ctx.date
        role_title = ""
        actor = self.kb.actors.get(person.actor_id)
        if actor is not None and actor.roles:
            reference = date.end or date.start
            if change in {"retired", "removed", "died"}:
                ended = [
                    r for r in actor.roles if r.end and (reference is None or r.end <= reference)
                ]
                if ended:
                    last = max(ended, key=lambda r: r.end or "")
                    role_title = last.title
                    if date.precision in {"inferred", "unknown", "era", "year"}:
                        date = DateInterval(last.end, last.end, "inferred", "role end in KB")
            elif change == "appointed":
                started = [
                    r
                    for r in actor.roles
                    if r.start and (reference is None or r.start <= reference)
                ]
                if started:
                    last = max(started, key=lambda r: r.start or "")
                    role_title = last.title
            elif change == "reactivated":
                role_title = actor.roles[-1].title
        rule = f"rolechanges.v1:{tok.lemma_.lower()}"
        return RoleChange(
            change_id=stable_id(doc_id, ctx.index, tok.i, person.actor_id, change, rule),
            doc_id=doc_id,
            sentence=ctx.span.text.strip(),
            sentence_index=ctx.index,
            actor=self.participant(person.actor_id, date.start, link),
            change=change,
            role=role_title,
            date=date,
            modality=modality_of(tok, self.lex),
            rule=rule,
        )

    # -- participants -----------------------------------------------------

    def actor(self, actor_id: str, link: LinkResult) -> Actor:
        if actor_id in self.kb.actors:
            return self.kb.actors[actor_id]
        if actor_id in link.new_actors:
            return link.new_actors[actor_id]
        if actor_id.startswith("group:"):
            return group_actor(actor_id, self.kb)
        if actor_id.startswith("state:"):
            return state_actor(actor_id, self.kb)
        return Actor(actor_id=actor_id, name=actor_id, kind="person", origin="text")

    def participant(self, actor_id: str, day: str | None, link: LinkResult) -> Participant:
        actor = self.actor(actor_id, link)
        if actor.actor_id in self.kb.actors:
            country, sector, role = self.kb.side_on(actor_id, day)
        else:
            first = actor.roles[0] if actor.roles else None
            country = actor.country or (first.country if first else "")
            sector = actor.sector or (first.sector if first else "")
            role = first.title if first else ""
        return Participant(actor_id, actor.name, country, sector, actor.kind, role)


def _gives(verb: Token, things: frozenset[str]) -> bool:
    """The verb's object is one of ``things``, or a measure of one ("700 kg of medicine")."""
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        heads = [obj] + [g for p in obj.children if p.lower_ == "of" for g in p.children]
        if any(h.lemma_.lower() in things or h.lower_ in things for h in heads):
            return True
    return False


def _infinitive_clause(verb: Token) -> bool:
    """ "threatened on Sunday to raise tariffs": an infinitive the parser hung as an
    adverbial clause, after a phrase between it and its verb, is still the complement."""
    return verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _foreign(event: Event) -> bool:
    """The two parties are of two known countries: "Russia and China debated", not two
    candidates of one election."""
    countries = {event.source.country, event.target.country}
    return len(countries) == 2 and "" not in countries


def _ids(found: list[Linked]) -> Side:
    return frozenset(m.actor_id for m in found)


def _own_state(event: Event) -> bool:
    """A party's own state as its target: "invited Liu He to Washington" (the White House).

    There the state is a place or a description, not the other side of the
    event, when the source speaks for that state. A state acting on its own
    people or groups is an event ("Croatia is investigating Croatian
    extremists"), and so is a rebel, opposition or civilian group addressing
    its own state ("the ANC called on Pretoria").
    """
    source, target = event.source, event.target
    return (
        target.actor_id.startswith("state:")
        and not source.actor_id.startswith("state:")
        and source.sector not in _NON_STATE_SECTORS
        and bool(source.country)
        and source.country == target.country
    )


_NON_STATE_SECTORS = frozenset({"rebel", "opposition", "civilian"})
