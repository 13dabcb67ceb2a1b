"""Parties an article names once and then refers back to.

"The two men" are the last two people of two states named; "the Chinese
minister" is the Chinese minister just named, not China's government; "the
kingdom", "the island" and "the communist state" are the state of that kind
named last (``data/epithets.yaml``); "the country" only where the sentence before
named one state. A talk the article tells after the contact it belongs to ("met
on Friday … the two men discussed Taiwan") is that contact, and a topic
discussed ("export controls") is no act between those who discuss it.

Each article is invented for the test; each rule has a near miss where it must
not fire.
"""

from __future__ import annotations

from typing import Any

import pytest

from extracted import extract

pytestmark = pytest.mark.model


def _asserted(extractor: Any, text: str) -> list[tuple[str, str, str]]:
    ex = extract(extractor, text, "2025-06-20")
    return [
        (e.source.actor_id, e.target.actor_id, e.type)
        for e in ex.events
        if e.modality == "asserted"
    ]


def test_the_two_men_are_the_two_people_named_before(extractor: Any) -> None:
    found = _asserted(
        extractor,
        "Marco Rubio met Sergei Lavrov in Riyadh on Tuesday.\n\n"
        "The two men agreed to restore the staffing of their embassies.",
    )
    assert ("marco-rubio", "sergey-lavrov", "AGREE") in found, found


def test_the_two_alone_are_the_two_people_named_before(extractor: Any) -> None:
    found = _asserted(
        extractor,
        "Gina Raimondo met Wang Wentao in Beijing on Monday.\n\n"
        "The two agreed to set up a working group on trade.",
    )
    assert ("gina-raimondo", "wang-wentao", "AGREE") in found, found


def test_the_two_men_of_one_state_are_nobody(extractor: Any) -> None:
    found = _asserted(
        extractor,
        "Marco Rubio met Scott Bessent in Washington on Tuesday.\n\n"
        "The two men then criticised China.",
    )
    assert not [f for f in found if f[0] in {"marco-rubio", "scott-bessent"} and f[2] == "ACCUSE"]


def test_a_talk_after_the_meeting_is_that_meeting(extractor: Any) -> None:
    found = _asserted(
        extractor,
        "Marco Rubio met Sergei Lavrov in Riyadh on Tuesday.\n\n"
        "The two men discussed export controls and Ukraine, officials said.",
    )
    consults = [f for f in found if f[2] == "CONSULT"]
    assert len(consults) == 1, found
    assert not [f for f in found if f[2] == "SANCTION"], found


def test_a_talk_on_a_day_of_its_own_is_another_contact(extractor: Any) -> None:
    found = _asserted(
        extractor,
        "Marco Rubio met Sergei Lavrov in Riyadh on Tuesday.\n\n"
        "Rubio and Lavrov talked again by phone on Thursday.",
    )
    assert len([f for f in found if f[2] == "CONSULT"]) == 2, found


def test_the_chinese_minister_is_the_one_just_named(extractor: Any) -> None:
    found = _asserted(
        extractor,
        "Chinese Foreign Minister Wang Yi met Marco Rubio in Kuala Lumpur on Friday.\n\n"
        "The Chinese minister later urged Japan to stop meddling in Taiwan.",
    )
    assert ("wang-yi", "state:JPN", "REQUEST") in found, found


def test_a_minister_of_a_state_none_of_whose_ministers_was_named_stays_the_government(
    extractor: Any,
) -> None:
    found = _asserted(
        extractor,
        "Chinese Foreign Minister Wang Yi met Marco Rubio in Kuala Lumpur on Friday.\n\n"
        "The Japanese minister later urged China to stop its drills.",
    )
    assert ("group:JPN:government", "state:CHN", "REQUEST") in found, found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Xi Jinping arrived in Riyadh on Wednesday.\n\n"
            "The kingdom signed a dozen investment agreements with Beijing.",
            ("state:SAU", "state:CHN", "AGREE"),
        ),
        (
            "Lai Ching-te accused Beijing of intimidation on Friday.\n\n"
            "Chinese warships encircled the island on Saturday.",
            ("group:CHN:military", "state:TWN", "MOBILIZE"),
        ),
        (
            "North Korea fired two missiles on Sunday.\n\n"
            "The United States condemned the communist state.",
            ("state:USA", "state:PRK", "ACCUSE"),
        ),
        (
            "Hungary blocked the sanctions package on Monday.\n\n"
            "The country also expelled two Ukrainian diplomats.",
            ("state:HUN", "group:UKR:diplomats", "SANCTION"),
        ),
    ],
)
def test_an_epithet_is_the_state_of_its_kind_named_last(
    extractor: Any, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in _asserted(extractor, text)


def test_an_epithet_with_no_state_of_its_kind_or_two_states_before_is_nobody(
    extractor: Any,
) -> None:
    # no island state named: "the island" stays a place
    found = _asserted(
        extractor,
        "Russia fired two missiles on Sunday.\n\nChinese warships encircled the island on Monday.",
    )
    assert not [f for f in found if f[2] == "MOBILIZE"], found
    # two states in the sentence before: "the country" could be either
    found = _asserted(
        extractor,
        "Vietnam hosted Joe Biden in September.\n\nJapan praised the country for its reforms.",
    )
    assert not [f for f in found if f[0] == "state:JPN"], found


def test_a_counterpart_guest_or_host_is_of_the_state_the_text_names(extractor: Any) -> None:
    # the KB's opposite number of a president is China's, but the text is about Pyongyang
    found = _asserted(
        extractor,
        "Donald Trump met Kim Jong Un in Singapore on Tuesday.\n\n"
        "Trump praised his counterpart as very talented.",
    )
    assert ("donald-trump", "kim-jong-un", "SUPPORT") in found, found
    found = _asserted(
        extractor,
        "Emmanuel Macron hosted Narendra Modi in Paris on Friday.\n\n"
        "Macron thanked his guest for India's support.",
    )
    assert ("emmanuel-macron", "narendra-modi", "SUPPORT") in found, found


def test_him_after_to_is_the_other_person_named(extractor: Any) -> None:
    found = _asserted(
        extractor,
        "Joe Biden met Li Qiang in New Delhi on Saturday.\n\n"
        "A protester interrupted the meeting, and Biden later apologised to him.",
    )
    assert ("joe-biden", "li-qiang", "SUPPORT") in found, found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # talks that date what two people of two states did were between them
        (
            "Anthony Albanese and Li Qiang agreed to resume dialogue, after three hours of "
            "talks in Canberra.",
            ("anthony-albanese", "li-qiang", "CONSULT"),
        ),
        # the one thanked or blamed for doing it did it
        (
            "Qatar thanked Egypt for hosting the negotiations with Israel.",
            ("state:EGY", "state:ISR", "CONSULT"),
        ),
        # rockets fired into a state land in it
        (
            "Hamas fired rockets into Israel on Sunday.",
            ("hamas", "state:ISR", "ASSAULT"),
        ),
    ],
)
def test_parties_read_through_the_sentence(
    extractor: Any, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in _asserted(extractor, text)


def test_what_is_asked_shown_or_dated_by_another_is_no_act(extractor: Any) -> None:
    # the second thing asked, after "and", is asked too
    found = _asserted(
        extractor,
        "Wang Yi urged Washington to stop hyping the threat and lift its sanctions on "
        "Chinese firms.",
    )
    assert not [f for f in found if f[2] == "RETREAT"], found
    # two people of one state on a trip had no talks with each other
    found = _asserted(extractor, "Neither Rubio nor Bessent met Xi Jinping during the trip.")
    assert not [f for f in found if f[2] == "CONSULT"], found
    # a president under whom talks were held is no party to them
    found = _asserted(
        extractor,
        "Blinken and Wang Yi held the first talks between the two countries under "
        "President Joe Biden.",
    )
    assert not [f for f in found if "joe-biden" in f], found
    # missiles fired into the sea off a state are a show of force, not a strike
    found = _asserted(extractor, "China fired missiles into the sea off Taiwan.")
    assert ("state:CHN", "state:TWN", "MOBILIZE") in found, found


def test_it_after_a_verb_aimed_at_a_party_is_the_state_just_named(extractor: Any) -> None:
    found = _asserted(
        extractor, "Bahrain cut ties with Iran on Sunday, accusing it of meddling in its affairs."
    )
    assert ("state:BHR", "state:IRN", "ACCUSE") in found, found
    # "it" as the object of a verb not aimed at anyone is nothing
    found = _asserted(extractor, "Bahrain cut ties with Iran on Sunday and announced it.")
    assert not [f for f in found if f[2] == "ACCUSE"], found


def test_a_strike_names_who_struck_and_a_state_meets_none_of_its_own(extractor: Any) -> None:
    found = _asserted(extractor, "A US drone strike killed a senior Iranian general in Baghdad.")
    assert ("state:USA", "group:IRN:military", "ASSAULT") in found, found
    found = _asserted(extractor, "Russia launched a full-scale invasion of Ukraine.")
    assert ("state:RUS", "state:UKR", "ASSAULT") in found, found
    found = _asserted(
        extractor, "Both sides thanked Oman for hosting the talks and Sultan Haitham for his help."
    )
    assert not [f for f in found if f[2] == "CONSULT" and "state:OMN" in f], found


def test_a_blocked_craft_is_coercion_and_a_judged_reaction_criticism(extractor: Any) -> None:
    found = _asserted(extractor, "Chinese coast guard ships blocked a Philippine resupply mission.")
    assert ("china-coast-guard", "state:PHL", "COERCE") in found, found
    # blocking a sale stays an export control
    found = _asserted(extractor, "Washington blocked the sale of chips to Huawei.")
    assert ("state:USA", "huawei", "SANCTION") in found, found
    found = _asserted(
        extractor, "Wang Yi said that Washington's reaction to the balloon had been absurd."
    )
    assert ("wang-yi", "state:USA", "ACCUSE") in found, found


def test_envoys_given_hours_or_ordered_to_leave_are_expelled(extractor: Any) -> None:
    found = _asserted(extractor, "Bahrain gave Qatari diplomats 48 hours to leave.")
    assert ("state:BHR", "group:QAT:diplomats", "SANCTION") in found, found
    found = _asserted(extractor, "Russia ordered 23 British diplomats to leave within a week.")
    assert ("state:RUS", "group:GBR:diplomats", "SANCTION") in found, found
    # diplomats given a tour, or an envoy told something, are not sent home
    found = _asserted(extractor, "China gave American diplomats a tour of the new embassy.")
    assert not [f for f in found if f[2] == "SANCTION"], found  # a host's tour, no expulsion
    found = _asserted(
        extractor, "Biden told the Chinese ambassador that he wanted to leave the door open."
    )
    assert not [f for f in found if f[2] == "SANCTION"], found


def test_those_who_follow_suit_do_what_the_sentence_before_told(extractor: Any) -> None:
    found = _asserted(
        extractor,
        "Saudi Arabia cut diplomatic ties with Qatar on Monday, accusing it of backing "
        "terrorism.\n\nThe United Arab Emirates and Bahrain followed suit.",
    )
    assert ("state:ARE", "state:QAT", "SANCTION") in found, found
    assert ("state:BHR", "state:QAT", "SANCTION") in found, found
    # what the main verb told, not the aside beside it
    assert ("state:ARE", "state:QAT", "ACCUSE") not in found, found
    # one who did not follow suit did nothing
    found = _asserted(
        extractor,
        "Saudi Arabia cut diplomatic ties with Qatar on Monday.\n\nOman did not follow suit.",
    )
    assert not [f for f in found if f[0] == "state:OMN"], found


def test_a_surname_the_kb_keeps_whole_is_its_bearer_after_his_full_name(extractor: Any) -> None:
    # the KB's "Raúl Castro" (a lone "Castro" is also Fidel): in an article that named
    # Raúl in full, "Castro" is he
    found = _asserted(
        extractor,
        "Barack Obama met Raúl Castro in Havana on Monday.\n\n"
        "Castro urged Washington to lift its trade embargo.",
    )
    assert ("raul-castro", "state:USA", "REQUEST") in found, found
    # with no full name before it, a lone "Castro" is no one
    found = _asserted(extractor, "Castro urged Washington to lift its trade embargo.")
    assert not [f for f in found if f[0] == "raul-castro"], found


def test_a_measure_named_by_the_noun_a_clause_hangs_on_was_taken(extractor: Any) -> None:
    # "the tariffs Washington imposed on Beijing", with no "that": still imposed
    found = _asserted(extractor, "Wang Yi criticized the tariffs Washington imposed on Beijing.")
    assert ("state:USA", "state:CHN", "SANCTION") in found, found
    # a noun that is no measure gives the clause no object
    found = _asserted(extractor, "Wang Yi criticized the speech Washington imposed on Beijing.")
    assert not [f for f in found if f[2] == "SANCTION"], found


def test_revenge_is_on_someone_and_a_warning_on_a_subject_is_about_it(extractor: Any) -> None:
    found = _asserted(extractor, "Iran vowed severe revenge on the United States.")
    assert ("state:IRN", "state:USA", "THREATEN") in found, found
    found = _asserted(extractor, "China warned the United States on Taiwan.")
    assert ("state:CHN", "state:USA", "THREATEN") in found, found
    assert ("state:CHN", "state:TWN", "THREATEN") not in found, found
    # a measure "on" someone still hits them
    found = _asserted(extractor, "China imposed sanctions on Lockheed Martin.")
    assert ("state:CHN", "lockheed-martin", "SANCTION") in found, found


def test_naming_someone_a_friend_or_a_great_leader_is_praise(extractor: Any) -> None:
    found = _asserted(extractor, "Xi called Putin his dear friend during the Moscow visit.")
    assert ("xi-jinping", "vladimir-putin", "SUPPORT") in found, found
    found = _asserted(extractor, "Trump called Xi a great leader.")
    assert ("donald-trump", "xi-jinping", "SUPPORT") in found, found
    # a friend denied, or a call, is no praise
    found = _asserted(extractor, "Trump called Kim no friend of America.")
    assert not [f for f in found if f[2] == "SUPPORT"], found
    found = _asserted(extractor, "Trump called Xi on Friday.")
    assert ("donald-trump", "xi-jinping", "CONSULT") in found, found


def test_his_guest_after_a_pronoun_and_a_leader_regarded_as_a_dictator(extractor: Any) -> None:
    found = _asserted(
        extractor,
        "Barack Obama announced the pledge with Xi Jinping in the Rose Garden on Friday.\n\n"
        "He hosted his guest at a state dinner that evening.",
    )
    assert ("barack-obama", "xi-jinping", "CONSULT") in found, found
    found = _asserted(extractor, "Biden said he still regarded Xi as a dictator.")
    assert ("joe-biden", "xi-jinping", "ACCUSE") in found, found
