"""The records that flow through backchannel.

Frozen, slotted dataclasses: they are built by the thousand per run, pickled to
worker processes, and compared for equality in tests. Nothing here does I/O.

    Document ──process()──► Extraction
                              ├── Mention      an actor named in a sentence
                              ├── Event        an interaction, with evidence
                              ├── RoleChange   appointed / removed / retired …
                              └── RemovedSpan  what the cleaner threw away, and why

Dates are ISO strings (``YYYY-MM-DD``) inside records so that records
serialise to JSON and Parquet without conversion; ``DateInterval`` carries
the precision of what the text actually said.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Literal

Precision = Literal["day", "week", "month", "quarter", "year", "era", "inferred", "unknown"]
Modality = Literal["asserted", "negated", "hypothetical", "planned", "denied"]
ChangeKind = Literal["appointed", "removed", "retired", "died", "reactivated"]
ActorKind = Literal["person", "organization", "state", "group"]

MODALITIES: tuple[Modality, ...] = ("asserted", "negated", "hypothetical", "planned", "denied")
CHANGE_KINDS: tuple[ChangeKind, ...] = ("appointed", "removed", "retired", "died", "reactivated")


def stable_id(*parts: object, prefix: str = "", length: int = 16) -> str:
    """A deterministic id: the hash of the natural key, so re-runs upsert."""
    digest = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return f"{prefix}{digest[:length]}"


def slug(text: str) -> str:
    """An id-safe form of a name: "Robert Mugabe" → ``robert-mugabe``, "Raúl Castro" →
    ``raul-castro`` (accents folded, as the knowledge base writes ids)."""
    folded = "".join(
        c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c)
    )
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-")


@dataclass(frozen=True, slots=True)
class DateInterval:
    """When something happened, as far as the text tells: ``start``..``end`` inclusive."""

    start: str | None
    end: str | None
    precision: Precision = "unknown"
    text: str = ""

    @property
    def known(self) -> bool:
        return self.start is not None

    def to_dict(self) -> dict[str, str | None]:
        return {"start": self.start, "end": self.end, "precision": self.precision}


UNKNOWN_DATE = DateInterval(None, None, "unknown")


@dataclass(frozen=True, slots=True)
class Document:
    """One article as read from a source, before cleaning."""

    doc_id: str
    text: str
    title: str = ""
    url: str = ""
    published: str | None = None  # ISO date, when the source says
    source: str = ""  # the publisher or feed name
    origin: str = ""  # where we read it: path, path:line, feed entry …

    @staticmethod
    def make_id(text: str) -> str:
        """Hash of the normalised text: the same article read twice has one id."""
        normalised = " ".join(text.split()).casefold()
        return stable_id(normalised, prefix="d", length=16)


@dataclass(frozen=True, slots=True)
class Skip:
    """A document or input that could not be used, and why (never dropped silently)."""

    origin: str
    reason: str
    detail: str = ""


@dataclass(frozen=True, slots=True)
class RemovedSpan:
    """A part of the raw text the cleaner removed before NLP."""

    start: int
    end: int
    text: str
    reason: str  # advert | boilerplate | seo-filler | navigation | comment-form …


@dataclass(frozen=True, slots=True)
class Role:
    """A dated position held by an actor (from the KB, or learnt from the text)."""

    title: str
    org: str = ""
    country: str = ""  # ISO3, or "" when unknown
    sector: str = "government"  # government | business | academic | media | ngo | military | party
    start: str | None = None
    end: str | None = None
    position: str = ""  # KB position key, e.g. "usa.treasury_secretary"
    leader: bool = False  # head of state or government of `country`

    def holds_on(self, day: str) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class Actor:
    """A person, organisation, state or group that can take part in events."""

    actor_id: str
    name: str
    kind: ActorKind = "person"
    country: str = ""  # nationality / home country (ISO3); the side when no role applies
    sector: str = ""  # default sector when no dated role applies (business, academic …)
    aliases: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    origin: str = "kb"  # kb | text | user-kb | gdelt | dictionary (PETRARCH)
    # the agent code when finer than the sector's (an intelligence service "SPY"),
    # for ``resolve`` only: the map groups by sector
    code: str = ""

    def roles_on(self, day: str | None) -> tuple[Role, ...]:
        if day is None:
            return ()
        return tuple(r for r in self.roles if r.holds_on(day))


@dataclass(frozen=True, slots=True)
class Mention:
    """An actor named in the text, with the span that named it."""

    doc_id: str
    sentence_index: int
    start: int  # character offsets in the cleaned text
    end: int
    text: str
    actor_id: str
    how: str  # full-name | alias | surname | title | then-title | group | dictionary | …


@dataclass(frozen=True, slots=True)
class Participant:
    """One side of an event: who, and what they were on the event's date."""

    actor_id: str
    name: str
    country: str = ""
    sector: str = ""
    kind: ActorKind = "person"
    role: str = ""

    def to_dict(self) -> dict[str, str]:
        return {
            "actor_id": self.actor_id,
            "name": self.name,
            "country": self.country,
            "sector": self.sector,
            "kind": self.kind,
            "role": self.role,
        }


@dataclass(frozen=True, slots=True)
class Event:
    """One interaction between two participants, with the sentence that says so."""

    event_id: str
    doc_id: str
    sentence: str
    sentence_index: int
    type: str  # PLOVER category: CONSULT, AGREE, ACCUSE …
    mode: str  # PLOVER mode: meet, phone, visit, third-party, negotiate, "" …
    source: Participant
    target: Participant
    date: DateInterval
    modality: Modality
    trigger: str
    location: str = ""
    intensity: float = 0.0
    confidence: float = 0.5
    rule: str = ""  # rule version that produced it, e.g. "events.v1:meet"
    channel_name: str = ""  # set when the text names the channel ("the Kushner channel")


@dataclass(frozen=True, slots=True)
class RoleChange:
    """A dated change in someone's position: the purges and retirements no ontology covers."""

    change_id: str
    doc_id: str
    sentence: str
    sentence_index: int
    actor: Participant
    change: ChangeKind
    role: str
    date: DateInterval
    modality: Modality = "asserted"
    rule: str = ""


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything ``process(document)`` learns from one document."""

    document: Document
    clean_text: str
    removed: tuple[RemovedSpan, ...] = ()
    mentions: tuple[Mention, ...] = ()
    events: tuple[Event, ...] = ()
    role_changes: tuple[RoleChange, ...] = ()
    new_actors: tuple[Actor, ...] = ()
    doc_date: DateInterval = field(default=UNKNOWN_DATE)
