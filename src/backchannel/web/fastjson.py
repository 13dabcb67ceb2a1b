"""The JSON of a channel list, byte for byte what ``cache.encode`` gives for its ``to_dict()``s.

``/api/channels`` sends every channel with its endpoints and evidence: a few
megabytes at scale, most of which does not change with the date. The parts
that depend only on the pair and how many of its records count (endpoints,
evidence) are encoded once and kept; the ones the date sets (status, reason,
last contact, strength, whether it crosses sides) are written per request with
the same string and number encoders ``json.dumps`` uses.
"""

from __future__ import annotations

import bisect
import json
import threading
from collections.abc import Sequence
from json.encoder import encode_basestring

from backchannel.analysis.asof import ChannelIndex
from backchannel.analysis.channels import Channel, Endpoint
from backchannel.web.views import edge_id, side_of


def _plain(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":"))


def _str(value: str | None) -> str:
    return "null" if value is None else encode_basestring(value)


class ChannelJSON:
    """Encodes lists of channels computed from ``index``, keeping the parts that do not vary."""

    def __init__(self, index: ChannelIndex) -> None:
        self.index = index
        self._ends: dict[Endpoint, str] = {}
        self._evidence: dict[tuple[str, str, int], str] = {}
        self._edges: dict[tuple[str, str, int], tuple[str, str, str]] = {}
        self._lock = threading.Lock()

    def _end(self, end: Endpoint) -> str:
        found = self._ends.get(end)
        if found is None:
            found = _plain(end.to_dict())
            with self._lock:
                self._ends[end] = found
        return found

    def _evidence_of(self, c: Channel, as_of: str) -> str:
        a_id, b_id = c.a.actor_id, c.b.actor_id
        pair = self.index.by_key.get((a_id, b_id) if a_id <= b_id else (b_id, a_id))
        if pair is None:  # not from this index: nothing to keep
            return _plain(list(c.evidence))
        key = (pair.a_id, pair.b_id, bisect.bisect_right(pair.starts, as_of))
        found = self._evidence.get(key)
        if found is None:
            found = _plain(list(c.evidence))
            with self._lock:
                self._evidence[key] = found
        return found

    def _edge_parts(self, c: Channel, as_of: str) -> tuple[str, str, str]:
        """``views._edge``'s JSON before the status, around the last contact, and after it."""
        a_id, b_id = c.a.actor_id, c.b.actor_id
        pair = self.index.by_key[(a_id, b_id) if a_id <= b_id else (b_id, a_id)]
        k = bisect.bisect_right(pair.starts, as_of)
        key = (pair.a_id, pair.b_id, k)
        found = self._edges.get(key)
        if found is None:
            prefix = pair.prefixes[k - 1]
            head = {
                "id": edge_id(a_id, b_id),
                "source": a_id,
                "target": b_id,
                "a_name": c.a.name,
                "b_name": c.b.name,
                "a_side": side_of(c.a.country, self.index.sides),
                "b_side": side_of(c.b.country, self.index.sides),
            }
            tail = {"name": c.name, "types": list(prefix.types), "modes": list(prefix.modes)}
            found = (
                _plain(head)[:-1] + ',"status":',
                ',"events":'
                + int.__repr__(c.events)
                + ',"first_contact":'
                + _str(c.first_contact)
                + ',"last_contact":',
                "," + _plain(tail)[1:],
            )
            with self._lock:
                self._edges[key] = found
        return found

    def edges(self, found: Sequence[Channel], as_of: str) -> str:
        """The JSON of ``views.graph``'s edges for ``found``, the channels on ``as_of``.

        The sides are the index's: ``views.graph`` must have been asked for those.
        """
        parts = []
        for c in found:
            head, middle, tail = self._edge_parts(c, as_of)
            strength = round(c.strength, 3)
            parts.append(
                "".join(
                    (
                        head,
                        _str(c.status),
                        ',"reason":',
                        _str(c.reason),
                        ',"strength":',
                        float.__repr__(strength)
                        if isinstance(strength, float)
                        else _plain(strength),
                        middle,
                        _str(c.last_contact),
                        tail,
                    )
                )
            )
        return "[" + ",".join(parts) + "]"

    def encode(self, found: Sequence[Channel], as_of: str) -> bytes:
        """``encode([c.to_dict() for c in found])`` for channels on ``as_of`` from the index."""
        parts = []
        for c in found:
            strength = round(c.strength, 3)
            parts.append(
                "".join(
                    (
                        '{"a":',
                        self._end(c.a),
                        ',"b":',
                        self._end(c.b),
                        ',"status":',
                        _str(c.status),
                        ',"reason":',
                        _str(c.reason),
                        ',"first_contact":',
                        _str(c.first_contact),
                        ',"last_contact":',
                        _str(c.last_contact),
                        ',"events":',
                        int.__repr__(c.events),
                        ',"strength":',
                        float.__repr__(strength)
                        if isinstance(strength, float)
                        else _plain(strength),
                        ',"named":',
                        "true" if c.named else "false",
                        ',"name":',
                        _str(c.name),
                        ',"cross_side":',
                        "true" if c.cross_side else "false",
                        ',"evidence":',
                        self._evidence_of(c, as_of),
                        "}",
                    )
                )
            )
        return ("[" + ",".join(parts) + "]").encode()
