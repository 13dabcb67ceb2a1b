"""Shared fixtures: the real pipeline (loaded once), the shared data folder, temp stores."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def shared() -> Path:
    """The shared data folder beside the checkout; tests skip when it is absent."""
    if not (SHARED / "data").is_dir():
        pytest.skip(f"shared data not found at {SHARED} (tests on public data are skipped)")
    return SHARED


@pytest.fixture(scope="session")
def extractor() -> Iterator[object]:
    """The real spaCy pipeline with backchannel's components, loaded once per test session."""
    from backchannel.pipeline import Extractor, Settings

    yield Extractor(Settings(today="2026-11-25"))


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    return tmp_path / "test.duckdb"
