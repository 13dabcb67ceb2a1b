"""Counting and scoring: precision/recall/F1, accuracy, macro-F1, B-cubed. Pure."""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass


@dataclass(slots=True)
class Counts:
    """True positives, false positives, false negatives; adds up across items."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def match_multisets(gold: Iterable[Hashable], predicted: Iterable[Hashable]) -> Counts:
    """Counts for two multisets of keys: a key matches at most as often as it occurs in both."""
    g, p = Counter(gold), Counter(predicted)
    tp = sum((g & p).values())
    return Counts(tp, sum(p.values()) - tp, sum(g.values()) - tp)


@dataclass(slots=True)
class Ratio:
    """A share: ``hits`` out of ``total``."""

    hits: int = 0
    total: int = 0

    def add(self, hit: bool) -> None:
        self.hits += int(hit)
        self.total += 1

    @property
    def value(self) -> float:
        return self.hits / self.total if self.total else 0.0


def per_label(pairs: Sequence[tuple[str, str]]) -> dict[str, Counts]:
    """Per-label counts from (gold, predicted) pairs of single labels."""
    out: dict[str, Counts] = {}
    for gold, pred in pairs:
        if gold == pred:
            out.setdefault(gold, Counts()).tp += 1
            continue
        out.setdefault(gold, Counts()).fn += 1
        out.setdefault(pred, Counts()).fp += 1
    return out


def macro_f1(counts: Mapping[str, Counts], labels: Iterable[str]) -> float:
    """Mean F1 over ``labels`` (a label never seen scores 0)."""
    chosen = list(labels)
    if not chosen:
        return 0.0
    return sum(counts.get(label, Counts()).f1 for label in chosen) / len(chosen)


def bcubed(gold: Mapping[str, str], predicted: Mapping[str, str]) -> tuple[float, float]:
    """B-cubed (precision, recall) over the items of ``gold`` (item → cluster id).

    Items missing from ``predicted`` count as singletons.
    """
    items = list(gold)
    if not items:
        return 0.0, 0.0
    pred = {i: predicted.get(i, f"__single__{i}") for i in items}
    by_gold: dict[str, set[str]] = {}
    by_pred: dict[str, set[str]] = {}
    for i in items:
        by_gold.setdefault(gold[i], set()).add(i)
        by_pred.setdefault(pred[i], set()).add(i)
    precision = recall = 0.0
    for i in items:
        g, p = by_gold[gold[i]], by_pred[pred[i]]
        both = len(g & p)
        precision += both / len(p)
        recall += both / len(g)
    return precision / len(items), recall / len(items)


def f1_of(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0
