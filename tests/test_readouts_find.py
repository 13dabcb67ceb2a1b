"""`readouts --find`: meetings with one account from each government, then compared by id."""

from __future__ import annotations

import io
import json
from pathlib import Path

from backchannel.cli import main
from backchannel.model import Document, Extraction, Participant
from backchannel.readouts.find import publisher_side
from backchannel.store import Store
from builders import one_event

BIDEN = Participant("joe-biden", "Joe Biden", "USA", "government", "person", "President")
XI = Participant("xi-jinping", "Xi Jinping", "CHN", "government", "person", "President")
US_TEXT = (
    "President Joseph R. Biden, Jr. spoke with President Xi Jinping of the People's Republic of "
    "China on April 2, 2024. The two leaders discussed counternarcotics cooperation and "
    "artificial intelligence. President Biden raised concerns about Taiwan."
)
CN_TEXT = (
    "On April 2, 2024, President Xi Jinping spoke with US President Joe Biden on the phone. "
    "Xi stressed that the Taiwan question is the first red line. The two sides agreed to "
    "continue cooperation on counternarcotics."
)


def _doc(text: str, url: str, source: str) -> Extraction:
    doc = Document(Document.make_id(text), text, "Readout", url, "2024-04-02", source, url)
    return one_event(doc, BIDEN, XI, mode="phone", trigger="spoke", sentence=text.split(". ")[0])


def test_publisher_side_from_domain_or_name() -> None:
    assert publisher_side("https://www.whitehouse.gov/briefing-room/x", "") == "USA"
    assert publisher_side("https://www.fmprc.gov.cn/eng/x.html", "") == "CHN"
    assert publisher_side("", "Xinhua News Agency") == "CHN"
    assert publisher_side("https://example.org/x", "Example Daily") == ""


def test_find_lists_the_call_and_compares_the_two_stored_accounts(tmp_path: Path) -> None:
    db = tmp_path / "r.duckdb"
    us = _doc(US_TEXT, "https://www.whitehouse.gov/briefing-room/readout", "The White House")
    cn = _doc(CN_TEXT, "https://www.fmprc.gov.cn/eng/zxxx/call.html", "")
    with Store.open(db) as store:
        store.migrate()
        store.write([us, cn])
        store.merge_events()
    out = io.StringIO()
    assert main(["readouts", "--find", "--db", str(db), "--format", "json"], out=out) == 0
    (meeting,) = json.loads(out.getvalue())
    assert meeting["date"]["start"] == "2024-04-02"
    sides = {a["side"]: a["doc_id"] for a in meeting["accounts"]}
    assert set(sides) == {"USA", "CHN"}
    out = io.StringIO()
    argv = ["readouts", sides["USA"], sides["CHN"], "--db", str(db), "--method", "keywords"]
    assert main([*argv, "--format", "json"], out=out) == 0
    result = json.loads(out.getvalue())
    assert result["same_meeting"] is True


def test_dashboard_lists_and_shows_the_comparison_without_inline_script(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from backchannel.web import create_app

    db = tmp_path / "r.duckdb"
    hostile = US_TEXT + " <script>alert(1)</script> <img src=x onerror=alert(1)>"
    us = _doc(hostile, "https://www.whitehouse.gov/briefing-room/readout", "The White House")
    cn = _doc(CN_TEXT, "https://www.fmprc.gov.cn/eng/zxxx/call.html", "")
    with Store.open(db) as store:
        store.migrate()
        store.write([us, cn])
        store.merge_events()
    client = TestClient(create_app(str(db), sides=("USA", "CHN")))
    (meeting,) = client.get("/api/readouts").json()
    ids = {a["side"]: a["doc_id"] for a in meeting["accounts"]}
    page = client.get("/readouts", params={"a": ids["USA"], "b": ids["CHN"], "method": "keywords"})
    assert page.status_code == 200
    assert "<script>" not in page.text and "<img" not in page.text
    assert "&lt;script&gt;" in page.text
    csp = page.headers["content-security-policy"]
    assert "script-src" not in csp and "'unsafe-inline'" not in csp and "sha256-" in csp
    bad = client.get("/readouts", params={"a": "../etc/passwd", "b": ids["CHN"]})
    assert bad.status_code == 422 and bad.headers["content-type"].startswith("application/problem")
