"""GDELT 2.0 event exports into the store, in bulk.

    open_export     a .CSV / .csv.gz path, or a .zip whose member is streamed (size checked first)
    pyarrow.csv     streaming, tab-separated, 61 columns as strings; a row with the wrong
                    number of columns is recorded with its line number and dropped
    DuckDB SQL      per chunk of rows: validate (id, SQLDATE, EventCode), map CAMEO → PLOVER,
                    INSERT OR REPLACE into event_records and documents, new actors into actors
    Store.write     malformed rows as ``skipped`` records (origin ``FILE:LINE``)

Nothing is done row by row in Python. Every GDELT event becomes one
``event_records`` row: ``record_id`` ``gdelt:<GLOBALEVENTID>``, rule
``gdelt.v1``, modality ``asserted``, actors ``gdelt:<CAMEO actor code>``, a
day-precision date from SQLDATE, the location from ActionGeo_FullName. Its
document is the source article: ``doc_id`` ``gdelt:<md5(SOURCEURL)[:16]>``,
origin ``gdelt``, no text. Re-importing a file changes nothing (upserts on ids).

CAMEO codes are mapped through a CAMEO2PLOVER conversion table when one is
given (the format of PLOVER's ``CAMEO2PLOVER-2021.txt``), else through
backchannel's bundled table (``data/gdelt/cameo_plover.yaml``). CAMEO 01
(public statements) has no PLOVER event and one-actor events are no
interaction: both are counted per file in ``skipped``, not imported.
"""

from __future__ import annotations

import contextlib
import re
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import IO, Any

import pyarrow as pa
import pyarrow.csv as pacsv
import yaml

from backchannel.errors import SourceError
from backchannel.model import Skip

RULE = "gdelt.v1"
DEFAULT_MAX_BYTES = 4 * 1024**3  # a whole day of GDELT 2.0 events unpacks to well under 1 GiB
MAX_RATIO = 200  # GDELT exports deflate about 5:1; hundreds to one is a bomb, not a CSV
CHUNK_ROWS = 262_144


# -- the column spec and the CAMEO → PLOVER table -------------------------------------------


@dataclass(frozen=True, slots=True)
class Spec:
    """The GDELT 2.0 event columns, those the importer reads, and actor type → sector."""

    columns: tuple[str, ...]
    used: tuple[str, ...]
    sectors: dict[str, str]


@cache
def load_spec() -> Spec:
    raw = yaml.safe_load(_data("events-v2.yaml"))
    columns = tuple(str(c["name"]) for c in raw["columns"])
    if len(columns) != 61 or len(set(columns)) != 61:
        raise SourceError(
            f"data/gdelt/events-v2.yaml must list 61 distinct columns, not {len(columns)}"
        )
    used = tuple(str(c["name"]) for c in raw["columns"] if c.get("use"))
    return Spec(columns, used, {str(k): str(v) for k, v in raw["sectors"].items()})


@dataclass(frozen=True, slots=True)
class CameoMap:
    """CAMEO code → (PLOVER category, mode), or None where PLOVER has no event."""

    codes: dict[str, tuple[str, str] | None]
    source: str

    def lookup(self, code: str) -> tuple[str, str] | None:
        for key in (code, code[:3], code[:2]):
            if key in self.codes:
                return self.codes[key]
        return None

    def table(self) -> pa.Table:
        """Every code, for joining in SQL (``mapped`` false: known code, no PLOVER event)."""
        items = sorted(self.codes.items())
        return pa.table(
            {
                "code": [k for k, _ in items],
                "type": [v[0] if v else None for _, v in items],
                "mode": [v[1] if v else None for _, v in items],
            }
        )


def load_cameo_map(path: str | Path | None = None) -> CameoMap:
    """The CAMEO → PLOVER table from a CAMEO2PLOVER file, or the bundled one."""
    if path is None:
        raw = yaml.safe_load(_data("cameo_plover.yaml"))
        codes: dict[str, tuple[str, str] | None] = {}
        for section in ("roots", "codes"):
            for code, value in raw[section].items():
                codes[str(code)] = (str(value[0]), str(value[1])) if value else None
        return CameoMap(codes, "bundled")
    target = Path(path)
    try:
        text = target.read_text(encoding="utf-8")
    except OSError as exc:
        raise SourceError(f"cannot read the CAMEO map {target}: {exc.strerror}") from exc
    codes = parse_cameo2plover(text)
    if not codes:
        raise SourceError(
            f"{target} has no 'CODE: CATEGORY, mode, context' lines: give a CAMEO2PLOVER "
            "conversion table, or leave out --cameo-map for the bundled one"
        )
    codes.setdefault("01", None)  # PLOVER's table starts at 03; public statements stay out
    codes.setdefault("02", ("REQUEST", ""))
    return CameoMap(codes, str(target))


_LINE = re.compile(r"^\s*(\d{2,4})\s*:\s*([A-Z]+)\s*(?:,([^,#]*))?")


def parse_cameo2plover(text: str) -> dict[str, tuple[str, str] | None]:
    """Parse ``CODE: CATEGORY, mode, context # comment`` lines; the first line for a code wins."""
    codes: dict[str, tuple[str, str] | None] = {}
    for line in text.splitlines():
        match = _LINE.match(line)
        if match is None:
            continue
        code, category, mode = match.group(1), match.group(2), (match.group(3) or "").strip()
        codes.setdefault(code, (category, mode))
    return codes


def _data(name: str) -> str:
    return (resources.files("backchannel") / "data" / "gdelt" / name).read_text(encoding="utf-8")


# -- opening files ------------------------------------------------------------------------------


class Refused(Exception):
    """A file we will not read, with the reason (becomes a Skip, never a crash)."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


@contextlib.contextmanager
def open_export(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[tuple[str, Any]]:
    """Yield (origin, source) for pyarrow.csv: a path, or a zip member opened as a stream.

    A zip member is checked before anything is inflated: its declared size must be at
    most ``max_bytes`` and its compression ratio at most ``MAX_RATIO``. (``zipfile``
    never reads past the declared size, so the check cannot be lied around.)
    """
    if not zipfile.is_zipfile(path):
        yield str(path), str(path)
        return
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise Refused("bad-zip", f"not a readable zip archive: {exc}") from exc
    with archive:
        members = [m for m in archive.infolist() if not m.is_dir()]
        if len(members) != 1:
            raise Refused(
                "bad-zip",
                f"a GDELT export archive holds one CSV file; this one holds {len(members)}",
            )
        member = members[0]
        if member.file_size > max_bytes:
            raise Refused(
                "zip-too-large",
                f"{member.filename} would unpack to {member.file_size:,} bytes; the limit is "
                f"{max_bytes:,} (raise it with --max-bytes if the file is genuine)",
            )
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > 1024**2 and ratio > MAX_RATIO:
            raise Refused(
                "zip-too-large",
                f"{member.filename} would unpack {ratio:,.0f} times its packed size "
                f"(GDELT exports are about 5 times); refusing what looks like a zip bomb",
            )
        with archive.open(member) as stream:
            yield f"{path}!{member.filename}", stream


# -- the import -----------------------------------------------------------------------------


@dataclass(slots=True)
class ImportSummary:
    """What an import did, for the one-line summary and the exit code."""

    files: int = 0
    rows: int = 0
    imported: int = 0
    malformed: int = 0
    no_plover: int = 0
    one_actor: int = 0
    refused: list[Skip] = field(default_factory=list)

    def line(self) -> str:
        refused = f"; {len(self.refused)} files refused" if self.refused else ""
        return (
            f"imported {self.imported} GDELT events from {self.files} files ({self.rows} rows; "
            f"{self.malformed} malformed, {self.no_plover} without a PLOVER category, "
            f"{self.one_actor} with one actor){refused}"
        )


def import_gdelt(
    paths: Sequence[str | Path],
    db_path: str | Path,
    *,
    cameo_map: str | Path | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    chunk_rows: int = CHUNK_ROWS,
) -> ImportSummary:
    """Load GDELT 2.0 event export files into the store; malformed rows go to ``skipped``."""
    from backchannel.store import Store

    files = [Path(p) for p in paths]
    for f in files:
        if not f.is_file():
            raise SourceError(f"GDELT file not found: {f} (give .CSV, .csv.gz or .zip exports)")
    spec = load_spec()
    mapping = load_cameo_map(cameo_map)
    with Store.open(db_path) as store:
        store.migrate()
    summary = ImportSummary()
    for f in files:
        try:
            with open_export(f, max_bytes) as (origin, source):
                _import_file(spec, mapping, origin, source, db_path, chunk_rows, summary)
        except Refused as exc:
            skip = Skip(str(f), exc.reason, exc.detail)
            summary.refused.append(skip)
            with Store.open(db_path) as store:
                store.write([], [skip])
            continue
        summary.files += 1
    return summary


def _import_file(
    spec: Spec,
    mapping: CameoMap,
    origin: str,
    source: str | IO[bytes],
    db_path: str | Path,
    chunk_rows: int,
    summary: ImportSummary,
) -> None:
    from backchannel.store import Store

    bad_lines: list[tuple[int, str]] = []

    def invalid(row: Any) -> str:
        bad_lines.append(
            (
                int(row.number) if row.number is not None else -1,
                f"expected {row.expected_columns} tab-separated columns, "
                f"found {row.actual_columns}",
            )
        )
        return "skip"

    try:
        reader = pacsv.open_csv(
            source,
            read_options=pacsv.ReadOptions(
                column_names=list(spec.columns), use_threads=False, block_size=16 << 20
            ),
            parse_options=pacsv.ParseOptions(
                delimiter="\t",
                quote_char=False,
                double_quote=False,
                escape_char=False,
                ignore_empty_lines=False,
                invalid_row_handler=invalid,
            ),
            convert_options=pacsv.ConvertOptions(
                column_types={c: pa.string() for c in spec.used},
                include_columns=list(spec.used),
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
    except (pa.ArrowInvalid, OSError) as exc:
        raise Refused("unreadable", f"not a GDELT event export: {exc}") from exc
    semantic: list[tuple[int, str, str]] = []  # (ordinal among parsed rows, reason, detail)
    no_plover_before, one_actor_before = summary.no_plover, summary.one_actor
    ordinal = 0
    pending: list[pa.RecordBatch] = []
    pending_rows = 0
    cameo = mapping.table()
    sectors = pa.table({"t": list(spec.sectors), "sector": list(spec.sectors.values())})

    def flush() -> None:
        nonlocal pending, pending_rows, ordinal
        if not pending:
            return
        table = pa.Table.from_batches(pending)
        table = table.append_column(
            "ord", pa.array(range(ordinal, ordinal + table.num_rows), type=pa.int64())
        )
        ordinal += table.num_rows
        pending, pending_rows = [], 0
        with Store.open(db_path) as store:
            _load_chunk(store.con, table, cameo, sectors, semantic, summary)

    try:
        for batch in reader:
            pending.append(batch)
            pending_rows += batch.num_rows
            if pending_rows >= chunk_rows:
                flush()
        flush()
    except pa.ArrowInvalid as exc:
        raise Refused("unreadable", f"stopped reading after {ordinal} rows: {exc}") from exc
    summary.rows += ordinal + len(bad_lines)
    summary.malformed += len(bad_lines) + len(semantic)
    base = origin
    skips = [Skip(f"{base}:{line}", "gdelt-malformed-row", detail) for line, detail in bad_lines]
    invalid_lines = sorted(line for line, _ in bad_lines)
    for ordinal_k, reason, detail in semantic:
        skips.append(Skip(f"{base}:{_line_of(ordinal_k, invalid_lines)}", reason, detail))
    # Counted per file, not per row: a day of GDELT has ~100k of each.
    if summary.no_plover > no_plover_before:
        n = summary.no_plover - no_plover_before
        skips.append(
            Skip(
                base,
                "gdelt-no-plover-category",
                f"{n} events with CAMEO codes PLOVER has no event for (01x public statements)",
            )
        )
    if summary.one_actor > one_actor_before:
        n = summary.one_actor - one_actor_before
        skips.append(
            Skip(base, "gdelt-one-actor", f"{n} events name only one actor (no interaction)")
        )
    with Store.open(db_path) as store:
        store.write([], skips)


def _line_of(ordinal: int, invalid_lines: list[int]) -> int:
    """The file line of the ``ordinal``-th parsed row, given the lines that failed to parse."""
    line = ordinal + 1
    for bad in invalid_lines:
        if bad <= line:
            line += 1
        else:
            break
    return line


_STAGE = """
CREATE OR REPLACE TEMP TABLE _gdelt_stage AS
SELECT g.*,
       try_strptime(g.SQLDATE, '%Y%m%d')::DATE AS day,
       coalesce(c4.code, c3.code, c2.code) AS known_code,
       coalesce(c4.type, c3.type, c2.type) AS ptype,
       CASE WHEN c4.code IS NOT NULL THEN c4.mode
            WHEN c3.code IS NOT NULL THEN c3.mode ELSE c2.mode END AS pmode
FROM _gdelt_in g
LEFT JOIN _gdelt_cameo c4 ON c4.code = g.EventCode
LEFT JOIN _gdelt_cameo c3 ON c3.code = substr(g.EventCode, 1, 3)
LEFT JOIN _gdelt_cameo c2 ON c2.code = substr(g.EventCode, 1, 2)
"""

_STATUS = """
CREATE OR REPLACE TEMP TABLE _gdelt_rows AS
SELECT *,
  CASE
    WHEN GLOBALEVENTID = '' AND SQLDATE = '' AND EventCode = '' AND SOURCEURL = '' THEN 'empty'
    WHEN NOT regexp_full_match(GLOBALEVENTID, '[0-9]{1,19}') THEN 'bad-id'
    WHEN day IS NULL THEN 'bad-date'
    WHEN NOT regexp_full_match(EventCode, '[0-9]{2,4}') OR known_code IS NULL THEN 'bad-code'
    WHEN ptype IS NULL THEN 'no-plover'
    WHEN Actor1Code = '' OR Actor2Code = '' THEN 'one-actor'
    ELSE 'ok'
  END AS status
FROM _gdelt_stage
"""

_EVENTS = """
INSERT INTO event_records (
  record_id, doc_id, sentence, sentence_index, type, mode,
  source_id, source_name, source_country, source_sector, source_kind, source_role,
  target_id, target_name, target_country, target_sector, target_kind, target_role,
  date_start, date_end, date_precision, date_text, modality, trigger, location,
  intensity, confidence, rule, channel_name, event_id)
SELECT 'gdelt:' || r.GLOBALEVENTID AS record_id,
       'gdelt:' || substr(md5(r.SOURCEURL), 1, 16) AS doc_id,
       '[GDELT ' || r.EventCode || '] ' || r.Actor1Name || ' → ' || r.Actor2Name AS sentence,
       0 AS sentence_index, r.ptype AS type, r.pmode AS mode,
       'gdelt:' || r.Actor1Code, r.Actor1Name, r.Actor1CountryCode, coalesce(s1.sector, ''),
       CASE WHEN r.Actor1Code = r.Actor1CountryCode THEN 'state' ELSE 'group' END,
       r.Actor1Type1Code,
       'gdelt:' || r.Actor2Code, r.Actor2Name, r.Actor2CountryCode, coalesce(s2.sector, ''),
       CASE WHEN r.Actor2Code = r.Actor2CountryCode THEN 'state' ELSE 'group' END,
       r.Actor2Type1Code,
       strftime(r.day, '%Y-%m-%d'), strftime(r.day, '%Y-%m-%d'), 'day', r.SQLDATE,
       'asserted', r.EventCode, r.ActionGeo_FullName,
       coalesce(try_cast(r.GoldsteinScale AS DOUBLE), 0.0),
       0.5, ?, '', 'egdelt:' || r.GLOBALEVENTID
FROM _gdelt_rows r
LEFT JOIN _gdelt_sectors s1 ON s1.t = r.Actor1Type1Code
LEFT JOIN _gdelt_sectors s2 ON s2.t = r.Actor2Type1Code
WHERE r.status = 'ok'
  AND NOT EXISTS (
    SELECT 1 FROM event_records e WHERE e.record_id = 'gdelt:' || r.GLOBALEVENTID)
QUALIFY row_number() OVER (PARTITION BY r.GLOBALEVENTID ORDER BY r.ord) = 1
"""

_DOCUMENTS = """
INSERT OR REPLACE INTO documents (
  doc_id, title, url, published, source, origin, clean_text,
  doc_date_start, doc_date_end, doc_date_precision, ingested_at)
SELECT doc_id, '', arg_min(SOURCEURL, ord), arg_min(published, ord),
       arg_min(regexp_extract(SOURCEURL, '^[a-zA-Z]+://(?:www\\.)?([^/:?#]+)', 1), ord),
       'gdelt', '', arg_min(published, ord), arg_min(published, ord), 'day', ?
FROM (
  SELECT 'gdelt:' || substr(md5(SOURCEURL), 1, 16) AS doc_id, SOURCEURL, ord,
         strftime(coalesce(try_strptime(DATEADDED, '%Y%m%d%H%M%S')::DATE, day), '%Y-%m-%d')
           AS published
  FROM _gdelt_rows WHERE status = 'ok'
)
GROUP BY doc_id
"""

_ACTORS = """
INSERT OR IGNORE INTO actors (actor_id, name, kind, country, sector, aliases, origin)
SELECT actor_id, arg_min(name, ord), arg_min(kind, ord), arg_min(country, ord),
       arg_min(sector, ord), '[]', 'gdelt'
FROM (
  SELECT 'gdelt:' || r.Actor1Code AS actor_id, r.Actor1Name AS name, r.ord,
         CASE WHEN r.Actor1Code = r.Actor1CountryCode THEN 'state' ELSE 'group' END AS kind,
         r.Actor1CountryCode AS country, coalesce(s.sector, '') AS sector
  FROM _gdelt_rows r LEFT JOIN _gdelt_sectors s ON s.t = r.Actor1Type1Code
  WHERE r.status = 'ok'
  UNION ALL
  SELECT 'gdelt:' || r.Actor2Code, r.Actor2Name, r.ord,
         CASE WHEN r.Actor2Code = r.Actor2CountryCode THEN 'state' ELSE 'group' END,
         r.Actor2CountryCode, coalesce(s.sector, '')
  FROM _gdelt_rows r LEFT JOIN _gdelt_sectors s ON s.t = r.Actor2Type1Code
  WHERE r.status = 'ok'
)
GROUP BY actor_id
"""

_DETAIL = {
    "empty": "empty line",
    "bad-id": "GLOBALEVENTID {GLOBALEVENTID!r} is not a number",
    "bad-date": "SQLDATE {SQLDATE!r} is not a date YYYYMMDD",
    "bad-code": "EventCode {EventCode!r} is not a CAMEO event code",
}


def _load_chunk(
    con: Any,
    table: pa.Table,
    cameo: pa.Table,
    sectors: pa.Table,
    semantic: list[tuple[int, str, str]],
    summary: ImportSummary,
) -> None:
    import datetime as dt

    now = dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)
    con.register("_gdelt_in", table)
    con.register("_gdelt_cameo", cameo)
    con.register("_gdelt_sectors", sectors)
    try:
        con.execute("BEGIN")
        con.execute(_STAGE)
        con.execute(_STATUS)
        con.execute(_EVENTS, [RULE])
        con.execute(_DOCUMENTS, [now])
        con.execute(_ACTORS)
        counts = dict(
            con.execute("SELECT status, count(*) FROM _gdelt_rows GROUP BY status").fetchall()
        )
        bad = con.execute(
            "SELECT ord, status, GLOBALEVENTID, SQLDATE, EventCode FROM _gdelt_rows "
            "WHERE status IN ('empty', 'bad-id', 'bad-date', 'bad-code') ORDER BY ord"
        ).fetchall()
        con.execute("DROP TABLE _gdelt_rows")
        con.execute("DROP TABLE _gdelt_stage")
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    finally:
        for name in ("_gdelt_in", "_gdelt_cameo", "_gdelt_sectors"):
            con.unregister(name)
    summary.imported += int(counts.get("ok", 0))
    summary.no_plover += int(counts.get("no-plover", 0))
    summary.one_actor += int(counts.get("one-actor", 0))
    for ordinal, status, event_id, sqldate, code in bad:
        values = {"GLOBALEVENTID": event_id, "SQLDATE": sqldate, "EventCode": code}
        semantic.append((ordinal, "gdelt-malformed-row", _DETAIL[status].format(**values)))
