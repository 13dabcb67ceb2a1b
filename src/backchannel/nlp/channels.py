"""Named channels: "the Sullivan-Wang channel", a standing contact between two people.

Capitalised words (one or two) right before "channel", "backchannel" or
"back-channel" name it. A channel the KB knows is found by its name or an
alias; else the first surname is resolved as any lone KB surname
(``nlp/surnames.py``) and the second is that person's counterpart on the
day who bears it, or else resolved the same way. Both surnames become
mentions; ``nlp/events.py`` makes the channel a CONSULT between the two.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from backchannel.kb import KnowledgeBase
from backchannel.nlp.mentions import TITLE_CASE, Linked
from backchannel.nlp.surnames import KnownSurnames


class NamedChannels:
    """Finds named channels and the two people each one joins."""

    def __init__(self, kb: KnowledgeBase, surnames: KnownSurnames) -> None:
        self.kb = kb
        self._surnames = surnames
        self._aliases: dict[str, tuple[str, str]] = {}
        for ch in kb.channels:
            for form in (ch.name, *ch.aliases):
                self._aliases[_norm_channel(form)] = (ch.a, ch.b)

    def link(
        self, doc: Doc, mentions: dict[int, Linked], day: str | None
    ) -> list[tuple[Span, str, str, str]]:
        """Each channel named, as (its words, one side, the other, its label); the two
        surnames become mentions of the two people."""
        found: list[tuple[Span, str, str, str]] = []
        for tok in doc:
            if tok.lower_ not in {"channel", "backchannel", "back-channel"}:
                continue
            # Collect the capitalised words (and dashes) just before "channel".
            i = tok.i - 1
            while i >= 0 and doc[i].text in {"”", '"', "’", "'"}:
                i -= 1
            j = i
            while j >= 0 and (TITLE_CASE.match(doc[j].text) or doc[j].text in {"-", "–", "—"}):
                j -= 1
            if j == i:
                continue
            phrase = doc[j + 1 : i + 1]
            names = [t for t in phrase if TITLE_CASE.match(t.text)]
            if not names or len(names) > 2:
                continue
            key = _norm_channel(" ".join(t.text for t in names) + " channel")
            pair = self._aliases.get(key)
            if pair is None:
                pair = self._resolve_pair(names, mentions, day)
            if pair is None:
                continue
            a, b = pair
            for t, actor_id in zip(names, (a, b), strict=False):
                mentions[t.i] = Linked(t.i, t.i + 1, actor_id, "channel-name")
            label = "–".join(t.text for t in names) + " channel"
            found.append((doc[phrase.start : tok.i + 1], a, b, label))
        return found

    def _resolve_pair(
        self, names: list[Token], mentions: dict[int, Linked], day: str | None
    ) -> tuple[str, str] | None:
        if len(names) != 2 or day is None:
            return None
        first = self._surnames.resolve(names[0], mentions, day)
        if first is None:
            return None
        candidates = self._surnames.candidates(names[1].text)
        counterparts = {a.actor_id for a in self.kb.counterparts_of(first, day)}
        for cand in candidates:
            if cand in counterparts:
                return first, cand
        second = self._surnames.resolve(names[1], mentions, day)
        return (first, second) if second else None


def _norm_channel(text: str) -> str:
    text = re.sub(r"[–—-]", " ", text.casefold())
    return " ".join(
        text.replace("back channel", "channel").replace("backchannel", "channel").split()
    )
