"""``backchannel evaluate``: extraction quality against a gold set.

``register(sub)`` adds the command to the ``backchannel`` parser; the work is
done by ``backchannel.evaluate.evaluate``, which returns data.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from backchannel.evaluate import GOLD_SETS


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "evaluate",
        help="measure extraction quality against a gold set",
        description=(
            "Run the pipeline over a gold set and print precision, recall and F1 per measure "
            "and per category, with the worst misses."
        ),
    )
    p.add_argument(
        "--gold",
        required=True,
        choices=(*GOLD_SETS, "all"),
        help="project (gold/ in the repo) or a public set under --data",
    )
    p.add_argument(
        "--data",
        type=Path,
        default=None,
        help="folder of the public gold sets (default ../shared/data/gold); "
        "for --gold project, a folder holding project.jsonl",
    )
    p.add_argument("--limit", type=int, default=None, help="only the first N items")
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.add_argument("--misses", type=int, default=10, help="how many misses to show (default 10)")
    p.set_defaults(func=cmd_evaluate)


def cmd_evaluate(args: argparse.Namespace, out: TextIO) -> int:
    from backchannel.evaluate import evaluate, render_json, render_table

    reports = evaluate(args.gold, data=args.data, limit=args.limit)
    if args.format == "json":
        out.write(render_json(reports, misses=args.misses))
    else:
        out.write(render_table(reports, misses=args.misses))
    return 0
