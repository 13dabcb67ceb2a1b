"""Hand-built extraction records for tests that need a store but not the model."""

from __future__ import annotations

from pathlib import Path

from backchannel.model import (
    Actor,
    DateInterval,
    Document,
    Event,
    Extraction,
    Modality,
    Participant,
    Precision,
)
from backchannel.store import Store


def one_event(
    doc: Document,
    source: Participant,
    target: Participant,
    *,
    precision: Precision = "day",
    modality: Modality = "asserted",
    mode: str = "meet",
    trigger: str = "met",
    sentence: str | None = None,
    intensity: float = 0.0,
    new_actors: tuple[Actor, ...] = (),
) -> Extraction:
    """``doc`` as extracted: one CONSULT event between two participants on its publication day."""
    day = doc.published
    ev = Event(
        event_id=f"{doc.doc_id}-1",
        doc_id=doc.doc_id,
        sentence=doc.text if sentence is None else sentence,
        sentence_index=0,
        type="CONSULT",
        mode=mode,
        source=source,
        target=target,
        date=DateInterval(day, day, precision),
        modality=modality,
        trigger=trigger,
        intensity=intensity,
    )
    return Extraction(document=doc, clean_text=doc.text, events=(ev,), new_actors=new_actors)


def write_meeting(db: Path, source: Participant, target: Participant, text: str, day: str) -> None:
    """Store one article on ``day`` in which ``source`` meets ``target``."""
    doc = Document(Document.make_id(text), text, url="https://example.org/w", published=day)
    with Store.open(db) as store:
        store.write([one_event(doc, source, target)])
        store.merge_events()
