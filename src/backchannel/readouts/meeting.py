"""Which meeting a readout describes, and whether two readouts describe the same one.

The meeting is read from the *meeting sentence*: the first full sentence with
a meeting verb ("met", "held talks", "spoke") — readouts open with it.

* participants: KB-free rules by default. A run of capitalised words that
  starts at a title ("President", "Vice Premier", "Director of the Office of
  … Commission") ends in the name ("Xi Jinping", "Wang Yi"); an appositive
  ("Wang Yi, Member of …") names one too. When a spaCy pipeline is passed,
  its PERSON entities in that sentence are added. Rules are the default
  because readouts always give titles, and loading spaCy costs more than the
  whole comparison.
* date: regex ("November 15, 2023", "January 26 and 27", "15 May 2025",
  ISO), from the meeting sentence, else the dateline, else the opening; a
  missing year comes from another date in the text or ``published``.
* place: the first capitalised name after "in" (else "at") in the meeting
  sentence; with spaCy, a GPE/LOC/FAC entity after "in"/"at".
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from backchannel.nlp.dates import month_numbers
from backchannel.readouts.lexicon import Cues
from backchannel.readouts.records import Meeting

_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"


@functools.cache
def _date_patterns() -> tuple[re.Pattern[str], ...]:
    months = r"(?P<month>" + "|".join(sorted(month_numbers(), key=len, reverse=True)) + r")\.?"
    return (
        re.compile(
            rf"\b{months}\s+{_DAY}(?:\s*(?:and|to|-|–)\s*[0-3]?\d)?(?:,?\s+{_YEAR})?\b", re.I
        ),
        re.compile(rf"\b{_DAY}\s+{months}(?:\s+{_YEAR})?\b", re.I),
        re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b"),
    )


_TOKEN = r"(?:[A-Z][\w'’.-]*)"
_CONNECTOR = frozenset({"of", "the", "for", "on"})
_PLACE = re.compile(r"\b(in|at)\s+(?:the\s+)?([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)")
_MODES = {"call": "a call", "in-person": "an in-person meeting"}
_NOT_PLACES = frozenset({"the", "request", "today"})


@dataclass(frozen=True, slots=True)
class Date:
    year: int | None
    month: int
    day: int

    def iso(self) -> str:
        return (
            f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
            if self.year
            else (f"--{self.month:02d}-{self.day:02d}")
        )


def read_meeting(
    cues: Cues, sentences: Sequence[str], *, published: str | None = None, nlp: Any = None
) -> Meeting:
    """The meeting one readout describes (participants, date, place, call or in person)."""
    sentence = meeting_sentence(cues, sentences)
    people = participants(cues, sentence)
    place = _place(sentence)
    if nlp is not None and sentence:
        ner_people, ner_place = _from_spacy(cues, nlp, sentence)
        people = merge_names([*people, *ner_people])
        place = ner_place or place
    mode = ""
    if cues.call.search(sentence):
        mode = "call"
    elif cues.in_person.search(sentence):
        mode = "in-person"
    date = _meeting_date(sentences, sentence, published)
    return Meeting(tuple(people), date.iso() if date else None, place, mode, sentence)


def meeting_sentence(cues: Cues, sentences: Sequence[str]) -> str:
    """The first full sentence with a meeting verb; else the first full sentence."""
    full = [s for s in sentences if s.rstrip().endswith((".", "!", "?"))] or list(sentences)
    for sentence in full:
        if cues.meeting_verbs.search(sentence):
            return sentence
    return full[0] if full else ""


def participants(cues: Cues, sentence: str) -> list[str]:
    """Names after titles, and names in apposition ("Wang Yi, Member of …")."""
    names: list[str] = []
    tokens = re.findall(rf"{_TOKEN}|[a-z]+|[,;:()]", sentence)
    for i, token in enumerate(tokens):
        if token.rstrip(".") in cues.titles or token in cues.titles:
            name = _name_after(cues, tokens[i + 1 :])
            if name:
                names.append(name)
    appositive = "|".join(re.escape(a) for a in cues.appositive)
    for match in re.finditer(
        rf"\b({_TOKEN}(?:\s+{_TOKEN}){{1,2}}),\s+(?:{appositive})\b", sentence
    ):
        words = [w for w in match.group(1).split() if w not in cues.not_names]
        if len(words) >= 2:
            names.append(" ".join(words))
    return merge_names(names)


def _name_after(cues: Cues, tokens: Sequence[str]) -> str:
    """The name that ends a title run: skip title words and connectors, stop at the next."""
    name: list[str] = []
    for token in tokens:
        if token in _CONNECTOR or token in cues.not_names or token.rstrip(".") in cues.titles:
            if name:
                break
            continue
        if not token[:1].isupper():
            break
        if token.endswith(("'s", "’s")):
            name.append(token[:-2])
            break
        bare = token.rstrip(".")
        name.append(token if len(bare) == 1 else bare)  # keep the initial in "R.", not the stop
    while name and (name[-1].endswith(".") and len(name[-1]) == 2):
        name.pop()  # a trailing initial is a sentence end, not a name
    return " ".join(name)


def name_key(name: str) -> frozenset[str]:
    """Comparable tokens of a name: lowercase, without initials and suffixes."""
    return frozenset(
        t.lower().strip(".,")
        for t in name.split()
        if len(t.strip(".,")) > 1 and t.lower().strip(".,") not in {"jr", "sr"}
    )


def same_person(left: str, right: str) -> bool:
    """Share a name token, and any leftover tokens agree on the initial (Joe ~ Joseph)."""
    a, b = name_key(left), name_key(right)
    if not a & b:
        return False
    rest_a, rest_b = a - b, b - a
    if not rest_a or not rest_b:
        return True
    return len(rest_a) == len(rest_b) == 1 and next(iter(rest_a))[0] == next(iter(rest_b))[0]


def merge_names(names: Sequence[str]) -> list[str]:
    """Collapse variants of the same person, keeping the fullest spelling, first-seen order."""
    merged: list[str] = []
    for name in names:
        if not name_key(name):
            continue
        for i, known in enumerate(merged):
            if same_person(known, name):
                if len(name_key(name)) > len(name_key(known)):
                    merged[i] = name
                break
        else:
            merged.append(name)
    return merged


def find_dates(text: str, default_year: int | None = None) -> list[tuple[int, Date]]:
    """Every date in ``text`` with its offset; a date without a year gets ``default_year``."""
    found: list[tuple[int, Date]] = []
    taken: list[tuple[int, int]] = []
    for pattern in _date_patterns():
        for m in pattern.finditer(text):
            if any(s <= m.start() < e for s, e in taken):
                continue
            month = m.group("month").lower().rstrip(".")
            month_number = int(month) if month.isdigit() else month_numbers()[month]
            day = int(m.group("day"))
            year = int(m.group("year")) if m.group("year") else default_year
            try:
                dt.date(year or 2000, month_number, day)
            except ValueError:
                continue  # "February 31" is not a date
            taken.append((m.start(), m.end()))
            found.append((m.start(), Date(year, month_number, day)))
    return sorted(found, key=lambda item: item[0])


def _meeting_date(sentences: Sequence[str], sentence: str, published: str | None) -> Date | None:
    opening = list(sentences[:4])
    text = " ".join(sentences)
    years = [d.year for _, d in find_dates(text) if d.year]
    default = years[0] if years else _year(published)
    for candidates in (
        [sentence],
        [s for s in opening if _is_dateline(s)],
        opening,
    ):
        for candidate in candidates:
            dates = find_dates(candidate, default)
            if dates:
                return dates[0][1]
    return None


def _is_dateline(sentence: str) -> bool:
    dates = find_dates(sentence)
    return bool(dates) and len(sentence.split()) <= 5


def _year(published: str | None) -> int | None:
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10]).year
    except ValueError:
        return None


def _place(sentence: str) -> str | None:
    candidates: dict[str, list[str]] = {"in": [], "at": []}
    for match in _PLACE.finditer(sentence):
        words = match.group(2).split()
        if words[0].lower() in _NOT_PLACES or words[0].casefold() in month_numbers():
            continue
        candidates[match.group(1)].append(" ".join(words))
    for key in ("in", "at"):
        if candidates[key]:
            return candidates[key][0]
    return None


def _from_spacy(cues: Cues, nlp: Any, sentence: str) -> tuple[list[str], str | None]:
    """PERSON entities (title words dropped), and the first place after "in", else "at"."""
    doc = nlp(sentence)
    people = []
    for ent in doc.ents:
        if ent.label_ == "PERSON":
            words = ent.text.removesuffix("'s").split()
            while words and (words[0] in cues.not_names or words[0].lower() in _CONNECTOR):
                words.pop(0)
            people.append(" ".join(words))
    places: dict[str, list[str]] = {"in": [], "at": []}
    for ent in doc.ents:
        if ent.label_ in {"GPE", "LOC", "FAC"} and ent.start > 0:
            before = doc[ent.start - 1].lower_
            if before in places:
                places[before].append(ent.text.split(",")[0].removeprefix("the ").strip())
    found = places["in"] or places["at"]
    return people, found[0] if found else None


def dates_apart(left: str | None, right: str | None) -> int | None:
    """Days between two ``Meeting.date`` values; month-day only when a year is missing."""
    if not left or not right:
        return None
    a, b = _parse(left), _parse(right)
    if a.year is None or b.year is None:
        y = 2000  # a leap year, so 29 February parses
        return abs((dt.date(y, a.month, a.day) - dt.date(y, b.month, b.day)).days)
    return abs((dt.date(a.year, a.month, a.day) - dt.date(b.year, b.month, b.day)).days)


def _parse(value: str) -> Date:
    if value.startswith("--"):
        month, day = value[2:].split("-")
        return Date(None, int(month), int(day))
    year, month, day = value.split("-")
    return Date(int(year), int(month), int(day))


@dataclass(frozen=True, slots=True)
class SameMeeting:
    """The verdict, its score in 0..1, and the reasons when it is negative."""

    same: bool
    score: float
    reasons: tuple[str, ...]


def judge_same_meeting(
    a: Meeting,
    b: Meeting,
    topics_a: frozenset[str],
    topics_b: frozenset[str],
    *,
    weights: dict[str, float],
    threshold: float,
    max_days_apart: int,
) -> SameMeeting:
    """Weigh what the two openings agree on; dates further apart than allowed always split.

    Each signal counts only when both texts give it: shared participants
    (share of the shorter list), dates (1 within a day, ½ within
    ``max_days_apart``, else 0), place, call versus in person, and the
    overlap of topics (Jaccard).
    """
    scores: dict[str, float] = {}
    reasons: list[str] = []
    if a.participants and b.participants:
        shared = sum(any(same_person(x, y) for y in b.participants) for x in a.participants)
        scores["people"] = shared / min(len(a.participants), len(b.participants))
        if not shared:
            reasons.append(
                f"no participant in common ({', '.join(a.participants)} / "
                f"{', '.join(b.participants)})"
            )
    apart = dates_apart(a.date, b.date)
    if apart is not None:
        scores["date"] = 1.0 if apart <= 1 else 0.5 if apart <= max_days_apart else 0.0
        if apart > max_days_apart:
            reasons.append(f"dates differ ({a.date} / {b.date})")
    if a.place and b.place:
        pa, pb = a.place.casefold(), b.place.casefold()
        scores["place"] = 1.0 if pa in pb or pb in pa else 0.0
        if not scores["place"]:
            reasons.append(f"places differ ({a.place} / {b.place})")
    if a.mode and b.mode:
        scores["mode"] = 1.0 if a.mode == b.mode else 0.0
        if not scores["mode"]:
            reasons.append(f"{_MODES.get(a.mode, a.mode)} / {_MODES.get(b.mode, b.mode)}")
    if topics_a and topics_b:
        scores["topics"] = len(topics_a & topics_b) / len(topics_a | topics_b)
        if scores["topics"] < 0.2:
            reasons.append(f"few topics in common ({scores['topics']:.2f})")
    total = sum(weights.get(k, 0.0) for k in scores)
    score = sum(weights.get(k, 0.0) * v for k, v in scores.items()) / total if total else 0.0
    vetoed = apart is not None and apart > max_days_apart
    same = score >= threshold and not vetoed
    if not same and not reasons:
        reasons.append(f"too little in common (score {score:.2f} < {threshold:.2f})")
    return SameMeeting(same, score, tuple(reasons) if not same else ())
