"""A ministry named without its country is the one of the two sides that has it.

News about two governments writes "the commerce ministry said" or "the
Treasury sanctioned" once the country is clear. Among the KB bodies of the
run's two sides (the KB's ``dyad``), the one whose name, without its country
word, is "Commerce Ministry" (or "Treasury") is meant, when exactly one side
has such a body; otherwise the phrase stays unlinked.
"""

from __future__ import annotations

from spacy.tokens import Doc

from backchannel.errors import KnowledgeBaseError
from backchannel.kb import KnowledgeBase
from backchannel.nlp.mentions import Linked

_BODY_NOUNS = frozenset({"ministry", "treasury"})
_SPELLINGS = {"defence": "defense"}


def bare_bodies(kb: KnowledgeBase) -> dict[str, str]:
    """ "commerce ministry" → the one body of the two sides called so; ambiguous names left out."""
    try:
        sides = kb.default_sides()
    except KnowledgeBaseError:
        return {}
    found: dict[str, set[str]] = {}
    for actor in kb.own_actors.values():
        if actor.kind != "organization" or actor.country not in sides:
            continue
        state = kb.states.get(actor.country)
        country_words = {w.casefold() for w in (state.names if state else ())}
        country_words |= {w.casefold() for w in (state.adjectives if state else ())}
        country_words |= {f"{w}'s" for w in country_words}
        for form in (actor.name, *actor.aliases):
            words = [_norm(w) for w in form.split()]
            while words and words[0] in country_words:
                words = words[1:]
            if 1 <= len(words) <= 2 and words[-1] in _BODY_NOUNS:
                found.setdefault(" ".join(words), set()).add(actor.actor_id)
    return {key: next(iter(ids)) for key, ids in found.items() if len(ids) == 1}


def link_bare_bodies(doc: Doc, mentions: dict[int, Linked], bodies: dict[str, str]) -> None:
    """Link "the commerce ministry", "the Treasury" (right after "the") to its body.

    Not "China's commerce ministry" (linked by its country) nor "the Treasury
    secretary" (a title, linked as one).
    """
    covered = {i for m in mentions.values() for i in range(m.start, m.end)}
    for tok in doc[1:]:
        after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if tok.lower_ not in _BODY_NOUNS or tok.i in covered:
            continue
        if after is not None and after.pos_ in {"NOUN", "PROPN"}:
            continue
        for start in (tok.i, tok.i - 1):
            if start < 1 or doc[start - 1].lower_ != "the" or start in covered:
                continue
            key = " ".join(_norm(t.text) for t in doc[start : tok.i + 1])
            actor_id = bodies.get(key)
            if actor_id is not None:
                mentions[start] = Linked(start, tok.i + 1, actor_id, "body")
                break


def _norm(word: str) -> str:
    low = word.casefold()
    return _SPELLINGS.get(low, low)
