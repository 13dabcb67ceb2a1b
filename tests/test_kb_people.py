"""Third-country leaders, officials and spokespeople in the KB: linked by name, title and date.

Each sentence is invented for the test; the test says what a reader would
expect recorded, and, for surnames that are also common words or words of
place names, what must not be linked.
"""

from __future__ import annotations

from typing import Any

import pytest

from backchannel.evaluate.project import actor_key
from backchannel.kb import KnowledgeBase
from extracted import events as _events
from extracted import linked as _linked
from extracted import pairs as _pairs


def _resolved(extractor: Any, queries: list[tuple[str, str]]) -> list[tuple[Any, ...]]:
    """(actor, country, sector, role) that ``backchannel resolve`` gives each (text, date)."""
    from backchannel.resolve import Resolver

    return [
        (r.actor_id, r.country, r.sector, r.role)
        for r in Resolver(extractor).resolve_dated(queries)
    ]


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load()


# ── the knowledge base alone ─────────────────────────────────────────────────


def _holders(kb: KnowledgeBase, key: str, day: str) -> list[str]:
    return sorted(a.actor_id for a in kb.holders(key, day))


def test_a_leaders_office_has_its_holder_on_each_date(kb: KnowledgeBase) -> None:
    def holder(key: str, day: str) -> list[str]:
        return _holders(kb, key, day)

    assert holder("deu.chancellor", "2019-06-01") == ["angela-merkel"]
    assert holder("deu.chancellor", "2023-06-01") == ["olaf-scholz"]
    assert holder("gbr.prime_minister", "2017-06-01") == ["theresa-may"]
    assert holder("rus.prime_minister", "2010-01-01") == ["vladimir-putin"]
    assert holder("rus.president", "2010-01-01") == ["dmitry-medvedev"]
    assert holder("prk.supreme_leader", "2010-01-01") == ["kim-jong-il"]
    assert holder("prk.supreme_leader", "2013-01-01") == ["kim-jong-un"]
    assert holder("fra.president", "2019-01-01") == ["emmanuel-macron"]
    assert kb.leader_of("AUS", "2011-01-01").actor_id == "julia-gillard"  # type: ignore[union-attr]


def test_a_surname_that_is_a_common_word_is_not_indexed(kb: KnowledgeBase) -> None:
    index = kb.surname_index()
    for word in ("May", "Power", "Hill", "Hague", "Hong", "Park", "Cotton", "Warner"):
        assert word not in index, word
    for word in ("Price", "Hooker", "Warren"):  # Ned Price, Allison Hooker, Elizabeth Warren
        assert word not in index, word


def test_spokespeople_envoys_and_taiwans_foreign_minister_hold_their_office_by_date(
    kb: KnowledgeBase,
) -> None:
    def holder(key: str, day: str) -> list[str]:
        return _holders(kb, key, day)

    assert holder("usa.white_house_press_secretary", "2021-06-01") == ["jen-psaki"]
    assert holder("usa.white_house_press_secretary", "2023-06-01") == ["karine-jean-pierre"]
    assert holder("usa.white_house_press_secretary", "2025-06-01") == ["karoline-leavitt"]
    assert holder("usa.state_department_spokesperson", "2022-06-01") == ["ned-price"]
    assert holder("usa.state_department_spokesperson", "2024-06-01") == ["matthew-miller"]
    assert holder("chn.un_ambassador", "2021-06-01") == ["zhang-jun"]
    assert holder("chn.un_ambassador", "2025-06-01") == ["fu-cong"]
    assert holder("chn.defense_ministry_spokesperson", "2019-06-01") == ["wu-qian"]
    assert holder("chn.defense_ministry_spokesperson", "2025-06-01") == [
        "jiang-bin",
        "zhang-xiaogang",
    ]
    assert holder("twn.foreign_minister", "2024-05-01") == ["joseph-wu"]
    assert holder("twn.foreign_minister", "2024-06-01") == ["lin-chia-lung"]
    # the two UN envoys are opposite numbers
    assert "fu-cong" in [a.actor_id for a in kb.counterparts_of("mike-waltz", "2025-11-01")]


def test_a_new_person_in_the_gold_matches_the_kb_id_added_later() -> None:
    assert actor_key("new:kim-jong-il") == actor_key("kim-jong-il") == "kim-jong-il"
    assert actor_key("state:PRK") == "country:PRK"


# ── the real pipeline ────────────────────────────────────────────────────────


@pytest.mark.model
def test_a_chancellor_named_by_title_and_surname_meets_the_premier(extractor: Any) -> None:
    got = _events(extractor, "Chancellor Merkel met Premier Li in Berlin on Tuesday.", "2016-06-14")
    assert frozenset({"angela-merkel", "li-keqiang"}) in _pairs(got)


@pytest.mark.model
def test_the_german_chancellor_is_that_days_holder(extractor: Any) -> None:
    text = "The German chancellor met Xi Jinping in Beijing on Friday."
    got = _pairs(_events(extractor, text, "2019-09-06"))
    assert frozenset({"angela-merkel", "xi-jinping"}) in got
    got = _pairs(_events(extractor, text, "2022-11-04"))
    assert frozenset({"olaf-scholz", "xi-jinping"}) in got


@pytest.mark.model
def test_the_north_korean_leader_is_that_days_holder_in_either_spelling(extractor: Any) -> None:
    got = _events(extractor, "Kim Jong Il met Wen Jiabao in Pyongyang on Sunday.", "2009-10-04")
    assert frozenset({"kim-jong-il", "wen-jiabao"}) in _pairs(got)
    text = "The North Korean leader met Xi Jinping in Beijing on Tuesday."
    got = _events(extractor, text, "2018-03-27")
    assert frozenset({"kim-jong-un", "xi-jinping"}) in _pairs(got)


@pytest.mark.model
def test_a_korean_president_by_title_and_surname_is_that_days_holder(extractor: Any) -> None:
    got = _events(
        extractor, "South Korean President Lee met Hu Jintao in Seoul on Monday.", "2010-11-15"
    )
    assert frozenset({"lee-myung-bak", "hu-jintao"}) in _pairs(got)


@pytest.mark.model
def test_mrs_may_is_the_prime_minister_and_the_month_is_nobody(extractor: Any) -> None:
    got = _events(extractor, "Mrs. May met President Xi in Beijing on Thursday.", "2018-02-01")
    assert frozenset({"theresa-may", "xi-jinping"}) in _pairs(got)
    text = "British officials met Wang Yi in May to discuss trade."
    linked = _linked(extractor, text, "2017-08-01")
    assert "theresa-may" not in linked
    assert "wang-yi" in linked


@pytest.mark.model
def test_a_surname_inside_a_place_name_is_nobody(extractor: Any) -> None:
    linked = _linked(
        extractor,
        "Lawmakers on Capitol Hill criticized Beijing over Hong Kong on Monday, "
        "and a delegation toured the Suzhou Industrial Park.",
        "2014-10-06",
    )
    assert not linked & {"christopher-hill", "hong-lei", "park-geun-hye", "park-jin"}


@pytest.mark.model
def test_a_lone_wang_is_still_the_counterpart_among_more_wangs(extractor: Any) -> None:
    got = _events(extractor, "Sullivan urged Wang to press Tehran on Friday.", "2024-01-26")
    assert ("jake-sullivan", "wang-yi") in {e[:2] for e in got}


@pytest.mark.model
def test_an_office_of_a_state_with_a_name_after_it_is_that_person(extractor: Any) -> None:
    got = _events(
        extractor,
        "In Seoul, Lee Myung-bak sat down with the visiting premier of Japan, Yukio Hatoyama.",
        "2009-10-09",
    )
    assert got == {("lee-myung-bak", "yukio-hatoyama", "CONSULT", "meet", "asserted")}
    # a name that opens a new clause is not in apposition: the office stays the state's
    text = "Obama met the defense minister of Peru, Biden said on Monday."
    actors = {a for e in _events(extractor, text, "2010-03-05") for a in e[:2]}
    assert "group:PER:government" in actors
    assert "joe-biden" not in actors


# ── US-China officials, lawmakers and Taiwan's party leaders added later ─────


def test_the_speaker_and_the_foreign_affairs_chairs_have_a_holder_on_each_date(
    kb: KnowledgeBase,
) -> None:
    assert _holders(kb, "usa.house_speaker", "2013-06-01") == ["john-boehner"]
    assert _holders(kb, "usa.house_speaker", "2017-06-01") == ["paul-ryan"]
    assert _holders(kb, "usa.sfrc_chairman", "2011-06-01") == ["john-kerry"]
    assert _holders(kb, "usa.sfrc_chairman", "2017-06-01") == ["bob-corker"]
    assert _holders(kb, "usa.sfrc_chairman", "2022-06-01") == ["bob-menendez"]
    assert _holders(kb, "usa.sfrc_chairman", "2024-06-01") == ["ben-cardin"]
    assert _holders(kb, "usa.sfrc_chairman", "2025-06-01") == ["jim-risch"]
    assert _holders(kb, "usa.hfac_chairman", "2016-06-01") == ["ed-royce"]
    assert _holders(kb, "usa.hfac_chairman", "2022-06-01") == ["gregory-meeks"]
    assert _holders(kb, "usa.hfac_chairman", "2024-06-01") == ["michael-mccaul"]
    assert _holders(kb, "usa.hfac_chairman", "2025-06-01") == ["brian-mast"]
    assert _holders(kb, "twn.kmt_chairman", "2015-06-01") == ["eric-chu"]
    assert _holders(kb, "twn.kmt_chairman", "2018-06-01") == ["wu-den-yih"]
    assert _holders(kb, "twn.kmt_chairman", "2025-12-01") == ["cheng-li-wun"]
    assert _holders(kb, "twn.dpp_chairman", "2024-06-01") == ["lai-ching-te"]
    assert _holders(kb, "chn.trade_representative", "2021-06-01") == ["yu-jianhua"]
    assert "zhang-shengmin" in _holders(kb, "chn.cmc_vice_chairman", "2025-11-01")
    assert "hua-chunying" in _holders(kb, "chn.vice_foreign_minister", "2024-08-01")


def test_new_officials_hold_their_roles_only_inside_their_dates(kb: KnowledgeBase) -> None:
    under_secretary = "Under Secretary of the Treasury for International Affairs"
    assert kb.side_on("jay-shambaugh", "2023-10-01") == ("USA", "government", under_secretary)
    assert kb.side_on("jay-shambaugh", "2021-06-01") == ("USA", "academic", "")
    assert kb.side_on("lael-brainard", "2012-05-01")[2] == under_secretary
    assert kb.side_on("randall-schriver", "2019-06-01")[1] == "government"
    assert kb.side_on("randall-schriver", "2021-06-01") == ("USA", "academic", "")
    assert kb.side_on("yu-jianhua", "2025-03-01")[1] == "retired"
    assert kb.side_on("li-shangfu", "2019-01-01")[2] == (
        "Director of the CMC Equipment Development Department"
    )
    assert kb.side_on("john-lee-ka-chiu", "2020-09-01")[2] == "Secretary for Security of Hong Kong"
    assert kb.side_on("lai-ching-te", "2018-06-01")[2] == "Premier of Taiwan"
    assert kb.side_on("ko-wen-je", "2020-06-01")[:2] == ("TWN", "government")
    assert kb.side_on("ko-wen-je", "2025-06-01")[:2] == ("TWN", "retired")


def test_new_surnames_that_are_words_or_taken_are_not_indexed(kb: KnowledgeBase) -> None:
    index = kb.surname_index()
    for word in ("Chase", "Mast", "Royce", "Hung"):  # JPMorgan Chase, a ship's mast, Rolls-Royce
        assert word not in index, word
    assert index["Han"] == ("han-zheng",)  # Han Kuo-yu is linked by his full name
    assert {"eric-chu", "steven-chu"} <= set(index["Chu"])


@pytest.mark.model
def test_new_people_link_by_full_name(extractor: Any) -> None:
    text = "Eric Chu met Wang Huning in Beijing on Wednesday."
    assert frozenset({"eric-chu", "wang-huning"}) in _pairs(_events(extractor, text, "2023-02-08"))
    text = "Jay Shambaugh met Liao Min in Beijing on Tuesday."
    got = _pairs(_events(extractor, text, "2023-10-24"))
    assert frozenset({"jay-shambaugh", "liao-min"}) in got
    text = "Randall Schriver met Wei Fenghe in Beijing on Thursday."
    got = _pairs(_events(extractor, text, "2018-10-18"))
    assert frozenset({"randall-schriver", "wei-fenghe"}) in got
    text = "Yu Jianhua held a video call with Katherine Tai on Tuesday."
    assert {"yu-jianhua", "katherine-tai"} <= _linked(extractor, text, "2021-06-01")


@pytest.mark.model
def test_a_title_with_a_surname_or_alone_is_that_days_holder(extractor: Any) -> None:
    text = "Under Secretary Brainard met Vice Finance Minister Zhu in Beijing."
    got = _pairs(_events(extractor, text, "2012-05-04"))
    assert frozenset({"lael-brainard", "zhu-guangyao"}) in got
    text = "The chairman of the House Foreign Affairs Committee criticized Beijing on Friday."
    assert "michael-mccaul" in _linked(extractor, text, "2023-06-23")
    assert "eliot-engel" in _linked(extractor, text, "2020-06-19")
    text = "The House Speaker criticized China on Friday."
    assert "john-boehner" in _linked(extractor, text, "2013-06-07")
    assert "paul-ryan" in _linked(extractor, text, "2017-04-07")
    text = "The KMT chairwoman met Xi Jinping in Beijing."
    got = _pairs(_events(extractor, text, "2016-11-01"))
    assert frozenset({"hung-hsiu-chu", "xi-jinping"}) in got


@pytest.mark.model
def test_new_names_leave_common_words_and_older_bearers_alone(extractor: Any) -> None:
    linked = _linked(
        extractor,
        "Chase Bank lent money to a Chinese shipyard, and the crew lowered the mast.",
        "2024-01-09",
    )
    assert not linked & {"michael-chase", "brian-mast"}
    text = "Vice President Han met Blinken in Beijing on Friday."
    got = _pairs(_events(extractor, text, "2024-06-01"))
    assert frozenset({"han-zheng", "antony-blinken"}) in got


# ── more third countries' leaders and foreign ministers ──────────────────────


def test_new_heads_of_state_and_foreign_ministers_hold_office_by_date(kb: KnowledgeBase) -> None:
    assert _holders(kb, "bra.president", "2015-04-10") == ["dilma-rousseff"]
    assert _holders(kb, "bra.president", "2016-07-01") == ["michel-temer"]  # acting
    assert _holders(kb, "bra.president", "2019-10-25") == ["jair-bolsonaro"]
    assert _holders(kb, "bra.president", "2023-04-14") == ["luiz-inacio-lula-da-silva"]
    assert _holders(kb, "tur.president", "2012-06-01") == ["abdullah-gul"]
    assert _holders(kb, "tur.president", "2016-06-01") == ["recep-tayyip-erdogan"]
    assert _holders(kb, "tur.foreign_minister", "2015-10-01") == ["feridun-sinirlioglu"]
    assert _holders(kb, "tur.foreign_minister", "2019-06-04") == ["mevlut-cavusoglu"]
    assert _holders(kb, "isr.prime_minister", "2022-09-01") == ["yair-lapid"]
    assert _holders(kb, "isr.prime_minister", "2023-06-01") == ["benjamin-netanyahu"]
    assert _holders(kb, "sau.prime_minister", "2020-06-01") == ["salman-bin-abdulaziz"]
    assert _holders(kb, "sau.prime_minister", "2023-06-01") == ["mohammed-bin-salman"]
    assert _holders(kb, "eur.high_representative", "2016-06-01") == ["federica-mogherini"]
    assert _holders(kb, "eur.high_representative", "2022-06-01") == ["josep-borrell"]
    assert _holders(kb, "eur.council_president", "2017-06-01") == ["donald-tusk"]
    assert _holders(kb, "deu.foreign_minister", "2011-06-01") == ["guido-westerwelle"]
    assert _holders(kb, "deu.foreign_minister", "2023-06-01") == ["annalena-baerbock"]
    assert _holders(kb, "fra.prime_minister", "2018-06-01") == ["edouard-philippe"]
    assert _holders(kb, "ind.president", "2015-06-01") == ["pranab-mukherjee"]
    assert _holders(kb, "ukr.president", "2014-04-01") == ["oleksandr-turchynov"]  # acting
    assert _holders(kb, "mmr.state_counsellor", "2019-06-01") == ["aung-san-suu-kyi"]
    assert _holders(kb, "mmr.state_counsellor", "2022-06-01") == []  # after the coup
    assert kb.leader_of("BRA", "2020-06-01").actor_id == "jair-bolsonaro"  # type: ignore[union-attr]
    assert kb.side_on("michel-temer", "2016-07-01")[2] == "Acting President of Brazil"
    assert kb.side_on("dilma-rousseff", "2024-01-01") == (
        "BRA",
        "government",
        "President of the New Development Bank",
    )


def test_more_heads_of_state_and_government_hold_office_by_date(kb: KnowledgeBase) -> None:
    assert _holders(kb, "syr.president", "2020-06-01") == ["bashar-al-assad"]
    assert _holders(kb, "syr.president", "2025-06-01") == ["ahmed-al-sharaa"]
    assert _holders(kb, "irq.prime_minister", "2012-06-01") == ["nouri-al-maliki"]
    assert _holders(kb, "irq.prime_minister", "2021-06-01") == ["mustafa-al-kadhimi"]


def test_new_surnames_that_are_words_names_or_places_are_not_indexed(kb: KnowledgeBase) -> None:
    index = kb.surname_index()
    # words and places ("Costa Rica", "Fort Meade"), given names and common surnames
    for word in ("Key", "English", "Borne", "Costa", "Meade", "Serra", "Kenyatta", "Solana"):
        assert word not in index, word
    for word in ("Michel", "Philippe", "Gabriel", "Jonathan", "Peters", "Katz", "Cohen", "Bennett"):
        assert word not in index, word
    # Arab and Malay given names are never a surname alone
    for word in ("Mohammed", "Mohamed", "Salman", "Abdullah", "Ali", "Ahmed", "Ismail", "Hasan"):
        assert word not in index, word
    assert index["Mohammed bin Salman"] == ("mohammed-bin-salman",)
    assert index["Rajapaksa"] == ("gotabaya-rajapaksa", "mahinda-rajapaksa")
    assert kb.alias_index()["Sheikh Mohamed bin Zayed"] == ("mohamed-bin-zayed",)


@pytest.mark.model
def test_a_country_qualified_title_is_that_days_holder(extractor: Any) -> None:
    text = "The Brazilian president met Xi Jinping in Beijing on Friday."
    got = _pairs(_events(extractor, text, "2015-04-10"))
    assert frozenset({"dilma-rousseff", "xi-jinping"}) in got
    got = _pairs(_events(extractor, text, "2019-10-25"))
    assert frozenset({"jair-bolsonaro", "xi-jinping"}) in got
    got = _pairs(_events(extractor, text, "2023-04-14"))
    assert frozenset({"luiz-inacio-lula-da-silva", "xi-jinping"}) in got
    text = "The Turkish foreign minister met Wang Yi in Beijing on Tuesday."
    got = _pairs(_events(extractor, text, "2019-06-04"))
    assert frozenset({"mevlut-cavusoglu", "wang-yi"}) in got
    text = "The EU foreign policy chief met Wang Yi in Brussels on Monday."
    got = _pairs(_events(extractor, text, "2021-06-07"))
    assert frozenset({"josep-borrell", "wang-yi"}) in got


@pytest.mark.model
def test_new_leaders_link_by_the_names_news_uses(extractor: Any) -> None:
    text = "Sheikh Mohamed bin Zayed met Xi Jinping in Beijing on Thursday."
    got = _pairs(_events(extractor, text, "2024-05-30"))
    assert frozenset({"mohamed-bin-zayed", "xi-jinping"}) in got
    text = "Erdogan met Xi Jinping in Beijing on Tuesday."
    got = _pairs(_events(extractor, text, "2015-07-28"))
    assert frozenset({"recep-tayyip-erdogan", "xi-jinping"}) in got
    text = "John Key met Xi Jinping in Beijing on Monday."
    got = _pairs(_events(extractor, text, "2014-11-10"))
    assert frozenset({"john-key", "xi-jinping"}) in got


@pytest.mark.model
def test_a_new_surname_that_is_a_word_or_a_place_is_nobody(extractor: Any) -> None:
    text = "Key officials in Wellington said the talks were held in English."
    assert not _linked(extractor, text, "2014-11-10") & {"john-key", "bill-english"}
    text = "Costa Rica and Peru signed a trade deal, and officials at Fort Meade watched."
    assert not _linked(extractor, text, "2025-01-10") & {"antonio-costa", "jose-antonio-meade"}
    text = "Mr. Michel met Wang Yi in Brussels, and Katz and Cohen said nothing."
    linked = _linked(extractor, text, "2021-06-01")
    assert not linked & {"charles-michel", "israel-katz", "eli-cohen"}


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "day", "expected"),
    [
        (
            "Karine Jean-Pierre",
            "2023-06-01",
            ("karine-jean-pierre", "USA", "government", "White House Press Secretary"),
        ),
        (
            "Karoline Leavitt",
            "2025-06-01",
            ("karoline-leavitt", "USA", "government", "White House Press Secretary"),
        ),
        (
            "Joseph Wu",
            "2024-05-01",
            ("joseph-wu", "TWN", "government", "Minister of Foreign Affairs of Taiwan"),
        ),
        (
            "Lin Chia-lung",
            "2024-06-01",
            ("lin-chia-lung", "TWN", "government", "Minister of Foreign Affairs of Taiwan"),
        ),
        (
            "Wellington Koo",
            "2025-06-01",
            ("wellington-koo", "TWN", "government", "Minister of National Defense of Taiwan"),
        ),
        (
            "Liu Jieyi",
            "2019-06-01",
            ("liu-jieyi", "CHN", "government", "Director of the Taiwan Affairs Office"),
        ),
        (
            "Joseph Wu",
            "2024-06-01",
            (
                "joseph-wu",
                "TWN",
                "government",
                "Secretary-General of the National Security Council",
            ),
        ),
        ("Wu Qian", "2019-06-01", ("wu-qian", "CHN", "military", "Defense Ministry Spokesperson")),
        (
            "Wu Qian",
            "2025-06-01",
            ("wu-qian", "CHN", "retired", "former Defense Ministry Spokesperson"),
        ),
        (
            "Fu Cong",
            "2025-06-01",
            (
                "fu-cong",
                "CHN",
                "government",
                "Permanent Representative of China to the United Nations",
            ),
        ),
        (
            "Michael McCaul",
            "2024-06-01",
            (
                "michael-mccaul",
                "USA",
                "government",
                "Chairman of the House Foreign Affairs Committee",
            ),
        ),
        (
            "Michael McCaul",
            "2021-06-01",
            ("michael-mccaul", "USA", "government", "Member of the US House of Representatives"),
        ),
        (
            "Yin Hejun",
            "2024-03-01",
            ("yin-hejun", "CHN", "government", "Minister of Science and Technology"),
        ),
        ("Jimmy Lai", "2023-01-01", ("jimmy-lai", "HKG", "media", None)),
        (
            "Mohammed bin Salman",
            "2020-06-01",
            ("mohammed-bin-salman", "SAU", "government", "Crown Prince of Saudi Arabia"),
        ),
        (
            "Mohammed bin Salman",
            "2023-06-01",
            ("mohammed-bin-salman", "SAU", "government", "Prime Minister of Saudi Arabia"),
        ),
        (
            "Recep Tayyip Erdogan",
            "2013-01-01",
            ("recep-tayyip-erdogan", "TUR", "government", "Prime Minister of Turkey"),
        ),
        (
            "Dilma Rousseff",
            "2024-01-01",
            ("dilma-rousseff", "BRA", "government", "President of the New Development Bank"),
        ),
        (
            "Nouri al-Maliki",
            "2012-06-01",
            ("nouri-al-maliki", "IRQ", "government", "Prime Minister of Iraq"),
        ),
        (
            "Ayman Safadi",
            "2023-06-01",
            ("ayman-safadi", "JOR", "government", "Minister of Foreign Affairs of Jordan"),
        ),
        (
            "Nicolás Maduro",
            "2012-06-01",
            ("nicolas-maduro", "VEN", "government", "Minister of Foreign Affairs of Venezuela"),
        ),
        (
            "Gabrielius Landsbergis",
            "2022-06-01",
            (
                "gabrielius-landsbergis",
                "LTU",
                "government",
                "Minister of Foreign Affairs of Lithuania",
            ),
        ),
        (
            "Michelle Bachelet",
            "2020-06-01",
            # the office of a UN body is the UN's while she holds it
            ("michelle-bachelet", "UNO", "government", "UN High Commissioner for Human Rights"),
        ),
        (
            "Bashar al-Assad",
            "2025-06-01",
            ("bashar-al-assad", "SYR", "retired", "former President of Syria"),
        ),
        (
            "Charles Michel",
            "2016-06-01",
            ("charles-michel", "BEL", "government", "Prime Minister of Belgium"),
        ),
        (
            "Viktor Orban",
            "2019-06-01",
            ("viktor-orban", "HUN", "government", "Prime Minister of Hungary"),
        ),
        (
            "Aleksandar Vucic",
            "2015-06-01",
            ("aleksandar-vucic", "SRB", "government", "Prime Minister of Serbia"),
        ),
        (
            "Alexis Tsipras",
            "2019-01-01",
            ("alexis-tsipras", "GRC", "government", "Prime Minister of Greece"),
        ),
        (
            "Andrej Babiš",
            "2019-06-01",
            ("andrej-babis", "CZE", "government", "Prime Minister of the Czech Republic"),
        ),
        (
            "Petr Fiala",
            "2023-06-01",
            ("petr-fiala", "CZE", "government", "Prime Minister of the Czech Republic"),
        ),
        (
            "Sergei Shoigu",
            "2015-06-01",
            ("sergei-shoigu", "RUS", "government", "Minister of Defence of the Russian Federation"),
        ),
        (
            "Sergei Shoigu",
            "2025-06-01",
            ("sergei-shoigu", "RUS", "government", "Secretary of the Security Council of Russia"),
        ),
        (
            "Aziz Nasirzadeh",
            "2025-06-01",
            (
                "aziz-nasirzadeh",
                "IRN",
                "military",
                "Minister of Defence and Armed Forces Logistics of Iran",
            ),
        ),
    ],
)
def test_people_resolve_to_their_office_on_the_date(
    extractor: Any, text: str, day: str, expected: tuple[Any, ...]
) -> None:
    assert _resolved(extractor, [(text, day)]) == [expected]


# ── third countries' defence and finance ministers ───────────────────────────


def test_defence_and_finance_ministers_hold_office_by_date(kb: KnowledgeBase) -> None:
    assert _holders(kb, "rus.defense_minister", "2015-06-01") == ["sergei-shoigu"]
    assert _holders(kb, "rus.defense_minister", "2024-10-01") == ["andrei-belousov"]
    assert _holders(kb, "gbr.defence_secretary", "2021-03-01") == ["ben-wallace"]
    assert _holders(kb, "jpn.defense_minister", "2020-01-01") == ["taro-kono"]
    assert _holders(kb, "kor.defense_minister", "2025-01-01") == []  # run by the vice minister
    assert _holders(kb, "ukr.defense_minister", "2025-10-01") == ["denys-shmyhal"]
    assert _holders(kb, "deu.finance_minister", "2023-06-20") == ["christian-lindner"]
    assert _holders(kb, "aus.federal_treasurer", "2024-06-17") == ["jim-chalmers"]
    assert _holders(kb, "jpn.finance_minister", "2015-06-01") == ["taro-aso"]
    # a minister who is a serving officer keeps the military sector
    assert kb.side_on("phan-van-giang", "2024-05-01")[1] == "military"
    assert kb.side_on("sergei-shoigu", "2015-06-01")[1] == "government"


def test_defence_and_finance_surnames_that_are_words_or_names_are_not_indexed(
    kb: KnowledgeBase,
) -> None:
    index = kb.surname_index()
    for word in ("Fox", "Darling", "Swan", "Hockey", "Little", "Gallant", "Champagne", "Mark"):
        assert word not in index, word
    for word in ("Antony", "Mauro", "Oliver", "Franco", "Wagner", "Suzuki", "Hong", "Shin"):
        assert word not in index, word
    assert index["Shoigu"] == ("sergei-shoigu",)
    assert index["Rajnath Singh"] == ("rajnath-singh",)


@pytest.mark.model
def test_a_defence_or_finance_ministers_title_is_that_days_holder(extractor: Any) -> None:
    text = "The Russian defense minister met Chinese Defense Minister Dong Jun in Beijing."
    assert {"andrei-belousov", "dong-jun"} <= _linked(extractor, text, "2024-10-01")
    text = "Russian Defence Minister Sergei Shoigu met Wei Fenghe in Moscow on Tuesday."
    got = _pairs(_events(extractor, text, "2018-04-03"))
    assert frozenset({"sergei-shoigu", "wei-fenghe"}) in got
    text = "The Australian treasurer met Li Qiang in Canberra."
    assert "jim-chalmers" in _linked(extractor, text, "2024-06-17")
    text = "The gallant soldiers marched past, and champagne was served to Yellen."
    assert not _linked(extractor, text, "2024-06-01") & {
        "yoav-gallant",
        "francois-philippe-champagne",
    }
