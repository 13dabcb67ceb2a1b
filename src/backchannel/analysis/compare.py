"""Compare two periods: channels present in one and missing in the other, brokers gained and lost.

The stages, in order (``compare`` runs them):

1. ``period_view``  for each period, the store restricted to the event records
   whose date interval overlaps it (``whatif.derived_store``), then
   ``channels()`` and ``brokers()`` at the period's end — so a channel is
   *present* in a period when an asserted contact falls in it;
2. the diff by actor pair, each missing channel explained by its status in the
   full store at the end of the later period ("Jared Kushner left office …").

A broker is an actor with at least one brokered two-path (Gould–Fernandez
total > 0) in the period.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from backchannel.analysis.brokers import brokers
from backchannel.analysis.channels import Channel, channels
from backchannel.analysis.whatif import derived_store
from backchannel.errors import UsageError
from backchannel.store import Store


@dataclass(frozen=True, slots=True)
class PeriodView:
    """Channels with contact in ``start``..``end`` and the brokers of that period."""

    start: str
    end: str
    channels: tuple[Channel, ...]
    brokers: tuple[dict[str, Any], ...]

    @property
    def label(self) -> str:
        return f"{self.start}..{self.end}"


@dataclass(frozen=True, slots=True)
class Comparison:
    """What the first period had that the second lacks, and the other way round."""

    first: PeriodView
    second: PeriodView
    lost: tuple[tuple[Channel, Channel | None], ...]  # (as in first, status at second's end)
    gained: tuple[Channel, ...]
    kept: tuple[tuple[Channel, Channel], ...]
    brokers_lost: tuple[dict[str, Any], ...]
    brokers_gained: tuple[dict[str, Any], ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "first": self.first.label,
            "second": self.second.label,
            "channels_lost": [
                {**c.to_dict(), "later": later.to_dict() if later else None}
                for c, later in self.lost
            ],
            "channels_gained": [c.to_dict() for c in self.gained],
            "channels_kept": [{"first": a.to_dict(), "second": b.to_dict()} for a, b in self.kept],
            "brokers_lost": list(self.brokers_lost),
            "brokers_gained": list(self.brokers_gained),
        }

    def rows(self) -> list[dict[str, Any]]:
        """One flat row per difference (and per channel kept), for tables and CSV."""
        out = []
        for c, later in self.lost:
            why = f"{later.status}: {later.reason}" if later else "no contact recorded"
            out.append(_row("channel lost", _pair_name(c), c, None, why))
        for c in self.gained:
            out.append(_row("channel gained", _pair_name(c), None, c, f"first {c.first_contact}"))
        for then, now in self.kept:
            out.append(
                _row("channel kept", _pair_name(then), then, now, f"last {now.last_contact}")
            )
        for lost in self.brokers_lost:
            total = lost["roles"]["total"]
            out.append(_broker_row("broker lost", lost, f"{total} brokered paths before"))
        for won in self.brokers_gained:
            total = won["roles"]["total"]
            out.append(_broker_row("broker gained", won, f"{total} brokered paths"))
        return out


def _pair_name(c: Channel) -> str:
    named = f" ({c.name})" if c.name else ""
    return f"{c.a.name} – {c.b.name}{named}"


def _contacts(c: Channel | None) -> str:
    if c is None:
        return "—"
    return f"{c.events} contact{'s' if c.events != 1 else ''}, last {c.last_contact}"


def _row(
    what: str, subject: str, first: Channel | None, second: Channel | None, detail: str
) -> dict[str, Any]:
    return {
        "change": what,
        "subject": subject,
        "first": _contacts(first),
        "second": _contacts(second),
        "detail": detail,
    }


def _broker_row(what: str, b: dict[str, Any], detail: str) -> dict[str, Any]:
    return {
        "change": what,
        "subject": b["name"],
        "first": "",
        "second": "",
        "detail": f"{detail}; bridges {', '.join(b['bridges']) or '—'}",
    }


def _key(c: Channel) -> tuple[str, str]:
    a, b = c.a.actor_id, c.b.actor_id
    return (a, b) if a < b else (b, a)


def period_view(store: Store, start: str, end: str, *, sides: Sequence[str]) -> PeriodView:
    """Channels with an asserted contact in ``start``..``end``, and that period's brokers."""
    if start > end:
        raise UsageError(f"period {start}..{end} ends before it starts: swap the dates")
    with derived_store(store, since=start, until=end) as mem:
        found = tuple(channels(mem, end, sides=sides))
        found_brokers = tuple(b for b in brokers(mem, end, sides=sides) if b["roles"]["total"])
    # a contact dated by its interval's end may predate the period: keep real overlaps
    present = tuple(c for c in found if c.last_contact >= start)
    return PeriodView(start, end, present, found_brokers)


def compare(
    store: Store,
    first: tuple[str, str],
    second: tuple[str, str],
    *,
    sides: Sequence[str],
) -> Comparison:
    """Channels and brokers of ``first`` (start, end) against those of ``second``."""
    a = period_view(store, *first, sides=sides)
    b = period_view(store, *second, sides=sides)
    later = {_key(c): c for c in channels(store, b.end, sides=sides)}
    in_b = {_key(c): c for c in b.channels}
    in_a = {_key(c) for c in a.channels}
    lost = tuple((c, later.get(_key(c))) for c in a.channels if _key(c) not in in_b)
    gained = tuple(c for c in b.channels if _key(c) not in in_a)
    kept = tuple((c, in_b[_key(c)]) for c in a.channels if _key(c) in in_b)
    brokers_a = {r["actor_id"]: r for r in a.brokers}
    brokers_b = {r["actor_id"]: r for r in b.brokers}
    return Comparison(
        first=a,
        second=b,
        lost=lost,
        gained=gained,
        kept=kept,
        brokers_lost=tuple(r for k, r in brokers_a.items() if k not in brokers_b),
        brokers_gained=tuple(r for k, r in brokers_b.items() if k not in brokers_a),
    )
