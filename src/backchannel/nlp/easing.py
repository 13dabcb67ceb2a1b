"""Easing, coercion and the measures they name: rules beside the trigger lists.

- An easing named by a noun whose "of" phrase is a measure: "the lifting of
  tariffs on American farm goods by Beijing", "Beijing's suspension of its ban
  on exports to the United States" (``easing_noun``). A suspension of talks
  or a removal from office is none.
- Buying again what one had stopped buying: "China resumed purchases of
  American soybeans" (``resumed_buying``); an agreement to resume them is the
  agreement only.
- An order to close a mission: "ordered the closure of the US consulate",
  "ordered the Chinese consulate in Houston closed" (``closure_order``).
- Coercion of people rather than a penalty on a state: an exit ban ("imposed
  an exit ban on", "placed exit bans on") and the expulsion of journalists,
  students or nationals are COERCE, as CAMEO's "expel or deport individuals"
  is; expelling diplomats stays a diplomatic SANCTION (``coercive``).
- Forcing another to act: "forced Greece to accept the terms", "Greece was
  compelled by its creditors to cut spending" (``compelled``): COERCE of the
  one forced; "the crisis forced Greece into a new course" names no act forced.
- Keeping another out of a body: "prevented Taiwan from joining the world health
  body", "blocked Russia from resuming its seat" (``barred_entry``): REJECT of
  the one kept out.
- The one a measure hits, when no party is named outright: the state behind a
  country word or under "from", "to", "on" or "for" inside the measure's own
  phrase ("duties on imports of copolymers from the United States",
  "licences for sales of chips to China", "the tariff hike on Chinese solar
  panels"); so too the state whose goods an investigation looks into
  ("anti-dumping probes against imports from Brazil") (``measure_targets``).
- Those released with no "by": the one the sentence says held them ("the two
  Canadians held by China were released") (``held_by``).
- A measure both sides take on each other's goods: "both sides raised tariffs
  on each other's goods" (``on_each_other``): each side hits the other.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from backchannel.model import Actor, slug
from backchannel.nlp.lexicon import Trigger
from backchannel.nlp.mentions import Linked, LinkResult
from backchannel.nlp.repairs import OBJ, POSS, named_under, no_doer_passive, possessors, unique

# Nouns that name undoing a measure, when their "of" phrase names the measure.
_EASING_NOUNS = frozenset(
    {
        "lifting", "suspension", "removal", "easing", "relaxation", "loosening",
        "rollback", "postponement", "delay", "waiver", "waiving", "scrapping",
        "repeal", "cancellation",
    }
)  # fmt: skip
# Measures an easing noun or verb may undo.
MEASURES = frozenset(
    {
        "tariff", "tariffs", "sanction", "sanctions", "control", "controls", "curb",
        "curbs", "restriction", "restrictions", "ban", "bans", "duty", "duties",
        "levy", "levies", "embargo", "countermeasures", "increase", "increases",
        "hike", "hikes",
    }
)  # fmt: skip
_BUYING = frozenset(
    {"purchase", "purchases", "import", "imports", "buying", "shipment", "shipments"}
)
_RELIEF_VERBS = frozenset({"grant", "issue", "approve"})
_RESUMING = frozenset({"resume", "restore"})
_STOPPING = frozenset({"suspend", "halt", "stop", "freeze", "cease", "bar"})
_RELIEF = frozenset(
    {
        "licence", "licences", "license", "licenses", "exemption", "exemptions",
        "waiver", "waivers", "exclusion", "exclusions", "reprieve",
    }
)  # fmt: skip
# Lists whose entries a measure hits: "the entity list", "the unverified list".
_MEASURE_LISTS = frozenset(
    {"entity", "unverified", "sanctions", "export", "control", "unreliable", "end-user", "sdn"}
)
# who a list "of" holds when it is a measure: "the list of state sponsors of terrorism"
_LISTED = frozenset({"sponsor", "terrorist", "violator", "entity", "organization", "organisation"})
_CONDITIONS = frozenset({"if", "unless"})
_FORCING = frozenset({"force", "compel", "oblige"})
_BARRING = frozenset({"prevent", "block", "bar", "stop", "keep", "exclude"})
# What one is kept from: taking a place among others.
_ENTERING = frozenset({"join", "rejoin", "enter", "resume", "accede", "return", "regain"})
_CLOSURE = frozenset({"closure", "closing", "shutdown"})
_CLOSE = frozenset({"close", "shut"})
# People whose expulsion is coercion of persons, not a cut in relations (expelled
# diplomats stay a diplomatic sanction).
_PEOPLE = frozenset(
    {
        "journalist", "journalists", "reporter", "reporters", "correspondent",
        "correspondents", "national", "nationals", "citizen", "citizens", "employee",
        "employees", "student", "students", "worker", "workers", "missionary",
        "missionaries", "migrants", "immigrants", "refugees", "civilians", "people",
        "residents", "families",
    }
)  # fmt: skip
# Prepositions inside a measure's phrase that lead to the one it hits.
_HIT_PREPS = frozenset({"on", "against", "to", "for", "from", "of"})
_MEASURE_TYPES = frozenset({"SANCTION", "RETREAT"})
# The trigger of the word a token hangs on, asked only where a rule needs it.
Governing = Callable[[Token], "Trigger | None"]


def extra_trigger(noun_or_verb: Token, governing: Governing) -> Trigger | None:
    """A trigger the word lists cannot say alone; ``governing`` gives the trigger of
    a word's head, if any ("agreed to resume purchases" is the agreement)."""
    return (
        easing_noun(noun_or_verb)
        or resumed_buying(noun_or_verb, governing)
        or relief_granted(noun_or_verb)
        or delisting(noun_or_verb)
        or closure_order(noun_or_verb)
        or compelled(noun_or_verb)
        or barred_entry(noun_or_verb)
    )


def barred_entry(verb: Token) -> Trigger | None:
    """ "prevented Taiwan from joining the world health body": a rebuff of the one
    kept out (its object); "stopped Iran from building a bomb" is no entry refused."""
    if verb.pos_ not in {"VERB", "AUX"} or verb.lemma_.lower() not in _BARRING:
        return None
    if not any(c.dep_ in {"dobj", "nsubjpass"} for c in verb.children):
        return None
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "from"):
        if any(g.dep_ == "pcomp" and g.lemma_.lower() in _ENTERING for g in prep.children):
            return Trigger(verb.lemma_.lower(), "verb", "REJECT", "")
    return None


def compelled(verb: Token) -> Trigger | None:
    """ "forced Greece to accept its lenders' terms": coercion of the one forced,
    who is the object (or the passive subject) and the doer of an infinitive."""
    if verb.pos_ not in {"VERB", "AUX"} or verb.lemma_.lower() not in _FORCING:
        return None
    forced = any(c.dep_ in {"dobj", "nsubjpass"} for c in verb.children)
    if not forced or not any(_to_clause(c) for c in verb.children):
        return None
    return Trigger(verb.lemma_.lower(), "verb", "COERCE", "")


def _to_clause(clause: Token) -> bool:
    return clause.dep_ in {"xcomp", "ccomp", "advcl"} and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in clause.children
    )


def relief_granted(verb: Token) -> Trigger | None:
    """ "granted licences for sales of H20 chips to China", "issued waivers": an easing
    (granting aid or asylum stays aid)."""
    if verb.pos_ not in {"VERB", "AUX"} or verb.lemma_.lower() not in _RELIEF_VERBS:
        return None
    if not any(c.dep_ == "dobj" and c.lower_ in _RELIEF for c in verb.children) and not (
        any(c.dep_ == "nsubjpass" and c.lower_ in _RELIEF for c in verb.children)
        and any(c.dep_ == "agent" for c in verb.children)
    ):
        return None  # "after the licences were granted": by whom, the text does not say
    return Trigger(verb.lemma_.lower(), "verb", "RETREAT", "ease", objects=_RELIEF)


def eased_outright(verb: Token, trig: Trigger, governing: Governing) -> bool:
    """An easing told as done or to be done, whose unnamed target is the other side
    ("China suspended the countermeasures"); not one agreed, asked for or
    threatened ("agreed to lift its curbs": the agreement), nor a condition ("if
    Washington lifted its sanctions"), nor a resignation or a release.
    """
    if trig.type != "RETREAT" or trig.mode != "ease":
        return False
    if verb.dep_ in {"xcomp", "ccomp"} and governing(verb) is not None and not _had_to(verb):
        return False
    return not any(c.dep_ == "mark" and c.lower_ in _CONDITIONS for c in verb.children)


def _had_to(verb: Token) -> bool:
    """ "Ottawa had to waive its duties": an easing done under constraint ("will
    have to lift the ban" is still to be seen)."""
    return (
        verb.head.tag_ == "VBD"
        and verb.head.lemma_.lower() == "have"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    )


def delisting(verb: Token) -> Trigger | None:
    """ "removed 27 Chinese entities from the unverified list", "took the institute off
    its entity list", "struck three firms from the list": an easing; not a removal
    from a list of speakers."""
    preps = _DELISTING.get(verb.lemma_.lower()) if verb.pos_ in {"VERB", "AUX"} else None
    if preps is None:
        return None
    # "off" or "from" under the verb, or under its object as the parser may have it
    holders = [verb, *(o for o in verb.children if o.dep_ == "dobj")]
    for prep in (p for h in holders for p in h.children):
        if prep.dep_ != "prep" or prep.lower_ not in preps:
            continue
        for lst in (o for o in prep.children if o.dep_ == "pobj"):
            named = {c.lower_ for c in lst.children if c.dep_ in {"compound", "amod"}}
            listing = {
                g.lemma_.lower()
                for p in lst.children
                if p.dep_ == "prep" and p.lower_ == "of"
                for g in p.children
            }  # "its list of state sponsors of terrorism"
            if lst.lemma_.lower() == "blacklist" or (
                lst.lemma_.lower() == "list" and (named & _MEASURE_LISTS or listing & _LISTED)
            ):
                under_verb = prep.head.i == verb.i
                return Trigger(
                    verb.lemma_.lower(),
                    "verb",
                    "RETREAT",
                    "ease",
                    preps=frozenset({prep.lower_}) if under_verb else frozenset(),
                    prep_objects=frozenset({"list", "blacklist"}) if under_verb else frozenset(),
                )
    return None


# Verbs that take one off a list, with the prepositions that name the list.
_DELISTING = {
    "remove": frozenset({"from"}),
    "strike": frozenset({"from", "off"}),
    "drop": frozenset({"from"}),
    "delete": frozenset({"from"}),
    "take": frozenset({"off"}),
}


def stray_agent(verb: Token, trig: Trigger, link: LinkResult) -> list[Linked]:
    """The doer the parse does not give: the owner of the decision or move a measure
    completes ("Trump's decision to put off an increase in tariffs"), or the "by"
    phrase of a passive measure hung on a noun ("were removed from the unverified
    list by the Commerce Department")."""
    if trig.type not in _MEASURE_TYPES | {"COERCE"}:
        return []
    if verb.dep_ == "acl" and verb.head.i != verb.i:
        # "Trump's decision to put off an increase": whose decision it was
        owners = [
            link.token_to_mention[c.i]
            for c in verb.head.children
            if c.dep_ == "poss" and c.i in link.token_to_mention
        ]
        if owners:
            return unique(owners)
    if not no_doer_passive(verb):
        return []
    found: list[Linked] = []
    for prep in (c for c in verb.children if c.dep_ == "prep"):
        for noun in (g for g in prep.children if g.dep_ == "pobj"):
            for by in noun.children:
                if by.dep_ in {"prep", "agent"} and by.lower_ == "by":
                    found += named_under(by, link)
            if not found and prep.lower_ == "from" and noun.lower_.endswith("list"):
                # "was removed from the Pentagon's blacklist": the list's keeper
                found += possessors(noun, link, POSS)
    return unique(found)


# verbs of holding someone, whose "by" names the one who later frees them
_HOLDING = frozenset({"hold", "detain", "jail", "imprison", "capture", "seize", "arrest", "kidnap"})


def held_by(verb: Token, trig: Trigger, link: LinkResult) -> list[Linked]:
    """Who frees those released with no "by": the one the sentence says held them
    ("Kovrig and Spavor, the two Canadians held by China, were released")."""
    if trig.mode != "release" or not any(c.dep_ == "auxpass" for c in verb.children):
        return []
    found: list[Linked] = []
    for subject in (c for c in verb.children if c.dep_ == "nsubjpass"):
        for tok in subject.subtree:
            if tok.lemma_.lower() in _HOLDING and tok.dep_ in {"acl", "relcl"}:
                for by in (c for c in tok.children if c.dep_ == "agent"):
                    found += named_under(by, link)
    return unique(found)


def easing_noun(tok: Token) -> Trigger | None:
    """ "the lifting of tariffs", "Beijing's suspension of its ban": an easing."""
    if tok.pos_ not in {"NOUN", "PROPN"} or measure_of(tok) is None:
        return None
    return Trigger(tok.lower_, "noun", "RETREAT", "ease")


def measure_of(noun: Token) -> Token | None:
    """The measure an easing noun undoes ("the lifting of tariffs": tariffs)."""
    if noun.lower_ not in _EASING_NOUNS:
        return None
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for obj in prep.children:
                if obj.dep_ == "pobj" and (
                    obj.lower_ in MEASURES or obj.lemma_.lower() in MEASURES
                ):
                    return obj
    return None


def resumed_buying(verb: Token, governing: Governing) -> Trigger | None:
    """``buying_changed``, unless a governing trigger is the event ("agreed to resume
    purchases": the agreement)."""
    found = buying_changed(verb)
    if found is not None and verb.dep_ in {"xcomp", "ccomp"} and governing(verb) is not None:
        return None
    return found


def buying_changed(verb: Token) -> Trigger | None:
    """ "China resumed purchases of American soybeans", "restored imports": a boycott
    eased (resuming or restoring ties stays support); "suspended purchases of American
    soybeans", "halted imports": a boycott imposed."""
    if verb.pos_ not in {"VERB", "AUX"}:
        return None
    word = verb.lemma_.lower()
    if word not in _RESUMING and word not in _STOPPING:
        return None
    if not any(c.dep_ == "dobj" and c.lower_ in _BUYING for c in verb.children):
        return None
    if word in _STOPPING:
        return Trigger(word, "verb", "SANCTION", "sanction", objects=_BUYING)
    return Trigger(word, "verb", "RETREAT", "ease", objects=_BUYING)


def closure_order(verb: Token) -> Trigger | None:
    """ "ordered the closure of the US consulate", "ordered the consulate closed"."""
    if verb.pos_ not in {"VERB", "AUX"} or verb.lemma_.lower() != "order":
        return None
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if any(o.lemma_.lower() in _CLOSURE for o in objects):
        return Trigger("order", "verb", "COERCE", "", objects=_CLOSURE)
    closed = any(
        # "ordered the consulate closed", "… to close" (read as a clause of its own too)
        c.dep_ in {"ccomp", "xcomp", "oprd", "acomp", "advcl"} and c.lemma_.lower() in _CLOSE
        for c in verb.children
    )
    if objects and closed:
        return Trigger("order", "verb", "COERCE", "", or_actor=True)
    return None


_DEPARTING = frozenset({"leave", "exit", "depart"})


def coercive(tok: Token, trig: Trigger) -> Trigger:
    """An exit ban, or the expulsion of people: coercion of persons (COERCE)."""
    if trig.type == "SANCTION" and _exit_ban(tok):
        return replace(trig, type="COERCE", mode="")
    if trig.type == "SANCTION" and trig.mode == "expel" and _expels_people(tok):
        return replace(trig, type="COERCE", mode="")
    return trig


def _exit_ban(tok: Token) -> bool:
    """ "an exit ban"; "barred her from leaving the country", a ban told by its verb."""
    if tok.pos_ in {"VERB", "AUX"} and any(
        p.dep_ == "prep"
        and p.lower_ == "from"
        and any(g.dep_ == "pcomp" and g.lemma_.lower() in _DEPARTING for g in p.children)
        for p in tok.children
    ):
        return True
    bans = [tok] if tok.pos_ in {"NOUN", "PROPN"} else [c for c in tok.children if c.dep_ in OBJ]
    return any(
        b.lemma_.lower() == "ban" and any(c.lower_ == "exit" for c in b.children) for b in bans
    )


def _expels_people(tok: Token) -> bool:
    if tok.pos_ in {"VERB", "AUX"}:
        expelled = [c for c in tok.children if c.dep_ in {"dobj", "nsubjpass"}]
        # "expelled thousands of migrants": the people a count stands for
        expelled += [
            g for c in expelled for p in c.children if p.lower_ == "of" for g in p.children
        ]
    else:
        expelled = [g for p in tok.children if p.lower_ == "of" for g in p.children]
    return any(
        t.lower_ in _PEOPLE
        or t.lemma_.lower() in _PEOPLE
        or (t.tag_ == "NNPS" or (t.tag_ == "NNS" and t.text[:1].isupper()))  # "Colombians"
        for t in expelled
    )


def measure_targets(
    tok: Token, trig: Trigger, link: LinkResult, adjectives: Mapping[str, str]
) -> list[Linked]:
    """The state a measure hits, found inside the measure's own phrase.

    "imposed duties on graphite from China", "granted licences for sales of
    chips to China", "the lifting of tariffs on American farm goods": a state
    (or a country word before goods) under "on", "against", "to", "for",
    "from" or "of" below the trigger, not under a phrase of time, cause or
    place ("over its visit to Taiwan", "in Beijing").
    """
    probe = trig.type == "ACCUSE" and trig.mode == "investigate"
    if (
        trig.type not in _MEASURE_TYPES
        and not (trig.type == "COERCE" and _exit_ban(tok))
        and not probe
    ):
        return []  # "an exit ban on American citizens"; not "arrested on charges of …"
    # "probes against imports from Chile", "a probe into Chinese steel": the
    # state whose goods are looked into
    preps = _HIT_PREPS | {"into"} if probe else _HIT_PREPS
    found: list[Linked] = []
    tops = [(top, tok) for top in tok.children] + [(p, p.head) for p in _hung_beside(tok)]
    for top, root in tops:
        if not (top.dep_ in OBJ | {"nsubjpass"} or (top.dep_ == "prep" and top.lower_ in preps)):
            continue
        for sub in top.subtree:
            m = link.token_to_mention.get(sub.i) or country_word(sub, adjectives)
            if m is None or not m.actor_id.startswith(("state:", "group:")):
                continue
            if sub.i != m.start and link.token_to_mention.get(sub.i - 1) is m:
                continue  # one look per mention
            if _reached(sub, root, m, preps):
                found.append(m)
    return unique(found)


_BOTH_SIDES = frozenset({"sides", "parties", "countries", "nations", "governments"})


def on_each_other(noun: Token) -> bool:
    """ "both countries put tariffs on $30 billion of each other's exports": a
    measure that "both" (or "the two") sides take against each other."""
    verb = noun.head
    if noun.dep_ not in OBJ or verb.pos_ not in {"VERB", "AUX"}:
        return False
    both = any(
        c.dep_ == "nsubj"
        and c.lower_ in _BOTH_SIDES
        and any(d.lower_ in {"both", "two"} for d in c.children if d.dep_ in {"det", "nummod"})
        for c in verb.children
    )
    if not both:
        return False
    phrase = list(noun.subtree) + [t for p in _hung_beside(noun) for t in p.subtree]
    return any(
        t.lower_ == "each" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ in {"other", "others"}
        for t in phrase
    )


def _hung_beside(noun: Token) -> list[Token]:
    """ "then came Ottawa's tariffs on US steel": the "on" or "against" phrase
    right after a measure noun, which the parser hung on the verb the noun's phrase
    hangs on."""
    if noun.pos_ not in {"NOUN", "PROPN"}:
        return []
    verb = noun.head.head if noun.dep_ == "pobj" else noun.head
    if verb.pos_ not in {"VERB", "AUX"}:
        return []
    after = noun.right_edge.i + 1
    return [
        c
        for c in verb.children
        if c.dep_ == "prep" and c.i == after and c.lower_ in {"on", "against"}
    ]


def exempting_verb(prep: Token, verbs: frozenset[str]) -> Token | None:
    """The verb that exempts something from what "from" names: "exempted smartphones
    from the tariffs", with "from" under the verb or, as the parser may have it,
    under its object."""
    if prep.dep_ != "prep" or prep.lower_ != "from":
        return None
    verb = prep.head.head if prep.head.dep_ == "dobj" else prep.head
    if verb.pos_ not in {"VERB", "AUX"} or verb.lemma_.lower() not in verbs:
        return None
    return verb


def country_word(tok: Token, adjectives: Mapping[str, str]) -> Linked | None:
    """A country adjective before any noun ("on Chinese furniture"), which the linker
    reads as the state only before the goods it knows; "a South Korean proposal" by
    its two words."""
    if tok.dep_ not in {"amod", "compound"} or not tok.text[:1].isupper():
        return None
    before = tok.doc[tok.i - 1] if tok.i > 0 else None
    if before is not None and before.text[:1].isupper():
        code = adjectives.get(f"{before.lower_} {tok.lower_}")
        if code is not None:
            return Linked(before.i, tok.i + 1, f"state:{code}", "adjective")
    code = adjectives.get(tok.lower_)
    if code is None:
        return None
    return Linked(tok.i, tok.i + 1, f"state:{code}", "adjective")


def _reached(tok: Token, root: Token, m: Linked, preps: frozenset[str] = _HIT_PREPS) -> bool:
    """Every preposition between ``tok`` and ``root`` leads to the one hit."""
    passed_prep = False
    while tok.i != root.i and tok.head.i != tok.i:
        if tok.dep_ == "prep":
            # "the increase in tariffs on Chinese goods", "investment in Chinese firms";
            # but a state under "in" is a place
            if tok.lower_ not in preps and not (tok.lower_ == "in" and m.how == "adjective"):
                return False
            passed_prep = True
        elif tok.dep_ in {"relcl", "acl", "advcl", "ccomp", "xcomp", "appos", "poss"}:
            return False  # a clause or an owner of its own
        tok = tok.head
    return passed_prep or m.how == "adjective"


def named_firms(tok: Token, trig: Trigger, link: LinkResult) -> list[Linked]:
    """A firm the KB does not know, named as the one a measure hits.

    "SMIC was added to the entity list", "added PVH and Illumina to its
    unreliable entity list", "lifted its ban on ZTE", "raided the office of the
    firm Mintz Group": an organisation name (spaCy ORG) as the object, the
    passive subject, or under "on", "against" or "of" in the measure's phrase
    becomes a new organisation, ``new:<name>``. People and places are left to
    the linker.
    """
    if trig.type not in _MEASURE_TYPES | {"COERCE"}:
        return []
    found: list[Linked] = []
    for ent in _firm_names(tok.doc):
        if any(i in link.token_to_mention for i in range(ent.start, ent.end)):
            continue
        if ent.root.dep_ not in _NAME_HEADS or not _hit_by(ent.root, tok):
            continue  # a name heading its phrase; not "advanced AI chips"
        actor_id = "new:" + slug(ent.text)
        if actor_id not in link.new_actors:
            link.new_actors[actor_id] = Actor(
                actor_id=actor_id, name=ent.text, kind="organization", origin="text"
            )
        m = Linked(ent.start, ent.end, actor_id, "new-actor")
        for i in range(ent.start, ent.end):
            link.token_to_mention[i] = m
        found.append(m)
    return unique(found)


def _firm_names(doc: Doc) -> list[Span]:
    """Organisation names: spaCy's ORG entities, and proper nouns it left unlabelled
    or took for a place ("PVH and Illumina", "Skydio"), never a person or a date."""
    names = [e for e in doc.ents if e.label_ == "ORG"]
    for tok in doc:
        if tok.pos_ != "PROPN" or tok.dep_ == "compound" or not tok.text[:1].isupper():
            continue
        if tok.ent_type_ not in {"", "GPE"}:
            continue  # a place the linker does not know is a firm's name ("sanctioned Skydio")
        start = tok.i
        while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].pos_ == "PROPN":
            start -= 1
        if not tok.ent_type_ and any(doc[i].ent_type_ for i in range(start, tok.i)):
            continue
        names.append(doc[start : tok.i + 1])
    return names


def _hit_by(name: Token, trigger: Token) -> bool:
    """``name`` is the trigger's object or passive subject, or sits under "on",
    "against" or "of" in it (through appositions, compounds and "and")."""
    tok = name
    while tok.i != trigger.i and tok.head.i != tok.i:
        if tok.dep_ == "prep" and tok.lower_ not in {"on", "against", "of"}:
            return False
        if tok.dep_ not in _FIRM_PATH:
            return False
        tok = tok.head
    return tok.i == trigger.i and name.i != trigger.i


_NAME_HEADS = frozenset({"dobj", "nsubjpass", "pobj", "conj", "appos", "dative"})
_FIRM_PATH = frozenset(
    {"dobj", "nsubjpass", "pobj", "prep", "appos", "compound", "conj", "nmod", "dative"}
)
