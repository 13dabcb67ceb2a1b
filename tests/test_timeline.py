"""Timeline: per-period contact and a detected breakdown with its evidence."""

from __future__ import annotations

import argparse
import io
from pathlib import Path

from backchannel.analysis.channels import ChannelInputs, active_count, channels
from backchannel.analysis.timeline import binary_segmentation, timeline
from backchannel.cli_analysis import register
from backchannel.store import Store
from backchannel.synthetic import SIDES, synthetic_store
from test_capacity import build, meeting, person


def test_binary_segmentation_finds_a_clear_drop_and_not_noise() -> None:
    series = [6.0, 5.0, 7.0, 6.0, 6.0, 5.0, 0.0, 1.0, 0.0, 0.0, 1.0, 0.0]
    assert binary_segmentation(series, penalty=10.0) == [6]
    assert binary_segmentation([1.0, 0.0, 1.0, 1.0, 0.0, 1.0], penalty=10.0) == []


def test_monthly_contact_drop_is_named_with_dates_and_sentences(tmp_path: Path) -> None:
    trump, xi = person("donald-trump"), person("xi-jinping")
    bessent, he = person("scott-bessent"), person("he-lifeng")
    talks = []
    for month in range(1, 7):  # busy first half of 2025: four meetings a month
        for day, (a, b) in enumerate([(trump, xi), (bessent, he)] * 2, start=3):
            talks.append(meeting(a, b, f"2025-{month:02d}-{day * 2:02d}", n=month))
    db = build(tmp_path / "t.duckdb", talks)
    with Store.open(db, read_only=True) as store:
        result = timeline(store, "2025-12-31", sides=("USA", "CHN"), freq="month")
    assert [p["events"] for p in result.periods] == [4] * 6 + [0] * 6
    assert result.periods[0]["by_type"] == {"CONSULT": 4}
    assert result.periods[0]["leader_share"] == 0.5
    assert result.periods[5]["active_channels"] == 2
    (drop,) = [b for b in result.breaks if b.series == "contacts"]
    assert drop.kind == "breakdown" and drop.date == "2025-07-01"
    assert "drops from 4.0 to 0.0" in drop.label
    assert any("met" in e["sentence"] for e in drop.evidence)

    parser = argparse.ArgumentParser(prog="backchannel")
    register(parser.add_subparsers(dest="command", required=True))
    png = tmp_path / "t.png"
    args = parser.parse_args(
        ["timeline", "--db", str(db), "--as-of", "2025-12-31", "--png", str(png)]
    )
    out = io.StringIO()
    assert args.func(args, out) == 0
    assert out.getvalue().startswith("breakdown from 2025-07-01")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_active_count_is_the_number_of_active_channels_on_each_date(tmp_path: Path) -> None:
    # the timeline counts active channels without building them; channels() is the definition
    db = tmp_path / "synthetic.duckdb"
    synthetic_store(db, 150, 1500)
    with Store.open(db, read_only=True) as store:
        inputs = ChannelInputs.load(store)
        counts = []
        for day in ("2016-06-30", "2019-01-31", "2021-12-31", "2024-03-31", "2025-12-31"):
            found = channels(store, day, sides=SIDES, inputs=inputs)
            expected = sum(c.status == "active" for c in found)
            assert active_count(inputs, day, sides=SIDES) == expected, day
            counts.append(expected)
    assert any(counts) and len(set(counts)) > 1  # the dates differ, so the check means something
