"""The records the linker hands to the event rules: a linked mention and a document's links."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Span

from backchannel.model import Actor, DateInterval

TITLE_CASE = re.compile(r"^[A-Z][a-z'’-]+$")


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
