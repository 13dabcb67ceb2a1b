"""The bundled actor knowledge base and its loader."""

from __future__ import annotations

import pickle
import re
from pathlib import Path
from typing import Any

import pytest

from backchannel.errors import KnowledgeBaseError, UsageError
from backchannel.kb import SECTORS, TRANSNATIONAL, KnowledgeBase
from backchannel.kb.loader import combine, read_text
from backchannel.kb.parse import Parts
from backchannel.model import Actor, Document, Extraction


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load()


def spans(kb: KnowledgeBase, actor_id: str, position: str) -> list[tuple[str | None, str | None]]:
    return [(r.start, r.end) for r in kb.actors[actor_id].roles if r.position == position]


def ids(actors: tuple[Actor, ...]) -> list[str]:
    return [a.actor_id for a in actors]


def leader(kb: KnowledgeBase, country: str, day: str) -> str | None:
    found = kb.leader_of(country, day)
    return found.actor_id if found else None


# ── the bundled data ────────────────────────────────────────────────────────


def test_bundled_kb_is_large_enough_to_be_useful(kb: KnowledgeBase) -> None:
    persons = [a for a in kb.actors.values() if a.kind == "person"]
    orgs = [a for a in kb.actors.values() if a.kind == "organization"]
    assert len(kb.actors) >= 150
    assert len(persons) >= 120
    assert len(orgs) >= 20
    assert len(kb.positions) >= 45
    assert len(kb.states) >= 30
    assert {"USA", "CHN", "TWN", "SGP", "PAK", "CHE", "GBR", "EUR"} <= set(kb.states)


def test_every_role_refers_to_a_known_position_and_country(kb: KnowledgeBase) -> None:
    for actor in kb.actors.values():
        for role in actor.roles:
            assert not role.position or role.position in kb.positions, (actor.actor_id, role)
            # an office of an international body is its code's ("UNO", "IGO")
            assert role.country in kb.states or role.country in TRANSNATIONAL, (
                actor.actor_id,
                role,
            )
            assert role.sector in SECTORS, (actor.actor_id, role)
            assert role.title, actor.actor_id
            if role.start and role.end:
                assert role.start <= role.end, (actor.actor_id, role)


def test_every_actor_is_complete(kb: KnowledgeBase) -> None:
    for actor_id, actor in kb.actors.items():
        assert actor.actor_id == actor_id
        assert actor.origin == "kb"
        assert actor.sector in SECTORS, actor_id
        assert actor.country == "" or actor.country in {*kb.states, *TRANSNATIONAL}, actor_id
        if actor.country in TRANSNATIONAL:
            assert actor.kind == "organization", actor_id
        if actor.kind == "person":
            assert kb.surnames[actor_id] in f"{actor.name} {' '.join(actor.aliases)}"
        else:
            assert actor_id not in kb.surnames


def test_position_roles_carry_the_position_fields(kb: KnowledgeBase) -> None:
    (role,) = [r for r in kb.actors["scott-bessent"].roles if r.position]
    assert role.title == "Secretary of the Treasury"
    assert role.org == "US Department of the Treasury"
    assert (role.country, role.sector, role.leader) == ("USA", "government", False)
    assert [r.leader for r in kb.actors["xi-jinping"].roles if r.position == "chn.president"] == [
        True
    ]


def test_counterparts_are_symmetric_and_known(kb: KnowledgeBase) -> None:
    for key, position in kb.positions.items():
        for other in position.counterparts:
            assert key in kb.positions[other].counterparts, (key, other)
    assert "chn.vice_premier_economy" in kb.positions["usa.treasury_secretary"].counterparts
    assert "usa.treasury_secretary" in kb.positions["chn.vice_premier_economy"].counterparts


# Dates the rest of the project relies on. A value like "2013-04" means the
# month is what is known; None means still in office.
REQUIRED_SPANS = [
    ("jared-kushner", "usa.senior_adviser_to_president", [("2017-01-20", "2021-01-20")]),
    ("cui-tiankai", "chn.ambassador_to_usa", [("2013-04", "2021-06")]),
    ("robert-lighthizer", "usa.trade_representative", [("2017-05-15", "2021-01-20")]),
    ("liu-he", "chn.vice_premier_economy", [("2018-03-19", "2023-03-12")]),
    ("jake-sullivan", "usa.national_security_adviser", [("2021-01-20", "2025-01-20")]),
    ("wang-yi", "chn.foreign_minister", [("2013-03", "2022-12-30"), ("2023-07-25", None)]),
    ("wang-yi", "chn.cfac_office_director", [("2023-01", None)]),
    ("wang-qishan", "chn.vice_president", [("2018-03-17", "2023-03-10")]),
    ("qin-gang", "chn.ambassador_to_usa", [("2021-07", "2022-12")]),
    ("qin-gang", "chn.foreign_minister", [("2022-12-30", "2023-07-25")]),
    ("liu-jianchao", "chn.ild_head", [("2022-05", "2025-09")]),
    ("xie-feng", "chn.ambassador_to_usa", [("2023-05", None)]),
    ("scott-bessent", "usa.treasury_secretary", [("2025-01-28", None)]),
    ("he-lifeng", "chn.vice_premier_economy", [("2023-03-12", None)]),
    ("donald-trump", "usa.president", [("2017-01-20", "2021-01-20"), ("2025-01-20", None)]),
    ("joe-biden", "usa.president", [("2021-01-20", "2025-01-20")]),
    ("xi-jinping", "chn.general_secretary", [("2012-11-15", None)]),
    ("xi-jinping", "chn.president", [("2013-03-14", None)]),
    ("marco-rubio", "usa.secretary_of_state", [("2025-01-21", None)]),
    ("jamieson-greer", "usa.trade_representative", [("2025-02-26", None)]),
    ("howard-lutnick", "usa.commerce_secretary", [("2025-02-21", None)]),
    ("li-chenggang", "chn.trade_representative", [("2025-04", None)]),
    ("steven-mnuchin", "usa.treasury_secretary", [("2017-02-13", "2021-01-20")]),
]


@pytest.mark.parametrize(("actor_id", "position", "expected"), REQUIRED_SPANS)
def test_required_terms_of_office(
    kb: KnowledgeBase,
    actor_id: str,
    position: str,
    expected: list[tuple[str, str | None]],
) -> None:
    actual = spans(kb, actor_id, position)
    assert len(actual) == len(expected), actual
    for (start, end), (want_start, want_end) in zip(actual, expected, strict=True):
        assert start is not None and start.startswith(want_start), (start, want_start)
        if want_end is None:
            assert end is None
        else:
            assert end is not None and end.startswith(want_end), (end, want_end)


def test_business_intermediaries_are_business_people(kb: KnowledgeBase) -> None:
    for actor_id in ("jensen-huang", "elon-musk", "stephen-schwarzman", "tim-cook"):
        assert kb.side_on(actor_id, "2024-06-01")[:2] == ("USA", "business"), actor_id
    assert kb.side_on("jensen-huang", "2025-07-15") == ("USA", "business", "CEO of Nvidia")
    assert {"nvidia", "tesla", "blackstone", "tsinghua-university", "brookings"} <= set(kb.actors)


# ── roles at a date ─────────────────────────────────────────────────────────


def test_cui_tiankai_is_an_ambassador_then_retired(kb: KnowledgeBase) -> None:
    country, sector, title = kb.side_on("cui-tiankai", "2019-06-01")
    assert (country, sector) == ("CHN", "government")
    assert "Ambassador" in title
    country, sector, title = kb.side_on("cui-tiankai", "2024-06-01")
    assert (country, sector) == ("CHN", "retired")
    assert title == "former Ambassador of China to the United States"


def test_side_on_without_a_date_gives_the_defaults(kb: KnowledgeBase) -> None:
    assert kb.side_on("cui-tiankai", None) == ("CHN", "retired", "")
    assert kb.side_on("nvidia", "2025-01-01") == ("USA", "business", "")


def test_people_with_a_private_career_return_to_it_not_to_retirement(kb: KnowledgeBase) -> None:
    assert kb.side_on("elon-musk", "2025-03-01")[:2] == ("USA", "government")
    assert kb.side_on("elon-musk", "2025-08-01")[:2] == ("USA", "business")
    assert kb.side_on("jared-kushner", "2023-01-01")[:2] == ("USA", "business")
    assert kb.side_on("wang-qishan", "2024-01-01")[:2] == ("CHN", "retired")


def test_a_leader_role_wins_over_a_party_role(kb: KnowledgeBase) -> None:
    assert kb.side_on("xi-jinping", "2018-12-01") == (
        "CHN",
        "government",
        "President of the People's Republic of China",
    )
    # before March 2013 Xi was general secretary but not yet president
    assert kb.side_on("xi-jinping", "2013-01-15")[1:] == (
        "party",
        "General Secretary of the Chinese Communist Party",
    )


def test_holders_of_an_office_on_a_day(kb: KnowledgeBase) -> None:
    assert ids(kb.holders("usa.treasury_secretary", "2025-11-20")) == ["scott-bessent"]
    assert ids(kb.holders("usa.treasury_secretary", "2019-06-01")) == ["steven-mnuchin"]
    assert ids(kb.holders("chn.ambassador_to_usa", "2022-06-01")) == ["qin-gang"]
    assert kb.holders("chn.defense_minister", "2023-11-15") == ()  # after Li Shangfu's removal
    # on a handover day both hold the office; the newcomer comes first
    assert ids(kb.holders("usa.president", "2021-01-20")) == ["joe-biden", "donald-trump"]


def test_holders_rejects_unknown_positions_and_bad_days(kb: KnowledgeBase) -> None:
    with pytest.raises(KnowledgeBaseError, match=re.escape("usa.treasurer")):
        kb.holders("usa.treasurer", "2025-01-01")
    with pytest.raises(UsageError, match="YYYY-MM-DD"):
        kb.holders("usa.president", "20 May 2025")
    with pytest.raises(KnowledgeBaseError, match="nobody"):
        kb.side_on("nobody", "2025-01-01")


def test_leader_of(kb: KnowledgeBase) -> None:
    assert leader(kb, "CHN", "2018-12-01") == "xi-jinping"
    assert leader(kb, "CHN", "2010-06-01") == "hu-jintao"
    assert leader(kb, "CHN", "2012-12-01") == "xi-jinping"  # party chief before he is president
    assert leader(kb, "USA", "2019-06-01") == "donald-trump"
    assert leader(kb, "USA", "2021-01-20") == "joe-biden"  # inauguration day
    assert leader(kb, "SGP", "2025-01-01") == "lawrence-wong"
    assert leader(kb, "NZL", "2025-01-01") is None


def test_counterparts_of(kb: KnowledgeBase) -> None:
    assert "wang-yi" in ids(kb.counterparts_of("jake-sullivan", "2023-11-15"))
    assert "yang-jiechi" in ids(kb.counterparts_of("jake-sullivan", "2021-03-18"))
    assert "he-lifeng" in ids(kb.counterparts_of("scott-bessent", "2025-11-20"))
    assert "scott-bessent" in ids(kb.counterparts_of("he-lifeng", "2025-11-20"))
    assert ids(kb.counterparts_of("donald-trump", "2018-06-01")) == ["xi-jinping"]
    assert kb.counterparts_of("jake-sullivan", "2026-01-01") == ()


# ── name indexes and states ─────────────────────────────────────────────────


def test_surname_index_keeps_ambiguity(kb: KnowledgeBase) -> None:
    index = kb.surname_index()
    assert "he-lifeng" in index["He"]
    assert {"liu-he", "liu-jianchao"} <= set(index["Liu"])
    assert {"wang-yi", "wang-qishan"} <= set(index["Wang"])
    assert index["Kushner"] == ("jared-kushner",)
    assert "Nvidia" not in index  # organisations have no surname


def test_alias_index_is_exact(kb: KnowledgeBase) -> None:
    index = kb.alias_index()
    assert index["Jerome H. Powell"] == ("jerome-powell",)
    assert index["Xi Jinping"] == ("xi-jinping",)
    assert index["Treasury Department"] == ("us-treasury",)
    assert "jerome h. powell" not in index


def test_title_index_knows_country_qualified_titles(kb: KnowledgeBase) -> None:
    index = kb.title_index()
    assert index["treasury secretary"] == "usa.treasury_secretary"
    assert index["chinese vice premier"] == "chn.vice_premier_economy"
    assert index["us ambassador to china"] == "usa.ambassador_to_china"
    assert index["chinese ambassador to the united states"] == "chn.ambassador_to_usa"
    assert index["ambassador to the us"] == "chn.ambassador_to_usa"
    assert index["secretary of state"] == "usa.secretary_of_state"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("China", "CHN"),
        ("the United States", "USA"),
        ("U.S.", "USA"),
        ("Beijing", "CHN"),
        ("Washington", "USA"),
        ("Chinese", "CHN"),
        ("China's", "CHN"),
        ("Taiwan", "TWN"),
        ("Switzerland", "CHE"),
        ("EU", "EUR"),
        ("united kingdom", "GBR"),
        ("us", None),  # a pronoun, not the country
        ("Atlantis", None),
    ],
)
def test_state_by_name(kb: KnowledgeBase, text: str, code: str | None) -> None:
    state = kb.state_by_name(text)
    assert (state.code if state else None) == code


def test_default_sides_and_groups(kb: KnowledgeBase) -> None:
    assert kb.default_sides() == ("USA", "CHN")
    groups = {g.noun: g.sector for g in kb.groups}
    assert groups["officials"] == "government"
    assert groups["negotiators"] == "government"
    assert groups["military officials"] == "military"
    assert groups["business leaders"] == "business"
    assert groups["scholars"] == "academic"


def test_named_channels(kb: KnowledgeBase) -> None:
    channels = {c.name: c for c in kb.channels}
    kushner = channels["Kushner channel"]
    assert (kushner.a, kushner.b) == ("jared-kushner", "cui-tiankai")
    assert (kushner.start, kushner.end) == ("2017-01-20", "2021-01-20")
    assert "Kushner-Cui channel" in kushner.aliases
    assert (channels["Sullivan-Wang channel"].a, channels["Sullivan-Wang channel"].b) == (
        "jake-sullivan",
        "wang-yi",
    )
    for channel in kb.channels:
        assert channel.a in kb.actors and channel.b in kb.actors


def test_the_knowledge_base_pickles_for_worker_processes(kb: KnowledgeBase) -> None:
    copy = pickle.loads(pickle.dumps(kb))
    assert ids(copy.holders("usa.treasury_secretary", "2025-11-20")) == ["scott-bessent"]
    assert copy.state_by_name("Beijing") == kb.states["CHN"]


def test_bundled_load_is_cached(kb: KnowledgeBase) -> None:
    assert KnowledgeBase.load() is kb


# ── user files ──────────────────────────────────────────────────────────────

USER_KB = """
states:
  - {code: NOR, name: Norway, names: [Norway], adjectives: [Norwegian], capitals: [Oslo]}
positions:
  - key: nor.prime_minister
    title: Prime Minister of Norway
    country: NOR
    sector: government
    leader: true
    patterns: ["Norwegian Prime Minister"]
actors:
  - id: jonas-gahr-store
    name: Jonas Gahr Støre
    country: NOR
    sector: government
    surname: Støre
    aliases: ["Jonas Gahr Store"]
    roles:
      - {position: nor.prime_minister, start: 2021-10-14}
  - id: cui-tiankai
    name: Cui Tiankai
    country: CHN
    sector: academic
    surname: Cui
    roles:
      - {position: chn.ambassador_to_usa, start: 2013-04-01, end: 2021-06-23}
      - {title: Honorary Professor, org: Example University, sector: academic, start: 2022-01-01}
"""


def test_a_user_file_adds_and_replaces_actors(tmp_path: Path, kb: KnowledgeBase) -> None:
    path = tmp_path / "my-kb.yaml"
    path.write_text(USER_KB, encoding="utf-8")
    mine = KnowledgeBase.load([path])
    assert len(mine.actors) == len(kb.actors) + 1
    assert KnowledgeBase.load(str(path)).actors.keys() == mine.actors.keys()
    store = mine.actors["jonas-gahr-store"]
    assert store.origin == "user-kb"
    assert mine.leader_of("NOR", "2024-01-01") is store
    assert mine.title_index()["norwegian prime minister"] == "nor.prime_minister"
    assert mine.surname_index()["Støre"] == ("jonas-gahr-store",)
    assert mine.state_by_name("Oslo") == mine.states["NOR"]
    # the replacement wins...
    assert mine.side_on("cui-tiankai", "2024-06-01") == ("CHN", "academic", "Honorary Professor")
    # ...and the bundled, cached knowledge base is untouched
    assert kb.side_on("cui-tiankai", "2024-06-01")[1] == "retired"
    assert KnowledgeBase.load().actors["cui-tiankai"].origin == "kb"


BESSENT_BAD_END = """
actors:
  - id: scott-bessent
    name: Scott Bessent
    country: USA
    sector: business
    surname: Bessent
    roles:
      - {title: Hedge fund manager, sector: business, start: 2015-09-01, end: 2025-01-27}
      - {position: usa.treasury_secretary, start: 2025-01-28, end: 2024-01-01}
"""


def test_end_before_start_names_file_actor_and_role(tmp_path: Path) -> None:
    path = tmp_path / "user.yaml"
    path.write_text(BESSENT_BAD_END, encoding="utf-8")
    with pytest.raises(KnowledgeBaseError) as caught:
        KnowledgeBase.load([path])
    assert str(caught.value) == (
        f"{path}: actor 'scott-bessent' role 2: end 2024-01-01 is before start 2025-01-28"
    )


def person(roles: str = "", actor_id: str = "jane-doe", extra: str = "") -> str:
    return (
        f"  - id: {actor_id}\n    name: Jane Doe\n    country: USA\n    sector: business\n"
        f"    surname: Doe\n{extra}    roles:\n{roles or '      []'}\n"
    )


BAD_FILES = [
    (
        "actors:\n" + person("      - {position: usa.treasurer, start: 2025-01-01}"),
        "actor 'jane-doe' role 1: unknown position 'usa.treasurer' "
        "(did you mean 'usa.treasury_secretary'?)",
    ),
    (
        "actors:\n" + person("      - {position: usa.president, start: 2025-13-01}"),
        "actor 'jane-doe' role 1: start '2025-13-01' is not a date (use YYYY-MM-DD)",
    ),
    (
        "actors:\n" + person("      - {position: usa.president, start: 20 May 2025}"),
        "actor 'jane-doe' role 1: start '20 May 2025' is not a date",
    ),
    ("actors:\n" + person() + person(), "duplicate actor id 'jane-doe'"),
    (
        "actors:\n" + person("      - {title: Adviser, start: 2025-01-01}"),
        "actor 'jane-doe' role 1: a free-form role needs a sector",
    ),
    (
        "actors:\n" + person("      - {position: usa.president, titel: Boss}"),
        "actor 'jane-doe' role 1: unknown field 'titel'",
    ),
    (
        "actors:\n  - {id: jane-doe, name: Jane Doe, country: USA, sector: business}\n",
        "actor 'jane-doe': missing required field 'surname'",
    ),
    (
        "actors:\n  - {id: jane-doe, name: Jane Doe, country: USA, sector: business, "
        "surname: Smith}\n",
        "actor 'jane-doe': surname 'Smith' is not a word of the name 'Jane Doe'",
    ),
    (
        "actors:\n  - {id: jane-doe, name: Jane Doe, country: XYZ, sector: business, "
        "surname: Doe}\n",
        "actor 'jane-doe': unknown country 'XYZ'",
    ),
    (
        "actors:\n  - {id: jane-doe, name: Jane Doe, country: USA, sector: banking, "
        "surname: Doe}\n",
        "actor 'jane-doe': sector 'banking' is not one of: government, military",
    ),
    (
        "actors:\n  - {id: doe-bureau, name: Doe Bureau, kind: organization, country: USA, "
        "sector: government, code: spy}\n",
        "actor 'doe-bureau': code 'spy' is not valid (agent codes of three capitals",
    ),
    (
        "groups:\n  - {noun: doe watchers, sector: civilian, code: SPYX}\n",
        "code 'SPYX' is not valid (agent codes of three capitals, e.g. MED)",
    ),
    (
        "actors:\n  - {id: Jane Doe, name: Jane Doe, country: USA, sector: business, "
        "surname: Doe}\n",
        "actor 1: id 'Jane Doe' is not valid",
    ),
    (
        "channels:\n  - {name: Doe channel, a: jake-sullivan, b: jane-dough}\n",
        "channel 'Doe channel' endpoint b: unknown actor 'jane-dough'",
    ),
    (
        "positions:\n  - {key: usa.first_lady, title: First Lady, country: USA, "
        "sector: government, patterns: [Treasury Secretary]}\n",
        "position 'usa.first_lady': pattern 'Treasury Secretary' is already used by "
        "position 'usa.treasury_secretary'",
    ),
    (
        "positions:\n  - {key: usa.first_lady, title: First Lady, country: USA, "
        "sector: government, patterns: [First Lady], counterparts: [chn.first_lady]}\n",
        "position 'usa.first_lady': unknown counterpart 'chn.first_lady'",
    ),
    ("places: [Karachi]\n", "places must map state codes to lists of place names, got a list"),
    ("places:\n  Pakistan: [Karachi]\n", "places: 'Pakistan' is not an ISO3 code such as USA"),
    ("places:\n  PAK: Karachi\n", "places of PAK must be a list of non-empty text"),
    ("places:\n  ZZZ: [Karachi]\n", "places of unknown state 'ZZZ'"),
    ("places:\n  PAK: [Beijing]\n", "places of PAK: 'Beijing' already names state 'CHN'"),
    ("dyad: [USA]\n", "dyad must be two different state codes"),
    ("people:\n  - {id: jane-doe}\n", "unknown field 'people'; valid fields: actors, positions"),
    ("- just\n- a list\n", "expected a mapping with any of the keys actors, positions"),
    ("actors: [\n  {id: jane-doe\n", "not valid YAML"),
]


@pytest.mark.parametrize(("text", "message"), BAD_FILES)
def test_invalid_user_files_are_reported_in_one_line(
    tmp_path: Path, text: str, message: str
) -> None:
    path = tmp_path / "user.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(KnowledgeBaseError) as caught:
        KnowledgeBase.load([path])
    error = str(caught.value)
    assert error.startswith(f"{path}: ")
    assert message in error
    assert "\n" not in error


def test_a_missing_user_file_is_reported_with_its_path(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.yaml"
    with pytest.raises(KnowledgeBaseError) as caught:
        KnowledgeBase.load([path])
    assert str(caught.value) == f"{path}: knowledge-base file not found; check the path"


def test_a_binary_user_file_is_reported_with_its_path(tmp_path: Path) -> None:
    path = tmp_path / "kb.yaml"
    path.write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(KnowledgeBaseError) as caught:
        KnowledgeBase.load([path])
    assert str(caught.value).startswith(f"{path}: cannot read knowledge-base file")


def test_bundled_files_may_not_repeat_an_id() -> None:
    parts = Parts()
    actor = "actors:\n" + person()
    combine(parts, read_text(actor, "kb/actors/a.yaml", "kb"), replace=False)
    with pytest.raises(KnowledgeBaseError) as caught:
        combine(parts, read_text(actor, "kb/actors/b.yaml", "kb"), replace=False)
    assert str(caught.value) == (
        "kb/actors/b.yaml: duplicate actor id 'jane-doe' (already defined in kb/actors/a.yaml)"
    )


def test_international_organisations_are_coded_as_cameo_codes_them(kb: KnowledgeBase) -> None:
    aliases = kb.alias_index()
    for form, code in {
        "United Nations": "UNO",
        "IAEA": "UNO",
        "NATO": "IGO",
        "ASEAN": "IGO",
        "World Bank": "IGO",
        "Amnesty International": "NGO",
        "Red Cross": "NGO",
        "Human Rights Watch": "NGO",
    }.items():
        (actor_id, *_) = aliases[form]
        assert kb.actors[actor_id].country == code, form
    assert (kb.actors["hezbollah"].country, kb.actors["hezbollah"].sector) == ("LBN", "rebel")
    assert not {"IGO", "UNO", "NGO"} & set(kb.default_sides())


def test_movements_that_became_parties_change_sector_on_their_date(kb: KnowledgeBase) -> None:
    assert kb.side_on("anc", "1988-06-01")[:2] == ("ZAF", "rebel")
    assert kb.side_on("anc", "1999-06-01")[:2] == ("ZAF", "party")
    # the SPLM changed country as well: Sudan's rebels, then South Sudan's governing party
    assert kb.side_on("splm", "1995-01-01")[:2] == ("SDN", "rebel")
    assert kb.side_on("splm", "2015-01-01")[:2] == ("SSD", "party")
    assert kb.side_on("fsln", "1985-01-01")[:2] == ("NIC", "government")
    assert kb.side_on("fsln", "1995-01-01")[:2] == ("NIC", "opposition")


def test_no_organisation_alias_names_two_actors_or_a_state(kb: KnowledgeBase) -> None:
    state_forms = {
        form for s in kb.states.values() for form in (*s.names, *s.adjectives, *s.capitals)
    }
    for form, actor_ids in kb.alias_index().items():
        if any(kb.actors[a].kind == "organization" for a in actor_ids):
            assert len(actor_ids) == 1, (form, actor_ids)
            assert form not in state_forms, form
    aliases = kb.alias_index()
    assert "RSF" not in aliases  # Reporters Without Borders and Sudan's Rapid Support Forces
    assert "IRA" not in aliases  # also the Inflation Reduction Act
    assert aliases["ISIS"] == ("islamic-state",)
    assert kb.actors["islamic-state"].country == "IMG"


@pytest.mark.model
def test_new_organisations_and_movements_link_in_a_sentence(extractor: Any) -> None:
    def events(text: str, published: str) -> set[tuple[str, str, str, str, str]]:
        doc = Document(Document.make_id(text), text, published=published, origin="test")
        result = extractor.process(doc)
        assert isinstance(result, Extraction), result
        return {
            (e.source.actor_id, e.source.sector, e.type, e.target.actor_id, e.target.country)
            for e in result.events
        }

    # "Warsaw Pact" is the alliance, not Poland's capital
    assert events("The Warsaw Pact accused NATO of provocation.", "1985-03-01") == {
        ("warsaw-pact", "military", "ACCUSE", "nato", "IGO")
    }
    assert events("The G20 called on China to cut tariffs.", "2019-06-01") == {
        ("g20", "government", "REQUEST", "state:CHN", "CHN")
    }
    assert events("The ANC called on Pretoria to release political prisoners.", "1988-06-01") == {
        ("anc", "rebel", "REQUEST", "state:ZAF", "ZAF")
    }
    assert events("The United States condemned al-Qaeda for the attack.", "2001-09-12") == {
        ("state:USA", "government", "ACCUSE", "al-qaeda", "IMG")
    }


def test_the_two_holders_of_an_office_are_each_sides_that_day(kb: KnowledgeBase) -> None:
    sides = ("USA", "CHN")
    assert kb.pair_holders("defence ministers", sides, "2024-06-01") == ("lloyd-austin", "dong-jun")
    assert kb.pair_holders("top diplomats", sides, "2019-06-01") == ("mike-pompeo", "wang-yi")
    assert kb.pair_holders("defence ministers", sides, "2023-11-15") is None  # office vacant
    assert kb.pair_holders("plumbers", sides, "2024-06-01") is None


def test_a_pair_phrase_names_one_office_per_country(tmp_path: Path) -> None:
    path = tmp_path / "user.yaml"
    path.write_text(
        "positions:\n  - key: usa.war_secretary\n    title: Secretary of War\n"
        "    country: USA\n    sector: government\n    patterns: [Secretary of War]\n"
        "    pairs: [defence ministers]\n",
        encoding="utf-8",
    )
    with pytest.raises(KnowledgeBaseError, match="pair phrase 'defence ministers' is already"):
        KnowledgeBase.load([path])
