"""The ``backchannel`` command: parse options, call one library function, print.

Every command that reads the store takes ``--db`` and ``--format``. Errors we
raise on purpose (``BackchannelError``) become one line on stderr and exit
status 2; nothing else is caught here, so a real bug still shows its traceback.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TextIO

from backchannel import __version__
from backchannel.errors import BackchannelError, UsageError

DEFAULT_DB = "backchannel.duckdb"
FORMATS = ("table", "json", "jsonl", "csv")


def _date(value: str) -> str:
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"'{value}' is not a date: use YYYY-MM-DD") from exc


def _sides(value: str) -> tuple[str, ...]:
    parts = tuple(p.strip().upper() for p in value.split(",") if p.strip())
    if len(parts) != 2:
        raise argparse.ArgumentTypeError(f"'{value}' must name two sides, e.g. USA,CHN")
    return parts


def _seconds(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"'{value}' is not a number of seconds") from exc
    if not seconds >= 0 or seconds == float("inf"):
        raise argparse.ArgumentTypeError(f"'{value}': use a number of seconds ≥ 0 (0: no limit)")
    return seconds


def _common(p: argparse.ArgumentParser, *, fmt: bool = True) -> None:
    p.add_argument("--db", default=DEFAULT_DB, help=f"DuckDB store (default ./{DEFAULT_DB})")
    if fmt:
        p.add_argument("--format", choices=FORMATS, default="table", help="output format")


def build_parser() -> argparse.ArgumentParser:
    from backchannel.cli_evaluate import add_dictionary_options

    parser = argparse.ArgumentParser(
        prog="backchannel",
        description="A dated, evidence-backed map of who talks to whom between two governments.",
    )
    parser.add_argument("--version", action="version", version=f"backchannel {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("run", help="read articles, extract events, store them")
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="file, directory, feed, .jsonl or -")
    _common(p, fmt=False)
    p.add_argument("--kb", action="append", default=[], metavar="FILE", help="extra KB file")
    add_dictionary_options(p)
    p.add_argument("--sides", type=_sides, default=(), help="the two sides, e.g. USA,CHN")
    p.add_argument("--batch-size", type=int, default=32)
    p.add_argument("--today", type=_date, default=None, help="the run's date (default today)")
    p.add_argument("--max-chars", type=int, default=200_000, help="per-document size limit")
    p.add_argument(
        "--max-sentence-words", type=int, default=1_000, help="longest sentence parsed (words)"
    )
    p.add_argument(
        "--max-bytes", type=int, default=5_000_000, help="per-file (per JSON line) size limit"
    )
    p.add_argument(
        "--max-seconds",
        type=_seconds,
        default=60.0,
        help="per-document time limit, wall clock (default 60; 0: no limit)",
    )
    p.add_argument("--quiet", action="store_true", help="no progress bar or summary")
    from backchannel.cli_scale import add_run_options

    add_run_options(p)
    p.set_defaults(func=cmd_run)

    p = sub.add_parser("clean", help="show what the cleaner keeps and removes from a file")
    p.add_argument("file", help="a text, HTML, JSONL or feed file (or -)")
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.set_defaults(func=cmd_clean)

    p = sub.add_parser("events", help="events, merged across articles")
    _common(p)
    p.add_argument("--since", type=_date)
    p.add_argument("--until", type=_date)
    p.add_argument("--actor", help="actor id or part of a name")
    p.add_argument("--type", help="PLOVER category, e.g. CONSULT")
    p.add_argument(
        "--modality", choices=("asserted", "negated", "hypothetical", "planned", "denied")
    )
    p.add_argument("--limit", type=int)
    p.set_defaults(func=cmd_events)

    p = sub.add_parser("role-changes", help="appointments, removals, retirements …")
    _common(p)
    p.add_argument("--actor", help="actor id or part of a name")
    p.set_defaults(func=cmd_role_changes)

    p = sub.add_parser("actors", help="actors seen in the articles, with dated roles")
    _common(p)
    p.add_argument("--all", action="store_true", help="include KB actors never mentioned")
    p.set_defaults(func=cmd_actors)

    p = sub.add_parser("channels", help="channels and their status at a date")
    _common(p)
    p.add_argument("--as-of", type=_date, default=None, help="date (default today)")
    p.add_argument("--sides", type=_sides, default=None)
    p.add_argument("--dormant-after", type=int, default=365, metavar="DAYS")
    p.add_argument("--status", choices=("active", "dormant", "severed"))
    p.set_defaults(func=cmd_channels)

    p = sub.add_parser("brokers", help="Gould–Fernandez brokerage roles at a date")
    _common(p)
    p.add_argument("--as-of", type=_date, default=None)
    p.add_argument("--sides", type=_sides, default=None)
    p.add_argument("--by", choices=("side", "side-sector"), default="side")
    p.add_argument("--edges", help="CSV of arcs (source,target) instead of the store")
    p.add_argument("--groups", help="CSV of node,group for --edges")
    p.set_defaults(func=cmd_brokers)

    p = sub.add_parser("skipped", help="inputs that could not be used, and why")
    _common(p)
    p.set_defaults(func=cmd_skipped)

    p = sub.add_parser("readouts", help="compare two governments' readouts of one meeting")
    p.add_argument("a", nargs="?", help="first readout: a text file or a stored document id")
    p.add_argument("b", nargs="?", help="second readout: a text file or a stored document id")
    p.add_argument(
        "--find", action="store_true", help="list meetings with accounts from both sides"
    )
    p.add_argument("--db", default=DEFAULT_DB, help="store for --find and document ids")
    p.add_argument("--sides", type=_sides, default=None)
    p.add_argument("--format", choices=("table", "json", "html"), default="table")
    p.add_argument("--method", choices=("auto", "embeddings", "keywords"), default="auto")
    p.set_defaults(func=cmd_readouts)

    from backchannel.cli_analysis import register as register_analysis

    register_analysis(sub)

    from backchannel.cli_evaluate import register as register_evaluate

    register_evaluate(sub)

    from backchannel.cli_resolve import register as register_resolve

    register_resolve(sub)

    from backchannel.cli_scale import register as register_scale

    register_scale(sub)

    from backchannel.cli_web import register as register_web

    register_web(sub)

    p = sub.add_parser("report", help="write a static HTML report with a timeline plot")
    _common(p, fmt=False)
    p.add_argument("--html", required=True, metavar="FILE")
    p.add_argument("--as-of", type=_date, default=None)
    p.add_argument("--sides", type=_sides, default=None)
    p.set_defaults(func=cmd_report)
    return parser


# -- helpers -------------------------------------------------------------------


def _today() -> str:
    return dt.date.today().isoformat()


def _emit(rows: list[dict[str, Any]], fmt: str, columns: Any, out: TextIO) -> None:
    from backchannel.report import render

    render(rows, fmt, columns=columns, stream=out)


def _default_sides() -> tuple[str, str]:
    from backchannel.kb import KnowledgeBase

    return KnowledgeBase.load().default_sides()


# -- commands ------------------------------------------------------------------


def cmd_run(args: argparse.Namespace, out: TextIO) -> int:
    from backchannel.cli_scale import engine_from_args
    from backchannel.pipeline import Settings, run

    settings = Settings(
        kb_paths=tuple(args.kb),
        actor_dictionaries=tuple(args.actor_dictionary),
        agent_dictionaries=tuple(args.agent_dictionary),
        sides=tuple(args.sides),
        today=args.today or _today(),
        max_chars=args.max_chars,
        max_sentence_words=args.max_sentence_words,
        max_seconds=args.max_seconds or None,
    )
    bar = None
    if not args.quiet and sys.stderr.isatty():
        from tqdm import tqdm

        bar = tqdm(unit="doc", desc="reading", file=sys.stderr)
    try:
        summary = run(
            args.inputs,
            args.db,
            settings,
            batch_size=args.batch_size,
            progress=(lambda n: bar.update(n)) if bar is not None else None,
            stdin=sys.stdin,
            max_bytes=args.max_bytes,
            engine=engine_from_args(args),
        )
    finally:
        if bar is not None:
            bar.close()
    if not args.quiet:
        print(summary.line(), file=sys.stderr)
    if summary.read == 0 and summary.stored == 0:
        print("error: no document could be read from the inputs", file=sys.stderr)
        return 1
    return 0


def cmd_clean(args: argparse.Namespace, out: TextIO) -> int:
    from backchannel import sources
    from backchannel.clean import clean
    from backchannel.model import Document

    found = False
    for item in sources.read_inputs([args.file], stdin=sys.stdin):
        if not isinstance(item, Document):
            print(f"skipped {item.origin}: {item.reason} {item.detail}".rstrip(), file=out)
            continue
        found = True
        result = clean(item.text, title=item.title)
        if args.format == "json":
            payload = {
                "doc_id": item.doc_id,
                "origin": item.origin,
                "title": item.title,
                "kept": result.text,
                "removed": [
                    {"start": r.start, "end": r.end, "reason": r.reason, "text": r.text}
                    for r in result.removed
                ],
            }
            out.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
            continue
        out.write(f"== {item.origin} ({item.doc_id})\n")
        out.write(f"-- kept ({len(result.text)} characters)\n{result.text.strip()}\n")
        out.write(f"-- removed ({len(result.removed)} spans)\n")
        for r in result.removed:
            snippet = " ".join(r.text.split())
            if len(snippet) > 110:
                snippet = snippet[:109] + "…"
            out.write(f"[{r.reason}] {snippet}\n")
    return 0 if found else 1


def cmd_events(args: argparse.Namespace, out: TextIO) -> int:
    from backchannel.queries import EventFilter, events
    from backchannel.report import Column
    from backchannel.store import Store

    flt = EventFilter(args.since, args.until, args.actor, args.type, args.modality, args.limit)
    with Store.open(args.db, read_only=True) as store:
        rows = events(store, flt)
    columns = [
        Column("date", "date.start", 10),
        Column("type", lambda r: f"{r['type']}/{r['mode']}" if r["mode"] else r["type"], 18),
        Column("source", "source.name", 22),
        Column("target", "target.name", 22),
        Column("modality", "modality", 12),
        Column("src", lambda r: len(r["sources"]), 3, "right"),
        Column("sentence", "sentence", 60),
    ]
    _emit(rows, args.format, columns, out)
    return 0


def cmd_role_changes(args: argparse.Namespace, out: TextIO) -> int:
    from backchannel.queries import role_changes
    from backchannel.report import Column
    from backchannel.store import Store

    with Store.open(args.db, read_only=True) as store:
        rows = role_changes(store, args.actor)
    columns = [
        Column("date", "date.start", 10),
        Column("actor", "actor.name", 22),
        Column("country", "actor.country", 7),
        Column("change", "change", 11),
        Column("role", "role", 30),
        Column("sentence", "sentence", 60),
    ]
    _emit(rows, args.format, columns, out)
    return 0


def cmd_actors(args: argparse.Namespace, out: TextIO) -> int:
    from backchannel.queries import actors
    from backchannel.report import Column
    from backchannel.store import Store

    with Store.open(args.db, read_only=True) as store:
        rows = actors(store, include_unmentioned=args.all)
    columns = [
        Column("name", "name", 26),
        Column("kind", "kind", 12),
        Column("country", "country", 7),
        Column("sector", "sector", 10),
        Column("mentions", "mentions", 8, "right"),
        Column("events", "events", 6, "right"),
        Column("latest role", lambda r: r["roles"][-1]["title"] if r["roles"] else "", 40),
    ]
    _emit(rows, args.format, columns, out)
    return 0


def cmd_channels(args: argparse.Namespace, out: TextIO) -> int:
    from backchannel.analysis.channels import channels
    from backchannel.report import Column
    from backchannel.store import Store

    sides = args.sides or _default_sides()
    with Store.open(args.db, read_only=True) as store:
        found = channels(
            store, args.as_of or _today(), sides=sides, dormant_after=args.dormant_after
        )
    rows = [c.to_dict() for c in found if args.status in (None, c.status)]
    columns = [
        Column("a", "a.name", 22),
        Column("b", "b.name", 22),
        Column("status", "status", 8),
        Column("last contact", "last_contact", 12),
        Column("contacts", "events", 8, "right"),
        Column("strength", lambda r: f"{r['strength']:.2f}", 8, "right"),
        Column("named", lambda r: r["name"] or "", 20),
        Column("reason", "reason", 50),
    ]
    _emit(rows, args.format, columns, out)
    return 0


def cmd_brokers(args: argparse.Namespace, out: TextIO) -> int:
    from backchannel.analysis.brokerage import (
        ROLES,
        brokerage,
        read_edges_csv,
        read_groups_csv,
    )
    from backchannel.report import Column

    rows: list[dict[str, Any]]
    if args.edges or args.groups:
        if not (args.edges and args.groups):
            raise UsageError("--edges and --groups go together: give both CSV files")
        result = brokerage(read_edges_csv(args.edges), read_groups_csv(args.groups))
        rows = [
            {
                "actor_id": r.node,
                "name": r.node,
                "group": r.group,
                "roles": dict(r.raw),
                "z": {k: (None if v != v else round(v, 6)) for k, v in r.z.items()},
                "expected": {k: round(v, 6) for k, v in r.expected.items()},
                "bridges": [],
                "evidence": [],
            }
            for r in result.rows
        ]
    else:
        from backchannel.analysis.brokers import brokers
        from backchannel.store import Store

        sides = args.sides or _default_sides()
        with Store.open(args.db, read_only=True) as store:
            rows = brokers(store, args.as_of or _today(), sides=sides, by=args.by)
    columns = [Column("name", "name", 24), Column("group", "group", 16)]
    for role in ROLES:
        columns.append(Column(role[:6], f"roles.{role}", 6, "right"))
    columns += [
        Column("total", "roles.total", 5, "right"),
        Column("z(total)", lambda r: _fmt_z(r["z"].get("total")), 8, "right"),
        Column("bridges", lambda r: ", ".join(r["bridges"]), 30),
    ]
    _emit(rows, args.format, columns, out)
    return 0


def _fmt_z(value: float | None) -> str:
    return "" if value is None else f"{value:.2f}"


def cmd_skipped(args: argparse.Namespace, out: TextIO) -> int:
    from backchannel.queries import skipped
    from backchannel.report import Column
    from backchannel.store import Store

    with Store.open(args.db, read_only=True) as store:
        rows = skipped(store)
    columns = [
        Column("origin", "origin", 50),
        Column("reason", "reason", 24),
        Column("detail", "detail", 60),
    ]
    _emit(rows, args.format, columns, out)
    return 0


def cmd_readouts(args: argparse.Namespace, out: TextIO) -> int:
    from backchannel.readouts import (
        compare_readouts,
        render_html,
        render_json,
        render_table,
    )

    if args.find:
        return _find_readouts(args, out)
    if not (args.a and args.b):
        raise UsageError("give two readouts (files or stored document ids), or --find")
    a = _readout(args.a, "A", args.db)
    b = _readout(args.b, "B", args.db)
    cmp = compare_readouts(a, b, method=args.method)
    if args.format == "json":
        out.write(render_json(cmp) + "\n")
    elif args.format == "html":
        out.write(render_html(cmp, a, b))
    else:
        out.write(render_table(cmp) + "\n")
    return 0


def _readout(ref: str, label: str, db: str) -> Any:
    from backchannel.readouts import ReadoutText, read_readout
    from backchannel.readouts.find import stored_readout_text
    from backchannel.store import Store

    if Path(ref).exists() or not Path(db).exists():
        return read_readout(ref, label=label)
    with Store.open(db, read_only=True) as store:
        text, title, published = stored_readout_text(store, ref)
    return ReadoutText(text=text, label=label, published=published, title=title)


def _find_readouts(args: argparse.Namespace, out: TextIO) -> int:
    from backchannel.readouts.find import find_meetings
    from backchannel.report import Column
    from backchannel.store import Store

    with Store.open(args.db, read_only=True) as store:
        rows = find_meetings(store, sides=args.sides or ())
    columns = [
        Column("date", "date.start", 10),
        Column("meeting", lambda r: " – ".join(r["participants"]), 34),
        Column("where", "location", 14),
        Column(
            "accounts",
            lambda r: "  ".join(f"{a['side']}: {a['doc_id']}" for a in r["accounts"]),
            60,
        ),
    ]
    _emit(rows, "json" if args.format == "json" else "table", columns, out)
    return 0


def cmd_report(args: argparse.Namespace, out: TextIO) -> int:
    from backchannel.reporting import build_report

    sides = args.sides or _default_sides()
    path = build_report(args.db, Path(args.html), as_of=args.as_of or _today(), sides=sides)
    print(f"wrote {path}", file=sys.stderr)
    return 0


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Entry point: returns the process exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    func: Callable[[argparse.Namespace, TextIO], int] = args.func
    try:
        return func(args, out or sys.stdout)
    except BackchannelError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
