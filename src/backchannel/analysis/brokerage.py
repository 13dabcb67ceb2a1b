"""Gould–Fernandez brokerage roles, computed exactly as R's ``sna::brokerage`` (sna 2.7).

A broker ``b`` sits in the middle of an *open two-path* ``i → b → j``: both arcs
exist, ``i → j`` does not, and ``i``, ``b``, ``j`` are three different nodes. The
groups of the three name the role ``b`` plays on that path::

    role            sna   groups (i, b, j)      e.g. with US / CN / INT
    coordinator     w_I   A  A  A               US → US → US
    itinerant       w_O   A  B  A               US → INT → US
    representative  b_IO  A  A  B               US → US → CN   (speaks for its own side)
    gatekeeper      b_OI  A  B  B               US → CN → CN   (lets outsiders in)
    liaison         b_O   A  B  C               US → INT → CN

The stages, in order (``brokerage`` runs them):

1. ``_index``        nodes from ``groups``; arcs deduplicated, self-loops kept aside
2. ``open_paths``    per broker and pair of groups: in-neighbours × out-neighbours,
                     less ``i = j`` and the pairs closed by an arc ``i → j``
                     (one set intersection per arc); ``_roles_from_paths`` sums
                     them into the five roles
3. ``_node_moments`` / ``_global_moments``  sna's null model (see below)
4. z-scores          ``(raw - exp) / sd``; ``nan`` where sd is 0 and raw equals exp

Null model (sna): every arc is present independently with the graph's density
``d = m / (N (N - 1))``, so a given ordered triple is an open two-path with
``p = d² (1 - d)``. The expected count is ``p`` times the number of ordered
``(i, j)`` pairs of that role for a broker of group size ``n_g`` (coordinator:
``(n_g - 1)(n_g - 2)``); the variance is ``E (1 - p)`` plus sna's covariance
term for two-paths that share an arc, ``C · d³ (1 - d)³`` (the graph-level
table adds ``d⁴ (1 - d)²`` and ``d⁵ (1 - d)`` terms). Counts are exact integers
here; sna's per-group and triple loops become power sums of the group sizes,
so many small groups cost nothing.

Where we follow sna on purpose: repeated arcs count once (sna reads a 0/1
sociomatrix); a self-loop never forms a two-path but *does* count in ``m``;
nodes without arcs still count in ``N`` and in their group's size; a role a
group cannot play (a singleton has no coordinator paths) has ``exp = sd = 0``
and ``z = nan`` (R prints ``NaN``/``NA``). A variance that comes out negative
(only possible when self-loops push ``d`` above 1) is ``nan``, as R's ``sqrt``
would give; with fewer than two nodes ``d`` is undefined and so is every moment.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from backchannel.errors import SourceError, UsageError

ROLES: Final = ("coordinator", "itinerant", "representative", "gatekeeper", "liaison")
COLUMNS: Final = (*ROLES, "total")
#: sna's column names, in the same order as ``COLUMNS``.
SNA_COLUMNS: Final = ("w_I", "w_O", "b_IO", "b_OI", "b_O", "t")
STATISTICS: Final = ("raw", "exp", "sd", "z")

_NAN: Final = float("nan")


@dataclass(frozen=True, slots=True)
class BrokerageRow:
    """One node's role counts and how they compare with sna's null model.

    Every dict is keyed by ``COLUMNS`` (the five roles and ``"total"``). Rows
    of ``score()`` with the same counts in groups of the same size share their
    dicts: read them, do not change them.
    """

    node: str
    group: str
    raw: dict[str, int]
    expected: dict[str, float]
    sd: dict[str, float]
    z: dict[str, float]


@dataclass(frozen=True, slots=True)
class BrokerageResult:
    """Per-node rows (in the order of the ``groups`` mapping) and the graph-level table.

    ``global_`` mirrors sna's ``raw.gli``/``exp.gli``/``sd.gli``/``z.gli``:
    ``global_["z"]["liaison"]`` is the graph-level liaison z-score.
    """

    rows: tuple[BrokerageRow, ...]
    global_: dict[str, dict[str, float]]

    def to_records(self) -> list[dict[str, object]]:
        """Flat JSON-ready rows: node, group, then ``<col>``, ``<col>_exp``, ``_sd``, ``_z``.

        NaN stays ``float("nan")``; the JSON layer decides how to spell it.
        """
        records: list[dict[str, object]] = []
        for row in self.rows:
            record: dict[str, object] = {"node": row.node, "group": row.group}
            for col in COLUMNS:
                record[col] = row.raw[col]
                record[f"{col}_exp"] = row.expected[col]
                record[f"{col}_sd"] = row.sd[col]
                record[f"{col}_z"] = row.z[col]
            records.append(record)
        return records


def brokerage(edges: Iterable[tuple[str, str]], groups: Mapping[str, str]) -> BrokerageResult:
    """Count each node's brokerage roles and score them against sna's null model.

    ``groups`` maps every node to its group and fixes the node set and row
    order; nodes with no arcs are valid. An edge naming a node that is not in
    ``groups`` raises ``UsageError``.
    """
    return brokerage_bridges(edges, groups)[0]


def brokerage_bridges(
    edges: Iterable[tuple[str, str]], groups: Mapping[str, str]
) -> tuple[BrokerageResult, dict[str, set[tuple[str, str]]]]:
    """``brokerage`` and, per node, the pairs of different groups ``(g, h)`` it bridges.

    A node bridges ``(g, h)`` when some open two-path ``i → node → j`` has
    ``i`` in ``g`` and ``j`` in ``h``.
    """
    nodes = list(groups)
    group_ids: dict[str, int] = {}
    cls = [group_ids.setdefault(groups[node], len(group_ids)) for node in nodes]
    out_adj, n_arcs = _index(edges, nodes)
    paths = open_paths(out_adj, cls)
    names = list(group_ids)
    bridges = {
        node: {(names[g], names[h]) for (g, h), k in by_groups.items() if g != h and k > 0}
        for node, by_groups in zip(nodes, paths, strict=True)
    }
    return score(groups, cls, n_arcs, paths), bridges


def score(
    groups: Mapping[str, str],
    cls: Sequence[int],
    n_arcs: int,
    paths: Sequence[dict[tuple[int, int], int]],
) -> BrokerageResult:
    """``brokerage``'s result from the open two-paths already counted (``open_paths``).

    ``cls`` numbers the groups in the order they first appear in ``groups``;
    ``n_arcs`` counts the distinct arcs, self-loops included.
    """
    nodes = list(groups)
    counts = _roles_from_paths(paths, cls)
    n = len(nodes)
    sizes = [0] * (max(cls) + 1 if cls else 0)
    for c in cls:
        sizes[c] += 1
    density = n_arcs / (n * (n - 1)) if n > 1 else _NAN
    node_moments = _node_moments(sizes, density)
    global_exp, global_sd = _global_moments(sizes, density)

    rows: list[BrokerageRow] = []
    totals = [0] * len(COLUMNS)
    # nodes of one group size with the same counts share their dicts: a few dozen kinds
    # among thousands of nodes, each computed once
    shared: dict[
        tuple[int, ...], tuple[dict[str, int], dict[str, float], dict[str, float], dict[str, float]]
    ] = {}
    for node, c, role_counts in zip(nodes, cls, counts, strict=True):
        raw = (*role_counts, sum(role_counts))
        for k, value in enumerate(raw):
            totals[k] += value
        found = shared.get((sizes[c], *raw))
        if found is None:
            exp, sd = node_moments[sizes[c]]
            found = shared[(sizes[c], *raw)] = (
                dict(zip(COLUMNS, raw, strict=True)),
                dict(zip(COLUMNS, exp, strict=True)),
                dict(zip(COLUMNS, sd, strict=True)),
                {col: _z(r, e, s) for col, r, e, s in zip(COLUMNS, raw, exp, sd, strict=True)},
            )
        rows.append(BrokerageRow(node, groups[node], *found))
    global_: dict[str, dict[str, float]] = {
        "raw": {col: float(t) for col, t in zip(COLUMNS, totals, strict=True)},
        "exp": dict(zip(COLUMNS, global_exp, strict=True)),
        "sd": dict(zip(COLUMNS, global_sd, strict=True)),
        "z": {
            col: _z(t, e, s)
            for col, t, e, s in zip(COLUMNS, totals, global_exp, global_sd, strict=True)
        },
    }
    return BrokerageResult(rows=tuple(rows), global_=global_)


def _index(edges: Iterable[tuple[str, str]], nodes: Sequence[str]) -> tuple[list[set[int]], int]:
    """Out-neighbour sets without self-loops, and the number of distinct arcs with them."""
    position = {node: k for k, node in enumerate(nodes)}
    out_adj: list[set[int]] = [set() for _ in nodes]
    loops: set[int] = set()
    for source, target in edges:
        for end in (source, target):
            if end not in position:
                raise UsageError(
                    f"edge {source!r} -> {target!r} names node {end!r}, which has no group; "
                    "add it to the groups table or drop the edge"
                )
        s, t = position[source], position[target]
        if s == t:
            loops.add(s)
        else:
            out_adj[s].add(t)
    return out_adj, sum(len(targets) for targets in out_adj) + len(loops)


def in_neighbours(out_adj: Sequence[set[int]]) -> list[set[int]]:
    """Each node's in-neighbours, from its out-neighbours."""
    in_adj: list[set[int]] = [set() for _ in out_adj]
    for source, targets in enumerate(out_adj):
        for target in targets:
            in_adj[target].add(source)
    return in_adj


def open_paths(out_adj: Sequence[set[int]], cls: Sequence[int]) -> list[dict[tuple[int, int], int]]:
    """Per broker ``b``: open two-paths ``i → b → j`` counted by the groups of ``i`` and ``j``.

    Group pairs with no open path are left out.

    Counted without walking the paths: every in-neighbour with every
    out-neighbour, less the pairs where ``i`` is ``j`` and the pairs closed by
    an arc ``i → j`` (found once per arc, as the brokers between its ends).
    """
    n = len(out_adj)
    in_adj = in_neighbours(out_adj)
    closed: dict[tuple[int, int, int], int] = {}
    for i, targets in enumerate(out_adj):
        ci = cls[i]
        for j in targets:
            for b in targets & in_adj[j] if len(targets) < len(in_adj[j]) else in_adj[j] & targets:
                key = (b, ci, cls[j])
                closed[key] = closed.get(key, 0) + 1
    out: list[dict[tuple[int, int], int]] = [{} for _ in range(n)]
    for b in range(n):
        ins, outs = in_adj[b], out_adj[b]
        if not ins or not outs:
            continue
        by_in: dict[int, int] = {}
        by_out: dict[int, int] = {}
        for i in ins:
            by_in[cls[i]] = by_in.get(cls[i], 0) + 1
        for j in outs:
            by_out[cls[j]] = by_out.get(cls[j], 0) + 1
        paths = out[b]
        for g, k in by_in.items():
            for h, m in by_out.items():
                paths[(g, h)] = k * m
        for i in ins & outs:  # i → b → i is no two-path
            paths[(cls[i], cls[i])] -= 1
    for (b, g, h), k in closed.items():
        out[b][(g, h)] -= k
    return [{key: k for key, k in paths.items() if k} for paths in out]


def _roles_from_paths(
    paths: Sequence[dict[tuple[int, int], int]], cls: Sequence[int]
) -> list[list[int]]:
    counts = [[0] * len(ROLES) for _ in paths]
    for broker, by_groups in enumerate(paths):
        cb = cls[broker]
        tally = counts[broker]
        for (ci, cj), k in by_groups.items():
            if ci == cb:
                tally[0 if cj == cb else 2] += k  # coordinator / representative
            elif cj == cb:
                tally[3] += k  # gatekeeper
            elif ci == cj:
                tally[1] += k  # itinerant
            else:
                tally[4] += k  # liaison
    return counts


def _node_moments(sizes: Sequence[int], d: float) -> dict[int, tuple[list[float], list[float]]]:
    """Expectation and SD per column for a broker, keyed by the size of its group.

    sna's ``ebr``/``vbr``: ``E = p K``, ``Var = E (1 - p) + V d³ (1 - d)³``,
    with ``K`` and ``V`` integer counts that depend on the broker's group size
    ``s`` and the other groups only through their power sums.
    """
    n, p2, p3 = sum(sizes), _power_sum(sizes, 2), _power_sum(sizes, 3)
    p = d * d * (1 - d)
    q = d**3 * (1 - d) ** 3
    moments: dict[int, tuple[list[float], list[float]]] = {}
    for s in set(sizes):
        a = n - s  # nodes outside the broker's group
        others = (a, p2 - s * s, p3 - s**3)  # power sums over the other groups
        bridging = (s - 1) * a
        k = (
            (s - 1) * (s - 2),
            others[1] - others[0],
            bridging,
            bridging,
            a * a - others[1],
            (n - 1) * (n - 2),
        )
        v_bridging = 2 * ((s - 1) * _choose2(a) + a * _choose2(s - 1))
        v = (
            2 * (s - 1) * (s - 2) * (s - 3),
            2 * (others[2] - 3 * others[1] + 2 * others[0]),
            v_bridging,
            v_bridging,
            # 4 * sum over other groups g of n_g * C(a - n_g, 2)
            2 * ((a * a - a) * others[0] + (1 - 2 * a) * others[1] + others[2]),
            2 * (n - 1) * (n - 2) * (n - 3),
        )
        exp = [p * kk for kk in k]
        sd = [_sqrt(e * (1 - p) + vv * q) for e, vv in zip(exp, v, strict=True)]
        moments[s] = (exp, sd)
    return moments


def _global_moments(sizes: Sequence[int], d: float) -> tuple[list[float], list[float]]:
    """sna's ``exp.gli`` and ``sd.gli``: the same null model summed over all brokers.

    ``Var = E (1 - p) + c3 d³(1-d)³ + c4 d⁴(1-d)² + c5 d⁵(1-d)``; the ``c`` are
    exact integers, so terms that cancel in sna's formulas (a single group's
    itinerant variance) cancel exactly here too.
    """
    n = sum(sizes)
    p2, p3, p4 = (_power_sum(sizes, k) for k in (2, 3, 4))
    p = d * d * (1 - d)
    q = (d**3 * (1 - d) ** 3, d**4 * (1 - d) ** 2, d**5 * (1 - d))
    # ordered triples of distinct groups: sum of n_i n_j n_k, and of n_i² n_j n_k
    t111 = n**3 - 3 * n * p2 + 2 * p3
    t211 = p2 * n * n - 2 * p3 * n - p2 * p2 + 2 * p4

    within = sum(g * (g - 1) * (g - 2) for g in sizes)
    bridging = sum(g * (n - g) * (g - 1) for g in sizes)
    k = (within, bridging, bridging, bridging, t111, n * (n - 1) * (n - 2))

    def triad_coefficients(count: int, size: int) -> tuple[int, int, int]:
        # sna's (4n-10) d³(1-d)³ - 4(n-3) d⁴(1-d)² + (n-3) d⁵(1-d), per within-group triple
        return (count * (4 * size - 10), -4 * count * (size - 3), count * (size - 3))

    per_group = [triad_coefficients(g * (g - 1) * (g - 2), g) for g in sizes]
    # itinerant: sna sums x y (x-1) ((2x+2y-6) q3 + (N-x-1) q5) over groups x != y
    f1 = sum(g * (g - 1) * (2 * g - 6) for g in sizes)
    f2 = sum(g * (g - 1) for g in sizes)
    f3 = sum(g * (g - 1) * (n - g - 1) for g in sizes)
    itinerant_c3 = (
        f1 * n
        - sum(g * g * (g - 1) * (2 * g - 6) for g in sizes)
        + 2 * (f2 * p2 - sum(g**3 * (g - 1) for g in sizes))
    )
    itinerant_c5 = f3 * n - sum(g * g * (g - 1) * (n - g - 1) for g in sizes)
    bridging_c = (
        sum(g * (n - g) * (g - 1) * (n - 3) for g in sizes),
        0,
        sum(g * (n - g) * (g - 1) * (g - 2) for g in sizes),
    )
    # liaison: sna's triple loop over distinct groups (i, j, k), expanded in n_i, n_j, n_k
    liaison_c = (
        (4 * n - 2) * t111 - 8 * t211,
        -(4 * n - 2) * t111 + 8 * t211,
        (n - 1) * t111 - 2 * t211,
    )
    coefficients = (
        tuple(sum(c[r] for c in per_group) for r in range(3)),
        (itinerant_c3, 0, itinerant_c5),
        bridging_c,
        bridging_c,
        liaison_c,
        triad_coefficients(n * (n - 1) * (n - 2), n),
    )
    exp = [p * kk for kk in k]
    sd = [
        _sqrt(e * (1 - p) + sum(c * qq for c, qq in zip(cs, q, strict=True)))
        for e, cs in zip(exp, coefficients, strict=True)
    ]
    return exp, sd


def _power_sum(sizes: Iterable[int], k: int) -> int:
    return sum(g**k for g in sizes)


def _choose2(x: int) -> int:
    return x * (x - 1) // 2


def _sqrt(variance: float) -> float:
    """R's ``sqrt``: ``NaN`` (not an exception) for a negative or NaN variance."""
    return math.sqrt(variance) if variance >= 0 else _NAN


def _z(raw: float, exp: float, sd: float) -> float:
    """R's ``(raw - exp) / sd``: ``NaN`` for 0/0, ``±Inf`` for x/0."""
    diff = raw - exp
    if sd > 0:
        return diff / sd
    if sd == 0 and diff != 0 and not math.isnan(diff):
        return math.copysign(math.inf, diff)
    return _NAN


# --- CSV input for `backchannel brokers --edges E.csv --groups G.csv` -------------------------


def read_edges_csv(path: str | Path) -> list[tuple[str, str]]:
    """Arcs from a CSV with ``source``/``target`` columns, or any two columns with a header.

    Extra columns (a date, a weight) are ignored when the named columns exist.
    """
    return _read_pairs(path, "edges", ("source", "target"))


def read_groups_csv(path: str | Path) -> dict[str, str]:
    """Node → group from a CSV with ``node``/``group`` columns, or any two columns with a header."""
    groups: dict[str, str] = {}
    for line, (node, group) in _read_numbered_pairs(path, "groups", ("node", "group")):
        previous = groups.setdefault(node, group)
        if previous != group:
            raise UsageError(
                f"{path}: line {line} puts node {node!r} in group {group!r}, but an earlier "
                f"line put it in {previous!r}; keep one group per node"
            )
    return groups


def _read_pairs(path: str | Path, what: str, names: tuple[str, str]) -> list[tuple[str, str]]:
    return [pair for _, pair in _read_numbered_pairs(path, what, names)]


def _read_numbered_pairs(
    path: str | Path, what: str, names: tuple[str, str]
) -> list[tuple[int, tuple[str, str]]]:
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise SourceError(f"cannot read {what} file {path}: {exc}") from exc
    if not rows:
        raise UsageError(f"{path}: the {what} file is empty; it needs a header row {names}")
    header = [cell.strip().lower() for cell in rows[0]]
    if names[0] in header and names[1] in header:
        first, second = header.index(names[0]), header.index(names[1])
    elif len(header) == 2:
        first, second = 0, 1
    else:
        raise UsageError(
            f"{path}: the {what} file needs columns {names[0]!r} and {names[1]!r} "
            f"(or exactly two columns); found: {', '.join(rows[0]) or 'nothing'}"
        )
    pairs: list[tuple[int, tuple[str, str]]] = []
    for line, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) <= max(first, second):
            raise UsageError(
                f"{path}: line {line} has {len(row)} field(s); "
                f"the {what} file needs {names[0]!r} and {names[1]!r} on every line"
            )
        a, b = row[first].strip(), row[second].strip()
        if not a or not b:
            raise UsageError(
                f"{path}: line {line} leaves {names[0]!r} or {names[1]!r} empty; fill it or drop it"
            )
        pairs.append((line, (a, b)))
    return pairs
