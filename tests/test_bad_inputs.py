"""A run over every kind of bad input goes on, stores the good documents and says why for the rest.

The corpus is ``tests/data/bad/`` (written by ``scripts/make_bad_corpus.py``,
with the outcome each file must have in ``.expected.json``); the 50 MB file and
the symlinks are made in a temporary folder, never committed.
"""

from __future__ import annotations

import importlib.util
import io
import json
import re
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from backchannel.cli import main
from backchannel.store import Store

ROOT = Path(__file__).resolve().parents[1]
COMMITTED = ROOT / "tests" / "data" / "bad"
TODAY = "2025-11-25"
SUMMARY = re.compile(
    r"^stored (\d+) documents \(\d+ events, \d+ role changes\); (\d+) duplicates; "
    r"(\d+) skipped( \(.+\))?$"
)


def _corpus_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "make_bad_corpus", ROOT / "scripts" / "make_bad_corpus.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def bad_run(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    base = tmp_path_factory.mktemp("bad")
    folder = base / "in"
    expected = _corpus_module().write(folder, large=True)
    db = base / "bad.duckdb"
    err = io.StringIO()
    import contextlib

    with contextlib.redirect_stderr(err):
        code = main(["run", str(folder), "--db", str(db), "--today", TODAY, "--batch-size", "8"])
    with Store.open(db, read_only=True) as store:
        docs = store.query(
            "SELECT origin, published, doc_date_start, doc_date_precision FROM documents"
        )
        skipped = store.query("SELECT origin, reason, detail FROM skipped")
    return {
        "code": code,
        "stderr": err.getvalue(),
        "expected": expected,
        "folder": folder,
        "db": db,
        "docs": {Path(d["origin"]).name.split("#")[0]: d for d in docs},
        "skipped": {Path(s["origin"]).name.split("#")[0]: s for s in skipped},
    }


def test_committed_corpus_is_what_the_script_writes(tmp_path: Path) -> None:
    fresh = tmp_path / "bad"
    _corpus_module().write(fresh)
    names = sorted(p.name for p in fresh.iterdir())
    assert sorted(p.name for p in COMMITTED.iterdir()) == names
    for name in names:
        assert (COMMITTED / name).read_bytes() == (fresh / name).read_bytes(), name
    assert sum((COMMITTED / n).stat().st_size for n in names) < 1_000_000  # committed small


@pytest.mark.model
def test_run_goes_on_and_ends_with_one_summary_line(bad_run: dict[str, Any]) -> None:
    assert bad_run["code"] == 0
    lines = bad_run["stderr"].strip().splitlines()
    match = SUMMARY.match(lines[-1])
    assert match, lines[-1]
    stored, duplicates, skipped = (int(match.group(i)) for i in (1, 2, 3))
    assert stored == len(bad_run["docs"]) and skipped == len(bad_run["skipped"])
    # good-2 and its copy, good-1 and a link to it
    assert duplicates == 2


@pytest.mark.model
def test_every_input_is_stored_or_skipped_with_an_actionable_reason(
    bad_run: dict[str, Any],
) -> None:
    docs, skipped = bad_run["docs"], bad_run["skipped"]
    for name, outcome in bad_run["expected"].items():
        if outcome == "stored":
            assert name in docs, f"{name}: not stored ({skipped.get(name)})"
        elif outcome == "duplicate":
            assert name not in skipped
        elif outcome == "any":
            assert (name in docs) != (name in skipped), name  # recorded once, never dropped
        elif outcome in ("nothing", "per-line"):
            assert name not in docs and name not in skipped
        else:
            assert name in skipped, f"{name}: expected {outcome}, was stored"
            assert skipped[name]["reason"] == outcome, (name, skipped[name])
    for name, row in skipped.items():
        assert row["detail"].strip(), name  # a reason the user can act on, not just a code
        assert row["origin"].startswith(str(bad_run["folder"])), row  # the path, as given
    assert set(docs) | set(skipped) <= set(bad_run["expected"])


@pytest.mark.model
def test_secret_behind_an_outside_symlink_is_not_read(bad_run: dict[str, Any]) -> None:
    assert "outside-secret.txt" not in bad_run["docs"]
    detail = bad_run["skipped"]["link-outside.txt"]["detail"]
    assert "outside" in detail and "copy the file in" in detail


@pytest.mark.model
def test_too_large_names_the_limit_and_how_to_raise_it(bad_run: dict[str, Any]) -> None:
    detail = bad_run["skipped"]["large-50mb.txt"]["detail"]
    assert "5,000,000-byte limit" in detail and "max_bytes" in detail


@pytest.mark.model
def test_language_sentence_length_and_future_date_rules(bad_run: dict[str, Any]) -> None:
    skipped, docs = bad_run["skipped"], bad_run["docs"]
    for name in ("french.txt", "spanish.md", "chinese-gb18030.txt", "broken.jsonl:15"):
        assert skipped[name]["reason"] == "not-english"
        assert "translate" in skipped[name]["detail"]
    assert skipped["long-sentence.txt"]["reason"] == "sentence-too-long"
    assert "--max-sentence-words" in skipped["long-sentence.txt"]["detail"]
    future = docs["future-date.txt"]
    assert future["published"] == "2031-05-01"  # what the source said is kept …
    assert future["doc_date_start"] != "2031-05-01"  # … but not used to date the events
    with Store.open(bad_run["db"], read_only=True) as store:
        warned = store.query("SELECT origin, reason, detail FROM warnings")
    assert [(Path(w["origin"]).name, w["reason"]) for w in warned] == [
        ("future-date.txt", "future-date")
    ]


@pytest.mark.model
def test_nothing_readable_exits_1_with_the_summary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("empty.txt", "random.bin", "no-body.html", "undecodable.txt"):
        (folder / name).write_bytes((COMMITTED / name).read_bytes())
    code = main(["run", str(folder), "--db", str(tmp_path / "x.duckdb"), "--today", TODAY])
    assert code == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert SUMMARY.match(err[0]) and err[0].startswith("stored 0 documents")
    assert err[-1] == "error: no document could be read from the inputs"
    with Store.open(tmp_path / "x.duckdb", read_only=True) as store:
        assert len(store.query("SELECT * FROM skipped")) == 4


@pytest.mark.model
def test_jsonl_with_broken_lines_keeps_every_good_line(tmp_path: Path) -> None:
    lines = (COMMITTED / "broken.jsonl").read_text(encoding="utf-8").splitlines()
    good = json.loads(lines[0])
    db = tmp_path / "j.duckdb"
    assert main(["run", str(COMMITTED / "broken.jsonl"), "--db", str(db), "--quiet"]) == 0
    with Store.open(db, read_only=True) as store:
        origins = {r["origin"] for r in store.query("SELECT origin FROM documents")}
    assert f"{COMMITTED / 'broken.jsonl'}:1#{good['id']}" in origins


@pytest.mark.model
@pytest.mark.parametrize(
    "hostile", ["x' OR 1=1 --", "'; DROP TABLE documents; --", '" OR ""="', "x') UNION SELECT 1 --"]
)
def test_actor_filters_never_reach_sql_unbound(bad_run: dict[str, Any], hostile: str) -> None:
    db = str(bad_run["db"])
    out = io.StringIO()
    assert main(["events", "--db", db, "--actor", "Wang Yi", "--format", "json"], out=out) == 0
    assert json.loads(out.getvalue())  # the filter finds real rows, so empty below means something
    for command in ("events", "role-changes"):
        out = io.StringIO()
        assert main([command, "--db", db, "--actor", hostile, "--format", "json"], out=out) == 0
        assert json.loads(out.getvalue()) == []
    with Store.open(db, read_only=True) as store:
        assert store.counts()["documents"] == len(bad_run["docs"])  # nothing dropped
