"""Check the fields of one knowledge-base file, as parsed from YAML, into ``Parts``.

Only what one file can tell is checked here (types, ids, dates, end after
start, duplicates within the file); references to positions, states and
actors that may live in other files are checked by ``loader.resolve``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

from backchannel.errors import KnowledgeBaseError
from backchannel.kb.records import (
    ACTOR_KINDS,
    SECTORS,
    GroupNoun,
    NamedChannel,
    Position,
    State,
)
from backchannel.model import ActorKind

TOP_KEYS: tuple[str, ...] = (
    "actors", "positions", "states", "groups", "channels", "places", "dyad"
)  # fmt: skip
# the keys whose value is a list; ``places`` maps state codes to lists
_LIST_KEYS = ("actors", "positions", "states", "groups", "channels")

_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_KEY = re.compile(r"[a-z0-9_]+(?:\.[a-z0-9_]+)*")
_CODE = re.compile(r"[A-Z]{3}")
_AGENT_CODE = re.compile(r"(?:[A-Z]{3})+")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True, slots=True)
class RoleSpec:
    """A role as written: either a ``position`` key (with optional overrides) or free-form."""

    position: str
    title: str | None
    org: str | None
    country: str | None
    sector: str | None
    leader: bool | None
    start: str | None
    end: str | None


@dataclass(frozen=True, slots=True)
class ActorSpec:
    """An actor as written, before its roles are resolved against the positions."""

    actor_id: str
    name: str
    kind: ActorKind
    country: str
    sector: str
    code: str  # an agent code finer than the sector ("SPY", "PRM", "REL"), or ""
    surname: str
    aliases: tuple[str, ...]
    roles: tuple[RoleSpec, ...]
    label: str  # the file it came from, for error messages
    origin: str  # kb | user-kb


@dataclass
class Parts:
    """Validated entries of one or more files, each with the file it came from."""

    actors: dict[str, ActorSpec] = field(default_factory=dict)
    positions: dict[str, tuple[Position, str]] = field(default_factory=dict)
    states: dict[str, tuple[State, str]] = field(default_factory=dict)
    groups: dict[str, tuple[GroupNoun, str]] = field(default_factory=dict)
    channels: dict[str, tuple[NamedChannel, str]] = field(default_factory=dict)
    dyad: tuple[tuple[str, str], str] | None = None
    places: dict[str, tuple[tuple[str, ...], str]] = field(default_factory=dict)

    def copy(self) -> Parts:
        return Parts(
            dict(self.actors),
            dict(self.positions),
            dict(self.states),
            dict(self.groups),
            dict(self.channels),
            self.dyad,
            dict(self.places),
        )


class _Fields:
    """Typed access to one YAML mapping, with errors that say where."""

    def __init__(self, data: object, where: str, allowed: Collection[str]) -> None:
        if not isinstance(data, dict):
            raise KnowledgeBaseError(f"{where}: expected a mapping, got {_describe(data)}")
        unknown = sorted(str(k) for k in data if k not in allowed)
        if unknown:
            raise KnowledgeBaseError(
                f"{where}: unknown field {unknown[0]!r}; valid fields: {', '.join(allowed)}"
            )
        self.data: dict[Any, Any] = data
        self.where = where

    def fail(self, problem: str) -> KnowledgeBaseError:
        return KnowledgeBaseError(f"{self.where}: {problem}")

    def has(self, key: str) -> bool:
        return self.data.get(key) is not None

    def text(self, key: str, default: str | None = None) -> str:
        value = self.data.get(key)
        if value is None:
            if default is None:
                raise self.fail(f"missing required field {key!r}")
            return default
        if not isinstance(value, str) or not value.strip():
            raise self.fail(f"{key} must be non-empty text, got {_describe(value)}")
        return value.strip()

    def optional_text(self, key: str) -> str | None:
        return self.text(key, "") if self.has(key) else None

    def texts(self, key: str, *, required: bool = False) -> tuple[str, ...]:
        value = self.data.get(key)
        if value is None:
            if required:
                raise self.fail(f"missing required field {key!r} (a list of text)")
            return ()
        if not isinstance(value, list):
            raise self.fail(f"{key} must be a list of text, got {_describe(value)}")
        out: list[str] = []
        for item in value:
            if not isinstance(item, str) or not item.strip():
                raise self.fail(f"{key} must contain only non-empty text, got {_describe(item)}")
            if item.strip() not in out:
                out.append(item.strip())
        if required and not out:
            raise self.fail(f"{key} must not be empty")
        return tuple(out)

    def flag(self, key: str) -> bool | None:
        value = self.data.get(key)
        if value is None or isinstance(value, bool):
            return value
        raise self.fail(f"{key} must be true or false, got {_describe(value)}")

    def choice(self, key: str, options: Collection[str], default: str | None = None) -> str:
        value = self.text(key, default)
        if value not in options:
            raise self.fail(f"{key} {value!r} is not one of: {', '.join(options)}")
        return value

    def matching(
        self, key: str, pattern: re.Pattern[str], hint: str, default: str | None = None
    ) -> str:
        value = self.text(key, default)
        if value and not pattern.fullmatch(value):
            raise self.fail(f"{key} {value!r} is not valid ({hint})")
        return value

    def date(self, key: str) -> str | None:
        value = self.data.get(key)
        if value is None:
            return None
        text = value.isoformat() if isinstance(value, dt.date) else value
        if isinstance(text, str) and _DATE.fullmatch(text):
            try:
                dt.date.fromisoformat(text)
            except ValueError:
                pass
            else:
                return text
        raise self.fail(f"{key} {value!r} is not a date (use YYYY-MM-DD)")

    def interval(self) -> tuple[str | None, str | None]:
        start, end = self.date("start"), self.date("end")
        if start is not None and end is not None and end < start:
            raise self.fail(f"end {end} is before start {start}")
        return start, end


def _describe(value: object) -> str:
    if isinstance(value, bool):
        return f"{value!r} (quote it if you meant text, e.g. 'NO')"
    if isinstance(value, dict | list):
        return f"a {type(value).__name__}"
    return repr(value)


def parse_document(data: object, label: str, origin: str) -> Parts:
    """Validate the fields of one parsed KB file (cross-references are checked later)."""
    parts = Parts()
    if data is None:
        return parts
    if not isinstance(data, dict):
        raise KnowledgeBaseError(
            f"{label}: expected a mapping with any of the keys {', '.join(TOP_KEYS)}, "
            f"got {_describe(data)}"
        )
    top = _Fields(data, label, TOP_KEYS)
    for key in _LIST_KEYS:
        items = top.data.get(key)
        if items is not None and not isinstance(items, list):
            raise top.fail(f"{key} must be a list, got {_describe(items)}")
    for i, item in enumerate(top.data.get("positions") or [], 1):
        position = _position(item, label, i)
        _add(parts.positions, position.key, (position, label), label, "position")
    for i, item in enumerate(top.data.get("states") or [], 1):
        state = _state(item, label, i)
        _add(parts.states, state.code, (state, label), label, "state")
    for i, item in enumerate(top.data.get("groups") or [], 1):
        group = _group(item, f"{label}: group {i}")
        _add(parts.groups, group.noun, (group, label), label, "group noun")
    for i, item in enumerate(top.data.get("channels") or [], 1):
        channel = _channel(item, label, i)
        _add(parts.channels, channel.name, (channel, label), label, "channel")
    for i, item in enumerate(top.data.get("actors") or [], 1):
        actor = _actor(item, label, i, origin)
        _add(parts.actors, actor.actor_id, actor, label, "actor id")
    places = top.data.get("places")
    if places is not None:
        if not isinstance(places, dict):
            raise top.fail(
                f"places must map state codes to lists of place names, got {_describe(places)}"
            )
        for code, names in places.items():
            if not isinstance(code, str) or not _CODE.fullmatch(code):
                raise top.fail(f"places: {code!r} is not an ISO3 code such as USA")
            if not isinstance(names, list) or not all(
                isinstance(n, str) and n.strip() for n in names
            ):
                raise KnowledgeBaseError(
                    f"{label}: places of {code} must be a list of non-empty text, "
                    f"got {_describe(names)}"
                )
            unique = tuple(dict.fromkeys(name.strip() for name in names))
            _add(parts.places, code, (unique, label), label, "places of state")
    if top.has("dyad"):
        dyad = top.texts("dyad")
        if len(dyad) != 2 or not all(_CODE.fullmatch(code) for code in dyad):
            raise top.fail(f"dyad must be two different state codes like [USA, CHN], got {dyad}")
        parts.dyad = ((dyad[0], dyad[1]), label)
    return parts


def _add(items: dict[str, Any], key: str, value: object, label: str, what: str) -> None:
    if key in items:
        raise KnowledgeBaseError(f"{label}: duplicate {what} {key!r}")
    items[key] = value


def _position(data: object, label: str, index: int) -> Position:
    keys = (
        "key",
        "title",
        "org",
        "country",
        "sector",
        "leader",
        "patterns",
        "counterparts",
        "pairs",
    )
    f = _Fields(data, f"{label}: position {index}", keys)
    key = f.matching("key", _KEY, "lower-case words joined by dots, e.g. usa.treasury_secretary")
    f.where = f"{label}: position {key!r}"
    counterparts = f.texts("counterparts")
    for other in counterparts:
        if not _KEY.fullmatch(other):
            raise f.fail(f"counterpart {other!r} is not a position key")
    return Position(
        key=key,
        title=f.text("title"),
        org=f.text("org", ""),
        country=f.matching("country", _CODE, "an ISO3 code such as USA"),
        sector=f.choice("sector", SECTORS),
        leader=bool(f.flag("leader")),
        patterns=f.texts("patterns", required=True),
        counterparts=counterparts,
        pairs=f.texts("pairs"),
    )


def _state(data: object, label: str, index: int) -> State:
    f = _Fields(
        data, f"{label}: state {index}", ("code", "name", "names", "adjectives", "capitals")
    )
    code = f.matching("code", _CODE, "an ISO3 code such as USA")
    f.where = f"{label}: state {code!r}"
    name = f.text("name")
    names = f.texts("names")
    return State(
        code=code,
        name=name,
        names=names if name in names else (name, *names),
        adjectives=f.texts("adjectives"),
        capitals=f.texts("capitals"),
    )


def _group(data: object, where: str) -> GroupNoun:
    f = _Fields(data, where, ("noun", "sector", "office", "code"))
    # a noun with a code and no sector names no actor: resolve reports its code only
    sectorless = f.has("code") and not f.has("sector")
    return GroupNoun(
        noun=f.text("noun"),
        sector="" if sectorless else f.choice("sector", SECTORS),
        office=bool(f.flag("office")),
        code=f.matching("code", _AGENT_CODE, "agent codes of three capitals, e.g. MED", default=""),
    )


def _channel(data: object, label: str, index: int) -> NamedChannel:
    f = _Fields(data, f"{label}: channel {index}", ("name", "aliases", "a", "b", "start", "end"))
    name = f.text("name")
    f.where = f"{label}: channel {name!r}"
    a = f.matching("a", _ID, "an actor id")
    b = f.matching("b", _ID, "an actor id")
    if a == b:
        raise f.fail(f"a channel needs two different actors, got {a!r} twice")
    start, end = f.interval()
    return NamedChannel(name=name, aliases=f.texts("aliases"), a=a, b=b, start=start, end=end)


_ACTOR_FIELDS = (
    "id", "name", "kind", "country", "sector", "code", "surname", "aliases", "roles"
)  # fmt: skip
_ROLE_FIELDS = ("position", "title", "org", "country", "sector", "leader", "start", "end")


def _actor(data: object, label: str, index: int, origin: str) -> ActorSpec:
    f = _Fields(data, f"{label}: actor {index}", _ACTOR_FIELDS)
    actor_id = f.matching("id", _ID, "lower-case words joined by hyphens, e.g. he-lifeng")
    f.where = where = f"{label}: actor {actor_id!r}"
    name = f.text("name")
    kind = f.choice("kind", ACTOR_KINDS, "person")
    aliases = tuple(a for a in f.texts("aliases") if a != name)
    if kind == "person":
        surname = f.text("surname")
        if not any(_has_words(form, surname) for form in (name, *aliases)):
            raise f.fail(f"surname {surname!r} is not a word of the name {name!r} or its aliases")
    elif f.has("surname"):
        raise f.fail(f"surname is only for persons, and this actor is a {kind}")
    else:
        surname = ""
    roles_data = f.data.get("roles") or []
    if not isinstance(roles_data, list):
        raise f.fail(f"roles must be a list, got {_describe(roles_data)}")
    roles = tuple(_role(item, f"{where} role {i}") for i, item in enumerate(roles_data, 1))
    return ActorSpec(
        actor_id=actor_id,
        name=name,
        kind=kind,  # type: ignore[arg-type]  # checked against ACTOR_KINDS above
        country=f.matching("country", _CODE, "an ISO3 code such as CHN", default=""),
        sector=f.choice("sector", SECTORS),
        code=f.matching("code", _AGENT_CODE, "agent codes of three capitals, e.g. SPY", default=""),
        surname=surname,
        aliases=aliases,
        roles=roles,
        label=label,
        origin=origin,
    )


def _has_words(text: str, words: str) -> bool:
    return re.search(rf"(?<![\w'’-]){re.escape(words)}(?![\w'’-])", text) is not None


def _role(data: object, where: str) -> RoleSpec:
    f = _Fields(data, where, _ROLE_FIELDS)
    position = f.matching("position", _KEY, "a key from positions.yaml", default="")
    if not position:
        if not f.has("title"):
            raise f.fail("needs either 'position' (a key from positions.yaml) or 'title'")
        if not f.has("sector"):
            raise f.fail(f"a free-form role needs a sector, one of: {', '.join(SECTORS)}")
    start, end = f.interval()
    return RoleSpec(
        position=position,
        title=f.optional_text("title"),
        org=f.optional_text("org"),
        country=f.matching("country", _CODE, "an ISO3 code", default="") or None,
        sector=f.choice("sector", SECTORS) if f.has("sector") else None,
        leader=f.flag("leader"),
        start=start,
        end=end,
    )
