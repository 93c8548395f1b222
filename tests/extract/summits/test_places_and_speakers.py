"""Who speaks at a meeting takes part in it, and where a meeting is when a participle or the
party phrase carries the place (sentences written for the test; the model parses them)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _read(extract_text, text):
    ex = extract_text(text)
    labels = {a.key: a.label for a in ex.actors}
    return [
        (s.kind.value, sorted(labels[p] for p in s.participants), labels.get(s.location))
        for s in ex.summits
    ]


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
def test_who_speaks_at_a_meeting_takes_part(extract_text, text, kind, speaker):
    found = _read(extract_text, text)
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
def test_the_place_a_participle_or_the_party_phrase_carries(extract_text, text, place):
    assert [f[2] for f in _read(extract_text, text)][-1] == place
