"""Role changes from a parsed, linked sentence: appointments, removals, retirements.

A change verb (``change_verbs`` in ``data/rolechanges.yaml``; "was named",
"resigned", "replaced") whose slots hold linked people, or a change noun
("his resignation", "the appointment of …"), is a RoleChange of each person.
"was named in the report" names no post and "became angry" is no change
(``nlp/rolewords.py``). The role is the one the KB holds that ended (or
began) by the sentence's date; a removal dated no better than a year takes
the date the KB's role ended.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from backchannel.model import ChangeKind, DateInterval, RoleChange, stable_id
from backchannel.nlp.eventdates import SentenceContext
from backchannel.nlp.mentions import Linked, LinkResult
from backchannel.nlp.modality import modality_of
from backchannel.nlp.records import EventRecords
from backchannel.nlp.rolewords import as_time_only, change_verb, holder_slots, names_post


def sentence_changes(
    records: EventRecords, ctx: SentenceContext, link: LinkResult, doc_id: str
) -> Iterator[RoleChange]:
    """The role changes the sentence tells of people: "was named foreign minister",
    "his resignation", one record per person and change."""
    for tok in ctx.span:
        found: list[tuple[Linked, str]] = []
        if tok.pos_ == "NOUN" and (tok.lower_ in records.lex.change_nouns):
            change = records.lex.change_nouns[tok.lower_]
            for child in tok.children:
                if child.dep_ == "poss" or (child.dep_ == "prep" and child.lower_ == "of"):
                    found += [
                        (p, change) for p in records.find.collect(child, link, allow_modifier=True)
                    ]
        elif tok.pos_ in {"VERB", "AUX"} and (entry := change_verb(tok, records.lex.change_verbs)):
            spec = entry[1]
            if spec.needs_role and not names_post(tok, records.lex.role_nouns):
                continue  # "was named in the report", "became angry"
            if as_time_only(tok):
                continue
            incoming: set[str] = set()
            for child, change in holder_slots(tok, spec):
                people = records.find.collect(child, link)
                if child.dep_ == "prep" and change == "appointed":
                    incoming |= {p.actor_id for p in people}
                found += [(p, change) for p in people]
            found = [(p, c) for p, c in found if c == "appointed" or p.actor_id not in incoming]
        seen: set[tuple[str, str]] = set()
        for person, change in found:
            if (person.actor_id, change) in seen or not records.find.is_person(person.actor_id):
                continue
            seen.add((person.actor_id, change))
            yield _role_change(records, ctx, tok, change, person, link, doc_id)  # type: ignore[arg-type]


def _role_change(
    records: EventRecords,
    ctx: SentenceContext,
    tok: Token,
    change: ChangeKind,
    person: Linked,
    link: LinkResult,
    doc_id: str,
) -> RoleChange:
    """The RoleChange record of ``person``, with the KB role that ended (or began) by
    the sentence's date."""
    date = ctx.date
    role_title = ""
    actor = records.kb.actors.get(person.actor_id)
    if actor is not None and actor.roles:
        reference = date.end or date.start
        if change in {"retired", "removed", "died"}:
            ended = [r for r in actor.roles if r.end and (reference is None or r.end <= reference)]
            if ended:
                last = max(ended, key=lambda r: r.end or "")
                role_title = last.title
                if date.precision in {"inferred", "unknown", "era", "year"}:
                    date = DateInterval(last.end, last.end, "inferred", "role end in KB")
        elif change == "appointed":
            started = [
                r for r in actor.roles if r.start and (reference is None or r.start <= reference)
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
        actor=records.participant(person.actor_id, date.start, link),
        change=change,
        role=role_title,
        date=date,
        modality=modality_of(tok, records.lex),
        rule=rule,
    )
