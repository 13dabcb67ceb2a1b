"""Analysis timings at dashboard scale: 2,000 actors and 20,000 events.

    .venv/bin/python benchmarks/analysis.py [--actors N] [--events N]

Builds a synthetic store (``backchannel.synthetic``), then times channels,
brokers (Gould–Fernandez), capacity between two actors, what-if removal,
the timeline and the GEXF export, each as the median of three runs, and
writes bench-results/analysis.json.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from backchannel.analysis.brokers import brokers
from backchannel.analysis.capacity import capacity
from backchannel.analysis.channels import channels
from backchannel.analysis.timeline import timeline
from backchannel.analysis.whatif import whatif
from backchannel.export import export
from backchannel.store import Store
from backchannel.synthetic import SIDES, synthetic_store

ROOT = Path(__file__).resolve().parents[1]
AS_OF = "2025-12-31"


def _median(fn: Callable[[], Any], runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _gexf(store: Store, path: Path) -> None:
    with path.open("w", encoding="utf-8") as out:
        export(store, AS_OF, "gexf", out, sides=SIDES)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actors", type=int, default=2000)
    parser.add_argument("--events", type=int, default=20000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "synthetic.duckdb"
        start = time.perf_counter()
        synthetic_store(db, args.actors, args.events)
        built = time.perf_counter() - start
        with Store.open(db, read_only=True) as store:
            figures = {
                "store_build_s": built,
                "channels_s": _median(lambda: channels(store, AS_OF, sides=SIDES)),
                "brokers_s": _median(lambda: brokers(store, AS_OF, sides=SIDES)),
                "capacity_s": _median(
                    lambda: capacity(
                        store, AS_OF, sides=SIDES, source="Person 00000", target="Person 00001"
                    )
                ),
                "whatif_s": _median(
                    lambda: whatif(
                        store,
                        AS_OF,
                        sides=SIDES,
                        remove=["Person 00002"],
                        source="Person 00000",
                        target="Person 00001",
                    ),
                    1,
                ),
                "timeline_month_s": _median(
                    lambda: timeline(store, AS_OF, sides=SIDES, freq="month"), 1
                ),
                "export_gexf_s": _median(lambda: _gexf(store, Path(tmp) / "g.gexf"), 1),
            }
    figures = {"actors": args.actors, "events": args.events, **figures}
    for key, value in figures.items():
        print(f"{key:18} {value:.3f}" if isinstance(value, float) else f"{key:18} {value}")
    out = ROOT / "bench-results"
    out.mkdir(exist_ok=True)
    (out / "analysis.json").write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
