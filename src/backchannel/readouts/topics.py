"""Tag sentences and clauses with topics, then align the topics of two readouts.

Two taggers share one interface (``Tagger``):

``KeywordTagger``
    a topic is present when one of its ``keywords`` occurs; similarity between
    sentences is the overlap of their content words. No model, no torch.
``EmbeddingTagger``
    each unit (sentence or clause) is embedded once; its score for a topic is
    the best cosine with that topic's ``examples``, plus ``keyword_bonus``
    when a keyword also occurs. A topic is present at ``threshold`` or above;
    the best-scoring topic is also present when it reaches ``top_floor`` and
    leads the runner-up by ``top_margin``. So a paraphrase with no shared word
    still counts, and a keyword used in passing ("without limiting trade")
    can be outvoted by the meaning.

Both settings live in ``topics.yaml`` (``embedding:``), not in code.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np
from numpy.typing import NDArray

from backchannel.readouts.embeddings import Encoder, Vectors
from backchannel.readouts.lexicon import Lexicon
from backchannel.readouts.records import Method, Status, TopicAlignment
from backchannel.readouts.text import Sentence

Matrix = NDArray[np.float32]

_WORD = re.compile(r"[a-z][a-z'-]+")
_STOP = frozenset(
    [
        "the",
        "and",
        "of",
        "to",
        "in",
        "on",
        "a",
        "an",
        "for",
        "with",
        "that",
        "this",
        "by",
        "as",
        "at",
        "its",
        "their",
        "his",
        "her",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "will",
        "would",
        "should",
        "two",
        "sides",
        "side",
        "both",
        "also",
        "said",
        "from",
        "which",
        "who",
        "it",
        "they",
        "he",
        "she",
        "we",
        "our",
        "us",
        "china",
        "chinese",
        "united",
        "states",
        "president",
        "xi",
        "biden",
        "trump",
        "leaders",
        "leader",
    ]
)


class Tagger(Protocol):
    """Scores units (sentences or clauses) against topics and against each other."""

    method: Method

    def prepare(self, units: Sequence[str]) -> None:
        """Look at every unit of both texts once (the embedding tagger encodes them here)."""

    def topics(self, unit: str) -> dict[str, float]:
        """Topic id → score for the topics present in ``unit``."""

    def similarity(self, left: Sequence[str], right: Sequence[str]) -> Matrix:
        """Pairwise similarity in 0..1, ``len(left) × len(right)``."""


@dataclass(frozen=True, slots=True)
class EmbeddingSettings:
    threshold: float = 0.65
    keyword_bonus: float = 0.3
    top_floor: float = 1.0  # 1.0 switches the best-topic rule off
    top_margin: float = 1.0


class KeywordTagger:
    """Topics from the keyword lists; similarity from shared content words."""

    method: Method = "keywords"

    def __init__(self, lexicon: Lexicon) -> None:
        self._lexicon = lexicon

    def prepare(self, units: Sequence[str]) -> None:
        return None

    def topics(self, unit: str) -> dict[str, float]:
        return keyword_topics(self._lexicon, unit)

    def similarity(self, left: Sequence[str], right: Sequence[str]) -> Matrix:
        bags_l = [_content_words(s) for s in left]
        bags_r = [_content_words(s) for s in right]
        out = np.zeros((len(left), len(right)), dtype=np.float32)
        for i, bl in enumerate(bags_l):
            for j, br in enumerate(bags_r):
                union = bl | br
                out[i, j] = len(bl & br) / len(union) if union else 0.0
        return out


class EmbeddingTagger:
    """Topics from sentence embeddings against each topic's example sentences."""

    method: Method = "embeddings"

    def __init__(self, lexicon: Lexicon, encoder: Encoder, settings: EmbeddingSettings) -> None:
        self._lexicon = lexicon
        self._encoder = encoder
        self._settings = settings
        self._examples, self._owner = _example_vectors(encoder, lexicon)
        self._cache: dict[str, Vectors] = {}

    def prepare(self, units: Sequence[str]) -> None:
        todo = list(dict.fromkeys(u for u in units if u not in self._cache))
        if todo:
            for unit, vector in zip(todo, self._encoder.encode(todo), strict=True):
                self._cache[unit] = vector

    def _vectors(self, units: Sequence[str]) -> Matrix:
        self.prepare(units)
        if not units:
            return np.zeros((0, self._examples.shape[1]), dtype=np.float32)
        return np.stack([self._cache[u] for u in units])

    def topic_scores(self, unit: str) -> dict[str, float]:
        """Every topic's score for ``unit`` (before the threshold)."""
        sims = self._examples @ self._vectors([unit])[0]
        scores: dict[str, float] = {}
        for topic_index, topic in enumerate(self._lexicon.topics):
            scores[topic.id] = float(sims[self._owner == topic_index].max())
        for topic_id in keyword_topics(self._lexicon, unit):
            scores[topic_id] += self._settings.keyword_bonus
        return scores

    def topics(self, unit: str) -> dict[str, float]:
        settings = self._settings
        scores = self.topic_scores(unit)
        found = {t: s for t, s in scores.items() if s >= settings.threshold}
        ranked = sorted(scores.items(), key=lambda item: item[1], reverse=True)
        if len(ranked) > 1:
            (best, top), (_, second) = ranked[0], ranked[1]
            if top >= settings.top_floor and top - second >= settings.top_margin:
                found[best] = top  # a clear winner, even in words no example uses
        return found

    def similarity(self, left: Sequence[str], right: Sequence[str]) -> Matrix:
        sims: Matrix = np.clip(self._vectors(left) @ self._vectors(right).T, 0.0, 1.0)
        return sims.astype(np.float32)


def keyword_topics(lexicon: Lexicon, unit: str) -> dict[str, float]:
    """Topic id → 1.0 for each topic with a keyword in ``unit``."""
    return {t.id: 1.0 for t in lexicon.topics if t.pattern.search(unit)}


# (id(encoder), id(lexicon)) → (encoder, lexicon, vectors, owner). The entry holds
# the objects themselves, so their ids cannot be reused while it exists.
_EXAMPLES: dict[tuple[int, int], tuple[Encoder, Lexicon, Matrix, NDArray[np.int_]]] = {}
_EXAMPLES_MAX = 4


def _example_vectors(encoder: Encoder, lexicon: Lexicon) -> tuple[Matrix, NDArray[np.int_]]:
    """All topic examples embedded once per (encoder, lexicon), with their topic index."""
    key = (id(encoder), id(lexicon))
    if key not in _EXAMPLES:
        texts: list[str] = []
        owner: list[int] = []
        for index, topic in enumerate(lexicon.topics):
            texts.extend(topic.examples)
            owner.extend([index] * len(topic.examples))
        if len(_EXAMPLES) >= _EXAMPLES_MAX:
            _EXAMPLES.pop(next(iter(_EXAMPLES)))
        _EXAMPLES[key] = (encoder, lexicon, encoder.encode(texts), np.asarray(owner))
    _, _, vectors, owners = _EXAMPLES[key]
    return vectors, owners


def _content_words(text: str) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall(text.lower()) if w not in _STOP)


@dataclass(frozen=True, slots=True)
class TaggedSentence:
    """A sentence, its topics, and the topics of each of its clauses."""

    sentence: Sentence
    topics: frozenset[str]
    clauses: tuple[tuple[str, frozenset[str]], ...]


def tag_sentences(
    tagger: Tagger, sentences: Sequence[Sentence], clauses_of: Sequence[Sequence[str]]
) -> list[TaggedSentence]:
    """Topics per sentence: its own, plus those of its clauses (long sentences list many)."""
    tagged: list[TaggedSentence] = []
    for sentence, parts in zip(sentences, clauses_of, strict=True):
        own = set(tagger.topics(sentence.text))
        clause_topics: list[tuple[str, frozenset[str]]] = []
        for part in parts:
            found = frozenset(tagger.topics(part)) if len(parts) > 1 else frozenset(own)
            clause_topics.append((part, found))
            own |= found
        tagged.append(TaggedSentence(sentence, frozenset(own), tuple(clause_topics)))
    return tagged


def align_topics(
    tagger: Tagger,
    lexicon: Lexicon,
    tagged_a: Sequence[TaggedSentence],
    tagged_b: Sequence[TaggedSentence],
) -> tuple[TopicAlignment, ...]:
    """One ``TopicAlignment`` per topic raised by either text, in lexicon order, both first."""
    all_a = [t.sentence.text for t in tagged_a]
    all_b = [t.sentence.text for t in tagged_b]
    rows: list[TopicAlignment] = []
    for topic in lexicon.topics:
        in_a = [t.sentence.text for t in tagged_a if topic.id in t.topics]
        in_b = [t.sentence.text for t in tagged_b if topic.id in t.topics]
        if not in_a and not in_b:
            continue
        status: Status = "both" if in_a and in_b else ("only_a" if in_a else "only_b")
        left, right = (in_a, in_b) if status == "both" else (in_a, all_b) if in_a else (all_a, in_b)
        sims = tagger.similarity(left, right)
        similarity = float(sims.max()) if sims.size else 0.0
        rows.append(
            TopicAlignment(topic.id, topic.label, status, tuple(in_a), tuple(in_b), similarity)
        )
    order = {"both": 0, "only_a": 1, "only_b": 2}
    return tuple(sorted(rows, key=lambda r: order[r.status]))
