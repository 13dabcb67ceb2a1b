"""A body's fighters, members or officials named by the body's name before them.

"Hamas militants fired rockets", "Boko Haram fighters killed twelve soldiers",
"PKK members", "Taliban officials said": the name qualifies those who act, and
the small parser makes it a compound of their noun. Left as the body's mention
on the name alone, the noun that is the verb's subject would link to nothing
and the act would have no doer. The body's mention is widened over the noun.

Only for bodies (KB organisations: movements, parties, firms), never a person
or a state ("Chinese officials" is the state's group, linked elsewhere), and
only for plural nouns of those who act for a body ("the Kremlin spokesman" is
a title, read with the name beside it; "WTO members" are states, not the
WTO); "Hyundai workers" strike against Hyundai, so workers, employees and
customers are not among them. A government's forces are its military: "Syrian
government forces".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Doc

from backchannel.nlp.mentions import Linked

MEMBER_NOUNS = frozenset(
    {"fighters", "militants", "gunmen", "militiamen", "militia", "militias", "rebels"}
    | {"insurgents", "guerrillas", "members", "loyalists", "commanders", "leaders"}
    | {"forces", "troops", "operatives", "cadres", "jihadists", "bombers", "attackers"}
    | {"officials", "activists", "cells", "units", "snipers", "pirates", "negotiators"}
    | {"representatives", "jets", "warplanes", "aircraft", "helicopters", "drones"}
    | {"warships", "ships", "vessels", "boats", "personnel", "agents", "soldiers"}
)

# A leader's or a party's following: "supporters of Evo Morales", "Trump supporters"
_FOLLOWERS = frozenset({"supporters", "followers", "backers", "loyalists", "partisans"})
# A state's forces named after its government: "Syrian government forces"
_FORCES = frozenset({"forces", "troops", "soldiers"})


def members_of_bodies(
    doc: Doc, mentions: dict[int, Linked], is_body: Callable[[str, str], bool]
) -> None:
    """Widen a body's mention over the member noun right after it ("Hamas militants"),
    and a government's over its forces ("Syrian government forces")."""
    covered = {i for m in mentions.values() for i in range(m.start, m.end)}
    for m in list(mentions.values()):
        if m.end >= len(doc):
            continue
        noun = doc[m.end]
        if noun.lower_ not in MEMBER_NOUNS or not noun.is_lower or noun.i in covered:
            continue
        if not is_body(m.actor_id, noun.lower_):
            continue
        if doc[m.end - 1].head.i != noun.i:
            continue  # "… with Hamas, militants said": not one phrase
        mentions[m.start] = replace(m, end=m.end + 1)
        covered.add(noun.i)
    for m in list(mentions.values()):
        # "Syrian government forces", "Kyiv government troops": the state's armed forces
        government = m.actor_id.startswith("group:") and m.actor_id.endswith(":government")
        if not government or m.end >= len(doc):
            continue
        code = m.actor_id.split(":")[1]
        noun = doc[m.end]
        if noun.lower_ in _FORCES and noun.i not in covered and doc[m.end - 1].head.i == noun.i:
            mentions[m.start] = replace(m, end=m.end + 1, actor_id=f"group:{code}:military")
            covered.add(noun.i)


def followers(doc: Doc, mentions: dict[int, Linked], country_of: Callable[[str], str]) -> None:
    """Link "supporters of <person or party>" and "<person> supporters" as the people of
    the one they follow's country: a crowd of that state, not the leader or the party."""
    covered = {i for m in mentions.values() for i in range(m.start, m.end)}
    for noun in doc:
        if noun.lower_ not in _FOLLOWERS or noun.i in covered:
            continue
        led = [
            g
            for p in noun.children
            if p.dep_ == "prep" and p.lower_ == "of"
            for g in p.children
            if g.dep_ == "pobj"
        ] + [c for c in noun.children if c.dep_ == "compound"]
        for leader in led:
            m = next((m for m in mentions.values() if m.start <= leader.i < m.end), None)
            code = country_of(m.actor_id) if m is not None else ""
            if m is None or not code:
                continue
            start = noun.i
            if m.end == noun.i:  # "Trump supporters": the name is part of the phrase
                start = m.start
                del mentions[m.start]
            mentions[start] = Linked(start, noun.i + 1, f"group:{code}:civilian", "group")
            covered.update(range(start, noun.i + 1))
            break
