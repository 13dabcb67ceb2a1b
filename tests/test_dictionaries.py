"""PETRARCH actor and agent dictionaries as extra KB sources: format, mapping, priority, linking.

Every dictionary here is invented for the tests (fictional people and codes
in the PETRARCH format); the Phoenix files are read only from the shared
data folder, by the last test, which skips when they are absent.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from backchannel.cli import main
from backchannel.errors import KnowledgeBaseError
from backchannel.kb import KnowledgeBase
from backchannel.kb.dictionaries import name_key
from backchannel.kb.petrarch import actor_of, group_nouns_of, parse_actors, parse_agents
from backchannel.model import Document, Extraction

STATES = frozenset({"FRA", "DEU", "USA", "CHN", "SDN"})

ACTORS = """\
# an invented dictionary <!-- with a comment
spanning two lines -->
MARTA_KOVANIC_  # a comment
+PRESIDENT_KOVANIC
+MARTA_KOVANIČ ; a legacy comment
\t[FRAELI 550101-890630]
\t[FRAGOV 890701-19990131]
\t[FRAELI]
TOMAS_VERLAINE_ [DEUMIL]
+GENERAL_VERLAINE
\t[DEUGOVLEG <920101]
\t[DEUGOV > 300601]
VELDT_LIBERATION_FRONT_  [SDNREBMUS]
ARBITRATION_UNION_ [IGOUNOJUD]
GREY_HARBOUR_ACTIVISTS_ [NGOHRI]
NEUTRAL_SHIPPING_LEAGUE_ [IGO]
FRANCE_  [FRA]
+PARIS_
ODD_LANDER [XYZGOV]
"""


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(autouse=True)
def _private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test parses afresh and leaves no cache behind."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


# ── the actor format ─────────────────────────────────────────────────────────


def test_actor_records_keep_phrases_codes_and_dated_restrictions() -> None:
    entries = parse_actors(ACTORS, "invented.txt")
    first = entries[0]
    assert first.phrases == ("MARTA_KOVANIC_", "PRESIDENT_KOVANIC", "MARTA_KOVANIČ")
    assert first.line == 3
    assert [(r.code, r.start, r.end) for r in first.restrictions] == [
        ("FRAELI", "1955-01-01", "1989-06-30"),  # 55 → 1955: above the century pivot
        ("FRAGOV", "1989-07-01", "1999-01-31"),  # eight digits are read as they are
        ("FRAELI", None, None),
    ]
    second = entries[1]
    assert second.default == "DEUMIL"
    assert [(r.start, r.end) for r in second.restrictions] == [
        (None, "1992-01-01"),  # <d: up to and including d
        ("2030-06-01", None),  # >d with a blank; 30 → 2030: the pivot itself
    ]


def test_actor_maps_onto_country_sector_and_dated_roles() -> None:
    entries = {e.phrases[0]: e for e in parse_actors(ACTORS, "invented.txt")}
    kovanic = actor_of(entries["MARTA_KOVANIC_"], "dict:marta-kovanic", STATES)
    assert kovanic is not None
    assert (kovanic.kind, kovanic.country, kovanic.sector) == ("person", "FRA", "retired")
    assert [(r.country, r.sector, r.start) for r in kovanic.roles] == [
        ("FRA", "retired", "1955-01-01"),
        ("FRA", "government", "1989-07-01"),
    ]
    front = actor_of(entries["VELDT_LIBERATION_FRONT_"], "x", STATES)
    union = actor_of(entries["ARBITRATION_UNION_"], "y", STATES)
    activists = actor_of(entries["GREY_HARBOUR_ACTIVISTS_"], "z", STATES)
    assert front is not None and union is not None and activists is not None
    assert (front.kind, front.country, front.sector) == ("organization", "SDN", "rebel")
    assert (union.country, union.sector) == ("UNO", "judiciary")
    assert (activists.country, activists.sector) == ("NGO", "ngo")
    league = actor_of(entries["NEUTRAL_SHIPPING_LEAGUE_"], "l", STATES)
    assert league is not None and (league.kind, league.country) == ("organization", "IGO")
    # a country with its capital names places (the KB's states); an unknown country, nothing
    assert actor_of(entries["FRANCE_"], "f", STATES) is None
    assert actor_of(entries["ODD_LANDER"], "o", STATES) is None


def test_names_fold_case_accents_dots_and_separators() -> None:
    assert name_key("MARTA_KOVANIČ") == name_key("Marta Kovanic") == ("marta", "kovanic")
    assert name_key("U.S._ENVOY") == ("us", "envoy")
    assert name_key("AL-RASHAD") == name_key("al-Rashad") == ("al", "rashad")


WORD = st.text(st.sampled_from("ABCDEFGHIJKLMNOPQRSTUVWXYZ"), min_size=1, max_size=8)
DAY = st.dates(min_value=dt.date(1931, 1, 1), max_value=dt.date(2030, 12, 31))


@st.composite
def records(draw: st.DrawFn) -> tuple[list[str], list[tuple[str, dt.date | None, dt.date | None]]]:
    """An actor record: phrases, and restrictions as (code, start, end) with open ends."""
    phrases = ["_".join(draw(st.lists(WORD, min_size=1, max_size=4))) for _ in range(3)]
    restrictions = []
    for _ in range(draw(st.integers(0, 4))):
        code = draw(st.sampled_from(["FRAGOV", "DEUMILJUD", "IGOUNO", "---"]))
        start, end = draw(st.one_of(st.none(), DAY)), draw(st.one_of(st.none(), DAY))
        restrictions.append((code, start, end))
    return phrases[: draw(st.integers(1, 3))], restrictions


def _restriction_text(start: dt.date | None, end: dt.date | None, digits: int) -> str:
    """`` d1-d2``, `` >d``, `` <d`` or nothing, each day written with ``digits`` digits."""

    def day(value: dt.date) -> str:
        return value.strftime("%Y%m%d")[8 - digits :]

    if start and end:
        return f" {day(start)}-{day(end)}"
    if start:
        return f" >{day(start)}"
    return f" <{day(end)}" if end else ""


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


@settings(max_examples=60, deadline=None)
@given(st.lists(records(), min_size=1, max_size=5), st.sampled_from([6, 8]))
def test_any_written_dictionary_reads_back_as_written(
    written: list[tuple[list[str], list[tuple[str, dt.date | None, dt.date | None]]]],
    digits: int,
) -> None:
    # six-digit years only between 1931 and 2030, which the century pivot reads back
    lines = []
    for phrases, restrictions in written:
        lines += [phrases[0] + "_  # a comment", *("+" + p for p in phrases[1:])]
        lines += [f"\t[{c}{_restriction_text(s, e, digits)}]" for c, s, e in restrictions]
    entries = parse_actors("\n".join(lines), "generated.txt")
    assert [e.phrases for e in entries] == [(p[0] + "_", *p[1:]) for p, _ in written]
    for entry, (_, restrictions) in zip(entries, written, strict=True):
        got = [(r.code, r.start, r.end) for r in entry.restrictions]
        assert got == [(c, _iso(s), _iso(e)) for c, s, e in restrictions]


# ── the agent format ─────────────────────────────────────────────────────────


def test_agents_expand_plurals_markers_and_sector_codes() -> None:
    text = """\
!PERSON! = MAN, MEN, WOMAN, WOMEN
HARBOUR_PILOT [~BUS]
FERRY!PERSON! [~BUS]
LAMPLIGHTER {LAMPLIGHTERS_OF_OLD} [~CVL]
SHEEP {} [~AGR]
VALLEY_MILITIA [~REBMIL]
WATCHDOG [NGO~]
ISLAND_SENTRY
PICKPOCKET [~CRM]
"""
    found = group_nouns_of(parse_agents(text, "agents.txt"))
    nouns = {g.noun: g.sector for g in found}
    codes = {g.noun: g.code for g in found}
    assert codes["valley militia"] == "REBMIL" and codes["ferrymen"] == "BUS"
    # a code that names no KB sector is kept, with no sector, for resolve to report
    assert (nouns["pickpockets"], codes["pickpockets"]) == ("", "CRM")
    assert nouns["harbour pilot"] == nouns["harbour pilots"] == "business"
    assert nouns["ferryman"] == nouns["ferrywomen"] == "business"
    assert "ferrymans" not in nouns  # a marker's forms are given whole
    assert nouns["lamplighters of old"] == "civilian" and "lamplighters" not in nouns
    assert "sheeps" not in nouns and nouns["sheep"] == "civilian"
    assert nouns["valley militias"] == "rebel"
    assert nouns["watchdog"] == "ngo"
    assert "island sentry" not in nouns  # no code: codes nothing


# ── errors ───────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("\t[FRAGOV 900101-910101]\n", "line 1: a date restriction before any actor phrase"),
        ("+LONE_SYNONYM\n", "line 1: a '+' synonym before any actor phrase"),
        ("NAME_ONE\n\t[FRAGOV 900101-910101\n", "line 2: '[' is not closed by ']'"),
        ("NAME_ONE\n\t[FRAGOV 9001-910101]\n", "line 2: date '9001' is not a day"),
        ("NAME_ONE\n\t[FRAGOV 900230-910101]\n", "line 2: date '900230' is not a day"),
        ("NAME_ONE\n\t[fra_gov]\n", "line 2: 'fra_gov' is not a CAMEO code"),
    ],
)
def test_malformed_actor_dictionary_names_the_line(tmp_path: Path, text: str, message: str) -> None:
    path = _write(tmp_path, "bad.actors.txt", text)
    with pytest.raises(KnowledgeBaseError, match=re.escape(message)) as caught:
        KnowledgeBase.load(actor_dictionaries=[path])
    assert str(caught.value).startswith(str(path))


def test_missing_unreadable_and_binary_dictionaries_are_one_line_errors(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeBaseError, match="actor dictionary not found; check the path"):
        KnowledgeBase.load(actor_dictionaries=[tmp_path / "nope.txt"])
    with pytest.raises(KnowledgeBaseError, match="is a directory"):
        KnowledgeBase.load(agent_dictionaries=[tmp_path])
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"NAME_\xff\xfe\n")
    with pytest.raises(KnowledgeBaseError, match=r"not UTF-8 text \(byte 5\)"):
        KnowledgeBase.load(actor_dictionaries=[binary])
    agents = _write(tmp_path, "bad.agents.txt", "SENTRY [~MIL]\nWARDEN [GOV]\n")
    with pytest.raises(KnowledgeBaseError, match=r"line 2: agent code 'GOV' has no '~'"):
        KnowledgeBase.load(agent_dictionaries=[agents])


def test_cli_reports_a_bad_dictionary_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "missing.actors.txt"
    code = main(
        ["run", "-", "--db", str(tmp_path / "x.duckdb"), "--actor-dictionary", str(missing)]
    )
    err = capsys.readouterr().err
    assert code == 2
    assert err.strip() == f"error: {missing}: actor dictionary not found; check the path"


# ── the KB wins ──────────────────────────────────────────────────────────────


def test_the_bundled_kb_wins_every_conflict(tmp_path: Path) -> None:
    bundled = KnowledgeBase.load()
    actors = _write(
        tmp_path,
        "conflict.actors.txt",
        # a KB person under a stale code, and a new person who shares a form with her
        "SCOTT_BESSENT_\n\t[USABUS >150101]\nJONAS_FERRIER_\n+SCOTT_BESSENT\n\t[FRAGOV >150101]\n"
        "MARTA_KOVANIC_\n\t[FRAGOV >150101]\n",
    )
    agents = _write(tmp_path, "conflict.agents.txt", "OFFICIAL [~MIL]\nHARBOUR_PILOT [~BUS]\n")
    kb = KnowledgeBase.load(actor_dictionaries=[actors], agent_dictionaries=[agents])
    added = {a for a in kb.actors if a.startswith("dict:")}
    assert added == {"dict:marta-kovanic"}
    assert kb.side_on("scott-bessent", "2025-06-01") == bundled.side_on(
        "scott-bessent", "2025-06-01"
    )
    sectors = {g.noun: g.sector for g in kb.groups}
    assert sectors["official"] == "government" and sectors["harbour pilot"] == "business"
    # dictionary actors are matched under guards, never through the exact alias index
    assert "Marta Kovanic" not in kb.alias_index()


# ── linking in text (the real model) ─────────────────────────────────────────

LINKING = """\
MARTA_KOVANIC_
+PRESIDENT_KOVANIC
\t[FRAELI 550101-890630]
\t[FRAGOV 890701-990131]
ANDRIS_HOLM_
+PRESIDENT_HOLM
\t[DEUGOV 800101-891231]
PETRA_HOLM_
+PRESIDENT_HOLM
\t[DEUGOV 900101-991231]
GREEN_VALLEY_
\t[DEUGOV >800101]
VERLAINE_
\t[FRAGOV >800101]
PRIME_MINISTER_
\t[FRAGOV >800101]
LI_WENMING_
\t[CHNGOV >800101]
"""


def _extract(tmp_path: Path, text: str, published: str) -> Extraction:
    from backchannel.pipeline import Extractor, Settings

    path = _write(tmp_path, "linking.actors.txt", LINKING)
    extractor = Extractor(Settings(today="2026-11-25", actor_dictionaries=(str(path),)))
    result = extractor.process(Document(doc_id="d", text=text, published=published))
    assert isinstance(result, Extraction)
    return result


@pytest.mark.model
def test_dictionary_people_link_with_their_dated_country_and_sector(tmp_path: Path) -> None:
    result = _extract(tmp_path, "Marta Kovanič met Chinese officials in Beijing.", "1994-05-02")
    assert next((m.text, m.actor_id, m.how) for m in result.mentions) == (
        "Marta Kovanič",
        "dict:marta-kovanic",
        "dictionary",
    )
    (event,) = result.events
    assert (event.source.country, event.source.sector) == ("FRA", "government")
    assert {a.actor_id for a in result.new_actors} == {"dict:marta-kovanic"}  # for the store


@pytest.mark.model
def test_a_phrase_two_dictionary_people_share_links_to_the_one_in_office(tmp_path: Path) -> None:
    in_1985 = _extract(tmp_path, "President Holm met Chinese officials.", "1985-03-01")
    in_1995 = _extract(tmp_path, "President Holm met Chinese officials.", "1995-03-01")
    assert in_1985.mentions[0].actor_id == "dict:andris-holm"
    assert in_1995.mentions[0].actor_id == "dict:petra-holm"


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "surname"),
    [
        ("Marta Kovanič arrived in Beijing. Later, Kovanič criticized Washington.", "Kovanič"),
        ("Marta Kovanič arrived in Beijing. Chancellor Kovanič criticized Washington.", "Kovanič"),
        # family name first, and a surname KB people share: the one named in full wins
        ("Li Wenming arrived in Paris. Li criticized Washington on Tuesday.", "Li"),
    ],
)
def test_a_lone_surname_is_the_dictionary_person_named_in_full_before(
    tmp_path: Path, text: str, surname: str
) -> None:
    result = _extract(tmp_path, text, "1994-05-02")
    named = next(m.actor_id for m in result.mentions if m.how == "dictionary")
    assert (surname, named, "surname") in {(m.text, m.actor_id, m.how) for m in result.mentions}
    (event,) = [e for e in result.events if e.target.actor_id == "state:USA"]
    assert (event.source.actor_id, event.type) == (named, "ACCUSE")


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Kovanič criticized Washington on Tuesday.",  # never named in full
        "Andris Holm met Petra Holm in Bonn. Holm criticized Washington.",  # two Holms
        "Marta Kovanič arrived. Jana Kovanič criticized Washington.",  # another Kovanič
    ],
)
def test_a_lone_surname_stays_unlinked_unless_one_person_was_named_in_full(
    tmp_path: Path, text: str
) -> None:
    result = _extract(tmp_path, text, "1994-05-02")
    assert not [m for m in result.mentions if m.how == "surname"]


@pytest.mark.model
def test_guards_keep_words_titles_and_lower_case_phrases_unlinked(tmp_path: Path) -> None:
    text = "The green valley flooded, Verlaine said, and the prime minister met Chinese officials."
    result = _extract(tmp_path, text, "1995-03-01")
    assert not [m for m in result.mentions if m.how == "dictionary"]


@pytest.mark.model
def test_a_real_sentence_about_a_non_kb_actor_links_with_the_phoenix_dictionary(
    shared: Path,
) -> None:
    from backchannel.pipeline import Extractor, Settings

    folder = shared / "data" / "actors"
    if not (folder / "Phoenix.Countries.actors.txt").is_file():
        pytest.skip(f"Phoenix dictionaries not found in {folder}")
    extractor = Extractor(
        Settings(
            today="2026-11-25",
            actor_dictionaries=(str(folder / "Phoenix.Countries.actors.txt"),),
            agent_dictionaries=(str(folder / "Phoenix.agents.txt"),),
        )
    )
    text = "Francois Mitterrand met Chinese Premier Li Peng in Paris."
    result = extractor.process(Document(doc_id="m", text=text, published="1991-06-10"))
    assert isinstance(result, Extraction)
    linked = {m.text: m.actor_id for m in result.mentions}
    assert linked["Francois Mitterrand"] == "dict:francois-mitterrand"
    (event,) = result.events
    assert (event.source.country, event.source.sector) == ("FRA", "government")
    assert event.target.country == "CHN"
