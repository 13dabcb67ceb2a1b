"""Linking and event rules on short texts, with the real model.

Each case is a sentence a reader understands at once; the test says what
the reader would expect the tool to record.
"""

from __future__ import annotations

from typing import Any

import pytest

from backchannel.model import Document, Extraction

pytestmark = pytest.mark.model


def _run(extractor: Any, text: str, published: str | None = "2025-11-20") -> Extraction:
    doc = Document(Document.make_id(text), text, published=published, origin="test")
    result = extractor.process(doc)
    assert isinstance(result, Extraction), result
    return result


def _events(ex: Extraction) -> set[tuple[str, str, str, str]]:
    return {(e.source.name, e.target.name, e.type, e.modality) for e in ex.events}


def _linked(ex: Extraction) -> list[tuple[str, str, str]]:
    return [(m.text, m.actor_id, m.how) for m in ex.mentions]


def _ids(ex: Extraction) -> set[str]:
    return {m.actor_id for m in ex.mentions}


def test_surname_he_versus_pronoun_he(extractor: Any) -> None:
    ex = _run(
        extractor,
        "Treasury Secretary Scott Bessent met Vice Premier He Lifeng in Geneva on Saturday. "
        "He said the talks were constructive. Bessent and He agreed to meet again.",
    )
    he = {m.start: m.how for m in ex.mentions if m.text == "He"}
    said = ex.clean_text.index("He said")
    agreed = ex.clean_text.index("He agreed")
    # the sentence-initial pronoun is never read as the surname; the mid-sentence one is
    assert he.get(said) != "surname"
    assert he[agreed] == "surname"
    assert ("Scott Bessent", "He Lifeng", "CONSULT", "asserted") in _events(ex)


def test_then_title_and_possessive(extractor: Any) -> None:
    ex = _run(
        extractor,
        "In 2017, Jared Kushner met then-Ambassador Cui Tiankai in Washington. "
        "Kushner's counterpart later returned to Beijing.",
    )
    linked = _linked(ex)
    assert ("Cui Tiankai", "cui-tiankai", "then-title") in linked
    assert any(m[1] == "jared-kushner" and m[2] == "surname" for m in linked)
    ev = next(e for e in ex.events if e.target.name == "Cui Tiankai")
    assert ev.date.start == "2017-01-01" and ev.date.precision == "year"
    assert ev.target.country == "CHN" and ev.target.sector == "government"
    assert ev.location == "Washington"


def test_bare_title_resolves_to_holder_on_the_date(extractor: Any) -> None:
    ex = _run(extractor, "The Treasury secretary spoke by phone with He Lifeng on Tuesday.")
    assert ("Scott Bessent", "He Lifeng", "CONSULT", "asserted") in _events(ex)
    ev = ex.events[0]
    assert ev.mode == "phone"
    assert ev.date.start == "2025-11-18"


def test_modality(extractor: Any) -> None:
    cases = {
        "Kushner could reestablish a backchannel with Cui Tiankai.": "hypothetical",
        "Trump is expected to meet Xi Jinping in Beijing in April.": "planned",
        "Bessent did not meet He Lifeng during the trip.": "negated",
        "The foreign ministry denied that Wang Yi had met Marco Rubio.": "denied",
        "Biden met Xi Jinping at Woodside on November 15, 2023.": "asserted",
    }
    for text, expected in cases.items():
        ex = _run(extractor, text)
        communication = [e for e in ex.events if e.type in {"CONSULT", "AGREE"}]
        assert communication, text
        assert {e.modality for e in communication} == {expected}, (text, communication)


def test_floated_intermediaries_are_not_contact(extractor: Any) -> None:
    ex = _run(
        extractor,
        "Tesla's Elon Musk and Blackstone's Stephen Schwarzman have been floated as "
        "potential intermediaries.",
    )
    assert ex.events
    assert all(e.modality == "hypothetical" for e in ex.events)
    assert {e.source.name for e in ex.events} == {"Elon Musk", "Stephen Schwarzman"}


def test_unknown_people_in_apposition_become_actors(extractor: Any) -> None:
    ex = _run(
        extractor,
        "As Tsinghua University's Da Wei observed, the team is a club. "
        "Clara Vossberg of Macro Advisory Partners notes contradictory impulses.",
    )
    names = {a.name: a for a in ex.new_actors}
    assert "Clara Vossberg" in names
    assert names["Clara Vossberg"].roles[0].org == "Macro Advisory Partners"
    assert any(m[1] == "da-wei" or m[0] == "Da Wei" for m in _linked(ex))


def test_group_target_and_side_at_event_date(extractor: Any) -> None:
    ex = _run(extractor, "On May 10, 2025, Jensen Huang met Chinese officials in Beijing.")
    ev = next(e for e in ex.events if e.source.name == "Jensen Huang")
    assert ev.target.kind == "group" and ev.target.country == "CHN"
    assert ev.source.sector == "business"
    assert ev.location == "Beijing"


def test_named_channel_links_both_people(extractor: Any) -> None:
    ex = _run(
        extractor,
        "Unlike the Sullivan-Wang channel that operated during the Biden administration, "
        "nothing like it exists today.",
    )
    ch = [e for e in ex.events if e.channel_name]
    assert ch and {ch[0].source.name, ch[0].target.name} == {"Jake Sullivan", "Wang Yi"}
    assert ch[0].date.start == "2021-01-20" and ch[0].date.precision == "era"


def test_a_shared_administration_name_dates_by_the_article(extractor: Any) -> None:
    text = "Under the Bush administration, Washington imposed sanctions on Beijing."
    dates = {
        published: [(e.date.start, e.date.end) for e in _run(extractor, text, published).events]
        for published in ("1997-04-02", "2012-09-14")
    }
    assert dates == {
        "1997-04-02": [("1989-01-20", "1993-01-20")],  # a look back at the first President Bush
        "2012-09-14": [("2001-01-20", "2009-01-20")],
    }


def test_role_changes(extractor: Any) -> None:
    ex = _run(
        extractor,
        "The removal of diplomats like Qin Gang and Liu Jianchao unsettled Beijing. "
        "The retirement of Wang Qishan narrowed the channels.",
    )
    got = {(c.actor.name, c.change) for c in ex.role_changes}
    assert {("Qin Gang", "removed"), ("Liu Jianchao", "removed"), ("Wang Qishan", "retired")} <= got


def test_undated_article_is_dated_by_the_titles_it_uses(extractor: Any) -> None:
    ex = _run(
        extractor,
        "Treasury Secretary Scott Bessent and Chinese Vice Premier He Lifeng negotiated a deal.",
        published=None,
    )
    assert ex.doc_date.start == "2025-01-28"
    assert ex.doc_date.precision == "inferred"


def test_adverts_are_removed_before_linking(extractor: Any) -> None:
    ex = _run(
        extractor,
        "Bessent met He Lifeng in Madrid on September 14, 2025.\n\n"
        "Industrial Monitor Direct is the leading supplier of industrial panel PCs, "
        "top-rated by automation professionals.",
    )
    assert ex.removed
    assert all("Industrial" not in m.text for m in ex.mentions)


def test_country_and_office_stand_for_that_country(extractor: Any) -> None:
    ex = _run(extractor, "A Russian official criticized the Jordanian government on Monday.")
    ev = next(e for e in ex.events if e.type == "ACCUSE")
    assert (ev.source.actor_id, ev.target.actor_id) == (
        "group:RUS:government",
        "group:JOR:government",
    )
    assert ev.source.kind == "group" and ev.source.sector == "government"
    ex = _run(extractor, "Kenyan police arrested three Somali students on Tuesday.")
    ev = next(e for e in ex.events if e.type == "COERCE")
    assert (ev.source.country, ev.source.sector) == ("KEN", "police")


def test_possessive_office_is_not_the_kb_holder_of_another_country(extractor: Any) -> None:
    ex = _run(extractor, "Taiwan's Vice Foreign Minister visited Chinese authorities on Monday.")
    linked = _linked(ex)
    assert ("Taiwan's Vice Foreign Minister", "group:TWN:government", "office") in linked
    assert not any(m[1] == "ma-zhaoxu" for m in linked)  # China's holder of that title


def test_title_before_an_unknown_name_makes_an_actor(extractor: Any) -> None:
    ex = _run(extractor, "Zimbabwean Prime Minister Tendai Moyo accused Britain of meddling.")
    moyo = next(a for a in ex.new_actors if a.name == "Tendai Moyo")
    assert (moyo.country, moyo.sector, moyo.roles[0].title) == (
        "ZWE",
        "government",
        "Prime Minister",
    )
    assert ("Tendai Moyo", "United Kingdom", "ACCUSE", "asserted") in _events(ex)
    ex = _run(
        extractor,
        "U.S. Secretary of State Richard Roe telephoned Russian Foreign Minister Ivan Petrov.",
    )
    assert {a.name: a.country for a in ex.new_actors} == {
        "Richard Roe": "USA",
        "Ivan Petrov": "RUS",
    }
    ex = _run(extractor, "Iraqi Prime Minister Karim al-Hadi met Peruvian officials.")
    assert {a.name: a.country for a in ex.new_actors} == {"Karim al-Hadi": "IRQ"}
    ex = _run(
        extractor, "Chinese State Councilor and Foreign Minister Wang Yi met Blinken on Monday."
    )
    assert not ex.new_actors  # a title read as a name makes no actor


def test_a_title_beside_a_named_person_is_that_person(extractor: Any) -> None:
    ex = _run(
        extractor,
        "Vice Premier Liu He, Beijing's lead trade negotiator, attended the dinner on Saturday.",
    )
    assert not any(m[1].startswith("group:") for m in _linked(ex))


def test_coordinated_country_adjectives_share_the_noun(extractor: Any) -> None:
    ex = _run(extractor, "Senior Peruvian and Chilean officials agreed on Wednesday to cooperate.")
    assert ("Peruvian officials", "Chilean officials", "AGREE", "asserted") in _events(ex)


def test_wider_plover_triggers(extractor: Any) -> None:
    cases = {
        "Canada praised Mexico's efforts on Monday.": ("SUPPORT", "asserted"),
        "Norway sent aid to Sudan on Monday.": ("AID", "asserted"),
        "Chile is willing to send troops to Peru.": ("AID", "planned"),
        "Peru called on Chile to release the fishermen.": ("REQUEST", "asserted"),
        "Kenya expelled two Ugandan diplomats on Friday.": ("SANCTION", "asserted"),
    }
    for text, (etype, modality) in cases.items():
        ex = _run(extractor, text)
        assert any((e.type, e.modality) == (etype, modality) for e in ex.events), (
            text,
            _events(ex),
        )


def test_a_wish_about_another_actor_is_hypothetical(extractor: Any) -> None:
    ex = _run(extractor, "Obama wants Putin to attack Switzerland.")
    assert all(e.modality == "hypothetical" for e in ex.events)


def test_example_corpus_makes_no_junk_actors(extractor: Any) -> None:
    """Office actors and titled people in the examples are real parties, never words or titles."""
    from pathlib import Path

    from backchannel.kb import SECTORS
    from backchannel.pipeline import extractor_kb
    from backchannel.sources import read_inputs

    nouns = {g.noun.casefold() for g in extractor_kb(extractor).groups} | set(SECTORS)

    corpus = Path(__file__).resolve().parents[1] / "examples" / "corpus"
    docs = [d for d in read_inputs([str(corpus)]) if isinstance(d, Document)]
    assert docs
    for doc in docs:
        ex = extractor.process(doc)
        assert isinstance(ex, Extraction)
        for actor in ex.new_actors:
            words = actor.name.split()
            assert all(w[:1].isupper() for w in words), actor
            assert not {w.lower() for w in words} & {"councilor", "minister", "secretary"}, actor
        for m in ex.mentions:
            if m.actor_id.startswith("group:"):
                _, code, noun = m.actor_id.split(":", 2)
                assert len(code) == 3 and code.isupper(), m
                assert noun in nouns, m


def test_a_country_title_is_its_holder_and_a_title_complement_is_no_party(extractor: Any) -> None:
    ex = _run(extractor, "Bessent held talks with China's vice premier in Geneva on Saturday.")
    assert ("Scott Bessent", "He Lifeng", "CONSULT", "asserted") in _events(ex)
    ex = _run(extractor, "U.S. Ambassador to China David Perdue met Wang Yi in Beijing on Monday.")
    assert {(e.source.actor_id, e.target.actor_id) for e in ex.events} == {
        ("david-perdue", "wang-yi")
    }


def test_cause_and_content_are_not_further_events(extractor: Any) -> None:
    ex = _run(extractor, "China sanctioned House Speaker Nancy Pelosi over her visit to Taiwan.")
    assert {e.target.actor_id for e in ex.events} == {"nancy-pelosi"}
    ex = _run(extractor, "US lawmakers urged the administration to ban TikTok.")
    assert not any(e.type == "SANCTION" for e in ex.events)
    ex = _run(extractor, "Trump said Xi had invited him to visit China.")
    assert not any(e.type == "CONSULT" for e in ex.events)


def test_cutting_tariffs_is_a_concession(extractor: Any) -> None:
    ex = _run(extractor, "China will cut its tariffs on US goods to 10 percent.")
    assert {(e.type, e.modality) for e in ex.events} == {("RETREAT", "planned")}


def test_a_demand_told_to_someone_is_made_to_them(extractor: Any) -> None:
    ex = _run(
        extractor,
        "Xi told Trump that the United States should remove the negative measures.",
    )
    assert ("Xi Jinping", "Donald Trump", "REQUEST", "asserted") in _events(ex)
    ex = _run(extractor, "Xi told Blinken that the two countries should be partners.")
    assert not any(e.type == "REQUEST" for e in ex.events)


def test_international_organisations_and_ngos_take_part(extractor: Any) -> None:
    ex = _run(extractor, "Amnesty International criticised China on Monday.")
    ev = next(e for e in ex.events if e.type == "ACCUSE")
    assert (ev.source.actor_id, ev.source.country, ev.target.country) == (
        "amnesty-international",
        "NGO",
        "CHN",
    )
    ex = _run(extractor, "China criticised NATO for expanding into Asia.")
    assert {(e.target.actor_id, e.target.country) for e in ex.events} == {("nato", "IGO")}
    ex = _run(extractor, "The United Nations called on Washington to resume talks.")
    assert {(e.source.country, e.type) for e in ex.events} == {("UNO", "REQUEST")}
    # a forum named after organisations is no event between them
    ex = _run(
        extractor, "Bessent met He Lifeng during the IMF and World Bank meetings in Washington."
    )
    assert {(e.source.actor_id, e.target.actor_id) for e in ex.events} == {
        ("scott-bessent", "he-lifeng")
    }
    # a post at an organisation is no event with it
    ex = _run(extractor, "China's envoy to the United Nations accused Washington of hypocrisy.")
    assert not any(e.source.actor_id == "united-nations" for e in ex.events)
    ex = _run(
        extractor, "Trump said he would nominate Mike Waltz as ambassador to the United Nations."
    )
    assert not ex.events


def test_a_topic_or_a_source_of_the_report_is_no_party(extractor: Any) -> None:
    ex = _run(extractor, "Trump spoke with reporters aboard Air Force One about China.")
    assert not ex.events
    ex = _run(extractor, "China has agreed to open its market, according to the White House.")
    assert not any(e.target.actor_id == "white-house" for e in ex.events)


def test_an_event_made_less_likely_is_hypothetical(extractor: Any) -> None:
    ex = _run(
        extractor, "Analysts said the escalation made a call between Trump and Xi less likely."
    )
    assert ex.events and all(e.modality == "hypothetical" for e in ex.events)


def test_whose_position_is_judged_not_what_it_is_about(extractor: Any) -> None:
    ex = _run(extractor, "Xi backed Putin's position on Ukraine.")
    assert {e.target.actor_id for e in ex.events} == {"vladimir-putin"}
    ex = _run(extractor, "Wang Yi warned Washington against supporting Taiwan independence.")
    assert {e.type for e in ex.events} == {"THREATEN"}


def test_tariffs_on_a_countrys_goods_and_threatened_tariffs(extractor: Any) -> None:
    ex = _run(extractor, "Biden quadrupled tariffs on Chinese electric vehicles on Tuesday.")
    assert ("Joe Biden", "China", "SANCTION", "asserted") in _events(ex)
    ex = _run(extractor, "Trump responded by threatening a 100 percent tariff on Chinese imports.")
    assert {e.type for e in ex.events} == {"THREATEN"}


def test_offers_and_calls_that_are_no_event(extractor: Any) -> None:
    for text in (
        "Xi offered condolences to Biden after the shooting.",
        "Xi repeated his call for dialogue with Washington.",
    ):
        assert not _run(extractor, text).events, text
    # praise offered is praise given, no promise
    ex = _run(extractor, "Trump offered praise for Xi.")
    assert {(e.type, e.modality) for e in ex.events} == {("SUPPORT", "asserted")}
    ex = _run(extractor, "China offered to help the United States on fentanyl.")
    assert any(e.type == "AGREE" for e in ex.events)


def test_telling_someone_is_a_contact_between_two_people(extractor: Any) -> None:
    ex = _run(
        extractor, "Hegseth told Dong that the United States did not seek conflict with China."
    )
    assert ("Pete Hegseth", "Dong Jun", "CONSULT", "asserted") in _events(ex)
    for text in (
        "Trump told reporters that talks with China were going well.",
        "Trump told Fox News that he would speak with Xi.",
    ):
        assert not any(e.trigger == "told" for e in _run(extractor, text).events), text
    ex = _run(extractor, "Xi told Trump that the United States should remove the measures.")
    assert {e.type for e in ex.events} == {"REQUEST"}


def test_the_two_sides_are_the_two_states_compared(extractor: Any) -> None:
    ex = _run(extractor, "Li Chenggang said the two sides had reached a preliminary consensus.")
    assert {(e.source.country, e.target.country, e.type) for e in ex.events} == {
        ("USA", "CHN", "AGREE")
    }


def test_coordinated_subjects_the_parser_splits(extractor: Any) -> None:
    # the small parser hangs "Bessent" off the verb, or makes "Trump" a sentence of its own
    ex = _run(extractor, "Bessent and He Lifeng held talks in Geneva.")
    assert {(e.type, frozenset((e.source.name, e.target.name))) for e in ex.events} == {
        ("CONSULT", frozenset({"Scott Bessent", "He Lifeng"}))
    }
    ex = _run(extractor, "Trump and Liu He signed the trade agreement at the White House.")
    assert [(e.type, e.mode) for e in ex.events] == [("AGREE", "sign")]
    assert {ex.events[0].source.name, ex.events[0].target.name} == {"Donald Trump", "Liu He"}
    # an actor before "and" with a role of its own is not a coordinated subject
    ex = _run(extractor, "Xi met Biden and Trump criticized the deal.")
    assert not any(
        {e.source.name, e.target.name} == {"Joe Biden", "Donald Trump"} for e in ex.events
    )


def test_passive_and_relative_clauses(extractor: Any) -> None:
    ex = _run(extractor, "Li Shangfu was sanctioned by Washington in 2018.")
    assert ("United States", "Li Shangfu", "SANCTION", "asserted") in _events(ex)
    ex = _run(
        extractor,
        "Li Shangfu, who was sanctioned by Washington in 2018, said the sanctions "
        "were an obstacle to dialogue.",
    )
    assert ("United States", "Li Shangfu", "SANCTION", "asserted") in _events(ex)
    ex = _run(extractor, "Wang Yi, who met Blinken in Munich, said the talks were candid.")
    assert {frozenset((e.source.name, e.target.name)) for e in ex.events} == {
        frozenset({"Wang Yi", "Antony Blinken"})
    }


def test_nominal_events_by_and_with(extractor: Any) -> None:
    ex = _run(
        extractor, "It was the first visit to China by Jake Sullivan since 2016.", "2024-08-30"
    )
    assert ("Jake Sullivan", "China", "CONSULT", "asserted") in _events(ex)
    ex = _run(extractor, "China retaliated on Friday with a 34 percent tariff on American goods.")
    assert ("China", "United States", "SANCTION", "asserted") in _events(ex)
    # "with" a contact noun is not the doer's weapon: no event without a party
    assert not _run(extractor, "China responded with talks.").events


def test_a_person_reporting_talks_with_another_took_part(extractor: Any) -> None:
    ex = _run(
        extractor, "Bessent told reporters that the talks with He Lifeng had been productive."
    )
    assert ("Scott Bessent", "He Lifeng", "CONSULT", "asserted") in _events(ex)
    for text in (
        # a ministry, talks with a state, or a threat spoken of: no party
        "The foreign ministry said the talks with Wang Yi had been candid.",
        "Trump said talks with China were going well.",
        "Bessent said the threat of a 100 percent tariff on Chinese goods was off the table.",
    ):
        assert not _run(extractor, text).events, text


def test_parser_slips_on_verbs(extractor: Any) -> None:
    # "meet" tagged a noun, and "NAME hosted NAME" read as one noun phrase
    ex = _run(extractor, "If Xi and Trump meet this year, the truce could become permanent.")
    assert ("Xi Jinping", "Donald Trump", "CONSULT", "hypothetical") in _events(ex)
    ex = _run(
        extractor, "Trump hosted Xi at his Mar-a-Lago resort on Thursday and Friday.", "2025-11-22"
    )
    assert [(e.source.name, e.target.name, e.mode) for e in ex.events] == [
        ("Donald Trump", "Xi Jinping", "host")
    ]
    assert (ex.events[0].date.start, ex.events[0].date.end) == ("2025-11-20", "2025-11-21")


def test_declining_a_request_rejects_its_owner(extractor: Any) -> None:
    ex = _run(extractor, "China declined a US request for a meeting between the defence chiefs.")
    assert ("China", "United States", "REJECT", "asserted") in _events(ex)
    for text in ("Chinese exports declined in May.", "The ministry declined to comment."):
        assert not _run(extractor, text).events, text


def test_talks_measured_in_days_and_the_one_joined(extractor: Any) -> None:
    ex = _run(extractor, "Greer joined Bessent for two days of talks with He Lifeng in Geneva.")
    assert {(e.source.name, e.target.name) for e in ex.events} == {
        ("Jamieson Greer", "He Lifeng"),
        ("Scott Bessent", "He Lifeng"),
    }
    # a dash between two names joins them; a dateline's dash stands apart
    ex = _run(extractor, "The Trump–Xi call lasted ninety minutes.")
    assert ("Donald Trump", "Xi Jinping", "CONSULT", "asserted") in _events(ex)
    ex = _run(extractor, "BUSAN, South Korea — Trump met Xi on Thursday.")
    assert {e.target.name for e in ex.events} == {"Xi Jinping"}


def test_a_lone_surname_is_the_opposite_number_of_someone_named(extractor: Any) -> None:
    # no earlier "He Lifeng": "He" mid-sentence is Bessent's counterpart on the date
    ex = _run(
        extractor,
        "Swedish Prime Minister Ulf Kristersson received Bessent and He at Rosenbad.",
        "2025-07-30",
    )
    assert {e.target.name for e in ex.events} == {"Scott Bessent", "He Lifeng"}
    ex = _run(extractor, "Bessent said the talks with He had been productive.", "2025-05-12")
    assert ("Scott Bessent", "He Lifeng", "CONSULT", "asserted") in _events(ex)
    # the sentence-initial pronoun stays a pronoun
    ex = _run(extractor, "Bessent arrived in Geneva. He said the talks would be hard.")
    assert not any(m.actor_id == "he-lifeng" for m in ex.mentions)


def test_a_reported_wish_is_hypothetical_and_a_reported_future_planned(extractor: Any) -> None:
    ex = _run(extractor, "Washington would welcome a visit by Dong Jun, a Pentagon spokesman said.")
    assert {e.modality for e in ex.events} == {"hypothetical"}
    ex = _run(extractor, "Trump said he would meet Xi Jinping in April.")
    assert ("Donald Trump", "Xi Jinping", "CONSULT", "planned") in _events(ex)


def test_lower_case_office_and_office_like_surname_before_a_name(extractor: Any) -> None:
    ex = _run(
        extractor, "Kenyan leader Amani Wekesa and Ghanaian President Kofi Mensah signed a treaty."
    )
    assert {a.name: a.country for a in ex.new_actors} == {
        "Amani Wekesa": "KEN",
        "Kofi Mensah": "GHA",
    }
    assert any(e.type == "AGREE" and e.mode == "sign" for e in ex.events)
    ex = _run(extractor, "Australian Defence Minister John King met Fijian officials on Monday.")
    assert {a.name: a.country for a in ex.new_actors} == {"John King": "AUS"}
    ex = _run(extractor, "A Russian official Ivan Petrov met Peruvian officials.")
    assert not ex.new_actors


def test_it_and_they_reported_by_a_state_or_group(extractor: Any) -> None:
    ex = _run(extractor, "Peru said on Monday it would withdraw its troops from Ecuador.")
    assert ("Peru", "Ecuador", "RETREAT", "planned") in _events(ex)
    ex = _run(extractor, "Chilean rebels said they will release two Peruvian diplomats.")
    assert any((e.source.actor_id, e.type) == ("group:CHL:rebel", "RETREAT") for e in ex.events), (
        _events(ex)
    )
    ex = _run(extractor, "Peru said they will release two Chilean diplomats.")
    assert not any(m.actor_id == "state:PER" and m.text == "they" for m in ex.mentions)


def test_arriving_in_a_capital_on_a_visit_is_a_visit_to_its_state(extractor: Any) -> None:
    ex = _run(extractor, "Kenyan President Amani Wekesa arrived in Kampala on a state visit.")
    assert ("Amani Wekesa", "Uganda", "CONSULT", "asserted") in _events(ex)
    ex = _run(extractor, "Amani Wekesa met reporters in Kampala on Monday.")
    assert not any(e.target.country == "UGA" for e in ex.events)


def test_state_names_the_recogniser_misses(extractor: Any) -> None:
    ex = _run(extractor, "Sri Lanka has restored diplomatic ties with Bhutan.")
    assert ("Sri Lanka", "Bhutan", "SUPPORT", "asserted") in _events(ex)
    ex = _run(extractor, "The Ivory Coast's foreign minister criticized Ghana on Monday.")
    assert ("Ivory Coast's foreign minister", "group:CIV:government", "office") in _linked(ex)
    ex = _run(extractor, "Michael Jordan met Chad Smith in Chicago.")
    # the two given names are no states; the city is its country's (kb/places.yaml)
    assert [(m.text, m.actor_id) for m in ex.mentions if m.actor_id.startswith("state:")] == [
        ("Chicago", "state:USA")
    ]
    ex = _run(extractor, "Kenya hosted the first Warsaw Pact foreign minister to visit.")
    assert not any(m.actor_id.endswith(":POL") or ":POL:" in m.actor_id for m in ex.mentions)


def test_more_plover_objects_and_nouns(extractor: Any) -> None:
    cases = {
        "Chile and Peru have restored their diplomatic ties.": ("Chile", "Peru", "SUPPORT"),
        "Kenyan intelligence officials have shared evidence with Uganda.": (
            "Kenyan government",
            "Uganda",
            "COOPERATE",
        ),
        "Norway is providing maps and military intelligence to Estonia.": (
            "Norway",
            "Estonia",
            "AID",
        ),
        "Chile granted asylum to three Bolivian army officers.": (
            "Chile",
            "Bolivian military",
            "AID",
        ),
        "Peru completed the withdrawal of its forces from Ecuador on Monday.": (
            "Peru",
            "Ecuador",
            "RETREAT",
        ),
        "A judge opened investigations against three Kenyan government officials.": (
            "",
            "",
            "",
        ),
        "Peru repeated its demand that Chile release the fishermen.": (
            "Peru",
            "Chile",
            "REQUEST",
        ),
        "The Kenyan army lifted its blockade on Somali trucks.": (
            "Kenyan military",
            "Somalia",
            "RETREAT",
        ),
    }
    for text, (source, target, etype) in cases.items():
        ex = _run(extractor, text)
        if not etype:
            assert not ex.events, (text, _events(ex))  # no doer named
            continue
        assert (source, target, etype) in {
            (e.source.name, e.target.name, e.type) for e in ex.events
        }, (
            text,
            _events(ex),
        )
    ex = _run(extractor, "Peru repeated its demand that Chile release the fishermen.")
    assert [e.type for e in ex.events] == ["REQUEST"]  # the release is what is asked
    ex = _run(extractor, "Kenya's minister opened an investigation against Ugandan officials.")
    assert any(e.type == "ACCUSE" and e.target.country == "UGA" for e in ex.events), _events(ex)


def test_statement_issuer_peoples_and_what_was_agreed_to(extractor: Any) -> None:
    ex = _run(extractor, "Peru issued a statement condemning Chile's raid.")
    assert ("Peru", "Chile", "ACCUSE", "asserted") in _events(ex)
    ex = _run(extractor, "Xi met a delegation visiting Beijing.")
    assert not any(e.target.country == "CHN" and e.source.country == "CHN" for e in ex.events)
    ex = _run(extractor, "Kenya and the Somalis reached an agreement on Monday.")
    assert any(
        {e.source.actor_id, e.target.actor_id} == {"state:KEN", "group:SOM:civilian"}
        for e in ex.events
    ), _events(ex)
    ex = _run(extractor, "Kenya agreed to Uganda's proposal on Monday.")
    assert ("Kenya", "Uganda", "AGREE", "asserted") in _events(ex)


def test_preposition_the_parser_left_without_its_object(extractor: Any) -> None:
    ex = _run(
        extractor,
        "Chile has granted asylum to four Bolivian army officers holed up in an embassy.",
    )
    assert ("Chile", "Bolivian military", "AID", "asserted") in _events(ex)


def test_welcoming_a_thing_and_a_statement_that_another_must_act(extractor: Any) -> None:
    ex = _run(extractor, "Kenya welcomed Uganda's decision on Monday.")
    assert ("Kenya", "Uganda", "SUPPORT", "asserted") in _events(ex)
    ex = _run(extractor, "Kenya welcomed the Ugandan president on Monday.")
    assert all(e.type == "CONSULT" for e in ex.events) and ex.events
    ex = _run(extractor, "Peru issued a stern reminder to Chile that it must return the boats.")
    assert ("Peru", "Chile", "REQUEST", "asserted") in _events(ex)


def test_defending_an_actor_or_its_right_and_purpose_clauses(extractor: Any) -> None:
    ex = _run(extractor, "Kenya defended Uganda against Western criticism on Friday.")
    assert ("Kenya", "Uganda", "SUPPORT", "asserted") in _events(ex)
    ex = _run(extractor, "Kenya defended the right of Uganda troops to patrol the border.")
    assert ("Kenya", "Uganda", "SUPPORT", "asserted") in _events(ex)
    ex = _run(extractor, "Kenya defended its decision on Friday.")
    assert not ex.events
    ex = _run(extractor, "Chile is willing to send equipment to help defend Peru.")
    assert ("Chile", "Peru", "SUPPORT", "planned") in _events(ex)


def test_people_named_with_their_state_are_its_civilians(extractor: Any) -> None:
    ex = _run(extractor, "Bosnian Croats accused the Serbian government of shelling the town.")
    ev = next(e for e in ex.events if e.type == "ACCUSE")
    assert (ev.source.actor_id, ev.target.actor_id) == (
        "group:BIH:civilian",
        "group:SRB:government",
    )
    ex = _run(extractor, "Iraqi Kurds criticized Turkey on Monday.")
    assert ("Iraqi Kurds", "group:IRQ:civilian", "group") in _linked(ex)
    ex = _run(extractor, "Iraqi Airways criticized Turkey on Monday.")
    assert not any(m.actor_id.startswith("group:IRQ") for m in ex.mentions)


def test_unnamed_civilians_after_a_country_word(extractor: Any) -> None:
    ex = _run(extractor, "Kenyan farmers criticized the Ugandan government on Monday.")
    ev = next(e for e in ex.events if e.type == "ACCUSE")
    assert (ev.source.actor_id, ev.source.sector) == ("group:KEN:civilian", "civilian")
    ex = _run(extractor, "Somali elders met Ethiopian officials in Nairobi on Friday.")
    assert any(e.source.actor_id == "group:SOM:civilian" for e in ex.events)


def test_office_of_a_state(extractor: Any) -> None:
    ex = _run(extractor, "The foreign minister of Peru met the Chilean ambassador on Monday.")
    ev = next(e for e in ex.events if e.type == "CONSULT")
    assert (ev.source.actor_id, ev.target.actor_id) == (
        "group:PER:government",
        "group:CHL:government",
    )
    ex = _run(extractor, "President of Armenia Robert Kocharyan met Turkish officials on Monday.")
    assert not any(m.actor_id == "group:ARM:government" for m in ex.mentions)


def test_seeking_refuge_in_a_state_asks_it(extractor: Any) -> None:
    ex = _run(extractor, "Thousands of Somali villagers sought refuge in Kenya last week.")
    ev = next(e for e in ex.events if e.type == "REQUEST")
    assert (ev.source.actor_id, ev.target.actor_id) == ("group:SOM:civilian", "state:KEN")
    ex = _run(extractor, "Canada seeks talks with China on trade.")
    assert not any(e.type == "REQUEST" for e in ex.events)


def test_people_named_by_where_they_are(extractor: Any) -> None:
    ex = _run(extractor, "Rebels in Sudan accused Chad of arming the militia.")
    ev = next(e for e in ex.events if e.type == "ACCUSE")
    assert (ev.source.actor_id, ev.target.actor_id) == ("group:SDN:rebel", "state:TCD")
    ex = _run(extractor, "Refugees in Kenya criticized Somalia.")
    assert not any(m.actor_id.startswith("group:KEN") for m in ex.mentions)


def test_military_exercises_are_cooperation(extractor: Any) -> None:
    ex = _run(extractor, "Chile and Peru held joint naval exercises last week.")
    assert any(e.type == "COOPERATE" and e.mode == "military" for e in ex.events)
    ex = _run(
        extractor,
        "Indian and Russian warships began five days of war games in the Bay of Bengal.",
    )
    ev = next(e for e in ex.events if e.type == "COOPERATE")
    assert {ev.source.country, ev.target.country} == {"IND", "RUS"}
    ex = _run(extractor, "The Olympic games opened in Seoul.")
    assert not ex.events


def test_paying_compensation_is_a_concession(extractor: Any) -> None:
    ex = _run(extractor, "Germany paid compensation to 40 Polish workers for the losses.")
    ev = next(e for e in ex.events if e.type == "RETREAT")
    assert (ev.source.actor_id, ev.target.actor_id) == ("state:DEU", "group:POL:civilian")
    ex = _run(extractor, "Japan paid tribute to Chinese officials.")
    assert not any(e.type == "RETREAT" for e in ex.events)


def test_extremists_are_an_armed_group(extractor: Any) -> None:
    ex = _run(extractor, "Egypt arrested Libyan extremists on Monday.")
    ev = next(e for e in ex.events if e.type == "COERCE")
    assert (ev.target.actor_id, ev.target.sector) == ("group:LBY:rebel", "rebel")


def test_demanding_a_thing_from_a_state_asks_it(extractor: Any) -> None:
    ex = _run(extractor, "Seoul demanded an apology from Japan on Monday.")
    ev = next(e for e in ex.events if e.type == "REQUEST")
    assert (ev.source.actor_id, ev.target.actor_id) == ("state:KOR", "state:JPN")
    ex = _run(extractor, "Kenyan farmers demanded compensation from the Ugandan government.")
    ev = next(e for e in ex.events if e.type == "REQUEST")
    assert ev.target.actor_id == "group:UGA:government"


def test_armed_movements_in_the_kb(extractor: Any) -> None:
    ex = _run(extractor, "Norway held talks with the Tamil Tigers in Oslo on Monday.")
    ev = next(e for e in ex.events if e.type == "CONSULT")
    assert (ev.target.actor_id, ev.target.country) == ("ltte", "LKA")


def test_rebel_and_opposition_leaders_keep_their_sector(extractor: Any) -> None:
    ex = _run(extractor, "Sudanese rebel leaders met Kenyan officials in Nairobi.")
    assert ("Sudanese rebel leaders", "group:SDN:rebel", "office") in _linked(ex)
    ex = _run(extractor, "Kenyan opposition leaders criticized the Ugandan government.")
    ev = next(e for e in ex.events if e.type == "ACCUSE")
    assert ev.source.actor_id == "group:KEN:opposition"


def test_handing_over_supplies_is_aid_and_suspects_cooperation(extractor: Any) -> None:
    ex = _run(extractor, "Norwegian nurses handed over medical supplies to Kenyan officials.")
    ev = next(e for e in ex.events if e.type == "AID")
    assert (ev.source.actor_id, ev.target.actor_id) == (
        "group:NOR:civilian",
        "group:KEN:officials",
    )
    ex = _run(extractor, "Pakistan handed over the suspects to the United States.")
    assert any(e.type == "COOPERATE" and e.mode == "judicial" for e in ex.events)
    assert not any(e.type == "AID" for e in ex.events)


def test_a_mediation_mission_meets_both_sides(extractor: Any) -> None:
    ex = _run(
        extractor, "The African Union undertook a mediation mission between Kenya and Uganda."
    )
    pairs = {(e.source.actor_id, e.target.actor_id) for e in ex.events if e.type == "CONSULT"}
    assert pairs == {("african-union", "state:KEN"), ("african-union", "state:UGA")}
    ex = _run(extractor, "Talks between Chile and Peru resumed on Monday.")
    assert {(e.source.actor_id, e.target.actor_id) for e in ex.events} == {
        ("state:CHL", "state:PER")
    }


def test_dispatching_or_contributing_troops_is_aid(extractor: Any) -> None:
    ex = _run(extractor, "Spain dispatched troops to Chile on Monday.")
    assert ("Spain", "Chile", "AID", "asserted") in _events(ex)
    ex = _run(extractor, "Spain will contribute troops to Chile.")
    assert ("Spain", "Chile", "AID", "planned") in _events(ex)
    ex = _run(extractor, "Spain dispatched a letter to Chile.")
    assert not any(e.type == "AID" for e in ex.events)


def test_an_object_moved_after_an_as_phrase(extractor: Any) -> None:
    ex = _run(
        extractor,
        "Kenya on Monday condemned as a grave violation Uganda's seizure of the border town.",
    )
    assert ("Kenya", "Uganda", "ACCUSE", "asserted") in _events(ex)
    ex = _run(extractor, "Kenya praised as a model of restraint the conduct of Uganda.")
    assert ("Kenya", "Uganda", "SUPPORT", "asserted") in _events(ex)


def test_a_bare_preposition_shares_the_coordinated_object(extractor: Any) -> None:
    ex = _run(
        extractor, "Kenya restored relations with and sent an ambassador to Uganda on Monday."
    )
    assert ("Kenya", "Uganda", "SUPPORT", "asserted") in _events(ex)
    ex = _run(extractor, "Kenya restored relations with Uganda and opened an embassy in Chile.")
    assert {(e.source.name, e.target.name) for e in ex.events} == {("Kenya", "Uganda")}


def test_a_title_of_another_place_or_body_is_not_the_kb_holder(extractor: Any) -> None:
    ex = _run(extractor, "The premier of Ontario met Chinese officials in Toronto.")
    assert "li-qiang" not in _ids(ex)
    ex = _run(extractor, "The premier of China met the French president in Paris.")
    assert "li-qiang" in _ids(ex)


def test_a_family_name_before_another_name_word_is_not_the_kb_person(extractor: Any) -> None:
    ex = _run(extractor, "Le Monde reported that Macron had called Xi Jinping.")
    assert "le-yucheng" not in _ids(ex)
    ex = _run(extractor, "Le Yucheng met French diplomats. Le said the talks were candid.")
    assert [m.actor_id for m in ex.mentions].count("le-yucheng") == 2


def test_a_former_office_holder_is_not_the_holder_of_the_day(extractor: Any) -> None:
    ex = _run(extractor, "A former Pakistani prime minister criticised India on Monday.")
    assert "shehbaz-sharif" not in _ids(ex)
    ex = _run(extractor, "The Pakistani prime minister criticised India on Monday.")
    assert "shehbaz-sharif" in _ids(ex)


def test_a_surname_that_is_an_ordinary_word_links_only_in_full(extractor: Any) -> None:
    ex = _run(
        extractor,
        "Washington condemned the National Security Law and sanctioned Chinese officials.",
    )
    assert "nathan-law" not in _ids(ex)
    ex = _run(extractor, "Nathan Law met Mike Pompeo in Washington on Tuesday.")
    assert "nathan-law" in _ids(ex)


def test_cutting_or_halting_supplies_to_a_state_is_a_sanction(extractor: Any) -> None:
    ex = _run(extractor, "Gazprom cut gas supplies to Ukraine on Thursday.")
    assert [(e.source.actor_id, e.target.actor_id, e.type) for e in ex.events] == [
        ("gazprom", "state:UKR", "SANCTION")
    ]
    ex = _run(extractor, "Washington halted arms deliveries to Kyiv.")
    assert {(e.target.actor_id, e.type) for e in ex.events} == {("state:UKR", "SANCTION")}
    ex = _run(extractor, "China halted supplies of rare earths.")  # to no one named
    assert not ex.events


def test_a_bodys_agents_and_officers_act_for_it(extractor: Any) -> None:
    ex = _run(extractor, "Mossad agents assassinated a Hamas commander in Dubai.")
    assert {(e.source.actor_id, e.target.actor_id, e.type) for e in ex.events} == {
        ("mossad", "hamas", "ASSAULT")
    }
    ex = _run(extractor, "Israeli agents assassinated a Hamas commander in Dubai.")
    assert {(e.source.actor_id, e.type) for e in ex.events} == {("group:ISR:government", "ASSAULT")}
    ex = _run(extractor, "Reuters journalists were arrested by Myanmar police.")
    assert {(e.source.actor_id, e.target.actor_id) for e in ex.events} == {
        ("group:MMR:police", "reuters")
    }


def test_the_pope_by_title_and_the_congress_party(extractor: Any) -> None:
    ex = _run(extractor, "The Pope met Patriarch Kirill in Havana.", "2016-02-12")
    assert {(e.source.actor_id, e.target.actor_id) for e in ex.events} == {
        ("pope-francis", "patriarch-kirill")
    }
    ex = _run(extractor, "The BJP accused the Congress party of betraying India.")
    assert {e.target.actor_id for e in ex.events} == {"indian-national-congress"}
    ex = _run(extractor, "Fidesz lawmakers criticised the European Commission.")
    assert {e.source.actor_id for e in ex.events} == {"fidesz"}


def _triples(ex: Extraction) -> set[tuple[str, str, str]]:
    return {(e.source.actor_id, e.target.actor_id, e.type) for e in ex.events}


def test_an_act_a_light_verb_carries_to_its_addressee(extractor: Any) -> None:
    ex = _run(extractor, "Obama made a direct appeal to Xi Jinping to rein in cyber theft.")
    assert _triples(ex) == {("barack-obama", "xi-jinping", "REQUEST")}
    ex = _run(extractor, "Saudi Arabia issued an invitation to Zelensky to address the summit.")
    assert _triples(ex) == {("state:SAU", "volodymyr-zelensky", "REQUEST")}
    ex = _run(extractor, "Germany gave its backing to Finland's bid to join NATO.")
    assert ("state:DEU", "state:FIN", "SUPPORT") in _triples(ex)
    ex = _run(extractor, "Modi won praise from Washington for the decision.")
    assert _triples(ex) == {("state:USA", "narendra-modi", "SUPPORT")}
    ex = _run(extractor, "Huawei lost its appeal against the US ban.")
    assert not ex.events


def test_an_act_named_by_a_noun_its_relative_clause_tells(extractor: Any) -> None:
    ex = _run(extractor, "The praise that Trump lavished on Xi struck many as unusual.")
    assert _triples(ex) == {("donald-trump", "xi-jinping", "SUPPORT")}
    ex = _run(extractor, "The warning that Trump issued to North Korea rattled markets.")
    assert _triples(ex) == {("donald-trump", "state:PRK", "THREATEN")}
    ex = _run(extractor, "The appeal, which urged Beijing to free the activists, was signed.")
    assert not ex.events


def test_a_relative_word_stands_for_the_one_acted_on(extractor: Any) -> None:
    ex = _run(extractor, "The three Americans whom Beijing released were flown home.")
    assert _triples(ex) == {("state:CHN", "group:USA:civilian", "RETREAT")}
    ex = _run(extractor, "The operation, which Washington has blamed on Beijing, hit ports.")
    assert _triples(ex) == {("state:USA", "state:CHN", "ACCUSE")}
    # "called" names here, it makes no call
    ex = _run(extractor, "He met the French president whom Nixon called a giant.", "1969-03-01")
    assert not {e for e in ex.events if e.type == "CONSULT" and e.mode == "phone"}


def test_a_headline_joins_two_subjects_by_a_comma(extractor: Any) -> None:
    ex = _run(extractor, "Biden, Xi meet in Bali in first in-person talks as leaders")
    assert {(e.type, frozenset({e.source.actor_id, e.target.actor_id})) for e in ex.events} == {
        ("CONSULT", frozenset({"joe-biden", "xi-jinping"}))
    }
    ex = _run(extractor, "Japan, India sign defence pact")
    assert _triples(ex) == {("state:IND", "state:JPN", "AGREE")}
    ex = _run(extractor, "Washington, Beijing says the talks went well.")
    assert not ex.events


def test_headline_and_plain_words_for_asking_criticising_and_crediting(extractor: Any) -> None:
    assert _triples(_run(extractor, "China rips US over new chip curbs")) == {
        ("state:CHN", "state:USA", "ACCUSE")
    }
    ex = _run(extractor, "Ukraine's government begged Washington for more air defence systems.")
    assert _triples(ex) == {("group:UKR:government", "state:USA", "REQUEST")}
    ex = _run(extractor, "Kerry credited China for its constructive role in the talks.")
    assert _triples(ex) == {("john-kerry", "state:CHN", "SUPPORT")}
    ex = _run(extractor, "China released the 24 American aircrew on Hainan island.")
    assert _triples(ex) == {("state:CHN", "group:USA:civilian", "RETREAT")}


def test_a_states_envoy_to_the_un_is_the_states(extractor: Any) -> None:
    ex = _run(extractor, "Ukraine's UN ambassador Sergiy Kyslytsya accused Russia.")
    assert {(e.source.country, e.target.country) for e in ex.events} == {("UKR", "RUS")}
    ex = _run(extractor, "Ukrainian UN Ambassador Sergiy Kyslytsya accused Russia.")
    assert {(e.source.country, e.target.country) for e in ex.events} == {("UKR", "RUS")}
    # the UN's own envoy stays the UN's; a bare "UN ambassador" is no one's
    ex = _run(extractor, "UN envoy Martin Griffiths met Houthi leaders.")
    assert {e.source.country for e in ex.events} == {"UNO"}
    assert not _run(extractor, "UN ambassador Sergiy Kyslytsya accused Russia.").events


def test_they_after_a_body_named_in_the_plural(extractor: Any) -> None:
    ex = _run(extractor, "Iran's Revolutionary Guards said they had freed ten American sailors.")
    assert _triples(ex) == {("irgc", "group:USA:civilian", "RETREAT")}
    ex = _run(extractor, "The United States said it would sanction Iran.")
    assert _triples(ex) == {("state:USA", "state:IRN", "SANCTION")}


def test_dined_and_fined_read_by_their_verbs(extractor: Any) -> None:
    assert _triples(_run(extractor, "Trump dined with Xi at Mar-a-Lago.")) == {
        ("donald-trump", "xi-jinping", "CONSULT")
    }
    assert _triples(_run(extractor, "Beijing fined Apple.")) == {("state:CHN", "apple", "SANCTION")}


def test_a_name_that_opens_a_bases_name_is_no_one(extractor: Any) -> None:
    ex = _run(
        extractor,
        "Hu Jintao landed at Andrews Air Force Base and was welcomed by Obama.",
        "2011-01-19",
    )
    assert "kevin-andrews" not in _ids(ex)
    # the second verb's passive: its subject is the first verb's
    assert _triples(ex) == {("barack-obama", "hu-jintao", "CONSULT")}


def test_a_judged_act_is_aimed_at_its_owner(extractor: Any) -> None:
    ex = _run(extractor, "Austin's rebuke of China's military conduct around Taiwan drew applause.")
    assert {(e.target.country, e.type) for e in ex.events} == {("CHN", "ACCUSE")}
    ex = _run(extractor, 'Biden called Putin "a butcher".')
    assert _triples(ex) == {("joe-biden", "vladimir-putin", "ACCUSE")}
    ex = _run(extractor, "The climate pledge by Obama and Xi was unveiled.", "2014-11-12")
    assert {(e.type, frozenset({e.source.actor_id, e.target.actor_id})) for e in ex.events} == {
        ("AGREE", frozenset({"barack-obama", "xi-jinping"}))
    }


def test_what_an_act_did_not_bring_about_leaves_it_done(extractor: Any) -> None:
    ex = _run(extractor, "Biden's warning to Putin did not stop the invasion.")
    assert {(e.type, e.modality) for e in ex.events} == {("THREATEN", "asserted")}
    ex = _run(extractor, "Washington's sanctions on Tehran failed to change its behaviour.")
    assert {(e.type, e.modality) for e in ex.events} == {("SANCTION", "asserted")}
    for text in (
        "The meeting between Biden and Xi did not take place.",
        "The talks between Biden and Xi failed to materialise.",
    ):
        assert {e.modality for e in _run(extractor, text).events} == {"negated"}, text


def test_a_thing_judged_through_a_relative_word_is_its_owners(extractor: Any) -> None:
    ex = _run(extractor, "The Chinese proposal, which Washington rejected, called for a freeze.")
    assert _triples(ex) == {("state:USA", "state:CHN", "REJECT")}


def test_hit_with_tariffs_on_goods_from_a_state(extractor: Any) -> None:
    assert _triples(_run(extractor, "Washington hit Beijing with tariffs.")) == {
        ("state:USA", "state:CHN", "SANCTION")
    }
    ex = _run(extractor, "The United States raised tariffs on goods from China.")
    assert _triples(ex) == {("state:USA", "state:CHN", "SANCTION")}
    ex = _run(extractor, "The United States cut its tariffs on goods from China.")
    assert _triples(ex) == {("state:USA", "state:CHN", "RETREAT")}


def test_a_release_named_by_its_noun(extractor: Any) -> None:
    ex = _run(extractor, "North Korea's release of three detained Americans ended the row.")
    assert _triples(ex) == {("state:PRK", "group:USA:civilian", "RETREAT")}
    ex = _run(extractor, "Trump welcomed the release of the Americans by North Korea.")
    assert {(e.source.actor_id, e.type) for e in ex.events if e.type == "RETREAT"} == {
        ("state:PRK", "RETREAT")
    }
    assert not _run(extractor, "Washington called for the release of the two Americans.").events


def test_aid_named_by_the_noun_a_relative_clause_hangs_on(extractor: Any) -> None:
    ex = _run(extractor, "The launchers that Washington sent to Ukraine hit depots far away.")
    assert ("state:USA", "state:UKR", "AID") in _triples(ex)
    ex = _run(extractor, "Japan's foreign ministry said it had delivered vaccine doses to Taiwan.")
    assert _triples(ex) == {("group:JPN:government", "state:TWN", "AID")}


def test_detention_seizure_apology_and_a_warning_given(extractor: Any) -> None:
    ex = _run(extractor, "China's detention of the US Navy aircrew became a crisis.", "2001-04-10")
    assert _triples(ex) == {("state:CHN", "group:USA:military", "COERCE")}
    ex = _run(extractor, "Iran's seizure of a British tanker angered London.")
    assert _triples(ex) == {("state:IRN", "state:GBR", "COERCE")}
    assert not _run(extractor, "Thousands were held in detention camps in Xinjiang.").events
    ex = _run(extractor, "Netanyahu offered an apology to Erdogan for the raid.", "2013-03-22")
    assert {(e.type, e.modality) for e in ex.events} == {("SUPPORT", "asserted")}
    ex = _run(extractor, "Biden gave Beijing a blunt warning in Tokyo.", "2022-05-23")
    assert _triples(ex) == {("joe-biden", "state:CHN", "THREATEN")}


def test_hit_with_a_tariff_in_the_passive_and_a_plan_dismissed(extractor: Any) -> None:
    ex = _run(extractor, "China was hit with an extra tariff by the Trump administration.")
    assert _triples(ex) == {("group:USA:administration", "state:CHN", "SANCTION")}
    ex = _run(extractor, "Trump might threaten China with new tariffs.")
    assert {e.type for e in ex.events} == {"THREATEN"}
    ex = _run(extractor, "Washington's dismissal of Beijing's peace plan was swift.")
    assert _triples(ex) == {("state:USA", "state:CHN", "REJECT")}


def test_marines_are_a_states_forces_and_navies_exercise_with_each_other(extractor: Any) -> None:
    ex = _run(extractor, "US Marines trained alongside Australian troops.")
    assert _triples(ex) == {("group:USA:military", "group:AUS:military", "COOPERATE")}
    assert ("Bosnian Serbs", "group:BIH:civilian", "group") in _linked(
        _run(extractor, "Bosnian Serbs attacked Sarajevo.")
    )
    ex = _run(extractor, "The British navy exercised with the Indian navy in the Bay of Bengal.")
    assert {(e.source.country, e.target.country, e.type) for e in ex.events} == {
        ("GBR", "IND", "COOPERATE")
    }
    assert not _run(
        extractor, "Japan exercised its right to self-defence against North Korea."
    ).events


def test_him_after_a_second_verb_is_not_the_first_verbs_subject(extractor: Any) -> None:
    ex = _run(extractor, "Wang Yi called his Indian counterpart and urged him to de-escalate.")
    assert ("wang-yi", "group:IND:government", "REQUEST") in _triples(ex)
    assert "him" not in {m.text for m in ex.mentions if m.actor_id == "wang-yi"}
