"""Did the text say it happened? asserted / negated / hypothetical / planned / denied.

"Could reestablish a backchannel" and "have been floated as intermediaries" are
not contact; only asserted events build channels. The rules walk from the
trigger up through the verbs that govern it (xcomp, ccomp, conj …) and look at
their auxiliaries, negations, conditional marks and the governing verbs'
lemmas; the nearest cue wins.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from backchannel.model import Event, Modality
from backchannel.nlp.asks import meddled_in
from backchannel.nlp.lexicon import Lexicon
from backchannel.nlp.reactions import in_protest_at, stood_firm
from backchannel.nlp.repairs import WAYS_AND_MEANS, among, lemma, phrasal

_SAY = frozenset(
    {"say", "tell", "add", "note", "report", "announce", "state", "claim", "declare", "insist"}
)
_CLAUSE_STOP = frozenset({"relcl", "acl", "advcl", "parataxis"})
_DOUBT = frozenset({"might", "may"})
_SPOKEN = frozenset({"REQUEST", "ACCUSE", "THREATEN"})
_WEIGHING = frozenset({"study", "review", "examine"})  # what a request is given, once made
_WISH_ADJECTIVES = frozenset({"happy", "glad", "pleased", "delighted", "keen", "eager", "open"})


def _cue(
    tok: Token,
    lex: Lexicon,
    is_trigger: bool,
    under_say: bool,
    governs: bool = True,
    other_doer: bool = False,
) -> Modality | None:
    word = lemma(tok)
    children = list(tok.children)
    if word == "rule" and not is_trigger and any(c.lower_ == "out" for c in children):
        # "did not rule out a visit": still possible, not denied (the ruling out itself,
        # a refusal, is told or negated as any act)
        return "hypothetical"
    if _negated(children, lex):
        return "negated"
    if not is_trigger and governs and word in lex.hypothetical_verbs:
        return "hypothetical"  # "will consider lifting tariffs": a maybe, whatever the tense
    for child in children:
        low = child.lower_
        if child.dep_ in {"nsubj", "nsubjpass"} and any(
            g.dep_ in {"preconj", "det"} and g.lower_ == "neither" for g in child.children
        ):
            return "negated"  # "Neither Bessent nor Greer met Xi"
        if (
            child.dep_ in {"acomp", "oprd", "advcl"}
            and child.pos_ == "ADJ"
            and low in lex.hypothetical_modifiers
        ):
            return "hypothetical"  # "a visit remains possible", "made a call less likely"
        if child.dep_ in {"aux", "auxpass"}:
            if low in lex.hypothetical_aux:
                # Reported future ("he said they would meet") is a plan, not a maybe;
                # a reported wish ("would welcome a visit") stays a maybe.
                reported_plan = low in {"would", "'d"} and under_say and not _wish(children)
                return "planned" if reported_plan and word not in lex.wish_verbs else "hypothetical"
            if low in lex.planned_aux:
                return "planned"
        if child.dep_ == "mark" and low in lex.conditional_marks:
            return "hypothetical"
        if child.dep_ in {"amod", "compound"} and is_trigger:
            if low in lex.hypothetical_modifiers:
                return "hypothetical"
            if low in lex.planned_modifiers:
                return "planned"
    if not is_trigger and tok.pos_ == "ADJ" and word in lex.hypothetical_modifiers:
        return "hypothetical"  # "made a call between them less likely"
    if not is_trigger and governs:
        if phrasal(tok) & lex.negating_verbs:
            # "postponed his trip", "suspended the talks", "refused to meet", "called
            # off the meeting", "cut off military talks"
            return "negated"
        if word in lex.denial_verbs:
            return "denied"
        if word in lex.hypothetical_verbs:
            return "hypothetical"
        if word == "offer" and any(_said_thing(c, lex) for c in children if c.dep_ == "dobj"):
            return None  # "offered praise to Xi", "offered condolences": said, not promised
        if word in lex.planned_verbs and not (word == "set" and _particle(children)):
            # ("set to meet" is a plan, "set up a commission" a deed)
            if other_doer or any(
                c.dep_ == "dobj" and c.lower_ not in WAYS_AND_MEANS for c in children
            ):
                return "hypothetical"  # "Obama wants Putin to attack": a wish about another
            return "planned"
    return None


def _said_thing(noun: Token, lex: Lexicon) -> bool:
    """Praise, condolences, criticism: a noun whose act is done in the saying."""
    said = lex.noun_trigger(noun.lower_, noun.lemma_.lower())
    return said is not None and said.type in {"SUPPORT", "ACCUSE"}


def _particle(children: list[Token]) -> bool:
    return any(c.dep_ == "prt" for c in children)


def _wish(children: list[Token]) -> bool:
    """ "said he would be happy to talk to Xi": a wish, like "would welcome", not a plan."""
    return any(c.dep_ == "acomp" and c.lower_ in _WISH_ADJECTIVES for c in children)


def _in_doubt(verb: Token, lex: Lexicon) -> bool:
    """ "if Beijing does not yield", "may not bow": a refusal only supposed."""
    doers = [verb, verb.head] if verb.dep_ == "xcomp" else [verb]
    return any(
        (c.dep_ == "mark" and c.lower_ in lex.conditional_marks)
        or (c.dep_ == "aux" and c.lower_ in _DOUBT)
        for d in doers
        for c in d.children
    )


def _negated(children: list[Token], lex: Lexicon) -> bool:
    """A negation among the children, whatever the auxiliaries before it.

    "said he would not impose the tariff" is a refusal, not a plan; only "might
    not" and "may not" leave the act in doubt (hypothetical, read on the aux).
    """
    if any(c.dep_ == "aux" and c.lower_ in _DOUBT for c in children):
        return False
    return any(
        c.dep_ == "neg" or (c.lower_ in lex.negation and c.dep_ in {"advmod", "det", "neg"})
        for c in children
    )


# Prepositions that date a clause by another event: "after their meeting".
_WHILE = frozenset({"after", "during", "following", "since", "amid"})


def _tense_of(verb: Token, lex: Lexicon) -> Modality | None:
    """Planned or hypothetical by the verb's own auxiliary ("will", "could"), else None."""
    for child in verb.children:
        if child.dep_ in {"aux", "auxpass"} and child.lower_ in lex.planned_aux:
            return "planned"
        if child.dep_ in {"aux", "auxpass"} and child.lower_ in lex.hypothetical_aux:
            return "hypothetical"
    return None


def _when_it_comes(verb: Token) -> bool:
    """ "may sign a deal when they meet": a present tense after "when" or "once" is to come.

    News tells what happened in the past tense; "when he met Xi" stays asserted.
    """
    present = verb.tag_ in {"VBP", "VBZ"} or (
        # "when Japan is hosting the leaders"
        verb.tag_ == "VBG"
        and any(c.dep_ == "aux" and c.tag_ in {"VBP", "VBZ"} for c in verb.children)
    )
    return (
        verb.dep_ in {"advcl", "relcl"}  # "in Hanoi, when Vietnam hosts": a relative "when"
        and present
        and any(
            c.dep_ in {"mark", "advmod"} and c.lower_ in {"when", "once"} for c in verb.children
        )
    )


def _where_it_comes(verb: Token, lex: Lexicon) -> bool:
    """ "will travel to Tokyo, where he meets Kishida": a present tense in a "where"
    clause hanging from a future is to come as well."""
    if verb.dep_ not in {"advcl", "relcl"} or verb.tag_ not in {"VBP", "VBZ"}:
        return False
    if not any(c.dep_ == "advmod" and c.lower_ == "where" for c in verb.children):
        return False
    above = verb.head
    while above.pos_ not in {"VERB", "AUX"} and above.head.i != above.i:
        above = above.head  # "to Tokyo, where …": the verb the place hangs on
    return _tense_of(above, lex) == "planned"


def _nothing_done(verb: Token) -> bool:
    """ "No deal was reached", "reached no agreement", "ended without a deal", "ended with
    no deal and no date set for talks", "without reaching a deal": none was made."""
    if verb.pos_ == "NOUN" and verb.dep_ == "pobj" and verb.head.lower_ == "without":
        return True
    if verb.pos_ == "VERB" and verb.dep_ == "pcomp" and verb.head.lower_ == "without":
        return True  # "ended two days of talks without reaching a deal"
    if verb.pos_ == "NOUN" and any(d.dep_ == "det" and d.lower_ == "no" for d in verb.children):
        return True
    return verb.pos_ in {"VERB", "AUX"} and any(
        c.dep_ in {"dobj", "nsubjpass"}
        and any(d.dep_ == "det" and d.lower_ == "no" for d in c.children)
        for c in verb.children
    )


def _not_yet(trigger: Token) -> bool:
    """ "Xi and Biden have yet to meet", "the talks are yet to be scheduled": not
    done so far; the verb under "have/be yet to", or the noun that is its subject."""
    head = trigger.head if trigger.dep_ in {"xcomp", "advcl"} else None
    if trigger.dep_ in {"nsubj", "nsubjpass"} and trigger.pos_ in {"NOUN", "PROPN"}:
        head = trigger.head
    if head is None or head.lemma_.lower() not in {"have", "be", "remain"}:
        return False
    # "yet" on "have" or, as the parser sometimes hangs it, on the infinitive
    for clause in (c for c in head.children if c.dep_ in {"xcomp", "advcl"}):
        if any(a.lower_ == "to" and a.dep_ == "aux" for a in clause.children) and any(
            c.dep_ == "advmod" and c.lower_ == "yet" for h in (head, clause) for c in h.children
        ):
            return True
    return False


def _done_by_participle(noun: Token, lex: Lexicon) -> bool:
    """ "the consensus reached with He would be put to the leaders": reached is a fact.

    A past participle after the noun says it happened, whatever the sentence
    goes on to plan for it; "the deal to be signed" has an auxiliary and stays
    with its clause.
    """
    return noun.pos_ == "NOUN" and any(
        c.dep_ == "acl"
        and c.tag_ == "VBN"
        and not any(a.dep_ in {"aux", "auxpass", "neg"} for a in c.children)
        and not _plans_it(c, lex)
        for c in noun.children
    )


def _plans_it(participle: Token, lex: Lexicon) -> bool:
    """ "the visit planned for the spring", "a summit floated by aides": a participle
    that plans or supposes the event says nothing of its having happened."""
    word, form = participle.lemma_.lower(), participle.lower_
    return (
        word in lex.planned_verbs
        or word in lex.hypothetical_verbs
        or form in lex.planned_modifiers
        or form in lex.hypothetical_modifiers
    )


def _answered(noun: Token, lex: Lexicon) -> bool:
    """ "The U.S. request will likely be met with a cool response", "the demand was
    rejected", "is weighing a plea from Italy": a request, charge or threat that is
    answered or weighed was made, whatever the answer's tense or kind."""
    said = lex.noun_trigger(noun.lower_, noun.lemma_.lower())
    if noun.pos_ != "NOUN" or said is None or said.type not in _SPOKEN:
        return False
    verb = lemma(noun.head)
    if noun.dep_ == "dobj" and (verb in lex.hypothetical_verbs or verb in _WEIGHING):
        return True  # "weighing a plea from Italy": the plea was made; its answer is to come
    return noun.dep_ in {"nsubj", "nsubjpass"} and verb in lex.answering_verbs


def no_reason_to(verb: Token) -> bool:
    """ "saw no reason to meet Xi", "has no plans to visit": an act nobody means to do."""
    return (
        verb.dep_ in {"relcl", "acl"}
        and verb.head.pos_ == "NOUN"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        and any(d.dep_ == "det" and d.lower_ == "no" for d in verb.head.children)
    )


def _content_of_noun(clause: Token) -> bool:
    """ "denied reports that Austin had spoken with Wei": the clause is what the noun
    says, and shares the fate of the noun (denied, confirmed, hoped for)."""
    return (
        clause.dep_ == "acl"
        and clause.head.pos_ == "NOUN"
        and any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)
    )


def _asked(trigger: Token) -> bool:
    """ "Is a meeting between Putin and Zelensky even conceivable?", "Will Washington
    lift the tariffs?": a yes-or-no question asserts nothing. A question that asks
    why or when something was done ("Why did Biden meet Xi?") takes it as done."""
    sent = trigger.sent
    last = next((t for t in reversed(sent) if not t.is_space), None)
    if last is None or last.text != "?":
        return False
    first = next(t for t in sent if not t.is_space)
    return first.pos_ == "AUX" and first.dep_ in {"aux", "auxpass", "ROOT"}


def _no_doer(trigger: Token) -> bool:
    """ "No British prime minister travelled to China", "No South Korean president made a
    visit to Japan": a subject that is nobody."""
    verb = trigger if trigger.pos_ in {"VERB", "AUX"} else None
    if trigger.pos_ == "NOUN" and trigger.dep_ == "dobj":
        verb = trigger.head  # "made a visit", "held talks"
    return verb is not None and any(
        c.dep_ in {"nsubj", "nsubjpass"}
        and any(d.dep_ == "det" and d.lower_ == "no" for d in c.children)
        for c in verb.children
    )


def _spoken_of(trigger: Token, lex: Lexicon) -> Modality | None:
    """ "Talk of a free trade pact", "the prospect of a summit" (hypothetical), "plans
    for a Xi visit" (planned): an event named only as what is talked, hoped or planned."""
    if trigger.pos_ not in {"NOUN", "PROPN"} or trigger.dep_ != "pobj":
        return None
    prep = trigger.head
    if prep.lower_ not in {"of", "for"} or prep.dep_ != "prep":
        return None
    holder = prep.head.lower_
    if holder in lex.prospect_nouns:
        return "hypothetical"
    return "planned" if holder in lex.intent_nouns else None


# Nouns for those who act, as the subject of "are to": "the two delegations are to meet"
_DOERS = frozenset(
    {"delegation", "side", "leader", "official", "minister", "negotiator", "country"}
    | {"government", "president", "envoy", "team", "counterpart", "nation", "diplomat"}
)


def _is_to_be(trigger: Token, lex: Lexicon) -> Modality | None:
    """ "Biden and Putin are to meet in Geneva": "be" with an infinitive is a plan
    (negated when "be" is: "are not to meet")."""
    be = trigger.head
    if trigger.dep_ != "xcomp" or be.lemma_ != "be" or be.i == trigger.i:
        return None
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children):
        return None
    if not any(
        c.dep_ == "nsubj" and (c.pos_ in {"PROPN", "PRON"} or c.lemma_.lower() in _DOERS)
        for c in be.children
    ):
        return None  # "the aim is to sign": what the aim is, not who will do it
    if any(c.dep_ == "mark" and c.lower_ in lex.conditional_marks for c in be.children):
        return "hypothetical"  # "if USTR were to impose a duty": a condition, no plan
    return "negated" if _negated(list(be.children), lex) else "planned"


def modality_of(trigger: Token, lex: Lexicon) -> Modality:
    """The modality of the event named by ``trigger``."""
    if _asked(trigger):
        return "hypothetical"
    if in_protest_at(trigger) is not None:
        # "suspended the talks in protest over …": the protest is as real as the act
        # done in it, whatever that act does to its own object
        return modality_of(next(a for a in trigger.ancestors if a.pos_ in {"VERB", "AUX"}), lex)
    if stood_firm(trigger, lex) is not None:
        # "will not yield", "refused to give in": the refusal is the act, and told
        return "hypothetical" if _in_doubt(trigger, lex) else "asserted"
    if _nothing_done(trigger) or _not_yet(trigger) or _no_doer(trigger):
        return "negated"
    spoken_of = _spoken_of(trigger, lex) or _is_to_be(trigger, lex)
    if spoken_of is not None:
        return spoken_of
    if _answered(trigger, lex) or meddled_in(trigger, lex) is not None:
        return "asserted"  # "not to meddle in its talks": the talks go on
    if _done_by_participle(trigger, lex):
        return "asserted"
    if _when_it_comes(trigger) or _where_it_comes(trigger, lex):
        return "planned"
    if no_reason_to(trigger):
        return "negated"
    if dropped_plan(trigger, lex) is not None:
        return "negated"  # "suspended its plan to impose tariffs"
    if called_off(trigger, lex):
        return "negated"  # "called off the planned meeting": no longer planned
    if trigger.dep_ == "acl" and trigger.head.lower_ in lex.intent_nouns:
        return "planned"  # "announced its plan to impose tariffs"
    if (
        trigger.pos_ == "NOUN"
        and trigger.dep_ == "pobj"
        and trigger.head.lower_ in {"in", "at"}
        and trigger.head.dep_ == "prep"
        and trigger.head.head.pos_ in {"VERB", "AUX"}
    ):
        # "agreed in a phone call to extend the truce", "agreed at their meeting in
        # Lima": the call is as real as the act it holds, not the content of the
        # agreement
        return modality_of(trigger.head.head, lex)
    chain = [trigger]
    tok = trigger
    while tok.head.i != tok.i:
        # A relative, participial or adverbial clause states its own fact:
        # "the deal negotiated by X", "…, having met Trump".
        # A purpose infinitive is not ("willing to send aid to help defend X"): it
        # shares the intent of the act it serves.
        if (
            tok.dep_ in _CLAUSE_STOP
            and not (
                tok.dep_ == "advcl"
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
            )
            and not _content_of_noun(tok)
        ) or _means_done(tok):
            break
        if tok.dep_ == "prep" and tok.head.lower_ in lex.delegate_nouns:
            break  # "the envoy to the talks offered …": the envoy's act is not the talks'
        tok = tok.head
        chain.append(tok)
    say_positions = {i for i, t in enumerate(chain) if t.lemma_.lower() in _SAY}
    for i, tok in enumerate(chain):
        under_say = any(p > i for p in say_positions)
        # "rejected the charge and urged X to …": a coordinated verb shares its
        # auxiliaries and negation, but its own meaning does not govern the other
        governs = i == 0 or chain[i - 1].dep_ != "conj"
        if i > 0 and chain[i - 1].dep_ == "prep" and chain[i - 1].lower_ in _WHILE:
            # "did not agree during their talks": the event a clause is dated by keeps
            # its own fact; only a future or a maybe carries over ("will … after their talks")
            return _tense_of(tok, lex) or "asserted"
        if i > 0 and in_protest_at(tok) is not None:
            return "asserted"  # "in protest against U.S. arms sales": the sales are made
        other_doer = i > 0 and any(c.dep_ in {"nsubj", "dobj"} for c in chain[i - 1].children)
        cue = _cue(
            tok,
            lex,
            is_trigger=(i == 0),
            under_say=under_say,
            governs=governs,
            other_doer=other_doer and chain[i - 1].dep_ == "ccomp",
        )
        if cue == "negated" and i == 1 and _outcome_denied(chain[0], tok):
            # "Biden's warning did not stop the invasion", "the sanctions failed to
            # change its course": what the act did not do, not whether it happened
            cue = _tense_of(tok, lex)
        if cue is not None:
            return cue
        if i > 0 and (_when_it_comes(tok) or _where_it_comes(tok, lex)):
            return "planned"  # "…, when Peru hosts talks with X": the talks are to come
        if tok.lemma_.lower() in _SAY and i > 0 and tok.pos_ != "NOUN":
            break  # "X said Y met Z": the report does not change Y's meeting
    return "asserted"


# what an event does when it happens: "the meeting did not take place"
_HAPPENING = frozenset(
    {"take", "happen", "occur", "materialise", "materialize", "go", "proceed", "come"}
    | {"start", "begin", "resume", "open", "exist", "convene", "eventuate", "continue"}
)


def _outcome_denied(noun: Token, verb: Token) -> bool:
    """The act ``noun`` names is the subject of ``verb``, which says, negated, what it
    did not bring about ("did not stop", "failed to change"), not that it did not
    happen ("did not take place", "failed to materialise")."""
    if noun.pos_ != "NOUN" or noun.dep_ != "nsubj" or noun.head.i != verb.i:
        return False
    if verb.lemma_.lower() == "fail":
        done = [c for c in verb.children if c.dep_ == "xcomp"]
        return bool(done) and all(d.lemma_.lower() not in _HAPPENING for d in done)
    return verb.pos_ == "VERB" and verb.lemma_.lower() not in _HAPPENING


_EARLIER = frozenset({"after", "before", "since", "during", "following", "until"})
_PAST_WORDS = frozenset({"last", "previous", "earlier", "past", "former"})


def timed_apart(noun: Token) -> bool:
    """The event noun has a time of its own: a date in its phrase ("their meeting in
    June"), a word placing it before ("their last meeting"), or a preposition of time
    above it ("after their meeting"). A noun without one, beside a planned verb for the
    same pair, names the planned event ("will visit …, confirming details of the
    summit meeting")."""
    if any(t.ent_type_ in {"DATE", "TIME"} for t in noun.subtree):
        return True
    if any(c.lower_ in _PAST_WORDS for c in noun.children):
        return True
    tok = noun
    while tok.dep_ in {"pobj", "prep", "compound", "conj", "appos"} and tok.head.i != tok.i:
        if tok.dep_ == "prep" and tok.lower_ in _EARLIER:
            return True
        tok = tok.head
    return False


def called_off(noun: Token, lex: Lexicon) -> bool:
    """A planned or possible event named as the object of a verb that stops it ("called
    off the planned meeting", "cancelled a possible visit"), itself not negated."""
    verb = noun.head
    if noun.dep_ not in {"dobj", "nsubjpass"} or verb.pos_ not in {"VERB", "AUX"}:
        return False
    if not any(
        c.dep_ in {"amod", "compound"}
        and c.lower_ in lex.hypothetical_modifiers | lex.planned_modifiers
        for c in noun.children
    ):
        return False
    return bool(phrasal(verb) & lex.negating_verbs) and not _negated(list(verb.children), lex)


def dropped_plan(verb: Token, lex: Lexicon) -> Token | None:
    """ "suspended its plan to impose tariffs": the verb that drops the plan ``verb``
    is the content of (the measure is not taken; dropping it is an easing)."""
    plan = verb.head
    if verb.dep_ != "acl" or plan.lower_ not in lex.intent_nouns or plan.dep_ not in {"dobj"}:
        return None
    dropper = plan.head
    return dropper if among(dropper, lex.reversing_verbs) else None


def one_plan(found: list[Event], sent: Span) -> list[Event]:
    """Drops an asserted event a noun names with no time of its own when a verb of the
    sentence plans the same event for the same pair ("A will visit B in May, an aide
    said, giving the date of the pair's summit")."""
    planned = {
        (frozenset({e.source.actor_id, e.target.actor_id}), e.type)
        for e in found
        if e.modality == "planned" and ":verb:" in e.rule
    }
    if not planned:
        return found
    kept: list[Event] = []
    for e in found:
        if (
            e.modality == "asserted"
            and ":noun:" in e.rule
            and (frozenset({e.source.actor_id, e.target.actor_id}), e.type) in planned
        ):
            noun = trigger_token(sent, e.trigger)
            if noun is not None and not timed_apart(noun):
                continue
        kept.append(e)
    return kept


def trigger_token(sent: Span, trigger: str) -> Token | None:
    """The token an event's trigger text names in its sentence (the first so written)."""
    return next((t for t in sent if t.text == trigger), None)


def _means_done(tok: Token) -> bool:
    """ "By backing down in a call with Xi, Trump may have averted a clash": the means
    of a perfect ("may have averted") was taken; only its outcome is in doubt."""
    by = tok.head
    if tok.dep_ != "pcomp" or by.lower_ != "by" or by.head.i == by.i:
        return False
    return any(c.dep_ == "aux" and c.lemma_ == "have" for c in by.head.children)
