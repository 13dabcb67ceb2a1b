"""Repairs for participants the small English parser loses.

Each reads the words around a found actor instead of the parse: a name before
"and" and a subject (``coordinated``), "NAME hosted NAME" read as one noun
phrase (``between_names``), a relative pronoun's antecedent (``antecedent``)
and a preposition left without its object (``dangling``).
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Token

from backchannel.nlp.mentions import Linked, LinkResult

SUBJ = frozenset({"nsubj", "nsubjpass", "csubj"})
OBJ = frozenset({"dobj", "dative", "obj", "attr", "oprd"})
# Objects that are the way something is done, never one who does it: "tried every
# means to prevent …", "took steps to curb …".
WAYS_AND_MEANS = frozenset({"means", "effort", "efforts", "way", "step", "steps", "measure"})
_RELATIVE = frozenset({"who", "whom", "that", "which"})
# relative words that stand for a thing: "the hack, which Washington blamed on Beijing"
THING_RELATIVES = frozenset({"that", "which"})
# Forms the small model lemmatizes wrongly: "hopes", "hoped" and "hoping" as "hop";
# "forgave" as itself; "slated" as "slat"; "dined" as "din", "fined" as "fin".
_MISREAD = {
    "dined": "dine",
    "dines": "dine",
    "dining": "dine",
    "fined": "fine",
    "fines": "fine",
    "fining": "fine",
    "slamming": "slam",
    "lambasted": "lambaste",
    "lambastes": "lambaste",
    "lambasting": "lambaste",
    "boycotts": "boycott",
    "sentencing": "sentence",
    "forgave": "forgive",
    "slated": "slate",
    "hoping": "hope",
    "hopes": "hope",
    "hoped": "hope",
    "staged": "stage",
    "stages": "stage",
    "staging": "stage",
}


def lemma(tok: Token) -> str:
    """The word's lemma in lower case, where the small model misreads it repaired."""
    return _MISREAD.get(tok.lower_, tok.lemma_.lower())


def phrasal(verb: Token, particles: frozenset[str] = frozenset({"prt"})) -> set[str]:
    """The verb's lemma and its phrasal forms, one per child whose label is among
    ``particles``: "cut off", "cover up", "fight back"."""
    word = lemma(verb)
    return {word, *(f"{word} {c.lower_}" for c in verb.children if c.dep_ in particles)}


def among(verb: Token, words: frozenset[str]) -> bool:
    """The verb, or the verb with one of its particles, is among ``words``: "cut",
    "call off"."""
    return bool(phrasal(verb) & words)


def antecedent(verb: Token, pronoun: Token, link: LinkResult) -> list[Linked]:
    """The actor a relative pronoun stands for: "Li, who was sanctioned …" → Li."""
    if verb.dep_ != "relcl" or pronoun.lower_ not in _RELATIVE:
        return []
    m = link.token_to_mention.get(verb.head.i)
    return [m] if m is not None else []


def coordinated(found: list[Linked], link: LinkResult, doc: Doc) -> list[Linked]:
    """Add actors joined to a found one by "and" that the parser left elsewhere.

    The small parser often hangs the first of two coordinated subjects off the
    verb ("Bessent and He Lifeng held talks": "Bessent" as an adverb) or
    makes it a sentence of its own ("Trump and Liu He signed …"), and the
    first of three ("Bessent, Greer and He Lifeng met"). An actor written
    right before "and" and a found subject, or before a comma that opens such
    a list, is coordinated with it,
    unless the parse gives it a role of its own (the object of an earlier verb,
    a preposition's object, a possessive).
    """
    out = list(found)
    for m in found:
        i = _title_start(doc, m, link) - 1
        # a comma joins names only in a list that ends in "and"
        joined = m.end < len(doc) and doc[m.end].lower_ == "and"
        while i >= 1 and (doc[i].lower_ == "and" or (joined and doc[i].text == ",")):
            joined = True
            prev = link.token_to_mention.get(i - 1)
            if prev is None or any(p is prev for p in out):
                break
            root = span_root(doc, prev)
            if root.dep_ in OBJ | SUBJ | {"pobj", "poss", "dative", "agent", "appos"}:
                break
            out.append(prev)
            i = prev.start - 1
        headline = _headline_pair(doc, m, _title_start(doc, m, link) - 1, link)
        if headline is not None and not any(p is headline for p in out):
            out.append(headline)
    return unique(out)


def _headline_pair(doc: Doc, m: Linked, comma: int, link: LinkResult) -> Linked | None:
    """ "Biden, Xi meet in Bali", "US, China agree to cut tariffs": a headline joins
    two subjects by a comma alone. The first opens the sentence and hangs loose from a
    verb in the plural present."""
    if comma < 1 or doc[comma].text != ",":
        return None
    prev = link.token_to_mention.get(comma - 1)
    if prev is None or prev.start != doc[comma].sent.start:
        return None
    root = span_root(doc, prev)
    verb = span_root(doc, m).head
    if root.dep_ not in {"dep", "npadvmod", "advmod", "intj"} or verb.tag_ != "VBP":
        return None
    return prev if root.head.i == verb.i else None


# words of a title written before a name: "Russian President", "his Colombian counterpart"
_TITLE_DEPS = frozenset({"amod", "compound", "det", "poss", "nmod", "punct"})


def _title_start(doc: Doc, m: Linked, link: LinkResult) -> int:
    """Where the title before the name ``m`` begins: "Trump and Russian President
    Vladimir Putin met", where the words between "and" and the name modify it (the
    parser may hang "Trump" there too, so the walk stops at "and"), or are the
    capitalised words of a title where the parse broke the name off ("Trump and Vice
    Premier Liu He signed", with "He" read as the subject)."""
    root = span_root(doc, m)
    start = m.start
    while start - 1 > 0 and m.start - start < 5:
        word = doc[start - 1]
        if (
            word.lower_ in {"and", ","}
            or word.i in link.token_to_mention
            or (
                (word.dep_ not in _TITLE_DEPS or not root.is_ancestor(word))
                and not (word.is_title and word.pos_ == "PROPN")
            )
        ):
            break
        start -= 1
    return start


def between_names(verb: Token, link: LinkResult) -> tuple[Linked, Linked] | None:
    """ "Trump hosted Xi at Mar-a-Lago", parsed as a phrase about Xi ("Trump-hosted Xi").

    The small parser sometimes reads "NAME verbed NAME" as one noun phrase, the
    verb a modifier of the second name and the first name hanging from it, or
    from the verb ("Xi" an adverbial noun of "hosted"). Then the first name
    does it and the second is its object.
    """
    if verb.dep_ != "amod" or verb.tag_ not in {"VBD", "VBN"} or verb.i == 0:
        return None
    target = link.token_to_mention.get(verb.head.i)
    source = link.token_to_mention.get(verb.i - 1)
    if target is None or source is None or target is source or verb.head.i < verb.i:
        return None
    source_root = span_root(verb.doc, source)
    # the first name hangs from the verb or the second, or heads the phrase with the
    # second as its object ("Trump pressed Xi on trade": "Trump" the root)
    hung = source_root.head.i in (verb.head.i, verb.i) or (
        span_root(verb.doc, target).head.i == source_root.i and source_root.dep_ == "ROOT"
    )
    if not hung or target.start != verb.i + 1:
        return None
    return source, target


def dangling(prep: Token, link: LinkResult) -> list[Linked]:
    """ "granted asylum to five Panamanian officers holed up …": the parser left "to"
    without its object and made the officers a clause's subject; the actor the
    preposition is followed by (past numbers, articles, modifiers and a title's words)
    is its object."""
    # (or with only the clause the object was made the subject of: "with Vice Premier
    # Liu He to review purchases")
    if prep.dep_ not in {"prep", "dative"} or any(
        c.dep_ != "pcomp" or not any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        for c in prep.children
    ):
        return []
    doc = prep.doc
    i = prep.i + 1
    while i < len(doc) and i - prep.i <= 4 and doc[i].i not in link.token_to_mention:
        # past numbers, articles, modifiers and the words of a title ("with Vice
        # Premier Liu He to review …", "He" read as the clause's subject)
        title = doc[i].pos_ == "PROPN" and doc[i].is_title and doc[i].dep_ == "compound"
        if doc[i].pos_ not in {"DET", "NUM", "ADJ"} and not title:
            return []
        i += 1
    m = link.token_to_mention.get(i)
    if m is None or m.start != i:
        return []
    return [m] if span_root(doc, m).dep_ in SUBJ else []


def and_after(found: list[Linked], link: LinkResult, doc: Doc) -> list[Linked]:
    """ "The meeting between Wang Yi and Blinken took place …", the parser making
    "Blinken" the subject: the one name found under "between" and the name right after
    its "and"."""
    if len(found) != 1:
        return found
    end = found[0].end
    after = link.token_to_mention.get(end + 1)
    if (
        end + 1 < len(doc)
        and doc[end].lower_ == "and"
        and after is not None
        and after.start == end + 1
        and after is not found[0]
    ):
        return [found[0], after]
    return found


def moved_out_of(prep: Token, obj: Token | None) -> bool:
    """A preposition hung on the verb or its object after the object, when the object
    has one of the same word before it: the parser moved it out of the phrase of that
    first one ("expressed opposition to the U.S. arms sales to Taiwan", where "to
    Taiwan" is the sales', not the opposition's)."""
    return (
        prep.dep_ == "prep"
        and obj is not None
        and prep.i > obj.i
        and any(p.dep_ == "prep" and p.lower_ == prep.lower_ and p.i < prep.i for p in obj.children)
    )


def split_apposition(noun: Token, link: LinkResult) -> Linked | None:
    """ "from her host, Senator NAME A. NAME Jr.": an unlinked noun followed by
    a comma and a name the parser hung elsewhere (not on the noun) is that name."""
    doc = noun.doc
    if noun.i in link.token_to_mention or noun.i + 2 >= len(doc) or doc[noun.i + 1].text != ",":
        return None
    i = noun.i + 2
    while i < len(doc) and i - noun.i <= 5 and i not in link.token_to_mention:
        if doc[i].pos_ != "PROPN":
            return None
        i += 1  # a title before the name: "Vice President"
    m = link.token_to_mention.get(i)
    if m is None or m.start != i:
        return None
    root = span_root(doc, m)
    return m if root.head.i != noun.i and root.dep_ in {"npadvmod", "appos", "conj"} else None


def moved_objects(verb: Token) -> list[Token]:
    """ "denounced as a crime Serbia's crackdown": the object moved after an "as"
    phrase, parsed as a second object of "as" or an apposition to its first."""
    moved: list[Token] = []
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"):
        named = [p for p in prep.children if p.dep_ == "pobj"]
        moved += named[1:] + [g for p in named[:1] for g in p.children if g.dep_ == "appos"]
    return moved


def shared_object(prep: Token, link: LinkResult) -> list[Linked]:
    """ "established ties with and opened an embassy in Tehran": a preposition left
    bare before "and" shares the object that ends the coordinated phrase."""
    doc = prep.doc
    after = prep.i + 1
    if prep.dep_ != "prep" or any(True for _ in prep.children) or after >= len(doc):
        return []
    cc = doc[after]
    if cc.dep_ != "cc":
        return []
    conj = next((c for c in cc.head.children if c.dep_ == "conj" and c.i > after), None)
    if conj is None:
        return []
    ends = [
        link.token_to_mention[t.i]
        for t in conj.subtree
        if t.i in link.token_to_mention and t.dep_ in {"pobj", "dobj"}
    ]
    return ends[-1:]


def no_doer_passive(verb: Token) -> bool:
    """A passive verb with no doer named: "was arrested in Baku", not "was arrested by
    police"."""
    children = list(verb.children)
    return any(c.dep_ == "auxpass" for c in children) and not any(
        c.dep_ == "agent" for c in children
    )


def span_root(doc: Doc, m: Linked) -> Token:
    span = doc[m.start : m.end]
    return span.root


def unique(mentions: Iterable[Linked]) -> list[Linked]:
    seen: set[str] = set()
    out: list[Linked] = []
    for m in mentions:
        if m.actor_id not in seen:
            seen.add(m.actor_id)
            out.append(m)
    return out


def named_under(prep: Token, link: LinkResult) -> list[Linked]:
    """The actors named as ``prep``'s objects, read as written: "a welcome from Yang",
    "pressure from the IMF", "a plan by Tokyo" (a state there is never taken for a
    place)."""
    return [
        link.token_to_mention[o.i]
        for o in prep.children
        if o.dep_ == "pobj" and o.i in link.token_to_mention
    ]


# the possessor alone, for ``possessors``: "Venezuela's oil sector", not "the NATO bid"
POSS = frozenset({"poss"})


def possessors(
    noun: Token, link: LinkResult, deps: frozenset[str] = frozenset({"poss", "compound"})
) -> list[Linked]:
    """The actors named as ``noun``'s possessor or compound: "Tokyo's decision", "the US
    move" (``deps`` narrows to the possessor alone). Read as written, so a state there
    is never taken for a place, as the participant rules take a state under "at"."""
    return [
        link.token_to_mention[c.i]
        for c in noun.children
        if c.dep_ in deps and c.i in link.token_to_mention
    ]
