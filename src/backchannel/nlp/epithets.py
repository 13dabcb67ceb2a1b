"""States named again by an epithet: "the kingdom", "the island", "the communist state".

"Xi was hosted in Riyadh. The kingdom signed 34 agreements with Beijing":
after "the", a word of ``data/epithets.yaml`` stands for the state of its kind
that the text named last, in its own sentence or the three before, whoever
named it (the state itself, its capital, its people or one of its officials).
"The country" and "the nation" fit any state, so they are read only where the
sentence before named exactly one state and their own sentence named none
before them. An epithet only one state fits ("the Jewish state") names it even
where the text named it nowhere before.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc

from backchannel.errors import KnowledgeBaseError
from backchannel.nlp.lexicon import load_data_file
from backchannel.nlp.mentions import Linked, sentences_back

_BACK = 3  # sentences before the epithet's own that may name its state


@dataclass(frozen=True, slots=True)
class Epithets:
    """Each epithet (lower case, words joined as written) and the states it may name;
    ``None`` for "any state"."""

    kinds: dict[str, frozenset[str] | None]
    longest: int  # tokens in the longest epithet ("city-state" is three)


def load_epithets() -> Epithets:
    """The bundled ``data/epithets.yaml``; a malformed entry is a ``KnowledgeBaseError``."""
    raw = load_data_file("epithets.yaml").get("kinds")
    if not isinstance(raw, dict):
        raise KnowledgeBaseError("data/epithets.yaml: 'kinds' must map epithets to state codes")
    kinds: dict[str, frozenset[str] | None] = {}
    for word, codes in raw.items():
        if codes == "any":
            kinds[str(word).casefold()] = None
        elif isinstance(codes, list) and codes and all(isinstance(c, str) for c in codes):
            kinds[str(word).casefold()] = frozenset(codes)
        else:
            raise KnowledgeBaseError(
                f"data/epithets.yaml: {word!r} must list ISO3 codes or say 'any'"
            )
    longest = max((len(k.replace("-", " - ").split()) for k in kinds), default=0)
    return Epithets(kinds, longest)


def link_epithets(
    doc: Doc,
    mentions: dict[int, Linked],
    epithets: Epithets,
    country_of: Callable[[str], str],
) -> None:
    """Link "the <epithet>" to the state it names again, where one fits."""
    covered = {i for m in mentions.values() for i in range(m.start, m.end)}
    named: list[tuple[int, str]] | None = None  # read where an epithet first asks
    for tok in doc:
        if tok.lower_ != "the" or tok.i + 1 in covered:
            continue
        found = _epithet_at(doc, tok.i + 1, epithets)
        if found is None:
            continue
        end, allowed = found
        if any(i in covered for i in range(tok.i, end)):
            continue
        if named is None:
            named = sorted(
                (m.start, code) for m in mentions.values() if (code := country_of(m.actor_id))
            )
        code = _state_named(doc, tok.i, named, allowed)
        if code:
            mentions[tok.i] = Linked(tok.i, end, f"state:{code}", "epithet")
            covered.update(range(tok.i, end))


def _epithet_at(
    doc: Doc, start: int, epithets: Epithets
) -> tuple[int, frozenset[str] | None] | None:
    """(end, states) of the longest epithet starting at ``start``, when it ends the noun
    phrase ("the island nation", not "the island's coast guard" nor "the Kingdom of …")."""
    for n in range(min(epithets.longest, len(doc) - start), 0, -1):
        words = doc[start : start + n]
        key = words.text.casefold()
        if key not in epithets.kinds:
            continue
        after = doc[start + n] if start + n < len(doc) else None
        gerund = start + n + 1 < len(doc) and doc[start + n + 1].tag_ == "VBG"
        if after is not None and (
            (after.lower_ == "of" and not gerund) or after.pos_ in {"NOUN", "PROPN"}
        ):
            # "the Kingdom of Saudi Arabia", "the country music festival" (but "accused
            # the Asian giant of dumping steel")
            return None
        if any(t.is_upper and len(t) > 1 for t in words):
            return None  # an acronym, not an epithet
        return start + n, epithets.kinds[key]
    return None


def _state_named(
    doc: Doc, at: int, named: list[tuple[int, str]], allowed: frozenset[str] | None
) -> str:
    """The state of the allowed kind named last before token ``at``, within reach."""
    own = doc[at].sent.start
    reach = sentences_back(doc, at, _BACK)
    if allowed is None:
        # "the country": only after a sentence that named one state, none in its own
        if any(own <= i < at for i, _ in named):
            return ""
        before = sentences_back(doc, at, 1)
        codes = {c for i, c in named if before <= i < own}
        return next(iter(codes)) if len(codes) == 1 else ""
    fitting = [c for i, c in named if reach <= i < at and c in allowed]
    if not fitting and len(allowed) == 1:
        return next(iter(allowed))  # "the Jewish state", "the hermit kingdom": one state
    return fitting[-1] if fitting else ""
