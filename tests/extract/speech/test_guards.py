"""Guards: cues that are not speech, on sentences written and parsed by hand for the test."""

from __future__ import annotations

import pytest

ANNOUNCED = """
Anna     PROPN NNP compound 1 -        B-PERSON
Berg     PROPN NNP nsubj    2 -        I-PERSON
announced VERB VBD ROOT     2 announce
that     SCONJ IN  mark     5 -
talks    NOUN  NNS nsubj    5 talk
resume   VERB  VBP ccomp    2 -
.        PUNCT .   punct    2 -
"""

WILL_ANNOUNCE = """
Anna     PROPN NNP compound 1 -        B-PERSON
Berg     PROPN NNP nsubj    3 -        I-PERSON
will     AUX   MD  aux      3 -
announce VERB  VB  ROOT     3 -
that     SCONJ IN  mark     6 -
talks    NOUN  NNS nsubj    6 talk
resume   VERB  VBP ccomp    3 -
.        PUNCT .   punct    3 -
"""

DID_NOT_SAY = """
Anna     PROPN NNP compound 1 -        B-PERSON
Berg     PROPN NNP nsubj    4 -        I-PERSON
did      AUX   VBD aux      4 do
not      PART  RB  neg      4 -
say      VERB  VB  ROOT     4 -
that     SCONJ IN  mark     7 -
talks    NOUN  NNS nsubj    7 talk
resume   VERB  VBP ccomp    4 -
.        PUNCT .   punct    4 -
"""

DECLINED_TO_COMMENT = """
Anna     PROPN NNP compound 1 -        B-PERSON
Berg     PROPN NNP nsubj    2 -        I-PERSON
declined VERB  VBD ROOT     2 decline
to       PART  TO  aux      4 -
comment  VERB  VB  xcomp    2 -
.        PUNCT .   punct    2 -
"""

ASKED = """
Anna     PROPN NNP compound 1 -        B-PERSON
Berg     PROPN NNP nsubj    2 -        I-PERSON
asked    VERB  VBD ROOT     2 ask
about    ADP   IN  prep     2 -
prices   NOUN  NNS pobj     3 price
.        PUNCT .   punct    2 -
"""

# "Asked about prices, Anna Berg smiled.": who was asked does not speak by being asked.
ASKED_REDUCED = """
Asked    VERB  VBN advcl    5 ask
about    ADP   IN  prep     0 -
prices   NOUN  NNS pobj     1 price
,        PUNCT ,   punct    5 -
Anna     PROPN NNP compound 5 -        B-PERSON
Berg     PROPN NNP nsubj    6 -        I-PERSON
smiled   VERB  VBD ROOT     6 smile
.        PUNCT .   punct    6 -
"""

COMMITTED = """
Anna     PROPN NNP compound 1 -        B-PERSON
Berg     PROPN NNP nsubj    3 -        I-PERSON
has      AUX   VBZ aux      3 have
committed VERB VBN ROOT     3 commit
to       ADP   IN  prep     3 -
talks    NOUN  NNS pobj     4 talk
.        PUNCT .   punct    3 -
"""

# "Reminded that talks resume, Anna Berg said prices rose.": the tagger's past tense for the
# clause-initial participle; who was reminded does not speak by being reminded.
REMINDED_AS_PAST = """
Reminded VERB  VBD advcl    7 remind
that     SCONJ IN  mark     3 -
talks    NOUN  NNS nsubj    3 talk
resume   VERB  VBP ccomp    0 -
,        PUNCT ,   punct    7 -
Anna     PROPN NNP compound 6 -        B-PERSON
Berg     PROPN NNP nsubj    7 -        I-PERSON
said     VERB  VBD ROOT     7 say
prices   NOUN  NNS nsubj    9 price
rose     VERB  VBD ccomp    7 rise
.        PUNCT .   punct    7 -
"""

# "Anna Berg, who asked not to be named, said prices rose.": a request for anonymity.
ASKED_NOT_TO_BE_NAMED = """
Anna     PROPN NNP compound 1 -        B-PERSON
Berg     PROPN NNP nsubj    10 -       I-PERSON
,        PUNCT ,   punct    1 -
who      PRON  WP  nsubj    4 -
asked    VERB  VBD relcl    1 ask
not      PART  RB  neg      8 -
to       PART  TO  aux      8 -
be       AUX   VB  auxpass  8 be
named    VERB  VBN xcomp    4 name
,        PUNCT ,   punct    1 -
said     VERB  VBD ROOT     10 say
prices   NOUN  NNS nsubj    12 price
rose     VERB  VBD ccomp    10 rise
.        PUNCT .   punct    10 -
"""


@pytest.mark.parametrize(
    ("table", "statements", "non_statements"),
    [
        (ANNOUNCED, ["announce"], []),
        (WILL_ANNOUNCE, [], []),
        (DID_NOT_SAY, [], ["say"]),
        (DECLINED_TO_COMMENT, [], ["comment"]),
        (ASKED, ["ask"], []),
        (ASKED_REDUCED, [], []),
        (COMMITTED, [], []),
        (REMINDED_AS_PAST, ["say"], []),
        (ASKED_NOT_TO_BE_NAMED, ["say"], []),
    ],
    ids=[
        "plain-cue-passes",
        "modal-speech-still-to-come",
        "negated-speech",
        "refusal-to-speak",
        "act-verb-passes",
        "reduced-passive-asked",
        "commit-is-never-speech",
        "reduced-passive-tagged-past",
        "request-for-anonymity",
    ],
)
def test_guard_blocks_what_is_not_speech(speech, table, statements, non_statements):
    found = speech(table)
    assert [s.cue for s in found.statements] == statements
    assert [s.cue for s in found.non_statements] == non_statements
    assert all(found.label(s.speaker) == "Anna Berg" for s in found.non_statements)


def test_negated_commitment_is_a_non_statement_about_its_object(speech):
    table = """
Anna      PROPN NNP compound 1 -     B-PERSON
Berg      PROPN NNP nsubj    4 -     I-PERSON
has       AUX   VBZ aux      4 have
not       PART  RB  neg      4 -
committed VERB  VBN ROOT     4 commit
to        ADP   IN  prep     4 -
tariffs   NOUN  NNS pobj     5 tariff
.         PUNCT .   punct    4 -
"""
    found = speech(table)
    assert found.statements == []
    (ns,) = found.non_statements
    assert ns.cue == "commit" and ns.about and found.label(ns.speaker) == "Anna Berg"
