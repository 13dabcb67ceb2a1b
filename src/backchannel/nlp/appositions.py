"""A title with a name in apposition is that person.

"the visiting premier of Chile, NAME,", "her Kenyan counterpart, NAME,",
"the Polish foreign minister, NAME.": news names a
person by a title and then by name, set off by commas. The name says who held
the title, so the title phrase is that person, not the country's government
(which "the prime minister of China" alone would be) nor whoever the KB says
held the title that day. The small parser often hangs such a name on the verb
rather than on the title, so the event's rules, reading the title phrase,
would otherwise find the government or nobody.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from backchannel.nlp.mentions import Linked

# Singular nouns naming one person by the post held: the office nouns of
# ``kb/groups.yaml`` that are people, not bodies, and those that say whose opposite
# number or guest someone is.
PERSON_TITLES = frozenset(
    {"official", "minister", "president", "premier", "chancellor", "secretary", "spokesman",
     "spokeswoman", "spokesperson", "ambassador", "envoy", "diplomat", "consul", "leader",
     "king", "queen", "emir", "governor", "negotiator", "general", "commander", "chief",
     "senator", "lawmaker", "legislator", "congressman", "congresswoman", "counterpart",
     "host", "adviser", "advisor", "aide", "representative", "dictator", "monarch",
     "successor", "predecessor", "chairman", "chairwoman", "head", "strongman",
     "citizen", "national", "student", "tourist", "prisoner", "detainee", "journalist",
     "reporter", "correspondent", "businessman"}
)  # fmt: skip
# What may close an apposition: the name is not the subject of what follows.
_CLOSERS = frozenset({",", ".", ";", ":", "—", "–", ")", "!", "?"})
# The most words a title phrase before its name may have.
_LONGEST_TITLE = 9


def titled_appositions(
    doc: Doc, mentions: dict[int, Linked], is_person: Callable[[str], bool]
) -> None:
    """Link "TITLE, NAME," so that the title phrase is the named person.

    The phrase before the comma must be headed by a singular person title
    (``PERSON_TITLES``) and hold no other person; the name must be followed by
    a comma or the end of the sentence ("…, Wen Jiabao, said" is no apposition
    only when the name is a subject: "the president, Xi said" is left alone).
    Mentions inside the phrase (the office, the country of "prime minister of
    China", a title's holder) are replaced.
    """
    for name in sorted(mentions.values(), key=lambda m: m.start):
        if not is_person(name.actor_id):
            continue
        phrase = apposed_title(doc, doc[name.start : name.end])
        if phrase is None:
            continue
        inside = [m for m in mentions.values() if phrase.start <= m.start < phrase.end]
        if any(m.end > phrase.end for m in inside) or any(
            is_person(m.actor_id) and m.how != "title" and m.actor_id != name.actor_id
            for m in inside
        ):
            continue  # a name inside the phrase ("Biden's host, …"), or one running past it
        for m in inside:
            del mentions[m.start]
        mentions[phrase.start] = Linked(
            phrase.start, phrase.end, name.actor_id, "apposition", role_hint=phrase.text
        )


def apposed_title(doc: Doc, name: Span) -> Span | None:
    """The title phrase ``name`` stands in apposition to ("his Russian counterpart, NAME,")."""
    if name.start < 2 or doc[name.start - 1].text != ",":
        return None
    if name.end < len(doc) and doc[name.end].text not in _CLOSERS:
        return None
    return _title_phrase(doc, name.start - 1)


def _title_phrase(doc: Doc, comma: int) -> Span | None:
    """The noun phrase ending just before ``comma`` when a singular person title heads it."""
    tok = doc[comma - 1]
    # up from "China" in "prime minister of China" to "minister"
    while (
        not _person_title(tok)
        and tok.dep_ in {"pobj", "prep"}
        and comma - 1 - tok.head.i < _LONGEST_TITLE
    ):
        if tok.head.i >= tok.i:
            return None
        tok = tok.head
    while tok.dep_ == "conj" and tok.head.i < tok.i and _person_title(tok.head):
        tok = tok.head  # "Peru's vice president and probable successor"
    if not _person_title(tok):
        return None
    start = tok.left_edge.i
    if comma - start > _LONGEST_TITLE:
        return None
    words = doc[start:comma]
    if any(t.text in {",", ";", ":", "—", "(", ")"} or t.pos_ in {"AUX"} for t in words):
        return None
    if any(t.pos_ == "VERB" and t.dep_ not in {"amod", "compound"} for t in words):
        return None  # a clause, not a title ("who met the president")
    return words


def _person_title(tok: Token) -> bool:
    return (
        tok.pos_ in {"NOUN", "PROPN"}
        and tok.tag_ in {"NN", "NNP"}
        and (tok.lower_ in PERSON_TITLES or tok.lemma_.lower() in PERSON_TITLES)
    )
