"""Discourse: the most recent actor of the right sort, on hand-built parses."""

from __future__ import annotations

import pytest
from handparse import context, parse

from extract.discourse import (
    GROUP_PRONOUNS,
    PERSONAL_PRONOUNS,
    SubjectMemory,
    antecedent,
    latest_named,
    mentions_before,
)
from extract.records import ActorKind

# "Anna Berg met Vexa in Peru. She said it grew."
TWO_SENTENCES = """
Anna   PROPN NNP compound 1 -    B-PERSON
Berg   PROPN NNP nsubj    2 -    I-PERSON
met    VERB  VBD ROOT     2 meet
Vexa   PROPN NNP dobj     2 -    B-ORG
in     ADP   IN  prep     2 -
Peru   PROPN NNP pobj     4 -    B-GPE
.      PUNCT .   punct    2 -
She    PRON  PRP nsubj    8 she
said   VERB  VBD ROOT     8 say
it     PRON  PRP nsubj    10 -
grew   VERB  VBD ccomp    8 grow
.      PUNCT .   punct    8 -
"""


@pytest.fixture
def ctx(gazetteer):
    return context(parse(TWO_SENTENCES), gazetteer)


def _label(ctx, key):
    return next(a.label for a in ctx.actors.actors if a.key == key)


def test_mentions_before_are_nearest_first(ctx):
    doc = ctx.doc
    got = [(t.text, _label(ctx, k)) for t, k in mentions_before(ctx.actors, doc[7], 10)]
    assert got == [("Peru", "Peru"), ("Vexa", "Vexa"), ("Berg", "Anna Berg"), ("Anna", "Anna Berg")]


@pytest.mark.parametrize(
    ("token", "persons", "expected"),
    [
        (7, True, "Anna Berg"),  # "She": the person, who was the subject
        (9, False, "Peru"),  # "it": the nearest non-person; a state is "it" too
    ],
)
def test_antecedent_of_a_pronoun(ctx, token, persons, expected):
    assert _label(ctx, antecedent(ctx.actors, ctx.doc[token], persons=persons)) == expected


def test_latest_named_of_some_kinds(ctx):
    orgs = (ActorKind.ORGANIZATION,)
    assert _label(ctx, latest_named(ctx.actors, len(ctx.text), orgs)) == "Vexa"
    assert latest_named(ctx.actors, 5, orgs) is None  # nothing named yet
    assert latest_named(ctx.actors, len(ctx.text), orgs, fits=lambda label: "z" in label) is None


def test_subject_memory_gives_the_latest_subject_of_the_sort(ctx):
    memory = SubjectMemory(ctx.doc, ctx.actors)
    for sent in ctx.doc.sents:
        memory.remember_subjects(sent, ())
    she, it = ctx.doc[7], ctx.doc[9]
    assert memory.recent(it, persons=True) == memory.recent(she, persons=True)
    assert _label(ctx, memory.recent(she, persons=True)) == "Anna Berg"
    assert memory.recent(she, persons=False) is None  # no non-person was a subject


def test_pronoun_classes_come_from_the_lexicon():
    assert {"he", "she", "his", "herself"} <= PERSONAL_PRONOUNS
    assert {"it", "its", "they", "them"} <= GROUP_PRONOUNS
    assert not PERSONAL_PRONOUNS & GROUP_PRONOUNS
