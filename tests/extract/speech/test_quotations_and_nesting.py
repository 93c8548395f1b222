"""Quotation attachment, continued quotations, one statement per speech act, and aboutness,
on sentences written and parsed by hand for the test."""

from __future__ import annotations

import pytest
from handparse import QUOTE_THEN_SAID

# ... then "“Talks went well.”" (tokens 10-15), which no cue attributes.
CONTINUED = """
\u201c  PUNCT ``  punct    12 -
Talks  NOUN  NNS nsubj    12 talk
went   VERB  VBD ROOT     12 go
well   ADV   RB  advmod   12 -
.      PUNCT .   punct    12 -
\u201d  PUNCT ''  punct    12 -
"""
QUOTE_THEN_QUOTE = QUOTE_THEN_SAID + CONTINUED

# The unquoted sentence after a quotation is no continuation of it.
QUOTE_THEN_PLAIN = (
    QUOTE_THEN_SAID
    + """
Talks  NOUN  NNS nsubj    11 talk
went   VERB  VBD ROOT     11 go
well   ADV   RB  advmod   11 -
.      PUNCT .   punct    11 -
"""
)

COORDINATED = """
Anna   PROPN NNP compound 1 -    B-PERSON
Berg   PROPN NNP nsubj    2 -    I-PERSON
said   VERB  VBD ROOT     2 say
prices NOUN  NNS nsubj    4 price
rose   VERB  VBD ccomp    2 rise
and    CCONJ CC  cc       2 -
said   VERB  VBD conj     2 say
talks  NOUN  NNS nsubj    8 talk
resume VERB  VBP ccomp    6 -
.      PUNCT .   punct    2 -
"""


@pytest.mark.parametrize(
    ("table", "cues", "direct"),
    [
        (QUOTE_THEN_QUOTE, ["say", None], [True, True]),
        (QUOTE_THEN_PLAIN, ["say"], [True]),
        (COORDINATED, ["say"], [False]),
    ],
    ids=["quotation-goes-on", "plain-sentence-is-no-continuation", "coordinated-cues-one-act"],
)
def test_statements_of_quotations_and_cues(speech, table, cues, direct):
    found = speech(table)
    assert [s.cue for s in found.statements] == cues
    assert [s.direct for s in found.statements] == direct
    assert {found.label(s.speaker) for s in found.statements} == {"Anna Berg"}


def test_continued_quotation_keeps_its_own_quote(speech):
    first, second = speech(QUOTE_THEN_QUOTE).statements
    assert first.quote == "Prices will rise," and second.quote == "Talks went well."


THE_COUNTRY = """
Peru    PROPN NNP nsubj    1 -    B-GPE
raised  VERB  VBD ROOT     1 raise
output  NOUN  NN  dobj     1 -
.       PUNCT .   punct    1 -
Anna    PROPN NNP compound 5 -    B-PERSON
Berg    PROPN NNP nsubj    6 -    I-PERSON
said    VERB  VBD ROOT     6 say
the     DET   DT  det      8 -
country NOUN  NN  nsubj    10 -
would   AUX   MD  aux      10 -
grow    VERB  VB  ccomp    6 -
.       PUNCT .   punct    6 -
"""

# A title, then a statement whose words name nothing: it is about what the title names.
TITLE_ONLY = """
Peru    PROPN NNP compound 1 -
talks   NOUN  NNS nsubj    2 talk
stall   VERB  VBP ROOT     2 -

Anna    PROPN NNP compound 4 -    B-PERSON
Berg    PROPN NNP nsubj    5 -    I-PERSON
met     VERB  VBD ROOT     5 meet
Peru    PROPN NNP dobj     5 -    B-GPE
.       PUNCT .   punct    5 -
She     PRON  PRP nsubj    9 she
said    VERB  VBD ROOT     9 say
that    SCONJ IN  mark     12 -
we      PRON  PRP nsubj    12 -
are     AUX   VBP ccomp    9 be
hopeful ADJ   JJ  acomp    12 -
.       PUNCT .   punct    9 -
"""


@pytest.mark.parametrize(
    ("table", "about"),
    [(THE_COUNTRY, {"Peru"}), (TITLE_ONLY, {"Peru"})],
    ids=["the-country-is-the-place-just-named", "naming-nothing-is-about-the-title"],
)
def test_statement_is_about(speech, table, about):
    found = speech(table)
    st = found.statements[-1]
    assert found.label(st.speaker) == "Anna Berg"
    assert {found.label(k) for k in st.about} == about
