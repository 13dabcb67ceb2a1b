"""Show a ``ReadoutComparison``: a terminal table, JSON, or a self-contained HTML page.

The HTML page is rendered by jinja2 with autoescaping on, so every string that
comes from a readout is escaped; it carries no script at all, and its
Content-Security-Policy forbids any. Topics are highlighted in the texts with
``<mark class="topic-<id>">``.
"""

from __future__ import annotations

import json
import re
import textwrap
from collections.abc import Sequence

import jinja2

from backchannel.readouts.lexicon import Lexicon, data_dir, load_lexicon
from backchannel.readouts.records import ReadoutComparison, ReadoutText

_STATUS_NAMES = {"both": "both", "only_a": "only {a}", "only_b": "only {b}"}
_WIDTH = 100

Segment = tuple[str, str, str]  # text, CSS classes, topic labels


def render_json(cmp: ReadoutComparison) -> str:
    """The comparison as indented JSON."""
    return json.dumps(cmp.to_dict(), indent=2, ensure_ascii=False)


def render_table(cmp: ReadoutComparison) -> str:
    """A plain-text report for a terminal, at most 100 columns wide."""
    a, b = cmp.label_a, cmp.label_b
    m = cmp.meeting
    lines = _wrap(
        f"Meeting: {', '.join(m.participants) or '(participants not found)'}"
        f" | {m.date or 'date unknown'} | {m.place or 'place unknown'}"
        + (f" | {m.mode}" if m.mode else "")
    )
    lines += [
        f"Same meeting: {'yes' if cmp.same_meeting else 'NO'} "
        f"(score {cmp.same_meeting_score:.2f}) | method: {cmp.method_used}",
    ]
    if cmp.warning:
        lines += _wrap(f"WARNING: {cmp.warning}")
    name_width = max([len(t.label) for t in cmp.topics] + [5])
    lines += ["", f"{'TOPIC':<{name_width}}  {'RAISED BY':<16} {'SIM':>5}  {a[:8]:>8}  {b[:8]:>8}"]
    for row in cmp.topics:
        status = _STATUS_NAMES[row.status].format(a=a, b=b)
        lines.append(
            f"{row.label:<{name_width}}  {status:<16} {row.similarity:>5.2f}  "
            f"{len(row.sentences_a):>8}  {len(row.sentences_b):>8}"
        )
    if cmp.conflicts:
        lines += ["", "CONFLICTING CLAIMS"]
        labels = {row.topic: row.label for row in cmp.topics}
        for c in cmp.conflicts:
            lines.append(f"[{c.kind}] {labels.get(c.topic, c.topic) or 'overall'}")
            lines += _wrap(f"{a}: {c.sentence_a or '—'}", indent="    ")
            lines += _wrap(f"{b}: {c.sentence_b or '—'}", indent="    ")
    if cmp.summary:
        lines += ["", "SUMMARY"]
        for line in cmp.summary:
            lines += _wrap(f"- {line}", indent="  ")
    return "\n".join(lines)


def render_html(
    cmp: ReadoutComparison, a: ReadoutText, b: ReadoutText, *, lexicon: Lexicon | None = None
) -> str:
    """A standalone page: summary, topic table, conflicts, and both texts side by side."""
    lex = lexicon or load_lexicon()
    count = max(len(lex.topics), 1)
    topics = [
        {"id": t.id, "label": t.label, "hue": round(i * 360 / count)}
        for i, t in enumerate(lex.topics)
    ]
    labels = {t.id: t.label for t in lex.topics}
    present_ids = {row.topic for row in cmp.topics}
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(data_dir())),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )
    template = env.get_template("comparison.html.j2")
    return template.render(
        cmp=cmp,
        meeting=cmp.meeting,
        participants=", ".join(cmp.meeting.participants) or "participants not found",
        label_a=cmp.label_a,
        label_b=cmp.label_b,
        topics=topics,
        present=[t for t in topics if t["id"] in present_ids],
        topic_labels=labels,
        status_names={k: v.format(a=cmp.label_a, b=cmp.label_b) for k, v in _STATUS_NAMES.items()},
        columns=[
            _column(cmp.label_a, a, {r.topic: r.sentences_a for r in cmp.topics}, labels),
            _column(cmp.label_b, b, {r.topic: r.sentences_b for r in cmp.topics}, labels),
        ],
    )


def _column(
    label: str, readout: ReadoutText, by_topic: dict[str, Sequence[str]], labels: dict[str, str]
) -> dict[str, object]:
    topics_of: dict[str, list[str]] = {}
    for topic, found in by_topic.items():
        for sentence in found:
            topics_of.setdefault(sentence, []).append(topic)
    paragraphs = [
        _segments(" ".join(p.split()), topics_of, labels)
        for p in re.split(r"\n\s*\n", readout.text)
        if p.strip()
    ]
    return {"label": label, "title": readout.title, "paragraphs": paragraphs}


def _segments(
    paragraph: str, topics_of: dict[str, list[str]], labels: dict[str, str]
) -> list[Segment]:
    """Cut a paragraph into plain and highlighted pieces (escaping happens in the template)."""
    spans: list[tuple[int, int, list[str]]] = []
    for sentence, topic_ids in topics_of.items():
        start = paragraph.find(" ".join(sentence.split()))
        if start >= 0:
            spans.append((start, start + len(" ".join(sentence.split())), topic_ids))
    out: list[Segment] = []
    cursor = 0
    for start, end, topic_ids in sorted(spans):
        if start < cursor:
            continue
        if start > cursor:
            out.append((paragraph[cursor:start], "", ""))
        classes = " ".join(f"topic-{t}" for t in topic_ids)
        out.append((paragraph[start:end], classes, ", ".join(labels.get(t, t) for t in topic_ids)))
        cursor = end
    if cursor < len(paragraph):
        out.append((paragraph[cursor:], "", ""))
    return out


def _wrap(text: str, indent: str = "  ") -> list[str]:
    return textwrap.wrap(text, _WIDTH, subsequent_indent=indent) or [""]
