"""Read knowledge-base YAML files, combine them, and check them as a whole.

Every KB file, bundled or the user's, has the same shape: a mapping with any
of the keys ``actors``, ``positions``, ``states``, ``groups``, ``channels``
(lists) and ``dyad`` (two state codes). Loading runs in three steps:

1. ``read_text``    one file → ``Parts``; ``parse`` checks each field;
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

import dataclasses
import difflib
import functools
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

import yaml

from backchannel.errors import KnowledgeBaseError
from backchannel.kb.parse import ActorSpec, Parts, parse_document
from backchannel.kb.records import TRANSNATIONAL, GroupNoun, NamedChannel, Position, State
from backchannel.model import Actor, Role

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
        ("places of state", into.places, new.places),
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


# ── cross-checking ───────────────────────────────────────────────────────────


def resolve(parts: Parts) -> Resolved:
    """Check every cross-reference and build the final records."""
    states = {code: state for code, (state, _) in parts.states.items()}
    for code, (names, label) in parts.places.items():
        if code not in states:
            raise KnowledgeBaseError(
                f"{label}: places of unknown state {code!r}{_did_you_mean(code, states)}; "
                "add it to the states of your KB file"
            )
        states[code] = dataclasses.replace(states[code], places=names)
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
    if code and code not in states and code not in TRANSNATIONAL:
        raise KnowledgeBaseError(
            f"{where}: unknown country {code!r}{_did_you_mean(code, states)}; "
            "add it to the states of your KB file"
        )


def _check_state_forms(parts: Parts) -> None:
    """A form names one state: no name, adjective, capital or place of two."""
    owner: dict[str, str] = {}
    for code, (state, label) in parts.states.items():
        for form in {*state.names, *state.adjectives, *state.capitals}:
            other = owner.setdefault(form, code)
            if other != code:
                raise KnowledgeBaseError(
                    f"{label}: state {code!r}: the form {form!r} is already used by state {other!r}"
                )
    # places matched in any case, so compared folded
    folded = {form.casefold(): code for form, code in owner.items()}
    for code, (names, label) in parts.places.items():
        for name in names:
            other = folded.setdefault(name.casefold(), code)
            if other != code or name in owner:
                raise KnowledgeBaseError(
                    f"{label}: places of {code}: {name!r} already names state {other!r}"
                )


def _resolve_positions(parts: Parts, states: dict[str, State]) -> dict[str, Position]:
    partners: dict[str, list[str]] = {key: [] for key in parts.positions}
    pattern_owner: dict[str, str] = {}
    pair_owner: dict[tuple[str, str], str] = {}
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
        for phrase in position.pairs:
            holder = pair_owner.setdefault((position.country, phrase.casefold()), key)
            if holder != key:
                raise KnowledgeBaseError(
                    f"{where}: pair phrase {phrase!r} is already {holder!r}'s"
                    f" for {position.country}"
                )
        for pattern in position.patterns:
            holder = pattern_owner.setdefault(pattern.casefold(), key)
            if holder != key:
                raise KnowledgeBaseError(
                    f"{where}: pattern {pattern!r} is already used by position {holder!r}"
                )
    return {
        key: dataclasses.replace(position, counterparts=tuple(partners[key]))
        for key, (position, _) in parts.positions.items()
    }


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
        code=spec.code,
        aliases=spec.aliases,
        roles=tuple(roles),
        origin=spec.origin,
    )
