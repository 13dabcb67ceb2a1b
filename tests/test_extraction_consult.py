"""Meetings, calls and visits in the wording of US–China news.

Each sentence is invented for the test, in the style of the project gold set
(docs/annotation.md); the test says what a reader would expect recorded.
"""

from __future__ import annotations

from typing import Any

import pytest

from extracted import events as _events
from extracted import pairs as _pairs

pytestmark = pytest.mark.model


def test_sitting_down_with_someone_is_a_meeting(extractor: Any) -> None:
    got = _events(extractor, "Janet Yellen sat down with Liu He in Zurich on Tuesday.")
    assert frozenset({"janet-yellen", "liu-he"}) in _pairs(got)
    # sitting down alone is no contact
    assert not _events(extractor, "The treasury secretary sat down at the table on Tuesday.")


def test_a_relative_clause_sitting_down_dates_the_meeting(extractor: Any) -> None:
    got = _events(extractor, "Biden, who sat down with Xi in Lima on Saturday, praised the talks.")
    assert frozenset({"joe-biden", "xi-jinping"}) in _pairs(got)


def test_those_on_one_side_of_a_call_are_not_each_others_counterparts(extractor: Any) -> None:
    got = _events(
        extractor,
        "Yellen and Raimondo held a call with Wang Yi on Monday to discuss export controls.",
    )
    pairs = _pairs(got)
    assert {
        frozenset({"janet-yellen", "wang-yi"}),
        frozenset({"gina-raimondo", "wang-yi"}),
    } <= pairs
    assert frozenset({"janet-yellen", "gina-raimondo"}) not in pairs


def test_hosts_named_together_do_not_meet_each_other(extractor: Any) -> None:
    got = _events(
        extractor,
        "Blinken and Austin hosted Wang Yi in Washington on Friday for a strategic dialogue.",
    )
    pairs = _pairs(got)
    assert frozenset({"antony-blinken", "wang-yi"}) in pairs
    assert frozenset({"antony-blinken", "lloyd-austin"}) not in pairs


def test_a_list_of_three_keeps_its_first_name(extractor: Any) -> None:
    got = _events(extractor, "Yellen, Raimondo and He Lifeng met in Beijing on Monday.")
    pairs = _pairs(got)
    assert {
        frozenset({"janet-yellen", "he-lifeng"}),
        frozenset({"gina-raimondo", "he-lifeng"}),
    } <= pairs
    # three from two countries meet across the divide, not within one side
    assert frozenset({"janet-yellen", "gina-raimondo"}) not in pairs


def test_three_leaders_of_three_countries_all_meet(extractor: Any) -> None:
    got = _events(extractor, "Trump, Xi and Putin met on Tuesday.")
    assert _pairs(got) >= {
        frozenset({"donald-trump", "xi-jinping"}),
        frozenset({"donald-trump", "vladimir-putin"}),
        frozenset({"xi-jinping", "vladimir-putin"}),
    }


def test_two_of_one_country_named_alone_still_meet(extractor: Any) -> None:
    got = _events(extractor, "Rubio and Hegseth met on Tuesday.")
    assert frozenset({"marco-rubio", "pete-hegseth"}) in _pairs(got)


def test_a_denied_report_of_a_call_is_denied(extractor: Any) -> None:
    got = _events(
        extractor,
        "Beijing denied reports that Wang Yi had spoken with Rubio by phone last week.",
    )
    assert ("wang-yi", "marco-rubio") in {e[:2] for e in got if e[4] == "denied"}
    assert not any(e[4] == "asserted" for e in got if e[2] == "CONSULT")


def test_no_contact_since_a_meeting_keeps_the_meeting(extractor: Any) -> None:
    got = _events(
        extractor, "Hegseth and Dong Jun have not spoken since their meeting in Hanoi in March."
    )
    modalities = {e[4] for e in got if {e[0], e[1]} == {"pete-hegseth", "dong-jun"}}
    assert modalities == {"asserted", "negated"}


def test_talks_a_time_phrase_names_are_the_subjects(extractor: Any) -> None:
    got = _events(
        extractor,
        "Yellen was received by Li Qiang on Friday after two days of talks with He Lifeng.",
    )
    pairs = _pairs(got)
    assert {
        frozenset({"li-qiang", "janet-yellen"}),
        frozenset({"janet-yellen", "he-lifeng"}),
    } <= pairs
    assert frozenset({"li-qiang", "he-lifeng"}) not in pairs
    # talks that name their own party stay theirs
    own = _pairs(_events(extractor, "Rubio briefed reporters after Xi's talks with Biden."))
    assert frozenset({"marco-rubio", "joe-biden"}) not in own


def test_no_plans_to_visit_is_no_visit(extractor: Any) -> None:
    got = _events(extractor, "Hegseth has no plans to visit Beijing, the Pentagon said.")
    assert ("pete-hegseth", "state:CHN", "CONSULT", "visit", "negated") in got
    # "there is no reason to": the speaker is the one who will not
    said = _events(extractor, "Biden said there was no reason to call Xi before the election.")
    assert ("joe-biden", "xi-jinping", "CONSULT", "phone", "negated") in said
    # plans without "no" are not a visit that happened
    assert not any(
        e[4] == "asserted" for e in _events(extractor, "Hegseth has plans to visit Beijing.")
    )


def test_a_reported_willingness_is_a_maybe(extractor: Any) -> None:
    got = _events(extractor, "Trump said he would be glad to talk to Xi if Beijing wanted.")
    assert {e[4] for e in got if e[2] == "CONSULT"} == {"hypothetical"}
    # a reported "would" alone is still a plan
    plan = _events(extractor, "Trump said he would talk to Xi next week.")
    assert {e[4] for e in plan if e[2] == "CONSULT"} == {"planned"}


def test_calling_on_someone_with_nothing_asked_is_a_visit(extractor: Any) -> None:
    got = _events(
        extractor, "Ambassador Xie Feng called on Janet Yellen at the Treasury on Monday."
    )
    assert ("xie-feng", "janet-yellen", "CONSULT", "visit", "asserted") in got
    asked = _events(extractor, "Xie Feng called on Yellen to lift the sanctions.")
    assert ("xie-feng", "janet-yellen") in {e[:2] for e in asked if e[2] == "REQUEST"}
    assert not any(e[2] == "CONSULT" for e in asked)


def test_a_call_an_act_happens_in_is_a_contact_of_its_parties(extractor: Any) -> None:
    got = _events(
        extractor, "Wang Yi warned Blinken in a video call on Monday against arming Taiwan."
    )
    assert ("wang-yi", "antony-blinken", "CONSULT", "phone", "asserted") in got
    # the call is as real as what was done in it, not the content of an agreement
    agreed = _events(
        extractor, "Bessent and He Lifeng agreed in a call on Monday to extend the truce."
    )
    assert {e[4] for e in agreed if e[2] == "CONSULT"} == {"asserted"}
    planned = _events(
        extractor, "Biden and Xi are set to sign the accord in a phone call on Friday."
    )
    assert ("joe-biden", "xi-jinping", "CONSULT", "phone", "planned") in planned


def test_a_forum_or_a_trip_is_no_contact_between_the_verbs_parties(extractor: Any) -> None:
    forum = _events(extractor, "Blinken criticised Wang Yi in a meeting of the G20 ministers.")
    assert not any(e[2] == "CONSULT" for e in forum)
    trip = _events(extractor, "Neither Rubio nor Hegseth met Xi during the trip.")
    assert not any(e[3] == "visit" for e in trip)


def test_what_one_tells_another_in_a_call_is_told_by_phone(extractor: Any) -> None:
    got = _events(extractor, "Putin told Modi in a phone call that the talks would go on.")
    assert ("vladimir-putin", "narendra-modi", "CONSULT", "phone", "asserted") in got
    got = _events(extractor, "Putin told Modi in Kazan that the talks would go on.")
    assert ("vladimir-putin", "narendra-modi", "CONSULT", "meet", "asserted") in got


@pytest.mark.parametrize(
    "text",
    [
        "Tokyo cut off military talks with Seoul after the incident.",
        "Tokyo called off the planned meeting between Kishida and Yoon.",
    ],
)
def test_talks_cut_or_called_off_did_not_take_place(extractor: Any, text: str) -> None:
    # (talks "broken off" took place first: they stay asserted, see test_extraction_news_events)
    consults = {e[4] for e in _events(extractor, text, "2023-06-01") if e[2] == "CONSULT"}
    assert consults == {"negated"}


def test_calling_someone_on_the_phone_is_a_call_not_an_appeal(extractor: Any) -> None:
    got = _events(extractor, "Putin called Modi on the phone on Friday.", "2023-06-10")
    assert ("vladimir-putin", "narendra-modi", "CONSULT", "phone", "asserted") in got
    assert not [e for e in got if e[2] == "REQUEST"]
