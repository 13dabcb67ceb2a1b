"""Events news tells in constructions beyond a trigger and its object.

Negotiating a pact with someone, talks that end with no deal, demands and
criticism as nouns, declared solidarity, a charge in a speaker's noun, a
summit beside the visit that plans it, and a dropped plan to impose a
measure. Each sentence is invented for the test; near misses must stay
uncoded.
"""

from __future__ import annotations

from typing import Any

import pytest

from extracted import events as _events

pytestmark = pytest.mark.model


def _of(found: set[tuple[str, ...]], kind: str) -> set[tuple[str, str, str]]:
    """(source, target, modality) of the events of one category."""
    return {(e[0], e[1], e[4]) for e in found if e[2] == kind}


def _pairs(found: set[tuple[str, ...]], kind: str) -> set[frozenset[str]]:
    return {frozenset(e[:2]) for e in found if e[2] == kind}


def test_negotiating_a_pact_with_a_state_is_talks_with_it(extractor: Any) -> None:
    got = _events(
        extractor,
        "Joe Biden promised to renegotiate fishing pacts with Norway and Iceland.",
        "2024-03-02",
    )
    consult = _of(got, "CONSULT")
    assert any(t == "state:NOR" and m == "planned" for _, t, m in consult), got
    assert any(t == "state:ISL" and m == "planned" for _, t, m in consult), got
    # the pact's partners are one side: they do not negotiate with each other
    assert frozenset({"state:NOR", "state:ISL"}) not in _pairs(got, "CONSULT")
    assert not _of(got, "AGREE"), got


def test_a_pact_only_criticized_is_no_negotiation(extractor: Any) -> None:
    got = _events(extractor, "Joe Biden criticized the fishing pacts with Norway.", "2024-03-02")
    assert not _of(got, "CONSULT"), got


def test_talks_that_end_with_no_deal_are_an_agreement_not_reached(extractor: Any) -> None:
    got = _events(
        extractor,
        "Indian and Pakistani officials ended three days of talks on Monday with no deal.",
        "2023-04-11",
    )
    officials = frozenset({"group:IND:officials", "group:PAK:officials"})
    assert officials in _pairs(got, "CONSULT")
    assert officials in _pairs(got, "AGREE")
    assert all(m == "negated" for _, _, m in _of(got, "AGREE")), got
    got = _events(
        extractor, "Talks between Peru and Chile broke up without an agreement.", "2023-04-11"
    )
    assert frozenset({"state:CHL", "state:PER"}) in _pairs(got, "AGREE")
    assert all(m == "negated" for _, _, m in _of(got, "AGREE")), got


def test_talks_without_preconditions_or_ending_in_a_deal_are_no_failure(extractor: Any) -> None:
    for text in (
        "Peru held talks with Chile without preconditions.",
        "Peru and Chile ended their talks with a deal.",
    ):
        got = _events(extractor, text, "2023-04-11")
        assert not any(m == "negated" for _, _, m in _of(got, "AGREE")), (text, got)


def test_a_states_demands_for_concessions_ask_the_state_named(extractor: Any) -> None:
    got = _events(extractor, "Brazil stepped up its demands for Argentine concessions.")
    assert ("state:BRA", "state:ARG", "asserted") in _of(got, "REQUEST")
    got = _events(extractor, "Brazil repeated its demands for an apology from Argentina.")
    assert ("state:BRA", "state:ARG", "asserted") in _of(got, "REQUEST")


def test_demand_for_a_countrys_goods_is_a_market_not_a_request(extractor: Any) -> None:
    got = _events(extractor, "Brazilian demand for Argentine wheat fell sharply.")
    assert not _of(got, "REQUEST"), got


def test_criticism_received_comes_from_the_critic(extractor: Any) -> None:
    for text in (
        "Narendra Modi faced criticism from Joe Biden.",
        "Narendra Modi was met with sharp criticism from Joe Biden.",
    ):
        got = _events(extractor, text, "2023-06-22")
        assert ("joe-biden", "narendra-modi", "asserted") in _of(got, "ACCUSE"), (text, got)
    got = _events(extractor, "Argentina came under criticism from Brazil.")
    assert ("state:BRA", "state:ARG", "asserted") in _of(got, "ACCUSE")


def test_criticism_from_a_host_named_after_a_comma_and_title(extractor: Any) -> None:
    got = _events(
        extractor,
        "Narendra Modi was met with criticism from his host, President Joe Biden, on Thursday.",
        "2023-06-22",
    )
    assert ("joe-biden", "narendra-modi", "asserted") in _of(got, "ACCUSE")


def test_criticism_faced_with_no_critic_named_is_no_event(extractor: Any) -> None:
    got = _events(extractor, "Narendra Modi faced criticism at home.", "2023-06-22")
    assert not _of(got, "ACCUSE"), got


def test_declared_solidarity_is_support_from_the_state_and_its_speaker(extractor: Any) -> None:
    got = _events(
        extractor,
        "In Tokyo, Antony Blinken declared America's firm solidarity with Japan.",
        "2023-03-14",
    )
    support = _of(got, "SUPPORT")
    assert ("state:USA", "state:JPN", "asserted") in support
    assert ("antony-blinken", "state:JPN", "asserted") in support
    got = _events(extractor, "Poland expressed solidarity with Ukraine.")
    assert ("state:POL", "state:UKR", "asserted") in _of(got, "SUPPORT")


def test_solidarity_among_a_crowd_is_no_support_between_states(extractor: Any) -> None:
    got = _events(extractor, "Poland called for solidarity among European nations.")
    assert not _of(got, "SUPPORT"), got


def test_a_speakers_assertion_of_a_wrong_accuses_the_wrongdoer(extractor: Any) -> None:
    got = _events(
        extractor,
        "Janet Yellen's assertion that China manipulates its currency angered Beijing.",
        "2023-07-08",
    )
    assert ("janet-yellen", "state:CHN", "asserted") in _of(got, "ACCUSE")


def test_an_assertion_of_no_wrong_or_by_no_one_is_no_accusation(extractor: Any) -> None:
    for text in (
        "Janet Yellen's assertion that China is growing fast pleased Beijing.",
        "The assertion that China manipulates its currency is old.",
        "Janet Yellen's claim that China had not manipulated its currency surprised many.",
    ):
        got = _events(extractor, text, "2023-07-08")
        assert not _of(got, "ACCUSE"), (text, got)


def test_a_summit_named_beside_the_visit_that_plans_it_is_not_asserted(extractor: Any) -> None:
    got = _events(
        extractor,
        "Narendra Modi will visit Joe Biden at the White House next month, the Indian foreign "
        "ministry said Friday, confirming details of Biden's first summit meeting with Modi.",
        "2023-05-26",
    )
    consult = _of(got, "CONSULT")
    assert any(m == "planned" for _, _, m in consult), got
    assert not any(m == "asserted" for _, _, m in consult), got


def test_a_dropped_plan_to_impose_tariffs_is_an_easing_and_no_sanction(extractor: Any) -> None:
    got = _events(extractor, "Canada quietly suspended its plan to impose tariffs on Mexico.")
    assert ("state:CAN", "state:MEX", "asserted") in _of(got, "RETREAT")
    assert ("state:CAN", "state:MEX", "negated") in _of(got, "SANCTION")


def test_an_announced_plan_to_impose_tariffs_is_a_planned_sanction(extractor: Any) -> None:
    got = _events(extractor, "Canada announced its plan to impose tariffs on Mexico.")
    assert ("state:CAN", "state:MEX", "planned") in _of(got, "SANCTION")
    assert not _of(got, "RETREAT"), got


def test_talks_held_without_reaching_an_agreement_did_not_reach_it(extractor: Any) -> None:
    got = _events(extractor, "Canada met Mexico on Friday without reaching an agreement.")
    assert ("state:CAN", "state:MEX", "negated") in _of(got, "AGREE")
    got = _events(extractor, "Canada met Mexico on Friday without discussing the trade agreement.")
    assert not _of(got, "AGREE"), got


def test_a_call_with_someone_in_a_clause_is_held_by_its_doer(extractor: Any) -> None:
    for text in (
        "Narendra Modi warned in a phone call with Joe Biden that tariffs would rise.",
        "By giving ground in a phone call with Joe Biden, Narendra Modi avoided a clash.",
    ):
        got = _events(extractor, text, "2023-06-10")
        assert frozenset({"joe-biden", "narendra-modi"}) in _pairs(got, "CONSULT"), (text, got)


def test_the_means_of_a_doubted_outcome_was_taken(extractor: Any) -> None:
    got = _events(
        extractor,
        "By backing down in a phone call with Joe Biden, Narendra Modi may have averted a clash.",
        "2023-06-10",
    )
    modi_biden = frozenset({"joe-biden", "narendra-modi"})
    assert any(
        frozenset({s, t}) == modi_biden and m == "asserted" for s, t, m in _of(got, "CONSULT")
    )
    got = _events(
        extractor,
        "By giving ground in a phone call with Joe Biden, Narendra Modi would avoid a clash.",
        "2023-06-10",
    )
    assert not any(m == "asserted" for _, _, m in _of(got, "CONSULT")), got


def test_a_delegate_to_talks_with_a_state_takes_part_for_its_own(extractor: Any) -> None:
    for text in (
        "Canada's envoy to the talks with Mexico left Ottawa on Monday.",
        "Canada's chief representative to the discussions with Mexico sounded gloomy.",
    ):
        got = _events(extractor, text)
        assert any(
            "CAN" in s and t == "state:MEX" and m == "asserted" for s, t, m in _of(got, "CONSULT")
        ), (text, got)


def test_an_approach_to_talks_names_no_delegate(extractor: Any) -> None:
    got = _events(extractor, "The Canadian approach to talks with Mexico has failed.")
    assert not _of(got, "CONSULT"), got


def test_a_meeting_with_a_counterpart_named_after_a_comma(extractor: Any) -> None:
    got = _events(
        extractor,
        "Observers at the forum are waiting for Prime Minister Modi's first meeting with "
        "his counterpart from Russia, Vladimir Putin, on Monday.",
        "2023-06-10",
    )
    assert frozenset({"narendra-modi", "vladimir-putin"}) in _pairs(got, "CONSULT")


def test_no_date_set_for_further_talks_is_talks_not_arranged(extractor: Any) -> None:
    got = _events(
        extractor,
        "Peru and Chile broke off their talks in Quito with no accord and no date set for "
        "a new round of talks.",
    )
    consult = _of(got, "CONSULT")
    assert {m for _, _, m in consult} == {"asserted", "negated"}, got
    assert all(m == "negated" for _, _, m in _of(got, "AGREE")), got


def test_a_date_set_or_no_date_for_something_else_arranges_no_talks(extractor: Any) -> None:
    for text in (
        "Talks between Peru and Chile ended on Monday with a date set for further talks.",
        "Talks between Peru and Chile ended on Monday with no date set for the vote.",
    ):
        got = _events(extractor, text)
        assert {m for _, _, m in _of(got, "CONSULT")} == {"asserted"}, (text, got)


def test_walking_away_from_a_deal_with_a_state_rejects_it(extractor: Any) -> None:
    for text in (
        "Japan scrapped its fishing pact with Norway.",
        "Japan canceled the Nordic Fisheries Partnership, a regional deal with Norway.",
    ):
        got = _events(extractor, text)
        assert ("state:JPN", "state:NOR", "asserted") in _of(got, "REJECT"), (text, got)


def test_a_deal_scrapped_with_no_partner_named_rejects_no_one(extractor: Any) -> None:
    got = _events(extractor, "Japan scrapped the deal on Friday.")
    assert not _of(got, "REJECT"), got
