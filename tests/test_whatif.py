"""What-if: channels cut, capacity lost and brokers moved when actors are taken out."""

from __future__ import annotations

import argparse
import io
import json
import random
from pathlib import Path

import pytest

from backchannel.analysis.asof import ChannelIndex
from backchannel.analysis.brokers import ArcIndex, brokers, ranking
from backchannel.analysis.capacity import Capacity, capacity, resolve_actor
from backchannel.analysis.channels import Channel, ChannelInputs, channels
from backchannel.analysis.whatif import (
    _pair,
    channel_changes,
    derived_store,
    proposed_record,
    proposed_records,
    whatif,
)
from backchannel.cli_analysis import register
from backchannel.errors import UsageError
from backchannel.store import Store
from test_asof import DATES as RANDOM_DATES
from test_asof import random_store
from test_capacity import build, scenario

SIDES = ("USA", "CHN")


@pytest.fixture()
def store_path(tmp_path: Path) -> Path:
    return build(tmp_path / "whatif.duckdb", scenario())


def _run(argv: list[str]) -> str:
    parser = argparse.ArgumentParser(prog="backchannel")
    register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    out = io.StringIO()
    assert args.func(args, out) == 0
    return out.getvalue()


def test_removing_the_only_go_between_cuts_his_channels_and_a_route(store_path: Path) -> None:
    with Store.open(store_path, read_only=True) as store:
        result = whatif(store, "2025-11-20", sides=SIDES, remove=["He Lifeng"])
        # the real store is untouched
        assert any(
            c.a.name == "He Lifeng" or c.b.name == "He Lifeng"
            for c in channels(store, "2025-11-20", sides=SIDES)
        )
    cut = {frozenset((c.a.name, c.b.name)) for c in result.channels_cut}
    assert cut == {
        frozenset(("Scott Bessent", "He Lifeng")),
        frozenset(("Jamieson Greer", "He Lifeng")),
    }
    assert (result.capacity_before.count, result.capacity_after.count) == (3, 2)
    lost = next(b for b in result.brokers_changed if b["name"] == "He Lifeng")
    assert lost["rank_before"] is not None and lost["rank_after"] is None and lost["removed"]


def test_removal_on_loaded_inputs_equals_a_store_without_those_records(
    store_path: Path,
) -> None:
    # whatif computes removals on the loaded inputs; a store copy without the
    # actors' event records is the definition it must match
    day, gone = "2025-11-20", ["he-lifeng", "jamieson-greer"]
    with Store.open(store_path, read_only=True) as store:
        result = whatif(store, day, sides=SIDES, remove=gone)
        before = channels(store, day, sides=SIDES)
        with derived_store(store, drop_actors=gone) as mem:
            expected_channels = channels(mem, day, sides=SIDES)
            expected_capacity = capacity(
                mem,
                day,
                sides=SIDES,
                source=result.capacity_before.source["actor_id"],
                target=result.capacity_before.target["actor_id"],
                found=expected_channels,
                without=gone,
            )
            expected_brokers = brokers(mem, day, sides=SIDES)
    assert result.capacity_after == expected_capacity
    after = {(c.a.actor_id, c.b.actor_id) for c in expected_channels}
    cut = [c for c in before if (c.a.actor_id, c.b.actor_id) not in after]
    assert cut and list(result.channels_cut) == cut
    ranked = [b["actor_id"] for b in expected_brokers if b["roles"]["total"] > 0]
    for moved in result.brokers_changed:
        if moved["rank_after"] is not None:
            assert ranked[moved["rank_after"] - 1] == moved["actor_id"]


@pytest.mark.parametrize("day", ["2025-07-20", "2025-10-27", "2025-11-20", "2026-03-01"])
@pytest.mark.parametrize(
    "gone",
    [["he-lifeng"], ["jensen-huang"], ["scott-bessent", "jamieson-greer"], ["donald-trump"]],
)
def test_capacity_after_removals_equals_a_store_without_those_actors(
    store_path: Path, day: str, gone: list[str]
) -> None:
    with Store.open(store_path, read_only=True) as store:
        result = whatif(store, day, sides=SIDES, remove=gone)
        before = capacity(store, day, sides=SIDES)
        given = whatif(store, day, sides=SIDES, remove=gone, before=before)
        with derived_store(store, drop_actors=gone) as mem:
            expected = capacity(
                mem,
                day,
                sides=SIDES,
                source=before.source["actor_id"],
                target=before.target["actor_id"],
                without=gone,
            )
    assert result.capacity_before == before
    assert result.capacity_after == expected
    assert given == result


def test_a_proposed_channel_adds_a_route(store_path: Path) -> None:
    with Store.open(store_path, read_only=True) as store:
        result = whatif(
            store, "2025-11-20", sides=SIDES, add_channels=[("Jared Kushner", "Xi Jinping")]
        )
    assert [(c.a.name, c.b.name, c.status) for c in result.channels_new] == [
        ("Jared Kushner", "Xi Jinping", "active")
    ] or [(c.b.name, c.a.name, c.status) for c in result.channels_new] == [
        ("Jared Kushner", "Xi Jinping", "active")
    ]
    # Kushner holds no office in 2025: he reaches Trump only through a channel, so no new route
    assert result.capacity_after.count == result.capacity_before.count == 3
    with Store.open(store_path, read_only=True) as store:
        result = whatif(
            store,
            "2025-11-20",
            sides=SIDES,
            add_channels=[("Jared Kushner", "Donald Trump")],
            remove=["Jensen Huang"],
        )
    assert (result.capacity_before.count, result.capacity_after.count) == (3, 2)


def test_removing_a_leader_leaves_no_route(store_path: Path) -> None:
    with Store.open(store_path, read_only=True) as store:
        result = whatif(store, "2025-11-20", sides=SIDES, remove=["xi-jinping"])
    assert result.capacity_after.count == 0
    assert len(result.channels_cut) == 3  # Trump, Huang and South Korea lose Xi


def test_unknown_name_lists_close_matches(store_path: Path) -> None:
    with Store.open(store_path, read_only=True) as store:
        with pytest.raises(UsageError, match="did you mean 'Jensen Huang'"):
            whatif(store, "2025-11-20", sides=SIDES, remove=["Jenson Huang"])
        with pytest.raises(UsageError, match="nothing to change"):
            whatif(store, "2025-11-20", sides=SIDES)


def test_cli_shows_capacity_before_and_after(store_path: Path) -> None:
    base = ["whatif", "--db", str(store_path), "--as-of", "2025-11-20", "--remove", "He Lifeng"]
    text = _run(base)
    first = text.splitlines()[0]
    assert first.startswith("without He Lifeng on 2025-11-20: 2 channel(s) cut")
    assert "capacity Donald Trump → Xi Jinping 3 → 2" in first
    payload = json.loads(_run([*base, "--format", "json"]))
    assert payload["capacity"]["before"]["capacity"] == 3
    assert payload["capacity"]["after"]["capacity"] == 2


def _on_a_copy(
    store: Store, day: str, gone: list[str], added: list[tuple[dict[str, str], dict[str, str]]]
) -> tuple[list[Channel], list[tuple[str, str, int]], Capacity]:
    """The what-if by its definition: a copy of the store with the records changed, recomputed."""
    extra = [proposed_record(store, a, b, day) for a, b in added]
    with derived_store(store, drop_actors=gone, extra_records=extra) as mem:
        after = channels(mem, day, sides=SIDES)
        ranked = ranking(mem, day, sides=SIDES)
        cap = capacity(
            mem, day, sides=SIDES, source="x000", target="x001", found=after, without=gone
        )
    return after, ranked, cap


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_proposed_channels_on_the_index_equal_a_store_copy(tmp_path: Path, seed: int) -> None:
    path = random_store(tmp_path / "proposed.duckdb", seed)
    rng = random.Random(seed)
    with Store.open(path, read_only=True) as store:
        inputs = ChannelInputs.load(store)
        index = ChannelIndex.build(inputs, SIDES)
        arcs = ArcIndex.build(inputs.records, sides=SIDES)
        ids = [f"x{i:03d}" for i in range(40)]  # some have no records at all
        days = [*RANDOM_DATES, *rng.sample(inputs.starts, 6)]
        for day in days:
            gone = sorted(rng.sample(ids[2:], rng.choice((0, 0, 1, 3))))
            free = [i for i in ids if i not in gone]
            pairs = [tuple(rng.sample(free, 2)) for _ in range(rng.randrange(1, 4))]
            if rng.random() < 0.3:
                pairs.append(pairs[0][::-1])
            if rng.random() < 0.5:  # a leader's new channel: a new route, maybe
                pairs.append((rng.choice(ids[:2]), rng.choice(free[2:])))
            added = [(resolve_actor(store, a), resolve_actor(store, b)) for a, b in pairs]
            after, ranked, cap = _on_a_copy(store, day, gone, added)
            before = index.channels(day)
            extra = proposed_records(store, added, day)
            assert channel_changes(index, before, day, gone, extra)[0] == after, (day, pairs)
            assert arcs.rankings(day, gone, extra)[1] == ranked, (day, pairs)
            result = whatif(store, day, sides=SIDES, remove=gone, add_channels=pairs, index=index)
            assert result.capacity_after == cap
            after_by = {_pair(c): c for c in after}
            before_by = {_pair(c): c for c in before}
            assert list(result.channels_cut) == [c for c in before if _pair(c) not in after_by]
            assert list(result.channels_new) == [c for c in after if _pair(c) not in before_by]
            assert list(result.status_changed) == [
                (c, after_by[_pair(c)])
                for c in before
                if _pair(c) in after_by and after_by[_pair(c)].status != c.status
            ]
