"""Link names from PETRARCH actor dictionaries, only where a wrong link is unlikely.

The dictionaries (``kb/dictionaries.py``) are large, old and written in
capitals, so their names are matched folded (``name_key``: no case, accents
or dots) and a match links only when every guard holds:

1. the phrase has two words or more: a lone word ("JORDAN", a surname, an
   ordinary English word) never links;
2. one of its words is a *name word*: not a particle ("the", "of", "bin") and
   not a word of a title, office, group noun or state ("President", "Prime
   Minister", "American"), so a phrase made only of such words is never a name;
3. in the text every name word is capitalised ("the Bush administration"
   links, "a bush fire" does not), and one of the tokens is a proper noun or
   inside a named entity;
4. it overlaps no mention the KB already linked (the KB wins);
5. a phrase several dictionary actors share ("PRESIDENT_BUSH") links to the
   one in office on the article's date, when exactly one is; else to nothing.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from backchannel.kb import KnowledgeBase
from backchannel.kb.dictionaries import NameKey, name_key
from backchannel.kb.petrarch import cameo
from backchannel.kb.records import OFFICIAL_SECTORS
from backchannel.nlp.mentions import Linked

_NAMED_ENTITIES = frozenset({"PERSON", "ORG", "NORP", "GPE"})


class DictionaryNames:
    """The dictionary names a KB carries, ready to match; built once per pipeline."""

    def __init__(self, kb: KnowledgeBase, common_phrases: set[str]) -> None:
        self.kb = kb
        self._plain = set(cameo().particles) | {
            word for phrase in common_phrases for word in name_key(phrase)
        }
        self._names: dict[NameKey, tuple[str, ...]] = {
            key: ids
            for key, ids in kb.dictionary_names.items()
            if len(key) >= 2 and any(word not in self._plain for word in key)
        }
        self._firsts = {key[0] for key in self._names}
        self._longest = max(map(len, self._names), default=0)

    @property
    def plain(self) -> frozenset[str]:
        """Folded words that are never the name part of a phrase (particles, titles, states)."""
        return frozenset(self._plain)

    def link(self, doc: Doc, mentions: dict[int, Linked], day: str | None) -> None:
        """Add a mention for every dictionary name in ``doc`` that passes the guards."""
        if not self._names:
            return
        covered = {i for m in mentions.values() for i in range(m.start, m.end)}
        words = [(word, tok.i) for tok in doc for word in name_key(tok.text)]
        i = 0
        while i < len(words):
            found = self._match_at(doc, words, i, covered, day)
            if found is None:
                i += 1
                continue
            size, actor_id = found
            start, end = words[i][1], words[i + size - 1][1] + 1
            mentions[start] = Linked(start, end, actor_id, "dictionary")
            covered.update(range(start, end))
            i += size

    def _match_at(
        self,
        doc: Doc,
        words: list[tuple[str, int]],
        i: int,
        covered: set[int],
        day: str | None,
    ) -> tuple[int, str] | None:
        """(number of words, actor id) of the longest acceptable name starting at word ``i``."""
        if words[i][0] not in self._firsts or (i > 0 and words[i - 1][1] == words[i][1]):
            return None  # no name starts with this word, or it is inside a token
        for size in range(min(self._longest, len(words) - i), 1, -1):
            last = i + size - 1
            if last + 1 < len(words) and words[last + 1][1] == words[last][1]:
                continue  # the match would end inside a token
            ids = self._names.get(tuple(word for word, _ in words[i : last + 1]))
            if not ids:
                continue
            tokens = doc[words[i][1] : words[last][1] + 1]
            if any(t.i in covered for t in tokens) or not self._written_as_name(tokens):
                continue
            actor_id = self._on_day(ids, day)
            if actor_id is not None:
                return size, actor_id
        return None

    def _written_as_name(self, tokens: Span) -> bool:
        """Every name word capitalised, and a proper noun or named entity among the tokens."""
        for tok in tokens:
            named = [word for word in name_key(tok.text) if word not in self._plain]
            if named and not (tok.text[:1].isupper() or tok.text[:1].isdigit()):
                return False
        return any(t.pos_ == "PROPN" or t.ent_type_ in _NAMED_ENTITIES for t in tokens)

    def _on_day(self, ids: tuple[str, ...], day: str | None) -> str | None:
        """The one actor a shared phrase names on ``day``: in office, else holding any role."""
        if len(ids) == 1:
            return ids[0]
        if day is None:
            return None
        holding = [i for i in ids if self.kb.actors[i].roles_on(day)]
        official = [
            i
            for i in holding
            if any(r.sector in OFFICIAL_SECTORS for r in self.kb.actors[i].roles_on(day))
        ]
        for candidates in (official, holding):
            if len(candidates) == 1:
                return candidates[0]
        return None
