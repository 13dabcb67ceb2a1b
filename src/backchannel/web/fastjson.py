"""The JSON of a channel list, byte for byte what ``cache.encode`` gives for its ``to_dict()``s.

``/api/channels`` sends every channel with its endpoints and evidence, and
``/api/graph`` every channel as an edge: a few megabytes at scale, most of
which does not change with the date. What a channel says apart from the date
depends only on its pair and how many of the pair's records count (endpoints,
first contact, events, name, whether it crosses sides, evidence, the edge's
types and modes): that text is encoded once per pair and number of records
and kept, in the pieces between the values the date sets (status, reason,
last contact, strength), which are written per request with the string and
number encoders ``json.dumps`` uses. A record's evidence is encoded once and
shared by every number of records that lists it.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Sequence
from json.encoder import encode_basestring

from backchannel.analysis.asof import ChannelIndex, Clipped, _Pair, _Prefix
from backchannel.analysis.channels import Endpoint, pausing
from backchannel.analysis.columns import EVERY
from backchannel.web.views import Broker, edge_id, side_of

EVIDENCE = 5  # records a channel lists as its evidence: the latest five


# ``json.dumps`` with these options; one encoder, as ``dumps`` would build one per call
_plain = json.JSONEncoder(ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode


def _str(value: str | None) -> str:
    return "null" if value is None else encode_basestring(value)


def _strings(values: Sequence[str]) -> str:
    return "[" + ",".join(map(encode_basestring, values)) + "]"


def _bool(value: bool) -> str:
    return "true" if value else "false"


class ChannelJSON:
    """Encodes lists of channels computed from ``index``, keeping the parts that do not vary."""

    def __init__(self, index: ChannelIndex) -> None:
        self.index = index
        assert index.columns is not None  # built with the index
        self._prefixes = index.columns.prefixes
        # prefix number → the text around status, reason, last contact and strength of its channel
        self._objects: list[tuple[str, str, str, str] | None] = [None] * len(self._prefixes)
        # prefix number → the text around status, reason, last contact and strength of its edge
        self._edges: list[tuple[str, str, str] | None] = [None] * len(self._prefixes)
        self._records: dict[tuple[str, str], list[str]] = {}  # pair → each record's evidence
        self._ends: dict[Endpoint, str] = {}  # an actor as many pairs' records name it alike
        self._nodes: dict[Endpoint, str] = {}  # a node's JSON up to its category
        self._places: dict[str, str] = {}  # actor → its node's JSON from its position on
        self._lock = threading.Lock()

    def _end(self, end: Endpoint) -> str:
        found = self._ends.get(end)
        if found is None:
            found = _plain(end.to_dict())
            with self._lock:
                self._ends[end] = found
        return found

    def _evidence(self, pair: _Pair, k: int) -> str:
        """The JSON of the evidence of ``pair``'s first ``k`` records: their latest five."""
        key = (pair.a_id, pair.b_id)
        records = self._records.get(key)
        if records is None:  # the k-th prefix's evidence ends with the k-th record's entry
            records = [_plain(prefix.evidence[-1]) for prefix in pair.prefixes]
            with self._lock:
                self._records[key] = records
        return "[" + ",".join(records[max(0, k - EVIDENCE) : k]) + "]"

    def _object_text(self, pair: _Pair, k: int) -> tuple[str, str, str, str]:
        """``Channel.to_dict()``'s JSON around the status, last contact and strength.

        From what ``pair``'s first ``k`` records say: whether it crosses sides
        too, as its first cross-side record is among them or not.
        """
        pre = pair.prefixes[k - 1]
        cross = pair.cross_from is not None and pair.cross_from <= pair.starts[k - 1]
        return (
            '{"a":' + self._end(pre.a) + ',"b":' + self._end(pre.b) + ',"status":',
            ',"first_contact":' + _str(pre.first) + ',"last_contact":',
            ',"events":' + int.__repr__(len(pre.contacts)) + ',"strength":',
            ',"named":'
            + _bool(bool(pre.name))
            + ',"name":'
            + _str(pre.name)
            + ',"cross_side":'
            + _bool(cross)
            + ',"evidence":'
            + self._evidence(pair, k)
            + "}",
        )

    def _edge_text(self, pre: _Prefix) -> tuple[str, str, str]:
        """``views._edge``'s JSON before the status, around the last contact, and after it.

        From what ``pre``, a prefix of a pair's records, says.
        """
        a, b, sides = pre.a, pre.b, self.index.sides
        return (
            f'{{"id":{_str(edge_id(a.actor_id, b.actor_id))},"source":{_str(a.actor_id)},'
            f'"target":{_str(b.actor_id)},"a_name":{_str(a.name)},"b_name":{_str(b.name)},'
            f'"a_side":{_str(side_of(a.country, sides))},'
            f'"b_side":{_str(side_of(b.country, sides))},"status":',
            f',"events":{int.__repr__(len(pre.contacts))},"first_contact":{_str(pre.first)},'
            '"last_contact":',
            f',"name":{_str(pre.name)},"types":{_strings(pre.types)},'
            f'"modes":{_strings(pre.modes)}}}',
        )

    def prepare(self, pause: Callable[[], None] | None = None) -> None:
        """Encode every pair's edge parts for every number of its records, ahead of any date.

        Without this, a date a year or two from the last one asked finds about
        2,500 pairs whose number of records is new (2,000 actors, 20,000
        events), and encoding them is a third of its edges' time; all of them
        together take a few megabytes. ``pause`` is called every ``EVERY`` prefixes.
        """
        prefixes, edges = self._prefixes, self._edges
        for g in pausing(range(len(prefixes)), pause, EVERY):
            if edges[g] is None:
                edges[g] = self._edge_text(prefixes[g])

    def edges(self, found: Clipped) -> str:
        """The JSON of ``views.graph``'s edges for ``found``, ``index.clipped`` on a date."""
        kept, text, prefixes = self._edges, self._edge_text, self._prefixes
        parts = []
        for g, status, reason, strength, last in zip(
            found.numbers, found.status, found.reason, found.strength, found.last, strict=True
        ):
            around = kept[g]
            if around is None:  # a list's item is set whole: no lock needed
                around = kept[g] = text(prefixes[g])
            head, middle, tail = around
            # a status and an ISO date need no escaping; a reason names actors and does
            parts.append(
                f'{head}"{status}","reason":{encode_basestring(reason)},"strength":'
                f'{float.__repr__(round(strength, 3))}{middle}"{last}"{tail}'
            )
        return "[" + ",".join(parts) + "]"

    def encode(self, found: Clipped, status: str | None = None) -> bytes:
        """``encode([c.to_dict() for c in index.made(found)])``, or of those with ``status``."""
        kept, text = self._objects, self._object_text
        parts = []
        for pair, k, g, state, reason, last, strength in zip(
            found.pairs,
            found.counted,
            found.numbers,
            found.status,
            found.reason,
            found.last,
            found.strength,
            strict=True,
        ):
            if status is not None and state != status:
                continue
            around = kept[g]
            if around is None:
                around = kept[g] = text(pair, k)
            head, middle, events, tail = around
            parts.append(
                f'{head}"{state}","reason":{encode_basestring(reason)}{middle}"{last}"{events}'
                f"{float.__repr__(round(strength, 3))}{tail}"
            )
        return ("[" + ",".join(parts) + "]").encode()

    def _node_head(self, end: Endpoint) -> str:
        found = self._nodes.get(end)
        if found is None:
            side = side_of(end.country, self.index.sides)
            found = (
                f'{{"id":{_str(end.actor_id)},"name":{_str(end.name)},'
                f'"country":{_str(end.country)},"side":{_str(side)},'
                f'"kind":{_str(end.kind)},"sector":{_str(end.sector)},"category":'
            )
            with self._lock:
                self._nodes[end] = found
        return found

    def _node_tail(self, actor_id: str, place: dict[str, tuple[float, float]]) -> str:
        found = self._places.get(actor_id)
        if found is None:
            x, y = place.get(actor_id, (0.0, 0.0))
            found = f',"x":{_plain(x)},"y":{_plain(y)}}}'
            with self._lock:
                self._places[actor_id] = found
        return found

    def graph(
        self,
        as_of: str,
        found: Clipped,
        facts: Sequence[tuple[Endpoint, str, Broker | None]],
        place: dict[str, tuple[float, float]],
    ) -> bytes:
        """``encode(views.graph(...))`` on ``as_of`` from ``index.clipped`` and ``node_facts``.

        ``place`` is ``views.positions`` for this version of the store and the
        index's sides: an actor's position is kept with its JSON.
        """
        nodes = []
        for end, kind, broker in facts:
            if broker is None:
                middle = '"broker":false,"brokerage":0,"bridges":[]'
            else:
                paths, bridges = broker
                middle = (
                    f'"broker":true,"brokerage":{int.__repr__(paths)},"bridges":{_strings(bridges)}'
                )
            nodes.append(
                f"{self._node_head(end)}{_str(kind)},{middle}{self._node_tail(end.actor_id, place)}"
            )
        return (
            f'{{"as_of":{_str(as_of)},"sides":{_strings(self.index.sides)},'
            f'"nodes":[{",".join(nodes)}],"edges":{self.edges(found)}}}'
        ).encode()
