"""NGEC actor resolution: does the linker give the expected country and sector code?

Each actor text is run through the pipeline as a document dated at the query
date (or the evaluation's "today"); the longest linked mention is the answer,
and its country and sector come from the KB on that date (``side_on``). Only
the ``country`` and ``code_1`` assertions are scored: the others test a
Wikipedia lookup backchannel does not have. Cases marked skip/xfail upstream
are left out.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from backchannel.evaluate.metrics import Ratio
from backchannel.evaluate.report import Measure, Miss, Report
from backchannel.evaluate.runner import EVAL_TODAY, Item, iso_date, run_items
from backchannel.kb import KnowledgeBase
from backchannel.model import Extraction, Skip
from backchannel.pipeline import Extractor, extractor_kb

RELATIVE = Path("ngec") / "ngec_actor_resolution_gold.jsonl"
METHODS = frozenset({"agent_to_code", "short_text_to_agent"})
FIELDS = ("country", "code_1")
# backchannel sectors → PLOVER/NGEC agent codes
SECTOR_CODES = {
    "government": "GOV",
    "military": "MIL",
    "business": "BUS",
    "academic": "EDU",
    "media": "JRN",
    "ngo": "NGO",
    "party": "PTY",
    "retired": "ELI",
    "police": "COP",
    "judiciary": "JUD",
    "legislature": "LEG",
    "opposition": "OPP",
    "rebel": "REB",
    "civilian": "CVL",
}


@dataclass(frozen=True, slots=True)
class Assertion:
    field: str
    op: str
    expected: Any


@dataclass(frozen=True, slots=True)
class NgecCase:
    item: Item
    day: str
    dated: bool
    assertions: tuple[Assertion, ...]


def load(data: Path) -> list[NgecCase]:
    out = []
    for line in (data / RELATIVE).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        r = json.loads(line)
        if r["method"] not in METHODS or r["marks"] or not r["args"]:
            continue
        assertions = tuple(
            Assertion(a["field"], a["op"], a["expected"])
            for a in r["assertions"]
            if a.get("field") in FIELDS and a["op"] in ("Eq", "NotEq")
        )
        if not assertions:
            continue
        raw_day = r["kwargs"].get("query_date") or (r["args"][2] if len(r["args"]) > 2 else None)
        day = iso_date(raw_day)
        text = str(r["args"][0])
        out.append(
            NgecCase(Item(r["test"], text, day), day or EVAL_TODAY, day is not None, assertions)
        )
    return out


def resolve(kb: KnowledgeBase, result: Extraction | Skip, day: str) -> dict[str, str]:
    """The answer for one case: ``{"country": ISO3 | "", "code_1": code | ""}``."""
    if not isinstance(result, Extraction) or not result.mentions:
        return {"country": "", "code_1": ""}
    mention = max(result.mentions, key=lambda m: (m.end - m.start, -m.start))
    actor_id = mention.actor_id
    if actor_id.startswith("state:"):
        return {"country": actor_id.split(":", 1)[1], "code_1": "GOV"}
    if actor_id.startswith("group:"):
        _, country, noun = actor_id.split(":", 2)
        sector = next((g.sector for g in kb.groups if g.noun.lower() == noun.lower()), noun)
        return {"country": country, "code_1": SECTOR_CODES.get(sector, "")}
    new = {a.actor_id: a for a in result.new_actors}
    if actor_id in new and actor_id not in kb.actors:  # KB (and dictionary) actors are dated
        actor = new[actor_id]
        return {"country": actor.country, "code_1": SECTOR_CODES.get(actor.sector, "")}
    country, sector, _ = kb.side_on(actor_id, day)
    return {"country": country, "code_1": SECTOR_CODES.get(sector, "")}


def _holds(assertion: Assertion, got: dict[str, str]) -> bool:
    value = got.get(assertion.field, "")
    expected = "" if assertion.expected is None else str(assertion.expected)
    return value == expected if assertion.op == "Eq" else value != expected


def evaluate_ngec(extractor: Extractor, data: Path, limit: int | None = None) -> Report:
    cases = load(data)[:limit]
    results = run_items(extractor, [c.item for c in cases])
    kb = extractor_kb(extractor)
    overall, dated = Ratio(), Ratio()
    per_field = {f: Ratio() for f in FIELDS}
    misses = []
    for case, result in zip(cases, results, strict=True):
        got = resolve(kb, result, case.day)
        failed = []
        for a in case.assertions:
            ok = _holds(a, got)
            overall.add(ok)
            per_field[a.field].add(ok)
            if case.dated:
                dated.add(ok)
            if not ok:
                failed.append(f"{a.field} {'=' if a.op == 'Eq' else '≠'} {a.expected!r}")
        if failed:
            misses.append(
                Miss(
                    case.item.item_id,
                    case.item.text + (f"  (on {case.day})" if case.dated else ""),
                    "; ".join(failed),
                    f"country={got['country'] or '-'} code_1={got['code_1'] or '-'}",
                )
            )
    report = Report("ngec", len(cases))
    report.measures = [
        Measure("assertions_met", overall.value, overall.total),
        Measure("country_met", per_field["country"].value, per_field["country"].total),
        Measure("sector_met", per_field["code_1"].value, per_field["code_1"].total),
        Measure("dated_assertions_met", dated.value, dated.total),
    ]
    report.misses = misses
    return report
