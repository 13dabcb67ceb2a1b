"""The project's own US–China gold set (``gold/project.jsonl``), scored per split.

Matching rules (see docs/annotation.md): an actor matches by KB id (a new
person by the slug after ``new:``, which is the KB id the person gets once the
KB knows them); state and group actors (``state:CHN``, ``group:CHN:officials``)
match any state or group actor of the same country; CONSULT, AGREE and
COOPERATE are undirected. An event matches on (actor pair, type, modality);
modality, mode and date are then checked on the events that match on (pair,
type).

Each event that does not match is given a cause, counted per split (``causes``)
so that a split's errors can be characterised without reading its sentences: a
missed event's pair got another modality, the reverse direction, another type
or no event at all, or one of its sides was never linked (a named actor, or a
state or group); a spurious event's pair is not in the gold, or it is one of
those near misses seen from the other side.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from backchannel.errors import UsageError
from backchannel.evaluate.metrics import Counts, Ratio, match_multisets
from backchannel.evaluate.report import Measure, Miss, Report, prf
from backchannel.evaluate.runner import Item, describe, run_items
from backchannel.model import Event, Extraction, Participant, RoleChange, Skip
from backchannel.pipeline import Extractor

UNDIRECTED = frozenset({"CONSULT", "AGREE", "COOPERATE"})
SPLITS = ("dev", "test")


@dataclass(frozen=True, slots=True)
class GoldEvent:
    source: str
    target: str
    type: str
    mode: str
    modality: str
    date_start: str | None
    date_end: str | None


@dataclass(frozen=True, slots=True)
class GoldChange:
    actor: str
    change: str
    modality: str
    date_start: str | None
    date_end: str | None


@dataclass(frozen=True, slots=True)
class GoldRecord:
    item: Item
    kind: str
    split: str
    events: tuple[GoldEvent, ...]
    changes: tuple[GoldChange, ...]


def default_path() -> Path:
    """``gold/project.jsonl`` at the root of the checkout."""
    return Path(__file__).resolve().parents[3] / "gold" / "project.jsonl"


def load(path: Path) -> list[GoldRecord]:
    """Read and validate the gold JSONL; a malformed line is a ``UsageError`` naming it."""
    if not path.is_file():
        raise UsageError(f"project gold set not found at {path}: pass --data DIR holding it")
    records = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            raw: dict[str, Any] = json.loads(line)
            records.append(_record(raw))
        except (ValueError, KeyError, TypeError) as exc:
            raise UsageError(f"{path}:{lineno}: not a valid gold record ({exc})") from exc
    return records


def _record(raw: dict[str, Any]) -> GoldRecord:
    if raw["split"] not in SPLITS:
        raise ValueError(f"split must be one of {', '.join(SPLITS)}")
    events = tuple(
        GoldEvent(
            e["source"],
            e["target"],
            e["type"],
            e.get("mode", ""),
            e["modality"],
            e.get("date_start"),
            e.get("date_end"),
        )
        for e in raw["events"]
    )
    changes = tuple(
        GoldChange(c["actor"], c["change"], c["modality"], c.get("date_start"), c.get("date_end"))
        for c in raw["role_changes"]
    )
    item = Item(str(raw["id"]), raw["text"], raw.get("published"), raw.get("title", ""))
    return GoldRecord(item, raw.get("kind", "sentence"), raw["split"], events, changes)


# ── normalising actors and events into comparable keys ────────────────────────


def actor_key(actor_id: str, country: str = "") -> str:
    """States and groups compare by country; everything else by id.

    A new person compares by the slug of the name (``new:kim-jong-il`` is
    ``kim-jong-il``): a gold annotated when the KB did not know someone still
    matches once the KB adds them under that id, and the reverse.
    """
    if actor_id.startswith("new:"):
        return actor_id.removeprefix("new:")
    if actor_id.startswith("state:"):
        return "country:" + actor_id.split(":", 1)[1]
    if actor_id.startswith("group:"):
        return "country:" + (actor_id.split(":")[1] if actor_id.count(":") >= 2 else country)
    return actor_id


def _participant_key(p: Participant) -> str:
    return actor_key(p.actor_id, p.country)


def pair_key(source: str, target: str, etype: str) -> tuple[str, str]:
    if etype in UNDIRECTED:
        a, b = sorted((source, target))
        return a, b
    return source, target


def gold_key(e: GoldEvent, *, modality: bool = True) -> tuple[str, ...]:
    pair = pair_key(actor_key(e.source), actor_key(e.target), e.type)
    return (*pair, e.type, e.modality) if modality else (*pair, e.type)


def pred_key(e: Event, *, modality: bool = True) -> tuple[str, ...]:
    pair = pair_key(_participant_key(e.source), _participant_key(e.target), e.type)
    return (*pair, e.type, e.modality) if modality else (*pair, e.type)


# ── scoring ───────────────────────────────────────────────────────────────────


@dataclass(slots=True)
class _Tally:
    events: Counts
    changes: Counts
    modality: Ratio
    mode: Ratio
    date: Ratio
    no_event_coded: Ratio
    categories: dict[str, Counts]
    misses: list[tuple[int, Miss]]
    causes: dict[str, Counter[str]]


def _new_tally() -> _Tally:
    causes: dict[str, Counter[str]] = {"missed": Counter(), "spurious": Counter()}
    return _Tally(Counts(), Counts(), Ratio(), Ratio(), Ratio(), Ratio(), {}, [], causes)


def _score_record(record: GoldRecord, result: Extraction | Skip, tally: _Tally) -> None:
    predicted = list(result.events) if isinstance(result, Extraction) else []
    changes = list(result.role_changes) if isinstance(result, Extraction) else []
    counts = match_multisets((gold_key(e) for e in record.events), (pred_key(e) for e in predicted))
    tally.events.add(counts)
    for etype in {e.type for e in record.events} | {e.type for e in predicted}:
        tally.categories.setdefault(etype, Counts()).add(
            match_multisets(
                (gold_key(e) for e in record.events if e.type == etype),
                (pred_key(e) for e in predicted if e.type == etype),
            )
        )
    if not record.events:
        tally.no_event_coded.add(bool(predicted))
    _attributes(record.events, predicted, tally)
    missed, spurious = miss_causes(record.events, predicted, linked_actors(result))
    tally.causes["missed"].update(missed)
    tally.causes["spurious"].update(spurious)
    change_counts = match_multisets(
        ((c.actor, c.change) for c in record.changes),
        ((c.actor.actor_id, c.change) for c in changes),
    )
    tally.changes.add(change_counts)
    errors = counts.fp + counts.fn + change_counts.fp + change_counts.fn
    if errors:
        expected = _describe_gold(record.events, record.changes)
        got = describe(predicted) + _describe_changes(changes)
        tally.misses.append((errors, Miss(record.item.item_id, record.item.text, expected, got)))


def _attributes(gold: Sequence[GoldEvent], predicted: Sequence[Event], tally: _Tally) -> None:
    """Modality on (pair, type) matches; mode and date on full matches."""
    free = list(predicted)
    for g in gold:
        loose = next(
            (p for p in free if pred_key(p, modality=False) == gold_key(g, modality=False)), None
        )
        if loose is None:
            continue
        tally.modality.add(loose.modality == g.modality)
        if loose.modality != g.modality:
            free.remove(loose)
            continue
        free.remove(loose)
        if g.mode:
            tally.mode.add(loose.mode == g.mode)
        if g.date_start is not None:
            tally.date.add((loose.date.start, loose.date.end) == (g.date_start, g.date_end))


def linked_actors(result: Extraction | Skip | None) -> set[str]:
    """The actor keys of everyone the text was linked to (none for a skipped text)."""
    return (
        {actor_key(m.actor_id) for m in result.mentions}
        if isinstance(result, Extraction)
        else set()
    )


def miss_causes(
    gold: Sequence[GoldEvent], predicted: Sequence[Event], linked: set[str]
) -> tuple[list[str], list[str]]:
    """Why each unmatched gold event was missed, and each unmatched prediction spurious."""
    missed, spurious = unmatched(gold, predicted, linked)
    return [cause for _, cause in missed], [cause for _, cause in spurious]


Keyed = list[tuple[tuple[str, ...], str]]


def unmatched(
    gold: Sequence[GoldEvent], predicted: Sequence[Event], linked: set[str]
) -> tuple[Keyed, Keyed]:
    """Each unmatched gold event's key with why it was missed, and each unmatched
    prediction's key with why it is spurious (``miss_causes`` with the keys)."""
    g_keys, p_keys = Counter(gold_key(e) for e in gold), Counter(pred_key(e) for e in predicted)
    missed_keys, spurious_keys = g_keys - p_keys, p_keys - g_keys
    # Sides as the text names them: a predicted participant counts as linked.
    linked = linked | {
        k for e in predicted for k in (_participant_key(e.source), _participant_key(e.target))
    }
    missed = [
        (key, _near_miss(key, spurious_keys) or _unmatched(key, linked))
        for key, n in missed_keys.items()
        for _ in range(n)
    ]
    spurious = [
        (
            key,
            _near_miss(key, missed_keys)
            or ("no gold event" if not gold else "pair not in the gold"),
        )
        for key, n in spurious_keys.items()
        for _ in range(n)
    ]
    return missed, spurious


def _near_miss(key: tuple[str, ...], others: Counter[tuple[str, ...]]) -> str | None:
    """How ``key`` (a, b, type, modality) differs from the closest key among ``others``."""
    a, b, etype, _ = key
    pair = {a, b}
    if any((x, y, t) == (a, b, etype) for x, y, t, _ in others):
        return "other modality"
    if any((x, y, t) == (b, a, etype) for x, y, t, _ in others):
        return "reversed"
    if any({x, y} == pair for x, y, _, _ in others):
        return "other type"
    return None


def _unmatched(key: tuple[str, ...], linked: set[str]) -> str:
    unlinked = [side for side in key[:2] if side not in linked]
    if not unlinked:
        return "no event for the pair"
    if all(side.startswith("country:") for side in unlinked):
        return "a state or group not linked"
    return "a named actor not linked"


def _describe_gold(events: Iterable[GoldEvent], changes: Iterable[GoldChange]) -> str:
    parts = [
        f"{e.source}→{e.target} {e.type}{'/' + e.mode if e.mode else ''} {e.modality}"
        f"{' ' + e.date_start if e.date_start else ''}"
        for e in events
    ]
    parts += [f"{c.actor} {c.change} {c.modality}" for c in changes]
    return "; ".join(parts) or "(no event)"


def _describe_changes(changes: Iterable[RoleChange]) -> str:
    parts = [f"{c.actor.actor_id} {c.change} {c.modality}" for c in changes]
    return ("; " + "; ".join(parts)) if parts else ""


def evaluate_project(
    extractor: Extractor, path: Path | None = None, limit: int | None = None
) -> list[Report]:
    """One report per split (dev, test), plus the whole set."""
    records = load(path or default_path())[:limit]
    results = run_items(extractor, [r.item for r in records])
    reports = []
    for split in (*SPLITS, "all"):
        tally = _new_tally()
        chosen = [
            (r, x) for r, x in zip(records, results, strict=True) if split in ("all", r.split)
        ]
        for record, result in chosen:
            _score_record(record, result, tally)
        name = "project" if split == "all" else f"project.{split}"
        report = Report(name, len(chosen))
        report.measures = [
            prf("event_f1", tally.events, "(pair, type, modality)"),
            Measure("modality_accuracy", tally.modality.value, tally.modality.total),
            Measure("mode_accuracy", tally.mode.value, tally.mode.total),
            Measure("date_accuracy", tally.date.value, tally.date.total),
            prf("role_change_f1", tally.changes, "(actor, change)"),
            Measure(
                "no_event_coded_share",
                tally.no_event_coded.value,
                tally.no_event_coded.total,
                note="lower is better",
            ),
        ]
        report.categories = tally.categories
        report.causes = {k: dict(v.most_common()) for k, v in tally.causes.items() if v}
        report.misses = [m for _, m in sorted(tally.misses, key=lambda em: -em[0])]
        reports.append(report)
    return reports
