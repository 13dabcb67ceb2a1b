"""Offices, bodies and titled people the knowledge base does not know.

CAMEO and PLOVER code an unnamed agent by its country and sector: "a Russian
official" is Russia's government, "Kenyan police" Kenya's police, "Taiwan's
Vice Foreign Minister" Taiwan's government. ``Offices`` links such phrases to
the country's actor of that sector (``group:RUS:government``) and turns a
titled name the KB does not know ("Zimbabwean Prime Minister Robert Mugabe",
"Defence Minister Pierre Joxe") into a new person with that country and
sector. The office nouns are the ``office: true`` entries of ``kb/groups.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping

from spacy.tokens import Doc, Span

from backchannel.model import Actor, Role
from backchannel.nlp.mentions import (
    HYPHENS,
    TITLE_CASE,
    Linked,
    hyphen_syllable,
    middle_initial,
    name_suffix,
    new_person_id,
)

PRONOUN_FORMS = frozenset({"He", "She", "It", "They", "We", "I"})
# Offices written in lower case before a name: "Libyan leader Muammar Gaddafi".
_LOWER_TITLES = frozenset({"leader", "president", "premier", "minister", "chief"})
# a calling before a name, as news names another country's citizens: "American
# pastor Andrew Brunson", "Canadian businessman Michael Spavor"
_CALLINGS = frozenset(
    {"citizen", "national", "student", "tourist", "journalist", "reporter", "correspondent"}
    | {"businessman", "businesswoman", "researcher", "scientist", "scholar", "pastor"}
    | {"missionary", "writer", "activist", "dissident", "engineer", "worker", "lawyer"}
    | {"doctor", "teacher", "fisherman", "blogger", "entrepreneur", "investor"}
)
# A word of a person's name: "Tokayev", "Kassym-Jomart", "al-Abadi", "de", "bin".
_UP, _LOW = "A-ZÀ-ÖØ-Þ", "a-zß-öø-ÿĀ-ſ'’"  # accented letters too: "Raúl", "Erdoğan"
_NAME_WORD = re.compile(
    rf"^(?:[{_UP}][{_LOW}]+(?:-[{_UP}]?[{_LOW}]+)*"
    rf"|(?:al|el|bin|ibn|de|da|di|van|von|der|le|la|du|dos)(?:-[{_UP}][{_LOW}]+)?)$"
)


# The most words a state's adjective has ("Papua New Guinean").
_LONGEST_ADJECTIVE = 3

# Who is named by where they are ("rebels in Sudan"): a people of the place; and
# its police ("police in Karachi"), who, unlike troops or officials, serve where
# they are
_LOCAL_SECTORS = frozenset({"opposition", "rebel", "civilian"})
_LOCAL_POLICE = frozenset({"police", "policemen", "police officers", "riot police"})
_NOT_LOCAL = frozenset({"refugees"})
_TOWN_FORCES = frozenset({"security forces"})


class Offices:
    """Links "<country> <office>" phrases and titled unknown people. Built once per linker."""

    def __init__(
        self,
        nouns: Mapping[str, str],
        group_nouns: Mapping[str, str],
        adjectives: Mapping[str, str],
        surnames: Collection[str],
        org_forms: Mapping[str, str],
        lower_only: Collection[str] = (),
    ) -> None:
        self.nouns = dict(nouns)  # office noun → sector
        self.lower_only = frozenset(lower_only)  # dictionary nouns: never part of a name
        self.group_nouns = dict(group_nouns)  # every group noun → sector
        self.adjectives = dict(adjectives)  # state adjective (casefolded) → ISO3
        self.surnames = frozenset(surnames)  # never a new one-word person
        self.org_forms = dict(org_forms)  # KB body, casefolded → actor id

    def agent(
        self,
        doc: Doc,
        start: int,
        after: int,
        code: str,
        covered: set[int],
        mentions: dict[int, Linked],
        new_actors: dict[str, Actor],
    ) -> int:
        """Link "<country> <office>" ("a Russian official", "Taiwan's Vice Foreign Minister").

        The phrase is the run of adjectives and nouns after the country word;
        its last word (or last two) must be an office noun. Followed by a
        person's name the KB does not know, that person becomes an actor of
        the country and sector; else the phrase stands for the country's
        actor of the sector. Returns the end of what was linked, 0 for nothing.
        """
        persons = {e.start: e for e in doc.ents if e.label_ == "PERSON"}
        end = after
        while (
            end < len(doc)
            and end - after < 5
            and end not in covered
            and end not in persons
            and doc[end].is_alpha
            and doc[end].pos_ in {"ADJ", "NOUN", "PROPN"}
        ):
            end += 1
            word = doc[end - 1]
            if not (word.dep_ in {"compound", "amod", "nmod"} and word.head.i > word.i):
                break  # the phrase's head: "a top US official today said"
        key = self._office_key(doc, after, end)
        if key is None or end in covered:
            return 0  # no office, or a title before a name the KB already knows
        last = doc[end - 1]
        sector = self.nouns[key]
        apposed = _named_after(doc, end)
        if apposed is not None:
            # "the Japanese prime minister, Naoto Kan,": the person, whom ``appositions``
            # makes of the phrase; one the KB does not know is a person of the country
            title = doc[after:end].text
            self.titled_person(apposed, title, code, sector, covered, mentions, new_actors)
            return 0
        if self._apposed(doc, start, end, code, sector, covered, mentions, new_actors):
            return end  # "Ri Yong-ho, North Korea's foreign minister,": the person
        if last.dep_ == "appos" and (last.head.i in covered or last.head.ent_type_ == "PERSON"):
            return 0  # "Liu He, Beijing's lead negotiator": the person, named beside it
        for named in (c for c in last.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"):
            # "the Cuban leader, NAME,": the person; one the KB does not
            # know is a person of the country and sector
            person = next((e for e in doc.ents if e.start <= named.i < e.end), None)
            if person is not None and doc[person.start - 1].text == ",":
                # set off by a comma: "a Russian official Ivan Petrov" is no title
                title = doc[after:end].text
                self.titled_person(person, title, code, sector, covered, mentions, new_actors)
            return 0
        name_at = _after_complement(doc, end)  # "Secretary of State Warren Christopher"
        person = persons.get(name_at)
        if person is not None:
            if (
                not all(t.text[:1].isupper() or t.lower_ == "of" for t in doc[after:name_at])
                and doc[name_at - 1].lower_ not in _LOWER_TITLES | _CALLINGS
            ):
                # "a Russian official Ivan Petrov": no title, leave it; "Palestinian
                # leader Yasser Arafat" names him by his office
                return 0
            title = doc[after:name_at].text
            return self.titled_person(person, title, code, sector, covered, mentions, new_actors)
        known = self.org_forms.get(doc[start:end].text.casefold())
        if known is not None:
            mentions[start] = Linked(start, end, known, "name")
            return end
        if end < len(doc) and doc[end].lower_ in {"in", "to"}:
            # "the Chinese embassy in Washington": a KB body named with its place
            for stop in range(min(len(doc), end + 4), end + 1, -1):
                known = self.org_forms.get(doc[start:stop].text.casefold())
                if known is not None and not any(i in covered for i in range(end, stop)):
                    for i in range(end, stop):
                        mentions.pop(i, None)
                    mentions[start] = Linked(start, stop, known, "name")
                    return stop
        actor_id = f"group:{code}:{sector}"
        mentions[start] = Linked(start, end, actor_id, "office", sector)
        self.coordinated(doc, start, end, actor_id.rsplit(":", 1)[1], covered, mentions)
        return end

    def _apposed(
        self,
        doc: Doc,
        first: int,
        end: int,
        code: str,
        sector: str,
        covered: set[int],
        mentions: dict[int, Linked],
        new_actors: dict[str, Actor],
    ) -> bool:
        """Link the title ``doc[first:end]`` to the person it follows in apposition.

        "Ri Yong-ho, the foreign minister of North Korea,": the title is that
        person (made a new one of the country and sector when the KB lacks the
        name), however the parser attached it. Returns whether it linked.
        """
        named = _named_before(doc, first, end)
        if named is None:
            return False
        title = doc[first:end].text
        self.titled_person(named, title, code, sector, covered, mentions, new_actors)
        holder = next((m for m in mentions.values() if m.start <= named.start < m.end), None)
        if holder is None or holder.actor_id.startswith(("state:", "group:")):
            return False
        mentions[first] = Linked(first, end, holder.actor_id, "apposition", role_hint=title)
        covered.update(range(first, end))
        return True

    def _office_key(self, doc: Doc, start: int, end: int) -> str | None:
        """The office noun heading ``doc[start:end]`` (its last word, or last two), if any.

        A dictionary noun counts only in lower case ("European Community" is a name).
        """
        if end <= start:
            return None
        last = doc[end - 1]
        pair = f"{doc[end - 2].lower_} {last.lower_}" if end - 2 >= start else ""
        candidates = (
            (pair, doc[end - 2 : end]),
            (last.lower_, [last]),
            (last.lemma_.lower(), [last]),
        )
        for key, words in candidates:
            if key in self.nouns and (key not in self.lower_only or all(w.is_lower for w in words)):
                return key
        return None

    def titled_person(
        self,
        person: Span,
        title: str,
        code: str,
        sector: str,
        covered: set[int],
        mentions: dict[int, Linked],
        new_actors: dict[str, Actor],
    ) -> int:
        """A person the KB does not know, after a title: an actor with that country and sector."""
        if any(i in covered for i in range(person.start, person.end)):
            return 0
        # one word is enough after a title ("Minister Ellwood"), never the pronoun "He"
        if not _is_name(person) or person.text in PRONOUN_FORMS:
            return 0
        if len(person) == 1 and (person.text in self.surnames):
            return 0  # "Premier Li": a KB surname left unresolved is not a new person
        if any(t.lower_ in self.nouns for t in person[:-1]):
            # "State Councilor and Foreign Minister Wang Yi": a title read as a name
            # (a surname that is also an office noun, "Tom King", is still a name)
            return 0
        actor_id = new_person_id(person)
        if actor_id not in new_actors:
            role = Role(title=title, org="", country=code, sector=sector)
            new_actors[actor_id] = Actor(
                actor_id=actor_id,
                name=person.text,
                kind="person",
                country=code,
                sector=sector,
                roles=(role,),
                origin="text",
            )
        mentions[person.start] = Linked(
            person.start, person.end, actor_id, "new-actor", role_hint=title
        )
        covered.update(range(person.start, person.end))
        return person.end

    def of_state(
        self,
        doc: Doc,
        start: int,
        end: int,
        code: str,
        covered: set[int],
        mentions: dict[int, Linked],
        new_actors: dict[str, Actor],
        town: bool = False,
    ) -> bool:
        """ "the president of Armenia", "opposition groups in Zimbabwe": the state's own.

        The office noun must stand right before "of" and govern it; "in" will do
        for a people of the place (opposition, rebels, civilians) and its police,
        never for troops, often foreign, nor refugees; for security forces only in
        a ``town`` (a capital, city or province: "security forces in Lahore"),
        since those in a country may be anyone's. A name after the state
        ("President of Armenia Robert Kocharyan") is a titled person, left to the
        title rules; a known person in apposition after it ("the premier of China,
        Wen Jiabao,") is who the phrase names. Else links the phrase as the
        state's actor of the sector.
        """
        prep = doc[start - 1] if start >= 2 else None
        if prep is None or prep.lower_ not in {"of", "in"} or prep.dep_ != "prep":
            return False
        head = doc[start - 2]
        pair = f"{doc[head.i - 1].lower_} {head.lower_}" if head.i > 0 else ""
        key = next(
            (k for k in (pair, head.lower_, head.lemma_.lower()) if k and k in self.nouns), None
        )
        if key is None or prep.head.i != head.i or head.i in covered:
            return False
        local = (
            self.nouns[key] in _LOCAL_SECTORS
            or key in _LOCAL_POLICE
            or (town and key in _TOWN_FORCES)
        )
        if prep.lower_ == "in" and (key in _NOT_LOCAL or not local):
            return False
        if end < len(doc) and doc[end].ent_type_ == "PERSON":
            return False
        first = head.i
        while (
            first > 0
            and doc[first - 1].dep_ in {"amod", "compound"}
            and doc[first - 1].head.i == head.i
            and first - 1 not in covered
        ):
            first -= 1
        sector = self.nouns[key]
        person = _named_after(doc, end)
        if person is not None:
            # "the premier of Chile, NAME,": the person named, whom
            # ``appositions`` makes of the phrase; one the KB does not know is new
            title = doc[first:end].text
            self.titled_person(person, title, code, sector, covered, mentions, new_actors)
            return False
        if self._apposed(doc, first, end, code, sector, covered, mentions, new_actors):
            return True  # "Ri Yong-ho, the foreign minister of North Korea,"
        mentions[first] = Linked(first, end, f"group:{code}:{sector}", "office", sector)
        covered.update(range(first, end))
        return True

    def coordinated(
        self,
        doc: Doc,
        start: int,
        end: int,
        noun: str,
        covered: set[int],
        mentions: dict[int, Linked],
    ) -> None:
        """ "Hungarian and Romanian officials": the first adjective shares the noun."""
        i = start - 1
        while i >= 1 and doc[i].lower_ in {"and", ","}:
            # the longest adjective ending there ("North Korean and Chinese officials")
            first, code = next(
                (
                    (i - n, code)
                    for n in range(min(_LONGEST_ADJECTIVE, i), 0, -1)
                    for code, stop in [state_adjective_at(doc, i - n, self.adjectives)]
                    if code and stop == i
                ),
                (i, ""),
            )
            if not code and i - 1 >= 0 and end - start >= 3:
                # "South and North Korean officials": the first word shares the second's
                shared = f"{doc[i - 1].lower_} {doc[start + 1].lower_}"
                if doc[i - 1].text[:1].isupper() and shared in self.adjectives:
                    first, code = i - 1, self.adjectives[shared]
            if not code or any(j in covered for j in range(first, i)):
                return
            sector = self.group_nouns.get(noun, noun)
            mentions[first] = Linked(first, i, f"group:{code}:{noun}", "coordinated", sector)
            covered.update(range(first, i))
            i = first - 1

    def apposed_person(
        self,
        doc: Doc,
        ent: Span,
        title: Span,
        covered: set[int],
        mentions: dict[int, Linked],
        new_actors: dict[str, Actor],
    ) -> None:
        """ "his Russian counterpart, Dmitri Sokolov,": a person of the title's country.

        The title's head must be an office noun or "counterpart"; its country is
        a state or group linked inside it, else a state adjective in it.
        """
        head = title.root
        key = next((k for k in (head.lower_, head.lemma_.lower()) if k in self.nouns), None)
        if key is None and head.lower_ != "counterpart":
            return
        sector = self.nouns[key] if key is not None else "government"
        code = next(
            (
                m.actor_id.split(":")[1]
                for m in mentions.values()
                if title.start <= m.start < title.end
                and m.actor_id.startswith(("state:", "group:"))
            ),
            "",
        )
        for i in range(title.start, title.end):
            if code:
                break
            code, _ = state_adjective_at(doc, i, self.adjectives)
        self.titled_person(ent, title.text, code, sector, covered, mentions, new_actors)

    def title_only_person(
        self,
        doc: Doc,
        ent: Span,
        covered: set[int],
        mentions: dict[int, Linked],
        new_actors: dict[str, Actor],
    ) -> None:
        """ "Defence Minister Pierre Joxe": a title with no country still makes an actor."""
        start = ent.start
        while start > 0 and start - ent.start > -6 and TITLE_CASE.match(doc[start - 1].text):
            start -= 1
        if start > 0 and doc[start - 1].lower_ == "of" and start - 1 > 0:
            # "Minister of Defence Ali Nasser": step back over the complement
            head_end = start - 1
            start = head_end
            while start > 0 and head_end - start < 4 and TITLE_CASE.match(doc[start - 1].text):
                start -= 1
            key = self._office_key(doc, start, head_end)
        else:
            key = self._office_key(doc, start, ent.start)
        if key is None or any(i in covered for i in range(start, ent.start)):
            return
        title = doc[start : ent.start].text
        # "President NAME of Chile": the state after the name
        state = (
            mentions.get(ent.end + 1)
            if ent.end < len(doc) and doc[ent.end].lower_ == "of"
            else None
        )
        code = state.actor_id.split(":")[1] if state and state.actor_id.startswith("state:") else ""
        self.titled_person(ent, title, code, self.nouns[key], covered, mentions, new_actors)


# Prefixes that make a state's adjective a cause: "anti-Japanese", "pro-Russian"
_FOR_OR_AGAINST = frozenset({"anti", "pro", "non"})


def state_adjective_at(doc: Doc, start: int, adjectives: Mapping[str, str]) -> tuple[str, int]:
    """The state whose adjective, capitalised, starts at ``start``, and where it ends.

    The longest wins: "South Korean", "Papua New Guinean", "Chinese"; ``("", start)``
    for none. ``adjectives``: casefolded adjective → ISO3.
    """
    if start >= len(doc) or not doc[start].text[:1].isupper():
        return "", start  # most words: no slice made
    if start >= 2 and doc[start - 1].text == "-" and doc[start - 2].lower_ in _FOR_OR_AGAINST:
        return "", start  # "anti-Japanese protesters", "pro-Russian separatists": not theirs
    words: list[str] = []  # the capitalised words from ``start``, as many as may count
    for tok in doc[start : start + _LONGEST_ADJECTIVE]:
        if not tok.text[:1].isupper():
            break
        words.append(tok.lower_)
    for n in range(len(words), 0, -1):
        code = adjectives.get(" ".join(words[:n]))
        if code:
            return code, start + n
    return "", start


def _is_name(span: Span) -> bool:
    """Every word looks like part of a name (a hyphenated syllable, a middle initial and
    a suffix too), and the first and last are capitalised (or the last a hyphenated
    syllable)."""
    return (
        all(
            _NAME_WORD.match(t.text)
            or t.text in HYPHENS
            or hyphen_syllable(t)
            or middle_initial(t, span)
            or name_suffix(t, span)
            for t in span
        )
        and span[0].text[:1].isupper()
        and (span[-1].text[:1].isupper() or hyphen_syllable(span[-1]))
    )


def _named_after(doc: Doc, end: int) -> Span | None:
    """The person named right after a title and a comma ("…, Wen Jiabao")."""
    if end + 1 >= len(doc) or doc[end].text != "," or doc[end + 1].ent_iob_ != "B":
        return None
    return next((e for e in doc.ents if e.start == end + 1 and e.label_ == "PERSON"), None)


def _named_before(doc: Doc, first: int, end: int) -> Span | None:
    """The person a title phrase ``doc[first:end]`` follows in apposition ("NAME, the …,").

    Not in a list of titled names ("Xi Jinping, Russia's foreign minister, Sergei
    Lavrov, and …"), where the title goes with the name after it.
    """
    comma = first - 1 if first > 0 and doc[first - 1].lower_ not in {"the", "a"} else first - 2
    if comma < 1 or doc[comma].text != "," or (end < len(doc) and doc[end].text not in ",.;"):
        return None
    if end + 1 < len(doc) and doc[end + 1].ent_type_ == "PERSON":
        return None
    return next((e for e in doc.ents if e.end == comma and e.label_ == "PERSON"), None)


def _after_complement(doc: Doc, end: int) -> int:
    """Past an "of …" complement in title case ("Secretary of State", "Minister of Defence")."""
    if end + 1 < len(doc) and doc[end].lower_ == "of" and TITLE_CASE.match(doc[end + 1].text):
        j = end + 1
        while j < len(doc) and j - end <= 4 and TITLE_CASE.match(doc[j].text):
            if doc[j].ent_type_ == "PERSON" and doc[j].ent_iob_ == "B":
                return j
            j += 1
    return end
