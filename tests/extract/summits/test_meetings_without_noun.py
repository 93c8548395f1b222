"""Meetings and visits named by a verb with no summit noun ("flew to", "arrived in",
"hosted", "received"), their guards, and one visit per coordinated place (sentences written
for the test; the model parses them)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Angela Merkel flew to Lima on Monday.",
            [("Visit", ["Angela Merkel", "Peru"], "Lima", "held")],
        ),
        (
            "Olaf Scholz arrived in Tokyo for two days of meetings.",
            [("Visit", ["Japan", "Olaf Scholz"], "Tokyo", "held")],
        ),
        (
            "Emmanuel Macron will travel to Kenya next week.",
            [("Visit", ["Emmanuel Macron", "Kenya"], "Kenya", "planned")],
        ),
        (
            "In Paris, Emmanuel Macron hosted Joe Biden.",
            [("Meeting", ["Emmanuel Macron", "Joe Biden"], "Paris", "held")],
        ),
        (
            "Olaf Scholz received Li Qiang in Berlin on Tuesday.",
            [("Meeting", ["Li Qiang", "Olaf Scholz"], "Berlin", "held")],
        ),
    ],
)
def test_a_verb_without_a_summit_noun_names_the_meeting(read_summits, text, expected):
    assert read_summits(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Oil prices flew higher on Monday.",  # no place reached
        "The committee arrived at a decision in Geneva.",  # "at a decision" is no place
        "Olaf Scholz received a letter from the union.",  # a thing received
        "Emmanuel Macron hosted a dinner for donors.",  # an event hosted, no party
        "The French team travelled well.",
    ],
)
def test_a_movement_or_hosting_verb_without_a_party_or_place_is_no_summit(read_summits, text):
    assert read_summits(text) == []


@pytest.mark.parametrize(
    ("text", "stops"),
    [
        (
            "Xi Jinping will travel to Chile and Peru next week.",
            [["Chile", "Xi Jinping"], ["Peru", "Xi Jinping"]],
        ),
        (
            "After travelling to Kenya, Ghana and Nigeria, Emmanuel Macron hopes to rest.",
            [
                ["Emmanuel Macron", "Kenya"],
                ["Emmanuel Macron", "Ghana"],
                ["Emmanuel Macron", "Nigeria"],
            ],
        ),
        (
            "Joe Biden visited Beijing and Shanghai.",  # two cities of one state: one visit
            [["Joe Biden", "People's Republic of China"]],
        ),
    ],
)
def test_coordinated_places_are_one_visit_each(read_summits, text, stops):
    found = read_summits(text)
    assert [f[1] for f in found] == stops
    assert {f[0] for f in found} == {"Visit"}
