"""Acts two countries do together: cooperation no trigger word names.

"U.S. and Chinese agents jointly dismantled a trafficking network", "Egyptian and
Qatari mediators worked together", "Thai and Malaysian forces launched a joint
sweep": whatever the act, two parties of different countries doing it as one
cooperate. Read only where no trigger word says more ("a joint statement" is an
agreement, "joint patrols" already cooperation), and only between two countries
(``foreign``): "Congress held a joint session" has one party.
"""

from __future__ import annotations

from spacy.tokens import Token

from backchannel.nlp.lexicon import Trigger

# the words that make an act or exercise one held together: "a joint sweep"
JOINT = frozenset({"joint", "combined"})
# being or moving side by side is no act done together: "stood together on the podium"
_SIDE_BY_SIDE = frozenset(
    {"be", "stand", "sit", "pose", "appear", "walk", "remain", "stay", "live", "dine"}
    | {"arrive", "leave", "come", "go", "travel", "smile", "laugh", "wave", "look"}
)
# "together" is often a sum ("together lost a million men", "together account for
# half the trade"): it makes cooperation only of these acts, "jointly" of any deed
_TOGETHER_ACTS = frozenset(
    {"work", "act", "operate", "fight", "coordinate", "patrol", "investigate", "search"}
    | {"develop", "build", "train", "plan", "draft", "prepare", "organize", "organise"}
    | {"campaign", "lobby", "tackle", "combat", "manage", "run", "respond", "cooperate"}
)
_SUMS = frozenset({"lose", "suffer", "account", "total", "own", "hold", "have", "make", "spend"})
# verbs by which parties start or carry out a joint undertaking
_UNDERTAKING = frozenset(
    {"hold", "conduct", "launch", "begin", "start", "carry", "stage", "mount", "undertake"}
    | {"set", "form", "establish", "create", "run", "open", "complete", "finish"}
)


def joint_act(tok: Token) -> Trigger | None:
    """ "jointly dismantled", "worked together": the verb; "launched a joint sweep",
    "set up a joint commission": the noun, its verb's subjects the parties."""
    lemma = tok.lemma_.lower()
    if tok.pos_ == "VERB" and any(
        c.dep_ == "advmod"
        and (
            (c.lower_ == "jointly" and lemma not in _SIDE_BY_SIDE | _SUMS)
            or (c.lower_ == "together" and lemma in _TOGETHER_ACTS)
        )
        for c in tok.children
    ):
        if any(c.dep_ == "nsubj" for c in tok.children):
            return Trigger(lemma, "verb", "COOPERATE", "", symmetric=True, foreign=True)
        return None
    if (
        tok.pos_ == "NOUN"
        and ((tok.dep_ == "dobj" and tok.head.lemma_.lower() in _UNDERTAKING) or taken_part_in(tok))
        and any(c.dep_ == "amod" and c.lower_ in JOINT for c in tok.children)
    ):
        return Trigger(tok.lemma_.lower(), "noun", "COOPERATE", "", symmetric=True, foreign=True)
    return None


def taken_part_in(noun: Token) -> bool:
    """ "took part in a joint exercise", "participated in joint drills", "seized the
    cocaine in a joint operation": those who act in it hold it together."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "in":
        return False
    if any(c.dep_ == "amod" and c.lower_ in JOINT for c in noun.children):
        return True
    verb = noun.head.head
    lemma = verb.lemma_.lower()
    return lemma == "participate" or (
        lemma == "take" and any(c.dep_ == "dobj" and c.lower_ == "part" for c in verb.children)
    )
