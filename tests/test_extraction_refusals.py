"""Threats told by the act threatened, and refusals told by idiom.

"Chavez threatened to freeze trade with Colombia", "Israel ruled out a ceasefire
with Hamas", "Turkey's parliament voted down a U.S. request": the party threatened
or refused is named inside the act or by the idiom. Each case is a sentence whose
parties a reader can tell; the test says what the reader would expect the tool to
record, or that it records nothing.
"""

from __future__ import annotations

from typing import Any

import pytest

from extracted import parties as _of
from extracted import typed as _typed

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Hugo Chavez threatened to freeze trade with Colombia.", ("hugo-chavez", "state:COL")),
        ("Paul Kagame threatened to send troops back into Congo.", ("paul-kagame", "state:COD")),
        (
            "New Zealand threatened to take France to the International Court of Justice.",
            ("state:NZL", "state:FRA"),
        ),
    ],
)
def test_a_threat_aims_at_whom_the_threatened_act_names(
    extractor: Any, text: str, pair: tuple[str, str]
) -> None:
    assert pair in _of(extractor, text, "THREATEN")


def test_a_threatened_act_in_a_place_threatens_no_one_there(extractor: Any) -> None:
    assert not _of(extractor, "Iran threatened to close its own embassy in Canberra.", "THREATEN")


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Israel ruled out a ceasefire with Hamas.", ("state:ISR", "hamas")),
        (
            "Turkey's parliament voted down a U.S. request to deploy troops.",
            ("group:TUR:legislature", "state:USA"),
        ),
        ("China voted against the UN resolution on Syria.", ("state:CHN", "united-nations")),
        (
            "Sudan rejected the ICC's arrest warrant for Omar al-Bashir.",
            ("state:SDN", "international-criminal-court"),
        ),
    ],
)
def test_a_refusal_told_by_idiom(extractor: Any, text: str, pair: tuple[str, str]) -> None:
    assert pair in _of(extractor, text, "REJECT")


def test_not_ruling_out_is_no_refusal(extractor: Any) -> None:
    text = "Putin did not rule out talks with Kyiv."
    assert not {k for _, _, k, _ in _typed(extractor, text)} & {"REJECT"}
    assert ("vladimir-putin", "state:UKR") in _of(extractor, text, "CONSULT", "hypothetical")
