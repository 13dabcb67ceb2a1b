"""The command line as a user meets it: the example corpus, formats, and one-line errors."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from backchannel.cli import main

ROOT = Path(__file__).resolve().parents[1]


def _out(argv: list[str]) -> str:
    out = io.StringIO()
    assert main(argv, out=out) == 0
    return out.getvalue()


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("corpus") / "demo.duckdb"
    code = main(["run", str(ROOT / "examples" / "corpus"), "--db", str(db), "--quiet"])
    assert code == 0
    return db


@pytest.mark.model
def test_example_corpus_builds_the_expected_channels(corpus_db: Path) -> None:
    rows = json.loads(
        _out(["channels", "--db", str(corpus_db), "--as-of", "2025-11-20", "--format", "json"])
    )
    pairs = {frozenset((r["a"]["name"], r["b"]["name"])): r for r in rows}
    assert pairs[frozenset(("Scott Bessent", "He Lifeng"))]["status"] == "active"
    assert pairs[frozenset(("Donald Trump", "Xi Jinping"))]["status"] == "active"
    assert pairs[frozenset(("Jake Sullivan", "Wang Yi"))]["status"] == "severed"
    for row in rows:
        assert row["reason"]
        assert set(row) >= {"a", "b", "status", "reason", "first_contact", "last_contact"}


@pytest.mark.model
def test_buenos_aires_dinner_from_two_outlets_is_one_event(corpus_db: Path) -> None:
    rows = json.loads(_out(["events", "--db", str(corpus_db), "--format", "json"]))
    dinner = [
        e
        for e in rows
        if {e["source"]["name"], e["target"]["name"]} == {"Donald Trump", "Xi Jinping"}
        and e["date"]["start"] == "2018-12-01"
        and e["type"] in {"CONSULT", "AGREE"}
    ]
    types = [e["type"] for e in dinner]
    assert len(types) == len(set(types)), "one event per category, not one per article"
    assert max(len(e["sources"]) for e in dinner) >= 2


@pytest.mark.model
def test_event_fields_are_the_documented_contract(corpus_db: Path) -> None:
    lines = _out(["events", "--db", str(corpus_db), "--format", "jsonl"]).splitlines()
    assert lines
    for line in lines:
        ev = json.loads(line)
        assert set(ev) >= {
            "event_id", "doc_id", "sentence", "type", "mode", "source", "target",
            "date", "location", "modality", "intensity", "confidence",
        }  # fmt: skip
        assert set(ev["source"]) >= {"name", "country", "sector"}
        assert set(ev["date"]) == {"start", "end", "precision"}


@pytest.mark.model
def test_csv_and_role_changes(corpus_db: Path) -> None:
    text = _out(["role-changes", "--db", str(corpus_db), "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(text)))
    assert any(r["actor.name"] == "Qin Gang" and r["change"] == "removed" for r in rows)


@pytest.mark.model
def test_report_writes_html_with_the_channel_table(corpus_db: Path, tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    assert (
        main(["report", "--db", str(corpus_db), "--html", str(target), "--as-of", "2025-11-20"])
        == 0
    )
    html = target.read_text()
    assert "Scott Bessent" in html and "data:image/png;base64," in html


@pytest.mark.model
def test_brokers_from_the_store(corpus_db: Path) -> None:
    rows = json.loads(
        _out(["brokers", "--db", str(corpus_db), "--as-of", "2025-11-20", "--format", "json"])
    )
    assert rows and all(set(r["roles"]) >= {"coordinator", "liaison", "total"} for r in rows)


def test_missing_input_is_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["run", str(tmp_path / "nope.txt"), "--db", str(tmp_path / "x.duckdb")])
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith("error: ") and err.count("\n") == 1
    assert "nope.txt" in err


def test_query_without_store_is_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["channels", "--db", str(tmp_path / "none.duckdb")])
    err = capsys.readouterr().err
    assert code == 2 and "backchannel run" in err and err.count("\n") == 1


def test_bad_date_is_rejected_by_the_parser(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["channels", "--as-of", "yesterday"])
    assert exc.value.code == 2
    assert "use YYYY-MM-DD" in capsys.readouterr().err


def test_brokers_on_user_csv_files(tmp_path: Path) -> None:
    edges = tmp_path / "e.csv"
    groups = tmp_path / "g.csv"
    edges.write_text("source,target\na,b\nb,c\n")
    groups.write_text("node,group\na,USA\nb,THIRD\nc,CHN\n")
    rows = json.loads(
        _out(["brokers", "--edges", str(edges), "--groups", str(groups), "--format", "json"])
    )
    b = next(r for r in rows if r["name"] == "b")
    assert b["roles"]["liaison"] == 1


@pytest.mark.model
def test_directory_with_bad_files_stores_the_good_ones(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(
        "Title: Talks\nDate: 2025-05-12\n\nScott Bessent met He Lifeng in Geneva on Saturday.\n"
    )
    (folder / "empty.txt").write_text("")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02\x03" * 50)
    (folder / "broken.jsonl").write_text('{"text": "ok"\nnot json\n')
    db = tmp_path / "bad.duckdb"
    assert main(["run", str(folder), "--db", str(db), "--quiet"]) == 0
    skipped = json.loads(_out(["skipped", "--db", str(db), "--format", "json"]))
    reasons = {Path(s["origin"].split(":")[0]).name: s["reason"] for s in skipped}
    assert {"empty.txt", "binary.txt", "broken.jsonl"} <= set(reasons)
    events = json.loads(_out(["events", "--db", str(db), "--format", "json"]))
    assert any(e["source"]["name"] == "Scott Bessent" for e in events)


@pytest.mark.model
def test_user_kb_adds_people_the_bundled_kb_does_not_know(tmp_path: Path) -> None:
    kb = tmp_path / "mine.yaml"
    kb.write_text(
        "actors:\n"
        "  - id: jane-doe\n"
        "    name: Jane Doe\n"
        "    kind: person\n"
        "    country: USA\n"
        "    sector: academic\n"
        "    surname: Doe\n"
        "    roles:\n"
        "      - {title: Special Envoy, org: Example Office, country: USA,"
        " sector: government, start: 2025-01-01, end: null}\n"
    )
    article = tmp_path / "a.txt"
    article.write_text(
        "Title: Envoy\nDate: 2025-06-02\n\nJane Doe met Wang Yi in Beijing on Monday.\n"
    )
    db = tmp_path / "kb.duckdb"
    assert main(["run", str(article), "--db", str(db), "--kb", str(kb), "--quiet"]) == 0
    events = json.loads(_out(["events", "--db", str(db), "--format", "json"]))
    ev = next(e for e in events if e["source"]["name"] == "Jane Doe")
    assert ev["source"]["sector"] == "government" and ev["target"]["name"] == "Wang Yi"


def test_bad_user_kb_is_one_line_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    kb = tmp_path / "bad.yaml"
    kb.write_text("actors:\n  - id: x\n    roles: [{start: 2025-13-01}]\n")
    article = tmp_path / "a.txt"
    article.write_text("Some text about nothing.\n")
    code = main(["run", str(article), "--db", str(tmp_path / "k.duckdb"), "--kb", str(kb)])
    err = capsys.readouterr().err
    assert code == 2 and err.startswith("error: ") and "bad.yaml" in err
