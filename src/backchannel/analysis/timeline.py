"""Timeline: cross-side contact per week or month, and the breaks in it.

The stages, in order (``timeline`` runs them):

1. ``cross_side_events``  asserted events (every PLOVER category) between the two
   sides, one per real-world event (``event_id``);
2. ``_periods``           per period: events by category, mean intensity, conflict
   share, share at leader level (one or both endpoints a leader on the day),
   and active channels at the period's end (``channels()``);
3. ``binary_segmentation`` change points in the event counts and in the conflict
   share, each named with its dates and the sentences on both sides of it.

Change points: binary segmentation with a Gaussian mean-shift cost (sum of
squared deviations). A split is kept when it lowers the cost by more than the
penalty ``beta = 2 · σ² · ln(n)`` (BIC-style, two parameters per split), where
``σ`` is estimated robustly from first differences, ``median(|Δx|) / (0.6745·√2)``
(floored at 1 event, or 0.1 for the share, so a flat series is not split on
one event). Segments are at least ``min_size`` periods long (default 2).
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from backchannel.analysis.channels import ChannelInputs, active_count
from backchannel.errors import UsageError
from backchannel.store import Store

CONFLICT = frozenset(
    {"ACCUSE", "THREATEN", "SANCTION", "REJECT", "COERCE", "PROTEST", "MOBILIZE", "ASSAULT"}
)
FREQS = ("week", "month")


def _start(day: dt.date, freq: str) -> dt.date:
    if freq == "week":
        return day - dt.timedelta(days=day.weekday())
    return day.replace(day=1)


def _next(day: dt.date, freq: str) -> dt.date:
    if freq == "week":
        return day + dt.timedelta(days=7)
    return (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def cross_side_events(
    store: Store, as_of: str, sides: Sequence[str], since: str | None = None
) -> list[dict[str, Any]]:
    """One row per asserted cross-side event up to ``as_of``, with a leader flag."""
    rows = store.query(
        "SELECT * FROM event_records WHERE modality = 'asserted' AND date_start IS NOT NULL "
        "AND date_start <= ? AND date_start >= ? AND source_country <> target_country "
        "AND (source_country IN (SELECT unnest(?)) OR target_country IN (SELECT unnest(?))) "
        "ORDER BY date_start, event_id, confidence DESC, record_id",
        [as_of, since or "0000", list(sides), list(sides)],
    )
    leaders = store.query("SELECT actor_id, start_date, end_date FROM roles WHERE leader")
    seen: set[str] = set()
    out = []
    for r in rows:
        if r["event_id"] in seen or not r["source_country"] or not r["target_country"]:
            continue
        seen.add(r["event_id"])
        day = r["date_start"]
        r["leaders"] = sum(
            any(
                x["actor_id"] == who
                and (x["start_date"] or "") <= day
                and (x["end_date"] is None or day <= x["end_date"])
                for x in leaders
            )
            for who in (r["source_id"], r["target_id"])
        )
        out.append(r)
    return out


@dataclass(frozen=True, slots=True)
class Break:
    """A detected change point: ``series`` shifts at ``date`` from ``before`` to ``after``."""

    series: str  # "contacts" | "conflict share"
    date: str
    before: float
    after: float
    kind: str  # "breakdown" | "recovery"
    label: str
    evidence: tuple[dict[str, Any], ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "series": self.series,
            "date": self.date,
            "before": round(self.before, 3),
            "after": round(self.after, 3),
            "kind": self.kind,
            "label": self.label,
            "evidence": list(self.evidence),
        }


@dataclass(frozen=True, slots=True)
class Timeline:
    freq: str
    periods: tuple[dict[str, Any], ...]
    breaks: tuple[Break, ...]
    events: tuple[dict[str, Any], ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "freq": self.freq,
            "periods": list(self.periods),
            "breaks": [b.to_dict() for b in self.breaks],
        }


def binary_segmentation(series: Sequence[float], *, penalty: float, min_size: int = 2) -> list[int]:
    """Indices where a new segment starts, by recursive best single split (sorted)."""

    def cost(lo: int, hi: int) -> float:
        part = series[lo:hi]
        mean = sum(part) / len(part)
        return sum((x - mean) ** 2 for x in part)

    found: list[int] = []
    stack = [(0, len(series))]
    while stack:
        lo, hi = stack.pop()
        if hi - lo < 2 * min_size:
            continue
        whole = cost(lo, hi)
        best, gain = -1, 0.0
        for k in range(lo + min_size, hi - min_size + 1):
            g = whole - cost(lo, k) - cost(k, hi)
            if g > gain:
                best, gain = k, g
        if best > 0 and gain > penalty:
            found.append(best)
            stack += [(lo, best), (best, hi)]
    return sorted(found)


def _penalty(series: Sequence[float], floor: float) -> float:
    diffs = [abs(b - a) for a, b in itertools.pairwise(series)]
    sigma = statistics.median(diffs) / (0.6745 * math.sqrt(2)) if diffs else 0.0
    sigma = max(sigma, floor)
    return 2 * sigma**2 * math.log(max(len(series), 2))


def timeline(
    store: Store,
    as_of: str,
    *,
    sides: Sequence[str],
    freq: str = "month",
    since: str | None = None,
    min_size: int = 2,
) -> Timeline:
    """Per-period contact between the sides, and the breakdowns (change points) in it."""
    if freq not in FREQS:
        raise UsageError(f"unknown period {freq!r}: choose week or month")
    events = cross_side_events(store, as_of, sides, since)
    if not events:
        return Timeline(freq, (), (), ())
    first = _start(dt.date.fromisoformat(since or events[0]["date_start"]), freq)
    last = dt.date.fromisoformat(as_of)
    periods: list[dict[str, Any]] = []
    members: list[list[dict[str, Any]]] = []
    inputs = ChannelInputs.load(store)  # once: each period's end is a slice of the same records
    start = first
    while start <= last:
        end = min(_next(start, freq) - dt.timedelta(days=1), last)
        lo, hi = start.isoformat(), end.isoformat()
        inside = [e for e in events if lo <= e["date_start"] <= hi]
        by_type = Counter(e["type"] for e in inside)
        conflict = sum(n for t, n in by_type.items() if t in CONFLICT)
        intensities = [e["intensity"] for e in inside if e["intensity"] is not None]
        active = active_count(inputs, hi, sides=sides)
        periods.append(
            {
                "period": start.isoformat(),
                "end": end.isoformat(),
                "events": len(inside),
                "by_type": dict(sorted(by_type.items())),
                "mean_intensity": round(statistics.fmean(intensities), 3) if intensities else None,
                "conflict_share": round(conflict / len(inside), 3) if inside else 0.0,
                "leader_share": round(sum(1 for e in inside if e["leaders"]) / len(inside), 3)
                if inside
                else 0.0,
                "active_channels": active,
            }
        )
        members.append(inside)
        start = _next(start, freq)
    breaks = []
    for series_name, key, floor in (
        ("contacts", "events", 1.0),
        ("conflict share", "conflict_share", 0.1),
    ):
        series = [float(p[key]) for p in periods]
        cuts = binary_segmentation(series, penalty=_penalty(series, floor), min_size=min_size)
        bounds = [0, *cuts, len(series)]
        for i, cut in enumerate(cuts):
            before = statistics.fmean(series[bounds[i] : cut])
            after = statistics.fmean(series[cut : bounds[i + 2]])
            worse = after < before if key == "events" else after > before
            kind = "breakdown" if worse else "recovery"
            what = (
                f"contact {'drops' if after < before else 'rises'} from {before:.1f} to "
                f"{after:.1f} events per {freq}"
                if key == "events"
                else f"conflict share {'rises' if after > before else 'falls'} from "
                f"{before:.0%} to {after:.0%}"
            )
            label = f"{kind} from {periods[cut]['period']}: {what}"
            near = [e for p in members[max(0, cut - 2) : cut + 2] for e in p][:6]
            evidence = tuple(
                {"date": e["date_start"], "type": e["type"], "sentence": e["sentence"]}
                for e in near
            )
            breaks.append(
                Break(series_name, periods[cut]["period"], before, after, kind, label, evidence)
            )
    breaks.sort(key=lambda b: b.date)
    plot_events = tuple(
        {"date": {"start": e["date_start"]}, "type": e["type"], "intensity": e["intensity"]}
        for e in events
    )
    return Timeline(freq, tuple(periods), tuple(breaks), plot_events)
