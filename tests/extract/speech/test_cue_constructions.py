"""Reporting constructions beyond "X said ...", on sentences written for the test (model)."""

from __future__ import annotations

import pytest


def _said(ex):
    labels = {a.key: a.label for a in ex.actors}
    return [(labels.get(s.speaker, s.speaker), s.cue) for s in ex.statements]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "Marta Lindqvist was quoted as saying the bridge would reopen.",
            [("Marta Lindqvist", "say")],
        ),
        (
            'Marta Lindqvist was quoted by the Harbour Gazette as saying: "We reopen in May."',
            [("Marta Lindqvist", "say")],
        ),
        (
            "The Harbour Gazette quoted Marta Lindqvist as saying the bridge would reopen.",
            [("Marta Lindqvist", "say")],
        ),
        ("Marta Lindqvist was quoted as calling the delay absurd.", [("Marta Lindqvist", "call")]),
    ],
)
def test_who_is_quoted_as_saying_speaks_not_who_quotes(extract_text, text, said):
    assert _said(extract_text(text)) == said


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("The bridge, Marta Lindqvist said, would reopen in May.", [("Marta Lindqvist", "say")]),
        ("Too often, Marta Lindqvist argued, the council waits.", [("Marta Lindqvist", "argue")]),
        # Commas around a verb that reports nothing are no parenthetical speech.
        ("The bridge, which Marta Lindqvist built, reopened in May.", []),
    ],
)
def test_reporting_verb_between_commas_reports_the_clause_around_it(extract_text, text, said):
    assert _said(extract_text(text)) == said


@pytest.mark.model
def test_parenthetical_content_is_the_clause_without_the_attribution(extract_text):
    (st,) = extract_text("The bridge, Marta Lindqvist said, would reopen in May.").statements
    assert "reopen" in st.evidence.sentence and st.quote is None
