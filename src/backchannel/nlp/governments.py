"""A leader's name before "administration" is that country's government.

"The Biden administration unveiled curbs", "Trump administration officials":
the name qualifies the government, it does not act in person. The small
parser makes the name a compound of "administration", so left as the
person's mention it would be a modifier and the sentence would have no doer.
"""

from __future__ import annotations

from collections.abc import Mapping

from spacy.tokens import Doc

from backchannel.kb import KnowledgeBase
from backchannel.nlp.mentions import Linked

GOVERNMENT_NOUNS = frozenset({"administration", "government"})
# A leader's people, who act for the leader's state ("Trump's aides", "the Biden
# team", "Putin's negotiators"), and the leader's rule ("the Assad regime"),
# which is the state's government
_LEADERS_PEOPLE = frozenset(
    {"team", "aides", "advisers", "advisors", "envoys", "emissaries", "negotiators"}
    | {"delegation", "officials", "diplomats", "regime", "junta"}
)
_RULE = frozenset({"regime", "junta"})
# Words before a government's name that make it a time: "under the Bush administration"
_IN_TIME_OF = frozenset({"under", "during", "since", "throughout", "until", "till"})


def leader_governments(
    doc: Doc,
    mentions: dict[int, Linked],
    kb: KnowledgeBase,
    group_nouns: Mapping[str, str],
    day: str | None,
    surnames: Mapping[str, tuple[str, ...]],
) -> None:
    """Replace "NAME administration" (and "NAME administration officials", "NAME's
    government") by the group.

    The country is the person's on the article's day; a following group noun
    ("officials", "negotiators") names the group more closely. A surname two
    people of one country bear names that country's government all the same
    ("the Clinton administration", "the Bush administration").
    """
    covered = {i for m in mentions.values() for i in range(m.start, m.end)}
    for tok in doc:
        if tok.i in covered or tok.pos_ != "PROPN" or tok.i + 1 >= len(doc):
            continue
        countries = {kb.actors[c].country for c in surnames.get(tok.text, ()) if c in kb.actors}
        if len(countries) == 1 and doc[tok.i + 1].lower_ in GOVERNMENT_NOUNS | _RULE:
            (country,) = countries
            name = Linked(tok.i, tok.i + 1, "", "surname")
            _name_the_government(doc, mentions, name, country, group_nouns)
    for m in list(mentions.values()):
        actor = kb.actors.get(m.actor_id)
        if actor is None or actor.kind != "person":
            continue
        country = kb.side_on(m.actor_id, day)[0] or actor.country
        if country:
            _name_the_government(doc, mentions, m, country, group_nouns)


def _name_the_government(
    doc: Doc, mentions: dict[int, Linked], m: Linked, country: str, group_nouns: Mapping[str, str]
) -> None:
    """Make ``m`` with the government noun after it ("Biden administration", "Merkel's
    government") the government's mention, when that noun follows; or the group of
    the leader's people it names ("Trump's aides", "the Xi team")."""
    end = m.end + 1 if m.end < len(doc) and doc[m.end].tag_ == "POS" else m.end
    noun = doc[end] if end < len(doc) else None
    if noun is None or noun.text != noun.lower_:
        return
    before = m.start - 1 if m.start > 0 and doc[m.start - 1].lower_ == "the" else m.start
    in_time = before > 0 and doc[before - 1].lower_ in _IN_TIME_OF
    if noun.lower_ in _LEADERS_PEOPLE and (noun.lower_ in group_nouns or noun.lower_ in _RULE):
        name = "government" if noun.lower_ in _RULE else noun.lower_
        if not in_time:
            mentions[m.start] = Linked(m.start, end + 1, f"group:{country}:{name}", "group")
        elif name == "government":
            mentions.pop(m.start, None)  # "under the Assad regime": a time, no party
        return
    if noun.lower_ not in GOVERNMENT_NOUNS:
        return
    if in_time:
        # "Under the Bush administration, Washington imposed …": a time, no party
        mentions.pop(m.start, None)
        return
    end, name = end + 1, noun.lower_
    after = doc[end] if end < len(doc) else None
    if after is not None and after.lower_ in group_nouns and after.is_lower:
        end, name = end + 1, after.lower_
    mentions[m.start] = Linked(m.start, end, f"group:{country}:{name}", "group")


# Words for when an administration governs: "the new administration"
_ITS_TIME = frozenset({"new", "incoming", "outgoing", "current", "previous", "next", "last"})


def bare_administration(doc: Doc, mentions: Mapping[int, Linked]) -> list[Linked]:
    """ "The administration will consider lifting tariffs", "the incoming
    administration": Washington's government.

    In news on the United States and its relations, "the administration" with
    no name, country or "of" phrase is the American one; a text about another
    country's administration names it ("the Milei administration", "the
    administration of President Lula"). Returns the mentions to add.
    """
    covered = {i for m in mentions.values() for i in range(m.start, m.end)}
    found: list[Linked] = []
    for tok in doc:
        if tok.text != "administration" or tok.i in covered or tok.i == 0:
            continue
        start = tok.i - 1
        if start > 0 and doc[start].lower_ in _ITS_TIME and doc[start].head.i == tok.i:
            start -= 1  # "the new administration", "the incoming administration"
        if doc[start].lower_ != "the" or any(
            c.dep_ not in {"det", "case"} and c.i != tok.i - 1 for c in tok.children
        ):
            continue  # "the administration of President Lula"
        found.append(Linked(start, tok.i + 1, "group:USA:administration", "group"))
    return found
