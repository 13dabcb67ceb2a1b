"""PETRARCH-2 GSR validation: (source country, target country, PLOVER category) triples.

Gold CAMEO codes become PLOVER categories through ``CAMEO2PLOVER-2021.txt``;
actor codes are cut to their country (first three letters). CONSULT, AGREE
and COOPERATE are compared as unordered pairs (PETR codes a meeting in both
directions; backchannel records it once). Negated,
denied and hypothetical events ("Obama wants Putin to attack Switzerland") are
not claims that something happened, so they are left out of the predicted
triples.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from backchannel.evaluate.metrics import Counts, Ratio, match_multisets
from backchannel.evaluate.ontology import cameo_country, cameo_to_plover, load_cameo_table
from backchannel.evaluate.project import UNDIRECTED
from backchannel.evaluate.report import Measure, Miss, Report, prf
from backchannel.evaluate.runner import Item, describe, events_of, iso_date, run_items
from backchannel.pipeline import Extractor

RELATIVE = Path("derived") / "petr2_gsr_validation_gold.jsonl"
TABLE = Path("plover") / "CAMEO2PLOVER-2021.txt"
NOT_A_CLAIM = frozenset({"negated", "denied", "hypothetical"})

Triple = tuple[str, str, str]


@dataclass(frozen=True, slots=True)
class PetrRecord:
    item: Item
    triples: tuple[Triple, ...]
    noevents: bool


def load(data: Path) -> list[PetrRecord]:
    table = load_cameo_table(data / TABLE)
    out = []
    for line in (data / RELATIVE).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        r = json.loads(line)
        text = " ".join(str(r.get("text") or "").split())
        if not text:
            continue
        triples = []
        for e in r.get("gold_events") or []:
            category = cameo_to_plover(str(e["cameo"]), table)
            if category:
                triples.append((str(e["source"])[:3], str(e["target"])[:3], category))
        noevents = bool(r.get("noevents")) or not triples
        out.append(
            PetrRecord(Item(r["id"], text, iso_date(r.get("date"))), tuple(triples), noevents)
        )
    return out


def _keys(triples: list[Triple] | tuple[Triple, ...]) -> list[Triple]:
    """Undirected categories compare as unordered pairs, once per pair (PETR codes both ways)."""
    directed = [t for t in triples if t[2] not in UNDIRECTED]
    undirected = {(*sorted(t[:2]), t[2]) for t in triples if t[2] in UNDIRECTED}
    return directed + sorted((a, b, c) for a, b, c in undirected)


def evaluate_petr2(extractor: Extractor, data: Path, limit: int | None = None) -> Report:
    records = load(data)[:limit]
    results = run_items(extractor, [r.item for r in records])
    triples, dyads, categories = Counts(), Counts(), Counts()
    coded_noevent = Ratio()
    scored: list[tuple[int, Miss]] = []
    for record, result in zip(records, results, strict=True):
        events = [e for e in events_of(result) if e.modality not in NOT_A_CLAIM]
        # PETRARCH codes the verb ("agreed to lift sanctions" is a RETREAT), so a
        # promised act keeps its own category here, unlike in PLOVER's coding
        predicted = [
            (cameo_country(e.source.country), cameo_country(e.target.country), e.type)
            for e in events
        ]
        if record.noevents:
            coded_noevent.add(bool(predicted))
        gold_keys, pred_keys = _keys(record.triples), _keys(predicted)
        counts = match_multisets(gold_keys, pred_keys)
        triples.add(counts)
        dyads.add(match_multisets((t[:2] for t in gold_keys), (p[:2] for p in pred_keys)))
        categories.add(match_multisets((t[2] for t in gold_keys), (p[2] for p in pred_keys)))
        if counts.fp or counts.fn:
            expected = "; ".join(f"{s}→{t} {c}" for s, t, c in record.triples) or "(no event)"
            scored.append(
                (
                    counts.fp + counts.fn,
                    Miss(record.item.item_id, record.item.text, expected, describe(events)),
                )
            )
    report = Report("petr2", len(records))
    report.measures = [
        prf("triple_f1", triples, "(source country, target country, PLOVER category)"),
        prf("dyad_f1", dyads),
        prf("category_f1", categories),
        Measure(
            "no_event_coded_share", coded_noevent.value, coded_noevent.total, note="target ≤ 0.10"
        ),
    ]
    report.misses = [m for _, m in sorted(scored, key=lambda sm: -sm[0])]
    return report
