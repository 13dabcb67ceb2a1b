"""Readout comparison in the dashboard: the meetings with both sides' accounts, and one comparison.

    GET /api/readouts            meetings with an account published by each side
    GET /readouts?a=DOC&b=DOC    the two accounts side by side, topics aligned

The comparison page is the same HTML as ``backchannel readouts --format html``:
article text is escaped by its template, it has no script at all, and its
single inline ``<style>`` element is allowed by its own hash in the page's
Content-Security-Policy (nothing else inline is).
"""

from __future__ import annotations

import base64
import hashlib
import re
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from backchannel.store import Store

DocId = Annotated[str, Query(pattern=r"^d[0-9a-f]{16}$", description="a stored document id")]
Method = Annotated[str, Query(pattern=r"^(auto|embeddings|keywords)$")]
_STYLE = re.compile(r"<style>(.*?)</style>", re.DOTALL)

router = APIRouter()


def _store(request: Request) -> Any:
    return Store.open(request.app.state.db_path, read_only=True)


@router.get("/api/readouts", summary="meetings with an account published by each side")
def meetings(request: Request) -> list[dict[str, Any]]:
    from backchannel.readouts.find import find_meetings

    with _store(request) as store:
        return find_meetings(store, sides=request.app.state.sides())


@router.get("/readouts", response_class=HTMLResponse, include_in_schema=False)
def comparison(request: Request, a: DocId, b: DocId, method: Method = "auto") -> HTMLResponse:
    from backchannel.readouts import ReadoutText, compare_readouts, render_html
    from backchannel.readouts.find import stored_readout_text

    texts = []
    with _store(request) as store:
        for label, doc_id in (("A", a), ("B", b)):
            text, title, published = stored_readout_text(store, doc_id)
            texts.append(ReadoutText(text=text, label=label, published=published, title=title))
    page = render_html(compare_readouts(texts[0], texts[1], method=method), texts[0], texts[1])
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(m.encode()).digest()).decode() + "'"
        for m in _STYLE.findall(page)
    )
    style_src = hashes or "'none'"
    csp = (
        f"default-src 'none'; style-src {style_src}; img-src data:; "
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    )
    return HTMLResponse(page, headers={"Content-Security-Policy": csp})
