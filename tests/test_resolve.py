"""``backchannel resolve``: who a short actor text names on a date, as the linker reads it."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from backchannel.cli import main
from backchannel.kb.records import GroupNoun
from backchannel.resolve import AgentNouns, Resolver

FIELDS = [
    "text",
    "date",
    "resolved",
    "how",
    "matched",
    "actor_id",
    "name",
    "kind",
    "country",
    "sector",
    "code",
    "role",
    "origin",
]


@pytest.fixture(scope="module")
def resolver(extractor: object) -> Resolver:
    from backchannel.pipeline import Extractor

    assert isinstance(extractor, Extractor)
    return Resolver(extractor)


def _resolve(argv: list[str], stdin: str = "") -> tuple[int, str]:
    """The command run in-process, as a user runs it; its exit status and standard output."""
    out = io.StringIO()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("sys.stdin", io.StringIO(stdin))
        code = main(["resolve", *argv], out=out)
    return code, out.getvalue()


# ── agent nouns, without the model ───────────────────────────────────────────

NOUNS = AgentNouns(
    [
        GroupNoun("journalists", "media"),
        GroupNoun("police", "police", office=True),
        GroupNoun("police officers", "police", office=True),
        GroupNoun("river pilot", "business", office=True, origin="dictionary"),
    ]
)


def test_an_agent_noun_matches_in_the_singular_and_the_longest_wins() -> None:
    found = NOUNS.find("a journalist")
    assert found is not None and found.noun.sector == "media"
    found = NOUNS.find("two police officers")
    assert found is not None and found.noun.noun == "police officers"
    assert NOUNS.find("a journal") is None


def test_a_dictionary_noun_counts_in_lower_case_or_as_the_first_word() -> None:
    assert NOUNS.find("the river pilot") is not None
    assert NOUNS.find("River pilot") is not None
    assert NOUNS.find("the River Pilot Association") is None  # a name, not the office


def test_a_noun_inside_the_linked_mention_is_not_found_again() -> None:
    assert NOUNS.find("police in Freedonia", skip=(0, 6)) is None


def test_a_capitalised_noun_a_capitalised_word_follows_is_part_of_a_name() -> None:
    assert NOUNS.find("the Police Academy of Freedonia") is None
    found = NOUNS.find("the Freedonian Police")
    assert found is not None and found.noun.sector == "police"
    assert NOUNS.find("police Academy") is not None  # a lower-case noun is the noun


def test_cameo_agent_codes_are_reported_in_plover_types() -> None:
    from backchannel.kb.petrarch import cameo

    plover = cameo().plover
    assert plover("MED") == "JRN"  # CAMEO's media
    assert plover("HLH") == "MED"  # CAMEO's health is PLOVER's MED
    assert [plover(c) for c in ("MUS", "CHRCTH", "JEW")] == ["REL", "RELCTH", "REL"]
    assert plover("OPP") == "CVL" and plover("OPPMED") == "CVLJRN"
    assert plover("GOVHLH") == "GOVMED" and plover("MILGOV") == "MILGOV"


# ── the resolver on the real pipeline ────────────────────────────────────────


@pytest.mark.model
def test_a_kb_person_has_the_sector_of_the_date(resolver: Resolver) -> None:
    serving, retired = resolver.resolve_dated(
        [("Cui Tiankai", "2016-05-01"), ("Cui Tiankai", "2023-05-01")]
    )
    assert serving.actor_id == "cui-tiankai"
    assert (serving.country, serving.sector) == ("CHN", "government")
    assert serving.role == "Ambassador of China to the United States"
    assert (retired.country, retired.sector) == ("CHN", "retired")
    assert retired.role == "former Ambassador of China to the United States"


@pytest.mark.model
def test_a_group_takes_the_country_word(resolver: Resolver) -> None:
    police, soldiers = resolver.resolve(["Chilean police", "soldiers from Chile"], "2024-01-10")
    assert (police.actor_id, police.country, police.sector) == ("group:CHL:police", "CHL", "police")
    assert (soldiers.country, soldiers.sector, soldiers.how) == (
        "CHL",
        "military",
        "state+agent-noun",
    )
    assert soldiers.actor_id == "group:CHL:military"


@pytest.mark.model
def test_a_bare_agent_noun_has_a_sector_and_no_country(resolver: Resolver) -> None:
    reporter, minister = resolver.resolve(["a journalist", "the defence minister"], "2024-01-10")
    assert (reporter.resolved, reporter.how, reporter.sector) == (True, "agent-noun", "media")
    assert reporter.country is None and reporter.actor_id is None
    assert (minister.sector, minister.country) == ("government", None)


@pytest.mark.model
def test_the_agent_code_is_the_sectors_a_capital_is_the_government_a_country_none(
    resolver: Resolver,
) -> None:
    police, minister, capital, country = resolver.resolve(
        ["Chilean police", "the defence minister", "Beijing", "China"], "2024-01-10"
    )
    assert (police.code, minister.code) == ("COP", "GOV")
    assert (capital.country, capital.code) == ("CHN", "GOV")  # "Beijing said": the government
    assert (country.country, country.code) == ("CHN", None)  # the country names no agent


@pytest.mark.model
def test_an_agent_noun_after_former_is_one_who_left(resolver: Resolver) -> None:
    reporter, police, serving = resolver.resolve(
        ["a former journalist", "former Chilean police", "the journalist formerly"], "2024-01-10"
    )
    assert (reporter.sector, reporter.code, reporter.country) == ("retired", "ELI", None)
    assert (police.actor_id, police.sector, police.code) == ("group:CHL:police", "retired", "ELI")
    assert (serving.sector, serving.code) == ("media", "JRN")


@pytest.mark.model
def test_a_noun_finer_than_its_sector_keeps_its_own_code(resolver: Resolver) -> None:
    """Doctors are civilians on the map and MED in PLOVER's types; media is JRN."""
    answers = resolver.resolve(
        ["Ukrainian doctors", "Syrian refugees", "Kenyan herders", "a journalist", "British MPs"],
        "2024-01-10",
    )
    assert [(a.country, a.sector, a.code) for a in answers] == [
        ("UKR", "civilian", "MED"),
        ("SYR", "civilian", "REF"),
        ("KEN", "civilian", "AGR"),
        (None, "media", "JRN"),
        ("GBR", "legislature", "LEG"),
    ]


@pytest.mark.model
def test_people_of_no_type_are_unk_and_lose_to_a_typed_noun(resolver: Resolver) -> None:
    member, soldiers, iraqi = resolver.resolve(
        ["party members", "a group of soldiers", "a man from Iraq"], "2024-01-10"
    )
    assert (member.code, member.sector, member.actor_id) == ("UNK", None, None)
    assert (soldiers.code, soldiers.sector) == ("MIL", "military")
    assert (iraqi.country, iraqi.code) == ("IRQ", "UNK")


@pytest.mark.model
def test_a_state_read_through_its_noun_still_gives_the_noun(resolver: Resolver) -> None:
    """ "Chinese students" links as China (visas on them); resolve answers the students."""
    (students,) = resolver.resolve(["Chinese students"], "2024-01-10")
    assert (students.country, students.sector, students.code) == ("CHN", "civilian", "EDU")
    assert students.matched == "Chinese students"


@pytest.mark.model
def test_the_named_body_or_person_is_the_answer_over_its_state_or_firm(
    resolver: Resolver,
) -> None:
    isi, founder = resolver.resolve(["Pakistan's ISI", "Alibaba founder Jack Ma"], "2024-01-10")
    assert (isi.actor_id, isi.country, isi.code) == ("isi", "PAK", "SPY")
    assert (founder.actor_id, founder.code) == ("jack-ma", "BUS")


@pytest.mark.model
def test_a_post_in_a_coded_body_takes_its_code_on_the_date(resolver: Resolver) -> None:
    """Putin directed the FSB in 1998 (SPY) and was prime minister in 2009 (GOV)."""
    spy, premier = resolver.resolve_dated(
        [("Vladimir Putin", "1998-09-01"), ("Vladimir Putin", "2009-06-01")]
    )
    assert (spy.sector, spy.code) == ("government", "SPY")
    assert (premier.sector, premier.code) == ("government", "GOV")


@pytest.mark.model
def test_a_breakaway_state_is_its_parent_states_separatists(resolver: Resolver) -> None:
    (region,) = resolver.resolve(["Transnistria"], "2024-01-10")
    assert (region.country, region.sector, region.code) == ("MDA", "rebel", "PRE")


@pytest.mark.model
def test_intergovernmental_bodies_and_their_officials_are_igo(resolver: Resolver) -> None:
    body, head = resolver.resolve(
        ["the IMF", "UN Secretary-General António Guterres"], "2024-01-10"
    )
    assert (body.country, body.code) == ("IGO", "IGO")
    assert (head.country, head.code) == ("UNO", "IGO")


@pytest.mark.model
def test_a_kb_body_may_carry_a_code_finer_than_its_sector(tmp_path: Path) -> None:
    kb = tmp_path / "mine.yaml"
    kb.write_text(
        "actors:\n"
        "  - {id: freedonia-intelligence, name: Freedonian Intelligence Bureau,"
        " kind: organization, country: FRA, sector: government, code: SPY}\n",
        encoding="utf-8",
    )
    code, out = _resolve(["the Freedonian Intelligence Bureau", "--kb", str(kb), "--format=json"])
    assert code == 0
    (row,) = json.loads(out)
    assert (row["country"], row["sector"], row["code"]) == ("FRA", "government", "SPY")


@pytest.mark.model
def test_unknown_text_resolves_to_nothing(resolver: Resolver) -> None:
    (answer,) = resolver.resolve(["Quorblax Vendimere"], "2024-01-10")
    assert not answer.resolved
    assert answer.to_dict() == {
        **dict.fromkeys(FIELDS),
        "text": "Quorblax Vendimere",
        "date": "2024-01-10",
        "resolved": False,
    }


@pytest.mark.model
def test_the_bare_agent_fallback_adds_nothing_to_extraction(extractor: object) -> None:
    """The channel map gets no countryless node: the linker still leaves "soldiers" unlinked."""
    from backchannel.model import Document, Extraction
    from backchannel.pipeline import Extractor

    assert isinstance(extractor, Extractor)
    result = extractor.process(Document("d1", "Soldiers met a journalist.", published="2024-01-10"))
    assert isinstance(result, Extraction) and not result.mentions


# ── the command ──────────────────────────────────────────────────────────────


@pytest.mark.model
def test_json_has_one_object_per_text_with_the_documented_fields() -> None:
    code, out = _resolve(["Cui Tiankai", "soldiers", "--date", "2016-05-01", "--format", "json"])
    assert code == 0
    rows = json.loads(out)
    assert [list(r) for r in rows] == [FIELDS, FIELDS]
    assert rows[0]["sector"] == "government" and rows[0]["date"] == "2016-05-01"
    assert rows[1]["sector"] == "military" and rows[1]["country"] is None


@pytest.mark.model
def test_texts_from_standard_input_one_per_line() -> None:
    code, out = _resolve(["-", "--format", "jsonl"], stdin="Chilean police\n\nCui Tiankai\n")
    assert code == 0
    assert [json.loads(line)["text"] for line in out.splitlines()] == [
        "Chilean police",
        "Cui Tiankai",
    ]


@pytest.mark.model
def test_the_table_says_when_nothing_resolved_and_exits_1() -> None:
    code, out = _resolve(["Quorblax Vendimere"])
    assert code == 1
    assert "nothing resolved" in out


@pytest.mark.model
def test_a_user_kb_person_is_resolved_by_the_roles_of_the_date(tmp_path: Path) -> None:
    kb = tmp_path / "mine.yaml"
    kb.write_text(
        "actors:\n"
        "  - id: odile-varenne\n"
        "    name: Odile Varenne\n"
        "    kind: person\n"
        "    country: FRA\n"
        "    sector: academic\n"
        "    surname: Varenne\n"
        "    roles:\n"
        "      - {title: Special Envoy, org: Example Office, country: FRA,"
        " sector: government, start: 2025-01-01, end: null}\n",
        encoding="utf-8",
    )
    rows = [
        json.loads(_resolve(["Odile Varenne", "--kb", str(kb), "--date", day, "--format=json"])[1])[
            0
        ]
        for day in ("2024-06-01", "2025-06-02")
    ]
    assert [(r["sector"], r["role"]) for r in rows] == [
        ("academic", None),
        ("government", "Special Envoy"),
    ]


@pytest.mark.model
def test_an_agent_dictionary_adds_nouns(tmp_path: Path) -> None:
    agents = tmp_path / "agents.txt"
    agents.write_text("LAMPLIGHTER [~CVL]\n", encoding="utf-8")
    code, out = _resolve(["the lamplighters", "--agent-dictionary", str(agents), "--format=json"])
    assert code == 0
    (row,) = json.loads(out)
    assert (row["sector"], row["origin"], row["country"]) == ("civilian", "dictionary", None)
    assert row["code"] == "CVL"


@pytest.mark.model
def test_a_dictionary_code_with_no_sector_is_reported_and_never_linked(
    tmp_path: Path, extractor: object
) -> None:
    """ "pickpockets" ([~CRM]) resolves to its code, with a country when one is named."""
    from backchannel.model import Document, Extraction
    from backchannel.pipeline import Extractor, Settings

    agents = tmp_path / "agents.txt"
    agents.write_text("PICKPOCKET [~CRM]\nSAPPER [~MILGOV]\n", encoding="utf-8")
    texts = ["a pickpocket", "Chilean pickpockets", "pickpockets from Chile", "Chilean sappers"]
    code, out = _resolve([*texts, "--agent-dictionary", str(agents), "--format=json"])
    assert code == 0
    rows = {r["text"]: r for r in json.loads(out)}
    assert [(r["country"], r["sector"], r["code"], r["actor_id"]) for r in rows.values()] == [
        (None, None, "CRM", None),
        ("CHL", None, "CRM", None),
        ("CHL", None, "CRM", None),
        ("CHL", "military", "MILGOV", "group:CHL:military"),
    ]
    assert rows["Chilean pickpockets"]["how"] == "state+agent-noun"
    assert rows["Chilean pickpockets"]["matched"] == "Chilean pickpockets"
    # extraction is unchanged: a noun with no sector gives the map no node
    assert isinstance(extractor, Extractor)
    settings = Settings(today=extractor.settings.today, agent_dictionaries=(str(agents),))
    with_agents = Extractor(settings)
    result = with_agents.process(
        Document("d1", "Chilean pickpockets met Chilean sappers.", published="2024-01-10")
    )
    assert isinstance(result, Extraction)
    assert [m.actor_id for m in result.mentions] == ["group:CHL:military"]


@pytest.mark.model
@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["   "], "error: an empty TEXT"),
        (["-"], "error: no text to resolve"),
        (["police", "--date", "2999-01-01"], "is after today"),
        (["police", "--agent-dictionary", "/nonexistent/agents.txt"], "agent dictionary not found"),
    ],
)
def test_user_errors_are_one_line(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _ = _resolve(argv, stdin="\n \n")
    err = capsys.readouterr().err
    assert code == 2
    assert message in err and len(err.strip().splitlines()) == 1


def test_a_bad_date_is_rejected_by_the_parser(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        _resolve(["police", "--date", "2024-13-01"])
    assert exit_.value.code == 2
    assert "'2024-13-01' is not a date: use YYYY-MM-DD" in capsys.readouterr().err


# ── the NGEC figure measures the command ─────────────────────────────────────


@pytest.mark.model
def test_ngec_scores_what_resolve_answers(extractor: object, tmp_path: Path) -> None:
    from backchannel.evaluate.ngec import RELATIVE, evaluate_ngec
    from backchannel.pipeline import Extractor

    assert isinstance(extractor, Extractor)
    cases = [
        ("retired-envoy", "Cui Tiankai", "2023-05-01", [("country", "CHN"), ("code_1", "ELI")]),
        ("bare-reporter", "a journalist", None, [("country", None), ("code_1", "JRN")]),
        ("wrong-sector", "Chilean police", None, [("code_1", "MIL")]),
    ]
    gold = tmp_path / RELATIVE
    gold.parent.mkdir(parents=True)
    gold.write_text(
        "".join(
            json.dumps(
                {
                    "test": case_id,
                    "method": "agent_to_code",
                    "marks": [],
                    "args": [text],
                    "kwargs": {"query_date": day} if day else {},
                    "assertions": [{"field": f, "op": "Eq", "expected": v} for f, v in expected],
                }
            )
            + "\n"
            for case_id, text, day, expected in cases
        ),
        encoding="utf-8",
    )
    report = evaluate_ngec(extractor, tmp_path)
    measures = {m.name: (m.value, m.n) for m in report.measures}
    assert measures["assertions_met"] == (4 / 5, 5)
    assert measures["dated_assertions_met"] == (1.0, 2)
    assert [m.item_id for m in report.misses] == ["wrong-sector"]
