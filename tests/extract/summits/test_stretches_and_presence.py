"""Talks named through a stretch of them ("at two days of talks"), a new round resumed, a visit
named by being somewhere ("when he was in Nairobi"), and the parties of a summit meeting by a
verb; sentences written for the test, parsed by the model."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # who fails to agree at a stretch of talks took part; the failure is the talks' status
        (
            "NATO ministers failed to reach agreement at two days of talks on spending.",
            [("Talks", ["North Atlantic Treaty Organisation"], None, "failed")],
        ),
        # talks over by the time of writing are where the story is filed from
        (
            "MADRID, May 3 - Spending split the alliance. NATO ministers failed to reach"
            " agreement at two days of talks.",
            [("Talks", ["North Atlantic Treaty Organisation"], "Madrid", "failed")],
        ),
        # a round resumed is a new round of the same parties, after the agreeing
        (
            "NATO ministers held talks on spending on Monday. The ministers agreed to resume"
            " negotiations in Oslo next month.",
            [
                ("Talks", ["North Atlantic Treaty Organisation"], None, "held"),
                ("Talks", ["North Atlantic Treaty Organisation"], "Oslo", "planned"),
            ],
        ),
    ],
)
def test_talks_read_through_a_stretch_or_a_resumed_round(read_summits, text, expected):
    assert read_summits(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Joe Biden praised the reforms. When he was in Nairobi last week, he met farmers.",
            [("Visit", ["Joe Biden", "Kenya"], "Nairobi", "held")],
        ),
        (
            "Joe Biden was in Paris on Monday.",
            [("Visit", ["France", "Joe Biden"], "Paris", "held")],
        ),
    ],
)
def test_a_visit_named_by_being_somewhere(read_summits, text, expected):
    assert read_summits(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Joe Biden was in Ohio on Monday.",  # at home: no visit
        "Marta Kovalenko was in Nairobi on Monday.",  # a person of no known state: not abroad
        "Olaf Scholz was in charge of the budget.",  # no place
        "The budget was in Berlin's hands.",  # no person
    ],
)
def test_being_at_home_or_nowhere_is_no_visit(read_summits, text):
    assert read_summits(text) == []


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        # the parties of a summit named before, meeting by a verb, hold a summit
        (
            "Aid will top the agenda of the G20 summit in July. The G20 countries will meet in"
            " Rome.",
            ["Summit", "Summit"],
        ),
        # other parties meeting hold a meeting
        (
            "Aid will top the agenda of the G20 summit in July. NATO ministers will meet in Rome.",
            ["Summit", "Meeting"],
        ),
    ],
)
def test_summit_parties_meeting_by_a_verb_hold_a_summit(read_summits, text, kinds):
    assert [f[0] for f in read_summits(text)] == kinds
