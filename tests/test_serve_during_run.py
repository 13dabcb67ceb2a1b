"""``serve`` answers while ``run`` writes the same store: the old or the new state, never an error.

Both commands run as they would for a user, as two processes on one DuckDB
file: ``serve`` opens it read-only per request and waits out the run's short
write transactions (DuckDB lets one process write, or many read, not both at
once). Meanwhile this test polls the JSON API as the page does.
"""

from __future__ import annotations

import importlib.util
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from backchannel.store import Store

pytestmark = [pytest.mark.slow, pytest.mark.model]

ROOT = Path(__file__).resolve().parents[1]
EXE = Path(sys.executable).with_name("backchannel")
N_ARTICLES = 120  # a run of 30-60 s on two shared cores, the model load included
TODAY = "2025-11-25"
ENDPOINTS = ("/api/meta", "/api/graph", "/api/channels", "/api/actors")
BUDGET = 600  # seconds: a safety stop on a very slow machine; the test then fails


def _write_corpus(path: Path) -> None:
    spec = importlib.util.spec_from_file_location("bench_corpus", ROOT / "benchmarks" / "corpus.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.write_articles(path, N_ARTICLES)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _counts(path: str, body: Any) -> dict[str, int]:
    """What can only grow while a run adds articles, as seen through one endpoint."""
    if path == "/api/meta":
        counts: dict[str, int] = body["counts"]
        return {k: counts[k] for k in ("documents", "event_records", "role_changes", "skipped")}
    if path == "/api/graph":
        return {"graph nodes": len(body["nodes"]), "graph edges": len(body["edges"])}
    if path == "/api/channels":
        return {"channels": len(body)}
    return {"actors": len(body)}


@pytest.fixture(scope="module")
def polled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    base = tmp_path_factory.mktemp("serve")
    corpus = base / "articles.jsonl"
    _write_corpus(corpus)
    db = base / "s.duckdb"
    with Store.open(db) as store:  # an empty store, as before a first run
        store.migrate()
    port = _free_port()
    server = subprocess.Popen(
        [str(EXE), "serve", "--db", str(db), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    writer: subprocess.Popen[bytes] | None = None
    # seconds into the run, path, status, media type, body, seconds the request took
    polls: list[tuple[float, str, int, str, Any, float]] = []
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=120) as client:
            deadline = time.monotonic() + 60
            while True:
                try:
                    if client.get("/api/meta").status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                assert server.poll() is None and time.monotonic() < deadline, "serve did not start"
                time.sleep(0.1)
            writer = subprocess.Popen(
                [str(EXE), "run", str(corpus), "--db", str(db), "--today", TODAY, "--quiet"],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
            )
            start = time.monotonic()
            rounds_after, ended = 0, 0.0
            while rounds_after < 2:  # two full rounds once the run has ended: the new state
                if writer.poll() is not None:
                    rounds_after += 1
                    ended = ended or time.monotonic()
                assert time.monotonic() - start < BUDGET, "the run took too long"
                for path in ENDPOINTS:
                    asked = time.monotonic()
                    r = client.get(path)
                    took = time.monotonic() - asked
                    try:
                        body = r.json()
                    except ValueError:
                        body = r.text
                    media = r.headers.get("content-type", "").split(";")[0]
                    polls.append((asked - start, path, r.status_code, media, body, took))
                    time.sleep(0.05)  # a page refreshing often, not a busy loop
            run_code = writer.wait()
            run_seconds = ended - start
            run_err = writer.stderr.read().decode() if writer.stderr else ""
        with Store.open(db, read_only=True) as store:
            final = store.counts()
        yield {"polls": polls, "run": (run_code, run_err), "final": final, "seconds": run_seconds}
    finally:
        for proc in (writer, server):
            if proc is not None and proc.poll() is None:
                proc.terminate()
                proc.wait(30)
        if server.stderr:
            server.stderr.close()
        if writer is not None and writer.stderr:
            writer.stderr.close()


def test_every_response_during_the_run_is_200_json(polled: dict[str, Any]) -> None:
    assert polled["run"] == (0, "")
    polls = polled["polls"]
    bad = [(t, path, status, body) for t, path, status, _, body, _ in polls if status != 200]
    assert bad == []
    assert {p[3] for p in polls} == {"application/json"}
    assert len(polls) >= 40, "too few requests got in while the run wrote"
    slowest = max(p[5] for p in polls)
    print(
        f"\nrun {polled['seconds']:.1f} s; {len(polls)} requests, 0 errors; "
        f"slowest answer {slowest:.2f} s"
    )


def test_counts_never_go_back_and_end_at_the_stored_state(polled: dict[str, Any]) -> None:
    seen: dict[str, list[int]] = {}
    for _, path, _, _, body, _ in polled["polls"]:
        for name, value in _counts(path, body).items():
            seen.setdefault(name, []).append(value)
    for name, values in seen.items():
        assert values == sorted(values), f"{name} went back: {values}"
    final = polled["final"]
    for name in ("documents", "event_records", "role_changes", "skipped"):
        assert seen[name][-1] == final[name], name
    documents = seen["documents"]
    assert documents[0] < final["documents"] and final["documents"] > N_ARTICLES // 2
    assert any(0 < d < final["documents"] for d in documents), "no poll landed mid-run"
    assert seen["channels"][-1] > 0 and seen["graph edges"][-1] > 0
