"""Reporting constructions, each on sentences written and parsed by hand for the test."""

from __future__ import annotations

import pytest
from handparse import ANNA_BERG, QUOTE_THEN_SAID, said_that

ACCORDING_AFTER = """
Prices    NOUN  NNS nsubj    2 price
will      AUX   MD  aux      2 -
rise      VERB  VB  ROOT     2 -
,         PUNCT ,   punct    2 -
according VERB  VBG prep     2 accord
to        ADP   IN  prep     4 -
Anna      PROPN NNP compound 7 -      B-PERSON
Berg      PROPN NNP pobj     5 -      I-PERSON
.         PUNCT .   punct    2 -
"""

ACCORDING_FIRST = """
According VERB  VBG prep     6 accord
to        ADP   IN  prep     0 -
Anna      PROPN NNP compound 3 -      B-PERSON
Berg      PROPN NNP pobj     1 -      I-PERSON
,         PUNCT ,   punct    6 -
prices    NOUN  NNS nsubj    6 price
rose      VERB  VBD ROOT     6 rise
.         PUNCT .   punct    6 -
"""

# "according to" inside what someone else said is part of that statement.
ACCORDING_NESTED = """
Anna      PROPN NNP compound 1 -      B-PERSON
Berg      PROPN NNP nsubj    2 -      I-PERSON
said      VERB  VBD ROOT     2 say
prices    NOUN  NNS nsubj    10 price
,         PUNCT ,   punct    10 -
according VERB  VBG prep     10 accord
to        ADP   IN  prep     5 -
Omar      PROPN NNP compound 8 -      B-PERSON
Haddad    PROPN NNP pobj     6 -      I-PERSON
,         PUNCT ,   punct    10 -
rose      VERB  VBD ccomp    2 rise
.         PUNCT .   punct    2 -
"""

QUOTE_FIRST = QUOTE_THEN_SAID

# An object is what was said for verbs of the "act" frame only.
STRESSED_OBJECT = """
Anna        PROPN NNP compound 1 -   B-PERSON
Berg        PROPN NNP nsubj    2 -   I-PERSON
stressed    VERB  VBD ROOT     2 stress
cooperation NOUN  NN  dobj     2 -
.           PUNCT .   punct    2 -
"""
# "Say" alone takes a word for a clause as its object ("said no"); other verbs of speech do not.
SAID_OBJECT = STRESSED_OBJECT.replace(
    "stressed    VERB  VBD ROOT     2 stress", "added VERB VBD ROOT 2 add"
)

RELAYED = """
Reuters     PROPN NNP nsubj    1 -   B-ORG
said        VERB  VBD ROOT     1 say
Anna        PROPN NNP compound 3 -   B-PERSON
Berg        PROPN NNP nsubj    4 -   I-PERSON
stressed    VERB  VBD ccomp    1 stress
cooperation NOUN  NN  dobj     4 -
.           PUNCT .   punct    1 -
"""


@pytest.mark.parametrize(
    ("table", "said", "direct"),
    [
        (ACCORDING_AFTER, [("Anna Berg", "according to")], [False]),
        (ACCORDING_FIRST, [("Anna Berg", "according to")], [False]),
        (ACCORDING_NESTED, [("Anna Berg", "say")], [False]),
        (said_that(ANNA_BERG), [("Anna Berg", "say")], [False]),
        (QUOTE_FIRST, [("Anna Berg", "say")], [True]),
        (STRESSED_OBJECT, [("Anna Berg", "stress")], [False]),
        (SAID_OBJECT, [], []),
    ],
    ids=[
        "according-to-after",
        "according-to-first",
        "according-to-inside-another-statement",
        "said-that",
        "quote-then-said",
        "act-verb-object-is-content",
        "speech-verb-object-is-not",
    ],
)
def test_reporting_construction_reads_speaker_and_cue(speech, table, said, direct):
    found = speech(table)
    assert found.said() == said
    assert [s.direct for s in found.statements] == direct


def test_according_to_content_is_the_rest_of_the_sentence(speech):
    (st,) = speech(ACCORDING_AFTER).statements
    assert st.evidence.sentence == "Prices will rise, according to Anna Berg."
    assert st.quote is None


def test_quoted_words_are_the_statement_quote(speech):
    (st,) = speech(QUOTE_FIRST).statements
    assert st.quote == "Prices will rise,"


def test_news_agency_relays_the_inner_speaker(speech):
    found = speech(RELAYED)
    (st,) = found.statements
    assert found.label(st.speaker) == "Anna Berg"
    assert found.label(st.reported_by) == "Reuters"
