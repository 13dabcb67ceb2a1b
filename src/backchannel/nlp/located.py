"""Agents named without a country, placed by the sentence in one state.

A bare agent noun ("police", "rebels", "protesters") is no actor on its own:
the channel map cannot place a node without a country. When the sentence puts
the act in one state and names no other country, the agent is that state's
actor of the sector, the one "Algerian police" links to (``group:DZA:police``):

    "In Algeria, police arrested dozens of protesters."
    "Police arrested dozens of protesters in Algiers."

The place must be "in <state or capital>", once; the noun the subject or
object of a verb. Never for military nouns (troops in a country are
often foreign) nor refugees; never when the noun has a possessor or a
capitalised modifier ("its troops", "NATO troops", "Hutu rebels"); never when
the sentence names any other country, or an actor whose country is unknown.
The phrases that place a noun directly ("police in Algiers", "soldiers from
Iraq") are ``Offices.of_state``'s.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping

from spacy.tokens import Span, Token

from backchannel.nlp.mentions import Linked

# Sectors of agents that a place alone may not give a country.
_FOREIGN_SECTORS = frozenset({"military"})
_NOT_LOCAL = frozenset({"refugees"})
_ROLES = frozenset({"nsubj", "nsubjpass", "dobj"})
# Heads that count the people after "of": "dozens of protesters", "a group of rebels".
_COUNTS = frozenset({"dozen", "dozens", "hundreds", "thousands", "scores", "group", "number"})


class PlacedAgents:
    """Links bare agent nouns whose sentence places the act in one state."""

    def __init__(
        self,
        nouns: Mapping[str, str],
        offices: Collection[str],
        adjectives: Mapping[str, str],
        state_forms: Mapping[str, str],
    ) -> None:
        self.nouns = dict(nouns)  # every group or office noun → sector
        self.offices = frozenset(offices)  # nouns linked as the sector's actor
        self.adjectives = dict(adjectives)
        self.state_forms = dict(state_forms)

    def link(
        self, sent: Span, mentions: dict[int, Linked], country_of: Callable[[str], str]
    ) -> None:
        """Add a mention for each bare agent noun of ``sent`` placed in its one state."""
        inside = [m for m in mentions.values() if sent.start <= m.start < sent.end]
        places = {
            m.actor_id.split(":", 1)[1]: m
            for m in inside
            if m.how == "state" and _is_place(sent.doc[m.end - 1])
        }
        if len(places) != 1:
            return
        code = next(iter(places))
        if any(country_of(m.actor_id) != code for m in inside) or self._other_country(sent, code):
            return
        covered = {i for m in inside for i in range(m.start, m.end)}
        for tok in sent:
            if tok.dep_ in _ROLES and tok.i not in covered:
                self._agent(_counted(tok), code, covered, mentions)

    def _agent(self, tok: Token, code: str, covered: set[int], mentions: dict[int, Linked]) -> None:
        doc = tok.doc
        pair = f"{doc[tok.i - 1].lower_} {tok.lower_}" if tok.i > 0 else ""
        noun = next((k for k in (pair, tok.lower_) if k and k in self.nouns), None)
        if noun is None or noun in _NOT_LOCAL or self.nouns[noun] in _FOREIGN_SECTORS:
            return
        if not tok.is_lower and not (tok.is_sent_start and tok.text[1:].islower()):
            return  # "Police" opening a sentence, never a name ("Hamas Police")
        modifiers = [c for c in tok.children if c.dep_ in {"poss", "compound", "amod", "nmod"}]
        if any(c.dep_ == "poss" or not c.is_lower for c in modifiers):
            return  # "its troops", "NATO troops", "Hutu rebels": someone else's
        if any(c.dep_ == "prep" and c.lower_ in {"of", "from"} for c in tok.children):
            return  # "leaders of the opposition coalition": named by what they belong to
        first = min([tok.i, *(c.i for c in modifiers)])
        if any(i in covered for i in range(first, tok.i + 1)):
            return
        sector = self.nouns[noun]
        actor_id = f"group:{code}:{sector if noun in self.offices else noun}"
        mentions[first] = Linked(first, tok.i + 1, actor_id, "placed", sector)
        covered.update(range(first, tok.i + 1))

    def _other_country(self, sent: Span, code: str) -> bool:
        """Whether the sentence names a country besides ``code`` ("near the Lebanese border")."""
        for tok in sent:
            if not tok.text[:1].isupper():
                continue
            other = self.adjectives.get(tok.lower_) or self.state_forms.get(tok.lower_)
            if other and other != code:
                return True
        return any(
            self.state_forms.get(ent.text.casefold(), code) != code
            or (ent.label_ == "NORP" and self.adjectives.get(ent.text.casefold(), "") != code)
            for ent in sent.ents
            if ent.label_ in {"GPE", "NORP"}
        )


def _is_place(tok: Token) -> bool:
    """Whether a state's name is where something happens: "… in Algeria"."""
    return tok.dep_ == "pobj" and tok.head.lower_ == "in" and tok.head.dep_ == "prep"


def _counted(tok: Token) -> Token:
    """The people a count stands for ("dozens of protesters" → "protesters"), else ``tok``."""
    if tok.lower_ not in _COUNTS and tok.pos_ != "NUM":
        return tok
    prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    noun = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep else None
    return noun if noun is not None else tok
