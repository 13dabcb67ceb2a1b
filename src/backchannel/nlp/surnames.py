"""A lone surname for the person an article named in full before it.

News names a person in full once ("François Mitterrand", "Premier Li Peng")
and by the surname afterwards ("Mitterrand", "President Mitterrand", "Li").
A KB person's surname is the KB's ``surname:``; a person from a PETRARCH
dictionary has none, so it is read from the name as written: the last name
word, or the first for the countries that write the family name first
(``surname_first`` in ``data/petrarch.yaml``). A later token is that person
only when every guard holds:

1. exactly one person with that surname was named in full before it in the
   article (two or more, and the linker's own surname rules decide);
2. it is capitalised and a proper noun or inside a named entity, and not a
   plain word: a particle or a word of a title, group noun or state form
   ("Jordan" stays a country);
3. no other name word stands right beside it: "Danielle Mitterrand" and
   "Wang Huning" are other people.

A KB surname that is also an English word is read with care: "He" is the
surname mid-sentence or in "He and Bessent", never the sentence-initial
pronoun ("He said …").
"""

from __future__ import annotations

from collections.abc import Mapping

from spacy.tokens import Doc, Span, Token

from backchannel.kb import KnowledgeBase
from backchannel.kb.dictionaries import NameKey, name_key
from backchannel.kb.petrarch import cameo
from backchannel.nlp.mentions import TITLE_CASE, Linked

__all__ = ["ArticleSurnames", "NamedInFull"]

_NAMED_ENTITIES = frozenset({"PERSON", "ORG", "NORP", "GPE"})

# surname → (first token of the full name, actor id), in the article's order
NamedInFull = dict[NameKey, list[tuple[int, str]]]


class ArticleSurnames:
    """Who each surname in an article stands for; built once per pipeline."""

    def __init__(self, kb: KnowledgeBase, plain: frozenset[str]) -> None:
        self.kb = kb
        self._plain = plain
        self._family_first = cameo().surname_first
        self._kb_surnames = frozenset(kb.surname_index())
        self._first_names = {form.split(" ")[0] for form in kb.alias_index() if " " in form}
        # surnames borne only by people whose names put the family name first
        index = kb.surname_index()
        self._only_family_first = frozenset(
            surname
            for surname, ids in index.items()
            if all(kb.actors[i].country in self._family_first for i in ids)
        )

    def may_be_surname(self, tok: Token, mentions: Mapping[int, Linked]) -> bool:
        """A KB surname in the text may stand for a person: not the pronoun, not a first word."""
        if tok.text == "He" and not self._he_is_surname(tok, mentions):
            return False
        doc = tok.doc
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        # a different person with the same surname ("Wang Huning")
        if nxt and TITLE_CASE.match(nxt.text) and nxt.ent_type_ == "PERSON":
            return False
        # a different person whose given name it is ("Miao Hua" is not Hua Chunying): a
        # family name written first cannot follow another name word ("Ashton Carter" can)
        prev = doc[tok.i - 1] if tok.i > 0 else None
        return not (
            prev is not None
            and tok.text in self._only_family_first
            and prev.i not in mentions
            and prev.ent_type_ == "PERSON"
            and tok.ent_iob_ == "I"
            and self._is_name(prev)
        )

    def named_in_full(self, doc: Doc, mentions: Mapping[int, Linked]) -> NamedInFull:
        """The surname of every person the article names with two name words or more."""
        named: NamedInFull = {}
        for start in sorted(mentions):
            m = mentions[start]
            surname = self._surname(doc[m.start : m.end], m.actor_id)
            if surname:
                named.setdefault(surname, []).append((m.start, m.actor_id))
        return named

    def person_at(self, tok: Token, named: NamedInFull) -> str | None:
        """The one person named in full before ``tok`` whose surname it is, else None."""
        earlier = {
            actor_id for start, actor_id in named.get(name_key(tok.text), ()) if start < tok.i
        }
        if len(earlier) != 1 or not self._is_name(tok):
            return None
        doc = tok.doc
        beside = [doc[i] for i in (tok.i - 1, tok.i + 1) if 0 <= i < len(doc)]
        if any(self._is_name(t) for t in beside):
            return None
        return earlier.pop()

    def _he_is_surname(self, tok: Token, mentions: Mapping[int, Linked]) -> bool:
        """ "He" is the surname mid-sentence, or sentence-initial in "He and X"."""
        if not tok.is_sent_start:
            return True
        doc = tok.doc
        if tok.i + 2 >= len(doc) or doc[tok.i + 1].lower_ != "and":
            return False
        third = doc[tok.i + 2]
        return (
            (tok.i + 2) in mentions
            or third.ent_type_ == "PERSON"
            or third.text in self._kb_surnames
            or third.text in self._first_names
        )

    def _surname(self, span: Span, actor_id: str) -> NameKey | None:
        """The surname of a person named in full by ``span``; None for anything else."""
        actor = self.kb.actors.get(actor_id)
        words = [t for t in span if self._name_words(t)]
        if actor is None or actor.kind != "person" or len(words) < 2:
            return None
        known = self.kb.surnames.get(actor_id)
        if known:
            return name_key(known)
        written = words[0] if actor.country in self._family_first else words[-1]
        return name_key(written.text)

    def _is_name(self, tok: Token) -> bool:
        """Capitalised, a proper noun or inside a named entity, and not a plain word."""
        return (
            tok.text[:1].isupper()
            and bool(self._name_words(tok))
            and (tok.pos_ == "PROPN" or tok.ent_type_ in _NAMED_ENTITIES)
        )

    def _name_words(self, tok: Token) -> list[str]:
        return [word for word in name_key(tok.text) if word not in self._plain]
