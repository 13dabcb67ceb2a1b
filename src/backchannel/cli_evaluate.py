"""``backchannel evaluate``: extraction quality against a gold set.

``register(sub)`` adds the command to the ``backchannel`` parser; the work is
done by ``backchannel.evaluate.evaluate``, which returns data.
"""

from __future__ import annotations

import argparse
import sys
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
    add_dictionary_options(p)
    p.add_argument(
        "--no-actor-dictionary",
        action="store_true",
        help="measure without PETRARCH dictionaries (by default the Phoenix actor and agent "
        "dictionaries in the actors folder beside the gold data are loaded when present)",
    )
    p.set_defaults(func=cmd_evaluate)


def add_dictionary_options(p: argparse.ArgumentParser) -> None:
    """``--actor-dictionary`` and ``--agent-dictionary``, repeatable, for commands that extract."""
    p.add_argument(
        "--actor-dictionary",
        action="append",
        default=[],
        metavar="PATH",
        help="a PETRARCH actor dictionary (e.g. Phoenix.Countries.actors.txt): more people "
        "and bodies with their country and sector; the KB wins where both name someone",
    )
    p.add_argument(
        "--agent-dictionary",
        action="append",
        default=[],
        metavar="PATH",
        help="a PETRARCH agent dictionary (e.g. Phoenix.agents.txt): more office nouns "
        "(soldier, mediator) with their sector",
    )


def cmd_evaluate(args: argparse.Namespace, out: TextIO) -> int:
    from backchannel.errors import UsageError
    from backchannel.evaluate import default_dictionaries, evaluate, render_json, render_table

    actors, agents = list(args.actor_dictionary), list(args.agent_dictionary)
    if args.no_actor_dictionary:
        if actors or agents:
            raise UsageError("--no-actor-dictionary cannot be combined with dictionary paths")
    elif not actors and not agents:
        actors, agents = default_dictionaries(args.data if args.gold != "project" else None)
    loaded = ", ".join(str(p) for p in (*actors, *agents)) or "none"
    print(f"dictionaries: {loaded}", file=sys.stderr)
    reports = evaluate(
        args.gold,
        data=args.data,
        limit=args.limit,
        actor_dictionaries=actors,
        agent_dictionaries=agents,
    )
    if args.format == "json":
        out.write(render_json(reports, misses=args.misses))
    else:
        out.write(render_table(reports, misses=args.misses))
    return 0
