"""Someone asked to come or return for discussions: the one asked takes part (the object of
"ask" does what it is asked to), the discussions are yet to come, and discussions of people
only are a meeting (sentences written for the test; the model parses them)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The ministry has asked Ambassador Anna Lindqvist to return from Nairobi for"
            " discussions.",
            [("Meeting", ["Anna Lindqvist"], None, "planned")],
        ),
        (
            "Joe Biden urged Olaf Scholz to come to Washington for talks with Justin Trudeau.",
            [("Talks", ["Justin Trudeau", "Olaf Scholz"], None, "planned")],
        ),
    ],
)
def test_who_is_asked_to_come_for_discussions_takes_part_later(read_summits, text, expected):
    assert read_summits(text) == expected


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Olaf Scholz held discussions with Justin Trudeau on Monday.", "Meeting"),
        ("Angela Merkel had discussions with Justin Trudeau on Monday.", "Meeting"),
        ("Germany began discussions with Canada on Monday.", "Talks"),  # states: talks
    ],
)
def test_discussions_of_people_only_are_a_meeting(read_summits, text, kind):
    assert [f[0] for f in read_summits(text)] == [kind]
