"""The evaluation harness: scoring rules, the project gold set's integrity, the CLI."""

from __future__ import annotations

import argparse
import io
import json
from pathlib import Path
from typing import get_args

import pytest

from backchannel.errors import UsageError
from backchannel.evaluate import evaluate
from backchannel.evaluate.metrics import bcubed, macro_f1, match_multisets, per_label
from backchannel.evaluate.ontology import cameo_country, cameo_to_plover, load_cameo_table, penta
from backchannel.evaluate.project import (
    GoldEvent,
    actor_key,
    default_path,
    gold_key,
    load,
    miss_causes,
)
from backchannel.kb import KnowledgeBase
from backchannel.model import UNKNOWN_DATE, Event, Modality, Participant

ROOT = Path(__file__).resolve().parents[1]


def test_multiset_matching_counts_duplicates_once_each() -> None:
    c = match_multisets(["a", "a", "b"], ["a", "c"])
    assert (c.tp, c.fp, c.fn) == (1, 1, 2)
    assert c.precision == 0.5 and c.recall == pytest.approx(1 / 3)


def test_macro_f1_scores_an_unseen_label_zero() -> None:
    counts = per_label([("x", "x"), ("y", "x")])
    assert counts["x"].f1 == pytest.approx(2 / 3)
    assert macro_f1(counts, ["x", "y"]) == pytest.approx(1 / 3)


def test_bcubed_perfect_and_all_singletons() -> None:
    gold = {"m1": "A", "m2": "A", "m3": "B"}
    assert bcubed(gold, gold) == (1.0, 1.0)
    precision, recall = bcubed(gold, {})
    assert precision == 1.0 and recall == pytest.approx((0.5 + 0.5 + 1) / 3)


def test_states_and_groups_of_one_country_are_one_actor() -> None:
    assert actor_key("state:CHN") == actor_key("group:CHN:officials") == "country:CHN"
    assert actor_key("wang-yi") == "wang-yi"


def test_consult_is_undirected_but_accuse_is_not() -> None:
    def ev(s: str, t: str, typ: str) -> GoldEvent:
        return GoldEvent(s, t, typ, "", "asserted", None, None)

    assert gold_key(ev("a", "b", "CONSULT")) == gold_key(ev("b", "a", "CONSULT"))
    assert gold_key(ev("a", "b", "ACCUSE")) != gold_key(ev("b", "a", "ACCUSE"))


def test_cameo_table_takes_the_longest_known_prefix(tmp_path: Path) -> None:
    table_file = tmp_path / "c2p.txt"
    table_file.write_text(
        "# header\n04: CONSULT\n042: CONSULT, visit,  # Make a visit\n"
        "08: CONCEDE\n08: RETREAT\n~~~~~\n99: IGNORED\n",
        encoding="utf-8",
    )
    table = load_cameo_table(table_file)
    assert cameo_to_plover("0421", table) == "CONSULT"
    assert cameo_to_plover("081", table) == "CONCEDE"
    assert cameo_to_plover("99", table) is None
    assert penta("DISAPPROVE") == penta("ACCUSE") == "verbal-conflict"


def test_project_gold_set_is_complete_and_uses_known_actors() -> None:
    records = load(default_path())
    sentences = [r for r in records if r.kind == "sentence"]
    articles = [r for r in records if r.kind == "article"]
    assert len(sentences) >= 200 and len(articles) >= 10
    assert {r.split for r in records} == {"dev", "test"}
    assert len({r.item.item_id for r in records}) == len(records)
    kb = KnowledgeBase.load()
    for r in records:
        for e in r.events:
            _check_actor(kb, e.source)
            _check_actor(kb, e.target)
        for c in r.changes:
            assert c.actor in kb.actors, (r.item.item_id, c.actor)
    assert any(not r.events and not r.changes for r in records)  # hard negatives


def _check_actor(kb: KnowledgeBase, actor: str) -> None:
    if actor.startswith(("state:", "group:")):
        assert actor.split(":")[1] in set(kb.states), actor
    elif not actor.startswith("new:"):
        assert actor in kb.actors, actor


def test_news_audit_judgements_are_complete_and_use_known_actors() -> None:
    # gold/news_audit.jsonl: hand judgements of events coded from real news
    # (scripts/news_audit.py); the news text itself is not shipped.
    kb = KnowledgeBase.load()
    lines = (default_path().parent / "news_audit.jsonl").read_text(encoding="utf-8").splitlines()
    keys = set()
    for line in lines:
        j = json.loads(line)
        assert set(j) == {"doc", "sentence", "source", "target", "type", "modality", "right", "why"}
        assert j["doc"].split(":")[0] in {"nyt", "pd"} and isinstance(j["sentence"], int)
        assert isinstance(j["right"], bool) and j["why"].strip(), j
        assert j["type"].isupper() and j["modality"] in get_args(Modality), j
        for actor in (j["source"], j["target"]):
            _check_actor(kb, actor)
        keys.add(tuple(j[k] for k in ("doc", "sentence", "source", "target", "type", "modality")))
    assert len(keys) == len(lines) >= 50


@pytest.mark.parametrize(("name", "documents"), [("news_recall.jsonl", 45), ("news_dev.jsonl", 96)])
def test_news_annotations_are_complete_and_use_known_actors(name: str, documents: int) -> None:
    # gold/news_recall.jsonl (held out) and gold/news_dev.jsonl (for development):
    # every event a reader finds in real news documents.
    kb = KnowledgeBase.load()
    lines = (default_path().parent / name).read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert len({r["doc"] for r in records}) == len(records) == documents
    assert any(not r["events"] for r in records)  # documents with nothing to code
    for r in records:
        assert set(r) <= {"doc", "events", "note"}, r["doc"]
        for e in r["events"]:
            assert set(e) == {"source", "target", "type", "modality"}, r["doc"]
            assert e["type"].isupper() and e["modality"] in get_args(Modality), r["doc"]
            _check_actor(kb, e["source"])
            _check_actor(kb, e["target"])


def test_news_development_documents_are_not_the_held_out_ones() -> None:
    gold = default_path().parent
    annotated = {
        name: {json.loads(line)["doc"] for line in (gold / name).read_text().splitlines()}
        for name in ("news_recall.jsonl", "news_dev.jsonl", "news_audit.jsonl")
    }
    assert not annotated["news_dev.jsonl"] & annotated["news_recall.jsonl"]
    assert not annotated["news_dev.jsonl"] & annotated["news_audit.jsonl"]


def test_unknown_gold_set_is_a_usage_error_listing_the_choices() -> None:
    with pytest.raises(UsageError, match="project, plover"):
        evaluate("conll")


def test_missing_public_data_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="--data"):
        evaluate("plover", data=tmp_path / "nowhere")


@pytest.mark.model
def test_cli_prints_project_figures_as_json() -> None:
    from backchannel.cli_evaluate import register

    parser = argparse.ArgumentParser()
    register(parser.add_subparsers())
    args = parser.parse_args(["evaluate", "--gold", "project", "--limit", "12", "--format", "json"])
    out = io.StringIO()
    assert args.func(args, out) == 0
    reports = {r["gold"]: r for r in json.loads(out.getvalue())}
    assert set(reports) == {"project.dev", "project.test", "project"}
    assert reports["project"]["items"] == 12
    assert 0.0 < reports["project"]["measures"]["event_f1"]["value"] <= 1.0


def _gold(source: str, target: str, etype: str, modality: str = "asserted") -> GoldEvent:
    return GoldEvent(source, target, etype, "", modality, None, None)


def _predicted(source: str, target: str, etype: str, modality: str = "asserted") -> Event:
    def side(actor_id: str) -> Participant:
        return Participant(actor_id, actor_id)

    return Event(
        "e",
        "d",
        "",
        0,
        etype,
        "",
        side(source),
        side(target),
        UNKNOWN_DATE,
        modality,
        "",  # type: ignore[arg-type]
    )


def test_each_unmatched_event_is_given_a_cause() -> None:
    gold = [
        _gold("xi-jinping", "joe-biden", "CONSULT"),  # met as a plan: other modality
        _gold("state:USA", "state:CHN", "ACCUSE"),  # coded the other way round
        _gold("wang-yi", "antony-blinken", "AGREE"),  # coded as a meeting
        _gold("li-qiang", "janet-yellen", "CONSULT"),  # both named, nothing coded
        _gold("dong-jun", "lloyd-austin", "CONSULT"),  # Austin never linked
        _gold("group:JPN:officials", "marco-rubio", "CONSULT"),  # the Japanese side never linked
        _gold("he-lifeng", "scott-bessent", "CONSULT"),  # right
    ]
    predicted = [
        _predicted("xi-jinping", "joe-biden", "CONSULT", "planned"),
        _predicted("state:CHN", "state:USA", "ACCUSE"),
        _predicted("wang-yi", "antony-blinken", "CONSULT"),
        _predicted("he-lifeng", "scott-bessent", "CONSULT"),
        _predicted("he-lifeng", "jamieson-greer", "CONSULT"),  # not in the gold
    ]
    linked = {"li-qiang", "janet-yellen", "dong-jun", "marco-rubio"}
    missed, spurious = miss_causes(gold, predicted, linked)
    assert sorted(missed) == sorted(
        [
            "other modality",
            "reversed",
            "other type",
            "no event for the pair",
            "a named actor not linked",
            "a state or group not linked",
        ]
    )
    assert sorted(spurious) == sorted(
        ["other modality", "reversed", "other type", "pair not in the gold"]
    )
    assert miss_causes([], predicted[:1], set())[1] == ["no gold event"]


def test_un_bodies_compare_as_igo_against_cameo_coded_gold() -> None:
    # CAMEO codes the UN IGOUNO; PLOVER and PETR-2 gold keep its first three letters
    assert cameo_country("UNO") == "IGO"
    assert cameo_country("IGO") == "IGO"
    assert cameo_country("NGO") == "NGO"
    assert cameo_country("CHN") == "CHN"


def test_plover_reads_a_promise_as_the_codebook_does() -> None:
    from types import SimpleNamespace
    from typing import Any

    from backchannel.evaluate.ontology import plover_category

    def ev(typ: str, modality: str, mode: str = "") -> Any:
        return SimpleNamespace(type=typ, modality=modality, mode=mode)

    # "willing to meet in the future" is AGREE; a promise to withdraw is CONCEDE
    assert plover_category(ev("CONSULT", "planned", "visit")) == "AGREE"
    assert plover_category(ev("CONSULT", "asserted", "visit")) == "CONSULT"
    assert plover_category(ev("RETREAT", "planned", "withdraw")) == "CONCEDE"
