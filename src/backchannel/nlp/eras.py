"""Named periods ("the Biden administration", "the trade war") as date intervals.

The table is data (``data/eras.yaml``), loaded, validated and compiled once, on
first use; a broken file raises ``KnowledgeBaseError`` naming the entry. An
era's patterns are tried only on text that holds one of its ``keys``. An
era's interval has precision ``"era"``. An open-ended era ("Trump 2.0") ends
on the reference day when there is one and it is not before the era began,
else its end is ``None``. An ambiguous name ("the Trump administration") is
resolved by the reference day (the era in force, else the latest begun before
it: a 1997 look back at "the Bush administration" means 1989–1993) and
resolves to nothing without one.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from importlib import resources
from typing import Any

import yaml

from backchannel.errors import KnowledgeBaseError
from backchannel.model import DateInterval

__all__ = [
    "Era",
    "EraTable",
    "adverbial",
    "by_name",
    "era_table",
    "find_eras",
    "load_eras",
    "resolve",
]

_SOURCE = "backchannel/data/eras.yaml"
# Words that make an era's name a time: "under the Biden administration", "since the
# trade war", "in Trump's first term", "the end of the first Trump administration".
# Elsewhere the name is a thing or an actor ("Trump administration officials",
# "to review the phase one deal"), and dates nothing.
_TIME_WORDS = frozenset(
    {"under", "during", "in", "since", "after", "before", "until", "till", "through",
     "throughout", "amid", "by", "from", "to", "between", "at", "early", "late", "earlier",
     "later", "when"}
)  # fmt: skip
_TIME_OF = frozenset(
    {"start", "end", "beginning", "days", "years", "months", "weeks", "height", "outset",
     "dawn", "close", "peak", "early", "final", "last", "first"}
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Era:
    """One named period; an ambiguous name has ``options`` instead of start/end."""

    name: str
    label: str
    start: date | None
    end: date | None
    keys: tuple[str, ...]  # every match contains one (casefolded)
    pattern: re.Pattern[str]
    options: tuple[Era, ...] = ()


@dataclass(frozen=True, slots=True)
class EraTable:
    """The validated era table, by name and in file order."""

    version: str
    eras: tuple[Era, ...]
    by_name: Mapping[str, Era]


@functools.cache
def era_table() -> EraTable:
    """The packaged table, loaded on first use."""
    text = resources.files("backchannel").joinpath("data/eras.yaml").read_text(encoding="utf-8")
    return load_eras(text, origin=_SOURCE)


def load_eras(text: str, *, origin: str = "<string>") -> EraTable:
    """Parse and validate an era table; ``KnowledgeBaseError`` says what to fix."""
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise KnowledgeBaseError(f"{origin}: not valid YAML ({exc}); fix the syntax") from exc
    if not isinstance(raw, dict) or not isinstance(raw.get("eras"), list):
        raise KnowledgeBaseError(f"{origin}: expected a mapping with an 'eras:' list")
    parsed = [_parse_era(entry, i, origin) for i, entry in enumerate(raw["eras"])]
    names = [e.name for e, _ in parsed]
    twice = next((n for n in names if names.count(n) > 1), None)
    if twice is not None:
        raise KnowledgeBaseError(f"{origin}: era {twice!r} is defined twice; rename one")
    dated = {e.name: e for e, choose in parsed if not choose}
    eras: list[Era] = []
    for e, choose in parsed:
        unknown = [c for c in choose if c not in dated]
        if unknown:
            raise KnowledgeBaseError(
                f"{origin}: era {e.name!r} chooses {unknown[0]!r}, which is not a dated era; "
                f"use one of: {', '.join(dated)}"
            )
        options = tuple(sorted((dated[c] for c in choose), key=_start))
        eras.append(dataclasses.replace(e, options=options) if options else e)
    return EraTable(str(raw.get("version", "")), tuple(eras), {e.name: e for e in eras})


def _parse_era(entry: Any, index: int, origin: str) -> tuple[Era, list[str]]:
    where = f"{origin}: eras[{index}]"
    if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
        raise KnowledgeBaseError(f"{where}: each era needs a 'name' string")
    name = entry["name"]
    where = f"{origin}: era {name!r}"
    patterns = entry.get("patterns")
    if (
        not isinstance(patterns, list)
        or not patterns
        or not all(isinstance(p, str) and p for p in patterns)
    ):
        raise KnowledgeBaseError(f"{where}: 'patterns' must be a non-empty list of strings")
    try:
        alternation = "|".join(f"(?:{p})" for p in patterns)
        pattern = re.compile(rf"(?<!\w)(?:{alternation})(?!\w)", re.IGNORECASE)
    except re.error as exc:
        raise KnowledgeBaseError(f"{where}: a pattern is not a valid regex ({exc})") from exc
    keys = entry.get("keys")
    if (
        not isinstance(keys, list)
        or not keys
        or not all(isinstance(k, str) and k and k == k.casefold() for k in keys)
    ):
        raise KnowledgeBaseError(
            f"{where}: 'keys' must list lower-case words that every match contains"
        )
    choose = entry.get("choose") or []
    if not isinstance(choose, list) or not all(isinstance(c, str) for c in choose):
        raise KnowledgeBaseError(f"{where}: 'choose' must be a list of era names")
    start = None if choose else _parse_day(entry.get("start"), f"{where}: start", required=True)
    end = None if choose else _parse_day(entry.get("end"), f"{where}: end", required=False)
    if start is not None and end is not None and end < start:
        raise KnowledgeBaseError(f"{where}: end {end} is before start {start}")
    label = str(entry.get("label") or name)
    return Era(name, label, start, end, tuple(keys), pattern), choose


def _parse_day(value: object, where: str, *, required: bool) -> date | None:
    if value is None and not required:
        return None
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    hint = "an ISO date in quotes" + ("" if required else ", or null for a running era")
    raise KnowledgeBaseError(f"{where}: {value!r} is not a date; write {hint}")


def resolve(era: Era, reference: date | None, text: str) -> DateInterval | None:
    """The era's interval on the reference day; None if it is ambiguous and there is none."""
    if era.options:
        if reference is None:
            return None
        begun = [e for e in era.options if _start(e) <= reference]
        running = [e for e in begun if e.end is None or reference <= e.end]
        era = (running or begun or era.options[:1])[-1]
    start = _start(era)
    end = era.end
    if end is None and reference is not None and reference >= start:
        end = reference
    return DateInterval(start.isoformat(), end.isoformat() if end else None, "era", text)


def _start(era: Era) -> date:
    return era.start or date.min


def find_eras(text: str, reference: date | None) -> list[tuple[int, int, DateInterval | None]]:
    """Every era match as (start, end, interval); the interval is None when unresolvable.

    Matches may overlap (one per era pattern); the caller keeps the longest.
    """
    folded = text.casefold()
    found: list[tuple[int, int, DateInterval | None]] = []
    for era in era_table().eras:
        if not any(k in folded for k in era.keys):
            continue
        for m in era.pattern.finditer(text):
            found.append((m.start(), m.end(), resolve(era, reference, m.group())))
    return found


def by_name(name: str) -> Era | None:
    """The era with this table name ("biden", "trump-1"), ignoring case."""
    return era_table().by_name.get(name.strip().casefold())


def adverbial(text: str, start: int) -> bool:
    """The era found at ``start`` in ``text`` stands as a time, not as a thing or an actor."""
    words = [w.strip(",;:()").casefold() for w in text[:start].split()]
    while words and words[-1] in {"the", "a"}:
        words.pop()
    first = text[start:].split()[:1]
    if first and first[0].casefold() in _TIME_WORDS:
        return True  # the pattern holds its preposition: "under Trump"
    before = words[-1] if words else ""
    if before == "of":
        return len(words) > 1 and (words[-2] in _TIME_OF or words[-2] in _TIME_WORDS)
    return before in _TIME_WORDS
