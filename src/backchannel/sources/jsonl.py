"""JSON Lines (``.jsonl``, ``.ndjson``): one article object per line.

    {"id": "a1", "text": "…" | "html": "<html>…", "published": "2019-05-10",
     "url": "…", "title": "…", "source": "…"}

``text`` wins over ``html``; ``html`` goes through the HTML extractor, whose
metadata fills the fields the line leaves out. ``date`` is read when
``published`` is absent. The document id is always the hash of the text, so
re-ingesting a file changes nothing; the line's own ``id`` is kept in the
origin (``path:LINE#id``).

The file is read line by line, so it may be any size; ``max_bytes`` limits
each line. A bad line (not JSON, not an object, a field of the wrong type,
no text) is a Skip with origin ``path:LINE``, and reading goes on.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from backchannel.model import Document, Skip
from backchannel.sources._common import DEFAULT_MAX_BYTES, normalise_text, parse_date
from backchannel.sources.html import extract

_STRING_FIELDS = ("text", "html", "published", "date", "url", "title", "source")
_CHUNK = 1 << 20


def read(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Document | Skip]:
    """One Document (or Skip) per non-blank line."""
    origin = str(path)
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield Skip(origin, "unreadable", exc.strerror or str(exc))
        return
    with handle:
        yield from read_lines(_bounded_lines(handle, max_bytes), origin=origin, max_bytes=max_bytes)


def read_lines(
    lines: Iterable[bytes | str | None], *, origin: str, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Document | Skip]:
    """Documents from JSON lines; a None line stands for one that was over ``max_bytes``."""
    for number, line in enumerate(lines, start=1):
        where = f"{origin}:{number}"
        if line is None:
            yield Skip(where, "too-large", f"the line is over the {max_bytes:,}-byte limit")
            continue
        if isinstance(line, bytes):
            try:
                line = line.decode("utf-8")
            except UnicodeDecodeError as exc:
                yield Skip(where, "undecodable", f"JSON Lines must be UTF-8: {exc.reason}")
                continue
        if number == 1:
            line = line.removeprefix("\ufeff")
        if not line.strip():
            continue
        if len(line) > max_bytes:
            yield Skip(where, "too-large", f"the line is over the {max_bytes:,}-byte limit")
            continue
        yield parse_line(line, origin=where)


def parse_line(line: str, *, origin: str) -> Document | Skip:
    """A Document from one JSON object, or a Skip saying what is wrong with it."""
    try:
        record: Any = json.loads(line)
    except json.JSONDecodeError as exc:
        return Skip(origin, "bad-json", f"{exc.msg} at column {exc.colno}")
    if not isinstance(record, dict):
        return Skip(
            origin, "not-an-object", f"expected a JSON object, found {type(record).__name__}"
        )
    raw_id = record.get("id")
    if raw_id is not None and (isinstance(raw_id, bool) or not isinstance(raw_id, str | int)):
        return Skip(
            origin, "bad-field", f"'id' must be a string or an integer, not {_kind(raw_id)}"
        )
    if raw_id is not None and str(raw_id):
        origin = f"{origin}#{raw_id}"
    for name in _STRING_FIELDS:
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            return Skip(origin, "bad-field", f"{name!r} must be a string, not {_kind(value)}")
    fields: dict[str, str] = {k: record[k] for k in _STRING_FIELDS if record.get(k) is not None}
    published_raw = fields.get("published") or fields.get("date") or ""
    published = parse_date(published_raw) if published_raw else None
    text = normalise_text(fields.get("text", ""))
    if text:
        return Document(
            doc_id=Document.make_id(text),
            text=text,
            title=normalise_text(fields.get("title", "")),
            url=fields.get("url", "").strip(),
            published=published,
            source=fields.get("source", "").strip(),
            origin=origin,
        )
    if fields.get("html", "").strip():
        return extract(
            fields["html"],
            origin=origin,
            url=fields.get("url", "").strip(),
            title=normalise_text(fields.get("title", "")),
            published=published,
            source=fields.get("source", "").strip(),
        )
    return Skip(origin, "no-text", "the object has neither 'text' nor 'html'")


def _bounded_lines(handle: BinaryIO, max_bytes: int) -> Iterator[bytes | None]:
    """Lines of at most ``max_bytes``; a longer one is skipped in chunks and reported as None."""
    while True:
        line = handle.readline(max_bytes + 1)
        if not line:
            return
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):
                line = handle.readline(_CHUNK)
            yield None
            continue
        yield line


def _kind(value: object) -> str:
    return {dict: "an object", list: "an array", bool: "a boolean", type(None): "null"}.get(
        type(value), type(value).__name__
    )
