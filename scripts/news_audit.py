"""Extraction on real news, judged by hand: are the events right, and are any missed?

    .venv/bin/python scripts/news_audit.py              # judged precision; F1 on annotated news
    .venv/bin/python scripts/news_audit.py --judge 20   # 20 more events to judge, as JSON lines
    .venv/bin/python scripts/news_audit.py --dev-misses # the development documents' misses

The text is real news nobody here wrote (``../shared/data/news``: 150 New York
Times headlines with lead paragraphs, 2009–2020, and 25 People's Daily
articles on the 2018 trade talks); it cannot be shipped, so the judgements in
``gold/news_audit.jsonl`` name an event by its document, sentence, actors,
category and modality, with the judge's reason in the project's own words.
An event is right when its sentence says the source did that kind of thing
to (or with) the target, as the annotation guidelines read it
(docs/annotation.md), with that modality. Dates are not judged.

Recall needs the events a reader finds, whatever was coded: 40 NYT documents
drawn at random (seed 7) were annotated from their text alone in
``gold/news_recall.jsonl``, and are scored as the project set is (pair,
category, modality; states and groups of one country are one actor). It is
held out: no rule is written from it, and its misses are never printed.

The other 90 NYT documents (none of them in the recall set or the audit:
40 drawn with seed 11, then the 50 left) were annotated the same way for
development, in ``gold/news_dev.jsonl``: rules may be written from them, and
``--dev-misses`` prints each one's missed and spurious events with its text.

Of the People's Daily articles, the 11 no judged event comes from (all but a
23,000-character speech) were annotated whole, from their text alone: 5
drawn with seed 13 are held out in ``gold/news_recall.jsonl``, the other 6
are for development in ``gold/news_dev.jsonl``. Each outlet is scored apart.

The pipeline runs as ``backchannel run`` does by default (no PETRARCH
dictionaries), with the evaluation's fixed "today". ``--judge`` draws events
not judged yet, at random with a fixed seed, and prints each with its
sentence and a blank verdict to fill in and append to the audit file.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import random
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from backchannel.evaluate.metrics import Counts, match_multisets
from backchannel.evaluate.project import (
    GoldEvent,
    gold_key,
    linked_actors,
    miss_causes,
    pred_key,
)
from backchannel.evaluate.runner import make_extractor
from backchannel.model import Document, Event, Extraction
from backchannel.sources import read_inputs
from backchannel.sources._common import normalise_text

ROOT = Path(__file__).resolve().parents[1]
NEWS = ROOT.parent / "shared" / "data" / "news"
NYT = NEWS / "nyt_leadparagraphs_uschina_2009_2020_sample.csv"
PEOPLES_DAILY = NEWS / "peoplesdaily_uschina_2018_sample.jsonl"
AUDIT = ROOT / "gold" / "news_audit.jsonl"
RECALL = ROOT / "gold" / "news_recall.jsonl"
DEV = ROOT / "gold" / "news_dev.jsonl"
SEED = 2026

Key = tuple[str, int, str, str, str, str]


def documents() -> Iterator[tuple[str, Document]]:
    """(document key, document): ``nyt:<row>`` and ``pd:<line>``, both counted from 1."""
    with NYT.open(encoding="utf-8", newline="") as f:
        for row_number, row in enumerate(csv.DictReader(f), start=1):
            # as a reader of a text or JSONL file would pass it on (20 rows carry
            # cp1252 dashes and quotes read as latin-1)
            text = normalise_text(row["lead_paragraph"])
            yield (
                f"nyt:{row_number}",
                Document(
                    doc_id=Document.make_id(text),
                    text=text,
                    title=normalise_text(row["headline"]),
                    published=row["date"][:10],
                    source="nyt",
                    origin=f"{NYT.name}:{row_number}",
                ),
            )
    for line_number, doc in enumerate(read_inputs([str(PEOPLES_DAILY)]), start=1):
        if not isinstance(doc, Document):
            sys.exit(f"news_audit: {PEOPLES_DAILY.name} line {line_number}: {doc.reason}")
        yield f"pd:{line_number}", doc


def key_of(doc: str, event: Event) -> Key:
    return (
        doc,
        event.sentence_index,
        event.source.actor_id,
        event.target.actor_id,
        event.type,
        event.modality,
    )


def extracted() -> tuple[dict[Key, Event], dict[str, Extraction]]:
    """Events by key, and each document's extraction by document key."""
    extractor = make_extractor()
    keyed = list(documents())
    results = extractor.process_batch([doc for _, doc in keyed])
    found: dict[Key, Event] = {}
    by_doc: dict[str, Extraction] = {}
    for (doc, _), result in zip(keyed, results, strict=True):
        if isinstance(result, Extraction):
            by_doc[doc] = result
            for event in result.events:
                found.setdefault(key_of(doc, event), event)
    return found, by_doc


def annotated_events(
    path: Path, by_doc: dict[str, Extraction], outlet: str = ""
) -> Iterator[tuple[str, list[GoldEvent], list[Event], Extraction | None]]:
    """(document key, gold events, coded events, extraction) for each annotated
    document whose key starts with ``outlet`` (``nyt:``, ``pd:``; all by default)."""
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if not record["doc"].startswith(outlet):
            continue
        gold = [
            GoldEvent(e["source"], e["target"], e["type"], "", e["modality"], None, None)
            for e in record["events"]
        ]
        result = by_doc.get(record["doc"])
        yield record["doc"], gold, list(result.events) if result else [], result


def recall(by_doc: dict[str, Extraction], path: Path, label: str, outlet: str = "") -> None:
    """Event F1 on the annotated documents of ``path`` (those of one outlet if
    given), with the causes of the misses."""
    total = Counts()
    missed: Counter[str] = Counter()
    spurious: Counter[str] = Counter()
    documents_read = 0
    for _, gold, predicted, result in annotated_events(path, by_doc, outlet):
        documents_read += 1
        total.add(match_multisets(map(gold_key, gold), map(pred_key, predicted)))
        m, s = miss_causes(gold, predicted, linked_actors(result))
        missed.update(m)
        spurious.update(s)
    print(
        f"{label}: {documents_read} documents, {total.tp + total.fn} events; "
        f"event F1 {total.f1:.2f} (P {total.precision:.2f}, R {total.recall:.2f}; "
        f"{total.tp} right, {total.fp} spurious, {total.fn} missed)"
    )
    print("  missed by cause: " + ", ".join(f"{c} {n}" for c, n in missed.most_common()))
    print("  spurious by cause: " + ", ".join(f"{c} {n}" for c, n in spurious.most_common()))


def dev_misses(by_doc: dict[str, Extraction], texts: dict[str, Document]) -> None:
    """Each development document's missed and spurious events, with its text.

    Only for ``gold/news_dev.jsonl``: the held-out recall set is scored as a
    total and its misses are never printed.
    """
    for doc, gold, predicted, _ in annotated_events(DEV, by_doc):
        gold_keys = Counter(map(gold_key, gold))
        pred_keys = Counter(map(pred_key, predicted))
        missed, spurious = gold_keys - pred_keys, pred_keys - gold_keys
        if not missed and not spurious:
            continue
        document = texts[doc]
        print(f"=== {doc} ({document.published}) {document.title}\n{document.text}")
        for key in sorted(missed):
            print(f"  missed   {key}")
        for key in sorted(spurious):
            print(f"  spurious {key}")
        for event in predicted:
            print(f"  coded    {pred_key(event)} [{event.trigger}] {event.sentence[:100]!r}")


def judgements() -> dict[Key, dict[str, object]]:
    if not AUDIT.exists():
        return {}
    out = {}
    for line in AUDIT.read_text(encoding="utf-8").splitlines():
        if line.strip():
            j = json.loads(line)
            key = (j["doc"], j["sentence"], j["source"], j["target"], j["type"], j["modality"])
            out[key] = j
    return out


def report(found: dict[Key, Event], judged: dict[Key, dict[str, object]]) -> None:
    seen = [judged[k] for k in found if k in judged]
    right = sum(bool(j["right"]) for j in seen)
    print(f"events coded: {len(found)} in {len({k[0] for k in found})} documents")
    if not seen:
        print("judged: none yet (--judge N draws some)")
        return
    low, high = wilson(right, len(seen))
    share = f"{right / len(seen):.2f} (95% {low:.2f}–{high:.2f})"
    print(f"judged: {len(seen)}; right {right} = {share}")
    by_type: Counter[tuple[str, bool]] = Counter((str(j["type"]), bool(j["right"])) for j in seen)
    for etype in sorted({t for t, _ in by_type}):
        ok, total = by_type[(etype, True)], by_type[(etype, True)] + by_type[(etype, False)]
        print(f"  {etype:10} {ok:3d} of {total:3d} right")
    gone = [k for k in judged if k not in found]
    if gone:
        print(f"judged events no longer coded (not counted): {len(gone)}")


def wilson(hits: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """The Wilson score interval of a share ``hits / n``."""
    share = hits / n
    centre = (share + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(share * (1 - share) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return centre - half, centre + half


def to_judge(found: dict[Key, Event], judged: dict[Key, dict[str, object]], n: int) -> None:
    pool = sorted(k for k in found if k not in judged)
    for key in random.Random(SEED).sample(pool, min(n, len(pool))):
        doc, sentence, source, target, etype, modality = key
        event = found[key]
        print(
            json.dumps(
                {
                    "doc": doc,
                    "sentence": sentence,
                    "source": source,
                    "target": target,
                    "type": etype,
                    "modality": modality,
                    "right": None,
                    "why": "",
                    "_text": event.sentence,
                    "_trigger": event.trigger,
                },
                ensure_ascii=False,
            )
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--judge", type=int, metavar="N", help="print N unjudged events")
    parser.add_argument(
        "--dev-misses",
        action="store_true",
        help="print the development documents' missed and spurious events",
    )
    args = parser.parse_args()
    if not NEWS.is_dir():
        sys.exit(f"news_audit: {NEWS} is missing: the real news samples are not shipped")
    found, by_doc = extracted()
    judged = judgements()
    if args.judge:
        to_judge(found, judged, args.judge)
    elif args.dev_misses:
        dev_misses(by_doc, dict(documents()))
    else:
        report(found, judged)
        for path, label in ((RECALL, "held out"), (DEV, "for development")):
            for outlet, name in (("nyt:", "NYT"), ("pd:", "People's Daily")):
                recall(by_doc, path, f"{name}, annotated, {label}", outlet)


if __name__ == "__main__":
    main()
