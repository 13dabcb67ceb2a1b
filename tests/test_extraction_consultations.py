"""Meetings and criticism told in the many ways the news tells them.

Each case is a sentence a reader understands at once; the test says which act
between which two parties the reader would expect the tool to record, or that
it records none.
"""

from __future__ import annotations

from typing import Any

import pytest

from extracted import countries as _countries
from extracted import extract as _run
from extracted import typed as _acts

pytestmark = pytest.mark.model


def test_a_surname_two_people_bear_is_the_one_of_the_time_of_those_named_with_it(
    extractor: Any,
) -> None:
    # undated text: the other person named decides which Bush or Clinton it is
    assert ("george-w-bush", "vladimir-putin", "CONSULT", "asserted") in _acts(
        extractor, "Bush met Putin at a castle near Ljubljana.", None
    )
    assert ("george-h-w-bush", "mikhail-gorbachev", "CONSULT", "asserted") in _acts(
        extractor, "Bush and Gorbachev met aboard a ship off Malta.", None
    )
    assert ("bill-clinton", "jiang-zemin", "CONSULT", "asserted") in _acts(
        extractor, "Clinton held a long summit meeting with Jiang Zemin in Beijing.", None
    )
    # the opposite number at the time: the national security adviser, not the senator
    assert ("jake-sullivan", "wang-yi", "CONSULT", "asserted") in _acts(
        extractor, "Sullivan met Wang Yi in Vienna for two days of talks.", None
    )


def test_a_government_named_by_its_leader_or_by_a_surname_two_leaders_bear(
    extractor: Any,
) -> None:
    assert _countries(extractor, "Angela Merkel's government accused Washington of spying.") == {
        ("DEU", "USA", "ACCUSE")
    }
    assert _countries(
        extractor, "The Clinton administration called China's missile tests reckless."
    ) == {("USA", "CHN", "ACCUSE")}
    # a time, not a party
    got = _run(extractor, "Under the Bush administration, Washington imposed sanctions on Beijing.")
    assert {(e.source.actor_id, e.target.actor_id) for e in got.events} == {
        ("state:USA", "state:CHN")
    }


def test_a_judgement_the_parser_hangs_inside_what_is_named(extractor: Any) -> None:
    # apposed to the object: no phone call
    assert _acts(extractor, "Biden called Xi Jinping a dictator at a fundraiser.") == {
        ("joe-biden", "xi-jinping", "ACCUSE", "asserted")
    }
    assert _acts(extractor, "Trump called Xi a friend.") == {
        ("donald-trump", "xi-jinping", "SUPPORT", "asserted")
    }
    # an adjective after the object, hung on its last word
    assert _countries(
        extractor, "Mette Frederiksen called Trump's idea of buying Greenland absurd."
    ) == {("DNK", "USA", "ACCUSE")}
    assert _countries(
        extractor, "China's foreign ministry called the United States the biggest troublemaker."
    ) == {("CHN", "USA", "ACCUSE")}
    assert _countries(extractor, "Imran Khan likened Modi's government to the Nazis.") == {
        ("PAK", "IND", "ACCUSE")
    }
    # a judgement fronted: "... was how X described Y"
    assert _countries(
        extractor,
        '"A stab in the back" was how Le Drian described Canberra\'s decision to scrap the deal.',
    ) == {("FRA", "AUS", "ACCUSE")}


def test_a_quote_said_of_anothers_act(extractor: Any) -> None:
    assert _countries(
        extractor, '"This is economic bullying," Lin Jian said of Washington\'s tariff increase.'
    ) == {("CHN", "USA", "ACCUSE")}
    assert not _run(
        extractor, '"It is a good step," Lin Jian said of Washington\'s tariff pause.'
    ).events


def test_blame_told_as_likely_responsibility_evidence_or_allegations(extractor: Any) -> None:
    assert _countries(
        extractor,
        "Theresa May told Parliament it was highly likely that Moscow was responsible for "
        "the nerve agent attack.",
    ) == {("GBR", "RUS", "ACCUSE")}
    assert _countries(
        extractor, "Ottawa said China was very likely behind a disinformation campaign on WeChat."
    ) == {("CAN", "CHN", "ACCUSE")}
    assert _countries(
        extractor,
        "Merkel said there was hard evidence of Russian involvement in the hacking of the "
        "Bundestag.",
    ) == {("DEU", "RUS", "ACCUSE")}
    assert _countries(
        extractor,
        "Trudeau said there were credible allegations linking agents of the Indian government "
        "to the killing.",
    ) == {("CAN", "IND", "ACCUSE")}
    # no ground offered is no charge
    assert not _run(
        extractor, "Lavrov said there was no evidence of Russian involvement in the attack."
    ).events


def test_a_speakers_words_as_the_subject_of_a_charge(extractor: Any) -> None:
    assert _countries(
        extractor, "Vladimir Putin's speech in Munich accused the United States of overreach."
    ) == {("RUS", "USA", "ACCUSE")}
    # a welcome is no one's hosting of the remarks' speaker
    assert not _run(
        extractor, "Hillary Clinton's remarks received a warm welcome from Yang Jiechi."
    ).events


def test_the_one_a_passive_participle_is_done_to(extractor: Any) -> None:
    assert ("donald-trump", "benjamin-netanyahu", "CONSULT", "asserted") in _acts(
        extractor, "Netanyahu was the first foreign leader hosted by Donald Trump this term."
    )
    assert ("donald-trump", "benjamin-netanyahu", "CONSULT", "asserted") in _acts(
        extractor, "Netanyahu, hosted by Trump at the White House, said the talks went well."
    )


def test_the_doer_of_an_act_judged_and_its_owner(extractor: Any) -> None:
    assert _countries(
        extractor,
        "Lloyd Austin criticised the coercive intercepts of U.S. aircraft by Chinese military "
        "pilots.",
    ) == {("USA", "CHN", "ACCUSE")}
    assert _countries(
        extractor, "Zhao Lijian blasted the U.S. diplomatic boycott of the Winter Olympics."
    ) == {("CHN", "USA", "ACCUSE")}
    assert _countries(
        extractor, "Rubio called China the most potent adversary America has ever faced."
    ) == {("USA", "CHN", "ACCUSE")}


def test_legislatures_named_without_their_country(extractor: Any) -> None:
    assert _acts(
        extractor, "China condemned the House of Representatives' passage of the act."
    ) == {("state:CHN", "us-house-of-representatives", "ACCUSE", "asserted")}
    assert ("state:CHN", "us-senate", "ACCUSE", "asserted") in _acts(
        extractor, "Beijing condemned the Senate for passing the bill."
    )
    # another country's chamber is not Washington's
    got = _run(extractor, "In Tokyo, the House of Representatives was dissolved.")
    assert all(m.actor_id != "us-house-of-representatives" for m in got.mentions)


def test_a_diplomat_called_in_and_a_governments_protest(extractor: Any) -> None:
    assert _countries(extractor, "Beijing called in the US ambassador over the arms sale.") == {
        ("CHN", "USA", "ACCUSE")
    }
    assert not _run(extractor, "Biden called in experts.").events
    protest = _run(
        extractor,
        "South Korea's foreign ministry protested against Tokyo's renewed claim to the islets.",
    )
    assert {(e.type, e.mode) for e in protest.events} == {("ACCUSE", "criticize")}
    street = _run(extractor, "Students protested against Japan's claim outside the embassy.")
    assert all(e.type != "ACCUSE" for e in street.events)


def test_those_who_face_criticism_are_not_its_critics(extractor: Any) -> None:
    assert not _run(
        extractor, "Netanyahu and Erdogan have both faced mounting criticism at home."
    ).events
    assert _acts(extractor, "Netanyahu faced Erdogan's criticism.") == {
        ("recep-tayyip-erdogan", "benjamin-netanyahu", "ACCUSE", "asserted")
    }
    # two who do something side by side do not do it to each other
    assert not _run(
        extractor, "Seoul and Tokyo both blamed weaker exports on slowing global demand."
    ).events


def test_meetings_told_by_time_together_chairs_and_new_people(extractor: Any) -> None:
    assert _countries(extractor, "Trump and Putin spent two hours together in Helsinki.") == {
        ("USA", "RUS", "CONSULT")
    }
    assert _countries(
        extractor, "Hillary Clinton and Dai Bingguo co-chaired the strategic dialogue."
    ) == {("USA", "CHN", "CONSULT")}
    assert not _run(extractor, "Xi chaired a Politburo meeting.").events
    assert _countries(
        extractor,
        "Katherine Tai held a virtual meeting with Vice Premier Liu He to review purchases.",
    ) == {("USA", "CHN", "CONSULT")}
    assert _countries(
        extractor, "Cheng Jingye, China's ambassador in Canberra, rebuked Australia."
    ) == {("CHN", "AUS", "ACCUSE")}
    assert _countries(extractor, "Delegations of Russia and Ukraine met in Istanbul.") == {
        ("RUS", "UKR", "CONSULT")
    }


def test_blame_and_rebukes_in_other_shapes(extractor: Any) -> None:
    assert _countries(
        extractor, "Russia's foreign ministry said the United States was to blame for the crisis."
    ) == {("RUS", "USA", "ACCUSE")}
    assert _countries(extractor, "Tokyo's decision drew a sharp rebuke from Seoul.") == {
        ("KOR", "JPN", "ACCUSE")
    }
    assert ("CHN", "USA", "ACCUSE") in _countries(
        extractor, "In a rebuke of Washington, Beijing said the sanctions were illegal."
    )
    assert _countries(extractor, "Beijing laid the blame on Washington.") == {
        ("CHN", "USA", "ACCUSE")
    }
    # an investigation of a thing is no one's rebuke of those it names
    assert not _run(
        extractor,
        "A judge ordered Carlos Menem to appear in an investigation of arms sales to Croatia.",
    ).events


def test_the_second_of_two_met_that_the_parser_made_a_subject(extractor: Any) -> None:
    assert _acts(extractor, "The meeting between Wang Yi and Blinken took place in Munich.") == {
        ("wang-yi", "antony-blinken", "CONSULT", "asserted")
    }


def test_his_or_their_meeting_is_the_clause_subjects(extractor: Any) -> None:
    assert ("kim-jong-un", "xi-jinping", "CONSULT", "asserted") in _acts(
        extractor, "Kim Jong Un's armoured train pulled into Beijing for his first meeting with Xi."
    )
    # "their summit" hung on the object of an infinitive: the agreeing two meet
    assert ("yoon-suk-yeol", "fumio-kishida", "CONSULT", "asserted") in _acts(
        extractor, "Yoon Suk Yeol and Fumio Kishida agreed to resume visits during their summit."
    )


def test_a_phrase_the_parser_moved_out_of_the_act_judged(extractor: Any) -> None:
    # "to Taiwan" is the sales', not a second target of the opposition
    assert _countries(
        extractor, "Wang Yi expressed firm opposition to the U.S. arms sales to Taiwan in Hanoi."
    ) == {("CHN", "USA", "ACCUSE")}
    # a speech's deliverer makes the charge the speech makes
    assert _acts(extractor, "Pence delivered a speech accusing China of meddling.") == {
        ("mike-pence", "state:CHN", "ACCUSE", "asserted")
    }
