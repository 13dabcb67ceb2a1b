"""PLOVER GSR (CAMEO manual examples recoded in PLOVER v0.5): category, countries, PentaClass.

Each sentence is one document with no date (the GSR's 2000-01-01 is a
placeholder). The pipeline's first event is its answer for the sentence; a
sentence with no event is a miss for every measure.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from backchannel.evaluate.metrics import Ratio, macro_f1, per_label
from backchannel.evaluate.ontology import (
    PENTA_NAMES,
    cameo_country,
    current_category,
    penta,
    plover_category,
)
from backchannel.evaluate.report import Measure, Miss, Report
from backchannel.evaluate.runner import Item, describe, events_of, run_items
from backchannel.pipeline import Extractor

RELATIVE = Path("plover") / "PLOVER_GSR_CAMEO.txt"


@dataclass(frozen=True, slots=True)
class PloverRecord:
    item: Item
    category: str  # current PLOVER name
    sources: frozenset[str]  # ISO3 codes
    targets: frozenset[str]


def _codes(actors: Any) -> frozenset[str]:
    if not isinstance(actors, list):
        return frozenset()
    return frozenset(str(a["code"])[:3] for a in actors if isinstance(a, dict) and a.get("code"))


def load(data: Path) -> list[PloverRecord]:
    raw = json.loads((data / RELATIVE).read_text(encoding="utf-8"))
    out = []
    for r in raw:
        if r.get("event") in (None, "DOCUMENT") or not r.get("text"):
            continue
        out.append(
            PloverRecord(
                Item(r["id"], " ".join(r["text"].split())),
                current_category(r["event"]),
                _codes(r.get("source")),
                _codes(r.get("target")),
            )
        )
    return out


def evaluate_plover(extractor: Extractor, data: Path, limit: int | None = None) -> Report:
    records = load(data)[:limit]
    results = run_items(extractor, [r.item for r in records])
    category, any_category, source, target, coded = Ratio(), Ratio(), Ratio(), Ratio(), Ratio()
    between = Ratio()  # sentences whose gold names a source and a target of other countries
    cat_pairs: list[tuple[str, str]] = []
    penta_pairs: list[tuple[str, str]] = []
    misses: list[Miss] = []
    for record, result in zip(records, results, strict=True):
        events = events_of(result)
        first = events[0] if events else None
        predicted = plover_category(first) if first else "none"
        coded.add(first is not None)
        category.add(predicted == record.category)
        if record.sources and record.targets and not record.sources & record.targets:
            between.add(predicted == record.category)
        any_category.add(any(plover_category(e) == record.category for e in events))
        cat_pairs.append((record.category, predicted))
        penta_pairs.append((penta(record.category), penta(predicted)))
        if record.sources:
            source.add(first is not None and cameo_country(first.source.country) in record.sources)
        if record.targets:
            target.add(first is not None and cameo_country(first.target.country) in record.targets)
        if predicted != record.category:
            expected = (
                f"{record.category} {'+'.join(sorted(record.sources)) or '-'}"
                f"→{'+'.join(sorted(record.targets)) or '-'}"
            )
            misses.append(Miss(record.item.item_id, record.item.text, expected, describe(events)))
    penta_counts = per_label(penta_pairs)
    present = sorted({g for g, _ in penta_pairs if g != "none"})
    report = Report("plover", len(records))
    report.measures = [
        Measure("category_accuracy", category.value, category.total, note="first event"),
        Measure("category_any_accuracy", any_category.value, any_category.total),
        Measure(
            "category_accuracy_two_countries",
            between.value,
            between.total,
            note="source and target of different countries",
        ),
        Measure("source_country_accuracy", source.value, source.total),
        Measure("target_country_accuracy", target.value, target.total),
        Measure("penta_macro_f1", macro_f1(penta_counts, present), len(penta_pairs)),
        Measure("coded_share", coded.value, coded.total),
    ]
    report.categories = per_label(cat_pairs)
    report.categories.update({f"penta:{k}": v for k, v in penta_counts.items()})
    report.misses = misses
    absent = [name for code, name in PENTA_NAMES.items() if name not in present]
    if absent:
        report.notes.append(
            "PentaClass macro-F1 over the classes present in this gold: "
            f"{', '.join(present)} (no PLOVER category maps to {', '.join(absent)})"
        )
    return report
