"""The dashboard's answer cache: answers equal a fresh computation and never outlive a write."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

pytest.importorskip("fastapi")
pytest.importorskip("httpx")

from fastapi.testclient import TestClient

from backchannel.analysis.brokers import ArcIndex, NetworkState, _bridges, bridging, brokers
from backchannel.analysis.channels import ChannelInputs, channels, communication_records
from backchannel.store import Store
from backchannel.store import file_identity as store_identity
from backchannel.synthetic import synthetic_store
from backchannel.web import create_app, views
from backchannel.web.cache import LRU
from builders import write_meeting
from test_web_api import BIDEN, SIDES, WANG, build_store

DATES = ("2023-09-17", "2023-12-01", "2024-04-02", "2024-08-27", "2025-06-01")


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    return build_store(tmp_path / "web.duckdb")


def _fresh(db: Path, day: str) -> tuple[dict[str, object], list[dict[str, object]]]:
    """The graph and the channels on ``day``, computed from scratch on a new connection."""
    with Store.open(db, read_only=True) as store:
        graph = views.graph(store, day, SIDES)
        found = [c.to_dict() for c in channels(store, day, sides=SIDES)]
    return json.loads(json.dumps(graph)), json.loads(json.dumps(found))


def test_cached_answers_equal_a_fresh_computation_on_every_date(db: Path) -> None:
    client = TestClient(create_app(str(db), sides=SIDES))
    # back and forth, so later answers come from the cache
    for day in (*DATES, *reversed(DATES), *DATES):
        graph, found = _fresh(db, day)
        assert client.get("/api/graph", params={"as_of": day}).json() == graph
        assert client.get("/api/channels", params={"as_of": day}).json() == found
    assert len(client.app.state.cache.answers) == 2 * len(DATES)  # type: ignore[attr-defined]


def test_loaded_inputs_slice_like_the_query_by_date(tmp_path: Path) -> None:
    db = tmp_path / "synthetic.duckdb"
    synthetic_store(db, n_actors=60, n_events=400)
    with Store.open(db, read_only=True) as store:
        inputs = ChannelInputs.load(store)
        for day in ("2014-01-01", "2015-01-01", "2019-06-15", "2025-12-31"):
            assert inputs.records_until(day) == communication_records(store, day)
            assert brokers(store, day, sides=SIDES) == brokers(
                store, day, sides=SIDES, records=inputs.records_until(day)
            )


def _refreshed() -> None:
    """Wait for the background indexing of a new store version, if one is running."""
    for thread in threading.enumerate():
        if thread.name == "backchannel-refresh":
            thread.join(timeout=60)


def _write_biden_wang(db: Path) -> None:
    write_meeting(db, BIDEN, WANG, "Biden met Wang Yi in Washington.", "2024-05-01")


def test_a_write_is_answered_from_the_previous_version_marked_then_seen(db: Path) -> None:
    client = TestClient(create_app(str(db), sides=SIDES))
    day = "2024-08-27"
    before = client.get("/api/graph", params={"as_of": day})
    _refreshed()
    assert "X-Backchannel-Stale" not in before.headers
    assert "joe-biden|wang-yi" not in {e["id"] for e in before.json()["edges"]}
    identity = store_identity(str(db))

    _write_biden_wang(db)

    assert store_identity(str(db)) != identity
    # at once: the previous version's map, whole and consistent, and said to be so
    stale = client.get("/api/graph", params={"as_of": day})
    assert stale.headers["X-Backchannel-Stale"] == "1"
    assert stale.json() == before.json()
    # the endpoints that read the store directly see the write already
    actor = client.get("/api/actors/joe-biden", params={"as_of": day})
    assert "X-Backchannel-Stale" not in actor.headers
    assert any(e["sentence"] == "Biden met Wang Yi in Washington." for e in actor.json()["events"])

    _refreshed()
    after = client.get("/api/graph", params={"as_of": day})
    assert "X-Backchannel-Stale" not in after.headers
    assert "joe-biden|wang-yi" in {e["id"] for e in after.json()["edges"]}
    assert after.json() == _fresh(db, day)[0]
    channel = client.get("/api/channels/joe-biden/wang-yi", params={"as_of": day})
    assert channel.status_code == 200 and channel.json()["last_contact"] == "2024-05-01"


def test_without_a_refresher_a_write_is_seen_at_once(db: Path) -> None:
    app = create_app(str(db), sides=SIDES)
    app.state.cache.refresher = None  # as a cache used outside the server
    client = TestClient(app)
    day = "2024-08-27"
    client.get("/api/graph", params={"as_of": day})
    _write_biden_wang(db)
    after = client.get("/api/graph", params={"as_of": day})
    assert "X-Backchannel-Stale" not in after.headers
    assert after.json() == _fresh(db, day)[0]


def test_the_metadata_is_kept_per_version_and_a_write_is_seen(db: Path) -> None:
    app = create_app(str(db), sides=SIDES)
    app.state.cache.refresher = None
    client = TestClient(app)
    before = client.get("/api/meta").json()
    assert client.get("/api/meta").json() == before  # the second answer is the kept one
    _write_biden_wang(db)
    after = client.get("/api/meta").json()
    assert after["counts"]["event_records"] == before["counts"]["event_records"] + 1
    assert after["counts"]["documents"] == before["counts"]["documents"] + 1


def test_the_server_start_precomputes_the_default_map(db: Path) -> None:
    app = create_app(str(db), sides=SIDES)
    with TestClient(app) as client:  # runs the lifespan: the store is indexed before any request
        assert len(app.state.cache.answers) == 1
        graph = client.get("/api/graph").json()
    assert graph["as_of"] == "2024-08-27"
    assert len(app.state.cache.answers) == 1  # answered from the precomputed entry


def test_large_map_positions_are_fixed_per_store_and_separate_the_sides(tmp_path: Path) -> None:
    db = tmp_path / "synthetic.duckdb"
    synthetic_store(db, n_actors=200, n_events=1000)
    with Store.open(db, read_only=True) as store:
        early = views.graph(store, "2016-06-01", SIDES)
        late = views.graph(store, "2025-12-31", SIDES)
    late_places = {n["id"]: (n["x"], n["y"]) for n in late["nodes"]}
    assert all(late_places[n["id"]] == (n["x"], n["y"]) for n in early["nodes"])
    assert all((n["x"] < 0) == (n["side"] == "USA") for n in late["nodes"])
    assert len(set(late_places.values())) == len(late_places)


def test_the_lru_forgets_the_least_recently_used() -> None:
    lru = LRU(2)
    lru.put("a", 1)
    lru.put("b", 2)
    assert lru.get("a") == 1
    lru.put("c", 3)
    assert lru.get("b") is None and lru.get("a") == 1 and lru.get("c") == 3


@given(
    st.sets(st.tuples(st.sampled_from("abcdef"), st.sampled_from("abcdef")), max_size=20),
    st.dictionaries(st.sampled_from("abcdef"), st.sampled_from(("USA", "CHN", "third"))),
)
def test_bridges_match_the_definition(arcs: set[tuple[str, str]], assigned: dict[str, str]) -> None:
    groups = {n: assigned.get(n, "USA") for n in "abcdef"}
    for b in "abcdef":
        ins = {i for i, j in arcs if j == b}
        outs = {j for i, j in arcs if i == b}
        expected = {
            (groups[i], groups[j])
            for i in ins
            for j in outs
            if i != j and (i, j) not in arcs and groups[i] != groups[j]
        }
        assert _bridges(ins, outs, arcs, groups) == expected


def test_a_limit_on_events_keeps_the_first_events_in_order(db: Path, tmp_path: Path) -> None:
    from backchannel.queries import EventFilter, events

    big = tmp_path / "synthetic.duckdb"
    synthetic_store(big, n_actors=40, n_events=300)
    for path in (db, big):
        with Store.open(path, read_only=True) as store:
            every = events(store)
            for n in (1, 2, 3, 50, 1000):
                assert events(store, EventFilter(limit=n)) == every[:n]
            assert (
                events(store, EventFilter(limit=2, modality="asserted"))
                == [e for e in every if e["modality"] == "asserted"][:2]
            )


def test_whatif_answers_equal_a_fresh_computation_on_every_date(db: Path) -> None:
    # the leaders' capacity on a date is kept and reused for every removal asked on it
    client = TestClient(create_app(str(db), sides=SIDES))
    removals = (["jake-sullivan"], ["wang-yi"], ["joe-biden"], ["jake-sullivan", "wang-yi"])
    for n, day in enumerate((*DATES, *reversed(DATES))):
        if n % 2 == 0:  # the date's channels made from the map's clipped pairs
            assert client.get("/api/graph", params={"as_of": day}).status_code == 200
        for remove in removals:
            with Store.open(db, read_only=True) as store:
                fresh = json.loads(json.dumps(views.what_if(store, day, SIDES, remove)))
            got = client.get("/api/whatif", params={"remove": remove, "as_of": day})
            assert got.status_code == 200 and got.json() == fresh
    assert len(client.app.state.cache.capacities) == len(DATES) - 1  # type: ignore[attr-defined]


def test_the_network_on_a_date_equals_the_one_counted_from_its_arcs(tmp_path: Path) -> None:
    synthetic_store(tmp_path / "net.duckdb", 120, 900)
    with Store.open(tmp_path / "net.duckdb", read_only=True) as store:
        records = ChannelInputs.load(store).records
        for by in ("side", "side-sector"):
            index = ArcIndex.build(records, sides=SIDES, by=by)
            for day in ("2016-03-01", "2019-07-15", "2022-01-01", "2026-01-01"):
                arcs, groups, names, _ = index.network(day)
                expected = NetworkState.count(arcs, groups, names)
                got = index.state(day)  # its paths from the log, counted as records came
                assert got == expected and (got.n_arcs or day < "2017")
                if by == "side":
                    assert index.bridging(day) == bridging(store, day, sides=SIDES)


def test_computing_an_answer_frees_earlier_cycles_and_leaves_the_collector_on(db: Path) -> None:
    # the cache freezes what is alive after computing a new date: a cycle left by an
    # earlier request (a traceback holding a response body) must be freed first
    import gc
    import weakref

    class Body:
        pass

    client = TestClient(create_app(str(db), sides=SIDES))
    client.get("/api/graph", params={"as_of": "2024-06-01"})
    cycle: list[object] = [Body()]
    cycle.append(cycle)
    left = weakref.ref(cycle[0])
    del cycle
    assert client.get("/api/graph", params={"as_of": "2024-05-01"}).status_code == 200
    assert left() is None
    assert gc.isenabled()


def test_answers_from_an_indexed_version_never_connect_to_the_store(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import backchannel.store

    app = create_app(str(db), sides=SIDES)
    with TestClient(app) as client:
        _refreshed()
        connects: list[str] = []
        real = backchannel.store._connect

        def counted(target: str, read_only: bool, retries: int) -> object:
            connects.append(target)
            return real(target, read_only, retries)

        monkeypatch.setattr(backchannel.store, "_connect", counted)
        for day in ("2023-12-01", "2024-04-02", "2023-12-01"):  # new dates, then one seen
            assert client.get("/api/graph", params={"as_of": day}).status_code == 200
            assert client.get("/api/channels", params={"as_of": day}).status_code == 200
            assert client.get("/api/brokers", params={"as_of": day}).status_code == 200
            for change in ({"remove": "wang-yi"}, {"add": "joe-biden,xi-jinping"}):
                whatif = client.get("/api/whatif", params={**change, "as_of": day})
                assert whatif.status_code == 200
        assert client.get("/api/graph").json()["as_of"] == "2024-08-27"
        assert connects == []
        # an actor's page reads the store
        assert client.get("/api/actors/joe-biden").status_code == 200
        assert connects == [str(db)]


def test_an_answer_that_read_the_store_after_a_write_is_not_kept(db: Path) -> None:
    app = create_app(str(db), sides=SIDES)
    cache = app.state.cache
    with TestClient(app):
        _refreshed()  # the version as it is now is indexed
    count = "SELECT count(*) AS n FROM event_records"
    with Store.deferred(db) as store:
        assert cache.pin(store) is False  # the indexed version: no connection yet
        _write_biden_wang(db)  # a write lands before this request reads anything
        assert not cache.moved(store)
        written = cache.per_version(store, "records", lambda: store.query(count)[0]["n"])
        assert cache.moved(store)  # it read the store as written, newer than its version
        assert cache.per_version(store, "records", lambda: None) is None  # so it was not kept
    with Store.open(db, read_only=True) as store:
        assert written == store.query(count)[0]["n"]
