"""When an event happened: the date nearest its trigger, its paragraph's or the article's.

Each sentence carries the dates it states (``nlp/dates.py``), read against
the publication day; a sentence with none takes the date of the last dated
sentence of its paragraph (but "Prior to that, ..." none: it is earlier), and
failing that the article's date. An event takes the date expression nearest
its trigger, the more precise of two as near; a planned or hypothetical
event's month without a year lies ahead (``nlp/ahead.py``). A plan does not
take a date from a relative clause about something else ("will resume the
purchases it halted on October 9": the halting's day, which ``ahead`` would
push a year on). An undated contact
between two former officials falls in the overlap of their tenures.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from backchannel.kb import KnowledgeBase
from backchannel.model import DateInterval
from backchannel.nlp.ahead import ahead
from backchannel.nlp.dates import DateMention, sentence_dates

_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "quarter": 3, "year": 4, "era": 5}


@dataclass(frozen=True, slots=True)
class SentenceContext:
    """A sentence, the dates it states, and the date it falls back to."""

    index: int
    span: Span
    date: DateInterval  # the sentence's own best date, else the paragraph's, else the article's
    dates: tuple[DateMention, ...] = ()
    inherited: bool = False  # True when ``date`` is the article's date, not the text's
    reference: str | None = None  # the publication day the dates were read against
    undated: DateInterval | None = None  # what the sentence would take with no date of its own

    def date_for(self, token: Token, modality: str = "asserted") -> DateInterval:
        """The date expression nearest the trigger: "met on Monday … exists today".

        A plan's month with no year lies ahead (``nlp/ahead.py``).
        """
        if not self.dates:
            return self.date
        ahead_of_us = modality in {"planned", "hypothetical"}
        dates = (
            [m for m in self.dates if not self._about_something_else(m, token)]
            if ahead_of_us
            else self.dates
        )
        if not dates:
            return self.undated or self.date
        at = token.idx - self.span.start_char
        nearest = min(
            dates,
            key=lambda m: (
                0 if m.start <= at < m.end else min(abs(m.start - at), abs(m.end - at)),
                _PRECISION_RANK.get(m.interval.precision, 9),
            ),
        )
        if ahead_of_us:
            return ahead(nearest, self.reference)
        return nearest.interval

    def _about_something_else(self, mention: DateMention, trigger: Token) -> bool:
        """Whether ``mention`` is in a relative clause that neither holds nor names ``trigger``."""
        at = self.span.start_char + mention.start
        first = next((t for t in self.span if t.idx <= at < t.idx + max(len(t), 1)), None)
        if first is None:
            return False
        for tok in (first, *first.ancestors):
            if tok.dep_ == "relcl":
                return tok.head is not trigger and trigger not in tok.subtree
        return False


def sentences(doc: Doc, reference: str | None, doc_date: DateInterval) -> Iterator[SentenceContext]:
    """Each sentence of ``doc`` with its dates, or the date it falls back to."""
    paragraph_date: DateInterval | None = None
    last_paragraph = -1
    text = doc.text  # spaCy joins every token's text again on each read
    for index, sent in enumerate(doc.sents):
        paragraph = text.count("\n\n", 0, sent.start_char)
        if paragraph != last_paragraph:
            paragraph_date, last_paragraph = None, paragraph
        own = sentence_dates(sent.text, reference, context=paragraph_date)
        if own:
            best = min(own, key=lambda m: _PRECISION_RANK.get(m.interval.precision, 9))
            undated = paragraph_date or doc_date
            paragraph_date = best.interval
            yield SentenceContext(
                index, sent, best.interval, tuple(own), reference=reference, undated=undated
            )
        elif paragraph_date is not None and _before_that(sent):
            # "Prior to that, both sides raised tariffs": earlier than the date told
            # before, by how much the text does not say
            yield SentenceContext(index, sent, DateInterval(None, None, "unknown"))
        elif paragraph_date is not None:
            yield SentenceContext(index, sent, paragraph_date)
        else:
            yield SentenceContext(index, sent, doc_date, inherited=True)


def _before_that(sent: Span) -> bool:
    """The sentence opens by placing itself before what was told: "Prior to that",
    "Before that", "Before then"."""
    words = [t.lower_ for t in sent[:3]]
    return words[:1] in (["prior"], ["before"]) and words[1:3] in (
        ["to", "that"],
        ["to", "this"],
        ["that", ","],
        ["then", ","],
        ["this", ","],
    )


def context_for(
    doc: Doc, span: Span, reference: str | None, doc_date: DateInterval
) -> SentenceContext:
    """The sentence that holds ``span``."""
    for ctx in sentences(doc, reference, doc_date):
        if ctx.span.start <= span.start < ctx.span.end:
            return ctx
    return SentenceContext(0, span.sent, doc_date)


def tenure_date(kb: KnowledgeBase, a_id: str, b_id: str, date: DateInterval) -> DateInterval:
    """An undated contact between two former officials happened while both served.

    "The rapport between Lighthizer and Liu He" in a 2025 article is not a
    2025 contact: when the text gives no date and either person was out of
    office when the article was written, the contact is dated to the
    overlap of their government tenures (if there is one).
    """
    if date.start is None:
        return date
    spans = []
    for actor_id in (a_id, b_id):
        actor = kb.actors.get(actor_id)
        if actor is None or actor.kind != "person":
            return date
        gov = [r for r in actor.roles if r.sector in {"government", "military", "party"}]
        if not gov:
            return date
        spans.append(gov)
    if all(any(r.holds_on(date.start) for r in roles) for roles in spans):
        return date
    best: tuple[str, str] | None = None
    for ra in spans[0]:
        for rb in spans[1]:
            start = max(ra.start or "0000-01-01", rb.start or "0000-01-01")
            end = min(ra.end or date.start, rb.end or date.start)
            if start <= end and end <= date.start and (best is None or end > best[1]):
                best = (start, end)
    if best is None:
        return date
    return DateInterval(best[0], best[1], "inferred", "both in office")
