"""``backchannel resolve``: who a short actor text names, on a date.

``register(sub)`` adds the command to the ``backchannel`` parser; the work is
done by ``backchannel.resolve.Resolver``, which returns records.
"""

from __future__ import annotations

import argparse
import sys
from typing import TextIO

from backchannel.cli import FORMATS, _date, _emit, _today
from backchannel.cli_evaluate import add_dictionary_options
from backchannel.errors import UsageError


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "resolve",
        help="who an actor text names on a date: actor, country, sector",
        description=(
            "Resolve short actor texts ('Cui Tiankai', 'Iraqi soldiers', 'a journalist') as "
            "the extraction's linker reads them: the actor with its country, sector and title "
            "on the date, or for a bare agent noun its sector and agent code. Exit status 1 "
            "when no text "
            "resolved, 2 on a usage error."
        ),
    )
    p.add_argument("texts", nargs="+", metavar="TEXT", help="an actor text, or - for one per line")
    p.add_argument("--date", type=_date, default=None, help="the date asked about (default today)")
    p.add_argument("--format", choices=FORMATS, default="table", help="output format")
    p.add_argument("--kb", action="append", default=[], metavar="FILE", help="extra KB file")
    add_dictionary_options(p)
    p.set_defaults(func=cmd_resolve)


def cmd_resolve(args: argparse.Namespace, out: TextIO) -> int:
    from backchannel.pipeline import Extractor, Settings
    from backchannel.report import Column
    from backchannel.resolve import Resolver

    today = _today()
    day = args.date or today
    if day > today:
        raise UsageError(f"--date {day} is after today ({today}): the KB dates roles up to today")
    texts = _texts(args.texts, sys.stdin)
    settings = Settings(
        kb_paths=tuple(args.kb),
        today=today,
        actor_dictionaries=tuple(args.actor_dictionary),
        agent_dictionaries=tuple(args.agent_dictionary),
    )
    answers = Resolver(Extractor(settings)).resolve(texts, day)
    columns = [
        Column("text", "text", 28),
        Column("actor", lambda r: r["name"] or ("-" if r["resolved"] else "nothing resolved"), 26),
        Column("country", lambda r: r["country"] or "-", 7),
        Column("sector", lambda r: r["sector"] or "-", 11),
        Column("code", lambda r: r["code"] or "-", 6),
        Column("role", lambda r: r["role"] or "", 30),
        Column("how", lambda r: r["how"] or "", 16),
    ]
    _emit([a.to_dict() for a in answers], args.format, columns, out)
    return 0 if any(a.resolved for a in answers) else 1


def _texts(args: list[str], stdin: TextIO) -> list[str]:
    """The texts given, ``-`` standing for the non-blank lines of standard input."""
    texts: list[str] = []
    for arg in args:
        if arg == "-":
            texts.extend(line.strip() for line in stdin if line.strip())
        elif arg.strip():
            texts.append(arg.strip())
        else:
            raise UsageError("an empty TEXT: give a name or description, e.g. 'a journalist'")
    if not texts:
        raise UsageError("no text to resolve: standard input held only blank lines")
    return texts
