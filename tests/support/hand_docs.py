"""Parsed Docs built by hand, so a rule that only reads the parse is tested without the model.

A sentence is written one token a line: ``word head dep pos tag lemma [ent]``, ``head`` being
the index of the token's head (its own index for the root) and ``ent`` an IOB tag such as
``B-GPE`` (``O`` when left out)::

    doc = hand_doc('''
        Peru     1 nsubj PROPN NNP Peru    B-GPE
        imposed  1 ROOT  VERB  VBD impose
        tariffs  1 dobj  NOUN  NNS tariff
    ''')
"""

from __future__ import annotations

import datetime as dt

import spacy
from spacy.tokens import Doc

_VOCAB = spacy.blank("en").vocab


def hand_doc(table: str) -> Doc:
    """A Doc with the words, heads, labels, tags, lemmas and entities of ``table``."""
    rows = [line.split() for line in table.strip().splitlines() if line.strip()]
    for n, row in enumerate(rows):
        if len(row) not in (6, 7):
            raise ValueError(f"token {n}: 'word head dep pos tag lemma [ent]', got {row}")
    return Doc(
        _VOCAB,
        words=[r[0] for r in rows],
        heads=[int(r[1]) for r in rows],
        deps=[r[2] for r in rows],
        pos=[r[3] for r in rows],
        tags=[r[4] for r in rows],
        lemmas=[r[5] for r in rows],
        ents=[r[6] if len(r) == 7 else "O" for r in rows],
    )


def hand_context(table: str, gazetteer, published: dt.date | None = None):
    """The :class:`~extract.context.DocContext` of a hand-built Doc."""
    return doc_context(hand_doc(table), gazetteer, published)


def doc_context(doc: Doc, gazetteer, published: dt.date | None = None):
    """The :class:`~extract.context.DocContext` of ``doc`` (hand-built or parsed by the model),
    actors and topics found from its entities and the gazetteer, as the pipeline does."""
    from extract.actors import find_actors
    from extract.context import DocContext
    from extract.text import Layout
    from extract.topics import find_topics

    layout = Layout(doc.text)
    actors = find_actors(doc, gazetteer, layout)
    topics = find_topics(doc, gazetteer, layout)
    return DocContext(doc, layout, actors, topics, published)
