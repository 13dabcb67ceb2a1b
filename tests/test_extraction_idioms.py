"""Meetings and criticism told by idiom, setting or gesture.

"Broke bread with Xi", "took a swipe at Beijing", "read the riot act to
Netanyahu": each case is a sentence a reader understands at once as a meeting
or a rebuke between two parties; the test says which the reader would expect
the tool to record, or that it records none.
"""

from __future__ import annotations

from typing import Any

import pytest

from extracted import countries as _countries
from extracted import extract as _run

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    "text",
    [
        "Biden broke bread with Xi Jinping at the Filoli estate.",
        "Trump played golf with Shinzo Abe.",
        "Obama took a stroll with Xi at Sunnylands.",
        "Donald Trump and Kim Jong Un came face to face at the Capella hotel.",
        "Macron rubbed shoulders with Xi at the summit.",
        "Kissinger was closeted with Zhou Enlai for hours.",
        "Biden got on the line with Xi on Tuesday.",
        "Trump picked up the phone to Xi Jinping.",
        "Sullivan traded views with Wang Yi in Vienna.",
        "Putin laid on an informal dinner for Xi Jinping.",
        "Xi threw a state banquet for Trump.",
        "Modi and Xi held a fireside chat in Wuhan.",
        "A tete-a-tete between Trump and Putin lasted two hours.",
        "Trump was given a tour of the Forbidden City by Xi.",
        "Xi Jinping took Narendra Modi on a boat ride across Wuhan's East Lake.",
        "Joe Biden walked through the streets of Kyiv with Volodymyr Zelensky.",
        "Wen Jiabao was ushered into the Oval Office by George W. Bush.",
        "Hu Jintao was feted by Barack Obama at a state dinner.",
        "Tony Blair spent a weekend at Camp David with George W. Bush.",
        "Pompeo and Yang Jiechi spent nearly seven hours behind closed doors in Honolulu.",
        "Wei Fenghe shook hands with Lloyd Austin and then retreated behind closed doors with him.",
    ],
)
def test_a_meeting_told_by_what_the_two_did_together(extractor: Any, text: str) -> None:
    found = _countries(extractor, text)
    assert any(e[2] == "CONSULT" and e[0] != e[1] for e in found), found
    assert not any(e[2] == "RETREAT" for e in found)  # "retreated behind closed doors"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pompeo took a swipe at Beijing over its handling of the virus.", ("USA", "CHN")),
        ("Lavrov fired a broadside at Washington.", ("RUS", "USA")),
        ("Erdogan read the riot act to Netanyahu.", ("TUR", "ISR")),
        ("Truss gave the Chinese ambassador a dressing-down.", ("GBR", "CHN")),
        ("Biden gave Xi an earful over Taiwan.", ("USA", "CHN")),
        ("Modi laid into Pakistan.", ("IND", "PAK")),
        ("Putin heaped scorn on Washington.", ("RUS", "USA")),
        ("Donald Trump heaped blame on China for unleashing the coronavirus.", ("USA", "CHN")),
        ("Seoul cast blame on Pyongyang for the sinking.", ("KOR", "PRK")),
        ("Antony Blinken went after Beijing in a speech.", ("USA", "CHN")),
        ("Imran Khan hammered India over the revocation of Kashmir's status.", ("PAK", "IND")),
        ("The State Department lashed Beijing for imposing a security law.", ("USA", "CHN")),
        ("Le Drian skewered Canberra over the submarine deal.", ("FRA", "AUS")),
        ("Mahmoud Ahmadinejad launched into a tirade against Israel.", ("IRN", "ISR")),
    ],
)
def test_criticism_told_by_idiom(extractor: Any, text: str, expected: tuple[str, str]) -> None:
    assert (*expected, "ACCUSE") in _countries(extractor, text)


def test_an_idiom_in_its_literal_sense_or_another_reading_is_no_act(extractor: Any) -> None:
    for text in (
        "Russia fired missiles at Ukraine.",  # an attack, still
        "Negotiators hammered out a deal with Japan.",
    ):
        assert not any(e[2] == "ACCUSE" for e in _countries(extractor, text))
    for text in (
        "Beijing rolled out new export controls on rare earths.",
        "Beijing picked up the pace of its purchases.",
        "If Hillary Clinton were to walk past the edge of Tiananmen Square, she would see it.",
        "The storm cast a shadow over the summit.",
    ):
        assert not _run(extractor, text).events, text


def test_the_reason_for_a_judgement_names_no_other_party(extractor: Any) -> None:
    for text in (
        "Washington criticised Beijing for its support of Moscow.",
        "Blinken called out Beijing for its support of Moscow.",
        "Blinken scolded China for its ties with Russia.",
    ):
        assert {e[1] for e in _countries(extractor, text)} == {"CHN"}, text
