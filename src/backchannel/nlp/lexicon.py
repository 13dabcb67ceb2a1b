"""The rule data behind extraction: event triggers, modality cues, role changes, PLOVER.

Rules and word lists live in ``backchannel/data/*.yaml``; this module loads
them once, checks them, and hands out frozen views. A broken data file is a
bug in the package, so it raises ``KnowledgeBaseError`` naming the file.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, replace
from importlib import resources
from typing import Any

import yaml

from backchannel.errors import KnowledgeBaseError
from backchannel.model import CHANGE_KINDS
from backchannel.nlp.rolewords import ChangeVerb


def load_data_file(name: str) -> dict[str, Any]:
    """Read a bundled YAML data file (``backchannel/data/NAME``) as a mapping."""
    ref = resources.files("backchannel") / "data" / name
    try:
        loaded = yaml.safe_load(ref.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise KnowledgeBaseError(f"data/{name}: cannot be read: {exc}") from exc
    if not isinstance(loaded, dict):
        raise KnowledgeBaseError(f"data/{name}: expected a mapping at the top level")
    return loaded


@dataclass(frozen=True, slots=True)
class Trigger:
    """One trigger word and what it means."""

    lemma: str
    pos: str  # "verb" | "noun"
    type: str
    mode: str
    symmetric: bool = False
    objects: frozenset[str] = frozenset()
    preps: frozenset[str] = frozenset()
    not_preps: frozenset[str] = frozenset()
    person_target: bool = False
    persons_only: bool = False
    needs_between: bool = False
    topic_object: bool = False  # the direct object is what was discussed, never who
    no_complement: bool = False  # "called Xi a dictator" is not a phone call
    or_clause: bool = False  # with no listed object, an infinitive will do ("offered to help")
    place_preps: frozenset[str] = frozenset()  # "withdrew its troops from Lebanon": a party
    thing_type: str = ""  # the type when the object is a thing: "welcomed the decision"
    or_actor: bool = False  # with no listed object, an actor will do ("defended Iraq")
    or_place: bool = False  # with no listed object, a place party will do ("withdrew from X")
    aid_objects: frozenset[str] = frozenset()  # objects that make it aid ("handed over medicine")
    between_targets: bool = False  # "a mediation mission between X and Y": X and Y are met
    prep_objects: frozenset[str] = frozenset()  # "added Huawei to its entity list": a listing
    own_parties: bool = False  # a noun naming its parties itself: who "criticized the deal" is none
    mutual: bool = False  # each party does it to the other: "traded accusations"
    foreign: bool = False  # only between two countries' actors: a debate of candidates is none
    body_target: bool = False  # only an international body is joined: "joined the WTO"
    clause_verbs: frozenset[str] = (
        frozenset()
    )  # infinitives that stand in for an object ("vowed to retaliate")
    # objects that make it another category: "suspended relations" is a sanction,
    # where "suspended tariffs" is an easing; (object, type, mode)
    object_types: tuple[tuple[str, str, str], ...] = ()

    def for_object(self, *forms: str) -> Trigger:
        """The trigger as its object makes it, the object given by its ``forms``
        (lemma, word)."""
        for word, kind, mode in self.object_types:
            if word in forms:
                return replace(self, type=kind, mode=mode)
        return self


@dataclass(frozen=True, slots=True)
class Category:
    name: str
    intensity: float
    penta: int
    modes: dict[str, float]


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Everything the event and role-change rules look up."""

    version: str
    verbs: dict[str, Trigger]
    nouns: dict[str, Trigger]
    phone_cues: tuple[str, ...]
    channel_nouns: frozenset[str]
    intermediary_nouns: frozenset[str]
    obligation_verbs: frozenset[str]
    speech_verbs: frozenset[str]
    measure_nouns: frozenset[str]
    joining_verbs: frozenset[str]
    receiving_verbs: frozenset[str]
    declaring_verbs: frozenset[str]
    asked_things: frozenset[str]
    intent_nouns: frozenset[str]
    delegate_nouns: frozenset[str]
    attending_verbs: frozenset[str]
    settling_verbs: frozenset[str]
    dispute_nouns: frozenset[str]
    brokering_verbs: frozenset[str]  # "brokered a truce between X and Y": mediation
    brokered_nouns: frozenset[str]
    arrival_verbs: frozenset[str]
    journey_verbs: frozenset[str]
    sending_verbs: frozenset[str]
    statement_nouns: frozenset[str]
    announcing_verbs: frozenset[str]
    obligation_modals: frozenset[str]
    addressed_modals: frozenset[str]
    reversing_verbs: frozenset[str]
    retaliation_verbs: frozenset[str]
    show_of_force_preps: frozenset[str]
    exempting_verbs: frozenset[str]
    content_of: frozenset[str]
    categories: dict[str, Category]
    communication: frozenset[str]
    negation: frozenset[str]
    hypothetical_aux: frozenset[str]
    planned_aux: frozenset[str]
    planned_verbs: frozenset[str]
    hypothetical_verbs: frozenset[str]
    wish_verbs: frozenset[str]
    denial_verbs: frozenset[str]
    negating_verbs: frozenset[str]
    hypothetical_modifiers: frozenset[str]
    planned_modifiers: frozenset[str]
    conditional_marks: frozenset[str]
    prospect_nouns: frozenset[str]  # "talk of a pact", "hopes for a visit": only spoken of
    change_verbs: dict[str, ChangeVerb]  # lemma, or "verb particle", to its entry
    change_nouns: dict[str, str]
    role_nouns: frozenset[str]  # heads of a post: "became defence minister"
    naming_verbs: frozenset[str] = frozenset()  # "called the tariffs irresponsible"
    disparaging_words: frozenset[str] = frozenset()
    wrongdoing_verbs: frozenset[str] = frozenset()  # "said Washington was bullying"
    wrongdoing_objects: frozenset[str] = frozenset()  # "said Pompeo was spreading lies"
    charge_nouns: frozenset[str] = frozenset()  # "rejected the allegations": the other side's
    claim_nouns: frozenset[str] = frozenset()  # "the minister's claim that X …"
    bidding_verbs: frozenset[str] = frozenset()  # "told Beijing not to meddle": a request
    appeal_nouns: frozenset[str] = frozenset()  # "a letter to the USTR": a request
    lodging_verbs: frozenset[str] = frozenset()  # "filed an appeal to the court": no request
    reacting_verbs: frozenset[str] = frozenset()  # "reacted angrily to …": criticism
    anger_adverbs: frozenset[str] = frozenset()
    interfering_verbs: frozenset[str] = frozenset()  # "not to meddle in its talks"
    answering_verbs: frozenset[str] = frozenset()  # "rejected the request": one made before
    hoping_verbs: frozenset[str] = frozenset()  # "hopes China will refrain": a request
    expected_acts: frozenset[str] = frozenset()  # "expects Washington to honour …"
    yielding_verbs: frozenset[str] = frozenset()  # "will not yield to pressure": a rejection
    pressing_nouns: frozenset[str] = frozenset()  # "bow to US threats"
    opposing_verbs: frozenset[str] = frozenset()  # "opposes Tokyo's decision": criticism
    victim_nouns: frozenset[str] = frozenset()  # "the arrest of Meng": "of" names the victim
    displeasure_nouns: frozenset[str] = frozenset()  # "expressed dissatisfaction with X"
    concern_nouns: frozenset[str] = frozenset()  # "grave concern over X's actions"
    approval_nouns: frozenset[str] = frozenset()  # "expressed support for X"
    place_nouns: frozenset[str] = frozenset()  # "withdrew from the Somali capital"
    moving_verbs: frozenset[str] = frozenset()  # "massed troops near the border"
    force_nouns: frozenset[str] = frozenset()
    armed_nouns: frozenset[str] = frozenset()  # "militants attacked …": a blow
    protest_nouns: frozenset[str] = frozenset()  # "held a rally", "staged a strike"
    crowd_nouns: frozenset[str] = frozenset()  # "students protested": a demonstration
    assailed_nouns: frozenset[str] = frozenset()  # "attacked a checkpoint": a blow
    frontier_nouns: frozenset[str] = frozenset()
    frontier_preps: frozenset[str] = frozenset()
    alert_nouns: frozenset[str] = frozenset()  # "put its forces on alert"
    giving_verbs: frozenset[str] = frozenset()  # "extended a credit line to Kyiv"
    given_things: frozenset[str] = frozenset()
    mission_nouns: frozenset[str] = frozenset()  # "rallied outside the Japanese embassy"
    striking_verbs: frozenset[str] = frozenset()  # "struck targets near Damascus"
    struck_places: frozenset[str] = frozenset()
    struck_preps: frozenset[str] = frozenset()
    act_nouns: frozenset[str] = frozenset()  # what a party does: "X's move", "X's actions"
    view_nouns: frozenset[str] = frozenset()  # "exchanged views with X": a readout's contact
    exchange_manners: frozenset[str] = frozenset()
    raising_verbs: frozenset[str] = frozenset()  # "raised concerns with X"
    raised_things: frozenset[str] = frozenset()
    conveying_verbs: frozenset[str] = frozenset()  # "conveyed a message to X"
    conveyed_things: frozenset[str] = frozenset()
    briefing_verbs: frozenset[str] = frozenset()  # "briefed X on …"
    stressing_verbs: frozenset[str] = frozenset()  # "stressed to X that …"
    stressed_things: frozenset[str] = frozenset()

    def noun_trigger(self, form: str, lemma: str) -> Trigger | None:
        """The trigger a noun is, by its form ("talks") or else its lemma ("pleas")."""
        return self.nouns.get(form) or self.nouns.get(lemma)

    def intensity(self, category: str, mode: str) -> float:
        cat = self.categories.get(category)
        if cat is None:
            return 0.0
        return cat.modes.get(mode, cat.intensity)


def _words(data: dict[str, Any], key: str, name: str) -> frozenset[str]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise KnowledgeBaseError(f"data/{name}: '{key}' must be a list of strings")
    return frozenset(v.lower() for v in value)


def _listed(spec: dict[str, Any], key: str, lemma: object) -> frozenset[str]:
    """A trigger's list of words; a bare ``on`` or ``no`` that YAML read as a boolean is
    an error, not a word silently lost."""
    return _words(spec, key, f"events.yaml: trigger '{lemma}'")


def _triggers(entries: Any, pos: str, categories: dict[str, Category]) -> dict[str, Trigger]:
    if not isinstance(entries, dict):
        raise KnowledgeBaseError(f"data/events.yaml: '{pos}s' must be a mapping")
    out: dict[str, Trigger] = {}
    for lemma, spec in entries.items():
        if not isinstance(spec, dict) or spec.get("type") not in categories:
            raise KnowledgeBaseError(
                f"data/events.yaml: trigger '{lemma}' needs a type among {sorted(categories)}"
            )
        # an object that makes it another category is one of its objects
        typed = _object_types(spec, lemma, categories)
        out[str(lemma)] = Trigger(
            lemma=str(lemma),
            pos=pos,
            type=str(spec["type"]),
            mode=str(spec.get("mode") or ""),
            symmetric=bool(spec.get("symmetric", False)),
            objects=_listed(spec, "objects", lemma) | {word for word, _, _ in typed},
            preps=_listed(spec, "preps", lemma),
            not_preps=_listed(spec, "not_preps", lemma),
            person_target=bool(spec.get("person_target", False)),
            persons_only=bool(spec.get("persons_only", False)),
            needs_between=bool(spec.get("needs_between", False)),
            topic_object=bool(spec.get("topic_object", False)),
            no_complement=bool(spec.get("no_complement", False)),
            or_clause=bool(spec.get("or_clause", False)),
            place_preps=_listed(spec, "place_preps", lemma),
            thing_type=str(spec.get("thing_type") or ""),
            or_actor=bool(spec.get("or_actor", False)),
            or_place=bool(spec.get("or_place", False)),
            aid_objects=_listed(spec, "aid_objects", lemma),
            between_targets=bool(spec.get("between_targets", False)),
            prep_objects=_listed(spec, "prep_objects", lemma),
            own_parties=bool(spec.get("own_parties", False)),
            mutual=bool(spec.get("mutual", False)),
            foreign=bool(spec.get("foreign", False)),
            body_target=bool(spec.get("body_target", False)),
            clause_verbs=_listed(spec, "clause_verbs", lemma),
            object_types=typed,
        )
    return out


def _object_types(
    spec: dict[str, Any], lemma: object, categories: dict[str, Category]
) -> tuple[tuple[str, str, str], ...]:
    """ "object_types: {ties: SANCTION/relations}" → (("ties", "SANCTION", "relations"),)."""
    table = spec.get("object_types") or {}
    if not isinstance(table, dict):
        raise KnowledgeBaseError(
            f"data/events.yaml: trigger '{lemma}': object_types must map words to types"
        )
    typed: list[tuple[str, str, str]] = []
    for word, value in table.items():
        kind, _, mode = str(value).partition("/")
        if kind not in categories:
            raise KnowledgeBaseError(
                f"data/events.yaml: trigger '{lemma}': object type {value!r} needs a type among "
                f"{sorted(categories)}"
            )
        typed.append((str(word), kind, mode))
    return tuple(typed)


@functools.lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The bundled lexicon, loaded and validated once per process."""
    onto = load_data_file("ontology.yaml")
    categories = {
        name: Category(
            name=name,
            intensity=float(spec.get("intensity", 0.0)),
            penta=int(spec.get("penta", 0)),
            modes={str(k): float(v) for k, v in (spec.get("modes") or {}).items()},
        )
        for name, spec in onto["categories"].items()
    }
    events = load_data_file("events.yaml")
    modality = load_data_file("modality.yaml")
    changes = load_data_file("rolechanges.yaml")
    change_verbs: dict[str, ChangeVerb] = {}
    for lemma, spec in changes["verbs"].items():
        if spec.get("change") not in CHANGE_KINDS:
            raise KnowledgeBaseError(
                f"data/rolechanges.yaml: '{lemma}' needs a change among {list(CHANGE_KINDS)}"
            )
        change_verbs[lemma] = ChangeVerb(
            spec["change"],
            intransitive=bool(spec.get("intransitive", False)),
            needs_role=bool(spec.get("needs_role", False)),
            holders=tuple(spec.get("holders", ())),
            incoming=tuple(spec.get("incoming", ())),
        )
    change_nouns = {str(k): str(v) for k, v in changes["nouns"].items()}
    bad = [k for k, v in change_nouns.items() if v not in CHANGE_KINDS]
    if bad:
        raise KnowledgeBaseError(f"data/rolechanges.yaml: unknown change kind for {bad}")
    return Lexicon(
        version=str(events.get("version", "events.v1")),
        verbs=_triggers(events["verbs"], "verb", categories),
        nouns=_triggers(events["nouns"], "noun", categories),
        phone_cues=tuple(events.get("phone_cues", [])),
        channel_nouns=_words(events, "channel_nouns", "events.yaml"),
        intermediary_nouns=_words(events, "intermediary_nouns", "events.yaml"),
        obligation_verbs=_words(events, "obligation_verbs", "events.yaml"),
        speech_verbs=_words(events, "speech_verbs", "events.yaml"),
        measure_nouns=_words(events, "measure_nouns", "events.yaml"),
        joining_verbs=_words(events, "joining_verbs", "events.yaml"),
        receiving_verbs=_words(events, "receiving_verbs", "events.yaml"),
        declaring_verbs=_words(events, "declaring_verbs", "events.yaml"),
        asked_things=_words(events, "asked_things", "events.yaml"),
        intent_nouns=_words(events, "intent_nouns", "events.yaml"),
        delegate_nouns=_words(events, "delegate_nouns", "events.yaml"),
        attending_verbs=_words(events, "attending_verbs", "events.yaml"),
        settling_verbs=_words(events, "settling_verbs", "events.yaml"),
        dispute_nouns=_words(events, "dispute_nouns", "events.yaml"),
        brokering_verbs=_words(events, "brokering_verbs", "events.yaml"),
        brokered_nouns=_words(events, "brokered_nouns", "events.yaml"),
        arrival_verbs=_words(events, "arrival_verbs", "events.yaml"),
        journey_verbs=_words(events, "journey_verbs", "events.yaml"),
        sending_verbs=_words(events, "sending_verbs", "events.yaml"),
        statement_nouns=_words(events, "statement_nouns", "events.yaml"),
        announcing_verbs=_words(events, "announcing_verbs", "events.yaml"),
        obligation_modals=_words(events, "obligation_modals", "events.yaml"),
        addressed_modals=_words(events, "addressed_modals", "events.yaml"),
        reversing_verbs=_words(events, "reversing_verbs", "events.yaml"),
        retaliation_verbs=_words(events, "retaliation_verbs", "events.yaml"),
        show_of_force_preps=_words(events, "show_of_force_preps", "events.yaml"),
        exempting_verbs=_words(events, "exempting_verbs", "events.yaml"),
        content_of=frozenset(v.upper() for v in _words(events, "content_of", "events.yaml")),
        categories=categories,
        communication=frozenset(onto.get("communication", [])),
        negation=_words(modality, "negation", "modality.yaml"),
        hypothetical_aux=_words(modality, "hypothetical_aux", "modality.yaml"),
        planned_aux=_words(modality, "planned_aux", "modality.yaml"),
        planned_verbs=_words(modality, "planned_verbs", "modality.yaml"),
        hypothetical_verbs=_words(modality, "hypothetical_verbs", "modality.yaml"),
        wish_verbs=_words(modality, "wish_verbs", "modality.yaml"),
        denial_verbs=_words(modality, "denial_verbs", "modality.yaml"),
        negating_verbs=_words(modality, "negating_verbs", "modality.yaml"),
        hypothetical_modifiers=_words(modality, "hypothetical_modifiers", "modality.yaml"),
        planned_modifiers=_words(modality, "planned_modifiers", "modality.yaml"),
        conditional_marks=_words(modality, "conditional_marks", "modality.yaml"),
        prospect_nouns=_words(modality, "prospect_nouns", "modality.yaml"),
        change_verbs=change_verbs,
        change_nouns=change_nouns,
        role_nouns=_words(changes, "role_nouns", "rolechanges.yaml"),
        naming_verbs=_words(events, "naming_verbs", "events.yaml"),
        disparaging_words=_words(events, "disparaging_words", "events.yaml"),
        wrongdoing_verbs=_words(events, "wrongdoing_verbs", "events.yaml"),
        wrongdoing_objects=_words(events, "wrongdoing_objects", "events.yaml"),
        charge_nouns=_words(events, "charge_nouns", "events.yaml"),
        claim_nouns=_words(events, "claim_nouns", "events.yaml"),
        bidding_verbs=_words(events, "bidding_verbs", "events.yaml"),
        appeal_nouns=_words(events, "appeal_nouns", "events.yaml"),
        lodging_verbs=_words(events, "lodging_verbs", "events.yaml"),
        reacting_verbs=_words(events, "reacting_verbs", "events.yaml"),
        anger_adverbs=_words(events, "anger_adverbs", "events.yaml"),
        answering_verbs=_words(events, "answering_verbs", "events.yaml"),
        interfering_verbs=_words(events, "interfering_verbs", "events.yaml"),
        hoping_verbs=_words(events, "hoping_verbs", "events.yaml"),
        expected_acts=_words(events, "expected_acts", "events.yaml"),
        yielding_verbs=_words(events, "yielding_verbs", "events.yaml"),
        pressing_nouns=_words(events, "pressing_nouns", "events.yaml"),
        opposing_verbs=_words(events, "opposing_verbs", "events.yaml"),
        victim_nouns=_words(events, "victim_nouns", "events.yaml"),
        displeasure_nouns=_words(events, "displeasure_nouns", "events.yaml"),
        concern_nouns=_words(events, "concern_nouns", "events.yaml"),
        approval_nouns=_words(events, "approval_nouns", "events.yaml"),
        place_nouns=_words(events, "place_nouns", "events.yaml"),
        moving_verbs=_words(events, "moving_verbs", "events.yaml"),
        force_nouns=_words(events, "force_nouns", "events.yaml"),
        armed_nouns=_words(events, "armed_nouns", "events.yaml"),
        protest_nouns=_words(events, "protest_nouns", "events.yaml"),
        crowd_nouns=_words(events, "crowd_nouns", "events.yaml"),
        assailed_nouns=_words(events, "assailed_nouns", "events.yaml"),
        frontier_nouns=_words(events, "frontier_nouns", "events.yaml"),
        frontier_preps=_words(events, "frontier_preps", "events.yaml"),
        alert_nouns=_words(events, "alert_nouns", "events.yaml"),
        giving_verbs=_words(events, "giving_verbs", "events.yaml"),
        given_things=_words(events, "given_things", "events.yaml"),
        mission_nouns=_words(events, "mission_nouns", "events.yaml"),
        striking_verbs=_words(events, "striking_verbs", "events.yaml"),
        struck_places=_words(events, "struck_places", "events.yaml"),
        struck_preps=_words(events, "struck_preps", "events.yaml"),
        act_nouns=_words(events, "act_nouns", "events.yaml"),
        view_nouns=_words(events, "view_nouns", "events.yaml"),
        exchange_manners=_words(events, "exchange_manners", "events.yaml"),
        raising_verbs=_words(events, "raising_verbs", "events.yaml"),
        raised_things=_words(events, "raised_things", "events.yaml"),
        conveying_verbs=_words(events, "conveying_verbs", "events.yaml"),
        conveyed_things=_words(events, "conveyed_things", "events.yaml"),
        briefing_verbs=_words(events, "briefing_verbs", "events.yaml"),
        stressing_verbs=_words(events, "stressing_verbs", "events.yaml"),
        stressed_things=_words(events, "stressed_things", "events.yaml"),
    )
