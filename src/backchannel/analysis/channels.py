"""Channels: who can carry a message across, and whether they still can, at a date.

A channel is a pair of actors with asserted communication events between
them (``ontology.yaml: communication``) or named as a channel in the text,
where the two are on different sides at the time of contact — or one of them
is a broker (has cross-side contact of their own) and the other is on a side.

Status at ``as_of``, always with the reason:

* **severed** — an endpoint who held office at the last contact no longer
  does (left office, removed, retired, died: from KB roles and the extracted
  role changes);
* **dormant** — no recorded contact for ``dormant_after`` days;
* **active** — otherwise.

Dates: an event counts from the start of its date interval; its contact date
is the interval's end, clipped to ``as_of`` (an article that says "during
Trump's first administration" proves contact up to that era's end, no later).
Strength is the sum over distinct contacts of ``exp(-age / 365 days)``.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import math
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any, NamedTuple, TypeVar

from backchannel.nlp.lexicon import lexicon
from backchannel.store import Store

T = TypeVar("T")

GOVERNMENT_SECTORS = frozenset({"government", "military", "party"})


@dataclass(frozen=True, slots=True)
class Endpoint:
    actor_id: str
    name: str
    country: str
    sector: str
    kind: str

    def to_dict(self) -> dict[str, str]:
        return {
            "actor_id": self.actor_id,
            "name": self.name,
            "country": self.country,
            "sector": self.sector,
            "kind": self.kind,
        }


class Channel(NamedTuple):
    """A channel on a date, with its status and the reason for it.

    A named tuple: the dashboard makes tens of thousands per date, each at a
    tenth of what a frozen dataclass costs, and as unchangeable.
    """

    a: Endpoint
    b: Endpoint
    status: str
    reason: str
    first_contact: str
    last_contact: str
    events: int
    strength: float
    named: bool
    name: str = ""
    cross_side: bool = True
    evidence: tuple[dict[str, Any], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "a": self.a.to_dict(),
            "b": self.b.to_dict(),
            "status": self.status,
            "reason": self.reason,
            "first_contact": self.first_contact,
            "last_contact": self.last_contact,
            "events": self.events,
            "strength": round(self.strength, 3),
            "named": self.named,
            "name": self.name,
            "cross_side": self.cross_side,
            "evidence": list(self.evidence),
        }


def _days(a: str, b: str) -> int:
    return _ordinal(b) - _ordinal(a)


@functools.lru_cache(maxsize=65536)
def _ordinal(day: str) -> int:
    # a few thousand distinct days, parsed again for every contact without this
    return dt.date.fromisoformat(day).toordinal()


@functools.lru_cache(maxsize=65536)
def decay(age: int) -> float:
    """A contact's weight ``age`` days before the date: 1 on it (and after), e⁻¹ a year before."""
    return math.exp(-max(0, age) / 365.0)


def strength_of(ages: Iterable[int]) -> float:
    """A channel's strength from its contacts' ages in days: their weights added in order.

    One addition after the other, from 0.0, in every version of Python (whose
    ``sum`` of floats compensates from 3.12 on), so that adding the same
    weights column by column in NumPy (``analysis.columns``) gives the same float.
    """
    total = 0.0
    for age in ages:
        total += decay(age)
    return total


def pausing(items: Iterable[T], pause: Callable[[], None] | None, every: int) -> Iterator[T]:
    """``items``, calling ``pause`` after every ``every`` of them and at the end.

    How a long build done in the background lets requests go first
    (``web.cache.StoreCache``); with no ``pause`` it is ``items`` itself.
    """
    if pause is None:
        yield from items
        return
    for n, item in enumerate(items, 1):
        yield item
        if n % every == 0:
            pause()
    pause()


def communication_records(
    store: Store, as_of: str, pause: Callable[[], None] | None = None
) -> list[dict[str, Any]]:
    """Asserted communication event records whose interval starts on or before ``as_of``."""
    kinds = sorted(lexicon().communication)
    return store.query(
        "SELECT r.*, d.url, d.title, d.published FROM event_records r "
        "JOIN documents d USING (doc_id) "
        "WHERE r.modality = 'asserted' AND r.type IN (SELECT unnest(?)) "
        "AND r.date_start IS NOT NULL AND r.date_start <= ? "
        "ORDER BY r.date_start, r.record_id",
        [kinds, as_of],
        pause,
    )


@dataclass(frozen=True, slots=True)
class ChannelInputs:
    """Everything ``channels()`` reads from the store, loaded once for any number of dates.

    A reader that asks about many dates of an unchanged store (the dashboard's
    slider) loads this once and slices it per date instead of querying again.
    """

    records: tuple[dict[str, Any], ...]  # every dated asserted communication record, in order
    starts: tuple[str, ...]  # their ``date_start``, for bisecting by date
    roles: dict[str, list[dict[str, Any]]]
    exits: dict[str, list[dict[str, Any]]]
    returns: dict[str, list[str]]

    @classmethod
    def load(cls, store: Store, pause: Callable[[], None] | None = None) -> ChannelInputs:
        """Read every dated record (no date is after 9999-12-31) and the role tables.

        ``pause`` is called now and then (``StoreCache``'s background indexing).
        """
        records = tuple(communication_records(store, "9999-12-31", pause))
        return cls(
            records=records,
            starts=tuple(r["date_start"] for r in records),
            roles=_roles(store),
            exits=_exits(store),
            returns=_reactivations(store),
        )

    def records_until(self, as_of: str) -> list[dict[str, Any]]:
        """What ``communication_records(store, as_of)`` returns, without a query."""
        return list(self.records[: bisect.bisect_right(self.starts, as_of)])

    def without(self, actor_ids: Collection[str]) -> ChannelInputs:
        """The same inputs with every record that involves one of ``actor_ids`` left out.

        What a store without those actors' event records gives (the what-if);
        roles and role changes stay, as they do in ``whatif.derived_store``.
        """
        gone = set(actor_ids)
        kept = tuple(
            r for r in self.records if r["source_id"] not in gone and r["target_id"] not in gone
        )
        return replace(self, records=kept, starts=tuple(r["date_start"] for r in kept))


def _roles(store: Store) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in store.query("SELECT * FROM roles"):
        out[row["actor_id"]].append(row)
    return out


def _in_office(roles: list[dict[str, Any]], day: str) -> dict[str, Any] | None:
    for r in roles:
        if r["sector"] not in GOVERNMENT_SECTORS:
            continue
        if (r["start_date"] is None or r["start_date"] <= day) and (
            r["end_date"] is None or day <= r["end_date"]
        ):
            return r
    return None


def _exits(store: Store) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in store.query(
        "SELECT actor_id, actor_name, change, role, date_start, doc_id, sentence "
        "FROM role_changes WHERE modality = 'asserted' "
        "AND change IN ('removed', 'retired', 'died') AND date_start IS NOT NULL"
    ):
        out[row["actor_id"]].append(row)
    return out


def _reactivations(store: Store) -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    for row in store.query(
        "SELECT actor_id, date_start FROM role_changes WHERE modality = 'asserted' "
        "AND change IN ('reactivated', 'appointed') AND date_start IS NOT NULL"
    ):
        out[row["actor_id"]].append(row["date_start"])
    return out


def channels(
    store: Store,
    as_of: str,
    *,
    sides: Sequence[str] = (),
    dormant_after: int = 365,
    include_brokered: bool = True,
    inputs: ChannelInputs | None = None,
) -> list[Channel]:
    """Every channel known on ``as_of``, strongest first, each with its status and reason.

    ``inputs`` (from ``ChannelInputs.load`` on the same, unchanged store) saves the queries.
    """
    if inputs is None:
        inputs = ChannelInputs.load(store)
    roles, exits, returns = inputs.roles, inputs.exits, inputs.returns
    result = [
        _channel(a_id, b_id, rows, as_of, dormant_after, roles, exits, returns, cross)
        for a_id, b_id, rows, cross in _pairs(inputs, as_of, set(sides), include_brokered)
    ]
    order = {"active": 0, "dormant": 1, "severed": 2}
    result.sort(key=lambda c: (order[c.status], -c.strength, c.a.name, c.b.name))
    return result


def active_count(
    inputs: ChannelInputs, as_of: str, *, sides: Sequence[str] = (), dormant_after: int = 365
) -> int:
    """How many of ``channels()`` on ``as_of`` are active, without building them (timelines)."""
    count = 0
    for a_id, b_id, rows, _ in _pairs(inputs, as_of, set(sides), True):
        last = max(min(r["date_end"] or r["date_start"], as_of) for r in rows)
        if _days(last, as_of) > dormant_after:
            continue  # dormant, or severed: not active either way
        a, b = _endpoint(a_id, rows), _endpoint(b_id, rows)
        status, _ = _status(
            a, b, last, as_of, dormant_after, inputs.roles, inputs.exits, inputs.returns
        )
        count += status == "active"
    return count


def _pairs(
    inputs: ChannelInputs, as_of: str, sides: set[str], include_brokered: bool
) -> Iterator[tuple[str, str, list[dict[str, Any]], bool]]:
    """The pairs that are channels on ``as_of``: their records, and whether they cross sides.

    A pair within one side counts when one of its actors has a cross-side
    contact (a broker's link back home) and ``include_brokered`` is set.
    """
    pairs: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    cross_actors: set[str] = set()
    for r in inputs.records_until(as_of):
        if r["source_id"] == r["target_id"]:
            continue
        s, t = r["source_id"], r["target_id"]
        pairs[(s, t) if s <= t else (t, s)].append(r)
        if _cross(r, sides):
            cross_actors.update({r["source_id"], r["target_id"]})
    for (a_id, b_id), rows in pairs.items():
        cross = any(_cross(r, sides) for r in rows)
        if not cross:
            brokered = a_id in cross_actors or b_id in cross_actors
            if not (include_brokered and brokered):
                continue
            if not any(_on_a_side(r, sides) for r in rows):
                continue
        yield a_id, b_id, rows, cross


def _cross(r: dict[str, Any], sides: set[str]) -> bool:
    a, b = r["source_country"], r["target_country"]
    if not a or not b or a == b:
        return False
    return not sides or (a in sides or b in sides)


def _on_a_side(r: dict[str, Any], sides: set[str]) -> bool:
    return not sides or r["source_country"] in sides or r["target_country"] in sides


def _endpoint(actor_id: str, rows: list[dict[str, Any]]) -> Endpoint:
    last = rows[-1]
    prefix = "source" if last["source_id"] == actor_id else "target"
    return Endpoint(
        actor_id,
        last[f"{prefix}_name"],
        last[f"{prefix}_country"],
        last[f"{prefix}_sector"],
        last[f"{prefix}_kind"],
    )


def evidence_of(record: dict[str, Any]) -> dict[str, Any]:
    """One record as a channel's evidence: the event, its date, sentence and source."""
    return {
        "event_id": record["event_id"],
        "date": record["date_start"],
        "type": record["type"],
        "mode": record["mode"],
        "sentence": record["sentence"],
        "doc_id": record["doc_id"],
        "url": record["url"],
        "title": record["title"],
    }


def _channel(
    a_id: str,
    b_id: str,
    rows: list[dict[str, Any]],
    as_of: str,
    dormant_after: int,
    roles: dict[str, list[dict[str, Any]]],
    exits: dict[str, list[dict[str, Any]]],
    returns: dict[str, list[str]],
    cross: bool,
) -> Channel:
    contacts: dict[str, str] = {}
    for r in rows:
        when = min(r["date_end"] or r["date_start"], as_of)
        contacts[r["event_id"]] = max(contacts.get(r["event_id"], ""), when)
    first = min(r["date_start"] for r in rows)
    last = max(contacts.values())
    strength = strength_of(_days(day, as_of) for day in contacts.values())
    names = sorted({r["channel_name"] for r in rows if r["channel_name"]})
    a, b = _endpoint(a_id, rows), _endpoint(b_id, rows)
    status, reason = _status(a, b, last, as_of, dormant_after, roles, exits, returns)
    evidence = tuple(evidence_of(r) for r in rows[-5:])
    return Channel(
        a=a,
        b=b,
        status=status,
        reason=reason,
        first_contact=first,
        last_contact=last,
        events=len(contacts),
        strength=strength,
        named=bool(names),
        name=names[0] if names else "",
        cross_side=cross,
        evidence=evidence,
    )


def _status(
    a: Endpoint,
    b: Endpoint,
    last: str,
    as_of: str,
    dormant_after: int,
    roles: dict[str, list[dict[str, Any]]],
    exits: dict[str, list[dict[str, Any]]],
    returns: dict[str, list[str]],
) -> tuple[str, str]:
    reasons: list[tuple[str, str]] = []  # (date, reason): the earliest departure explains it
    for end in (a, b):
        for exit_ in sorted(exits.get(end.actor_id, []), key=lambda e: e["date_start"]):
            if last <= exit_["date_start"] <= as_of and not any(
                exit_["date_start"] < back <= as_of for back in returns.get(end.actor_id, [])
            ):
                role = f" as {exit_['role']}" if exit_["role"] else ""
                reasons.append(
                    (
                        exit_["date_start"],
                        f"{end.name} {exit_['change']}{role} on {exit_['date_start']}",
                    )
                )
                break
        held = _in_office(roles.get(end.actor_id, []), last)
        if held is not None and _in_office(roles.get(end.actor_id, []), as_of) is None:
            until = held["end_date"] or "?"
            reasons.append((until, f"{end.name} left office ({held['title']}) on {until}"))
    if reasons:
        return "severed", min(reasons)[1]
    return unsevered(last, _days(last, as_of), dormant_after)


def unsevered(last: str, age: int, dormant_after: int) -> tuple[str, str]:
    """Dormant or active, and why, for a channel last in contact on ``last``, ``age`` days ago."""
    if age > dormant_after:
        return "dormant", f"no recorded contact since {last} ({age} days)"
    return "active", f"last contact {last}" + (" (within the article's date)" if age == 0 else "")
