"""Collective noun phrases: standing groups by name or size, plural offices (no model)."""

from __future__ import annotations

import pytest
from hand_docs import hand_doc
from summit_sentences import token

from extract.groups import number_of, office_holders, standing_group

SEVEN_RICHEST = """
The      3  det     DET    DT   the
seven    3  nummod  NUM    CD   seven
richest  3  amod    ADJ    JJS  rich
nations  4  nsubj   NOUN   NNS  nation
met      4  ROOT    VERB   VBD  meet
.        4  punct   PUNCT  .    .
"""
SEVEN = """
The      2  det     DET    DT   the
seven    2  nummod  NUM    CD   seven
nations  3  nsubj   NOUN   NNS  nation
met      3  ROOT    VERB   VBD  meet
.        3  punct   PUNCT  .    .
"""
PREMIERS = """
Premier   2   compound  PROPN  NNP  premier  B-PERSON
Ann       2   compound  PROPN  NNP  ann      I-PERSON
Lee       8   nsubj     PROPN  NNP  lee      I-PERSON
and       2   cc        CCONJ  CC   and
Premier   6   compound  PROPN  NNP  premier  B-PERSON
Bo        6   compound  PROPN  NNP  bo       I-PERSON
Chen      2   conj      PROPN  NNP  chen     I-PERSON
all       8   advmod    DET    DT   all
arrived   8   ROOT      VERB   VBD  arrive
.         8   punct     PUNCT  .    .
The       11  det       DET    DT   the
premiers  12  nsubj     NOUN   NNS  premier
met       12  ROOT      VERB   VBD  meet
.         12  punct     PUNCT  .    .
"""


@pytest.mark.parametrize(("text", "value"), [("seven", 7), ("20", 20), ("twelve", 12), ("x", None)])
def test_a_count_is_read_from_digits_or_an_english_number_word(text, value):
    assert number_of(hand_doc(f"{text} 0 ROOT NUM CD {text}")[0]) == value


@pytest.mark.parametrize(("rows", "group"), [(SEVEN_RICHEST, "G7"), (SEVEN, None)])
def test_a_counted_qualified_plural_of_states_is_the_standing_group(rows, group):
    assert standing_group(token(hand_doc(rows), "nations")) == group


def test_the_plural_of_an_office_stands_for_its_holders(parsed):
    doc, actors = parsed(PREMIERS)
    holders = office_holders(token(doc, "premiers"), actors)
    assert sorted(actors.get(k).label for k in holders) == ["Ann Lee", "Bo Chen"]
