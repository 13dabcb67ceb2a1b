"""What the dashboard shows, as JSON-ready dicts: built from the analysis functions.

Nothing here knows about HTTP. Every function takes an open ``Store`` and
returns plain data; ``api.py`` turns it into responses. Article text passes
through untouched: it is data, and the page inserts it with ``textContent``.
"""

from __future__ import annotations

import csv
import io
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from backchannel import queries
from backchannel.analysis.asof import ChannelIndex
from backchannel.analysis.brokers import ArcIndex, bridging
from backchannel.analysis.capacity import Capacity
from backchannel.analysis.channels import (
    GOVERNMENT_SECTORS,
    Channel,
    ChannelInputs,
    Endpoint,
    channels,
)
from backchannel.errors import UsageError
from backchannel.store import Store

ACADEMIC_SECTORS = frozenset({"academic", "media", "ngo"})
CATEGORIES = ("government", "business", "academic", "retired", "collective", "other")
GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))
SPACING = 28.0  # pixels between neighbouring actors in the fixed layout
CSV_COLUMNS = (
    "a_id",
    "a_name",
    "a_side",
    "b_id",
    "b_name",
    "b_side",
    "status",
    "reason",
    "strength",
    "events",
    "first_contact",
    "last_contact",
    "name",
)


def meta(store: Store, sides: Sequence[str]) -> dict[str, Any]:
    """Date range of the events, counts, and the values the filters offer."""
    row = store.query(
        "SELECT min(date_start) AS first, max(coalesce(date_end, date_start)) AS last "
        "FROM event_records WHERE date_start IS NOT NULL"
    )[0]
    values = {
        column: [
            r["v"]
            for r in store.query(
                # a fixed column name of ours, never user input
                f"SELECT DISTINCT {column} AS v FROM event_records "
                f"WHERE {column} IS NOT NULL ORDER BY v"
            )
        ]
        for column in ("type", "modality")
    }
    return {
        "db": store.path,
        "sides": list(sides),
        "date_range": {"start": row["first"], "end": row["last"]},
        "counts": store.counts(),
        "categories": list(CATEGORIES),
        "types": values["type"],
        "modalities": values["modality"],
    }


def roles_by_actor(
    store: Store, ids: Sequence[str] | None = None
) -> dict[str, list[dict[str, Any]]]:
    """The roles of ``ids`` (every actor's when ``None``), earliest first, ties in a fixed order."""
    where = "" if ids is None else "WHERE actor_id IN (SELECT unnest(?)) "
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in store.query(
        "SELECT actor_id, title, org, country, sector, start_date, end_date FROM roles "
        f"{where}ORDER BY start_date NULLS FIRST, end_date NULLS LAST, sector, title, org",
        [] if ids is None else [list(ids)],
    ):
        out[r["actor_id"]].append(r)
    return out


def category(kind: str, sector: str, roles: Sequence[dict[str, Any]], as_of: str) -> str:
    """government, business, academic, retired, collective or other, on ``as_of``."""
    if kind in {"state", "group"}:
        return "collective"
    held = [
        r
        for r in roles
        if (r["start_date"] is None or r["start_date"] <= as_of)
        and (r["end_date"] is None or as_of <= r["end_date"])
    ]
    sectors = [r["sector"] for r in held]
    if any(s in GOVERNMENT_SECTORS for s in sectors):
        return "government"
    if (
        not held
        and kind == "person"
        and any(
            r["sector"] in GOVERNMENT_SECTORS and r["end_date"] and r["end_date"] < as_of
            for r in roles
        )
    ):
        return "retired"  # held office before, holds no role now
    sectors = sectors or [sector]
    if any(s in GOVERNMENT_SECTORS for s in sectors):
        return "government"
    first = sectors[0]
    if first == "retired":
        return "retired"
    if first == "business":
        return "business"
    if first in ACADEMIC_SECTORS:
        return "academic"
    return "other"


def side_of(country: str, sides: Sequence[str]) -> str:
    if not country:
        return "unknown"
    return country if (not sides or country in sides) else "third"


Broker = tuple[int, list[str]]  # brokered paths, and the side pairs bridged


def graph(
    store: Store,
    as_of: str,
    sides: Sequence[str],
    inputs: ChannelInputs | None = None,
    found: list[Channel] | None = None,
    place: dict[str, tuple[float, float]] | None = None,
    index: ChannelIndex | None = None,
    arc_index: ArcIndex | None = None,
) -> dict[str, Any]:
    """Nodes (actors with side, category, broker score) and edges (channels) on ``as_of``.

    ``inputs`` (``ChannelInputs.load`` on the same, unchanged store) saves the
    queries; ``found``, the channels on ``as_of`` computed from them,
    ``place``, ``positions(inputs, sides)``, ``index``, ``ChannelIndex.build``
    of them, and ``arc_index``, ``ArcIndex.build`` of their records, save
    computing those again.
    """
    if index is not None:
        inputs = index.inputs
    if inputs is None:
        inputs = ChannelInputs.load(store)
    records = inputs.records_until(as_of)
    if found is None:
        found = channels(store, as_of, sides=sides, inputs=inputs)
    kinds: dict[str, tuple[Sequence[str], Sequence[str]]] = {}
    if index is None:
        found_kinds: dict[str, tuple[set[str], set[str]]] = defaultdict(lambda: (set(), set()))
        for r in records:
            types, modes = found_kinds[edge_id(r["source_id"], r["target_id"])]
            types.add(r["type"])
            if r["mode"]:
                modes.add(r["mode"])
        for key, (types, modes) in found_kinds.items():
            kinds[key] = (sorted(types), sorted(modes))
    ranks = bridging(store, as_of, sides=sides, records=records, arc_index=arc_index)
    if place is None:
        place = positions(inputs, sides)
    nodes = [
        {
            "id": end.actor_id,
            "name": end.name,
            "country": end.country,
            "side": side_of(end.country, sides),
            "kind": end.kind,
            "sector": end.sector,
            "category": kind,
            "broker": broker is not None,
            "brokerage": broker[0] if broker else 0,
            "bridges": broker[1] if broker else [],
            "x": place.get(end.actor_id, (0.0, 0.0))[0],
            "y": place.get(end.actor_id, (0.0, 0.0))[1],
        }
        for end, kind, broker in node_facts(store, ((c.a, c.b) for c in found), ranks, as_of)
    ]
    return {
        "as_of": as_of,
        "sides": list(sides),
        "nodes": nodes,
        "edges": [
            _edge(
                ch,
                sides,
                kinds[_pair(ch)]
                if index is None
                else index.kinds(ch.a.actor_id, ch.b.actor_id, as_of),
            )
            for ch in found
        ],
    }


def node_facts(
    store: Store,
    found: Iterable[tuple[Endpoint, Endpoint]],
    ranks: dict[str, Broker],
    as_of: str,
    roles: dict[str, list[dict[str, Any]]] | None = None,
) -> list[tuple[Endpoint, str, Broker | None]]:
    """The map's actors on ``as_of`` by id: each channel end, its category, and its brokerage.

    ``found`` are the ends of the channels on ``as_of``, in their order (an
    actor is named as its first channel names it); ``ranks`` is ``bridging()``
    on ``as_of``; ``roles``, ``roles_by_actor(store)``, saves a query.
    """
    ends: dict[str, Endpoint] = {}
    for pair in found:
        for end in pair:
            ends.setdefault(end.actor_id, end)
    ids = sorted(ends)
    if roles is None:
        roles = roles_by_actor(store, ids)
    return [
        (
            ends[actor_id],
            category(ends[actor_id].kind, ends[actor_id].sector, roles.get(actor_id, []), as_of),
            ranks.get(actor_id),
        )
        for actor_id in ids
    ]


def positions(inputs: ChannelInputs, sides: Sequence[str]) -> dict[str, tuple[float, float]]:
    """A fixed place for every actor with contact on any date: one disc per side.

    Each side is a sunflower (Vogel) spiral with its busiest actors in the
    middle; the first side on the left, the second on the right, third
    countries below. The places depend on the store, not on the date, so the
    map holds still while the slider moves, and they cost O(records) where a
    force layout in the browser takes seconds at a few thousand actors.
    """
    degree: Counter[str] = Counter()
    side: dict[str, str] = {}
    for r in inputs.records:
        for prefix in ("source", "target"):
            actor_id = r[f"{prefix}_id"]
            degree[actor_id] += 1
            side[actor_id] = side_of(r[f"{prefix}_country"], sides)
    groups: dict[str, list[str]] = defaultdict(list)
    for actor_id in sorted(degree, key=lambda a: (-degree[a], a)):
        groups[side[actor_id]].append(actor_id)
    radius = {g: SPACING * math.sqrt(len(members)) for g, members in groups.items()}
    first, second = (*sides, "", "")[:2]
    gap = 3 * SPACING
    centres = {
        first: (-radius.get(first, 0.0) - gap, 0.0),
        second: (radius.get(second, 0.0) + gap, 0.0),
    }
    below = max(radius.get(first, 0.0), radius.get(second, 0.0)) + gap
    for g in sorted(groups):
        if g not in centres:
            centres[g] = (0.0, below + radius[g])
            below += 2 * radius[g] + gap
    out: dict[str, tuple[float, float]] = {}
    for g, members in groups.items():
        cx, cy = centres[g]
        for k, actor_id in enumerate(members):
            dist, theta = SPACING * math.sqrt(k + 0.5), k * GOLDEN_ANGLE
            out[actor_id] = (
                round(cx + dist * math.cos(theta), 1),
                round(cy + dist * math.sin(theta), 1),
            )
    return out


def edge_id(a: str, b: str) -> str:
    """The id of the channel between ``a`` and ``b``, whichever order they come in."""
    return f"{a}|{b}" if a <= b else f"{b}|{a}"


def _edge(
    ch: Channel, sides: Sequence[str], kinds: tuple[Sequence[str], Sequence[str]]
) -> dict[str, Any]:
    return {
        "id": edge_id(ch.a.actor_id, ch.b.actor_id),
        "source": ch.a.actor_id,
        "target": ch.b.actor_id,
        "a_name": ch.a.name,
        "b_name": ch.b.name,
        "a_side": side_of(ch.a.country, sides),
        "b_side": side_of(ch.b.country, sides),
        "status": ch.status,
        "reason": ch.reason,
        "strength": round(ch.strength, 3),
        "events": ch.events,
        "first_contact": ch.first_contact,
        "last_contact": ch.last_contact,
        "name": ch.name,
        "types": list(kinds[0]),
        "modes": list(kinds[1]),
    }


def graph_csv(data: dict[str, Any]) -> str:
    """The edges of ``graph()`` as CSV, one row per channel."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for e in data["edges"]:
        writer.writerow(
            {
                "a_id": e["source"],
                "a_name": e["a_name"],
                "a_side": e["a_side"],
                "b_id": e["target"],
                "b_name": e["b_name"],
                "b_side": e["b_side"],
                **{k: e[k] for k in CSV_COLUMNS[6:]},
            }
        )
    return buffer.getvalue()


def search_actors(store: Store, q: str | None, limit: int) -> list[dict[str, Any]]:
    """Actors seen in the articles whose name contains ``q`` (case-insensitive)."""
    found = queries.actors(store)
    if q:
        wanted = q.casefold()
        found = [a for a in found if wanted in (a["name"] or "").casefold()]
    return found[:limit]


def actor_detail(store: Store, actor_id: str, as_of: str | None) -> dict[str, Any] | None:
    """One actor: dated roles, role changes, and every event with its evidence."""
    rows = store.query(
        "SELECT actor_id, name, kind, country, sector, origin FROM actors WHERE actor_id = ?",
        [actor_id],
    )
    if not rows:
        return None
    actor = rows[0]
    roles = roles_by_actor(store, [actor_id]).get(actor_id, [])
    found = [
        e
        for e in queries.events(store, queries.EventFilter(actor=actor_id))
        if actor_id in (e["source"]["actor_id"], e["target"]["actor_id"])
    ]
    changes = [
        c for c in queries.role_changes(store, actor_id) if c["actor"]["actor_id"] == actor_id
    ]
    return {
        **actor,
        "category": category(actor["kind"], actor["sector"], roles, as_of) if as_of else None,
        "roles": [
            {
                "title": r["title"],
                "org": r["org"],
                "country": r["country"],
                "sector": r["sector"],
                "start": r["start_date"],
                "end": r["end_date"],
            }
            for r in roles
        ],
        "role_changes": changes,
        "events": found,
    }


def channel_detail(
    store: Store,
    a: str,
    b: str,
    as_of: str,
    sides: Sequence[str],
    found: list[Channel] | None = None,
) -> dict[str, Any] | None:
    """One channel on ``as_of``: status, reason, and its whole history of events.

    ``found`` are the channels on ``as_of`` when the caller has them already.
    """
    wanted = edge_id(a, b)
    if found is None:
        found = channels(store, as_of, sides=sides)
    ch = next((c for c in found if _pair(c) == wanted), None)
    if ch is None:
        return None
    history = [
        e
        for e in queries.events(store, queries.EventFilter(actor=a, until=as_of))
        if {e["source"]["actor_id"], e["target"]["actor_id"]} == {a, b}
    ]
    return {**ch.to_dict(), "id": wanted, "history": history}


def _pair(c: Channel) -> str:
    return edge_id(c.a.actor_id, c.b.actor_id)


def what_if(
    store: Store,
    as_of: str,
    sides: Sequence[str],
    remove: Sequence[str],
    inputs: ChannelInputs | None = None,
    index: ChannelIndex | None = None,
    found: list[Channel] | None = None,
    arc_index: ArcIndex | None = None,
    before: Callable[[], Capacity] | None = None,
    add: Sequence[tuple[str, str]] = (),
) -> dict[str, Any]:
    """Channels lost and capacity before/after without ``remove`` and with ``add`` channels.

    Actors are ids or names. ``index`` (``ChannelIndex.build`` of ``inputs`` for
    ``sides``) saves building it, ``found``, ``index.channels(as_of)``, computing
    the channels before, and ``arc_index`` (``ArcIndex.build`` of its records) the
    brokers' network before, and ``before()`` (the capacity between the leaders
    on ``as_of``) computing it.
    """
    from backchannel.analysis.whatif import (
        channel_changes,
        proposed_records,
        resolve_changes,
        whatif,
    )

    if index is None or index.sides != tuple(sides):
        inputs = inputs if inputs is not None else ChannelInputs.load(store)
        index = ChannelIndex.build(inputs, sides)
    try:
        result = whatif(
            store,
            as_of,
            sides=sides,
            remove=remove,
            add_channels=add,
            index=index,
            found=found,
            arc_index=arc_index,
            before=before() if before is not None else None,
        ).to_dict()
    except UsageError as exc:
        # capacity needs a leader on each side; without one, still show what changes
        removed, added = resolve_changes(store, remove, add)
        gone = sorted({r["actor_id"] for r in removed})
        listed = found if found is not None else index.channels(as_of)
        extra = proposed_records(store, added, as_of)
        _, cut, new, changed = channel_changes(index, listed, as_of, gone, extra)
        return {
            "as_of": as_of,
            "removed": list(removed),
            "channels_cut": [{**c.to_dict(), "id": _pair(c)} for c in cut],
            "channels_new": [{**c.to_dict(), "id": _pair(c)} for c in new],
            "status_changed": [{"before": b.to_dict(), "after": a.to_dict()} for b, a in changed],
            "capacity": {"available": False, "reason": str(exc)},
            "brokers_changed": [],
        }
    result["capacity"]["available"] = True
    for key in ("channels_cut", "channels_new"):
        for c in result[key]:
            c["id"] = edge_id(c["a"]["actor_id"], c["b"]["actor_id"])
    return result
