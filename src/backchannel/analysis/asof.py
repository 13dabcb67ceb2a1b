"""Channels on any date from one pass over the channel inputs: what the dashboard asks per date.

``ChannelIndex.build(inputs, sides)`` groups the store's communication records
by pair once. Everything ``channels()`` derives from a pair's records up to a
date depends on that date in two ways only:

* which of the pair's records count (those starting on or before it): a
  prefix of the pair's records, found by bisecting their start dates, whose
  summary (first contact, latest contact per event, endpoints, name,
  evidence) is computed once per prefix and kept;
* clipping to the date: contact dates after it count as the date itself,
  so the latest contact, the strength and the status follow from the
  prefix's summary and the date with a few comparisons.

Whether a pair is a channel at all only ever switches on as time passes (a
cross-side record, or a broker's first cross-side contact and a record on a
side), so it is one comparison per pair. ``index.channels(as_of)`` returns
exactly the list ``channels(store, as_of, sides=..., inputs=inputs)`` returns,
in the same order; ``without`` gives the list for the inputs without some
actors' records (``ChannelInputs.without``), and ``changed`` the list with
records dated ``as_of`` added as well (a what-if's proposed channels): only
the proposed pairs and the pairs their ends newly broker are computed again.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from backchannel.analysis.channels import (
    GOVERNMENT_SECTORS,
    Channel,
    ChannelInputs,
    Endpoint,
    _channel,
    _cross,
    _endpoint,
    _on_a_side,
    _ordinal,
    _status,
    evidence_of,
    pausing,
    strength_of,
    unsevered,
)
from backchannel.analysis.columns import EVERY, NEVER, PairColumns

ORDER = {"active": 0, "dormant": 1, "severed": 2}
STATUSES = list(ORDER)  # by their place in the order


def _key(a_id: str, b_id: str) -> tuple[str, str]:
    return (a_id, b_id) if a_id <= b_id else (b_id, a_id)


def _record_key(r: dict[str, Any]) -> tuple[str, str]:
    """A record's place in ``ChannelInputs.records``: by start date, then id."""
    return (r["date_start"], r["record_id"])


@dataclass(frozen=True, slots=True)
class _Prefix:
    """What a pair's first ``k`` records say, before clipping to a date."""

    first: str  # earliest start
    latest: str  # latest contact date (interval end, or start)
    contacts: tuple[str, ...]  # latest contact date per event, in the order events first appear
    days: tuple[int, ...]  # the same as day numbers: the strength on a date needs no parsing
    name: str  # the first channel name in sort order, or ""
    types: tuple[str, ...]  # event types, sorted
    modes: tuple[str, ...]  # modes given, sorted
    a: Endpoint
    b: Endpoint
    evidence: tuple[dict[str, Any], ...]


@dataclass(slots=True)
class _Pair:
    """One pair's records in store order and when it becomes a channel."""

    a_id: str
    b_id: str
    rows: list[dict[str, Any]] = field(default_factory=list)
    starts: list[str] = field(default_factory=list)
    cross_from: str | None = None  # start of the first cross-side record
    side_from: str | None = None  # start of the first record with an end on a side
    entry: str = NEVER  # the first date it is a channel, with every actor present
    prefixes: list[_Prefix] = field(default_factory=list)  # [k - 1]: the first k records

    def summarise(self) -> None:
        """A ``_Prefix`` for every number of records, in one pass over them."""
        contacts: dict[str, str] = {}
        names: set[str] = set()
        types: set[str] = set()
        modes: set[str] = set()
        evidence: list[dict[str, Any]] = []
        first = latest = ""
        for k, r in enumerate(self.rows, 1):
            when = r["date_end"] or r["date_start"]
            contacts[r["event_id"]] = max(contacts.get(r["event_id"], ""), when)
            if r["channel_name"]:
                names.add(r["channel_name"])
            types.add(r["type"])
            if r["mode"]:
                modes.add(r["mode"])
            first = r["date_start"] if k == 1 else min(first, r["date_start"])
            latest = max(latest, contacts[r["event_id"]])
            evidence.append(evidence_of(r))
            rows = self.rows[k - 1 : k]
            self.prefixes.append(
                _Prefix(
                    first=first,
                    latest=latest,
                    contacts=tuple(contacts.values()),
                    days=tuple(map(_ordinal, contacts.values())),
                    name=min(names) if names else "",
                    types=tuple(sorted(types)),
                    modes=tuple(sorted(modes)),
                    a=_endpoint(self.a_id, rows),
                    b=_endpoint(self.b_id, rows),
                    evidence=tuple(evidence[-5:]),
                )
            )


@dataclass(frozen=True, slots=True)
class Clipped:
    """The pairs that are channels on a date, in ``channels()``'s order, as columns.

    Each pair's channel says what its prefix of counted records says
    (``prefixes``), with what the date sets: status, reason, last contact and
    strength. ``numbers`` are the prefixes' numbers in ``ChannelIndex.columns``.
    """

    pairs: list[_Pair]
    prefixes: list[_Prefix]
    counted: list[int]  # how many of the pair's records count: ``prefixes`` are their summaries
    numbers: list[int]
    status: list[str]
    reason: list[str]
    last: list[str]
    strength: list[float]

    def __len__(self) -> int:
        return len(self.pairs)

    def ends(self) -> Iterator[tuple[Endpoint, Endpoint]]:
        """Each channel's two ends, in order."""
        return ((pre.a, pre.b) for pre in self.prefixes)


@dataclass(slots=True)
class ChannelIndex:
    """The channel inputs of one store version grouped by pair, for one pair of sides."""

    inputs: ChannelInputs
    sides: tuple[str, ...]
    include_brokered: bool
    pairs: list[_Pair]  # in the order their first record comes
    firsts: list[str]  # their first records' start dates, ascending
    checked: frozenset[str]  # actors whose roles or departures can sever a channel
    by_key: dict[tuple[str, str], _Pair]  # (smaller id, larger id) → pair
    crossings: dict[str, list[tuple[str, str]]]  # actor → (start, partner) of cross-side pairs
    of_actor: dict[str, list[_Pair]]  # actor → the pairs it is an end of
    columns: PairColumns | None = None  # the pairs as arrays, to clip them all to a date at once

    @classmethod
    def build(
        cls,
        inputs: ChannelInputs,
        sides: Sequence[str] = (),
        include_brokered: bool = True,
        pause: Callable[[], None] | None = None,
    ) -> ChannelIndex:
        """The index of ``inputs``; ``pause`` is called every ``EVERY`` pairs summarised."""
        side_set = set(sides)
        by_key: dict[tuple[str, str], _Pair] = {}
        for r in pausing(inputs.records, pause, 4 * EVERY):
            s, t = r["source_id"], r["target_id"]
            if s == t:
                continue
            key = (s, t) if s <= t else (t, s)
            pair = by_key.get(key)
            if pair is None:
                pair = by_key[key] = _Pair(*key)
            pair.rows.append(r)
            pair.starts.append(r["date_start"])
            if pair.cross_from is None and _cross(r, side_set):
                pair.cross_from = r["date_start"]
            if pair.side_from is None and _on_a_side(r, side_set):
                pair.side_from = r["date_start"]
        checked = set(inputs.exits)
        for actor_id, held in inputs.roles.items():
            if any(r["sector"] in GOVERNMENT_SECTORS for r in held):
                checked.add(actor_id)
        pairs = list(by_key.values())
        for p in pausing(pairs, pause, EVERY):
            p.summarise()
        index = cls(
            inputs,
            tuple(sides),
            include_brokered,
            pairs,
            [p.starts[0] for p in pairs],
            frozenset(checked),
            by_key,
            {},
            {},
        )
        for p in pairs:
            index.of_actor.setdefault(p.a_id, []).append(p)
            index.of_actor.setdefault(p.b_id, []).append(p)
            if p.cross_from is not None:
                index.crossings.setdefault(p.a_id, []).append((p.cross_from, p.b_id))
                index.crossings.setdefault(p.b_id, []).append((p.cross_from, p.a_id))
        for crossing in index.crossings.values():
            crossing.sort()
        brokers = {actor_id: c[0][0] for actor_id, c in index.crossings.items()}
        for p in pairs:
            p.entry = index._entry(p, brokers)
        index.columns = PairColumns.build(pairs, index._checks, pause)
        return index

    def _checks(self, p: _Pair) -> bool:
        """Whether an end's roles or departures can sever ``p``'s channel."""
        return p.a_id in self.checked or p.b_id in self.checked

    def _entry(self, p: _Pair, brokers: dict[str, str]) -> str:
        """The first date ``p`` is a channel, given when each broker's cross-side contact starts."""
        entry = p.cross_from or NEVER
        if self.include_brokered and p.side_from is not None:
            start = min(brokers.get(p.a_id, NEVER), brokers.get(p.b_id, NEVER))
            entry = min(entry, max(start, p.side_from))
        return entry

    def _cross_from(self, actor_id: str, gone: Collection[str]) -> str:
        """The start of ``actor_id``'s first cross-side pair with someone not in ``gone``."""
        for when, partner in self.crossings.get(actor_id, ()):
            if partner not in gone:
                return when
        return NEVER

    def kinds(self, a_id: str, b_id: str, as_of: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The sorted event types and modes between ``a_id`` and ``b_id`` up to ``as_of``."""
        p = self.by_key[(a_id, b_id) if a_id <= b_id else (b_id, a_id)]
        k = bisect.bisect_right(p.starts, as_of)
        return (p.prefixes[k - 1].types, p.prefixes[k - 1].modes) if k else ((), ())

    def remaining(
        self,
        found: Sequence[Channel],
        as_of: str,
        without: Collection[str],
        brokers: Collection[str] = (),
    ) -> list[Channel]:
        """``channels(as_of)`` (given as ``found``) on the inputs without ``without``'s records.

        A pair keeps its own records, so its channel is unchanged; it goes
        when an end is removed, or when it was a channel only through a broker
        whose every cross-side contact on ``as_of`` was with removed actors
        (``brokers`` have a cross-side contact on ``as_of`` whatever is removed).
        """
        gone = set(without)
        if not gone:  # every channel listed has its records, and its broker their contacts
            return list(found)
        out = []
        for c in found:
            a_id, b_id = c.a.actor_id, c.b.actor_id
            if a_id in gone or b_id in gone:
                continue
            if not c.cross_side and a_id not in brokers and b_id not in brokers:
                start = min(self._cross_from(a_id, gone), self._cross_from(b_id, gone))
                if start > as_of:
                    continue
            out.append(c)
        return out

    def changed(
        self,
        found: Sequence[Channel],
        as_of: str,
        without: Collection[str],
        added: Sequence[dict[str, Any]],
        dormant_after: int = 365,
    ) -> list[Channel]:
        """``channels(as_of)`` (given as ``found``) with ``without``'s records out, ``added`` in.

        ``added`` are records dated ``as_of`` between actors not in ``without``
        (no self-loops). Other pairs keep their records, so their channels are
        the ones before; what changes is the proposed pairs themselves, and
        pairs that become channels because a proposed cross-side record makes
        one of their ends a broker. The list keeps ``channels()``'s order:
        status, strength, names, then the pair's first record.
        """
        gone, sides = set(without), set(self.sides)
        by_pair: dict[tuple[str, str], list[dict[str, Any]]] = {}
        for r in sorted({r["record_id"]: r for r in added}.values(), key=_record_key):
            s, t = r["source_id"], r["target_id"]
            by_pair.setdefault((s, t) if s <= t else (t, s), []).append(r)
        brokers = {
            end for r in added if _cross(r, sides) for end in (r["source_id"], r["target_id"])
        }
        ends = {end for key in by_pair for end in key}  # few: most channels skip _key
        out = [
            c
            for c in self.remaining(found, as_of, gone, brokers)
            if c.a.actor_id not in ends or _key(c.a.actor_id, c.b.actor_id) not in by_pair
        ]
        # the channels listed that a new broker's pairs could be: those with a broker at an end
        listed = {
            _key(c.a.actor_id, c.b.actor_id)
            for c in found
            if c.a.actor_id in brokers or c.b.actor_id in brokers
        }
        today = _ordinal(as_of)
        fresh = []
        firsts: dict[tuple[str, str], tuple[str, str]] = {}
        for actor_id in sorted(brokers):
            if self._cross_from(actor_id, gone) <= as_of:
                continue  # a broker already: its pairs are listed
            for p in self.of_actor.get(actor_id, ()):
                key = (p.a_id, p.b_id)
                if key in listed or key in by_pair or {p.a_id, p.b_id} & gone:
                    continue
                if self.include_brokered and p.side_from is not None and p.side_from <= as_of:
                    listed.add(key)
                    fresh.append(self._channel(p, as_of, today, dormant_after))
        for (a_id, b_id), records in by_pair.items():
            known = self.by_key.get((a_id, b_id))
            own = known.rows[: bisect.bisect_right(known.starts, as_of)] if known else []
            rows = sorted([*own, *records], key=_record_key)
            firsts[(a_id, b_id)] = _record_key(rows[0])
            cross = any(_cross(r, sides) for r in rows)
            if not cross:
                if not (self.include_brokered and any(_on_a_side(r, sides) for r in rows)):
                    continue
                if a_id not in brokers and b_id not in brokers:
                    start = min(self._cross_from(a_id, gone), self._cross_from(b_id, gone))
                    if start > as_of:
                        continue
            i = self.inputs
            fresh.append(
                _channel(a_id, b_id, rows, as_of, dormant_after, i.roles, i.exits, i.returns, cross)
            )
        order = self._order_key(firsts)
        for c in fresh:
            bisect.insort(out, c, key=order)
        return out

    def _order_key(
        self, firsts: dict[tuple[str, str], tuple[str, str]]
    ) -> Callable[[Channel], tuple[Any, ...]]:
        """``channels()``'s sort key, ties going by the pair's first record as in its sort.

        ``firsts`` gives the first record of pairs whose records differ from the index's.
        """
        by_key = self.by_key

        def key(c: Channel) -> tuple[Any, ...]:
            pair = _key(c.a.actor_id, c.b.actor_id)
            first = firsts.get(pair) or _record_key(by_key[pair].rows[0])
            return (ORDER[c.status], -c.strength, c.a.name, c.b.name, first)

        return key

    def _on(
        self, p: _Pair, as_of: str, today: int, dormant_after: int
    ) -> tuple[int, str, str, str, float]:
        """Pair ``p`` on ``as_of`` (day ``today``): records counted, status, reason, last, strength.

        Its prefix of records, clipped to the date.
        """
        inputs = self.inputs
        k = bisect.bisect_right(p.starts, as_of)
        pre = p.prefixes[k - 1]
        last = pre.latest if pre.latest < as_of else as_of
        # a contact after the date counts as on it: decay's age is never below 0
        strength = strength_of([today - day for day in pre.days])
        if self._checks(p):
            status, reason = _status(
                pre.a,
                pre.b,
                last,
                as_of,
                dormant_after,
                inputs.roles,
                inputs.exits,
                inputs.returns,
            )
        else:
            status, reason = unsevered(last, today - _ordinal(last), dormant_after)
        return k, status, reason, last, strength

    def _channel(self, p: _Pair, as_of: str, today: int, dormant_after: int) -> Channel:
        k, status, reason, last, strength = self._on(p, as_of, today, dormant_after)
        return _channels([p], [p.prefixes[k - 1]], [status], [reason], [last], [strength], as_of)[0]

    def channel(
        self, a_id: str, b_id: str, as_of: str, *, dormant_after: int = 365
    ) -> Channel | None:
        """The channel of ``a_id`` and ``b_id`` as ``channels(as_of)`` lists it, or ``None``."""
        p = self.by_key.get(_key(a_id, b_id))
        if p is None or p.entry > as_of:
            return None
        return self._channel(p, as_of, _ordinal(as_of), dormant_after)

    def channels(
        self, as_of: str, *, dormant_after: int = 365, without: Collection[str] = ()
    ) -> list[Channel]:
        """``channels(store, as_of, ...)`` on these inputs, or on ``inputs.without(without)``."""
        if without:
            return self.remaining(self.channels(as_of, dormant_after=dormant_after), as_of, without)
        return self.made(self.clipped(as_of, dormant_after=dormant_after), as_of)

    def made(self, clipped: Clipped, as_of: str) -> list[Channel]:
        """``channels(as_of)`` from ``clipped(as_of)``: only the ``Channel`` objects to make."""
        c = clipped
        return _channels(c.pairs, c.prefixes, c.status, c.reason, c.last, c.strength, as_of)

    def clipped(self, as_of: str, *, dormant_after: int = 365) -> Clipped:
        """The pairs that are channels on ``as_of``, clipped to it, in ``channels()``'s order.

        The map encodes these: a ``Channel`` costs more to make than all the
        map takes from it, and its edges are written from the pair's kept parts.
        All pairs are clipped at once (``PairColumns.clip``); only those with an
        end whose roles or departures can sever them go through ``_status`` one by one.
        """
        columns = self.columns
        assert columns is not None  # built with the index
        today = _ordinal(as_of)
        live, prefix, last_day, strength = columns.clip(
            bisect.bisect_right(self.firsts, as_of), today
        )
        ages = today - last_day
        status = (ages > dormant_after).astype(np.int64)  # active 0, dormant 1: ORDER's
        set_by_roles: dict[int, str] = {}  # row → reason, from _status
        inputs, prefixes = self.inputs, columns.prefixes
        for row in np.flatnonzero(columns.checked[live]).tolist():
            pre = prefixes[prefix[row]]
            last = pre.latest if pre.latest < as_of else as_of
            state, set_by_roles[row] = _status(
                pre.a, pre.b, last, as_of, dormant_after, inputs.roles, inputs.exits, inputs.returns
            )
            status[row] = ORDER[state]
        order = columns.order(prefix, status, strength)
        numbers = prefix[order].tolist()
        # what the date sets depends on the last contact alone (a few thousand distinct days
        # among tens of thousands of pairs): made once per day, handed out by C-level maps
        days, at = np.unique(last_day[order], return_inverse=True)
        texts = [_day(day) for day in days.tolist()]
        reasons_of = [
            unsevered(text, today - day, dormant_after)[1]
            for text, day in zip(texts, days.tolist(), strict=True)
        ]
        at_list = at.tolist()
        reasons = list(map(reasons_of.__getitem__, at_list))
        if set_by_roles:
            place = np.empty_like(order)
            place[order] = np.arange(len(order))
            for row, reason in set_by_roles.items():
                reasons[int(place[row])] = reason
        pairs, live = self.pairs, live[order]
        return Clipped(
            list(map(pairs.__getitem__, live.tolist())),
            list(map(prefixes.__getitem__, numbers)),
            (prefix[order] - columns.first[live] + 1).tolist(),
            numbers,
            list(map(STATUSES.__getitem__, status[order].tolist())),
            reasons,
            list(map(texts.__getitem__, at_list)),
            strength[order].tolist(),
        )


@functools.lru_cache(maxsize=65536)
def _day(number: int) -> str:
    """Day ``number`` (``date.toordinal``) as the store writes dates."""
    return dt.date.fromordinal(number).isoformat()


def _channels(
    pairs: Sequence[_Pair],
    prefixes: Sequence[_Prefix],
    status: Sequence[str],
    reason: Sequence[str],
    last: Sequence[str],
    strength: Sequence[float],
    as_of: str,
) -> list[Channel]:
    """The ``Channel`` of each pair's records that its prefix sums up, with what ``as_of`` sets."""
    new, channel = tuple.__new__, Channel
    # one tuple each, whole: a call per channel costs more than all this (no __init__ to run)
    return [
        new(
            channel,
            (
                pre.a,
                pre.b,
                state,
                why,
                pre.first,
                latest,
                len(pre.contacts),
                power,
                bool(pre.name),
                pre.name,
                p.cross_from is not None and p.cross_from <= as_of,
                pre.evidence,
            ),
        )
        for p, pre, state, why, latest, power in zip(
            pairs, prefixes, status, reason, last, strength, strict=True
        )
    ]
