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
    ],
    ids=[
        "plain-cue-passes",
        "modal-speech-still-to-come",
        "negated-speech",
        "refusal-to-speak",
        "act-verb-passes",
        "reduced-passive-asked",
        "commit-is-never-speech",
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
