"""Events and role changes from a parsed, linked article.

For each sentence: find trigger words (``data/events.yaml``), collect the
actors that fill the trigger's roles from the dependency parse (subject,
object, "with"/"between"/"by" phrases, possessives, and the subject of the
clause a participle hangs from), pair them, decide the modality, date the
event from the sentence or its paragraph, and keep the sentence as evidence.
Role changes (``data/rolechanges.yaml``) and named channels work the same way.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from backchannel.kb import TRANSNATIONAL, KnowledgeBase
from backchannel.model import (
    Actor,
    ChangeKind,
    DateInterval,
    Event,
    Participant,
    RoleChange,
    stable_id,
)
from backchannel.nlp.dates import DateMention, sentence_dates
from backchannel.nlp.lexicon import Lexicon, Trigger
from backchannel.nlp.link import group_actor, state_actor
from backchannel.nlp.mentions import Linked, LinkResult
from backchannel.nlp.modality import modality_of

_SUBJ = frozenset({"nsubj", "nsubjpass", "csubj"})
_OBJ = frozenset({"dobj", "dative", "obj", "attr", "oprd"})
_PARTICIPANT_DEPS = frozenset(
    {"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "ROOT", "dative", "attr", "npadvmod"}
)
_LOCATION_PREPS = frozenset({"in", "at", "near", "during", "from", "inside", "outside"})
# Prepositions whose object is the cause, topic or time, never a party: "sanctioned
# Pelosi over her visit to Taiwan", "met Xi after his trip to Japan".
_NOT_PARTY_PREPS = _LOCATION_PREPS | frozenset(
    {
        "over",
        "about",
        "regarding",
        "concerning",
        "amid",
        "despite",
        "after",
        "before",
        "since",
        "aboard",
        "via",
    }
)
_MAX_PAIRS = 6
# Verbs whose target may sit in the clause they govern ("offered to send aid to X").
_COMMITTING = frozenset({"AGREE", "REQUEST", "THREATEN"})
_TO_WHOM = frozenset({"to", "on", "against", "for"})
# Verbs that judge or answer something owned: "condemned Israel's raid" targets Israel
# (but "met at the prime minister's office" is not a meeting with the prime minister).
_OWNER_TARGET = frozenset({"ACCUSE", "REJECT", "SUPPORT", "SANCTION", "THREATEN", "PROTEST"})


_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "quarter": 3, "year": 4, "era": 5}


@dataclass(frozen=True, slots=True)
class SentenceContext:
    """A sentence, the dates it states, and the date it falls back to."""

    index: int
    span: Span
    date: DateInterval  # the sentence's own best date, else the paragraph's, else the article's
    dates: tuple[DateMention, ...] = ()
    inherited: bool = False  # True when ``date`` is the article's date, not the text's

    def date_for(self, token: Token) -> DateInterval:
        """The date expression nearest the trigger: "met on Monday … exists today"."""
        if not self.dates:
            return self.date
        at = token.idx - self.span.start_char
        return min(
            self.dates,
            key=lambda m: (
                0 if m.start <= at < m.end else min(abs(m.start - at), abs(m.end - at)),
                _PRECISION_RANK.get(m.interval.precision, 9),
            ),
        ).interval


class EventExtractor:
    """Turns a linked Doc into Event and RoleChange records."""

    def __init__(self, kb: KnowledgeBase, lex: Lexicon, sides: tuple[str, str]) -> None:
        self.kb = kb
        self.lex = lex
        self.sides = sides
        # "Ambassador to China", "envoy to the US": the state completes a title
        self._offices = frozenset(g.noun.casefold() for g in kb.groups if g.office)

    def extract(
        self, doc: Doc, link: LinkResult, doc_id: str, published: str | None
    ) -> tuple[list[Event], list[RoleChange]]:
        events: list[Event] = []
        changes: list[RoleChange] = []
        reference = published or link.doc_date.start
        for ctx in self._sentences(doc, reference, link.doc_date):
            seen: set[tuple[str, str, str]] = set()
            for ev in self._sentence_events(ctx, link, doc_id):
                key = (ev.source.actor_id, ev.target.actor_id, ev.type)
                if key not in seen:
                    seen.add(key)
                    events.append(ev)
            changes.extend(self._sentence_changes(ctx, link, doc_id))
        for span, a, b, label in link.named_channels:
            ctx = self._context_for(doc, span, reference, link.doc_date)
            events.append(self._channel_event(ctx, span, a, b, label, link, doc_id))
        return events, changes

    # -- sentences and their dates -----------------------------------------

    def _sentences(
        self, doc: Doc, reference: str | None, doc_date: DateInterval
    ) -> Iterator[SentenceContext]:
        paragraph_date: DateInterval | None = None
        last_paragraph = -1
        for index, sent in enumerate(doc.sents):
            paragraph = doc.text.count("\n\n", 0, sent.start_char)
            if paragraph != last_paragraph:
                paragraph_date, last_paragraph = None, paragraph
            own = sentence_dates(sent.text, reference, context=paragraph_date)
            if own:
                best = min(own, key=lambda m: _PRECISION_RANK.get(m.interval.precision, 9))
                paragraph_date = best.interval
                yield SentenceContext(index, sent, best.interval, tuple(own))
            elif paragraph_date is not None:
                yield SentenceContext(index, sent, paragraph_date)
            else:
                yield SentenceContext(index, sent, doc_date, inherited=True)

    def _context_for(
        self, doc: Doc, span: Span, reference: str | None, doc_date: DateInterval
    ) -> SentenceContext:
        for ctx in self._sentences(doc, reference, doc_date):
            if ctx.span.start <= span.start < ctx.span.end:
                return ctx
        return SentenceContext(0, span.sent, doc_date)

    # -- events -----------------------------------------------------------

    def _trigger_for(self, tok: Token) -> Trigger | None:
        lemma = tok.lemma_.lower()
        if tok.pos_ in {"VERB", "AUX"}:
            for child in tok.children:
                # a phrasal verb ("call on", "turn down") wins over the bare verb
                if child.dep_ in {"prt", "prep"}:
                    phrasal = self.lex.verbs.get(f"{lemma} {child.lower_}")
                    if phrasal is not None:
                        return phrasal
            if lemma in self.lex.verbs:
                return self.lex.verbs[lemma]
        if tok.pos_ in {"NOUN", "PROPN"}:
            return self.lex.nouns.get(tok.lower_) or self.lex.nouns.get(lemma)
        return None

    def _sentence_events(
        self, ctx: SentenceContext, link: LinkResult, doc_id: str
    ) -> Iterator[Event]:
        fired_objects: set[int] = set()
        for tok in ctx.span:
            if tok.pos_ in {"VERB", "AUX"} and tok.lemma_.lower() in self.lex.obligation_verbs:
                yield from self._obligation_events(ctx, tok, link, doc_id)
            trig = self._trigger_for(tok)
            if trig is None or tok.i in fired_objects:
                if tok.lower_ in self.lex.intermediary_nouns:
                    yield from self._intermediary_events(ctx, tok, link, doc_id)
                continue
            if self._is_content(tok):
                continue  # "urged Beijing to lift the ban": the request is the event
            if trig.pos == "noun" and trig.type == "SANCTION" and self._reversed(tok):
                trig = replace(trig, type="RETREAT", mode="ease")
            if trig.pos == "verb":
                found = self._verb_participants(tok, trig, link)
                if found is None:
                    continue
                sources, targets, obj = found
                if obj is not None:
                    fired_objects.add(obj.i)
                    named = self._trigger_for(obj)
                    if named is not None and named.type == trig.type and named.mode:
                        # "imposed sanctions", "imposed export controls": the object says which
                        trig = replace(trig, mode=named.mode)
            else:
                if trig.not_preps & {c.lower_ for c in tok.children if c.dep_ == "prep"}:
                    continue  # "his call for dialogue" is an appeal, not a phone call
                sources, targets = self._noun_participants(tok, trig, link)
            for src, tgt in self._pairs(sources, targets, trig):
                yield self._event(ctx, tok, trig, src, tgt, link, doc_id)

    def _is_content(self, tok: Token) -> bool:
        """The trigger is (or is the object of) what another trigger asks or threatens."""
        if tok.dep_ in _OBJ and tok.head.pos_ in {"VERB", "AUX"}:
            direct = self._trigger_for(tok.head)
            if direct is not None and direct.type in self.lex.content_of:
                return True  # "threatening a 100 percent tariff": the threat is the event
        verb = tok.head if tok.dep_ in _OBJ and tok.head.pos_ in {"VERB", "AUX"} else tok
        governor = verb.head
        if verb.dep_ == "pcomp" and governor.dep_ == "prep":
            governor = governor.head  # "warned Washington against supporting …"
        elif verb.dep_ not in {"xcomp", "ccomp"}:
            return False
        if governor.i == verb.i:
            return False
        governing = self._trigger_for(governor)
        return governing is not None and governing.type in self.lex.content_of

    def _reversed(self, noun: Token) -> bool:
        """ "cut its tariffs on US goods": the object of a verb that undoes it."""
        return (
            noun.dep_ in _OBJ | {"nsubjpass"}
            and noun.head.pos_ in {"VERB", "AUX"}
            and noun.head.lemma_.lower() in self.lex.reversing_verbs
        )

    def _verb_participants(
        self, verb: Token, trig: Trigger, link: LinkResult
    ) -> tuple[list[Linked], list[Linked], Token | None] | None:
        preps = {c.lower_ for c in verb.children if c.dep_ in {"prep", "prt", "agent"}}
        if trig.not_preps & preps:
            return None
        if trig.no_complement and any(c.dep_ in {"oprd", "attr", "xcomp"} for c in verb.children):
            return None  # "called Xi a dictator"
        if trig.no_complement and sum(c.dep_ in {"dobj", "dative"} for c in verb.children) > 1:
            return None
        if trig.preps and not (trig.preps & preps) and not trig.symmetric:
            return None
        obj: Token | None = None
        if trig.objects:
            obj = None
            for c in verb.children:
                if c.dep_ not in _OBJ | {"nsubjpass"}:
                    continue
                # "signed the deal", or "signed the first stage of a trade deal"
                heads = [c] + [
                    g
                    for p in c.children
                    if p.dep_ == "prep" and p.lower_ == "of"
                    for g in p.children
                ]
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
            if obj is None and not (
                trig.or_clause
                and any(c.dep_ == "xcomp" for c in verb.children)
                and not any(c.dep_ == "dobj" for c in verb.children)
            ):
                return None  # "offered condolences" is no commitment; "offered to help" is
        sources = self._subjects(verb, link)
        targets: list[Linked] = []
        for child in verb.children:
            is_object = child.dep_ in _OBJ and (obj is None or child.i != obj.i)
            owners: list[Linked] = []
            if is_object and trig.type in _OWNER_TARGET and child.i not in link.token_to_mention:
                # "condemned Israel's raid", "backed Putin's position on Ukraine",
                # "criticized the US arms sale": whose it is, not what it is about
                for owner in child.children:
                    if owner.dep_ in {"poss", "compound"}:
                        owners += self._collect(owner, link, allow_modifier=True)
            if (is_object and not trig.topic_object) or (
                child.dep_ == "prep" and child.lower_ not in _NOT_PARTY_PREPS
            ):
                found = self._collect(child, link)
                direct = [m for m in found if not _under_prep(_span_root(verb.doc, m), child)]
                targets += found if direct or not owners else owners
        if obj is not None:
            for child in obj.children:
                if child.dep_ == "prep" and child.lower_ not in _NOT_PARTY_PREPS:
                    targets += self._collect(child, link)
        if not targets and trig.type == "REQUEST":
            # "China demanded that the United States cancel the sale": the one asked
            for clause in verb.children:
                if clause.dep_ == "ccomp":
                    for subj in clause.children:
                        if subj.dep_ in _SUBJ:
                            targets += self._collect(subj, link)
        if (
            not targets
            and trig.type in _COMMITTING
            and not trig.symmetric
            and not any(c.dep_ in {"dobj", "dative"} for c in verb.children)
        ):
            # "offered to hand over the suspects to Britain": the one the promise is for
            for clause in verb.children:
                if clause.dep_ != "xcomp":
                    continue
                if trig.type == "AGREE" and self._trigger_for(clause) is not None:
                    continue  # "offered to meet X": the meeting is the event, planned
                for child in clause.children:
                    if child.dep_ in _OBJ or (
                        child.dep_ in {"prep", "dative"} and child.lower_ in _TO_WHOM
                    ):
                        targets += self._collect(child, link)
        if trig.persons_only:
            # "Xi told Blinken that …": two people talked; "told reporters", "told CNN" is no event
            sources = [m for m in sources if self._is_person(m.actor_id)]
            targets = [m for m in targets if self._is_person(m.actor_id)]
            if any(c.dep_ == "ccomp" and self._demands(c) for c in verb.children):
                return None  # "told Trump that the United States should …" is the demand
        if trig.person_target:
            targets = [t for t in targets if not t.actor_id.startswith("state:")]
            if not targets and not (trig.symmetric and len(sources) > 1):
                return None
        return sources, _unique(targets), obj

    def _subjects(self, verb: Token, link: LinkResult, raised: bool = False) -> list[Linked]:
        """Who does it: the subject, the passive agent, or the subject of the governing verb.

        ``raised`` is set when climbing from an infinitive ("Trump is expected
        to meet"): there the passive subject of the governing verb is the doer.
        """
        found: list[Linked] = []
        for child in verb.children:
            if (
                child.dep_ in _SUBJ and (child.dep_ != "nsubjpass" or raised)
            ) or child.dep_ == "agent":
                found += self._collect(child, link)
        if not found and verb.dep_ == "pcomp" and verb.head.head.i != verb.head.i:
            # "responded by threatening tariffs": the one who responded threatens
            return self._subjects(verb.head.head, link)
        if (
            not found
            and verb.dep_ in {"xcomp", "advcl", "conj", "acl", "acomp"}
            and verb.head.i != verb.i
        ):
            head = verb.head
            if verb.dep_ == "acl" and head.i in link.token_to_mention:
                return [link.token_to_mention[head.i]]
            if verb.dep_ == "xcomp":
                objs = [c for c in head.children if c.dep_ in _OBJ]
                for o in objs:
                    found += self._collect(o, link)
                if objs and not found:
                    return []  # "invited him to visit": the doer is "him", not the inviter
            if not found:
                found = self._subjects(head, link, raised=verb.dep_ == "xcomp")
        return _unique(found)

    def _noun_participants(
        self, noun: Token, trig: Trigger, link: LinkResult
    ) -> tuple[list[Linked], list[Linked]]:
        sources: list[Linked] = []
        targets: list[Linked] = []
        for child in noun.children:
            if child.dep_ == "poss" or child.dep_ in {"compound", "nmod", "amod"}:
                found = self._collect(child, link, allow_modifier=True)
                if child.dep_ != "poss":
                    # "the ASEAN summit", "the IMF and World Bank meetings": the forum
                    found = [m for m in found if not self._is_transnational(m.actor_id)]
                sources += found
            elif child.dep_ == "prep" and child.lower_ in {"between", "among"}:
                sources += self._collect(child, link)
            elif child.dep_ == "prep" and child.lower_ not in _NOT_PARTY_PREPS:
                targets += self._collect(child, link)
            elif child.dep_ in {"acl", "relcl"}:
                # "the rapport developed between X and Y"
                for grand in child.children:
                    if grand.dep_ == "prep" and grand.lower_ in {"between", "among"}:
                        sources += self._collect(grand, link)
                    elif grand.dep_ in {"prep", "agent"} and grand.lower_ in {"with", "by"}:
                        targets += self._collect(grand, link)
        head = noun.head
        own = bool(sources)  # "a Trump visit", "Bessent's meeting": the noun names its party
        if (
            noun.dep_ == "pobj"
            and head.dep_ == "prep"
            and head.lower_ in {"for", "to", "into"}
            and head.head.pos_ in {"VERB", "AUX"}
            and not own
        ):
            # "led a delegation to Beijing for talks with Liu": the verb's subject talks
            sources = self._subjects(head.head, link) + sources
        if noun.dep_ in _OBJ and head.pos_ in {"VERB", "AUX"}:
            if not own:
                sources = self._subjects(head, link) + sources
            # "held talks with X"; "raised tariffs on Chinese goods", where the parser
            # hangs the noun's "on" phrase on the verb (but "talks on Taiwan" is a topic)
            preps = {"with", "between"} | (
                {"on", "against"} if trig.type in {"SANCTION", "RETREAT"} else set()
            )
            for child in head.children:
                if child.dep_ == "prep" and child.lower_ in preps:
                    targets += self._collect(child, link)
        if trig.persons_only:
            sources = [m for m in sources if self._is_person(m.actor_id)]
            targets = [m for m in targets if self._is_person(m.actor_id)]
        return _unique(sources), _unique(targets)

    def _pairs(
        self, sources: list[Linked], targets: list[Linked], trig: Trigger
    ) -> Iterable[tuple[Linked, Linked]]:
        if sources and targets:
            pairs = [(s, t) for s in sources for t in targets if s.actor_id != t.actor_id]
        elif (trig.symmetric or trig.pos == "noun") and len(sources) >= 2:
            pairs = list(itertools.combinations(sources, 2))
        elif trig.pos == "noun" and len(targets) >= 2 and trig.symmetric:
            pairs = list(itertools.combinations(targets, 2))
        else:
            pairs = []
        if trig.needs_between and not targets:
            pairs = [p for p in pairs if p[0].how not in {"group", "coordinated"}]
        return [(s, t) for s, t in pairs if s.actor_id != t.actor_id][:_MAX_PAIRS]

    def _collect(self, root: Token, link: LinkResult, allow_modifier: bool = False) -> list[Linked]:
        """Actors heading noun phrases under ``root`` (not mere modifiers like "Nvidia's")."""
        found: list[Linked] = []
        for tok in root.subtree:
            m = link.token_to_mention.get(tok.i)
            if m is None or any(f is m for f in found):
                continue
            head = _span_root(tok.doc, m)
            if _is_place(head, m) or _in_dateline(head):
                continue  # "in Beijing", "BUSAN, South Korea —": a place, not a participant
            if _behind_preposition(head, root):
                continue  # "spoke with reporters about China", "according to the White House"
            if self._is_state_or_body(m.actor_id) and (
                _of_modifier(head) or self._title_complement(head)
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
                and self._is_person(m.actor_id)
            ):
                found.append(m)  # the small parser's "with both Trump and Chinese officials"
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
        date = ctx.date_for(trig_tok)
        if ctx.inherited:
            date = self._tenure_date(src.actor_id, tgt.actor_id, date)
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
            modality=modality or modality_of(trig_tok, self.lex),  # type: ignore[arg-type]
            trigger=trig_tok.text,
            location=self._location(ctx.span, link),
            intensity=self.lex.intensity(trig.type, event_mode),
            confidence=round(confidence, 2),
            rule=rule,
            channel_name=channel_name,
        )

    def _tenure_date(self, a_id: str, b_id: str, date: DateInterval) -> DateInterval:
        """An undated contact between two former officials happened while both served.

        "The rapport between Lighthizer and Liu He" in a 2025 article is not a
        2025 contact: when the text gives no date and either person was out of
        office when the article was written, the contact is dated to the
        overlap of their government tenures (if there is one).
        """
        if date.start is None:
            return date
        spans = []
        for actor_id in (a_id, b_id):
            actor = self.kb.actors.get(actor_id)
            if actor is None or actor.kind != "person":
                return date
            gov = [r for r in actor.roles if r.sector in {"government", "military", "party"}]
            if not gov:
                return date
            spans.append(gov)
        if all(any(r.holds_on(date.start) for r in roles) for roles in spans):
            return date
        best: tuple[str, str] | None = None
        for ra in spans[0]:
            for rb in spans[1]:
                start = max(ra.start or "0000-01-01", rb.start or "0000-01-01")
                end = min(ra.end or date.start, rb.end or date.start)
                if start <= end and end <= date.start and (best is None or end > best[1]):
                    best = (start, end)
        if best is None:
            return date
        return DateInterval(best[0], best[1], "inferred", "both in office")

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
        people: list[Linked] = []
        if head.pos_ in {"VERB", "AUX"}:
            for child in head.children:
                if child.dep_ in _SUBJ:
                    people += [m for m in self._collect(child, link) if self._is_person(m.actor_id)]
        trig = Trigger(noun.lower_, "noun", "CONSULT", "third-party")
        modality = modality_of(noun, self.lex)
        if modality == "asserted":
            for tok in itertools.chain([head], head.children, noun.children):
                if tok.lemma_.lower() in self.lex.hypothetical_verbs | {"float"} or (
                    tok.lower_ in self.lex.hypothetical_modifiers
                ):
                    modality = "hypothetical"
        for person in _unique(people):
            side = self.participant(person.actor_id, ctx.date.start, link).country
            other = next((s for s in self.sides if s != side), self.sides[1])
            tgt = Linked(noun.i, noun.i + 1, f"state:{other}", "implied")
            yield self._event(
                ctx, noun, trig, person, tgt, link, doc_id, modality=modality, rule="intermediary"
            )

    def _demands(self, clause: Token) -> bool:
        """The clause says someone must or should act (what ``_obligation_events`` codes)."""
        modals = self.lex.obligation_modals | self.lex.addressed_modals
        return clause.lemma_.lower() != "be" and any(
            c.dep_ == "aux" and c.lower_ in modals for c in clause.children
        )

    def _obligation_events(
        self, ctx: SentenceContext, verb: Token, link: LinkResult, doc_id: str
    ) -> Iterator[Event]:
        """ "Russia said Sudan must return the helicopter": a demand on Sudan."""
        addressed: list[Linked] = []
        for addressee in verb.children:
            if addressee.dep_ in {"dobj", "dative"}:
                addressed += self._collect(addressee, link)
        for clause in verb.children:
            # "should" asks only for an act ("should remove"), not a state ("should be partners")
            addressed_act = bool(addressed) and clause.lemma_.lower() != "be"
            modals = self.lex.obligation_modals | (
                self.lex.addressed_modals if addressed_act else frozenset()
            )
            if clause.dep_ != "ccomp" or not any(
                c.dep_ == "aux" and c.lower_ in modals for c in clause.children
            ):
                continue
            # "Xi told Trump that the United States should …": the demand is made to
            # the one addressed; else to the one who must act
            targets: list[Linked] = list(addressed)
            for subj in clause.children if not targets else ():
                if subj.dep_ in _SUBJ:
                    targets += self._collect(subj, link)
            trig = Trigger(verb.lemma_.lower(), "verb", "REQUEST", "")
            for src, tgt in self._pairs(self._subjects(verb, link), _unique(targets), trig):
                yield self._event(
                    ctx,
                    verb,
                    trig,
                    src,
                    tgt,
                    link,
                    doc_id,
                    modality=modality_of(verb, self.lex),
                    rule=f"{self.lex.version}:obligation",
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
            lemma = tok.lemma_.lower()
            people: list[Linked] = []
            change: str | None = None
            if tok.pos_ == "NOUN" and (tok.lower_ in self.lex.change_nouns):
                change = self.lex.change_nouns[tok.lower_]
                for child in tok.children:
                    if child.dep_ == "poss" or (child.dep_ == "prep" and child.lower_ == "of"):
                        people += self._collect(child, link, allow_modifier=True)
            elif tok.pos_ in {"VERB", "AUX"} and lemma in self.lex.change_verbs:
                change, intransitive, _needs_role = self.lex.change_verbs[lemma]
                for child in tok.children:
                    if (
                        child.dep_ == "nsubjpass"
                        or child.dep_ in _OBJ
                        or (intransitive and child.dep_ == "nsubj")
                    ):
                        people += self._collect(child, link)
            if change is None:
                continue
            for person in _unique(people):
                if not self._is_person(person.actor_id):
                    continue
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

    def _is_transnational(self, actor_id: str) -> bool:
        actor = self.kb.actors.get(actor_id)
        return actor is not None and actor.country in TRANSNATIONAL

    def _is_state_or_body(self, actor_id: str) -> bool:
        actor = self.kb.actors.get(actor_id)
        return actor_id.startswith("state:") or (actor is not None and actor.kind == "organization")

    def _is_person(self, actor_id: str) -> bool:
        if actor_id.startswith("new:"):
            return True
        actor = self.kb.actors.get(actor_id)
        return actor is not None and actor.kind == "person"


_CLAUSES = frozenset({"relcl", "acl", "advcl", "ccomp", "parataxis", "pcomp"})
_MEMBERSHIP = frozenset({"include", "comprise", "join", "lead", "accompany"})


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


def _under_prep(tok: Token, root: Token) -> bool:
    """``tok`` hangs from a prepositional phrase inside ``root``'s phrase."""
    while tok.i != root.i and tok.head.i != tok.i:
        if tok.dep_ == "prep":
            return True
        tok = tok.head
    return False


def _behind_preposition(tok: Token, root: Token) -> bool:
    """``tok`` sits in a phrase that names a topic, a cause or a source, not a party.

    Below ``root``: a preposition of topic, cause or time ("reporters about
    China", "her visit to Taiwan" under "over"), or "according to".
    """
    while tok.i != root.i and tok.head.i != tok.i:
        if tok.dep_ == "prep" and (
            tok.lower_ in _NOT_PARTY_PREPS or tok.head.lower_ == "according"
        ):
            return True
        tok = tok.head
    return False


def _of_modifier(tok: Token) -> bool:
    """A noun in "<person or title> of <it>" ("President Xi of China", "leader of China")."""
    if tok.dep_ != "pobj" or tok.head.lower_ != "of":
        return False
    owner = tok.head.head
    return owner.pos_ == "PROPN" or owner.lower_ in {"leader", "leaders", "president", "presidents"}


def _in_dateline(tok: Token) -> bool:
    """A place named in a dateline ("BUSAN, South Korea — …") before the first dash."""
    sent = tok.sent
    for t in sent[: min(len(sent), 10)]:
        if t.text in {"—", "–", "--"}:
            return tok.i < t.i
    return False


def _is_place(head: Token, m: Linked) -> bool:
    """A state or office named under "in"/"at" (directly, in apposition or as the owner
    of the place: "at Rosenbad, the Swedish prime minister's office") is where, not who."""
    if not m.actor_id.startswith(("state:", "group:")):
        return head.dep_ == "pobj" and head.head.lower_ in _LOCATION_PREPS
    tok = head
    for _ in range(4):
        if tok.dep_ == "pobj":
            return tok.head.lower_ in _LOCATION_PREPS
        if tok.dep_ not in {"appos", "conj", "compound", "npadvmod", "poss"} or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _span_root(doc: Doc, m: Linked) -> Token:
    span = doc[m.start : m.end]
    return span.root


def _unique(mentions: Iterable[Linked]) -> list[Linked]:
    seen: set[str] = set()
    out: list[Linked] = []
    for m in mentions:
        if m.actor_id not in seen:
            seen.add(m.actor_id)
            out.append(m)
    return out
