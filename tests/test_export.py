"""Exports: every format parses back, names survive escaping, ids are stable."""

from __future__ import annotations

import argparse
import csv
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from backchannel.cli_analysis import register
from backchannel.errors import UsageError
from backchannel.export import export
from backchannel.model import Participant
from backchannel.store import Store
from test_capacity import build, meeting, person, scenario

AS_OF = "2025-11-20"
EVIL_NAME = 'Evil <Co> & "Sons"\x07'
EVIL = Participant("evil-co", EVIL_NAME, "USA", "business", "organization")
G = "{http://graphml.graphdrawing.org/xmlns}"
X = "{http://gexf.net/1.3}"


@pytest.fixture()
def store_path(tmp_path: Path) -> Path:
    extra = [meeting(EVIL, person("xi-jinping"), "2025-09-01")]
    return build(tmp_path / "export.duckdb", [*scenario(), *extra])


def _export(path: Path, fmt: str) -> str:
    out = io.StringIO()
    with Store.open(path, read_only=True) as store:
        export(store, AS_OF, fmt, out, sides=("USA", "CHN"))
    return out.getvalue()


def test_graphml_parses_and_keeps_awkward_names(store_path: Path) -> None:
    root = ET.fromstring(_export(store_path, "graphml"))
    keys = {k.get("id"): k.get("attr.name") for k in root.iter(f"{G}key")}
    nodes = {n.get("id"): n for n in root.iter(f"{G}node")}
    name_key = next(k for k, v in keys.items() if v == "name" and k.startswith("n_"))
    evil = nodes["evil-co"]
    name = next(d.text for d in evil if d.get("key") == name_key)
    assert name == 'Evil <Co> & "Sons"'  # escaped on the way out, control char stripped
    edges = list(root.iter(f"{G}edge"))
    statuses = {
        (e.get("source"), e.get("target")): {d.get("key"): d.text for d in e} for e in edges
    }
    kushner = next(v for k, v in statuses.items() if "jared-kushner" in k)
    assert kushner["e_status"] == "severed" and kushner["e_first_contact"] == "2018-05-01"


def test_gexf_is_dynamic_with_date_spells(store_path: Path) -> None:
    root = ET.fromstring(_export(store_path, "gexf"))
    assert root.get("version") == "1.3"
    graph = root.find(f"{X}graph")
    assert graph is not None
    assert (graph.get("mode"), graph.get("timeformat")) == ("dynamic", "date")
    spells = {
        (e.get("source"), e.get("target")): e.find(f"{X}spells/{X}spell")
        for e in graph.iter(f"{X}edge")
    }
    trump_xi = next(s for k, s in spells.items() if set(k) == {"donald-trump", "xi-jinping"})
    assert trump_xi is not None
    assert (trump_xi.get("start"), trump_xi.get("end")) == ("2025-10-30", AS_OF)
    labels = {n.get("label") for n in graph.iter(f"{X}node")}
    assert 'Evil <Co> & "Sons"' in labels


def test_csv_json_and_parquet_agree(store_path: Path, tmp_path: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(_export(store_path, "csv"))))
    payload = json.loads(_export(store_path, "json"))
    target = tmp_path / "channels.parquet"
    with Store.open(store_path, read_only=True) as store:
        export(store, AS_OF, "parquet", target, sides=("USA", "CHN"))
        with pytest.raises(UsageError, match="-o"):
            export(store, AS_OF, "parquet", io.StringIO())
    table = pq.read_table(target).to_pylist()
    assert len(rows) == len(payload["edges"]) == len(table) == 9
    assert (
        {r["id"] for r in rows} == {e["id"] for e in payload["edges"]} == {r["id"] for r in table}
    )
    assert any(r["source_name"] == EVIL_NAME or r["target_name"] == EVIL_NAME for r in table)


def test_ftm_entities_link_up_and_ids_are_stable(store_path: Path) -> None:
    text = _export(store_path, "ftm")
    assert text == _export(store_path, "ftm")
    entities = [json.loads(line) for line in text.splitlines()]
    by_id = {e["id"]: e for e in entities}
    assert len(by_id) == len(entities)
    schemas = {e["schema"] for e in entities}
    assert {"Person", "Organization", "Position", "Occupancy", "UnknownLink", "Event"} <= schemas
    trump = next(e for e in entities if e["properties"].get("name") == ["Donald Trump"])
    occupancy = next(
        e
        for e in entities
        if e["schema"] == "Occupancy" and e["properties"]["holder"] == [trump["id"]]
    )
    post = by_id[occupancy["properties"]["post"][0]]
    assert post["properties"]["name"] == ["President of the United States"]
    assert occupancy["properties"]["startDate"] == ["2025-01-20"]
    link = next(
        e
        for e in entities
        if e["schema"] == "UnknownLink"
        and trump["id"] in e["properties"]["subject"]
        and by_id[e["properties"]["object"][0]]["properties"]["name"] == ["Xi Jinping"]
    )
    assert "Donald Trump met Xi Jinping" in link["properties"]["description"][0]
    for e in entities:  # every entity reference resolves
        for prop in ("holder", "post", "subject", "object", "involved"):
            for ref in e["properties"].get(prop, []):
                assert ref in by_id


def test_cli_writes_to_file_or_stdout(store_path: Path, tmp_path: Path) -> None:
    parser = argparse.ArgumentParser(prog="backchannel")
    register(parser.add_subparsers(dest="command", required=True))
    base = ["export", "--db", str(store_path), "--as-of", AS_OF]
    args = parser.parse_args([*base, "--format", "gexf"])
    out = io.StringIO()
    assert args.func(args, out) == 0
    ET.fromstring(out.getvalue())
    target = tmp_path / "g.graphml"
    args = parser.parse_args([*base, "--format", "graphml", "-o", str(target)])
    assert args.func(args, io.StringIO()) == 0
    ET.parse(target)
    args = parser.parse_args([*base, "--format", "parquet"])
    with pytest.raises(UsageError):
        args.func(args, io.StringIO())
