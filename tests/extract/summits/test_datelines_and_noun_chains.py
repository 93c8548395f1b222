"""The parties of a summit when the parser misreads the sentence around it: a dateline's place
read as a second subject, a body's "heads of government summit meeting" read as "heads of
<meeting>" (sentences written for the test; the model parses them)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "OTTAWA, May 4 - Japanese Prime Minister Fumio Kishida opened talks with"
            " Prime Minister Justin Trudeau on trade.",
            ["Fumio Kishida", "Justin Trudeau"],
        ),
        (
            "NAIROBI, June 2 - German Chancellor Olaf Scholz held talks with President"
            " William Ruto on energy.",
            ["Olaf Scholz", "William Ruto"],
        ),
    ],
)
def test_the_dateline_place_is_not_the_subject_who_holds_talks(read_summits, text, expected):
    found = read_summits(text)
    assert [f[1] for f in found] == [expected]
