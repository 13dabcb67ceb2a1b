"""PLOVER names across versions, PentaClass, and the CAMEO → PLOVER table (read at run time)."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import yaml

from backchannel.errors import UsageError
from backchannel.model import Event

# PLOVER v0.5b1 (the GSR's version) → the categories backchannel uses.
V05_TO_CURRENT = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
}
PENTA_NAMES = {
    0: "statement",
    1: "verbal-coop",
    2: "material-coop",
    3: "verbal-conflict",
    4: "material-conflict",
}


# The KB gives the United Nations and its bodies the country code UNO (as NGEC's
# country list does); CAMEO codes them IGOUNO…, whose first three letters, the
# part PLOVER and PETRARCH gold keeps, are IGO.
_CAMEO_COUNTRY = {"UNO": "IGO"}


def cameo_country(code: str) -> str:
    """A participant's country as CAMEO-coded gold writes it (UNO → IGO)."""
    return _CAMEO_COUNTRY.get(code, code)


def current_category(name: str) -> str:
    return V05_TO_CURRENT.get(name, name)


@cache
def penta_table() -> dict[str, int]:
    """PLOVER category → PentaClass, from ``data/ontology.yaml``."""
    path = Path(__file__).resolve().parents[1] / "data" / "ontology.yaml"
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {name: int(spec["penta"]) for name, spec in raw["categories"].items()}


@cache
def intent_table() -> dict[str, str]:
    """Category of a promised act → PLOVER's category for the promise (``intent``)."""
    path = Path(__file__).resolve().parents[1] / "data" / "ontology.yaml"
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {str(k): str(v) for k, v in (raw.get("intent") or {}).items()}


@cache
def plover_modes() -> dict[str, str]:
    """``TYPE/mode`` → the PLOVER category of that mode (``ontology.yaml`` ``plover_modes``)."""
    path = Path(__file__).resolve().parents[1] / "data" / "ontology.yaml"
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {str(k): str(v) for k, v in (raw.get("plover_modes") or {}).items()}


def plover_category(event: Event) -> str:
    """The event as PLOVER codes it: "will send aid" is an AGREE, a signed treaty SUPPORT."""
    if event.modality == "planned":
        return intent_table().get(event.type, event.type)
    return plover_modes().get(f"{event.type}/{event.mode}", event.type)


def penta(category: str) -> str:
    """PentaClass name of a category; "none" when there is no event or no class."""
    code = penta_table().get(current_category(category))
    return PENTA_NAMES[code] if code is not None else "none"


_LINE = re.compile(r"^(\d{2,4})\s*:\s*([A-Z]+)")


def load_cameo_table(path: Path) -> dict[str, str]:
    """``CAMEO2PLOVER-2021.txt`` → {CAMEO code: PLOVER category}.

    Root lines with two categories (``08: CONCEDE`` and ``08: RETREAT``) keep the
    first; the three- and four-digit lines decide anyway.
    """
    if not path.is_file():
        raise UsageError(f"CAMEO→PLOVER table not found at {path}")
    table: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("~"):
            break
        m = _LINE.match(line)
        if m and m.group(1) not in table:
            table[m.group(1)] = m.group(2)
    return table


def cameo_to_plover(code: str, table: dict[str, str]) -> str | None:
    """The PLOVER category of a CAMEO code, by the longest prefix the table knows."""
    for n in range(len(code), 1, -1):
        if code[:n] in table:
            return table[code[:n]]
    return None
