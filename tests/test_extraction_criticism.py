"""Criticism, accusations, threats, rejections and agreements in US–China news.

Each sentence is invented for the test, in the style of the project gold set
(docs/annotation.md); the test says what a reader would expect recorded.
"""

from __future__ import annotations

from typing import Any

import pytest

from extracted import events as _events

pytestmark = pytest.mark.model


def _of(events: set[tuple[str, ...]], kind: str) -> set[tuple[str, str]]:
    return {(e[0], e[1]) for e in events if e[2] == kind}


def test_lashing_out_at_someone_is_criticism_of_them(extractor: Any) -> None:
    got = _events(extractor, "Hua Chunying lashed out at Rubio on Tuesday.")
    assert ("hua-chunying", "marco-rubio", "ACCUSE", "criticize", "asserted") in got
    # and at what someone said: the one who said it
    got = _events(extractor, "The Chinese defence ministry hit out at Austin's comments on Taiwan.")
    assert ("chinese-defense-ministry", "lloyd-austin") in _of(got, "ACCUSE")


def test_lashing_out_at_a_states_act_is_criticism_of_that_state(extractor: Any) -> None:
    # a state owning the act under "at" is no place, and one named inside the act is
    # not the one criticised
    got = _events(extractor, "Seoul lashed out at Tokyo's plan to send envoys to Manila.")
    assert _of(got, "ACCUSE") == {("state:KOR", "state:JPN")}
    got = _events(extractor, "Seoul lashed out at the plan to send envoys to Manila.")
    assert not _of(got, "ACCUSE")


def test_a_seat_of_government_speaks_for_its_leader_s_office(extractor: Any) -> None:
    got = _events(extractor, "The Kremlin condemned Washington's decision.")
    assert _of(got, "ACCUSE") == {("kremlin", "state:USA")}
    got = _events(extractor, "Downing Street criticised Moscow on Monday.")
    assert _of(got, "ACCUSE") == {("downing-street", "state:RUS")}
    got = _events(extractor, "Zhongnanhai rebuked the White House.")
    assert _of(got, "ACCUSE") == {("zhongnanhai", "white-house")}


def test_a_named_spokesman_speaks_not_his_body_too(extractor: Any) -> None:
    got = _events(extractor, "Ivan Petrov, the Kremlin spokesman, criticised the United States.")
    assert _of(got, "ACCUSE") == {("new:ivan-petrov", "state:USA")}
    got = _events(extractor, "The State Department spokesman, Sam Leary, criticised China.")
    assert _of(got, "ACCUSE") == {("new:sam-leary", "state:CHN")}
    # unnamed, the spokesman speaks for the body
    got = _events(extractor, "The State Department spokesman criticised China.")
    assert _of(got, "ACCUSE") == {("us-state-department", "state:CHN")}


def test_judging_an_arrest_judges_the_arrester_not_the_arrested(extractor: Any) -> None:
    # the one denouncing did not arrest, and the one arrested is not denounced
    assert not _events(extractor, "Seoul denounced the arrest of Kim Tae-ho as unjust.")
    got = _events(extractor, "Seoul condemned the detention of Korean sailors by Japan.")
    assert _of(got, "ACCUSE") == {("state:KOR", "state:JPN")}
    assert not _of(got, "COERCE")
    got = _events(extractor, "Seoul condemned Japan's arrest of Korean sailors.")
    assert ("state:KOR", "state:JPN") in _of(got, "ACCUSE")
    # a visit's "of" phrase is the visitor, still the one criticised
    got = _events(extractor, "Beijing condemned the visit of Nancy Pelosi.")
    assert _of(got, "ACCUSE") == {("state:CHN", "nancy-pelosi")}


def test_at_a_place_is_no_target(extractor: Any) -> None:
    got = _events(extractor, "Biden criticised Beijing at the White House on Monday.")
    assert ("joe-biden", "state:CHN") in _of(got, "ACCUSE")
    assert ("joe-biden", "white-house") not in _of(got, "ACCUSE")


def test_a_protest_lodged_with_someone_is_criticism(extractor: Any) -> None:
    got = _events(
        extractor, "China lodged solemn representations with the United States over the visit."
    )
    assert ("state:CHN", "state:USA", "ACCUSE", "criticize", "asserted") in got
    got = _events(extractor, "Washington filed a formal protest with Beijing about the incident.")
    assert ("state:USA", "state:CHN") in _of(got, "ACCUSE")
    # lodging a bid or an appeal is no protest
    assert not _of(
        _events(extractor, "Huawei lodged an appeal with the Commerce Department."), "ACCUSE"
    )


def test_calling_something_by_a_disparaging_word_is_criticism(extractor: Any) -> None:
    got = _events(extractor, "Wang Wenbin called Washington's visa policy discriminatory.")
    assert ("wang-wenbin", "state:USA", "ACCUSE", "criticize", "asserted") in got
    got = _events(extractor, "Mao Ning called the U.S. sanctions illegal.")
    assert ("mao-ning", "state:USA") in _of(got, "ACCUSE")
    got = _events(extractor, "Blinken described Beijing's conduct in the strait as reckless.")
    assert ("antony-blinken", "state:CHN") in _of(got, "ACCUSE")
    # praise, or a call that names no judgement, is no criticism
    assert not _of(_events(extractor, "Trump called the talks with Xi productive."), "ACCUSE")
    assert not _of(_events(extractor, "Xi called Trump on Friday."), "ACCUSE")


@pytest.mark.parametrize(
    "text",
    [
        "Rubio said Beijing was irresponsible.",
        "Rubio said Beijing was a threat to its neighbours.",
        "Rubio called Beijing a menace.",
        "Rubio called Beijing a rogue regime.",
        "Rubio said Beijing's treatment of the Uyghurs was a crime.",
    ],
)
def test_a_disparaging_judgement_said_is_criticism(extractor: Any, text: str) -> None:
    assert ("marco-rubio", "state:CHN", "ACCUSE", "criticize", "asserted") in _events(
        extractor, text
    )


@pytest.mark.parametrize(
    "text",
    [
        "Rubio said Beijing was not irresponsible.",
        "Rubio said Beijing could be irresponsible.",
        "Rubio said Beijing was ready to talk.",
    ],
)
def test_a_judgement_denied_or_only_possible_is_no_criticism(extractor: Any, text: str) -> None:
    assert not _of(_events(extractor, text), "ACCUSE")


def test_a_reported_wrong_is_an_accusation(extractor: Any) -> None:
    got = _events(extractor, "Lin Jian said the United States was smearing Chinese companies.")
    assert ("lin-jian", "state:USA", "ACCUSE", "allege", "asserted") in got
    got = _events(extractor, "Rubio said Beijing had been stonewalling American investigators.")
    assert ("marco-rubio", "state:CHN") in _of(got, "ACCUSE")
    got = _events(extractor, "The spokesman said the senator was spreading lies about Xinjiang.")
    assert not _of(got, "ACCUSE")  # no one linked to accuse


@pytest.mark.parametrize(
    ("text", "accused"),
    [
        ("Jake Sullivan said Moscow had covered up the poisoning.", True),
        ("Jake Sullivan said Moscow had concealed its losses.", True),
        ("Jake Sullivan said Moscow had covered the costs of the talks.", False),
    ],
)
def test_a_cover_up_told_is_an_accusation(extractor: Any, text: str, accused: bool) -> None:
    assert (("jake-sullivan", "state:RUS") in _of(_events(extractor, text), "ACCUSE")) is accused


def test_a_wrong_denied_or_feared_is_no_accusation(extractor: Any) -> None:
    got = _events(extractor, "Bessent said China had not violated the truce.")
    assert not _of(got, "ACCUSE")
    got = _events(extractor, "Greer said China could renege on its commitments.")
    assert not _of(got, "ACCUSE")
    # one's own side doing wrong is no accusation of it by its own official
    got = _events(extractor, "Yellen said the United States was not bullying China.")
    assert not _of(got, "ACCUSE")


def test_alleging_that_someone_did_it_accuses_them(extractor: Any) -> None:
    got = _events(
        extractor, "American officials alleged that the Chinese military was behind the attack."
    )
    assert ("group:USA:officials", "pla") in _of(got, "ACCUSE")


def test_charges_rejected_with_no_accuser_named_are_the_other_sides(extractor: Any) -> None:
    got = _events(extractor, "The Chinese embassy in Washington rejected the spying allegations.")
    assert ("chinese-embassy-washington", "state:USA", "REJECT", "", "asserted") in got
    got = _events(extractor, "Beijing dismissed the accusations as groundless.")
    assert ("state:CHN", "state:USA") in _of(got, "REJECT")
    # a named accuser is the one rejected
    got = _events(extractor, "Wang Yi rejected Blinken's accusations on Friday.")
    assert _of(got, "REJECT") == {("wang-yi", "antony-blinken")}
    # dismissing an official is a removal, not a rejection
    assert not _of(_events(extractor, "Xi dismissed the defence minister in July."), "REJECT")


def test_a_speech_rejected_is_its_speakers(extractor: Any) -> None:
    got = _events(
        extractor, "China's foreign ministry rejected a report issued by the State Department."
    )
    assert ("chinese-foreign-ministry", "us-state-department") in _of(got, "REJECT")


def test_traded_accusations_go_both_ways(extractor: Any) -> None:
    got = _events(extractor, "Washington and Beijing exchanged accusations over the hacking.")
    assert _of(got, "ACCUSE") == {("state:USA", "state:CHN"), ("state:CHN", "state:USA")}
    got = _events(extractor, "Rubio traded barbs with Wang Yi in Kuala Lumpur.")
    assert _of(got, "ACCUSE") == {("marco-rubio", "wang-yi"), ("wang-yi", "marco-rubio")}
    # trading goods is no accusation
    assert not _of(
        _events(extractor, "China and the United States traded goods worth billions."), "ACCUSE"
    )


def test_a_vow_of_retaliation_is_a_threat(extractor: Any) -> None:
    got = _events(extractor, "Beijing vowed firm countermeasures against Washington's sanctions.")
    assert ("state:CHN", "state:USA", "THREATEN", "", "asserted") in got
    got = _events(extractor, "The commerce ministry vowed to take countermeasures.")
    assert ("chinese-commerce-ministry", "state:USA") in _of(got, "THREATEN")
    got = _events(extractor, "China vowed to hit back at Washington's chip curbs.")
    assert ("state:CHN", "state:USA") in _of(got, "THREATEN")
    # a vow to cooperate or to strike a deal is no threat
    assert not _of(_events(extractor, "China vowed to strike a deal with Washington."), "THREATEN")
    assert not _of(_events(extractor, "Beijing vowed to cooperate with Washington."), "THREATEN")


def test_a_threat_parsed_with_a_phrase_before_its_infinitive_is_one_threat(extractor: Any) -> None:
    got = _events(
        extractor, "Trump threatened on Friday to raise tariffs on Chinese goods to 60 percent."
    )
    assert ("donald-trump", "state:CHN") in _of(got, "THREATEN")
    assert not _of(got, "SANCTION")


def test_talks_an_act_happens_in_parsed_under_its_topic(extractor: Any) -> None:
    got = _events(
        extractor,
        "Blinken pressed Wang Yi on fentanyl in talks in Beijing on Friday.",
        "2024-04-27",
    )
    assert ("antony-blinken", "wang-yi") in _of(got, "REQUEST")
    assert ("antony-blinken", "wang-yi") in _of(got, "CONSULT")


def test_agreeing_at_a_meeting_is_a_meeting_that_happened(extractor: Any) -> None:
    got = _events(
        extractor, "Xi and Biden agreed at their summit in Woodside to restore military talks."
    )
    assert ("joe-biden", "xi-jinping", "CONSULT", "meet", "asserted") in got or (
        "xi-jinping",
        "joe-biden",
        "CONSULT",
        "meet",
        "asserted",
    ) in got


def test_an_unnamed_spokesperson_speaks_for_the_body_named(extractor: Any) -> None:
    got = _events(extractor, "The State Department spokesperson criticised China's coast guard.")
    assert ("us-state-department", "china-coast-guard") in _of(got, "ACCUSE")
    got = _events(extractor, "A Pentagon spokesman accused China of reckless intercepts.")
    assert ("us-defense-department", "state:CHN") in _of(got, "ACCUSE")


def test_a_two_word_group_after_a_country_adjective(extractor: Any) -> None:
    got = _events(extractor, "Chinese state media accused Washington of hypocrisy.")
    assert ("group:CHN:state media", "state:USA") in _of(got, "ACCUSE")
    got = _events(extractor, "American business leaders urged Trump to ease the tariffs.")
    assert ("group:USA:business leaders", "donald-trump") in _of(got, "REQUEST")


def test_what_is_rejected_is_no_further_event(extractor: Any) -> None:
    got = _events(extractor, "Wang Yi rejected Blinken's criticism of China's ties with Russia.")
    assert _of(got, "REJECT") == {("wang-yi", "antony-blinken")}
    assert not _of(got, "ACCUSE")
    got = _events(extractor, "Beijing turned down Washington's request for talks on Monday.")
    assert ("state:CHN", "state:USA") in _of(got, "REJECT")
    assert not _of(got, "REQUEST")


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Tokyo condemned the Chinese sanctions.", ("state:JPN", "state:CHN")),
        ("Seoul deplored the Russian decision to expel its diplomats.", ("state:KOR", "state:RUS")),
        ("Tokyo said the Chinese tariffs were unfair.", ("state:JPN", "state:CHN")),
    ],
)
def test_an_act_judged_is_the_act_of_the_state_its_adjective_names(
    extractor: Any, text: str, pair: tuple[str, str]
) -> None:
    assert _of(_events(extractor, text), "ACCUSE") == {pair}


def test_a_measure_restricting_one_side_does_not_aim_at_its_adjective(extractor: Any) -> None:
    # whose investment is restricted is not the one the restriction aims at
    got = _events(
        extractor, "The Biden administration restricted American investment in Chinese chips."
    )
    assert ("group:USA:administration", "state:CHN") in _of(got, "SANCTION")
    assert not {e for e in got if e[1] == "state:USA"}


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Tokyo vowed to impose duties on Australian steel.", ("state:JPN", "state:AUS")),
        ("Canberra vowed to slap tariffs on Japanese cars.", ("state:AUS", "state:JPN")),
    ],
)
def test_a_vow_to_impose_a_measure_is_a_threat(
    extractor: Any, text: str, pair: tuple[str, str]
) -> None:
    assert _of(_events(extractor, text), "THREATEN") == {pair}


def test_a_vow_to_impose_anything_else_is_none(extractor: Any) -> None:
    assert not _events(extractor, "Tokyo vowed to impose order on Australian waters.")


@pytest.mark.parametrize(
    ("text", "threat"),
    [
        ("China said it would retaliate.", True),
        ("Beijing said it will hit back.", True),
        ("Beijing said it would take countermeasures.", True),
        ("China said it would not retaliate.", False),
        ("China said it could retaliate.", False),
    ],
)
def test_a_retaliation_said_to_come_is_a_threat(extractor: Any, text: str, threat: bool) -> None:
    # between the run's two sides, a threat with no target named is aimed at the other
    got = _of(_events(extractor, text), "THREATEN")
    assert (got == {("state:CHN", "state:USA")}) is threat


def test_a_matter_called_dangerous_is_no_judgement_of_the_one_it_concerns(extractor: Any) -> None:
    got = _events(extractor, "Rubio said Taiwan was the most dangerous issue in the relationship.")
    assert not _of(got, "ACCUSE")


def test_the_taiwan_affairs_office_is_beijings(extractor: Any) -> None:
    got = _events(extractor, "The Taiwan Affairs Office spokeswoman criticised Washington.")
    assert _of(got, "ACCUSE") == {("taiwan-affairs-office", "state:USA")}


@pytest.mark.parametrize(
    ("text", "event"),
    [
        (
            "Beijing called the American sanctions a violation of international law.",
            ("state:CHN", "state:USA", "ACCUSE"),
        ),
        (
            "China said the American move was a serious mistake.",
            ("state:CHN", "state:USA", "ACCUSE"),
        ),
        ("Trump labeled China a currency manipulator.", ("donald-trump", "state:CHN", "ACCUSE")),
        (
            "China described the American report as full of prejudice.",
            ("state:CHN", "state:USA", "ACCUSE"),
        ),
        (
            "The Chinese foreign ministry said Washington was engaging in economic bullying.",
            ("chinese-foreign-ministry", "state:USA", "ACCUSE"),
        ),
        (
            "China said it was deeply concerned by the American actions.",
            ("state:CHN", "state:USA", "ACCUSE"),
        ),
        ("Beijing remains dissatisfied with Washington.", ("state:CHN", "state:USA", "ACCUSE")),
        (
            "Wang Yi said the American accusations were groundless.",
            ("wang-yi", "state:USA", "REJECT"),
        ),
        (
            "Beijing said Washington's claims were pure fabrication.",
            ("state:CHN", "state:USA", "REJECT"),
        ),
        (
            "Beijing dismissed the Pentagon report as a smear.",
            ("state:CHN", "us-defense-department", "REJECT"),
        ),
    ],
)
def test_a_judgement_in_the_words_of_a_statement(
    extractor: Any, text: str, event: tuple[str, str, str]
) -> None:
    assert {e[:3] for e in _events(extractor, text)} == {event}


def test_concern_about_a_situation_is_no_criticism(extractor: Any) -> None:
    assert not _events(extractor, "Japan was concerned about the situation in the strait.")
