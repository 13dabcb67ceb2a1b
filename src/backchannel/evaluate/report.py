"""What an evaluation returns: measures, per-category figures, worst misses; and its renderings."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from backchannel.evaluate.metrics import Counts


@dataclass(frozen=True, slots=True)
class Measure:
    """One figure: a value in [0, 1], how many items it rests on, and what it means."""

    name: str
    value: float
    n: int
    precision: float | None = None
    recall: float | None = None
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"value": round(self.value, 4), "n": self.n}
        if self.precision is not None:
            out["precision"] = round(self.precision, 4)
            out["recall"] = round(self.recall or 0.0, 4)
        if self.note:
            out["note"] = self.note
        return out


def prf(name: str, counts: Counts, note: str = "") -> Measure:
    """An F1 measure with its precision and recall."""
    n = counts.tp + counts.fn
    return Measure(name, counts.f1, n, counts.precision, counts.recall, note)


@dataclass(frozen=True, slots=True)
class Miss:
    """An item the pipeline got wrong: what the gold says and what came out."""

    item_id: str
    text: str
    expected: str
    got: str

    def to_dict(self) -> dict[str, str]:
        return {"id": self.item_id, "text": self.text, "expected": self.expected, "got": self.got}


@dataclass(slots=True)
class Report:
    """The result of evaluating one gold set."""

    gold: str
    items: int
    measures: list[Measure] = field(default_factory=list)
    categories: dict[str, Counts] = field(default_factory=dict)
    misses: list[Miss] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    # "missed" / "spurious" → cause → number of events (the project set only)
    causes: dict[str, dict[str, int]] = field(default_factory=dict)

    def figures(self) -> dict[str, float]:
        """``gold.measure`` → value, the keys of ``quality_gate.json``."""
        return {f"{self.gold}.{m.name}": m.value for m in self.measures}

    def to_dict(self, misses: int = 20) -> dict[str, Any]:
        return {
            "gold": self.gold,
            "items": self.items,
            "measures": {m.name: m.to_dict() for m in self.measures},
            "categories": {
                k: {
                    "precision": round(c.precision, 4),
                    "recall": round(c.recall, 4),
                    "f1": round(c.f1, 4),
                    "support": c.tp + c.fn,
                }
                for k, c in sorted(self.categories.items())
            },
            "causes": self.causes,
            "misses": [m.to_dict() for m in self.misses[:misses]],
            "notes": self.notes,
        }


def render_json(reports: list[Report], misses: int = 20) -> str:
    return json.dumps([r.to_dict(misses) for r in reports], indent=2, ensure_ascii=False) + "\n"


def render_table(reports: list[Report], misses: int = 10) -> str:
    """Plain-text tables: measures, categories, then the worst misses with their sentences."""
    lines: list[str] = []
    for report in reports:
        lines.append(f"== {report.gold} ({report.items} items)")
        lines.append(f"{'measure':34} {'value':>6} {'P':>6} {'R':>6} {'n':>6}")
        for m in report.measures:
            p = f"{m.precision:6.3f}" if m.precision is not None else " " * 6
            r = f"{m.recall:6.3f}" if m.recall is not None else " " * 6
            lines.append(f"{m.name:34} {m.value:6.3f} {p} {r} {m.n:6d}")
        if report.categories:
            lines.append("")
            lines.append(f"{'category':34} {'F1':>6} {'P':>6} {'R':>6} {'n':>6}")
            for key, c in sorted(report.categories.items()):
                lines.append(
                    f"{key:34} {c.f1:6.3f} {c.precision:6.3f} {c.recall:6.3f} {c.tp + c.fn:6d}"
                )
        if report.causes:
            lines.append("")
        for side, causes in report.causes.items():
            listed = ", ".join(f"{cause} {n}" for cause, n in causes.items())
            lines.append(f"{side} events by cause ({sum(causes.values())}): {listed}")
        if report.misses:
            lines.append("")
            lines.append(
                f"worst misses ({min(misses, len(report.misses))} of {len(report.misses)}):"
            )
            for miss in report.misses[:misses]:
                lines.append(f"  [{miss.item_id}] {miss.text}")
                lines.append(f"      expected: {miss.expected}")
                lines.append(f"      got:      {miss.got}")
        for note in report.notes:
            lines.append(f"note: {note}")
        lines.append("")
    return "\n".join(lines)
