"""Sentences and clauses: a fast regex splitter, and a way to plug in another.

A splitter is any ``Callable[[str], Sequence[str]]``; the default is
``split_sentences`` (regex, no model). To use spaCy instead, pass
``lambda t: [s.text for s in nlp(t).sents]``. Whatever the splitter returns is
located back in the text so every sentence keeps its character offsets.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

Splitter = Callable[[str], Sequence[str]]

# Tokens that end in a period without ending a sentence.
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "jr",
        "sr",
        "st",
        "gen",
        "adm",
        "lt",
        "col",
        "sen",
        "rep",
        "gov",
        "amb",
        "no",
        "vs",
        "etc",
        "inc",
        "co",
        "corp",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "a.m",
        "p.m",
        "u.s",
        "u.k",
        "u.n",
        "e.g",
        "i.e",
    ]
)
_BOUNDARY = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")
_CLAUSE_BREAK = re.compile(r";\s+|,\s+(?:and\s+(?:in\s+return\s+)?|while\s+|but\s+|whereas\s+)")
_LEADING = re.compile(r"^(?:and|but|while|whereas|in\s+return)\s+", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence with its position in the readout."""

    index: int
    start: int
    end: int
    text: str


def split_sentences(text: str) -> list[str]:
    """Split readout prose into sentences; blank lines and titles are boundaries."""
    out: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        block = " ".join(block.split())
        if not block:
            continue
        start = 0
        for match in _BOUNDARY.finditer(block):
            before = block[start : match.start() + 1]
            last = before.rsplit(None, 1)[-1].rstrip(".").lower() if before.strip() else ""
            if last in _ABBREVIATIONS or re.fullmatch(r"[a-z]", last):
                continue  # "U.S. President", "Joseph R. Biden"
            out.append(block[start : match.start() + 1].strip())
            start = match.end()
        tail = block[start:].strip()
        if tail:
            out.append(tail)
    return out


def sentences(text: str, splitter: Splitter | None = None) -> list[Sentence]:
    """Split ``text`` and give each sentence its offsets (−1 when it cannot be found)."""
    pieces = (splitter or split_sentences)(text)
    found: list[Sentence] = []
    cursor = 0
    for piece in pieces:
        piece = piece.strip()
        if not piece:
            continue
        start = _locate(text, piece, cursor)
        end = start + len(piece) if start >= 0 else -1
        if start >= 0:
            cursor = end
        found.append(Sentence(len(found), start, end, piece))
    return found


def clauses(sentence: str) -> list[str]:
    """Split a sentence at coordinating breaks ("; ", ", and ", ", while ").

    A clause that starts with an infinitive ("to resume …") keeps the verb of
    the clause before it ("agreed to …"), so each clause can be judged alone.
    """
    parts = [p.strip() for p in _CLAUSE_BREAK.split(sentence) if p and p.strip()]
    out: list[str] = []
    for part in parts:
        part = _LEADING.sub("", part)
        if out and part.lower().startswith("to "):
            head = re.search(r"^.*?\b(?:agreed|committed|pledged|decided)\b", out[-1], re.I)
            if head:
                part = f"{head.group(0)} {part}"
        out.append(part)
    return out or [sentence]


def _locate(text: str, piece: str, cursor: int) -> int:
    """Where ``piece`` starts in ``text`` at or after ``cursor``, whitespace-insensitive."""
    exact = text.find(piece, cursor)
    if exact >= 0:
        return exact
    pattern = r"\s+".join(re.escape(w) for w in piece.split())
    match = re.compile(pattern).search(text, cursor)
    return match.start() if match else -1
