"""Opposition, displeasure and wrongs done by a party's act, as ministries word them.

Each sentence is invented for the test, in the style of foreign-ministry and
wire statements; the test says what a reader would expect recorded (CAMEO's
"oppose" and "express dissatisfaction", PLOVER's ACCUSE), and near misses what
must not be.
"""

from __future__ import annotations

from typing import Any

import pytest

from extracted import events as _events

pytestmark = pytest.mark.model


def _coded(extractor: Any, text: str, published: str = "2024-05-14") -> set[tuple[str, ...]]:
    """(source, target, type, modality) of every event."""
    return {(s, t, k, m) for s, t, k, _mode, m in _events(extractor, text, published)}


def _accusations(extractor: Any, text: str) -> set[tuple[str, ...]]:
    return {e[:2] for e in _coded(extractor, text) if e[2] == "ACCUSE"}


# -- opposing another party's act ---------------------------------------------


def test_opposing_a_partys_act_is_criticism_of_that_party(extractor: Any) -> None:
    assert ("state:VNM", "state:CHN") in _accusations(
        extractor, "Vietnam firmly opposes China's deployment of an oil rig near the islands."
    )
    assert ("state:KOR", "state:JPN") in _accusations(
        extractor, "Seoul strongly opposed Tokyo's decision to release the treated water."
    )
    assert ("state:IRN", "state:USA") in _accusations(
        extractor, "Tehran opposes the US sale of fighter jets to the region."
    )


def test_opposing_a_plan_made_by_a_party_names_that_party(extractor: Any) -> None:
    assert ("state:FRA", "state:DEU") in _accusations(
        extractor, "France opposed the plan drawn up by Germany."
    ) | _accusations(extractor, "France opposed the plan by Germany.")


def test_reported_opposition_is_the_opposers(extractor: Any) -> None:
    got = _accusations(
        extractor, "The spokeswoman said Beijing opposes Canberra's interference in its affairs."
    )
    assert ("state:CHN", "state:AUS") in got


def test_opposing_what_no_party_owns_or_not_opposing_is_nothing(extractor: Any) -> None:
    assert not _accusations(
        extractor, "India opposed the generalisation of security concerns in trade."
    )
    assert not _accusations(extractor, "Brazil does not oppose Argentina's plan.")
    assert not _accusations(extractor, "The opposition parties in Seoul rejected the budget.")
    assert not _accusations(extractor, "The opposing teams met in Berlin on Sunday.")


def test_opposing_ones_own_state_is_no_accusation_of_it(extractor: Any) -> None:
    assert not _accusations(
        extractor, "The Japanese prime minister opposed Japan's decision on whaling."
    )


# -- expressed displeasure ----------------------------------------------------


def test_dissatisfaction_with_a_partys_act_is_criticism(extractor: Any) -> None:
    assert ("state:CHN", "state:NLD") in _accusations(
        extractor, "China expressed strong dissatisfaction with the Dutch decision."
    )
    assert ("state:JPN", "state:KOR") in _accusations(
        extractor, "Tokyo voiced strong displeasure at Seoul's move."
    )
    assert ("state:IND", "state:PAK") in _accusations(
        extractor, "India expressed strong opposition to Islamabad's plan."
    )


def test_dissatisfaction_with_a_party_itself_is_criticism(extractor: Any) -> None:
    assert ("state:CHN", "state:PHL") in _accusations(
        extractor, "China expressed strong dissatisfaction with Manila."
    )


def test_concern_over_a_partys_acts_is_criticism_over_a_situation_none(
    extractor: Any,
) -> None:
    assert ("state:EGY", "state:ISR") in _accusations(
        extractor, "Egypt expressed grave concern over Israel's actions."
    )
    assert not _accusations(extractor, "Egypt expressed grave concern over the situation in Sudan.")
    assert not _accusations(extractor, "Egypt expressed concern over Sudan.")


def test_dissatisfaction_with_no_party_is_nothing(extractor: Any) -> None:
    assert not _accusations(
        extractor,
        "Russia expressed strong dissatisfaction and said the drone was a weather probe.",
    )


# -- a wrong done by a party's act --------------------------------------------


def test_a_partys_act_said_to_do_wrong_is_an_accusation_of_it(extractor: Any) -> None:
    assert ("group:CHN:government", "state:USA") in _accusations(
        extractor, "The Chinese spokesman said the US move seriously violates WTO rules."
    )
    assert ("state:CAN", "state:IND") in _accusations(
        extractor, "Ottawa said New Delhi's tariffs violate the agreement."
    )


def test_an_act_not_said_to_do_wrong_or_ones_own_is_no_accusation(extractor: Any) -> None:
    assert not _accusations(extractor, "Ottawa said New Delhi's tariffs do not violate the deal.")
    assert not _accusations(extractor, "Ottawa said Canada's tariffs violate no rules.")
