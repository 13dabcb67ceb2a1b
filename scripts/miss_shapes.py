"""Where the project gold set's "no event for the pair" misses sit, as counts only.

    .venv/bin/python scripts/miss_shapes.py test     # or dev

For each missed event whose two sides were both linked but joined by nothing,
it says whether both sides were named in one sentence and whether any event
at all touches either side, with the gold type and modality. No text is
printed, so the held-out split can be characterised without reading it.
"""

from __future__ import annotations

import sys
from collections import Counter

from backchannel.evaluate import default_dictionaries
from backchannel.evaluate import project as gold
from backchannel.evaluate.runner import make_extractor, run_items
from backchannel.model import Extraction


def main(split: str) -> None:
    extractor = make_extractor(*default_dictionaries())
    records = [r for r in gold.load(gold.default_path()) if r.split == split]
    shapes: Counter[tuple[str, ...]] = Counter()
    results = run_items(extractor, [r.item for r in records])
    for record, result in zip(records, results, strict=True):
        if not isinstance(result, Extraction):
            continue
        missed, _ = gold.unmatched(record.events, result.events, gold.linked_actors(result))
        by_sentence: dict[int, set[str]] = {}
        for m in result.mentions:
            by_sentence.setdefault(m.sentence_index, set()).add(gold.actor_key(m.actor_id))
        sides = {
            k
            for e in result.events
            for k in (gold.actor_key(e.source.actor_id), gold.actor_key(e.target.actor_id))
        }
        for (a, b, etype, modality), cause in missed:
            if cause != "no event for the pair":
                continue
            together = any(a in names and b in names for names in by_sentence.values())
            touched = a in sides or b in sides
            shapes[
                (
                    record.kind,
                    "one sentence" if together else "apart",
                    etype,
                    modality,
                    "a side has another event" if touched else "no event for either side",
                )
            ] += 1
    for shape, n in shapes.most_common():
        print(n, " | ".join(shape))
    print("total", sum(shapes.values()))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "test")
