"""Acts held together and acts aimed through a thing: a seizure made in a joint
operation, intelligence pooled or swapped, police working alongside another
country's, a threat to another's territory or pipeline, an exit ban told by its
verb, a state asked for something, support thrown behind another's bid, and
the names these need linked ("the Czech Republic", "Pakistan's foreign office",
Lockheed Martin, NASA).

Each sentence is invented for the test, in the style of the project gold set
(docs/annotation.md); each rule has a near miss where it must not fire.
"""

from __future__ import annotations

from typing import Any

import pytest

from extracted import coded, linked

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an act done in a joint operation is held by those who do it
        (
            "Italian and Albanian police seized two tonnes of cannabis in a joint operation "
            "near Vlore on Thursday.",
            ("group:ITA:police", "group:ALB:police", "COOPERATE"),
        ),
        # intelligence pooled or swapped is shared
        (
            "Dutch and Belgian customs officials are pooling intelligence on cocaine "
            "shipments through Antwerp.",
            ("group:NLD:customs", "group:BEL:customs", "COOPERATE"),
        ),
        (
            "Kenyan and Somali officials have begun swapping intelligence on al-Shabaab financing.",
            ("group:KEN:officials", "group:SOM:officials", "COOPERATE"),
        ),
        # working alongside another country's police
        (
            "Thai police are working alongside Malaysian investigators to track the "
            "smuggling ring.",
            ("group:THA:police", "group:MYS:police", "COOPERATE"),
        ),
        # an opening participle's act is the main clause subject's
        (
            "Working alongside Mexican customs officers, U.S. investigators seized the shipment.",
            ("group:USA:police", "group:MEX:customs", "COOPERATE"),
        ),
        # two countries accepting one truce agree on it with each other
        (
            "Yerevan and Baku accepted a truce brokered by Moscow on Tuesday.",
            ("state:ARM", "state:AZE", "AGREE"),
        ),
        # missiles slamming into a city: a blow, not words
        (
            "Syrian missiles slammed into the Turkish town of Akcakale on Wednesday.",
            ("group:SYR:military", "state:TUR", "ASSAULT"),
        ),
        # a threat to another's thing is aimed at its owner
        (
            "Iran threatened to close the Saudi oil terminals with missile strikes.",
            ("state:IRN", "state:SAU", "THREATEN"),
        ),
        # an exit ban told by its verb coerces the one kept in
        (
            "Beijing barred an American banker from leaving the country on Monday.",
            ("state:CHN", "state:USA", "COERCE"),
        ),
        # a state asked for a thing is the one asked
        (
            "Lithuania asked Sweden for permission to buy the radars from its stocks.",
            ("state:LTU", "state:SWE", "REQUEST"),
        ),
        # an idiom's own preposition names the other side
        (
            "Marco Rubio sat across the table from Wang Yi in Kuala Lumpur on Friday.",
            ("marco-rubio", "wang-yi", "CONSULT"),
        ),
        # support thrown behind another's bid is aimed at its owner
        (
            "Tokyo threw its weight behind India's bid for a seat on the U.N. Security Council.",
            ("state:JPN", "state:IND", "SUPPORT"),
        ),
        # yielding to years of pressure from another
        (
            "Yielding to years of pressure from Washington, Mexico extradited the cartel "
            "boss on Friday.",
            ("state:USA", "state:MEX", "CONCEDE"),
        ),
        # "the Czech Republic" with only "Czech" recognised, as a nationality
        (
            "The Czech Republic expelled two Russian diplomats on Monday.",
            ("state:CZE", "group:RUS:diplomats", "SANCTION"),
        ),
        # a body named by its country's possessive
        (
            "Russia's FSB security service detained a Latvian official near the border.",
            ("fsb", "group:LVA:government", "COERCE"),
        ),
        (
            "Pakistan's foreign office accused Kabul of sheltering the militants.",
            ("group:PAK:government", "state:AFG", "ACCUSE"),
        ),
        # firms and agencies the news names by name
        (
            "China imposed sanctions on Lockheed Martin over arms sales to Taiwan.",
            ("state:CHN", "lockheed-martin", "SANCTION"),
        ),
        (
            "NASA and the China National Space Administration exchanged data on their orbiters.",
            ("nasa", "cnsa", "COOPERATE"),
        ),
    ],
)
def test_shared_and_aimed_acts_code_their_act(
    extractor: Any, text: str, expected: tuple[str, ...]
) -> None:
    source, target, kind = expected
    assert frozenset({source, target, kind}) in coded(extractor, text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # "slammed" a decision is criticism still, no blow
        (
            "Beijing slammed Washington's decision on Friday.",
            frozenset({"state:CHN", "state:USA", "ASSAULT"}),
        ),
        # an export ban is no exit ban
        (
            "Washington barred Chinese firms from buying American chips.",
            frozenset({"state:USA", "state:CHN", "COERCE"}),
        ),
        # a threat to the threatener's own thing names no one
        (
            "Iran threatened to close its own embassy in Canberra.",
            frozenset({"state:IRN", "state:AUS", "THREATEN"}),
        ),
        # a state spoken of in the asking is no one asked
        (
            "Reporters asked Rubio about China on Monday.",
            frozenset({"marco-rubio", "state:CHN", "REQUEST"}),
        ),
        # one country accepting another's offer agrees with that other, not with a
        # third named beside it
        (
            "Armenia accepted a Russian offer to mediate with Azerbaijan.",
            frozenset({"state:ARM", "state:AZE", "AGREE"}),
        ),
        # an operation that is not joint holds no one together
        (
            "Italian police seized cannabis in an operation near the Albanian coast.",
            frozenset({"group:ITA:police", "state:ALB", "COOPERATE"}),
        ),
    ],
)
def test_near_misses_code_nothing_of_the_kind(
    extractor: Any, text: str, absent: frozenset[str]
) -> None:
    assert absent not in coded(extractor, text)


def test_a_sit_down_with_reporters_is_no_meeting(extractor: Any) -> None:
    text = "The minister sat across the table from reporters in Beijing on Friday."
    assert not any("CONSULT" in e for e in coded(extractor, text))


def test_state_forms_whose_first_word_is_a_nationality_link_whole(extractor: Any) -> None:
    assert "state:CZE" in linked(extractor, "The Czech Republic joined NATO in 1999.")
    assert "state:DOM" in linked(
        extractor, "The Dominican Republic recalled its ambassador from Haiti."
    )
