"""Gender agreement: what the text says of a person's sex, on hand-built parses."""

from __future__ import annotations

import pytest
from handparse import context, parse

from extract.gender import agrees, person_sex, pronoun_sex
from extract.records import Mention

# "Mrs Lo met Tom Vale and Reed ."
PEOPLE = """
Mrs   PROPN NNP compound 1 -   O
Lo    PROPN NNP nsubj    2 -   B-PERSON
met   VERB  VBD ROOT     2 meet
Tom   PROPN NNP compound 4 -   B-PERSON
Vale  PROPN NNP dobj     2 -   I-PERSON
and   CCONJ CC  cc       4 -
Reed  PROPN NNP conj     4 -   B-PERSON
.     PUNCT .   punct    2 -
"""


@pytest.fixture
def actors(gazetteer):
    return context(parse(PEOPLE), gazetteer).actors


def _key(actors, label):
    return next(a.key for a in actors.actors if a.label == label)


@pytest.mark.parametrize(
    ("label", "sex"),
    [
        ("Mrs Lo", "female"),  # a form of address before the name
        ("Tom Vale", "male"),  # a first name of lexicons/first_names.tsv
        ("Reed", None),  # nothing said: unknown
    ],
)
def test_a_persons_sex_comes_from_address_or_first_name(actors, label, sex):
    assert person_sex(actors, _key(actors, label)) == sex


@pytest.mark.parametrize(
    ("label", "pronoun", "expected"),
    [
        ("Mrs Lo", "she", True),
        ("Mrs Lo", "he", False),  # a clear conflict
        ("Tom Vale", "his", True),
        ("Tom Vale", "her", False),
        ("Reed", "she", True),  # unknown sex agrees with both
        ("Reed", "he", True),
        ("Tom Vale", "they", True),  # only he/she forms are gendered
    ],
)
def test_only_a_clear_conflict_of_sex_disagrees(actors, label, pronoun, expected):
    assert agrees(actors, _key(actors, label), pronoun) is expected


@pytest.mark.parametrize(
    ("word", "sex"), [("He", "male"), ("herself", "female"), ("it", None), ("they", None)]
)
def test_pronoun_sex(word, sex):
    assert pronoun_sex(word) == sex


def test_a_persons_sex_follows_a_mention_added_after_it_was_read(actors):
    """The answer is kept per Doc, but a mention added later (one after "Mrs") still tells."""
    key = _key(actors, "Reed")
    assert person_sex(actors, key) is None
    actors.get(key).mentions.append(Mention("Lo", 4, 6))  # "Mrs Lo": after a form of address
    assert person_sex(actors, key) == "female"
