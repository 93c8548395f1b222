"""Visitors named together: the host state stays a party when the people are all the visiting
subject, and "their" in the visit's clause is that subject (sentences written for the test;
the model parses them)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Olaf Scholz and Annalena Baerbock visited Tokyo on Monday.",
            [("Visit", ["Annalena Baerbock", "Japan", "Olaf Scholz"], "Tokyo", "held")],
        ),
        # "their trip" is the subject's own: no second visit of someone else
        (
            "Olaf Scholz and Annalena Baerbock visited Tokyo as part of their trip.",
            [("Visit", ["Annalena Baerbock", "Japan", "Olaf Scholz"], "Tokyo", "held")],
        ),
    ],
)
def test_coordinated_visitors_keep_the_host_state(read_summits, text, expected):
    assert read_summits(text) == expected


@pytest.mark.parametrize(
    ("text", "people"),
    [
        # a visit to a person: the leaders are the parties, the state only the place
        (
            "Fumio Kishida's visit to Joe Biden in Washington went well.",
            ["Fumio Kishida", "Joe Biden"],
        ),
    ],
)
def test_a_visit_to_a_leader_is_between_the_leaders(read_summits, text, people):
    assert [f[1] for f in read_summits(text)] == [people]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Senator Mark Kelly recently visited Keir Starmer.",
            [("Visit", ["Keir Starmer", "Mark Kelly"], None, "held")],
        ),
    ],
)
def test_a_person_visited_is_a_party_not_the_place(read_summits, text, expected):
    assert read_summits(text) == expected
