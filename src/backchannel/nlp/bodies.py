"""A ministry named without its country is the one of the two sides that has it.

News about two governments writes "the commerce ministry said" once the
country is clear. Among the KB bodies of the run's two sides (the KB's
``dyad``), the one whose name, without its country word, is "Commerce
Ministry" is meant, when exactly one side has such a body; otherwise the
phrase stays unlinked.
"""

from __future__ import annotations

from spacy.tokens import Doc

from backchannel.errors import KnowledgeBaseError
from backchannel.kb import KnowledgeBase
from backchannel.nlp.mentions import Linked

_BODY_NOUNS = frozenset({"ministry"})
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
            if len(words) == 2 and words[1] in _BODY_NOUNS:
                found.setdefault(" ".join(words), set()).add(actor.actor_id)
    return {key: next(iter(ids)) for key, ids in found.items() if len(ids) == 1}


def link_bare_bodies(doc: Doc, mentions: dict[int, Linked], bodies: dict[str, str]) -> None:
    """Link "the commerce ministry" (after "the", with nothing else before it) to its body."""
    covered = {i for m in mentions.values() for i in range(m.start, m.end)}
    for tok in doc[2:]:
        if tok.lower_ not in _BODY_NOUNS or {tok.i, tok.i - 1} & covered:
            continue
        if doc[tok.i - 2].lower_ != "the":
            continue  # "China's commerce ministry" is linked by its country
        actor_id = bodies.get(f"{_norm(doc[tok.i - 1].text)} {tok.lower_}")
        if actor_id is not None:
            mentions[tok.i - 1] = Linked(tok.i - 1, tok.i + 1, actor_id, "body")


def _norm(word: str) -> str:
    low = word.casefold()
    return _SPELLINGS.get(low, low)
