"""Visits as news tells them: arrivals, journeys, "his trip", and who is received.

Each sentence is invented for the test, in the style of a newspaper's lead
paragraph; the test says what a reader would expect recorded, and near-miss
sentences say what must not be.
"""

from __future__ import annotations

from typing import Any

import pytest

from extracted import events as _events
from extracted import pairs as _pairs

pytestmark = pytest.mark.model

_KERRY_PERU = frozenset({"john-kerry", "state:PER"})


def _visits(found: set[tuple[str, ...]]) -> set[tuple[frozenset[str], str]]:
    return {(frozenset(e[:2]), e[4]) for e in found if e[2] == "CONSULT" and e[3] == "visit"}


def test_arrived_here_in_a_dispatch_visits_the_datelines_state(extractor: Any) -> None:
    got = _events(
        extractor,
        "SANTIAGO — John Kerry, the secretary of state, arrived here on Thursday for two days "
        "of talks on copper exports.",
        "2015-05-18",
    )
    assert (frozenset({"john-kerry", "state:CHL"}), "asserted") in _visits(got)


def test_arrived_here_without_a_dateline_names_no_place(extractor: Any) -> None:
    got = _events(
        extractor, "Secretary of State John Kerry said he arrived here on Sunday.", "2015-05-18"
    )
    assert not _visits(got)


def test_arriving_in_or_coming_to_a_capital_is_a_visit(extractor: Any) -> None:
    got = _events(
        extractor, "Kerry, the secretary of state, arrived in Lima late on Thursday.", "2015-05-18"
    )
    assert (_KERRY_PERU, "asserted") in _visits(got)
    got = _events(
        extractor,
        "OTTAWA — Jacob Lew came to Ottawa this week to press Canadian ministers over "
        "dairy quotas.",
        "2015-03-10",
    )
    assert (frozenset({"jack-lew", "state:CAN"}), "asserted") in _visits(got)


def test_coming_to_an_agreement_is_no_journey(extractor: Any) -> None:
    got = _events(extractor, "Kerry and Lavrov came to an agreement on Syria.", "2015-05-18")
    assert frozenset({"john-kerry", "sergey-lavrov"}) in _pairs(got, "AGREE")
    assert not _visits(got)


def test_arriving_in_ones_own_capital_or_as_troops_is_no_visit(extractor: Any) -> None:
    assert not _visits(_events(extractor, "Xi Jinping arrived in Beijing on Monday.", "2015-05-18"))
    got = _events(
        extractor,
        "A first group of Bangladeshi peacekeeping troops arrived in Peru on Tuesday.",
        "2015-05-18",
    )
    assert not _visits(got)


def test_headed_to_two_countries_plans_a_visit_to_each(extractor: Any) -> None:
    got = _visits(
        _events(
            extractor,
            "Chuck Hagel is headed to Peru and Chile next month to meet army commanders.",
            "2014-04-04",
        )
    )
    assert (frozenset({"chuck-hagel", "state:PER"}), "planned") in got
    assert (frozenset({"chuck-hagel", "state:CHL"}), "planned") in got
    got = _visits(_events(extractor, "Chuck Hagel is not headed to Peru.", "2014-04-04"))
    assert (frozenset({"chuck-hagel", "state:PER"}), "negated") in got


def test_his_trip_is_the_trip_of_the_clauses_subject(extractor: Any) -> None:
    got = _events(
        extractor,
        "During his trip to Peru last week — a visit weighty for its timing — Vice President "
        "Joe Biden had breakfast with mining executives.",
        "2013-12-11",
    )
    assert (frozenset({"joe-biden", "state:PER"}), "asserted") in _visits(got)


def test_his_trip_is_not_the_objects_trip(extractor: Any) -> None:
    got = _events(
        extractor, "During his trip to Peru, Joe Biden's aides met Hillary Clinton.", "2013-12-11"
    )
    assert (frozenset({"hillary-clinton", "state:PER"}), "asserted") not in _visits(got)


def test_a_nomination_received_is_no_guest_received(extractor: Any) -> None:
    got = _events(
        extractor,
        "Senator John Kerry's nomination as secretary of state was warmly received by Mexico.",
        "2012-12-24",
    )
    assert not _pairs(got)
    got = _events(extractor, "Senator John Kerry was warmly received by Mexico.", "2012-12-24")
    assert frozenset({"john-kerry", "state:MEX"}) in _pairs(got)
    got = _events(extractor, "Mexico received a delegation of Chinese officials.", "2012-12-24")
    assert frozenset({"state:MEX", "group:CHN:officials"}) in _pairs(got)


def test_one_sent_to_a_capital_visits_it(extractor: Any) -> None:
    got = _visits(
        _events(
            extractor,
            "OTTAWA — President Obama said he would dispatch his secretary of state, John Kerry, "
            "to Lima next week to try to settle the fishing dispute.",
            "2015-05-18",
        )
    )
    assert (_KERRY_PERU, "planned") in got
    got = _events(extractor, "Obama sent John Kerry to Lima on Friday.", "2015-05-18")
    assert (_KERRY_PERU, "asserted") in _visits(got)


def test_troops_or_letters_sent_are_no_visit(extractor: Any) -> None:
    got = _events(extractor, "Obama sent troops to Iraq on Friday.", "2015-05-18")
    assert ("barack-obama", "state:IRQ", "AID", "", "asserted") in got
    assert not _visits(got)
    assert not _visits(_events(extractor, "Obama sent a letter to Lima.", "2015-05-18"))


def test_touring_a_place_in_a_capital_visits_its_state(extractor: Any) -> None:
    got = _events(
        extractor,
        "HANOI — Hillary Clinton urged Vietnam to cut its emissions, as she toured a solar "
        "power plant in Hanoi on Saturday.",
        "2009-12-02",
    )
    assert (frozenset({"hillary-clinton", "state:VNM"}), "asserted") in _visits(got)
    got = _events(extractor, "Chinese troops toured a base in Hanoi.", "2009-12-02")
    assert not _visits(got)


def test_an_accented_name_is_a_person_met(extractor: Any) -> None:
    got = _events(
        extractor,
        "Mr. Obama flew out of Havana on Tuesday, a day after he sat down with President "
        "Raúl Castro of Cuba.",
        "2016-03-22",
    )
    assert frozenset({"barack-obama", "raul-castro"}) in _pairs(got)
    got = _events(
        extractor, "Mr. Obama sat down with President Andrés Quiroga of Cuba.", "2016-03-22"
    )
    assert frozenset({"barack-obama", "new:andres-quiroga"}) in _pairs(got)


def test_a_welcome_from_someone_is_their_hosting(extractor: Any) -> None:
    for text in (
        "Hillary Clinton received a warm welcome from Yang Jiechi.",
        "Hillary Clinton arrived in Lima to a warm welcome from Yang Jiechi.",
    ):
        got = _events(extractor, text, "2012-09-04")
        assert ("yang-jiechi", "hillary-clinton", "CONSULT", "host", "asserted") in got, text
    text = "Hillary Clinton's remarks received a warm welcome from Yang Jiechi."
    got = _events(extractor, text, "2012-09-04")
    assert not _pairs(got)


def test_a_states_name_before_officials_is_its_officials(extractor: Any) -> None:
    got = _events(
        extractor,
        "United States officials, led by a deputy secretary, arrived in Lima on Friday for "
        "talks with Peru.",
        "2010-03-02",
    )
    assert frozenset({"group:USA:officials", "state:PER"}) in _pairs(got)
    # one official named beside the envoy already coded is that envoy, not a second voice
    got = _events(
        extractor,
        "CUSCO — America's departing ambassador, Jon Huntsman, sharply criticized Peru's "
        "mining rules in a talk to students, the harshest words so far by a United States "
        "official.",
        "2011-04-06",
    )
    assert ("state:USA", "state:PER", "ACCUSE", "criticize", "asserted") not in got
    assert not any(e[0].startswith("group:USA") for e in got)


def test_heading_a_mission_in_a_capital_is_a_post_not_a_journey(extractor: Any) -> None:
    got = _events(
        extractor, "Jon Huntsman heads the American embassy in Lima this year.", "2011-04-06"
    )
    assert not _visits(got)


def test_a_journey_visits_the_state_not_a_fellow_traveller(extractor: Any) -> None:
    got = _events(
        extractor, "Hillary Clinton came to Lima with John Kerry on Tuesday.", "2011-04-06"
    )
    assert (frozenset({"hillary-clinton", "state:PER"}), "asserted") in _visits(got)
    assert frozenset({"hillary-clinton", "john-kerry"}) not in _pairs(got)
