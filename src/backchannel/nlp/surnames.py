"""A lone surname for the person an article named in full before it.

News names a person in full once ("François Mitterrand", "Premier Li Peng")
and by the surname afterwards ("Mitterrand", "President Mitterrand", "Li").
A KB person's surname is the KB's ``surname:``; a person from a PETRARCH
dictionary has none, so it is read from the name as written: the last name
word, or the first for the countries that write the family name first
(``surname_first`` in ``data/petrarch.yaml``). A later token is that person
only when every guard holds:

1. exactly one person with that surname was named in full before it in the
   article (two or more, and the linker's own surname rules decide); a KB
   surname of two words kept whole for the KB ("Raúl Castro", since "Castro"
   alone is also Fidel) gives its last word here too;
2. it is capitalised and a proper noun or inside a named entity, and not a
   plain word: a particle or a word of a title, group noun or state form
   ("Jordan" stays a country);
3. no other name word stands right beside it: "Danielle Mitterrand" and
   "Wang Huning" are other people.

A KB surname that is also an English word is read with care: "He" is the
surname mid-sentence or in "He and Bessent", never the sentence-initial
pronoun ("He said …").

A surname no one in the article was named by in full is read by the KB
(``KnownSurnames``): after a title, the one holder of that title on the
day ("Premier Li"); else the KB person with that surname named last
before it, the only one who bears it, the only one in office, or the one
in office who is the opposite number of someone already named. An
ambiguous surname stays unlinked, and so does one after given names that
no bearer has ("Carrie Lam" is not To Lam).
"""

from __future__ import annotations

from collections.abc import Mapping

from spacy.tokens import Doc, Span, Token

from backchannel.kb import KnowledgeBase
from backchannel.kb.dictionaries import NameKey, name_key
from backchannel.kb.petrarch import cameo
from backchannel.model import Actor, Role
from backchannel.nlp.mentions import TITLE_CASE, Linked

__all__ = ["ArticleSurnames", "KnownSurnames", "NamedInFull"]

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
        # a family name written first, followed by another name word, is someone else's
        # name or a body's ("Le Monde" is no Le Yucheng's)
        if (
            nxt
            and tok.text in self._only_family_first
            and nxt.pos_ == "PROPN"
            and TITLE_CASE.match(nxt.text)
            and nxt.ent_type_ not in {"DATE", "TIME"}
            and nxt.i not in mentions
        ):
            return False
        # the first word of a longer name the entity model read as a body ("Le Pen")
        if (
            nxt
            and tok.ent_iob_ == "B"
            and nxt.ent_iob_ == "I"
            and nxt.pos_ == "PROPN"
            and self._is_name(nxt)
        ):
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
            span = doc[m.start : m.end]
            surname = self._surname(span, m.actor_id)
            if surname:
                named.setdefault(surname, []).append((m.start, m.actor_id))
            last = self._last_word(span, m.actor_id)
            if last and last != surname:
                named.setdefault(last, []).append((m.start, m.actor_id))
        return named

    def _last_word(self, span: Span, actor_id: str) -> NameKey | None:
        """The last word of a KB surname of two words or more ("Raúl Castro", kept whole
        because "Castro" alone is also Fidel), as written at the end of the full name:
        in the article that named him, "Castro" is he."""
        known = self.kb.surnames.get(actor_id, "")
        actor = self.kb.actors.get(actor_id)
        if " " not in known or actor is None or actor.country in self._family_first:
            return None
        words = [t for t in span if self._name_words(t)]
        if len(words) < 2 or words[-1].text != known.split()[-1]:
            return None
        return name_key(words[-1].text)

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


class KnownSurnames:
    """A lone surname of KB people ("Bessent", "Premier Li", "He") for the person it names."""

    def __init__(
        self,
        kb: KnowledgeBase,
        surnames: Mapping[str, tuple[str, ...]],
        title_index: Mapping[str, str],
        title_words: set[str],
        group_nouns: Mapping[str, str],
        plain: frozenset[str],
    ) -> None:
        self.kb = kb
        self._surnames = surnames
        self._title_index = title_index
        self._title_words = title_words
        self._group_nouns = group_nouns
        self._article = ArticleSurnames(kb, plain)
        # surnames of two words or more ("Le Drian", "von der Leyen") by their first
        # word, longest first
        self._multiword: dict[str, list[str]] = {}
        for surname in sorted(surnames, key=len, reverse=True):
            if " " in surname:
                self._multiword.setdefault(surname.split(" ")[0], []).append(surname)

    def candidates(self, surname: str) -> tuple[str, ...]:
        """The KB people who bear ``surname`` as written."""
        return self._surnames.get(surname, ())

    def link(
        self, doc: Doc, mentions: dict[int, Linked], day: str | None, titles: list[Span]
    ) -> None:
        """Link each lone surname not yet covered: the holder of the title just before it,
        the person the article named in full, else ``resolve``."""
        covered = {i for m in mentions.values() for i in range(m.start, m.end)}
        named = self._article.named_in_full(doc, mentions)
        titled = {span.end: self._title_index[span.text.casefold()] for span in titles}
        for tok in doc:
            if tok.i in covered or not (
                tok.text in self._multiword
                or tok.text in self._surnames
                or name_key(tok.text) in named
            ):
                continue  # no one's surname
            longer = self._multiword_surname(tok, covered)
            if longer is not None:
                # "Le Drian" is the one who bears it, never "Le" Yucheng
                surname, end = longer
                holder = self._titled_surname(tok, titled.get(tok.i), day, surname)
                actor_id = holder or self._resolve(surname, tok, mentions, day)
                if actor_id:
                    how = "title+surname" if holder else "surname"
                    mentions[tok.i] = Linked(tok.i, end, actor_id, how)
                covered.update(range(tok.i, end))
                continue
            in_kb = tok.text in self._surnames
            holder = self._titled_surname(tok, titled.get(tok.i), day) if in_kb else None
            if holder is not None:
                # "Premier Li", "Vice Premier He": the one holder of the title that day
                mentions[tok.i] = Linked(tok.i, tok.i + 1, holder, "title+surname")
                covered.add(tok.i)
                continue
            if in_kb and not self._article.may_be_surname(tok, mentions):
                continue
            if in_kb and self._another_given_name(tok):
                continue
            actor_id = self._article.person_at(tok, named)
            if actor_id is None and in_kb:
                actor_id = self.resolve(tok, mentions, day)
            if actor_id:
                mentions[tok.i] = Linked(tok.i, tok.i + 1, actor_id, "surname")
                covered.add(tok.i)

    def _multiword_surname(self, tok: Token, covered: set[int]) -> tuple[str, int] | None:
        """The KB surname of two words or more that starts at ``tok``, with its end."""
        doc = tok.doc
        for surname in self._multiword.get(tok.text, ()):
            span = doc.char_span(tok.idx, tok.idx + len(surname))
            if (
                span is not None
                and span.text == surname
                and covered.isdisjoint(range(span.start, span.end))
            ):
                return surname, span.end
        return None

    def _titled_surname(
        self, tok: Token, key: str | None, day: str | None, surname: str | None = None
    ) -> str | None:
        """The one holder, on ``day``, of the title just before the surname ``tok``
        (or the longer ``surname`` that starts with it)."""
        if key is None or day is None or not tok.text[:1].isupper():
            return None
        candidates = set(self._surnames.get(surname or tok.text, ()))
        holders = [a.actor_id for a in self.kb.holders(key, day) if a.actor_id in candidates]
        return holders[0] if len(holders) == 1 else None

    def _another_given_name(self, tok: Token) -> bool:
        """ "Carrie Lam" is not To Lam: a KB surname after given names none of them has.

        Only inside a person's name the NER found, after capitalised words that are
        no title, when no such word shares its initial with a word of a candidate's
        name or aliases ("Rob Lighthizer", "Recep Tayyip Erdogan" still pass).
        """
        if tok.i == 0 or tok.ent_type_ != "PERSON" or tok.ent_iob_ != "I":
            return False
        doc = tok.doc
        start = tok.i
        while start > 0 and doc[start - 1].ent_type_ == "PERSON" and doc[start].ent_iob_ == "I":
            start -= 1
        # "Hafez al-Assad": the particle of the surname is no given name
        given = [t for t in doc[start : tok.i] if t.is_alpha and t.lower_ not in _PARTICLES]
        if not given or any(
            not t.text[:1].isupper()
            or t.lower_ in self._title_words
            or t.lower_ in self._group_nouns
            for t in given
        ):
            return False
        initials = {
            word[:1]
            for c in self._surnames[tok.text]
            if c in self.kb.actors
            for form in (self.kb.actors[c].name, *self.kb.actors[c].aliases)
            for word in form.split()
        }
        return bool(initials) and not any(t.text[:1] in initials for t in given)

    def resolve(self, tok: Token, mentions: dict[int, Linked], day: str | None) -> str | None:
        """The KB person the surname ``tok`` names: the last one named before it, the one
        bearer, the one in office on ``day`` or that one's opposite number, the one
        contemporary with the people its sentence names; else None."""
        return self._resolve(tok.text, tok, mentions, day)

    def _resolve(
        self, surname: str, tok: Token, mentions: dict[int, Linked], day: str | None
    ) -> str | None:
        candidates = self._surnames.get(surname, ())
        if not candidates:
            return None
        before = [m for s, m in sorted(mentions.items()) if s < tok.i]
        for m in reversed(before):
            if m.actor_id in candidates:
                return m.actor_id
        if len(candidates) == 1:
            only = self.kb.actors[candidates[0]]
            if day is not None and _long_retired(only, day):
                # a lone "Baker" in a 2025 article is not the secretary of state of
                # 1989 unless the article named him in full (above)
                return None
            return candidates[0]
        if day is not None:
            in_office = [c for c in candidates if self.kb.actors[c].roles_on(day)]
            if len(in_office) == 1:
                return in_office[0]
            # "Bessent and He", "the talks with He": the opposite number of someone
            # already named, when exactly one candidate is
            partners = {
                a.actor_id
                for m in before
                if m.actor_id in self.kb.actors
                for a in self.kb.counterparts_of(m.actor_id, day)
            }
            matched = [c for c in in_office if c in partners]
            if len(matched) == 1:
                return matched[0]
        return self._contemporary(candidates, tok, mentions)

    def _contemporary(
        self, candidates: tuple[str, ...], tok: Token, mentions: Mapping[int, Linked]
    ) -> str | None:
        """The one candidate whose offices fall in the time of the people named in full in
        the surname's sentence: "Bush met Putin" is George W. Bush, "Clinton met Jiang
        Zemin" Bill Clinton. An opposite number at the time first ("Sullivan and Wang
        Yi": the national security adviser, not the senator); two who fit, or none, and
        the surname stays unlinked (better no link than a wrong one)."""
        sent = tok.sent
        ids = {m.actor_id for m in mentions.values() if sent.start <= m.start < sent.end}
        # a surname later in the sentence that only one person bears ("Bush met Putin")
        ids.update(
            self._surnames[t.text][0]
            for t in sent
            if t.i != tok.i and t.pos_ == "PROPN" and len(self._surnames.get(t.text, ())) == 1
        )
        named = [
            self.kb.actors[i]
            for i in ids
            if i in self.kb.actors and i not in candidates and self.kb.actors[i].kind == "person"
        ]
        if not named:
            return None
        people = [self.kb.actors[c] for c in candidates if c in self.kb.actors]
        for fits in (self._opposite_numbers_then, _in_office_together):
            fitting = [c.actor_id for c in people if any(fits(c, other) for other in named)]
            if fitting:
                return fitting[0] if len(fitting) == 1 else None
        return None

    def _opposite_numbers_then(self, one: Actor, other: Actor) -> bool:
        """``one`` held an office whose opposite number ``other`` held at the same time."""
        positions = self.kb.positions
        return any(
            r.position in positions
            and s.position in positions[r.position].counterparts
            and _overlap(r, s)
            for r in one.roles
            for s in other.roles
        )


# years after the end of someone's last office when a lone surname no longer names them
_OUT_OF_MIND_YEARS = 10


def _in_office_together(one: Actor, other: Actor) -> bool:
    """Some office of ``one`` and some office of ``other`` overlap in time."""
    return any(_overlap(r, s) for r in one.roles for s in other.roles)


def _overlap(one: Role, other: Role) -> bool:
    """The two terms overlap; an open start or end reaches as far as it can."""
    return (one.start or "") <= (other.end or "9999") and (other.start or "") <= (one.end or "9999")


def _long_retired(actor: Actor, day: str) -> bool:
    """Every office the actor held ended more than ``_OUT_OF_MIND_YEARS`` before ``day``."""
    if not actor.roles or any(not r.end for r in actor.roles):
        return False
    last = max(r.end for r in actor.roles if r.end is not None)
    return f"{int(last[:4]) + _OUT_OF_MIND_YEARS}{last[4:]}" < day


# lower-case particles inside Arabic, Dutch, German, French, Portuguese names
_PARTICLES = frozenset(
    {"al", "el", "bin", "ibn", "de", "da", "di", "do", "dos", "das", "du", "van", "von", "der"}
)
