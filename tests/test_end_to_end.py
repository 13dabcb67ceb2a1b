"""End to end, with the real model on real text: the seed article and the People's Daily sample."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from backchannel.cli import main

pytestmark = pytest.mark.model


def _json(argv: list[str]) -> Any:
    out = io.StringIO()
    assert main(argv, out=out) == 0
    return json.loads(out.getvalue())


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory: pytest.TempPathFactory, shared: Path) -> Path:
    db = tmp_path_factory.mktemp("seed") / "seed.duckdb"
    seed = shared / "seed" / "000_10a43b467e112d3e.txt"
    assert main(["run", str(seed), "--db", str(db), "--today", "2026-11-25", "--quiet"]) == 0
    return db


def _pair(channel: dict[str, Any]) -> set[str]:
    return {channel["a"]["name"], channel["b"]["name"]}


def _find(channels: list[dict[str, Any]], a: str, b: str) -> dict[str, Any]:
    for ch in channels:
        if _pair(ch) == {a, b}:
            return ch
    pytest.fail(f"no channel {a} – {b} in {[sorted(_pair(c)) for c in channels]}")


def test_seed_channels_have_status_and_reason(seed_db: Path) -> None:
    channels = _json(
        ["channels", "--db", str(seed_db), "--as-of", "2025-11-20", "--format", "json"]
    )
    assert _find(channels, "Scott Bessent", "He Lifeng")["status"] == "active"
    for a, b in [
        ("Jared Kushner", "Cui Tiankai"),
        ("Robert Lighthizer", "Liu He"),
        ("Jake Sullivan", "Wang Yi"),
    ]:
        ch = _find(channels, a, b)
        assert ch["status"] != "active", ch
        assert ch["reason"], ch


def test_seed_intermediaries_floated_not_contacts(seed_db: Path) -> None:
    events = _json(["events", "--db", str(seed_db), "--format", "json"])
    asserted = [e for e in events if e["modality"] == "asserted"]
    names = {(e["source"]["name"], e["target"]["name"]) for e in asserted}
    flat = {n for pair in names for n in pair}
    assert "Elon Musk" not in flat
    assert "Stephen Schwarzman" not in flat
    floated = [e for e in events if e["source"]["name"] in {"Elon Musk", "Stephen Schwarzman"}]
    assert floated and all(e["modality"] == "hypothetical" for e in floated)
    huang = [e for e in asserted if "Jensen Huang" in {e["source"]["name"], e["target"]["name"]}]
    partners = {
        e["target"]["name"] if e["source"]["name"] == "Jensen Huang" else e["source"]["name"]
        for e in huang
    }
    assert "Donald Trump" in partners
    assert any("Chinese" in p for p in partners)


def test_seed_role_changes(seed_db: Path) -> None:
    changes = _json(["role-changes", "--db", str(seed_db), "--format", "json"])
    got = {(c["actor"]["name"], c["change"]) for c in changes}
    assert ("Wang Qishan", "retired") in got
    assert ("Qin Gang", "removed") in got
    assert ("Liu Jianchao", "removed") in got


def test_seed_adverts_make_no_actors(seed_db: Path) -> None:
    actors = _json(["actors", "--db", str(seed_db), "--format", "json"])
    names = {a["name"] for a in actors}
    for bad in ("Industrial Monitor Direct", "NASA", "PLC"):
        assert bad not in names
    assert {"Sarah Beran", "Da Wei"} <= names


def test_seed_makes_no_generic_or_titled_junk(seed_db: Path) -> None:
    actors = _json(["actors", "--db", str(seed_db), "--format", "json"])
    made = {a["name"] for a in actors if a["actor_id"].startswith(("new:", "group:"))}
    assert made <= {"Sarah Beran", "Da Wei", "Chinese officials"}, made


def test_rerun_is_idempotent(seed_db: Path, shared: Path) -> None:
    before = _json(["events", "--db", str(seed_db), "--format", "json"])
    seed = shared / "seed" / "000_10a43b467e112d3e.txt"
    assert main(["run", str(seed), "--db", str(seed_db), "--quiet"]) == 0
    after = _json(["events", "--db", str(seed_db), "--format", "json"])
    assert before == after


@pytest.fixture(scope="module")
def pd_db(tmp_path_factory: pytest.TempPathFactory, shared: Path) -> Path:
    db = tmp_path_factory.mktemp("pd") / "pd.duckdb"
    sample = shared / "data" / "news" / "peoplesdaily_uschina_2018_sample.jsonl"
    assert main(["run", str(sample), "--db", str(db), "--quiet"]) == 0
    return db


def test_peoples_daily_buenos_aires_is_one_event_with_several_sources(pd_db: Path) -> None:
    events = _json(["events", "--db", str(pd_db), "--actor", "Xi Jinping", "--format", "json"])
    buenos = [
        e
        for e in events
        if {e["source"]["name"], e["target"]["name"]} == {"Xi Jinping", "Donald Trump"}
        and e["date"]["start"] == "2018-12-01"
        and e["modality"] == "asserted"
    ]
    assert buenos, [(e["source"]["name"], e["target"]["name"], e["date"]) for e in events]
    assert max(len(e["sources"]) for e in buenos) >= 2
    # one merged event per category, not one per article
    assert len({e["type"] for e in buenos}) == len(buenos)


def test_peoples_daily_wang_yi_meets_haass(pd_db: Path) -> None:
    events = _json(["events", "--db", str(pd_db), "--actor", "Wang Yi", "--format", "json"])
    haass = [
        e
        for e in events
        if "Richard Haass" in {e["source"]["name"], e["target"]["name"]}
        and e["type"] == "CONSULT"
        and e["date"]["start"] == "2018-09-28"
    ]
    assert haass, [(e["source"]["name"], e["target"]["name"], e["date"]) for e in events]
