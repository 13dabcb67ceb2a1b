"""Places below the state (``kb/places.yaml``) and the aid that goes to them.

A city, province or region the news names stands for its country, as event
coders read it: "police in Karachi" are Pakistan's, "struck targets in Rafah"
hits Palestine, "flew to Shanghai" is a visit to China. A place stays a place
where it only says where something is: the name of a meeting ("the Geneva
talks"), where a body is based ("a New York-based think tank"), a dateline's
city, or the island a meeting was held on.

Aid is found where its recipient is a place or the owner of a body ("deposited
$3 billion in Egypt's central bank"), where a craft carries it, and where a
rescue team arrives.

Each sentence is invented for the test; each rule has a near miss where it must
not fire.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from backchannel.pipeline import Extractor, Settings
from extracted import coded, extract, linked

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a town's police and security forces are its state's
        (
            "Police in Karachi arrested three Indian fishermen on Tuesday.",
            ("group:PAK:police", "group:IND:civilian", "COERCE"),
        ),
        (
            "Karachi police arrested three Indian fishermen.",
            ("group:PAK:police", "group:IND:civilian", "COERCE"),
        ),
        (
            "Security forces in Lahore detained two Afghan nationals.",
            ("group:PAK:police", "group:AFG:civilian", "COERCE"),
        ),
        # a country's police too, and authorities written first in the sentence
        (
            "Police in Islamabad arrested two British tourists.",
            ("group:PAK:police", "group:GBR:civilian", "COERCE"),
        ),
        (
            "Authorities in Guangdong deported five Vietnamese workers.",
            ("group:CHN:government", "group:VNM:civilian", "COERCE"),
        ),
        # officials of a province are its state's
        (
            "The United States sanctioned two officials in Xinjiang.",
            ("state:USA", "group:CHN:officials", "SANCTION"),
        ),
        ("Israeli aircraft struck targets in Rafah.", ("state:ISR", "state:PSE", "ASSAULT")),
        (
            "Russian troops shelled the outskirts of Kharkiv.",
            ("group:RUS:military", "state:UKR", "ASSAULT"),
        ),
        (
            "Lighthizer flew to Shanghai for a round with Liu.",
            ("robert-lighthizer", "state:CHN", "CONSULT"),
        ),
    ],
)
def test_a_place_stands_for_its_state(extractor: Any, text: str, expected: tuple[str, ...]) -> None:
    source, target, kind = expected
    assert frozenset({source, target, kind}) in coded(extractor, text, "2019-08-01")


@pytest.mark.parametrize(
    ("text", "state"),
    [
        # the name of a meeting, or where a body is based
        ("The Geneva talks between Bessent and He Lifeng ended on Monday.", "state:CHE"),
        ("Wang Yi met Richard Haass of a New York-based think tank.", "state:USA"),
        (
            "Wang Yi met Sullivan in Vienna to prepare for the California summit meeting.",
            "state:USA",
        ),
        # a dateline's city, with its date, and a second dateline after the first
        (
            "NEW YORK, Sept. 28 (Xinhua) -- Wang Yi met Henry Kissinger on Friday.",
            "state:USA",
        ),
        (
            "WASHINGTON, Feb. 26 — PALM BEACH, Florida — Lutnick and He Lifeng held talks.",
            "state:USA",
        ),
        # the island a meeting is held on
        ("Biden and Xi met on Monday on the Indonesian island of Bali.", "state:IDN"),
    ],
)
def test_a_place_that_only_says_where_is_no_party(extractor: Any, text: str, state: str) -> None:
    ex = extract(extractor, text, "2023-06-01")
    assert ex.events
    assert all(state not in (e.source.actor_id, e.target.actor_id) for e in ex.events)


def test_a_leader_who_lands_in_a_town_visits_its_state(extractor: Any) -> None:
    text = "Angela Merkel landed in Shenzhen on Thursday."
    assert frozenset({"angela-merkel", "state:CHN", "CONSULT"}) in coded(extractor, text)
    text = "Emmanuel Macron touched down in Algiers on Sunday."
    assert frozenset({"emmanuel-macron", "state:DZA", "CONSULT"}) in coded(extractor, text)
    # a craft that lands visits no one
    assert not extract(extractor, "The plane landed in Tehran.").events


def test_contested_places_and_foreign_officials_stay_unplaced(extractor: Any) -> None:
    # a city whose country the news disputes is no one's
    assert not any(a.startswith("state:") for a in linked(extractor, "Troops in Donetsk fired."))
    # officials in a country may be anyone's; the leaders of two countries in a
    # capital are theirs, not its
    assert "group:IRQ:officials" not in linked(extractor, "Officials in Iraq met the envoy.")
    text = "Both governments' officials in Buenos Aires signed off on the plan."
    assert "group:ARG:officials" not in linked(extractor, text)


def test_a_users_places_are_read(tmp_path: Path) -> None:
    path = tmp_path / "places.yaml"
    path.write_text("places:\n  ZWE: [Kwekwe]\n", encoding="utf-8")
    extractor = Extractor(Settings(today="2026-11-25", kb_paths=(str(path),)))
    text = "Police in Kwekwe arrested two South African tourists."
    assert frozenset({"group:ZWE:police", "group:ZAF:civilian", "COERCE"}) in coded(extractor, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a thing of value found through its measures
        (
            "Britain shipped hundreds of tonnes of medical supplies to Sierra Leone.",
            ("state:GBR", "state:SLE"),
        ),
        # the craft that carries it, and where it carries it
        (
            "South Korea dispatched two ships carrying relief supplies to the Philippines.",
            ("state:KOR", "state:PHL"),
        ),
        # what it is worth goes to the people of a place; money paid into a body
        (
            "Kuwait donated generators worth $2 million to hospitals in Yemen.",
            ("state:KWT", "state:YEM"),
        ),
        (
            "Qatar deposited $2 billion in Egypt's central bank.",
            ("state:QAT", "central-bank-of-egypt"),
        ),
        ("Qatar deposited $2 billion in Egypt's state bank.", ("state:QAT", "state:EGY")),
        ("Germany donated 50 million euros to Jordan's refugee fund.", ("state:DEU", "state:JOR")),
        # rescuers who arrive bring aid
        (
            "A Turkish rescue team arrived in Albania after the earthquake.",
            ("group:TUR:team", "state:ALB"),
        ),
        ("Swiss rescuers flew to Morocco after the quake.", ("group:CHE:rescuers", "state:MAR")),
        # a debt forgiven or written off, and a single craft that rescues
        ("Canada forgave Haiti's debts.", ("state:CAN", "state:HTI")),
        ("The Paris Club wrote off 80 percent of Iraqi debt.", ("paris-club", "state:IRQ")),
        ("A British frigate rescued 30 Somali fishermen.", ("state:GBR", "group:SOM:civilian")),
        # to a region or a state of a federation, named with its noun
        ("Russia sent forty doctors to the Lombardy region.", ("state:RUS", "state:ITA")),
        ("Taiwan shipped 500 ventilators to New York state.", ("state:TWN", "state:USA")),
        ("Slovakia transferred its MiG-29 jets to Ukraine.", ("state:SVK", "state:UKR")),
        # peacekeepers who arrive in a state
        (
            "A Pakistani peacekeeping contingent arrived in Liberia on Tuesday.",
            ("group:PAK:contingent", "state:LBR"),
        ),
        ("Indian peacekeepers arrived in Sri Lanka.", ("group:IND:peacekeepers", "state:LKA")),
        # rescuers at work in another's town
        (
            "Japanese rescuers pulled survivors from the rubble in Herat.",
            ("group:JPN:rescuers", "state:AFG"),
        ),
        (
            "German rescue teams searched for survivors in Antakya.",
            ("group:DEU:teams", "state:TUR"),
        ),
        # aid to a place in a state is aid to the state
        (
            "A US plane delivered 18 tonnes of medical supplies to Wuhan.",
            ("state:USA", "state:CHN"),
        ),
    ],
)
def test_aid_finds_whom_it_goes_to(extractor: Any, text: str, expected: tuple[str, str]) -> None:
    assert frozenset({*expected, "AID"}) in coded(extractor, text, "2020-03-01")


@pytest.mark.parametrize(
    "text",
    [
        "An Indian delegation arrived in Nepal for talks.",
        "A Chinese trade team arrived in Kenya on Monday.",
        "Germany shipped hundreds of tonnes of steel to Poland.",
        "The minister forgave his critics.",
        "Ships carrying troops sailed to Cyprus.",
        # one's own rescuers at home
        "Japanese rescuers pulled survivors from the rubble in Osaka.",
    ],
)
def test_near_misses_of_aid(extractor: Any, text: str) -> None:
    assert all(e.type != "AID" for e in extract(extractor, text).events)
