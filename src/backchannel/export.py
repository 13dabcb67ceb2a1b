"""The channel graph at a date, written for other tools.

    snapshot(store, as_of)  ──►  Snapshot(nodes, edges, roles, events)
                                  ├── write_graphml   yEd, igraph, networkx
                                  ├── write_gexf      Gephi 1.3, with spells (timeline)
                                  ├── write_csv       one row per channel
                                  ├── write_json      {"nodes": [...], "edges": [...]}
                                  ├── write_parquet   one row per channel (needs a path)
                                  └── write_ftm       FollowTheMoney entities, JSON lines

XML is written with ``xml.etree`` so ``<``, ``&`` and quotes are escaped; the
control characters XML 1.0 forbids are stripped from every string first. Ids
are stable: an actor's node id is its actor id, a channel's edge id and every
FtM entity id is a hash of its natural key, so two exports of the same store
give the same ids.
"""

from __future__ import annotations

import csv
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from backchannel.analysis.channels import channels, communication_records
from backchannel.errors import UsageError
from backchannel.model import stable_id
from backchannel.store import Store

FORMATS = ("graphml", "gexf", "csv", "json", "parquet", "ftm")
TEXT_FORMATS = ("graphml", "gexf", "csv", "json", "ftm")
GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
GEXF_NS = "http://gexf.net/1.3"
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

NODE_ATTRS = (("name", "string"), ("country", "string"), ("sector", "string"), ("kind", "string"))
EDGE_ATTRS = (
    ("status", "string"),
    ("reason", "string"),
    ("strength", "double"),
    ("contacts", "int"),
    ("first_contact", "string"),
    ("last_contact", "string"),
    ("channel_name", "string"),
    ("evidence", "string"),
)


def clean_text(value: object) -> str:
    """``value`` as a string that XML 1.0 can hold (control characters removed)."""
    return _INVALID_XML.sub("", "" if value is None else str(value))


@dataclass(frozen=True, slots=True)
class Snapshot:
    """Nodes and edges (channels of every status) on ``as_of``, with roles and events."""

    as_of: str
    nodes: tuple[dict[str, Any], ...]
    edges: tuple[dict[str, Any], ...]
    roles: tuple[dict[str, Any], ...]
    events: tuple[dict[str, Any], ...]


def snapshot(store: Store, as_of: str, *, sides: Sequence[str] = ()) -> Snapshot:
    """The channel graph on ``as_of``: one node per endpoint, one edge per channel."""
    found = channels(store, as_of, sides=sides)
    nodes: dict[str, dict[str, Any]] = {}
    edges = []
    for ch in found:
        for end in (ch.a, ch.b):
            node = nodes.setdefault(
                end.actor_id,
                {**end.to_dict(), "start": ch.first_contact, "end": ch.last_contact},
            )
            node["start"] = min(node["start"], ch.first_contact)
            node["end"] = max(node["end"], ch.last_contact)
        evidence = ch.evidence[-1] if ch.evidence else {}
        edges.append(
            {
                "id": stable_id(ch.a.actor_id, ch.b.actor_id, prefix="ch-"),
                "source": ch.a.actor_id,
                "target": ch.b.actor_id,
                "source_name": ch.a.name,
                "target_name": ch.b.name,
                "status": ch.status,
                "reason": ch.reason,
                "strength": round(ch.strength, 6),
                "contacts": ch.events,
                "first_contact": ch.first_contact,
                "last_contact": ch.last_contact,
                "channel_name": ch.name,
                "evidence": evidence.get("sentence", ""),
                "evidence_url": evidence.get("url", ""),
            }
        )
    ids = sorted(nodes)
    roles = store.query(
        "SELECT actor_id, title, org, country, sector, start_date, end_date, position, leader "
        "FROM roles WHERE actor_id IN (SELECT unnest(?)) ORDER BY actor_id, start_date, title",
        [ids],
    )
    events = [
        r
        for r in communication_records(store, as_of)
        if r["source_id"] in nodes and r["target_id"] in nodes
    ]
    return Snapshot(
        as_of=as_of,
        nodes=tuple(nodes[i] for i in ids),
        edges=tuple(edges),
        roles=tuple(roles),
        events=tuple(events),
    )


def export(
    store: Store,
    as_of: str,
    fmt: str,
    target: TextIO | Path,
    *,
    sides: Sequence[str] = (),
) -> Snapshot:
    """Write the graph on ``as_of`` in ``fmt`` to a text stream (or a path, for parquet)."""
    if fmt not in FORMATS:
        raise UsageError(f"unknown export format {fmt!r}: choose {', '.join(FORMATS)}")
    if fmt == "parquet" and not isinstance(target, Path):
        raise UsageError("parquet is binary: give a file with -o FILE.parquet")
    snap = snapshot(store, as_of, sides=sides)
    if isinstance(target, Path):
        if fmt == "parquet":
            write_parquet(snap, target)
        else:
            with target.open("w", encoding="utf-8", newline="") as stream:
                WRITERS[fmt](snap, stream)
    else:
        WRITERS[fmt](snap, target)
    return snap


# -- XML -------------------------------------------------------------------------


def _sub(parent: ET.Element, tag: str, **attrs: object) -> ET.Element:
    return ET.SubElement(parent, tag, {k: clean_text(v) for k, v in attrs.items()})


def _write_xml(root: ET.Element, stream: TextIO) -> None:
    ET.indent(root)
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    stream.write(ET.tostring(root, encoding="unicode"))
    stream.write("\n")


def write_graphml(snap: Snapshot, stream: TextIO) -> None:
    """GraphML: node attributes name, country, sector, kind; edge status, strength, dates."""
    root = ET.Element("graphml", {"xmlns": GRAPHML_NS})
    types = {"string": "string", "double": "double", "int": "int"}
    for name, kind in NODE_ATTRS:
        _sub(root, "key", id=f"n_{name}", **{"for": "node", "attr.name": name})
        root[-1].set("attr.type", types[kind])
    for name, kind in EDGE_ATTRS:
        _sub(root, "key", id=f"e_{name}", **{"for": "edge", "attr.name": name})
        root[-1].set("attr.type", types[kind])
    graph = _sub(root, "graph", id=f"channels-{snap.as_of}", edgedefault="undirected")
    for node in snap.nodes:
        el = _sub(graph, "node", id=node["actor_id"])
        for name, _ in NODE_ATTRS:
            _sub(el, "data", key=f"n_{name}").text = clean_text(node[name])
    for edge in snap.edges:
        el = _sub(graph, "edge", id=edge["id"], source=edge["source"], target=edge["target"])
        for name, _ in EDGE_ATTRS:
            _sub(el, "data", key=f"e_{name}").text = clean_text(edge[name])
    _write_xml(root, stream)


def write_gexf(snap: Snapshot, stream: TextIO) -> None:
    """GEXF 1.3, dynamic, ``timeformat="date"``: every node and edge has a spell."""
    root = ET.Element("gexf", {"xmlns": GEXF_NS, "version": "1.3"})
    meta = _sub(root, "meta", lastmodifieddate=snap.as_of)
    _sub(meta, "creator").text = "backchannel"
    _sub(meta, "description").text = f"US–China channels as of {snap.as_of}"
    graph = _sub(root, "graph", mode="dynamic", defaultedgetype="undirected", timeformat="date")
    node_attrs = _sub(graph, "attributes", **{"class": "node", "mode": "static"})
    for i, (name, _) in enumerate(NODE_ATTRS[1:]):
        _sub(node_attrs, "attribute", id=str(i), title=name, type="string")
    edge_attrs = _sub(graph, "attributes", **{"class": "edge", "mode": "static"})
    gexf_types = {"string": "string", "double": "double", "int": "integer"}
    for i, (name, kind) in enumerate(EDGE_ATTRS):
        _sub(edge_attrs, "attribute", id=str(i), title=name, type=gexf_types[kind])
    nodes = _sub(graph, "nodes")
    for node in snap.nodes:
        el = _sub(nodes, "node", id=node["actor_id"], label=node["name"])
        values = _sub(el, "attvalues")
        for i, (name, _) in enumerate(NODE_ATTRS[1:]):
            _sub(values, "attvalue", **{"for": str(i), "value": node[name]})
        spells = _sub(el, "spells")
        _sub(spells, "spell", start=node["start"], end=node["end"])
    edges = _sub(graph, "edges")
    for edge in snap.edges:
        el = _sub(
            edges,
            "edge",
            id=edge["id"],
            source=edge["source"],
            target=edge["target"],
            weight=edge["strength"],
        )
        values = _sub(el, "attvalues")
        for i, (name, _) in enumerate(EDGE_ATTRS):
            _sub(values, "attvalue", **{"for": str(i), "value": edge[name]})
        spells = _sub(el, "spells")
        # an active channel is still open on the export date
        end = snap.as_of if edge["status"] == "active" else edge["last_contact"]
        _sub(spells, "spell", start=edge["first_contact"], end=end)
    _write_xml(root, stream)


# -- tables ----------------------------------------------------------------------

EDGE_COLUMNS = (
    "id",
    "source",
    "target",
    "source_name",
    "target_name",
    "status",
    "reason",
    "strength",
    "contacts",
    "first_contact",
    "last_contact",
    "channel_name",
    "evidence",
    "evidence_url",
)


def write_csv(snap: Snapshot, stream: TextIO) -> None:
    """One row per channel, with both endpoints' ids and names."""
    writer = csv.DictWriter(stream, fieldnames=EDGE_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for edge in snap.edges:
        writer.writerow({k: edge[k] for k in EDGE_COLUMNS})


def write_json(snap: Snapshot, stream: TextIO) -> None:
    """Node-link JSON: ``{"as_of", "nodes", "edges"}``."""
    payload = {"as_of": snap.as_of, "nodes": list(snap.nodes), "edges": list(snap.edges)}
    stream.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")


def write_parquet(snap: Snapshot, path: Path) -> None:
    """One row per channel, as Parquet."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema(
        [
            (c, pa.float64() if c == "strength" else pa.int64() if c == "contacts" else pa.string())
            for c in EDGE_COLUMNS
        ]
    )
    table = pa.Table.from_pylist([{k: e[k] for k in EDGE_COLUMNS} for e in snap.edges], schema)
    pq.write_table(table, path)


# -- FollowTheMoney --------------------------------------------------------------


def _entity(schema: str, key: tuple[object, ...], **props: object) -> dict[str, Any]:
    clean = {
        k: [str(v) for v in (vs if isinstance(vs, list) else [vs]) if v not in (None, "")]
        for k, vs in props.items()
    }
    return {
        "id": stable_id(schema, *key, prefix="bc-"),
        "schema": schema,
        "properties": {k: v for k, v in clean.items() if v},
    }


def ftm_entities(snap: Snapshot) -> list[dict[str, Any]]:
    """Person/Organization per actor, Position + Occupancy per dated role,
    UnknownLink per channel and Event per contact, evidence in ``description``.

    Country codes stay ISO3 in ``summary``/``notes``: FtM's country type wants ISO2.
    """
    out: list[dict[str, Any]] = []
    ids: dict[str, str] = {}
    for node in snap.nodes:
        schema = "Person" if node["kind"] == "person" else "Organization"
        entity = _entity(
            schema,
            (node["actor_id"],),
            name=node["name"],
            summary=f"{node['country']} {node['sector']} {node['kind']}".strip(),
            keywords=[node["country"], node["sector"]],
        )
        ids[node["actor_id"]] = entity["id"]
        out.append(entity)
    for role in snap.roles:
        holder = ids.get(role["actor_id"])
        if holder is None:
            continue
        position = _entity(
            "Position",
            (role["position"] or role["title"], role["country"]),
            name=role["title"],
            description=role["org"],
            keywords=[role["country"], role["sector"]],
        )
        out.append(position)
        out.append(
            _entity(
                "Occupancy",
                (role["actor_id"], position["id"], role["start_date"]),
                holder=holder,
                post=position["id"],
                startDate=role["start_date"],
                endDate=role["end_date"],
                status="current" if role["end_date"] is None else "ended",
            )
        )
    for edge in snap.edges:
        out.append(
            _entity(
                "UnknownLink",
                (edge["source"], edge["target"]),
                subject=ids[edge["source"]],
                object=ids[edge["target"]],
                role=edge["channel_name"] or "channel",
                startDate=edge["first_contact"],
                endDate=edge["last_contact"],
                summary=f"{edge['status']}: {edge['reason']}",
                description=edge["evidence"],
                sourceUrl=edge["evidence_url"],
            )
        )
    for r in snap.events:
        label = f"{r['type']}/{r['mode']}" if r["mode"] else r["type"]
        out.append(
            _entity(
                "Event",
                (r["record_id"],),
                name=f"{label}: {r['source_name']} – {r['target_name']}",
                startDate=r["date_start"],
                endDate=r["date_end"],
                involved=[ids[r["source_id"]], ids[r["target_id"]]],
                location=r["location"],
                description=r["sentence"],
                sourceUrl=r["url"],
                recordId=r["record_id"],
            )
        )
    # one entity per id: a role held twice is one Position
    unique: dict[str, dict[str, Any]] = {}
    for e in out:
        unique.setdefault(e["id"], e)
    return list(unique.values())


def write_ftm(snap: Snapshot, stream: TextIO) -> None:
    """FollowTheMoney entities, one JSON object a line."""
    for entity in ftm_entities(snap):
        stream.write(json.dumps(entity, ensure_ascii=False, sort_keys=True) + "\n")


WRITERS = {
    "graphml": write_graphml,
    "gexf": write_gexf,
    "csv": write_csv,
    "json": write_json,
    "ftm": write_ftm,
}
