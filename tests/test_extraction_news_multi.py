"""Meetings of more than two, hosting, attending, tours and mediation, as news tells them.

Each sentence is invented for the test, with other names and places than the
news it imitates; the test says what a reader would expect recorded, and a
near miss beside it what must not be.
"""

from __future__ import annotations

from typing import Any

import pytest

from extracted import events as _events
from extracted import pairs as _pairs

pytestmark = pytest.mark.model


def _modality(got: set[tuple[str, ...]], a: str, b: str) -> set[str]:
    return {e[4] for e in got if e[2] == "CONSULT" and frozenset(e[:2]) == frozenset({a, b})}


def _countries(got: set[tuple[str, ...]]) -> set[frozenset[str]]:
    """CONSULT pairs by country, as the scoring compares states and groups."""

    def country(actor: str) -> str:
        return actor.split(":")[1] if actor.startswith(("state:", "group:")) else actor

    return {frozenset(map(country, pair)) for pair in _pairs(got)}


# -- hosting a meeting of three --------------------------------------------


def test_a_hosted_meeting_with_leaders_from_two_states_is_a_meeting_of_three(
    extractor: Any,
) -> None:
    got = _events(
        extractor,
        "Talks on the border will resume next month in Hanoi, when Vietnam hosts a "
        "meeting with leaders from Laos and Cambodia.",
        "2019-03-01",
    )
    pairs = _countries(got)
    assert {frozenset({"VNM", "LAO"}), frozenset({"VNM", "KHM"})} <= pairs
    assert frozenset({"LAO", "KHM"}) in pairs  # the guests meet each other at it
    # the meeting is to come: a present tense after "when" under a future
    assert {e[4] for e in got if e[2] == "CONSULT"} == {"planned"}


def test_a_meeting_with_two_named_people_brings_them_together(extractor: Any) -> None:
    got = _events(extractor, "Abe held a meeting with Li Keqiang and Moon Jae-in.", "2018-05-10")
    assert frozenset({"li-keqiang", "moon-jae-in"}) in _pairs(got)
    # meetings in the plural may be one with each
    got = _events(extractor, "Abe held meetings with Li Keqiang and Moon Jae-in.", "2018-05-10")
    assert frozenset({"li-keqiang", "moon-jae-in"}) not in _pairs(got)
    # two of one country on a call are one side of it
    got = _events(
        extractor, "He Lifeng held a video call with Bessent and Greer on Saturday.", "2025-10-20"
    )
    assert frozenset({"scott-bessent", "jamieson-greer"}) not in _pairs(got)


def test_leaders_from_a_state_are_its_leaders(extractor: Any) -> None:
    got = _events(extractor, "A delegation from Peru met Kenyan officials.", "2019-03-01")
    assert _countries(got) == {frozenset({"PER", "KEN"})}
    # their own diplomats recalled from a place are not that place's diplomats
    got = _events(extractor, "Washington recalled its diplomats from Venezuela.", "2019-03-01")
    assert ("state:USA", "state:VEN", "SANCTION") in {e[:3] for e in got}
    # nor is an ambassador taken away from a capital
    got = _events(extractor, "Ottawa recalled the ambassador from Caracas.", "2019-03-01")
    assert ("state:CAN", "state:VEN", "SANCTION") in {e[:3] for e in got}


def test_two_word_state_adjectives_name_groups(extractor: Any) -> None:
    got = _events(
        extractor, "Next month Japan will host South Korean and Chinese leaders.", "2018-05-01"
    )
    assert _countries(got) == {frozenset({"JPN", "CHN"}), frozenset({"JPN", "KOR"})}
    assert {e[4] for e in got} == {"planned"}
    got = _events(extractor, "North Korean officials met South African diplomats.", "2018-05-01")
    assert _countries(got) == {frozenset({"PRK", "ZAF"})}
    got = _events(extractor, "South Korean and Chinese negotiators met.", "2018-05-01")
    assert _countries(got) == {frozenset({"KOR", "CHN"})}


# -- several parties debating ---------------------------------------------


def test_three_states_debating_each_debate_with_each(extractor: Any) -> None:
    got = _events(
        extractor,
        "She sat in on long sessions where India and Brazil and France debated climate finance.",
        "2019-03-01",
    )
    assert _countries(got) == {
        frozenset({"IND", "BRA"}),
        frozenset({"IND", "FRA"}),
        frozenset({"BRA", "FRA"}),
    }


def test_a_debate_between_candidates_of_one_country_is_no_event(extractor: Any) -> None:
    assert not _events(
        extractor, "President Obama and Mitt Romney debated foreign policy on Monday.", "2012-10-23"
    )
    # a legislature debating a measure does not impose it
    got = _events(extractor, "Congress debated sanctions on Russia.", "2019-03-01")
    assert {e[4] for e in got} <= {"hypothetical"}


# -- attending another's meeting -------------------------------------------


def test_one_on_hand_for_anothers_meeting_meets_the_counterpart(extractor: Any) -> None:
    got = _events(
        extractor,
        "Mr. Kushner will be on hand in Florida for the president's dinner with Xi Jinping.",
        "2017-04-01",
    )
    assert ("jared-kushner", "xi-jinping", "CONSULT", "meet", "planned") in got
    got = _events(extractor, "Kushner attended Trump's dinner with Xi Jinping.", "2017-04-08")
    assert frozenset({"jared-kushner", "xi-jinping"}) in _pairs(got)


def test_one_who_writes_about_a_meeting_is_not_at_it(extractor: Any) -> None:
    got = _events(extractor, "Kushner wrote about Trump's meeting with Xi Jinping.", "2017-04-08")
    assert frozenset({"jared-kushner", "xi-jinping"}) not in _pairs(got)
    got = _events(
        extractor, "Kushner was in Florida during Trump's meeting with Xi Jinping.", "2017-04-08"
    )
    assert frozenset({"jared-kushner", "xi-jinping"}) not in _pairs(got)


# -- tours and visits -------------------------------------------------------


def test_a_tour_of_a_country_is_a_visit(extractor: Any) -> None:
    got = _events(
        extractor,
        "Xi Jinping embarked on a tour of France on Monday, meeting farmers.",
        "2019-03-26",
    )
    assert {(frozenset(e[:2]), e[2], e[3], e[4]) for e in got} == {
        (frozenset({"xi-jinping", "state:FRA"}), "CONSULT", "visit", "asserted")
    }
    # a tour of a plant, or of a continent, names no one visited
    assert not _events(extractor, "Obama took a tour of the Boeing plant.", "2012-02-17")
    assert not _events(extractor, "Xi embarked on a tour of Europe.", "2019-03-26")


# -- mediation ---------------------------------------------------------------


def test_a_third_party_defusing_a_row_between_two_meets_each(extractor: Any) -> None:
    got = _events(
        extractor,
        "Norway is trying to defuse a diplomatic row between Chile and Peru.",
        "2019-03-01",
    )
    assert _countries(got) == {frozenset({"NOR", "CHL"}), frozenset({"NOR", "PER"})}
    assert {(e[3], e[4]) for e in got} == {("mediate", "asserted")}  # the attempt is mediation


def test_their_row_takes_its_parties_from_tensions_named_before(extractor: Any) -> None:
    got = _events(
        extractor,
        "With tensions between Chile and Peru flaring at a regional summit, Norway is "
        "working to calm a bitter row over their maritime border.",
        "2019-03-01",
    )
    assert _countries(got) == {frozenset({"NOR", "CHL"}), frozenset({"NOR", "PER"})}


def test_easing_ones_own_tensions_is_no_mediation(extractor: Any) -> None:
    got = _events(
        extractor,
        "With tensions between Chile and Peru flaring, Lima is trying to defuse the row "
        "over their border.",
        "2019-03-01",
    )
    assert not any(e[3] == "mediate" for e in got)
    got = _events(extractor, "Chile and Peru are trying to defuse their row.", "2019-03-01")
    assert not any(e[3] == "mediate" for e in got)


def test_mediating_between_two_meets_each_and_leaves_their_talks(extractor: Any) -> None:
    got = _events(extractor, "Qatar mediated between Israel and Hamas.", "2019-03-01")
    assert _pairs(got) == {
        frozenset({"state:QAT", "state:ISR"}),
        frozenset({"state:QAT", "hamas"}),
    }
    got = _events(extractor, "Qatar is mediating talks between Israel and Hamas.", "2019-03-01")
    assert frozenset({"state:ISR", "hamas"}) in _pairs(got)  # the two still talk
    assert frozenset({"state:QAT", "hamas"}) in _pairs(got)
    # mediating with no one named is no event
    assert not _events(extractor, "Qatar mediated the talks.", "2019-03-01")


def test_a_present_tense_where_clause_under_a_future_is_planned(extractor: Any) -> None:
    got = _events(
        extractor, "Blinken will travel to Osaka next week, where he meets Kishida.", "2023-03-01"
    )
    assert {e[4] for e in got if e[3] == "meet"} == {"planned"}
    # told of the past, the meeting happened
    got = _events(extractor, "Blinken flew to Osaka, where he met Kishida.", "2023-03-01")
    assert {e[4] for e in got if e[3] == "meet"} == {"asserted"}
