"""Web archives (``.warc``, ``.warc.gz``) through warcio, when it is installed.

Every ``response`` record with an HTML payload goes through the HTML
extractor; the record's target URI is the URL. The WARC date is when the page
was crawled, not when it was published, so it is never used as ``published``.
warcio is optional: without it each WARC file is one
``Skip(reason="warc-support-not-installed")``, and nothing else changes.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from backchannel.model import Document, Skip
from backchannel.sources._common import DEFAULT_MAX_BYTES, decode, too_large
from backchannel.sources.html import extract


def available() -> bool:
    """Whether warcio can be imported."""
    return _archive_iterator() is not None


def read(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Document | Skip]:
    """One Document (or Skip) per HTML response record; ``max_bytes`` limits each record."""
    origin = str(path)
    iterator_class = _archive_iterator()
    if iterator_class is None:
        yield Skip(
            origin,
            "warc-support-not-installed",
            "install warcio (pip install warcio) to read WARC files, or extract the pages first",
        )
        return
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield Skip(origin, "unreadable", exc.strerror or str(exc))
        return
    with handle:
        try:
            for number, record in enumerate(iterator_class(handle), start=1):
                if record.rec_type != "response":
                    continue
                skip_or_doc = _record_document(record, f"{origin}#{number}", max_bytes)
                if skip_or_doc is not None:
                    yield skip_or_doc
        # warcio raises its own ArchiveLoadFailed and zlib/OS errors on damaged files
        except Exception as exc:
            yield Skip(origin, "bad-warc", f"{type(exc).__name__}: {exc}"[:300])


def _record_document(record: Any, origin: str, max_bytes: int) -> Document | Skip | None:
    headers = record.http_headers
    content_type = (headers.get_header("Content-Type") if headers is not None else "") or ""
    if "html" not in content_type.lower():
        return None  # images, scripts, robots.txt: not articles, and not worth a Skip each
    data = record.content_stream().read(max_bytes + 1)
    if len(data) > max_bytes:
        return too_large(origin, len(data), max_bytes)
    markup = decode(data, origin)
    if isinstance(markup, Skip):
        return markup
    url = record.rec_headers.get_header("WARC-Target-URI") or ""
    return extract(markup, origin=origin, url=url)


def _archive_iterator() -> Any:
    try:
        module = importlib.import_module("warcio.archiveiterator")
    except ImportError:
        return None
    return module.ArchiveIterator
