"""Load and validate the readout lexicons: ``topics.yaml`` and ``cues.yaml``.

Both files live in ``backchannel/data/readouts/``. They are read once per
process (``load_lexicon`` is cached) and every pattern is compiled here, so a
broken file fails with a ``KnowledgeBaseError`` that names the entry, before
any text is compared.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from backchannel.errors import KnowledgeBaseError

_SLUG = re.compile(r"^[a-z][a-z0-9_]*$")
_FLAGS = re.IGNORECASE


@dataclass(frozen=True, slots=True)
class Topic:
    """One topic: its keyword pattern and the example sentences for embeddings."""

    id: str
    label: str
    keywords: tuple[str, ...]
    pattern: re.Pattern[str]
    examples: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ToneWord:
    word: str
    register: str
    pattern: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class Cues:
    """Compiled claim, tone, meeting and name cues."""

    agreement: tuple[re.Pattern[str], ...]
    agreement_negated: tuple[re.Pattern[str], ...]
    commitment: tuple[re.Pattern[str], ...]
    commitment_blocked: tuple[re.Pattern[str], ...]
    discussion: tuple[re.Pattern[str], ...]
    opposition: tuple[re.Pattern[str], ...]
    demands: tuple[tuple[str, tuple[re.Pattern[str], ...]], ...]  # (party, patterns naming it)
    tone: tuple[ToneWord, ...]
    meeting_verbs: re.Pattern[str]
    call: re.Pattern[str]
    in_person: re.Pattern[str]
    titles: frozenset[str]
    appositive: tuple[str, ...]
    not_names: frozenset[str]


@dataclass(frozen=True, slots=True)
class Settings:
    """Numbers that steer the comparison (documented in the YAML files)."""

    embedding_threshold: float
    keyword_bonus: float
    top_floor: float
    top_margin: float
    commitment_match: float
    same_meeting_threshold: float
    max_days_apart: int
    same_meeting_weights: tuple[tuple[str, float], ...]


@dataclass(frozen=True, slots=True)
class Lexicon:
    topics: tuple[Topic, ...]
    cues: Cues
    settings: Settings

    def topic(self, topic_id: str) -> Topic:
        for topic in self.topics:
            if topic.id == topic_id:
                return topic
        valid = ", ".join(t.id for t in self.topics)
        raise KnowledgeBaseError(f"unknown topic {topic_id!r}; valid topics: {valid}")

    def label(self, topic_id: str) -> str:
        return self.topic(topic_id).label


def data_dir() -> Path:
    """The folder that holds the readout lexicons."""
    return Path(str(resources.files("backchannel"))) / "data" / "readouts"


@functools.cache
def load_lexicon(directory: Path | None = None) -> Lexicon:
    """Read, validate and compile ``topics.yaml`` and ``cues.yaml`` (once per folder)."""
    folder = directory or data_dir()
    topics_data = _read_yaml(folder / "topics.yaml")
    cues_data = _read_yaml(folder / "cues.yaml")
    topics = _parse_topics(topics_data, folder / "topics.yaml")
    cues = _parse_cues(cues_data, folder / "cues.yaml")
    settings = _parse_settings(topics_data, cues_data, folder)
    return Lexicon(topics=topics, cues=cues, settings=settings)


def keyword_regex(keywords: tuple[str, ...] | list[str]) -> str:
    """One alternation for a keyword list: word boundaries, ``*`` as a word-ending wildcard."""
    parts = []
    for keyword in sorted(keywords, key=len, reverse=True):
        stem = keyword.rstrip("*")
        body = r"\s+".join(re.escape(w) for w in stem.split())
        tail = r"[\w-]*" if keyword.endswith("*") else ""
        parts.append(rf"(?<![\w-]){body}{tail}(?![\w-])")
    return "|".join(parts)


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise KnowledgeBaseError(
            f"{path} is missing; reinstall backchannel or restore the file from the repository"
        ) from None
    except yaml.YAMLError as exc:
        raise KnowledgeBaseError(f"{path} is not valid YAML: {exc}") from None
    if not isinstance(data, dict) or data.get("version") != 1:
        raise KnowledgeBaseError(f"{path} must be a mapping with `version: 1`")
    return data


def _section(data: dict[str, Any], name: str, path: Path) -> dict[str, Any]:
    section = data.get(name)
    if not isinstance(section, dict):
        raise KnowledgeBaseError(f"{path}: `{name}` must be a mapping")
    return section


def _compile(pattern: str, where: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern, _FLAGS)
    except re.error as exc:
        raise KnowledgeBaseError(f"{where}: invalid pattern {pattern!r}: {exc}") from None


def _strings(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise KnowledgeBaseError(f"{where} must be a non-empty list of strings")
    return tuple(value)


def _parse_topics(data: dict[str, Any], path: Path) -> tuple[Topic, ...]:
    entries = data.get("topics")
    if not isinstance(entries, list) or not entries:
        raise KnowledgeBaseError(f"{path}: `topics` must be a non-empty list")
    topics: list[Topic] = []
    seen: set[str] = set()
    for i, entry in enumerate(entries):
        where = f"{path}: topics[{i}]"
        if not isinstance(entry, dict):
            raise KnowledgeBaseError(f"{where} must be a mapping with id, label, keywords")
        topic_id = entry.get("id")
        if not isinstance(topic_id, str) or not _SLUG.match(topic_id):
            raise KnowledgeBaseError(
                f"{where}: id {topic_id!r} must be a lowercase slug such as `export_controls`"
            )
        if topic_id in seen:
            raise KnowledgeBaseError(f"{where}: duplicate topic id {topic_id!r}")
        seen.add(topic_id)
        label = entry.get("label")
        if not isinstance(label, str) or not label:
            raise KnowledgeBaseError(f"{where} ({topic_id}): `label` must be a non-empty string")
        keywords = _strings(entry.get("keywords"), f"{where} ({topic_id}).keywords")
        examples = _strings(entry.get("examples"), f"{where} ({topic_id}).examples")
        pattern = _compile(keyword_regex(keywords), f"{where} ({topic_id}).keywords")
        topics.append(Topic(topic_id, label, keywords, pattern, examples))
    return tuple(topics)


def _patterns(section: dict[str, Any], key: str, where: str) -> tuple[re.Pattern[str], ...]:
    return tuple(
        _compile(p, f"{where}.{key}") for p in _strings(section.get(key), f"{where}.{key}")
    )


def _parse_cues(data: dict[str, Any], path: Path) -> Cues:
    claims = _section(data, "claims", path)
    parties = _section(data, "parties", path)
    tone = _section(data, "tone", path)
    meeting = _section(data, "meeting", path)
    people = _section(data, "people", path)
    where = f"{path}: claims"
    demand_templates = _strings(claims.get("demand"), f"{where}.demand")
    demands: list[tuple[str, tuple[re.Pattern[str], ...]]] = []
    for party, names in parties.items():
        alternation = "|".join(_strings(names, f"{path}: parties.{party}"))
        compiled = tuple(
            _compile(t.replace("{party}", alternation), f"{where}.demand ({party})")
            for t in demand_templates
        )
        demands.append((str(party), compiled))
    tone_words: list[ToneWord] = []
    for word, spec in tone.items():
        if not isinstance(spec, dict) or not isinstance(spec.get("register"), str):
            raise KnowledgeBaseError(f"{path}: tone.{word} needs `register` and `pattern`")
        pattern = spec.get("pattern")
        if not isinstance(pattern, str):
            raise KnowledgeBaseError(f"{path}: tone.{word}.pattern must be a string")
        tone_words.append(ToneWord(str(word), spec["register"], _compile(pattern, f"tone.{word}")))
    meeting_patterns = {}
    for key in ("verbs", "call", "in_person"):
        value = meeting.get(key)
        if not isinstance(value, str):
            raise KnowledgeBaseError(f"{path}: meeting.{key} must be a pattern string")
        meeting_patterns[key] = _compile(value, f"{path}: meeting.{key}")
    return Cues(
        agreement=_patterns(claims, "agreement", where),
        agreement_negated=_patterns(claims, "agreement_negated", where),
        commitment=_patterns(claims, "commitment", where),
        commitment_blocked=_patterns(claims, "commitment_blocked", where),
        discussion=_patterns(claims, "discussion", where),
        opposition=_patterns(claims, "opposition", where),
        demands=tuple(demands),
        tone=tuple(tone_words),
        meeting_verbs=meeting_patterns["verbs"],
        call=meeting_patterns["call"],
        in_person=meeting_patterns["in_person"],
        titles=frozenset(_strings(people.get("titles"), f"{path}: people.titles")),
        appositive=_strings(people.get("appositive"), f"{path}: people.appositive"),
        not_names=frozenset(_strings(people.get("not_names"), f"{path}: people.not_names")),
    )


def _number(section: dict[str, Any], key: str, where: str, low: float, high: float) -> float:
    value = section.get(key)
    if isinstance(value, bool) or not isinstance(value, int | float) or not low <= value <= high:
        raise KnowledgeBaseError(f"{where}.{key} must be a number between {low} and {high}")
    return float(value)


def _parse_settings(topics: dict[str, Any], cues: dict[str, Any], folder: Path) -> Settings:
    embedding = _section(topics, "embedding", folder / "topics.yaml")
    same = _section(cues, "same_meeting", folder / "cues.yaml")
    where_e = f"{folder / 'topics.yaml'}: embedding"
    where_s = f"{folder / 'cues.yaml'}: same_meeting"
    weights = same.get("weights")
    valid = ("people", "date", "place", "mode", "topics")
    if not isinstance(weights, dict) or set(weights) - set(valid):
        raise KnowledgeBaseError(
            f"{where_s}.weights must map some of {', '.join(valid)} to numbers"
        )
    return Settings(
        embedding_threshold=_number(embedding, "threshold", where_e, 0.0, 1.0),
        keyword_bonus=_number(embedding, "keyword_bonus", where_e, 0.0, 1.0),
        top_floor=_number(embedding, "top_floor", where_e, 0.0, 1.0),
        top_margin=_number(embedding, "top_margin", where_e, 0.0, 1.0),
        commitment_match=_number(embedding, "commitment_match", where_e, 0.0, 1.0),
        same_meeting_threshold=_number(same, "threshold", where_s, 0.0, 1.0),
        max_days_apart=int(_number(same, "max_days_apart", where_s, 0, 366)),
        same_meeting_weights=tuple(
            (str(k), _number(weights, k, f"{where_s}.weights", 0.0, 1.0)) for k in weights
        ),
    )
