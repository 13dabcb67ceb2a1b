"""Which reader a file goes to: by extension, then by its first bytes.

    .txt .md (no extension)   text      (unless the file starts like a feed)
    .html .htm                html
    .jsonl .ndjson            jsonl
    .xml .rss .atom           feed      (a non-feed gives Skip "not-a-feed")
    .warc .warc.gz            warc
    .urls                     urls      (each URL is a Skip: no network)

A file with another extension is read only if its first bytes say what it is
(a feed, or an HTML document); otherwise it is Skipped as ``binary-file`` or
``unsupported-file-type`` — never guessed into a text article.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from backchannel.model import Document, Skip
from backchannel.sources import feed, html, jsonl, text, urls, warc
from backchannel.sources._common import DEFAULT_MAX_BYTES, looks_binary

Reader = Callable[[Path, int], Iterator[Document | Skip]]

_BY_SUFFIX: dict[str, str] = {
    ".txt": "text",
    ".md": "text",
    "": "text",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
    ".warc": "warc",
    ".urls": "urls",
}
_READERS: dict[str, Reader] = {
    "text": lambda p, n: text.read(p, max_bytes=n),
    "html": lambda p, n: html.read(p, max_bytes=n),
    "jsonl": lambda p, n: jsonl.read(p, max_bytes=n),
    "feed": lambda p, n: feed.read(p, max_bytes=n),
    "warc": lambda p, n: warc.read(p, max_bytes=n),
    "urls": lambda p, n: urls.read(p),
}
SUPPORTED = ", ".join(sorted(s for s in _BY_SUFFIX if s)) + ", .warc.gz, or no extension"


def kind_of(path: Path) -> str | None:
    """The reader for ``path`` by its name alone, or None when the name does not say."""
    name = path.name.lower()
    if name.endswith(".warc.gz"):
        return "warc"
    return _BY_SUFFIX.get(path.suffix.lower())


def read_file(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Document | Skip]:
    """Documents and Skips from one file, through the reader its name or content calls for."""
    origin = str(path)
    kind = kind_of(path)
    if kind in (None, "text"):
        try:
            with path.open("rb") as handle:
                head = handle.read(1024)
        except OSError as exc:
            yield Skip(origin, "unreadable", exc.strerror or str(exc))
            return
        if feed.looks_like_feed(head):
            kind = "feed"
        elif kind is None:
            sniffed = _sniff(head)
            if sniffed is None:
                reason = "binary-file" if looks_binary(head) else "unsupported-file-type"
                yield Skip(
                    origin, reason, f"{path.suffix or 'this file'}: supported are {SUPPORTED}"
                )
                return
            kind = sniffed
    yield from _READERS[kind](path, max_bytes)


def _sniff(head: bytes) -> str | None:
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith((b"<!doctype html", b"<html")):
        return "html"
    return None
