"""URL lists (``.urls``): one http(s) URL per line.

backchannel does not fetch the network, on purpose: a run must be
reproducible from the files it was given, and a crawler needs politeness,
retries and licences that are not this tool's job. Each URL therefore becomes
``Skip(reason="url-fetch-disabled")`` telling the user to fetch the pages and
pass the files. Blank lines and ``#`` comments are ignored.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from backchannel.model import Document, Skip

FETCH_DISABLED = "backchannel does not fetch the network: fetch the pages and pass the files"


def is_url(value: str) -> bool:
    return value.strip().lower().startswith(("http://", "https://"))


def url_skip(url: str, origin: str = "") -> Skip:
    return Skip(origin or url, "url-fetch-disabled", f"{url}: {FETCH_DISABLED}")


def read(path: Path) -> Iterator[Document | Skip]:
    """One Skip per URL (never a Document: see the module docstring)."""
    origin = str(path)
    try:
        handle = path.open("r", encoding="utf-8", errors="replace")
    except OSError as exc:
        yield Skip(origin, "unreadable", exc.strerror or str(exc))
        return
    with handle:
        for number, line in enumerate(handle, start=1):
            value = line.strip().removeprefix("\ufeff")
            if not value or value.startswith("#"):
                continue
            where = f"{origin}:{number}"
            if is_url(value):
                yield url_skip(value, where)
            else:
                yield Skip(where, "not-a-url", f"expected an http(s) URL, found {value[:80]!r}")
