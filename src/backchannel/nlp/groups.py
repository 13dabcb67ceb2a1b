"""Groups and states: "Chinese officials", "China", "Beijing", "Chinese imports".

A country word before a group noun is the country's actor of that sector
("Chinese officials" → ``group:CHN:officials``, "the Mozambique government");
a people is the country's civilians ("the Palestinians", "Bosnian Serbs"); a
state's name or capital is the state, and so is a country word before the
goods or firms a sanction or tariff hits ("tariffs on Chinese imports"). A
country word before an office ("a Russian official", "Taiwan's Vice Foreign
Minister") goes to ``Offices``. ``group_actor`` and ``state_actor`` make the
Actor records for these ids.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping

from spacy.tokens import Doc, Span, Token

from backchannel.kb import SECTORS, KnowledgeBase
from backchannel.model import Actor
from backchannel.nlp.mentions import Linked
from backchannel.nlp.offices import Offices, state_adjective_at
from backchannel.nlp.places import (
    demonym,
    form_starts,
    resident_people,
    two_word_demonym,
    unlabelled_states,
)

# Nouns after a country adjective that stand for the country as a target of
# sanctions, tariffs and easing ("tariffs on Chinese imports").
_STATE_OBJECT_NOUNS = frozenset(
    {
        "imports", "exports", "goods", "products", "companies", "firms", "entities",
        "chipmakers", "chips", "steel", "vehicles", "cars", "students", "airlines", "banks",
        "coal", "soybeans", "semiconductors", "shipments", "ships", "automakers", "drones",
        "trucks", "lorries", "refinery", "refineries", "manufacturers", "suppliers", "exporters",
        "beef", "pork", "poultry", "wheat", "corn", "sorghum", "grain",
        # craft stopped, seized or shot down ("a U.S. reconnaissance plane", "the Chinese
        # surveillance balloon"), and the one that did it ("a Chinese fighter jet")
        "plane", "planes", "aircraft", "jet", "balloon", "vessel", "vessels", "drone", "ship",
        "tanker", "tankers", "supertanker", "mission", "missions", "convoy", "convoys",
        # one craft ("a British frigate rescued …"); their plurals are the military
        "warship", "destroyer", "frigate", "cutter", "cutters", "submarine", "helicopter",
        "helicopters", "bomber",
        # what force is threatened against or hits: "Lebanese state infrastructure",
        # "Iranian nuclear facilities", "the Zaporizhzhia nuclear plant"
        "infrastructure", "facilities", "installations", "facility", "plant", "plants",
        "reactor", "reactors",
        # a strike names who struck: "a United States drone strike killed …", "an
        # Israeli airstrike hit …"
        "strike", "strikes", "airstrike", "airstrikes",
        # a debt forgiven or written off ("cancelled Iraqi debt")
        "debt", "debts",
        # the places a craft passes close to ("flew close to British airspace")
        "airspace", "waters", "territory",
    }
)  # fmt: skip


class GroupsAndStates:
    """Links country words, groups and states. Built once per linker."""

    def __init__(
        self,
        state_forms: Mapping[str, str],
        office: Offices,
        capitals: Collection[str] = (),
        places: Collection[str] = (),
    ) -> None:
        self._state_forms = state_forms  # state name, capital or place, casefolded → ISO3
        self._form_starts = form_starts(state_forms)
        self._places = frozenset(places)  # casefolded, from kb/places.yaml
        self._towns = frozenset(capitals) | self._places  # capitals and places, casefolded
        self._office = office  # its nouns, group nouns and adjectives are the linker's
        self._adjectives = office.adjectives
        self._group_nouns = office.group_nouns
        self._offices = office.nouns

    def country_before(self, doc: Doc, index: int) -> str:
        """The country of an adjective or possessive just before ``index`` ("Taiwan's …")."""
        prev = doc[index - 1] if index > 0 else None
        if prev is None:
            return ""
        if prev.lower_ in self._adjectives and prev.text[:1].isupper():
            return self._adjectives[prev.lower_]
        if prev.text in {"'s", "’s"}:
            for ent in doc.ents:
                if ent.end == prev.i:
                    return self._state_forms.get(_strip_the(ent.text).casefold(), "")
        return ""

    def link(self, doc: Doc, mentions: dict[int, Linked], new_actors: dict[str, Actor]) -> None:
        covered = {i for m in mentions.values() for i in range(m.start, m.end)}
        for tok in doc:
            if tok.i in covered or not tok.text[:1].isupper():
                continue  # a people's name and a state's adjective are capitalised
            pair = two_word_demonym(tok, self._adjectives)
            if pair and tok.i - 1 not in covered:  # "South Koreans"
                mentions[tok.i - 1] = Linked(
                    tok.i - 1, tok.i + 1, f"group:{pair}:civilian", "group"
                )
                covered.update({tok.i - 1, tok.i})
                continue
            # "the Philippines" is the state, not a people ("the Palestinians")
            people = demonym(tok, self._adjectives) if tok.lower_ not in self._state_forms else ""
            if people:  # "Israel and the Palestinians": the people, as civilians
                mentions[tok.i] = Linked(tok.i, tok.i + 1, f"group:{people}:civilian", "group")
                covered.add(tok.i)
                continue
            adjective, after = state_adjective_at(doc, tok.i, self._adjectives)
            if adjective and not any(i in covered for i in range(tok.i, after)):
                self._adjective_phrase(doc, tok.i, after, adjective, covered, mentions, new_actors)
        for ent in doc.ents:
            if ent.label_ not in {"GPE", "NORP", "ORG"} or any(
                i in covered for i in range(ent.start, ent.end)
            ):
                continue
            name = _strip_the(ent.text)
            # a state's form written in lower case is no name: "the west bank of the Dnipro"
            state = self._state_forms.get(name.casefold()) if name[:1].isupper() else None
            if state and ent.label_ != "NORP":
                self._state(doc, ent.start, ent.end, state, covered, mentions, new_actors)
            elif ent.label_ == "ORG" and self._opens_with_group_of(doc, ent):
                # "Delegations of Russia and Ukraine met", read whole as an organisation's
                # name for its capital letter at the start of the sentence
                code = self._state_forms.get(doc[ent.start + 2 : ent.end].text.casefold())
                if code:
                    self._state(doc, ent.start + 2, ent.end, code, covered, mentions, new_actors)
        for start, end, code in unlabelled_states(
            doc, self._state_forms, covered, self._group_nouns, self._form_starts
        ):
            noun = doc[end] if end < len(doc) else None
            if noun is not None and noun.lower_ in self._group_nouns and noun.is_lower:
                # "the Mozambique government": as "the Mozambican government"
                actor_id = f"group:{code}:{noun.lower_}"
                sector = self._group_nouns[noun.lower_]
                mentions[start] = Linked(start, end + 1, actor_id, "group", sector)
                covered.update(range(start, end + 1))
            else:
                stop = self._office.agent(doc, start, end, code, covered, mentions, new_actors)
                if stop:
                    covered.update(range(start, stop))
                else:
                    self._state(doc, start, end, code, covered, mentions, new_actors)

    def _adjective_phrase(
        self,
        doc: Doc,
        start: int,
        after: int,
        code: str,
        covered: set[int],
        mentions: dict[int, Linked],
        new_actors: dict[str, Actor],
    ) -> None:
        """What the state adjective ``doc[start:after]`` names: people, goods, group or office."""
        last = doc[after - 1]  # "Korean" in "South Korean": the word the parse attaches
        end = resident_people(last, self._adjectives)
        if end and doc[end - 1].lower_ in self._group_nouns:
            end = 0  # "US Marines", capitalised and read as a people: the group noun
        if end and end - 1 not in covered:  # "Bosnian Serbs": the state's people
            mentions[start] = Linked(start, end, f"group:{code}:civilian", "group")
            covered.update(range(start, end))
            return
        noun = doc[after] if after < len(doc) else None
        made = _made_in(doc, after, covered)
        if made is not None:
            # "a British-flagged oil tanker", "Chinese-made electric vehicles": the state
            # the thing is of, as its owner or the one a measure on it hits
            mentions[start] = Linked(start, made.i + 1, f"state:{code}", "adjective")
            covered.update(range(start, made.i + 1))
            return
        if self._craft_by_model(doc, start, after, code, covered, mentions):
            return  # "a Turkish F-16", "Indian Mirage 2000 jets"
        # "Chinese electric vehicles", "American farm goods"
        goods = _goods_modified(last, covered) or (
            noun if noun is not None and noun.lower_ in _STATE_OBJECT_NOUNS else None
        )
        if goods is not None:
            # "tariffs on Chinese imports": the state is the one hit; of two joined
            # adjectives ("Vietnamese and Chinese vessels") each is its own state
            end = after if any(t.pos_ == "CCONJ" for t in doc[after : goods.i]) else goods.i + 1
            mentions[start] = Linked(start, end, f"state:{code}", "adjective")
            covered.update(range(start, end))
            return
        if (
            noun is not None
            and noun.lower_ in self._group_nouns
            and noun.lower_ not in self._offices
        ):
            sector = self._group_nouns[noun.lower_]
            actor_id = f"group:{code}:{noun.lower_}"
            end = after + 1  # "Chilean government officials": the whole phrase
            if end < len(doc) and f"{noun.lower_} {doc[end].lower_}" in self._group_nouns:
                end += 1
            mentions[start] = Linked(start, end, actor_id, "group", sector)
            covered.update(range(start, end))
            self._office.coordinated(doc, start, after + 1, noun.lower_, covered, mentions)
            return
        pair = " ".join(t.lower_ for t in doc[after : after + 2])
        if (
            pair in self._group_nouns
            and pair not in self._offices
            and not any(i in covered for i in range(start, after + 2))
        ):
            # "Chinese state media", "American business leaders": a two-word group
            end = after + 2
            actor_id = f"group:{code}:{pair}"
            mentions[start] = Linked(start, end, actor_id, "group", self._group_nouns[pair])
            covered.update(range(start, end))
            self._office.coordinated(doc, start, end, pair, covered, mentions)
            return
        end = self._office.agent(doc, start, after, code, covered, mentions, new_actors)
        if end:
            covered.update(range(start, end))
            return
        group = self._group_after_modifiers(doc, after, covered)
        if group is not None:
            # "Chinese health authorities", "Norwegian rescue services": the group the
            # adjective modifies over a word or two of what kind it is
            actor_id = f"group:{code}:{group.lower_}"
            sector = self._group_nouns[group.lower_]
            mentions[start] = Linked(start, group.i + 1, actor_id, "group", sector)
            covered.update(range(start, group.i + 1))
            self._office.coordinated(doc, start, group.i + 1, group.lower_, covered, mentions)

    def _craft_by_model(
        self,
        doc: Doc,
        start: int,
        after: int,
        code: str,
        covered: set[int],
        mentions: dict[int, Linked],
    ) -> bool:
        """A craft named by its model after the adjective at ``doc[start:after]``: the
        state's craft ("a Turkish F-16") or its forces that fly them ("Thai F-16 jets",
        "Indian Mirage 2000 jets"), the craft or force a few words of kind on ("Tu-95
        strategic bombers", "H-6 long-range bombers")."""
        model = _past_designations(doc, after)
        if model == after or any(i in covered for i in range(start, model)):
            return False
        for gap in range(5):
            word = doc[model + gap] if model + gap < len(doc) else None
            if word is None or not (word.is_lower or word.text == "-") or word.i in covered:
                break
            if word.lower_ in self._group_nouns or word.lower_ in _STATE_OBJECT_NOUNS:
                model += gap
                break
        craft = doc[model] if model < len(doc) else None
        if craft is not None and craft.lower_ in self._group_nouns and craft.is_lower:
            sector = self._group_nouns[craft.lower_]
            kind = sector if craft.lower_ in self._offices else craft.lower_
            mentions[start] = Linked(start, model + 1, f"group:{code}:{kind}", "group", sector)
            covered.update(range(start, model + 1))
            return True
        if craft is not None and craft.lower_ in _STATE_OBJECT_NOUNS:
            model += 1
        mentions[start] = Linked(start, model, f"state:{code}", "adjective")
        covered.update(range(start, model))
        return True

    def _group_after_modifiers(self, doc: Doc, after: int, covered: set[int]) -> Token | None:
        """A group noun (not an office) one or two lower-case words after ``after``
        with nothing linked between: "health authorities", "naval forces"."""
        for gap in (1, 2):
            i = after + gap
            if i >= len(doc) or any(j in covered for j in range(after, i + 1)):
                return None
            noun = doc[i]
            if (
                noun.lower_ in self._group_nouns
                and noun.lower_ not in self._offices
                and noun.pos_ == "NOUN"
                and _kind_words(doc[after:i])
            ):
                return noun
        return None

    def _state(
        self,
        doc: Doc,
        start: int,
        end: int,
        code: str,
        covered: set[int],
        mentions: dict[int, Linked],
        new_actors: dict[str, Actor],
    ) -> None:
        """A state's name at ``doc[start:end]``, or the office it owns ("Taiwan's envoy")."""
        form = doc[start:end].text
        town = form.casefold() in self._towns
        if form.isupper() and form.casefold() in self._places:
            return  # "NEW YORK, Sept. 28 (Xinhua) --": a dateline's city, no party
        if self._office.of_state(doc, start, end, code, covered, mentions, new_actors, town):
            return  # "the president of Armenia"
        if self._group_from(doc, start, end, code, covered, mentions):
            return  # "envoys from Chile and Peru"
        if _government_in(doc, start, end, code, covered, mentions, town):
            return  # "the junta in Niger"
        after = doc[end] if end < len(doc) else None
        if after is not None and after.text in {"'s", "’s"}:
            # "Taiwan's Vice Foreign Minister": the office, not the state
            stop = self._office.agent(doc, start, end + 1, code, covered, mentions, new_actors)
            if stop:
                covered.update(range(start, stop))
                return
            noun = doc[end + 1] if end + 1 < len(doc) else None
            if (
                noun is not None
                and noun.lower_ in self._group_nouns
                and noun.lower_ not in self._offices
                and noun.i not in covered
            ):
                # "China's delegation", "Washington's negotiators": the country's group
                stop = noun.i + 1
                if stop < len(doc) and f"{noun.lower_} {doc[stop].lower_}" in self._group_nouns:
                    stop += 1
                group = " ".join(t.lower_ for t in doc[noun.i : stop])
                actor_id = f"group:{code}:{group}"
                mentions[start] = Linked(start, stop, actor_id, "group", self._group_nouns[group])
                covered.update(range(start, stop))
                return
        if (
            after is not None
            and (
                doc[start:end].text.casefold() in self._towns
                or (
                    self._group_nouns.get(after.lower_) == "government"
                    and (after.tag_ == "NNS" or after.lower_ in _INSTITUTIONS)
                )
            )
            and after.is_lower
            and after.lower_ in self._group_nouns
            and end not in covered
            and doc[end - 1].head.i == after.i
            and doc[end - 1].dep_ in {"compound", "nmod", "amod"}
        ):
            # "Beijing officials", "Washington negotiators": a capital for its country,
            # as "Chinese officials"; a state's own name before a plural government noun
            # too ("United States officials"), not before any group noun ("a China
            # expert"), nor a singular one ("comments by a United States official" is
            # most often the envoy already named) but the institutions ("the United
            # States government")
            if after.lower_ in self._offices:
                stop = self._office.agent(doc, start, end, code, covered, mentions, new_actors)
                if stop:
                    covered.update(range(start, stop))
                    return
            else:
                actor_id = f"group:{code}:{after.lower_}"
                sector = self._group_nouns[after.lower_]
                mentions[start] = Linked(start, end + 1, actor_id, "group", sector)
                covered.update(range(start, end + 1))
                return
        if town and _names_a_gathering(doc, start, end):
            return  # "the Geneva talks", "a New York-based think tank": a place's name
        if after is not None and after.lower_ in _STATE_OBJECT_NOUNS and end not in covered:
            # "tariffs on US goods": the state is the one hit; "a US drone strike"
            end = _whole_object(after, covered).i + 1
        elif (goods := _goods_modified(doc[end - 1], covered)) is not None:
            end = goods.i + 1  # "a U.S. reconnaissance plane", "US farm goods"
        mentions[start] = Linked(start, end, f"state:{code}", "state")
        covered.update(range(start, end))

    def _opens_with_group_of(self, doc: Doc, ent: Span) -> bool:
        """The entity opens the sentence with a group noun and "of" or "from"."""
        first = doc[ent.start]
        return bool(
            ent.end - ent.start >= 3
            and first.is_sent_start
            and first.text[1:].islower()
            and (first.lower_ in self._group_nouns or first.lemma_.lower() in self._group_nouns)
            and doc[ent.start + 1].lower_ in {"of", "from"}
        )

    def _group_from(
        self,
        doc: Doc,
        start: int,
        end: int,
        code: str,
        covered: set[int],
        mentions: dict[int, Linked],
    ) -> bool:
        """ "envoys from Chile and Peru", "a delegation from Japan": each state's group.

        Only for those who speak for a state or its business ("officials",
        "executives"), not someone's own nor taken away ("its diplomats from
        Caracas", "recalled the ambassador from Moscow": a place); troops or
        refugees from a place may be anyone's.
        The states coordinated with the first share its noun.
        """
        prep = doc[start - 1] if start >= 2 else None
        if prep is None or prep.lower_ != "from" or prep.dep_ != "prep":
            return False
        noun = prep.head
        if noun.i != start - 2 or noun.i in covered or noun.pos_ == "PROPN":
            return False
        key = next((k for k in (noun.lower_, noun.lemma_.lower()) if k in self._group_nouns), "")
        sector = self._group_nouns.get(key, "")
        if sector not in _SPEAKING_SECTORS or any(c.dep_ == "poss" for c in noun.children):
            return False
        if noun.dep_ == "dobj" and noun.head.lemma_.lower() in _TAKING_AWAY:
            return False  # "recalled the ambassador from Moscow": one's own, from a place
        group = sector if key in self._offices else key
        mentions[noun.i] = Linked(noun.i, end, f"group:{code}:{group}", "group", sector)
        covered.update(range(noun.i, end))
        for other in doc[start:end].root.conjuncts:
            ent = next((e for e in doc.ents if e.start <= other.i < e.end), None)
            other_code = self._state_forms.get(_strip_the(ent.text).casefold()) if ent else None
            if ent is None or other_code is None or any(i in covered for i in range(*_bounds(ent))):
                continue
            actor_id = f"group:{other_code}:{group}"
            mentions[ent.start] = Linked(ent.start, ent.end, actor_id, "coordinated", sector)
            covered.update(range(ent.start, ent.end))
        return True


# Sectors whose people "from" a state speak for it: "officials from China".
# Singular government nouns that name the state's institution, not one person.
_INSTITUTIONS = frozenset({"government", "administration"})

_SPEAKING_SECTORS = frozenset({"government", "business", "legislature", "party"})
# Verbs that take people away from a place: there "from" is the place, not their state.
_TAKING_AWAY = frozenset(
    {"recall", "withdraw", "pull", "evacuate", "remove", "return", "bring", "move", "relocate"}
)


# What a town's name may name, written before it: "the Geneva talks", "the
# Anchorage meeting", "the Busan summit"
_GATHERINGS = frozenset(
    {
        "talks", "summit", "meeting", "meetings", "negotiations", "conference", "round",
        "process", "forum", "dialogue", "consensus", "accord", "accords", "agreement",
        "declaration", "communique", "communiqué", "truce", "ceasefire", "framework",
    }
)  # fmt: skip


def _names_a_gathering(doc: Doc, start: int, end: int) -> bool:
    """A capital or other town written as a name for a meeting held there ("the
    Geneva talks", "the California summit meeting") or for where something is
    based ("a New York-based think tank"): a place, no party."""
    if end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].lower_ in {"based", "born"}:
        return True
    # the noun right after it, or after one more ("the California summit meeting")
    for word in doc[end : min(end + 2, len(doc))]:
        if word.pos_ != "NOUN" or not word.is_lower:
            return False
        if word.lower_ in _GATHERINGS:
            return True
    return False


def _bounds(ent: Span) -> tuple[int, int]:
    return ent.start, ent.end


# A craft's model: "F-16", "Su-24", "MiG-29s", "B-2", "Tu-95"
_MODEL = re.compile(r"[A-Z][A-Za-z]{0,3}-\d{1,3}[A-Z]?s?")


def _past_designations(doc: Doc, after: int) -> int:
    """The index after a craft's model written from ``after`` ("F-16", "Mirage 2000"),
    or ``after`` itself where none is."""
    i = after
    if i < len(doc) and _MODEL.fullmatch(doc[i].text):
        return i + 1
    # a name and its number: "Mirage 2000", "Rafale" alone is too like a name
    if i + 1 < len(doc) and doc[i].text.istitle() and doc[i + 1].like_num:
        return i + 2 if doc[i + 1].text.isdigit() and len(doc[i + 1].text) >= 2 else i
    return i


def _kind_words(words: Span) -> bool:
    """Lower-case common words that say what kind a group is ("health", "naval")."""
    return all(w.is_lower and w.pos_ in {"NOUN", "ADJ"} for w in words)


def _goods_modified(word: Token, covered: set[int]) -> Token | None:
    """The goods or craft a state's name or adjective modifies a few words on, when
    nothing between them is linked: the one a measure hits ("Chinese electric
    vehicles", "a U.S. reconnaissance plane")."""
    first = word  # "Vietnamese and Chinese naval vessels": the first of joined words
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    goods = first.head
    last = max([word, *word.conjuncts], key=lambda t: t.i)
    if (
        first.dep_ in {"compound", "nmod", "amod"}
        and 0 < goods.i - last.i <= 3
        and goods.lower_ in _STATE_OBJECT_NOUNS
        and not any(i in covered for i in range(word.i + 1, goods.i + 1))
    ):
        return _whole_object(goods, covered)
    return None


def _whole_object(noun: Token, covered: set[int]) -> Token:
    """The last of the state's object nouns compounded from ``noun``: "a United States
    drone strike" is the strike."""
    while (
        noun.dep_ == "compound"
        and noun.head.i == noun.i + 1
        and noun.head.lower_ in _STATE_OBJECT_NOUNS
        and noun.head.i not in covered
    ):
        noun = noun.head
    return noun


# participles that, hyphened after a country adjective, say whose a thing is
_ORIGIN = frozenset(
    {"flagged", "registered", "made", "built", "owned", "operated", "produced", "held", "led"}
)


def _made_in(doc: Doc, after: int, covered: set[int]) -> Token | None:
    """The thing a hyphened "<adjective>-made" (``doc[after]`` the hyphen) qualifies,
    a few words on with nothing linked between."""
    if after + 1 >= len(doc) or doc[after].text not in {"-", "–"}:
        return None
    origin = doc[after + 1]
    if origin.lower_ not in _ORIGIN:
        return None
    thing = origin.head
    if not (
        thing.pos_ in {"NOUN", "PROPN"}
        and 0 < thing.i - origin.i <= 3
        and not any(i in covered for i in range(after, thing.i + 1))
    ):
        return None
    return thing


def _strip_the(text: str) -> str:
    return text[4:] if text.casefold().startswith("the ") else text


def group_actor(actor_id: str, kb: KnowledgeBase, text: str = "") -> Actor:
    """The Actor record for a group id such as ``group:CHN:officials``."""
    _, code, noun = actor_id.split(":", 2)
    state = kb.states.get(code)
    adjective = state.adjectives[0] if state and state.adjectives else code
    sector = next((g.sector for g in kb.groups if g.noun.casefold() == noun), "")
    sector = sector or (noun if noun in SECTORS else "government")
    return Actor(
        actor_id=actor_id,
        name=f"{adjective} {noun}",
        kind="group",
        country=code,
        sector=sector,
        origin="text",
    )


def state_actor(actor_id: str, kb: KnowledgeBase) -> Actor:
    """The Actor record for a state id such as ``state:CHN``."""
    code = actor_id.split(":", 1)[1]
    state = kb.states.get(code)
    return Actor(
        actor_id=actor_id,
        name=state.name if state else code,
        kind="state",
        country=code,
        sector="government",
        origin="kb",
    )


# Officials of a town: "officials in Xinjiang"
_TOWN_OFFICIALS = frozenset({"officials"})
# Nouns for who governs a place: "the junta in Niger", "the regime in Damascus"
_GOVERNING = frozenset(
    {"government", "regime", "junta", "authorities", "administration", "leadership", "rulers"}
)


def _government_in(
    doc: Doc,
    start: int,
    end: int,
    code: str,
    covered: set[int],
    mentions: dict[int, Linked],
    town: bool = False,
) -> bool:
    """ "the junta in Niger", "the military government in Myanmar", "the ruling party
    in Georgia": who governs the state named after "in" is its government, as "the
    Nigerien junta" is; the state is no place there. Officials in a ``town`` (a
    capital, city or province: "officials in Xinjiang") are the state's officials;
    "officials in Iraq" may be anyone's."""
    prep = doc[start - 1] if start >= 2 else None
    if prep is None or prep.lower_ != "in" or prep.dep_ != "prep":
        return False
    # the noun right before "in", whether the parser hangs "in" from it or from the
    # verb ("blamed the government in Khartoum")
    noun = doc[start - 2]
    # lowercase but for the sentence's first word ("Authorities in China deported …")
    common = noun.is_lower or (noun.is_sent_start and noun.text[1:].islower())
    if prep.head.i not in (noun.i, noun.head.i) or noun.i in covered or not common:
        return False
    ruling = noun.lower_ == "party" and any(c.lower_ == "ruling" for c in noun.lefts)
    # not another's: "the two countries' officials in Buenos Aires"
    officials = (
        town
        and noun.lower_ in _TOWN_OFFICIALS
        and not any(c.dep_ in {"poss", "amod", "compound"} for c in noun.lefts)
    )
    if noun.lower_ not in _GOVERNING and not ruling and not officials:
        return False
    first = min([c.i for c in noun.lefts if c.dep_ in {"amod", "compound"}] + [noun.i])
    if any(i in covered for i in range(first, end)):
        return False
    group = noun.lower_ if officials else "government"
    mentions[first] = Linked(first, end, f"group:{code}:{group}", "group", "government")
    covered.update(range(first, end))
    return True
