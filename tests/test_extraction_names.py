"""The ways actors are named: titles, honorifics, surnames, possessives and bodies.

Each sentence is invented for the test, in the style of the project gold set
(docs/annotation.md); the test says what a reader would expect recorded.
"""

from __future__ import annotations

from typing import Any

import pytest

from backchannel.model import Document, Extraction
from extracted import events as _events
from extracted import pairs as _pairs

pytestmark = pytest.mark.model


def _actors(events: set[tuple[str, ...]]) -> set[str]:
    return {a for e in events for a in e[:2]}


def test_a_title_written_with_us_and_full_stops_names_the_holder(extractor: Any) -> None:
    got = _events(
        extractor, "The U.S. president met Xi Jinping in Osaka on Saturday.", "2019-06-30"
    )
    assert frozenset({"donald-trump", "xi-jinping"}) in _pairs(got)
    got = _events(extractor, "Wang Yi met the top U.S. diplomat in Rome on Monday.", "2020-08-18")
    assert frozenset({"mike-pompeo", "wang-yi"}) in _pairs(got)


def test_a_title_with_americas_and_either_spelling_names_the_holder(extractor: Any) -> None:
    got = _events(
        extractor,
        "America's defence secretary met China's defense minister in Phnom Penh on Tuesday.",
        "2022-11-23",
    )
    assert frozenset({"lloyd-austin", "wei-fenghe"}) in _pairs(got)


def test_a_body_inside_a_title_is_the_holder_not_the_body(extractor: Any) -> None:
    got = _events(
        extractor, "The Pentagon chief met Wei Fenghe in Beijing on Wednesday.", "2018-06-28"
    )
    assert frozenset({"jim-mattis", "wei-fenghe"}) in _pairs(got)
    assert "us-defense-department" not in _actors(got)


def test_an_ambassador_alone_is_the_one_to_the_other_side(extractor: Any) -> None:
    got = _events(
        extractor, "China's ambassador met Deputy Secretary Wendy Sherman on Friday.", "2022-03-12"
    )
    assert frozenset({"qin-gang", "wendy-sherman"}) in _pairs(got)
    got = _events(
        extractor,
        "America's top envoy to Beijing met Vice Foreign Minister Xie Feng on Monday.",
        "2022-03-15",
    )
    assert got == {("nicholas-burns", "xie-feng", "CONSULT", "meet", "asserted")}


def test_an_ambassador_posted_elsewhere_is_not_the_one_to_the_other_side(extractor: Any) -> None:
    got = _events(
        extractor,
        "The Chinese ambassador to Japan met Deputy Secretary Wendy Sherman on Friday.",
        "2022-03-12",
    )
    assert "qin-gang" not in _actors(got)


def test_a_title_before_a_surname_is_that_days_holder(extractor: Any) -> None:
    got = _events(extractor, "Mnuchin called on Premier Li in Beijing on Friday.", "2019-02-16")
    assert frozenset({"steven-mnuchin", "li-keqiang"}) in _pairs(got)
    got = _events(extractor, "Raimondo called on Premier Li in Beijing on Tuesday.", "2023-08-30")
    assert frozenset({"gina-raimondo", "li-qiang"}) in _pairs(got)


def test_vice_premier_he_as_a_subject_is_he_lifeng(extractor: Any) -> None:
    got = _events(
        extractor, "Vice Premier He met the Treasury secretary in London on Monday.", "2025-06-10"
    )
    assert frozenset({"he-lifeng", "scott-bessent"}) in _pairs(got)
    # the pronoun with no one to refer to is still nobody
    assert not _events(
        extractor, "He met the Treasury secretary in London on Monday.", "2025-06-10"
    )


def test_a_kb_surname_after_another_given_name_is_not_the_kb_person(extractor: Any) -> None:
    got = _events(
        extractor,
        "The Treasury sanctioned Marcia Liu, a Chinese official, on Friday.",
        "2020-08-08",
    )
    assert not _actors(got) & {"liu-he", "liu-jianchao", "liu-kun", "liu-zhenmin"}


def test_a_short_given_name_still_finds_the_kb_person(extractor: Any) -> None:
    got = _events(extractor, "Rob Lighthizer met Liu He in Washington on Thursday.", "2019-05-10")
    assert frozenset({"robert-lighthizer", "liu-he"}) in _pairs(got)


def test_the_national_peoples_congress_is_not_the_us_congress(extractor: Any) -> None:
    got = _events(
        extractor,
        "China's National People's Congress criticised Nancy Pelosi on Thursday.",
        "2022-08-05",
    )
    assert "us-congress" not in _actors(got)
    assert ("national-peoples-congress", "nancy-pelosi") in {e[:2] for e in got}


def test_the_state_dept_abbreviated_is_the_state_department(extractor: Any) -> None:
    got = _events(extractor, "The State Dept. criticised Beijing on Sunday.", "2021-03-22")
    assert ("us-state-department", "state:CHN", "ACCUSE", "criticize", "asserted") in got


def test_he_in_the_next_sentence_is_the_subject_before_not_the_last_named(extractor: Any) -> None:
    got = _events(
        extractor,
        "Raimondo held talks with Wang Wentao on Monday.\n\n"
        "Later that day she was received by Premier Li Qiang.",
        "2023-08-29",
    )
    assert frozenset({"gina-raimondo", "li-qiang"}) in _pairs(got)
    assert frozenset({"wang-wentao", "li-qiang"}) not in _pairs(got)


def test_an_event_told_twice_in_an_article_is_one_event(extractor: Any) -> None:
    text = (
        "Spokesman Zhao Lijian said Pompeo was spreading lies.\n\n"
        "He accused the secretary of state of trying to start a new Cold War."
    )
    doc = Document(Document.make_id(text), text, published="2020-05-09", origin="test")
    ex = extractor.process(doc)
    assert isinstance(ex, Extraction), ex
    accusations = [(e.source.actor_id, e.target.actor_id) for e in ex.events if e.type == "ACCUSE"]
    assert accusations == [("zhao-lijian", "mike-pompeo")]


def test_his_counterpart_is_the_one_opposite_number_that_day(extractor: Any) -> None:
    got = _events(
        extractor, "Trump met his Chinese counterpart in Osaka on Saturday.", "2019-06-30"
    )
    assert frozenset({"donald-trump", "xi-jinping"}) in _pairs(got)
    got = _events(extractor, "Esper spoke with his Chinese counterpart on Thursday.", "2020-08-07")
    assert frozenset({"mark-esper", "wei-fenghe"}) in _pairs(got)


def test_a_counterpart_of_another_country_or_several_is_nobody_in_particular(
    extractor: Any,
) -> None:
    got = _events(extractor, "Esper met his Japanese counterpart on Thursday.", "2020-08-07")
    assert "wei-fenghe" not in _actors(got)
    got = _events(extractor, "Esper met his Chinese counterparts on Thursday.", "2020-08-07")
    assert "wei-fenghe" not in _actors(got)


def test_a_states_possessive_before_a_group_noun_is_that_group(extractor: Any) -> None:
    got = _events(
        extractor,
        "Washington's delegation met Beijing's delegation in Anchorage on Thursday.",
        "2021-03-20",
    )
    assert ("group:USA:delegation", "group:CHN:delegation") in {e[:2] for e in got}


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        (
            "Chinese officials met Pentagon officials in Hawaii.",
            ("group:CHN:officials", "us-defense-department"),
        ),
        (
            "State Department officials met Chinese diplomats.",
            ("us-state-department", "group:CHN:diplomats"),
        ),
        ("A congressional delegation met Lai Ching-te in Taipei.", ("us-congress", "lai-ching-te")),
    ],
)
def test_officials_of_a_body_act_for_it(extractor: Any, text: str, pair: tuple[str, str]) -> None:
    assert frozenset(pair) in _pairs(_events(extractor, text, "2024-06-01"))


def test_a_named_official_of_a_body_is_the_one_who_acts(extractor: Any) -> None:
    got = _events(extractor, "Pentagon official Sam Leary criticised China on Monday.")
    assert "us-defense-department" not in _actors(got)


@pytest.mark.parametrize(
    ("text", "event"),
    [
        (
            "The FBI arrested a Chinese national in Boston.",
            ("fbi", "group:CHN:civilian", "COERCE"),
        ),
        (
            "The Justice Department charged Chinese hackers with spying.",
            ("us-justice-department", "state:CHN", "ACCUSE"),
        ),
        (
            "The Eastern Theater Command held drills around Taiwan.",
            ("pla-eastern-theater-command", "state:TWN", "MOBILIZE"),
        ),
        (
            "China sentenced a US citizen to life in prison.",
            ("state:CHN", "group:USA:civilian", "COERCE"),
        ),
        (
            "China detained an American citizen, John Miller, in 2015.",
            ("state:CHN", "new:john-miller", "COERCE"),
        ),
    ],
)
def test_bodies_and_people_named_by_what_they_are(
    extractor: Any, text: str, event: tuple[str, str, str]
) -> None:
    assert event in {e[:3] for e in _events(extractor, text)}


def test_a_name_ending_in_jun_at_the_end_of_a_sentence_is_the_name(extractor: Any) -> None:
    # "Jun." is no month abbreviation here: news writes "June" in full
    got = _events(extractor, "It was the first meeting between Austin and Dong Jun.", "2024-06-01")
    assert {frozenset(e[:2]) for e in got} == {frozenset({"lloyd-austin", "dong-jun"})}
