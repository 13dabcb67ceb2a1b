"""The whole flow, in order, and the pure per-document function.

    sources.read_inputs   files, HTML, JSONL, feeds, directories, stdin → Document | Skip
    clean.clean           adverts, boilerplate, SEO filler out (each span kept with its reason)
    nlp (spaCy)           tokens, parse, entities
    link                  mentions → KB actors, new actors, the article's date
    events                events, role changes, named channels, with modality and dates
    store.Store.write     one bulk transaction per batch; events merged across articles

``Extractor.process(document)`` is pure: the same document and settings give
the same ``Extraction`` in any process, which is what lets ``run`` batch it
and lets the store upsert by deterministic ids.
"""

from __future__ import annotations

import datetime as dt
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from backchannel.clean import clean, longest_sentence, looks_english
from backchannel.kb import KnowledgeBase
from backchannel.model import Actor, Document, Extraction, Mention, Skip
from backchannel.nlp.mentions import Linked
from backchannel.nlp.pipeline import EVENTS_KEY, LINK_KEY, LinkComponent, build_pipeline
from backchannel.sources._common import DEFAULT_MAX_BYTES
from backchannel.timelimit import TimeLimitExceeded, time_limit

if TYPE_CHECKING:
    from backchannel.engines import Engine

MAX_CHARS = 200_000  # spaCy's parser needs ~1 GB per 100k words; one article is far below
# parse time grows faster than linearly with sentence length: 2,000 words 2.5 s, 20,000: 46 s
MAX_SENTENCE_WORDS = 1_000
# a news article takes well under a second; a batch of 32, a few seconds
MAX_SECONDS = 60.0


@dataclass(frozen=True, slots=True)
class Settings:
    """What changes the output of extraction (so it travels to workers)."""

    kb_paths: tuple[str, ...] = ()
    actor_dictionaries: tuple[str, ...] = ()  # PETRARCH format, below the KB (kb/petrarch.py)
    agent_dictionaries: tuple[str, ...] = ()
    sides: tuple[str, ...] = ()
    today: str = field(default_factory=lambda: dt.date.today().isoformat())
    max_chars: int = MAX_CHARS
    max_sentence_words: int = MAX_SENTENCE_WORDS
    max_seconds: float | None = MAX_SECONDS  # per document, wall clock; None or 0: no limit


class Extractor:
    """Holds the loaded spaCy pipeline; ``process`` one document or ``process_batch`` many."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        self.nlp = build_pipeline(
            self.settings.kb_paths,
            self.settings.sides,
            self.settings.actor_dictionaries,
            self.settings.agent_dictionaries,
        )

    def process(self, document: Document) -> Extraction | Skip:
        return self.process_batch([document])[0]

    def process_batch(self, documents: Sequence[Document]) -> list[Extraction | Skip]:
        """One result per document, in order; one over ``max_seconds`` becomes a ``too-slow`` Skip.

        The batch runs under one limit of ``max_seconds``. If it runs out, the
        batch is done again one document at a time, each under its own limit,
        so only the slow documents are skipped and the others come out exactly
        as they would have in the batch. One document costs at most twice the
        limit; a normal batch pays only for arming a timer.
        """
        limit = self.settings.max_seconds
        if not limit or limit <= 0:
            return self._extract(documents)
        try:
            with time_limit(limit):
                return self._extract(documents)
        except TimeLimitExceeded:
            if len(documents) == 1:
                return [_too_slow(documents[0], limit)]
        return [self._extract_one(document, limit) for document in documents]

    def _extract_one(self, document: Document, limit: float) -> Extraction | Skip:
        try:
            with time_limit(limit):
                return self._extract([document])[0]
        except TimeLimitExceeded:
            return _too_slow(document, limit)

    def _extract(self, documents: Sequence[Document]) -> list[Extraction | Skip]:
        """Clean, check the size limits, run the spaCy pipeline, build the records."""
        results: list[Extraction | Skip | None] = [None] * len(documents)
        cleaned = []
        for i, document in enumerate(documents):
            result = clean(document.text, title=document.title)
            if not result.text.strip():
                results[i] = Skip(document.origin, "nothing-left-after-cleaning", document.doc_id)
                continue
            if len(result.text) > self.settings.max_chars:
                results[i] = Skip(
                    document.origin,
                    "too-long",
                    f"{len(result.text)} characters after cleaning; the limit is "
                    f"{self.settings.max_chars} (raise it with --max-chars)",
                )
                continue
            why = looks_english(result.text)
            if why is not None:
                results[i] = Skip(document.origin, "not-english", why)
                continue
            longest = longest_sentence(result.text)
            if longest > self.settings.max_sentence_words:
                results[i] = Skip(
                    document.origin,
                    "sentence-too-long",
                    f"a sentence of {longest:,} words; the limit is "
                    f"{self.settings.max_sentence_words:,} (raise it with --max-sentence-words)",
                )
                continue
            cleaned.append((i, document, result))
        docs = []
        for _, document, result in cleaned:
            doc = self.nlp.make_doc(result.text)
            doc.user_data["backchannel.doc_id"] = document.doc_id
            published = document.published
            if published is not None and published > self.settings.today:
                published = None  # wrong metadata, or an embargo: date the article from its text
            doc.user_data["backchannel.published"] = published
            doc.user_data["backchannel.today"] = self.settings.today
            docs.append(doc)
        for _name, proc in self.nlp.pipeline:
            docs = list(proc.pipe(docs)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
        for (i, document, result), doc in zip(cleaned, docs, strict=True):
            link = doc.user_data[LINK_KEY]
            events, changes = doc.user_data[EVENTS_KEY]
            sent_starts = [s.start for s in doc.sents]
            mentions = []
            for m in link.mentions:
                span = doc[m.start : m.end]
                mentions.append(
                    Mention(
                        doc_id=document.doc_id,
                        sentence_index=_sentence_index(sent_starts, m.start),
                        start=span.start_char,
                        end=span.end_char,
                        text=span.text,
                        actor_id=m.actor_id,
                        how=m.how,
                    )
                )
            results[i] = Extraction(
                document=document,
                clean_text=result.text,
                removed=result.removed,
                mentions=tuple(mentions),
                events=tuple(events),
                role_changes=tuple(changes),
                new_actors=(*link.new_actors.values(), *self._dictionary_actors(link.mentions)),
                doc_date=link.doc_date,
            )
        return [r for r in results if r is not None]

    def _dictionary_actors(self, mentions: Iterable[Linked]) -> list[Actor]:
        """The dictionary actors an article names: the store keeps them with its events."""
        kb = extractor_kb(self)
        found = {m.actor_id for m in mentions if m.how == "dictionary"}
        return [kb.actors[actor_id] for actor_id in sorted(found)]


def _too_slow(document: Document, limit: float) -> Skip:
    # No timing in the text: the same document and settings give the same record.
    return Skip(
        document.origin,
        "too-slow",
        f"cleaning and parsing it did not finish in {limit:g} s and were stopped; "
        f"the limit is {limit:g} s per document (raise it with --max-seconds, 0 for none)",
    )


def _sentence_index(starts: list[int], token: int) -> int:
    index = 0
    for i, start in enumerate(starts):
        if start <= token:
            index = i
    return index


def batched(items: Iterable[Document | Skip], size: int) -> Iterator[list[Document | Skip]]:
    batch: list[Document | Skip] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


@dataclass(slots=True)
class RunSummary:
    """What a run did, for the one-line summary and the exit code."""

    read: int = 0
    stored: int = 0
    duplicates: int = 0
    skipped: int = 0
    events: int = 0
    role_changes: int = 0
    skip_reasons: dict[str, int] = field(default_factory=dict)
    warnings: dict[str, int] = field(default_factory=dict)

    def line(self) -> str:
        reasons = ", ".join(f"{k}: {v}" for k, v in sorted(self.skip_reasons.items()))
        line = (
            f"stored {self.stored} documents ({self.events} events, "
            f"{self.role_changes} role changes); {self.duplicates} duplicates; "
            f"{self.skipped} skipped" + (f" ({reasons})" if reasons else "")
        )
        if self.warnings:
            kinds = ", ".join(f"{k}: {v}" for k, v in sorted(self.warnings.items()))
            total = sum(self.warnings.values())
            line += f"; {total} warning{'' if total == 1 else 's'} ({kinds})"
        return line


def run(
    inputs: Sequence[str],
    db_path: str | Path,
    settings: Settings | None = None,
    *,
    batch_size: int = 32,
    progress: Callable[[int], object] | None = None,
    stdin: object = None,
    engine: Engine | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> RunSummary:
    """Read, extract and store: the main job. Holds the DuckDB file only while writing a batch.

    ``engine`` (see ``engines.py``) runs extraction elsewhere, e.g. in worker
    processes; this process alone writes the store. Default: in-process.
    """
    from backchannel import sources
    from backchannel.store import Store

    settings = settings or Settings()
    summary = RunSummary()
    with Store.open(db_path) as store:
        store.migrate()
        # loading the dictionaries here too reports a bad file before the model loads
        kb = KnowledgeBase.load(
            list(settings.kb_paths),
            actor_dictionaries=settings.actor_dictionaries,
            agent_dictionaries=settings.agent_dictionaries,
        )
        store.sync_kb(kb)
    items = sources.read_inputs(inputs, stdin=stdin, max_bytes=max_bytes)  # type: ignore[arg-type]
    # Batches go to `engine.map_batches`, which may run a few of them ahead of the writes
    # below, so the ids of batches extracted but not yet written count as duplicates too
    # (`in_flight`, bounded by the engine's window).
    queued: deque[tuple[list[Document | Skip], list[Skip], set[str]]] = deque()
    in_flight: set[str] = set()

    def fresh_batches() -> Iterator[list[Document]]:
        for batch in batched(items, batch_size):
            docs = [d for d in batch if isinstance(d, Document)]
            skips = [s for s in batch if isinstance(s, Skip)]
            summary.read += len(docs)
            with Store.open(db_path) as store:
                known = store.known_documents([d.doc_id for d in docs])
            fresh: list[Document] = []
            seen_now: set[str] = set()
            for d in docs:
                if d.doc_id in known or d.doc_id in seen_now or d.doc_id in in_flight:
                    summary.duplicates += 1
                else:
                    seen_now.add(d.doc_id)
                    fresh.append(d)
            in_flight.update(seen_now)
            queued.append((batch, skips, seen_now))
            yield fresh

    mapped: Iterable[list[Extraction | Skip]]
    if engine is not None:
        mapped = engine.map_batches(settings, fresh_batches())
    else:
        # the driver loads the model only when it extracts itself; workers load their own
        extractor = Extractor(settings)
        mapped = (extractor.process_batch(f) if f else [] for f in fresh_batches())
    for results in mapped:
        batch, skips, ids = queued.popleft()
        extractions = [r for r in results if isinstance(r, Extraction)]
        skips += [r for r in results if isinstance(r, Skip)]
        warnings = [
            Skip(
                e.document.origin,
                "future-date",
                f"published {e.document.published}, after the run's day {settings.today}: "
                "kept, dated from its text instead (check the source's date field)",
            )
            for e in extractions
            if e.document.published and e.document.published > settings.today
        ]
        with Store.open(db_path) as store:
            store.write(extractions, skips, warnings)
        for w in warnings:
            summary.warnings[w.reason] = summary.warnings.get(w.reason, 0) + 1
        in_flight.difference_update(ids)  # written: the store now knows them
        summary.stored += len(extractions)
        summary.events += sum(len(e.events) for e in extractions)
        summary.role_changes += sum(len(e.role_changes) for e in extractions)
        summary.skipped += len(skips)
        for s in skips:
            summary.skip_reasons[s.reason] = summary.skip_reasons.get(s.reason, 0) + 1
        if progress is not None:
            progress(len(batch))
    with Store.open(db_path) as store:
        store.merge_events()
    return summary


def extractor_kb(extractor: Extractor) -> KnowledgeBase:
    """The KB the extractor's pipeline uses (for writing actors into the store)."""
    component = extractor.nlp.get_pipe("backchannel_link_v1")
    assert isinstance(component, LinkComponent)
    return component.kb
