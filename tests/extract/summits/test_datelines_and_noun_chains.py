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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The budget must be settled before an EU heads of government summit meeting in March.",
            [("Summit", ["European Union"])],
        ),
        (
            "Oil ministers argued ahead of an OPEC heads of state summit in Algiers.",
            [("Summit", ["Organization of the Petroleum Exporting Countries"])],
        ),
    ],
)
def test_a_body_before_a_heads_of_government_chain_takes_part(read_summits, text, expected):
    assert [f[:2] for f in read_summits(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        # "of" a meeting of its own: the leaders' belonging is no summit party phrase
        "The EU leaders of the summit meeting were tired.",
    ],
)
def test_officials_of_a_determined_meeting_are_not_read_as_a_chain(read_summits, text):
    assert all("European Union" not in f[1] for f in read_summits(text))


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # a town the knowledge base does not hold, written before its country
        (
            "ZORVIK-AAN-ZEE, Belgium, May 4 - NATO ministers held talks on Monday.",
            "Zorvik-Aan-Zee",
        ),
        # a town it holds is that town
        ("OSLO, May 4 - NATO ministers held talks on Monday.", "Oslo"),
    ],
)
def test_talks_held_in_a_datelined_story_are_at_the_dateline_town(read_summits, text, place):
    assert [f[2] for f in read_summits(text)] == [place]
