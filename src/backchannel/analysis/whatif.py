"""What-if: the channel map without some actors, or with a proposed channel.

The stages, in order (``whatif`` runs them):

1. ``resolve_actor``   the names the user gave, as actor ids (close matches on a typo);
2. the channels after: the date's channels (``ChannelIndex``) without the
   removed actors' event records and with each proposed channel added as one
   asserted contact on ``as_of`` (``proposed_record``, document ``whatif``).
   What a copy of the store with those records changed would give
   (``derived_store``, the definition the tests compare with): a pair keeps its
   own records, so only the proposed pairs, the channels through a removed
   broker and the pairs a proposed cross-side contact makes brokered change;
3. the brokers' ranks after (``ArcIndex.rankings``: only the nodes next to a
   removed actor or a proposed arc are counted again) and the capacity after
   (``capacity()`` on the channels after);
4. the diff: channels cut and created, status changes, capacity before → after,
   and brokers whose rank changed.

``derived_store`` is also how ``compare`` looks at one period alone.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from backchannel.analysis.asof import ChannelIndex
from backchannel.analysis.brokers import ArcIndex
from backchannel.analysis.capacity import Capacity, capacity, resolve_actor, roles_on
from backchannel.analysis.channels import GOVERNMENT_SECTORS, Channel, ChannelInputs
from backchannel.errors import UsageError
from backchannel.model import stable_id
from backchannel.store import Store

COPIED = ("documents", "actors", "roles", "role_changes", "event_records")
PROPOSED_DOC = "whatif"


@contextlib.contextmanager
def derived_store(
    store: Store,
    *,
    drop_actors: Sequence[str] = (),
    since: str | None = None,
    until: str | None = None,
    extra_records: Sequence[dict[str, Any]] = (),
) -> Iterator[Store]:
    """An in-memory copy of ``store``, without some actors' events or outside a period.

    ``since``/``until`` keep the event records whose date interval overlaps
    that period. ``extra_records`` are ``event_records`` rows to add.
    """
    with Store.open(":memory:") as mem:
        mem.migrate()
        for table in COPIED:  # a fixed list of our own table names, never user input
            arrow = store.con.sql(f"SELECT * FROM {table}").to_arrow_table()
            mem.con.register("_src", arrow)
            try:
                mem.con.execute(f"INSERT INTO {table} SELECT * FROM _src")
            finally:
                mem.con.unregister("_src")
        if drop_actors:
            mem.con.execute(
                "DELETE FROM event_records WHERE source_id IN (SELECT unnest(?)) "
                "OR target_id IN (SELECT unnest(?))",
                [list(drop_actors), list(drop_actors)],
            )
        if since is not None:
            mem.con.execute(
                "DELETE FROM event_records WHERE coalesce(date_end, date_start) < ?", [since]
            )
        if until is not None:
            mem.con.execute("DELETE FROM event_records WHERE date_start > ?", [until])
        if extra_records:
            mem._upsert("documents", [_proposal_document()])
            mem._upsert("event_records", list(extra_records))
        yield mem


def _as_loaded(row: dict[str, Any]) -> dict[str, Any]:
    """A proposed record as ``ChannelInputs`` would read it back, with its document's fields."""
    doc = _proposal_document()
    return {**row, "url": doc["url"], "title": doc["title"], "published": None}


def _proposal_document() -> dict[str, Any]:
    return {
        "doc_id": PROPOSED_DOC,
        "title": "what-if: proposed channel",
        "url": "",
        "origin": "whatif",
        "clean_text": "",
    }


def proposed_record(
    store: Store,
    a: dict[str, str],
    b: dict[str, str],
    day: str,
    roles: Sequence[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """An asserted contact between ``a`` and ``b`` on ``day``: a proposed channel.

    ``roles`` are ``roles_on(store, day)`` when the caller has them already.
    """
    held: dict[str, dict[str, Any]] = {}
    for r in roles_on(store, day) if roles is None else roles:
        best = held.get(r["actor_id"])
        if best is None or (r["sector"] in GOVERNMENT_SECTORS and r["leader"]):
            held[r["actor_id"]] = r
    facts = {
        r["actor_id"]: r
        for r in store.query(
            "SELECT actor_id, name, kind, country, sector FROM actors "
            "WHERE actor_id IN (SELECT unnest(?))",
            [[a["actor_id"], b["actor_id"]]],
        )
    }
    record_id = stable_id("whatif", a["actor_id"], b["actor_id"], day, prefix="w")
    row: dict[str, Any] = {
        "record_id": record_id,
        "doc_id": PROPOSED_DOC,
        "sentence": f"Proposed channel: {a['name']} – {b['name']} (what-if).",
        "sentence_index": 0,
        "type": "CONSULT",
        "mode": "proposed",
        "date_start": day,
        "date_end": day,
        "date_precision": "day",
        "date_text": "",
        "modality": "asserted",
        "trigger": "",
        "location": "",
        "intensity": 1.0,
        "confidence": 1.0,
        "rule": "whatif",
        "channel_name": "proposed",
        "event_id": "e" + record_id[:16],
    }
    for prefix, end in (("source", a), ("target", b)):
        actor = facts.get(end["actor_id"], {})
        role = held.get(end["actor_id"])
        row[f"{prefix}_id"] = end["actor_id"]
        row[f"{prefix}_name"] = end["name"]
        row[f"{prefix}_country"] = (role or {}).get("country") or actor.get("country") or ""
        row[f"{prefix}_sector"] = (role or {}).get("sector") or actor.get("sector") or ""
        row[f"{prefix}_kind"] = actor.get("kind") or "person"
        row[f"{prefix}_role"] = (role or {}).get("title") or ""
    return row


@dataclass(frozen=True, slots=True)
class WhatIf:
    """What changes on ``as_of`` without ``removed`` and with ``added`` channels."""

    as_of: str
    removed: tuple[dict[str, str], ...]
    added: tuple[tuple[dict[str, str], dict[str, str]], ...]
    channels_cut: tuple[Channel, ...]
    channels_new: tuple[Channel, ...]
    status_changed: tuple[tuple[Channel, Channel], ...]
    capacity_before: Capacity
    capacity_after: Capacity
    brokers_changed: tuple[dict[str, Any], ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "as_of": self.as_of,
            "removed": list(self.removed),
            "added": [[a, b] for a, b in self.added],
            "channels_cut": [c.to_dict() for c in self.channels_cut],
            "channels_new": [c.to_dict() for c in self.channels_new],
            "status_changed": [
                {"before": b.to_dict(), "after": a.to_dict()} for b, a in self.status_changed
            ],
            "capacity": {
                "before": self.capacity_before.to_dict(),
                "after": self.capacity_after.to_dict(),
            },
            "brokers_changed": list(self.brokers_changed),
        }

    def rows(self) -> list[dict[str, Any]]:
        """One flat row per change, for tables and CSV."""
        out: list[dict[str, Any]] = []
        for c in self.channels_cut:
            out.append(_change("channel cut", f"{c.a.name} – {c.b.name}", c.status, "gone"))
        for c in self.channels_new:
            out.append(_change("channel new", f"{c.a.name} – {c.b.name}", "", c.status))
        for before, after in self.status_changed:
            pair = f"{before.a.name} – {before.b.name}"
            out.append(_change("channel status", pair, before.status, after.status))
        cb, ca = self.capacity_before, self.capacity_after
        out.append(
            _change(
                "capacity",
                f"{cb.source['name']} → {cb.target['name']}",
                str(cb.count),
                str(ca.count),
            )
        )
        for b in self.brokers_changed:
            out.append(
                _change(
                    "broker rank",
                    b["name"],
                    _rank(b["rank_before"], b["total_before"]),
                    _rank(b["rank_after"], b["total_after"]),
                )
            )
        return out


def _change(what: str, subject: str, before: str, after: str) -> dict[str, Any]:
    return {"change": what, "subject": subject, "before": before, "after": after}


def _rank(rank: int | None, total: int | None) -> str:
    return "—" if rank is None else f"#{rank} ({total} brokered paths)"


def _pair(c: Channel) -> tuple[str, str]:
    a, b = c.a.actor_id, c.b.actor_id
    return (a, b) if a < b else (b, a)


def _broker_ranks(rows: Sequence[tuple[str, str, int]]) -> dict[str, tuple[int, int, str]]:
    ranked = [r for r in rows if r[2] > 0]
    return {actor_id: (i, total, name) for i, (actor_id, name, total) in enumerate(ranked, 1)}


def resolve_changes(
    store: Store, remove: Sequence[str], add_channels: Sequence[tuple[str, str]]
) -> tuple[tuple[dict[str, str], ...], tuple[tuple[dict[str, str], dict[str, str]], ...]]:
    """The actors to remove and the pairs to join, resolved; ``UsageError`` if they cannot be."""
    if not remove and not add_channels:
        raise UsageError("nothing to change: give --remove NAME or --add-channel A B")
    removed = tuple(resolve_actor(store, n) for n in remove)
    added = tuple((resolve_actor(store, a), resolve_actor(store, b)) for a, b in add_channels)
    gone = {r["actor_id"] for r in removed}
    for a, b in added:
        if a["actor_id"] == b["actor_id"]:
            raise UsageError(f"--add-channel names {a['name']} twice: give two actors")
        if gone & {a["actor_id"], b["actor_id"]}:
            raise UsageError("--add-channel uses an actor that --remove takes out")
    return removed, added


def proposed_records(
    store: Store,
    added: Sequence[tuple[dict[str, str], dict[str, str]]],
    day: str,
    roles: Sequence[dict[str, Any]] | None = None,
) -> list[dict[str, Any]]:
    """``proposed_record`` for each pair, as ``ChannelInputs`` would read it back."""
    held = roles_on(store, day) if roles is None else roles
    return [_as_loaded(proposed_record(store, a, b, day, held)) for a, b in added]


def channel_changes(
    index: ChannelIndex,
    found: Sequence[Channel],
    as_of: str,
    gone: Sequence[str],
    extra: Sequence[dict[str, Any]],
) -> tuple[
    list[Channel], tuple[Channel, ...], tuple[Channel, ...], tuple[tuple[Channel, Channel], ...]
]:
    """The channels after, and those cut, created and whose status changed.

    ``found`` are ``index.channels(as_of)``; ``extra`` the proposed records
    as ``ChannelInputs`` reads them (``proposed_records``). A channel left
    unchanged is the same object after, so only the few others are compared
    by pair.
    """
    if not extra:  # removals alone: every channel left is the one before, none is new
        after = index.remaining(found, as_of, gone)
        kept = {id(c) for c in after}
        return after, tuple(c for c in found if id(c) not in kept), (), ()
    after = index.changed(found, as_of, gone, extra)
    kept, listed = {id(c) for c in after}, {id(c) for c in found}
    dropped = [c for c in found if id(c) not in kept]
    fresh = {_pair(c): c for c in after if id(c) not in listed}  # in the order after
    replaced = {_pair(c) for c in dropped}
    cut = tuple(c for c in dropped if _pair(c) not in fresh)
    new = tuple(c for pair, c in fresh.items() if pair not in replaced)
    changed = tuple(
        (c, fresh[_pair(c)])
        for c in dropped
        if _pair(c) in fresh and fresh[_pair(c)].status != c.status
    )
    return after, cut, new, changed


def whatif(
    store: Store,
    as_of: str,
    *,
    sides: Sequence[str],
    remove: Sequence[str] = (),
    add_channels: Sequence[tuple[str, str]] = (),
    source: str | None = None,
    target: str | None = None,
    inputs: ChannelInputs | None = None,
    index: ChannelIndex | None = None,
    found: Sequence[Channel] | None = None,
    arc_index: ArcIndex | None = None,
    before: Capacity | None = None,
) -> WhatIf:
    """Recompute channels, capacity and brokers without ``remove`` and with ``add_channels``.

    Names are actor ids, names or aliases; an unknown one is a ``UsageError``
    with close matches. ``inputs`` (``ChannelInputs.load`` of this unchanged
    store) saves reading it again, and ``index`` (``ChannelIndex.build`` of them
    for ``sides``) grouping them again; ``found``, ``index.channels(as_of)``, saves
    computing the channels before, and ``arc_index`` (``ArcIndex.build`` of the
    inputs' records for ``sides``) the brokers' network before, and ``before``,
    ``capacity(store, as_of, sides=sides, source=source, target=target)``, the
    capacity before. Nothing is copied or read again: the changes are
    computed on the index (see the module's docstring).
    """
    removed, added = resolve_changes(store, remove, add_channels)
    gone = {r["actor_id"] for r in removed}
    if index is None or index.sides != tuple(sides):
        inputs = inputs if inputs is not None else ChannelInputs.load(store)
        index = ChannelIndex.build(inputs, sides)
    inputs = index.inputs
    before_channels = list(found) if found is not None else index.channels(as_of)
    held = roles_on(store, as_of)  # the roles are the same before and after
    before_cap = before or capacity(
        store, as_of, sides=sides, source=source, target=target, found=before_channels, roles=held
    )
    if arc_index is None:
        arc_index = ArcIndex.build(inputs.records, sides=sides)
    extra = proposed_records(store, added, as_of, held)
    after_channels, cut, new, changed = channel_changes(
        index, before_channels, as_of, sorted(gone), extra
    )
    before_brokers, after_brokers = arc_index.rankings(as_of, gone, extra)
    after_cap = capacity(
        store,
        as_of,
        sides=sides,
        source=before_cap.source["actor_id"],
        target=before_cap.target["actor_id"],
        found=after_channels,
        without=sorted(gone),
        roles=held,
    )
    rb, ra = _broker_ranks(before_brokers), _broker_ranks(after_brokers)
    moved = []
    # by rank (before, else after); actor id breaks ties, which set order would leave to chance
    for actor_id in sorted(set(rb) | set(ra), key=lambda k: ((rb.get(k) or ra[k])[0], k)):
        b_, a_ = rb.get(actor_id), ra.get(actor_id)
        if b_ is not None and a_ is not None and b_[:2] == a_[:2]:
            continue
        moved.append(
            {
                "actor_id": actor_id,
                "name": (b_ or a_ or (0, 0, actor_id))[2],
                "rank_before": b_[0] if b_ else None,
                "rank_after": a_[0] if a_ else None,
                "total_before": b_[1] if b_ else None,
                "total_after": a_[1] if a_ else None,
                "removed": actor_id in gone,
            }
        )
    return WhatIf(
        as_of=as_of,
        removed=removed,
        added=added,
        channels_cut=cut,
        channels_new=new,
        status_changed=changed,
        capacity_before=before_cap,
        capacity_after=after_cap,
        brokers_changed=tuple(moved),
    )
