"""Property tests: readers, cleaner checks, date resolver and JSON output on any input.

Every reader turns any input into Documents or Skips, never an exception; a
Document always has text and the id of that text. (The cleaner's span and
idempotence properties are in test_clean.py, the date resolver's in
test_dates.py; these add what a hostile or broken input exercises.)
"""

from __future__ import annotations

import io
import json
import math
import tempfile
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backchannel.clean import clean, longest_sentence, looks_english
from backchannel.errors import UsageError
from backchannel.export import Snapshot, clean_text, write_gexf, write_graphml
from backchannel.model import Document, Skip
from backchannel.nlp.dates import find_dates, resolve_sentence
from backchannel.report import render
from backchannel.sources import files, html, jsonl, read_stdin, text
from backchannel.sources._common import decode, parse_date

SLOW = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check(item: object) -> None:
    assert isinstance(item, Document | Skip), item
    if isinstance(item, Document):
        assert item.text.strip()
        assert item.doc_id == Document.make_id(item.text)
        assert item.published is None or date.fromisoformat(item.published)
    else:
        assert item.reason and item.origin


# --- markup and JSON strategies ---------------------------------------------------------

TAGS = ["html", "head", "body", "title", "p", "div", "article", "script", "style", "br", "td",
        "a", "meta", "!--", "![CDATA[", "svg", "math", "template", "iframe"]  # fmt: skip
words = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)


@st.composite
def markup(draw: st.DrawFn) -> str:
    """HTML-ish text: nested, unclosed, stray and malformed tags around arbitrary text."""
    parts: list[str] = []
    for _ in range(draw(st.integers(0, 30))):
        kind = draw(st.integers(0, 5))
        tag = draw(st.sampled_from(TAGS))
        if kind == 0:
            parts.append(f"<{tag}>")
        elif kind == 1:
            parts.append(f"</{tag}>")
        elif kind == 2:
            attr = draw(st.sampled_from(['a="', "onload=x", 'href="javascript:1"', "=", "'"]))
            parts.append(f"<{tag} {attr}>")
        elif kind == 3:
            parts.append("<div>" * draw(st.integers(0, 300)))
        else:
            parts.append(draw(words))
    return "".join(parts)


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
article_fields = st.fixed_dictionaries(
    {},
    optional={
        k: json_values | st.text()
        for k in ("id", "text", "html", "published", "date", "url", "title", "source")
    },
)


# --- sources -----------------------------------------------------------------------------


@SLOW
@given(st.text())
def test_text_parser_never_raises(value: str) -> None:
    _check(text.parse_text(value, origin="t.txt", filename="2019-05-10-x.txt"))


@SLOW
@given(st.one_of(st.text(), json_values.map(json.dumps), article_fields.map(json.dumps)))
def test_jsonl_line_is_a_document_or_a_skip(line: str) -> None:
    _check(jsonl.parse_line(line, origin="x.jsonl:1"))


@SLOW
@given(
    st.lists(
        st.binary(max_size=200) | article_fields.map(lambda d: json.dumps(d).encode()), max_size=8
    )
)
def test_jsonl_lines_each_give_at_most_one_item(lines: list[bytes]) -> None:
    items = list(jsonl.read_lines(lines, origin="x.jsonl", max_bytes=150))
    assert len(items) <= len(lines)
    for item in items:
        _check(item)


@SLOW
@given(st.one_of(markup(), st.text(max_size=300)))
def test_html_extract_never_raises(value: str) -> None:
    _check(html.extract(value, origin="p.html"))
    assert isinstance(html.fragment_text(value), str)


@SLOW
@given(st.binary(max_size=2000))
def test_decode_gives_text_or_a_skip(data: bytes) -> None:
    result = decode(data, "b")
    assert isinstance(result, str) or result.reason == "undecodable"


@SLOW
@given(
    st.binary(max_size=3000) | markup().map(str.encode),
    st.sampled_from([".txt", ".html", ".jsonl", ".xml", ".rss", ".bin", ".urls", ""]),
)
def test_any_file_of_any_kind_gives_documents_or_skips(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        for item in files.read_file(path, max_bytes=2500):
            _check(item)


@SLOW
@given(st.text(max_size=500))
def test_stdin_gives_documents_or_skips(value: str) -> None:
    items = list(read_stdin(io.StringIO(value), max_bytes=400))
    assert items
    for item in items:
        _check(item)


@given(st.text(max_size=60))
def test_parse_date_is_iso_or_none(value: str) -> None:
    parsed = parse_date(value)
    assert parsed is None or date.fromisoformat(parsed).isoformat() == parsed


# --- cleaner checks that run before spaCy -------------------------------------------------


@SLOW
@given(st.text(max_size=800))
def test_language_and_sentence_checks_never_raise(value: str) -> None:
    verdict = looks_english(value)
    assert verdict is None or "translate" in verdict
    longest = longest_sentence(value)
    assert 0 <= longest <= len(value.split())


@settings(max_examples=20, deadline=None)
@given(st.integers(1, 30_000), st.sampled_from([" ", "\n", " and ", ". ", ", "]))
def test_clean_stays_linear_on_one_huge_sentence(n: int, sep: str) -> None:
    body = sep.join(["talks"] * n)
    result = clean(body)
    assert len(result.text) <= len(body)
    assert longest_sentence(body) <= len(body.split())


# --- date resolver --------------------------------------------------------------------------


@SLOW
@given(st.text(max_size=200), st.one_of(st.none(), st.text(max_size=12)))
def test_any_reference_is_a_date_or_a_usage_error(value: str, reference: str | None) -> None:
    try:
        found = find_dates(value, reference)
        interval = resolve_sentence(value, reference)
    except UsageError as exc:
        assert "YYYY-MM-DD" in str(exc)
        return
    for m in found:
        assert m.interval.start is not None and m.interval.start <= (m.interval.end or "9")
    assert interval.precision


# --- JSON outputs ---------------------------------------------------------------------------


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, float) and isinstance(b, float):
        return a == b or (math.isnan(a) and math.isnan(b))
    if isinstance(a, dict):
        return isinstance(b, dict) and a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return isinstance(b, list) and len(a) == len(b) and all(map(_same, a, b))
    return bool(a == b and type(a) is type(b))


@SLOW
@given(
    st.lists(st.dictionaries(st.text(min_size=1, max_size=10), json_values, max_size=5), max_size=4)
)
@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_json_outputs_round_trip_any_rows(fmt: str, rows: list[dict[str, Any]]) -> None:
    out = io.StringIO()
    render(rows, fmt, stream=out)
    if fmt == "json":
        back = json.loads(out.getvalue())
    else:
        back = [json.loads(line) for line in out.getvalue().splitlines()]
        assert len(back) == len(rows)  # one object per line, whatever the text holds
    assert _same(back, rows)


# --- XML exports ----------------------------------------------------------------------------


@SLOW
@given(st.lists(st.text(max_size=30), min_size=2, max_size=4, unique=True), st.text(max_size=60))
def test_graphml_and_gexf_parse_back_with_any_names(names: list[str], reason: str) -> None:
    nodes = tuple(
        {"actor_id": f"a{i}", "name": n, "country": n, "sector": "", "kind": "person",
         "start": "2020-01-01", "end": "2021-01-01"}
        for i, n in enumerate(names)
    )  # fmt: skip
    edge = {
        "id": "ch-1", "source": "a0", "target": "a1", "source_name": names[0],
        "target_name": names[1], "status": "severed", "reason": reason, "strength": 0.5,
        "contacts": 2, "first_contact": "2020-01-01", "last_contact": "2021-01-01",
        "channel_name": names[0] + "]]>", "evidence": reason, "evidence_url": "",
    }  # fmt: skip
    snap = Snapshot("2025-11-20", nodes, (edge,), (), ())
    for write in (write_graphml, write_gexf):
        out = io.StringIO()
        write(snap, out)
        root = ET.fromstring(out.getvalue())  # well-formed whatever the names hold
        texts = [el.text or "" for el in root.iter()] + [
            v for el in root.iter() for v in el.attrib.values()
        ]
        for name in names:
            want = clean_text(name)
            # attribute values are whitespace-normalised by XML parsers; compare modulo that
            assert any(" ".join(t.split()) == " ".join(want.split()) for t in texts), name
