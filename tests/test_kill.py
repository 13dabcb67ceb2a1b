"""Nothing lost, nothing doubled: ``backchannel run`` killed with SIGKILL, then re-run.

One uninterrupted run over 1,000 small documents is the reference. Then runs on a
store are killed at random points of the work left (after the model has
loaded, so each kill lands while documents are read, extracted, written or
merged); the store is checked after every kill (it opens, and every stored
document has exactly its reference events); the run that finally completes a
store must leave it equal to the reference, row for row; then a fresh store.
While the reference run writes, a reader thread keeps opening the store
read-only and querying it: it must never get an error, and must only ever see
whole batches.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from backchannel.store import Store

N_DOCS = 1000
N_COPIES = 10  # documents whose text repeats an earlier one: stored once, counted as duplicates
MIN_KILLS = 20
BUDGET = 900  # seconds: a safety stop on a very slow machine; the test then fails
BATCH = "16"
TODAY = "2025-11-25"
SEED = int(os.environ.get("BACKCHANNEL_KILL_SEED", "20251125"))

PEOPLE = [
    ("Wang Yi", "Antony Blinken"),
    ("Scott Bessent", "He Lifeng"),
    ("Jake Sullivan", "Wang Yi"),
    ("Janet Yellen", "He Lifeng"),
    ("Gina Raimondo", "Wang Wentao"),
    ("Xi Jinping", "Joe Biden"),
]
VERBS = ["met", "spoke with", "held talks with", "called"]
PLACES = ["Beijing", "Geneva", "Vienna", "Bangkok", "Madrid", "London", "Rome"]
# what a re-run may change: timestamps; event_id only before merge_events has run
TABLES = {
    "documents": "doc_id, title, url, published, source, origin, clean_text, doc_date_start, "
    "doc_date_end, doc_date_precision",
    "event_records": "*",
    "role_changes": "*",
    "mentions": "*",
    "removed_spans": "*",
    "skipped": "origin, reason, detail",
    "actors": "*",
    "roles": "*",
}

pytestmark = [pytest.mark.slow, pytest.mark.model]


def _body(i: int) -> str:
    a, b = PEOPLE[i % len(PEOPLE)]
    return f"{a} {VERBS[i % 4]} {b} in {PLACES[i % 7]} on Monday, report {i}."


def _make_corpus(folder: Path) -> None:
    folder.mkdir()
    for i in range(N_DOCS):
        day = f"20{18 + i % 7:02d}-{1 + i % 12:02d}-{1 + i % 28:02d}"
        body = _body(i - N_DOCS // 2) if i >= N_DOCS - N_COPIES else _body(i)
        if i >= N_DOCS - N_COPIES:  # the same text as an earlier document
            day = f"20{18 + (i - N_DOCS // 2) % 7:02d}-01-01"
        (folder / f"{i:04d}.txt").write_text(f"Title: Note {i}\nDate: {day}\n\n{body}\n")


_STARTED: dict[int, float] = {}


def _run(corpus: Path, db: Path) -> subprocess.Popen[bytes]:
    exe = Path(sys.executable).with_name("backchannel")
    argv = [str(exe), "run", str(corpus), "--db", str(db), "--today", TODAY]
    proc = subprocess.Popen(
        [*argv, "--batch-size", BATCH, "--quiet"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    _STARTED[proc.pid] = time.monotonic()
    return proc


def started_at(proc: subprocess.Popen[bytes]) -> float:
    """When the run's model had loaded and it first wrote to the store (else when it started)."""
    return _STARTED[proc.pid]


def _wait_for_first_write(proc: subprocess.Popen[bytes], db: Path) -> bool:
    """Wait until the run has loaded its model and touched the store; False if it ended first."""
    wal = db.with_name(db.name + ".wal")
    before = db.stat().st_mtime_ns if db.exists() else None
    while proc.poll() is None:
        now = db.stat().st_mtime_ns if db.exists() else None
        if now != before or wal.exists():
            _STARTED[proc.pid] = time.monotonic()
            return True
        time.sleep(0.01)
    return False


def _rows(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    with Store.open(db, read_only=True) as store:
        return {
            table: sorted(
                store.con.execute(f"SELECT {cols} FROM {table}").fetchall(),
                key=lambda r: tuple("" if v is None else str(v) for v in r),
            )
            for table, cols in TABLES.items()
        }


def _per_doc_events(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Event records by document, without event_id (merge_events may not have run yet)."""
    with Store.open(db, read_only=True) as store:
        cols = [c[0] for c in store.con.execute("DESCRIBE event_records").fetchall()]
        keep = ", ".join(c for c in cols if c != "event_id")
        rows = store.con.execute(f"SELECT doc_id, {keep} FROM event_records").fetchall()
    out: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
    for row in rows:
        out[row[0]].append(row)
    return {k: sorted(v, key=str) for k, v in out.items()}


def _stored_docs(db: Path) -> set[str]:
    with Store.open(db, read_only=True) as store:
        return {r[0] for r in store.con.execute("SELECT doc_id FROM documents").fetchall()}


class _Reader(threading.Thread):
    """Opens the store read-only and queries it, over and over, until told to stop."""

    def __init__(self, db: Path) -> None:
        super().__init__(daemon=True)
        self.db = db
        self.stop = threading.Event()
        self.errors: list[str] = []
        self.seen: list[tuple[int, int, int]] = []  # (documents, event records, orphans)

    def run(self) -> None:
        while not self.stop.is_set():
            try:
                with Store.open(self.db, read_only=True) as store:
                    docs = store.con.execute("SELECT count(*) FROM documents").fetchone()
                    recs = store.con.execute("SELECT count(*) FROM event_records").fetchone()
                    orphans = store.con.execute(
                        "SELECT count(*) FROM event_records WHERE doc_id NOT IN "
                        "(SELECT doc_id FROM documents)"
                    ).fetchone()
                assert docs is not None and recs is not None and orphans is not None
                self.seen.append((int(docs[0]), int(recs[0]), int(orphans[0])))
            except Exception as exc:  # the point of the test: any error at all is recorded
                self.errors.append(f"{type(exc).__name__}: {exc}")
            time.sleep(0.1)  # a dashboard refreshing often, not a busy loop


@pytest.fixture(scope="module")
def scenario(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    base = tmp_path_factory.mktemp("kill")
    corpus = base / "corpus"
    _make_corpus(corpus)
    rng = random.Random(SEED)
    started = time.monotonic()

    # the reference, with a reader hammering the store while it is written
    ref = base / "ref.duckdb"
    with Store.open(ref) as store:
        store.migrate()  # the "old state" a reader sees before the first batch
    reader = _Reader(ref)
    reader.start()
    t0 = time.monotonic()
    proc = _run(corpus, ref)
    load = None
    first_mtime = ref.stat().st_mtime_ns
    while proc.poll() is None:
        if load is None and ref.stat().st_mtime_ns != first_mtime:
            load = time.monotonic() - t0  # the model is loaded once the store is written
        time.sleep(0.05)
    total = time.monotonic() - t0
    reader.stop.set()
    reader.join()
    assert proc.returncode == 0
    load = load if load is not None else total / 2
    work = max(total - load, 1.0)  # how long a run takes once loaded; adapted below
    reference = _rows(ref)
    ref_events = _per_doc_events(ref)

    kills: list[dict[str, Any]] = []
    finals: list[dict[str, list[tuple[Any, ...]]]] = []
    unopenable: list[str] = []
    partial: list[str] = []
    stores = iter(base / f"trial-{n}.duckdb" for n in range(1000))
    db, killed_here = next(stores), 0
    completed_after_kills = 0
    while len(kills) < MIN_KILLS and time.monotonic() - started < BUDGET:
        fresh = not db.exists()
        proc = _run(corpus, db)
        first_write = _wait_for_first_write(proc, db)
        # anywhere in a whole run: a re-run first passes over the documents already stored
        # (a kill there is a kill too), and when it ends before the kill the store is complete
        delay = rng.uniform(0, 0.75 * work)
        try:
            proc.wait(timeout=delay if first_write else 0)
        except subprocess.TimeoutExpired:
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
            try:
                now = _stored_docs(db) if db.exists() else set()
                events = _per_doc_events(db) if db.exists() else {}
            except Exception as exc:
                unopenable.append(f"{db.name} after kill {killed_here + 1}: {exc}")
                continue
            # whole batches only: every stored document has exactly its reference events
            partial += [d for d in now if events.get(d, []) != ref_events.get(d, [])]
            kills.append({"store": db.name, "delay": round(delay, 2), "stored": len(now)})
            killed_here += 1
            continue
        # the run ended before its kill: the store is complete; learn how long a run takes
        assert proc.returncode == 0
        if fresh:
            work = 0.5 * work + 0.5 * (time.monotonic() - started_at(proc))
        finals.append(_rows(db))
        completed_after_kills += killed_here > 0
        db, killed_here = next(stores), 0
    if killed_here:
        assert _run(corpus, db).wait() == 0
        finals.append(_rows(db))
        completed_after_kills += 1
    yield {
        "reference": reference,
        "finals": finals,
        "completed_after_kills": completed_after_kills,
        "kills": kills,
        "unopenable": unopenable,
        "partial": partial,
        "reader": reader,
        "load": load,
        "total": total,
        "seconds": time.monotonic() - started,
    }


def test_at_least_twenty_kills_landed_mid_run(scenario: dict[str, Any]) -> None:
    kills = scenario["kills"]
    assert len(kills) >= MIN_KILLS, kills
    # the kills hit different points: before the first batch, in between, after the last
    assert len({k["stored"] for k in kills}) >= 5, kills
    print(
        f"\n{len(kills)} kills on {scenario['completed_after_kills']} stores; "
        f"reference run {scenario['total']:.1f}s "
        f"(model {scenario['load']:.1f}s); scenario {scenario['seconds']:.0f}s; "
        f"stored at kill: {sorted(k['stored'] for k in kills)}"
    )


def test_store_opens_after_every_kill_and_holds_only_whole_batches(
    scenario: dict[str, Any],
) -> None:
    assert scenario["unopenable"] == []
    assert scenario["partial"] == []


def test_rerun_after_kills_equals_an_uninterrupted_run(scenario: dict[str, Any]) -> None:
    reference = scenario["reference"]
    assert len(reference["documents"]) == N_DOCS - N_COPIES  # duplicates stored once
    assert len(reference["event_records"]) > N_DOCS // 2  # the corpus does produce events
    assert scenario["completed_after_kills"] >= 2
    for final in scenario["finals"]:
        for table in TABLES:
            assert final[table] == reference[table], table  # nothing lost, nothing doubled


def test_readers_during_a_run_see_old_or_new_state_never_an_error(
    scenario: dict[str, Any],
) -> None:
    reader = scenario["reader"]
    assert reader.errors == []
    seen = reader.seen
    assert len(seen) >= 20, "the reader barely got in: the writer held the file too long"
    docs = [s[0] for s in seen]
    assert docs == sorted(docs)  # never goes back
    assert all(orphans == 0 for _, _, orphans in seen)  # events never without their document
    assert docs[0] < N_DOCS - N_COPIES and docs[-1] > 0  # saw it mid-run, not only at the ends
