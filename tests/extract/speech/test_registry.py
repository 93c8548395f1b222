"""The speech registries: constructions, guards and resolvers in order, each documented."""

from __future__ import annotations

import re

import pytest

import extract.speech  # noqa: F401  (registers the rules)
from extract.speech.cues import CONSTRUCTIONS
from extract.speech.guards import GUARDS
from extract.speech.speakers import SPEAKERS


def test_specific_constructions_are_tried_before_the_plain_reporting_verb():
    assert CONSTRUCTIONS.names() == (
        "according to",
        "quoted as saying",
        "parenthetical",
        "reporting verb",
    )


@pytest.mark.parametrize("c", list(CONSTRUCTIONS), ids=CONSTRUCTIONS.names())
def test_each_construction_says_what_it_reads_with_an_example_sentence(c):
    assert c.reads and "\n" not in c.reads
    assert re.fullmatch(r"[A-Z].+[.!?\u201d\"]", c.example)


@pytest.mark.parametrize("rule", [*SPEAKERS, *GUARDS], ids=[*SPEAKERS.names(), *GUARDS.names()])
def test_each_rule_has_a_one_line_docstring_with_an_example(rule):
    doc = (rule.__doc__ or "").strip()
    assert doc and "\n" not in doc
    assert re.search(r'"[^"]+"', doc), "the docstring quotes an example sentence"


# The cue each construction's own example must give (every construction is listed).
EXAMPLE_CUES = {
    "according to": "according to",
    "quoted as saying": "say",
    "parenthetical": "say",
    "reporting verb": "say",
}


def test_every_construction_has_its_example_cue_listed():
    assert sorted(EXAMPLE_CUES) == sorted(CONSTRUCTIONS.names())


@pytest.mark.model
@pytest.mark.parametrize(("name", "cue"), EXAMPLE_CUES.items())
def test_each_construction_reads_its_own_example(extract_text, name, cue):
    (st,) = extract_text(CONSTRUCTIONS[name].example).statements
    assert st.cue == cue
