"""People the knowledge base does not know, named beside an organisation.

"Tsinghua University's Da Wei", "Sarah Beran of Macro Advisory Partners",
"Da Wei, a professor at Tsinghua University": a full name with an
organisation in apposition becomes a new person of that organisation, whose
country and sector are the KB body's of that name, else the sector a word of
the name gives ("university" is academic). A full name one letter off a KB
person's ("Richard Haas") is that person; a name with a title and no
organisation goes to ``Offices``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from backchannel.kb import KnowledgeBase
from backchannel.model import Actor, Role
from backchannel.nlp.appositions import apposed_title
from backchannel.nlp.mentions import Linked, new_person_id, written_as_name
from backchannel.nlp.offices import Offices, state_adjective_at

_ORG_SECTOR_WORDS = (
    ("university", "academic"),
    ("institute", "academic"),
    ("college", "academic"),
    ("school", "academic"),
    ("academy", "academic"),
    ("center", "academic"),
    ("centre", "academic"),
    ("council", "academic"),
    ("foundation", "ngo"),
    ("ministry", "government"),
    ("department", "government"),
    ("embassy", "government"),
    ("partners", "business"),
    ("group", "business"),
    ("capital", "business"),
    ("advisory", "business"),
    ("inc", "business"),
    ("corp", "business"),
    ("company", "business"),
    ("bank", "business"),
    ("times", "media"),
    ("news", "media"),
    ("post", "media"),
)


# Titles an organisation gives, besides the office nouns: "Alibaba chairman Daniel Zhang"
_ORG_TITLES = frozenset(
    {"chairman", "chairwoman", "founder", "co-founder", "chief executive", "executive"}
    | {"director", "head", "chief", "president", "spokesman", "spokeswoman", "spokesperson"}
)

# a state's envoys to an international body: "Ukraine's UN ambassador"
_ENVOY_TITLES = frozenset({"ambassador", "envoy", "representative", "permanent representative"})

# titles the entity model reads as part of a name ("King Hussein")
_MONARCHS = frozenset({"king", "queen", "emir", "sultan"})


class NewPeople:
    """Links people in apposition to an organisation. Built once per linker."""

    def __init__(
        self, kb: KnowledgeBase, alias_index: dict[str, tuple[str, ...]], office: Offices
    ) -> None:
        self.kb = kb
        self._alias_index = alias_index
        self._office = office
        self._org_index = {
            a.name.casefold(): a for a in kb.own_actors.values() if a.kind == "organization"
        }

    def link(self, doc: Doc, mentions: dict[int, Linked], new_actors: dict[str, Actor]) -> None:
        covered = {i for m in mentions.values() for i in range(m.start, m.end)}
        for ent in doc.ents:
            if ent.label_ != "PERSON" or any(i in covered for i in range(ent.start, ent.end)):
                continue
            if self._org_titled(doc, ent, covered, mentions, new_actors):
                continue
            if len(ent) > 1 and ent[0].lower_ in _MONARCHS:
                # "King Hussein of Jordan": the model takes the title into the name
                name = doc[ent.start + 1 : ent.end]
                self._office.title_only_person(doc, name, covered, mentions, new_actors)
                continue
            if len(ent) == 1:
                self._office.title_only_person(doc, ent, covered, mentions, new_actors)
                continue
            if not written_as_name(ent):
                continue
            known = self._near_miss(ent.text)
            if known is not None:
                mentions[ent.start] = Linked(ent.start, ent.end, known, "spelling-variant")
                covered.update(range(ent.start, ent.end))
                continue
            role = self._apposition_role(doc, ent, mentions)
            if role is None:
                title = apposed_title(doc, ent)
                if title is not None:
                    # "his Russian counterpart, Dmitri Sokolov,"
                    self._office.apposed_person(doc, ent, title, covered, mentions, new_actors)
                else:
                    self._office.title_only_person(doc, ent, covered, mentions, new_actors)
                continue
            actor_id = new_person_id(ent)
            if actor_id not in new_actors:
                new_actors[actor_id] = Actor(
                    actor_id=actor_id,
                    name=ent.text,
                    kind="person",
                    country=role.country,
                    sector=role.sector,
                    roles=(role,),
                    origin="text",
                )
            mentions[ent.start] = Linked(ent.start, ent.end, actor_id, "new-actor")
            covered.update(range(ent.start, ent.end))

    def _org_titled(
        self,
        doc: Doc,
        ent: Span,
        covered: set[int],
        mentions: dict[int, Linked],
        new_actors: dict[str, Actor],
    ) -> bool:
        """ "Kremlin spokesman Dmitry Peskov", "Alibaba chairman Daniel Zhang": a person of
        the organisation named right before the title, with its country and sector."""
        for n in (2, 1):
            start = ent.start - n
            if start < 1:
                continue
            words = doc[start : ent.start]
            key = " ".join(t.lower_ for t in words)
            if key not in _ORG_TITLES and key not in self._office.nouns:
                continue
            if not all(t.is_lower or t.is_title for t in words):
                continue
            org = next((m for m in mentions.values() if m.end == start), None)
            actor = self.kb.actors.get(org.actor_id) if org is not None else None
            if org is None or actor is None or actor.kind != "organization" or not actor.country:
                return False
            country, sector = actor.country, actor.sector
            if key in _ENVOY_TITLES and country == "UNO":
                # "Ukraine's UN ambassador Sergiy Kyslytsya": a state's envoy to the UN
                state = self._state_before(doc, org.start, mentions)
                if not state and key == "ambassador":
                    return False  # "UN ambassador X": some state's, not the UN's
                if state:
                    country, sector = state, "government"
            title = doc[org.start : ent.start].text
            made = self._office.titled_person(
                ent, title, country, sector, covered, mentions, new_actors
            )
            return made > 0
        return False

    def _state_before(self, doc: Doc, at: int, mentions: dict[int, Linked]) -> str:
        """The state written right before ``at``: "Ukraine's", "Ukrainian"."""
        if at >= 2 and doc[at - 1].text in {"'s", "'"}:
            owner = next((m for m in mentions.values() if m.end == at - 1), None)
            if owner is not None and owner.actor_id.startswith("state:"):
                return owner.actor_id.removeprefix("state:")
            return ""
        for start in range(max(0, at - 3), at):
            code, stop = state_adjective_at(doc, start, self._office.adjectives)
            if code and stop == at:
                return code
        return ""

    def _near_miss(self, name: str) -> str | None:
        """A KB person whose full name differs by one letter in the surname ("Richard Haas")."""
        parts = name.split()
        if len(parts) != 2 or len(parts[1]) < 4:
            return None
        found = [
            actor_id
            for form, ids in self._alias_index.items()
            for actor_id in ids
            if form.split()[:1] == parts[:1]
            and len(form.split()) == 2
            and _one_edit(form.split()[1], parts[1])
            and self.kb.actors[actor_id].kind == "person"
        ]
        return found[0] if len(set(found)) == 1 else None

    def _apposition_role(self, doc: Doc, ent: Span, mentions: dict[int, Linked]) -> Role | None:
        """A role from "ORG's NAME", "NAME of ORG" or "NAME, a TITLE at ORG"."""
        org_text = ""
        title = ""
        before = doc[max(0, ent.start - 8) : ent.start]
        if len(before) >= 2 and before[-1].text in {"'s", "’s"}:
            org_span = _ent_ending_at(doc, before[-1].i)
            if org_span is not None and org_span.label_ in {"ORG", "FAC", "GPE"}:
                org_text = org_span.text
        after = doc[ent.end : min(len(doc), ent.end + 14)]
        if not org_text and len(after) >= 2 and after[0].lower_ in {"of", "from", "at"}:
            org_span = _ent_starting_at(doc, after[1].i)
            if org_span is not None and org_span.label_ == "ORG":
                org_text = org_span.text
        if not org_text and len(after) >= 3 and after[0].text == ",":
            words = []
            for t in after[1:]:
                if t.text in {",", ".", ";"}:
                    break
                words.append(t)
            if words and (words[0].lower_ in {"a", "an", "the"} or words[0].pos_ == "NOUN"):
                for t in words:
                    if t.ent_type_ == "ORG":
                        org_span = _ent_starting_at(doc, t.i)
                        if org_span is not None:
                            org_text = org_span.text
                        break
                skip = 1 if words[0].lower_ in {"a", "an", "the"} else 0
                title = " ".join(w.text for w in words[skip:]).split(" at ")[0].split(" of ")[0]
        if not org_text:
            return self._nationality_role(doc, ent, mentions)
        if org_text.casefold().startswith("the "):
            org_text = org_text[4:]
        known = self._org_index.get(org_text.casefold())
        country = known.country if known else ""
        sector = known.sector if known else _org_sector(org_text)
        return Role(
            title=title or "affiliated", org=org_text, country=country, sector=sector or "other"
        )

    def _nationality_role(self, doc: Doc, ent: Span, mentions: dict[int, Linked]) -> Role | None:
        """A role from "NAME, a/an/the NATIONALITY NOUN" ("David Lin, an American pastor",
        "Zhan Qixiong, the Chinese trawler captain"), "NAME, STATE's NOUN" ("Cheng
        Jingye, China's ambassador in Canberra") or from a demonym right before the
        name ("Americans Mark Swidan")."""
        before = doc[ent.start - 1] if ent.start > 0 else None
        if before is not None and before.pos_ == "PROPN" and before.ent_type_ == "NORP":
            # "China freed Americans Mark Swidan, …", "Canadian Michael Kovrig"
            word = before.lower_
            code = self._office.adjectives.get(word) or (
                self._office.adjectives.get(word[:-1]) if word.endswith("s") else None
            )
            if code:
                return Role(title=before.text, org="", country=code, sector="civilian")
        at = ent.end
        if at + 3 >= len(doc) or doc[at].text != ",":
            return None
        state = mentions.get(at + 1)
        if (
            state is not None
            and state.actor_id.startswith("state:")
            and state.end < len(doc)
            and doc[state.end].text in {"'s", "’s"}
        ):
            code, stop = state.actor_id.split(":")[1], state.end + 1
        elif doc[at + 1].lower_ in {"a", "an", "the"}:
            code, stop = state_adjective_at(doc, at + 2, self._office.adjectives)
        else:
            return None
        noun = doc[stop] if code and stop < len(doc) else None
        if noun is not None and noun.dep_ == "compound" and noun.head.i == stop + 1:
            noun = noun.head  # "the Chinese trawler captain"
        if noun is None or noun.pos_ != "NOUN" or noun.tag_ != "NN":
            return None
        key = noun.lower_
        sector = self._office.nouns.get(key) or self._office.group_nouns.get(key)
        return Role(title=key, org="", country=code, sector=sector or "civilian")


def _one_edit(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ by exactly one inserted, deleted or changed letter."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def _ent_ending_at(doc: Doc, token_index: int) -> Span | None:
    for ent in doc.ents:
        if ent.end == token_index:
            return ent
    return None


def _ent_starting_at(doc: Doc, token_index: int) -> Span | None:
    for ent in doc.ents:
        if ent.start == token_index or (
            ent.start == token_index - 1 and doc[ent.start].lower_ == "the"
        ):
            return ent
        if ent.start <= token_index < ent.end:
            return ent
    return None


def _org_sector(org: str) -> str:
    low = org.casefold()
    for word, sector in _ORG_SECTOR_WORDS:
        if word in low.split() or low.endswith(word):
            return sector
    return ""
