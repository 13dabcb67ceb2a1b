"""Find date expressions in news text and resolve them to dated intervals.

Pure and regex-based: no spaCy, no I/O beyond reading the packaged word list
(``data/dates.yaml``) and era table (``data/eras.yaml``) once, on first use.

The reference day is the article's publication date (ISO ``YYYY-MM-DD``; a
longer ISO timestamp is cut to its date; anything else raises ``UsageError``).
With ``reference=None`` only expressions that name their own year resolve
(absolute dates, eras); "yesterday", "last week", "on Dec 1" … are dropped.

Precision is the calendar unit the expression counts in: "two weeks ago" is
a ``week``, "early December" a ``month`` (days 1–10); sub-year spans — quarters,
halves, seasons and "early/mid/late 2019" (thirds of the year) — are all
``quarter``. Overlapping expressions keep the longest ("late last year" over
"last year"); an expression that cannot be resolved still hides the shorter
ones inside it. Relative expressions assume past-tense news: a bare weekday
is the latest one on or before the reference day.
"""

from __future__ import annotations

import calendar
import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from importlib import resources
from typing import Any

import yaml

from backchannel.errors import KnowledgeBaseError, UsageError
from backchannel.model import UNKNOWN_DATE, DateInterval, Precision
from backchannel.nlp import eras as _eras
from backchannel.nlp.dayspans import join_days
from backchannel.nlp.eras import adverbial

__all__ = ["DateMention", "era", "find_dates", "resolve_sentence"]

_DIGIT = re.compile(r"\d")

# How specific each precision is, for picking one interval per sentence.
_RANK: dict[str, int] = {"day": 0, "week": 1, "month": 2, "quarter": 3, "year": 4, "era": 5}


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression found in a text: ``text == source[start:end]``."""

    start: int
    end: int
    text: str
    interval: DateInterval


def find_dates(text: str, reference: str | None) -> list[DateMention]:
    """All resolvable date expressions in `text`, in text order, never overlapping.

    `reference` is the article's publication day; relative expressions need it.
    """
    # Curly apostrophes ("Trump’s first term") match as straight ones; same length,
    # so offsets still index the caller's text.
    found = _find(text.replace("\u2019", "'"), _parse_reference(reference), anchor=None)
    return [DateMention(m.start, m.end, text[m.start : m.end], m.interval) for m in found]


def sentence_dates(
    sentence: str, reference: str | None, *, context: DateInterval | None = None
) -> list[DateMention]:
    """Date expressions in one sentence; a one-year ``context`` supplies missing years."""
    anchor = None
    if (
        context is not None
        and context.start
        and context.end
        and context.start[:4] == context.end[:4]
        and context.precision in _RANK
        and context.precision != "era"
    ):
        anchor = int(context.start[:4])
    found = _find(sentence.replace("\u2019", "'"), _parse_reference(reference), anchor=anchor)
    mentions = [DateMention(m.start, m.end, sentence[m.start : m.end], m.interval) for m in found]
    # an era dates an event only as a time ("under Biden"), not as a name ("Biden
    # administration officials")
    mentions = [
        m for m in mentions if m.interval.precision != "era" or adverbial(sentence, m.start)
    ]
    return join_days(sentence, mentions)


def resolve_sentence(
    sentence: str, reference: str | None, *, context: DateInterval | None = None
) -> DateInterval:
    """The one interval an event in `sentence` gets.

    The most specific expression wins (day > week > month > quarter > year >
    era; then the shorter interval; then the first). With none, `context` (a
    date carried from earlier in the paragraph) if given, else ``UNKNOWN_DATE``
    — falling back to the reference day is the caller's choice. A known
    `context` within one calendar year also supplies the year for year-less
    dates ("In 2018 … On Dec. 1 …" is 2018-12-01).
    """
    mentions = sentence_dates(sentence, reference, context=context)
    if not mentions:
        return context if context is not None else UNKNOWN_DATE
    return min(mentions, key=_specificity).interval


def month_numbers() -> dict[str, int]:
    """English month names and abbreviations, casefolded, to 1..12 (from ``data/dates.yaml``)."""
    return _words().months


def era(name_or_text: str, *, reference: str | None = None) -> DateInterval | None:
    """An era by table name ("biden", "trump-1") or the first era phrase in the text.

    Ambiguous eras ("the Trump administration") need `reference`; open-ended
    ones end on it (or have ``end=None`` without it).
    """
    ref = _parse_reference(reference)
    named = _eras.by_name(name_or_text)
    if named is not None:
        return _eras.resolve(named, ref, named.label)
    for m in _find(name_or_text, ref, anchor=None):
        if m.interval.precision == "era":
            return m.interval
    return None


def _find(text: str, ref: date | None, *, anchor: int | None) -> list[DateMention]:
    ctx = _Ctx(ref, anchor, _words())
    folded, has_digit = text.casefold(), _DIGIT.search(text) is not None
    found: list[tuple[int, int, int, DateInterval | None]] = []
    for index, rule in enumerate(_rules()):
        if not rule.may_match(text, folded, has_digit):
            continue
        for m in rule.pattern.finditer(text):
            start, end = m.span("d")
            try:
                hit = rule.resolve(m, ctx)
            except (OverflowError, ValueError):  # arithmetic past year 1 or 9999
                hit = None
            interval = None
            if hit is not None:
                interval = DateInterval(hit[0].isoformat(), hit[1].isoformat(), hit[2], m["d"])
            found.append((start, end, index, interval))
    found.extend((s, e, len(_rules()), iv) for s, e, iv in _eras.find_eras(text, ref))
    # Longest first; an unresolvable match still claims its span.
    kept: list[tuple[int, int, int, DateInterval | None]] = []
    for cand in sorted(found, key=lambda f: (f[0] - f[1], f[0], f[2])):
        if all(cand[1] <= k[0] or k[1] <= cand[0] for k in kept):
            kept.append(cand)
    kept.sort(key=lambda k: k[0])
    return [DateMention(s, e, text[s:e], iv) for s, e, _, iv in kept if iv is not None]


def _specificity(m: DateMention) -> tuple[int, int, int]:
    iv = m.interval
    days = (
        (date.fromisoformat(iv.end) - date.fromisoformat(iv.start)).days
        if iv.start and iv.end
        else 1 << 30
    )
    return _RANK.get(iv.precision, 9), days, m.start


def _parse_reference(reference: str | None) -> date | None:
    if reference is None:
        return None
    try:
        return date.fromisoformat(reference[:10])
    except ValueError:
        raise UsageError(
            f"reference day {reference!r} is not an ISO date (YYYY-MM-DD); "
            "pass None when the publication date is unknown"
        ) from None


# ── word lists ────────────────────────────────────────────────────────────


@dataclass(frozen=True, slots=True)
class _Words:
    months: dict[str, int]  # casefolded name or abbreviation → 1..12
    full_months: tuple[str, ...]
    abbreviations: tuple[str, ...]
    weekdays: dict[str, int]  # casefolded → 0 (Monday) .. 6
    weekday_names: tuple[str, ...]
    weekday_not_after: tuple[str, ...]
    weekday_not_before: tuple[str, ...]
    today_not_after: tuple[str, ...]
    prepositions: tuple[str, ...]
    numbers: dict[str, int]
    ordinals: dict[str, int]
    seasons: dict[str, tuple[int, int]]
    parts: dict[str, tuple[tuple[int, int], tuple[int, int]]]  # months, days
    recent: dict[str, int]  # unit → how many of them "recent" covers
    macros: dict[str, str]
    rules: tuple[dict[str, Any], ...]


@functools.cache
def _words() -> _Words:
    text = resources.files("backchannel").joinpath("data/dates.yaml").read_text(encoding="utf-8")
    try:
        return _parse_words(yaml.safe_load(text))
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise KnowledgeBaseError(
            f"backchannel/data/dates.yaml is malformed ({exc!r}); "
            "restore it from the package (see the comments in the file for the shape)"
        ) from exc


def _parse_words(raw: dict[str, Any]) -> _Words:
    months = [[str(n) for n in names] for names in raw["months"]]
    weekdays = [str(d) for d in raw["weekdays"]]
    if len(months) != 12 or len(weekdays) != 7:
        raise ValueError("need 12 months and 7 weekdays")
    parts = {
        str(k): ((int(v["months"][0]), int(v["months"][1])), (int(v["days"][0]), int(v["days"][1])))
        for k, v in raw["parts"].items()
    }
    return _Words(
        months={n.casefold(): i for i, names in enumerate(months, 1) for n in names},
        full_months=tuple(names[0] for names in months),
        abbreviations=tuple(n for names in months for n in names[1:]),
        weekdays={d.casefold(): i for i, d in enumerate(weekdays)},
        weekday_names=tuple(weekdays),
        weekday_not_after=tuple(map(str, raw["weekday_not_after"])),
        weekday_not_before=tuple(map(str, raw["weekday_not_before"])),
        today_not_after=tuple(map(str, raw["today_not_after"])),
        prepositions=tuple(map(str, raw["time_prepositions"])),
        numbers={str(k).casefold(): int(v) for k, v in raw["numbers"].items()},
        ordinals={str(k).casefold(): int(v) for k, v in raw["ordinals"].items()},
        seasons={str(k).casefold(): (int(v[0]), int(v[1])) for k, v in raw["seasons"].items()},
        parts=parts,
        recent={str(k).casefold(): int(v) for k, v in raw["recent"].items()},
        macros={str(k): str(v) for k, v in raw["macros"].items()},
        rules=tuple(dict(r) for r in raw["rules"]),
    )


# ── calendar arithmetic ───────────────────────────────────────────────────

_Hit = tuple[date, date, Precision]


def _days_in(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _day(year: int, month: int, day: int) -> date | None:
    if 1 <= month <= 12 and 1 <= day <= _days_in(year, month):
        return date(year, month, day)
    return None


def _month(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, _days_in(year, month))


def _months(year: int, first: int, last: int) -> tuple[date, date]:
    """Months first..last of `year`; a range that wraps (12..2) ends the next year."""
    end_year = year + 1 if last < first else year
    return date(year, first, 1), _month(end_year, last)[1]


def _add_months(year: int, month: int, n: int) -> tuple[int, int]:
    y, m = divmod(year * 12 + month - 1 + n, 12)
    return y, m + 1


def _shift(d: date, n: int, unit: str) -> date:
    if unit == "day":
        return d + timedelta(days=n)
    if unit == "week":
        return d + timedelta(weeks=n)
    y, m = _add_months(d.year, d.month, n * (12 if unit == "year" else 1))
    return date(y, m, min(d.day, _days_in(y, m)))


def _unit_span(d: date, unit: str) -> tuple[date, date]:
    if unit == "day":
        return d, d
    if unit == "week":
        monday = d - timedelta(days=d.weekday())
        return monday, monday + timedelta(days=6)
    if unit == "month":
        return _month(d.year, d.month)
    if unit == "quarter":
        first = (d.month - 1) // 3 * 3 + 1
        return _months(d.year, first, first + 2)
    return date(d.year, 1, 1), date(d.year, 12, 31)


def _rel_step(rel: str | None) -> int:
    """-1 for last / this past, +1 for next / this coming, 0 for this (or none)."""
    word = (rel or "this").split()[-1].casefold()
    return {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(word, 0)


@dataclass(frozen=True, slots=True)
class _Ctx:
    ref: date | None
    anchor: int | None  # the year a year-less date takes (from the paragraph)
    words: _Words

    def num(self, text: str) -> int:
        return int(text) if text.isdigit() else self.words.numbers[text.casefold()]

    def year_of(self, m: re.Match[str]) -> int | None:
        """The year named by a YEAR or a "this/last/next year" group."""
        if m["year"]:
            return int(m["year"])
        if self.ref is None:
            return None
        return self.ref.year + _rel_step(m["yrel"])


# ── rules: each a pattern with a `d` group (the span) and a resolver ──────


def _ymd(m: re.Match[str], c: _Ctx) -> _Hit | None:
    d = _day(int(m["year"]), int(m["mon"]), int(m["day"]))
    return (d, d, "day") if d else None


def _month_day(m: re.Match[str], c: _Ctx) -> _Hit | None:
    month = c.words.months[m["mon"].rstrip(".").casefold()]
    day, last = int(m["day"]), int(m["day2"] or m["day"])
    if m["year"]:
        first = _day(int(m["year"]), month, day)
    elif c.anchor is not None:
        first = _day(c.anchor, month, day)
    elif c.ref is not None:
        # The latest such day not more than a week after publication.
        limit = c.ref + timedelta(days=7)
        candidates = (_day(y, month, day) for y in range(limit.year, limit.year - 8, -1))
        first = next((d for d in candidates if d is not None and d <= limit), None)
    else:
        return None
    if first is None or last < day:
        return None
    end = _day(first.year, month, last)
    return (first, end, "day") if end else None


def _month_year(m: re.Match[str], c: _Ctx) -> _Hit | None:
    month = c.words.months[m["mon"].rstrip(".").casefold()]
    year = c.year_of(m) if m["year"] or m["yrel"] else _yearless_month(c, month, m["rel"])
    if year is None:
        return None
    start, end = _month(year, month)
    if m["part"]:
        lo, hi = c.words.parts[m["part"].casefold()][1]
        start, end = start.replace(day=lo), end.replace(day=min(hi, end.day))
    return start, end, "month"


def _yearless_month(c: _Ctx, month: int, rel: str | None) -> int | None:
    if not rel and c.anchor is not None:
        return c.anchor
    if c.ref is None:
        return None
    step, now = _rel_step(rel), c.ref.month
    if not rel:  # "in December": the latest one not in the future
        return c.ref.year if month <= now else c.ref.year - 1
    if step < 0:
        return c.ref.year if month < now else c.ref.year - 1
    if step > 0:
        return c.ref.year if month > now else c.ref.year + 1
    return c.ref.year


def _year(m: re.Match[str], c: _Ctx) -> _Hit | None:
    first, last = int(m["year"]), int(m["year2"] or m["year"])
    if last < first:
        return None
    return date(first, 1, 1), date(last, 12, 31), "year"


def _year_part(m: re.Match[str], c: _Ctx) -> _Hit | None:
    year = c.year_of(m)
    if year is None:
        return None
    first, last = c.words.parts[m["part"].casefold()][0]
    return *_months(year, first, last), "quarter"


def _quarter_or_half(m: re.Match[str], c: _Ctx) -> _Hit | None:
    year = c.year_of(m)
    if year is None:
        return None
    size = 6 if (m["unit"] or "q").casefold().startswith("h") else 3
    n = int(m["n"]) if m["n"] else c.words.ordinals[m["ord"].casefold()]
    if n < 0:
        n = 12 // size
    if not 1 <= n <= 12 // size:
        return None
    return *_months(year, size * (n - 1) + 1, size * n), "quarter"


def _season(m: re.Match[str], c: _Ctx) -> _Hit | None:
    first, last = c.words.seasons[m["season"].casefold()]
    if m["year"] or m["yrel"]:
        year = c.year_of(m)
        return None if year is None else (*_months(year, first, last), "quarter")
    if c.ref is None:
        return None
    ref, step = c.ref, _rel_step(m["rel"])
    if step == 0:  # a wrapping season (winter) before July is the one just past
        year = ref.year - 1 if last < first and ref.month < 7 else ref.year
        return *_months(year, first, last), "quarter"
    years = range(ref.year - 2, ref.year + 2)
    spans = [_months(y, first, last) for y in years]
    if step < 0:
        return *max(s for s in spans if s[1] < ref), "quarter"
    return *min(s for s in spans if s[0] > ref), "quarter"


def _quarter_rel(m: re.Match[str], c: _Ctx) -> _Hit | None:
    if c.ref is None:
        return None
    return *_unit_span(_shift(c.ref, 3 * _rel_step(m["rel"]), "month"), "quarter"), "quarter"


def _today(m: re.Match[str], c: _Ctx) -> _Hit | None:
    if c.ref is None:
        return None
    d = c.ref + timedelta(days={"today": 0, "yesterday": -1, "tomorrow": 1}[m["w"].casefold()])
    return d, d, "day"


def _weekday(m: re.Match[str], c: _Ctx) -> _Hit | None:
    if c.ref is None:
        return None
    ref, wd, step = c.ref, c.words.weekdays[m["wd"].casefold()], _rel_step(m["rel"])
    if step < 0:
        d = ref - timedelta(days=(ref.weekday() - wd - 1) % 7 + 1)
    elif step > 0:
        d = ref + timedelta(days=(wd - ref.weekday() - 1) % 7 + 1)
    elif m["rel"]:  # "this Tuesday": the one in the reference day's week
        d = ref + timedelta(days=wd - ref.weekday())
    else:
        d = ref - timedelta(days=(ref.weekday() - wd) % 7)
    return d, d, "day"


def _weekend(m: re.Match[str], c: _Ctx) -> _Hit | None:
    if c.ref is None:
        return None
    step = _rel_step(m["rel"])
    if not m["rel"] and c.ref.weekday() < 5:  # "over the weekend": the one just past
        step = -1
    monday = _unit_span(_shift(c.ref, step, "week"), "week")[0]
    return monday + timedelta(days=5), monday + timedelta(days=6), "week"


_UNIT_PRECISION: dict[str, Precision] = {"day": "day", "week": "week", "month": "month"}


def _unit(m: re.Match[str]) -> tuple[str, Precision]:
    unit = m["unit"].casefold().rstrip("s")
    return unit, _UNIT_PRECISION.get(unit, "year")


def _rel_unit(m: re.Match[str], c: _Ctx) -> _Hit | None:
    if c.ref is None:
        return None
    unit, precision = _unit(m)
    start, end = _unit_span(_shift(c.ref, _rel_step(m["rel"]), unit), unit)
    if m["side"]:  # "earlier this year" stops at the reference day, "later …" starts there
        start, end = (start, c.ref) if m["side"].casefold() == "earlier" else (c.ref, end)
    return start, end, precision


def _past_units(m: re.Match[str], c: _Ctx) -> _Hit | None:
    if c.ref is None:
        return None
    unit, precision = _unit(m)
    # "the past two weeks"; "in recent weeks" / "the past few weeks"; "the past week"
    n = c.num(m["n"]) if m["n"] else c.words.recent[unit] if m["vague"] else 1
    return _shift(c.ref, -n, unit), c.ref, precision


def _ago(m: re.Match[str], c: _Ctx) -> _Hit | None:
    if c.ref is None:
        return None
    unit, precision = _unit(m)
    return *_unit_span(_shift(c.ref, -c.num(m["n"]), unit), unit), precision


_Resolver = Callable[[re.Match[str], _Ctx], _Hit | None]

# The functions the rules in dates.yaml name under `resolve:`, and the groups
# each reads (a rule that does not use one declares it empty: "(?P<rel>)").
_RESOLVERS: dict[str, tuple[_Resolver, str]] = {
    "ymd": (_ymd, "year mon day"),
    "month_day": (_month_day, "mon day day2 year"),
    "month": (_month_year, "mon year yrel rel part"),
    "year": (_year, "year year2"),
    "year_part": (_year_part, "year yrel part"),
    "quarter": (_quarter_or_half, "year yrel unit n ord"),
    "rel_quarter": (_quarter_rel, "rel"),
    "season": (_season, "season year yrel rel"),
    "today": (_today, "w"),
    "weekday": (_weekday, "wd rel"),
    "weekend": (_weekend, "rel"),
    "rel_unit": (_rel_unit, "rel unit side"),
    "past_units": (_past_units, "unit n vague"),
    "ago": (_ago, "unit n"),
}


@dataclass(frozen=True, slots=True)
class _Rule:
    """A compiled rule from dates.yaml, with the gate that skips it on most text."""

    name: str
    pattern: re.Pattern[str]
    resolve: _Resolver
    keys: tuple[str, ...] = ()
    digit: bool = False

    def may_match(self, text: str, folded: str, has_digit: bool) -> bool:
        if self.digit and not has_digit:
            return False
        return not self.keys or any(k in (text if k[0].isupper() else folded) for k in self.keys)


def _alt(words: Iterable[str], *, ci: bool = True) -> str:
    """A regex alternation of literal words, longest first (so "Sept" beats "Sep")."""
    body = "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)
    )
    return f"(?i:{body})" if ci else f"(?:{body})"


def _not_after(before: Iterable[str], names: Iterable[str]) -> str:
    """Lookbehinds, placed after a name, that reject "<before> <name>".

    After, not before: a lookbehind that opens a pattern runs at every
    position of every sentence.
    """
    return "".join(f"(?<!{re.escape(b)} {re.escape(n)})" for b in before for n in names)


@functools.cache
def _rules() -> tuple[_Rule, ...]:
    w = _words()
    macros = dict(w.macros)
    macros.update(
        MONTH=rf"(?<![A-Za-z])(?P<mon>{_alt(w.full_months, ci=False)}(?![A-Za-z])"
        rf"|{_alt(w.abbreviations, ci=False)}(?![A-Za-z])\.?)",
        WEEKDAY=rf"\b(?P<wd>{_alt(w.weekday_names, ci=False)})\b"
        + _not_after(w.weekday_not_after, w.weekday_names)
        + rf"(?!\s+{_alt(w.weekday_not_before, ci=False)}\b)",
        NOT_TODAY=_not_after(w.today_not_after, ("Today", "TODAY")),
        PREP=rf"\b{_alt(w.prepositions)}\s+",
        PARTS=_alt(w.parts),
        SEASONS=_alt(w.seasons),
        ORDINALS=_alt(w.ordinals),
        NUMBERS=_alt(w.numbers),
    )
    named_keys = {
        "months": sorted({m[:3] for m in w.full_months}),
        "weekdays": list(w.weekday_names),
        "seasons": list(w.seasons),
        "parts": list(w.parts),
    }
    rules = []
    for raw in w.rules:
        name = str(raw.get("name"))
        where = f"backchannel/data/dates.yaml: rule {name!r}"
        if raw.get("resolve") not in _RESOLVERS:
            raise KnowledgeBaseError(f"{where}: 'resolve' must be one of {', '.join(_RESOLVERS)}")
        resolve, groups = _RESOLVERS[raw["resolve"]]
        keys = raw.get("keys") or []
        keys = named_keys.get(keys, [keys]) if isinstance(keys, str) else keys
        try:
            pattern = re.compile(_expand(str(raw["pattern"]), macros))
        except (KeyError, re.error) as exc:
            raise KnowledgeBaseError(f"{where}: bad pattern or unknown macro ({exc})") from exc
        missing = [g for g in ["d", *groups.split()] if g not in pattern.groupindex]
        if missing:
            raise KnowledgeBaseError(f"{where}: the pattern needs groups {missing} (may be empty)")
        rules.append(_Rule(name, pattern, resolve, tuple(map(str, keys)), bool(raw.get("digit"))))
    return tuple(rules)


def _expand(pattern: str, macros: dict[str, str]) -> str:
    for _ in range(3):  # macros may use macros
        pattern = re.sub(r"\{([A-Z_]+)\}", lambda m: macros[m[1]], pattern)
    return pattern
