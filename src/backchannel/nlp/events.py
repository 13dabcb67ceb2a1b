"""Events from a parsed, linked article: trigger words and the actors who fill their roles.

For each sentence: find trigger words (``data/events.yaml``), collect the
actors that fill the trigger's roles from the dependency parse (subject,
object, "with"/"between"/"by" phrases, possessives, and the subject of the
clause a participle hangs from), pair them, decide the modality, date the
event from the sentence or its paragraph (``nlp/eventdates.py``), and keep the
sentence as evidence. Who fills a role is found by ``nlp/participants.py``
(``nlp/eventnouns.py`` for a trigger noun); the record itself is made by
``nlp/records.py``. Events no trigger word names come from
``nlp/speakers.py`` (a demand or a wrong a speaker reports) and
``nlp/thirdparty.py`` (intermediaries, mediation); role changes
(``data/rolechanges.yaml``) from ``nlp/rolechanges.py``; named channels
are read here, beside the sentences.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from backchannel.kb import KnowledgeBase
from backchannel.kb.records import body_key
from backchannel.model import Event, RoleChange
from backchannel.nlp.arrivals import journey, journey_parties
from backchannel.nlp.asks import (
    addressed_appeal,
    appeal_addressees,
    appeal_writers,
    asked_for,
    asked_of,
    demanded_of,
    hoped_of,
    met_and_agreed,
)
from backchannel.nlp.bodies import countries_of, country_of, state_of
from backchannel.nlp.calls import paid_call, paid_visit
from backchannel.nlp.contingent import conditioned_on, refused_parties, threatened_in
from backchannel.nlp.easing import (
    buying_changed,
    coercive,
    country_word,
    eased_outright,
    exempting_verb,
    extra_trigger,
    held_by,
    measure_of,
    measure_targets,
    named_firms,
    on_each_other,
    stray_agent,
)
from backchannel.nlp.eventdates import SentenceContext, context_for, sentences
from backchannel.nlp.eventnouns import counted, noun_participants, unsealed
from backchannel.nlp.exchanges import addressees, readout
from backchannel.nlp.frontiers import (
    faced_frontier,
    forces_left,
    forces_passed,
    forces_struck,
    on_alert,
    passed_places,
    struck_places,
    to_frontier,
)
from backchannel.nlp.giving import aided_places, given, rescue_work
from backchannel.nlp.jointly import JOINT, joint_act
from backchannel.nlp.lexicon import Lexicon, Trigger
from backchannel.nlp.mentions import Linked, LinkResult
from backchannel.nlp.modality import dropped_plan, modality_of, one_plan, trigger_token
from backchannel.nlp.participants import OBJ, of_time, unique
from backchannel.nlp.placed import where_held
from backchannel.nlp.protests import (
    UNREST,
    crowd_control,
    ended_protest,
    gave_in_to_crowd,
    protest_act,
)
from backchannel.nlp.reactions import (
    approval,
    approved_of,
    displeased_with,
    displeasure,
    feeling_subjects,
    nation_of,
    pressed_by,
    pressed_despite,
    reacted_to,
    stood_firm,
    summoned_to,
)
from backchannel.nlp.records import EventRecords, own_state
from backchannel.nlp.repairs import among, no_doer_passive, span_root
from backchannel.nlp.rolechanges import sentence_changes
from backchannel.nlp.sides import Side, across_countries, one_gathering, without_one_side
from backchannel.nlp.speakers import obligation_events, statement_of, wrong_events
from backchannel.nlp.thirdparty import intermediary_events, mediation_events
from backchannel.nlp.verbal import judgement, rejects_a_charge, reported_wrong

# Verbs of beginning and ending whose -ing clause is what they start or stop: asked
# to "stop selling arms", the selling is still only what is asked about.
_ASPECT_VERBS = frozenset({"stop", "cease", "start", "begin", "resume", "continue", "keep", "quit"})
# Verbal acts whose noun, rejected, is what the rejection answers ("rejected the
# accusation", "declined a US request"), not a further event.
_SAID = frozenset({"ACCUSE", "REQUEST", "THREATEN"})
# Contacts and agreements: in one sentence, one event whichever party is named first
_ONE_EITHER_WAY = frozenset({"CONSULT", "AGREE", "COOPERATE"})
# The parts of speech an act is read from: a verb, a noun, or a number
# ("including 25 between …", ``counted``); every trigger rule asks for one of them.
_TRIGGER_POS = frozenset({"VERB", "AUX", "NOUN", "PROPN", "NUM"})
# Where missiles fired past another land: "over Japan", "toward Taiwan", "into waters
# near Taiwan" (with the show-of-force prepositions)
_FIRED_PAST = frozenset({"over", "toward", "towards", "into"})
# Categories whose unnamed target, between the run's two sides, is the other side.
_AIMED_AT_THE_OTHER_SIDE = frozenset({"SANCTION", "THREATEN"})
# A call for something: what it asks for is its content, not an event ("called for talks").
_CALLS_FOR = frozenset({"call for", "appeal for"})

# A trigger's reading, its doers, those it is done to, and a verb's object.
_Parties = tuple[Trigger, list[Linked], list[Linked], Token | None]


# Force on a place's people, whoever it names: curfews, martial law, crowds dispersed,
# the internet or a newspaper shut down
_ON_THE_PEOPLE = frozenset({"curfew", "martial-law", "repress", "restrict"})
# Sectors that speak for a state: their protest is never against their own
_STATE_SECTORS = frozenset({"government", "military", "police", "judiciary", "legislature"})


class EventExtractor(EventRecords):
    """Turns a linked Doc into Event and RoleChange records."""

    def __init__(self, kb: KnowledgeBase, lex: Lexicon, sides: tuple[str, str]) -> None:
        super().__init__(kb, lex, sides)
        # country adjectives ("Chinese"), for the one a measure hits
        self.adjectives = kb.adjective_index()
        self._group_sectors = kb.group_sectors()

    def extract(
        self, doc: Doc, link: LinkResult, doc_id: str, published: str | None
    ) -> tuple[list[Event], list[RoleChange]]:
        """The article's events and role changes, sentence by sentence, each told once."""
        events: list[Event] = []
        changes: list[RoleChange] = []
        reference = published or link.doc_date.start
        reported: set[tuple[str, str, str]] = set()
        # "Wang said Pompeo was lying. He accused him of …": the article's one event
        told: set[tuple[str | None, ...]] = set()
        met: dict[tuple[str, str], tuple[str | None, str | None]] = {}  # pair → its contact's date
        for ctx in sentences(doc, reference, link.doc_date):
            seen: set[tuple[str, str, str, str]] = set()
            found = list(self._sentence_events(ctx, link, doc_id))
            found += self._followed_suit(ctx, link, doc_id, events)
            for ev in one_plan(found, ctx.span):
                if _told_contact(ev, met, ctx.span):
                    continue  # "… met on Friday. The two men discussed Taiwan": that meeting
                # "have not spoken since their meeting": a pair's negated or denied
                # contact beside the one that happened is another event
                undone = ev.modality if ev.modality in {"negated", "denied"} else ""
                pair = (ev.source.actor_id, ev.target.actor_id)
                if ev.type in _ONE_EITHER_WAY:
                    # "Biden and Xi met, the first talks between the two leaders": one
                    # meeting, whichever way the sentence names its two
                    pair = (min(pair), max(pair))
                key = (*pair, ev.type, undone)
                again = (*key, ev.mode, ev.modality, ev.date.start, ev.date.end)
                if key not in seen and again not in told:
                    seen.add(key)
                    told.add(again)
                    events.append(ev)
                    if ev.type == "CONSULT" and ev.modality == "asserted":
                        met.setdefault((min(pair), max(pair)), (ev.date.start, ev.date.end))
            for change in sentence_changes(self, ctx, link, doc_id):
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
        """Every event the sentence tells, token by token: what a speaker says another
        must do or did wrong, mediation, then the trigger words with their parties.

        Events between those one trigger names together ("a meeting with X and Y")
        wait to the end of the sentence: two who are one side of a contact the
        sentence names outright do not meet each other (``nlp/sides.py``).
        """
        fired_objects: set[int] = set()
        sides: list[tuple[Side, Side]] = []  # the two sides of each contact named outright
        paired_among: list[Event] = []  # events between those one trigger named together
        for tok in ctx.span:
            trig = None
            if tok.pos_ in _TRIGGER_POS:  # no rule reads an act from "the", "of" or "soon"
                if tok.pos_ in {"VERB", "AUX"} and (
                    tok.lemma_.lower() in self.lex.obligation_verbs or statement_of(tok, self.lex)
                ):
                    yield from obligation_events(self, ctx, tok, link, doc_id)
                if reported_wrong(tok, self.lex):
                    yield from wrong_events(self, ctx, tok, link, doc_id)
                mediated = mediation_events(self, ctx, tok, link, doc_id)
                if mediated:
                    yield from mediated  # "trying to defuse a row between China and Japan"
                    continue
                trig = self._trigger(tok, link)
            if trig is None or tok.i in fired_objects:
                if tok.lower_ in self.lex.intermediary_nouns and tok.i not in link.token_to_mention:
                    # an envoy named by title ("America's top envoy to Beijing") is a post
                    yield from intermediary_events(self, ctx, tok, link, doc_id)
                continue
            if self._is_content(tok):
                continue  # "urged Beijing to lift the ban": the request is the event
            trig = self._reading(tok, trig, link)
            if trig.pos == "verb":
                found = self._verb_parties(ctx, tok, trig, link, fired_objects)
            else:
                found = self._noun_parties(tok, trig, link, fired_objects)
            if found is None:
                continue
            trig, sources, targets, obj = found
            if trig.body_target:
                # "China joined the WTO" is a membership; "Greer joined Bessent" is not
                targets = [t for t in targets if self.find.is_transnational(t.actor_id)]
            if sources and targets and trig.mode != "mediate":
                # a mediator's two are no one side: "mediating talks between X and Y"
                sides.append((_ids(sources), _ids(targets)))
            among = self._trigger_events(ctx, tok, trig, sources, targets, obj, link, doc_id)
            if sources and targets:
                yield from among
            else:
                paired_among += across_countries(among)
        yield from without_one_side(paired_among, sides)

    def _trigger(self, tok: Token, link: LinkResult) -> Trigger | None:
        """The trigger ``tok`` is, if any; the narrower readings first: "called the tariffs
        irresponsible" is a judgement, "resumed purchases" no resumption of ties."""
        return (
            judgement(tok, self.lex)
            or extra_trigger(tok, self._governing)
            or protest_act(tok, self.lex)  # "held a rally", "went on strike"
            or to_frontier(tok, self.lex)  # "massed troops near the Ukrainian border"
            or struck_places(tok, self.lex, link)  # "struck targets near Damascus"
            or forces_struck(tok, self.lex)  # "Iraqi warplanes struck Iran's oil terminal"
            or on_alert(tok, self.lex)  # "put its forces on alert against …"
            or forces_left(tok, self.lex)  # "the last U.S. troops left Afghanistan"
            or forces_passed(tok, self.lex, link)  # "bombers flew close to British airspace"
            # "extended a credit line to Kyiv", "delivered radars"; "flew supplies to
            # Iran" is aid, not a journey
            or given(tok, self.lex)
            or rescue_work(tok)  # "rescue teams pulled survivors from the rubble in Izmit"
            or journey(tok, self.lex, link, self.find.is_person)
            or self.find.trigger_for(tok)
            or counted(tok, self.find.trigger_for)
            or joint_act(tok)  # "jointly dismantled", "launched a joint sweep"
        )

    def _reading(self, tok: Token, trig: Trigger, link: LinkResult) -> Trigger:
        """The trigger as its own words have it: a sanction undone is an easing, a call
        paid is a visit, a welcome of a thing approval, goods handed over aid."""
        if trig.pos == "noun" and trig.type == "SANCTION" and self._undone_by(tok) is not None:
            trig = replace(trig, type="RETREAT", mode="ease")
        if trig.type == "COOPERATE" and trig.mode == "military":
            # "drills around Taiwan", or "held drills around Taiwan" with the phrase on the verb
            holders = [tok, tok.head] if tok.dep_ in OBJ else [tok]
            near = self.lex.show_of_force_preps & {
                c.lower_ for h in holders for c in h.children if c.dep_ == "prep"
            }
            joint = any(
                (c.dep_ == "amod" and c.lower_ in JOINT)
                or (c.dep_ == "prep" and c.lower_ == "with")
                for c in tok.children
            )
            if near and not joint:  # "drills around Taiwan": a show of force aimed at it
                trig = replace(trig, type="MOBILIZE", mode="", symmetric=False, place_preps=near)
        if trig.pos == "verb" and trig.type == "ASSAULT" and trig.place_preps:
            # "fired missiles over Japan", "into waters near Taiwan": not at it, a show
            # of force aimed at it
            aimed = {
                c.lower_
                for h in (tok, *(c for c in tok.children if c.dep_ == "dobj"))
                for c in h.children
                if c.dep_ == "prep" and not of_time(c)
            }
            near = (self.lex.show_of_force_preps | _FIRED_PAST) & aimed
            if near == {"into"} and _into_a_state(tok, link):
                # "fired two rockets into Israel": it lands there, not near
                trig = replace(trig, place_preps=trig.place_preps | {"into"})
            elif near and not aimed & trig.place_preps:
                trig = replace(trig, type="MOBILIZE", mode="", place_preps=near)
        # "called on Raimondo at her office"; "paid a courtesy call on Wang Yi"
        trig = paid_call(tok, trig) if trig.pos == "verb" else paid_visit(tok, trig)
        if trig.pos == "verb" and trig.thing_type:
            trig = self._thing_reading(tok, trig, link)
        if trig.pos == "verb" and trig.aid_objects and _gives(tok, trig.aid_objects):
            trig = replace(trig, type="AID", mode="")  # "handed over medicine to …"
        if trig.type == "ASSAULT" and _in_words(tok):
            trig = replace(trig, type="ACCUSE", mode="criticize")  # "a verbal attack on"
        if trig.type == "ASSAULT" and crowd_control(tok):
            trig = replace(trig, type="COERCE", mode="repress")  # "fired tear gas at …"
        return coercive(tok, trig)  # an exit ban, expelled journalists

    def _verb_parties(
        self,
        ctx: SentenceContext,
        tok: Token,
        trig: Trigger,
        link: LinkResult,
        fired_objects: set[int],
    ) -> _Parties | None:
        """Who does and who undergoes what a trigger verb tells, and its object (added to
        ``fired_objects``: "imposed sanctions" is one sanction); None when it tells none."""
        if trig.type != "ACCUSE" and self._charged(tok):
            return None  # "accused Kyiv of shelling the plant": a charge, not a shelling told
        if trig.lemma == "rule out" and (
            any(c.dep_ == "neg" for c in tok.children)
            or (tok.dep_ == "xcomp" and tok.head.lemma_.lower() in {"refuse", "decline"})
        ):
            return None  # "did not rule out a visit": the visit may be, no refusal is told
        found = self.find.verb_participants(tok, trig, link)
        if found is None:
            return None
        sources, targets, obj = found
        if trig.symmetric and not sources and not any(c.dep_ == "agent" for c in tok.children):
            # "Kissinger was closeted with Zhou Enlai": with no doer named, the passive's
            # subject does a mutual act with the other
            subject = [t for t in targets if span_root(tok.doc, t).dep_ == "nsubjpass"]
            if subject and len(subject) < len(targets):
                sources = subject
                targets = [t for t in targets if t not in subject]
        if _ids(sources) & _ids(targets) or self._named_states(sources) & self._named_states(
            targets
        ):
            # "Blinken said China was supplying parts, accusing Beijing of …", the
            # participle hung from the reported clause: the one who said it does it
            sources = self._reporter(tok, link) or sources
        if trig.lemma == "push back" or (
            trig.type == "ACCUSE" and trig.lemma in self.lex.reacting_verbs
        ):
            # "reacted angrily to an announcement by Clinton": its author
            targets = reacted_to(self.find, tok, link, self.adjectives)
        elif approval(tok, self.lex) is not None:
            # "expressed support for Argentina's claim": whom it is for
            targets = approved_of(self.find, tok, link, self.adjectives, self.lex)
        elif displeasure(tok, self.lex) is not None:
            # "opposes Tokyo's decision", "expressed dissatisfaction with the US side"
            targets = displeased_with(self.find, tok, link, self.adjectives, self.lex)
            sources = feeling_subjects(self.find, tok, link, self.lex) or sources
        elif readout(tok, self.lex) is not None:
            targets = addressees(self.find, tok, link, self.lex)  # "raised concerns with X"
        elif trig.lemma in _CALLS_FOR:
            targets = asked_of(self.find, tok, link)  # "called for talks with X"
        elif trig.type == "REQUEST" and trig.lemma in self.lex.hoping_verbs:
            targets = self._others_hoped(ctx, sources, hoped_of(tok, link, self.lex), link)
        elif trig.type in {"REJECT", "CONCEDE"} and trig.lemma in self.lex.yielding_verbs:
            targets = pressed_by(self.find, tok, link, self.adjectives)  # "to US threats"
        if trig.type == "REJECT":
            # "refused to retract her remarks on Taiwan despite demands from Beijing"
            targets = pressed_despite(self.find, tok, link, self.adjectives) or targets
        if not targets:
            targets = met_and_agreed(self.find, tok, trig, link)
        sending = trig.lemma in self.lex.sending_verbs
        if trig.mode == "visit" and (sending or trig.lemma in self.lex.journey_verbs):
            # "is headed to Peru"; "BEIJING — Kerry arrived here"; "sent Lew to Ottawa"
            sources, targets = journey_parties(
                tok, sources, targets, link, self.find.is_person, sending
            )
        if not sources:
            # "was summoned to the Chinese foreign ministry": the ministry summoned
            sources = (
                stray_agent(tok, trig, link)
                or summoned_to(self.find, tok, link)
                or held_by(tok, trig, link)  # "the Canadians held by China were released"
            )
            doers = _ids(sources)
            targets = [t for t in targets if t.actor_id not in doers]
        if not sources and targets and trig.type == "COERCE" and no_doer_passive(tok):
            # "Ismayilova was arrested in Baku": held by the state where it was done
            code = where_held(tok.sent, link.mentions, self._state_of, self.adjectives)
            sources = [Linked(tok.i, tok.i + 1, f"state:{code}", "implied")] if code else []
        if not targets and sources:
            targets = measure_targets(
                tok, trig, link, self.adjectives
            )  # "duties on steel from China"
        if not targets and sources:
            targets = named_firms(tok, trig, link)  # "added PVH to its list"
        if not targets and sources and trig.type == "AID":
            # "food to flood victims in Mozambique"
            targets = aided_places(tok, link, anywhere=trig.mode == "rescue")
        if not targets and sources and trig.type in self.lex.content_of:
            # "threatened to impose tariffs on Malaysian palm oil": whom the measure hits
            targets = self._hit_by_content(tok, link)
        if not targets and sources and trig.type == "THREATEN":
            # "warned that Moscow would respond if Washington pressed ahead"
            targets = conditioned_on(self.find, tok, sources, link)
            targets = targets or threatened_in(tok, sources, link)  # "to freeze trade with X"
        if not targets and sources and trig.type == "REJECT":
            # "refused to sign a security pact with the United States"
            targets = refused_parties(self.find, tok, link)
        if not targets and sources and trig.type == "MOBILIZE":
            # "put its air force on high alert along the Indian border", "massed troops
            # and armour along the Armenian border"
            targets = faced_frontier(tok, self.lex, lambda prep: self.find.place_party(prep, link))
            targets = targets or passed_places(tok, link)  # "flew close to British airspace"
        typed = trig.for_object(obj.lemma_.lower(), obj.lower_) if obj is not None else trig
        if (
            obj is not None
            and typed.type in {"COERCE", "RETREAT"}
            and obj.lemma_.lower() in _PEOPLES_MEASURES
            and any(t.lemma_.lower() in _DISASTERS for t in tok.sent)
        ):
            return None  # "lifted the state of emergency declared ahead of Hurricane Irma"
        if not targets and typed.type == "COERCE" and obj is not None:
            party = link.token_to_mention.get(obj.i)  # "dissolved the Cambodia National
            targets = [party] if party is not None else []  # Rescue Party": the party
        if (
            not targets
            and sources
            and (
                typed.type == "PROTEST"
                or (typed.type == "CONCEDE" and ended_protest(tok, self.lex))
                or (typed.type == "RETREAT" and typed.mode == "ceasefire")
            )
        ):
            # "protesters marched through Santiago", "workers walked off the job"; "the
            # union called off its strike" yields to the same, and "ETA declared a
            # ceasefire" stops fighting the same
            targets = self._protested(ctx, tok, sources, link)
        if not targets and sources and typed.type == "CONCEDE" and gave_in_to_crowd(tok):
            # "Ruto withdrew the finance bill, bowing to protests": to the protesters,
            # those whose protest it is ("after Chinese protests"), else the people of
            # the place or the doer's own
            targets = [
                m
                for t in tok.sent
                if t.lower_ in UNREST
                for m in self.find.owners(t, link, by_adjective=True)
            ]
            code = "" if targets else self._held_in(ctx, tok, sources, link)
            people = f"group:{code}:civilian"
            targets = targets or ([Linked(tok.i, tok.i + 1, people, "implied")] if code else [])
        if (
            sources
            and (
                (typed.type == "COERCE" and typed.mode in _ON_THE_PEOPLE)
                # "lifted the curfew in Srinagar", "freed 300 political prisoners"
                or (
                    typed.type == "RETREAT"
                    and not targets
                    and len(countries_of(sources, self.kb)) < 2  # "agreed to swap prisoners"
                    and _eases_people(tok, obj)
                )
            )
            and not any(
                c.dep_ == "prep" and c.lower_ in {"on", "against"} and not of_time(c)
                for c in tok.children
            )
            and all(t.actor_id.startswith("state:") for t in targets)
            and not any(t.lemma_.lower() in _DISASTERS for t in tok.sent)
            and countries_of(targets, self.kb) <= countries_of(sources, self.kb)
        ):
            # "imposed a curfew in Almaty", "dispersed a march in Algiers": force on the
            # people of the place, where it names no one else, and its easing ("cracked down on
            # companies" names its own; in "shut down the internet across Darfur" the
            # doer's own state is where, not whom)
            code = self._held_in(ctx, tok, sources, link)
            people = f"group:{code}:civilian"
            targets = [Linked(tok.i, tok.i + 1, people, "implied")] if code else []
        aimed = trig.type in _AIMED_AT_THE_OTHER_SIDE or eased_outright(tok, trig, self._governing)
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
            # "suspended diplomatic relations": a sanction, as "suspended tariffs" is not
            trig = trig.for_object(obj.lemma_.lower(), obj.lower_)
            named = self.find.trigger_for(obj)
            if named is not None and named.type == trig.type == "SANCTION" and named.mode:
                # "imposed sanctions", "imposed export controls": the object says
                # which ("signed an agreement" stays a signing)
                trig = replace(trig, mode=named.mode)
        came = countries_of(sources, self.kb)  # the states of those who act
        if (
            (
                trig.type == "AGREE"
                or (
                    trig.type == "COOPERATE"
                    and not self._agreed_to(tok)
                    # "to be joined by Italian and German vessels": they join others
                    and not any(c.dep_ == "auxpass" for c in tok.children)
                )
            )
            and not trig.symmetric
            and not targets
            and len(came) > 1
        ):
            # "Moscow and Tbilisi accepted a truce": two countries accepting one thing
            # agree on it with each other; "U.S. and Chinese officials began sharing
            # information": two sharing it share it with each other
            trig = replace(trig, symmetric=True)
        if _reciprocal(tok) and len(came | countries_of(targets, self.kb)) > 1:
            # "Washington and Beijing accused each other of bad faith": each does it to
            # the other
            trig = replace(trig, mutual=True)
        if trig.lemma == "work with" and all(
            self.find.is_person(m.actor_id) for m in (*sources, *targets)
        ):
            # "Kushner worked closely with Cui Tiankai": two people's working
            # relationship, a channel; two states working together cooperate
            trig = replace(trig, type="CONSULT", mode="relationship")
        if (
            trig.mode == "visit"
            and len(came) >= 2
            and not countries_of(targets, self.kb) & came
            and self._for_talks(tok)
        ):
            # "Bessent and He Lifeng travelled to Geneva for trade talks": the place is
            # where two sides meet, no one they visit (the talks are coded)
            targets = []
        if trig.lemma == "hand over" and trig.type == "COOPERATE" and obj is None and targets:
            # "Pakistan handed over the captured Indian pilot": a person or group of
            # another's handed over, no suspect or fugitive named, goes back (a release)
            trig = replace(trig, type="RETREAT", mode="release")
        return trig, sources, targets, obj

    def _protested(
        self, ctx: SentenceContext, tok: Token, sources: list[Linked], link: LinkResult
    ) -> list[Linked]:
        """A demonstration against no one named is against the government where it is
        held, or the protesters' own where the sentence names no place; a government's
        protest is a word to another, never against itself."""
        doers = [self.participant(s.actor_id, ctx.date.start, link) for s in sources]
        if any(d.kind == "state" or d.sector in _STATE_SECTORS for d in doers):
            return []
        code = self._held_in(ctx, tok, sources, link)
        return [Linked(tok.i, tok.i + 1, f"state:{code}", "implied")] if code else []

    def _held_in(
        self, ctx: SentenceContext, tok: Token, sources: list[Linked], link: LinkResult
    ) -> str:
        """The state an act is done in: the one its sentence places it in, else the
        doers' own; "" when neither says one state."""
        # another state named as a doer is no venue here: "Serbia lifted a curfew in
        # Montenegro" eases Montenegro's people
        code = where_held(tok.sent, link.mentions, self._state_of, self.adjectives, False)
        if not code:
            own = {self.participant(s.actor_id, ctx.date.start, link).country for s in sources}
            code = next(iter(own)) if len(own) == 1 else ""
        return code if code in self.kb.states else ""

    def _state_of(self, actor_id: str) -> str:
        return state_of(actor_id, self.kb)

    def _for_talks(self, verb: Token) -> bool:
        """The journey is "for" talks or a meeting: "travelled to Geneva for talks"."""
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "for"):
            for noun in (g for g in prep.children if g.dep_ == "pobj"):
                named = self.find.trigger_for(noun)
                if named is not None and named.type == "CONSULT":
                    return True
        return False

    def _agreed_to(self, verb: Token) -> bool:
        """``verb`` is what an agreement settles: "agreeing to share information" (the
        agreement is the event told)."""
        if verb.dep_ not in {"xcomp", "ccomp"} or verb.head.pos_ not in {"VERB", "AUX"}:
            return False
        agreed = self.find.trigger_for(verb.head)
        return agreed is not None and agreed.type == "AGREE"

    def _charged(self, verb: Token) -> bool:
        """``verb`` is what an accusation charges: "accused Kyiv of shelling the plant",
        "blamed Moscow for attacking the convoy"."""
        prep = verb.head
        if verb.dep_ not in {"pcomp", "pobj"} or prep.lower_ not in {"of", "for"}:
            return False
        judged = self.find.trigger_for(prep.head) if prep.head.pos_ in {"VERB", "AUX"} else None
        return judged is not None and judged.type == "ACCUSE"

    def _others_hoped(
        self, ctx: SentenceContext, sources: list[Linked], hoped: list[Linked], link: LinkResult
    ) -> list[Linked]:
        """Those a hope asks to act ("hopes China will refrain"); none when the hoper's
        own state is among them ("hoped China and the US would work together" is a
        wish for both, not a request)."""
        day = ctx.date.start
        own = {self.participant(s.actor_id, day, link).country for s in sources} - {""}
        if any(self.participant(h.actor_id, day, link).country in own for h in hoped):
            return []
        return hoped

    def _asked_for(self, noun: Token) -> bool:
        """``noun`` is what a request asks for: "a request for a meeting", "calls for talks"."""
        if noun.dep_ != "pobj" or noun.head.lower_ != "for" or noun.head.head.i == noun.head.i:
            return False
        asking = noun.head.head
        if asking.pos_ not in {"NOUN", "PROPN"}:
            return False
        if asking.lemma_.lower() == "call":
            return True
        trig = self.find.trigger_for(asking)
        return trig is not None and trig.type == "REQUEST"

    def _noun_parties(
        self, tok: Token, trig: Trigger, link: LinkResult, fired_objects: set[int]
    ) -> _Parties | None:
        """Who does and who undergoes what a trigger noun tells (the measure a noun of
        easing undoes is added to ``fired_objects``); None when the noun is no event."""
        if trig.not_preps & {
            c.lower_
            for c in tok.children
            if c.dep_ == "prep" and not (_placed_in(c, link) or of_time(c))
        }:
            return None  # "his call for dialogue" is an appeal, not a phone call
        if trig.type == "CONSULT" and self._asked_for(tok):
            return None  # "declined a request for a meeting between …": the request is
        sources, targets = noun_participants(self.find, tok, trig, link)
        if trig.type == "CONSULT" and not sources and not targets:
            sources, targets = self._talks_of_doers(tok, link)
        both = [Linked(tok.i, tok.i + 1, f"state:{s}", "implied") for s in self.sides]
        if (
            trig.type == "SANCTION"
            and _ids(sources) <= _ids(both)
            and not targets
            and on_each_other(tok)
        ):
            # "both countries put duties on each other's exports": each side hits
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
            targets = [m for m in targets if not (m.how == "adjective" and m.end > m.start + 1)]
            if not targets and sources:
                targets = demanded_of(tok, link, self.adjectives, self.lex.asked_things)
        elif not targets and sources:
            targets = (
                measure_targets(tok, trig, link, self.adjectives)
                or named_firms(tok, trig, link)
                or self._exempted(tok, link)
            )
        undone = measure_of(tok) if trig.type == "RETREAT" else None
        if undone is not None:
            fired_objects.add(undone.i)  # "the lifting of tariffs": one easing
        return trig, sources, targets, None

    def _talks_of_doers(self, noun: Token, link: LinkResult) -> tuple[list[Linked], list[Linked]]:
        """ "Biden and Xi agreed …, after four hours of talks": talks that date what two
        people of two states did together were held between those two (the verb's
        joined subjects)."""
        prep = noun.head
        while prep.lower_ == "of" and prep.head.dep_ == "pobj":
            noun, prep = prep.head, prep.head.head  # "after four hours of talks"
        if noun.dep_ != "pobj" or prep.lower_ not in _DATING_PREPS or prep.dep_ != "prep":
            return [], []
        verb = prep.head
        if verb.pos_ not in {"VERB", "AUX"}:
            return [], []
        doers = self.find.subjects(verb, link)
        if len(doers) != 2 or not all(self.find.is_person(d.actor_id) for d in doers):
            return [], []  # two states' talks are their envoys', told apart
        first, second = (self.participant(d.actor_id, None, link).country for d in doers)
        if not first or first == second:
            return [], []  # "Neither Bessent nor Greer met Xi during the trip"
        return [doers[0]], [doers[1]]

    def _followed_suit(
        self, ctx: SentenceContext, link: LinkResult, doc_id: str, told: list[Event]
    ) -> list[Event]:
        """ "Saudi Arabia cut ties with Qatar. The UAE and Bahrain followed suit": each
        new doer does what the sentence before told was done (by its main verb, when it
        told something so), to the same target."""
        verb = next(
            (
                t
                for t in ctx.span
                if t.lemma_.lower() == "follow"
                and any(c.dep_ == "dobj" and c.lower_ == "suit" for c in t.children)
            ),
            None,
        )
        if verb is None:
            return []
        before = [e for e in told if e.sentence_index == ctx.index - 1 and e.modality == "asserted"]
        if ctx.span.start > 0:
            # what the sentence before did by its main verb, not by a clause beside it
            root = ctx.span.doc[ctx.span.start - 1].sent.root
            main = [e for e in before if e.trigger == root.text]
            before = main or before
        doers = self.find.subjects(verb, link)
        found: list[Event] = []
        for doer in doers:
            for ev in before:
                if doer.actor_id in {ev.source.actor_id, ev.target.actor_id}:
                    continue
                trig = Trigger("follow suit", "verb", ev.type, ev.mode)
                target = Linked(verb.i, verb.i + 1, ev.target.actor_id, "implied")
                found.append(
                    self.event(ctx, verb, trig, doer, target, link, doc_id, rule="followed-suit")
                )
        return found

    def _own_state(self, a: Linked, b: Linked, day: str | None, link: LinkResult) -> bool:
        """One of the two is a state and the other one of its own people or groups, or a
        body and one who holds a post in it ("Susan Chira, an editor of The New York Times")."""
        for state, other in ((a, b), (b, a)):
            if state.actor_id.startswith("state:") or self._official_group(state.actor_id):
                # a state's official group too: "the Chinese delegation, led by He Lifeng,
                # met" (but "Biden had breakfast with American business leaders" is a
                # meeting)
                code = state.actor_id.split(":")[1]
                if self.participant(other.actor_id, day, link).country == code:
                    return True
            elif self._holds_post_in(other.actor_id, state.actor_id, day, link):
                return True
        return False

    def _official_group(self, actor_id: str) -> bool:
        """A group that acts for its state: its noun is of government or the forces."""
        if not actor_id.startswith("group:"):
            return False
        noun = actor_id.split(":", 2)[2]
        return self._group_sectors.get(noun) in _OFFICIAL_SECTORS

    def _holds_post_in(self, person: str, body: str, day: str | None, link: LinkResult) -> bool:
        org = self.actor(body, link)
        if org.kind != "organization":
            return False
        names = {body_key(n) for n in (org.name, *org.aliases)}
        actor = self.actor(person, link)
        roles = actor.roles_on(day) if person in self.kb.actors else actor.roles
        return any(r.org and body_key(r.org) in names for r in roles)

    def _trigger_events(
        self,
        ctx: SentenceContext,
        tok: Token,
        trig: Trigger,
        sources: list[Linked],
        targets: list[Linked],
        obj: Token | None,
        link: LinkResult,
        doc_id: str,
    ) -> list[Event]:
        """The events of one trigger: one per pair of its parties, each with the events
        its sentence tells beside it (``_beside``)."""
        pairs = list(self.find.pairs(sources, targets, trig))
        if trig.type == "CONSULT":
            # a state does not meet its own officials: "thanked China for hosting the
            # talks and President Xi Jinping for backing them"
            pairs = [p for p in pairs if not self._own_state(*p, ctx.date.start, link)]
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
        made: list[Event] = []
        beside = self._beside(tok, trig)
        # "scrapped its tariffs": the easing is as real as the verb that undoes the
        # measure, which would otherwise negate it as it negates "scrapped the talks"
        undone = self._undone_by(tok) if trig.pos == "noun" and trig.type == "RETREAT" else None
        modality = modality_of(undone, self.lex) if undone is not None else None
        for src, tgt in pairs + guests:
            event = self.event(ctx, tok, trig, src, tgt, link, doc_id, modality=modality)
            foreign_only = trig.foreign or (src, tgt) in guests
            if own_state(event) or (foreign_only and not _foreign(event)):
                continue
            made += [event] + [
                self.event(ctx, t, also, src, tgt, link, doc_id, modality=modality)
                for t, also, modality in beside
            ]
        return made

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

    def _is_content(self, tok: Token) -> bool:
        """The trigger is (or is the object of) what another trigger asks or threatens."""
        if stood_firm(tok, self.lex) is not None:
            return False  # "vowed never to yield to …": the refusal is the act
        if tok.dep_ in OBJ and tok.head.pos_ in {"VERB", "AUX"}:
            direct = self.find.trigger_for(tok.head)
            if direct is not None and direct.type in self.lex.content_of:
                return True  # "threatening a 100 percent tariff": the threat is the event
            own = self.find.trigger_for(tok) if tok.pos_ == "NOUN" else None
            if direct is not None and direct.type == "REJECT" and own and own.type in _SAID:
                return True  # "rejected Blinken's criticism of …": the rejection is the event
            if own is not None and tok.head.lemma_.lower() in _TOPIC_VERBS and _unowned(tok):
                return True  # "the two men discussed export controls": a topic, no new act
        if tok.dep_ == "pobj" and tok.head.lower_ == "for":
            caller = self.find.trigger_for(tok.head.head)
            if caller is not None and caller.lemma in _CALLS_FOR:
                return any(tok.i == t.i for t in asked_for(tok.head.head))  # "called for talks"
        verb = tok.head if tok.dep_ in OBJ and tok.head.pos_ in {"VERB", "AUX"} else tok
        while verb.dep_ == "conj" and verb.head.i < verb.i and verb.tag_ == "VB":
            verb = verb.head  # "urged Washington to stop … and to lift its sanctions"
        governor = verb.head
        if verb.dep_ == "pcomp" and governor.dep_ == "prep":
            governor = governor.head  # "warned Washington against supporting …"
        elif verb.dep_ not in {"xcomp", "ccomp"} and not _infinitive_clause(verb):
            return False
        if governor.i == verb.i:
            return False
        if (
            verb.dep_ == "xcomp"
            and governor.lemma_.lower() in _ASPECT_VERBS
            and governor.dep_ == "xcomp"
            and governor.head.i != governor.i
        ):
            governor = governor.head  # "called on Washington to stop selling arms to Taiwan"
        governing = self.find.trigger_for(governor)
        if governing is None and verb.dep_ == "ccomp":
            # "reiterated its demand that Israel ease …": what the demand asks
            asked = (self.find.trigger_for(o) for o in governor.children if o.dep_ in OBJ)
            governing = next((t for t in asked if t is not None and t.pos == "noun"), None)
        return governing is not None and governing.type in self.lex.content_of

    def _exempted(self, noun: Token, link: LinkResult) -> list[Linked]:
        """ "exempted Chinese smartphones from the tariffs": those whose goods are spared."""
        verb = self._undone_by(noun)
        if verb is None or noun.head.lower_ != "from":
            return []
        return [
            m
            for thing in verb.children
            if thing.dep_ == "dobj"
            for w in thing.subtree
            if (m := link.token_to_mention.get(w.i) or country_word(w, self.adjectives))
        ]

    def _undone_by(self, noun: Token) -> Token | None:
        """The verb that undoes the measure ``noun`` names: "cut its tariffs on US goods";
        "exempted smartphones from the tariffs on Chinese goods"."""
        verb = noun.head
        if noun.dep_ == "pobj" and verb.lower_ == "from":
            return exempting_verb(verb, self.lex.exempting_verbs)
        reversing = among(verb, self.lex.reversing_verbs)
        if noun.dep_ not in OBJ | {"nsubjpass"} or not reversing:
            return None
        return verb if verb.pos_ in {"VERB", "AUX"} else None

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

    def _named_states(self, found: list[Linked]) -> frozenset[str]:
        """The countries of the states and groups among ``found`` ("state:CHN", "group:CHN:…")."""
        return frozenset(
            country_of(m.actor_id, self.kb)
            for m in found
            if m.actor_id.startswith(("state:", "group:"))
        )

    def _reporter(self, verb: Token, link: LinkResult) -> list[Linked]:
        """The subject of the verb of saying a participle ``verb`` hangs under, through
        the reported clause: "Blinken said China was supplying …, accusing Beijing"."""
        if verb.dep_ != "advcl" or verb.tag_ != "VBG":
            return []
        head = verb.head
        while head.dep_ in {"ccomp", "conj", "advcl"} and head.head.i != head.i:
            head = head.head
            if head.lemma_.lower() in self.lex.speech_verbs:
                return self.find.subjects(head, link)
        return []

    def _hit_by_content(self, verb: Token, link: LinkResult) -> list[Linked]:
        """The ones a measure threatened or asked for would hit, read from the measure's
        own phrase: "threatened to halt purchases of Malaysian palm oil"."""
        for clause in (c for c in verb.children if c.dep_ == "xcomp"):
            # the trigger the clause has on its own (governed, ``resumed_buying`` gives none)
            named = self.find.trigger_for(clause) or buying_changed(clause)
            if named is not None:
                found = measure_targets(clause, named, link, self.adjectives)
                if found:
                    return found
        return []

    def _other_sides(
        self, ctx: SentenceContext, trig_tok: Token, sources: list[Linked], link: LinkResult
    ) -> list[Linked]:
        """ "China announced export controls on rare earths", "Trump threatened new tariffs":
        a sanction or threat by one side that names no target is aimed at the other side.
        Sources of two states act together ("Abe and Li agreed to work toward easing
        tension"): none of them is aimed at a side the text does not name."""
        countries = {self.participant(s.actor_id, ctx.date.start, link).country for s in sources}
        if len(countries) > 1:
            return []
        found = []
        for src in sources:
            other = self._other_side(src.actor_id, ctx.date.start, link)
            if other is not None:
                found.append(Linked(trig_tok.i, trig_tok.i + 1, f"state:{other}", "implied"))
        return unique(found)

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
        """ "the Sullivan-Wang channel": a standing contact between the two it names."""
        noun = span[-1]
        trig = Trigger(noun.lower_, "noun", "CONSULT", "channel", symmetric=True)
        src = Linked(span.start, span.start + 1, a, "channel-name")
        tgt = Linked(span.start, span.start + 1, b, "channel-name")
        return self.event(
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


def _gives(verb: Token, things: frozenset[str]) -> bool:
    """The verb's object is one of ``things``, or a measure of one ("700 kg of medicine")."""
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        heads = [obj] + [g for p in obj.children if p.lower_ == "of" for g in p.children]
        if any(h.lemma_.lower() in things or h.lower_ in things for h in heads):
            return True
    return False


# Common nouns of the places drills and exercises are held in
_PLACE_NOUNS = frozenset({"water", "sea", "area", "region", "strait", "gulf", "ocean", "zone"})


def _placed_in(prep: Token, link: LinkResult) -> bool:
    """ "a drill in the Gulf of Aden", "an exercise in waters off Hainan": where it
    is held, not what it is ("an exercise in futility")."""
    return prep.lower_ == "in" and any(
        o.dep_ == "pobj"
        and (o.pos_ == "PROPN" or o.i in link.token_to_mention or o.lemma_.lower() in _PLACE_NOUNS)
        for o in prep.children
    )


# Prepositions by which a contact dates what its two did: "agreed …, after talks"
_DATING_PREPS = frozenset({"after", "following", "during"})

# Verbs that tell what two said at a contact: after the contact is told, no new one
_TALKING = frozenset({"discuss", "talk"})


def _told_contact(
    ev: Event, met: dict[tuple[str, str], tuple[str | None, str | None]], sent: Span
) -> bool:
    """An asserted talk between a pair whose contact the article told before, in a
    sentence that gives no day of its own for the talk, or that contact's: what was
    said there."""
    if (
        ev.type != "CONSULT"
        or ev.modality != "asserted"
        or ev.rule.rsplit(":", 1)[-1] not in _TALKING
    ):
        return False
    a, b = ev.source.actor_id, ev.target.actor_id
    when = met.get((min(a, b), max(a, b)))
    if when is None:
        return False
    if when == (ev.date.start, ev.date.end) or ev.date.precision != "day":
        return True  # the same day, or a month or year that dates what was talked of
    return not _dated_itself(sent, ev.trigger)


def _dated_itself(sent: Span, trigger: str) -> bool:
    """A date in the sentence hangs on the trigger verb itself ("talked again on
    Thursday"), not on something it tells of ("discussed a meeting in November")."""
    verb = trigger_token(sent, trigger)
    if verb is None:
        return False
    for ent in (e for e in sent.ents if e.label_ == "DATE"):
        tok = ent.root
        while tok.head.i != tok.i and tok.pos_ not in {"VERB", "AUX"}:
            tok = tok.head
        if tok.i == verb.i:
            return True
    return False


# Verbs whose object is what is talked about, never an act between the talkers
_TOPIC_VERBS = frozenset({"discuss", "debate"})


def _unowned(noun: Token) -> bool:
    """A noun that names no party of its own: "export controls", not "a meeting between
    Biden and Xi" nor "US sanctions on China"."""
    return not any(c.dep_ in {"prep", "poss"} for c in noun.children) and not any(
        t.ent_type_ in {"GPE", "NORP", "ORG", "PERSON"} for c in noun.lefts for t in c.subtree
    )


def _into_a_state(verb: Token, link: LinkResult) -> bool:
    """ "fired rockets into Israel": "into" with a state's own name after it (not "into
    waters near Taiwan")."""
    return any(
        p.dep_ == "prep"
        and p.lower_ == "into"
        and any(
            o.dep_ == "pobj"
            and (m := link.token_to_mention.get(o.i)) is not None
            and m.actor_id.startswith("state:")
            for o in p.children
        )
        for h in (verb, *(c for c in verb.children if c.dep_ == "dobj"))
        for p in h.children
    )


def _infinitive_clause(verb: Token) -> bool:
    """ "threatened on Sunday to raise tariffs": an infinitive the parser hung as an
    adverbial clause, after a phrase between it and its verb, is still the complement."""
    return verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _foreign(event: Event) -> bool:
    """The two parties are of two known countries: "Russia and China debated", not two
    candidates of one election."""
    countries = {event.source.country, event.target.country}
    return len(countries) == 2 and "" not in countries


_EACH_OTHER = frozenset({("each", "other"), ("one", "another")})


# The sectors of groups that act for their state ("officials", "delegation", "troops")
_OFFICIAL_SECTORS = frozenset({"government", "military", "legislature"})


def _reciprocal(verb: Token) -> bool:
    """The verb's object is "each other" or "one another", or "the other" after a
    subject of "each" ("each side blamed the other")."""
    objects = [c for c in verb.children if c.dep_ in {"dobj", "dative"}] + [
        g for p in verb.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pobj"
    ]
    objects += [g for o in objects for g in o.children if g.dep_ == "poss"]  # "each other's"
    for obj in objects:
        words = (obj.doc[obj.i - 1].lower_, obj.lower_) if obj.i else ("", obj.lower_)
        if words in _EACH_OTHER or (obj.lower_, obj.doc[obj.i + 1 : obj.i + 2].text) == (
            "one",
            "another",
        ):
            return True
        if obj.lower_ == "other" and any(
            s.dep_ in {"nsubj", "nsubjpass"} and any(d.lower_ == "each" for d in s.children)
            for s in verb.children
        ):
            return True
    return False


# Words that make an attack one of words: "launched a blistering verbal attack on"
_OF_WORDS = frozenset({"verbal", "rhetorical", "personal", "scathing", "withering", "written"})


def _in_words(tok: Token) -> bool:
    """An attack said to be of words, the trigger noun or the verb's object."""
    nouns = [tok, *(c for c in tok.children if c.dep_ == "dobj")]
    return any(c.dep_ == "amod" and c.lower_ in _OF_WORDS for n in nouns for c in n.children)


# A curfew or an emergency for a disaster is no force on a people, nor its end easing
_DISASTERS = frozenset(
    {"typhoon", "hurricane", "cyclone", "storm", "earthquake", "quake", "flood", "tsunami"}
    | {"wildfire", "bushfire", "eruption", "volcano", "landslide", "blizzard", "heatwave"}
)
# What is eased for a place's people: a curfew, martial law, a state of emergency; and
# the people freed, named by no country ("released 300 political prisoners")
_PEOPLES_MEASURES = frozenset(
    {"curfew", "curfews", "emergency", "law", "lockdown", "state", "rule", "blackout"}
    | {"internet"}
)
_HELD_PEOPLE = frozenset(
    {"prisoner", "prisoners", "detainee", "detainees", "activist", "activists", "dissident"}
    | {"dissidents", "protester", "protesters", "demonstrators", "inmates", "hostages"}
    | {"people", "convicts", "opponents"}
)


def _eases_people(verb: Token, obj: Token | None) -> bool:
    """What ``verb`` eases or releases is the people's: a curfew, or people held
    (the verb's object, or the people its count stands for: "dozens of activists")."""
    if obj is not None:
        word = obj.lemma_.lower()
        if word == "state":  # "lifted the state of emergency", not "the state"
            return any(g.lower_ == "emergency" for p in obj.children for g in p.children)
        if word in {"rule", "law"}:  # "ended emergency rule", "lifted martial law"
            return any(c.lower_ in {"emergency", "martial", "military"} for c in obj.children)
        if word in _PEOPLES_MEASURES or any(c.lower_ == "internet" for c in obj.children):
            return True  # "restored mobile internet access"
    held = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    held += [g for c in held for p in c.children if p.lower_ == "of" for g in p.children]
    return any(h.lower_ in _HELD_PEOPLE for h in held)


def _ids(found: list[Linked]) -> Side:
    return frozenset(m.actor_id for m in found)
