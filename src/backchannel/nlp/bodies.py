"""A ministry named without its country is the one of the two sides that has it.

News about two governments writes "the commerce ministry said" or "the
Treasury sanctioned" once the country is clear. Among the KB bodies of the
run's two sides (the KB's ``dyad``), the one whose name, without its country
word, is "Commerce Ministry" (or "Treasury") is meant, when exactly one side
has such a body; otherwise the phrase stays unlinked.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc

from backchannel.errors import KnowledgeBaseError
from backchannel.kb import KnowledgeBase
from backchannel.nlp.mentions import Linked

# the last word of a body's name without its country: "the commerce ministry", "the
# Treasury", "the Senate", "the House of Representatives"
_BODY_NOUNS = frozenset({"ministry", "treasury", "senate", "representatives"})
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
            if 1 <= len(words) <= 3 and words[-1] in _BODY_NOUNS:
                found.setdefault(" ".join(words), set()).add(actor.actor_id)
    return {key: next(iter(ids)) for key, ids in found.items() if len(ids) == 1}


def link_bare_bodies(doc: Doc, mentions: dict[int, Linked], bodies: dict[str, str]) -> None:
    """Link "the commerce ministry", "the Treasury", "the Senate" (right after "the") to
    its body.

    Not "China's commerce ministry" (linked by its country) nor "the Treasury
    secretary" (a title, linked as one). ``unplaced_bodies`` takes back those
    of a country the text does not name.
    """
    covered = {i for m in mentions.values() for i in range(m.start, m.end)}
    for tok in doc[1:]:
        after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if tok.lower_ not in _BODY_NOUNS or tok.i in covered:
            continue
        if after is not None and after.pos_ in {"NOUN", "PROPN"}:
            continue
        for start in (tok.i, tok.i - 1, tok.i - 2):
            if start < 1 or doc[start - 1].lower_ != "the" or start in covered:
                continue
            key = " ".join(_norm(t.text) for t in doc[start : tok.i + 1])
            actor_id = bodies.get(key)
            if actor_id is not None:
                mentions[start] = Linked(start, tok.i + 1, actor_id, "body")
                break


def unplaced_bodies(doc: Doc, mentions: dict[int, Linked], kb: KnowledgeBase) -> None:
    """Unlink a bare body in a text that names other countries but neither of the two
    sides ("Japan sent aid, the foreign ministry said" is Japan's ministry, not
    China's), or one placed in another country ("the defence ministry in Baku"); run
    once states are linked. A text that names no country keeps it, and so does
    "the Treasury" ("The Treasury sanctioned Hong Kong's leader")."""
    try:
        sides = set(kb.default_sides())
    except KnowledgeBaseError:
        return
    for start, m in list(mentions.items()):
        if m.how != "body":
            continue
        others = {country_of(o.actor_id, kb) for o in mentions.values() if o is not m} - {""}
        placed = _placed_in(doc, m.end - 1, mentions, kb)
        # every country has ministries, many a senate; "the Treasury" of US news stays
        # the one
        common = doc[m.end - 1].lower_ != "treasury"
        elsewhere = common and others and not others & sides
        if elsewhere or placed not in {"", country_of(m.actor_id, kb)}:
            del mentions[start]


def country_of(actor_id: str, kb: KnowledgeBase) -> str:
    """The country of a linked actor: a KB actor's, or the code in a state or group id."""
    if actor_id.startswith(("state:", "group:")):
        return actor_id.split(":")[1]
    actor = kb.actors.get(actor_id)
    return actor.country if actor is not None else ""


def state_of(actor_id: str, kb: KnowledgeBase) -> str:
    """The state a linked actor belongs to ("" for a body of no one state: the UN's
    "UNO", the EU's "EUR" where it is no state of the KB)."""
    code = country_of(actor_id, kb)
    return code if code in kb.states else ""


def countries_of(found: Iterable[Linked], kb: KnowledgeBase) -> set[str]:
    """The countries of the linked actors ``found`` (those of no country left out)."""
    return {country_of(m.actor_id, kb) for m in found} - {""}


def _placed_in(doc: Doc, i: int, mentions: dict[int, Linked], kb: KnowledgeBase) -> str:
    """The country of the state named in "in X" or "of X" right after the body noun at
    ``i``."""
    if i + 2 >= len(doc) or doc[i + 1].lower_ not in {"in", "of"}:
        return ""
    m = mentions.get(i + 2)
    return country_of(m.actor_id, kb) if m is not None and m.actor_id.startswith("state:") else ""


def _norm(word: str) -> str:
    low = word.casefold()
    return _SPELLINGS.get(low, low)
