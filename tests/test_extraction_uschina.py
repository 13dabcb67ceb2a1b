"""Agreements, sanctions, export controls and appointments in the wording of US–China news.

Each sentence is invented for the test, in the style of the project gold set
(docs/annotation.md); the test says what a reader would expect recorded.
"""

from __future__ import annotations

from typing import Any

import pytest

from backchannel.model import Document, Extraction

pytestmark = pytest.mark.model


def _extract(extractor: Any, text: str, published: str) -> Extraction:
    doc = Document(Document.make_id(text), text, published=published, origin="test")
    ex = extractor.process(doc)
    assert isinstance(ex, Extraction), ex
    return ex


def _changes(extractor: Any, text: str, published: str = "2025-11-20") -> set[tuple[str, str]]:
    ex = _extract(extractor, text, published)
    return {(c.actor.actor_id, c.change) for c in ex.role_changes}


def _events(extractor: Any, text: str, published: str = "2025-11-20") -> set[tuple[str, ...]]:
    ex = _extract(extractor, text, published)
    return {(e.source.actor_id, e.target.actor_id, e.type, e.mode, e.modality) for e in ex.events}


def test_adding_to_an_entity_list_is_an_export_control(extractor: Any) -> None:
    got = _events(extractor, "The Commerce Department added Tencent to its entity list on Tuesday.")
    assert ("us-commerce-department", "tencent", "SANCTION", "export-control", "asserted") in got
    # "added that …" is speech, not a listing
    said = _events(extractor, "Bessent added that the talks with He Lifeng were useful.")
    assert not any(e[2] == "SANCTION" for e in said)


def test_tightening_or_unveiling_curbs_is_a_sanction(extractor: Any) -> None:
    got = _events(extractor, "Beijing tightened curbs on exports of graphite to the United States.")
    assert ("state:CHN", "state:USA", "SANCTION", "export-control", "asserted") in got
    # one who condemns the curbs does not impose them
    assert not any(e[2] == "SANCTION" for e in _events(extractor, "China condemned the curbs."))


def test_visa_bans_take_the_mode_of_the_ban(extractor: Any) -> None:
    got = _events(extractor, "The State Department imposed visa bans on Chinese officials.")
    assert ("us-state-department", "group:CHN:officials", "SANCTION", "sanction", "asserted") in got


def test_an_order_banning_dealings_is_the_signers_sanction(extractor: Any) -> None:
    got = _events(extractor, "Trump signed an executive order banning transactions with Alibaba.")
    assert ("donald-trump", "alibaba", "SANCTION", "sanction", "asserted") in got


def test_a_countrys_refineries_stand_for_the_state(extractor: Any) -> None:
    got = _events(extractor, "Washington sanctioned three Chinese refineries.")
    assert ("state:USA", "state:CHN", "SANCTION", "sanction", "asserted") in got


def test_phrasal_agreements_and_joint_statements(extractor: Any) -> None:
    signed_off = _events(
        extractor, "US and Chinese negotiators signed off on a plan to cut port fees."
    )
    assert any(e[2] == "AGREE" and e[4] == "asserted" for e in signed_off)
    worked_out = _events(extractor, "Washington and Beijing worked out a truce on Saturday.")
    assert ("state:USA", "state:CHN", "AGREE", "consensus", "asserted") in worked_out
    joint = _events(extractor, "Wang Yi and Rubio issued a joint statement on Tuesday.")
    assert ("wang-yi", "marco-rubio", "AGREE", "consensus", "asserted") in joint


def test_what_a_deal_is_on_is_no_party(extractor: Any) -> None:
    got = _events(extractor, "Washington and Beijing reached a deal on Nvidia on Friday.")
    assert ("state:USA", "state:CHN", "AGREE", "consensus", "asserted") in got
    assert not any("nvidia" in (e[0], e[1]) for e in got)


def test_would_not_is_a_refusal_and_might_not_a_doubt(extractor: Any) -> None:
    would = _events(extractor, "Lutnick said he would not lift the controls on China.")
    assert ("howard-lutnick", "state:CHN", "RETREAT", "ease", "negated") in would
    might = _events(extractor, "Lutnick said he might not lift the controls on China.")
    assert ("howard-lutnick", "state:CHN", "RETREAT", "ease", "hypothetical") in might


def test_a_call_to_a_person_parsed_as_a_complement(extractor: Any) -> None:
    got = _events(extractor, "Officials said Li Qiang had called Yellen.")
    assert ("li-qiang", "janet-yellen", "CONSULT", "phone", "asserted") in got


def test_a_leaders_administration_is_the_government(extractor: Any) -> None:
    got = _events(extractor, "The Obama administration imposed tariffs on Chinese steel.")
    assert ("group:USA:administration", "state:CHN", "SANCTION", "tariff", "asserted") in got
    met = _events(extractor, "Biden administration officials met Chinese negotiators.")
    assert ("group:USA:officials", "group:CHN:negotiators", "CONSULT", "meet", "asserted") in met


def test_sworn_in_or_becoming_a_minister_is_an_appointment(extractor: Any) -> None:
    assert ("jd-vance", "appointed") in _changes(
        extractor, "Markets rose after Vance was sworn in on Monday.", "2025-01-21"
    )
    assert ("dong-jun", "appointed") in _changes(
        extractor, "Dong Jun became defence minister in December.", "2024-01-05"
    )
    # becoming something that is no post is no appointment
    assert _changes(extractor, "Dong Jun became more outspoken in December.", "2024-01-05") == set()


def test_picking_someone_for_a_post_is_an_appointment_and_leaving_it_a_departure(
    extractor: Any,
) -> None:
    got = _changes(extractor, "Biden picked Antony Blinken as secretary of state.", "2020-11-24")
    assert got == {("antony-blinken", "appointed")}
    got = _changes(extractor, "Cui Tiankai left his post as ambassador in June.", "2021-06-24")
    assert got == {("cui-tiankai", "retired")}
    # a pick for no post, and leaving a place, change no one's role
    assert not _changes(extractor, "Biden picked Blinken for the trip.", "2022-01-10")
    assert not _changes(extractor, "Cui Tiankai left Washington in June.", "2021-06-24")


def test_firing_someone_on_a_day_is_no_shooting(extractor: Any) -> None:
    ex = _extract(extractor, "Trump fired Rex Tillerson on Tuesday.", "2018-03-14")
    assert {(c.actor.actor_id, c.change) for c in ex.role_changes} == {("rex-tillerson", "removed")}
    assert not [e for e in ex.events if e.type == "ASSAULT"]


def test_a_ministry_without_its_country_is_the_sides_own(extractor: Any) -> None:
    got = _events(extractor, "The commerce ministry accused Washington of breaking the truce.")
    assert ("chinese-commerce-ministry", "state:USA", "ACCUSE", "allege", "asserted") in got
    treasury = _events(extractor, "The Treasury sanctioned two Chinese banks on Friday.")
    assert ("us-treasury", "state:CHN", "SANCTION", "sanction", "asserted") in treasury
    # "the Treasury secretary" is a title, its holder the one who met
    met = _events(extractor, "The Treasury secretary met He Lifeng.", "2025-03-21")
    assert ("scott-bessent", "he-lifeng", "CONSULT", "meet", "asserted") in met


def test_a_partys_own_capital_is_a_place(extractor: Any) -> None:
    got = _events(extractor, "The White House invited Li Qiang to Washington for talks.")
    assert ("white-house", "li-qiang", "REQUEST", "invite", "asserted") in got
    assert not any(e[1] == "state:USA" for e in got)


def test_a_plans_month_lies_ahead(extractor: Any) -> None:
    ex = _extract(extractor, "Bessent said he would travel to Beijing in March.", "2025-11-20")
    visit = next(e for e in ex.events if e.mode == "visit")
    assert visit.modality == "planned"
    assert (visit.date.start, visit.date.end) == ("2026-03-01", "2026-03-31")


def test_one_side_agreeing_to_buy_the_others_goods(extractor: Any) -> None:
    got = _events(extractor, "Japan agreed to purchase American chips worth 5 billion dollars.")
    assert any(e[:3] == ("state:JPN", "state:USA", "AGREE") for e in got)
    # agreeing to meet is the planned meeting, not an agreement with the one met
    visit = _events(extractor, "Xi agreed to visit Washington.")
    assert not any(e[2] == "AGREE" for e in visit)


def test_declining_a_call_from_someone_rejects_them(extractor: Any) -> None:
    got = _events(extractor, "Beijing declined a call from Hegseth last month.")
    assert ("state:CHN", "pete-hegseth", "REJECT", "", "asserted") in got


def test_a_sides_untargeted_sanction_or_threat_aims_at_the_other_side(extractor: Any) -> None:
    got = _events(extractor, "Beijing announced new export controls on graphite on Monday.")
    assert ("state:CHN", "state:USA", "SANCTION", "export-control", "asserted") in got
    threat = _events(extractor, "Trump threatened to raise tariffs again.")
    assert ("donald-trump", "state:CHN", "THREATEN", "", "asserted") in threat
    # a named but unlinked target is no one to guess; a third country aims at no side
    assert _events(extractor, "Nguyen, who was sanctioned by Washington, spoke.") == set()
    assert _events(extractor, "Canada imposed tariffs on steel.") == set()


def test_it_in_a_denial_is_the_one_denying(extractor: Any) -> None:
    got = _events(extractor, "Japan denied that it had agreed to buy American chips.")
    assert ("state:JPN", "state:USA", "AGREE", "consensus", "denied") in got


def test_him_as_an_object_is_the_last_person_but_the_doer(extractor: Any) -> None:
    got = _events(
        extractor, "On Tuesday Yellen met Li Qiang, who urged her to ease the curbs.", "2024-04-10"
    )
    assert ("li-qiang", "janet-yellen", "REQUEST", "", "asserted") in got


def test_a_removal_reported_twice_in_an_article_is_one(extractor: Any) -> None:
    text = (
        "China removed Li Shangfu as defence minister on Tuesday.\n\n"
        "Dong Jun was named to replace him."
    )
    changes = [
        (c.actor.actor_id, c.change) for c in _extract(extractor, text, "2023-12-30").role_changes
    ]
    assert changes.count(("li-shangfu", "removed")) == 1
    assert ("dong-jun", "appointed") in changes


def test_a_state_acting_on_its_own_group_is_an_event(extractor: Any) -> None:
    got = _events(extractor, "Chile is investigating Chilean extremists for the attacks.")
    assert any(e[0] == "state:CHL" and e[1] == "group:CHL:rebel" for e in got)


def test_a_successor_is_appointed_by_the_succession_verb(extractor: Any) -> None:
    replaced = _changes(extractor, "Zhang Yesui was replaced as ambassador by Cui Tiankai.")
    assert replaced == {("zhang-yesui", "removed"), ("cui-tiankai", "appointed")}
    swapped = _changes(extractor, "Beijing replaced Chen Deming with Gao Hucheng on Friday.")
    assert swapped == {("chen-deming", "removed"), ("gao-hucheng", "appointed")}
    # the one succeeded may have left long before: only the successor changes now
    assert _changes(extractor, "Gao Hucheng succeeded Chen Deming as commerce minister.") == {
        ("gao-hucheng", "appointed")
    }
    assert _changes(extractor, "Chen Deming was succeeded by Gao Hucheng.") == {
        ("gao-hucheng", "appointed")
    }
    assert _changes(extractor, "Zhong Shan took over from Gao Hucheng on Monday.") == {
        ("zhong-shan", "appointed")
    }


def test_phrasal_and_confirmation_wordings_of_a_post(extractor: Any) -> None:
    assert ("ash-carter", "appointed") in _changes(
        extractor, "Ash Carter took office as defence secretary on Tuesday."
    )
    assert ("chuck-hagel", "retired") in _changes(
        extractor, "Chuck Hagel stepped down as defence secretary on Monday."
    )
    assert ("max-baucus", "appointed") in _changes(
        extractor, "Max Baucus was confirmed by the Senate as ambassador to China on Thursday."
    )
    assert ("wang-yi", "appointed") in _changes(
        extractor, "Wang Yi returned as foreign minister on Tuesday."
    )
    assert ("li-shangfu", "removed") in _changes(
        extractor, "Li Shangfu has been suspended pending an investigation."
    )
    # a confirmation of a fact, a return to a place, a post taken as a topic: nothing
    assert _changes(extractor, "Wang Yi confirmed the talks would go ahead.") == set()
    assert _changes(extractor, "Wang Yi returned to Beijing on Tuesday.") == set()


def test_a_post_taken_only_as_a_point_in_time_is_no_change(extractor: Any) -> None:
    undated = _changes(extractor, "Wang Yi and Rubio have not met since Rubio took office.")
    assert undated == set()
    dated = "Wang Yi and Rubio have not met since Rubio took office in January."
    assert ("marco-rubio", "appointed") in _changes(extractor, dated)


def test_a_post_under_a_succession_verb_is_no_intermediary(extractor: Any) -> None:
    got = _events(extractor, "Xie Zhenhua retired as China's climate envoy on Friday.")
    assert not any(e[3] == "third-party" for e in got)


def test_a_given_name_that_is_a_kb_surname_is_another_person(extractor: Any) -> None:
    got = _changes(extractor, "Guo Hua, a senior general, has been suspended.")
    assert ("hua-chunying", "removed") not in got
    # a surname written last may follow a given name the KB spells otherwise
    met = _events(extractor, "Ashton Carter met Xi Jinping on Monday.")
    assert ("ash-carter", "xi-jinping", "CONSULT", "meet", "asserted") in met


def test_agreements_sealed_inked_clinched_or_committed_to(extractor: Any) -> None:
    agree = ("state:USA", "state:JPN", "AGREE")
    clinched = _events(extractor, "Washington and Tokyo clinched a deal on Friday.")
    assert any(e[:3] == agree and e[4] == "asserted" for e in clinched)
    sealed = _events(extractor, "The United States and Japan sealed a truce on Monday.")
    assert any(e[:3] == agree for e in sealed)
    inked = _events(extractor, "Rubio and Wang Yi inked an accord on Tuesday.")
    assert ("marco-rubio", "wang-yi", "AGREE", "sign", "asserted") in inked
    committed = _events(extractor, "Yellen and He Lifeng committed to keeping talks going.")
    assert ("janet-yellen", "he-lifeng", "AGREE", "consensus", "asserted") in committed
    jointly = _events(extractor, "The United States and Japan pledged jointly to cut methane.")
    assert any(e[:3] == agree for e in jointly)
    # a deal only hoped for, or one a party is accused of breaking, is no agreement
    assert _events(extractor, "Markets rallied on hopes of a trade deal.") == set()
    broken = _events(extractor, "Trump accused Japan of violating the Osaka deal.")
    assert not any(e[2] == "AGREE" for e in broken)
    welcomed = _events(extractor, "Rubio and Wang Yi welcomed the deal on Tuesday.")
    assert not any(e[2] == "AGREE" for e in welcomed)


def test_a_deal_named_as_a_noun_with_its_parties(extractor: Any) -> None:
    reached = _events(extractor, "The deal reached by Yellen and Liu He in April covers chips.")
    assert ("janet-yellen", "liu-he", "AGREE", "consensus", "asserted") in reached
    owned = _events(extractor, "Tokyo's deal with Washington lowers tariffs on cars.")
    assert ("state:JPN", "state:USA", "AGREE", "consensus", "asserted") in owned
    passive = _events(extractor, "A deal was struck between Washington and Tokyo on Friday.")
    assert any(e[:3] == ("state:USA", "state:JPN", "AGREE") for e in passive)
    # what the sentence plans for a deal already reached does not make it planned
    told = _events(extractor, "Greer said the consensus reached with Li Chenggang would hold.")
    assert ("jamieson-greer", "li-chenggang", "AGREE", "consensus", "asserted") in told


def test_no_deal_reached_is_negated(extractor: Any) -> None:
    got = _events(extractor, "No deal was reached between Raimondo and Wang Wentao.")
    assert ("gina-raimondo", "wang-wentao", "AGREE", "consensus", "negated") in got
    reached_none = _events(extractor, "Raimondo and Wang Wentao reached no agreement.")
    assert ("gina-raimondo", "wang-wentao", "AGREE", "consensus", "negated") in reached_none


def test_what_an_agreement_is_for_is_no_party(extractor: Any) -> None:
    got = _events(
        extractor, "Washington and Tokyo reached consensus in Osaka on a framework for Nvidia."
    )
    assert ("state:USA", "state:JPN", "AGREE", "consensus", "asserted") in got
    assert not any("nvidia" in (e[0], e[1]) for e in got)


def test_talks_ending_without_a_deal_negate_it(extractor: Any) -> None:
    got = _events(
        extractor, "The talks ended on Friday without a deal between Yellen and He Lifeng."
    )
    assert ("janet-yellen", "he-lifeng", "AGREE", "consensus", "negated") in got


def test_announcing_a_deal_makes_the_announcers_its_parties(extractor: Any) -> None:
    both = _events(extractor, "Trump and Liu He announced a deal in the Oval Office on Friday.")
    assert any(e[2] == "AGREE" and {e[0], e[1]} == {"donald-trump", "liu-he"} for e in both)
    # announcing tariffs stays a sanction
    tariffs = _events(extractor, "Trump announced tariffs on Japanese cars.")
    assert ("donald-trump", "state:JPN", "SANCTION", "tariff", "asserted") in tariffs


def test_extending_a_pause_on_tariffs_is_a_concession(extractor: Any) -> None:
    got = _events(
        extractor,
        "Trump signed an order on Monday extending the pause on higher tariffs on Japanese goods.",
    )
    assert ("donald-trump", "state:JPN", "RETREAT", "ease", "asserted") in got
    # extending sanctions keeps them
    kept = _events(extractor, "Washington extended its sanctions on Iran.")
    assert not any(e[2] == "RETREAT" for e in kept)


def test_their_meeting_is_the_clause_subjects_meeting(extractor: Any) -> None:
    got = _events(
        extractor, "After their meeting in Osaka on Thursday, Trump and Abe sealed a truce."
    )
    assert ("donald-trump", "shinzo-abe", "CONSULT", "meet", "asserted") in got
    # the meeting a clause is dated by keeps its own fact, but shares a future
    talks = _events(
        extractor, "During their talks, Blinken and Wang Yi agreed to keep channels open."
    )
    assert ("antony-blinken", "wang-yi", "CONSULT", "meet", "asserted") in talks
    later = _events(extractor, "Trump and Abe will seal a truce after their meeting in Osaka.")
    assert ("donald-trump", "shinzo-abe", "CONSULT", "meet", "planned") in later
    assert _events(extractor, "Their meeting was cancelled.") == set()


def test_agreeing_to_buy_the_others_goods_in_other_words(extractor: Any) -> None:
    resumed = _events(extractor, "Japan agreed to resume purchases of American beef.")
    assert ("state:JPN", "state:USA", "AGREE", "consensus", "asserted") in resumed
    # agreeing to resume talks is the talks, planned
    talks = _events(extractor, "Japan agreed to resume talks with Washington.")
    assert not any(e[2] == "AGREE" for e in talks)


def test_a_prefixed_role_verb_the_lemmatizer_does_not_know(extractor: Any) -> None:
    got = _changes(extractor, "Wang Yi was reappointed foreign minister on Tuesday.")
    assert ("wang-yi", "appointed") in got


def test_a_meeting_when_they_meet_is_still_to_come(extractor: Any) -> None:
    ahead = _events(extractor, "Trump and Abe may sign a deal when they meet in Osaka.")
    assert ("donald-trump", "shinzo-abe", "CONSULT", "meet", "planned") in ahead
    past = _events(extractor, "Trump said the deal was signed when he met Abe in Osaka.")
    assert ("donald-trump", "shinzo-abe", "CONSULT", "meet", "asserted") in past


def test_more_wordings_of_leaving_or_taking_a_post(extractor: Any) -> None:
    cases = {
        "Chuck Hagel quit as defence secretary on Monday.": ("chuck-hagel", "retired"),
        "Chuck Hagel left office in February.": ("chuck-hagel", "retired"),
        "Li Shangfu was relieved of his post on Tuesday.": ("li-shangfu", "removed"),
        "Li Shangfu lost his post in October.": ("li-shangfu", "removed"),
        "Henry Kissinger passed away on Wednesday.": ("henry-kissinger", "died"),
        "Li Qiang assumed office as premier in March.": ("li-qiang", "appointed"),
        "He Lifeng was elevated to vice premier in March.": ("he-lifeng", "appointed"),
    }
    for text, change in cases.items():
        assert change in _changes(extractor, text), text
    # the same verbs with no post are no role change
    for text in ("Li Shangfu lost the argument.", "Wang Yi left Beijing on Tuesday."):
        assert _changes(extractor, text) == set(), text


def test_coming_to_an_agreement_concluding_or_signing_one(extractor: Any) -> None:
    came = _events(extractor, "Japan came to terms with the United States on Friday.")
    assert ("state:JPN", "state:USA", "AGREE", "consensus", "asserted") in came
    # coming to a capital is no agreement, but a visit (tests/test_extraction_news_visits.py)
    assert {e[2:4] for e in _events(extractor, "Abe came to Washington on Friday.")} <= {
        ("CONSULT", "visit")
    }
    concluded = _events(extractor, "Rubio and Wang Yi concluded an agreement on Tuesday.")
    assert ("marco-rubio", "wang-yi", "AGREE", "consensus", "asserted") in concluded
    signed = _events(extractor, "An agreement was signed by Rubio and Wang Yi on Tuesday.")
    assert ("marco-rubio", "wang-yi", "AGREE", "sign", "asserted") in signed


def test_they_reported_by_two_speakers_are_both(extractor: Any) -> None:
    got = _events(
        extractor, "Japan and the United States said on Friday that they had reached a deal."
    )
    assert ("state:JPN", "state:USA", "AGREE", "consensus", "asserted") in got
    # "they" after one speaker stays that speaker's: no pair from it alone
    one = _events(extractor, "Japan said they had reached a deal.")
    assert not any(e[2] == "AGREE" for e in one)


def test_delegations_in_the_plural_are_groups(extractor: Any) -> None:
    got = _events(extractor, "The Japanese and American delegations met in Osaka on Monday.")
    assert ("group:JPN:delegations", "group:USA:delegations", "CONSULT", "meet", "asserted") in got


def test_what_a_deal_with_someone_is_on_is_no_party(extractor: Any) -> None:
    text = "Analysts said Abe might agree to a deal with Trump on Nvidia if the tariffs were cut."
    got = _events(extractor, text)
    assert ("shinzo-abe", "donald-trump", "AGREE", "consensus", "hypothetical") in got
    assert not any("nvidia" in (e[0], e[1]) for e in got)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # exercises held around or near another are a show of force at it
        (
            "Russia held military drills near Finland on Monday.",
            ("state:RUS", "state:FIN", "MOBILIZE"),
        ),
        ("Russia staged war games around Moldova.", ("state:RUS", "state:MDA", "MOBILIZE")),
        # held jointly, or with another, they are cooperation between the two
        (
            "Russia and Belarus held joint drills near Poland.",
            ("state:RUS", "state:BLR", "COOPERATE"),
        ),
    ],
)
def test_exercises_near_another_are_a_show_of_force(
    extractor: Any, text: str, expected: tuple[str, str, str]
) -> None:
    got = {(e[0], e[1], e[2]) for e in _events(extractor, text, "2024-06-01")}
    assert expected in got
    assert len(got) == 1


def test_the_philippines_is_the_state_not_its_people(extractor: Any) -> None:
    got = _events(extractor, "The Philippines protested to China over the collision.", "2024-06-20")
    assert ("state:PHL", "state:CHN") in {(e[0], e[1]) for e in got}
