"""A document that takes too long is stopped and skipped as ``too-slow``; its batch is stored.

The slow step is injected (a pipeline component or a cleaner that spins the
CPU on one marked document) so the outcome does not depend on the machine's
speed; the pool test uses a real pathological document instead, a sentence of
10,000 words, which takes seconds where an article takes a fraction of one.
"""

from __future__ import annotations

import gc
import json
import random
import re
import shutil
import signal
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from backchannel import pipeline, sources
from backchannel.cli import main
from backchannel.engines import DaskEngine, PoolEngine
from backchannel.model import Document, Extraction, Skip
from backchannel.pipeline import Extractor, Settings, run
from backchannel.store import Store
from backchannel.timelimit import REPEAT, TimeLimitExceeded, time_limit

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "examples" / "corpus" / "text"
TODAY = "2026-11-25"
MARK = "Slow-to-process marker."
LIMIT = 1.5  # seconds; an example article takes a few hundredths of that


def spin_while(condition: bool, seconds: float = 30.0) -> None:
    """Burn CPU (no sleeping, like a parser on a pathological sentence), at most ``seconds``."""
    end = time.monotonic() + seconds
    while condition and time.monotonic() < end:
        pass


@Language.component("spins_on_marker")
def spins_on_marker(doc: Doc) -> Doc:
    spin_while(MARK in doc.text)
    return doc


def articles() -> list[Document]:
    return [d for d in sources.read_inputs([str(ARTICLES)]) if isinstance(d, Document)]


def marked(document: Document) -> Document:
    text = f"{document.text}\n\n{MARK}"
    return Document(Document.make_id(text), text, origin="slow.txt", published=document.published)


# -- the limit itself -------------------------------------------------------------


def run_limited(seconds: float, work: float) -> tuple[bool, float]:
    start = time.monotonic()
    try:
        with time_limit(seconds):
            spin_while(True, work)
    except TimeLimitExceeded:
        return True, time.monotonic() - start
    return False, time.monotonic() - start


def test_limit_stops_cpu_bound_code_in_the_main_thread() -> None:
    stopped, took = run_limited(0.2, 5.0)
    assert stopped and took < 1.0
    assert run_limited(1.0, 0.05)[0] is False
    spin_while(True, 0.3)  # a timer left armed would fire here
    assert signal.getsignal(signal.SIGALRM) == signal.SIG_DFL
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_limit_stops_cpu_bound_code_in_another_thread() -> None:
    # Dask runs tasks in worker threads, where there is no SIGALRM.
    outcomes: list[tuple[bool, float]] = []

    def job() -> None:
        outcomes.append(run_limited(0.2, 5.0))
        outcomes.append(run_limited(1.0, 0.05))
        spin_while(True, 0.3)  # an exception left pending would surface here
        outcomes.append((False, 0.0))

    thread = threading.Thread(target=job)
    thread.start()
    thread.join(10)
    (stopped, took), (stopped_fast, _), last = outcomes
    assert stopped and took < 1.0
    assert not stopped_fast and last == (False, 0.0)


def spin_and_collect(seconds: float) -> None:
    """Work that spends much of its time in gc callbacks, where an exception is dropped."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        gc.collect(0)  # the youngest generation: quick, so time is shared with the callback
        spin_while(True, 0.005)


def test_an_interruption_dropped_in_a_gc_callback_is_repeated_and_not_reported(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Python drops an exception raised in a gc callback (or a __del__): the limit
    # must still stop the block, in the main thread and in a worker thread, and the
    # dropped interruption is not reported as "Exception ignored" on stderr.
    callbacks = 0

    def callback(phase: str, info: dict[str, int]) -> None:
        nonlocal callbacks
        callbacks += 1
        spin_while(True, 0.005)  # start and stop: most of the time is spent here

    outcomes: list[bool] = []

    def limited() -> None:
        try:
            with time_limit(0.2):
                spin_and_collect(10.0)
        except TimeLimitExceeded:
            outcomes.append(True)
        else:
            outcomes.append(False)

    reported: list[Any] = []
    monkeypatch.setattr(sys, "unraisablehook", reported.append)
    gc.callbacks.append(callback)
    try:
        start = time.monotonic()
        limited()
        thread = threading.Thread(target=limited)
        thread.start()
        thread.join(15)
        took = time.monotonic() - start
    finally:
        gc.callbacks.remove(callback)
    assert outcomes == [True, True]
    assert took < 5.0
    assert callbacks > 0
    assert reported == []
    assert sys.unraisablehook == reported.append  # given back when the limits ended


def test_an_interruption_is_not_dropped_every_time_by_code_in_step_with_its_repeats(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Code whose gc callbacks fill all of each REPEAT period but a fifth of it, at
    # the same point in every period: repeats at a fixed period would all land in a
    # callback and the block would run its full 10 s.
    start = 0.0

    def callback(phase: str, info: dict[str, int]) -> None:
        while not 0.4 <= (time.monotonic() - start) % REPEAT / REPEAT < 0.6:
            pass

    took: list[float] = []

    def limited() -> None:
        nonlocal start
        start = time.monotonic()
        with pytest.raises(TimeLimitExceeded), time_limit(0.2):
            spin_and_collect(10.0)
        took.append(time.monotonic() - start)

    monkeypatch.setattr(sys, "unraisablehook", lambda unraisable: None)
    gc.callbacks.append(callback)
    try:
        limited()
        thread = threading.Thread(target=limited)
        thread.start()
        thread.join(15)
    finally:
        gc.callbacks.remove(callback)
    assert len(took) == 2 and max(took) < 2.0, took


def test_other_unreportable_errors_are_still_reported_during_a_limit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    class Faulty:
        def __del__(self) -> None:
            raise ValueError("from __del__")

    reported: list[Any] = []
    monkeypatch.setattr(sys, "unraisablehook", reported.append)
    with time_limit(5.0):
        Faulty()
    assert [type(r.exc_value) for r in reported] == [ValueError]


def test_no_limit_means_no_timer() -> None:
    for off in (None, 0):
        with time_limit(off):
            assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


# -- extraction -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def slow_extractor() -> Iterator[Extractor]:
    extractor = Extractor(Settings(today=TODAY, max_seconds=LIMIT))
    extractor.nlp.add_pipe("spins_on_marker", after="parser")
    yield extractor


@pytest.mark.model
def test_slow_document_is_skipped_and_the_rest_of_its_batch_is_extracted(
    slow_extractor: Extractor,
) -> None:
    docs = articles()[:3]
    batch = [docs[0], marked(docs[1]), docs[2]]
    start = time.monotonic()
    results = slow_extractor.process_batch(batch)
    took = time.monotonic() - start
    assert [type(r) for r in results] == [Extraction, Skip, Extraction]
    skip = results[1]
    assert isinstance(skip, Skip)
    assert (skip.origin, skip.reason) == ("slow.txt", "too-slow")
    assert skip.detail == (
        "cleaning and parsing it did not finish in 1.5 s and were stopped; "
        "the limit is 1.5 s per document (raise it with --max-seconds, 0 for none)"
    )
    # once for the batch, once for the document alone: the run is never stalled
    assert took < 2 * LIMIT + 5
    # the others come out exactly as they do in a batch that never hit the limit
    assert [results[0], results[2]] == slow_extractor.process_batch([docs[0], docs[2]])


@pytest.mark.model
def test_without_a_limit_the_slow_document_is_waited_for(
    slow_extractor: Extractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(slow_extractor, "settings", Settings(today=TODAY, max_seconds=0))
    start = time.monotonic()
    # The marker would spin for 30 s: stop it from outside after 2 * LIMIT + 1 s.
    with pytest.raises(TimeLimitExceeded), time_limit(2 * LIMIT + 1):
        slow_extractor.process(marked(articles()[0]))
    assert time.monotonic() - start >= 2 * LIMIT + 1


def slow_cleaner(original: Any) -> Any:
    def clean(text: str, *, title: str = "") -> Any:
        spin_while(MARK in text)
        return original(text, title=title)

    return clean


@pytest.mark.model
def test_run_over_a_folder_stores_the_others_and_reports_the_slow_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    names = sorted(p.name for p in ARTICLES.glob("*.txt"))[:4]
    for name in names:
        shutil.copy(ARTICLES / name, folder / name)
    slow = folder / "zz-slow.txt"
    slow.write_text((ARTICLES / names[0]).read_text() + f"\n\n{MARK}\n")
    monkeypatch.setattr(pipeline, "clean", slow_cleaner(pipeline.clean))
    db = tmp_path / "s.duckdb"
    start = time.monotonic()
    code = main(
        ["run", str(folder), "--db", str(db), "--today", TODAY, "--max-seconds", str(LIMIT)]
    )
    took = time.monotonic() - start
    assert code == 0
    summary = capsys.readouterr().err.strip().splitlines()[-1]
    assert summary.startswith("stored 4 documents (")
    assert summary.endswith("; 0 duplicates; 1 skipped (too-slow: 1)")
    assert took < 2 * LIMIT + 30  # not the 30 s the cleaner would spin
    assert main(["skipped", "--db", str(db), "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(Path(r["origin"]).name, r["reason"]) for r in rows] == [("zz-slow.txt", "too-slow")]
    assert "the limit is 1.5 s per document (raise it with --max-seconds" in rows[0]["detail"]
    with Store.open(db, read_only=True) as store:
        stored = store.query("SELECT origin FROM documents ORDER BY origin")
    assert [Path(r["origin"]).name for r in stored] == names


def test_max_seconds_option_is_checked(capsys: pytest.CaptureFixture[str]) -> None:
    for bad in ("soon", "-1", "inf"):
        with pytest.raises(SystemExit):
            main(["run", "x.txt", "--max-seconds", bad])
        assert re.search(r"--max-seconds: '.+'", capsys.readouterr().err)


# -- in worker processes --------------------------------------------------------------


VOCABULARY = ("the", "officials", "said", "that", "talks", "with", "Beijing", "and")
VOCABULARY += ("Washington", "would", "go", "on", "while", "envoy", "met", "his", "counterpart")


def pathological(words: int, seed: int = 7) -> str:
    """One English sentence of ``words`` words: parsing it takes seconds, not milliseconds."""
    rng = random.Random(seed)
    vocabulary = VOCABULARY
    return " ".join(rng.choice(vocabulary) for _ in range(words)) + "."


@pytest.mark.model
@pytest.mark.slow
def test_pool_and_dask_workers_skip_a_pathological_document_like_the_driver(
    tmp_path: Path,
) -> None:
    # Pool workers run a batch in their main thread (SIGALRM); Dask in a worker thread.
    pytest.importorskip("distributed")
    folder = tmp_path / "in"
    folder.mkdir()
    for name in sorted(p.name for p in ARTICLES.glob("*.txt"))[:3]:
        shutil.copy(ARTICLES / name, folder / name)
    # Unbounded, this sentence takes 8 s on a fast machine and about a minute on a slow
    # one; the other articles take well under a second each, so a 3 s limit separates
    # them on either (20,000 words, 5.6 s on a fast machine, were too near a 5 s limit).
    (folder / "one-long-sentence.txt").write_text(pathological(30_000))
    settings = Settings(today=TODAY, max_seconds=3.0, max_sentence_words=100_000)
    rows = {}
    engines = {"in-process": None, "pool": PoolEngine(2), "dask": DaskEngine("local:1")}
    for name, engine in engines.items():
        db = tmp_path / f"{name}.duckdb"
        summary = run([str(folder)], db, settings, batch_size=2, engine=engine)
        assert (summary.stored, summary.skip_reasons) == (3, {"too-slow": 1}), name
        with Store.open(db, read_only=True) as store:
            rows[name] = (
                store.query("SELECT doc_id, clean_text FROM documents ORDER BY doc_id"),
                store.query("SELECT record_id FROM event_records ORDER BY record_id"),
                store.query("SELECT origin, reason, detail FROM skipped"),
            )
    assert rows["pool"] == rows["in-process"]
    assert rows["dask"] == rows["in-process"]
    (skip,) = rows["pool"][2]
    assert Path(skip["origin"]).name == "one-long-sentence.txt"
    assert skip["detail"].startswith("cleaning and parsing it did not finish in 3 s")
