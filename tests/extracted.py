"""What the pipeline makes of one invented text, as the extraction tests read it."""

from __future__ import annotations

from typing import Any

from backchannel.model import Document, Extraction


def extract(extractor: Any, text: str, published: str | None = "2025-11-20") -> Extraction:
    doc = Document(Document.make_id(text), text, published=published, origin="test")
    ex = extractor.process(doc)
    assert isinstance(ex, Extraction), ex
    return ex


def events(extractor: Any, text: str, published: str | None = "2025-11-20") -> set[tuple[str, ...]]:
    """(source, target, type, mode, modality) of every event."""
    ex = extract(extractor, text, published)
    return {(e.source.actor_id, e.target.actor_id, e.type, e.mode, e.modality) for e in ex.events}


def typed(extractor: Any, text: str, published: str | None = "2025-11-20") -> set[tuple[str, ...]]:
    """(source, target, type, modality) of every event."""
    return {(e[0], e[1], e[2], e[4]) for e in events(extractor, text, published)}


def countries(
    extractor: Any, text: str, published: str | None = "2025-11-20"
) -> set[tuple[str, str, str]]:
    """(source country, target country, type) of every event."""
    ex = extract(extractor, text, published)
    return {(e.source.country, e.target.country, e.type) for e in ex.events}


def parties(
    extractor: Any, text: str, kind: str, modality: str = "asserted"
) -> set[tuple[str, str]]:
    """(source, target) of the events of one category and modality."""
    return {(s, t) for s, t, k, m in typed(extractor, text) if k == kind and m == modality}


def coded(extractor: Any, text: str, published: str = "2025-11-20") -> set[frozenset[str]]:
    """Each asserted event as the unordered set of its two parties and its type."""
    return {
        frozenset({*e[:2], e[2]}) for e in typed(extractor, text, published) if e[3] == "asserted"
    }


def linked(extractor: Any, text: str, published: str = "2025-11-20") -> set[str]:
    """The actor ids the linker found in the text."""
    return {m.actor_id for m in extract(extractor, text, published).mentions}


def pairs(found: set[tuple[str, ...]], kind: str = "CONSULT") -> set[frozenset[str]]:
    """The unordered pairs of the events of one category."""
    return {frozenset(e[:2]) for e in found if e[2] == kind}
