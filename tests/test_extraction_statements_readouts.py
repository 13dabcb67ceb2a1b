"""Official readouts: the phrases of meeting and call readouts that say two parties
communicated (views exchanged, an exchange held, a matter raised, a message
conveyed, someone briefed, words stressed to someone).

Each sentence is invented for the test, in the style of foreign-ministry, State
Department and White House readouts; near misses say what must not be coded.
"""

from __future__ import annotations

from typing import Any

import pytest

from extracted import events as _events
from extracted import pairs

pytestmark = pytest.mark.model

_DAY = "2024-05-01"


def _coded(extractor: Any, text: str) -> set[tuple[str, ...]]:
    return _events(extractor, text, _DAY)


def _consulted(extractor: Any, text: str) -> set[frozenset[str]]:
    return pairs(_coded(extractor, text))


# -- views exchanged ----------------------------------------------------------


def test_views_exchanged_with_someone_are_a_contact(extractor: Any) -> None:
    got = _coded(extractor, "Wang Yi exchanged views with Blinken on the Middle East.")
    assert got == {("wang-yi", "antony-blinken", "CONSULT", "meet", "asserted")}
    got = _consulted(extractor, "Lavrov exchanged opinions with Wang Yi on Afghanistan.")
    assert got == {frozenset({"sergey-lavrov", "wang-yi"})}


def test_two_who_exchanged_views_consulted_each_other(extractor: Any) -> None:
    got = _consulted(extractor, "China and the United States exchanged views on trade and Taiwan.")
    assert got == {frozenset({"state:CHN", "state:USA"})}


def test_views_exchanged_by_phone_are_a_call(extractor: Any) -> None:
    got = _coded(extractor, "Japan and South Korea exchanged views on North Korea in a phone call.")
    assert {e[3] for e in got if e[2] == "CONSULT"} == {"phone"}
    got = _coded(extractor, "Lavrov and Wang Yi exchanged views by phone on Syria.")
    assert {e[3] for e in got if e[2] == "CONSULT"} == {"phone"}


def test_exchanged_accusations_stay_charges_and_fire_is_no_talk(extractor: Any) -> None:
    got = _coded(extractor, "Washington and Beijing exchanged accusations over the hacking.")
    assert {e[2] for e in got} == {"ACCUSE"}
    fire = _coded(extractor, "India and Pakistan exchanged fire across the border.")
    assert {e[2] for e in fire} == {"ASSAULT"}  # force, not talk


# -- an exchange had or held --------------------------------------------------


def test_an_exchange_had_or_held_with_someone_is_a_contact(extractor: Any) -> None:
    got = _consulted(extractor, "Xi had an in-depth exchange with Biden on bilateral relations.")
    assert got == {frozenset({"xi-jinping", "joe-biden"})}
    got = _consulted(extractor, "Blinken had a candid exchange with Lavrov.")
    assert got == {frozenset({"antony-blinken", "sergey-lavrov"})}
    got = _consulted(extractor, "Lavrov held an exchange of views with Wang Yi.")
    assert got == {frozenset({"sergey-lavrov", "wang-yi"})}


def test_fire_prisoners_stocks_and_cultural_exchanges_are_no_talk(extractor: Any) -> None:
    for text in (
        "Israel and Hamas had an exchange of fire.",
        "Russia and Ukraine held a prisoner exchange.",
        "Russia held an exchange of prisoners with Ukraine.",
        "China and Japan held cultural exchanges.",
        "Modi held an exchange of letters with the stock exchange.",
    ):
        assert _consulted(extractor, text) == set(), text


# -- raising, conveying, briefing, stressing to someone -------------------------


def test_a_matter_raised_with_someone_is_a_contact(extractor: Any) -> None:
    got = _coded(extractor, "Biden raised concerns about human rights with Xi.")
    assert got == {("joe-biden", "xi-jinping", "CONSULT", "meet", "asserted")}
    got = _consulted(extractor, "Scholz raised the case of a jailed activist with Modi.")
    assert got == {frozenset({"olaf-scholz", "narendra-modi"})}


def test_raising_tariffs_funds_or_an_issue_with_no_one_is_no_contact(extractor: Any) -> None:
    assert _consulted(extractor, "The United States raised tariffs on China.") == set()
    assert _consulted(extractor, "Blinken raised the issue at the United Nations.") == set()
    assert _consulted(extractor, "Macron raised funds with Scholz.") == set()
    # the one a concern is "with" is a thing, whose own "with" names no one addressed
    text = "Netanyahu raised concerns with the nuclear deal with Iran."
    assert _consulted(extractor, text) == set()


def test_a_message_conveyed_to_someone_is_a_contact(extractor: Any) -> None:
    got = _coded(extractor, "Yellen conveyed concerns to He Lifeng about overcapacity.")
    assert got == {("janet-yellen", "he-lifeng", "CONSULT", "meet", "asserted")}
    got = _consulted(extractor, "Blinken conveyed to Wang Yi that Washington wanted stability.")
    assert got == {frozenset({"antony-blinken", "wang-yi"})}
    assert _consulted(extractor, "The company conveyed goods to Russia.") == set()
    assert _consulted(extractor, "Yellen conveyed concerns about exports to China.") == set()


def test_someone_briefed_or_informed_is_a_contact(extractor: Any) -> None:
    got = _coded(extractor, "Bessent briefed He Lifeng on the US position.")
    assert got == {("scott-bessent", "he-lifeng", "CONSULT", "meet", "asserted")}
    got = _consulted(extractor, "Wang Yi informed Lavrov of China's position.")
    assert got == {frozenset({"wang-yi", "sergey-lavrov"})}
    assert _coded(extractor, "Bessent briefed reporters on the tariffs.") == set()


def test_a_briefing_at_home_is_no_contact(extractor: Any) -> None:
    assert _consulted(extractor, "Sullivan briefed Biden on the talks.") == set()
    assert _consulted(extractor, "Blinken briefed Congress on the sanctions.") == set()


def test_words_stressed_to_someone_are_a_contact(extractor: Any) -> None:
    got = _coded(extractor, "Wang Yi stressed to Blinken that Taiwan is a red line.")
    assert ("wang-yi", "antony-blinken", "CONSULT", "meet", "asserted") in got
    got = _consulted(extractor, "Macron emphasized to Xi the importance of peace.")
    assert got == {frozenset({"emmanuel-macron", "xi-jinping"})}
    got = _consulted(extractor, "Scholz reiterated to Modi that Germany supports India.")
    assert frozenset({"olaf-scholz", "narendra-modi"}) in got


def test_stressing_with_no_one_addressed_is_no_contact(extractor: Any) -> None:
    assert _consulted(extractor, "Wang Yi stressed that Taiwan is a red line.") == set()
    assert _consulted(extractor, "Blinken underscored the importance of the alliance.") == set()
    assert _consulted(extractor, "Abe stressed the importance of ties to China.") == set()
    assert _consulted(extractor, "Biden reiterated support to Ukraine.") == set()
