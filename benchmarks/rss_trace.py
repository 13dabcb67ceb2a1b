"""A worker's resident memory after each batch, in one process.

    .venv/bin/python benchmarks/rss_trace.py [--articles 4000] [--every 10]

Runs generated articles of 2–4 paragraphs through ``engines.extract_batch``
(what a pool worker runs) in batches of 32 and prints, every ``--every``
batches, the articles done, the current RSS and the peak RSS in MB; writes
bench-results/rss_trace.json. It shows how a worker grows with the articles it
has parsed, which is why ``PoolEngine`` replaces its workers.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import documents

from backchannel.engines import extract_batch
from backchannel.pipeline import Settings

OUT = Path(__file__).resolve().parents[1] / "bench-results"
BATCH = 32


def _rss_mb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS"):
            return int(line.split()[1]) // 1024
    return 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=4000)
    parser.add_argument("--every", type=int, default=10)
    args = parser.parse_args()
    settings = Settings(today="2026-11-25")
    docs = documents(args.articles, paragraphs=(2, 4))
    trace = []
    for k, start in enumerate(range(0, len(docs), BATCH)):
        extract_batch(settings, docs[start : start + BATCH])
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
        row = {"articles": min(start + BATCH, len(docs)), "rss_mb": _rss_mb(), "peak_mb": peak}
        trace.append(row)
        if k % args.every == 0:
            print(row, flush=True)
    OUT.mkdir(exist_ok=True)
    (OUT / "rss_trace.json").write_text(json.dumps(trace, indent=1) + "\n")
    print(trace[-1])


if __name__ == "__main__":
    main()
