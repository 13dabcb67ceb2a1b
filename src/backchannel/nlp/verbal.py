"""Verbal conflict that no trigger word names: judgements and reported wrongs.

"Lin Jian called the U.S. tariff increase irresponsible" is criticism,
though "call" is otherwise a phone call; "Mao Ning said the United States
was bullying Chinese companies" is an accusation, though "say" is only a
report. The word lists are in ``data/events.yaml`` (``naming_verbs``,
``disparaging_words``, ``wrongdoing_verbs``, ``wrongdoing_objects``,
``charge_nouns``).
"""

from __future__ import annotations

from spacy.tokens import Token

from backchannel.nlp.lexicon import Lexicon, Trigger
from backchannel.nlp.repairs import OBJ, SUBJ, phrasal

# Where a naming verb puts its judgement: "called X irresponsible" (oprd),
# "called X a dictator" (a second object), "described X as bullying" (as).
_JUDGEMENT_DEPS = frozenset({"oprd", "xcomp", "acomp", "attr", "ccomp", "dobj"})


def judgement(verb: Token, lex: Lexicon) -> Trigger | None:
    """A naming verb whose complement is a disparaging word: criticism (ACCUSE); one
    whose second object is a word of friendship or esteem: praise (SUPPORT, "Xi called
    Putin his dear friend", "called Modi a great leader")."""
    if verb.pos_ not in {"VERB", "AUX"} or verb.lemma_.lower() not in lex.naming_verbs:
        return None
    if any(c.dep_ == "neg" for c in verb.children):
        return None  # "did not call the move illegal" is no criticism made
    words: list[Token] = _fronted_judgement(verb)
    for child in verb.children:
        if child.dep_ in _JUDGEMENT_DEPS:
            words.append(child)
            words += _named_as(child)
        elif child.dep_ == "prep" and child.lower_ == "as":
            words += list(child.children)  # "as reckless" (parsed as a modifier), "as a bully"
        elif child.dep_ == "prep" and child.lower_ == "to" and verb.lemma_.lower() in _LIKENING:
            # "likened Modi's government to the Nazis", "… to that of the Nazis"
            for g in child.children:
                words += [g, *(h for p in g.children if p.lower_ == "of" for h in p.children)]
    for word in words:
        # "called Xi a dictator", "a dangerous escalation"; a direct object's own
        # modifiers are what it names ("called an emergency meeting"), not a judgement
        modifiers = frozenset() if word.dep_ == "dobj" else _NAMING_MODIFIERS
        if _disparaging(word, modifiers, lex):
            return Trigger(verb.lemma_.lower(), "verb", "ACCUSE", "criticize")
    for word in words:
        if (
            word.dep_ in {"oprd", "attr", "xcomp", "appos"}
            and word.pos_ == "NOUN"
            and _esteemed(word)
        ):
            return Trigger(verb.lemma_.lower(), "verb", "SUPPORT", "")
    return None


def _fronted_judgement(verb: Token) -> list[Token]:
    """ "'A stab in the back' was how Le Drian described Canberra's decision": the
    judgement is the subject of the "was" the naming clause completes."""
    head = verb.head
    if (
        verb.dep_ != "ccomp"
        or head.lemma_ != "be"
        or not any(c.dep_ == "advmod" and c.lower_ == "how" for c in verb.children)
    ):
        return []
    return [c for c in head.children if c.dep_ in {"nsubj", "csubj"}]


def _named_as(word: Token) -> list[Token]:
    """The judgement the parser hung inside what the verb names.

    "called China's missile tests reckless" (the object read as a clause, the
    judgement its complement), "called Xi Jinping a dictator" and "called
    Washington's order an outrageous move" (the judgement apposed to the object),
    "called Trump's idea of buying Greenland absurd" (an adjective after the
    object, hung on its last word).
    """
    if word.dep_ == "ccomp":
        return [c for c in word.children if c.dep_ in {"acomp", "oprd", "attr"}]
    if word.dep_ not in {"dobj", "oprd"}:
        return []
    found = [
        c
        for c in word.children
        if c.dep_ == "appos" and any(d.dep_ == "det" and d.lower_ in _ARTICLES for d in c.children)
    ]
    last = word.doc[word.right_edge.i]
    if last.pos_ == "ADJ" and last.i > last.head.i and last.dep_ in {"advmod", "amod", "acomp"}:
        found.append(last)  # an adjective after its head is no attribute of it
    return found


_ARTICLES = frozenset({"a", "an", "the"})


# Naming verbs whose judgement is what they liken the thing to
_LIKENING = frozenset({"liken", "compare", "equate"})


# Words of friendship or esteem a naming verb gives someone: "his dear friend"
_ESTEEM_NOUNS = frozenset({"friend", "brother", "partner", "ally", "hero", "statesman"})
_ESTEEM_MODIFIERS = frozenset(
    {"great", "good", "dear", "true", "wonderful", "remarkable", "outstanding", "respected"}
)


def _esteemed(noun: Token) -> bool:
    """ "his dear friend", "a great leader", "a true partner": esteem, not a judgement of
    a thing; a friend denied ("no friend of") is none."""
    if any(c.dep_ in {"det", "neg"} and c.lower_ in {"no", "not"} for c in noun.children):
        return False
    return noun.lemma_.lower() in _ESTEEM_NOUNS or any(
        c.dep_ == "amod" and c.lower_ in _ESTEEM_MODIFIERS for c in noun.children
    )


_NAMING_MODIFIERS = frozenset({"amod", "compound", "advmod"})
_PREDICATE_MODIFIERS = frozenset({"amod", "compound"})


def _disparaging(word: Token, modifiers: frozenset[str], lex: Lexicon) -> bool:
    """``word``, or one of its ``modifiers``, is a disparaging word; "full of lies" is
    what it is full of."""
    said = [word] + [c for c in word.children if c.dep_ in modifiers]
    if word.lower_ == "full":
        said += [g for p in word.children if p.lower_ == "of" for g in p.children]
    return any(
        w.lower_ in lex.disparaging_words or w.lemma_.lower() in lex.disparaging_words for w in said
    )


def reported_wrong(clause: Token, lex: Lexicon) -> bool:
    """A clause reported by a verb of saying (or a speaker's noun: "his assertion
    that …") that tells of a wrong its subject does.

    "said the United States was bullying Chinese companies", "said China had been
    slow-walking its commitments", "said Pompeo was spreading lies"; not a wrong
    denied ("said China had not violated the deal") nor only feared ("could hack").
    """
    if clause.pos_ not in {"VERB", "AUX"} or clause.dep_ not in {"ccomp", "acl"}:
        return False
    said_by = speaking(clause)
    if clause.dep_ == "acl" or said_by.pos_ in {"NOUN", "PROPN"}:
        # "the minister's claim that X rigs its exchange rate": a speaker's noun
        if not (
            said_by.lower_ in lex.claim_nouns
            and any(c.dep_ == "poss" for c in said_by.children)
            and any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)
        ):
            return False
    elif said_by.lemma_.lower() not in lex.speech_verbs | lex.obligation_verbs | _CHARGING:
        return False
    if any(
        c.dep_ == "neg"
        or (c.dep_ in {"aux", "mark"} and c.lower_ in lex.hypothetical_aux | {"if", "whether"})
        for c in clause.children
    ):
        return False
    if implicated(clause):
        return True  # "there was evidence of Russian involvement in the hacking"
    if not any(c.dep_ in SUBJ for c in clause.children):
        return False
    if said_by.lemma_.lower() in _CHARGING and said_by.pos_ in {"VERB", "AUX"}:
        return True  # "charged that Pakistan was training militants": a charge says a wrong
    # "China had been slow-walking", parsed with "been" as the clause and the verb under it
    acts = [clause] + [
        c for c in clause.children if clause.lemma_ == "be" and c.dep_ in {"acomp", "xcomp"}
    ]
    for act in acts:
        # "bullying", "slow-walking", "covered up"
        if ({_hyphenated(act)} | phrasal(act)) & lex.wrongdoing_verbs:
            return True
        if any(c.dep_ in OBJ and c.lower_ in lex.wrongdoing_objects for c in act.children):
            return True
        if act.lemma_ == "be" and any(
            p.dep_ == "prep" and p.lower_ == "behind" and _blow_under(p) for p in act.children
        ):
            return True  # "said Russia was behind the poisoning of Sergei Skripal"
        if act.lemma_ == "be" and any(
            c.dep_ == "acomp"
            and c.lower_ == "responsible"
            and any(p.lower_ == "for" and _blow_under(p) for p in c.children)
            for c in act.children
        ):
            return True  # "said Moscow was responsible for the nerve agent attack"
        if act.lemma_ == "be" and any(
            c.dep_ == "xcomp" and c.lemma_.lower() == "blame" for c in act.children
        ):
            return True  # "said the United States was to blame for the crisis"
        if act.lemma_.lower() == "bear" and any(
            c.dep_ == "dobj" and c.lower_ in {"responsibility", "blame"} for c in act.children
        ):
            return True  # "said the Lebanese government bore full responsibility"
        if act.lemma_.lower() == "engage" and any(
            p.lower_ == "in" and _disparaging(g, _PREDICATE_MODIFIERS, lex)
            for p in act.children
            for g in p.children
        ):
            return True  # "was engaging in economic bullying"
    return disparaged(clause, lex)


# what one is said to be behind that is a wrong: "was behind the attack"
_BLOWS = frozenset(
    {
        "attack",
        "poisoning",
        "killing",
        "murder",
        "assassination",
        "bombing",
        "explosion",
        "hack",
        "hacking",
        "cyberattack",
        "plot",
        "sabotage",
        "kidnapping",
        "abduction",
        "coup",
    }
)
# kinds of wrong a campaign or operation may be of: "a disinformation campaign"
_WRONG_KINDS = frozenset(
    {"disinformation", "propaganda", "smear", "espionage", "spying", "interference", "cyber"}
)


def _blow_under(prep: Token) -> bool:
    """The preposition's object is a blow ("behind the poisoning") or an operation of a
    wrong kind ("behind a disinformation campaign")."""
    return any(
        g.dep_ == "pobj"
        and (
            g.lemma_.lower() in _BLOWS
            or any(
                c.dep_ in {"compound", "amod"} and c.lemma_.lower() in _BLOWS | _WRONG_KINDS
                for c in g.children
            )
        )
        for g in prep.children
    )


# Words for how sure a speaker is that a clause holds: "said it was highly likely that
# Moscow was responsible"
_SURE = frozenset({"likely", "clear", "certain", "obvious", "evident", "plain"})


def speaking(clause: Token) -> Token:
    """The word a reported clause is said by: its head, or through "it was (highly)
    likely that …" the verb of saying above."""
    head = clause.head
    if head.pos_ == "ADJ" and head.lower_ in _SURE and head.dep_ == "acomp":
        be = head.head
        if be.lemma_ == "be" and be.dep_ == "ccomp":
            return be.head
    return head


# What a speaker offers as the ground of a charge ("evidence of", "allegations
# linking"), and a party's share in a wrong ("involvement in")
_GROUNDS = frozenset({"evidence", "proof", "allegation", "sign", "indication"})
_SHARES = frozenset({"involvement", "role", "hand", "complicity", "participation"})
_TYING = frozenset({"link", "tie", "connect"})


def implicated(clause: Token) -> list[Token]:
    """The words that name whom a clause offering grounds for a charge implicates.

    "there was hard evidence of Russian involvement in the hacking" (the share,
    whose owner is implicated), "there were credible allegations linking agents of
    the Indian government to the killing" (the ones tied to it).
    """
    if clause.lemma_ != "be" or not any(c.dep_ == "expl" for c in clause.children):
        return []
    found: list[Token] = []
    for ground in clause.children:
        if ground.dep_ != "attr" or ground.lemma_.lower() not in _GROUNDS:
            continue
        if any(c.dep_ in {"det", "neg"} and c.lower_ in {"no", "not"} for c in ground.children):
            continue  # "there was no evidence of Russian involvement"
        for part in ground.children:
            if part.dep_ == "prep" and part.lower_ == "of":
                found += [
                    share
                    for share in part.children
                    if share.lemma_.lower() in _SHARES
                    and any(p.lower_ == "in" and _blow_under(p) for p in share.children)
                ]
            if (
                part.dep_ == "acl"
                and part.lemma_.lower() in _TYING
                and any(p.lower_ == "to" and _blow_under(p) for p in part.children)
            ):
                found += [c for c in part.children if c.dep_ == "dobj"]
    return found


# verbs whose clause is a wrong whatever it tells: "charged that X was arming rebels"
_CHARGING = frozenset({"charge", "allege", "complain"})


def disparaged(clause: Token, lex: Lexicon) -> bool:
    """The clause says its subject is something disparaging: "said China was
    irresponsible", "said the party was a threat to the free world"."""
    if clause.lemma_ != "be":
        return False
    return any(
        # "Taiwan was the most dangerous issue": a matter named, not the subject judged
        _disparaging(word, frozenset() if topic else _PREDICATE_MODIFIERS, lex)
        for word in clause.children
        if word.dep_ in {"acomp", "attr"}
        for topic in [word.lower_ in lex.raised_things]
    )


def _hyphenated(verb: Token) -> str:
    """ "slow-walking", split by the tokenizer into "slow", "-", "walking": "slow-walk"."""
    doc = verb.doc
    if verb.i >= 2 and doc[verb.i - 1].text == "-":
        return f"{doc[verb.i - 2].lower_}-{verb.lemma_.lower()}"
    return verb.lemma_.lower()


def rejects_a_charge(verb: Token, lex: Lexicon) -> bool:
    """ "rejected the hacking allegations", "dismissed claims that …": a charge made by
    no one named."""
    return any(
        c.dep_ == "dobj"
        and c.lower_ in lex.charge_nouns
        and not any(g.dep_ in {"poss", "compound"} and g.pos_ == "PROPN" for g in c.children)
        for c in verb.children
    )
