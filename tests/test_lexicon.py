"""The bundled trigger lexicon (``data/events.yaml``) as the extraction reads it."""

from __future__ import annotations

import pytest

from backchannel.errors import KnowledgeBaseError
from backchannel.nlp.lexicon import Category, _listed, _object_types, lexicon


def test_a_word_yaml_reads_as_a_boolean_is_an_error_not_a_word_lost() -> None:
    # an unquoted `on` in a YAML list is the boolean true: "put X on the list" was lost so
    with pytest.raises(KnowledgeBaseError, match=r"trigger 'put'.*'preps' must be a list"):
        _listed({"preps": [True]}, "preps", "put")


def test_every_trigger_word_list_holds_words() -> None:
    lex = lexicon()
    assert "on" in lex.verbs["put"].preps and "on" in lex.verbs["place"].preps
    for trigger in [*lex.verbs.values(), *lex.nouns.values()]:
        for words in (trigger.objects, trigger.preps, trigger.not_preps, trigger.place_preps):
            assert all(isinstance(w, str) and w for w in words), trigger.lemma


def test_an_object_that_makes_a_verb_another_category_is_one_of_its_objects() -> None:
    suspend = lexicon().verbs["suspend"]
    assert "relations" in suspend.objects
    assert suspend.for_object("relations").type == "SANCTION"
    assert suspend.for_object("tariffs").type == "RETREAT"


def test_an_object_type_outside_the_ontology_is_an_error() -> None:
    categories = {"SANCTION": Category("SANCTION", 0.0, 0, {})}
    with pytest.raises(KnowledgeBaseError, match=r"trigger 'suspend'.*'SANCTIONS'"):
        _object_types({"object_types": {"ties": "SANCTIONS"}}, "suspend", categories)
