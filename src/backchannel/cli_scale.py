"""Scale-out options and bulk imports for the ``backchannel`` command.

``register(sub)`` adds ``backchannel import gdelt FILE…``; ``add_run_options``
adds ``--workers N`` and ``--dask ADDR`` to the ``run`` parser, and
``engine_from_args`` turns them into the engine ``pipeline.run`` takes. Each
command calls one library function; ``cli.main`` turns our errors into one line.
"""

from __future__ import annotations

import argparse
import sys
from typing import TextIO

from backchannel.engines import Engine, engine_for

DEFAULT_DB = "backchannel.duckdb"


def _positive(value: str) -> int:
    try:
        n = int(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"'{value}' is not a whole number") from exc
    if n < 1:
        raise argparse.ArgumentTypeError(f"'{value}' must be at least 1")
    return n


def add_run_options(parser: argparse.ArgumentParser) -> None:
    """``--workers N`` (local process pool) and ``--dask ADDR`` (Dask cluster) for ``run``."""
    group = parser.add_mutually_exclusive_group()
    group.add_argument(
        "--workers",
        type=_positive,
        default=None,
        metavar="N",
        help="extract in N local worker processes (the model is loaded once per worker)",
    )
    group.add_argument(
        "--dask",
        default=None,
        metavar="ADDR",
        help="extract on a Dask cluster: a scheduler address (tcp://host:8786) or local:N",
    )


def engine_from_args(args: argparse.Namespace) -> Engine | None:
    """The engine for the parsed ``run`` options; None means in-process."""
    return engine_for(getattr(args, "workers", None), getattr(args, "dask", None))


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``import`` (with its kinds) to the ``backchannel`` parser."""
    p = sub.add_parser("import", help="bulk-load coded event data into the store")
    kinds = p.add_subparsers(dest="kind", required=True, metavar="KIND")
    g = kinds.add_parser("gdelt", help="GDELT 2.0 event exports (.CSV, .csv.gz or .zip)")
    g.add_argument("files", nargs="+", metavar="FILE")
    g.add_argument("--db", default=DEFAULT_DB, help=f"DuckDB store (default ./{DEFAULT_DB})")
    g.add_argument(
        "--cameo-map",
        default=None,
        metavar="FILE",
        help="a CAMEO2PLOVER conversion table (default: the bundled one)",
    )
    g.add_argument(
        "--max-bytes",
        type=_positive,
        default=None,
        help="largest unpacked size accepted from a .zip (default 4 GiB)",
    )
    g.add_argument("--quiet", action="store_true", help="no summary line")
    g.set_defaults(func=cmd_import_gdelt)


def cmd_import_gdelt(args: argparse.Namespace, out: TextIO) -> int:
    from backchannel.gdelt import DEFAULT_MAX_BYTES, import_gdelt

    summary = import_gdelt(
        args.files,
        args.db,
        cameo_map=args.cameo_map,
        max_bytes=args.max_bytes or DEFAULT_MAX_BYTES,
    )
    if not args.quiet:
        print(summary.line(), file=sys.stderr)
        for skip in summary.refused:
            print(f"refused {skip.origin}: {skip.reason}: {skip.detail}", file=sys.stderr)
    return 0 if summary.imported or not summary.refused else 1
