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


# Verbs added to reporting_verbs.tsv from the PolNeAR train count: each reports speech with a
# clause, an infinitive or (frame "act") an object that is what was said.
@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Marta Lindqvist promised to lower the ferry fares.", "promise"),
        ("Marta Lindqvist vowed that the harbour would stay open.", "vow"),
        ("Marta Lindqvist pledged to rebuild the pier.", "pledge"),
        ("Marta Lindqvist concluded that the audit was flawed.", "conclude"),
        ("Marta Lindqvist threatened to close the harbour.", "threaten"),
        ("Marta Lindqvist cited the audit as proof of waste.", "cite"),
        ("Marta Lindqvist questioned the cost of the new pier.", "question"),
        ("Marta Lindqvist proposed a toll on the bridge.", "propose"),
        ("Marta Lindqvist denounced the ferry contract.", "denounce"),
        ("Marta Lindqvist expressed support for the harbour plan.", "express"),
        ("Marta Lindqvist touted the new ferry timetable.", "tout"),
    ],
)
def test_verbs_counted_in_polnear_train_report_speech(extract_text, text, cue):
    assert _said(extract_text(text)) == [("Marta Lindqvist", cue)]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Rebels attacked the town before dawn.",
        "Marta Lindqvist requested anonymity because she was not allowed to speak.",
        "Marta Lindqvist called a snap election.",
        "Prosecutors charged Marta Lindqvist with fraud.",
        "Marta Lindqvist was questioned by police.",
    ],
)
def test_reporting_verb_with_a_deed_object_is_no_statement(extract_text, text):
    assert _said(extract_text(text)) == []


@pytest.mark.model
def test_pledge_inside_another_speakers_clause_is_that_speakers_statement(extract_text):
    ex = extract_text("Marta Lindqvist said the council had vowed to rebuild the pier.")
    assert _said(ex) == [("Marta Lindqvist", "say")]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "Marta Lindqvist criticized the ferry contract, saying it wasted money.",
            [("Marta Lindqvist", "criticize"), ("Marta Lindqvist", "say")],
        ),
        # Coordinated cues of one speaker stay one statement.
        (
            "Marta Lindqvist said the pier was safe and said it would reopen.",
            [("Marta Lindqvist", "say")],
        ),
    ],
)
def test_participle_after_a_comma_is_a_cue_of_its_own(extract_text, text, said):
    assert _said(extract_text(text)) == said
