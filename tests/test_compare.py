"""Compare periods: the channel that existed then and is gone now must be named."""

from __future__ import annotations

import argparse
import io
import json
from pathlib import Path

import pytest

from backchannel.analysis.compare import compare
from backchannel.cli_analysis import register
from backchannel.errors import UsageError
from backchannel.store import Store
from test_capacity import build, meeting, person, scenario

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seed" / "000_10a43b467e112d3e.txt"
SIDES = ("USA", "CHN")
FIRST = ("2017-01-20", "2021-01-20")
SECOND = ("2025-01-20", "2025-11-20")


@pytest.fixture()
def store_path(tmp_path: Path) -> Path:
    extra = [meeting(person("jared-kushner"), person("cui-tiankai"), "2019-03-02", n=1)]
    return build(tmp_path / "compare.duckdb", [*scenario(), *extra])


def test_channel_of_the_first_period_is_reported_missing_with_the_reason(
    store_path: Path,
) -> None:
    with Store.open(store_path, read_only=True) as store:
        result = compare(store, FIRST, SECOND, sides=SIDES)
    lost = {frozenset((c.a.name, c.b.name)): later for c, later in result.lost}
    later = lost[frozenset(("Jared Kushner", "Cui Tiankai"))]
    assert later is not None and later.status == "severed" and "Kushner" in later.reason
    (kushner,) = [c for c, _ in result.lost]
    assert kushner.events == 2  # two meetings in the first period
    gained = {frozenset((c.a.name, c.b.name)) for c in result.gained}
    assert frozenset(("Scott Bessent", "He Lifeng")) in gained
    assert frozenset(("Donald Trump", "Xi Jinping")) in gained  # none in 2017–2021 here
    assert {b["name"] for b in result.brokers_gained} >= {"Xi Jinping"}


def test_swapping_the_periods_swaps_lost_and_gained(store_path: Path) -> None:
    with Store.open(store_path, read_only=True) as store:
        forward = compare(store, FIRST, SECOND, sides=SIDES)
        back = compare(store, SECOND, FIRST, sides=SIDES)
        with pytest.raises(UsageError, match="swap"):
            compare(store, ("2021-01-01", "2020-01-01"), SECOND, sides=SIDES)
    assert {c.first_contact for c, _ in forward.lost} == {c.first_contact for c in back.gained}
    assert len(forward.gained) == len(back.lost)


def test_cli_table_and_json(store_path: Path) -> None:
    parser = argparse.ArgumentParser(prog="backchannel")
    register(parser.add_subparsers(dest="command", required=True))
    argv = ["compare", "--db", str(store_path), "--from", FIRST[0], "--to", FIRST[1]]
    argv += ["--vs", *SECOND]
    out = io.StringIO()
    args = parser.parse_args(argv)
    assert args.func(args, out) == 0
    assert out.getvalue().startswith(
        "2017-01-20..2021-01-20 vs 2025-01-20..2025-11-20: 1 channel(s) lost"
    )
    out = io.StringIO()
    args = parser.parse_args([*argv, "--format", "json"])
    assert args.func(args, out) == 0
    payload = json.loads(out.getvalue())
    assert [c["a"]["name"] for c in payload["channels_lost"]] in (
        ["Jared Kushner"],
        ["Cui Tiankai"],
    )


@pytest.mark.model
@pytest.mark.slow
def test_seed_article_kushner_channel_no_longer_exists(tmp_path: Path) -> None:
    if not SEED.is_file():
        pytest.skip(f"seed article not found at {SEED}")
    from backchannel.cli import main

    db = tmp_path / "seed.duckdb"
    argv = ["run", str(ROOT / "examples" / "corpus"), str(SEED), "--db", str(db), "--quiet"]
    assert main([*argv, "--today", "2026-11-25"]) == 0
    with Store.open(db, read_only=True) as store:
        result = compare(store, FIRST, SECOND, sides=SIDES)
    lost = {frozenset((c.a.name, c.b.name)): c for c, _ in result.lost}
    kushner = lost[frozenset(("Jared Kushner", "Cui Tiankai"))]
    assert kushner.name == "Kushner channel"
    present_now = {frozenset((c.a.name, c.b.name)) for c in result.second.channels}
    assert not any("Jared Kushner" in pair for pair in present_now)
