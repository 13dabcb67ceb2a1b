"""Measure ``compare_readouts`` against annotated pairs (``examples/readouts/NN-slug/``).

Each folder has ``us.txt`` (compared as A), ``cn.txt`` (B) and
``expected.yaml``; the annotation guideline is in ``docs/readouts.md``.
``evaluate`` returns counts per pair; ``Scores.total(split)`` micro-averages
them over the pairs of one split (``dev``, ``heldout``, ``unrelated``).
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from backchannel.errors import SourceError
from backchannel.readouts.compare import compare_readouts
from backchannel.readouts.records import ReadoutComparison, ReadoutText

_SIDES = {"us": "a", "cn": "b"}
_STATUS = {"both": "both", "only_us": "only_a", "only_cn": "only_b"}


@dataclass(frozen=True, slots=True)
class AnnotatedPair:
    """Two readouts and what a reader found in them (sides as ``a``/``b``)."""

    name: str
    split: str
    a: ReadoutText
    b: ReadoutText
    same_meeting: bool
    participants: tuple[str, ...]
    date: str | None
    place: str | None
    topics: frozenset[tuple[str, str]]  # (topic, both|only_a|only_b)
    commitments: frozenset[tuple[str, str]]  # (a|b, topic)
    strength: frozenset[tuple[str, str]]  # (topic, the side that reports agreement)
    tone_a: frozenset[str]
    tone_b: frozenset[str]


@dataclass(frozen=True, slots=True)
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @staticmethod
    def of(predicted: Iterable[Any], gold: Iterable[Any]) -> Counts:
        p, g = set(predicted), set(gold)
        return Counts(len(p & g), len(p - g), len(g - p))


@dataclass(frozen=True, slots=True)
class PairResult:
    pair: AnnotatedPair
    comparison: ReadoutComparison
    seconds: float
    topics: Counts
    commitments: Counts
    strength: Counts
    predicted_topics: frozenset[tuple[str, str]]
    predicted_commitments: frozenset[tuple[str, str]]
    predicted_strength: frozenset[tuple[str, str]]

    @property
    def warned(self) -> bool:
        return self.comparison.warning is not None


@dataclass(frozen=True, slots=True)
class Scores:
    method: str
    results: tuple[PairResult, ...]

    def of_split(self, split: str) -> list[PairResult]:
        return [r for r in self.results if r.pair.split == split]

    def total(self, split: str, what: str) -> Counts:
        """Micro-averaged counts of ``what`` (topics|commitments|strength) over ``split``."""
        out = Counts()
        for result in self.of_split(split):
            out = out + getattr(result, what)
        return out


def load_pairs(root: str | Path) -> list[AnnotatedPair]:
    """Every annotated pair under ``root``, in folder order."""
    folder = Path(root)
    if not folder.is_dir():
        raise SourceError(f"{folder}: not a folder of annotated readout pairs")
    pairs = [_load_pair(d) for d in sorted(folder.iterdir()) if (d / "expected.yaml").is_file()]
    if not pairs:
        raise SourceError(f"{folder}: no NN-slug/expected.yaml pairs found")
    return pairs


def evaluate(pairs: Sequence[AnnotatedPair], *, method: str = "auto", **options: Any) -> Scores:
    """Compare every pair with ``method`` and count hits against the annotation."""
    results: list[PairResult] = []
    for pair in pairs:
        started = time.perf_counter()
        cmp = compare_readouts(pair.a, pair.b, method=method, **options)
        seconds = time.perf_counter() - started
        topics = frozenset((t.topic, t.status) for t in cmp.topics)
        commitments = frozenset(
            (c.side, c.topic) for c in cmp.conflicts if c.kind == "one-sided-commitment"
        )
        strength = frozenset((c.topic, c.side) for c in cmp.conflicts if c.kind == "strength")
        results.append(
            PairResult(
                pair=pair,
                comparison=cmp,
                seconds=seconds,
                topics=Counts.of(topics, pair.topics),
                commitments=Counts.of(commitments, pair.commitments),
                strength=Counts.of(strength, pair.strength),
                predicted_topics=topics,
                predicted_commitments=commitments,
                predicted_strength=strength,
            )
        )
    method_used = results[0].comparison.method_used if results else method
    return Scores(method_used, tuple(results))


def _load_pair(folder: Path) -> AnnotatedPair:
    where = folder / "expected.yaml"
    try:
        spec = yaml.safe_load(where.read_text(encoding="utf-8"))
        us = (folder / "us.txt").read_text(encoding="utf-8")
        cn = (folder / "cn.txt").read_text(encoding="utf-8")
    except (OSError, yaml.YAMLError) as exc:
        raise SourceError(f"{folder}: cannot read the pair ({exc})") from None
    if not isinstance(spec, dict):
        raise SourceError(f"{where}: must be a mapping")
    published = spec.get("published") or {}
    meeting = spec.get("meeting") or {}
    try:
        topics = frozenset((str(t), _STATUS[s]) for t, s in (spec.get("topics") or {}).items())
        commitments = frozenset(
            (_SIDES[c["side"]], str(c["topic"])) for c in spec.get("commitments") or []
        )
        strength = frozenset(
            (str(c["topic"]), _SIDES[c["agreed"]]) for c in spec.get("strength_conflicts") or []
        )
    except (KeyError, TypeError) as exc:
        raise SourceError(
            f"{where}: bad entry ({exc}); statuses are both|only_us|only_cn, sides us|cn"
        ) from None
    tone = spec.get("tone") or {}
    return AnnotatedPair(
        name=folder.name,
        split=str(spec.get("split", "dev")),
        a=ReadoutText(us, label="US", side="us", published=_iso(published.get("us"))),
        b=ReadoutText(cn, label="China", side="cn", published=_iso(published.get("cn"))),
        same_meeting=bool(spec.get("same_meeting")),
        participants=tuple(meeting.get("participants") or ()),
        date=_iso(meeting.get("date")),
        place=meeting.get("place"),
        topics=topics,
        commitments=commitments,
        strength=strength,
        tone_a=frozenset(tone.get("us") or ()),
        tone_b=frozenset(tone.get("cn") or ()),
    )


def _iso(value: Any) -> str | None:
    return None if value is None else str(value)
