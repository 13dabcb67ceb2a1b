"""The records of the knowledge base besides ``model.Actor``: positions, states, groups, channels.

Frozen and slotted like the records in ``model``: a loaded knowledge base is
pickled to worker processes and shared between threads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SECTORS: tuple[str, ...] = (
    "government",
    "military",
    "party",
    "business",
    "academic",
    "media",
    "ngo",
    "retired",
    "police",
    "judiciary",
    "legislature",
    "opposition",
    "rebel",
    "civilian",
)
"""Every sector an actor, role, position or group noun may name."""

OFFICIAL_SECTORS: frozenset[str] = frozenset({"government", "military", "party"})
"""Sectors of office: someone whose every such role has ended is "retired"."""

ACTOR_KINDS: tuple[str, ...] = ("person", "organization", "state", "group")

TRANSNATIONAL: dict[str, str] = {
    "IGO": "intergovernmental organisation",
    "UNO": "the United Nations and its bodies",
    "NGO": "non-governmental organisation",
    "IMG": "armed group active across borders (al-Qaeda, Islamic State)",
}
"""Country codes of organisations that belong to no state, as CAMEO and PLOVER code them."""


@dataclass(frozen=True, slots=True)
class Position:
    """An office that different people hold over time, e.g. ``usa.treasury_secretary``.

    ``patterns`` are the title phrases by which a text refers to the holder;
    ``counterparts`` are the keys of the usual opposite numbers on the other
    side (always symmetric once loaded); ``pairs`` are plural phrases by which
    "the two …" names this office's holder and the other side's ("the two
    defence ministers").
    """

    key: str
    title: str
    org: str
    country: str
    sector: str
    leader: bool
    patterns: tuple[str, ...]
    counterparts: tuple[str, ...]
    pairs: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class State:
    """A country (or the EU), with every form a text may use to name it."""

    code: str  # ISO3, or EUR for the European Union
    name: str
    names: tuple[str, ...]
    adjectives: tuple[str, ...]
    capitals: tuple[str, ...]
    # cities, provinces and regions inside it ("Karachi", "Xinjiang"), from the
    # ``places`` of the KB files: a place the news names stands for its state
    places: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class GroupNoun:
    """A noun that, after a country adjective, denotes a group ("Chinese officials").

    An ``office`` noun names one post or body rather than a group ("a Russian
    official", "the Iranian foreign ministry", "Zimbabwean Prime Minister
    Robert Mugabe"): without a name it stands for the country's actor of that
    sector (``group:RUS:government``), before a name the KB does not know it
    gives that person a country and a sector. A noun from a PETRARCH agent
    dictionary (``origin`` "dictionary") counts only when written in lower
    case: "European Community" is a name, not a community. ``code`` is the
    dictionary's agent code as written (``GOVMIL``, ``CRM``); a KB noun has
    none and is reported by its sector's code.
    """

    noun: str
    sector: str
    office: bool = False
    origin: str = "kb"  # kb | dictionary
    code: str = ""


@dataclass(frozen=True, slots=True)
class NamedChannel:
    """A channel the press knows by name ("the Kushner channel") between actors ``a`` and ``b``."""

    name: str
    aliases: tuple[str, ...]
    a: str
    b: str
    start: str | None
    end: str | None


_QUALIFIER = re.compile(r"\s*\([^)]*\)$")


def body_key(name: str) -> str:
    """A body's name as compared with a role's ``org``: "Federal Security Service
    (Russia)", "The New York Times" and "the Mossad" as "federal security service",
    "new york times", "mossad"."""
    return _QUALIFIER.sub("", name).casefold().removeprefix("the ")
