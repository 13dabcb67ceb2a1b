"""Acts told by phrases the verb lists missed: concessions given way to or dropped,
charges made in a clause, forces recalled or leaving, easings of freezes and
blacklists, links cut, intelligence exchanged, cooperation stepped up, the heads
of international bodies by their office.

Each sentence is invented for the test, in the style of the project gold set
(docs/annotation.md); each rule has a near miss where it must not fire.
"""

from __future__ import annotations

from typing import Any

import pytest

from extracted import coded, extract, linked
from extracted import typed as _typed

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # yielding, with a time between the verb and what it yields to
        ("Hanoi gave in on Friday to Chinese demands.", ("state:VNM", "state:CHN", "CONCEDE")),
        ("Lima gave way to IMF demands on Monday.", ("state:PER", "imf", "CONCEDE")),
        (
            "Budapest dropped its objections to Kyiv's membership bid.",
            ("state:HUN", "state:UKR", "CONCEDE"),
        ),
        # a charge is a wrong whatever its clause tells
        (
            "Seoul charged on Monday that Pyongyang was jamming GPS signals.",
            ("state:KOR", "state:PRK", "ACCUSE"),
        ),
        # forces recalled from, or leaving, a country withdraw from it
        ("Paris recalled 400 troops from Niger.", ("state:FRA", "state:NER", "RETREAT")),
        ("The last Russian troops left Lithuania.", ("group:RUS:military", "state:LTU", "RETREAT")),
        # easings of freezes and of a list of sponsors
        (
            "Berlin lifted its freeze on development loans to Rwanda.",
            ("state:DEU", "state:RWA", "RETREAT"),
        ),
        (
            "Washington removed Sudan from its list of state sponsors of terrorism.",
            ("state:USA", "state:SDN", "RETREAT"),
        ),
        ("Lusaka cut all air links with Pretoria.", ("state:ZMB", "state:ZAF", "SANCTION")),
        # information exchanged, relations opened, cooperation stepped up
        (
            "Ottawa and Canberra exchanged intelligence on Chinese cyber attacks.",
            ("state:CAN", "state:AUS", "COOPERATE"),
        ),
        ("Riga and Seoul opened diplomatic relations.", ("state:LVA", "state:KOR", "SUPPORT")),
        (
            "Spanish and French police stepped up cooperation against smugglers.",
            ("group:ESP:police", "group:FRA:police", "COOPERATE"),
        ),
        ("Moscow shipped crude oil to Pyongyang.", ("state:RUS", "state:PRK", "AID")),
    ],
)
def test_an_act_told_by_its_phrase_is_coded(
    extractor: Any, text: str, expected: tuple[str, str, str]
) -> None:
    assert frozenset(expected) in coded(extractor, text), _typed(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "The minister left Warsaw on Friday.",  # a journey, no withdrawal
        "Critics charged that the new rules were unfair.",  # no party charged
        "The two sides exchanged views on the weather.",  # a readout, no intelligence
        "Paris dropped the charges against the journalist.",  # no concession to anyone
    ],
)
def test_no_act_without_its_parties_or_thing(extractor: Any, text: str) -> None:
    assert not {
        e for e in _typed(extractor, text) if e[2] in {"RETREAT", "ACCUSE", "COOPERATE", "CONCEDE"}
    }


@pytest.mark.parametrize(
    ("text", "day", "holder"),
    [
        ("UN Secretary-General Kofi Annan met Chinese officials.", "2002-06-01", "kofi-annan"),
        ("The U.N. secretary-general met Chinese officials.", "1994-06-01", None),
        ("NATO Secretary General Mark Rutte met Chinese officials.", "2025-06-01", "mark-rutte"),
    ],
)
def test_the_head_of_an_international_body_is_its_holder_of_the_day(
    extractor: Any, text: str, day: str, holder: str | None
) -> None:
    found = linked(extractor, text, day)
    if holder is None:
        assert "boutros-boutros-ghali" in found, found
    else:
        assert holder in found, found


def test_a_former_state_is_its_successor(extractor: Any) -> None:
    got = _typed(extractor, "The Soviet Union accused Bonn of spying.", "1985-06-01")
    assert ("state:RUS", "state:DEU", "ACCUSE", "asserted") in got
    assert "state:COD" in linked(extractor, "Zaire recalled its envoy.", "1990-06-01")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a thing whose country a hyphened adjective gives is that country's
        (
            "The Houthis seized a Greek-flagged bulk carrier.",
            ("houthis", "state:GRC", "COERCE"),
        ),
        (
            "Brasilia raised duties on Chinese-made steel pipes.",
            ("state:BRA", "state:CHN", "SANCTION"),
        ),
        # officials "at" a body act for it
        (
            "The Danish envoy held talks with officials at the Turkish foreign ministry.",
            ("group:DNK:government", "group:TUR:government", "CONSULT"),
        ),
        ("Rome reiterated its backing for Tunis.", ("state:ITA", "state:TUN", "SUPPORT")),
    ],
)
def test_a_party_named_by_what_it_owns_or_where_its_officials_sit(
    extractor: Any, text: str, expected: tuple[str, str, str]
) -> None:
    assert frozenset(expected) in coded(extractor, text), _typed(extractor, text)


def test_a_call_by_someone_for_something_is_no_phone_call(extractor: Any) -> None:
    got = _typed(extractor, "Ankara ignored a call by the OSCE for a ceasefire.", "2010-06-01")
    assert not {e for e in got if e[2] == "CONSULT"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # forces sent to positions on another's frontier, or put on alert against it
        (
            "Addis Ababa moved two brigades to positions along the Eritrean frontier.",
            ("state:ETH", "state:ERI", "MOBILIZE"),
        ),
        (
            "The Greek army chief ordered three battalions to the Albanian border.",
            ("group:GRC:military", "state:ALB", "MOBILIZE"),
        ),
        (
            "Baku placed its artillery units on combat readiness against Armenia.",
            ("state:AZE", "state:ARM", "MOBILIZE"),
        ),
    ],
)
def test_forces_at_another_frontier_are_a_show_of_force(
    extractor: Any, text: str, expected: tuple[str, str, str]
) -> None:
    assert frozenset(expected) in coded(extractor, text), _typed(extractor, text)


def test_forces_moved_to_positions_inland_are_no_show_of_force(extractor: Any) -> None:
    got = _typed(extractor, "Addis Ababa moved two brigades to positions near the capital.")
    assert not {e for e in got if e[2] == "MOBILIZE"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # forces that strike or attack a thing hit its owner
        (
            "Turkish warplanes struck Iraq's main border crossing.",
            ("group:TUR:military", "state:IRQ", "ASSAULT"),
        ),
        (
            "Eritrean gunboats attacked a Yemeni fishing vessel.",
            ("group:ERI:military", "state:YEM", "ASSAULT"),
        ),
        # a body's craft act for it
        (
            "Chinese coast guard vessels fired water cannon at a Vietnamese trawler.",
            ("china-coast-guard", "state:VNM", "ASSAULT"),
        ),
    ],
)
def test_forces_that_strike_a_thing_assault_its_owner(
    extractor: Any, text: str, expected: tuple[str, str, str]
) -> None:
    assert frozenset(expected) in coded(extractor, text), _typed(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "Turkish negotiators struck a deal with Baghdad.",
        "Turkish troops hit a record in the biathlon.",
        "The Iraqi foreign minister attacked the Turkish plan.",
    ],
)
def test_a_deal_struck_or_words_are_no_assault(extractor: Any, text: str) -> None:
    assert not {e for e in _typed(extractor, text) if e[2] == "ASSAULT"}


def test_an_undated_text_is_dated_by_the_offices_its_bare_titles_name(extractor: Any) -> None:
    # "Secretary-General" before Ban Ki-moon is his office at the UN, 2007–2016: the
    # text is of those years and he acts for the UN, as his title says
    ex = extract(extractor, "Secretary-General Ban Ki-moon met President Barack Obama.", None)
    assert ex.events
    event = ex.events[0]
    assert {event.source.country, event.target.country} == {"UNO", "USA"}
    assert event.date.start is not None and "2009-01-20" <= event.date.start <= "2016-12-31"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The World Bank approved the disbursement of $500 million to Ghana.",
            ("world-bank", "state:GHA", "AID"),
        ),
        (
            "Tokyo unveiled a $300 million package of patrol boats for Manila.",
            ("state:JPN", "state:PHL", "AID"),
        ),
    ],
)
def test_money_or_arms_approved_or_unveiled_for_another_is_aid(
    extractor: Any, text: str, expected: tuple[str, str, str]
) -> None:
    assert frozenset(expected) in coded(extractor, text), _typed(extractor, text)


def test_a_nomination_approved_is_no_aid(extractor: Any) -> None:
    got = _typed(extractor, "The Senate approved the nomination of the new envoy to Accra.")
    assert not {e for e in got if e[2] == "AID"}
