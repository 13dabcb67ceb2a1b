"""Who is this, on that date? A short actor text → the actor, or the sector its agent noun names.

    Resolver(extractor).resolve(texts, day) -> [Resolution]

Each text goes through the pipeline as a one-line article published on the
day asked about, so the linker reads it exactly as it reads news (one spaCy
pass; many texts in batches). The longest linked mention is the answer: a KB
or dictionary actor takes its country and sector from its roles on that day
(``KnowledgeBase.side_on``); a group, office or state carries its own; a person
the text introduces ("Defence Minister Pierre Joxe") carries what the text says.

When the linker links nothing, or only a state, the text's agent noun
("soldiers", "a journalist", "the defence minister") gives the sector, from the
KB's group nouns and any agent dictionary: with the linked state's country
("soldiers from Iraq"), else with none. That fallback is the resolver's own.
The linker leaves a bare agent noun unlinked on purpose, so the channel map
never gets a node without a country.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, replace

from backchannel.kb import KnowledgeBase
from backchannel.kb.petrarch import cameo, plural
from backchannel.kb.records import GroupNoun, body_key
from backchannel.model import Actor, Document, Extraction, Mention, Skip
from backchannel.nlp.groups import group_actor, state_actor
from backchannel.pipeline import Extractor, extractor_kb

BATCH_SIZE = 64
AGENT_NOUN = "agent-noun"
STATE_AND_AGENT_NOUN = "state+agent-noun"
_FORMER = frozenset({"former", "ex", "ex-", "retired"})
_INTERGOVERNMENTAL = frozenset({"IGO", "UNO"})  # the KB countries of bodies of states
_RETIRED = "retired"  # the KB's sector for one whose every office has ended
_UNTYPED = "UNK"  # PLOVER's agent type of people of no type ("a man", "supporters")
# A word as the agent nouns are written: letters, with inner hyphens or apostrophes.
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


@dataclass(frozen=True, slots=True)
class Resolution:
    """What one text resolves to on ``date``; the fields of ``resolve --format json``.

    ``how`` is the linker's reason ("name", "title", "group", "office",
    "state", "dictionary", "new-actor" …), ``agent-noun`` or
    ``state+agent-noun`` for the resolver's fallback, ``None`` when nothing
    resolved. ``actor_id`` is ``None`` for a bare agent noun: it names a
    sector, not an actor. ``origin`` says where the answer comes from: ``kb``,
    ``dictionary`` (a PETRARCH dictionary) or ``text`` (what the text says).
    ``code`` is the agent code in PLOVER's terms: an agent noun's own code
    from the dictionary ("criminals" → ``CRM``, "defence secretary" →
    ``GOVMIL``), else the sector's (``GOV``, ``MIL``, ``MED`` …); a state
    alone has none.
    """

    text: str
    date: str
    resolved: bool
    how: str | None = None
    matched: str | None = None
    actor_id: str | None = None
    name: str | None = None
    kind: str | None = None
    country: str | None = None
    sector: str | None = None
    code: str | None = None
    role: str | None = None
    origin: str | None = None

    def to_dict(self) -> dict[str, str | bool | None]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class NounMatch:
    """An agent noun in a text: the noun entry and its character span."""

    noun: GroupNoun
    start: int
    end: int
    words: int


class AgentNouns:
    """The KB's group nouns and the agent dictionary's nouns, found in a short text by their words.

    A noun matches as written or in its regular plural ("a journalist" →
    "journalists"). A dictionary noun counts only in lower case, as in the
    linker ("European Community" is a name), except as a text's first word.
    """

    def __init__(self, groups: Sequence[GroupNoun]) -> None:
        self._nouns: dict[str, GroupNoun] = {}
        for group in groups:
            self._nouns.setdefault(group.noun.casefold(), group)
        self._longest = max((len(noun.split()) for noun in self._nouns), default=0)

    def find(self, text: str, skip: tuple[int, int] | None = None) -> NounMatch | None:
        """The longest noun in ``text`` (the first of equals), outside the ``skip`` span."""
        words = list(_WORD.finditer(text))
        best: NounMatch | None = None
        for i in range(len(words)):
            for n in range(min(self._longest, len(words) - i), 0, -1):
                run = words[i : i + n]
                start, end = run[0].start(), run[-1].end()
                if skip is not None and start < skip[1] and skip[0] < end:
                    continue
                noun = self._noun(run)
                if noun is None or _inside_a_name(
                    run, words[i + n] if i + n < len(words) else None
                ):
                    continue
                # a typed noun beats an untyped one of its length: "a group of soldiers"
                if best is None or (n, _typed(noun)) > (best.words, _typed(best.noun)):
                    best = NounMatch(noun, start, end, n)
                break  # the longest noun starting at this word
        return best

    def _noun(self, run: list[re.Match[str]]) -> GroupNoun | None:
        phrase = " ".join(m[0] for m in run).casefold()
        for form in (phrase, plural(phrase.upper()).casefold()):
            noun = self._nouns.get(form)
            if noun is None:
                continue
            if noun.origin != "dictionary" or all(_lower_case(m) for m in run):
                return noun
        return None


class Resolver:
    """Resolves short actor texts with an extractor's linker and KB. Build one per process."""

    def __init__(self, extractor: Extractor) -> None:
        self.extractor = extractor
        self.kb: KnowledgeBase = extractor_kb(extractor)
        self.nouns = AgentNouns((*self.kb.groups, *self.kb.sectorless_nouns))
        # a body's own code by its names, for the posts held in it (the FSB's director: SPY)
        self.body_codes = {
            body_key(name): actor.code
            for actor in self.kb.own_actors.values()
            if actor.code and actor.kind == "organization"
            for name in (actor.name, *actor.aliases)
        }

    def resolve(self, texts: Sequence[str], day: str) -> list[Resolution]:
        """Each text as of ``day`` (YYYY-MM-DD), in order."""
        return self.resolve_dated([(text, day) for text in texts])

    def resolve_dated(self, queries: Sequence[tuple[str, str]]) -> list[Resolution]:
        """Each (text, day) pair, in order; a blank text resolves to nothing."""
        answers: list[Resolution] = []
        for chunk in _chunks(queries, BATCH_SIZE):
            documents = [_document(text, day) for text, day in chunk]
            results = self.extractor.process_batch(documents)
            answers.extend(
                self._answer(text, day, result)
                for (text, day), result in zip(chunk, results, strict=True)
            )
        return answers

    def _answer(self, text: str, day: str, result: Extraction | Skip) -> Resolution:
        """What the text resolves to; a group or agent noun after "former" is one who left."""
        if not isinstance(result, Extraction):
            return Resolution(text, day, resolved=False)
        answer = self._linked_or_noun(text, day, result)
        if answer.kind in ("group", "agent") and answer.matched:
            before = result.clean_text[: result.clean_text.find(answer.matched)].split()
            if before and before[-1].casefold() in _FORMER:
                return replace(answer, sector=_RETIRED, code=_sector_code(_RETIRED))
        return answer

    def _linked_or_noun(self, text: str, day: str, result: Extraction) -> Resolution:
        """The linked actor; for a state or nothing linked, the text's agent noun may say more."""
        mention = _main_mention(result.mentions)
        if mention is not None and not mention.actor_id.startswith("state:"):
            return self._actor(text, day, mention, result)
        span = None if mention is None else (mention.start, mention.end)
        if mention is not None and self.kb.state_by_name(mention.text) is None:
            # the state read through a noun it owns ("Chinese students" for visas on
            # them): the noun is still the text's agent
            span = None
        found = self.nouns.find(result.clean_text, skip=span)
        if found is None:
            if mention is None:
                return Resolution(text, day, resolved=False)
            return self._actor(text, day, mention, result)
        state: tuple[str, tuple[int, int]] | None
        if mention is not None:
            start, end = mention.start, mention.end
            if span is None:  # the state's word is the mention less the noun
                start, end = (start, found.start) if found.start > start else (found.end, end)
            state = (mention.actor_id.split(":", 1)[1], (start, end))
        else:  # a state the linker reads only before a group noun it knows ("Iraqi criminals")
            state = self._state_word(result.clean_text, found)
        if state is None:
            return _agent_noun(text, day, result.clean_text, found)
        return self._state_agent(text, day, result.clean_text, state, found)

    def _state_word(self, clean: str, found: NounMatch) -> tuple[str, tuple[int, int]] | None:
        """A state named by one to three words outside the noun: its code and span."""
        words = [
            w for w in _WORD.finditer(clean) if w.end() <= found.start or w.start() >= found.end
        ]
        for n in (3, 2, 1):
            for i in range(len(words) - n + 1):
                run = words[i : i + n]
                start, end = run[0].start(), run[-1].end()
                state = self.kb.state_by_name(clean[start:end])
                if state is not None:
                    return state.code, (start, end)
        return None

    def _actor(self, text: str, day: str, mention: Mention, result: Extraction) -> Resolution:
        """The linked actor, with its country, sector and title on ``day``."""
        actor_id = mention.actor_id
        role = ""
        code = None
        if actor_id.startswith("state:"):
            actor = state_actor(actor_id, self.kb)
            country, sector = actor.country, actor.sector
            # a country names no agent; its capital stands for its government ("Beijing said")
            state = self.kb.states.get(actor_id.split(":", 1)[1])
            capitals = {c.casefold() for c in state.capitals} if state else set()
            code = _sector_code("government") if mention.text.casefold() in capitals else ""
        elif actor_id.startswith("group:"):
            actor = group_actor(actor_id, self.kb)
            country, sector = actor.country, actor.sector
            noun = self.nouns.find(mention.text)  # its own code: "Chilean sappers" MILGOV
            if noun is not None and noun.noun.sector == sector:
                code = _noun_code(noun.noun)
        elif actor_id in self.kb.actors:  # KB and dictionary actors are dated
            actor = self.kb.actors[actor_id]
            country, sector, role = self.kb.side_on(actor_id, day)
            if actor.code and sector == actor.sector:  # its own code: the CIA is SPY
                code = actor.code
            elif role:  # the code of the body the post is in: the FSB's director is SPY
                code = next(
                    (
                        self.body_codes[body_key(r.org)]
                        for r in actor.roles_on(day)
                        if r.title == role and body_key(r.org) in self.body_codes
                    ),
                    None,
                )
        else:  # a person the text introduces, with what the text says
            actor = _new_actor(result, actor_id)
            country, sector = actor.country, actor.sector
            role = actor.roles[0].title if actor.roles else ""
        if (
            code is None and country in _INTERGOVERNMENTAL and sector != _RETIRED
        ):  # PLOVER types them by what they are
            code = "IGO"
        return Resolution(
            text,
            day,
            resolved=True,
            how=mention.how,
            matched=mention.text,
            actor_id=actor_id,
            name=actor.name,
            kind=actor.kind,
            country=country or None,
            sector=sector or None,
            code=(_sector_code(sector) if code is None else code) or None,
            role=role or None,
            origin=actor.origin,
        )

    def _state_agent(
        self,
        text: str,
        day: str,
        clean: str,
        state: tuple[str, tuple[int, int]],
        found: NounMatch,
    ) -> Resolution:
        """A state and an agent noun ("soldiers from Iraq"): that state's actor of the sector.

        The same actor the linker gives "Iraqi soldiers", ``group:IRQ:military``.
        A noun whose code names no sector ("criminals from Iraq") gives the
        state's country and the noun's code, and no actor, as a bare noun does.
        """
        country, (first, last) = state
        start, end = min(first, found.start), max(last, found.end)
        if not found.noun.sector:
            return _agent_noun(text, day, clean, found, country, (start, end))
        actor = group_actor(f"group:{country}:{found.noun.sector}", self.kb)
        return Resolution(
            text,
            day,
            resolved=True,
            how=STATE_AND_AGENT_NOUN,
            matched=clean[start:end],
            actor_id=actor.actor_id,
            name=actor.name,
            kind=actor.kind,
            country=country,
            sector=found.noun.sector,
            code=_noun_code(found.noun),
            origin=found.noun.origin,
        )


def _agent_noun(
    text: str,
    day: str,
    clean: str,
    found: NounMatch,
    country: str | None = None,
    span: tuple[int, int] | None = None,
) -> Resolution:
    """An agent noun with no actor: its sector and code; a country only when a state is named."""
    start, end = span or (found.start, found.end)
    return Resolution(
        text,
        day,
        resolved=True,
        how=AGENT_NOUN if country is None else STATE_AND_AGENT_NOUN,
        matched=clean[start:end],
        name=clean[found.start : found.end],
        kind="agent",
        country=country,
        sector=found.noun.sector or None,
        code=_noun_code(found.noun) or None,
        origin=found.noun.origin,
    )


def _noun_code(noun: GroupNoun) -> str:
    """An agent noun's own code, else its sector's: "sappers" ``MILGOV``, "doctors" ``MED``.

    A dictionary's codes are CAMEO's and are reported in PLOVER's types; the
    KB writes PLOVER's.
    """
    if not noun.code:
        return _sector_code(noun.sector)
    return cameo().plover(noun.code) if noun.origin == "dictionary" else noun.code


def _sector_code(sector: str) -> str:
    """The agent code a KB sector is reported as (``government`` → ``GOV``); "" for none."""
    return cameo().sector_codes.get(sector, "")


def _main_mention(mentions: Sequence[Mention]) -> Mention | None:
    """The longest mention (the last of equals, as an English phrase ends in its head), a
    state's last: "Chinese officials" over "China", "Pakistan's ISI" is the ISI, "Alibaba
    founder Jack Ma" is Jack Ma."""
    return max(
        mentions,
        key=lambda m: (not m.actor_id.startswith("state:"), m.end - m.start, m.start),
        default=None,
    )


def _new_actor(result: Extraction, actor_id: str) -> Actor:
    return next(a for a in result.new_actors if a.actor_id == actor_id)


def _typed(noun: GroupNoun) -> bool:
    return noun.code != _UNTYPED


def _inside_a_name(run: list[re.Match[str]], after: re.Match[str] | None) -> bool:
    """A capitalised noun that a capitalised word follows is part of a name: "National Diet"."""
    return after is not None and run[-1][0][0].isupper() and after[0][0].isupper()


def _lower_case(word: re.Match[str]) -> bool:
    """Written in lower case, or capitalised only as a text's first word."""
    return word[0].islower() or (word.start() == 0 and word[0][1:].islower())


def _document(text: str, day: str) -> Document:
    return Document(
        doc_id=Document.make_id(f"{day}\x1f{text}"),
        text=text,
        published=day,
        origin="resolve",
    )


def _chunks(items: Sequence[tuple[str, str]], size: int) -> Iterator[Sequence[tuple[str, str]]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
