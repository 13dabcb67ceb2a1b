"""How news names its actors: hyphenated given names, titles with a name in
apposition, typographic apostrophes and two-word nationalities.

Each sentence is invented for the test, in the style of a newspaper's lead
paragraph; the test says what a reader would expect recorded.
"""

from __future__ import annotations

from typing import Any

import pytest

from extracted import events as _events
from extracted import extract as _extract
from extracted import pairs as _pairs

pytestmark = pytest.mark.model


def _actors(events: set[tuple[str, ...]]) -> set[str]:
    return {a for e in events for a in e[:2]}


def test_a_hyphenated_korean_name_after_a_title_is_a_new_person(extractor: Any) -> None:
    got = _events(
        extractor, "South Korean Trade Minister Yoo Han-gil met Hu Jintao in Beijing.", "2010-05-01"
    )
    assert _pairs(got) == {frozenset({"hu-jintao", "new:yoo-han-gil"})}
    got = _events(extractor, "Defence Minister Kang Dae-ho met Wen Jiabao.", "2010-05-01")
    assert frozenset({"new:kang-dae-ho", "wen-jiabao"}) in _pairs(got)
    # one the KB knows is that person
    got = _events(
        extractor, "South Korean President Lee Myung-bak met Hu Jintao in Beijing.", "2010-05-01"
    )
    assert _pairs(got) == {frozenset({"hu-jintao", "lee-myung-bak"})}


def test_a_hyphenated_name_in_apposition_to_a_leader_is_that_leader(extractor: Any) -> None:
    ex = _extract(
        extractor,
        "PYONGYANG — The North Korean leader, Choe Song-il, received the Chinese premier, "
        "Wen Jiabao, on Monday.",
        "2010-05-01",
    )
    got = {(e.source.actor_id, e.target.actor_id, e.type) for e in ex.events}
    assert ("new:choe-song-il", "wen-jiabao", "CONSULT") in got
    assert "group:PRK:government" not in {m.actor_id for m in ex.mentions}
    person = next(a for a in ex.new_actors if a.actor_id == "new:choe-song-il")
    assert person.country == "PRK"


def test_a_lower_case_word_after_a_spaced_hyphen_is_no_name(extractor: Any) -> None:
    got = _events(extractor, "Minister Park - who met Wen Jiabao - left.", "2010-05-01")
    assert not any(a.startswith("new:park") for a in _actors(got))


def test_an_office_of_a_state_with_a_name_in_apposition_is_that_person(extractor: Any) -> None:
    got = _events(
        extractor,
        "Kim Jong-un held talks with the visiting foreign minister of China, Wang Yi, on Friday.",
        "2019-05-03",
    )
    assert frozenset({"kim-jong-un", "wang-yi"}) in _pairs(got)
    assert "state:CHN" not in _actors(got)


def test_a_name_the_kb_lacks_in_apposition_to_an_office_is_a_new_person(extractor: Any) -> None:
    got = _events(
        extractor,
        "Secretary Clinton met the foreign minister of Japan, Hideo Murakami, on Monday.",
        "2010-05-01",
    )
    assert _pairs(got) == {frozenset({"hillary-clinton", "new:hideo-murakami"})}
    got = _events(
        extractor,
        "The Japanese prime minister, Hideo Murakami, met Secretary Clinton in Tokyo.",
        "2010-05-01",
    )
    # the name says who held the title, not the KB's holder that day
    assert _pairs(got) == {frozenset({"hillary-clinton", "new:hideo-murakami"})}


def test_a_counterpart_named_in_apposition_is_the_named_person(extractor: Any) -> None:
    got = _events(
        extractor,
        "ROME — The two-day summit will turn on President Biden’s first talks with his "
        "counterpart from China, Xi Jinping, on Saturday.",
        "2021-10-28",
    )
    assert ("joe-biden", "xi-jinping", "CONSULT", "meet", "planned") in got


def test_a_name_with_a_suffix_in_apposition_keeps_the_title_its_holder(extractor: Any) -> None:
    got = _events(
        extractor,
        "SHANGHAI — In a speech to students, America's outgoing ambassador in Beijing, "
        "Jon M. Huntsman Jr., sharply criticized China’s jailing of bloggers.",
        "2011-04-06",
    )
    assert ("jon-huntsman", "state:CHN", "ACCUSE", "criticize", "asserted") in got


def test_a_name_followed_by_its_verb_is_no_apposition(extractor: Any) -> None:
    got = _events(
        extractor,
        "After seeing the president, Xi Jinping met Prime Minister Modi in Delhi.",
        "2019-10-12",
    )
    assert frozenset({"xi-jinping", "narendra-modi"}) in _pairs(got)
    assert "donald-trump" not in _actors(got)


def test_a_title_with_a_typographic_apostrophe_names_the_holder(extractor: Any) -> None:
    got = _events(
        extractor, "Secretary Kerry welcomed China’s president to Washington.", "2016-05-10"
    )
    assert got == {("john-kerry", "xi-jinping", "CONSULT", "host", "asserted")}


def test_a_kb_body_with_a_typographic_apostrophe_is_that_body(extractor: Any) -> None:
    got = _events(
        extractor, "China’s Foreign Ministry criticized Vice President Biden.", "2016-05-10"
    )
    assert ("chinese-foreign-ministry", "joe-biden", "ACCUSE") in {e[:3] for e in got}


def test_a_two_word_nationality_names_the_state_group(extractor: Any) -> None:
    got = _events(extractor, "South Korean officials met Chinese officials.", "2016-05-10")
    assert frozenset({"group:KOR:officials", "group:CHN:officials"}) in _pairs(got)
    got = _events(extractor, "A South African diplomat criticized Sri Lankan troops.", "2016-05-10")
    assert ("group:ZAF:government", "group:LKA:military", "ACCUSE") in {e[:3] for e in got}


def test_a_two_word_nationality_shares_a_coordinated_noun(extractor: Any) -> None:
    got = _events(extractor, "North Korean and Chinese officials met on Sunday.", "2016-05-10")
    assert frozenset({"group:PRK:officials", "group:CHN:officials"}) in _pairs(got)


def test_a_place_named_by_a_two_word_nationality_is_no_actor(extractor: Any) -> None:
    got = _events(
        extractor, "Chinese officials met Japanese officials in a South Korean port.", "2016-05-10"
    )
    assert "state:KOR" not in _actors(got)


def test_a_counterpart_the_kb_lacks_is_a_new_person_of_that_country(extractor: Any) -> None:
    ex = _extract(
        extractor,
        "President Obama met his Belarusian counterpart, Andrei K. Sokolov, in Prague.",
        "2010-04-08",
    )
    got = {(e.source.actor_id, e.target.actor_id, e.type) for e in ex.events}
    assert got == {("barack-obama", "new:andrei-sokolov", "CONSULT")}
    person = next(a for a in ex.new_actors if a.actor_id == "new:andrei-sokolov")
    assert (person.name, person.country) == ("Andrei K. Sokolov", "BLR")


def test_a_middle_initial_after_a_title_still_makes_a_new_person(extractor: Any) -> None:
    got = _events(
        extractor, "Foreign Minister Andrei K. Sokolov met Hillary Clinton.", "2010-04-08"
    )
    assert _pairs(got) == {frozenset({"hillary-clinton", "new:andrei-sokolov"})}


def test_a_name_after_a_comma_that_is_no_title_is_no_apposition(extractor: Any) -> None:
    got = _events(
        extractor, "Obama thanked the crowd, Andrei K. Sokolov, and the mayor.", "2010-04-08"
    )
    assert "new:andrei-sokolov" not in _actors(got)


@pytest.mark.parametrize(
    ("name", "place", "expected", "new_country"),
    [
        # the KB's holder of the title that day
        ("Pak Ui-chun", ("North Korea", "North Korean"), "pak-ui-chun", None),
        # a name the KB does not know, under a title it holds no one for: a new
        # person of the title's country
        ("Tesfu Gebremariam", ("Eritrea", "Eritrean"), "new:tesfu-gebremariam", "ERI"),
    ],
)
def test_a_title_after_a_name_in_apposition_is_that_person(
    extractor: Any, name: str, place: tuple[str, str], expected: str, new_country: str | None
) -> None:
    state, adjective = place
    for title in (
        f"the foreign minister of {state}",
        f"{state}’s foreign minister",
        f"the {adjective} foreign minister",
    ):
        ex = _extract(extractor, f"Secretary Clinton met {name}, {title}, on Sunday.", "2010-07-05")
        got = {(e.source.actor_id, e.target.actor_id, e.type) for e in ex.events}
        assert got == {("hillary-clinton", expected, "CONSULT")}, title
        if new_country is not None:
            assert [a.country for a in ex.new_actors] == [new_country], title


def test_a_title_between_two_names_goes_with_the_second(extractor: Any) -> None:
    ex = _extract(
        extractor,
        "The talks were attended by Hu Jintao, the Japanese prime minister, Daichi Mori, "
        "and others.",
        "2010-07-05",
    )
    assert {m.text: m.actor_id for m in ex.mentions}["the Japanese prime minister"] == (
        "new:daichi-mori"
    )


def test_a_name_ending_in_a_numeral_suffix_is_a_name(extractor: Any) -> None:
    ex = _extract(
        extractor,
        "The Philippine president, Ramon T. Villanueva III, criticized China on Monday.",
        "2014-05-20",
    )
    got = {(e.source.actor_id, e.target.actor_id, e.type) for e in ex.events}
    assert got == {("new:ramon-villanueva-iii", "state:CHN", "ACCUSE")}
    assert [a.country for a in ex.new_actors] == ["PHL"]


def test_a_state_after_a_titled_name_is_the_new_persons_country(extractor: Any) -> None:
    ex = _extract(
        extractor, "President Han Seo-yeon of South Korea met Premier Li Keqiang.", "2014-05-20"
    )
    # the state completes the name, it is no party of its own
    assert {frozenset({e.source.actor_id, e.target.actor_id}) for e in ex.events} == {
        frozenset({"new:han-seo-yeon", "li-keqiang"})
    }
    assert [(a.actor_id, a.country) for a in ex.new_actors] == [("new:han-seo-yeon", "KOR")]


def test_two_titles_each_with_a_name_in_apposition(extractor: Any) -> None:
    got = _events(
        extractor,
        "Obama called the Chinese president, Hu Jintao, and the Japanese prime minister, "
        "Daichi Mori, on Monday.",
        "2019-05-03",
    )
    # each title is the person named after it, not the KB's holder that day
    assert _pairs(got) == {
        frozenset({"barack-obama", "hu-jintao"}),
        frozenset({"barack-obama", "new:daichi-mori"}),
    }


def test_a_capital_before_a_group_noun_is_that_countrys_group(extractor: Any) -> None:
    got = _events(extractor, "Hanoi officials criticized Manila on Friday.", "2015-05-03")
    assert got == {("group:VNM:officials", "state:PHL", "ACCUSE", "criticize", "asserted")}
    got = _events(extractor, "A Hanoi official criticized Manila on Friday.", "2015-05-03")
    assert ("group:VNM:government", "state:PHL", "ACCUSE") in {e[:3] for e in got}


def test_a_state_name_before_government_or_administration_is_that_institution(
    extractor: Any,
) -> None:
    got = _events(
        extractor, "The United States government lifted sanctions on Myanmar.", "2016-10-08"
    )
    assert ("group:USA:government", "state:MMR", "RETREAT") in {e[:3] for e in got}
    got = _events(extractor, "The Japan administration protested to Seoul.", "2019-08-03")
    assert ("group:JPN:administration", "state:KOR", "ACCUSE") in {e[:3] for e in got}
    # a singular person noun is still not the state's institution
    got = _events(extractor, "A Japan official protested to Seoul.", "2019-08-03")
    assert not any(e[0].startswith("group:") for e in got)


def test_a_state_name_before_an_office_noun_is_left_to_the_state(extractor: Any) -> None:
    # the comments of "a United States official" are the ambassador's, named before
    got = _events(
        extractor,
        "The American ambassador, Jon Huntsman, sharply criticized China on Monday, the "
        "bluntest remarks so far from a United States official.",
        "2011-04-06",
    )
    assert got == {("jon-huntsman", "state:CHN", "ACCUSE", "criticize", "asserted")}


def test_a_kb_hyphenated_name_matches_its_other_spellings(extractor: Any) -> None:
    for text in ("Moon Jae In met Kim Jong Un.", "Moon Jae-In met Kim Jong-Un."):
        assert _pairs(_events(extractor, text, "2018-05-03")) == {
            frozenset({"moon-jae-in", "kim-jong-un"})
        }, text


def test_a_name_described_by_nationality_and_trade_is_a_new_person(extractor: Any) -> None:
    ex = _extract(
        extractor,
        "Beijing released Tom Harlow, an American engineer held since 2019, on Sunday.",
        "2025-09-14",
    )
    assert {(e.source.actor_id, e.target.actor_id, e.type) for e in ex.events} == {
        ("state:CHN", "new:tom-harlow", "RETREAT")
    }
    assert [(a.actor_id, a.country) for a in ex.new_actors] == [("new:tom-harlow", "USA")]


def test_a_nationality_alone_in_apposition_makes_no_person(extractor: Any) -> None:
    ex = _extract(extractor, "Tom Harlow, an American, met Wang Yi in Beijing.", "2025-09-14")
    assert not ex.new_actors


def test_a_name_after_an_organisations_title_is_a_person_of_that_organisation(
    extractor: Any,
) -> None:
    ex = _extract(
        extractor, "Kremlin spokesman Ivan Petrov criticised the United States.", "2019-05-01"
    )
    assert {(e.source.actor_id, e.target.actor_id) for e in ex.events} == {
        ("new:ivan-petrov", "state:USA")
    }
    person = next(a for a in ex.new_actors if a.actor_id == "new:ivan-petrov")
    assert (person.country, person.sector) == ("RUS", "government")
    ex = _extract(
        extractor, "Alibaba chairman Wen Tao met Wilbur Ross in Washington.", "2019-05-01"
    )
    person = next(a for a in ex.new_actors if a.actor_id == "new:wen-tao")
    assert (person.country, person.sector) == ("CHN", "business")
    # a word that is no title makes no person
    got = _events(extractor, "Kremlin visitor Ivan Petrov criticised the United States.")
    assert "new:ivan-petrov" not in _actors(got)
