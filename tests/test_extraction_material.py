"""Material acts whose parties the linker had missed: a group named over a word of its
kind ("Chinese health authorities"), two country adjectives before one craft
("Vietnamese and Chinese naval vessels"), a single exercise or drill held
together, a subject the parser reads as an adverbial noun, a show of force whose
frontier hangs below the verb, another country's citizens named by their
calling ("American pastor Andrew Brunson"), a craft named by its model
("a Turkish F-16"), and craft passing close to another's airspace or waters.

Each sentence is invented for the test, in the style of the project gold set
(docs/annotation.md); each rule has a near miss where it must not fire.
"""

from __future__ import annotations

from typing import Any

import pytest

from extracted import coded, extract, linked

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Vietnamese and Chinese naval vessels conducted a joint patrol in the Gulf.",
            ("state:VNM", "state:CHN", "COOPERATE"),
        ),
        (
            "The Japanese and Indian navies held their annual exercise in the Arabian Sea.",
            ("group:JPN:military", "group:IND:military", "COOPERATE"),
        ),
        (
            "Greek and Egyptian marines staged a joint drill off Crete.",
            ("group:GRC:military", "group:EGY:military", "COOPERATE"),
        ),
        # a drill held in a named place or month is still a drill
        (
            "Indian and French warships staged a joint drill in the Arabian Sea in May.",
            ("group:IND:military", "group:FRA:military", "COOPERATE"),
        ),
        (
            "Chinese health authorities shared outbreak data with U.S. officials on Friday.",
            ("group:CHN:authorities", "group:USA:officials", "COOPERATE"),
        ),
        (
            "Chinese police worked with the DEA to break up a fentanyl ring.",
            ("group:CHN:police", "dea", "COOPERATE"),
        ),
        # "Turkey" read by the parser as an adverbial noun of "massed"
        (
            "Turkey massed troops along the Syrian border in October.",
            ("state:TUR", "state:SYR", "MOBILIZE"),
        ),
        # the frontier hung from "alert", not from the verb
        (
            "Islamabad put its air force on high alert along the Indian border.",
            ("state:PAK", "state:IND", "MOBILIZE"),
        ),
        (
            "Ethiopia reinforced its divisions along the Eritrean border.",
            ("state:ETH", "state:ERI", "MOBILIZE"),
        ),
        # a target named by its owner, or by the town it stands in
        (
            "Israeli jets fired missiles at Hezbollah's weapons depot in Lebanon.",
            ("group:ISR:military", "hezbollah", "ASSAULT"),
        ),
        (
            "Turkish drones fired missiles at Syria's Menagh air base.",
            ("state:TUR", "state:SYR", "ASSAULT"),
        ),
        (
            "Russian cruise missiles slammed into power stations in Kharkiv.",
            ("group:RUS:military", "state:UKR", "ASSAULT"),
        ),
        # bombs dropped on a place; a coalition led by a state is its
        (
            "American B-52 bombers dropped bombs on Iraq's Republican Guard positions.",
            ("group:USA:military", "state:IRQ", "ASSAULT"),
        ),
        (
            "Saudi-led coalition warplanes bombed Hodeidah.",
            ("state:SAU", "state:YEM", "ASSAULT"),
        ),
        # another's forces trained: military cooperation
        (
            "British instructors trained Kenyan troops.",
            ("group:GBR:military", "group:KEN:military", "COOPERATE"),
        ),
        # a wanted person handed to another's police
        (
            "Thai police handed the suspect to Chinese police.",
            ("group:THA:police", "group:CHN:police", "COOPERATE"),
        ),
        # an embassy stormed, a tanker seized
        (
            "Nicaraguan police stormed the Costa Rican embassy in Managua.",
            ("group:NIC:police", "group:CRI:government", "COERCE"),
        ),
        (
            "Iranian commandos seized a British tanker in the Gulf.",
            ("group:IRN:military", "state:GBR", "COERCE"),
        ),
        # craft passing close to another's airspace, waters or coast: a show of force
        (
            "Two Russian Tu-160 bombers flew close to Norwegian airspace.",
            ("group:RUS:military", "state:NOR", "MOBILIZE"),
        ),
        (
            "Iranian patrol boats entered Iraqi waters on Monday.",
            ("group:IRN:military", "state:IRQ", "MOBILIZE"),
        ),
        (
            "Russian jets violated Estonian airspace.",
            ("group:RUS:military", "state:EST", "MOBILIZE"),
        ),
        (
            "A Chinese research ship sailed within 20 miles of Vietnam's coast.",
            ("state:CHN", "state:VNM", "MOBILIZE"),
        ),
        # a craft named by its model: the state's craft, or its forces that fly them
        (
            "A Turkish F-16 shot down a Syrian helicopter near the border.",
            ("state:TUR", "state:SYR", "COERCE"),
        ),
        (
            "Egyptian F-16 jets struck militant camps in Libya.",
            ("group:EGY:military", "state:LBY", "ASSAULT"),
        ),
        (
            "Indian Mirage 2000 jets bombed a camp inside Pakistan.",
            ("group:IND:military", "state:PAK", "ASSAULT"),
        ),
    ],
)
def test_material_acts_find_their_parties(
    extractor: Any, text: str, expected: tuple[str, ...]
) -> None:
    source, target, kind = expected
    assert frozenset({source, target, kind}) in coded(extractor, text)


def test_a_citizen_named_by_calling_is_a_person_of_that_country(extractor: Any) -> None:
    ex = extract(extractor, "Turkish police detained American pastor Laird Fenwick in Izmir.")
    person = next(a for a in ex.new_actors if a.name == "Laird Fenwick")
    assert person.country == "USA" and person.sector == "civilian"
    assert any(
        e.type == "COERCE"
        and e.source.actor_id == "group:TUR:police"
        and e.target.name == "Laird Fenwick"
        for e in ex.events
    )
    # a bare calling is the country's people of that kind
    assert "group:CHN:civilian" in linked(extractor, "FBI agents arrested a Chinese researcher.")


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # an office noun before a name stays unlinked unless it is a title
        ("A Russian official Ivan Petrov said nothing.", "new:ivan-petrov"),
        # a drill held alone, with no other country named, pairs no one
        ("China held a naval drill in the Yellow Sea.", "state:CHN"),
        # one's own forces trained
        ("Indian officers trained Indian recruits.", "group:IND:military"),
        # a letter handed over is no handover of a person
        ("The minister handed the letter to the Chinese ambassador.", "xie-feng"),
        # leaflets dropped, and a delegate who storms out, are no blow
        ("South Korean activists dropped leaflets on North Korea.", "state:PRK"),
        (
            "The Chinese delegate stormed out of the meeting with US officials.",
            "group:USA:officials",
        ),
        # one's own craft over one's own airspace; a minister's flight is no show of force
        ("Norwegian jets flew over Norwegian airspace.", "state:NOR"),
        ("The minister flew over Iraqi territory on his way home.", "state:IRQ"),
        # "an exercise in" a thing is no exercise
        ("Japanese and Chinese envoys held an exercise in futility on Monday.", "group:JPN:envoys"),
    ],
)
def test_near_misses(extractor: Any, text: str, absent: str) -> None:
    ex = extract(extractor, text)
    assert all(absent not in (e.source.actor_id, e.target.actor_id) for e in ex.events)
    if absent.startswith("new:"):
        assert absent not in {a.actor_id for a in ex.new_actors}
