"""The bundled trigger lexicon (``data/events.yaml``) as the extraction reads it."""

from __future__ import annotations

import pytest

from backchannel.errors import KnowledgeBaseError
from backchannel.nlp.lexicon import _listed, lexicon


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
