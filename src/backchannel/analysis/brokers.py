"""Brokers in the communication network at a date: Gould–Fernandez roles plus what they bridge.

The directed graph has an arc source → target for every asserted
communication event up to ``as_of`` (meetings, calls and agreements are
two-way, so they give both arcs). Groups are the actors' sides at the time of
contact (``by="side"``) or side and sector (``by="side-sector"``: government,
business, academic, retired …), so a business intermediary and a minister of
the same country fall in different groups.
"""

from __future__ import annotations

import bisect
import threading
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from backchannel.analysis.brokerage import (
    ROLES,
    _index,
    brokerage_bridges,
    open_paths,
    score,
)
from backchannel.analysis.channels import communication_records, pausing
from backchannel.analysis.pathlog import Counts, PathLog
from backchannel.errors import UsageError
from backchannel.nlp.lexicon import lexicon
from backchannel.store import Store

GROUPINGS = ("side", "side-sector")
STATES = 16  # networks on dates kept per ArcIndex
EVERY = 1000  # records indexed between two pauses of a paused build


def _group(country: str, sector: str, by: str, sides: set[str]) -> str:
    side = country if (not sides or country in sides) else ("third" if country else "unknown")
    if by == "side":
        return side
    return f"{side}:{sector or 'unknown'}"


def network(
    store: Store,
    as_of: str,
    *,
    sides: Sequence[str] = (),
    by: str = "side",
    records: list[dict[str, Any]] | None = None,
) -> tuple[list[tuple[str, str]], dict[str, str], dict[str, str], list[dict[str, Any]]]:
    """Arcs, node → group, node → name, and the records behind them.

    ``records`` are ``communication_records(store, as_of)`` when the caller has them already.
    """
    if by not in GROUPINGS:
        raise UsageError(f"unknown grouping '{by}': choose {' or '.join(GROUPINGS)}")
    side_set = set(sides)
    symmetric = {t.type for t in lexicon().verbs.values() if t.symmetric}
    if records is None:
        records = communication_records(store, as_of)
    arcs: list[tuple[str, str]] = []
    groups: dict[str, str] = {}
    names: dict[str, str] = {}
    for r in records:
        s, t = r["source_id"], r["target_id"]
        if s == t:
            continue
        groups[s] = _group(r["source_country"], r["source_sector"], by, side_set)
        groups[t] = _group(r["target_country"], r["target_sector"], by, side_set)
        names[s], names[t] = r["source_name"], r["target_name"]
        arcs.append((s, t))
        if r["type"] in symmetric:
            arcs.append((t, s))
    return sorted(set(arcs)), groups, names, records


@dataclass(frozen=True, slots=True)
class NetworkState:
    """The network on one date: nodes in order, names, arcs, and open two-paths by group pair."""

    nodes: list[str]
    names: dict[str, str]
    groups: dict[str, str]
    group_of: list[int]  # each node's group, numbered in order of first appearance
    n_arcs: int
    paths: list[dict[tuple[int, int], int]]  # open two-paths through each node, by group pair
    totals: list[int]  # open two-paths through each node
    bridges: list[set[tuple[str, str]]]  # the pairs of different groups each node bridges

    @classmethod
    def count(
        cls,
        arcs: list[tuple[str, str]],
        groups: dict[str, str],
        names: dict[str, str],
        counted: tuple[int, Sequence[Counts]] | None = None,
    ) -> NetworkState:
        """The state of the network ``arcs`` on ``groups``' nodes (in their order).

        ``counted`` is the number of distinct arcs and each node's open
        two-paths by group names (``PathLog``), when the caller has them:
        ``arcs`` are not read then.
        """
        nodes = list(groups)
        ids: dict[str, int] = {}
        group_of = [ids.setdefault(groups[node], len(ids)) for node in nodes]
        group_names = list(ids)
        if counted is None:
            out_adj, n_arcs = _index(arcs, nodes)
            paths = open_paths(out_adj, group_of)
        else:
            n_arcs = counted[0]
            paths = [{(ids[g], ids[h]): k for (g, h), k in by.items()} for by in counted[1]]
        return cls(
            nodes=nodes,
            names=names,
            groups=groups,
            group_of=group_of,
            n_arcs=n_arcs,
            paths=paths,
            totals=[sum(by_groups.values()) for by_groups in paths],
            bridges=[
                {
                    (group_names[g], group_names[h])
                    for (g, h), k in by_groups.items()
                    if g != h and k
                }
                for by_groups in paths
            ],
        )


@dataclass(frozen=True, slots=True)
class ArcIndex:
    """``network()`` and the brokers' evidence for any date, from one pass over the records.

    Built on every record in store order (``ChannelInputs.records``); the
    network on a date is the one its first ``n`` records give. Each arc is
    kept with the record that first gives it, each node with the records it
    appears in (for its group and name, which the latest one sets) and the
    first three evidence entries ``brokers()`` would list.
    """

    starts: list[str]  # the records' start dates, for bisecting by date
    ids: list[str]  # the records' ids: records of one date are in id order
    symmetric: frozenset[str]  # event types that give arcs both ways
    arcs: list[tuple[str, str]]  # every distinct arc, sorted
    arc_from: list[int]  # the record that first gives each
    arc_order: list[int]  # ``arc_from`` in ascending order: the arcs the first n records give
    nodes: list[str]  # in the order they first appear
    node_from: list[int]  # the record where each first appears
    seen: dict[str, tuple[list[int], list[str], list[str]]]  # node → records, groups, names
    evidence: dict[str, list[tuple[int, dict[str, Any]]]]  # node → (record, entry), first three
    partners: dict[str, list[tuple[str, int]]]  # node → (other end, 0 if source else 1) per record
    log: PathLog  # the open two-paths through each node after every record that changed them
    states: dict[int, NetworkState] = field(default_factory=dict)  # the latest few, by records
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    @classmethod
    def build(
        cls,
        records: Sequence[dict[str, Any]],
        *,
        sides: Sequence[str] = (),
        by: str = "side",
        pause: Callable[[], None] | None = None,
    ) -> ArcIndex:
        """The index of ``records``; ``pause`` is called every ``EVERY`` records."""
        if by not in GROUPINGS:
            raise UsageError(f"unknown grouping '{by}': choose {' or '.join(GROUPINGS)}")
        side_set = set(sides)
        symmetric = {t.type for t in lexicon().verbs.values() if t.symmetric}
        arc_from: dict[tuple[str, str], int] = {}
        seen: dict[str, tuple[list[int], list[str], list[str]]] = {}
        evidence: dict[str, list[tuple[int, dict[str, Any]]]] = {}
        partners: dict[str, list[tuple[str, int]]] = {}
        log = PathLog()
        for n, r in enumerate(pausing(records, pause, EVERY)):
            s, t = r["source_id"], r["target_id"]
            for node in (s, t):
                entries = evidence.setdefault(node, [])
                if len(entries) < 3:
                    entries.append(
                        (
                            n,
                            {
                                "date": r["date_start"],
                                "sentence": r["sentence"],
                                "doc_id": r["doc_id"],
                            },
                        )
                    )
            if s == t:
                continue
            ends = []
            for prefix, node in (("source", s), ("target", t)):
                at, grouped, named = seen.setdefault(node, ([], [], []))
                at.append(n)
                grouped.append(_group(r[f"{prefix}_country"], r[f"{prefix}_sector"], by, side_set))
                named.append(r[f"{prefix}_name"])
                ends.append((node, grouped[-1]))
            partners.setdefault(s, []).append((t, 0))
            partners.setdefault(t, []).append((s, 1))
            both = ((s, t), (t, s)) if r["type"] in symmetric else ((s, t),)
            log.record(n, ends, [arc for arc in both if arc_from.setdefault(arc, n) == n])
        arcs = sorted(arc_from)
        return cls(
            starts=[r["date_start"] for r in records],
            ids=[r["record_id"] for r in records],
            symmetric=frozenset(symmetric),
            arcs=arcs,
            arc_from=[arc_from[a] for a in arcs],
            arc_order=sorted(arc_from.values()),
            nodes=list(seen),
            node_from=[at[0] for at, _, _ in seen.values()],
            seen=seen,
            evidence=evidence,
            partners=partners,
            log=log,
        )

    def network(
        self, as_of: str
    ) -> tuple[list[tuple[str, str]], dict[str, str], dict[str, str], int]:
        """``network()``'s arcs, groups and names on ``as_of``, and how many records give them."""
        n = bisect.bisect_right(self.starts, as_of)
        arcs = [a for a, first in zip(self.arcs, self.arc_from, strict=True) if first < n]
        _, groups, names = self._nodes(n)
        return arcs, groups, names, n

    def _nodes(self, n: int) -> tuple[list[str], dict[str, str], dict[str, str]]:
        """The nodes of the first ``n`` records, in order, with their groups and names."""
        nodes = self.nodes[: bisect.bisect_left(self.node_from, n)]
        groups: dict[str, str] = {}
        names: dict[str, str] = {}
        for node in nodes:
            at, grouped, named = self.seen[node]
            k = bisect.bisect_left(at, n) - 1
            groups[node], names[node] = grouped[k], named[k]
        return nodes, groups, names

    def state(self, as_of: str) -> NetworkState:
        """The network on ``as_of`` with its open two-paths counted, kept for the next caller."""
        n = bisect.bisect_right(self.starts, as_of)
        with self.lock:
            found = self.states.get(n)
        if found is None:  # two threads may both count it: the same answer either way
            _, groups, names = self._nodes(n)
            # node k of the network on a date is node k of the log: its counts are kept
            arcs = bisect.bisect_left(self.arc_order, n)
            found = NetworkState.count([], groups, names, (arcs, self.log.counts(n, len(groups))))
            with self.lock:
                self.states[n] = found
                while len(self.states) > STATES:
                    del self.states[next(iter(self.states))]
        return found

    def bridging(self, as_of: str) -> dict[str, tuple[int, list[str]]]:
        """``bridging()`` on ``as_of``: read from the log, without building the network."""
        n = bisect.bisect_right(self.starts, as_of)
        nodes = self.nodes[: bisect.bisect_left(self.node_from, n)]
        out = {}
        for node, by_groups in zip(nodes, self.log.counts(n, len(nodes)), strict=True):
            bridges = {(g, h) for g, h in by_groups if g != h}  # zeros are left out
            if bridges:
                out[node] = (sum(by_groups.values()), bridge_labels(bridges))
        return out

    def rankings(
        self, as_of: str, without: Collection[str], added: Sequence[dict[str, Any]] = ()
    ) -> tuple[list[tuple[str, str, int]], list[tuple[str, str, int]]]:
        """``ranking()`` on ``as_of``, and on the records without those of ``without``.

        ``added`` are records dated ``as_of`` (a what-if's proposed channels,
        none with an actor of ``without``) that the records after have as well.
        Taking actors out changes the brokered paths only of their neighbours,
        and adding an arc i → j only those of i, j and the nodes between them,
        which are counted again; so does their place in the order and their
        name, which come from their first and last records after the change.
        """
        n = bisect.bisect_right(self.starts, as_of)
        nodes, _, names = self._nodes(n)
        totals = [sum(by_groups.values()) for by_groups in self.log.counts(n, len(nodes))]
        before = [(node, names[node], total) for node, total in zip(nodes, totals, strict=True)]
        before.sort(key=lambda r: (-r[2], r[1]))
        gone = set(without)
        position = {node: k for k, node in enumerate(nodes)}
        removed = {position[g] for g in gone if g in position}
        graph = _Overlay(self.log.outs_at(n), self.log.ins_at(n))
        changed: set[int] = set()
        for k in removed:
            changed |= graph.outs(k) | graph.ins(k)
        # node → (place in the records after, which end, name) of each added record
        appears: dict[int, list[tuple[tuple[int, int, str], int, str]]] = {}
        lo = bisect.bisect_left(self.starts, as_of)
        for r in added:
            s, t = r["source_id"], r["target_id"]
            place = (bisect.bisect_left(self.ids, r["record_id"], lo, n), 0, r["record_id"])
            ends = []
            for end, (node, name) in enumerate(((s, r["source_name"]), (t, r["target_name"]))):
                k = position.setdefault(node, len(position))
                appears.setdefault(k, []).append((place, end, name))
                ends.append(k)
            i, j = ends
            graph.add(i, j)
            if r["type"] in self.symmetric:
                graph.add(j, i)
        for i, j in graph.added:
            changed |= {i, j} | (graph.outs(i) & graph.ins(j))
        totals += [0] * (len(position) - len(nodes))
        for b in changed - removed:
            ins, outs = graph.ins(b) - removed, graph.outs(b) - removed
            # i → b → j for j ≠ i with no i → j (i has no arc to itself)
            totals[b] = sum(len(outs) - len(outs & graph.outs(i)) - (i in outs) for i in ins)
        # (first record, which end), id, name, total
        kept: list[tuple[tuple[tuple[int, int, str], int], str, str, int]] = []
        for node, k in position.items():
            if k in removed:
                continue
            if k not in changed and k not in appears:
                first = ((self.seen[node][0][0], 1, ""), self.partners[node][0][1])
                kept.append((first, node, names[node], totals[k]))
                continue
            seen = [*self._left(node, n, gone), *appears.get(k, ())]
            if seen:
                first = min((place, end) for place, end, _ in seen)
                kept.append((first, node, max(seen)[2], totals[k]))
        kept.sort(key=lambda r: r[0])
        after = [(node, name, total) for _, node, name, total in kept]
        after.sort(key=lambda r: (-r[2], r[1]))
        return before, after

    def _left(
        self, node: str, n: int, gone: Collection[str]
    ) -> list[tuple[tuple[int, int, str], int, str]]:
        """(place, which end, name) of ``node``'s first ``n`` records with no actor of ``gone``."""
        if node not in self.seen:
            return []
        at, _, named = self.seen[node]
        return [
            ((idx, 1, ""), end, named[m])
            for m, (idx, (other, end)) in enumerate(zip(at, self.partners[node], strict=True))
            if idx < n and other not in gone
        ]

    def evidence_on(self, n: int) -> dict[str, list[dict[str, Any]]]:
        """The evidence ``brokers()`` lists per node, from the first ``n`` records."""
        out: dict[str, list[dict[str, Any]]] = {}
        for node, entries in self.evidence.items():
            found = [entry for at, entry in entries if at < n]
            if found:
                out[node] = found
        return out


class _Overlay:
    """A network's adjacency with a few arcs added, copying only the nodes they touch."""

    def __init__(self, out_adj: Sequence[set[int]], in_adj: Sequence[set[int]]) -> None:
        self._out, self._in = out_adj, in_adj
        self._new_out: dict[int, set[int]] = {}
        self._new_in: dict[int, set[int]] = {}
        self.added: list[tuple[int, int]] = []

    def outs(self, k: int) -> set[int]:
        found = self._new_out.get(k)
        if found is not None:
            return found
        return self._out[k] if k < len(self._out) else set()

    def ins(self, k: int) -> set[int]:
        found = self._new_in.get(k)
        if found is not None:
            return found
        return self._in[k] if k < len(self._in) else set()

    def add(self, i: int, j: int) -> None:
        """The arc i → j."""
        self._new_out.setdefault(i, set(self.outs(i))).add(j)
        self._new_in.setdefault(j, set(self.ins(j))).add(i)
        self.added.append((i, j))


def brokers(
    store: Store,
    as_of: str,
    *,
    sides: Sequence[str] = (),
    by: str = "side",
    records: list[dict[str, Any]] | None = None,
    arc_index: ArcIndex | None = None,
) -> list[dict[str, Any]]:
    """Per actor: the five role counts and z-scores, the side pairs they bridge, and evidence.

    ``records`` are ``communication_records(store, as_of)`` when the caller has
    them already; ``arc_index``, ``ArcIndex.build`` of all of them for ``sides``
    and ``by``, answers in their place.
    """
    evidence: dict[str, list[dict[str, Any]]]
    if arc_index is not None:
        state = arc_index.state(as_of)
        groups, names = state.groups, state.names
        evidence = arc_index.evidence_on(bisect.bisect_right(arc_index.starts, as_of))
        if not groups:
            return []
        result = score(groups, state.group_of, state.n_arcs, state.paths)
        bridges = dict(zip(state.nodes, state.bridges, strict=True))
    else:
        arcs, groups, names, records = network(store, as_of, sides=sides, by=by, records=records)
        evidence = defaultdict(list)
        for r in records:
            for node in (r["source_id"], r["target_id"]):
                if len(evidence[node]) < 3:
                    evidence[node].append(
                        {"date": r["date_start"], "sentence": r["sentence"], "doc_id": r["doc_id"]}
                    )
        if not groups:
            return []
        result, bridges = brokerage_bridges(arcs, groups)
    # rows with the same counts share them (``score()``): each kind is rounded once
    shared: dict[int, tuple[dict[str, int], dict[str, float | None], dict[str, float | None]]] = {}
    rows = []
    for row in result.rows:
        b = row.node
        found = shared.get(id(row.z))
        if found is None:
            found = shared[id(row.z)] = (
                {role: row.raw[role] for role in (*ROLES, "total")},
                {role: _finite(row.z[role]) for role in (*ROLES, "total")},
                {role: _finite(row.expected[role]) for role in (*ROLES, "total")},
            )
        roles, z, expected = found
        record: dict[str, Any] = {
            "actor_id": b,
            "name": names.get(b, b),
            "group": row.group,
            "roles": dict(roles),
            "z": dict(z),
            "expected": dict(expected),
            "bridges": bridge_labels(bridges[b]),
            "evidence": evidence.get(b, []),
        }
        rows.append(record)
    rows.sort(key=lambda r: (-r["roles"]["total"], r["name"]))
    return rows


def bridge_labels(bridges: Iterable[tuple[str, str]]) -> list[str]:
    """Group pairs as the API and the map show them, sorted: ``["CHN→USA", …]``."""
    return [f"{g}→{h}" for g, h in sorted(bridges)]


def bridging(
    store: Store,
    as_of: str,
    *,
    sides: Sequence[str] = (),
    records: list[dict[str, Any]] | None = None,
    arc_index: ArcIndex | None = None,
) -> dict[str, tuple[int, list[str]]]:
    """Actor → (brokered paths, bridges) for the rows of ``brokers()`` with both, by side.

    What the map marks as brokers, without the scores and evidence the full
    rows carry. ``records`` and ``arc_index`` (built ``by="side"``) as for ``brokers()``.
    """
    if arc_index is not None:
        return arc_index.bridging(as_of)
    state = NetworkState.count(*network(store, as_of, sides=sides, records=records)[:3])
    return {
        node: (total, bridge_labels(bridges))
        for node, total, bridges in zip(state.nodes, state.totals, state.bridges, strict=True)
        if bridges
    }


def ranking(
    store: Store,
    as_of: str,
    *,
    sides: Sequence[str] = (),
    records: list[dict[str, Any]] | None = None,
    arc_index: ArcIndex | None = None,
) -> list[tuple[str, str, int]]:
    """(actor id, name, brokered paths) for every actor, in the order ``brokers()`` lists them.

    ``records`` and ``arc_index`` as for ``brokers()``.
    """
    if arc_index is not None:
        state = arc_index.state(as_of)
        out = [
            (node, state.names[node], total)
            for node, total in zip(state.nodes, state.totals, strict=True)
        ]
        out.sort(key=lambda r: (-r[2], r[1]))
        return out
    arcs, groups, names, _ = network(store, as_of, sides=sides, records=records)
    if not groups:
        return []
    nodes = list(groups)
    out_adj, _ = _index(arcs, nodes)
    # a total counts every open two-path, whatever the groups: one group will do
    paths = open_paths(out_adj, [0] * len(nodes))
    out = [
        (node, names.get(node, node), sum(by_groups.values()))
        for node, by_groups in zip(nodes, paths, strict=True)
    ]
    out.sort(key=lambda r: (-r[2], r[1]))
    return out


def _bridges(
    ins: set[str], outs: set[str], arcs: set[tuple[str, str]], groups: dict[str, str]
) -> set[tuple[str, str]]:
    """Group pairs (g, h) with some i → broker → j, i in g, j in h ≠ g, and no arc i → j."""
    ins_by: dict[str, list[str]] = defaultdict(list)
    outs_by: dict[str, list[str]] = defaultdict(list)
    for i in ins:
        ins_by[groups[i]].append(i)
    for j in outs:
        outs_by[groups[j]].append(j)
    # one unlinked pair per group pair is enough: stop at the first
    return {
        (g, h)
        for g, group_ins in ins_by.items()
        for h, group_outs in outs_by.items()
        if g != h and any((i, j) not in arcs for i in group_ins for j in group_outs)
    }


def _finite(value: float) -> float | None:
    if value != value or value in (float("inf"), float("-inf")):
        return None
    return round(value, 6)
