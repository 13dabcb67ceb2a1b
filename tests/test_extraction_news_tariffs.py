"""Tariffs, levies and duties told as nouns, as trade-war news tells them.

Each sentence is invented for the test, in the style of wire and People's Daily
reports; the test says what a reader would expect recorded, and near misses
what must not be.
"""

from __future__ import annotations

from typing import Any

import pytest

from extracted import events as _events
from extracted import extract as _extract

pytestmark = pytest.mark.model


def _coded(extractor: Any, text: str, published: str = "2019-05-20") -> set[tuple[str, ...]]:
    """(source, target, type, modality) of every event."""
    return {(s, t, k, m) for s, t, k, _mode, m in _events(extractor, text, published)}


def _sanctions(found: set[tuple[str, ...]]) -> set[tuple[str, ...]]:
    return {e for e in found if e[2] == "SANCTION"}


def test_a_state_adjectives_levies_on_anothers_goods_are_its_sanction(extractor: Any) -> None:
    got = _coded(
        extractor,
        "Last week, fresh US levies on $3 billion worth of Mexican steel came into force.",
    )
    assert ("state:USA", "state:MEX", "SANCTION", "asserted") in got
    got = _coded(extractor, "Japan's duties on Chinese steel took effect on Monday.")
    assert ("state:JPN", "state:CHN", "SANCTION", "asserted") in got


def test_a_levy_that_will_start_is_planned(extractor: Any) -> None:
    got = _coded(extractor, "Canada's new levy on Chinese steel will start in July.")
    assert ("state:CAN", "state:CHN", "SANCTION", "planned") in got


def test_tariffs_whose_on_phrase_the_parser_hung_on_the_verb(extractor: Any) -> None:
    # "on … imports" belongs to the tariffs, not to "followed"
    got = _coded(
        extractor,
        "The duties were followed by Ottawa's tariffs on about $12 billion worth of US imports.",
    )
    assert ("state:CAN", "state:USA", "SANCTION", "asserted") in got
    got = _coded(extractor, "The protest was followed by Beijing's tariffs against Japan.")
    assert ("state:CHN", "state:JPN", "SANCTION", "asserted") in got


def test_both_sides_raising_tariffs_on_each_others_goods_is_two_sanctions(
    extractor: Any,
) -> None:
    got = _coded(
        extractor,
        "Before that, both parties had raised tariffs on $30 billion worth of each other's goods.",
    )
    assert _sanctions(got) == {
        ("state:USA", "state:CHN", "SANCTION", "asserted"),
        ("state:CHN", "state:USA", "SANCTION", "asserted"),
    }
    got = _coded(extractor, "Both sides raised tariffs on each other's exports last year.")
    assert ("state:CHN", "state:USA", "SANCTION", "asserted") in got
    assert ("state:USA", "state:CHN", "SANCTION", "asserted") in got


def test_tariffs_without_a_state_that_imposes_them_are_no_event(extractor: Any) -> None:
    for text in (
        "Economists say tariffs hurt consumers more than exporters.",
        "The impact of the tariffs on Chinese goods is hard to measure.",
        "Both parties raised concerns about each other's tariffs.",
        "Japan alone lifted duties on each other's goods.",
        "US imports from China fell by a tenth in the first quarter.",
        "Farmers were hurt by Canada's duties on Monday.",
        "The envoy assumed his duties in Beijing last week.",
        "Washington's tariff policy cannot fix its own trade deficit.",
        "The impact of US levies on consumers is large.",
        "The levies hurt American farmers.",
    ):
        assert not _sanctions(_coded(extractor, text)), text


def test_an_earlier_round_told_after_a_dated_one_is_another_event(extractor: Any) -> None:
    # "Prior to that" places the second round before the day just told: not the same one
    ex = _extract(
        extractor,
        "On May 2, fresh US levies on some $90 billion of Chinese goods took effect. "
        "Prior to that, both sides raised tariffs on $20 billion of each other's goods.",
        "2019-05-20",
    )
    got = [(e.source.actor_id, e.target.actor_id, e.type, e.date.start) for e in ex.events]
    assert sorted(got, key=str) == sorted(
        [
            ("state:USA", "state:CHN", "SANCTION", "2019-05-02"),
            ("state:USA", "state:CHN", "SANCTION", None),
            ("state:CHN", "state:USA", "SANCTION", None),
        ],
        key=str,
    )


def test_subjecting_a_states_goods_to_tariffs_is_a_sanction(extractor: Any) -> None:
    got = _coded(extractor, "Japan subjected Chinese steel to new duties last year.")
    assert ("state:JPN", "state:CHN", "SANCTION", "asserted") in got
    got = _coded(
        extractor, "For decades the United States subjected Brazil's exports to high tariff rates."
    )
    assert ("state:USA", "state:BRA", "SANCTION", "asserted") in got


def test_goods_subjected_to_tariffs_are_not_the_ones_who_impose_them(extractor: Any) -> None:
    # the goods are the ones hit; who imposes the tariffs this sentence does not say
    for text in (
        "Most Chinese goods subjected to these tariffs are parts for US factories.",
        "The Chinese firms sanctioned last year lost money.",
        "The suspect was subjected to harsh treatment by police.",
    ):
        got = _coded(extractor, text)
        assert not any(e[0] == "state:CHN" for e in _sanctions(got)), text


def test_a_person_before_a_past_participle_still_does_it(extractor: Any) -> None:
    # the parser may read "embarked" as a participle on the name: he still tours
    got = _coded(
        extractor,
        "China's vice president, Wang Qishan, embarked on a tour of the United States on Monday.",
    )
    assert ("wang-qishan", "state:USA", "CONSULT", "asserted") in got
