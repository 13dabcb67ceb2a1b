"""Parties the news names together, in turn or by description.

"The two sides", "officials from both countries", "the world's two largest
economies", "each side blamed the other", "the Chinese", "Trump's aides": each
case is a text a reader understands at once; the test says which act between
which two parties the reader would expect the tool to record, or that it
records none.
"""

from __future__ import annotations

from typing import Any

import pytest

from extracted import countries as _countries
from extracted import extract as _run
from extracted import linked as _linked
from extracted import typed as _acts

pytestmark = pytest.mark.model


def test_both_parties_named_in_one_phrase(extractor: Any) -> None:
    text = (
        "U.S. and Chinese officials will meet in London next week. Officials from both "
        "countries last met in Geneva."
    )
    assert ("group:USA:officials", "group:CHN:officials", "CONSULT", "asserted") in _acts(
        extractor, text
    )
    text = "Negotiators for the two sides met in Geneva on Saturday."
    assert ("USA", "CHN", "CONSULT") in _countries(extractor, text)
    # a standing description of the run's two sides, even with no date
    text = "The world's two largest economies agreed to a 90-day truce."
    assert ("state:USA", "state:CHN", "AGREE", "asserted") in _acts(extractor, text, None)
    # or of the two states the text names, after it as well as before
    text = (
        "The two nuclear-armed neighbours traded accusations after the attack in Kashmir, "
        "with India blaming Pakistan."
    )
    found = _countries(extractor, text)
    assert ("PAK", "IND", "ACCUSE") in found
    assert not {c for e in found for c in e[:2]} & {"USA", "CHN"}
    # "both countries" of a text about one other state: which two, it cannot tell
    text = "India's foreign secretary said the two countries had agreed on patrols."
    assert not _run(extractor, text).events


def test_each_party_acting_on_the_other(extractor: Any) -> None:
    text = "Washington and Beijing accused each other of bad faith."
    assert {("USA", "CHN", "ACCUSE"), ("CHN", "USA", "ACCUSE")} <= _countries(extractor, text)
    text = "India and Pakistan blamed one another for the violence."
    assert ("IND", "PAK", "ACCUSE") in _countries(extractor, text)
    text = "Seoul and Tokyo criticised each other's export curbs."
    assert ("JPN", "KOR", "ACCUSE") in _countries(extractor, text)
    text = (
        "Bessent and He Lifeng met in Geneva. Each side blamed the other for the breakdown "
        "of the talks."
    )
    assert {("USA", "CHN", "ACCUSE"), ("CHN", "USA", "ACCUSE")} <= _countries(extractor, text)
    text = "Each side accused the other of violating the ceasefire, India and Pakistan said."
    assert ("IND", "PAK", "ACCUSE") in _countries(extractor, text)


def test_the_two_men_are_the_two_just_named_not_one_named_in_passing(extractor: Any) -> None:
    text = (
        "Volodymyr Zelensky and Donald Trump were both in Rome for the funeral of Pope "
        "Francis. The two men spoke for about 15 minutes."
    )
    assert ("volodymyr-zelensky", "donald-trump", "CONSULT", "asserted") in _acts(
        extractor, text, "2025-04-26"
    )


def test_a_people_and_a_leaders_people_stand_for_their_state(extractor: Any) -> None:
    assert ("CHN", "USA", "REJECT") in _countries(
        extractor, "The Chinese rejected the American demands."
    )
    assert ("USA", "CHN", "ACCUSE") in _countries(
        extractor, "Antony Blinken accused the Chinese of a clear violation of sovereignty."
    )
    for text in (
        "Trump's aides met Chinese officials in Kuala Lumpur.",
        "The Trump team met Chinese officials in Kuala Lumpur.",
    ):
        assert ("USA", "CHN", "CONSULT") in _countries(extractor, text)
    assert ("RUS", "UKR", "CONSULT") in _countries(
        extractor, "Putin's negotiators met Ukrainian officials in Istanbul."
    )
    assert ("group:SYR:government", "state:USA", "REJECT", "asserted") in _acts(
        extractor, "The Assad regime rejected the American proposal."
    )
    # "under" a regime is a time: no party, and not the man in person
    assert "bashar-al-assad" not in _linked(
        extractor, "Under the Assad regime, Syria rejected the American proposal."
    )
    assert ("group:CHN:government", "group:USA:administration", "SUPPORT", "asserted") in _acts(
        extractor,
        "Beijing's foreign ministry welcomed the new administration's return to the Paris accord.",
    )


def test_seats_bodies_and_epithets_for_a_state(extractor: Any) -> None:
    assert ("ccp-politburo", "state:USA", "ACCUSE", "asserted") in _acts(
        extractor, "China's Politburo criticised Washington's interference in Hong Kong."
    )
    assert "us-congress" in _linked(extractor, "Capitol Hill urged the White House to act.")
    # an epithet only one state fits needs no state named before it
    assert ("PRK", "JPN", "ASSAULT") in _countries(
        extractor, "The hermit kingdom fired missiles at Japan."
    )
    text = "China's exports rose. Washington accused the Asian giant of dumping steel."
    assert ("state:USA", "state:CHN", "ACCUSE", "asserted") in _acts(extractor, text)
    text = (
        "Lithuania let Taiwan open an office. The Chinese leadership responded by "
        "downgrading diplomatic ties with the Baltic state."
    )
    assert ("CHN", "LTU", "SANCTION") in _countries(extractor, text)
    # a state's own council is no body of the UN; the UN's is
    assert "un-security-council" not in _linked(
        extractor, "The Kremlin said Putin had chaired a meeting of his Security Council."
    )
    assert "un-security-council" in _linked(
        extractor, "The UN's Security Council condemned Russia."
    )


def test_an_act_done_in_protest_criticises_the_owner_of_what_it_protests(
    extractor: Any,
) -> None:
    text = "Chinese diplomats walked out of the meeting in protest at the American remarks."
    assert ("CHN", "USA", "ACCUSE") in _countries(extractor, text)
    text = "Beijing suspended the talks in protest against U.S. arms sales to Taiwan."
    found = _acts(extractor, text)
    assert ("state:CHN", "state:USA", "ACCUSE", "asserted") in found
    assert ("state:USA", "state:TWN", "AID", "asserted") in found  # the sales are made
    assert not any(e[1] == "state:TWN" and e[2] == "ACCUSE" for e in found)
    assert not _run(extractor, "Students marched in protest against the government.").events


def test_what_is_charged_or_argued_is_no_act_told(extractor: Any) -> None:
    found = _countries(
        extractor, "Moscow accused Kyiv of shelling the Zaporizhzhia nuclear power plant."
    )
    assert ("RUS", "UKR", "ACCUSE") in found
    assert not any(e[2] == "ASSAULT" for e in found)
    assert not any(
        e[2] == "ASSAULT"
        for e in _countries(extractor, "Washington and Beijing have clashed over chips.")
    )
    # a passive clause of its own with no doer named has none
    text = (
        "Tehran's clerical leadership declared five days of mourning after President "
        "Ebrahim Raisi was killed in a helicopter crash."
    )
    assert not _run(extractor, text, "2024-05-21").events


def test_who_acts_when_the_parse_or_the_phrase_hides_it(extractor: Any) -> None:
    # the delegation's leader is on its side; the name read as an adverb is the one met
    text = "The Chinese delegation, led by He Lifeng, met Bessent in Geneva."
    found = _acts(extractor, text)
    assert ("group:CHN:delegation", "scott-bessent", "CONSULT", "asserted") in found
    assert ("group:CHN:delegation", "he-lifeng", "CONSULT", "asserted") not in found
    text = "A report from U.S. intelligence agencies accused Putin's government of meddling."
    assert ("USA", "RUS", "ACCUSE") in _countries(extractor, text)
    # what talks are about is no party to them
    text = "Keir Starmer hosted Trump at Chequers for talks on Ukraine."
    assert {e[:2] for e in _countries(extractor, text)} == {("GBR", "USA")}
    text = "Kim Yo Jong dismissed overtures from the new government in Seoul."
    assert ("PRK", "KOR", "REJECT") in _countries(extractor, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The White House rolled out the red carpet for Narendra Modi.", ("USA", "IND", "CONSULT")),
        (
            "Beijing rolled over a $2 billion loan to Shehbaz Sharif's government.",
            ("CHN", "PAK", "AID"),
        ),
        ("The Biden administration sent thousands of bombs to Israel.", ("USA", "ISR", "AID")),
        (
            "The State Department ordered the Chinese consulate in Houston to close.",
            ("USA", "CHN", "COERCE"),
        ),
        (
            "Theresa May ordered 23 Russian diplomats identified as undeclared intelligence "
            "officers to leave Britain within a week.",
            ("GBR", "RUS", "SANCTION"),
        ),
    ],
)
def test_acts_told_in_other_words(extractor: Any, text: str, expected: tuple[str, ...]) -> None:
    assert expected in _countries(extractor, text)


def test_what_is_only_rolled_out_or_only_to_come(extractor: Any) -> None:
    assert not _run(extractor, "Beijing rolled out new export controls on rare earths.").events
    text = "The Russian and Ukrainian delegations are to meet again in Istanbul."
    assert ("group:RUS:delegations", "group:UKR:delegations", "CONSULT", "planned") in _acts(
        extractor, text
    )


def test_a_warning_against_any_act_of_another_warns_its_doer(extractor: Any) -> None:
    text = (
        "The Kremlin warned that any decision by Washington to supply Tomahawk missiles "
        "to Kyiv would mark a serious escalation."
    )
    assert ("kremlin", "state:USA", "THREATEN", "asserted") in _acts(extractor, text)
    text = "Tokyo warned that any attempt to change the status quo by force was unacceptable."
    assert not _run(extractor, text).events


def test_talks_are_with_those_named_in_their_topic_only_through_with(extractor: Any) -> None:
    text = "President Obama promised to continue a frank dialogue on economic disputes with China."
    assert ("USA", "CHN", "CONSULT") in _countries(extractor, text, "2011-11-12")


def test_the_visitor_and_the_hosts_named_by_the_visit(extractor: Any) -> None:
    text = "Wang Yi arrived in Washington on Thursday. His hosts pressed him on fentanyl."
    assert ("group:USA:government", "wang-yi", "REQUEST", "asserted") in _acts(extractor, text)
    text = "Blinken flew to Beijing. The visiting secretary of state met Xi Jinping."
    assert ("antony-blinken", "xi-jinping", "CONSULT", "asserted") in _acts(
        extractor, text, "2023-06-19"
    )
    text = "A Chinese delegation arrived in Washington. The visiting delegation met Lutnick."
    assert ("CHN", "USA", "CONSULT") in _countries(extractor, text)
    assert not _run(extractor, "The visiting team won the match.").mentions


def test_the_mainland_is_china_where_the_text_is_about_taiwan_or_hong_kong(
    extractor: Any,
) -> None:
    text = "The mainland condemned Taipei's talks with American officials."
    assert ("state:CHN", "state:TWN", "ACCUSE", "asserted") in _acts(extractor, text)
    text = "Mainland authorities criticised Washington's arms sales to Taiwan."
    # whose the sales are, not those the sales go to
    assert _countries(extractor, text) == {("CHN", "USA", "ACCUSE")}
    assert not _linked(extractor, "Troops landed on the Greek mainland.")


def test_a_third_country_where_two_sides_meet_is_no_party(extractor: Any) -> None:
    text = "U.S. and Chinese negotiators arrived in London for talks."
    assert _countries(extractor, text) == {("USA", "CHN", "CONSULT")}
    text = "Bessent and He Lifeng travelled to Geneva for trade talks."
    assert {frozenset(e[:2]) for e in _countries(extractor, text)} == {frozenset({"USA", "CHN"})}
    # one who goes to another's capital for talks visits its government
    assert ("USA", "CHN", "CONSULT") in _countries(extractor, "Blinken flew to Beijing for talks.")


def test_two_states_joined_by_a_hyphen_after_an_abbreviation(extractor: Any) -> None:
    text = "U.S.-China trade talks resumed in London."
    assert ("USA", "CHN", "CONSULT") in _countries(extractor, text)
    # a name written so still matches
    text = "Wang Yi met the National Committee on U.S.-China Relations."
    assert "ncuscr" in _linked(extractor, text)


def test_both_and_the_pair_are_the_two_just_named(extractor: Any) -> None:
    for text in (
        "Bessent and He Lifeng met in Geneva. Both agreed to cut tariffs for 90 days.",
        "Bessent met He Lifeng in Geneva. The pair agreed to cut tariffs.",
    ):
        assert ("USA", "CHN", "AGREE") in _countries(extractor, text, "2025-05-12")
