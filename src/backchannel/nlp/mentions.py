"""The records the linker hands to the event rules: a linked mention and a document's links."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from backchannel.model import Actor, DateInterval, slug

# a capital and small letters, accented ones too ("Raúl", "Erdoğan", "Émile")
TITLE_CASE = re.compile(r"^[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿĀ-ſ'’-]+$")
HYPHENS = frozenset({"-", "‐"})
_INITIAL = re.compile(r"^[A-Z]\.$")
# what may end a full name ("Joseph R. Biden Jr.", "Benigno S. Aquino III")
NAME_SUFFIXES = frozenset({"Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"})


def hyphen_syllable(tok: Token) -> bool:
    """A lower-case syllable after a hyphen inside a name: "il" in "Kim Jong-il"."""
    if tok.i < 2 or not (tok.is_alpha and tok.is_lower):
        return False
    hyphen, before = tok.doc[tok.i - 1], tok.doc[tok.i - 2]
    return (
        hyphen.text in HYPHENS
        and not hyphen.whitespace_
        and not before.whitespace_
        and before.text[:1].isupper()
        and before.is_alpha
    )


def middle_initial(tok: Token, span: Span) -> bool:
    """An initial inside a name, neither first nor last: "A." in "Dmitri A. Sokolov"."""
    return span.start < tok.i < span.end - 1 and _INITIAL.match(tok.text) is not None


def name_suffix(tok: Token, span: Span) -> bool:
    """A suffix ending a name of two words or more: "III" in "Benigno S. Aquino III"."""
    return tok.i == span.end - 1 and tok.i - span.start >= 2 and tok.text in NAME_SUFFIXES


def new_person_id(span: Span) -> str:
    """The id of a person the KB does not know, the same with or without a middle initial."""
    return "new:" + slug(" ".join(t.text for t in span if not middle_initial(t, span)))


def written_as_name(span: Span) -> bool:
    """Every word is capitalised as a name's, joined by a hyphen ("Kim Jong-il", "Jae-in"),
    a middle initial ("Dmitri A. Sokolov") or a closing suffix ("Aquino III")."""
    return bool(span) and all(
        TITLE_CASE.match(t.text)
        or hyphen_syllable(t)
        or middle_initial(t, span)
        or name_suffix(t, span)
        or (t.text in HYPHENS and span.start < t.i < span.end - 1 and hyphen_syllable(t.nbor()))
        for t in span
    )


@dataclass(slots=True)
class Linked:
    """A mention found in a Doc: token span, actor, and how it was recognised."""

    start: int  # token index
    end: int  # token index, exclusive
    actor_id: str
    how: str
    role_hint: str = ""  # the title used next to the name, if any
    then: bool = False  # "then-Ambassador …": the title was held at the time


@dataclass(slots=True)
class LinkResult:
    mentions: list[Linked]
    new_actors: dict[str, Actor]
    doc_date: DateInterval
    token_to_mention: dict[int, Linked] = field(default_factory=dict)
    named_channels: list[tuple[Span, str, str, str]] = field(default_factory=list)


def sentences_back(doc: Doc, i: int, n: int) -> int:
    """The first token of the sentence ``n`` sentences before the one holding token ``i``
    (of the first sentence, when there are fewer)."""
    start = doc[i].sent.start
    for _ in range(n):
        if start == 0:
            break
        start = doc[start - 1].sent.start
    return start
