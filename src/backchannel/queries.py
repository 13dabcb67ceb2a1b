"""Read views over the store, shaped as the JSON objects users' scripts rely on.

Field names here are public API (see the README's "Output fields"); change
them only with a migration note in the CHANGELOG. Every filter is a bound
parameter, never formatted into SQL.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from backchannel.store import Store


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which merged events to return."""

    since: str | None = None
    until: str | None = None
    actor: str | None = None  # actor id or a case-insensitive part of a name
    type: str | None = None
    modality: str | None = None
    limit: int | None = None


def _participant(row: dict[str, Any], prefix: str) -> dict[str, Any]:
    return {
        "actor_id": row[f"{prefix}_id"],
        "name": row[f"{prefix}_name"],
        "country": row[f"{prefix}_country"],
        "sector": row[f"{prefix}_sector"],
        "kind": row[f"{prefix}_kind"],
        "role": row[f"{prefix}_role"],
    }


def events(store: Store, flt: EventFilter | None = None) -> list[dict[str, Any]]:
    """One object per real-world event (records merged across articles), oldest first."""
    flt = flt or EventFilter()
    where: list[str] = ["1=1"]
    params: list[Any] = []
    if flt.since:
        where.append("coalesce(r.date_end, r.date_start) >= ?")
        params.append(flt.since)
    if flt.until:
        where.append("r.date_start <= ?")
        params.append(flt.until)
    if flt.type:
        where.append("r.type = ?")
        params.append(flt.type.upper())
    if flt.modality:
        where.append("r.modality = ?")
        params.append(flt.modality)
    if flt.actor:
        where.append(
            "(r.source_id = ? OR r.target_id = ? OR lower(r.source_name) LIKE ? "
            "OR lower(r.target_name) LIKE ?)"
        )
        pattern = f"%{flt.actor.lower()}%"
        params += [flt.actor, flt.actor, pattern, pattern]
    matching = "FROM event_records r JOIN documents d USING (doc_id) WHERE " + " AND ".join(where)
    if flt.limit is not None:
        # only the first ``limit`` events need their rows: an event comes first at its
        # earliest dated record, so this is the order of the query below
        matching += (
            " AND r.event_id IN (SELECT r.event_id "
            + matching
            + " GROUP BY r.event_id ORDER BY min(r.date_start) NULLS LAST, r.event_id LIMIT ?)"
        )
        params = [*params, *params, flt.limit]
    rows = store.query(
        "SELECT r.*, d.url, d.title, d.published "
        + matching
        + " ORDER BY r.date_start NULLS LAST, r.event_id, r.confidence DESC, r.record_id",
        params,
    )
    merged: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        merged[row["event_id"]].append(row)
    out = []
    for event_id, group in merged.items():
        first = group[0]
        starts = [r["date_start"] for r in group if r["date_start"]]
        precise = [r for r in group if r["date_precision"] == "day"]
        date_row = precise[0] if precise else first
        out.append(
            {
                "event_id": event_id,
                "doc_id": first["doc_id"],
                "sentence": first["sentence"],
                "type": first["type"],
                "mode": next((r["mode"] for r in group if r["mode"]), ""),
                "source": _participant(first, "source"),
                "target": _participant(first, "target"),
                "date": {
                    "start": date_row["date_start"] if starts else None,
                    "end": date_row["date_end"],
                    "precision": date_row["date_precision"],
                },
                "location": next((r["location"] for r in group if r["location"]), ""),
                "modality": first["modality"],
                "intensity": first["intensity"],
                "confidence": round(max(r["confidence"] for r in group), 2),
                "channel_name": next((r["channel_name"] for r in group if r["channel_name"]), ""),
                "rule": first["rule"],
                "sources": [
                    {
                        "doc_id": r["doc_id"],
                        "url": r["url"],
                        "title": r["title"],
                        "published": r["published"],
                        "sentence": r["sentence"],
                    }
                    for r in _one_per_doc(group)
                ],
            }
        )
    if flt.limit is not None:
        out = out[: flt.limit]
    return out


def _one_per_doc(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: set[str] = set()
    out = []
    for r in rows:
        if r["doc_id"] not in seen:
            seen.add(r["doc_id"])
            out.append(r)
    return out


def role_changes(store: Store, actor: str | None = None) -> list[dict[str, Any]]:
    """Appointments, removals, retirements, deaths and reactivations, oldest first."""
    sql = "SELECT * FROM role_changes"
    params: list[Any] = []
    if actor:
        sql += " WHERE actor_id = ? OR lower(actor_name) LIKE ?"
        params = [actor, f"%{actor.lower()}%"]
    rows = store.query(sql + " ORDER BY date_start NULLS LAST, change_id", params)
    merged: dict[tuple[str, str, str | None], dict[str, Any]] = {}
    for r in rows:
        key = (r["actor_id"], r["change"], r["date_start"])
        if key in merged:
            merged[key]["sources"].append({"doc_id": r["doc_id"], "sentence": r["sentence"]})
            continue
        merged[key] = {
            "change_id": r["change_id"],
            "actor": {
                "actor_id": r["actor_id"],
                "name": r["actor_name"],
                "country": r["actor_country"],
                "sector": r["actor_sector"],
            },
            "change": r["change"],
            "role": r["role"],
            "date": {
                "start": r["date_start"],
                "end": r["date_end"],
                "precision": r["date_precision"],
            },
            "modality": r["modality"],
            "doc_id": r["doc_id"],
            "sentence": r["sentence"],
            "sources": [{"doc_id": r["doc_id"], "sentence": r["sentence"]}],
        }
    return list(merged.values())


def actors(store: Store, *, include_unmentioned: bool = False) -> list[dict[str, Any]]:
    """Actors with their roles and how often the articles mention them."""
    rows = store.query(
        "SELECT a.*, coalesce(m.n, 0) AS mentions, coalesce(e.n, 0) AS events FROM actors a "
        "LEFT JOIN (SELECT actor_id, count(*) AS n FROM mentions GROUP BY actor_id) m "
        "USING (actor_id) "
        "LEFT JOIN (SELECT id, count(DISTINCT event_id) AS n FROM ("
        "  SELECT source_id AS id, event_id FROM event_records UNION ALL "
        "  SELECT target_id AS id, event_id FROM event_records) GROUP BY id) e "
        "ON e.id = a.actor_id "
        + ("" if include_unmentioned else "WHERE coalesce(m.n, 0) + coalesce(e.n, 0) > 0 ")
        + "ORDER BY mentions DESC, a.name"
    )
    roles: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in store.query("SELECT * FROM roles ORDER BY start_date NULLS FIRST"):
        roles[r["actor_id"]].append(
            {
                "title": r["title"],
                "org": r["org"],
                "country": r["country"],
                "sector": r["sector"],
                "start": r["start_date"],
                "end": r["end_date"],
            }
        )
    return [
        {
            "actor_id": r["actor_id"],
            "name": r["name"],
            "kind": r["kind"],
            "country": r["country"],
            "sector": r["sector"],
            "origin": r["origin"],
            "mentions": int(r["mentions"]),
            "events": int(r["events"]),
            "roles": roles.get(r["actor_id"], []),
        }
        for r in rows
    ]


def skipped(store: Store) -> list[dict[str, Any]]:
    return store.query("SELECT origin, reason, detail FROM skipped ORDER BY origin, reason")
