"""Acts between states told in commentary: joining a body, keeping one out, forcing one.

Each sentence is invented for the test, in the style of the project gold set
(docs/annotation.md); the test says what a reader would expect recorded.
"""

from __future__ import annotations

from typing import Any

import pytest

from extracted import events as _events

pytestmark = pytest.mark.model


def _coded(found: set[tuple[str, ...]]) -> set[tuple[str, str, str, str]]:
    """(source, target, type, modality) of each event, without its mode."""
    return {(e[0], e[1], e[2], e[4]) for e in found}


def test_joining_or_acceding_to_a_body_is_cooperation_with_it(extractor: Any) -> None:
    got = _coded(_events(extractor, "Russia joined the WTO in 2012.", "2019-05-01"))
    assert ("state:RUS", "wto", "COOPERATE", "asserted") in got
    got = _coded(_events(extractor, "Montenegro acceded to NATO in 2017.", "2019-05-01"))
    assert ("state:MNE", "nato", "COOPERATE", "asserted") in got
    got = _coded(
        _events(
            extractor,
            "Ten rounds of talks on Kazakhstan's accession to the WTO were held.",
            "2019-05-01",
        )
    )
    assert ("state:KAZ", "wto", "COOPERATE", "asserted") in got


def test_joining_a_person_or_a_state_is_no_membership(extractor: Any) -> None:
    got = _events(
        extractor, "Japan joined the United States in condemning the launch.", "2019-05-01"
    )
    assert not any(e[2] == "COOPERATE" for e in got)
    got = _events(extractor, "Greer joined Bessent for talks with He Lifeng.", "2025-05-10")
    assert not any(e[2] == "COOPERATE" for e in got)


def test_keeping_a_state_out_of_a_body_rebuffs_it_and_negates_its_entry(
    extractor: Any,
) -> None:
    got = _coded(
        _events(
            extractor, "Britain prevented Russia from rejoining the Group of Eight.", "2019-05-01"
        )
    )
    assert ("state:GBR", "state:RUS", "REJECT", "asserted") in got
    assert ("state:RUS", "g8", "COOPERATE", "negated") in got
    assert not any(e[0] == "state:GBR" and e[2] == "COOPERATE" for e in got)
    got = _coded(
        _events(extractor, "Turkey was barred by Greece from joining the bloc.", "2019-05-01")
    )
    assert ("state:GRC", "state:TUR", "REJECT", "asserted") in got


def test_keeping_a_state_from_another_act_is_no_rebuff(extractor: Any) -> None:
    got = _events(extractor, "France prevented Iran from building a bomb.", "2019-05-01")
    assert not any(e[2] == "REJECT" for e in got)


def test_forcing_a_state_to_act_is_coercion(extractor: Any) -> None:
    got = _coded(
        _events(extractor, "France forced Greece to accept the terms of the loan.", "2019-05-01")
    )
    assert ("state:FRA", "state:GRC", "COERCE", "asserted") in got
    got = _coded(_events(extractor, "Greece was forced by Germany to cut spending.", "2019-05-01"))
    assert ("state:DEU", "state:GRC", "COERCE", "asserted") in got


def test_what_forces_without_a_doer_or_an_act_is_no_coercion(extractor: Any) -> None:
    for text in (
        "The recession forced Brazil to cut spending.",
        "Brazil was forced to cut spending.",
        "The crisis forced Brazil in a new direction.",
    ):
        assert not any(e[2] == "COERCE" for e in _events(extractor, text, "2019-05-01")), text


def test_ignoring_a_body_or_a_protest_is_a_rebuff(extractor: Any) -> None:
    got = _coded(
        _events(
            extractor,
            "Russia is defying the world by raising barriers and ignoring the WTO.",
            "2019-05-01",
        )
    )
    assert ("state:RUS", "wto", "REJECT", "asserted") in got
    got = _coded(_events(extractor, "Beijing ignored Washington's protests.", "2019-05-01"))
    assert ("state:CHN", "state:USA", "REJECT", "asserted") in got
    got = _events(extractor, "Analysts ignored the risk that China would retaliate.", "2019-05-01")
    assert not any(e[2] == "REJECT" for e in got)


def test_a_speakers_we_is_the_speaker(extractor: Any) -> None:
    got = _coded(
        _events(
            extractor,
            'Vice President of China Wang Qishan said in a speech that "we will demand '
            'that Tokyo open its markets, as we have opened ours".',
            "2019-05-01",
        )
    )
    assert ("wang-qishan", "state:JPN", "REQUEST", "planned") in got
    got = _coded(
        _events(
            extractor,
            'Mike Pence said: "We will demand that Moscow open its markets."',
            "2019-05-01",
        )
    )
    assert ("mike-pence", "state:RUS", "REQUEST", "planned") in got


def test_the_one_sought_out_for_talks_is_the_one_talked_with(extractor: Any) -> None:
    for text in (
        "Washington approached Moscow for talks.",
        "Washington turned to Moscow for negotiations.",
        "In the crisis the United States changed its tone and found Russia for negotiation.",
    ):
        got = _events(extractor, text, "2019-05-01")
        assert any({e[0], e[1]} == {"state:USA", "state:RUS"} and e[2] == "CONSULT" for e in got), (
            text
        )


def test_an_act_of_its_own_before_for_talks_keeps_its_reading(extractor: Any) -> None:
    got = _events(extractor, "Britain summoned the Russian ambassador for talks.", "2019-05-01")
    assert not any(e[2] == "CONSULT" for e in got)


def test_an_investigation_of_a_states_goods_accuses_that_state(extractor: Any) -> None:
    got = _coded(
        _events(
            extractor,
            "From 1990 to 2010, the United States launched 80 trade investigations "
            "against imports from Brazil.",
            "2019-05-01",
        )
    )
    assert ("state:USA", "state:BRA", "ACCUSE", "asserted") in got
    got = _events(
        extractor,
        "Interpol launched an investigation into the bombing of the embassy in Belgrade.",
        "2019-05-01",
    )
    assert not any(e[2] == "ACCUSE" for e in got)


def test_a_countrys_politicians_speak_for_it(extractor: Any) -> None:
    got = _coded(_events(extractor, "US politicians accused Russia of unfair trade.", "2019-05-01"))
    assert ("group:USA:politicians", "state:RUS", "ACCUSE", "asserted") in got


def test_a_number_of_the_talks_counted_between_two_is_their_talks(extractor: Any) -> None:
    for text in (
        "Negotiators held 60 rounds of negotiations on the accord, including as many as "
        "20 between Kazakhstan and the United States.",
        "Envoys flew in, undertaking 60 formal negotiations on the accord, including as "
        "many as 20 between Kazakhstan and the United States.",
    ):
        got = _events(extractor, text, "2019-05-01")
        assert any({e[0], e[1]} == {"state:KAZ", "state:USA"} and e[2] == "CONSULT" for e in got), (
            text
        )
    got = _events(
        extractor, "The firm has 30 depots, including 12 between Moscow and Kazan.", "2019-05-01"
    )
    assert not got


def test_an_easing_one_had_to_make_is_made(extractor: Any) -> None:
    got = _coded(
        _events(
            extractor,
            "The United States imposed sanctions on China in 1989. Years later "
            "Washington had to waive those sanctions as its own farmers lost sales.",
            "2019-05-01",
        )
    )
    assert ("state:USA", "state:CHN", "RETREAT", "asserted") in got
    got = _events(extractor, "Beijing will have to lift the ban soon.", "2019-05-01")
    assert not any(e[2] == "RETREAT" for e in got)


def test_suggesting_that_another_act_asks_it(extractor: Any) -> None:
    got = _coded(
        _events(
            extractor,
            "The dispute began for domestic reasons, Wang Yi said, suggesting the US "
            "resolve the frictions through dialogue.",
            "2019-05-01",
        )
    )
    assert ("wang-yi", "state:USA", "REQUEST", "asserted") in got
    for text in ("Wang Yi suggested that Japan was slowing.", "Reports suggest Japan will grow."):
        assert not any(e[2] == "REQUEST" for e in _events(extractor, text, "2019-05-01")), text


def test_the_means_tried_is_not_the_one_who_acts(extractor: Any) -> None:
    got = _coded(
        _events(
            extractor,
            "The US government tried every means at hand to prevent Vietnam "
            "from joining the trade bloc.",
            "2019-05-01",
        )
    )
    assert ("group:USA:government", "state:VNM", "REJECT", "planned") in got
