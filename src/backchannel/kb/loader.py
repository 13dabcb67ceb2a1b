"""Read and validate knowledge-base YAML files into records.

Every KB file, bundled or the user's, has the same shape: a mapping with any
of the keys ``actors``, ``positions``, ``states``, ``groups``, ``channels``
(lists) and ``dyad`` (two state codes). Loading runs in three steps:

1. ``parse_file``   one file → ``Parts``, checking each field where it is read;
2. ``combine``      bundled files must not repeat an id; a user file replaces
                    bundled entries that have the same id, key, code or name;
3. ``resolve``      cross-references (positions, countries, channel ends) are
                    checked, roles given by position are expanded into
                    ``model.Role``, counterparts are made symmetric.

Every problem raises ``KnowledgeBaseError`` with one line that names the file
and the actor or field, e.g. ``kb/actors/usa.yaml: actor 'scott-bessent'
role 2: end 2024-01-01 is before start 2025-01-28``.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

import yaml

from backchannel.errors import KnowledgeBaseError
from backchannel.kb.records import (
    ACTOR_KINDS,
    SECTORS,
    GroupNoun,
    NamedChannel,
    Position,
    State,
)
from backchannel.model import Actor, ActorKind, Role

TOP_KEYS: tuple[str, ...] = ("actors", "positions", "states", "groups", "channels", "dyad")

_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_KEY = re.compile(r"[a-z0-9_]+(?:\.[a-z0-9_]+)*")
_CODE = re.compile(r"[A-Z]{3}")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"


# libyaml's parser when PyYAML was built with it: ~10x faster on the bundled files.
try:
    from yaml import CSafeLoader as _SafeLoader
except ImportError:  # pragma: no cover - PyYAML without libyaml
    from yaml import SafeLoader as _SafeLoader  # type: ignore[assignment]


class _Loader(_SafeLoader):
    """A safe loader (no arbitrary objects) that leaves dates as text.

    Plain ``safe_load`` turns ``2025-13-01`` into a ValueError with no line or
    actor; keeping dates as strings lets us report exactly which field is wrong.
    """


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != _TIMESTAMP_TAG]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


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

    def copy(self) -> Parts:
        return Parts(
            dict(self.actors),
            dict(self.positions),
            dict(self.states),
            dict(self.groups),
            dict(self.channels),
            self.dyad,
        )


@dataclass(frozen=True, slots=True)
class Resolved:
    """A complete, cross-checked knowledge base, ready for ``KnowledgeBase``."""

    actors: dict[str, Actor]
    positions: dict[str, Position]
    states: dict[str, State]
    groups: tuple[GroupNoun, ...]
    channels: tuple[NamedChannel, ...]
    surnames: dict[str, str]
    dyad: tuple[str, str] | None


# ── reading ──────────────────────────────────────────────────────────────────


def read_text(text: str, label: str, origin: str) -> Parts:
    """Parse the text of one KB file; ``label`` names it in error messages."""
    try:
        data = yaml.load(text, Loader=_Loader)  # _Loader is a SafeLoader
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise KnowledgeBaseError(f"{label}: not valid YAML: {problem}{where}") from None
    return parse_document(data, label, origin)


def read_user_file(path: Path) -> Parts:
    """Read a user's KB file; a missing, unreadable or non-YAML file is a KnowledgeBaseError."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise KnowledgeBaseError(f"{path}: knowledge-base file not found; check the path") from None
    except IsADirectoryError:
        raise KnowledgeBaseError(f"{path}: is a directory, expected a YAML file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise KnowledgeBaseError(f"{path}: cannot read knowledge-base file: {exc}") from None
    return read_text(text, str(path), "user-kb")


def _bundled_files() -> Iterator[tuple[str, Traversable]]:
    root = resources.files("backchannel").joinpath("data", "kb")
    stack: list[tuple[str, Traversable]] = [("kb", root)]
    while stack:
        prefix, folder = stack.pop()
        for entry in sorted(folder.iterdir(), key=lambda e: e.name):
            if entry.is_dir():
                stack.append((f"{prefix}/{entry.name}", entry))
            elif entry.name.endswith((".yaml", ".yml")):
                yield f"{prefix}/{entry.name}", entry


@functools.lru_cache(maxsize=1)
def bundled_parts() -> Parts:
    """The bundled KB files, parsed once per process (callers must ``copy()`` before changing)."""
    parts = Parts()
    found = False
    for label, entry in _bundled_files():
        found = True
        combine(parts, read_text(entry.read_text(encoding="utf-8"), label, "kb"), replace=False)
    if not found:
        raise KnowledgeBaseError(
            "kb: the bundled knowledge base is missing from the installed package; reinstall it"
        )
    return parts


def combine(into: Parts, new: Parts, *, replace: bool) -> None:
    """Add ``new`` to ``into``; same id twice is an error unless ``replace`` (user files)."""
    sections: tuple[tuple[str, dict[str, Any], dict[str, Any]], ...] = (
        ("actor id", into.actors, new.actors),
        ("position", into.positions, new.positions),
        ("state", into.states, new.states),
        ("group noun", into.groups, new.groups),
        ("channel", into.channels, new.channels),
    )
    for what, old_items, new_items in sections:
        for key, value in new_items.items():
            if key in old_items and not replace:
                label = _label_of(value)
                first = _label_of(old_items[key])
                raise KnowledgeBaseError(
                    f"{label}: duplicate {what} {key!r} (already defined in {first})"
                )
            old_items.pop(key, None)  # a replacement takes the place of the original
            old_items[key] = value
    if new.dyad is not None:
        if into.dyad is not None and not replace:
            raise KnowledgeBaseError(
                f"{new.dyad[1]}: duplicate 'dyad' (already defined in {into.dyad[1]})"
            )
        into.dyad = new.dyad


def _label_of(value: object) -> str:
    if isinstance(value, ActorSpec):
        return value.label
    assert isinstance(value, tuple)
    return str(value[1])


# ── parsing one file ─────────────────────────────────────────────────────────


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
    for key in TOP_KEYS[:-1]:
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
    keys = ("key", "title", "org", "country", "sector", "leader", "patterns", "counterparts")
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
    f = _Fields(data, where, ("noun", "sector"))
    return GroupNoun(noun=f.text("noun"), sector=f.choice("sector", SECTORS))


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


_ACTOR_FIELDS = ("id", "name", "kind", "country", "sector", "surname", "aliases", "roles")
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


# ── cross-checking ───────────────────────────────────────────────────────────


def resolve(parts: Parts) -> Resolved:
    """Check every cross-reference and build the final records."""
    states = {code: state for code, (state, _) in parts.states.items()}
    _check_state_forms(parts)
    positions = _resolve_positions(parts, states)
    actors: dict[str, Actor] = {}
    surnames: dict[str, str] = {}
    for spec in parts.actors.values():
        actors[spec.actor_id] = _resolve_actor(spec, positions, states)
        if spec.surname:
            surnames[spec.actor_id] = spec.surname
    for channel, label in parts.channels.values():
        for end_name, actor_id in (("a", channel.a), ("b", channel.b)):
            if actor_id not in actors:
                raise KnowledgeBaseError(
                    f"{label}: channel {channel.name!r} endpoint {end_name}: unknown actor "
                    f"{actor_id!r}{_did_you_mean(actor_id, actors)}"
                )
    dyad: tuple[str, str] | None = None
    if parts.dyad is not None:
        (first, second), label = parts.dyad
        for code in (first, second):
            _known_state(code, states, f"{label}: dyad")
        if first == second:
            raise KnowledgeBaseError(f"{label}: dyad needs two different states, got {first} twice")
        dyad = (first, second)
    return Resolved(
        actors=actors,
        positions=positions,
        states=states,
        groups=tuple(group for group, _ in parts.groups.values()),
        channels=tuple(channel for channel, _ in parts.channels.values()),
        surnames=surnames,
        dyad=dyad,
    )


def _did_you_mean(key: str, known: Collection[str]) -> str:
    close = difflib.get_close_matches(key, list(known), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _known_state(code: str, states: dict[str, State], where: str) -> None:
    if code and code not in states:
        raise KnowledgeBaseError(
            f"{where}: unknown country {code!r}{_did_you_mean(code, states)}; "
            "add it to the states of your KB file"
        )


def _check_state_forms(parts: Parts) -> None:
    owner: dict[str, str] = {}
    for code, (state, label) in parts.states.items():
        for form in {*state.names, *state.adjectives, *state.capitals}:
            other = owner.setdefault(form, code)
            if other != code:
                raise KnowledgeBaseError(
                    f"{label}: state {code!r}: the form {form!r} is already used by state {other!r}"
                )


def _resolve_positions(parts: Parts, states: dict[str, State]) -> dict[str, Position]:
    partners: dict[str, list[str]] = {key: [] for key in parts.positions}
    pattern_owner: dict[str, str] = {}
    for key, (position, label) in parts.positions.items():
        where = f"{label}: position {key!r}"
        _known_state(position.country, states, where)
        for other in position.counterparts:
            if other not in parts.positions:
                raise KnowledgeBaseError(
                    f"{where}: unknown counterpart {other!r}{_did_you_mean(other, partners)}"
                )
            if other == key:
                raise KnowledgeBaseError(f"{where}: a position cannot be its own counterpart")
            for a, b in ((key, other), (other, key)):
                if b not in partners[a]:
                    partners[a].append(b)
        for pattern in position.patterns:
            holder = pattern_owner.setdefault(pattern.casefold(), key)
            if holder != key:
                raise KnowledgeBaseError(
                    f"{where}: pattern {pattern!r} is already used by position {holder!r}"
                )
    return {
        key: _replace_counterparts(position, tuple(partners[key]))
        for key, (position, _) in parts.positions.items()
    }


def _replace_counterparts(position: Position, counterparts: tuple[str, ...]) -> Position:
    return Position(
        key=position.key,
        title=position.title,
        org=position.org,
        country=position.country,
        sector=position.sector,
        leader=position.leader,
        patterns=position.patterns,
        counterparts=counterparts,
    )


def _resolve_actor(
    spec: ActorSpec, positions: dict[str, Position], states: dict[str, State]
) -> Actor:
    where = f"{spec.label}: actor {spec.actor_id!r}"
    _known_state(spec.country, states, where)
    roles: list[Role] = []
    for i, role in enumerate(spec.roles, 1):
        role_where = f"{where} role {i}"
        if role.position:
            position = positions.get(role.position)
            if position is None:
                raise KnowledgeBaseError(
                    f"{role_where}: unknown position {role.position!r}"
                    f"{_did_you_mean(role.position, positions)}"
                )
            title, org = position.title, position.org
            country, sector, leader = position.country, position.sector, position.leader
        else:
            title, org, country, sector, leader = "", "", spec.country, "government", False
        country = role.country or country
        _known_state(country, states, role_where)
        roles.append(
            Role(
                title=role.title or title,
                org=role.org if role.org is not None else org,
                country=country,
                sector=role.sector or sector,
                start=role.start,
                end=role.end,
                position=role.position,
                leader=role.leader if role.leader is not None else leader,
            )
        )
    return Actor(
        actor_id=spec.actor_id,
        name=spec.name,
        kind=spec.kind,
        country=spec.country,
        sector=spec.sector,
        aliases=spec.aliases,
        roles=tuple(roles),
        origin=spec.origin,
    )
