"""The records of a readout comparison: frozen, slotted, JSON-ready via ``to_dict``.

    ReadoutText ×2 ──compare_readouts()──► ReadoutComparison
                                             ├── Meeting          who, when, where (merged)
                                             ├── TopicAlignment   topic → both | only_a | only_b
                                             └── Conflict         strength | one-sided-commitment
                                                                  | tone | substance

Sequences are tuples so that records stay hashable and cannot be changed after
the comparison; ``to_dict`` turns them into lists for JSON.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

RULES_VERSION = "readouts.v1"

Status = Literal["both", "only_a", "only_b"]
ConflictKind = Literal["strength", "one-sided-commitment", "tone", "substance"]
Method = Literal["embeddings", "keywords"]

STATUSES: tuple[Status, ...] = ("both", "only_a", "only_b")
CONFLICT_KINDS: tuple[ConflictKind, ...] = ("strength", "one-sided-commitment", "tone", "substance")
METHODS: tuple[str, ...] = ("auto", "embeddings", "keywords")


@dataclass(frozen=True, slots=True)
class ReadoutText:
    """One government's account of a meeting.

    ``label`` names the text in output ("US", "A"); ``side`` is the party that
    published it (``us``/``cn`` or free text) and is informative only;
    ``published`` (ISO date) supplies the year when the text omits it.
    """

    text: str
    label: str = "A"
    side: str = ""
    published: str | None = None
    title: str = ""


@dataclass(frozen=True, slots=True)
class Meeting:
    """The meeting a readout describes, as far as its opening sentences tell."""

    participants: tuple[str, ...] = ()
    date: str | None = None  # ISO date, or ``--MM-DD`` when no year is known
    place: str | None = None
    mode: str = ""  # "call" | "in-person" | ""
    sentence: str = ""  # the sentence it was read from

    def to_dict(self) -> dict[str, Any]:
        return {
            "participants": list(self.participants),
            "date": self.date,
            "place": self.place,
            "mode": self.mode,
            "sentence": self.sentence,
        }


@dataclass(frozen=True, slots=True)
class TopicAlignment:
    """One topic, whether each text raises it, and the sentences that do."""

    topic: str
    label: str
    status: Status
    sentences_a: tuple[str, ...]
    sentences_b: tuple[str, ...]
    similarity: float  # best cross-text sentence similarity for this topic, 0..1

    def to_dict(self) -> dict[str, Any]:
        return {
            "topic": self.topic,
            "label": self.label,
            "status": self.status,
            "sentences_a": list(self.sentences_a),
            "sentences_b": list(self.sentences_b),
            "similarity": round(self.similarity, 3),
        }


@dataclass(frozen=True, slots=True)
class Conflict:
    """A claim the two texts make differently, with both sentences side by side.

    ``side`` is ``"a"`` or ``"b"`` for a one-sided commitment (the text that
    states it), and for a strength conflict the text that claims agreement;
    ``""`` for tone and substance. A missing counterpart sentence is ``""``.
    """

    kind: ConflictKind
    topic: str
    sentence_a: str
    sentence_b: str
    summary: str
    side: str = ""

    def to_dict(self) -> dict[str, str]:
        return {
            "kind": self.kind,
            "topic": self.topic,
            "side": self.side,
            "sentence_a": self.sentence_a,
            "sentence_b": self.sentence_b,
            "summary": self.summary,
        }


@dataclass(frozen=True, slots=True)
class ReadoutComparison:
    """Everything ``compare_readouts`` finds; ``to_dict()`` is the JSON form."""

    meeting: Meeting
    meeting_a: Meeting
    meeting_b: Meeting
    same_meeting: bool
    same_meeting_score: float
    warning: str | None
    topics: tuple[TopicAlignment, ...]
    conflicts: tuple[Conflict, ...]
    summary: tuple[str, ...]
    method_used: Method
    label_a: str = "A"
    label_b: str = "B"
    tone_a: tuple[str, ...] = ()
    tone_b: tuple[str, ...] = ()
    rules_version: str = RULES_VERSION

    def topic(self, topic_id: str) -> TopicAlignment | None:
        """The alignment for ``topic_id``, or None when neither text raises it."""
        return next((t for t in self.topics if t.topic == topic_id), None)

    def to_dict(self) -> dict[str, Any]:
        return {
            "rules_version": self.rules_version,
            "method_used": self.method_used,
            "labels": {"a": self.label_a, "b": self.label_b},
            "meeting": self.meeting.to_dict(),
            "meeting_a": self.meeting_a.to_dict(),
            "meeting_b": self.meeting_b.to_dict(),
            "same_meeting": self.same_meeting,
            "same_meeting_score": round(self.same_meeting_score, 3),
            "warning": self.warning,
            "tone": {"a": list(self.tone_a), "b": list(self.tone_b)},
            "topics": [t.to_dict() for t in self.topics],
            "conflicts": [c.to_dict() for c in self.conflicts],
            "summary": list(self.summary),
        }
