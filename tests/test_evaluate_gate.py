"""The quality gate: extraction quality must stay above the floors in quality_gate.json.

Runs the real pipeline over the project gold set (all of it) and over the
public gold sets (the subsets named in ``limits``) when the shared data folder
is present, loading the Phoenix actor and agent dictionaries beside the gold
sets when they are there, as ``backchannel evaluate`` does by default. To
lower a floor, change it in quality_gate.json explicitly and say why in
CHANGELOG.md; never to make a failing change pass unexplained.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from backchannel.evaluate import default_dictionaries, evaluate, figures
from backchannel.evaluate.runner import make_extractor

ROOT = Path(__file__).resolve().parents[1]
GATE = json.loads((ROOT / "quality_gate.json").read_text(encoding="utf-8"))
DATA = ROOT.parent / "shared" / "data"
HOW = (
    "If the drop is intended, lower the figure in quality_gate.json explicitly "
    "and give the reason in CHANGELOG.md (see docs/quality.md)."
)

pytestmark = [pytest.mark.slow, pytest.mark.model]


@pytest.fixture(scope="module")
def measured() -> dict[str, float]:
    extractor = make_extractor(*default_dictionaries(DATA / "gold"))
    found = figures(evaluate("project", extractor=extractor))
    if (DATA / "gold").is_dir():
        for name, limit in GATE["limits"].items():
            found.update(
                figures(evaluate(name, data=DATA / "gold", limit=limit, extractor=extractor))
            )
    return found


def _check(measured: dict[str, float], prefix: str) -> None:
    below = [
        f"{key}: {measured[key]:.3f} < floor {floor}"
        for key, floor in GATE["floors"].items()
        if key.startswith(prefix) and measured[key] < floor
    ]
    above = [
        f"{key}: {measured[key]:.3f} > ceiling {ceiling}"
        for key, ceiling in GATE["ceilings"].items()
        if key.startswith(prefix) and measured[key] > ceiling
    ]
    assert not below + above, "quality fell:\n  " + "\n  ".join(below + above) + "\n" + HOW


def test_every_pinned_measure_is_measured(measured: dict[str, float]) -> None:
    pinned = {*GATE["floors"], *GATE["ceilings"]}
    public = {k for k in pinned if not k.startswith("project")}
    expected = pinned if (DATA / "gold").is_dir() else pinned - public
    assert expected <= set(measured), f"gate names unknown measures: {expected - set(measured)}"


def test_project_gold_set_meets_its_floors(measured: dict[str, float]) -> None:
    _check(measured, "project")


@pytest.mark.parametrize("gold", ["plover", "petr2", "re3d", "ngec", "bbn"])
def test_public_gold_set_meets_its_floors(measured: dict[str, float], gold: str) -> None:
    if not (DATA / "gold").is_dir():
        pytest.skip(f"public gold data not found at {DATA / 'gold'}")
    _check(measured, gold + ".")
