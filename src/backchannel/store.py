"""The DuckDB store: schema, named migrations, bulk writes, and read views.

One file, one writer at a time. ``run`` opens the file only for short bulk
transactions, so readers (query commands, the dashboard) can get in between;
readers retry a lock conflict with backoff. Rows are written through Arrow
tables with ``INSERT OR REPLACE`` on deterministic ids, so re-running over the
same articles changes nothing.

Events are stored once per article sentence (``event_records``) and merged
into real-world events (``event_id``): the same pair, category and modality on
the same day (or one precise date inside the other's interval, or the very
same interval) is one event with several sources.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import time
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from backchannel.errors import StoreError
from backchannel.model import Actor, Extraction, Skip

MIGRATIONS: list[tuple[str, str]] = [
    (
        "0001_initial",
        """
        CREATE TABLE documents (
            doc_id VARCHAR PRIMARY KEY, title VARCHAR, url VARCHAR, published VARCHAR,
            source VARCHAR, origin VARCHAR, clean_text VARCHAR,
            doc_date_start VARCHAR, doc_date_end VARCHAR, doc_date_precision VARCHAR,
            ingested_at TIMESTAMP);
        CREATE TABLE removed_spans (
            doc_id VARCHAR, start_char INTEGER, end_char INTEGER, reason VARCHAR, text VARCHAR,
            PRIMARY KEY (doc_id, start_char));
        CREATE TABLE skipped (
            origin VARCHAR, reason VARCHAR, detail VARCHAR, seen_at TIMESTAMP,
            PRIMARY KEY (origin, reason));
        CREATE TABLE actors (
            actor_id VARCHAR PRIMARY KEY, name VARCHAR, kind VARCHAR, country VARCHAR,
            sector VARCHAR, aliases VARCHAR, origin VARCHAR);
        CREATE TABLE roles (
            actor_id VARCHAR, title VARCHAR, org VARCHAR, country VARCHAR, sector VARCHAR,
            start_date VARCHAR, end_date VARCHAR, position VARCHAR, leader BOOLEAN,
            origin VARCHAR);
        CREATE TABLE mentions (
            doc_id VARCHAR, sentence_index INTEGER, start_char INTEGER, end_char INTEGER,
            text VARCHAR, actor_id VARCHAR, how VARCHAR, PRIMARY KEY (doc_id, start_char));
        CREATE TABLE event_records (
            record_id VARCHAR PRIMARY KEY, doc_id VARCHAR, sentence VARCHAR,
            sentence_index INTEGER, type VARCHAR, mode VARCHAR,
            source_id VARCHAR, source_name VARCHAR, source_country VARCHAR,
            source_sector VARCHAR, source_kind VARCHAR, source_role VARCHAR,
            target_id VARCHAR, target_name VARCHAR, target_country VARCHAR,
            target_sector VARCHAR, target_kind VARCHAR, target_role VARCHAR,
            date_start VARCHAR, date_end VARCHAR, date_precision VARCHAR, date_text VARCHAR,
            modality VARCHAR, trigger VARCHAR, location VARCHAR, intensity DOUBLE,
            confidence DOUBLE, rule VARCHAR, channel_name VARCHAR, event_id VARCHAR);
        CREATE TABLE role_changes (
            change_id VARCHAR PRIMARY KEY, doc_id VARCHAR, sentence VARCHAR,
            sentence_index INTEGER, actor_id VARCHAR, actor_name VARCHAR,
            actor_country VARCHAR, actor_sector VARCHAR, change VARCHAR, role VARCHAR,
            date_start VARCHAR, date_end VARCHAR, date_precision VARCHAR, modality VARCHAR,
            rule VARCHAR);
        """,
    ),
    (
        "0002_warnings",
        """
        CREATE TABLE warnings (
            origin VARCHAR, reason VARCHAR, detail VARCHAR, seen_at TIMESTAMP,
            PRIMARY KEY (origin, reason));
        """,
    ),
]

_LOCK_MARKERS = ("Could not set lock", "Conflicting lock", "database is locked")
PRECISE = frozenset({"day", "week", "month"})
CHUNK = 2000  # rows fetched between two pauses of a paused query


Identity = tuple[tuple[int, int, int] | None, ...]


def file_identity(path: str) -> Identity:
    """(inode, size, mtime in ns) of the database file and its WAL; ``None`` for a missing file.

    Any write changes it. Read while a connection is open, it names the data
    that connection reads: DuckDB lets no writer in while a reader is open.
    """
    out: list[tuple[int, int, int] | None] = []
    for name in (path, f"{path}.wal"):
        try:
            st = os.stat(name)
        except FileNotFoundError:
            out.append(None)
        else:
            out.append((st.st_ino, st.st_size, st.st_mtime_ns))
    return tuple(out)


def _connect(target: str, read_only: bool, retries: int) -> duckdb.DuckDBPyConnection:
    """A connection to ``target``, waiting (with backoff) while another process holds the lock."""
    if read_only and target != ":memory:" and not Path(target).exists():
        raise StoreError(f"no store at {target}: run `backchannel run INPUT --db {target}` first")
    delay = 0.05
    for attempt in range(retries + 1):
        try:
            return duckdb.connect(target, read_only=read_only)
        except duckdb.IOException as exc:
            if any(m in str(exc) for m in _LOCK_MARKERS) and attempt < retries:
                time.sleep(delay)
                delay = min(delay * 1.5, 1.0)
                continue
            raise StoreError(f"cannot open {target}: {_first_line(exc)}") from exc
        except duckdb.Error as exc:
            raise StoreError(f"cannot open {target}: {_first_line(exc)}") from exc
    raise AssertionError("unreachable: the last attempt returns or raises")


class Store:
    """A connection to the DuckDB file, with the reads and writes backchannel needs."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: str) -> None:
        self.con = con
        self.path = path

    @classmethod
    @contextlib.contextmanager
    def open(
        cls, path: str | Path, *, read_only: bool = False, retries: int = 40
    ) -> Iterator[Store]:
        """Open the store, waiting (with backoff) while another process holds the lock."""
        target = str(path)
        con = _connect(target, read_only, retries)
        store = cls(con, target)
        try:
            if read_only:
                store.check_schema()
            yield store
        finally:
            con.close()

    @staticmethod
    @contextlib.contextmanager
    def deferred(path: str | Path) -> Iterator[DeferredStore]:
        """The store read-only, connected only if something reads it (``DeferredStore``)."""
        store = DeferredStore(str(path))
        try:
            yield store
        finally:
            store.close()

    # -- schema -----------------------------------------------------------

    def migrate(self) -> list[str]:
        """Apply the migrations this file has not seen yet; return their names."""
        self.con.execute(
            "CREATE TABLE IF NOT EXISTS migrations (name VARCHAR PRIMARY KEY, applied_at TIMESTAMP)"
        )
        done = {row[0] for row in self.con.execute("SELECT name FROM migrations").fetchall()}
        unknown = done - {name for name, _ in MIGRATIONS}
        if unknown:
            raise StoreError(
                f"{self.path} was written by a newer backchannel (migrations {sorted(unknown)}): "
                "upgrade backchannel to read it"
            )
        applied = []
        for name, sql in MIGRATIONS:
            if name in done:
                continue
            self.con.execute("BEGIN")
            self.con.execute(sql)
            self.con.execute("INSERT INTO migrations VALUES (?, ?)", [name, _now()])
            self.con.execute("COMMIT")
            applied.append(name)
        return applied

    def check_schema(self) -> None:
        tables = {
            r[0]
            for r in self.con.execute("SELECT table_name FROM information_schema.tables").fetchall()
        }
        if "migrations" not in tables or "event_records" not in tables:
            raise StoreError(
                f"{self.path} is not a backchannel store: create one with `backchannel run`"
            )

    # -- writing ----------------------------------------------------------

    def known_documents(self, doc_ids: Sequence[str]) -> set[str]:
        if not doc_ids:
            return set()
        rows = self.con.execute(
            "SELECT doc_id FROM documents WHERE doc_id IN (SELECT unnest(?))", [list(doc_ids)]
        ).fetchall()
        return {r[0] for r in rows}

    def sync_kb(self, kb: Any) -> None:
        """Write the knowledge base's actors and roles (replacing the previous KB rows).

        Actors from PETRARCH dictionaries (thousands) are written only when an
        article names them, with that article's extraction.
        """
        actors = list(kb.own_actors.values())
        self.con.execute("BEGIN")
        self.con.execute("DELETE FROM roles WHERE origin IN ('kb', 'user-kb')")
        self._upsert("actors", _actor_rows(actors))
        self._insert("roles", _role_rows(actors))
        self.con.execute("COMMIT")

    def write(
        self,
        extractions: Sequence[Extraction],
        skips: Sequence[Skip] = (),
        warnings: Sequence[Skip] = (),
    ) -> None:
        """Write a batch in one transaction: either all of it lands or none of it.

        ``warnings`` concern documents that were stored (a publication date in the future …).
        """
        now = _now()
        docs, removed, mentions, events, changes, actors = [], [], [], [], [], []
        for ex in extractions:
            d = ex.document
            docs.append(
                {
                    "doc_id": d.doc_id,
                    "title": d.title,
                    "url": d.url,
                    "published": d.published,
                    "source": d.source,
                    "origin": d.origin,
                    "clean_text": ex.clean_text,
                    "doc_date_start": ex.doc_date.start,
                    "doc_date_end": ex.doc_date.end,
                    "doc_date_precision": ex.doc_date.precision,
                    "ingested_at": now,
                }
            )
            removed += [
                {
                    "doc_id": d.doc_id,
                    "start_char": r.start,
                    "end_char": r.end,
                    "reason": r.reason,
                    "text": r.text,
                }
                for r in ex.removed
            ]
            mentions += [
                {
                    "doc_id": m.doc_id,
                    "sentence_index": m.sentence_index,
                    "start_char": m.start,
                    "end_char": m.end,
                    "text": m.text,
                    "actor_id": m.actor_id,
                    "how": m.how,
                }
                for m in ex.mentions
            ]
            events += [_event_row(e) for e in ex.events]
            changes += [_change_row(c) for c in ex.role_changes]
            actors += list(ex.new_actors)
            for e in ex.events:
                for p in (e.source, e.target):
                    if p.kind in {"group", "state"}:
                        actors.append(
                            Actor(p.actor_id, p.name, p.kind, p.country, p.sector, origin="text")
                        )
        skip_rows = [
            {"origin": s.origin, "reason": s.reason, "detail": s.detail, "seen_at": now}
            for s in skips
        ]
        warning_rows = [
            {"origin": w.origin, "reason": w.reason, "detail": w.detail, "seen_at": now}
            for w in warnings
        ]
        try:
            self.con.execute("BEGIN")
            self._upsert("documents", docs)
            self._upsert("removed_spans", removed)
            self._upsert("mentions", mentions)
            self._upsert("event_records", events)
            self._upsert("role_changes", changes)
            self._upsert("skipped", skip_rows)
            self._upsert("warnings", warning_rows)
            new = [a for a in _dedupe_actors(actors)]
            if new:
                existing = {
                    r[0]
                    for r in self.con.execute(
                        "SELECT actor_id FROM actors WHERE actor_id IN (SELECT unnest(?))",
                        [[a.actor_id for a in new]],
                    ).fetchall()
                }
                fresh = [a for a in new if a.actor_id not in existing]
                self._upsert("actors", _actor_rows(fresh))
                self._insert("roles", _role_rows(fresh))
            self.con.execute("COMMIT")
        except duckdb.Error as exc:
            self.con.execute("ROLLBACK")
            raise StoreError(f"writing to {self.path} failed: {_first_line(exc)}") from exc

    def _upsert(self, table: str, rows: list[dict[str, Any]]) -> None:
        """Bulk insert-or-replace by primary key (table names are ours, never user input)."""
        self._bulk("INSERT OR REPLACE INTO", table, rows)

    def _insert(self, table: str, rows: list[dict[str, Any]]) -> None:
        self._bulk("INSERT INTO", table, rows)

    def _bulk(self, verb: str, table: str, rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        arrow = pa.Table.from_pylist(rows)
        self.con.register("_incoming", arrow)
        try:
            cols = ", ".join(arrow.column_names)
            self.con.execute(f"{verb} {table} ({cols}) SELECT {cols} FROM _incoming")
        finally:
            self.con.unregister("_incoming")

    # -- merging events across articles -------------------------------------

    def merge_events(self) -> int:
        """Assign every event record to a real-world event; return the number of events."""
        rows = self.con.execute(
            "SELECT record_id, source_id, target_id, type, modality, date_start, date_end, "
            "date_precision FROM event_records ORDER BY date_start NULLS LAST, record_id"
        ).fetchall()
        groups: dict[tuple[str, ...], list[tuple[Any, ...]]] = defaultdict(list)
        for row in rows:
            a, b = sorted((row[1], row[2]))
            groups[(a, b, row[3], row[4])].append(row)
        assignment: list[dict[str, str]] = []
        for members in groups.values():
            clusters: list[list[tuple[Any, ...]]] = []
            for row in members:
                home = next((c for c in clusters if any(_same_event(row, o) for o in c)), None)
                if home is None:
                    clusters.append([row])
                else:
                    home.append(row)
            for cluster in clusters:
                event_id = "e" + min(r[0] for r in cluster)[:16]
                assignment += [{"record_id": r[0], "event_id": event_id} for r in cluster]
        if not assignment:
            return 0
        self.con.execute("BEGIN")
        self.con.register("_assign", pa.Table.from_pylist(assignment))
        self.con.execute(
            "UPDATE event_records SET event_id = _assign.event_id FROM _assign "
            "WHERE event_records.record_id = _assign.record_id"
        )
        self.con.unregister("_assign")
        self.con.execute("COMMIT")
        return len({a["event_id"] for a in assignment})

    # -- reading ----------------------------------------------------------

    def query(
        self, sql: str, params: Sequence[Any] = (), pause: Callable[[], None] | None = None
    ) -> list[dict[str, Any]]:
        """Rows as dicts; ``pause`` is called between chunks of rows (background work)."""
        return _dicts(self.con.execute(sql, list(params)), pause)

    def counts(self) -> dict[str, int]:
        out = {}
        for table in ("documents", "event_records", "role_changes", "actors", "skipped"):
            out[table] = int(self.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0])  # type: ignore[index]
        out["events"] = int(
            self.con.execute("SELECT count(DISTINCT event_id) FROM event_records").fetchone()[0]  # type: ignore[index]
        )
        return out


class DeferredStore(Store):
    """A read-only store that connects on first use.

    Opening a DuckDB file costs tens of milliseconds, more than a dashboard
    answer computed from memory; such an answer never connects. ``opened_as``
    is the file's identity read right after connecting (``None`` before).
    """

    def __init__(self, path: str) -> None:  # no connection yet: Store.__init__ takes one
        self.path = path
        self._con: duckdb.DuckDBPyConnection | None = None
        self.opened_as: Identity | None = None

    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        if self._con is None:
            self._con = _connect(self.path, read_only=True, retries=40)
            try:
                self.check_schema()
            except BaseException:
                self.close()
                raise
            self.opened_as = file_identity(self.path)
        return self._con

    @con.setter
    def con(self, value: duckdb.DuckDBPyConnection) -> None:
        self._con = value

    def close(self) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None


class SnapshotStore(Store):
    """A store whose small tables are read from an in-memory copy, the others from the store.

    ``snapshot(store)`` copies them (the actors and their roles: what a
    what-if looks up); a query on any other table goes to ``store``, which a
    ``DeferredStore`` then connects. Each ``SnapshotStore`` reads through a
    cursor of its own, as DuckDB asks of threads sharing a database.
    """

    TABLES = ("actors", "roles")

    def __init__(self, store: Store, copy: duckdb.DuckDBPyConnection) -> None:
        self.path = store.path
        self.store = store
        self._copy = copy.cursor()

    @staticmethod
    def snapshot(store: Store) -> duckdb.DuckDBPyConnection:
        """An in-memory database holding ``TABLES`` as ``store`` has them."""
        copy = duckdb.connect(":memory:")
        for table in SnapshotStore.TABLES:  # our own names, never user input
            rows = store.con.sql(f"SELECT * FROM {table}").to_arrow_table()
            copy.register("_rows", rows)
            copy.execute(f"CREATE TABLE {table} AS SELECT * FROM _rows")
            copy.unregister("_rows")
        return copy

    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        return self.store.con

    @con.setter
    def con(self, value: duckdb.DuckDBPyConnection) -> None:
        self.store.con = value

    @property
    def opened_as(self) -> Identity | None:
        return getattr(self.store, "opened_as", None)

    def query(
        self, sql: str, params: Sequence[Any] = (), pause: Callable[[], None] | None = None
    ) -> list[dict[str, Any]]:
        try:
            cur = self._copy.execute(sql, list(params))
        except duckdb.CatalogException:  # a table the copy does not hold
            return self.store.query(sql, params, pause)
        return _dicts(cur, pause)


def _dicts(
    cur: duckdb.DuckDBPyConnection, pause: Callable[[], None] | None = None
) -> list[dict[str, Any]]:
    """The rows of an executed query as dicts by column name; ``pause`` between chunks."""
    names = [d[0] for d in cur.description]
    chunks = [cur.fetchall()] if pause is None else iter(lambda: cur.fetchmany(CHUNK), [])
    out: list[dict[str, Any]] = []
    for chunk in chunks:
        out += [dict(zip(names, row, strict=True)) for row in chunk]
        if pause is not None:
            pause()
    return out


def _same_event(a: tuple[Any, ...], b: tuple[Any, ...]) -> bool:
    a_start, a_end, a_prec = a[5], a[6] or a[5], a[7]
    b_start, b_end, b_prec = b[5], b[6] or b[5], b[7]
    if a_start is None or b_start is None:
        return a_start is None and b_start is None
    if (a_start, a_end) == (b_start, b_end):
        return True
    if a_prec == "day" and b_prec == "day":
        return abs((dt.date.fromisoformat(a_start) - dt.date.fromisoformat(b_start)).days) <= 1
    if a_prec == "day" and b_prec in PRECISE:
        return bool(b_start <= a_start <= b_end)
    if b_prec == "day" and a_prec in PRECISE:
        return bool(a_start <= b_start <= a_end)
    return False


def _event_row(e: Any) -> dict[str, Any]:
    row = {
        "record_id": e.event_id,
        "doc_id": e.doc_id,
        "sentence": e.sentence,
        "sentence_index": e.sentence_index,
        "type": e.type,
        "mode": e.mode,
        "date_start": e.date.start,
        "date_end": e.date.end,
        "date_precision": e.date.precision,
        "date_text": e.date.text,
        "modality": e.modality,
        "trigger": e.trigger,
        "location": e.location,
        "intensity": float(e.intensity),
        "confidence": float(e.confidence),
        "rule": e.rule,
        "channel_name": e.channel_name,
        "event_id": "e" + e.event_id[:16],
    }
    for prefix, p in (("source", e.source), ("target", e.target)):
        row[f"{prefix}_id"] = p.actor_id
        row[f"{prefix}_name"] = p.name
        row[f"{prefix}_country"] = p.country
        row[f"{prefix}_sector"] = p.sector
        row[f"{prefix}_kind"] = p.kind
        row[f"{prefix}_role"] = p.role
    return row


def _change_row(c: Any) -> dict[str, Any]:
    return {
        "change_id": c.change_id,
        "doc_id": c.doc_id,
        "sentence": c.sentence,
        "sentence_index": c.sentence_index,
        "actor_id": c.actor.actor_id,
        "actor_name": c.actor.name,
        "actor_country": c.actor.country,
        "actor_sector": c.actor.sector,
        "change": c.change,
        "role": c.role,
        "date_start": c.date.start,
        "date_end": c.date.end,
        "date_precision": c.date.precision,
        "modality": c.modality,
        "rule": c.rule,
    }


def _actor_rows(actors: Sequence[Actor]) -> list[dict[str, Any]]:
    return [
        {
            "actor_id": a.actor_id,
            "name": a.name,
            "kind": a.kind,
            "country": a.country,
            "sector": a.sector,
            "aliases": json.dumps(list(a.aliases)),
            "origin": a.origin,
        }
        for a in actors
    ]


def _role_rows(actors: Sequence[Actor]) -> list[dict[str, Any]]:
    return [
        {
            "actor_id": a.actor_id,
            "title": r.title,
            "org": r.org,
            "country": r.country,
            "sector": r.sector,
            "start_date": r.start,
            "end_date": r.end,
            "position": r.position,
            "leader": r.leader,
            "origin": a.origin,
        }
        for a in actors
        for r in a.roles
    ]


def _dedupe_actors(actors: Sequence[Actor]) -> list[Actor]:
    seen: dict[str, Actor] = {}
    for a in actors:
        seen.setdefault(a.actor_id, a)
    return list(seen.values())


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)


def _first_line(exc: BaseException) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
