"""Gather what the static report shows from the store, and write it."""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from backchannel.analysis.channels import channels
from backchannel.errors import UsageError
from backchannel.queries import EventFilter, events, role_changes, skipped
from backchannel.report import render_report, timeline_png
from backchannel.store import Store


def report_data(store: Store, as_of: str, sides: Sequence[str]) -> dict[str, Any]:
    """Everything the HTML report needs, as plain data."""
    all_events = events(store, EventFilter(until=as_of))
    side_set = set(sides)
    cross = [
        e
        for e in all_events
        if e["modality"] == "asserted"
        and e["source"]["country"] != e["target"]["country"]
        and ({e["source"]["country"], e["target"]["country"]} & side_set)
    ]
    with tempfile.TemporaryDirectory() as tmp:
        png = timeline_png(cross, Path(tmp) / "timeline.png", title="Cross-side events per month")
        png_bytes = png.read_bytes()
    counts = store.counts()
    extra = _analyses(store, as_of, sides)
    return {
        "title": f"backchannel report: {' – '.join(sides)} as of {as_of}",
        "generated": dt.datetime.now().replace(microsecond=0).isoformat(),
        "as_of": as_of,
        "db": store.path,
        "counts": {
            "documents": counts["documents"],
            "events": counts["events"],
            "role_changes": counts["role_changes"],
            "actors": counts["actors"],
            "skipped": counts["skipped"],
        },
        "channels": [c.to_dict() for c in channels(store, as_of, sides=sides)],
        "events": all_events,
        "role_changes": role_changes(store),
        "skipped": skipped(store),
        "timeline_png": png_bytes,
        **extra,
    }


def _analyses(store: Store, as_of: str, sides: Sequence[str]) -> dict[str, Any]:
    """Brokers, leader-to-leader capacity and breakdowns; a failing one is left out, not fatal."""
    from backchannel.analysis.brokers import brokers
    from backchannel.analysis.capacity import capacity
    from backchannel.analysis.timeline import timeline
    from backchannel.errors import BackchannelError

    out: dict[str, Any] = {"brokers": brokers(store, as_of, sides=sides)}
    try:
        out["capacity"] = capacity(store, as_of, sides=sides).to_dict()
    except BackchannelError:
        out["capacity"] = None
    try:
        out["breaks"] = [
            b.to_dict() for b in timeline(store, as_of, sides=sides, freq="month").breaks
        ]
    except BackchannelError:
        out["breaks"] = []
    return out


def build_report(db: str | Path, path: Path, *, as_of: str, sides: Sequence[str]) -> Path:
    """Write the static HTML report for the store at ``db``; return its path."""
    if path.suffix.lower() not in {".html", ".htm"}:
        raise UsageError(f"--html {path}: the report file must end in .html")
    with Store.open(db, read_only=True) as store:
        data = report_data(store, as_of, sides)
    path.write_text(render_report(data), encoding="utf-8")
    return path
