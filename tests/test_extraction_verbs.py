"""The common news verbs of each category, beyond the first trigger lists.

Each sentence is invented for the test, in the style of the project gold set
(docs/annotation.md). Every verb here was missing from ``data/events.yaml`` and
left its sentence with no event at all; the near misses say where each one
must not fire.
"""

from __future__ import annotations

from typing import Any

import pytest

from extracted import events as _events
from extracted import typed as _typed

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Secretary of State Antony Blinken berated Beijing over its support for Russia.",
            ("antony-blinken", "state:CHN", "ACCUSE"),
        ),
        (
            "Wang Yi scolded Washington for its interference in Hong Kong.",
            ("wang-yi", "state:USA", "ACCUSE"),
        ),
        (
            "Beijing reprimanded Tokyo over the shrine visit.",
            ("state:CHN", "state:JPN", "ACCUSE"),
        ),
        (
            "Secretary Yellen chastised Beijing over its overcapacity.",
            ("janet-yellen", "state:CHN", "ACCUSE"),
        ),
        (
            "Chinese diplomats railed against the American sanctions.",
            ("group:CHN:diplomats", "state:USA", "ACCUSE"),
        ),
        (
            "China rounded on Australia after the call for an inquiry.",
            ("state:CHN", "state:AUS", "ACCUSE"),
        ),
        (
            "China brushed off the American criticism.",
            ("state:CHN", "state:USA", "REJECT"),
        ),
        (
            "Beijing balked at the American demand.",
            ("state:CHN", "state:USA", "REJECT"),
        ),
        (
            "China renounced the agreement with the Philippines.",
            ("state:CHN", "state:PHL", "REJECT"),
        ),
        (
            "Washington encouraged Beijing to rein in North Korea.",
            ("state:USA", "state:CHN", "REQUEST"),
        ),
        (
            "The United States lobbied the Netherlands to restrict chip exports.",
            ("state:USA", "state:NLD", "REQUEST"),
        ),
        (
            "Biden greeted Xi at the Filoli estate on Wednesday.",
            ("joe-biden", "xi-jinping", "CONSULT"),
        ),
        (
            "Blinken chatted with Wang Yi on the sidelines of the summit.",
            ("antony-blinken", "wang-yi", "CONSULT"),
        ),
        (
            "Bessent reached out to He Lifeng after the tariff announcement.",
            ("scott-bessent", "he-lifeng", "CONSULT"),
        ),
        (
            "Yellen held a videoconference with He Lifeng on Friday.",
            ("janet-yellen", "he-lifeng", "CONSULT"),
        ),
        (
            "Washington and Beijing secured a deal on rare earths in Geneva.",
            ("state:USA", "state:CHN", "AGREE"),
        ),
        (
            "The two sides ironed out a framework in London.",
            ("state:USA", "state:CHN", "AGREE"),
        ),
        (
            "The Commerce Department penalized Huawei for violating export rules.",
            ("us-commerce-department", "huawei", "SANCTION"),
        ),
        (
            "China halted purchases of American soybeans in August.",
            ("state:CHN", "state:USA", "SANCTION"),
        ),
        (
            "China closed the American consulate in Chengdu.",
            ("state:CHN", "group:USA:government", "SANCTION"),
        ),
        (
            "Washington barred Chinese firms from buying American chips.",
            ("state:USA", "state:CHN", "SANCTION"),
        ),
        (
            "Beijing unfroze the assets of American firms.",
            ("state:CHN", "state:USA", "RETREAT"),
        ),
        (
            "Washington stood by Taiwan after the drills.",
            ("state:USA", "state:TWN", "SUPPORT"),
        ),
        (
            "Japan coordinated with the United States on chip controls.",
            ("state:JPN", "state:USA", "COOPERATE"),
        ),
        (
            "China cautioned the United States against sending warships.",
            ("state:CHN", "state:USA", "THREATEN"),
        ),
        (
            "Beijing and Washington settled their dispute over TikTok.",
            ("state:CHN", "state:USA", "AGREE"),
        ),
        (
            "Trump accepted an offer from Xi to help with fentanyl.",
            ("donald-trump", "xi-jinping", "AGREE"),
        ),
        (
            "The United States called out China for its cyberattacks.",
            ("state:USA", "state:CHN", "ACCUSE"),
        ),
        ("China delivered weapons to Russia.", ("state:CHN", "state:RUS", "AID")),
        ("Russia pulled its troops out of Syria.", ("state:RUS", "state:SYR", "RETREAT")),
        (
            "Iran defied the United Nations over its nuclear programme.",
            ("state:IRN", "united-nations", "REJECT"),
        ),
        (
            "Japan resisted American pressure to restrict chip exports.",
            ("state:JPN", "state:USA", "REJECT"),
        ),
        ("Washington withheld aid from Ukraine.", ("state:USA", "state:UKR", "SANCTION")),
        ("The United States halted aid to Pakistan.", ("state:USA", "state:PAK", "SANCTION")),
        (
            "China denied the American accusations of hacking.",
            ("state:CHN", "state:USA", "REJECT"),
        ),
        (
            "Beijing denied visas to American journalists.",
            ("state:CHN", "group:USA:journalists", "REJECT"),
        ),
        ("The United States recognized Kosovo in 2008.", ("state:USA", "state:XKX", "SUPPORT")),
        (
            "Japan sought clarification from Beijing about the buoy.",
            ("state:JPN", "state:CHN", "REQUEST"),
        ),
        (
            "The United States handed back the artefacts to China.",
            ("state:USA", "state:CHN", "RETREAT"),
        ),
        (
            "Beijing opened an antitrust investigation into Nvidia.",
            ("state:CHN", "nvidia", "ACCUSE"),
        ),
        # nouns
        (
            "China announced countermeasures against nine American defence firms.",
            ("state:CHN", "state:USA", "SANCTION"),
        ),
        (
            "China took countermeasures against American lawmakers.",
            ("state:CHN", "group:USA:lawmakers", "SANCTION"),
        ),
        (
            "Beijing slapped penalties on American defence firms.",
            ("state:CHN", "state:USA", "SANCTION"),
        ),
        ("Beijing's rebuke of Washington came hours later.", ("state:CHN", "state:USA", "ACCUSE")),
        (
            "Xi expressed condolences to Biden after the shooting.",
            ("xi-jinping", "joe-biden", "SUPPORT"),
        ),
        (
            "Xi assured Biden that China had no plans to invade Taiwan.",
            ("xi-jinping", "joe-biden", "CONSULT"),
        ),
    ],
)
def test_a_common_news_word_codes_its_event(
    extractor: Any, text: str, expected: tuple[str, str, str]
) -> None:
    got = _typed(extractor, text)
    assert (*expected, "asserted") in got or (
        (expected[1], expected[0], expected[2], "asserted") in got
        and expected[2] in {"CONSULT", "AGREE", "COOPERATE"}
    ), got


def test_the_two_sides_talking_by_teleconference_talked_by_phone(extractor: Any) -> None:
    got = _events(extractor, "Raimondo held a teleconference with Wang Wentao.")
    assert {e[3] for e in got if e[2] == "CONSULT"} == {"phone"}


def test_a_reversed_ban_is_an_easing_not_a_ban(extractor: Any) -> None:
    got = _typed(extractor, "China reversed its ban on American beef.")
    assert ("state:CHN", "state:USA", "RETREAT", "asserted") in got
    assert not {e for e in got if e[2] == "SANCTION"}


@pytest.mark.parametrize(
    "text",
    [
        "Trump greeted reporters at the White House.",  # no actor greeted
        "Xi closed the party congress with a speech.",  # no mission closed
        "Biden mocked the idea in a speech.",  # an idea is nobody's
        "Chinese officials engaged in a long debate.",  # no one engaged with
        "Beijing secured the release of two Canadians.",  # a release is no deal
    ],
)
def test_a_new_verb_without_its_object_or_party_codes_nothing(extractor: Any, text: str) -> None:
    assert not _events(extractor, text)


def test_a_bar_not_imposed_is_negated(extractor: Any) -> None:
    got = _typed(extractor, "Washington did not bar Chinese students from its universities.")
    assert got == {("state:USA", "state:CHN", "SANCTION", "negated")}


def test_arms_sales_asked_to_stop_are_no_aid(extractor: Any) -> None:
    got = _typed(extractor, "Beijing called on Washington to stop selling arms to Taiwan.")
    assert ("state:CHN", "state:USA", "REQUEST", "asserted") in got
    assert not {e for e in got if e[2] == "AID"}


def test_countermeasures_to_come_are_planned(extractor: Any) -> None:
    got = _typed(extractor, "China will take countermeasures against the American tariffs.")
    assert ("state:CHN", "state:USA", "SANCTION", "planned") in got
    assert ("state:CHN", "state:USA", "SANCTION", "asserted") not in got


def test_an_assurance_to_reporters_is_no_contact(extractor: Any) -> None:
    assert not _events(extractor, "Xi assured reporters that China wanted peace.")


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Trump received a call from Xi on Friday.", ("donald-trump", "xi-jinping")),
        (
            "Blinken made a call to Wang Yi after the balloon incident.",
            ("antony-blinken", "wang-yi"),
        ),
    ],
)
def test_a_call_received_or_made_is_a_phone_contact(
    extractor: Any, text: str, pair: tuple[str, str]
) -> None:
    got = _events(extractor, text, "2024-06-01")
    assert {(e[0], e[1], e[3]) for e in got if e[2] == "CONSULT"} == {(*pair, "phone")}


@pytest.mark.parametrize(
    "text",
    [
        "Qatar settled the dispute between Israel and Hamas.",
        "Qatar brokered a truce between Israel and Hamas.",
    ],
)
def test_a_dispute_settled_or_a_truce_brokered_by_a_third_party_is_its_mediation(
    extractor: Any, text: str
) -> None:
    got = _typed(extractor, text)
    assert ("state:QAT", "state:ISR", "CONSULT", "asserted") in got


def test_a_deal_the_parties_broker_themselves_is_no_mediation(extractor: Any) -> None:
    got = _typed(extractor, "Israel and Hamas brokered a truce between them.")
    assert not {e for e in got if e[2] == "CONSULT"}


def test_a_background_invasion_is_no_event_of_the_sentence(extractor: Any) -> None:
    # news of the relationship names wars as background: no event of their own
    got = _typed(extractor, "Hegseth accused China of rehearsing an invasion of Taiwan.")
    assert {e[2] for e in got} == {"ACCUSE"}


def test_a_handshake_is_no_meeting(extractor: Any) -> None:
    # the gold's convention (dev item s063): hands shaken at a dinner are no talks held
    assert not _events(extractor, "Xi and Trump shook hands in Busan.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Beijing hit back at Washington with tariffs on American pork.",
            ("state:CHN", "state:USA", "SANCTION"),
        ),
        (
            "China retaliated against Canada with duties on its canola.",
            ("state:CHN", "state:CAN", "SANCTION"),
        ),
        ("China hit back at Washington's criticism.", ("state:CHN", "state:USA", "ACCUSE")),
        (
            "Tokyo was worried by Beijing's naval buildup near the islands.",
            ("state:JPN", "state:CHN", "ACCUSE"),
        ),
        (
            "Beijing was angered by the American sanctions on its refiners.",
            ("state:CHN", "state:USA", "ACCUSE"),
        ),
        ("Pyongyang fired missiles at South Korea.", ("state:PRK", "state:KOR", "ASSAULT")),
        ("Pyongyang fired a missile over Japan.", ("state:PRK", "state:JPN", "MOBILIZE")),
        (
            "China fired missiles into waters near Taiwan during the drills.",
            ("state:CHN", "state:TWN", "MOBILIZE"),
        ),
        ("Xi hosted Biden for a dinner at Zhongnanhai.", ("xi-jinping", "joe-biden", "CONSULT")),
        ("Biden accepted Xi's invitation to visit China.", ("joe-biden", "xi-jinping", "AGREE")),
    ],
)
def test_a_retaliation_a_feeling_a_missile_or_an_invitation_codes_its_event(
    extractor: Any, text: str, expected: tuple[str, str, str]
) -> None:
    assert (*expected, "asserted") in _typed(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "China did not hit back at the United States.",  # negated: no retaliation told
        "Beijing retaliated against Washington.",  # neither words nor a measure named
        "The senator was worried by reports of delays.",  # no one's act
        "The Navy fired two officers over the collision.",  # firing people is no attack
    ],
)
def test_a_retaliation_feeling_or_firing_without_its_parts_codes_nothing(
    extractor: Any, text: str
) -> None:
    assert not {e for e in _typed(extractor, text) if e[2] in {"SANCTION", "ACCUSE", "ASSAULT"}}


def test_missiles_fired_on_a_day_are_still_fired_near_the_place(extractor: Any) -> None:
    # "on Thursday" is a time, not the "on" of firing on someone
    got = _typed(extractor, "China fired missiles into waters near Taiwan on Thursday.")
    assert {e[2] for e in got} == {"MOBILIZE"}


@pytest.mark.parametrize(
    ("text", "target", "kind"),
    [
        ("Russia seized a Ukrainian ship near the strait.", "state:UKR", "COERCE"),
        ("Chinese ships harassed Philippine vessels.", "state:PHL", "COERCE"),
        ("Russian forces shelled the Ukrainian city of Odesa overnight.", "state:UKR", "ASSAULT"),
    ],
)
def test_force_against_what_is_anothers_targets_its_owner(
    extractor: Any, text: str, target: str, kind: str
) -> None:
    got = _typed(extractor, text)
    assert any(e[1:] == (target, kind, "asserted") for e in got), got


def test_a_raid_on_an_office_in_a_capital_targets_the_firm_not_the_city(extractor: Any) -> None:
    got = _typed(
        extractor,
        "Chinese police raided the Shanghai office of the British firm Oxbridge Partners.",
    )
    assert not {e for e in got if e[1] == "state:CHN"}


def test_a_state_the_recogniser_reads_as_a_name_is_still_the_state(extractor: Any) -> None:
    got = _typed(extractor, "Mali expelled the French ambassador.")
    assert {(e[0], e[2]) for e in got} == {("state:MLI", "SANCTION")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tokyo took aim at Beijing over its trade practices.", ("state:JPN", "state:CHN")),
        ("Washington pointed the finger at Beijing over the hack.", ("state:USA", "state:CHN")),
        (
            "Senator Rubio took Beijing to task over its fishing fleets.",
            ("marco-rubio", "state:CHN"),
        ),
        (
            "Nicholas Burns was summoned to the Chinese foreign ministry on Sunday.",
            ("chinese-foreign-ministry", "nicholas-burns"),
        ),
    ],
)
def test_an_idiom_of_criticism_or_a_summons_codes_criticism(
    extractor: Any, text: str, expected: tuple[str, str]
) -> None:
    assert (*expected, "ACCUSE", "asserted") in _typed(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "Blinken took Wang Yi to lunch after the talks.",  # no task
        "The delegates took a walk at the resort.",  # no aim
        "Burns was summoned home for consultations.",  # summoned by no one named
    ],
)
def test_a_near_idiom_codes_no_criticism(extractor: Any, text: str) -> None:
    assert not {e for e in _typed(extractor, text) if e[2] == "ACCUSE"}


def test_a_courtesy_call_paid_is_a_visit_not_a_phone_call(extractor: Any) -> None:
    got = _events(extractor, "Blinken paid a courtesy call on Wang Yi at his office.", "2024-06-01")
    assert {(e[0], e[1], e[3]) for e in got if e[2] == "CONSULT"} == {
        ("antony-blinken", "wang-yi", "visit")
    }


def test_two_countries_militaries_are_each_a_group(extractor: Any) -> None:
    # the same actors as "the two militaries": each country's military
    got = _typed(extractor, "The American and Chinese militaries held talks in Hawaii.")
    assert {frozenset(e[:2]) for e in got if e[2] == "CONSULT"} == {
        frozenset({"group:USA:military", "group:CHN:military"})
    }


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        (
            "The two defence ministers met on the sidelines of the forum in Singapore.",
            ("lloyd-austin", "dong-jun"),
        ),
        ("The two top diplomats spoke by phone on Tuesday.", ("antony-blinken", "wang-yi")),
    ],
)
def test_the_two_holders_of_an_office_are_each_sides(
    extractor: Any, text: str, pair: tuple[str, str]
) -> None:
    got = _events(extractor, text, "2024-06-01")
    assert {frozenset(e[:2]) for e in got if e[2] == "CONSULT"} == {frozenset(pair)}


def test_fire_exchanged_is_force_each_way(extractor: Any) -> None:
    got = _typed(extractor, "India and Pakistan exchanged fire across the border.")
    assert {("state:IND", "state:PAK", "ASSAULT", "asserted")} <= got
    assert {("state:PAK", "state:IND", "ASSAULT", "asserted")} <= got


def test_a_call_taken_from_someone_is_a_phone_contact(extractor: Any) -> None:
    got = _events(extractor, "Xi took a call from Biden on Tuesday.", "2024-06-01")
    assert {(frozenset(e[:2]), e[3]) for e in got if e[2] == "CONSULT"} == {
        (frozenset({"xi-jinping", "joe-biden"}), "phone")
    }
    assert not _events(extractor, "Biden took questions from reporters.", "2024-06-01")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Chile voiced support for Peru's claim to the islands.",
            ("state:CHL", "state:PER", "SUPPORT"),
        ),
        ("Xi expressed appreciation for Biden's efforts.", ("xi-jinping", "joe-biden", "SUPPORT")),
        (
            "Japan will provide 5 billion yen in loans to Vietnam.",
            ("state:JPN", "state:VNM", "AID"),
        ),
        ("Poland closed its border with Belarus.", ("state:POL", "state:BLR", "SANCTION")),
        ("The IMF approved a bailout for Argentina.", ("imf", "state:ARG", "AID")),
        (
            "Tokyo lodged a protest over the Chinese ships near the islands.",
            ("state:JPN", "state:CHN", "ACCUSE"),
        ),
        (
            "The Philippines filed a case against China at the arbitration court.",
            ("state:PHL", "state:CHN", "ACCUSE"),
        ),
    ],
)
def test_support_voiced_aid_in_loans_a_border_closed_or_a_protest_over_anothers_act(
    extractor: Any, text: str, expected: tuple[str, str, str]
) -> None:
    got = _typed(extractor, text)
    assert (*expected, "asserted") in got or (*expected, "planned") in got, got


@pytest.mark.parametrize(
    "text",
    [
        "The senator voiced support for the bill.",  # no one's act
        "China lodged a protest over Taiwan.",  # what it is about, not whom
        "Mao Ning dismissed the rumours about Li Qiang's health.",  # a rumour is no one's act
        "Beijing closed its border to stop the virus.",  # closed to no one
    ],
)
def test_support_or_a_protest_about_no_ones_act_has_no_target(extractor: Any, text: str) -> None:
    assert not {
        e for e in _typed(extractor, text) if e[2] in {"SUPPORT", "ACCUSE", "REJECT", "SANCTION"}
    }


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Israeli troops withdrew from Lebanon.", "state:LBN"),
        ("Ethiopian forces withdrew from the Somali capital.", "state:SOM"),
    ],
)
def test_a_withdrawal_from_a_place_is_from_its_country(
    extractor: Any, text: str, target: str
) -> None:
    assert {(e[1], e[2]) for e in _typed(extractor, text)} == {(target, "RETREAT")}


def test_a_withdrawal_from_a_pact_names_no_party(extractor: Any) -> None:
    assert not _typed(extractor, "Russia withdrew from the grain deal.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Morocco suspended diplomatic relations with Germany.",
            ("state:MAR", "state:DEU", "SANCTION"),
        ),
        ("The United States resumed military aid to Egypt.", ("state:USA", "state:EGY", "AID")),
        ("Ukraine and Russia swapped prisoners on Friday.", ("state:UKR", "state:RUS", "RETREAT")),
        (
            "Pakistan's army chief held talks with Chinese officials.",
            ("group:PAK:military", "group:CHN:officials", "CONSULT"),
        ),
    ],
)
def test_the_object_makes_the_category_and_prisoners_swapped_are_released(
    extractor: Any, text: str, expected: tuple[str, str, str]
) -> None:
    assert (*expected, "asserted") in _typed(extractor, text)


def test_tariffs_suspended_stay_an_easing(extractor: Any) -> None:
    got = _typed(extractor, "Washington suspended tariffs on Chinese goods.")
    assert {e[2] for e in got} == {"RETREAT"}


def test_it_in_a_warnings_condition_is_the_one_warned(extractor: Any) -> None:
    got = _typed(extractor, "Washington warned Beijing of consequences if it sent arms to Moscow.")
    assert ("state:USA", "state:CHN", "THREATEN", "asserted") in got
    assert not {e for e in got if e[0] == "state:USA" and e[1] == "state:RUS"}


def test_a_proposal_dismissed_is_rejected_from_its_owner(extractor: Any) -> None:
    got = _typed(extractor, "Washington dismissed Beijing's proposal as a non-starter.")
    assert got == {("state:USA", "state:CHN", "REJECT", "asserted")}
