"""A state, body or group that says what "it" or "they" will do.

"Syria says it is willing to withdraw", "Iraq said it would allow the return of
inspectors", "the rebels said they would release the hostages": the subject
of a clause reported by a verb of saying, when that subject is "it" or
"they", is the one who says it, if that one is a state, a body or a group
(never a person: "he" and "she" are resolved by the linker's own pass). So is
"its" or "their" owning that subject ("Moscow denied that its forces had shelled
the plant"), and "it" heading a clause after one whose subject is a state ("Not
only did Washington blame Moscow, it also expelled ten diplomats").

A counted plural looks back the same way: "Cisco, Dell and Juniper wrote to
the USTR. The three firms said …": "the three firms" are the three organisations
named together shortly before (``recapped``).

"We" is the speaker whoever speaks: 'Pence said "we will demand that Beijing
open its markets"' is Pence's demand, as a named spokesman's "we" is his.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from spacy.tokens import Doc, Token

from backchannel.nlp.mentions import Linked, LinkResult, sentences_back
from backchannel.nlp.repairs import span_root

# Verbs (lemma) that report what their subject says it does or will do.
# "China denied that it had agreed …", "Beijing warned it would retaliate" report too.
REPORTING_VERBS = frozenset(
    {"say", "announce", "declare", "state", "insist", "add", "reiterate", "confirm", "stress",
     "deny", "warn", "vow", "pledge", "promise", "claim", "acknowledge", "admit"}
)  # fmt: skip
_PLURAL_FORMS = frozenset({"they"})
_SINGULAR_FORMS = frozenset({"it"})
_SPEAKER_FORMS = frozenset({"we"})
_SUBJECT_FORMS = _PLURAL_FORMS | _SINGULAR_FORMS | _SPEAKER_FORMS
_POSSESSIVE_FORMS = {"its": "it", "their": "they"}  # read as the subject form they stand for
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def reported_subjects(
    doc: Doc,
    mentions: dict[int, Linked],
    is_person: Callable[[str], bool],
    group_nouns: Mapping[str, str] | None = None,
    offices: Mapping[str, str] | None = None,
) -> None:
    """Link "it"/"they" heading a reported clause to the reporting verb's subject."""
    covered = {i for m in mentions.values() for i in range(m.start, m.end)}
    index = {i: m for m in mentions.values() for i in range(m.start, m.end)}
    for tok in doc:
        form = tok.lower_
        if tok.i in covered:
            continue
        if form in _POSSESSIVE_FORMS and tok.dep_ == "poss" and tok.head.dep_ in _SUBJECTS:
            # "Moscow denied that its forces had shelled the plant": the speaker's forces
            form, clause = _POSSESSIVE_FORMS[form], tok.head.head
        elif form in _SUBJECT_FORMS and tok.dep_ in _SUBJECTS:
            clause = tok.head
        else:
            continue
        speaker = _speaker(clause, index, is_person)
        if speaker is None and form not in _SPEAKER_FORMS:
            speaker = _warned(clause, index)  # "warned China … if it supplied weapons"
        if speaker is None and form not in _SPEAKER_FORMS and tok.dep_ != "poss":
            speaker = _first_clause_doer(tok, index)  # "Not only did X …, it also …"
        if speaker is not None and form in _SPEAKER_FORMS:
            mentions[tok.i] = Linked(tok.i, tok.i + 1, speaker.actor_id, "pronoun")
            covered.add(tok.i)
            continue
        if speaker is None or is_person(speaker.actor_id):
            continue
        # "the rebels said they …", "the Revolutionary Guards said they …", but "the
        # foreign ministry said it …"; a state is one ("the United States said it …")
        plural = not speaker.actor_id.startswith("state:") and (
            doc[speaker.end - 1].tag_ in {"NNS", "NNPS"}
            or (doc[speaker.end - 1].lower_ in {"police", "military"} and form in _PLURAL_FORMS)
        )
        if (form in _PLURAL_FORMS) != plural:
            continue  # "the rebels said they …", "Syria said it …"
        owned = (
            _owned_group(tok, speaker, group_nouns or {}, offices or {}, covered)
            if tok.dep_ == "poss"
            else None
        )
        mentions[tok.i] = owned or Linked(tok.i, tok.i + 1, speaker.actor_id, "pronoun")
        covered.update(range(tok.i, (owned or mentions[tok.i]).end))


def _owned_group(
    pronoun: Token,
    speaker: Linked,
    group_nouns: Mapping[str, str],
    offices: Mapping[str, str],
    covered: set[int],
) -> Linked | None:
    """ "its forces", "its navy", "their diplomats" owned by a state that speaks: that
    state's group, as "Russia's forces" is (an office noun by its sector:
    ``group:RUS:military``)."""
    if not speaker.actor_id.startswith("state:"):
        return None
    noun = pronoun.head
    words = pronoun.doc[pronoun.i + 1 : noun.i + 1]
    key = next((k for k in (words.text.lower(), noun.lower_) if k in group_nouns), "")
    sector = group_nouns.get(key, "")
    if not key or (sector not in {"military", "police"} and noun.tag_ != "NNS"):
        return None  # "its ambassador": one holder of an office, not a group
    if any(i in covered for i in range(words.start, words.end)):
        return None
    code = speaker.actor_id.split(":", 1)[1]
    kind = sector if key in offices else key
    return Linked(pronoun.i, noun.i + 1, f"group:{code}:{kind}", "group", sector)


def _speaker(
    clause: Token, index: dict[int, Linked], is_person: Callable[[str], bool]
) -> Linked | None:
    """The linked subject of the verb of saying that reports ``clause``."""
    if clause.dep_ != "ccomp" or clause.head.i == clause.i:
        return None
    verb = clause.head
    if verb.lemma_.lower() not in REPORTING_VERBS:
        return None
    for child in verb.children:
        if child.dep_ == "nsubj" and child.i < clause.i:
            m = index.get(child.i)
            if m is None:
                # "Prime Minister of Japan Shinzo Abe said …", with the name parsed
                # into the title's "of" phrase: the one person named there
                persons = {
                    index[t.i].actor_id: index[t.i]
                    for t in child.subtree
                    if t.i in index and is_person(index[t.i].actor_id)
                }
                return next(iter(persons.values())) if len(persons) == 1 else None
            return m
    return None


# Verbs whose object is the one a condition under them speaks of: "warned China of
# consequences if it supplied weapons to Russia"
_WARNING_VERBS = frozenset({"warn", "threaten", "caution"})


def _warned(clause: Token, index: dict[int, Linked]) -> Linked | None:
    """The linked object of a warning that ``clause``, a condition under it, speaks of."""
    if clause.dep_ != "advcl" or clause.head.i == clause.i:
        return None
    if not any(c.dep_ == "mark" and c.lower_ in {"if", "unless"} for c in clause.children):
        return None
    verb = clause.head
    if verb.lemma_.lower() not in _WARNING_VERBS:
        return None
    return next((index[c.i] for c in verb.children if c.dep_ == "dobj" and c.i in index), None)


def _first_clause_doer(pronoun: Token, index: dict[int, Linked]) -> Linked | None:
    """The linked subject of the clause before the one "it" or "they" heads:
    "Moscow expelled two attachés and it closed a consulate" (coordinated), "Not only
    did Washington blame Moscow, it also expelled ten diplomats" (the first clause
    hung on the second). Only when that clause has one such subject."""
    verb = pronoun.head
    clauses = [verb.head] if verb.dep_ == "conj" and verb.head.i < pronoun.i else []
    clauses += [c for c in verb.children if c.dep_ in {"ccomp", "advcl"} and c.i < pronoun.i]
    found = [
        index[c.i]
        for clause in clauses
        for c in clause.children
        if c.dep_ == "nsubj" and c.i in index
    ]
    return found[0] if len(found) == 1 else None


_OBJECT_FORMS = frozenset({"him", "her"})
_RELATIVE = frozenset({"who", "that"})


def object_pronouns(
    doc: Doc, mentions: dict[int, Linked], is_person: Callable[[str], bool]
) -> None:
    """Link "him"/"her" as an object to the last person named before it but the doer.

    "Blinken met Wang Yi, who told him that …": "him" is Blinken, since one who
    tells is not the one told; so after "to" or "with" ("Bush apologised to him").
    Only a person named in the same or the previous sentence is taken, as for
    subject pronouns. "It" as the object of a verb aimed at a party is the last
    state named in its sentence but the doer ("cut ties with Qatar, accusing it
    of …").
    """
    index = {i: m for m in mentions.values() for i in range(m.start, m.end)}
    # a person, or a counterpart named only by office ("his Indian counterpart")
    persons = sorted(
        (
            m
            for m in mentions.values()
            if is_person(m.actor_id) or doc[m.end - 1].lower_ == "counterpart"
        ),
        key=lambda m: m.start,
    )
    states = sorted(
        (m for m in mentions.values() if m.actor_id.startswith("state:")), key=lambda m: m.start
    )
    for tok in doc:
        if tok.lower_ == "it" and tok.dep_ == "dobj" and tok.i not in index:
            _state_object(tok, states, index, mentions)
            continue
        if tok.lower_ not in _OBJECT_FORMS or tok.i in index:
            continue
        if tok.dep_ in {"dobj", "dative"}:
            verb = tok.head
        elif tok.dep_ == "pobj" and tok.head.lower_ in {"to", "with"}:
            verb = tok.head.head  # "apologised to him", "spoke with her"
        else:
            continue
        doer = _doer(verb, index)
        earlier = [m for m in persons if m.end <= tok.i and m.actor_id != doer]
        if not earlier:
            continue
        if earlier[-1].start >= sentences_back(doc, tok.i, 1):
            mentions[tok.i] = Linked(tok.i, tok.i + 1, earlier[-1].actor_id, "pronoun")


# Verbs whose object "it" is a party: "cut ties with Qatar, accusing it of …"
_AT_A_PARTY = frozenset(
    {"accuse", "blame", "urge", "warn", "criticize", "criticise", "condemn", "praise",
     "thank", "threaten", "press", "pressure", "punish", "sanction", "invite", "ask"}
)  # fmt: skip


def _state_object(
    pronoun: Token, states: list[Linked], index: dict[int, Linked], mentions: dict[int, Linked]
) -> None:
    """ "it" as the object of a verb aimed at a party: the last state named before it in
    its sentence other than the doer."""
    verb = pronoun.head
    if verb.lemma_.lower() not in _AT_A_PARTY:
        return
    doer = _doer(verb, index)
    earlier = [
        m
        for m in states
        if pronoun.sent.start <= m.start and m.end <= pronoun.i and m.actor_id != doer
    ]
    if earlier:
        mentions[pronoun.i] = Linked(pronoun.i, pronoun.i + 1, earlier[-1].actor_id, "pronoun")


def _doer(verb: Token, index: dict[int, Linked]) -> str | None:
    """The actor doing ``verb``: its subject, the name a relative "who" stands for, for
    an infinitive the doer of the verb it completes ("Wang was named to replace him"),
    and for a second verb with no subject of its own the first one's ("Wang called his
    counterpart and urged him to …")."""
    subjects = {"nsubj"}
    while True:
        for child in verb.children:
            if child.dep_ not in subjects:
                continue
            if child.lower_ in _RELATIVE and verb.dep_ == "relcl":
                child = verb.head
            m = index.get(child.i)
            return m.actor_id if m is not None else None
        if verb.dep_ not in {"xcomp", "conj"} or verb.head.i == verb.i:
            return None
        if verb.dep_ == "xcomp":
            subjects = {"nsubj", "nsubjpass"}
        verb = verb.head


# Nouns for a set of organisations named just before: "the four tech firms".
_FIRM_NOUNS = frozenset(
    {"firms", "companies", "corporations", "banks", "lenders", "makers", "manufacturers",
     "chipmakers", "giants", "groups", "associations", "organizations", "organisations"}
)  # fmt: skip
_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8}
_RECAP_DETERMINERS = frozenset({"the", "these", "those", "all"})


def recapped(noun: Token, link: LinkResult, is_body: Callable[[str], bool]) -> list[Linked]:
    """ "These four tech firms": the organisations named together, as many as it counts,
    in the same sentence before it or in one of the two before (the nearest such
    sentence); none if no such list, or two in that sentence."""
    if noun.lower_ not in _FIRM_NOUNS or noun.i in link.token_to_mention:
        return []
    words = {c.lower_ for c in noun.children if c.dep_ in {"det", "predet", "nummod"}}
    counts = [_COUNTS[w] for w in words if w in _COUNTS]
    if len(counts) != 1 or not words & _RECAP_DETERMINERS:
        return []
    doc = noun.doc
    start, end = noun.sent.start, noun.i
    for _ in range(3):
        heads = {
            span_root(doc, m).i: m
            for m in link.token_to_mention.values()
            if start <= m.start and m.end <= end and is_body(m.actor_id)
        }
        lists = [_listed(doc[i], heads) for i in heads if doc[i].dep_ != "conj"]
        fitting = [found for found in lists if len(found) == counts[0]]
        if fitting:
            return fitting[0] if len(fitting) == 1 else []
        if start == 0:
            break
        start, end = doc[start - 1].sent.start, start
    return []


def _listed(first: Token, heads: dict[int, Linked]) -> list[Linked]:
    """The linked names coordinated with ``first``: "Cisco, Dell and Juniper"."""
    found = [heads[first.i]]
    for c in first.children:
        if c.dep_ == "conj" and c.i in heads:
            found += _listed(c, heads)
    return found
