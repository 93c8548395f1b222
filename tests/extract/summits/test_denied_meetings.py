"""A meeting the text says there is none of, or that nobody is said to hold, is no summit, and a
later one is its own ("there were no plans for an emergency meeting ... the planned meeting of
the committee"); sentences written for the test, parsed by the model."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    "text",
    [
        "The minister said there were no plans for an emergency NATO meeting.",
        "There will be no meeting between Joe Biden and Xi Jinping this year.",
    ],
)
def test_a_meeting_there_is_none_of_is_no_summit(read_summits, text):
    assert read_summits(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The minister said there were no plans for an emergency NATO meeting. He said the"
            " planned meeting of NATO's budget committee had been moved to April.",
            [("Meeting", ["North Atlantic Treaty Organisation"], None, "planned")],
        ),
        # a meeting that is there stays one
        (
            "There will be a meeting between Joe Biden and Xi Jinping this year.",
            [("Meeting", ["Joe Biden", "Xi Jinping"], None, "planned")],
        ),
    ],
)
def test_a_meeting_after_a_denied_one_is_its_own(read_summits, text, expected):
    assert read_summits(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # the talks are the subject of "be": nobody is said to hold them
        "Negotiations on Kenya's debt are a matter for the banks, the spokesman said.",
        "Talks on Peru's fishing rights were a concern for the ministry.",
    ],
)
def test_talks_that_are_the_subject_of_be_name_no_party(read_summits, text):
    assert read_summits(text) == []
