"""Firms, trade bodies, spokespeople and economists of US-China trade news in the KB.

Each sentence is invented for the test. Aliases that are also common words
("GM" crops, the Amazon, "the dollar") must not link.
"""

from __future__ import annotations

from typing import Any

import pytest

from backchannel.kb import KnowledgeBase
from extracted import events as _events
from extracted import linked as _linked


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load()


# ── the knowledge base alone ─────────────────────────────────────────────────


def test_trade_war_firms_and_bodies_are_known_by_their_names(kb: KnowledgeBase) -> None:
    aliases = kb.alias_index()
    for form, actor_id in {
        "Cisco": "cisco",
        "Dell": "dell",
        "Hewlett-Packard": "hewlett-packard",
        "HP": "hewlett-packard",
        "Juniper Networks": "juniper-networks",
        "Morgan Stanley": "morgan-stanley",
        "China Construction Bank": "china-construction-bank",
        "Bank of China": "bank-of-china",
        "ICBC": "icbc",
        "ZTE": "zte",
        "U.S. Chamber of Commerce": "us-chamber-of-commerce",
        "National Retail Federation": "national-retail-federation",
        "Peterson Institute for International Economics": "peterson-institute",
    }.items():
        assert aliases[form] == (actor_id,), form
    assert (kb.actors["cisco"].country, kb.actors["cisco"].sector) == ("USA", "business")
    assert kb.actors["china-construction-bank"].country == "CHN"
    # the central bank keeps its longer name; a bare "Chamber of Commerce" is no one
    assert aliases["People's Bank of China"] == ("pboc",)
    for form in ("GM", "Amazon", "Ford", "Chamber of Commerce", "ABC", "BOC"):
        assert form not in aliases, form


def test_a_commerce_ministry_spokesperson_has_that_days_holder(kb: KnowledgeBase) -> None:
    def holder(day: str) -> list[str]:
        return [a.actor_id for a in kb.holders("chn.commerce_ministry_spokesperson", day)]

    assert "gao-feng" in holder("2018-07-06")
    assert "shu-jueting" in holder("2022-06-01")
    assert "gao-feng" not in holder("2024-06-01")
    assert "gao-feng" not in holder("2010-06-01")


def test_economists_of_the_trade_war_are_known(kb: KnowledgeBase) -> None:
    for actor_id in ("david-dollar", "stephen-roach", "ning-jizhe", "nicholas-lardy"):
        assert kb.actors[actor_id].kind == "person", actor_id
    assert kb.side_on("david-dollar", "2019-01-01")[:2] == ("USA", "academic")
    assert kb.side_on("ning-jizhe", "2018-09-01")[:2] == ("CHN", "government")
    # common-word surnames are indexed only as the full name
    index = kb.surname_index()
    assert "Scissors" not in index and "Lovely" not in index


# ── the real pipeline ────────────────────────────────────────────────────────


@pytest.mark.model
def test_a_bank_deal_links_both_banks(extractor: Any) -> None:
    text = "Morgan Stanley signed a cooperation agreement with China Construction Bank on Monday."
    assert {"morgan-stanley", "china-construction-bank"} <= _linked(extractor, text, "2018-07-02")


@pytest.mark.model
def test_a_spokesman_by_title_and_an_economist_by_surname(extractor: Any) -> None:
    text = (
        "Commerce Ministry spokesman Gao Feng said on Thursday that Beijing would respond. "
        "Stephen Roach, a Yale economist, said the tariffs would backfire. Roach added that "
        "Washington was wrong."
    )
    linked = _linked(extractor, text, "2018-07-05")
    assert {"gao-feng", "stephen-roach"} <= linked
    found = _events(extractor, "Gao Feng accused the United States of bullying.", "2018-07-05")
    assert ("gao-feng", "state:USA", "ACCUSE") in {e[:3] for e in found}


@pytest.mark.model
def test_near_misses_do_not_link_firms_or_economists(extractor: Any) -> None:
    text = (
        "GM soybeans from Brazil crossed the Amazon as the dollar rose. "
        "Ford said the chamber of commerce would meet on Monday."
    )
    linked = _linked(extractor, text, "2019-05-01")
    assert not linked & {"general-motors", "ford-motor", "david-dollar", "us-chamber-of-commerce"}
    # "Dollar" alone is no one until David Dollar has been named in the article
    assert "david-dollar" not in _linked(extractor, "Dollar gains slowed on Friday.", "2019-05-01")


@pytest.mark.model
def test_a_joint_venture_between_two_banks_is_cooperation(extractor: Any) -> None:
    text = "Citigroup formed a joint venture with China Construction Bank in 2005."
    found = {(frozenset(e[:2]), e[2]) for e in _events(extractor, text, "2018-10-15")}
    assert (frozenset({"citigroup", "china-construction-bank"}), "COOPERATE") in found
    # joint ventures with no partner named are no event
    text = "Beijing pushes American firms into joint ventures."
    assert _events(extractor, text, "2018-10-15") == set()
