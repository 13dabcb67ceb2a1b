"""Gould–Fernandez brokerage: golden numbers from R's sna, hand-worked graphs, properties."""

from __future__ import annotations

import csv
import math
import random
import time
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from backchannel.analysis.brokerage import (
    COLUMNS,
    ROLES,
    SNA_COLUMNS,
    BrokerageResult,
    brokerage,
    read_edges_csv,
    read_groups_csv,
)
from backchannel.errors import SourceError, UsageError

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
REFERENCE = DATA / "reference" / "brokerage"
CASES = ("caseA", "caseB_emon_cheyenne")
STAT_ATTR = {"raw": "raw", "exp": "expected", "sd": "sd", "z": "z"}
TOL = 1e-6  # the R outputs are rounded to 6 decimals


def _same(mine: float, theirs: float, tol: float) -> bool:
    if math.isnan(theirs) or math.isnan(mine):
        return math.isnan(theirs) and math.isnan(mine)
    return math.isclose(mine, theirs, rel_tol=tol, abs_tol=tol)


# --- golden tests against sna 2.7-1 ------------------------------------------------------------


def _read_r_table(path: Path) -> dict[str, dict[str, float]]:
    """An R ``write.csv`` matrix: row name → sna column → value (``NA``/``NaN`` → nan)."""
    with path.open(encoding="utf-8", newline="") as handle:
        header, *rows = list(csv.reader(handle))
    assert tuple(header[1:]) == SNA_COLUMNS
    return {
        row[0]: {
            col: float("nan") if cell in ("NA", "NaN") else float(cell)
            for col, cell in zip(SNA_COLUMNS, row[1:], strict=True)
        }
        for row in rows
    }


def _reference_result(case: str) -> BrokerageResult:
    if not REFERENCE.is_dir():
        pytest.skip(f"sna reference outputs not found at {REFERENCE}; golden tests need them")
    return brokerage(
        read_edges_csv(REFERENCE / f"{case}_edges.csv"),
        read_groups_csv(REFERENCE / f"{case}_groups.csv"),
    )


@pytest.fixture(scope="module", params=CASES)
def golden(request: pytest.FixtureRequest) -> tuple[str, BrokerageResult]:
    case: str = request.param
    return case, _reference_result(case)


@pytest.mark.parametrize("stat", ["raw", "exp", "sd", "z"])
def test_node_level_matches_sna(golden: tuple[str, BrokerageResult], stat: str) -> None:
    case, result = golden
    reference = _read_r_table(REFERENCE / f"{case}_{stat}.nli.csv")
    assert [row.node for row in result.rows] == list(reference)
    for row in result.rows:
        mine = getattr(row, STAT_ATTR[stat])
        for col, sna_col in zip(COLUMNS, SNA_COLUMNS, strict=True):
            theirs = reference[row.node][sna_col]
            if stat == "raw":
                assert mine[col] == int(theirs), (row.node, col)
            else:
                assert _same(mine[col], theirs, TOL), (row.node, col, mine[col], theirs)


def test_graph_level_matches_sna(golden: tuple[str, BrokerageResult]) -> None:
    case, result = golden
    reference = _read_r_table(REFERENCE / f"{case}_gli.csv")
    assert set(reference) == set(result.global_)
    for stat, values in reference.items():
        for col, sna_col in zip(COLUMNS, SNA_COLUMNS, strict=True):
            assert _same(result.global_[stat][col], values[sna_col], TOL), (stat, col)


def test_case_a_brokers_as_printed_in_the_manifest() -> None:
    result = _reference_result("caseA")
    bessent = next(row for row in result.rows if row.node == "Bessent")
    # w_I w_O b_IO b_OI b_O t = 0 1 2 2 2 7: sna's b_IO is the representative
    assert bessent.raw == {
        "coordinator": 0,
        "itinerant": 1,
        "representative": 2,
        "gatekeeper": 2,
        "liaison": 2,
        "total": 7,
    }


# --- hand-worked graphs ------------------------------------------------------------------------

SIDES = {"us1": "US", "us2": "US", "us3": "US", "cn1": "CN", "cn2": "CN", "int": "INT"}


def _raw(result: BrokerageResult, node: str) -> dict[str, int]:
    return next(row.raw for row in result.rows if row.node == node)


@pytest.mark.parametrize(
    ("path", "role"),
    [
        # us1 → us2 → us3: all three US, us1 ↛ us3, so us2 coordinates once.
        (("us1", "us2", "us3"), "coordinator"),
        # us1 → int → us2: an outsider carries a US-to-US message: itinerant.
        (("us1", "int", "us2"), "itinerant"),
        # us1 → us2 → cn1: broker shares the *source's* group: representative (b_IO).
        (("us1", "us2", "cn1"), "representative"),
        # us1 → cn1 → cn2: broker shares the *target's* group: gatekeeper (b_OI).
        (("us1", "cn1", "cn2"), "gatekeeper"),
        # us1 → int → cn1: three different groups: liaison.
        (("us1", "int", "cn1"), "liaison"),
    ],
)
def test_single_two_path_gives_one_role(path: tuple[str, str, str], role: str) -> None:
    i, b, j = path
    result = brokerage([(i, b), (b, j)], SIDES)
    expected = dict.fromkeys(COLUMNS, 0) | {role: 1, "total": 1}
    assert _raw(result, b) == expected
    # the endpoints broker nothing, and nodes without arcs are still reported
    assert [row.node for row in result.rows] == list(SIDES)
    for node in SIDES:
        if node != b:
            assert _raw(result, node)["total"] == 0


def test_reciprocal_arcs_and_closed_triads_do_not_count() -> None:
    groups = {"a": "US", "b": "US", "c": "CN"}
    # a ↔ b only: a → b → a returns to its start, which is not a two-path.
    assert brokerage([("a", "b"), ("b", "a")], groups).global_["raw"]["total"] == 0
    # transitive triad a → b → c with a → c: the path is closed, b brokers nothing.
    closed = brokerage([("a", "b"), ("b", "c"), ("a", "c")], groups)
    assert closed.global_["raw"]["total"] == 0
    # all six arcs: every two-path is closed.
    complete = [(x, y) for x in groups for y in groups if x != y]
    assert brokerage(complete, groups).global_["raw"]["total"] == 0
    # only i → j closes i → b → j: in the cycle a → b → c → a, c → a does not close
    # a → b → c, so each node brokers exactly one path.
    cycle = brokerage([("a", "b"), ("b", "c"), ("c", "a")], groups)
    assert [row.raw["total"] for row in cycle.rows] == [1, 1, 1]
    # b: a(US) → b(US) → c(CN) is representative; c: b(US) → c(CN) → a(US) itinerant;
    # a: c(CN) → a(US) → b(US) gatekeeper.
    assert _raw(cycle, "b")["representative"] == 1
    assert _raw(cycle, "c")["itinerant"] == 1
    assert _raw(cycle, "a")["gatekeeper"] == 1


def test_repeated_arcs_count_once_and_self_loops_only_raise_density() -> None:
    groups = {"a": "US", "b": "US", "c": "US"}
    path = [("a", "b"), ("b", "c")]
    once = brokerage(path, groups)
    repeated = brokerage(path * 3, groups)
    for stat in ("raw", "expected", "sd"):
        assert [getattr(r, stat) for r in repeated.rows] == [getattr(r, stat) for r in once.rows]
    # sna keeps the diagonal in m: with the loop, d = 3/6 instead of 2/6.
    looped = brokerage([*path, ("a", "a")], groups)
    assert _raw(looped, "b") == _raw(once, "b")
    for result, d in ((once, 2 / 6), (looped, 3 / 6)):
        # coordinator pairs for a broker in a group of 3: (3 - 1)(3 - 2) = 2
        assert result.rows[1].expected["coordinator"] == pytest.approx(d * d * (1 - d) * 2)


def test_role_a_group_cannot_play_has_zero_moments_and_nan_z() -> None:
    result = brokerage([("us1", "int"), ("int", "cn1")], SIDES)
    broker = next(row for row in result.rows if row.node == "int")
    # a singleton group has no coordinator or representative pairs at all
    for role in ("coordinator", "representative", "gatekeeper"):
        assert broker.expected[role] == 0.0
        assert broker.sd[role] == 0.0
        assert math.isnan(broker.z[role])
    assert broker.z["liaison"] > 0


def test_edge_to_a_node_without_group_names_it() -> None:
    with pytest.raises(UsageError, match="'ghost'"):
        brokerage([("us1", "ghost")], SIDES)


def test_records_are_flat_and_keep_nan() -> None:
    records = brokerage([("us1", "int"), ("int", "cn1")], SIDES).to_records()
    assert len(records) == len(SIDES)
    int_record = records[list(SIDES).index("int")]
    expected_keys = ["node", "group"]
    for col in COLUMNS:
        expected_keys += [col, f"{col}_exp", f"{col}_sd", f"{col}_z"]
    assert list(int_record) == expected_keys
    assert int_record["node"] == "int"
    assert int_record["liaison"] == 1
    coordinator_z = int_record["coordinator_z"]
    assert isinstance(coordinator_z, float)
    assert math.isnan(coordinator_z)


# --- properties --------------------------------------------------------------------------------


@st.composite
def digraphs(draw: st.DrawFn) -> tuple[list[tuple[str, str]], dict[str, str]]:
    n = draw(st.integers(min_value=1, max_value=9))
    labels = draw(st.lists(st.sampled_from("ABCD"), min_size=n, max_size=n))
    groups = {f"v{k}": label for k, label in enumerate(labels)}
    arcs = draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=40))
    return [(f"v{s}", f"v{t}") for s, t in arcs], groups


def _naive_roles(edges: list[tuple[str, str]], groups: dict[str, str]) -> dict[str, dict[str, int]]:
    """Every ordered triple of distinct nodes, classified by which group labels agree."""
    arcs = set(edges)
    role_of = {
        (True, True): "coordinator",  # (i ~ b, b ~ j)
        (True, False): "representative",
        (False, True): "gatekeeper",
    }
    counts = {node: dict.fromkeys(COLUMNS, 0) for node in groups}
    for b in groups:
        for i in groups:
            for j in groups:
                if len({i, b, j}) < 3 or (i, b) not in arcs or (b, j) not in arcs:
                    continue
                if (i, j) in arcs:
                    continue
                key = (groups[i] == groups[b], groups[b] == groups[j])
                if key in role_of:
                    role = role_of[key]
                else:
                    role = "itinerant" if groups[i] == groups[j] else "liaison"
                counts[b][role] += 1
                counts[b]["total"] += 1
    return counts


@given(digraphs())
@settings(max_examples=200, deadline=None)
def test_roles_partition_the_open_two_paths(
    graph: tuple[list[tuple[str, str]], dict[str, str]],
) -> None:
    edges, groups = graph
    result = brokerage(edges, groups)
    naive = _naive_roles(edges, groups)
    for row in result.rows:
        assert sum(row.raw[role] for role in ROLES) == row.raw["total"]
        assert row.raw == naive[row.node]
    assert result.global_["raw"]["total"] == sum(c["total"] for c in naive.values())


def _sna_moments(
    sizes: list[int], d: float
) -> tuple[list[list[float]], list[list[float]], list[float], list[float]]:
    """sna 2.7's R code for ``ebr``/``vbr``/``egbr``/``vgbr``, loop for loop (variances)."""
    n = [float(g) for g in sizes]
    big_n = sum(n)
    p = d**2 * (1 - d)
    q3, q4, q5 = d**3 * (1 - d) ** 3, d**4 * (1 - d) ** 2, d**5 * (1 - d)

    def choose2(x: float) -> float:
        return x * (x - 1) / 2

    ebr, vbr = [], []
    for i, ni in enumerate(n):
        rest = n[:i] + n[i + 1 :]
        e = [
            p * (ni - 1) * (ni - 2),
            p * sum(x * (x - 1) for x in rest),
            p * (big_n - ni) * (ni - 1),
            p * (big_n - ni) * (ni - 1),
            p * (sum(x * y for x in rest for y in rest) - sum(x * x for x in rest)),
            p * (big_n - 1) * (big_n - 2),
        ]
        extra = [
            2 * (ni - 1) * (ni - 2) * (ni - 3) * q3,
            2 * sum(x * (x - 1) * (x - 2) for x in rest) * q3,
            2 * ((ni - 1) * choose2(big_n - ni) + (big_n - ni) * choose2(ni - 1)) * q3,
            2 * ((ni - 1) * choose2(big_n - ni) + (big_n - ni) * choose2(ni - 1)) * q3,
            4 * sum(x * choose2(big_n - x - ni) * q3 for x in rest),
            2 * (big_n - 1) * (big_n - 2) * (big_n - 3) * q3,
        ]
        ebr.append(e)
        vbr.append([ee * (1 - p) + xx for ee, xx in zip(e, extra, strict=True)])

    def within(x: float) -> float:
        return (4 * x - 10) * q3 - 4 * (x - 3) * q4 + (x - 3) * q5

    eg = [
        p * sum(x * (x - 1) * (x - 2) for x in n),
        p * sum(x * (big_n - x) * (x - 1) for x in n),
        p * sum(x * (big_n - x) * (x - 1) for x in n),
        p * sum(x * (big_n - x) * (x - 1) for x in n),
        p
        * (
            sum(x * y * (big_n - x - y) for x in n for y in n)
            - sum(x * x * (big_n - 2 * x) for x in n)
        ),
        p * big_n * (big_n - 1) * (big_n - 2),
    ]
    v5 = eg[4] * (1 - p)
    for a, na in enumerate(n):
        for b, nb in enumerate(n):
            for c, nc in enumerate(n):
                if a != b and b != c and a != c:
                    v5 += (
                        na
                        * nb
                        * nc
                        * (
                            (4 * (big_n - nb) - 2 * (na + nc + 1)) * q3
                            - (4 * (big_n - nc) - 2 * (na + nb + 1)) * q4
                            + (big_n - (na + nc + 1)) * q5
                        )
                    )
    bridging = sum(x * (big_n - x) * (x - 1) * ((big_n - 3) * q3 + (x - 2) * q5) for x in n)
    vg = [
        eg[0] * (1 - p) + sum(x * (x - 1) * (x - 2) * within(x) for x in n),
        eg[1] * (1 - p)
        + sum(
            x * y * (x - 1) * ((2 * x + 2 * y - 6) * q3 + (big_n - x - 1) * q5)
            for x in n
            for y in n
        )
        - sum(x * x * (x - 1) * ((4 * x - 6) * q3 + (big_n - x - 1) * q5) for x in n),
        eg[2] * (1 - p) + bridging,
        eg[3] * (1 - p) + bridging,
        v5,
        eg[5] * (1 - p) + big_n * (big_n - 1) * (big_n - 2) * within(big_n),
    ]
    return ebr, vbr, eg, vg


@given(
    sizes=st.lists(st.integers(min_value=1, max_value=6), min_size=1, max_size=6),
    fraction=st.floats(min_value=0, max_value=1),
    rng=st.randoms(use_true_random=False),
)
@settings(max_examples=150, deadline=None)
def test_closed_form_moments_equal_snas_loops(
    sizes: list[int], fraction: float, rng: random.Random
) -> None:
    assume(sum(sizes) >= 2)
    groups = {f"v{g}_{k}": f"g{g}" for g, size in enumerate(sizes) for k in range(size)}
    nodes = list(groups)
    pairs = [(s, t) for s in nodes for t in nodes if s != t]
    rng.shuffle(pairs)
    edges = pairs[: round(fraction * len(pairs))]
    d = len(edges) / (len(nodes) * (len(nodes) - 1))
    ebr, vbr, eg, vg = _sna_moments(sizes, d)
    result = brokerage(edges, groups)
    for row in result.rows:
        g = int(row.group[1:])
        for k, col in enumerate(COLUMNS):
            assert _same(row.expected[col], ebr[g][k], 1e-9)
            assert _same(row.sd[col], math.sqrt(vbr[g][k]) if vbr[g][k] >= 0 else math.nan, 1e-7)
    for k, col in enumerate(COLUMNS):
        assert _same(result.global_["exp"][col], eg[k], 1e-9)
        sd = math.sqrt(vg[k]) if vg[k] >= 0 else math.nan
        assert _same(result.global_["sd"][col], sd, 1e-7), (col, result.global_["sd"][col], sd)


@pytest.mark.slow
def test_two_thousand_nodes_twenty_thousand_arcs_is_quick() -> None:
    rng = random.Random(7)
    groups = {f"n{k}": rng.choice(["US", "CN", "INT"]) for k in range(2000)}
    nodes = list(groups)
    hubs = nodes[:20]
    edges = [
        (
            rng.choice(hubs) if rng.random() < 0.3 else rng.choice(nodes),
            rng.choice(hubs) if rng.random() < 0.3 else rng.choice(nodes),
        )
        for _ in range(20_000)
    ]
    start = time.perf_counter()
    result = brokerage(edges, groups)
    assert time.perf_counter() - start < 5
    assert len(result.rows) == 2000


# --- CSV input ---------------------------------------------------------------------------------


def test_reads_the_reference_layout(tmp_path: Path) -> None:
    edges = tmp_path / "e.csv"
    edges.write_text('"source","target"\n"A b","C"\n"C","A b"\n', encoding="utf-8")
    groups = tmp_path / "g.csv"
    groups.write_text('"node","group"\n"A b","US"\n"C","CN"\n', encoding="utf-8")
    assert read_edges_csv(edges) == [("A b", "C"), ("C", "A b")]
    assert read_groups_csv(groups) == {"A b": "US", "C": "CN"}


def test_reads_any_two_column_csv_and_named_columns_among_others(tmp_path: Path) -> None:
    plain = tmp_path / "plain.csv"
    plain.write_text("\ufefffrom,to\nx,y\n\ny,z\n", encoding="utf-8")
    assert read_edges_csv(plain) == [("x", "y"), ("y", "z")]
    wide = tmp_path / "wide.csv"
    wide.write_text("date,Target,Source\n2025-01-02,y,x\n", encoding="utf-8")
    assert read_edges_csv(wide) == [("x", "y")]
    sides = tmp_path / "sides.csv"
    sides.write_text("actor,side\nx,US\ny,CN\n", encoding="utf-8")
    assert read_groups_csv(sides) == {"x": "US", "y": "CN"}


def test_missing_columns_are_a_usage_error_that_lists_what_was_found(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("a,b,c\n1,2,3\n", encoding="utf-8")
    with pytest.raises(UsageError, match=r"'source' and 'target'.*found: a, b, c"):
        read_edges_csv(bad)
    with pytest.raises(UsageError, match=r"'node' and 'group'"):
        read_groups_csv(bad)
    empty = tmp_path / "empty.csv"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(UsageError, match="empty"):
        read_edges_csv(empty)


def test_bad_rows_are_usage_errors_with_line_numbers(tmp_path: Path) -> None:
    short = tmp_path / "short.csv"
    short.write_text("date,source,target\n2025-01-01,x,y\n2025-01-02,x\n", encoding="utf-8")
    with pytest.raises(UsageError, match="line 3"):
        read_edges_csv(short)
    blank = tmp_path / "blank.csv"
    blank.write_text("node,group\nx,\n", encoding="utf-8")
    with pytest.raises(UsageError, match="line 2"):
        read_groups_csv(blank)
    twice = tmp_path / "twice.csv"
    twice.write_text("node,group\nx,US\nx,US\nx,CN\n", encoding="utf-8")
    with pytest.raises(UsageError, match=r"line 4.*'CN'.*'US'"):
        read_groups_csv(twice)


def test_unreadable_file_is_a_source_error(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="cannot read edges file"):
        read_edges_csv(tmp_path / "missing.csv")
