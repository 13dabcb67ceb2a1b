"""GDELT 2.0 event exports: bulk import, CAMEO → PLOVER, malformed rows, zip bombs refused."""

from __future__ import annotations

import argparse
import gzip
import hashlib
import io
import json
import zipfile
from pathlib import Path
from typing import Any

import duckdb
import pytest

from backchannel.cli_scale import add_run_options, engine_from_args, register
from backchannel.engines import DaskEngine, PoolEngine
from backchannel.errors import SourceError
from backchannel.gdelt import import_gdelt, load_cameo_map, load_spec

FIXTURES = Path(__file__).parent / "fixtures" / "gdelt"
EXPORT = FIXTURES / "20251030063000.export.CSV"
ZIPPED = FIXTURES / "20251030063000.export.CSV.zip"
EXPECTED = FIXTURES / "expected.json"  # every stored row of EXPORT, pinned
MALFORMED_LINES = {5, 12, 20, 28, 33, 40}  # see make_fixture.py


def rows(db: Path, sql: str, params: list[Any] | None = None) -> list[tuple[Any, ...]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


def one(db: Path, sql: str, params: list[Any] | None = None) -> Any:
    return rows(db, sql, params)[0][0]


@pytest.fixture()
def imported(db: Path) -> Path:
    summary = import_gdelt([EXPORT], db)
    assert (summary.imported, summary.rows, summary.malformed) == (36, 48, 6)
    assert (summary.no_plover, summary.one_actor) == (3, 3)
    return db


def test_spec_has_the_61_gdelt_2_columns() -> None:
    spec = load_spec()
    assert len(spec.columns) == 61
    assert spec.columns[0] == "GLOBALEVENTID" and spec.columns[-1] == "SOURCEURL"
    assert spec.columns[40:42] == ("Actor1Geo_Lat", "Actor1Geo_Long")  # after the 2.0 ADM2 field


def test_counts_and_us_china_events(imported: Path) -> None:
    assert one(imported, "SELECT count(*) FROM event_records") == 36
    assert one(imported, "SELECT count(*) FROM documents WHERE origin = 'gdelt'") == 25
    us_china = one(
        imported,
        "SELECT count(*) FROM event_records "
        "WHERE list_sort([source_country, target_country]) = ['CHN', 'USA']",
    )
    assert us_china == 28


PINNED = {
    "event_records": "SELECT * FROM event_records ORDER BY record_id",
    "documents": "SELECT * EXCLUDE (ingested_at) FROM documents ORDER BY doc_id",
    "actors": "SELECT * FROM actors ORDER BY actor_id",
    "skipped": "SELECT origin, reason, detail FROM skipped ORDER BY origin, reason",
}


def test_every_stored_row_matches_the_pinned_import(imported: Path) -> None:
    expected = json.loads(EXPECTED.read_text(encoding="utf-8"))
    for table, sql in PINNED.items():
        con = duckdb.connect(str(imported), read_only=True)
        try:
            cursor = con.execute(sql)
            columns = [d[0] for d in cursor.description]
            got = [list(r) for r in cursor.fetchall()]
        finally:
            con.close()
        if table == "skipped":
            got = [[r[0].replace(str(EXPORT), "EXPORT"), *r[1:]] for r in got]
        assert columns == expected[table]["columns"], table
        assert got == expected[table]["rows"], table


def test_one_event_is_mapped_field_by_field(imported: Path) -> None:
    url = "https://www.example-wire.com/world/asia/2025/10/30/trump-xi-busan-talks"
    (row,) = rows(
        imported,
        "SELECT doc_id, type, mode, source_id, source_name, source_country, source_sector, "
        "target_id, target_name, date_start, date_end, date_precision, location, modality, "
        "rule, intensity FROM event_records WHERE record_id = 'gdelt:1270001001'",
    )
    doc_id = "gdelt:" + hashlib.md5(url.encode()).hexdigest()[:16]
    assert row == (
        doc_id,
        "CONSULT",
        "visit",
        "gdelt:USAGOV",
        "DONALD TRUMP",
        "USA",
        "government",
        "gdelt:CHNGOV",
        "XI JINPING",
        "2025-10-30",
        "2025-10-30",
        "day",
        "Busan, Pusan-jikhalsi, South Korea",
        "asserted",
        "gdelt.v1",
        1.9,
    )
    assert rows(
        imported, "SELECT url, origin, published FROM documents WHERE doc_id = ?", [doc_id]
    ) == [(url, "gdelt", "2025-10-30")]
    # four events from that article: one document
    assert one(imported, "SELECT count(*) FROM event_records WHERE doc_id = ?", [doc_id]) == 4


def test_cameo_codes_map_to_plover(imported: Path) -> None:
    got = dict(
        rows(imported, "SELECT trigger, type || '/' || mode FROM event_records GROUP BY ALL")
    )
    assert got["041"] == "CONSULT/phone"
    assert got["057"] == "SUPPORT/"
    assert got["0871"] == "RETREAT/ceasefire"
    assert got["163"] == "COERCE/restrict"
    assert got["1312"] == "THREATEN/"
    assert got["020"] == "REQUEST/"
    assert "010" not in got and "012" not in got  # public statements: no PLOVER event


def test_malformed_rows_are_skipped_with_line_numbers(imported: Path) -> None:
    found = rows(
        imported,
        "SELECT origin, detail FROM skipped WHERE reason = 'gdelt-malformed-row' ORDER BY origin",
    )
    lines = {int(origin.rsplit(":", 1)[1]): detail for origin, detail in found}
    assert set(lines) == MALFORMED_LINES
    assert lines[5] == "expected 61 tab-separated columns, found 40"
    assert lines[12] == "expected 61 tab-separated columns, found 62"
    assert lines[20] == "empty line"
    assert "SQLDATE" in lines[28] and "999" in lines[33] and "GDELT-X" in lines[40]
    counted = dict(
        rows(imported, "SELECT reason, detail FROM skipped WHERE origin = ?", [str(EXPORT)])
    )
    assert counted["gdelt-no-plover-category"].startswith("3 events")
    assert counted["gdelt-one-actor"].startswith("3 events")


def test_zip_gives_the_same_rows_and_reimport_changes_nothing(
    imported: Path, tmp_path: Path
) -> None:
    other = tmp_path / "zip.duckdb"
    assert import_gdelt([ZIPPED], other).imported == 36
    sql = "SELECT * EXCLUDE (event_id) FROM event_records ORDER BY record_id"
    assert rows(other, sql) == rows(imported, sql)
    zipped_lines = rows(
        other, "SELECT origin FROM skipped WHERE reason = 'gdelt-malformed-row' ORDER BY origin"
    )
    assert all("!20251030063000.export.CSV:" in o for (o,) in zipped_lines)
    tables = ("event_records", "documents", "actors")
    before = {t: rows(imported, f"SELECT * FROM {t} ORDER BY ALL") for t in tables}
    import_gdelt([EXPORT, ZIPPED], imported)
    after = {t: rows(imported, f"SELECT * FROM {t} ORDER BY ALL") for t in tables}
    assert after == before  # not a row added or changed, not even a document's ingestion time


def test_gzip_gives_the_same_rows_and_is_cut_off_at_the_limit(
    imported: Path, tmp_path: Path
) -> None:
    packed = tmp_path / "20251030063000.export.CSV.gz"
    packed.write_bytes(gzip.compress(EXPORT.read_bytes()))
    other = tmp_path / "gz.duckdb"
    assert import_gdelt([packed], other).imported == 36
    sql = "SELECT * EXCLUDE (event_id) FROM event_records ORDER BY record_id"
    assert rows(other, sql) == rows(imported, sql)
    (refused,) = import_gdelt([packed], tmp_path / "small.duckdb", max_bytes=1_000).refused
    assert refused.reason == "zip-too-large" and "more than 1,000 bytes" in refused.detail


def test_line_numbers_count_empty_and_rejected_lines(db: Path, tmp_path: Path) -> None:
    lines = EXPORT.read_text(encoding="utf-8").splitlines()
    good = [line for line in lines if line.count("\t") == 60 and line.startswith("1270001")]
    broken = "\t".join(good[2].split("\t")[:10])
    bad_date = good[3].replace("\t20251030\t", "\tnot-a-day\t", 1)
    text = "\n".join(["", good[0], broken, "", "", good[1], bad_date, good[4]]) + "\n"
    path = tmp_path / "lines.export.CSV"
    path.write_text(text, encoding="utf-8")
    summary = import_gdelt([path], db)
    assert (summary.rows, summary.imported, summary.malformed) == (8, 3, 5)
    found = dict(
        rows(db, "SELECT origin, detail FROM skipped WHERE reason = 'gdelt-malformed-row'")
    )
    assert found == {
        f"{path}:1": "empty line",
        f"{path}:3": "expected 61 tab-separated columns, found 10",
        f"{path}:4": "empty line",
        f"{path}:5": "empty line",
        f"{path}:7": "SQLDATE 'not-a-day' is not a date YYYYMMDD",
    }


def _bomb(path: Path, size: int) -> Path:
    with (
        zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as z,
        z.open("20251030063000.export.CSV", "w") as member,
    ):
        block = b"\0" * (1 << 20)
        for _ in range(size >> 20):
            member.write(block)
    return path


def test_zip_bomb_is_refused_before_inflating(db: Path, tmp_path: Path) -> None:
    bomb = _bomb(tmp_path / "bomb.zip", 64 << 20)
    assert bomb.stat().st_size < 1 << 20  # 64 MiB of zeros packs into a few hundred KiB
    summary = import_gdelt([bomb, EXPORT], db)
    assert summary.imported == 36  # the good file still goes in
    (refused,) = summary.refused
    assert refused.reason == "zip-too-large"
    assert "zip bomb" in refused.detail
    assert rows(db, "SELECT reason FROM skipped WHERE origin = ?", [str(bomb)]) == [
        ("zip-too-large",)
    ]


def test_zip_over_the_size_limit_is_refused(db: Path) -> None:
    summary = import_gdelt([ZIPPED], db, max_bytes=10_000)
    assert summary.imported == 0
    (refused,) = summary.refused
    assert "the limit is 10,000" in refused.detail


def test_missing_file_is_a_usage_error(db: Path, tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="not found"):
        import_gdelt([tmp_path / "nope.CSV"], db)


def test_official_cameo2plover_table_agrees_with_the_bundled_one(shared: Path) -> None:
    official = load_cameo_map(shared / "data" / "gold" / "plover" / "CAMEO2PLOVER-2021.txt")
    bundled = load_cameo_map()
    assert len(official.codes) > 200
    for code, value in official.codes.items():
        mapped = bundled.lookup(code)
        assert (value[0] if value else None) == (mapped[0] if mapped else None), code


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="backchannel")
    sub = parser.add_subparsers(dest="command", required=True)
    register(sub)
    run = sub.add_parser("run")
    add_run_options(run)
    return parser


def test_cli_import_gdelt(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = _parser().parse_args(["import", "gdelt", str(ZIPPED), "--db", str(db)])
    assert args.func(args, io.StringIO()) == 0
    assert "imported 36 GDELT events" in capsys.readouterr().err
    assert one(db, "SELECT count(*) FROM event_records") == 36


def test_cli_run_options_build_engines() -> None:
    parser = _parser()
    assert engine_from_args(parser.parse_args(["run"])) is None
    assert engine_from_args(parser.parse_args(["run", "--workers", "2"])) == PoolEngine(2)
    assert engine_from_args(parser.parse_args(["run", "--dask", "local:2"])) == DaskEngine(
        "local:2"
    )
    with pytest.raises(SystemExit):
        parser.parse_args(["run", "--workers", "2", "--dask", "local:2"])
