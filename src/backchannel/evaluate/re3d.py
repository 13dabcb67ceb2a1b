"""re3d "communicated with" relations: actor-pair F1 against the pipeline's verbal events.

The gold pairs are undirected (re3d codes "met with" in both directions). A
predicted event's participant matches a gold argument when one of the
participant's mentions in the sentence overlaps the argument's text there.
Only verbal events count as communication (PentaClass statement, verbal
cooperation, verbal conflict).
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

from backchannel.evaluate.metrics import Counts
from backchannel.evaluate.ontology import penta, plover_category
from backchannel.evaluate.report import Miss, Report, prf
from backchannel.evaluate.runner import Item, describe, run_items
from backchannel.model import Extraction, Skip
from backchannel.pipeline import Extractor

RELATIVE = Path("derived") / "re3d_relations_gold.jsonl"
VERBAL = frozenset({"statement", "verbal-coop", "verbal-conflict"})

Span = tuple[int, int]


def load(data: Path) -> list[tuple[Item, list[tuple[Span, Span]]]]:
    """Sentences with their CommWith argument pairs (character spans within the sentence)."""
    pairs: dict[str, set[tuple[Span, Span]]] = defaultdict(set)
    for line in (data / RELATIVE).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        r = json.loads(line)
        if r.get("type") != "CommWith":
            continue
        sentence: str = r["sentence"]
        a, b = _find(sentence, r["source"]), _find(sentence, r["target"])
        if a is None or b is None:
            continue
        key = (a, b) if a <= b else (b, a)
        pairs[sentence].add(key)
    return [
        (Item(f"re3d-{i:03d}", sentence), sorted(found))
        for i, (sentence, found) in enumerate(sorted(pairs.items()))
    ]


def _find(sentence: str, text: str) -> Span | None:
    start = sentence.find(text)
    return (start, start + len(text)) if start >= 0 else None


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _predicted_pairs(result: Extraction | Skip) -> list[tuple[list[Span], list[Span]]]:
    if not isinstance(result, Extraction):
        return []
    spans: dict[str, list[Span]] = defaultdict(list)
    for m in result.mentions:
        spans[m.actor_id].append((m.start, m.end))
    return [
        (spans.get(e.source.actor_id, []), spans.get(e.target.actor_id, []))
        for e in result.events
        if penta(plover_category(e)) in VERBAL and e.modality not in ("negated", "denied")
    ]


def evaluate_re3d(extractor: Extractor, data: Path, limit: int | None = None) -> Report:
    records = load(data)[:limit]
    results = run_items(extractor, [item for item, _ in records])
    total = Counts()
    misses: list[tuple[int, Miss]] = []
    for (item, gold), result in zip(records, results, strict=True):
        predicted = _predicted_pairs(result)
        # the text may have been cleaned; offsets only hold when it was not
        if isinstance(result, Extraction) and result.clean_text != item.text:
            predicted = []
        used: set[int] = set()
        tp = 0
        for ga, gb in gold:
            for k, (pa, pb) in enumerate(predicted):
                if k in used:
                    continue
                direct = any(_overlaps(s, ga) for s in pa) and any(_overlaps(s, gb) for s in pb)
                crossed = any(_overlaps(s, gb) for s in pa) and any(_overlaps(s, ga) for s in pb)
                if direct or crossed:
                    used.add(k)
                    tp += 1
                    break
        counts = Counts(tp, len(predicted) - len(used), len(gold) - tp)
        total.add(counts)
        if counts.fp or counts.fn:
            expected = "; ".join(
                f"{item.text[a[0] : a[1]]} ↔ {item.text[b[0] : b[1]]}" for a, b in gold
            )
            events = result.events if isinstance(result, Extraction) else ()
            misses.append(
                (counts.fp + counts.fn, Miss(item.item_id, item.text, expected, describe(events)))
            )
    report = Report("re3d", len(records))
    report.measures = [prf("pair_f1", total, "CommWith pairs vs verbal events")]
    report.misses = [m for _, m in sorted(misses, key=lambda sm: -sm[0])]
    report.notes.append(
        f"{sum(len(g) for _, g in records)} distinct undirected CommWith pairs in "
        f"{len(records)} sentences (113 directed relations in the gold file)"
    )
    return report
