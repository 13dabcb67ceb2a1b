"""Hopes asked of another, and refusals to yield, as foreign ministries word them.

Each sentence is invented for the test, in the style of ministry statements and
wire reports; the test says what a reader would expect recorded, and near
misses what must not be.
"""

from __future__ import annotations

from typing import Any

import pytest

from extracted import events as _events

pytestmark = pytest.mark.model


def _coded(extractor: Any, text: str, published: str = "2021-06-15") -> set[tuple[str, ...]]:
    """(source, target, type, modality) of every event."""
    return {(s, t, k, m) for s, t, k, _mode, m in _events(extractor, text, published)}


def _types(found: set[tuple[str, ...]]) -> set[str]:
    return {e[2] for e in found}


# -- a hope that another will act is a request of it -------------------------


def test_hoping_another_state_will_act_is_a_request(extractor: Any) -> None:
    got = _coded(extractor, "Japan hopes China will refrain from further provocations.")
    assert got == {("state:JPN", "state:CHN", "REQUEST", "asserted")}
    got = _coded(extractor, "Tokyo hoped that Seoul would respond positively.")
    assert got == {("state:JPN", "state:KOR", "REQUEST", "asserted")}


def test_a_hope_reported_by_a_speaker_is_the_hopers_request(extractor: Any) -> None:
    got = _coded(extractor, "The minister said India hopes Pakistan can take concrete steps.")
    assert got == {("state:IND", "state:PAK", "REQUEST", "asserted")}
    got = _coded(
        extractor, "China said it hoped the United States would stop arms sales to Taiwan."
    )
    assert ("state:CHN", "state:USA", "REQUEST", "asserted") in got


def test_expecting_another_to_honour_what_it_owes_is_a_request(extractor: Any) -> None:
    got = _coded(extractor, "Beijing expects Washington to honour its commitments.")
    assert got == {("state:CHN", "state:USA", "REQUEST", "asserted")}


def test_hoping_to_act_oneself_is_no_request(extractor: Any) -> None:
    got = _coded(extractor, "China hopes to conclude talks with the United States.")
    assert "REQUEST" not in _types(got)


def test_talks_one_hopes_to_hold_are_planned_not_held(extractor: Any) -> None:
    # the small model lemmatizes "hopes" and "hoped" as "hop"
    got = _coded(extractor, "Seoul hopes to hold talks with Tokyo next month.")
    assert got == {("state:KOR", "state:JPN", "CONSULT", "planned")}
    got = _coded(extractor, "Seoul hoped to hold talks with Tokyo in the spring.")
    assert got == {("state:KOR", "state:JPN", "CONSULT", "planned")}
    got = _coded(extractor, "Seoul held talks with Tokyo, hoping to ease the dispute.")
    assert got == {("state:KOR", "state:JPN", "CONSULT", "asserted")}


def test_hoping_a_thing_will_happen_is_no_request(extractor: Any) -> None:
    assert not _coded(extractor, "China hopes the talks with Japan will succeed.")
    assert not _coded(extractor, "Hanoi hopes relations with Manila will improve.")


def test_a_forecast_is_no_request(extractor: Any) -> None:
    assert not _coded(extractor, "Analysts expect China to cut interest rates.")
    assert not _coded(extractor, "Berlin expects Ankara to take countermeasures.")
    assert not _coded(extractor, "China is expected to honour its commitments to Japan.")


def test_a_hope_for_what_another_has_done_or_suffers_is_no_request(extractor: Any) -> None:
    assert not _coded(extractor, "Moscow hoped Kyiv had learned its lesson.")
    assert not _coded(extractor, "Paris hopes Berlin will be spared from the crisis.")


def test_a_hope_about_the_hopers_own_state_is_no_request(extractor: Any) -> None:
    got = _coded(extractor, "Wang Yi said he hoped China would remain calm.")
    assert "REQUEST" not in _types(got)
    got = _coded(
        extractor, "Wang Yi said he hoped China and the United States would work together."
    )
    assert "REQUEST" not in _types(got)


# -- refusing to yield rejects the one who presses ---------------------------


def test_refusing_to_yield_to_pressure_rejects_the_one_pressing(extractor: Any) -> None:
    got = _coded(extractor, "Beijing will not yield to pressure from Washington.")
    assert got == {("state:CHN", "state:USA", "REJECT", "asserted")}
    got = _coded(extractor, "Iran said it would never bow to US threats.")
    assert got == {("state:IRN", "state:USA", "REJECT", "asserted")}
    got = _coded(extractor, "Seoul refused to give in to Tokyo's demands.")
    assert got == {("state:KOR", "state:JPN", "REJECT", "asserted")}


def test_vowing_not_to_bow_is_the_rejection_not_a_threat(extractor: Any) -> None:
    got = _coded(extractor, "Seoul vowed not to bow to Chinese pressure.")
    assert got == {("state:KOR", "state:CHN", "REJECT", "asserted")}
    got = _coded(extractor, "Cuba said it would not kowtow to Washington.")
    assert got == {("state:CUB", "state:USA", "REJECT", "asserted")}


def test_a_refusal_only_supposed_is_hypothetical(extractor: Any) -> None:
    got = _coded(
        extractor,
        "If Beijing does not yield to pressure from Washington, the talks will fail.",
    )
    assert ("state:CHN", "state:USA", "REJECT", "hypothetical") in got


def test_yielding_that_happened_or_other_yields_is_no_rejection(extractor: Any) -> None:
    assert "REJECT" not in _types(_coded(extractor, "Seoul gave in to Tokyo's demands."))
    assert not _coded(extractor, "Chinese bonds yield 3 percent, less than Japan's.")
    assert not _coded(
        extractor, "The Japanese minister never gave in to temptation during the talks."
    )
