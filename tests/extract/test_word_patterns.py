"""WordPatterns finds exactly what spaCy's token Matcher finds for the same patterns."""

from __future__ import annotations

import pytest
import spacy
from spacy.matcher import Matcher
from spacy.tokens import Doc

from extract.text import forget_caches
from extract.word_patterns import WordPatterns

# (words, their POS) written for these tests.
SENTENCES = [
    ("Rules on imports were eased", "NOUN ADP NOUN AUX VERB"),
    ("Rules on Andean imports were eased", "NOUN ADP PROPN NOUN AUX VERB"),
    ("Rules on cheap imports rose", "NOUN ADP ADJ NOUN VERB"),
    ("Rules on many cheap imports rose", "NOUN ADP ADJ ADJ NOUN VERB"),
    ("rules on imports imports", "NOUN ADP ADJ NOUN"),
    ("new rules on", "ADJ NOUN ADP"),
    ("tax on imports and rules on Imports", "NOUN ADP NOUN CCONJ NOUN ADP NOUN"),
    ("the writing off of debt", "DET NOUN ADP ADP NOUN"),
]
# Steps: (lower form, whether one ADJ/PROPN may follow).
PATTERNS = [
    [("rules", False), ("on", True), ("imports", False)],
    [("rules", False), ("on", True), ("imports", False), ("imports", False)],
    [("tax", False), ("on", True), ("imports", False)],
    [("off", True), ("of", True), ("debt", False)],
    [("on", True), ("imports", False)],
]


def _spacy_pattern(steps):
    pattern = []
    for word, optional in steps:
        pattern.append({"LOWER": word})
        if optional:
            pattern.append({"POS": {"IN": ["ADJ", "PROPN"]}, "OP": "?"})
    return pattern


@pytest.mark.parametrize(("text", "pos"), SENTENCES)
def test_word_patterns_match_what_the_token_matcher_matches(text, pos):
    vocab = spacy.blank("en").vocab  # its lexical attributes give lower_
    doc = Doc(vocab, words=text.split(), pos=pos.split())
    ours, theirs = WordPatterns(), Matcher(vocab)
    for n, steps in enumerate(PATTERNS):
        key = vocab.strings.add(f"p{n}")
        ours.add(key, steps)
        theirs.add(f"p{n}", [_spacy_pattern(steps)])
    assert sorted(set(ours(doc))) == sorted(set(theirs(doc)))
    forget_caches(doc)


def test_word_patterns_find_a_modifier_in_the_optional_slot():
    vocab = spacy.blank("en").vocab  # its lexical attributes give lower_
    doc = Doc(vocab, words="Rules on Andean imports".split(), pos="NOUN ADP PROPN NOUN".split())
    patterns = WordPatterns()
    patterns.add(1, [("rules", False), ("on", True), ("imports", False)])
    assert patterns(doc) == [(1, 0, 4)]
    assert len(patterns) == 1
