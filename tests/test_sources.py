"""Reading inputs: every kind of source, and every way a document can be unusable."""

from __future__ import annotations

import io
import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from backchannel.errors import SourceError
from backchannel.model import Document, Skip
from backchannel.sources import files, read_inputs, read_stdin, warc
from backchannel.sources._common import parse_date

FIXTURES = Path(__file__).parent / "fixtures" / "sources"


def read_one(path: Path | str, max_bytes: int = 5_000_000) -> list[Document | Skip]:
    return list(read_inputs([str(path)], max_bytes=max_bytes))


def only_document(results: list[Document | Skip]) -> Document:
    assert len(results) == 1 and isinstance(results[0], Document), results
    return results[0]


def only_skip(results: list[Document | Skip]) -> Skip:
    assert len(results) == 1 and isinstance(results[0], Skip), results
    return results[0]


# --- plain text ---------------------------------------------------------------------------


def test_text_with_header() -> None:
    doc = only_document(read_one(FIXTURES / "header_article.txt"))
    assert doc.title == "Envoys reopen a quiet channel"
    assert doc.published == "2019-05-10"
    assert doc.url == "https://news.example.org/2019/05/10/envoys"
    assert doc.source == "Example Wire"
    assert doc.text.startswith("The two ambassadors met privately in Geneva")
    assert "Title:" not in doc.text
    assert doc.doc_id == Document.make_id(doc.text)
    assert doc.origin.endswith("header_article.txt")


def test_text_without_header_takes_title_line_and_date_from_name() -> None:
    doc = only_document(read_one(FIXTURES / "2020-01-15-phone-call.txt"))
    assert doc.title == "Leaders hold a late-night phone call"
    assert doc.published == "2020-01-15"
    assert doc.text.startswith("The two presidents spoke by telephone")


def test_text_single_sentence_line_is_body_not_title() -> None:
    doc = only_document(read_one(FIXTURES / "one_paragraph.md"))
    assert doc.title == ""
    assert doc.published is None
    assert doc.text.startswith("A trade delegation arrived")


def test_text_date_suffix_in_file_name(tmp_path: Path) -> None:
    path = tmp_path / "readout_20181201"
    path.write_text("Readout of the dinner\n\nThe leaders agreed to a truce.\n", encoding="utf-8")
    doc = only_document(read_one(path))
    assert (doc.title, doc.published) == ("Readout of the dinner", "2018-12-01")


def test_a_note_line_is_not_a_header(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text("Note: talks were delayed.\n\nThe envoy stayed home.\n", encoding="utf-8")
    doc = only_document(read_one(path))
    assert doc.text.startswith("Note: talks were delayed.")


# --- HTML ---------------------------------------------------------------------------------


def test_html_with_metadata_keeps_paragraphs() -> None:
    doc = only_document(read_one(FIXTURES / "article.html"))
    assert doc.title == "Negotiators agree to meet again"
    assert doc.published == "2021-03-18"
    assert doc.url == "https://ledger.example.com/world/negotiators-meet-again"
    assert doc.source == "The Example Ledger"
    assert "\n\nA tense opening session\n\nThe first session opened" in doc.text
    assert "Home" not in doc.text and "footer" not in doc.text


def test_malformed_html_is_read_not_fatal() -> None:
    doc = only_document(read_one(FIXTURES / "malformed.html"))
    assert "The special envoy landed in Beijing" in doc.text
    assert "No joint statement is planned" in doc.text


def test_html_without_body_is_skipped() -> None:
    skip = only_skip(read_one(FIXTURES / "no_body.html"))
    assert skip.reason == "html-no-text"


def test_html_fragment_is_wrapped(tmp_path: Path) -> None:
    path = tmp_path / "fragment.html"
    path.write_text(
        "<p>The vice premier received the visiting delegation in Beijing on Monday morning.</p>",
        encoding="utf-8",
    )
    doc = only_document(read_one(path))
    assert doc.text == (
        "The vice premier received the visiting delegation in Beijing on Monday morning."
    )


# --- JSON Lines ---------------------------------------------------------------------------


def test_jsonl_good_bad_and_wrong_types() -> None:
    results = read_one(FIXTURES / "articles.jsonl")
    by_line = {r.origin.split(":")[-1].split("#")[0]: r for r in results}
    assert sorted(by_line, key=int) == ["1", "2", "3", "4", "6", "7", "8"]  # blank line 5
    first = by_line["1"]
    assert isinstance(first, Document)
    assert first.origin.endswith("articles.jsonl:1#wire-1")
    assert (first.title, first.published, first.source) == (
        "Envoys reopen a quiet channel",
        "2019-05-10",
        "Example Wire",
    )
    assert isinstance(by_line["2"], Skip) and by_line["2"].reason == "bad-json"
    assert isinstance(by_line["3"], Skip) and by_line["3"].reason == "bad-field"
    assert "'text' must be a string" in by_line["3"].detail
    assert isinstance(by_line["4"], Skip) and by_line["4"].reason == "not-an-object"
    html_line = by_line["6"]
    assert isinstance(html_line, Document)
    assert html_line.published == "2020-03-03"
    assert html_line.title == "Ministers trade letters"
    assert "\n\nA first meeting could take place in Singapore." in html_line.text
    assert isinstance(by_line["7"], Skip) and by_line["7"].reason == "no-text"
    assert isinstance(by_line["8"], Document) and by_line["8"].origin.endswith(":8#8")


def test_jsonl_line_over_the_limit_is_skipped_and_reading_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    long_line = json.dumps({"text": "word " * 400})
    short_line = json.dumps({"text": "A short article about a phone call."})
    path.write_text(f"{long_line}\n{short_line}\n", encoding="utf-8")
    results = read_one(path, max_bytes=500)
    assert isinstance(results[0], Skip) and results[0].reason == "too-large"
    assert results[0].origin.endswith(":1")
    assert isinstance(results[1], Document)


def test_same_text_from_txt_and_jsonl_has_one_id() -> None:
    from_text = only_document(read_one(FIXTURES / "header_article.txt"))
    from_jsonl = read_one(FIXTURES / "articles.jsonl")[0]
    assert isinstance(from_jsonl, Document)
    assert from_text.doc_id == from_jsonl.doc_id
    assert from_text.text == from_jsonl.text


# --- feeds --------------------------------------------------------------------------------


def test_rss_feed_entries() -> None:
    results = read_one(FIXTURES / "wire.rss")
    assert len(results) == 3
    first, second, third = results
    assert isinstance(first, Document) and isinstance(second, Document)
    assert first.title == "Envoys meet in Geneva"
    assert first.url == "https://wire.example.org/diplomacy/1"
    assert first.published == "2019-05-10"
    assert first.source == "Example Wire: Diplomacy"
    assert (
        first.text == "The two ambassadors met privately in Geneva.\n\nA second session is planned."
    )
    assert first.origin.endswith("wire.rss#1")
    assert second.published == "2019-05-11"
    assert isinstance(third, Skip) and third.reason == "empty"


def test_atom_feed_entries() -> None:
    first, second = read_one(FIXTURES / "desk.atom")
    assert isinstance(first, Document) and isinstance(second, Document)
    assert first.published == "2020-01-02"  # published wins over updated
    assert first.text == "Call lasted an hour\n\nThe two leaders spoke by phone late on Thursday."
    assert "track()" not in first.text
    assert second.published == "2020-01-03"  # only updated
    assert second.text == "A new trade liaison office opened on Friday."


def test_xml_that_is_not_a_feed() -> None:
    skip = only_skip(read_one(FIXTURES / "not_a_feed.xml"))
    assert skip.reason == "not-a-feed"


def test_feed_is_recognised_by_content(tmp_path: Path) -> None:
    path = tmp_path / "feed-without-extension"
    shutil.copy(FIXTURES / "desk.atom", path)
    assert [type(r) for r in read_one(path)] == [Document, Document]


# --- URL lists, WARC ----------------------------------------------------------------------


def test_url_list_is_never_fetched() -> None:
    results = read_one(FIXTURES / "pages.urls")
    skips = [r for r in results if isinstance(r, Skip)]
    assert len(skips) == len(results)
    assert [s.reason for s in skips] == ["url-fetch-disabled", "url-fetch-disabled", "not-a-url"]
    assert skips[0].origin.endswith("pages.urls:2")
    assert "fetch the pages and pass the files" in skips[0].detail


def test_url_argument_is_a_skip_not_a_missing_path() -> None:
    skip = only_skip(read_one("https://news.example.org/story"))
    assert skip.reason == "url-fetch-disabled"


@pytest.mark.skipif(warc.available(), reason="warcio is installed")
def test_warc_without_warcio(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(b"\x1f\x8b\x08\x00")
    skip = only_skip(read_one(path))
    assert skip.reason == "warc-support-not-installed"
    assert "warcio" in skip.detail


# --- problem files ------------------------------------------------------------------------


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert only_skip(read_one(path)).reason == "empty"
    path.write_text("  \n\n ", encoding="utf-8")
    assert only_skip(read_one(path)).reason == "empty"


def test_binary_file(tmp_path: Path) -> None:
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4\n\x00\x01\x02binary\x00stream")
    (tmp_path / "notes").write_bytes(b"\x00\x00\x00\x01 not text")
    results = read_one(tmp_path)
    assert [(Path(r.origin).name, r.reason) for r in results if isinstance(r, Skip)] == [
        ("notes", "binary-file"),
        ("scan.pdf", "binary-file"),
    ]


def test_unknown_text_extension_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "table.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    skip = only_skip(read_one(path))
    assert skip.reason == "unsupported-file-type"
    assert ".jsonl" in skip.detail


def test_latin1_and_cp1252_files_are_decoded(tmp_path: Path) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes(
        "Talks in Zürich\n\nThe envoy’s “quiet” talks with Peña went well, he said.\n".encode(
            "cp1252"
        )
    )
    doc = only_document(read_one(path))
    assert doc.title == "Talks in Zürich"
    assert doc.text == "The envoy’s “quiet” talks with Peña went well, he said."


def test_mojibake_in_a_scraped_archive_is_repaired(tmp_path: Path) -> None:
    # UTF-8 once read as cp1252 (or latin-1) and saved again, in text and title
    def garbled(text: str, codec: str) -> str:
        # byte by byte, as lenient readers do: the five bytes cp1252 leaves
        # undefined (the end of "”" is one) pass through as latin-1
        out = []
        for byte in text.encode("utf-8"):
            try:
                out.append(bytes([byte]).decode(codec))
            except UnicodeDecodeError:
                out.append(chr(byte))
        return "".join(out)

    body = "Washington’s envoy met Peña — “briefly” — in Zürich; lunch cost 5€."
    records = [
        {"id": "a", "title": garbled("China’s reply", "cp1252"), "text": garbled(body, "cp1252")},
        {"id": "b", "title": "China’s reply", "text": garbled(body, "latin-1")},
        {"id": "c", "title": "Café, naïve résumé", "text": body},
    ]
    path = tmp_path / "archive.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    docs = read_one(path)
    assert [d.text for d in docs if isinstance(d, Document)] == [body, body, body]
    assert [d.title for d in docs if isinstance(d, Document)] == [
        "China’s reply",
        "China’s reply",
        "Café, naïve résumé",
    ]


def test_gb18030_file_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "zh.txt"
    path.write_bytes(("中美经贸磋商在北京举行。双方进行了坦诚的交流。\n" * 4).encode("gb18030"))
    doc = only_document(read_one(path))
    assert doc.text.startswith("中美经贸磋商在北京举行")


def test_undecodable_bytes(tmp_path: Path) -> None:
    path = tmp_path / "garbled.txt"
    path.write_bytes(b"\x81\x8d\x8f\x90\x9d abc " * 40)
    assert only_skip(read_one(path)).reason == "undecodable"


def test_too_large(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text("A sentence about talks. " * 100, encoding="utf-8")
    skip = only_skip(read_one(path, max_bytes=1000))
    assert skip.reason == "too-large"
    assert "2,400 bytes" in skip.detail and "1,000-byte limit" in skip.detail


def test_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    with pytest.raises(SourceError, match=r"^input not found: .*nope\.txt"):
        read_inputs([str(FIXTURES / "header_article.txt"), str(missing)])


# --- directories --------------------------------------------------------------------------


def test_directory_recursion_is_sorted_and_skips_hidden(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a").mkdir()
    (tmp_path / ".git").mkdir()
    shutil.copy(FIXTURES / "header_article.txt", tmp_path / "b" / "two.txt")
    shutil.copy(FIXTURES / "2020-01-15-phone-call.txt", tmp_path / "a" / "one.txt")
    shutil.copy(FIXTURES / "one_paragraph.md", tmp_path / "top.md")
    (tmp_path / ".hidden.txt").write_text("Secret notes.\n", encoding="utf-8")
    (tmp_path / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    names = [Path(r.origin).relative_to(tmp_path).as_posix() for r in read_one(tmp_path)]
    assert names == ["a/one.txt", "b/two.txt", "top.md"]


def test_directory_is_read_lazily(tmp_path: Path) -> None:
    for i in range(3):
        (tmp_path / f"{i}.txt").write_text(f"Article number {i} about talks.\n", encoding="utf-8")
    stream: Iterator[Document | Skip] = read_inputs([str(tmp_path)])
    first = next(stream)
    (tmp_path / "2.txt").unlink()  # not read yet, so its absence is seen when we get there
    rest = list(stream)
    assert isinstance(first, Document)
    assert len(rest) == 2 and isinstance(rest[0], Document)
    assert isinstance(rest[1], Skip) and rest[1].reason == "unreadable"


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks on this platform")
def test_symlinks_inside_followed_outside_skipped(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    outside = tmp_path / "secret.txt"
    outside.write_text("Private notes that must not be read.\n", encoding="utf-8")
    shutil.copy(FIXTURES / "one_paragraph.md", corpus / "real.md")
    (corpus / "inside-link.md").symlink_to(corpus / "real.md")
    (corpus / "outside-link.txt").symlink_to(outside)
    (corpus / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    (corpus / "loop").symlink_to(corpus, target_is_directory=True)
    results = {Path(r.origin).name: r for r in read_one(corpus)}
    assert set(results) == {"real.md", "inside-link.md", "outside-link.txt", "dangling.txt"}
    assert isinstance(results["inside-link.md"], Document)
    outside_skip = results["outside-link.txt"]
    assert isinstance(outside_skip, Skip) and outside_skip.reason == "symlink-outside-input"
    assert isinstance(results["dangling.txt"], Skip)
    assert results["dangling.txt"].reason == "broken-symlink"


# --- standard input -----------------------------------------------------------------------


def test_stdin_plain_text() -> None:
    stdin = io.StringIO("Title: Call readout\nDate: 2021-11-16\n\nThe leaders spoke for hours.\n")
    doc = only_document(list(read_inputs(["-"], stdin=stdin)))
    assert (doc.title, doc.published, doc.origin) == ("Call readout", "2021-11-16", "<stdin>")


def test_stdin_jsonl_and_html() -> None:
    stream = io.StringIO('\n{"text": "The envoys met."}\n[1]\n')
    first, second = read_stdin(stream)
    assert isinstance(first, Document) and first.origin == "<stdin>:2"
    assert isinstance(second, Skip) and second.origin == "<stdin>:3"
    html = "<html><body><p>The ministers met in Singapore to prepare the next round.</p></body>"
    doc = only_document(list(read_stdin(io.StringIO(html))))
    assert doc.text == "The ministers met in Singapore to prepare the next round."


def test_stdin_empty() -> None:
    assert only_skip(list(read_stdin(io.StringIO(" \n")))).reason == "empty"


# --- helpers ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2019-05-10", "2019-05-10"),
        ("2019-05-10T23:30:00-05:00", "2019-05-10"),
        ("2019/5/1", "2019-05-01"),
        ("20190510", "2019-05-10"),
        ("December 15, 2018", "2018-12-15"),
        ("Sat, 15 Dec 2018 08:00:00 GMT", "2018-12-15"),
        ("15 Dec. 2018", "2018-12-15"),
        ("2019-02-30", None),
        ("last Tuesday", None),
        ("", None),
    ],
)
def test_parse_date(value: str, expected: str | None) -> None:
    assert parse_date(value) == expected


def test_kind_by_name() -> None:
    assert files.kind_of(Path("x.warc.gz")) == "warc"
    assert files.kind_of(Path("X.HTM")) == "html"
    assert files.kind_of(Path("README")) == "text"
    assert files.kind_of(Path("data.csv")) is None
