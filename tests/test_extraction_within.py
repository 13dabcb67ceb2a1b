"""Force, coercion and protest within one state and across states, by role and place.

"Police in Cairo arrested dozens of activists", "protesters marched through
Santiago", "Hamas militants fired rockets at Sderot": the parties are often
named by a role and a place, not by a country. Each case is a sentence whose
parties a reader can tell; the test says what the reader would expect the tool
to record, or that it records nothing.
"""

from __future__ import annotations

from typing import Any

import pytest

from extracted import extract as _run
from extracted import parties as _of
from extracted import typed as _typed

pytestmark = pytest.mark.model


def _linked(extractor: Any, text: str) -> dict[str, str]:
    return {m.text: m.actor_id for m in _run(extractor, text).mentions}


@pytest.mark.parametrize(
    ("text", "noun", "actor"),
    [
        # a bare role noun takes the one state its sentence puts the act in
        ("In Tunisia, police detained several bloggers on Sunday.", "police", "group:TUN:police"),
        ("Protesters marched through Lima on Sunday.", "Protesters", "group:PER:civilian"),
        ("QUITO, Ecuador — Students blocked roads on Monday.", "Students", "group:ECU:civilian"),
        ("Gunmen killed eleven farmers in Benue.", "Gunmen", "group:NGA:rebel"),
        # a creed says what they fight for, not whose they are
        (
            "Islamist insurgents attacked a checkpoint in Kunduz.",
            "Islamist insurgents",
            "group:AFG:rebel",
        ),
        # those harmed are the place's, whoever harms them
        (
            "Eritrean troops killed dozens of civilians in the Ethiopian town of Adigrat.",
            "civilians",
            "group:ETH:civilian",
        ),
        ("A car bomb exploded in Kabul, killing 30 people.", "people", "group:AFG:civilian"),
        (
            "Insurgents in Pakistan's Swat district shot dead a schoolteacher.",
            "schoolteacher",
            "group:PAK:civilian",
        ),
        # a city named before a building places the act ("the Paris offices")
        ("Gunmen stormed the Nairobi offices of a newspaper.", "Gunmen", "group:KEN:rebel"),
        # a count of a people
        ("Thousands of Vietnamese rallied in Hanoi.", "Vietnamese", "group:VNM:civilian"),
        ("Hundreds of Turks marched in Ankara.", "Turks", "group:TUR:civilian"),
    ],
)
def test_a_role_noun_takes_the_state_the_act_happens_in(
    extractor: Any, text: str, noun: str, actor: str
) -> None:
    assert _linked(extractor, text).get(noun) == actor


@pytest.mark.parametrize(
    "text",
    [
        "Police detained several bloggers on Sunday.",  # no place
        "Troops in Mali killed twelve insurgents.",  # troops abroad are often another's
        "Rebels clashed with soldiers near the Sudanese border in Chad.",  # a border: two states
        "Iran and the United States agreed in Oman to release prisoners.",  # a venue
        "Hutu rebels attacked a village in Congo.",  # a people that crosses a border
    ],
)
def test_a_role_noun_stays_unlinked_when_its_state_is_unclear(extractor: Any, text: str) -> None:
    unplaced = {"police", "troops", "soldiers", "prisoners", "rebels"}
    placed = [m for m in _run(extractor, text).mentions if m.text.split()[-1].lower() in unplaced]
    assert not placed, text


@pytest.mark.parametrize(
    ("text", "kind", "pair"),
    [
        # a body's fighters are the body
        (
            "Boko Haram fighters killed nine Nigerian soldiers.",
            "ASSAULT",
            ("boko-haram", "group:NGA:military"),
        ),
        (
            "Hamas militants fired a barrage of rockets at Ashkelon.",
            "ASSAULT",
            ("hamas", "state:ISR"),
        ),
        # a government's forces are its military
        (
            "Syrian government forces shelled a market in Idlib, killing ten people.",
            "ASSAULT",
            ("group:SYR:military", "group:SYR:civilian"),
        ),
        # an attack on forces, people or a place only a blow hits
        (
            "Militants attacked a police checkpoint in Quetta.",
            "ASSAULT",
            ("group:PAK:rebel", "group:PAK:police"),
        ),
        (
            "Al-Shabaab attacked Kenyan soldiers near Lamu.",
            "ASSAULT",
            ("al-shabaab", "group:KEN:military"),
        ),
        (
            "Sudanese warplanes bombed a school in South Sudan's Unity state.",
            "ASSAULT",
            ("group:SDN:military", "state:SSD"),
        ),
    ],
)
def test_force_between_named_sides_is_an_assault(
    extractor: Any, text: str, kind: str, pair: tuple[str, str]
) -> None:
    assert pair in _of(extractor, text, kind)


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        # a crowd's protest against no one named is against the government where it is held
        ("Protesters marched through Lima on Sunday.", ("group:PER:civilian", "state:PER")),
        ("Thousands took to the streets of Tbilisi.", ("group:GEO:civilian", "state:GEO")),
        ("Greek dockworkers went on strike in Piraeus.", ("group:GRC:civilian", "state:GRC")),
        ("Students in Dhaka staged a sit-in on Monday.", ("group:BGD:civilian", "state:BGD")),
        ("Lebanese protesters blocked roads in Beirut.", ("group:LBN:civilian", "state:LBN")),
        (
            "Greek dockworkers went on a 48-hour strike in Piraeus.",
            ("group:GRC:civilian", "state:GRC"),
        ),
        # a leader's following is a crowd of the leader's state
        (
            "Supporters of Evo Morales blocked highways in Cochabamba.",
            ("group:BOL:civilian", "state:BOL"),
        ),
        # against another's act: its owner
        (
            "Israelis rallied in Haifa against Netanyahu's judicial plan.",
            ("group:ISR:civilian", "benjamin-netanyahu"),
        ),
        # at another's mission, flags burned, things hurled
        (
            "Hundreds of Vietnamese rallied outside the Chinese embassy in Hanoi.",
            ("group:VNM:civilian", "group:CHN:government"),
        ),
        ("Pakistani protesters burned US flags in Lahore.", ("group:PAK:civilian", "state:USA")),
        (
            "Anti-Japanese demonstrators hurled eggs at the Japanese consulate in Shanghai.",
            ("group:CHN:civilian", "group:JPN:government"),
        ),
        # consumers' boycott
        ("South Korean consumers boycotted Japanese cars.", ("group:KOR:civilian", "state:JPN")),
    ],
)
def test_a_crowd_protests(extractor: Any, text: str, pair: tuple[str, str]) -> None:
    assert pair in _of(extractor, text, "PROTEST")


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        (
            "Kazakh authorities imposed a curfew in Almaty.",
            ("group:KAZ:authorities", "group:KAZ:civilian"),
        ),
        (
            "Police in Nairobi dispersed a march by opposition supporters.",
            ("group:KEN:police", "group:KEN:opposition"),
        ),
        (
            "Kenyan police fired tear gas at protesters in Kisumu.",
            ("group:KEN:police", "group:KEN:civilian"),
        ),
        (
            "Iranian authorities placed Mir Hossein Mousavi under house arrest.",
            ("group:IRN:authorities", "mir-hossein-mousavi"),
        ),
        # the internet or a party shut down: the place's people, or the party
        (
            "Sudanese authorities shut down mobile internet services across Darfur.",
            ("group:SDN:authorities", "group:SDN:civilian"),
        ),
        (
            "Cambodia's Supreme Court dissolved the Cambodia National Rescue Party.",
            ("group:KHM:judiciary", "cambodia-national-rescue-party"),
        ),
        # people expelled, not diplomats: coercion of persons
        (
            "Venezuela expelled hundreds of Colombians from Tachira.",
            ("state:VEN", "group:COL:civilian"),
        ),
        # a passive arrest with no doer: the state where it was done
        ("Leopoldo Lopez was arrested in Caracas on Tuesday.", ("state:VEN", "leopoldo-lopez")),
    ],
)
def test_force_on_the_places_people_is_coercion(
    extractor: Any, text: str, pair: tuple[str, str]
) -> None:
    assert pair in _of(extractor, text, "COERCE")


@pytest.mark.parametrize(
    "text",
    [
        "The government of Peru protested the decision.",  # a state's protest is words
        "Stocks rallied in Tokyo on Friday.",  # markets
        "Opposition parties called a general strike for Friday.",  # only called
        "Raila Odinga launched a blistering verbal attack on the electoral commission.",
        "Beijing agreed with Washington to crack down on fentanyl exporters.",  # its own target
        "Chinese coast guard vessels fired water cannon at a Vietnamese trawler.",  # at a boat
    ],
)
def test_words_and_plans_are_no_force_on_a_crowd(extractor: Any, text: str) -> None:
    got = {k for s, t, k, m in _typed(extractor, text) if m == "asserted"}
    assert not got & {"PROTEST", "COERCE"} or ("trawler" in text and "COERCE" not in got), text
    if "verbal" in text:
        assert "ASSAULT" not in got
