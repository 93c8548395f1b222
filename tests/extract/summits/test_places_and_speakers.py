"""Who speaks at a meeting takes part in it, and where a meeting is when a participle or the
party phrase carries the place (sentences written for the test; the model parses them)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "kind", "speaker"),
    [
        (
            "Olaf Scholz was speaking at a meeting of NATO defence ministers.",
            "Meeting",
            "Olaf Scholz",
        ),
        (
            "Speaking to a meeting of the World Bank, Olaf Scholz said aid must rise.",
            "Meeting",
            "Olaf Scholz",
        ),
        ("Olaf Scholz addressed a summit meeting of the G20.", "Summit", "Olaf Scholz"),
    ],
)
def test_who_speaks_at_a_meeting_takes_part(read_summits, text, kind, speaker):
    found = read_summits(text)
    assert [f[0] for f in found] == [kind]
    assert speaker in found[0][1]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("The issue will be raised at the next OPEC meeting to be held in Vienna.", "Vienna"),
        (
            "The plan goes to a meeting of the NATO council in Brussels next week.",
            "City of Brussels",
        ),
    ],
)
def test_the_place_a_participle_or_the_party_phrase_carries(read_summits, text, place):
    assert [f[2] for f in read_summits(text)][-1] == place


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        # the parser hangs "IMF" on "Bank" as a modifier holding the "and": both take part
        (
            "Aid will be on the agenda of the spring meetings of the IMF and World Bank.",
            ["International Monetary Fund", "World Bank"],
        ),
        # who acts at a meeting the text introduces takes part in it
        (
            "At a meeting of NATO defence ministers, Germany called for more spending.",
            ["Germany", "North Atlantic Treaty Organisation"],
        ),
        (
            "Nigel Lawson stressed in talks with Dilson Funaro the need for reform.",
            ["Dilson Funaro", "Nigel Lawson"],
        ),
        # during a meeting, and the subject a coordinated verb shares
        (
            "Joe Biden praised Japan and criticised China during a meeting of NATO leaders.",
            ["Joe Biden", "North Atlantic Treaty Organisation"],
        ),
    ],
)
def test_every_conjunct_and_whoever_acts_at_a_new_meeting_take_part(read_summits, text, parties):
    assert [f[1] for f in read_summits(text)] == [parties]


def test_a_common_noun_acting_at_a_meeting_is_not_read_as_a_party(read_summits):
    text = "The bloc's Luxembourg presidency hopes to strike a deal at a June summit."
    assert read_summits(text) == []
