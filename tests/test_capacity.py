"""Capacity: node-disjoint routes between the two leaders through active channels."""

from __future__ import annotations

import argparse
import io
import json
import random
from collections import deque
from collections.abc import Mapping, Sequence
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from backchannel.analysis.capacity import capacity, max_flow, resolve_actor
from backchannel.cli_analysis import register
from backchannel.errors import UsageError
from backchannel.model import (
    Actor,
    Document,
    Extraction,
    Participant,
    Role,
)
from backchannel.store import Store
from builders import one_event

ROOT = Path(__file__).resolve().parents[1]

ACTORS = {
    "donald-trump": Actor(
        "donald-trump",
        "Donald Trump",
        country="USA",
        aliases=("Trump",),
        roles=(
            Role("President of the United States", country="USA", start="2025-01-20", leader=True),
        ),
    ),
    "xi-jinping": Actor(
        "xi-jinping",
        "Xi Jinping",
        country="CHN",
        roles=(Role("President of China", country="CHN", start="2013-03-14", leader=True),),
    ),
    "scott-bessent": Actor(
        "scott-bessent",
        "Scott Bessent",
        country="USA",
        roles=(Role("Secretary of the Treasury", country="USA", start="2025-01-28"),),
    ),
    "jamieson-greer": Actor(
        "jamieson-greer",
        "Jamieson Greer",
        country="USA",
        roles=(Role("Trade Representative", country="USA", start="2025-02-26"),),
    ),
    "he-lifeng": Actor(
        "he-lifeng",
        "He Lifeng",
        country="CHN",
        roles=(Role("Vice Premier", country="CHN", start="2023-03-12"),),
    ),
    "jensen-huang": Actor("jensen-huang", "Jensen Huang", country="USA", sector="business"),
    "jared-kushner": Actor(
        "jared-kushner",
        "Jared Kushner",
        country="USA",
        roles=(Role("Senior Adviser", country="USA", start="2017-01-20", end="2021-01-20"),),
    ),
    "cui-tiankai": Actor(
        "cui-tiankai",
        "Cui Tiankai",
        country="CHN",
        roles=(Role("Ambassador", country="CHN", start="2013-04-01", end="2021-06-23"),),
    ),
}


def person(actor_id: str) -> Participant:
    a = ACTORS[actor_id]
    sector = a.roles[0].sector if a.roles else a.sector
    return Participant(actor_id, a.name, a.country, sector, "person")


KOREA = Participant("state:KOR", "South Korea", "KOR", "government", "state")


def meeting(a: Participant, b: Participant, day: str, n: int = 0) -> Extraction:
    text = f"{a.name} met {b.name} on {day} ({n})."
    doc = Document(Document.make_id(text), text, published=day, origin=text[:20])
    return one_event(doc, a, b, intensity=1.0)


def build(db: Path, extractions: list[Extraction]) -> Path:
    with Store.open(db) as store:
        store.migrate()
        store.sync_kb(SimpleNamespace(actors=ACTORS, own_actors=ACTORS))
        store.write(extractions)
        store.merge_events()
    return db


def scenario() -> list[Extraction]:
    p = person
    return [
        meeting(p("donald-trump"), p("xi-jinping"), "2025-10-30"),
        meeting(p("scott-bessent"), p("he-lifeng"), "2025-10-26"),
        meeting(p("jamieson-greer"), p("he-lifeng"), "2025-10-26"),
        meeting(p("donald-trump"), p("jensen-huang"), "2025-07-10"),
        meeting(p("jensen-huang"), p("xi-jinping"), "2025-07-16"),
        meeting(p("donald-trump"), KOREA, "2025-10-29"),
        meeting(KOREA, p("xi-jinping"), "2025-10-30"),
        meeting(p("jared-kushner"), p("cui-tiankai"), "2018-05-01"),
    ]


@pytest.fixture()
def store_path(tmp_path: Path) -> Path:
    return build(tmp_path / "cap.duckdb", scenario())


def test_max_flow_counts_node_disjoint_routes_not_edge_disjoint() -> None:
    # every route from s to t has to pass through m: one messenger, one route
    edges = [("s", "a"), ("s", "b"), ("a", "m"), ("b", "m"), ("m", "t"), ("m", "c"), ("c", "t")]
    adj: dict[str, list[str]] = {}
    for u, v in edges:
        adj.setdefault(u, []).append(v)
        adj.setdefault(v, []).append(u)
    count, paths = max_flow(adj, "s", "t")
    assert count == 1 and len(paths) == 1 and "m" in paths[0]


def reference_max_flow(
    adj: Mapping[str, Sequence[str]], source: str, target: str
) -> tuple[int, list[list[str]]]:
    """Edmonds–Karp on a dictionary of split nodes: ``max_flow`` before it used arrays."""
    if source not in adj or target not in adj:
        return 0, []
    big = len(adj) + 1
    cap: dict[tuple[Any, Any], int] = {}
    nbrs: dict[Any, list[Any]] = {}

    def arc(u: Any, v: Any, c: int) -> None:
        if (u, v) not in cap:
            nbrs.setdefault(u, []).append(v)
            nbrs.setdefault(v, []).append(u)
            cap.setdefault((v, u), 0)
        cap[(u, v)] = cap.get((u, v), 0) + c

    for node in adj:
        arc(("i", node), ("o", node), big if node in (source, target) else 1)
    for node, others in adj.items():
        for other in others:
            arc(("o", node), ("i", other), 1)
    flow: dict[tuple[Any, Any], int] = dict.fromkeys(cap, 0)
    s, t = ("o", source), ("i", target)
    total = 0
    while True:
        parent: dict[Any, Any] = {s: None}
        queue = deque([s])
        while queue and t not in parent:
            here = queue.popleft()
            for there in nbrs.get(here, []):
                if there not in parent and cap[(here, there)] - flow[(here, there)] > 0:
                    parent[there] = here
                    queue.append(there)
        if t not in parent:
            break
        there = t
        while parent[there] is not None:
            here = parent[there]
            flow[(here, there)] += 1
            flow[(there, here)] -= 1
            there = here
        total += 1
    used: dict[str, list[str]] = {}
    for u, vs in adj.items():
        for v in vs:
            net = flow.get((("o", u), ("i", v)), 0) - flow.get((("o", v), ("i", u)), 0)
            if net > 0:
                used.setdefault(u, []).append(v)
    paths: list[list[str]] = []
    for first in list(used.get(source, [])):
        path, node, seen = [source], first, {source}
        while node != target and node not in seen:
            path.append(node)
            seen.add(node)
            nxt = used.get(node, [])
            if not nxt:
                break
            node = nxt.pop(0)
        if node == target:
            paths.append([*path, target])
    paths.sort(key=lambda p: (len(p), p))
    return total, paths


def test_max_flow_finds_the_same_routes_as_the_dictionary_version() -> None:
    rng = random.Random(7)
    for trial in range(300):
        n = rng.randint(2, 40)
        names = [f"n{rng.randint(0, 999):03d}-{k}" for k in range(n)]
        rng.shuffle(names)
        edges = {tuple(sorted(rng.sample(names, 2))) for _ in range(rng.randint(0, 3 * n))}
        adj: dict[str, list[str]] = {v: [] for v in names}
        for a, b in edges:
            adj[a].append(b)
            adj[b].append(a)
        for v in adj:
            adj[v].sort(key=lambda x: (x[5:], x) if trial % 2 else (x, x))
        source, target = rng.sample(names, 2)
        assert max_flow(adj, source, target) == reference_max_flow(adj, source, target)


def test_leaders_have_three_routes_through_active_channels_and_chain_of_command(
    store_path: Path,
) -> None:
    with Store.open(store_path, read_only=True) as store:
        result = capacity(store, "2025-11-20", sides=("USA", "CHN"))
    assert (result.source["name"], result.target["name"]) == ("Donald Trump", "Xi Jinping")
    assert result.count == 3
    texts = [" → ".join(r.names) for r in result.routes]
    assert texts[0] == "Donald Trump → Xi Jinping"
    assert "Donald Trump → Jensen Huang → Xi Jinping" in texts
    # He Lifeng is one person: only one of Bessent and Greer gets a route through him
    via_he = [t for t in texts if "He Lifeng" in t]
    assert len(via_he) == 1 and via_he[0].endswith("He Lifeng → Xi Jinping")
    chain = [h for r in result.routes for h in r.hops if h.via == "chain of command"]
    assert {h.b for h in chain if h.a == "He Lifeng"} == {"Xi Jinping"}
    # routes are really node-disjoint
    inner = [n for r in result.routes for n in r.ids[1:-1]]
    assert len(inner) == len(set(inner))


def test_states_carry_messages_only_when_asked(store_path: Path) -> None:
    with Store.open(store_path, read_only=True) as store:
        result = capacity(store, "2025-11-20", sides=("USA", "CHN"), include_collectives=True)
    assert result.count == 4
    assert any("South Korea" in r.names for r in result.routes)


def test_dormant_channel_does_not_count_and_past_leader_is_used(tmp_path: Path) -> None:
    path = build(tmp_path / "old.duckdb", scenario())
    with Store.open(path, read_only=True) as store:
        # in 2019 the KB here knows no US leader: the user must name the end
        with pytest.raises(UsageError, match="--from"):
            capacity(store, "2019-01-01", sides=("USA", "CHN"))
        result = capacity(
            store, "2019-01-01", sides=("USA", "CHN"), source="Jared Kushner", target="cui-tiankai"
        )
        assert result.count == 1
        later = capacity(
            store, "2025-11-20", sides=("USA", "CHN"), source="jared kushner", target="Cui Tiankai"
        )
    assert later.count == 0 and later.routes == ()
    assert any("no active channel" in n for n in later.notes)


def test_names_resolve_by_alias_and_unknown_names_suggest(store_path: Path) -> None:
    with Store.open(store_path, read_only=True) as store:
        assert resolve_actor(store, "trump")["actor_id"] == "donald-trump"
        with pytest.raises(UsageError, match="Scott Bessent"):
            resolve_actor(store, "Scott Besent")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="backchannel")
    register(parser.add_subparsers(dest="command", required=True))
    return parser


def run_cli(argv: list[str]) -> str:
    args = _parser().parse_args(argv)
    out = io.StringIO()
    assert args.func(args, out) == 0
    return out.getvalue()


def test_cli_prints_the_count_and_the_paths(store_path: Path) -> None:
    text = run_cli(["capacity", "--db", str(store_path), "--as-of", "2025-11-20"])
    assert text.startswith("Donald Trump → Xi Jinping on 2025-11-20: 3 independent routes")
    assert "Jensen Huang" in text
    payload = json.loads(
        run_cli(["capacity", "--db", str(store_path), "--as-of", "2025-11-20", "--format", "json"])
    )
    assert payload["capacity"] == 3 and len(payload["routes"]) == 3
    csv_text = run_cli(
        ["capacity", "--db", str(store_path), "--as-of", "2025-11-20", "--format", "csv"]
    )
    assert csv_text.count("\n") == 4


@pytest.mark.model
def test_example_corpus_trump_xi(tmp_path: Path) -> None:
    from backchannel.cli import main

    db = tmp_path / "corpus.duckdb"
    argv = ["run", str(ROOT / "examples" / "corpus"), "--db", str(db), "--quiet"]
    assert main([*argv, "--today", "2026-11-25"]) == 0
    with Store.open(db, read_only=True) as store:
        result = capacity(store, "2025-11-20", sides=("USA", "CHN"))
    texts = [" → ".join(r.names) for r in result.routes]
    assert result.count == 3
    assert "Donald Trump → Xi Jinping" in texts
    # two of the US trade negotiators each carry one route (several equal decompositions exist)
    inner = {n for r in result.routes for n in r.names[1:-1]}
    assert len(inner & {"Scott Bessent", "Jamieson Greer", "Howard Lutnick"}) >= 2
