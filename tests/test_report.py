"""The output layer: table/json/jsonl/csv rendering, the timeline PNG, the HTML report."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import math
import struct
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backchannel.errors import UsageError
from backchannel.report import Column, render, render_report, timeline_png
from backchannel.report.html import safe_href
from backchannel.report.tables import display_width, fit

ROWS: list[dict[str, Any]] = [
    {
        "event_id": "e1",
        "type": "CONSULT",
        "source": {"name": "Wang Yi", "country": "CHN"},
        "target": {"name": "Antony Blinken", "country": "USA"},
        "date": {"start": "2023-06-19", "end": "2023-06-19", "precision": "day"},
        "intensity": 3.0,
        "named": True,
        "sentence": 'Blinken met Wang Yi in Beijing, "a candid exchange".\nThey talked.',
        "tags": ["meet", "visit"],
    },
    {
        "event_id": "e2",
        "type": "ACCUSE",
        "source": {"name": "王毅", "country": "CHN"},
        "target": {"name": "Gina Raimondo", "country": "USA"},
        "date": {"start": None, "end": None, "precision": "unknown"},
        "intensity": -2.0,
        "named": False,
        "sentence": "Line separator\u2028inside a sentence, and a comma, here",
        "tags": [],
    },
]


def _render(rows: list[dict[str, Any]], fmt: str, **kwargs: Any) -> str:
    out = io.StringIO()
    render(rows, fmt, stream=out, **kwargs)
    return out.getvalue()


# --- tables ----------------------------------------------------------------------------------


def test_json_round_trips_with_indent_and_unicode() -> None:
    text = _render(ROWS, "json")
    assert json.loads(text) == ROWS
    assert '\n  {\n    "event_id": "e1"' in text  # indent 2
    assert "王毅" in text  # ensure_ascii=False


def test_jsonl_is_one_object_per_line_and_round_trips() -> None:
    text = _render(ROWS, "jsonl")
    lines = text.splitlines()  # splitlines also splits on U+2028: it must be escaped
    assert len(lines) == len(ROWS)
    assert [json.loads(line) for line in lines] == ROWS


def test_json_nan_inf_become_null_and_dates_iso() -> None:
    rows = [
        {
            "a": math.nan,
            "b": math.inf,
            "c": -math.inf,
            "d": dt.date(2024, 5, 3),
            "e": dt.datetime(2024, 5, 3, 12, 30),
            "f": (1, 2),
        }
    ]
    for fmt in ("json", "jsonl"):
        text = _render(rows, fmt)
        assert "NaN" not in text and "Infinity" not in text
        parsed = json.loads(text)
        row = parsed[0] if fmt == "json" else parsed
        assert row == {
            "a": None,
            "b": None,
            "c": None,
            "d": "2024-05-03",
            "e": "2024-05-03T12:30:00",
            "f": [1, 2],
        }


def test_csv_flattens_nested_dicts_and_json_encodes_lists() -> None:
    text = _render(ROWS, "csv")
    reader = csv.DictReader(io.StringIO(text))
    assert reader.fieldnames == [
        "event_id",
        "type",
        "source.name",
        "source.country",
        "target.name",
        "target.country",
        "date.start",
        "date.end",
        "date.precision",
        "intensity",
        "named",
        "sentence",
        "tags",
    ]
    first, second = list(reader)
    assert first["source.name"] == "Wang Yi"
    assert first["date.start"] == "2023-06-19"
    assert json.loads(first["tags"]) == ["meet", "visit"]
    assert first["sentence"] == ROWS[0]["sentence"]  # quotes and newline survive
    assert first["named"] == "true"
    assert float(second["intensity"]) == -2.0
    assert second["date.start"] == ""  # None is an empty cell
    assert second["source.name"] == "王毅"


@given(st.lists(st.text(), max_size=5))
def test_any_text_round_trips_through_jsonl_and_csv(texts: list[str]) -> None:
    rows = [{"sentence": t, "actor": {"name": t}} for t in texts]
    assert [json.loads(line) for line in _render(rows, "jsonl").splitlines()] == rows
    parsed = list(csv.DictReader(io.StringIO(_render(rows, "csv"), newline="")))
    unix = [t.replace("\r\n", "\n").replace("\r", "\n") for t in texts]  # CSV line breaks
    assert [(r["sentence"], r["actor.name"]) for r in parsed] == [(t, t) for t in unix]


def test_csv_header_is_the_union_of_keys() -> None:
    text = _render([{"a": 1}, {"b": {"c": 2}}], "csv")
    assert text.splitlines() == ["a,b.c", "1,", ",2"]


def test_table_has_headers_truncates_and_aligns() -> None:
    columns = [
        Column("Source", "source.name", width=8),
        Column("Type", "type"),
        Column("Intensity", "intensity", align="right"),
        Column("Date", lambda r: r["date"]["start"] or "undated"),
        Column("Sentence", "sentence", width=20),
    ]
    text = _render(ROWS, "table", columns=columns)
    header, rule, first, second = text.splitlines()
    assert header.split() == ["Source", "Type", "Intensity", "Date", "Sentence"]
    assert set(rule.replace(" ", "")) == {"─"}
    assert first.startswith("Wang Yi ")
    assert "Blinken met Wang Yi…" in first  # cut to 20 cells, ending in …
    assert "They talked" not in text  # newline did not break the grid
    assert "王毅" in second and "undated" in second
    assert "        3" in first  # right-aligned under "Intensity"
    assert "\x1b[" not in text  # StringIO is not a TTY: no colour


def test_table_does_not_pass_terminal_escapes_through() -> None:
    text = _render([{"sentence": "red \x1b[31malert\x1b]0;title\x07 done"}], "table")
    assert "\x1b" not in text and "\x07" not in text
    assert "\ufffd[31malert" in text


def test_table_without_columns_shows_flattened_fields() -> None:
    text = _render([{"name": "x", "date": {"start": "2024-01-01", "end": "2024-03-31"}}], "table")
    assert "date.start" in text.splitlines()[0]
    assert "2024-01-01" in text


def test_table_with_no_rows_says_so() -> None:
    assert "(no rows)" in _render([], "table", columns=[Column("Name", "name")])
    assert _render([], "table") == "(no rows)\n"


def test_fit_counts_wide_characters_as_two_cells() -> None:
    assert display_width("王毅") == 4
    cut = fit("王毅外交部长", 7)
    assert cut.endswith("…") and display_width(cut) == 7


def test_unknown_format_names_the_choices() -> None:
    out = io.StringIO()
    with pytest.raises(UsageError) as info:
        render(ROWS, "xml", stream=out)
    assert str(info.value) == "unknown format 'xml': choose table, json, jsonl or csv"
    assert out.getvalue() == ""


# --- timeline PNG ----------------------------------------------------------------------------


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def _event(
    day: str | None, kind: str, intensity: float, modality: str = "asserted"
) -> dict[str, Any]:
    return {
        "type": kind,
        "intensity": intensity,
        "modality": modality,
        "date": {"start": day, "end": day, "precision": "day"},
    }


def test_timeline_png_is_a_1200x600_png(tmp_path: Path) -> None:
    events = [
        _event("2023-01-15", "CONSULT", 3.0),
        _event("2023-01-20", "ACCUSE", -2.0),
        _event("2023-04-02", "SANCTION", -8.0),
        _event("2023-04-09", "NEWTHING", math.nan),
        _event("2023-05-09", "CONSULT", 3.0, modality="planned"),
        _event(None, "AGREE", 5.0),
    ]
    out = timeline_png(events, tmp_path / "t.png", title="US–China")
    assert out == tmp_path / "t.png"
    assert _png_size(out) == (1200, 600)


@pytest.mark.parametrize("freq", ["day", "week", "quarter", "year"])
def test_timeline_png_every_period(tmp_path: Path, freq: str) -> None:
    events = [_event("2022-12-30", "CONSULT", 3.0), _event("2023-02-01", "REJECT", -4.0)]
    assert _png_size(timeline_png(events, tmp_path / "t.png", freq=freq)) == (1200, 600)


@pytest.mark.parametrize(
    "events", [[], [_event(None, "CONSULT", 3.0)]], ids=["empty", "only-undated"]
)
def test_timeline_png_without_dated_events_still_draws(
    tmp_path: Path, events: list[dict[str, Any]]
) -> None:
    assert _png_size(timeline_png(events, tmp_path / "empty.png")) == (1200, 600)


def test_timeline_png_unknown_period(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="choose day, week, month, quarter, year"):
        timeline_png([], tmp_path / "t.png", freq="fortnight")


def test_timeline_png_unwritable_path_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="cannot write the timeline"):
        timeline_png([], tmp_path / "missing" / "t.png")


# --- HTML report -----------------------------------------------------------------------------

HOSTILE = "He said <script>alert(1)</script> and <img src=x onerror=alert(1)> then left."


class _Markup(HTMLParser):
    """Collects the real tags and attributes of a page (not the escaped text)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += [(k, v or "") for k, v in attrs]

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _report_data(png: bytes | None) -> dict[str, Any]:
    wang = {"name": "Wang Yi", "country": "CHN", "sector": "government", "kind": "person"}
    blinken = {"name": "Antony Blinken", "country": "USA", "sector": "government", "kind": "person"}
    kissinger = {
        "name": "Henry Kissinger",
        "country": "USA",
        "sector": "academic",
        "kind": "person",
    }
    return {
        "title": "US–China channels",
        "generated": "2025-11-20T10:00:00+00:00",
        "as_of": "2025-11-20",
        "db": "demo.duckdb",
        "counts": {"documents": 12, "events": 40, "role_changes": 3, "actors": 25, "skipped": 2},
        "channels": [
            {
                "a": blinken,
                "b": wang,
                "status": "severed",
                "reason": "Antony Blinken left Secretary of State on 2025-01-20",
                "first_contact": "2023-06-19",
                "last_contact": "2024-11-16",
                "events": 7,
                "strength": 1.234,
                "named": False,
                "name": "",
                "evidence": [
                    {
                        "date": "2023-06-19",
                        "type": "CONSULT",
                        "mode": "meet",
                        "sentence": HOSTILE,
                        "doc_id": "d1",
                        "url": "javascript:alert(1)",
                        "title": "Evil <b>title</b>",
                    },
                    {
                        "date": "2024-11-16",
                        "type": "CONSULT",
                        "mode": "meet",
                        "sentence": "Blinken and Wang met in Lima.",
                        "doc_id": "d2",
                        "url": "https://example.org/lima?a=1&b=2",
                        "title": "Lima meeting",
                    },
                ],
            },
            {
                "a": kissinger,
                "b": wang,
                "status": "dormant",
                "reason": "no recorded contact since 2023-07-20 (488 days)",
                "first_contact": "2023-07-20",
                "last_contact": "2023-07-20",
                "events": 1,
                "strength": math.nan,
                "named": True,
                "name": "the Kissinger channel",
                "evidence": [
                    {
                        "date": "2023-07-20",
                        "type": "CONSULT",
                        "mode": "visit",
                        "sentence": "Kissinger visited Beijing.",
                        "doc_id": "d3",
                        "url": "data:text/html,<script>alert(1)</script>",
                        "title": "",
                    }
                ],
            },
        ],
        "events": [
            {
                "event_id": "e9",
                "type": "CONSULT",
                "mode": "phone",
                "modality": "planned",
                "source": {"name": "Scott Bessent", "country": "USA", "sector": "government"},
                "target": {"name": "He Lifeng", "country": "CHN", "sector": "government"},
                "date": {"start": "2025-12-01", "end": "2025-12-31", "precision": "month"},
                "sentence": "Bessent plans to call He Lifeng next month.",
                "sources": [{"doc_id": "d4", "url": "/relative/path", "title": "Plans"}],
            },
            {
                "event_id": "e10",
                "type": "CONSULT",
                "mode": "meet",
                "modality": "asserted",
                "source": {"name": "Asserted Person"},
                "target": {"name": "Other Person"},
                "date": {"start": "2025-01-01", "end": "2025-01-01", "precision": "day"},
                "sentence": "They met, and this is asserted.",
                "sources": [],
            },
        ],
        "role_changes": [
            {
                "actor": {"name": "Qin Gang", "country": "CHN"},
                "change": "removed",
                "role": "Foreign Minister",
                "date": {"start": "2023-07-25", "end": "2023-07-25", "precision": "day"},
                "doc_id": "d5",
                "sentence": "Qin Gang was removed as foreign minister.",
            }
        ],
        "skipped": [
            {"origin": "feed.xml#3", "reason": "paywall", "detail": "subscriber-only"},
            {"origin": "bad.html", "reason": "not-english", "detail": ""},
        ],
        "timeline_png": png,
    }


@pytest.fixture(scope="module")
def png(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    path = tmp_path_factory.mktemp("plot") / "t.png"
    return timeline_png([_event("2023-06-19", "CONSULT", 3.0)], path).read_bytes()


def test_report_shows_channels_reasons_and_sections(png: bytes) -> None:
    page = render_report(_report_data(png))
    for text in (
        "Antony Blinken",
        "Wang Yi",
        "Henry Kissinger",
        "Antony Blinken left Secretary of State on 2025-01-20",
        "no recorded contact since 2023-07-20 (488 days)",
        "the Kissinger channel",
        "Qin Gang",
        "Foreign Minister",
        "Reported but not asserted",
        "Bessent plans to call He Lifeng next month.",
        "paywall",
        "subscriber-only",
        "feed.xml#3",
    ):
        assert text in page, text
    assert "They met, and this is asserted." not in page  # asserted events are not listed
    assert 'class="badge status-severed"' in page and 'class="badge status-dormant"' in page
    assert 'href="https://example.org/lima?a=1&amp;b=2"' in page
    assert 'src="data:image/png;base64,iVBORw0KGgo' in page


def test_report_escapes_hostile_text_and_links_only_http(png: bytes) -> None:
    page = render_report(_report_data(png))
    markup = _Markup()
    markup.feed(page)
    assert "script" not in markup.tags
    assert markup.tags.count("img") == 1  # the timeline, not the hostile <img>
    assert not [k for k, _ in markup.attrs if k.startswith("on")]
    hrefs = [v for k, v in markup.attrs if k == "href"]
    assert "https://example.org/lima?a=1&b=2" in hrefs
    assert all(h.startswith(("https://", "http://", "#")) for h in hrefs), hrefs
    assert "<script" not in page.lower()
    assert "onerror=alert(1)>" not in page
    assert 'href="javascript:' not in page and 'href="data:' not in page
    # ... and the hostile text is still there for the reader, escaped
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert HOSTILE in "".join(markup.text)
    assert "javascript:alert(1)" in "".join(markup.text)  # shown as text
    assert "/relative/path" in "".join(markup.text)


def test_report_with_no_data_renders_empty_sections() -> None:
    page = render_report({})
    assert "No channels." in page and "No timeline image" in page
    assert "<img" not in page


def test_report_does_not_embed_bytes_that_are_not_png() -> None:
    page = render_report({"timeline_png": b"<svg onload=alert(1)>"})
    assert "data:image" not in page and "onload" not in page


@pytest.mark.parametrize(
    ("url", "safe"),
    [
        ("https://example.org/a", True),
        ("HTTP://example.org", True),
        ("javascript:alert(1)", False),
        ("JaVaScRiPt:alert(1)", False),
        ("java\tscript:alert(1)", False),
        (" javascript:alert(1)", False),
        ("data:text/html;base64,PHNjcmlwdD4=", False),
        ("/relative", False),
        ("//example.org/protocol-relative", False),
        ("https://", False),
        ("", False),
        (None, False),
    ],
)
def test_safe_href(url: str | None, safe: bool) -> None:
    assert (safe_href(url) is not None) is safe
