"""The actor knowledge base: who held which office when, and what that makes them on a date.

``KnowledgeBase.load()`` reads the bundled data (once per process) plus any
user files; the object is then read-only and cheap to pickle to workers.
Days are ISO strings (``YYYY-MM-DD``), compared as text like ``model.Role``.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from backchannel.errors import KnowledgeBaseError, UsageError
from backchannel.kb.dictionaries import Actors, Dictionaries, NameKey, load_dictionaries
from backchannel.kb.loader import Resolved, bundled_parts, combine, read_user_file, resolve
from backchannel.kb.records import OFFICIAL_SECTORS, GroupNoun, NamedChannel, Position, State
from backchannel.model import Actor, Role

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_SECTOR_PREFERENCE = {"government": 0, "military": 1, "party": 2}


def _check_day(day: str) -> None:
    if not isinstance(day, str) or not _DAY.fullmatch(day):
        raise UsageError(f"{day!r} is not a day; use YYYY-MM-DD, e.g. 2025-11-20")


def _start_key(role: Role) -> str:
    return role.start or ""


def _main_role(roles: Iterable[Role]) -> Role | None:
    """The role that best says what someone was: leader first, then government, then latest."""
    return max(
        roles,
        key=lambda r: (r.leader, -_SECTOR_PREFERENCE.get(r.sector, 3), _start_key(r)),
        default=None,
    )


def side_of(actor: Actor, day: str | None) -> tuple[str, str, str]:
    """(country, sector, role title) of any actor on ``day``, from its dated roles.

    With no role held that day: the actor's default country and sector, except
    that a person whose every office (government, military, party role) ended
    before ``day`` and who has no other default sector is ``retired``, with
    the title ``former <last office>``.
    """
    if day is None:
        return actor.country, actor.sector, ""
    _check_day(day)
    role = _main_role(actor.roles_on(day))
    if role is not None:
        return role.country or actor.country, role.sector, role.title
    offices = [r for r in actor.roles if r.sector in OFFICIAL_SECTORS]
    if (
        actor.kind == "person"
        and offices
        and all(r.end is not None and r.end < day for r in offices)
        and actor.sector in {*OFFICIAL_SECTORS, "retired", ""}
    ):
        last = max(offices, key=lambda r: r.end or "")
        return actor.country, "retired", f"former {last.title}"
    return actor.country, actor.sector, ""


class KnowledgeBase:
    """Actors with dated roles, positions, states, group nouns and named channels.

    Build it with ``KnowledgeBase.load()``. Treat every attribute as read-only:
    the bundled knowledge base is shared by every caller in the process.
    ``actors`` holds every actor, those of PETRARCH dictionaries included (built
    when first asked for); ``own_actors`` only the KB files' ones.
    """

    __slots__ = (
        "_dyad",
        "_holders",
        "_leaders",
        "_pairs",
        "_state_folded",
        "_state_forms",
        "actors",
        "channels",
        "dictionary_files",
        "dictionary_names",
        "groups",
        "own_actors",
        "positions",
        "sectorless_nouns",
        "states",
        "surnames",
    )

    def __init__(self, resolved: Resolved, dictionaries: Dictionaries | None = None) -> None:
        self.own_actors: dict[str, Actor] = resolved.actors
        self.actors: Mapping[str, Actor] = resolved.actors
        self.groups: tuple[GroupNoun, ...] = tuple(g for g in resolved.groups if g.sector)
        self.dictionary_names: dict[NameKey, tuple[str, ...]] = {}
        self.dictionary_files: tuple[str, ...] = ()
        # agent nouns whose code names no sector ("a man", UNK; a dictionary's "criminals",
        # CRM): resolve reports their code, no one links them
        self.sectorless_nouns: tuple[GroupNoun, ...] = tuple(
            g for g in resolved.groups if not g.sector
        )
        if dictionaries is not None:
            self.actors = Actors(resolved.actors, dictionaries.records)
            self.groups += dictionaries.groups
            self.dictionary_names = dictionaries.names
            self.dictionary_files = dictionaries.files
            self.sectorless_nouns += dictionaries.sectorless
        self.positions: dict[str, Position] = resolved.positions
        self.states: dict[str, State] = resolved.states
        self.channels: tuple[NamedChannel, ...] = resolved.channels
        self.surnames: dict[str, str] = resolved.surnames
        self._dyad = resolved.dyad
        self._holders: dict[str, list[tuple[Role, Actor]]] = {key: [] for key in self.positions}
        self._leaders: dict[str, list[tuple[Role, Actor]]] = {}
        # (country, "defence ministers") → the keys of the positions "the two …" names
        self._pairs: dict[tuple[str, str], list[str]] = {}
        for key, position in self.positions.items():
            for phrase in position.pairs:
                self._pairs.setdefault((position.country, phrase.casefold()), []).append(key)
        for actor in self.own_actors.values():  # dictionary actors hold no KB positions
            for role in actor.roles:
                if role.position:
                    self._holders[role.position].append((role, actor))
                if role.leader:
                    self._leaders.setdefault(role.country, []).append((role, actor))
        self._state_forms: dict[str, State] = {}
        self._state_folded: dict[str, State] = {}
        for state in self.states.values():
            self._state_forms[state.code] = state
            for form in (*state.names, *state.adjectives, *state.capitals):
                self._state_forms[form] = state
                # "US" and "PRC" only as written: "us" is a pronoun
                if not form.replace(".", "").isupper():
                    self._state_folded[form.casefold()] = state

    @classmethod
    def load(
        cls,
        extra: Sequence[str | os.PathLike[str]] = (),
        *,
        actor_dictionaries: Sequence[str | os.PathLike[str]] = (),
        agent_dictionaries: Sequence[str | os.PathLike[str]] = (),
    ) -> KnowledgeBase:
        """The bundled knowledge base, plus user KB files in order, plus PETRARCH dictionaries.

        A user file may hold any of the keys ``actors``, ``positions``,
        ``states``, ``groups``, ``channels`` and ``dyad``; an entry with an
        existing id (key, code, noun, name) replaces the bundled one. Actor and
        agent dictionaries (``kb/petrarch.py``) come last and never replace
        anything: see ``kb/dictionaries.py``. Raises ``KnowledgeBaseError``
        naming the file and field (or line) of the first problem.
        """
        if isinstance(extra, str | os.PathLike):
            extra = [extra]  # one path given on its own, not a list of paths
        if not extra and not actor_dictionaries and not agent_dictionaries:
            return _bundled()
        if extra:
            parts = bundled_parts().copy()
            for path in extra:
                combine(parts, read_user_file(Path(path)), replace=True)
            resolved = resolve(parts)
        else:
            resolved = _bundled_resolved()
        if not actor_dictionaries and not agent_dictionaries:
            return cls(resolved)
        extension = load_dictionaries(actor_dictionaries, agent_dictionaries, resolved)
        return cls(resolved, extension)

    def __repr__(self) -> str:
        return (
            f"<KnowledgeBase {len(self.actors)} actors, {len(self.positions)} positions, "
            f"{len(self.states)} states>"
        )

    # ── name indexes (new dicts: build once per run and keep them) ──────────

    def alias_index(self) -> dict[str, tuple[str, ...]]:
        """Exact surface form (name or alias, case-sensitive) → actor ids."""
        index: dict[str, list[str]] = {}
        for actor in self.own_actors.values():  # dictionary names: ``dictionary_names``
            for form in (actor.name, *actor.aliases):
                ids = index.setdefault(form, [])
                if actor.actor_id not in ids:
                    ids.append(actor.actor_id)
        return {form: tuple(sorted(ids)) for form, ids in index.items()}

    def surname_index(self) -> dict[str, tuple[str, ...]]:
        """Surname as written in English text → ids of the persons who bear it."""
        index: dict[str, list[str]] = {}
        for actor_id, surname in self.surnames.items():
            index.setdefault(surname, []).append(actor_id)
        return {surname: tuple(sorted(ids)) for surname, ids in index.items()}

    def adjective_index(self) -> dict[str, str]:
        """A state's adjective, casefolded ("chinese") → its ISO3 code."""
        return {
            adjective.casefold(): state.code
            for state in self.states.values()
            for adjective in state.adjectives
        }

    def group_sectors(self) -> dict[str, str]:
        """Group noun, casefolded ("officials") → its sector ("government")."""
        return {g.noun.casefold(): g.sector for g in self.groups}

    def title_index(self) -> dict[str, str]:
        """Title phrase, casefolded ("treasury secretary") → position key."""
        return {
            pattern.casefold(): key
            for key, position in self.positions.items()
            for pattern in position.patterns
        }

    def pair_holders(self, phrase: str, sides: tuple[str, str], day: str) -> tuple[str, str] | None:
        """ "defence ministers" (of "the two defence ministers") → the ids of each
        side's holder of the office so called on ``day``; None unless each side has
        exactly one."""
        wanted = phrase.casefold()
        ids: list[str] = []
        for side in sides:
            keys = self._pairs.get((side, wanted), [])
            held = {a.actor_id for key in keys for a in self.holders(key, day)}
            if len(held) != 1:
                return None
            ids.append(held.pop())
        return ids[0], ids[1]

    # ── roles at a date ──────────────────────────────────────────────────────

    def holders(self, position_key: str, day: str) -> tuple[Actor, ...]:
        """Who held the position on ``day``, the most recently appointed first.

        On a handover day (one term ends as the next begins) both are returned.
        """
        _check_day(day)
        if position_key not in self.positions:
            raise KnowledgeBaseError(
                f"unknown position {position_key!r}; see positions.yaml for the keys"
            )
        held = sorted(
            ((role, actor) for role, actor in self._holders[position_key] if role.holds_on(day)),
            key=lambda ra: (_start_key(ra[0]), ra[1].actor_id),
            reverse=True,
        )
        return _unique(actor for _, actor in held)

    def side_on(self, actor_id: str, day: str | None) -> tuple[str, str, str]:
        """(country, sector, role title) of a KB actor on ``day``; see ``side_of``."""
        return side_of(self._actor(actor_id), day)

    def leader_of(self, country: str, day: str) -> Actor | None:
        """The head of state or government of ``country`` on ``day`` (the newest, on a handover)."""
        _check_day(day)
        current = [
            (role, actor) for role, actor in self._leaders.get(country, ()) if role.holds_on(day)
        ]
        if not current:
            return None
        return max(current, key=lambda ra: (_start_key(ra[0]), ra[1].actor_id))[1]

    def counterparts_of(self, actor_id: str, day: str) -> tuple[Actor, ...]:
        """Who held, on ``day``, the opposite numbers of the positions the actor held then."""
        actor = self._actor(actor_id)
        _check_day(day)
        found: list[Actor] = []
        for role in actor.roles_on(day):
            if not role.position:
                continue
            for key in self.positions[role.position].counterparts:
                found.extend(a for a in self.holders(key, day) if a.actor_id != actor_id)
        return _unique(found)

    # ── states ───────────────────────────────────────────────────────────────

    def state_by_name(self, text: str) -> State | None:
        """The state a text names: "China", "the United States", "Beijing", "Chinese", "USA"."""
        form = text.strip()
        for suffix in ("'s", "’s"):
            form = form.removesuffix(suffix)
        for article in ("the ", "The "):
            form = form.removeprefix(article)
        return self._state_forms.get(form) or self._state_folded.get(form.casefold())

    def default_sides(self) -> tuple[str, str]:
        """The two sides a run compares by default (``dyad`` in the KB, e.g. USA and CHN)."""
        if self._dyad is None:
            raise KnowledgeBaseError(
                "no dyad in the knowledge base; add `dyad: [USA, CHN]` to a KB file "
                "or pass the sides explicitly"
            )
        return self._dyad

    def _actor(self, actor_id: str) -> Actor:
        actor = self.actors.get(actor_id)
        if actor is None:
            raise KnowledgeBaseError(f"unknown actor id {actor_id!r}: not in the knowledge base")
        return actor


def _unique(actors: Iterable[Actor]) -> tuple[Actor, ...]:
    return tuple({actor.actor_id: actor for actor in actors}.values())


@functools.lru_cache(maxsize=1)
def _bundled_resolved() -> Resolved:
    return resolve(bundled_parts().copy())


@functools.lru_cache(maxsize=1)
def _bundled() -> KnowledgeBase:
    return KnowledgeBase(_bundled_resolved())
