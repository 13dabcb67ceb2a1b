"""Parties named the ways a name list misses: the head of a body by office only, a
speaker "for" a ministry, a country's officers behind a body's name, the two sides
of a text about others.

Each sentence is invented for the test, in the style of the project gold set
(docs/annotation.md); each rule has a near miss where it must not fire.
"""

from __future__ import annotations

from typing import Any

import pytest

from extracted import coded, linked
from extracted import typed as _typed

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the unnamed head of a body acts for it
        (
            "The OECD chief met Brazilian officials in Brasilia on Tuesday.",
            ("oecd", "group:BRA:officials", "CONSULT"),
        ),
        (
            "The SCO's secretary-general urged Dushanbe to ratify the accord.",
            ("sco", "state:TJK", "REQUEST"),
        ),
        (
            "ASEAN's special envoy met Thai officials in Bangkok.",
            ("asean", "group:THA:officials", "CONSULT"),
        ),
        (
            "Mercosur foreign ministers pledged support for Asuncion.",
            ("mercosur", "state:PRY", "SUPPORT"),
        ),
        # a speaker for a ministry speaks for it
        (
            "A spokeswoman for the Chinese foreign ministry criticised Manila.",
            ("chinese-foreign-ministry", "state:PHL", "ACCUSE"),
        ),
        # a body's name before an officer's noun: the country's officers
        (
            "U.S. and Chinese military commanders held talks in Honolulu.",
            ("group:USA:military", "group:CHN:military", "CONSULT"),
        ),
        (
            "The Cypriot and Lebanese sides agreed to share radar data.",
            ("group:CYP:sides", "group:LBN:sides", "AGREE"),
        ),
    ],
)
def test_a_party_named_by_its_office_or_side_is_coded(
    extractor: Any, text: str, expected: tuple[str, str, str]
) -> None:
    assert frozenset(expected) in coded(extractor, text), _typed(extractor, text)


def test_a_named_holder_speaks_for_himself_not_the_body(extractor: Any) -> None:
    got = _typed(extractor, "Ned Price, a spokesman for the State Department, criticised Beijing.")
    assert "us-state-department" not in {e[0] for e in got}


def test_the_two_sides_of_a_text_about_others_are_its_two_countries(extractor: Any) -> None:
    text = (
        "Kenyan and Somali troops pulled back from the border town, officials of both "
        "countries said."
    )
    found = linked(extractor, text)
    # each country's officials, who speak for it
    assert {"group:KEN:officials", "group:SOM:officials"} <= found
    assert not {"state:USA", "state:CHN", "group:USA:officials", "group:CHN:officials"} & found
    # a text of three others: which two it cannot tell
    text = "Chile, Peru and Bolivia sent envoys; both sides agreed to talk again."
    assert not {"state:USA", "state:CHN"} & linked(extractor, text)
    # a place is no side: the two militaries are still the run's
    text = "The generals met in Hanoi, a year after the two militaries halted talks."
    assert {"group:USA:military", "group:CHN:military"} <= linked(extractor, text, "2010-10-11")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # who governs the state named after "in" is its government
        (
            "ECOWAS envoys met the junta in Conakry on Friday.",
            ("ecowas", "group:GIN:government", "CONSULT"),
        ),
        (
            "The ruling party in Armenia accused Moscow of meddling.",
            ("group:ARM:government", "state:RUS", "ACCUSE"),
        ),
        # a movement's name before the noun of its rule
        (
            "The Houthi administration accused Riyadh of blocking fuel shipments.",
            ("houthis", "state:SAU", "ACCUSE"),
        ),
        # offices and groups the group nouns hold
        (
            "Laos's consul general in Kunming met Chinese officials on Monday.",
            ("group:LAO:government", "group:CHN:officials", "CONSULT"),
        ),
        (
            "Kenyan and Ugandan mediators met in Juba.",
            ("group:KEN:government", "group:UGA:government", "CONSULT"),
        ),
        # states that broke up or were renamed are read as their successors
        (
            "A senior Soviet diplomat criticised Bonn on Tuesday.",
            ("group:RUS:government", "state:DEU", "ACCUSE"),
        ),
    ],
)
def test_a_government_named_by_place_or_rule_is_coded(
    extractor: Any, text: str, expected: tuple[str, str, str]
) -> None:
    assert frozenset(expected) in coded(extractor, text), _typed(extractor, text)


def test_a_state_named_where_someone_meets_stays_a_place(extractor: Any) -> None:
    got = _typed(extractor, "The Laotian foreign minister met Thai officials in Vientiane.")
    assert "group:LAO:government" not in {e for t in got for e in t[:2]}


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        (
            "Chilean and Argentine experts jointly inspected the pipeline.",
            {"group:CHL:experts", "group:ARG:experts"},
        ),
        (
            "Greek and Turkish police worked together to break up a smuggling ring.",
            {"group:GRC:police", "group:TUR:police"},
        ),
        (
            "Peru and Ecuador set up a joint border commission on Monday.",
            {"state:PER", "state:ECU"},
        ),
    ],
)
def test_an_act_two_countries_do_together_is_cooperation(
    extractor: Any, text: str, pair: set[str]
) -> None:
    got = {frozenset(e[:2]) for e in _typed(extractor, text) if e[2:] == ("COOPERATE", "asserted")}
    assert frozenset(pair) in got, _typed(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "The Greek and Turkish armies together lost thousands of men.",
        "Chile and Peru together account for half of the world's copper.",
        "The Chilean and Argentine presidents stood together on the podium.",
        "Congress held a joint session on Tuesday.",
    ],
)
def test_a_sum_or_a_stance_together_is_no_cooperation(extractor: Any, text: str) -> None:
    assert not {e for e in _typed(extractor, text) if e[2] == "COOPERATE"}


def test_a_lone_surname_names_no_one_long_out_of_office(extractor: Any) -> None:
    # James Baker, secretary of state 1989–1992, the KB's only Baker
    assert "james-baker" in linked(extractor, "Baker met Shevardnadze in Moscow.", "1990-06-01")
    assert "james-baker" not in linked(extractor, "Baker met Wang Yi in Beijing.", "2025-06-01")
    text = "James Baker met Wang Yi in Beijing. Baker later met Xi."
    assert "james-baker" in linked(extractor, text, "2025-06-01")
