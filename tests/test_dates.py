"""Date resolution: every supported form against fixed reference days, the traps, and properties."""

from __future__ import annotations

import itertools
import re
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from backchannel.errors import KnowledgeBaseError, UsageError
from backchannel.model import UNKNOWN_DATE, DateInterval
from backchannel.nlp.dates import DateMention, era, find_dates, resolve_sentence
from backchannel.nlp.eras import era_table, load_eras

R = "2025-11-20"  # a Thursday
R18 = "2018-12-03"  # a Monday
PRECISIONS = {"day", "week", "month", "quarter", "year", "era", "inferred", "unknown"}
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def only(text: str, reference: str | None = R) -> DateMention:
    found = find_dates(text, reference)
    assert len(found) == 1, f"{text!r}: {found}"
    return found[0]


def spans(text: str, reference: str | None = R) -> list[tuple[str, str | None, str | None, str]]:
    return [
        (m.text, m.interval.start, m.interval.end, m.interval.precision)
        for m in find_dates(text, reference)
    ]


# (text, reference, mention text, start, end, precision)
CASES = [
    # absolute days
    ("They met on December 1, 2018.", R, "December 1, 2018", "2018-12-01", "2018-12-01", "day"),
    ("They met on Dec. 1, 2018.", R, "Dec. 1, 2018", "2018-12-01", "2018-12-01", "day"),
    ("They met on Sept. 30 2019.", R, "Sept. 30 2019", "2019-09-30", "2019-09-30", "day"),
    ("They met on December 1st, 2018.", R, "December 1st, 2018", "2018-12-01", "2018-12-01", "day"),
    ("They met on 1 December 2018.", R, "1 December 2018", "2018-12-01", "2018-12-01", "day"),
    ("They met on 2018-12-01.", None, "2018-12-01", "2018-12-01", "2018-12-01", "day"),
    ("Talks ran December 1-3, 2018.", R, "December 1-3, 2018", "2018-12-01", "2018-12-03", "day"),
    (
        "On Saturday, Dec. 1, Xi met Trump.",
        R18,
        "Saturday, Dec. 1",
        "2018-12-01",
        "2018-12-01",
        "day",
    ),
    # a day without a year: the latest one no more than a week after R
    ("They met on Dec 1.", R18, "Dec 1", "2018-12-01", "2018-12-01", "day"),
    ("They met on Dec 1.", R, "Dec 1", "2024-12-01", "2024-12-01", "day"),
    ("They will meet on Nov. 25.", R, "Nov. 25", "2025-11-25", "2025-11-25", "day"),
    ("They will meet on Nov. 28.", R, "Nov. 28", "2024-11-28", "2024-11-28", "day"),
    # months
    ("They met in December 2018.", None, "December 2018", "2018-12-01", "2018-12-31", "month"),
    (
        "They met in December of 2018.",
        None,
        "December of 2018",
        "2018-12-01",
        "2018-12-31",
        "month",
    ),
    ("They met in December.", R, "December", "2024-12-01", "2024-12-31", "month"),
    ("They met in December.", R18, "December", "2018-12-01", "2018-12-31", "month"),
    ("They met in November.", R, "November", "2025-11-01", "2025-11-30", "month"),
    ("They met last December.", R, "last December", "2024-12-01", "2024-12-31", "month"),
    ("They met in May last year.", R, "May last year", "2024-05-01", "2024-05-31", "month"),
    ("They will meet next March.", R, "next March", "2026-03-01", "2026-03-31", "month"),
    ("They met in mid-December.", R18, "mid-December", "2018-12-11", "2018-12-20", "month"),
    (
        "They met in late February 2024.",
        None,
        "late February 2024",
        "2024-02-21",
        "2024-02-29",
        "month",
    ),
    # years, only after a time preposition
    ("Tariffs rose in 2020.", None, "2020", "2020-01-01", "2020-12-31", "year"),
    ("It has grown since 2019.", None, "2019", "2019-01-01", "2019-12-31", "year"),
    ("They aim to finish by 2021.", None, "2021", "2021-01-01", "2021-12-31", "year"),
    ("The talks of 2018 failed.", None, "2018", "2018-01-01", "2018-12-31", "year"),
    ("It ran from 2017 to 2019.", None, "2017 to 2019", "2017-01-01", "2019-12-31", "year"),
    # thirds of a year, quarters, halves, seasons: all 'quarter'
    ("It slowed in early 2019.", None, "early 2019", "2019-01-01", "2019-04-30", "quarter"),
    ("It slowed in mid-2019.", None, "mid-2019", "2019-05-01", "2019-08-31", "quarter"),
    ("It slowed in late 2019.", None, "late 2019", "2019-09-01", "2019-12-31", "quarter"),
    ("It slowed late last year.", R, "late last year", "2024-09-01", "2024-12-31", "quarter"),
    (
        "Exports fell in the first quarter of 2024.",
        None,
        "first quarter of 2024",
        "2024-01-01",
        "2024-03-31",
        "quarter",
    ),
    (
        "Exports fell in the last quarter of 2019.",
        None,
        "last quarter of 2019",
        "2019-10-01",
        "2019-12-31",
        "quarter",
    ),
    ("Exports fell in Q3 2024.", None, "Q3 2024", "2024-07-01", "2024-09-30", "quarter"),
    ("Exports fell last quarter.", R, "last quarter", "2025-07-01", "2025-09-30", "quarter"),
    (
        "Exports fell in the second half of this year.",
        R,
        "second half of this year",
        "2025-07-01",
        "2025-12-31",
        "quarter",
    ),
    ("They met in spring 2023.", None, "spring 2023", "2023-03-01", "2023-05-31", "quarter"),
    (
        "They met in the winter of 2023.",
        None,
        "winter of 2023",
        "2023-12-01",
        "2024-02-29",
        "quarter",
    ),
    ("They met this spring.", R, "this spring", "2025-03-01", "2025-05-31", "quarter"),
    (
        "They met in the summer of last year.",
        R,
        "summer of last year",
        "2024-06-01",
        "2024-08-31",
        "quarter",
    ),
    ("They met last winter.", R, "last winter", "2024-12-01", "2025-02-28", "quarter"),
    # days relative to R
    ("They met today.", R, "today", "2025-11-20", "2025-11-20", "day"),
    ("They met yesterday.", R, "yesterday", "2025-11-19", "2025-11-19", "day"),
    ("They meet tomorrow.", R, "tomorrow", "2025-11-21", "2025-11-21", "day"),
    ("They met yesterday.", R18, "yesterday", "2018-12-02", "2018-12-02", "day"),
    ("They met three days ago.", R, "three days ago", "2025-11-17", "2025-11-17", "day"),
    # weekdays: the latest one on or before R; 'next' is after R, 'last' before it
    ("They met on Tuesday.", R, "Tuesday", "2025-11-18", "2025-11-18", "day"),
    ("They met Thursday.", R, "Thursday", "2025-11-20", "2025-11-20", "day"),
    ("They met on Friday.", R, "Friday", "2025-11-14", "2025-11-14", "day"),
    ("They met Tuesday night.", R18, "Tuesday", "2018-11-27", "2018-11-27", "day"),
    ("They met on Monday.", R18, "Monday", "2018-12-03", "2018-12-03", "day"),
    ("They meet next Tuesday.", R, "next Tuesday", "2025-11-25", "2025-11-25", "day"),
    ("They meet next Thursday.", R, "next Thursday", "2025-11-27", "2025-11-27", "day"),
    ("They met last Thursday.", R, "last Thursday", "2025-11-13", "2025-11-13", "day"),
    # weeks (Monday to Sunday)
    ("They met last week.", R, "last week", "2025-11-10", "2025-11-16", "week"),
    ("They met last week.", R18, "last week", "2018-11-26", "2018-12-02", "week"),
    ("They meet this week.", R, "this week", "2025-11-17", "2025-11-23", "week"),
    ("They meet next week.", R, "next week", "2025-11-24", "2025-11-30", "week"),
    ("They met two weeks ago.", R, "two weeks ago", "2025-11-03", "2025-11-09", "week"),
    ("They met over the weekend.", R, "the weekend", "2025-11-15", "2025-11-16", "week"),
    ("Talks stalled in recent weeks.", R, "recent weeks", "2025-10-23", "2025-11-20", "week"),
    (
        "Talks stalled over the past two weeks.",
        R,
        "the past two weeks",
        "2025-11-06",
        "2025-11-20",
        "week",
    ),
    # months and years relative to R
    ("They met last month.", R, "last month", "2025-10-01", "2025-10-31", "month"),
    ("They met last month.", "2025-01-15", "last month", "2024-12-01", "2024-12-31", "month"),
    ("They meet this month.", R, "this month", "2025-11-01", "2025-11-30", "month"),
    ("They meet next month.", R, "next month", "2025-12-01", "2025-12-31", "month"),
    ("They met six months ago.", R, "six months ago", "2025-05-01", "2025-05-31", "month"),
    ("Talks stalled in recent months.", R, "recent months", "2025-08-20", "2025-11-20", "month"),
    ("They met last year.", R, "last year", "2024-01-01", "2024-12-31", "year"),
    ("They meet this year.", R, "this year", "2025-01-01", "2025-12-31", "year"),
    ("They meet next year.", R, "next year", "2026-01-01", "2026-12-31", "year"),
    ("They met earlier this year.", R, "earlier this year", "2025-01-01", "2025-11-20", "year"),
    ("They met two years ago.", R, "two years ago", "2023-01-01", "2023-12-31", "year"),
    # eras
    (
        "It began in Trump's first term.",
        None,
        "Trump's first term",
        "2017-01-20",
        "2021-01-20",
        "era",
    ),
    (
        "It began under the first Trump administration.",
        None,
        "the first Trump administration",
        "2017-01-20",
        "2021-01-20",
        "era",
    ),
    ("It began in Trump 1.0.", None, "Trump 1.0", "2017-01-20", "2021-01-20", "era"),
    (
        "It began under Trump's first term.",
        None,
        "Trump's first term",
        "2017-01-20",
        "2021-01-20",
        "era",
    ),
    ("Tariffs rose under Trump.", R18, "under Trump", "2017-01-20", "2021-01-20", "era"),
    (
        "It continued under the Biden administration.",
        None,
        "the Biden administration",
        "2021-01-20",
        "2025-01-20",
        "era",
    ),
    (
        "It continued during Biden's presidency.",
        None,
        "Biden's presidency",
        "2021-01-20",
        "2025-01-20",
        "era",
    ),
    ("It continued under Biden.", None, "under Biden", "2021-01-20", "2025-01-20", "era"),
    # two Presidents Bush: the one of the article's time, or the latest before it
    (
        "The Bush administration froze the loans.",
        "1990-06-01",
        "The Bush administration",
        "1989-01-20",
        "1993-01-20",
        "era",
    ),
    (
        "The Bush administration froze the loans.",
        "2005-03-01",
        "The Bush administration",
        "2001-01-20",
        "2009-01-20",
        "era",
    ),
    (
        "Looking back, exports grew under Bush.",
        "1997-05-01",
        "under Bush",
        "1989-01-20",
        "1993-01-20",
        "era",
    ),
    (
        "Looking back, exports grew under Bush.",
        "2014-05-01",
        "under Bush",
        "2001-01-20",
        "2009-01-20",
        "era",
    ),
    (
        "Exports grew under George W. Bush.",
        "1990-06-01",
        "under George W. Bush",
        "2001-01-20",
        "2009-01-20",
        "era",
    ),
    (
        "Exports grew in the H. W. Bush years.",
        None,
        "the H. W. Bush years",
        "1989-01-20",
        "1993-01-20",
        "era",
    ),
    ("Ties warmed under Carter.", None, "under Carter", "1977-01-20", "1981-01-20", "era"),
    (
        "It ended with the Reagan years.",
        None,
        "the Reagan years",
        "1981-01-20",
        "1989-01-20",
        "era",
    ),
    ("It began in the Jiang era.", None, "the Jiang era", "1989-06-24", "2002-11-15", "era"),
    (
        "It continued in the Biden years.",
        None,
        "the Biden years",
        "2021-01-20",
        "2025-01-20",
        "era",
    ),
    (
        "It started in the Obama administration.",
        None,
        "the Obama administration",
        "2009-01-20",
        "2017-01-20",
        "era",
    ),
    (
        "It started in the George W. Bush administration.",
        None,
        "the George W. Bush administration",
        "2001-01-20",
        "2009-01-20",
        "era",
    ),
    (
        "It started in the George H.W. Bush administration.",
        None,
        "the George H.W. Bush administration",
        "1989-01-20",
        "1993-01-20",
        "era",
    ),
    (
        "It worsened in Trump's second term.",
        R,
        "Trump's second term",
        "2025-01-20",
        "2025-11-20",
        "era",
    ),
    ("It worsened under Trump 2.0.", R, "Trump 2.0", "2025-01-20", "2025-11-20", "era"),
    (
        "It worsened under the second Trump administration.",
        None,
        "the second Trump administration",
        "2025-01-20",
        None,
        "era",
    ),
    (
        "Soybeans sold poorly during the trade war.",
        R18,
        "the trade war",
        "2018-03-22",
        "2020-01-15",
        "era",
    ),
    (
        "China bought less than the phase one deal required.",
        None,
        "the phase one deal",
        "2020-01-15",
        "2020-01-15",
        "era",
    ),
    (
        "China bought less than the phase one agreement required.",
        None,
        "the phase one agreement",
        "2020-01-15",
        "2020-01-15",
        "era",
    ),
    # the ambiguous "Trump administration" follows R
    (
        "The Trump administration imposed tariffs.",
        R,
        "The Trump administration",
        "2025-01-20",
        "2025-11-20",
        "era",
    ),
    (
        "The Trump administration imposed tariffs.",
        R18,
        "The Trump administration",
        "2017-01-20",
        "2021-01-20",
        "era",
    ),
    (
        "The Trump administration had imposed tariffs.",
        "2023-06-01",
        "The Trump administration",
        "2017-01-20",
        "2021-01-20",
        "era",
    ),
    (
        "The incoming Trump administration will review it.",
        "2016-11-15",
        "Trump administration",
        "2017-01-20",
        "2021-01-20",
        "era",
    ),
]


@pytest.mark.parametrize(("text", "reference", "said", "start", "end", "precision"), CASES)
def test_each_form_resolves(
    text: str, reference: str | None, said: str, start: str, end: str | None, precision: str
) -> None:
    m = only(text, reference)
    assert (m.text, m.interval.start, m.interval.end, m.interval.precision) == (
        said,
        start,
        end,
        precision,
    )
    assert text[m.start : m.end] == m.text == m.interval.text


@pytest.mark.parametrize(
    "text",
    [
        "Xi may visit Washington.",  # modal verb, not a month
        "Beijing may respond, and May said nothing.",  # "May said": a name or a modal
        "Theresa May met Xi.",
        "Thousands will March on the embassy.",  # a verb, even capitalised
        "Protesters march on Tiananmen.",
        "China shipped 2,020 tons of soybeans.",
        "The deal was worth $2018 million.",
        "Sales rose in 2,020 stores.",
        "Tariffs went up by 2020% overnight.",
        "In 1899 and in 2101 nothing happened.",  # outside 1900..2100
        "2018 was a hard year for soybeans.",  # a bare year is not enough
        "The Sunday Times and USA Today reported it.",
        "Super Tuesday came and went.",
        "They met on Tuesdays.",  # habitual, not a date
        "They met on February 30, 2019.",  # no such day: nothing, not even the month
        "A new trade war would hurt both sides.",
        "Relations have recently improved.",  # too vague
    ],
)
def test_traps_are_not_dates(text: str) -> None:
    assert find_dates(text, R) == []


def test_modal_may_beside_a_real_month() -> None:
    assert spans("Xi may visit Washington in May.") == [
        ("May", "2025-05-01", "2025-05-31", "month")
    ]
    assert spans("They met on May 4, 2019.") == [("May 4, 2019", "2019-05-04", "2019-05-04", "day")]
    assert spans("They met in March.") == [("March", "2025-03-01", "2025-03-31", "month")]


def test_offsets_in_a_paragraph() -> None:
    text = (
        "On Tuesday, Wang Yi called Marco Rubio, two weeks after the two met in Kuala Lumpur; "
        "in 2019, during the trade war, such calls were rare, and by mid-2020 they had stopped."
    )
    found = find_dates(text, R)
    assert [m.text for m in found] == ["Tuesday", "2019", "the trade war", "mid-2020"]
    for m in found:
        assert text[m.start : m.end] == m.text == m.interval.text


def test_longest_expression_wins() -> None:
    assert [m.text for m in find_dates("It rose earlier this year.", R)] == ["earlier this year"]
    assert [m.text for m in find_dates("in the last week", R)] == ["the last week"]
    assert only("in the last week").interval.start == "2025-11-13"  # the past seven days


def test_without_reference_only_absolute_dates_and_eras() -> None:
    text = (
        "Yesterday, last week, on Tuesday, in December, on Dec 1 and two weeks ago the "
        "Trump administration did nothing; on Dec. 1, 2018, under Biden and in Trump 2.0 it did."
    )
    assert spans(text, None) == [
        ("Dec. 1, 2018", "2018-12-01", "2018-12-01", "day"),
        ("under Biden", "2021-01-20", "2025-01-20", "era"),
        ("Trump 2.0", "2025-01-20", None, "era"),
    ]


def test_resolve_sentence_prefers_the_most_specific() -> None:
    s = "During the trade war, in December 2018, they met on Saturday, Dec. 1."
    assert resolve_sentence(s, R18) == DateInterval(
        "2018-12-01", "2018-12-01", "day", "Saturday, Dec. 1"
    )
    s = "Under Biden, in 2022, officials met in Bali."
    assert resolve_sentence(s, R).precision == "year"
    # same precision: the shorter interval, here "last week" over "the past two weeks"
    assert (
        resolve_sentence("Over the past two weeks, and last week, they met.", R).text == "last week"
    )


def test_resolve_sentence_falls_back_to_context_then_unknown() -> None:
    context = DateInterval("2018-12-01", "2018-12-01", "day", "Dec. 1, 2018")
    assert resolve_sentence("They shook hands.", R, context=context) == context
    assert resolve_sentence("They shook hands.", R) == UNKNOWN_DATE
    assert resolve_sentence("They shook hands.", None) == UNKNOWN_DATE


def test_context_year_anchors_year_less_dates() -> None:
    year_2018 = DateInterval("2018-01-01", "2018-12-31", "year", "2018")
    got = resolve_sentence("On Dec. 1, they met.", R, context=year_2018)
    assert (got.start, got.end) == ("2018-12-01", "2018-12-01")
    got = resolve_sentence("In March, they met again.", None, context=year_2018)
    assert (got.start, got.end) == ("2018-03-01", "2018-03-31")
    # a weekday is still read against the publication day
    assert resolve_sentence("On Tuesday they met.", R, context=year_2018).start == "2025-11-18"


def test_era_lookup() -> None:
    biden = era("biden")
    assert biden is not None and (biden.start, biden.end, biden.precision) == (
        "2021-01-20",
        "2025-01-20",
        "era",
    )
    obama = era("the Obama administration")
    assert obama is not None and obama.start == "2009-01-20"
    assert era("the Trump administration") is None  # ambiguous without a reference day
    trump = era("the Trump administration", reference=R)
    assert trump is not None and (trump.start, trump.end) == ("2025-01-20", R)
    assert era("the Bush administration") is None  # two Presidents Bush
    bush = era("the Bush administration", reference="1991-02-01")
    assert bush is not None and (bush.start, bush.end) == ("1989-01-20", "1993-01-20")
    second = era("trump-2")
    assert second is not None and second.end is None
    assert era("nothing in particular") is None


def test_reference_must_be_iso() -> None:
    with pytest.raises(UsageError, match="YYYY-MM-DD"):
        find_dates("yesterday", "20 Nov 2025")
    assert only("yesterday", "2025-11-20T08:30:00Z").interval.start == "2025-11-19"


def test_era_table_validation() -> None:
    assert era_table().version == "eras.v1"
    with pytest.raises(KnowledgeBaseError, match="'trump-9'"):
        load_eras(
            "eras:\n  - {name: trump, keys: [trump], choose: [trump-9], patterns: ['Trump']}\n"
        )
    with pytest.raises(KnowledgeBaseError, match="defined twice"):
        load_eras(
            "eras:\n  - {name: x, keys: [x], start: '2020-01-01', patterns: ['x']}\n"
            "  - {name: x, keys: [x], start: '2021-01-01', patterns: ['y']}\n"
        )
    with pytest.raises(KnowledgeBaseError, match="not a date"):
        load_eras("eras:\n  - {name: x, keys: [x], start: soon, patterns: ['x']}\n")
    with pytest.raises(KnowledgeBaseError, match="not a valid regex"):
        load_eras("eras:\n  - {name: x, keys: [x], start: '2020-01-01', patterns: ['(x']}\n")


# ── properties ────────────────────────────────────────────────────────────

FRAGMENTS = [
    "yesterday", "today", "tomorrow", "on Tuesday", "next Friday", "last Sunday", "last week",
    "this week", "next month", "last year", "earlier this year", "later this month",
    "this spring", "last winter", "three days ago", "two weeks ago", "a year ago",
    "in recent weeks", "in recent months", "the past two weeks", "last quarter", "over the weekend",
    "on Dec 1", "in December", "in May", "mid-March", "Tuesday, Dec. 3",
]  # fmt: skip
ABSOLUTE = [
    "on December 1, 2018", "Dec. 1, 2018", "1 December 2018", "2018-12-01", "in December 2018",
    "in 2020", "since 2019", "by 2021", "of 2018", "early 2019", "mid-2019", "late 2019",
    "the first quarter of 2024", "spring 2023", "Q4 2021", "from 2017 to 2019",
    "under Biden", "the Obama administration", "Trump 2.0", "the Trump administration",
    "the trade war", "the phase one deal",
]  # fmt: skip
FILLER = [
    "Xi",
    "met",
    "Trump",
    "may",
    "March",
    "2,020",
    "$2018",
    ",",
    ".",
    "and",
    "in",
    "the",
    "on",
]

references = st.one_of(
    st.none(), st.dates(date(1900, 1, 1), date(2100, 12, 31)).map(date.isoformat)
)
phrases = st.lists(st.sampled_from(FRAGMENTS + ABSOLUTE + FILLER), max_size=14).map(" ".join)


@settings(deadline=None)
@given(text=st.text(max_size=300), reference=st.one_of(st.none(), st.dates().map(date.isoformat)))
def test_never_crashes_on_any_text(text: str, reference: str | None) -> None:
    for m in find_dates(text, reference):
        assert text[m.start : m.end] == m.text
    resolve_sentence(text, reference)


@settings(deadline=None)
@given(text=phrases, reference=references)
def test_mentions_are_ordered_disjoint_and_well_formed(text: str, reference: str | None) -> None:
    found = find_dates(text, reference)
    for a, b in itertools.pairwise(found):
        assert a.end <= b.start
    for m in found:
        assert text[m.start : m.end] == m.text == m.interval.text
        iv = m.interval
        assert iv.precision in PRECISIONS and iv.start is not None
        assert re.fullmatch(r"\d{4}-\d\d-\d\d", iv.start)
        if iv.end is not None:
            assert iv.start <= iv.end


@given(weekday=st.sampled_from(WEEKDAYS), reference=st.dates(date(1900, 1, 8), date(2100, 12, 31)))
def test_on_weekday_is_within_the_week_before_reference(weekday: str, reference: date) -> None:
    m = only(f"Officials met on {weekday} in Beijing.", reference.isoformat())
    assert m.interval.start == m.interval.end and m.interval.start is not None
    day = date.fromisoformat(m.interval.start)
    assert timedelta(0) <= reference - day <= timedelta(days=6)
    assert WEEKDAYS[day.weekday()] == weekday


@given(text=st.lists(st.sampled_from(FRAGMENTS + FILLER), max_size=14).map(" ".join))
def test_relative_dates_need_a_reference(text: str) -> None:
    assert find_dates(text, None) == []


@settings(deadline=None)
@given(text=phrases, reference=st.dates(date(1900, 1, 1), date(2100, 12, 31)).map(date.isoformat))
def test_reference_only_adds_dates(text: str, reference: str) -> None:
    """What resolves without a reference day resolves the same way with one."""
    with_ref = {(m.start, m.end): m.interval.start for m in find_dates(text, reference)}
    for m in find_dates(text, None):
        assert with_ref.get((m.start, m.end)) == m.interval.start


@given(n=st.integers(1000, 99_999_999))
def test_grouped_numbers_and_money_are_not_years(n: int) -> None:
    assert find_dates(f"China bought {n:,} tons in {n:,} ships for ${n}.", R) == []


def test_two_days_joined_by_and_are_one_span() -> None:
    # a Saturday reference: "Thursday and Friday" are the two days before it
    got = resolve_sentence("Trump hosted Xi in Florida on Thursday and Friday.", "2017-04-08")
    assert (got.start, got.end) == ("2017-04-06", "2017-04-07")
    # days out of order, or in separate phrases, stay separate dates
    got = resolve_sentence("They talked on Friday and Monday.", "2017-04-08")
    assert got.start == got.end
    got = resolve_sentence("He left on Monday, and on Friday he returned.", "2017-04-08")
    assert got.start == got.end


def test_an_era_dates_only_as_a_time() -> None:
    # "under the Biden administration" is a time; "Biden administration officials"
    # and "the phase one deal" as an object are names
    got = resolve_sentence("It continued under the Biden administration.", "2023-01-20")
    assert got.precision == "era"
    got = resolve_sentence("Biden administration officials met Chinese negotiators.", "2023-01-20")
    assert got.precision == "unknown"
    got = resolve_sentence("Liu He called Mnuchin to review the phase one deal.", "2020-08-25")
    assert got.precision == "unknown"
    got = resolve_sentence("Exports fell since the start of the trade war.", "2020-08-25")
    assert got.precision == "era"


def test_from_one_day_to_another_is_one_span() -> None:
    # a Thursday reference: Sunday to Wednesday are the four days before it
    got = resolve_sentence("Kerry held talks in Beijing from Sunday to Wednesday.", "2023-07-20")
    assert (got.start, got.end) == ("2023-07-16", "2023-07-19")
    # "to" without "from" joins nothing
    got = resolve_sentence("The talks moved on Monday to Tuesday's agenda.", "2023-07-20")
    assert got.start == got.end
