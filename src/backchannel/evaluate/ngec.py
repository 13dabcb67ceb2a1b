"""NGEC actor resolution: does ``backchannel resolve`` give the expected country and sector code?

Each actor text is resolved by ``resolve.Resolver`` exactly as the command
resolves it, on the case's query date (or the evaluation's "today"): the
figure measures what users get. Only the ``country`` and ``code_1`` assertions
are scored: the others test a Wikipedia lookup backchannel does not have.
Cases marked skip/xfail upstream are left out.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from backchannel.evaluate.metrics import Ratio
from backchannel.evaluate.report import Measure, Miss, Report
from backchannel.evaluate.runner import EVAL_TODAY, iso_date
from backchannel.pipeline import Extractor
from backchannel.resolve import Resolution, Resolver

RELATIVE = Path("ngec") / "ngec_actor_resolution_gold.jsonl"
METHODS = frozenset({"agent_to_code", "short_text_to_agent"})
FIELDS = ("country", "code_1")


@dataclass(frozen=True, slots=True)
class Assertion:
    field: str
    op: str
    expected: Any


@dataclass(frozen=True, slots=True)
class NgecCase:
    case_id: str
    text: str
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
        out.append(NgecCase(r["test"], text, day or EVAL_TODAY, day is not None, assertions))
    return out


def codes(answer: Resolution) -> dict[str, str]:
    """An answer as NGEC writes it: ``{"country": ISO3 | "", "code_1": code | ""}``.

    ``code_1`` is the first part of the answer's agent code (``GOVMIL`` → ``GOV``).
    """
    return {"country": answer.country or "", "code_1": (answer.code or "")[:3]}


def _holds(assertion: Assertion, got: dict[str, str]) -> bool:
    value = got.get(assertion.field, "")
    expected = "" if assertion.expected is None else str(assertion.expected)
    return value == expected if assertion.op == "Eq" else value != expected


def evaluate_ngec(extractor: Extractor, data: Path, limit: int | None = None) -> Report:
    cases = load(data)[:limit]
    answers = Resolver(extractor).resolve_dated([(c.text, c.day) for c in cases])
    overall, dated = Ratio(), Ratio()
    per_field = {f: Ratio() for f in FIELDS}
    misses = []
    for case, answer in zip(cases, answers, strict=True):
        got = codes(answer)
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
                    case.case_id,
                    case.text + (f"  (on {case.day})" if case.dated else ""),
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
