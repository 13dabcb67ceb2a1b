"""Easing, coercion and sanctions in the wording of US–China news.

Each sentence is invented for the test, in the style of the project gold set
(docs/annotation.md); the test says what a reader would expect recorded.
"""

from __future__ import annotations

from typing import Any

import pytest

from extracted import events as _events
from extracted import extract

pytestmark = pytest.mark.model


def _of(events: set[tuple[str, ...]], kind: str) -> set[tuple[str, ...]]:
    return {(e[0], e[1], e[4]) for e in events if e[2] == kind}


# -- easing named by a noun -------------------------------------------------


def test_the_lifting_of_a_measure_by_a_state_is_an_easing(extractor: Any) -> None:
    got = _events(extractor, "The lifting of duties on American pork by Beijing began on Monday.")
    assert ("state:CHN", "state:USA", "asserted") in _of(got, "RETREAT")
    assert not _of(got, "SANCTION")  # the duties lifted are not imposed


def test_a_possessive_suspension_of_a_ban_is_the_owners_easing(extractor: Any) -> None:
    got = _events(
        extractor,
        "Washington's suspension of its ban on chip sales to China was confirmed on Tuesday.",
    )
    assert ("state:USA", "state:CHN", "asserted") in _of(got, "RETREAT")


def test_a_suspension_of_talks_is_no_easing(extractor: Any) -> None:
    got = _events(extractor, "Beijing's suspension of talks with Washington angered officials.")
    assert not _of(got, "RETREAT")


# -- easing verbs -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("Tokyo scrapped its duties on Australian steel on Monday.", "asserted"),
        ("Tokyo shelved the tariffs on Australian cars.", "asserted"),
        ("Tokyo cancelled the sanctions on Australian shipyards.", "asserted"),
        ("Tokyo withdrew its duties on Australian steel.", "asserted"),
        ("Tokyo will scrap its duties on Australian steel.", "planned"),
        ("Tokyo did not cancel the duties on Australian steel.", "negated"),
    ],
)
def test_undoing_a_measure_is_an_easing_as_real_as_the_verb(
    extractor: Any, text: str, modality: str
) -> None:
    # a verb that negates what it governs ("scrapped the talks") undoes a measure instead
    got = _events(extractor, text)
    assert _of(got, "RETREAT") == {("state:JPN", "state:AUS", modality)}
    assert not _of(got, "SANCTION")


def test_exempting_goods_from_a_measure_eases_it(extractor: Any) -> None:
    got = _events(extractor, "Tokyo exempted Australian wine from the new duties on Friday.")
    assert _of(got, "RETREAT") == {("state:JPN", "state:AUS", "asserted")}
    got = _events(extractor, "Tokyo will exempt medicines from the duties on Australian goods.")
    assert _of(got, "RETREAT") == {("state:JPN", "state:AUS", "planned")}
    # kept out of talks is no easing, and no meeting
    assert not _events(extractor, "Tokyo excluded Australian firms from the talks.")


def test_putting_off_a_tariff_increase_is_an_easing(extractor: Any) -> None:
    for text in (
        "Trump delayed the tariff increase on Chinese steel on Sunday.",
        "The White House postponed the increase in tariffs on Chinese furniture.",
    ):
        got = _of(_events(extractor, text), "RETREAT")
        assert any(t == "state:CHN" and m == "asserted" for _, t, m in got), (text, got)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The Commerce Department took two Russian banks off its entity list.", "RETREAT"),
        ("The Commerce Department struck two Russian banks from its entity list.", "RETREAT"),
        ("The Commerce Department dropped two Russian banks from the entity list.", "RETREAT"),
        # on a list is the sanction itself
        ("The Commerce Department put two Russian banks on its entity list.", "SANCTION"),
        ("The Commerce Department placed two Russian banks on a trade blacklist.", "SANCTION"),
    ],
)
def test_taking_firms_off_a_measure_list_eases_and_putting_them_on_sanctions(
    extractor: Any, text: str, kind: str
) -> None:
    assert ("us-commerce-department", "state:RUS", "asserted") in _of(
        _events(extractor, text), kind
    )


def test_taking_something_off_another_list_is_no_easing(extractor: Any) -> None:
    got = _events(extractor, "Bessent took Russia off the list of topics for the summit.")
    assert not _of(got, "RETREAT")


def test_postponing_a_trip_is_no_easing(extractor: Any) -> None:
    got = _events(extractor, "Raimondo postponed her trip to Beijing on Monday.")
    assert not _of(got, "RETREAT")


def test_relaxing_or_rolling_back_controls_is_an_easing(extractor: Any) -> None:
    got = _events(
        extractor, "Beijing relaxed its curbs on exports of graphite to the United States."
    )
    assert ("state:CHN", "state:USA", "asserted") in _of(got, "RETREAT")


def test_granting_licences_is_an_easing_and_granting_asylum_is_not(extractor: Any) -> None:
    got = _events(
        extractor, "The Commerce Department granted licences for sales of memory chips to China."
    )
    assert ("us-commerce-department", "state:CHN", "asserted") in _of(got, "RETREAT")
    assert not _of(_events(extractor, "Washington granted asylum to the dissident."), "RETREAT")


def test_removal_from_a_list_is_an_easing_with_a_stray_agent(extractor: Any) -> None:
    got = _events(
        extractor,
        "Nine Chinese firms were removed from the entity list by the Commerce Department.",
    )
    assert ("us-commerce-department", "state:CHN", "asserted") in _of(got, "RETREAT")


def test_resuming_purchases_is_an_easing_but_agreeing_to_is_the_agreement(
    extractor: Any,
) -> None:
    got = _events(extractor, "China resumed purchases of American sorghum on Monday.")
    assert ("state:CHN", "state:USA", "asserted") in _of(got, "RETREAT")
    agreed = _events(extractor, "China agreed to resume purchases of American sorghum.")
    assert not _of(agreed, "RETREAT")
    assert agreed and all(e[2] == "AGREE" for e in agreed)


def test_halting_purchases_of_a_countrys_goods_is_a_sanction_of_it(extractor: Any) -> None:
    got = _events(extractor, "India suspended purchases of Malaysian palm oil on Monday.")
    assert _of(got, "SANCTION") == {("state:IND", "state:MYS", "asserted")}
    got = _events(extractor, "Beijing barred imports of Australian barley.")
    assert _of(got, "SANCTION") == {("state:CHN", "state:AUS", "asserted")}
    # threatened, not done: a threat aimed at the one whose goods it names; goods of no
    # country, nothing; tariffs suspended, an easing
    got = _events(extractor, "India threatened to halt purchases of Malaysian palm oil.")
    assert not _of(got, "SANCTION")
    assert _of(got, "THREATEN") == {("state:IND", "state:MYS", "asserted")}
    got = _events(extractor, "Beijing threatened to halt purchases of Malaysian palm oil.")
    assert _of(got, "THREATEN") == {("state:CHN", "state:MYS", "asserted")}
    got = _events(extractor, "India threatened to impose tariffs on Malaysian palm oil.")
    assert _of(got, "THREATEN") == {("state:IND", "state:MYS", "asserted")}
    assert not _events(extractor, "India halted imports of palm oil.")
    got = _events(extractor, "India suspended tariffs on Malaysian palm oil.")
    assert _of(got, "RETREAT") and not _of(got, "SANCTION")


def test_an_easing_with_no_target_is_for_the_other_side(extractor: Any) -> None:
    got = _events(extractor, "Beijing suspended the countermeasures on Wednesday.")
    assert ("state:CHN", "state:USA", "asserted") in _of(got, "RETREAT")


def test_an_easing_agreed_or_made_a_condition_is_not_coded_as_done(extractor: Any) -> None:
    got = _events(extractor, "Beijing would buy more soybeans if Washington lifted its sanctions.")
    assert not _of(got, "RETREAT")


def test_considering_an_easing_is_a_maybe_even_with_will(extractor: Any) -> None:
    got = _events(extractor, "The Treasury will consider lifting sanctions on Chinese banks.")
    assert ("us-treasury", "state:CHN", "hypothetical") in _of(got, "RETREAT")


def test_a_decision_names_who_eases(extractor: Any) -> None:
    got = _events(
        extractor, "Biden's decision to postpone the tariff hike on Chinese solar panels surprised."
    )
    assert any(s == "joe-biden" and t == "state:CHN" for s, t, _ in _of(got, "RETREAT")), got


# -- who a measure hits -----------------------------------------------------


def test_the_origin_of_goods_is_the_one_a_duty_hits(extractor: Any) -> None:
    got = _events(
        extractor, "Beijing imposed anti-dumping duties on brandy from the United States."
    )
    assert ("state:CHN", "state:USA", "asserted") in _of(got, "SANCTION")
    got = _events(extractor, "The Commerce Department imposed duties on aluminium foil from China.")
    assert ("us-commerce-department", "state:CHN", "asserted") in _of(got, "SANCTION")


def test_a_firm_the_kb_does_not_know_is_the_one_listed(extractor: Any) -> None:
    got = _events(
        extractor, "China's commerce ministry added Skydio to its unreliable entity list."
    )
    assert ("chinese-commerce-ministry", "new:skydio", "asserted") in _of(got, "SANCTION")
    got = _events(extractor, "Zhipu was added to the entity list by the Commerce Department.")
    assert ("us-commerce-department", "new:zhipu", "asserted") in _of(got, "SANCTION")


# -- coercion ---------------------------------------------------------------


def test_expelling_journalists_is_coercion_and_diplomats_a_sanction(extractor: Any) -> None:
    got = _events(extractor, "Beijing expelled American reporters from three newspapers.")
    assert ("state:CHN", "group:USA:reporters", "asserted") in _of(got, "COERCE") or any(
        s == "state:CHN" for s, _, _ in _of(got, "COERCE")
    )
    assert not _of(got, "SANCTION")
    got = _events(extractor, "Washington expelled two Chinese diplomats on Friday.")
    assert _of(got, "SANCTION") and not _of(got, "COERCE")


def test_an_exit_ban_is_coercion_and_lifting_it_an_easing(extractor: Any) -> None:
    got = _events(extractor, "China imposed an exit ban on American citizens on Monday.")
    assert _of(got, "COERCE") and not _of(got, "SANCTION")
    got = _events(extractor, "Chinese authorities lifted the exit ban on American citizens.")
    assert any(s == "group:CHN:authorities" for s, _, _ in _of(got, "RETREAT"))


def test_ordering_a_consulate_closed_is_coercion(extractor: Any) -> None:
    for text in (
        "Beijing ordered the American consulate in Wuhan closed on Monday.",
        "Beijing ordered the closure of the American consulate in Wuhan on Monday.",
    ):
        got = _of(_events(extractor, text), "COERCE")
        assert any(s == "state:CHN" and t.startswith(("group:USA", "state:USA")) for s, t, _ in got)
    assert not _events(extractor, "Beijing ordered an inquiry into the accident.")


def test_intercepting_or_shooting_down_a_craft_is_coercion(extractor: Any) -> None:
    got = _events(extractor, "A Chinese fighter jet intercepted a U.S. surveillance plane.")
    assert ("state:CHN", "state:USA", "asserted") in _of(got, "COERCE")
    got = _events(extractor, "The U.S. military shot down a Chinese balloon on Saturday.")
    assert ("group:USA:military", "state:CHN", "asserted") in _of(got, "COERCE")


# -- linking ----------------------------------------------------------------


def test_the_bare_administration_is_washingtons(extractor: Any) -> None:
    got = _events(extractor, "The administration imposed new tariffs on Chinese drones on Friday.")
    assert ("group:USA:administration", "state:CHN", "asserted") in _of(got, "SANCTION")


def test_the_trade_representatives_office_is_ustr(extractor: Any) -> None:
    got = _events(
        extractor,
        "The U.S. trade representative's office extended the exclusions from tariffs"
        " on Chinese goods.",
    )
    assert ("ustr", "state:CHN", "asserted") in _of(got, "RETREAT")


def test_a_name_modifying_the_goods_is_no_firm(extractor: Any) -> None:
    got = _events(
        extractor, "Washington imposed export controls on advanced AI chips bound for China."
    )
    assert not any(t.startswith("new:") for _, t, _ in _of(got, "SANCTION")), got


def test_removal_from_another_list_is_no_easing(extractor: Any) -> None:
    got = _events(extractor, "Beijing removed Wang Yi from the list of speakers.")
    assert not _of(got, "RETREAT")


def test_the_bureaus_that_list_and_sanction_are_their_departments(extractor: Any) -> None:
    got = _events(extractor, "OFAC sanctioned two Chinese refineries on Thursday.")
    assert ("us-treasury", "state:CHN", "asserted") in _of(got, "SANCTION")
    got = _events(
        extractor, "The Bureau of Industry and Security added 12 Chinese firms to the entity list."
    )
    assert ("us-commerce-department", "state:CHN", "asserted") in _of(got, "SANCTION")


def test_a_countrys_customs_is_its_government(extractor: Any) -> None:
    got = _events(extractor, "Chinese customs seized a shipment of American chips in Shenzhen.")
    assert ("group:CHN:customs", "state:USA", "asserted") in _of(got, "COERCE")


def test_reopening_a_market_or_restoring_imports_is_an_easing(extractor: Any) -> None:
    got = _events(extractor, "China reopened its market to American poultry on Tuesday.")
    assert ("state:CHN", "state:USA", "asserted") in _of(got, "RETREAT")
    got = _events(extractor, "China restored imports of American logs.")
    assert ("state:CHN", "state:USA", "asserted") in _of(got, "RETREAT")
    # restoring ties stays support
    got = _events(extractor, "China and the United States restored ties in 1979.")
    assert not _of(got, "RETREAT")


def test_blocking_a_sale_or_revoking_a_licence_is_a_sanction(extractor: Any) -> None:
    got = _events(extractor, "Washington blocked the sale of chipmaking tools to China.")
    assert ("state:USA", "state:CHN", "asserted") in _of(got, "SANCTION")
    got = _events(extractor, "The Commerce Department revoked Huawei's licences on Tuesday.")
    assert ("us-commerce-department", "huawei", "asserted") in _of(got, "SANCTION")
    # revoking a sanction undoes it
    got = _events(extractor, "The Commerce Department revoked the sanctions on Huawei.")
    assert ("us-commerce-department", "huawei", "asserted") in _of(got, "RETREAT")


# -- when a planned easing happens ------------------------------------------


def _dated(extractor: Any, text: str, published: str) -> dict[str, tuple[str | None, str]]:
    ex = extract(extractor, text, published)
    return {e.type: (e.date.start, e.modality) for e in ex.events}


def test_a_plan_takes_no_date_from_a_clause_about_something_else(extractor: Any) -> None:
    # October 9 is when the purchases stopped: the plan is not dated a year ahead
    got = _dated(
        extractor,
        "Beijing will resume purchases of the American soybeans it stopped buying on October 9.",
        published="2025-10-30",
    )
    start, modality = got["RETREAT"]
    assert modality == "planned"
    assert start is not None and start < "2026-01-01"
    # a plan's own month still lies ahead
    got = _dated(
        extractor, "Beijing will resume purchases of American soybeans in January.", "2025-10-30"
    )
    assert got["RETREAT"] == ("2026-01-01", "planned")


@pytest.mark.parametrize(
    "text",
    [
        "The Treasury froze the assets of two Russian officials.",
        "The Treasury designated two Russian officials under the Global Magnitsky Act.",
    ],
)
def test_freezing_assets_and_designating_are_sanctions(extractor: Any, text: str) -> None:
    got = {(e[1], e[2]) for e in _events(extractor, text)}
    assert ("group:RUS:officials", "SANCTION") in got


def test_designating_someone_as_an_envoy_is_no_sanction(extractor: Any) -> None:
    assert not _of(_events(extractor, "Biden designated Kerry as his climate envoy."), "SANCTION")
