"""Read articles from files, directories, feeds and standard input.

    read_inputs(["corpus/", "feed.xml", "-"])
      ├── "-"              standard input: JSON Lines if it starts with "{",
      │                    a feed or HTML if it starts with "<", else plain text
      ├── http(s)://…      Skip "url-fetch-disabled" (no network, see urls.py)
      ├── a directory      directory.read: recursive, sorted, lazy
      └── a file           files.read_file → text | html | jsonl | feed | warc | urls

Everything is lazy: documents are produced one at a time, so a directory of
a million files or a JSON Lines file of any size never sits in memory.
Per-document problems (empty, binary, undecodable, too large, malformed) come
out as ``Skip(origin, reason, detail)`` in the stream; only a missing input
path raises ``SourceError``, before anything is read, since the run cannot
mean what the user asked. Document ids are ``Document.make_id(text)``: the same
article read from any kind of source has one id.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TextIO

from backchannel.errors import SourceError
from backchannel.model import Document, Skip
from backchannel.sources import directory, feed, files, html, jsonl, text, urls, warc
from backchannel.sources._common import DEFAULT_MAX_BYTES, parse_date

__all__ = [
    "DEFAULT_MAX_BYTES",
    "STDIN",
    "directory",
    "feed",
    "files",
    "html",
    "jsonl",
    "parse_date",
    "read_inputs",
    "read_stdin",
    "text",
    "urls",
    "warc",
]

STDIN = "-"
_STDIN_ORIGIN = "<stdin>"


def read_inputs(
    inputs: Sequence[str], *, stdin: TextIO | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Document | Skip]:
    """Documents and Skips from every input, in order.

    ``inputs`` are paths (files or directories), ``-`` for ``stdin`` (default
    ``sys.stdin``), or URLs (which become Skips: nothing is fetched).
    ``max_bytes`` limits each document: a file, a JSON line, a WARC record.
    Raises ``SourceError`` at once if a path does not exist.
    """
    for value in inputs:
        if value != STDIN and not urls.is_url(value) and not Path(value).exists():
            raise SourceError(
                f"input not found: {value} (give a file, a directory, a URL list, "
                f"a feed, or - for standard input)"
            )
    return _read_all(list(inputs), stdin, max_bytes)


def _read_all(inputs: list[str], stdin: TextIO | None, max_bytes: int) -> Iterator[Document | Skip]:
    for value in inputs:
        if value == STDIN:
            yield from read_stdin(stdin if stdin is not None else sys.stdin, max_bytes=max_bytes)
        elif urls.is_url(value):
            yield urls.url_skip(value.strip())
        else:
            path = Path(value)
            if path.is_dir():
                yield from directory.read(path, max_bytes=max_bytes)
            else:
                yield from files.read_file(path, max_bytes=max_bytes)


def read_stdin(stream: TextIO, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Document | Skip]:
    """Documents from a text stream: JSON Lines, a feed, HTML, or one plain-text article.

    ``max_bytes`` counts characters here: the stream is already decoded.
    """
    skipped_newlines = 0
    first = stream.read(1)
    while first and first.isspace():
        skipped_newlines += first == "\n"
        first = stream.read(1)
    if not first:
        yield Skip(_STDIN_ORIGIN, "empty", "nothing on standard input")
        return
    if first == "{":
        # line by line, like a file: the stream may be a long-running pipe
        lines = _stdin_lines(first, stream, skipped_newlines, max_bytes)
        yield from jsonl.read_lines(lines, origin=_STDIN_ORIGIN, max_bytes=max_bytes)
        return
    content = first + stream.read(max_bytes)
    if len(content) > max_bytes:
        yield Skip(
            _STDIN_ORIGIN, "too-large", f"standard input is over the {max_bytes:,}-character limit"
        )
        return
    if first == "<":
        if feed.looks_like_feed(content[:1024].encode("utf-8", "replace")):
            yield from feed.parse_feed(content.encode("utf-8"), origin=_STDIN_ORIGIN)
        else:
            yield html.extract(content, origin=_STDIN_ORIGIN)
        return
    yield text.parse_text(content, origin=_STDIN_ORIGIN)


def _stdin_lines(first: str, stream: TextIO, blank: int, max_bytes: int) -> Iterator[str | None]:
    """Lines of the stream; None for one over ``max_bytes`` (the rest of it is skipped)."""
    yield from [""] * blank  # keep line numbers true to the input
    line = first + stream.readline(max_bytes)
    while line:
        if len(line) > max_bytes and not line.endswith("\n"):
            while line and not line.endswith("\n"):
                line = stream.readline(1 << 20)
            yield None
        else:
            yield line
        line = stream.readline(max_bytes + 1)
