"""Meetings in the store that have an account from each side: candidates for ``readouts``.

A document's side is read from who published it (``data/readouts/publishers.yaml``:
government and official-media domains and names). A meeting is a merged,
asserted CONSULT or AGREE event; it is listed when its sources include
documents published by both sides, so the two readouts can be compared with
``backchannel readouts DOC_A DOC_B --db …``.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlsplit

from backchannel.errors import KnowledgeBaseError
from backchannel.nlp.lexicon import load_data_file
from backchannel.queries import EventFilter, events
from backchannel.store import Store


@functools.lru_cache(maxsize=1)
def _publishers() -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    data = load_data_file("readouts/publishers.yaml")
    sides = data.get("sides")
    if not isinstance(sides, dict):
        raise KnowledgeBaseError("data/readouts/publishers.yaml: 'sides' must be a mapping")
    out = {}
    for side, spec in sides.items():
        domains = tuple(str(d).lower() for d in spec.get("domains", []))
        names = tuple(str(n).casefold() for n in spec.get("names", []))
        out[str(side)] = (domains, names)
    return out


def publisher_side(url: str, source: str) -> str:
    """The side whose government published a document, or "" when unknown."""
    host = (urlsplit(url).hostname or "").lower() if url else ""
    name = (source or "").casefold()
    for side, (domains, names) in _publishers().items():
        if host and any(host == d or host.endswith("." + d) for d in domains):
            return side
        if name and any(n in name for n in names):
            return side
    return ""


def find_meetings(store: Store, *, sides: Sequence[str] = ()) -> list[dict[str, Any]]:
    """Meetings with accounts published by both sides (or by two different sides)."""
    docs = {
        r["doc_id"]: r
        for r in store.query("SELECT doc_id, url, source, title, published FROM documents")
    }
    wanted = set(sides)
    found = []
    for ev in events(store, EventFilter(modality="asserted")):
        if ev["type"] not in {"CONSULT", "AGREE"} or len(ev["sources"]) < 2:
            continue
        accounts: dict[str, dict[str, Any]] = {}
        for src in ev["sources"]:
            doc = docs.get(src["doc_id"])
            if doc is None:
                continue
            side = publisher_side(doc["url"] or "", doc["source"] or "")
            if side and side not in accounts:
                accounts[side] = {
                    "side": side,
                    "doc_id": doc["doc_id"],
                    "title": doc["title"],
                    "url": doc["url"],
                    "published": doc["published"],
                }
        if len(accounts) < 2 or (wanted and not wanted <= set(accounts)):
            continue
        found.append(
            {
                "event_id": ev["event_id"],
                "date": ev["date"],
                "type": ev["type"],
                "mode": ev["mode"],
                "participants": [ev["source"]["name"], ev["target"]["name"]],
                "location": ev["location"],
                "accounts": sorted(accounts.values(), key=lambda a: a["side"]),
            }
        )
    return found


def stored_readout_text(store: Store, doc_id: str) -> tuple[str, str, str | None]:
    """(clean text, title, published) of a stored document, for comparing two readouts."""
    rows = store.query(
        "SELECT clean_text, title, published FROM documents WHERE doc_id = ?", [doc_id]
    )
    if not rows:
        from backchannel.errors import UsageError

        raise UsageError(
            f"'{doc_id}' is neither a file nor a document id in the store "
            "(list candidates with `backchannel readouts --find`)"
        )
    row = rows[0]
    return str(row["clean_text"]), str(row["title"] or ""), row["published"]
