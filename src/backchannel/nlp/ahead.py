"""A plan's month without a year lies ahead of the article, not behind it.

Dates resolve as past-tense news reads them ("in April" is the latest April
on or before the publication day). A planned or hypothetical event speaks of
the future: "Trump said he would travel to Beijing in April", written in
November, means next April; "tariffs will rise from January 1", written in
September, the coming January. Weekdays are left alone: in "said on Sunday
that he would travel" the weekday usually dates the saying.
"""

from __future__ import annotations

import re
from datetime import date

from backchannel.model import DateInterval
from backchannel.nlp.dates import DateMention, month_numbers

_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_RELATIVE = re.compile(r"\b(?:last|next|this|ago|earlier|later|past|coming|previous)\b", re.I)
_WORD = re.compile(r"[A-Za-z]+\.?")


def ahead(mention: DateMention, reference: str | None) -> DateInterval:
    """The mention's interval, a year later when it names a month, no year, and lies behind."""
    iv = mention.interval
    if reference is None or iv.start is None or iv.end is None or iv.end >= reference[:10]:
        return iv
    if iv.precision not in {"day", "month"} or _YEAR.search(mention.text):
        return iv
    if _RELATIVE.search(mention.text) or not _names_month(mention.text):
        return iv
    return DateInterval(_next_year(iv.start), _next_year(iv.end), iv.precision, iv.text)


def _names_month(text: str) -> bool:
    months = month_numbers()
    return any(w.casefold() in months for w in _WORD.findall(text))


def _next_year(day: str) -> str:
    d = date.fromisoformat(day)
    try:
        return d.replace(year=d.year + 1).isoformat()
    except ValueError:  # 29 February
        return d.replace(year=d.year + 1, day=28).isoformat()
