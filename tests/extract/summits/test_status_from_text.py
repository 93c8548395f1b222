"""Summit status read from the text itself: progressive aspect, participle cues and date words
that need no publication date (sentences written for the test; the model parses them)."""

from __future__ import annotations

import datetime as dt

import pytest

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "date", "status"),
    [
        # progressive aspect: past is over, present goes on, even under the cue verb "hold"
        ("Olaf Scholz was speaking at a meeting of NATO defence ministers.", None, "held"),
        ("European Union leaders are holding talks in Oslo on fishing quotas.", None, "ongoing"),
        ("European Union leaders held talks in Oslo on fishing quotas.", None, "held"),
        # a cue participle on the summit noun: "a meeting scheduled for ..."
        (
            "Oil could climb after an OPEC meeting scheduled for early May.",
            dt.date(2023, 6, 7),
            "planned",
        ),
        # "opened talks" leaves them going on
        ("Angela Merkel opened talks with Emmanuel Macron on the budget.", None, "ongoing"),
        # a present tense with a date is a scheduled event, with or without a publication date
        (
            "European Union finance ministers meet on Thursday to discuss fishing quotas.",
            None,
            "planned",
        ),
        ("OPEC is likely to keep output unchanged when it meets next week.", None, "planned"),
        # no publication date: the date's own words place it
        ("Angela Merkel met Emmanuel Macron last week.", None, "held"),
        # what is prepared for is yet to come, whatever the tense of the preparing
        ("NATO ministers gathered to prepare for a summit of the G20.", None, "planned"),
        # an infinitive of a held cue completes the verb before it: the returning comes later
        (
            "The ministry asked Ambassador Anna Lindqvist to return for talks with Olaf Scholz.",
            None,
            "planned",
        ),
    ],
)
def test_status_read_from_aspect_cues_and_date_words(extract_text, text, date, status):
    found = extract_text(text, date).summits
    assert [s.status for s in found] == [status]
