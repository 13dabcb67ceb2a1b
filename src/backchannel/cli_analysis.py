"""Analysis subcommands: capacity, whatif, export, compare, timeline.

``register(sub)`` adds them to the ``backchannel`` parser. Each command opens
the store read-only, calls one library function, and renders what it returns;
errors are ``BackchannelError``s that ``cli.main`` turns into one line.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any, TextIO

from backchannel.cli import DEFAULT_DB, FORMATS, _date, _default_sides, _emit, _sides, _today


def _common(p: argparse.ArgumentParser, *, fmt: bool = True, as_of: bool = True) -> None:
    p.add_argument("--db", default=DEFAULT_DB, help=f"DuckDB store (default ./{DEFAULT_DB})")
    if as_of:
        p.add_argument("--as-of", type=_date, default=None, help="date (default today)")
    p.add_argument("--sides", type=_sides, default=None, help="the two sides, e.g. USA,CHN")
    if fmt:
        p.add_argument("--format", choices=FORMATS, default="table", help="output format")


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the analysis subcommands to the ``backchannel`` parser."""
    p = sub.add_parser("capacity", help="independent routes between two leaders or actors")
    _common(p)
    p.add_argument("--from", dest="source", metavar="NAME", help="default: first side's leader")
    p.add_argument("--to", dest="target", metavar="NAME", help="default: second side's leader")
    p.add_argument(
        "--include-collectives",
        action="store_true",
        help="also route through states and groups ('South Korea', 'Chinese officials')",
    )
    p.set_defaults(func=cmd_capacity)

    p = sub.add_parser("whatif", help="what is lost without some actors (or with a new channel)")
    _common(p)
    p.add_argument("--remove", action="append", default=[], metavar="NAME")
    p.add_argument("--add-channel", nargs=2, action="append", default=[], metavar=("A", "B"))
    p.add_argument("--from", dest="source", metavar="NAME", help="capacity from (default leader)")
    p.add_argument("--to", dest="target", metavar="NAME", help="capacity to (default leader)")
    p.set_defaults(func=cmd_whatif)

    p = sub.add_parser("export", help="the channel graph as GraphML, GEXF, CSV, JSON, Parquet, FtM")
    _common(p, fmt=False)
    p.add_argument(
        "--format",
        choices=("graphml", "gexf", "csv", "json", "parquet", "ftm"),
        default="graphml",
    )
    p.add_argument("-o", "--output", metavar="FILE", help="file to write (default stdout)")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("compare", help="channels and brokers gained and lost between two periods")
    _common(p, as_of=False)
    p.add_argument("--from", dest="start", type=_date, required=True, metavar="DATE")
    p.add_argument("--to", dest="end", type=_date, required=True, metavar="DATE")
    p.add_argument("--vs", nargs=2, type=_date, required=True, metavar=("DATE", "DATE"))
    p.set_defaults(func=cmd_compare)

    p = sub.add_parser("timeline", help="contact per period, and the breaks in it")
    _common(p)
    p.add_argument("--freq", choices=("week", "month"), default="month")
    p.add_argument("--since", type=_date, default=None)
    p.add_argument("--png", metavar="FILE", help="also draw the timeline to a PNG")
    p.set_defaults(func=cmd_timeline)


# -- helpers ---------------------------------------------------------------------


def _sides_or_default(args: argparse.Namespace) -> tuple[str, ...]:
    return tuple(args.sides) if args.sides else _default_sides()


def _emit_object(payload: dict[str, Any], out: TextIO) -> None:
    from backchannel.report.tables import jsonable

    out.write(json.dumps(jsonable(payload), ensure_ascii=False, indent=2) + "\n")


# -- commands --------------------------------------------------------------------


def cmd_capacity(args: argparse.Namespace, out: TextIO) -> int:
    from backchannel.analysis.capacity import capacity
    from backchannel.report import Column
    from backchannel.store import Store

    with Store.open(args.db, read_only=True) as store:
        result = capacity(
            store,
            args.as_of or _today(),
            sides=_sides_or_default(args),
            source=args.source,
            target=args.target,
            include_collectives=args.include_collectives,
        )
    if args.format == "json":
        _emit_object(result.to_dict(), out)
        return 0
    if args.format == "table":
        out.write(
            f"{result.source['name']} → {result.target['name']} on {result.as_of}: "
            f"{result.count} independent route{'s' if result.count != 1 else ''}\n"
        )
        for note in result.notes:
            out.write(f"note: {note}\n")
        if not result.routes:
            return 0
    columns = [
        Column("#", "route", 2, "right"),
        Column("hops", "hops", 4, "right"),
        Column("path", "path", 60),
        Column("via", "via", 70),
    ]
    _emit(result.rows(), args.format, columns, out)
    return 0


def cmd_whatif(args: argparse.Namespace, out: TextIO) -> int:
    from backchannel.analysis.whatif import whatif
    from backchannel.report import Column
    from backchannel.store import Store

    with Store.open(args.db, read_only=True) as store:
        result = whatif(
            store,
            args.as_of or _today(),
            sides=_sides_or_default(args),
            remove=args.remove,
            add_channels=[tuple(pair) for pair in args.add_channel],
            source=args.source,
            target=args.target,
        )
    if args.format == "json":
        _emit_object(result.to_dict(), out)
        return 0
    if args.format == "table":
        changes = [f"without {r['name']}" for r in result.removed]
        changes += [f"with {a['name']} – {b['name']}" for a, b in result.added]
        cb, ca = result.capacity_before, result.capacity_after
        out.write(
            f"{', '.join(changes)} on {result.as_of}: {len(result.channels_cut)} channel(s) cut, "
            f"capacity {cb.source['name']} → {cb.target['name']} {cb.count} → {ca.count}\n"
        )
    columns = [
        Column("change", "change", 14),
        Column("subject", "subject", 40),
        Column("before", "before", 26),
        Column("after", "after", 26),
    ]
    _emit(result.rows(), args.format, columns, out)
    return 0


def cmd_export(args: argparse.Namespace, out: TextIO) -> int:
    from pathlib import Path

    from backchannel.export import export
    from backchannel.store import Store

    target: TextIO | Path = Path(args.output) if args.output else out
    with Store.open(args.db, read_only=True) as store:
        snap = export(
            store, args.as_of or _today(), args.format, target, sides=_sides_or_default(args)
        )
    if args.output:
        print(
            f"wrote {args.output}: {len(snap.nodes)} actors, {len(snap.edges)} channels",
            file=sys.stderr,
        )
    return 0


def cmd_compare(args: argparse.Namespace, out: TextIO) -> int:
    from backchannel.analysis.compare import compare
    from backchannel.report import Column
    from backchannel.store import Store

    with Store.open(args.db, read_only=True) as store:
        result = compare(
            store, (args.start, args.end), tuple(args.vs), sides=_sides_or_default(args)
        )
    if args.format == "json":
        _emit_object(result.to_dict(), out)
        return 0
    if args.format == "table":
        out.write(
            f"{result.first.label} vs {result.second.label}: {len(result.lost)} channel(s) lost, "
            f"{len(result.gained)} gained, {len(result.kept)} kept; "
            f"{len(result.brokers_lost)} broker(s) lost, {len(result.brokers_gained)} gained\n"
        )
    columns = [
        Column("change", "change", 14),
        Column("subject", "subject", 44),
        Column(result.first.label, "first", 26),
        Column(result.second.label, "second", 26),
        Column("detail", "detail", 60),
    ]
    _emit(result.rows(), args.format, columns, out)
    return 0


def cmd_timeline(args: argparse.Namespace, out: TextIO) -> int:
    from pathlib import Path

    from backchannel.analysis.timeline import timeline
    from backchannel.report import Column, timeline_png
    from backchannel.store import Store

    as_of = args.as_of or _today()
    with Store.open(args.db, read_only=True) as store:
        result = timeline(
            store, as_of, sides=_sides_or_default(args), freq=args.freq, since=args.since
        )
    if args.png:
        timeline_png(list(result.events), Path(args.png), freq=args.freq)
    if args.format == "json":
        _emit_object(result.to_dict(), out)
        return 0
    if args.format == "table":
        for b in result.breaks:
            out.write(f"{b.label}\n")
            for e in b.evidence[:3]:
                out.write(f"    {e['date']} {e['type']}: {e['sentence']}\n")
    columns = [
        Column("period", "period", 10),
        Column("events", "events", 6, "right"),
        Column("by type", lambda r: ", ".join(f"{k} {v}" for k, v in r["by_type"].items()), 40),
        Column("intensity", "mean_intensity", 9, "right"),
        Column("conflict", "conflict_share", 8, "right"),
        Column("leaders", "leader_share", 7, "right"),
        Column("active", "active_channels", 6, "right"),
    ]
    _emit(list(result.periods), args.format, columns, out)
    return 0
