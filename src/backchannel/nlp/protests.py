"""Protest told by what a crowd does rather than by "demonstrate" or "rally".

"Activists held a rally outside the Japanese embassy", "unions staged a general
strike", "thousands took to the streets of Caracas", "dockworkers went on
strike", "junior doctors walked off the job", "students protested in Dhaka":
each is a demonstration (PROTEST). Whom it is against comes from its own
phrases ("outside the Japanese embassy", "against the pension reform"); one
that names no one is against the government where it is held (``events``).

A government's "protest" stays a word to another (ACCUSE): only a crowd's
protest is a demonstration here, a crowd being one of ``crowd_nouns`` or a
people named by its plural ("Israelis protested in Tel Aviv").

The yielding on either side is a concession (CONCEDE): a strike or protest
called off ("the union called off its strike", ``ended_protest``), and a
measure given up or an office left in answer to protest ("withdrew the bill,
bowing to protests", "resigned after weeks of street protests",
``gave_in_to_crowd``), whose target the event rules take from the protest.
"""

from __future__ import annotations

from spacy.tokens import Token

from backchannel.nlp.lexicon import Lexicon, Trigger
from backchannel.nlp.repairs import lemma

# Verbs that hold or join a protest named by their object: "held a rally",
# "staged a sit-in", "launched a hunger strike" ("called a strike" only plans one).
_HOLDING = frozenset(
    {"hold", "stage", "launch", "begin", "start", "mount", "organize", "organise"}
    | {"lead", "join", "continue", "keep"}
)
# Idioms of a crowd's protest, by verb and the words that must follow it:
# "took to the streets", "went on strike", "walked off the job".
_IDIOMS: dict[str, tuple[tuple[str, ...], ...]] = {
    "take": (("to", "streets"), ("to", "street")),
    "go": (("on", "strike"), ("on", "strikes"), ("on", "rampage")),
    "come": (("out", "on", "strike"),),
    "walk": (("off", "job"), ("out",)),
    "pour": (("into", "streets"),),
    "fill": (("streets",),),
}
_PREPS = frozenset({"against", "outside"})


def protest_act(verb: Token, lex: Lexicon) -> Trigger | None:
    """The PROTEST trigger ``verb`` is when it tells a crowd's protest, and the CONCEDE
    trigger when it tells one called off ("the union called off its strike"); else None."""
    if verb.pos_ not in {"VERB", "AUX"}:
        return None
    word = lemma(verb)
    objects = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    if ended_protest(verb, lex) or (gave_in_to_crowd(verb) and word not in _EASING):
        # "called off its strike"; "withdrew the bill, bowing to protests" ("freed 300
        # prisoners, bowing to protests" stays a release)
        return Trigger(word, "verb", "CONCEDE", "")
    if word in _HOLDING and any(_protest_noun(o, lex) for o in objects):
        return Trigger(word, "verb", "PROTEST", "demonstrate")
    if _idiom(verb, word) and (word != "walk" or _crowd_does(verb, lex)):
        # "walked out" only of a crowd: "Xi walked out with Biden" is a walk together
        return Trigger(word, "verb", "PROTEST", "demonstrate", preps=_PREPS)
    if word in {"protest", "riot", "strike", "camp"} and _crowd_does(verb, lex) and not objects:
        return Trigger(word, "verb", "PROTEST", "demonstrate", preps=_PREPS)
    if word in _TAKING_OVER and _crowd_does(verb, lex):
        # "protesters occupied the airport", "crowds poured into Tahrir Square",
        # "truckers blockaded downtown Ottawa"
        return Trigger(word, "verb", "PROTEST", "demonstrate")
    if word in _BURNING and any(o.lemma_.lower() in _SYMBOLS for o in objects):
        # "burned US flags and effigies of Modi": against whose they are
        return Trigger(word, "verb", "PROTEST", "demonstrate", objects=_SYMBOLS)
    if word in _GATHERING and _crowd_does(verb, lex) and _at_a_mission(verb, lex):
        # "hurled bottles at the Japanese embassy", "gathered outside the Saudi embassy"
        return Trigger(word, "verb", "PROTEST", "demonstrate")
    return None


# What a crowd does to a place that protests there
_TAKING_OVER = frozenset({"occupy", "pour", "flood", "throng", "blockade", "barricade"})
# Things burned in protest, against whose they are ("US flags", "effigies of Modi")
_SYMBOLS = frozenset({"flag", "flags", "effigy", "effigies", "portrait", "portraits"})
_BURNING = frozenset({"burn", "torch", "trample", "tear", "deface"})
# What a crowd does at another's mission that protests at it
_GATHERING = frozenset({"gather", "hurl", "throw", "chant", "converge", "assemble"})


def _at_a_mission(verb: Token, lex: Lexicon) -> bool:
    """A phrase of the verb or its object names a diplomatic mission."""
    holders = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    return any(
        g.lower_ in lex.mission_nouns
        for h in holders
        for p in h.children
        if p.dep_ == "prep"
        for g in p.children
        if g.dep_ == "pobj"
    )


# Verbs whose own reading of an easing wins over a concession to a crowd
_EASING = frozenset({"release", "free", "pardon", "lift", "ease", "relax"})
# Verbs that end a protest: "called off its strike", "ended the sit-in", "suspended
# the boycott"; those who protested yield to whom they protested against
_ENDING = frozenset({"end", "suspend", "halt", "abandon", "cancel", "stop"})
# A boycott or blockade may be a state's (a sanction), left to the verbs' own readings
_STATES_TOO = frozenset({"boycott", "boycotts", "blockade", "blockades"})


def ended_protest(verb: Token, lex: Lexicon) -> bool:
    """``verb`` calls off or ends a protest named by its object."""
    word = lemma(verb)
    called_off = word == "call" and any(
        c.dep_ == "prt" and c.lower_ == "off" for c in verb.children
    )
    if not (called_off or word in _ENDING):
        return False
    objects = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    return any(_protest_noun(o, lex) for o in objects)


def _protest_noun(noun: Token, lex: Lexicon) -> bool:
    if noun.lower_ in _STATES_TOO:
        return False
    if noun.lower_ in lex.protest_nouns or _hyphened(noun) in lex.protest_nouns:
        return True
    # "a general strike", "a hunger strike", "a 24-hour strike": the noun with its modifier
    return noun.lower_ in {"strike", "strikes"} and not any(
        c.lower_ in {"air", "missile", "drone", "military", "preemptive", "retaliatory"}
        for c in noun.children
    )


def _hyphened(noun: Token) -> str:
    """A noun written with a hyphen the tokenizer split: "sit-in" from "sit", "-", "in"."""
    doc = noun.doc
    if noun.i >= 2 and doc[noun.i - 1].text == "-":
        return f"{doc[noun.i - 2].lower_}-{noun.lower_}"
    return noun.lower_


def _idiom(verb: Token, word: str) -> bool:
    """The verb opens one of ``_IDIOMS``: its first word right after the verb, the
    others in order within the next few words ("went on a week-long strike")."""
    after = [t.lower_ for t in verb.doc[verb.i + 1 : verb.i + 8]]
    for form in _IDIOMS.get(word, ()):
        if not after or after[0] != form[0]:
            continue
        rest = iter(after[1:])
        if all(w in rest for w in form[1:]):
            return True
    return False


def _crowd_does(verb: Token, lex: Lexicon) -> bool:
    """The verb's subject is a crowd: a crowd noun, a count of one ("thousands of
    students"), or a people named by its plural ("Israelis", "South Koreans")."""
    for subject in (c for c in verb.children if c.dep_ == "nsubj"):
        heads = [subject, *(g for p in subject.children if p.lower_ == "of" for g in p.children)]
        for noun in heads:
            if noun.lower_ in lex.crowd_nouns or noun.lemma_.lower() in lex.crowd_nouns:
                return True
            if (
                noun.tag_ in {"NNPS", "NNS"}
                and noun.text[:1].isupper()
                and noun.ent_type_
                in {
                    "NORP",
                    "GPE",
                }
            ):
                return True
    return False


# What police fire or use at a crowd: "fired tear gas at protesters", "used water cannon"
_CROWD_CONTROL = frozenset({"gas", "cannon", "teargas", "spray", "pellets", "batons"})


# Craft, at which water cannon is an assault, not crowd control
_CRAFT = frozenset({"boat", "boats", "ship", "ships", "vessel", "vessels", "trawler", "trawlers"})


def crowd_control(verb: Token) -> bool:
    """Fire at a crowd that is tear gas, water cannon or rubber bullets: force short of
    an assault (COERCE). Water cannon at a boat stays an assault."""
    if any(t.lower_ in _CRAFT for t in verb.subtree if t.dep_ == "pobj"):
        return False
    for obj in (c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}):
        for noun in (obj, *obj.conjuncts):
            if noun.lemma_.lower() in _CROWD_CONTROL:
                return True
            if noun.lemma_.lower() == "bullet" and any(c.lower_ == "rubber" for c in noun.children):
                return True
    return False


# A concession to a crowd told by the measure given up "after protests" or "bowing to
# protests": "withdrew the finance bill, bowing to protests", "repealed the decree after
# weeks of strikes", "resigned after 11 days of street protests"
_GIVING_UP = frozenset(
    {"withdraw", "repeal", "revoke", "scrap", "drop", "suspend", "reverse", "rescind"}
    | {"shelve", "abandon", "cancel", "annul", "freeze", "postpone", "resign", "quit"}
)
_POLICIES = frozenset(
    {"bill", "law", "decree", "plan", "tax", "rise", "increase", "increases", "hike"}
    | {"reform", "amendment", "proposal", "contract", "overhaul", "measure", "measures"}
    | {"bid", "ban", "charges", "fare", "fares", "price", "prices", "quota", "quotas"}
)
UNREST = frozenset(
    {"protests", "protest", "protesters", "demonstrations", "demonstrators", "strikes"}
    | {"strike", "riots", "rioting", "rallies", "outcry", "unrest", "marches", "uprising"}
)


def gave_in_to_crowd(verb: Token) -> bool:
    """``verb`` gives up a measure, or an office, in a sentence that tells the protest
    it answers ("withdrew the bill, bowing to protests"; "resigned after protests")."""
    if verb.pos_ not in {"VERB", "AUX"}:
        return False
    deed = verb.pos_ == "VERB" and lemma(verb) not in {"be", "have", "say", "tell", "announce"}
    if deed and any(_bows_to_crowd(c) for c in verb.children if c.dep_ in {"advcl", "xcomp"}):
        return True  # "reinstated the House, bowing to three weeks of protests"
    if lemma(verb) not in _GIVING_UP:
        return False
    quits = lemma(verb) in {"resign", "quit"}
    given = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    if not quits and not any(g.lemma_.lower() in _POLICIES for g in given):
        return False
    return any(t.lower_ in UNREST for t in verb.sent if t.i != verb.i)


# Participles that say what a deed yields to: "bowing to protests", "meeting the main
# demand of protesting lawyers", "giving in to the strikers"
_BOWING = frozenset({"bow", "yield", "cave", "bend", "give", "meet", "heed", "accede"})


def _bows_to_crowd(clause: Token) -> bool:
    """A participle of yielding whose phrase names protest or protesters' demands."""
    if clause.tag_ != "VBG" or lemma(clause) not in _BOWING:
        return False
    words = {t.lower_ for t in clause.subtree}
    return bool(words & UNREST) or ("protesting" in words and bool(words & {"demand", "demands"}))
