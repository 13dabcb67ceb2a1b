"""Measure every figure the quality gate pins, and show what the gate rule would pin now.

    .venv/bin/python scripts/measure_quality.py            # print measured vs pinned
    .venv/bin/python scripts/measure_quality.py --write    # rewrite quality_gate.json

The rule (docs/quality.md): floor = measured rounded down to 2 decimals minus
0.02; ceiling (shares where lower is better) = measured rounded up plus 0.02;
measures at 0 are not pinned. ``--write`` prints every floor it lowers or
ceiling it raises: such a change must be explained in CHANGELOG.md.
"""

from __future__ import annotations

import argparse
import json
import math
from pathlib import Path

from backchannel.evaluate import default_dictionaries, evaluate, figures
from backchannel.evaluate.runner import make_extractor

ROOT = Path(__file__).resolve().parents[1]
GATE_FILE = ROOT / "quality_gate.json"
DATA = ROOT.parent / "shared" / "data"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="rewrite quality_gate.json")
    args = parser.parse_args()
    gate = json.loads(GATE_FILE.read_text(encoding="utf-8"))
    extractor = make_extractor(*default_dictionaries(DATA / "gold"))
    measured = figures(evaluate("project", extractor=extractor))
    for name, limit in gate["limits"].items():
        measured.update(
            figures(evaluate(name, data=DATA / "gold", limit=limit, extractor=extractor))
        )
    floors: dict[str, float] = {}
    ceilings: dict[str, float] = {}
    for key, value in sorted(measured.items()):
        if key in gate["ceilings"] or key.endswith("no_event_coded_share"):
            ceilings[key] = round(math.ceil(value * 100) / 100 + 0.02, 2)
        elif key.endswith("coded_share"):
            continue  # how much gets coded at all: informative, neither floor nor ceiling
        elif value > 0 and (key in gate["floors"] or not key.startswith(("bbn.", "ngec."))):
            floor = round(max(0.0, math.floor(value * 100) / 100 - 0.02), 2)
            old = gate["floors"].get(key)
            # a floor the measure still clears is never lowered by the rule
            floors[key] = max(floor, old) if old is not None and value >= old else floor
    for key in sorted({*floors, *gate["floors"]}):
        old, new = gate["floors"].get(key), floors.get(key)
        flag = "  LOWERED" if old is not None and (new is None or new < old) else ""
        value = measured.get(key, float("nan"))
        print(f"floor    {key:42} measured {value:.3f}  {old} -> {new}{flag}")
    for key in sorted({*ceilings, *gate["ceilings"]}):
        old, new = gate["ceilings"].get(key), ceilings.get(key)
        flag = "  RAISED" if old is not None and (new is None or new > old) else ""
        value = measured.get(key, float("nan"))
        print(f"ceiling  {key:42} measured {value:.3f}  {old} -> {new}{flag}")
    if args.write:
        gate["floors"], gate["ceilings"] = floors, ceilings
        GATE_FILE.write_text(json.dumps(gate, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {GATE_FILE}")


if __name__ == "__main__":
    main()
