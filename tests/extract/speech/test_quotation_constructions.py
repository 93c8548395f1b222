"""Quotations and attributions the parser splits or marks unusually, and reporting verbs that
take only a clause or a quotation, on sentences written for the test (model)."""

from __future__ import annotations

import pytest

from extract.quotes import find_quotes


def _said(ex):
    labels = {a.key: a.label for a in ex.actors}
    return [(labels.get(s.speaker, s.speaker), s.cue, s.direct, s.quote) for s in ex.statements]


@pytest.mark.parametrize(
    ("text", "quotes"),
    [
        ("He said, ''This is it,'' and left.", ["''This is it,''"]),
        ("''We agree,'' she said. His ''friends'' came.", ["''We agree,''", "''friends''"]),
        # A doubled apostrophe after a plural possessive opens nothing.
        ("The Joneses'' house stood empty.", []),
    ],
)
def test_doubled_apostrophes_mark_a_quotation(text, quotes):
    assert [text[s:e] for s, e in find_quotes(text)] == quotes


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "said"),
    [
        # Doubled apostrophes (newspaper archive style) quote like double quotation marks.
        (
            "Marta Lindqvist toured the harbour. "
            "''The bridge will reopen in May,'' Lindqvist said.",
            [("Marta Lindqvist", "say", True, "The bridge will reopen in May,")],
        ),
        # A question or exclamation ends the parser's sentence inside the quotation: the
        # attribution that follows alone takes it.
        (
            "Marta Lindqvist toured the harbour. \u201cWho will pay for the bridge?\u201d "
            "Lindqvist said.",
            [("Marta Lindqvist", "say", True, "Who will pay for the bridge?")],
        ),
        # With doubled apostrophes the parser keeps the closing marks with the quotation and
        # the next quotation's opening marks with the attribution: both go to its speaker.
        (
            "Marta Lindqvist toured the harbour. ''Why wait?'' she said. ''The bridge is ready.''",
            [("Marta Lindqvist", "say", True, "Why wait? ... The bridge is ready.")],
        ),
        # The attribution set off by commas after the clause it reports, the commas hung on
        # the verb by the parser.
        (
            "The council will vote on the budget next week, Marta Lindqvist said, "
            "after months of delay.",
            [("Marta Lindqvist", "say", False, None)],
        ),
        # The that-clause hung on the noun of an adjunct ("in a statement that ...").
        (
            "Marta Lindqvist said in a statement that the pier would reopen.",
            [("Marta Lindqvist", "say", False, None)],
        ),
        (
            "Marta Lindqvist insisted in an interview that the fares were fair.",
            [("Marta Lindqvist", "insist", False, None)],
        ),
        # An attribution ending its paragraph with a colon: the next paragraph was said.
        (
            "The harbour reopened after a long winter.\n\nIn a speech on Monday, Marta "
            "Lindqvist said:\n\n\u201cThe pier will reopen.\u201d\n\nThe mayor left.",
            [("Marta Lindqvist", "say", True, "The pier will reopen.")],
        ),
    ],
)
def test_attribution_finds_the_quotation_or_clause_the_parser_split_off(extract_text, text, said):
    assert _said(extract_text(text)) == said


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "cue"),
    [
        (
            "Marta Lindqvist opened the session. "
            "\u201cThe budget is balanced,\u201d she continued.",
            "continue",
        ),
        ("Marta Lindqvist alleged that the contractor had inflated the costs.", "allege"),
        ("Marta Lindqvist shouted that the vote was rigged.", "shout"),
        ("Marta Lindqvist implied that the contractor had lied.", "imply"),
        ("Marta Lindqvist pointed to the rising fares as proof of neglect.", "point to"),
        ("Marta Lindqvist spoke about the rising cost of the ferries.", "speak about"),
    ],
)
def test_verbs_of_the_second_polnear_count_report_speech(extract_text, text, cue):
    assert [(s[0], s[1]) for s in _said(extract_text(text))] == [("Marta Lindqvist", cue)]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        # 'continue' and 'read' report words only with a clause or quotation, not a deed.
        "Marta Lindqvist continued to push for a new bridge.",
        "Marta Lindqvist continued her tour, visiting the docks.",
        "Marta Lindqvist read a book to the children.",
    ],
)
def test_continue_and_read_with_a_deed_are_no_statement(extract_text, text):
    assert _said(extract_text(text)) == []


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "Asked whether the pier would reopen, Marta Lindqvist said no.",
            [("Marta Lindqvist", "say")],
        ),
        (
            "The ferry will run in winter. Marta Lindqvist said so on Monday.",
            [("Marta Lindqvist", "say")],
        ),
        (
            "Anna Berg voted for the plan, and Marta Lindqvist said the same.",
            [("Marta Lindqvist", "say")],
        ),
        # Other verbs of speech take another sense with an object; a date is no object.
        ("The harbour board maintained its fees at six crowns a tonne.", []),
        (
            "The ferry will run in winter, Marta Lindqvist said Monday.",
            [("Marta Lindqvist", "say")],
        ),
    ],
)
def test_say_with_a_word_for_a_clause_reports_speech(extract_text, text, said):
    assert [(who, cue) for who, cue, _, _ in _said(extract_text(text))] == said
