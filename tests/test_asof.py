"""The per-date fast paths give exactly what the direct computations give, on any date.

``ChannelIndex.channels`` against ``channels()``, the counted brokerage roles
against walking every two-path, ``bridging``/``ranking`` against
``brokers()``, and the what-if on the index against a store copy without the
removed actors. The stores are random: intervals that end after the date asked,
events reported by several records, channel names, self-loops, third
countries, roles that end and departures that sever.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any, cast

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from backchannel.analysis.asof import ChannelIndex
from backchannel.analysis.brokerage import brokerage_bridges, open_paths
from backchannel.analysis.brokers import ArcIndex, _bridges, bridging, brokers, network, ranking
from backchannel.analysis.channels import ChannelInputs, channels
from backchannel.analysis.pathlog import PathLog
from backchannel.analysis.whatif import derived_store, whatif
from backchannel.store import Store
from backchannel.web import views

SIDES = ("USA", "CHN")
COUNTRIES = ("USA", "CHN", "USA", "CHN", "SGP", "")
SECTORS = ("government", "business", "academic", "military", "retired")
DATES = ("2014-06-30", "2016-01-01", "2017-03-15", "2018-12-31", "2020-07-04", "2023-01-01")


def _day(rng: random.Random) -> str:
    return f"{rng.randrange(2015, 2023)}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"


def random_store(path: Path, seed: int, n_actors: int = 40, n_records: int = 300) -> Path:
    """A store with messy records, roles and departures, written in bulk."""
    rng = random.Random(seed)
    actors = [
        {
            "actor_id": f"x{i:03d}",
            "name": f"Name {i % (n_actors - 3):03d}",  # a few names shared by two actors
            "kind": rng.choice(("person", "person", "organization", "group")),
            "country": SIDES[i] if i < 2 else rng.choice(COUNTRIES),
            "sector": rng.choice(SECTORS),
            "aliases": "[]",
            "origin": "text",
        }
        for i in range(n_actors)
    ]
    docs = [
        {"doc_id": f"d{j}", "title": f"T{j}", "url": f"https://e.org/{j}", "published": _day(rng)}
        for j in range(20)
    ]
    records = []
    for j in range(n_records):
        a = rng.randrange(n_actors)
        b = a if rng.random() < 0.03 else rng.randrange(n_actors)
        start = _day(rng)
        end = rng.choice((start, start, "", _day(rng) if rng.random() < 0.5 else start))
        if end and end < start:
            start, end = end, start
        row = {
            "record_id": f"{'rz'[j % 2]}{j:05d}",  # around a proposal's w…
            "doc_id": f"d{rng.randrange(20)}",
            "sentence": f"s{j}",
            "sentence_index": j,
            "type": rng.choice(("CONSULT", "CONSULT", "MEET", "DEMAND")),
            "mode": rng.choice(("meet", "call", "")),
            "date_start": start,
            "date_end": end or None,
            "modality": rng.choice(("asserted",) * 5 + ("negated",)),
            "channel_name": rng.choice(("", "", "", "Track B", "Track A")) or None,
            "event_id": f"e{rng.randrange(n_records // 2)}",
        }
        for prefix, k in (("source", a), ("target", b)):
            actor = actors[k]
            row |= {
                f"{prefix}_id": actor["actor_id"],
                f"{prefix}_name": actor["name"] if rng.random() < 0.9 else f"Alias {k}",
                f"{prefix}_country": rng.choice((actor["country"],) * 4 + ("SGP",)),
                f"{prefix}_sector": actor["sector"],
                f"{prefix}_kind": actor["kind"],
                f"{prefix}_role": "",
            }
        records.append(row)
    roles = [  # a leader on each side for every date asked, so capacity has its two ends
        {
            "actor_id": f"x{i:03d}",
            "title": "Leader",
            "org": "",
            "country": side,
            "sector": "government",
            "start_date": "2010-01-01",
            "end_date": None,
            "position": "",
            "leader": True,
            "origin": "kb",
        }
        for i, side in enumerate(SIDES)
    ]
    changes = []
    for i in rng.sample(range(2, n_actors), n_actors // 2):
        start = _day(rng)
        roles.append(
            {
                "actor_id": f"x{i:03d}",
                "title": f"Office {i}",
                "org": "",
                "country": actors[i]["country"] or "USA",
                "sector": rng.choice(SECTORS),
                "start_date": start if rng.random() < 0.8 else None,
                "end_date": max(start, _day(rng)) if rng.random() < 0.6 else None,
                "position": "",
                "leader": False,
                "origin": "kb",
            }
        )
    for j, i in enumerate(rng.sample(range(n_actors), n_actors // 3)):
        changes.append(
            {
                "change_id": f"c{j}",
                "doc_id": "d0",
                "sentence": "",
                "actor_id": f"x{i:03d}",
                "actor_name": actors[i]["name"],
                "change": rng.choice(("removed", "retired", "died", "reactivated", "appointed")),
                "role": rng.choice(("", "minister")),
                "date_start": _day(rng),
                "modality": "asserted",
            }
        )
    with Store.open(path) as store:
        store.migrate()
        store._upsert("actors", actors)
        store._upsert("documents", docs)
        store._upsert("event_records", records)
        store._insert("roles", roles)
        store._upsert("role_changes", changes)
    return path


@pytest.fixture(scope="module", params=[1, 2, 3])
def store_path(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    seed = int(request.param)
    return random_store(tmp_path_factory.mktemp("asof") / f"s{seed}.duckdb", seed)


@pytest.mark.parametrize("sides", [SIDES, ("CHN", "USA"), ()])
def test_index_gives_the_channels_of_every_date(store_path: Path, sides: tuple[str, ...]) -> None:
    with Store.open(store_path, read_only=True) as store:
        inputs = ChannelInputs.load(store)
        index = ChannelIndex.build(inputs, sides)
        narrow = ChannelIndex.build(inputs, sides, include_brokered=False)
        starts = sorted({r["date_start"] for r in inputs.records})
        for day in (*DATES, *starts[::25], starts[-1]):
            for dormant in (365, 30):
                assert index.channels(day, dormant_after=dormant) == channels(
                    store, day, sides=sides, dormant_after=dormant
                )
            assert narrow.channels(day) == channels(store, day, sides=sides, include_brokered=False)
            listed = {views._pair(c): c for c in index.channels(day)}
            for a_id, b_id in index.by_key:  # one channel alone, or none when it is not listed
                assert index.channel(b_id, a_id, day) == listed.get(views.edge_id(a_id, b_id))


def test_index_weighs_contacts_decades_old_whatever_their_order() -> None:
    """A pair whose first event runs for twenty years and whose second is a day, long ago.

    The second event's contact is the older one though it comes later: its
    weight, over 7,000 days old, comes from the same table as every other.
    """

    def record(n: int, start: str, end: str | None) -> dict[str, Any]:
        ends = {
            f"{prefix}_{key}": value
            for prefix, (actor_id, country) in (
                ("source", ("u1", "USA")),
                ("target", ("c1", "CHN")),
            )
            for key, value in (("id", actor_id), ("name", actor_id.upper()), ("country", country))
        }
        return {
            **ends,
            **{f"{p}_{k}": "" for p in ("source", "target") for k in ("sector", "kind", "role")},
            "record_id": f"r{n}",
            "event_id": f"e{n}",
            "date_start": start,
            "date_end": end,
            "type": "CONSULT",
            "mode": "meet",
            "channel_name": None,
            "sentence": f"s{n}",
            "doc_id": "d",
            "url": "",
            "title": "",
        }

    records = (record(1, "2000-01-01", "2020-12-31"), record(2, "2001-01-01", None))
    inputs = ChannelInputs(records, tuple(r["date_start"] for r in records), {}, {}, {})
    index = ChannelIndex.build(inputs, SIDES)
    for day in ("2000-06-01", "2001-01-01", "2021-01-01", "2035-07-04"):
        expected = channels(cast(Store, None), day, sides=SIDES, inputs=inputs)
        assert index.channels(day) == expected and len(expected) == 1


def test_index_without_actors_equals_the_inputs_without_them(store_path: Path) -> None:
    with Store.open(store_path, read_only=True) as store:
        inputs = ChannelInputs.load(store)
        index = ChannelIndex.build(inputs, SIDES)
        rng = random.Random(0)
        ids = sorted({r["source_id"] for r in inputs.records})
        for day in DATES:
            gone = rng.sample(ids, rng.randrange(1, 4))
            expected = channels(store, day, sides=SIDES, inputs=inputs.without(gone))
            assert index.channels(day, without=gone) == expected


def test_bridging_and_ranking_agree_with_the_broker_rows(store_path: Path) -> None:
    with Store.open(store_path, read_only=True) as store:
        for day in DATES:
            rows = brokers(store, day, sides=SIDES)
            marked = {
                b["actor_id"]: (b["roles"]["total"], b["bridges"])
                for b in rows
                if b["roles"]["total"] > 0 and b["bridges"]
            }
            assert bridging(store, day, sides=SIDES) == marked
            order = [(b["actor_id"], b["name"], b["roles"]["total"]) for b in rows]
            assert ranking(store, day, sides=SIDES) == order
            for by in ("side", "side-sector"):
                arcs, groups, _, _ = network(store, day, sides=SIDES, by=by)
                if not groups:
                    continue
                _, bridges = brokerage_bridges(arcs, groups)
                outs: dict[str, set[str]] = {n: set() for n in groups}
                ins: dict[str, set[str]] = {n: set() for n in groups}
                for s, t in arcs:
                    outs[s].add(t)
                    ins[t].add(s)
                for node in groups:
                    assert bridges[node] == _bridges(ins[node], outs[node], set(arcs), groups)


@settings(max_examples=150, deadline=None)
@given(
    st.integers(1, 25).flatmap(
        lambda n: st.tuples(
            st.lists(st.integers(0, 3), min_size=n, max_size=n),
            st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=n * 6),
        )
    )
)
def test_counted_roles_equal_walking_every_two_path(
    graph: tuple[list[int], list[tuple[int, int]]],
) -> None:
    cls, arcs = graph
    out_adj: list[set[int]] = [set() for _ in cls]
    for s, t in arcs:
        if s != t:
            out_adj[s].add(t)
    counted = [{k: v for k, v in by.items() if v} for by in open_paths(out_adj, cls)]
    assert counted == _walked_paths(out_adj, cls)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 7), st.integers(0, 7), st.integers(0, 2), st.integers(0, 2)),
        max_size=60,
    ),
    st.booleans(),
)
def test_logged_paths_equal_counting_them_after_every_record(
    records: list[tuple[int, int, int, int]], both_ways: bool
) -> None:
    """Records in order, ends with their groups: the log counts what ``open_paths`` counts."""
    log = PathLog()
    nodes: dict[str, int] = {}
    groups: dict[str, str] = {}
    arcs: set[tuple[str, str]] = set()
    for n, (s, t, gs, gt) in enumerate(r for r in records if r[0] != r[1]):
        ends = [(f"n{s}", f"g{gs}"), (f"n{t}", f"g{gt}")]
        for node, group in ends:
            nodes.setdefault(node, len(nodes))
            groups[node] = group
        new = [(f"n{s}", f"n{t}"), (f"n{t}", f"n{s}")][: 2 if both_ways else 1]
        new = [arc for arc in new if arc not in arcs]
        arcs.update(new)
        log.record(n, ends, new)
        out_adj: list[set[int]] = [set() for _ in nodes]
        for a, b in arcs:
            out_adj[nodes[a]].add(nodes[b])
        names = sorted(set(groups.values()))
        cls = [names.index(groups[node]) for node in nodes]
        expected = [
            {(names[g], names[h]): k for (g, h), k in by.items() if k}
            for by in open_paths(out_adj, cls)
        ]
        assert log.counts(n + 1, len(nodes)) == expected


def _walked_paths(out_adj: list[set[int]], cls: list[int]) -> list[dict[tuple[int, int], int]]:
    """Open two-paths i → b → j per broker b and pair of groups, by walking every one."""
    walked: list[dict[tuple[int, int], int]] = [{} for _ in out_adj]
    for source, middle in enumerate(out_adj):
        for broker in middle:
            for target in out_adj[broker]:
                if target == source or target in out_adj[source]:
                    continue  # not a two-path, or closed by i → j
                key = (cls[source], cls[target])
                walked[broker][key] = walked[broker].get(key, 0) + 1
    return walked


def test_whatif_on_the_index_equals_a_store_without_the_actors(store_path: Path) -> None:
    with Store.open(store_path, read_only=True) as store:
        inputs = ChannelInputs.load(store)
        index = ChannelIndex.build(inputs, SIDES)
        ids = sorted({r["source_id"] for r in inputs.records})
        for day, gone in zip(DATES, (ids[:1], ids[5:7], ids[-3:], ids[10:11]), strict=False):
            fast = views.what_if(store, day, SIDES, gone, index=index)
            with derived_store(store, drop_actors=gone) as mem:
                after = {views._pair(c) for c in channels(mem, day, sides=SIDES)}
                ranked = [
                    (b["actor_id"], b["roles"]["total"])
                    for b in brokers(mem, day, sides=SIDES)
                    if b["roles"]["total"] > 0
                ]
            before = channels(store, day, sides=SIDES)
            cut = [views._pair(c) for c in before if views._pair(c) not in after]
            assert [c["id"] for c in fast["channels_cut"]] == cut
            for moved in fast["brokers_changed"]:
                if moved["rank_after"] is not None:
                    rank = moved["rank_after"] - 1
                    assert ranked[rank] == (moved["actor_id"], moved["total_after"])
            if fast["capacity"]["available"]:
                result = whatif(store, day, sides=SIDES, remove=gone)
                assert fast["capacity"]["after"] == result.capacity_after.to_dict()


def test_the_api_answers_equal_the_direct_computations(store_path: Path) -> None:
    pytest.importorskip("httpx")
    from fastapi.testclient import TestClient

    from backchannel.web import create_app
    from backchannel.web.cache import encode

    client = TestClient(create_app(str(store_path), sides=SIDES))
    with Store.open(store_path, read_only=True) as store:
        inputs = ChannelInputs.load(store)
        ids = sorted({r["source_id"] for r in inputs.records})
        for day in (*DATES, *reversed(DATES)):
            found = [c.to_dict() for c in channels(store, day, sides=SIDES)]
            expected = {
                "graph": views.graph(store, day, SIDES),
                "channels": found,
                "brokers": brokers(store, day, sides=SIDES),
                "whatif": views.what_if(store, day, SIDES, ids[3:5]),
                "proposed": views.what_if(store, day, SIDES, ids[3:4], add=[(ids[0], ids[9])]),
            }
            got = {
                "graph": client.get("/api/graph", params={"as_of": day}),
                "channels": client.get("/api/channels", params={"as_of": day}),
                "brokers": client.get("/api/brokers", params={"as_of": day}),
                "whatif": client.get("/api/whatif", params={"as_of": day, "remove": ids[3:5]}),
                "proposed": client.get(
                    "/api/whatif",
                    params={"as_of": day, "remove": ids[3], "add": f"{ids[0]},{ids[9]}"},
                ),
            }
            for name, response in got.items():
                assert response.content == encode(expected[name]), (name, day)


@pytest.mark.parametrize("by", ["side", "side-sector"])
def test_arc_index_gives_the_network_and_brokers_of_every_date(store_path: Path, by: str) -> None:

    with Store.open(store_path, read_only=True) as store:
        inputs = ChannelInputs.load(store)
        arcs = ArcIndex.build(inputs.records, sides=SIDES, by=by)
        starts = sorted({r["date_start"] for r in inputs.records})
        for day in (*DATES, *starts[::40], starts[-1]):
            expected = network(store, day, sides=SIDES, by=by)
            got = arcs.network(day)
            assert got[0] == expected[0]
            for k in (1, 2):  # the same nodes in the same order: it is the brokers' row order
                assert list(got[k].items()) == list(expected[k].items())
            assert brokers(store, day, sides=SIDES, by=by, arc_index=arcs) == brokers(
                store, day, sides=SIDES, by=by
            )
            if by == "side":
                assert bridging(store, day, sides=SIDES, arc_index=arcs) == bridging(
                    store, day, sides=SIDES
                )
                assert ranking(store, day, sides=SIDES, arc_index=arcs) == ranking(
                    store, day, sides=SIDES
                )


def test_rankings_without_actors_equal_the_ranking_of_the_records_left(store_path: Path) -> None:

    with Store.open(store_path, read_only=True) as store:
        inputs = ChannelInputs.load(store)
        arcs = ArcIndex.build(inputs.records, sides=SIDES)
        ids = sorted({r["source_id"] for r in inputs.records})
        rng = random.Random(1)
        for day in DATES:
            for _ in range(3):
                gone = set(rng.sample(ids, rng.randrange(1, 5)))
                left = [
                    r
                    for r in inputs.records_until(day)
                    if r["source_id"] not in gone and r["target_id"] not in gone
                ]
                before, after = arcs.rankings(day, gone)
                assert before == ranking(store, day, sides=SIDES)
                assert after == ranking(store, day, sides=SIDES, records=left)


def test_channel_json_is_the_encoded_channel_list(store_path: Path) -> None:
    from backchannel.web.cache import encode
    from backchannel.web.fastjson import ChannelJSON

    with Store.open(store_path, read_only=True) as store:
        index = ChannelIndex.build(ChannelInputs.load(store), SIDES)
        encoder = ChannelJSON(index)
        for day in (*DATES, *DATES):
            found = index.channels(day)
            assert encoder.encode(index.clipped(day)) == encode([c.to_dict() for c in found])
            for status in ("active", "dormant", "severed"):
                chosen = [c.to_dict() for c in found if c.status == status]
                assert encoder.encode(index.clipped(day), status) == encode(chosen)


def test_graph_edges_json_is_the_encoded_edge_list(store_path: Path) -> None:
    import json

    from backchannel.web.cache import encode
    from backchannel.web.fastjson import ChannelJSON

    with Store.open(store_path, read_only=True) as store:
        index = ChannelIndex.build(ChannelInputs.load(store), SIDES)
        encoder = ChannelJSON(index)
        for day in (*DATES, *DATES):
            found = index.channels(day)
            edges = views.graph(store, day, SIDES, found=found, index=index)["edges"]
            assert encoder.edges(index.clipped(day)).encode() == encode(edges)
            assert json.loads(encoder.edges(index.clipped(day))) == edges


@pytest.mark.parametrize("prepared", [False, True])
def test_graph_json_is_the_encoded_graph(store_path: Path, prepared: bool) -> None:
    from backchannel.web.cache import encode
    from backchannel.web.fastjson import ChannelJSON

    with Store.open(store_path, read_only=True) as store:
        inputs = ChannelInputs.load(store)
        index = ChannelIndex.build(inputs, SIDES)
        arcs = ArcIndex.build(inputs.records, sides=SIDES)
        place = views.positions(inputs, SIDES)
        encoder = ChannelJSON(index)
        if prepared:
            encoder.prepare()
        every_role = views.roles_by_actor(store)
        for day in (*DATES, *DATES):
            found = index.clipped(day)
            assert index.made(found, day) == index.channels(day)
            assert list(
                zip(
                    found.ends(),
                    found.status,
                    found.reason,
                    found.last,
                    found.strength,
                    strict=True,
                )
            ) == [
                ((c.a, c.b), c.status, c.reason, c.last_contact, c.strength)
                for c in channels(store, day, sides=SIDES)
            ]
            ends = list(found.ends())
            ranks = bridging(store, day, sides=SIDES, arc_index=arcs)
            facts = views.node_facts(store, ends, ranks, day, every_role)
            assert facts == views.node_facts(store, ends, ranks, day)
            assert encoder.graph(day, found, facts, place) == encode(views.graph(store, day, SIDES))


def test_broker_rows_with_equal_counts_are_each_the_nodes_own(store_path: Path) -> None:
    # score() shares the dicts of nodes with equal counts; brokers() rounds each kind once
    from backchannel.analysis.brokerage import COLUMNS, brokerage
    from backchannel.analysis.brokers import _finite

    alike = 0  # pairs of rows with equal counts, whose dicts must still be their own
    with Store.open(store_path, read_only=True) as store:
        for day in DATES:
            arcs, groups, _, _ = network(store, day, sides=SIDES)
            if not groups:
                continue
            by_node = {row.node: row for row in brokerage(arcs, groups).rows}
            rows = brokers(store, day, sides=SIDES)
            for r in rows:
                row = by_node[r["actor_id"]]
                assert r["roles"] == row.raw
                assert r["z"] == {col: _finite(row.z[col]) for col in COLUMNS}
                assert r["expected"] == {col: _finite(row.expected[col]) for col in COLUMNS}
            by_counts: dict[tuple[int, ...], list[dict[str, Any]]] = {}
            for r in rows:
                by_counts.setdefault(tuple(r["roles"].values()), []).append(r)
            for first, second, *_ in (a for a in by_counts.values() if len(a) > 1):
                first["z"]["total"] = first["roles"]["total"] = -1
                assert second["z"]["total"] != -1 and second["roles"]["total"] != -1
                alike += 1
    assert alike
