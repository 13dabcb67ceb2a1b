"""Which prepositions name a party to an event, and which name a place, topic or time.

Shared by the participant rules (``nlp/participants.py``): "sanctioned Pelosi
over her visit to Taiwan" names Pelosi only; "a deal on TikTok" is about
TikTok, while "tariffs on China" are against China.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from backchannel.nlp.lexicon import Trigger
from backchannel.nlp.mentions import Linked
from backchannel.nlp.repairs import THING_RELATIVES

LOCATION_PREPS = frozenset(
    {"in", "at", "near", "during", "from", "inside", "outside", "through", "via", "off"}
)
# Prepositions whose object is the cause, topic or time, never a party: "sanctioned
# Pelosi over her visit to Taiwan", "met Xi after his trip to Japan".
NOT_PARTY_PREPS = LOCATION_PREPS | frozenset(
    {
        "over",
        "about",
        "regarding",
        "concerning",
        "amid",
        "despite",
        "after",
        "before",
        "since",
        "aboard",
        "via",
    }
)
# Under an agreement or a contact, "on" is what it is about ("a deal on TikTok", "talks
# on Taiwan"); under a sanction or its undoing it names the target ("tariffs on China").
ON_TARGET = frozenset({"SANCTION", "RETREAT"})
# Under an agreement, "for" is what it is for as well ("a framework for TikTok").
_TOPIC_PREPS = {"AGREE": frozenset({"on", "for"})}


def not_party_preps(category: str) -> frozenset[str]:
    """Prepositions under the trigger's object that name no party for a category."""
    if category in ON_TARGET:
        return NOT_PARTY_PREPS
    return NOT_PARTY_PREPS | _TOPIC_PREPS.get(category, frozenset({"on"}))


def listed_in(verb: Token, preps: frozenset[str], lists: frozenset[str]) -> bool:
    """ "added Huawei to its entity list": one of ``preps`` leads to one of ``lists``
    (or is the verb's particle before such an object: "laid on a dinner", parsed
    either way)."""
    if any(
        p.dep_ == "prep"
        and p.lower_ in preps
        and o.dep_ == "pobj"
        and (o.lemma_.lower() in lists or o.lower_ in lists)  # "behind closed doors"
        for p in verb.children
        for o in p.children
    ):
        return True
    particle = any(
        c.lower_ in preps
        and (
            c.dep_ == "prt" or (c.dep_ == "prep" and not any(g.dep_ == "pobj" for g in c.children))
        )
        for c in verb.children
    )
    return particle and any(
        c.dep_ == "dobj" and (c.lemma_.lower() in lists or c.lower_ in lists) for c in verb.children
    )


def under_prep(tok: Token, root: Token) -> bool:
    """``tok`` hangs from a prepositional phrase inside ``root``'s phrase."""
    while tok.i != root.i and tok.head.i != tok.i:
        if tok.dep_ == "prep":
            return True
        tok = tok.head
    return False


def behind_preposition(tok: Token, root: Token, preps: frozenset[str] = NOT_PARTY_PREPS) -> bool:
    """``tok`` sits in a phrase that names a topic, a cause or a source, not a party.

    Below ``root``: a preposition of topic, cause or time ("reporters about
    China", "her visit to Taiwan" under "over"), or "according to"; ``preps``
    widens the first for a category ("agree to a deal with Trump on TikTok").
    """
    named = tok
    while named.dep_ == "conj" and named.head.i != named.i:
        named = named.head
    while tok.i != root.i and tok.head.i != tok.i:
        if tok.dep_ == "prep" and (
            tok.lower_ in preps
            or tok.head.lower_ == "according"
            or (tok.lower_ == "under" and not _in_title(tok))
            # "hosted Trump for talks on Ukraine": what the talks are about (but "a
            # dialogue on disputes with China" is with China)
            or (
                tok.lower_ == "on"
                and tok.head.lemma_.lower() in _TALKED_ON
                and named.head.i == tok.i
            )
        ):
            # "the first talks between the two countries under President Biden": a time
            return True
        tok = tok.head
    return False


# Talks and accords, whose "on" phrase is their topic ("talks on Ukraine")
_TALKED_ON = frozenset(
    {"talk", "meeting", "dialogue", "discussion", "negotiation", "consultation"}
    | {"conversation", "summit", "conference", "deal", "agreement", "accord", "pact"}
)


def _in_title(prep: Token) -> bool:
    """ "Under Secretary Brainard": the word opens a title, no preposition."""
    after = prep.nbor(1) if prep.i + 1 < len(prep.doc) else None
    return prep.lower_ == "under" and after is not None and after.lower_.startswith("secretary")


def is_place(head: Token, m: Linked) -> bool:
    """A state or office named under "in"/"at" (directly, in apposition or as the owner
    of the place: "at Rosenbad, the Swedish prime minister's office") is where, not who."""
    if not m.actor_id.startswith(("state:", "group:")):
        return head.dep_ == "pobj" and head.head.lower_ in LOCATION_PREPS
    tok = head
    for _ in range(4):
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in PLACE_WORDS:
            # "in the port of Hodeidah", "on the Indonesian island of Bali"; "struck
            # the city of Beirut" hits it
            place = tok.head.head
            return place.dep_ == "pobj" and place.head.lower_ in LOCATION_PREPS | {"on"}
        if tok.dep_ == "pobj":
            return tok.head.lower_ in LOCATION_PREPS
        if tok.dep_ not in {"appos", "conj", "compound", "npadvmod", "poss"} or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


# Nouns of a place named by "of": "the island of Bali", "the city of Mosul"
PLACE_WORDS = frozenset(
    {"island", "city", "town", "village", "port", "province", "region", "district", "capital"}
    | {"outskirts", "suburbs", "streets", "centre", "center", "heart", "state", "prefecture"}
)


def topic_prep(prep: Token, trig: Trigger) -> bool:
    """A preposition under the verb that names no party: a place, time or cause;
    under an agreement also what it is on or for ("agreed in Madrid on a framework
    for TikTok"), under cooperation what it is on ("began sharing data on North
    Korea"), and under a warning, charge or request with an object what it is on
    or for ("warned the United States on Taiwan", "criticised Beijing for its
    support of Moscow").
    """
    if trig.prep_objects and prep.lower_ in trig.preps:
        return False  # an idiom's own preposition: "sat across the table from Yang"
    if trig.type in {"AGREE", "COOPERATE"}:
        return prep.lower_ in not_party_preps(trig.type)
    if (
        prep.lower_ in {"on", "for"}
        and trig.type in SAID_TO
        and any(c.dep_ == "dobj" and _names_someone(c) for c in prep.head.children)
    ):
        # "warned the United States on Taiwan", "pressed Beijing on trade"; "criticised
        # Beijing for its support of Moscow": the reason, not another party
        return True
    return prep.lower_ in NOT_PARTY_PREPS


def _names_someone(noun: Token) -> bool:
    """The object is someone ("the United States", "Chinese officials"), not the act
    itself ("heaped praise on Erdogan")."""
    if noun.lower_ in THING_RELATIVES:
        return False  # "the hack, which Washington blamed on Beijing": a thing
    return noun.pos_ in {"PROPN", "PRON"} or any(
        t.ent_type_ in {"GPE", "NORP", "ORG", "PERSON"} for t in noun.subtree
    )


# Acts said to someone: with its addressee the object, "on" is what it was about
SAID_TO = frozenset({"THREATEN", "ACCUSE", "REQUEST", "SUPPORT", "REJECT"})


def of_modifier(tok: Token) -> bool:
    """A noun in "<person or title> of <it>" ("President Xi of China", "leader of China")."""
    if tok.dep_ != "pobj" or tok.head.lower_ != "of":
        return False
    owner = tok.head.head
    # a name's last word may be tagged a common noun ("yeon" in "Han Seo-yeon of Korea")
    return (
        owner.pos_ == "PROPN"
        or owner.ent_type_ == "PERSON"
        or owner.lower_ in {"leader", "leaders", "president", "presidents"}
    )


def in_dateline(tok: Token) -> bool:
    """A place named in a dateline ("BUSAN, South Korea — …", "NEW YORK, Sept. 28
    (Xinhua) -- …") before its dash; a second dateline after the first ("WASHINGTON,
    May 2 — PALM BEACH, Florida — …") is one too."""
    sent = tok.sent
    # where each sentence's dateline ends, found once per sentence
    ends: dict[int, int] = tok.doc.user_data.setdefault("backchannel.dateline_ends", {})
    end = ends.get(sent.start)
    if end is None:
        end = ends[sent.start] = _dateline_end(sent)
    return tok.i < end


def _dateline_end(sent: Span) -> int:
    """The index of the dash that ends the sentence's datelines, or -1."""
    begin, end = sent.start, -1
    for t in sent[: min(len(sent), 20)]:
        # a dateline's dash stands apart; "the Trump–Xi call" joins two names
        if t.text in {"—", "–", "--"} and t.i > begin and t.doc[t.i - 1].whitespace_:
            # a dateline is names and a date alone: "During his trip to Peru —" is no
            # place line
            line = t.doc[begin : t.i]
            if not all(w.is_punct or w.like_num or w.text[:1].isupper() for w in line):
                break
            begin, end = t.i + 1, t.i
    return end
