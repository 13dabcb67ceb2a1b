"""States named in the text that the model's entity recogniser missed or mislabelled.

The small model tags "Sri Lanka" as a person, leaves "Uzbekistan" untagged,
reads "Mozambique" in "the Mozambique government" as a nationality and takes
the possessive into "The Ivory Coast's". A capitalised run of words that is
exactly a state's name or capital (``kb/states.yaml``), or a city, province or
region in it (``kb/places.yaml``), is that state, unless
the model calls it something else: one word read as a person ("Jordan",
"Santiago") stays a person; a facility, work or event ("the Jordan Valley")
is no state, nor is a name inside a longer one ("the Warsaw Pact").
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Mapping

from spacy.tokens import Doc, Span, Token

_LONGEST = 5
# Labels under which the recogniser's span may still be a state it mis-bounded.
# labels the small model gives a state's name; a lone "Niger" may come out as a
# facility or a work of art ("recalled troops from Niger"), never with more words
_STATE_LIKE = frozenset({"GPE", "ORG", "NORP", "LOC", "FAC", "WORK_OF_ART", "PRODUCT"})


def form_starts(forms: Iterable[str]) -> frozenset[str]:
    """Every beginning of every form: a word no form begins with starts no state's name."""
    return frozenset(form[:n] for form in forms for n in range(1, len(form) + 1))


def unlabelled_states(
    doc: Doc,
    forms: Mapping[str, str],
    covered: Collection[int],
    titles: Collection[str],
    starts: Collection[str],
) -> Iterator[tuple[int, int, str]]:
    """``(start, end, ISO3)`` for each state name not yet linked, longest first, left to right.

    ``titles`` are the nouns that may follow a state's name in capitals ("Uzbekistan
    President …"); any other capitalised word after it makes a longer name
    ("Warsaw Pact"). ``starts`` is ``form_starts(forms)``.
    """
    ents = {i: ent for ent in doc.ents for i in range(ent.start, ent.end)}
    i = 0
    while i < len(doc):
        found = None
        word = doc[i].text
        if word[:1].isupper() and i not in covered and word.casefold() in starts:
            for n in range(min(_LONGEST, len(doc) - i), 0, -1):
                span = doc[i : i + n]
                code = forms.get(span.text.casefold())
                if code and span[-1].text[:1].isupper() and _as_written(span):
                    found = (i, i + n, code)
                    break
        if found is None:
            i += 1
            continue
        start, end, code = found
        nxt = doc[end] if end < len(doc) else None
        longer = nxt is not None and nxt.text[:1].isupper() and nxt.is_alpha
        if longer and nxt is not None and nxt.lower_ in titles:
            longer = False
        if (
            not longer
            and not any(t in covered for t in range(start, end))
            and _state_reading(doc[start:end], ents)
        ):
            yield start, end, code
        i = end


def _as_written(span: Span) -> bool:
    """All-caps forms ("US") only as written; "Us" is a pronoun."""
    return not (len(span) == 1 and span.text.lower() == "us" and span.text != "US")


# One-word names of states that are also people's given names
_GIVEN_NAMES = frozenset(
    {"jordan", "chad", "georgia", "israel", "india", "kenya", "cuba", "america"}
)


def _state_reading(span: Span, ents: Mapping[int, Span]) -> bool:
    labels = {ents[t].label_ for t in range(span.start, span.end) if t in ents}
    if not labels:
        return True
    if len({id(ents[t]) for t in range(span.start, span.end) if t in ents}) > 1:
        return False
    ent = next(ents[t] for t in range(span.start, span.end) if t in ents)
    if ent.label_ == "PERSON":
        if _asking_word(ent, span):
            return True  # "Will Beijing lift …?" read as a man named Will Beijing
        # "Sri Lanka" or "Azerbaijan" read as a name; one word that is also a given
        # name ("Jordan", "Chad") may well be one
        return (ent.start, ent.end) == (span.start, span.end) and (
            len(span) > 1 or span.text.lower() not in _GIVEN_NAMES
        )
    # the recogniser's span may add "the" or "'s" ("The Ivory Coast's"), never more
    # words ("the Warsaw Pact", "the Palestine Liberation Organization"); it may hold
    # fewer ("Czech" of "the Czech Republic", read as a nationality)
    inner = [t for t in ent if t.lower_ not in {"the", "'s", "’s"}]
    within = all(span.start <= t.i < span.end for t in inner)
    return ent.label_ in _STATE_LIKE and within


# Words that open a yes-or-no question and are also given names
_ASKING = frozenset({"will", "may", "can", "would", "could"})


def _asking_word(ent: Span, span: Span) -> bool:
    """The recogniser's person is a question's opening auxiliary and the state after it."""
    first = ent[0]
    return (
        (ent.start, ent.end) == (span.start - 1, span.end)
        and first.lower_ in _ASKING
        and first.is_sent_start is True
        and first.sent[-1].text == "?"
    )


def demonym(tok: Token, adjectives: Mapping[str, str]) -> str:
    """The country of a people named by a plural demonym ("the Palestinians", "Afghans").

    Only as a noun phrase's head, never as a modifier ("Afghans' rights" is theirs).
    """
    if _people_as_adjective(tok):
        return adjectives.get(tok.lower_, "")  # "the Chinese rejected the demands"
    if not demonym_shape(tok):
        return ""
    if tok.lower_ in _IRREGULAR_PEOPLES:
        return adjectives.get(_IRREGULAR_PEOPLES[tok.lower_], "")  # "Turks", "Serbs"
    return adjectives.get(tok.lower_[:-1], "")


# Peoples whose plural is no state adjective plus "s": "Turks", "Danes", "Serbs"
_IRREGULAR_PEOPLES = {
    "turks": "turkish",
    "danes": "danish",
    "swedes": "swedish",
    "poles": "polish",
    "finns": "finnish",
    "serbs": "serbian",
    "croats": "croatian",
    "britons": "british",
    "scots": "scottish",
    "slovaks": "slovak",
    "slovenes": "slovenian",
    "kazakhs": "kazakh",
    "uzbeks": "uzbek",
    "tajiks": "tajik",
    "kyrgyz": "kyrgyz",
}


# The endings of the nationality words that name their people unchanged: "the Chinese",
# "the Japanese", "the British", "the French", "the Dutch", "the Swiss"
_SAME_AS_PEOPLE = ("ese", "ish", "ench", "utch", "swiss")
# Counts of people: "thousands of Vietnamese"
_COUNTS = frozenset({"thousands", "hundreds", "dozens", "millions", "scores", "tens"})


def _people_as_adjective(tok: Token) -> bool:
    """ "The Chinese", "the British": a nationality word after "the" heading its
    phrase as a subject or object, not before a noun ("the Chinese side")."""
    if tok.i == 0 or not tok.text[:1].isupper() or not tok.lower_.endswith(_SAME_AS_PEOPLE):
        return False
    before = tok.doc[tok.i - 1]
    if before.lower_ == "of" and tok.dep_ == "pobj" and before.head.lower_ in _COUNTS:
        return True  # "thousands of Vietnamese", "hundreds of Sudanese"
    return before.lower_ == "the" and tok.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj", "conj"}


def two_word_demonym(tok: Token, adjectives: Mapping[str, str]) -> str:
    """The country of a people named by a demonym of two words ending at ``tok``
    ("South Koreans", "North Koreans"), the first word capitalised too."""
    if tok.i == 0 or not demonym_shape(tok):
        return ""
    before = tok.doc[tok.i - 1]
    if not before.text[:1].isupper():
        return ""
    return adjectives.get(f"{before.lower_} {tok.lower_[:-1]}", "")


def demonym_shape(tok: Token) -> bool:
    """A capitalised plural heading its phrase, as a people's name is written."""
    return (
        tok.text[:1].isupper()
        and tok.tag_ in {"NNPS", "NNS"}
        and tok.lower_.endswith("s")
        and tok.dep_ not in {"amod", "compound", "nmod", "poss"}
    )


def resident_people(tok: Token, adjectives: Mapping[str, str]) -> int:
    """The end of "Bosnian Serbs", "Iraqi Kurds": a people named with the state they live in.

    ``tok`` is a state adjective; the next word must be a capitalised plural
    naming a people (a nationality, or a word the recogniser tags as one)
    that heads the phrase. Returns 0 for anything else ("Iraqi Airways").
    """
    doc = tok.doc
    if tok.i + 1 >= len(doc):
        return 0
    people = doc[tok.i + 1]
    if (
        tok.head.i != people.i
        or not people.text[:1].isupper()
        or people.tag_ not in {"NNPS", "NNS"}
        or not people.lower_.endswith("s")
        or people.dep_ in {"amod", "compound", "nmod", "poss"}
    ):
        return 0
    # the recogniser may read the pair as one person's name ("Bosnian Serbs")
    as_name = people.ent_type_ == "PERSON" and tok.ent_type_ == "PERSON" and people.ent_iob_ == "I"
    if people.ent_type_ == "NORP" or as_name or people.lower_[:-1] in adjectives:
        return people.i + 1
    return 0
