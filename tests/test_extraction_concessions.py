"""Agreements, concessions and retreats told in the many ways the news tells them.

Each case is a sentence a reader understands at once; the test says which act
between which two parties the reader would expect the tool to record.
"""

from __future__ import annotations

from typing import Any

import pytest

from extracted import countries as _countries
from extracted import extract as _run
from extracted import typed as _acts

pytestmark = pytest.mark.model


def test_deals_sealed_as_accords_memoranda_or_partnerships(extractor: Any) -> None:
    assert ("benjamin-netanyahu", "abdullah-bin-zayed", "AGREE", "asserted") in _acts(
        extractor,
        "Benjamin Netanyahu and UAE Foreign Minister Abdullah bin Zayed signed the "
        "Abraham Accords on the South Lawn of the White House.",
    )
    assert _countries(extractor, "Putin and Erdogan sealed a memorandum on northeast Syria.") == {
        ("RUS", "TUR", "AGREE")
    }
    assert _countries(extractor, "Japan sealed a partnership with Vietnam.") == {
        ("JPN", "VNM", "AGREE")
    }
    assert _countries(
        extractor, "China and the Philippines reached a provisional arrangement on resupply."
    ) == {("CHN", "PHL", "AGREE")}


def test_a_treaty_signed_by_two_leaders_in_a_participle(extractor: Any) -> None:
    assert ("vladimir-putin", "kim-jong-un", "AGREE", "asserted") in _acts(
        extractor,
        "Under a treaty signed by Vladimir Putin and Kim Jong Un, each side pledges help.",
    )
    # the verb that tells the act keeps its own reading in the full passive
    signed = _run(extractor, "An agreement was signed by Rubio and Wang Yi on Tuesday.")
    assert {(e.type, e.mode) for e in signed.events} == {("AGREE", "sign")}


def test_signatures_put_and_instruments_exchanged(extractor: Any) -> None:
    assert _countries(
        extractor, "Norway and Russia put their signatures to a treaty in Murmansk on Wednesday."
    ) == {("NOR", "RUS", "AGREE")}
    assert ("narendra-modi", "sheikh-hasina", "AGREE", "asserted") in _acts(
        extractor,
        "Narendra Modi and Sheikh Hasina exchanged the instruments of ratification of the "
        "land boundary agreement in Dhaka.",
    )


def test_captives_bodies_and_territory_handed_back(extractor: Any) -> None:
    assert _countries(
        extractor, "Moscow handed over the bodies of 1,212 Ukrainian soldiers on Wednesday."
    ) == {("RUS", "UKR", "RETREAT")}
    assert _countries(extractor, "Russia handed China control of the island.") == {
        ("RUS", "CHN", "RETREAT")
    }
    assert _countries(
        extractor, "Britain ended colonial rule over Hong Kong, passing sovereignty to China."
    ) == {("GBR", "CHN", "RETREAT")}
    assert _countries(extractor, "Russia returned three Ukrainian navy vessels.") == {
        ("RUS", "UKR", "RETREAT")
    }
    # a wanted man handed over is still judicial cooperation
    handed = _run(extractor, "Hong Kong handed over the two Chinese fugitives to Beijing.")
    assert {(e.type, e.mode) for e in handed.events} == {("COOPERATE", "judicial")}


def test_released_people_named_with_their_nationality(extractor: Any) -> None:
    assert _countries(
        extractor, "Japan released Zhan Qixiong, the Chinese trawler captain held for 17 days."
    ) == {("JPN", "CHN", "RETREAT")}
    assert _countries(extractor, "China freed Americans Mark Swidan and Kai Li in November.") >= {
        ("CHN", "USA", "RETREAT")
    }
    assert _countries(extractor, "Tehran set free five Americans on Monday.") == {
        ("IRN", "USA", "RETREAT")
    }


def test_those_released_are_freed_by_whoever_held_them(extractor: Any) -> None:
    got = _acts(
        extractor,
        "Michael Kovrig and Michael Spavor, the two Canadians held by China for more than "
        "1,000 days, were released and flown home.",
    )
    assert ("state:CHN", "michael-kovrig", "RETREAT", "asserted") in got
    assert ("state:CHN", "michael-spavor", "RETREAT", "asserted") in got


def test_a_stand_given_up_is_a_concession_to_whom_it_was_against(extractor: Any) -> None:
    assert _countries(
        extractor, "Greece lifted its veto on North Macedonia's NATO membership."
    ) == {("GRC", "MKD", "CONCEDE")}
    assert _countries(extractor, "Viktor Orban ended his holdout over Sweden's NATO bid.") == {
        ("HUN", "SWE", "CONCEDE")
    }
    assert _countries(
        extractor, "Canberra suspended its WTO challenge to Beijing's barley tariffs."
    ) == {("AUS", "CHN", "CONCEDE")}
    assert _countries(
        extractor, "Turkey's parliament dropped Ankara's objection to Sweden's NATO membership."
    ) == {("TUR", "SWE", "CONCEDE")}


def test_yielding_to_a_name_backing_down_and_meeting_a_demand(extractor: Any) -> None:
    assert _countries(extractor, "Oslo gave way to Beijing after months of pressure.") == {
        ("NOR", "CHN", "CONCEDE")
    }
    assert _countries(extractor, "Canada caved in to Trump's demands on the tax.") == {
        ("CAN", "USA", "CONCEDE")
    }
    assert _countries(extractor, "Trump backed down in his dispute with Beijing over ZTE.") == {
        ("USA", "CHN", "CONCEDE")
    }
    assert _countries(extractor, "Washington met Beijing's demand.") == {("USA", "CHN", "CONCEDE")}
    # refusing to back down rejects the other side, and "back" alone is no support
    assert _countries(extractor, "Xi refused to back down in the row with Tokyo.") == {
        ("CHN", "JPN", "REJECT")
    }
    assert not _run(extractor, "Bonds gave way to stocks.").events


def test_a_refusal_despite_demands_rejects_who_made_them(extractor: Any) -> None:
    assert _countries(
        extractor,
        "Sanae Takaichi refused to retract her remarks on Taiwan despite repeated demands "
        "from Beijing.",
    ) == {("JPN", "CHN", "REJECT")}


def test_regret_expressed_to_someone_is_an_apology(extractor: Any) -> None:
    ex = _run(extractor, "Colin Powell expressed regret to Beijing over the loss of the pilot.")
    assert {(e.source.actor_id, e.target.actor_id, e.type, e.mode) for e in ex.events} == {
        ("colin-powell", "state:CHN", "SUPPORT", "apologize")
    }
    assert not _run(extractor, "Beijing expressed regret over the US decision.").events
    assert _countries(
        extractor, "In a long-sought concession to Washington, China ended the yuan's peg."
    ) == {("CHN", "USA", "CONCEDE")}
    # an investigation "of arms sales to Croatia" is no act of the one questioned
    assert not _run(
        extractor,
        "A judge ordered Carlos Menem to appear for questioning in an investigation of "
        "illegal arms sales to Croatia and Ecuador.",
    ).events


def test_compensation_paid_or_transferred_is_a_retreat_not_aid(extractor: Any) -> None:
    for text in (
        "Israel has paid $20 million in compensation to Turkey for the families.",
        "Israel transferred 20 million dollars in compensation to Turkey in 2016.",
    ):
        assert _countries(extractor, text) == {("ISR", "TUR", "RETREAT")}, text


def test_arms_sold_are_aid_but_not_when_only_asked_to_stop(extractor: Any) -> None:
    assert _countries(extractor, "Washington sold arms to Taiwan.") == {("USA", "TWN", "AID")}
    assert ("USA", "TWN", "AID") in _countries(
        extractor, "China firmly opposes the US arms sales to Taiwan."
    )
    # a protest over a sale names no seller of its own
    assert _countries(
        extractor,
        "Beijing lodged stern representations with Washington over the latest arms sale to Taiwan.",
    ) == {("CHN", "USA", "ACCUSE")}
    assert _countries(
        extractor, "Beijing called on Washington to stop selling arms to Taiwan."
    ) == {("CHN", "USA", "REQUEST")}
    # a measure against arms is no gift of them
    assert _countries(
        extractor,
        "Barack Obama announced the full lifting of the decades-old US arms embargo on Vietnam.",
    ) == {("USA", "VNM", "RETREAT")}


def test_measures_called_off_cut_in_the_passive_or_on_anothers_sector(extractor: Any) -> None:
    assert _acts(extractor, "Trump called off the tariffs on Chinese-made laptops.") == {
        ("donald-trump", "state:CHN", "RETREAT", "asserted")
    }
    assert _countries(extractor, "Tariffs on British cars were cut by Washington on Monday.") == {
        ("USA", "GBR", "RETREAT")
    }
    assert _countries(extractor, "Washington eased sanctions on Venezuela's oil sector.") == {
        ("USA", "VEN", "RETREAT")
    }
    assert _countries(extractor, "Taiwan began allowing imports of US pork on Friday.") == {
        ("TWN", "USA", "RETREAT")
    }
    assert _countries(extractor, "Moscow withdrew its garrison from Ukraine's Snake Island.") == {
        ("RUS", "UKR", "RETREAT")
    }
    # a talk being called off stays a talk that did not happen
    assert _acts(extractor, "Beijing called off the talks with Washington.") == {
        ("state:CHN", "state:USA", "CONSULT", "negated")
    }


def test_taken_off_anothers_list_by_its_keeper(extractor: Any) -> None:
    assert _acts(
        extractor,
        "Chinese smartphone maker Xiaomi was removed from the Pentagon's blacklist of "
        "companies with alleged ties to the People's Liberation Army.",
    ) == {("us-defense-department", "xiaomi", "RETREAT", "asserted")}


def test_a_condition_with_were_to_is_hypothetical(extractor: Any) -> None:
    assert _acts(
        extractor, "If Washington were to impose tariffs on Chinese goods, it would cause harm."
    ) == {("state:USA", "state:CHN", "SANCTION", "hypothetical")}


def test_a_lower_case_state_form_is_no_state(extractor: Any) -> None:
    ex = _run(
        extractor,
        "Russian troops completed their withdrawal from Kherson on the west bank of the Dnipro.",
    )
    assert "state:PSE" not in {m.actor_id for m in ex.mentions}
    assert {(e.source.country, e.target.country, e.type) for e in ex.events} == {
        ("RUS", "UKR", "RETREAT")
    }


def test_a_deal_read_as_apposed_to_its_phase_is_still_announced(extractor: Any) -> None:
    assert ("donald-trump", "liu-he", "AGREE", "asserted") in {
        tuple(sorted(a[:2])) + a[2:]
        for a in _acts(extractor, "Trump and Liu He announced a phase one deal on Friday.")
    }
    # an apposition to a meeting stays the meeting's: no talks with a second party
    got = _acts(
        extractor,
        "Katherine Tai held a virtual meeting with Liu He on Wednesday, her first talks "
        "with a Chinese official since taking office.",
    )
    assert {a[:2] for a in got} == {("katherine-tai", "liu-he")}


def test_people_handed_over_or_returned_go_back_to_their_side(extractor: Any) -> None:
    assert _countries(
        extractor, "Pakistan handed over the captured Indian pilot at the Wagah border."
    ) == {("PAK", "IND", "RETREAT")}
    assert _countries(extractor, "Russia returned the Ukrainian prisoners.") == {
        ("RUS", "UKR", "RETREAT")
    }
    # suspects handed to another's police stay judicial cooperation
    handed = _run(extractor, "Pakistan handed over the suspects to the United States.")
    assert {(e.type, e.mode) for e in handed.events} == {("COOPERATE", "judicial")}
