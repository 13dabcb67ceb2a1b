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


def leader_governments(
    doc: Doc,
    mentions: dict[int, Linked],
    kb: KnowledgeBase,
    group_nouns: Mapping[str, str],
    day: str | None,
) -> None:
    """Replace "NAME administration" (and "NAME administration officials") by the group.

    The country is the person's on the article's day; a following group noun
    ("officials", "negotiators") names the group more closely.
    """
    for start, m in list(mentions.items()):
        noun = doc[m.end] if m.end < len(doc) else None
        actor = kb.actors.get(m.actor_id)
        if noun is None or actor is None or actor.kind != "person":
            continue
        if noun.lower_ not in GOVERNMENT_NOUNS or noun.text != noun.lower_:
            continue
        country = kb.side_on(m.actor_id, day)[0] or actor.country
        if not country:
            continue
        end, name = m.end + 1, noun.lower_
        after = doc[end] if end < len(doc) else None
        if after is not None and after.lower_ in group_nouns and after.is_lower:
            end, name = end + 1, after.lower_
        mentions[start] = Linked(m.start, end, f"group:{country}:{name}", "group")


def bare_administration(doc: Doc, mentions: Mapping[int, Linked]) -> list[Linked]:
    """ "The administration will consider lifting tariffs": Washington's government.

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
        if doc[tok.i - 1].lower_ != "the" or any(c.dep_ != "det" for c in tok.children):
            continue
        found.append(Linked(tok.i - 1, tok.i + 1, "group:USA:administration", "group"))
    return found
