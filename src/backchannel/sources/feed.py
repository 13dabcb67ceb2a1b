"""RSS and Atom feeds (``.xml``, ``.rss``, ``.atom``, or any file that starts like a feed).

Each entry becomes a Document: title, link, published (or updated) as an ISO
date, and the text of its content (the longest one) or else its summary, with
the markup stripped but paragraph breaks kept. The feed's title is the source.

feedparser is always handed bytes in a stream, never a string: a string that
looks like a URL or a path makes it fetch the network or open another file.
"""

from __future__ import annotations

import io
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import feedparser

from backchannel.model import Document, Skip
from backchannel.sources._common import DEFAULT_MAX_BYTES, normalise_text, read_bytes
from backchannel.sources.html import fragment_text

_FEED_MARKERS = (b"<rss", b"<feed", b"<rdf:rdf")


def looks_like_feed(head: bytes) -> bool:
    """Whether the first bytes of a file are an RSS, Atom or RDF feed."""
    start = head[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return start.startswith(b"<") and any(marker in start for marker in _FEED_MARKERS)


def read(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Document | Skip]:
    """One Document (or Skip) per feed entry; Skip(not-a-feed) for anything else."""
    origin = str(path)
    data = read_bytes(path, origin, max_bytes)
    if isinstance(data, Skip):
        yield data
        return
    yield from parse_feed(data, origin=origin)


def parse_feed(data: bytes, *, origin: str) -> Iterator[Document | Skip]:
    """The entries of a feed given as bytes (feedparser sniffs the encoding itself)."""
    parsed = feedparser.parse(io.BytesIO(data))
    entries = parsed.get("entries") or []
    # feedparser is lenient: any XML with <item> elements yields "entries", so a
    # feed is what it recognised a format for (rss20, atom10, rss10 …)
    if not parsed.get("version"):
        problem = parsed.get("bozo_exception")
        detail = f"not RSS or Atom ({problem})" if problem else "not RSS or Atom"
        yield Skip(origin, "not-a-feed", detail[:300])
        return
    if not entries:
        yield Skip(origin, "empty", "the feed has no entries")
        return
    source = str(parsed.get("feed", {}).get("title", "") or "").strip()
    for number, entry in enumerate(entries, start=1):
        yield _entry_document(entry, origin=f"{origin}#{number}", source=source)


def _entry_document(entry: Any, *, origin: str, source: str) -> Document | Skip:
    text = _entry_text(entry)
    if not text:
        return Skip(origin, "empty", "the feed entry has no content or summary")
    return Document(
        doc_id=Document.make_id(text),
        text=text,
        title=fragment_text(str(entry.get("title", "") or "")),
        url=str(entry.get("link", "") or ""),
        published=_entry_date(entry),
        source=source,
        origin=origin,
    )


def _entry_text(entry: Any) -> str:
    candidates: list[tuple[str, str]] = []
    for content in entry.get("content") or []:
        candidates.append((str(content.get("value", "") or ""), str(content.get("type", ""))))
    if not any(value.strip() for value, _ in candidates):
        detail = entry.get("summary_detail") or {}
        candidates = [(str(entry.get("summary", "") or ""), str(detail.get("type", "text/html")))]
    texts = [
        normalise_text(value) if kind == "text/plain" else fragment_text(value)
        for value, kind in candidates
    ]
    return max(texts, key=len, default="").strip()


def _entry_date(entry: Any) -> str | None:
    # "updated_parsed" is only read when present: feedparser maps a missing one to
    # "published_parsed" with a DeprecationWarning, which our tests treat as an error
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        if key in entry:
            value = entry[key]
            if isinstance(value, time.struct_time):
                return f"{value.tm_year:04d}-{value.tm_mon:02d}-{value.tm_mday:02d}"
    return None
