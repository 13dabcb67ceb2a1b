"""GDELT 2.0 event exports into the store, in bulk.

    open_export     a .CSV path as it is; a .zip member (size checked first) or a .gz file
                    stream-unpacked to a temporary file, cut off at ``max_bytes``
    DuckDB SQL      one parallel ``read_csv`` (tab-separated, 61 columns as strings, the 18
                    used kept) into a temp table in file order; then, in one transaction,
                    CAMEO → PLOVER by one join with every row classified, and one INSERT
                    each into event_records, documents and actors
    skipped         lines the reader rejected (wrong number of columns, with DuckDB's
                    line numbers), empty lines, rows with a bad id, date or code
                    (origin ``FILE:LINE``), and per-file counts of rows left out

Nothing is done row by row in Python. Every GDELT event becomes one
``event_records`` row: ``record_id`` ``gdelt:<GLOBALEVENTID>``, rule
``gdelt.v1``, modality ``asserted``, actors ``gdelt:<CAMEO actor code>``, a
day-precision date from SQLDATE, the location from ActionGeo_FullName. Its
document is the source article: ``doc_id`` ``gdelt:<md5(SOURCEURL)[:16]>``,
origin ``gdelt``, no text; an article already stored by an earlier file keeps
the fields it was first stored with. Re-importing a file changes nothing (events
and documents are inserted only for ids not yet stored).

CAMEO codes are mapped through a CAMEO2PLOVER conversion table when one is
given (the format of PLOVER's ``CAMEO2PLOVER-2021.txt``), else through
backchannel's bundled table (``data/gdelt/cameo_plover.yaml``). CAMEO 01
(public statements) has no PLOVER event and one-actor events are no
interaction: both are counted per file in ``skipped``, not imported.
"""

from __future__ import annotations

import contextlib
import gzip
import mmap
import re
import tempfile
import zipfile
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import IO, Any

import pyarrow as pa
import yaml

from backchannel.errors import SourceError
from backchannel.model import Skip

RULE = "gdelt.v1"
DEFAULT_MAX_BYTES = 4 * 1024**3  # a whole day of GDELT 2.0 events unpacks to well under 1 GiB
MAX_RATIO = 200  # GDELT exports deflate about 5:1; hundreds to one is a bomb, not a CSV


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
def open_export(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[tuple[str, Path]]:
    """Yield (origin, plain file): the path itself, or the export unpacked to a temporary file.

    A zip member is checked before anything is inflated: its declared size must be at
    most ``max_bytes`` and its compression ratio at most ``MAX_RATIO``. (``zipfile``
    never reads past the declared size, so the check cannot be lied around.) A ``.gz``
    file has no trustworthy declared size: it is cut off, and refused, at ``max_bytes``.
    """
    if zipfile.is_zipfile(path):
        with _unzipped(path, max_bytes) as unpacked:
            yield unpacked
    elif path.suffix.lower() == ".gz":
        with tempfile.TemporaryDirectory(prefix="backchannel-gdelt-") as tmp:
            target = Path(tmp) / path.stem
            try:
                with gzip.open(path, "rb") as stream:
                    _copy_at_most(stream, target, max_bytes, path.name)
            except (OSError, EOFError, zlib.error) as exc:
                raise Refused("unreadable", f"not a readable gzip file: {exc}") from exc
            yield str(path), target
    else:
        yield str(path), path


@contextlib.contextmanager
def _unzipped(path: Path, max_bytes: int) -> Iterator[tuple[str, Path]]:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise Refused("bad-zip", f"not a readable zip archive: {exc}") from exc
    with archive, tempfile.TemporaryDirectory(prefix="backchannel-gdelt-") as tmp:
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
        target = Path(tmp) / "export.CSV"
        try:
            with archive.open(member) as stream:
                _copy_at_most(stream, target, max_bytes, member.filename)
        except (zipfile.BadZipFile, OSError, EOFError, zlib.error) as exc:
            raise Refused("bad-zip", f"{member.filename} cannot be unpacked: {exc}") from exc
        yield f"{path}!{member.filename}", target


def _copy_at_most(
    stream: IO[bytes] | gzip.GzipFile, target: Path, max_bytes: int, name: str
) -> None:
    written = 0
    with target.open("wb") as out:
        while block := stream.read(1 << 20):
            written += len(block)
            if written > max_bytes:
                raise Refused(
                    "zip-too-large",
                    f"{name} unpacks to more than {max_bytes:,} bytes, the limit "
                    "(raise it with --max-bytes if the file is genuine)",
                )
            out.write(block)


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
) -> ImportSummary:
    """Load GDELT 2.0 event export files into the store; malformed rows go to ``skipped``."""
    from backchannel.store import Store

    files = [Path(p) for p in paths]
    for f in files:
        if not f.is_file():
            raise SourceError(f"GDELT file not found: {f} (give .CSV, .csv.gz or .zip exports)")
    spec = load_spec()
    codes = _code_table(load_cameo_map(cameo_map))
    sectors = pa.table({"t": list(spec.sectors), "sector": list(spec.sectors.values())})
    summary = ImportSummary()
    with Store.open(db_path) as store:
        store.migrate()
        for f in files:
            try:
                with open_export(f, max_bytes) as (origin, plain):
                    skips = _import_file(store.con, spec, codes, sectors, plain, origin, summary)
            except Refused as exc:
                skip = Skip(str(f), exc.reason, exc.detail)
                summary.refused.append(skip)
                store.write([], [skip])
                continue
            store.write([], skips)
            summary.files += 1
    return summary


def _code_table(mapping: CameoMap) -> pa.Table:
    """Every 2–4 digit code the map resolves, with its category and mode (one join in SQL).

    The exact code is tried first, then its first three digits, then its root; the
    category is the first one found that has a PLOVER event.
    """
    rows: list[tuple[str, str | None, str | None]] = []
    for width in (2, 3, 4):
        for n in range(10**width):
            code = f"{n:0{width}d}"
            found = [mapping.codes[k] for k in (code, code[:3], code[:2]) if k in mapping.codes]
            if not found:
                continue
            category = next((v[0] for v in found if v is not None), None)
            rows.append((code, category, found[0][1] if found[0] is not None else None))
    return pa.table(
        {
            "code": [r[0] for r in rows],
            "type": [r[1] for r in rows],
            "mode": [r[2] for r in rows],
        }
    )


def _empty_lines(path: Path) -> list[int]:
    """Line numbers of empty lines (DuckDB's reader skips them; we report them)."""
    found: list[int] = []
    if path.stat().st_size == 0:
        return found
    with path.open("rb") as f, mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as data:
        if data[:1] == b"\n":
            found.append(1)
        line, counted_to = 0, 0  # newlines counted so far = the number of the line they end
        at = data.find(b"\n\n")
        while at != -1:
            line += data[counted_to : at + 1].count(b"\n")
            counted_to = at + 1
            if at + 2 < len(data):  # a final newline ends the last line, it is not one more
                found.append(line + 1)
            at = data.find(b"\n\n", at + 1)
    return found


def _import_file(
    con: Any,
    spec: Spec,
    codes: pa.Table,
    sectors: pa.Table,
    path: Path,
    origin: str,
    summary: ImportSummary,
) -> list[Skip]:
    """Load one plain export in one transaction; return the skips to record for it."""
    import datetime as dt

    import duckdb

    now = dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)
    con.execute("SET enable_progress_bar = false")  # a library does not draw on the terminal
    con.register("_gdelt_codes", codes)
    con.register("_gdelt_sectors", sectors)
    read, classify = _read_sql(spec)
    try:
        # Outside the transaction, so the temp table's rowids are 0, 1, … in reader order.
        try:
            con.execute(read, [str(path)])
        except duckdb.Error as exc:
            raise Refused("unreadable", f"not a GDELT event export: {exc}") from exc
        con.execute("BEGIN")
        try:
            con.execute(classify)
            con.execute("DROP TABLE _gdelt_read")
            duplicates = con.execute(
                "SELECT count(*) - count(DISTINCT gid) FROM _gdelt_rows WHERE status = 'ok'"
            ).fetchone()
            con.execute(_EVENTS_DEDUPED if duplicates and duplicates[0] else _EVENTS, [RULE])
            con.execute(_DOCUMENTS, [now])
            con.execute(_ACTORS)
            counts = dict(
                con.execute("SELECT status, count(*) FROM _gdelt_rows GROUP BY status").fetchall()
            )
            bad = con.execute(
                "SELECT ord, status, gid, SQLDATE, EventCode FROM _gdelt_rows "
                "WHERE status IN ('bad-id', 'bad-date', 'bad-code') ORDER BY ord"
            ).fetchall()
            rejected = con.execute(_REJECTED).fetchall()
            con.execute("DROP TABLE _gdelt_rows")
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
    finally:
        con.unregister("_gdelt_codes")
        con.unregister("_gdelt_sectors")
        for table in ("_gdelt_read", "_gdelt_rejects", "_gdelt_scans"):
            con.execute(f"DROP TABLE IF EXISTS {table}")
    empty = _empty_lines(path)
    summary.rows += sum(counts.values()) + len(rejected) + len(empty)
    summary.imported += int(counts.get("ok", 0))
    summary.malformed += len(rejected) + len(empty) + len(bad)
    no_plover, one_actor = int(counts.get("no-plover", 0)), int(counts.get("one-actor", 0))
    summary.no_plover += no_plover
    summary.one_actor += one_actor

    skips = [Skip(f"{origin}:{line}", "gdelt-malformed-row", "empty line") for line in empty]
    for line, kind, fewest, most, message in rejected:
        if kind == "MISSING COLUMNS":
            detail = f"expected {len(spec.columns)} tab-separated columns, found {fewest}"
        elif kind == "TOO MANY COLUMNS":
            detail = f"expected {len(spec.columns)} tab-separated columns, found {most}"
        else:
            detail = str(message)
        skips.append(Skip(f"{origin}:{line}", "gdelt-malformed-row", detail))
    lines = _lines_of([int(r[0]) for r in bad], sorted([int(r[0]) for r in rejected] + empty))
    for line, (_, status, event_id, sqldate, code) in zip(lines, bad, strict=True):
        values = {"GLOBALEVENTID": event_id, "SQLDATE": sqldate, "EventCode": code}
        skips.append(
            Skip(f"{origin}:{line}", "gdelt-malformed-row", _DETAIL[status].format(**values))
        )
    # Counted per file, not per row: a day of GDELT has ~100k of each.
    if no_plover:
        skips.append(
            Skip(
                origin,
                "gdelt-no-plover-category",
                f"{no_plover} events with CAMEO codes PLOVER has no event for "
                "(01x public statements)",
            )
        )
    if one_actor:
        skips.append(
            Skip(
                origin,
                "gdelt-one-actor",
                f"{one_actor} events name only one actor (no interaction)",
            )
        )
    return skips


def _lines_of(ordinals: list[int], skipped_lines: list[int]) -> list[int]:
    """File lines of stored rows (ordinals ascending), given the lines the reader skipped."""
    lines, passed = [], 0
    for ordinal in ordinals:
        while passed < len(skipped_lines) and skipped_lines[passed] <= ordinal + 1 + passed:
            passed += 1
        lines.append(ordinal + 1 + passed)
    return lines


def _read_sql(spec: Spec) -> tuple[str, str]:
    """Read the export in parallel into a temp table, then classify its rows into another.

    The reader keeps only the columns the importer uses, and its temp table keeps the
    reader's row order (it is filled outside any transaction), so its ``rowid`` is the
    row's ordinal, for line numbers and "first row wins", without a window over the
    whole file. The second table joins the CAMEO table and gives every row one status.
    """
    if not all(re.fullmatch(r"[A-Za-z0-9_]+", c) for c in spec.columns):
        raise SourceError("data/gdelt/events-v2.yaml: column names must be identifiers")
    columns = ", ".join(f"'{c}': 'VARCHAR'" for c in spec.columns)
    read = ", ".join(f"coalesce({c}, '') AS {c}" for c in spec.used)
    used = ", ".join(f"g.{c}" for c in spec.used if c != "GLOBALEVENTID")
    read_sql = f"""
CREATE TEMP TABLE _gdelt_read AS
SELECT {read}
FROM read_csv(?, delim = '\t', header = false, quote = '', escape = '', new_line = '\\n',
              columns = {{{columns}}}, auto_detect = false, ignore_errors = true,
              store_rejects = true, rejects_table = '_gdelt_rejects',
              rejects_scan = '_gdelt_scans')
"""
    classify_sql = f"""
CREATE TEMP TABLE _gdelt_rows AS
SELECT g.rowid AS ord, g.GLOBALEVENTID AS gid, {used},
       'gdelt:' || substr(md5(g.SOURCEURL), 1, 16) AS doc_id,
       c.type AS ptype, c.mode AS pmode,
       try_strptime(g.SQLDATE, '%Y%m%d')::DATE AS day,
       CASE
         WHEN length(gid) NOT BETWEEN 1 AND 19 OR ltrim(gid, '0123456789') <> '' THEN 'bad-id'
         WHEN day IS NULL THEN 'bad-date'
         WHEN c.code IS NULL THEN 'bad-code'
         WHEN c.type IS NULL THEN 'no-plover'
         WHEN g.Actor1Code = '' OR g.Actor2Code = '' THEN 'one-actor'
         ELSE 'ok'
       END AS status
FROM _gdelt_read g
LEFT JOIN _gdelt_codes c ON c.code = g.EventCode
"""
    return read_sql, classify_sql


_REJECTED = r"""
SELECT line, any_value(error_type)::VARCHAR,
       min(try_cast(regexp_extract(error_message, 'Found: (\d+)', 1) AS INTEGER)),
       max(try_cast(regexp_extract(error_message, 'Found: (\d+)', 1) AS INTEGER)),
       any_value(error_message)
FROM _gdelt_rejects GROUP BY line ORDER BY line
"""

_EVENT_COLUMNS = """
  record_id, doc_id, sentence, sentence_index, type, mode,
  source_id, source_name, source_country, source_sector, source_kind, source_role,
  target_id, target_name, target_country, target_sector, target_kind, target_role,
  date_start, date_end, date_precision, date_text, modality, trigger, location,
  intensity, confidence, rule, channel_name, event_id"""

_EVENT_VALUES = """
SELECT 'gdelt:' || r.gid AS record_id, r.doc_id,
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
       0.5, ?, '', 'egdelt:' || r.gid
FROM _gdelt_rows r
-- an anti join, not NOT EXISTS: the correlated form materialises every row first
ANTI JOIN event_records e ON e.record_id = 'gdelt:' || r.gid
LEFT JOIN _gdelt_sectors s1 ON s1.t = r.Actor1Type1Code
LEFT JOIN _gdelt_sectors s2 ON s2.t = r.Actor2Type1Code
WHERE r.status = 'ok'
"""

_EVENTS = f"INSERT INTO event_records ({_EVENT_COLUMNS}) {_EVENT_VALUES}"
# A file that repeats a GLOBALEVENTID: its first row wins (checked first, as it is rare).
_EVENTS_DEDUPED = (
    f"INSERT INTO event_records ({_EVENT_COLUMNS}) {_EVENT_VALUES}"
    "QUALIFY row_number() OVER (PARTITION BY r.gid ORDER BY r.ord) = 1"
)

_DOCUMENTS = """
INSERT INTO documents (
  doc_id, title, url, published, source, origin, clean_text,
  doc_date_start, doc_date_end, doc_date_precision, ingested_at)
SELECT doc_id, '', first.url,
       strftime(coalesce(try_strptime(first.added, '%Y%m%d%H%M%S')::DATE, first.day), '%Y-%m-%d')
         AS published,
       regexp_extract(first.url, '^[a-zA-Z]+://(?:www\\.)?([^/:?#]+)', 1),
       'gdelt', '', published, published, 'day', ?
FROM (
  -- an article's first row in the file gives its fields
  SELECT doc_id, arg_min({'url': SOURCEURL, 'added': DATEADDED, 'day': day}, ord) AS first
  FROM _gdelt_rows WHERE status = 'ok' GROUP BY doc_id
) x
-- an article already stored (by an earlier file) keeps the fields it was stored with
ANTI JOIN documents d ON d.doc_id = x.doc_id
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
    "bad-id": "GLOBALEVENTID {GLOBALEVENTID!r} is not a number",
    "bad-date": "SQLDATE {SQLDATE!r} is not a date YYYYMMDD",
    "bad-code": "EventCode {EventCode!r} is not a CAMEO event code",
}
