"""Fuzz targets for the HTML and JSON Lines readers: any bytes give Documents or Skips.

Each target is called by atheris (``fuzz/run.py``) with bytes chosen to reach
new code, in backchannel and in trafilatura (both instrumented). An exception,
or a result that is neither a Document nor a Skip, is a crash: atheris stops
and writes the input that caused it.
"""

from __future__ import annotations

import atheris

with atheris.instrument_imports(include=["backchannel", "trafilatura", "htmldate", "justext"]):
    from backchannel.model import Document, Skip
    from backchannel.sources import html, jsonl
    from backchannel.sources._common import decode, looks_binary


def _check(item: object) -> None:
    if not isinstance(item, Document | Skip):
        raise TypeError(f"a reader returned {type(item).__name__}")
    if isinstance(item, Document) and (
        not item.text.strip() or item.doc_id != Document.make_id(item.text)
    ):
        raise ValueError(f"a Document without text or with the wrong id: {item!r}"[:300])


def html_target(data: bytes) -> None:
    """Bytes as an HTML file would be read: binary sniffing, decoding, extraction."""
    if looks_binary(data):
        return
    markup = decode(data, "fuzz.html")
    if isinstance(markup, Skip):
        return
    _check(html.extract(markup, origin="fuzz.html"))
    if not isinstance(html.fragment_text(markup), str):
        raise TypeError("fragment_text must return text")


def jsonl_target(data: bytes) -> None:
    """Bytes as a JSON Lines file: every line a Document or a Skip, never more items than lines."""
    lines = data.split(b"\n")
    items = list(jsonl.read_lines(lines, origin="fuzz.jsonl", max_bytes=4096))
    if len(items) > len(lines):
        raise ValueError("more items than lines")
    for item in items:
        _check(item)


TARGETS = {"html": html_target, "jsonl": jsonl_target}
