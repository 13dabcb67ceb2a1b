"""Whether a sentence says it happened: cues of modality beyond "not" and "will".

A yes-or-no question, a subject that is nobody ("No Japanese leader visited …"),
"without" before a verb, "refrained from", "is weighing", "is slated to", "are
to meet", and an event only talked of ("talk of a pact") or planned ("plans for
a visit") assert nothing. A plan written after a noun ("the visit planned for
May") is not the participle of something done. And the asserted acts around
such cues stay asserted: a name the parser read as an adverb before its clause
is still the subject, "it" after a clause whose subject is a state is that
state, and "its forces" in a reported clause are the speaker's.

Each sentence is invented for the test; each rule has a near miss where it must
not fire.
"""

from __future__ import annotations

from typing import Any

import pytest

from extracted import linked, typed

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a yes-or-no question asks; "why did" takes the act as done
        (
            "Will Washington lift the tariffs on Chinese steel?",
            ("state:USA", "state:CHN", "RETREAT", "hypothetical"),
        ),
        (
            "Is a meeting between Modi and Xi Jinping even conceivable this year?",
            ("narendra-modi", "xi-jinping", "CONSULT", "hypothetical"),
        ),
        # nobody did it
        (
            "No Chinese minister visited Australia between 2017 and 2021.",
            ("group:CHN:government", "state:AUS", "CONSULT", "negated"),
        ),
        # "without" before a verb
        (
            "Indian and Chinese commanders ended their talks without reaching an agreement.",
            ("group:IND:commanders", "group:CHN:commanders", "AGREE", "negated"),
        ),
        # verbs that hold back, weigh or schedule
        (
            "Berlin has so far refrained from sanctioning Beijing over the cyberattack.",
            ("state:DEU", "state:CHN", "SANCTION", "negated"),
        ),
        (
            "Canada is weighing sanctions on Iranian officials.",
            ("state:CAN", "group:IRN:officials", "SANCTION", "hypothetical"),
        ),
        (
            "Albanese is slated to visit Beijing in November.",
            ("anthony-albanese", "state:CHN", "CONSULT", "planned"),
        ),
        (
            "Macron and Xi Jinping are to meet in Paris next week.",
            ("emmanuel-macron", "xi-jinping", "CONSULT", "planned"),
        ),
        # only talked of, or planned
        (
            "Talk of a free trade agreement between Britain and India grew louder.",
            ("state:GBR", "state:IND", "AGREE", "hypothetical"),
        ),
        (
            "A state visit by Xi Jinping to Japan, planned for April, was put off.",
            ("xi-jinping", "state:JPN", "CONSULT", "negated"),
        ),
    ],
)
def test_a_cue_of_modality_keeps_the_act_from_being_asserted(
    extractor: Any, text: str, expected: tuple[str, ...]
) -> None:
    found = typed(extractor, text)
    assert expected in found, found
    assert not any(e[3] == "asserted" for e in found if e[2] == expected[2]), found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a question that asks why takes the act as done
        (
            "Why did Modi meet Xi Jinping in Kazan last week?",
            ("narendra-modi", "xi-jinping", "CONSULT", "asserted"),
        ),
        # a negation or a modal in a clause beside the act does not govern it
        (
            "Modi, who had not visited China in five years, met Xi Jinping in Kazan.",
            ("narendra-modi", "xi-jinping", "CONSULT", "asserted"),
        ),
        # the name the parser reads as an adverb or interjection before a set-off clause
        (
            "Zelensky, unable to hide his anger, urged Germany to send more air defences.",
            ("volodymyr-zelensky", "state:DEU", "REQUEST", "asserted"),
        ),
        # "it" after a clause whose subject is a state
        (
            "Not only did Canberra condemn Beijing, it also expelled two Chinese diplomats.",
            ("state:AUS", "group:CHN:diplomats", "SANCTION", "asserted"),
        ),
        # the speaker's own forces in what it denies, and its aside blaming another
        (
            "Yerevan denied that its troops had fired on Azerbaijani positions, blaming Baku.",
            ("group:ARM:military", "state:AZE", "ASSAULT", "denied"),
        ),
        (
            "Yerevan denied that its troops had fired on Azerbaijani positions, blaming Baku.",
            ("state:ARM", "state:AZE", "ACCUSE", "asserted"),
        ),
        # a named nuclear plant is its country's
        (
            "Russian forces shelled the Zaporizhzhia nuclear plant overnight.",
            ("group:RUS:military", "state:UKR", "ASSAULT", "asserted"),
        ),
    ],
)
def test_the_act_beside_a_cue_is_found_as_told(
    extractor: Any, text: str, expected: tuple[str, ...]
) -> None:
    assert expected in typed(extractor, text)


def test_a_question_that_asserts_nothing_and_an_envoy_posted_elsewhere_code_nothing(
    extractor: Any,
) -> None:
    for text in (
        "Could Tokyo and Seoul ever sign a defence pact?",
        "Gary Locke, once the American ambassador to Beijing, later served as envoy to Oslo.",
        "Did the Chinese foreign minister really meet Blinken in Munich?",
    ):
        assert not [e for e in typed(extractor, text) if e[3] == "asserted"], text


def test_a_question_opening_with_will_names_the_state_after_it(extractor: Any) -> None:
    assert "state:CHN" in linked(extractor, "Will Beijing ease its curbs on Australian wine?")
    # a statement: "Will Jordan" is a man
    assert "state:JOR" not in linked(extractor, "Will Jordan met Obama in Chicago.")


def test_its_ambassador_is_no_group_and_the_rebels_own_fighters_stay_unlinked(
    extractor: Any,
) -> None:
    # one holder of an office is not the state's group; a group's "their" is not a state's
    assert "group:CHN:ambassador" not in linked(
        extractor, "Beijing said its ambassador had met Blinken."
    )
    found = linked(extractor, "Beijing said its navy had held drills near Taiwan.")
    assert "group:CHN:navy" in found or "group:CHN:military" in found, found
