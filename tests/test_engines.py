"""Engines: the same corpus gives the same store, row for row, in-process, in a pool and on Dask."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest

from backchannel.engines import DaskEngine, PoolEngine, engine_for, extract_batch
from backchannel.errors import UsageError
from backchannel.model import Document, Extraction, Skip
from backchannel.pipeline import Settings, run

pytestmark = pytest.mark.model

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "examples" / "corpus"
SETTINGS = Settings(today="2026-11-25")

# Every table a run fills, with its primary key (timestamps are left out of the comparison).
TABLES = {
    "documents": "doc_id",
    "event_records": "record_id",
    "role_changes": "change_id",
    "mentions": "doc_id, start_char",
    "removed_spans": "doc_id, start_char",
    "actors": "actor_id",
    "skipped": "origin, reason",
}
TIMESTAMPS = {"ingested_at", "seen_at"}


def dump(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        out = {}
        for table, key in TABLES.items():
            cols = [
                r[0]
                for r in con.execute(
                    "SELECT column_name FROM information_schema.columns "
                    "WHERE table_name = ? ORDER BY ordinal_position",
                    [table],
                ).fetchall()
                if r[0] not in TIMESTAMPS
            ]
            out[table] = con.execute(
                f"SELECT {', '.join(cols)} FROM {table} ORDER BY {key}"
            ).fetchall()
        return out
    finally:
        con.close()


@pytest.fixture(scope="module")
def in_process(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[tuple[Any, ...]]]:
    db = tmp_path_factory.mktemp("inproc") / "s.duckdb"
    run([str(CORPUS)], db, SETTINGS, batch_size=4)
    return dump(db)


def assert_same(
    got: dict[str, list[tuple[Any, ...]]], want: dict[str, list[tuple[Any, ...]]]
) -> None:
    for table in TABLES:
        assert len(got[table]) == len(want[table]), table
        for a, b in zip(got[table], want[table], strict=True):
            assert a == b, f"{table}: {a} != {b}"


def test_in_process_store_is_not_trivial(in_process: dict[str, list[tuple[Any, ...]]]) -> None:
    assert len(in_process["documents"]) == 16
    assert len(in_process["event_records"]) > 50
    assert in_process["role_changes"] and in_process["mentions"] and in_process["removed_spans"]


@pytest.mark.slow
def test_pool_engine_gives_identical_rows(
    in_process: dict[str, list[tuple[Any, ...]]], tmp_path: Path
) -> None:
    db = tmp_path / "pool.duckdb"
    # two batches per worker process: the four batches also cross a worker replacement
    engine = PoolEngine(2, batches_per_worker=2)
    summary = run([str(CORPUS)], db, SETTINGS, batch_size=4, engine=engine)
    assert summary.stored == 16
    assert_same(dump(db), in_process)


@pytest.mark.slow
def test_dask_engine_gives_identical_rows(
    in_process: dict[str, list[tuple[Any, ...]]], tmp_path: Path
) -> None:
    pytest.importorskip("distributed")
    db = tmp_path / "dask.duckdb"
    summary = run([str(CORPUS)], db, SETTINGS, batch_size=4, engine=DaskEngine("local:2"))
    assert summary.stored == 16
    assert_same(dump(db), in_process)


class Interrupted(Exception):
    pass


class StopsAfter:
    """An engine that dies after ``n`` batches, like a run killed half-way."""

    def __init__(self, n: int) -> None:
        self.n = n

    def map_batches(
        self, settings: Settings, batches: Iterable[list[Document]]
    ) -> Iterator[list[Extraction | Skip]]:
        for i, batch in enumerate(batches):
            if i == self.n:
                raise Interrupted
            yield extract_batch(settings, batch)


class Greedy:
    """An engine that reads every batch before returning any (the most look-ahead possible)."""

    def map_batches(
        self, settings: Settings, batches: Iterable[list[Document]]
    ) -> Iterator[list[Extraction | Skip]]:
        pending = list(batches)
        for batch in pending:
            yield extract_batch(settings, batch)


@pytest.mark.slow
def test_interrupted_run_resumes_with_pool_without_duplicates(
    in_process: dict[str, list[tuple[Any, ...]]], tmp_path: Path
) -> None:
    db = tmp_path / "resume.duckdb"
    with pytest.raises(Interrupted):
        run([str(CORPUS)], db, SETTINGS, batch_size=4, engine=StopsAfter(2))
    partial = dump(db)
    assert len(partial["documents"]) == 8  # two batches of four landed
    summary = run([str(CORPUS)], db, SETTINGS, batch_size=4, engine=PoolEngine(2))
    assert summary.duplicates == 8
    assert summary.stored == 8
    assert_same(dump(db), in_process)


def test_same_article_twice_in_flight_is_one_document(tmp_path: Path) -> None:
    article = CORPUS / "text" / "2020-01-16-phase-one-signed.txt"
    db = tmp_path / "twice.duckdb"
    summary = run([str(article), str(article)], db, SETTINGS, batch_size=1, engine=Greedy())
    assert (summary.stored, summary.duplicates) == (1, 1)
    assert len(dump(db)["documents"]) == 1


def test_engine_options_are_checked() -> None:
    assert engine_for() is None
    assert engine_for(workers=1) is None
    assert isinstance(engine_for(workers=3), PoolEngine)
    assert isinstance(engine_for(dask="local:2"), DaskEngine)
    with pytest.raises(UsageError, match="do not go together"):
        engine_for(workers=2, dask="local:2")
    with pytest.raises(UsageError, match="local:N"):
        DaskEngine("local:zero")
    with pytest.raises(UsageError, match="at least 1"):
        PoolEngine(0)
    with pytest.raises(UsageError, match="at least 1"):
        PoolEngine(2, batches_per_worker=0)
