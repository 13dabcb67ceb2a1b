"""Two day dates that are one event's span: "on Thursday and Friday", "from Sunday to Wednesday".

The annotation reads both as a span of days; other lists of dates ("on Friday
and Monday", days in separate phrases) stay separate dates.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from backchannel.nlp.dates import DateMention

# What may stand between the two days: "and" joins, and so do "to", "through",
# "until" and a dash after "from".
_RANGE_WORDS = frozenset({"to", "through", "until", "till", "-", "–", "—"})
_LONGEST = 6  # days from the first to the second: within one week


def join_days(sentence: str, mentions: list[DateMention]) -> list[DateMention]:
    """Merge each pair of day dates that make one span into a single mention."""
    out: list[DateMention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if prev is not None and _joined(sentence, prev, m):
            text = sentence[prev.start : m.end]
            interval = replace(prev.interval, end=m.interval.end, text=text)
            out[-1] = replace(prev, end=m.end, text=text, interval=interval)
        else:
            out.append(m)
    return out


def _joined(sentence: str, first: DateMention, second: DateMention) -> bool:
    between = sentence[first.end : second.start].strip().casefold()
    ranged = between in _RANGE_WORDS and sentence[: first.start].casefold().rstrip().endswith(
        "from"
    )
    if between != "and" and not ranged:
        return False
    a, b = first.interval, second.interval
    if not (a.precision == b.precision == "day" and a.start == a.end and b.start == b.end):
        return False
    if a.start is None or b.start is None:
        return False
    return 0 < (date.fromisoformat(b.start) - date.fromisoformat(a.start)).days <= _LONGEST
