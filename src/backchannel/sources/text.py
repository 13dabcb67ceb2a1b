"""Plain-text articles (``.txt``, ``.md``, no extension).

An optional header block at the very top gives the metadata::

    Title: Envoys meet in Beijing
    Date: 2019-05-10            (or Published:)
    URL: https://example.com/a
    Source: Example Wire

    The body starts after the first blank line.

Without a header, a short first line (under 200 characters, not ending like a
sentence) followed by more text is the title, and the date may come from the
file name (``2019-05-10-envoys.txt`` or ``envoys_20190510.txt``). The body is
the text; ``published`` stays None when nothing says when.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from backchannel.model import Document, Skip
from backchannel.sources._common import (
    DEFAULT_MAX_BYTES,
    normalise_text,
    parse_date,
    read_text,
)

_HEADER_LINE = re.compile(r"^([A-Za-z][A-Za-z -]{0,30}):[ \t]*(.*)$")
_HEADER_KEYS = {
    "title": "title",
    "date": "date",
    "published": "date",
    "url": "url",
    "source": "source",
}
_NAME_DATE_PREFIX = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:\D|$)")
_NAME_DATE_SUFFIX = re.compile(r"(?:^|[_-])(\d{4})(\d{2})(\d{2})$")
_MAX_TITLE = 200


def read(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Document | Skip]:
    """One Document (or Skip) from a text file."""
    origin = str(path)
    text = read_text(path, origin, max_bytes, "a text file")
    if isinstance(text, Skip):
        yield text
        return
    yield parse_text(text, origin=origin, filename=path.name)


def parse_text(text: str, *, origin: str, filename: str = "") -> Document | Skip:
    """A Document from an article's text, reading the header block or the title line."""
    text = normalise_text(text)
    meta, body = _split_header(text)
    if not meta:
        meta, body = _title_line(text)
    body = body.strip()
    if not body:
        return Skip(origin, "empty", "no body text after the header" if meta else "no text")
    published = parse_date(meta["date"]) if meta.get("date") else None
    if published is None:
        published = _date_from_name(filename)
    return Document(
        doc_id=Document.make_id(body),
        text=body,
        title=meta.get("title", ""),
        url=meta.get("url", ""),
        published=published,
        source=meta.get("source", ""),
        origin=origin,
    )


def _split_header(text: str) -> tuple[dict[str, str], str]:
    """The ``Key: value`` block at the top, if it has a known key and ends with a blank line."""
    head, sep, body = text.partition("\n\n")
    if not sep:
        return {}, text
    meta: dict[str, str] = {}
    for line in head.split("\n"):
        m = _HEADER_LINE.match(line.strip())
        if m is None:
            return {}, text
        key = _HEADER_KEYS.get(m.group(1).strip().casefold())
        if key is not None:
            meta[key] = m.group(2).strip()
    # "Note: …" alone is a sentence, not a header: at least one key must be ours
    return (meta, body) if meta else ({}, text)


def _title_line(text: str) -> tuple[dict[str, str], str]:
    first, sep, rest = text.partition("\n")
    first = first.strip()
    if sep and rest.strip() and len(first) < _MAX_TITLE and first[-1:] not in ".!?:;,":
        return {"title": first}, rest
    return {}, text


def _date_from_name(filename: str) -> str | None:
    stem = filename.split(".", 1)[0]
    for pattern in (_NAME_DATE_PREFIX, _NAME_DATE_SUFFIX):
        m = pattern.search(stem)
        if m:
            return parse_date("-".join(m.groups()))
    return None
