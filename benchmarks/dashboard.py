"""Dashboard API response times at scale: 2,000 actors and 20,000 events.

    .venv/bin/python benchmarks/dashboard.py [--actors N] [--events N] [--runs N]

Builds a synthetic store (``backchannel.synthetic``), serves it with uvicorn
on 127.0.0.1 (a free port), and times each endpoint over real HTTP, body
read included:

* **start**: how long the server takes to start listening, as it indexes
  the store first;
* **cold**: the answer cache emptied before each request (median of 3; the
  store's channel inputs are loaded again, and the per-version indexes
  built): what a request would cost with nothing indexed, which the
  indexing before listening spares the first requests;
* then the store's version indexed as the server's start does, and:
* **new date**: the inputs loaded but the date not asked before, as when
  the slider moves (median and maximum over ``--runs`` dates spread from
  2016 to late 2025; map endpoints and the
  what-if, which removes a different actor each time, or proposes a channel
  between the first side's leader and a different actor of the other side);
* **warm**: the same request again (median of ``--runs``).

**After a write** (``--writes`` times): a record is added to the store
while the server runs, as ``backchannel run`` does; then the map of the date
the page shows is asked at once (answered from the previous version, marked
``X-Backchannel-Stale``), three new dates are asked while the new version is
indexed in the background, and the time until answers come from the new
version is measured by asking every 50 ms.

One more row, **/api/whatif, date seen**: the what-if on new dates whose map
and brokers were asked first (untimed), as when the what-if is run on the
date the page shows; its before-state (the date's channels and brokers'
network) is then computed already.

The synthetic store gets a leader on each side (``LEADERS``), so the what-if
runs its capacity part too (max-flow between the leaders) instead of stopping
at "no leader known".

Prints a table and writes bench-results/dashboard.json.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import httpx
import uvicorn

from backchannel.store import Store
from backchannel.synthetic import SIDES, synthetic_store
from backchannel.web import create_app
from backchannel.web.app import warm as index_now
from backchannel.web.cache import StoreCache

ROOT = Path(__file__).resolve().parents[1]
AS_OF = "2025-12-28"
COLD_RUNS = 3
LEADERS = (("a00000", "USA"), ("a00001", "CHN"))
PROPOSER = LEADERS[0][0]  # proposed channels go from this leader to someone on the other side


def _add_leaders(db: Path) -> None:
    """A head of state for each side, in office on every date (synthetic stores have no roles)."""
    with Store.open(db) as store:
        store._insert(
            "roles",
            [
                {
                    "actor_id": actor_id,
                    "title": "Leader",
                    "org": "",
                    "country": side,
                    "sector": "government",
                    "start_date": "2000-01-01",
                    "end_date": None,
                    "position": "",
                    "leader": True,
                    "origin": "benchmark",
                }
                for actor_id, side in LEADERS
            ],
        )


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(http: httpx.Client, path: str) -> float:
    return _timed(http, path)[0]


def _endpoints(http: httpx.Client) -> dict[str, tuple[str, str | None]]:
    """label → (path on AS_OF, path with a {day} placeholder for the new-date runs, or None)."""
    edges = http.get("/api/graph", params={"as_of": AS_OF}).json()["edges"]
    edge = min(edges, key=lambda e: e["first_contact"])  # a channel on every date asked
    a, b = edge["source"], edge["target"]
    return {
        "/api/meta": ("/api/meta", None),
        "/api/graph": (f"/api/graph?as_of={AS_OF}", "/api/graph?as_of={day}"),
        "/api/channels": (f"/api/channels?as_of={AS_OF}", "/api/channels?as_of={day}"),
        "/api/channels/{a}/{b}": (
            f"/api/channels/{a}/{b}?as_of={AS_OF}",
            f"/api/channels/{a}/{b}?as_of={{day}}",
        ),
        "/api/actors?q=": ("/api/actors?q=Person%200001&limit=20", None),
        "/api/actors/{id}": (f"/api/actors/{a}?as_of={AS_OF}", None),
        "/api/brokers": (f"/api/brokers?as_of={AS_OF}", "/api/brokers?as_of={day}"),
        "/api/whatif": (
            f"/api/whatif?remove={a}&as_of={AS_OF}",
            "/api/whatif?remove=a{actor:05d}&as_of={day}",
        ),
        "/api/whatif?add=": (
            f"/api/whatif?add={PROPOSER},a00101&as_of={AS_OF}",
            f"/api/whatif?add={PROPOSER},a{{partner:05d}}&as_of={{day}}",
        ),
        "/api/events?limit=1000": ("/api/events?limit=1000", None),
    }


def _days(runs: int) -> list[str]:
    """Dates the slider might land on, none of them AS_OF: spread from 2016 to late 2025.

    Later dates cost more (more pairs are channels on them), so the spread
    holds as many late dates as early ones.
    """
    months = [round(k * 117 / (runs - 1)) for k in range(runs)]  # 2016-01 … 2025-10
    return [f"{2016 + m // 12}-{1 + m % 12:02d}-15" for m in months]


def _write_one(db: Path, k: int) -> None:
    """Add a copy of one record, dated AS_OF, under a new id: a new version of the store."""
    with Store.open(db) as store:
        store.con.execute(
            "INSERT INTO event_records SELECT * REPLACE (? AS record_id, ? AS date_start, "
            "? AS date_end) FROM event_records WHERE date_start IS NOT NULL LIMIT 1",
            [f"bench-write-{k}", AS_OF, AS_OF],
        )


def _timed(http: httpx.Client, path: str) -> tuple[float, bool]:
    """Seconds for ``path``, and whether the answer came from an older version of the store."""
    start = time.perf_counter()
    response = http.get(path)
    response.read()
    elapsed = time.perf_counter() - start
    if response.status_code != 200:
        raise SystemExit(f"GET {path}: {response.status_code} {response.text[:200]}")
    return elapsed, "X-Backchannel-Stale" in response.headers


def after_writes(http: httpx.Client, db: Path, writes: int) -> dict[str, float | int]:
    """The map just after a write, new dates while the new version is indexed, and the wait."""
    first, during, fresh_after, stale_seen = [], [], [], 0
    for k in range(writes):
        _get(http, f"/api/graph?as_of={AS_OF}")  # the page shows AS_OF
        _write_one(db, k)
        written = time.perf_counter()
        elapsed, stale = _timed(http, f"/api/graph?as_of={AS_OF}")
        first.append(elapsed)
        stale_seen += stale
        for j in range(3):
            day = f"{2017 + (k + j) % 9}-{1 + (7 * k + 3 * j) % 12:02d}-{3 + k:02d}"
            during.append(_timed(http, f"/api/graph?as_of={day}")[0])
        while _timed(http, "/api/brokers?as_of=2015-01-01")[1]:
            time.sleep(0.05)
        fresh_after.append(time.perf_counter() - written)
    return {
        "writes": writes,
        "first_answers_stale": stale_seen,
        "map_just_after_s": statistics.median(first),
        "map_new_date_while_indexing_s": statistics.median(during),
        "new_version_answers_after_s": statistics.median(fresh_after),
    }


def measure(
    db: Path, runs: int, writes: int
) -> tuple[dict[str, dict[str, float | None]], dict[str, float | int], float]:
    app = create_app(str(db), sides=SIDES)
    config = uvicorn.Config(app, host="127.0.0.1", port=_free_port(), log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    started = time.perf_counter()
    while not server.started:  # the store is indexed first: then the server listens
        time.sleep(0.02)
    start_s = time.perf_counter() - started
    out: dict[str, dict[str, float | None]] = {}
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{config.port}", timeout=600) as http:
            for label, (path, dated) in _endpoints(http).items():
                cold = []
                for _ in range(COLD_RUNS):
                    app.state.cache = StoreCache()
                    cold.append(_get(http, path))
                # from here as the server runs: the store's version indexed, as at its start
                app.state.cache = StoreCache()
                app.state.cache.refresher = lambda: index_now(app, with_map=False)
                index_now(app)
                new_dates = []
                if dated is not None:
                    _get(http, path)  # the inputs, loaded once
                    new_dates = [
                        _get(http, dated.format(day=day, actor=10 + k, partner=2 * k + 101))
                        for k, day in enumerate(_days(runs))
                    ]
                warm = statistics.median(_get(http, path) for _ in range(runs))
                out[label] = {
                    "cold_s": statistics.median(cold),
                    "new_date_s": statistics.median(new_dates) if new_dates else None,
                    "new_date_max_s": max(new_dates) if new_dates else None,
                    "warm_s": warm,
                }
            # the what-if on a date whose map and brokers were asked first, as on the page
            seen = []
            for k, day in enumerate(_days(runs)):
                day = day.replace("-15", "-20")
                _get(http, f"/api/graph?as_of={day}")
                _get(http, f"/api/brokers?as_of={day}")
                seen.append(_get(http, f"/api/whatif?remove=a{30 + k:05d}&as_of={day}"))
            out["/api/whatif, date seen"] = {
                "cold_s": None,
                "new_date_s": statistics.median(seen),
                "new_date_max_s": max(seen),
                "warm_s": None,
            }
            written = after_writes(http, db, writes)
    finally:
        server.should_exit = True
        thread.join(timeout=30)
    return out, written, start_s


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actors", type=int, default=2000)
    parser.add_argument("--events", type=int, default=20000)
    parser.add_argument("--runs", type=int, default=5, help="requests per median (at least 5)")
    parser.add_argument("--writes", type=int, default=5, help="writes to time the refresh after")
    args = parser.parse_args()
    runs = max(5, args.runs)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "synthetic.duckdb"
        synthetic_store(db, args.actors, args.events)
        _add_leaders(db)
        endpoints, written, start_s = measure(db, runs, max(1, args.writes))
    load = os.getloadavg()
    print(f"{args.actors} actors, {args.events} events; medians in seconds")
    print(f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    print(f"the server listens after {start_s:.2f} s (the store indexed first)")
    print(f"{'endpoint':26} {'cold':>8} {'new date':>9} {'(max)':>8} {'warm':>8}")
    for label, t in endpoints.items():
        cold, new, most, warm = (
            f"{t[key]:{width}.3f}" if t[key] is not None else f"{'—':>{width}}"
            for key, width in (
                ("cold_s", 8),
                ("new_date_s", 9),
                ("new_date_max_s", 8),
                ("warm_s", 8),
            )
        )
        print(f"{label:26} {cold} {new} {most} {warm}")
    print(
        f"after a write (median of {written['writes']}): the map at once "
        f"{written['map_just_after_s']:.3f} s ({written['first_answers_stale']} of "
        f"{written['writes']} from the previous version); a new date while indexing "
        f"{written['map_new_date_while_indexing_s']:.3f} s; the new version answers after "
        f"{written['new_version_answers_after_s']:.2f} s"
    )
    figures: dict[str, Any] = {
        "actors": args.actors,
        "events": args.events,
        "as_of": AS_OF,
        "runs": runs,
        "load_average": list(load),
        "server_start_s": start_s,
        "endpoints": endpoints,
        "after_write": written,
    }
    out = ROOT / "bench-results"
    out.mkdir(exist_ok=True)
    (out / "dashboard.json").write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
