"""The dashboard in a real headless Chromium (Debian's /usr/bin/chromium, driven by Playwright).

Run ``bash scripts/install_browser.sh`` once to get Chromium; Playwright's own
browser download is never used.
"""

from __future__ import annotations

import socket
import statistics
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists():
    pytest.skip(
        "browser tests need /usr/bin/chromium: run `bash scripts/install_browser.sh`",
        allow_module_level=True,
    )
sync_api = pytest.importorskip(
    "playwright.sync_api", reason="browser tests need playwright: pip install playwright"
)
uvicorn = pytest.importorskip("uvicorn")

from backchannel.store import Store  # noqa: E402
from backchannel.synthetic import synthetic_store  # noqa: E402
from backchannel.web import create_app  # noqa: E402
from builders import write_meeting  # noqa: E402
from test_web_api import (  # noqa: E402
    BIDEN,
    HOSTILE_SENTENCE,
    HOSTILE_TITLE,
    SIDES,
    WANG,
    build_store,
)

ROOT = Path(__file__).resolve().parents[1]
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    """uvicorn on 127.0.0.1 in a background thread, for one store."""

    def __init__(self, db: Path, sides: tuple[str, ...] | None = SIDES) -> None:
        self.port = _free_port()
        self.app = create_app(str(db), sides=sides)
        config = uvicorn.Config(self.app, host="127.0.0.1", port=self.port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> Server:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


class Watch:
    """Everything the page says that a user should never see: dialogs, errors, CSP refusals."""

    def __init__(self, page: Any) -> None:
        self.dialogs: list[str] = []
        self.problems: list[str] = []
        page.on("dialog", self._dialog)
        page.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))
        page.on("console", self._console)

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def _console(self, msg: Any) -> None:
        if msg.type == "error" or "Content Security Policy" in msg.text:
            self.problems.append(msg.text)


def _ready(page: Any, day: str, timeout: float = 30_000) -> None:
    page.wait_for_selector(f"body[data-ready='{day}']", timeout=timeout)


def test_dashboard_slider_actor_and_whatif(tmp_path: Path, browser: Any) -> None:
    db = build_store(tmp_path / "web.duckdb")
    with Server(db) as server:
        page = browser.new_page(viewport={"width": 1400, "height": 850})
        watch = Watch(page)
        page.goto(server.url + "/")
        _ready(page, "2024-08-27")
        assert page.text_content("#date-label") == "2024-08-27"
        assert page.text_content("#counts") == "4 actors, 2 channels shown"
        # the small map was laid out by the vendored fCoSE (an unknown layout would throw)
        assert page.evaluate("typeof cytoscapeFcose") == "function"

        # drag the slider's thumb to the far left: the map goes back to the first event
        box = page.locator("#date").bounding_box()
        y = box["y"] + box["height"] / 2
        page.mouse.move(box["x"] + box["width"] - 4, y)
        page.mouse.down()
        page.mouse.move(box["x"] - 20, y, steps=8)
        page.mouse.up()
        _ready(page, "2023-09-17")
        assert page.text_content("#date-label") == "2023-09-17"
        assert page.text_content("#counts") == "2 actors, 1 channels shown"
        page.focus("#date")
        page.keyboard.press("End")
        _ready(page, "2024-08-27")

        # open an actor through the search box: roles, and the hostile sentence as text
        page.fill("#search", "Sullivan")
        page.click("#search-results button")
        page.wait_for_selector("#details h2:text('Jake Sullivan')")
        _ready(page, "2024-08-27")
        assert "National Security Adviser" in page.text_content("#details ul.roles")
        quotes = page.locator("#details blockquote.evidence").all_text_contents()
        assert HOSTILE_SENTENCE in quotes
        assert "Sullivan could meet Wang again." in quotes  # hypothetical, shown all the same
        assert page.locator("img").count() == 0  # the <img onerror> stayed text
        assert page.locator("#details script").count() == 0
        assert page.locator("a[href^='javascript']").count() == 0
        assert HOSTILE_TITLE in page.text_content("#details")  # the title, not a link
        hrefs = page.eval_on_selector_all("#details a", "els => els.map(a => a.href)")
        assert hrefs and all(h.startswith(("http://", "https://")) for h in hrefs)

        # filter events by modality in the panel
        page.select_option("#filter-modality", "hypothetical")
        quotes = page.locator("#details blockquote.evidence").all_text_contents()
        assert quotes == ["Sullivan could meet Wang again."]
        page.select_option("#filter-modality", "")

        # what-if: without Sullivan, his channel to Wang Yi is lost and capacity drops
        page.click("#remove-actor")
        page.click("#whatif-run")
        page.wait_for_selector("#whatif-result .capacity")
        result = page.text_content("#whatif-result")
        assert "Capacity Joe Biden → Xi Jinping: 2 → 1 independent routes" in result
        assert "Channels lost (1)" in result and "Jake Sullivan – Wang Yi" in result
        assert watch.dialogs == [] and watch.problems == []
        page.close()


def test_after_a_write_the_page_says_so_then_shows_the_new_version(
    tmp_path: Path, browser: Any
) -> None:
    db = build_store(tmp_path / "web.duckdb")
    with Server(db) as server:  # started: the store is indexed
        cache = server.app.state.cache
        indexed = cache.refresher
        go = threading.Event()  # the new version is indexed only when the test says so

        def held() -> None:
            go.wait(timeout=60)
            indexed()

        cache.refresher = held
        page = browser.new_page(viewport={"width": 1400, "height": 850})
        watch = Watch(page)
        page.goto(server.url + "/")
        _ready(page, "2024-08-27")
        assert page.is_hidden("#stale")
        assert page.text_content("#counts") == "4 actors, 2 channels shown"

        write_meeting(db, BIDEN, WANG, "Biden met Wang Yi in Washington.", "2024-05-01")

        page.focus("#date")
        page.keyboard.press("ArrowLeft")  # a new date, answered from the version before the write
        _ready(page, "2024-08-26")
        assert page.is_visible("#stale")
        assert page.text_content("#counts") == "4 actors, 2 channels shown"

        go.set()  # the page asks again by itself once the new version can answer
        page.wait_for_selector("#stale", state="hidden", timeout=30_000)
        page.wait_for_function(
            "() => document.getElementById('counts').textContent === '4 actors, 3 channels shown'",
            timeout=30_000,
        )
        assert watch.dialogs == [] and watch.problems == []
        page.close()


@pytest.mark.model
def test_screenshot_of_the_main_view(tmp_path: Path, browser: Any) -> None:
    from backchannel.pipeline import Settings, run

    db = tmp_path / "corpus.duckdb"
    run([str(ROOT / "examples" / "corpus")], str(db), Settings(today="2026-11-25"))
    with Store.open(db, read_only=True) as store:
        # the page opens on the last dated event: the visit to Beijing planned
        # "in April" by an article written after Busan (late October 2025)
        last = store.query("SELECT max(coalesce(date_end, date_start)) AS d FROM event_records")
    day = last[0]["d"]
    assert day == "2026-04-30"
    with Server(db, sides=None) as server:
        page = browser.new_page(viewport={"width": 1400, "height": 850})
        watch = Watch(page)
        page.goto(server.url + "/")
        _ready(page, day)
        page.fill("#search", "Xi Jinping")
        page.click("#search-results button")
        page.wait_for_selector("#details h2:text('Xi Jinping')")
        _ready(page, day)
        assert page.locator("#details li.event").count() > 10
        page.screenshot(path=str(ROOT / "docs" / "screenshot.png"))
        assert watch.dialogs == [] and watch.problems == []
        page.close()


# -- time to interactive at scale ------------------------------------------------------


def _load(page: Any, url: str, day: str) -> float:
    """Seconds from navigation to an interactive map (see ``_ready``'s attribute)."""
    t0 = time.perf_counter()
    page.goto(url)
    _ready(page, day, timeout=180_000)
    return time.perf_counter() - t0


def _move_slider(page: Any, fraction: float, current: str) -> float:
    t0 = time.perf_counter()
    page.eval_on_selector(
        "#date",
        "(el, f) => { el.value = String(Math.floor(el.max * f)); "
        "el.dispatchEvent(new Event('change')); }",
        fraction,
    )
    page.wait_for_function(
        "(d) => document.body.dataset.ready !== 'no' && document.body.dataset.ready !== d",
        arg=current,
        timeout=120_000,
    )
    return time.perf_counter() - t0


@pytest.mark.slow
def test_time_to_interactive_with_2000_actors_and_20000_events(
    tmp_path: Path, browser: Any
) -> None:
    """Prints the figures in docs/dashboard.md; asserts only what a user would see.

    *Interactive* is from ``page.goto`` until ``body[data-ready]`` names the last
    date: the page has its metadata and the map for that date, every actor is
    placed, the channels to draw are added, and two animation frames have run
    since (so the map is on screen). The search box and the slider are then
    timed too. The server indexes the store before it listens (timed); the
    first load follows its start, the next three show the usual case.
    """
    db = tmp_path / "big.duckdb"
    started = time.perf_counter()
    synthetic_store(db)
    build = time.perf_counter() - started
    with Store.open(db, read_only=True) as store:
        last = store.query("SELECT max(date_end) AS d FROM event_records")[0]["d"]
    figures: list[tuple[str, float]] = [("build store (bulk write)", build)]
    started = time.perf_counter()
    with Server(db) as server:
        figures.append(("server start (indexes the store first)", time.perf_counter() - started))
        page = browser.new_page(viewport={"width": 1400, "height": 850})
        watch = Watch(page)
        figures.append(("first load after server start", _load(page, server.url + "/", last)))
        loads = [_load(page, server.url + "/", last) for _ in range(3)]
        figures.append(("page load → map interactive", statistics.median(loads)))
        marks = dict(
            page.evaluate(
                "performance.getEntriesByType('mark').map(m => [m.name.split(' ')[0], m.startTime])"
            )
        )
        for label, mark in (
            ("  map data received at", "graph-received"),
            ("  elements added at", "map-updated"),
            ("  map drawn at", "map-drawn"),
        ):
            figures.append((label, marks[mark] / 1000))
        drawn_at_end = page.text_content("#counts")

        t0 = time.perf_counter()
        page.fill("#search", "Person 00042")
        page.wait_for_selector("#search-results button")
        figures.append(("search → results (150 ms debounce)", time.perf_counter() - t0))

        moves, current = [], last
        for fraction in (0.5, 0.25, 0.75):
            moves.append(_move_slider(page, fraction, current))
            current = page.evaluate("document.body.dataset.ready")
        figures.append(("slider → map redrawn (new date)", statistics.median(moves)))
        figures.append(("slider → map redrawn (date seen)", _move_slider(page, 0.5, current)))
        shown = page.text_content("#counts")
        assert watch.dialogs == [] and watch.problems == []
        page.close()
    # a large map says that it draws only the strongest channels
    assert "strongest drawn" in drawn_at_end and "2000 actors" in drawn_at_end
    print(f"\n2,000 actors, 20,000 events; at the last date: {drawn_at_end}; mid-range: {shown}")
    print("(page loads: median of 3; slider: median of 3 new dates; marks: the last load)")
    for label, seconds in figures:
        print(f"  {label:36s} {seconds:7.2f} s")
