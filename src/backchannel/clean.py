"""Remove adverts, site boilerplate and SEO filler from article text, with a reason per span.

``clean(text)`` runs three stages:

1. segment   the text into blocks (paragraphs, or lines that stand alone) and
             each block into sentences, all as offsets into the input;
2. classify  sentences (lexicon hits, advert score, SEO-filler score) and
             blocks (share-button rows, decorated title repeats, advert
             banners, the trailing boilerplate run), repeated until nothing
             more goes, so that cleaning the output again removes nothing;
3. assemble  the kept blocks, separated by blank lines, and the removed spans,
             which index the *original* text (``text[s.start:s.end] == s.text``).

Section headings are kept as their own paragraphs: they are harmless to the
NLP stage and keeping the paragraph break stops them being read as the start
of the next sentence. The rules and word lists are data
(``backchannel/data/clean/*.yaml``), loaded once by :func:`load_rules`. The
sentence splitter is a regular expression on purpose: this runs on every
document before spaCy and must stay cheap.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path
from typing import Any

import yaml

from backchannel.errors import KnowledgeBaseError
from backchannel.model import RemovedSpan

__all__ = [
    "REASONS",
    "CleanResult",
    "CleanRules",
    "Language",
    "clean",
    "load_rules",
    "longest_sentence",
    "looks_english",
    "removed_summary",
]

_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")
_LINE_END_PUNCT = frozenset('.!?:;"”’)]')
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+\S)")
_WORD_BEFORE = re.compile(r"([\w.]+)$")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_DECORATED = re.compile(r"^(?P<base>.+?)\s+[-–—|:•·]\s+(?P<suffix>[^-–—|:•·]+)$")
_SMALL_WORDS = frozenset(
    ["a", "an", "the", "of", "for", "and", "or", "in", "on", "to", "with", "at", "by", "from"]
)
# A removed block or sentence with one of these reasons can start the trailing
# run of site furniture that is removed wholesale.
_TAIL_REASONS = frozenset({"boilerplate", "comment-form", "navigation"})
_TAIL_SHORT_WORDS = 8  # "Name *", "Post Comment", "Reporting by …" after a comment form
_TAIL_BLOCK_WORDS = 40  # a partly removed block this short in the tail goes entirely
_MAX_HEADING_WORDS = 25
_MAX_BANNER_WORDS = 6
_MAX_NAV_WORDS = 12
_MAX_PASSES = 8


@dataclass(frozen=True, slots=True)
class CleanResult:
    """The cleaned text, and every span removed from the input with its reason."""

    text: str
    removed: tuple[RemovedSpan, ...]


@dataclass(slots=True)
class _Block:
    start: int
    end: int
    sentences: list[tuple[int, int]]


class _Run:
    """One document being cleaned: its blocks, and what has been removed so far."""

    def __init__(self, text: str, title: str, rules: CleanRules) -> None:
        self.text, self.title, self.rules = text, title, rules
        self.blocks = _segment(text, rules)
        self.block_reason: dict[int, str] = {}
        self.sentence_reason: dict[int, dict[int, str]] = {}
        # per-sentence results that do not depend on what else is removed, computed once
        self._verdicts: dict[tuple[int, int], tuple[str | None, float]] = {}
        self._words: dict[tuple[int, int], tuple[set[str], int]] = {}

    def sentence(self, bi: int, si: int) -> str:
        start, end = self.blocks[bi].sentences[si]
        return self.text[start:end]

    def kept_sentences(self, bi: int) -> list[int]:
        if bi in self.block_reason:
            return []
        removed = self.sentence_reason.get(bi, {})
        return [si for si in range(len(self.blocks[bi].sentences)) if si not in removed]

    def removed_reason(self, bi: int) -> str | None:
        """Why block ``bi`` is gone (its dominant sentence reason), or None if any of it is kept."""
        if bi in self.block_reason:
            return self.block_reason[bi]
        removed = self.sentence_reason.get(bi, {})
        if not removed or len(removed) < len(self.blocks[bi].sentences):
            return None
        return Counter(removed.values()).most_common(1)[0][0]

    def intact(self, bi: int) -> bool:
        return bi not in self.block_reason and not self.sentence_reason.get(bi)

    def kept_text(self, bi: int) -> str:
        """Block ``bi`` as it will appear in the output."""
        block = self.blocks[bi]
        if self.intact(bi):
            return self.text[block.start : block.end]
        return " ".join(self.sentence(bi, si) for si in self.kept_sentences(bi))

    def verdict(self, bi: int, si: int) -> tuple[str | None, float]:
        if (bi, si) not in self._verdicts:
            self._verdicts[(bi, si)] = _fixed_verdict(self.sentence(bi, si), self.rules)
        return self._verdicts[(bi, si)]

    def words(self, bi: int, si: int) -> tuple[set[str], int]:
        if (bi, si) not in self._words:
            sentence = self.sentence(bi, si)
            self._words[(bi, si)] = (_stems(sentence, self.rules), len(_WORD.findall(sentence)))
        return self._words[(bi, si)]


def clean(text: str, *, title: str = "", rules: CleanRules | None = None) -> CleanResult:
    """Remove adverts, boilerplate, navigation, comment forms and SEO filler from ``text``.

    ``title`` (optional) lets the cleaner recognise the article's title repeated
    in the body. Offsets in ``removed`` index ``text`` exactly; the cleaned text
    keeps paragraph breaks (``\\n\\n``) and is never longer than the input.
    """
    run = _Run(text, title, rules or load_rules())
    for _ in range(_MAX_PASSES):
        if not _classify_pass(run):
            break
    return CleanResult(_assemble(run), _removed_spans(run))


def removed_summary(result: CleanResult) -> dict[str, int]:
    """How many spans were removed, by reason (sorted by reason)."""
    counts = Counter(span.reason for span in result.removed)
    return dict(sorted(counts.items()))


def looks_english(text: str, rules: CleanRules | None = None) -> str | None:
    """None when ``text`` reads as English; else why not, in words a user can act on.

    Cheap on purpose (it runs before spaCy): the share of letters in the Latin
    script, then the share of words that are common English function words.
    Thresholds are data (``language.yaml``, ``english``).
    """
    lang = (rules or load_rules()).language
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return None
    latin = sum(1 for c in letters if c.isascii() or "\u00c0" <= c <= "\u024f") / len(letters)
    if latin < lang.min_latin_share:
        return (
            f"only {latin:.0%} of the letters are Latin script; backchannel reads English "
            "articles: translate it first"
        )
    words = [w.casefold() for w in _WORD.findall(text)]
    if len(words) < lang.min_words:
        return None
    stopwords = (rules or load_rules()).stopwords
    share = sum(1 for w in words if w in stopwords) / len(words)
    if share < lang.min_stopword_share:
        return (
            f"{share:.0%} of its {len(words):,} words are common English words (English text "
            f"has over {lang.min_stopword_share:.0%}); backchannel reads English articles: "
            "translate it first"
        )
    return None


def longest_sentence(text: str, rules: CleanRules | None = None) -> int:
    """Words in the longest sentence of ``text``, by the cleaner's (regex) segmentation.

    Linear and cheap, so a run can refuse a pathological sentence before the
    parser spends minutes on it.
    """
    longest = 0
    for block in _segment(text, rules or load_rules()):
        for start, end in block.sentences:
            longest = max(longest, len(text[start:end].split()))
    return longest


# --- segmentation -----------------------------------------------------------------------


def _segment(text: str, rules: CleanRules) -> list[_Block]:
    blocks: list[_Block] = []
    for p_start, p_end in _paragraph_spans(text):
        group: tuple[int, int] | None = None
        for l_start, l_end in _line_spans(text, p_start, p_end):
            if group is not None and _continues(text[group[1] - 1], text[l_start]):
                group = (group[0], l_end)
                continue
            if group is not None:
                blocks.append(_Block(*group, _sentence_spans(text, *group, rules)))
            group = (l_start, l_end)
        if group is not None:
            blocks.append(_Block(*group, _sentence_spans(text, *group, rules)))
    return blocks


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _BLANK_LINE.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    return [s for s in (_strip_span(text, a, b) for a, b in spans) if s is not None]


def _line_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl < 0 else nl
        span = _strip_span(text, pos, stop)
        if span is not None:
            spans.append(span)
        pos = stop + 1
    return spans


def _strip_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def _continues(last_char: str, first_char: str) -> bool:
    """A hard-wrapped line continues the previous one; a line after a finished one stands alone."""
    return last_char not in _LINE_END_PUNCT and first_char.islower()


def _sentence_spans(text: str, start: int, end: int, rules: CleanRules) -> list[tuple[int, int]]:
    block = text[start:end]
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _SENTENCE_END.finditer(block):
        if not _is_boundary(block, m, rules.abbreviations):
            continue
        spans.append((pos, m.end()))
        pos = m.end()
        while pos < len(block) and block[pos].isspace():
            pos += 1
    if pos < len(block):
        spans.append((pos, len(block)))
    return [(start + a, start + b) for a, b in spans if b > a]


def _is_boundary(block: str, m: re.Match[str], abbreviations: frozenset[str]) -> bool:
    # indexes and a short window, not slices of the rest: a long paragraph must stay linear
    nxt = m.end()
    while nxt < len(block) and block[nxt].isspace():
        nxt += 1
    if nxt == len(block):
        return False
    first = block[nxt]
    if not (first.isupper() or first.isdigit() or first in "\"“‘'([«"):
        return False
    if m.group(0) == ".":
        before = _WORD_BEFORE.search(block[max(0, m.start() - 24) : m.start()])
        if before is not None:
            word = before.group(1)
            if word.casefold() in abbreviations or (len(word) == 1 and word.isupper()):
                return False
    return True


# --- classification ---------------------------------------------------------------------


def _classify_pass(run: _Run) -> bool:
    """One round of every rule on what is still kept; True if anything more was removed."""
    changed = _sentence_pass(run)
    # the tail first, so that "Email *" under a comment form is comment-form, not a share row
    changed = _tail_pass(run) or changed
    for bi in range(len(run.blocks)):
        if run.removed_reason(bi) is None and (reason := _block_rule(run, bi)) is not None:
            run.block_reason[bi] = reason
            changed = True
    return changed


def _sentence_pass(run: _Run) -> bool:
    rules = run.rules
    vocabulary: Counter[str] = Counter(_stems(run.title, rules))  # stem -> kept sentences using it
    doc_words = 0
    for bi in range(len(run.blocks)):
        for si in run.kept_sentences(bi):
            stems, n_words = run.words(bi, si)
            vocabulary.update(stems)
            doc_words += n_words
    changed = False
    for bi in range(len(run.blocks)):
        for si in run.kept_sentences(bi):
            reason, seo_cues = run.verdict(bi, si)
            if reason is None and seo_cues > 0:
                unseen = _off_topic_weight(run.words(bi, si)[0], vocabulary, doc_words, rules)
                reason = "seo-filler" if seo_cues + unseen >= rules.seo_threshold else None
            if reason is not None:
                run.sentence_reason.setdefault(bi, {})[si] = reason
                changed = True
    return changed


def _fixed_verdict(sentence: str, rules: CleanRules) -> tuple[str | None, float]:
    """What a sentence is on its own: a lexicon or advert reason, and its SEO-bridge cues.

    Neither depends on the rest of the document, so each sentence is judged once.
    """
    for reason, regex in rules.sentence_lexicon:
        if regex.search(sentence):
            return reason, 0.0
    if _advert_score(sentence, rules) >= rules.advert_threshold:
        return "advert", 0.0
    cues = 0.0
    if rules.seo_templates.regex.search(sentence):
        cues += rules.seo_templates.weight
    elif rules.seo_weak_templates.regex.search(sentence):
        cues += rules.seo_weak_templates.weight
    if rules.seo_opener.regex.search(sentence):
        cues += rules.seo_opener.weight
    if cues == 0.0:
        # A bridge is built by its connective. Without one, trending words and new
        # vocabulary are just reporting: a list of the sectors a country invests in.
        return None, 0.0
    if rules.seo_buzzwords.regex.search(sentence):
        cues += rules.seo_buzzwords.weight
    return None, cues


def _advert_score(sentence: str, rules: CleanRules) -> float:
    score = 0.0
    for cue in rules.advert_cues:
        matches = {m.group(0).casefold() for m in cue.regex.finditer(sentence)}
        score += cue.weight * len(matches)
    return score


def _off_topic_weight(
    stems: set[str], vocabulary: Counter[str], doc_words: int, rules: CleanRules
) -> float:
    """The band weight for the share of a sentence's words found nowhere else in the article."""
    if doc_words < rules.off_topic.min_document_words:
        return 0.0
    if len(stems) < rules.off_topic.min_sentence_words:
        return 0.0
    # the vocabulary counts each sentence once, so a count of 1 is this sentence itself
    unseen = sum(1 for s in stems if vocabulary[s] <= 1) / len(stems)
    return max((w for share, w in rules.off_topic.bands if unseen >= share), default=0.0)


def _stems(sentence: str, rules: CleanRules) -> set[str]:
    n = rules.off_topic.stem_length
    words = (w.casefold().removesuffix("'s").removesuffix("’s") for w in _WORD.findall(sentence))
    return {w[:n] for w in words if len(w) >= 3 and w not in rules.stopwords}


def _block_rule(run: _Run, bi: int) -> str | None:
    body = run.kept_text(bi)
    if _norm(body) in run.rules.advert_markers or _advert_block(run, bi, body):
        return "advert"
    words = _WORD.findall(body.casefold())
    if words and len(words) <= _MAX_NAV_WORDS:
        nav = sum(1 for w in words if w in run.rules.navigation_words)
        if nav == len(words) or (len(words) >= 3 and nav / len(words) >= 0.8):
            return "navigation"
    if not _heading_like(body):
        return None
    if _is_title_repeat(run, bi, body):
        return "duplicate-title"
    neighbours = (run.removed_reason(n) for n in (bi - 1, bi + 1) if 0 <= n < len(run.blocks))
    if (
        len(words) <= _MAX_BANNER_WORDS
        and _title_case(body)
        and run.rules.banner_words.search(body)
        and (_advert_score(body, run.rules) >= run.rules.advert_threshold or "advert" in neighbours)
    ):
        return "advert"
    return None


def _advert_block(run: _Run, bi: int, body: str) -> bool:
    """A short paragraph that is all advert, though not every sentence says so on its own.

    Either it already lost more advert sentences than it keeps, or what it keeps
    carries advert cues too, or it follows an advert marker line and has one weak
    cue. Reporting ("said", "according to") always keeps a paragraph.
    """
    rules = run.rules
    adverts = sum(1 for r in run.sentence_reason.get(bi, {}).values() if r == "advert")
    previous = run.blocks[bi - 1] if bi > 0 else None
    after_marker = previous is not None and (
        _norm(run.text[previous.start : previous.end]) in rules.advert_markers
    )
    if not (adverts or after_marker):
        return False  # the common case, decided without looking at the paragraph
    whole = run.text[run.blocks[bi].start : run.blocks[bi].end]
    if len(whole.split()) > rules.advert_block_max_words or rules.reporting.search(whole):
        return False
    kept = run.kept_sentences(bi)
    if adverts and (
        adverts > len(kept) or all(_advert_score(run.sentence(bi, si), rules) > 0 for si in kept)
    ):
        return True
    return after_marker and _advert_score(body, rules) >= rules.advert_after_marker


def _is_title_repeat(run: _Run, bi: int, body: str) -> bool:
    decorated = _DECORATED.match(body)
    if decorated and _norm(decorated["suffix"]) in run.rules.title_decorations:
        return True
    kept_before = (b for b in range(bi) if run.removed_reason(b) is None)
    first_bi = next(kept_before, None)
    first = run.kept_text(first_bi) if first_bi is not None else ""
    first = _norm(first) if first and _heading_like(first) else ""
    title = _norm(run.title)
    references = {title, first} - {""}
    # "Title | Site Name": the title with a short suffix of any kind
    short_suffix = decorated is not None and len(decorated["suffix"].split()) <= 5
    if decorated and short_suffix and _norm(decorated["base"]) in references:
        return True
    if first and _norm(body) == first:
        return True
    # the title itself may open the body once (it is useful there); a second copy is not
    return (
        bool(title)
        and _norm(body) == title
        and any(
            run.removed_reason(b) is None and _norm(run.kept_text(b)) == title for b in range(bi)
        )
    )


def _tail_pass(run: _Run) -> bool:
    """Remove the run of site furniture at the end: comment forms, footers, share rows."""
    start: int | None = None
    for bi in range(len(run.blocks) - 1, -1, -1):
        reason = run.removed_reason(bi)
        if reason is not None:
            start = bi if reason in _TAIL_REASONS else start
            continue
        body = run.kept_text(bi)
        n_words = len(_WORD.findall(body))
        partial = set(run.sentence_reason.get(bi, {}).values())
        if partial & _TAIL_REASONS and n_words <= _TAIL_BLOCK_WORDS:
            start = bi
        elif not (n_words <= _TAIL_SHORT_WORDS and body[-1] not in ".!?"):
            break
    changed = False
    carried = "boilerplate"
    for bi in range(len(run.blocks) if start is None else start, len(run.blocks)):
        reason = run.removed_reason(bi)
        if reason is not None:
            carried = reason if reason in _TAIL_REASONS else carried
            continue
        partial = set(run.sentence_reason.get(bi, {}).values()) & _TAIL_REASONS
        run.block_reason[bi] = min(partial) if partial else carried
        changed = True
    return changed


def _heading_like(body: str) -> bool:
    return (
        "\n" not in body
        and body[-1] not in ".!?"
        and len(body.split()) <= _MAX_HEADING_WORDS
        and any(c.isalpha() for c in body)
    )


def _title_case(body: str) -> bool:
    words = [w for w in _WORD.findall(body) if w.casefold() not in _SMALL_WORDS]
    capitalised = sum(1 for w in words if w[0].isupper())
    return bool(words) and capitalised / len(words) >= 0.6


def _norm(value: str) -> str:
    return " ".join(_WORD.findall(value.casefold()))


# --- assembly ---------------------------------------------------------------------------


def _assemble(run: _Run) -> str:
    pieces: list[str] = []
    previous: int | None = None
    for bi, block in enumerate(run.blocks):
        if run.removed_reason(bi) is not None:
            continue
        if previous is not None:
            # Lines that stood apart with a single newline keep it, so the output is never
            # longer than the input; anything touched by a removal gets a paragraph break,
            # which the removed text always pays for.
            gap = run.text[run.blocks[previous].end : block.start]
            single = bi == previous + 1 and run.intact(previous) and run.intact(bi)
            pieces.append("\n" if single and not _BLANK_LINE.search(gap) else "\n\n")
        pieces.append(run.kept_text(bi))
        previous = bi
    return "".join(pieces)


def _removed_spans(run: _Run) -> tuple[RemovedSpan, ...]:
    spans: list[RemovedSpan] = []
    for bi, block in enumerate(run.blocks):
        if bi in run.block_reason:
            text = run.text[block.start : block.end]
            spans.append(RemovedSpan(block.start, block.end, text, run.block_reason[bi]))
            continue
        for si, reason in sorted(run.sentence_reason.get(bi, {}).items()):
            start, end = block.sentences[si]
            spans.append(RemovedSpan(start, end, run.text[start:end], reason))
    return tuple(spans)


# --- rules (data files) -----------------------------------------------------------------

# what RemovedSpan.reason can be
REASONS = ("advert", "boilerplate", "seo-filler", "navigation", "comment-form", "duplicate-title")
_DATA_FILES = ("lexicon.yaml", "seo_filler.yaml", "language.yaml")


@dataclass(frozen=True, slots=True)
class Cue:
    """A compiled case-insensitive regular expression and what a match is worth."""

    regex: re.Pattern[str]
    weight: float = 1.0


@dataclass(frozen=True, slots=True)
class OffTopic:
    """How the share of a sentence's words found nowhere else in the article is scored."""

    min_document_words: int
    min_sentence_words: int
    stem_length: int
    bands: tuple[tuple[float, float], ...]


@dataclass(frozen=True, slots=True)
class Language:
    """When a text counts as English (see :func:`looks_english`)."""

    min_words: int
    min_latin_share: float
    min_stopword_share: float


@dataclass(frozen=True, slots=True)
class CleanRules:
    """Everything the cleaner looks up, compiled from ``data/clean/*.yaml``."""

    version: str
    sentence_lexicon: tuple[tuple[str, re.Pattern[str]], ...]  # (reason, regex), first wins
    advert_threshold: float
    advert_cues: tuple[Cue, ...]
    advert_block_max_words: int
    advert_after_marker: float
    advert_markers: frozenset[str]
    reporting: re.Pattern[str]
    banner_words: re.Pattern[str]
    title_decorations: frozenset[str]
    navigation_words: frozenset[str]
    seo_threshold: float
    seo_templates: Cue
    seo_weak_templates: Cue
    seo_opener: Cue
    seo_buzzwords: Cue
    off_topic: OffTopic
    abbreviations: frozenset[str]
    stopwords: frozenset[str]
    language: Language


def load_rules(directory: Path | None = None) -> CleanRules:
    """The cleaner's rules: the bundled ones (cached), or those in ``directory``.

    A directory must hold the same three files as ``backchannel/data/clean``
    (lexicon.yaml, seo_filler.yaml, language.yaml). An invalid file raises
    ``KnowledgeBaseError`` naming the file and the key.
    """
    if directory is None:
        return _bundled_rules()
    return _compile_rules({name: directory / name for name in _DATA_FILES})


@functools.lru_cache(maxsize=1)
def _bundled_rules() -> CleanRules:
    base = resources.files("backchannel") / "data" / "clean"
    return _compile_rules({name: base / name for name in _DATA_FILES})


def _compile_rules(files: dict[str, Path | Traversable]) -> CleanRules:
    lex, seo, lang = (_Data(name, _read_yaml(files[name])) for name in _DATA_FILES)
    sentence_lexicon = []
    for key in ("boilerplate", "comment_form", "navigation"):
        reason = lex.get(str, key, "reason")
        if reason not in REASONS:
            raise lex.error((key, "reason"), f"{reason!r} is not one of {', '.join(REASONS)}")
        sentence_lexicon.append((reason, lex.regex(key)))
    bands = seo.get(list, "off_topic", "bands")
    if not all(isinstance(b, list) and len(b) == 2 for b in bands):
        raise seo.error(("off_topic", "bands"), "expected a list of [share, weight] pairs")
    return CleanRules(
        version="+".join(d.get(str, "version") for d in (lex, seo, lang)),
        sentence_lexicon=tuple(sentence_lexicon),
        advert_threshold=lex.number("advert", "threshold"),
        advert_cues=tuple(lex.cue("advert", level) for level in ("strong", "weak", "terms")),
        advert_block_max_words=int(lex.number("advert", "block_max_words")),
        advert_after_marker=lex.number("advert", "after_marker_threshold"),
        advert_markers=frozenset(_norm(w) for w in lex.words("advert", "markers")),
        reporting=_phrase_regex(lang.words("reporting")),
        banner_words=_phrase_regex(lex.words("advert", "banner_words")),
        title_decorations=frozenset(_norm(w) for w in lex.words("title_decorations")),
        navigation_words=frozenset(w.casefold() for w in lex.words("navigation_words")),
        seo_threshold=seo.number("threshold"),
        seo_templates=seo.cue("templates"),
        seo_weak_templates=seo.cue("weak_templates"),
        seo_opener=seo.cue("opener"),
        seo_buzzwords=seo.cue("buzzwords"),
        off_topic=OffTopic(
            min_document_words=int(seo.number("off_topic", "min_document_words")),
            min_sentence_words=int(seo.number("off_topic", "min_sentence_words")),
            stem_length=int(seo.number("off_topic", "stem_length")),
            bands=tuple((float(a), float(b)) for a, b in bands),
        ),
        abbreviations=frozenset(w.casefold() for w in lang.words("abbreviations")),
        stopwords=frozenset(w.casefold() for w in lang.words("stopwords")),
        language=Language(
            min_words=int(lang.number("english", "min_words")),
            min_latin_share=lang.number("english", "min_latin_share"),
            min_stopword_share=lang.number("english", "min_stopword_share"),
        ),
    )


def _read_yaml(path: Path | Traversable) -> dict[str, Any]:
    try:
        loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise KnowledgeBaseError(f"data/clean/{path.name}: cannot be read: {exc}") from exc
    if not isinstance(loaded, dict):
        raise KnowledgeBaseError(f"data/clean/{path.name}: expected a mapping at the top level")
    return loaded


def _phrase_regex(phrases: list[str]) -> re.Pattern[str]:
    # lookarounds instead of \b so that phrases such as "24/7" or "©" match as wholes
    alternation = "|".join(re.escape(p) for p in sorted(set(phrases), key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternation or '(?!)'})(?!\w)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Data:
    """One data file, with typed getters whose errors name the file and the key path."""

    name: str
    data: dict[str, Any]

    def error(self, keys: tuple[str, ...], problem: str) -> KnowledgeBaseError:
        return KnowledgeBaseError(f"data/clean/{self.name}: {'.'.join(keys)}: {problem}")

    def get(self, kind: type[Any] | tuple[type[Any], ...], *keys: str) -> Any:
        value: Any = self.data
        for key in keys:
            value = value.get(key) if isinstance(value, dict) else None
        if not isinstance(value, kind) or isinstance(value, bool):
            kinds = kind if isinstance(kind, tuple) else (kind,)
            expected = " or ".join(k.__name__ for k in kinds)
            raise self.error(keys, f"expected {expected}, found {type(value).__name__}")
        return value

    def number(self, *keys: str) -> float:
        return float(self.get((int, float), *keys))

    def words(self, *keys: str) -> list[str]:
        values = self.get(list, *keys)
        # a bare `no` or `on` is a YAML boolean, not the word: quote it
        if not values or not all(
            isinstance(v, str | int) and not isinstance(v, bool) and str(v).strip() for v in values
        ):
            raise self.error(keys, "expected a non-empty list of words (quote yes/no/on/off)")
        return [str(v) for v in values]

    def compile(self, pattern: str, keys: tuple[str, ...]) -> re.Pattern[str]:
        try:
            return re.compile(pattern, re.IGNORECASE)
        except re.error as exc:
            raise self.error(keys, f"invalid regular expression {pattern!r}: {exc}") from exc

    def regex(self, *keys: str) -> re.Pattern[str]:
        """One regex for a section's ``phrases`` (whole words) and ``patterns`` (regexes)."""
        section = self.get(dict, *keys)
        parts = (
            [_phrase_regex(self.words(*keys, "phrases")).pattern] if "phrases" in section else []
        )
        if "patterns" in section:
            patterns = self.words(*keys, "patterns")
            parts += [self.compile(p, (*keys, "patterns")).pattern for p in patterns]
        if not parts:
            raise self.error(keys, "a section needs phrases or patterns")
        return re.compile("|".join(f"(?:{p})" for p in parts), re.IGNORECASE)

    def cue(self, *keys: str) -> Cue:
        return Cue(self.regex(*keys), self.number(*keys, "weight"))
