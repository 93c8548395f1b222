"""Speaker resolvers, each on sentences written and parsed by hand for the test.

Most sentences are "<speaker> said that talks resume." (``said_that``) with the speaker's noun
phrase varied; the table gives what the speaker resolves to.
"""

from __future__ import annotations

import pytest
from handparse import ANNA_BERG, said_that

from extract.records import ActorKind
from extract.speech.speakers import SPEAKERS

PRONOUN_AFTER_NAME = """
Anna    PROPN NNP compound 1 -      B-PERSON
Berg    PROPN NNP nsubj    2 -      I-PERSON
arrived VERB  VBD ROOT     2 arrive
.       PUNCT .   punct    2 -
She     PRON  PRP nsubj    5 she
said    VERB  VBD ROOT     5 say
that    SCONJ IN  mark     8 -
talks   NOUN  NNS nsubj    8 talk
resume  VERB  VBP ccomp    5 -
.       PUNCT .   punct    5 -
"""

# "The ministry said it welcomed talks": the pronoun is the body that reports the clause.
REPORTER_OF = """
Peru     PROPN NNP poss     2 -      B-GPE
's       PART  POS case     0 -
ministry NOUN  NN  nsubj    3 -
said     VERB  VBD ROOT     3 say
it       PRON  PRP nsubj    5 -
welcomed VERB  VBD ccomp    3 welcome
talks    NOUN  NNS dobj     5 talk
.        PUNCT .   punct    3 -
"""

CARMAKER = """
Vexa     PROPN NNP nsubj    1 -      B-ORG
cut      VERB  VBD ccomp    6 -
jobs     NOUN  NNS dobj     1 job
,        PUNCT ,   punct    6 -
the      DET   DT  det      5 -
carmaker NOUN  NN  nsubj    6 -
said     VERB  VBD ROOT     6 say
.        PUNCT .   punct    6 -
"""

APPOSITIVE = """
Chile      PROPN NNP poss     3 -    B-GPE
's         PART  POS case     0 -
chief      ADJ   JJ  amod     3 -
negotiator NOUN  NN  nsubj    V -
,          PUNCT ,   punct    3 -
Pedro      PROPN NNP compound 6 -    B-PERSON
Soto       PROPN NNP appos    3 -    I-PERSON
,          PUNCT ,   punct    3 -
"""

UNNAMED_OFFICER = """
An        DET   DT  det      2 -
ECB       PROPN NNP compound 2 -    B-ORG
spokesman NOUN  NN  nsubj    V -
"""

STATE_NOUN = """
Peru       PROPN NNP poss     2 -    B-GPE
's         PART  POS case     0 -
government NOUN  NN  nsubj    V -
"""

BODY_NOUN = """
Peru     PROPN NNP poss     3 -    B-GPE
's       PART  POS case     0 -
foreign  ADJ   JJ  amod     3 -
ministry NOUN  NN  nsubj    V -
"""

OWNERS_MINISTERS = """
EU        PROPN NNP compound 1 -    B-ORG
ministers NOUN  NNS nsubj    V minister
"""

# "Vexa met Peru. The statement said ...": a text speaks for who last acted (not a place).
DOCUMENT_NOUN = """
Vexa      PROPN NNP nsubj    1 -    B-ORG
met       VERB  VBD ROOT     1 meet
Peru      PROPN NNP dobj     1 -    B-GPE
.         PUNCT .   punct    1 -
The       DET   DT  det      5 -
statement NOUN  NN  nsubj    6 -
said      VERB  VBD ROOT     6 say
that      SCONJ IN  mark     9 -
talks     NOUN  NNS nsubj    9 talk
resume    VERB  VBP ccomp    6 -
.         PUNCT .   punct    6 -
"""

# "Minister Anna Berg arrived. The minister said ...": the person of that known role.
TITLE_BY_ROLE = """
Minister PROPN NNP compound 2 -    B-PERSON
Anna     PROPN NNP compound 2 -    I-PERSON
Berg     PROPN NNP nsubj    3 -    I-PERSON
arrived  VERB  VBD ROOT     3 arrive
.        PUNCT .   punct    3 -
The      DET   DT  det      6 -
minister NOUN  NN  nsubj    7 -
said     VERB  VBD ROOT     7 say
that     SCONJ IN  mark     10 -
talks    NOUN  NNS nsubj    10 talk
resume   VERB  VBP ccomp    7 -
.        PUNCT .   punct    7 -
"""

OWNER = """
Vexa PROPN NNP poss  2 - B-ORG
's   PART  POS case  0 -
unit NOUN  NN  nsubj V -
"""


@pytest.mark.parametrize(
    ("table", "speakers"),
    [
        (said_that(ANNA_BERG), ["Anna Berg"]),
        (said_that("That PRON DT nsubj V that"), []),
        (PRONOUN_AFTER_NAME, ["Anna Berg"]),
        (REPORTER_OF, ["Peru's ministry"]),
        (said_that(APPOSITIVE), ["Pedro Soto"]),
        (said_that("Officials NOUN NNS nsubj V official"), ["officials (unnamed)"]),
        (said_that(STATE_NOUN), ["Peru"]),
        (said_that(BODY_NOUN), ["Peru's foreign ministry"]),
        (CARMAKER, ["Vexa"]),
        (said_that(OWNERS_MINISTERS), ["European Union"]),
        (said_that("Ministers NOUN NNS nsubj V minister"), ["ministers (unnamed)"]),
        (said_that(UNNAMED_OFFICER), ["European Central Bank"]),
        (DOCUMENT_NOUN, ["Vexa"]),
        (TITLE_BY_ROLE, ["Anna Berg"]),
        (said_that(OWNER), ["Vexa"]),
    ],
    ids=[
        "named",
        "not-a-speaker",
        "pronoun",
        "reporter-of-pronoun",
        "appositive-name",
        "anonymous-source",
        "state-noun",
        "body-noun",
        "company-noun",
        "owners-ministers",
        "described-group",
        "title-with-owner",
        "document-noun",
        "title-by-role",
        "owner",
    ],
)
def test_speaker_resolves_to(speech, table, speakers):
    assert [label for label, _ in speech(table).said()] == speakers


def test_anonymous_sources_become_one_typed_actor(speech):
    found = speech(said_that("Officials NOUN NNS nsubj V official"))
    (st,) = found.statements
    assert found.actors[st.speaker].kind is ActorKind.ANONYMOUS


def test_resolvers_run_in_the_documented_order():
    names = SPEAKERS.names()
    # A name decides before any noun class; described groups come only after the rules
    # that give a plural a speaker (anonymous sources, a body's ministers) had their turn.
    assert names.index("named") < names.index("pronoun") < names.index("anonymous source")
    assert names.index("owner's ministers") < names.index("described group") < names.index("title")
