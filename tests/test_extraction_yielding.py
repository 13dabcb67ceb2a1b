"""Concessions and easing, within one state and across states.

"Ruto withdrew the finance bill, bowing to protests", "Serbia lifted a curfew in
Montenegro", "the union called off its strike": a government yielding to its
people, a state easing force on a place's people, protesters yielding in turn.
Each case is a sentence whose parties a reader can tell; the test says what the
reader would expect the tool to record, or that it records nothing.
"""

from __future__ import annotations

from typing import Any

import pytest

from extracted import parties as _of
from extracted import typed as _typed

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        # a measure given up, or an office left, in answer to protest
        (
            "Kenyan President William Ruto withdrew the finance bill after a week of protests.",
            ("william-ruto", "group:KEN:civilian"),
        ),
        (
            "Armenian Prime Minister Serzh Sargsyan resigned after days of street protests.",
            ("serzh-sargsyan", "group:ARM:civilian"),
        ),
        (
            "Benjamin Netanyahu put the judicial overhaul on hold, bowing to mass protests.",
            ("benjamin-netanyahu", "group:ISR:civilian"),
        ),
        # the protest's owner named: to them
        (
            "The United States withdrew its proposal after Chinese protests.",
            ("state:USA", "state:CHN"),
        ),
        # protesters yield in turn
        (
            "Greek unions called off the general strike after talks with the government.",
            ("group:GRC:civilian", "state:GRC"),
        ),
    ],
)
def test_a_concession_to_a_crowd(extractor: Any, text: str, pair: tuple[str, str]) -> None:
    assert pair in _of(extractor, text, "CONCEDE")


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        # easing for a place's people: a curfew, an emergency, the internet
        ("Serbia lifted a night curfew in Montenegro.", ("state:SRB", "group:MNE:civilian")),
        ("Turkey ended the state of emergency on Thursday.", ("state:TUR", "group:TUR:civilian")),
        (
            "Pervez Musharraf lifted emergency rule on Saturday.",
            ("pervez-musharraf", "group:PAK:civilian"),
        ),
        (
            "Indian authorities restored mobile internet across Kashmir.",
            ("group:IND:authorities", "group:IND:civilian"),
        ),
        # people freed with no country named: the doer's own
        ("Egypt released 300 political prisoners.", ("state:EGY", "group:EGY:civilian")),
        (
            "Myanmar's junta pardoned thousands of prisoners.",
            ("group:MMR:government", "group:MMR:civilian"),
        ),
        # a movement's ceasefire: with the government it fights
        ("The FARC declared a unilateral ceasefire.", ("farc", "state:COL")),
    ],
)
def test_easing_for_a_places_people(extractor: Any, text: str, pair: tuple[str, str]) -> None:
    assert pair in _of(extractor, text, "RETREAT")


@pytest.mark.parametrize(
    "text",
    [
        # a disaster's curfew or emergency
        "Authorities in Manila lifted the curfew imposed after the typhoon.",
        "The governor of Florida ended the state of emergency declared for the hurricane.",
        # a measure given up with no protest told
        "Kenya withdrew the finance bill on Tuesday.",
        # colonial rule ended is no easing of a people's measure
        "Britain ended colonial rule over Hong Kong in 1997.",
    ],
)
def test_no_concession_or_easing_for_a_crowd(extractor: Any, text: str) -> None:
    coded = {(s, t) for s, t, k, m in _typed(extractor, text) if k in {"CONCEDE", "RETREAT"}}
    assert not any(t.endswith(":civilian") for _, t in coded), text


def test_a_states_boycott_lifted_stays_an_easing(extractor: Any) -> None:
    text = "China lifted the boycott of Japanese goods."
    assert ("state:CHN", "state:JPN") in _of(extractor, text, "RETREAT")
    assert not _of(extractor, text, "CONCEDE")


def test_a_swap_agreed_in_a_third_country_frees_no_ones_people_there(extractor: Any) -> None:
    text = "Over lunch in Vienna, Tehran and Washington agreed to swap prisoners."
    assert not any(":AUT:" in t for _, t, _, _ in _typed(extractor, text))
