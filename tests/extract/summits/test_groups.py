"""Collective noun phrases: standing groups by name or size, plural offices (no model)."""

from __future__ import annotations

import pytest
from hand_parse import hand_doc, token

from extract.groups import number_of, office_holders, standing_group

SEVEN_RICHEST = """
The      DT   det     3
seven    CD   nummod  3
richest  JJS  amod    3  rich
nations  NNS  nsubj   4  nation
met      VBD  ROOT    4  meet
.        .    punct   4
"""
SEVEN = """
The      DT   det     2
seven    CD   nummod  2
nations  NNS  nsubj   3  nation
met      VBD  ROOT    3  meet
.        .    punct   3
"""
PREMIERS = """
Premier  NNP  compound  2  -      PERSON
Ann      NNP  compound  2  -      PERSON
Lee      NNP  nsubj     8  -      PERSON
and      CC   cc        2
Premier  NNP  compound  6  -      PERSON
Bo       NNP  compound  6  -      PERSON
Chen     NNP  conj      2  -      PERSON
all      DT   advmod    8
arrived  VBD  ROOT      8  arrive
.        .    punct     8
The      DT   det       11
premiers NNS  nsubj     12 premier
met      VBD  ROOT      12 meet
.        .    punct     12
"""


@pytest.mark.parametrize(("text", "value"), [("seven", 7), ("20", 20), ("twelve", 12), ("x", None)])
def test_a_count_is_read_from_digits_or_an_english_number_word(text, value):
    assert number_of(hand_doc(f"{text} CD ROOT 0")[0]) == value


@pytest.mark.parametrize(("rows", "group"), [(SEVEN_RICHEST, "G7"), (SEVEN, None)])
def test_a_counted_qualified_plural_of_states_is_the_standing_group(rows, group):
    assert standing_group(token(hand_doc(rows), "nations")) == group


def test_the_plural_of_an_office_stands_for_its_holders(parsed):
    doc, actors = parsed(PREMIERS)
    holders = office_holders(token(doc, "premiers"), actors)
    assert sorted(actors.get(k).label for k in holders) == ["Ann Lee", "Bo Chen"]
