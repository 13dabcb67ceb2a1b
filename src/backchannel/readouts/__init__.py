"""Compare two governments' readouts of the same meeting.

    from backchannel.readouts import ReadoutText, compare_readouts, render_table
    cmp = compare_readouts(ReadoutText(us, label="US"), ReadoutText(cn, label="China"))
    print(render_table(cmp))

Stages are listed in ``compare.py``; records in ``records.py``; the topic
lexicon and claim cues are data (``backchannel/data/readouts/*.yaml``).
Importing this package loads no model: torch and the embedding model are
imported only when a comparison needs them (``embeddings.py``).
"""

from backchannel.readouts.compare import compare_readouts
from backchannel.readouts.embeddings import embeddings_available
from backchannel.readouts.evaluate import AnnotatedPair, Scores, evaluate, load_pairs
from backchannel.readouts.records import (
    Conflict,
    Meeting,
    ReadoutComparison,
    ReadoutText,
    TopicAlignment,
)
from backchannel.readouts.render import render_html, render_json, render_table
from backchannel.readouts.source import read_readout
from backchannel.readouts.text import split_sentences

__all__ = [
    "AnnotatedPair",
    "Conflict",
    "Meeting",
    "ReadoutComparison",
    "ReadoutText",
    "Scores",
    "TopicAlignment",
    "compare_readouts",
    "embeddings_available",
    "evaluate",
    "load_pairs",
    "read_readout",
    "render_html",
    "render_json",
    "render_table",
    "split_sentences",
]
