"""BBN ACCENT event clusters: cross-article de-duplication scored with B-cubed.

The gold groups ACCENT event mentions (``file_code_n``: the n-th event of code
``code`` in ``file``) into real-world events. The sentences were stripped from
the files, so the pipeline cannot re-read them: each correct mention becomes an
``Event`` record built from ACCENT's own structured output (source and target
actor ids, CAMEO code mapped to PLOVER, the story's date from the file name),
written to a temporary ``Store``, and merged by ``Store.merge_events`` — the
store's merge rule is what is measured, not extraction.
"""

from __future__ import annotations

import csv
import re
import tempfile
from collections import defaultdict
from pathlib import Path

from backchannel.evaluate.metrics import bcubed, f1_of
from backchannel.evaluate.ontology import cameo_to_plover, load_cameo_table
from backchannel.evaluate.report import Measure, Report
from backchannel.model import DateInterval, Document, Event, Extraction, Participant, stable_id
from backchannel.pipeline import Extractor
from backchannel.store import Store

FOLDER = Path("bbn_accent_eventclusters")
TABLE = Path("plover") / "CAMEO2PLOVER-2021.txt"
_EVENT = re.compile(r'<Event id="(\d+)"[^>]*type="(\d+)"[^>]*>(.*?)</Event>', re.S)
_PART = re.compile(r"<Participant ([^>]*)/>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_DATE = re.compile(r"_(\d{4})(\d{2})(\d{2})\.")


def _mentions(path: Path) -> dict[tuple[str, int], dict[str, str]]:
    """(CAMEO code, event id) → the event's {role: actor key}; the gold key's n is the id."""
    out: dict[tuple[str, int], dict[str, str]] = {}
    for m in _EVENT.finditer(path.read_text(encoding="utf-8", errors="replace")):
        roles: dict[str, str] = {}
        for p in _PART.finditer(m.group(3)):
            attrs = dict(_ATTR.findall(p.group(1)))
            actor = attrs.get("actor_id") or ("agent-" + attrs.get("agent_id", "?"))
            roles.setdefault(attrs.get("role", ""), f"bbn:{actor}")
        out[(m.group(2), int(m.group(1)))] = roles
    return out


def load(data: Path) -> tuple[dict[str, str], list[Extraction]]:
    """Gold clusters (mention key → gid) and one Extraction per story with its mentions."""
    table = load_cameo_table(data / TABLE)
    gold: dict[str, str] = {}
    by_file: dict[str, list[tuple[str, str, int]]] = defaultdict(list)
    with (data / FOLDER / "ground_truth.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if (row.get("wrong") or "").strip().lower() == "yes":
                continue
            filename, code, n = row["key"].rsplit("_", 2)
            gold[row["key"]] = row["gid"]
            by_file[filename].append((row["key"], code, int(n)))
    extractions = []
    for filename, keys in sorted(by_file.items()):
        events_by_code = _mentions(data / FOLDER / "cameo_files" / filename)
        m = _DATE.search(filename)
        day = f"{m.group(1)}-{m.group(2)}-{m.group(3)}" if m else None
        doc = Document(doc_id=stable_id(filename, prefix="d"), text=filename, published=day)
        events = []
        for key, code, n in keys:
            roles = events_by_code.get((code, n))
            if roles is None:
                continue
            events.append(
                Event(
                    event_id=stable_id(key, prefix="r"),
                    doc_id=doc.doc_id,
                    sentence=key,
                    sentence_index=0,
                    type=cameo_to_plover(code, table) or code,
                    mode="",
                    source=_participant(roles.get("Source", "bbn:none")),
                    target=_participant(roles.get("Target", "bbn:none")),
                    date=DateInterval(day, day, "day") if day else DateInterval(None, None),
                    modality="asserted",
                    trigger=code,
                    rule="bbn-accent",
                )
            )
        extractions.append(Extraction(document=doc, clean_text="", events=tuple(events)))
    return gold, extractions


def _participant(actor_id: str) -> Participant:
    return Participant(actor_id=actor_id, name=actor_id, kind="organization")


def evaluate_bbn(extractor: Extractor, data: Path, limit: int | None = None) -> Report:
    """B-cubed of the store's merge against the gold clusters (``extractor`` is not used)."""
    del extractor  # the sentences are not available; see the module docstring
    gold, extractions = load(data)
    extractions = extractions[:limit]
    record_to_key = {e.event_id: e.sentence for x in extractions for e in x.events}
    with tempfile.TemporaryDirectory() as tmp, Store.open(Path(tmp) / "bbn.duckdb") as store:
        store.migrate()
        store.write(extractions)
        store.merge_events()
        rows = store.query("SELECT record_id, event_id FROM event_records")
    predicted = {record_to_key[r["record_id"]]: str(r["event_id"]) for r in rows}
    scored = {k: g for k, g in gold.items() if k in predicted}
    precision, recall = bcubed(scored, predicted)
    report = Report("bbn", len(scored))
    report.measures = [
        Measure("bcubed_f1", f1_of(precision, recall), len(scored), precision, recall),
        Measure("mentions_found", len(scored) / len(gold) if gold else 0.0, len(gold)),
    ]
    report.notes.append(
        "measures the store's merge rule on ACCENT's structured events (same pair, category, "
        "modality, close dates), not extraction: the sentences are not in the data"
    )
    return report
