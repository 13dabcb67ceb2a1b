"""Requests, reactions and consensus, and reported futures, as news tells them.

Each sentence is invented for the test, in the style of news lead paragraphs;
the test says what a reader would expect recorded, and near misses what must
not be.
"""

from __future__ import annotations

from typing import Any

import pytest

from extracted import events as _events

pytestmark = pytest.mark.model


def _coded(extractor: Any, text: str, published: str = "2016-03-10") -> set[tuple[str, ...]]:
    """(source, target, type, modality) of every event."""
    return {(s, t, k, m) for s, t, k, _mode, m in _events(extractor, text, published)}


def _types(found: set[tuple[str, ...]]) -> set[str]:
    return {e[2] for e in found}


# -- telling and asking someone to act ---------------------------------------


def test_telling_a_state_not_to_act_is_a_request(extractor: Any) -> None:
    got = _coded(
        extractor,
        "Tensions have risen, with Tokyo telling Moscow on Tuesday not to interfere in the "
        "fishing dispute.",
    )
    assert ("state:JPN", "state:RUS", "REQUEST", "asserted") in got


def test_asking_or_pressing_a_state_to_act_is_a_request(extractor: Any) -> None:
    got = _coded(extractor, "Vietnam asked Cambodia on Monday to release the fishermen.")
    assert ("state:VNM", "state:KHM", "REQUEST", "asserted") in got
    got = _coded(extractor, "Vietnam pressed Cambodia to release the fishermen.")
    assert ("state:VNM", "state:KHM", "REQUEST", "asserted") in got


def test_telling_a_person_to_act_is_the_request_not_a_mere_contact(extractor: Any) -> None:
    got = _coded(extractor, "Obama told Putin to withdraw his troops.", "2014-03-05")
    assert got == {("barack-obama", "vladimir-putin", "REQUEST", "asserted")}


def test_telling_reporters_or_pressing_on_a_topic_is_no_request(extractor: Any) -> None:
    assert "REQUEST" not in _types(
        _coded(extractor, "The Finnish minister told reporters that the talks went well.")
    )
    assert "REQUEST" not in _types(
        _coded(extractor, "Vietnam pressed Cambodia on human rights at the meeting.")
    )
    assert "REQUEST" not in _types(
        _coded(extractor, "Tokyo told Moscow that it had received the letter.")
    )


# -- calling for something with someone --------------------------------------


def test_a_call_for_cooperation_with_a_state_is_a_request_to_it(extractor: Any) -> None:
    got = _coded(
        extractor,
        "President Lee Myung-bak of South Korea called for closer ties with Japan in a speech "
        "on Friday.",
        "2011-03-05",
    )
    assert ("lee-myung-bak", "state:JPN", "REQUEST", "asserted") in got


def test_talks_called_for_are_asked_not_held(extractor: Any) -> None:
    got = _coded(extractor, "Germany called for talks with Russia on Monday.")
    assert got == {("state:DEU", "state:RUS", "REQUEST", "asserted")}


def test_a_call_for_a_measure_against_a_state_names_no_one_asked(extractor: Any) -> None:
    got = _coded(extractor, "Germany called for sanctions against Belarus on Monday.")
    assert got == set()


def test_a_call_for_restraint_from_both_sides_names_no_one_asked(extractor: Any) -> None:
    got = _coded(extractor, "Germany called for restraint from both sides on Monday.")
    assert "REQUEST" not in _types(got)


# -- requests and pleas named by a noun --------------------------------------


def test_a_request_for_a_states_support_is_a_request_to_it(extractor: Any) -> None:
    got = _coded(
        extractor,
        "Britain's request for India's support at the United Nations will probably be met "
        "with a cool response.",
    )
    assert ("state:GBR", "state:IND", "REQUEST", "asserted") in got


def test_one_weighing_a_plea_from_a_state_is_the_one_asked(extractor: Any) -> None:
    got = _coded(
        extractor,
        "Prime Minister Shinzo Abe will arrive in Paris on Monday weighing a plea from Italy "
        "for more help with migrants.",
    )
    assert ("state:ITA", "shinzo-abe", "REQUEST", "asserted") in got
    assert ("shinzo-abe", "state:ITA", "REQUEST", "asserted") not in got


# -- angry reactions and pushing back ----------------------------------------


def test_an_angry_reaction_to_an_announcement_criticizes_its_author(extractor: Any) -> None:
    got = _coded(
        extractor,
        "The Russian government reacted angrily on Tuesday to an announcement by Chancellor "
        "Angela Merkel that Germany might send more troops to Lithuania.",
    )
    assert ("group:RUS:government", "angela-merkel", "ACCUSE", "asserted") in got


def test_an_angry_reaction_to_a_states_move_named_by_its_adjective(extractor: Any) -> None:
    got = _coded(extractor, "France responded sharply on Monday to the Russian announcement.")
    assert got == {("state:FRA", "state:RUS", "ACCUSE", "asserted")}


def test_a_calm_reaction_or_a_reaction_without_anger_is_no_criticism(extractor: Any) -> None:
    for text in (
        "The Russian government reacted calmly on Tuesday to an announcement by Angela Merkel.",
        "The Russian government responded on Tuesday to a letter from Angela Merkel.",
    ):
        assert "ACCUSE" not in _types(_coded(extractor, text))


def test_pushing_back_at_a_visitor_is_a_rejection(extractor: Any) -> None:
    got = _coded(
        extractor,
        "Indian officials pushed back at visiting Secretary of State John Kerry on Monday over "
        "the trade rules.",
        "2015-01-12",
    )
    assert ("group:IND:officials", "john-kerry", "REJECT", "asserted") in got


def test_pushing_back_a_date_is_no_rejection(extractor: Any) -> None:
    got = _coded(extractor, "India pushed back the date of its meeting with Japan.")
    assert "REJECT" not in _types(got)


# -- consensus reached at a meeting ------------------------------------------


def test_consensus_reached_at_a_meeting_is_with_the_one_met(extractor: Any) -> None:
    got = _coded(
        extractor,
        "A senior Russian official met on Friday with Kim Jong-il and came to some consensus "
        "about the crisis.",
        "2010-12-10",
    )
    assert ("group:RUS:government", "kim-jong-il", "AGREE", "asserted") in got


def test_coming_somewhere_after_a_meeting_is_no_agreement(extractor: Any) -> None:
    got = _coded(
        extractor, "Sergey Lavrov met Kim Jong-il on Friday and came to Pyongyang.", "2010-12-10"
    )
    assert "AGREE" not in _types(got)


# -- the future seen from the past -------------------------------------------


def test_would_under_a_past_declaration_is_a_plan(extractor: Any) -> None:
    got = _coded(
        extractor,
        "Chancellor Angela Merkel declared Friday that Germany had nothing to fear from Moscow "
        "and that it would press Russian leaders on human rights.",
    )
    assert ("state:DEU", "group:RUS:leaders", "REQUEST", "planned") in got or (
        "state:DEU",
        "state:RUS",
        "REQUEST",
        "planned",
    ) in got


def test_a_declared_wish_stays_hypothetical(extractor: Any) -> None:
    got = _coded(extractor, "Italy declared that it would welcome a visit by Putin.")
    assert got and all(e[3] == "hypothetical" for e in got)


# -- the two militaries --------------------------------------------------------


def test_the_two_militaries_suspending_talks_is_a_negated_contact(extractor: Any) -> None:
    got = _coded(
        extractor,
        "The generals met in Hanoi, a year after the two militaries halted talks with each other.",
        "2010-10-11",
    )
    assert got == {("group:USA:military", "group:CHN:military", "CONSULT", "negated")}


# -- a warning of what another does now ----------------------------------------


def test_a_warning_that_another_does_wrong_now_is_a_charge(extractor: Any) -> None:
    got = _coded(
        extractor,
        "The plan was met at once by angry Russian warnings that Britain is arming the rebels "
        "in the region.",
    )
    assert ("state:RUS", "state:GBR", "ACCUSE", "asserted") in got


def test_a_warning_of_what_another_will_suffer_is_no_charge(extractor: Any) -> None:
    got = _coded(extractor, "Russian warnings that Britain would pay a price went unheeded.")
    assert "ACCUSE" not in _types(got)


# -- the talks one is told not to meddle in --------------------------------------


def test_talks_one_is_told_not_to_meddle_in_are_the_tellers_and_go_on(extractor: Any) -> None:
    got = _coded(
        extractor,
        "Tensions have risen, with Tokyo telling Moscow on Tuesday not to interfere in its "
        "talks with India over the fishing rights.",
    )
    assert ("state:JPN", "state:RUS", "REQUEST", "asserted") in got
    assert ("state:JPN", "state:IND", "CONSULT", "asserted") in got
    assert not any("state:RUS" in e[:2] and e[2] == "CONSULT" for e in got)


def test_talks_one_did_not_join_stay_negated(extractor: Any) -> None:
    got = _coded(extractor, "Japan did not take part in the talks between India and Russia.")
    assert ("state:IND", "state:RUS", "CONSULT", "asserted") not in got


def test_hoping_to_persuade_someone_to_act_is_a_planned_request(extractor: Any) -> None:
    got = _coded(
        extractor,
        "Chancellor Angela Merkel came to Moscow on Monday hoping to persuade Russian leaders "
        "to soften their stance toward Kiev.",
    )
    assert ("angela-merkel", "group:RUS:leaders", "REQUEST", "planned") in got
