"""Agents named without a country, placed by the sentence in one state.

A bare agent noun ("police", "protesters", "students") is no actor on its own:
the channel map cannot place a node without a country. When the sentence puts
the act in one state, the noun is that state's actor of its sector, the one
"Algerian police" links to (``group:DZA:police``):

    "In Algeria, police arrested dozens of protesters."   police and protesters: Algeria's
    "ALGIERS — Police arrested dozens of protesters."      a dateline places them too
    "Protesters marched through Kiev on Sunday."           Ukraine's civilians

Only a people of the place, its opposition, its rebels and its police are
placed so: troops, officials and diplomats in a country are often another's.
The place must be one state however often it is named ("from Kabul to
Kandahar"): a state, city or region after "in", "at", "across", "through",
"near" and the like, a dateline, a state's adjective on a place noun ("in the
Ethiopian city of Axum"), a city before a building ("the Paris offices of").
A second state named as a place, a border or a frontier leaves the noun alone
("near the Lebanese border"), and so does another state or its officials
named as a party, for whom the place may be a venue ("Tehran and Washington
agreed in Vienna to swap prisoners"); another country's people or embassy
named there do not ("In Kenya, police arrested three Chinese students").

Those harmed or held (killed, abducted, arrested …) are the place's whoever
harms them, soldiers too, and so are people of no calling harmed there
("killing 30 people"); a crowd of no calling ("thousands") only as the subject
of a verb of protest. A person the text names for the first time, harmed or
held there, whose country the text does not give, is that state's.

Never when the noun has a possessor or a capitalised modifier other than a
creed or cause ("its police", "NATO troops", "Hutu rebels" are someone's;
"Maoist rebels", "anti-Japanese protesters" are placed), nor when it is named
by what it belongs to ("leaders of the opposition coalition"). The phrases
that place a noun directly ("police in Algiers", "rebels in Sudan") are
``Offices.of_state``'s, run before this.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from backchannel.model import Actor
from backchannel.nlp.mentions import Linked
from backchannel.nlp.preps import PLACE_WORDS, in_dateline
from backchannel.nlp.repairs import span_root

# Prefixes of a cause: "anti-government", "pro-Russian"
_CAUSES = frozenset({"anti", "pro"})
# Buildings and sites a city's name may stand before: "the Paris offices", "a Kabul hotel"
_SITES = frozenset(
    {"office", "hotel", "mall", "market", "school", "hospital", "mosque", "church"}
    | {"station", "airport", "restaurant", "cafe", "nightclub", "stadium", "square"}
    | {"neighbourhood", "neighborhood", "suburb", "headquarters", "bureau", "home"}
)
_MISSIONS = frozenset({"embassy", "embassies", "consulate", "consulates", "mission"})
# Those of another country who may be named where a state's own act happens.
_PEOPLE_SECTORS = frozenset({"civilian", "opposition", "rebel"})
# Sectors whose bare nouns a place alone may give a country.
_LOCAL_SECTORS = frozenset({"police", "civilian", "opposition", "rebel"})
_NOT_LOCAL = frozenset(
    {"refugees", "migrants", "immigrants", "tourists", "tourist", "nationals", "national"}
    | {"hostages", "detainees", "detainee"}
)
# Prepositions that put an act in a place: "in Kiev", "through Caracas", "across India".
_PLACING = frozenset(
    {"in", "at", "across", "through", "throughout", "outside", "around", "near", "inside"}
)
# Verbs whose object is harmed or held where the act happens: soldiers killed there, unlike
# soldiers who act there, are the place's ("killing a dozen soldiers", "ambushed
# troops"); so are people of no calling ("killing 12 people": its civilians).
_HARMING = frozenset(
    {"kill", "wound", "injure", "ambush", "abduct", "kidnap", "attack", "massacre"}
    | {"capture", "execute", "behead", "shoot", "slay", "murder", "hack", "burn", "maim"}
    | {"arrest", "detain", "round", "jail", "imprison", "disperse", "deport", "beat"}
    | {"torture", "sentence", "evict", "expel"}
)
# Verbs of protest whose subject, a crowd of no calling, is the place's people
# ("thousands rallied in Belgrade", "a million people marched through Santiago").
_PROTESTING = frozenset(
    {"march", "rally", "protest", "demonstrate", "gather", "riot", "strike", "parade"}
    | {"take", "pour", "throng", "flood", "chant", "block", "occupy", "stage", "hold"}
)
_CROWDS = frozenset(
    {"people", "thousands", "hundreds", "tens", "millions", "crowds", "crowd", "youths"}
    | {"women", "men", "residents"}
)
# Those harmed, named by no calling or by one, and the sector they are of
_VICTIMS = {
    **dict.fromkeys(
        {"people", "persons", "children", "women", "men", "worshippers", "pilgrims"}
        | {"passengers", "pupils", "schoolchildren", "schoolgirls", "girls", "boys"}
        | {"fishermen", "workers", "man", "woman", "boy", "girl", "child", "teacher"}
        | {"schoolteacher", "farmer", "civilian"},
        "civilian",
    ),
    **dict.fromkeys({"soldier", "soldiers", "troops", "servicemen"}, "military"),
    **dict.fromkeys({"policeman", "officer", "officers"}, "police"),
}
# Words that name where two states meet: a sentence about one is about both.
_EDGES = frozenset({"border", "borders", "frontier", "frontiers", "boundary"})


class PlacedAgents:
    """Links bare agent nouns whose sentence places the act in one state."""

    def __init__(
        self, nouns: Mapping[str, str], offices: Collection[str], adjectives: Mapping[str, str]
    ) -> None:
        self.nouns = dict(nouns)  # every group or office noun → sector
        self.offices = frozenset(offices)  # nouns linked as the sector's actor
        self.adjectives = dict(adjectives)  # state adjective (casefolded) → ISO3

    def link(
        self,
        doc: Doc,
        mentions: dict[int, Linked],
        new_actors: dict[str, Actor],
        country_of: Callable[[str], str],
    ) -> None:
        """Add a mention for each bare agent noun placed in its sentence's one state,
        and give a person the text names for the first time, harmed or held there
        and of no country the text gives, that state's."""
        covered = {i for m in mentions.values() for i in range(m.start, m.end)}
        for sent in doc.sents:
            inside = [m for m in mentions.values() if sent.start <= m.start < sent.end]
            # those harmed where an act happens are the place's, whoever else is named
            # ("Al-Shabab gunmen stormed a mall in Nairobi, killing 67 people")
            harmed_in = _one_place(sent, inside, country_of, self.adjectives)
            if not harmed_in:
                continue
            for m in inside:
                person = new_actors.get(m.actor_id)
                if person is not None and not person.country and _harmed(span_root(doc, m)):
                    # "Jose Ruben Zamora … was arrested in Guatemala City"
                    new_actors[m.actor_id] = replace(person, country=harmed_in)
            code = "" if _venue(sent, inside, harmed_in, country_of) else harmed_in
            for tok in sent:
                if tok.i not in covered and tok.pos_ in {"NOUN", "PROPN"}:
                    self._agent(tok, code, harmed_in, covered, mentions)

    def _agent(
        self, tok: Token, code: str, harmed_in: str, covered: set[int], mentions: dict[int, Linked]
    ) -> None:
        doc = tok.doc
        pair = f"{doc[tok.i - 1].lower_} {tok.lower_}" if tok.i > 0 else ""
        noun = next((k for k in (pair, tok.lower_) if k and k in self.nouns), None)
        local = noun is not None and noun not in _NOT_LOCAL and self.nouns[noun] in _LOCAL_SECTORS
        if tok.lower_ in _VICTIMS and _harmed(tok):
            noun, code, sector = tok.lower_, harmed_in, _VICTIMS[tok.lower_]
        elif tok.lower_ in _CROWDS and _protesting(tok):
            noun, sector = tok.lower_, "civilian"
        elif noun is not None and local:
            sector = self.nouns[noun]
            code = harmed_in if _harmed(tok) else code  # "killed civilians in Axum"
        else:
            return
        if not code:
            return
        unlisted = noun not in self.nouns  # "people", "children": only as those harmed
        if tok.dep_ == "compound" and tok.head.lower_ in self.nouns:
            return  # "opposition activists": the head noun names them, this word with it
        if not tok.is_lower and not (_opens(tok) and tok.text[1:].islower()):
            return  # "Police" opening a sentence, never a name ("Hamas Police")
        if any(c.dep_ == "poss" for c in tok.children):
            return  # "its police", "the regime's police": someone's own
        if any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children) or (
            sector != "civilian"
            and any(c.dep_ == "prep" and c.lower_ == "from" for c in tok.children)
        ):
            # "leaders of the opposition coalition": named by what they belong to;
            # "farmers from Punjab" are of the place all the same
            return
        first = tok.i - 1 if noun == pair else tok.i
        while first > 0 and doc[first - 1].head.i == tok.i and doc[first - 1].dep_ in _MODS:
            mod = doc[first - 1]
            cause = mod.i >= 2 and doc[mod.i - 1].text == "-" and doc[mod.i - 2].lower_ in _CAUSES
            if (
                first - 1 in covered
                or (
                    mod.text[:1].isupper()
                    and mod.lower_ not in _CREEDS | _CAUSES
                    and not cause  # "anti-Japanese protesters", "pro-Russian separatists"
                    and not (_opens(mod) and mod.text[1:].islower() and _common(mod))
                )
            ):
                return  # "NATO troops", "Hutu rebels", "Chinese-backed rebels": someone's
            first -= 1
        actor_id = f"group:{code}:{sector if unlisted or noun in self.offices else noun}"
        mentions[first] = Linked(first, tok.i + 1, actor_id, "placed", sector)
        covered.update(range(first, tok.i + 1))


_MODS = frozenset({"amod", "compound", "nmod"})
# Creeds and causes, which say what those placed fight for, not whose they are
# ("Maoist rebels", "Sunni insurgents"), where a people's name may cross a border
_CREEDS = frozenset(
    {"maoist", "islamist", "jihadist", "salafist", "sunni", "shiite", "shia", "muslim"}
    | {"christian", "buddhist", "hindu", "marxist", "communist", "leftist", "separatist"}
    | {"royalist", "nationalist", "anarchist", "catholic", "protestant", "evangelical"}
)


def where_held(
    sent: Span,
    mentions: Iterable[Linked],
    country_of: Callable[[str], str],
    adjectives: Mapping[str, str],
    venue: bool = True,
) -> str:
    """The one state ``sent`` puts its acts in ("in Algeria", "through Kiev", "in the
    Ethiopian city of Axum", a dateline), however often it names it; "" for none,
    two, or a border or frontier, and, unless ``venue`` is false, where another state
    is named as a party. ``adjectives``: casefolded state adjective → ISO3."""
    inside = [m for m in mentions if sent.start <= m.start < sent.end]
    code = _one_place(sent, inside, country_of, adjectives)
    return "" if venue and _venue(sent, inside, code, country_of) else code


def _one_place(
    sent: Span,
    inside: list[Linked],
    country_of: Callable[[str], str],
    adjectives: Mapping[str, str],
) -> str:
    """The one state the sentence's places name (its mentions ``inside``), else ""."""
    places = {code for m in inside if (code := country_of(m.actor_id)) and _places(sent.doc, m)}
    places |= {
        adjectives[c.lower_]
        for tok in sent
        if tok.lemma_ in PLACE_WORDS and _is_place(tok)
        for c in tok.children
        if c.dep_ == "amod" and c.lower_ in adjectives  # "in the Ukrainian city of Dnipro"
    }
    if len(places) != 1 or any(t.lower_ in _EDGES for t in sent):
        return ""
    return next(iter(places))


def _venue(sent: Span, inside: list[Linked], code: str, country_of: Callable[[str], str]) -> bool:
    """Another state or its officials named as a party where the place is ``code``: the
    place may be only where they met ("Tehran and Washington agreed in Vienna")."""
    return bool(code) and any(
        (other := country_of(m.actor_id))
        and other != code
        and not _places(sent.doc, m)
        and not _here(sent.doc, m)
        for m in inside
    )


def _here(doc: Doc, m: Linked) -> bool:
    """Another's who is of the place all the same: its people ("Somali refugees",
    "Chinese students") or its diplomatic mission ("the Japanese embassy")."""
    if m.how == "adjective" or span_root(doc, m).lower_ in _MISSIONS:
        return True  # a country's adjective on a noun of people or things
    return m.actor_id.startswith("group:") and m.actor_id.split(":")[2] in _PEOPLE_SECTORS


def _opens(tok: Token) -> bool:
    """``tok`` opens its sentence, or the text after a dateline ("QUITO — Students …")."""
    return bool(tok.is_sent_start) or (tok.i > 0 and tok.doc[tok.i - 1].text in {"—", "--", "–"})


def _common(tok: Token) -> bool:
    """A common word, capitalised only where it opens the sentence ("Separatist rebels"),
    not a people's or a place's name ("Hutu rebels")."""
    return tok.pos_ not in {"PROPN"} and tok.ent_type_ not in {"NORP", "GPE", "ORG", "LOC"}


def _harmed(noun: Token) -> bool:
    """``noun`` is what a harming verb harms: its object, its passive subject, or the
    people a count of its object stands for ("killing dozens of civilians")."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.dep_ == "dobj":
        noun = noun.head.head  # "dozens of civilians", "a convoy of soldiers"
    verb = noun.head
    return noun.dep_ in {"dobj", "nsubjpass"} and verb.lemma_.lower() in _HARMING


def _protesting(noun: Token) -> bool:
    """``noun`` (a crowd: "thousands", "people") is the subject of a verb of protest."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.dep_ == "nsubj":
        noun = noun.head.head  # "tens of thousands", "hundreds of people"
    return noun.dep_ == "nsubj" and noun.head.lemma_.lower() in _PROTESTING


def _places(doc: Doc, m: Linked) -> bool:
    """Whether a mention names where something happens, or holds such a place
    ("police in Cairo", linked whole as Egypt's police); another's mission is where
    it stands, in the host's land ("at the Japanese embassy in Beijing")."""
    root = span_root(doc, m)
    if root.lower_ in _MISSIONS:
        return False
    if root.dep_ == "compound" and root.head.lemma_ in _SITES and m.actor_id.startswith("state:"):
        return True  # "stormed the Paris offices of Charlie Hebdo", "a Kabul hotel"
    if _is_place(root):
        return True
    # "police in Cairo", "rebels in Indonesia's Papua province": the place inside
    return any(_is_place(t) and m.start <= t.head.i for t in doc[m.start : m.end] if t != root)


def _is_place(tok: Token) -> bool:
    """Whether a state's name says where something happens: "… in Algeria", a dateline."""
    if in_dateline(tok):
        return True
    while tok.dep_ in {"compound", "appos", "poss"} and tok.head.i != tok.i:
        tok = tok.head  # "the Kenyan capital Nairobi", "in Thailand's Narathiwat province"
    held = tok.head.head
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and {held.lower_, held.lemma_} & PLACE_WORDS:
        return True  # "took to the streets of Caracas", "the outskirts of Kabul"
    return tok.dep_ == "pobj" and tok.head.lower_ in _PLACING and tok.head.dep_ == "prep"
