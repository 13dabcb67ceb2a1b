"""PETRARCH actor and agent dictionaries as extra, lower-priority knowledge-base sources.

    load_dictionaries(actor_paths, agent_paths, resolved) -> Dictionaries

The bundled KB (and the user's KB files) always win: a dictionary record that
shares any name form with a KB actor or state is left out whole (the KB
already knows who that is, with current roles), and an agent noun the KB
already lists keeps the KB's sector. Dictionary actors are matched by
``name_key`` (accents, case and punctuation folded), not by the KB's exact
aliases; ``nlp/dictnames.py`` decides when a match may link.

A parsed file is kept per process (keyed by path, size and modification
time), so the two pipeline components and every ``Extractor`` of a process
share one copy.
"""

from __future__ import annotations

import functools
import os
import re
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from backchannel.errors import KnowledgeBaseError
from backchannel.kb import dictcache
from backchannel.kb.loader import Resolved
from backchannel.kb.petrarch import (
    actor_of,
    group_nouns_of,
    parse_actors,
    parse_agents,
)
from backchannel.kb.records import GroupNoun
from backchannel.model import Actor, ActorKind, Role, slug

NameKey = tuple[str, ...]
_DROPPED = str.maketrans("", "", ".'’`")
_BREAK = re.compile(r"[_\s-]+")


# One actor as plain values (marshal stores them fast): id, name, kind, country,
# sector, aliases, roles as (title, country, sector, start, end).
_Record = tuple[
    str,
    str,
    ActorKind,
    str,
    str,
    tuple[str, ...],
    tuple[tuple[str, str, str, str | None, str | None], ...],
]


class Actors(Mapping[str, Actor]):
    """The KB's own actors, then the dictionaries' ones, each built from its record when asked.

    Thousands of dictionary actors are loaded and an article names a few, so
    building them on first use keeps a worker's start fast and small.
    """

    def __init__(self, own: Mapping[str, Actor], records: Mapping[str, _Record]) -> None:
        self._own = own
        self._records = records
        self._built: dict[str, Actor] = {}

    def __getitem__(self, actor_id: str) -> Actor:
        found = self._own.get(actor_id) or self._built.get(actor_id)
        if found is None:
            found = self._built[actor_id] = _actor(self._records[actor_id])
        return found

    def __contains__(self, actor_id: object) -> bool:
        return actor_id in self._own or actor_id in self._records

    def __iter__(self) -> Iterator[str]:
        yield from self._own
        yield from (actor_id for actor_id in self._records if actor_id not in self._own)

    def __len__(self) -> int:
        return len(self._own) + sum(1 for actor_id in self._records if actor_id not in self._own)


@dataclass(frozen=True, slots=True)
class Dictionaries:
    """What the dictionaries add to a KB: actors (as records), their folded names, agent nouns."""

    records: dict[str, _Record]
    names: dict[NameKey, tuple[str, ...]]  # folded phrase → dictionary actor ids
    groups: tuple[GroupNoun, ...]
    files: tuple[str, ...]
    # agent nouns whose code names no KB sector ("criminal", CRM): for resolve only
    sectorless: tuple[GroupNoun, ...] = ()


def fold(text: str) -> str:
    """Text as dictionaries and articles are compared: no accents, case, dots or apostrophes."""
    if not text.isascii():
        decomposed = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in decomposed if not unicodedata.combining(c))
    return text.casefold().translate(_DROPPED)


@functools.lru_cache(maxsize=1 << 16)  # asked for every word of every article
def name_key(phrase: str) -> NameKey:
    """``FRANÇOIS_MITTERRAND_``, "François Mitterrand" → ``("francois", "mitterrand")``.

    Hyphens separate words as blanks and ``_`` do, because the tokenizer
    splits "al-Assad" at the hyphen.
    """
    return tuple(w for w in _BREAK.split(fold(phrase)) if w)


def load_dictionaries(
    actor_paths: Sequence[str | os.PathLike[str]],
    agent_paths: Sequence[str | os.PathLike[str]],
    resolved: Resolved,
) -> Dictionaries:
    """The dictionaries' actors and agent nouns that the resolved KB does not already cover."""
    taken = _kb_name_keys(resolved)
    states = frozenset(resolved.states)
    records: dict[str, _Record] = {}
    names: dict[NameKey, list[str]] = {}
    for path in actor_paths:
        for keys, record in _actor_file(*_file_key(Path(path), "actor"), states):
            actor_id = record[0]
            if actor_id in records or any(k in taken for k in keys):
                continue  # the KB knows this one (or an earlier file did): it wins
            records[actor_id] = record
            for key in keys:
                ids = names.setdefault(key, [])
                if actor_id not in ids:
                    ids.append(actor_id)
    known_nouns = {g.noun.casefold() for g in resolved.groups}
    groups: dict[str, GroupNoun] = {}
    for path in agent_paths:
        for noun, sector, code in _agent_file(*_file_key(Path(path), "agent")):
            if noun in known_nouns or (noun in groups and (groups[noun].sector or not sector)):
                continue  # the KB's, or an earlier file's (one naming a sector wins)
            groups[noun] = GroupNoun(noun, sector, True, "dictionary", code)
    return Dictionaries(
        records=records,
        names={key: tuple(ids) for key, ids in names.items()},
        groups=tuple(g for g in groups.values() if g.sector),
        files=tuple(str(p) for p in (*actor_paths, *agent_paths)),
        sectorless=tuple(g for g in groups.values() if not g.sector),
    )


def _kb_name_keys(resolved: Resolved) -> set[NameKey]:
    """Every name form of the KB's actors and states, folded as dictionary names are."""
    forms: list[str] = []
    for actor in resolved.actors.values():
        forms += [actor.name, *actor.aliases]
    for state in resolved.states.values():
        forms += [state.name, *state.names, *state.adjectives, *state.capitals, *state.places]
    return {key for key in map(name_key, forms) if key}


def _file_key(path: Path, what: str) -> tuple[str, int, int]:
    """(path, size, mtime) of a dictionary file: a changed file is read again."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise KnowledgeBaseError(f"{path}: {what} dictionary not found; check the path") from None
    except OSError as exc:
        raise KnowledgeBaseError(f"{path}: cannot read the {what} dictionary: {exc}") from None
    if path.is_dir():
        raise KnowledgeBaseError(f"{path}: is a directory, expected a PETRARCH {what} dictionary")
    return str(path), info.st_size, info.st_mtime_ns


def _read(path: str, what: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise KnowledgeBaseError(f"{path}: cannot read the {what} dictionary: {exc}") from None


def _text(data: bytes, path: str, what: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise KnowledgeBaseError(
            f"{path}: the {what} dictionary is not UTF-8 text (byte {exc.start})"
        ) from None


@functools.lru_cache(maxsize=8)
def _actor_file(
    path: str, size: int, mtime: int, states: frozenset[str]
) -> tuple[tuple[tuple[NameKey, ...], _Record], ...]:
    """The actor records of one dictionary file with their name keys; read once per process.

    Parsing the 1.5 MB Phoenix file takes a second or two, so its records are
    also kept on disk (``dictcache``), keyed by the file's bytes, the KB's
    states and the reader's code: a worker process reads them in a fraction.
    """
    data = _read(path, "actor")
    key = dictcache.key(data, ["actors", *sorted(states)])
    records: list[tuple[tuple[NameKey, ...], _Record]] | None = dictcache.load(key)
    if records is None:
        records = _records(_text(data, path, "actor"), path, states)
        dictcache.store(key, records)
    return tuple(records)


def _records(
    text: str, path: str, states: frozenset[str]
) -> list[tuple[tuple[NameKey, ...], _Record]]:
    records: list[tuple[tuple[NameKey, ...], _Record]] = []
    seen: dict[str, int] = {}
    for entry in parse_actors(text, path):
        base = "dict:" + slug(entry.phrases[0])
        seen[base] = seen.get(base, 0) + 1
        actor_id = base if seen[base] == 1 else f"{base}-{seen[base]}"
        actor = actor_of(entry, actor_id, states)
        if actor is None:
            continue
        keys = tuple(k for k in dict.fromkeys(map(name_key, entry.phrases)) if k)
        roles = tuple((r.title, r.country, r.sector, r.start, r.end) for r in actor.roles)
        record = (actor.actor_id, actor.name, actor.kind, actor.country, actor.sector,
                  actor.aliases, roles)  # fmt: skip
        records.append((keys, record))
    return records


def _actor(record: _Record) -> Actor:
    actor_id, name, kind, country, sector, aliases, roles = record
    return Actor(
        actor_id=actor_id,
        name=name,
        kind=kind,
        country=country,
        sector=sector,
        aliases=tuple(aliases),
        roles=tuple(
            Role(title, country=c, sector=sec, start=start, end=end)
            for title, c, sec, start, end in roles
        ),
        origin="dictionary",
    )


@functools.lru_cache(maxsize=8)
def _agent_file(path: str, size: int, mtime: int) -> tuple[tuple[str, str, str], ...]:
    """(noun, sector or "", code) of every coded agent noun; cached as the actors are."""
    data = _read(path, "agent")
    key = dictcache.key(data, ["agents"])
    found: list[tuple[str, str, str]] | None = dictcache.load(key)
    if found is None:
        agents = parse_agents(_text(data, path, "agent"), path)
        found = [(g.noun, g.sector, g.code) for g in group_nouns_of(agents)]
        dictcache.store(key, found)
    return tuple((noun, sector, code) for noun, sector, code in found)
