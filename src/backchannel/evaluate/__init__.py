"""Measure extraction quality against gold data: ``evaluate(name, …) -> list[Report]``.

    load the gold set        project JSONL, or a public set under --data
    run the real pipeline    one document per gold sentence, batched (runner.py)
    score                    per gold set: project, plover, petr2, re3d, ngec, bbn
    report                   measures, per-category P/R/F1, worst misses (report.py)

The public sets are read from a local folder at run time and never copied into
the repository (their licences differ). ``figures(reports)`` flattens the
measures into the ``gold.measure`` keys that ``quality_gate.json`` pins.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path

from backchannel.errors import UsageError
from backchannel.evaluate.report import Measure, Miss, Report, render_json, render_table
from backchannel.evaluate.runner import make_extractor
from backchannel.pipeline import Extractor

GOLD_SETS = ("project", "plover", "petr2", "re3d", "ngec", "bbn")
PUBLIC_SETS = GOLD_SETS[1:]


def default_data_dir() -> Path:
    """``../shared/data/gold`` beside the checkout (where the public sets live locally)."""
    return Path(__file__).resolve().parents[3].parent / "shared" / "data" / "gold"


def default_dictionaries(data: Path | None = None) -> tuple[list[Path], list[Path]]:
    """The Phoenix actor and agent dictionaries in ``<data>/../actors``, those that exist.

    ``data`` is the public gold folder (default ``default_data_dir()``).
    """
    folder = (data or default_data_dir()).resolve().parent / "actors"
    actors = [p for p in (folder / "Phoenix.Countries.actors.txt",) if p.is_file()]
    agents = [p for p in (folder / "Phoenix.agents.txt",) if p.is_file()]
    return actors, agents


def evaluate(
    name: str,
    *,
    data: Path | None = None,
    limit: int | None = None,
    extractor: Extractor | None = None,
    actor_dictionaries: Sequence[str | os.PathLike[str]] = (),
    agent_dictionaries: Sequence[str | os.PathLike[str]] = (),
) -> list[Report]:
    """Evaluate one gold set (or ``all``); the project set gives a report per split.

    ``data`` is the folder of the public sets (default ``default_data_dir()``),
    or for ``project`` a folder holding ``project.jsonl`` (default ``gold/``).
    ``limit`` takes the first N items, which is deterministic. The dictionaries
    are loaded into the pipeline when no ``extractor`` is given.
    """
    names = GOLD_SETS if name == "all" else (name,)
    for n in names:
        if n not in GOLD_SETS:
            raise UsageError(f"unknown gold set '{n}': choose one of {', '.join(GOLD_SETS)}, all")
    if limit is not None and limit < 1:
        raise UsageError("--limit must be a positive number of items")
    extractor = extractor or make_extractor(actor_dictionaries, agent_dictionaries)
    reports: list[Report] = []
    for n in names:
        reports.extend(_run_one(n, data, limit, extractor))
    return reports


def _run_one(name: str, data: Path | None, limit: int | None, extractor: Extractor) -> list[Report]:
    if name == "project":
        from backchannel.evaluate.project import evaluate_project

        path = (data / "project.jsonl") if data is not None else None
        return evaluate_project(extractor, path, limit)
    folder = data or default_data_dir()
    if not folder.is_dir():
        raise UsageError(
            f"public gold data not found at {folder}: pass --data DIR (the folder with MANIFEST.md)"
        )
    runners: dict[str, Callable[[Extractor, Path, int | None], Report]] = _public_runners()
    try:
        return [runners[name](extractor, folder, limit)]
    except FileNotFoundError as exc:
        raise UsageError(f"gold set '{name}' is incomplete under {folder}: {exc}") from exc


def _public_runners() -> dict[str, Callable[[Extractor, Path, int | None], Report]]:
    from backchannel.evaluate.bbn import evaluate_bbn
    from backchannel.evaluate.ngec import evaluate_ngec
    from backchannel.evaluate.petr2 import evaluate_petr2
    from backchannel.evaluate.plover import evaluate_plover
    from backchannel.evaluate.re3d import evaluate_re3d

    return {
        "plover": evaluate_plover,
        "petr2": evaluate_petr2,
        "re3d": evaluate_re3d,
        "ngec": evaluate_ngec,
        "bbn": evaluate_bbn,
    }


def figures(reports: list[Report]) -> dict[str, float]:
    """All measures as ``{"gold.measure": value}``."""
    out: dict[str, float] = {}
    for report in reports:
        out.update(report.figures())
    return out


__all__ = [
    "GOLD_SETS",
    "Measure",
    "Miss",
    "Report",
    "default_data_dir",
    "default_dictionaries",
    "evaluate",
    "figures",
    "render_json",
    "render_table",
]
