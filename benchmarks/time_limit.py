"""What the per-document time limit costs on normal articles: extraction with and without it.

    .venv/bin/python benchmarks/time_limit.py [--articles 192] [--repeats 5]

One Extractor, the same batches of 32 benchmark articles, each run with
``max_seconds=None`` and with the default limit in turn (so load from other
jobs hits both alike); prints the median total of each and their ratio.
"""

from __future__ import annotations

import argparse
import dataclasses
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import articles  # noqa: E402

from backchannel.model import Document  # noqa: E402
from backchannel.pipeline import MAX_SECONDS, Extractor, Settings  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=192)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    docs = [
        Document(Document.make_id(a["text"]), a["text"], a["title"], published=a["published"])
        for a in articles(args.articles)
    ]
    batches = [docs[i : i + 32] for i in range(0, len(docs), 32)]
    off = Settings(today="2025-11-25", max_seconds=None)
    on = dataclasses.replace(off, max_seconds=MAX_SECONDS)
    extractor = Extractor(off)
    extractor.process_batch(batches[0])  # warm up
    times: dict[str, list[float]] = {"off": [], "on": []}
    for repeat in range(args.repeats):
        total = {"off": 0.0, "on": 0.0}
        for batch in batches:  # batch by batch, in turns, so a burst of load hits both
            order = (("off", off), ("on", on))
            for name, settings in order if repeat % 2 == 0 else order[::-1]:
                extractor.settings = settings
                start = time.perf_counter()
                extractor.process_batch(batch)
                total[name] += time.perf_counter() - start
        for name in total:
            times[name].append(total[name])
    off_s, on_s = statistics.median(times["off"]), statistics.median(times["on"])
    print(
        f"{len(docs)} articles in {len(batches)} batches, median of {args.repeats}: "
        f"no limit {off_s:.2f} s, --max-seconds {MAX_SECONDS:g} {on_s:.2f} s, "
        f"ratio {on_s / off_s:.3f}"
    )


if __name__ == "__main__":
    main()
