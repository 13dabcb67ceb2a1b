"""Capacity: how many independent routes a message has between two actors at a date.

The stages, in order (``capacity`` runs them):

1. ``route_graph``   an undirected graph of the **active** channels on ``as_of``
   (``channels()``), plus each side's chain of command: every actor present
   who holds a government, military or party role of that side on ``as_of``
   (KB roles) is joined to that side's leader;
2. ``max_flow``      Edmonds–Karp on the node-split graph (every node but the two
   ends becomes ``in → out`` with capacity 1), so the flow value is the number
   of *node-disjoint* routes (Menger's theorem);
3. ``_decompose``    the flow, read back as the routes themselves.

Only people and organisations carry messages by default: a state ("China") or
a group ("Chinese officials") is not someone a message can be handed to, so
``include_collectives=True`` is needed to route through them. The two ends may
be of any kind.

Names given by users are resolved with ``resolve_actor``: an actor id, or a
case-insensitive name or alias; an unknown name is a ``UsageError`` that lists
close matches.
"""

from __future__ import annotations

import difflib
import itertools
import json
from collections import deque
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from backchannel.analysis.channels import GOVERNMENT_SECTORS, Channel, channels
from backchannel.errors import UsageError
from backchannel.store import Store

COLLECTIVE_KINDS = frozenset({"state", "group"})
CHAIN = "chain of command"


@dataclass(frozen=True, slots=True)
class Hop:
    """One step of a route: from ``a`` to ``b`` over a channel or the chain of command."""

    a: str
    b: str
    via: str  # "channel" | "chain of command"
    detail: str = ""  # the channel's last contact, or the official's title

    def to_dict(self) -> dict[str, str]:
        return {"a": self.a, "b": self.b, "via": self.via, "detail": self.detail}


@dataclass(frozen=True, slots=True)
class Route:
    """One path, as actor ids and names from source to target."""

    ids: tuple[str, ...]
    names: tuple[str, ...]
    hops: tuple[Hop, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "ids": list(self.ids),
            "names": list(self.names),
            "text": " → ".join(self.names),
            "hops": [h.to_dict() for h in self.hops],
        }


@dataclass(frozen=True, slots=True)
class Capacity:
    """The number of node-disjoint routes between ``source`` and ``target``, and the routes."""

    as_of: str
    source: dict[str, str]
    target: dict[str, str]
    count: int
    routes: tuple[Route, ...]
    nodes: int
    edges: int
    notes: tuple[str, ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        return {
            "as_of": self.as_of,
            "source": dict(self.source),
            "target": dict(self.target),
            "capacity": self.count,
            "routes": [r.to_dict() for r in self.routes],
            "graph": {"nodes": self.nodes, "edges": self.edges},
            "notes": list(self.notes),
        }

    def rows(self) -> list[dict[str, Any]]:
        """One flat row per route, for tables and CSV."""
        return [
            {
                "route": i,
                "source": self.source["name"],
                "target": self.target["name"],
                "capacity": self.count,
                "hops": len(r.hops),
                "path": " → ".join(r.names),
                "via": "; ".join(f"{h.a}–{h.b}: {h.via}" for h in r.hops),
            }
            for i, r in enumerate(self.routes, 1)
        ]


@dataclass(slots=True)
class RouteGraph:
    """An undirected graph: node id → name, and edge (a, b) sorted → (via, detail)."""

    names: dict[str, str] = field(default_factory=dict)
    kinds: dict[str, str] = field(default_factory=dict)
    edges: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)

    def add_edge(self, a: str, b: str, via: str, detail: str) -> None:
        if a == b:
            return
        key = (a, b) if a < b else (b, a)
        # a real channel explains a hop better than the chain of command
        if key not in self.edges or self.edges[key][0] == CHAIN:
            self.edges[key] = (via, detail)

    def adjacency(self) -> dict[str, list[str]]:
        adj: dict[str, list[str]] = {n: [] for n in self.names}
        for a, b in self.edges:
            adj[a].append(b)
            adj[b].append(a)
        key = {n: (self.names.get(n, n), n) for n in adj}
        for others in adj.values():
            others.sort(key=key.__getitem__)
        return adj


# -- actors and leaders ----------------------------------------------------------


def _actor_rows(store: Store) -> list[dict[str, Any]]:
    return store.query("SELECT actor_id, name, kind, country, sector, aliases FROM actors")


def resolve_actor(store: Store, name: str) -> dict[str, str]:
    """The actor a user means by ``name``: id, or case-insensitive name or alias."""
    by_id = store.query(
        "SELECT actor_id, name, kind, country, sector, aliases FROM actors WHERE actor_id = ?",
        [name.strip()],
    )
    if by_id:
        return _actor(by_id[0])
    rows = _actor_rows(store)
    wanted = name.strip().casefold()
    hits = [r for r in rows if (r["name"] or "").casefold() == wanted]
    if not hits:
        hits = [r for r in rows if wanted in {a.casefold() for a in _aliases(r)}]
    if len(hits) > 1:  # prefer the one the articles talk about
        seen = _seen_ids(store)
        active = [r for r in hits if r["actor_id"] in seen]
        hits = active or hits
    if len(hits) == 1:
        return _actor(hits[0])
    if hits:
        ids = ", ".join(sorted(r["actor_id"] for r in hits))
        raise UsageError(f"'{name}' matches several actors ({ids}): give the actor id")
    labels = {(r["name"] or ""): r["actor_id"] for r in rows}
    for r in rows:
        for alias in _aliases(r):
            labels.setdefault(alias, r["actor_id"])
    close = difflib.get_close_matches(name.strip(), list(labels), n=5, cutoff=0.6)
    if not close:
        folded = {k.casefold(): k for k in labels}
        close = [folded[k] for k in difflib.get_close_matches(wanted, list(folded), n=5)]
    by_actor: dict[str, str] = {}
    for c in close:
        by_actor.setdefault(labels[c], c)
    hint = (
        "did you mean " + ", ".join(f"'{c}' ({i})" for i, c in by_actor.items()) + "?"
        if close
        else "list actors with `backchannel actors --all`"
    )
    raise UsageError(f"no actor named '{name}': {hint}")


def _aliases(row: Mapping[str, Any]) -> list[str]:
    try:
        value = json.loads(row["aliases"] or "[]")
    except ValueError:
        return []
    return [str(v) for v in value] if isinstance(value, list) else []


def _actor(row: Mapping[str, Any]) -> dict[str, str]:
    return {
        "actor_id": row["actor_id"],
        "name": row["name"] or row["actor_id"],
        "kind": row["kind"] or "",
        "country": row["country"] or "",
    }


def _seen_ids(store: Store) -> set[str]:
    rows = store.query(
        "SELECT source_id AS id FROM event_records UNION SELECT target_id FROM event_records"
    )
    return {r["id"] for r in rows}


def roles_on(store: Store, day: str) -> list[dict[str, Any]]:
    """Every role held on ``day``, with the holder's name and kind."""
    return store.query(
        "SELECT r.*, a.name, a.kind FROM roles r JOIN actors a USING (actor_id) "
        "WHERE (r.start_date IS NULL OR r.start_date <= ?) "
        "AND (r.end_date IS NULL OR ? <= r.end_date) ORDER BY r.actor_id, r.start_date",
        [day, day],
    )


def leaders_on(
    store: Store, day: str, sides: Sequence[str], roles: Sequence[Mapping[str, Any]] | None = None
) -> dict[str, dict[str, str]]:
    """Each side's leader on ``day`` (head of state or government, from KB roles).

    ``roles`` are ``roles_on(store, day)`` when the caller has them already.
    """
    held = roles_on(store, day) if roles is None else roles
    out: dict[str, dict[str, str]] = {}
    candidates = [r for r in held if r["leader"] and r["country"] in sides]
    # a government office (president) over a party one; the longest-serving first
    candidates.sort(key=lambda r: (r["sector"] != "government", r["start_date"] or ""))
    for r in candidates:
        out.setdefault(r["country"], _actor(r))
    return out


# -- the graph -------------------------------------------------------------------


def route_graph(
    store: Store,
    as_of: str,
    *,
    sides: Sequence[str],
    found: Sequence[Channel] | None = None,
    include_collectives: bool = False,
    keep: Sequence[str] = (),
    without: Sequence[str] = (),
    roles: Sequence[Mapping[str, Any]] | None = None,
) -> RouteGraph:
    """Active channels plus chain-of-command edges, as an undirected graph.

    ``found`` reuses channels already computed for ``as_of``; ``keep`` names
    nodes kept even when they are collectives (the two ends of a query);
    ``without`` names actors taken out of the graph altogether; ``roles`` are
    ``roles_on(store, as_of)`` when the caller has them already.
    """
    roles = roles_on(store, as_of) if roles is None else roles
    found = channels(store, as_of, sides=sides) if found is None else found
    graph = RouteGraph()
    kept, gone = set(keep), set(without)
    names, kinds = graph.names, graph.kinds
    for ch in found:
        if ch.status != "active":
            continue
        a, b = ch.a, ch.b
        if gone and (a.actor_id in gone or b.actor_id in gone):
            continue
        if not include_collectives and (
            (a.kind in COLLECTIVE_KINDS and a.actor_id not in kept)
            or (b.kind in COLLECTIVE_KINDS and b.actor_id not in kept)
        ):
            continue
        names[a.actor_id], kinds[a.actor_id] = a.name, a.kind
        names[b.actor_id], kinds[b.actor_id] = b.name, b.kind
        label = f"{ch.name}, " if ch.name else ""
        graph.add_edge(ch.a.actor_id, ch.b.actor_id, "channel", f"{label}last {ch.last_contact}")
    leaders = leaders_on(store, as_of, sides, roles)
    officials: dict[str, tuple[str, str]] = {}  # actor → (side, title)
    for r in roles:
        if r["sector"] in GOVERNMENT_SECTORS and r["country"] in leaders:
            officials.setdefault(r["actor_id"], (r["country"], r["title"] or ""))
    for side, leader in leaders.items():
        if leader["actor_id"] in without:
            continue
        present = [n for n in graph.names if officials.get(n, ("", ""))[0] == side]
        if not present:
            continue
        graph.names.setdefault(leader["actor_id"], leader["name"])
        graph.kinds.setdefault(leader["actor_id"], leader["kind"])
        for n in present:
            graph.add_edge(n, leader["actor_id"], CHAIN, officials[n][1])
    return graph


# -- max flow --------------------------------------------------------------------


def max_flow(
    adj: Mapping[str, Sequence[str]], source: str, target: str
) -> tuple[int, list[list[str]]]:
    """Node-disjoint paths from ``source`` to ``target`` (Edmonds–Karp, node splitting).

    Returns the number of paths and the paths (node lists, shortest found first).
    Node ``k`` (in ``adj``'s order) becomes ``2k → 2k + 1`` with capacity 1; each
    arc is stored with its reverse at the next index, and each node's arcs are
    kept in the order they were added, which fixes the routes found.
    """
    if source == target:
        raise UsageError("--from and --to name the same actor: give two different actors")
    if source not in adj or target not in adj:
        return 0, []
    order = {node: k for k, node in enumerate(adj)}
    big = len(adj) + 1
    # arc 2k: node k's in → out, 2k + 1 its reverse; then the out → in arcs between nodes
    head = [j ^ 1 for j in range(2 * len(adj))]  # arc → the split node it leads to
    room = [1, 0] * len(adj)  # arc → residual capacity
    out = [[j] for j in range(2 * len(adj))]  # split node → its arcs, in the order added
    room[2 * order[source]] = room[2 * order[target]] = big
    for node, others in adj.items():
        u = 2 * order[node] + 1
        arcs_u = out[u]
        for other in others:
            k = order.get(other)
            if k is None or other == node:  # an end outside the graph leads nowhere
                continue
            e = len(head)
            arcs_u.append(e)
            out[2 * k].append(e + 1)
            head += (2 * k, u)
            room += (1, 0)
    s, t = 2 * order[source] + 1, 2 * order[target]
    total = 0
    while True:
        via: dict[int, int] = {s: -1}  # split node → the arc that reached it
        queue = deque([s])
        while queue and t not in via:
            here = queue.popleft()
            for a in out[here]:
                there = head[a]
                if there not in via and room[a] > 0:
                    via[there] = a
                    queue.append(there)
        if t not in via:
            break
        there = t
        while (a := via[there]) >= 0:
            room[a] -= 1
            room[a ^ 1] += 1
            there = head[a ^ 1]
        total += 1
    # net flow between actors: a unit each way along one edge is no flow at all
    nodes = list(adj)
    flowed: dict[tuple[str, str], int] = {}
    for a in range(2 * len(adj), len(head), 2):  # the o → i arcs, after the n i → o ones
        if room[a] < 1:
            flowed[(nodes[head[a ^ 1] // 2], nodes[head[a] // 2])] = 1 - room[a]
    return total, _decompose(adj, flowed, source, target)


def _decompose(
    adj: Mapping[str, Sequence[str]],
    flowed: Mapping[tuple[str, str], int],
    source: str,
    target: str,
) -> list[list[str]]:
    used: dict[str, list[str]] = {}
    for (u, v), f in flowed.items():
        if f - flowed.get((v, u), 0) > 0:
            used.setdefault(u, []).append(v)
    for u, vs in used.items():
        place = {v: i for i, v in enumerate(adj[u])}
        vs.sort(key=place.__getitem__)
    paths: list[list[str]] = []
    for first in list(used.get(source, [])):
        path, node, seen = [source], first, {source}
        while node != target and node not in seen:
            path.append(node)
            seen.add(node)
            nxt = used.get(node, [])
            if not nxt:
                break
            node = nxt.pop(0)
        if node == target:
            paths.append([*path, target])
    paths.sort(key=lambda p: (len(p), p))
    return paths


# -- the whole question ----------------------------------------------------------


def capacity(
    store: Store,
    as_of: str,
    *,
    sides: Sequence[str],
    source: str | None = None,
    target: str | None = None,
    include_collectives: bool = False,
    found: Sequence[Channel] | None = None,
    without: Sequence[str] = (),
    roles: Sequence[Mapping[str, Any]] | None = None,
) -> Capacity:
    """Independent routes between two actors (default: the two sides' leaders) on ``as_of``.

    ``source``/``target`` are names, aliases or ids (see ``resolve_actor``).
    With no leader known for a side on that date the end must be named.
    ``without`` takes actors out of the graph (what-if); ``roles`` are
    ``roles_on(store, as_of)`` when the caller has them already.
    """
    if len(sides) != 2:
        raise UsageError("capacity needs two sides, e.g. --sides USA,CHN")
    roles = roles_on(store, as_of) if roles is None else roles
    leaders = leaders_on(store, as_of, sides, roles)
    ends: list[dict[str, str]] = []
    for given, side in ((source, sides[0]), (target, sides[1])):
        if given is not None:
            ends.append(resolve_actor(store, given))
        elif side in leaders:
            ends.append(leaders[side])
        else:
            raise UsageError(
                f"no leader of {side} is known on {as_of}: name the actor with --from/--to"
            )
    src, dst = ends
    graph = route_graph(
        store,
        as_of,
        sides=sides,
        found=found,
        include_collectives=include_collectives,
        keep=(src["actor_id"], dst["actor_id"]),
        without=without,
        roles=roles,
    )
    notes = []
    for end in (src, dst):
        if end["actor_id"] not in graph.names:
            notes.append(f"{end['name']} has no active channel on {as_of}")
    count, paths = max_flow(graph.adjacency(), src["actor_id"], dst["actor_id"])
    routes = tuple(_route(graph, p) for p in paths)
    return Capacity(
        as_of=as_of,
        source=src,
        target=dst,
        count=count,
        routes=routes,
        nodes=len(graph.names),
        edges=len(graph.edges),
        notes=tuple(notes),
    )


def _route(graph: RouteGraph, path: Sequence[str]) -> Route:
    hops = []
    for a, b in itertools.pairwise(path):
        via, detail = graph.edges[(a, b) if a < b else (b, a)]
        hops.append(Hop(graph.names[a], graph.names[b], via, detail))
    return Route(tuple(path), tuple(graph.names[n] for n in path), tuple(hops))
