"""Parties named the ways a name list misses: the head of a body by office only, a
speaker "for" a ministry, a country's officers behind a body's name, the two sides
of a text about others.

Each sentence is invented for the test, in the style of the project gold set
(docs/annotation.md); each rule has a near miss where it must not fire.
"""

from __future__ import annotations

from typing import Any

import pytest

from extracted import linked
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
    got = {frozenset(e[:2]) | {e[2]} for e in _typed(extractor, text) if e[3] == "asserted"}
    assert frozenset(expected) in got, _typed(extractor, text)


def test_a_named_holder_speaks_for_himself_not_the_body(extractor: Any) -> None:
    got = _typed(extractor, "Ned Price, a spokesman for the State Department, criticised Beijing.")
    assert "us-state-department" not in {e[0] for e in got}


def test_the_two_sides_of_a_text_about_others_are_its_two_countries(extractor: Any) -> None:
    text = (
        "Kenyan and Somali troops pulled back from the border town, officials of both "
        "countries said."
    )
    found = linked(extractor, text)
    assert {"state:KEN", "state:SOM"} <= found
    assert not {"state:USA", "state:CHN"} & found
    # a text of three others: which two it cannot tell
    text = "Chile, Peru and Bolivia sent envoys; both sides agreed to talk again."
    assert not {"state:USA", "state:CHN"} & linked(extractor, text)
    # a place is no side: the two militaries are still the run's
    text = "The generals met in Hanoi, a year after the two militaries halted talks."
    assert {"group:USA:military", "group:CHN:military"} <= linked(extractor, text, "2010-10-11")
