"""Event records: one Event from a trigger and two linked parties, and who the parties were.

``EventRecords`` holds what every kind of event needs to become a record:
the knowledge base, the lexicon, the run's two sides and the participant
finder. ``event`` dates the trigger (``nlp/eventdates.py``), tells a phone
call from a meeting, reads the modality and the place, and fills in each
party as the KB has it on the event's date (``participant``).
``nlp/events.py`` reads triggers; ``nlp/thirdparty.py``,
``nlp/speakers.py`` and ``nlp/rolechanges.py`` build on the same records.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from backchannel.kb import KnowledgeBase
from backchannel.model import Actor, Event, Participant, stable_id
from backchannel.nlp.arrivals import on_the_way
from backchannel.nlp.eventdates import SentenceContext, tenure_date
from backchannel.nlp.groups import group_actor, state_actor
from backchannel.nlp.lexicon import Lexicon, Trigger
from backchannel.nlp.mentions import Linked, LinkResult
from backchannel.nlp.modality import modality_of
from backchannel.nlp.participants import ParticipantFinder


class EventRecords:
    """Makes Event records and the participants in them, as of a date."""

    def __init__(self, kb: KnowledgeBase, lex: Lexicon, sides: tuple[str, str]) -> None:
        self.kb = kb
        self.lex = lex
        self.sides = sides
        self.find = ParticipantFinder(kb, lex)

    def event(
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
        """The Event record of ``trig`` at ``trig_tok`` from ``src`` to ``tgt``, dated and
        with its parties as they stood on that date."""
        event_mode = trig.mode if mode is None else mode
        if trig.type == "CONSULT" and event_mode in {"meet", "negotiate", "host"}:
            low = ctx.span.text.lower()
            if any(cue in low for cue in self.lex.phone_cues) and trig.lemma in {
                "talk",
                "speak",
                "call",
                "conversation",
                "hold",
                "have",
                "exchange",  # "exchanged views by phone"
                "tell",  # "Xi told Biden in a call that …"
                "receive",  # "received a call from Xi"
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
        event_type = trig.type
        if trig.lemma == "protest against" and (
            source.kind == "state" or source.sector == "government"
        ):
            # a government protests in words ("called in a Japanese diplomat to protest
            # against Tokyo's claim"); crowds protest in the street
            event_type, event_mode = "ACCUSE", "criticize"
        if event_mode == "boycott" and source.sector in _NON_STATE_SECTORS:
            # "South Korean consumers boycotted Japanese beer": a crowd's protest; a
            # state's boycott is a sanction
            event_type = "PROTEST"
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
            type=event_type,
            mode=event_mode,
            source=source,
            target=target,
            date=date,
            modality=modality,  # type: ignore[arg-type]
            trigger=trig_tok.text,
            location=self._location(ctx.span, link),
            intensity=self.lex.intensity(event_type, event_mode),
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


def own_state(event: Event) -> bool:
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
