"""A summit the text names by a proper-noun modifier is labelled as written ("the Lisbon
summit" -> "Lisbon summit"), with the parties and place the name leaves out; others keep the
kind + parties + place label (sentences written for the test; the model parses them)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Leaders prepared for the G20 summit in Osaka next month.", "G20 summit in Osaka"),
        (
            "Ministers met at the Lisbon meeting of NATO foreign ministers on Friday.",
            "Lisbon meeting of North Atlantic Treaty Organisation",
        ),
        (
            "Saudi Arabia spoke at the OPEC meeting in Vienna on Monday.",
            "OPEC meeting with Saudi Arabia in Vienna",
        ),
        (
            "Japan and Peru held a summit meeting in Lima on Friday.",
            "summit between Japan and Peru in Lima",
        ),
        (
            "Joe Biden will meet Olaf Scholz in Berlin next week.",
            "meeting between Joe Biden and Olaf Scholz in Berlin",
        ),
    ],
)
def test_a_summit_named_by_a_proper_noun_is_labelled_as_written(extract_text, text, expected):
    labels = [s.label for s in extract_text(text).summits]
    assert labels == [expected]
