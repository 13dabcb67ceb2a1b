"""What-if: channels cut, capacity lost and brokers moved when actors are taken out."""

from __future__ import annotations

import argparse
import io
import json
from pathlib import Path

import pytest

from backchannel.analysis.brokers import brokers
from backchannel.analysis.capacity import capacity
from backchannel.analysis.channels import channels
from backchannel.analysis.whatif import derived_store, whatif
from backchannel.cli_analysis import register
from backchannel.errors import UsageError
from backchannel.store import Store
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
