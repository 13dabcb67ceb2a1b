"""Which words of a sentence say that someone took or left a post, and who.

A role-change verb (``data/rolechanges.yaml``) names its person in one of a
few places: the passive subject ("was removed"), the object ("Xi removed
Qin"), or the subject of an intransitive verb ("Wang retired"). Succession
verbs name two people: "Qin was replaced by Wang" removes Qin and appoints
Wang, "Dong succeeded Li" appoints Dong and says nothing new about Li (who may
have left months before). A verb entry's ``holders`` lists where its person
stands when that differs from the default, and ``incoming`` where a successor
stands. A key of two words is a phrasal verb ("step down", "take office",
"take over"): it wins over the bare verb, as in ``data/events.yaml``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Token

from backchannel.nlp.repairs import OBJ


@dataclass(frozen=True, slots=True)
class ChangeVerb:
    """One role-change verb from ``data/rolechanges.yaml``."""

    change: str
    intransitive: bool = False
    needs_role: bool = False
    holders: tuple[str, ...] = ()  # where the person stands, if not the default places
    incoming: tuple[str, ...] = ()  # where a successor stands ("by Wang", "with Li")


# Dependents that may complete a phrasal key: the particle ("step down"), a
# preposition ("take over from"), or the object ("take office"); the parser
# takes some particles for adverbs ("stepped down").
_PHRASAL_DEPS = frozenset({"prt", "prep", "dobj", "advmod"})


def change_verb(tok: Token, verbs: dict[str, ChangeVerb]) -> tuple[str, ChangeVerb] | None:
    """The entry for a verb token, a phrasal one first, with the key that matched."""
    lemma = tok.lemma_.lower()
    for child in tok.children:
        if child.dep_ in _PHRASAL_DEPS:
            key = f"{lemma} {child.lemma_.lower()}"
            if key in verbs:
                return key, verbs[key]
    if lemma in verbs:
        return lemma, verbs[lemma]
    # the lemmatizer does not know every prefixed verb ("reappointed" → "reappointe")
    form = tok.lower_
    for stem in (form[:-2], form[:-1]) if form.endswith("ed") else ():
        if stem in verbs:
            return stem, verbs[stem]
    return None


def _stands_in(child: Token, places: tuple[str, ...]) -> bool:
    """``child`` is one of ``places``: a dependency label, or a preposition's word."""
    if child.dep_ in places:
        return True
    return child.dep_ == "prep" and child.lower_ in places


def holder_slots(verb: Token, spec: ChangeVerb) -> Iterator[tuple[Token, str]]:
    """The dependents of ``verb`` that name people, each with the change it makes to them.

    A successor's phrase may lie inside the outgoing one's; the caller lets the
    appointment win for a person found in both.
    """
    for child in verb.children:
        if spec.holders:
            own = _stands_in(child, spec.holders)
        else:
            own = (
                child.dep_ == "nsubjpass"
                or child.dep_ in OBJ
                or (spec.intransitive and child.dep_ == "nsubj")
            )
        if own:
            yield child, spec.change
            # "replaced Liu Kun with Lan Fo'an" can hang the successor on the object
            yield from ((g, "appointed") for g in child.children if _leads_in(g, spec.incoming))
        elif spec.incoming and _stands_in(child, spec.incoming):
            yield child, "appointed"
        elif spec.incoming and child.dep_ == "prep" and child.lower_ == "as":
            # "was replaced as foreign minister by Wang": the parse hangs "by" on the post
            for post in child.children:
                yield from ((g, "appointed") for g in post.children if _leads_in(g, spec.incoming))


def _leads_in(prep: Token, places: tuple[str, ...]) -> bool:
    """A preposition that names a successor: one listed, or "by" for the passive agent."""
    if prep.dep_ != "prep":
        return False
    return prep.lower_ in places or (prep.lower_ == "by" and "agent" in places)


# Clauses that use a role change as a point in time: "have not met since Rubio
# took office". With a date of its own the change is news again ("since Li
# became defence minister in March").
_TIME_MARKS = frozenset({"since", "until", "till", "before"})


def as_time_only(verb: Token) -> bool:
    """The verb heads an undated "since …" or "before …" clause: a time, not a change."""
    if verb.dep_ != "advcl":
        return False
    if not any(c.dep_ == "mark" and c.lower_ in _TIME_MARKS for c in verb.children):
        return False
    return not any(t.ent_type_ == "DATE" for t in verb.subtree)


def names_post(verb: Token, role_nouns: frozenset[str]) -> bool:
    """The verb's complement is a post ("named head of …", "became defence minister").

    An infinitive counts as well ("was named to replace him").
    """
    for child in verb.children:
        if child.dep_ == "xcomp":
            return True
        posts = [child] if child.dep_ in {"attr", "oprd"} else []
        if child.dep_ == "prep" and child.lower_ in {"as", "to"}:  # "promoted to general"
            posts = [g for g in child.children if g.dep_ == "pobj"]
        if child.dep_ == "dobj":  # "took up his post as ambassador"
            posts = [g for p in child.children if p.lower_ == "as" for g in p.children]
        if any(t.lemma_.lower() in role_nouns for p in posts for t in p.subtree):
            return True
    return False
