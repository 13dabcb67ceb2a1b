"""The DuckDB store: migrations, idempotent writes, merging across articles, clear errors."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from backchannel.analysis.channels import channels
from backchannel.errors import StoreError
from backchannel.model import Document, Extraction, Participant, Skip
from backchannel.queries import events
from backchannel.store import Store
from builders import one_event

XI = Participant("xi-jinping", "Xi Jinping", "CHN", "government", "person", "President")
TRUMP = Participant("donald-trump", "Donald Trump", "USA", "government", "person", "President")


def _extraction(text: str, day: str, precision: str = "day", url: str = "") -> Extraction:
    doc = Document(Document.make_id(text), text, published=day, url=url, origin=text[:10])
    return one_event(doc, XI, TRUMP, precision=precision)  # type: ignore[arg-type]


def _write(db: Path, *extractions: Extraction, skips: tuple[Skip, ...] = ()) -> None:
    with Store.open(db) as store:
        store.migrate()
        store.write(list(extractions), list(skips))
        store.merge_events()


def test_migrations_are_named_and_applied_once(db: Path) -> None:
    with Store.open(db) as store:
        assert store.migrate() == ["0001_initial", "0002_warnings"]
        assert store.migrate() == []


def test_same_meeting_in_two_articles_is_one_event_with_two_sources(db: Path) -> None:
    _write(
        db,
        _extraction("Xi met Trump in Buenos Aires on Saturday.", "2018-12-01"),
        _extraction("Xi and Trump dined on December 1.", "2018-12-01", url="https://example.org/a"),
        _extraction("Xi met Trump again in Osaka.", "2019-06-29"),
    )
    with Store.open(db, read_only=True) as store:
        got = events(store)
    assert len(got) == 2
    buenos = next(e for e in got if e["date"]["start"] == "2018-12-01")
    assert len(buenos["sources"]) == 2
    with Store.open(db, read_only=True) as store:
        (ch,) = channels(store, "2019-07-01", sides=("USA", "CHN"))
    assert ch.events == 2  # contacts, not articles


def test_rewriting_the_same_batch_changes_nothing(db: Path) -> None:
    ex = _extraction("Xi met Trump in Buenos Aires on Saturday.", "2018-12-01")
    _write(db, ex)
    _write(db, ex)
    with Store.open(db, read_only=True) as store:
        counts = store.counts()
    assert counts["documents"] == 1 and counts["event_records"] == 1


def test_skips_are_recorded_with_reasons(db: Path) -> None:
    _write(db, skips=(Skip("bad.bin", "binary-file", "NUL bytes at offset 3"),))
    with Store.open(db, read_only=True) as store:
        rows = store.query("SELECT * FROM skipped")
    assert rows[0]["reason"] == "binary-file"


def test_reader_on_missing_store_gets_a_clear_message(tmp_path: Path) -> None:
    with (
        pytest.raises(StoreError, match="no store at"),
        Store.open(tmp_path / "nope.duckdb", read_only=True),
    ):
        pass


def test_reader_on_a_foreign_database_gets_a_clear_message(tmp_path: Path) -> None:
    other = tmp_path / "other.duckdb"
    duckdb.connect(str(other)).close()
    with (
        pytest.raises(StoreError, match="not a backchannel store"),
        Store.open(other, read_only=True),
    ):
        pass


def test_newer_store_is_refused(db: Path) -> None:
    with Store.open(db) as store:
        store.migrate()
        store.con.execute("INSERT INTO migrations VALUES ('9999_future', now())")
    with pytest.raises(StoreError, match="newer backchannel"), Store.open(db) as store:
        store.migrate()
