"""A ``ChannelIndex``'s pairs as NumPy columns: every pair clipped to a date in a few array steps.

On a date the map has not shown, the index clips each of up to twenty
thousand pairs to it: which of its records count (a bisection), the latest
contact, the strength (a weight per contact, added up) and whether it is
dormant, then sorts them. One pair at a time in Python that is most of the
map's time. Here the same steps run over every pair at once:

* which records count: one ``searchsorted`` over all pairs' start days, each
  pair's kept apart by its number times ``STRIDE``;
* the strength: the contacts' weights come from one table of ``decay(age)``
  for every age, and are added contact by contact, a column of all pairs at a
  time. Each pair's sum is thus made of the same floats added in the same order
  as ``strength_of`` adds them, so the result is the same float, bit for bit;
* the order: ``np.lexsort`` on status, strength and the places of the ends'
  names in sort order, the pairs' own order breaking ties as a stable sort does.

Whether an end's departure severs the channel stays with ``_status`` in
Python, one pair at a time, for the pairs with an end whose roles or
departures are known (``ChannelIndex.checked``).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

import numpy as np
import numpy.typing as npt

from backchannel.analysis.channels import _ordinal, decay, pausing

if TYPE_CHECKING:
    from backchannel.analysis.asof import _Pair, _Prefix

NEVER = "~"  # after every date string
STRIDE = 1 << 22  # above every day number: 9999-12-31 is day 3,652,059
EVERY = 250  # pairs summarised or gathered between two pauses of a paused build

Ints = npt.NDArray[np.int64]
Floats = npt.NDArray[np.float64]


class Clip(NamedTuple):
    """The pairs that are channels on a date, in the pairs' order, with what the date sets."""

    live: Ints  # the pairs' numbers
    prefix: Ints  # the prefix that counts: its number among every pair's prefixes
    last: Ints  # the last contact, clipped to the date, as a day number
    strength: Floats


@dataclass(frozen=True, slots=True)
class PairColumns:
    """Per pair, per record and per prefix of a pair's records, what clipping to a date reads."""

    entry: Ints  # per pair: the day it becomes a channel (``STRIDE`` for never)
    keys: Ints  # per record, pairs in order: pair number × STRIDE + start day
    first: Ints  # per pair: its first record's place in ``keys``, and its first prefix's number
    latest: Ints  # per prefix: the latest contact day
    contacts: Ints  # per prefix: how many contacts
    start: Ints  # per prefix: where its contact days begin in ``days``
    days: Ints  # every prefix's contact days, one prefix after the other
    a_rank: Ints  # per prefix: its first end's name's place among all names in sort order
    b_rank: Ints
    checked: npt.NDArray[np.bool_]  # per pair: an end's roles or departures can sever it
    prefixes: list[_Prefix]  # by number
    earliest: int  # the earliest contact day of any prefix: the oldest a weight is for
    _weights: list[Floats] = field(default_factory=list)  # decay(age) for age 0, 1, …
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @classmethod
    def build(
        cls,
        pairs: Sequence[_Pair],
        checked: Callable[[_Pair], bool],
        pause: Callable[[], None] | None = None,
    ) -> PairColumns:
        """The columns of ``pairs`` (summarised), in their order; ``pause`` as ``pausing``."""
        entry: list[int] = []
        keys: list[int] = []
        first: list[int] = []
        checks: list[bool] = []
        latest: list[int] = []
        contacts: list[int] = []
        start: list[int] = []
        days: list[int] = []
        prefixes: list[_Prefix] = []
        for number, p in enumerate(pausing(pairs, pause, EVERY)):
            entry.append(STRIDE if p.entry == NEVER else _ordinal(p.entry))
            first.append(len(keys))
            keys.extend(number * STRIDE + _ordinal(day) for day in p.starts)
            checks.append(checked(p))
            for pre in p.prefixes:
                latest.append(_ordinal(pre.latest))
                contacts.append(len(pre.days))
                start.append(len(days))
                days.extend(pre.days)
            prefixes.extend(p.prefixes)
        rank = {
            name: k
            for k, name in enumerate(sorted({e.name for pre in prefixes for e in (pre.a, pre.b)}))
        }
        return cls(
            entry=np.array(entry, dtype=np.int64),
            keys=np.array(keys, dtype=np.int64),
            first=np.array(first, dtype=np.int64),
            latest=np.array(latest, dtype=np.int64),
            contacts=np.array(contacts, dtype=np.int64),
            start=np.array(start, dtype=np.int64),
            days=np.array(days, dtype=np.int64),
            a_rank=np.array([rank[pre.a.name] for pre in prefixes], dtype=np.int64),
            b_rank=np.array([rank[pre.b.name] for pre in prefixes], dtype=np.int64),
            checked=np.array(checks, dtype=np.bool_),
            prefixes=prefixes,
            earliest=min(days, default=0),
        )

    def clip(self, upto: int, today: int) -> Clip:
        """The pairs among the first ``upto`` that are channels on day ``today``, clipped to it."""
        live = np.flatnonzero(self.entry[:upto] <= today)
        counted = np.searchsorted(self.keys, live * STRIDE + today, side="right")
        prefix = counted - 1  # the last record that counts is the prefix's last
        return Clip(
            live, prefix, np.minimum(self.latest[prefix], today), self._strength(prefix, today)
        )

    def _strength(self, prefix: Ints, today: int) -> Floats:
        """Each prefix's strength on ``today``, as ``strength_of`` adds its contacts' weights."""
        n = self.contacts[prefix]
        order = np.argsort(-n, kind="stable")  # longest first: column j is a leading slice
        n, begin = n[order], self.start[prefix][order]
        total = np.zeros(len(prefix), dtype=np.float64)
        if len(prefix):
            weights = self._table(today - self.earliest)
            for j in range(int(n[0])):
                rows = int(np.searchsorted(-n, -j, side="left"))  # those with more than j contacts
                ages = np.maximum(today - self.days[begin[:rows] + j], 0)
                total[:rows] += weights[ages]
        out = np.empty_like(total)
        out[order] = total
        return out

    def _table(self, oldest: int) -> Floats:
        """``decay(age)`` for every age up to at least ``oldest`` days."""
        with self._lock:
            if not self._weights or len(self._weights[0]) <= oldest:
                size = max(oldest + 1, 2 * len(self._weights[0]) if self._weights else 4096)
                self._weights[:] = [np.array([decay(age) for age in range(size)])]
            return self._weights[0]

    def order(self, prefix: Ints, status: Ints, strength: Floats) -> Ints:
        """``channels()``'s order of the clipped pairs: status, strength, names; then theirs."""
        return np.lexsort(
            (np.arange(len(prefix)), self.b_rank[prefix], self.a_rank[prefix], -strength, status)
        )
