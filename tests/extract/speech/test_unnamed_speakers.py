"""Unnamed speakers (groups, roles, shares of people) and coordinated speakers, on sentences
written and parsed by hand for the test: "<speaker> said that talks resume." (``said_that``)
with the speaker's noun phrase varied."""

from __future__ import annotations

import pytest
from handparse import said_that

from extract.records import ActorKind

GROUP = {
    "plural-noun": "Police NOUN NNS nsubj V police",
    "plural-proper-noun": "Republicans PROPN NNPS nsubj V republican",
    "agent-noun-with-modifier": """
Democratic ADJ  JJ  amod  1 - B-NORP
strategists NOUN NNS nsubj V strategist
""",
    "share-of-people": """
63      NUM  CD nummod 1 -
percent NOUN NN nsubj  V -
""",
    "part-of-people": """
Half   NOUN NN  nsubj V -
of     ADP  IN  prep  0 -
voters NOUN NNS pobj  1 voter
""",
    "plural-of-bodies": """
Rights NOUN NNS compound 1 right
groups NOUN NNS nsubj    V group
""",
    "singular-kind-of-person": """
A        DET  DT det   1 -
reporter NOUN NN nsubj V -
""",
}


@pytest.mark.parametrize(
    ("subject", "label"),
    [
        (GROUP["plural-noun"], "police (unnamed)"),
        (GROUP["plural-proper-noun"], "Republicans (unnamed)"),
        (GROUP["agent-noun-with-modifier"], "Democratic strategists (unnamed)"),
        (GROUP["share-of-people"], "63 percent (unnamed)"),
        (GROUP["part-of-people"], "half of voters (unnamed)"),
        (GROUP["plural-of-bodies"], "rights groups (unnamed)"),
        (GROUP["singular-kind-of-person"], "reporter (unnamed)"),
    ],
    ids=list(GROUP),
)
def test_a_described_speaker_is_an_unnamed_actor_labelled_by_its_noun_phrase(
    speech, subject, label
):
    found = speech(said_that(subject))
    (st,) = found.statements
    actor = found.actors[st.speaker]
    assert (actor.label, actor.kind) == (label, ActorKind.ANONYMOUS)


@pytest.mark.parametrize(
    "subject",
    [
        "Prices NOUN NNS nsubj V price",  # a plural noun for things, not people
        """
Both    DET  DT  det   1 both
leaders NOUN NNS nsubj V leader
""",  # people named before, not a group of its own
    ],
    ids=["plural-of-things", "both-of-those-named"],
)
def test_a_plural_that_describes_no_group_of_people_speaks_for_nobody(speech, subject):
    assert speech(said_that(subject)).statements == []


ROLE_OF_FIRM = """
Vexa   PROPN NNP poss  2 - B-ORG
's     PART  POS case  0 -
lawyer NOUN  NN  nsubj V -
"""

ROLE_OF_STATE = """
Peru      PROPN NNP compound 1 - B-GPE
officials NOUN  NNS nsubj    V official
"""

ROLE_OF_PRONOUN = """
Anna    PROPN NNP  compound 1 -      B-PERSON
Berg    PROPN NNP  nsubj    2 -      I-PERSON
arrived VERB  VBD  ROOT     2 arrive
.       PUNCT .    punct    2 -
Her     PRON  PRP$ poss     5 her
lawyer  NOUN  NN   nsubj    6 -
said    VERB  VBD  ROOT     6 say
that    SCONJ IN   mark     9 -
talks   NOUN  NNS  nsubj    9 talk
resume  VERB  VBP  ccomp    6 -
.       PUNCT .    punct    6 -
"""


@pytest.mark.parametrize(
    ("table", "label", "owner"),
    [
        (said_that(ROLE_OF_FIRM), "Vexa's lawyer (unnamed)", "Vexa"),
        (said_that(ROLE_OF_STATE), "Peru officials (unnamed)", "Peru"),
        (ROLE_OF_PRONOUN, "Anna Berg's lawyer (unnamed)", "Anna Berg"),
    ],
    ids=["possessive-name", "compound-state", "possessive-pronoun"],
)
def test_an_unnamed_role_belongs_to_the_actor_its_modifier_names(speech, table, label, owner):
    found = speech(table)
    (st,) = found.statements
    actor = found.actors[st.speaker]
    assert actor.label == label
    assert found.label(actor.affiliation) == owner


def _two_sentences(first: str, second: str) -> str:
    one = said_that(first).splitlines()
    two = said_that(second).splitlines()
    shift = len(one)
    moved = []
    for row in two:
        cols = row.split()
        cols[4] = str(int(cols[4]) + shift)
        moved.append(" ".join(cols))
    return "\n".join(one + moved)


@pytest.mark.parametrize(
    ("first", "second", "actors"),
    [
        ("Police NOUN NNS nsubj V police", "Police NOUN NNS nsubj V police", 1),
        ("Police NOUN NNS nsubj V police", "Prosecutors NOUN NNS nsubj V prosecutor", 2),
    ],
    ids=["same-description-one-actor", "other-description-other-actor"],
)
def test_one_unnamed_actor_per_description_in_a_document(speech, first, second, actors):
    found = speech(_two_sentences(first, second))
    assert len(found.statements) == 2
    assert len({st.speaker for st in found.statements}) == actors


NAMES_COORDINATED = """
Anna  PROPN NNP compound 1 - B-PERSON
Berg  PROPN NNP nsubj    V - I-PERSON
and   CCONJ CC  cc       1 -
Pedro PROPN NNP compound 4 - B-PERSON
Soto  PROPN NNP conj     1 - I-PERSON
"""

GROUPS_COORDINATED = """
Traders  NOUN  NNS nsubj V trader
and      CCONJ CC  cc    0 -
analysts NOUN  NNS conj  0 analyst
"""


@pytest.mark.parametrize(
    ("subject", "speakers"),
    [
        (NAMES_COORDINATED, ["Anna Berg", "Pedro Soto"]),
        (GROUPS_COORDINATED, ["traders (unnamed)"]),
    ],
    ids=["each-name-says-it", "unnamed-groups-speak-once"],
)
def test_coordinated_speakers(speech, subject, speakers):
    assert sorted(label for label, _ in speech(said_that(subject)).said()) == speakers
