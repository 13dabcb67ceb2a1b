"""What each readout claims, clause by clause, and where the two accounts differ.

A clause is read with the cues in ``cues.yaml``:

* level: ``agreement`` ("agreed", "reached consensus") > ``discussion``
  ("discussed", "exchanged views", "raised concerns") > ``statement``;
* ``commitment``: a party undertakes something ("China will purchase …",
  "agreed to …", "pledged"); conditions ("If …, China will …") are not;
* ``opposition`` ("firmly opposes", "red line") and ``demands`` (whom the
  clause presses: "urged China to …", "the US side should …").

The differences reported (``Conflict.kind``):

``strength``              same topic; one text claims agreement, the other only discussion
``one-sided-commitment``  a commitment on a topic the other text commits nothing on
``substance``             same topic; each presses the other, or agreement against opposition
``tone``                  both texts characterise the talks, in different registers
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from backchannel.readouts.lexicon import Cues, Lexicon
from backchannel.readouts.records import Conflict, TopicAlignment
from backchannel.readouts.topics import TaggedSentence, Tagger

STATEMENT, DISCUSSION, AGREEMENT = 0, 1, 2
_PARTY_NAMES = {"us": "the US", "cn": "China"}


@dataclass(frozen=True, slots=True)
class Claim:
    """One clause of a readout and what it claims."""

    sentence: str
    clause: str
    topics: frozenset[str]
    level: int
    cue: str  # the words that set the level ("agreed", "exchanged views", "")
    commitment: bool
    opposition: bool
    demands_of: frozenset[str]


@dataclass(frozen=True, slots=True)
class Side:
    """Everything the conflict finder needs about one text."""

    label: str
    claims: tuple[Claim, ...]
    tagged: tuple[TaggedSentence, ...]
    tone: tuple[str, ...]
    tone_sentence: str


def read_claims(cues: Cues, tagged: Sequence[TaggedSentence]) -> tuple[Claim, ...]:
    """Classify every clause; a clause that names no topic takes its sentence's topics."""
    claims: list[Claim] = []
    for item in tagged:
        conditional = any(p.search(item.sentence.text) for p in cues.commitment_blocked)
        for clause, topics in item.clauses:
            level, cue = _level(cues, clause)
            commitment = (
                not conditional
                and not any(p.search(clause) for p in cues.commitment_blocked)
                and any(p.search(clause) for p in cues.commitment)
            )
            claims.append(
                Claim(
                    sentence=item.sentence.text,
                    clause=clause,
                    topics=topics or item.topics,
                    level=level,
                    cue=cue,
                    commitment=commitment,
                    opposition=any(p.search(clause) for p in cues.opposition),
                    demands_of=frozenset(
                        party
                        for party, patterns in cues.demands
                        if any(p.search(clause) for p in patterns)
                    ),
                )
            )
    return tuple(claims)


def read_tone(cues: Cues, sentences: Sequence[str]) -> tuple[tuple[str, ...], str]:
    """The tone words a readout uses, in order of use, and the first sentence using one."""
    words: list[str] = []
    first = ""
    for sentence in sentences:
        hits = sorted(
            (m.start(), w.word) for w in cues.tone if (m := w.pattern.search(sentence)) is not None
        )
        if hits and not first:
            first = sentence
        words.extend(word for _, word in hits if word not in words)
    return tuple(words), first


def find_conflicts(
    lexicon: Lexicon,
    tagger: Tagger,
    alignments: Sequence[TopicAlignment],
    a: Side,
    b: Side,
    *,
    commitment_match: float,
) -> list[Conflict]:
    """Every difference between the two sides, strongest kinds first."""
    conflicts: list[Conflict] = []
    both = [row.topic for row in alignments if row.status == "both"]
    for topic in both:
        conflicts.extend(_strength(lexicon, tagger, topic, a, b))
    conflicts.extend(_one_sided_commitments(lexicon, tagger, a, b, "a", commitment_match))
    conflicts.extend(_one_sided_commitments(lexicon, tagger, b, a, "b", commitment_match))
    for topic in both:
        conflicts.extend(_substance(lexicon, topic, a, b))
    conflicts.extend(_tone(lexicon.cues, a, b))
    return conflicts


def _level(cues: Cues, clause: str) -> tuple[int, str]:
    """The clause's level and the first cue (by position) that sets it."""
    negated = any(p.search(clause) for p in cues.agreement_negated)
    for level, patterns in ((AGREEMENT, cues.agreement), (DISCUSSION, cues.discussion)):
        if level == AGREEMENT and negated:
            continue
        matches = [m for p in patterns if (m := p.search(clause)) is not None]
        if matches:
            return level, min(matches, key=lambda m: m.start()).group(0)
    return STATEMENT, ""


def _on(side: Side, topic: str) -> list[Claim]:
    return [c for c in side.claims if topic in c.topics]


def _nearest(tagger: Tagger, sentence: str, candidates: Sequence[str]) -> str:
    """The candidate most similar to ``sentence`` ("" when there is none)."""
    unique = list(dict.fromkeys(candidates))
    if not unique:
        return ""
    sims = tagger.similarity([sentence], unique)[0]
    return unique[int(sims.argmax())]


def _pair(first: str, second: str, side: str) -> tuple[str, str]:
    """Order two sentences as (sentence_a, sentence_b) given which side ``first`` is from."""
    return (first, second) if side == "a" else (second, first)


def _strength(lexicon: Lexicon, tagger: Tagger, topic: str, a: Side, b: Side) -> list[Conflict]:
    out: list[Conflict] = []
    for strong, weak, side in ((a, b, "a"), (b, a, "b")):
        agreed = [c for c in _on(strong, topic) if c.level == AGREEMENT]
        other = _on(weak, topic)
        if not agreed or not other:
            continue
        if any(c.level == AGREEMENT or c.commitment for c in other):
            continue
        best = max(other, key=lambda c: c.level)
        said = best.cue or "mentions it"
        first = agreed[0].sentence
        sentence_a, sentence_b = _pair(first, _nearest(tagger, first, [best.sentence]), side)
        label = lexicon.label(topic)
        out.append(
            Conflict(
                "strength",
                topic,
                sentence_a,
                sentence_b,
                f"{label}: {strong.label} reports agreement ({agreed[0].cue}); "
                f"{weak.label} only says {said!r}.",
                side,
            )
        )
    return out


def _one_sided_commitments(
    lexicon: Lexicon, tagger: Tagger, own: Side, other: Side, side: str, match: float
) -> list[Conflict]:
    out: list[Conflict] = []
    other_commitments = [c for c in other.claims if c.commitment]
    other_topics = {t for item in other.tagged for t in item.topics}
    reported: set[str] = set()
    for claim in own.claims:
        if not claim.commitment:
            continue
        for topic in sorted(claim.topics):
            if topic in reported or any(topic in c.topics for c in other_commitments):
                continue
            # Words differ between readouts, so a close paraphrase of the undertaking
            # counts as stated by both, but only if the other text raises the topic at all.
            if other_commitments and topic in other_topics:
                sims = tagger.similarity([claim.clause], [c.clause for c in other_commitments])
                if float(sims.max()) >= match:
                    continue
            reported.add(topic)
            counterpart = _nearest(
                tagger, claim.sentence, [t.sentence.text for t in other.tagged if topic in t.topics]
            )
            sentence_a, sentence_b = _pair(claim.sentence, counterpart, side)
            label = lexicon.label(topic)
            out.append(
                Conflict(
                    "one-sided-commitment",
                    topic,
                    sentence_a,
                    sentence_b,
                    f"{label}: only {own.label} records a commitment: {_short(claim.clause)!r}.",
                    side,
                )
            )
    return out


def _substance(lexicon: Lexicon, topic: str, a: Side, b: Side) -> list[Conflict]:
    on_a, on_b = _on(a, topic), _on(b, topic)
    label = lexicon.label(topic)
    for first, second in ((on_a, on_b), (on_b, on_a)):
        for x in first:
            for y in second:
                if x.demands_of and y.demands_of and not (x.demands_of & y.demands_of):
                    ca, cb = (x, y) if first is on_a else (y, x)
                    return [
                        Conflict(
                            "substance",
                            topic,
                            ca.sentence,
                            cb.sentence,
                            f"{label}: each side presses the other ({a.label} presses "
                            f"{_parties(ca.demands_of)}; {b.label} presses "
                            f"{_parties(cb.demands_of)}).",
                        )
                    ]
    for agreed_side, opposed_side, agreed, opposed in ((a, b, on_a, on_b), (b, a, on_b, on_a)):
        yes = [c for c in agreed if c.level == AGREEMENT]
        no = [c for c in opposed if c.opposition]
        if yes and no and not any(c.level == AGREEMENT for c in opposed):
            ca, cb = (yes[0], no[0]) if agreed_side is a else (no[0], yes[0])
            return [
                Conflict(
                    "substance",
                    topic,
                    ca.sentence,
                    cb.sentence,
                    f"{label}: {agreed_side.label} reports agreement while "
                    f"{opposed_side.label} states opposition.",
                )
            ]
    return []


def _tone(cues: Cues, a: Side, b: Side) -> list[Conflict]:
    if not a.tone or not b.tone:
        return []
    registers = {w.word: w.register for w in cues.tone}
    if {registers[w] for w in a.tone} == {registers[w] for w in b.tone}:
        return []
    return [
        Conflict(
            "tone",
            "",
            a.tone_sentence,
            b.tone_sentence,
            f"Tone: {a.label} calls the talks {', '.join(a.tone)}; "
            f"{b.label} calls them {', '.join(b.tone)}.",
        )
    ]


def _parties(parties: frozenset[str]) -> str:
    return " and ".join(_PARTY_NAMES.get(p, p) for p in sorted(parties))


def _short(text: str, limit: int = 110) -> str:
    text = text.rstrip(" .")
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"
