"""Open two-paths through every node after every record, counted as the records arrive.

The brokers on a date are counted on the network of the records up to it
(``brokerage.open_paths``): per node ``b``, the two-paths ``i → b → j`` with no
arc ``i → j``, by the groups of ``i`` and ``j``. On a date not asked before
that count takes most of the brokers' time at 20,000 events. Yet a record
changes the counts of few nodes:

* a new arc ``i → j`` opens paths through ``i`` (from each in-neighbour ``x`` of
  ``i`` with no arc ``x → j``) and through ``j`` (to each out-neighbour ``y`` of
  ``j`` with no arc ``i → y``), and closes the path ``i → b → j`` through every
  ``b`` between them;
* a node whose group changes (its latest record puts it on another side)
  moves the paths it ends, so the nodes next to it are counted again.

``PathLog`` follows the records in store order and keeps each node's counts
(by pair of group names, zeros left out) from every record that changed them:
the counts on any date are a bisection per node. The counts are the ones
``open_paths`` gives on the same network, which the tests check on random
networks and dates.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

Counts = dict[tuple[str, str], int]  # open two-paths through a node by the groups of their ends

_NONE: Counts = {}


class PathLog:
    """Each node's open two-paths after every record that changed them, nodes by first record."""

    def __init__(self) -> None:
        self._position: dict[str, int] = {}
        self._outs: list[set[int]] = []
        self._ins: list[set[int]] = []
        self._group: list[str] = []
        self._outs_by: list[dict[str, set[int]]] = []  # per node: its out-neighbours by group
        self._ins_by: list[dict[str, set[int]]] = []
        # per node: its neighbours in the order their arcs came, and the record each came with
        self._out_order: list[list[int]] = []
        self._in_order: list[list[int]] = []
        self._out_from: list[list[int]] = []
        self._in_from: list[list[int]] = []
        self._n = 0  # the record being logged
        self._paths: list[Counts] = []
        self._at: list[list[int]] = []  # per node: how many records each kept count follows
        self._kept: list[list[Counts]] = []

    def record(
        self, n: int, ends: Sequence[tuple[str, str]], arcs: Sequence[tuple[str, str]]
    ) -> None:
        """Record ``n`` (counting from 0): its ends with their groups, and the arcs it adds.

        ``arcs`` are only those no earlier record gives; an end seen for the
        first time becomes the next node.
        """
        touched: set[int] = set()
        self._n = n
        for node, group in ends:
            k = self._position.get(node)
            if k is None:
                k = self._position[node] = len(self._group)
                self._outs.append(set())
                self._ins.append(set())
                self._outs_by.append({})
                self._ins_by.append({})
                self._out_order.append([])
                self._in_order.append([])
                self._out_from.append([])
                self._in_from.append([])
                self._group.append(group)
                self._paths.append({})
                self._at.append([])
                self._kept.append([])
            elif self._group[k] != group:
                self._move(k, group)
                for b in self._ins[k] | self._outs[k]:  # the paths with k at an end
                    self._recount(b)
                    touched.add(b)
        for source, target in arcs:
            self._arc(self._position[source], self._position[target], touched)
        for b in touched:
            self._at[b].append(n + 1)
            self._kept[b].append({key: k for key, k in self._paths[b].items() if k})

    def _move(self, k: int, group: str) -> None:
        """Node ``k`` in ``group`` from now on: in its neighbours' sets by group too."""
        before, self._group[k] = self._group[k], group
        for b in self._outs[k]:
            _regroup(self._ins_by[b], k, before, group)
        for b in self._ins[k]:
            _regroup(self._outs_by[b], k, before, group)

    def _recount(self, b: int) -> None:
        outs, group = self._outs, self._group
        counts: Counts = {}
        for i in self._ins[b]:
            gi, reached = group[i], outs[i]
            for j in outs[b]:
                if j != i and j not in reached:
                    key = (gi, group[j])
                    counts[key] = counts.get(key, 0) + 1
        self._paths[b] = counts

    def _arc(self, i: int, j: int, touched: set[int]) -> None:
        """The arc ``i → j``, new: the paths it opens through ``i`` and ``j``, and closes."""
        outs, ins, group, paths = self._outs, self._ins, self._group, self._paths
        gi, gj = group[i], group[j]
        through, closing = paths[i], ins[j]
        for g, members in self._ins_by[i].items():  # x → i → j with no x → j, by x's group
            k = len(members) - len(members & closing) - (j in members)
            if k:
                through[(g, gj)] = through.get((g, gj), 0) + k
        through, reached = paths[j], outs[i]
        for h, members in self._outs_by[j].items():  # i → j → y with no i → y, by y's group
            k = len(members) - len(members & reached) - (i in members)
            if k:
                through[(gi, h)] = through.get((gi, h), 0) + k
        for b in reached & closing:  # i → b → j, closed now
            paths[b][(gi, gj)] -= 1
            touched.add(b)
        outs[i].add(j)
        ins[j].add(i)
        self._out_order[i].append(j)
        self._in_order[j].append(i)
        self._out_from[i].append(self._n)
        self._in_from[j].append(self._n)
        self._outs_by[i].setdefault(gj, set()).add(j)
        self._ins_by[j].setdefault(gi, set()).add(i)
        touched.update((i, j))

    def counts(self, n: int, nodes: int) -> list[Counts]:
        """The counts of the first ``nodes`` nodes on the network of the first ``n`` records.

        The dicts are the log's own: read them, do not change them.
        """
        out = []
        for at, kept in zip(self._at[:nodes], self._kept[:nodes], strict=True):
            k = bisect.bisect_right(at, n) - 1
            out.append(kept[k] if k >= 0 else _NONE)
        return out

    def outs_at(self, n: int) -> Neighbours:
        """Each node's out-neighbours on the network of the first ``n`` records."""
        return Neighbours(self._out_order, self._out_from, n)

    def ins_at(self, n: int) -> Neighbours:
        """Each node's in-neighbours on the network of the first ``n`` records."""
        return Neighbours(self._in_order, self._in_from, n)


class Neighbours(Sequence[set[int]]):
    """Nodes' neighbours on the network of the first ``n`` records, each found when asked.

    A what-if reads those of a few nodes: building them all would cost more
    than the rest of its brokers' part. Do not change the sets.
    """

    def __init__(self, order: list[list[int]], since: list[list[int]], n: int) -> None:
        self._order, self._since, self._n = order, since, n
        self._found: dict[int, set[int]] = {}

    def __len__(self) -> int:
        return len(self._order)

    def __getitem__(self, k: int) -> set[int]:  # type: ignore[override]
        found = self._found.get(k)
        if found is None:
            found = self._found[k] = set(
                self._order[k][: bisect.bisect_left(self._since[k], self._n)]
            )
        return found


def _regroup(by_group: dict[str, set[int]], k: int, before: str, after: str) -> None:
    members = by_group[before]
    members.discard(k)
    if not members:
        del by_group[before]
    by_group.setdefault(after, set()).add(k)
