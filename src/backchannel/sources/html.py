"""HTML pages (``.html``, ``.htm``), through trafilatura.

trafilatura 2.x behaviour this module relies on (checked in its source):

- ``bare_extraction(..., with_metadata=True)`` returns a ``trafilatura.Document``
  (not a dict) with ``text``, ``title``, ``date`` (``YYYY-MM-DD``), ``url`` and
  ``sitename``, or None when it finds no body; it logs, and never warns.
- ``text`` puts one newline between blocks (and for ``<br>``); we turn each
  line into a paragraph so that headings do not run into the next sentence.
- ``load_html`` rejects a bare fragment (``<p>…</p>`` alone); fragments are
  wrapped in ``<html><body>`` first, as its docstring recommends.
- the default date search is "extensive" (it guesses from any date-like text
  on the page); we ask for the declared date only, because a wrong
  publication date is worse than none.
- ``deduplicate`` stays off: its cache is process-wide state, which would make
  a document's text depend on what was read before it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import trafilatura
from lxml import etree
from lxml import html as lxml_html

from backchannel.model import Document, Skip
from backchannel.sources._common import (
    DEFAULT_MAX_BYTES,
    normalise_text,
    parse_date,
    read_text,
)

_DOCUMENT_START = re.compile(r"<\s*(?:!doctype\s+html|html|body|head)\b", re.IGNORECASE)
_BLOCK_TAGS = frozenset(
    {"address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption",
     "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav",
     "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul"}
)  # fmt: skip
_SILENT_TAGS = frozenset({"script", "style", "noscript", "template", "head", "title"})
_SPACES = re.compile(r"[^\S\n]+")


def read(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Document | Skip]:
    """One Document (or Skip) from an HTML file."""
    origin = str(path)
    markup = read_text(path, origin, max_bytes, "an HTML file")
    if isinstance(markup, Skip):
        yield markup
        return
    yield extract(markup, origin=origin)


def extract(
    markup: str,
    *,
    origin: str,
    url: str = "",
    title: str = "",
    published: str | None = None,
    source: str = "",
) -> Document | Skip:
    """The main text and metadata of an HTML page; given metadata wins over extracted.

    Never raises for bad markup: a page with no extractable body is
    ``Skip(reason="html-no-text")``, a parser failure ``Skip(reason="html-error")``.
    """
    if not markup.strip():
        return Skip(origin, "empty", "no HTML")
    if not _DOCUMENT_START.search(markup[:2048]):
        markup = f"<html><body><div>{markup}</div></body></html>"
    try:
        result = trafilatura.bare_extraction(
            markup,
            url=url or None,
            with_metadata=True,
            include_comments=False,
            deduplicate=False,
            date_extraction_params={
                "original_date": True,
                "extensive_search": False,
                "max_date": dt.date.today().isoformat(),
            },
        )
    # trafilatura catches its own ValueError/TypeError; lxml and recursion errors on
    # hostile markup still escape, and one bad page must not end the run
    except Exception as exc:
        return Skip(origin, "html-error", f"{type(exc).__name__}: {exc}"[:300])
    if result is None:
        return Skip(origin, "html-no-text", "trafilatura found no article text in the page")
    text = _paragraphs(_attr(result, "text"))
    if not text:
        return Skip(origin, "html-no-text", "trafilatura found no article text in the page")
    return Document(
        doc_id=Document.make_id(text),
        text=text,
        title=title or _attr(result, "title"),
        url=url or _attr(result, "url"),
        published=published or parse_date(_attr(result, "date")),
        source=source or _attr(result, "sitename"),
        origin=origin,
    )


def fragment_text(markup: str) -> str:
    """Readable text of an HTML fragment (a feed entry's content), one paragraph per block.

    For fragments that are already the article body: no boilerplate detection,
    just markup removal that keeps block boundaries. Returns "" for unparsable input.
    """
    if "<" not in markup:
        return normalise_text(_SPACES.sub(" ", markup))
    try:
        root = lxml_html.fragment_fromstring(markup, create_parent="div")
    # lxml asserts ("too many bodies") on some markup, such as a lone "<html>\x0c"
    except (etree.ParserError, ValueError, AssertionError):
        return ""
    parts: list[str] = []
    silent = 0
    for event, element in etree.iterwalk(root, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else ""
        if event == "start":
            if tag in _SILENT_TAGS:
                silent += 1
            elif tag in _BLOCK_TAGS:
                parts.append("\n")
            if not silent and tag and element.text:
                parts.append(element.text)
            continue
        if tag in _SILENT_TAGS:
            silent -= 1
        elif tag in _BLOCK_TAGS:
            parts.append("\n")
        if not silent and element.tail and element is not root:
            parts.append(element.tail)
    return _paragraphs(_SPACES.sub(" ", "".join(parts)))


def _paragraphs(text: str) -> str:
    lines = (" ".join(line.split()) for line in normalise_text(text).split("\n"))
    return "\n\n".join(line for line in lines if line)


def _attr(result: Any, name: str) -> str:
    value = getattr(result, name, None)
    return value.strip() if isinstance(value, str) else ""
