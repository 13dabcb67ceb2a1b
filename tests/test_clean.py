"""The cleaner: what it must remove from a content-farm page, and what it must leave alone."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backchannel.clean import REASONS, CleanResult, clean, load_rules, removed_summary
from backchannel.errors import KnowledgeBaseError
from backchannel.model import Document

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED = SHARED / "seed" / "000_10a43b467e112d3e.txt"
PEOPLES_DAILY = SHARED / "data" / "news" / "peoplesdaily_uschina_2018_sample.jsonl"

SEED_MUST_GO = [
    "Special Offer Banner",
    "Industrial Monitor Direct is the leading supplier",
    "Industrial Monitor Direct delivers unmatched",
    "This article aggregates information",
    "All trademarks and copyrights belong",
    "Featured image is for illustrative purposes",
    "Leave a Reply",
    "Your email address will not be published",
    "shares similarities with how NASA reevaluates lunar lander strategies",
    "The situation reflects broader industry developments",
    "These challenges reflect how global systems resilience affects",
    "This effort parallels how organizations leverage specialized AI platforms",
    "These internal divisions complicate AI-powered systems",
    "- Professional coverage",
]
SEED_MUST_STAY = [
    "Treasury Secretary Scott Bessent and Chinese Vice Premier He Lifeng",
    "Jared Kushner’s relationship with then-Ambassador Cui Tiankai",
    "Robert Lighthizer and Liu He",
    "The retirement of experienced figures like Wang Qishan",
    "Nvidia’s Jensen Huang, Tesla’s Elon Musk, and Blackstone’s Stephen Schwarzman",
    "The removal of well-connected diplomats like Qin Gang and Liu Jianchao",
    "Current Ambassador to the US Xie Feng",
    "Unlike the Sullivan-Wang channel that operated during the Biden administration",
    "Sarah Beran of Macro Advisory Partners",
    "As Tsinghua University’s Da Wei observed",
    "the TikTok ownership resolution negotiated by Bessent and He",
    "Two potential solutions could break the current deadlock",
    "The reactivation of retired ambassador Cui Tiankai",
    "The Lost Art of Backchannel Diplomacy",
]


def _check_spans(original: str, result: CleanResult) -> None:
    previous_end = 0
    for span in result.removed:
        assert original[span.start : span.end] == span.text
        assert span.start >= previous_end, "removed spans overlap or are out of order"
        assert span.reason in REASONS
        previous_end = span.end


@pytest.fixture(scope="module")
def seed_text() -> str:
    if not SEED.exists():
        pytest.skip(f"seed article not found at {SEED} (../shared beside the checkout)")
    return SEED.read_text(encoding="utf-8")


def test_seed_adverts_filler_and_tail_are_removed(seed_text: str) -> None:
    result = clean(seed_text)
    removed = " ".join(span.text for span in result.removed)
    for phrase in SEED_MUST_GO:
        assert phrase in removed, phrase
        assert phrase not in result.text, phrase
    _check_spans(seed_text, result)


def test_seed_reporting_is_kept(seed_text: str) -> None:
    result = clean(seed_text)
    for phrase in SEED_MUST_STAY:
        assert phrase in result.text, phrase
    # the paragraph whose first sentence is filler keeps its second sentence
    assert "Sarah Beran of Macro Advisory Partners notes “contradictory impulses”" in result.text


def test_seed_reasons(seed_text: str) -> None:
    result = clean(seed_text)
    by_text = {span.text: span.reason for span in result.removed}
    assert by_text["Special Offer Banner"] == "advert"
    assert by_text["Leave a Reply"] == "comment-form"
    assert by_text["This article aggregates information from publicly available sources."] == (
        "boilerplate"
    )
    assert removed_summary(result) == {
        "advert": 3,
        "boilerplate": 3,
        "comment-form": 3,
        "duplicate-title": 1,
        "seo-filler": 5,
    }


def test_seed_keeps_headings_as_paragraphs(seed_text: str) -> None:
    result = clean(seed_text)
    assert "\n\nThe Lost Art of Backchannel Diplomacy\n\nDuring Donald Trump’s" in result.text
    # the paragraph that lost its filler sentence is not glued to its heading
    assert "\n\nDivisions Within the Trump Camp\n\nThe Trump administration itself" in result.text


def test_seed_is_a_fixed_point(seed_text: str) -> None:
    once = clean(seed_text)
    assert clean(once.text).removed == ()


def test_seed_through_the_text_reader(seed_text: str) -> None:
    """The pipeline's way: the reader takes the title line off, the cleaner gets it as title."""
    from backchannel.sources import read_inputs

    [document] = read_inputs([str(SEED)])
    assert isinstance(document, Document)
    result = clean(document.text, title=document.title)
    assert removed_summary(result)["duplicate-title"] == 1
    assert result.text.startswith("The Fragile State of US-China Dialogue\n\nTrade negotiations")
    assert result.text.endswith("benefits neither economy nor global stability.")


def test_peoples_daily_sample_is_left_alone() -> None:
    """Real reporting: the only removal allowed is a byline contact line."""
    if not PEOPLES_DAILY.exists():
        pytest.skip(f"People's Daily sample not found at {PEOPLES_DAILY}")
    total = removed = 0
    for line in PEOPLES_DAILY.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        result = clean(record["text"], title=record["title"])
        total += len(record["text"])
        for span in result.removed:
            assert span.reason == "boilerplate" and span.text.startswith("Contact the writer"), span
            removed += span.end - span.start
    assert removed / total < 0.001


EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "corpus"
ADVERTISERS = [
    "HarborShield",
    "RailForge",
    "PanelCore",
    "SecureTunnel",
    "ShieldLine",
    "FastLedger",
    "LinguaLeap",
    "dividend picks",
    "streaming platforms",
    "loyalty programmes",
]
PEOPLE = re.compile(r"\b(?:Trump|Xi|Biden|Bessent|He Lifeng|Kushner|Cui|Sullivan|Wang)\b")


def test_example_corpus_junk_goes_and_reporting_stays() -> None:
    """The project's example corpus: adverts and bridges injected by other hands."""
    from backchannel.sources import read_inputs

    if not EXAMPLES.exists():
        pytest.skip("examples/corpus not found")
    documents = [d for d in read_inputs([str(EXAMPLES)]) if isinstance(d, Document)]
    assert len(documents) >= 10
    for document in documents:
        result = clean(document.text, title=document.title)
        for name in ADVERTISERS:
            assert name not in result.text, (document.origin, name)
        for span in result.removed:
            if span.reason == "navigation":
                continue  # "Related: Who is Cui Tiankai?" is a link, not reporting
            assert not PEOPLE.search(span.text), (document.origin, span)
        if "phase-one" in document.origin or "geneva-talks" in document.origin:
            assert result.removed == (), document.origin  # the clean controls


# --- small examples in our own words ------------------------------------------------------

ARTICLE = "\n\n".join(
    [
        "Envoys Meet After Months of Silence",
        "The two ambassadors met in Geneva on Thursday for the first time since talks broke down "
        "in the spring. Officials said the meeting lasted three hours.",
        "Both governments described the conversation as frank. Neither side released a joint "
        "statement, and aides said the next meeting has not been scheduled.",
        "Share this article",
        "Facebook Twitter LinkedIn Email",
    ]
)


def test_share_row_and_share_line_are_navigation() -> None:
    result = clean(ARTICLE)
    assert {s.text: s.reason for s in result.removed} == {
        "Share this article": "navigation",
        "Facebook Twitter LinkedIn Email": "navigation",
    }
    assert result.text.startswith("Envoys Meet After Months of Silence\n\nThe two ambassadors")


def test_plain_reporting_is_untouched() -> None:
    text = ARTICLE.split("\n\nShare")[0]
    result = clean(text)
    assert result.removed == ()
    assert result.text == text


def test_weak_advert_cue_alone_is_reporting() -> None:
    text = "China is the leading supplier of rare earth elements to American manufacturers."
    assert clean(text).removed == ()


def test_advert_paragraph_and_its_banner() -> None:
    text = (
        "The minister arrived in Washington on Monday.\n\n"
        "Sponsored Banner\n\n"
        "Acme Widgets delivers unmatched turnkey automation solutions, the preferred choice "
        "for plant managers.\n\n"
        "Talks continue on Tuesday."
    )
    result = clean(text)
    assert [s.reason for s in result.removed] == ["advert", "advert"]
    assert (
        result.text == "The minister arrived in Washington on Monday.\n\nTalks continue on Tuesday."
    )


def test_heading_next_to_an_advert_without_advert_words_is_kept() -> None:
    text = (
        "Officials met on Monday.\n\nSpecial offers on industrial tablets, shop now.\n\n"
        "Talks in Geneva\n\nThe delegations met again on Tuesday."
    )
    result = clean(text)
    assert "Talks in Geneva" in result.text
    assert [s.reason for s in result.removed] == ["advert"]


def test_seo_bridge_in_own_words() -> None:
    body = (
        "The commerce ministers spoke by phone on Friday about export controls on chips. "
        "Both sides said the call was constructive."
    )
    bridge = "This standoff mirrors how streaming services rethink subscription bundles."
    result = clean(f"{body} {bridge}")
    assert [(s.text, s.reason) for s in result.removed] == [(bridge, "seo-filler")]
    assert result.text == body


TRADE_STORY = (
    "The commerce ministers of the two countries spoke by phone on Friday about export controls, "
    "tariffs and the purchase agreement signed last year. Both sides said the call was "
    "constructive and agreed that working teams would keep talking. A spokesman for the ministry "
    "said the negotiators had discussed farm purchases, chip export licences and the schedule for "
    "the next round of talks. Analysts said the call showed that the channel between the two trade "
    "teams was still open despite months of tension. The two governments have not agreed on a "
    "date for a meeting in person. Officials in Washington said a visit by the vice premier could "
    "happen before the end of the year, but Beijing has not confirmed the plan. The talks follow a "
    "period in which both sides raised tariffs on each other's goods and traded accusations over "
    "technology transfer."
)


@pytest.mark.parametrize(
    "bridge",
    [
        "The dispute reflects broader technology trends in enterprise cloud adoption.",
        "These tensions echo the way retailers adapt to shifting consumer habits in the holidays.",
        "Much like how companies adopt blockchain ledgers to build trust, both sides want proof.",
        "This dynamic parallels how smart manufacturing platforms balance automation and cost.",
        "Such uncertainty complicates AI-driven logistics planning for global shippers.",
        "This impasse resembles the way esports leagues negotiate sponsorship deals.",
    ],
)
def test_bridges_in_other_words_are_removed(bridge: str) -> None:
    result = clean(f"{TRADE_STORY} {bridge}")
    assert [(s.text, s.reason) for s in result.removed] == [(bridge, "seo-filler")]


@pytest.mark.parametrize(
    "reporting",
    [
        "This reflects China's long-standing position on Taiwan, the spokesman said.",
        "These talks mirror the format used in Geneva in 1955, when envoys met in secret.",
        "This is similar to how Beijing handled the 2001 spy plane incident, one analyst said.",
        "These tensions complicate efforts to schedule a summit before the election.",
        "The agreement highlights how tariffs affect farm exports in Iowa.",
        "The new rules affect AI chips sold by Nvidia to Chinese customers.",
        "Cloud computing firms such as Alibaba and Amazon compete for government contracts.",
    ],
)
def test_analysis_and_tech_reporting_are_kept(reporting: str) -> None:
    assert clean(f"{TRADE_STORY} {reporting}").removed == ()


def test_summary_sentence_without_bridge_is_kept() -> None:
    text = (
        "The spokesman repeated the ministry's position on Taiwan. "
        "This reflects a long-standing policy, he said."
    )
    assert clean(text).removed == ()


def test_decorated_and_repeated_titles() -> None:
    text = "Talks resume in Geneva | Example Daily\n\nThe envoys met on Monday."
    result = clean(text, title="Talks resume in Geneva")
    assert [s.reason for s in result.removed] == ["duplicate-title"]
    repeated = "Talks resume in Geneva\n\nThe envoys met on Monday.\n\nTalks resume in Geneva"
    result = clean(repeated)
    second = repeated.rindex("Talks resume")
    assert [(s.start, s.reason) for s in result.removed] == [(second, "duplicate-title")]
    assert result.text == "Talks resume in Geneva\n\nThe envoys met on Monday."


def test_comment_form_tail_takes_its_fields() -> None:
    text = (
        "The envoy left Beijing on Sunday.\n\nLeave a Reply\n\n"
        "Your email address will not be published.\n\nName *\n\nEmail *\n\nPost Comment"
    )
    result = clean(text)
    assert result.text == "The envoy left Beijing on Sunday."
    assert {s.reason for s in result.removed} == {"comment-form"}


def test_abbreviations_do_not_split_sentences() -> None:
    text = (
        "Mr. Wang met the U.S. envoy in Washington, D.C. on Monday. "
        "This effort parallels how organizations leverage cloud platforms."
    )
    result = clean(text)
    assert result.text == "Mr. Wang met the U.S. envoy in Washington, D.C. on Monday."


def test_single_newline_lines_keep_their_newline() -> None:
    text = "First line of the story.\nSecond line of the story."
    assert clean(text).text == text


def test_rules_are_loaded_once_and_validated(tmp_path: Path) -> None:
    assert load_rules() is load_rules()
    bundled = Path(__file__).resolve().parents[1] / "src" / "backchannel" / "data" / "clean"
    for name in ("lexicon.yaml", "seo_filler.yaml", "language.yaml"):
        (tmp_path / name).write_text((bundled / name).read_text(encoding="utf-8"), encoding="utf-8")
    assert load_rules(tmp_path).advert_threshold == load_rules().advert_threshold
    broken = (
        (bundled / "seo_filler.yaml")
        .read_text(encoding="utf-8")
        .replace("threshold: 2.0", "threshold: high", 1)
    )
    (tmp_path / "seo_filler.yaml").write_text(broken, encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match=r"seo_filler\.yaml: threshold"):
        load_rules(tmp_path)


def test_a_stopword_yaml_reads_as_a_boolean_is_refused(tmp_path: Path) -> None:
    # "no", "on" and "off" are stopwords; unquoted, YAML reads them as booleans
    assert {"no", "on", "off"} <= load_rules().stopwords
    bundled = Path(__file__).resolve().parents[1] / "src" / "backchannel" / "data" / "clean"
    for name in ("lexicon.yaml", "seo_filler.yaml", "language.yaml"):
        (tmp_path / name).write_text((bundled / name).read_text(encoding="utf-8"), encoding="utf-8")
    language = (tmp_path / "language.yaml").read_text(encoding="utf-8")
    (tmp_path / "language.yaml").write_text(language.replace('"off"', "off", 1), encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match="quote yes/no/on/off"):
        load_rules(tmp_path)


# --- properties ------------------------------------------------------------------------

PIECES = [
    "The envoy met the vice premier in Beijing on Monday.",
    "Officials said talks would resume.",
    "Special Offer Banner",
    "Acme is the leading supplier of seamless pc solutions, top-rated by experts.",
    "This effort parallels how organizations leverage AI platforms.",
    "These divisions complicate AI-powered systems.",
    "Leave a Reply",
    "Your email address will not be published.",
    "Required fields are marked *",
    "Read more: Talks resume",
    "Share this article",
    "Facebook Twitter",
    "Talks Resume - Professional coverage",
    "Talks Resume",
    "Mr. Li said the U.S. side agreed.",
    "Name *",
    "the talks went on",
    "",
]
SEPARATORS = [" ", "\n", "\n\n", "\n \n", "\r\n\r\n", "  "]
documents = st.lists(
    st.tuples(st.sampled_from(PIECES), st.sampled_from(SEPARATORS)), max_size=25
).map(lambda parts: "".join(p + s for p, s in parts))
any_text = st.one_of(st.text(), documents)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(any_text)
def test_spans_index_the_original_and_do_not_overlap(text: str) -> None:
    _check_spans(text, clean(text))


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(any_text)
def test_clean_text_is_never_longer(text: str) -> None:
    assert len(clean(text).text) <= len(text)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(any_text, st.sampled_from(["", "Talks Resume"]))
def test_clean_is_idempotent(text: str, title: str) -> None:
    once = clean(text, title=title).text
    twice = clean(once, title=title)
    assert twice.text == once
    assert twice.removed == ()
