"""Official readouts: the words of a meeting or call readout that tell two parties
communicated (CONSULT), which no trigger list says alone.

- Views exchanged: "Wang Yi exchanged views with Blinken", "China and Peru
  exchanged views on trade"; traded charges stay ``exchange``'s ACCUSE in
  ``data/events.yaml`` ("exchanged accusations").
- An exchange had or held: "had an in-depth exchange with Biden", "held an
  exchange of views with Fidan"; not "an exchange of fire", "a prisoner
  exchange", "cultural exchanges".
- A matter raised with someone: "raised concerns about human rights with Xi",
  "raised the case of X with Y"; not "raised tariffs on X" nor "raised the
  issue at the UN" (no one addressed).
- A message conveyed to someone: "conveyed concerns to He Lifeng", "delivered
  a message to Tehran"; not "conveyed goods to".
- Someone of another country briefed or informed: "briefed He Lifeng on the US
  position"; not "briefed Congress".
- Words stressed to someone: "stressed to Blinken that Taiwan is a red line",
  "emphasized to Xi the importance of peace".

The speaker is the source, the one addressed (``addressees``) the target, who
must be a party ("briefed reporters" is none). "By phone" makes the exchange
a call as it makes talks one (``nlp/records.py``). The word lists are in
``data/events.yaml`` (``view_nouns``, ``exchange_manners``, ``raising_verbs``,
``raised_things``, ``conveying_verbs``, ``conveyed_things``,
``briefing_verbs``, ``stressing_verbs``, ``stressed_things``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from backchannel.nlp.lexicon import Lexicon, Trigger
from backchannel.nlp.mentions import Linked, LinkResult
from backchannel.nlp.preps import under_prep
from backchannel.nlp.repairs import span_root, unique

if TYPE_CHECKING:
    from backchannel.nlp.participants import ParticipantFinder

_EXCHANGES = frozenset({"exchange", "exchanges"})
_HOLDING = frozenset({"have", "hold"})
# Dependencies that start another clause: its words address no one for this verb.
_CLAUSES = frozenset({"ccomp", "advcl", "relcl", "acl", "xcomp", "parataxis", "conj", "csubj"})


def readout(verb: Token, lex: Lexicon) -> Trigger | None:
    """The contact a readout's verb tells, if any; the one addressed is read by
    ``addressees``."""
    if verb.pos_ not in {"VERB", "AUX"} or verb.dep_ == "amod":
        return None
    lemma = verb.lemma_.lower()
    things = [c for c in verb.children if c.dep_ == "dobj"]
    if lemma == "exchange" and any(t.lower_ in lex.view_nouns for t in things):
        return Trigger(lemma, "verb", "CONSULT", "meet", symmetric=True, objects=lex.view_nouns)
    if lemma in _HOLDING and any(_talking_exchange(t, lex) for t in things):
        return Trigger(lemma, "verb", "CONSULT", "meet", symmetric=True, objects=_EXCHANGES)
    if lemma in lex.raising_verbs:
        raised = any(t.lower_ in lex.raised_things for t in things)
        return _addressing(verb, lemma) if raised and _preps(verb, "with") else None
    if lemma in lex.conveying_verbs:
        conveyed = any(t.lower_ in lex.conveyed_things for t in things) or _says_that(verb)
        return _addressing(verb, lemma) if conveyed and _preps(verb, "to") else None
    if lemma in lex.briefing_verbs and things:
        # "briefed Xi on …"; a briefing at home ("briefed Congress") is no contact
        return Trigger(lemma, "verb", "CONSULT", "meet", foreign=True)
    if lemma in lex.stressing_verbs and _preps(verb, "to"):
        said = [*things, *(o for p in _preps(verb, "to") for o in p.children)]
        if _says_that(verb) or any(t.lower_ in lex.stressed_things for t in said):
            return _addressing(verb, lemma)
    return None


def addressees(
    find: ParticipantFinder, verb: Token, link: LinkResult, lex: Lexicon
) -> list[Linked]:
    """The ones a readout's verb addresses: under "with" for views exchanged and matters
    raised (on the verb or inside its object: "raised concerns about rights with Xi"),
    under "to" for what is conveyed or stressed, the object of "briefed"."""
    lemma = verb.lemma_.lower()
    if lemma in lex.briefing_verbs:
        return unique(m for c in verb.children if c.dep_ == "dobj" for m in find.collect(c, link))
    word = "to" if lemma in lex.conveying_verbs | lex.stressing_verbs else "with"
    # the one addressed heads the phrase: not Iran in "concerns with the deal with Iran"
    return unique(
        m
        for p in _preps(verb, word)
        for m in find.collect(p, link)
        if not under_prep(span_root(verb.doc, m), p)
    )


def _addressing(verb: Token, lemma: str) -> Trigger:
    return Trigger(lemma, "verb", "CONSULT", "meet")


def _talking_exchange(noun: Token, lex: Lexicon) -> bool:
    """ "an in-depth exchange", "an exchange of views": talk, not an exchange of fire or
    prisoners, a stock exchange or cultural exchanges."""
    if noun.lower_ not in _EXCHANGES:
        return False
    of = [g for p in noun.children if p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
    if of:
        return all(g.lower_ in lex.view_nouns for g in of)
    if noun.lower_ != "exchange":
        return False  # "held military exchanges": visits and training, not one talk
    return not any(
        c.dep_ in {"compound", "nmod", "amod"}
        and c.pos_ not in {"ADP", "PUNCT"}
        and c.lower_ not in lex.exchange_manners
        for c in noun.children
    )


def _preps(verb: Token, word: str) -> list[Token]:
    """The prepositions ``word`` that address someone: "to" on the verb or its object
    ("stressed to X", "conveyed concerns to X"; not "the importance of ties to X");
    "with" on the verb or anywhere inside its object
    ("raised concerns about rights with Xi", "an exchange of views with X"), but not
    under another "with" ("concerns with the deal with Iran"), nor in another clause."""
    if word != "with":
        heads = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
        return [c for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == word]
    found: list[Token] = []
    stack = [c for c in verb.children if c.dep_ not in _CLAUSES]
    while stack:
        tok = stack.pop()
        if tok.dep_ == "prep" and tok.lower_ == word:
            found.append(tok)
            continue
        stack += [c for c in tok.children if c.dep_ not in _CLAUSES]
    return sorted(found, key=lambda t: t.i)


def _says_that(verb: Token) -> bool:
    return any(c.dep_ == "ccomp" for c in verb.children)
