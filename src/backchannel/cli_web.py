"""The ``serve`` command: the web dashboard over a store (wired into ``cli.py``)."""

from __future__ import annotations

import argparse
from typing import Any, TextIO

DEFAULT_DB = "backchannel.duckdb"


def _port(value: str) -> int:
    try:
        port = int(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"'{value}' is not a port number") from exc
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"port {port} is out of range: use 0-65535")
    return port


def register(sub: Any) -> None:
    """Add ``serve`` to the ``backchannel`` subcommands (``sub`` is argparse's subparsers)."""
    p = sub.add_parser("serve", help="the web dashboard over a store (read-only)")
    p.add_argument("--db", default=DEFAULT_DB, help=f"DuckDB store (default ./{DEFAULT_DB})")
    p.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on (default 127.0.0.1: this machine only)",
    )
    p.add_argument("--port", type=_port, default=8765, help="port (default 8765)")
    p.set_defaults(func=cmd_serve)


def cmd_serve(args: argparse.Namespace, out: TextIO) -> int:
    from backchannel.web import serve

    print(
        f"backchannel dashboard on http://{args.host}:{args.port}/ once the store is indexed "
        "(a few seconds for 20,000 events; Ctrl-C to stop)",
        file=out,
    )
    out.flush()
    serve(args.db, host=args.host, port=args.port)
    return 0
