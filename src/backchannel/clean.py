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
from pathlib import Path

from importlib import resources
from importlib.abc import Traversable
from typing import Any

import yaml

from backchannel.errors import KnowledgeBaseError
from backchannel.model import RemovedSpan

__all__ = ["REASONS", "CleanResult", "CleanRules", "clean", "load_rules", "removed_summary"]

_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")
_LINE_END_PUNCT = frozenset(".!?:;\"”’)]")
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+\S)")
_WORD_BEFORE = re.compile(r"([\w.]+)$")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_DECORATED = re.compile(r"^(?P<base>.+?)\s+[-–—|:•·]\s+(?P<suffix>[^-–—|:•·]+)$")
_SMALL_WORDS = frozenset("a an the of for and or in on to with at by from".split())
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


@dataclass(slots=True)
class _State:
    """What has been removed so far: whole blocks, and single sentences."""

    blocks: list[_Block]
    block_reason: dict[int, str]
    sentence_reason: dict[tuple[int, int], str]

    def kept_sentences(self, bi: int) -> list[int]:
        if bi in self.block_reason:
            return []
        return [si for si in range(len(self.blocks[bi].sentences)) if (bi, si) not in self.sentence_reason]

    def removed_reason(self, bi: int) -> str | None:
        """Why block ``bi`` is gone (its dominant sentence reason), or None if any of it is kept."""
        if bi in self.block_reason:
            return self.block_reason[bi]
        if self.kept_sentences(bi):
            return None
        reasons = Counter(r for (b, _), r in self.sentence_reason.items() if b == bi)
        return reasons.most_common(1)[0][0] if reasons else None

    def intact(self, bi: int) -> bool:
        return bi not in self.block_reason and not any(b == bi for b, _ in self.sentence_reason)


def clean(text: str, *, title: str = "", rules: CleanRules | None = None) -> CleanResult:
    """Remove adverts, boilerplate, navigation, comment forms and SEO filler from ``text``.

    ``title`` (optional) lets the cleaner recognise the article's title repeated
    in the body. Offsets in ``removed`` index ``text`` exactly; the cleaned text
    keeps paragraph breaks (``\\n\\n``) and is never longer than the input.
    """
    rules = rules or load_rules()
    state = _State(_segment(text, rules), {}, {})
    for _ in range(_MAX_PASSES):
        if not _classify_pass(text, title, state, rules):
            break
    return CleanResult(_assemble(text, state), _removed_spans(text, state))


def removed_summary(result: CleanResult) -> dict[str, int]:
    """How many spans were removed, by reason (sorted by reason)."""
    counts = Counter(span.reason for span in result.removed)
    return dict(sorted(counts.items()))


# --- segmentation -----------------------------------------------------------------------


def _segment(text: str, rules: CleanRules) -> list[_Block]:
    blocks: list[_Block] = []
    for p_start, p_end in _paragraph_spans(text):
        group: tuple[int, int] | None = None
        for l_start, l_end in _line_spans(text, p_start, p_end):
            if group is not None and _continues(text[group[0] : group[1]], text[l_start:l_end]):
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


def _continues(previous: str, line: str) -> bool:
    """A hard-wrapped line continues the previous one; a line after a finished one stands alone."""
    return previous[-1] not in _LINE_END_PUNCT and line[0].islower()


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
    following = block[m.end() :].lstrip()
    if not following:
        return False
    first = following[0]
    if not (first.isupper() or first.isdigit() or first in "\"“‘'([«"):
        return False
    if m.group(0) == ".":
        before = _WORD_BEFORE.search(block, 0, m.start())
        if before is not None:
            word = before.group(1)
            if word.casefold() in abbreviations or (len(word) == 1 and word.isupper()):
                return False
    return True


# --- classification ---------------------------------------------------------------------


def _classify_pass(text: str, title: str, state: _State, rules: CleanRules) -> bool:
    """One round of every rule on what is still kept; True if anything more was removed."""
    changed = _sentence_pass(text, title, state, rules)
    for bi in range(len(state.blocks)):
        if state.removed_reason(bi) is not None:
            continue
        reason = _block_rule(text, title, bi, state, rules)
        if reason is not None:
            state.block_reason[bi] = reason
            changed = True
    return _tail_pass(text, state, rules) or changed


def _sentence_pass(text: str, title: str, state: _State, rules: CleanRules) -> bool:
    vocabulary, doc_words = _vocabulary(text, title, state, rules)
    changed = False
    for bi, block in enumerate(state.blocks):
        for si in state.kept_sentences(bi):
            sentence = text[slice(*block.sentences[si])]
            reason = _sentence_reason(sentence, vocabulary, doc_words, rules)
            if reason is not None:
                state.sentence_reason[(bi, si)] = reason
                changed = True
    return changed


def _sentence_reason(
    sentence: str, vocabulary: Counter[str], doc_words: int, rules: CleanRules
) -> str | None:
    for reason, regex in rules.sentence_lexicon:
        if regex.search(sentence):
            return reason
    if _advert_score(sentence, rules) >= rules.advert_threshold:
        return "advert"
    if _seo_score(sentence, vocabulary, doc_words, rules) >= rules.seo_threshold:
        return "seo-filler"
    return None


def _advert_score(sentence: str, rules: CleanRules) -> float:
    score = 0.0
    for cue in rules.advert_cues:
        matches = {m.group(0).casefold() for m in cue.regex.finditer(sentence)}
        score += cue.weight * len(matches)
    return score


def _seo_score(sentence: str, vocabulary: Counter[str], doc_words: int, rules: CleanRules) -> float:
    score = 0.0
    if rules.seo_templates.regex.search(sentence):
        score += rules.seo_templates.weight
    elif rules.seo_weak_templates.regex.search(sentence):
        score += rules.seo_weak_templates.weight
    if rules.seo_opener.regex.search(sentence):
        score += rules.seo_opener.weight
    if score == 0.0:
        # A bridge is built by its connective. Without one, trending words and new
        # vocabulary are just reporting: a list of the sectors a country invests in.
        return 0.0
    if rules.seo_buzzwords.regex.search(sentence):
        score += rules.seo_buzzwords.weight
    if doc_words < rules.off_topic.min_document_words:
        return score
    stems = _stems(sentence, rules)
    if len(stems) < rules.off_topic.min_sentence_words:
        return score
    # the vocabulary counts each sentence once, so a count of 1 is this sentence itself
    unseen = sum(1 for s in stems if vocabulary[s] <= 1) / len(stems)
    band_weight = 0.0
    for share, weight in rules.off_topic.bands:
        if unseen >= share:
            band_weight = max(band_weight, weight)
    return score + band_weight


def _stems(sentence: str, rules: CleanRules) -> set[str]:
    n = rules.off_topic.stem_length
    words = (w.casefold().removesuffix("'s").removesuffix("’s") for w in _WORD.findall(sentence))
    return {w[:n] for w in words if len(w) >= 3 and w not in rules.stopwords}


def _vocabulary(text: str, title: str, state: _State, rules: CleanRules) -> tuple[Counter[str], int]:
    """Stem -> number of kept sentences using it (the title counts as one), and the word total."""
    vocabulary: Counter[str] = Counter(_stems(title, rules))
    words = 0
    for bi, block in enumerate(state.blocks):
        for si in state.kept_sentences(bi):
            sentence = text[slice(*block.sentences[si])]
            vocabulary.update(_stems(sentence, rules))
            words += len(_WORD.findall(sentence))
    return vocabulary, words


def _block_rule(text: str, title: str, bi: int, state: _State, rules: CleanRules) -> str | None:
    body = _kept_text(text, bi, state)
    words = _WORD.findall(body.casefold())
    if words and len(words) <= _MAX_NAV_WORDS:
        nav = sum(1 for w in words if w in rules.navigation_words)
        if nav == len(words) or (len(words) >= 3 and nav / len(words) >= 0.8):
            return "navigation"
    if not _heading_like(body):
        return None
    if _is_title_repeat(text, title, bi, body, state, rules):
        return "duplicate-title"
    if (
        len(words) <= _MAX_BANNER_WORDS
        and _title_case(body)
        and rules.banner_words.search(body)
        and (
            _advert_score(body, rules) >= rules.advert_threshold
            or _neighbour_is_advert(bi, state)
        )
    ):
        return "advert"
    return None


def _is_title_repeat(
    text: str, title: str, bi: int, body: str, state: _State, rules: CleanRules
) -> bool:
    decorated = _DECORATED.match(body)
    if decorated and _norm(decorated["suffix"]) in rules.title_decorations:
        return True
    earlier = _first_heading(text, bi, state)
    references = [r for r in (_norm(title), earlier) if r]
    if decorated and len(decorated["suffix"].split()) <= 5 and _norm(decorated["base"]) in references:
        return True
    if _norm(body) == earlier:
        return True
    # the title itself may open the body once (it is useful there); a second copy is not
    return bool(title) and _norm(body) == _norm(title) and _title_seen_before(text, title, bi, state)


def _first_heading(text: str, bi: int, state: _State) -> str:
    """The first kept block, normalised, if it is heading-like and comes before ``bi``."""
    for first in range(bi):
        if state.removed_reason(first) is None:
            body = _kept_text(text, first, state)
            return _norm(body) if _heading_like(body) else ""
    return ""


def _title_seen_before(text: str, title: str, bi: int, state: _State) -> bool:
    wanted = _norm(title)
    return any(
        state.removed_reason(b) is None and _norm(_kept_text(text, b, state)) == wanted
        for b in range(bi)
    )


def _neighbour_is_advert(bi: int, state: _State) -> bool:
    return any(
        0 <= n < len(state.blocks) and state.removed_reason(n) == "advert" for n in (bi - 1, bi + 1)
    )


def _tail_pass(text: str, state: _State, rules: CleanRules) -> bool:
    """Remove the run of site furniture at the end: comment forms, footers, share rows."""
    start: int | None = None
    for bi in range(len(state.blocks) - 1, -1, -1):
        reason = state.removed_reason(bi)
        if reason is not None:
            if reason in _TAIL_REASONS:
                start = bi
            continue
        body = _kept_text(text, bi, state)
        n_words = len(_WORD.findall(body))
        partial = {r for (b, _), r in state.sentence_reason.items() if b == bi}
        if partial & _TAIL_REASONS and n_words <= _TAIL_BLOCK_WORDS:
            start = bi
        elif not (n_words <= _TAIL_SHORT_WORDS and body[-1] not in ".!?"):
            break
    if start is None:
        return False
    changed = False
    carried = "boilerplate"
    for bi in range(start, len(state.blocks)):
        reason = state.removed_reason(bi)
        if reason is not None:
            carried = reason if reason in _TAIL_REASONS else carried
            continue
        partial = {r for (b, _), r in state.sentence_reason.items() if b == bi} & _TAIL_REASONS
        state.block_reason[bi] = sorted(partial)[0] if partial else carried
        changed = True
    return changed


def _kept_text(text: str, bi: int, state: _State) -> str:
    """Block ``bi`` as it will appear in the output."""
    block = state.blocks[bi]
    if state.intact(bi):
        return text[block.start : block.end]
    return " ".join(text[slice(*block.sentences[si])] for si in state.kept_sentences(bi))


def _heading_like(body: str) -> bool:
    return (
        "\n" not in body
        and body[-1] not in ".!?"
        and len(body.split()) <= _MAX_HEADING_WORDS
        and any(c.isalpha() for c in body)
    )


def _title_case(body: str) -> bool:
    words = [w for w in _WORD.findall(body) if w.casefold() not in _SMALL_WORDS]
    if not words:
        return False
    capitalised = sum(1 for w in words if w[0].isupper())
    return capitalised / len(words) >= 0.6


def _norm(value: str) -> str:
    return " ".join(_WORD.findall(value.casefold()))


# --- assembly ---------------------------------------------------------------------------


def _assemble(text: str, state: _State) -> str:
    pieces: list[str] = []
    previous: int | None = None
    for bi, block in enumerate(state.blocks):
        if state.removed_reason(bi) is not None:
            continue
        if previous is not None:
            pieces.append(_separator(text, previous, bi, block, state))
        pieces.append(_kept_text(text, bi, state))
        previous = bi
    return "".join(pieces)


def _separator(text: str, previous: int, bi: int, block: _Block, state: _State) -> str:
    # Lines that stood apart with a single newline keep it, so the output is never
    # longer than the input; anything touched by a removal gets a paragraph break,
    # which the removed text always pays for.
    gap = text[state.blocks[previous].end : block.start]
    if bi == previous + 1 and state.intact(previous) and state.intact(bi) and not _BLANK_LINE.search(gap):
        return "\n"
    return "\n\n"


def _removed_spans(text: str, state: _State) -> tuple[RemovedSpan, ...]:
    spans: list[RemovedSpan] = []
    for bi, block in enumerate(state.blocks):
        if bi in state.block_reason:
            reason = state.block_reason[bi]
            spans.append(RemovedSpan(block.start, block.end, text[block.start : block.end], reason))
            continue
        for si, (start, end) in enumerate(block.sentences):
            reason = state.sentence_reason.get((bi, si))
            if reason is not None:
                spans.append(RemovedSpan(start, end, text[start:end], reason))
    return tuple(spans)


# --- rules (data files) -----------------------------------------------------------------

REASONS: tuple[str, ...] = (
    "advert",
    "boilerplate",
    "seo-filler",
    "navigation",
    "comment-form",
    "duplicate-title",
)
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
class CleanRules:
    """Everything the cleaner looks up, compiled from ``data/clean/*.yaml``."""

    version: str
    sentence_lexicon: tuple[tuple[str, re.Pattern[str]], ...]  # (reason, regex), first wins
    advert_threshold: float
    advert_cues: tuple[Cue, ...]
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
    lexicon = _Section("lexicon.yaml", _read_yaml(files["lexicon.yaml"]))
    seo = _Section("seo_filler.yaml", _read_yaml(files["seo_filler.yaml"]))
    language = _Section("language.yaml", _read_yaml(files["language.yaml"]))

    sentence_lexicon: list[tuple[str, re.Pattern[str]]] = []
    for key in ("boilerplate", "comment_form", "navigation"):
        section = lexicon.section(key)
        reason = section.reason()
        sentence_lexicon.append((reason, section.phrase_or_pattern_regex()))

    advert = lexicon.section("advert")
    if advert.reason() != "advert":
        raise advert.error("reason", "must be 'advert'")
    cues = [
        Cue(sub.phrase_or_pattern_regex(), sub.number("weight"))
        for sub in (advert.section("strong"), advert.section("weak"), advert.section("terms"))
    ]
    off = seo.section("off_topic")
    bands = off.get("bands", list)
    if not all(isinstance(b, list) and len(b) == 2 for b in bands):
        raise off.error("bands", "expected a list of [share, weight] pairs")
    return CleanRules(
        version="+".join(s.text("version") for s in (lexicon, seo, language)),
        sentence_lexicon=tuple(sentence_lexicon),
        advert_threshold=advert.number("threshold"),
        advert_cues=tuple(cues),
        banner_words=_phrase_regex(advert.words("banner_words")),
        title_decorations=frozenset(_norm(w) for w in lexicon.words("title_decorations")),
        navigation_words=frozenset(w.casefold() for w in lexicon.words("navigation_words")),
        seo_threshold=seo.number("threshold"),
        seo_templates=seo.section("templates").cue(),
        seo_weak_templates=seo.section("weak_templates").cue(),
        seo_opener=Cue(seo.section("opener").regex("pattern"), seo.section("opener").number("weight")),
        seo_buzzwords=seo.section("buzzwords").cue(),
        off_topic=OffTopic(
            min_document_words=int(off.number("min_document_words")),
            min_sentence_words=int(off.number("min_sentence_words")),
            stem_length=int(off.number("stem_length")),
            bands=tuple((float(a), float(b)) for a, b in bands),
        ),
        abbreviations=frozenset(w.casefold() for w in language.words("abbreviations")),
        stopwords=frozenset(w.casefold() for w in language.words("stopwords")),
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


class _Section:
    """A mapping from a data file, with typed getters whose errors name file and key."""

    def __init__(self, where: str, data: dict[str, Any]) -> None:
        self.where = where
        self.data = data

    def error(self, key: str, problem: str) -> KnowledgeBaseError:
        return KnowledgeBaseError(f"data/clean/{self.where}: {key}: {problem}")

    def get(self, key: str, kind: type[Any] | tuple[type[Any], ...]) -> Any:
        value = self.data.get(key)
        if not isinstance(value, kind) or isinstance(value, bool):
            kinds = kind if isinstance(kind, tuple) else (kind,)
            expected = " or ".join(k.__name__ for k in kinds)
            raise self.error(key, f"expected {expected}, found {type(value).__name__}")
        return value

    def section(self, key: str) -> _Section:
        return _Section(f"{self.where}: {key}", self.get(key, dict))

    def text(self, key: str) -> str:
        return str(self.get(key, str))

    def number(self, key: str) -> float:
        return float(self.get(key, (int, float)))

    def reason(self) -> str:
        reason = self.text("reason")
        if reason not in REASONS:
            raise self.error("reason", f"{reason!r} is not one of {', '.join(REASONS)}")
        return reason

    def words(self, key: str) -> list[str]:
        values = self.get(key, list)
        if not values or not all(isinstance(v, str | int) and str(v).strip() for v in values):
            raise self.error(key, "expected a non-empty list of words")
        return [str(v) for v in values]

    def regex(self, key: str) -> re.Pattern[str]:
        return self._compile(key, self.text(key))

    def _compile(self, key: str, pattern: str) -> re.Pattern[str]:
        try:
            return re.compile(pattern, re.IGNORECASE)
        except re.error as exc:
            raise self.error(key, f"invalid regular expression {pattern!r}: {exc}") from exc

    def phrase_or_pattern_regex(self) -> re.Pattern[str]:
        """One regex for the section's ``phrases`` (whole words) and ``patterns`` (regexes)."""
        parts: list[str] = []
        if "phrases" in self.data:
            parts.append(_phrase_regex(self.words("phrases")).pattern)
        if "patterns" in self.data:
            for i, pattern in enumerate(self.words("patterns")):
                parts.append(self._compile(f"patterns[{i}]", pattern).pattern)
        if not parts:
            raise self.error("phrases", "a section needs phrases or patterns")
        return re.compile("|".join(f"(?:{p})" for p in parts), re.IGNORECASE)

    def cue(self) -> Cue:
        return Cue(self.phrase_or_pattern_regex(), self.number("weight"))
