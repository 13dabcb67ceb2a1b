"""A synthetic store for benchmarks and scale tests: many actors, many meetings, bulk-written.

Not an extraction result: names are "Person 00042", every event a meeting.
Used to measure the analysis, the API and the dashboard at a size no example
corpus reaches.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

from backchannel.store import Store

SIDES = ("USA", "CHN")


def synthetic_store(path: Path, n_actors: int = 2000, n_events: int = 20000) -> str:
    """A store with ``n_actors`` people on two sides and ``n_events`` meetings, written in bulk."""
    rng = random.Random(7)
    actors = [
        {
            "actor_id": f"a{i:05d}",
            "name": f"Person {i:05d}",
            "kind": "person",
            "country": SIDES[i % 2],
            "sector": ("government", "business", "academic")[i % 3],
            "aliases": "[]",
            "origin": "text",
        }
        for i in range(n_actors)
    ]
    docs, records = [], []
    last = "2025-12-31"
    for j in range(n_events):
        a = rng.randrange(n_actors)
        b = rng.randrange(n_actors)
        while b % 2 == a % 2:  # most contact is across the sides
            b = rng.randrange(n_actors)
        day = f"{rng.randrange(2015, 2026)}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
        doc_id = f"d{j // 10:06d}"
        if j % 10 == 0:
            docs.append(
                {"doc_id": doc_id, "title": f"Article {j // 10}", "url": "https://example.org/",
                 "published": day, "source": "synthetic", "origin": "synthetic",
                 "clean_text": "", "doc_date_start": day, "doc_date_end": day,
                 "doc_date_precision": "day"}
            )  # fmt: skip
        row: dict[str, Any] = {
            "record_id": f"r{j:07d}", "doc_id": doc_id, "sentence_index": j % 10,
            "sentence": f"Person {a:05d} met Person {b:05d}.", "type": "CONSULT",
            "mode": "meet", "date_start": day, "date_end": day, "date_precision": "day",
            "date_text": "", "modality": "asserted", "trigger": "met", "location": "",
            "intensity": 1.0, "confidence": 0.9, "rule": "synthetic", "channel_name": "",
            "event_id": f"e{j:07d}",
        }  # fmt: skip
        for prefix, k in (("source", a), ("target", b)):
            row |= {
                f"{prefix}_id": f"a{k:05d}", f"{prefix}_name": f"Person {k:05d}",
                f"{prefix}_country": SIDES[k % 2], f"{prefix}_kind": "person",
                f"{prefix}_sector": ("government", "business", "academic")[k % 3],
                f"{prefix}_role": "",
            }  # fmt: skip
        records.append(row)
    with Store.open(path) as store:
        store.migrate()
        store.con.execute("BEGIN")
        store._upsert("actors", actors)
        store._upsert("documents", docs)
        store._upsert("event_records", records)
        store.con.execute("COMMIT")
    return last
