"""Link mentions in a parsed article to actors in the knowledge base.

The order matters, and is the order a careful reader uses:

1. full names and aliases from the KB ("Scott Bessent", "Cui Tiankai"), then,
   once the article's date is known, names from PETRARCH actor dictionaries
   loaded beside it ("Francois Mitterrand", under the guards of ``dictnames``);
2. titles next to names ("Treasury Secretary Scott Bessent", "then-Ambassador
   Cui Tiankai") — these also date an undated article (the title must have been
   held when it was written);
3. named channels ("the Sullivan-Wang channel"), whose second surname is
   resolved through the first person's counterparts at the channel's date
   (``channels``);
4. surnames after first mention ("Bessent", "He" — the surname, never the
   sentence-initial pronoun, "Mitterrand" after "François Mitterrand"): the one
   person the article named in full with that surname, else the KB person
   already named in the article, in office or the opposite number (``surnames``);
5. bare titles ("the Treasury secretary") → who held the post that day;
6. groups ("Chinese officials"), states ("China", "Beijing") and offices after
   a country word ("a Russian official", "Taiwan's Vice Foreign Minister",
   "the Jordanian government"): the country's actor of that sector,
   ``group:RUS:government``; before a name the KB does not know, that person
   ("Zimbabwean Prime Minister Robert Mugabe") (``groups``, ``offices``);
7. people unknown to the KB, but given a title or organisation in apposition
   ("Tsinghua University's Da Wei", "Sarah Beran of Macro Advisory Partners",
   "Defence Minister Pierre Joxe", "his Russian counterpart, Dmitri A. Sokolov,")
   (``newpeople``); then a title with a name in apposition becomes that person
   ("the visiting premier of Chile, NAME,") (``appositions``);
8. "he"/"she" as the subject of a sentence → the person most recently named;
   "it"/"they" reported by a state or group ("Syria says it …") → that actor.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator, Mapping
from datetime import date, timedelta

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from backchannel.kb import KnowledgeBase
from backchannel.kb.records import TRANSNATIONAL
from backchannel.model import Actor, DateInterval
from backchannel.nlp.appositions import titled_appositions
from backchannel.nlp.bodies import (
    bare_bodies,
    link_bare_bodies,
    state_of,
    unplaced_bodies,
)
from backchannel.nlp.channels import NamedChannels
from backchannel.nlp.dictnames import DictionaryNames
from backchannel.nlp.epithets import link_epithets, load_epithets
from backchannel.nlp.governments import bare_administration, leader_governments
from backchannel.nlp.groups import GroupsAndStates
from backchannel.nlp.members import followers, members_of_bodies
from backchannel.nlp.mentions import NAME_SUFFIXES, Linked, LinkResult, sentences_back
from backchannel.nlp.mentions import TITLE_CASE as _TITLE_CASE
from backchannel.nlp.newpeople import NewPeople
from backchannel.nlp.offices import Offices
from backchannel.nlp.placed import PlacedAgents
from backchannel.nlp.preps import in_dateline, is_place
from backchannel.nlp.pronouns import object_pronouns, reported_subjects
from backchannel.nlp.repairs import span_root
from backchannel.nlp.surnames import KnownSurnames
from backchannel.nlp.tokenizing import split_joined_names

CHINESE_SURNAMES = frozenset(
    [
        "He",
        "Wang",
        "Li",
        "Liu",
        "Zhang",
        "Chen",
        "Yang",
        "Zhao",
        "Huang",
        "Zhou",
        "Wu",
        "Xu",
        "Sun",
        "Hu",
        "Zhu",
        "Gao",
        "Lin",
        "Guo",
        "Ma",
        "Luo",
        "Liang",
        "Song",
        "Zheng",
        "Xie",
        "Han",
        "Tang",
        "Feng",
        "Yu",
        "Dong",
        "Xiao",
        "Cheng",
        "Cao",
        "Yuan",
        "Deng",
        "Fu",
        "Shen",
        "Zeng",
        "Peng",
        "Lu",
        "Su",
        "Jiang",
        "Cai",
        "Jia",
        "Ding",
        "Wei",
        "Xue",
        "Ye",
        "Yan",
        "Pan",
        "Du",
        "Dai",
        "Xia",
        "Zhong",
        "Tian",
        "Ren",
        "Fan",
        "Fang",
        "Shi",
        "Yao",
        "Tan",
        "Qin",
        "Cui",
        "Kong",
        "Mao",
        "Qiu",
        "Qian",
        "Hou",
        "Shao",
        "Meng",
        "Long",
        "Wan",
        "Duan",
        "Lei",
        "Qian",
        "Tao",
        "Bai",
        "Hao",
        "Xiong",
        "Gu",
        "Mo",
        "Hong",
    ]
)
PRONOUNS = {"he": "m", "she": "f"}


# the last word of a building's or base's name: "Andrews Air Force Base"
_FACILITY_WORDS = frozenset(
    {"base", "airport", "field", "airfield", "center", "centre", "hall", "tower", "street"}
    | {"road", "avenue", "bridge", "square", "stadium", "station", "palace", "hotel"}
    | {"building", "library", "memorial", "park", "hospital", "school", "highway"}
    | {"boulevard", "plaza", "arena", "museum", "terminal", "dam", "canal"}
)


class Linker:
    """Finds actor mentions in spaCy Docs. Built once per process from a KB."""

    def __init__(self, kb: KnowledgeBase, vocab: object) -> None:
        self.kb = kb
        self._names = PhraseMatcher(vocab)  # type: ignore[arg-type]
        self._titles = PhraseMatcher(vocab, attr="LOWER")  # type: ignore[arg-type]
        self._alias_index = kb.alias_index()
        # "China’s Foreign Ministry", "People’s Bank of China": news writes the
        # typographic apostrophe the KB's forms do not
        for form, ids in list(self._alias_index.items()):
            self._alias_index.setdefault(form.replace("'", "’"), ids)
            if kb.actors[ids[0]].kind == "person":
                # "Moon Jae-in" is also written "Moon Jae In" and "Moon Jae-In"
                for variant in _hyphen_variants(form):
                    self._alias_index.setdefault(variant, ids)
        self._surnames = kb.surname_index()
        self._title_index = kb.title_index()
        # the patterns as written, with their possessive and spelling variants
        # ("America's defence secretary"); a casefolded "u.s. president" would
        # tokenize apart ("u.s" "."), and never match the text's "U.S. president"
        title_forms: dict[str, str] = {}
        for key, position in kb.positions.items():
            for pattern in position.patterns:
                for form in _title_variants(pattern):
                    title_forms.setdefault(form, key)
        for form, key in title_forms.items():
            self._title_index.setdefault(form.casefold(), key)
        tokenizer_vocab = vocab
        from spacy.lang.en import English

        maker = English(vocab=tokenizer_vocab)  # type: ignore[arg-type]
        split_joined_names(maker.tokenizer)  # as the pipeline's: "U.S.-China Relations"
        self._names.add("NAME", [maker.make_doc(form) for form in self._alias_index])
        self._titles.add("TITLE", [maker.make_doc(form) for form in sorted(title_forms)])
        self._title_words = {w.casefold() for form in title_forms for w in form.split()}
        self._group_nouns = kb.group_sectors()
        self._offices = {g.noun.casefold(): g.sector for g in kb.groups if g.office}
        self._state_forms: dict[str, str] = {}
        for state in kb.states.values():
            for form in (state.name, *state.names, *state.capitals, *state.places):
                self._state_forms[form.casefold()] = state.code
        self._adjectives = kb.adjective_index()
        # "China's commerce ministry": a KB body written in lower case
        org_forms = {
            form.casefold(): actor_id
            for form, ids in self._alias_index.items()
            for actor_id in ids[:1]
            if self.kb.actors[actor_id].kind == "organization"
        }
        self._bodies = bare_bodies(kb)
        self._epithets = load_epithets()
        self._dictionary = DictionaryNames(
            kb, {*self._title_index, *self._group_nouns, *self._state_forms, *self._adjectives}
        )
        self._known_surnames = KnownSurnames(
            kb,
            self._surnames,
            self._title_index,
            self._title_words,
            self._group_nouns,
            self._dictionary.plain,
        )
        self._channels = NamedChannels(kb, self._known_surnames)
        self._office = Offices(
            self._offices,
            self._group_nouns,
            self._adjectives,
            {*self._surnames, *CHINESE_SURNAMES},
            org_forms,
            lower_only={g.noun.casefold() for g in kb.groups if g.origin == "dictionary"},
        )
        # "Beijing officials", "Karachi police": a capital's or a place's people
        capitals = {c.casefold() for state in kb.states.values() for c in state.capitals}
        places = {c.casefold() for state in kb.states.values() for c in state.places}
        self._groups = GroupsAndStates(self._state_forms, self._office, capitals, places)
        self._new_people = NewPeople(kb, self._alias_index, self._office)
        self._placed = PlacedAgents(self._group_nouns, self._offices, self._adjectives)

    # -- the whole pass ---------------------------------------------------

    def link(self, doc: Doc, published: str | None, today: str) -> LinkResult:
        mentions: dict[int, Linked] = {}  # by start token
        new_actors: dict[str, Actor] = {}
        title_spans = self._title_spans(doc)
        self._full_names(doc, mentions, title_spans)
        self._attach_titles(doc, mentions, title_spans)
        self._then_prefixes(doc, mentions)
        self._bare_title_hints(doc, mentions)
        doc_date = self._document_date(mentions, published, today)
        day = doc_date.end if published else doc_date.start
        self._dictionary.link(doc, mentions, day)
        channels = self._channels.link(doc, mentions, day)
        self._known_surnames.link(doc, mentions, day, title_spans)
        leader_governments(doc, mentions, self.kb, self._group_nouns, day, self._surnames)
        link_bare_bodies(doc, mentions, self._bodies)
        self._bare_titles(doc, mentions, title_spans, day)
        self._counterparts(doc, mentions, day)
        self._groups.link(doc, mentions, new_actors)
        unplaced_bodies(doc, mentions, self.kb)
        for m in bare_administration(doc, mentions):
            mentions[m.start] = m
        self._both_leaders(doc, mentions, day)
        self._mainland(doc, mentions)
        self._new_people.link(doc, mentions, new_actors)
        members_of_bodies(doc, mentions, self._is_body)
        followers(doc, mentions, self._country_of)
        self._placed.link(doc, mentions, new_actors, self._country_of)
        titled_appositions(doc, mentions, self._is_person)
        self._pronouns(doc, mentions)
        self._counterparts(doc, mentions, day)  # again: "He hosted his guest", with "He" known
        self._the_one_named(doc, mentions, day)
        self._the_visiting(doc, mentions, day)
        self._hosts(doc, mentions)
        link_epithets(doc, mentions, self._epithets, self._country_of)
        self._their_governments(doc, mentions, new_actors)
        reported_subjects(doc, mentions, self._is_person, self._group_nouns, self._offices)
        object_pronouns(doc, mentions, self._is_person)
        _two_congos(doc, mentions, new_actors)
        self._owned_councils(doc, mentions)
        self._named_places(doc, mentions)
        ordered = sorted(mentions.values(), key=lambda m: m.start)
        index = {i: m for m in ordered for i in range(m.start, m.end)}
        return LinkResult(ordered, new_actors, doc_date, index, channels)

    def _owned_councils(self, doc: Doc, mentions: dict[int, Linked]) -> None:
        """ "Putin chaired a meeting of his Security Council", "Russia's Security
        Council": a state's own council, not the international body of that name."""
        for start, m in list(mentions.items()):
            actor = self.kb.actors.get(m.actor_id)
            if actor is None or actor.country not in TRANSNATIONAL or start == 0:
                continue
            owner = doc[start - 1]
            if owner.head.i != span_root(doc, m).i and owner.tag_ == "PRP$":
                continue  # "its European Community partners": the partners are its
            if owner.tag_ == "PRP$" or (
                owner.tag_ == "POS" and not self._transnational_before(mentions, start - 1)
            ):
                del mentions[start]

    def _transnational_before(self, mentions: dict[int, Linked], end: int) -> bool:
        """A body of no one state is named right before token ``end`` ("the UN's")."""
        for m in mentions.values():
            actor = self.kb.actors.get(m.actor_id)
            if m.end == end and actor is not None and actor.country in TRANSNATIONAL:
                return True
        return False

    def _named_places(self, doc: Doc, mentions: dict[int, Linked]) -> None:
        """ "Andrews Air Force Base", "Reagan National Airport": a person's name that
        opens the name of a building or base is no one's mention."""
        for ent in doc.ents:
            if ent.label_ != "FAC" or ent[-1].lower_ not in _FACILITY_WORDS:
                continue
            for start in range(ent.start, ent.end):
                m = mentions.get(start)
                if m is not None and m.end < ent.end and self._is_person(m.actor_id):
                    del mentions[start]

    # -- 1. names ---------------------------------------------------------

    def _full_names(self, doc: Doc, mentions: dict[int, Linked], titles: list[Span]) -> None:
        spans = [doc[s:e] for _, s, e in self._names(doc)]
        # "the U.N. secretary-general": the title after the determiner, not "the U.N."
        title_after_the = {t.start - 1 for t in titles}
        for span in _longest(spans):
            if span[0].lower_ == "the" and span.start in title_after_the:
                continue
            ids = self._alias_index.get(span.text, ())
            if not ids:
                continue
            actor_id = ids[0]
            if len(ids) > 1:
                # An alias shared by several actors: keep the one alive in the text later.
                actor_id = self._prefer_mentioned(ids, mentions) or ids[0]
            kind = self.kb.actors[actor_id].kind
            if kind == "state":
                continue  # states are handled with their names and capitals in pass 6
            if kind == "organization" and self._office_after(doc, span):
                continue  # "Chinese military commanders": the country's officers, pass 6
            if span.text in self._surnames and len(span) == 1:
                continue  # a bare surname that is also an alias: pass 4 decides
            end = span.end
            if end < len(doc) and doc[end].text in NAME_SUFFIXES and doc[end].ent_iob_ == "I":
                end += 1  # "Jon M. Huntsman Jr.": the suffix heads the name in the parse
            if (
                kind == "organization"
                and end < len(doc)
                and doc[end].lower_ in _RULE
                and doc[end].dep_ != "compound"
            ):
                end += 1  # "the Taliban administration": the movement that governs
            mentions[span.start] = Linked(span.start, end, actor_id, "name")

    def _office_after(self, doc: Doc, span: Span) -> bool:
        """A body named by a country adjective and its sector word, then an office
        noun: "Chinese military commanders", "U.S. and Chinese military officials"
        are the country's officers, as "Pakistani army commanders" are."""
        after = doc[span.end] if span.end < len(doc) else None
        return (
            after is not None
            and after.is_lower
            and after.lower_ in self._group_nouns
            and span[0].lower_ in self._adjectives
            and span[-1].lower_ in self._group_nouns
        )

    # -- 2. titles ---------------------------------------------------------

    def _title_spans(self, doc: Doc) -> list[Span]:
        spans = [doc[s:e] for _, s, e in self._titles(doc)]
        return _longest(spans)

    def _attach_titles(self, doc: Doc, mentions: dict[int, Linked], titles: list[Span]) -> None:
        for span in titles:
            nxt = mentions.get(span.end)
            if nxt is None:
                continue
            nxt.role_hint = self._title_index[span.text.casefold()]
            prev = doc[span.start - 1] if span.start > 0 else None
            prev2 = doc[span.start - 2] if span.start > 1 else None
            if prev is not None and prev.lower_ in {"then", "then-"}:
                nxt.then = True
            elif prev is not None and prev.text in {"-", "–"} and prev2 is not None:
                nxt.then = prev2.lower_ == "then"
            elif prev is not None and prev.lower_ in _FORMER_WORDS:
                nxt.then = True
            nxt.how = "then-title" if nxt.then else "title+name"

    def _bare_title_hints(self, doc: Doc, mentions: dict[int, Linked]) -> None:
        """A title every country shares before a KB person's name ("Foreign Minister
        Eduard Shevardnadze", "Prime Minister Rajiv Gandhi"): the office of that name
        the person held, when they held one, as a title pattern would give it; an
        undated text is then dated by it (``_document_date``)."""
        for m in mentions.values():
            actor = self.kb.actors.get(m.actor_id)
            if m.role_hint or actor is None or actor.kind != "person" or m.start == 0:
                continue
            words: list[str] = []
            i = m.start - 1
            while i >= 0 and len(words) < 4 and _TITLE_CASE.match(doc[i].text):
                words.insert(0, doc[i].lower_)
                i -= 1
            if not words:
                continue
            office = "_".join(words).replace("-", "_").replace("defence", "defense")
            held = {
                r.position
                for r in actor.roles
                if r.position
                and r.position.split(".", 1)[1].replace("defence", "defense").endswith(office)
            }
            if len(held) == 1:
                m.role_hint = held.pop()

    def _then_prefixes(self, doc: Doc, mentions: dict[int, Linked]) -> None:
        """ "then-Ambassador Cui Tiankai", "then-Vice President Biden": a past title."""
        for m in mentions.values():
            i = m.start - 1
            while i >= 0 and _TITLE_CASE.match(doc[i].text) and doc[i].lower_ != "then":
                i -= 1
            if i >= 1 and i < m.start - 1 and doc[i].text in {"-", "–"}:
                i -= 1
            if i >= 0 and i < m.start - 1 and doc[i].lower_ in {"then", "then-"}:
                m.then = True
                m.how = "then-title"

    def _document_date(
        self, mentions: dict[int, Linked], published: str | None, today: str
    ) -> DateInterval:
        """The publication date, or when unknown the window in which every present title held."""
        if published:
            return DateInterval(published, published, "day")
        terms: list[list[tuple[str, str]]] = []  # each titled mention's terms of office
        for m in mentions.values():
            if not m.role_hint or m.then:
                continue
            actor = self.kb.actors.get(m.actor_id)
            if actor is None:
                continue
            held = [
                (r.start or "", r.end or today)
                for r in actor.roles
                if r.position == m.role_hint and r.start
            ]
            if held:
                terms.append(sorted(held, reverse=True))  # the latest term first
        # the latest window in which one term of each title overlaps ("Foreign Minister
        # Shevardnadze" of 1985–1991, not of his month in 1991, beside Secretary Shultz)
        for chosen in itertools.islice(itertools.product(*terms), 64) if terms else ():
            start = max(t[0] for t in chosen)
            end = min(t[1] for t in chosen)
            if start <= end:
                return DateInterval(start, end, "inferred", "titles held when written")
        return DateInterval(None, None, "unknown")

    # -- 5. bare titles ----------------------------------------------------

    def _bare_titles(
        self, doc: Doc, mentions: dict[int, Linked], titles: list[Span], day: str | None
    ) -> None:
        if day is None:
            return
        covered = {i for m in mentions.values() for i in range(m.start, m.end)}
        for span in titles:
            bodies = self._bodies_inside(span, mentions)
            if span.end in mentions or (
                bodies is None and any(i in covered for i in range(span.start, span.end))
            ):
                continue
            nxt = doc[span.end] if span.end < len(doc) else None
            if nxt is not None and (nxt.pos_ == "PROPN" or nxt.ent_type_ == "PERSON"):
                continue  # title before a name the KB does not know
            if (
                nxt is not None
                and nxt.text == ","
                and _person_after(doc, span.end + 1)
                and span.end + 1 not in mentions
            ):
                continue  # "the Japanese prime minister, Taro Aso,": a name the KB does not know
            if nxt is not None and nxt.lower_ in {"to", "in"} and span[-1].lower_ in _POSTED:
                continue  # "the Chinese ambassador to Japan": another posting
            prev = doc[span.start - 1] if span.start > 0 else None
            # "the Treasury secretary", "China's vice premier": a determiner or a
            # country word before the title, or inside it ("met China's vice premier"
            # matches the whole pattern "China's Vice Premier")
            determined = (
                prev is not None
                and (prev.lower_ in {"the", "'s", "’s"} or prev.lower_ in self._adjectives)
            ) or any(
                t.lower_ in {"'s", "’s"} or (t.lower_ in self._adjectives and t.text[:1].isupper())
                for t in span[:3]
            )
            if not determined or _former_before(doc, span.start):
                continue
            key = self._title_index[span.text.casefold()]
            owner = self._groups.country_before(doc, span.start)
            if owner and owner != self.kb.positions[key].country:
                continue  # "Taiwan's Vice Foreign Minister" is not China's
            if self._of_another(doc, mentions, span.end, self.kb.positions[key].country):
                continue  # "the premier of Ontario" is not China's premier
            holders = self.kb.holders(key, day)
            if len(holders) == 1:
                for m in bodies or ():
                    del mentions[m.start]  # "the Pentagon chief": the holder, not the body
                mentions[span.start] = Linked(span.start, span.end, holders[0].actor_id, "title")

    def _of_another(self, doc: Doc, mentions: dict[int, Linked], end: int, country: str) -> bool:
        """A title followed by "of" and a name that is not of ``country``'s."""
        if end >= len(doc) or doc[end].lower_ != "of":
            return False
        k = end + 1 + (end + 1 < len(doc) and doc[end + 1].lower_ == "the")
        if k >= len(doc) or not doc[k].text[:1].isupper():
            return False
        named = mentions.get(k)
        return named is None or self._country_of(named.actor_id) != country

    def _bodies_inside(self, span: Span, mentions: dict[int, Linked]) -> list[Linked] | None:
        """KB bodies named inside a title ("Pentagon" in "the Pentagon chief"), if only those."""
        inside = [m for m in mentions.values() if m.start < span.end and m.end > span.start]
        if not inside or any(
            m.start < span.start
            or m.end > span.end
            or m.actor_id not in self.kb.actors
            or self.kb.actors[m.actor_id].kind != "organization"
            for m in inside
        ):
            return None
        return inside

    def _counterparts(self, doc: Doc, mentions: dict[int, Linked], day: str | None) -> None:
        """ "Biden met his Chinese counterpart": the opposite number of the one named before.

        "his/her [country] counterpart", in the singular, after a KB person named
        earlier in the sentence (the subject of its own clause first): who held, that
        day, an opposite number of that person's post (of the country, when one is
        written), when exactly one did. Failing that, and for "his guest", "her
        visitor" and "his host", the last person of another state (of the country
        written) named in this sentence or the four before.
        """
        if day is None:
            return
        for tok in doc:
            if tok.lower_ not in _OPPOSITES or tok.i in mentions:
                continue
            start = tok.i
            code = ""
            if start > 0 and doc[start - 1].lower_ in self._adjectives:
                start -= 1
                code = self._adjectives[doc[start].lower_]
            if start == 0 or doc[start - 1].lower_ not in {"his", "her"}:
                continue
            start -= 1
            before = [
                m
                for i, m in sorted(mentions.items())
                if tok.sent.start <= i < start and m.actor_id in self.kb.actors
            ]
            people = [m for m in before if self.kb.actors[m.actor_id].kind == "person"]
            if not people or any(i in mentions for i in range(start, tok.i + 1)):
                continue
            named = _clause_subject(tok, people) or (
                people[0] if _is_subject(doc[people[0].start : people[0].end]) else people[-1]
            )
            found: list[str] = []
            if tok.lower_ == "counterpart":
                found = [
                    a.actor_id
                    for a in self.kb.counterparts_of(named.actor_id, day)
                    if not code or a.country == code
                ]
                if not code:
                    # of a state the text names: Trump's counterpart at a summit with Kim
                    # is Kim, though the KB's opposite number of a president is China's
                    reach = sentences_back(doc, start, 4)
                    codes = {
                        self._country_of(m.actor_id) for i, m in mentions.items() if i >= reach
                    }
                    found = [a for a in found if self._country_of(a) in codes]
            if not found:
                found = self._other_side(doc, mentions, named.actor_id, start, code)
            if len(set(found)) == 1:
                mentions[start] = Linked(start, tok.i + 1, found[0], "counterpart")

    def _other_side(
        self, doc: Doc, mentions: dict[int, Linked], owner: str, before: int, code: str
    ) -> list[str]:
        """The last person named before ``before`` (this sentence or the four before) of a
        state other than the owner's, and of ``code`` when given."""
        own = self._country_of(owner)
        if not own:
            return []
        for m in self._people_back(doc, mentions, before, 4):
            country = self._country_of(m.actor_id)
            if country and country != own and (not code or country == code):
                return [m.actor_id]
        return []

    def _people_back(
        self, doc: Doc, mentions: dict[int, Linked], before: int, back: int
    ) -> Iterator[Linked]:
        """The people named before token ``before``, the nearest first, in its sentence
        or the ``back`` sentences before it."""
        for m in self._mentions_back(doc, mentions, before, back):
            if self._is_person(m.actor_id):
                yield m

    # -- 6. groups and states (``nlp/groups.py``), the two leaders -----------

    def _both_leaders(self, doc: Doc, mentions: dict[int, Linked], day: str | None) -> None:
        """ "the two leaders": each side's leader that day; "the two sides": each side's
        state (with no day, only states and the people named before)."""
        run_sides = self.kb.default_sides()
        named_at: list[tuple[int, str]] | None = None  # read once, where first asked

        def sides_before(i: int) -> tuple[str, str] | None:
            nonlocal named_at
            if named_at is None:
                named_at = self._countries_named(doc, mentions)
            return _text_sides(named_at, i, run_sides)

        words = [t.lower_ for t in doc]  # read once: most words are none of these
        for i in range(1, len(doc) - 1):
            if (
                words[i] in {"two", "pair"}
                and words[i - 1] == "the"
                and doc[i].dep_ in {"nsubj", "nsubjpass"}
            ):
                # "The two agreed to set up a working group", "the pair agreed": the
                # last two people named
                pair = self._last_two_people(doc, mentions, i - 1)
                if pair is not None and i - 1 not in mentions and i not in mentions:
                    mentions[i - 1] = Linked(i - 1, i, pair[0], "leaders")
                    mentions[i] = Linked(i, i + 1, pair[1], "leaders")
        for i in range(1, len(doc)):
            if words[i - 1] == "each" and words[i] in _ONE_OF_TWO and i not in mentions:
                # "each side blamed the other": one side, and the other after it
                other = _the_other(doc[i])
                sides = sides_before(i - 1) if other is not None else None
                if other is not None and sides is not None and other.i not in mentions:
                    mentions[i] = Linked(i, i + 1, f"state:{sides[0]}", "leaders")
                    mentions[other.i] = Linked(other.i, other.i + 1, f"state:{sides[1]}", "leaders")
                continue
            if words[i] in _PAIRED_STATES and words[i - 1] not in {"two", "both"}:
                # "the world's two largest economies", "the two nuclear-armed neighbours"
                two = _two_before(doc, i)
                if two is None or {two, i} & set(mentions):
                    continue
                if named_at is None:
                    named_at = self._countries_named(doc, mentions)
                sides = _epithet_sides(named_at, words[i], run_sides)
                if sides is not None:
                    _both_states(doc, two, i, sides, mentions, self._group_nouns)
                continue
            if words[i - 1] not in {"two", "both"}:
                if day is not None and i >= 2 and words[i - 2] in {"two", "both"}:
                    # "the two defence ministers" (the sides are read only where asked)
                    sides = sides_before(i - 2)
                    if sides is not None:
                        self._both_holders(doc, doc[i], mentions, sides, day)
                if day is not None and "and" in words[max(i - 3, 0) : i - 1]:
                    # "the US and Chinese leaders"
                    self._named_holders(doc, doc[i], mentions, day)
                continue
            tok, prev = doc[i], doc[i - 1]
            if prev.i in mentions or tok.i in mentions:
                continue
            if tok.lower_ == "koreas":  # "the two Koreas agreed": the South and the North
                mentions[prev.i] = Linked(prev.i, prev.i + 1, "state:KOR", "leaders")
                mentions[tok.i] = Linked(tok.i, tok.i + 1, "state:PRK", "leaders")
                continue
            sides = sides_before(prev.i)
            if sides is None and tok.lower_ in _PAIRED_PEOPLE:
                # "Zelensky and Trump were in Rome for the funeral of Pope Francis. The
                # two men spoke": the two just named, whatever other states the text names
                pair = self._last_two_people(doc, mentions, prev.i)
                if pair is not None:
                    mentions[prev.i] = Linked(prev.i, prev.i + 1, pair[0], "leaders")
                    mentions[tok.i] = Linked(tok.i, tok.i + 1, pair[1], "leaders")
                continue
            if sides is None:
                continue  # "both countries" of a text about others, which ones it cannot tell
            if tok.lower_ in {"leaders", "presidents"}:
                leaders = self._leaders(sides, day) if day is not None else None
                if leaders is None:
                    continue  # a side with no one leading that day
                ids = leaders
            elif tok.lower_ in _PAIRED_STATES:
                # "the two sides agreed": the two states the run compares
                _both_states(doc, prev.i, tok.i, sides, mentions, self._group_nouns)
                continue
            elif tok.lower_ in _PAIRED_FORCES and not any(c.dep_ == "case" for c in tok.children):
                # "after the two militaries cut contact", "the two navies practised":
                # each side's military (not "the two militaries' chiefs", who are people)
                ids = (f"group:{sides[0]}:military", f"group:{sides[1]}:military")
            else:
                # "the two ambassadors": each side's holder of the office that day;
                # "the two men": the last two people named, one of each side
                held = self.kb.pair_holders(tok.lower_, sides, day) if day is not None else None
                if held is None and tok.lower_ in _PAIRED_PEOPLE:
                    held = self._last_two_people(doc, mentions, prev.i)
                if held is None:
                    continue
                ids = held
            mentions[prev.i] = Linked(prev.i, prev.i + 1, ids[0], "leaders")
            mentions[tok.i] = Linked(tok.i, tok.i + 1, ids[1], "leaders")

    def _last_two_people(
        self, doc: Doc, mentions: dict[int, Linked], before: int
    ) -> tuple[str, str] | None:
        """The last two people named before ``before``, in this sentence or the two
        before it, when they are of two different states: "Rubio met Wang Yi. The two
        men discussed fentanyl." """
        people: list[str] = []
        for m in self._people_back(doc, mentions, before, 2):
            head = span_root(doc, m)
            if head.dep_ == "pobj" and head.head.lower_ == "of":
                continue  # "in Rome for the funeral of Pope Francis": not one of the two
            if m.actor_id not in people:
                people.append(m.actor_id)
            if len(people) == 2:
                break
        if len(people) != 2:
            return None
        countries = [self._country_of(p) for p in people]
        if not all(countries) or countries[0] == countries[1]:
            return None
        return people[1], people[0]

    def _the_one_named(self, doc: Doc, mentions: dict[int, Linked], day: str | None) -> None:
        """ "the Chinese minister", "the American envoy" after a person of that state
        holding such an office was named, in this sentence or the four before: that
        person, not the state's government."""
        if day is None:
            return
        for i, m in sorted(mentions.items()):
            if not (m.how == "office" and m.actor_id.startswith("group:") and i > 0):
                continue
            noun = doc[m.end - 1]
            if doc[i - 1].lower_ != "the" or noun.tag_ != "NN":
                continue
            code = m.actor_id.split(":")[1]
            for earlier in self._people_back(doc, mentions, i, 4):
                actor = self.kb.actors.get(earlier.actor_id)
                if actor is None or actor.country != code:
                    continue
                roles = actor.roles_on(day)
                if any(noun.lower_ in r.title.casefold() for r in roles) or (
                    noun.lower_ == "leader" and any(r.leader for r in roles)
                ):
                    mentions[i] = Linked(m.start, m.end, earlier.actor_id, "described")
                break  # only the nearest person of that state

    def _mainland(self, doc: Doc, mentions: dict[int, Linked]) -> None:
        """ "The mainland condemned Taipei's talks", "mainland authorities": China, in a
        text that names Taiwan, Hong Kong, Macau or China (not "the Greek mainland",
        "mainland Europe")."""
        found = [t for t in doc if t.lower_ == "mainland" and t.i not in mentions]
        if not found or not {self._country_of(m.actor_id) for m in mentions.values()} & (
            _CROSS_STRAIT
        ):
            return
        for tok in found:
            after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
            if after is not None and after.pos_ == "PROPN":
                continue  # "mainland China" is China's name; "mainland Europe" no state
            if after is not None and after.lower_ in self._group_nouns and after.is_lower:
                # "mainland authorities", "mainland officials"
                actor_id = f"group:CHN:{after.lower_}"
                mentions[tok.i] = Linked(tok.i, tok.i + 2, actor_id, "group")
            elif tok.i > 0 and doc[tok.i - 1].lower_ == "the" and tok.dep_ in _PARTY_DEPS:
                mentions[tok.i - 1] = Linked(tok.i - 1, tok.i + 1, "state:CHN", "state")

    def _the_visiting(self, doc: Doc, mentions: dict[int, Linked], day: str | None) -> None:
        """ "Blinken flew to Beijing. The visiting secretary of state met Xi": the
        person of that office, or the delegation, named in this sentence or the two
        before."""
        for tok in doc:
            if tok.lower_ != "visiting" or tok.i == 0 or doc[tok.i - 1].lower_ != "the":
                continue
            noun = tok.head
            if noun.i <= tok.i or noun.pos_ != "NOUN" or noun.i - tok.i > 3:
                continue
            end = noun.i + 1
            if end + 1 < len(doc) and doc[end].lower_ == "of" and doc[end + 1].pos_ == "NOUN":
                end += 2  # "the visiting secretary of state"
            if any(i in mentions for i in range(tok.i - 1, end)):
                continue
            office = doc[tok.i + 1 : end].text.casefold()
            for m in self._mentions_back(doc, mentions, tok.i, 2):
                if m.actor_id.startswith("group:") and m.actor_id.endswith(f":{noun.lower_}"):
                    found = m.actor_id  # "a Chinese delegation … the visiting delegation"
                elif self._is_person(m.actor_id) and self._holds(m.actor_id, office, day):
                    found = m.actor_id
                else:
                    continue
                mentions[tok.i - 1] = Linked(tok.i - 1, end, found, "described")
                break

    def _holds(self, person: str, office: str, day: str | None) -> bool:
        """The person held an office of that title (that day, when the text has one)."""
        actor = self.kb.actors.get(person)
        if actor is None:
            return False
        roles = actor.roles_on(day) if day is not None else actor.roles
        return any(office in r.title.casefold() for r in roles)

    def _mentions_back(
        self, doc: Doc, mentions: dict[int, Linked], before: int, back: int
    ) -> Iterator[Linked]:
        """The mentions before token ``before``, the nearest first, in its sentence or
        the ``back`` sentences before it."""
        reach = sentences_back(doc, before, back)
        for i in sorted(mentions, reverse=True):
            if reach <= i < before:
                yield mentions[i]

    def _hosts(self, doc: Doc, mentions: dict[int, Linked]) -> None:
        """ "Wang Yi arrived in Washington. His hosts pressed him": the government of
        the state the one last named went to, in this sentence or the two before."""
        for tok in doc:
            if tok.lower_ != "hosts" or tok.i == 0 or tok.i in mentions:
                continue
            owner = doc[tok.i - 1]
            if owner.lower_ not in {"his", "her", "their"} or owner.i in mentions:
                continue
            back = list(self._mentions_back(doc, mentions, owner.i, 2))
            visitor = next((m for m in back if self._is_person(m.actor_id)), None)
            own = self._country_of(visitor.actor_id) if visitor is not None else ""
            visited = [
                code
                for m in back
                if (code := self._country_of(m.actor_id))
                and code != own
                and m.actor_id.startswith("state:")
                and _went_to(span_root(doc, m))
            ]
            if own and visited:
                actor_id = f"group:{visited[0]}:government"
                mentions[owner.i] = Linked(owner.i, tok.i + 1, actor_id, "counterpart")

    def _countries_named(self, doc: Doc, mentions: dict[int, Linked]) -> list[tuple[int, str]]:
        """Where the text names a state as a party, not a place ("met in Hanoi")."""
        found: list[tuple[int, str]] = []
        for i in sorted(mentions):
            m = mentions[i]
            code = self._country_of(m.actor_id)
            if not code:
                continue
            head = span_root(doc, m)
            if not (is_place(head, m) or in_dateline(head)):
                found.append((i, code))
        return found

    def _country_of(self, actor_id: str) -> str:
        """The state a mention's actor belongs to ("" for a body of no one state)."""
        return state_of(actor_id, self.kb)

    def _both_holders(
        self, doc: Doc, tok: Token, mentions: dict[int, Linked], sides: tuple[str, str], day: str
    ) -> None:
        """ "the two defence ministers": each side's holder of the office that day
        (``pairs`` in positions.yaml)."""
        if tok.i < 2 or doc[tok.i - 2].lower_ not in {"two", "both"}:
            return
        two, office = doc[tok.i - 2], doc[tok.i - 1]
        if any(i in mentions for i in (two.i, office.i, tok.i)):
            return
        ids = self.kb.pair_holders(f"{office.lower_} {tok.lower_}", sides, day)
        if ids is not None:
            mentions[two.i] = Linked(two.i, two.i + 1, ids[0], "leaders")
            mentions[tok.i] = Linked(tok.i, tok.i + 1, ids[1], "leaders")

    def _leaders(self, sides: tuple[str, str], day: str) -> tuple[str, str] | None:
        first, second = (self.kb.leader_of(side, day) for side in sides)
        if first is None or second is None:
            return None
        return first.actor_id, second.actor_id

    def _named_holders(self, doc: Doc, tok: Token, mentions: dict[int, Linked], day: str) -> None:
        """ "the Chinese and American defence chiefs", "the US and Chinese leaders":
        each named country's holder of the office that day."""
        for width in (2, 1):
            start = tok.i - width + 1
            second = start - 1
            first = second - 2
            if first < 0 or doc[second - 1].lower_ != "and":
                continue
            sides = (self._country_word(doc[first]), self._country_word(doc[second]))
            if sides[0] is None or sides[1] is None or sides[0] == sides[1]:
                continue
            pair = (sides[0], sides[1])
            inside = [m for m in mentions.values() if m.end > first and m.start <= tok.i]
            if any(
                m.start < first
                or m.end > tok.i + 1
                or not m.actor_id.startswith(("state:", "group:"))
                for m in inside
            ):
                return  # a name already read there, or a phrase reaching outside it
            phrase = doc[start : tok.i + 1].text.casefold()
            words = (doc[first], doc[second])
            ids = self._holders_named(phrase, pair, words, day)
            if ids is None:
                continue
            if ids != self._holders_named(phrase, pair, words, _days_before(day, _SETTLED_DAYS)):
                # an office that changed hands in the days before the article: the
                # event told may be the former holder's ("signed on Friday" by the
                # Mexican leader of the day before)
                return
            for m in inside:  # each country's group or state gives way to its holder
                del mentions[m.start]
            mentions[first] = Linked(first, first + 1, ids[0], "leaders")
            mentions[second] = Linked(second, tok.i + 1, ids[1], "leaders")
            return

    def _holders_named(
        self, phrase: str, pair: tuple[str, str], words: tuple[Token, Token], day: str
    ) -> tuple[str, str] | None:
        if phrase in {"leaders", "presidents"}:
            return self._leaders(pair, day)
        return self.kb.pair_holders(phrase, pair, day) or self._titled_pair(words, phrase, day)

    def _titled_pair(
        self, words: tuple[Token, Token], phrase: str, day: str
    ) -> tuple[str, str] | None:
        """ "the Indian and Pakistani foreign ministers": the one holder on ``day`` of
        each title the country word makes with the phrase in the singular."""
        singular = phrase[:-3] + "y" if phrase.endswith("ies") else phrase.removesuffix("s")
        ids: list[str] = []
        for word in words:
            key = self._title_index.get(f"{word.text.casefold()} {singular}")
            held = {a.actor_id for a in self.kb.holders(key, day)} if key else set()
            if len(held) != 1:
                return None
            ids.append(held.pop())
        return ids[0], ids[1]

    def _country_word(self, tok: Token) -> str | None:
        """The state a country adjective or name stands for ("Chinese", "U.S.")."""
        word = tok.text.casefold()
        return self._adjectives.get(word) or self._state_forms.get(word)

    # -- 7. people the KB does not know -------------------------------------

    # -- 8. pronouns ---------------------------------------------------------

    def _pronouns(self, doc: Doc, mentions: dict[int, Linked]) -> None:
        persons = sorted(
            (m for m in mentions.values() if not m.actor_id.startswith(("group:", "state:"))),
            key=lambda m: m.start,
        )
        for tok in doc:
            if tok.lower_ not in PRONOUNS or tok.dep_ not in {"nsubj", "nsubjpass"}:
                continue
            if any(m.start <= tok.i < m.end for m in mentions.values()):
                continue  # part of a name already linked ("Liu He")
            earlier = [m for m in persons if m.end <= tok.i and self._is_person(m.actor_id)]
            if not earlier:
                continue
            sent_start = tok.sent.start
            previous_sentence_start = sentences_back(doc, tok.i, 1)
            candidate = earlier[-1]
            if candidate.start < previous_sentence_start:
                continue  # too far back to be safe
            if candidate.start < sent_start:
                # no one named before it in its own sentence: the subject of the one
                # before ("Blinken met Wang. Later he was received by Xi": Blinken)
                subjects = [m for m in earlier if m.start >= previous_sentence_start]
                subjects = [m for m in subjects if _is_subject(doc[m.start : m.end])]
                if subjects:
                    candidate = subjects[0]
            mentions[tok.i] = Linked(tok.i, tok.i + 1, candidate.actor_id, "pronoun")

    def _their_governments(
        self, doc: Doc, mentions: dict[int, Linked], new_actors: dict[str, Actor]
    ) -> None:
        """ "Rabin said his government was willing …": the government of the country of
        the person last named in the sentence ("his country": the state)."""
        covered = {i for m in mentions.values() for i in range(m.start, m.end)}
        for tok in doc:
            if tok.lower_ not in {"government", "administration", "country"} or tok.i in covered:
                continue
            owner = next((c for c in tok.children if c.dep_ == "poss"), None)
            if owner is None or owner.lower_ not in {"his", "her"} or owner.i + 1 != tok.i:
                continue
            named = [
                m
                for m in mentions.values()
                if tok.sent.start <= m.start < owner.i and self._is_person(m.actor_id)
            ]
            if not named:
                continue
            person = max(named, key=lambda m: m.start).actor_id
            actor = self.kb.actors.get(person) or new_actors.get(person)
            if actor is None or not actor.country or actor.country not in self.kb.states:
                continue
            if tok.lower_ == "country":
                mentions[owner.i] = Linked(owner.i, tok.i + 1, f"state:{actor.country}", "pronoun")
            else:
                group = f"group:{actor.country}:government"
                mentions[owner.i] = Linked(owner.i, tok.i + 1, group, "pronoun", "government")

    def _is_body(self, actor_id: str, members: str) -> bool:
        """A KB organisation for whom ``members`` act ("Hamas militants"); the members
        of a body of many states are those states ("WTO members")."""
        actor = self.kb.actors.get(actor_id)
        if actor is None or actor.kind != "organization":
            return False
        return not (members in {"members", "representatives"} and actor.country in TRANSNATIONAL)

    def _is_person(self, actor_id: str) -> bool:
        if actor_id.startswith("new:"):
            return True
        actor = self.kb.actors.get(actor_id)
        return actor is not None and actor.kind == "person"

    @staticmethod
    def _prefer_mentioned(ids: Iterable[str], mentions: dict[int, Linked]) -> str | None:
        seen = {m.actor_id for m in mentions.values()}
        for actor_id in ids:
            if actor_id in seen:
                return actor_id
        return None


# Nouns after a movement's name for it as the power that governs
_RULE = frozenset({"administration", "government", "regime", "authorities", "leadership"})


def _text_sides(
    named_at: list[tuple[int, str]], before: int, run_sides: tuple[str, str]
) -> tuple[str, str] | None:
    """Which two countries "the two sides" of the text before ``before`` are (of the
    text after it when none is named before): the run's two when the text names both
    or no other country, else the only two it names ("Indian and Chinese troops
    pulled back, officials from both sides said"); None when it names others and more
    than two. ``named_at`` is ``_countries_named``'s."""
    named: list[str] = []
    for start, code in named_at:
        if start >= before:
            break
        if code not in named:
            named.append(code)
    if not named:
        # "Each side accused the other, India and Pakistan said": named after
        named = list(dict.fromkeys(code for _, code in named_at))
    if set(named) <= set(run_sides) or set(run_sides) <= set(named):
        return run_sides
    return (named[0], named[1]) if len(named) == 2 else None


# the words that make "Congo" the Democratic Republic in any text
_DEMOCRATIC_CONGO = frozenset({"democratic", "dr", "drc", "d.r.c.", "kinshasa", "zaire"})


def _two_congos(doc: Doc, mentions: dict[int, Linked], new_actors: dict[str, Actor]) -> None:
    """A bare "Congo" or "Congolese" is the Democratic Republic (the states file says
    so) unless the text names the Republic of the Congo: there it may be either, and
    is left unlinked, with the group actors only it named."""
    if not any(":COG" in m.actor_id for m in mentions.values()):
        return
    for start, m in list(mentions.items()):
        words = {t.lower_ for t in doc[m.start : m.end]}
        if (
            ":COD" in m.actor_id
            and words & {"congo", "congolese"}
            and not (words & _DEMOCRATIC_CONGO)
        ):
            del mentions[start]
    named = {m.actor_id for m in mentions.values()}
    for actor_id in [a for a in new_actors if ":COD" in a and a not in named]:
        del new_actors[actor_id]


def _person_after(doc: Doc, i: int) -> bool:
    """A person's name starts at ``i``."""
    return i < len(doc) and doc[i].ent_type_ == "PERSON" and doc[i].ent_iob_ == "B"


def _hyphen_variants(name: str) -> set[str]:
    """A hyphenated given name's other spellings: "Jae-in" as "Jae In" and "Jae-In"."""
    if not re.search(r"[a-z]-[a-z]", name):
        return set()
    capital = re.sub(r"(?<=[a-z])-([a-z])", lambda m: "-" + m.group(1).upper(), name)
    return {capital, capital.replace("-", " ")}


# "his counterpart", "her guest", "his hosts": the one on the other side
_OPPOSITES = frozenset({"counterpart", "guest", "visitor", "host", "hosts"})


def _clause_subject(noun: Token, people: list[Linked]) -> Linked | None:
    """The person among ``people`` who is the subject of the clause ``noun`` is in:
    "Donilon said Obama had told his counterpart …" (Obama, not Donilon)."""
    verb = noun.head
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
        verb = verb.head
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    for person in people:
        if any(s.left_edge.i <= person.start <= s.right_edge.i for s in subjects):
            return person
    return None


# Plural nouns for two people of two sides named before: "the two men met again".
_PAIRED_PEOPLE = frozenset(
    {"men", "women", "ministers", "diplomats", "envoys", "officials", "negotiators"}
)
# Plural nouns for two states named before, or the run's two: "the two sides", "both
# countries", "the two superpowers", "the world's two largest economies"
_PAIRED_STATES = frozenset(
    {"sides", "countries", "governments", "nations", "states", "capitals", "superpowers"}
    | {"powers", "economies", "rivals", "neighbours", "neighbors", "giants", "adversaries"}
)


# Of those, the ones that name the United States and China when the text names no
# other state: "the two superpowers", "the world's two largest economies"
_RUN_PAIR_EPITHETS = frozenset({"superpowers", "economies"})


def _epithet_sides(
    named_at: list[tuple[int, str]], noun: str, run_sides: tuple[str, str]
) -> tuple[str, str] | None:
    """Which two states "the two nuclear-armed neighbours" are: the two the text
    names, before or after; the run's two for "the two superpowers" where the text
    names only them or none."""
    named = list(dict.fromkeys(code for _, code in named_at))
    if len(named) == 2:
        return named[0], named[1]
    if noun in _RUN_PAIR_EPITHETS and set(named) <= set(run_sides):
        return run_sides
    return None


# Where "the mainland" is China: texts about Taiwan, Hong Kong, Macau or China itself
_CROSS_STRAIT = frozenset({"TWN", "HKG", "MAC", "CHN"})
# "the mainland" as a party: a subject or object, not a place ("on the mainland")
_PARTY_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "conj", "poss"})


def _went_to(place: Token) -> bool:
    """``place`` is where someone went: "arrived in Washington", "flew to Beijing"."""
    return place.dep_ == "pobj" and place.head.lower_ in {"in", "to", "into"}


# Plural nouns for the two sides' armed forces: "the two navies held drills"
_PAIRED_FORCES = frozenset({"militaries", "armies", "navies", "forces"})
# "each side", "each country", "each government"
_ONE_OF_TWO = frozenset({"side", "country", "government", "nation", "capital"})


def _the_other(one: Token) -> Token | None:
    """ "the other" in the clause whose subject is ``one`` ("each side blamed the
    other", "each country accused the other of …"), or None."""
    if one.dep_ not in {"nsubj", "nsubjpass"}:
        return None
    for tok in one.head.subtree:
        if tok.i > one.i and tok.lower_ == "other" and tok.doc[tok.i - 1].lower_ == "the":
            return tok
    return None


def _two_before(doc: Doc, noun: int) -> int | None:
    """The "two" or "both" before ``noun`` with only modifiers between ("the two
    nuclear-armed neighbours", "the world's two largest economies"), or None."""
    i = noun - 1
    while i > 0 and noun - i <= 4 and doc[i].pos_ in {"ADJ", "ADV", "PUNCT", "NOUN"}:
        if doc[i].pos_ == "NOUN" and doc[i].lower_ != "nuclear":
            # a noun between makes another thing ("two trade deals"); "nuclear" in
            # "nuclear-armed" is read as one
            return None
        i -= 1
    return i if doc[i].lower_ in {"two", "both"} and i < noun - 1 else None


def _both_states(
    doc: Doc,
    two: int,
    noun: int,
    sides: tuple[str, str],
    mentions: dict[int, Linked],
    group_nouns: Mapping[str, str],
) -> None:
    """Link "two" … ``noun`` ("the two sides", "the world's two largest economies")
    to the two states; "officials from both countries" to each state's officials, the
    second standing where the first does (as "envoys from Chile and Peru")."""
    group = _group_from_both(doc[noun], group_nouns)
    if group is None:
        mentions[two] = Linked(two, two + 1, f"state:{sides[0]}", "leaders")
        mentions[noun] = Linked(noun, noun + 1, f"state:{sides[1]}", "leaders")
        return
    name = group.lower_
    mentions[group.i] = Linked(group.i, group.i + 1, f"group:{sides[0]}:{name}", "group")
    mentions[noun] = Linked(noun, noun + 1, f"group:{sides[1]}:{name}", "coordinated")


def _group_from_both(noun: Token, group_nouns: Mapping[str, str]) -> Token | None:
    """The government group noun whose "from", "for" or "of" phrase "both countries" is
    ("officials from both countries", "negotiators for the two sides"), or None."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in {"from", "for", "of"} or prep.head.i != prep.i - 1:
        return None  # also "negotiators for the two sides", "the leaders of both countries"
    group = prep.head
    return group if group_nouns.get(group.lower_) == "government" else None


def _is_subject(span: Span) -> bool:
    """The span is its clause's subject, or the first of coordinated subjects."""
    return any(t.dep_ in {"nsubj", "nsubjpass"} for t in span)


def _former_before(doc: Doc, start: int) -> bool:
    """ "a former Pakistani prime minister": not the holder of the day. ("the first visit
    by a US national security adviser since 2016" is the one who made it.)"""
    i = start - 1
    while i >= 0 and (doc[i].lower_ in _FORMER_WORDS or doc[i].pos_ == "ADJ"):
        if doc[i].lower_ in _FORMER_WORDS:
            return True
        i -= 1
    return False


_FORMER_WORDS = frozenset({"former", "ex", "ex-", "retired", "late", "onetime", "one-time"})


def _title_variants(pattern: str) -> set[str]:
    """A title pattern with its country written as a possessive, in both spellings.

    "US Defense Secretary" is also "America's Defense Secretary" and "US Defence
    Secretary"; "Chinese Ambassador" is also "Beijing's Ambassador"; a possessive
    is also written with the typographic apostrophe ("China’s leader").
    """
    forms = {pattern}
    for prefix, possessives in _POSSESSIVES.items():
        if pattern.startswith(prefix):
            rest = pattern[len(prefix) :]
            forms.update(f"{p} {rest}" for p in possessives)
    spelled = {f.replace("Defense", "Defence") for f in forms}
    spelled |= {f.replace("Defence", "Defense") for f in forms}
    forms |= spelled
    return forms | {f.replace("'s ", "’s ") for f in forms}


# the last word of a title that names one posting among several
_POSTED = frozenset({"ambassador", "envoy"})
_POSSESSIVES = {
    "US ": ("America's", "America’s"),
    "Chinese ": ("Beijing's", "Beijing’s"),
}


def _longest(spans: list[Span]) -> list[Span]:
    from spacy.util import filter_spans

    return list(filter_spans(spans))


# Days before an article in which an office that changed hands leaves "the Mexican
# leader" of the article's events unsure: news tells the past week's events
_SETTLED_DAYS = 7


def _days_before(day: str, days: int) -> str:
    return (date.fromisoformat(day) - timedelta(days=days)).isoformat()
