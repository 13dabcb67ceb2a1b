"""Running the real pipeline over gold items, in batches (the only stage that is slow)."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass

from backchannel.model import Document, Event, Extraction, Skip
from backchannel.pipeline import Extractor, Settings

# A fixed "today" so that figures do not drift with the calendar.
EVAL_TODAY = "2025-12-31"
BATCH_SIZE = 64


@dataclass(frozen=True, slots=True)
class Item:
    """One gold text to run: a sentence or a short article, with its publication date."""

    item_id: str
    text: str
    published: str | None = None
    title: str = ""


def make_extractor(
    actor_dictionaries: Sequence[str | os.PathLike[str]] = (),
    agent_dictionaries: Sequence[str | os.PathLike[str]] = (),
) -> Extractor:
    """The pipeline with the settings every evaluation uses, and the dictionaries given."""
    return Extractor(
        Settings(
            today=EVAL_TODAY,
            actor_dictionaries=tuple(str(p) for p in actor_dictionaries),
            agent_dictionaries=tuple(str(p) for p in agent_dictionaries),
        )
    )


def run_items(extractor: Extractor, items: Sequence[Item]) -> list[Extraction | Skip]:
    """``process_batch`` over ``items``, in order; one result per item."""
    results: list[Extraction | Skip] = []
    for start in range(0, len(items), BATCH_SIZE):
        chunk = items[start : start + BATCH_SIZE]
        docs = [
            Document(
                doc_id=Document.make_id(f"{it.item_id}\x1f{it.text}"),
                text=it.text,
                title=it.title,
                published=it.published,
                origin=f"gold:{it.item_id}",
            )
            for it in chunk
        ]
        out = extractor.process_batch(docs)
        if len(out) != len(docs):  # process_batch keeps order and length; guard the zip below
            raise RuntimeError("process_batch returned a different number of results")
        results.extend(out)
    return results


def events_of(result: Extraction | Skip) -> tuple[Event, ...]:
    return result.events if isinstance(result, Extraction) else ()


def iso_date(value: str | None) -> str | None:
    """``20080804``, ``2008-08-04`` or ``12 April 2022`` → ISO; None when it is not a date."""
    if not value:
        return None
    text = value.strip()
    if re.fullmatch(r"\d{8}", text):
        text = f"{text[:4]}-{text[4:6]}-{text[6:]}"
    for fmt in ("%Y-%m-%d", "%d %B %Y", "%B %d, %Y", "%d %b %Y"):
        try:
            return dt.datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    return None


def describe(events: Sequence[Event]) -> str:
    """Events in one line, for the misses table."""
    if not events:
        return "(no event)"
    return "; ".join(
        f"{e.source.actor_id}→{e.target.actor_id} {e.type}"
        f"{'/' + e.mode if e.mode else ''} {e.modality}"
        f"{' ' + (e.date.start or '') if e.date.start else ''}"
        for e in events
    )
