"""Names the NER missed where the document names the person elsewhere (parses built by hand)."""

from __future__ import annotations

import pytest
from hand_docs import hand_doc

from extract.actors import find_actors
from extract.text import Layout

# "Lena Marwick spoke . Tobias Marwick , her brother , agreed . Tobias Marwick left ."
# The NER found both full names once, and missed Tobias's first one.
_TWO_OF_A_SURNAME = """
    Lena     1  compound PROPN NNP Lena    B-PERSON
    Marwick  2  nsubj    PROPN NNP Marwick I-PERSON
    spoke    2  ROOT     VERB  VBD speak
    .        2  punct    PUNCT .   .
    Tobias   5  compound PROPN NNP Tobias
    Marwick  10 nsubj    PROPN NNP Marwick
    ,        5  punct    PUNCT ,   ,
    her      8  poss     PRON  PRP$ her
    brother  5  appos    NOUN  NN  brother
    ,        5  punct    PUNCT ,   ,
    agreed   10 ROOT     VERB  VBD agree
    .        10 punct    PUNCT .   .
    Tobias   13 compound PROPN NNP Tobias  B-PERSON
    Marwick  14 nsubj    PROPN NNP Marwick I-PERSON
    left     14 ROOT     VERB  VBD leave
    .        14 punct    PUNCT .   .
"""

# "Update : Marwick urges voters . Lena Marwick spoke ." - the tagger took the surname of the
# first line for a common noun, and the NER missed it.
_SURNAME_FIRST = """
    Update   3  nsubj    NOUN  NN  update
    :        3  punct    PUNCT :   :
    Marwick  3  nsubj    NOUN  NN  marwick
    urges    3  ROOT     VERB  VBZ urge
    voters   3  dobj     NOUN  NNS voter
    .        3  punct    PUNCT .   .
    Lena     7  compound PROPN NNP Lena    B-PERSON
    Marwick  8  nsubj    PROPN NNP Marwick I-PERSON
    spoke    8  ROOT     VERB  VBD speak
    .        8  punct    PUNCT .   .
"""


def _actor_at(table: str, gazetteer, i: int) -> str | None:
    doc = hand_doc(table)
    index = find_actors(doc, gazetteer, Layout(doc.text))
    key = index.at(doc[i])
    return index.get(key).label if key else None


def test_full_name_the_ner_missed_joins_that_person_not_another_of_the_surname(gazetteer):
    assert _actor_at(_TWO_OF_A_SURNAME, gazetteer, 5) == "Tobias Marwick"
    assert _actor_at(_TWO_OF_A_SURNAME, gazetteer, 4) == "Tobias Marwick"


def test_lone_surname_the_ner_missed_joins_the_one_person_named_in_full(gazetteer):
    assert _actor_at(_SURNAME_FIRST, gazetteer, 2) == "Lena Marwick"


def test_lone_surname_shared_by_two_people_joins_neither(gazetteer):
    # Re-index the second block's heads after the first block's ten tokens.
    rows = [r.split() for r in _TWO_OF_A_SURNAME.strip().splitlines()]
    shifted = "\n".join(" ".join([r[0], str(int(r[1]) + 10), *r[2:]]) for r in rows)
    table = _SURNAME_FIRST + shifted
    assert _actor_at(table, gazetteer, 2) is None


def test_capitalised_word_naming_nobody_is_no_actor(gazetteer):
    assert _actor_at(_SURNAME_FIRST.replace("Marwick  3", "Harlow   3"), gazetteer, 2) is None


# "Lena Marwick spoke . Rivals restrained Marwick ." - the NER gave the last surname a label
# that names no actor.
_SURNAME_MISLABELLED = """
    Lena       1  compound PROPN NNP Lena       B-PERSON
    Marwick    2  nsubj    PROPN NNP Marwick    I-PERSON
    spoke      2  ROOT     VERB  VBD speak
    .          2  punct    PUNCT .   .
    Rivals     5  nsubj    NOUN  NNS rival
    restrained 5  ROOT     VERB  VBD restrain
    Marwick    5  dobj     PROPN NNP Marwick    B-LABEL
    .          5  punct    PUNCT .   .
"""


@pytest.mark.parametrize("label", ["PRODUCT", "WORK_OF_ART"])
def test_lone_surname_the_ner_labelled_no_actor_joins_the_person_named_in_full(gazetteer, label):
    table = _SURNAME_MISLABELLED.replace("LABEL", label)
    assert _actor_at(table, gazetteer, 6) == "Lena Marwick"
