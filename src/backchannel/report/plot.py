"""The event timeline as a PNG: stacked bars per PLOVER category, mean intensity on top.

matplotlib is imported inside ``timeline_png`` so importing this module costs
nothing and touches no global state. The figure is drawn with ``Figure`` and
``FigureCanvasAgg`` directly, never through pyplot: no global backend switch,
no shared "current figure", so callers may draw from several threads.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from backchannel.errors import UsageError

WIDTH_PX, HEIGHT_PX, DPI = 1200, 600, 100

# Cool colours for cooperation, warm for conflict, in the PLOVER order from
# cooperative to conflictual; the stack is drawn in this order, bottom up.
CATEGORY_COLOURS: dict[str, str] = {
    "CONSULT": "#4e79a7",
    "AGREE": "#59a14f",
    "SUPPORT": "#76b7b2",
    "COOPERATE": "#8cd17d",
    "AID": "#499894",
    "CONCEDE": "#a0cbe8",
    "RETREAT": "#86bcb6",
    "REQUEST": "#b6992d",
    "ACCUSE": "#f28e2b",
    "REJECT": "#ffbe7d",
    "THREATEN": "#e15759",
    "PROTEST": "#ff9d9a",
    "SANCTION": "#b5332e",
    "MOBILIZE": "#9c755f",
    "COERCE": "#7b3294",
    "ASSAULT": "#4d1a1a",
}
OTHER_COLOURS = ("#bab0ac", "#8c8c8c", "#d4d4d4", "#6b6b6b", "#a5a5a5")


def _week(d: dt.date) -> dt.date:
    return d - dt.timedelta(days=d.weekday())


def _month(d: dt.date) -> dt.date:
    return d.replace(day=1)


def _quarter(d: dt.date) -> dt.date:
    return dt.date(d.year, 3 * ((d.month - 1) // 3) + 1, 1)


def _year(d: dt.date) -> dt.date:
    return dt.date(d.year, 1, 1)


def _next_day(d: dt.date) -> dt.date:
    return d + dt.timedelta(days=1)


def _next_week(d: dt.date) -> dt.date:
    return d + dt.timedelta(days=7)


def _next_month(d: dt.date) -> dt.date:
    return dt.date(d.year + d.month // 12, d.month % 12 + 1, 1)


def _next_quarter(d: dt.date) -> dt.date:
    return _next_month(_next_month(_next_month(d)))


def _next_year(d: dt.date) -> dt.date:
    return dt.date(d.year + 1, 1, 1)


def _label_week(d: dt.date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year}-W{week:02d}"


# freq -> (start of the period holding a day, start of the next period, tick label)
PERIODS: dict[
    str, tuple[Callable[[dt.date], dt.date], Callable[[dt.date], dt.date], Callable[[dt.date], str]]
] = {
    "day": (lambda d: d, _next_day, dt.date.isoformat),
    "week": (_week, _next_week, _label_week),
    "month": (_month, _next_month, lambda d: d.strftime("%Y-%m")),
    "quarter": (_quarter, _next_quarter, lambda d: f"{d.year} Q{(d.month - 1) // 3 + 1}"),
    "year": (_year, _next_year, lambda d: str(d.year)),
}


def _start_date(event: Mapping[str, Any]) -> dt.date | None:
    date = event.get("date")
    start = date.get("start") if isinstance(date, Mapping) else None
    if not isinstance(start, str):
        return None
    try:
        return dt.date.fromisoformat(start[:10])
    except ValueError:
        return None


def _intensity(event: Mapping[str, Any]) -> float | None:
    value = event.get("intensity")
    if isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value):
        return float(value)
    return None


def _category_order(categories: set[str]) -> list[str]:
    known = [c for c in CATEGORY_COLOURS if c in categories]
    return known + sorted(categories - set(CATEGORY_COLOURS))


def _colour(category: str, others: list[str]) -> str:
    if category in CATEGORY_COLOURS:
        return CATEGORY_COLOURS[category]
    return OTHER_COLOURS[others.index(category) % len(OTHER_COLOURS)]


def timeline_png(
    events: list[dict[str, Any]],
    path: Path,
    *,
    freq: str = "month",
    title: str = "",
) -> Path:
    """Draw events per ``freq`` period (day, week, month, quarter, year) to a 1200×600 PNG.

    Bars stack the events of each period by PLOVER category (``event["type"]``);
    the line is the period's mean ``event["intensity"]`` on the right axis.
    Events without a start date, and events whose ``modality`` is given and is
    not "asserted" (a planned meeting did not happen), are left out and
    counted in a note under the chart. With nothing to draw the image says
    "no dated events". Returns ``path``.
    """
    if freq not in PERIODS:
        raise UsageError(f"unknown period {freq!r}: choose {', '.join(PERIODS)}")
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    period_of, next_period, label = PERIODS[freq]
    counts: dict[dt.date, Counter[str]] = defaultdict(Counter)
    intensities: dict[dt.date, list[float]] = defaultdict(list)
    undated = not_asserted = 0
    for event in events:
        modality = event.get("modality")
        if modality not in (None, "", "asserted"):
            not_asserted += 1
            continue
        day = _start_date(event)
        if day is None:
            undated += 1
            continue
        period = period_of(day)
        counts[period][str(event.get("type") or "UNKNOWN")] += 1
        value = _intensity(event)
        if value is not None:
            intensities[period].append(value)

    fig = Figure(figsize=(WIDTH_PX / DPI, HEIGHT_PX / DPI), dpi=DPI, layout="constrained")
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    heading = title or f"Events per {freq}"
    ax.set_title(heading, fontsize=14, loc="left", fontweight="bold")

    notes = []
    if not_asserted:
        notes.append(f"{not_asserted} not asserted (planned, hypothetical, negated, denied)")
    if undated:
        notes.append(f"{undated} without a start date")
    if notes:
        # supxlabel, unlike fig.text, gets room from the constrained layout
        fig.supxlabel("Not shown: " + "; ".join(notes), x=0.01, ha="left", fontsize=9, color="#555")

    if not counts:
        ax.set_axis_off()
        ax.text(0.5, 0.5, "no dated events", ha="center", va="center", fontsize=20, color="#666666")
        return _save(fig, path)

    periods = [min(counts)]
    while periods[-1] < max(counts):
        periods.append(next_period(periods[-1]))
    xs = list(range(len(periods)))
    categories = _category_order({c for counter in counts.values() for c in counter})
    others = [c for c in categories if c not in CATEGORY_COLOURS]

    bottoms = [0] * len(periods)
    for category in categories:
        heights = [counts[p][category] if p in counts else 0 for p in periods]
        ax.bar(
            xs,
            heights,
            bottom=bottoms,
            width=0.8,
            label=category,
            color=_colour(category, others),
            edgecolor="white",
            linewidth=0.5,
        )
        bottoms = [b + h for b, h in zip(bottoms, heights, strict=True)]

    step = max(1, math.ceil(len(periods) / 24))
    ax.set_xticks(xs[::step], [label(p) for p in periods[::step]])
    ax.tick_params(axis="x", labelrotation=45 if len(periods) > 8 else 0, labelsize=9)
    ax.set_xlim(-0.6, len(periods) - 0.4)
    ax.set_ylabel("events")
    ax.set_ylim(0, max(bottoms) * 1.12 + 0.5)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.grid(axis="y", color="#e5e5e5", linewidth=0.8)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)

    right = ax.twinx()
    means = [
        sum(intensities[p]) / len(intensities[p]) if intensities.get(p) else math.nan
        for p in periods
    ]
    right.plot(
        xs,
        means,
        color="#222222",
        linewidth=1.8,
        marker="o",
        markersize=4,
        label="mean intensity",
    )
    right.axhline(0, color="#999999", linewidth=0.8, linestyle="--")
    right.set_ylim(-10.5, 10.5)
    right.set_ylabel("mean intensity (−10 conflict … +10 cooperation)")
    right.spines["top"].set_visible(False)

    handles, labels = ax.get_legend_handles_labels()
    line_handles, line_labels = right.get_legend_handles_labels()
    fig.legend(
        handles[::-1] + line_handles,  # reversed so the legend reads like the stack
        labels[::-1] + line_labels,
        loc="outside right upper",
        fontsize=9,
        frameon=False,
    )
    return _save(fig, path)


def _save(fig: Any, path: Path) -> Path:
    path = Path(path)
    try:
        fig.savefig(path, format="png", dpi=DPI)
    except OSError as exc:
        raise UsageError(
            f"cannot write the timeline to {path}: {exc}; choose a writable path"
        ) from exc
    return path
