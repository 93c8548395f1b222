"""A later bare mention of a summit refers to the summit it names: the latest one named by the
same noun, else "the summit" the latest summit past a meeting read since, "the meeting" the
latest gathering (sentences written for the test; the model parses them)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Angela Merkel is at a summit in Brussels. Justin Trudeau will meet Joe Biden on"
            " Friday. The summit is expected to agree on migration.",
            [("Summit", 2), ("Meeting", 1)],
        ),
        (
            "Angela Merkel is at a summit in Brussels. Justin Trudeau will meet Joe Biden on"
            " Friday. The meeting is expected to be short.",
            [("Summit", 1), ("Meeting", 2)],
        ),
        (
            "NATO ministers held an informal gathering in Oslo. Spring meetings of the IMF and"
            " the World Bank follow next week. Officials said the gathering ended late.",
            [("Meeting", 2), ("Meeting", 1)],
        ),
    ],
)
def test_a_bare_mention_is_the_latest_summit_of_its_own_kind(extract_text, text, expected):
    found = extract_text(text).summits
    assert [(s.kind.value, len(s.mentions)) for s in found] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # talks on one thing are not talks on another
        (
            "The EU is gearing up for tough negotiations on its budget. EU leaders are holding"
            " talks in Oslo on how to revive growth.",
            [("Talks", "planned"), ("Talks", "ongoing")],
        ),
        # the same subject again: one round of talks
        (
            "The EU is gearing up for tough negotiations on its budget. EU leaders are holding"
            " talks on the budget in Oslo.",
            [("Talks", "planned")],
        ),
    ],
)
def test_talks_on_another_topic_are_other_talks(extract_text, text, expected):
    found = extract_text(text).summits
    assert [(s.kind.value, s.status) for s in found] == expected
